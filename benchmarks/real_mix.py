"""The real mix: every seed article plus every folder of ../shared/data/events, read at run time.

Each folder is one event (the seeds are one more). Language comes from the curators' index when
it has one, else from py3langid restricted to the supported languages. The articles are
third-party text: they are only read here, never copied into the project.
"""

from __future__ import annotations

import json
from pathlib import Path

from veracity.model import Document

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SUPPORTED = ["en", "id", "es", "pt", "fr", "de", "it"]


def shared_available() -> bool:
    return (SHARED / "seeds").is_dir() and (SHARED / "data" / "events").is_dir()


def load_real_mix() -> tuple[list[Document], dict[str, tuple[str, ...]]]:
    """Documents of every real event (each folder, and the seeds) and, for each document id,
    its event."""
    documents: list[Document] = []
    truth: dict[str, tuple[str, ...]] = {}
    index_path = SHARED / "data" / "events" / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    folders = [
        ("seeds", SHARED / "seeds"),
        *sorted((p.name, p) for p in (SHARED / "data" / "events").iterdir() if p.is_dir()),
    ]
    for event, folder in folders:
        languages = {e["file"]: e["lang"] for e in index.get(event, [])}
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            doc_id = f"{event}/{path.stem}"
            language = languages.get(path.name) or _language(text)
            url = None
            first = text.split("\n", 1)[0]
            if first.startswith("URL: "):
                url = first[5:].strip()
            documents.append(
                Document(id=doc_id, text=text, language=language, path=str(path), url=url)
            )
            truth[doc_id] = (event,)
    return documents, truth


def _language(text: str) -> str:
    import py3langid.langid as langid

    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    identifier.set_languages(SUPPORTED)
    return str(identifier.classify(text[:5000])[0])
