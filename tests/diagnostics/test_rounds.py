"""Network rounds (6.1, rule 7, 6.4): who sees what, answering once, results, CSV in and out."""

import random
import re
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from community.accounts.deletion import delete_account
from community.accounts.export import export_data
from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import JoinPolicy, Membership
from diagnostics import rounds
from diagnostics.factories import InstrumentVersionFactory, NetworkRoundFactory, RoundResponseFactory
from diagnostics.models import Instrument, NetworkRound, RoundResponse
from diagnostics.round_answers import check_url
from tests.queries import assert_same_query_count, count_queries

from .helpers import SCORECARD, instrument_data


def every(data, value):
    return {item.key: value for item in data.items}


def scoring_at(data, value):
    """Answers giving every statement the item score ``value`` (reverse-scored ones turned round)."""
    scale = data.scale
    return {item.key: scale.min + scale.max - value if item.reverse else value for item in data.items}


def post_for(answers):
    return {f"answer-{key}": str(value) for key, value in answers.items()}


class RoundTestCase(TestCase):
    def setUp(self):
        cache.clear()
        self.instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
        self.data = instrument_data(SCORECARD)
        self.network = NetworkFactory(name="Fenland Falls Network", join_policy=JoinPolicy.OPEN)
        self.instrument_title = self.instrument.title
        self.leader = make_member(display_name="Lena Leader")
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.member = make_member(display_name="Morag Member")
        add_member(self.network, self.member)
        self.round = self.open_round()

    def open_round(self, network=None):
        """A round of the current version, opened by the leader, closing in two weeks."""
        return NetworkRoundFactory(
            network=network or self.network, version=self.instrument.current_version, opened_by=self.leader
        )

    def close(self, round_):
        """Close the round (its results are computed on the first look)."""
        round_.closed = True
        round_.save(update_fields=["closed"])
        return round_

    def respond(self, round_, count, value=4, comment=""):
        """``count`` web responses from new members of the round's network."""
        responses = RoundResponseFactory.create_batch(
            count, round=round_, answers=scoring_at(self.data, value), comment=comment
        )
        return [response.respondent for response in responses]


class OpeningTests(RoundTestCase):
    def test_a_leader_opens_a_round_through_the_form(self):
        self.client.force_login(self.leader)
        url = f"/diagnostics/networks/{self.network.slug}/rounds/new/"
        self.assertEqual(self.client.get(url).status_code, 200)
        closes = timezone.localdate() + timedelta(days=10)
        response = self.client.post(
            url,
            {
                "instrument": self.instrument.pk,
                "message": "Please answer.",
                "mode": "online",
                "closes_on": closes.strftime("%d/%m/%Y"),
            },
        )
        created = NetworkRound.objects.latest("pk")
        self.assertRedirects(response, created.get_results_url(), fetch_redirect_response=False)
        self.assertEqual(created.version, self.instrument.current_version)
        self.assertEqual(timezone.localtime(created.closes_at).date(), closes)
        self.assertTrue(created.is_open)

    def test_the_form_refuses_a_past_date_and_keeps_what_was_typed(self):
        self.client.force_login(self.leader)
        yesterday = timezone.localdate() - timedelta(days=1)
        response = self.client.post(
            f"/diagnostics/networks/{self.network.slug}/rounds/new/",
            {"instrument": self.instrument.pk, "message": "Kept message", "closes_on": yesterday.isoformat()},
        )
        content = response.content.decode()
        self.assertIn("<title>Error: ", content)
        self.assertIn("There is a problem", content)
        self.assertIn('href="#id_closes_on"', content)
        self.assertIn("The closing date must be today or in the future", content)
        self.assertIn("Kept message", content)

    def test_a_member_cannot_open_a_round(self):
        with self.assertRaises(rounds.RoundError):
            rounds.open_round(self.network, self.member, self.instrument, "x", timezone.localdate())
        matrix = Instrument.objects.get(slug="network-maturity-matrix")
        with self.assertRaises(rounds.RoundError):
            rounds.open_round(self.network, self.leader, matrix, "x", timezone.localdate())

    def test_the_invitation_is_emailed_to_every_active_member(self):
        pending = make_member()
        add_member(self.network, pending, status=Membership.Status.PENDING)
        self.client.force_login(self.leader)
        mail.outbox.clear()
        response = self.client.post(self.round.get_results_url(), {"action": "email"})
        self.assertEqual(response.status_code, 302)
        recipients = sorted(address for message in mail.outbox for address in message.to)
        self.assertEqual(recipients, sorted([self.leader.email, self.member.email]))
        self.assertIn(f"http://testserver{self.round.get_absolute_url()}", mail.outbox[0].body)
        self.assertIn("Tell us how the network is doing.", mail.outbox[0].body)
        self.network.name = "St Mary's Network"
        self.network.save()
        mail.outbox.clear()
        self.client.post(self.round.get_results_url(), {"action": "email"})
        self.assertEqual(mail.outbox[0].subject, f"St Mary's Network: please answer the {self.instrument_title}")
        self.round.refresh_from_db()
        self.assertIsNotNone(self.round.invited_at)

    def test_the_list_shows_rounds_newest_first_with_counts(self):
        NetworkRound.objects.filter(pk=self.round.pk).update(created_at=timezone.now() - timedelta(days=90))
        newer = self.open_round()
        self.respond(newer, 2)
        self.client.force_login(self.leader)
        content = self.client.get(f"/diagnostics/networks/{self.network.slug}/rounds/").content.decode()
        self.assertLess(content.index(newer.get_results_url()), content.index(self.round.get_results_url()))
        self.assertIn('nhsuk-table__cell--numeric">2</td>', content)

    def test_the_leader_page_shows_the_copyable_link(self):
        self.client.force_login(self.leader)
        response = self.client.get(self.round.get_results_url())
        self.assertContains(response, f'value="http://testserver{self.round.get_absolute_url()}"')


