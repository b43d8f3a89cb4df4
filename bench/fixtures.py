"""What the benchmark needs besides the bulk data, made (once) with the apps' factories, and the
addresses it measures. Run by serve_bench.py under the same settings and secret key as the
site it measures:

    python bench/fixtures.py --posters 3000     # prints JSON: passwords, cookies, pages

- a bench member with a submitted diagnostic result, and a leader of a network with a closed
  round (its results page); both sign in through the real form later, with the password
  printed here (a new random one each run);
- an open space with a thread of exactly 50 replies, and a thread that the reply POSTs go to;
- "posters": members (a month old, so the new-account limits do not apply) who each post a
  reply now and then. One member could post only once every 10 seconds and 30 times an hour,
  so the reply POSTs rotate through many; their sessions are made here directly, as signing in
  through the form hundreds of times would only measure password hashing.
"""

import argparse
import json
import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.backends import cache, cached_db, db, file, signed_cookies  # noqa: E402
from django.utils import timezone  # noqa: E402

from casestudies.models import CaseStudyPage  # noqa: E402
from community.discussions.factories import SpaceFactory, make_thread  # noqa: E402
from community.discussions.models import Space  # noqa: E402
from community.members.factories import make_member  # noqa: E402
from community.members.models import Profile  # noqa: E402
from community.networks.factories import NetworkFactory, add_member  # noqa: E402
from community.networks.models import Membership, Network  # noqa: E402
from demo.bulk.common import PREFIX, rare_word  # noqa: E402
from diagnostics.factories import SCORECARD, NetworkRoundFactory, ResponseFactory, RoundResponseFactory  # noqa: E402
from diagnostics.models import Instrument, Response  # noqa: E402
from diagnostics.rounds import close_round  # noqa: E402
from diagnostics.survey import field_name  # noqa: E402
from resources.models import ResourcePage  # noqa: E402
from source4networks.models import Region  # noqa: E402

User = get_user_model()
NAME = "bench"
CSRF_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
# The backend that the sign-in form's logins are recorded with (the others only guard it).
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
SESSION_ENGINES = {module.__name__: module for module in (cache, cached_db, db, file, signed_cookies)}


def member(username, password):
    user = User.objects.filter(username=username).first()
    if user is None:
        user = make_member(username=username, user_fields={"password": password}, display_name=username)
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
    # A month old: the limits on new accounts would otherwise refuse most posts.
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=30))
    return user


def posters(count):
    """`count` members for reply POSTs (unusable passwords; sessions made below)."""
    have = set(User.objects.filter(username__startswith=f"{NAME}-poster-").values_list("username", flat=True))
    password = make_password(None)
    joined = timezone.now() - timedelta(days=30)
    new = [
        User(username=name, email=f"{name}@example.org", password=password, date_joined=joined)
        for name in (f"{NAME}-poster-{n}" for n in range(count))
        if name not in have
    ]
    # In bulk: a thousand one by one would take a while. bulk_create sends no signals, so the
    # profile and the verified address are added here.
    new = User.objects.bulk_create(new)
    Profile.objects.bulk_create(Profile(user=user, display_name=user.username) for user in new)
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in new
    )
    return list(User.objects.filter(username__startswith=f"{NAME}-poster-").order_by("pk")[:count])


def session_cookie(user):
    """A signed-in session for `user`, as django.contrib.auth.login would store it."""
    store = SESSION_ENGINES[settings.SESSION_ENGINE].SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = SIGN_IN_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    csrf = "".join(secrets.choice(CSRF_CHARS) for _ in range(32))
    return {
        "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}",
        "csrf": csrf,
    }


def network_with_round(leader, member_user):
    network = Network.objects.filter(slug=f"{NAME}-network").first()
    if network is None:
        network = NetworkFactory(name="Bench network", slug=f"{NAME}-network")
        add_member(network, leader, role=Membership.Role.LEADER)
        add_member(network, member_user)
    round_ = network.diagnostic_rounds.filter(closed=True).first()
    if round_ is None:
        round_ = NetworkRoundFactory(network=network, opened_by=leader, message="The bench round.")
        for value in (2, 3, 4, 4, 5):
            RoundResponseFactory(round=round_, answers={item.key: value for item in round_.version.data.items})
        close_round(round_, leader)
    return network, round_


