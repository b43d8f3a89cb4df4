"""Members: the profile each member keeps, and the pages they save to read later."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

FORMER_MEMBER = "Former member"


class NotificationFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away"
    DAILY = "daily", "Once a day (daily digest)"
    WEEKLY = "weekly", "Once a week (weekly digest)"
    OFF = "off", "Never"


class ProfileInterest(TaggedItemBase):
    content_object = models.ForeignKey("members.Profile", on_delete=models.CASCADE, related_name="tagged_interests")


class Profile(models.Model):
    """What a member tells other members about themselves. Only signed-in members can see a
    profile, and it appears in the member directory only if the member chose that; a member who
    did not has a minimal profile (their name and their posts). A leader is named on their
    networks' pages to visitors only if they chose "show me as a leader publicly"."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=100, help_text="The name other members see.")
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(max_length=150, blank=True)
    region = models.ForeignKey(
        "source4networks.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.ForeignKey(
        "source4networks.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField("short bio", max_length=1000, blank=True)
    interests = TaggableManager(through=ProfileInterest, blank=True, help_text="Topics you are interested in.")
    avatar = models.ImageField("profile picture", upload_to="avatars/", blank=True)
    show_in_directory = models.BooleanField(
        "show me in the member directory",
        default=False,
        help_text="Other signed-in members can find you in the member directory.",
    )
    show_as_leader_publicly = models.BooleanField(
        "show me as a leader publicly",
        default=False,
        help_text="Visitors who are not signed in see your name, job title and organisation on the pages "
        "of networks you lead. Signed-in members always see who leads a network.",
    )
    notification_frequency = models.CharField(
        max_length=10, choices=NotificationFrequency.choices, default=NotificationFrequency.IMMEDIATE
    )
    terms_accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name"]
        indexes = [models.Index(fields=["show_in_directory", "display_name"])]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("community:member_profile", args=[self.user.username])


class SavedItem(models.Model):
    """A page (resource, case study or event) a member saved to read later."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="save_page_once")]
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} saved {self.page}"


def display_name(user):
    """The name other members see for `user`; "Former member" once the account is deleted."""
    if user is None:
        return FORMER_MEMBER
    try:
        return user.profile.display_name
    except ObjectDoesNotExist:
        return FORMER_MEMBER
