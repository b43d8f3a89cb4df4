"""What discussions add to pages and features that other apps own: the member's part of
"Download my data", what goes when they delete their account, saved threads, a profile's
recent threads and the home page's latest discussions. Registered in DiscussionsConfig.ready()."""

from community.accounts.deletion import DeletionNote
from community.accounts.export import iso
from community.discussions.models import (
    DigestState,
    ModerationAction,
    Post,
    PostReport,
    SavedThread,
    Suspension,
    ThreadSubscription,
)
from community.discussions.rules import readable_spaces, visible_threads


def export_discussions(user, request=None):
    """The member's own posts and what they follow. Other people's posts are never included;
    saved and followed threads are listed only while the member may still read them."""
    visible = visible_threads(user)
    posts = Post.objects.filter(author=user).select_related("thread__space").order_by("created_at")
    return {
        "discussions": {
            "posts": [
                {
                    "thread": post.thread.title if post.is_opening or post.thread.author_id == user.pk else None,
                    "thread_id": post.thread_id,
                    "space": post.thread.space.name,
                    "opening_post": post.is_opening,
                    "body": post.body,
                    "created_at": iso(post.created_at),
                    "edited_at": iso(post.edited_at),
                    "deleted_at": iso(post.deleted_at),
                    "hidden_by_moderator": post.hidden,
                }
                for post in posts
            ],
            "saved_threads": [
                {
                    "title": saved.thread.title,
                    "address": saved.thread.get_absolute_url(),
                    "saved_at": iso(saved.created_at),
                }
                for saved in SavedThread.objects.filter(user=user, thread__in=visible).select_related("thread__space")
            ],
            "subscriptions": [
                {"title": sub.thread.title, "address": sub.thread.get_absolute_url()}
                for sub in ThreadSubscription.objects.filter(user=user, thread__in=visible).select_related(
                    "thread__space"
                )
            ],
            "reports_made": [
                {"reason": report.reason, "status": report.status, "created_at": iso(report.created_at)}
                for report in PostReport.objects.filter(reporter=user)
            ],
            "suspensions": [
                {"reason": s.reason, "from": iso(s.created_at), "lifted_at": iso(s.lifted_at)}
                for s in Suspension.objects.filter(user=user)
            ],
            "last_digest_sent_at": iso(
                DigestState.objects.filter(user=user).values_list("last_sent_at", flat=True).first()
            ),
        }
    }


def forget_member(sender, user, **kwargs):
    """Posts stay (shown as by "Former member"); what only concerned the person goes. Reports
    they made and the moderation log keep what happened, not who it was about."""
    ThreadSubscription.objects.filter(user=user).delete()
    SavedThread.objects.filter(user=user).delete()
    DigestState.objects.filter(user=user).delete()
    Suspension.objects.filter(user=user).delete()
    PostReport.objects.filter(reporter=user).update(reporter=None)
    ModerationAction.objects.filter(member=user).update(member=None)


DELETION_NOTE = DeletionNote(
    deleted=("the threads you saved or follow, your email notification settings and any suspension",),
    kept=(
        'your threads and replies stay, shown as written by "Former member"',
        "reports you made about posts stay, without your name",
    ),
)


def saved_threads(user):
    """The member's saved threads that they may still see, newest first."""
    return (
        SavedThread.objects.filter(user=user, thread__in=visible_threads(user))
        .select_related("thread__space")
        .order_by("-created_at")
    )


def recent_threads(viewer, member, count=5):
    """For a member's profile: threads they started or replied to, only where the viewer may read."""
    threads = (
        visible_threads(viewer)
        .filter(posts__author=member, posts__deleted_at__isnull=True, posts__hidden=False)
        .distinct()
        .select_related("space")
        .order_by("-last_activity_at")
    )
    return {"recent_threads": list(threads[:count])}


def latest_threads(request):
    """For the home page: the latest discussions this visitor may read."""
    threads = visible_threads(request.user).filter(hidden=False).select_related("space")
    return {"latest_threads": list(threads.order_by("-last_activity_at")[:3])}


def readable_threads(queryset, request):
    """Site search: threads in spaces the searcher may read, not hidden. The search backend
    filters on plain columns only, so the readable spaces are looked up first."""
    space_ids = list(readable_spaces(request.user).values_list("pk", flat=True))
    return queryset.filter(space_id__in=space_ids, hidden=False).select_related("space")


def readable_replies(queryset, request):
    """Site search: replies by the threads' reading rules (a readable space, the thread not
    hidden), never a hidden or deleted reply. Opening posts are found through their thread."""
    space_ids = list(readable_spaces(request.user).values_list("pk", flat=True))
    return queryset.filter(
        thread__space_id__in=space_ids,
        thread__hidden=False,
        is_opening=False,
        hidden=False,
        deleted_at__isnull=True,
    ).select_related("thread")
