"""A bounded load test of ``GET /api/events`` on loopback: a store of synthetic merged events, the real app on
uvicorn in its own process, and client threads sending filtered queries until the time is up.

    figures = load_test("bench.db", events=100_000, seconds=30)   # requests/s, p50 and p99 latency in ms

Timings depend on the machine and what else runs on it: they are figures to report, never a pass/fail test.
"""

from __future__ import annotations

import math
import multiprocessing
import random
import socket
import statistics
import threading
import time
from datetime import date, timedelta
from typing import Any

from frontwire.config import Settings
from frontwire.records import Document

MAX_SECONDS = 60
CLAIMS_PER_EVENT = 2.7  # what the synthetic war gives (frontwire.ledger.bench): reports per happening


def fill_store(url: str, events: int, *, seed: int = 0) -> dict[str, Any]:
    """Bring the store at ``url`` to at least ``events`` merged events of a synthetic war (or keep it, if it has
    them already); return its size and how long filling took."""
    from frontwire.ledger.bench import synthetic_claims
    from frontwire.store import open_store
    from frontwire.store.events import refresh_events

    started = time.perf_counter()
    with open_store(url) as store:
        refresh_events(store)
        have = int(store._execute("SELECT COUNT(*) FROM events").fetchone()[0])
        if have < events:
            claims = synthetic_claims(math.ceil(events * CLAIMS_PER_EVENT * 1.05), seed)
            by_doc: dict[str, list] = {}
            for claim in claims:
                by_doc.setdefault(claim.doc_id, []).append(claim)
            items = [(Document(id=doc_id, text=" ", content_hash=f"synthetic-{seed}-{doc_id}",
                               source=group[0].reported_by, published_at=group[0].event_date), group)
                     for doc_id, group in by_doc.items()]
            for start in range(0, len(items), 5000):
                store.save_documents(items[start:start + 5000])
            refresh_events(store)
            have = int(store._execute("SELECT COUNT(*) FROM events").fetchone()[0])
        claims_count = store.counts()["claims"]
    return {"events": have, "claims": claims_count, "fill_s": round(time.perf_counter() - started, 1)}


def _queries(rnd: random.Random) -> dict[str, Any]:
    """One filtered query of the kinds the page and analysts send."""
    first = date(2020, 1, 1) + timedelta(days=rnd.randrange(2000))
    kind = rnd.randrange(6)
    if kind == 0:
        return {"from": first.isoformat(), "to": (first + timedelta(days=30)).isoformat()}
    if kind == 1:
        lon, lat = 45 + rnd.random() * 7, 38.5 + rnd.random() * 5
        return {"bbox": f"{lon:.3f},{lat:.3f},{lon + 1:.3f},{lat + 1:.3f}"}
    if kind == 2:
        return {"event_type": rnd.choice(["Battles", "Air/drone strike", "Shelling/artillery/missile attack"]),
                "from": first.isoformat()}
    if kind == 3:
        return {"claimant": rnd.choice(["armenia", "aliyev", "azerbaijan"]), "disputed": "true"}
    if kind == 4:
        return {"country": "Azerbaijan", "min_sources": 2, "limit": 50}
    return {"q": f"district {rnd.randrange(300)}", "sort": "date"}


def _serve(url: str, port: int) -> None:  # the server process
    import uvicorn

    from frontwire.api import create_app

    uvicorn.run(create_app(Settings(db=url, progress=False)), host="127.0.0.1", port=port, log_level="error")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, process: multiprocessing.process.BaseProcess, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not process.is_alive():
            raise RuntimeError("the server process exited before it answered")
        try:
            if httpx.get(base + "/api/stats", timeout=30).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


def load_test(url: str, *, events: int = 100_000, seconds: float = 30, clients: int = 4,
              seed: int = 0) -> dict[str, Any]:
    """Fill the store at ``url``, serve it on a free loopback port, and send ``clients`` concurrent streams of
    filtered ``GET /api/events`` (half of them following the first page's cursor) for ``seconds`` (at most
    ``MAX_SECONDS``). Return requests per second, p50/p99/max latency in milliseconds and any errors."""
    import httpx

    seconds = min(float(seconds), MAX_SECONDS)
    figures: dict[str, Any] = {"store": url.split("@")[-1], **fill_store(url, events, seed=seed)}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = multiprocessing.get_context("spawn").Process(target=_serve, args=(url, port), daemon=True)
    process.start()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    try:
        _wait_until_up(base, process)
        stop_at = time.monotonic() + seconds

        def client(number: int) -> None:
            rnd = random.Random(seed * 100 + number)
            with httpx.Client(base_url=base, timeout=30) as http:
                while time.monotonic() < stop_at:
                    params = _queries(rnd)
                    for _page in range(2):
                        started = time.perf_counter()
                        response = http.get("/api/events", params=params)
                        elapsed = time.perf_counter() - started
                        with lock:
                            latencies.append(elapsed)
                            if response.status_code != 200:
                                errors.append(f"{response.status_code} {params}")
                        cursor = response.json().get("next_cursor") if response.status_code == 200 else None
                        if not cursor or rnd.random() < 0.5:
                            break
                        params = {**params, "cursor": cursor}

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        process.terminate()
        process.join(10)
    ordered = sorted(latencies)

    def percentile(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1) if ordered else float("nan")

    figures.update(seconds=round(wall, 1), clients=clients, requests=len(latencies),
                   requests_per_s=round(len(latencies) / wall, 1) if wall else None,
                   p50_ms=percentile(0.50), p99_ms=percentile(0.99), max_ms=percentile(1.0),
                   mean_ms=round(statistics.fmean(ordered) * 1000, 1) if ordered else None,
                   errors=len(errors), first_errors=errors[:3])
    return figures
