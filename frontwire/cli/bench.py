"""``frontwire bench``: articles and words per second and peak memory, beside bare spaCy in the same run."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from pathlib import Path
from typing import Any

from frontwire.cli.common import EXIT_OK, EXIT_USAGE, say
from frontwire.config import DATA_DIR, Settings
from frontwire.records import RawDocument


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench", help="measure speed and memory against a bare spaCy baseline",
        description="Run the whole pipeline over a corpus and, in the same run, a bare spaCy nlp.pipe over the same "
                    "texts; print articles per second, words per second and peak memory (each in its own process) "
                    "side by side with the ratio of the two words-per-second figures, plus gazetteer load time and "
                    "lookups per second. Timings are noisy on shared machines: compare the ratio, not the absolute "
                    "figures.")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="articles (.txt/.html/.jsonl/.jsonl.gz/.warc/.warc.gz/folders) or ACLED .csv files whose notes are the "
                             "articles (default: the bundled examples)")
    parser.add_argument("--limit", type=int, default=2000, metavar="N", help="use at most N articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="repeat the corpus K times (small corpora time badly)")
    parser.add_argument("--ledger", type=int, default=0, metavar="N",
                        help="also time merging N synthetic claims in the ledger (e.g. 100000)")
    parser.add_argument("--api", type=int, default=0, metavar="EVENTS",
                        help="instead, load-test GET /api/events on loopback over a store of EVENTS synthetic merged "
                             "events (e.g. 100000): requests/s and p50/p99 latency")
    parser.add_argument("--seconds", type=float, default=30, metavar="S",
                        help="how long the API load test sends requests (default 30, at most 60)")
    parser.add_argument("--db", metavar="URL",
                        help="the store the API load test fills and serves: a SQLite path or postgresql:// URL "
                             "(default: a temporary SQLite file); one that already holds EVENTS events is reused")
    parser.add_argument("--store", metavar="URL",
                        help="instead, measure the store at URL (a new SQLite file or an empty PostgreSQL database) at "
                             "each size of --claims: storing synthetic claims, merging them into events, and p50/p99 "
                             "latency of filtered event queries")
    parser.add_argument("--claims", default="10000,100000,1000000", metavar="N,N,...",
                        help="the sizes --store measures, in claims (default 10000,100000,1000000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(func=run)


def load_corpus(paths: list[str], settings: Settings, limit: int) -> list[RawDocument]:
    from frontwire.evaluate.acled import read_acled
    from frontwire.ingest import iter_raw_documents

    corpus: list[RawDocument] = []
    plain = [p for p in paths if not p.lower().endswith(".csv")]
    for path in (p for p in paths if p.lower().endswith(".csv")):
        corpus += [RawDocument(id=f"acled-{r.row_id}", text=r.notes, origin=r.file) for r in read_acled(Path(path))]
    for item in iter_raw_documents(plain or ([] if paths else [str(DATA_DIR / "examples")]), settings):
        if isinstance(item, RawDocument):
            corpus.append(item)
    return corpus[:limit]


def _words(raws: list[RawDocument]) -> int:
    return sum(len((r.text or r.html or "").split()) for r in raws)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_frontwire(raws: list[RawDocument], settings: Settings) -> dict[str, Any]:
    from frontwire.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline(settings).load()  # as the baseline's spacy.load: loading is timed apart from the run
    loaded = time.perf_counter()
    events = failed = 0
    for result in pipeline.run(raws):
        events += len(result.claims)
        if result.failure is not None and result.failure.stage == "extract":
            failed += 1
    done = time.perf_counter()
    return {"load_s": loaded - started, "run_s": done - loaded, "events": events, "failed": failed,
            "peak_mib": _peak_mib()}


def _run_spacy(texts: list[str], model: str) -> dict[str, Any]:
    import spacy  # noqa: I001 - the baseline is bare spaCy, on purpose outside frontwire.nlp

    started = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    done = time.perf_counter()
    return {"load_s": loaded - started, "run_s": done - loaded, "tokens": tokens, "peak_mib": _peak_mib()}


def _in_child(function: Any, *args: Any) -> dict[str, Any]:
    """Run ``function`` in a fresh process so that its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(function, args)


