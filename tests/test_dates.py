"""Time expressions: a sentence table resolved against publication dates, bare-string resolve(), offsets, the founding
article. The publication date of most rows is Monday 2024-03-18 (the founding article's)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire import dates
from eventwire.dates import find_times, resolve, time_words

MON = dt.date(2024, 3, 18)  # a Monday
THU = dt.date(2024, 3, 21)
SUN = dt.date(2024, 3, 17)
JAN = dt.date(2024, 1, 10)
DEC = dt.date(2023, 12, 28)


@pytest.fixture(scope="module")
def nlp():
    """The stock model the pipeline is built on (the pipeline's own rulers only add entity labels)."""
    from eventwire.nlp import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


# (sentence, published, phrase the expression contains, expected value, expected granularity)
ROWS = [
    # weekdays, news convention: most recent on or before publication
    ("Niger's junta announced on Saturday that it had canceled the agreement.", MON, "Saturday", "2024-03-16", "day"),
    ("The Pentagon said on Monday that the officials traveled to Niamey.", MON, "Monday", "2024-03-18", "day"),
    ("The ministers met on Friday.", MON, "Friday", "2024-03-15", "day"),
    ("The ministers met on Tuesday.", MON, "Tuesday", "2024-03-12", "day"),
    ("Rebels attacked the town on Saturday night.", MON, "Saturday night", "2024-03-16", "day"),
    ("Fighting broke out early Sunday in the capital.", MON, "early Sunday", "2024-03-17", "day"),
    ("Officials met Monday morning.", MON, "Monday morning", "2024-03-18", "day"),
    ("Police said Wednesday that three people died.", THU, "Wednesday", "2024-03-20", "day"),
    ("Police said Thursday that three people died.", THU, "Thursday", "2024-03-21", "day"),
    ("The talks collapsed last Monday.", MON, "last Monday", "2024-03-11", "day"),
    ("The talks collapsed last Friday.", MON, "last Friday", "2024-03-15", "day"),
    ("Voters went to the polls this past Sunday.", MON, "Sunday", "2024-03-17", "day"),
    ("Saturday's vote was peaceful.", MON, "Saturday", "2024-03-16", "day"),
    # weekdays in a future clause: the coming one
    ("The ministers will meet on Friday.", MON, "Friday", "2024-03-22", "day"),
    ("He said on Saturday that talks would resume on Tuesday.", MON, "Tuesday", "2024-03-19", "day"),
    ("He said on Saturday that talks would resume on Tuesday.", MON, "Saturday", "2024-03-16", "day"),
    ("Talks will resume next Monday.", MON, "next Monday", "2024-03-25", "day"),
    ("The vote is scheduled for Thursday.", MON, "Thursday", "2024-03-21", "day"),
    ("The president plans to visit Niger on Friday.", MON, "Friday", "2024-03-22", "day"),
    ("The delegation is meeting the minister on Wednesday.", MON, "Wednesday", "2024-03-20", "day"),
    ("The army is going to withdraw on Sunday.", THU, "Sunday", "2024-03-24", "day"),
    ("He told the Sunday Telegraph on Friday that he would resign.", MON, "Friday", "2024-03-15", "day"),
    ("The talks resume Friday.", MON, "Friday", "2024-03-22", "day"),
    ("The election is on Sunday.", MON, "Sunday", "2024-03-24", "day"),
    ("Biden says Monday he will run.", MON, "Monday", "2024-03-18", "day"),
    ("Ukraine says Russia attacked on Saturday.", MON, "Saturday", "2024-03-16", "day"),
    ("Officials say the attack on Saturday killed 12.", MON, "Saturday", "2024-03-16", "day"),
    # day words
    ("The army said yesterday that 12 soldiers died.", MON, "yesterday", "2024-03-17", "day"),
    ("Protests continued last night.", MON, "last night", "2024-03-17", "day"),
    ("The president will travel tomorrow.", MON, "tomorrow", "2024-03-19", "day"),
    ("Parliament votes today on the budget.", MON, "today", "2024-03-18", "day"),
    ("The leaders will speak tonight.", SUN, "tonight", "2024-03-17", "day"),
    ("Shelling resumed early today.", MON, "early today", "2024-03-18", "day"),
    ("Rebels struck yesterday morning.", MON, "yesterday morning", "2024-03-17", "day"),
    # weeks
    ("The officials traveled to Niamey last week.", MON, "last week", "2024-03-11", "week"),
    ("The officials traveled to Niamey last week.", THU, "last week", "2024-03-11", "week"),
    ("Troops withdrew earlier this week.", THU, "earlier this week", "2024-03-18", "week"),
    ("The summit opens this week.", MON, "this week", "2024-03-18", "week"),
    ("They are meeting next week.", MON, "next week", "2024-03-25", "week"),
    ("The accord was signed two weeks ago.", MON, "two weeks ago", "2024-03-04", "week"),
    ("They met last weekend.", MON, "last weekend", "2024-03-11", "week"),
    ("Clashes erupted this weekend.", SUN, "this weekend", "2024-03-11", "week"),
    ("The vote will happen this weekend.", MON, "this weekend", "2024-03-18", "week"),
    # days ago
    ("The accord was signed three days ago.", MON, "three days ago", "2024-03-15", "day"),
    ("The accord was signed 10 days ago.", MON, "10 days ago", "2024-03-08", "day"),
    ("The strike happened a day ago.", MON, "a day ago", "2024-03-17", "day"),
    # months, relative
    ("Exports fell last month.", MON, "last month", "2024-02", "month"),
    ("Exports fell last month.", JAN, "last month", "2023-12", "month"),
    ("Troops arrived earlier this month.", MON, "earlier this month", "2024-03", "month"),
    ("The summit is planned for later this month.", MON, "later this month", "2024-03", "month"),
    ("Elections will be held next month.", DEC, "next month", "2024-01", "month"),
    ("The accord was signed six months ago.", MON, "six months ago", "2023-09", "month"),
    # month names
    ("The prime minister visited Iran in January.", MON, "January", "2024-01", "month"),
    ("The prime minister visited Iran in March.", MON, "March", "2024-03", "month"),
    ("The prime minister visited Iran in December.", MON, "December", "2023-12", "month"),
    ("The election was held in May.", MON, "May", "2023-05", "month"),
    ("The army will hold elections in January.", MON, "January", "2025-01", "month"),
    ("Elections are due in December.", MON, "December", "2024-12", "month"),
    ("The army says it wants elections in December.", MON, "December", "2024-12", "month"),
    ("The junta seized power last July.", MON, "last July", "2023-07", "month"),
    ("The junta seized power last March.", MON, "last March", "2023-03", "month"),
    ("Talks resume next January.", DEC, "next January", "2024-01", "month"),
    ("He visited Paris in mid-March.", MON, "mid-March", "2024-03", "month"),
    ("Prices rose in early January.", MON, "early January", "2024-01", "month"),
    ("Troops have been deployed since February.", MON, "February", "2024-02", "month"),
    ("The country is under curfew since April.", MON, "April", "2023-04", "month"),
    ("January's election was violent.", MON, "January", "2024-01", "month"),
    ("The truce held until the end of February.", MON, "February", "2024-02", "month"),
    ("The law takes effect in January.", MON, "January", "2025-01", "month"),
    ("Supplies ran out by end-March.", MON, "end-March", "2024-03", "month"),
    # month and year
    ("The foreign minister visited Tehran in October 2023.", MON, "October 2023", "2023-10", "month"),
    ("The coup took place in July 2023.", None, "July 2023", "2023-07", "month"),
    ("The plan dates from late September 2021.", MON, "September 2021", "2021-09", "month"),
    ("The report covers Dec. 2022.", MON, "Dec. 2022", "2022-12", "month"),
    # full dates
    ("The ceasefire took effect on March 16, 2024.", MON, "March 16, 2024", "2024-03-16", "day"),
    ("The ceasefire took effect on 16 March 2024.", MON, "16 March 2024", "2024-03-16", "day"),
    ("The ceasefire took effect on the 16th of March 2024.", MON, "16th of March 2024", "2024-03-16", "day"),
    ("The ceasefire took effect on March 16.", MON, "March 16", "2024-03-16", "day"),
    ("The ceasefire took effect on 2024-03-16.", MON, "2024-03-16", "2024-03-16", "day"),
    ("The ceasefire took effect on 2024-03-16.", None, "2024-03-16", "2024-03-16", "day"),
    ("The coup took place on July 26, 2023.", None, "July 26, 2023", "2023-07-26", "day"),
    ("On Saturday, March 16, rebels attacked.", MON, "Saturday, March 16", "2024-03-16", "day"),
    ("The rally on Dec. 30 was dispersed.", JAN, "Dec. 30", "2023-12-30", "day"),
    ("Elections will be held on January 5.", DEC, "January 5", "2024-01-05", "day"),
    ("He was born on 3/16/1980.", MON, "3/16/1980", "1980-03-16", "day"),
    ("The order came on 25/12/2023.", MON, "25/12/2023", "2023-12-25", "day"),
    # years
    ("Niger canceled a 2012 defense cooperation agreement with the US.", MON, "2012", "2012", "year"),
    ("The agreement was signed in 2012.", MON, "2012", "2012", "year"),
    ("The agreement was signed in 2012.", None, "2012", "2012", "year"),
    ("Since 2015, the army has ruled.", MON, "2015", "2015", "year"),
    ("The 2012 elections were disputed.", MON, "2012", "2012", "year"),
    ("The war began in late 2023.", MON, "late 2023", "2023", "year"),
    ("Growth slowed in early 2024.", MON, "early 2024", "2024", "year"),
    ("Elections were held last year.", MON, "last year", "2023", "year"),
    ("Inflation rose this year.", MON, "this year", "2024", "year"),
    ("The army will withdraw next year.", MON, "next year", "2025", "year"),
    ("The treaty was signed five years ago.", MON, "five years ago", "2019", "year"),
    ("The crisis started last summer.", MON, "last summer", "2023", "year"),
    ("The deal was reached in the summer of 2023.", MON, "summer of 2023", "2023", "year"),
    ("The kingdom fell in 1648.", MON, "1648", "1648", "year"),
    # found on the peer suites' sentences
    ("He said in a rare interview late on Friday that reform will not be rushed.", MON, "Friday", "2024-03-15", "day"),
    ("The curfew was eased after a June 30 coup toppled the government.", MON, "June 30", "2023-06-30", "day"),
    ("The opposition won in November 17 municipal elections.", MON, "November 17", "2023-11-17", "day"),
    ("The talks happened in August last year.", MON, "August last year", "2023-08", "month"),
    ("The vote takes place in May next year.", MON, "May next year", "2025-05", "month"),
    ("Protesters rallied over the weekend.", MON, "the weekend", "2024-03-11", "week"),
    ("Protesters will rally over the weekend.", MON, "the weekend", "2024-03-18", "week"),
    ("He served as minister from 1991-1995.", MON, "1995", "1995", "year"),
    ("A curfew followed fraud claims in Sunday's local elections.", MON, "Sunday", "2024-03-17", "day"),
    ("On 7 October 2023, Hamas attacked Israel.", MON, "7 October 2023", "2023-10-07", "day"),
    ("On March 16, 2024, the junta spoke.", None, "March 16, 2024", "2024-03-16", "day"),
    ("The minister arrived on Monday, March 11.", MON, "Monday, March 11", "2024-03-11", "day"),
    ("MONDAY, 18 MARCH 2024 — Protests erupted.", None, "18 MARCH 2024", "2024-03-18", "day"),
    ("The company reported Q3 2023 results in November.", MON, "Q3 2023", "2023", "year"),
    ("Spending rose in fiscal 2023.", MON, "2023", "2023", "year"),
    ("The Treaty of Westphalia (1648) ended the war.", MON, "1648", "1648", "year"),
    ("The law expires at the end of 2025.", MON, "2025", "2025", "year"),
    ("The group claimed 1,200 attacks in the first half of 2023.", MON, "2023", "2023", "year"),
    ("Since the July 26 coup, the junta has ruled by decree.", MON, "July 26", "2023-07-26", "day"),
    # no publication date: relative ones kept, value null
    ("Niger's junta announced on Saturday that it had canceled the agreement.", None, "Saturday", None, None),
    ("The officials traveled to Niamey last week.", None, "last week", None, None),
    ("The prime minister visited Iran in January.", None, "January", None, None),
    ("The ceasefire took effect on March 16.", None, "March 16", None, None),
    ("The army said yesterday that 12 soldiers died.", None, "yesterday", None, None),
    ("The accord was signed three days ago.", None, "three days ago", None, None),
    # vague points and decades: kept, value null
    ("In the 1990s the country was at peace.", MON, "1990s", None, None),
    ("Unrest grew in the mid-1980s.", MON, "1980s", None, None),
    ("Talks resumed recently.", MON, "recently", None, None),
    ("Troops will leave soon.", MON, "soon", None, None),
    ("Attacks have increased in recent weeks.", MON, "in recent weeks", None, None),
    ("The treaty was signed several years ago.", MON, "several years ago", None, None),
    ("The order came on 04/05/2020.", MON, "04/05/2020", None, None),
]

# Sentences with no time expression at all (durations, counts, clock times, names, modal "may").
NONE = [
    "It deployed 2,000 troops and 2000 vehicles.",
    "Some 1500 soldiers were killed.",
    "The meeting started at 10:30 and ended at 12:00.",
    "Security Council Resolution 1973 authorised force.",
    "The conflict has lasted for decades and five years.",
    "In the past week, 40 people died.",
    "Over the last month prices rose.",
    "You may leave now.",
    "Theresa May said so.",
    "He spoke on Good Friday.",
    "Voters backed Super Tuesday candidates.",
    "USA Today reported the attack.",
    "Prices rose 2012 percent.",
    "Flight 2024 landed safely.",
    "Protesters march through the capital.",
    "The company paid $2015 in fines.",
    "Temperatures fall in the evening.",
    "Around 1900 people were displaced.",
    "Protesters gather every Friday.",
    "The Sunday Times reported the deal.",
    "Workers marched on May Day.",
    "Rents rise each January.",
    "Turnout was 1994 votes higher.",
    "The bill was passed 216-214.",
    "The army will withdraw by the end of the month.",
    "Independence came 63 years later.",
]


def _pick(times, phrase):
    for t in times:
        if phrase in t.text or t.text in phrase:
            return t
    return None


@pytest.mark.parametrize(("sentence", "published", "phrase", "value", "granularity"), ROWS,
                         ids=[f"{i:03d}-{r[2]}-{r[1]}" for i, r in enumerate(ROWS)])
def test_table(nlp, sentence, published, phrase, value, granularity):
    doc = nlp(sentence)
    times = find_times(doc, published)
    t = _pick(times, phrase)
    assert t is not None, f"no time expression for {phrase!r} in {times}"
    assert sentence[t.start:t.end] == t.text
    assert (t.value, t.granularity) == (value, granularity)


@pytest.mark.parametrize("sentence", NONE)
def test_not_times(nlp, sentence):
    assert find_times(nlp(sentence), MON) == ()


def test_table_size():
    assert len(ROWS) >= 60


@pytest.mark.parametrize(("sentence", "text"), [
    ("The junta announced on Saturday that it had acted.", "on Saturday"),
    ("A curfew followed fraud claims in Sunday's local elections.", "Sunday"),
    ("The opposition won in November 17 municipal elections.", "November 17"),
    ("The prime minister visited Iran in January.", "in January"),
    ("He left in 2012.", "in 2012"),
    ("The minister visited Tehran in October 2023.", "in October 2023"),
    ("In early January, prices rose.", "In early January"),
    ("Troops have been deployed since February.", "February"),
    ("The officials traveled last week.", "last week"),
    ("Rebels attacked the town on Saturday night.", "on Saturday night"),
])
def test_span_text(nlp, sentence, text):
    """Leading "on"/"in" is part of a weekday/month/year span; other prepositions are not."""
    assert [t.text for t in find_times(nlp(sentence), MON)] == [text]


def test_value_null_iff_granularity_null(nlp):
    for sentence, pub, *_ in ROWS:
        for t in find_times(nlp(sentence), pub):
            assert (t.value is None) == (t.granularity is None)
            if t.granularity == "day":
                dt.date.fromisoformat(t.value)
            elif t.granularity == "week":
                assert dt.date.fromisoformat(t.value).weekday() == 0
            elif t.granularity == "month":
                assert re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", t.value)
            elif t.granularity == "year":
                assert re.fullmatch(r"\d{4}", t.value)


# -- resolve() on a bare string --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    ("on Saturday", MON, ("2024-03-16", "day")),
    ("on Monday", MON, ("2024-03-18", "day")),
    ("will meet on Friday", MON, ("2024-03-22", "day")),
    ("next Friday", MON, ("2024-03-22", "day")),
    ("last week", MON, ("2024-03-11", "week")),
    ("in January", MON, ("2024-01", "month")),
    ("in January", "2024-03-18", ("2024-01", "month")),
    ("will visit in January", MON, ("2025-01", "month")),
    ("October 2023", None, ("2023-10", "month")),
    ("March 16, 2024", None, ("2024-03-16", "day")),
    ("on Saturday", None, (None, None)),
    ("the 1990s", MON, (None, None)),
    ("last year", MON, ("2023", "year")),
    ("two days ago", MON, ("2024-03-16", "day")),
    ("two days ago", dt.datetime(2024, 3, 18, 23, 59), ("2024-03-16", "day")),
    ("yesterday", "2024-03-18T08:00:00", ("2024-03-17", "day")),
    ("no date here", MON, None),
    ("for five years", MON, None),
])
def test_resolve(text, published, expected):
    assert resolve(text, published) == expected


