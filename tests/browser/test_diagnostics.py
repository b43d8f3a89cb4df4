"""Every diagnostics page in a real browser: zero axe-core violations (the radar chart
included), and a whole survey taken with JavaScript turned off."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import BROWSER_DB, ERROR_TITLE, VIEWPORT, sign_in

pytestmark = [pytest.mark.browser, BROWSER_DB]

SCORECARD = "network-health-scorecard"


def lowest(data):
    return {item.key: 5 if item.reverse else 1 for item in data.items}


def test_every_diagnostics_page_passes_axe(base_site, live_server, page):
    from casestudies.factories import CaseStudyPageFactory
    from community.members.factories import make_member
    from diagnostics.models import Instrument, Response
    from resources.factories import ResourcePageFactory

    url = live_server.url
    member = make_member(username="axe-member")
    instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
    ResourcePageFactory(title="Leading a network", topics=["network leadership"])
    CaseStudyPageFactory(title="A network that listened", topics=["member engagement"])
    now = timezone.now()
    Response.objects.create(
        user=member,
        version=instrument.current_version,
        answers=dict.fromkeys(lowest(instrument.current_version.data), 3),
        status=Response.Status.SUBMITTED,
        submitted_at=now - timedelta(days=30),
    )
    latest = Response.objects.create(
        user=member,
        version=instrument.current_version,
        answers=lowest(instrument.current_version.data),
        status=Response.Status.SUBMITTED,
        submitted_at=now,
    )

    # A visitor: listing, introductions, a section, the check page and its error state.
    for path in ["/diagnostics/", f"/diagnostics/{SCORECARD}/", "/diagnostics/network-maturity-matrix/"]:
        page.goto(f"{url}{path}")
        assert_no_violations(page, path)
    page.goto(f"{url}/diagnostics/{SCORECARD}/section/1/")
    expect(page.get_by_text("Section 1 of 4")).to_be_visible()
    assert_no_violations(page, "section 1")
    page.locator("fieldset").first.get_by_label("Agree", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    page.goto(f"{url}/diagnostics/{SCORECARD}/check/")
    assert_no_violations(page, "check your answers")
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_title(ERROR_TITLE)
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_no_violations(page, "check your answers with errors")

    # A visitor's unsaved result.
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Neither agree nor disagree", exact=True).check()
    page.get_by_role("button", name="Submit").click()
    assert page.url.endswith(f"/diagnostics/{SCORECARD}/results/")
    assert_no_violations(page, "a visitor's result")

    # A member's result, with guidance, suggested pages, history and the radar chart.
    sign_in(page, url, member)
    page.goto(f"{url}{latest.get_absolute_url()}")
    assert page.locator("svg.s4n-radar__chart[role='img'] #radar-title").text_content().startswith("Radar chart")
    assert page.get_by_role("link", name="Leading a network").count() >= 1
    assert page.get_by_role("link", name="A network that listened").count() >= 1
    expect(page.get_by_role("heading", name="Your earlier results")).to_be_visible()
    assert_no_violations(page, "a member's result")

    # The print stylesheet: the results print without the site's chrome or the download links.
    page.emulate_media(media="print")
    assert not page.locator("header.nhsuk-header").is_visible()
    assert not page.get_by_role("link", name="Download your scores (CSV)").is_visible()
    expect(page.locator("table.s4n-results-table")).to_be_visible()
    expect(page.locator("svg.s4n-radar__chart")).to_be_visible()
    page.emulate_media(media="screen")
    page.goto(f"{url}/diagnostics/{SCORECARD}/")
    assert_no_violations(page, "the introduction for a member with earlier results")


def test_a_whole_survey_without_javascript(base_site, live_server, browser):
    from diagnostics.models import Instrument

    url = live_server.url
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(f"{url}/diagnostics/")
        page.get_by_role("link", name="Network health scorecard").click()
        page.get_by_role("button", name="Start now").click()
        data = Instrument.objects.get(slug=SCORECARD).current_version.data
        for number, dimension in enumerate(data.dimensions, start=1):
            expect(page.get_by_text(f"Section {number} of {len(data.dimensions)}")).to_be_visible()
            assert page.get_by_role("heading", level=1).inner_text().endswith(dimension.title)
            for index, fieldset in enumerate(page.locator("fieldset").all()):
                if (number, index) == (2, 1):
                    continue  # leave one statement unanswered
                fieldset.get_by_label("Agree", exact=True).check()
            label = "Save and check your answers" if number == len(data.dimensions) else "Save and continue"
            page.get_by_role("button", name=label).click()

        # Check your answers; submitting shows the unanswered statement with a link to it.
        assert page.get_by_role("heading", level=1).inner_text().endswith("Check your answers before you submit")
        page.get_by_role("button", name="Submit").click()
        expect(page).to_have_title(ERROR_TITLE)
        summary = page.locator(".nhsuk-error-summary")
        expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
        missing = data.dimensions[1].items[1]
        summary.get_by_role("link", name=f"Select an answer for: {missing.text}").click()
        assert page.url.endswith("#q5")
        page.locator("fieldset").filter(has_text=missing.text).get_by_label(
            "Don't know / not applicable", exact=True
        ).check()
        page.get_by_role("button", name="Submit").click()

        # The results, with the table as the source of truth.
        assert page.url.endswith(f"/diagnostics/{SCORECARD}/results/")
        rows = page.locator("table.s4n-results-table tbody tr").all_inner_texts()
        assert [row.split("\t")[0] for row in rows] == ["Purpose", "Performance", "Operations", "Capacity", "Overall"]
        assert "Developing" in rows[-1]
        expect(page.get_by_role("button", name="Sign in to save your result")).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("link", name="Download your scores (CSV)").click()
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert text.startswith("respondent,dimension,score,band\nyou,purpose,4.00,strength\n")
    finally:
        context.close()
