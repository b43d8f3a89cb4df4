"""Cells that a spreadsheet will not run as formulas (CSV formula injection).

A spreadsheet opening a CSV treats a cell starting with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or carriage return) as a formula, so text that someone typed, such as a paper
respondent's reference or a page title, could run as one on the computer of whoever opens the
download. Every CSV the site writes passes its cells through :func:`safe_cell`, which puts a
single quote in front of such text: spreadsheets show the quote-prefixed text as text.

Plain numbers are left alone, so a negative score such as ``-1.50`` stays a number.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# A plain number: an optional sign, digits, an optional decimal part ("-1", "+2.50", "-.5").
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def safe_cell(value: object) -> object:
    """``value``, with a single quote in front if it is text a spreadsheet would run as a formula.

    Anything that is not text (numbers, dates, None) is returned unchanged, and so is text that
    is a plain number.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(values) -> list:
    """Each value of a row through :func:`safe_cell`."""
    return [safe_cell(value) for value in values]
