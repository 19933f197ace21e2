"""The event stage's data files, loaded once per process: CAMEO codes, the CAMEO -> PLOVER table, the event lexicon.

All three are TSV files in ``eventwire/data`` (``#`` lines are comments, the first other line is the header), so an
analyst can read and extend them without touching code. A malformed row raises :class:`LexiconError` naming the file
and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import LexiconError

# The object word "PLACE" in a lexicon row: an object that is a named place ("captured Avdiivka").
PLACE_OBJECT = "<place>"
# The object word "PERSON": an object that is a named person ("received Zelensky"), or people named by their
# nationality ("released 10 Americans").
PERSON_OBJECT = "<person>"
_NAMED_OBJECTS = {"PLACE": PLACE_OBJECT, "PERSON": PERSON_OBJECT}

CONTROL_CLASSES = ("INTENT", "THREAT", "APPEAL", "DEMAND", "REFUSE", "PASS", "NEG", "UNDERGO", "RECEIVE")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class PloverRow:
    plover: str
    mode: str | None
    context: str | None


@dataclass(frozen=True)
class LexEntry:
    lemma: str
    pos: str  # VERB | NOUN | CONTROL
    prep: str | None
    objects: frozenset[str]
    code: str | None  # CAMEO code (VERB/NOUN rows; CONTROL rows: the code when governing nothing)
    control: str | None  # a CONTROL class, or None
    line: int
    subjects: frozenset[str] = frozenset()  # the row fits only these subjects ("subject:troop|soldier")

    @property
    def specificity(self) -> int:
        return (2 if self.objects or self.subjects else 0) + (1 if self.prep else 0)


def _rows(path: Path | str, text: str) -> list[tuple[int, list[str]]]:
    out: list[tuple[int, list[str]]] = []
    header_seen = False
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        out.append((n, raw.rstrip("\n").split("\t")))
    return out


def _read(name: str, path: str | Path | None = None) -> tuple[str, str]:
    if path is not None:
        p = Path(path)
        try:
            return str(p), p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(f"cannot read {p}: {exc}") from None
    res = resources.files("eventwire") / "data" / name
    return f"eventwire/data/{name}", res.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    where, text = _read("cameo_codes.tsv")
    out: dict[str, CameoCode] = {}
    for n, cols in _rows(where, text):
        if len(cols) < 4:
            raise LexiconError(f"{where}:{n}: expected 4 columns (code, name, goldstein, quad_class)")
        try:
            out[cols[0]] = CameoCode(cols[0], cols[1], float(cols[2]), int(cols[3]))
        except ValueError:
            raise LexiconError(f"{where}:{n}: bad number in {cols!r}") from None
    return out


@lru_cache(maxsize=1)
def plover_table() -> dict[str, PloverRow]:
    where, text = _read("cameo_plover.tsv")
    out: dict[str, PloverRow] = {}
    for n, cols in _rows(where, text):
        if len(cols) < 2 or not cols[1]:
            raise LexiconError(f"{where}:{n}: expected cameo and plover columns")
        cols = cols + [""] * (4 - len(cols))
        out[cols[0]] = PloverRow(cols[1], cols[2].strip() or None, cols[3].strip() or None)
    return out


def plover_for(code: str) -> PloverRow | None:
    """The PLOVER row of a CAMEO code (a code not listed takes its parent's); None for 01 and 02."""
    if code[:2] in ("01", "02"):
        return None
    table = plover_table()
    c = code
    while len(c) >= 3:
        if c in table:
            return table[c]
        c = c[:-1]
    return table.get(code[:2] + "0")


def code_info(code: str) -> CameoCode:
    """The codebook row of a code, falling back to its parent (a code the codebook lacks is a lexicon error)."""
    codes = cameo_codes()
    c = code
    while c:
        if c in codes:
            return codes[c] if c == code else CameoCode(code, codes[c].name, codes[c].goldstein, codes[c].quad_class)
        c = c[:-1]
    raise LexiconError(f"unknown CAMEO code {code!r}")


class Lexicon:
    """Lexicon rows indexed by (lemma, pos)."""

    def __init__(self, entries: list[LexEntry]):
        self.entries = entries
        self.by_key: dict[tuple[str, str], list[LexEntry]] = {}
        for e in entries:
            self.by_key.setdefault((e.lemma, e.pos), []).append(e)
        for rows in self.by_key.values():
            rows.sort(key=lambda e: -e.specificity)

    def rows(self, lemma: str, pos: str) -> list[LexEntry]:
        return self.by_key.get((lemma, pos), [])


def parse_lexicon(where: str, text: str) -> Lexicon:
    codes = cameo_codes()
    entries: list[LexEntry] = []
    for n, cols in _rows(where, text):
        cols = cols + [""] * (6 - len(cols))
        lemma, pos, prep, objs, code = (c.strip() for c in cols[:5])
        if not lemma or pos not in ("VERB", "NOUN", "CONTROL") or not code:
            raise LexiconError(f"{where}:{n}: expected lemma, pos (VERB|NOUN|CONTROL), prep, object, code")
        control = None
        own: str | None = code
        if pos == "CONTROL":
            control, _, own = code.partition(":")
            own = own or None
            if control not in CONTROL_CLASSES:
                raise LexiconError(f"{where}:{n}: unknown control class {control!r} (one of {', '.join(CONTROL_CLASSES)})")
        if own is not None and own not in codes:
            raise LexiconError(f"{where}:{n}: {own!r} is not a CAMEO code in cameo_codes.tsv")
        subjects: frozenset[str] = frozenset()
        if objs.lower().startswith("subject:"):  # "subject:troop|soldier": a condition on who acts, not on the object
            subjects = frozenset(o.strip().lower() for o in objs[len("subject:"):].split("|") if o.strip())
            if not subjects:
                raise LexiconError(f"{where}:{n}: 'subject:' needs at least one lemma")
            objs = ""
        objects = frozenset(_NAMED_OBJECTS.get(o.strip(), o.strip().lower()) for o in objs.split("|") if o.strip())
        entries.append(LexEntry(lemma.lower(), pos, prep.lower() or None, objects, own, control, n, subjects))
    return Lexicon(entries)


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> Lexicon:
    where, text = _read("event_lexicon.tsv", path)
    return parse_lexicon(where, text)


# -- recoding an event governed by a control verb -------------------------------------------------------------------

def _by_prefix(code: str, table: list[tuple[str, str]], default: str) -> str:
    for prefix, out in table:
        if code.startswith(prefix):
            return out
    return default


_INTENT = [("045", "039"), ("04", "036"), ("057", "030"), ("05", "032"), ("061", "0311"), ("062", "0312"),
           ("063", "0313"), ("064", "0314"), ("06", "031"), ("071", "0331"), ("072", "0332"), ("073", "0333"),
           ("074", "0334"), ("07", "033"), ("081", "0351"), ("082", "0352"), ("0831", "0341"), ("0832", "0342"),
           ("0833", "0343"), ("0834", "0344"), ("083", "034"), ("084", "0353"), ("085", "0354"), ("086", "0355"),
           ("087", "0356"), ("08", "035")]
_THREAT = [("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "134"), ("165", "135"), ("166", "136"),
           ("16", "131"), ("1721", "1321"), ("1722", "1322"), ("1723", "1323"), ("1724", "1324"), ("172", "132"),
           ("170", "130"), ("17", "137"), ("14", "133"), ("191", "1381"), ("192", "1382"), ("19", "1384"), ("18", "1383"),
           ("204", "1385"), ("20", "1383")]


def _appeal_like(code: str, base: str) -> str:
    """Appeals (02) and demands (10) share a structure: the appealed-for act picks the sub-code. Calling for a
    hostile act against someone (sanctions, a boycott, force) is rallying opposition against them (113); calling for
    peacekeepers, observers or a mission to be withdrawn (166x) asks the one addressed to yield: for peacekeepers, the
    codebook's "military withdrawals" (0256, 1056). (An appeal to a host to expel them is coded the same way, though
    it asks one party to act against another: the code alone does not tell the two apart.)"""
    if code[:3] == "166":
        return base + ("56" if code == "1661" else "5")
    if int(code[:2]) >= 13:
        return "113"
    table = [("045", "8"), ("04", "6"), ("037", "7"), ("036", "6"), ("05", "2"), ("06", "1"), ("07", "3"),
             ("083", "4"), ("08", "5")]
    sub = _by_prefix(code, table, "0")
    out = base + sub
    if sub == "1" and len(code) >= 3 and code[:2] == "06" and code[2] in "1234":
        out += code[2]
    elif sub == "3" and code[:2] == "07" and len(code) >= 3 and code[2] in "1234":
        out += code[2]
    elif sub == "4" and len(code) == 4:
        out += code[3]
    elif sub == "5":
        extra = {"081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6"}.get(code[:3])
        if extra:
            out += extra
    return out if out in cameo_codes() else out[:3]


def _refuse(code: str) -> str:
    table = [("045", "126"), ("04", "125"), ("036", "125"), ("057", "127"), ("061", "1211"), ("062", "1212"),
             ("063", "1213"), ("06", "121"), ("071", "1221"), ("072", "1222"), ("073", "1223"), ("074", "1224"),
             ("07", "122"), ("0831", "1231"), ("0832", "1232"), ("0833", "1233"), ("0834", "1234"), ("083", "123"),
             ("081", "1241"), ("082", "1242"), ("084", "1243"), ("085", "1244"), ("086", "1245"), ("087", "1246"),
             ("08", "124"), ("01", "011")]
    return _by_prefix(code, table, "120")


def recode(control: str, code: str) -> tuple[str, bool]:
    """The code of an event governed by a control class, and whether the event stays hypothetical."""
    root = int(code[:2])
    if control == "INTENT":
        if 4 <= root <= 8:
            return _by_prefix(code, _INTENT, "030"), True
        if root in (1, 2, 3):
            return code, True
        return _by_prefix(code, _THREAT, "130") if root >= 14 or root == 16 else code, True  # harm announced = threat
    if control == "THREAT":
        if root >= 14:
            return _by_prefix(code, _THREAT, "130"), True
        return "130", True
    if control == "APPEAL":
        return _appeal_like(code, "02"), True
    if control == "DEMAND":
        return _appeal_like(code, "10"), True
    if control == "REFUSE":
        if root <= 8:
            return _refuse(code), False
        return code, False  # refusing to attack: the act, negated by the caller
    return code, False
