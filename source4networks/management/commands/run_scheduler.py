"""`manage.py run_scheduler`: the one process that runs the periodic commands (see
source4networks/scheduling.py and the schedule table in docs/operations.md)."""

import logging
import signal

from django.core.management.base import BaseCommand

from source4networks.scheduling import build_scheduler

logger = logging.getLogger("source4networks.scheduling")


class Command(BaseCommand):
    help = "Run the periodic commands (publishing, digests, clean-ups) on their schedules until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", dest="list_jobs", help="Print each job and its schedule, then exit."
        )

    def handle(self, *args, list_jobs=False, **options):
        # APScheduler's own lines for each run repeat ours (scheduling.run_job); keep its warnings.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        scheduler = build_scheduler()
        if list_jobs:
            for job in scheduler.get_jobs():
                self.stdout.write(f"{job.name}: {job.trigger}")
            return

        def stop(signum, frame):
            logger.info("scheduler status=stopping signal=%s", signal.Signals(signum).name)
            scheduler.shutdown(wait=False)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        logger.info("scheduler status=started jobs=%d", len(scheduler.get_jobs()))
        scheduler.start()
