"""Property-based tests of every form the site takes, posted through its real view by someone
allowed to post it: random, oversized, wrong-typed, Unicode-heavy (invalid UTF-8 included)
and missing values, repeated names and unknown names. Never a server error; a refused form
(anything but a redirect) saves nothing, and shows again the plain text that was typed."""

import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

import diagnostics
from community.discussions.models import PostReport
from community.members.factories import make_member
from diagnostics.factories import NetworkRoundFactory, current_version
from diagnostics.models import NetworkRound
from tests.quality.fuzz import FUZZ_SETTINGS, encode, form_data, is_plain, row_counts, tally
from tests.quality.permission_matrix import MATRIX, NET, SCORECARD, build_world

PASSWORD = "a-long-Passphrase-2026"
EMAIL = ["new-person@example.org", "pm-member@example.org"]
YES = ["on", "true", "1"]


@dataclass
class Form:
    name: str
    url: object  # the world -> the address
    fields: dict  # name -> sample valid values mixed into the random ones
    user: str | None = None
    kept: tuple = ()  # text fields whose typed value is shown again when the form is refused
    fixed: dict = field(default_factory=dict)  # always posted as well (a button's name)
    upload: str | None = None  # a file field posted with random content


def net(path):
    return lambda w: f"/networks/{NET}/{path}"


NETWORK_FIELDS = {
    "name": ["A new network"],
    "summary": ["A short summary"],
    "description": ["More words"],
    "network_type": ["clinical-network", "improvement-network"],
    "join_policy": ["open", "request", "invitation"],
    "regions": ["1", "london"],
    "sectors": ["1", "health"],
    "website": ["https://example.org"],
    "year_founded": ["2016", "1066", "3000"],
    "approximate_size": ["120", "-5"],
    "topics": ["stroke, rehabilitation"],
    "remove_logo": YES,
}

