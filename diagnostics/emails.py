"""The diagnostics' emails, built by the email task from ids when it runs (see
source4networks/emails.py): a round's invitation to the network's members."""

from django.contrib.auth import get_user_model

from community.networks.models import Membership
from source4networks.emails import Email, EmailKind
from source4networks.site_address import absolute_url

from .models import NetworkRound

ROUND_INVITATION = "diagnostics/email/round_invitation"


def member_ids(network):
    """The network's active members (leaders included) with an address to write to."""
    return list(
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE, user__is_active=True)
        .exclude(user__email="")
        .values_list("user_id", flat=True)
    )


def build_round_invitation(user_id, round_id):
    """Nothing once the round has closed or the person has left the network."""
    round_ = NetworkRound.objects.select_related("network", "version__instrument").filter(pk=round_id).first()
    if round_ is None or not round_.is_open or user_id not in member_ids(round_.network):
        return []
    user = get_user_model().objects.get(pk=user_id)
    context = {
        "round": round_,
        "network": round_.network,
        "instrument": round_.version.instrument,
        "link": absolute_url(round_.get_absolute_url()),
    }
    return [Email(user.email, context)]


EMAIL_KINDS = [EmailKind(ROUND_INVITATION, build_round_invitation)]
