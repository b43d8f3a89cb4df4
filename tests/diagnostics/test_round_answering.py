"""Members find and answer rounds (issue 11, item 1): open rounds listed on /diagnostics/, the
network page and "My diagnostics"; answering page by page, resuming where one left off,
editable until the round closes; a draft never counts."""

from datetime import timedelta

from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from community.accounts.deletion import delete_account
from community.accounts.export import export_data
from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics import rounds
from diagnostics.factories import NetworkRoundFactory, RoundResponseFactory
from diagnostics.models import Instrument, NetworkRound, RoundResponse
from diagnostics.round_answers import RoundState, check_url, section_url
from tests.queries import assert_same_query_count, count_queries

from .helpers import SCORECARD, instrument_data


def post_for(items, value):
    return {f"answer-{item.key}": str(value) for item in items}


class RoundAnsweringTestCase(TestCase):
    def setUp(self):
        cache.clear()
        self.instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
        self.data = instrument_data(SCORECARD)
        self.network = NetworkFactory(name="Fenland Falls Network")
        self.leader = make_member(display_name="Lena Leader")
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.member = make_member(display_name="Morag Member")
        add_member(self.network, self.member)
        self.other_network = NetworkFactory(name="Other Network")
        self.outsider = make_member(display_name="Olive Outsider")
        add_member(self.other_network, self.outsider)
        self.moderator = make_member(display_name="Max Moderator", groups=["Moderators"])
        self.round = NetworkRoundFactory(
            network=self.network, version=self.instrument.current_version, opened_by=self.leader
        )

    def answer_section(self, number, value, user=None, **extra):
        self.client.force_login(user or self.member)
        dimension = self.data.dimensions[number - 1]
        return self.client.post(section_url(self.round, number), {**post_for(dimension.items, value), **extra})


class PageByPageTests(RoundAnsweringTestCase):
    def test_each_page_saves_a_draft_and_moves_on_to_the_check_page(self):
        total = len(self.data.dimensions)
        for number in range(1, total + 1):
            response = self.answer_section(number, 4)
            expected = section_url(self.round, number + 1) if number < total else check_url(self.round)
            self.assertRedirects(response, expected, fetch_redirect_response=False)
            draft = RoundResponse.objects.get(round=self.round, respondent=self.member)
            self.assertEqual(draft.status, RoundResponse.Status.DRAFT)
        check = self.client.get(check_url(self.round))
        self.assertContains(check, "Check your answers before you submit")
        self.assertContains(check, "Submit your answers")
        response = self.client.post(check_url(self.round), {"comment": "Good work"})
        self.assertRedirects(response, self.round.get_absolute_url(), fetch_redirect_response=False)
        mine = RoundResponse.objects.get(round=self.round, respondent=self.member)
        self.assertEqual(mine.status, RoundResponse.Status.SUBMITTED)
        self.assertEqual(mine.comment, "Good work")
        self.assertContains(self.client.get(self.round.get_absolute_url()), "You have submitted your answers")

    def test_save_and_come_back_later_then_resume_at_the_first_unanswered_page(self):
        self.answer_section(1, 3)
        response = self.answer_section(2, 3, action="later")
        self.assertRedirects(response, self.round.get_absolute_url(), fetch_redirect_response=False)
        page = self.client.get(self.round.get_absolute_url())
        self.assertContains(page, "You have started but not submitted yet")
        self.assertContains(page, f'href="{section_url(self.round, 3)}"')
        self.assertContains(page, "Continue where you left off")
        # What was saved is shown again, on another visit.
        self.assertContains(self.client.get(section_url(self.round, 2)), 'value="3" checked')

    def test_a_draft_never_counts_for_the_leader(self):
        self.answer_section(1, 1)
        RoundResponseFactory.create_batch(2, round=self.round)
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url())
        self.assertContains(page, '<dd class="nhsuk-summary-list__value" id="response-count">2 from')
        listing = self.client.get(f"/diagnostics/networks/{self.network.slug}/rounds/").content.decode()
        self.assertIn('nhsuk-table__cell--numeric">2</td>', listing)
        # Closed: the draft is not in the figures either (2 responses are below the minimum).
        rounds.close_round(self.round, self.leader)
        self.assertEqual(rounds.round_results(self.round).count, 2)
        self.assertFalse(rounds.round_results(self.round).enough)

    def test_a_complete_draft_still_does_not_count_until_submitted(self):
        for number in range(1, len(self.data.dimensions) + 1):
            self.answer_section(number, 1)
        RoundResponseFactory.create_batch(2, round=self.round, answers={i.key: 5 for i in self.data.items})
        self.round.closed = True
        self.round.save(update_fields=["closed"])
        results = rounds.round_results(self.round)
        self.assertEqual(results.count, 2)
        self.assertFalse(results.enough)

    def test_submitted_answers_can_be_changed_page_by_page_until_the_round_closes(self):
        RoundResponseFactory(round=self.round, respondent=self.member, answers={i.key: 2 for i in self.data.items})
        self.answer_section(1, 5)
        mine = RoundResponse.objects.get(round=self.round, respondent=self.member)
        self.assertEqual(mine.status, RoundResponse.Status.SUBMITTED)
        self.assertEqual({mine.answers[item.key] for item in self.data.dimensions[0].items}, {5})
        self.round.closes_at = timezone.now() - timedelta(minutes=1)
        self.round.save(update_fields=["closes_at"])
        for url in (section_url(self.round, 1), check_url(self.round), self.round.get_absolute_url()):
            self.assertContains(self.client.get(url), "This round has closed")
        self.answer_section(1, 1)
        self.client.post(check_url(self.round), {**post_for(self.data.items, 1), "comment": "Too late"})
        mine.refresh_from_db()
        self.assertEqual({mine.answers[item.key] for item in self.data.dimensions[0].items}, {5})
        self.assertNotEqual(mine.comment, "Too late")

    def test_a_round_closed_while_the_page_was_open_refuses_the_save(self):
        state = RoundState(self.round, self.member)  # loaded while the round was open
        NetworkRound.objects.filter(pk=self.round.pk).update(closed=True)
        with self.assertRaises(rounds.RoundError):
            state.save({self.data.items[0].key: 3})
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_section_out_of_range_is_not_found(self):
        self.client.force_login(self.member)
        self.assertEqual(self.client.get(section_url(self.round, 99)).status_code, 404)
        self.assertEqual(self.client.get(section_url(self.round, 0)).status_code, 404)


