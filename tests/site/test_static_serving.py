"""`make run` serves static files as production does: the site as `make run` starts it (the
development settings, static files collected, `manage.py runserver`) names the stylesheet by
its hashed name and sends it compressed (Brotli or gzip, as the browser accepts) with a year's
caching; a visitor's first page stays small."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.resilience.stack import free_port

ROOT = Path(__file__).resolve().parents[2]
YEAR = "max-age=315360000"


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory):
    """The site under the development settings on an SQLite file of its own."""
    work = tmp_path_factory.mktemp("dev-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "source4networks.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "STATIC_ROOT": str(work / "staticfiles"),
    }
    env.pop("PAGE_CACHE_SECONDS", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own manage.py, no shell
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base}/healthz", timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def stylesheet_address(base):
    html = requests.get(f"{base}/", timeout=30).text
    return re.search(r'<link rel="stylesheet" href="(/static/dist/main\.[0-9a-f]{12}\.css)">', html).group(1)


def test_the_stylesheet_has_a_hashed_name_and_comes_compressed_for_a_year(dev_site):
    address = stylesheet_address(dev_site)
    for accepted, encoding in (("br, gzip", "br"), ("gzip", "gzip")):
        response = requests.get(f"{dev_site}{address}", headers={"Accept-Encoding": accepted}, timeout=30, stream=True)
        compressed = response.raw.read()
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == encoding
        assert YEAR in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]
        # The whole stylesheet, compressed: well under a tenth of its 258 KB.
        assert 5_000 < len(compressed) < 40_000, len(compressed)


def test_the_javascript_comes_compressed_too(dev_site):
    html = requests.get(f"{dev_site}/", timeout=30).text
    script = re.search(r'src="(/static/js/init\.[0-9a-f]{12}\.js)"', html).group(1)
    response = requests.get(f"{dev_site}{script}", headers={"Accept-Encoding": "br"}, timeout=30)
    assert response.headers["Content-Encoding"] == "br"
    assert YEAR in response.headers["Cache-Control"]


def test_a_file_not_collected_yet_keeps_its_plain_name(tmp_path):
    # runserver without collecting first still finds the files (by their plain names).
    from source4networks.static_storage import HashedStaticFilesStorage

    assert HashedStaticFilesStorage(location=tmp_path).url("dist/main.css") == "/static/dist/main.css"