class AnsweringTests(RoundTestCase):
    def test_a_member_answers_once_and_a_second_visit_edits_the_same_answers(self):
        self.client.force_login(self.member)
        url = self.round.get_absolute_url()
        page = self.client.get(url)
        self.assertContains(page, "Tell us how the network is doing.")
        self.assertContains(page, f'href="{url}section/1/"')
        response = self.client.post(
            check_url(self.round), {**post_for(every(self.data, 2)), "comment": "First thoughts"}
        )
        self.assertRedirects(response, url, fetch_redirect_response=False)
        page = self.client.get(url)
        self.assertContains(page, "You have submitted your answers")
        check = self.client.get(check_url(self.round))
        self.assertContains(check, "First thoughts")
        self.assertContains(check, "Save your changed answers")
        self.assertContains(self.client.get(f"{url}section/1/"), 'value="2" checked')
        self.client.post(check_url(self.round), {**post_for(every(self.data, 5)), "comment": "Changed my mind"})
        mine = RoundResponse.objects.get(round=self.round)
        self.assertEqual(mine.answers, every(self.data, 5))
        self.assertEqual(mine.comment, "Changed my mind")
        self.assertEqual(mine.source, RoundResponse.Source.WEB)
        self.assertEqual(mine.status, RoundResponse.Status.SUBMITTED)

    def test_missing_answers_show_the_error_summary_and_keep_the_rest(self):
        self.client.force_login(self.member)
        answers = every(self.data, 3)
        missing = self.data.items[0]
        answers.pop(missing.key)
        response = self.client.post(check_url(self.round), {**post_for(answers), "comment": "Kept"})
        content = response.content.decode()
        self.assertIn("<title>Error: ", content)
        self.assertIn("There is a problem", content)
        self.assertIn(f'href="#q1">Select an answer for: {missing.text}', content)
        self.assertIn("Kept", content)
        # The rest are kept, as a draft that counts nowhere.
        draft = RoundResponse.objects.get()
        self.assertEqual(draft.status, RoundResponse.Status.DRAFT)
        self.assertEqual(draft.answers, answers)
        self.assertEqual(self.round.counted_responses().count(), 0)

    def test_a_closed_round_cannot_be_answered_or_changed(self):
        RoundResponseFactory(round=self.round, respondent=self.member, answers=every(self.data, 3))
        self.round.closes_at = timezone.now() - timedelta(minutes=1)
        self.round.save()
        self.client.force_login(self.member)
        page = self.client.get(self.round.get_absolute_url())
        self.assertContains(page, "This round has closed")
        self.assertNotContains(page, '<form method="post"')
        self.client.post(check_url(self.round), post_for(every(self.data, 5)))
        self.assertEqual(RoundResponse.objects.get().answers, every(self.data, 3))
        with self.assertRaises(rounds.RoundError):
            rounds.save_answers(self.round, self.member, every(self.data, 5), "")

    def test_a_leader_closing_early_stops_answers(self):
        self.client.force_login(self.leader)
        self.assertContains(self.client.get(f"{self.round.get_results_url()}close/"), "cannot be reopened")
        self.client.post(f"{self.round.get_results_url()}close/")
        self.round.refresh_from_db()
        self.assertFalse(self.round.is_open)
        self.client.force_login(self.member)
        self.assertContains(self.client.get(self.round.get_absolute_url()), "This round has closed")

    def test_one_response_per_member_in_the_database(self):
        rounds.save_answers(self.round, self.member, every(self.data, 3), "")
        rounds.save_answers(self.round, self.member, every(self.data, 4), "")
        self.assertEqual(RoundResponse.objects.filter(round=self.round).count(), 1)


