"""How fast the gazetteer loads and answers, and how big it is in memory (``frontwire bench`` prints it)."""

from __future__ import annotations

import random
import resource
import time
from typing import Any


def benchmark(n: int = 20000, extra_dir: str | None = None) -> dict[str, Any]:
    """Load the gazetteer fresh, then look up ``n`` names drawn from it (every tenth misspelt).

    Returns ``load_s``, ``lookups_per_s``, ``toponym_scan_chars_per_s``, ``entries``, ``keys`` and
    ``peak_rss_mib`` (the process's peak, so run it in a fresh process to read it as the gazetteer's size).
    """
    from frontwire.geo.gazetteer import BUNDLED, Gazetteer, extension_files
    from frontwire.geo.toponyms import find_toponyms

    started = time.perf_counter()
    gaz = Gazetteer.load([BUNDLED, *extension_files(extra_dir)])
    load_s = time.perf_counter() - started
    rng = random.Random(7)
    names = [gaz.primary[rng.randrange(len(gaz))] for _ in range(n)]
    names = [name[:-1] + "x" if k % 10 == 0 else name for k, name in enumerate(names)]
    started = time.perf_counter()
    hits = sum(1 for name in names if gaz.lookup(name))
    lookup_s = time.perf_counter() - started
    text = " ".join(f"Forces shelled {name} near the border on Monday." for name in names[:2000])
    started = time.perf_counter()
    find_toponyms(text, gaz)
    scan_s = time.perf_counter() - started
    return {
        "load_s": round(load_s, 3),
        "lookups": n,
        "hits": hits,
        "lookups_per_s": round(n / lookup_s) if lookup_s else None,
        "toponym_scan_chars_per_s": round(len(text) / scan_s) if scan_s else None,
        "entries": len(gaz),
        "keys": len(gaz.index),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
