"""The codebook file: complete, checked when read, and applied by one loop in its precedence order."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwire.extract.acled import (
    CODEBOOK_PATH,
    SUB_EVENT_TYPES,
    CodebookError,
    EventType,
    SubEventType,
    load_codebook,
    trigger_lines,
)
from frontwire.extract.subevent import CONTEXT_TESTS, codebook, type_by_rules
from frontwire.extract.triggers import find_triggers


def test_codebook_has_every_sub_event_type_with_triggers_and_a_note():
    book = codebook()
    assert {str(t) for t in book.types} == set(SUB_EVENT_TYPES) and len(SUB_EVENT_TYPES) == 25
    for spec in book.types.values():
        assert spec.pattern.pattern != r"(?!x)x", f"{spec.name} has no trigger"
        assert "{loc}" in spec.note, f"{spec.name}'s note names no place"


def test_every_precedence_line_names_known_tests_and_every_type_can_win():
    book = codebook()
    named = {t for d in book.precedence for t in (*d.needs, *d.unless)}
    assert named <= set(CONTEXT_TESTS)
    winners = {d.becomes for d in book.precedence}
    assert winners == set(SubEventType)


def test_related_types_are_symmetric():
    book = codebook()
    for spec in book.types.values():
        for other in spec.related:
            assert spec.name in book.types[other].related, f"{spec.name} -> {other} is one-way"
    assert book.related("Armed clash", "Shelling/artillery/missile attack")
    assert not book.related("Peaceful protest", "Air/drone strike")


def test_trigger_lines_skip_comments_and_expand_fragments():
    block = "# a comment\n\\bfoo\n\n  %X%bar\n"
    assert trigger_lines(block, {"X": "(?:a|b)"}) == [r"\bfoo", "(?:a|b)bar"]
    with pytest.raises(CodebookError, match="unknown fragment"):
        trigger_lines("%NOPE%", {})


def test_a_misspelt_type_or_test_is_refused_when_the_codebook_is_read(tmp_path: Path):
    text = CODEBOOK_PATH.read_text(encoding="utf-8")
    bad_type = tmp_path / "type.toml"
    bad_type.write_text(text.replace('fired = ["Grenade"]', 'fired = ["Grenades"]'), encoding="utf-8")
    with pytest.raises(CodebookError, match="Grenades"):
        load_codebook(bad_type)
    bad_test = tmp_path / "test.toml"
    bad_test.write_text(text.replace('needs = ["crowd"]', 'needs = ["crowds"]', 1), encoding="utf-8")
    with pytest.raises(CodebookError, match="crowds"):
        load_codebook(bad_test, tests=frozenset(CONTEXT_TESTS))


def test_event_types_in_the_file_match_the_taxonomy():
    for spec in codebook().types.values():
        assert isinstance(spec.event_type, EventType)


@pytest.mark.parametrize(("text", "expected"), [
    # decisive types win over anything else in the sentence
    ("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", "Suicide bomb"),
    # the gravest form of a demonstration decides
    ("Police fired tear gas to disperse protesters who had gathered outside parliament.", "Protest with intervention"),
    ("Protesters threw stones at the police during the rally.", "Violent demonstration"),
    # small arms make a clash even with a mortar named
    ("The two sides exchanged fire with small arms and one mortar round.", "Armed clash"),
    ("Artillery shelled the outskirts of the town overnight.", "Shelling/artillery/missile attack"),
    # who takes the place decides the territory type
    ("Rebels captured the town after a night of fighting.", "Non-state actor overtakes territory"),
])
def test_precedence_decides_between_types_that_fire_together(text: str, expected: str):
    assert len(find_triggers(text)) >= 1
    typing = type_by_rules(text)
    assert typing is not None and typing.sub_event_type == expected


def test_an_arrest_without_a_political_actor_in_view_is_no_event():
    assert type_by_rules("A man was arrested for stealing a bicycle from a shop.") is None
    typing = type_by_rules("Police arrested the opposition leader at his home.")
    assert typing is not None and typing.sub_event_type == "Arrests"


def test_unreported_words_are_blanked_with_their_offsets_kept():
    from frontwire.extract.triggers import blank_unreported

    text = "Riot police held back the crowd as the city braced for potential riots."
    blanked = blank_unreported(text)
    assert len(blanked) == len(text)
    assert "police held back the crowd" in blanked and "Riot" not in blanked and "riots" not in blanked
    # a riot that happened, and an arrest that was made, are kept
    assert blank_unreported("The march turned into a riot.") == "The march turned into a riot."
    assert "arrested" in blank_unreported("Police arrested 12 protesters after the rally.")
    assert "arrested" not in blank_unreported("Protesters who stay will be arrested, police warned.")


@pytest.mark.parametrize("text", [
    "Officers in riot gear lined the route of the march.",
    "The capital is bracing for riots ahead of the verdict.",
    "Police threatened to arrest anyone who joined the rally.",
])
def test_no_trigger_fires_on_unreported_words(text: str):
    fired = {h.sub_event_type for h in find_triggers(text)}
    assert not fired & {"Violent demonstration", "Protest with intervention", "Arrests", "Armed clash"}, fired


def test_the_shipped_model_was_trained_with_todays_unreported_words():
    # the blanked words shape the rules' votes the model learnt from: a change to them must retrain it
    import json

    from frontwire.extract.classifier import MODEL_PATH
    from frontwire.extract.triggers import unreported_digest

    manifest = json.loads(MODEL_PATH.with_name("subevent.manifest.json").read_text(encoding="utf-8"))
    assert manifest["facts"].get("unreported_words") == unreported_digest(), \
        "the codebook's [unreported] words changed: rerun `python scripts/train_classifier.py` and commit the model"


@pytest.mark.parametrize("text", [
    "Police watched the march in Lyon but made no arrests.",
    "No arrests were made at the rally in Lyon on Sunday, police said.",
    "Nobody was detained at the rally in Lyon on Sunday.",
])
def test_an_arrest_said_not_to_have_happened_makes_no_intervention(text):
    typing = type_by_rules(text)
    assert typing is not None and typing.sub_event_type == "Peaceful protest"
