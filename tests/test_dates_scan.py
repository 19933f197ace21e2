"""The date scanner finds exactly what running every pattern over the whole text finds (``dates._scan`` tries most
patterns only around their key words: these tests fail if it misses a match or finds one the patterns do not)."""

import random

import pytest

from eventwire import dates


def _reference(text: str) -> list[tuple[str, int, int]]:
    """Every pattern's ``finditer`` over the whole text, ordered as ``_scan`` orders its candidates."""
    found = [(kind, m.start(), m.end(), prio) for prio, (kind, pat) in enumerate(dates._grammar().patterns)
             for m in pat.finditer(text) if m.end() > m.start()]
    found.sort(key=lambda c: (c[1], -(c[2] - c[1]), c[3]))
    return [(kind, s, e) for kind, s, e, _ in found]


def _scanned(text: str) -> list[tuple[str, int, int]]:
    return [(c.kind, c.start, c.end) for c in dates._scan(text)]


@pytest.mark.parametrize("text", [
    "On Monday, the 5th of May 2024, talks resumed.",
    "Monday,   \n\n   the 5th   of\n  May,  2024",  # white space of any length between the words of a date
    "in mid-March, late-2023 and end-March; the second half of 2023",
    "FY2023, FY 2023, fiscal year 2024, Q3 2023, H1 2022 and fiscal 2021",
    "the 1990s, the ’90s, the '80s and the early 2000s",
    "’5 May and abc’6 June and ‘Monday, 7 July’",  # a match may start right after a quote inside a word
    "March16 and Jan. 5, 2024 and Sept. 3 and 16th of March",
    "last week, next month, this year, the weekend, over the weekend, two weeks ago, several days ago",
    "yesterday, the day before yesterday, earlier today, last night, this morning, Today",
    "in recent weeks, in the coming days, soon, shortly, in the near future, Recently",
    "this past Saturday, this coming Friday, early on Sunday, Saturday night, SATURDAY",
    "last summer, next winter, the spring of 2023, late autumn",
    "2024-03-16 and 03/04/2024 and 16/3/2024 and A2024-01-01",
    "May the 4th, MAY 2024, August last year, June this year",
    "(1648) and in 1848 and 2,000 troops and 2012.5 and #2020 and $2021",
    "",
    "no dates here at all",
])
def test_scan_finds_what_every_pattern_finds(text):
    assert _scanned(text) == _reference(text)


def test_scan_on_random_runs_of_date_words():
    """Random runs of the grammar's words, numbers, key words, other words and separators: the scanner must agree with
    the full-text patterns on every one."""
    w = dates.time_words()
    vocab = sorted(dates._grammar().words) + [p for kind in ("month", "month_abbr", "weekday", "day_word", "vague",
                                                             "modifier", "season") for p in w[kind]]
    other = ["said", "troops", "in", "on", "the", "of", "talks", "Day", "Good", "USA", "percent", "GMT", "%", "s",
             "'s", "’", "(", ")", "\"", "’5", "x’", "A2024", "1990s", "’90s", "20", "31st", "2024", "1850", "03/04/24",
             "2024-01-31", "Q3", "FY2023", "FY", "mid-", "-"]
    seps = [" ", " ", " ", ", ", ",", ".", ". ", "-", "/", "\n", "  \n ", "\t", ""]
    rng = random.Random(20261130)
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 9)):
            word = rng.choice(vocab if rng.random() < 0.6 else other)
            style = rng.random()
            word = word.title() if style < 0.3 else word.upper() if style < 0.4 else word
            parts.append(word + rng.choice(seps))
        text = "".join(parts)
        assert _scanned(text) == _reference(text), text


def test_key_starts_walks_back_over_the_words_a_match_holds():
    g = dates._grammar()
    text = "He said on Monday, the 5th of May"
    starts = dates._key_starts(text, g)
    # the month's key reaches back through "of", "5th", "the" and the weekday, and stops at "said"
    assert text.index("Monday") in starts["dmy"]
    assert text.index("the") in starts["dmy"]
    assert text.index("He") not in starts["dmy"] and text.index("said") not in starts["dmy"]
