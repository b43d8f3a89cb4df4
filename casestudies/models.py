"""Case studies: how networks in many sectors tackled a challenge, and what they learned."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from resources.models import ResourcePage
from source4networks.blocks import RICH_TEXT_FEATURES, KeyFactBlock, QuoteBlock
from source4networks.library.listing import library_listing
from source4networks.library.pages import LibraryIndexPage
from source4networks.models import SummaryMixin
from source4networks.search import search_join_index
from source4networks.taxonomy import NetworkType

from .filters import CaseStudyFilterSet
from .listing import case_study_related, with_card_relations


class CaseStudyIndexPage(LibraryIndexPage):
    """All case studies at /case-studies/, filtered by sector, region, network type and topic."""

    subpage_types = ["casestudies.CaseStudyPage"]
    feed_description = "New case studies from Source4Networks."

    def listing_context(self, request):
        return library_listing(
            request,
            self,
            filterset_class=CaseStudyFilterSet,
            queryset=CaseStudyPage.objects.live().public(),
            related=with_card_relations,
            singular="case study",
            plural="case studies",
        )

    def feed_items(self):
        return (
            CaseStudyPage.objects.live()
            .public()
            .prefetch_related("tagged_topics__tag")
            .order_by("-first_published_at", "-pk")
        )


class CaseStudyPageTopic(TaggedItemBase):
    content_object = ParentalKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_topics")


class CaseStudyPage(SummaryMixin, Page):
    """The story of one network: the challenge it faced, what it did, the impact, the lessons
    it learned and its next steps, in that order, with key facts and an optional quote."""

    network_name = models.CharField(
        "network", max_length=200, blank=True, help_text="The network this case study is about."
    )
    network = models.ForeignKey(
        "networks.Network",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text="Its entry in the networks directory, if any: the case study then shows on the network's page.",
    )
    sectors = ParentalManyToManyField("source4networks.Sector", blank=True, related_name="case_studies")
    region = models.ForeignKey(
        "source4networks.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="case_studies"
    )
    network_type = models.CharField(max_length=30, choices=NetworkType.choices, blank=True)
    topics = ClusterTaggableManager(through=CaseStudyPageTopic, blank=True)
    challenge = RichTextField("the challenge", features=RICH_TEXT_FEATURES, blank=True)
    what_the_network_did = RichTextField("what the network did", features=RICH_TEXT_FEATURES, blank=True)
    impact = RichTextField("the impact", features=RICH_TEXT_FEATURES, blank=True)
    lessons_learned = RichTextField("lessons learned", features=RICH_TEXT_FEATURES, blank=True)
    next_steps = RichTextField("next steps", features=RICH_TEXT_FEATURES, blank=True)
    key_facts = StreamField([("fact", KeyFactBlock())], blank=True)
    quote = StreamField([("quote", QuoteBlock())], blank=True, max_num=1)
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Shown on the case studies listing and at the top of the page. The image needs a "
            "description (its alt text) in the image library, saying what the picture shows."
        ),
    )
    find_out_more_url = models.URLField(
        "find out more link",
        blank=True,
        help_text=(
            "Where readers can find out more: the network's website or a report. Without one, the "
            "page links to the network's entry in the directory, if it has one."
        ),
    )
    contact_role = models.CharField(
        max_length=200, blank=True, help_text="Who to ask for more, by role (for example “Network manager”)."
    )
    publication_date = models.DateField(null=True, blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("network_name"),
        index.SearchField("challenge"),
        index.SearchField("what_the_network_did"),
        index.SearchField("impact"),
        index.SearchField("lessons_learned"),
        index.SearchField("next_steps"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("id"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        MultiFieldPanel(
            [
                FieldPanel("network_name"),
                FieldPanel("network"),
                FieldPanel("network_type"),
                FieldPanel("region"),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics"),
            ],
            heading="About the network",
        ),
        FieldPanel("challenge"),
        FieldPanel("what_the_network_did"),
        FieldPanel("impact"),
        FieldPanel("lessons_learned"),
        FieldPanel("next_steps"),
        FieldPanel("key_facts"),
        FieldPanel("quote"),
        FieldPanel("find_out_more_url"),
        FieldPanel("contact_role"),
        InlinePanel("related_resources", label="Related resources"),
        FieldPanel("publication_date"),
    ]

    class Meta:
        indexes = [search_join_index("page_ptr", "casestudies_search_join")]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []
    # Members can save it to read later (My account, Saved items).
    saveable = True

    SECTIONS = [
        ("challenge", "The challenge"),
        ("what_the_network_did", "What the network did"),
        ("impact", "The impact"),
        ("lessons_learned", "Lessons learned"),
        ("next_steps", "Next steps"),
    ]

    # Above its title in listings shared with other page types.
    card_label = "Case study"

    @classmethod
    def home_page_choice(cls):
        """With nothing chosen on the home page: the newest case studies."""
        return list(cls.objects.live().public().order_by("-first_published_at")[:3])

    def clean(self):
        super().clean()
        # Wagtail falls back to an image's title when it has no description; a title such as
        # "IMG_2041" says nothing to someone using a screen reader, so ask for a description.
        if self.listing_image and not self.listing_image.description.strip():
            raise ValidationError(
                {
                    "listing_image": (
                        "Give this image a description (its alt text) in the image library "
                        "before using it, or choose another image."
                    )
                }
            )

    @property
    def find_out_more_link(self):
        """Where "Find out more" links: the editors' link, else the network's directory entry
        when it is public; None when there is nowhere to send readers."""
        if self.find_out_more_url:
            return self.find_out_more_url
        if self.network_id and not self.network.hidden:
            return self.network.get_absolute_url()
        return None

    @property
    def sections(self):
        """The fixed sections, in order, leaving out any left empty."""
        return [(title, getattr(self, field)) for field, title in self.SECTIONS if getattr(self, field)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(case_study_related(self, request, ResourcePage.objects.live().public()))
        return context


class CaseStudyRelatedResource(Orderable):
    case_study = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="case_study_links")

    panels = [PageChooserPanel("resource")]
