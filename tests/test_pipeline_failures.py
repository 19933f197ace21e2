"""A bug that raises inside a stage sinks only the article it struck: the others of the run come out, in order, and
that one is a Failure that says so (never a traceback, never a lost run)."""

from __future__ import annotations

import pytest

from eventwire import pipeline as pipeline_mod
from eventwire.pipeline import ArticleInput, Failure

pytestmark = pytest.mark.filterwarnings("ignore:.*W036")


def test_an_error_inside_a_stage_fails_only_its_article(pipeline, monkeypatch):
    real = pipeline_mod.events_stage.find_events

    def find_events(doc, inputs, *args, **kwargs):  # a fault injected into the real stage for one article
        if "Gondor" in doc.text:
            raise OverflowError("date value out of range")
        return real(doc, inputs, *args, **kwargs)

    monkeypatch.setattr(pipeline_mod.events_stage, "find_events", find_events)
    items = [ArticleInput(text="Kenya recalled its ambassador from Uganda on Monday.", published="2024-03-20"),
             ArticleInput(text="Gondor recalled its ambassador from Mordor on Monday.", published="2024-03-20"),
             ArticleInput(text="Chile summoned the Peruvian ambassador on Monday.", published="2024-03-20")]
    got = list(pipeline.extract_many(items))
    assert [type(r).__name__ for r in got] == ["Record", "Failure", "Record"]
    assert isinstance(got[1], Failure) and got[1].input is items[1]
    assert "internal error" in got[1].reason and "OverflowError" in got[1].reason
    assert [e.cameo[:2] for e in got[0].events] == ["16"] and [e.cameo[:2] for e in got[2].events] == ["11"]


@pytest.mark.parametrize("verbose", [False, True])
def test_an_error_inside_eventwire_is_one_line_and_exit_2_on_the_command_line(tmp_path, monkeypatch, capsys, verbose):
    from eventwire.cli import main

    def find_events(doc, inputs, *args, **kwargs):  # the same fault, on the one-article path of `eventwire extract`
        raise OverflowError("date value out of range")

    monkeypatch.setattr(pipeline_mod.events_stage, "find_events", find_events)
    art = tmp_path / "gondor.txt"
    art.write_text("Gondor recalled its ambassador from Mordor on Monday.\n")
    rc = main((["-v"] if verbose else []) + ["extract", str(art), "--published", "2024-03-20"])
    out, err = capsys.readouterr()
    assert rc == 2 and out == ""
    last = err.strip().splitlines()[-1]
    assert last.startswith("eventwire: internal error (OverflowError: date value out of range); this is a bug")
    assert ("Traceback" in err) == verbose  # the traceback only when asked for
