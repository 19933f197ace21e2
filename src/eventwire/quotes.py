"""Quotes and their speakers: direct quotes in quote marks and reported (indirect) speech, each linked to an actor.

The stage works in three passes over one article:

1. :func:`scan_quotes` reads the raw text, paragraph by paragraph (a newline ends a paragraph), and pairs quote
   marks: curly and straight, double and single, with apostrophes told apart from single quote marks by the letters
   around them. News conventions are handled, never raised on: a quote left open at the end of a paragraph runs to the
   end of that paragraph and is marked ``open_end`` (when the next paragraph opens with a quote mark, the two are
   linked and share a speaker); marks nested inside a quote stay part of it; an unpaired mark is reported in
   :class:`QuoteSpan.note` and logged at debug level.
2. Each quoted span looks for its cue in the words around it (outside any quote): a cue verb from
   ``data/quote_cues.tsv`` ("said", "added", "told", "warned", ...) or phrase ("according to", "in a statement")
   after the quote (``"...," Singh said``) or before it (``Singh said: "..."``), or a cue verb whose clause holds an
   embedded partial quote (``Singh asserted that they had "direct and frank" talks``). A span with no cue takes the
   speaker of the quote it continues (split quotes, quotes continued across paragraphs); a span that no one is said
   to have said (scare quotes, titles) is not a quote.
3. Reported speech: a cue verb with a clause (``X said that ...``, ``X accused Y of ...``, ``according to X, ...``)
   gives a quote with ``direct=False`` whose text is the reported clause.

The speaker is the subject of the cue (``"...," said Paul Martin``: the inverted subject; ``he said, adding that``:
the subject of the verb it hangs on; ``a statement read by X``: X). It is linked to the actor whose mention overlaps
the speaker's words (the actor stage resolves pronouns); an unresolved he/she falls back to the most recent person
named before it. ``speaker_text`` always keeps the words used ("He").
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.parts_of_speech import AUX, NOUN, VERB
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from .nlp import DOCUMENT_NOUNS, doc_text, doc_tokens, isin_sorted, token_children, token_subtree
from .record import Actor, Quote

log = logging.getLogger(__name__)

__all__ = ["QuoteSpan", "cue_lexicon", "find_quotes", "scan_quotes"]

# -- quote marks ------------------------------------------------------------------------------------------------------

_D_OPEN = "“„«‟"
_D_CLOSE = "”»"
_D_AMBIG = '"″＂'
_S_OPEN = "‘‚‹‛"
_S_CLOSE = "’›"
_S_AMBIG = "'′"
_MARKS = set(_D_OPEN + _D_CLOSE + _D_AMBIG + _S_OPEN + _S_CLOSE + _S_AMBIG)
_ALL_MARKS = "".join(sorted(_MARKS))
_CUE_POS = frozenset({VERB, AUX, NOUN})  # the parts of speech a cue verb can carry (see ``_Ctx.cue_at``)
_CUE_POS_ARRAY = numpy.array(sorted(_CUE_POS), dtype="uint64")
_MARK_RE = re.compile("[" + re.escape(_ALL_MARKS) + "]")
_LEFT_CONTEXT = "([{—–-/" + _ALL_MARKS  # characters after which a mark opens
_RIGHT_CONTEXT = ".,;:!?)]}…—–-/" + _ALL_MARKS  # characters before which a mark closes
_TERMINAL = ".!?…"


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted span found by the mark scanner. ``start``/``end`` are the content (marks excluded)."""

    open: int  # index of the opening mark (== start when the quote had no opening mark)
    close: int  # end (exclusive) of the quote with its closing mark (== end when it runs to the paragraph end)
    start: int
    end: int
    paragraph: int
    family: str  # "double" | "single"
    open_end: bool = False  # left open at the end of its paragraph
    note: str | None = None  # what was odd about the marks, if anything


def _family(ch: str) -> str:
    return "double" if ch in _D_OPEN + _D_CLOSE + _D_AMBIG else "single"


