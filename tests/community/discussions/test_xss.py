"""The XSS corpus through every place a member types: thread title, body, reply and report
reason. Stored text round-trips; the pages show it only as text or harmless markup."""

from collections import Counter

from django.core.cache import cache

from community.discussions.models import Post, PostReport, Thread

from .base import DiscussionTestCase
from .test_markdown import Inspector
from .xss_corpus import PAYLOADS


def page_problems(html):
    """Event handlers and dangerous addresses anywhere on a page."""
    inspector = Inspector()
    inspector.feed(html)
    return [problem for problem in inspector.problems if not problem.startswith("<")]


def dangerous_tags(html):
    """How many of each dangerous tag a page has: the site's own (scripts, icons, forms)
    are the same on every thread page, so a payload's would show as a difference."""
    inspector = Inspector()
    inspector.feed(html)
    return Counter(problem for problem in inspector.problems if problem.startswith("<"))


class XssTests(DiscussionTestCase):
    def tags_on(self, url):
        return dangerous_tags(self.client.get(url).content.decode())

    def test_corpus_through_threads_replies_and_reports(self):
        self.client.force_login(self.member)
        self.client.post(self.open_thread.get_absolute_url() + "reply/", {"body": "Plain reply", "post": "1"})
        baseline = {"thread": self.tags_on(self.open_thread.get_absolute_url()), "home": self.tags_on("/community/")}
        preview_baseline = dangerous_tags(
            self.client.post(
                self.open_thread.get_absolute_url() + "reply/", {"body": "Plain", "preview": "1"}
            ).content.decode()
        )
        for n, payload in enumerate(PAYLOADS):
            with self.subTest(payload=payload):
                cache.clear()
                title = f"T{n:02d} {payload}"[:150]
                response = self.client.post(
                    "/community/general/new/", {"title": title, "body": payload, "topics": "", "post": "1"}
                )
                if "\x00" in payload:
                    # Django refuses NUL characters with a message; the form keeps the rest.
                    self.assertContains(response, "Null characters are not allowed")
                    continue
                self.assertEqual(response.status_code, 302, response.content[:2000])
                thread = Thread.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))
                expected_title = " ".join(title.split())
                self.assertEqual(thread.title, expected_title)
                self.assertEqual(thread.posts.get(is_opening=True).body, payload)
                cache.clear()
                self.client.post(thread.get_absolute_url() + "reply/", {"body": payload, "post": "1"})
                reply = thread.posts.get(is_opening=False)
                self.assertEqual(reply.body, payload)
                for key, url in (("thread", thread.get_absolute_url()), ("home", "/community/")):
                    html = self.client.get(url).content.decode()
                    self.assertEqual(page_problems(html), [], url)
                    self.assertEqual(dangerous_tags(html), baseline[key], url)
                self.assertEqual(page_problems(self.client.get("/community/general/").content.decode()), [])
                # The preview renders the same way.
                html = self.client.post(
                    thread.get_absolute_url() + "reply/", {"body": payload, "preview": "1"}
                ).content.decode()
                self.assertEqual(page_problems(html), [])
                self.assertEqual(dangerous_tags(html), preview_baseline)

    def test_report_reasons(self):
        post = self.open_thread.posts.get(is_opening=True)
        self.client.force_login(self.member)
        payloads = [payload for payload in PAYLOADS if "\x00" not in payload]
        for payload in payloads:
            response = self.client.post(f"/community/posts/{post.pk}/report/", {"reason": payload})
            self.assertEqual(response.status_code, 302, payload)
        self.assertEqual(sorted(PostReport.objects.values_list("reason", flat=True)), sorted(payloads))
        # Moderators read them in the admin's reports queue.
        self.client.force_login(self.moderator)
        html = self.client.get("/admin/community/postreport/").content.decode()
        self.assertNotIn("<script>alert(1)", html)
        self.assertNotIn("<img src=x onerror", html)

    def test_search_results_show_titles_as_text(self):
        self.client.force_login(self.member)
        cache.clear()
        self.client.post(
            "/community/general/new/",
            {"title": "Findme <script>alert(1)</script>", "body": "<img src=x onerror=alert(1)>", "post": "1"},
        )
        html = self.client.get("/search/", {"q": "Findme"}).content.decode()
        self.assertIn("Findme &lt;script&gt;", html)
        self.assertEqual(page_problems(html), [])
        self.assertEqual(Post.objects.filter(body="<img src=x onerror=alert(1)>").count(), 1)
