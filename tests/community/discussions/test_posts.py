"""Posting, previewing, quoting, editing, deleting, saving, subscribing, export and deletion."""

import json

from django.core.cache import cache

from community.accounts.deletion import delete_account
from community.discussions.factories import make_thread
from community.discussions.models import Post, SavedThread, Space, Thread, ThreadSubscription

from .base import DiscussionTestCase


class PostingTests(DiscussionTestCase):
    def test_preview_shows_rendered_text_and_saves_nothing(self):
        self.client.force_login(self.member)
        data = {"title": "Preview only thread", "body": "Some **bold** text", "topics": "rotas", "preview": "1"}
        response = self.client.post("/community/general/new/", data)
        self.assertContains(response, "<strong>bold</strong>", html=True)
        self.assertContains(response, "Some **bold** text")  # still in the textarea
        self.assertFalse(Thread.objects.filter(title="Preview only thread").exists())

    def test_new_thread_with_topics(self):
        self.client.force_login(self.member)
        data = {"title": "A thread with topics", "body": "Body", "topics": "rotas, Rotas, workforce", "post": "1"}
        response = self.client.post("/community/general/new/", data)
        thread = Thread.objects.get(title="A thread with topics")
        self.assertRedirects(response, thread.get_absolute_url())
        self.assertEqual(sorted(t.name for t in thread.topics.all()), ["rotas", "workforce"])
        self.assertTrue(ThreadSubscription.objects.filter(user=self.member, thread=thread).exists())

    def test_title_and_body_limits(self):
        self.client.force_login(self.member)
        response = self.client.post("/community/general/new/", {"title": "Shrt", "body": "", "post": "1"})
        self.assertFormError_NHS(response, "id_title", "Title must be 5 characters or more")
        self.assertContains(response, "Enter your message")
        response = self.client.post("/community/general/new/", {"title": "x" * 151, "body": "y" * 20_001, "post": "1"})
        self.assertContains(response, "Title must be 150 characters or fewer")
        self.assertContains(response, "Message must be 20,000 characters or fewer")
        self.assertEqual(Thread.objects.filter(author=self.member).count(), 0)

    def test_quote(self):
        self.client.force_login(self.member)
        opening = self.open_thread.posts.get(is_opening=True)
        response = self.client.get(self.open_thread.get_absolute_url() + f"reply/?quote={opening.pk}")
        self.assertContains(response, "Ada Author wrote:\n\n&gt; The opening post.")

    def test_edit_marks_edited_and_delete_leaves_a_placeholder(self):
        self.client.force_login(self.author)
        reply = self.open_thread.posts.get(is_opening=False)
        self.client.post(f"/community/posts/{reply.pk}/edit/", {"body": "Changed words", "post": "1"})
        page = self.client.get(self.open_thread.get_absolute_url())
        self.assertContains(page, "Changed words")
        self.assertContains(page, "(edited")
        self.client.post(f"/community/posts/{reply.pk}/delete/")
        reply.refresh_from_db()
        self.assertEqual(reply.body, "")
        page = self.client.get(self.open_thread.get_absolute_url())
        self.assertContains(page, "This post was deleted")
        self.assertNotContains(page, "Changed words")
        self.assertEqual(self.client.get(f"/community/posts/{reply.pk}/edit/").status_code, 404)

    def test_long_threads_page_replies_and_link_to_latest(self):
        thread = make_thread(self.open_space, self.author, title="A long thread", replies=45)
        self.client.force_login(self.member)
        first = self.client.get(thread.get_absolute_url())
        self.assertContains(first, "Go to the latest replies")
        self.assertContains(first, "The opening post.")
        last = self.client.get(thread.get_absolute_url() + "?page=last")
        self.assertEqual(last.context["page_obj"].number, 3)
        self.assertContains(last, "Reply 44.")
        cache.clear()
        response = self.client.post(thread.get_absolute_url() + "reply/", {"body": "The newest", "post": "1"})
        post = Post.objects.get(body="The newest")
        self.assertRedirects(response, f"/community/posts/{post.pk}/", fetch_redirect_response=False)
        self.assertEqual(
            self.client.get(f"/community/posts/{post.pk}/")["Location"],
            thread.get_absolute_url() + f"?page=3#post-{post.pk}",
        )
        thread.refresh_from_db()
        self.assertEqual(thread.reply_count, 46)
        self.assertEqual(thread.last_author, self.member)


class AccountTests(DiscussionTestCase):
    def test_saved_threads_in_my_account_and_export(self):
        self.client.force_login(self.member)
        self.client.post(self.members_thread.get_absolute_url() + "save/")
        self.assertTrue(SavedThread.objects.filter(user=self.member, thread=self.members_thread).exists())
        self.assertContains(self.client.get("/account/saved/"), "Members thread about rotas")
        cache.clear()
        self.client.post(self.open_thread.get_absolute_url() + "reply/", {"body": "My own words", "post": "1"})
        data = json.loads(self.client.post("/account/download/").content)
        discussions = data["discussions"]
        self.assertEqual([p["body"] for p in discussions["posts"]], ["My own words"])
        self.assertEqual([s["title"] for s in discussions["saved_threads"]], ["Members thread about rotas"])
        # Saving again removes it.
        self.client.post(self.members_thread.get_absolute_url() + "save/")
        self.assertNotContains(self.client.get("/account/saved/"), "Members thread about rotas")

    def test_deleted_account_posts_show_former_member(self):
        SavedThread.objects.create(user=self.member, thread=self.open_thread)
        cache.clear()
        self.client.force_login(self.member)
        self.client.post(self.open_thread.get_absolute_url() + "reply/", {"body": "Still here", "post": "1"})
        delete_account(self.member)
        self.client.force_login(self.author)
        page = self.client.get(self.open_thread.get_absolute_url())
        self.assertContains(page, "Still here")
        self.assertContains(page, "Former member")
        self.assertNotContains(page, "Mo Member")
        self.assertFalse(SavedThread.objects.filter(user=self.member).exists())
        self.assertFalse(ThreadSubscription.objects.filter(user=self.member).exists())

    def test_leader_switches_on_a_private_space(self):
        self.client.force_login(self.author)
        response = self.client.post(f"/networks/{self.other_network.slug}/space/", {"action": "on"})
        self.assertEqual(response.status_code, 404)  # not their network
        self.private_space.delete()
        response = self.client.post(f"/networks/{self.network.slug}/space/", {"action": "on"})
        space = Space.objects.get(network=self.network)
        self.assertRedirects(response, space.get_absolute_url())
        self.assertEqual(space.kind, "network")
        self.assertContains(self.client.get(f"/networks/{self.network.slug}/"), "Switch off the private space")
