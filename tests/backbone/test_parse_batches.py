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
