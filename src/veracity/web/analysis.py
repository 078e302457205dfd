"""The bridge from the web app to the pipeline: documents in, report JSON and texts out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# (id, text) pairs and a profile name -> (CONTRACT.md report, the text each id's offsets point into)
Analyse = Callable[[Sequence[tuple[str, str]], str], tuple[dict[str, Any], dict[str, str]]]


def analyse_with_pipeline(
    documents: Sequence[tuple[str, str]], profile: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """Run `veracity.check_texts` and return its report JSON with the texts as read."""
    import veracity

    check_texts = getattr(veracity, "check_texts", None)
    if check_texts is None:
        raise RuntimeError("this installation of veracity has no pipeline (veracity.check_texts)")
    report = check_texts(documents, profile=profile)
    texts = {str(d.id): str(d.text) for d in report.documents}
    return report.to_dict(), texts
