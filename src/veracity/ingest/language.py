"""Language identification (py3langid, bundled model, offline)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

# Languages close enough that the identifier confuses them with one we support; in news about
# our events the supported one is far likelier (Indonesian articles otherwise come out as Malay).
_CONFUSABLE = {
    "ms": "id",
    "gl": "pt",
    "an": "es",
    "ext": "es",
    "lb": "de",
    "lij": "it",
    "vec": "it",
}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from importlib.metadata import version

    import py3langid.langid as langid_module
    from py3langid.modelio import load_model

    from veracity.cache import cached

    model = langid_module.MODEL_DIR / langid_module.MODEL_FILE
    # the bundled model is LZMA-compressed: about a second to inflate, milliseconds from the cache
    key = f"{version('py3langid')}:{model.stat().st_size}"
    ptc, pc, classes, nextmove, row, output = cached("langid", key, lambda: load_model(model))
    return langid_module.LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row
    )


def detect_language(text: str, supported: frozenset[str]) -> str:
    """ISO 639-1 code of `text`'s language.

    A supported language wins whenever the identifier gives it real weight; otherwise the
    identifier's own answer stands (so Hindi stays Hindi rather than becoming a poor match).
    """
    sample = text[:5000]
    if not sample.strip():
        return "und"
    ranked = _identifier().rank(sample)
    top, top_p = ranked[0]
    top = _CONFUSABLE.get(top, top)
    if top in supported:
        return str(top)
    for lang, p in ranked[1:6]:
        lang = _CONFUSABLE.get(lang, lang)
        if lang in supported and p >= 0.2 * top_p:
            return str(lang)
    return str(top)
