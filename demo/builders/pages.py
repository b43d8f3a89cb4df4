"""Builds the site's demo pages (standard pages, resources, case studies, events, the home page's
featured items) and the staff demo accounts from demo/content/, with the project's factories.

Pages are looked up by slug under their section and accounts by username; whatever already
exists is left as it is, so running it again creates nothing twice."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyRelatedResource
from demo.loader import body_blocks, demo_password, paragraphs, read
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from resources.factories import ResourcePageFactory
from resources.models import ResourceIndexPage, ResourcePage
from source4networks.factories import StandardPageFactory, UserFactory, home_page, make_image
from source4networks.models import HomePageFeaturedItem, Region, Sector, StandardPage

LONDON = ZoneInfo("Europe/London")

CASE_STUDY_SECTIONS = ["challenge", "what_the_network_did", "impact", "lessons_learned", "next_steps"]


def working_day(day, earlier=False):
    """`day`, or the nearest working day after it (before it, with earlier=True): not a weekend,
    not 24 December to 1 January, so an event counted from today never reads as a mistake."""
    step = timedelta(days=-1 if earlier else 1)
    while day.weekday() >= 5 or (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1):
        day += step
    return day


def hour_minute(text):
    """(hour, minute) from "9:30"."""
    hour, minute = text.split(":")
    return int(hour), int(minute)


class Tally:
    """Counts what was created and what was already there, for the summary."""

    def __init__(self):
        self.rows = {}

    def add(self, label, created):
        counts = self.rows.setdefault(label, [0, 0])
        counts[0 if created else 1] += 1

    def lines(self):
        for label, (created, existing) in self.rows.items():
            yield f"  {label}: {created} created, {existing} already there"


class PageBuilder:
    """Creates whatever part of the demo pages and staff accounts is missing (see build)."""

    def __init__(self):
        self.now = timezone.now().replace(second=0, microsecond=0)
        self.today = timezone.localdate()
        self.tally = Tally()
        self.sectors = {sector.slug: sector for sector in Sector.objects.all()}
        self.regions = {region.slug: region for region in Region.objects.all()}

    # -- helpers ---------------------------------------------------------------------------

    def existing_children(self, parent, model, slugs):
        """The pages of `model` under `parent` with these slugs, by slug. A page of another type
        with one of the slugs is an error: the demo would otherwise clash with it."""
        found = {page.slug: page for page in Page.objects.child_of(parent).filter(slug__in=slugs).specific()}
        for slug, page in found.items():
            if not isinstance(page, model):
                raise CommandError(f"{parent.url_path}{slug}/ already exists and is not a {model.__name__}.")
        return found

    def published_at(self, days_ago, hours=0, minutes=0):
        return self.now - timedelta(days=days_ago, hours=hours, minutes=minutes)

    def image(self, spec):
        image = get_image_model().objects.filter(title=spec["title"]).first()
        if image is None:
            image = make_image(spec["title"], spec["colour"])
            self.tally.add("images", True)
        return image

    def described_image(self, spec):
        """The image, with the content's alt text as its description (listing images need one)."""
        image = self.image(spec)
        if image.description != spec["alt_text"]:
            image.description = spec["alt_text"]
            image.save(update_fields=["description"])
        return image

    def document(self, spec):
        model = get_document_model()
        document = model.objects.filter(title=spec["title"]).first()
        if document is None:
            document = model(title=spec["title"])
            document.file.save(spec["filename"], ContentFile(spec["content"].encode()), save=False)
            document._set_document_file_metadata()
            document.save()
            self.tally.add("documents", True)
        return document

    def stream(self, body):
        """Turn a content file's body into StreamField data, creating the images and documents
        it needs. Returns the data and the documents used."""
        data, documents = [], []
        for kind, value in body_blocks(body):
            if kind == "image":
                value = {
                    "image": self.image(value).pk,
                    "alt_text": value["alt_text"],
                    "caption": value["caption"],
                }
            elif kind == "document":
                document = self.document(value)
                documents.append(document)
                value = {"document": document.pk, "title": value["title"]}
            data.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
        return data, documents

    def london(self, days_from_today, time_of_day):
        day = working_day(self.today + timedelta(days=days_from_today), earlier=days_from_today < 0)
        return datetime(day.year, day.month, day.day, *hour_minute(time_of_day), tzinfo=LONDON)

    # -- content ---------------------------------------------------------------------------

    def standard_pages(self, home):
        items = read("pages")
        existing = self.existing_children(home, StandardPage, [item["slug"] for item in items])
        for position, item in enumerate(items):
            if item["slug"] not in existing:
                body, _ = self.stream(item["body"])
                StandardPageFactory(
                    parent=home,
                    slug=item["slug"],
                    title=item["title"],
                    summary=item["summary"],
                    body=body,
                    show_in_menus=True,
                    first_published_at=self.published_at(400, minutes=len(items) - position),
                )
            self.tally.add("standard pages", item["slug"] not in existing)

    def resources(self):
        items = read("resources")
        index = ResourceIndexPage.objects.get()
        existing = self.existing_children(index, ResourcePage, [item["slug"] for item in items])
        pages = dict(existing)
        for position, item in enumerate(items):
            if item["slug"] not in existing:
                body, documents = self.stream(item["body"])
                pages[item["slug"]] = ResourcePageFactory(
                    parent=index,
                    slug=item["slug"],
                    title=item["title"],
                    summary=item["summary"],
                    body=body,
                    resource_type=item["resource_type"],
                    topics=item["topics"],
                    sectors=[self.sectors[slug] for slug in item["sectors"]],
                    source_organisation=item["source_organisation"],
                    author=item["author"],
                    publication_date=item["publication_date"],
                    external_url=item["external_url"],
                    document=documents[0] if documents else None,
                    review_by=self.today + timedelta(days=item["review_by_days"]),
                    featured=item["featured"],
                    # Spread over the past months so "newest first" has an order to show.
                    first_published_at=self.published_at(2 + position * 6, hours=position % 7),
                )
            self.tally.add("resources", item["slug"] not in existing)
        return pages

    def case_studies(self, resources):
        items = read("case_studies")
        index = CaseStudyIndexPage.objects.get()
        existing = self.existing_children(index, CaseStudyPage, [item["slug"] for item in items])
        pages = dict(existing)
        for position, item in enumerate(items):
            if item["slug"] not in existing:
                quote = item["quote"]
                page = CaseStudyPageFactory(
                    parent=index,
                    slug=item["slug"],
                    title=item["title"],
                    summary=item["summary"],
                    network_name=item["network_name"],
                    network_type=item["network_type"],
                    region=self.regions[item["region"]],
                    sectors=[self.sectors[slug] for slug in item["sectors"]],
                    topics=item["topics"],
                    **{section: paragraphs(item[section]) for section in CASE_STUDY_SECTIONS},
                    key_facts=[
                        {"type": "fact", "value": {"label": label, "value": value}, "id": str(uuid.uuid4())}
                        for label, value in item["key_facts"].items()
                    ],
                    quote=[{"type": "quote", "value": quote, "id": str(uuid.uuid4())}] if quote else [],
                    contact_role=item["contact_role"],
                    publication_date=item["publication_date"],
                    listing_image=self.described_image(item["image"]) if item.get("image") else None,
                    first_published_at=self.published_at(5 + position * 19, hours=position % 7, minutes=30),
                )
                CaseStudyRelatedResource.objects.bulk_create(
                    CaseStudyRelatedResource(case_study=page, resource=resources[slug], sort_order=order)
                    for order, slug in enumerate(item["related_resources"])
                )
                pages[item["slug"]] = page
            self.tally.add("case studies", item["slug"] not in existing)
        return pages

    def events(self):
        items = read("events")
        index = EventIndexPage.objects.get()
        existing = self.existing_children(index, EventPage, [item["slug"] for item in items])
        for item in items:
            if item["slug"] not in existing:
                body, _ = self.stream(item["body"])
                # Announced about 30 days before the event (yesterday at the latest).
                days_ago = max(1, 30 - item["days_from_today"])
                EventPageFactory(
                    parent=index,
                    slug=item["slug"],
                    title=item["title"],
                    summary=item["summary"],
                    start=self.london(item["days_from_today"], item["start_time"]),
                    end=self.london(item["days_from_today"], item["end_time"]),
                    attendance=item["attendance"],
                    address=item["address"],
                    booking_url=item["booking_url"],
                    body=body,
                    topics=item["topics"],
                    first_published_at=self.published_at(days_ago, minutes=15),
                )
            self.tally.add("events", item["slug"] not in existing)

    def featured_items(self, home, resources, case_studies):
        """Feature the chosen resources and case studies, unless editors have already chosen."""
        existing = HomePageFeaturedItem.objects.filter(home_page=home).count()
        if existing:
            for _ in range(existing):
                self.tally.add("home page featured items", False)
            return
        featured = read("site")["home_featured"]
        chosen = [resources[slug] for slug in featured["resources"]] + [
            case_studies[slug] for slug in featured["case_studies"]
        ]
        HomePageFeaturedItem.objects.bulk_create(
            HomePageFeaturedItem(home_page=home, page=page, sort_order=order) for order, page in enumerate(chosen)
        )
        for _ in chosen:
            self.tally.add("home page featured items", True)

    def accounts(self):
        user_model = UserFactory._meta.model
        groups = {group.name: group for group in Group.objects.all()}
        for account in read("site")["accounts"]:
            user = user_model.objects.filter(username=account["username"]).first()
            created = user is None
            if created:
                user = UserFactory(
                    username=account["username"],
                    email=account["email"],
                    first_name=account["first_name"],
                    last_name=account["last_name"],
                    password=demo_password(),
                    is_superuser=account["is_superuser"],
                    is_staff=account["is_superuser"],
                )
            missing = [name for name in account["groups"] if name not in groups]
            if missing:
                raise CommandError(f"The {', '.join(missing)} group is missing: run `manage.py migrate` first.")
            user.groups.add(*(groups[name] for name in account["groups"]))
            # Sign-in by email needs a verified address.
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            self.tally.add("demo accounts", created)

    def build(self):
        home = home_page()
        self.standard_pages(home)
        resources = self.resources()
        case_studies = self.case_studies(resources)
        self.events()
        self.featured_items(home, resources, case_studies)
        self.accounts()
        return self.tally
