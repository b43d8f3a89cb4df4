"""What members add to pages and features that other apps own: the profile and saved pages in
"Download my data", what goes when an account is deleted, and the saved-items count on the
account overview. Registered in MembersConfig.ready()."""

from community.accounts.deletion import DeletionNote
from community.accounts.export import iso

from .models import Profile, SavedItem
from .saved import saved_count


def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile, however it was made (sign-up, admin, fixtures)."""
    if raw or not created:
        return
    name = getattr(instance, "_s4n_display_name", "") or instance.get_full_name() or instance.get_username()
    Profile.objects.get_or_create(user=instance, defaults={"display_name": name[:100]})


def export_profile(user, request=None):
    profile = user.profile
    return {
        "profile": {
            "display_name": profile.display_name,
            "job_title": profile.job_title,
            "organisation": profile.organisation,
            "region": profile.region.name if profile.region else None,
            "sector": profile.sector.name if profile.sector else None,
            "bio": profile.bio,
            "interests": sorted(tag.name for tag in profile.interests.all()),
            "avatar": request.build_absolute_uri(profile.avatar.url)
            if profile.avatar and request
            else (profile.avatar.name or None),
            "show_in_directory": profile.show_in_directory,
            "show_as_leader_publicly": profile.show_as_leader_publicly,
            "notification_frequency": profile.notification_frequency,
            "terms_accepted_at": iso(profile.terms_accepted_at),
            "created_at": iso(profile.created_at),
            "updated_at": iso(profile.updated_at),
        },
        "saved_items": [
            {
                "title": item.page.title,
                "address": item.page.url_path,
                "url": item.page.get_url(request) if request else None,
                "saved_at": iso(item.created_at),
            }
            for item in SavedItem.objects.filter(user=user).select_related("page").order_by("created_at")
        ],
    }


def forget_member(sender, user, **kwargs):
    """The profile, its picture and the saved pages go."""
    profile = getattr(user, "profile", None)
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    SavedItem.objects.filter(user=user).delete()


def member_names(user):
    """The name other members saw, so deletion can find records that name the member."""
    profile = getattr(user, "profile", None)
    return [profile.display_name] if profile else []


DELETION_NOTE = DeletionNote(deleted=("your profile, including your picture and interests", "your saved pages"))


def account_summary(user):
    return {"saved_count": saved_count(user)}