def _role(text: str, i: int, lo: int, hi: int) -> str | None:
    """'open', 'close', 'ambig' or None (an apostrophe) for the mark at text[i] in the paragraph text[lo:hi]."""
    ch = text[i]
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    left_ok = prev == "" or prev.isspace() or prev in _LEFT_CONTEXT
    right_ok = nxt == "" or nxt.isspace() or nxt in _RIGHT_CONTEXT
    if ch in _S_OPEN + _S_CLOSE + _S_AMBIG:
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, It’s, rock’n’roll
        if not left_ok and not right_ok:
            return None
    if left_ok and not right_ok:
        return "open"
    if right_ok and not left_ok:
        return "close"
    if ch in _D_OPEN + _S_OPEN:
        return "open"
    if ch in _D_CLOSE + _S_CLOSE:
        return "close"
    return "ambig"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if text[pos:end].strip():
            out.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan_quotes(text: str) -> list[QuoteSpan]:
    """Every top-level quoted span of ``text``, in text order. Never raises; odd marks are noted, not fatal."""
    out: list[QuoteSpan] = []
    paras = _paragraphs(text)
    for p_i, (lo, hi) in enumerate(paras):
        stack: list[tuple[str, int]] = []  # (family, index of opening mark)
        stray_single: int | None = None  # "We did not fire first,' the spokesman said: a single mark closing a double
        seen_mark = False  # a quote mark (not an apostrophe) earlier in this paragraph
        for mark in _MARK_RE.finditer(text, lo, hi):  # (the marks only, not every character)
            i = mark.start()
            ch = text[i]
            role = _role(text, i, lo, hi)
            if role is None:
                continue
            first_mark = not seen_mark
            seen_mark = True
            fam = _family(ch)
            in_stack = any(f == fam for f, _ in stack)
            if role == "ambig":
                role = "close" if in_stack else "open"
            if role == "open":
                stack.append((fam, i))
                continue
            # a closing mark
            if in_stack:
                while stack:
                    f, o = stack.pop()
                    if f == fam:
                        break
                if not stack:
                    _emit(out, text, o, i, p_i, fam, None)
                continue
            if stack and fam == "double":
                # mismatched marks: 'AMANDA, you stabbed me," -- a double mark closes the open single quote
                o = stack[0][1]
                stack.clear()
                _emit(out, text, o, i, p_i, "double", "opened with a single mark, closed with a double mark")
                continue
            if not stack and fam == "double" and first_mark:
                # a closing mark with no opening mark in the paragraph: the quote began at the paragraph start
                s, e = _trim(text, lo, i)
                if s < e:
                    out.append(QuoteSpan(s, i + 1, s, e, p_i, "double", note="closing mark without an opening mark"))
                continue
            # a stray closing single mark is an apostrophe (the horses' carrots); a stray double one is noted
            if fam == "double":
                log.debug("quotes: unpaired closing mark at %d", i)
            elif (stack and stack[0][0] == "double" and stray_single is None and i > lo and text[i - 1] in ",.?!"
                  and (i + 1 >= hi or text[i + 1].isspace())):
                stray_single = i
        if stack and stack[0][0] == "double" and stray_single is not None and stray_single > stack[0][1]:
            _emit(out, text, stack[0][1], stray_single, p_i, "double", "opened with a double mark, closed with a single mark")
            stack.clear()
        if stack:
            fam, o = stack[0]
            nxt_open = _next_para_opens(text, paras, p_i, fam)
            if fam == "double" or nxt_open:
                s, e = _trim(text, o + 1, hi)
                if s < e:
                    out.append(QuoteSpan(o, e, s, e, p_i, fam, open_end=True,
                                         note="continued in the next paragraph" if nxt_open
                                         else "quote left open at the end of the paragraph"))
            # an unclosed single mark with no continuation was an apostrophe ('90s, ’em): not a quote
    return out


def _next_para_opens(text: str, paras: list[tuple[int, int]], p_i: int, fam: str) -> bool:
    if p_i + 1 >= len(paras):
        return False
    lo, hi = paras[p_i + 1]
    s, _ = _trim(text, lo, hi)
    return s < hi and text[s] in _MARKS and _family(text[s]) == fam and _role(text, s, lo, hi) in ("open", "ambig")


def _emit(out: list[QuoteSpan], text: str, o: int, c: int, p_i: int, fam: str, note: str | None) -> None:
    s, e = _trim(text, o + 1, c)
    if s < e:
        out.append(QuoteSpan(o, c + 1, s, e, p_i, fam, note=note))