def threads(author):
    space = Space.objects.filter(slug=f"{NAME}-space").first() or SpaceFactory(
        name="Bench space", slug=f"{NAME}-space", description="Where the benchmark talks."
    )
    fifty = space.threads.filter(title="Bench thread with fifty replies").first() or make_thread(
        space, author, title="Bench thread with fifty replies", replies=50
    )
    target = space.threads.filter(title="Bench thread for replies").first() or make_thread(
        space, author, title="Bench thread for replies"
    )
    return space, fifty, target


def middle(queryset):
    """The middle item of a queryset by id (bulk items first, when there are any)."""
    bulk = queryset.filter(slug__startswith=PREFIX)
    queryset = bulk if bulk.exists() else queryset
    count = queryset.count()
    return queryset.order_by("pk")[count // 2] if count else None


def pages(member_user, leader):
    resource = middle(ResourcePage.objects.live())
    case_study = middle(CaseStudyPage.objects.live())
    network = middle(Network.objects.listed())
    region = Region.objects.order_by("sort_order").first()
    space, fifty, target = threads(member_user)
    network_, round_ = network_with_round(leader, member_user)
    result = Response.objects.filter(user=member_user, status=Response.Status.SUBMITTED).first() or ResponseFactory(
        user=member_user
    )
    scorecard = Instrument.objects.get(slug=SCORECARD)
    first_section = scorecard.current_version.data.dimensions[0]
    # The rare word of the middle bulk resource: in its summary, and nowhere else.
    rare = rare_word(int(resource.slug.rsplit("-", 1)[1])) if resource.slug.startswith(PREFIX) else "zzyzx"
    answers = {field_name(item): "3" for item in first_section.items}
    return [
        {"group": "baseline", "name": "baseline (fixed response)", "path": "/_bench/baseline/"},
        {"group": "anonymous", "name": "home", "path": "/"},
        {"group": "anonymous", "name": "resources, filtered", "path": "/resources/?type=guide&topic=governance"},
        {"group": "anonymous", "name": "a resource", "path": resource.url},
        {
            "group": "anonymous",
            "name": "case studies, filtered",
            "path": f"/case-studies/?region={region.slug}" if region else "/case-studies/",
        },
        {"group": "anonymous", "name": "a case study", "path": case_study.url},
        {"group": "anonymous", "name": "events", "path": "/events/"},
        {"group": "anonymous", "name": "networks", "path": "/networks/"},
        {"group": "anonymous", "name": "a network", "path": network.get_absolute_url()},
        {"group": "search", "name": "search, common word", "path": "/search/?q=network"},
        {"group": "search", "name": "search, rare word", "path": f"/search/?q={rare}"},
        {"group": "signed-in", "name": "community", "path": "/community/", "as": "member"},
        {"group": "signed-in", "name": "a space", "path": space.get_absolute_url(), "as": "member"},
        {"group": "signed-in", "name": "thread, 50 replies", "path": fifty.get_absolute_url(), "as": "member"},
        {"group": "signed-in", "name": "member directory", "path": "/community/members/", "as": "member"},
        {"group": "signed-in", "name": "my diagnostic result", "path": result.get_absolute_url(), "as": "member"},
        {"group": "signed-in", "name": "round results (leader)", "path": round_.get_results_url(), "as": "leader"},
        {
            "group": "post",
            "name": "post a reply",
            "path": f"{target.get_absolute_url()}reply/",
            "method": "POST",
            "form": {"body": "A reply from the benchmark: what worked for us was a monthly call."},
            "as": "posters",
            "expect": 302,
        },
        {
            "group": "post",
            "name": "save a diagnostic page",
            "path": f"/diagnostics/{SCORECARD}/section/1/",
            "method": "POST",
            "form": answers,
            "as": "member",
            "expect": 302,
        },
    ]


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--posters", type=int, default=3000)
    args = parser.parse_args(argv)
    password = secrets.token_urlsafe(18)
    member_user = member(f"{NAME}-member", password)
    leader = member(f"{NAME}-leader", password)
    sessions = [session_cookie(user) for user in posters(args.posters)]
    found = pages(member_user, leader)
    print(
        json.dumps(
            {
                "password": password,
                "accounts": {"member": member_user.email, "leader": leader.email},
                "posters": sessions,
                "pages": found,
                "settings": os.environ.get("DJANGO_SETTINGS_MODULE"),
            }
        )
    )


if __name__ == "__main__":
    main()
