"""Rough edges a first visitor meets on the discussion pages."""

import re

from django.test import SimpleTestCase
from django.urls import reverse

from community.discussions.posting import Refusal

from .base import DiscussionTestCase


class SpaceKindLabelTests(DiscussionTestCase):
    def test_space_kind_keeps_its_colon(self):
        content = self.client.get("/community/").content.decode()
        self.assertIn("Open: anyone can read, verified members post.", content)
        self.assertNotIn("Open anyone can read", content)


class WaitWordingTests(SimpleTestCase):
    def test_one_minute_is_singular(self):
        self.assertEqual(str(Refusal("Slow down.", retry_after=60)), "Slow down. Try again in 1 minute.")
        self.assertEqual(str(Refusal("Slow down.", retry_after=61)), "Slow down. Try again in 2 minutes.")


class ThreadPageLayoutTests(DiscussionTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.author)
        self.content = self.client.get(self.open_thread.get_absolute_url()).content.decode()

    def test_save_and_email_buttons_sit_in_one_spaced_button_group(self):
        group = self.content.split('<div class="nhsuk-button-group nhsuk-button-group--small s4n-form-buttons">')[1]
        group = group.split("</div>")[0]
        self.assertIn("Save this thread", group)
        self.assertIn("Email me about replies", group)
        self.assertEqual(group.count("<form "), 2)

    def test_post_actions_are_one_line_of_links(self):
        actions = re.findall(r'<ul class="nhsuk-list nhsuk-body-s s4n-inline-list">(.*?)</ul>', self.content, re.S)
        self.assertTrue(actions)
        self.assertIn(">Quote<", actions[0])
        self.assertIn(">Edit<", actions[0])

    def test_reply_heading_differs_from_the_field_label(self):
        self.assertIn("<h2>Add a reply</h2>", self.content)
        self.assertNotIn("<h2>Reply</h2>", self.content)

    def test_opening_post_is_marked_as_such_for_everyone(self):
        opening = self.open_thread.posts.get(is_opening=True)
        self.assertIn(
            f'class="nhsuk-card nhsuk-u-margin-bottom-4 s4n-opening-post" id="post-{opening.pk}"', self.content
        )
        self.assertIn('<span class="s4n-meta">Opening post by </span>', self.content)
        self.assertNotIn('<span class="nhsuk-u-visually-hidden">Opening post by </span>', self.content)


class SubscribeThroughTheSharedFormTests(DiscussionTestCase):
    def test_the_email_button_still_subscribes(self):
        self.client.force_login(self.member)
        url = reverse("community:thread_subscribe", args=["general", self.open_thread.pk])
        self.client.post(url, {"action": "subscribe"})
        page = self.client.get(self.open_thread.get_absolute_url())
        self.assertContains(page, "Stop emails about replies")
        self.assertContains(page, 'name="action" value="unsubscribe"')
