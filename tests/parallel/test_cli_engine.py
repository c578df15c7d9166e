"""The engine options on the command line: bad combinations are usage errors, and Ctrl-C stops a run with workers
at once, workers included, leaving only complete documents in the store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from frontwire.cli.main import main


@pytest.mark.parametrize("options", [["--workers", "0"], ["--scheduler", "tcp://127.0.0.1:8786"]])
def test_bad_engine_options_are_usage_errors(options, corpus, tmp_path, capsys):
    assert main(["-q", "ingest", str(corpus), "--db", str(tmp_path / "s.db"), *options]) == 2
    assert "frontwire: --" in capsys.readouterr().err
    assert not (tmp_path / "s.db").exists() or sqlite3.connect(tmp_path / "s.db").execute(
        "SELECT COUNT(*) FROM documents").fetchone()[0] == 0


def _children(pid: int) -> list[int]:
    found = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True).stdout
    return [int(p) for p in found.split()]


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT as a terminal sends them")
def test_ctrl_c_stops_the_reader_and_its_workers_at_once(corpus, tmp_path):
    env = {**os.environ, "FRONTWIRE_PROGRESS": "false", "FRONTWIRE_BATCH_SIZE": "4"}
    command = [sys.executable, "-m", "frontwire.cli.main", "ingest", str(corpus), "--workers", "2",
               "--db", str(tmp_path / "s.db")]
    # a session of its own, so that Ctrl-C can be sent as a terminal sends it: to the reader and its workers
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and process.poll() is None and len(workers) < 3:  # two workers and a tracker
        time.sleep(0.1)
        workers = _children(process.pid)
    assert process.poll() is None, "the run ended before its workers started"
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "interrupted; every document stored so far is complete" in err
    assert "Traceback" not in err
    deadline = time.time() + 10
    while time.time() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")], "a worker outlived the run"
