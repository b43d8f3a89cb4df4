"""Maturity matrix sessions with JavaScript off: a leader records a session whose current level is
above the target (asked to confirm beside the field), changes it, reads the change chart and
deletes a session after its confirmation page. (axe-core runs on these pages through the page
catalogue, tests/member_catalogue.py.)"""

from datetime import date

import pytest
from playwright.sync_api import expect

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics.factories import MatrixSessionFactory
from diagnostics.scoring import MatrixEntry

from .conftest import BROWSER_DB, ERROR_TITLE, force_sign_in

pytestmark = [pytest.mark.browser, BROWSER_DB]

MATRIX = "network-maturity-matrix"


def test_a_leader_records_changes_and_deletes_sessions_without_javascript(base_site, live_server, browser):
    from diagnostics.models import MatrixRow, MatrixSession

    url = live_server.url
    network = NetworkFactory(name="Fenland Diabetes Network")
    leader = make_member()
    add_member(network, leader, role=Membership.Role.LEADER)
    earlier = MatrixSessionFactory(
        network=network, recorded_by=leader, date=date(2025, 6, 1), rows={"purpose": MatrixEntry(current=2)}
    )
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    force_sign_in(context, url, leader)
    page = context.new_page()
    try:
        base = f"{url}/diagnostics/networks/{network.slug}/matrix/"
        page.goto(f"{base}new/{MATRIX}/")
        page.get_by_label("Date of the session").fill("1/3/2026")
        page.get_by_label("Shared purpose: agreed current level").select_option("4")
        page.get_by_label("Shared purpose: target level").select_option("3")
        page.get_by_role("button", name="Save the session").click()
        expect(page).to_have_title(ERROR_TITLE)
        expect(page.locator("#id_purpose-target-error")).to_contain_text(
            "the target level (3) is below the current level (4)"
        )
        assert page.get_by_label("Date of the session").input_value() == "1/3/2026"
        page.get_by_label("Save the levels above the target as they are").check()
        page.get_by_role("button", name="Save the session").click()
        expect(page.get_by_text("The session is recorded.")).to_be_visible()
        expect(page.get_by_text("Above the target", exact=True)).to_be_visible()
        session = MatrixSession.objects.exclude(pk=earlier.pk).get()

        # Corrected: the target was 5, not 3.
        page.get_by_role("link", name="Change this session").click()
        expect(page.get_by_text("The current level (4) is above this target.")).to_be_visible()
        page.get_by_label("Shared purpose: target level").select_option("5")
        page.get_by_role("button", name="Save the changes").click()
        expect(page.get_by_text("The session is changed.")).to_be_visible()
        expect(page.get_by_text("Above the target", exact=True)).to_have_count(0)
        assert MatrixRow.objects.get(session=session, dimension="purpose").target == 5

        # The chart across both sessions, with its table.
        page.goto(base)
        chart = page.locator("svg.s4n-matrix-chart__svg")
        expect(chart).to_be_visible()
        assert chart.locator("polyline").count() == 1
        assert "Shared purpose: 2 on 1 June 2025, 4 on 1 March 2026; target 5 (of 5)." in (
            chart.locator("desc").text_content()
        )

        # Deleted after the confirmation page.
        page.goto(f"{url}{earlier.get_absolute_url()}")
        page.get_by_role("link", name="Delete this session").click()
        expect(page.get_by_text("A deleted session cannot be brought back")).to_be_visible()
        page.get_by_role("button", name="Delete the session").click()
        expect(page.get_by_text("The session of 1 June 2025 is deleted.")).to_be_visible()
        assert list(MatrixSession.objects.all()) == [session]
    finally:
        context.close()