class InvitationLinkTests(RoundTestCase):
    """The rule: the link works only for signed-in, active members of the round's network."""

    def test_a_visitor_is_asked_to_sign_in(self):
        response = self.client.get(self.round.get_absolute_url())
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_another_networks_member_gets_the_join_page_and_cannot_answer(self):
        other = make_member()
        add_member(NetworkFactory(), other)
        self.client.force_login(other)
        page = self.client.get(self.round.get_absolute_url())
        self.assertEqual(page.status_code, 403)
        self.assertContains(page, "This survey is for members of Fenland Falls Network", status_code=403)
        self.assertContains(page, "Anyone signed in can join this network", status_code=403)
        self.assertContains(page, self.network.get_absolute_url(), status_code=403)
        self.client.post(check_url(self.round), post_for(every(self.data, 5)))
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_former_member_or_a_pending_request_cannot_use_the_link(self):
        self.client.force_login(self.member)
        self.assertEqual(self.client.get(self.round.get_absolute_url()).status_code, 200)
        Membership.objects.filter(user=self.member).delete()
        self.assertEqual(self.client.get(self.round.get_absolute_url()).status_code, 403)
        add_member(self.network, self.member, status=Membership.Status.PENDING)
        self.assertEqual(self.client.get(self.round.get_absolute_url()).status_code, 403)

    def test_the_join_page_follows_the_join_policy(self):
        outsider = make_member()
        self.client.force_login(outsider)
        self.network.join_policy = JoinPolicy.INVITATION
        self.network.save()
        self.assertContains(self.client.get(self.round.get_absolute_url()), "by invitation only", status_code=403)
        self.network.join_policy = JoinPolicy.REQUEST
        self.network.save()
        self.assertContains(self.client.get(self.round.get_absolute_url()), "ask to join", status_code=403)

    def test_a_hidden_networks_round_does_not_exist_for_outsiders(self):
        self.network.hidden = True
        self.network.save()
        self.client.force_login(make_member())
        self.assertEqual(self.client.get(self.round.get_absolute_url()).status_code, 404)

    def test_editors_and_administrators_outside_the_network_cannot_answer(self):
        editor = make_member(groups=["Editors"])
        admin = make_member()
        admin.is_superuser = True
        admin.is_staff = True
        admin.save()
        for user in (editor, admin):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.round.get_absolute_url()).status_code, 403)
            self.client.post(check_url(self.round), post_for(every(self.data, 5)))
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_leader_can_answer_their_own_networks_round(self):
        self.client.force_login(self.leader)
        self.client.post(check_url(self.round), post_for(every(self.data, 3)))
        self.assertEqual(RoundResponse.objects.get().answers, every(self.data, 3))

    def test_a_made_up_link_is_not_found(self):
        self.client.force_login(self.member)
        self.assertEqual(self.client.get("/diagnostics/rounds/00000000-0000-4000-8000-000000000000/").status_code, 404)