FORMS = [
    # Accounts (allauth, with the site's own fields).
    Form(
        "sign up",
        lambda w: "/accounts/signup/",
        {
            "email": EMAIL,
            "password1": [PASSWORD],
            "display_name": ["Jo Smith"],
            "terms": YES,
            "website_address": ["http://spam.example"],
        },
        kept=("display_name", "email"),
    ),
    Form("sign in", lambda w: "/accounts/login/", {"login": EMAIL, "password": [PASSWORD], "remember": YES}),
    Form("password reset", lambda w: "/accounts/password/reset/", {"email": EMAIL}, kept=("email",)),
    Form(
        "add an email address",
        lambda w: "/accounts/email/",
        {"email": EMAIL},
        user="member",
        kept=("email",),
        fixed={"action_add": ""},
    ),
    Form(
        "change password",
        lambda w: "/accounts/password/change/",
        {"oldpassword": [PASSWORD], "password1": [PASSWORD], "password2": [PASSWORD]},
        user="member",
    ),
    Form("reauthenticate", lambda w: "/accounts/reauthenticate/", {"password": [PASSWORD]}, user="member"),
    Form("delete my account", lambda w: "/account/delete/", {"password": [PASSWORD]}, user="member"),
    # Members.
    Form(
        "edit my profile",
        lambda w: "/account/profile/",
        {
            "display_name": ["Jo Smith"],
            "job_title": ["Nurse"],
            "organisation": ["A Trust"],
            "region": ["london", "1"],
            "sector": ["health", "1"],
            "bio": ["About me"],
            "interests": ["frailty, co-production"],
            "show_in_directory": YES,
            "show_as_leader_publicly": YES,
            "remove_avatar": YES,
        },
        user="member",
        kept=("display_name", "job_title", "organisation", "bio"),
    ),
    Form(
        "notification settings",
        lambda w: "/account/notifications/",
        {"notification_frequency": ["immediate", "daily", "weekly", "off"]},
        user="member",
    ),
    # Networks.
    Form("create a network", lambda w: "/networks/new/", NETWORK_FIELDS, user="member", kept=("name", "summary")),
    Form("edit a network", net("edit/"), NETWORK_FIELDS, user="leader", kept=("name", "summary")),
    Form("invite", net("invite/"), {"email": EMAIL}, user="leader", kept=("email",)),
    Form("invitation, someone else's", lambda w: f"/networks/invitations/{w.invitation_token}/", {}, user="member"),
    Form("leave a network", net("leave/"), {}, user="network_member"),
    Form(
        "contact a network",
        net("contact/"),
        {"subject": ["Hello there"], "message": ["A message for the leaders"]},
        user="member",
        kept=("subject", "message"),
    ),
    Form("show me on the network page", net("visibility/"), {"show_on_network_page": YES}, user="network_member"),
    Form("private space switch", net("space/"), {"action": ["on", "off"]}, user="leader"),
    # Discussions.
    Form(
        "start a thread",
        lambda w: "/community/pm-open/new/",
        {"title": ["A thread title"], "body": ["The body"], "topics": ["rotas"], "preview": [""]},
        user="member",
        kept=("title", "body"),
    ),
    Form(
        "reply",
        lambda w: f"/community/pm-open/threads/{w.open_thread.pk}/reply/",
        {"body": ["A reply"], "preview": [""]},
        user="member",
        kept=("body",),
    ),
    Form(
        "edit a post",
        lambda w: f"/community/posts/{w.reply.pk}/edit/",
        {"body": ["Edited words"], "title": ["A new title"], "preview": [""]},
        user="leader",
        kept=("body",),
    ),
    Form(
        "report a post",
        lambda w: f"/community/posts/{w.reply.pk}/report/",
        {"reason": ["It is rude"]},
        user="member",
        kept=("reason",),
    ),
    Form(
        "suspend a member",
        lambda w: "/community/moderate/members/pm-member/",
        {"reason": ["Repeated attacks"], "action": ["suspend", "unsuspend"]},
        user="moderator",
    ),
    Form(
        "dismiss a report (admin)",
        lambda w: f"/admin/discussions/reports/{w.report.pk}/dismiss/",
        {"reason": ["Not a problem"]},
        user="moderator",
    ),
    Form(
        "hide a reported post (admin)",
        lambda w: f"/admin/discussions/reports/{w.report.pk}/hide/",
        {"reason": ["Rude"]},
        user="moderator",
    ),
    Form(
        "save a page",
        lambda w: f"/account/saved/{w.resource.pk}/",
        {"next": ["/resources/", "https://elsewhere.example/", "//elsewhere.example"], "action": ["save", "remove"]},
        user="member",
    ),
    Form(
        "move a thread",
        lambda w: f"/community/moderate/threads/{w.open_thread.pk}/move/",
        {"space": ["1"], "reason": ["Better there"]},
        user="moderator",
    ),
    Form(
        "lock a thread",
        lambda w: f"/community/moderate/threads/{w.open_thread.pk}/lock/",
        {"reason": ["Cooling off"]},
        user="moderator",
    ),
    # Diagnostics.
    Form(
        "open a round",
        lambda w: f"/diagnostics/networks/{NET}/rounds/new/",
        {
            "instrument": [SCORECARD, "1"],
            "message": ["Please answer"],
            "mode": ["online", "paper"],
            "closes_on": ["31/12/2026", "2026-12-31", "01/01/2000"],
        },
        user="leader",
        kept=("message",),
    ),
    Form(
        "add a plan action",
        lambda w: f"/diagnostics/networks/{NET}/rounds/{w.closed_round.pk}/plan/areas/{w.plan_action.dimension}/new/",
        {
            "what": ["Hold a planning day"],
            "owner": ["Sam Patel"],
            "due_on": ["27/3/2027", "2027-03-27", "01/01/1900"],
            "status": ["not-started", "in-progress", "done"],
        },
        user="leader",
        kept=("what", "owner"),
    ),
    Form(
        "change a plan action",
        lambda w: f"/diagnostics/networks/{NET}/rounds/{w.closed_round.pk}/plan/actions/{w.plan_action.pk}/",
        {"what": ["Hold a planning day"], "owner": [""], "due_on": [""], "status": ["done"]},
        user="leader",
        kept=("what",),
    ),
    Form(
        "import paper responses",
        lambda w: f"/diagnostics/networks/{NET}/rounds/{w.paper_round.pk}/import/",
        {},
        user="leader",
        upload="file",
    ),
]


def _shipped(slug):
    """A shipped instrument's definition, read from its file (the field names of its forms)."""
    return json.loads((Path(diagnostics.__file__).parent / "instruments" / f"{slug}.json").read_text())


def _survey_forms():
    """The survey and matrix forms, whose field names come from the shipped instruments."""
    scorecard = _shipped(SCORECARD)["dimensions"]
    items = {item["key"]: ["1", "5", "NA"] for item in scorecard[0]["items"]}
    every_item = {item["key"]: ["3", "NA"] for dimension in scorecard for item in dimension["items"]}
    matrix = {"date": ["01/03/2026", "2026-03-01"], "notes": ["Notes"]}
    for dimension in _shipped(MATRIX)["dimensions"]:
        matrix[f"{dimension['key']}-levels"] = ["1, 2, 3", "9"]
        matrix[f"{dimension['key']}-current"] = ["1", "2"]
        matrix[f"{dimension['key']}-target"] = ["3", "1"]  # 1: below the current level, flagged
    matrix["confirm_above_target"] = ["on"]
    return [
        Form(
            "diagnostic section",
            lambda w: f"/diagnostics/{SCORECARD}/section/1/",
            {**items, "action": ["later", "next"], "return": ["check"]},
        ),
        Form("diagnostic check answers", lambda w: f"/diagnostics/{SCORECARD}/check/", {}),
        Form(
            "answer a round",
            lambda w: f"{w.round.get_absolute_url()}check/",
            {**every_item, "comment": ["A comment"]},
            user="network_member",
        ),
        Form(
            "record a matrix session",
            lambda w: f"/diagnostics/networks/{NET}/matrix/new/{MATRIX}/",
            matrix,
            user="leader",
            kept=("notes",),
        ),
        Form(
            "change a matrix session",
            lambda w: f"{w.matrix_session.get_absolute_url()}edit/",
            matrix,
            user="leader",
            kept=("notes",),
        ),
    ]


