#!/usr/bin/env python
"""Real HTTP benchmark: the site under production settings, pinned to one core, driven from the
other, each page measured against a trivial baseline view in the same run (bench/README.md).

    .venv/bin/python bench/serve_bench.py --data small        # or: make bench
    .venv/bin/python bench/serve_bench.py --data large --duration 20
    .venv/bin/python bench/serve_bench.py --smoke --data none --database-url postgres://…/db

1. Data: a database of its own per scale (`<DATABASE_URL's name>_bench_<scale>`, or
   --database-url), migrated, with the demo content and `generate_bulk_data --scale <scale>`
   the first time (development settings, so the search index is built straight away).
2. The site: gunicorn with 2 workers on core 0 (`taskset -c 0`), production settings (DEBUG
   off, PostgreSQL, Redis, a random SECRET_KEY, plain HTTP on loopback), BENCH_BASELINE on.
3. Accounts (bench/fixtures.py): a member and a leader sign in through the real sign-in form;
   reply POSTs rotate through many members' sessions (posting limits are per member).
4. Load: wrk on core 1 (`taskset -c 1`, bench/wrk.lua for cookies and POSTs), `--connections`
   at once for `--duration` seconds per page after a `--warmup`; `--smoke` sends a few requests
   per page from Python instead, with no timing claims (CI runs it).
5. Output: a table (req/s, share of the baseline's req/s, median, p95, p99, status counts,
   the issue-12 target) printed and written to bench/results/<date>-<commit>-<machine>.md/.json.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import redis
import requests
from psycopg import sql
from reporting import LIGHTHOUSE_KB, LIGHTHOUSE_PERFORMANCE, report

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

# Issue 12's targets, by group: (share of the baseline's throughput, p95 in ms).
TARGETS = {"anonymous": (0.50, 50), "search": (0.10, 200), "signed-in": (0.20, 100), "post": (0.10, 150)}
# Pages a visitor may get from the page cache: measured both ways.
CACHED_GROUPS = ("anonymous", "search")


def log(message):
    print(message, flush=True)


# --- the database ---------------------------------------------------------------------------


def database_url(args):
    if args.database_url:
        return args.database_url
    base = (
        os.environ.get("BENCH_DATABASE_URL")
        or os.environ.get("DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/s4n"
    )
    parts = urlsplit(base)
    if os.environ.get("BENCH_DATABASE_URL"):
        return base
    name = parts.path.lstrip("/") or "s4n"
    return urlunsplit(parts._replace(path=f"/{name}_bench_{args.data}"))


def connect(url, name=None):
    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname=name or parts.path.lstrip("/"),
        autocommit=True,
    )


def ensure_database(url):
    name = urlsplit(url).path.lstrip("/")
    with connect(url, "postgres") as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            log(f"Creating database {name}")
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def bulk_pages(url):
    with connect(url) as connection:
        found = connection.execute("SELECT to_regclass('wagtailcore_page')").fetchone()[0]
        if not found:
            return 0
        return connection.execute("SELECT count(*) FROM wagtailcore_page WHERE slug LIKE 'bulk-%%'").fetchone()[0]


def manage(env, *command):
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def prepare_data(args, url):
    """Migrate, and the first time load the demo content and the bulk data (dev settings)."""
    ensure_database(url)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "source4networks.settings.dev"}
    manage(env, "migrate", "--noinput", "-v0")
    if bulk_pages(url):
        log(f"Reusing the bulk data in {urlsplit(url).path.lstrip('/')}")
        # Statistics for anything a migration added since (an expression index has its own).
        with connect(url) as connection:
            connection.execute("ANALYZE")
        return
    log("Loading the demo content, then the bulk data (once per database)")
    manage(env, "load_demo_content", "--force")
    seconds = manage(env, "generate_bulk_data", "--scale", args.data)
    log(f"Bulk data generated in {seconds:.0f}s")


# --- the site -------------------------------------------------------------------------------


def site_env(args, url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "source4networks.settings.production",
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "REDIS_URL": args.redis_url,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "BENCH_BASELINE": "true",
        "PYTHONUNBUFFERED": "1",
    }


def pinned(core, command, pin):
    return ["taskset", "-c", str(core), *command] if pin else command


def collect_static(env):
    """Production serves static files under hashed names from collectstatic's manifest: collected
    each run, so a changed stylesheet is the one measured."""
    log("Collecting static files")
    manage(env, "collectstatic", "--noinput", "-v0")


def empty_cache(redis_url):
    """The run's cache starts empty: pages another run stored (on other data, or before a
    change) would otherwise be served as this run's."""
    redis.Redis.from_url(redis_url).flushdb()


