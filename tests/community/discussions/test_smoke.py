from .base import DiscussionTestCase


class SmokeTests(DiscussionTestCase):
    def test_pages(self):
        self.client.force_login(self.moderator)
        for url in ["/community/", "/community/general/", self.open_thread.get_absolute_url()]:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