class AnsweringPermissionTests(RoundAnsweringTestCase):
    def pages(self):
        return [self.round.get_absolute_url(), section_url(self.round, 1), check_url(self.round)]

    def test_a_visitor_is_asked_to_sign_in(self):
        for url in self.pages():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302)
            self.assertIn("/accounts/login/", response["Location"])
        self.client.post(section_url(self.round, 1), post_for(self.data.dimensions[0].items, 3))
        self.assertFalse(RoundResponse.objects.exists())

    def test_members_and_leaders_may_answer(self):
        for user in (self.member, self.leader):
            self.client.force_login(user)
            for url in self.pages():
                self.assertEqual(self.client.get(url).status_code, 200, url)
        self.answer_section(1, 3, user=self.leader)
        self.assertTrue(RoundResponse.objects.filter(respondent=self.leader).exists())

    def test_another_networks_member_and_a_moderator_get_the_members_only_page(self):
        for user in (self.outsider, self.moderator):
            self.client.force_login(user)
            for url in self.pages():
                self.assertEqual(self.client.get(url).status_code, 403, url)
            self.client.post(section_url(self.round, 1), post_for(self.data.dimensions[0].items, 3))
            self.client.post(check_url(self.round), post_for(self.data.items, 3))
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_paper_round_has_no_pages_to_answer(self):
        self.round.mode = self.round.Mode.PAPER
        self.round.save(update_fields=["mode"])
        self.answer_section(1, 3)
        self.assertContains(self.client.get(section_url(self.round, 1)), "This round is answered on paper")
        self.assertFalse(RoundResponse.objects.exists())


class FindingRoundsTests(RoundAnsweringTestCase):
    def test_the_diagnostics_index_lists_the_members_open_rounds(self):
        self.client.force_login(self.member)
        page = self.client.get("/diagnostics/")
        self.assertContains(page, "Surveys open in your networks")
        self.assertContains(page, self.round.get_absolute_url())
        self.assertContains(page, "Fenland Falls Network")
        self.answer_section(1, 3)
        self.assertContains(self.client.get("/diagnostics/"), "Continue your answers")
        RoundResponse.objects.update(status=RoundResponse.Status.SUBMITTED)
        self.assertContains(self.client.get("/diagnostics/"), "Change your answers")

    def test_the_index_shows_no_rounds_to_visitors_outsiders_or_moderators(self):
        self.assertNotContains(self.client.get("/diagnostics/"), "Surveys open in your networks")
        for user in (self.outsider, self.moderator):
            self.client.force_login(user)
            page = self.client.get("/diagnostics/")
            self.assertNotContains(page, "Surveys open in your networks")
            self.assertNotContains(page, self.round.get_absolute_url())

    def test_closed_and_paper_rounds_are_not_listed(self):
        self.round.closed = True
        self.round.save(update_fields=["closed"])
        NetworkRoundFactory(network=self.network, mode="paper")
        self.client.force_login(self.member)
        self.assertNotContains(self.client.get("/diagnostics/"), "Surveys open in your networks")

    def test_the_network_page_and_my_diagnostics_say_whether_the_member_has_started(self):
        self.answer_section(1, 3)
        for url in (self.network.get_absolute_url(), "/account/"):
            page = self.client.get(url)
            self.assertContains(page, "You have started but not submitted")
            self.assertContains(page, "Continue your answers")
        self.client.force_login(self.outsider)
        self.assertNotContains(self.client.get(self.network.get_absolute_url()), "Surveys open now")

    def test_the_index_query_count_does_not_grow_with_rounds(self):
        self.client.force_login(self.member)
        one = count_queries(self.client, "/diagnostics/")
        for _ in range(4):
            network = NetworkFactory()
            add_member(network, self.member)
            NetworkRoundFactory(network=network, version=self.instrument.current_version)
        assert_same_query_count(one, count_queries(self.client, "/diagnostics/"))


class DraftsAndAccountsTests(RoundAnsweringTestCase):
    def test_deleting_an_account_deletes_drafts_and_keeps_submitted_answers_without_a_name(self):
        self.answer_section(1, 3)
        submitted = NetworkRoundFactory(network=self.network, version=self.instrument.current_version)
        RoundResponseFactory(round=submitted, respondent=self.member)
        delete_account(self.member)
        self.assertFalse(RoundResponse.objects.filter(round=self.round).exists())
        kept = RoundResponse.objects.get(round=submitted)
        self.assertIsNone(kept.respondent)

    def test_download_my_data_says_which_answers_were_submitted(self):
        self.answer_section(1, 3)
        rounds_data = export_data(self.member)["network_rounds"]
        self.assertEqual([entry["submitted"] for entry in rounds_data], [False])
