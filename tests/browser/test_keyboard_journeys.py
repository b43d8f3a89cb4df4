"""Every journey the browser tests cover, done by keyboard alone: Tab and Shift+Tab to move, typing
into fields, Space to tick and choose, Enter to follow links and press buttons; no clicks. At
every Tab stop the focused element must look different from unfocused (the NHS.UK yellow focus:
an outline, box shadow or background it does not have otherwise).

Sign-up and confirming, filtering the library, joining a network, starting a thread and replying,
the personal survey and a network round's survey."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_DB, VIEWPORT, force_sign_in
from tests.browser.test_journey import PASSWORD, link_in_email
from tests.browser.test_keyboard import RECORD_UNFOCUSED

pytestmark = [pytest.mark.browser, BROWSER_DB]

# What has focus, and whether it shows (as tests/browser/test_keyboard.py's FOCUS_STOP).
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const before = el.__unfocused;
    const now = window.__lookOf(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: el.name || "",
        type: el.type || "",
        checked: !!el.checked,
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 80),
        label: el.labels && el.labels[0] ? el.labels[0].innerText.trim() : "",
        visible: !before
            || (now.outline !== "none" && now.outline !== before.outline)
            || (now.shadow !== "none" && now.shadow !== before.shadow)
            || now.background !== before.background,
    };
}"""

# Tab presses allowed to reach one element: the longest page (a survey section) has fewer stops.
MAX_PRESSES = 150


class Keyboard:
    """Drives a page by keyboard, checking focus shows at every stop."""

    def __init__(self, page):
        self.page = page

    def loaded(self):
        """Call on each new page: records how every element looks unfocused."""
        self.page.wait_for_load_state()
        self.page.evaluate(RECORD_UNFOCUSED)

    def focused(self):
        return self.page.evaluate(FOCUSED)

    def press(self, key):
        self.page.keyboard.press(key)
        now = self.focused()
        assert now is not None, f"{key} left nothing focused on {self.page.url}: {self.page.url}"
        assert now["visible"], f"No visible focus on {now} at {self.page.url}"
        return now

    def tab_to(self, matches, back=False, what=""):
        """Tab (Shift+Tab with back=True) until `matches(focused)` is true; every stop shows focus."""
        key = "Shift+Tab" if back else "Tab"
        seen = []
        for _ in range(MAX_PRESSES):
            self.page.keyboard.press(key)
            now = self.focused()
            assert now is not None, f"{key} left nothing focused on {self.page.url} after {seen}"
            assert now["visible"], f"No visible focus on {now} at {self.page.url}"
            if matches(now):
                return now
            seen.append(now["id"] or now["text"][:30])
        pytest.fail(f"{what or matches} not reached by {key} on {self.page.url}; passed {seen}")

    def to_field(self, field_id, back=False):
        return self.tab_to(lambda f: f["id"] == field_id, back=back, what=f"#{field_id}")

    def to_button(self, text):
        return self.tab_to(lambda f: f["tag"] in ("button", "a", "summary") and f["text"] == text, what=text)

    def fill(self, field_id, text):
        self.to_field(field_id)
        self.page.keyboard.type(text)

    def enter_and_load(self):
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")
        self.loaded()

    def answer_every_question(self, submit):
        """Tab through a survey page: Space chooses the first answer of each unanswered group of
        radios (Tab enters a group at its first answer); stops on the `submit` button."""
        answered = set()
        for _ in range(MAX_PRESSES):
            now = self.press("Tab")
            if now["type"] == "radio" and now["name"] not in answered:
                self.page.keyboard.press("Space")
                assert self.focused()["checked"], now
                answered.add(now["name"])
            elif now["tag"] == "button" and now["text"] == submit:
                return answered
        pytest.fail(f"{submit!r} not reached on {self.page.url}")


@pytest.fixture
def keyboard(browser, live_server):
    """keyboard(user=None): a Keyboard on a new page of its own context (signed in as `user`)."""
    contexts = []

    def make(user=None):
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        if user is not None:
            force_sign_in(context, live_server.url, user)
        return Keyboard(context.new_page())

    yield make
    for context in contexts:
        context.close()


def settled_member(username):
    """A member with a confirmed email address, past the new members' wait."""
    from community.members.factories import make_member

    member = make_member(username=username)
    member.date_joined -= timedelta(days=30)
    member.save(update_fields=["date_joined"])
    return member


def test_sign_up_and_confirm_by_keyboard(base_site, live_server, keyboard):
    url, email = live_server.url, "kim.keys@example.org"
    kb = keyboard()
    kb.page.goto(f"{url}/accounts/signup/")
    kb.loaded()
    kb.fill("id_display_name", "Kim Keys")
    kb.fill("id_email", email)
    kb.fill("id_password1", PASSWORD)
    # Shift+Tab goes back to the name, which kept what was typed.
    kb.to_field("id_display_name", back=True)
    assert kb.page.locator("#id_display_name").input_value() == "Kim Keys"
    kb.to_field("id_terms")
    kb.page.keyboard.press("Space")
    assert kb.page.locator("#id_terms").is_checked()
    kb.to_button("Create account")
    kb.enter_and_load()
    assert kb.page.url.endswith("/accounts/confirm-email/"), kb.page.url

    kb.page.goto(f"{url}{link_in_email(email, 'confirm')}")
    kb.loaded()
    kb.to_button("Confirm")
    kb.enter_and_load()
    assert "/accounts/login/" not in kb.page.url
    expect(
        kb.page.get_by_role("button", name="Sign out").or_(kb.page.get_by_role("link", name="Sign out"))
    ).to_be_visible()


