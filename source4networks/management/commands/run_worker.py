"""`manage.py run_worker`: the background task worker of the Procfile and compose.yaml.

django-tasks-db's `db_worker` exits when the database goes away, and the task it was running
stays "running" for good. This command puts that worker's orphaned tasks back in the queue
(requeue_orphaned_tasks) and starts `db_worker` under the same stable id; after a database
outage it waits and does both again, so no email is lost and nobody has to restart it."""

import logging
import os
import socket
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

# Seconds between attempts while the database is away.
RETRY_SECONDS = 2


def default_worker_id():
    """Stable across restarts of the same process slot: WORKER_ID, else the host's name (a
    container's own, or the machine's when one worker runs there)."""
    return os.environ.get("WORKER_ID") or f"{socket.gethostname()}-worker"


class Command(BaseCommand):
    help = "Run the background task worker, starting it again by itself after a database outage."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default=None, help="A stable id for this worker (default: WORKER_ID).")

    def handle(self, *args, worker_id=None, **options):
        worker_id = worker_id or default_worker_id()
        while True:
            try:
                call_command("requeue_orphaned_tasks", worker_id=worker_id)
                # Returns or exits (SystemExit) only when stopped by a signal.
                call_command("db_worker", queue_name="*", interval=1, worker_id=worker_id)
                return
            except (OperationalError, InterfaceError) as error:
                logger.warning(
                    "event=worker_database_unavailable worker_id=%s error=%s retry_in=%s",
                    worker_id,
                    type(error).__name__,
                    RETRY_SECONDS,
                )
                connections.close_all()
                time.sleep(RETRY_SECONDS)
