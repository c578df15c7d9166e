"""Cleaning scraped articles: the seed as text, as HTML and as JSONL comes out as a reader would see it."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pytest

from frontwire.clean import clean_raw
from frontwire.clean.boilerplate import classify_line
from frontwire.clean.text import clean_text
from frontwire.records import RawDocument

SEED_TITLE = "Azerbaijan retakes more villages from Armenian occupation – Aliyev"
SEED_HEADINGS = ["Armenian army losses", "Third Su-25 downed", "Civilian killings"]
CAPTION_START = "Armenian forces were forced to retreat after suffering losses in personnel and military vehicles"
CAPTION_END = "according to the Azerbaijani Defence Ministry. November 2, 2020."


def wrap_in_html(text: str) -> str:
    """A small news page around an article: navigation, cookie banner, share buttons, footer."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    title, body = paragraphs[0], []
    for paragraph in paragraphs[1:]:
        tag = "h2" if paragraph in SEED_HEADINGS else "p"
        body.append(f"<{tag}>{html.escape(paragraph)}</{tag}>")
    return (f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            "<div>We use cookies. Accept all cookies or read our privacy policy.</div>"
            f"<article><h1>{html.escape(title)}</h1>{''.join(body)}</article>"
            "<div class='share'>Share Tweet</div><footer>© Example Outlet</footer></body></html>")


def assert_clean_seed(document) -> None:
    text = document.text
    assert document.title == SEED_TITLE
    assert document.published_at == date(2020, 11, 2)
    for debris in ("READ MORE", "Loading...", "Route 6"):
        assert debris not in text
    assert not re.search(r"(?m)^AA$", text) and not re.search(r"\bAA\s*$", text)
    assert CAPTION_END not in text  # the caption lives in captions, once, never in the body
    assert any(c.startswith(CAPTION_START) for c in document.captions)
    assert [h.text for h in document.headings] == SEED_HEADINGS
    for heading in document.headings:
        assert text[heading.start:heading.end] == heading.text
    assert "Ilhan Aliyev said on Twitter" in text
    assert document.status == "ok" and document.language == "en"


def test_seed_as_plain_text_comes_out_clean_with_inferred_date(seed_text):
    document = clean_raw(RawDocument(id=None, text=seed_text, origin="seed.txt"))
    assert_clean_seed(document)
    assert document.published_at_source in {"caption", "caption+weekday", "dateline", "text date"}
    reasons = {r.reason for r in document.removed}
    assert {"read more link", "loader", "navigation debris", "photo credit"} <= reasons


def test_seed_in_html_page_comes_out_clean(seed_text):
    document = clean_raw(RawDocument(id=None, html=wrap_in_html(seed_text), origin="seed.html"))
    assert_clean_seed(document)
    assert "cookies" not in document.text and "Home" not in document.text


def test_seed_in_jsonl_line_comes_out_clean(seed_text, tmp_path, settings):
    from frontwire.ingest import iter_raw_documents

    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "seed-1", "text": seed_text}) + "\n", encoding="utf-8")
    [raw] = list(iter_raw_documents([str(path)], settings))
    document = clean_raw(raw)
    assert document.id == "seed-1"
    assert_clean_seed(document)


def test_given_publication_date_wins_over_inference(seed_text):
    document = clean_raw(RawDocument(id=None, text=seed_text, published_at="2020-11-03", origin="seed.txt"))
    assert document.published_at == date(2020, 11, 3) and document.published_at_source == "given"


@pytest.mark.parametrize("line, reason", [
    ("READ MORE: Ceasefire talks resume", "read more link"),
    ("Loading...", "loader"),
    ("Share", "share buttons"),
    ("Facebook Twitter WhatsApp", "share buttons"),
    ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookie notice"),
    ("Advertisement", "advertisement"),
    ("AA", "photo credit"),
    ("Photo: Reuters", "photo credit"),
    ("Loading... Route 6", "navigation debris"),
    ("© 2020 Example Media. All rights reserved.", "copyright line"),
])
def test_page_debris_is_recognised(line, reason):
    assert classify_line(line) == reason


@pytest.mark.parametrize("line", [
    "Armenian army losses",
    "The ministry said three soldiers were killed.",
    "Azerbaijan shot down another Armenian Su-25 fighter jet.",
    "UN Security Council resolutions demand a withdrawal of forces.",
])
def test_article_lines_are_kept(line):
    assert classify_line(line) is None


def test_heading_is_marked_only_when_body_follows():
    cleaned = clean_text("A title line\n\nFirst paragraph of the story.\n\nSection two\n\nMore of the story here.\n\nRoute 9")
    assert cleaned.title == "A title line"
    assert [h.text for h in cleaned.headings] == ["Section two"]
    assert "Route 9" not in cleaned.text


def test_caption_followed_by_credit_is_kept_once_outside_text():
    raw = ("Title of the story\n\nSoldiers walk past a destroyed tank near the front. May 4, 2021.\nAFP\n\n"
           "Fighting continued on Tuesday near the town, officials said.")
    cleaned = clean_text(raw)
    assert cleaned.captions == ("Soldiers walk past a destroyed tank near the front. May 4, 2021.",)
    assert "destroyed tank" not in cleaned.text


