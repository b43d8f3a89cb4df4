"""Controlled vocabularies shared by the library, networks and members.

Editors pick from these lists rather than typing, so a sector or region is never misspelt
and every filter finds everything it should."""

from django.db import models

# Sectors and regions are stored as rows (the Sector and Region models, seeded from these
# lists by a migration) because pages and networks can have several of each.
SECTORS = [
    ("health", "Health"),
    ("social-care", "Social care"),
    ("public-health", "Public health"),
    ("voluntary-community", "Voluntary and community"),
    ("local-government", "Local government"),
    ("housing", "Housing"),
    ("education", "Education"),
    ("other", "Other"),
]

# NHS England regions, then England-wide and the other nations.
REGIONS = [
    ("north-east-yorkshire", "North East and Yorkshire"),
    ("north-west", "North West"),
    ("midlands", "Midlands"),
    ("east-of-england", "East of England"),
    ("london", "London"),
    ("south-east", "South East"),
    ("south-west", "South West"),
    ("england", "England-wide"),
    ("scotland", "Scotland"),
    ("wales", "Wales"),
    ("northern-ireland", "Northern Ireland"),
]


class ResourceType(models.TextChoices):
    TOOLKIT = "toolkit", "Toolkit"
    GUIDE = "guide", "Guide"
    REPORT = "report", "Report"
    RESEARCH = "research-evidence", "Research and evidence"
    TEMPLATE = "template-tool", "Template or tool"
    VIDEO = "video", "Video"
    WEBINAR = "webinar-recording", "Webinar recording"
    PODCAST = "podcast", "Podcast"
    ARTICLE = "article", "Article"


class NetworkType(models.TextChoices):
    CLINICAL = "clinical-network", "Clinical network"
    PROVIDER_COLLABORATIVE = "provider-collaborative", "Provider collaborative"
    COMMUNITY_OF_PRACTICE = "community-of-practice", "Community of practice"
    IMPROVEMENT = "improvement-network", "Improvement network"
    VOLUNTARY_ALLIANCE = "voluntary-alliance", "Voluntary-sector alliance"
    OTHER = "other", "Other"