def start_site(args, env, log_path):
    empty_cache(args.redis_url)
    command = [GUNICORN, "source4networks.wsgi:application", "--workers", str(args.workers)]
    command += ["--bind", f"127.0.0.1:{args.port}", "--error-logfile", str(log_path), "--log-level", "warning"]
    # The site's own log lines (sign-ins, errors) go to the same file as gunicorn's.
    with open(log_path, "ab") as output:
        process = subprocess.Popen(pinned(0, command, args.pin), cwd=ROOT, env=env, stdout=output, stderr=output)
    base = f"http://127.0.0.1:{args.port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped: {log_path.read_text() if log_path.exists() else ''}")
        try:
            if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                return process
        except requests.RequestException:
            pass  # still starting
        time.sleep(0.5)
    stop_site(process)
    raise SystemExit("gunicorn did not answer /healthz within two minutes")


def requests_answer(port):
    try:
        requests.get(f"http://127.0.0.1:{port}/", timeout=2)
    except requests.RequestException:
        return False
    return True


def stop_site(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def sign_in(base, email, password):
    """Sign in through the site's own form, as a person would; returns the session cookies."""
    session = requests.Session()
    session.get(f"{base}/accounts/login/", timeout=30)
    token = session.cookies.get("csrftoken")
    response = session.post(
        f"{base}/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise SystemExit(f"Signing in as {email} failed ({response.status_code})")
    cookies = session.cookies.get_dict()
    return {"cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()), "csrf": cookies["csrftoken"]}


def identities(fixtures, base):
    signed_in = {who: sign_in(base, email, fixtures["password"]) for who, email in fixtures["accounts"].items()}
    signed_in["posters"] = fixtures["posters"]
    signed_in["turns"] = {}
    return signed_in


def credentials(page, who):
    """(cookie sets, CSRF tokens) a page is requested with."""
    name = page.get("as")
    if not name:
        return [], []
    sets = who[name] if isinstance(who[name], list) else [who[name]]
    return [item["cookie"] for item in sets], [item["csrf"] for item in sets]


# --- measuring ------------------------------------------------------------------------------


def run_wrk(args, base, page, who, seconds, out):
    cookies, tokens = credentials(page, who)
    cookie_file = Path(out).with_suffix(".cookies")
    cookie_file.write_text("".join(f"{cookie}\t{token}\n" for cookie, token in zip(cookies, tokens, strict=True)))
    env = {
        **os.environ,
        "BENCH_METHOD": page.get("method", "GET"),
        "BENCH_COOKIES": str(cookie_file) if cookies else "",
        # Each run goes on through the cookie sets where the last stopped: a member who posted
        # a moment ago would be refused (10 seconds between posts).
        "BENCH_FIRST": str(who["turns"].get(page["name"], 0)),
        "BENCH_BODY": urlencode(page.get("form", {})),
        "BENCH_OUT": str(out),
        "BENCH_MISS": secrets.token_hex(4) if page.get("miss") else "",
    }
    command = ["wrk", "-t1", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["-s", str(BENCH_DIR / "wrk.lua"), base + page["path"]]
    subprocess.run(pinned(1, command, args.pin), env=env, check=True, capture_output=True)
    found = json.loads(Path(out).read_text())
    if cookies:
        who["turns"][page["name"]] = (who["turns"].get(page["name"], 0) + found["requests"] + args.connections) % len(
            cookies
        )
    return found


def measure_wrk(args, base, page, who, work_dir):
    if args.warmup:
        run_wrk(args, base, page, who, args.warmup, work_dir / "warmup.json")
    found = run_wrk(args, base, page, who, args.duration, work_dir / "run.json")
    seconds = found["duration_us"] / 1e6
    return {
        "requests": found["requests"],
        "rps": found["requests"] / seconds if seconds else 0,
        "p50_ms": found["p50_us"] / 1000,
        "p95_ms": found["p95_us"] / 1000,
        "p99_ms": found["p99_us"] / 1000,
        "statuses": {str(status): count for status, count in found["statuses"].items()},
        "errors": {kind: count for kind, count in found["errors"].items() if count and kind != "status"},
    }


def measure_python(base, page, who, count):
    """A few requests one after another (the smoke test): statuses, and rough timings."""
    cookies, tokens = credentials(page, who)
    timings, statuses = [], {}
    # Anywhere in the cookie sets: a member who posted a moment ago would be refused.
    start = secrets.randbelow(len(cookies)) if cookies else 0
    for number in range(start, start + count):
        headers = {"Cookie": cookies[number % len(cookies)]} if cookies else {}
        data = None
        if page.get("method") == "POST":
            data = {**page.get("form", {}), "csrfmiddlewaretoken": tokens[number % len(tokens)]}
        address = base + page["path"]
        if page.get("miss"):
            address += ("&" if "?" in address else "?") + f"bench-miss={secrets.token_hex(4)}"
        started = time.perf_counter()
        response = requests.request(
            page.get("method", "GET"),
            address,
            headers=headers,
            data=data,
            allow_redirects=False,
            timeout=60,
        )
        timings.append(time.perf_counter() - started)
        statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1
    total = sum(timings)
    ordered = sorted(timings)
    return {
        "requests": count,
        "rps": count / total if total else 0,
        "p50_ms": statistics.median(timings) * 1000,
        "p95_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000,
        "p99_ms": ordered[-1] * 1000,
        "statuses": statuses,
        "errors": {},
    }


def measure_page(args, base, page, who, work):
    found = (
        measure_python(base, page, who, args.smoke_requests) if args.smoke else measure_wrk(args, base, page, who, work)
    )
    row = {**page, **found}
    row.pop("form", None)
    log(
        f"  {page['name']:<28} {found['rps']:>8.1f} req/s  p50 {found['p50_ms']:>7.1f} ms  "
        f"p95 {found['p95_ms']:>7.1f} ms  {found['statuses']}"
    )
    return row


def with_misses(pages):
    """Each page a visitor may get from the page cache, twice: as measured (after the first
    request, from the cache) and with a new address each time (`bench-miss=…`), so every
    request is made afresh, as for a page no one has asked for since the last publish."""
    found = []
    for page in pages:
        found.append(page)
        if page["group"] in CACHED_GROUPS:
            found.append({**page, "name": f"{page['name']}, not cached", "miss": True})
    return found


def measure(args, base, pages, who):
    pages = [
        page
        for page in with_misses(pages)
        if not args.only or page["group"] == "baseline" or re.search(args.only, page["name"])
    ]
    with tempfile.TemporaryDirectory() as work:
        rows = [measure_page(args, base, page, who, Path(work)) for page in pages]
        # The baseline again at the end: on a shared machine the load changes during a run, and
        # the pages are compared with the mean of the two.
        first = next((page for page in pages if page["group"] == "baseline"), None)
        if first and not args.smoke:
            rows.append(measure_page(args, base, {**first, "name": f"{first['name']}, again"}, who, Path(work)))
    baselines = [row["rps"] for row in rows if row["group"] == "baseline"]
    baseline = statistics.mean(baselines) if baselines else None
    for row in rows:
        row["ratio"] = row["rps"] / baseline if baseline else None
        expected = str(row.get("expect", 200))
        row["ok"] = set(row["statuses"]) == {expected} and not row["errors"]
        target = TARGETS.get(row["group"])
        row["target"] = f"≥{target[0]:.0%}, p95 ≤{target[1]} ms" if target else ""
        row["met"] = bool(
            row["ok"]
            and target
            and row["ratio"] is not None
            and row["ratio"] >= target[0]
            and row["p95_ms"] <= target[1]
        )
    return rows


def lighthouse_pages(base, pages, who):
    """Lighthouse on each GET page of the table, as the visitor or member the table measures
    it as (their session cookie goes with every request), on the site as measured."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import lighthouse  # scripts/lighthouse.py: the pinned Lighthouse and Debian's Chromium

    rows = []
    for page in pages:
        if page["group"] == "baseline" or page.get("method", "GET") != "GET":
            continue
        cookies, _ = credentials(page, who)
        result = lighthouse.run_lighthouse(base + page["path"], headers={"Cookie": cookies[0]} if cookies else None)
        problems = lighthouse.below_full_marks(page["path"], result)
        row = {
            "name": page["name"],
            **{name: result[name] for name in lighthouse.CATEGORIES},
            "kb": result["kb"],
            "problems": problems,
            "met": not problems and result["performance"] >= LIGHTHOUSE_PERFORMANCE and result["kb"] <= LIGHTHOUSE_KB,
        }
        log(
            f"  {page['name']:<28} performance {row['performance']:>3}  accessibility {row['accessibility']:>3}  "
            f"best practices {row['best-practices']:>3}  SEO {row['seo']:>3}  {row['kb']:.1f} KB"
        )
        rows.append(row)
    return rows


# --- the data's size ------------------------------------------------------------------------


def counts(url):
    queries = {
        "resources": "SELECT count(*) FROM resources_resourcepage",
        "case studies": "SELECT count(*) FROM casestudies_casestudypage",
        "events": "SELECT count(*) FROM events_eventpage",
        "members": "SELECT count(*) FROM auth_user",
        "networks": "SELECT count(*) FROM networks_network",
        "threads": "SELECT count(*) FROM discussions_thread",
        "posts": "SELECT count(*) FROM discussions_post",
        "diagnostic responses": "SELECT count(*) FROM diagnostics_response",
    }
    with connect(url) as connection:
        return {name: connection.execute(query).fetchone()[0] for name, query in queries.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data",
        choices=["small", "large", "none"],
        default="small",
        help="bulk data scale; none: use the database as it is (needs --database-url)",
    )
    parser.add_argument("--database-url", help="measure this database (otherwise one per scale)")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"))
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of load per page before measuring (default 2)")
    parser.add_argument("--connections", type=int, default=4, help="requests in flight at once (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--posters", type=int, default=3000, help="members the reply POSTs rotate through")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--only", help="measure only pages whose name matches this regular expression (and the baseline)"
    )
    parser.add_argument("--smoke", action="store_true", help="a few requests per page from Python, no timing claims")
    parser.add_argument("--smoke-requests", type=int, default=3)
    parser.add_argument("--no-pin", dest="pin", action="store_false", help="do not pin to cores with taskset")
    parser.add_argument(
        "--lighthouse",
        nargs="?",
        const=".",
        metavar="REGEX",
        help="after the load, Lighthouse (mobile) on each GET page (or those whose name matches REGEX): "
        "scores and kilobytes transferred on a first visit",
    )
    parser.add_argument(
        "--compare", metavar="JSON", help="an earlier run's .json (on `small`, say): each p95 as a multiple of its"
    )
    parser.add_argument("--output-dir", default=str(BENCH_DIR / "results"))
    args = parser.parse_args(argv)
    if args.data == "none" and not args.database_url:
        parser.error("--data none needs --database-url")
    if (os.cpu_count() or 1) < 2 or not shutil.which("taskset"):
        args.pin = False
    if not args.smoke and not shutil.which("wrk"):
        parser.error("wrk is missing: apt-get install -y wrk (or use --smoke)")

    started = time.perf_counter()
    url = database_url(args)
    if args.data != "none":
        prepare_data(args, url)
    env = site_env(args, url)
    collect_static(env)
    fixtures = json.loads(
        subprocess.run(
            [PYTHON, str(BENCH_DIR / "fixtures.py"), "--posters", str(args.posters)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    with tempfile.TemporaryDirectory() as work:
        if requests_answer(args.port):
            raise SystemExit(f"Something already answers on port {args.port}: stop it or pass --port")
        process = start_site(args, env, Path(work) / "gunicorn.log")
        try:
            base = f"http://127.0.0.1:{args.port}"
            who = identities(fixtures, base)
            log(f"Measuring {len(fixtures['pages'])} pages at {base}")
            rows = measure(args, base, fixtures["pages"], who)
            first_visits = []
            if args.lighthouse:
                log("Lighthouse on each page (a first visit, mobile profile)")
                chosen = [page for page in fixtures["pages"] if re.search(args.lighthouse, page["name"])]
                first_visits = lighthouse_pages(base, chosen, who)
        finally:
            stop_site(process)
            errors = (Path(work) / "gunicorn.log").read_text() if (Path(work) / "gunicorn.log").exists() else ""
    report(args, rows, counts(url), started, first_visits)
    failed = [row["name"] for row in rows if not row["ok"]]
    if failed:
        log("The site's log, last lines:\n" + errors[-4000:])
        log(f"Unexpected statuses or errors: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