def test_filter_the_library_by_keyboard(base_site, live_server, keyboard):
    from resources.factories import ResourcePageFactory

    ResourcePageFactory(title="A toolkit for new networks", resource_type="toolkit")
    ResourcePageFactory(title="A guide to evaluation", resource_type="guide")
    kb = keyboard()
    kb.page.goto(f"{live_server.url}/resources/")
    kb.loaded()
    # The filters fold behind "Filter"; Enter opens them, Space ticks a type.
    kb.tab_to(lambda f: f["tag"] == "summary" and f["text"].startswith("Filter"), what="the Filter disclosure")
    kb.page.keyboard.press("Enter")
    kb.tab_to(lambda f: f["type"] == "checkbox" and f["label"] == "Toolkit", what="the Toolkit check box")
    kb.page.keyboard.press("Space")
    kb.to_button("Apply filters")
    kb.enter_and_load()
    assert "type=toolkit" in kb.page.url
    titles = kb.page.locator("main [aria-labelledby='results-count']").get_by_role("heading").all_inner_texts()
    assert [title.strip() for title in titles] == ["A toolkit for new networks"]
    # The result's link is reached and followed by keyboard too.
    kb.tab_to(lambda f: f["tag"] == "a" and f["text"] == "A toolkit for new networks", what="the result")
    kb.enter_and_load()
    assert kb.page.get_by_role("heading", level=1).inner_text().endswith("A toolkit for new networks")


def test_join_a_network_post_a_thread_and_reply_by_keyboard(base_site, live_server, keyboard):
    from community.discussions.factories import SpaceFactory
    from community.discussions.models import Thread
    from community.networks.factories import NetworkFactory

    url = live_server.url
    member = settled_member("kai.keys")
    network = NetworkFactory(name="Keyboard network", slug="keyboard-network", join_policy="open")
    space = SpaceFactory(name="General", slug="general")
    kb = keyboard(member)

    kb.page.goto(f"{url}{network.get_absolute_url()}")
    kb.loaded()
    kb.to_button("Join this network")
    kb.enter_and_load()
    expect(kb.page.get_by_text("You have joined Keyboard network")).to_be_visible()
    assert network.memberships.filter(user=member).exists()

    kb.page.goto(f"{url}/community/{space.slug}/new/")
    kb.loaded()
    kb.fill("id_title", "Typing without a mouse")
    kb.fill("id_body", "Every part of this thread was written by keyboard.")
    kb.to_button("Post thread")
    kb.enter_and_load()
    thread = Thread.objects.get(title="Typing without a mouse")
    assert urlsplit(kb.page.url).path == thread.get_absolute_url()
    # Members wait a few seconds between posts: end that wait rather than sleep through it.
    from source4networks import ratelimit

    ratelimit.cache.delete(f"cooldown:post:{member.pk}")

    kb.fill("id_body", "And so was this reply.")
    kb.to_button("Post reply")
    kb.enter_and_load()
    expect(kb.page.locator("main").get_by_text("And so was this reply.")).to_be_visible()
    assert thread.posts.count() == 2


def test_the_personal_survey_by_keyboard(base_site, live_server, keyboard):
    from diagnostics.models import Instrument

    data = Instrument.objects.get(slug="network-health-scorecard").current_version.data
    kb = keyboard()
    kb.page.goto(f"{live_server.url}/diagnostics/network-health-scorecard/")
    kb.loaded()
    kb.to_button("Start now")
    kb.enter_and_load()
    for number, dimension in enumerate(data.dimensions, start=1):
        last = number == len(data.dimensions)
        answered = kb.answer_every_question("Save and check your answers" if last else "Save and continue")
        assert len(answered) == len(dimension.items), (number, answered)
        kb.enter_and_load()
    assert kb.page.get_by_role("heading", level=1).inner_text().endswith("Check your answers before you submit")
    kb.to_button("Submit")
    kb.enter_and_load()
    assert kb.page.url.endswith("/diagnostics/network-health-scorecard/results/")
    expect(kb.page.locator("table.s4n-results-table")).to_be_visible()


def test_a_network_round_answered_by_keyboard(base_site, live_server, keyboard):
    from diagnostics.factories import network_with_rounds
    from diagnostics.models import RoundResponse

    example = network_with_rounds()
    data = example.later.version.data
    kb = keyboard(example.member)
    kb.page.goto(f"{live_server.url}{example.later.get_absolute_url()}")
    kb.loaded()
    kb.to_button("Start")  # a link styled as a button: Enter follows it
    kb.enter_and_load()
    answered = set()
    for number, dimension in enumerate(data.dimensions, start=1):
        last = number == len(data.dimensions)
        page_answers = kb.answer_every_question("Save and check your answers" if last else "Save and continue")
        assert len(page_answers) == len(dimension.items), (number, page_answers)
        answered |= page_answers
        kb.enter_and_load()
    # On the check page: on to the button, back to the comment box with Shift+Tab, then forward again.
    kb.to_button("Submit your answers")
    kb.tab_to(lambda f: f["tag"] == "textarea", back=True, what="the comment box")
    kb.page.keyboard.type("Answered without a mouse.")
    kb.to_button("Submit your answers")
    kb.enter_and_load()
    expect(kb.page.get_by_text(re.compile("Thank you: your answers are submitted"))).to_be_visible()
    mine = RoundResponse.objects.get(round=example.later, respondent=example.member)
    assert mine.status == RoundResponse.Status.SUBMITTED
    assert mine.comment == "Answered without a mouse."
    assert len(mine.answers) == len(answered) == len(data.items)
