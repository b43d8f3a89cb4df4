"""The members-and-networks part of the page catalogue (tests/page_catalogue.py uses it):
accounts (allauth and the lockout page), the member and network directories, network pages and
their forms, invitations, my account, the verification-required page, and the diagnostics
pages that need no survey in progress.

`build_member_pages(catalogue)` makes the people, networks, invitations and saved items these
pages show and returns their entries. An entry's `user` names who views it (a key of
`catalogue.users`, or None for a visitor); an entry with `post` is the response to posting
that data to its URL (a form with errors), not a plain GET.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

# Who views the pages. Each is a verified member unless said otherwise.
MEMBER = "member"  # a member of the catalogue network, listed in the directory
LEADER = "leader"  # the catalogue network's leader
INVITEE = "invitee"  # invited to the catalogue network, not yet a member
UNVERIFIED = "unverified"  # has not confirmed their email address: signs in with a session only

NETWORK_SLUG = "catalogue-network"
HIDDEN_NETWORK_SLUG = "catalogue-hidden-network"
CLOSED_NETWORK_SLUG = "catalogue-closed-network"
MEMBER_ORGANISATION = "Example Trust"
LOCKED_OUT_EMAIL = "locked-out@example.org"
SCORECARD = "network-health-scorecard"


def _people():
    from community.members.factories import make_member
    from source4networks.factories import region, sector

    north_west, health = region("north-west"), sector("health")
    people = {
        MEMBER: make_member(
            username="catalogue-member",
            display_name="Morgan Member",
            job_title="Practice manager",
            organisation=MEMBER_ORGANISATION,
            region=north_west,
            sector=health,
            bio="I run a practice and help with the network's meetings.\n\nAsk me about rotas.",
            show_in_directory=True,
            interests=["leadership", "rotas"],
        ),
        LEADER: make_member(
            username="catalogue-leader",
            display_name="Lee Leader",
            job_title="Network lead",
            organisation="Example Integrated Care Board",
            region=north_west,
            sector=health,
            show_in_directory=True,
        ),
        INVITEE: make_member(username="catalogue-invitee", display_name="Ivy Invitee"),
        UNVERIFIED: make_member(username="catalogue-unverified", display_name="Uma Unverified", verified=False),
    }
    for n in range(3):
        make_member(
            username=f"catalogue-colleague-{n}",
            display_name=f"Colleague {n + 1}",
            organisation="Another Example Trust",
            show_in_directory=True,
        )
    return people


def _networks(people):
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import JoinPolicy, Membership
    from source4networks.factories import region, sector
    from source4networks.taxonomy import NetworkType

    network = NetworkFactory(
        name="Catalogue Clinical Network",
        slug=NETWORK_SLUG,
        summary="Clinicians and managers improving stroke care together.",
        description="We meet every month.\n\nAnyone working in stroke care is welcome.",
        network_type=NetworkType.CLINICAL,
        website="https://example.org/stroke-network",
        year_founded=2018,
        approximate_size=120,
        join_policy=JoinPolicy.REQUEST,
        created_by=people[LEADER],
    )
    network.regions.set([region("north-west")])
    network.sectors.set([sector("health")])
    network.topics.add("stroke", "quality improvement")
    add_member(network, people[LEADER], role=Membership.Role.LEADER)
    add_member(network, people[MEMBER], shown=True)
    add_member(network, _user("catalogue-colleague-0"))
    add_member(network, _user("catalogue-colleague-1"), status=Membership.Status.PENDING)
    for n, network_type in enumerate(
        [NetworkType.IMPROVEMENT, NetworkType.CLINICAL, NetworkType.COMMUNITY_OF_PRACTICE]
    ):
        other = NetworkFactory(
            name=f"Example {network_type.label} Network {n + 1}",
            network_type=network_type,
            join_policy=JoinPolicy.OPEN,
        )
        other.regions.set([region("london")])
    hidden = NetworkFactory(name="Catalogue Hidden Network", slug=HIDDEN_NETWORK_SLUG, hidden=True)
    add_member(hidden, people[LEADER], role=Membership.Role.LEADER)
    closed = NetworkFactory(name="Catalogue Closed Network", slug=CLOSED_NETWORK_SLUG, archived_at=timezone.now())
    add_member(closed, people[LEADER], role=Membership.Role.LEADER)
    return network


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def _invitations(network, people):
    from community.networks.models import Invitation

    _usable, token = Invitation.create(network, people[INVITEE].email, invited_by=people[LEADER])
    expired, expired_token = Invitation.create(network, "expired@example.org", invited_by=people[LEADER])
    expired.expires_at = timezone.now() - timedelta(days=1)
    expired.save(update_fields=["expires_at"])
    used, used_token = Invitation.create(network, "used@example.org", invited_by=people[LEADER])
    used.accepted_at = timezone.now() - timedelta(days=2)
    used.save(update_fields=["accepted_at"])
    return {"usable": token, "expired": expired_token, "used": used_token}


def _lock_out(email):
    """Five failed sign-ins for `email` just now: the next attempt shows the lockout page."""
    from axes.models import AccessAttempt
    from django.conf import settings

    from community.accounts.axes import username_from_request

    AccessAttempt.objects.create(
        # The name axes counts the attempts under (the account, or the name as typed).
        username=username_from_request(None, {"login": email}),
        ip_address="127.0.0.1",
        user_agent="catalogue",
        http_accept="text/html",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
    )


def _diagnostic_results(member):
    """Two submitted results for the member (so the results page shows history and the radar
    chart); returns the address of the latest."""
    from diagnostics.models import Instrument, Response

    instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
    data = instrument.current_version.data
    lowest = {item.key: 5 if item.reverse else 1 for item in data.items}
    now = timezone.now()
    Response.objects.create(
        user=member,
        version=instrument.current_version,
        answers=dict.fromkeys(lowest, 3),
        status=Response.Status.SUBMITTED,
        submitted_at=now - timedelta(days=30),
    )
    latest = Response.objects.create(
        user=member,
        version=instrument.current_version,
        answers=lowest,
        status=Response.Status.SUBMITTED,
        submitted_at=now,
    )
    return latest.get_absolute_url()


def _open_round(network, leader):
    """A round of the scorecard open in the catalogue network: its members see it on the network
    page, on /diagnostics/ and in My diagnostics; and a closed round whose results the leader
    has shared. Returns (the open round, the shared round)."""
    from diagnostics.factories import NetworkRoundFactory, RoundResponseFactory, current_version
    from diagnostics.models import NetworkRound

    open_round = NetworkRoundFactory(network=network, version=current_version(SCORECARD), opened_by=leader)
    shared = NetworkRoundFactory(
        network=network, version=current_version(SCORECARD), opened_by=leader, mode="paper", shared_at=timezone.now()
    )
    for value in (2, 3, 4):
        RoundResponseFactory(
            round=shared, paper=True, answers={item.key: value for item in shared.version.data.items}, comment="Ok"
        )
    NetworkRound.objects.filter(pk=shared.pk).update(closed=True)
    return open_round, shared


def _closed_round_with_plan(network, leader):
    """A closed scorecard round with results (every answer 3: "developing" everywhere) and an
    action plan of two actions, one overdue; returns the plan's address and an action's id."""
    from diagnostics.factories import NetworkRoundFactory, current_version, every_statement
    from diagnostics.models import PlanAction, RoundResponse

    version = current_version(SCORECARD)
    round_ = NetworkRoundFactory(
        network=network, version=version, opened_by=leader, closed=True, created_at=timezone.now() - timedelta(days=90)
    )
    RoundResponse.objects.bulk_create(
        RoundResponse(round=round_, answers=every_statement(version.data, 3)) for _ in range(3)
    )
    key = version.data.dimensions[0].key
    PlanAction.objects.create(round=round_, dimension=key, what="Agree three priorities", owner="Priya Shah")
    action = PlanAction.objects.create(
        round=round_,
        dimension=key,
        what="Write to the trust",
        due_on=timezone.localdate() - timedelta(days=3),
        status=PlanAction.Status.IN_PROGRESS,
    )
    return f"/diagnostics/networks/{network.slug}/rounds/{round_.pk}/plan/", action.pk, key


def _matrix_session(network, leader):
    """Two maturity matrix sessions of the catalogue network, so the change chart has lines; the
    later one has a current level above its target (flagged). Returns the later one's address."""
    from datetime import date

    from diagnostics.factories import MatrixSessionFactory
    from diagnostics.scoring import MatrixEntry

    MatrixSessionFactory(
        network=network, recorded_by=leader, date=date(2025, 6, 1), rows={"purpose": MatrixEntry(chosen=(1, 2, 3))}
    )
    later = MatrixSessionFactory(
        network=network,
        recorded_by=leader,
        date=date(2026, 1, 1),
        notes="Agreed to revisit membership in the spring.",
        rows={"purpose": MatrixEntry(current=3, target=4), "membership": MatrixEntry(chosen=(3, 4), target=2)},
    )
    return later.get_absolute_url()