class WhoSeesResultsTests(RoundTestCase):
    def setUp(self):
        super().setUp()
        self.respond(self.round, 3)
        self.close(self.round)  # so that its results and CSV are there to see
        self.editor = make_member(groups=["Editors"])
        self.admin = make_member()
        self.admin.is_superuser = True
        self.admin.is_staff = True
        self.admin.save()
        self.other_member = make_member()
        add_member(NetworkFactory(), self.other_member)

    def pages(self):
        base = f"/diagnostics/networks/{self.network.slug}"
        return [
            f"{base}/rounds/",
            f"{base}/rounds/new/",
            self.round.get_results_url(),
            f"{self.round.get_results_url()}results.csv",
            f"{self.round.get_results_url()}import/",
            f"{base}/matrix/",
        ]

    def test_only_the_networks_leaders_see_the_round_pages(self):
        for path in self.pages():
            response = self.client.get(path)
            self.assertEqual(response.status_code, 302, path)  # visitors are sent to sign in
            self.assertIn("/accounts/login/", response["Location"])
            for user in (self.member, self.other_member, self.editor, self.admin):
                self.client.force_login(user)
                self.assertEqual(self.client.get(path).status_code, 403, (path, user))
            self.client.force_login(self.leader)
            self.assertEqual(self.client.get(path).status_code, 200, path)
            self.client.logout()

    def test_a_leader_of_another_network_cannot_see_this_round(self):
        other_network = NetworkFactory()
        add_member(other_network, self.other_member, role=Membership.Role.LEADER)
        self.client.force_login(self.other_member)
        self.assertEqual(self.client.get(self.round.get_results_url()).status_code, 403)
        # Nor through their own network's address.
        path = f"/diagnostics/networks/{other_network.slug}/rounds/{self.round.pk}/"
        self.assertEqual(self.client.get(path).status_code, 404)

    def test_nobody_sees_an_individuals_answers_or_name(self):
        RoundResponseFactory(
            round=self.round, respondent=self.member, answers=every(self.data, 1), comment="Only my view"
        )
        for user in (self.leader, self.admin):
            self.client.force_login(user)
            content = self.client.get(self.round.get_results_url()).content.decode()
            self.assertNotIn("Morag Member", content)
            self.assertNotIn(self.member.username, content)
            self.assertNotIn(self.member.email, content)


