"""The site looks like NHS.UK: its pages are set in the NHS font stack (Frutiger W01 where the
reader has it, then Arial, Helvetica, sans-serif), never in the browser's default serif, and
no font is downloaded (the NHS web font's domain is outside the site's policy)."""

import pytest

from tests.browser.conftest import BROWSER_DB

pytestmark = [pytest.mark.browser, BROWSER_DB]

NHS_FONT_STACK = ["frutiger w01", "arial", "helvetica", "sans-serif"]
PAGES = ["/", "/case-studies/", "/accounts/login/"]


def font_stack(page, selector):
    """The font families the element asks for, in order, lower case and unquoted."""
    families = page.locator(selector).first.evaluate("element => getComputedStyle(element).fontFamily")
    return [family.strip().strip("\"'").lower() for family in families.split(",")]


def test_pages_are_set_in_the_nhs_font_stack(base_site, page, site_url):
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    for path in PAGES:
        page.goto(site_url(path))
        for selector in ["body", "h1"]:
            stack = font_stack(page, selector)
            assert stack[: len(NHS_FONT_STACK)] == NHS_FONT_STACK, f"{path} {selector}: {stack}"
    assert not fonts, f"Fonts downloaded: {fonts}"
