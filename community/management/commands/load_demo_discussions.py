"""Load the demo discussions. Safe to run again: spaces are found by slug and threads by
space and title, and only what is missing is created."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.search import index

from community import moderation
from community.demo_data import MEMBERS
from community.demo_discussions import REPLY_LINES, REPORTS, SPACES, THREADS
from community.discussions.models import Post, PostReport, Space, Thread, ThreadSubscription
from community.networks.models import Membership, Network

REPLIES_PER_THREAD = [5, 6, 7, 8, 9, 10, 8]  # 40 threads: 300 replies in all


class Command(BaseCommand):
    help = "Create demo discussion spaces, threads, replies, reports and moderation actions."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is False.")

    @transaction.atomic
    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Refusing to load demo discussions with DEBUG off. Use --force if you really mean it.")
        User = get_user_model()
        members = list(User.objects.filter(username__in=[m[0] for m in MEMBERS]).order_by("username"))
        if len(members) < len(MEMBERS):
            raise CommandError("The demo members are missing: run load_demo_members first.")
        moderator = User.objects.filter(groups__name="Moderators").order_by("pk").first() or members[0]

        spaces = {}
        for order, (slug, name, kind, network_slug, description) in enumerate(SPACES):
            network = Network.objects.get(slug=network_slug) if network_slug else None
            spaces[slug], _ = Space.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "kind": kind,
                    "network": network,
                    "description": description,
                    "sort_order": order,
                },
            )

        now = timezone.now().replace(second=0, microsecond=0)
        counts = {"threads": 0, "replies": 0}
        reply_total = sum(REPLIES_PER_THREAD[n % len(REPLIES_PER_THREAD)] for n in range(len(THREADS)))
        by_space = {}
        for number, (space_slug, title, body, topics) in enumerate(THREADS):
            space = spaces[space_slug]
            position = by_space.setdefault(space_slug, [])
            position.append(title)
            if Thread.objects.filter(space=space, title=title).exists():
                continue
            # Only a network's own members post in its private space.
            if space.network_id:
                people = list(
                    User.objects.filter(
                        memberships__network=space.network, memberships__status=Membership.Status.ACTIVE
                    ).order_by("username")
                )
            else:
                people = members
            author = people[number % len(people)]
            started = now - timedelta(days=60 - number, hours=number % 5)
            thread = Thread.objects.create(
                space=space, title=title, author=author, created_at=started, last_activity_at=started,
                last_author=author,
            )  # fmt: skip
            thread.topics.set(topics)
            Post.objects.create(thread=thread, author=author, body=body, is_opening=True, created_at=started)
            ThreadSubscription.objects.get_or_create(user=author, thread=thread)
            replies = REPLIES_PER_THREAD[number % len(REPLIES_PER_THREAD)]
            when = started
            posts = []
            for n in range(replies):
                replier = people[(number * 3 + n + 1) % len(people)]
                when = when + timedelta(hours=3 + (n * 5) % 11)
                text = REPLY_LINES[(number * 7 + n * 3) % len(REPLY_LINES)]
                posts.append(Post(thread=thread, author=replier, body=text, created_at=when))
            Post.objects.bulk_create(posts)
            last = posts[-1] if posts else None
            Thread.objects.filter(pk=thread.pk).update(
                reply_count=len(posts),
                last_activity_at=last.created_at if last else started,
                last_author=last.author if last else author,
            )
            for user_id in {p.author_id for p in posts}:
                ThreadSubscription.objects.get_or_create(user_id=user_id, thread=thread)
            # Indexed again now its opening post exists, so site search finds its text.
            index.insert_or_update_object(thread)
            counts["threads"] += 1
            counts["replies"] += len(posts)

        if not PostReport.objects.exists():
            for space_slug, thread_number, reply_number, reason in REPORTS:
                thread = Thread.objects.get(space=spaces[space_slug], title=by_space[space_slug][thread_number])
                post = thread.posts.filter(is_opening=False).order_by("created_at")[reply_number]
                reporter = next(m for m in members if m.pk != post.author_id)
                PostReport.objects.create(post=post, reporter=reporter, reason=reason)
            # A few moderation actions, so the log has something in it.
            first = PostReport.objects.order_by("pk").first()
            moderation.moderate_post(
                moderator, first.post, "hide", "Names an organisation unfairly; asked the author to rephrase."
            )
            welcome = Thread.objects.get(space=spaces["getting-started"], title=THREADS[0][1])
            moderation.moderate_thread(moderator, welcome, "pin", "A good starting point for new members.")
            locked = Thread.objects.get(space=spaces["leaders-lounge"], title=by_space["leaders-lounge"][-1])
            moderation.moderate_thread(moderator, locked, "lock", "Discussion has run its course.")

        totals = Space.objects.filter(slug__in=spaces).aggregate(n=Count("threads"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo discussions: {len(spaces)} spaces, {counts['threads']} threads and {counts['replies']} replies "
                f"created ({totals['n']} threads in the demo spaces; {reply_total} replies in a full load)."
            )
        )
