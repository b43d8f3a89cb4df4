"""Download my data and delete my account."""

import uuid

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Invitation, Membership, Network, SavedItem
from .signals import account_deleting

# Other apps add sections to the download: functions taking the user and returning
# (section name, JSON-ready data). Discussions and diagnostics register theirs here.
EXPORT_SECTIONS = []


def _iso(value):
    return value.isoformat() if value else None


def export_data(user, request=None):
    """Everything the site holds about one member, as JSON-ready data. Only their own data:
    other people appear by network name at most, never by name or email address."""
    profile = user.profile
    data = {
        "exported_at": _iso(timezone.now()),
        "account": {
            "username": user.username,
            "email": user.email,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
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
            "notification_frequency": profile.notification_frequency,
            "terms_accepted_at": _iso(profile.terms_accepted_at),
            "created_at": _iso(profile.created_at),
            "updated_at": _iso(profile.updated_at),
        },
        "memberships": [
            {
                "network": membership.network.name,
                "network_address": membership.network.get_absolute_url(),
                "role": membership.role,
                "status": membership.status,
                "shown_on_network_page": membership.show_on_network_page,
                "requested_at": _iso(membership.created_at),
                "joined_at": _iso(membership.joined_at),
            }
            for membership in Membership.objects.filter(user=user).select_related("network").order_by("created_at")
        ],
        "networks_created": [
            {"network": network.name, "created_at": _iso(network.created_at)}
            for network in Network.objects.filter(created_by=user).order_by("created_at")
        ],
        "invitations_received": [
            {
                "network": invitation.network.name,
                "sent_at": _iso(invitation.created_at),
                "expires_at": _iso(invitation.expires_at),
                "accepted_at": _iso(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(
                Q(email__in=_emails(user)) | Q(accepted_by=user)
            ).select_related("network")
        ],
        # Invitations this member sent are counted, not listed: the addresses are other people's.
        "invitations_sent": Invitation.objects.filter(invited_by=user).count(),
        "saved_items": [
            {
                "title": item.page.title,
                "address": item.page.url_path,
                "url": item.page.get_url(request) if request else None,
                "saved_at": _iso(item.created_at),
            }
            for item in SavedItem.objects.filter(user=user).select_related("page").order_by("created_at")
        ],
    }
    for section in EXPORT_SECTIONS:
        name, value = section(user)
        data[name] = value
    return data


def _emails(user):
    emails = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    if user.email:
        emails.add(user.email)
    return {email.lower() for email in emails}


def sole_leader_networks(user):
    """Networks this member leads alone: their account cannot be deleted while these
    would be left without a leader."""
    led = Membership.objects.filter(user=user, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE)
    networks = []
    for membership in led.select_related("network"):
        others = (
            Membership.objects.filter(
                network=membership.network, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE
            )
            .exclude(user=user)
            .exists()
        )
        if not others:
            networks.append(membership.network)
    return networks


@transaction.atomic
def delete_account(user):
    """Remove a member's personal data and close the account so it can never sign in.

    The user row stays as an empty placeholder ("Former member") so that content other
    apps keep, such as discussion posts, still points somewhere; everything that said who
    the person was is removed. Callers check sole_leader_networks first."""
    emails = _emails(user)
    old_username = user.username
    account_deleting.send(sender=user.__class__, user=user)
    profile = getattr(user, "profile", None)
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    Membership.objects.filter(user=user).delete()
    SavedItem.objects.filter(user=user).delete()
    Invitation.objects.filter(email__in=emails, accepted_at__isnull=True).delete()
    EmailAddress.objects.filter(user=user).delete()
    # Sign-in records name the person and their IP address.
    login_names = emails | {old_username.lower(), old_username}
    AccessAttempt.objects.filter(username__in=login_names).delete()
    AccessLog.objects.filter(username__in=login_names).delete()
    AccessFailureLog.objects.filter(username__in=login_names).delete()
    user.username = f"former-member-{uuid.uuid4().hex[:12]}"
    user.email = ""
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return user
