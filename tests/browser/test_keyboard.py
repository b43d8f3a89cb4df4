"""The header works by keyboard, under the site's real Content-Security-Policy; every Tab stop on
the journeys' pages shows where focus is."""

from datetime import timedelta

import pytest

from tests.browser.conftest import BROWSER_DB, sign_in

pytestmark = [pytest.mark.browser, BROWSER_DB]

# How many Tab presses from the top of the page may pass before the first header link that
# is not the logo; generous, so adding a header link does not break the test.
MAX_TABS = 20

DESCRIBE_FOCUS = """() => {
    const el = document.activeElement;
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim(),
        href: el.getAttribute("href"),
        className: el.className && el.className.baseVal === undefined ? el.className : "",
        inHeader: !!el.closest("header"),
        inNav: !!el.closest("header nav"),
        inMain: !!el.closest("main"),
    };
}"""


@pytest.fixture
def strict_page(browser):
    """A page in a context that keeps the site's CSP (the default `page` bypasses it for
    axe-core), recording script errors and console errors (CSP violations among them; the
    NHS.UK frontend reports there the components it cannot start)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            page.problems.append(f"console: {message.text}")
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    yield page
    context.close()


def focused(page):
    return page.evaluate(DESCRIBE_FOCUS)


def test_header_navigation_and_skip_link_by_keyboard(strict_page, base_site, site_url):
    page = strict_page
    page.goto(site_url("/"))
    # The NHS.UK frontend's script ran under the CSP (the inline script's hash and the module file).
    assert "nhsuk-frontend-supported" in page.locator("body").get_attribute("class")

    # Tab from the top: the skip link first, then the header's links, up to "Resources".
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Skip to main content" and first["href"] == "#maincontent", first
    path = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        path.append(now)
        if now["inNav"] and now["text"] == "Resources":
            break
    else:
        pytest.fail(f"'Resources' in the header navigation not reached in {MAX_TABS} Tab presses: {path}")
    assert all(step["inHeader"] for step in path), f"Focus left the header before the navigation: {path}"
    assert path[0]["href"] == "/", f"The header's home link should come right after the skip link: {path}"

    # Enter follows the link.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url("/resources/")
    assert page.get_by_role("heading", level=1).inner_text() == "Resources"

    # The skip link moves focus to the main content; the next Tab stays inside it.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "maincontent"
    page.keyboard.press("Tab")
    assert focused(page)["inMain"], focused(page)

    assert not page.problems, "\n".join(page.problems)


def test_header_menu_by_keyboard_at_phone_width(strict_page, base_site, site_url):
    """On a narrow screen the header script moves the links that do not fit into a "More"
    menu: it opens with the keyboard and its links can be reached and followed."""
    page = strict_page
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site_url("/"))
    toggle = page.locator("header .nhsuk-header__menu-toggle")
    assert toggle.is_visible(), "The header's 'More' menu does not show at phone width"
    overflowing = page.evaluate(
        "() => [...document.querySelectorAll('header nav a')]"
        ".filter((a) => a.getBoundingClientRect().right > window.innerWidth).map((a) => a.innerText)"
    )
    assert not overflowing, f"Header links run off the screen: {overflowing}"

    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused(page)["className"].find("nhsuk-header__menu-toggle") >= 0:
            break
    else:
        pytest.fail(f"The 'More' menu button not reached in {MAX_TABS} Tab presses")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    in_menu = focused(page)
    assert in_menu["inNav"] and in_menu["href"], in_menu
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url(in_menu["href"])
    assert not page.problems, "\n".join(page.problems)


def test_skip_link_without_javascript(browser, base_site, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url("/resources/"))
        page.keyboard.press("Tab")
        assert focused(page)["text"] == "Skip to main content"
        page.keyboard.press("Enter")
        page.wait_for_url("**/resources/#maincontent")
        # Without the script nothing takes focus, but the next Tab starts from the main content.
        page.keyboard.press("Tab")
        assert focused(page)["inMain"], focused(page)
    finally:
        context.close()


# Tab stops per page before giving up; the longest journey page (the resource filters) has
# fewer than this.
MAX_STOPS = 120

# Each focusable element's look before anything has focus, kept on the element itself. For a
# check box or radio the look is its label's box (`::before`): the input itself is hidden.
RECORD_UNFOCUSED = """() => {
    const look = (el) => {
        const target = el.matches("input[type=checkbox], input[type=radio]") && el.labels && el.labels[0];
        const style = target ? getComputedStyle(target, "::before") : getComputedStyle(el);
        return {
            outline: style.outlineStyle === "none" || style.outlineColor === "rgba(0, 0, 0, 0)"
                || parseFloat(style.outlineWidth) === 0
                ? "none" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            shadow: style.boxShadow,
            background: style.backgroundColor,
        };
    };
    window.__lookOf = look;
    for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")) {
        el.__unfocused = look(el);
    }
}"""

# What has focus now, and whether its outline, shadow or background differs from unfocused.
FOCUS_STOP = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const before = el.__unfocused;
    const now = window.__lookOf(el);
    const label = (el.innerText || el.value || el.getAttribute("aria-label") || el.name || el.id || "").trim();
    return {
        element: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${label.slice(0, 40)}"`,
        visible: !before
            || (now.outline !== "none" && now.outline !== before.outline)
            || (now.shadow !== "none" && now.shadow !== before.shadow)
            || now.background !== before.background,
    };
}"""


def unfocused_stops(page, where):
    """Tab through the whole page from the top; the stops whose focus does not show."""
    page.evaluate(RECORD_UNFOCUSED)
    seen, hidden = [], []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STOP)
        if stop is None or (seen and stop["element"] == seen[0]):
            break  # back at the address bar, or round again
        seen.append(stop["element"])
        if not stop["visible"]:
            hidden.append(f"{where}: {stop['element']}")
    assert len(seen) > 3, f"{where}: Tab reached only {seen}"
    return hidden


def test_every_tab_stop_on_the_journeys_shows_focus(browser, base_site, site_url):
    """Sign-up, filters, a network's join button, and starting and replying to a thread: each
    Tab stop on their pages shows where focus is (an outline, shadow or background that the
    element does not have unfocused)."""
    from community.discussions.factories import SpaceFactory, make_thread
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory

    member = make_member(username="focus-member")
    member.date_joined = member.date_joined - timedelta(days=30)  # past the new members' wait
    member.save()
    network = NetworkFactory(name="Focus network", slug="focus-network")
    space = SpaceFactory(name="General", slug="general")
    thread = make_thread(space, member, title="Keeping focus", replies=1)
    hidden = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for path in ["/accounts/signup/", "/resources/", "/case-studies/", "/networks/", "/events/"]:
            page.goto(site_url(path))
            hidden += unfocused_stops(page, path)
        sign_in(page, site_url(""), member)
        for path in [network.get_absolute_url(), f"/community/{space.slug}/new/", thread.get_absolute_url()]:
            page.goto(site_url(path))
            hidden += unfocused_stops(page, path)
    finally:
        context.close()
    assert not hidden, "Tab stops with no visible focus:\n" + "\n".join(hidden)
