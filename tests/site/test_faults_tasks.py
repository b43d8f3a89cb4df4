"""A worker that dies mid-task (the database went away) leaves the task "running" for good;
`requeue_orphaned_tasks` run before the worker of that id starts again puts it back in the
queue, and touches no other worker's tasks."""

from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.db import OperationalError
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from source4networks.management.commands import run_worker


def task(status, worker_ids):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="source4networks.emails.send_email_task",
        worker_ids=worker_ids,
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now() if status != "READY" else None,
    )


class RequeueOrphanedTasksTests(TestCase):
    def test_only_the_restarting_workers_running_tasks_go_back_in_the_queue(self):
        orphan = task("RUNNING", ["worker-1"])
        retried_elsewhere = task("RUNNING", ["worker-1", "worker-2"])  # now worker-2's
        others = task("RUNNING", ["worker-2"])
        done = task("SUCCESSFUL", ["worker-1"])
        out = StringIO()
        call_command("requeue_orphaned_tasks", "--worker-id", "worker-1", stdout=out)
        self.assertIn("1 task(s) left running by worker-1 put back in the queue.", out.getvalue())
        states = {t.pk: (t.status, t.started_at is None) for t in DBTaskResult.objects.all()}
        self.assertEqual(states[orphan.pk], ("READY", True))
        self.assertEqual(states[retried_elsewhere.pk][0], "RUNNING")
        self.assertEqual(states[others.pk][0], "RUNNING")
        self.assertEqual(states[done.pk][0], "SUCCESSFUL")
        # The queue hands the orphan out again.
        self.assertIn(orphan.pk, list(DBTaskResult.objects.ready().values_list("pk", flat=True)))


class RunWorkerTests(TestCase):
    """`run_worker` (the Procfile's worker): after the database goes away mid-task it puts the
    orphan back in the queue and starts the worker again, under the same id, by itself."""

    def test_a_database_outage_requeues_the_orphan_and_starts_the_worker_again(self):
        orphan = task("READY", [])
        worker_runs = []

        def fake_call_command(name, **options):
            if name != "db_worker":
                return call_command(name, stdout=StringIO(), **options)
            worker_runs.append(options["worker_id"])
            if len(worker_runs) == 1:
                # The worker took the task, then lost the database before recording anything.
                DBTaskResult.objects.filter(pk=orphan.pk).update(status="RUNNING", worker_ids=["slot-1"])
                raise OperationalError("server closed the connection unexpectedly")
            # Started again: the task is back in the queue for it.
            self.assertEqual(DBTaskResult.objects.get(pk=orphan.pk).status, "READY")

        with (
            mock.patch.object(run_worker, "call_command", side_effect=fake_call_command),
            mock.patch.object(run_worker.time, "sleep") as sleep,
            mock.patch.object(run_worker.connections, "close_all"),
        ):
            call_command("run_worker", "--worker-id", "slot-1")
        self.assertEqual(worker_runs, ["slot-1", "slot-1"])
        sleep.assert_called_once_with(run_worker.RETRY_SECONDS)
