"""Validate the bundled actor lexicons (src/eventwire/data/actors/*.tsv) with plain csv parsing."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "actors"
ACTOR_HEADER = ["name", "aliases", "country", "sector", "cameo", "role", "kind", "start", "end"]
SECTOR_HEADER = ["phrase", "sector", "note"]
# The documented sector codes (README.md, sectors.tsv header).
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "PRM", "UAF", "UNK", "SPY", "CRM", "CVL", "REF",
           "EDU", "MED", "JRN", "BUS", "LAB", "AGR", "REL", "ELI", "SOC", "NGO", "IGO", "PRE"}
KINDS = {"person", "organization", "country", "group"}
# Bare surnames/given names far too common to identify one person, and words that would match ordinary English text
# because names match case-insensitively.
STOP_ALIASES = {"lee", "kim", "park", "choi", "cho", "khan", "singh", "ali", "ahmed", "mohammed", "muhammad",
                "hassan", "hussein", "abbas", "smith", "johnson", "brown", "jones", "williams", "wang", "li", "zhang",
                "liu", "chen", "nguyen", "garcia", "rodriguez", "lopez", "gonzalez", "fernandez", "silva", "santos",
                "harris", "martin", "miller", "taylor", "wilson", "may", "who", "ice", "fed", "is", "it", "us", "raw",
                "plan", "met", "map", "spa", "sis", "aid", "can", "will", "the", "league", "commission", "amnesty",
                "francis", "austin", "shell", "apple", "boris", "lemma", "store", "borne",
                "hague", "alphabet", "plc"}
ISO3 = re.compile(r"^[A-Z]{3}$")
CAMEO = re.compile(r"^(?:[A-Z]{3})+$")


def _rows(path: Path, header: list[str]) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    got = next(reader)
    assert got == header, f"{path.name}: header {got!r}"
    out = []
    for n, row in enumerate(reader, start=2):
        assert len(row) == len(header), f"{path.name} data row {n}: {len(row)} columns: {row!r}"
        out.append(dict(zip(header, row, strict=True)))
    return out


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pytest.fail(f"{where}: bad date {value!r}")


@pytest.fixture(scope="module", params=["office_holders.tsv", "organizations.tsv"])
def actor_file(request):
    path = DATA / request.param
    return path.name, _rows(path, ACTOR_HEADER)


@pytest.fixture(scope="module")
def holders():
    return _rows(DATA / "office_holders.tsv", ACTOR_HEADER)


def test_actor_rows_are_well_formed(actor_file):
    name, rows = actor_file
    assert rows, f"{name} is empty"
    seen: set[tuple[str, str]] = set()
    for r in rows:
        where = f"{name}: {r['name']!r}"
        assert r["name"].strip() and r["name"] == r["name"].strip(), where
        assert r["country"] == "" or ISO3.match(r["country"]), f"{where}: country {r['country']!r}"
        assert r["sector"] in SECTORS, f"{where}: sector {r['sector']!r}"
        assert r["kind"] in KINDS | {""}, f"{where}: kind {r['kind']!r}"
        if r["cameo"]:
            assert CAMEO.match(r["cameo"]), f"{where}: cameo {r['cameo']!r}"
            if r["country"]:
                assert r["cameo"].startswith(r["country"]), f"{where}: cameo {r['cameo']} vs country {r['country']}"
            else:
                assert r["cameo"][:3] in {"IGO", "NGO", "IMG", "CHR"}, f"{where}: cameo {r['cameo']}"
        start, end = _date(r["start"], where), _date(r["end"], where)
        if start and end:
            assert start <= end, f"{where}: start {start} after end {end}"
        key = (r["name"].casefold(), r["start"])
        assert key not in seen, f"{where}: duplicate (name, start) {key}"
        seen.add(key)
        aliases = r["aliases"].split("|") if r["aliases"] else []
        for a in aliases:
            assert a and a == a.strip(), f"{where}: empty or padded alias in {r['aliases']!r}"
            assert a.casefold() not in STOP_ALIASES, f"{where}: alias {a!r} is too common"
            assert a.casefold() != r["name"].casefold(), f"{where}: alias repeats the name"
        assert len({a.casefold() for a in aliases}) == len(aliases), f"{where}: repeated alias"


def test_office_holders_are_dated_people(holders):
    assert len(holders) >= 1500
    for r in holders:
        where = f"office_holders.tsv: {r['name']!r}"
        assert r["kind"] == "person", where
        assert r["start"], f"{where}: no start date"
        assert r["role"], f"{where}: no role"
        assert r["cameo"], f"{where}: no cameo code"


def test_one_holder_per_office_at_a_time(holders):
    """Terms of the same office (same role text) may touch but not overlap: catches mistyped dates."""
    by_role: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for r in holders:
        end = dt.date.fromisoformat(r["end"]) if r["end"] else dt.date.max
        by_role[(r["country"], r["role"])].append((dt.date.fromisoformat(r["start"]), end, r["name"]))
    overlaps = []
    for key, terms in by_role.items():
        terms.sort()
        for (s1, e1, n1), (s2, _e2, n2) in zip(terms, terms[1:], strict=False):
            if s2 < e1:
                overlaps.append(f"{key}: {n1} ({s1}..{e1}) overlaps {n2} (from {s2})")
    assert not overlaps, "\n".join(overlaps)


def test_coverage_of_all_un_members(holders):
    un = ("AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA "
          "BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ "
          "ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL "
          "ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT "
          "MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG "
          "PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD "
          "ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN "
          "VNM YEM ZMB ZWE TWN XKX PSE").split()
    have = {r["country"] for r in holders}
    assert not [c for c in un if c not in have]


def test_international_office_holders_use_igo_or_img_codes(holders):
    intl = [r for r in holders if not r["country"]]
    assert any(r["sector"] == "IGO" for r in intl), "no IGO office holders"
    for r in intl:
        ok = (r["sector"] == "IGO" and r["cameo"].startswith("IGO")) or (
            r["sector"] == "REB" and r["cameo"].startswith("IMG"))
        assert ok, r


def test_sector_phrases():
    rows = _rows(DATA / "sectors.tsv", SECTOR_HEADER)
    assert len(rows) >= 200
    seen = set()
    for r in rows:
        p = r["phrase"]
        assert p and p == p.strip() and p == p.lower(), f"sectors.tsv: phrase {p!r} must be a lower-case lemma"
        assert r["sector"] in SECTORS, f"sectors.tsv: {p!r} sector {r['sector']!r}"
        assert p not in seen, f"sectors.tsv: duplicate {p!r}"
        seen.add(p)


def test_readme_documents_every_sector_code():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    missing = [s for s in sorted(SECTORS) if not re.search(rf"\b{s}\b", text)]
    assert not missing, f"README.md does not document {missing}"
