"""Who may do what: verified email, site-team roles, membership lookups."""

from allauth.account.models import EmailAddress
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

EDITORS_GROUP = "Editors"
MODERATORS_GROUP = "Moderators"


def is_verified(user):
    """Has the member confirmed an email address? Needed to join, post or contact.
    Remembered on the user object for the rest of the request."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_s4n_verified"):
        user._s4n_verified = EmailAddress.objects.filter(user=user, verified=True).exists()
    return user._s4n_verified


def holds_address(user, email, verified=True):
    """Is `email` one of the member's addresses (confirmed, unless verified=False)? Addresses
    are compared without regard to case."""
    if not user.is_authenticated:
        return False
    addresses = EmailAddress.objects.filter(user=user, email__iexact=email)
    return addresses.filter(verified=True).exists() if verified else addresses.exists()


def _group_names(user):
    if not hasattr(user, "_s4n_groups"):
        user._s4n_groups = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
    return user._s4n_groups


def is_site_team(user):
    """Editors, moderators and administrators: they may see hidden networks."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(_group_names(user) & {EDITORS_GROUP, MODERATORS_GROUP})


def verification_required(request, action="do this"):
    """The response for a signed-in member who has not confirmed their email address yet
    (or the sign-in page for a visitor)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "community/accounts/verification_required.html", {"action": action}, status=403)
