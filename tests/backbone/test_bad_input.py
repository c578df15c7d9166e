"""Bad input gets one clear line naming it and what to do; the rest of the batch goes on; nothing is lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from frontwire.cli.main import main
from frontwire.config import Settings
from frontwire.ingest import iter_raw_documents
from frontwire.records import Failure, RawDocument

GOOD = ("Government forces clashed with rebels near the town of Kidal on Monday, the army said on Tuesday. "
        "Two soldiers were killed in the fighting, according to the army.")


def read_all(paths, settings):
    return list(iter_raw_documents([str(p) for p in paths], settings))


def test_each_bad_input_fails_alone_and_the_batch_goes_on(tmp_path):
    settings = Settings(db=str(tmp_path / "s.db"), max_input_bytes=1_000_000, progress=False)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with open(tmp_path / "huge.txt", "wb") as handle:  # sparse: the size is real, the disk use is not
        handle.truncate(300 * 1024 * 1024)
    (tmp_path / "good.txt").write_text(GOOD)
    items = read_all([tmp_path / n for n in ("empty.txt", "blank.txt", "binary.txt", "huge.txt", "good.txt",
                                             "missing.txt")], settings)
    failures = [i for i in items if isinstance(i, Failure)]
    documents = [i for i in items if isinstance(i, RawDocument)]
    assert len(documents) == 1 and documents[0].text == GOOD
    reasons = " | ".join(f.reason for f in failures)
    assert "empty.txt: the input is empty" in reasons
    assert "blank.txt: the input is empty" in reasons
    assert "binary.txt: this is a binary file" in reasons
    assert "huge.txt: 314,572,800 bytes is over the limit" in reasons and "FRONTWIRE_MAX_INPUT_BYTES" in reasons
    assert "missing.txt: no such file or folder" in reasons
    assert all("\n" not in f.reason for f in failures)


def test_mixed_encoding_is_repaired_with_a_warning(tmp_path, caplog):
    text = "Fighting near Gubadlı continued, the ministry said.".encode() + b" Caf\xe9 owners fled."
    path = tmp_path / "mixed.txt"
    path.write_bytes(text)
    [raw] = read_all([path], Settings())
    assert "Gubadlı" in raw.text and "Café" in raw.text
    assert "mixed encoding" in caplog.text


def test_latin1_file_is_read(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Les forces armées ont riposté près de la frontière, a déclaré le ministère.".encode("cp1252"))
    [raw] = read_all([path], Settings())
    assert "armées" in raw.text


def test_jsonl_with_one_broken_line_keeps_the_others(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": GOOD}),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c", "html": "<p>x</p>"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d"}),
    ]) + "\n")
    items = read_all([path], Settings())
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["a", "c"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.origin for f in failures] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "not valid JSON" in failures[0].reason


def test_folder_with_thousands_of_files_is_walked_in_order(tmp_path):
    for i in range(3000):
        sub = tmp_path / f"d{i % 7}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(f"Report {i}. " + GOOD)
        if i % 10 == 0:
            (sub / f"{i:05d}.png").write_bytes(b"\x89PNG\r\n")
    items = read_all([tmp_path], Settings())
    assert len(items) == 3000 and all(isinstance(i, RawDocument) for i in items)
    assert items == read_all([tmp_path], Settings())


def test_cli_reports_bad_inputs_on_stderr_and_stores_the_rest(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Clashes near Kidal\n\n" + GOOD)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "page.html").write_text("<html><body><nav>Home</nav></body></html>")
    db = tmp_path / "s.db"
    code = main(["-q", "ingest", str(tmp_path / "in"), str(tmp_path / "nope.txt"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    assert "empty.txt: the input is empty" in err
    assert "page.html: no article text found" in err
    assert "nope.txt: no such file or folder" in err
    with sqlite3.connect(db) as connection:
        statuses = dict(connection.execute("SELECT origin, status FROM documents").fetchall())
        failures = connection.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
    assert statuses[str(tmp_path / "in" / "good.txt")] == "ok"
    assert statuses[str(tmp_path / "in" / "page.html")] == "no_article"
    assert failures == 3
    # again: nothing new, nothing duplicated
    main(["-q", "ingest", str(tmp_path / "in"), str(tmp_path / "nope.txt"), "--db", str(db)])
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
        assert connection.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == failures


def _store_content(db: Path) -> tuple[list, list]:
    with sqlite3.connect(db) as connection:
        documents = connection.execute("SELECT content_hash, doc_id, version, status FROM documents ORDER BY 1").fetchall()
        claims = connection.execute("SELECT claim_id, content_hash FROM claims ORDER BY 1").fetchall()
    return documents, claims


def test_killed_ingest_run_again_equals_one_complete_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    places = ["Kidal", "Gao", "Timbuktu", "Mopti", "Menaka", "Sevare"]
    for i in range(60):
        (corpus / f"{i:03d}.txt").write_text(
            f"Clashes in {places[i % 6]}\n\nOn {1 + i % 27} March 2021, soldiers clashed with militants near "
            f"{places[i % 6]} in Mali, killing {i % 5} fighters, the army said.")
    env = {**os.environ, "FRONTWIRE_PROGRESS": "false", "FRONTWIRE_BATCH_SIZE": "4"}
    command = [sys.executable, "-m", "frontwire.cli.main", "-q", "ingest", str(corpus)]
    complete, killed = tmp_path / "complete.db", tmp_path / "killed.db"
    subprocess.run(command + ["--db", str(complete)], env=env, check=True, capture_output=True)
    process = subprocess.Popen(command + ["--db", str(killed)], env=env, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if killed.exists():
            try:
                with sqlite3.connect(killed) as connection:
                    if connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= 8:
                        break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial_documents, _ = _store_content(killed)
    assert 0 < len(partial_documents) < 60, "the kill should land mid-run"
    subprocess.run(command + ["--db", str(killed)], env=env, check=True, capture_output=True)
    assert _store_content(killed) == _store_content(complete)


def test_gzipped_jsonl_is_read_line_by_line_in_files_and_folders(tmp_path):
    import gzip

    lines = [json.dumps({"id": f"g{i}", "text": GOOD, "published_at": f"2021-03-0{i + 1}"}) for i in range(3)]
    (tmp_path / "feed").mkdir()
    with gzip.open(tmp_path / "feed" / "day.JSONL.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    (tmp_path / "feed" / "notes.txt.gz").write_bytes(gzip.compress(GOOD.encode()))  # not an input form: skipped
    items = read_all([tmp_path / "feed"], Settings())
    assert [i.id for i in items] == ["g0", "g1", "g2"]
    assert items[1].origin.endswith("day.JSONL.gz:2") and items[1].published_at == "2021-03-02"
    assert read_all([tmp_path / "feed" / "day.JSONL.gz"], Settings()) == items


def test_broken_gzip_keeps_the_lines_before_the_break_and_names_the_file(tmp_path):
    import gzip

    whole = gzip.compress(("\n".join(json.dumps({"id": f"g{i}", "text": GOOD}) for i in range(200)) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "plain.jsonl.gz").write_text(json.dumps({"id": "p", "text": GOOD}))
    items = read_all([tmp_path / "cut.jsonl.gz", tmp_path / "plain.jsonl.gz"], Settings())
    documents = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert 0 < len(documents) < 200 and documents[0].id == "g0"
    assert [f.origin for f in failures] == [str(tmp_path / "cut.jsonl.gz"), str(tmp_path / "plain.jsonl.gz")]
    assert "cut.jsonl.gz: not a readable gzip file" in failures[0].reason
    assert "plain.jsonl.gz: not a readable gzip file" in failures[1].reason
    assert all("\n" not in f.reason for f in failures)
