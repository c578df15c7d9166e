"""spaCy parses a bounded amount of text at once (its working memory grows with a batch's length), every text
once and in order."""

from __future__ import annotations

from frontwire.nlp import _batches, parse


def test_batches_hold_at_most_so_many_texts_and_characters():
    texts = ["a" * 10] * 5 + ["b" * 100] + ["c" * 10] * 3
    batches = list(_batches(texts, 4, 45))
    assert [t for b in batches for t in b] == texts
    assert all(len(b) <= 4 for b in batches)
    # past its first text a batch stays within the characters; a text longer than that goes alone
    assert all(len(b) == 1 or sum(map(len, b)) <= 45 for b in batches)
    assert ["b" * 100] in batches


def test_parse_yields_one_doc_per_text_in_order_across_batches():
    texts = ["Rebels shelled the town.", "x" * 300, "Police arrested two men in Gyumri.", "", "Talks resumed."]
    docs = list(parse(texts, batch_size=2, batch_chars=50))
    assert [d.text for d in docs] == texts


def test_a_long_text_is_parsed_in_pieces_into_one_doc_of_the_whole_text():
    from frontwire.nlp import _pieces, parse_one

    text = "\n".join(f"Rebels shelled the town of Tartar on day {i}, officials in Baku said." for i in range(12))
    pieces = list(_pieces(text, 120))
    assert "".join(pieces) == text and len(pieces) == 12
    assert all(p.endswith("\n") for p in pieces[:-1])  # cut at line breaks

    doc = next(parse([text], batch_chars=120))
    assert doc.text == text
    whole = parse_one(text)  # the same text parsed at once: a line is a sentence either way
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents]
    assert [(e.text, e.label_, e.start_char) for e in doc.ents] == [(e.text, e.label_, e.start_char) for e in whole.ents]


def test_a_line_longer_than_a_piece_is_cut_at_a_space_or_else_anywhere():
    from frontwire.nlp import _pieces

    words = "word " * 50
    assert all(p.endswith(" ") and len(p) <= 120 for p in list(_pieces(words, 120))[:-1])
    assert "".join(_pieces(words, 120)) == words
    assert [len(p) for p in _pieces("x" * 250, 120)] == [120, 120, 10]


def test_a_text_longer_than_spacys_own_limit_is_parsed():
    from frontwire.nlp import load_nlp

    limit = load_nlp().max_length
    line = "Police dispersed a crowd outside the ministry on Monday.\n"
    text = line * (limit // len(line) + 2)
    doc = next(parse([text]))
    assert len(doc.text) == len(text) > limit


# our own sentences: a short note, a longer text, and one that names no entity at all
NAMED = ["On 2 May, Taliban fighters attacked a police post in Kunduz city, Afghanistan.",
         "Police in Minsk detained dozens of protesters near Independence Square on Sunday, the Viasna group said. "
         "Svetlana Tikhanovskaya called from Vilnius for a new march.",
         "a quiet day"]


def test_entities_held_back_from_short_texts_are_the_ones_the_batch_would_have_found():
    from frontwire.nlp import entities

    eager = [entities(doc) for doc in parse(NAMED)]
    assert eager[0] and eager[1] and not eager[2]
    deferred = list(parse(NAMED, entities_from=100))  # the first and last are short, the middle one long
    assert [doc.has_annotation("ENT_IOB") for doc in deferred] == [False, True, False]
    assert [entities(doc) for doc in deferred] == eager
    assert all(doc.has_annotation("ENT_IOB") for doc in deferred)  # recognised once, when first asked
    assert [entities(doc) for doc in deferred] == eager


def test_a_coders_note_that_names_its_country_is_coded_without_its_entities():
    from frontwire.config import Settings
    from frontwire.pipeline import Pipeline, clean_item
    from frontwire.records import RawDocument

    note = "On 2 May 2021, Taliban fighters attacked a police post in Kunduz city, Kunduz province, Afghanistan."
    document = clean_item(RawDocument(id="n1", text=note, origin="test"))
    pipeline = Pipeline(Settings(progress=False))
    eager = [c.to_dict() for c in pipeline.claims_for_document(document, next(parse([document.text])))]
    doc = next(parse([document.text], entities_from=1500))
    deferred = [c.to_dict() for c in pipeline.claims_for_document(document, doc)]
    assert deferred == eager and eager[0]["country"] == "Afghanistan"
    assert not doc.has_annotation("ENT_IOB")  # its stages never asked for the entities
