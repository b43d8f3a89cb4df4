"""Response rate and reminders (issue 11, item 2): a leader's reminder at most every 48 hours,
the automatic one 3 days before closing exactly once, both only to the active members who have
not submitted, and the leader never told who they are."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import add_member
from community.networks.models import Membership
from diagnostics import round_reminders, rounds
from diagnostics.factories import NetworkRoundFactory, RoundResponseFactory
from diagnostics.models import NetworkRound, RoundResponse

from .test_round_answering import RoundAnsweringTestCase


class ReminderTestCase(RoundAnsweringTestCase):
    def setUp(self):
        super().setUp()
        # Morag has submitted; Dan has a draft; Nia has not started; Pat's request is pending.
        RoundResponseFactory(round=self.round, respondent=self.member)
        self.drafter = make_member(display_name="Dan Drafter")
        add_member(self.network, self.drafter)
        RoundResponseFactory(round=self.round, respondent=self.drafter, status=RoundResponse.Status.DRAFT)
        self.silent = make_member(display_name="Nia Silent")
        add_member(self.network, self.silent)
        pending = make_member()
        add_member(self.network, pending, status=Membership.Status.PENDING)
        self.remind_url = f"{self.round.get_results_url()}remind/"
        mail.outbox.clear()

    def recipients(self):
        return sorted(address for message in mail.outbox for address in message.to)

    def not_submitted(self):
        return sorted([self.leader.email, self.drafter.email, self.silent.email])


class LeaderReminderTests(ReminderTestCase):
    def test_the_leader_sees_responses_against_active_members(self):
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url())
        # One submitted of four active members (the draft does not count).
        self.assertContains(page, "1 from 4 members (25%)")

    def test_a_reminder_goes_only_to_active_members_who_have_not_submitted(self):
        self.client.force_login(self.leader)
        response = self.client.post(self.remind_url, follow=True)
        self.assertContains(response, "A reminder was emailed to the members who have not submitted their answers.")
        self.assertEqual(self.recipients(), self.not_submitted())
        # The leader's page names nobody, and says no number that the count does not already.
        content = response.content.decode()
        for person in ("Dan Drafter", "Nia Silent", self.drafter.email, self.silent.email):
            self.assertNotIn(person, content)
        message = next(message for message in mail.outbox if message.to == [self.drafter.email])
        self.assertIn(f"http://testserver{self.round.get_absolute_url()}", message.body)
        self.assertIn("Your answers so far are saved", message.body)
        self.assertIn("Reminder:", message.subject)

    def test_someone_who_submits_before_the_email_is_built_gets_nothing(self):
        RoundResponse.objects.filter(respondent=self.drafter).update(status=RoundResponse.Status.SUBMITTED)
        rounds_module_count = round_reminders.send_reminder(self.round, self.leader)
        self.assertEqual(rounds_module_count, 2)
        self.assertNotIn(self.drafter.email, self.recipients())

    def test_never_twice_within_48_hours_and_the_refusal_says_when(self):
        self.client.force_login(self.leader)
        self.client.post(self.remind_url)
        sent = len(mail.outbox)
        response = self.client.post(self.remind_url, follow=True)
        self.round.refresh_from_db()
        possible = timezone.localtime(self.round.reminded_at + timedelta(hours=48))
        self.assertContains(response, "A reminder was sent less than 48 hours ago.")
        self.assertContains(response, f"You can send another from {possible:%H:%M} on {possible.day} {possible:%B %Y}.")
        self.assertEqual(len(mail.outbox), sent)
        # The page offers no button until then, and says from when.
        self.assertContains(response, 'id="next-reminder"')
        self.assertNotContains(response, ">Send a reminder</button>")
        # 47 hours later: still refused; 48 hours later: allowed.
        NetworkRound.objects.filter(pk=self.round.pk).update(reminded_at=timezone.now() - timedelta(hours=47))
        self.client.post(self.remind_url)
        self.assertEqual(len(mail.outbox), sent)
        NetworkRound.objects.filter(pk=self.round.pk).update(reminded_at=timezone.now() - timedelta(hours=48))
        self.client.post(self.remind_url)
        self.assertEqual(len(mail.outbox), 2 * sent)

    def test_the_automatic_reminder_also_holds_the_next_one_back(self):
        NetworkRound.objects.filter(pk=self.round.pk).update(auto_reminded_at=timezone.now() - timedelta(hours=1))
        self.round.refresh_from_db()
        with self.assertRaises(rounds.RoundError):
            round_reminders.send_reminder(self.round, self.leader)

    def test_no_reminder_for_a_closed_or_paper_round(self):
        self.round.closed = True
        self.round.save(update_fields=["closed"])
        with self.assertRaises(rounds.RoundError):
            round_reminders.send_reminder(self.round, self.leader)
        paper = NetworkRoundFactory(network=self.network, mode=NetworkRound.Mode.PAPER)
        with self.assertRaises(rounds.RoundError):
            round_reminders.send_reminder(paper, self.leader)
        self.assertEqual(mail.outbox, [])

    def test_when_everyone_has_submitted_nobody_is_emailed(self):
        RoundResponse.objects.filter(round=self.round).update(status=RoundResponse.Status.SUBMITTED)
        RoundResponseFactory(round=self.round, respondent=self.leader)
        RoundResponseFactory(round=self.round, respondent=self.silent)
        self.client.force_login(self.leader)
        response = self.client.post(self.remind_url, follow=True)
        # The same words as when some were reminded: the page gives nothing away.
        self.assertContains(response, "A reminder was emailed to the members who have not submitted their answers.")
        self.assertEqual(mail.outbox, [])


class ReminderPermissionTests(ReminderTestCase):
    def test_only_the_networks_leaders_can_remind(self):
        response = self.client.post(self.remind_url)
        self.assertIn("/accounts/login/", response["Location"])
        for user in (self.member, self.outsider, self.moderator):
            self.client.force_login(user)
            self.assertEqual(self.client.post(self.remind_url).status_code, 403)
        self.assertEqual(mail.outbox, [])
        self.assertIsNone(NetworkRound.objects.get(pk=self.round.pk).reminded_at)

    def test_the_address_opened_from_a_link_gets_the_405_page(self):
        self.client.force_login(self.leader)
        self.assertEqual(self.client.get(self.remind_url).status_code, 405)
        self.assertEqual(mail.outbox, [])


class AutomaticReminderTests(ReminderTestCase):
    def run_command(self):
        output = StringIO()
        call_command("send_round_reminders", stdout=output)
        return output.getvalue()

    def closing_in(self, delta, opened_ago=timedelta(days=14)):
        now = timezone.now()
        NetworkRound.objects.filter(pk=self.round.pk).update(closes_at=now + delta, created_at=now - opened_ago)

    def test_nothing_before_three_days_before_closing(self):
        self.closing_in(timedelta(days=3, minutes=5))
        self.assertIn("Reminded 0 rounds", self.run_command())
        self.assertEqual(mail.outbox, [])

    def test_sent_once_three_days_before_closing_to_those_who_have_not_submitted(self):
        self.closing_in(timedelta(days=3) - timedelta(minutes=5))
        self.assertIn("Reminded 1 round: 3 emails queued.", self.run_command())
        self.assertEqual(self.recipients(), self.not_submitted())
        self.assertIsNotNone(NetworkRound.objects.get(pk=self.round.pk).auto_reminded_at)
        mail.outbox.clear()
        self.assertIn("Reminded 0 rounds", self.run_command())
        self.closing_in(timedelta(days=1))
        self.run_command()
        self.assertEqual(mail.outbox, [])

    def test_a_round_opened_less_than_three_days_before_closing_gets_none(self):
        self.closing_in(timedelta(days=2), opened_ago=timedelta(hours=1))
        self.run_command()
        self.assertEqual(mail.outbox, [])

    def test_closed_and_paper_rounds_get_none(self):
        self.closing_in(timedelta(days=2))
        NetworkRound.objects.filter(pk=self.round.pk).update(closed=True)
        paper = NetworkRoundFactory(network=self.network, mode=NetworkRound.Mode.PAPER)
        NetworkRound.objects.filter(pk=paper.pk).update(
            closes_at=timezone.now() + timedelta(days=2), created_at=timezone.now() - timedelta(days=10)
        )
        self.run_command()
        self.assertEqual(mail.outbox, [])

    def test_the_leaders_page_says_the_automatic_reminder_went(self):
        self.closing_in(timedelta(days=2))
        self.run_command()
        self.client.force_login(self.leader)
        sent = timezone.localtime(NetworkRound.objects.get(pk=self.round.pk).auto_reminded_at)
        self.assertContains(
            self.client.get(self.round.get_results_url()),
            f"The automatic reminder went on {sent.day} {sent:%B %Y}.",
        )
