"""Inviting several people at once (issue 11, item 6): one address a line or a CSV file; each
refused line is named with its reason, and if any line is refused nothing is sent."""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.networks import invitations
from community.networks import membership as rules
from community.networks.factories import add_member
from community.networks.models import Invitation, Membership
from source4networks import ratelimit
from tests.community.permissions import ROLES, PermissionMatrixTestCase
from tests.concurrency import NOW

URL = reverse("community:network_invite_several", args=["coastal-stroke"])


def csv_file(text, name="people.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


class InviteSeveralTests(PermissionMatrixTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.users["leader"])

    def post(self, **data):
        return self.client.post(URL, data)

    def test_only_leaders_may_invite_several(self):
        expected = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "leader": 200}
        self.check("get", URL, expected)
        posted = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "leader": 302}
        for role in ROLES:
            with self.subTest(role=role):
                self.as_role(role)
                response = self.client.post(URL, {"addresses": f"{role}.guest@example.org"})
                self.assertEqual(response.status_code, posted[role])
        # Only the leader's invitation was sent.
        self.assertEqual([m.to for m in mail.outbox], [["leader.guest@example.org"]])

    def test_one_address_a_line_sends_an_invitation_to_each(self):
        typed = "ana@example.org\n\n  Ben@Example.org  \r\ncarl@example.org\n"
        response = self.client.post(URL, {"addresses": typed}, follow=True)
        self.assertRedirects(response, reverse("community:network_members", args=["coastal-stroke"]))
        self.assertContains(response, "We have emailed 3 invitations.")
        self.assertEqual(
            sorted(Invitation.objects.filter(network=self.network).values_list("email", flat=True)),
            ["ana@example.org", "ben@example.org", "carl@example.org"],
        )
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), ["ana@example.org", "ben@example.org", "carl@example.org"]
        )
        self.assertIn("http://testserver/networks/invitations/", mail.outbox[0].body)

    def test_a_csv_file_with_or_without_a_header(self):
        self.post(csv_file=csv_file("Email address\r\nana@example.org\r\n\r\nben@example.org\r\n"))
        self.post(csv_file=csv_file("carl@example.org\ndora@example.org\n"))
        # Several columns: the one headed "email" is used.
        self.post(csv_file=csv_file("Name,Email\nEve,eve@example.org\n"))
        self.assertEqual(
            sorted(Invitation.objects.values_list("email", flat=True)),
            ["ana@example.org", "ben@example.org", "carl@example.org", "dora@example.org", "eve@example.org"],
        )
        self.assertEqual(len(mail.outbox), 5)

    def test_each_refused_line_is_named_and_nothing_is_sent(self):
        add_member(self.network, make_member(username="sam", email="sam@example.org"))
        Invitation.create(self.network, "already@example.org", self.users["leader"])
        mail.outbox.clear()
        typed = "fine@example.org\nnot-an-address\nsam@example.org\nALREADY@example.org\nfine@example.org\n"
        response = self.post(addresses=typed)
        self.assertEqual(response.status_code, 200)
        self.assertFormError_NHS(
            response, "id_addresses", "Line 2: not-an-address is not an email address in the correct format"
        )
        self.assertContains(response, "Line 3: sam@example.org is already a member of this network")
        self.assertContains(
            response,
            "Line 4: ALREADY@example.org has already been invited and the invitation has not expired",
        )
        self.assertContains(response, "Line 5: fine@example.org is already in the list, on line 1")
        self.assertContains(response, "No invitations have been sent")
        self.assertContains(response, "because 4 lines cannot be invited")
        # What was typed is kept, and nothing was sent, not even the good line.
        self.assertContains(response, "fine@example.org\nnot-an-address\nsam@example.org")
        self.assertEqual(mail.outbox, [])
        self.assertFalse(Invitation.objects.filter(email="fine@example.org").exists())

    def test_refused_rows_of_a_file_are_named_beside_the_file_field(self):
        response = self.post(csv_file=csv_file("email\nok@example.org\nbad@\n"))
        self.assertEqual(response.status_code, 200)
        self.assertFormError_NHS(response, "id_csv_file", "Row 3: bad@ is not an email address in the correct format")
        self.assertEqual(mail.outbox, [])
        self.assertFalse(Invitation.objects.exists())

    def test_bad_inputs_are_refused_beside_the_field(self):
        cases = [
            ({"addresses": ""}, "id_addresses", "Enter at least one email address"),
            ({"addresses": "\n  \n"}, "id_addresses", "Enter at least one email address"),
            ({"addresses": "\n".join(f"p{n}@example.org" for n in range(251))}, "id_addresses", "at most 250"),
            (
                {"addresses": "a@example.org", "csv_file": csv_file("b@example.org")},
                "id_addresses",
                "Type the addresses or upload a file, not both",
            ),
            ({"csv_file": csv_file("email\n\n")}, "id_csv_file", "The file has no email addresses in it"),
            ({"csv_file": SimpleUploadedFile("x.csv", b"\xff\xfe\x00bad")}, "id_csv_file", "saved as UTF-8"),
            ({"csv_file": SimpleUploadedFile("x.csv", b"")}, "id_csv_file", "The file is empty"),
            ({"csv_file": csv_file("a@example.org\n" * 8000)}, "id_csv_file", "smaller than 100 KB"),
            ({"addresses": f"{'a' * 250}@example.org"}, "id_addresses", "is not an email address"),
            ({"addresses": "x" * 70_000}, "id_addresses", "Enter at most 250 email addresses at a time"),
        ]
        for data, field_id, message in cases:
            with self.subTest(message=message):
                response = self.post(**data)
                self.assertEqual(response.status_code, 200)
                self.assertFormError_NHS(response, field_id, message)
        self.assertFalse(Invitation.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_lines_over_the_daily_limit_are_named_and_nothing_is_sent(self):
        for n in range(48):
            rules.invite(self.network, self.users["leader"], f"early{n}@example.org")
        mail.outbox.clear()
        response = self.post(addresses="a@example.org\nb@example.org\nc@example.org\nd@example.org")
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response,
            "Line 3: c@example.org is over the limit of 50 invitations a day: "
            "Coastal Stroke Network can send 2 more invitations today",
        )
        self.assertContains(response, "Line 4: d@example.org is over the limit")
        self.assertNotContains(response, "Line 2:")
        self.assertEqual(mail.outbox, [])
        # Two still fit: the day's count was not used up by the refused list.
        self.assertEqual(self.post(addresses="a@example.org\nb@example.org").status_code, 302)
        self.assertEqual(len(mail.outbox), 2)

    def test_lines_over_the_pending_limit_are_named(self):
        later = timezone.now() + timedelta(days=20)
        Invitation.objects.bulk_create(
            Invitation(network=self.network, email=f"w{n}@example.org", token_hash=f"{n:064}", expires_at=later)
            for n in range(199)
        )
        response = self.post(addresses="a@example.org\nb@example.org")
        self.assertContains(
            response,
            "Line 2: b@example.org is over the limit of 200 invitations waiting for an answer: "
            "Coastal Stroke Network can have 1 more invitation waiting",
        )
        self.assertFalse(Invitation.objects.filter(email="a@example.org").exists())

    def test_the_day_is_counted_for_the_whole_list_in_one_step(self):
        """Another list that took the places between the check and the sending: the whole list
        is refused, nothing is sent and the count it took is given back."""
        with mock.patch("source4networks.ratelimit.time.time", return_value=NOW + 1800):
            real_peek = ratelimit.peek

            def stale_peek(key, limit, window):
                # What the check saw before another leader's list of 49 was counted.
                result = real_peek(key, limit, window)
                ratelimit.hit(key, limit, window, amount=49)
                return result

            with mock.patch("community.networks.invitations.ratelimit.peek", side_effect=stale_peek):
                response = self.post(addresses="a@example.org\nb@example.org")
            self.assertContains(
                response,
                "Coastal Stroke Network can send 1 more invitation today (50 a day). Nothing has been sent.",
                status_code=429,
            )
            self.assertEqual(mail.outbox, [])
            self.assertFalse(Invitation.objects.exists())
            self.assertEqual(ratelimit.peek(rules.invitation_limit_key(self.network), 50, 86400).count, 49)

    def test_refused_while_the_limits_cannot_be_counted(self):
        with mock.patch.object(ratelimit.cache, "incr", side_effect=ConnectionError("down")):
            response = self.post(addresses="a@example.org")
        self.assertContains(response, "Invitations cannot be sent just now", status_code=429)
        self.assertFalse(Invitation.objects.exists())

    def test_a_closed_network_takes_no_invitations(self):
        self.network.archived_at = timezone.now()
        self.network.save()
        response = self.client.post(URL, {"addresses": "a@example.org"}, follow=True)
        self.assertRedirects(response, self.network.get_absolute_url())
        self.assertContains(response, "Coastal Stroke Network has closed: it takes no new members.")
        with self.assertRaises(rules.MembershipError):
            invitations.invite_many(self.network, self.users["leader"], invitations.entries_from_text("b@example.org"))
        self.assertFalse(Invitation.objects.exists())

    def test_the_invite_pages_link_to_each_other(self):
        self.assertContains(self.client.get(URL), reverse("community:network_invite", args=["coastal-stroke"]))
        for name in ("community:network_members", "community:network_detail"):
            self.assertContains(self.client.get(reverse(name, args=["coastal-stroke"])), URL)
        self.assertFalse(Membership.objects.filter(status=Membership.Status.PENDING).exists())
