"""The production stack on loopback, for tests that need real processes: gunicorn app servers
under production settings, sharing one PostgreSQL database, one Redis database and one media
folder, as app servers behind a load balancer would.

    with Stack(servers=2, redis_db=7, content="two_servers") as stack:
        stack.content                                # what tests/resilience/content.py built
        requests.get(stack.servers[0].url("/healthz"))

The database is a fresh PostgreSQL database, dropped at the end. The test's own database
cannot serve: pytest-django keeps it inside a transaction other processes never see.
Migrating from nothing takes about 20 seconds, so the migrated schema is kept as a template
database named by a hash of the migration files and copied for each stack (a second or
two). Static files are collected once per set of source files, for the same reason.

PostgreSQL: DATABASE_URL's server when it names one, otherwise 127.0.0.1:5432 as postgres.
Redis: 127.0.0.1:6379, in a database number of the stack's own, flushed at the start.
When either cannot be reached the tests are skipped, except in CI (CI=true), where they fail."""

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import redis
import requests
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders

from tests.concurrency import in_ci

BASE_DIR = Path(settings.BASE_DIR)
SITE_URL = "http://127.0.0.1"
START_TIMEOUT = 60  # seconds; a loaded CI machine starts Django slowly
# The migrations of the checkout: a change to any of them makes a new template.
MIGRATIONS = sorted(
    path
    for path in BASE_DIR.glob("**/migrations/*.py")
    if ".venv" not in path.parts and "node_modules" not in path.parts
)


def unavailable(message):
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def server_url(database="postgres"):
    """The PostgreSQL server the tests use, with `database` as the path."""
    configured = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(configured if configured.startswith("postgres") else "postgres://postgres@127.0.0.1:5432/")
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", "", ""))


def connect():
    try:
        return psycopg.connect(server_url(), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        unavailable(f"PostgreSQL at {server_url()} cannot be reached: {error}")


def database_exists(cursor, name):
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def drop_database(name):
    with connect() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(**extra):
    """The environment of a production app server on loopback, plus `extra`."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(BASE_DIR),
        "DJANGO_SETTINGS_MODULE": "source4networks.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": SITE_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        # Nothing listens: the email tasks wait in the queue, and no test runs the worker.
        "EMAIL_PORT": str(free_port()),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
    }
    env.update(extra)
    return env


def run(args, env, timeout=120):
    """Run our own Python with `args` in `env`; fail the test with its output if it fails."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        pytest.fail(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@contextlib.contextmanager
def file_lock(name):
    """One process at a time (xdist workers, parallel runs) builds a shared artefact."""
    path = Path(tempfile.gettempdir()) / f"{name}.lock"
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def template_database():
    """A database migrated from the checkout's migrations, to copy."""
    digest = hashlib.sha256()
    for path in MIGRATIONS:
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    name = f"s4n_resilience_template_{digest.hexdigest()[:16]}"
    with file_lock(name), connect() as connection:
        if database_exists(connection.cursor(), name):
            return name
        # Built under another name and renamed when complete: a failed build is never used.
        building = f"{name}_building"
        connection.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{building}"')
        env = production_env(DATABASE_URL=server_url(building), REDIS_URL="redis://127.0.0.1:6379/15")
        run(["manage.py", "migrate", "--noinput"], env, timeout=300)
        connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    return name


def fresh_database():
    """A new database with the migrated schema and the site's set-up (home, sections, groups)."""
    template = template_database()
    name = f"s4n_resilience_{secrets.token_hex(6)}"
    # Copying needs the template to have no other session: one copy at a time.
    with file_lock(template), connect() as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


def collected_static():
    """STATIC_ROOT with collectstatic's output (production reads its manifest), shared by
    every stack while the static source files stay the same."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    root = Path(tempfile.gettempdir()) / f"s4n-resilience-static-{digest.hexdigest()[:16]}"
    with file_lock(root.name):
        if not (root / "staticfiles.json").exists():
            env = production_env(STATIC_ROOT=str(root), REDIS_URL="redis://127.0.0.1:6379/15")
            run(["manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env, timeout=300)
    return root


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """One gunicorn app server with one worker on a free loopback port."""

    def __init__(self, env, log_dir, name):
        self.port = free_port()
        self.log_path = Path(log_dir) / f"{name}.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "gunicorn", "source4networks.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", "1", "--graceful-timeout", "5"],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_until_healthy(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url("/healthz"), timeout=2).status_code == 200:
                    return
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"The app server on port {self.port} did not start:\n{self.log_path.read_text()[-5000:]}")

    def signal_stop(self):
        # SIGINT: gunicorn's quick shutdown. SIGTERM would wait out the graceful timeout for a
        # worker idling in select().
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)

    def stop(self):
        self.signal_stop()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Stack:
    """`servers` app servers on one fresh database, one Redis database and one media folder."""

    def __init__(self, servers=2, redis_db=7, content=None):
        self.server_count = servers
        self.content_name = content
        self.content = None
        self.redis_url = f"redis://127.0.0.1:6379/{redis_db}"
        self.servers = []
        self.database = None

    def __enter__(self):
        try:
            redis.Redis.from_url(self.redis_url, socket_connect_timeout=5).flushdb()
        except redis.RedisError as error:
            unavailable(f"Redis at {self.redis_url} cannot be reached: {error}")
        self.exit_stack = contextlib.ExitStack()
        self.exit_stack.__enter__()
        try:
            workdir = Path(self.exit_stack.enter_context(tempfile.TemporaryDirectory(prefix="s4n-resilience-")))
            self.media_root = workdir / "media"
            self.media_root.mkdir()
            self.database = fresh_database()
            self.exit_stack.callback(drop_database, self.database)
            self.env = production_env(
                DATABASE_URL=server_url(self.database),
                REDIS_URL=self.redis_url,
                MEDIA_ROOT=str(self.media_root),
                STATIC_ROOT=str(collected_static()),
            )
            self.exit_stack.callback(self.stop_servers)
            for number in range(self.server_count):
                self.servers.append(AppServer(self.env, workdir, f"server{number}"))
            # Built while the servers start.
            if self.content_name:
                self.content = self.build(self.content_name)
            for server in self.servers:
                server.wait_until_healthy()
        except BaseException:
            self.exit_stack.close()
            raise
        return self

    def stop_servers(self):
        for server in self.servers:
            server.signal_stop()
        for server in self.servers:
            server.stop()

    def __exit__(self, *exc_info):
        return self.exit_stack.__exit__(*exc_info)

    def build(self, name):
        """Run a builder of tests/resilience/content.py against the stack's database and media;
        returns what it printed (JSON)."""
        result = run(["-m", "tests.resilience.content", name], self.env)
        return json.loads(result.stdout.strip().splitlines()[-1])

    def query(self, sql, params=()):
        with psycopg.connect(server_url(self.database), autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()

    def execute(self, sql, params=()):
        with psycopg.connect(server_url(self.database), autocommit=True) as connection:
            connection.execute(sql, params)
