"""Starting threads, replying and editing: the abuse limits, subscriptions and the
notifications a new reply sends. Views call these; they hold no rules of their own."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.search import index

from community.discussions.markdown import count_links
from community.discussions.models import Post, Thread, ThreadSubscription
from community.discussions.notifications import notify_reply
from community.discussions.rules import is_new_account
from source4networks import ratelimit

# The figures from the specification (section 5): keep them exactly.
SECONDS_BETWEEN_POSTS = 10
POSTS_PER_HOUR = 30
NEW_ACCOUNT_THREADS_PER_DAY = 3
NEW_ACCOUNT_REPLIES_PER_DAY = 10
NEW_ACCOUNT_LINKS_PER_POST = 2
HOUR = 3600
DAY = 86400
OUTAGE_MESSAGE = "New accounts cannot post just now: part of the service is unavailable. Try again in a few minutes."


@dataclass(frozen=True)
class Refusal:
    message: str
    retry_after: int = 0  # seconds; 0 when waiting will not help

    @property
    def when(self):
        if self.retry_after <= 0:
            return ""
        if self.retry_after < 60:
            return ngettext("%d second", "%d seconds", self.retry_after) % self.retry_after
        minutes = -(-self.retry_after // 60)
        if minutes < 120:
            return ngettext("%d minute", "%d minutes", minutes) % minutes
        return f"{-(-minutes // 60)} hours"

    def __str__(self):
        return f"{self.message} Try again in {self.when}." if self.when else self.message


def _limits(user, kind):
    """(key, limit, window, message, on_outage) for each counted limit on this member posting
    `kind`. With the cache unreachable, members still post; new accounts, the ones the limits
    keep spam from, do not (docs/faults.md)."""
    limits = [
        (
            f"posts-hour:{user.pk}",
            POSTS_PER_HOUR,
            HOUR,
            f"You can post {POSTS_PER_HOUR} times an hour.",
            ratelimit.ALLOW,
        )
    ]
    if is_new_account(user):
        if kind == "thread":
            limits.append(
                (
                    f"new-threads-day:{user.pk}",
                    NEW_ACCOUNT_THREADS_PER_DAY,
                    DAY,
                    f"New accounts can start {NEW_ACCOUNT_THREADS_PER_DAY} threads a day.",
                    ratelimit.REFUSE,
                )
            )
        elif kind == "reply":
            limits.append(
                (
                    f"new-replies-day:{user.pk}",
                    NEW_ACCOUNT_REPLIES_PER_DAY,
                    DAY,
                    f"New accounts can post {NEW_ACCOUNT_REPLIES_PER_DAY} replies a day.",
                    ratelimit.REFUSE,
                )
            )
    return limits


def check_links(user, body):
    if is_new_account(user) and count_links(body) > NEW_ACCOUNT_LINKS_PER_POST:
        return Refusal(
            f"Accounts less than a day old can include at most {NEW_ACCOUNT_LINKS_PER_POST} links in a post. "
            "Remove some links and post again."
        )
    return None


def check_limits(user, kind, body=""):
    """A Refusal if posting now would break a limit, otherwise None. Counts nothing, so it
    only forewarns: take_limits decides."""
    refusal = check_links(user, body)
    if refusal:
        return refusal
    if kind == "edit":
        return None
    wait = ratelimit.cooldown_remaining(f"post:{user.pk}", SECONDS_BETWEEN_POSTS)
    if wait:
        return Refusal(f"Please wait {SECONDS_BETWEEN_POSTS} seconds between posts.", wait)
    for key, limit, window, message, _on_outage in _limits(user, kind):
        result = ratelimit.peek(key, limit, window)
        if not result.allowed:
            return Refusal(f"You have reached the limit. {message}", result.retry_after)
    return None


class LimitReached(Exception):
    """Posting now would break a limit; `refusal` says which and when to try again."""

    def __init__(self, refusal):
        super().__init__(str(refusal))
        self.refusal = refusal


def take_limits(user, kind, body=""):
    """Count one post of `kind` against every limit, or raise LimitReached and count
    nothing. The views call this just before start_thread or add_reply (which apply no
    limits themselves, so the demo loader and tests can post freely). Each limit is
    decided by one atomic cache operation, so of several posts sent at the same moment
    only as many as the limits allow get through."""
    refusal = check_links(user, body)
    if refusal:
        raise LimitReached(refusal)
    cooldown = f"post:{user.pk}"
    wait = ratelimit.claim_cooldown(cooldown, SECONDS_BETWEEN_POSTS, on_outage=ratelimit.ALLOW)
    if wait:
        raise LimitReached(Refusal(f"Please wait {SECONDS_BETWEEN_POSTS} seconds between posts.", wait))
    taken = []
    for key, limit, window, message, on_outage in _limits(user, kind):
        result = ratelimit.hit(key, limit, window, on_outage=on_outage)
        taken.append(result)
        if not result.allowed:
            # Nothing is posted, so nothing stays counted.
            for counted in taken:
                ratelimit.give_back(counted)
            ratelimit.end_cooldown(cooldown)
            if result.unavailable:
                raise LimitReached(Refusal(OUTAGE_MESSAGE))
            raise LimitReached(Refusal(f"You have reached the limit. {message}", result.retry_after))


def reindex(thread):
    """Update the thread's search entry (its title and opening post) once the change is
    saved. Done here rather than left to the background task that saving a thread queues,
    so that text hidden or deleted stops being found at once."""
    transaction.on_commit(lambda: index.insert_or_update_object(thread))


def subscribe(user, thread):
    ThreadSubscription.objects.get_or_create(user=user, thread=thread)


def unsubscribe(user, thread):
    ThreadSubscription.objects.filter(user=user, thread=thread).delete()


@transaction.atomic
def start_thread(user, space, title, body, topics=()):
    now = timezone.now()
    thread = Thread.objects.create(
        space=space, title=title, author=user, created_at=now, last_activity_at=now, last_author=user
    )
    if topics:
        thread.topics.set(list(topics))
    Post.objects.create(thread=thread, author=user, body=body, is_opening=True, created_at=now)
    subscribe(user, thread)
    # The thread was indexed before its opening post existed: index it again with the text.
    reindex(thread)
    return thread


def add_reply(user, thread, body):
    with transaction.atomic():
        now = timezone.now()
        post = Post.objects.create(thread=thread, author=user, body=body, created_at=now)
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=now, last_author=user
        )
        subscribe(user, thread)
        transaction.on_commit(lambda: notify_reply(post.pk))
    return post


def edit_post(post, body, title=None):
    post.body = body
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    if post.is_opening:
        if title is not None:
            post.thread.title = title
        post.thread.save(update_fields=["title"])
        reindex(post.thread)


def delete_post(post):
    """The post stays in place as "This post was deleted"; its text is removed."""
    post.deleted_at = timezone.now()
    post.body = ""
    post.save(update_fields=["deleted_at", "body"])
    if post.is_opening:
        reindex(post.thread)
