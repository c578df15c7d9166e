"""The HTTP API against the real app and a real store (SQLite, and PostgreSQL when CI starts one): every endpoint,
filters, pages, tokens, the error shape and the body limit."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontwire.api import create_app
from frontwire.config import Settings
from frontwire.records import Document, Loss
from frontwire.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))
from ledger_claims import ALIYEV, AM_MOD, AZ_MOD, SHELLING, SHOOTDOWN, make_claim  # noqa: E402

TOKEN = "test-token-1"
TEXTS = {
    "d-cap": "The ministry said its forces took Milanli on Monday.",
    "d-cap2": "The president announced that Milanli had been taken.",
    "d-shell": "Tartar was shelled overnight, the defence ministry said.",
    "d-deny": "The other ministry denied that its guns fired on Tartar.",
    "d-drone": "Air defences shot down a drone over Aghdam, with 2 drones destroyed.",
}


def _claims():
    drone_loss = (Loss(side="Armenia", category="equipment", item="drone", count=2, status="shot down"),)
    return [
        make_claim("c-cap", "d-cap", place="Milanli", day=date(2020, 11, 2), claimed_by=AZ_MOD, reported_by="Wire A",
                   evidence=TEXTS["d-cap"]),
        make_claim("c-cap2", "d-cap2", place="Milanli", day=date(2020, 11, 2), claimed_by=ALIYEV,
                   reported_by="Wire C", evidence=TEXTS["d-cap2"]),
        make_claim("c-shell", "d-shell", SHELLING, "Aghdam", day=date(2020, 11, 1), claimed_by=AZ_MOD,
                   reported_by="Wire A", evidence=TEXTS["d-shell"]),
        make_claim("c-deny", "d-deny", SHELLING, "Aghdam", day=date(2020, 11, 1), claimed_by=AM_MOD,
                   reported_by="Wire B", modality="denied", evidence=TEXTS["d-deny"]),
        make_claim("c-drone", "d-drone", SHOOTDOWN, "Zangilan", day=date(2020, 10, 20), claimed_by=AZ_MOD,
                   reported_by="Wire B", losses=drone_loss, evidence=TEXTS["d-drone"]),
    ]


@pytest.fixture
def client(store_url):
    with open_store(store_url) as store:
        for claim in _claims():
            text = TEXTS[claim.doc_id]
            doc = Document(id=claim.doc_id, text=text, title=f"Report {claim.doc_id}", source=claim.reported_by,
                           published_at=claim.event_date, content_hash=claim.doc_id.ljust(64, "0"))
            store.save_document(doc, [claim])
    with TestClient(create_app(Settings(db=store_url, api_tokens=f"{TOKEN}, other", api_max_body_bytes=20_000,
                                        progress=False))) as test_client:
        yield test_client


def _error(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "hint"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_events_are_listed_newest_first_with_their_claims_summarised(client):
    body = client.get("/api/events").json()
    assert body["total"] == 3 and body["next_cursor"] is None
    assert [e["event_date"] for e in body["events"]] == ["2020-11-02", "2020-11-01", "2020-10-20"]
    shelling = body["events"][1]
    assert shelling["claims_count"] == 2 and shelling["disputed"] is True
    assert shelling["claimants"] == sorted([AM_MOD, AZ_MOD]) and shelling["outlets"] == ["Wire A", "Wire B"]
    assert {(c["claimed_by"], c["modality"]) for c in shelling["claims"]} == {(AZ_MOD, "asserted"), (AM_MOD, "denied")}


def test_cursor_pages_cover_every_event_once(client):
    seen, params = [], {"limit": 1, "sort": "date"}
    while True:
        body = client.get("/api/events", params=params).json()
        seen += [e["event_date"] for e in body["events"]]
        if not body["next_cursor"]:
            break
        params["cursor"] = body["next_cursor"]
    assert seen == ["2020-10-20", "2020-11-01", "2020-11-02"]


@pytest.mark.parametrize(("params", "dates"), [
    ({"from": "2020-11-01", "to": "2020-11-01"}, ["2020-11-01"]),
    ({"bbox": "46.6,39.4,46.8,39.6"}, ["2020-11-02"]),  # Milanli
    ({"country": "azerbaijan", "event_type": "Battles"}, ["2020-11-02"]),
    ({"sub_event_type": "Disrupted weapons use"}, ["2020-10-20"]),
    ({"claimant": "of armenia"}, ["2020-11-01"]),
    ({"outlet": "wire b"}, ["2020-11-01", "2020-10-20"]),
    ({"actor": "forces of azerbaijan"}, ["2020-11-02", "2020-11-01", "2020-10-20"]),
    ({"q": "overnight"}, ["2020-11-01"]),
    ({"disputed": "true"}, ["2020-11-01"]),
    ({"disputed": "false", "admin1": "Zangilan"}, ["2020-10-20"]),
    ({"min_sources": 2}, ["2020-11-02"]),
])
def test_filters(client, params, dates):
    body = client.get("/api/events", params=params).json()
    assert [e["event_date"] for e in body["events"]] == dates and body["total"] == len(dates)
    assert client.get("/api/stats", params=params).json()["total"] == len(dates)


def test_one_event_shows_every_claim_side_by_side_with_its_document(client):
    shelling = client.get("/api/events", params={"disputed": "true"}).json()["events"][0]
    event = client.get(f"/api/events/{shelling['event_id']}").json()
    by_claimant = {c["claimed_by"]: c for c in event["claims"]}
    assert by_claimant[AZ_MOD]["modality"] == "asserted" and by_claimant[AM_MOD]["modality"] == "denied"
    claim = by_claimant[AM_MOD]
    document = client.get(claim["document_url"]).json()
    span = claim["evidence"][0]
    assert document["text"][span["start"]:span["end"]] == span["text"]
    assert document["title"] == "Report d-deny" and document["source"] == "Wire B"
    assert document["claim_ids"] == ["c-deny"] and len(document["versions"]) == 1
    assert event["disputes"] or event["disputed"]


def test_event_shows_its_places_control_and_its_losses_by_claimant(client):
    capture = client.get("/api/events", params={"event_type": "Battles"}).json()["events"][0]
    event = client.get(f"/api/events/{capture['event_id']}").json()
    assert [p["holder"] for p in event["control"]][-1] == "Azerbaijan"
    drone = client.get("/api/events", params={"sub_event_type": "Disrupted weapons use"}).json()["events"][0]
    tally = client.get(f"/api/events/{drone['event_id']}").json()["losses_by_claimant"]
    assert [(row["item"], row["count"], row["claimed_by"]) for row in tally] == [("drone", 2, AZ_MOD)]


def test_control_losses_and_stats(client):
    periods = client.get("/api/control", params={"place": "Milanli"}).json()["periods"]
    assert periods and periods[-1]["holder"] == "Azerbaijan" and set(periods[-1]["claimed_by"]) == {AZ_MOD, ALIYEV}
    assert client.get("/api/control", params={"place": "Milanli", "at": "2020-01-01"}).json()["periods"][0]["holder"] \
        != "Azerbaijan"
    losses = client.get("/api/losses", params={"from": "2020-10-01", "to": "2020-10-31"}).json()["losses"]
    assert [(row["item"], row["count"]) for row in losses] == [("drone", 2)]
    assert client.get("/api/losses", params={"from": "2020-11-01"}).json()["losses"] == []
    stats = client.get("/api/stats").json()
    assert stats["total"] == 3 and stats["by_country"] == [{"country": "Azerbaijan", "count": 3}]
    assert [row["day"] for row in stats["by_day"]] == ["2020-10-20", "2020-11-01", "2020-11-02"]


@pytest.mark.parametrize(("method", "path", "params", "status"), [
    ("get", "/api/events/evt-none", {}, 404),
    ("get", "/api/documents/none", {}, 404),
    ("get", "/api/events", {"from": "yesterday"}, 400),
    ("get", "/api/events", {"bbox": "1,2,3"}, 400),
    ("get", "/api/events", {"bbox": "10,50,5,40"}, 400),
    ("get", "/api/events", {"limit": 5000}, 422),
    ("get", "/api/events", {"sort": "fatalities"}, 422),
    ("get", "/api/events", {"cursor": "garbage"}, 400),
    ("get", "/api/losses", {"from": "2020-12-01", "to": "2020-11-01"}, 400),
    ("get", "/api/no-such-endpoint", {}, 404),
    ("delete", "/api/events", {}, 405),
])
def test_every_error_has_one_shape(client, method, path, params, status):
    error = _error(getattr(client, method)(path, params=params), status)
    assert error["hint"]


def test_writes_need_a_configured_token(client, tmp_path):
    body = {"claim_ids": ["c-shell", "c-deny"]}
    assert _error(client.post("/api/merge/split", json=body), 401)["code"] == "unauthorized"
    bad = client.post("/api/merge/split", json=body, headers={"Authorization": "Bearer nope"})
    assert _error(bad, 401)["message"].startswith("the token")
    with TestClient(create_app(Settings(db=str(tmp_path / "ro.db")))) as read_only:
        refused = read_only.post("/api/merge/split", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert _error(refused, 403)["code"] == "writes_off"


def test_split_and_join_change_the_ledger_and_are_kept(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.get("/api/events").json()["total"] == 3
    done = client.post("/api/merge/split", json={"claim_ids": ["c-shell", "c-deny"], "note": "two batteries"},
                       headers=auth)
    assert done.status_code == 200 and len(done.json()["event_ids"]) == 2
    assert client.get("/api/events").json()["total"] == 4
    client.post("/api/merge/join", json={"claim_ids": ["c-shell", "c-deny"]}, headers=auth)
    assert client.get("/api/events").json()["total"] == 3
    assert _error(client.post("/api/merge/join", json={"claim_ids": ["c-shell"]}, headers=auth), 422)
    assert _error(client.post("/api/merge/join", json={"claim_ids": ["c-shell", "c-x"]}, headers=auth), 404)


def test_bodies_over_the_limit_are_refused(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/documents", content=b'{"text": "' + b"a" * 30_000 + b'"}',
                           headers={**auth, "Content-Type": "application/json"})
    assert _error(response, 413)["code"] == "body_too_large"

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(30):
            yield b"a" * 1000

    streamed = client.post("/api/documents", content=chunks(), headers={**auth, "Content-Type": "text/plain"})
    assert _error(streamed, 413)


@pytest.mark.parametrize(("content", "content_type", "status"), [
    (b"", "application/json", 400),
    (b"{not json", "application/json", 400),
    (b'{"title": "no text"}', "application/json", 422),
    (b"\xff\xfe\x00", "text/plain", 400),
    (b"%PDF-1.4", "application/pdf", 415),
])
def test_bad_posted_articles_get_a_clear_error(client, content, content_type, status):
    response = client.post("/api/documents", content=content,
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    _error(response, status)


def test_exports_download_the_filtered_events(client, tmp_path):
    import csv
    import io
    import json

    import pyarrow.parquet as pq

    from frontwire.export import ACLED_COLUMNS

    acled = client.get("/api/export", params={"format": "acled", "country": "Azerbaijan", "disputed": "false"})
    assert acled.status_code == 200 and acled.headers["content-type"].startswith("text/csv")
    assert 'filename="frontwire-events.csv"' in acled.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(acled.text)))
    assert list(rows[0])[:len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert sorted(r["event_date"] for r in rows) == ["2020-10-20", "2020-11-02"]
    geo = client.get("/api/export", params={"format": "geojson", "q": "overnight"}).json()
    assert [f["geometry"]["coordinates"] for f in geo["features"]] == [[46.927, 39.991]]  # Aghdam, [lon, lat]
    (tmp_path / "e.parquet").write_bytes(client.get("/api/export", params={"format": "parquet"}).content)
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 3
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["claims"] for line in lines)
    _error(client.get("/api/export", params={"format": "xlsx"}), 422)


def test_openapi_schema_and_offline_docs(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/control", "/api/losses",
            "/api/stats", "/api/export", "/api/documents", "/api/merge/split", "/api/merge/join"} <= set(schema["paths"])
    docs = client.get("/api/docs").text
    assert "/api/docs/assets/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.slow
def test_a_posted_article_is_coded_stored_and_listed(client):
    article = {"id": "own-1", "title": "Rally in the capital", "published_at": "2021-03-02", "source": "Own Wire",
               "text": "Police detained 14 protesters outside the parliament building in Yerevan on Monday, the "
                       "interior ministry said. The protesters had demanded the resignation of the prime minister."}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/documents", json=article, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] is True and body["document"]["id"] == "own-1"
    claim = body["claims"][0]
    assert claim["location"] == "Yerevan" and claim["event_date"] == "2021-03-01"
    listed = client.get("/api/events", params={"q": "parliament"}).json()["events"]
    assert [e["event_id"] for e in listed] == [claim["event_id"]]
    again = client.post("/api/documents", json=article, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert client.get("/api/events").json()["total"] == 4
    html = client.post("/api/documents", content=b"<html><body><p>Nothing here.</p></body></html>",
                       headers={**auth, "Content-Type": "text/html"})
    assert _error(html, 422)