# -- cue lexicon ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CueLexicon:
    verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # lower-case token sequences, longest first
    indirect_phrases: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False)  # phrases by first word
    first_ids: frozenset[int] = field(default=frozenset(), compare=False)  # hashes of the phrases' first words
    lemma_ok: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)  # lemma hash -> a cue verb?
    first_id_array: numpy.ndarray | None = field(default=None, compare=False, repr=False)  # first_ids, sorted (isin_sorted)

    def __post_init__(self) -> None:
        index: dict[str, list[tuple[str, ...]]] = {}
        for ph in self.phrases:  # (in the order of ``phrases``: longest first)
            index.setdefault(ph[0], []).append(ph)
        object.__setattr__(self, "by_first", {k: tuple(v) for k, v in index.items()})
        object.__setattr__(self, "first_ids", frozenset(hash_string(w) for w in index))
        object.__setattr__(self, "first_id_array", numpy.array(sorted(self.first_ids), dtype="uint64"))


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue verbs and phrases of ``data/quote_cues.tsv`` (loaded once)."""
    raw = resources.files("eventwire").joinpath("data/quote_cues.tsv").read_text(encoding="utf-8")
    verbs: set[str] = set()
    ind: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    ind_ph: set[tuple[str, ...]] = set()
    header = True
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header:
            header = False
            continue
        cue = cols[0].strip().lower()
        kind = cols[1].strip() if len(cols) > 1 else "verb"
        indirect = len(cols) > 2 and cols[2].strip() == "yes"
        if kind == "phrase":
            toks = tuple(cue.split())
            phrases.append(toks)
            if indirect:
                ind_ph.add(toks)
        else:
            verbs.add(cue)
            if indirect:
                ind.add(cue)
    phrases.sort(key=len, reverse=True)
    return CueLexicon(frozenset(verbs), frozenset(ind), tuple(phrases), frozenset(ind_ph))


# -- attribution ------------------------------------------------------------------------------------------------------

_PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "i", "it"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_SPAN_LEFT_DEPS = {"compound", "flat", "amod", "det", "poss", "nmod", "nummod", "case"}
_CLIMB_DEPS = {"conj", "xcomp", "advcl"}
_PARTITIVES = {"one", "some", "many", "several", "most", "none", "all", "each", "both", "few", "any", "either",
               "neither", "dozens", "hundreds", "thousands", "two", "three", "four", "five"}
_FRAME_LIMIT = 40
_MAX_HOPS = 8  # dependency steps from a partial quote up to the cue verb that governs it  # tokens searched on each side of a quote for its cue


@dataclass
class _Cue:
    tokens: tuple[int, int]  # token range of the cue words
    head: Token  # the verb (or the phrase's first token)
    lemma: str
    kind: str  # verb | phrase


@dataclass
class _Found:
    start: int
    end: int
    direct: bool
    cue: _Cue | None = None
    speaker: tuple[int, int] | None = None  # token range
    speaker_head: int | None = None
    span: QuoteSpan | None = None
    inherited_from: _Found | None = None  # the quote whose speaker and cue this one shares


class _Ctx:
    def __init__(self, doc: Doc, spans: list[QuoteSpan]):
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = cue_lexicon()
        self.toks = doc_tokens(doc)
        self.tok_starts = doc.to_array(IDX).tolist()  # (each token's t.idx, read in one go)
        self.in_quote = [False] * len(doc)
        for s in spans:
            a, b = self.tok_range(s.open, s.close + (0 if s.open_end else 0))
            for k in range(a, b):
                self.in_quote[k] = True
        paras = _paragraphs(self.text)
        p_starts = [lo for lo, _ in paras]
        # (each token's paragraph: ``bisect_right(p_starts, idx) - 1``, at least 0, for all tokens in one call)
        self.para_of = numpy.maximum(numpy.searchsorted(numpy.array(p_starts, dtype="int64"),
                                                        numpy.array(self.tok_starts, dtype="int64"), side="right")
                                     - 1, 0).tolist()

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping text[start:end] (end exclusive), as a token index range."""
        a = bisect.bisect_right(self.tok_starts, start) - 1
        a = max(a, 0)
        if a < len(self.doc) and self.doc[a].idx + len(self.doc[a]) <= start:
            a += 1
        b = bisect.bisect_left(self.tok_starts, end)
        return a, max(a, b)

    # cue detection -------------------------------------------------------------------------------------------------

    def cue_candidates(self) -> list[int]:
        """The tokens ``cue_at`` can accept, found from the doc's arrays: a word that starts a cue phrase, or a verb,
        auxiliary or noun whose lemma is a cue verb (``cue_at`` still decides)."""
        lex = self.lex
        lemma_ok = lex.lemma_ok
        strings = self.doc.vocab.strings
        out = []
        cols = self.doc.to_array([LOWER, POS, LEMMA])
        first = isin_sorted(cols[:, 0], lex.first_id_array)
        # only the tokens that start a phrase or carry a cue part of speech are looked at (found in C)
        look = numpy.flatnonzero(first | isin_sorted(cols[:, 1], _CUE_POS_ARRAY)).tolist()
        firsts_at = first.tolist()
        lemmas = cols[:, 2].tolist()
        for i in look:
            if firsts_at[i]:
                out.append(i)
            else:  # (a cue part of speech)
                lemma = lemmas[i]
                ok = lemma_ok.get(lemma)
                if ok is None:
                    ok = lemma_ok[lemma] = strings[lemma].lower() in lex.verbs
                if ok:
                    out.append(i)
        return out

    def cue_at(self, i: int) -> _Cue | None:
        toks = self.toks
        t = toks[i]
        for ph in self.lex.by_first.get(t.lower_, ()):  # (called on every token: only the phrases starting here)
            if i + len(ph) <= len(toks) and all(toks[i + k].lower_ == ph[k] for k in range(1, len(ph))):
                return _Cue((i, i + len(ph)), t, " ".join(ph), "phrase")
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.tag_.startswith("VB")):
            lemma = t.lemma_.lower()
            if lemma in self.lex.verbs:
                return _Cue((i, i + 1), t, lemma, "verb")
        return None

    def frame_after(self, q_end_tok: int) -> list[int]:
        out = []
        doc = self.doc
        k = q_end_tok
        if k >= len(doc):
            return out
        para = self.para_of[k - 1] if k > 0 else 0
        while k < len(doc) and len(out) < _FRAME_LIMIT:
            if self.in_quote[k] or self.para_of[k] != para:
                break
            out.append(k)
            if doc[k].text in _TERMINAL or doc[k].text == "...":
                break
            k += 1
        return out

    def frame_before(self, q_start_tok: int) -> list[int]:
        out: list[int] = []
        doc = self.doc
        k = q_start_tok - 1
        if k < 0:
            return out
        para = self.para_of[q_start_tok] if q_start_tok < len(doc) else self.para_of[-1]
        crossed = False
        steps = 0
        while k >= 0 and len(out) < _FRAME_LIMIT and steps < 4 * _FRAME_LIMIT:
            steps += 1
            if doc[k].is_space:
                k -= 1
                continue
            if self.para_of[k] != para:
                # "The minister said:" closing the previous paragraph introduces a quote that opens this one
                if crossed or out or doc[k].text != ":":
                    break
                para = self.para_of[k]
                crossed = True
            if self.in_quote[k] or doc[k].text in _TERMINAL or doc[k].text == "...":
                break
            out.append(k)
            k -= 1
        out.reverse()
        return out

    def cues_in(self, toks: list[int]) -> list[_Cue]:
        out = []
        seen = set()
        for i in toks:
            if i in seen:
                continue
            c = self.cue_at(i)
            if c is not None and all(not self.in_quote[k] for k in range(*c.tokens)):
                out.append(c)
                seen.update(range(*c.tokens))
        return out

    # speakers ------------------------------------------------------------------------------------------------------

    def speaker_of(self, cue: _Cue, avoid: tuple[int, int] | None = None) -> tuple[int, int, int] | None:
        """(start, end, head) token range of the speaker of ``cue``, or None."""
        doc = self.doc
        head = cue.head
        if cue.kind == "phrase":
            if cue.lemma.startswith("according"):
                last = doc[cue.tokens[1] - 1]
                objs = [c for c in token_children(last) if c.dep_ in ("pobj", "dobj", "nmod")]
                if objs:
                    if objs[0].lemma_.lower() in DOCUMENT_NOUNS:
                        agent = self._agent_of_document(objs[0])
                        if agent is not None:
                            return agent
                    return self._np(self._named(objs[0]))
                k = cue.tokens[1]
                if k < len(doc) and not self.in_quote[k]:
                    return self._nearest_np(k, +1, 6)
                return None
            # "in a statement": the subject of the clause it belongs to
            verb = head
            while verb.dep_ not in ("ROOT",) and verb.head is not verb and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            subj = self._subject(verb)
            if subj is not None:
                return subj
            return self._nearest_np(cue.tokens[0] - 1, -1, 8)
        subj = self._subject(head)
        v = head
        hops = 0
        while subj is None and v.dep_ in _CLIMB_DEPS and v.head is not v and hops < 3:
            v = v.head
            subj = self._subject(v)
            hops += 1
        if subj is None and head.dep_ == "relcl":
            return self._np(head.head)
        if subj is not None:
            return subj
        # parser gave no usable subject: the nearest noun phrase after the verb (inverted) or before it
        after = self._nearest_np(cue.tokens[1], +1, 4)
        if after is not None:
            return after
        return self._nearest_np(cue.tokens[0] - 1, -1, 5)

    def _subject(self, verb: Token) -> tuple[int, int, int] | None:
        subjects = [c for c in token_children(verb) if c.dep_ in _SUBJ and not self.in_quote[c.i]]
        if len(subjects) > 1:  # "KYIV, May 3 (Reuters) - Ukraine's air force said": the one nearest the verb
            subjects = sorted(subjects, key=lambda c: abs(verb.i - c.i))[:1]
        for c in subjects:
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return self._np(verb.head)
            if c.lemma_.lower() in DOCUMENT_NOUNS:
                agent = self._agent_of_document(c)
                if agent is not None:
                    return agent
            return self._np(self._named(c))
        return None

    def _named(self, h: Token) -> Token:
        """"the foreign minister, Lars Eriksen, said": the name in apposition is the more specific speaker."""
        if h.pos_ in ("NOUN",) and not h.ent_type_:
            for c in h.rights:
                if (c.dep_ == "appos" or c.dep_ == "npadvmod" and self.doc[c.i - 1].text == ",") and \
                        (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") and not self.in_quote[c.i]:
                    return c  # "the UN refugee agency, UNHCR, said" (the parser may call it npadvmod)
        return h

    def _agent_of_document(self, noun: Token) -> tuple[int, int, int] | None:
        """"a statement read by X" / "a statement from X" / "X's statement": X."""
        for t in token_subtree(noun):
            if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ in ("by", "from")):
                objs = [c for c in token_children(t) if c.dep_ == "pobj"]
                if objs and not self.in_quote[objs[0].i]:
                    return self._np(objs[0])
        for c in token_children(noun):
            if c.dep_ == "poss":
                return self._np(c)
        return None

    def _np(self, h: Token) -> tuple[int, int, int]:
        doc = self.doc
        if h.ent_type_:
            start, end = h.i, h.i + 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            # a one-word name whose first name the NER tagged as something else ("Musa" as a town): take the
            # proper nouns compounded onto it
            while end - start == 1 and start > 0 and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head.i == h.i:
                start -= 1
            if start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i == h.i:
                start -= 1  # "the World Food Programme", whether or not the NER took the article in
        else:
            start = h.i
            for c in [x for x in token_children(h) if x.i < h.i]:  # (``h.lefts``)
                if c.dep_ in _SPAN_LEFT_DEPS and not self.in_quote[c.left_edge.i]:
                    start = min(start, c.left_edge.i)
            end = h.i + 1
            while start < h.i and doc[start].dep_ == "case":
                start += 1
        for c in [x for x in token_children(h) if x.i > h.i]:  # (``h.rights``)
            if c.dep_ == "conj" and not self.in_quote[c.i]:
                end = max(end, c.i + 1)
            elif (c.dep_ == "prep" and c.lower_ == "of" and (h.pos_ == "NUM" or h.lower_ in _PARTITIVES)
                  and not self.in_quote[c.right_edge.i]):
                end = max(end, c.right_edge.i + 1)  # "one of the instructors"
        return start, end, h.i

    def _nearest_np(self, k: int, step: int, limit: int) -> tuple[int, int, int] | None:
        doc = self.doc
        for _ in range(limit):
            if k < 0 or k >= len(doc) or self.in_quote[k]:
                return None
            t = doc[k]
            if t.pos_ in ("PROPN", "PRON", "NOUN") and t.lower_ not in ("who", "which", "that", "it"):
                # climb compounds to their head
                h = t
                while h.dep_ in ("compound", "flat", "poss") and h.head is not h and not self.in_quote[h.head.i]:
                    h = h.head  # "replied his deputy": the deputy, not "his"
                return self._np(h)
            if t.text in _TERMINAL:
                return None
            k += step
        return None


