"""Members, networks, memberships, discussions and diagnostic results in bulk.

Objects come from the apps' factories (`build`, unsaved) or model constructors and are written
with bulk_create. bulk_create sends no signals, so what the signals would add is added here:
each member's profile (members' `create_profile`) and verified email address (as `make_member`
adds it). Bulk members get an unusable password: nobody signs in as them."""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from community.discussions.factories import SpaceFactory
from community.discussions.models import Post, Space, SpaceKind, Thread
from community.members.models import Profile
from community.networks.factories import NetworkFactory
from community.networks.models import JoinPolicy, Membership, Network, NetworkTopic
from diagnostics.factories import SCORECARD, ResponseFactory, current_version
from diagnostics.models import Response
from source4networks.factories import UserFactory
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType

from .common import PREFIX, WORDS, Progress, batches, rare_word

FIRST_NAMES = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Farid", "Grace", "Hamza", "Isla", "Jon", "Kemi", "Liam"]
LAST_NAMES = ["Osei", "Patel", "Jones", "Khan", "Smith", "Murray", "Evans", "Ahmed", "Brown", "Clarke", "Dunn"]
JOBS = ["Network manager", "Clinical lead", "Programme director", "Nurse consultant", "Care home manager"]


class CommunityMaker:
    """Makes the community's bulk data; `offsets` (by kind) number names after an earlier run's."""

    def __init__(self, progress: Progress, offsets):
        self.progress = progress
        self.offsets = offsets
        self.now = timezone.now().replace(microsecond=0)
        self.regions = list(Region.objects.all())
        self.sectors = list(Sector.objects.all())
        self.member_ids = []
        self.network_ids = []
        self.thread_ids = []
        self.reply_ids = []

    def numbered(self, kind, total):
        first = self.offsets.get(kind, 0)
        return range(first, first + total)

    # -- members ------------------------------------------------------------------------------

    def members(self, total):
        self.progress.start("members", total)
        password = make_password(None)  # unusable, and hashed once rather than per member
        for numbers in batches(self.numbered("members", total)):
            users = []
            for n in numbers:
                first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)]
                users.append(
                    UserFactory.build(
                        username=f"{PREFIX}member-{n + 1}",
                        email=f"{PREFIX}member-{n + 1}@example.org",
                        first_name=first,
                        last_name=last,
                        # Forced: the factory would otherwise hash it again, slowly, per member.
                        password=factory.Transformer.Force(password),
                        date_joined=self.now - timedelta(days=30 + n % 700),
                    )
                )
            with transaction.atomic():
                users = get_user_model().objects.bulk_create(users)
                EmailAddress.objects.bulk_create(
                    EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True) for user in users
                )
                Profile.objects.bulk_create(
                    Profile(
                        user_id=user.pk,
                        display_name=f"{user.first_name} {user.last_name} {n + 1}",
                        job_title=JOBS[n % len(JOBS)],
                        organisation=f"{WORDS[n % len(WORDS)].capitalize()} trust {n % 97}",
                        region_id=self.regions[n % len(self.regions)].pk,
                        sector_id=self.sectors[n % len(self.sectors)].pk,
                        bio=f"Works on {WORDS[n % len(WORDS)]} projects, known as {rare_word(n + 1)}.",
                        show_in_directory=n % 5 != 0,
                        show_as_leader_publicly=n % 2 == 0,
                        terms_accepted_at=user.date_joined,
                    )
                    for n, user in zip(numbers, users, strict=True)
                )
            self.member_ids.extend(user.pk for user in users)
            self.progress.add(len(users))
        self.progress.finish()

    # -- networks and memberships ---------------------------------------------------------------

    def networks(self, total, topics):
        self.progress.start("networks", total)
        policies = JoinPolicy.values
        for numbers in batches(self.numbered("networks", total)):
            networks = [
                NetworkFactory.build(
                    name=f"{WORDS[n % len(WORDS)].capitalize()} network for {topics[n % len(topics)].name}, {n + 1}",
                    slug=f"{PREFIX}network-{n + 1}",
                    summary=f"A {WORDS[n % len(WORDS)]} of people working on {topics[n % len(topics)].name}.",
                    description=f"Who we are and what we do, known as {rare_word(n + 1)}.\n\nHow to join us.",
                    network_type=NetworkType.values[n % len(NetworkType.values)],
                    join_policy=policies[n % len(policies)],
                    year_founded=1990 + n % 35,
                    approximate_size=20 + n % 500,
                    featured=n % 200 == 0,
                    created_by_id=self.member_ids[n % len(self.member_ids)] if self.member_ids else None,
                )
                for n in numbers
            ]
            with transaction.atomic():
                networks = Network.objects.bulk_create(networks)
                Network.regions.through.objects.bulk_create(
                    Network.regions.through(
                        network_id=network.pk, region_id=self.regions[network.pk % len(self.regions)].pk
                    )
                    for network in networks
                )
                Network.sectors.through.objects.bulk_create(
                    Network.sectors.through(
                        network_id=network.pk, sector_id=self.sectors[network.pk % len(self.sectors)].pk
                    )
                    for network in networks
                )
                NetworkTopic.objects.bulk_create(
                    NetworkTopic(content_object_id=network.pk, tag_id=topics[network.pk % len(topics)].pk)
                    for network in networks
                )
            self.network_ids.extend(network.pk for network in networks)
            self.progress.add(len(networks))
        self.progress.finish()

    def memberships(self):
        """Each network gets a leader; each member joins two networks (one shown on its page)."""
        networks, members = self.network_ids, self.member_ids
        if not networks or not members:
            return
        rows, seen = [], set()
        for number, network in enumerate(networks):
            user = members[(number * 7) % len(members)]
            seen.add((network, user))
            rows.append((network, user, Membership.Role.LEADER))
        for number, user in enumerate(members):
            for network in (networks[number % len(networks)], networks[(number * 31 + 7) % len(networks)]):
                if (network, user) not in seen:
                    seen.add((network, user))
                    rows.append((network, user, Membership.Role.MEMBER))
        self.progress.start("memberships", len(rows))
        for batch in batches(rows):
            Membership.objects.bulk_create(
                Membership(
                    network_id=network,
                    user_id=user,
                    role=role,
                    status=Membership.Status.ACTIVE,
                    show_on_network_page=role == Membership.Role.LEADER or user % 2 == 0,
                    joined_at=self.now - timedelta(days=user % 300),
                )
                for network, user, role in batch
            )
            self.progress.add(len(batch))
        self.progress.finish()

    # -- discussions ----------------------------------------------------------------------------

    def spaces(self, threads):
        count = max(2, threads // 500)
        order = Space.objects.count()
        spaces = []
        for n in self.numbered("spaces", count):
            slug = f"{PREFIX}space-{n + 1}"
            spaces.append(
                Space.objects.filter(slug=slug).first()
                or SpaceFactory(
                    name=f"{WORDS[n % len(WORDS)].capitalize()} talk {n + 1}",
                    slug=slug,
                    description=f"Conversations about {WORDS[n % len(WORDS)]} work.",
                    # Most spaces open to anyone; every fourth for signed-in members only.
                    kind=SpaceKind.MEMBERS if n % 4 == 3 else SpaceKind.OPEN,
                    sort_order=order + n,
                )
            )
        return spaces

    @staticmethod
    def reply_counts(threads, replies):
        """`replies` shared among `threads`: varied, every hundredth thread a long one."""
        weights = [10 if n % 100 == 0 else 1 + (n * 7) % 4 for n in range(threads)]
        total = sum(weights)
        counts = [replies * weight // total for weight in weights]
        for n in range(replies - sum(counts)):
            counts[n % threads] += 1
        return counts

    def threads(self, total, replies):
        members = self.member_ids
        spaces = self.spaces(total)
        counts = self.reply_counts(total, replies)
        self.progress.start("threads and posts", total + replies)
        for numbers in batches(self.numbered("threads", total), 500):
            threads, posts = [], []
            for n in numbers:
                reply_count = counts[n - self.offsets.get("threads", 0)]
                started = self.now - timedelta(days=365) + timedelta(minutes=n * 17 % (360 * 24 * 60))
                author = members[n % len(members)]
                last = members[(n + reply_count) % len(members)]
                thread = Thread(
                    space_id=spaces[n % len(spaces)].pk,
                    title=f"How does your {WORDS[n % len(WORDS)]} handle {rare_word(n + 1)}? ({n + 1})",
                    author_id=author,
                    created_at=started,
                    last_activity_at=started + timedelta(minutes=reply_count),
                    last_author_id=last,
                    reply_count=reply_count,
                )
                threads.append(thread)
            with transaction.atomic():
                threads = Thread.objects.bulk_create(threads)
                for thread in threads:
                    posts.append(
                        Post(
                            thread_id=thread.pk,
                            author_id=thread.author_id,
                            body=f"We are trying to make our **{WORDS[thread.pk % len(WORDS)]}** work better. "
                            "What has worked for you?",
                            is_opening=True,
                            created_at=thread.created_at,
                        )
                    )
                    for reply in range(thread.reply_count):
                        posts.append(
                            Post(
                                thread_id=thread.pk,
                                author_id=members[(thread.pk + reply + 1) % len(members)],
                                body=f"Reply {reply + 1}: we met monthly and shared a *simple* plan.",
                                created_at=thread.created_at + timedelta(minutes=reply + 1),
                            )
                        )
                Post.objects.bulk_create(posts, batch_size=5000)
            self.thread_ids.extend(thread.pk for thread in threads)
            self.reply_ids.extend(post.pk for post in posts if not post.is_opening)
            self.progress.add(len(posts))
        self.progress.finish()

    # -- diagnostic results ---------------------------------------------------------------------

    def responses(self, total):
        members = self.member_ids
        version = current_version(SCORECARD)
        items = [item.key for item in version.data.items]
        User = get_user_model()  # noqa: N806
        self.progress.start("diagnostic responses", total)
        for numbers in batches(self.numbered("responses", total)):
            responses = []
            for n in numbers:
                submitted = self.now - timedelta(hours=n % 8000)
                responses.append(
                    ResponseFactory.build(
                        user=User(pk=members[n % len(members)]),
                        version=version,
                        answers={key: 1 + (n + position) % 5 for position, key in enumerate(items)},
                        submitted_at=submitted,
                        started_at=submitted - timedelta(minutes=20),
                    )
                )
            Response.objects.bulk_create(responses)
            self.progress.add(len(responses))
        self.progress.finish()
