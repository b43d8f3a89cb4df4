"""A leader closes a network (issue 11, item 6; specification section 4): after a confirmation
it is archived: its page stays, read-only, with a notice; it takes no new members; its private
discussions are locked; its rounds stay for its leaders; it leaves the directory."""

from datetime import date, timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import Post, SpaceKind
from community.members.factories import make_member
from community.networks import archiving
from community.networks import membership as rules
from community.networks.factories import add_member
from community.networks.models import Invitation, JoinPolicy, Membership, Network
from diagnostics import rounds
from diagnostics.factories import SCORECARD, NetworkRoundFactory, current_version
from diagnostics.models import Instrument
from tests.community.permissions import ROLES, PermissionMatrixTestCase

CLOSE = reverse("community:network_close", args=["coastal-stroke"])
PAGE = reverse("community:network_detail", args=["coastal-stroke"])


class ClosingTests(PermissionMatrixTestCase):
    def close(self):
        archiving.close_network(self.network, self.users["leader"])
        self.network.refresh_from_db()

    def test_only_leaders_see_the_confirmation_and_may_close(self):
        expected = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "leader": 200}
        self.check("get", CLOSE, expected)
        for role in ROLES:
            if role == "leader":
                continue
            with self.subTest(role=role):
                self.as_role(role)
                self.client.post(CLOSE)
        self.network.refresh_from_db()
        self.assertFalse(self.network.is_closed)

    def test_the_confirmation_says_what_closing_ends_then_closes(self):
        Invitation.create(self.network, "guest@example.org", self.users["leader"])
        add_member(self.network, self.requester, status=Membership.Status.PENDING)
        self.as_role("leader")
        page = self.client.get(CLOSE)
        self.assertContains(page, "Are you sure you want to close Coastal Stroke Network?")
        self.assertContains(page, "1 invitation waiting will stop working and 1 request to join will be dropped")
        self.assertContains(self.client.get(PAGE), "Close this network")
        self.assertFalse(Network.objects.get(pk=self.network.pk).is_closed)  # looking changes nothing
        response = self.client.post(CLOSE, follow=True)
        self.assertRedirects(response, PAGE)
        self.assertContains(response, "Coastal Stroke Network has closed.")
        self.assertContains(response, "This network has closed")
        self.network.refresh_from_db()
        self.assertTrue(self.network.is_closed)
        self.assertFalse(Invitation.objects.usable().filter(network=self.network).exists())
        self.assertFalse(Membership.objects.filter(network=self.network, status=Membership.Status.PENDING).exists())
        # Members stay members; leaders stay leaders.
        self.assertTrue(Membership.objects.get(network=self.network, user=self.users["member"]).is_active)
        # Closing twice is refused with a message.
        again = self.client.get(CLOSE, follow=True)
        self.assertContains(again, "Coastal Stroke Network has already closed.")
        self.assertNotContains(again, "Close this network")

    def test_every_visitor_sees_the_closed_notice_and_no_way_in(self):
        self.close()
        closed_on = timezone.localtime(self.network.archived_at)
        for role in ROLES:
            with self.subTest(role=role):
                self.as_role(role)
                page = self.client.get(PAGE)
                self.assertContains(page, "This network has closed")
                self.assertContains(page, f"Its leaders closed it on {closed_on.day} {closed_on:%B %Y}.")
                self.assertNotContains(page, "Join this network")
                self.assertNotContains(page, "Ask to join")
                self.assertNotContains(page, "Contact this network")
                self.assertNotContains(page, "Invite someone")
                self.assertNotContains(page, "Edit this network")

    def test_no_joining_requests_or_invitations(self):
        self.close()
        self.as_role("verified")
        response = self.client.post(reverse("community:network_join", args=["coastal-stroke"]), follow=True)
        self.assertContains(response, "Coastal Stroke Network has closed: it takes no new members.")
        self.network.join_policy = JoinPolicy.REQUEST
        self.network.save()
        with self.assertRaisesMessage(rules.MembershipError, "has closed"):
            rules.join(self.network, self.users["verified"])
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.users["verified"]).exists())
        with self.assertRaisesMessage(rules.MembershipError, "has closed"):
            rules.invite(self.network, self.users["leader"], "late@example.org")
        self.as_role("leader")
        single = self.client.post(
            reverse("community:network_invite", args=["coastal-stroke"]), {"email": "late@example.org"}, follow=True
        )
        self.assertContains(single, "has closed: it takes no new members")
        self.assertFalse(Invitation.objects.filter(email="late@example.org").exists())
        self.assertEqual(mail.outbox, [])

    def test_an_invitation_sent_before_closing_shows_the_network_has_closed(self):
        invitee = make_member(username="invitee", email="invitee@example.org")
        _invitation, token = Invitation.create(self.network, "invitee@example.org", self.users["leader"])
        self.close()
        self.client.force_login(invitee)
        link = reverse("community:invitation", args=[token])
        page = self.client.get(link)
        self.assertContains(page, "This network has closed", status_code=410)
        self.assertEqual(self.client.post(link).status_code, 410)
        self.assertFalse(Membership.objects.filter(user=invitee).exists())

    def test_a_request_waiting_cannot_be_approved_after_closing(self):
        pending = add_member(self.network, self.requester, status=Membership.Status.PENDING)
        self.network.archived_at = timezone.now()
        self.network.save()
        with self.assertRaisesMessage(rules.MembershipError, "has closed"):
            rules.approve(self.network, self.users["leader"], pending.pk)

    def test_the_page_is_read_only(self):
        self.close()
        self.as_role("leader")
        response = self.client.get(reverse("community:network_edit", args=["coastal-stroke"]), follow=True)
        self.assertRedirects(response, PAGE)
        self.assertContains(response, "its page can no longer be changed")
        # Leaders still manage who leads, and members may still leave.
        self.assertEqual(
            self.client.get(reverse("community:network_members", args=["coastal-stroke"])).status_code, 200
        )
        self.as_role("member")
        self.client.post(reverse("community:network_leave", args=["coastal-stroke"]))
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.users["member"]).exists())

    def test_closed_networks_leave_the_directory_but_stay_in_my_networks(self):
        self.close()
        directory = self.client.get(reverse("community:network_directory"))
        self.assertNotContains(directory, "Coastal Stroke Network")
        self.assertContains(directory, "Valley Frailty Forum")
        self.assertNotIn(self.network, Network.objects.listed())
        self.as_role("member")
        mine = self.client.get(reverse("community:account_networks"))
        self.assertContains(mine, "Coastal Stroke Network")
        self.assertContains(mine, "Closed</strong>")

    def test_private_discussions_stay_readable_but_are_locked(self):
        space = SpaceFactory(slug="coastal-private", kind=SpaceKind.NETWORK, network=self.network)
        thread = make_thread(space, self.users["member"], title="Our winter plans")
        self.close()
        reply_url = reverse("community:thread_reply", args=["coastal-private", thread.pk])
        for role in ("member", "leader", "moderator"):
            with self.subTest(role=role):
                self.as_role(role)
                self.assertContains(self.client.get(thread.get_absolute_url()), "Our winter plans")
                refused = self.client.post(reply_url, {"body": "One more thing"})
                self.assertContains(refused, "This network has closed", status_code=403)
                new = self.client.get(reverse("community:thread_new", args=["coastal-private"]))
                self.assertEqual(new.status_code, 403)
        self.assertEqual(Post.objects.filter(thread=thread).count(), 1)
        # Nor can the leaders switch on a space again.
        self.as_role("leader")
        switched = self.client.post(reverse("community:network_space", args=["coastal-stroke"]), {"action": "on"})
        self.assertRedirects(switched, PAGE, fetch_redirect_response=False)
        space.refresh_from_db()
        # Other members still cannot read it.
        self.as_role("other_member")
        self.assertEqual(self.client.get(thread.get_absolute_url()).status_code, 404)

    def test_rounds_stay_for_leaders_and_no_new_round_opens(self):
        old_round = NetworkRoundFactory(
            network=self.network, version=current_version(SCORECARD), opened_by=self.users["leader"]
        )
        self.close()
        self.as_role("leader")
        self.assertContains(self.client.get(reverse("diagnostics:round_list", args=["coastal-stroke"])), "")
        detail = reverse("diagnostics:round_detail", args=["coastal-stroke", old_round.pk])
        self.assertEqual(self.client.get(detail).status_code, 200)
        with self.assertRaisesMessage(rounds.RoundError, "has closed"):
            rounds.open_round(
                self.network,
                self.users["leader"],
                Instrument.objects.get(slug=SCORECARD),
                "Please answer",
                date.today() + timedelta(days=14),
            )


class ContactLinkTests(PermissionMatrixTestCase):
    def test_leaders_do_not_see_contact_this_network_on_their_own_network(self):
        expected = {"verified": True, "member": True, "other_member": True, "moderator": True, "leader": False}
        for role, shown in expected.items():
            with self.subTest(role=role):
                self.as_role(role)
                page = self.client.get(PAGE)
                (self.assertContains if shown else self.assertNotContains)(page, "Contact this network")
        # The leader of another network sees it here, but not on the network they lead.
        self.as_role("other_member")
        other = self.client.get(reverse("community:network_detail", args=["valley-frailty"]))
        self.assertNotContains(other, "Contact this network")