def _ancestor_cue(ctx: _Ctx, a: int, b: int) -> _Cue | None:
    """A cue verb outside the quote whose clause holds the quote's tokens (embedded partial quote)."""
    doc = ctx.doc
    for k in range(a, min(b, len(doc))):
        if doc[k].is_punct:
            continue
        t = doc[k]
        for hops, anc in enumerate(t.ancestors):
            if hops >= _MAX_HOPS:
                break
            if ctx.in_quote[anc.i]:
                continue
            c = ctx.cue_at(anc.i)
            if c is not None:
                return c
        break
    return None


def _inner_cue(ctx: _Ctx, a: int, b: int) -> _Cue | None:
    """"officials "expressed concern" about...": a cue verb inside a partial quote whose subject is outside it."""
    doc = ctx.doc
    for k in range(a, min(b, len(doc))):
        t = doc[k]
        if t.pos_ == "VERB" and t.lemma_.lower() in ctx.lex.verbs:
            v = t
            for _ in range(2):  # the verb itself, then one coordinated verb it hangs on
                subj = [c for c in token_children(v) if c.dep_ in _SUBJ]
                if subj:
                    if subj[0].i < a:
                        return _Cue((k, k + 1), t, t.lemma_.lower(), "verb")
                    return None
                if v.dep_ != "conj" or v.head is v:
                    return None
                v = v.head
            return None
    return None


