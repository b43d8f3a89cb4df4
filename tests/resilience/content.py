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


BUILDERS = {"two_servers": two_servers}

if __name__ == "__main__":
    django.setup()
    print(json.dumps(BUILDERS[sys.argv[1]]()))