def run_api(args: argparse.Namespace) -> int:
    """``frontwire bench --api N``: the bounded load test of the HTTP API (``frontwire.api.load``)."""
    import tempfile

    from frontwire.api.load import MAX_SECONDS, load_test

    if not 0 < args.seconds <= MAX_SECONDS:
        say(f"--seconds {args.seconds} is out of range; the load test runs 1 to {MAX_SECONDS} seconds")
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="frontwire-bench-") as folder:
        url = args.db or str(Path(folder) / "bench.db")
        say(f"filling {url.split('@')[-1]} with {args.api:,} merged events, then {args.seconds:.0f} s of requests...")
        figures = load_test(url, events=args.api, seconds=args.seconds)
    if args.json:
        json.dump(figures, sys.stdout, indent=1)
        print()
        return EXIT_OK
    print(f"store: {figures['store']}: {figures['events']:,} events from {figures['claims']:,} claims "
          f"(filled in {figures['fill_s']} s)")
    print(f"GET /api/events with filters, {figures['clients']} clients for {figures['seconds']} s: "
          f"{figures['requests_per_s']} requests/s, p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, "
          f"max {figures['max_ms']} ms, {figures['errors']} errors")
    for error in figures["first_errors"]:
        print(f"  error: {error}")
    return EXIT_OK


def run_store(args: argparse.Namespace) -> int:
    """``frontwire bench --store URL``: how the store scales (``frontwire.store.bench``)."""
    from frontwire.store.bench import benchmark_store, format_table

    try:
        sizes = tuple(int(part.replace("_", "")) for part in args.claims.split(","))
    except ValueError:
        sizes = ()
    if not sizes or min(sizes) < 1:
        say(f"--claims {args.claims!r} is not a list of sizes; write e.g. --claims 10000,100000,1000000")
        return EXIT_USAGE
    figures = benchmark_store(args.store, sizes, note=say)
    if args.json:
        json.dump(figures, sys.stdout, indent=1)
        print()
    else:
        print(format_table(figures))
    return EXIT_OK


def run(args: argparse.Namespace, settings: Settings) -> int:
    from frontwire.clean import clean_raw

    if args.store:
        return run_store(args)
    if args.api:
        return run_api(args)
    from frontwire.geo import benchmark as geo_benchmark

    corpus = load_corpus(args.paths, settings, args.limit)
    if not corpus:
        say("bench found no articles in the given paths")
        return EXIT_USAGE
    corpus = corpus * max(1, args.repeat)
    texts = [clean_raw(r).text for r in corpus]
    words = _words(corpus)
    say(f"benchmarking {len(corpus)} articles ({words:,} words)...")
    baseline = _in_child(_run_spacy, texts, settings.spacy_model)
    ours = _in_child(_run_frontwire, corpus, settings)
    figures: dict[str, Any] = {"articles": len(corpus), "words": words}
    for name, result in (("spacy_baseline", baseline), ("frontwire", ours)):
        result["articles_per_s"] = len(corpus) / result["run_s"] if result["run_s"] else 0.0
        result["words_per_s"] = words / result["run_s"] if result["run_s"] else 0.0
        figures[name] = result
    figures["slowdown_vs_spacy"] = ours["run_s"] / baseline["run_s"] if baseline["run_s"] else None
    # the figure the speed targets are written in: frontwire's words/s as a share of bare spaCy's, same texts
    figures["words_per_s_ratio"] = (ours["words_per_s"] / baseline["words_per_s"]
                                    if baseline["words_per_s"] else None)
    figures["gazetteer"] = _in_child(geo_benchmark)
    if args.ledger:
        from frontwire.ledger.bench import benchmark_merge

        figures["ledger"] = benchmark_merge(args.ledger)
    if args.json:
        json.dump(figures, sys.stdout, indent=1, default=str)
        print()
        return EXIT_OK
    print(f"corpus: {len(corpus)} articles, {words:,} words")
    print(f"{'':24}{'articles/s':>12}{'words/s':>12}{'peak MiB':>10}{'load s':>8}{'run s':>8}")
    for name in ("spacy_baseline", "frontwire"):
        r = figures[name]
        print(f"{name:24}{r['articles_per_s']:12.1f}{r['words_per_s']:12.0f}{r['peak_mib']:10.0f}"
              f"{r['load_s']:8.2f}{r['run_s']:8.2f}")
    print(f"words/s ratio: frontwire runs at {figures['words_per_s_ratio']:.2f}x bare spaCy's words per second "
          f"(takes {figures['slowdown_vs_spacy']:.2f}x its time) on the same texts; {ours['events']} events")
    if ours["failed"]:
        # a document whose extraction fails skips the costly stages: the speed above flatters a broken pipeline
        print(f"warning: extraction failed on {ours['failed']} of {len(corpus)} articles; the figures are not "
              "comparable (run 'frontwire extract' on them to see why)")
    print(f"gazetteer: {json.dumps(figures['gazetteer'], default=str)}")
    if args.ledger:
        print(f"ledger merge: {json.dumps(figures['ledger'], default=str)}")
    return EXIT_OK
