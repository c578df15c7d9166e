"""``frontwire eval`` on folders of gold files: the table per article, the totals, the news gate."""

from __future__ import annotations

import pytest

from frontwire.cli.main import main
from frontwire.evaluate import load_floors

from .conftest import NEWS, NEWS_DEV


def test_a_folder_of_gold_files_is_scored_as_a_set_with_a_row_per_article(capsys):
    assert main(["eval", str(NEWS / "gold"), "--no-gate", "-v"]) == 0
    out = capsys.readouterr().out
    assert "== 2 gold articles" in out
    rows = [line for line in out.splitlines() if line.strip().startswith(("ambush_near_a", "teachers_march_in"))]
    assert len(rows) == 2
    for name in ("recall", "mean precision", "fatalities", "losses", "must-not violations"):
        assert name in out
    assert "== teachers_march_in (teachers_march_in_kharkiv.json)" in out  # -v: each article's details
    assert "not machine-checked (read it): no event for the march planned in Kyiv next week" in out


def test_several_gold_files_named_are_a_set_too(capsys):
    files = sorted(str(p) for p in (NEWS / "gold").glob("*.json"))
    assert main(["eval", *files, "--no-gate"]) == 0
    assert "== 2 gold articles" in capsys.readouterr().out


def test_a_missing_gold_folder_is_a_clear_failure(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nowhere")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_packaged_floors_hold_the_news_kind_with_a_ceiling_on_broken_rules():
    news = load_floors()["news"]
    assert news["must_not.violations"].ceiling
    assert not news["events.recall"].ceiling


@pytest.mark.slow
def test_the_news_development_articles_clear_their_floors(capsys):
    if not (NEWS_DEV / "gold").exists():
        pytest.skip("../shared/data/news is not beside the checkout")
    assert main(["eval", str(NEWS_DEV / "gold")]) == 0, capsys.readouterr().err
    assert "16 gold articles" in capsys.readouterr().out
