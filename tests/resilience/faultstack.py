"""A private production stack for the load and fault tests: its own PostgreSQL cluster and
Redis on free loopback ports (the machine's shared ones are never touched), gunicorn and the
django-tasks database worker under production settings, and an SMTP server in this process
that counts every message it receives. Each service can be stopped and started again.

    with FaultStack() as stack:
        stack.prepare(members=60)      # migrate, static files, demo content, members
        stack.start_web(); stack.start_worker()
        stack.stop_postgres(); ...; stack.start_postgres()
"""

import contextlib
import email
import hashlib
import importlib.metadata
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import requests
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "resilience-member-password-2026"
WORKER_ID = "fault-worker-1"
# Migrated clusters, kept between runs: migrating from nothing takes a minute or more.
SNAPSHOTS = Path(os.environ.get("S4N_FAULT_CACHE") or Path.home() / ".cache" / "s4n-faults")


def schema_key():
    """Changes whenever a migration of the project or of the apps it installs may have."""
    digest = hashlib.sha256()
    for path in sorted([*ROOT.glob("*/migrations/*.py"), *ROOT.glob("*/*/migrations/*.py")]):
        digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    for name in sorted(dist.metadata["Name"] for dist in importlib.metadata.distributions()):
        digest.update(f"{name}={importlib.metadata.version(name)}".encode())
    return digest.hexdigest()[:20]


def static_is_collected():
    """The collected static files are newer than every source of them in the repository."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    if not manifest.exists():
        return False
    newest = max((path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file()), default=0)
    return manifest.stat().st_mtime > max(newest, (ROOT / "pyproject.toml").stat().st_mtime)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_bin(name):
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if found:
        return str(found[-1])
    path = shutil.which(name)
    if not path:
        raise RuntimeError(f"PostgreSQL's {name} was not found (install the PostgreSQL server package)")
    return path


class Mailbox:
    """aiosmtpd handler: keeps (recipients, subject) of every message received."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        subject = email.message_from_bytes(envelope.content).get("Subject", "")
        with self.lock:
            self.messages.append((tuple(envelope.rcpt_tos), " ".join(subject.split())))
        return "250 Message accepted"

    def snapshot(self):
        with self.lock:
            return list(self.messages)


