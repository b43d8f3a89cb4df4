"""`manage.py generate_bulk_data`: at a tiny fraction of `large` (the hidden --factor), the pages
it writes in bulk sit in the page tree as if added one by one, are served, listed and found by
search; the community data holds together; a second run refuses unless --add is given."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from community.discussions.models import Post, Thread
from community.networks.models import Membership, Network
from demo.bulk.common import counts_for, rare_word
from diagnostics.models import Response
from events.models import EventPage
from resources.models import ResourceIndexPage, ResourcePage

FACTOR = "0.0005"  # 50 resources, 5 case studies, 10 members, 5 threads with 100 replies…
COUNTS = counts_for("small", float(FACTOR))


def generate(*extra):
    out = StringIO()
    call_command("generate_bulk_data", "--scale", "small", "--factor", FACTOR, *extra, stdout=out)
    return out.getvalue()


class GenerateBulkDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with CaptureQueriesContext(connection) as queries:
            cls.output = generate()
        cls.statements = [query["sql"] for query in queries.captured_queries]

    def test_makes_the_counts_asked_for(self):
        self.assertEqual(ResourcePage.objects.filter(slug__startswith="bulk-").count(), COUNTS["resources"])
        self.assertEqual(CaseStudyPage.objects.filter(slug__startswith="bulk-").count(), COUNTS["case_studies"])
        self.assertEqual(EventPage.objects.filter(slug__startswith="bulk-").count(), COUNTS["events"])
        self.assertEqual(get_user_model().objects.filter(username__startswith="bulk-").count(), COUNTS["members"])
        self.assertEqual(Network.objects.filter(slug__startswith="bulk-").count(), COUNTS["networks"])
        self.assertEqual(Thread.objects.count(), COUNTS["threads"])
        self.assertEqual(Post.objects.filter(is_opening=False).count(), COUNTS["replies"])
        self.assertEqual(Response.objects.count(), COUNTS["responses"])

    def test_reports_progress_with_counts_and_rate(self):
        self.assertIn(f"resources: {COUNTS['resources']}/{COUNTS['resources']} (", self.output)
        self.assertIn("/s, ", self.output)
        self.assertIn("search index", self.output)

    def test_the_planner_statistics_are_gathered_at_the_end(self):
        # Straight after the run, as after autovacuum: PostgreSQL plans for the rows there are,
        # not for the empty tables it last saw. (ANALYZE writes its figures outside the
        # transaction, so the test checks that it ran, last, rather than the figures.)
        self.assertEqual(self.statements[-1].strip().upper(), "ANALYZE")
        self.assertIn("statistics", self.output)

    def test_the_page_tree_is_consistent(self):
        # treebeard's own check: paths, depths and child counts all agree.
        self.assertEqual([list(problems) for problems in Page.find_problems()], [[]] * 5)
        index = ResourceIndexPage.objects.get()
        self.assertEqual(index.numchild, index.get_children().count())
        resource = ResourcePage.objects.get(slug="bulk-resource-1")
        self.assertEqual(resource.get_parent().specific, index)
        self.assertEqual(resource.url_path, f"{index.url_path}bulk-resource-1/")
        self.assertTrue(resource.live)
        self.assertEqual(resource.draft_title, resource.title)

    def test_a_bulk_resource_is_served_listed_and_found(self):
        resource = ResourcePage.objects.get(slug="bulk-resource-1")
        response = self.client.get(resource.url)
        self.assertContains(response, resource.title)
        # The newest resource is on the listing's first page.
        self.assertContains(self.client.get("/resources/"), resource.url)
        # Its made-up word is in its summary only.
        self.assertContains(self.client.get("/search/", {"q": rare_word(1)}), resource.url)

    def test_a_bulk_case_study_and_network_are_served(self):
        case_study = CaseStudyPage.objects.filter(slug__startswith="bulk-").first()
        self.assertEqual(case_study.get_parent().specific, CaseStudyIndexPage.objects.get())
        self.assertContains(self.client.get(case_study.url), case_study.title)
        network = Network.objects.filter(slug__startswith="bulk-").first()
        self.assertContains(self.client.get(network.get_absolute_url()), network.name)

    def test_every_network_has_a_leader_and_members_have_profiles(self):
        for network in Network.objects.all():
            self.assertTrue(network.memberships.filter(role=Membership.Role.LEADER).exists())
        members = get_user_model().objects.filter(username__startswith="bulk-")
        self.assertFalse(members.filter(profile__isnull=True).exists())
        self.assertFalse(members.filter(emailaddress__verified=True).count() < members.count())

    def test_thread_reply_counts_match_their_posts(self):
        for thread in Thread.objects.all():
            self.assertEqual(thread.posts.filter(is_opening=False).count(), thread.reply_count)
            self.assertEqual(thread.posts.filter(is_opening=True).count(), 1)

    def test_a_second_run_refuses_unless_told_to_add(self):
        with self.assertRaisesMessage(CommandError, "--add"):
            generate()
        generate("--add", "--no-index")
        self.assertEqual(ResourcePage.objects.filter(slug__startswith="bulk-").count(), 2 * COUNTS["resources"])
        self.assertTrue(ResourcePage.objects.filter(slug=f"bulk-resource-{2 * COUNTS['resources']}").exists())
        self.assertEqual([list(problems) for problems in Page.find_problems()], [[]] * 5)
