"""Articles with no gold: the negatives counter, the seeded draw of unlabeled events, and both on the command line."""

from __future__ import annotations

import gzip
import json

from frontwire.cli.main import main
from frontwire.evaluate.corpus import ArticleRun
from frontwire.evaluate.negatives import score_negatives
from frontwire.evaluate.unlabeled import read_unlabeled

from .conftest import event


def _runs() -> list[ArticleRun]:
    clash = event(sub_event_type="Armed clash", event_type="Battles", location="Green", admin1="Ohio",
                  country="United States", evidence=[{"text": "The forward fought back after the break."}])
    planned = event(sub_event_type="Peaceful protest", modality="planned", location="Leeds")
    return [ArticleRun("derby_report", "a.jsonl:1", events=[clash, clash]),
            ArticleRun("bake_off", "a.jsonl:2", set_aside=[planned]),
            ArticleRun("market_close", "a.jsonl:3"),
            ArticleRun("recipe", "a.jsonl:4")]


def test_negatives_count_events_per_article_and_show_each_offending_article():
    report = score_negatives(_runs())
    assert report.scores["events"] == 2 and report.scores["events_per_article"] == 0.5
    assert report.scores["articles_with_events"] == 1
    text = "\n".join(report.lines)
    assert "- derby_report: 2 events" in text
    assert "Armed clash at Green (Ohio, United States): 'The forward fought back after the break.'" in text
    assert "1 more reported as historical, planned or hypothetical (not counted)" in text
    assert "bake_off" not in text


def test_the_unlabeled_draw_is_the_same_for_the_same_seed_and_never_draws_set_aside_events():
    runs = [ArticleRun(f"a{n}", f"f:{n}", events=[event(sub_event_type=f"type {n}.{k}") for k in range(3)])
            for n in range(10)]
    first = read_unlabeled(runs, sample=5, seed=7)
    again = read_unlabeled(runs, sample=5, seed=7)
    other = read_unlabeled(runs, sample=5, seed=8)
    assert first.drawn == again.drawn and first.drawn != other.drawn
    assert len(first.drawn) == 5 and first.scores["events_per_article"] == 3.0
    assert len(read_unlabeled(_runs(), sample=40).drawn) == 2  # never more than there are, the planned one apart


def _write_gz(path, articles):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n, text in enumerate(articles):
            handle.write(json.dumps({"id": f"story{n}", "text": text, "published_at": "2021-05-02"}) + "\n")


def test_eval_negatives_reads_gzipped_jsonl_and_gates_events_per_article_with_a_ceiling(tmp_path, capsys):
    path = tmp_path / "quiet.jsonl.gz"
    _write_gz(path, ["The home side won the cup final 3-1 on Saturday after a late goal from their captain.",
                     "Bake the bread for forty minutes, then leave it to cool on a rack before slicing."])
    loose, impossible = tmp_path / "loose.json", tmp_path / "impossible.json"
    loose.write_text('{"negatives": {"events_per_article": {"at_most": 100}}}')
    impossible.write_text('{"negatives": {"events_per_article": {"at_most": -1}}}')
    assert main(["eval", "--negatives", str(path), "--floors", str(loose)]) == 0
    assert "2 articles where nothing should be coded" in capsys.readouterr().out
    assert main(["eval", "--negatives", str(path), "--floors", str(impossible)]) == 1
    assert "negatives: events_per_article" in capsys.readouterr().err


def test_eval_unlabeled_prints_events_per_article_and_the_draw(tmp_path, capsys):
    path = tmp_path / "feed.jsonl.gz"
    _write_gz(path, ["Police fired tear gas at hundreds of farmers who blocked the highway near Amritsar on "
                     "Saturday, police said."])
    assert main(["eval", "--unlabeled", str(path), "--sample", "3", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "1 articles:" in out and "drawn at random (seed 1)" in out


def test_a_missing_negatives_file_is_an_error_not_an_empty_report(tmp_path, capsys):
    assert main(["eval", "--negatives", str(tmp_path / "none.jsonl.gz")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_eval_with_nothing_to_score_is_a_usage_error(capsys):
    assert main(["eval"]) == 2
    assert "nothing to score" in capsys.readouterr().err
