"""A small scorer for quote gold files (the format of tests/data/quotes_hard.jsonl), used by the quote tests.

A gold quote is found when a predicted quote's text contains its content (quote marks stripped); attributed when the
speaker matches too: the predicted quote's actor name or speaker_text contains or equals the gold speaker
(case-insensitive). `eventwire eval` applies the same rules to whole files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MARKS = "\"'“”‘’«»„‚‹›"


def load_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    attributed: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        g = max(self.gold, 1)
        return (f"{self.gold} gold quotes: found {self.found} ({self.found / g:.0%}), "
                f"attributed {self.attributed} ({self.attributed / g:.0%})")


def score_case(case: dict, quotes: Iterable, actor_names: dict[str, str], score: Score) -> None:
    quotes = list(quotes)
    for g in case["expected_quotes"]:
        score.gold += 1
        content = _norm((g.get("content") or "").strip().strip(MARKS).strip())
        spk = _norm(g.get("speaker") or "")
        hits = [q for q in quotes if content and content in _norm(q.text)] if content else quotes
        if content and hits:
            score.found += 1
        ok = False
        for q in hits:
            names = [_norm(q.speaker_text or ""), _norm(actor_names.get(q.speaker or "", ""))]
            if spk and any(spk and (spk == n or spk in n) for n in names if n):
                ok = True
                break
        if not content and ok:
            score.found += 1
        if ok:
            score.attributed += 1
        else:
            score.misses.append(f"{case['id']}: {g.get('speaker')!r} {g.get('content', '')[:50]!r}")


# -- the scorer's own rules -------------------------------------------------------------------------------------------

def _q(text: str, speaker_text: str | None, speaker: str | None = None):
    from eventwire.record import Quote

    return Quote(id="q1", text=text, start=0, end=len(text), direct=True, speaker=speaker, speaker_text=speaker_text)


def test_found_needs_containment_without_marks_and_attributed_needs_the_speaker():
    case = {"id": "t", "expected_quotes": [{"speaker": "Singh", "cue": "said", "content": "“We will win,”"}]}
    s = Score()
    score_case(case, [_q("We will win, and soon", "Sabrina Singh")], {}, s)
    assert (s.gold, s.found, s.attributed) == (1, 1, 1)
    s = Score()
    score_case(case, [_q("We will win", "Sabrina Singh")], {}, s)  # the gold's comma is missing: not contained
    assert (s.found, s.attributed) == (0, 0)
    s = Score()
    score_case(case, [_q("We will win,", "He", speaker="a1")], {"a1": "Sabrina Singh"}, s)  # via the actor name
    assert (s.found, s.attributed) == (1, 1)
    s = Score()
    score_case(case, [_q("We will win,", "the minister")], {}, s)
    assert (s.found, s.attributed, len(s.misses)) == (1, 0, 1)
