"""The benchmark harness's smoke run (bench/serve_bench.py --smoke), to keep it working: the
site under production settings on gunicorn, the bench accounts signed in through the real form,
a few requests to every page the harness measures, and its table written. No timing claims.

The harness reads the database from other processes, so the data is committed (a transactional
test); the database is put back as the migrations left it after the module. Needs Redis (the
production settings refuse to start without it): skipped when Redis is not there, except in CI."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import redis
from django.core.management import call_command
from django.db import connection

from tests.concurrency import in_ci
from tests.page_catalogue import migrated_snapshot, restore_database
from tests.resilience.stack import free_port

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE") or ROOT / "node_modules" / ".bin" / "lighthouse")
# Each page a visitor may get from the cache is measured again "not cached" (a new address each time).
PAGES = [
    "baseline (fixed response)",
    "home",
    "home, not cached",
    "resources, filtered",
    "resources, filtered, not cached",
    "a resource",
    "a resource, not cached",
    "case studies, filtered",
    "case studies, filtered, not cached",
    "a case study",
    "a case study, not cached",
    "events",
    "events, not cached",
    "networks",
    "networks, not cached",
    "a network",
    "a network, not cached",
    "search, common word",
    "search, common word, not cached",
    "search, rare word",
    "search, rare word, not cached",
    "community",
    "a space",
    "thread, 50 replies",
    "member directory",
    "my diagnostic result",
    "round results (leader)",
    "post a reply",
    "save a diagnostic page",
]


def redis_is_up():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError:
        return False


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgresql://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module", autouse=True)
def _leave_database_as_migrated(django_db_setup, django_db_blocker):
    # The snapshot Django took of the migrated database (serialized_rollback below asks for it);
    # put back after the module, once pytest-django has flushed the database after the test.
    with django_db_blocker.unblock():
        snapshot = migrated_snapshot()
    yield
    with django_db_blocker.unblock():
        restore_database(snapshot)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_smoke_run_measures_every_page(tmp_path):
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not answering at {REDIS_URL}")
        pytest.skip(f"Redis is not answering at {REDIS_URL}")
    if connection.vendor != "postgresql":
        pytest.skip("The harness measures PostgreSQL")
    call_command("generate_bulk_data", "--scale", "small", "--factor", "0.0005", stdout=StringIO())
    command = [sys.executable, "bench/serve_bench.py", "--smoke", "--data", "none"]
    command += ["--database-url", database_url(), "--redis-url", REDIS_URL, "--output-dir", str(tmp_path)]
    command += ["--no-pin", "--posters", "10", "--port", str(free_port())]
    # An earlier run to compare p95 with (only its home page's figure).
    earlier = tmp_path / "earlier.json"
    earlier.write_text(json.dumps({"data": "small", "pages": [{"name": "home", "p95_ms": 1000.0}]}))
    command += ["--compare", str(earlier)]
    if LIGHTHOUSE.exists() or in_ci():
        command += ["--lighthouse", "^(home|thread, 50 replies)$"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)  # noqa: S603
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]

    report = next(tmp_path.glob("*-smoke.md")).read_text()
    for name in PAGES:
        assert f"| {name} |" in report
    rows = {row["name"]: row for row in json.loads(next(tmp_path.glob("*-smoke.json")).read_text())["pages"]}
    assert sorted(rows) == sorted(PAGES)
    # Every page answered as a person would see it: pages 200, both forms redirect on success.
    assert {name: row["statuses"] for name, row in rows.items() if not row["ok"]} == {}
    assert rows["post a reply"]["statuses"] == {"302": 3}
    assert rows["baseline (fixed response)"]["ratio"] == 1.0
    assert "p95 ÷ small's" in report
    assert rows["home"]["p95_growth"] == rows["home"]["p95_ms"] / 1000.0
    assert "p95_growth" not in rows["a resource"]

    # A first visit, for a visitor and for a member (their session cookie sent): the scores, and
    # within the weight budget (compressed static files as production serves them).
    if "--lighthouse" in command:
        visits = {
            row["name"]: row for row in json.loads(next(tmp_path.glob("*-smoke.json")).read_text())["first_visits"]
        }
        assert sorted(visits) == ["home", "thread, 50 replies"]
        assert "First visits (Lighthouse" in report
        for row in visits.values():
            assert row["problems"] == [], row
            assert 5 < row["kb"] <= 100, row
