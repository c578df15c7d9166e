"""How merging scales: synthetic claims of a long war, merged at growing sizes.

The claims imitate what the pipeline produces over months of news: happenings at villages spread over many
districts and days, each reported by one to six documents that copy or contradict one another (a related
sub-event type, a date a day off, a district-level version, a denial). Timing several sizes shows whether the
cost per claim stays flat (near-linear) as the ledger grows.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from typing import Any

from frontwire.ledger.merge import Ledger, merge_claims
from frontwire.records import Claim

_TYPES = (
    ("Battles", "Armed clash", "Political violence"),
    ("Battles", "Government regains territory", "Political violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
)
_SIDES = (("Military Forces of Azerbaijan", "Azerbaijan"), ("Military Forces of Armenia", "Armenia"))
_CLAIMANTS = ("Ministry of Defence of Azerbaijan", "Ministry of Defence of Armenia", "Ilham Aliyev",
              "Artsrun Hovhannisyan", None)
_OUTLETS = ("Anadolu Agency", "TRT World", "Daily Sabah", "APA", "Armenpress", "Reuters", "AFP", "News.am")


def synthetic_claims(n_claims: int, seed: int = 0) -> list[Claim]:
    """About ``n_claims`` claims: happenings reported 1-6 times each, density kept like a real war's news
    (a few hundred districts, one happening per village every few weeks), so blocks stay small."""
    rnd = random.Random(seed)
    districts = [(f"District {i}", 38.5 + (i // 20) * 0.35, 45.0 + (i % 20) * 0.35) for i in range(300)]
    villages = [(f"Village {d}-{v}", name, lat + rnd.random() * 0.3, lon + rnd.random() * 0.3, f"syn:{d}-{v}")
                for d, (name, lat, lon) in enumerate(districts) for v in range(12)]
    first_day = date(2020, 1, 1)
    days = max(30, n_claims // 40)  # the corpus covers more days as it grows, as news archives do
    claims: list[Claim] = []
    happening = 0
    while len(claims) < n_claims:
        happening += 1
        location, admin1, lat, lon, place_id = rnd.choice(villages)
        kind = rnd.choice(_TYPES)
        day = first_day + timedelta(days=rnd.randrange(days))
        attacker, defender = rnd.sample(_SIDES, 2)
        for report in range(rnd.choice((1, 1, 2, 2, 3, 4, 6))):
            doc = f"doc-{happening}-{report}"
            shift = timedelta(days=rnd.choice((0, 0, 0, 1)))
            roll = rnd.random()
            coarse = roll < 0.1  # the district only
            front = roll < 0.02  # "along the whole front": the country only
            related = rnd.random() < 0.15 and kind[1] in ("Armed clash", "Shelling/artillery/missile attack")
            this_kind = _TYPES[2 if kind[1] == "Armed clash" else 0] if related else kind
            claimant = rnd.choice(_CLAIMANTS)
            claims.append(Claim(
                claim_id=f"c{happening:07d}-{report}", doc_id=doc, event_type=this_kind[0],
                sub_event_type=this_kind[1], disorder_type=this_kind[2],
                event_date=day + shift, date_start=day, date_end=day + shift, time_precision=1,
                actor1=attacker[0], actor1_country=attacker[1], actor2=defender[0], actor2_country=defender[1],
                country="Azerbaijan", admin1=None if front else admin1,
                location="Azerbaijan" if front else admin1 if coarse else location,
                latitude=None if coarse else lat, longitude=None if coarse else lon,
                geo_precision=3 if front else 2 if coarse else 1, place_id=None if coarse else place_id,
                fatalities=rnd.choice((None, None, rnd.randrange(10))), claimed_by=claimant,
                claim_chain=tuple(x for x in (claimant, rnd.choice(_OUTLETS)) if x),
                reported_by=rnd.choice(_OUTLETS), modality="denied" if rnd.random() < 0.05 else "asserted",
                confidence=0.5,
            ))
    return claims[:n_claims]


def benchmark_merge(n_claims: int = 100_000, seed: int = 0, *, incremental: bool = True,
                    repeat: int = 1) -> dict[str, Any]:
    """Time ``merge_claims`` on synthetic claims at 10k, 30k and ``n_claims`` (sizes above ``n_claims``
    are left out); report wall and CPU seconds, claims per CPU second and events per size, and ``growth``:
    the CPU time per claim at the largest size over that at the smallest (about 1 for linear cost). With ``incremental``,
    also time a ``Ledger`` fed the largest set 100 claims at a time, and check it equals the batch.
    ``repeat`` > 1 keeps the fastest of that many runs per size (a shared machine's noise only adds time)."""
    sizes = sorted({s for s in (10_000, 30_000, 100_000) if s < n_claims} | {n_claims})
    claims = synthetic_claims(max(sizes), seed)
    runs: list[dict[str, Any]] = []
    for size in sizes:
        batch = claims[:size]
        seconds = cpu = float("inf")
        for _ in range(max(1, repeat)):
            started, started_cpu = time.perf_counter(), time.process_time()
            events = merge_claims(batch)
            seconds = min(seconds, time.perf_counter() - started)
            cpu = min(cpu, time.process_time() - started_cpu)
        # CPU time is what the cost model is about; wall time also counts other processes on the machine.
        runs.append({"claims": size, "events": len(events), "seconds": round(seconds, 3),
                     "cpu_seconds": round(cpu, 3), "claims_per_second": round(size / cpu) if cpu else None,
                     "us_per_claim": round(cpu / size * 1e6, 1)})
    first, last = float(runs[0]["us_per_claim"]), float(runs[-1]["us_per_claim"])
    growth = last / first if first else None
    figures: dict[str, Any] = {"seed": seed, "runs": runs, "growth": round(growth, 2) if growth else None}
    if incremental:
        ledger = Ledger()
        started, started_cpu = time.perf_counter(), time.process_time()
        for position in range(0, len(claims), 100):
            ledger.add(claims[position:position + 100])
        seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        figures["incremental"] = {"claims": len(claims), "chunk": 100, "seconds": round(seconds, 3),
                                  "cpu_seconds": round(cpu, 3),
                                  "equals_batch": ledger.events() == events}
    return figures


if __name__ == "__main__":  # python -m frontwire.ledger.bench [N [REPEAT]]
    import json
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print(json.dumps(benchmark_merge(size, repeat=repeats), indent=1))
