"""Site search finds replies by their words, under the same reading rules as threads: a reply in
a network-private space only for those who may read it, a hidden or deleted reply never, and
each result shows its date. The query count does not grow with the number of replies found."""

from django.urls import reverse
from django.utils import timezone

from community.discussions import posting
from community.discussions.factories import make_thread
from community.discussions.models import Post
from community.networks.factories import add_member
from community.networks.models import Membership
from tests.queries import assert_same_query_count, count_queries

from .base import DiscussionTestCase, old_member

SEARCH = "/search/"


class ReplySearchTests(DiscussionTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.other_member = old_member(username="outsider", display_name="Otto Outsider")
        add_member(cls.other_network, cls.other_member, role=Membership.Role.LEADER)
        cls.open_reply = Post.objects.create(
            thread=cls.open_thread, author=cls.member, body="We borrowed the capybara rota from Leeds."
        )
        cls.private_reply = Post.objects.create(
            thread=cls.private_thread, author=cls.network_member, body="The okapi budget stays between us."
        )

    def search(self, user, word, **params):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        return self.client.get(SEARCH, {"q": word, **params})

    def test_a_replys_words_find_it_linking_to_the_post_with_its_date(self):
        response = self.search(None, "capybara")
        self.assertContains(response, "Replies (1)")
        self.assertContains(response, "Reply in “Open thread about pathways”")
        link = reverse("community:post_link", args=[self.open_reply.pk])
        self.assertContains(response, f'href="{link}"')
        day = timezone.localtime(self.open_reply.created_at)
        self.assertContains(response, f'<time datetime="{day:%Y-%m-%d}">{day.day} {day:%B %Y}</time>', html=True)
        # The link leads to the reply on its thread's page.
        page = self.client.get(link, follow=True)
        self.assertContains(page, "capybara rota")
        self.assertContains(page, f'id="post-{self.open_reply.pk}"')

    def test_the_excerpt_is_plain_words_and_never_markup(self):
        Post.objects.create(
            thread=self.open_thread,
            author=self.member,
            body="We **loved** the [gnu toolkit](https://example.org) <script>alert(1)</script>",
        )
        response = self.search(None, "gnu")
        self.assertContains(response, "We loved the gnu toolkit &lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert(1)")
        self.assertNotContains(response, "**loved**")

    def test_the_type_filter_lists_replies_only(self):
        response = self.search(None, "capybara", type="replies")
        self.assertEqual([hit.type.key for hit in response.context["results"]], ["replies"])

    def test_a_reply_in_a_private_space_is_found_only_by_those_who_may_read_it(self):
        for user in (None, self.member, self.other_member, self.unverified, self.suspended):
            response = self.search(user, "okapi")
            self.assertNotContains(response, "Secret zebra plans")
            self.assertContains(response, "Replies (0)")
        for user in (self.network_member, self.author, self.moderator):  # member, leader, moderator
            response = self.search(user, "okapi")
            self.assertContains(response, "Replies (1)")
            self.assertContains(response, "Reply in “Secret zebra plans”")

    def test_a_reply_in_a_members_only_space_needs_signing_in(self):
        Post.objects.create(thread=self.members_thread, author=self.member, body="Tapir shifts work well.")
        self.assertContains(self.search(None, "tapir"), "Replies (0)")
        self.assertContains(self.search(self.other_member, "tapir"), "Replies (1)")

    def test_hidden_and_deleted_replies_and_replies_in_hidden_threads_are_never_found(self):
        with self.captureOnCommitCallbacks(execute=True):
            posting.delete_post(self.open_reply)
        Post.objects.create(thread=self.open_thread, author=self.member, body="Capybara notes", hidden=True)
        hidden_thread = make_thread(self.open_space, self.author, title="A hidden thread", hidden=True)
        Post.objects.create(thread=hidden_thread, author=self.member, body="More capybara notes")
        for user in (None, self.member, self.moderator):
            self.assertContains(self.search(user, "capybara"), "Replies (0)")

    def test_an_opening_post_is_found_as_its_thread_not_as_a_reply(self):
        response = self.search(self.network_member, "zebra")
        self.assertContains(response, "Replies (0)")
        self.assertContains(response, "Secret zebra plans")

    def test_an_edited_reply_is_found_by_its_new_words(self):
        self.client.force_login(self.member)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("community:post_edit", args=[self.open_reply.pk]), {"body": "We borrowed a wombat rota."}
            )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.search(None, "capybara"), "Replies (0)")
        self.assertContains(self.search(None, "wombat"), "Replies (1)")


class ReplySearchQueryCountTests(DiscussionTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Post.objects.create(thread=cls.open_thread, author=cls.member, body="A lone narwhal sighting.")
        for n in range(12):
            thread = cls.members_thread if n % 2 else cls.private_thread
            Post.objects.create(thread=thread, author=cls.network_member, body=f"Pelican count number {n}.")

    def test_flat_for_one_or_many_replies(self):
        self.client.force_login(self.network_member)
        one = count_queries(self.client, SEARCH, {"q": "narwhal"})
        self.assertEqual(one.response.context["result_count"], 1)
        many = count_queries(self.client, SEARCH, {"q": "pelican"})
        self.assertEqual(many.response.context["result_count"], 12)
        assert_same_query_count(one, many)
        only_replies = count_queries(self.client, SEARCH, {"q": "pelican", "type": "replies"})
        self.assertEqual(len(only_replies.response.context["results"]), 12)
        assert_same_query_count(count_queries(self.client, SEARCH, {"q": "narwhal", "type": "replies"}), only_replies)
