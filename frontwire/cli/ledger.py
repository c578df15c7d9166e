"""``frontwire control``, ``frontwire losses`` and ``frontwire merge``: the ledger's questions and an
analyst's corrections.

    frontwire control --place Milanli --at 2020-11-01      who held it that day, and who says so
    frontwire losses --from 2020-11-01 --to 2020-11-02      what each claimant says was lost
    frontwire merge split CLAIM_ID CLAIM_ID                 these claims are different events
    frontwire merge join CLAIM_ID CLAIM_ID                  these claims are one event
    frontwire merge explain CLAIM_ID CLAIM_ID               why these two claims were or were not merged
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import IO, Any

from frontwire.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, add_db_option, say
from frontwire.config import Settings
from frontwire.errors import FrontwireError
from frontwire.ledger import Event, control_timeline, loss_tallies, merge_claims
from frontwire.ledger.compat import claim_features, compatibility, explain
from frontwire.records import Claim
from frontwire.store.events import merge_stored, refresh_events, stored_decisions

OUTPUT_FORMATS = ("table", "jsonl")
StoreOpener = Callable[[str], Any]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``control``, ``losses`` and ``merge`` commands."""
    control = subparsers.add_parser(
        "control", help="who holds each place, and who says so",
        description="Per place, the periods in which one side held it, from the stored capture, withdrawal and "
                    "handover events, with the claimants behind each period and whether it is disputed.")
    add_db_option(control)
    control.add_argument("--place", metavar="NAME", help="one place: a name in any spelling, a place id, or a district")
    control.add_argument("--at", metavar="DATE", help="only the period covering DATE (YYYY-MM-DD)")
    control.add_argument("--format", choices=OUTPUT_FORMATS, default="table", help="output format (default table)")
    control.set_defaults(func=run_control)

    losses = subparsers.add_parser(
        "losses", help="losses per claimant, never summed across claimants",
        description="Equipment and personnel losses as each claimant reports them, added up over the events "
                    "dated within the range; copies of one statement count once.")
    add_db_option(losses)
    losses.add_argument("--from", dest="date_from", metavar="DATE", help="events on or after DATE (YYYY-MM-DD)")
    losses.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before DATE (YYYY-MM-DD)")
    losses.add_argument("--format", choices=OUTPUT_FORMATS, default="table", help="output format (default table)")
    losses.set_defaults(func=run_losses)

    merge = subparsers.add_parser(
        "merge", help="split or join claims by hand; the ledger keeps the decision on every run",
        description="Override the automatic merge: 'split' puts the claims in different events, 'join' puts them "
                    "in one; 'explain' says, feature by feature, why two claims were or were not merged. Claim ids "
                    "are the 'claim_id' values in 'frontwire events --format jsonl'.")
    add_db_option(merge)
    merge.add_argument("action", choices=("split", "join", "explain"),
                       help="split: never together; join: always together; explain: why (two ids)")
    merge.add_argument("claim_ids", nargs="+", metavar="CLAIM_ID", help="two or more claim ids")
    merge.add_argument("--note", help="why (kept with the decision)")
    merge.set_defaults(func=run_merge)


def _open(opener: StoreOpener | None) -> StoreOpener:
    if opener is not None:
        return opener
    from frontwire.store import open_store

    return open_store