def _confirmation_url(user):
    """The address in the email that asks `user` to confirm their email address."""
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    key = EmailConfirmationHMAC(EmailAddress.objects.get(user=user)).key
    return f"/accounts/confirm-email/{key}/"


def build_member_pages(catalogue):
    """Make the members-and-networks data; set `catalogue.users` and return the entries."""
    from community.members.models import SavedItem
    from tests.page_catalogue import Entry, with_query

    people = _people()
    network = _networks(people)
    tokens = _invitations(network, people)
    _lock_out(LOCKED_OUT_EMAIL)
    SavedItem.objects.create(user=people[MEMBER], page=catalogue.resource)
    SavedItem.objects.create(user=people[MEMBER], page=catalogue.case_study)
    result_url = _diagnostic_results(people[MEMBER])
    open_round, shared_round = _open_round(network, people[LEADER])
    plan_url, action_pk, area = _closed_round_with_plan(network, people[LEADER])
    session_url = _matrix_session(network, people[LEADER])
    confirm_url = _confirmation_url(people[UNVERIFIED])
    catalogue.users = people

    net = f"/networks/{NETWORK_SLUG}/"
    members = "/community/members/"
    return [
        # Accounts (allauth), signed out.
        Entry("sign in", "/accounts/login/"),
        Entry("sign up", "/accounts/signup/"),
        Entry("sign up, with errors", "/accounts/signup/", error=True, post={"email": "not-an-email"}),
        Entry("password reset", "/accounts/password/reset/"),
        Entry("password reset, done", "/accounts/password/reset/done/"),
        Entry("email verification sent", "/accounts/confirm-email/"),
        Entry(
            "sign in, locked out",
            "/accounts/login/",
            status=429,
            post={"login": LOCKED_OUT_EMAIL, "password": "a-wrong-guess"},
        ),
        # Signed in: the site's own pages look different for a member (save buttons, header).
        Entry("home, signed in", "/", user=MEMBER),
        Entry("resource page, signed in", catalogue.resource.url, user=MEMBER),
        Entry("case study page, signed in", catalogue.case_study.url, user=MEMBER),
        Entry("event page, signed in", catalogue.upcoming_event.url, user=MEMBER),
        Entry("change email", "/accounts/email/", user=MEMBER),
        Entry(
            "change email, with errors",
            "/accounts/email/",
            user=MEMBER,
            error=True,
            post={"email": "no", "action_add": ""},
        ),
        Entry("change password", "/accounts/password/change/", user=MEMBER),
        Entry("sign out", "/accounts/logout/", user=MEMBER),
        Entry("confirm email address", confirm_url),
        # Member directory and profiles.
        Entry("member directory", members, user=MEMBER),
        Entry("member directory, filtered", with_query(members, {"q": MEMBER_ORGANISATION}), user=MEMBER),
        Entry("member directory, no results", with_query(members, {"q": "xylophone"}), user=MEMBER),
        Entry(
            "member directory, unknown filter value",
            with_query(members, {"region": "no-such-region"}),
            user=MEMBER,
            error=True,
        ),
        Entry("member profile", f"{members}catalogue-member/", user=LEADER),
        # Networks directory and pages.
        Entry("networks directory", "/networks/"),
        Entry("networks directory, filtered", with_query("/networks/", {"type": "clinical-network"})),
        Entry("networks directory, unknown filter value", with_query("/networks/", {"type": "clinical"}), error=True),
        Entry("networks directory, signed in", "/networks/", user=MEMBER),
        Entry("network page, visitor", net),
        Entry("network page, member", net, user=MEMBER),
        Entry("network page, leader", net, user=LEADER),
        Entry("network page, not a member", net, user=INVITEE),
        Entry("network page, hidden, leader", f"/networks/{HIDDEN_NETWORK_SLUG}/", user=LEADER),
        Entry("leave network", f"{net}leave/", user=MEMBER),
        Entry("create network", "/networks/new/", user=LEADER),
        Entry("create network, with errors", "/networks/new/", user=LEADER, error=True, post={"name": ""}),
        Entry("edit network", f"{net}edit/", user=LEADER),
        Entry("edit network, with errors", f"{net}edit/", user=LEADER, error=True, post={"name": ""}),
        Entry("invite", f"{net}invite/", user=LEADER),
        Entry("invite several", f"{net}invite/several/", user=LEADER),
        Entry(
            "invite several, with refused lines",
            f"{net}invite/several/",
            user=LEADER,
            error=True,
            post={"addresses": "not-an-address\nname@example.org\nname@example.org"},
        ),
        Entry("close network", f"{net}close/", user=LEADER),
        Entry("network page, closed, visitor", f"/networks/{CLOSED_NETWORK_SLUG}/"),
        Entry("network page, closed, leader", f"/networks/{CLOSED_NETWORK_SLUG}/", user=LEADER),
        Entry("invite, with errors", f"{net}invite/", user=LEADER, error=True, post={"email": "not-an-email"}),
        Entry("manage members", f"{net}members/", user=LEADER),
        Entry("contact a network", f"{net}contact/", user=MEMBER),
        Entry("contact a network, with errors", f"{net}contact/", user=MEMBER, error=True, post={"subject": ""}),
        Entry("verification required", "/networks/new/", status=403, user=UNVERIFIED),
        # Invitations.
        Entry("invitation, signed out", f"/networks/invitations/{tokens['usable']}/"),
        Entry("invitation, invitee", f"/networks/invitations/{tokens['usable']}/", user=INVITEE),
        Entry("invitation, expired", f"/networks/invitations/{tokens['expired']}/", status=410),
        Entry("invitation, used", f"/networks/invitations/{tokens['used']}/", status=410, user=INVITEE),
        Entry("invitation, unknown", "/networks/invitations/no-such-token/", status=404),
        # My account.
        Entry("my account", "/account/", user=MEMBER),
        Entry("my account, unverified", "/account/", user=UNVERIFIED),
        Entry("my profile", "/account/profile/", user=MEMBER),
        Entry("my profile, with errors", "/account/profile/", user=MEMBER, error=True, post={"display_name": ""}),
        Entry("my notifications", "/account/notifications/", user=MEMBER),
        Entry("my networks", "/account/networks/", user=MEMBER),
        Entry("my networks, with an invitation", "/account/networks/", user=INVITEE),
        Entry("my saved items", "/account/saved/", user=MEMBER),
        Entry("my saved items, none", "/account/saved/", user=INVITEE),
        Entry("download my data", "/account/download/", user=MEMBER),
        Entry("delete my account", "/account/delete/", user=MEMBER),
        Entry("delete my account, as leader", "/account/delete/", user=LEADER),
        # Diagnostics that need no survey in progress (tests/browser/test_diagnostics.py and
        # tests/diagnostics/test_html_validity.py take a survey through its pages).
        Entry("diagnostics", "/diagnostics/"),
        Entry("diagnostic introduction", f"/diagnostics/{SCORECARD}/"),
        Entry("diagnostic introduction, matrix", "/diagnostics/network-maturity-matrix/"),
        Entry("diagnostic section", f"/diagnostics/{SCORECARD}/section/1/"),
        Entry("diagnostic section, from check", f"/diagnostics/{SCORECARD}/section/2/?return=check"),
        Entry("diagnostic check answers", f"/diagnostics/{SCORECARD}/check/"),
        Entry("diagnostic check answers, with errors", f"/diagnostics/{SCORECARD}/check/", error=True, post={}),
        Entry("diagnostic introduction, with earlier results", f"/diagnostics/{SCORECARD}/", user=MEMBER),
        Entry("diagnostic result with radar chart", result_url, user=MEMBER),
        # A closed round's action plan (diagnostics/plan_views.py).
        Entry("action plan", plan_url, user=LEADER),
        Entry("action plan, print view", f"{plan_url}print/", user=LEADER),
        Entry("action plan, add an action", f"{plan_url}areas/{area}/new/", user=LEADER),
        Entry(
            "action plan, add an action, with errors",
            f"{plan_url}areas/{area}/new/",
            user=LEADER,
            error=True,
            post={"what": "", "due_on": "31/2/2027"},
        ),
        Entry("action plan, change an action", f"{plan_url}actions/{action_pk}/", user=LEADER),
        Entry("action plan, delete an action", f"{plan_url}actions/{action_pk}/delete/", user=LEADER),
        Entry("benchmarking choice", f"/diagnostics/networks/{NETWORK_SLUG}/benchmarking/{SCORECARD}/", user=LEADER),
        # The hidden network has no sector to compare by.
        Entry(
            "benchmarking choice, with errors",
            f"/diagnostics/networks/{HIDDEN_NETWORK_SLUG}/benchmarking/{SCORECARD}/",
            user=LEADER,
            error=True,
            post={"benchmark-basis": "sector"},
        ),
        # A leader's maturity matrix sessions: the change chart, a session, changing and deleting it.
        Entry("matrix sessions with the change chart", f"/diagnostics/networks/{NETWORK_SLUG}/matrix/", user=LEADER),
        Entry("matrix session, above the target", session_url, user=LEADER),
        Entry("change a matrix session", f"{session_url}edit/", user=LEADER),
        Entry(
            "change a matrix session, with errors",
            f"{session_url}edit/",
            user=LEADER,
            error=True,
            post={"date": "", "purpose-current": "5", "purpose-target": "2"},
        ),
        Entry("delete a matrix session", f"{session_url}delete/", user=LEADER),
        # Network rounds for a member: listed on /diagnostics/, answered page by page, shared results.
        Entry("diagnostics, with open rounds", "/diagnostics/", user=MEMBER),
        Entry("round, start", open_round.get_absolute_url(), user=MEMBER),
        Entry("round, section", f"{open_round.get_absolute_url()}section/1/", user=MEMBER),
        Entry("round, check answers", f"{open_round.get_absolute_url()}check/", user=MEMBER),
        Entry(
            "round, check answers, with errors",
            f"{open_round.get_absolute_url()}check/",
            user=MEMBER,
            error=True,
            post={"comment": "Kept"},
        ),
        Entry("round, shared results", shared_round.get_shared_url(), user=MEMBER),
        Entry("round, closed, leader with share and discuss", shared_round.get_results_url(), user=LEADER),
        # Privacy: an invitation opened by someone else, minimal profiles.
        Entry("invitation, someone else", f"/networks/invitations/{tokens['usable']}/", user=MEMBER),
        Entry("member profile, not in the directory", f"{members}catalogue-invitee/", user=MEMBER),
        Entry("member profile, own, not in the directory", f"{members}catalogue-invitee/", user=INVITEE),
        # The site's error pages (a leader's page, a button's address opened from a link), My
        # diagnostics with nothing in it, and the networks directory's topic filter.
        Entry("forbidden, a leader's page", f"/diagnostics/networks/{NETWORK_SLUG}/rounds/", status=403, user=MEMBER),
        Entry("method not allowed", f"/account/saved/{catalogue.resource.pk}/", status=405),
        Entry("method not allowed, signed in", f"{net}join/", status=405, user=MEMBER),
        Entry("my account, nothing yet", "/account/", user=INVITEE),
        Entry("networks directory, by topic", with_query("/networks/", {"topic": "stroke"})),
        Entry("networks directory, unknown topic", with_query("/networks/", {"topic": "no-such-topic"}), error=True),
    ]
