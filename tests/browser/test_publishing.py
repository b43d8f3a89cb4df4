"""Review and publish, through the real Wagtail admin in a browser: an editor writes a case
study and submits it to the "Review and publish" workflow; a moderator opens it from
"Awaiting your review" on the admin dashboard and approves it in the page editor; visitors
then find it at its address, in the case studies listing and in search.

The approval is made in the page editor because that is where it failed: clicking Approve adds
the approval to the editor's form, the editor's autosave took it for an edit and sent the
form again, so the approval reached the server twice; the second copy saved the page as it
was before the first one published it, and the page stayed a draft (the setting
WAGTAIL_AUTOSAVE_INTERVAL says more)."""

import pytest
from playwright.sync_api import expect

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from community.members.factories import make_member
from tests.browser.conftest import BROWSER_DB

pytestmark = [pytest.mark.browser, BROWSER_DB]

TITLE = "Quillbrook stroke network joins up rehabilitation"
SUMMARY = "Stroke teams in Quillbrook shared one rehabilitation pathway and halved waiting times."
# A word found nowhere else on the site, to look the case study up in search.
SEARCH_WORD = "Quillbrook"
# The admin's pages are heavy: on a busy machine they take longer than expect()'s 5 seconds.
ADMIN = 30_000

# Wagtail's page editor tells what it is doing through events on the page. The test listens
# for them on every page it opens and reports them on the console (which, unlike the page
# itself, can be read while the page waits for the server):
# - w-unsaved:ready: its change watcher has (re)started;
# - w-unsaved:watch-edits: the watcher has read the form, and notices changes from now on;
# - w-unsaved:add: it has noticed that the form changed (it looks every half second);
# - w-autosave:save / :success / :error: an autosave request starts / ends.
EDITOR_STATES = """
for (const [event, state] of [
    ["w-unsaved:ready", "watcher started"],
    ["w-unsaved:watch-edits", "watching edits"],
    ["w-unsaved:add", "noticed edits"],
    ["w-autosave:save", "autosave started"],
    ["w-autosave:success", "autosave ended"],
    ["w-autosave:error", "autosave ended"],
]) {
    document.addEventListener(event, () => { console.info(`editor: ${state}`); });
}
"""


def watch_editor(page):
    """Listen to the editor's states on every page `page` opens. Returns the list of server
    errors seen and the list of states, each kept up to date."""
    errors, states = [], []
    page.add_init_script(EDITOR_STATES)
    page.on("response", lambda response: errors.append(response) if response.status >= 500 else None)
    page.on("console", lambda message: states.append(message.text.removeprefix("editor: ")))
    return errors, states


def wait_for_editor(page, states, done):
    """Wait until done(states) is true. Console messages arrive while the page waits for the
    server, when expect() and evaluate() cannot look at the page."""
    while not done(states):
        page.wait_for_event("console", timeout=ADMIN)


def editor_settled(states):
    """Has the editor read the form it will compare edits against? The watcher reads it two
    seconds after it starts (a person reads the page at least that long before acting), and
    in Wagtail 7.4 it starts twice as the page opens: each start before the first reading
    leads to a reading of its own, and the last one must come before the test acts, or it
    would take the test's action for part of the form."""
    if "watching edits" not in states:
        return False
    starts = states[: states.index("watching edits")].count("watcher started")
    return states.count("watching edits") >= starts


def describe(responses):
    return [f"{response.request.method} {response.url} answered {response.status}" for response in responses]


def submit_case_study(page, states, url):
    """As an editor: write a new case study in the case studies section and submit it to the
    workflow."""
    section = CaseStudyIndexPage.objects.get()
    page.goto(f"{url}/admin/pages/{section.pk}/")
    states.clear()
    # The section takes one kind of page, so "Add child page" opens the editor at once.
    page.get_by_role("link", name="Add child page").first.click()
    wait_for_editor(page, states, editor_settled)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill(SUMMARY)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Review and publish").click()
    expect(page.get_by_text(f"Page '{TITLE}' created and submitted for moderation.")).to_be_visible(timeout=ADMIN)


def approve_from_dashboard(page, states, url):
    """As a moderator: open the case study from "Awaiting your review" and approve it in the
    page editor. Returns who sent the approval to the server, in order."""
    page.goto(f"{url}/admin/")
    states.clear()
    page.get_by_role("region", name="Awaiting your review").get_by_role("link", name=TITLE).click()
    expect(page.locator("#id_title")).to_have_value(TITLE, timeout=ADMIN)
    wait_for_editor(page, states, editor_settled)

    # The approval is held in the browser until the editor has looked at its form again, as
    # happens whenever the server takes more than a moment to answer (on `make run` it always
    # did); without holding it the test would pass or fail by the machine's speed.
    senders, held = [], []

    def hold_approval(route):
        if "workflow-action-name" in (route.request.post_data or ""):
            if route.request.is_navigation_request():
                senders.append("the Approve button")
                held.append(route)
                return
            senders.append("a script")
        route.continue_()

    page.route("**/admin/pages/*/edit/", hold_approval)
    page.get_by_role("button", name="More actions").click()
    before = len(states)
    # Not waiting for the next page: the approval is held.
    page.get_by_role("button", name="Approve", exact=True).click(no_wait_after=True)
    wait_for_editor(page, states, lambda states: "noticed edits" in states[before:])
    # Let any autosave the editor started reach the server and come back.
    wait_for_editor(
        page, states, lambda states: "autosave started" not in states[before:] or "autosave ended" in states[before:]
    )
    assert len(held) == 1, "The Approve button did not send the approval"
    with page.expect_navigation(timeout=ADMIN):
        held[0].continue_()
    return senders


def test_editor_submits_moderator_approves_visitors_find_it(base_site, live_server, signed_in_page, page):
    url = live_server.url
    editor_page = signed_in_page(make_member(username="eddie.editor", groups=["Editors"]))
    moderator_page = signed_in_page(make_member(username="mo.moderator", groups=["Moderators"]))
    editor_errors, editor_states = watch_editor(editor_page)
    moderator_errors, moderator_states = watch_editor(moderator_page)

    submit_case_study(editor_page, editor_states, url)
    assert not editor_errors, describe(editor_errors)
    draft = CaseStudyPage.objects.get(title=TITLE)
    assert not draft.live

    senders = approve_from_dashboard(moderator_page, moderator_states, url)
    assert senders == ["the Approve button"], f"The approval was sent {len(senders)} times, by {senders}"
    assert not moderator_errors, describe(moderator_errors)
    # The editor sends the moderator back to the section's page list.
    expect(moderator_page.get_by_text(f"Page '{TITLE}' has been updated.")).to_be_visible(timeout=ADMIN)

    case_study = CaseStudyPage.objects.get(pk=draft.pk)
    assert case_study.live, "Approved, but the case study is still a draft"

    # A visitor (no session) finds it at its address, in the listing and in search.
    response = page.goto(f"{url}{case_study.url}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()

    page.goto(f"{url}/case-studies/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    page.goto(f"{url}/search/?q={SEARCH_WORD}")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
