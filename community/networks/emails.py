"""The networks' emails, built by the email task from ids when it runs (see
source4networks/emails.py): join requests to leaders, a leader's decision, invitations and
messages through "Contact this network"."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from community.members.models import display_name
from source4networks.emails import Email, EmailKind, send_templated_email
from source4networks.site_address import absolute_url

from .models import ContactMessage, Invitation, Membership, Network, invitation_token

JOIN_REQUEST = "community/networks/email/join_request"
REQUEST_DECISION = "community/networks/email/request_decision"
INVITATION = "community/networks/email/invitation"
CONTACT = "community/networks/email/contact_network"


def leaders(network):
    """The network's active leaders with an address to write to."""
    return (
        get_user_model()
        .objects.filter(
            memberships__network=network,
            memberships__role=Membership.Role.LEADER,
            memberships__status=Membership.Status.ACTIVE,
            is_active=True,
        )
        .exclude(email="")
        .select_related("profile")
    )


def _active_user(user_id):
    return get_user_model().objects.filter(pk=user_id, is_active=True).exclude(email="").first()


def email_join_request(membership):
    for leader_id in leaders(membership.network).values_list("pk", flat=True):
        send_templated_email(JOIN_REQUEST, leader_id=leader_id, membership_id=membership.pk)


def build_join_request(leader_id, membership_id):
    """Nothing once the request has been withdrawn or dealt with, or the leader stepped down."""
    membership = (
        Membership.objects.filter(pk=membership_id, status=Membership.Status.PENDING)
        .select_related("network", "user__profile")
        .first()
    )
    if membership is None:
        return []
    leader = leaders(membership.network).filter(pk=leader_id).first()
    if leader is None:
        return []
    network = membership.network
    context = {
        "network": network,
        "requester": display_name(membership.user),
        "manage_url": absolute_url(reverse("community:network_members", args=[network.slug])),
    }
    return [Email(leader.email, context)]


def email_request_decision(network, user, approved):
    send_templated_email(REQUEST_DECISION, user_id=user.pk, network_id=network.pk, approved=approved)


def build_request_decision(user_id, network_id, approved):
    user = _active_user(user_id)
    network = Network.objects.filter(pk=network_id).first()
    if user is None or network is None:
        return []
    context = {
        "network": network,
        "approved": approved,
        "name": display_name(user),
        "network_url": absolute_url(network.get_absolute_url()),
        "directory_url": absolute_url(reverse("community:network_directory")),
    }
    return [Email(user.email, context)]


def email_invitation(invitation):
    send_templated_email(INVITATION, invitation_id=invitation.pk)


def build_invitation(invitation_id):
    """Nothing once the invitation has been revoked, used or has expired."""
    invitation = Invitation.objects.usable().filter(pk=invitation_id).select_related("network", "invited_by").first()
    if invitation is None:
        return []
    context = {
        "network": invitation.network,
        "inviter": display_name(invitation.invited_by),
        "invitation_url": absolute_url(reverse("community:invitation", args=[invitation_token(invitation)])),
        "expires_at": invitation.expires_at,
    }
    return [Email(invitation.email, context)]


def send_contact_message(network, sender, subject, message):
    """Keep the message until the email task has sent it to the leaders."""
    stored = ContactMessage.objects.create(network=network, sender=sender, subject=subject, message=message)
    send_templated_email(CONTACT, contact_message_id=stored.pk)


def build_contact_message(contact_message_id):
    """One copy for each leader, with the sender's address to reply to; leaders' own
    addresses are never shown to the sender."""
    stored = ContactMessage.objects.filter(pk=contact_message_id).select_related("network", "sender__profile").first()
    if stored is None or not stored.sender.is_active:
        return []
    sender = stored.sender
    context = {
        "network": stored.network,
        "sender_name": display_name(sender),
        "sender_email": sender.email,
        "subject": stored.subject,
        "message": stored.message,
    }
    return [Email(leader.email, context, reply_to=sender.email) for leader in leaders(stored.network)]


def forget_contact_message(contact_message_id):
    ContactMessage.objects.filter(pk=contact_message_id).delete()


EMAIL_KINDS = [
    EmailKind(JOIN_REQUEST, build_join_request),
    EmailKind(REQUEST_DECISION, build_request_decision),
    EmailKind(INVITATION, build_invitation),
    EmailKind(CONTACT, build_contact_message, after_sending=forget_contact_message),
]
