"""``frontwire control``, ``losses`` and ``merge`` over a real SQLite store filled with hand-coded claims."""

from __future__ import annotations

import argparse
import io
import json
from collections import defaultdict
from pathlib import Path

import pytest

from frontwire.cli import ledger as ledger_cli
from frontwire.config import Settings
from frontwire.records import Claim, Document
from frontwire.store import open_store


@pytest.fixture
def settings(tmp_path: Path, seed_claims: list[Claim]) -> Settings:
    db = str(tmp_path / "ledger.db")
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in seed_claims:
        by_doc[claim.doc_id].append(claim)
    with open_store(db) as store:
        for doc_id, claims in sorted(by_doc.items()):
            store.save_document(Document(id=doc_id, text=f"report {doc_id}", content_hash=f"hash-{doc_id}"), claims)
    return Settings(db=db)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontwire")
    ledger_cli.register(parser.add_subparsers(dest="command"))
    return parser


def _run(argv: list[str], settings: Settings) -> tuple[int, str]:
    args = _parser().parse_args(argv)
    out = io.StringIO()
    if args.func is ledger_cli.run_merge:
        return args.func(args, settings), ""
    return args.func(args, settings, out=out), out.getvalue()


def test_control_answers_who_held_a_place_on_a_day(settings: Settings) -> None:
    code, out = _run(["control", "--place", "Milanli", "--at", "2020-11-02", "--format", "jsonl"], settings)
    assert code == 0
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["holder"] == "Azerbaijan" and row["disputed"] is True
    code, table = _run(["control", "--format", "table"], settings)
    assert code == 0 and "Chaprand" in table and "holder" in table.splitlines()[0]


def test_losses_rows_per_claimant(settings: Settings) -> None:
    code, out = _run(["losses", "--from", "2020-11-01", "--to", "2020-11-02", "--format", "jsonl"], settings)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["claimed_by"] for r in rows} == {"Ministry of Defence of Azerbaijan", "Ministry of Defence of Armenia"}


def test_merge_split_survives_a_rerun(settings: Settings) -> None:
    before = ledger_cli.load_events(settings)
    assert any({"aa1-1", "reu1-1"} <= set(e.claim_ids) for e in before)
    assert _run(["merge", "split", "aa1-1", "reu1-1"], settings)[0] == 0
    after = ledger_cli.load_events(settings)
    assert not any({"aa1-1", "reu1-1"} <= set(e.claim_ids) for e in after)
    assert len(after) == len(before) + 1


def test_merge_join_puts_claims_together(settings: Settings) -> None:
    assert _run(["merge", "join", "azm2-1", "aa1-3", "--note", "Gosha Bulag is Chaprand"], settings)[0] == 0
    assert any({"azm2-1", "aa1-3"} <= set(e.claim_ids) for e in ledger_cli.load_events(settings))


@pytest.mark.parametrize("argv", [
    ["merge", "split", "aa1-1"],  # one id
    ["merge", "join", "aa1-1", "no-such-claim"],  # unknown id
    ["control", "--at", "1 November"],
    ["losses", "--from", "2020-11-03", "--to", "2020-11-01"],
])
def test_bad_usage_exits_2(settings: Settings, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(argv, settings)[0] == 2
    assert "frontwire:" in capsys.readouterr().err


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("control", "losses", "merge"):
        with pytest.raises(SystemExit) as exit_info:
            _parser().parse_args([command, "--help"])
        assert exit_info.value.code == 0
        assert "--db" in capsys.readouterr().out
