"""Library pages in bulk: resources, case studies and events under their section pages.

Adding pages one at a time through the page tree costs several queries each (the parent's
last child, the new row in two tables, the parent's child count). Here the tree fields are
worked out as the tree library would for a run of new last children, under the one parent:
`path` is the parent's path followed by a four-character base-36 step numbered after the
parent's last child, `depth` one more than the parent's, `numchild` 0, `url_path` the parent's
followed by the slug; the parent's `numchild` grows once by the number added. Pages are live and
published, without revisions, as the page factories make them (an editor's first edit makes
one). The page rows go in with bulk_create; each type's own columns with plain INSERTs."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyPageTopic, CaseStudyRelatedResource
from demo.loader import read
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage, EventPageTopic
from resources.factories import ResourcePageFactory
from resources.models import ResourceIndexPage, ResourcePage, ResourcePageTopic
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType, ResourceType

from .common import PREFIX, WORDS, Progress, batches, insert_rows, rare_word

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PAGE_FIELDS = [field for field in Page._meta.concrete_fields if not field.primary_key]


def step(number, width=Page.steplen):
    """`number` in base 36, `width` characters long: one level of a page's tree path."""
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    if len(digits) > width:
        raise ValueError("The section page has no room for more children.")
    return digits.rjust(width, "0")


def add_children(parent, pages):
    """Save `pages` (unsaved instances of one page type) as the last children of `parent`."""
    last = (
        Page.objects.filter(depth=parent.depth + 1, path__startswith=parent.path)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    first_step = int(last[-Page.steplen :], 36) + 1 if last else 1
    for number, page in enumerate(pages):
        page.path = parent.path + step(first_step + number)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.has_unpublished_changes = False
    rows = [Page(**{field.attname: getattr(page, field.attname) for field in PAGE_FIELDS}) for page in pages]
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    insert_rows(type(pages[0]), pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def topic_rows(through, pages, tags, per_page):
    return [
        through(content_object_id=page.pk, tag_id=tags[(number + offset * 3) % len(tags)].pk)
        for number, page in enumerate(pages)
        for offset in range(per_page)
    ]


def add_sectors(model, pages, sectors):
    """One sector for each page of `model`, spread over `sectors`."""
    through = model.sectors.through
    page_column = f"{model._meta.model_name}_id"
    through.objects.bulk_create(
        through(**{page_column: page.pk, "sector_id": sectors[page.pk % len(sectors)].pk}) for page in pages
    )


class PageMaker:
    """Makes the library pages; `offsets` (by kind) number the slugs after an earlier run's."""

    def __init__(self, progress: Progress, offsets):
        self.progress = progress
        self.offsets = offsets
        self.now = timezone.now().replace(second=0, microsecond=0)
        self.tags = [
            Tag.objects.get_or_create(name=name, defaults={"slug": name.replace(" ", "-")})[0]
            for name in read("site")["topics"]
        ]
        self.sectors = list(Sector.objects.all())
        self.regions = list(Region.objects.all())
        self.made = {}

    def run(self, what, total, parent, build, after):
        """Build `total` pages with `build(n)`, save them under `parent` batch by batch and
        `after(batch)` adds their topics and other related rows."""
        self.progress.start(what, total)
        made = []
        first = self.offsets.get(what, 0)
        for numbers in batches(range(first, first + total)):
            pages = [build(n) for n in numbers]
            with transaction.atomic():
                add_children(parent, pages)
                after(pages)
            made.extend(page.pk for page in pages)
            self.progress.add(len(pages))
        self.progress.finish()
        self.made[what] = made
        return made

    def topic(self, n):
        return self.tags[n % len(self.tags)].name

    # -- resources ----------------------------------------------------------------------------

    def resource(self, n):
        resource_type = ResourceType.values[n % len(ResourceType.values)]
        label = ResourceType(resource_type).label
        word = WORDS[n % len(WORDS)]
        return ResourcePageFactory.build(
            title=f"{label}: the {word} guide to {self.topic(n)}, number {n + 1}",
            slug=f"{PREFIX}resource-{n + 1}",
            summary=f"A {label.lower()} for leaders of a health and care {word}, filed as {rare_word(n + 1)}.",
            resource_type=resource_type,
            author=f"Author {n % 37}",
            publication_date=date(2015, 1, 1) + timedelta(days=n % 4000),
            body=[{"type": "rich_text", "value": f"<p>What this {word} resource covers, and for whom.</p>"}],
            featured=n % 2500 == 0,
            first_published_at=self.now - timedelta(minutes=n),
            last_published_at=self.now - timedelta(minutes=n),
        )

    def resource_relations(self, pages):
        ResourcePageTopic.objects.bulk_create(topic_rows(ResourcePageTopic, pages, self.tags, 2))
        add_sectors(ResourcePage, pages, self.sectors)

    def resources(self, total):
        return self.run("resources", total, ResourceIndexPage.objects.get(), self.resource, self.resource_relations)

    # -- case studies ---------------------------------------------------------------------------

    def case_study(self, n):
        word = WORDS[n % len(WORDS)]
        network_ids = self.network_ids
        return CaseStudyPageFactory.build(
            title=f"How a {word} improved {self.topic(n)}, number {n + 1}",
            slug=f"{PREFIX}case-study-{n + 1}",
            summary=f"What one {word} did about {self.topic(n)}, filed as {rare_word(n + 1)}.",
            region=self.regions[n % len(self.regions)],
            network_type=NetworkType.values[n % len(NetworkType.values)],
            network_id=network_ids[n % len(network_ids)] if network_ids and n % 3 == 0 else None,
            publication_date=date(2018, 1, 1) + timedelta(days=n % 2500),
            first_published_at=self.now - timedelta(hours=n),
            last_published_at=self.now - timedelta(hours=n),
        )

    def case_study_relations(self, pages):
        CaseStudyPageTopic.objects.bulk_create(topic_rows(CaseStudyPageTopic, pages, self.tags, 2))
        add_sectors(CaseStudyPage, pages, self.sectors)
        resources = self.made.get("resources")
        if resources:
            CaseStudyRelatedResource.objects.bulk_create(
                CaseStudyRelatedResource(case_study_id=page.pk, resource_id=resources[page.pk % len(resources)])
                for page in pages
            )

    def case_studies(self, total, network_ids):
        self.network_ids = network_ids
        return self.run(
            "case studies", total, CaseStudyIndexPage.objects.get(), self.case_study, self.case_study_relations
        )

    # -- events -------------------------------------------------------------------------------

    def event(self, n):
        # Half upcoming, half past, one a day in each direction.
        days = n // 2 + 1
        start = self.now + timedelta(days=days) if n % 2 else self.now - timedelta(days=days)
        return EventPageFactory.build(
            title=f"{self.topic(n).capitalize()} {WORDS[n % len(WORDS)]} event, number {n + 1}",
            slug=f"{PREFIX}event-{n + 1}",
            summary=f"An online event about {self.topic(n)}, filed as {rare_word(n + 1)}.",
            start=start,
            end=start + timedelta(hours=2),
            attendance=EventPage.Attendance.ONLINE,
            first_published_at=self.now - timedelta(hours=n),
            last_published_at=self.now - timedelta(hours=n),
        )

    def event_relations(self, pages):
        EventPageTopic.objects.bulk_create(topic_rows(EventPageTopic, pages, self.tags, 1))

    def events(self, total):
        return self.run("events", total, EventIndexPage.objects.get(), self.event, self.event_relations)


def index_pages():
    return [ResourcePage, CaseStudyPage, EventPage]
