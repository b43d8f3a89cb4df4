"""The admin screens the project adds to Wagtail (diagnostic instruments: listing, structured
editor, new survey and matrix, JSON import; the reports queue,
the moderation log and the review report) under axe-core, each with something in it. axe
checks the whole page, Wagtail's own menu and header included: they pass today, and a
violation there would reach the editors all the same."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.axe import axe_violations, describe_violations
from tests.browser.conftest import BROWSER_DB, VIEWPORT, sign_in
from tests.browser.test_admin_csp import ADMIN

pytestmark = [pytest.mark.browser, BROWSER_DB]


def admin_screens():
    """Make a reported post, a moderation log entry and an overdue resource; the screens to check."""
    from community.discussions import moderation
    from community.discussions.factories import SpaceFactory, make_thread
    from community.discussions.models import ModerationAction, PostReport
    from community.members.factories import make_member
    from diagnostics.models import Instrument
    from resources.factories import ResourcePageFactory

    author = make_member(username="admin-axe-author")
    thread = make_thread(SpaceFactory(), author, title="Sharing rota templates", replies=1)
    reply = thread.posts.filter(is_opening=False).first()
    PostReport.objects.create(post=reply, reporter=author, reason="Off topic for this space.")
    moderation.moderate_thread(None, thread, "lock", "Answered; locked to keep it tidy.")
    ResourcePageFactory(title="An old toolkit", review_by=timezone.localdate() - timedelta(days=30))
    instrument = Instrument.objects.order_by("pk").first()
    entry = ModerationAction.objects.order_by("-pk").first()
    return [
        ("instruments", "/admin/diagnostics/instruments/"),
        ("instrument editor", f"/admin/diagnostics/instruments/edit/{instrument.pk}/"),
        ("new survey", "/admin/diagnostics/instruments/new/"),
        ("new maturity matrix", "/admin/diagnostics/instruments/new/?kind=matrix"),
        ("instrument import", "/admin/diagnostics/instruments/import/"),
        ("reports queue", "/admin/discussions/reports/"),
        ("moderation log", "/admin/snippets/discussions/moderationaction/"),
        ("moderation log entry", f"/admin/snippets/discussions/moderationaction/inspect/{entry.pk}/"),
        ("review report", "/admin/reports/review-overdue/"),
    ]


def test_the_projects_admin_screens_have_no_axe_violations(browser, base_site, live_server):
    from community.members.factories import make_member

    administrator = make_member(username="ada.axe", user_fields={"is_superuser": True, "is_staff": True})
    screens = admin_screens()
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    context.set_default_timeout(ADMIN)
    problems = []
    try:
        page = context.new_page()
        sign_in(page, live_server.url, administrator)
        for name, path in screens:
            response = page.goto(f"{live_server.url}{path}", wait_until="load")
            if response.status != 200:
                problems.append(f"{name} ({path}): status {response.status}")
                continue
            violations = axe_violations(page)
            if violations:
                problems.append(describe_violations(violations, where=f"{name} ({path}): "))
    finally:
        context.close()
    assert not problems, "Accessibility problems in the admin:\n" + "\n".join(problems)
