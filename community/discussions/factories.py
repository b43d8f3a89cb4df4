"""Factories for discussions, shared by tests and demo content."""

import factory

from community.discussions.models import Post, Space, SpaceKind, Thread


class SpaceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Space {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    description = "A place to talk."
    kind = SpaceKind.OPEN

    class Meta:
        model = Space


def make_thread(space, author, title="A thread about networks", body="The opening post.", replies=0, **fields):
    """A thread with its opening post and `replies` replies by the same author, made
    directly (no limits, no notifications)."""
    thread = Thread.objects.create(space=space, author=author, title=title, last_author=author, **fields)
    Post.objects.create(thread=thread, author=author, body=body, is_opening=True, created_at=thread.created_at)
    if replies:
        Post.objects.bulk_create(Post(thread=thread, author=author, body=f"Reply {n}.") for n in range(replies))
        thread.reply_count = replies
        thread.save(update_fields=["reply_count"])
    return thread