# -- offsets on varied text ------------------------------------------------------------------------------------------

VARIED = [
    "On Saturday,\nthe junta (CNSP) said — in January — that “last week’s” talks failed.",
    "Prices rose 5% in 2023; on 2024-03-16 at 10:30 GMT, 2,000 troops left.  Then, mid-March…",
    "«Le 16 mars» was the day. On the 16th of March 2024 they met; 3/16/2024 too.",
    "Yesterday\u00a0morning  early   Sunday\ttroops moved. The 1990s’ wars ended recently.",
]


@pytest.mark.parametrize("text", VARIED)
def test_offsets_varied(nlp, text):
    times = find_times(nlp(text), MON)
    assert times
    for t in times:
        assert text[t.start:t.end] == t.text
    starts = [t.start for t in times]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(times, times[1:], strict=False))


_PIECES = ["on Saturday", "last week", "in January", "October 2023", "2012", "March 16, 2024", "yesterday",
           "two weeks ago", "the 1990s", "recently", "troops", "said", "2,000", "10:30", ",", ".", "\n", "“", "”",
           "May", "may", "Monday morning", "mid-March", "late 2023", "this weekend", "é", "  "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=25), st.booleans())
def test_offsets_property(blank, parts, with_date):
    text = " ".join(parts)
    for t in find_times(blank(text), MON if with_date else None):
        assert text[t.start:t.end] == t.text
        assert t.start < t.end
        assert (t.value is None) == (t.granularity is None)


