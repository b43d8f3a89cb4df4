"""The header works by keyboard, under the site's real Content-Security-Policy."""

import pytest

from tests.browser.conftest import BROWSER_DB

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
