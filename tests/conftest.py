from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (the sample articles) is not beside the project")
    return SHARED.resolve()


@pytest.fixture(scope="session")
def seeds_report(shared: Path):
    import veracity

    return veracity.check([shared / "seeds"])
