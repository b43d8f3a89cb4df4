"""Saving library pages (resources, case studies, events) to read later. Threads are saved
separately, as SavedThread in the discussions."""

from django.contrib.contenttypes.models import ContentType

from .models import SavedItem

SAVEABLE_PAGE_TYPES = ("resources.resourcepage", "casestudies.casestudypage", "resources.eventpage")


def is_saveable(page):
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return f"{content_type.app_label}.{content_type.model}" in SAVEABLE_PAGE_TYPES


def is_saved(user, page):
    if not user.is_authenticated:
        return False
    return SavedItem.objects.filter(user=user, page_id=page.pk).exists()
