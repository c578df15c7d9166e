"""The command line: help everywhere, exit codes, the README's main job, idempotent ingest."""

from __future__ import annotations

import json
import sqlite3

import pytest

from frontwire.cli.main import build_parser, main

COMMANDS = ["extract", "ingest", "events", "export", "control", "losses", "merge", "eval", "bench", "gazetteer", "serve",
            "watch"]


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(action.choices)


def test_every_command_is_registered():
    assert sorted(COMMANDS) == subcommands()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: frontwire" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--format", "yaml", "x.txt"])
    assert exit_info.value.code == 2
    assert main(["extract"]) == 2
    assert main([]) == 2


def test_extract_prints_jsonl_events_with_documents(capsys):
    assert main(["-q", "extract", "--examples", "--with-documents"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    documents = [line["document"] for line in lines if "document" in line]
    events = [line for line in lines if "document" not in line]
    assert len(documents) == 6
    assert events, "the examples describe events"
    texts = {d["id"]: d["text"] for d in documents}
    for event in events:
        assert event["doc_id"] in texts
        for span in event["evidence"]:
            assert texts[event["doc_id"]][span["start"]:span["end"]] == span["text"]


def test_extract_csv_has_acled_columns(capsys):
    assert main(["-q", "extract", "--examples", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    assert header[:6] == ["event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type"]


def test_readme_main_job_ingests_examples_and_prints_a_table(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["-q", "ingest", "--examples"]) == 0
    capsys.readouterr()
    assert main(["events"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].startswith("date")
    assert len(table.splitlines()) > 3
    with sqlite3.connect(tmp_path / "frontwire.db") as connection:
        counts = [connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "claims")]
    assert main(["-q", "ingest", "--examples"]) == 0
    with sqlite3.connect(tmp_path / "frontwire.db") as connection:
        again = [connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "claims")]
    assert again == counts


def test_db_comes_from_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("FRONTWIRE_DB", str(db))
    assert main(["-q", "ingest", "--examples"]) == 0
    assert db.exists()


def test_stdin_jsonl_is_read(monkeypatch, capsys):
    import io

    line = json.dumps({"id": "s1", "published_at": "2021-05-03", "text":
                       "Soldiers clashed with militants near Gao in Mali on Sunday, the army said on Monday."})
    monkeypatch.setattr("sys.stdin", io.StringIO(line + "\n"))
    assert main(["-q", "extract", "-"]) == 0
    events = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert events and events[0]["doc_id"] == "s1"


def test_country_option_and_jsonl_country_frame_the_places(tmp_path, capsys):
    text = "Several dozen people protested in Shatin on Saturday, demanding the village head resign."
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "published_at": "2018-08-26", "text": text}) + "\n"
                    + json.dumps({"id": "b", "published_at": "2018-08-26", "text": text, "country": "HK"}) + "\n",
                    encoding="utf-8")
    assert main(["-q", "extract", "--country", "am", str(path)]) == 0
    events = {e["doc_id"]: e for e in map(json.loads, capsys.readouterr().out.splitlines())}
    assert (events["a"]["country"], events["a"]["admin1"]) == ("Armenia", "Vayots Dzor")
    assert events["b"]["country"] == "Hong Kong"  # the line's own country wins


def test_unknown_country_is_a_usage_error_and_a_bad_line_fails_alone(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    good = {"id": "g", "published_at": "2021-05-03", "text": "Soldiers clashed with militants near Gao in Mali."}
    path.write_text(json.dumps({**good, "id": "x", "country": "Narnia"}) + "\n" + json.dumps(good) + "\n",
                    encoding="utf-8")
    assert main(["-q", "extract", "--country", "Narnia", str(path)]) == 2
    assert "'Narnia' is not a country frontwire knows" in capsys.readouterr().err
    assert main(["-q", "extract", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "feed.jsonl:1: 'Narnia' is not a country" in err and err.count("\n") == 1
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} == {"g"}
