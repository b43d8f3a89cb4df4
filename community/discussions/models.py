"""Discussions: spaces, threads, posts, subscriptions, reports and the moderation log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from source4networks.search import search_join_index

from .markdown import plain_text

TITLE_MIN_LENGTH = 5
TITLE_MAX_LENGTH = 150
BODY_MAX_LENGTH = 20_000
REPORT_REASON_MAX_LENGTH = 1000


# Addresses under /community/ that are not spaces.
RESERVED_SLUGS = {"members", "posts", "unsubscribe", "moderate"}


class SpaceKind(models.TextChoices):
    OPEN = "open", "Open: anyone can read, verified members post"
    MEMBERS = "members", "Members only: signed-in members read and post"
    NETWORK = "network", "Network private: only the network's members read and post"


class Space(models.Model):
    """A place for discussions. Open spaces can be read by anyone; members-only spaces by
    signed-in members; a network-private space only by the members of its network (each
    network has at most one, which its leaders switch on and off)."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, help_text="The space's address: /community/<slug>/")
    description = models.CharField(max_length=300, blank=True, help_text="One or two sentences shown in the list.")
    kind = models.CharField(max_length=10, choices=SpaceKind.choices, default=SpaceKind.OPEN)
    network = models.OneToOneField(
        "networks.Network",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="space",
        help_text="Only for network-private spaces.",
    )
    active = models.BooleanField(
        default=True, help_text="Switched-off spaces are hidden from everyone except moderators."
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("kind"),
        FieldPanel("network"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": "This address is used by another page: choose another."})
        if self.kind == SpaceKind.NETWORK and not self.network_id:
            raise ValidationError({"network": "A network-private space needs its network."})
        if self.kind != SpaceKind.NETWORK and self.network_id:
            raise ValidationError({"network": "Only network-private spaces belong to a network."})

    def get_absolute_url(self):
        return reverse("community:space", args=[self.slug])


class ThreadTopic(TaggedItemBase):
    content_object = models.ForeignKey("discussions.Thread", on_delete=models.CASCADE, related_name="tagged_topics")


class Thread(index.Indexed, models.Model):
    """A conversation in a space: a title, the opening post and replies."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="discussion_threads"
    )
    topics = TaggableManager(through=ThreadTopic, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply_count = models.PositiveIntegerField(default=0)
    pinned = models.BooleanField(default=False, help_text="Pinned threads are listed first in their space.")
    locked = models.BooleanField(default=False, help_text="Nobody can reply to a locked thread.")
    hidden = models.BooleanField(default=False, help_text="Hidden threads are seen only by moderators.")

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("search_text"),
        index.FilterField("space_id"),
        index.FilterField("hidden"),
    ]

    class Meta:
        ordering = ["-last_activity_at"]
        indexes = [
            models.Index(fields=["space", "hidden", "-pinned", "-last_activity_at"]),
            search_join_index("id", "threads_search_join"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:thread", args=[self.space.slug, self.pk])

    @property
    def search_text(self):
        first = self.posts.filter(is_opening=True).first()
        return first.body if first and not first.is_deleted and not first.hidden else ""

    @property
    def summary(self):
        return f"Discussion in {self.space.name}"


class Post(index.Indexed, models.Model):
    """The opening post of a thread or a reply, written in Markdown."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="discussion_posts"
    )
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    is_opening = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(default=False, help_text="Hidden posts are seen only by moderators.")

    # Replies are found by site search on their own (the opening post is the thread's text); the
    # filters let search keep to the same reading rules as threads.
    search_fields = [
        index.SearchField("body"),
        index.FilterField("is_opening"),
        index.FilterField("hidden"),
        index.FilterField("deleted_at"),
        index.RelatedFields("thread", [index.FilterField("space_id"), index.FilterField("hidden")]),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"]), search_join_index("id", "posts_search_join")]

    def __str__(self):
        return f"Post {self.pk} in {self.thread}"

    @classmethod
    def get_indexed_objects(cls):
        # Opening posts are searched as their thread's text, so only replies are indexed.
        return super().get_indexed_objects().filter(is_opening=False)

    def get_absolute_url(self):
        return reverse("community:post_link", args=[self.pk])

    @property
    def search_title(self):
        return f"Reply in “{self.thread.title}”"

    @property
    def summary(self):
        return plain_text(self.body)

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class ThreadSubscription(models.Model):
    """A member who is emailed about new replies to a thread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_subscriptions")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="subscribe_once")]


class SavedThread(models.Model):
    """A thread a member saved to read later (listed with their saved pages)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_threads")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="save_thread_once")]
        ordering = ["-created_at"]


class PostReport(models.Model):
    """A member's report that a post breaks the rules. Moderators work through open reports
    in the admin: hide the post or dismiss the report."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a moderator"
        HIDDEN = "hidden", "Resolved: post hidden"
        DISMISSED = "dismissed", "Resolved: dismissed"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(max_length=REPORT_REASON_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "report"

    def __str__(self):
        return f"Report on post {self.post_id}: {self.reason[:60]}"


class ModerationAction(models.Model):
    """The moderation log: who did what, to what, when and why. Entries are never edited."""

    class Action(models.TextChoices):
        PIN = "pin", "Pinned thread"
        UNPIN = "unpin", "Unpinned thread"
        LOCK = "lock", "Locked thread"
        UNLOCK = "unlock", "Unlocked thread"
        HIDE_THREAD = "hide_thread", "Hid thread"
        UNHIDE_THREAD = "unhide_thread", "Unhid thread"
        HIDE_POST = "hide_post", "Hid post"
        UNHIDE_POST = "unhide_post", "Unhid post"
        MOVE = "move", "Moved thread"
        SUSPEND = "suspend", "Suspended member"
        UNSUSPEND = "unsuspend", "Lifted suspension"
        DISMISS_REPORT = "dismiss_report", "Dismissed report"

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    details = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "moderation log entry"
        verbose_name_plural = "moderation log"

    def __str__(self):
        return f"{self.get_action_display()} by {self.moderator} at {self.created_at:%Y-%m-%d %H:%M}"


class Suspension(models.Model):
    """A member who may read but not post, and the reason they are shown."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions")
    reason = models.TextField()
    suspended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Suspension of {self.user}"


class DigestState(models.Model):
    """When a member's last digest was sent: the next one covers only what came after."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_state")
    last_sent_at = models.DateTimeField()
