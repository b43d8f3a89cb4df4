"""The permission matrix's entries: one or more concrete addresses for each URL pattern, with
the outcome each role gets (see tests/quality/permission_matrix.py for the outcome names)."""

from __future__ import annotations

from tests.quality.permission_matrix import (
    ADMIN_HOME,
    ADMIN_LOGIN,
    HIDDEN,
    LOGIN,
    MATRIX,
    NET,
    REDIRECT,
    SCORECARD,
    Entry,
    outcome,
    post_check,
    signed_in,
)

PUBLIC = outcome(200)
NOT_FOUND = outcome(404)
# The site team sees hidden networks; their own members too.
HIDDEN_NETWORK = outcome(404, leader=200, moderator=200, editor=200, administrator=200)
# A network's leaders only (others signed in get the styled 403).
LEADERS = signed_in(403, leader=200)
# A network's active members, leaders included.
ROUND_MEMBERS = signed_in(403, network_member=200, leader=200)
# Wagtail admin: the site team is let in; members are sent to the admin sign-in page.
ADMIN = outcome(ADMIN_LOGIN, moderator=200, editor=200, administrator=200)
# Administrators only: the rest of the site team is sent back to the admin home.
ADMIN_ONLY = outcome(ADMIN_LOGIN, moderator=ADMIN_HOME, editor=ADMIN_HOME, administrator=200)
# Editors' part of the admin besides pages (instruments): moderators are sent back.
ADMIN_EDITORS = outcome(ADMIN_LOGIN, moderator=ADMIN_HOME, editor=200, administrator=200)
# Moderators' part of the admin (reports, spaces, the moderation log): editors are sent back.
ADMIN_MODERATORS = outcome(ADMIN_LOGIN, moderator=200, editor=ADMIN_HOME, administrator=200)
MODERATORS = outcome(404, moderator=200, administrator=200)


def net(path=""):
    return lambda w: f"/networks/{NET}/{path}"


def rounds(path=""):
    return lambda w: f"/diagnostics/networks/{NET}/{path}"


def plan(path=""):
    return lambda w: f"/diagnostics/networks/{NET}/rounds/{w.closed_round.pk}/plan/{path}"


SITE = [
    Entry("home", lambda w: "/", PUBLIC),
    Entry("resources listing", lambda w: "/resources/", PUBLIC),
    Entry("resource page", lambda w: w.resource.url, PUBLIC),
    Entry("resources feed", lambda w: "/resources/feed/", PUBLIC),
    Entry("case studies listing", lambda w: "/case-studies/", PUBLIC),
    Entry("case study page", lambda w: w.case_study.url, PUBLIC),
    Entry("case studies feed", lambda w: "/case-studies/feed/", PUBLIC),
    Entry("events listing", lambda w: "/events/", PUBLIC),
    Entry("event page", lambda w: w.event.url, PUBLIC),
    Entry("events feed", lambda w: "/events/feed/", PUBLIC),
    Entry("event calendar file", lambda w: f"{w.event.url}event.ics", PUBLIC),
    Entry("standard page", lambda w: w.about.url, PUBLIC),
    Entry("draft page, on the public site", lambda w: "/pm-draft/", NOT_FOUND),
    Entry("no such page", lambda w: "/no-such-page/", NOT_FOUND),
    Entry(
        "page password form, no such restriction", lambda w: "/_util/authenticate_with_password/999999/1/", NOT_FOUND
    ),
    Entry("Wagtail's page sign-in", lambda w: "/_util/login/", PUBLIC),
    Entry("document", lambda w: w.document.url, PUBLIC),
    Entry(
        "document password form, no such restriction",
        lambda w: "/documents/authenticate_with_password/999999/",
        NOT_FOUND,
    ),
    Entry("search", lambda w: "/search/?q=matrix", PUBLIC),
    Entry("health check", lambda w: "/healthz", PUBLIC),
    Entry("robots.txt", lambda w: "/robots.txt", PUBLIC),
    Entry("print stylesheet", lambda w: "/print.css", PUBLIC),
    Entry("sitemap", lambda w: "/sitemap.xml", PUBLIC),
    Entry("a section's sitemap", lambda w: "/sitemap-pages.xml", PUBLIC),
    # Uploaded files (source4networks/media.py): pictures for all; documents only through their
    # own address above, which checks their collection's privacy.
    Entry("media: a member's picture", lambda w: w.avatar_url, PUBLIC),
    Entry("media: an image rendition", lambda w: w.rendition.url, PUBLIC),
    Entry("media: a document's file", lambda w: f"/media/{w.document.file.name}", NOT_FOUND),
]

