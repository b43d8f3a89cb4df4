"""Lighthouse (mobile profile, Debian's Chromium) on a handful of page templates: accessibility,
best practices and SEO all 100. scripts/lighthouse.py does the work and checks every template on
the demo content; this test runs it against the page catalogue on the live server, on the pages
that stand for the others (a content page, a listing, a network page, the search).

Lighthouse comes from `npm ci` (package.json pins it). Without it the test fails in CI (CI is
set) and is skipped, saying why, elsewhere."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from source4networks.site_address import sync_wagtail_site
from tests.browser.conftest import BROWSER_DB
from tests.concurrency import in_ci

pytestmark = [pytest.mark.browser, BROWSER_DB]

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "lighthouse.py"
LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE") or ROOT / "node_modules" / ".bin" / "lighthouse")
ENTRIES = ["home", "resource page", "network page, visitor", "search, with results"]


def test_lighthouse_scores_are_full_marks(catalogue, live_server, settings):
    if not LIGHTHOUSE.exists():
        message = f"Lighthouse is not installed at {LIGHTHOUSE}: run `npm ci`"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    # Canonical links on the live server's own address, as on a deployed site (Lighthouse fails
    # a canonical link to another host).
    settings.SITE_URL = live_server.url
    sync_wagtail_site()
    paths = [catalogue.url(name) for name in ENTRIES]
    result = subprocess.run(  # noqa: S603 - our own interpreter and script, no shell
        [sys.executable, str(SCRIPT), "--base-url", live_server.url, *paths],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,  # four pages, each run again if Lighthouse loses its trace
    )
    print(result.stdout)  # the scores, shown with -s or when the test fails
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
