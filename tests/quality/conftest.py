"""Prints the inputs tried per target by the property-based tests at the end of the run, also
when xdist runs them on several workers (each worker hands its tally to the controller)."""

from collections import Counter

import pytest

from tests.quality.fuzz import TALLY

_collected: dict[str, Counter] = {}


def _merge(tallies):
    for target, counts in tallies.items():
        _collected.setdefault(target, Counter()).update(counts)


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_tally"] = {target: dict(counts) for target, counts in TALLY.items()}
    else:
        _merge(TALLY)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: absent when xdist is not loaded
def pytest_testnodedown(node, error):
    _merge(getattr(node, "workeroutput", {}).get("fuzz_tally", {}))


def pytest_terminal_summary(terminalreporter):
    if not _collected:
        return
    terminalreporter.section("inputs tried per target (hypothesis)")
    for target in sorted(_collected):
        counts = _collected[target]
        others = ", ".join(f"{counts[key]} {key}" for key in sorted(counts) if key != "tried")
        terminalreporter.write_line(f"{target}: {counts['tried']} inputs ({others})")
    total = sum(counts["tried"] for counts in _collected.values())
    terminalreporter.write_line(f"total: {total} inputs over {len(_collected)} targets")
