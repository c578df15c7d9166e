"""Extraction: from a cleaned document and its parse to the events an ACLED coder would code.

Modules, in the order the work is done::

    triggers    rules that name a sub-event type from the words of a sentence
    subevent    one sub-event type per text: decisive rules, then the classifier, then weaker rules
    classifier  TF-IDF + logistic regression over notes, trained in seconds, packaged in data/models/
    actors      actor mentions -> ACLED names, countries and inter codes (tables: ``frontwire.reference``)
    roles       actor1 / actor2 among a sentence's mentions, whose losses are told
    claims      who claims it (quotes, "according to", "It said"), modality, background vs current
    places      enumerated villages, directions of a front, "near X, Y", "in X district"
    geo_hints   countries of the places named (through the geo stage's gazetteer, when installed)
    quantities  fatalities (ACLED conventions) and equipment losses
    frames      the sentence walk that puts it together; assemble builds each EventFrame
    notes       neutral ACLED-style notes from a finished claim
"""

from __future__ import annotations

from frontwire.extract.acled import SUB_EVENT_TYPES, disorder_type_of, event_type_of, interaction
from frontwire.extract.classifier import SubEventClassifier, load_classifier, train_classifier
from frontwire.extract.frames import NOTE_MAX_CHARS, extract_frames, note_texts
from frontwire.extract.notes import compose_notes

__all__ = [
    "NOTE_MAX_CHARS",
    "SUB_EVENT_TYPES",
    "SubEventClassifier",
    "compose_notes",
    "disorder_type_of",
    "event_type_of",
    "extract_frames",
    "interaction",
    "load_classifier",
    "note_texts",
    "train_classifier",
]