class FaultStack:
    def __init__(self, workers=2):
        self.dir = Path(tempfile.mkdtemp(prefix="s4n-faults-"))
        self.workers = workers
        self.pg_port, self.redis_port, self.web_port, self.smtp_port = (free_port() for _ in range(4))
        self.url = f"http://127.0.0.1:{self.web_port}"
        self.database_url = f"postgres://postgres@127.0.0.1:{self.pg_port}/s4n"
        self.processes = {}
        self.mailbox = Mailbox()
        self.smtp = None
        self.supervisor = None
        self.worker_wanted = False
        self.process_restarts = 0
        self.timings = {}
        self.from_snapshot = False
        self.closing = False
        # PostgreSQL refuses to run as root: run its programs as the postgres account then.
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    # -- environment --------------------------------------------------------------------------

    def env(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="source4networks.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SITE_URL=self.url,
            DATABASE_URL=self.database_url,
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            MEDIA_ROOT=str(self.dir / "media"),
            PYTHONUNBUFFERED="1",
        )
        env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
        return env

    def manage(self, *args):
        return self._run([sys.executable, "manage.py", *args])

    def manage_module(self, module, *args):
        return self._run([sys.executable, "-m", module, *args])

    def _run(self, command):
        result = subprocess.run(command, cwd=ROOT, env=self.env(), capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"{' '.join(command[:4])} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        return result

    def sql(self, query, params=()):
        with psycopg.connect(self.database_url, connect_timeout=5) as connection:
            return connection.execute(query, params).fetchall()

    # -- PostgreSQL ---------------------------------------------------------------------------

    def init_postgres(self):
        data = self.dir / "pg"
        snapshot = SNAPSHOTS / schema_key()
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
        if snapshot.exists():
            shutil.copytree(snapshot, data)
            if self.as_postgres:
                subprocess.run(["chown", "-R", "postgres:", str(data)], check=True)
            self.start_postgres()
            self.from_snapshot = True
            return
        data.mkdir()
        if self.as_postgres:
            shutil.chown(data, "postgres")
        subprocess.run(
            [*self.as_postgres, pg_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
        )
        self.start_postgres()
        subprocess.run(
            [pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "s4n"],
            check=True,
            capture_output=True,
        )

    def save_snapshot(self):
        """Keep this freshly migrated cluster for the next runs."""
        snapshot = SNAPSHOTS / schema_key()
        if snapshot.exists():
            return
        self.stop_postgres()
        try:
            SNAPSHOTS.mkdir(parents=True, exist_ok=True)
            partial = SNAPSHOTS / f".{snapshot.name}-{os.getpid()}"
            shutil.copytree(self.dir / "pg", partial, ignore=shutil.ignore_patterns("postmaster.pid", "*.log"))
            partial.rename(snapshot)
        finally:
            self.start_postgres()

    def _pg_ctl(self, *args):
        data = str(self.dir / "pg")
        subprocess.run(
            [*self.as_postgres, pg_bin("pg_ctl"), "-D", data, "-l", str(self.dir / "pg.log"), "-w", *args],
            check=True,
            capture_output=True,
        )

    def start_postgres(self):
        options = f"-p {self.pg_port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._pg_ctl("-o", options, "start")

    def stop_postgres(self):
        self._pg_ctl("-m", "fast", "stop")

    # -- Redis --------------------------------------------------------------------------------

    def start_redis(self):
        self._spawn(
            "redis",
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        )
        self._wait_for_port(self.redis_port)

    def stop_redis(self):
        self._stop("redis")

    # -- SMTP ---------------------------------------------------------------------------------

    def start_smtp(self):
        self.smtp = Controller(self.mailbox, hostname="127.0.0.1", port=self.smtp_port)
        self.smtp.start()

    # -- the site -----------------------------------------------------------------------------

    def prepare(self, members=60, demo=True):
        """Schema, static files, the demo content (or, with demo=False, a thread and two
        networks only), `members` verified members who joined a month ago (so new-account
        limits do not apply), all with PASSWORD; then the tasks all that queued are run."""
        # Also on a migrated snapshot: quick then, and it points the Site record at this address.
        self._timed("migrate", self.manage, "migrate", "--noinput")
        if not self.from_snapshot:
            self.save_snapshot()
        if not static_is_collected():
            self._timed("collectstatic", self.manage, "collectstatic", "--noinput")
        if demo:
            self._timed("demo content", self.manage, "load_demo_content", "--force")
        light = [] if demo else ["--light"]
        result = self._timed(
            "members", self.manage_module, "tests.resilience.fault_members", str(members), PASSWORD, *light
        )
        self._timed("queued tasks", self.manage, "db_worker", "--batch", "--no-startup-delay")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def _timed(self, name, function, *args):
        started = time.monotonic()
        result = function(*args)
        self.timings[name] = round(time.monotonic() - started, 1)
        return result

    def start_web(self):
        self._spawn(
            "web",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "source4networks.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.web_port}",
                "--timeout",
                "120",
            ],
        )
        self.wait_until_serving()

    def start_worker(self):
        """The Procfile's worker (`manage.py run_worker`): after a database outage it hands back
        its orphaned task and starts db_worker again by itself. A process manager would restart
        the process itself if it ever exited; so does a supervising thread here."""
        self._spawn_worker()
        self.worker_wanted = True
        if self.supervisor is None:
            self.supervisor = threading.Thread(target=self._supervise, daemon=True)
            self.supervisor.start()

    def _supervise(self):
        while not self.closing:
            time.sleep(0.5)
            entry = self.processes.get("worker")
            if self.worker_wanted and (entry is None or entry[0].poll() is not None):
                if entry:
                    self.process_restarts += 1
                    self.processes.pop("worker")[1].close()
                time.sleep(1)
                self._spawn_worker()

    def _spawn_worker(self):
        self._spawn("worker", [sys.executable, "manage.py", "run_worker", "--worker-id", WORKER_ID])

    def _worker_log(self):
        path = self.dir / "worker.log"
        return path.read_text(errors="replace") if path.exists() else ""

    @property
    def worker_restarts(self):
        """Times the worker started db_worker again after losing the database (run_worker's log),
        plus any restart of the process itself."""
        return self._worker_log().count("event=worker_database_unavailable") + self.process_restarts

    @property
    def tasks_requeued(self):
        return sum(int(n) for n in re.findall(r"^(\d+) task\(s\) left running by", self._worker_log(), re.MULTILINE))

    def stop_worker(self):
        self.worker_wanted = False
        self._stop("worker")

    def wait_until_serving(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url + "/healthz", timeout=5).status_code == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"The site did not answer within {timeout} s; see {self.dir}/web.log")

    # -- processes ----------------------------------------------------------------------------

    def _spawn(self, name, command):
        log = open(self.dir / f"{name}.log", "ab")  # noqa: SIM115 (kept open while the process runs)
        self.processes[name] = (
            subprocess.Popen(command, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT),
            log,
        )

    def _stop(self, name):
        process, log = self.processes.pop(name)
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

    def _wait_for_port(self, port, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                return
            time.sleep(0.1)
        raise RuntimeError(f"Nothing listens on port {port} after {timeout} s")

    def log(self, name):
        path = self.dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def __enter__(self):
        self.start_smtp()
        self.start_redis()
        self.init_postgres()
        return self

    def __exit__(self, *exc):
        self.closing = True
        self.worker_wanted = False
        for name in list(self.processes):
            with contextlib.suppress(Exception):
                self._stop(name)
        if self.smtp:
            self.smtp.stop()
        with contextlib.suppress(Exception):
            self.stop_postgres()
        if not os.environ.get("S4N_KEEP_FAULT_STACK"):
            shutil.rmtree(self.dir, ignore_errors=True)
