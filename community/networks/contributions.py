"""What networks add to pages and features that other apps own: memberships and invitations
in "Download my data", what goes when an account is deleted (and the rule that a network's
only leader cannot leave it leaderless), a profile's networks, the account overview's count
and site search. Registered in NetworksConfig.ready()."""

from django.db.models import Q

from community.accounts.deletion import DeletionNote, account_emails
from community.accounts.export import iso

from .models import ContactMessage, Invitation, Membership, Network


def export_networks(user, request=None):
    return {
        "memberships": [
            {
                "network": membership.network.name,
                "network_address": membership.network.get_absolute_url(),
                "role": membership.role,
                "status": membership.status,
                "shown_on_network_page": membership.show_on_network_page,
                "requested_at": iso(membership.created_at),
                "joined_at": iso(membership.joined_at),
            }
            for membership in Membership.objects.filter(user=user).select_related("network").order_by("created_at")
        ],
        "networks_created": [
            {"network": network.name, "created_at": iso(network.created_at)}
            for network in Network.objects.filter(created_by=user).order_by("created_at")
        ],
        "invitations_received": [
            {
                "network": invitation.network.name,
                "sent_at": iso(invitation.created_at),
                "expires_at": iso(invitation.expires_at),
                "accepted_at": iso(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(
                Q(email__in=account_emails(user)) | Q(accepted_by=user)
            ).select_related("network")
        ],
        # Invitations this member sent are counted, not listed: the addresses are other people's.
        "invitations_sent": Invitation.objects.filter(invited_by=user).count(),
    }


def forget_member(sender, user, **kwargs):
    """Memberships, requests to join and invitations to this person go (their address is in
    them); networks they created and invitations they sent stay without their name."""
    Membership.objects.filter(user=user).delete()
    Invitation.objects.filter(Q(email__in=account_emails(user)) | Q(accepted_by=user)).delete()
    Invitation.objects.filter(invited_by=user).update(invited_by=None)
    Network.objects.filter(created_by=user).update(created_by=None)
    # A message to a network's leaders not sent yet holds the sender's words and reply address.
    ContactMessage.objects.filter(sender=user).delete()


DELETION_NOTE = DeletionNote(
    deleted=("your network memberships, requests to join and invitations sent to you",),
    kept=("networks you created or led stay for their other members, without your name",),
)


def account_summary(user):
    return {"network_count": Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).count()}


def profile_networks(viewer, member):
    """The networks a member belongs to, where they agreed to be shown (leaders always are)."""
    memberships = (
        Membership.objects.filter(user=member, status=Membership.Status.ACTIVE, network__hidden=False)
        .filter(Q(role=Membership.Role.LEADER) | Q(show_on_network_page=True))
        .select_related("network")
        .order_by("network__name")
    )
    return {"network_memberships": list(memberships)}


def listed_networks(queryset, request):
    """Site search: networks in the public directory; hidden or closed ones are never found."""
    return queryset.filter(hidden=False, archived_at__isnull=True)
