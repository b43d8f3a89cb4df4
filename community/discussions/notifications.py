"""Emails about discussions: a message per new reply for members who want them straight
away, and daily or weekly digests for the rest. Every email is built when the email task
runs and checks the reading rules then, so nobody hears about a space they can no longer
read, or about a post hidden in the meantime."""

from collections import OrderedDict
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from community.discussions.models import DigestState, Post, ThreadSubscription
from community.discussions.rules import can_see_thread
from community.members.models import NotificationFrequency, display_name
from source4networks.emails import Email, EmailKind, send_templated_email
from source4networks.site_address import absolute_url

UNSUBSCRIBE_SALT = "community.thread-unsubscribe"
PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
REPLY_EMAIL = "community/discussions/email/reply"
DIGEST_EMAIL = "community/discussions/email/digest"


def unsubscribe_token(user, thread=None):
    """The secret in an unsubscribe link: for one thread, or (without a thread) for every
    email about discussions."""
    payload = [user.pk, thread.pk] if thread is not None else [user.pk]
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user id, thread id or None for every discussion email), or None for a token that was
    altered or made up."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        if len(payload) == 1:
            return int(payload[0]), None
        user_id, thread_id = payload
        return int(user_id), int(thread_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def unsubscribe_url(user, thread=None):
    return absolute_url(reverse("community:unsubscribe", args=[unsubscribe_token(user, thread)]))


def unsubscribe_headers(link):
    """RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that POSTs to `link`."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def notify_reply(post_id):
    send_reply_notifications.enqueue(post_id)


def _post_url(post):
    return absolute_url(reverse("community:post_link", args=[post.pk]))


def _author_name(post):
    return display_name(post.author)


def _settings_url():
    return absolute_url(reverse("community:account_notifications"))


def _live_post(post_id):
    post = Post.objects.select_related("thread__space", "author__profile").filter(pk=post_id).first()
    if post is None or post.hidden or post.is_deleted or post.thread.hidden:
        return None
    return post


@task()
def send_reply_notifications(post_id):
    """Queue an email for each subscriber who wants replies straight away (never the post's
    author)."""
    post = _live_post(post_id)
    if post is None:
        return 0
    subscribers = (
        ThreadSubscription.objects.filter(
            thread=post.thread,
            user__is_active=True,
            user__profile__notification_frequency=NotificationFrequency.IMMEDIATE,
        )
        .exclude(user_id=post.author_id)
        .values_list("user_id", flat=True)
    )
    queued = 0
    for user_id in subscribers:
        send_templated_email(REPLY_EMAIL, user_id=user_id, post_id=post.pk)
        queued += 1
    return queued


def build_reply_email(user_id, post_id):
    post = _live_post(post_id)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if post is None or user is None or not user.email or not can_see_thread(user, post.thread):
        return []
    thread = post.thread
    if not ThreadSubscription.objects.filter(user=user, thread=thread).exists():
        return []
    link = unsubscribe_url(user, thread)
    context = {
        "thread": thread,
        "author_name": _author_name(post),
        "body": post.body,
        "post_url": _post_url(post),
        "unsubscribe_url": link,
        "settings_url": _settings_url(),
    }
    return [Email(user.email, context, headers=unsubscribe_headers(link))]


def digest_items(user, since, until):
    """New posts in the member's subscribed threads between `since` and `until` that they
    may see, by thread."""
    posts = (
        Post.objects.filter(
            thread__subscriptions__user=user,
            created_at__gt=since,
            created_at__lte=until,
            hidden=False,
            deleted_at__isnull=True,
            thread__hidden=False,
        )
        .exclude(author=user)
        .select_related("thread__space", "author__profile")
        .order_by("thread_id", "created_at")
    )
    threads = OrderedDict()
    for post in posts:
        if post.thread_id not in threads:
            if not can_see_thread(user, post.thread):
                threads[post.thread_id] = None
                continue
            threads[post.thread_id] = {"thread": post.thread, "posts": []}
        if threads[post.thread_id] is not None:
            threads[post.thread_id]["posts"].append(
                {"author_name": _author_name(post), "url": _post_url(post), "body": post.body}
            )
    return [entry for entry in threads.values() if entry]


def send_digests(period, now=None):
    """Queue one digest for every member who chose `period`, covering what is new since
    their last digest. Returns the number queued."""
    now = now or timezone.now()
    User = get_user_model()
    users = User.objects.filter(
        is_active=True, profile__notification_frequency=period, thread_subscriptions__isnull=False
    ).distinct()
    sent = 0
    for user in users:
        state = DigestState.objects.filter(user=user).first()
        since = state.last_sent_at if state else now - PERIODS[period]
        items = digest_items(user, since, now)
        DigestState.objects.update_or_create(user=user, defaults={"last_sent_at": now})
        if not items or not user.email:
            continue
        send_templated_email(
            DIGEST_EMAIL, user_id=user.pk, period=period, since=since.isoformat(), until=now.isoformat()
        )
        sent += 1
    return sent


def build_digest_email(user_id, period, since, until):
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return []
    items = digest_items(user, datetime.fromisoformat(since), datetime.fromisoformat(until))
    if not items:
        return []
    for item in items:
        item["unsubscribe_url"] = unsubscribe_url(user, item["thread"])
    stop_all = unsubscribe_url(user)
    context = {"period": period, "items": items, "settings_url": _settings_url(), "stop_all_url": stop_all}
    return [Email(user.email, context, headers=unsubscribe_headers(stop_all))]


EMAIL_KINDS = [EmailKind(REPLY_EMAIL, build_reply_email), EmailKind(DIGEST_EMAIL, build_digest_email)]
