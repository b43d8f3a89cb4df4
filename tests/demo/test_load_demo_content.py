"""`manage.py load_demo_content`: the spread of demo content it creates, that it is idempotent,
that --if-empty leaves a site with resources alone, and that it refuses to run on a site with
DEBUG off unless --force is given (the test settings have DEBUG off, so the tests pass --force)."""

import shutil
import tempfile
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from casestudies.models import CaseStudyPage, CaseStudyRelatedResource
from demo.loader import demo_password, read
from events.models import EventPage
from resources.factories import ResourcePageFactory
from resources.models import ResourcePage
from source4networks.models import HomePage, HomePageFeaturedItem, Region, StandardPage
from source4networks.taxonomy import SECTORS, NetworkType, ResourceType

DEMO_PASSWORD = demo_password()
TOPICS = read("site")["topics"]
TEMP_MEDIA = tempfile.mkdtemp(prefix="s4n-demo-media-")
STANDARD_SLUGS = ["about", "accessibility", "privacy", "terms", "cookies", "contact"]


def tearDownModule():
    shutil.rmtree(TEMP_MEDIA, ignore_errors=True)


def load(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def block_types(page):
    return [block.block_type for block in page.body]


def snapshot():
    """Counts of everything the command creates."""
    return {
        "pages": Page.objects.count(),
        "resources": ResourcePage.objects.count(),
        "case studies": CaseStudyPage.objects.count(),
        "events": EventPage.objects.count(),
        "standard pages": StandardPage.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "group memberships": get_user_model().groups.through.objects.count(),
        "featured items": HomePageFeaturedItem.objects.count(),
        "related resources": CaseStudyRelatedResource.objects.count(),
        "tags": Tag.objects.count(),
    }


@override_settings(MEDIA_ROOT=TEMP_MEDIA)
class DemoContentTests(TestCase):
    """The command run once (with --force, as DEBUG is off in tests); read-only checks."""

    @classmethod
    def setUpTestData(cls):
        cls.output = load("--force")

    def test_prints_a_short_summary(self):
        self.assertIn("resources: 33 created, 0 already there", self.output)
        self.assertIn("case studies: 8 created", self.output)
        self.assertLess(len(self.output.splitlines()), 15)

    def test_standard_pages_under_home_in_menus_with_real_text(self):
        home = HomePage.objects.get()
        pages = StandardPage.objects.child_of(home).live()
        self.assertEqual(sorted(pages.values_list("slug", flat=True)), sorted(STANDARD_SLUGS))
        for page in pages:
            self.assertTrue(page.show_in_menus, page.slug)
            self.assertGreater(len(str(page.body)), 800, page.slug)
        privacy = str(pages.get(slug="privacy").body)
        self.assertIn("strictly necessary", privacy)
        self.assertIn("WCAG", str(pages.get(slug="accessibility").body))
        self.assertIn("2.2", str(pages.get(slug="accessibility").body))
        self.assertIn("@example.org", str(pages.get(slug="contact").body))

    def test_at_least_30_resources_across_every_type_and_sector(self):
        resources = ResourcePage.objects.live()
        self.assertGreaterEqual(resources.count(), 30)
        self.assertEqual(set(resources.values_list("resource_type", flat=True)), set(ResourceType.values))
        sectors_used = set(resources.values_list("sectors__slug", flat=True))
        self.assertEqual(sectors_used, {slug for slug, _ in SECTORS})

    def test_resources_share_about_ten_topics(self):
        topics = set(Tag.objects.filter(resources_resourcepagetopic_items__isnull=False).values_list("name", flat=True))
        self.assertEqual(topics, set(TOPICS))
        case_study_topics = set(
            Tag.objects.filter(casestudies_casestudypagetopic_items__isnull=False).values_list("name", flat=True)
        )
        self.assertTrue(case_study_topics <= topics)

    def test_resources_have_full_details(self):
        resources = list(ResourcePage.objects.live())
        for page in resources:
            self.assertLessEqual(len(page.summary), 300, page.slug)
            self.assertTrue(page.source_organisation and page.author and page.publication_date, page.slug)
            self.assertIn("rich_text", block_types(page), page.slug)
            self.assertIn("heading", block_types(page), page.slug)
        self.assertGreaterEqual(sum("inset_text" in block_types(page) for page in resources), 5)
        self.assertGreaterEqual(sum("quote" in block_types(page) for page in resources), 5)
        images = [block.value for page in resources for block in page.body if block.block_type == "image"]
        self.assertGreaterEqual(len(images), 3)
        for value in images:
            self.assertGreater(len(value["alt_text"]), 30)
            self.assertTrue(value["image"].file.name)
        links = [page.external_url for page in resources if page.external_url]
        self.assertGreaterEqual(len(links), 5)
        self.assertTrue(all(link.startswith("https://example.org/") for link in links))
        self.assertTrue(any(page.document_id for page in resources))

    def test_featured_and_review_dates(self):
        today = timezone.localdate()
        resources = ResourcePage.objects.live()
        self.assertGreaterEqual(resources.filter(featured=True).count(), 2)
        overdue = resources.filter(review_by__lt=today).count()
        current = resources.filter(review_by__gte=today).count()
        self.assertGreaterEqual(overdue, 2)
        self.assertGreater(current, overdue * 3)

    def test_pages_are_published_at_different_times(self):
        pages = Page.objects.type(ResourcePage, CaseStudyPage, EventPage)
        self.assertFalse(pages.filter(live=False).exists())
        self.assertFalse(pages.filter(first_published_at__isnull=True).exists())
        self.assertEqual(len(set(pages.values_list("first_published_at", flat=True))), pages.count())
        self.assertFalse(pages.filter(first_published_at__gt=timezone.now()).exists())

    def test_eight_case_studies_across_regions_sectors_and_network_types(self):
        case_studies = list(CaseStudyPage.objects.live())
        self.assertEqual(len(case_studies), 8)
        self.assertGreaterEqual(len({page.region_id for page in case_studies}), 7)
        self.assertTrue(all(isinstance(page.region, Region) for page in case_studies))
        self.assertEqual({page.network_type for page in case_studies}, set(NetworkType.values))
        self.assertGreaterEqual(len({s.slug for page in case_studies for s in page.sectors.all()}), 6)
        for page in case_studies:
            self.assertEqual(len(page.sections), 5, page.slug)
            self.assertTrue(2 <= len(page.key_facts) <= 4, page.slug)
            self.assertTrue(page.contact_role, page.slug)
            self.assertTrue(page.topics.exists(), page.slug)
            self.assertGreaterEqual(page.related_resources.count(), 2, page.slug)
            for link in page.related_resources.all():
                self.assertTrue(link.resource.live)
        self.assertGreaterEqual(sum(bool(page.quote) for page in case_studies), 3)
        pictured = [page for page in case_studies if page.listing_image]
        self.assertGreaterEqual(len(pictured), 3)
        for page in pictured:
            self.assertTrue(page.listing_image.description.startswith("Abstract illustration"), page.slug)

    def test_three_upcoming_and_three_past_events(self):
        now = timezone.now()
        events = EventPage.objects.live()
        self.assertEqual(events.filter(start__gt=now).count(), 3)
        self.assertEqual(events.filter(end__lt=now).count(), 3)
        self.assertEqual(set(events.values_list("attendance", flat=True)), set(EventPage.Attendance.values))
        for event in events:
            event.full_clean()  # end after start, address for in-person and hybrid events
            self.assertTrue(event.booking_url.startswith("https://example.org/"))
            self.assertTrue(event.topics.exists())
            start = timezone.localtime(event.start, timezone.get_default_timezone())
            self.assertEqual((start.second, start.minute % 30), (0, 0), "starts on the half hour, UK time")

    def test_home_page_features_three_resources_and_two_case_studies(self):
        items = HomePageFeaturedItem.objects.filter(home_page=HomePage.objects.get()).order_by("sort_order")
        kinds = [type(item.page.specific).__name__ for item in items]
        self.assertEqual(kinds, ["ResourcePage"] * 3 + ["CaseStudyPage"] * 2)

    def test_demo_accounts_have_their_groups_and_password(self):
        users = get_user_model().objects
        for username, group in [("editor", "Editors"), ("moderator", "Moderators"), ("admin", "Administrators")]:
            user = users.get(username=username)
            self.assertEqual(user.email, f"{username}@example.org")
            self.assertTrue(user.check_password(DEMO_PASSWORD))
            self.assertEqual(list(user.groups.values_list("name", flat=True)), [group])
            self.assertTrue(user.has_perm("wagtailadmin.access_admin"))
        self.assertTrue(users.get(username="admin").is_superuser)
        self.assertFalse(users.get(username="editor").is_superuser)
        self.assertFalse(users.get(username="moderator").is_superuser)
        # The editor signs in to the CMS through its real sign-in form (and so through axes).
        response = self.client.post("/admin/login/", {"username": "editor", "password": DEMO_PASSWORD})
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_every_demo_page_renders(self):
        pages = Page.objects.live().type(StandardPage, ResourcePage, CaseStudyPage, EventPage).specific()
        for page in pages:
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, page.url)


