"""A readable, plain-text view of a record (``extract --format text`` and ``make run``)."""

from __future__ import annotations

from .record import Record


def _clip(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_text(rec: Record) -> str:
    names = {a.id: a.name for a in rec.actors}
    out: list[str] = []
    head = rec.title or _clip(rec.text, 70)
    out.append(f"== {head}")
    out.append(f"   id {rec.id}   published {rec.published or 'unknown'}   {rec.extractor.model}")
    if rec.actors:
        out.append(f"-- actors ({len(rec.actors)})")
        for a in rec.actors:
            bits = [b for b in (a.kind, a.country, a.sector, a.cameo) if b]
            role = f", {a.role}" if a.role else ""
            others = sorted({m.text for m in a.mentions if m.text != a.name})
            also = f"  [also: {', '.join(others[:6])}]" if others else ""
            out.append(f"   {a.name}{role}  ({' '.join(bits)}){also}")
    if rec.times:
        out.append(f"-- times ({len(rec.times)})")
        for t in rec.times:
            out.append(f"   {t.text!r} -> {t.value or 'unresolved'} ({t.granularity or '-'})")
    if rec.places:
        out.append(f"-- places ({len(rec.places)})")
        for p in rec.places:
            where = f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else "?"
            out.append(f"   {p.text} -> {p.name}, {p.country} ({where})")
    if rec.quotes:
        out.append(f"-- quotes ({len(rec.quotes)})")
        for q in rec.quotes:
            who = names.get(q.speaker or "", q.speaker_text or "?")
            kind = "" if q.direct else " (reported)"
            out.append(f"   {who} [{q.cue or '-'}]{kind}: “{_clip(q.text, 80)}”")
    if rec.events:
        out.append(f"-- events ({len(rec.events)})")
        for e in rec.events:
            src = "+".join(names.get(x, x) for x in e.source) or "?"
            tgt = "+".join(names.get(x, x) for x in e.target) or "-"
            flags = "".join([" NEG" if e.negated else "", " HYP" if e.hypothetical else ""])
            when = f" @{e.date.value}" if e.date else ""
            place = f" in {e.location.name}" if e.location else ""
            out.append(f"   {src} -> {tgt}: CAMEO {e.cameo} {e.plover or '-'} ({e.goldstein:+.1f}){when}{place}"
                       f"{flags}  “{e.trigger.text}”")
    return "\n".join(out)
