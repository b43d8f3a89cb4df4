"""Site-wide pages and the reference data every section shares."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock
from .home import home_page_context
from .search import search_join_index


class Sector(models.Model):
    """A sector that a resource, case study, network or member belongs to (health, social
    care, housing…). The list is fixed by the platform so filters always match."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


class Region(models.Model):
    """An NHS England region, England as a whole, or one of the other UK nations."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


class SummaryMixin(models.Model):
    """A short summary shown in listings, search results and as the page's description for
    search engines when no separate description is given."""

    summary = models.CharField(
        max_length=300, help_text="One or two sentences shown in listings (300 characters at most)."
    )

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary


class HomePage(Page):
    """The front page. Featured items are chosen by editors below; when none are chosen the
    newest resources and case studies are shown instead."""

    intro = models.CharField(
        max_length=300,
        default="Evidence, case studies, diagnostics and a community for the leaders and members of "
        "health and care networks.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_items", label="Featured resources and case studies", max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    @property
    def meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self, request))
        return context


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["resources.ResourcePage", "casestudies.CaseStudyPage"])]


class StandardPage(SummaryMixin, Page):
    """A plain content page: About, Accessibility statement, Privacy notice, Terms of use,
    Cookies, Contact and the like."""

    body = StreamField(BodyBlock(), blank=True)

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]

    class Meta:
        indexes = [search_join_index("page_ptr", "standardpage_search_join")]

    subpage_types = ["source4networks.StandardPage"]
