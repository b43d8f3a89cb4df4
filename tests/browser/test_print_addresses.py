"""On paper a link in a page's content shows its full address, the site's own included; in-page
links and the page's chrome do not."""

import pytest

from tests.browser.conftest import BROWSER_DB

pytestmark = [pytest.mark.browser, BROWSER_DB]

AFTER = "(selector) => getComputedStyle(document.querySelector(selector), '::after').content"


def test_printed_links_show_their_full_address(base_site, live_server, page, settings):
    from community.discussions.factories import SpaceFactory, make_thread
    from community.members.factories import make_member
    from resources.factories import ResourcePageFactory

    settings.SITE_URL = "https://networks.example.org"
    member = make_member(username="print-reader")
    thread = make_thread(SpaceFactory(name="General", slug="general"), member, title="On paper", replies=1)
    ResourcePageFactory(title="A printable guide")

    page.goto(f"{live_server.url}/resources/")
    page.emulate_media(media="print")
    content = page.evaluate(AFTER, 'main h3 a[href^="/resources/"]')
    assert content == '" (Link: https://networks.example.org/resources/a-printable-guide/)"', content
    page.emulate_media(media="screen")
    assert page.evaluate(AFTER, 'main h3 a[href^="/resources/"]') in ("none", "normal")

    page.goto(f"{live_server.url}{thread.get_absolute_url()}")
    page.emulate_media(media="print")
    content = page.evaluate(AFTER, 'main a[href^="/"]')
    assert content.startswith('" (Link: https://networks.example.org/'), content
    # A link within the page prints no address ("Link: #maincontent" means nothing on paper).
    assert page.evaluate(AFTER, ".nhsuk-skip-link") in ("none", "normal")