ACCOUNTS = [
    Entry("sign in", lambda w: "/accounts/login/", outcome(REDIRECT, anonymous=200)),
    Entry("sign out", lambda w: "/accounts/logout/", outcome(200, anonymous=REDIRECT)),
    Entry("account inactive", lambda w: "/accounts/inactive/", PUBLIC),
    Entry("sign up", lambda w: "/accounts/signup/", outcome(REDIRECT, anonymous=200)),
    Entry("reauthenticate", lambda w: "/accounts/reauthenticate/", signed_in()),
    Entry("change email", lambda w: "/accounts/email/", signed_in()),
    # allauth's code pages: a member may ask for a code to confirm it is them; with no code
    # asked for, the confirmation pages send them back.
    Entry("reauthenticate by code", lambda w: "/accounts/reauthenticate/code/", signed_in(unverified=REDIRECT)),
    Entry("confirm reauthentication code", lambda w: "/accounts/reauthenticate/code/confirm/", signed_in(REDIRECT)),
    Entry("confirm sign-in code", lambda w: "/accounts/login/code/confirm/", outcome(REDIRECT)),
    # Every account has a password: setting a first one sends members to change it instead.
    Entry("set a password", lambda w: "/accounts/password/set/", signed_in(REDIRECT)),
    Entry("password reset from a bad key", lambda w: "/accounts/password/reset/key/1-bad-key/", PUBLIC),
    Entry("verification sent", lambda w: "/accounts/confirm-email/", PUBLIC),
    Entry("confirm email, bad key", lambda w: "/accounts/confirm-email/bad-key/", PUBLIC),
    Entry("change password", lambda w: "/accounts/password/change/", signed_in()),
    Entry("password reset", lambda w: "/accounts/password/reset/", PUBLIC),
    Entry("password reset sent", lambda w: "/accounts/password/reset/done/", PUBLIC),
    Entry("password reset from key, done", lambda w: "/accounts/password/reset/key/done/", PUBLIC),
    Entry("my account", lambda w: "/account/", signed_in()),
    Entry("download my data", lambda w: "/account/download/", signed_in()),
    Entry("delete my account", lambda w: "/account/delete/", signed_in()),
]

NETWORKS = [
    Entry("networks directory", lambda w: "/networks/", PUBLIC),
    Entry("create a network", lambda w: "/networks/new/", signed_in(unverified=403)),
    Entry("invitation", lambda w: f"/networks/invitations/{w.invitation_token}/", PUBLIC),
    Entry("invitation, unknown", lambda w: "/networks/invitations/no-such-token/", NOT_FOUND),
    Entry("network page", net(), PUBLIC),
    Entry("hidden network page", lambda w: f"/networks/{HIDDEN}/", HIDDEN_NETWORK),
    Entry("edit network", net("edit/"), LEADERS),
    Entry("join, GET", net("join/"), outcome(405)),
    Entry("join, POST", net("join/"), post_check(LOGIN, 403, wrong=("unverified",)), method="post"),
    Entry("leave", net("leave/"), signed_in(REDIRECT, network_member=200, leader=200)),
    Entry("visibility, GET", net("visibility/"), signed_in(405)),
    Entry("visibility, POST", net("visibility/"), post_check(LOGIN, 403), method="post"),
    Entry("contact", net("contact/"), signed_in(unverified=403)),
    Entry("manage members", net("members/"), LEADERS),
    Entry("invite", net("invite/"), LEADERS),
    Entry("invite several", net("invite/several/"), LEADERS),
    Entry("close network (confirmation)", net("close/"), LEADERS),
    Entry(
        "invitation resend or withdraw, GET",
        lambda w: f"/networks/{NET}/invitations/{w.invitation.pk}/resend/",
        outcome(405),
    ),
    Entry(
        "invitation resend or withdraw, POST",
        lambda w: f"/networks/{NET}/invitations/{w.invitation.pk}/resend/",
        post_check(LOGIN, 403, wrong=("member", "network_member", "moderator", "administrator")),
        method="post",
    ),
    Entry(
        "member action, GET",
        lambda w: f"/networks/{NET}/members/{w.network_membership.pk}/remove/",
        outcome(405),
    ),
    Entry(
        "member action, POST",
        lambda w: f"/networks/{NET}/members/{w.network_membership.pk}/remove/",
        post_check(LOGIN, 403, wrong=("member", "network_member", "moderator", "administrator")),
        method="post",
    ),
    Entry("private space switch, GET", net("space/"), signed_in(405)),
    Entry(
        "private space switch, POST",
        net("space/"),
        post_check(LOGIN, 404, wrong=("member", "network_member", "administrator")),
        method="post",
        data={"action": "on"},
    ),
    Entry("my networks", lambda w: "/account/networks/", signed_in()),
    Entry(
        "invitation action, GET",
        lambda w: f"/account/invitations/{w.invitation.pk}/accept/",
        signed_in(405),
    ),
    Entry(
        "invitation action, POST",
        lambda w: f"/account/invitations/{w.invitation.pk}/accept/",
        post_check(LOGIN, 404, wrong=("member", "leader")),
        method="post",
    ),
]