@override_settings(MEDIA_ROOT=TEMP_MEDIA)
class DemoCommandBehaviourTests(TestCase):
    def test_running_twice_creates_nothing_twice(self):
        with override_settings(DEBUG=True):
            load("--if-empty")  # an empty site gets the demo; no --force needed when DEBUG is on
        first = snapshot()
        self.assertGreaterEqual(first["resources"], 30)
        # A developer changed the editor's password and groups: the password is kept, the group restored.
        editor = get_user_model().objects.get(username="editor")
        editor.set_password("a-password-the-developer-chose")
        editor.save()
        editor.groups.clear()

        output = load("--force")

        self.assertEqual(snapshot(), first)
        self.assertIn("resources: 0 created, 33 already there", output)
        editor.refresh_from_db()
        self.assertTrue(editor.check_password("a-password-the-developer-chose"))
        self.assertEqual(list(editor.groups.all()), [Group.objects.get(name="Editors")])

    def test_if_empty_does_nothing_on_a_site_with_resources(self):
        ResourcePageFactory(title="An editor's own resource")
        before = snapshot()
        output = load("--if-empty", "--force")
        self.assertEqual(snapshot(), before)
        self.assertIn("already has resources", output)
        self.assertFalse(get_user_model().objects.filter(username="editor").exists())

    def test_refuses_without_force_when_debug_is_off(self):
        before = snapshot()
        with override_settings(DEBUG=False), self.assertRaisesMessage(CommandError, "--force"):
            load()
        with override_settings(DEBUG=False), self.assertRaises(CommandError):
            load("--if-empty")
        self.assertEqual(snapshot(), before)


