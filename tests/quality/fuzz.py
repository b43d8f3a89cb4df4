"""Shared parts of the property-based tests (tests/quality/test_fuzz_*.py): the values thrown at
forms and query strings, raw form posting, row counting, and the tally of inputs tried per
target that tests/quality/conftest.py prints at the end of the run."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlencode

from django.apps import apps
from django.db import connection
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Kept modest: each example is one request through the real view.
FUZZ_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)

# Targets' tallies: name -> Counter(tried=..., refused=..., accepted=...). Read by conftest.py.
TALLY: dict[str, Counter] = {}

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x07\x08\x1b[31m",
    "\r\n\r\nSet-Cookie: x=1",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",  # Hebrew and Arabic
    "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324a\u0310\u0301\u034f",  # combining marks
    "e" + "\u0301" * 300,
    "\U0001f600\U0001f469\u200d\U0001f469\u200d\U0001f467\U0001f3f3\ufe0f\u200d\U0001f308",
    "\ufeff\ufffe\uffff",
    "\ufdfd" * 20,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"; DROP TABLE x; --',
    "{{ 7*7 }}{% debug %}",
    "%00%ff",
    "../../../../etc/passwd",
    "NaN",
    "-1",
    "0",
    "1e309",
    "99999999999999999999999999999999",
    "2026-02-30",
    "0000-00-00",
    "javascript:alert(1)",
    "http://",
    "a@b",
    "@",
    "True",
    "on",
    "[]",
    "null",
]
# Invalid UTF-8 as it can arrive on the wire: an encoded lone surrogate, stray bytes, overlong forms.
RAW_BYTES = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xff\xfe", b"\xc0\xaf", b"a\x80b", b"\xf4\x90\x80\x80"]

PLAIN = re.compile(r"[A-Za-z][A-Za-z ]{0,60}[A-Za-z]")

plain_text = st.from_regex(r"\A[A-Za-z][A-Za-z ]{2,40}[A-Za-z]\Z")
unicode_heavy = st.text(
    alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Mn", "Me", "Lo", "So", "Zs", "Zl", "Sk"]),
    max_size=40,
)
oversized = st.builds(
    lambda unit, times: unit * times,
    st.sampled_from(["x", "\u00e9", "\U0001f600", "\u0301", "a b ", "<b>"]),
    st.sampled_from([101, 151, 301, 1001, 5001, 20001, 100_001]),
)
numbers = st.one_of(st.integers(-(10**30), 10**30).map(str), st.floats().map(str))

text_value = st.one_of(
    plain_text,
    st.text(max_size=60),
    unicode_heavy,
    st.sampled_from(NASTY),
    oversized,
    numbers,
    st.sampled_from(RAW_BYTES),
    st.binary(max_size=24),
)


def field_values(extra=()):
    """A field's posted values: missing (empty list), one value, or the name repeated."""
    value = st.one_of(text_value, st.sampled_from(list(extra))) if extra else text_value
    return st.one_of(
        st.just([]), value.map(lambda v: [v]), value.map(lambda v: [v]), st.lists(value, min_size=2, max_size=3)
    )


def form_data(fields, extra_keys=True):
    """Posted pairs for `fields` ({name: extra sample values}) and sometimes an unknown name."""
    per_field = st.fixed_dictionaries({name: field_values(samples) for name, samples in fields.items()})
    unknown = (
        st.lists(st.tuples(st.text(min_size=1, max_size=10), text_value), max_size=2) if extra_keys else st.just([])
    )
    return st.tuples(per_field, unknown).map(lambda pair: (pair[0], pair[1]))


def encode(values, unknown=()):
    """An application/x-www-form-urlencoded body (or query string) from {name: [values]}, where a
    value may be bytes that are not UTF-8."""
    pairs = [(name, value) for name, items in values.items() for value in items]
    pairs += list(unknown)
    return urlencode(pairs, doseq=False)


def is_plain(value):
    return isinstance(value, str) and PLAIN.fullmatch(value) is not None


OWN_APPS = {"community", "diagnostics", "source4networks", "resources", "casestudies", "events"}


def counted_tables():
    """The project's own tables, the accounts and the email addresses."""
    tables = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        if model.__module__.split(".")[0] in OWN_APPS or model._meta.label in {"auth.User", "account.EmailAddress"}:
            tables.append(model._meta.db_table)
    return sorted(set(tables))


def row_counts():
    """Rows in each counted table, in one query: a refused form adds none."""
    tables = counted_tables()
    # Table names come from the models, quoted: nothing from outside reaches this SQL.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(table)})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def tally(target, outcome, tried=True):
    counter = TALLY.setdefault(target, Counter())
    counter["tried"] += tried
    counter[outcome] += 1
