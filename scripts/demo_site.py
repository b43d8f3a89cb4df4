"""Serve the demo site for the page-checking scripts (lighthouse.py, screenshots.py).

`demo_site(port)` migrates the database named by DATABASE_URL, loads the demo content into it if
it is empty, collects the static files and serves the site with `manage.py runserver` (the
settings DJANGO_SETTINGS_MODULE names; development settings by default) until the `with` block
ends. `find_paths(base_url)` picks one page of each template from the listings.
"""

import os
import re
import subprocess  # starts manage.py and the site's own server, never a shell  # nosec B404
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
# Demo members sign in with their username at example.org and the password in demo/content/site.yaml.
DEMO_MEMBER = "amara-osei@example.org"


def manage(*args, env=None):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603 - our own manage.py  # nosec B603


@contextmanager
def demo_site(port=8765):
    """Yield the base URL of the demo site, served until the block ends."""
    base_url = f"http://127.0.0.1:{port}"
    # The canonical links and page addresses use SITE_URL (migrate points Wagtail's Site at it).
    env = {**os.environ, "SITE_URL": base_url}
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    manage("load_demo_content", "--if-empty", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    server = subprocess.Popen(  # noqa: S603 - our own manage.py, no shell  # nosec B603
        [PYTHON, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base_url)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_up(base_url, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/", timeout=5):  # noqa: S310  # nosec B310: our own local http:// server
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def first_link(base_url, listing, prefix):
    """The first link on `listing` to a page below `prefix` (not the listing itself, not a query,
    not a form to create something, not a feed)."""
    with urllib.request.urlopen(f"{base_url}{listing}", timeout=30) as response:  # noqa: S310  # nosec B310: local server
        html = response.read().decode()
    pattern = re.compile(rf'href="({re.escape(prefix)}[a-z0-9-]+/(?:[a-z0-9-]+/)?)"')
    for match in pattern.finditer(html):
        path = match.group(1)
        if path != listing and not path.endswith(("/new/", "/feed/")):
            return path
    raise LookupError(f"no link below {prefix} on {listing}")


def find_paths(base_url):
    """{page template: path} for one page of each template in the demo content."""
    return {
        "home": "/",
        "resources": "/resources/",
        "resource": first_link(base_url, "/resources/", "/resources/"),
        "case studies": "/case-studies/",
        "event": first_link(base_url, "/events/", "/events/"),
        "networks": "/networks/",
        "network": first_link(base_url, "/networks/", "/networks/"),
        "search": "/search/?q=network",
        "sign in": "/accounts/login/",
    }


def find_thread(base_url, space="getting-started"):
    """A thread of an open discussion space (visitors can read it)."""
    return first_link(base_url, f"/community/{space}/", f"/community/{space}/threads/")
