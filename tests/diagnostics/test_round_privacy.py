"""Round results cannot single anyone out (issue 9, points 3 and 11).

While a round is open its leaders see the number of responses and the closing date, never a
figure: two snapshots of every leader page, before and after one more response, differ only in
the count. Figures, comments and the CSV appear when the round closes (on its date, or early
after a confirmation), and only from the minimum number of responses. A round is online or
paper: made-up paper rows can never make up the numbers of an online round.
"""

import re
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import JoinPolicy, Membership
from diagnostics import rounds
from diagnostics.factories import NetworkRoundFactory, RoundResponseFactory
from diagnostics.models import Instrument, NetworkRound, RoundResponse
from diagnostics.round_answers import check_url

from .helpers import SCORECARD, instrument_data

SECRET_COMMENT = "Only I would say the chair never listens"


def lowest(data):
    """Answers scoring 1 on every statement: figures nobody else's answers would give."""
    return {item.key: 5 if item.reverse else 1 for item in data.items}


def post_for(answers):
    return {f"answer-{key}": str(value) for key, value in answers.items()}


def normalised(html):
    """The page with what changes on every request (tokens, nonces) and the count blanked out."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', html)
    html = re.sub(r'nonce="[^"]+"', 'nonce=""', html)
    html = re.sub(r'(id="response-count">)[^<]*(<)', r"\1COUNT\2", html)
    return re.sub(r'(nhsuk-table__cell--numeric">)\d+(</td>)', r"\1COUNT\2", html)


class PrivacyTestCase(TestCase):
    def setUp(self):
        self.instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
        self.data = instrument_data(SCORECARD)
        self.network = NetworkFactory(name="Tamar Valley Network", join_policy=JoinPolicy.OPEN)
        self.leader = make_member(display_name="Lena Leader")
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.member = make_member(display_name="Morag Member")
        add_member(self.network, self.member)

    def open_round(self, mode=NetworkRound.Mode.ONLINE):
        return rounds.open_round(
            self.network,
            self.leader,
            self.instrument,
            "Please answer.",
            timezone.localdate() + timedelta(days=14),
            mode,
        )

    def answer(self, round_, user=None, answers=None, comment=""):
        """A member answers on the site, through the invitation link."""
        if user is None:
            user = make_member()
            add_member(self.network, user)
        member_client = self.client_class()  # the leader's pages keep their own session
        member_client.force_login(user)
        response = member_client.post(check_url(round_), {**post_for(answers or lowest(self.data)), "comment": comment})
        self.assertEqual(response.status_code, 302)

    def leader_pages(self, round_):
        """What the leader can see of the round: the detail page, the list and the CSV."""
        self.client.force_login(self.leader)
        detail = self.client.get(round_.get_results_url())
        listing = self.client.get(f"/diagnostics/networks/{self.network.slug}/rounds/")
        csv = self.client.get(f"{round_.get_results_url()}results.csv")
        self.assertEqual((detail.status_code, listing.status_code), (200, 200))
        return {
            "detail": normalised(detail.content.decode()),
            "list": normalised(listing.content.decode()),
            "csv": (csv.status_code, csv.content if csv.status_code == 200 else b""),
        }

    def close_early(self, round_):
        self.client.force_login(self.leader)
        response = self.client.post(f"{round_.get_results_url()}close/")
        self.assertRedirects(response, round_.get_results_url(), fetch_redirect_response=False)
        round_.refresh_from_db()
        return round_


class OpenRoundSnapshotTests(PrivacyTestCase):
    def test_one_more_answer_changes_nothing_but_the_count(self):
        round_ = self.open_round()
        for _ in range(2):
            self.answer(round_, comment="An early comment")
        # Before and after the answer that reaches the minimum, and one beyond it.
        before = self.leader_pages(round_)
        self.answer(round_, comment=SECRET_COMMENT)
        at_minimum = self.leader_pages(round_)
        self.answer(round_)
        beyond = self.leader_pages(round_)
        self.assertEqual(before, at_minimum)
        self.assertEqual(at_minimum, beyond)
        self.assertEqual(before["csv"][0], 404)
        self.client.force_login(self.leader)
        page = self.client.get(round_.get_results_url())
        self.assertContains(
            page, '<dd class="nhsuk-summary-list__value" id="response-count">4 from 6 members (67%)</dd>'
        )
        self.assertContains(page, "Results are shown when the round closes")
        self.assertNotContains(page, "s4n-results-table")
        self.assertNotContains(page, SECRET_COMMENT)
        self.assertNotContains(page, "What to work on")

    def test_a_paper_import_changes_nothing_but_the_count(self):
        round_ = self.open_round(NetworkRound.Mode.PAPER)
        keys = [item.key for item in self.data.items]

        def import_rows(*labels):
            header = ",".join(["respondent", *keys, "comment"])
            rows = [",".join([label, *["1"] * len(keys), SECRET_COMMENT]) for label in labels]
            upload = SimpleUploadedFile("paper.csv", "\n".join([header, *rows]).encode(), content_type="text/csv")
            self.client.force_login(self.leader)
            self.assertEqual(self.client.post(f"{round_.get_results_url()}import/", {"file": upload}).status_code, 302)
            self.client.get(round_.get_results_url())  # shows "N paper responses imported", once

        import_rows("paper-1", "paper-2")
        before = self.leader_pages(round_)
        import_rows("paper-3")
        after = self.leader_pages(round_)
        self.assertEqual(before, after)
        self.assertNotIn(SECRET_COMMENT, after["detail"])
        self.assertEqual(after["csv"][0], 404)


class ClosingTests(PrivacyTestCase):
    def test_closing_early_asks_first_and_says_it_cannot_be_reopened(self):
        round_ = self.open_round()
        for _ in range(3):
            self.answer(round_, comment=SECRET_COMMENT)
        self.client.force_login(self.leader)
        detail = self.client.get(round_.get_results_url())
        close_url = f"{round_.get_results_url()}close/"
        self.assertContains(detail, f'href="{close_url}"')
        confirmation = self.client.get(close_url)
        self.assertContains(confirmation, "Are you sure you want to close this round now?")
        self.assertContains(confirmation, "A closed round cannot be reopened")
        round_.refresh_from_db()
        self.assertTrue(round_.is_open)  # looking at the question closes nothing
        # The old one-click button on the round's page no longer closes it.
        self.client.post(round_.get_results_url(), {"action": "close"})
        round_.refresh_from_db()
        self.assertTrue(round_.is_open)

        self.close_early(round_)
        self.assertFalse(round_.is_open)
        page = self.client.get(round_.get_results_url())
        self.assertContains(page, "s4n-results-table")
        self.assertContains(page, SECRET_COMMENT)
        self.assertEqual(self.client.get(f"{round_.get_results_url()}results.csv").status_code, 200)
        # Closed for good: the confirmation page now leads back to the results.
        self.assertRedirects(self.client.get(close_url), round_.get_results_url(), fetch_redirect_response=False)

    def test_only_the_networks_leaders_can_close_a_round(self):
        round_ = self.open_round()
        self.client.force_login(self.member)
        close_url = f"{round_.get_results_url()}close/"
        self.assertEqual(self.client.get(close_url).status_code, 403)
        self.assertEqual(self.client.post(close_url).status_code, 403)
        round_.refresh_from_db()
        self.assertTrue(round_.is_open)

    def test_results_appear_on_the_closing_date_without_anyone_closing_it(self):
        round_ = self.open_round()
        for _ in range(3):
            self.answer(round_)
        NetworkRound.objects.filter(pk=round_.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
        round_.refresh_from_db()
        self.client.force_login(self.leader)
        self.assertContains(self.client.get(round_.get_results_url()), "s4n-results-table")
        round_.refresh_from_db()
        self.assertEqual(round_.summary["count"], 3)  # computed once and kept

    def test_a_round_closed_below_the_minimum_never_shows_figures(self):
        round_ = self.open_round()
        for _ in range(2):
            self.answer(round_, comment=SECRET_COMMENT)
        self.close_early(round_)
        page = self.client.get(round_.get_results_url())
        self.assertContains(page, "Not enough responses")
        self.assertContains(page, "2 of the 3 responses needed")
        self.assertNotContains(page, "s4n-results-table")
        self.assertNotContains(page, SECRET_COMMENT)
        self.assertEqual(self.client.get(f"{round_.get_results_url()}results.csv").status_code, 404)
        # Nor is anything below the minimum stored.
        self.assertEqual(round_.summary, {"count": 2})
        # An answer arriving after closing cannot lift it over the minimum.
        with self.assertRaises(rounds.RoundError):
            rounds.save_answers(round_, self.member, lowest(self.data), "")


class OnlineOrPaperTests(PrivacyTestCase):
    """The attack: one real answer plus two made-up paper rows revealed that member's scores."""

    def csv_of(self, *labels):
        keys = [item.key for item in self.data.items]
        rows = [",".join([label, *["3"] * len(keys), ""]) for label in labels]
        return "\n".join([",".join(["respondent", *keys, "comment"]), *rows]).encode()

    def test_made_up_paper_rows_cannot_reveal_one_members_answers(self):
        round_ = self.open_round()
        self.answer(round_, user=self.member, comment=SECRET_COMMENT)
        self.client.force_login(self.leader)
        upload = SimpleUploadedFile("paper.csv", self.csv_of("made-up-1", "made-up-2"), content_type="text/csv")
        page = self.client.post(f"{round_.get_results_url()}import/", {"file": upload})
        self.assertContains(page, "This is an online round")
        self.assertContains(page, "takes no imported responses")
        self.assertEqual(RoundResponse.objects.filter(round=round_).count(), 1)
        with self.assertRaisesMessage(rounds.RoundError, "takes no imported responses"):
            rounds.import_paper_responses(round_, self.leader, self.csv_of("made-up-1", "made-up-2"))

        self.close_early(round_)
        page = self.client.get(round_.get_results_url())
        self.assertNotContains(page, SECRET_COMMENT)
        self.assertNotContains(page, "s4n-results-table")
        self.assertNotContains(page, "1.0")  # the member's scores
        self.assertEqual(self.client.get(f"{round_.get_results_url()}results.csv").status_code, 404)

    def test_paper_rows_already_in_an_online_round_do_not_count(self):
        # Rounds from before online and paper were separated may hold both kinds.
        round_ = self.open_round()
        self.answer(round_, user=self.member, comment=SECRET_COMMENT)
        RoundResponseFactory.create_batch(2, round=round_, paper=True, comment="Made up")
        self.client.force_login(self.leader)
        self.assertContains(self.client.get(round_.get_results_url()), 'id="response-count">1 from 2 members')
        self.close_early(round_)
        results = rounds.round_results(round_)
        self.assertEqual((results.count, results.enough), (1, False))
        page = self.client.get(round_.get_results_url())
        self.assertNotContains(page, SECRET_COMMENT)
        self.assertNotContains(page, "Made up")

    def test_a_paper_round_cannot_be_answered_on_the_site(self):
        round_ = self.open_round(NetworkRound.Mode.PAPER)
        self.client.force_login(self.member)
        page = self.client.get(round_.get_absolute_url())
        self.assertContains(page, "This round is answered on paper")
        self.assertNotContains(page, '<form method="post"')
        self.client.post(check_url(round_), post_for(lowest(self.data)))
        self.assertFalse(RoundResponse.objects.filter(round=round_).exists())
        with self.assertRaises(rounds.RoundError):
            rounds.save_answers(round_, self.member, lowest(self.data), "")
        with self.assertRaises(rounds.RoundError):
            rounds.email_invitation(round_, self.leader)

    def test_the_leader_chooses_online_or_paper_when_opening(self):
        self.client.force_login(self.leader)
        url = f"/diagnostics/networks/{self.network.slug}/rounds/new/"
        fields = {
            "instrument": self.instrument.pk,
            "message": "Kept message",
            "closes_on": (timezone.localdate() + timedelta(days=7)).strftime("%d/%m/%Y"),
        }
        page = self.client.post(url, fields)
        self.assertContains(page, 'href="#id_mode_0">Select how members will answer</a>')
        self.assertContains(page, "Kept message")
        self.assertFalse(NetworkRound.objects.exists())
        self.client.post(url, {**fields, "mode": "paper"})
        paper = NetworkRound.objects.get()
        self.assertEqual(paper.mode, NetworkRound.Mode.PAPER)
        page = self.client.get(paper.get_results_url())
        self.assertContains(page, "Import paper responses (CSV)")
        self.assertNotContains(page, "Invitation link")
        online = NetworkRoundFactory(network=self.network, opened_by=self.leader)
        page = self.client.get(online.get_results_url())
        self.assertContains(page, "Invitation link")
        self.assertNotContains(page, "Import paper responses (CSV)")
