"""Registries let an app further up the dependency chain contribute to one lower down (the
site's search, the home page, a member's data download) without the lower app importing it,
so dependencies point one way. Apps register in their AppConfig.ready()."""


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
