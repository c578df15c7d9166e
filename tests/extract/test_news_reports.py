"""News reports of our own writing: the mistakes a human coder would not make."""

from __future__ import annotations

from datetime import date

from frontwire.extract import extract_frames
from frontwire.extract.subevent import type_by_rules

from .conftest import note


def test_police_as_source_do_not_make_an_abduction_an_attack(parse):
    text = ("Armed men kidnapped nine traders from a lorry near Gusau in Nigeria's Zamfara state on Friday, "
            "police said on Saturday.\n\nPolice said they were searching the forest for the kidnapped traders.")
    assert type_by_rules(text).sub_event_type == "Abduction/forced disappearance"
    frames = extract_frames(note(text, published=date(2021, 3, 6)), parse(text), use_packaged=False)
    assert frames and frames[0].sub_event_type == "Abduction/forced disappearance"
    assert frames[0].actor2 and frames[0].actor2.startswith("Civilians")


def test_police_victims_still_block_the_abduction_reading():
    text = "Gunmen kidnapped two policemen at a checkpoint near Gusau on Friday."
    typing = type_by_rules(text)
    assert typing is None or typing.sub_event_type != "Abduction/forced disappearance"
