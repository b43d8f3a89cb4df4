"""The Wagtail admin under its own Content Security Policy (CONTENT_SECURITY_POLICY_ADMIN), in a
browser that enforces it: the pages editors use most load with no violation and ask nothing of
another origin (avatars are initials, not pictures from an avatar service)."""

from urllib.parse import urlsplit

import pytest

from community.members.factories import make_member
from tests.browser.conftest import BROWSER_DB, VIEWPORT, sign_in
from tests.browser.test_csp import COLLECT_VIOLATIONS, parse_policy

pytestmark = [pytest.mark.browser, BROWSER_DB]

# The admin's pages are heavy: on a busy machine they take longer than the default 30 seconds.
ADMIN = 60_000


def admin_pages(catalogue):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    document = get_document_model().objects.first()
    return [
        ("dashboard", "/admin/"),
        ("page explorer", f"/admin/pages/{catalogue.home.pk}/"),
        ("resource editor", f"/admin/pages/{catalogue.resource.pk}/edit/"),
        ("case study editor", f"/admin/pages/{catalogue.case_study.pk}/edit/"),
        ("image listing", "/admin/images/"),
        ("image editor", f"/admin/images/{image.pk}/"),
        ("document listing", "/admin/documents/"),
        ("document editor", f"/admin/documents/edit/{document.pk}/"),
        ("users (avatars)", "/admin/users/"),
        ("account (avatar)", "/admin/account/"),
    ]


def test_admin_pages_break_no_policy_and_stay_on_the_site(browser, catalogue, live_server):
    origin = urlsplit(live_server.url).netloc
    administrator = make_member(username="ada.admin", user_fields={"is_superuser": True, "is_staff": True})
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(ADMIN)
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    console, elsewhere = [], []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if urlsplit(request.url).scheme in ("http", "https", "ws", "wss") and urlsplit(request.url).netloc != origin
            else None
        ),
    )
    problems = []
    try:
        sign_in(page, live_server.url, administrator)
        for name, path in admin_pages(catalogue):
            console.clear()
            elsewhere.clear()
            response = page.goto(f"{live_server.url}{path}", wait_until="load")
            page.wait_for_load_state("networkidle")
            if response.status != 200:
                problems.append(f"{name} ({path}): status {response.status}")
            policy = parse_policy(response.headers.get("content-security-policy", ""))
            if "https:" in policy.get("img-src", []) or "https:" in policy.get("frame-src", []):
                problems.append(f"{name}: the admin policy allows images or frames from any site")
            if policy.get("object-src") != ["'none'"]:
                problems.append(f"{name}: object-src is not 'none'")
            violations = page.evaluate("window.__cspViolations || []")
            problems += [f"{name}: {text}" for text in violations + console]
            problems += [f"{name}: asked another origin for {url}" for url in elsewhere]
            avatars = page.locator("img.avatar, .avatar img").evaluate_all("imgs => imgs.map(i => i.src)")
            problems += [f"{name}: avatar from {src}" for src in avatars if urlsplit(src).netloc not in ("", origin)]
    finally:
        context.close()
    assert not problems, "Admin Content Security Policy problems:\n" + "\n".join(problems)
