"""Builds the demo discussions from demo/content/discussions.yaml, posted by the demo members;
spaces and threads are made with the discussions' factories. Running it again creates nothing
twice: spaces are found by slug and threads by space and title, and reports and moderation
actions are made only on a site with no reports yet."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from community.discussions import moderation
from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import Post, PostReport, Space, Thread, ThreadSubscription
from community.networks.models import Membership, Network
from demo.loader import read


def reply(space, title, number):
    """The reply `number` (counting from 1) of a thread, in the order they were posted."""
    thread = Thread.objects.get(space=space, title=title)
    return thread.posts.filter(is_opening=False).order_by("created_at")[number - 1]


def add_thread(number, space, item, people, now, content):
    """Create thread `number` (counting every demo thread) with its replies; return the replies."""
    author = people[number % len(people)]
    started = now - timedelta(days=60 - number, hours=number % 5)
    thread = make_thread(
        space, author, title=item["title"], body=item["body"], created_at=started, last_activity_at=started
    )
    thread.topics.set(item["topics"])
    ThreadSubscription.objects.get_or_create(user=author, thread=thread)
    when = started
    posts = []
    # A thread's own replies come first, written for it; general lines, which fit any thread,
    # bring it to its share of replies.
    own, general = item["replies"], content["general_replies"]
    replies_per_thread = content["replies_per_thread"]
    count = max(len(own), replies_per_thread[number % len(replies_per_thread)])
    for n in range(count):
        text = own[n] if n < len(own) else general[(number * 5 + n) % len(general)]
        replier = people[(number * 3 + n + 1) % len(people)]
        if replier == author:
            replier = people[(number * 3 + n + 2) % len(people)]
        when = when + timedelta(hours=3 + (n * 5) % 11)
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
    # Indexed again now its opening post exists, so site search finds its text; the replies
    # (made in bulk, which sends no signals) are indexed on their own.
    index.insert_or_update_object(thread)
    if posts:
        get_search_backend().add_bulk(Post, posts)
    return posts


def report_and_moderate(spaces, members, moderator, content):
    for item in content["reports"]:
        post = reply(spaces[item["space"]], item["thread"], item["reply"])
        reporter = next(m for m in members if m.pk != post.author_id)
        PostReport.objects.create(post=post, reporter=reporter, reason=item["reason"])
    # A few moderation actions, so the log has something in it.
    for item in content["moderation"]:
        if "reply" in item:
            post = reply(spaces[item["space"]], item["thread"], item["reply"])
            moderation.moderate_post(moderator, post, item["action"], item["reason"])
        else:
            thread = Thread.objects.get(space=spaces[item["space"]], title=item["thread"])
            moderation.moderate_thread(moderator, thread, item["action"], item["reason"])


@transaction.atomic
def build_discussions():
    """Create what is missing; return a one-line summary."""
    content = read("discussions")
    User = get_user_model()
    usernames = [member["username"] for member in read("members")]
    members = list(User.objects.filter(username__in=usernames).order_by("username"))
    if len(members) < len(usernames):
        raise CommandError("The demo members are missing: run load_demo_members first.")
    moderator = User.objects.filter(groups__name="Moderators").order_by("pk").first() or members[0]

    spaces = {}
    for order, item in enumerate(content["spaces"]):
        network = Network.objects.get(slug=item["network"]) if item["network"] else None
        spaces[item["slug"]] = Space.objects.filter(slug=item["slug"]).first() or SpaceFactory(
            slug=item["slug"],
            name=item["name"],
            kind=item["kind"],
            network=network,
            description=item["description"],
            sort_order=order,
        )

    now = timezone.now().replace(second=0, microsecond=0)
    threads = [(spaces[space["slug"]], thread) for space in content["spaces"] for thread in space["threads"]]
    per_thread = content["replies_per_thread"]
    reply_total = sum(max(len(item["replies"]), per_thread[n % len(per_thread)]) for n, (_, item) in enumerate(threads))
    created_threads = created_replies = 0
    for number, (space, item) in enumerate(threads):
        if Thread.objects.filter(space=space, title=item["title"]).exists():
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
        posts = add_thread(number, space, item, people, now, content)
        created_threads += 1
        created_replies += len(posts)

    if not PostReport.objects.exists():
        report_and_moderate(spaces, members, moderator, content)

    totals = Space.objects.filter(slug__in=spaces).aggregate(n=Count("threads"))
    return (
        f"Demo discussions: {len(spaces)} spaces, {created_threads} threads and {created_replies} replies "
        f"created ({totals['n']} threads in the demo spaces; {reply_total} replies in a full load)."
    )
