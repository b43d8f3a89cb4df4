"""The daily clean-up of invitations that expired unused: what goes and what stays."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory
from community.networks.models import Invitation
from tests.community.base import CommunityTestCase


class DeleteExpiredInvitationsTests(CommunityTestCase):
    def invite(self, email, expired_days_ago=None, **fields):
        invitation, _ = Invitation.create(self.network, email, self.leader)
        if expired_days_ago is not None:
            fields["expires_at"] = timezone.now() - timedelta(days=expired_days_ago)
        Invitation.objects.filter(pk=invitation.pk).update(**fields)
        return invitation

    def setUp(self):
        super().setUp()
        self.network = NetworkFactory()
        self.leader = make_member()

    def run_command(self):
        out = StringIO()
        call_command("delete_expired_invitations", stdout=out)
        return out.getvalue().strip()

    def test_expired_invitations_go_and_the_others_stay(self):
        now = timezone.now()
        expired = self.invite("expired@example.org", expired_days_ago=1)
        withdrawn_and_expired = self.invite("withdrawn@example.org", expired_days_ago=3, revoked_at=now)
        pending = self.invite("pending@example.org")
        withdrawn_not_expired = self.invite("withdrawn.recently@example.org", revoked_at=now)
        accepted = self.invite(
            "joined@example.org", expired_days_ago=10, accepted_at=now - timedelta(days=20), accepted_by=make_member()
        )

        self.assertEqual(self.run_command(), "Deleted 2 expired invitations.")
        remaining = set(Invitation.objects.values_list("pk", flat=True))
        self.assertEqual(remaining, {pending.pk, withdrawn_not_expired.pk, accepted.pk})
        self.assertNotIn(expired.pk, remaining)
        self.assertNotIn(withdrawn_and_expired.pk, remaining)

    def test_an_unusable_link_still_gets_a_page_after_the_clean_up(self):
        invitation, token = Invitation.create(self.network, "late@example.org", self.leader)
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
        self.assertEqual(self.run_command(), "Deleted 1 expired invitation.")
        response = self.client.get(reverse("community:invitation", args=[token]))
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "This invitation link is not valid", status_code=404)
