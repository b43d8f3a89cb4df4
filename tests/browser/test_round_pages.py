"""Network rounds and matrix sessions in a real browser: zero axe-core violations on every page
(a closed round's results with the radar chart and suggestions included), and a round answered
with JavaScript off."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from diagnostics.factories import network_with_rounds

from .axe import assert_no_violations
from .conftest import BROWSER_DB, ERROR_TITLE, force_sign_in

pytestmark = [pytest.mark.browser, BROWSER_DB]

SCORECARD = "network-health-scorecard"
MATRIX = "network-maturity-matrix"


def test_every_round_and_matrix_page_passes_axe(base_site, live_server, page, context):
    url = live_server.url
    example = network_with_rounds()
    network, leader, member, outsider = example.network, example.leader, example.member, example.outsider
    earlier, closed, later, paper, session = (
        example.earlier,
        example.closed,
        example.later,
        example.paper,
        example.session,
    )
    base = f"/diagnostics/networks/{network.slug}"

    force_sign_in(context, url, leader)
    for path in [
        f"{base}/rounds/",
        f"{base}/rounds/new/",
        later.get_results_url(),
        closed.get_results_url(),
        paper.get_results_url(),
        f"{later.get_results_url()}import/",
        f"{paper.get_results_url()}import/",
        f"{later.get_results_url()}close/",
        f"{base}/matrix/",
        f"{base}/matrix/new/{MATRIX}/",
        session.get_absolute_url(),
        network.get_absolute_url(),
    ]:
        page.goto(f"{url}{path}")
        assert_no_violations(page, path)

    # An open round shows only the count; a closed one its results: aggregate table, change since
    # the earlier round, radar of the means.
    page.goto(f"{url}{later.get_results_url()}")
    expect(page.get_by_text("Results are shown when the round closes")).to_be_visible()
    assert page.locator("table.s4n-results-table").count() == 0
    page.goto(f"{url}{closed.get_results_url()}")
    assert page.get_by_role("columnheader", name="Change since").count() == 1
    assert (
        page.locator("svg.s4n-radar__chart #radar-title")
        .text_content()
        .startswith("Radar chart of the network's average scores")
    )

    # Error states: the new round form and the import form.
    page.goto(f"{url}{base}/rounds/new/")
    page.get_by_role("button", name="Open the round").click()
    expect(page).to_have_title(ERROR_TITLE)
    assert_no_violations(page, "the new round form with errors")
    page.goto(f"{url}{paper.get_results_url()}import/")
    page.get_by_role("button", name="Import responses").click()
    expect(page).to_have_title(ERROR_TITLE)
    assert_no_violations(page, "the import form with errors")
    page.goto(f"{url}{base}/matrix/new/{MATRIX}/")
    page.get_by_role("button", name="Save the session").click()
    expect(page).to_have_title(ERROR_TITLE)
    assert_no_violations(page, "the session form with errors")

    # A round closed below the minimum, after the confirmation page.
    from diagnostics import rounds
    from diagnostics.models import Instrument

    survey = Instrument.objects.get(slug=SCORECARD)
    empty = rounds.open_round(network, leader, survey, "Nobody yet.", timezone.localdate() + timedelta(days=3))
    page.goto(f"{url}{empty.get_results_url()}")
    page.get_by_role("button", name="Close the round now").click()
    expect(page.get_by_text("A closed round cannot be reopened")).to_be_visible()
    assert_no_violations(page, "the close confirmation page")
    page.get_by_role("button", name="Close the round").click()
    expect(page.get_by_text("Not enough responses.")).to_be_visible()
    assert_no_violations(page, "a round closed below the minimum")

    # A member: the answer page, its error state, and a closed round.
    context.clear_cookies()
    force_sign_in(context, url, member)
    page.goto(f"{url}{later.get_absolute_url()}")
    assert_no_violations(page, "the round's page")
    page.get_by_role("button", name="Start").click()
    assert_no_violations(page, "a round's section")
    page.goto(f"{url}{later.get_absolute_url()}check/")
    assert_no_violations(page, "a round's check page")
    page.get_by_role("button", name="Submit your answers").click()
    expect(page).to_have_title(ERROR_TITLE)
    assert_no_violations(page, "a round's check page with errors")
    # The results once a leader has shared them.
    from diagnostics.round_sharing import share_results

    share_results(closed, leader)
    page.goto(f"{url}{closed.get_shared_url()}")
    expect(page.locator("table.s4n-results-table")).to_be_visible()
    assert_no_violations(page, "a round's shared results")
    page.goto(f"{url}{earlier.get_absolute_url()}")
    expect(page.get_by_role("heading", name="This round has closed")).to_be_visible()
    assert_no_violations(page, "a closed round")
    page.goto(f"{url}{paper.get_absolute_url()}")
    expect(page.get_by_role("heading", name="This round is answered on paper")).to_be_visible()
    assert_no_violations(page, "a paper round's link")

    # An outsider gets the members-only page.
    context.clear_cookies()
    force_sign_in(context, url, outsider)
    page.goto(f"{url}{later.get_absolute_url()}")
    expect(
        page.get_by_role("heading", name="This survey is for members of Moorland Respiratory Network")
    ).to_be_visible()
    assert_no_violations(page, "the members-only page")


def test_a_round_answered_without_javascript(base_site, live_server, browser):
    from diagnostics.models import RoundResponse

    url = live_server.url
    example = network_with_rounds()
    member, later = example.member, example.later
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    force_sign_in(context, url, member)
    page = context.new_page()
    try:
        page.goto(f"{url}{later.get_absolute_url()}")
        page.get_by_role("button", name="Start").click()
        # The first page: every statement but the first, then come back later.
        fieldsets = page.locator("fieldset").all()
        for fieldset in fieldsets[1:]:
            fieldset.get_by_label("Agree", exact=True).check()
        page.get_by_role("button", name="Save and come back later").click()
        expect(page.get_by_text("You have started but not submitted yet")).to_be_visible()
        assert RoundResponse.objects.get(round=later, respondent=member).status == RoundResponse.Status.DRAFT
        # Back later: the remaining pages, then the check page asks the unanswered statement.
        page.get_by_role("button", name="Continue where you left off").click()
        assert page.url.endswith("/section/1/")  # the first statement is still unanswered
        page.get_by_role("button", name="Save and continue").click()
        while page.get_by_role("button", name="Save and continue").count():
            for fieldset in page.locator("fieldset").all():
                fieldset.get_by_label("Agree", exact=True).check()
            page.get_by_role("button", name="Save and continue").click()
        for fieldset in page.locator("fieldset").all():
            fieldset.get_by_label("Agree", exact=True).check()
        page.get_by_role("button", name="Save and check your answers").click()
        page.get_by_label("Comments for the network's leaders (optional)").fill("More meetings online, please.")
        page.get_by_role("button", name="Submit your answers").click()
        expect(page).to_have_title(ERROR_TITLE)
        page.locator(".nhsuk-error-summary").get_by_role("link").first.click()
        assert page.url.endswith("#q1")
        assert page.get_by_label("Comments for the network's leaders (optional)").input_value() == (
            "More meetings online, please."
        )
        page.locator("fieldset").first.get_by_label("Strongly agree", exact=True).check()
        page.get_by_role("button", name="Submit your answers").click()
        expect(page.get_by_text("Thank you: your answers are submitted.")).to_be_visible()
        mine = RoundResponse.objects.get(round=later, respondent=member)
        assert mine.comment == "More meetings online, please."
        assert mine.status == RoundResponse.Status.SUBMITTED
        # A second visit changes the same answers, page by page.
        page.get_by_role("button", name="Check or change your answers").click()
        page.get_by_role("link", name="Change").first.click()
        page.locator("fieldset").first.get_by_label("Disagree", exact=True).check()
        page.get_by_role("button", name="Save and return to check your answers").click()
        page.get_by_role("button", name="Save your changed answers").click()
        assert RoundResponse.objects.filter(round=later, respondent=member).count() == 1
        assert RoundResponse.objects.get(round=later, respondent=member).answers != mine.answers
    finally:
        context.close()
