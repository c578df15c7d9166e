"""``frontwire export``: formats, --out, filters, and one-line refusals with exit code 2."""

from __future__ import annotations

import csv
import io
import json

import pytest

from frontwire.cli.main import main
from frontwire.export import ACLED_COLUMNS, FRONTWIRE_COLUMNS

from .conftest import event_at


def test_export_defaults_to_acled_csv_on_standard_output(example_db, example_events, capsys):
    assert main(["-q", "export", "--db", example_db]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert list(rows[0]) == list(ACLED_COLUMNS + FRONTWIRE_COLUMNS)
    assert [r["event_id_cnty"] for r in rows] == [e["event_id"] for e in example_events]
    assert captured.err.strip() == f"frontwire: {len(example_events)} event(s) exported as acled"


def test_jsonl_export_is_every_event_whole(example_db, example_events, capsys):
    assert main(["-q", "export", "--db", example_db, "--format", "jsonl"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == example_events


def test_out_writes_the_file_and_leaves_nothing_else(example_db, example_events, tmp_path, capsys):
    out = tmp_path / "events.csv"
    out.write_text("an older export\n", encoding="utf-8")
    assert main(["-q", "export", "--db", example_db, "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"to {out}" in captured.err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(",".join(ACLED_COLUMNS) + ",claims_count")
    assert len(lines) == 1 + len(example_events)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"], "no partial file left behind"


def test_filters_reach_the_export(example_db, example_events, capsys):
    assert main(["-q", "export", "--db", example_db, "--format", "jsonl", "--country", "UA"]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert kept == [event_at(example_events, "Kharkiv")]

    assert main(["-q", "export", "--db", example_db, "--format", "jsonl", "--disputed",
                 "--claimant", "Ministry of Defence of Armenia"]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["location"] for e in kept] == ["Tartar"]

    assert main(["-q", "export", "--db", example_db, "--format", "jsonl", "--from", "2020-11-02",
                 "--to", "2020-11-02", "--type", "Government regains territory"]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(e["location"] for e in kept) == ["Chaprand", "Horovlu", "Nusus"]

    assert main(["-q", "export", "--db", example_db, "--format", "jsonl", "--min-sources", "2"]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert kept == [e for e in example_events if e["sources_independent"] >= 2]


@pytest.mark.parametrize("options", [
    ["--format", "xlsx"],
    ["--format", "csv"],
    ["--from", "2020-02-30"],
    ["--to", "yesterday"],
    ["--from", "2020-12-01", "--to", "2020-11-01"],
    ["--min-sources", "many"],
    ["--out", "/nonexistent-folder/events.csv"],
])
def test_bad_options_are_refused_with_one_line_and_exit_2(example_db, options, capsys):
    assert main(["-q", "export", "--db", example_db, *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert captured.err.startswith("frontwire: ")
