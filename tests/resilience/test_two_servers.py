"""Two app servers, one state: two gunicorn servers under production settings on one
PostgreSQL database, one Redis and one media folder, as behind a load balancer. Whatever a
member does through one server holds on the other: the sign-in, the rate limits, a publish
(no stale cached page) and an uploaded profile picture."""

import io
import re
import time

import pytest
import requests
from PIL import Image

from .stack import Stack

pytestmark = pytest.mark.resilience

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
CONTACT_LIMIT = 5  # community/networks/views.py: messages to networks a member may send an hour


@pytest.fixture(scope="module")
def stack():
    with Stack(servers=2, redis_db=7, content="two_servers") as stack:
        yield stack


@pytest.fixture(scope="module")
def servers(stack):
    return stack.servers


def form_token(session, url):
    response = session.get(url, timeout=10)
    assert response.status_code == 200, (url, response.status_code)
    return CSRF_FIELD.search(response.text).group(1)


def sign_in(server, account):
    """A browser's sign-in: the form, its CSRF token, the email and password."""
    session = requests.Session()
    url = server.url("/accounts/login/")
    token = form_token(session, url)
    response = session.post(
        url,
        data={"csrfmiddlewaretoken": token, "login": account["email"], "password": account["password"]},
        headers={"Referer": url},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[-2000:]
    return session


def with_cookies_of(session):
    """A new browser holding only the cookies another server gave: nothing else is shared."""
    other = requests.Session()
    other.cookies.update(session.cookies)
    return other


def title(response):
    return " ".join(TITLE.search(response.text).group(1).split())


def test_a_sign_in_on_one_server_is_valid_on_the_other(stack, servers):
    server_a, server_b = servers
    member = stack.content["member"]
    on_a = sign_in(server_a, member)
    assert "sessionid" in on_a.cookies

    anonymous = requests.get(server_b.url("/account/"), allow_redirects=False, timeout=10)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.headers["Location"]

    on_b = with_cookies_of(on_a).get(server_b.url("/account/"), allow_redirects=False, timeout=10)
    assert on_b.status_code == 200
    assert member["name"] in on_b.text
    assert 'action="/accounts/logout/"' in on_b.text


def wait_clear_of_window_end(window=3600, margin=15):
    """The limits count in fixed windows: start well inside one, so all hits fall in it."""
    left = window - time.time() % window
    if left < margin:
        time.sleep(left + 1)


def test_a_rate_limit_counts_across_both_servers(stack, servers):
    server_a, server_b = servers
    member = stack.content["member"]
    path = f"/networks/{stack.content['network']}/contact/"
    browsers = {"A": sign_in(server_a, member)}
    browsers["B"] = with_cookies_of(browsers["A"])
    urls = {"A": server_a.url(path), "B": server_b.url(path)}
    wait_clear_of_window_end()

    def send(name, number):
        token = form_token(browsers[name], urls[name])
        return browsers[name].post(
            urls[name],
            data={"csrfmiddlewaretoken": token, "subject": f"Question {number}", "message": "Could we talk?"},
            headers={"Referer": urls[name]},
            allow_redirects=False,
            timeout=10,
        )

    # Alternating servers: neither alone reaches the limit of five.
    sent = [send(name, number).status_code for number, name in enumerate("ABABA", start=1)]
    assert sent == [302] * CONTACT_LIMIT
    refused_b, refused_a = send("B", 6), send("A", 7)
    assert (refused_b.status_code, refused_a.status_code) == (429, 429)
    assert "You can send up to 5 messages to networks an hour" in refused_b.text
    stored = stack.query("SELECT subject FROM networks_contactmessage WHERE sender_id = %s", [member["id"]])
    assert sorted(subject for (subject,) in stored) == [f"Question {n}" for n in range(1, 6)]


def test_a_publish_on_one_server_is_seen_on_the_other(stack, servers):
    server_a, server_b = servers
    page = stack.content["page"]
    visitor = requests.Session()
    # Twice, so any page cache on B holds the live page before the change.
    for _ in range(2):
        before = visitor.get(server_b.url(page["url"]), timeout=10)
        assert before.status_code == 200
        assert title(before).startswith(page["old_title"])

    moderator = sign_in(server_a, stack.content["moderator"])
    publish = server_a.url(f"/admin/bulk/wagtailcore/page/publish/?id={page['id']}")
    confirm = moderator.get(publish, timeout=10)
    assert stack.content["new_title"] in confirm.text
    token = CSRF_FIELD.search(confirm.text).group(1)
    done = moderator.post(
        publish, data={"csrfmiddlewaretoken": token}, headers={"Referer": publish}, allow_redirects=False, timeout=10
    )
    assert done.status_code == 302, done.text[-2000:]

    after = visitor.get(server_b.url(page["url"]), timeout=10)
    assert after.status_code == 200
    assert title(after).startswith(stack.content["new_title"])
    assert page["old_title"] not in after.text


def picture(size=(640, 480)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 94, 184)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_avatar_uploaded_through_one_server_is_served_by_the_other(stack, servers):
    server_a, server_b = servers
    member = stack.content["member"]
    on_a = sign_in(server_a, member)
    url = server_a.url("/account/profile/")
    token = form_token(on_a, url)
    saved = on_a.post(
        url,
        data={"csrfmiddlewaretoken": token, "display_name": member["name"]},
        files={"avatar": ("me.png", picture(), "image/png")},
        headers={"Referer": url},
        allow_redirects=False,
        timeout=10,
    )
    assert saved.status_code == 302, saved.text[-2000:]

    form = on_a.get(url, timeout=10).text
    src = re.search(r'<img [^>]*src="(/media/avatars/[^"]+)"', form).group(1)
    served = requests.get(server_b.url(src), timeout=10)
    assert served.status_code == 200
    assert served.content == (stack.media_root / src.removeprefix("/media/")).read_bytes()
    with Image.open(io.BytesIO(served.content)) as image:
        # Stored re-encoded and scaled to fit 512 pixels (source4networks/images.py).
        assert image.size == (512, 384)
