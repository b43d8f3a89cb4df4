"""Factories for members and networks, shared by tests, demo content and benchmarks."""

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from source4networks.factories import UserFactory
from source4networks.taxonomy import NetworkType

from .models import JoinPolicy, Membership, Network


def make_member(verified=True, username=None, email=None, groups=(), **profile_fields):
    """A user with a profile and (unless verified=False) a confirmed email address."""
    kwargs = {}
    if username:
        kwargs["username"] = username
    if email:
        kwargs["email"] = email
    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    if profile_fields:
        profile = user.profile
        interests = profile_fields.pop("interests", None)
        for name, value in profile_fields.items():
            setattr(profile, name, value)
        profile.save()
        if interests:
            profile.interests.set(interests)
    if groups:
        from django.contrib.auth.models import Group

        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


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
