"""The restore drill (scripts/restore_drill.py, docs/operations.md ("Backups and restore")): a dump of the database and
a tar of the media, restored into a new database and folder, serve the same site. And the
drill notices when a copy does not."""

import re
import shutil
import subprocess
import sys

import psycopg
import pytest

from .stack import BASE_DIR, Stack, server_url

pytestmark = pytest.mark.resilience

DRILL = str(BASE_DIR / "scripts" / "restore_drill.py")


@pytest.fixture(scope="module")
def stack():
    # No app server: the drill renders the pages itself, from each copy.
    with Stack(servers=0, redis_db=8, content="restore_drill") as stack:
        yield stack


def drill(stack, *args):
    return subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, DRILL, *args], cwd=BASE_DIR, env=stack.env, capture_output=True, text=True, timeout=120
    )


def databases_named(stack, pattern):
    return [name for (name,) in stack.query("SELECT datname FROM pg_database WHERE datname LIKE %s", [pattern])]


def test_a_restored_backup_serves_the_same_site(stack):
    result = drill(
        stack, "drill", "--verbose", "--database-url", server_url(stack.database), "--media-dir", str(stack.media_root)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "differences: 0" in result.stdout
    assert "restore drill passed" in result.stdout
    # Served alike from both copies: the home page, a listing, a resource, an event, a
    # network, the networks directory, search, the sitemap and the document download.
    served = {line.split()[-1] for line in result.stdout.splitlines() if line.startswith("same page 200 ")}
    expected = {"/", "/resources/", "/resources/leading-a-network/", "/events/drill-day/", stack.content["network"]}
    expected |= {"/networks/", "/search/?q=network", "/sitemap.xml", stack.content["document"]}
    assert expected <= served, result.stdout
    # Every table (the site has about a hundred), and the picture, its rendition and the document.
    assert re.search(r"tables: \d{3} compared", result.stdout), result.stdout
    assert "media files: 3 compared" in result.stdout, result.stdout
    # The copy is dropped afterwards.
    assert databases_named(stack, f"{stack.database}_drill_%") == []


def test_the_drill_notices_a_copy_that_differs(stack, tmp_path):
    # A copy made directly (the drill's own restore is tested above), then spoiled: a page
    # retitled, and the document's file missing from the media.
    copy = f"{stack.database}_spoiled"
    stack.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{stack.database}"')
    media = tmp_path / "media"
    shutil.copytree(stack.media_root, media)
    try:
        with psycopg.connect(server_url(copy), autocommit=True) as connection:
            connection.execute("UPDATE wagtailcore_page SET title = 'Old title' WHERE slug = 'leading-a-network'")
        (media / "documents" / "restore-drill-guide.txt").unlink()
        result = drill(
            stack,
            "compare",
            *["--database-url", server_url(stack.database), "--media-dir", str(stack.media_root)],
            *["--restored-database-url", server_url(copy), "--restored-media-dir", str(media)],
        )
    finally:
        stack.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
    assert result.returncode == 1, result.stdout + result.stderr
    assert "DIFFERENT table wagtailcore_page" in result.stdout
    assert "DIFFERENT page /resources/leading-a-network/" in result.stdout
    assert "DIFFERENT media documents/restore-drill-guide.txt" in result.stdout
    assert f"DIFFERENT page {stack.content['document']}" in result.stdout
