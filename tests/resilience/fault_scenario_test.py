"""The short load and fault scenario (fault_run.py) as a test: a private production stack
(its own PostgreSQL, Redis, gunicorn, worker and SMTP server), 20 users for 20 s with
PostgreSQL stopped for 5 s, then Redis and the worker stopped. `make resilience` runs the
full one (100 users, 3 minutes, PostgreSQL down 10 s)."""

import os
import shutil
from pathlib import Path

import pytest

from tests.resilience import fault_run

pytestmark = pytest.mark.resilience

SHORT = ["--light", "--users", "20", "--run-time", "25", "--db-down-at", "12", "--db-down-for", "5", "--members", "12"]


def missing_programs():
    found = {
        name: shutil.which(name) or any(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
        for name in ("initdb", "pg_ctl")
    }
    found["redis-server"] = shutil.which("redis-server")
    return [name for name, where in found.items() if not where]


def test_the_site_survives_its_services_failing_under_load():
    missing = missing_programs()
    if missing:
        message = f"The fault scenario needs {', '.join(missing)} (PostgreSQL server and Redis packages)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    checks, figures = fault_run.scenario(fault_run.arguments(SHORT))
    failed = [f"{name}: {detail}" for name, passed, detail in checks.results if not passed]
    assert not failed, "\n".join(failed)
    assert figures["writes lost"] == 0 and figures["5xx outside the outage"] == 0
