"""Every discussion page is valid HTML (Nu HTML Checker, errors only; one checker run covers
every page: tests/quality/vnu.py)."""

from community.discussions.models import PostReport
from tests.quality.vnu import validity_problems

from .base import DiscussionTestCase


class DiscussionHTMLValidityTests(DiscussionTestCase):
    def test_discussion_pages_are_valid_html(self):
        thread = self.open_thread
        opening = thread.posts.get(is_opening=True)
        reply = thread.posts.get(is_opening=False)
        PostReport.objects.create(post=reply, reporter=self.member, reason="Spam")
        pages = {}
        pages["visitor-home"] = self.client.get("/community/")
        pages["visitor-thread"] = self.client.get(thread.get_absolute_url())
        self.client.force_login(self.author)
        for name, path in [
            ("home", "/community/"),
            ("space", "/community/general/"),
            ("private-space", "/community/stroke-private/"),
            ("thread", thread.get_absolute_url()),
            ("new", "/community/general/new/"),
            ("reply", thread.get_absolute_url() + f"reply/?quote={reply.pk}"),
            ("edit", f"/community/posts/{opening.pk}/edit/"),
            ("delete", f"/community/posts/{opening.pk}/delete/"),
            ("saved", "/account/saved/"),
            ("network", f"/networks/{self.network.slug}/"),
        ]:
            pages[name] = self.client.get(path)
        pages["new-errors"] = self.client.post("/community/general/new/", {"title": "x", "body": "", "post": "1"})
        pages["preview"] = self.client.post(
            thread.get_absolute_url() + "reply/", {"body": "# Hi\n\n*x*", "preview": "1"}
        )
        self.client.force_login(self.member)
        pages["report"] = self.client.get(f"/community/posts/{opening.pk}/report/")
        self.client.force_login(self.suspended)
        pages["suspended-thread"] = self.client.get(thread.get_absolute_url())
        self.client.force_login(self.moderator)
        pages["moderator-thread"] = self.client.get(thread.get_absolute_url())
        pages["suspend"] = self.client.get("/community/moderate/members/member/")

        for name, response in pages.items():
            self.assertEqual(response.status_code, 200, name)
        problems = validity_problems({name: response.content for name, response in pages.items()})
        self.assertEqual(problems, [], "\n".join(problems))