MEMBERS = [
    Entry("member directory", lambda w: "/community/members/", signed_in()),
    Entry("member profile", lambda w: "/community/members/pm-member/", signed_in()),
    Entry("member profile, unknown", lambda w: "/community/members/no-such-member/", signed_in(404)),
    Entry("edit my profile", lambda w: "/account/profile/", signed_in()),
    Entry("my notifications", lambda w: "/account/notifications/", signed_in()),
    Entry("my saved items", lambda w: "/account/saved/", signed_in()),
    Entry("save a page, GET", lambda w: f"/account/saved/{w.resource.pk}/", outcome(405)),
    Entry("save a page, POST", lambda w: f"/account/saved/{w.resource.pk}/", post_check(LOGIN, None), method="post"),
]


def thread_url(thread, path=""):
    return f"/community/{thread.space.slug}/threads/{thread.pk}/{path}"


# Reading: open spaces for all, members' spaces for the signed in, a network's space for its
# members; moderators and administrators read everything.
OPEN_READ = PUBLIC
MEMBERS_READ = outcome(200, anonymous=404)
PRIVATE_READ = outcome(404, network_member=200, leader=200, moderator=200, administrator=200)
# Posting: verified members; the unverified and the suspended get the styled 403 that says why.
POSTING = signed_in(200, unverified=403, suspended=403)
PRIVATE_POSTING = outcome(404, anonymous=404, network_member=200, leader=200, moderator=200, administrator=200)


def _redirects():
    """Where PRIVATE_READ says 200, a post's link redirects to its thread."""
    return dict.fromkeys(("network_member", "leader", "moderator", "administrator"), REDIRECT)


