"""Builds the demo members and networks from demo/content/members.yaml and networks.yaml, with
the members' and networks' factories. Running it again updates what it made before and creates
nothing twice: members are found by username, networks by slug and memberships by both."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.members.factories import make_member
from community.members.models import Profile
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership, Network
from demo.loader import demo_password, read
from source4networks.models import Region, Sector


def update(row, values):
    """Set `values` on a row made by an earlier run and save it."""
    for name, value in values.items():
        setattr(row, name, value)
    row.save()


@transaction.atomic
def build_members():
    """Create or update the demo members and networks; return how many of each there are."""
    members, networks = read("members"), read("networks")
    regions = {region.slug: region for region in Region.objects.all()}
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    User = get_user_model()
    users = {}
    for member in members:
        username = member["username"]
        email = f"{username}@example.org"
        user = User.objects.filter(username=username).first()
        if user is None:
            # No first or last name: members are known by their profile's display name.
            user_fields = {"password": demo_password(), "first_name": "", "last_name": ""}
            user = make_member(username=username, email=email, user_fields=user_fields)
        else:
            # Made by an earlier run, or by load_demo_diagnostics without an email address.
            EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        profile, _ = Profile.objects.get_or_create(user=user, defaults={"display_name": member["name"]})
        profile.display_name = member["name"]
        profile.job_title = member["job_title"]
        profile.organisation = member["organisation"]
        profile.region = regions.get(member["region"])
        profile.sector = sectors.get(member["sector"])
        profile.bio = member["bio"]
        profile.show_in_directory = member["in_directory"]
        profile.show_as_leader_publicly = member.get("leader_public", False)
        profile.terms_accepted_at = profile.terms_accepted_at or timezone.now()
        profile.save()
        profile.interests.set(member["interests"], clear=True)
        users[username] = user

    for item in networks:
        details = {
            "name": item["name"],
            "network_type": item["network_type"],
            "join_policy": item["join_policy"],
            "summary": item["summary"],
            "description": item["description"],
            "website": item["website"],
            "year_founded": item["year_founded"],
            "approximate_size": item["approximate_size"],
            "featured": item["featured"],
            "created_by": users[item["leaders"][0]],
        }
        network = Network.objects.filter(slug=item["slug"]).first()
        if network is None:
            network = NetworkFactory(slug=item["slug"], **details)
        else:
            update(network, details)
        network.regions.set([regions[slug] for slug in item["regions"]])
        network.sectors.set([sectors[slug] for slug in item["sectors"]])
        network.topics.set(item["topics"], clear=True)
        people = [(username, Membership.Role.LEADER, True) for username in item["leaders"]]
        people += [(username, Membership.Role.MEMBER, True) for username in item["shown_members"]]
        people += [(username, Membership.Role.MEMBER, False) for username in item["other_members"]]
        for username, role, visible in people:
            membership = Membership.objects.filter(network=network, user=users[username]).first()
            if membership is None:
                add_member(network, users[username], role=role, shown=visible)
            else:
                update(
                    membership,
                    {
                        "role": role,
                        "status": Membership.Status.ACTIVE,
                        "show_on_network_page": visible,
                        "joined_at": timezone.now(),
                    },
                )
    return len(members), len(networks)
