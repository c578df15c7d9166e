"""Parquet: the same rows as the other exports, read back by pyarrow with the declared types."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from frontwire.export import ACLED_COLUMNS, EXPORT_COLUMNS, event_row, export_events
from frontwire.export.parquet import SCHEMA, write_parquet

from .conftest import event_at

REPO = Path(__file__).resolve().parents[2]


def test_parquet_reads_back_with_the_same_rows_and_the_declared_types(example_events, tmp_path):
    path = tmp_path / "events.parquet"
    assert export_events(example_events, "parquet", path) == len(example_events)
    table = pq.read_table(path)
    assert table.schema.equals(SCHEMA, check_metadata=False)
    assert table.column_names == list(EXPORT_COLUMNS)
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert table.num_rows == len(example_events)
    assert table.to_pylist() == [event_row(e) for e in example_events]
    types = {field.name: field.type for field in table.schema}
    assert types["event_date"] == pa.date32() and types["date_start"] == pa.date32()
    assert types["fatalities"] == pa.int64() and types["year"] == pa.int64() and types["iso"] == pa.int64()
    assert types["latitude"] == pa.float64() and types["longitude"] == pa.float64()
    assert types["disputed"] == pa.bool_()
    assert types["claimants"] == pa.list_(pa.string()) and types["evidence"] == pa.list_(pa.string())
    assert pa.types.is_struct(types["losses"].value_type)


def test_parquet_values_are_typed_not_text(example_events, tmp_path):
    path = tmp_path / "events.parquet"
    write_parquet(example_events, path)
    rows = {r["event_id_cnty"]: r for r in pq.read_table(path).to_pylist()}
    kharkiv = rows[event_at(example_events, "Kharkiv")["event_id"]]
    assert kharkiv["event_date"] == dt.date(2022, 3, 1)
    assert kharkiv["fatalities"] == 8 and kharkiv["geo_precision"] == 1
    tartar = rows[event_at(example_events, "Tartar")["event_id"]]
    assert tartar["disputed"] is True and tartar["claims_count"] == 2
    assert tartar["claimants"] == ["Ministry of Defence of Armenia", "Ministry of Defence of Azerbaijan"]
    assert tartar["fatalities"] is None, "no figure in the reports is a null, not 0"


def test_parquet_schema_is_the_same_for_an_empty_export(tmp_path):
    path = tmp_path / "empty.parquet"
    assert write_parquet([], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.equals(SCHEMA, check_metadata=False)


def test_parquet_is_written_in_row_groups_as_the_events_come(example_events, tmp_path):
    path = tmp_path / "grouped.parquet"
    write_parquet(iter(example_events), path, rows_per_group=5)
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_row_groups == -(-len(example_events) // 5)
    assert parquet.read().to_pylist() == [event_row(e) for e in example_events]


def _export(db: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "frontwire", "export", "--db", db, *args], env=env, cwd=REPO,
                          capture_output="stdout" not in kwargs, **kwargs)


def test_parquet_goes_to_standard_output_through_a_pipe(example_db, example_events):
    done = _export(example_db, "--format", "parquet")
    assert done.returncode == 0, done.stderr
    table = pq.read_table(pa.BufferReader(done.stdout))
    assert table.column("event_id_cnty").to_pylist() == [e["event_id"] for e in example_events]


def test_parquet_refuses_a_terminal_with_one_line(example_db):
    leader, follower = os.openpty()
    try:
        done = _export(example_db, "--format", "parquet", stdout=follower, stderr=subprocess.PIPE)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    message = done.stderr.decode().strip()
    assert len(message.splitlines()) == 1
    assert "--out" in message
