from io import StringIO

from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils.html import escape

from community.discussions.models import ModerationAction, Post, PostReport, Space, Thread
from community.networks.models import Membership
from tests.community.base import CommunityTestCase


class DemoDiscussionsTests(CommunityTestCase):
    def test_refuses_without_debug_unless_forced(self):
        call_command("load_demo_members", "--force", stdout=StringIO())
        with self.assertRaisesMessage(CommandError, "DEBUG"):
            call_command("load_demo_discussions", stdout=StringIO())
        self.assertFalse(Space.objects.exists())
        call_command("load_demo_discussions", "--force", stdout=StringIO())
        self.assertTrue(Space.objects.exists())

    @override_settings(DEBUG=True)
    def test_loads_every_kind_of_space_and_is_idempotent(self):
        call_command("load_demo_members", stdout=StringIO())
        call_command("load_demo_discussions", stdout=StringIO())
        counts = (Space.objects.count(), Thread.objects.count(), Post.objects.count(), ModerationAction.objects.count())
        call_command("load_demo_discussions", stdout=StringIO())
        self.assertEqual(
            (Space.objects.count(), Thread.objects.count(), Post.objects.count(), ModerationAction.objects.count()),
            counts,
        )
        self.assertGreaterEqual(Space.objects.count(), 6)
        self.assertEqual(set(Space.objects.values_list("kind", flat=True)), {"open", "members", "network"})
        self.assertEqual(Space.objects.filter(kind="network").count(), 2)
        self.assertGreaterEqual(Thread.objects.count(), 40)
        self.assertGreaterEqual(Post.objects.filter(is_opening=False).count(), 300)
        self.assertGreaterEqual(PostReport.objects.count(), 3)
        self.assertGreaterEqual(ModerationAction.objects.count(), 3)
        # Private spaces hold only their network's members' posts.
        for space in Space.objects.filter(kind="network"):
            members = set(
                Membership.objects.filter(network=space.network, status="active").values_list("user_id", flat=True)
            )
            authors = set(Post.objects.filter(thread__space=space).values_list("author_id", flat=True))
            self.assertTrue(authors and authors <= members, space)
        # Every page renders for a visitor.
        self.assertEqual(self.client.get("/community/").status_code, 200)
        for thread in Thread.objects.filter(space__kind="open")[:5]:
            self.assertEqual(self.client.get(thread.get_absolute_url()).status_code, 200)
        # Replies made in bulk are in the search index: a word of one finds it for a visitor.
        reply = (
            Post.objects.filter(is_opening=False, hidden=False, thread__hidden=False, thread__space__kind="open")
            .select_related("thread")
            .first()
        )
        word = max(reply.body.split(), key=len).strip(".,!?*:;()'\"")
        response = self.client.get("/search/", {"q": word, "type": "replies"})
        self.assertContains(response, f"Reply in “{escape(reply.thread.title)}”")
