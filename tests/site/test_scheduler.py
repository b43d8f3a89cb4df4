"""The scheduler: every periodic command registered on its schedule, and a job that fails
is logged without stopping the others."""

from datetime import datetime
from io import StringIO
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.management import call_command, get_commands
from django.test import SimpleTestCase

from source4networks.scheduling import ScheduledJob, build_scheduler, run_job

LONDON = ZoneInfo("Europe/London")
# A Wednesday morning.
NOW = datetime(2026, 6, 10, 10, 2, tzinfo=LONDON)


def at(day, hour, minute=0):
    return datetime(2026, 6, day, hour, minute, tzinfo=LONDON)


# Each job and its next two runs after NOW: the schedule table of docs/operations.md.
EXPECTED = {
    "publish_scheduled": [at(10, 10, 5), at(10, 10, 10)],
    "send_digests --period daily": [at(11, 7), at(12, 7)],
    "send_digests --period weekly": [at(15, 7), at(22, 7)],
    "prune_db_task_results --min-age-days 7": [at(11, 3, 30), at(12, 3, 30)],
    "clearsessions": [at(11, 3), at(12, 3)],
    "delete_unverified_accounts": [at(11, 3, 15), at(12, 3, 15)],
    "delete_expired_invitations": [at(11, 3, 45), at(12, 3, 45)],
    "send_round_reminders": [at(10, 10, 20), at(10, 11, 20)],
}


def next_runs(trigger, count=2):
    runs, previous, now = [], None, NOW
    for _ in range(count):
        previous = trigger.get_next_fire_time(previous, now)
        runs.append(previous)
        now = previous
    return runs


class ScheduleTests(SimpleTestCase):
    def test_every_periodic_command_is_scheduled(self):
        jobs = {job.name: next_runs(job.trigger) for job in build_scheduler().get_jobs()}
        self.assertEqual(jobs, EXPECTED)

    def test_each_job_names_a_command_that_exists(self):
        for job in build_scheduler().get_jobs():
            with self.subTest(job.name):
                self.assertIn(job.args[0].command, get_commands())

    def test_list_prints_every_job(self):
        out = StringIO()
        call_command("run_scheduler", "--list", stdout=out)
        lines = out.getvalue().splitlines()
        self.assertEqual(len(lines), len(EXPECTED))
        self.assertIn("publish_scheduled: cron[month='*', day='*', day_of_week='*', hour='*', minute='*/5']", lines)


class RunJobTests(SimpleTestCase):
    # run_job drops stale database connections before and after each job; here no database is
    # allowed (a connection left open by an earlier test would be touched), so that is checked
    # on a stand-in.
    def setUp(self):
        patcher = mock.patch("source4networks.scheduling.close_old_connections")
        self.close_old_connections = patcher.start()
        self.addCleanup(patcher.stop)

    def test_stale_connections_are_dropped_before_and_after_a_job(self):
        with self.assertLogs("source4networks.scheduling", "INFO"):
            run_job(ScheduledJob("check", "* * * * *"))
        self.assertEqual(self.close_old_connections.call_count, 2)

    def test_a_job_that_runs_logs_one_line(self):
        with self.assertLogs("source4networks.scheduling", "INFO") as logs:
            self.assertTrue(run_job(ScheduledJob("check", "* * * * *")))
        self.assertEqual(len(logs.records), 1)
        self.assertRegex(logs.output[0], r'job="check" status=done seconds=[\d.]+ output="System check identified')

    def test_a_job_that_fails_logs_one_line_and_does_not_raise(self):
        for job in (ScheduledJob("no_such_command", "* * * * *"), ScheduledJob("check", "* * * * *", ("--tag", "x"))):
            with self.subTest(job.name), self.assertLogs("source4networks.scheduling", "INFO") as logs:
                self.assertFalse(run_job(job))
            self.assertEqual(len(logs.records), 1)
            self.assertEqual(logs.records[0].levelname, "ERROR")
            self.assertRegex(logs.output[0], rf'job="{job.name}" status=failed seconds=[\d.]+ error="CommandError: ')
