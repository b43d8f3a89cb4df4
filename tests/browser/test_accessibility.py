"""Zero axe-core WCAG 2.2 A/AA violations on every page template (tests/page_catalogue.py),
at desktop width, and on a few pages again at phone width (where the header's navigation
collapses into a menu). Signed-in entries are visited by a browser signed in as their user;
form entries are visited by posting their data through the page's own form."""

from urllib.parse import urlsplit

import pytest

from tests.browser.axe import axe_violations, describe_violations
from tests.browser.conftest import BROWSER_DB
from tests.member_catalogue import UNVERIFIED

pytestmark = [pytest.mark.browser, BROWSER_DB]

PHONE = {"width": 375, "height": 812}
CHECKED_AT_PHONE_WIDTH = [
    "home",
    "resource index, filtered",
    "resource page",
    "search, with results",
    "home, signed in",
    "network page, leader",
    "member directory, filtered",
    "my account",
]

# Fill the fields named in `data` in the form holding them (the page's main form otherwise)
# and submit it as the browser would, without its own validation: the server's errors show.
# A name in `data` that is a submit button's is the button the form is submitted with.
SUBMIT_FORM = """(data) => {
    const names = Object.keys(data);
    const forms = [...document.querySelectorAll("main form[method=post]")];
    const form = forms.find((f) => names.every((name) => f.elements[name])) || forms[0];
    let submitter = null;
    for (const name of names) {
        const element = form.elements[name];
        if (element.type === "submit") submitter = element;
        else element.value = data[name];
    }
    form.noValidate = true;
    form.requestSubmit(submitter);
}"""


def visit(page, entry, url):
    """Load the entry's page (posting its form data if it has any); the response or None."""
    if entry.post is None:
        return page.goto(url)
    page.goto(url)
    with page.expect_navigation() as navigation:
        page.evaluate(SUBMIT_FORM, entry.post)
    return navigation.value


def check(page, entry, url, label=""):
    """Problems with one page: a wrong status, or axe-core's violations."""
    where = f"{entry.name}{label} ({entry.url[:80]}): "
    response = visit(page, entry, url)
    if response is None or response.status != entry.status:
        status = response.status if response else "no response"
        problems = [f"{where}status {status}, expected {entry.status}"]
        if response is None or response.status >= 500:
            return problems
    else:
        problems = []
    if urlsplit(page.url).path != urlsplit(url).path:
        problems.append(f"{where}ended at {page.url}, not at the page asked for")
    if entry.error and not page.title().startswith("Error: "):
        problems.append(f"{where}no error reported (title {page.title()!r})")
    violations = axe_violations(page)
    if violations:
        problems.append(describe_violations(violations, where=where))
    return problems


def check_entries(entries, page, signed_in_page, catalogue, site_url):
    """Problems on `entries`, each visited by a browser signed in as its user (or `page`, a
    visitor's), at desktop width, then those of CHECKED_AT_PHONE_WIDTH at phone width."""
    pages = {None: page}
    for role in sorted({entry.user for entry in entries if entry.user}):
        # A member who has not verified their email cannot sign in through the form.
        pages[role] = signed_in_page(catalogue.users[role], form=role != UNVERIFIED)
    problems = []
    for entry in entries:
        problems += check(pages[entry.user], entry, site_url(entry.url))
    for viewer in pages.values():
        viewer.set_viewport_size(PHONE)
    for entry in entries:
        if entry.name in CHECKED_AT_PHONE_WIDTH:
            problems += check(pages[entry.user], entry, site_url(entry.url), label=" at phone width")
    return problems


def test_every_page_template_has_no_axe_violations(page, signed_in_page, catalogue, site_url):
    """The library's and the site's pages; tests/browser/test_accessibility_members.py checks the
    members-and-networks pages (a separate file, so that `-n 2` runs the two halves at once)."""
    entries = [entry for entry in catalogue.entries if entry not in catalogue.member_entries]
    problems = check_entries(entries, page, signed_in_page, catalogue, site_url)
    assert not problems, "Accessibility problems:\n" + "\n".join(problems)
