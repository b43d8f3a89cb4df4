"""No horizontal scrolling on any page template of the catalogue (tests/page_catalogue.py and
tests/member_catalogue.py), signed in and out, at 320 CSS pixels wide (WCAG 1.4.10, reflow)
and at 1280 pixels with 400% zoom.

Zoom. A browser window 1280 device pixels wide at 400% zoom lays the page out in a viewport of
320 CSS pixels, with four device pixels to each CSS pixel: that is what Chromium does when a
person zooms, and what a 320-pixel viewport with `device_scale_factor=4` emulates (CSS `zoom`
on the root would instead scale the page inside an unchanged 1280-pixel viewport, and media
queries would not see a narrow screen). The zoomed window is also short: 1024 pixels high at
400% leaves 256 CSS pixels, which catches a header or banner that fixes its height.

Content that scrolls inside its own container (a wide table in a scrolling wrapper) is
allowed: it does not widen the document. When the document is wider than the window, the
message names the elements that stick out, widest first."""

import pytest

from tests.browser.conftest import BROWSER_DB, force_sign_in, sign_in
from tests.browser.test_accessibility import visit
from tests.member_catalogue import UNVERIFIED

pytestmark = [pytest.mark.browser, BROWSER_DB]

REFLOW = {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1}
ZOOM_400 = {"viewport": {"width": 320, "height": 256}, "device_scale_factor": 4}

# The document's width against the window's, and the elements that reach past the window's
# right edge without a scrolling ancestor to hold them (the outermost of each such branch).
OVERFLOW = """() => {
    const width = window.innerWidth;
    const scrolls = (el) => {
        for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
            const x = getComputedStyle(node).overflowX;
            if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
        }
        return false;
    };
    const describe = (el) => {
        let text = el.tagName.toLowerCase();
        if (el.id) text += "#" + el.id;
        if (typeof el.className === "string" && el.className.trim()) {
            text += "." + el.className.trim().split(/\\s+/).join(".");
        }
        return `${text} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
    };
    const wide = [...document.body.querySelectorAll("*")].filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !scrolls(el)
            && getComputedStyle(el).position !== "fixed";
    });
    const outermost = wide.filter((el) => !wide.includes(el.parentElement));
    outermost.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: width,
        offenders: outermost.slice(0, 5).map(describe),
    };
}"""


def overflow_problems(page, entry, url, label):
    response = visit(page, entry, url)
    where = f"{entry.name}{label} ({entry.url[:80]})"
    if response is None or response.status >= 500:
        return [f"{where}: no page ({response.status if response else 'no response'})"]
    # The header's script, started after the page loads, folds the links that do not fit into a
    # "More" menu: measure once it has run.
    if page.locator("header[data-module=nhsuk-header]").count():
        page.wait_for_selector("header[data-nhsuk-header-init]", state="attached")
    found = page.evaluate(OVERFLOW)
    if found["scrollWidth"] <= found["innerWidth"]:
        return []
    return [
        f"{where}: the document is {found['scrollWidth']}px wide in a {found['innerWidth']}px window; "
        f"sticking out: {', '.join(found['offenders']) or 'nothing found'}"
    ]


def check_reflow(entries, browser, browser_context_args, catalogue, site_url):
    """Problems on `entries` at 320 pixels and at 400% zoom: one browser context per viewer
    and setting, each page reused for all that viewer's entries."""
    problems = []
    for label, settings in ((" at 320px", REFLOW), (" at 400% zoom", ZOOM_400)):
        viewers = {}
        contexts = []
        try:
            for role in [None, *sorted({entry.user for entry in entries if entry.user})]:
                context = browser.new_context(**{**browser_context_args, **settings})
                contexts.append(context)
                page = context.new_page()
                if role == UNVERIFIED:
                    force_sign_in(context, site_url(""), catalogue.users[role])
                elif role:
                    sign_in(page, site_url(""), catalogue.users[role])
                viewers[role] = page
            for entry in entries:
                problems += overflow_problems(viewers[entry.user], entry, site_url(entry.url), label)
        finally:
            for context in contexts:
                context.close()
    return problems


def test_every_page_template_reflows_at_320_pixels_and_400_percent_zoom(
    browser, browser_context_args, catalogue, site_url
):
    problems = check_reflow(catalogue.entries, browser, browser_context_args, catalogue, site_url)
    assert not problems, "Pages that scroll sideways:\n" + "\n".join(problems)