DISCUSSIONS = [
    Entry("community home", lambda w: "/community/", PUBLIC),
    Entry("open space", lambda w: "/community/pm-open/", OPEN_READ),
    Entry("members' space", lambda w: "/community/pm-members/", MEMBERS_READ),
    Entry("network's private space", lambda w: "/community/pm-private/", PRIVATE_READ),
    Entry("new thread, open space", lambda w: "/community/pm-open/new/", POSTING),
    Entry("new thread, private space", lambda w: "/community/pm-private/new/", PRIVATE_POSTING),
    Entry("open thread", lambda w: thread_url(w.open_thread), OPEN_READ),
    Entry("members' thread", lambda w: thread_url(w.members_thread), MEMBERS_READ),
    Entry("private thread", lambda w: thread_url(w.private_thread), PRIVATE_READ),
    Entry("hidden thread", lambda w: thread_url(w.hidden_thread), MODERATORS),
    Entry("reply, open thread", lambda w: thread_url(w.open_thread, "reply/"), POSTING),
    Entry("reply, private thread", lambda w: thread_url(w.private_thread, "reply/"), PRIVATE_POSTING),
    Entry("save thread, GET", lambda w: thread_url(w.open_thread, "save/"), signed_in(405)),
    Entry("save thread, POST", lambda w: thread_url(w.private_thread, "save/"), post_check(LOGIN, 404), method="post"),
    Entry("subscribe, GET", lambda w: thread_url(w.open_thread, "subscribe/"), signed_in(405)),
    Entry(
        "subscribe, POST", lambda w: thread_url(w.private_thread, "subscribe/"), post_check(LOGIN, 404), method="post"
    ),
    Entry("post link", lambda w: f"/community/posts/{w.reply.pk}/", outcome(REDIRECT)),
    Entry("post link, private", lambda w: f"/community/posts/{w.private_reply.pk}/", PRIVATE_READ | _redirects()),
    Entry("edit a post", lambda w: f"/community/posts/{w.reply.pk}/edit/", signed_in(404, leader=200)),
    Entry("delete a post", lambda w: f"/community/posts/{w.reply.pk}/delete/", signed_in(404, leader=200)),
    Entry(
        "report a post", lambda w: f"/community/posts/{w.reply.pk}/report/", signed_in(200, unverified=404, leader=404)
    ),
    Entry("unsubscribe link", lambda w: f"/community/unsubscribe/{w.unsubscribe}/", PUBLIC),
    Entry("unsubscribe link, bad token", lambda w: "/community/unsubscribe/not-a-token/", NOT_FOUND),
    Entry("moderate thread, GET", lambda w: f"/community/moderate/threads/{w.open_thread.pk}/lock/", outcome(405)),
    Entry(
        "moderate thread, POST",
        lambda w: f"/community/moderate/threads/{w.open_thread.pk}/lock/",
        post_check(404, 404, wrong=("member", "leader", "editor")),
        method="post",
    ),
    Entry("moderate post, GET", lambda w: f"/community/moderate/posts/{w.reply.pk}/hide/", outcome(405)),
    Entry(
        "moderate post, POST",
        lambda w: f"/community/moderate/posts/{w.reply.pk}/hide/",
        post_check(404, 404, wrong=("member", "leader", "editor")),
        method="post",
    ),
    Entry("suspend a member", lambda w: "/community/moderate/members/pm-member/", MODERATORS),
]


