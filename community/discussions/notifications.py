"""Emails about discussions: a message per new reply for members who want them straight
away, and daily or weekly digests for the rest. Every email checks the reading rules at
sending time, so nobody hears about a space they can no longer read."""

from collections import OrderedDict
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from community.discussions.models import DigestState, Post, ThreadSubscription
from community.discussions.rules import can_see_thread
from community.members.models import NotificationFrequency, display_name
from source4networks.emails import absolute_url, send_templated_email

UNSUBSCRIBE_SALT = "community.thread-unsubscribe"
PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def unsubscribe_token(user, thread):
    return signing.dumps([user.pk, thread.pk], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user id, thread id), or None for a token that was altered or made up."""
    try:
        user_id, thread_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(user_id), int(thread_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def unsubscribe_url(user, thread):
    return absolute_url(reverse("community:unsubscribe", args=[unsubscribe_token(user, thread)]))


def notify_reply(post_id):
    send_reply_notifications.enqueue(post_id)


def _post_url(post):
    return absolute_url(reverse("community:post_link", args=[post.pk]))


def _author_name(post):
    return display_name(post.author)


@task()
def send_reply_notifications(post_id):
    """Email each subscriber who wants replies straight away (never the post's author)."""
    post = Post.objects.select_related("thread__space", "author__profile").filter(pk=post_id).first()
    if post is None or post.hidden or post.is_deleted or post.thread.hidden:
        return 0
    thread = post.thread
    subscriptions = (
        ThreadSubscription.objects.filter(
            thread=thread,
            user__is_active=True,
            user__profile__notification_frequency=NotificationFrequency.IMMEDIATE,
        )
        .exclude(user_id=post.author_id)
        .select_related("user__profile")
    )
    sent = 0
    for subscription in subscriptions:
        user = subscription.user
        if not user.email or not can_see_thread(user, thread):
            continue
        link = unsubscribe_url(user, thread)
        send_templated_email(
            "community/discussions/email/reply",
            user.email,
            {
                "thread": thread,
                "author_name": _author_name(post),
                "body": post.body,
                "post_url": _post_url(post),
                "unsubscribe_url": link,
                "settings_url": absolute_url(reverse("community:account_notifications")),
            },
            headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
        sent += 1
    return sent


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
    """One digest for every member who chose `period`, covering what is new since their
    last digest. Returns the number sent."""
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
        for item in items:
            item["unsubscribe_url"] = unsubscribe_url(user, item["thread"])
        send_templated_email(
            "community/discussions/email/digest",
            user.email,
            {
                "period": period,
                "items": items,
                "settings_url": absolute_url(reverse("community:account_notifications")),
            },
        )
        sent += 1
    return sent
