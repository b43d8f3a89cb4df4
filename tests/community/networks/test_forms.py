"""Bad input on the network and invitation forms and the directory searches: a clear message
beside the field, the NHS error summary, an "Error: " title, what was typed kept, nothing saved,
never a 500."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Invitation, Membership, Network
from tests.community.base import CommunityTestCase


class NetworkFormTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_member()

    def setUp(self):
        super().setUp()
        self.client.force_login(self.user)
        self.url = reverse("community:network_create")

    def test_missing_required_fields(self):
        response = self.client.post(self.url, {"description": "Kept description"})
        self.assertFormError_NHS(response, "id_name", "Enter the name of the network")
        self.assertFormError_NHS(response, "id_summary", "Enter a summary")
        self.assertFormError_NHS(response, "id_network_type_0", "Select the type of network")
        self.assertFormError_NHS(response, "id_join_policy_0", "Select how people join")
        self.assertContains(response, "Kept description")
        self.assertFalse(Network.objects.exists())

    def test_wrong_types_and_lengths(self):
        response = self.client.post(
            self.url,
            {
                "name": "N" * 151,
                "summary": "S" * 301,
                "network_type": "spaceship",
                "join_policy": "open",
                "website": "javascript:alert(1)",
                "year_founded": "last year",
                "approximate_size": "-5",
                "regions": ["99999"],
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFormError_NHS(response, "id_name", "Network name must be 150 characters or fewer")
        self.assertFormError_NHS(response, "id_summary", "Summary must be 300 characters or fewer")
        self.assertFormError_NHS(response, "id_network_type_0", "Select the type of network")
        self.assertFormError_NHS(response, "id_website", "Enter a web address in the correct format")
        self.assertFormError_NHS(response, "id_year_founded", "Year founded must be a year")
        self.assertFormError_NHS(response, "id_regions_0", "Select regions from the list")
        self.assertFalse(Network.objects.exists())

    def test_future_year_and_wrong_logo(self):
        response = self.client.post(
            self.url,
            {
                "name": "Good name",
                "summary": "Good summary",
                "network_type": "other",
                "join_policy": "open",
                "year_founded": "2999",
                "logo": SimpleUploadedFile("logo.svg", b"<svg></svg>", "image/svg+xml"),
            },
        )
        self.assertFormError_NHS(response, "id_year_founded", "Year founded must be between 1900")
        self.assertFormError_NHS(response, "id_logo", "must be a JPG, PNG or WebP image")
        self.assertFalse(Network.objects.exists())


class InviteFormTests(CommunityTestCase):
    def test_missing_bad_and_duplicate_email(self):
        leader = make_member()
        network = NetworkFactory(slug="tidal")
        add_member(network, leader, role=Membership.Role.LEADER)
        member = make_member(email="already@example.org")
        add_member(network, member)
        self.client.force_login(leader)
        url = reverse("community:network_invite", args=["tidal"])
        self.assertFormError_NHS(self.client.post(url, {"email": ""}), "id_email", "Enter the email address")
        response = self.client.post(url, {"email": "not an email"})
        self.assertFormError_NHS(response, "id_email", "Enter an email address in the correct format")
        self.assertContains(response, 'value="not an email"')
        response = self.client.post(url, {"email": "ALREADY@example.org"})
        self.assertFormError_NHS(response, "id_email", "already@example.org is already a member of this network")
        self.client.post(url, {"email": "new@example.org"})
        response = self.client.post(url, {"email": "new@example.org"})
        self.assertFormError_NHS(response, "id_email", "has already been invited")
        self.assertEqual(Invitation.objects.count(), 1)


class QueryTooLongTests(CommunityTestCase):
    def test_directory_searches_refuse_overlong_text_without_error(self):
        self.client.force_login(make_member())
        for url in (reverse("community:network_directory"), reverse("community:member_directory")):
            response = self.client.get(url, {"q": "x" * 201, "region": "nowhere", "page": "abc"})
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "<title>Error: ")
            self.assertContains(response, "200 characters or fewer")
