"""A small corpus of our own invention for the engine tests: short reports of protests, attacks, captures and
losses (so that merged events, control of places and losses are all exercised), one happening told by two outlets,
an exact copy of a report (stored once), and inputs that fail: an empty file, a binary file, a page with no
article, a broken JSONL line. Plain files take their publication date from ``PUBLISHED``. ``stored`` reads back
everything a store holds, so that two stores can be compared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from frontwire.store import open_store
from frontwire.store.events import merge_stored

PUBLISHED = "2024-03-05"

PLAIN = (
    "Police fired tear gas at protesters in Lahore on Tuesday, officials said.",
    "Hundreds of traders marched through Karachi on Tuesday to protest against new taxes, witnesses said.",
    "Gunmen attacked a police checkpoint in Peshawar on Monday, killing two officers, the district police chief said.",
    "A roadside bomb exploded near a market in Quetta on Monday, wounding four people, police said.",
)

FEED = (
    ("2020-10-20", "Ministry of Defence of Azerbaijan",
     "Units of the Azerbaijan Army took control of Soltanli village of Jabrayil district on October 19, the Ministry "
     "of Defence said."),
    ("2020-10-20", "Ministry of Defence of Azerbaijan",
     "During the day on October 19, the Azerbaijan Army destroyed three BM-21 Grad launchers and six howitzers of "
     "the Armenian forces in the Fuzuli direction. Up to 20 Armenian servicemen were killed."),
    ("2020-10-20", "Ministry of Defence of Armenia",
     "The Armenian Defence Ministry on Tuesday denied that Azerbaijani forces had captured Soltanli. The village "
     "remains under the control of Armenian forces, a spokesman said."),
    ("2020-10-20", "Armenpress",
     "Azerbaijani forces shelled Martuni on Monday, damaging a school and several houses, local officials said."),
    ("2021-02-02", "Sahel Wire",
     "Rebels seized the town of Menaka on Monday after heavy fighting with the Malian army, a rebel spokesman said."),
    ("2022-05-10", "Kharkiv Daily",
     "Russian artillery shelled the village of Vovchansk on Monday, killing one civilian, the regional governor "
     "said."),
    ("2023-07-18", "Coast Herald",
     "Kenyan police arrested 30 protesters in Mombasa on Monday during a demonstration over fuel prices, police "
     "said."),
    ("2023-07-18", "Nairobi Star",
     "Thousands of people rallied peacefully in Nairobi on Monday against rising food prices, organisers said."),
    ("2019-06-13", "Nile Post",
     "Soldiers opened fire on demonstrators in Khartoum on Wednesday, killing three people, a doctors' committee "
     "said."),
    ("2019-06-13", "Tigris News",
     "Fighters of the Islamic State attacked an army base near Kirkuk on Wednesday, killing four soldiers, "
     "security sources said."),
    # the Lahore protest of the plain files, told by another outlet: one event of two claims
    (PUBLISHED, "Second Post",
     "Police used tear gas to disperse protesters in Lahore on Tuesday, a police spokesman said."),
)


def write_corpus(folder: Path) -> Path:
    """Write the corpus into ``folder`` (plain files, a JSONL feed, the bad inputs) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(PLAIN):
        (folder / f"report_{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    lines = [json.dumps({"id": f"feed-{n:02d}", "published_at": published, "source": source, "text": text})
             for n, (published, source, text) in enumerate(FEED)]
    lines.insert(5, "{this line is not JSON")
    lines.append(lines[-1])  # the same report twice: stored once
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "menu.html").write_text("<html><body><nav>Home | World | Sport</nav></body></html>", encoding="utf-8")
    return folder


def stored(url: str) -> dict[str, Any]:
    """What the store holds, ingest times left out: documents, claims, failures (in the order they were noted),
    the merged events with their claims, and the ledger's control of places and losses."""
    from frontwire.ledger import control_timeline, loss_tallies

    with open_store(url) as store:
        def rows(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in store._execute(sql).fetchall()]

        events = merge_stored(store)
        return {
            "documents": rows("SELECT content_hash, doc_id, version_key, version, status, origin, record "
                              "FROM documents ORDER BY content_hash"),
            "claims": rows("SELECT claim_id, content_hash, doc_id, record FROM claims ORDER BY claim_id"),
            "failures": rows("SELECT origin, stage, reason, doc_id FROM failures ORDER BY id"),
            "events": rows("SELECT event_id, record FROM event_records ORDER BY event_id"),
            "event_claims": rows("SELECT claim_id, event_id FROM event_claims ORDER BY claim_id"),
            "control": control_timeline(events),
            "losses": loss_tallies(events),
        }
