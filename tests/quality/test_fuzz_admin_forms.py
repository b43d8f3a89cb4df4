"""Property-based tests of the site's own admin forms for instruments: JSON pasted into the
import screen (the shipped scorecard with random parts replaced, removed or added, and text that
is not JSON at all), and the structured form's fields filled with random text: never a server
error, and nothing saved when the form refuses it."""

import copy
import json
from pathlib import Path

from django.core.cache import cache
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

import diagnostics
from source4networks.factories import UserFactory
from tests.quality.fuzz import FUZZ_SETTINGS, row_counts, tally, text_value

ADD_URL = "/admin/diagnostics/instruments/import/"
FORM_URL = "/admin/diagnostics/instruments/new/"
SHIPPED = json.loads((Path(diagnostics.__file__).parent / "instruments" / "network-health-scorecard.json").read_text())

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@st.composite
def mutated_definitions(draw):
    """The shipped scorecard under a fresh slug, with one to three parts changed."""
    definition = copy.deepcopy(SHIPPED)
    definition["slug"] = "fuzzed-instrument"
    for _ in range(draw(st.integers(1, 3))):
        node = definition
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, (dict, list)) and child and draw(st.booleans()):
                node = child
                continue
            if isinstance(node, dict) and draw(st.integers(0, 4)) == 0:
                del node[key]
            else:
                node[key] = draw(json_values)
            break
    return json.dumps(definition, ensure_ascii=draw(st.booleans()))


class InstrumentFormFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(username="fuzz-admin", is_superuser=True, is_staff=True)

    def submit(self, definition, published):
        cache.clear()
        self.client.force_login(self.admin)
        before = row_counts()
        data = {"definition": definition}
        if published:
            data["is_published"] = "on"
        response = self.client.post(ADD_URL, data)
        self.assertLess(response.status_code, 500, f"server error for {definition[:500]!r}")
        if response.status_code == 302:
            tally("admin form import instrument", "accepted")
            return
        tally("admin form import instrument", "refused")
        self.assertEqual(row_counts(), before, f"a refused instrument saved something: {definition[:500]!r}")

    @FUZZ_SETTINGS
    @given(definition=mutated_definitions(), published=st.booleans())
    @example(definition=json.dumps({**SHIPPED, "slug": "fuzzed-instrument"}), published=True)
    def test_a_changed_shipped_instrument(self, definition, published):
        self.submit(definition, published)

    @FUZZ_SETTINGS
    @given(definition=st.one_of(text_value.filter(lambda value: isinstance(value, str)), json_values.map(json.dumps)))
    @example(definition='{"slug": "a\\u0000b"}')
    @example(definition="[" * 5000)
    def test_text_that_is_not_an_instrument(self, definition):
        self.submit(definition, False)


@st.composite
def structured_form_data(draw):
    """The structured form's POST data for the shipped scorecard, with one to three fields typed over."""
    from diagnostics.instrument_blocks import value_from_instrument
    from diagnostics.instrument_format import parse_instrument
    from tests.diagnostics.helpers import instrument_form_data

    value = value_from_instrument(parse_instrument(copy.deepcopy(SHIPPED)))
    data = instrument_form_data("survey", value, slug="fuzzed-form")
    fields = sorted(name for name in data if not name.endswith(("-count", "-deleted", "-order", "-id")))
    for _ in range(draw(st.integers(1, 3))):
        data[draw(st.sampled_from(fields))] = draw(text_value.filter(lambda value: isinstance(value, str)))
    return data


class StructuredInstrumentFormFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(username="fuzz-admin", is_superuser=True, is_staff=True)

    @FUZZ_SETTINGS
    @given(data=structured_form_data())
    def test_typed_over_fields(self, data):
        cache.clear()
        self.client.force_login(self.admin)
        before = row_counts()
        response = self.client.post(FORM_URL, data)
        self.assertLess(response.status_code, 500, f"server error for {data!r}"[:2000])
        if response.status_code == 302:
            tally("admin form new instrument", "accepted")
            return
        tally("admin form new instrument", "refused")
        self.assertEqual(row_counts(), before, "a refused instrument saved something")
