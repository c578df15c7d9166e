"""Record the digests of the events the pipeline codes from the development corpora beside the checkout
(``../shared``): the 16 news articles with gold and the ACLED notes. Run it after a change that is meant to change
what is coded, and commit ``tests/data/event_digests.json``; a change meant only for speed must leave it as it is
(``tests/evaluate/test_same_events.py`` checks).

    python scripts/record_event_digests.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from frontwire.config import Settings
from frontwire.evaluate.fingerprint import acled_notes, event_digests, news_articles

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "event_digests.json"


def corpora(shared: Path, settings: Settings) -> dict[str, dict[str, str]]:
    return {
        "news": event_digests(news_articles(shared / "data" / "news" / "dev" / "articles", settings), settings),
        "acled": event_digests(acled_notes(sorted((shared / "data" / "gold" / "acled").glob("*.csv"))), settings),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    found = corpora(args.shared, Settings(progress=False))
    args.out.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{sum(len(v) for v in found.values())} articles' digests -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
