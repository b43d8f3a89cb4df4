"""The lock files (requirements/*.lock, written by `make lock`) pin every dependency that
pyproject.toml names, at a version its range allows: a range changed without `make lock`
fails here rather than on a clean install."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)", re.MULTILINE)


def pins(lock):
    return {canonicalize_name(name): version for name, version in PIN.findall((ROOT / lock).read_text())}


def required(*extras):
    names = PYPROJECT["project"]["dependencies"] + [
        line for extra in extras for line in PYPROJECT["project"]["optional-dependencies"][extra]
    ]
    return [Requirement(line) for line in names]


@pytest.mark.parametrize(
    ("lock", "extras"), [("requirements/dev.lock", ("dev",)), ("requirements/production.lock", ("s3",))]
)
def test_the_lock_pins_every_dependency_within_its_range(lock, extras):
    pinned = pins(lock)
    problems = []
    for requirement in required(*extras):
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in {lock}")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} is outside {requirement.specifier}")
    assert not problems, "Run `make lock`:\n" + "\n".join(problems)


def test_every_pin_has_a_hash():
    for lock in ("requirements/dev.lock", "requirements/production.lock"):
        text = (ROOT / lock).read_text()
        blocks = re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", text)
        for block in blocks:
            if PIN.match(block):
                assert "--hash=sha256:" in block, f"{lock}: {block.splitlines()[0]} has no hash"
