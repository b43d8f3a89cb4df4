"""Zero axe-core WCAG 2.2 A/AA violations on every page template (tests/page_catalogue.py),
at desktop width, and on a few pages again at phone width (where the header's navigation
collapses into a menu)."""

import pytest

from tests.browser.axe import axe_violations, describe_violations
from tests.browser.conftest import BROWSER_DB

pytestmark = [pytest.mark.browser, BROWSER_DB]

PHONE = {"width": 375, "height": 812}
CHECKED_AT_PHONE_WIDTH = ["home", "resource index, filtered", "resource page", "search, with results"]


def check(page, entry, url, label=""):
    """Problems with one page: a wrong status, or axe-core's violations."""
    where = f"{entry.name}{label} ({entry.url[:80]}): "
    response = page.goto(url)
    if response is None or response.status != entry.status:
        status = response.status if response else "no response"
        problems = [f"{where}status {status}, expected {entry.status}"]
        if response is None or response.status >= 500:
            return problems
    else:
        problems = []
    violations = axe_violations(page)
    if violations:
        problems.append(describe_violations(violations, where=where))
    return problems


def test_every_page_template_has_no_axe_violations(page, catalogue, site_url):
    problems = []
    for entry in catalogue.entries:
        problems += check(page, entry, site_url(entry.url))
    page.set_viewport_size(PHONE)
    for entry in catalogue.entries:
        if entry.name in CHECKED_AT_PHONE_WIDTH:
            problems += check(page, entry, site_url(entry.url), label=" at phone width")
    assert not problems, "Accessibility problems:\n" + "\n".join(problems)
