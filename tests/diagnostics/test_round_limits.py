"""Paper imports are bounded, and results cost the same however many responses (issue 9, point 11).

A 50,000-row file used to be accepted and the round's page then took minutes. Now a file is at
most 1 MB, a paper round takes at most 500 responses (PRODUCT.md 6.1), and the aggregate is
computed once (on import, or when the round closes) and stored.
"""

from datetime import timedelta
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics import rounds
from diagnostics.factories import NetworkRoundFactory, RoundResponseFactory
from diagnostics.models import NetworkRound, RoundResponse
from tests.queries import assert_same_query_count, count_queries

from .helpers import SCORECARD, instrument_data


class PaperLimitTests(TestCase):
    def setUp(self):
        self.data = instrument_data(SCORECARD)
        self.keys = [item.key for item in self.data.items]
        self.network = NetworkFactory()
        self.leader = make_member()
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.round = NetworkRoundFactory(network=self.network, opened_by=self.leader, mode=NetworkRound.Mode.PAPER)

    def csv(self, count, start=1, comment=""):
        lines = [",".join(["respondent", *self.keys, "comment"])]
        lines += [",".join([f"paper-{n}", *["4"] * len(self.keys), comment]) for n in range(start, start + count)]
        return ("\n".join(lines) + "\n").encode()

    def upload(self, content):
        self.client.force_login(self.leader)
        return self.client.post(
            f"{self.round.get_results_url()}import/",
            {"file": SimpleUploadedFile("paper.csv", content, content_type="text/csv")},
        )

    def test_a_file_over_1_mb_is_refused(self):
        big = self.csv(3, comment="x" * 400_000)
        self.assertGreater(len(big), 1024 * 1024)
        page = self.upload(big)
        self.assertContains(page, "The file must be smaller than 1 MB")
        self.assertContains(page, "<title>Error: ")
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_file_with_more_than_500_responses_is_refused_naming_the_cap(self):
        page = self.upload(self.csv(501))
        self.assertContains(
            page, "line 502: a paper round takes at most 500 responses, so this file can add at most 500"
        )
        self.assertContains(page, "Nothing was added")
        self.assertFalse(RoundResponse.objects.exists())
        self.assertRedirects(self.upload(self.csv(500)), self.round.get_results_url(), fetch_redirect_response=False)
        self.assertEqual(RoundResponse.objects.count(), 500)

    def test_a_round_takes_at_most_500_responses_in_all(self):
        RoundResponseFactory.create_batch(498, round=self.round, paper=True)
        page = self.upload(self.csv(3, start=1000))
        self.assertContains(page, "a paper round takes at most 500 responses, so this file can add at most 2")
        self.assertEqual(RoundResponse.objects.count(), 498)
        self.upload(self.csv(2, start=1000))
        self.assertEqual(RoundResponse.objects.count(), 500)
        page = self.upload(self.csv(1, start=2000))
        self.assertContains(page, "This round already has 500 responses, the most a paper round can take.")
        self.assertEqual(RoundResponse.objects.count(), 500)

    def test_the_aggregate_is_computed_on_import(self):
        self.upload(self.csv(4))
        self.round.refresh_from_db()
        self.assertEqual(self.round.summary["count"], 4)
        self.assertEqual([line["key"] for line in self.round.summary["lines"]][-1], "overall")


class ResultsCostTests(TestCase):
    def setUp(self):
        self.data = instrument_data(SCORECARD)
        self.leader = make_member()

    def closed_round(self, responses, mode=NetworkRound.Mode.ONLINE):
        network = NetworkFactory()
        add_member(network, self.leader, role=Membership.Role.LEADER)
        round_ = NetworkRoundFactory(network=network, opened_by=self.leader, mode=mode)
        RoundResponseFactory.create_batch(
            responses, round=round_, paper=mode == NetworkRound.Mode.PAPER, comment="Something to say"
        )
        NetworkRound.objects.filter(pk=round_.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
        round_.refresh_from_db()
        return round_

    def test_the_page_and_csv_cost_the_same_for_3_or_500_responses(self):
        small = self.closed_round(3, NetworkRound.Mode.PAPER)
        big = self.closed_round(500, NetworkRound.Mode.PAPER)
        self.client.force_login(self.leader)
        for suffix in ("", "results.csv"):
            assert_same_query_count(
                count_queries(self.client, small.get_results_url() + suffix),
                count_queries(self.client, big.get_results_url() + suffix),
            )

    def test_the_aggregate_is_computed_once_and_never_per_request(self):
        round_ = self.closed_round(5)
        self.client.force_login(self.leader)
        self.assertContains(self.client.get(round_.get_results_url()), "s4n-results-table")
        round_.refresh_from_db()
        self.assertEqual(round_.summary["count"], 5)
        with mock.patch("diagnostics.rounds.scoring.score_respondent", side_effect=AssertionError("recomputed")):
            self.assertContains(self.client.get(round_.get_results_url()), "s4n-results-table")
            self.assertEqual(self.client.get(f"{round_.get_results_url()}results.csv").status_code, 200)

    def test_the_stored_aggregate_gives_exactly_the_fresh_figures(self):
        round_ = self.closed_round(0)
        for value in (2, 3, 5):
            RoundResponseFactory(round=round_, answers={item.key: value for item in self.data.items})
        stored = rounds.stored_aggregate(self.data, rounds.closed_summary(round_))
        fresh = rounds._aggregate(
            self.data, RoundResponse.objects.filter(round=round_).values_list("answers", flat=True)
        )
        self.assertEqual(stored, fresh)

    def test_closing_early_stores_the_aggregate(self):
        network = NetworkFactory()
        add_member(network, self.leader, role=Membership.Role.LEADER)
        round_ = NetworkRoundFactory(network=network, opened_by=self.leader)
        RoundResponseFactory.create_batch(3, round=round_)
        self.assertIsNone(round_.summary)
        rounds.close_round(round_, self.leader)
        round_.refresh_from_db()
        self.assertEqual(round_.summary["count"], 3)