def load_events(settings: Settings, *, open_store: StoreOpener | None = None) -> list[Event]:
    """Merge every stored claim into events, honouring the stored analyst decisions."""
    with _open(open_store)(settings.db) as store:
        return merge_stored(store)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        say(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-11-01")
        return None


def _write(rows: Iterable[Mapping[str, Any]], fmt: str, columns: tuple[tuple[str, int], ...], out: IO[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    out.write("  ".join(name.ljust(size) for name, size in columns).rstrip() + "\n")
    for row in rows:
        cells = []
        for name, size in columns:
            value = row.get(name)
            text = "; ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
            cells.append((text if len(text) <= size else text[: size - 1] + "…").ljust(size))
        out.write("  ".join(cells).rstrip() + "\n")


def run_control(args: argparse.Namespace, settings: Settings, *, open_store: StoreOpener | None = None,
                out: IO[str] | None = None) -> int:
    """``frontwire control``: 0 ok, 1 the store failed, 2 a bad option."""
    at = _parse_date(args.at, "--at")
    if args.at and at is None:
        return EXIT_USAGE
    try:
        events = load_events(settings, open_store=open_store)
    except FrontwireError as exc:
        say(str(exc))
        return EXIT_FAILURE
    rows = control_timeline(events, place=args.place, at=at)
    if not rows and args.place:
        when = f" covering {at.isoformat()}" if at else ""
        say(f"no period of control of {args.place!r}{when}: the store holds no capture, withdrawal or handover "
            "of it that says so")
    columns = (("location", 20), ("admin1", 12), ("holder", 12), ("since", 10), ("until", 10),
               ("disputed", 8), ("claimed_by", 40), ("denied_by", 30))
    _write(rows, args.format, columns, out or sys.stdout)
    return EXIT_OK


def run_losses(args: argparse.Namespace, settings: Settings, *, open_store: StoreOpener | None = None,
               out: IO[str] | None = None) -> int:
    """``frontwire losses``: 0 ok, 1 the store failed, 2 a bad option."""
    start, end = _parse_date(args.date_from, "--from"), _parse_date(args.date_to, "--to")
    if (args.date_from and start is None) or (args.date_to and end is None):
        return EXIT_USAGE
    if start and end and start > end:
        say(f"--from {start} is after --to {end}; swap them")
        return EXIT_USAGE
    try:
        events = load_events(settings, open_store=open_store)
    except FrontwireError as exc:
        say(str(exc))
        return EXIT_FAILURE
    columns = (("side", 12), ("category", 12), ("item", 24), ("status", 10), ("count", 6), ("claimed_by", 36),
               ("date_start", 10), ("date_end", 10))
    _write(loss_tallies(events, start=start, end=end), args.format, columns, out or sys.stdout)
    return EXIT_OK


def run_merge(args: argparse.Namespace, settings: Settings, *, open_store: StoreOpener | None = None,
              out: IO[str] | None = None) -> int:
    """``frontwire merge split|join|explain CLAIM_ID...``: 0 recorded (or explained), 1 the store failed, 2 bad
    claim ids."""
    ids = sorted(set(args.claim_ids))
    if args.action == "explain":
        return run_explain(ids, settings, open_store=open_store, out=out)
    if len(ids) < 2:
        say(f"'merge {args.action}' needs two or more different claim ids")
        return EXIT_USAGE
    try:
        with _open(open_store)(settings.db) as store:
            known = {claim.claim_id for claim in store.iter_claims()}
            unknown = [cid for cid in ids if cid not in known]
            if unknown:
                say(f"no stored claim with id {', '.join(unknown)}; list the ids with "
                    "'frontwire events --format jsonl' (the claims' claim_id)")
                return EXIT_USAGE
            store.add_decision(args.action, ids, args.note)
            refresh_events(store)
    except FrontwireError as exc:
        say(str(exc))
        return EXIT_FAILURE
    say(f"recorded: {args.action} {' '.join(ids)}")
    return EXIT_OK


def explain_merge(claims: Iterable[Claim], events: Iterable[Event], first: str, second: str,
                  documents: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Why two claims were or were not merged: ``{"claim_ids", "merged", "event_ids", "features", "verdict"}``.

    ``features`` compares the two claims as merging does; ``verdict`` says what decided, including what the
    pair alone does not show (a third claim of one event that cannot be one happening with the other)."""
    by_id = {c.claim_id: c for c in claims}
    a, b = by_id[first], by_id[second]
    docs = documents or {}
    fa, fb = claim_features(a, docs.get(a.doc_id)), claim_features(b, docs.get(b.doc_id))
    owner = {cid: e for e in events for cid in e.claim_ids}
    ea, eb = owner[first], owner[second]
    features = explain(fa, fb)
    compatible = compatibility(fa, fb) is not None
    if ea.event_id == eb.event_id:
        verdict = ("merged: " + "; ".join(f"{k} {v}" for k, v in features)) if compatible else \
            "merged by an analyst's join, or through claims each is compatible with"
    elif not compatible:
        verdict = "not merged: " + "; ".join(f"{k} {v}" for k, v in features if v.startswith("no"))
    else:
        verdict = ("not merged although the two are compatible: another claim of one event cannot be one "
                   "happening with the other (every claim of an event must fit every other), an analyst split "
                   "them, or a district-level claim could belong to two different places")
    return {"claim_ids": [first, second], "merged": ea.event_id == eb.event_id,
            "event_ids": [ea.event_id, eb.event_id], "features": dict(features), "verdict": verdict}


def run_explain(ids: list[str], settings: Settings, *, open_store: StoreOpener | None = None,
                out: IO[str] | None = None) -> int:
    """``frontwire merge explain A B``: print the explanation as one JSON object."""
    if len(ids) != 2:
        say("'merge explain' needs exactly two different claim ids")
        return EXIT_USAGE
    try:
        with _open(open_store)(settings.db) as store:
            claims = list(store.iter_claims())
            documents = {d.id: d for d in store.iter_documents()}
            decisions = stored_decisions(store)
    except FrontwireError as exc:
        say(str(exc))
        return EXIT_FAILURE
    unknown = [cid for cid in ids if cid not in {c.claim_id for c in claims}]
    if unknown:
        say(f"no stored claim with id {', '.join(unknown)}; list the ids with "
            "'frontwire events --format jsonl' (the claims' claim_id)")
        return EXIT_USAGE
    events = merge_claims(claims, documents=documents, decisions=decisions)
    report = explain_merge(claims, events, ids[0], ids[1], documents)
    (out or sys.stdout).write(json.dumps(report, ensure_ascii=False) + "\n")
    return EXIT_OK
