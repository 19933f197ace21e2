#!/usr/bin/env python3
"""Convert the PETRARCH validation dictionaries (../shared/eval/petrarch_validation_dictionaries.json) to the
eventwire actor TSV format (docs: BRIEF / docs/actors.md): name, aliases, country, sector, cameo, role, kind, start, end.

    python scripts/petrarch_to_actors.py ../shared/eval/petrarch_validation_dictionaries.json \
        --set ud -o build/ud-petrarch-actors.tsv [--agents]

Decisions:
- Actors: one row per (phrase, code). ``country`` = the code's first three letters (fictional codes such as ARN, GON,
  HOB, UNO, IGO kept as they are: the suites' gold uses the same codes), ``sector`` = letters 4-6 when present,
  ``cameo`` = the full code, ``aliases`` = the synonyms. PETRARCH date restrictions become start/end: ``<D`` ends the
  day before D, ``>D`` starts the day after D, ``A-B`` is A..B; six-digit YYMMDD dates are 19YY (YY >= 30) or 20YY.
  A code whose first three characters are not letters (``---`` unknown, ``+++``, ``G77``) gives an empty country and
  the code in the cameo column (eval keys such actors by the cameo's first three characters). Phrases are written in title case (names match
  case-insensitively). ``kind`` is left empty (organisation): the dictionaries do not say which entries are people.
- Agents (generic nouns such as POLICE -> ~COP, whose country comes from the sentence) are NOT written by default:
  the suites are keyed by country only, and the product's own sector lexicon is what should tie "Arnor police" to
  Arnor. With ``--agents`` they are added as rows with an empty country and the sector (or NGO/IGO as country for
  codes like ``NGO~``), so one can see what the fictional agent list adds.
Facts from openeventdata/petrarch2 and openeventdata/UniversalPetrarch validation dictionaries (MIT).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

HEADER = ["name", "aliases", "country", "sector", "cameo", "role", "kind", "start", "end"]
SETS = {"petrarch2": ("petrarch2_actors", "petrarch2_agents"), "ud": ("ud_petrarch_2_02_actors", "ud_petrarch_2_02_agents")}
_PHRASE_OK = re.compile(r"^[A-Z0-9][A-Z0-9 .'&/-]*$", re.IGNORECASE)


def _date(text: str) -> dt.date:
    t = text.strip()
    if len(t) == 6:
        yy = int(t[:2])
        t = ("19" if yy >= 30 else "20") + t
    if len(t) != 8 or not t.isdigit():
        raise ValueError(f"bad PETRARCH date {text!r}")
    return dt.date(int(t[:4]), int(t[4:6]), int(t[6:]))


def date_range(restriction: str | None) -> tuple[str, str]:
    """(start, end) as YYYY-MM-DD strings ('' when open) from a PETRARCH date restriction."""
    if not restriction:
        return "", ""
    r = restriction.strip()
    if r.startswith("<"):
        return "", (_date(r[1:]) - dt.timedelta(days=1)).isoformat()
    if r.startswith(">"):
        return (_date(r[1:]) + dt.timedelta(days=1)).isoformat(), ""
    a, sep, b = r.partition("-")
    if sep:
        return _date(a).isoformat(), _date(b).isoformat()
    raise ValueError(f"bad PETRARCH date restriction {restriction!r}")


def _title(phrase: str) -> str:
    words = phrase.replace("_", " ").split()
    return " ".join(w if len(w) <= 3 and "." in w else w.capitalize() if w.isalpha() or "-" in w else w for w in words)


def _clean(s: str) -> str:
    return s.replace("\t", " ").replace("|", " ").strip()


def actor_rows(actors: list[dict]) -> list[list[str]]:
    rows = []
    for a in actors:
        phrase = (a.get("phrase") or "").strip()
        if not phrase or not _PHRASE_OK.match(phrase):
            continue  # comment lines parsed as phrases
        aliases = "|".join(_title(_clean(s)) for s in a.get("synonyms") or () if _clean(s))
        for c in a.get("codes") or ():
            code = (c.get("code") or "").strip().upper()
            if not code:
                continue
            # The actor file takes a 3-letter country; other codes (G77, +++ , ---) go in the cameo column only.
            country = code[:3] if re.fullmatch(r"[A-Z]{3}", code[:3]) else ""
            sector = code[3:6] if len(code) >= 6 else ""
            cameo = code if len(code) > 3 or not country else ""
            start, end = date_range(c.get("date_restriction"))
            rows.append([_title(_clean(phrase)), aliases, country, sector, cameo, "", "", start, end])
    return rows


def agent_rows(agents: dict) -> list[list[str]]:
    subs = agents.get("substitution_sets") or {}
    rows = []
    for a in agents.get("agents") or ():
        phrase = (a.get("phrase") or "").strip()
        phrases = [phrase]
        for key, values in subs.items():
            if key in phrase:
                phrases = [p.replace(key, v if p.replace(key, "").strip() == "" else " " + v).strip()
                           for p in phrases for v in values]
        for code in a.get("codes") or ():
            code = code.strip().upper()
            if code.startswith("~"):
                country, sector = "", code[1:4]
            elif code.endswith("~"):
                country, sector = code[:-1][:3], ""
            else:
                continue
            for p in phrases:
                p = _clean(p)
                if p and _PHRASE_OK.match(p):
                    rows.append([p.lower(), "", country, sector, "", "", "group", "", ""])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dictionaries", help="petrarch_validation_dictionaries.json")
    ap.add_argument("--set", choices=sorted(SETS), default="ud", help="which suite's dictionaries (default ud)")
    ap.add_argument("--agents", action="store_true", help="also write the agent nouns (empty country)")
    ap.add_argument("-o", "--output", default="-", help="output TSV (default standard output)")
    args = ap.parse_args(argv)
    try:
        data = json.loads(Path(args.dictionaries).read_text(encoding="utf-8"))
        actors_key, agents_key = SETS[args.set]
        rows = actor_rows(data[actors_key])
        if args.agents:
            rows += agent_rows(data.get(agents_key) or {})
    except (OSError, ValueError, KeyError) as exc:
        print(f"petrarch_to_actors: error: {args.dictionaries}: {exc}", file=sys.stderr)
        return 2
    lines = [f"# Converted by scripts/petrarch_to_actors.py from {Path(args.dictionaries).name} ({args.set}); "
             "fictional actors for the PETRARCH validation suites only, never a product default.",
             "\t".join(HEADER)] + ["\t".join(r) for r in rows]
    out = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(out)
    else:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
