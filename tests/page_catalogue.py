"""The one list of "every page template" that the browser tests (axe-core, keyboard, no
JavaScript) and the HTML validity test (Nu HTML Checker) both go through.

`build_catalogue()` fills the site with a small but complete set of pages made with the
factories — every block type, every optional field, more resources than fit on one page so
pagination shows, upcoming and past events — and returns a `Catalogue` whose `entries` are the
URLs to visit, one or more for each page template and listing state.

The members-and-networks pages (accounts, directories, networks, invitations, my account) and
the diagnostics pages are in tests/member_catalogue.py: an entry there may be viewed by a
signed-in member (`Entry.user`) or be the answer to a posted form (`Entry.post`).

When a new page template or listing state appears, add its URL to `_entries()` below (or to
tests/member_catalogue.py) and both checks pick it up.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.member_catalogue import build_member_pages

# Words the catalogue's pages use, so searches and filters have something to find.
SEARCH_WORD = "network"  # appears in many titles and summaries
LIBRARY_SEARCH_WORD = "toolkit"  # appears in some resource titles only
NO_MATCH_WORD = "xylophone"  # appears nowhere
RESOURCE_COUNT = 22  # more than the 20 a listing page holds, so pagination shows
CASE_STUDY_COUNT = 4

# Filters chosen in the listings. The resource filter must match some resources but not all.
RESOURCE_FILTER = {"type": "toolkit"}
CASE_STUDY_FILTER = {"sector": "housing"}
PAST_EVENTS = {"when": "past"}


@dataclass(frozen=True)
class Entry:
    """One page to check: what it is (for messages), its URL, the status it answers with, and
    whether it reports a problem with what was asked (an error summary, "Error: " title)."""

    name: str
    url: str
    status: int = 200
    error: bool = False
    user: str | None = None  # who views it: a key of Catalogue.users, or None for a visitor
    post: dict | None = None  # data posted to the URL (a form with errors) instead of a GET

    @property
    def slug(self):
        """A file-name-safe version of the name."""
        return "".join(ch if ch.isalnum() else "-" for ch in self.name.lower()).strip("-")


@dataclass
class Catalogue:
    home: object
    standard_page: object
    resource: object
    resources: list
    case_study: object
    case_studies: list
    upcoming_event: object
    past_event: object
    entries: list[Entry] = field(default_factory=list)
    users: dict = field(default_factory=dict)  # the signed-in viewers, by Entry.user
    member_entries: list[Entry] = field(default_factory=list)  # those of tests/member_catalogue.py

    def url(self, name):
        return next(entry.url for entry in self.entries if entry.name == name)


def with_query(path, params):
    return f"{path}?{urlencode(params)}" if params else path


def ensure_base_site():
    """The data the migrations give every fresh database — locale, root page and collection,
    home page, the three library sections, sectors, regions, groups and workflow — recreated if
    a flush removed it (transactional tests flush the database after each test). Does nothing
    when the home page is there."""
    from wagtail.models import Collection, Locale, Page, Site
    from wagtail.models.i18n import get_supported_content_language_variant

    from casestudies.models import CaseStudyIndexPage
    from events.models import EventIndexPage
    from resources.models import ResourceIndexPage
    from source4networks.models import HomePage

    if HomePage.objects.exists():
        return
    from django.apps import apps

    setup = importlib.import_module("source4networks.migrations.0002_site_setup")
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = root.add_child(instance=HomePage(title="Source4Networks", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Source4Networks"},
    )
    models = {"ResourceIndexPage": ResourceIndexPage, "CaseStudyIndexPage": CaseStudyIndexPage}
    models["EventIndexPage"] = EventIndexPage
    sections = [
        home.add_child(instance=models[model_name](title=title, slug=slug, intro=intro, locale=locale))
        for _app, model_name, title, slug, intro in setup.LIBRARY_SECTIONS
    ]
    setup.seed_reference_data(apps)
    groups = setup.set_up_groups(apps)
    setup.set_up_workflow(apps, groups["Moderators"], sections)


def migrated_snapshot():
    """{alias: JSON} of the test databases as the migrations left them: the snapshot Django
    takes while setting the test databases up when any test asks for `serialized_rollback`.

    Call it before Playwright starts. Playwright's sync API keeps an asyncio loop running in
    the test thread, and while a loop runs Django hands out other connection objects (asgiref's
    thread-critical Local switches to context-local storage), without the snapshot. That is
    also why `serialized_rollback` cannot restore the data before a browser test."""
    from django.db import connections

    return {
        alias: _content_types_first(connections[alias]._test_serialized_contents)
        for alias in connections
        if getattr(connections[alias], "_test_serialized_contents", None)
    }


def _content_types_first(data):
    """The snapshot with content types moved to the front. Building a Wagtail page object
    looks its content type up (and creates it if missing), so loading pages before content
    types would create rows that then clash with the snapshot's own."""
    objects = json.loads(data)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def restore_database(snapshot):
    """Put the test databases back as the migrations left them after transactional tests
    flushed them: empty every table, reload the snapshot from `migrated_snapshot()`, then make
    sure the base site is there (a database reused with --reuse-db after an interrupted run
    may have none, and then neither has the snapshot)."""
    from django.apps import apps as django_apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        call_command(
            "flush", database=alias, interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
        )
        ContentType.objects.clear_cache()
        if snapshot.get(alias):
            connection.creation.deserialize_db_from_string(snapshot[alias])
            # The snapshot's rows keep their ids: move sequences past them (PostgreSQL), as
            # loaddata does, so new rows do not collide with them.
            statements = connection.ops.sequence_reset_sql(no_style(), django_apps.get_models())
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        ContentType.objects.clear_cache()
    if not snapshot:
        # Without a snapshot, let post_migrate recreate content types and permissions.
        from django.core.management.sql import emit_post_migrate_signal

        for alias in connections:
            emit_post_migrate_signal(verbosity=0, interactive=False, db=alias)
    ensure_base_site()


