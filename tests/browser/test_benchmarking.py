"""Anonymous benchmarking in a real browser with JavaScript off: a leader takes part from the
round page, and the comparison (table and networks to learn from) passes axe-core."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .axe import assert_no_violations
from .conftest import BROWSER_DB, ERROR_TITLE, force_sign_in

pytestmark = [pytest.mark.browser, BROWSER_DB]

SCORECARD = "network-health-scorecard"


def _comparable_networks(data):
    """Six clinical networks taking part, each with a closed round: two of them strong."""
    from community.networks.factories import NetworkFactory
    from diagnostics.factories import NetworkRoundFactory
    from diagnostics.models import BenchmarkOptIn, Instrument
    from tests.diagnostics.test_benchmarking import summary

    instrument = Instrument.objects.get(slug=SCORECARD)
    for number, mean in enumerate(["2.13", "2.71", "3.29", "3.87", "4.43", "4.91"], start=1):
        network = NetworkFactory(name=f"Peer Network {number}")
        NetworkRoundFactory(network=network, closes_at=timezone.now() - timedelta(days=5), summary=summary(data, mean))
        BenchmarkOptIn.objects.create(network=network, instrument=instrument)


def test_a_leader_takes_part_without_javascript_and_the_comparison_passes_axe(base_site, live_server, browser):
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import Membership
    from diagnostics.factories import NetworkRoundFactory
    from tests.diagnostics.helpers import instrument_data
    from tests.diagnostics.test_benchmarking import summary

    url = live_server.url
    data = instrument_data(SCORECARD)
    network = NetworkFactory(name="Harbour Stroke Network")
    leader = make_member(username="bench-browser-leader")
    add_member(network, leader, role=Membership.Role.LEADER)
    closed = NetworkRoundFactory(
        network=network, opened_by=leader, closes_at=timezone.now() - timedelta(days=1), summary=summary(data, "2.5", 3)
    )
    _comparable_networks(data)

    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    force_sign_in(context, url, leader)
    page = context.new_page()
    try:
        page.goto(f"{url}{closed.get_results_url()}")
        section = page.locator("#benchmarking")
        expect(section.get_by_role("heading", name="Compare with similar networks")).to_be_visible()
        section.get_by_label("Networks sharing a sector with yours").check()
        section.get_by_role("button", name="Take part in benchmarking").click()
        # The network has no sector: the choice page says so beside the field.
        expect(page).to_have_title(ERROR_TITLE)
        expect(page.locator(".nhsuk-error-message")).to_contain_text("Your network has no sectors yet")
        page.get_by_label("Networks of the same type").check()
        page.get_by_role("button", name="Take part in benchmarking").click()
        assert page.url.endswith(f"{closed.get_results_url()}#benchmarking")
        expect(section.get_by_role("columnheader", name="Median of similar networks")).to_be_visible()
        expect(section.get_by_role("cell", name="2.9 to 4.3").first).to_be_visible()
        expect(section.get_by_role("link", name="Contact this network (Peer Network 5)").first).to_be_visible()
    finally:
        context.close()


def test_benchmarking_pages_pass_axe(base_site, live_server, page, context):
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import Membership
    from diagnostics.factories import NetworkRoundFactory
    from diagnostics.models import BenchmarkOptIn, Instrument
    from tests.diagnostics.helpers import instrument_data
    from tests.diagnostics.test_benchmarking import summary

    url = live_server.url
    data = instrument_data(SCORECARD)
    network = NetworkFactory(name="Harbour Stroke Network")
    leader = make_member(username="bench-axe-leader")
    add_member(network, leader, role=Membership.Role.LEADER)
    closed = NetworkRoundFactory(
        network=network, opened_by=leader, closes_at=timezone.now() - timedelta(days=1), summary=summary(data, "2.5", 3)
    )
    force_sign_in(context, url, leader)
    settings_url = f"/diagnostics/networks/{network.slug}/benchmarking/{SCORECARD}/"
    for path in [closed.get_results_url(), settings_url]:
        page.goto(f"{url}{path}")
        assert_no_violations(page, f"{path}, not taking part")
    BenchmarkOptIn.objects.create(network=network, instrument=Instrument.objects.get(slug=SCORECARD))
    page.goto(f"{url}{closed.get_results_url()}")
    expect(page.get_by_text("5 more networks need to take part")).to_be_visible()
    assert_no_violations(page, "a round, too few networks")
    _comparable_networks(data)
    for path in [closed.get_results_url(), settings_url]:
        page.goto(f"{url}{path}")
        assert_no_violations(page, f"{path}, taking part")
