"""Members and networks: profiles, the networks directory, memberships, invitations and
saved items."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from source4networks.search import search_join_index
from source4networks.taxonomy import NetworkType

INVITATION_LIFETIME = timedelta(days=28)


class NetworkTopic(TaggedItemBase):
    content_object = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="tagged_topics")


class JoinPolicy(models.TextChoices):
    OPEN = "open", "Open: anyone signed in can join"
    REQUEST = "request", "By request: a leader approves each request"
    INVITATION = "invitation", "By invitation only"


class NetworkQuerySet(models.QuerySet):
    def listed(self):
        """Networks the directory lists: not hidden by the editors and not closed by their
        leaders (a closed network's page stays at its address, with a notice)."""
        return self.filter(hidden=False, archived_at__isnull=True)


class Network(index.Indexed, models.Model):
    """A network in the public networks directory. Any verified member can create one and
    becomes its leader; leaders edit it and manage its members. Editors can feature a
    network (it is listed first) or hide it (it disappears from the directory and its page
    is shown only to its own members and the site team)."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160, unique=True, help_text="The network's address: /networks/<slug>/")
    summary = models.CharField(max_length=300, help_text="One or two sentences shown in the directory.")
    description = models.TextField(max_length=5000, blank=True, help_text="Plain text; blank lines start paragraphs.")
    network_type = models.CharField("type", max_length=30, choices=NetworkType.choices)
    regions = models.ManyToManyField("source4networks.Region", blank=True, related_name="networks")
    sectors = models.ManyToManyField("source4networks.Sector", blank=True, related_name="networks")
    topics = TaggableManager(through=NetworkTopic, blank=True)
    website = models.URLField(blank=True)
    year_founded = models.PositiveSmallIntegerField(null=True, blank=True)
    approximate_size = models.PositiveIntegerField(
        "approximate number of members", null=True, blank=True, help_text="Including people not on this site."
    )
    logo = models.ImageField(upload_to="network-logos/", blank=True)
    join_policy = models.CharField(max_length=20, choices=JoinPolicy.choices, default=JoinPolicy.REQUEST)
    featured = models.BooleanField(default=False, help_text="Featured networks are listed first in the directory.")
    hidden = models.BooleanField(
        default=False,
        help_text="Hidden networks are not listed, and only their members and the site team can see their page.",
    )
    archived_at = models.DateTimeField(
        "closed on",
        null=True,
        blank=True,
        help_text=(
            "Set when a leader closes the network: its page stays, read-only, it takes no new members and its "
            "private discussions are locked. Clear it to open the network again."
        ),
    )
    # Site search finds networks by name, summary, description and topics (hidden or closed ones never).
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("hidden"),
        index.FilterField("archived_at"),
    ]
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NetworkQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("network_type"), FieldPanel("join_policy")]),
                FieldPanel("regions"),
                FieldPanel("sectors"),
                FieldPanel("topics"),
            ],
            heading="Details",
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldRowPanel([FieldPanel("year_founded"), FieldPanel("approximate_size")])],
            heading="More about the network",
        ),
        MultiFieldPanel([FieldPanel("featured"), FieldPanel("hidden"), FieldPanel("archived_at")], heading="Editorial"),
    ]

    class Meta:
        ordering = ["name"]
        indexes = [search_join_index("id", "networks_search_join")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:network_detail", args=[self.slug])

    @property
    def is_closed(self):
        return self.archived_at is not None


class Membership(models.Model):
    """One person's place in a network: a member or a leader, or a pending request to join.
    Members choose whether the network page shows them. Leaders are always shown to signed-in
    members, and to visitors only if their profile says "show me as a leader publicly"."""

    class Role(models.TextChoices):
        LEADER = "leader", "Leader"
        MEMBER = "member", "Member"

    class Status(models.TextChoices):
        ACTIVE = "active", "Member"
        PENDING = "pending", "Request waiting for a leader"

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    show_on_network_page = models.BooleanField(
        default=False, help_text="Show this member on the network's public page."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["network", "user"], name="one_membership_per_network")]
        indexes = [models.Index(fields=["network", "status", "role"])]
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.user} in {self.network} ({self.get_role_display()}, {self.status})"

    @property
    def is_leader(self):
        return self.status == self.Status.ACTIVE and self.role == self.Role.LEADER

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_token(invitation):
    """The secret in an invitation's link, worked out from the invitation and the site's
    secret key: the email task builds the link when it runs, so the link is never kept in
    the task queue, and only its hash is stored."""
    value = f"{invitation.pk}:{int(invitation.created_at.timestamp())}"
    return salted_hmac("community.networks.invitation", value, algorithm="sha256").hexdigest()


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An invitation from a leader to join a network, sent by email. The link in the email
    works once and expires after 28 days; only a hash of its secret is stored."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When a leader last sent the invitation again, if they did."
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation to {self.network} for {self.email}"

    @classmethod
    def create(cls, network, email, invited_by):
        """A new invitation and the secret for its link (the secret is not stored)."""
        # Whole seconds: the secret is worked out again from the stored time.
        now = timezone.now().replace(microsecond=0)
        invitation = cls.objects.create(
            network=network,
            email=email.lower(),
            # A placeholder until the id, which the secret is worked out from, is known.
            token_hash=secrets.token_hex(32),
            invited_by=invited_by,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )
        token = invitation_token(invitation)
        invitation.token_hash = hash_token(token)
        invitation.save(update_fields=["token_hash"])
        return invitation, token

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at


class ContactMessage(models.Model):
    """A message sent to a network's leaders through "Contact this network". It is kept only
    until the email to the leaders has gone (the email task deletes it), and goes with its
    sender's account."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=150)
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Message to {self.network}"
