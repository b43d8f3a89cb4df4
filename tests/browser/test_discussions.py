"""Every discussion page in Chromium: zero axe-core violations; posting, replying, editing,
reporting and previewing with JavaScript off; no XSS payload runs."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.community.discussions.xss_corpus import PAYLOADS

from .axe import assert_no_violations
from .conftest import BROWSER_DB, ERROR_TITLE, force_sign_in

pytestmark = [pytest.mark.browser, BROWSER_DB]


def make_people():
    from community.discussions.factories import SpaceFactory, make_thread
    from community.discussions.models import PostReport, SpaceKind
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member

    def member(username, name, **kwargs):
        user = make_member(username=username, display_name=name, **kwargs)
        user.date_joined = timezone.now() - timedelta(days=30)
        user.save()
        return user

    author = member("browser-author", "Bea Author")
    moderator = member("browser-mod", "Mel Moderator", groups=["Moderators"])
    network = NetworkFactory(name="Browser network", slug="browser-network")
    add_member(network, author, role="leader")
    space = SpaceFactory(name="General", slug="general", kind=SpaceKind.OPEN, description="Talk about anything.")
    private = SpaceFactory(name="Private", slug="private", kind=SpaceKind.NETWORK, network=network)
    thread = make_thread(space, author, title="How do you run meetings?", body="**Tips** welcome.", replies=3)
    make_thread(private, author, title="Private planning", replies=1)
    PostReport.objects.create(post=thread.posts.filter(is_opening=False).first(), reporter=moderator, reason="Spam")
    return author, moderator, space, thread


def test_every_discussion_page_passes_axe(base_site, live_server, page, context):
    author, moderator, space, thread = make_people()
    url = live_server.url
    reply = thread.posts.filter(is_opening=False).first()
    opening = thread.posts.get(is_opening=True)
    for path in ["/community/", "/community/general/", thread.get_absolute_url()]:
        page.goto(f"{url}{path}")
        assert_no_violations(page, f"{path} (visitor)")
    force_sign_in(context, url, author)
    paths = [
        "/community/",
        "/community/general/",
        "/community/private/",
        thread.get_absolute_url(),
        "/community/general/new/",
        thread.get_absolute_url() + "reply/",
        thread.get_absolute_url() + f"reply/?quote={reply.pk}",
        f"/community/posts/{opening.pk}/edit/",
        f"/community/posts/{opening.pk}/delete/",
        f"/community/posts/{reply.pk}/report/",
        "/account/saved/",
    ]
    for path in paths:
        page.goto(f"{url}{path}")
        assert_no_violations(page, path)
    # Error and preview states.
    page.goto(f"{url}/community/general/new/")
    page.get_by_role("button", name="Post thread").click()
    expect(page).to_have_title(ERROR_TITLE)
    assert_no_violations(page, "new thread with errors")
    page.get_by_label("Title").fill("Previewing a thread")
    page.get_by_label("Message").fill("# Heading\n\nSome *text* and [a link](https://example.org).")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    assert_no_violations(page, "preview")
    # A moderator's view of the thread and the suspend page.
    force_sign_in(context, url, moderator)
    page.goto(f"{url}{thread.get_absolute_url()}")
    expect(page.get_by_role("button", name="Pin thread")).to_be_visible()
    assert_no_violations(page, "thread (moderator)")
    page.goto(f"{url}/community/moderate/members/{author.username}/")
    assert_no_violations(page, "suspend a member")


def test_posting_without_javascript(base_site, live_server, browser):
    author, moderator, space, thread = make_people()
    url = live_server.url
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    force_sign_in(context, url, author)

    # Start a thread, previewing first.
    page.goto(f"{url}/community/general/new/")
    page.get_by_label("Title").fill("A thread without JavaScript")
    page.get_by_label("Message").fill("Some **bold** words.")
    page.get_by_role("button", name="Preview").click()
    assert page.locator(".s4n-post-body strong").first.inner_text() == "bold"
    assert page.get_by_label("Message").input_value() == "Some **bold** words."
    page.get_by_role("button", name="Post thread").click()
    assert page.get_by_role("heading", level=1).inner_text() == "A thread without JavaScript"

    # Reply (the 10-second wait between posts is the cache's; clear it between steps).
    from django.core.cache import cache

    cache.clear()
    page.get_by_label("Reply").fill("Replying with no scripts.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Replying with no scripts.")).to_be_visible()

    # Edit the reply.
    page.get_by_role("link", name="Edit your post").last.click()
    page.get_by_label("Message").fill("Edited with no scripts.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Edited with no scripts.")).to_be_visible()
    expect(page.get_by_text("(edited").first).to_be_visible()

    # Report someone else's post, as the moderator's colleague would.
    force_sign_in(context, url, moderator)
    page.goto(f"{url}{thread.get_absolute_url()}")
    page.get_by_role("link", name="Report this post by Bea Author").first.click()
    page.get_by_label("Why are you reporting this post?").fill("Off topic")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("A moderator will look at the post")).to_be_visible()
    context.close()


def test_no_payload_runs(base_site, live_server, page, context):
    from community.discussions.models import Post

    author, moderator, space, thread = make_people()
    # Forms refuse NUL characters (and PostgreSQL cannot store them), so the posts carry the
    # payloads without them.
    payloads = [payload.replace("\x00", "") for payload in PAYLOADS]
    Post.objects.bulk_create(Post(thread=thread, author=author, body=payload) for payload in payloads)
    thread.reply_count += len(payloads)
    thread.title = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    thread.save()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    force_sign_in(context, live_server.url, author)
    for number in range(1, 6):
        page.goto(f"{live_server.url}{thread.get_absolute_url()}?page={number}")
        page.wait_for_load_state("load")
    page.goto(f"{live_server.url}/community/")
    page.goto(f"{live_server.url}/search/?q=alert")
    # Previews render the payloads too.
    page.goto(f"{live_server.url}{thread.get_absolute_url()}reply/")
    page.get_by_label("Reply").fill("\n\n".join(payloads))
    page.get_by_role("button", name="Preview").click()
    page.wait_for_load_state("load")
    assert dialogs == []
