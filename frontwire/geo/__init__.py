"""geo: gazetteer, transliteration and place resolution -> ``Place`` with ACLED geo_precision.

Public entry points::

    resolve_event_place(frame, document, gazetteer=None) -> Place | None
    find_toponyms(text, gazetteer=None) -> list[Toponym]
    get_gazetteer(extra_dir=None) -> Gazetteer          # loaded on first call, cached per process
    benchmark(n=20000) -> dict                          # load seconds, lookups per second, index size

Nothing loads at import time: the gazetteer is read on the first call that needs it.
"""

from __future__ import annotations

from frontwire.geo.bench import benchmark
from frontwire.geo.gazetteer import Gazetteer, GazetteerPlace, get_gazetteer
from frontwire.geo.resolve import resolve_event_place
from frontwire.geo.toponyms import Toponym, find_toponyms

__all__ = ["Gazetteer", "GazetteerPlace", "Toponym", "benchmark", "find_toponyms", "get_gazetteer",
           "resolve_event_place"]
