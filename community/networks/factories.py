"""Factories for networks and memberships, shared by tests, demo content and benchmarks."""

import factory
from django.utils import timezone

from community.networks.models import JoinPolicy, Membership, Network
from source4networks.taxonomy import NetworkType


class NetworkFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    summary = factory.LazyAttribute(lambda network: f"What {network.name} does.")
    network_type = NetworkType.CLINICAL
    join_policy = JoinPolicy.OPEN

    class Meta:
        model = Network


def add_member(network, user, role=Membership.Role.MEMBER, status=Membership.Status.ACTIVE, shown=False):
    return Membership.objects.create(
        network=network,
        user=user,
        role=role,
        status=status,
        show_on_network_page=shown or role == Membership.Role.LEADER,
        joined_at=timezone.now() if status == Membership.Status.ACTIVE else None,
    )
