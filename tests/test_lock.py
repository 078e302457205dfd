"""pyproject.toml declares ranges; requirements/lock.txt pins versions inside them (CI installs it)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCKED_EXTRAS = ("dev", "web", "browser", "fuzz", "spark")
# every Python the lock is for (README: supported versions)
PYTHONS = ("3.11", "3.12", "3.13", "3.14")


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _declared() -> list[Requirement]:
    project = _project()
    extras = project["optional-dependencies"]
    return [Requirement(r) for r in project["dependencies"]] + [
        Requirement(r) for extra in LOCKED_EXTRAS for r in extras[extra]
    ]


def _locked() -> list[Requirement]:
    out = []
    for line in (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(Requirement(line))
    return out


def _environment(python: str) -> dict[str, str]:
    env = dict(default_environment())
    env.update(python_version=python, python_full_version=f"{python}.0", sys_platform="linux",
               platform_system="Linux", platform_python_implementation="CPython",
               implementation_name="cpython")
    return env


def test_lock_python_has_a_floor_and_no_ceiling():
    requires = _project()["requires-python"]
    assert requires.startswith(">=") and "<" not in requires


def test_lock_declares_ranges_never_exact_pins():
    for requirement in _declared():
        assert not any(s.operator in ("==", "===") for s in requirement.specifier), requirement


@pytest.mark.parametrize("python", PYTHONS)
def test_lock_pins_every_declared_dependency_inside_its_range(python: str):
    env = _environment(python)
    locked: dict[str, list[Version]] = {}
    for pin in _locked():
        assert len(pin.specifier) == 1 and next(iter(pin.specifier)).operator == "==", pin
        if pin.marker is None or pin.marker.evaluate(env):
            version = Version(next(iter(pin.specifier)).version)
            locked.setdefault(canonicalize_name(pin.name), []).append(version)
    assert all(len(v) == 1 for v in locked.values()), "one version of a package per Python"
    for requirement in _declared():
        if requirement.marker is not None and not requirement.marker.evaluate(env):
            continue
        versions = locked.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is not in requirements/lock.txt for {python}"
        assert requirement.specifier.contains(versions[0], prereleases=True), (
            f"locked {requirement.name}=={versions[0]} is outside {requirement}"
        )
