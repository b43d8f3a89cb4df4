"""Moderators' actions. Each changes one thing and writes one moderation log entry."""

from django.db import transaction
from django.utils import timezone

from community.discussions.models import ModerationAction, PostReport, Suspension
from community.discussions.posting import reindex

Action = ModerationAction.Action

THREAD_ACTIONS = {
    "pin": ("pinned", True, Action.PIN),
    "unpin": ("pinned", False, Action.UNPIN),
    "lock": ("locked", True, Action.LOCK),
    "unlock": ("locked", False, Action.UNLOCK),
    "hide": ("hidden", True, Action.HIDE_THREAD),
    "unhide": ("hidden", False, Action.UNHIDE_THREAD),
}
POST_ACTIONS = {"hide": (True, Action.HIDE_POST), "unhide": (False, Action.UNHIDE_POST)}


def log(moderator, action, reason="", **targets):
    return ModerationAction.objects.create(moderator=moderator, action=action, reason=reason or "", **targets)


@transaction.atomic
def moderate_thread(moderator, thread, name, reason=""):
    field, value, action = THREAD_ACTIONS[name]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    return log(moderator, action, reason, thread=thread)


@transaction.atomic
def moderate_post(moderator, post, name, reason=""):
    value, action = POST_ACTIONS[name]
    post.hidden = value
    post.save(update_fields=["hidden"])
    if post.is_opening:
        reindex(post.thread)  # the opening post's text is the thread's searchable text
    if value:
        # Hiding a post resolves every open report about it.
        post.reports.filter(status=PostReport.Status.OPEN).update(
            status=PostReport.Status.HIDDEN, resolved_by=moderator, resolved_at=timezone.now()
        )
    return log(moderator, action, reason, post=post, thread=post.thread)


@transaction.atomic
def move_thread(moderator, thread, space, reason=""):
    old = thread.space
    thread.space = space
    thread.save(update_fields=["space"])
    return log(moderator, Action.MOVE, reason, thread=thread, details=f"From {old.name} to {space.name}")


@transaction.atomic
def dismiss_report(moderator, report, reason=""):
    report.status = PostReport.Status.DISMISSED
    report.resolved_by = moderator
    report.resolved_at = timezone.now()
    report.save(update_fields=["status", "resolved_by", "resolved_at"])
    return log(moderator, Action.DISMISS_REPORT, reason, post=report.post, thread=report.post.thread)


@transaction.atomic
def suspend(moderator, member, reason):
    if not Suspension.objects.filter(user=member, lifted_at__isnull=True).exists():
        Suspension.objects.create(user=member, reason=reason, suspended_by=moderator)
    return log(moderator, Action.SUSPEND, reason, member=member)


@transaction.atomic
def unsuspend(moderator, member, reason=""):
    Suspension.objects.filter(user=member, lifted_at__isnull=True).update(lifted_at=timezone.now())
    return log(moderator, Action.UNSUSPEND, reason, member=member)
