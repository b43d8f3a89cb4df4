#!/usr/bin/env python
"""Restore drill: prove that a backup (PostgreSQL dump plus the media folder) brings the site
back as it was. See docs/operations.md ("Backups and restore").

    scripts/restore_drill.py drill --database-url postgres://... --media-dir /srv/media

1. backs up: `pg_dump -Fc` of the database, a tar of the media folder;
2. restores both into a NEW database (on the same server) and a new folder;
3. compares the copy with the original: every table's rows (count and a checksum of their
   contents), every sequence, every media file (checksum), and the pages the site serves
   (the home page, every live public page, the network pages and directory, every document
   download, search and the sitemap), rendered by the site's own code from each copy and
   compared byte for byte once the parts made fresh for each request (CSRF tokens, CSP
   nonces) are taken out;
4. drops the copy (unless --keep) and exits 0 when everything matched, 1 otherwise.

`compare` runs step 3 alone, against a copy restored by hand. The pages are rendered under
the settings in the environment (DJANGO_SETTINGS_MODULE, production by default), with each
copy's DATABASE_URL and MEDIA_ROOT, and a private in-memory cache so neither copy can be
answered from a page the other put in a shared cache. Needs pg_dump and pg_restore of the
server's major version."""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess  # runs PostgreSQL's tools and this script, never a shell  # nosec B404
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
# Made afresh for every request: never part of the content.
PER_REQUEST = [
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'), b'name="csrfmiddlewaretoken" value=""'),
    (re.compile(rb'nonce="[^"]*"'), b'nonce=""'),
]


# Backing up and restoring ------------------------------------------------------------------


def database_name(url):
    return urlsplit(url).path.lstrip("/")


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def tool(*args):
    subprocess.run(args, check=True)  # noqa: S603 - PostgreSQL's own tools, no shell  # nosec B603


def back_up(database_url, media_dir, workdir):
    started = time.monotonic()
    dump, media = workdir / "database.dump", workdir / "media.tar.gz"
    tool("pg_dump", "--format=custom", f"--file={dump}", database_url)
    with tarfile.open(media, "w:gz") as archive:
        archive.add(media_dir, arcname="media")
    print(
        f"backed up in {time.monotonic() - started:.1f} s: {dump} ({dump.stat().st_size} bytes), "
        f"{media} ({media.stat().st_size} bytes)"
    )
    return dump, media


def create(database_url):
    import psycopg  # here: only the drill needs it, and `--help` works without it

    with psycopg.connect(with_database(database_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database_name(database_url)}"')


def restore(dump, media, new_url, workdir):
    started = time.monotonic()
    tool("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={new_url}", str(dump))
    restored_media = workdir / "restored"
    with tarfile.open(media) as archive:
        archive.extractall(restored_media, filter="data")
    took = time.monotonic() - started
    print(f"restored in {took:.1f} s: database {database_name(new_url)}, media {restored_media / 'media'}")
    return restored_media / "media"


def drop(database_url):
    import psycopg  # here: only the drill needs it, and `--help` works without it

    with psycopg.connect(with_database(database_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database_name(database_url)}" WITH (FORCE)')


# Comparing ---------------------------------------------------------------------------------


def table_checksums(database_url):
    """{table: [rows, checksum of the rows' contents]} and {sequence: last value}."""
    import psycopg  # here: only the drill needs it, and `--help` works without it
    from psycopg import sql

    tables, sequences = {}, {}
    with psycopg.connect(database_url) as connection:
        names = connection.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        ).fetchall()
        for (name,) in names:
            query = sql.SQL(
                "SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {} t"
            ).format(sql.Identifier(name))
            tables[name] = list(connection.execute(query).fetchone())
        # Django's id columns are identity columns: their sequences show here, not in information_schema.
        for name, last_value in connection.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        ).fetchall():
            sequences[name] = last_value
    return tables, sequences


def media_checksums(media_dir):
    found = {}
    for path in sorted(Path(media_dir).rglob("*")):
        if path.is_file():
            found[str(path.relative_to(media_dir))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def page_snapshot(database_url, media_dir, workdir, label):
    """The site's pages rendered from one copy, in a process of its own (run_snapshot)."""
    out = workdir / f"pages-{label}.json"
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media_dir)}
    env.setdefault("DJANGO_SETTINGS_MODULE", "source4networks.settings.production")
    subprocess.run(  # noqa: S603 - our own interpreter and script, no shell  # nosec B603
        [sys.executable, __file__, "snapshot", "--out", str(out)], check=True, cwd=BASE_DIR, env=env
    )
    return json.loads(out.read_text())


def differences(name, original, restored):
    found = []
    for key in sorted(set(original) | set(restored)):
        if original.get(key) != restored.get(key):
            found.append(f"{name} {key}: original {original.get(key)} restored {restored.get(key)}")
    return found


