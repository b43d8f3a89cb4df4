from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

# Sent by community.account.delete_account before a member's personal data is removed, so
# other apps (discussions, diagnostics) can remove or anonymise what they hold.
account_deleting = Signal()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile, however it was made (sign-up, admin, fixtures)."""
    if raw or not created:
        return
    from .models import Profile

    name = getattr(instance, "_s4n_display_name", "") or instance.get_full_name() or instance.get_username()
    Profile.objects.get_or_create(user=instance, defaults={"display_name": name[:100]})