def _rank(ctx: _Ctx, cues: list[_Cue], a: int, b: int, after: bool) -> _Cue:
    """The cue of a quote among several in its frame: the one the quote hangs on, else a main-clause verb (not one
    inside a relative clause: "the minister, whom critics accused of graft, said"), else the nearest."""
    doc = ctx.doc
    quote_heads = {doc[k].head.i for k in range(a, min(b, len(doc))) if not doc[k].is_punct}

    def score(c: _Cue) -> tuple[int, int]:
        t = c.head
        governs = t.i in quote_heads
        chain = [t]
        for x in t.ancestors:
            if len(chain) > _MAX_HOPS:
                break
            chain.append(x)
        in_relcl = any(x.dep_ in ("relcl", "acl", "advcl") for x in chain if not ctx.in_quote[x.i])
        distance = c.tokens[0] if after else -c.tokens[0]
        return (0 if governs else 1 if not in_relcl else 2, distance)

    return min(cues, key=score)


def _is_title(s: str) -> bool:
    """"One Hundred Years of Solitude": capitalised words (small words aside), no sentence punctuation."""
    words = s.split()
    if not words or any(ch in s for ch in ",.!?;:"):
        return False
    if len(words) == 1:  # the BBC's “Newsnight” programme: one capitalised word inside a sentence is a name
        return words[0][:1].isupper() and not words[0].isupper() and words[0] not in ("I", "Yes", "No")
    small = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}
    return all(w[0].isupper() or w.lower() in small or not w[0].isalpha() for w in words) and words[0][0].isupper()


_NAMING = re.compile(r"(?:so-called|so called|dubbed|known as|titled|entitled|nicknamed|named|code-?named|"
                     r"the word|the term|the phrase|the words)\s*$", re.IGNORECASE)


def _named_not_said(text: str, span: QuoteSpan) -> bool:
    """"the so-called “peace dividend”", "an operation dubbed “Iron Wall”": a name or a scare quote, not speech."""
    return bool(_NAMING.search(text[max(0, span.open - 24):span.open]))


