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


def _started_with_workers(corpus, tmp_path) -> tuple[subprocess.Popen, list[int]]:
    """An ingest with two workers, in a session of its own (so that Ctrl-C can be sent as a terminal sends it, to
    the reader and its workers), once its workers are running: the process and its children's ids."""
    env = {**os.environ, "FRONTWIRE_PROGRESS": "false", "FRONTWIRE_BATCH_SIZE": "4"}
    command = [sys.executable, "-m", "frontwire.cli.main", "ingest", str(corpus), "--workers", "2",
               "--db", str(tmp_path / "s.db")]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and process.poll() is None and len(workers) < 3:  # two workers and a tracker
        time.sleep(0.1)
        workers = _children(process.pid)
    assert process.poll() is None, "the run ended before its workers started"
    return process, workers


def _gone(pids: list[int], seconds: float) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in pids):
        time.sleep(0.1)
    return not [pid for pid in pids if os.path.exists(f"/proc/{pid}")]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; SIGINT as a terminal sends it")
def test_ctrl_c_stops_the_reader_and_its_workers_at_once(corpus, tmp_path):
    process, workers = _started_with_workers(corpus, tmp_path)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "interrupted; every document stored so far is complete" in err
    assert "Traceback" not in err
    assert _gone(workers, 10), "a worker outlived the run"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_reader_is_killed_outright(corpus, tmp_path):
    process, workers = _started_with_workers(corpus, tmp_path)
    process.kill()  # SIGKILL: the reader cannot stop its workers; they must see it gone
    process.communicate(timeout=30)
    assert _gone(workers, 15), "a worker outlived the reader, waiting for work for ever"
