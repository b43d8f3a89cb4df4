"""Every field that stores member or editor text, and the pages that show it, for the XSS
corpus (tests/security/test_xss.py, tests/browser/test_xss.py).

`make_people_and_things()` makes one of each thing (a profile, a network, a thread, a round, a
resource...). Each `Target` writes one payload into all its fields at once, as the site would
store it: plain text as typed, tags as tags, rich text as the editor's converter stores what an
editor types (text and link addresses), URL fields only when their validation accepts the
value. It then names the pages that show those fields and who views them. Each stored value
starts with a marker (`Zq<number standing for the field>Zq`), so a test can tell that the page really showed it."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from casestudies.factories import CaseStudyPageFactory
from community.discussions.factories import SpaceFactory, make_thread
from community.members.factories import make_member
from community.networks.factories import add_member
from community.networks.models import Membership, Network
from diagnostics.factories import RoundResponseFactory, network_with_rounds
from diagnostics.models import Instrument, InstrumentVersion
from events.factories import EventPageFactory
from events.models import EventPage
from resources.factories import ResourcePageFactory
from resources.models import ResourcePage
from source4networks.blocks import RICH_TEXT_FEATURES
from source4networks.factories import StandardPageFactory, home_page, make_image
from tests.page_catalogue import _document

# Who views a page: a visitor (None) or a key of the people made below.
VISITOR, MEMBER, LEADER, MODERATOR = None, "member", "leader", "moderator"


def marker(code):
    """A short word standing for the field (short, so that short fields hold more payloads)."""
    return f"Zq{zlib.crc32(code.encode()) % 1_000_000:06d}Zq"


def marked(code, payload, max_length=None):
    value = f"{marker(code)} {payload}"
    return value[:max_length] if max_length else value


class Chunk:
    """The payloads one pass stores. A long text field gets them all, a blank line apart; a
    field holding many items (tags, blocks, key facts) gets one item each; a short text field
    gets as many as fit, in an order of its own (so each payload leads in some field).
    `delivered` counts, for each field, the payloads it received whole."""

    def __init__(self, payloads, delivered):
        self.payloads = payloads
        self.delivered = delivered

    def text(self, code, max_length=None, joiner="\n\n"):
        turn = sum(map(ord, code)) % len(self.payloads)
        ordered = self.payloads[turn:] + self.payloads[:turn]
        value = joiner.join([marker(code), *ordered])
        if max_length:
            value = value[:max_length]
        self.delivered[code] += sum(payload in value for payload in ordered)
        return value

    def items(self, code, max_length=None):
        values = [marked(code, payload, max_length) for payload in self.payloads]
        self.delivered[code] += sum(payload in value for payload, value in zip(self.payloads, values, strict=True))
        return values

    def url(self, code, model, field_name):
        """The first payload the model's URL field accepts (as its form would), or ""; the
        others count as refused."""
        accepted = []
        for payload in self.payloads:
            try:
                accepted.append(model._meta.get_field(field_name).formfield(assume_scheme="https").clean(payload))
            except ValidationError:
                self.delivered[f"{code} (refused)"] += 1
        self.delivered[code] += len(accepted)
        return accepted[0] if accepted else ""

    def rich_text(self, code):
        """What the rich text editor stores when an editor types each payload as a paragraph and
        makes it the address of a link (the editor's own converter checks addresses)."""
        self.delivered[code] += len(self.payloads)
        blocks = [_block("m", marker(code))]
        entities = {}
        for n, payload in enumerate(self.payloads):
            blocks.append(_block(f"t{n}", payload))
            blocks.append(_block(f"l{n}", "a link", entity=n))
            entities[str(n)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": payload}}
        contentstate = {"blocks": blocks, "entityMap": entities}
        return ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


def _block(key, text, entity=None):
    ranges = [{"offset": 0, "length": len(text), "key": entity}] if entity is not None else []
    return {"key": key, "type": "unstyled", "text": text, "depth": 0, "inlineStyleRanges": [], "entityRanges": ranges}


def body_blocks(code, chunk, image, document):
    blocks = [{"type": "rich_text", "value": chunk.rich_text(f"{code}-rich")}]
    blocks += [
        {"type": "heading", "value": {"text": text, "level": "h2"}} for text in chunk.items(f"{code}-heading", 120)
    ]
    blocks.append(
        {
            "type": "quote",
            "value": {"text": chunk.text(f"{code}-quote"), "attribution": chunk.text(f"{code}-by", 200, " ")},
        }
    )
    blocks += [
        {"type": "image", "value": {"image": image.pk, "alt_text": alt, "caption": caption}}
        for alt, caption in zip(chunk.items(f"{code}-alt", 250), chunk.items(f"{code}-caption", 250), strict=True)
    ]
    blocks.append({"type": "inset_text", "value": {"text": chunk.rich_text(f"{code}-inset")}})
    blocks += [
        {"type": "document", "value": {"document": document.pk, "title": title}}
        for title in chunk.items(f"{code}-doc", 200)
    ]
    return blocks


CASE_RICH = ["challenge", "what_the_network_did", "impact", "lessons_learned", "next_steps"]
BODY_FIELDS = ["rich", "heading", "quote", "by", "alt", "caption", "inset", "doc"]


@dataclass
class Target:
    name: str
    fields: list  # codes of the fields it writes
    write: object  # write(things, chunk): stores the chunk's payloads in every field
    pages: object  # pages(things) -> [(viewer, url, [codes of the fields shown there])]


def make_people_and_things():
    rounds = network_with_rounds()
    network = rounds.network
    leader, member = rounds.leader, rounds.member
    member.date_joined = timezone.now() - timedelta(days=30)
    member.save(update_fields=["date_joined"])
    member.profile.show_in_directory = True
    member.profile.save()
    moderator = make_member(username="xss-moderator", groups=["Moderators"], user_fields={"is_staff": True})
    add_member(network, moderator, role=Membership.Role.MEMBER)
    space = SpaceFactory(name="XSS space", slug="xss-space")
    image = make_image("XSS picture", size=(40, 30))
    document = _document("XSS guide")
    return SimpleNamespace(
        people={MEMBER: member, LEADER: leader, MODERATOR: moderator},
        network=network,
        open_round=rounds.later,
        closed_round=rounds.closed,
        # The member's own answer to the open round (its comment shows in the answer form) and
        # an answer to the closed round (comments show, unsigned, in its results).
        own_response=RoundResponseFactory(round=rounds.later, respondent=member),
        closed_response=rounds.closed.responses.first(),
        session=rounds.session,
        space=space,
        thread=make_thread(space, member, title="A thread", replies=1),
        image=image,
        document=document,
        home=home_page(),
        standard=StandardPageFactory(title="XSS standard", slug="xss-standard"),
        resource=ResourcePageFactory(title="XSS resource", slug="xss-resource", document=document),
        case_study=CaseStudyPageFactory(title="XSS case study", slug="xss-case-study"),
        event=EventPageFactory(
            title="XSS event",
            slug="xss-event",
            attendance=EventPage.Attendance.HYBRID,
            address="1 Example Street",
            start=timezone.now() + timedelta(days=20),
        ),
        instrument=Instrument.objects.get(slug="network-health-scorecard"),
        definition=Instrument.objects.get(slug="network-health-scorecard").current_version.definition,
    )


def _profile(things, chunk):
    profile = things.people[MEMBER].profile
    profile.display_name = chunk.text("display_name", 100, " ")
    profile.job_title = chunk.text("job_title", 150, " ")
    profile.organisation = chunk.text("organisation", 150, " ")
    profile.bio = chunk.text("bio", 1000)
    profile.save()
    profile.interests.set(chunk.items("interest", 50))


def _network(things, chunk):
    network = things.network
    network.name = chunk.text("network_name", 150, " ")
    network.summary = chunk.text("network_summary", 300, " ")
    network.description = chunk.text("network_description", 5000)
    network.website = chunk.url("network_website", Network, "website")
    network.save()
    network.topics.set(chunk.items("network_topic", 50))


def _discussion(things, chunk):
    thread, space = things.thread, things.space
    thread.title = chunk.text("thread_title", 150, " ")
    thread.save(update_fields=["title"])
    thread.topics.set(chunk.items("thread_topic", 50))
    opening = thread.posts.get(is_opening=True)
    opening.body = chunk.text("post_body")
    opening.save(update_fields=["body"])
    thread.posts.filter(is_opening=False).update(body=chunk.text("reply_body"))
    space.name = chunk.text("space_name", 100, " ")
    space.description = chunk.text("space_description", 300, " ")
    space.save(update_fields=["name", "description"])


def _diagnostics(things, chunk):
    things.open_round.message = chunk.text("round_message")
    things.open_round.save(update_fields=["message"])
    things.own_response.comment = chunk.text("own_comment")
    things.own_response.save(update_fields=["comment"])
    things.closed_response.comment = chunk.text("round_comment")
    things.closed_response.save(update_fields=["comment"])
    things.session.notes = chunk.text("matrix_notes")
    things.session.save(update_fields=["notes"])
    instrument = things.instrument
    instrument.title = chunk.text("instrument_title", 200, " ")
    instrument.description = chunk.text("instrument_description")
    instrument.save(update_fields=["title", "description"])
    # The instrument's own text, as an editor uploads it (a JSON definition).
    definition = json.loads(things.definition)
    definition["description"] = chunk.text("definition_description")
    dimension = definition["dimensions"][0]
    dimension["title"] = chunk.text("dimension_title", 200, " ")
    dimension["description"] = chunk.text("dimension_description")
    dimension["items"][0]["text"] = chunk.text("statement", joiner=" ")
    InstrumentVersion.objects.filter(pk=instrument.current_version_id).update(definition=json.dumps(definition))


def _page_fields(page, code, chunk):
    page.title = chunk.text(f"{code}-title", 255, " ")
    page.summary = chunk.text(f"{code}-summary", 300, " ")


def _standard(things, chunk):
    page = things.standard
    _page_fields(page, "standard", chunk)
    page.body = body_blocks("standard", chunk, things.image, things.document)
    page.save()
    home = things.home
    home.intro = chunk.text("home-intro", home._meta.get_field("intro").max_length, " ")
    home.save()
    things.document.title = chunk.text("document-title", 255, " ")
    things.document.save()


def _resource(things, chunk):
    page = things.resource
    _page_fields(page, "resource", chunk)
    page.source_organisation = chunk.text("resource-source", 200, " ")
    page.author = chunk.text("resource-author", 200, " ")
    page.external_url = chunk.url("resource-external_url", ResourcePage, "external_url")
    page.body = body_blocks("resource", chunk, things.image, things.document)
    page.save()
    page.topics.set(chunk.items("resource-topic", 50))


def _case_study(things, chunk):
    page = things.case_study
    _page_fields(page, "case", chunk)
    page.network_name = chunk.text("case-network_name", 200, " ")
    for name in CASE_RICH:
        setattr(page, name, chunk.rich_text(f"case-{name}"))
    page.key_facts = [
        {"type": "fact", "value": {"label": label, "value": value}}
        for label, value in zip(chunk.items("case-fact_label", 80), chunk.items("case-fact", 200), strict=True)
    ]
    page.quote = [
        {"type": "quote", "value": {"text": chunk.text("case-quote"), "attribution": chunk.text("case-by", 200, " ")}}
    ]
    page.contact_role = chunk.text("case-contact_role", 200, " ")
    page.save()


def _event(things, chunk):
    page = things.event
    _page_fields(page, "event", chunk)
    page.address = chunk.text("event-address")
    page.booking_url = chunk.url("event-booking_url", EventPage, "booking_url")
    page.body = body_blocks("event", chunk, things.image, things.document)
    page.save()


def _body_codes(code):
    return [f"{code}-{field}" for field in BODY_FIELDS]


MEMBER_TARGETS = [
    Target(
        "profile",
        ["display_name", "job_title", "organisation", "bio", "interest"],
        _profile,
        lambda t: [
            (
                LEADER,
                f"/community/members/{t.people[MEMBER].username}/",
                ["display_name", "job_title", "organisation", "bio", "interest"],
            ),
            (MEMBER, "/account/profile/", ["display_name", "job_title", "organisation", "bio", "interest"]),
        ],
    ),
    Target(
        "network",
        ["network_name", "network_summary", "network_description", "network_website", "network_topic"],
        _network,
        lambda t: [
            (
                VISITOR,
                f"/networks/{t.network.slug}/",
                ["network_name", "network_summary", "network_description", "network_topic"],
            ),
            (LEADER, f"/networks/{t.network.slug}/edit/", ["network_name", "network_summary", "network_description"]),
            (VISITOR, "/networks/", ["network_name", "network_summary"]),
        ],
    ),
    Target(
        "discussion",
        ["thread_title", "thread_topic", "post_body", "reply_body", "space_name", "space_description"],
        _discussion,
        lambda t: [
            (MEMBER, t.thread.get_absolute_url(), ["thread_title", "post_body", "reply_body", "space_name"]),
            (MEMBER, f"/community/{t.space.slug}/", ["thread_title", "space_name", "space_description"]),
        ],
    ),
    Target(
        "diagnostics",
        [
            "round_message",
            "own_comment",
            "round_comment",
            "matrix_notes",
            "instrument_title",
            "instrument_description",
            "definition_description",
            "dimension_title",
            "dimension_description",
            "statement",
        ],
        _diagnostics,
        lambda t: [
            (LEADER, t.open_round.get_results_url(), ["round_message"]),
            (LEADER, t.closed_round.get_results_url(), ["round_comment"]),
            (LEADER, t.session.get_absolute_url(), ["matrix_notes"]),
            (MEMBER, t.open_round.get_absolute_url(), ["round_message"]),
            (MEMBER, f"{t.open_round.get_absolute_url()}check/", ["own_comment"]),
            (VISITOR, "/diagnostics/", ["instrument_title", "instrument_description"]),
            (
                VISITOR,
                f"/diagnostics/{t.instrument.slug}/",
                ["definition_description", "dimension_title", "dimension_description"],
            ),
            (VISITOR, f"/diagnostics/{t.instrument.slug}/section/1/", ["dimension_title", "statement"]),
        ],
    ),
]

EDITOR_TARGETS = [
    Target(
        "standard page",
        ["standard-title", "standard-summary", *_body_codes("standard"), "home-intro", "document-title"],
        _standard,
        lambda t: [
            (VISITOR, t.standard.url, ["standard-title", *_body_codes("standard")]),
            (VISITOR, "/", ["home-intro"]),
        ],
    ),
    Target(
        "resource",
        [
            "resource-title",
            "resource-summary",
            "resource-source",
            "resource-author",
            "resource-external_url",
            "resource-topic",
            *_body_codes("resource"),
        ],
        _resource,
        lambda t: [
            (
                MEMBER,
                t.resource.url,
                ["resource-title", "resource-source", "resource-author", "resource-topic", *_body_codes("resource")],
            ),
            (VISITOR, "/resources/", ["resource-title", "resource-summary"]),
        ],
    ),
    Target(
        "case study",
        [
            "case-title",
            "case-summary",
            "case-network_name",
            *[f"case-{name}" for name in CASE_RICH],
            "case-fact_label",
            "case-fact",
            "case-quote",
            "case-by",
            "case-contact_role",
        ],
        _case_study,
        lambda t: [
            (
                VISITOR,
                t.case_study.url,
                [
                    "case-title",
                    "case-network_name",
                    *[f"case-{name}" for name in CASE_RICH],
                    "case-fact_label",
                    "case-fact",
                    "case-quote",
                    "case-by",
                    "case-contact_role",
                ],
            ),
            (VISITOR, "/case-studies/", ["case-title", "case-summary"]),
        ],
    ),
    Target(
        "event",
        ["event-title", "event-summary", "event-address", "event-booking_url", *_body_codes("event")],
        _event,
        lambda t: [
            (VISITOR, t.event.url, ["event-title", "event-address", *_body_codes("event")]),
            (VISITOR, "/events/", ["event-title", "event-summary"]),
        ],
    ),
]
