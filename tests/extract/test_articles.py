"""Articles read sentence by sentence: background, headings, claims and their chain, odd inputs."""

from __future__ import annotations

from datetime import date

from frontwire.extract import extract_frames
from frontwire.records import Document, Removed, Span

ARTICLE = (
    "Ruritanian army retakes hill\n\n"
    "The war began in 1998 when rebels seized the town of Strelsau.\n\n"
    "Shelling\n\n"
    "\"Rebel forces shelled our positions near Zenda with mortars overnight,\" the Ruritanian Defence Ministry "
    "said in a statement on Monday, as quoted by Reuters.\n\n"
    "READ MORE: Talks resume in Vienna\n"
)


def _document(**kw) -> Document:
    text = kw.pop("text", ARTICLE)
    start = text.index("Shelling\n")
    return Document(id="a", text=text, published_at=date(2024, 3, 5), source="Daily Example",
                    headings=(Span("Shelling", start, start + 8),), **kw)


def test_background_and_headings_are_not_events(parse):
    document = _document()
    frames = extract_frames(document, parse(document.text), use_packaged=False)
    assert [f.sub_event_type for f in frames] == ["Shelling/artillery/missile attack"]
    frame = frames[0]
    assert frame.place_names[0].text == "Zenda"
    assert frame.claimed_by == "Ministry of Defence of Ruritania" or frame.claimed_by.startswith("Ministry of Defence")
    assert frame.claim_chain[-2:] == ("Reuters", "Daily Example")
    assert all("READ MORE" not in e.text for e in frame.evidence)


def test_photo_credit_agency_joins_the_chain(parse):
    document = _document(removed=(Removed("AFP", "photo credit"),))
    frames = extract_frames(document, parse(document.text), use_packaged=False)
    assert "Agence France-Presse" in frames[0].claim_chain


def test_denied_claim_keeps_its_modality(parse):
    text = ("Officials spoke on Tuesday.\n\nThe interior ministry of Georgia denied that police shelled the village "
            "of Nikozi with mortars on Monday.\n\nMore talks are planned.\n\nNothing else happened.\n\n"
            "The weather was cold.\n")
    document = Document(id="d", text=text, published_at=date(2024, 3, 5))
    frames = extract_frames(document, parse(text), use_packaged=False)
    assert frames and frames[0].modality == "denied"


def test_empty_failed_and_shouting_inputs_do_not_break(parse):
    assert extract_frames(Document(id="e", text=""), parse(""), use_packaged=False) == []
    failed = Document(id="f", text="Rebels attacked the town of Kidal.", status="failed")
    assert extract_frames(failed, parse(failed.text), use_packaged=False) == []
    loud = "GUERRILLAS ATTACKED A POLICE POST IN SAN MIGUEL, KILLING 3 POLICEMEN."
    frames = extract_frames(Document(id="l", text=loud), parse(loud), use_packaged=False)
    assert isinstance(frames, list)


WIRE = (
    "Strikes and protests\n\n"
    "Russian forces shelled residential areas of Kharkiv overnight, killing three civilians and wounding 12, "
    "regional governor Oleh Syniehubov said on Telegram on Tuesday.\n\n"
    "Russia's defence ministry said its forces had captured the village of Novoselivka in the Donetsk region.\n\n"
    "Thousands of protesters rallied in Lviv on Tuesday evening, and police arrested several demonstrators who "
    "blocked a highway.\n\n"
    "The war began in February 2022.\n"
)


def test_wire_story_actors_claimants_and_places(parse):
    document = Document(id="w", text=WIRE, published_at=date(2024, 8, 13), source="Example Wire")
    frames = {f.sub_event_type: f for f in extract_frames(document, parse(WIRE), use_packaged=False)}
    shelling = frames["Shelling/artillery/missile attack"]
    assert shelling.actor1_country == "Russia" and shelling.fatalities == 3
    assert shelling.claimed_by == "Oleh Syniehubov" and shelling.place_names[0].text == "Kharkiv"
    capture = frames["Government regains territory"]
    assert capture.actor1_country == "Russia" and capture.claimed_by == "Ministry of Defence of Russia"
    assert capture.place_names[0].text == "Novoselivka" and capture.place_context[0].text == "Donetsk"
    protest = frames["Protest with intervention"]
    assert protest.actor1.startswith("Protesters") and protest.actor2.startswith("Police Forces of")
    assert protest.claimed_by == "Example Wire" and protest.inter1 == 6
