"""The diagnostics' emails, built by the email task from ids when it runs (see
source4networks/emails.py): a round's invitation to the network's members, and the reminder to
those who have not submitted their answers."""

from django.contrib.auth import get_user_model

from community.networks.models import Membership
from source4networks.emails import Email, EmailKind
from source4networks.site_address import absolute_url

from .models import NetworkRound, RoundResponse

ROUND_INVITATION = "diagnostics/email/round_invitation"
ROUND_REMINDER = "diagnostics/email/round_reminder"


def member_ids(network):
    """The network's active members (leaders included) with an address to write to."""
    return list(
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE, user__is_active=True)
        .exclude(user__email="")
        .values_list("user_id", flat=True)
    )


def non_respondent_ids(round_):
    """The active members who have not submitted their answers to the round (a draft is not
    submitted)."""
    submitted = set(
        RoundResponse.objects.filter(
            round=round_, status=RoundResponse.Status.SUBMITTED, respondent__isnull=False
        ).values_list("respondent_id", flat=True)
    )
    return [user_id for user_id in member_ids(round_.network) if user_id not in submitted]


def _context(round_):
    return {
        "round": round_,
        "network": round_.network,
        "instrument": round_.version.instrument,
        "link": absolute_url(round_.get_absolute_url()),
    }


def _open_round(round_id):
    round_ = NetworkRound.objects.select_related("network", "version__instrument").filter(pk=round_id).first()
    return round_ if round_ is not None and round_.is_open else None


def build_round_invitation(user_id, round_id):
    """Nothing once the round has closed or the person has left the network."""
    round_ = _open_round(round_id)
    if round_ is None or user_id not in member_ids(round_.network):
        return []
    user = get_user_model().objects.get(pk=user_id)
    return [Email(user.email, _context(round_))]


def build_round_reminder(user_id, round_id):
    """Nothing once the round has closed, the person has left the network or has submitted."""
    round_ = _open_round(round_id)
    if round_ is None or user_id not in non_respondent_ids(round_):
        return []
    user = get_user_model().objects.get(pk=user_id)
    started = RoundResponse.objects.filter(round=round_, respondent_id=user_id).exists()
    return [Email(user.email, {**_context(round_), "started": started})]


EMAIL_KINDS = [EmailKind(ROUND_INVITATION, build_round_invitation), EmailKind(ROUND_REMINDER, build_round_reminder)]