def _document(title):
    from wagtail.documents import get_document_model

    content = f"{title}\n\nA plain-text document used by the tests.\n".encode()
    document = get_document_model()(title=title, file_size=len(content))
    document.file.save(f"{title.lower().replace(' ', '-')}.txt", ContentFile(content), save=False)
    document.save()
    return document


def _rich_body(image, document, link_page):
    """A body using every block type except embeds (which would fetch from the internet)."""
    return [
        {
            "type": "rich_text",
            "value": (
                "<p>Networks bring people together across organisations. This text has "
                f'<b>bold</b>, <i>italic</i>, a <a href="https://example.org/guide">link to another website</a> '
                f'and a <a linktype="page" id="{link_page.pk}">link to another page</a>.</p>'
                "<h2>What you will find</h2>"
                "<ul><li>Evidence about networks</li><li>Practical tools</li></ul>"
                "<ol><li>Read the guide</li><li>Try the tools</li></ol>"
                f'<p><a linktype="document" id="{document.pk}">The guide as a document</a></p>'
            ),
        },
        {"type": "heading", "value": {"text": "Getting started", "level": "h2"}},
        {"type": "heading", "value": {"text": "Before you begin", "level": "h3"}},
        {
            "type": "quote",
            "value": {"text": "Networks thrive when\nmembers own them.", "attribution": "A network leader"},
        },
        {"type": "image", "value": {"image": image.pk, "alt_text": "Circles joined by lines", "caption": "A network"}},
        {"type": "inset_text", "value": {"text": "<p>This guide is <b>reviewed</b> every year.</p>"}},
        {"type": "document", "value": {"document": document.pk, "title": "Download the guide"}},
    ]


