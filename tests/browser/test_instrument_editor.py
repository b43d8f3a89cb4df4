"""Editing an instrument through the real Wagtail admin, as an editor, under the admin's own
Content Security Policy: open the published scorecard, add a statement to its first dimension
with Wagtail's block UI, save with a key that is taken (refused: the problem is named at the top
and beside the key, nothing saved), correct it and save again; version 2 appears in the
versions list with "statement … added", and the survey asks the new statement."""

import pytest
from playwright.sync_api import expect

from community.members.factories import make_member
from tests.browser.conftest import BROWSER_DB, VIEWPORT, sign_in
from tests.browser.test_csp import COLLECT_VIOLATIONS

pytestmark = [pytest.mark.browser, BROWSER_DB]

# The admin's pages are heavy: on a busy machine they take longer than expect()'s 5 seconds.
ADMIN = 60_000
STATEMENT = "Members could explain the network's purpose to a newcomer in one sentence."


def test_an_editor_adds_a_statement_and_a_new_version_appears(browser, base_site, live_server):
    from diagnostics.models import Instrument

    editor = make_member(username="eddie.editor", groups=["Editors"])
    instrument = Instrument.objects.get(slug="network-health-scorecard")
    position = len(instrument.current_version.data.dimensions[0].items)  # the new statement's place
    new = f"definition-dimensions-0-value-items-{position}-value"

    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(ADMIN)
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    server_errors = []
    page.on("response", lambda response: server_errors.append(response.url) if response.status >= 500 else None)
    try:
        sign_in(page, live_server.url, editor)
        page.goto(f"{live_server.url}/admin/diagnostics/instruments/edit/{instrument.pk}/")
        # Wagtail's block UI draws the form from the page's data. Dimensions start collapsed:
        # open the first, then add a statement at the end of its list.
        dimension = page.locator('[data-contentpath="dimensions"] [data-streamfield-child]').first
        dimension.locator(".w-panel__toggle").first.click()
        statements = dimension.locator('[data-contentpath="items"] [data-streamfield-list-container]').first
        statements.locator(":scope > button[data-streamfield-list-add]").last.click()
        page.locator(f'[name="{new}-key"]').fill("purpose-1")  # taken by the first statement
        page.locator(f'[name="{new}-text"]').fill(STATEMENT)
        page.locator(f'[name="{new}-reverse"]').check()
        page.get_by_role("button", name="Save").click()

        # Refused: named at the top and beside the key; what was typed is still there.
        expect(page.locator(".messages")).to_contain_text(
            f"This is not a valid instrument: Dimension 1, statement {position + 1}, key: duplicate item key"
        )
        expect(page.locator(f"#{new}-key-errors")).to_contain_text("duplicate item key")
        expect(page.locator(f'[name="{new}-text"]')).to_have_value(STATEMENT)
        assert instrument.versions.count() == 1

        page.locator(f'[name="{new}-key"]').fill("purpose-newcomer")
        page.get_by_role("button", name="Save").click()
        expect(page.locator(".messages")).to_contain_text("Updated network-health-scorecard: version 2 created.")
        expect(page.locator(".messages")).to_contain_text("dimension purpose: statement purpose-newcomer added")
        page.goto(f"{live_server.url}/admin/diagnostics/instruments/edit/{instrument.pk}/")
        expect(page.get_by_role("cell", name="2 (current)")).to_be_visible()
        expect(page.get_by_role("cell", name="dimension purpose: statement purpose-newcomer added")).to_be_visible()
        violations = page.evaluate("window.__cspViolations || []")

        # The survey asks the new statement.
        page.goto(f"{live_server.url}/diagnostics/network-health-scorecard/section/1/")
        expect(page.get_by_text(STATEMENT)).to_be_visible()
    finally:
        context.close()

    instrument.refresh_from_db()
    item = instrument.current_version.data.dimensions[0].items[position]
    assert (item.key, item.text, item.reverse) == ("purpose-newcomer", STATEMENT, True)
    assert instrument.current_version.created_by == editor
    assert not violations, violations
    assert not server_errors, server_errors
