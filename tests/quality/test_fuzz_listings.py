"""Property-based tests of every listing's query string: oversized, wrong-typed, Unicode-heavy
(right-to-left, combining marks, emoji, NUL and control characters, invalid UTF-8 such as an
encoded lone surrogate), repeated and missing parameters. Never a server error: the listing
answers 200, or a 4xx on the site's own page."""

from dataclasses import dataclass

from django.core.cache import cache
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.quality.fuzz import FUZZ_SETTINGS, encode, form_data, tally
from tests.quality.permission_matrix import NET, SCORECARD, build_world

LIBRARY = {
    "q": ["network", "toolkit"],
    "type": ["toolkit", "guide"],
    "topic": ["leadership"],
    "sector": ["health"],
    "region": ["london"],
    "network_type": ["clinical-network"],
    "sort": ["newest", "title", "relevance"],
    "when": ["past", "upcoming"],
    "page": ["1", "2", "last", "0", "-1"],
}


def keys(*names):
    return {name: LIBRARY.get(name, ["1"]) for name in names}


@dataclass
class Listing:
    name: str
    url: object  # the world -> the address
    params: dict
    user: str | None = None
    styled: bool = True  # a 4xx answer is the site's own page (not for feeds and files)


LISTINGS = [
    Listing("resources", lambda w: "/resources/", keys("q", "type", "topic", "sector", "sort", "page")),
    Listing(
        "case studies",
        lambda w: "/case-studies/",
        keys("q", "sector", "region", "network_type", "topic", "sort", "page"),
    ),
    Listing("events", lambda w: "/events/", keys("q", "when", "topic", "sort", "page")),
    Listing("resources feed", lambda w: "/resources/feed/", keys("q", "type", "topic", "page"), styled=False),
    Listing("search", lambda w: "/search/", keys("q", "type", "page")),
    Listing("networks directory", lambda w: "/networks/", keys("q", "type", "region", "sector", "topic", "page")),
    Listing(
        "member directory",
        lambda w: "/community/members/",
        keys("q", "region", "sector", "interest", "page"),
        user="member",
    ),
    Listing("community home", lambda w: "/community/", keys("page")),
    Listing("discussion space", lambda w: "/community/pm-open/", keys("page"), user="member"),
    Listing(
        "thread",
        lambda w: f"/community/pm-open/threads/{w.open_thread.pk}/",
        keys("page"),
        user="moderator",
    ),
    Listing(
        "reply form (quote)",
        lambda w: f"/community/pm-open/threads/{w.open_thread.pk}/reply/",
        {"quote": ["1", str(2**70)]},
        user="member",
    ),
    Listing("my saved items", lambda w: "/account/saved/", keys("page", "type"), user="member"),
    Listing("network members", lambda w: f"/networks/{NET}/members/", keys("page"), user="leader"),
    Listing("diagnostics", lambda w: "/diagnostics/", keys("page")),
    Listing("diagnostic section", lambda w: f"/diagnostics/{SCORECARD}/section/1/", {"return": ["check"]}),
    Listing("network rounds", lambda w: f"/diagnostics/networks/{NET}/rounds/", keys("page"), user="leader"),
    Listing(
        "open a round (instrument chosen)",
        lambda w: f"/diagnostics/networks/{NET}/rounds/new/",
        {"instrument": [SCORECARD, "1"]},
        user="leader",
    ),
]


class ListingQueryStringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def fetch(self, listing, values, unknown):
        cache.clear()
        self.client.logout()
        if listing.user:
            self.client.force_login(self.world.people[listing.user])
        query = encode(values, unknown)
        url = listing.url(self.world)
        response = self.client.get(f"{url}?{query}" if query else url)
        status = response.status_code
        self.assertLess(status, 500, f"{listing.name}: server error for ?{query}")
        if status >= 400 and listing.styled:
            self.assertIn(b"nhsuk-header", response.content, f"{listing.name}: unstyled {status} for ?{query}")
        tally(f"listing {listing.name}", "ok" if status == 200 else f"status {status}")


def _explicit(listing):
    """Every parameter invalid UTF-8 (an encoded lone surrogate), or 10,000 combining marks
    after a right-to-left override; then each parameter in turn NUL-laden while the others
    hold a sample value."""
    sample = {name: values[:1] for name, values in listing.params.items()}
    shapes = [
        dict.fromkeys(listing.params, [b"\xed\xa0\x80"]),
        dict.fromkeys(listing.params, ["\u202e" + "\u0301" * 10_000]),
    ]
    shapes += [{**sample, name: ["a\x00b"]} for name in listing.params]
    return [(shape, []) for shape in shapes]


def _listing_test(listing):
    @FUZZ_SETTINGS
    @given(data=form_data(listing.params))
    def test(self, data):
        self.fetch(listing, *data)

    for shape in _explicit(listing):
        test = example(data=shape)(test)

    test.__name__ = "test_" + "".join(ch if ch.isalnum() else "_" for ch in listing.name)
    test.__doc__ = f"The {listing.name} listing never answers a query string with a server error."
    return test


for _listing in LISTINGS:
    _test = _listing_test(_listing)
    setattr(ListingQueryStringTests, _test.__name__, _test)


class RepeatedAndEmptyParameterTests(TestCase):
    """A few fixed shapes hypothesis may not reach: every parameter empty, or each given twice."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    @FUZZ_SETTINGS
    @given(listing=st.sampled_from([entry for entry in LISTINGS if not entry.user]), twice=st.booleans())
    def test_every_parameter_empty_or_twice(self, listing, twice):
        values = {name: (samples[:1] * 2 if twice else [""]) for name, samples in listing.params.items()}
        ListingQueryStringTests.fetch(self, listing, values, [])
