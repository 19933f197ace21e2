"""The runner: one Record or Failure per input, in input order, the pipeline loaded once per process."""

from __future__ import annotations

from eventwire.pipeline import ArticleInput, Failure
from eventwire.record import Record
from eventwire.runners import LocalRunner, PipelineConfig, extract_all, get_pipeline
from test_ingest import article


def test_results_in_input_order_with_failures_in_place():
    items = [ArticleInput(text=article(1), id="1"), Failure(None, "unreadable"), ArticleInput(text="  "),
             ArticleInput(text=article(2), id="2"), ArticleInput(text="x" * 50, published="not a date")]
    out = list(extract_all(items, chunk=2))
    assert [type(x) for x in out] == [Record, Failure, Failure, Record, Failure]
    assert out[0].input_id == "1" and out[3].input_id == "2"
    assert out[1].reason == "unreadable" and "empty" in out[2].reason and "date" in out[4].reason


def test_pipeline_loaded_once_per_process_and_memory_noted():
    cfg = PipelineConfig()
    assert get_pipeline(cfg) is get_pipeline(PipelineConfig())
    with LocalRunner(cfg, workers=1) as r:
        tags = [t for t, _ in r.map([("a", [ArticleInput(text=article(3))]), ("b", [ArticleInput(text=article(4))])])]
    assert tags == ["a", "b"]
    assert len(r.peak_rss_mb) == 1 and next(iter(r.peak_rss_mb.values())) > 0
