"""The thread page as a member sees it: the two buttons apart, a post's links on one line."""

import pytest

from .conftest import BROWSER_DB, force_sign_in
from .test_discussions import make_people

pytestmark = [pytest.mark.browser, BROWSER_DB]


def test_buttons_apart_and_post_links_on_one_line(base_site, live_server, page, context):
    author, _, _, thread = make_people()
    force_sign_in(context, live_server.url, author)
    page.goto(f"{live_server.url}{thread.get_absolute_url()}")
    save = page.get_by_role("button", name="Save this thread").bounding_box()
    email = page.get_by_role("button", name="Email me about replies").bounding_box()
    apart = (
        email["x"] - (save["x"] + save["width"])
        if email["y"] < save["y"] + save["height"]
        else (email["y"] - (save["y"] + save["height"]))
    )
    assert apart >= 8, f"the buttons are {apart}px apart"
    opening = page.locator("article.s4n-opening-post")
    quote = opening.get_by_role("link", name="Quote").bounding_box()
    edit = opening.get_by_role("link", name="Edit").bounding_box()
    assert abs(quote["y"] - edit["y"]) < 2, "Quote and Edit are on separate lines"


def test_buttons_line_up_with_the_page_on_a_phone(base_site, live_server, page, context):
    """At phone width the two buttons fill the column like every other button, not shifted left."""
    author, _, _, thread = make_people()
    force_sign_in(context, live_server.url, author)
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(f"{live_server.url}{thread.get_absolute_url()}")
    column = page.get_by_role("heading", level=1).bounding_box()
    for name in ["Save this thread", "Email me about replies"]:
        button = page.get_by_role("button", name=name).bounding_box()
        assert abs(button["x"] - column["x"]) < 1, f"{name} starts at {button['x']}px, the page at {column['x']}px"
        right = button["x"] + button["width"]
        assert abs(right - (column["x"] + column["width"])) < 1, f"{name} ends at {right}px"