DIAGNOSTICS = [
    Entry("diagnostics", lambda w: "/diagnostics/", PUBLIC),
    Entry("introduction", lambda w: f"/diagnostics/{SCORECARD}/", PUBLIC),
    Entry("section", lambda w: f"/diagnostics/{SCORECARD}/section/1/", PUBLIC),
    Entry("check answers", lambda w: f"/diagnostics/{SCORECARD}/check/", PUBLIC),
    # No survey taken in this session: nothing to show.
    Entry("results of this session", lambda w: f"/diagnostics/{SCORECARD}/results/", NOT_FOUND),
    Entry("results of this session, CSV", lambda w: f"/diagnostics/{SCORECARD}/results/results.csv", NOT_FOUND),
    # Opened from a link: back to the diagnostic (a visitor signs in first).
    Entry(
        "save a result, GET", lambda w: f"/diagnostics/{SCORECARD}/results/save/", outcome(REDIRECT, anonymous=LOGIN)
    ),
    Entry(
        "save a result, POST",
        lambda w: f"/diagnostics/{SCORECARD}/results/save/",
        post_check(LOGIN, None),
        method="post",
    ),
    Entry("a member's result", lambda w: w.result.get_absolute_url(), signed_in(404, member=200)),
    Entry("a member's result, CSV", lambda w: f"{w.result.get_absolute_url()}results.csv", signed_in(404, member=200)),
    Entry("answer a round", lambda w: w.round.get_absolute_url(), ROUND_MEMBERS),
    Entry("rounds", rounds("rounds/"), LEADERS),
    Entry("open a round", rounds("rounds/new/"), LEADERS),
    Entry("a round", lambda w: f"/diagnostics/networks/{NET}/rounds/{w.round.pk}/", LEADERS),
    Entry("close a round", lambda w: f"/diagnostics/networks/{NET}/rounds/{w.round.pk}/close/", LEADERS),
    # The round is open: no figures yet, not even for its leaders.
    Entry(
        "a round's CSV",
        lambda w: f"/diagnostics/networks/{NET}/rounds/{w.round.pk}/results.csv",
        signed_in(403, leader=404),
    ),
    Entry("import into a round", lambda w: f"/diagnostics/networks/{NET}/rounds/{w.round.pk}/import/", LEADERS),
    Entry("answer a round, a section", lambda w: f"{w.round.get_absolute_url()}section/1/", ROUND_MEMBERS),
    Entry("answer a round, check", lambda w: f"{w.round.get_absolute_url()}check/", ROUND_MEMBERS),
    *[
        entry
        for action in ("remind", "share", "discuss")
        for entry in (
            Entry(f"{action} a round, GET", lambda w, a=action: f"{w.round.get_results_url()}{a}/", signed_in(405)),
            Entry(
                f"{action} a round, POST",
                lambda w, a=action: f"{w.round.get_results_url()}{a}/",
                post_check(LOGIN, 403, wrong=("member", "network_member", "moderator")),
                method="post",
            ),
        )
    ],
    Entry("a round's shared results", lambda w: w.shared_round.get_shared_url(), ROUND_MEMBERS),
    Entry("matrix sessions", rounds("matrix/"), LEADERS),
    Entry("record a matrix session", rounds(f"matrix/new/{MATRIX}/"), LEADERS),
    Entry("a matrix session", lambda w: f"/diagnostics/networks/{NET}/matrix/{w.matrix_session.pk}/", LEADERS),
    # A closed round's action plan: its leaders (members too, for the print view and the CSV, once
    # the results are shared; this round's are not).
    Entry("an action plan", plan(), LEADERS),
    Entry("an action plan, print view", plan("print/"), LEADERS),
    Entry("an action plan, CSV", plan("plan.csv"), LEADERS),
    Entry("add a plan action", lambda w: plan(f"areas/{w.plan_action.dimension}/new/")(w), LEADERS),
    Entry("change a plan action", lambda w: plan(f"actions/{w.plan_action.pk}/")(w), LEADERS),
    Entry("delete a plan action", lambda w: plan(f"actions/{w.plan_action.pk}/delete/")(w), LEADERS),
    Entry(
        "delete a plan action, POST",
        lambda w: plan(f"actions/{w.plan_action.pk}/delete/")(w),
        post_check(LOGIN, 403, wrong=("member", "network_member", "moderator")),
        method="post",
    ),
    Entry("benchmarking choice", rounds(f"benchmarking/{SCORECARD}/"), LEADERS),
    Entry(
        "benchmarking choice, POST",
        rounds(f"benchmarking/{SCORECARD}/"),
        post_check(LOGIN, 403),
        method="post",
    ),
    Entry("change a matrix session", lambda w: f"{w.matrix_session.get_absolute_url()}edit/", LEADERS),
    Entry("delete a matrix session", lambda w: f"{w.matrix_session.get_absolute_url()}delete/", LEADERS),
    Entry(
        "delete a matrix session, POST",
        lambda w: f"{w.matrix_session.get_absolute_url()}delete/",
        post_check(LOGIN, 403, wrong=("member", "network_member", "moderator")),
        method="post",
    ),
    Entry("a matrix session's CSV", lambda w: f"{w.matrix_session.get_absolute_url()}session.csv", LEADERS),
]

