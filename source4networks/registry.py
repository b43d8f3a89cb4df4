"""Registries let an app further up the dependency chain contribute to one lower down (the
site's search, the home page, a member's data download) without the lower app importing it,
so dependencies point one way. Apps register in their AppConfig.ready()."""

from collections.abc import Callable
from dataclasses import dataclass


class Registry:
    """An ordered set of contributions: functions or small objects, each registered once."""

    def __init__(self):
        self._items = []

    def register(self, item):
        """Add `item` (usable as a decorator); registering the same item again does nothing."""
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)


@dataclass(frozen=True)
class PageSection:
    """A part of a lower app's page that a higher app fills (my diagnostics on the account
    overview, open rounds on a network page): `context(...)` gives the dict `template`
    renders as `section`, or None when there is nothing to show."""

    template: str
    context: Callable[..., dict | None]


def filled_sections(sections, *args):
    """[{"template", "context"}] of the registered `sections` that have something to show
    given `args` (what the page passes to each section's context function)."""
    filled = []
    for section in sections:
        context = section.context(*args)
        if context is not None:
            filled.append({"template": section.template, "context": context})
    return filled
