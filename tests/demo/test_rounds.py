"""load_demo_rounds: two networks with two rounds each and a matrix session, idempotent."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from demo.builders.diagnostics import round_networks
from diagnostics import rounds
from diagnostics.models import MatrixSession, NetworkRound, PlanAction, RoundResponse


class DemoRoundsTests(TestCase):
    def run_command(self, *args):
        out = StringIO()
        call_command("load_demo_rounds", *args, stdout=out)
        return out.getvalue()

    def test_refused_when_debug_is_false(self):
        with self.assertRaisesMessage(CommandError, "refusing to add demo content"):
            self.run_command()
        self.assertFalse(NetworkRound.objects.exists())

    def test_loads_once_with_one_round_above_and_one_below_the_minimum(self):
        self.assertIn("Created 4 demo network rounds and 1 maturity", self.run_command("--force"))
        responses = RoundResponse.objects.count()
        self.assertIn("Created 0 demo network rounds and 0 maturity", self.run_command("--force"))
        self.assertEqual(RoundResponse.objects.count(), responses)
        self.assertEqual(MatrixSession.objects.count(), 1)
        for slug in round_networks():
            current, earlier = NetworkRound.objects.filter(network__slug=slug)  # newest first
            self.assertTrue(current.is_open)
            self.assertFalse(earlier.is_open)
            self.assertTrue(rounds.round_results(earlier).enough)
            self.assertFalse(rounds.round_results(current).enough)
            # The earlier round has an action plan; the current one shows it beside the change later.
            self.assertEqual(PlanAction.objects.filter(round=earlier).count(), 3)
        self.assertEqual(PlanAction.objects.count(), 3 * len(round_networks()))

    @override_settings(DEBUG=True)
    def test_the_leader_sees_the_earlier_rounds_results(self):
        self.run_command()
        earlier = NetworkRound.objects.filter(network__slug=round_networks()[0]).last()
        leader = earlier.opened_by
        self.client.force_login(leader)
        page = self.client.get(earlier.get_results_url())
        self.assertContains(page, "s4n-results-table")
        self.assertContains(page, "Comments")
        self.assertContains(page, "See and change the action plan")
        self.assertContains(self.client.get(f"{earlier.get_results_url()}plan/"), "Overdue")
