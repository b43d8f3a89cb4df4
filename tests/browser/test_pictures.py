"""Pictures keep their shape: on a phone and on a desktop, every picture on the pages that show
one (a case study card, a case study, a picture in a page's body) is drawn with the proportions
of the picture itself, not stretched to its width and height attributes."""

import pytest

from tests.browser.conftest import BROWSER_DB

pytestmark = [pytest.mark.browser, BROWSER_DB]

SCREENS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 900}}
PAGES = ["case study index", "case study page", "standard page"]
# Lighthouse's own allowance before it calls a picture stretched is 5%.
TOLERANCE = 0.02

DRAWN = """(img) => ({
    src: img.currentSrc, drawn: img.clientWidth / img.clientHeight, natural: img.naturalWidth / img.naturalHeight
})"""


def test_pictures_are_drawn_in_their_own_proportions(page, catalogue, site_url):
    problems, seen = [], 0
    for screen, size in SCREENS.items():
        page.set_viewport_size(size)
        for name in PAGES:
            page.goto(site_url(catalogue.url(name)))
            for img in page.locator("main picture img").all():
                img.scroll_into_view_if_needed()  # pictures below the first screen load lazily
                page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle())
                found = img.evaluate(DRAWN)
                seen += 1
                if abs(found["drawn"] - found["natural"]) / found["natural"] > TOLERANCE:
                    problems.append(
                        f"{screen}, {name}: {found['src']} drawn at {found['drawn']:.2f}, "
                        f"its own proportions are {found['natural']:.2f}"
                    )
    assert seen >= len(SCREENS) * len(PAGES), f"only {seen} pictures found"
    assert not problems, "\n".join(problems)