def build_catalogue():
    """Create the catalogue's pages (on top of the migrated site) and return the Catalogue."""
    from casestudies.factories import CaseStudyPageFactory
    from casestudies.models import CaseStudyRelatedResource
    from events.factories import EventPageFactory
    from events.models import EventPage
    from resources.factories import ResourcePageFactory
    from source4networks.factories import StandardPageFactory, home_page, make_image, region, sector
    from source4networks.taxonomy import NetworkType, ResourceType

    ensure_base_site()
    home = home_page()
    image = make_image("A network of circles")
    document = _document("Network guide")

    about = StandardPageFactory(
        title="About Source4Networks",
        slug="about",
        summary="What Source4Networks is and who runs it.",
        body=_rich_body(image, document, link_page=home),
    )
    StandardPageFactory(title="Accessibility statement", slug="accessibility-statement")
    StandardPageFactory(title="Privacy notice", slug="privacy-notice")

    types = list(ResourceType.values)
    topics = ["leadership", "governance", "evaluation", "population health"]
    sector_cycle = [sector("health"), sector("social-care"), sector("housing"), sector("public-health")]
    now = timezone.now()
    resources = []
    for n in range(RESOURCE_COUNT - 1):
        resource_type = types[n % len(types)]
        label = ResourceType(resource_type).label
        resources.append(
            ResourcePageFactory(
                title=f"{label}: working as a network, part {n + 1}",
                summary=f"A {label.lower()} about how health and care networks work, number {n + 1}.",
                resource_type=resource_type,
                topics=[topics[n % len(topics)]],
                sectors=[sector_cycle[n % len(sector_cycle)]],
                first_published_at=now - timedelta(days=RESOURCE_COUNT - n),
            )
        )
    resource = ResourcePageFactory(
        title="Leading a clinical network: a practical toolkit",
        slug="leading-a-clinical-network",
        summary="Tools and templates for the first year of leading a clinical network.",
        resource_type=ResourceType.TOOLKIT,
        topics=["leadership", "governance"],
        sectors=[sector("health"), sector("social-care")],
        source_organisation="NHS England networks team",
        author="Alex Example",
        publication_date=date(2024, 5, 1),
        external_url="https://example.org/networks/toolkit",
        review_by=date.today() + timedelta(days=365),
        featured=True,
        document=document,
        body=_rich_body(image, document, link_page=resources[0]),
        first_published_at=now,
    )
    resources.append(resource)

    case_studies = []
    network_types = list(NetworkType.values)
    regions = ["london", "north-west", "midlands", "south-west"]
    for n in range(CASE_STUDY_COUNT - 1):
        case_studies.append(
            CaseStudyPageFactory(
                title=f"How a {NetworkType(network_types[n]).label.lower()} joined up care, part {n + 1}",
                sectors=[sector_cycle[n % len(sector_cycle)]],
                region=region(regions[n % len(regions)]),
                network_type=network_types[n],
                topics=[topics[n % len(topics)]],
                first_published_at=now - timedelta(days=10 - n),
            )
        )
    case_study = CaseStudyPageFactory(
        title="A housing and health network cut hospital readmissions",
        slug="housing-and-health-network",
        summary="How housing officers and ward staff working as one network cut readmissions.",
        listing_image=image,
        find_out_more_url="https://example.org/housing-and-health",
        network_name="North West Housing and Health Network",
        sectors=[sector("housing"), sector("health")],
        region=region("north-west"),
        network_type=NetworkType.IMPROVEMENT,
        topics=["leadership", "evaluation"],
        challenge="<p>People were readmitted because their homes were not ready for them.</p>",
        what_the_network_did="<p>The network met monthly.</p><ul><li>Shared lists</li><li>Joint visits</li></ul>",
        impact="<p>Readmissions fell by a fifth.</p>",
        lessons_learned="<p>Start small and <b>share data early</b>.</p>",
        next_steps='<p>Extend the work. <a href="https://example.org/next">Read the plan</a>.</p>',
        key_facts=[
            {"type": "fact", "value": {"label": "Members", "value": "14 organisations"}},
            {"type": "fact", "value": {"label": "Founded", "value": "2019"}},
        ],
        quote=[
            {
                "type": "quote",
                "value": {"text": "We stopped passing people between us.", "attribution": "A ward sister"},
            }
        ],
        contact_role="Network manager",
        publication_date=date(2024, 9, 1),
        first_published_at=now,
    )
    CaseStudyRelatedResource.objects.create(case_study=case_study, resource=resource, sort_order=0)
    CaseStudyRelatedResource.objects.create(case_study=case_study, resource=resources[0], sort_order=1)
    case_studies.append(case_study)

    start = now.replace(second=0, microsecond=0)
    upcoming_event = EventPageFactory(
        title="Network leaders' webinar: starting a network",
        slug="starting-a-network-webinar",
        summary="An online session for people setting up a new network.",
        start=start + timedelta(days=14),
        end=start + timedelta(days=14, hours=1, minutes=30),
        topics=["leadership"],
        body=[{"type": "rich_text", "value": "<p>Bring your questions about starting out.</p>"}],
    )
    EventPageFactory(
        title="Networks conference in Leeds",
        summary="A day of talks and workshops for network leaders.",
        start=start + timedelta(days=40),
        end=start + timedelta(days=40, hours=7),
        attendance=EventPage.Attendance.IN_PERSON,
        address="Example Hall\n1 Example Street\nLeeds\nLS1 1AA",
        topics=["governance"],
    )
    EventPageFactory(
        title="Evaluating your network: hybrid workshop",
        summary="Measure what your network achieves.",
        start=start + timedelta(days=60),
        end=start + timedelta(days=60, hours=3),
        attendance=EventPage.Attendance.HYBRID,
        address="Example Centre, Birmingham",
        topics=["evaluation"],
    )
    past_event = EventPageFactory(
        title="Last year's network leaders' meeting",
        slug="network-leaders-meeting-last-year",
        summary="What network leaders discussed last year.",
        start=start - timedelta(days=300),
        end=start - timedelta(days=300) + timedelta(hours=2),
    )
    EventPageFactory(
        title="A past webinar on network governance",
        summary="A recording of a webinar about governance.",
        start=start - timedelta(days=30),
        end=start - timedelta(days=30) + timedelta(hours=1),
    )

    catalogue = Catalogue(
        home=home,
        standard_page=about,
        resource=resource,
        resources=resources,
        case_study=case_study,
        case_studies=case_studies,
        upcoming_event=upcoming_event,
        past_event=past_event,
    )
    catalogue.member_entries = build_member_pages(catalogue)
    catalogue.entries = _entries(catalogue) + catalogue.member_entries
    return catalogue


