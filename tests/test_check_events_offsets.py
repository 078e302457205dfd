"""Every claim extracted from the real dev articles points at the words it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

import veracity


def _event_folders(shared: Path) -> list[Path]:
    root = shared / "data" / "events"
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def test_check_events_every_claim_points_at_its_words(shared):
    folders = _event_folders(shared)
    if not folders:
        pytest.skip("../shared/data/events is not beside the project")
    for folder in folders:
        report = veracity.check(sorted(folder.glob("*.txt")))
        texts = {d.id: d.text for d in report.documents}
        assert report.claims, folder.name
        for claim in report.claims:
            assert texts[claim.document][claim.start : claim.end] == claim.text, claim
            assert claim.text.strip(), claim
            assert claim.text in claim.quote, claim