def _embedded(text: str, span: QuoteSpan) -> bool:
    """A quote inside running prose (not a sentence of its own): the char before the opening mark is a word's end."""
    content = text[span.start:span.end]
    before = text[:span.open].rstrip()
    prev = before[-1:] if before else ""
    after = text[span.close:span.close + 3].lstrip() if not span.open_end else ""
    if prev in ("", ":") or prev in _TERMINAL:
        return False
    if prev == "," and (content[:1].isupper() or content[-1:] in ",." + _TERMINAL):
        return False
    if content[-1:] == "," and (after == "" or after[:1].islower() or after[:1].isupper()):
        return content[:1].islower() and prev.isalnum()
    return True


def _directs(ctx: _Ctx, spans: list[QuoteSpan]) -> list[_Found]:
    text = ctx.text
    found: list[_Found] = []
    for sp in spans:
        a, b = ctx.tok_range(sp.start, sp.end)
        oa, ob = ctx.tok_range(sp.open, sp.close)
        content = text[sp.start:sp.end]
        embedded = _embedded(text, sp)
        f = _Found(sp.start, sp.end, True, span=sp)
        cue = None
        if embedded:
            cue = _ancestor_cue(ctx, a, b) or _inner_cue(ctx, a, b)
            if cue is None:
                # "..., Singh said" after an embedded-looking quote (started mid-sentence)
                after = ctx.frame_after(ob)
                cands = ctx.cues_in(after[:4])
                cue = cands[0] if cands else None
            if cue is not None and cue.lemma in ("call", "describe") and _is_title(content):
                cue = None
            if cue is not None and (_is_title(content) or _named_not_said(text, sp)):
                cue = None
        else:
            after = ctx.frame_after(ob)
            before = ctx.frame_before(oa)
            ends_terminal = content.rstrip(_ALL_MARKS + " ")[-1:] in _TERMINAL
            after_cues = ctx.cues_in(after)
            if ends_terminal:
                after_cues = [c for c in after_cues if c.tokens[0] - ob < 5]
            before_cues = ctx.cues_in(before)
            if after_cues:
                cue = _rank(ctx, after_cues, a, b, after=True)
            elif before_cues:
                cue = _rank(ctx, before_cues, a, b, after=False)
        if cue is not None:
            f.cue = cue
            spk = ctx.speaker_of(cue)
            if spk is not None:
                f.speaker = (spk[0], spk[1])
                f.speaker_head = spk[2]
        elif not embedded:
            f.cue = None
        else:
            log.debug("quotes: %r has no cue (scare quote or title), skipped", content[:40])
            continue
        found.append(f)
    # quotes with no cue of their own: a split quote or a continued paragraph shares its neighbour's speaker
    for idx, f in enumerate(found):
        if f.cue is not None:
            continue
        sp = f.span
        assert sp is not None
        donor = None
        if sp.open_end and idx + 1 < len(found):
            nxt = found[idx + 1]
            if nxt.span is not None and nxt.span.paragraph == sp.paragraph + 1:
                donor = _follow(found, idx + 1)
        if donor is None:  # a split quote sits next to its other part: the nearest cued one before, else after
            donor = _cued_neighbour(found, range(idx - 1, max(-1, idx - 5), -1), sp.paragraph)
        if donor is None:
            donor = _cued_neighbour(found, range(idx + 1, min(len(found), idx + 5)), sp.paragraph)
        if donor is None and idx > 0 and _whole_paragraph(text, sp):
            o = found[idx - 1]
            if o.span is not None and o.span.paragraph == sp.paragraph - 1 and (
                    o.cue is not None or o.inherited_from is not None):
                donor = idx - 1
        if donor is not None:
            f.inherited_from = found[donor]
    return [f for f in found if f.cue is not None or f.inherited_from is not None]


def _cued_neighbour(found: list[_Found], order: range, paragraph: int) -> int | None:
    """The first quote in ``order`` that has a cue, walking only within ``paragraph``."""
    for j in order:
        o = found[j]
        if o.span is None or o.span.paragraph != paragraph:
            return None
        if o.cue is not None:
            return j
    return None


def _follow(found: list[_Found], j: int) -> int | None:
    """The first quote from j on (in the same chain of paragraphs) that has a cue."""
    k = j
    while k < len(found):
        if found[k].cue is not None:
            return k
        sp = found[k].span
        nxt = found[k + 1] if k + 1 < len(found) else None
        if sp is None or nxt is None or nxt.span is None or nxt.span.paragraph > sp.paragraph + 1:
            return None
        k += 1
    return None


def _whole_paragraph(text: str, sp: QuoteSpan) -> bool:
    lo = text.rfind("\n", 0, sp.open) + 1
    hi = text.find("\n", sp.close)
    hi = len(text) if hi < 0 else hi
    return not text[lo:sp.open].strip() and len(text[sp.close:hi].strip()) <= 1