class DemoContentDataTests(SimpleTestCase):
    """The content files are consistent: references resolve and limits hold, before any database."""

    def test_slugs_are_unique_and_references_resolve(self):
        resource_slugs = [item["slug"] for item in read("resources")]
        case_study_slugs = [item["slug"] for item in read("case_studies")]
        self.assertEqual(len(resource_slugs), len(set(resource_slugs)))
        self.assertEqual(len(case_study_slugs), len(set(case_study_slugs)))
        for item in read("case_studies"):
            self.assertTrue(set(item["related_resources"]) <= set(resource_slugs), item["slug"])
        self.assertTrue(set(read("site")["home_featured"]["resources"]) <= set(resource_slugs))
        self.assertTrue(set(read("site")["home_featured"]["case_studies"]) <= set(case_study_slugs))
        self.assertEqual([page["slug"] for page in read("pages")], STANDARD_SLUGS)

    def test_topics_come_from_the_shared_list(self):
        self.assertEqual(len(TOPICS), 10)
        for item in read("resources") + read("case_studies") + read("events"):
            self.assertTrue(set(item["topics"]) <= set(TOPICS), item["slug"])

    def test_summaries_fit_the_listing_limit(self):
        for item in read("pages") + read("resources") + read("case_studies"):
            self.assertLessEqual(len(item["summary"]), 300, item["slug"])

    def test_events_are_three_upcoming_and_three_past(self):
        days = sorted(item["days_from_today"] for item in read("events"))
        self.assertEqual(sum(day > 0 for day in days), 3)
        self.assertEqual(sum(day < 0 for day in days), 3)