def test_non_english_document_is_marked_unsupported():
    text = ("Die Armee hat am Montag mehrere Dörfer in der Region eingenommen, teilte das Verteidigungsministerium "
            "in einer schriftlichen Erklärung mit. Die Kämpfe dauerten die ganze Nacht an.")
    document = clean_raw(RawDocument(id="de-1", text=text, origin="de.txt"))
    assert document.status == "unsupported_language"
    assert document.language == "de"
    assert "English" in document.error


def test_html_without_article_is_no_article():
    page = "<html><body><nav><a href='/'>Home</a></nav><div>Login</div></body></html>"
    document = clean_raw(RawDocument(id=None, html=page, origin="empty.html"))
    assert document.status == "no_article"
    assert "empty.html" in document.error


def test_story_paragraph_before_a_closing_credit_stays_in_the_text():
    raw = ("Title of the story\n\nTroops clashed with rebels near the town on Monday, the army said.\n\n"
           "Separately, a mine hit a truck on the road to the border on Tuesday, wounding two drivers, police said.\n"
           "Photo: File")
    cleaned = clean_text(raw)
    assert "a mine hit a truck" in cleaned.text
    assert cleaned.captions == ()
    assert [r.reason for r in cleaned.removed] == ["photo credit"]


# Short texts: an OSINT post, a wire flash or a video caption is the whole article

@pytest.mark.parametrize("text", [
    "Tank hit on the outskirts of a town",
    "Sports field damaged in a city",
    "Strike on a residential complex reportedly results in multiple fatalities",
    "BREAKING: Explosions heard over Odesa",
    "Armed men seize two trucks on the road to Kidal",
])
def test_one_line_report_is_the_article(text):
    document = clean_raw(RawDocument(id="flash", text=text, origin="flash.txt"))
    assert document.status == "ok"
    assert document.text == text and document.title is None
    assert document.removed == ()


def test_post_with_a_hashtag_line_keeps_its_report_line():
    document = clean_raw(RawDocument(id="post", text="Drone strike hits a depot in Kherson\n#Ukraine #Kherson",
                                     origin="post.txt"))
    assert document.status == "ok"
    assert document.text == "Drone strike hits a depot in Kherson"
    assert [(r.text, r.reason) for r in document.removed] == [("#Ukraine #Kherson", "hashtag line")]


def test_headline_and_one_sentence_keep_the_sentence_as_text():
    document = clean_raw(RawDocument(id="brief", text="Clashes near Kidal\nTwo soldiers were killed, the army said.",
                                     origin="brief.txt"))
    assert document.title == "Clashes near Kidal"
    assert document.text == "Two soldiers were killed, the army said."


def test_wire_flash_label_line_is_the_report_not_a_title():
    text = "URGENT: Gunmen storm a police post in Djibo\nThree officers were killed, a security source said."
    document = clean_raw(RawDocument(id="flash", text=text, origin="flash.txt"))
    assert document.title is None
    assert document.text.split("\n\n") == text.split("\n")


def test_caption_only_input_is_the_caption():
    caption = "Smoke rises over Khartoum after an air strike. April 15, 2023."
    document = clean_raw(RawDocument(id="caption", text=f"{caption}\nAFP", origin="caption.txt"))
    assert document.status == "ok"
    assert document.text == caption and document.captions == ()
    assert [(r.text, r.reason) for r in document.removed] == [("AFP", "photo credit")]


def test_repeated_one_line_report_is_kept_once():
    document = clean_raw(RawDocument(id="dup", text="Shelling in Kupiansk\n\nShelling in Kupiansk", origin="dup.txt"))
    assert document.text == "Shelling in Kupiansk" and document.title is None


def test_given_title_repeated_as_the_only_line_is_also_the_text():
    document = clean_raw(RawDocument(id="t", text="Shelling in Kupiansk", title="Shelling in Kupiansk", origin="t"))
    assert document.status == "ok" and document.text == "Shelling in Kupiansk"
    assert document.title == "Shelling in Kupiansk"


@pytest.mark.parametrize("text", [
    "Loading...",
    "READ MORE: Ceasefire talks resume",
    "Share Tweet\nLoading...",
    "Facebook Twitter WhatsApp\nAdvertisement\n© 2024 Example Media",
    "#Ukraine #Kherson",
])
def test_page_of_nothing_but_debris_still_has_no_article(text):
    document = clean_raw(RawDocument(id=None, text=text, origin="debris.txt"))
    assert document.status == "no_article" and document.text == ""
    assert "debris.txt: nothing is left once page debris is removed" in document.error
    assert len(document.removed) == len(text.split("\n"))


def test_short_lines_after_a_story_are_still_page_debris():
    cleaned = clean_text("Title line\n\nTroops shelled the town on Monday, officials said.\n\nMore Stories\n\nWeather")
    assert cleaned.text == "Troops shelled the town on Monday, officials said."
    assert [r.text for r in cleaned.removed] == ["More Stories", "Weather"]
