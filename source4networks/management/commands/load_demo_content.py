"""`manage.py load_demo_content`: fill a development site with the original demo content in
source4networks/demo_content.py, built with the project's factories.

Running it again creates nothing twice: pages are looked up by slug under their section and
accounts by username, and whatever already exists is left as it is. `--if-empty` loads nothing
when the site already has resources (`make run` uses it). Because it creates accounts with a
published password, it refuses to run unless DEBUG is on or `--force` is given."""

import logging
import time
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyRelatedResource
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from resources.factories import ResourcePageFactory
from resources.models import ResourceIndexPage, ResourcePage
from source4networks import demo_content as content
from source4networks.factories import StandardPageFactory, UserFactory, home_page, make_image
from source4networks.models import HomePageFeaturedItem, Region, Sector, StandardPage

DEMO_PASSWORD = content.DEMO_PASSWORD

LONDON = ZoneInfo("Europe/London")


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


class DemoLoader:
    """Creates whatever part of the demo content is missing, in one transaction (see handle)."""

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

    def stream(self, blocks):
        """Turn demo_content's (type, value) blocks into StreamField data, creating the images
        and documents they need. Returns the data and the documents used."""
        data, documents = [], []
        for kind, value in blocks:
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

    def london(self, days_from_today, hour_minute):
        day = self.today + timedelta(days=days_from_today)
        return datetime(day.year, day.month, day.day, *hour_minute, tzinfo=LONDON)

    # -- content ---------------------------------------------------------------------------

    def standard_pages(self, home):
        existing = self.existing_children(home, StandardPage, [item["slug"] for item in content.STANDARD_PAGES])
        for position, item in enumerate(content.STANDARD_PAGES):
            if item["slug"] not in existing:
                body, _ = self.stream(item["body"])
                StandardPageFactory(
                    parent=home,
                    slug=item["slug"],
                    title=item["title"],
                    summary=item["summary"],
                    body=body,
                    show_in_menus=True,
                    first_published_at=self.published_at(400, minutes=len(content.STANDARD_PAGES) - position),
                )
            self.tally.add("standard pages", item["slug"] not in existing)

    def resources(self):
        index = ResourceIndexPage.objects.get()
        existing = self.existing_children(index, ResourcePage, [item["slug"] for item in content.RESOURCES])
        pages = dict(existing)
        for position, item in enumerate(content.RESOURCES):
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
        index = CaseStudyIndexPage.objects.get()
        existing = self.existing_children(index, CaseStudyPage, [item["slug"] for item in content.CASE_STUDIES])
        pages = dict(existing)
        for position, item in enumerate(content.CASE_STUDIES):
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
                    challenge=item["challenge"],
                    what_the_network_did=item["what_the_network_did"],
                    impact=item["impact"],
                    lessons_learned=item["lessons_learned"],
                    next_steps=item["next_steps"],
                    key_facts=[
                        {"type": "fact", "value": {"label": label, "value": value}, "id": str(uuid.uuid4())}
                        for label, value in item["key_facts"]
                    ],
                    quote=[
                        {"type": "quote", "value": {"text": quote[0], "attribution": quote[1]}, "id": str(uuid.uuid4())}
                    ]
                    if quote
                    else [],
                    contact_role=item["contact_role"],
                    publication_date=item["publication_date"],
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
        index = EventIndexPage.objects.get()
        existing = self.existing_children(index, EventPage, [item["slug"] for item in content.EVENTS])
        for item in content.EVENTS:
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
        """Feature three resources and two case studies, unless editors have already chosen."""
        existing = HomePageFeaturedItem.objects.filter(home_page=home).count()
        if existing:
            for _ in range(existing):
                self.tally.add("home page featured items", False)
            return
        chosen = [resources[slug] for slug in content.HOME_FEATURED_RESOURCES] + [
            case_studies[slug] for slug in content.HOME_FEATURED_CASE_STUDIES
        ]
        HomePageFeaturedItem.objects.bulk_create(
            HomePageFeaturedItem(home_page=home, page=page, sort_order=order) for order, page in enumerate(chosen)
        )
        for _ in chosen:
            self.tally.add("home page featured items", True)

    def accounts(self):
        user_model = UserFactory._meta.model
        groups = {group.name: group for group in Group.objects.all()}
        for account in content.DEMO_ACCOUNTS:
            user = user_model.objects.filter(username=account["username"]).first()
            created = user is None
            if created:
                user = UserFactory(
                    username=account["username"],
                    email=account["email"],
                    first_name=account["first_name"],
                    last_name=account["last_name"],
                    password=DEMO_PASSWORD,
                    is_superuser=account["is_superuser"],
                    is_staff=account["is_superuser"],
                )
            missing = [name for name in account["groups"] if name not in groups]
            if missing:
                raise CommandError(f"The {', '.join(missing)} group is missing: run `manage.py migrate` first.")
            user.groups.add(*(groups[name] for name in account["groups"]))
            if apps.is_installed("allauth.account"):
                # Sign-in by email needs a verified address.
                from allauth.account.models import EmailAddress

                EmailAddress.objects.get_or_create(
                    user=user, email=user.email, defaults={"verified": True, "primary": True}
                )
            self.tally.add("demo accounts", created)

    def load(self):
        home = home_page()
        self.standard_pages(home)
        resources = self.resources()
        case_studies = self.case_studies(resources)
        self.events()
        self.featured_items(home, resources, case_studies)
        self.accounts()
        return self.tally


class Command(BaseCommand):
    help = (
        "Load the demo content (standard pages, resources, case studies, events and demo accounts) into a "
        "development site. Safe to run again: nothing is created twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if the site already has any resources.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. The demo accounts have a published password: never use "
            "this on a live site.",
        )

    def handle(self, *args, if_empty=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo content is for development only: it creates accounts with a published password. "
                "DEBUG is off, so nothing was loaded. Use --force if you are sure this is not a live site."
            )
        if if_empty and ResourcePage.objects.exists():
            self.stdout.write("The site already has resources, so no demo content was loaded.")
            return
        started = time.perf_counter()
        # Wagtail logs every page it creates; the summary below says it more briefly.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                tally = DemoLoader().load()
        finally:
            wagtail_logger.setLevel(level)
        self.stdout.write(f"Demo content loaded in {time.perf_counter() - started:.1f}s:")
        for line in tally.lines():
            self.stdout.write(line)
        # Members, networks, discussions, diagnostic results and network rounds come from their own
        # apps' commands (idempotent too).
        call_command("load_demo_members", force=True, stdout=self.stdout)
        call_command("load_demo_discussions", force=True, stdout=self.stdout)
        call_command("load_demo_diagnostics", force=True, stdout=self.stdout)
        call_command("load_demo_rounds", force=True, stdout=self.stdout)
        self.stdout.write(
            "Demo accounts: editor, moderator and admin (emails @example.org), password "
            f"{DEMO_PASSWORD!r}. Sign in at /admin/."
        )
