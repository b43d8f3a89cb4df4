"""load_demo_diagnostics: demo members with results, idempotent, refused on a live site."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from demo.builders.diagnostics import result_usernames
from diagnostics.models import Response


class DemoTests(TestCase):
    def run_command(self, *args):
        out = StringIO()
        call_command("load_demo_diagnostics", *args, stdout=out)
        return out.getvalue()

    def test_refused_when_debug_is_false(self):
        with self.assertRaisesMessage(CommandError, "refusing to add demo content"):
            self.run_command()
        self.assertFalse(Response.objects.exists())

    def test_force_loads_results_once(self):
        self.assertIn("Created 12 demo results", self.run_command("--force"))
        self.assertEqual(Response.objects.filter(status=Response.Status.SUBMITTED).count(), 12)
        self.assertIn("Created 0 demo results", self.run_command("--force"))
        self.assertEqual(Response.objects.count(), 12)

    @override_settings(DEBUG=True)
    def test_runs_with_debug_and_the_results_page_shows_history(self):
        self.run_command()
        response = Response.objects.filter(user__username=result_usernames()[0]).order_by("-submitted_at").first()
        self.client.force_login(response.user)
        page = self.client.get(response.get_absolute_url())
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Your earlier results")
