"""The map page in real headless Chromium against the real app over the bundled examples.

What a user does: open the page with no network, see the events on the map and the list, drag across the
timeline to keep some days, open the disputed Tartar shelling to read both ministries' claims and the sentences
they came from, download what is shown. And what must never happen: a request leaving the machine, or an
article's markup running as script. The run writes screenshots of the map and of the detail panel to
``tests/web/screenshots/``; with ``FRONTWIRE_DOCS_SCREENSHOT=1`` it also writes the README's ``docs/screenshot.png``.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]' for Playwright").expect

ROOT = Path(__file__).resolve().parents[2]
DOCS_SCREENSHOT = ROOT / "docs" / "screenshot.png"

AZ_MOD, AM_MOD = "Ministry of Defence of Azerbaijan", "Ministry of Defence of Armenia"
# In frontwire/data/examples/karabakh_front_2020-11-02.txt: each ministry's sentence about Tartar.
TARTAR_SENTENCES = {
    AZ_MOD: "The ministry also said Armenian artillery fired on the town of Tartar overnight, damaging two houses.",
    AM_MOD: "Armenia's Defence Ministry denied that its forces had shelled Tartar",
}
# Written for this test: a report that codes to an event, with markup in its title and text that would run if the
# page ever put article text in as HTML.
HOSTILE_TITLE = 'Arrests in Yerevan <img src=x onerror="window.__pwned=3">'
HOSTILE_ARTICLE = (
    "Yerevan, November 12, 2020 - Police detained 40 protesters outside the government building in Yerevan on "
    "Thursday, the Interior Ministry said. <script>window.__pwned=1</script>\n\n"
    'Witnesses said the crowd <img src=x onerror="window.__pwned=2"> had blocked Baghramyan Avenue for two hours.'
)


def _api(base_url: str, path: str) -> dict:
    with urllib.request.urlopen(base_url + path, timeout=20) as response:
        return json.loads(response.read())


def _events_on_map(page) -> int:
    """Events the map shows: single markers plus the counts written in the clusters."""
    singles = page.locator("[data-testid=marker]").count()
    clustered = sum(int(text) for text in page.locator("[data-testid=cluster] span").all_text_contents())
    return singles + clustered


def test_page_shows_the_example_ledger_on_the_map_and_in_the_list_without_leaving_loopback(browsed, screenshots):
    page = browsed.page
    browsed.open()
    total = _api(browsed.base_url, "/api/events?limit=1")["total"]
    assert total >= 10
    expect(page.locator("[data-testid=event-item]")).to_have_count(total)
    expect(page.get_by_test_id("event-count")).to_have_text(f"{total} events")
    # Every example event has coordinates, so every one is on the map, alone or in a cluster.
    assert page.locator("[data-testid=marker]").count() > 0
    assert _events_on_map(page) == total
    assert page.locator("#timeline .tl-bar").count() == len(_api(browsed.base_url, "/api/stats")["by_day"])
    page.locator("#map").screenshot(path=str(screenshots / "map.png"))
    assert (screenshots / "map.png").stat().st_size > 10_000
    browsed.assert_clean()


def test_an_empty_ledger_says_how_to_fill_it(browsed_empty):
    page = browsed_empty.page
    browsed_empty.open()
    expect(page.get_by_test_id("event-count")).to_have_text("0 events")
    expect(page.get_by_test_id("event-list")).to_have_text("No events match these filters.")
    expect(page.get_by_test_id("status")).to_contain_text("frontwire ingest --examples")
    assert page.locator("[data-testid=marker], [data-testid=cluster], #timeline .tl-bar").count() == 0
    browsed_empty.assert_clean()


def test_clicking_a_marker_opens_its_event(browsed):
    page = browsed.page
    browsed.open()
    marker = page.locator("[data-testid=marker]").first
    event_id = marker.get_attribute("data-event-id")
    marker.click()
    expect(page.get_by_test_id("detail-panel")).to_have_attribute("data-state", "ready")
    expect(page.locator(f".event-item.selected[data-event-id='{event_id}']")).to_have_count(1)
    assert page.get_by_test_id("claim-card").count() >= 1
    browsed.assert_clean()


def test_brushing_the_timeline_keeps_only_those_days_in_the_list_and_on_the_map(browsed):
    page = browsed.page
    browsed.open()
    before = page.locator("[data-testid=event-item]").count()
    first = page.locator("#timeline .tl-bar[data-day='2020-11-01']").bounding_box()
    last = page.locator("#timeline .tl-bar[data-day='2020-11-11']").bounding_box()
    assert first and last, "the examples have events on 1 and 11 November 2020"
    y = last["y"] + last["height"] / 2
    page.mouse.move(first["x"] - 1, y)
    page.mouse.down()
    page.mouse.move((first["x"] + last["x"]) / 2, y, steps=4)
    page.mouse.move(last["x"] + last["width"] + 1, y, steps=4)
    page.mouse.up()
    label = page.get_by_test_id("range-label")
    expect(label).to_contain_text("→")
    date_from, date_to = (part.strip() for part in label.inner_text().split("→"))
    assert date_from <= "2020-11-01" and date_to >= "2020-11-11"
    expected = _api(browsed.base_url, f"/api/events?from={date_from}&to={date_to}&limit=1000")["events"]
    assert 0 < len(expected) < before
    items = page.locator("[data-testid=event-item]")
    expect(items).to_have_count(len(expected))
    assert {item.get_attribute("data-event-id") for item in items.all()} == {e["event_id"] for e in expected}
    assert _events_on_map(page) == len(expected)
    assert any(f"from={date_from}" in url and "/api/events" in url for url in browsed.requests)
    expect(page.get_by_test_id("download-acled")).to_have_attribute("href", f"/api/export?from={date_from}&to={date_to}&format=acled")
    page.locator("#range-clear").click()
    expect(items).to_have_count(before)
    browsed.assert_clean()


def test_tartar_shelling_shows_both_ministries_claims_and_their_sentences_highlighted(browsed, screenshots):
    page = browsed.page
    browsed.open()
    item = page.locator("[data-testid=event-item]", has_text="Tartar").filter(has_text="Shelling")
    event_id = item.get_attribute("data-event-id")
    item.click()
    panel = page.get_by_test_id("detail-panel")
    expect(panel).to_have_attribute("data-state", "ready")
    cards = page.get_by_test_id("claim-card")
    expect(cards).to_have_count(2)
    assert sorted(page.get_by_test_id("claimant").all_inner_texts()) == sorted([AM_MOD, AZ_MOD])
    assert sorted(page.get_by_test_id("modality").all_inner_texts()) == ["asserted", "denied"]
    expect(page.get_by_test_id("disputed-badge")).to_be_visible()
    text = page.get_by_test_id("document-text")
    expect(text).to_have_count(1)
    for card in cards.all():
        claimant = card.get_by_test_id("claimant").inner_text()
        claim_id = card.get_attribute("data-claim-id")
        marks = text.locator(f"mark[data-claim-ids~='{claim_id}']")
        assert " ".join(marks.all_inner_texts()).count("Tartar") >= 1
        highlighted = "".join(marks.evaluate_all("nodes => nodes.filter(n => n.matches('.primary')).map(n => n.textContent)"))
        assert TARTAR_SENTENCES[claimant] in highlighted, (claimant, highlighted)
    assert TARTAR_SENTENCES[AZ_MOD] in text.inner_text() and TARTAR_SENTENCES[AM_MOD] in text.inner_text()
    expect(page.get_by_test_id("disputes")).to_contain_text("modality")
    # Chosen from the list, the event's marker is brought into view on the map, close enough to name the places.
    expect(page.locator(f".fw-marker.selected[data-event-id='{event_id}']")).to_be_visible()
    expect(page.locator("#map")).to_have_class(re.compile(r"\bshow-place-names\b"))
    page.wait_for_timeout(500)  # the end of the map's pan
    page.screenshot(path=str(screenshots / "page.png"))
    # The README's view: the panel scrolled to both claims above their sentences highlighted in the article.
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.evaluate("""() => {
        const panel = document.getElementById("detail"), text = panel.querySelector(".doc-text");
        panel.scrollTop = text.offsetTop + text.offsetHeight - panel.clientHeight + 40; }""")
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "readme.png"))
    if os.environ.get("FRONTWIRE_DOCS_SCREENSHOT") == "1":
        DOCS_SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(screenshots / "readme.png", DOCS_SCREENSHOT)
    page.set_viewport_size({"width": 1440, "height": 1500})  # the whole panel, claims to losses
    panel.screenshot(path=str(screenshots / "detail.png"))
    assert (screenshots / "detail.png").stat().st_size > 10_000
    browsed.assert_clean()


def test_an_article_with_markup_is_shown_as_text_and_runs_no_script(browsed_writable, writable_server):
    page = browsed_writable.page
    base = browsed_writable.base_url
    body = json.dumps({"text": HOSTILE_ARTICLE, "title": HOSTILE_TITLE, "source": "frontwire test wire",
                       "published_at": "2020-11-12"}).encode()
    request = urllib.request.Request(base + "/api/documents", data=body, method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {writable_server.token}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        assert response.status == 201
        posted = json.loads(response.read())
    assert posted["claims"], "the test article must code to an event to be shown"
    doc_id = posted["document"]["id"]
    [event] = _api(base, "/api/events?q=Baghramyan")["events"]

    browsed_writable.open()
    page.locator(f"[data-testid=event-item][data-event-id='{event['event_id']}']").click()
    expect(page.get_by_test_id("detail-panel")).to_have_attribute("data-state", "ready")
    article = page.locator(f"[data-testid=document][data-doc-id='{doc_id}']")
    expect(article.get_by_test_id("document-title")).to_have_text(HOSTILE_TITLE)
    shown = article.get_by_test_id("document-text").inner_text()
    assert "<script>window.__pwned=1</script>" in shown
    assert '<img src=x onerror="window.__pwned=2">' in shown
    assert page.locator("#detail img, #detail script, #event-list img").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    browsed_writable.assert_clean()


def test_type_actor_and_claimant_filters_ask_the_api_and_narrow_the_list(browsed):
    page = browsed.page
    browsed.open()
    items = page.locator("[data-testid=event-item]")

    def ids(query: str) -> set[str]:
        return {e["event_id"] for e in _api(browsed.base_url, f"/api/events?{query}&limit=1000")["events"]}

    page.get_by_test_id("filter-type").select_option("event_type:Battles")
    expect(items).to_have_count(len(ids("event_type=Battles")))
    page.get_by_test_id("filter-type").select_option("")
    page.get_by_test_id("filter-claimant").fill("Ministry of Defence of Armenia")
    expected = ids("claimant=Ministry%20of%20Defence%20of%20Armenia")
    expect(items).to_have_count(len(expected))
    assert {item.get_attribute("data-event-id") for item in items.all()} == expected
    page.get_by_test_id("filter-claimant").fill("")
    page.get_by_test_id("filter-actor").fill("Taliban")
    expect(items).to_have_count(len(ids("actor=Taliban")))
    assert 0 < len(ids("actor=Taliban")) < len(ids("sort=date"))
    browsed.assert_clean()


def test_download_links_carry_the_current_filters(browsed):
    page = browsed.page
    browsed.open()
    page.get_by_test_id("filter-country").select_option("Azerbaijan")
    expect(page.locator("[data-testid=event-item]")).to_have_count(
        _api(browsed.base_url, "/api/events?country=Azerbaijan")["total"])
    for fmt in ("acled", "geojson", "parquet"):
        expect(page.get_by_test_id(f"download-{fmt}")).to_have_attribute(
            "href", f"/api/export?country=Azerbaijan&format={fmt}")
    page.get_by_test_id("filter-disputed").check()
    expect(page.locator("[data-testid=event-item]")).to_have_count(
        _api(browsed.base_url, "/api/events?country=Azerbaijan&disputed=true")["total"])
    expect(page.get_by_test_id("download-geojson")).to_have_attribute(
        "href", "/api/export?country=Azerbaijan&disputed=true&format=geojson")
    browsed.assert_clean()


@pytest.mark.parametrize("fmt", ["acled", "geojson", "parquet"])
def test_download_buttons_fetch_a_file_of_the_filtered_events(browsed, fmt):
    page = browsed.page
    browsed.open()
    page.get_by_test_id("filter-country").select_option("Azerbaijan")
    expect(page.get_by_test_id(f"download-{fmt}")).to_have_attribute("href", f"/api/export?country=Azerbaijan&format={fmt}")
    href = page.get_by_test_id(f"download-{fmt}").get_attribute("href")
    response = page.request.get(browsed.base_url + href)
    assert response.status == 200, f"GET {href}: {response.status} {response.text()[:300]}"
    assert "attachment" in response.headers.get("content-disposition", "")
    with page.expect_download() as download:
        page.get_by_test_id(f"download-{fmt}").click()
    assert download.value.suggested_filename.startswith("frontwire-events")
    path = Path(download.value.path())
    expected = _api(browsed.base_url, "/api/events?country=Azerbaijan")["total"]
    if fmt == "acled":
        with path.open(encoding="utf-8", newline="") as handle:
            countries = [row["country"] for row in csv.DictReader(handle)]
    elif fmt == "geojson":
        countries = [f["properties"]["country"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]]
    else:
        import pyarrow.parquet as pq

        countries = pq.read_table(path).column("country").to_pylist()
    assert len(countries) == expected and set(countries) == {"Azerbaijan"}
    browsed.assert_clean()
