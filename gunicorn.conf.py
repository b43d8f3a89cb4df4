"""gunicorn's settings for the web process (Procfile: `web`). Everything a host may change
comes from the environment; see docs/operations.md."""

import os


def _cores():
    # The cores this process may use (a container's CPU set), not every core of the host.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# Platforms give the port in PORT. Every interface by default, as a container must accept
# connections from outside it; make serve sets BIND_ADDRESS=127.0.0.1 to keep to this machine.
address = os.environ.get("BIND_ADDRESS", "0.0.0.0")  # noqa: S104  # nosec B104
bind = [f"{address}:{os.environ.get('PORT', '8000')}"]

# The usual rule, 2 x cores + 1, capped so a large host does not exhaust PostgreSQL's
# connections (each worker thread keeps one). WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * _cores() + 1, 12))
# Threads let a worker go on serving while one request waits on a slow client or the
# database; Django and the site's code are thread-safe (runserver is threaded too).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A request silent for this long has its worker restarted; the longest page (sitemap.xml on a
# large catalogue) stays well under it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Idle keep-alive connections wait in the worker's poller (no thread held). Longer than a load
# balancer's or client's idle timeout (60 s is common), so the other side closes idle
# connections first: when gunicorn closes one just as a request arrives on it, that request
# fails (the load test saw 11 in 4,228 with 5 s and clients pausing 2 to 6 s).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# Recycling workers after a number of requests is off by default: a recycled worker drops the
# keep-alive connections it holds, and a client reusing one at that moment sees its request
# fail. Turn it on (e.g. 2000) only behind a proxy that retries.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# The app is imported once in the master before the workers fork: quicker starts, less memory,
# and a broken configuration stops gunicorn at once. Safe because loading the site opens no
# database or Redis connection (Django connects on first use, in each worker).
preload_app = True

# No control socket: two servers on one machine would otherwise share one.
control_socket_disable = True

# Logs to stdout/stderr as key=value lines, like the site's own (LOGGING in the settings).
# The access line carries the request id (X-Request-ID) and never the client's address or the
# query string (which holds what people searched for).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = (
    'method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s duration_ms=%(M)s request_id=%({x-request-id}o)s'
)
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {"format": "time=%(asctime)s level=%(levelname)s logger=%(name)s message=%(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": "structured", "stream": "ext://sys.stdout"},
        "stderr": {"class": "logging.StreamHandler", "formatter": "structured", "stream": "ext://sys.stderr"},
    },
    # Django sets the root logger up again when the site loads (LOGGING in the settings).
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
