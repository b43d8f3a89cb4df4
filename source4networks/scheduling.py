"""The periodic commands: each app registers its own in `scheduled_jobs` from its
AppConfig.ready() (the site names commands only, never a domain app), and
`manage.py run_scheduler` runs them all on their cron schedules with APScheduler.

Run exactly one scheduler for a site: two would run every job twice."""

import logging
import time
from dataclasses import dataclass
from io import StringIO

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections

from .registry import Registry

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScheduledJob:
    """A management command run on a schedule. `cron` is a crontab line (minute hour
    day-of-month month day-of-week) in the site's time zone; name week days (`mon`), as
    APScheduler counts numbered days from Monday, not Sunday."""

    command: str
    cron: str
    args: tuple[str, ...] = ()

    @property
    def name(self):
        return " ".join((self.command, *self.args))


# ScheduledJobs, registered by the app that owns each command.
scheduled_jobs = Registry()


def _one_line(text, limit=200):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_job(job):
    """Run one job and log one line saying how it went. A failure is logged, never raised,
    so one broken job cannot stop the scheduler."""
    # The scheduler lives for weeks: drop database connections the server has closed.
    close_old_connections()
    started = time.monotonic()
    output = StringIO()
    try:
        call_command(job.command, *job.args, stdout=output, stderr=output)
    except Exception as error:
        logger.error(
            'job="%s" status=failed seconds=%.2f error="%s: %s"',
            job.name,
            time.monotonic() - started,
            type(error).__name__,
            _one_line(str(error)),
        )
        # The traceback for whoever runs with LOG_LEVEL=DEBUG.
        logger.debug("job=%r traceback", job.name, exc_info=True)
        return False
    finally:
        close_old_connections()
    logger.info(
        'job="%s" status=done seconds=%.2f output="%s"',
        job.name,
        time.monotonic() - started,
        _one_line(output.getvalue()),
    )
    return True


def build_scheduler(jobs=None):
    """A scheduler (not started) holding every registered job."""
    scheduler = BlockingScheduler(
        timezone=settings.TIME_ZONE,
        # A run missed while the process was down or busy happens once when it can, not
        # once per missed slot, and never overlaps the same job still running.
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 15 * 60},
        executors={"default": {"type": "threadpool", "max_workers": 4}},
    )
    for job in scheduled_jobs if jobs is None else jobs:
        scheduler.add_job(
            run_job,
            CronTrigger.from_crontab(job.cron, timezone=settings.TIME_ZONE),
            args=[job],
            id=job.name,
            name=job.name,
            replace_existing=True,
        )
    return scheduler
