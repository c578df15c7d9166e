"""The news scorer on gold we wrote ourselves: matching, tolerated events, must-not rules, fields, losses, totals.

Events are written by hand in the form ``Claim.to_dict`` gives, so these tests pin the scorer, not extraction.
"""

from __future__ import annotations

import pytest

from frontwire.errors import GoldError
from frontwire.evaluate.article import describe, score_article
from frontwire.evaluate.news import news_scores

from .conftest import event, our_gold


def _march(**fields):
    """The Kharkiv teachers' march as extraction should code it."""
    return event(sub_event_type="Protest with intervention", event_type="Protests", event_date="2021-03-16",
                 location="Kharkiv", admin1="Kharkivska", country="Ukraine", latitude=49.98, longitude=36.25,
                 actor1_country="Ukraine", claimed_by="Regional police", fatalities=None) | fields


def _ambush(**fields):
    return event(sub_event_type="Armed clash", event_type="Battles", event_date="2021-03-19",
                 location="Baraki Barak", admin1="Logar", country="Afghanistan", latitude=33.97, longitude=68.95,
                 actor1_country="Afghanistan", claimed_by="Ministry of Defence of Afghanistan", fatalities=4) | fields


def test_an_event_of_an_accepted_type_at_the_gold_place_and_date_matches_with_every_field_right():
    score = score_article(our_gold("teachers_march_in_kharkiv"), [_march(sub_event_type="Peaceful protest")])
    assert score.recall == 1.0 and score.precision == 1.0
    assert all(score.verdicts[name]["teachers-march-kharkiv"] for name in ("event_date", "actor1_country",
                                                                          "claimed_by", "place"))


def test_district_level_gold_takes_another_town_of_its_admin1_but_never_a_namesake_abroad():
    gold = our_gold("ambush_near_a_checkpoint")
    nearby = _ambush(location="Pul-e Alam", latitude=33.99, longitude=69.02)  # Logar's capital, 7 km away
    same_province = _ambush(location="Azra", latitude=34.17, longitude=69.65)  # far, but in Logar
    abroad = _ambush(location="Baraki Barak", admin1="Sindh", country="Pakistan", latitude=25.0, longitude=68.0)
    assert score_article(gold, [nearby]).matches
    assert score_article(gold, [same_province]).matches
    assert not score_article(gold, [abroad]).matches


def test_a_date_a_day_off_is_paired_but_scored_as_a_wrong_date_not_as_a_miss():
    score = score_article(our_gold("teachers_march_in_kharkiv"), [_march(event_date="2021-03-15")])
    assert score.matches["teachers-march-kharkiv"][1] == "date off"
    assert score.verdicts["event_date"] == {"teachers-march-kharkiv": False}
    assert not score.spurious


def test_a_wrong_type_is_a_miss_and_a_spurious_event():
    score = score_article(our_gold("teachers_march_in_kharkiv"), [_march(sub_event_type="Violent demonstration")])
    assert not score.matches and score.spurious == [0] and score.precision == 0.0


def test_a_tolerated_extra_event_does_not_count_against_precision_and_a_prose_one_is_listed():
    gold = our_gold("teachers_march_in_kharkiv")
    arrests = _march(sub_event_type="Arrests", event_type="Strategic developments", location="Kharkiv City")
    score = score_article(gold, [_march(), arrests])
    assert score.tolerated == [1] and not score.spurious and score.precision == 1.0
    assert score.unchecked_tolerations == ["the caption coded as a second record of the same march"]
    assert any("tolerated, not machine-checked" in line for line in describe(score))


def test_a_duplicate_of_the_matched_event_is_spurious_and_the_better_copy_is_the_match():
    caption_copy = _march(claimed_by=None, confidence=0.9)
    score = score_article(our_gold("teachers_march_in_kharkiv"), [caption_copy, _march()])
    assert score.matches["teachers-march-kharkiv"][0] == 1  # the copy that names the police
    assert score.spurious == [0] and score.precision == 0.5


def test_must_not_rules_with_a_check_are_counted_and_those_without_are_listed():
    gold = our_gold("teachers_march_in_kharkiv")
    background = _march(event_date="2019-05-01", location="Kharkiv")  # breaks 'before'
    abroad = _march(location="Belgorod", admin1="Belgorod", country="Russia", fatalities=2)  # not_in and gt
    score = score_article(gold, [_march(), background, abroad])
    broken = {rule["check"]["field"] for rule, _ in score.broken}
    assert broken == {"event_date", "country", "fatalities"}
    assert [r["rule"] for r in score.unchecked_rules] == ["no event for the march planned in Kyiv next week"]
    assert news_scores([score])["must_not.violations"] == 3.0


def test_a_check_of_an_unknown_kind_is_an_error_not_a_silent_pass():
    gold = our_gold("teachers_march_in_kharkiv")
    gold["must_not"] = [{"rule": "odd", "check": {"field": "fatalities", "more_than": 3}}]
    with pytest.raises(GoldError, match="cannot read its check"):
        score_article(gold, [_march()])


def test_events_reported_as_background_or_plans_are_set_aside_not_spurious():
    planned = _march(modality="planned", location="Kyiv", event_date="2021-03-24")
    score = score_article(our_gold("teachers_march_in_kharkiv"), [_march()], [planned])
    assert score.precision == 1.0 and score.set_aside == [planned]
    assert any("set aside (planned)" in line for line in describe(score))


def test_fatalities_and_losses_are_counted_against_every_gold_item():
    gold = our_gold("ambush_near_a_checkpoint")
    pickup = {"side": "Afghanistan", "category": "vehicle", "item": "pickup truck", "count": 1, "status": "captured"}
    right = score_article(gold, [_ambush(losses=[pickup])])
    assert right.fatalities == {"checkpoint-ambush-baraki-barak": True}
    assert len(right.losses_found) == 1 and not right.losses_missing
    missed = score_article(gold, [])
    assert missed.fatalities == {"checkpoint-ambush-baraki-barak": False}  # unmatched counts as wrong
    totals = news_scores([right, missed])
    assert totals["fatalities.exact"] == 0.5 and totals["losses.recall"] == 0.5


def test_mean_precision_is_over_articles_that_emitted_events_and_recall_over_all_gold_events():
    march, ambush = our_gold("teachers_march_in_kharkiv"), our_gold("ambush_near_a_checkpoint")
    half = score_article(march, [_march(), _march(location="Odesa", admin1="Odesa", latitude=46.48,
                                                  longitude=30.72)])
    silent = score_article(ambush, [])
    totals = news_scores([half, silent])
    assert totals["events.recall"] == 0.5
    assert totals["events.mean_precision"] == 0.5  # the silent article is left out, not counted as 0 or 1
