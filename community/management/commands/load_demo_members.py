"""Load the demo members and networks. Safe to run again: it updates what it made before."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from community.demo_data import DEMO_PASSWORD, MEMBERS, NETWORKS
from community.members.models import Profile
from community.networks.models import Membership, Network
from source4networks.models import Region, Sector


class Command(BaseCommand):
    help = "Create demo networks and members (password: community.demo_data.DEMO_PASSWORD)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is False.")

    @transaction.atomic
    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo members with DEBUG off: they all share a published password. "
                "Use --force if you really mean it."
            )
        regions = {region.slug: region for region in Region.objects.all()}
        sectors = {sector.slug: sector for sector in Sector.objects.all()}
        User = get_user_model()
        users = {}
        for username, name, job, organisation, region, sector, bio, interests, listed in MEMBERS:
            email = f"{username}@example.org"
            user, created = User.objects.get_or_create(username=username, defaults={"email": email})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
            profile, _ = Profile.objects.get_or_create(user=user, defaults={"display_name": name})
            profile.display_name = name
            profile.job_title = job
            profile.organisation = organisation
            profile.region = regions.get(region)
            profile.sector = sectors.get(sector)
            profile.bio = bio
            profile.show_in_directory = listed
            profile.terms_accepted_at = profile.terms_accepted_at or timezone.now()
            profile.save()
            profile.interests.set(interests, clear=True)
            users[username] = user

        for (
            slug, name, network_type, policy, region_slugs, sector_slugs, topics, summary, description,
            website, founded, size, featured, leaders, shown, others,
        ) in NETWORKS:  # fmt: skip
            network, _ = Network.objects.update_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "network_type": network_type,
                    "join_policy": policy,
                    "summary": summary,
                    "description": description,
                    "website": website,
                    "year_founded": founded,
                    "approximate_size": size,
                    "featured": featured,
                    "created_by": users[leaders[0]],
                },
            )
            network.regions.set([regions[s] for s in region_slugs])
            network.sectors.set([sectors[s] for s in sector_slugs])
            network.topics.set(topics, clear=True)
            people = [(u, Membership.Role.LEADER, True) for u in leaders]
            people += [(u, Membership.Role.MEMBER, True) for u in shown]
            people += [(u, Membership.Role.MEMBER, False) for u in others]
            for username, role, visible in people:
                Membership.objects.update_or_create(
                    network=network,
                    user=users[username],
                    defaults={
                        "role": role,
                        "status": Membership.Status.ACTIVE,
                        "show_on_network_page": visible,
                        "joined_at": timezone.now(),
                    },
                )
        self.stdout.write(
            self.style.SUCCESS(f"Demo members: {len(MEMBERS)} people and {len(NETWORKS)} networks are ready.")
        )
