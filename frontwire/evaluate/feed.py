"""How much a general news feed turns into events: ``python -m frontwire.evaluate.feed [GLOCON_JSONL]``.

A wire feed is mostly markets, sport, courts and accidents; a coder codes few of its stories. The GLOCON gold
sample (``../shared/data/gold/glocon_gold_sample/document/*.json``: one story a line, ``label`` 1 for a story
about a protest) is such a feed. Prints how many stories frontwire codes any event from, how its protest and
riot events agree with the labels (precision, recall), the sub-event types it coded, and the stories it codes a
protest from that are not labelled one. The labels mark protest-related stories, not protest events (a story
about a court case over a protest counts), so recall is a floor, not a target.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "glocon_gold_sample" / "document"
PROTEST_TYPES = ("Protests", "Riots")


def score(path: Path, countries: tuple[str, ...] = ()) -> dict[str, object]:
    from frontwire.config import Settings
    from frontwire.pipeline import Pipeline
    from frontwire.records import RawDocument

    stories = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    raws = [RawDocument(id=s["id"], text=s["text"], origin=f"{path.name}:{s['id']}", countries=countries)
            for s in stories]
    agree: Counter[tuple[bool, bool]] = Counter()
    types: Counter[str] = Counter()
    with_events = 0
    strays: list[str] = []
    for story, result in zip(stories, Pipeline(Settings()).run(raws), strict=True):
        with_events += bool(result.claims)
        types.update(c.sub_event_type for c in result.claims)
        protest = any(c.event_type in PROTEST_TYPES for c in result.claims)
        labelled = story.get("label") == 1
        agree[(labelled, protest)] += 1
        if protest and not labelled:
            strays.append(story["text"][:120])
    tp, fp, fn = agree[(True, True)], agree[(False, True)], agree[(True, False)]
    return {"stories": len(stories), "with_events": with_events, "labelled": tp + fn,
            "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
            "types": types, "strays": strays}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, help="a GLOCON document file (default: the shared sample)")
    parser.add_argument("--country", action="append", default=[], help="the feed's country (default South Africa)")
    args = parser.parse_args(argv)
    path = args.path or next(iter(sorted(DEFAULT.glob("*.json"))), None)
    if path is None or not path.exists():
        print(f"no GLOCON document file given and none found in {DEFAULT}", file=sys.stderr)
        return 2
    result = score(path, tuple(args.country) or ("South Africa",))
    print(f"{path.name}: {result['stories']} stories, {result['with_events']} with an event; "
          f"protest stories (labelled {result['labelled']}): precision {result['precision']:.2f}, "
          f"recall {result['recall']:.2f}")
    for name, n in result["types"].most_common():  # type: ignore[attr-defined]
        print(f"  {n:4d}  {name}")
    print("protests coded from stories not labelled one:")
    for text in result["strays"][:15]:  # type: ignore[index]
        print(f"  - {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
