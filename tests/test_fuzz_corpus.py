"""Every input a fuzzer (or a property test) once crashed on, replayed through its target."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fuzz_corpus"
sys.path.insert(0, str(ROOT / "fuzz"))

from targets import TARGETS  # noqa: E402

CASES = sorted(
    (target, path)
    for target in TARGETS
    for path in (CORPUS / target).glob("*")
    if path.is_file() and not path.name.startswith(".")
)


def test_fuzz_corpus_has_inputs_for_every_target():
    assert {target for target, _ in CASES} == set(TARGETS)


@pytest.mark.parametrize(("target", "path"), CASES, ids=[f"{t}/{p.name}" for t, p in CASES])
def test_fuzz_corpus_input_no_longer_crashes(target: str, path: Path):
    TARGETS[target](path.read_bytes())
