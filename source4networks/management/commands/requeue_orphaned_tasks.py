"""`manage.py requeue_orphaned_tasks --worker-id worker-1`: run just before starting the
worker of that id. A task stays "running" for good when its worker dies in the middle of it
(the database going away makes django-tasks-db's worker exit before it can record the
failure), and nothing ever runs it again: an email would be lost. A worker that starts
again under the same id knows that every task still running under that id is such an
orphan, so they are put back in the queue. Each worker process needs its own stable id."""

from django.core.management.base import BaseCommand
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Put back in the queue the tasks left running by a worker of this id that stopped mid-task."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id", required=True, help="The id the worker is started with (db_worker --worker-id)."
        )

    def handle(self, *args, worker_id, **options):
        running = DBTaskResult.objects.filter(status="RUNNING").only("id", "worker_ids")
        orphans = [task.pk for task in running if task.worker_ids and task.worker_ids[-1] == worker_id]
        count = DBTaskResult.objects.filter(pk__in=orphans, status="RUNNING").update(status="READY", started_at=None)
        self.stdout.write(f"{count} task(s) left running by {worker_id} put back in the queue.")
