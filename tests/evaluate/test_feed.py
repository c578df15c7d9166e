"""The general-feed score on a feed of our own: counts, precision and recall as the docstring defines them."""

from __future__ import annotations

import json

from frontwire.evaluate.feed import score


def test_the_feed_score_counts_events_and_agreement_with_the_labels(tmp_path):
    stories = [
        ("p", 1, "Hundreds of teachers marched to parliament in Cape Town on Tuesday to demand higher pay."),
        ("m", 0, "Shares in the bank rose 0.8 percent to 930 pence on Monday, helping rally the sector."),
        ("s", 0, "The Lions beat the Stormers 41-22 in their derby clash in the rugby league on Saturday."),
        ("c", 1, "A court heard on Monday that the union had not asked the city for a permit last year."),
    ]
    path = tmp_path / "feed.json"
    path.write_text("".join(json.dumps({"id": i, "label": label, "text": text}) + "\n"
                            for i, label, text in stories), encoding="utf-8")
    result = score(path, ("South Africa",))
    assert (result["stories"], result["with_events"], result["labelled"]) == (4, 1, 2)
    assert (result["precision"], result["recall"]) == (1.0, 0.5)
    assert result["types"] == {"Peaceful protest": 1} and result["strays"] == []
