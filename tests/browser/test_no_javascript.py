"""Filtering the library works with JavaScript turned off: the filter forms are plain GET forms."""

import re

import pytest

from tests.browser.conftest import BROWSER_DB

pytestmark = [pytest.mark.browser, BROWSER_DB]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def result_titles(page):
    """The headings of the results: the list labelled by the result count."""
    results = page.locator("main [aria-labelledby='results-count']")
    return [title.strip() for title in results.get_by_role("heading").all_inner_texts()]


def count_text(page):
    return page.locator("#results-count").inner_text().strip()


def open_filters(page):
    """Unfold the filters: a <details> element opens without JavaScript."""
    page.locator("main details summary", has_text="Filter").click()


def apply_filters(page):
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name="Apply filters").click()


def test_resource_library_filters_without_javascript(no_js_page, catalogue, site_url):
    from resources.models import ResourcePage

    page = no_js_page
    page.goto(site_url("/resources/"))
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    assert count_text(page) == f"{len(catalogue.resources)} resources"

    # Tick one resource type.
    open_filters(page)
    form = page.locator("main form")
    form.get_by_label("Toolkit", exact=True).check()
    apply_filters(page)
    toolkits = ResourcePage.objects.live().filter(resource_type="toolkit")
    assert "type=toolkit" in page.url
    assert count_text(page) == f"{toolkits.count()} resources"
    assert sorted(result_titles(page)) == sorted(toolkits.values_list("title", flat=True))
    assert page.locator("main form").get_by_label("Toolkit", exact=True).is_checked()  # the choice is kept

    # Narrow further with a select: the topic.
    open_filters(page)
    page.locator("main form").get_by_label("Topic").select_option(label="governance")
    apply_filters(page)
    both = toolkits.filter(tagged_topics__tag__slug="governance").distinct()
    assert re.search(r"topic=governance", page.url)
    expected = both.count()
    assert count_text(page) == f"{expected} {'resource' if expected == 1 else 'resources'}"
    assert sorted(result_titles(page)) == sorted(both.values_list("title", flat=True))

    # "Clear filters" brings back everything.
    with page.expect_navigation():
        page.get_by_role("link", name="Clear filters").click()
    assert count_text(page) == f"{len(catalogue.resources)} resources"


def test_case_study_filters_without_javascript(no_js_page, catalogue, site_url):
    from casestudies.models import CaseStudyPage

    page = no_js_page
    page.goto(site_url("/case-studies/"))
    assert count_text(page) == f"{len(catalogue.case_studies)} case studies"

    open_filters(page)
    page.locator("main form").get_by_label("Housing", exact=True).check()
    apply_filters(page)
    housing = CaseStudyPage.objects.live().filter(sectors__slug="housing").distinct()
    assert "sector=housing" in page.url
    assert 0 < housing.count() < len(catalogue.case_studies)
    assert count_text(page) == f"{housing.count()} case {'study' if housing.count() == 1 else 'studies'}"
    assert sorted(result_titles(page)) == sorted(housing.values_list("title", flat=True))

    open_filters(page)
    page.locator("main form").get_by_label("Region").select_option(label="North West")
    apply_filters(page)
    north_west = housing.filter(region__slug="north-west")
    assert "region=north-west" in page.url
    assert count_text(page) == f"{north_west.count()} case {'study' if north_west.count() == 1 else 'studies'}"
    assert sorted(result_titles(page)) == sorted(north_west.values_list("title", flat=True))
    assert catalogue.case_study.title in result_titles(page)