def _indirects(ctx: _Ctx, directs: list[_Found]) -> list[_Found]:
    doc = ctx.doc
    text = ctx.text
    covered = sorted((f.span.open, f.span.close) for f in directs if f.span is not None)
    out: list[_Found] = []
    toks = doc_tokens(doc)
    for i in ctx.cue_candidates():
        if ctx.in_quote[i]:
            continue
        t = toks[i]
        cue = ctx.cue_at(i)
        if cue is None:
            continue
        if cue.kind == "phrase":
            if tuple(cue.lemma.split()) not in ctx.lex.indirect_phrases:
                continue
            clause = _according_clause(ctx, cue)
        else:
            if cue.lemma not in ctx.lex.indirect_verbs or t.pos_ != "VERB":
                continue
            clause = _complement(ctx, t, cue.lemma)
        if clause is None:
            continue
        s, e = clause
        s_char = doc[s].idx
        e_char = doc[e - 1].idx + len(doc[e - 1])
        s_char, e_char = _trim(text, s_char, e_char)
        first = max(0, bisect.bisect_left(covered, (s_char, -1)) - 1)  # quotes are sorted and never overlap
        j = first
        while j < len(covered) and covered[j][0] < e_char:
            o, c = covered[j]
            if o >= s_char and e_char < c:  # a clause ending inside a partial quote ends with it: would "not bow."
                e_char = c
            j += 1
        if e_char - s_char < 3:
            continue
        j = first
        inside = 0
        while j < len(covered) and covered[j][0] < e_char:
            o, c = covered[j]
            inside += max(0, min(e_char, c) - max(s_char, o))
            j += 1
        if inside * 2 > e_char - s_char:
            continue
        spk = ctx.speaker_of(cue)
        if spk is None:
            continue
        out.append(_Found(s_char, e_char, False, cue=cue, speaker=(spk[0], spk[1]), speaker_head=spk[2]))
    return out


def _complement(ctx: _Ctx, v: Token, lemma: str) -> tuple[int, int] | None:
    doc = ctx.doc
    if lemma in ("accuse", "blame", "charge"):
        obj = next((c for c in token_children(v) if c.dep_ in ("dobj", "obj")), None)
        prep = next((c for c in token_children(v) if c.dep_ == "prep" and c.lower_ in ("of", "for", "with")), None)
        if obj is not None and prep is not None and v.i < obj.i < prep.i:
            return obj.left_edge.i, _strip_punct(doc, prep.right_edge.i + 1, obj.left_edge.i)
    # "X said that CLAUSE" or "CLAUSE, X said"
    comp = next((c for c in token_children(v) if c.dep_ == "ccomp" and c.i > v.i), None)
    if comp is None:
        comp = next((c for c in token_children(v) if c.dep_ == "ccomp" and c.right_edge.i < v.i), None)
    if comp is None:  # "told the presenter that ...", "said in a report that ...": parsed as a clause on a noun
        nouns = [c for c in token_children(v) if c.dep_ in ("dobj", "obj", "dative") and c.i > v.i]
        nouns += [p for c in token_children(v) if c.dep_ == "prep" and c.i > v.i for p in token_children(c) if p.dep_ == "pobj"]
        for obj in nouns:
            comp = next((c for c in obj.rights if c.dep_ in ("acl", "relcl", "ccomp")
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in token_children(c))), None)
            if comp is not None:
                break
    if comp is None:
        return None
    s = comp.left_edge.i
    e = comp.right_edge.i + 1
    while s < e and (doc[s].lower_ == "that" or doc[s].is_punct):  # "said that ...": the clause after "that"
        s += 1
    e = _strip_punct(doc, e, s)
    if e - s < 2:
        return None
    return s, e


def _strip_punct(doc: Doc, e: int, s: int) -> int:
    while e > s and doc[e - 1].is_punct and doc[e - 1].text not in _ALL_MARKS:
        e -= 1
    return e


def _according_clause(ctx: _Ctx, cue: _Cue) -> tuple[int, int] | None:
    """"According to X, CLAUSE." or "CLAUSE, according to X.": the clause."""
    doc = ctx.doc
    a, b = cue.tokens
    sent = doc[a].sent
    # the source phrase: from the cue to the end of its object's subtree
    src_end = b
    last = doc[b - 1]
    for c in token_children(last):
        src_end = max(src_end, c.right_edge.i + 1)
    if a <= sent.start + 1:
        s = src_end
        while s < sent.end and doc[s].is_punct:
            s += 1
        e = _strip_punct(doc, sent.end, s)
    else:
        s = sent.start
        e = a
        while e > s and doc[e - 1].is_punct:
            e -= 1
        if src_end < sent.end - 1:
            return None  # "according to" mid-sentence: the reported part is unclear
    while s < e and ctx.in_quote[s] is False and doc[s].is_space:
        s += 1
    if e - s < 3:
        return None
    return s, e


# -- actors -----------------------------------------------------------------------------------------------------------