class AggregateTests(RoundTestCase):
    def test_below_the_minimum_nothing_but_the_count_is_shown(self):
        self.respond(self.round, 2, comment="A comment that could identify someone")
        self.close(self.round)
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url())
        self.assertContains(page, "Not enough responses")
        self.assertContains(page, "2 of the 3 responses needed")
        self.assertNotContains(page, "s4n-results-table")
        self.assertNotContains(page, "A comment that could identify someone")
        self.assertNotContains(page, "Download the results")
        self.assertEqual(self.client.get(f"{self.round.get_results_url()}results.csv").status_code, 404)

    def test_at_the_minimum_the_rule_7_aggregate_is_shown(self):
        for value in (2, 3, 5):
            self.respond(self.round, 1, value=value)
        results = rounds.round_results(self.close(self.round))
        self.assertTrue(results.enough)
        purpose = results.rows[0]
        self.assertEqual((purpose.line.n, purpose.mean, purpose.line.range_text), (3, "3.3", "2.0–5.0"))
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url())
        self.assertContains(page, "s4n-results-table")
        self.assertContains(page, "2.0–5.0")
        self.assertContains(page, "Radar chart of the network")

    def test_a_dimension_below_the_minimum_says_not_enough_responses(self):
        first = self.data.dimensions[0]
        for _ in range(3):
            answers = every(self.data, 4)
            if _ == 0:  # this respondent answers none of the first dimension (all NA)
                answers.update({item.key: "NA" for item in first.items})
            RoundResponseFactory(round=self.round, answers=answers)
        results = rounds.round_results(self.close(self.round))
        self.assertFalse(results.rows[0].line.enough)
        self.assertEqual(results.rows[0].line.n, 2)
        self.assertTrue(results.rows[1].line.enough)
        self.assertTrue(results.overall.line.enough)
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url()).content.decode()
        row = re.search(rf"<th[^>]*>{first.title}</th>(.*?)</tr>", page, re.S).group(1)
        self.assertIn("Not enough responses", row)
        self.assertNotIn("4.0", row)

    def test_overall_withheld_when_too_few_overall_scores(self):
        users = self.respond(self.round, 2)
        RoundResponseFactory(round=self.round, answers=every(self.data, "NA"))
        results = rounds.round_results(self.close(self.round))
        self.assertTrue(results.enough)  # three responses
        self.assertFalse(results.overall.line.enough)  # but only two overall scores
        self.assertEqual(len(users), 2)

    def test_comments_are_shown_in_random_order_without_names(self):
        comments = [f"Comment number {n}" for n in range(6)]
        for comment in comments:
            self.respond(self.round, 1, comment=comment)
        self.close(self.round)
        orders = {tuple(rounds.round_results(self.round, rng=random.Random(seed)).comments) for seed in range(5)}
        self.assertGreater(len(orders), 1)
        self.assertTrue(all(sorted(order) == sorted(comments) for order in orders))
        self.client.force_login(self.leader)
        with mock.patch("diagnostics.rounds.random.SystemRandom") as system_random:
            system_random.return_value = random.Random(1)
            page = self.client.get(self.round.get_results_url()).content.decode()
        shown = re.findall(r"Comment number \d", page)
        self.assertEqual(shown, rounds.shuffled(comments, random.Random(1)))
        self.assertNotEqual(shown, comments)
        self.assertNotIn("Morag", page)

    def test_change_since_the_previous_round(self):
        earlier = self.round
        self.respond(earlier, 3, value=2)
        NetworkRound.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=90), closed=True)
        later = self.open_round()
        self.respond(later, 3, value=4)
        results = rounds.round_results(self.close(later))
        self.assertEqual(results.previous.pk, earlier.pk)
        self.assertEqual([row.change for row in results.rows], ["+2.0"] * len(self.data.dimensions))
        self.assertEqual(results.overall.change, "+2.0")
        self.client.force_login(self.leader)
        self.assertContains(self.client.get(later.get_results_url()), "Change since")

    def test_no_change_column_when_the_previous_round_had_too_few(self):
        self.respond(self.round, 1, value=2)
        NetworkRound.objects.filter(pk=self.round.pk).update(
            created_at=timezone.now() - timedelta(days=90), closed=True
        )
        later = self.open_round()
        self.respond(later, 3)
        self.assertIsNone(rounds.round_results(self.close(later)).previous)

    def test_aggregate_csv_has_the_score_responses_columns(self):
        for value in (2, 3, 5):
            self.respond(self.round, 1, value=value)
        self.close(self.round)
        self.client.force_login(self.leader)
        response = self.client.get(f"{self.round.get_results_url()}results.csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        lines = response.content.decode().split("\n")
        self.assertEqual(lines[0], "dimension,n,mean,min,max,sd,band")
        self.assertEqual(lines[1], "purpose,3,3.33,2.00,5.00,1.25,developing")
        self.assertEqual(lines[-2], "overall,3,3.33,2.00,5.00,1.25,developing", lines)

    def test_query_count_is_flat(self):
        # A minimum of 1, so that one response already shows the full results page.
        InstrumentVersionFactory(instrument=self.instrument, change=lambda data: data.update(min_responses=1))
        self.instrument.refresh_from_db()
        networks = [NetworkFactory(), NetworkFactory()]
        for network in networks:
            add_member(network, self.leader, role=Membership.Role.LEADER)
        small = self.open_round(network=networks[0])
        self.respond(small, 1)
        big = self.open_round(network=networks[1])
        self.respond(big, 30, comment="Something")
        self.close(small)
        self.close(big)
        self.assertTrue(rounds.round_results(small).enough)
        self.client.force_login(self.leader)
        assert_same_query_count(
            count_queries(self.client, small.get_results_url()), count_queries(self.client, big.get_results_url())
        )


class ImportTests(RoundTestCase):
    def setUp(self):
        super().setUp()
        self.round.mode = NetworkRound.Mode.PAPER  # only paper rounds take imports
        self.round.save()

    def csv(self, rows, comment=True):
        keys = [item.key for item in self.data.items]
        header = ["respondent", *keys] + (["comment"] if comment else [])
        return ("\n".join([",".join(header), *rows]) + "\n").encode()

    def row(self, label, value, comment="From paper"):
        return ",".join([label, *[str(value)] * len(self.data.items), comment])

    def upload(self, content):
        from django.core.files.uploadedfile import SimpleUploadedFile

        self.client.force_login(self.leader)
        return self.client.post(
            f"{self.round.get_results_url()}import/",
            {"file": SimpleUploadedFile("paper.csv", content, content_type="text/csv")},
        )

    def test_paper_responses_are_imported(self):
        response = self.upload(self.csv([self.row("paper-1", 4), self.row("paper-2", 2), self.row("paper-3", "NA")]))
        self.assertRedirects(response, self.round.get_results_url(), fetch_redirect_response=False)
        imported = RoundResponse.objects.filter(round=self.round, source="paper").order_by("paper_label")
        self.assertEqual([r.paper_label for r in imported], ["paper-1", "paper-2", "paper-3"])
        self.assertIsNone(imported[0].respondent)
        self.assertEqual(imported[0].comment, "From paper")
        self.assertEqual(imported[2].answers, every(self.data, "NA"))
        self.assertEqual(rounds.round_results(self.round).count, 3)

    def test_a_bad_value_is_refused_naming_row_and_column_and_nothing_is_imported(self):
        bad = self.row("paper-2", 4).split(",")
        bad[3] = "9"
        response = self.upload(self.csv([self.row("paper-1", 4), ",".join(bad)]))
        content = response.content.decode()
        self.assertIn("<title>Error: ", content)
        self.assertIn("There is a problem", content)
        self.assertIn(f"line 3, column 4 ({self.data.items[2].key})", content)
        self.assertIn("Nothing was added", content)
        self.assertFalse(RoundResponse.objects.exists())

    def test_unknown_keys_duplicates_and_reimports_are_refused(self):
        content = self.csv([self.row("paper-1", 4)]).replace(self.data.items[0].key.encode(), b"bogus", 1)
        self.assertContains(self.upload(content), "line 1, column 2: unknown item key")
        self.assertContains(self.upload(self.csv([self.row("p", 4), self.row("p", 3)])), "duplicate respondent")
        self.upload(self.csv([self.row("paper-1", 4)]))
        self.assertEqual(RoundResponse.objects.count(), 1)
        again = self.upload(self.csv([self.row("paper-9", 4), self.row("paper-1", 4)]))
        self.assertContains(again, "line 3, column 1 (respondent)")
        self.assertContains(again, "already imported")
        self.assertEqual(RoundResponse.objects.count(), 1)

    def test_no_import_into_a_closed_round(self):
        self.round.closed = True
        self.round.save()
        response = self.upload(self.csv([self.row("paper-1", 4)]))
        self.assertContains(response, "This round has closed")
        self.assertFalse(RoundResponse.objects.exists())
        self.assertNotContains(self.client.get(self.round.get_results_url()), "Import paper responses")


class AccountTests(RoundTestCase):
    def test_deleting_an_account_keeps_the_answers_but_not_who_gave_them(self):
        RoundResponseFactory(round=self.round, respondent=self.member, answers=every(self.data, 2), comment="Mine")
        delete_account(self.member)
        response = RoundResponse.objects.get(round=self.round)
        self.assertIsNone(response.respondent)
        self.assertEqual(response.answers, every(self.data, 2))

    def test_the_data_export_lists_my_participation_only(self):
        RoundResponseFactory(round=self.round, respondent=self.member, answers=every(self.data, 2), comment="Mine")
        self.respond(self.round, 2, comment="Someone else's")
        exported = export_data(self.member)["network_rounds"]
        self.assertEqual(len(exported), 1)
        self.assertEqual(exported[0]["network"], "Fenland Falls Network")
        self.assertEqual(exported[0]["comment"], "Mine")
        self.assertNotIn("Someone else's", str(export_data(self.member)))


class NetworkPageLinkTests(RoundTestCase):
    def test_leaders_see_links_to_rounds_and_sessions(self):
        self.client.force_login(self.leader)
        page = self.client.get(self.network.get_absolute_url())
        self.assertContains(page, f"/diagnostics/networks/{self.network.slug}/rounds/")
        self.assertContains(page, f"/diagnostics/networks/{self.network.slug}/matrix/")
        self.client.force_login(self.member)
        # Members see the open round's link to answer (issue 9), never the leaders' pages.
        page = self.client.get(self.network.get_absolute_url())
        self.assertNotContains(page, f"/diagnostics/networks/{self.network.slug}/")
        self.assertContains(page, self.round.get_absolute_url())