ADMIN_ENTRIES = [
    Entry("admin home", lambda w: "/admin/", ADMIN),
    Entry("admin pages", lambda w: "/admin/pages/", ADMIN),
    Entry("admin documents", lambda w: "/admin/documents/", ADMIN),
    Entry("admin images", lambda w: "/admin/images/", ADMIN),
    Entry("admin users", lambda w: "/admin/users/", ADMIN_ONLY),
    Entry(
        "admin sign-in",
        lambda w: "/admin/login/",
        outcome(200, moderator=REDIRECT, editor=REDIRECT, administrator=REDIRECT),
    ),
    # Wagtail's preview of its admin "not found" page (a plain view behind the admin check).
    Entry("admin test 404 page", lambda w: "/admin/test404/", ADMIN),
    Entry("review overdue report", lambda w: "/admin/reports/review-overdue/", ADMIN),
    Entry("review overdue report results", lambda w: "/admin/reports/review-overdue/results/", ADMIN),
    Entry("discussion reports queue", lambda w: "/admin/discussions/reports/", ADMIN_MODERATORS),
    Entry(
        "resolve a report, GET",
        lambda w: "/admin/discussions/reports/999999/dismiss/",
        outcome(ADMIN_LOGIN, moderator=405, editor=405, administrator=405),
    ),
    Entry(
        "resolve a report, POST",
        lambda w: "/admin/discussions/reports/999999/dismiss/",
        post_check(ADMIN_LOGIN, ADMIN_LOGIN),
        method="post",
    ),
    Entry("network snippets", lambda w: "/admin/snippets/networks/network/", ADMIN),
    Entry("space snippets", lambda w: "/admin/snippets/discussions/space/", ADMIN_MODERATORS),
    Entry("report snippets", lambda w: "/admin/snippets/discussions/postreport/", ADMIN_MODERATORS),
    Entry("moderation log", lambda w: "/admin/snippets/discussions/moderationaction/", ADMIN_MODERATORS),
    Entry(
        "moderation log entry",
        lambda w: f"/admin/snippets/discussions/moderationaction/inspect/{w.log_entry.pk}/",
        ADMIN_MODERATORS,
    ),
    Entry("report entry", lambda w: f"/admin/snippets/discussions/postreport/inspect/{w.report.pk}/", ADMIN_MODERATORS),
    # Their choosers too: Wagtail's would list them to anyone in the admin.
    Entry("space chooser", lambda w: "/admin/snippets/choose/discussions/space/", ADMIN_MODERATORS),
    Entry("report chooser", lambda w: "/admin/snippets/choose/discussions/postreport/", ADMIN_MODERATORS),
    Entry("moderation log chooser", lambda w: "/admin/snippets/choose/discussions/moderationaction/", ADMIN_MODERATORS),
    # Instruments: editors and administrators add, edit, import and export them (migration 0008);
    # deleting stays with administrators. Moderators are sent back to the admin home.
    Entry("instruments", lambda w: "/admin/diagnostics/instruments/", ADMIN_EDITORS),
    Entry("instruments, results", lambda w: "/admin/diagnostics/instruments/results/", ADMIN_EDITORS),
    Entry("new instrument", lambda w: "/admin/diagnostics/instruments/new/", ADMIN_EDITORS),
    Entry("new maturity matrix", lambda w: "/admin/diagnostics/instruments/new/?kind=matrix", ADMIN_EDITORS),
    Entry("edit instrument", lambda w: f"/admin/diagnostics/instruments/edit/{w.instrument.pk}/", ADMIN_EDITORS),
    Entry("import an instrument", lambda w: "/admin/diagnostics/instruments/import/", ADMIN_EDITORS),
    # An instrument that has been answered is kept: its delete page sends the administrator back
    # to it. The rest of the site team is refused first, told nothing about the instrument.
    Entry(
        "delete instrument",
        lambda w: f"/admin/diagnostics/instruments/delete/{w.instrument.pk}/",
        ADMIN_ONLY | {"administrator": REDIRECT},
    ),
    Entry("instrument history", lambda w: f"/admin/diagnostics/instruments/history/{w.instrument.pk}/", ADMIN_EDITORS),
    Entry(
        "instrument history, results",
        lambda w: f"/admin/diagnostics/instruments/history-results/{w.instrument.pk}/",
        ADMIN_EDITORS,
    ),
    Entry("instrument usage", lambda w: f"/admin/diagnostics/instruments/usage/{w.instrument.pk}/", ADMIN_EDITORS),
    Entry(
        "export an instrument",
        lambda w: f"/admin/diagnostics/instruments/export/{w.instrument.pk}/{w.instrument.current_version.number}/",
        ADMIN_EDITORS,
    ),
]

ENTRIES = SITE + ACCOUNTS + NETWORKS + MEMBERS + DISCUSSIONS + DIAGNOSTICS + ADMIN_ENTRIES