def content_value(values, name):
    items = values.get(name, [])
    return items[0] if len(items) == 1 else None


class FormFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.world.paper_round = NetworkRoundFactory(
            network=cls.world.network,
            version=current_version(SCORECARD),
            opened_by=cls.world.people["leader"],
            mode=NetworkRound.Mode.PAPER,
        )
        cls.world.people["member"].set_password(PASSWORD)
        cls.world.people["member"].save(update_fields=["password"])
        make_member(username="pm-signup-clash", email="new-person@example.org")
        cls.world.report = PostReport.objects.create(
            post=cls.world.reply, reporter=cls.world.people["member"], reason="Rude words"
        )

    def submit(self, form, data, upload=b""):
        values, unknown = data
        cache.clear()
        self.client.logout()
        if form.user:
            self.client.force_login(self.world.people[form.user])
        values = {**values, **{name: [value] for name, value in form.fixed.items()}}
        before = row_counts()
        url = form.url(self.world)
        if form.upload:
            # A file upload goes as multipart: strings only (Django's encoder refuses raw bytes there).
            multipart = {
                name: [v.decode("latin-1") if isinstance(v, bytes) else v for v in items]
                for name, items in values.items()
            }
            multipart[form.upload] = SimpleUploadedFile("responses.csv", upload, content_type="text/csv")
            response = self.client.post(url, multipart)
        else:
            response = self.client.post(url, encode(values, unknown), content_type="application/x-www-form-urlencoded")
        status = response.status_code
        self.assertLess(status, 500, f"{form.name}: server error for {values!r}")
        if status in (301, 302, 303):
            tally(f"form {form.name}", "accepted")
            return
        tally(f"form {form.name}", "refused")
        self.assertEqual(row_counts(), before, f"{form.name}: a refused form saved something: {values!r}")
        if status == 200:
            content = response.content.decode()
            for name in form.kept:
                typed = content_value(values, name)
                if is_plain(typed):
                    self.assertIn(escape(typed.strip()), content, f"{form.name}: {name} not kept")
                    tally(f"form {form.name}", "typed text checked", tried=False)


uploads = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda text: text.encode("utf-8")),
    st.lists(
        st.lists(st.sampled_from(["respondent", "comment", "NA", "3", "", "x" * 300, '"', "\x00"]), max_size=6),
        max_size=6,
    ).map(lambda rows: "\n".join(",".join(row) for row in rows).encode("utf-8")),
)


def _explicit(form):
    """Shapes tried on every form besides the random ones: every field a valid value with NUL
    appended, every field invalid UTF-8 (an encoded lone surrogate); then each field in turn
    NUL-laden while the others hold their first (or last) sample value."""
    first = {name: samples[:1] for name, samples in form.fields.items()}
    last = {name: samples[-1:] for name, samples in form.fields.items()}
    shapes = [
        {name: [f"{samples[0]}\x00"] for name, samples in form.fields.items()},
        dict.fromkeys(form.fields, [b"\xed\xa0\x80"]),
    ]
    for name in form.fields:
        shapes.append({**first, name: ["a\x00b"]})
        if last != first:
            shapes.append({**last, name: ["a\x00b"]})
    return [(shape, []) for shape in shapes]


def _form_test(form):
    if form.upload:

        @FUZZ_SETTINGS
        @given(data=form_data(form.fields), upload=uploads)
        def test(self, data, upload):
            self.submit(form, data, upload)

        test = example(data=({}, []), upload="respondent,x\n\x00,\xff".encode("utf-8", "surrogatepass"))(test)

    else:

        @FUZZ_SETTINGS
        @given(data=form_data(form.fields))
        def test(self, data):
            self.submit(form, data)

        for shape in _explicit(form):
            test = example(data=shape)(test)

    test.__name__ = "test_" + "".join(ch if ch.isalnum() else "_" for ch in form.name)
    test.__doc__ = f"The {form.name} form never answers with a server error and saves nothing when it refuses."
    return test


for _form in FORMS + _survey_forms():
    _test = _form_test(_form)
    setattr(FormFuzzTests, _test.__name__, _test)
