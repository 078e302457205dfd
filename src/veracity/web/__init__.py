"""The web app (optional extra `[web]`): `create_app(db_path)` builds it, `veracity serve` runs it."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI is an optional extra: importing veracity.web must work without it, and using the
    # app without it must say what to install.
    if name == "create_app":
        try:
            from veracity.web.app import create_app
        except ImportError as error:
            raise ImportError(
                "the veracity web app needs its extra: pip install 'veracity[web]'"
            ) from error
        return create_app
    raise AttributeError(name)
