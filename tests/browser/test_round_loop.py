"""A network round from start to finish in a browser with JavaScript off (issue 11): the leader
opens a round, three members answer (one saves, leaves and resumes), a reminder reaches only the
member who has not answered (and the leader, who has not either), the round closes, the leader
shares the results and starts the discussion in one step, a member reads both, the leader records
two actions on the round's plan, and the next round's results show the change beside them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import BROWSER_DB, force_sign_in

pytestmark = [pytest.mark.browser, BROWSER_DB]

SCORECARD = "network-health-scorecard"


def _people():
    from community.discussions.factories import SpaceFactory
    from community.discussions.models import SpaceKind
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import Membership

    network = NetworkFactory(name="Fenland Stroke Network")
    SpaceFactory(name="Fenland Stroke private", kind=SpaceKind.NETWORK, network=network)
    leader = make_member(username="loop-leader", display_name="Lena Leader")
    add_member(network, leader, role=Membership.Role.LEADER)
    members = []
    for name in ("Ann", "Bea", "Cal", "Dee"):
        member = make_member(username=f"loop-{name.lower()}", display_name=f"{name} Member")
        add_member(network, member)
        members.append(member)
    return network, leader, members


def _answer_every_page(page, value="Agree", stop_after=None):
    """Answer each page with `value`; with `stop_after`, save and leave after that page."""
    number = 0
    while True:
        number += 1
        for fieldset in page.locator("fieldset").all():
            fieldset.get_by_label(value, exact=True).check()
        if number == stop_after:
            page.get_by_role("button", name="Save and come back later").click()
            return
        if page.get_by_role("button", name="Save and check your answers").count():
            page.get_by_role("button", name="Save and check your answers").click()
            return
        page.get_by_role("button", name="Save and continue").click()


def _open_round(page, url, network):
    page.goto(f"{url}/diagnostics/networks/{network.slug}/rounds/new/")
    page.get_by_label("Survey").select_option(label="Network health scorecard")
    page.get_by_label("Message to members").fill("Tell us how the network is doing.")
    page.get_by_label("Online: members answer on this site").check()
    closes_on = timezone.localdate() + timedelta(days=10)
    page.get_by_label("Closing date").fill(f"{closes_on.day}/{closes_on.month}/{closes_on.year}")
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_text("The round is open.")).to_be_visible()


def test_the_leaders_loop_without_javascript(base_site, live_server, browser):
    from diagnostics.models import NetworkRound, RoundResponse

    url = live_server.url
    network, leader, (ann, bea, cal, dee) = _people()
    contexts = []

    def page_for(user):
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        force_sign_in(context, url, user)
        return context.new_page()

    try:
        # The leader opens an online round.
        leader_page = page_for(leader)
        _open_round(leader_page, url, network)
        round_ = NetworkRound.objects.get(network=network)

        # Ann and Bea find it on /diagnostics/ and answer in one go.
        for member, value in ((ann, "Disagree"), (bea, "Neither agree nor disagree")):
            page = page_for(member)
            page.goto(f"{url}/diagnostics/")
            page.locator("#open-rounds + p + ul").get_by_role("link", name="Answer").click()
            page.get_by_role("button", name="Start").click()
            _answer_every_page(page, value)
            page.get_by_role("button", name="Submit your answers").click()
            expect(page.get_by_text("Thank you: your answers are submitted.")).to_be_visible()

        # Cal answers the first page, leaves, and resumes later from the network page.
        cal_page = page_for(cal)
        cal_page.goto(f"{url}{round_.get_absolute_url()}")
        cal_page.get_by_role("button", name="Start").click()
        _answer_every_page(cal_page, "Agree", stop_after=1)
        expect(cal_page.get_by_text("You have started but not submitted yet")).to_be_visible()
        leader_page.goto(f"{url}{round_.get_results_url()}")
        # The draft does not count: 2 submitted of 5 active members.
        expect(leader_page.locator("#response-count")).to_have_text("2 from 5 members (40%)")
        cal_page.goto(f"{url}{network.get_absolute_url()}")
        cal_page.get_by_role("link", name="Continue your answers").click()
        cal_page.get_by_role("button", name="Continue where you left off").click()
        assert cal_page.url.endswith("/section/2/")
        _answer_every_page(cal_page, "Agree")
        cal_page.get_by_role("button", name="Submit your answers").click()
        expect(cal_page.get_by_text("Thank you: your answers are submitted.")).to_be_visible()
        assert RoundResponse.objects.filter(round=round_, status=RoundResponse.Status.SUBMITTED).count() == 3

        # A reminder reaches only those who have not answered: Dee (and the leader).
        mail.outbox.clear()
        leader_page.goto(f"{url}{round_.get_results_url()}")
        leader_page.get_by_role("button", name="Send a reminder").click()
        expect(leader_page.get_by_text("A reminder was emailed to the members who have not submitted")).to_be_visible()
        reminded = sorted(address for message in mail.outbox for address in message.to)
        assert reminded == sorted([dee.email, leader.email])
        assert "Dee" not in leader_page.content()
        leader_page.get_by_text("You can send another reminder from").wait_for()

        # The round closes; the leader shares the results and starts the discussion in one step.
        leader_page.get_by_role("button", name="Close the round now").click()
        leader_page.get_by_role("button", name="Close the round").click()
        expect(leader_page.get_by_role("heading", name="Share the results with members")).to_be_visible()
        leader_page.get_by_role("button", name="Share and start a discussion").click()
        expect(leader_page.get_by_text("The results are shared and the discussion has started.")).to_be_visible()
        expect(leader_page.get_by_role("heading", name="Our Network health scorecard results")).to_be_visible()
        round_.refresh_from_db()
        assert round_.shared_at is not None and round_.discussion is not None

        # Ann reads the thread, which links to the results she can now see (the link holds the
        # site's address, not the test server's, so she goes there directly).
        ann_page = page_for(ann)
        ann_page.goto(f"{url}{round_.discussion.get_absolute_url()}")
        expect(ann_page.locator(f'a[href$="{round_.get_shared_url()}"]').first).to_be_visible()
        ann_page.goto(f"{url}{round_.get_shared_url()}")
        expect(ann_page.get_by_role("heading", name="Network health scorecard results")).to_be_visible()
        expect(ann_page.locator("table.s4n-results-table")).to_be_visible()
        expect(ann_page.get_by_role("link", name="Join the discussion of these results")).to_be_visible()

        # The leader turns the results into a plan: two actions for Purpose, one of them done.
        leader_page.goto(f"{url}{round_.get_results_url()}")
        leader_page.get_by_role("link", name="Start the action plan").click()
        for what, status in (
            ("Agree three priorities at the spring meeting", "Done"),
            ("Visit each trust", "In progress"),
        ):
            leader_page.get_by_role("link", name="Add an action for Purpose").click()
            leader_page.get_by_label("What will be done").fill(what)
            leader_page.get_by_label("Owner (optional)").fill("Lena Leader")
            leader_page.get_by_label(status, exact=True).check()
            leader_page.get_by_role("button", name="Add the action").click()
            expect(leader_page.get_by_text(what, exact=True)).to_be_visible()
        # Members see the plan with the shared results.
        ann_page.goto(f"{url}{round_.get_shared_url()}")
        expect(ann_page.get_by_text("Visit each trust", exact=True)).to_be_visible()

        # A second round, answered by the same three; its results show the change in each area
        # beside the actions recorded for it on the first round's plan.
        _open_round(leader_page, url, network)
        second = NetworkRound.objects.filter(network=network).exclude(pk=round_.pk).get()
        for member in (ann, bea, cal):
            page = page_for(member)
            page.goto(f"{url}{second.get_absolute_url()}")
            page.get_by_role("button", name="Start").click()
            _answer_every_page(page, "Agree")
            page.get_by_role("button", name="Submit your answers").click()
            expect(page.get_by_text("Thank you: your answers are submitted.")).to_be_visible()
        leader_page.goto(f"{url}{second.get_results_url()}")
        leader_page.get_by_role("button", name="Close the round now").click()
        leader_page.get_by_role("button", name="Close the round").click()
        purpose = leader_page.locator("table.s4n-results-table tr").filter(
            has=leader_page.get_by_role("rowheader", name="Purpose", exact=True)
        )
        # Purpose: 2, 3 and 4 before (average 3.0), 4 from all three now.
        expect(purpose).to_contain_text("2 actions, 1 done: +1.0")
    finally:
        for context in contexts:
            context.close()
