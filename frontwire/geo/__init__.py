"""geo: gazetteer, transliteration and place resolution -> ``Place`` with ACLED geo_precision.

Public entry points::

    resolve_event_place(frame, document, gazetteer=None) -> Place | None
    find_toponyms(text, gazetteer=None) -> list[Toponym]   # spans + gazetteer candidates, for other stages
    get_gazetteer(extra_dir=None) -> Gazetteer             # loaded on first call, cached per process
    benchmark(n=20000) -> dict                             # load seconds, lookups per second, index size

Modules, in the order data flows: ``normalize`` (keys that survive transliteration), ``store`` (the gzip
TSV form shared by the bundled data and imports), ``gazetteer`` (the in-memory index), ``importer`` (the
``frontwire gazetteer import`` library call), ``toponyms`` (finding names in text), ``resolve`` (choosing
among homonyms by the text's district, countries and neighbours); its ACLED figures are
``frontwire.evaluate.places``.

The bundled gazetteer (``frontwire/data/gazetteer/places.tsv.gz``, 12.7 MB, built by
``scripts/build_gazetteer.py``; sources and CC BY licences in ``NOTICE`` beside it) holds 292,197 entries:
GeoNames cities500, every GeoNames admin1/admin2 unit and country, and 8,219 Who's On First villages of
Azerbaijan and Armenia (717 more merged into their GeoNames record), under 551,322 phonetic keys. Nothing
loads at import time; the first ``get_gazetteer()`` reads it in about 2.7 s and the process then holds
about 200 MB (``benchmark()``: ~35,000 name lookups per second, ~550,000 characters per second scanned
for toponyms). Imports in the user directory (``Settings.gazetteer_dir``, ``$FRONTWIRE_GAZETTEER_DIR``,
else ``~/.local/share/frontwire/gazetteer``) are merged at load, replacing bundled entries with the same id
and keeping their spellings.
"""

from __future__ import annotations

from frontwire.geo.bench import benchmark
from frontwire.geo.gazetteer import Gazetteer, GazetteerPlace, get_gazetteer
from frontwire.geo.resolve import resolve_event_place
from frontwire.geo.toponyms import Toponym, find_toponyms

__all__ = ["Gazetteer", "GazetteerPlace", "Toponym", "benchmark", "find_toponyms", "get_gazetteer",
           "resolve_event_place"]
