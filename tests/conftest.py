from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# the tests keep veracity's on-disk cache (language model, gazetteer) out of the user's home
os.environ.setdefault("VERACITY_CACHE_DIR", tempfile.mkdtemp(prefix="veracity-cache-"))

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