# -- the founding article ------------------------------------------------------------------------------------------

def test_founding_article(nlp, founding):
    text = founding["text"]
    pub = dt.date.fromisoformat(founding["expected"]["published"])
    assert pub == MON
    times = find_times(nlp(text), pub)
    got = {t.text: (t.value, t.granularity) for t in times}
    for t in times:
        assert text[t.start:t.end] == t.text
    want = {"on Saturday": ("2024-03-16", "day"), "last week": ("2024-03-11", "week"),
            "in January": ("2024-01", "month"), "October 2023": ("2023-10", "month"),
            "on Monday": ("2024-03-18", "day"), "2012": ("2012", "year")}
    for phrase, expected in want.items():
        hits = [v for k, v in got.items() if phrase in k]
        assert hits == [expected], (phrase, got)
    # the expected events' date texts are all found, each inside one time expression
    for ev in founding["expected"]["events"].get("must", []) if isinstance(founding["expected"]["events"], dict) \
            else founding["expected"]["events"]:
        if ev.get("date_text"):
            assert any(ev["date_text"] in t.text for t in times), ev["date_text"]


# -- the data file -------------------------------------------------------------------------------------------------

def test_time_words_data():
    w = time_words()
    assert len(w["month"]) == 12 and sorted(w["month"].values()) == list(range(1, 13))
    assert sorted(w["weekday"].values()) == list(range(7))
    for kind in ("day_word", "relative", "modifier", "vague", "not_year_after", "future_cue", "named_day"):
        assert w.get(kind), kind


