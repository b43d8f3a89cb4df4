"""Factories for members, shared by tests, demo content and benchmarks."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from source4networks.factories import UserFactory


def make_member(verified=True, username=None, email=None, groups=(), user_fields=None, **profile_fields):
    """A user with a profile and (unless verified=False) a confirmed email address. `user_fields`
    go to the user (password, first_name...); the other keyword arguments to the profile."""
    kwargs = dict(user_fields or {})
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
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user