def _entries(catalogue):
    resources = "/resources/"
    case_studies = "/case-studies/"
    events = "/events/"
    too_long = "n" * (settings.SEARCH_QUERY_MAX_LENGTH + 1)
    return [
        Entry("home", "/"),
        Entry("standard page", catalogue.standard_page.url),
        Entry("resource index", resources),
        Entry("resource index, page 2", with_query(resources, {"page": 2})),
        Entry("resource index, filtered", with_query(resources, RESOURCE_FILTER)),
        Entry("resource index, searched", with_query(resources, {"q": LIBRARY_SEARCH_WORD})),
        Entry("resource index, no results", with_query(resources, {"q": NO_MATCH_WORD})),
        Entry("resource index, query too long", with_query(resources, {"q": too_long}), error=True),
        Entry("resource index, unknown filter value", with_query(resources, {"type": "no-such-type"}), error=True),
        Entry("resource index, page out of range", with_query(resources, {"page": 99})),
        Entry("resource page", catalogue.resource.url),
        Entry("resource page, plain", catalogue.resources[0].url),
        Entry("case study index", case_studies),
        Entry("case study index, filtered", with_query(case_studies, CASE_STUDY_FILTER)),
        Entry("case study index, no results", with_query(case_studies, {"q": NO_MATCH_WORD})),
        Entry("case study page", catalogue.case_study.url),
        Entry("case study page, plain", catalogue.case_studies[0].url),
        Entry("event index, upcoming", events),
        Entry("event index, past", with_query(events, PAST_EVENTS)),
        Entry("event page, upcoming", catalogue.upcoming_event.url),
        Entry("event page, past", catalogue.past_event.url),
        Entry("search, with results", with_query("/search/", {"q": SEARCH_WORD})),
        Entry("search, one type", with_query("/search/", {"q": SEARCH_WORD, "type": "case-studies"})),
        Entry("search, no results", with_query("/search/", {"q": NO_MATCH_WORD})),
        Entry("search, no query", "/search/"),
        Entry("search, empty query", "/search/?q=", error=True),
        Entry("search, query too long", with_query("/search/", {"q": too_long}), error=True),
        Entry("page not found", "/no-such-page/", status=404),
    ]