def test_patterns_compiled_once():
    assert dates._grammar() is dates._grammar()


# -- properties of the resolution rules over any publication date ------------------------------------------------

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@settings(max_examples=200, deadline=None)
@given(_dates, st.sampled_from(range(7)))
def test_weekday_rules(pub, wd):
    name = _WEEKDAYS[wd]
    past = dt.date.fromisoformat(resolve(f"on {name}", pub)[0])
    assert past.weekday() == wd and 0 <= (pub - past).days <= 6
    fut = dt.date.fromisoformat(resolve(f"will meet on {name}", pub)[0])
    assert fut.weekday() == wd and 0 <= (fut - pub).days <= 6
    last = dt.date.fromisoformat(resolve(f"last {name}", pub)[0])
    assert last.weekday() == wd and 1 <= (pub - last).days <= 7
    nxt = dt.date.fromisoformat(resolve(f"next {name}", pub)[0])
    assert nxt.weekday() == wd and 1 <= (nxt - pub).days <= 7


@settings(max_examples=200, deadline=None)
@given(_dates, st.sampled_from(range(1, 13)))
def test_month_and_week_rules(pub, month):
    value, gran = resolve(f"in {_MONTHS[month - 1]}", pub)
    y, m = map(int, value.split("-"))
    assert gran == "month" and m == month and 0 <= (pub.year * 12 + pub.month) - (y * 12 + m) <= 11
    value, _ = resolve(f"will visit in {_MONTHS[month - 1]}", pub)
    y, m = map(int, value.split("-"))
    assert 0 <= (y * 12 + m) - (pub.year * 12 + pub.month) <= 11
    week = dt.date.fromisoformat(resolve("last week", pub)[0])
    assert week.weekday() == 0 and 7 <= (pub - week).days <= 13
    assert resolve("this week", pub) == ((pub - dt.timedelta(days=pub.weekday())).isoformat(), "week")
    assert resolve("last year", pub) == (str(pub.year - 1), "year")


@settings(max_examples=100, deadline=None)
@given(_dates, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_absolute_dates_ignore_publication(pub, day):
    text = f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    assert resolve(text, pub) == resolve(text, None) == (day.isoformat(), "day")
    assert resolve(f"{day.day} {_MONTHS[day.month - 1]} {day.year}", pub) == (day.isoformat(), "day")
    assert resolve(day.isoformat(), None) == (day.isoformat(), "day")


@pytest.mark.filterwarnings("ignore:\\[W036\\]:UserWarning")  # an empty entity ruler before the lexicons exist
def test_founding_record_times(founding_record):
    """Through the whole pipeline: the record's times are the dates stage's, offsets into the record text."""
    times = {t.text: (t.value, t.granularity) for t in founding_record.times}
    assert times["on Saturday"] == ("2024-03-16", "day")
    assert times["last week"] == ("2024-03-11", "week")
    assert times["in October 2023"] == ("2023-10", "month")
    for t in founding_record.times:
        assert founding_record.text[t.start:t.end] == t.text
