"""End to end, in two browsers under the site's real Content-Security-Policy: a leader signs up,
confirms their email address from the link in the email, creates a network and invites someone
by email; the invitee signs up and confirms in their own browser, accepts from the invitation
email's link, and appears as a member on the network's page.

The live server runs in this process, so the emails it sends land in django.core.mail.outbox
(the test settings use the locmem backend and run tasks at once)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_DB, VIEWPORT

pytestmark = [pytest.mark.browser, BROWSER_DB]

PASSWORD = "a-long-and-unusual-passphrase-2026"
LINK = re.compile(r"https?://[^/\s]+(/\S+)")


def link_in_email(to, subject_contains):
    """The path of the first site link in the latest email to `to` whose subject has the words."""
    messages = [m for m in mail.outbox if to in m.to and subject_contains.lower() in m.subject.lower()]
    assert messages, f"No email to {to} about {subject_contains!r}; sent: {[(m.to, m.subject) for m in mail.outbox]}"
    match = LINK.search(messages[-1].body)
    assert match, f"No link in the email: {messages[-1].body}"
    return urlsplit(match.group(0)).path


def sign_up_and_confirm(page, url, name, email):
    """Create an account through the sign-up form, follow the confirmation email's link and
    confirm, which signs the new member in."""
    page.goto(f"{url}/accounts/signup/")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_display_name").fill(name)
    page.locator("#id_terms").check()
    page.get_by_role("button", name="Create account").click()
    assert page.url.endswith("/accounts/confirm-email/"), page.url
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.goto(f"{url}{link_in_email(email, 'confirm')}")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    # Confirming in the browser that signed up signs the member in: no sign-in form.
    assert "/accounts/login/" not in page.url, f"{email} was not signed in on confirming"
    expect(page.get_by_role("link", name="Sign out").or_(page.get_by_role("button", name="Sign out"))).to_be_visible()


def test_sign_up_create_a_network_invite_and_join(base_site, live_server, browser):
    url = live_server.url
    leader_email, invitee_email = "lena.leader@example.org", "ian.invitee@example.org"
    contexts = [browser.new_context(viewport=VIEWPORT) for _ in range(2)]
    leader, invitee = (context.new_page() for context in contexts)
    try:
        # The leader signs up, confirms and creates a network.
        sign_up_and_confirm(leader, url, "Lena Leader", leader_email)
        leader.goto(f"{url}/networks/new/")
        leader.locator("#id_name").fill("Journey Stroke Network")
        leader.locator("#id_summary").fill("Stroke teams across the region improving care together.")
        leader.locator("input[name='network_type']").first.check()
        leader.locator("input[name='join_policy']").first.check()
        leader.get_by_role("button", name="Add network").click()
        leader.wait_for_load_state()
        expect(leader.get_by_role("heading", level=1, name="Journey Stroke Network")).to_be_visible()
        expect(leader.get_by_text("You are its leader")).to_be_visible()
        network_path = urlsplit(leader.url).path

        # ... and invites someone by email.
        leader.get_by_role("link", name="Invite someone").click()
        leader.locator("#id_email").fill(invitee_email)
        leader.get_by_role("button", name="Send invitation").click()
        leader.wait_for_load_state()
        expect(leader.get_by_text(f"We have emailed an invitation to {invitee_email}")).to_be_visible()
        invitation_path = link_in_email(invitee_email, "invited")
        assert invitation_path.startswith("/networks/invitations/")

        # The invitee, in their own browser, signs up and confirms, then follows the link.
        sign_up_and_confirm(invitee, url, "Ian Invitee", invitee_email)
        invitee.goto(f"{url}{invitation_path}")
        assert invitee.get_by_role("heading", level=1).inner_text() == (
            "You have been invited to join Journey Stroke Network"
        )
        invitee.get_by_role("button", name="Accept and join").click()
        invitee.wait_for_load_state()
        assert urlsplit(invitee.url).path == network_path
        expect(invitee.get_by_text("You have joined Journey Stroke Network")).to_be_visible()
        expect(invitee.get_by_text("You are a member of this network.")).to_be_visible()

        # The invitee is a member: counted on the network's page, listed for the leader, and,
        # having chosen to be shown, named on the network's page.
        invitee.get_by_label("Show me on the network's page").check()
        invitee.get_by_role("button", name="Save", exact=True).click()
        invitee.wait_for_load_state()
        leader.goto(f"{url}{network_path}")
        members_count = leader.locator(".nhsuk-summary-list__row").filter(has_text="Members on Source4Networks")
        assert members_count.locator("dd").inner_text().strip() == "2"
        members = leader.locator("h2:has-text('Members') + p + ul")
        expect(members.get_by_role("link", name="Ian Invitee")).to_be_visible()
        leader.goto(f"{url}{network_path}members/")
        expect(leader.get_by_text("Ian Invitee").first).to_be_visible()

        # The invitation link works once.
        response = invitee.goto(f"{url}{invitation_path}")
        assert response.status == 410
    finally:
        for context in contexts:
            context.close()
