"""A leader closes a network (specification section 4): it is archived, not deleted. Its page
stays at its address, read-only, with a notice; it takes no new members (membership.require_open
refuses joining, requests and invitations); it leaves the directory, site search and the
sitemap; its private discussions are locked (the discussions app reads `Network.is_closed`);
its rounds stay for its leaders. The site team can open it again in the admin."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .membership import MembershipError, require_leader
from .models import Invitation, Membership, Network


@dataclass(frozen=True)
class Closing:
    """What closing a network ended: invitations withdrawn and requests to join dropped."""

    invitations_withdrawn: int
    requests_dropped: int


def closing_effects(network):
    """What closing would end now, for the confirmation page."""
    return Closing(
        invitations_withdrawn=Invitation.objects.usable().filter(network=network).count(),
        requests_dropped=Membership.objects.filter(network=network, status=Membership.Status.PENDING).count(),
    )


@transaction.atomic
def close_network(network, leader):
    """Close the network for good: waiting invitations stop working and waiting requests go."""
    require_leader(network, leader)
    network = Network.objects.select_for_update().get(pk=network.pk)
    if network.is_closed:
        raise MembershipError(f"{network.name} has already closed.")
    now = timezone.now()
    network.archived_at = now
    network.save(update_fields=["archived_at"])
    withdrawn = Invitation.objects.usable().filter(network=network).update(revoked_at=now)
    dropped, _by_model = Membership.objects.filter(network=network, status=Membership.Status.PENDING).delete()
    return Closing(invitations_withdrawn=withdrawn, requests_dropped=dropped)