class _Mentions:
    def __init__(self, actors: Sequence[Actor]):
        rows = []
        self.kind: dict[str, str] = {}
        self.surnames: dict[str, str] = {}
        for a in actors:
            self.kind[a.id] = a.kind
            if a.kind == "person" and a.name.split():
                self.surnames[a.id] = a.name.split()[-1].lower()
            for m in a.mentions:
                rows.append((m.start, m.end, a.id))
        rows.sort()
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        k = bisect.bisect_left(self.starts, end)
        out = []
        j = k - 1
        while j >= 0 and len(out) < 50:
            s, e, aid = self.rows[j]
            if e > start:
                out.append(self.rows[j])
            elif start - s > 500:
                break
            j -= 1
        return out

    def best(self, start: int, end: int, head: tuple[int, int]) -> str | None:
        cands = self.overlapping(start, end)
        if not cands:
            return None
        on_head = [r for r in cands if r[0] < head[1] and r[1] > head[0]]
        pool = on_head or cands
        pool.sort(key=lambda r: (-(min(r[1], end) - max(r[0], start)), r[0]))
        return pool[0][2]

    def by_surname(self, word: str) -> str | None:
        """The one person actor whose name ends with ``word`` ("Rogers" -> Ross Rogers), when no mention covers it."""
        hits = {aid for aid, last in self.surnames.items() if last == word.lower()}
        return hits.pop() if len(hits) == 1 else None

    def last_person_before(self, pos: int, exclude: tuple[int, int]) -> str | None:
        k = bisect.bisect_left(self.starts, pos)
        for j in range(k - 1, max(-1, k - 2001), -1):  # the nearest person within the last 2,000 mentions
            s, e, aid = self.rows[j]
            if s >= exclude[0] and e <= exclude[1]:
                continue
            if self.kind.get(aid) == "person":
                return aid
        return None


def find_quotes(doc: Doc, actors: Sequence[Actor]) -> tuple[Quote, ...]:
    """Direct and reported quotes of ``doc`` in text order, each with its cue and speaker. Never raises."""
    try:
        return _find_quotes(doc, actors)
    except Exception:  # the stage must never sink an article: log it and give no quotes
        log.exception("quotes: stage failed on a document of %d characters", len(doc.text))
        return ()


def _find_quotes(doc: Doc, actors: Sequence[Actor]) -> tuple[Quote, ...]:
    text = doc_text(doc)
    if not text.strip() or len(doc) == 0:
        return ()
    spans = scan_quotes(text)
    for sp in spans:
        if sp.note:
            log.debug("quotes: %s at %d", sp.note, sp.open)
    ctx = _Ctx(doc, spans)
    directs = _directs(ctx, spans)
    indirects = _indirects(ctx, directs)
    mentions = _Mentions(actors)
    items = directs + indirects

    named_before: list[tuple[int, str]] = []  # (char offset, actor id) of named speakers, for pronoun fallback

    def resolve(f: _Found) -> tuple[str | None, str | None, str | None, str | None]:
        if f.speaker is None or f.cue is None:
            cue_text = None if f.cue is None else doc[f.cue.tokens[0]:f.cue.tokens[1]].text
            return None, None, cue_text, None if f.cue is None else f.cue.lemma
        s_tok, e_tok = f.speaker
        s_char = doc[s_tok].idx
        e_char = doc[e_tok - 1].idx + len(doc[e_tok - 1])
        h = doc[f.speaker_head if f.speaker_head is not None else s_tok]
        aid = mentions.best(s_char, e_char, (h.idx, h.idx + len(h)))
        if aid is None and h.pos_ == "PROPN":
            aid = mentions.by_surname(h.text)
        if aid is None and h.lower_ in _PERSON_PRONOUNS:
            aid = mentions.last_person_before(h.idx, (s_char, e_char))
            if aid is None:
                prior = [p for p in named_before if p[0] < h.idx]
                aid = prior[-1][1] if prior else None
        elif aid is not None and h.lower_ not in _PRONOUNS:
            named_before.append((h.idx, aid))
        cue_text = doc[f.cue.tokens[0]:f.cue.tokens[1]].text
        return aid, text[s_char:e_char], cue_text, f.cue.lemma

    # named speakers are collected in text order, so a pronoun falls back to the last one named before it
    own = sorted((f for f in items if f.inherited_from is None),
                 key=lambda f: doc[f.speaker[0]].idx if f.speaker is not None else f.start)
    res: dict[int, tuple[str | None, str | None, str | None, str | None]] = {id(f): resolve(f) for f in own}
    none: tuple[str | None, str | None, str | None, str | None] = (None, None, None, None)
    resolved = []
    for f in items:
        g: _Found | None = f
        hops = 0
        while g is not None and id(g) not in res and hops < len(items):
            g = g.inherited_from
            hops += 1
        resolved.append(res.get(id(g), none) if g is not None else none)

    rows = sorted(zip(items, resolved, strict=True), key=lambda r: (r[0].start, r[0].end))
    out: list[Quote] = []
    for n, (f, (aid, stext, cue_text, lemma)) in enumerate(rows, 1):
        out.append(Quote(id=f"q{n}", text=text[f.start:f.end], start=f.start, end=f.end, direct=f.direct,
                         speaker=aid, speaker_text=stext, cue=cue_text, cue_lemma=lemma))
    return tuple(out)
