"""Content for the resilience tests, built with the apps' factories in a subprocess under the
stack's settings (its database and media folder), since the app servers cannot see the test's
own database. Prints what the tests need to know as one line of JSON.

    python -m tests.resilience.content two_servers"""

import json
import sys

import django

PASSWORD = "correct horse battery staple"  # noqa: S105 - the factories' test password


def two_servers():
    # Imported here: the models load only once django.setup() has run (below).
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import Membership
    from source4networks.factories import StandardPageFactory

    member = make_member(username="member", email="member@example.org", display_name="Robin Shared-Session")
    moderator = make_member(username="moderator", email="moderator@example.org", groups=["Moderators"])
    leader = make_member(username="leader", email="leader@example.org")
    network = NetworkFactory(name="Shared State Network", slug="shared-state")
    add_member(network, leader, role=Membership.Role.LEADER)
    page = StandardPageFactory(title="Opening hours before the change", slug="opening-hours")
    # A draft waiting for a moderator: the page stays live with its old title until published.
    page.title = "Opening hours after the change"
    page.save_revision(user=moderator)
    return {
        "member": {"email": member.email, "password": PASSWORD, "id": member.pk, "name": "Robin Shared-Session"},
        "moderator": {"email": moderator.email, "password": PASSWORD},
        "network": network.slug,
        "page": {"id": page.pk, "url": page.url, "old_title": "Opening hours before the change"},
        "new_title": page.title,
    }


def restore_drill():
    """A small site with something of every kind the drill compares: pages with an image and a
    document, a network with its leader's profile picture, a member, a search index."""
    # Imported here: the models load only once django.setup() has run (below).
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import Membership
    from events.factories import EventPageFactory
    from resources.factories import ResourcePageFactory
    from source4networks.factories import StandardPageFactory, make_image

    image = make_image("Restore drill picture", size=(320, 180))
    document = get_document_model()(title="Restore drill guide")
    document.file.save("restore-drill-guide.txt", ContentFile(b"The guide, word for word.\n"), save=False)
    document._set_document_file_metadata()
    document.save()
    body = [
        {"type": "rich_text", "value": "<p>What networks need to know.</p>"},
        {"type": "image", "value": {"image": image.pk, "alt_text": "Circles and lines", "caption": "A picture"}},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ]
    ResourcePageFactory(title="Leading a network", topics=["leadership"], document=document, body=body)
    ResourcePageFactory(title="Measuring what matters", topics=["evaluation"])
    StandardPageFactory(title="About the drill", body=body)
    EventPageFactory(title="Drill day")
    leader = make_member(username="leader", email="leader@example.org", display_name="Lee Leader")
    leader.profile.avatar.save("leader.png", ContentFile(image.file.read()), save=True)
    network = NetworkFactory(name="Restored Network", slug="restored-network")
    add_member(network, leader, role=Membership.Role.LEADER)
    make_member(username="member", email="member@example.org")
    return {"network": network.get_absolute_url(), "document": document.url}


BUILDERS = {"two_servers": two_servers, "restore_drill": restore_drill}

if __name__ == "__main__":
    django.setup()
    print(json.dumps(BUILDERS[sys.argv[1]]()))
