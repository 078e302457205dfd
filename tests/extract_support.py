"""What the extraction tests share: the attributes and values one text yields."""

from __future__ import annotations

from veracity.extract import extract_claims
from veracity.extract.lexicon import Profile
from veracity.model import Document


def facts(profile: Profile, text: str, language: str = "en") -> dict[str, list[object]]:
    """attribute -> the JSON values of its claims, in the order the text states them."""
    out: dict[str, list[object]] = {}
    for claim in extract_claims(Document(id="t", text=text, language=language), profile).claims:
        out.setdefault(claim.attribute, []).append(claim.value.to_json())
    return out
