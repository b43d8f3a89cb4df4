"""My account: saved items."""

from django.urls import reverse

from community.members.factories import make_member
from community.members.models import SavedItem
from resources.factories import ResourcePageFactory
from source4networks.factories import StandardPageFactory
from tests.community.base import CommunityTestCase


class SavedItemTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_member()
        cls.resource = ResourcePageFactory(title="Leading across boundaries toolkit")

    def test_save_and_unsave_a_resource(self):
        self.client.force_login(self.user)
        url = reverse("community:toggle_saved", args=[self.resource.pk])
        response = self.client.post(url, {"next": "/resources/"})
        self.assertRedirects(response, "/resources/", fetch_redirect_response=False)
        self.assertTrue(SavedItem.objects.filter(user=self.user, page=self.resource).exists())
        self.client.post(url, {"next": "/resources/"})  # saving twice keeps one
        self.assertEqual(SavedItem.objects.count(), 1)
        page = self.client.get(reverse("community:account_saved"))
        self.assertContains(page, "Leading across boundaries toolkit")
        self.client.post(url, {"action": "remove", "next": "https://evil.example/"})
        self.assertFalse(SavedItem.objects.exists())

    def test_anonymous_is_sent_to_sign_in_and_other_pages_cannot_be_saved(self):
        url = reverse("community:toggle_saved", args=[self.resource.pk])
        response = self.client.post(url)
        self.assertIn("/accounts/login/", response["Location"])
        self.client.force_login(self.user)
        standard = StandardPageFactory(title="About")
        self.assertEqual(self.client.post(reverse("community:toggle_saved", args=[standard.pk])).status_code, 404)
        self.assertEqual(self.client.get(url).status_code, 405)

    def test_save_button_include_renders_for_members_and_visitors(self):
        from django.template import engines
        from django.test import RequestFactory

        template = engines["django"].from_string('{% include "includes/save_button.html" with page=page %}')
        request = RequestFactory().get("/resources/x/")
        request.user = self.user
        html = template.render({"page": self.resource, "request": request})
        self.assertIn("Save for later", html)
        SavedItem.objects.create(user=self.user, page=self.resource)
        self.assertIn("Remove from saved items", template.render({"page": self.resource, "request": request}))
        from django.contrib.auth.models import AnonymousUser

        request.user = AnonymousUser()
        self.assertIn("Sign in to save this page", template.render({"page": self.resource, "request": request}))
