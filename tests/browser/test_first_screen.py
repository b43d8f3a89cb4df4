"""Phones first: on a phone (375 × 667 CSS pixels) the first result of every listing is in the
first screen, with the filters folded behind a "Filter" disclosure, and a network page's join
button is near the top."""

import pytest

from tests.browser.conftest import BROWSER_DB
from tests.member_catalogue import INVITEE, MEMBER

pytestmark = [pytest.mark.browser, BROWSER_DB]

PHONE = {"width": 375, "height": 667}

LIBRARY_RESULT = "main ul[aria-labelledby='results-count'] > li"
DIRECTORY_RESULT = "main .s4n-result-count ~ .nhsuk-card"
SEARCH_RESULT = "#search-results > li"

# (catalogue entry, who views it, where its first result is)
LISTINGS = [
    ("resource index", None, LIBRARY_RESULT),
    ("resource index, filtered", None, LIBRARY_RESULT),
    ("case study index", None, LIBRARY_RESULT),
    ("case study index, filtered", None, LIBRARY_RESULT),
    ("event index, upcoming", None, LIBRARY_RESULT),
    ("event index, past", None, LIBRARY_RESULT),
    ("networks directory", None, DIRECTORY_RESULT),
    ("networks directory, filtered", None, DIRECTORY_RESULT),
    ("member directory", MEMBER, DIRECTORY_RESULT),
    ("member directory, filtered", MEMBER, DIRECTORY_RESULT),
    ("search, with results", None, SEARCH_RESULT),
    ("search, one type", None, SEARCH_RESULT),
]


def top_on_page(locator):
    """The element's top, in CSS pixels from the top of the page (not of the viewport)."""
    return locator.evaluate("(element) => element.getBoundingClientRect().top + window.scrollY")


def test_first_result_of_every_listing_is_in_the_first_screen(page, signed_in_page, catalogue, site_url):
    pages = {None: page, MEMBER: signed_in_page(catalogue.users[MEMBER])}
    problems = []
    for name, viewer, selector in LISTINGS:
        browser_page = pages[viewer]
        browser_page.set_viewport_size(PHONE)
        browser_page.goto(site_url(catalogue.url(name)))
        results = browser_page.locator(selector)
        if results.count() == 0:
            problems.append(f"{name}: no results to measure")
            continue
        top = top_on_page(results.first)
        if top >= PHONE["height"]:
            problems.append(f"{name}: the first result starts {top:.0f} px down, below the first screen")
        # The filters are there, folded: one tap on "Filter" shows them.
        summary = browser_page.locator("main details summary", has_text="Filter")
        if summary.count() != 1 or summary.locator("..").get_attribute("open") is not None:
            problems.append(f"{name}: no folded Filter disclosure")
    assert not problems, "\n".join(problems)


def test_filter_summary_counts_the_active_filters(page, catalogue, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url("/resources/?type=toolkit&type=guide&topic=governance"))
    summary = page.locator("main details summary")
    assert summary.inner_text().strip() == "Filter (3 active)"
    form = page.locator("main form")
    assert not form.is_visible()
    summary.click()
    assert form.is_visible()
    assert form.get_by_label("Toolkit", exact=True).is_checked()


def test_network_page_join_button_is_near_the_top(signed_in_page, catalogue, site_url):
    page = signed_in_page(catalogue.users[INVITEE])
    page.set_viewport_size(PHONE)
    page.goto(site_url(catalogue.url("network page, not a member")))
    button = page.get_by_role("button", name="Ask to join")
    assert top_on_page(button) + button.bounding_box()["height"] <= PHONE["height"]
