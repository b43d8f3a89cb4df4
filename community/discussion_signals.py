"""Discussions' part in data export and account deletion, and keeping threads searchable."""

from django.dispatch import receiver

from .account import EXPORT_SECTIONS
from .discussion_models import DigestState, Post, PostReport, SavedThread, Suspension, ThreadSubscription
from .discussion_rules import visible_threads
from .signals import account_deleting


def _iso(value):
    return value.isoformat() if value else None


def export_discussions(user):
    """The member's own posts and what they follow. Other people's posts are never included;
    saved and followed threads are listed only while the member may still read them."""
    visible = visible_threads(user)
    posts = Post.objects.filter(author=user).select_related("thread__space").order_by("created_at")
    return "discussions", {
        "posts": [
            {
                "thread": post.thread.title if post.is_opening or post.thread.author_id == user.pk else None,
                "thread_id": post.thread_id,
                "space": post.thread.space.name,
                "opening_post": post.is_opening,
                "body": post.body,
                "created_at": _iso(post.created_at),
                "edited_at": _iso(post.edited_at),
                "deleted_at": _iso(post.deleted_at),
                "hidden_by_moderator": post.hidden,
            }
            for post in posts
        ],
        "saved_threads": [
            {
                "title": saved.thread.title,
                "address": saved.thread.get_absolute_url(),
                "saved_at": _iso(saved.created_at),
            }
            for saved in SavedThread.objects.filter(user=user, thread__in=visible).select_related("thread__space")
        ],
        "subscriptions": [
            {"title": sub.thread.title, "address": sub.thread.get_absolute_url()}
            for sub in ThreadSubscription.objects.filter(user=user, thread__in=visible).select_related("thread__space")
        ],
        "reports_made": [
            {"reason": report.reason, "status": report.status, "created_at": _iso(report.created_at)}
            for report in PostReport.objects.filter(reporter=user)
        ],
        "suspensions": [
            {"reason": s.reason, "from": _iso(s.created_at), "lifted_at": _iso(s.lifted_at)}
            for s in Suspension.objects.filter(user=user)
        ],
    }


EXPORT_SECTIONS.append(export_discussions)


@receiver(account_deleting)
def forget_discussion_member(sender, user, **kwargs):
    """Posts stay (shown as by "Former member"); what only concerned the person goes."""
    ThreadSubscription.objects.filter(user=user).delete()
    SavedThread.objects.filter(user=user).delete()
    DigestState.objects.filter(user=user).delete()
    PostReport.objects.filter(reporter=user).update(reporter=None)