def compare(database_url, media_dir, restored_url, restored_media, workdir, verbose=False):
    """Print what was compared and every difference (every page too when `verbose`); True
    when the copy matches."""
    started = time.monotonic()
    tables, sequences = table_checksums(database_url)
    restored_tables, restored_sequences = table_checksums(restored_url)
    media, restored_files = media_checksums(media_dir), media_checksums(restored_media)
    pages = page_snapshot(database_url, media_dir, workdir, "original")
    restored_pages = page_snapshot(restored_url, restored_media, workdir, "restored")
    found = (
        differences("table", tables, restored_tables)
        + differences("sequence", sequences, restored_sequences)
        + differences("media", media, restored_files)
        + differences("page", pages, restored_pages)
    )
    rows = sum(count for count, _checksum in tables.values())
    served = sum(1 for status, *_rest in pages.values() if status == 200)
    print(f"tables: {len(tables)} compared ({rows} rows), sequences: {len(sequences)}")
    print(f"media files: {len(media)} compared")
    print(f"pages: {len(pages)} compared ({served} served with 200)")
    if verbose:
        for path, (status, *_rest) in pages.items():
            print(f"{'same' if restored_pages.get(path) == pages[path] else 'DIFFERENT'} page {status} {path}")
    for line in found:
        print(f"DIFFERENT {line}")
    if not served:
        print("FAILED the site served no page from the original: check the settings in the environment")
    print(f"differences: {len(found)} (compared in {time.monotonic() - started:.1f} s)")
    return not found and served > 0


# The pages, rendered by the site (in the snapshot process) ---------------------------------


def paths_to_compare():
    """Every address whose content comes from the database or the media folder."""
    # Imported here: this runs in the snapshot process, once Django is set up.
    from django.urls import reverse
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from community.networks.models import Network

    paths = {"/", "/sitemap.xml", reverse("community:network_directory"), "/search/?q=network"}
    paths.update(page.url for page in Page.objects.live().public().exclude(depth=1).specific() if page.url)
    paths.update(network.get_absolute_url() for network in Network.objects.all())
    paths.update(document.url for document in get_document_model().objects.all())
    return sorted(paths)


def run_snapshot(out):
    sys.path.insert(0, str(BASE_DIR))
    import django  # here: the snapshot process is the only one that sets Django up

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    host = urlsplit(settings.SITE_URL).hostname
    pages = {}
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        client = Client(HTTP_HOST=host)
        for path in paths_to_compare():
            response = client.get(path, secure=settings.SECURE_SSL_REDIRECT)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            for pattern, replacement in PER_REQUEST:
                body = pattern.sub(replacement, body)
            pages[path] = [response.status_code, response.get("Content-Type", ""), hashlib.sha256(body).hexdigest()]
    Path(out).write_text(json.dumps(pages, indent=1))


# Command line ------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drill = commands.add_parser("drill", help="back up, restore into a new database and folder, compare")
    drill.add_argument("--database-url", required=True, help="the database to back up (postgres://...)")
    drill.add_argument("--media-dir", required=True, type=Path, help="the media folder (MEDIA_ROOT)")
    drill.add_argument("--keep", action="store_true", help="keep the restored database, media and dump")
    drill.add_argument("--verbose", action="store_true", help="list every page compared")
    check = commands.add_parser("compare", help="compare a restored copy with the original")
    check.add_argument("--database-url", required=True)
    check.add_argument("--media-dir", required=True, type=Path)
    check.add_argument("--restored-database-url", required=True)
    check.add_argument("--restored-media-dir", required=True, type=Path)
    check.add_argument("--verbose", action="store_true", help="list every page compared")
    snapshot = commands.add_parser("snapshot", help=argparse.SUPPRESS)
    snapshot.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    if args.command == "snapshot":
        run_snapshot(args.out)
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="restore-drill-"))
    if args.command == "compare":
        try:
            matched = compare(
                args.database_url,
                args.media_dir,
                args.restored_database_url,
                args.restored_media_dir,
                workdir,
                args.verbose,
            )
            return 0 if matched else 1
        finally:
            shutil.rmtree(workdir)
    started = time.monotonic()
    new_name = f"{database_name(args.database_url)[:40]}_drill_{time.strftime('%Y%m%d%H%M%S')}"
    restored_url = None
    matched = False
    try:
        dump, media = back_up(args.database_url, args.media_dir, workdir)
        create(with_database(args.database_url, new_name))
        restored_url = with_database(args.database_url, new_name)
        restored_media = restore(dump, media, restored_url, workdir)
        matched = compare(args.database_url, args.media_dir, restored_url, restored_media, workdir, args.verbose)
    finally:
        if args.keep:
            print(f"kept: {workdir}" + (f" and database {new_name}" if restored_url else ""))
        else:
            if restored_url:
                drop(restored_url)
            shutil.rmtree(workdir)
    print(f"restore drill {'passed' if matched else 'FAILED'} in {time.monotonic() - started:.1f} s")
    return 0 if matched else 1


if __name__ == "__main__":
    sys.exit(main())
