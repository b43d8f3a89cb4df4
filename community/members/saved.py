"""Saving things to read later. Pages whose type says `saveable = True` (resources, case
studies, events) are saved here; other apps add sections of their own saved things (threads)
to the saved items page through `saved_sections`."""

from dataclasses import dataclass
from typing import Any

from community.members.models import SavedItem
from source4networks.registry import Registry


@dataclass(frozen=True)
class SavedSection:
    """Saved things of another kind, shown on the saved items page below the saved pages."""

    template: str  # renders `items`
    items: Any  # (user) -> the member's saved rows, newest first, only those they may still see


saved_sections = Registry()


def is_saveable(page):
    return getattr(page.specific_class, "saveable", False)


def is_saved(user, page):
    if not user.is_authenticated:
        return False
    return SavedItem.objects.filter(user=user, page_id=page.pk).exists()


def saved_pages(user):
    """The member's saved pages that are still published, newest first."""
    return SavedItem.objects.filter(user=user, page__live=True).order_by("-created_at")


def saved_count(user):
    """How many things the member has saved, of every kind: what the saved items page lists."""
    return saved_pages(user).count() + sum(section.items(user).count() for section in saved_sections)
