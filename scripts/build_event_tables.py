"""Build the CAMEO code table and the CAMEO -> PLOVER table in src/eventwire/data/ from ../shared/ontology.

    python scripts/build_event_tables.py [SHARED_DIR]

Sources (facts used with their licences noted in the output headers):
- cameo-codes.csv: andybega/icews data-raw/cameo-codes.csv (MIT)
- cameo-to-plover.txt: openeventdata/PLOVER (CC BY-SA 4.0), PLOVER manual draft 0.8 conversion table
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "eventwire" / "data"


def quad_class(root: str) -> int:
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


def clean(s: str) -> str:
    s = s.encode("utf-8", "replace").decode("utf-8")
    s = s.replace("\ufffd", "'")
    s = re.sub(r"'{2,}", "'", s)
    return " ".join(s.split())


def build_codes(shared: Path) -> int:
    rows = []
    with open(shared / "ontology" / "cameo-codes.csv", encoding="utf-8", errors="replace", newline="") as fh:
        for r in csv.DictReader(fh):
            code = r["code"].strip()
            if not code.isdigit():
                continue
            rows.append((code, clean(r["name"]), float(r["goldstein"]), quad_class(code[:2])))
    out = DATA / "cameo_codes.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# CAMEO event codes: code, name, Goldstein scale value, quad class (1 verbal cooperation 01-05,\n")
        fh.write("# 2 material cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20).\n")
        fh.write("# Source: andybega/icews data-raw/cameo-codes.csv (MIT licence), built by scripts/build_event_tables.py\n")
        fh.write("code\tname\tgoldstein\tquad_class\n")
        for code, name, g, q in rows:
            fh.write(f"{code}\t{name}\t{g:g}\t{q}\n")
    return len(rows)


LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)?\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


def build_plover(shared: Path) -> int:
    rows: dict[str, tuple[str, str, str, str]] = {}
    for raw in (shared / "ontology" / "cameo-to-plover.txt").read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#") or raw.startswith("~"):
            continue
        m = LINE.match(raw)
        if not m:
            continue
        code, ptype, mode, context, comment = m.groups()
        if not ptype:
            continue
        if len(code) == 2:
            continue  # section header ("03: AGREE"); the 3-digit rows carry the mapping
        mode = (mode or "").strip()
        context = (context or "").strip()
        comment = (comment or "").split("21.09")[0].strip()
        if code not in rows:
            rows[code] = (ptype, mode, context, comment)
    out = DATA / "cameo_plover.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# CAMEO code -> PLOVER event type, mode, context. CAMEO 01 (statements) and 02 (appeals) have no\n")
        fh.write("# PLOVER type. A code not listed takes its parent's row.\n")
        fh.write("# Source: openeventdata/PLOVER cameo-to-plover conversion table (PLOVER manual draft 0.8, 2021-09-17),\n")
        fh.write("# CC BY-SA 4.0; built by scripts/build_event_tables.py\n")
        fh.write("cameo\tplover\tmode\tcontext\tcomment\n")
        for code in sorted(rows):
            fh.write("\t".join((code,) + rows[code]) + "\n")
    return len(rows)


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    DATA.mkdir(parents=True, exist_ok=True)
    print("cameo codes:", build_codes(shared))
    print("plover rows:", build_plover(shared))


if __name__ == "__main__":
    main()
