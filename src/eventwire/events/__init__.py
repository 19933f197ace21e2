"""Events: who did what to whom, found in the dependency parse and coded in CAMEO and PLOVER.

One event per statement of an event in the text (a mention with its own evidence). The steps, per sentence:

1. Triggers: a token whose lemma and part of speech match a row of ``data/event_lexicon.tsv`` (with the row's
   particle/preposition and object noun when it names them; the most specific row wins).
2. Control: a trigger governed by a control verb ("decided to suspend", "threatened to impose sanctions", "urged X to
   withdraw", "held talks") is one event, recoded by the control's class (a threat to sanction is 1312, an intent to
   meet 036, an appeal for a ceasefire 0256); a control verb that governs no event gives its own code (threaten 130).
3. Participants from the grammar: source = subject (or the passive's "by" agent, the possessor or "by" phrase of a
   nominal event, the controller's subject for control and raising, the first conjunct's subject for conjoined
   verbs); target = direct object, passive subject, or the object of a directed preposition (with, against, to...).
   A phrase's actors are the actor mentions nearest its head (conjuncts and appositions count as the head itself).
   With no such target: the verb conjoined after it ("donated and delivered goods to X"), the subject of a that-clause
   on its object noun ("expressed hopes that X ..."), the subject of a threat's if/unless condition, a journey's
   destination ("left for X"), and last the actor named by the place of the act or of its object ("opened an
   embassy in Tehran", "criticized the closure of houses in Bree"). Violence with no named doer is ascribed to the
   place it happens in (the country's own actor, or another of its actors than the victims: "two Iraqi policemen
   were killed in a car bombing in Samarra" is Iraq's; "Iraqis were killed in Baghdad" names no other Iraqi actor
   and stays without a source); with no such place the source stays empty ("two soldiers were killed in an
   ambush"). A bare noun naming an act, with no control verb and no target ("since last
   month's U.S. invasion"), is background and gives no event; so is an act in a relative clause or participle that
   describes a thing ("a resolution that aims to impose sanctions", "a statement criticizing China"; but what an
   issued text does, its issuer does: "issued a declaration demanding ..."), a purpose served by an act already named
   ("staged protests to demand reforms"), what an if/unless condition names ("will withdraw unless Baghdad accepts"),
   and what protesters say or demand while protesting ("marched, demanding that the minister resign").
   More participant rules: a recipient named after the giver's own thing is the target ("offered its troops to
   Lebanon"); a purpose is aimed at the object of the act it serves ("summoned the ambassador to complain"); a
   protest, coercion or violence that names no one, and curfews or bans threatened or eased, are aimed at home (the
   source's own country as the text names it); in a quote, "we" and "us" are the speaker. A demand or appeal noun
   governs the act its that-clause asks for, as the verb does ("its demand that Israel ease restrictions" is one
   demand on Israel); the passive subject of a control verb does the act it governs ("were engaged in an offensive");
   a control verb's subject acts on the doer its noun names ("agreed to US mediation"); a participle's harm falls on
   those the act was aimed at ("shelled X, killing 20"); the "of" phrase of the act's own object noun is its target
   ("tightened the blockade of Serbia").
4. Codes refined by the grammar: the means of a harm ("wounded two soldiers in a bomb attack" is 183, not 190); a
   future act hung on another's ("will withdraw unless ...") is a threat; a speaker's "must" is a demand.
5. Flags, date and place: negation, hypothetical/intended (modals, conditionals, intent/threat/appeal classes),
   the time expression of the trigger's own clause (walking up through governing clauses, never into a noun phrase:
   "a 2012 agreement" does not date its cancellation), and the place of the clause ("in Niamey", "visited Tehran").

"X said Y did Z" gives two events: the statement (CAMEO 01, source X) and Y's act.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import deque
from dataclasses import dataclass, field

from spacy import symbols as spacy_symbols
from spacy.attrs import HEAD, IDX, LEMMA, LENGTH, LOWER, POS, SPACY
from spacy.tokens import Doc, Token

from ..dates import time_words
from ..nlp import (
    ADVERB_PARTICLES,
    BORDER_NOUNS,
    DOCUMENT_NOUNS,
    OWN_GOVERNMENT_NOUNS,
    doc_cache,
    doc_tokens,
    token_subtree,
)
from ..nlp import token_children as _kids
from ..record import (
    Actor,
    Entity,
    Event,
    EventDate,
    EventLocation,
    Place,
    Quote,
    SentenceSpan,
    Span,
    TimeExpr,
)
from . import tables
from .tables import LexEntry

__all__ = ["EventInputs", "evidence_mentions", "find_events"]


@dataclass(frozen=True)
class EventInputs:
    """What the earlier stages found, as record types."""

    actors: tuple[Actor, ...]
    entities: tuple[Entity, ...]
    times: tuple[TimeExpr, ...]
    places: tuple[Place, ...]
    quotes: tuple[Quote, ...]
    published: dt.date | None


# Prepositions whose object is never what a verb acts on ("ended without agreement", "met despite objections")
NOT_OBJECT_PREPS = frozenset({"without", "despite"})
# Prepositions whose object acts with the doer, not upon it ("fought alongside Malian troops")
ALLY_PREPS = frozenset({"alongside", "beside"})
# Prepositions whose object is the one acted upon ("meet with X", "attack on X", "travel to X").
TARGET_PREPS = frozenset({"with", "against", "on", "to", "toward", "towards", "at", "upon", "into", "onto", "over",
                          "around"})  # ("held drills around Taiwan")
# Complaints, refusals, warnings and protests are about someone: "warned their people about the Prince of X".
ABOUT_ROOTS = frozenset({"11", "12", "13", "14"})
NOUN_TARGET_PREPS = TARGET_PREPS | {"between", "among"}
# Prepositions followed into a phrase when looking for its actors ("a delegation of US officials", "a deal with X").
PHRASE_PREPS = frozenset({"of", "with", "from", "by", "between", "among", "to", "for", "against", "over", "about",
                          "on", "toward", "towards", "including"})
SKIP_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "mark", "cc", "det", "case",
                       "aux", "auxpass", "neg", "advmod", "npadvmod", "nummod", "quantmod", "dep", "meta"})
SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
MODALS = frozenset({"may", "might", "could", "would", "should", "can"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "off"})  # ("off the coast of Yemen")
DEFINITE = frozenset({"the", "this", "these", "those", "that"})
PRONOUN_3 = frozenset({"it", "they", "he", "she", "them", "him", "her", "its", "their"})
ANAPHOR_WINDOW = 3000  # characters back in which "the officials" may pick up "senior US military officials"


@dataclass(slots=True)
class _Match:
    tok: Token
    entry: LexEntry
    is_control: bool
    obj_tokens: tuple[Token, ...] = ()


@dataclass(slots=True)
class _Ctx:
    doc: Doc
    actor_at: dict[int, list[str]]
    actor_by_id: dict[str, Actor]
    place_at: dict[int, Place]
    time_on: dict[int, TimeExpr]
    lex: tables.Lexicon
    anaphora: dict[str, list[tuple[int, list[str]]]] = field(default_factory=dict)
    by_country: dict[str, str] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()
    # events of the sentences before, for "condemned the seizure": trigger lemma, CAMEO code, source, target, and
    # whether the event answers an act reported before it ("rejected the move")
    reported: list[tuple[str, str, list[str], list[str], bool]] = field(default_factory=list)
    # the acts drafted so far in the sentence being read, by trigger index, in the same form (an answer may follow the
    # act it answers in one sentence: "North Korea fired a missile, and Japan condemned the launch")
    drafted: list[tuple[int, tuple[str, str, list[str], list[str], bool]]] = field(default_factory=list)
    # statements of the sentence being read that are coded as the act they tell of (``_settle_statements``), kept
    # for "Kyiv denied the claim" in a later sentence
    told: list[tuple[str, str, list[str], list[str], bool]] = field(default_factory=list)
    # the first characters of the triggers of answers to an act: those whose target is the doer of an act reported
    # before (``_earlier_doer``), and reactions to an act noun that names its doer ("criticized the league's decision")
    answers: set[int] = field(default_factory=set)
    # the first characters of triggers named as what came before their clause's act (``_prior_act``)
    background: set[int] = field(default_factory=set)
    already: set[int] = field(default_factory=set)  # acts said to be done already (``_finish``)
    # indices of the tokens ``_match`` may find rows for, in text order (see ``_scan``)
    candidates: list[int] = field(default_factory=list)
    # _phrase_actors' answers by (head, max_cost, subject): it reads only what is fixed once the indexes are built
    phrase_memo: dict[tuple[int, int, bool], list[str]] = field(default_factory=dict)
    # events made so far (``_finish`` numbers them in text order), and each trigger's lemma by its first character
    n_events: int = 0
    trigger_lemma: dict[int, str] = field(default_factory=dict)
    conj_host_heads: set[int] | None = None  # (see ``_conj_host_heads``)


# -- public ------------------------------------------------------------------------------------------------------------

def find_events(doc: Doc, inputs: EventInputs, lexicon_path: str | None = None) -> tuple[Event, ...]:
    """Every event mention in ``doc``, coded, with participants from ``inputs.actors`` and evidence offsets."""
    if not len(doc):
        return ()
    ctx = _Ctx(doc=doc, actor_at=_actor_index(doc, inputs.actors),
               actor_by_id={a.id: a for a in inputs.actors}, place_at=_place_index(doc, inputs.places),
               time_on=_time_index(doc, inputs.times), lex=tables.lexicon(lexicon_path),
               quotes=tuple(q for q in inputs.quotes if q.speaker))
    nouns = _scan(ctx)
    _index_anaphora(ctx, nouns)
    out: list[Event] = []
    for sent in doc.sents:
        got = _sentence_events(ctx, sent, inputs)
        out.extend(got)
        ctx.reported.extend(ctx.told)
        ctx.told.clear()
        # (an act the sentence names as what came before its own, "in retaliation for an Israeli strike", counts as
        # reported before the sentence's own acts: "the attack" in a later sentence is the retaliation)
        rows = [(e.trigger.start in ctx.already,
                 (ctx.trigger_lemma[e.trigger.start], e.cameo, list(e.source), list(e.target),
                  e.trigger.start in ctx.answers))
                for e in sorted(got, key=lambda e: e.trigger.start not in ctx.background) if e.source]
        # (an act said to be done already, "the United States has already imposed similar sanctions", came before
        # everything the story reported: "the move" after it is still the story's own act)
        ctx.reported[:0] = [x for early, x in rows if early]
        ctx.reported.extend(x for early, x in rows if not early)
    return tuple(out)


# -- indexes -----------------------------------------------------------------------------------------------------------

def _token_offsets(doc: Doc) -> tuple[list[int], list[int], int]:
    """Each token's start and end characters and the length of the text the tokens cover, read once per doc."""
    memo = doc_cache(doc, "token_offsets")
    if not memo:
        cols = doc.to_array([IDX, LENGTH, SPACY])
        ends = cols[:, 0] + cols[:, 1]
        memo["offsets"] = (cols[:, 0].tolist(), ends.tolist(), int(ends[-1] + cols[-1, 2]))
    return memo["offsets"]


def _char_tokens(offsets: tuple[list[int], list[int], int], start: int, end: int) -> range:
    """The tokens of ``doc.char_span(start, end, alignment_mode="expand")`` (none where that is None), found by
    bisecting the ``_token_offsets``: ``char_span`` builds a Span each call. A token covers its text and the white
    space after it; a span that starts in that white space starts at the next token."""
    starts, ends, size = offsets
    if not (0 <= start < size and 0 < end <= size):
        return range(0)
    first = bisect.bisect_right(starts, start) - 1
    if start == ends[first]:
        first += 1
    return range(first, bisect.bisect_right(starts, end - 1))


def _actor_index(doc: Doc, actors: tuple[Actor, ...]) -> dict[int, list[str]]:
    at: dict[int, list[str]] = {}
    offsets = _token_offsets(doc)
    for a in actors:
        for m in a.mentions:
            for i in _char_tokens(offsets, m.start, m.end):
                ids = at.setdefault(i, [])
                if a.id not in ids:
                    ids.append(a.id)
    return at


def _place_index(doc: Doc, places: tuple[Place, ...]) -> dict[int, Place]:
    at: dict[int, Place] = {}
    offsets = _token_offsets(doc)
    for p in places:
        for i in _char_tokens(offsets, p.start, p.end):
            at.setdefault(i, p)
    return at


def _time_index(doc: Doc, times: tuple[TimeExpr, ...]) -> dict[int, TimeExpr]:
    """Token index of the clause head (verb) or nominal head each resolved time expression modifies."""
    on: dict[int, TimeExpr] = {}
    offsets = _token_offsets(doc)
    for t in times:
        if not t.value or not t.granularity:
            continue
        idx = _char_tokens(offsets, t.start, t.end)
        if not idx:
            continue
        inside = set(idx)
        head = next((doc[i] for i in idx if doc[i].head.i not in inside or doc[i].head.i == i), doc[idx[0]])
        anchor = head
        if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
            anchor = anchor.head
        host = anchor.head
        if host.i == anchor.i:
            continue
        # A time inside a noun phrase ("a 2012 agreement", "the agreement of 2012") dates that noun only.
        if host.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("nummod", "compound", "amod", "poss", "nmod", "prep",
                                                              "npadvmod", "appos"):
            on.setdefault(-1 - host.i, t)  # keyed apart from clause heads: only that noun's own event uses it
            if anchor.dep_ == "prep" and anchor.lower_ != "of" and host.dep_ == "dobj":
                # "summoned Russia's ambassador on Monday", the time hung on the object: the verb's time too
                on.setdefault(host.head.i, t)
            elif anchor.dep_ == "prep" and anchor.lower_ == "on" and host.dep_ in ("nsubj", "nsubjpass") \
                    and host.i < anchor.i and idx[-1] < host.head.i:
                # "Kenya's foreign ministry on Monday summoned Uganda's envoy": the wire's time between subject and
                # verb, hung on the subject
                on.setdefault(host.head.i, t)
            continue
        on.setdefault(host.i, t)
    return on


def _scan(ctx: _Ctx) -> list[int]:
    """One pass over the doc's part-of-speech, lemma and lower-case columns (read in one go, not token by token):
    fills ``ctx.candidates`` with the tokens ``_match`` may find lexicon rows for (the others match nothing whatever
    their parse: no row for their word) and returns the indices of the nouns."""
    doc = ctx.doc
    toks = doc_tokens(doc)
    strings = doc.vocab.strings
    plans = _plans(ctx.lex)
    verb = spacy_symbols.VERB
    aux = spacy_symbols.AUX
    cols = doc.to_array([POS, LEMMA, LOWER])
    tags = cols[:, 0]
    is_noun = tags == spacy_symbols.NOUN
    # only the verbs, nouns and adjectives are looked at (``_MATCH_POS``): the others have no rows
    which = (is_noun | (tags == verb) | (tags == aux) | (tags == spacy_symbols.ADJ)).nonzero()[0]
    cands = ctx.candidates
    for i, p, lemma, lower in zip(which.tolist(), *cols[which].T.tolist(), strict=True):
        pos = _MATCH_POS[p]
        if (p == verb or p == aux) and i >= 2 and toks[i - 1].text == "-":
            cands.append(i)  # maybe "test-fired": ``_match`` works it out
            continue
        key = (pos, lemma, lower)  # (as ``_match`` keys its plans)
        plan = plans.get(key, False)
        if plan is False:
            plan = plans[key] = _match_plan(ctx.lex, pos, strings[lemma].lower(), strings[lower])
        if plan is not None:
            cands.append(i)
    return is_noun.nonzero()[0].tolist()


def _index_anaphora(ctx: _Ctx, nouns: list[int]) -> None:
    """Nouns directly modified by an actor ("US officials", "Russia's delegation"): antecedents for "the officials".
    ``nouns``: the indices of the doc's nouns."""
    actor_at = ctx.actor_at
    if not actor_at:
        return
    toks = doc_tokens(ctx.doc)
    for i in nouns:
        tok = toks[i]
        ids: list[str] = []
        for ch in _kids(tok):
            if ch.i in actor_at and ch.dep_ in ("compound", "amod", "poss", "nmod"):
                ids.extend(x for x in actor_at[ch.i] if x not in ids)
        if ids:
            ctx.anaphora.setdefault(_anaphor_key(tok), []).append((tok.idx, ids))


# Nouns that name the same kind of party, so that one refers back to another ("Ugandan troops ... the soldiers")
ANAPHOR_KINDS = {"troop": "soldier", "force": "soldier", "soldier": "soldier"}


def _anaphor_key(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return ANAPHOR_KINDS.get(lemma, lemma)


# -- triggers ----------------------------------------------------------------------------------------------------------

def _preps_of(tok: Token) -> list[Token]:
    return [c for c in _kids(tok) if c.dep_ in ("prep", "prt", "agent", "dative")
            or c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES]


# nouns of asking for something, whose "for" phrase says what ("a proposal for a ceasefire")
REQUEST_NOUNS = frozenset({"proposal", "call", "request", "demand", "plan", "bid", "offer", "appeal", "plea"})
# verbs of force used against an attack ("repelled the attack"): aimed at whoever made it
# What an act is done on or at, naming the one who bade it ("on the orders of a court", "at the request of Mali").
BEHEST_NOUNS = frozenset({"order", "request", "behest", "instruction", "direction", "urging", "invitation", "demand"})
REPELLING_VERBS = frozenset({"repel", "repulse", "thwart", "foil", "counter"})
# Weapons in flight, whose interception is force against whoever fired them ("shot down 30 of the 40 missiles").
PROJECTILES = frozenset({"missile", "drone", "rocket", "projectile", "munition", "shell", "balloon"})


def _intercepts(t: Token) -> bool:
    """``t`` shoots down or intercepts projectiles ("shot down 30 of the 40 missiles", "intercepted two drones")."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or not (lemma == "intercept" or lemma == "shoot" and any(
            c.dep_ == "prt" and c.lower_ == "down" for c in _kids(t))):
        return False
    objs = _children(t, ("dobj",))
    return any(o.lemma_.lower() in PROJECTILES for d in objs for o in (d, *_prep_objects(d, ("of",))))
# Nouns that refer back to another's act of the CAMEO roots given, when one accepts, welcomes, rejects or condemns
# "the" one: an invitation was an appeal to meet (or an intent to), an offer an intent, a demand a demand ("Kim invited
# Putin to visit ... Putin accepted the invitation" answers Kim); a launch or a test was a missile fired, a show of
# force or an attack ("North Korea fired a missile. Japan condemned the launch").
ANSWERED_ROOTS = {"invitation": {"02", "03", "04"}, "offer": {"03"}, "proposal": {"03", "02"}, "plan": {"03"},
                  "demand": {"10"}, "request": {"02", "10"}, "call": {"02", "10"}, "appeal": {"02"}, "plea": {"02"},
                  "launch": {"15", "19"}, "test": {"15"}}


def _object_heads(tok: Token, prep: str | None) -> list[Token]:
    heads: list[Token] = []
    has_dobj = False
    for c in _kids(tok):
        dep = c.dep_
        if dep in ("dobj", "nsubjpass", "attr", "oprd"):
            has_dobj = has_dobj or dep == "dobj"
            heads.append(c)
            heads.extend(x for x in c.conjuncts)
            if dep == "dobj" and c.lower_ in ("it", "them") and tok.dep_ in ("conj", "dep") and tok.head.i < tok.i:
                # "declared martial law, then lifted it": the pronoun is the object of the verb before
                heads.extend(d for d in _kids(tok.head) if d.dep_ == "dobj" and d.pos_ == "NOUN")
            # "gave 5 million dollars of aid", "a number of concerns", "pledged $1 billion in aid" (an amount)
            amount = _amount(c)
            # ("rejected calls for a ceasefire", "a proposal for talks": what a request is for)
            asked = c.lemma_.lower() in REQUEST_NOUNS
            heads.extend(p for pr in _kids(c) if pr.dep_ == "prep" and (pr.lower_ == "of" or amount and pr.lower_ == "in"
                                                                      or asked and pr.lower_ == "for")
                         for p in _kids(pr) if p.dep_ == "pobj")
            # "called Israel's actions in Gaza a genocide": the judging noun the parser set beside the object
            heads.extend(a for a in _kids(c) if a.dep_ == "appos" and a.pos_ == "NOUN")
            # "described the embargo as criminal", with "as" hung on the object
            heads.extend(a for pr in _kids(c) if pr.dep_ == "prep" and pr.lower_ == "as"
                         for a in _kids(pr) if a.dep_ in ("amod", "acomp", "pobj"))
        elif dep in ("prep", "agent", "dative") and (prep is None and c.lower_ not in NOT_OBJECT_PREPS
                                                     or c.lower_ == prep):
            objs = [p for p in _kids(c) if p.dep_ in ("pobj", "pcomp")] + _participle_subjects(c)
            if c.lower_ == "out" and not objs:
                objs = _prep_objects(c, ("of",))  # "pulled out of the deal"
            heads.extend(objs)
            if c.lower_ == "as":  # "described the sanctions as illegal": the parser hangs the adjective on "as"
                heads.extend(a for a in _kids(c) if a.dep_ in ("amod", "acomp") and a.pos_ == "ADJ")
            if c.lower_ == "with":  # "provided Ukraine with $4.5 billion in financial aid"
                heads.extend(q for p in objs for pr in _kids(p) if pr.dep_ == "prep" and pr.lower_ in ("in", "of")
                             for q in _kids(pr) if q.dep_ == "pobj")
    if not has_dobj and (counted := _misread_object(tok)):
        heads.extend(counted)
        has_dobj = True
    if not has_dobj:  # (with a direct object there is no clause object)
        heads.extend(_clause_object(tok))
    if (tok.dep_ == "amod" or tok.dep_ == "acl" and not _that_clause(tok)) and tok.head.pos_ in ("NOUN", "PROPN"):
        heads.append(tok.head)  # "the expelled diplomats", "sanctions imposed on X" (not "reports that it attacked")
    return heads


def _misread_object(v: Token) -> list[Token]:
    """A direct object the parser misread (for a verb with none): a counted one, "kidnapped up to 16 Russian
    advisers", read as the particle "up" with a "to" phrase (the "to" phrase's noun, when a number counts it); or the
    object of a particle read as a preposition right after the verb, "sealed off the town of Jenin"."""
    kids = _kids(v)
    return [p for u in kids if u.dep_ == "prt" and u.lower_ == "up" for t in _kids(u)
            if t.dep_ == "prep" and t.lower_ == "to" for p in _kids(t)
            if p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in _kids(p))] \
        or [p for u in kids if u.dep_ == "prep" and u.lower_ in MISREAD_PARTICLES and u.i == v.i + 1
            for p in _kids(u) if p.dep_ == "pobj"]


# Particles the parser may read as a preposition after a verb ("sealed off the town", "shot down a drone")
MISREAD_PARTICLES = frozenset({"off", "down", "up"})


def _participle_subjects(prep: Token) -> list[Token]:
    """"opened fire on Palestinians waiting for aid": the noun a participle describes, which the parser made the
    subject of the participle as the preposition's clause."""
    return [s for p in _kids(prep) if p.dep_ == "pcomp" and p.tag_ == "VBG" for s in _kids(p) if s.dep_ == "nsubj"]


def _amount(tok: Token) -> bool:
    """A number or sum of money as an object ("pledged $1 billion in aid", "1.5 billion euros in aid", which the
    tagger may leave unmarked)."""
    # (the plural read as well as the lemma: the lemmatizer turns "guilders" into "guilde")
    return tok.pos_ == "NUM" or tok.ent_type_ == "MONEY" \
        or (tok.lemma_.lower() in CURRENCY_NOUNS or tok.lower_.removesuffix("s") in CURRENCY_NOUNS) \
        and any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in _kids(tok))


# currencies a sum is counted in ("1.5 billion euros")
CURRENCY_NOUNS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "renminbi", "rupee", "rouble", "ruble", "franc",
                            "shekel", "dinar", "riyal", "rial", "dirham", "lira", "won", "peso", "real", "rand",
                            "naira", "shilling", "krona", "krone", "zloty", "hryvnia", "crown", "kroner", "kronor",
                            "mark", "deutschmark", "guilder", "lire", "peseta", "escudo", "drachma", "schilling",
                            "forint", "koruna", "leu", "lev", "tenge", "manat", "lari", "dram", "baht", "ringgit",
                            "rupiah", "taka", "kyat", "riel", "dong", "cedi", "kwacha", "birr", "ecu"})


def _subject_heads(tok: Token) -> list[Token]:
    """The subject nouns of a verb, or of the verb it is conjoined to ("troops crossed the border and massed") or
    that governs it ("troops began withdrawing"); of a noun, the subject of the verb it is the object of ("the army
    conducted an operation")."""
    up = tok.dep_ in ("conj", "xcomp") or tok.dep_ == "dobj" and tok.pos_ == "NOUN"
    for v in (tok, tok.head if up else None):
        if v is None:
            break
        subj = [c for c in _kids(v) if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            s = subj[0]
            if s.lemma_.lower() in PARTITIVES or s.pos_ == "NUM" or s.tag_ == "NNS" and s.lower_ in NUMBER_WORDS:
                # "the first batch of peacekeepers", "hundreds of refugees"
                s = next((p for p in _prep_objects(s, ("of",))), s)
            return [s, *s.conjuncts]
    return []


def _clause_object(tok: Token) -> list[Token]:
    """The object of an object-control verb the parser made the subject of the infinitive ("allowed [candidate X] to
    run", "permitted [the planes] to land")."""
    if _children(tok, ("dobj",)):
        return []
    # (likewise a participle clause: "detained a Russian agent plotting to kill X", and a bare infinitive: "will help
    # Vietnam build a port")
    return [s for c in _kids(tok) if c.dep_ == "ccomp" and (_to_infinitive(c) or c.tag_ in ("VBG", "VB")
                                                           and c.i > tok.i and not _children(c, ("mark", "aux")))
            for s in _kids(c) if s.dep_ in SUBJ]


def _noun_modifier_tokens(tok: Token) -> list[Token]:
    """Tokens that qualify a nominal trigger: "hunger strike", "air strike", "resumption of ties"."""
    out = [c for c in _kids(tok) if c.dep_ in ("compound", "amod", "nmod")]
    # "a military aid package": what qualifies a compound qualifies the whole
    out += [g for c in out if c.dep_ == "compound" for g in _kids(c) if g.dep_ in ("compound", "amod")]
    for c in _kids(tok):
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "on", "from", "into"):  # ("withdrawal from the bloc")
            objs = [p for p in _kids(c) if p.dep_ == "pobj"]
            out.extend(objs)
            if c.lower_ == "into":  # "an investigation into war crimes": what is looked into, with its qualifiers
                out.extend(g for p in objs for g in _kids(p) if g.dep_ in ("compound", "amod"))
    return out


_MATCH_PLANS: dict[int, tuple[tables.Lexicon, dict]] = {}  # id(lexicon) -> (lexicon, {(pos, lemma, lower): plan})
_MATCH_POS = {spacy_symbols.VERB: "VERB", spacy_symbols.AUX: "VERB", spacy_symbols.NOUN: "NOUN",
              spacy_symbols.ADJ: "ADJ"}


def _match_plan(lex: tables.Lexicon, pos: str, lemma: str, lower: str):
    """What ``_match`` reads from the lexicon for a word (its part of speech, lemma and lower case): the (kind, rows)
    to try, and the rows of the participle reading ("is opposed to") when the word has one; None when neither has
    a row (then the word matches nothing, whatever its parse)."""
    kinds = ("VERB", "CONTROL") if pos == "VERB" else ("CONTROL",) if pos == "ADJ" else ("NOUN",)
    if pos == "VERB" and not any(lex.rows(lemma, k) for k in kinds):
        lemma = _verb_lemma(lex, lower, lemma)
    if lemma.startswith("re-") and lower.startswith("re-") and not any(lex.rows(lemma, k) for k in kinds):
        # "re-imposed sanctions", "re-established ties": the act done again (else the word written without the
        # hyphen, "reimpose")
        for form, base in ((lower[3:], lemma[3:]), ("re" + lower[3:], "re" + lemma[3:])):
            if pos == "VERB" and not any(lex.rows(base, k) for k in kinds):
                base = _verb_lemma(lex, form, base)
            if any(lex.rows(base, k) for k in kinds):
                lemma = base
                break
    plain = []
    for kind in kinds:
        rows = lex.rows(lemma, kind)
        if not rows and kind == "NOUN":
            rows = lex.rows(lower, kind)
        plain.append((kind, rows))
    participle = [("CONTROL", lex.rows(lower, "CONTROL"))] if pos == "VERB" and lex.rows(lower, "CONTROL") else None
    # a noun's control rows (its verb's, "plan", or its own, "decision"): used when it governs an infinitive
    nominal = tuple(r for r in lex.rows(lemma, "CONTROL") if not r.prep and not r.objects) if pos == "NOUN" else ()
    if participle is None and not nominal and not any(rows for _, rows in plain):
        return None
    return plain, participle, nominal


def _plans(lex: tables.Lexicon) -> dict:
    """The match plans worked out so far for ``lex``, keyed by (pos, lemma, lower) as ``_match`` reads them."""
    held = _MATCH_PLANS.get(id(lex))
    if held is None or held[0] is not lex:
        held = _MATCH_PLANS[id(lex)] = (lex, {})
    return held[1]


def _match(ctx: _Ctx, tok: Token) -> list[_Match]:
    """Lexicon rows matching ``tok``: at most one event row and one control row, most specific first."""
    pos = _MATCH_POS.get(tok.pos)
    if pos is None or pos == "ADJ" and tok.dep_ not in ("acomp", "xcomp", "ROOT", "ccomp", "conj"):
        return []  # "is willing to", "is ready to": an adjective has only control rows
    lex = ctx.lex
    plans = _plans(lex)
    # "test-fired a missile", "test-launched": a weapons test, not an attack
    tested = pos == "VERB" and tok.i >= 2 and (toks := doc_tokens(tok.doc))[tok.i - 1].text == "-" \
        and toks[tok.i - 2].lower_ == "test"
    key = (pos, "test" if tested else tok.lemma, tok.lower)  # (the rows depend on these only: worked out once)
    plan = plans.get(key, False)
    if plan is False:
        plan = plans[key] = _match_plan(lex, pos, "test" if tested else tok.lemma_.lower(), tok.lower_)
    if plan is None:
        return []
    plain, participle, nominal = plan
    tried = plain
    if participle is not None and tok.tag_ == "VBN" and _agent(tok) is None \
            and (any(c.dep_ == "auxpass" for c in _kids(tok)) or tok.dep_ == "acomp"):
        tried = participle  # "Israel is opposed to French mediation": an adjective, as listed
    found: list[_Match] = []
    memo: dict = {}  # what _row_fits reads of the token's parse, worked out once for all the rows tried
    for kind, rows in tried:
        for row in rows:
            hit = _row_fits(tok, row, pos, ctx.place_at, memo)
            if hit is not None:
                found.append(_Match(tok, row, kind == "CONTROL", hit))
                break
    if nominal and _governs_infinitive(tok):
        # "France's decision to withdraw its troops", "announced plans to build a base": a noun whose infinitive names
        # the act decided, planned, threatened or refused governs it as its verb would ("decided to withdraw")
        found.append(_Match(tok, nominal[0], True))
    return found


# where a noun stands when it is the act's own frame ("its decision to withdraw ... angered the junta"), not a purpose
# or circumstance ("in a move to ease tensions", "against Sweden's decision to ...")
NOMINAL_CONTROL_DEPS = frozenset({"nsubj", "ROOT", "attr", "appos"})
# verbs whose object such a noun may be while what it governs is still reported: told ("announced plans to build"),
# made or held ("made the decision to lift sanctions"); not acted on ("welcomed Russia's pledge to", "rejected a
# U.S. request to", "demanded that the US cancel plans to sell weapons")
DECISION_VERBS = frozenset({"make", "take", "reach", "have"})


def _governs_infinitive(n: Token) -> bool:
    """A noun standing as subject, or as the object of a verb of telling or making, with a to-infinitive of its own:
    "France's decision [to withdraw] angered", "announced its decision [to withdraw]"."""
    if n.dep_ == "dobj":
        h = n.head
        if not (h.lemma_.lower() in DECISION_VERBS or h.lemma_.lower() in ISSUE_VERBS or _is_speech(h)):
            return False
    elif n.dep_ not in NOMINAL_CONTROL_DEPS:
        return False
    return any(c.dep_ == "acl" and c.i > n.i and c.pos_ in ("VERB", "AUX") and _to_infinitive(c) for c in _kids(n))


def _verb_lemma(lex: tables.Lexicon, form: str, lemma: str) -> str:
    """A lexicon verb the inflected ``form`` can come from, when the tagger's lemma is not one ("staged" -> "stag")."""
    cands: list[str] = []
    for suffix in ("ed", "ing", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            cands += [stem + "e", stem] if suffix in ("ed", "ing") else [stem]
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                cands.append(stem[:-1])  # "planned" -> "plan"
            if suffix == "ed" and stem.endswith("i"):
                cands.append(stem[:-1] + "y")  # "denied" -> "deny"
    for c in cands:
        if lex.rows(c, "VERB") or lex.rows(c, "CONTROL"):
            return c
    return lemma


def _named_object(h: Token, place_at: dict[int, Place]) -> str | None:
    """The lexicon's word for a named object: a place ("captured Avdiivka") or a person ("received Zelensky", "released
    10 Americans")."""
    if h.dep_ not in ("dobj", "nsubjpass"):
        return None
    if h.ent_type_ in ("GPE", "LOC", "FAC") or h.i in place_at:
        return tables.PLACE_OBJECT
    return tables.PERSON_OBJECT if h.ent_type_ == "PERSON" or h.ent_type_ == "NORP" and h.tag_ in ("NNS", "NNPS") \
        else None


def _row_fits(tok: Token, row: LexEntry, pos: str, place_at: dict[int, Place],
              memo: dict | None = None) -> tuple[Token, ...] | None:
    """The tokens by which ``row`` fits ``tok`` (``()`` when the row names no object), or None when it does not fit.
    ``memo`` keeps what is read of ``tok``'s parse between the rows tried on it (one dict per token)."""
    if memo is None:
        memo = {}
    if row.prep:
        preps = memo.get("preps")
        if preps is None:
            preps = memo["preps"] = {p.lower_ for p in _preps_of(tok)}
        if row.prep not in preps:
            return None
    if row.subjects:
        # "peacekeepers arrived", "troops massed": the row names who acts (the subject or a word qualifying it)
        who = memo.get("subjects")
        if who is None:
            subj = _subject_heads(tok)
            who = memo["subjects"] = {s.lemma_.lower() for s in subj} | {
                c.lemma_.lower() for s in subj for c in _kids(s) if c.dep_ in ("compound", "amod")}
        if who.isdisjoint(row.subjects):
            return None
    if not row.objects:
        return ()
    objects = row.objects
    if pos == "NOUN":
        mods = memo.get("mods")
        if mods is None:
            mods = memo["mods"] = [(m, m.lemma_.lower()) for m in _noun_modifier_tokens(tok)]
        hits = tuple(m for m, lemma in mods if lemma in objects)
        return hits or None
    key = ("heads", row.prep)
    heads = memo.get(key)
    if heads is None:
        # each head with its lemma, its lower case and whether it is a named place or person as object (a sum of
        # money read as the word "money": "pledged $200 million to support the mission")
        heads = memo[key] = [(h, "money" if h.ent_type_ == "MONEY" and h.pos_ == "NUM" else h.lemma_.lower(), h.lower_,
                              _named_object(h, place_at))
                             for h in _object_heads(tok, row.prep)]
    hits = tuple(h for h, lemma, lower, named in heads if lemma in objects or lower in objects or named in objects)
    if not hits and heads:  # "aid deliveries", "mediation efforts", "peacekeeping force"
        qkey = ("quals", row.prep)
        quals = memo.get(qkey)
        if quals is None:  # the lemmas of the words qualifying each head
            quals = memo[qkey] = [(h, {c.lemma_.lower() for c in _kids(h) if c.dep_ in ("compound", "amod")})
                                  for h, _, _, _ in heads]
        hits = tuple(h for h, q in quals if not q.isdisjoint(objects))
    return hits or None


# -- phrases -> actors -------------------------------------------------------------------------------------------------

def _phrase_actors(ctx: _Ctx, head: Token, max_cost: int = 4, subject: bool = False) -> list[str]:
    """Actors of the phrase headed by ``head``: those nearest the head (conjuncts and appositions cost nothing).
    In a subject, "in" gives affiliation ("lawmakers in Arnor"); elsewhere it is a place ("a ceasefire in Lebanon").
    Worked out once per phrase and question (the caller gets its own copy of the list)."""
    key = (head.i, max_cost, subject)
    got = ctx.phrase_memo.get(key)
    if got is None:
        got = ctx.phrase_memo[key] = _phrase_actors_uncached(ctx, head, max_cost, subject)
    return list(got)


def _hyphen_pair(t: Token) -> bool:
    """``t`` is the first of two names joined by a hyphen with no spaces ("U.S.-Japanese", "Russia-Ukraine"; not
    "US-led", "Damascus-based")."""
    if t.whitespace_ or t.i + 2 >= len(t.doc):
        return False
    h = t.doc[t.i + 1]
    return h.text in ("-", "–") and not h.whitespace_ and t.doc[t.i + 2].text[:1].isupper()


def _broken_conjunct(t: Token) -> bool:
    """``t`` is a first conjunct the parser made a modifier of the second: "Mali and Burkina Faso warned", read as
    "[Mali and] Burkina Faso" ("Mali" a modifier of "Faso" with the "and", and no conjunct, of its own)."""
    if t.dep_ not in ("nmod", "compound") or t.i > t.head.i:
        return False
    kids = _kids(t)
    return any(c.dep_ == "cc" for c in kids) and not any(c.dep_ == "conj" for c in kids)


def _phrase_actors_uncached(ctx: _Ctx, head: Token, max_cost: int, subject: bool) -> list[str]:
    if head.lower_ in FIRST_PERSON and head.i not in ctx.actor_at:
        # "'We will not negotiate with terrorists,' the minister said": in a quote, "we" is the speaker's side
        return _speaker_at(ctx, head.idx)
    if head.lemma_.lower() in PAIR_NOUNS and _names_a_pair(head) and not any(
            ctx.actor_by_id[x].country or ctx.actor_by_id[x].cameo for x in ctx.actor_at.get(head.i, ())):
        # ("both governments": the pair named before, as no country was found for the noun itself)
        return _last_pair(ctx, head)
    best: int | None = None
    found: list[str] = []
    seen = {head.i}
    queue: deque[tuple[Token, int]] = deque([(head, 0)])
    while queue:
        tok, cost = queue.popleft()
        if best is not None and cost > best and any(_has_country(ctx, x) for x in found):
            break
        ids = ctx.actor_at.get(tok.i)
        if ids:
            if best is None or cost <= best:
                best = cost
                for x in ids:
                    if x not in found:
                        found.append(x)
            elif not any(_has_country(ctx, x) for x in found) and any(_has_country(ctx, x) for x in ids):
                # "Security forces in Guinea", "Salaheddine Sidhoum, Algeria's leading activist": an unaffiliated
                # actor takes the affiliation found deeper in its own phrase
                found = [x for x in ids]
                best = cost
        at_most = cost >= max_cost  # (then only the words that cost nothing: a hyphenated pair's first name)
        for ch in _kids(tok):
            if ch.i in seen or at_most and not (ch.i < tok.i <= ch.i + 3 and _hyphen_pair(ch)):
                continue
            dep = ch.dep_
            if dep in SKIP_DEPS and dep != "npadvmod":
                continue
            if dep == "poss" and ch.lower_ in ("his", "her") and tok.pos_ == "NOUN" and not _act_done_to(ctx, tok):
                continue  # ("reneged on his commitment to the Zambian people": his own, the people are the party)
            if dep == "acl" and ch.lemma_.lower() not in PHRASE_ACL_VERBS:
                continue
            if dep == "prep" and (ch.lower_ not in PHRASE_PREPS and not (subject and ch.lower_ == "in")
                                  and not (ch.lower_ == "into" and tok.lemma_.lower() == "lead")
                                  or ch.lower_ == "for" and _harm_as_reason(ctx, ch)):
                continue  # (but "the roads leading into Mordor": where they go)
            seen.add(ch.i)
            if dep == "conj" and _stolen_subject(ch):
                continue  # ("summoned Israel's ambassador, and Australia and New Zealand called on ...")
            if dep in ("conj", "appos") or ch.i < tok.i <= ch.i + 3 and _hyphen_pair(ch) or _broken_conjunct(ch):
                # ("U.S.-Japanese alliance": a hyphenated pair of names is two parties, as "U.S. and Japanese")
                queue.appendleft((ch, cost))
            else:
                queue.append((ch, cost + 1))
    if found and head.i in _conj_host_heads(ctx):
        # "lawmakers in France and Germany": a conjunct of a word inside a found actor's mention joins it (only an
        # actor's word with a conjunct that is an actor's word can add one: the pass is skipped when none is under
        # the head)
        actor_at = ctx.actor_at
        for tok in token_subtree(head):
            ids = actor_at.get(tok.i)
            if ids and any(x in found for x in ids):
                for c in _kids(tok):
                    if c.dep_ == "conj" and c.i not in seen:
                        c_ids = ctx.actor_at.get(c.i, ())
                        if not any(x in found for x in c_ids):
                            # (a conjunct already inside a found actor's mention adds nothing: "French and Egyptian
                            # warships" is two actors, not three with "Egyptian")
                            found.extend(x for x in c_ids if x not in found)
                if tok.dep_ == "conj" and tok.head.i not in actor_at and tok.head.pos_ == "NOUN":
                    # "a meeting between an Israeli peace movement and the PLO": the first conjunct, no actor itself,
                    # is the one its own modifier names (found deeper than the second conjunct's actor)
                    found.extend(x for x in _modifier_actors(ctx, tok.head) if x not in found)
                if tok.dep_ == "conj" and tok.head.dep_ == "nmod":
                    # "Mexico's government and Zapatista rebels signed": the first conjunct misread as a modifier of
                    # the second's noun
                    found.extend(x for x in ctx.actor_at.get(tok.head.i, ()) if x not in found)
    if head.pos_ in ("NOUN", "PROPN") and any(c.lower_ in DEFINITE for c in _kids(head) if c.dep_ == "det") and (
            not found or all(ctx.actor_by_id[x].country is None or _inferred(ctx, x) and head.i in ctx.actor_at
                             and x in ctx.actor_at[head.i] for x in found if x in ctx.actor_by_id)):
        # "the officials": nothing (or only a countryless group, or the noun itself with a guessed country) here;
        # take the latest "US officials" before it ("Ugandan troops crossed ... the soldiers had detained"); but
        # "the government" guessed to be of the country of the one whose words name it is his own ("Interior
        # Minister Sarfraz Bugti said the government would not back down", not the Taliban government named before;
        # "the soldiers", in a Chadian's words, may still be Sudanese troops named before)
        if not (found and head.lemma_.lower() in OWN_GOVERNMENT_NOUNS
                and _countries(ctx, found) & _countries(ctx, _speaker_of(ctx, head))):
            found = _antecedent(ctx, head) or found
    if not found:
        # "condemned the bloc's decision": a possessor that refers back ("the bloc" after ECOWAS)
        for c in _kids(head):
            if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ctx.actor_at \
                    and any(d.dep_ == "det" and d.lower_ in DEFINITE for d in _kids(c)):
                found = _antecedent(ctx, c)
                break
    return found


FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
# Participles that tie a noun to a party ("a delegation led by X", "individuals linked to the Russian military")
PHRASE_ACL_VERBS = frozenset({"lead", "head", "include", "represent", "link", "tie", "connect", "affiliate"})

# "The two leaders signed agreements", "both countries pledged ...": nouns that name, as a pair, the last two parties
# of different countries named before them (people for the leader nouns, any actor for the others)
PAIR_NOUNS = frozenset({"leader", "president", "minister", "man", "country", "nation", "state", "side", "government",
                        "neighbour", "neighbor", "rival", "ally", "capital"})
PAIR_PEOPLE = frozenset({"leader", "president", "minister", "man"})




def _speaker_of(ctx: _Ctx, tok: Token) -> list[str]:
    """The actors who say the clause ``tok`` is in: the subject of the verb of saying it is the reported clause of
    ("X said [the government would ...]"), or none."""
    for a in _ancestors(tok):
        if a.dep_ == "ccomp" and a.head.pos_ == "VERB" and _is_speech(a.head):
            return [x for c in _children(a.head, SUBJ) for x in _phrase_actors(ctx, c, subject=True)]
    return []


def _names_a_pair(head: Token) -> bool:
    """"the two leaders", "both sides": a plural noun counted as two."""
    kids = _kids(head)
    return head.tag_ == "NNS" and (any(c.dep_ == "nummod" and c.lower_ == "two" for c in kids)
                                   or any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in kids))


def _last_pair(ctx: _Ctx, head: Token) -> list[str]:
    """The pair a counted noun refers back to: the first two actors of different countries (people, for a pair of
    leaders) in the nearest stretch that names two, looking first at its own sentence before it, then back sentence
    by sentence within the anaphor window ("Ruto hosted Abiy in Nairobi. The two leaders ..."; "Saudi Arabia and Iran
    agreed ... in a deal brokered by China. The two countries ...": Saudi Arabia and Iran)."""
    people = head.lemma_.lower() in PAIR_PEOPLE
    doc = head.doc
    end = head.left_edge.i
    sent = head.sent
    start = sent.start
    if not people:
        # "Colombia's government and the National Liberation Army agreed ..., the two sides said": two parties of one
        # country joined in the same sentence before (no pair of countries can name them)
        for i in range(end - 1, start - 1, -1):
            for x in ctx.actor_at.get(i, ()):
                a = ctx.actor_by_id[x]
                for c in _kids(doc[i]):
                    y = next((y for y in ctx.actor_at.get(c.i, ()) if y != x), None) if c.dep_ == "conj" else None
                    if y is not None and a.country and ctx.actor_by_id[y].country == a.country:
                        return [x, y]
    while end > 0 and head.idx - doc[end - 1].idx <= ANAPHOR_WINDOW:
        picked: dict[str, str] = {}  # country -> actor, in text order
        for i in range(start, end):
            for x in ctx.actor_at.get(i, ()):
                a = ctx.actor_by_id[x]
                # (not the news agency of the dateline: "BOGOTA, Colombia (AP) —")
                if a.country and a.country not in picked and (not people or a.kind == "person") and a.sector != "JRN":
                    picked[a.country] = x
        if len(picked) > 2 and not people:
            # ("The United States and the European Union called on Rwanda to withdraw its troops from Congo. Angola,
            # which has mediated between the two countries": of three, the two the article names most, Congo and
            # Rwanda; ties in text order; not the one who speaks of them or mediates between them: "Thailand and
            # Cambodia agreed to a cease-fire after talks in Malaysia. Malaysia's prime minister said both sides")
            third = _pair_speakers(ctx, head)
            if len([c for c in picked if c not in third]) >= 2:
                picked = {c: x for c, x in picked.items() if c not in third}
            counts = {c: sum(1 for i in range(head.i) for x in ctx.actor_at.get(i, ())  # (mentions, not words)
                             if ctx.actor_by_id[x].country == c and x not in ctx.actor_at.get(i - 1, ()))
                      for c in picked}
            order = sorted(picked, key=lambda c: -counts[c])  # (stable: text order among equals)
            return [picked[c] for c in order[:2]]
        if len(picked) >= 2:
            return list(picked.values())[:2]
        end = start
        if end > 0:
            start = doc[end - 1].sent.start
    return []


def _pair_speakers(ctx: _Ctx, head: Token) -> set[str]:
    """The countries of those whose clause speaks of the pair ``head`` names: the subjects of the verbs above it
    ("Anwar said both sides had agreed") and the noun a relative clause above it hangs on ("Angola, which has mediated
    between the two countries")."""
    out: set[str] = set()
    for anc in _ancestors(head):
        holders = [c for c in _kids(anc) if c.dep_ in SUBJ and not (c.left_edge.i <= head.i <= c.right_edge.i)]
        if anc.dep_ == "relcl":
            holders.append(anc.head)
        out.update(ctx.actor_by_id[x].country for h in holders for x in ctx.actor_at.get(h.i, ())
                   if ctx.actor_by_id[x].country)
    return out


def _conj_host_heads(ctx: _Ctx) -> set[int]:
    """The words whose subtree holds an actor's word that has a conjunct which is an actor's word too ("France and
    Germany"): each such word and its ancestors, once per doc."""
    if ctx.conj_host_heads is None:
        toks = doc_tokens(ctx.doc)
        at = ctx.actor_at
        hosts = [toks[j] for j in sorted(at) if any(c.dep_ == "conj" and c.i in at for c in _kids(toks[j]))]
        # (and a noun that is no actor, with an actor among its conjuncts and one among its modifiers: "an Israeli
        # peace movement and the PLO")
        hosts += [t.head for j in sorted(at) for t in (toks[j],) if t.dep_ == "conj" and t.head.i not in at
                  and t.head.pos_ == "NOUN" and _modifier_actors(ctx, t.head)]
        ctx.conj_host_heads = {a.i for t in hosts for a in (t, *_ancestors(t))}
    return ctx.conj_host_heads


def _modifier_actors(ctx: _Ctx, n: Token) -> list[str]:
    """The actors a noun's own modifiers name ("an Israeli peace movement": Israel)."""
    return [x for c in _kids(n) if c.dep_ in ("amod", "compound", "poss", "nmod") for x in ctx.actor_at.get(c.i, ())]


def _speaker_at(ctx: _Ctx, char: int) -> list[str]:
    for q in ctx.quotes:
        if q.start <= char < q.end and q.speaker in ctx.actor_by_id:
            return [q.speaker]
    return []


def _countries(ctx: _Ctx, ids) -> set[str]:
    """The countries of the given actors (those that have one)."""
    return {c for x in ids if x in ctx.actor_by_id and (c := ctx.actor_by_id[x].country)}


def _has_country(ctx: _Ctx, actor_id: str) -> bool:
    a = ctx.actor_by_id.get(actor_id)
    return a is not None and bool(a.country or a.cameo)


def _antecedent(ctx: _Ctx, head: Token) -> list[str]:
    """"the officials" -> the actors of the latest earlier "US officials" within a few paragraphs."""
    lemma = head.lemma_.lower()
    cands = ctx.anaphora.get(_anaphor_key(head), [])
    k = bisect.bisect_left(cands, (head.idx,)) - 1  # entries are in text order
    if k >= 0 and head.idx - cands[k][0] <= ANAPHOR_WINDOW:
        return list(cands[k][1])
    doc = head.doc
    if head.text[:1].isupper() and head.i > head.sent.start:
        # "Iran's Revolutionary Guard ... The Guard said": a capitalised noun that ends an organisation's name
        # named before is that organisation
        for i in range(head.i - 1, -1, -1):
            if head.idx - doc[i].idx > ANAPHOR_WINDOW:
                break
            if doc[i].lower_ == head.lower_:
                ids = [x for x in ctx.actor_at.get(i, ()) if ctx.actor_by_id[x].kind == "organization"]
                if ids and (i + 1 >= len(doc) or i + 1 not in ctx.actor_at or ids[0] not in ctx.actor_at[i + 1]):
                    return ids[:1]
    if head.pos_ == "PROPN":
        return []
    if lemma in ORG_ANAPHORS or lemma in IGO_ANAPHORS or lemma in BODY_ANAPHORS:
        # "A senior Hamas official said the group had rejected ...": the organisation named last; "the bloc", "the
        # alliance": the intergovernmental one named last
        for i in range(head.i - 1, -1, -1):
            if head.idx - doc[i].idx > ANAPHOR_WINDOW:
                break
            # (not a state's body or an intergovernmental one for "the group": "government forces backed by African
            # Union troops launched an offensive against the group" is against al-Shabaab, named before)
            # ("the organization" may be an intergovernmental one: "announced its withdrawal from the organization"
            # after ECOWAS; never the news agency of a dateline, "(AP)")
            ids = [x for x in ctx.actor_at.get(i, ()) if ctx.actor_by_id[x].kind == "organization"
                   and ctx.actor_by_id[x].sector not in PRESS_SECTORS
                   and (lemma in ORG_ANAPHORS and ctx.actor_by_id[x].sector not in ("IGO", "GOV")
                        or lemma in IGO_ANAPHORS and ctx.actor_by_id[x].sector == "IGO"
                        or lemma in BODY_ANAPHORS and ctx.actor_by_id[x].sector != "GOV")]
            if ids:
                return ids[:1]
    return []


# Nouns that refer back to the organisation named last ("the group", "the movement").
ORG_ANAPHORS = frozenset({"group", "movement", "militia", "faction"})
# ... and those that refer back to the intergovernmental organisation named last ("the bloc", "the alliance").
IGO_ANAPHORS = frozenset({"bloc", "alliance", "league"})
# ... and those that refer back to either ("the organization": ECOWAS, or a rebel movement).
BODY_ANAPHORS = frozenset({"organisation", "organization"})


# -- participants ------------------------------------------------------------------------------------------------------

def _ancestors(tok: Token) -> list[Token]:
    """``list(tok.ancestors)`` (its head, the head's head, ... up to the root), made once per token per doc from the
    heads column and the doc's token list: ``Token.ancestors`` builds a new Token at every step. Read-only."""
    doc = tok.doc
    memo = doc.user_data.get("eventwire_ancestors")
    if memo is None:
        # each token's head as an offset, read in one go; the memo is dropped by release() with the other eventwire_
        # keys
        memo = doc.user_data["eventwire_ancestors"] = {-1: doc.to_array(HEAD).view("int64").tolist()}
    out = memo.get(tok.i)
    if out is None:
        rel = memo[-1]
        toks = doc_tokens(doc)
        out = []
        i = tok.i
        while rel[i] != 0 and len(out) < len(toks):  # (the same walk as ``Token.ancestors``, with its guard)
            i += rel[i]
            out.append(toks[i])
        memo[tok.i] = out
    return out


def _descends(tok: Token, head: Token) -> bool:
    """``tok`` is in ``head``'s subtree: it is ``head``, or ``head`` is one of its ancestors."""
    i = head.i
    return tok.i == i or any(a.i == i for a in _ancestors(tok))


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in _kids(tok) if c.dep_ in deps]


def _prep_objects(tok: Token, preps) -> list[Token]:
    """The objects of ``tok``'s prepositions named in ``preps`` ("of", "from"...), in text order."""
    return [p for c in _kids(tok) if c.dep_ == "prep" and c.lower_ in preps for p in _kids(c) if p.dep_ == "pobj"]


def _agent(tok: Token) -> Token | None:
    for c in _kids(tok):
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in _kids(c):
                if p.dep_ == "pobj":
                    return p
    return None


def _held_forces(t: Token, m: _Match) -> list[Token]:
    """What a verb of the doer's own means acts on: its direct objects, and what the lexicon row's own object is of
    or by ("raised the combat readiness of its troops", "ordered patrols by police and paramilitary soldiers")."""
    return [*_children(t, ("dobj",)), *(q for x in m.obj_tokens for p in _prep_objects(x, ("of", "by"))
                                         for q in (p, *_children(p, ("conj",))))]


def _act_doer(n: Token) -> Token | None:
    """The "by" phrase of an act noun, also when the parser hung it on the act's "of" phrase ("the release of a
    British aid worker by Iran")."""
    ag = _agent(n)
    if ag is None:
        ag = next((a for p in _prep_objects(n, ("of",)) for a in [_agent(p)] if a is not None), None)
    if ag is None:
        # "rejected an invitation to talks in Switzerland proposed by the United States": a participle's agent
        ag = next((a for c in _kids(n) if c.dep_ == "acl" and c.tag_ == "VBN" for a in [_agent(c)] if a is not None),
                  None)
    if ag is None and n.dep_ == "dobj" and _children(n.head, ("nsubj",)) and not _is_passive(n.head):
        # "condemned the joint military drills by the United States and South Korea": the "by" phrase hung on an
        # active verb, right after its object
        ag = next((p for c in _kids(n.head) if c.dep_ == "prep" and c.lower_ == "by" and c.i == n.right_edge.i + 1
                   for p in _children(c, ("pobj",))), None)
    return ag


def _act_scene(ctx: _Ctx, n: Token) -> Token | None:
    """The country an act done to people, with no named doer, is done in ("condemned the detention of a British
    journalist in Iran"), when its victims are not of it: its authorities are the doer, as for coercion told in the
    passive with no agent ("a missionary was arrested in Lebanon")."""
    if not _act_done_to(ctx, n):
        return None
    victims = _prep_objects(n, ("of",))
    theirs = _countries(ctx, [x for v in victims for x in _phrase_actors(ctx, v, max_cost=1)])
    for h in (n, *victims):
        for p in _prep_objects(h, ("in",)):
            ids = ctx.actor_at.get(p.i, ())
            if p.i in ctx.place_at and any(ctx.actor_by_id[x].kind == "country" for x in ids) \
                    and not _countries(ctx, list(ids)) & theirs:
                return p
    return None


def _subject_actors(ctx: _Ctx, v: Token, depth: int = 0) -> tuple[list[str], bool]:
    """Actors doing ``v`` (a verb), and whether they were inherited from another clause."""
    if depth > 4:
        return [], True
    if v.pos_ == "NOUN":
        return _noun_source(ctx, v), False
    kids = [(c, c.dep_) for c in _kids(v)]  # (each child's relation read once)
    passive = any(dep in PASS_SUBJ or dep == "auxpass" for _, dep in kids) \
        or v.tag_ == "VBN" and v.dep_ == "advcl" and any(c.lower_ in REDUCED_PASSIVE for c, dep in kids
                                                         if dep in ("advmod", "mark")) \
        or v.tag_ == "VBN" and v.dep_ == "conj" and any(dep == "agent" for _, dep in kids)
    # (and a participle joined to another with an agent of its own: "drafted by Britain and backed by the United
    # States": backed by the United States)
    if passive:  # (also a reduced passive clause: "declined to comment when asked about the detention")
        ag = _agent(v)
        if ag is not None:
            return _phrase_actors(ctx, ag), False
        if v.dep_ == "conj":
            return _subject_actors(ctx, v.head, depth + 1)[0], True
        return [], False
    subj = sorted([c for c, dep in kids if dep in SUBJ], key=lambda x: abs(v.i - x.i))
    if not subj:  # a misparse: "Egypt and Qatar are mediating", the subject hung on the auxiliary
        subj = [s for a, dep in kids if dep == "aux" for s in _kids(a) if s.dep_ in SUBJ]
    if not subj and v.tag_ in ("VBD", "VBZ", "VBP"):
        # "Turkey massed troops ...": a name that is also a noun, read as an adverb before its finite verb (not
        # the name before a participle: "a UN-brokered deal")
        subj = [c for c, dep in kids if dep == "npadvmod" and c.pos_ == "PROPN" and c.i < v.i]
    if subj:
        s = subj[0]  # (the nearest, when a misparse gives two: "airstrikes killed ..., officials said")
        if s.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
            h = v.head
            if h.dep_ == "conj" and (v.tag_ == "VBP" or any(a.dep_ == "aux" and a.tag_ == "VBP" for a in _kids(v))):
                # "Brazil and Colombia, which have tried to mediate": a plural verb on the last conjunct is the
                # whole conjoined phrase's
                while h.dep_ == "conj" and h.head.i != h.i:
                    h = h.head
            return _phrase_actors(ctx, h), True
        # (of two, one whose actors have a country: "a U.S. delegation led by ... Molly Phee visited Niamey", the name
        # misread as a second subject)
        found = [got for s2 in subj if (got := _phrase_actors(ctx, s2, subject=True))]
        if found:
            return next((got for got in found if any(_has_country(ctx, x) for x in got)), found[0]), False
        if s.lower_ == "it" and v.dep_ == "advcl" and v.head.pos_ == "VERB" \
                and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in _kids(v)) \
                and not any(c.tag_ in ("NN", "NNP") and c.i in ctx.actor_at
                            for o in _children(v.head, ("dobj", "dative")) for c in (o, *_children(o, ("conj",)))):
            # "stripped 94 opponents of their citizenship, days after it expelled 222 political prisoners": an
            # unresolved "it" subject of a time or reason clause is the subject of the clause it hangs on, when that
            # clause has no singular object it could be ("condemned Ukraine after it shelled Donetsk")
            return _subject_actors(ctx, v.head, depth + 1)[0], True
        if s.lower_ in PRONOUN_3 and v.dep_ == "ccomp" and v.head.pos_ in ("VERB", "AUX"):
            # "Niger announced that it had canceled ...": an unresolved pronoun stands for the speaker; in an
            # obligation, for the one told ("told Ethiopia that it must stop")
            told = _addressees(ctx, v.head)
            if told and _aux(v) & OBLIGATION:
                return told, True
            return _subject_actors(ctx, v.head, depth + 1)[0], True
        if v.dep_ == "ccomp" and _is_speech(v.head) and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                             for c in _kids(s)):
            # "Israel said its aircraft struck Hezbollah targets": the speaker's own means, which name no one
            return _subject_actors(ctx, v.head, depth + 1)[0], True
        if s.lower_ in PRONOUN_3 and v.dep_ == "acl" and v.head.pos_ == "NOUN" and _that_clause(v):
            # "repeated its threat that it would attack ...": likewise for the one who made the threat or claim; in
            # an obligation addressed to someone, for the addressee ("a reminder to Iraq that it must cooperate")
            n = v.head
            addressee = _addressees(ctx, n) or _addressees(ctx, n.head)
            if addressee and _aux(v) & OBLIGATION:
                return addressee, True
            got = _noun_source(ctx, n) or (_subject_actors(ctx, n.head, depth + 1)[0] if n.dep_ == "dobj" else [])
            return got, True
        return [], False
    stranded = _stranded_subject(v) or _fronted_subject(v)
    if stranded is not None:
        return _phrase_actors(ctx, stranded), False
    if _outside_reported_clause(v):
        # "The White House said any arms deal would violate ... and threatened new sanctions": a past verb that
        # cannot share the reported clause's "would" (nor its "had", "was staging", "were killed") continues the
        # speaker's sentence
        return _subject_actors(ctx, v.head.head, depth + 1)[0], True
    if v.dep_ == "conj" and _children(v.head, PASS_SUBJ) and not _is_passive(v):
        # "the prime minister has been indicted by the court and will resign": the shared subject is the passive's
        # subject, not its agent
        ps = _children(v.head, PASS_SUBJ)[0]
        got = _phrase_actors(ctx, ps, subject=True)
        if not got and ps.lower_ in PRONOUN_3 and v.head.dep_ == "ccomp" and v.head.head.pos_ in ("VERB", "AUX"):
            # "The United States said it was concerned by the decision and urged the junta to ...": an unresolved
            # pronoun in what a speaker says is the speaker
            got = _subject_actors(ctx, v.head.head, depth + 1)[0]
        return got, True
    # (a finite verb the parser left unattached after the first, "declared martial law, then lifted it", is a
    # conjunct)
    joined = v.dep_ in ("conj", "xcomp", "advcl", "acomp") \
        or v.dep_ == "dep" and v.tag_ in ("VBD", "VBZ", "VBP") and v.i > v.head.i \
        or v.dep_ == "attr" and v.tag_ == "VBG" and v.head.lemma_ == "be"  # ("Qatar is mediating": misread as "is" + a noun)
    if v.dep_ == "conj" and (c := _stolen_subject_before(v)) is not None:
        # "Britain summoned Israel's ambassador, and Australia and New Zealand called on Israel to ...": the names the
        # parser added to the first verb's objects are this verb's subject
        return _phrase_actors(ctx, c, subject=True), False
    if v.dep_ == "xcomp" and _to_infinitive(v) and v.head.pos_ == "VERB" \
            and not any(mt.is_control for mt in _match(ctx, v.head)):
        # "prompting Tehran to announce ...", "forced the junta to ...": the object of a verb that makes or lets
        # someone act (and governs no event, as "urged" does) does the infinitive's act
        told = [x for o in _children(v.head, ("dobj",)) for x in _phrase_actors(ctx, o)]
        if told:
            return told, True
    if (clause := _conjunct_of_subordinate(v)) is not None:
        # "Israel recalled its ambassador after Erdogan called Israel a war criminal and said Hamas was not ...": a
        # finite verb joined with no comma right after a subordinate clause continues that clause
        return _subject_actors(ctx, clause, depth + 1)[0], True
    if _finite_after_gerund(v):
        # "Britain accused China of carrying out a cyberattack and sanctioned two Chinese individuals": a finite verb
        # the parser joined to the gerund of a preposition is the conjunct of the verb that governs the preposition
        return _subject_actors(ctx, v.head.head.head, depth + 1)[0], True
    if joined and v.head.pos_ in ("VERB", "AUX", "ADJ"):
        got = _subject_actors(ctx, v.head, depth + 1)[0]
        if not got and v.dep_ == "conj" and v.head.dep_ == "ccomp" and v.head.lemma_ == "be" and _is_speech(v.head.head) \
                and v.i > v.head.i and v.tag_ in ("VBD", "VBZ", "VBP"):
            # "Beijing said the situation was stable and urged India to ...": a finite verb the parser joined to a
            # reported state ("was stable") whose subject names no one continues the speaker's sentence
            got = _subject_actors(ctx, v.head.head, depth + 1)[0]
        return got, True
    if v.dep_ == "acl" and v.tag_ == "VBG" and _issued(v.head):
        return _subject_actors(ctx, v.head.head, depth + 1)[0], True
    if v.dep_ == "acl" and v.tag_ == "VBN" and _agent(v) is not None:
        # "the Malian army, backed by Russian mercenaries": the agent does it, to the noun described
        return _phrase_actors(ctx, _agent(v)), False
    # (the sentence's root read last: ``Token.sent`` builds the sentence span)
    if v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and (root := v.sent.root).pos_ in ("NOUN", "PROPN") \
            and root.i < v.head.i and _children(v, ("dobj",)):
        # "An Israeli strike on a school sheltering displaced people killed 30 Palestinians": in a sentence with a
        # noun at its root, a participle with an object of its own (which no reduced relative has) that the parser
        # hung on a later noun is the sentence's verb, and the root its subject
        return (_noun_source(ctx, root) if _violent_noun(ctx, root) else []) \
            or _phrase_actors(ctx, root, subject=True), False
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _phrase_actors(ctx, v.head), True
    return [], False


# verbs of harm done to people, whose passive subjects are the victims ("were killed")
HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "abduct", "kidnap", "massacre", "slaughter"})


def _outside_reported_clause(v: Token) -> bool:
    """``v``, a past verb with no subject that the parser joined to a clause reported by a speech verb, cannot be part
    of that clause: the clause's verb has a modal ("said any deal would violate ... and threatened"), is progressive
    ("was staging"), is a passive harm whose victims would be its subject ("were killed"), or has a perfect "had"
    with ``v`` after ", and" ("said that the talks had failed, and accused Addis Ababa of ...")."""
    h = v.head
    if v.dep_ != "conj" or v.tag_ not in ("VBD", "VBN") or h.dep_ != "ccomp" or v.i < h.i or not _is_speech(h.head) \
            or _children(v, SUBJ) or _aux(v):
        return False
    if h.lemma_.lower() in HARM_VERBS and _is_passive(h) and _children(v, ("dobj",)):
        return True  # "said nine people were killed ... and summoned Pakistan's envoy": the victims summon no one
        # (a participle with an object of its own is no passive: read as "were summoned" or not, it is active)
    if v.tag_ != "VBD":
        return False
    aux = _aux(h)
    if aux & (MODALS | {"will", "must"}):
        return True
    if h.tag_ == "VBG" and aux & {"was", "were", "is", "are"}:
        return True  # "said Poland was staging provocations ... and demanded that Warsaw stop": not "was demanded"
    return bool(aux & {"had"}) and v.i >= 2 and v.doc[v.i - 1].lower_ == "and" and v.doc[v.i - 2].text == ","


def _stolen_subject(c: Token) -> bool:
    """``c``, read by the parser as a further object ("summoned Israel's ambassador, and Australia and New Zealand
    called on Israel"), follows ", and" and ends right before a finite verb conjoined with no subject of its own: it
    is that verb's subject."""
    if c.dep_ != "conj" or c.pos_ not in ("PROPN", "NOUN"):
        return False
    doc = c.doc
    left, nxt = c.left_edge.i, c.right_edge.i + 1
    if left < 2 or doc[left - 1].lower_ != "and" or doc[left - 2].text != "," or nxt >= len(doc):
        return False
    v = doc[nxt]
    return v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ") and not _children(v, SUBJ)


def _stolen_subject_before(v: Token) -> Token | None:
    """The object conjunct that is ``v``'s subject (``_stolen_subject``), if the words right before ``v`` are one."""
    if v.i == 0 or _children(v, SUBJ):
        return None
    t = v.doc[v.i - 1]
    for _ in range(6):
        if t.dep_ == "conj" and t.right_edge.i == v.i - 1 and _stolen_subject(t):
            return t
        if t.dep_ not in ("conj", "compound") or t.head.i >= v.i:
            return None
        t = t.head
    return None


def _finite_after_gerund(v: Token) -> bool:
    """``v``, a finite verb, is conjoined by the parser to a gerund that is a preposition's object ("accused X of
    carrying out ... and sanctioned Y"): no finite verb continues a gerund."""
    h = v.head
    return v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ") and h.tag_ == "VBG" and h.dep_ == "pcomp" \
        and h.i < v.i and h.head.head.pos_ in ("VERB", "AUX")


SUBORDINATORS = frozenset({"after", "before", "since", "until", "as", "when", "while", "because"})


def _conjunct_of_subordinate(v: Token) -> Token | None:
    """The subordinate clause ``v`` continues though the parser joined it to the main verb: "X recalled its
    ambassador after Y called Israel a war criminal and said ...": ``v``, finite and in the clause's tense, follows
    the clause (with a subject and a subordinator of its own) with only "and" between them, no comma."""
    if v.dep_ != "conj" or v.tag_ not in ("VBD", "VBZ", "VBP") or _children(v, SUBJ):
        return None
    h = v.head
    for a in _children(h, ("advcl",)):
        if h.i < a.i < v.i and a.tag_ == v.tag_ and _children(a, SUBJ) \
                and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in _kids(a)):
            gap = v.doc[a.right_edge.i + 1:v.i]
            if [w.lower_ for w in gap] == ["and"]:
                return a
    return None


def _stranded_subject(v: Token) -> Token | None:
    """A common misparse: "X decided ... after a delegation visited Y" read as "after [a delegation]" + conjoined
    "visited". A finite verb with no subject, right after the object of a subordinating preposition, has that
    object as its subject."""
    if v.dep_ != "conj" or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    left = v.doc[v.i - 1] if v.i > 0 else None
    if left is None:
        return None
    cur = left
    for _ in range(8):  # climb from the word before the verb to the preposition's object
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in SUBORDINATORS:
            return cur if cur.right_edge.i == v.i - 1 else None
        if cur.head.i == cur.i or cur.head.i > v.i:
            return None
        cur = cur.head
    return None


def _fronted_subject(v: Token) -> Token | None:
    """Another misparse: "With the signing of a memorandum, the government and the rebels have agreed ..." read
    with the subject as a conjunct of the fronted phrase's noun. A main verb with no subject, whose words before it
    (past its auxiliaries) are a noun phrase that starts right after a comma and hangs on a word before the comma,
    has that phrase as its subject."""
    if v.dep_ != "ROOT":
        return None
    toks = doc_tokens(v.doc)
    start = v.i
    while start > 0 and toks[start - 1].head.i == v.i and toks[start - 1].dep_ in ("aux", "auxpass", "neg", "advmod"):
        start -= 1
    comma = next((k for k in range(start - 1, max(v.sent.start, start - 12) - 1, -1) if toks[k].text == ","), None)
    if comma is None or comma + 1 >= start:
        return None
    h = toks[comma + 1]
    while comma < h.head.i < start:
        h = h.head
    if h.dep_ in ("conj", "appos") and h.pos_ in ("NOUN", "PROPN") and h.head.i < comma \
            and h.left_edge.i == comma + 1 and h.right_edge.i == start - 1:
        return h
    return None


def _noun_source(ctx: _Ctx, n: Token) -> list[str]:
    """Who acts in a nominal event: "Russia's attack", "the Israeli raid", "a visit by a delegation"."""
    ag = _agent(n)
    if ag is not None:
        got = _phrase_actors(ctx, ag)
        if got:
            return got
    out: list[str] = []
    for c in _kids(n):
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            for x in _phrase_actors(ctx, c, max_cost=1):
                if x not in out:
                    out.append(x)
    return out


# Verbs that name what something is ("what it called provocations", "what it described as an attack")
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "dub", "characterize", "characterise"})


def _naming_relative(v: Token) -> bool:
    """A naming verb heading a free relative, "what it called X", that stands as another verb's object."""
    return v.lemma_.lower() in NAMING_VERBS and any(c.lower_ == "what" and c.i < v.i for c in _kids(v)
                                                    if c.dep_ in ("dobj", "nsubjpass", "nsubj"))


def _named_objects(v: Token) -> list[Token]:
    """What a naming relative names, and who it names as doing it: "what it called provocations by the
    Philippines", "what it described as an attack by Russia"."""
    out = [c for c in _kids(v) if c.dep_ in ("oprd", "dobj", "attr") and c.lower_ != "what"]
    out += _prep_objects(v, ("as",))
    return out + _prep_objects(v, ("by",)) + [p for o in out for p in _prep_objects(o, ("by",))]


# Verbs by which a party owns an act as its own ("claimed responsibility for the attack", "claimed the bombing").
CLAIM_VERBS = frozenset({"claim", "accept", "admit"})


# verbs whose subject, an act, is said to have happened ("talks between X and Y ended without a deal"), or to have
# had an effect ("the arrest of the opposition leader sparked protests")
OCCURRENCE_VERBS = frozenset({"end", "begin", "start", "open", "resume", "conclude", "continue", "close", "collapse",
                              "stall", "last", "drag", "break", "spark", "trigger", "prompt", "provoke", "draw",
                              "cause", "anger", "outrage", "fuel", "ignite"})


def _took_place(n: Token) -> bool:
    """An act noun said to have happened: the subject of "took place", "was held" or an occurrence verb ("talks
    between Armenia and Azerbaijan ended without a deal", "the meeting took place in San Francisco")."""
    if n.dep_ not in ("nsubj", "nsubjpass") or n.head.pos_ != "VERB":
        return False
    v = n.head
    lemma = v.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in _kids(v))
    if lemma == "hold":
        return n.dep_ == "nsubjpass"
    return lemma in OCCURRENCE_VERBS and n.dep_ == "nsubj"


def _claiming_verb(n: Token) -> Token | None:
    """The verb by which someone owns the act ``n`` names: "claimed (responsibility for) the attack"."""
    if n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head.lemma_.lower() in ("responsibility", "credit"):
        n = n.head.head
    return n.head if n.dep_ == "dobj" and n.head.lemma_.lower() in CLAIM_VERBS and n.head.pos_ == "VERB" else None


def _violent_noun(ctx: _Ctx, n: Token) -> bool:
    """A noun naming an act of violence ("attack", "killing", "bombing")."""
    return any(not mt.is_control and mt.entry.code and mt.entry.code[:2] in VIOLENT_ROOTS for mt in _match(ctx, n))


def _harm_as_reason(ctx: _Ctx, prep: Token) -> bool:
    """A "for" phrase naming harm done to someone ("revenge for the killing of a commander"): a reason, whose
    victims are not acted upon (unlike a purpose: "mobilized reservists for a war against Iraq")."""
    return prep.lower_ == "for" and any(
        n.pos_ == "NOUN" and _prep_objects(n, ("of",)) and (n.lemma_.lower() in HARM_NOUNS or _violent_noun(ctx, n))
        for n in _kids(prep) if n.dep_ == "pobj")


def _act_done_to(ctx: _Ctx, n: Token) -> bool:
    """A noun naming an act done to the ones its "of" phrase names ("the detention of a Japanese employee", "the
    killing of two soldiers")."""
    return n.pos_ == "NOUN" and bool(_prep_objects(n, ("of",))) and (
        n.lemma_.lower() in HARM_NOUNS or any(not mt.is_control for mt in _match(ctx, n)))


# Nouns of harm done to people that the lexicon leaves uncoded on their own ("the killing of", "the death of").
HARM_NOUNS = frozenset({"killing", "death", "murder"})


def _object_actors(ctx: _Ctx, v: Token, skip: set[int] | None = None, code: str | None = None,
                   source: list[str] | None = None) -> list[str]:
    """Who ``v`` is done to: direct object, passive subject, indirect object, or a directed preposition's object."""
    skip = skip or set()
    own = _countries(ctx, source or ())
    if v.pos_ == "NOUN":
        heads = [v] + [p for p in _prep_objects(v, ("of",)) if p.pos_ == "NOUN"]
        order = [p for h in heads for p in _prep_objects(h, NOUN_TARGET_PREPS)]
        # "the withdrawal of invasion forces from Panama": the place or party left
        order += [p for h in heads for p in _prep_objects(h, ("from",))]
        if code is not None and code[:2] == "07":
            order += [p for h in heads for p in _prep_objects(h, ("for",))]  # "new military aid for Ukraine"
        # "Russia's invasion of Ukraine", "Iraq's expulsion of the Swedish ambassador": the "of" phrase names who the
        # act is done to, when it is another's than the doer's own
        order += [p for p in _prep_objects(v, ("of",)) if own and not any(
            ctx.actor_by_id[a].country in own for a in _phrase_actors(ctx, p, max_cost=1))
            or not own and source and code is not None and code[:2] in FORCE_ROOTS]  # ("IS claimed the bombing of
        # a church in Jakarta": force by a doer of no country is done to what its "of" phrase names)
    else:
        kids = [(c, c.dep_) for c in _kids(v)]  # (each child's relation read once: the steps below all ask)
        dobjs = [c for c, dep in kids if dep == "dobj"] or _misread_object(v)
        # "welcomed the release of a British aid worker by Iran": a reaction to an act named with its doer answers
        # the doer, not the one the act was done to (the "by" phrase may hang on the act's own "of" phrase)
        doers = [ag for d in dobjs if code is not None and code[:2] in REACTION_ROOTS and d.pos_ == "NOUN"
                 for ag in [_act_doer(d) or _act_scene(ctx, d)] if ag is not None and ag.i in ctx.actor_at]
        launched_from = _launch_origins(v)  # (read once: the object's and the verb's "from" below all ask)
        # ("fired missiles from Yemen toward Israel", "launched Iranian-made drones at Kyiv": what is fired is not
        # read as a phrase, which would take in the land it came from or its maker; the aim on it is read below)
        order = doers + [d for d in dobjs if not _launched(v, d, launched_from)] \
            + [c for c, dep in kids if dep in PASS_SUBJ] + [c for c, dep in kids if dep == "dative"] \
            + ([] if dobjs else _clause_object(v))
        # "condemned what it called provocations by the Philippines": what the naming clause names
        # (a reaction answers the act's doer: "condemned what it described as an attack by Iran on its embassy")
        order += [_act_doer(o) or o if code is not None and code[:2] in REACTION_ROOTS and o.pos_ == "NOUN" else o
                  for c, dep in kids if dep == "ccomp" and _naming_relative(c) for o in _named_objects(c)]
        if v.dep_ == "acl" and v.tag_ == "VBN" and _agent(v) is not None:
            order.append(v.head)  # "the army, backed by Russian mercenaries"
        # a name right after the verb that the parser read as an adverb ("shelled Aleppo on Sunday")
        order += [c for c, dep in kids if dep == "npadvmod" and c.i == v.i + 1 and c.pos_ == "PROPN"]
        # "tightened the blockade of Serbia", "ended the occupation of Kuwait": when the object is the act's own noun
        # (the lexicon row's object), the one it is done to is the noun's "of" phrase
        order += [p for d in order if d.i in skip for p in _prep_objects(d, ("of",))]
        if not dobjs:
            # "denounced as an ugly crime Serbia's suppression of ...": the object moved after an "as" phrase
            # (the parser reads it as an apposition or as a second object of "as")
            for c, dep in kids:
                if dep == "prep" and c.lower_ == "as":
                    objs = _children(c, ("pobj",))
                    order += objs[1:] + [a for p in objs for a in _kids(p) if a.dep_ == "appos"]
            # "accused neighbouring Chad of ...": a participle qualifying the object, misread as a clause of its own
            # whose object the noun is (a participle naming an act is that act: "began shelling X")
            order += [o for c, dep in kids if dep == "xcomp" and c.tag_ == "VBG" and c.i == v.i + 1
                      and not _match(ctx, c) for o in _children(c, ("dobj",))]
        preps = [c for c, dep in kids if dep in ("prep", "dative") and c.lower_ in _TARGET_PREPS_BETWEEN
                 and not (c.lower_ == "with" and any(p.lemma_.lower() in HELP_NOUNS for p in _children(c, ("pobj",))))
                 or dep == "prep" and c.lower_ == "about" and code is not None and code[:2] in ABOUT_ROOTS]
        if code is not None and code[:2] in OCCASION_ROOTS:
            # "met on the sidelines of the NATO summit", "talked at the UN General Assembly": the gathering where it
            # happens, not a party to it
            preps = [c for c in preps if not (c.lower_ in ("at", "on") and any(
                p.lemma_.lower() in OCCASION_NOUNS or p.lower_ in OCCASION_NOUNS for p in _children(c, ("pobj",))))]
        # "was seized on the orders of a court", "came at the request of the UN": on whose word it is done, not to whom
        preps = [c for c in preps if not (c.lower_ in ("on", "at") and any(
            p.lemma_.lower() in BEHEST_NOUNS for p in _children(c, ("pobj",))))]
        if code is not None and code[:2] in ("11", "12", "14"):
            # "complained to the UN over Israeli raids": the one complained about, not the addressee
            preps.sort(key=lambda c: c.lower_ not in ("against", "over", "about"))
        # elsewhere "over" gives a reason, after the object's own direction ("imposed sanctions on Belarus over the
        # landing of a Ryanair flight")
        reason = [c for c in preps if c.lower_ == "over"] if code is None or code[:2] not in ABOUT_ROOTS else []
        order += [p for c in preps if c not in reason
                  for p in (_children(c, ("pobj",)) or _participle_subjects(c) or _dangling_object(c))]
        # "fired two shells at Seoul", "launched an attack on X": a directed preposition on the object; "recalled its
        # ambassador from Turkey": the land the object is taken from
        # (or on a conjoined object: "sent 71 warplanes and seven navy ships toward Taiwan")
        order += [p for d in dobjs for c in (d, *_children(d, ("conj",)))
                  for p in _prep_objects(c, _TARGET_PREPS_NOT_OVER)]
        if not launched_from:
            order += [p for d in dobjs for p in _prep_objects(d, ("from",))]
        # "fired missiles from its territory at hideouts in Afghanistan": the aim misread as part of the origin
        order += [p for o in launched_from for p in _prep_objects(o, _TARGET_PREPS_NOT_OVER)]
        # "shot down drones launched by the Houthis", "seized weapons sent by Iran": whose the object is (also through
        # a count: "shot down 35 of the 40 missiles and 45 of the 50 drones launched by Russia")
        counted = [q for d in dobjs for c in (d, *d.conjuncts) if _count_word(c)
                   for p in _prep_objects(c, ("of",)) for q in (p, *p.conjuncts)]
        order += [ag for d in (*dobjs, *counted) for c in _kids(d) if c.dep_ == "acl" and c.tag_ == "VBN"
                  and (ag := _agent(c)) is not None and ag.i in ctx.actor_at]
        # "shot down three drones launched from Yemen": where what was stopped came from
        order += [p for d in dobjs for c in _kids(d) if c.dep_ == "acl" and c.tag_ == "VBN"
                  and _agent(c) is None for p in _launch_origins(c)]
        # "vowed revenge for Israel's killing of its commander": the doer of the harm the object answers
        order += [p for d in dobjs for pr in _kids(d) if pr.dep_ == "prep" and _harm_as_reason(ctx, pr)
                  for p in _children(pr, ("pobj",))]
        # "gave $2 billion in loans to Egypt": the recipient hangs on what the amount is of
        order += [r for d in dobjs if _amount(d)
                  for p in _prep_objects(d, ("in",)) for r in _prep_objects(p, RECIPIENT_PREPS)]
        order += [p for c in reason for p in (_children(c, ("pobj",)) or _dangling_object(c))]
        # "departed from Libya", "withdrew from X", "pulled out of X": the place or party left (not where weapons
        # are launched from: "drones were launched from Russia's Kursk region")
        if not launched_from:
            order += _prep_objects(v, ("from",))
            # ("pulled back from Kyiv": the phrase on the particle read as an adverb)
            order += [p for c, dep in kids if dep == "advmod" and c.lower_ in ADVERB_PARTICLES
                      for p in _prep_objects(c, ("from",))]
        order += [p for o, dep in kids if dep in ("prep", "prt") and o.lower_ == "out" for p in _prep_objects(o, ("of",))]
        # "mobilized reservists for a war against Iraq": what the act is for, last (an apology's "for" names what
        # it is for, not to whom: "apologised for the Netherlands' role in the slave trade")
        if code is None or code[:3] != "055":
            order += [p for c, dep in kids if dep == "prep" and c.lower_ == "for" for p in _kids(c) if p.dep_ == "pobj"]
    first: list[str] = []
    for head in order:
        if head.i in skip:
            continue
        if head.lower_ in RELATIVE_PRONOUNS and head.head.i == v.i and v.dep_ == "relcl":
            # "refugees, whom the authorities blame for the conflict": the relative pronoun is the noun it follows
            head = v.head
        if head.dep_ == "pobj" and (_harm_as_reason(ctx, head.head) or code is not None and code[:2] in ("11", "12", "14")
                                    and head.head.lower_ in ("over", "about") and _act_done_to(ctx, head)):
            # "vowed revenge for Israel's killing of a commander": the harm is a reason; its doer is the one acted
            # upon, not its victims. So for a complaint about an act ("protested to China over the detention of a
            # Japanese employee"): it is aimed at whoever did it; with no doer named, at the one addressed
            got = _noun_source(ctx, head)
        else:
            got = _phrase_actors(ctx, head) or _object_it(ctx, head, source or [])
            if source and code is not None and code[:2] in FORCE_ROOTS \
                    and _countries(ctx, got) <= _countries(ctx, source):
                # "Iran vowed revenge after Israel struck its consulate", "the US shot down its balloon", "detained
                # three Kenyan fishermen and seized their boats": force is not used on the doer's own things
                got = _others_possession(ctx, head, source) or got
        if source and set(got) & set(source) and head.i not in ctx.actor_at and _names_a_pair(head):
            # "Washington accused both sides of war crimes": the pair named before includes the one acting, so it is
            # not the pair meant (the two sides of the war named earlier)
            got = []
        if not got and head.dep_ == "pobj" and head.head.lower_ in _RECIPIENT_PREPS_INTO:
            # "troops to a peacekeeping force in Liberia", "an investigation into abuses in Sudan"
            got = _place_of(ctx, head)
        if not got:
            continue
        if first and head.dep_ in ("pobj", "dative") and (head.head.lower_ in SENT_TO_PREPS or head.dep_ == "dative"):
            return got  # ("sent 71 warplanes toward Taiwan", "sent troops into Ukraine": where the means go)
        if first:
            continue
        if head.dep_ == "dobj" and (own and all(ctx.actor_by_id[x].country in own for x in got if x in ctx.actor_by_id)
                                    or all(_inferred(ctx, x) for x in got)):
            # "offered its troops to Lebanon", "contributed 4,000 troops to a force in Liberia": the thing given
            # belongs to the giver; the recipient named after it is the one acted upon (also when the giver has no
            # country and the thing given only a guessed one: "the African Union will send 7,000 troops to Somalia")
            first = got
            continue
        return got
    return first


RECIPIENT_PREPS = frozenset({"to", "for"})
# ... and where one's own means are sent to or against
SENT_TO_PREPS = RECIPIENT_PREPS | {"toward", "towards", "into", "against", "at"}
# Verbs of sending weapons off ("drones launched from Yemen", "rockets fired from Gaza")
LAUNCH_VERBS = frozenset({"launch", "fire", "send", "shoot"})


def _launch_origins(v: Token) -> list[Token]:
    """Where weapons were launched or fired from ("launched from Yemen", "fired missiles from Yemen toward Israel",
    with the phrase on the verb or on what was fired): the land they came from, not their target."""
    if v.lemma_.lower() not in LAUNCH_VERBS:
        return []
    return _prep_objects(v, ("from",)) + [p for d in _children(v, ("dobj",)) for p in _prep_objects(d, ("from",))]
# What is fired or launched at someone, as against the one shot ("soldiers shot two protesters")
MISSILE_NOUNS = frozenset({"missile", "rocket", "drone", "shell", "mortar", "bomb", "projectile", "round", "salvo",
                           "barrage", "torpedo", "grenade", "bullet", "munition", "shot", "flare", "balloon"})


def _launched(v: Token, obj: Token, launched_from: list[Token]) -> bool:
    """``obj`` is what ``v`` fires or launches: a weapon, or a thing said to come from somewhere (not what is shot
    down: "shot down Russian drones")."""
    return v.lemma_.lower() in LAUNCH_VERBS and not any(c.dep_ == "prt" for c in _kids(v)) and (
        obj.lemma_.lower() in MISSILE_NOUNS or bool(launched_from and _prep_objects(obj, ("from",))))


_RECIPIENT_PREPS_INTO = RECIPIENT_PREPS | {"into"}
_TARGET_PREPS_BETWEEN = TARGET_PREPS | {"between"}
# "with help from the United States": those who help, not those acted upon
HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "aid"})
# Gatherings at which parties meet or speak, and the acts whose "at"/"on" phrase names such a gathering as their
# occasion ("met on the sidelines of the NATO summit")
OCCASION_NOUNS = frozenset({"summit", "sideline", "sidelines", "conference", "forum", "assembly", "session", "meeting",
                            "talks", "ceremony", "gathering", "congress", "convention", "dialogue"})
OCCASION_ROOTS = frozenset({"01", "02", "03", "04", "05"})
_TARGET_PREPS_NOT_OVER = TARGET_PREPS - {"over"}


# "in defiance of X", "in protest at X's policies": the one a protest is aimed at
PROTEST_NOUNS = frozenset({"defiance", "protest", "opposition", "disapproval", "anger", "outrage", "condemnation"})


def _protest_target(ctx: _Ctx, t: Token, source: list[str]) -> list[str]:
    """Whom a protest names in its purpose ("blocked a road to show their disapproval of US policies", "to demand
    independence from Indonesian rule") or in a manner phrase ("in defiance of Chinese authorities")."""
    clause = t if t.pos_ in ("VERB", "AUX") else t.head
    heads: list[Token] = []
    for v in (clause, t, *_children(clause, ("dobj",))):
        for c in _kids(v):
            if c.dep_ == "prep" and c.lower_ in ("in", "against", "during", "at", "outside", "near"):
                for p in _children(c, ("pobj",)):
                    if c.lower_ == "against" or p.lemma_.lower() in PROTEST_NOUNS:
                        heads.append(p)
                    elif c.lower_ != "during" and p.lemma_.lower() in MISSION_NOUNS \
                            or c.lower_ in ("outside", "near", "at") and p.lemma_.lower() in BASE_NOUNS:
                        # "rallied outside the Chinese embassy", "protested outside a French military base": the state
                        # the mission or the base stands for
                        heads.append(p)
                    # "threw stones during demonstrations against X": the protest the act was part of
                    heads.extend(q for pr in _children(p, ("prep",)) if pr.lower_ == "against"
                                 for q in _children(pr, ("pobj",)))
            elif c.dep_ in ("advcl", "xcomp") and _to_infinitive(c):
                heads.extend(_children(c, ("dobj",)))
                heads.extend(p for pr in _children(c, ("prep",)) for p in _children(pr, ("pobj",)))
    for h in heads:
        got = [x for x in _phrase_actors(ctx, h) if x not in source]
        if got:
            return got
    return []


# Protests that CAMEO sub-codes by what they demand (141x demonstrate, 142x hunger strike, 143x strike or boycott,
# 144x obstruct, 145x riot; x = 1 leadership change, 2 policy change, 3 rights, 4 institutions or regime)
PROTEST_AIMED_CODES = frozenset({"141", "142", "143", "144", "145"})


def _protest_aim(ctx: _Ctx, t: Token, code: str) -> str:
    """A protest's code at the depth its stated demand gives: "rallied in Belgrade to demand the resignation of the
    prime minister" demonstrates for leadership change (1411), as "demanded the resignation" is 1041."""
    clause = t if t.pos_ in ("VERB", "AUX") else t.head
    for c in (*_kids(clause), *(_kids(t) if t is not clause else ())):
        if c.dep_ not in ("advcl", "xcomp", "acl") or c.pos_ != "VERB" or not any(
                m.is_control and m.entry.control in ("DEMAND", "APPEAL") for m in _match(ctx, c)):
            continue
        objs = [*_children(c, ("dobj",)), *_prep_objects(c, ("for",))]
        # (or a verb it governs: "calling for President Maduro to step down")
        objs += [v for o in (c, *objs) for v in _kids(o) if v.dep_ in ("xcomp", "ccomp", "acl", "relcl")
                 and v.pos_ == "VERB"]
        for o in objs:
            for m in _match(ctx, o):
                if not m.is_control and m.entry.code:
                    demanded = tables.recode("DEMAND", m.entry.code)[0]
                    if len(demanded) == 4 and demanded.startswith("104") \
                            and code + demanded[3] in tables.cameo_codes():
                        return code + demanded[3]
    return code


# "declined to resign despite pressure by X": the nouns of pressing for something, whose doer a refusal answers
PRESSURE_NOUNS = frozenset({"pressure", "call", "demand", "appeal", "request", "plea", "urging", "insistence",
                            "ultimatum"})


def _pressure_resisted(ctx: _Ctx, verbs: list[Token], source: list[str]) -> list[str]:
    """Whom a refusal answers when it names no one but says whose pressure it withstands: "declined to resign despite
    growing pressure by the anti-corruption commission", "refused to step down in spite of calls from the army"."""
    for v in verbs:
        for c in _kids(v):
            if c.dep_ != "prep" or c.lower_ not in ("despite", "in", "notwithstanding"):
                continue
            nouns = _children(c, ("pobj",))
            if c.lower_ == "in":  # "in spite of", "in the face of"
                nouns = [q for p in nouns if p.lower_ in ("spite", "face") for q in _prep_objects(p, ("of",))]
            for n in nouns:
                if n.lemma_.lower() not in PRESSURE_NOUNS:
                    continue
                got = [x for p in _prep_objects(n, ("by", "from")) for x in _phrase_actors(ctx, p) if x not in source]
                if got:
                    return got
    return []


MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation", "chancery", "high commission"})
BASE_NOUNS = frozenset({"base", "garrison", "airbase"})  # (a protest outside one is aimed at whose forces it holds)


def _dangling_object(prep: Token) -> list[Token]:
    """A preposition the parser left without its object, the phrase after it read as the subject of a following
    clause ("granted asylum to [five officers] holed up in ..."): the head of the phrase that starts right after it."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or list(_kids(prep)):
        return []
    start = prep.i + 1
    for j in range(start, min(start + 8, len(doc))):
        tok = doc[j]
        if tok.pos_ in ("NOUN", "PROPN") and tok.left_edge.i == start and tok.dep_ in SUBJ + PASS_SUBJ + ("dobj",):
            return [tok]
    return []


def _place_of(ctx: _Ctx, head: Token) -> list[str]:
    for c in _kids(head):
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for p in _kids(c):
                if p.dep_ == "pobj":
                    return _phrase_actors(ctx, p, max_cost=1)
    return []


# -- the sentence ------------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Draft:
    trigger: Token
    entry: LexEntry
    code: str
    chain: list[_Match]
    source: list[str]
    target: list[str]
    inherited: bool
    negated: bool
    hypothetical: bool


def _sentence_events(ctx: _Ctx, sent, inputs: EventInputs) -> list[Event]:
    matches: dict[int, list[_Match]] = {}
    toks = doc_tokens(ctx.doc)
    cands = ctx.candidates
    for i in cands[bisect.bisect_left(cands, sent.start):bisect.bisect_left(cands, sent.end)]:
        m = _match(ctx, toks[i])  # (the other tokens match no row)
        if m:
            matches[i] = m
    ctx.drafted.clear()
    if not matches:
        return []  # (no trigger: nothing below would find an event)

    rows_of: dict[int, tuple[_Match | None, _Match | None]] = {}  # (event row, control row) by token, once each

    def rows(i: int) -> tuple[_Match | None, _Match | None]:
        got = rows_of.get(i)
        if got is None:
            got = rows_of[i] = (_event_row(i), _control_row(i)) if i in matches else (None, None)
        return got

    def event_row(i: int) -> _Match | None:
        return rows(i)[0]

    def control_row(i: int) -> _Match | None:
        return rows(i)[1]

    def _event_row(i: int) -> _Match | None:
        ms = matches.get(i, [])
        ev = next((m for m in ms if not m.is_control), None)
        ctl = next((m for m in ms if m.is_control), None)
        if ev is None:
            return None
        if ctl is not None and (not ev.entry.specificity or ctl.entry.specificity > ev.entry.specificity):
            # a bare control verb ("agree", "offer") acts as control; its object row wins when it fits; a control
            # row more specific than the event row wins over it ("refugees arrived in Turkey": no visit)
            return None
        return ev

    def _control_row(i: int) -> _Match | None:
        ms = matches.get(i, [])
        ctl = next((m for m in ms if m.is_control), None)
        if ctl is None:
            return None
        ev = next((m for m in ms if not m.is_control), None)
        if ev is not None and ev.entry.specificity and ev.entry.specificity >= ctl.entry.specificity:
            return None
        return ctl

    consumed: set[int] = set()
    for i in matches:
        ev = event_row(i)
        if ev is not None:
            consumed.update(t.i for t in ev.obj_tokens)
            if ev.tok.pos_ == "VERB" and any(_amount(t) for t in ev.obj_tokens):
                # "promised 3 billion dollars in military aid", the "in" phrase hung on the verb: what the amount is
                # of, not a second act
                consumed.update(p.i for p in _prep_objects(ev.tok, ("in",)) if p.pos_ == "NOUN")

    def content_row(n: Token) -> _Match | None:
        # "its demand that Israel ease restrictions", "an appeal that the rebels lay down arms": a demand or appeal
        # noun governs the act its that-clause asks for, as the verb "demanded" does
        ev = event_row(n.i)
        if ev is None or n.pos_ != "NOUN" or ev.entry.code is None or ev.entry.code[:2] not in CONTENT_CONTROL:
            return None
        return _Match(n, CONTENT_CONTROL[ev.entry.code[:2]], True)

    chains: dict[int, list[_Match]] = {}
    for i in sorted(matches):
        ev = event_row(i)
        if ev is not None and i not in consumed:
            chains[i] = _control_chain(ev.tok, control_row, content_row, ctx.lex, event_row)
    asked = {c.tok.i for ch in chains.values() for c in ch if c.entry in CONTENT_CONTROL.values()}
    drafts: list[_Draft] = []
    governing: set[int] = set()
    for i, chain in chains.items():
        ev = event_row(i)
        assert ev is not None
        if i in asked:
            continue  # the demand noun is coded through the act it asks for
        top = chain[-1].tok if chain else ev.tok  # (the outermost verb of the act's control chain)
        if _unrealised(top, event_row, control_row):
            continue  # (with its control verbs: "staged protests to demand reforms" is the protest, not a demand)
        if _conditional(ev.tok) or _denied_content(top) or _prevented(top):
            continue
        if _in_relative_clause(ctx, ev.tok):
            continue
        if ev.tok.pos_ == "NOUN" and ev.tok.dep_ == "dobj" and ev.tok.head.lemma_.lower() in FACING_VERBS \
                and (_modal(ev.tok.head) or _aux(ev.tok.head) & FUTURE) and _befalls(ctx, ev.tok):
            continue  # "Armenia could face war": a danger that may befall the subject, not an act of anyone's
        if ev.tok.pos_ == "NOUN" and not chain and any(c.dep_ == "det" and c.lower_ == "any" for c in _kids(ev.tok)):
            continue  # "warned against any Israeli offensive in Rafah": an act that may come, not one reported
        if _in_protest(ev.tok):
            continue  # "recalled its ambassador in protest": why the act was done, not a protest of its own
        if _alleged(top):
            continue  # "accused Ethiopian troops of killing civilians": the accusation is the event; the act alleged
            # is not reported as having happened
        if ev.tok.pos_ == "NOUN" and (ev.entry.code or "")[:2] == "04" and _occasion_of_meeting(ev.tok, event_row):
            continue  # "met his Turkish counterpart at the NATO summit": the gathering is where the meeting was
        if ev.tok.pos_ == "NOUN" and (not chain and _governed_by_event(ev.tok, event_row)
                                      or _misplaced_into(ev.tok, event_row)) and not _meeting_frame(ev):
            # "condemned an attack by X", "said in a statement": the noun is what the outer event is about; it is
            # an event of its own only when it names both who acts and who is acted upon.
            doer = _noun_source(ctx, ev.tok)
            # (its "of" phrase names whom it is done to when that is another than the doer: "Russia's invasion of
            # Ukraine")
            if not doer or not _object_actors(ctx, ev.tok, code=ev.entry.code, source=doer):
                if doer and ev.entry.code:
                    # (an act with a named doer is still reported, for a later answer: "Kenya protested the detention
                    # of its citizens by Ugandan police. Amnesty International condemned the arrests")
                    ctx.told.append((ev.tok.lemma_.lower(), ev.entry.code, doer, [], False))
                continue
            outer = event_row(ev.tok.head.i)
            if ev.tok.dep_ == "dobj" and outer is not None and (outer.entry.code or "")[:2] == "12":
                continue  # "Hungary vetoed new EU sanctions against Russia": what is blocked or rejected did not happen
        governing.update(c.tok.i for c in chain)
        d = _draft(ctx, ev, chain, sent=sent)
        if d is not None:
            drafts.append(d)
            if d.source:
                ctx.drafted.append((d.trigger.i, (d.trigger.lemma_.lower(), d.code, list(d.source), list(d.target),
                                                  d.trigger.idx in ctx.answers)))
    own: list[tuple[_Match, list[_Match]]] = []
    for i in sorted(matches):
        ctl = control_row(i)
        if ctl is None or i in governing or ctl.entry.code is None:
            continue
        outer = _control_chain(ctl.tok, control_row, lex=ctx.lex, event_row=event_row)
        if outer and ctl.entry.control == "PASS":
            # "urged Bree to help win a role": a pass-through verb that governs no event is the act its own code
            # names, and the control verbs above it govern that act (an appeal for aid), as they would a verb's
            own.append((ctl, outer))
            governing.update(c.tok.i for c in outer)
        elif not outer:
            own.append((ctl, []))
    for ctl, outer in own:
        if ctl.tok.i in governing or _unrealised((outer[-1] if outer else ctl).tok, event_row, control_row) \
                or _conditional(ctl.tok) or _in_relative_clause(ctx, ctl.tok) or _prevented(ctl.tok) \
                or _denied_content(ctl.tok):  # ("denied that it was seeking nuclear weapons")
            continue
        # (a pass-through verb's own act is coded as an event verb's would be: "will help Vietnam" is an intent)
        own_code = None if ctl.entry.control == "PASS" else ctl.entry.code
        posture = _posture_ordered(ctl.tok) if ctl.entry.control == "DEMAND" and not outer \
            and ctl.tok.lemma_.lower() in COMMAND_VERBS and _own_forces_told(ctx, ctl.tok) else None
        own_code = posture or own_code
        if ctl.entry.control == "THREAT" and not outer and _warned_of_danger(ctx, ctl.tok):
            own_code = "012"  # "warning that millions of people faced famine": a pessimistic comment, not a threat
        d = _draft(ctx, ctl, outer, own_code=own_code, sent=sent)
        if d is not None and posture is not None:
            # (the order is given, the posture taken: no demand on anyone, and the forces told are the state's own)
            d.hypothetical = False
            d.target = [x for x in d.target if not _countries(ctx, [x]) & _countries(ctx, d.source)]
        if d is not None:
            drafts.append(d)
    drafts = [d for d in drafts if _known_source(ctx, d)]
    drafts = _drop_slogans(drafts)
    drafts = _settle_statements(ctx, drafts)
    return [_finish(ctx, d, sent, inputs) for d in sorted(drafts, key=lambda d: d.trigger.i)]


def _drop_slogans(drafts: list[_Draft]) -> list[_Draft]:
    """What protesters say or demand while protesting is the protest's content, not an event of its own: "staged
    rallies against Abbas, saying he must resign", "blocked roads demanding that he be reinstated"."""
    protest = {tok for d in drafts if d.code[:2] == "14" for tok in (d.trigger.i, *(c.tok.i for c in d.chain))}
    if not protest:
        return drafts

    def slogan(d: _Draft) -> bool:
        if d.code[:2] not in ("01", "02", "10"):
            return False
        for a in (d.trigger, *_ancestors(d.trigger)):
            if a.dep_ == "advcl" and a.tag_ == "VBG":
                return a.head.i in protest
            if a.dep_ not in ("ccomp", "xcomp", "dobj", "pobj", "prep", "pcomp", "conj"):
                return False
        return False

    return [d for d in drafts if not slogan(d)]


def _unaffiliated_group(ctx: _Ctx, actor_id: str) -> bool:
    a = ctx.actor_by_id.get(actor_id)
    return a is not None and a.kind == "group" and not a.country and not a.cameo \
        and a.sector not in ("IGO", "NGO", "IMG")


def _known_source(ctx: _Ctx, d: _Draft) -> bool:
    """Drop events whose only source is an unnamed group of unknown affiliation ("a senior official", "crowds"), and
    statements whose only source is an unnamed group whose country the text does not state ("a senior official
    said", "sources said": the actor stage guessed it; such attributions are the reporter's, not an actor's act)."""
    if not d.source:
        return bool(d.target)  # violence against named victims by an unnamed doer
    if d.code == "010" and all(x in ctx.actor_by_id and ctx.actor_by_id[x].kind == "group"
                               and not ctx.actor_by_id[x].cameo for x in d.source):
        return False
    for x in d.source:
        a = ctx.actor_by_id.get(x)
        if a is None or a.country or a.cameo or a.kind != "group" or a.sector in ("IGO", "NGO", "IMG"):
            return True
    return False


def _settle_statements(ctx: _Ctx, drafts: list[_Draft]) -> list[_Draft]:
    """CAMEO codes a plain statement (010) only when it says nothing more specific. So: "X said it would visit Y"
    is X's intent to meet, not also a statement; "X said Y attacked Z" is two events, X's statement (about Y: the
    target) and Y's attack."""
    by_tok = {d.trigger.i: d for d in drafts}
    out: list[_Draft] = []
    for d in drafts:
        if d.code != "010" or d.chain:
            out.append(d)
            continue
        # (the other drafts in the statement's subtree: those it is an ancestor of; their order does not matter)
        inner = [o for i, o in by_tok.items() if i != d.trigger.i and _descends(o.trigger, d.trigger)
                 and _reported_by(o.trigger, d.trigger)]
        if any(set(i.source) & set(d.source) for i in inner):
            continue  # the statement is the inner event itself
        if any(_one_state(ctx, [*i.source, *d.source]) for i in inner):
            # so is a state organ's telling of its own state's act ("the Pentagon said US forces had struck ..."); a
            # later "the claim" still refers back to the telling
            ctx.told.append((d.trigger.lemma_.lower(), d.code, list(d.source), [], False))
            continue
        # (not what a thing should be: "said the agreement should be a model for the region" is an opinion)
        must = [c for c in _kids(d.trigger) if c.dep_ == "ccomp" and _aux(c) & OBLIGATION
                and not (c.lemma_ == "be" and not _embedded_subject(ctx, c, d.trigger))]
        if must and not inner:
            # "declared that China must drop barriers": a demand on China (CAMEO 100)
            d.code = "100"
            d.hypothetical = True
            d.target = [x for x in _embedded_subject(ctx, must[0], d.trigger) if x not in d.source]
            out.append(d)
            continue
        # "told reporters", "told AFP": the press is the channel, not whom the statement concerns
        d.target = [x for x in d.target if x not in ctx.actor_by_id or ctx.actor_by_id[x].sector not in PRESS_SECTORS]
        if not d.target:
            subj = [t for t in _kids(d.trigger) if t.dep_ in ("ccomp", "parataxis")]
            for c in subj:
                got = _embedded_subject(ctx, c, d.trigger)
                got = [x for x in got if x not in d.source]
                if got:
                    d.target = got
                    break
        out.append(d)
    return out


PRESS_SECTORS = frozenset({"MED", "JRN"})
# a state's own organs: its government, forces, police and spies
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})


def _one_state(ctx: _Ctx, ids: list[str]) -> bool:
    """All of ``ids`` are one country's state: the country itself or its government, forces, police or spies."""
    actors = [ctx.actor_by_id[x] for x in ids if x in ctx.actor_by_id]
    return len(actors) == len(ids) > 1 and len({a.country for a in actors}) == 1 and bool(actors[0].country) \
        and all(a.kind == "country" or a.sector in STATE_SECTORS for a in actors)


def _reported_by(t: Token, speech: Token) -> bool:
    """``t`` sits in a clause reported by ``speech`` (its complement), not in a relative clause of its subject."""
    cur = t
    for _ in range(10):
        if _outside_reported_clause(cur):
            return False  # ("said any deal would fail and threatened sanctions": the speaker's next act)
        if cur.head.i == speech.i:
            return cur.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "dobj", "advcl")
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _unrealised(t: Token, event_row, control_row=None) -> bool:
    """An act named only as a purpose or a noun's complement: "traveled to Niamey to discuss the matter", "an offer
    to host a summit", "the right to fire", "called for the withdrawal of Syrian forces to end the war". The main act
    is the event; the purpose is not (yet) one."""
    if t.pos_ not in ("VERB", "AUX"):
        return False
    infinitive = any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in _kids(t))
    if not infinitive:
        return False
    if t.dep_ == "acl":
        return True
    if t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX") and any(
            event_row(d.i) is not None for d in _kids(t.head) if d.dep_ == "dobj"):
        # "staged mass demonstrations to demand reforms", "began a hunger strike to demand": the act is the one named
        # as the object; the demand is its purpose
        return True
    if t.dep_ == "ccomp" and t.tag_ == "VB" and t.head.pos_ == "VERB" and event_row(t.head.i) is not None \
            and not _children(t.head, ("dobj",)) and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                                                         for c in _kids(t)):
        return True  # "summoned Uganda's envoy to protest": the object misread as the purpose clause's subject
    if t.dep_ == "relcl" and t.head.dep_ == "dobj" and event_row(t.head.head.i) is not None:
        return True  # "would summon a Chinese diplomat to protest": read as the object's relative, the same purpose
    return t.dep_ in ("advcl", "xcomp") and event_row(t.head.i) is not None \
        or t.dep_ == "advcl" and control_row is not None and (c := control_row(t.head.i)) is not None \
        and (c.entry.control in ("APPEAL", "DEMAND")  # (what an appeal is for: "called for ... to end the war")
             # (what an offer of a thing is for: "offered its troops to Lebanon to help oust Aoun")
             or c.entry.control == "INTENT" and any(d.dep_ == "dobj" for d in _kids(t.head)))


def _own_property(v: Token, row_object: set[int]) -> bool:
    """What a verb of damage acts on is the doers' own ("setting fire to their mattresses", "burned its own
    camp"): its object (or the object of its "to", "on"; not the lexicon row's own object, "fire") has a possessive
    pronoun."""
    if v.dep_ in ("conj", "advcl") and _children(v.head, ("dobj", "nsubjpass")):
        return False  # ("detained two Ethiopian traders and seized their trucks": theirs are the ones named before)
    things = [x for x in (*_children(v, ("dobj",)), *_prep_objects(v, ("to", "on"))) if x.i not in row_object]
    return bool(things) and all(any(c.dep_ == "poss" and c.lower_ in ("their", "its", "his", "her")
                                    for c in _kids(x)) for x in things)


def _future_carrier(chain: list[_Match]) -> bool:
    """An act named under light or receiving verbs that carry its tense: "will hold talks", "will receive a loan from
    the IMF" are future acts as "will meet" is."""
    return bool(chain) and all(c.entry.control in ("PASS", "RECEIVE") for c in chain) \
        and bool(_aux(chain[-1].tok) & FUTURE)


def _alleged(t: Token) -> bool:
    """The act an accusation names: "accused X of killing civilians", "suspected of spying", "blamed X for
    shelling the town"."""
    cur = t
    while cur.dep_ == "conj" and cur.head.i < cur.i:
        if _finite_after_gerund(cur):
            return False
        cur = cur.head
    if cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.i > cur.head.i and not _children(cur, SUBJ) \
            and any(_alleged(p) for d in (cur.head, *_children(cur.head, ("dobj",)))
                    for pr in _kids(d) if pr.dep_ == "prep" for p in _children(pr, ("pcomp",))):
        # "accused China's coast guard of firing water cannon at a vessel, damaging the boat and injuring four crew
        # members": what the act alleged did, hung on the accusation by the parser, is alleged with it
        return True
    if t.dep_ != "pcomp" or t.head.lower_ not in ("of", "for"):
        return False
    v = t.head.head
    if v.dep_ == "dobj" and v.pos_ in ("NOUN", "PROPN"):
        v = v.head  # (the phrase hung on the one accused: "accused [Ethiopian troops of killing]")
    elif v.dep_ == "pobj" and v.head.dep_ == "agent":
        v = v.head.head  # (or on the accuser: "were accused by rights groups of killing")
    return v.lemma_.lower() in (("accuse", "suspect", "charge") if t.head.lower_ == "of" else ("blame",))


def _in_protest(t: Token) -> bool:
    """"in protest" (at, against or over X) with no determiner, on a verb: the manner of another act ("recalled its
    ambassador in protest", "resigned in protest at the ruling"), not a protest ("took part in a protest")."""
    return t.pos_ == "NOUN" and t.lemma_.lower() == "protest" and t.dep_ == "pobj" and t.head.lower_ == "in" \
        and t.head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("det", "poss", "amod") for c in _kids(t))


def _prevented(t: Token) -> bool:
    """An act someone will not let happen ("would not allow Ethiopia to threaten its water security"): the refusal
    is reported, not the act."""
    return t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in PERMISSION_VERBS and _negated(t.head)


# Verbs of letting another act ("allowed X to run"): negated, what they govern does not happen.
PERMISSION_VERBS = frozenset({"allow", "permit", "let", "tolerate"})


def _conditional(t: Token) -> bool:
    """``t`` is in a condition ("will withdraw unless Baghdad accepts its terms", "if the rebels attack", "would not
    release the hostages until Israel ended the war"): what the condition names has not happened; the act that hangs
    on it is the event."""
    for a in [t, *_ancestors(t)]:
        if a.dep_ != "advcl":
            continue
        marks = {m.lower_ for m in _kids(a) if m.dep_ == "mark"}
        if "if" in marks or "unless" in marks:
            return True
        if "until" in marks and (_negated(a.head) or _modal(a.head) or bool(_aux(a.head) & FUTURE)):
            return True  # (not a time that has come: "fought until the army withdrew")
    return False


# Verbs that put out a text ("issued a statement condemning X"): the text's act is its issuer's.
ISSUE_VERBS = frozenset({"issue", "release", "publish", "adopt", "pass", "sign", "send", "deliver", "read", "unveil",
                         "present", "circulate", "approve"})


def _issued(n: Token) -> bool:
    return n.dep_ == "dobj" and n.head.lemma_.lower() in ISSUE_VERBS and bool(_children(n.head, SUBJ))


def _in_relative_clause(ctx: _Ctx, t: Token) -> bool:
    """``t`` is in a relative clause describing a thing ("a resolution that aims to tighten sanctions", "the jail
    where prisoners were held"): background, not an event report. A clause about an actor ("Niger, which cancelled
    the agreement last week") does report one."""
    for a in [t, *_ancestors(t)]:
        if a.dep_ == "acl" and a.tag_ == "VBG" and _issued(a.head):
            return False  # "issued a declaration demanding ...": what the issued text does, its issuer does
        if a.dep_ == "acl" and a.tag_ == "VBN" and a.head.pos_ in ("NOUN", "PROPN") and a.i > a.head.i \
                and a.head.dep_ not in SUBJ + PASS_SUBJ and not _children(a, ("dobj",)) \
                and a.sent.root.pos_ in ("VERB", "AUX"):
            # "the families of athletes killed at the 1972 Games": what was once done to them describes them. (Not
            # on a subject, nor with an object, nor in a sentence with no verb at its root: there the parser has
            # usually taken the clause's own verb for one.)
            return True
        if a.dep_ == "relcl" and a.head.dep_ == "ROOT" and a.head.pos_ in ("NOUN", "PROPN") \
                and _children(a, SUBJ) and a.tag_ in ("VBD", "VBZ", "VBP"):
            # "The West African bloc ECOWAS gave Niger's junta an ultimatum": with a noun as the sentence's root, the
            # finite clause with its own subject the parser hung on it is the sentence itself
            return False
        if a.dep_ == "relcl" or a.dep_ == "acl" and a.tag_ == "VBG":  # "an EU statement criticizing China"
            return a.head.i not in ctx.actor_at
    return False


def _nominal_controller(ctx: _Ctx, n: Token) -> list[str]:
    """Whose decision, plan or threat a control noun is: its own doer ("France's decision", "a decision by Mali"),
    else, as an object, the subject of its verb ("France announced its decision to ...", "made the decision")."""
    got = _noun_source(ctx, n)
    if not got and n.dep_ == "dobj" and n.head.pos_ in ("VERB", "AUX"):
        got = _subject_actors(ctx, n.head)[0]
    return got


def _governed_by_event(n: Token, event_row) -> bool:
    h = n.head
    if n.dep_ == "pobj" and h.dep_ in ("prep", "agent"):
        h = h.head
    return h.i != n.i and event_row(h.i) is not None


def _misplaced_into(n: Token, event_row) -> bool:
    """"opened an investigation into the attack", the "into" hung on the verb by the parser: the noun is what the
    verb's object, an act, is about (not an act the verb carries out)."""
    h = n.head
    return n.dep_ == "pobj" and h.lower_ == "into" and h.dep_ == "prep" \
        and any(event_row(o.i) is not None for o in _children(h.head, ("dobj",)))


def _addressees(ctx: _Ctx, v: Token) -> list[str]:
    """Whom a verb of saying or a message noun addresses: "told Ethiopia", "a reminder to Iraq", "gave Iraq a warning"."""
    return [a for c in _kids(v) if c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ == "to"
            or c.dep_ == "dobj" and v.pos_ == "VERB" and _is_speech(v) for a in _phrase_actors(ctx, c)]


# words that count what their "of" phrase names ("most of the drones", "35 of the 40 missiles")
QUANTIFIERS = frozenset({"most", "some", "all", "many", "several", "half", "none", "few", "each", "any"})


def _count_word(t: Token) -> bool:
    return t.pos_ == "NUM" or t.lemma_.lower() in PARTITIVES or t.lower_ in QUANTIFIERS or t.lower_ in NUMBER_WORDS


PARTITIVES = frozenset({"round", "series", "wave", "spate", "string", "flurry", "volley", "barrage", "campaign",
                        "batch", "contingent", "deployment", "detachment",
                        "bout", "burst", "salvo", "raft", "package", "set", "number", "part", "portion",
                        # spans of time that count an act: "launched 10 days of war games", "after weeks of talks"
                        "hour", "day", "night", "week", "month", "year", "decade"})


ALLEGATION_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "report", "rumour", "rumor",
                              "suggestion", "assertion", "speculation", "account", "version"})
# ... of which those that may name a statement as well as an accusation ("Manila rejected the account")
TELLING_NOUNS = frozenset({"report", "claim", "account", "version"})
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "deflect"})


def _denied_content(t: Token) -> bool:
    """What a denied claim says did not happen, as far as the sentence goes: "Russia rejected claims that it had
    supplied weapons to the Houthis" is the rejection only; so are "Rwanda denied backing the rebels" and "Serbia
    denied that its troops had crossed into Kosovo"."""
    for a in [t, *_ancestors(t)]:
        if a.dep_ in ("acl", "ccomp") and _that_clause(a) and a.head.lemma_.lower() in ALLEGATION_NOUNS:
            return a.head.dep_ == "dobj" and a.head.head.lemma_.lower() in DENIAL_VERBS
        if a.tag_ == "VBG" and a.dep_ in ("xcomp", "ccomp", "dobj") and a.head.lemma_.lower() == "deny":
            return True  # "Rwanda denied backing the rebels"
        if a.dep_ == "ccomp" and a.head.lemma_.lower() in ("confirm", "acknowledge") and _negated(a.head):
            return True  # "Israel did not confirm that it had carried out the strike"
        if a.dep_ == "ccomp" and a.head.lemma_.lower() in DENIAL_VERBS and not _negated(a.head):
            return True  # "Serbia denied that its troops had crossed into Kosovo"
        if a.dep_ == "amod" and a.left_edge.lower_ == "that" and a.head.dep_ == "dobj" \
                and a.head.head.lemma_.lower() in DENIAL_VERBS and not _negated(a.head.head):
            return True  # the same, with the clause's verb misparsed as a modifier of its object
    return False


SIDELINE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins"})


def _occasion_of_meeting(n: Token, event_row) -> bool:
    """A gathering named as where a meeting took place: "met X at the NATO summit", "met on the sidelines of the G20
    summit", "held talks during the conference" (the meeting verb is the event; the gathering is its occasion)."""
    if n.lemma_.lower() not in OCCASION_NOUNS and n.lower_ not in OCCASION_NOUNS:
        return False  # ("will meet X during a visit to Y": the visit is one of its own)
    cur = n
    for _ in range(3):
        if cur.dep_ != "pobj":
            return False
        prep = cur.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in SIDELINE_NOUNS:
            cur = prep.head
            continue
        if prep.lower_ in ("at", "on", "during", "in"):
            # (the phrase may hang on the one met: "to meet Xi Jinping at the BRICS summit")
            v = prep.head.head if prep.head.dep_ == "dobj" else prep.head
            if v.pos_ not in ("VERB", "AUX"):
                return False
            outer = event_row(v.i)
            return outer is not None and (outer.entry.code or "")[:2] == "04"
        return False
    return False


def _meeting_frame(m: _Match) -> bool:
    """A meeting or call noun framing a clause: "In a phone call, X urged Y", "X told Y during talks in Cairo"."""
    t = m.tok
    return t.pos_ == "NOUN" and m.entry.code is not None and m.entry.code[:2] == "04" and t.dep_ == "pobj" \
        and t.head.lower_ in ("in", "during", "at") and t.head.head.pos_ == "VERB" \
        and _agent(t) is None and not _children(t, ("poss",))


def _to_infinitive(v: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in _kids(v))


def _that_clause(v: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in _kids(v))


def _control_chain(tok: Token, control_row, content_row=None, lex=None, event_row=None) -> list[_Match]:
    """The control verbs governing ``tok``, innermost first ("decided to threaten to cut ties"). ``content_row``
    gives a demand or appeal noun's control over its that-clause ("its demand that X withdraw"); ``lex``, the
    lexicon, a control verb's "for" row when the parser made its "for" the mark of a clause; ``event_row``, whether a
    verb is an event of its own (a plain verb's purpose shares the control above it)."""
    chain: list[_Match] = []
    cur = tok
    for _ in range(5):
        h = cur.head
        if h.i == cur.i:
            break
        rel = cur.dep_
        via = None
        if content_row is not None and rel in ("acl", "ccomp") and cur.pos_ in ("VERB", "AUX") and _that_clause(cur):
            # the clause hangs from the noun, or (a common misparse, "reiterated its demand today that X ...") from
            # the verb whose object the noun is
            nouns = [h] if rel == "acl" else [d for d in _children(h, ("dobj",)) if d.i < cur.i]
            got = next((m for n in nouns if (m := content_row(n)) is not None), None)
            if got is not None:
                chain.append(got)
                cur = got.tok
                continue
        if rel == "pobj" and h.lower_ == "in" and h.head.dep_ == "dobj" and _amount(h.head):
            cur = h.head  # "received $2 billion in aid": the aid is the verb's object
            continue
        if rel == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in PARTITIVES and h.head.i < cur.i:
            # "held a new round of border talks", "launched a wave of air strikes": the act is what the partitive
            # noun counts
            cur = h.head
            continue
        if rel in ("xcomp", "ccomp", "dobj", "nsubjpass"):
            via = h
        elif rel == "acl" and h.pos_ == "NOUN" and cur.i > h.i and _to_infinitive(cur):
            via = h  # "its decision to withdraw": a control noun's infinitive (``_governs_infinitive``)
        elif rel == "advcl" and _to_infinitive(cur) and cur.i > h.i and not _children(h, ("dobj", "xcomp", "ccomp")) \
                and (c0 := control_row(h.i)) is not None and not c0.entry.prep:
            # "have sworn to fight until ...": a control verb's infinitive, misparsed as a purpose clause
            via = h
        elif rel == "advcl" and _to_infinitive(cur) and cur.i > h.i \
                and any(d.i == cur.left_edge.i - 1 for d in _children(h, ("dobj",))) \
                and (c0 := control_row(h.i)) is not None and not c0.entry.prep \
                and c0.entry.control in ("APPEAL", "DEMAND"):
            # "pushed Serbia to recognise Kosovo": an appeal to the one named right before the infinitive, misparsed
            # as a purpose clause
            via = h
        elif rel == "advcl" and cur.i > h.i and _to_infinitive(cur) \
                and any(c.dep_ == "mark" and c.lower_ == "for" for c in _kids(cur)) \
                and lex is not None \
                and (row := next((r for r in lex.rows(h.lemma_.lower(), "CONTROL") if r.prep == "for"), None)):
            # "called for French troops to leave": the "for" of a control verb, parsed as the mark of an infinitive
            # clause with a subject of its own
            chain.append(_Match(h, row, True))
            cur = h
            continue
        elif rel == "advcl" and _to_infinitive(cur) and cur.i > h.i and h.dep_ == "xcomp" \
                and control_row(h.i) is None and event_row is not None and event_row(h.i) is None:
            # "is willing to send material to help defend Saudi Arabia": the purpose of a plain verb that is itself
            # governed shares its control (the defence is what Norway is willing to do)
            cur = h
            continue
        elif rel == "conj" and cur.pos_ in ("VERB",) and (h.dep_ in ("xcomp", "ccomp") or h.dep_ == "pcomp"
                                                           and cur.tag_ == "VBG" == h.tag_) \
                and not (cur.tag_ == "VBD" and _to_infinitive(h)):
            # (not a past verb joined to an infinitive: "urged them to exercise restraint and offered to mediate" is
            # the offer of the one who urged, not part of the appeal)
            # "agreed to restore ties and reopen embassies", "responded by closing its airspace and suspending trade":
            # the second act shares the first's control
            cur = h
            continue
        elif rel in ("pobj", "pcomp") and h.dep_ in ("prep",):
            via = h.head
            ctl = control_row(via.i)
            if ctl is not None and (ctl.entry.prep != h.lower_ if ctl.entry.prep else h.lower_ not in CONTROL_PREPS
                                    or ctl.entry.control in ASKING and h.lower_ not in ("for", "to")
                                    or ctl.entry.control == "INTENT" and h.lower_ == "in"):
                # "offered to negotiate following the invasions": "following" governs nothing; "in a phone call, X
                # urged ...": an appeal or threat governs no act through "in"; nor does an agreement or promise
                # ("agreed to US mediation in the final status talks": the talks are where it was agreed)
                via = None
        if via is None:
            break
        ctl = control_row(via.i)
        if ctl is None and rel == "pobj" and tok.pos_ == "NOUN" and cur is tok and h.lower_ == "in" \
                and via.pos_ == "VERB" and _children(via, SUBJ) and not _is_event_verb(via):
            # "guerrillas wounded two soldiers in a bomb attack": the attack is what the subject did
            ctl = _Match(via, _PASS_ENTRY, True)
        if ctl is None and rel == "dobj" and tok.pos_ == "NOUN" and cur is tok \
                and (_is_speech(via) or via.lemma_.lower() in ISSUE_VERBS and not _is_event_verb(via)):
            # "Italy announced a suspension of air links", "the EU adopted new sanctions against Russia": the
            # announcement (or the text adopted) is the act ("signed a truce" is the signing: an act of its own)
            ctl = _Match(via, _PASS_ENTRY, True)
        if ctl is None:
            break
        if rel == "dobj" and ctl.entry.control in ("PASS",) and tok.pos_ != "NOUN":
            break
        if rel == "dobj" and cur is tok and tok.pos_ == "NOUN" and ctl.entry.control == "DEMAND" \
                and via.lemma_.lower() in COMMAND_VERBS:
            # "ordered the closure of the consulate", "ordered the arrest of X": a command's own act, done by whoever
            # gives it (not "ordered X to leave", a demand on X)
            ctl = _Match(via, _PASS_ENTRY, True)
        chain.append(ctl)
        cur = via
    return chain


def _draft(ctx: _Ctx, m: _Match, chain: list[_Match], own_code: str | None = None, sent=None) -> _Draft | None:
    """``sent``: the trigger's sentence, when the caller has it (else ``Token.sent`` finds it)."""
    t = m.tok
    code = own_code or m.entry.code
    assert code is not None
    if t.dep_ == "ccomp" and _naming_relative(t) and any(not mt.is_control for mt in _match(ctx, t.head)):
        return None  # "condemned what it called provocations": one condemnation, whose object the clause names
    if code.startswith("171") and t.pos_ == "VERB" and _own_property(t, {x.i for x in m.obj_tokens}):
        return None  # "prisoners rioted, setting fire to their mattresses": no one else's property is touched
    unwelcome = _declared_unwelcome(t) if code == "010" else None
    if unwelcome is not None:
        code = "161"  # "Peru declared Mexico's ambassador persona non grata": an expulsion of a diplomat
    verdict = _verdict(ctx, t) if code == "010" and not chain else None
    if verdict is not None:
        code = verdict[0]  # "Egypt said the attack was a flagrant violation of international law": a criticism
    chain = _wishes_on_others(chain, t)
    hypothetical = False
    negated = _negated(t)
    instrument = _instrument(ctx, t) if code in GENERIC_HARM else None
    if instrument is not None:
        code = instrument[1]  # "wounded two soldiers in a bomb attack": a bombing (183), not just force (190)
    if (code[:2] == "15" or code[:3] == "042" and _forces_subject(t)) and t.pos_ == "VERB":
        # "to deploy 1,000 police officers to Haiti to help restore order", "to lead a security mission": forces sent
        # to another country to help, keep the peace or protect are peacekeeping (074), not a show of force; sent "to
        # take part in NATO exercises", military cooperation (062)
        purpose = next((got for c in _children(t, ("advcl", "xcomp")) if _to_infinitive(c)
                        and (got := _cooperative_purpose(c))), None)
        if purpose == "062" or purpose == "074" and _prep_objects(t, ("to", "in") if code[:2] == "04" else ("to",)):
            code = purpose
    if code.startswith("166") and t.pos_ == "VERB" and t.lemma_.lower() in DEPART_VERBS \
            and not any(c.entry.control in ("DEMAND", "APPEAL") for c in chain):
        # "the diplomats were given 48 hours to leave the country", "thousands left the country": leaving is an
        # expulsion only as commanded ("ordered French troops to leave the country"), never one by those who leave
        return None
    before_intent: str | None = None
    ruled_open: Token | None = None
    for k, c in enumerate(chain):
        cls = c.entry.control or "PASS"
        if cls == "APPEAL" and c.tok.lemma_.lower() in ASPIRE_VERBS and not _children(c.tok, ("dobj", "dative")) \
                and not c.entry.prep:
            cls = "INTENT"  # "Moscow seeks to deepen military ties with Pyongyang": its own aim (03), not an appeal
        if cls == "NEG":
            negated = not negated
            continue
        if cls == "THREAT" and _warned_of_another(ctx, c.tok, chain[k - 1].tok if k else t):
            hypothetical = True  # "Seoul warned North Korea could conduct a nuclear test": no threat by either
            continue
        if cls == "REFUSE" and _negated(c.tok):
            cls = "INTENT"  # "did not rule out military action": left open, a threat (or an intent)
            ruled_open = c.tok
        elif cls == "REFUSE" and int(code[:2]) > 8:
            negated = True
        if c.tok.lemma_ in ("have", "be") and any(x.dep_ == "advmod" and x.lower_ == "yet" for x in _kids(c.tok)):
            negated = not negated  # "has yet to recognise Kosovo": not done
        if cls in ("APPEAL", "DEMAND") and before_intent is not None:
            code = before_intent  # "urged X to agree to a ceasefire": the appeal is for the ceasefire itself
        before_intent = code if cls == "INTENT" else None
        if cls == "DEMAND" and c.tok.lemma_.lower() in COMMAND_VERBS and code[:2] in ("16", "17"):
            # "ordered the newspaper to suspend publication": a restriction commanded is imposed by whoever commands
            # it on the one told to carry it out (a demand still steers source and target below)
            continue
        if cls == "DEMAND" and c.tok.lemma_.lower() in COMMAND_VERBS and _own_forces_told(ctx, c.tok):
            continue  # "Serbia ordered its troops to withdraw from the border": what its forces do on order, it does
        if cls in ("APPEAL", "DEMAND") and code.startswith("166") and t.lemma_.lower() in DEPART_VERBS:
            # "asked the US-led coalition to leave the country": a departure asked of the one leaving (not commanded
            # by its host, above) is its withdrawal appealed for (0256), not a call to act against it
            code = "087"
        code, hyp = tables.recode(cls, code)
        hypothetical = hypothetical or hyp
        negated = negated or _negated(c.tok) and c.tok is not ruled_open
        hypothetical = hypothetical or _modal(c.tok)
    if own_code and m.entry.control in ("THREAT", "APPEAL", "DEMAND", "INTENT") and not own_code.startswith("01"):
        hypothetical = True  # (a warning of a danger, 012, is a comment made, not an act that may come)
    hypothetical = hypothetical or _modal(t)
    # "X said Y must withdraw": an obligation reported by a speaker is a demand on Y.
    top = chain[-1].tok if chain else t
    if chain and chain[-1].tok.lemma_ in ISSUE_VERBS and _children(chain[-1].tok, ("dobj",)):
        # "issued a reminder to X that it must ...", the clause misparsed as the issuing verb's: the clause is the top
        top = chain[-2].tok if len(chain) > 1 else t
    if top.dep_ in ("acomp", "xcomp") and top.head.lemma_ == "be":
        top = top.head  # "said the US must be ready to mediate"
    said = top.head if top.dep_ == "ccomp" else top.head.head if top.dep_ == "acl" and _that_clause(top) \
        and top.head.dep_ == "dobj" else None  # "told X that ...", "issued a reminder to X that ..."
    obliged = said is not None and bool(_aux(top) & OBLIGATION) and (_is_speech(said) or said.lemma_ in ISSUE_VERBS) \
        and not any(c.entry.control in ("APPEAL", "DEMAND") for c in chain) \
        and not (own_code and m.entry.control in ("APPEAL", "DEMAND", "THREAT", "REFUSE", "NEG"))
    if obliged:
        code, _ = tables.recode("DEMAND", code)
        hypothetical = True
    elif not own_code and not chain and not negated and int(code[:2]) >= 3 and _aux(t) & FUTURE and _unless(t):
        # "will withdraw its force from Chad unless X holds elections": a future act made to hang on another's act is
        # a threat (CAMEO 13)
        code, _ = tables.recode("THREAT", code)
        hypothetical = True
    # "Portugal will support ...", "said it would send troops": a stated future act of cooperation is an intent.
    elif not own_code and not any(c.entry.control in ("INTENT", "THREAT") for c in chain) and not negated \
            and (4 <= int(code[:2]) <= 8 or int(code[:2]) >= 14) and (_aux(t) & FUTURE or _future_carrier(chain)):
        code, _ = tables.recode("INTENT", code)  # a stated future harm is a threat (CAMEO 13)
        hypothetical = True
    elif not own_code and not chain and int(code[:2]) >= 14 and _modal(t):
        if not _speculated(t):
            code, _ = tables.recode("THREAT", code)  # "may halt mediation if ...": a conditional harm is a threat
        hypothetical = True  # ("North Korea could conduct a nuclear test soon, Seoul warned": another's guess)

    if negated and 3 <= int(code[:2]) <= 8:
        # "would not meet", "failed to reach agreement", "will not accept": a refused act of cooperation (CAMEO 12)
        code, _ = tables.recode("REFUSE", code)
        negated = False
    source, inherited = _subject_actors(ctx, t)
    if t.dep_ == "acl" and chain and chain[0].tok.i == t.head.i and t.head.pos_ == "NOUN":
        # "its decision to withdraw its troops from Mali": the act is the decider's (whose own troops are its means)
        source, inherited = _nominal_controller(ctx, t.head), True
    if not source and t.pos_ == "NOUN":
        claim = _claiming_verb(t)
        if claim is not None:  # "the Houthis claimed responsibility for a drone attack on a tanker": theirs
            source, inherited = _subject_actors(ctx, claim)[0], True
    undergone: Token | None = None
    # "In a phone call, Biden urged Netanyahu ...", "during talks in Cairo, X told Y": the meeting the clause happens in
    # is between its subject and the one it addresses
    frame = t.head.head if not source and _meeting_frame(m) else None
    if frame is not None:
        source, inherited = _subject_actors(ctx, frame)[0], True
        if _aux(frame) & FUTURE and int(code[:2]) >= 3:  # "will meet X during a visit to Y": the visit is planned
            code, hypothetical = tables.recode("INTENT", code)[0], True
    # (a means as the subject: "a roadside bombing killed ..."; not the doers named by their means, "suicide
    # bombers killed ...", who are the subject's own actors)
    by_instrument = instrument is not None and instrument[0].dep_ in SUBJ and instrument[0].i not in ctx.actor_at
    if by_instrument:
        source = _noun_source(ctx, instrument[0])  # "a roadside bombing killed one soldier": the bombers, if named
    if not source and t.pos_ == "VERB" and _is_passive(t) and _agent(t) is None:
        # "the tanker was seized on the orders of a court": done by the one who bade it, when no one else is named
        source = [x for c in _kids(t) if c.dep_ == "prep" and c.lower_ in ("on", "at")
                  for p in _children(c, ("pobj",)) if p.lemma_.lower() in BEHEST_NOUNS
                  for q in _prep_objects(p, ("of",)) for x in _phrase_actors(ctx, q)]
    if not source and code[:2] in VIOLENT_ROOTS and _is_passive(t):
        # "the drones were launched from Russia's Kursk region": by the land they were launched from
        source = [x for p in _launch_origins(t) for x in _phrase_actors(ctx, p)]
    if not source and code[:2] in VIOLENT_ROOTS and _is_passive(t):
        # "was killed in an Israeli attack in Tehran", "killed in a Russian missile attack": the attack's doer
        for n in _prep_objects(t, ("in", "by", "during")):
            if _violent_noun(ctx, n):
                source = _noun_source(ctx, n)
                if source:
                    break
        # "20 people were killed when Russian missiles hit a shopping centre": the doer of the violent act that
        # the "when" clause says did it
        for c in _children(t, ("advcl",)):
            if not source and any(w.lower_ == "when" for w in _kids(c) if w.dep_ in ("advmod", "mark")) \
                    and any(not mt.is_control and (mt.entry.code or "")[:2] in VIOLENT_ROOTS for mt in _match(ctx, c)):
                source = _subject_actors(ctx, c)[0]
    if not source and t.pos_ == "NOUN" and _took_place(t):
        # "talks between Armenia and Azerbaijan ended without a deal": the parties between whom the act took place
        # are its joint doers (as "Armenia and Azerbaijan held talks")
        source = [x for p in _prep_objects(t, ("between", "among")) for x in _phrase_actors(ctx, p)]
    if not source and not chain and not obliged and code[:2] not in VIOLENT_ROOTS \
            and not code.startswith(PLACE_DOER_CODES):
        # (the test before ``state`` below, taken early: with no doer, only a control chain, an obligation's speaker
        # or violence and coercion ascribed to a place can still supply one, and only violence keeps a draft without)
        return None
    # the lexicon row's own object ("imposed sanctions", "recalled its ambassador") is not whom the act is done to,
    # unless it names another country's people ("expelled four Dutch diplomats")
    own = _countries(ctx, source)
    means = (m.entry.code or code)[:2] in INSTRUMENT_ROOTS and (m.entry.code or code) not in FREED_PEOPLE_CODES
    skip = {x.i for x in m.obj_tokens if not any(ctx.actor_by_id[a].country not in own
                                                 for a in _phrase_actors(ctx, x) if ctx.actor_by_id[a].country)} \
        if m.entry.objects and t.pos_ != "NOUN" else None
    if skip:
        # "withdrew the last of its troops": a part of the row's own object is that object
        skip |= {d.i for d in _children(t, ("dobj",)) if any(p.i in skip for p in _prep_objects(d, ("of",)))}
    if means and own and t.pos_ != "NOUN":
        # "would deploy 2,000 additional troops to the Middle East", "placed its armed forces on high alert": the
        # source's own forces are its means
        # ("withdrew its fighters from Bakhmut": "its" names the source's own, whatever country the actor stage
        # guessed for them)
        skip = (skip or set()) | {x.i for x in _held_forces(t, m) if x.i in ctx.actor_at
                                  and (all(ctx.actor_by_id[a].country in own for a in ctx.actor_at[x.i])
                                       or any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in _kids(x)))}
    target = _object_actors(ctx, t, skip=skip, code=code, source=source)
    if unwelcome is not None:
        target = [x for x in _phrase_actors(ctx, unwelcome) if x not in source] or target
    if code[:3] == "063" and t.pos_ == "VERB":
        # "extradited a Russian businessman to the United States": the person handed over is the means; the state
        # receiving them is the one the judicial cooperation is with
        target = [x for p in _prep_objects(t, ("to",)) for x in _phrase_actors(ctx, p) if x not in source] or target
    if code[:3] == "115" and t.pos_ == "VERB" and target and all(ctx.actor_by_id[x].sector == "JUD" for x in target):
        # "filed a case at the International Court of Justice accusing Israel of genocide": the court is where the
        # case is brought; it is brought against the one its accusation names
        accused = [x for c in _children(t, ("advcl",)) if c.tag_ == "VBG"
                   for x in _object_actors(ctx, c, source=source) if x not in source]
        target = accused or target
    if code[:3] == "192" and t.pos_ == "VERB":
        # "captured the town of Sinjar from Islamic State militants": the one the land is taken from
        target = [x for p in _prep_objects(t, ("from",)) for x in _phrase_actors(ctx, p) if x not in source] or target
    if m.entry.objects and not target:
        target = _object_actors(ctx, t, code=code, source=source)
        if means:
            # (the row's own object, of the source's own country, is acted upon when the act is done to people:
            # "police arrested Egyptian journalists"; not when it is given, withdrawn or deployed: "India withdrew
            # troops from the border")
            # ("put its troops on alert": in a show of force the object is the source's own forces as well)
            held = _held_forces(t, m) if code[:2] == "15" else []
            own_means = {a for x in [*m.obj_tokens, *held] for a in ctx.actor_at.get(x.i, ())
                         if ctx.actor_by_id[a].country in own}
            target = [x for x in target if x not in own_means]
    steer = next((c for c in chain if c.entry.control in ("APPEAL", "DEMAND")), None)
    if obliged:
        steer = _Match(said, m.entry, True)
    for k, c in enumerate(chain):
        s2, inh2 = _subject_actors(ctx, c.tok)
        if not s2 and c.tok.pos_ == "NOUN" and _governs_infinitive(c.tok):
            s2, inh2 = _nominal_controller(ctx, c.tok), True
        if c.entry.control == "UNDERGO" and c.tok.pos_ == "VERB":
            # "was put under investigation in Italy", "subjected the prisoners to torture": the one put under the act
            # undergoes it; the verb's subject (or agent) does it
            target = [x for x in _object_actors(ctx, c.tok, skip={t.i}) if x not in s2] or target
            source, inherited, undergone = s2, inh2, c.tok
            continue
        if c.entry.control == "RECEIVE" and c.tok.pos_ == "VERB":
            # "Ukraine received $2 billion in aid from the US", "received a phone call from the Emir of Qatar": the
            # act comes from the "from" party, to the one who receives it
            froms = _prep_objects(c.tok, ("from",)) + [q for d in _children(c.tok, ("dobj",))
                                                         for q in _prep_objects(d, ("from",))]
            giver = [x for p in froms for x in _phrase_actors(ctx, p) if x not in s2]
            if giver and s2:
                source, target, inherited = giver, list(s2), False
                continue
            if s2 and not giver:
                # "the EU warned that Iran would face new sanctions": the one who receives or faces the act is its
                # target, whoever does it (here the warner, further up the chain) is not named by this verb
                target = target or [x for x in s2 if x not in source]
                continue
        if not s2 and c.tok.pos_ == "VERB" and _agent(c.tok) is None and _children(c.tok, PASS_SUBJ):
            # "Serb forces were engaged in ethnic cleansing", "the troops were ordered to withdraw", "Israel is
            # opposed to French mediation": the passive subject of a control verb is who does the act it governs
            s2, inh2 = _phrase_actors(ctx, _children(c.tok, PASS_SUBJ)[0], subject=True), False
        if k == 0 and t.pos_ == "NOUN" and s2 and (not inh2 or c.tok.dep_ == "acomp") and source \
                and not set(s2) & set(source):
            # "agreed to US mediation", "rejected a French peace plan": the controller acts; the one the noun names
            # as its doer is whom the act concerns
            target = target or source
            source, inherited = s2, False
        elif (not source or inherited) and s2 and (not source or not inh2):
            source, inherited = s2, inh2 and inherited
        if c.tok.lemma_.lower() in COMPANION_VERBS and _joined_in(c.tok, t):
            # "Japan joined South Korea in condemning the launch": the one joined does the act too; it is not whom
            # the act is done to
            source = source + [x for x in _object_actors(ctx, c.tok, skip={t.i}) if x not in source]
            continue
        if not target:  # (the doer's own means sent are not the target: "sent 71 warplanes toward Taiwan in a
            # show of force")
            target = [x for x in _object_actors(ctx, c.tok, skip={t.i}, source=source) if x not in source]
    if steer is not None:
        # "urged Gondor to withdraw", "demanded that Gondor withdraw": the one appealed to is the target.
        s_src, _ = _subject_actors(ctx, steer.tok)
        if not s_src and steer.tok.pos_ == "NOUN" and steer.tok.dep_ == "dobj":
            s_src, _ = _subject_actors(ctx, steer.tok.head)  # "the ILO reiterated its demand that ..."
        if s_src:
            source = s_src
        told = _object_actors(ctx, steer.tok, skip={t.i}, source=source) if not obliged else []
        if told:
            target = told
        else:
            target = _embedded_subject(ctx, t, steer.tok) or (_addressees(ctx, said) if obliged else []) or target
            if t.pos_ == "NOUN":  # "demanded the withdrawal of Serbian forces": the one asked to act
                target = _of_actors(ctx, t) or target
    if steer is not None or own_code and m.entry.control in ("APPEAL", "DEMAND"):
        # "demanded the release of hostages held by Hamas", "the return of children deported to Russia": a release
        # is asked of whoever holds them
        held = [x for n in ([t] if t.pos_ == "NOUN" else _children(t, ("dobj",))) if n.lemma_.lower() in RELEASE_NOUNS
                for p in _prep_objects(n, ("of",)) for x in _holders(ctx, p) if x not in source]
        target = held or target
    if own_code and not target and m.entry.control in ("APPEAL", "DEMAND", "THREAT", "INTENT", "REFUSE"):
        for c in _kids(t):  # "demanded that the US cancel its plans": the one asked is the clause's subject
            if c.dep_ in ("ccomp", "xcomp"):
                target = _embedded_subject(ctx, c, t) or _object_actors(ctx, c)
                if target:
                    break
    if not target and t.pos_ == "VERB" and not _children(t, ("dobj",)):
        # "donated and delivered goods to X": verbs conjoined before a shared object share its target (the object
        # the first verb lacks: "resigned and fled to India" was not done to India)
        for c in _kids(t):
            if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > t.i and _children(c, ("dobj",)):
                target = [x for x in _object_actors(ctx, c, code=code) if x not in source]
                break
    elif not target and t.pos_ == "VERB" and any(p.dep_ == "prep" and p.lower_ in ("with", "to")
                                                 and not _children(p, ("pobj", "pcomp"))
                                                 for d in _children(t, ("dobj",)) for p in _kids(d)):
        # "established diplomatic ties with and opened an embassy in Tehran": a preposition left without its object
        # shares the next conjoined verb's (or the place it acts in)
        for c in _kids(t):
            if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > t.i:
                target = [x for x in _object_actors(ctx, c, code=code) or _place_target(ctx, c) if x not in source]
                break
    if not target and code[:2] in ("01", "02", "03", "10") and t.dep_ == "conj" and t.head.pos_ == "VERB" \
            and any(not mt.is_control and (mt.entry.code or "")[:2] == "04" for mt in _match(ctx, t.head)):
        # "Modi telephoned Putin and urged an end to the war", "visited Kyiv and pledged support": what is said or
        # promised in a call, meeting or visit is said to the one called, met or visited
        target = [x for x in _object_actors(ctx, t.head) if x not in source]
    if not target and code[:2] == "13":
        # "threatened to stop talks if the US deploys missiles": the threat is aimed at the one whose act is its
        # condition
        for v in [t, *(c.tok for c in chain)]:
            for c in [v, *_children(v, ("xcomp",))]:
                for a in _children(c, ("advcl",)):
                    if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in _kids(a)):
                        target = [x for x in _embedded_subject(ctx, a, c) if x not in source]
                    if target:
                        break
    if not target:
        # "expressed hopes that X would ...", "insisted on its demands that X grant ...": the subject of the clause
        # the act's object noun introduces
        nouns = _children(t, ("dobj",)) + [p for c in _kids(t) if c.dep_ == "prep" for p in _kids(c)
                                           if p.dep_ == "pobj"]
        if t.pos_ == "NOUN":
            nouns.append(t)
        for n in nouns:
            for c in _kids(n):
                if c.dep_ in ("acl", "ccomp") and _that_clause(c):
                    target = [x for x in _embedded_subject(ctx, c, n) if x not in source] or target
            if target:
                break
    part = t.head if t.dep_ == "conj" and t.tag_ == "VBG" else t  # "killing or wounding 50"
    if (code[:2] in VIOLENT_ROOTS or code[:3] == "171") and part.dep_ == "advcl" and part.tag_ == "VBG" and part.head.pos_ == "VERB" \
            and not _children(part, ("mark",)) and all(_inferred(ctx, x) for x in target):
        # "shelled Juba, killing about 20 people", "launched rocket fire against guerrilla camps, killing 50": the
        # harm the act did falls on those it was aimed at
        target = [x for x in _object_actors(ctx, part.head, skip={part.i}, code=code, source=source)
                  if x not in source] or target
    if not target and code[:2] == "14":
        target = _protest_target(ctx, t, source)
    if not target and code[:2] == "12":
        target = _pressure_resisted(ctx, [t, *(c.tok for c in chain)], source)
    if not target and code[:3] == "086" and t.pos_ == "VERB":
        # "allowed aid trucks to enter Gaza", "to allow aid to reach Gaza": what is let through is let in where the
        # clause of its movement takes it
        for c in _children(t, ("ccomp", "xcomp")):
            if c.lemma_ in MOVEMENT_VERBS:
                target = [x for x in _object_actors(ctx, c, source=source)
                          or _place_target(ctx, c, ("into", "to", "in")) if x not in source]
                if target:
                    break
    if own_code and not target and m.entry.control in ("THREAT", "INTENT"):
        # "threatened to resume terrorist activities in Israel": the act threatened, though not itself in the lexicon,
        # names whom it is aimed at
        for c in _children(t, ("xcomp",)):
            target = [x for x in _object_actors(ctx, c, source=source) or _place_target(ctx, c) if x not in source]
            if target:
                break
    if not target and t.dep_ in ("advcl", "xcomp") and t.head.pos_ == "VERB" and _to_infinitive(t):
        # "summoned Niger's ambassador to complain", "sent personnel to Bosnia to investigate": a purpose is aimed at
        # the one the act it serves is done to
        target = [x for x in _object_actors(ctx, t.head, skip={t.i}, source=source) if x not in source]
    if not target and frame is not None:
        target = [x for x in _object_actors(ctx, frame, skip={t.i}) if x not in source]
    if not target and (code.startswith("057") or code[:3] == "036" and t.pos_ == "VERB"):
        # "signed an accord to supply Egypt with wheat", "a deal to buy jets from Sweden": an agreement is made with
        # the one its purpose names; so is a meeting accepted ("accepted an invitation to visit Egypt")
        for c in [*_kids(t), *(g for d in _children(t, ("dobj",)) for g in _kids(d))]:
            if c.dep_ in ("advcl", "acl", "xcomp") and _to_infinitive(c):
                # (a party, not the goods: "to buy fighter jets from Sweden")
                parties = [_object_actors(ctx, c, source=source)] + [_phrase_actors(ctx, p) for p in
                                                                      _prep_objects(c, ("from", "with", "to"))]
                target = next(([x for x in got if x not in source] for got in parties
                               if got and not all(_inferred(ctx, x) for x in got)), [])
                if target:
                    break
    if target and code.startswith("087") and source:
        # "their forces had completed their withdrawal from the Bosnian town of Gorazde": pulling back within one's
        # own country is done to no one (from another's land, that land is acted upon: "withdrew from Kherson"); nor
        # are its own forces withdrawn ("the Syrian army said it had withdrawn troops from Aleppo")
        own = _countries(ctx, source)
        target = [x for x in target if not ((ctx.actor_by_id[x].kind == "country"
                                             or ctx.actor_by_id[x].sector in STATE_SECTORS)
                                            and ctx.actor_by_id[x].country in own)]
    if target and code[:2] in VIOLENT_ROOTS and _joint(source, code, t):
        # "Pakistani and Afghan border forces clashed at the Torkham crossing": sides fighting one another are not
        # acting on either side's land named as the scene
        # (a town or region named as acted upon is an actor of no kind of its own: kind "organization", no CAMEO code)
        own = _countries(ctx, source)
        target = [x for x in target if not (ctx.actor_by_id[x].country in own and ctx.actor_by_id[x].kind in (
            "country", "organization") and not ctx.actor_by_id[x].cameo)]
    if target and code.startswith("084") and len(source) > 1 and t.lemma_.lower() in EXCHANGE_VERBS:
        # "Russia and Ukraine swapped 95 prisoners each": a mutual release, done by both sides to one another (the
        # prisoners, of either side, are no third party)
        own = _countries(ctx, source)
        target = [x for x in target if ctx.actor_by_id[x].country not in own]
    if target and code.startswith("042") and _joint(source, code, t):
        # "U.S. and Russian negotiators return to Geneva for talks": the city they meet in is no party
        dest = {x for p in _prep_objects(t, ("to",)) for x in _phrase_actors(ctx, p)
                if ctx.actor_by_id[x].kind == "country"}
        target = [x for x in target if x not in dest]
    if code.startswith("042") and t.pos_ == "VERB":
        # "traveled to Oman for talks with U.S. envoy Steve Witkoff": the one met, not the land met in
        # (a visit to a third country, the talks are with someone else there: consultations, 040)
        met = [x for p in _prep_objects(t, ("for",)) if p.lemma_.lower() in TALK_NOUNS or p.lower_ in TALK_NOUNS
               for q in _prep_objects(p, ("with",)) for x in _phrase_actors(ctx, q) if x not in source]
        if met and target and not _countries(ctx, met) & _countries(ctx, target):
            code = "040"
        target = met or target
    if target and means and t.pos_ == "NOUN" and (own := _countries(ctx, source)):
        # "ordered the closure of its embassy in Argentina": the source's own mission or forces named in a nominal
        # act's "of" phrase are its means, as a verb's object is ("closed its embassy in Argentina"); the place
        # they are in names who is acted upon (below)
        held = {a for p in _prep_objects(t, ("of",)) for a in ctx.actor_at.get(p.i, ())}  # (the "of" head's own)
        target = [x for x in target if x not in held or ctx.actor_by_id[x].kind in ("country", "person")
                  or ctx.actor_by_id[x].country not in own]
    if not own_code and not target and code[:2] not in ("01", "02") and not _joint(source, code, t):
        # a journey's destination: "left for Minas Tirith", "headed to Cairo"
        # forces massed or deployed "near the Kuwaiti border", "along the border with X": posture towards X
        target = _place_target(ctx, t, ("in", "at", "to", "for") if code[:3] == "042" else
                               ("in", "at", "near", "along", "on", "to", "toward", "towards") if code[:2] == "15"
                               else ("in", "at"))
        if not _home_directed(code):
            # "declared a ceasefire in south Lebanon" (by a Lebanese group): a place at home names no one acted upon
            own = _countries(ctx, source)
            target = [x for x in target if ctx.actor_by_id[x].country not in own]
    if not source and target and (code[:2] in VIOLENT_ROOTS or code.startswith(PLACE_DOER_CODES) and _is_passive(t)
                                  or undergone is not None and _is_passive(undergone)) \
            and t.dep_ not in ("acl", "relcl", "amod"):
        # "An Eriadorian was shot dead in Osgiliath", "three civilians were killed in a car bombing in Baghdad":
        # violence with no named doer is ascribed to the country where it happens; so is an arrest or other coercion
        # by no named authority ("a missionary was arrested in Lebanon"), and so is a diplomat summoned or expelled
        # there ("the Russian ambassador was summoned to the foreign ministry in Warsaw").
        d = _Draft(t, m.entry, code, chain, [], target, inherited, negated, hypothetical)
        loc = _location(ctx, d)
        if loc is not None:  # (the victims of that country are never their own attackers)
            source = _actors_of_country(ctx, loc.country, exclude=target, inputs=None, same_country=True)
        else:
            tc = _countries(ctx, target)
            # ("were deported from Pakistan": expelled by the country they were sent out of)
            preps = ("in", "at", "from") if code.startswith("174") else ("in", "at")
            source = [x for x in _place_target(ctx, t, preps) if ctx.actor_by_id[x].country not in tc]
        if not source and code[:2] == "17" and loc is None:
            # "the Zimbabwean opposition leader was arrested", "former prime minister X was sentenced": a country's
            # political figures are arrested and tried by its own state
            own = {ctx.actor_by_id[x].country for x in target if ctx.actor_by_id[x].sector in POLITICAL_SECTORS}
            if len(own) == 1:
                country = own.pop()
                source = [a.id for a in ctx.actor_by_id.values() if a.kind == "country" and a.country == country][:1]
    if not source and not (target and code[:2] in VIOLENT_ROOTS and t.pos_ == "VERB" and (_is_passive(t)
                                                                                          or by_instrument)
                              and (t.dep_ in ("ROOT", "ccomp", "conj") or by_instrument and t.dep_ == "advcl")
                              and not any(a.dep_ == "relcl" for a in _ancestors(t))
                              and all(_has_country(ctx, x) for x in target)):
        # (kept: "three civilians were killed in a bombing in Baghdad" with no named doer and no foreign place; the
        # victims are known, the source is left empty rather than guessed)
        return None
    if sent is None:
        sent = t.sent
    state = bool(source) and all(ctx.actor_by_id[x].kind == "country" and not _named_as_people(ctx, x, sent)
                                 or ctx.actor_by_id[x].sector in ("GOV", "MIL") for x in source)
    if state and code == "140" and t.pos_ == "VERB":  # (not "Palestinians protested": people)
        code = "114"  # "Japan protested against China's ban": a state protests by complaining, not by demonstrating
    elif state and code == "143" and t.lemma_.lower() == "strike":
        # "the US and Britain launched strikes against Houthi targets": a state's strikes are military (its boycott
        # of a summit is a boycott)
        code = "190"
    elif state and code == "144":
        code = "191"  # "Russian troops blocked the roads leading to Kyiv": armed forces blockade, protesters obstruct
    if code in PROTEST_AIMED_CODES:
        code = _protest_aim(ctx, t, code)
    if code == "150" and t.lemma_.lower() in EXERCISE_NOUNS and (len(_countries(ctx, source)) > 1
                                                                 or _exercise_partners(ctx, t, source)):
        code = "062"  # "French and Egyptian warships launched war games": exercises held together are cooperation,
        # as those held with another ("held naval drills with the Philippines")
        # (not with one of themselves: "the United States and South Korea began their annual exercises")
        target = [x for x in target if ctx.actor_by_id[x].country not in _countries(ctx, source)]
    if not target and (code[:2] in REACTION_ROOTS or code[:3] in ("010", "012", "015", "016")
                       or code[:2] in ("03", "08") and any(d.lemma_.lower() in ANSWERED_ROOTS
                                                          for d in _children(t, ("dobj",)))
                       or t.lemma_.lower() in REPELLING_VERBS or _intercepts(t)):
        # (and repelling an attack: "its troops had repelled the attack" is force against whoever attacked; so is
        # shooting down its missiles)
        # (also accepting what another asked or offered: "Putin accepted the invitation" answers whoever invited)
        target = _earlier_doer(ctx, t, source, [verdict[1]] if verdict is not None else [])
        if target:
            ctx.answers.add(t.idx)
    elif target and code[:2] in REACTION_ROOTS and any(
            d.lemma_.lower() in ACT_ANAPHORS or any(r.code for r in ctx.lex.rows(d.lemma_.lower(), "NOUN"))
            for d in _children(t, ("dobj",)) if d.pos_ == "NOUN"):
        # "The United States criticized the league's decision": an answer to an act too, though its doer is named
        # with it ("Qatar, which opposed the move" answers the league, not the criticism)
        ctx.answers.add(t.idx)
    if t.lemma_.lower() in NAMING_VERBS and t.dep_ in ("advcl", "conj") and any(
            d.lower_ in ("it", "them", "this") for d in _children(t, ("dobj",))):
        # "condemned a U.S. airstrike that killed a militia commander, calling it a violation of Iraqi sovereignty":
        # what is named is what the verb it hangs on was done to
        target = next((tgt for i, (_, _, _, tgt, _) in ctx.drafted if i == t.head.i and tgt), target)
    if not target and source and _done_also(t):
        # "Chile recalled its ambassador to Israel ... Colombia also recalled its ambassador": the act done again by
        # another is done to the same party
        target = _same_act_target(ctx, t, code, source)
    if not target and verdict is not None:  # "said the Israeli raid was illegal": the doer the subject names
        target = [x for x in (_noun_source(ctx, verdict[1]) or _phrase_actors(ctx, verdict[1])) if x not in source]
    # (as for sources: an unnamed group of unknown affiliation, "refugees", "the wounded", is no party to a dyad)
    target = [x for x in target if x not in source and not _unaffiliated_group(ctx, x)]
    if not target and code[:2] == "13":
        # "warned that Tehran would respond more severely if Israel retaliated": a threat is aimed at the one whose
        # act it is made to hang on
        target = _condition_party(ctx, t, source)
    if code[:2] == "01" and t.tag_ == "VBG" and t.dep_ == "advcl" and not _children(t, SUBJ) and not _is_speech(t) \
            and t.lemma_.lower() not in DANGER_WARNING_VERBS:  # ("..., warning that millions faced famine": said)
        return None  # "exchanged fire, raising fears of a wider war": a consequence, not a comment anyone made
    if code.startswith("042") and source and target and all(_inferred(ctx, x) for x in source) \
            and _countries(ctx, target) <= _countries(ctx, source):
        # "..., the first high level Western delegation to visit Bucharest": a visitor whose country was only
        # guessed, from the land it visits, is no one's visit there
        return None
    if t.pos_ == "NOUN" and not chain and not own_code and not target and _claiming_verb(t) is None \
            and not _took_place(t):
        # "since last month's U.S. invasion", "an end to the EC's farm reform": a bare noun naming an act, with no
        # verb that says it took place and no one it is done to, is background, not an event report (an act claimed
        # is reported: "Al-Shabaab claimed responsibility for the bombing of a hotel in Mogadishu").
        return None
    if code[:2] == "04" and t.lemma_.lower() in ("talk", "speak", "chat") and target \
            and all(ctx.actor_by_id[x].sector in PRESS_SECTORS for x in target):
        # "talked to reporters", "spoke with journalists": no one is consulted; what is said to the press is a statement
        code, target = "010", []
    return _Draft(t, m.entry, code, chain, source, target, inherited, negated, hypothetical)


# dangers that are no one's act, which a warning says may befall someone ("could face famine")
DANGER_NOUNS = frozenset({"famine", "starvation", "hunger", "drought", "flood", "collapse", "catastrophe", "crisis",
                          "disaster", "chaos", "shortage", "recession", "epidemic", "outbreak", "default", "bankruptcy",
                          "instability", "unrest"})
# verbs of what befalls their subject ("could face war", "risks famine")
FACING_VERBS = frozenset({"face", "risk", "confront"})


def _befalls(ctx: _Ctx, noun: Token) -> bool:
    """What one may face is a danger that befalls it, not another's act threatened: famine, collapse, and war or
    isolation when the one who warns of it is the one who would face it ("Pashinyan warned that Armenia could face
    war"). But "would face retaliation", "face sanctions", "face arrest" are what the warner, or an authority, would
    do; and so is what another is warned it would face ("Israel warned that Hezbollah would face war", "the US warned
    that Iran would face isolation")."""
    lemma = noun.lemma_.lower()
    if lemma in DANGER_NOUNS:
        return True  # (no act of anyone's: famine, chaos)
    if lemma in WARNED_RESPONSE_NOUNS or any(r.code and r.code[:2] in ("16", "17") for r in ctx.lex.rows(lemma, "NOUN")):
        return False
    facing = noun.head
    if facing.dep_ != "ccomp" or facing.head.pos_ != "VERB":
        return True
    faces = _countries(ctx, [x for c in _children(facing, SUBJ) for x in _phrase_actors(ctx, c, subject=True)])
    warns = _countries(ctx, _subject_actors(ctx, facing.head)[0])
    return not faces or not warns or faces <= warns


# Military exercises: one side's show force (150); those held by several countries together are cooperation (062).
EXERCISE_NOUNS = frozenset({"exercise", "drill", "game", "wargame", "maneuver", "manoeuvre"})


def _exercise_partners(ctx: _Ctx, t: Token, source: list[str]) -> list[str]:
    """Those of another country an exercise is held "with", on the noun or on the verb it is the object of."""
    own = _countries(ctx, source)
    holders = [t, t.head] if t.dep_ == "dobj" else [t]
    return [x for h in holders for p in _prep_objects(h, ("with",)) for x in _phrase_actors(ctx, p)
            if ctx.actor_by_id[x].country and ctx.actor_by_id[x].country not in own]
# What forces are sent somewhere to do when they are sent to help ("to help restore order", "to keep the peace").
HELPING_PURPOSES = frozenset({"help", "assist", "restore", "keep", "maintain", "protect", "support", "stabilise",
                              "stabilize", "guard", "secure"})
# purposes that make forces sent abroad a mission ("to lead a multinational security mission", "to join the UN force")
MISSION_PURPOSES = frozenset({"lead", "join"})
PEACEKEEPING_WORDS = frozenset({"mission", "peacekeeping", "peacekeeper"})
# purposes that make them a joint exercise ("to take part in NATO exercises", "to participate in drills")
PARTAKING_VERBS = frozenset({"take", "participate", "join"})


# nouns of armed forces or police sent somewhere, as a subject ("the first contingent of Kenyan police officers")
FORCE_NOUNS = frozenset({"troop", "soldier", "force", "police", "officer", "policeman", "peacekeeper", "contingent",
                         "unit", "battalion", "marine", "paratrooper"})


def _forces_subject(v: Token) -> bool:
    """The subject of ``v`` is armed forces or police ("Kenyan police officers arrived in Haiti to lead a mission":
    forces that arrive to help or to lead a mission are sent as peacekeepers, not on a visit)."""
    return any(w.lemma_.lower() in FORCE_NOUNS and w.pos_ == "NOUN"
               for s in _children(v, SUBJ) for w in (s, *_prep_objects(s, ("of",))))


def _cooperative_purpose(c: Token) -> str | None:
    """The CAMEO code a purpose gives forces sent abroad: peacekeeping (074) or military cooperation (062)."""
    lemma = c.lemma_.lower()
    if lemma in HELPING_PURPOSES:
        return "074"
    objects = _children(c, ("dobj",)) + _prep_objects(c, ("in",))
    words = {w.lemma_.lower() for o in objects for w in (o, *_kids(o)) if w.dep_ in ("dobj", "pobj", "compound", "amod")}
    if lemma in MISSION_PURPOSES and words & PEACEKEEPING_WORDS:
        return "074"
    if lemma in PARTAKING_VERBS and words & EXERCISE_NOUNS:
        return "062"
    return None
# Subordinators of a reduced clause whose participle is passive ("when asked", "if elected", "once approved")
REDUCED_PASSIVE = frozenset({"when", "if", "once", "unless", "until", "as", "after", "before", "while"})
# Acts done to someone by no named doer that are ascribed, in the passive, to the country where they happen: coercion
# ("a missionary was arrested in Lebanon"), a diplomat summoned or expelled ("was summoned in Canberra")
PLACE_DOER_CODES = ("17", "114", "16")
# Sectors of a country's own political life: its state arrests and tries them.
POLITICAL_SECTORS = frozenset({"OPP", "GOV", "ELI", "PTY", "LEG", "JUD", "REB"})
# Reactions to another's act: praise, demands, disapproval, rejection, threats, protest.
ALREADY_WORDS = frozenset({"already", "previously"})  # ("has already imposed similar sanctions": done before)
REACTION_ROOTS = frozenset({"05", "10", "11", "12", "13", "14"})
# What one feels or voices about an act, which names no act itself ("expressed concern over the drills").
ATTITUDE_NOUNS = frozenset({"concern", "alarm", "dismay", "regret", "outrage", "anger", "displeasure",
                            "disappointment", "indignation", "worry"})
# verbs of paying back a harm, which name no one when they take no object ("vowed to retaliate")
RETALIATION_VERBS = frozenset({"retaliate", "avenge"})
# Nouns of an agreement made, that refer back to the agreeing, signing or cooperating reported before ("the deal")
SETTLEMENT_NOUNS = frozenset({"deal", "pact", "agreement", "accord", "treaty"})
# Nouns that refer back to whatever act was reported last ("the move", "the measures").
ACT_ANAPHORS = frozenset({"move", "decision", "step", "measure", "action", "announcement", "verdict", "conviction",
                          "ruling", "sentence"})


def _verdict(ctx: _Ctx, t: Token) -> tuple[str, Token] | None:
    """A statement that something is what a judging word says ("said the attack was a flagrant violation", "said
    the agreement was historic"): the code the lexicon gives "call X <word>" (111 for condemning words, 051 for
    praising ones), and the subject judged."""
    for c in _kids(t):
        if c.dep_ == "ccomp" and c.lemma_ == "be" and not _negated(c):
            subj = _children(c, SUBJ)
            for p in _kids(c):
                if p.dep_ in ("attr", "acomp") and subj:
                    word = p.lemma_.lower()
                    row = next((r for r in ctx.lex.rows("call", "VERB") if r.code and word in r.objects), None)
                    if row is not None:
                        return row.code, subj[0]
    return None


ALSO_WORDS = frozenset({"also", "too", "likewise", "similarly"})


def _done_also(t: Token) -> bool:
    """``t`` is said to be done also ("Colombia also recalled its ambassador", "Bolivia, too, expelled ...")."""
    return any(c.dep_ == "advmod" and c.lower_ in ALSO_WORDS for c in _kids(t))


def _same_act_target(ctx: _Ctx, t: Token, code: str, source: list[str]) -> list[str]:
    """The target of the last act of the same kind (trigger lemma and CAMEO code) before ``t`` done by others."""
    lemma = t.lemma_.lower()
    prior = ctx.reported + [x for i, x in ctx.drafted if i < t.i]
    for lem, c, src, tgt, _ in reversed(prior):
        if lem == lemma and c == code and not set(src) & set(source):
            got = [x for x in tgt if x not in source]
            if got:
                return got
    return []


def _declared_unwelcome(t: Token) -> Token | None:
    """Who ``t`` ("declared") declares persona non grata: its passive subject or object, or the noun the parser made
    a modifier of "persona" ("declared [Mexico's ambassador persona] non grata")."""
    if t.lemma_.lower() != "declare" or t.pos_ != "VERB":
        return None
    doc = t.doc
    persona = next((w for w in doc[t.i + 1:min(t.i + 8, len(doc))] if w.lower_ == "persona"), None)
    if persona is None or persona.i + 2 >= len(doc) or doc[persona.i + 2].lower_ != "grata":
        return None
    who = _children(t, PASS_SUBJ) + [d for d in _children(t, ("dobj",)) if d.i != persona.i] \
        + [c for c in _kids(persona) if c.dep_ in ("compound", "nmod", "nsubj") and c.i < persona.i]
    return who[0] if who else None


def _earlier_doer(ctx: _Ctx, t: Token, source: list[str], extra: list[Token] | None = None) -> list[str]:
    """"Iran seized a tanker. Athens condemned the seizure": a definite noun naming an act reported in an earlier
    sentence, with no actor of its own, refers to that act; the reaction is aimed at whoever did it."""
    prior = ctx.reported + [x for i, x in ctx.drafted if i < t.i]
    if not prior:
        return []
    if t.lemma_.lower() in RETALIATION_VERBS and not _children(t, ("dobj",)) or _intercepts(t):
        # "The US struck Houthi targets. The Houthis vowed to retaliate": against the doer of the violence reported
        # last by anyone else
        for _, code, src, _, _ in reversed(prior):
            got = [x for x in src if x not in source] if code[:2] in VIOLENT_ROOTS else []
            if got:
                return got
    # "expressed concern over the drills": the attitude names no act; what it is over does
    felt = [d for d in _children(t, ("dobj",)) if d.lemma_.lower() in ATTITUDE_NOUNS]
    for d in _children(t, ("dobj",)):
        if d in felt:
            continue
        if d.pos_ in ("NOUN", "PROPN") and d.lemma_.lower() not in ACT_ANAPHORS | ALLEGATION_NOUNS | HARM_NOUNS \
                and d.lemma_.lower() not in SETTLEMENT_NOUNS and d.lemma_.lower() not in ANSWERED_ROOTS \
                and not any(r.code for r in ctx.lex.rows(d.lemma_.lower(), "NOUN")):
            # "Authorities blamed bandits for the attack": the act names whom it is aimed at, though no actor; the
            # act its reason names is not theirs to answer for
            return []
    nouns = _children(t, ("dobj", "nsubjpass")) + [p for c in _kids(t) if c.dep_ == "prep" and c.lower_ in
                                                    ("over", "against", "about", "for", "on", "at")
                                                    for p in _children(c, ("pobj",))] + (extra or []) \
        + [p for d in felt for p in _prep_objects(d, ("over", "about", "at"))]
    for n in nouns:
        # ("North Korea fired a missile. Japan condemned it": a pronoun refers to the act reported last, as "the move")
        pronoun = n.lower_ in ("it", "this") and n.i not in ctx.actor_at
        # (an actor only in a clause describing the act does not make it another: "condemned the tests, which violate
        # UN Security Council resolutions")
        if not pronoun and (n.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in _kids(n))
                            or any(x.i in ctx.actor_at for x in _phrase_tokens(n))):
            continue
        lemma = n.lemma_.lower()
        roots = set() if pronoun else {r.code[:2] for r in ctx.lex.rows(lemma, "NOUN") if r.code}
        if lemma in ALLEGATION_NOUNS and lemma not in TELLING_NOUNS:
            roots = {"11"}  # "Ethiopia denied the charge": the accusation reported before, aimed at its accuser
        elif lemma in TELLING_NOUNS:
            # "Russia said it had captured X. Kyiv denied the claim": the statement reported before (or an accusation:
            # "The US accused China of hacking. China denied the claim")
            roots = {"01", "11"}
        if lemma in ANSWERED_ROOTS:
            roots = ANSWERED_ROOTS[lemma]  # "accepted the invitation", "rejected the offer": the asking or offering
        if lemma in HARM_NOUNS:
            roots = set(VIOLENT_ROOTS)  # "France condemned the killings": the violence reported before
        elif lemma in SETTLEMENT_NOUNS and not roots:
            # "Kenya and Ethiopia signed a security pact. Somalia protested the deal": the agreement reported before
            roots = {"03", "05", "06"}
        if not roots and not pronoun and lemma not in ACT_ANAPHORS:
            continue
        own = _countries(ctx, source)
        nearest: list[str] | None = None
        for prior_lemma, code, src, tgt, answer in reversed(prior):
            if answer and not roots and not pronoun:
                # ("The Kremlin rejected the move ... Zelenskyy welcomed the decision": not the rejection, itself an
                # answer to the court's act, but that act, the latest answered; "The United States criticized the
                # league's decision ... Qatar, which opposed the move": the league's)
                got = [x for x in tgt if x not in source]
                if got and not (_countries(ctx, got) & own):
                    return got
                continue
            if lemma in ALLEGATION_NOUNS and code[:2] == "11" and not _same_party(ctx, source, tgt):
                continue  # ("Russia rejected the allegation": one made against Russia, not the latest against China)
            if prior_lemma == lemma or code[:2] in roots or not roots and code[:2] not in ("01", "02"):
                # ("rejected the measures", "criticised the move": the latest act reported before, by another country
                # than the one reacting when there is one: "Israeli strikes killed 12 ... Hezbollah fired rockets ...
                # Lebanon's prime minister condemned the attacks")
                got = [x for x in src if x not in source]
                if not got and nearest is None:
                    return []  # (the latest such act has no other doer: no older one is reached for)
                if got and not (_countries(ctx, got) & own):
                    return got
                if nearest is None:
                    nearest = got
        if nearest is not None:
            return nearest
    return []


def _same_party(ctx: _Ctx, a: list[str], b: list[str]) -> bool:
    """Do two actor lists share an actor or a country ("the Kremlin" answers for Russia)?"""
    return bool(set(a) & set(b)) or bool(_countries(ctx, a) & _countries(ctx, b))


def _wishes_on_others(chain: list[_Match], t: Token) -> list[_Match]:
    """An intent control whose infinitive has a subject of its own is an appeal to that subject: "Sharon wants
    Germany to pay more compensation" asks Germany to pay (CAMEO 02), it is not Sharon's intent to pay."""
    out: list[_Match] = []
    below = t
    for c in chain:
        if c.entry.control == "INTENT" and below.head.i == c.tok.i and below.dep_ in ("ccomp", "xcomp") \
                and _children(below, SUBJ) and _to_infinitive(below):
            c = _Match(c.tok, CONTENT_CONTROL["02"], True)
        out.append(c)
        below = c.tok
    return out


VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Verbs that say harm was done but not how; the means, when named, gives the code.
GENERIC_HARM = frozenset({"190", "180", "1823"})


def _instrument(ctx: _Ctx, v: Token) -> tuple[Token, str] | None:
    """The violent means of a harm verb, as a lexicon noun: its subject ("a roadside bombing killed ...") or an "in"
    or "by" phrase ("wounded two soldiers in a bomb attack", "killed by a car bomb explosion")."""
    cands = [c for c in _kids(v) if c.dep_ in SUBJ]
    if not cands and v.dep_ == "advcl" and v.tag_ == "VBG":
        cands = [c for c in _kids(v.head) if c.dep_ in SUBJ]  # "a car bomb exploded ..., killing five officers"
    elif not cands and v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.head.pos_ == "NOUN" and _children(v, ("dobj",)):
        cands = [v.head]  # "Israeli air strikes killed 40 Palestinians", read as a noun root with a participle
    cands += [p for c in _kids(v) if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "with")
              for p in _kids(c) if p.dep_ == "pobj"]
    for n in cands:
        for tok in (n, *(c for c in _kids(n) if c.dep_ == "compound")):
            if tok.pos_ != "NOUN":
                continue
            for mt in _match(ctx, tok):
                code = mt.entry.code
                if not mt.is_control and code and code[:2] in VIOLENT_ROOTS and code not in GENERIC_HARM:
                    return n, code
    return None


OBLIGATION = frozenset({"must", "should"})
CONTROL_PREPS = frozenset({"to", "for", "with", "on", "in", "into"})
ASKING = frozenset({"APPEAL", "DEMAND", "THREAT", "REFUSE"})
COMMAND_VERBS = frozenset({"order", "direct", "authorize", "authorise", "command"})
# what armed forces are ordered to do that changes a state's force posture: be on alert (152), move (154), pull back
# (087)
ALERT_WORDS = frozenset({"alert", "readiness"})
ADVANCE_VERBS = frozenset({"move", "advance", "head", "deploy", "mass", "gather", "proceed"})
RETREAT_VERBS = frozenset({"withdraw", "retreat", "pull"})


def _own_forces_told(ctx: _Ctx, command: Token) -> bool:
    """Those ``command`` (order, direct) is given to are armed forces of the commander's own state ("Vucic ordered
    the army to ...", "ordered its troops to ...")."""
    told = [x for o in _children(command, ("dobj",)) for x in _phrase_actors(ctx, o)]
    if not told or any(ctx.actor_by_id[x].sector != "MIL" for x in told):
        return False
    source = _subject_actors(ctx, command)[0]
    return bool(source) and _countries(ctx, told) <= _countries(ctx, source)


def _posture_ordered(command: Token) -> str | None:
    """The force posture a state's order to its own forces sets: on alert or combat readiness (152), on the move
    toward somewhere (154), pulled back (087): "ordered the army to be on the highest level of combat readiness",
    "ordered troops to move closer to the border", "ordered its troops to withdraw"."""
    for c in _children(command, ("xcomp", "ccomp")):
        if any(w.lemma_.lower() in ALERT_WORDS for w in c.subtree):
            return "152"
        if c.lemma_.lower() in ADVANCE_VERBS:
            return "154"
        if c.lemma_.lower() in RETREAT_VERBS:
            return "087"
    return None
# verbs of asking that, governing their subject's own infinitive, state an aim ("seeks to deepen ties")
ASPIRE_VERBS = frozenset({"seek"})
# verbs of going away: their subject leaves ("asked the coalition to leave the country")
DEPART_VERBS = frozenset({"leave", "quit", "depart", "exit"})
# plural number words that head a count of people ("hundreds of refugees")
NUMBER_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "tens", "millions"})
# verbs of going somewhere: the clause that says where what is let through goes ("to enter Gaza")
MOVEMENT_VERBS = frozenset({"enter", "reach", "cross", "go", "travel", "return", "pass", "get", "flow", "move"})
_PASS_ENTRY = LexEntry("", "CONTROL", None, frozenset(), None, "PASS", 0)
# A demand (CAMEO 10), appeal (02) or threat (13) noun, as the control of the act its that-clause asks for or
# threatens.
CONTENT_CONTROL = {"10": LexEntry("", "CONTROL", None, frozenset(), None, "DEMAND", 0),
                   "02": LexEntry("", "CONTROL", None, frozenset(), None, "APPEAL", 0),
                   "13": LexEntry("", "CONTROL", None, frozenset(), None, "THREAT", 0)}
FUTURE = frozenset({"will", "shall", "'ll", "would"})


def _condition_party(ctx: _Ctx, t: Token, source: list[str]) -> list[str]:
    """The subject, of another country than the source's, of an "if" or "unless" clause on ``t`` or on the clause it
    governs ("warned that it would respond if Israel retaliated")."""
    own = _countries(ctx, source)
    for v in (t, *_children(t, ("ccomp", "xcomp"))):
        for c in _condition_clauses(v, ("if", "unless")):
            got = [x for s in _children(c, SUBJ) for x in _phrase_actors(ctx, s, subject=True)
                   if x not in source and ctx.actor_by_id[x].country not in own]
            if got:
                return got
    return []


def _condition_clauses(t: Token, marks: tuple[str, ...]) -> list[Token]:
    """The adverbial clauses of ``t`` opened by one of ``marks`` ("unless X holds elections", "if Israel retaliated")."""
    return [c for c in _children(t, ("advcl",)) if any(m.dep_ == "mark" and m.lower_ in marks for m in _kids(c))]


def _unless(t: Token) -> bool:
    return bool(_condition_clauses(t, ("unless",)))


def _is_passive(t: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in _kids(t))


def _aux(t: Token) -> set[str]:
    return {c.lower_ for c in _kids(t) if c.dep_ in ("aux", "auxpass")}


def _is_speech(t: Token) -> bool:
    rows = [r for r in (tables.lexicon().rows(t.lemma_.lower(), "VERB")) if not r.objects and not r.prep]
    return bool(rows) and rows[0].code == "010"


def _is_event_verb(t: Token) -> bool:
    return any(not r.objects and not r.prep for r in tables.lexicon().rows(t.lemma_.lower(), "VERB"))


def _embedded_subject(ctx: _Ctx, t: Token, stop: Token) -> list[str]:
    """The subject of the clause holding ``t``, looked for from ``t`` up to (not including) ``stop``."""
    cur = t
    for _ in range(6):
        if cur.i == stop.i:
            return []
        subj = _children(cur, SUBJ + PASS_SUBJ)
        if subj:
            return _phrase_actors(ctx, subj[0])
        if cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


def _of_actors(ctx: _Ctx, n: Token) -> list[str]:
    for c in _kids(n):
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in _kids(c):
                if p.dep_ == "pobj":
                    return _phrase_actors(ctx, p)
    return _noun_source(ctx, n)


# nouns of letting people go, asked of whoever holds them
RELEASE_NOUNS = frozenset({"release", "return", "freedom", "handover", "repatriation"})
# participles saying who holds people, by their agent or the place they were taken to
HELD_VERBS = frozenset({"hold", "detain", "deport", "take", "abduct", "kidnap", "jail", "imprison", "capture",
                        "arrest", "seize", "transfer"})


def _holders(ctx: _Ctx, p: Token) -> list[str]:
    """Who holds the people a release is asked for: "hostages held by Hamas", "Americans detained in Iran",
    "children deported to Russia"."""
    for a in _kids(p):
        if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in HELD_VERBS:
            ag = _agent(a)
            got = _phrase_actors(ctx, ag) if ag is not None else \
                [x for q in _prep_objects(a, ("in", "to", "by")) for x in _phrase_actors(ctx, q)]
            if got:
                return got
    return []


# prepositions of place that may hang on the act's object ("troops near the Ukrainian border")
PLACE_ON_OBJECT = frozenset({"in", "at", "near", "along", "on"})


def _place_target(ctx: _Ctx, t: Token, preps: tuple[str, ...] = ("in", "at")) -> list[str]:
    """"arrived in Amman", "talks in Niger": for meetings and visits, the actor named by the place."""
    # (a noun the act is named by in a phrase of its verb, "remained on alert in the West Bank": the verb's place)
    carrier = [c for c in _kids(t.head.head) if c.i != t.head.i] \
        if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX") else []
    for c in [*_kids(t), *carrier]:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in _kids(c):
                if p.dep_ == "pobj":
                    got = _place_actors(ctx, p)
                    if got:
                        return got
    # "criticized the closure of guest houses in Bree", "troops near the Ukrainian border": the place of the act's
    # object ("in" and "at" always; "near", "along", "on" when the caller asks for them)
    on_object = PLACE_ON_OBJECT & {"in", "at", *preps}
    # (a nominal act's object is its "on", "against" or "of" phrase: "air strikes on militant hideouts in Iran",
    # "the closure of its embassy in Argentina")
    for d in _children(t, ("dobj",)) + (_prep_objects(t, ("on", "against", "of")) if t.pos_ == "NOUN" else []):
        # (not inside the harm a "for" phrase gives as the reason: "vowed revenge for the killing of X in Damascus")
        reason = {x.i for pr in _kids(d) if pr.dep_ == "prep" and _harm_as_reason(ctx, pr) for x in pr.subtree}
        for c in d.subtree:
            if c.dep_ == "prep" and c.lower_ in on_object and c.head.pos_ == "NOUN" and c.i not in reason:
                for p in _kids(c):
                    if p.dep_ == "pobj":
                        got = _place_actors(ctx, p)
                        if got:
                            return got
    return []


def _place_actors(ctx: _Ctx, p: Token) -> list[str]:
    """The actors a phrase of place names; a border, the country on its other side ("along its border with China",
    where "its" is the source's own side)."""
    if p.lemma_.lower() in BORDER_NOUNS:
        got = [x for w in _prep_objects(p, ("with",)) for x in _phrase_actors(ctx, w, max_cost=1)]
        if got:
            return got
    return _phrase_actors(ctx, p, max_cost=1)


# verbs of warning that, of a danger no party is said to bring, are a pessimistic comment (012)
DANGER_WARNING_VERBS = frozenset({"warn", "caution"})
# What a warner warns of when it warns of its own answer: a threat ("warned of serious consequences")
WARNED_RESPONSE_NOUNS = frozenset({"consequence", "repercussion", "price", "response", "reprisal", "retaliation",
                                   "countermeasure", "measure", "step", "action", "punishment", "cost"})


def _warned_of_danger(ctx: _Ctx, warner: Token) -> bool:
    """A warning whose that-clause tells of a state of things that no state or armed party brings about: "warned
    that millions of people faced famine", "cautioned that the region could slide into chaos" (but "warned that the
    US would pay a heavy price" threatens the United States; "warned that its forces would respond" is the
    warner's own act)."""
    if warner.lemma_.lower() not in DANGER_WARNING_VERBS:
        return False
    warned_of = _prep_objects(warner, ("of", "about"))
    if warned_of:
        # "aid groups have warned of famine", "warned of a humanitarian catastrophe in Sudan": a danger named as a
        # noun that is no act and names no one who brings it (not "warned of retaliation", "warned of serious
        # consequences", "warned of Chinese interference")
        p = warned_of[0]
        lemma = p.lemma_.lower()
        return p.pos_ == "NOUN" and lemma not in WARNED_RESPONSE_NOUNS \
            and not any(r.code for r in ctx.lex.rows(lemma, "NOUN")) \
            and not any(c.i in ctx.actor_at or c.dep_ == "prep" and c.lower_ == "by" for c in _kids(p)
                        if c.dep_ in ("amod", "compound", "poss", "nmod", "prep"))
    for clause in _children(warner, ("ccomp",)):
        if clause.lemma_.lower() in FACING_VERBS and all(_befalls(ctx, o) for o in _children(clause, ("dobj",))):
            return True  # "warned that Armenia could face war": what may befall its subject, whoever it is
        subj = [c for c in _kids(clause) if c.dep_ in SUBJ]
        if not subj or subj[0].lower_ in PRONOUN_3 or subj[0].lower_ in FIRST_PERSON:
            return False
        named = _phrase_actors(ctx, subj[0], subject=True)
        return not any(ctx.actor_by_id[x].kind in ("country", "organization") or ctx.actor_by_id[x].sector
                       in STATE_SECTORS | NONSTATE_ARMED_SECTORS for x in named)
    return False


def _warned_of_another(ctx: _Ctx, warner: Token, clause: Token) -> bool:
    """A warning about what another party may do: the warned clause names its own subject, of another country than
    the warner's ("Seoul warned North Korea could conduct a nuclear test"), not the warner's own forces ("Iran warned
    that its forces would strike")."""
    if clause.pos_ not in ("VERB", "AUX") or clause.dep_ != "ccomp" or clause.lemma_.lower() in FACING_VERBS:
        return False  # (who would face an act is not who would do it: "warned that Hezbollah would face war")
    subj = [c for c in _kids(clause) if c.dep_ in SUBJ and c.lower_ not in PRONOUN_3]
    if not subj:
        return False
    theirs = _countries(ctx, _phrase_actors(ctx, subj[0], subject=True))
    own = _countries(ctx, _subject_actors(ctx, warner)[0])
    return bool(theirs) and bool(own) and not theirs & own


# (a reaction, REACTION_ROOTS, that answers what another party did: "Japan lodged a protest after a Chinese coast
# guard vessel entered its waters")
REACTION_MARKS = frozenset({"after", "because", "when", "since"})


def _provoker(ctx: _Ctx, t: Token, source: list[str]) -> list[str]:
    """The one a reaction that names no target answers: the subject, of another country than the source's, of the
    "after" or "because" clause on the reacting verb (the verb itself, or the one whose object the trigger is)."""
    verb = t.head if t.pos_ == "NOUN" and t.dep_ == "dobj" else t
    verbs = [verb]
    while verb.dep_ == "xcomp":  # ("threatened to retaliate after Israel struck ...")
        verb = verb.head
        verbs.append(verb)
    own = _countries(ctx, source)
    for c in (k for v in verbs for k in _kids(v)):
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in REACTION_MARKS for m in _kids(c)):
            got = [x for s in _children(c, SUBJ) for x in _phrase_actors(ctx, s, subject=True)]
            if got and not _countries(ctx, got) & own:
                return got
    return []


# Aid given or pledged (CAMEO 07 aid, 033 intents to give it, 030 pledges): whom it is for may be named only in
# its purpose
GIVING_CODES = ("07", "033", "030")


def _beneficiary(ctx: _Ctx, t: Token, source: list[str]) -> list[str]:
    """Whom aid that names no recipient is for, from the purpose it is given to: "pledged 50 million pounds to help
    rebuild Haiti", "sent food to feed refugees in Sudan" (the objects of the purpose and of the verbs it controls),
    other than the givers."""
    # (the purpose on the verb, or on what is given: "50 million pounds to help ...")
    for c in [*_kids(t), *(k for d in _children(t, ("dobj",)) for k in _kids(d))]:
        if c.dep_ not in ("advcl", "xcomp", "relcl", "acl") or not _to_infinitive(c):
            continue
        verbs = [c, *(x for x in _kids(c) if x.dep_ == "xcomp" and x.pos_ == "VERB")]  # ("to help rebuild Haiti")
        for v in verbs:
            # (and the one helped to do something, whom the parser makes the subject of what it is helped to do:
            # "pledged 200 million euros to help Poland secure its border")
            helped = [sb for x in _kids(v) if x.dep_ == "ccomp" and v.lemma_.lower() in ("help", "enable")
                      for sb in _children(x, ("nsubj",))]
            for o in [*_children(v, ("dobj", "dative")), *helped]:
                got = [x for x in _phrase_actors(ctx, o) if x not in source]
                if got:
                    return got
    return []


def _speculated(t: Token) -> bool:
    """An act someone else says may happen ("North Korea could conduct a nuclear test soon, Seoul warned"): a
    possibility ("could", "might") in a clause reported by a speaker other than its subject, no threat by it."""
    if not any(c.dep_ == "aux" and c.lower_ in ("could", "might") for c in _kids(t)):
        return False
    return t.dep_ == "ccomp" and _is_speech(t.head) and not any(
        c.dep_ in SUBJ and c.lower_ in PRONOUN_3 for c in _kids(t))


def _negated(t: Token) -> bool:
    kids = _kids(t)
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in kids):
        return True
    if any(c.dep_ in (*SUBJ, "nsubjpass", "dobj") and c.left_edge.lower_ == "neither" for c in kids):
        return True  # "Neither Iran nor Syria condemned the attack", "met neither X nor Y": denied of every party
    return t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in kids)


def _modal(t: Token) -> bool:
    """A modal ("may halt"), or a condition on the act ("... if X does Y", "unless ...")."""
    kids = _kids(t)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in _kids(c))
               for c in kids)


# -- finishing: codes, date, place, evidence ---------------------------------------------------------------------------

def _finish(ctx: _Ctx, d: _Draft, sent, inputs: EventInputs) -> Event:
    info = tables.code_info(d.code)
    pl = tables.plover_for(d.code)
    t = d.trigger
    location = _location(ctx, d)
    target = list(d.target)
    if target and location is not None and location.country and all(_inferred(ctx, x) for x in target) \
            and location.country not in _countries(ctx, target):
        # "bombers killed 23 people in Tel Aviv": the victims' country was only guessed from the article; the place
        # the text states is better evidence
        target = _actors_of_country(ctx, location.country, exclude=d.source, inputs=inputs) or target
    if target and d.code[:2] in VIOLENT_ROOTS and all(_inferred(ctx, x) for x in target) \
            and _countries(ctx, target) <= _countries(ctx, d.source):
        # "An Israeli strike on a school sheltering displaced Palestinians killed 30 people": victims guessed to be
        # of the attacker's own country are of the one other country the act's own clause names, if it names one
        own = _countries(ctx, d.source)
        # (the harm an attack did, as an -ing clause: "an air strike hit a bus in Yemen, killing 40 children", the
        # attack's clause)
        clause = t.head if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.pos_ == "VERB" else t
        # (not the country on the other side of a border named as the scene: "attacked a garrison near the Thai
        # border, killing 12 soldiers")
        # (nor allies: "fought alongside Malian troops against the rebels")
        allies = {a.i for p in _prep_objects(clause, ALLY_PREPS) for a in token_subtree(p)}
        named = {ctx.actor_by_id[x].country for s in token_subtree(clause) for x in ctx.actor_at.get(s.i, ())
                 if not _inferred(ctx, x) and ctx.actor_by_id[x].country not in own and not _on_a_border(s)
                 and s.i not in allies} - {None}
        if len(named) == 1:
            target = _actors_of_country(ctx, named.pop(), exclude=d.source, inputs=inputs) or target
    if not target and d.code[:2] in REACTION_ROOTS:
        target = _provoker(ctx, t, d.source)
    if not target and d.code.startswith(GIVING_CODES) and not _joint(d.source, d.code, t):
        target = _beneficiary(ctx, t, d.source)
    if not target and location is not None and not d.code.startswith(("01", "02")) and not _joint(d.source, d.code, t):
        # "talks in Niamey", "fired shells at targets in Jericho", "opened an embassy in Tehran": an act with no
        # named target is done to the country where it happens (unless that is the source's own country). Parties
        # acting together there ("Ethiopia and the rebels signed a peace deal in Pretoria") only meet there.
        target = _actors_of_country(ctx, location.country, exclude=d.source, inputs=inputs) \
            if location.country not in _countries(ctx, d.source) else []
    if target and "03" <= d.code[:2] <= "08" and not _home_directed(d.code):
        # "Kostunica promised to democratize Serbia": a state does not cooperate with, aid or yield to itself (its own
        # groups stay: "the government agreed to the opposition's demands")
        own = _countries(ctx, d.source)
        target = [x for x in target if not (ctx.actor_by_id[x].kind == "country" and ctx.actor_by_id[x].country in own)]
    police = bool(d.source) and all(ctx.actor_by_id[x].sector == "COP" for x in d.source)
    # (force used beside allies names no one at home: "Eritrea, whose troops fought alongside Ethiopian forces")
    beside_allies = bool(_prep_objects(t, ALLY_PREPS))
    # (weapons launched from home are not force used at home: "drones were launched from Russia's Kursk region")
    launched_from = bool(_launch_origins(t))
    if not target and not _joint(d.source, d.code, t) and (_home_directed(d.code) or police and d.code[:2] == "15") \
            and (location is None or _home_place(ctx, d.source, location.country)) and not launched_from \
            and not beside_allies \
            and not any(p.lemma_.lower() in BORDER_NOUNS or p.lemma_.lower() == "line"
                        for p in _prep_objects(t, ("across",))):  # (nor fire "across the border", "the Line of Control")
        # "students staged mass demonstrations", "landowners began a hunger strike": a protest that names no one is
        # aimed at the protesters' own government; "police opened fire, killing one person", "the government outlawed
        # the largest extremist organization": force with no named foreign target is used at home; so is a show of
        # force by the police ("police deployed in large numbers across Dhaka"). The target is that country as the
        # article names it.
        target = _home_actor(ctx, d.source, sent, _reporters(ctx, t)) or _people_of_own_state(ctx, d.source, sent)
    conf = 0.45
    conf += 0.1 if not d.inherited else 0.0
    conf += 0.15 if target else 0.0
    conf += 0.1 if d.entry.specificity else 0.0
    conf -= 0.1 if t.pos_ == "NOUN" else 0.0
    conf -= 0.05 if d.hypothetical else 0.0
    conf += 0.05 if not d.code.startswith("01") else 0.0
    conf -= 0.1 if any(_inferred(ctx, x) for x in (*d.source, *target)) else 0.0
    # numbered in text order (the sentences come in order, and each one's events by trigger), with its evidence: the
    # actor mentions it rests on
    ctx.n_events += 1
    ctx.trigger_lemma[t.idx] = t.lemma_.lower()
    if _prior_act(t):
        ctx.background.add(t.idx)  # (``_date`` below reads it: an earlier act, undated by its clause)
    if any(c.dep_ == "advmod" and c.lower_ in ALREADY_WORDS for c in _kids(t)):
        ctx.already.add(t.idx)
    source, target_ids = tuple(d.source), tuple(target)
    return Event(
        id=f"e{ctx.n_events}", source=source, target=target_ids, cameo=d.code, cameo_root=d.code[:2],
        plover=pl.plover if pl else None, plover_mode=pl.mode if pl else None,
        goldstein=info.goldstein, quad_class=info.quad_class,
        trigger=Span(t.text, t.idx, t.idx + len(t.text)),
        sentence=SentenceSpan(sent.start_char, sent.end_char),
        date=_date(ctx, d), location=location, negated=d.negated, hypothetical=d.hypothetical,
        confidence=round(max(0.05, min(0.95, conf)), 2),
        mentions=_evidence(source, target_ids, sent.start_char, sent.end_char, ctx.actor_by_id),
    )


def evidence_mentions(event: Event, actors: tuple[Actor, ...] | list[Actor]) -> tuple[Span, ...]:
    """The actor mentions an event rests on: every mention of its source and target actors inside its sentence.

    The stage picks participants from these very mentions; ``find_events`` stores them on each event (``mentions``),
    so the record cites every actor mention an event uses.
    """
    return _evidence(event.source, event.target, event.sentence.start, event.sentence.end, {a.id: a for a in actors})


def _evidence(source: tuple[str, ...], target: tuple[str, ...], s: int, e: int,
              actor_by_id: dict[str, Actor]) -> tuple[Span, ...]:
    out = {m for x in {*source, *target} if (a := actor_by_id.get(x)) is not None for m in a.mentions
           if s <= m.start and m.end <= e}
    return tuple(sorted(out, key=lambda m: (m.start, m.end)))


def _clause_walk(t: Token):
    """``t`` and the heads of the clauses governing it, up to the sentence root."""
    cur = t
    for _ in range(8):
        yield cur
        if cur.head.i == cur.i:
            return
        if cur.dep_ in ("pobj", "pcomp") and cur.head.dep_ == "prep":
            cur = cur.head.head
        else:
            cur = cur.head


# prepositions that place an act before the clause's own time ("after", "following"), and nouns of answering an
# earlier act ("in retaliation for", "in response to")
PRIOR_PREPS = frozenset({"after", "following", "since"})
ANSWER_NOUNS = frozenset({"retaliation", "revenge", "response", "reprisal", "answer"})


def _prior_act(t: Token) -> bool:
    """A nominal act named as what came before its clause's own: "applied to join in May 2022 following Russia's
    invasion of Ukraine", "launched drones on Saturday in retaliation for an Israeli strike"."""
    return t.pos_ == "NOUN" and t.dep_ == "pobj" and (t.head.lower_ in PRIOR_PREPS or t.head.lower_ in ("for", "to")
                                                      and t.head.head.lemma_.lower() in ANSWER_NOUNS)


def _date(ctx: _Ctx, d: _Draft) -> EventDate | None:
    t = d.trigger
    if t.pos_ == "NOUN" and (-1 - t.i) in ctx.time_on:
        te = ctx.time_on[-1 - t.i]
        return EventDate(te.value or "", te.granularity or "", te.text, te.start, te.end)
    if t.idx in ctx.background:
        return None  # an earlier act, undated by the clause (``_prior_act``, noted by ``_finish``)
    for tok in _clause_walk(t):
        te = ctx.time_on.get(tok.i)
        if te is not None:
            return EventDate(te.value or "", te.granularity or "", te.text, te.start, te.end)
        mark = next((c for c in _kids(tok) if c.dep_ == "mark" and (c.lower_ in PRIOR_PREPS or c.lower_ == "before")),
                    None) if tok.dep_ == "advcl" else None
        if mark is not None:
            # "stripped 94 opponents of their citizenship on Wednesday, days after it expelled 222 prisoners": a
            # clause placed before or after another takes none of that one's time, unless it counts the days
            # between ("on Wednesday, one day after a Serbian jet shot down a helicopter": Tuesday)
            return _days_apart(ctx, tok, mark)
    if t.pos_ == "VERB":
        # "resigned and fled the country on Monday": a time closing conjoined verbs dates the first as well
        for c in _kids(t):
            te = ctx.time_on.get(c.i) if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > t.i else None
            if te is not None:
                return EventDate(te.value or "", te.granularity or "", te.text, te.start, te.end)
    return None


def _days_apart(ctx: _Ctx, clause: Token, mark: Token) -> EventDate | None:
    """The date of a clause placed a counted number of days after or before the day of the clause it hangs on ("on
    Wednesday, one day after ...", "a day before ..."), with the text from the one to the other; None when the days
    are not counted or that clause names no day."""
    n = None
    for c in _kids(clause):
        if c.dep_ == "npadvmod" and c.lemma_.lower() == "day" and c.i < mark.i:
            count = next((k for k in _kids(c) if k.dep_ in ("nummod", "det")), None)
            if count is not None:
                # (a count of days, not a year misread as one: "900000 days after" gives no date; number words from
                # the dates stage's table, data/time_words.tsv)
                n = time_words()["number"].get(count.lower_) or (
                    int(count.text) if count.text.isdigit() and len(count.text) <= 3 else None)
                first = count
    if not n:
        return None
    for tok in _clause_walk(clause.head):
        te = ctx.time_on.get(tok.i)
        if te is None:
            continue
        if te.granularity != "day" or not te.value or len(te.value) != 10:
            return None
        day = dt.date.fromisoformat(te.value) + dt.timedelta(days=-n if mark.lower_ != "before" else n)
        start, end = min(te.start, first.idx), max(te.end, mark.idx + len(mark.text))
        return EventDate(day.isoformat(), "day", ctx.doc.text[start:end], start, end)
    return None



def _on_a_border(tok: Token) -> bool:
    """A country named on a border ("near the Afghan border", "the border with Afghanistan", "on the border between
    Chad and Sudan"): either side of it, so no clue to where an act happens or whom it is done to."""
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ in ("amod", "compound", "poss"):
        return tok.head.lemma_.lower() in BORDER_NOUNS
    return tok.dep_ == "pobj" and tok.head.lower_ in ("with", "between") \
        and tok.head.head.lemma_.lower() in BORDER_NOUNS


# what something is said or written in, which is no place it happens in
SAID_IN_NOUNS = DOCUMENT_NOUNS | {"interview", "speech", "address", "article", "op-ed", "editorial", "call"}


def _location(ctx: _Ctx, d: _Draft) -> EventLocation | None:
    t = d.trigger
    visit = d.code.startswith("04")  # consultations and visits: "to X" is where they happen
    cands: list[Token] = []
    for tok in _clause_walk(t):
        for c in _kids(tok):
            if c.dep_ == "prep" and (c.lower_ in PLACE_PREPS or (visit and c.lower_ in ("to", "for"))):
                # (not what it is said in: "in a letter to the leaders of Brazil", "in an interview with CNN")
                cands.extend(p for p in _kids(c) if p.dep_ == "pobj"
                             and not (c.lower_ == "in" and p.lemma_.lower() in SAID_IN_NOUNS))  # ("at military posts")
                cands.extend(_prep_objects(c, ("of",)))  # "outside of the city of Basra": a two-word preposition
            elif visit and c.dep_ == "dobj":
                # ("visited Tehran"; of what is mediated, only where it is: "mediated talks between Israel and Hamas
                # in Doha", not "an exchange between Russia and Ukraine")
                cands.extend(_prep_objects(c, PLACE_PREPS) if d.code.startswith(("045", "046")) else [c])
        if cands or tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("xcomp", "conj"):
            break
    # (a time read as a place names none: "struck military sites near Damascus later in the day")
    cands = [h for h in cands if any(x.i in ctx.place_at for x in _phrase_tokens(h))]
    if not cands:
        # "fired missiles from its territory at hideouts in eastern Afghanistan": the aim, misread as part of where
        # they were fired from
        cands = [p for o in _launch_origins(t) for p in _prep_objects(o, ("at",))]
    if not cands and int(d.code[:2]) >= 14:
        # "a roadside bombing near Samarra killed ...", "killed by a bomb outside the city of Basra": the place of a
        # material act's subject, object or means, when its clause names none
        # (of its "on" or "against", its light verb's or its object's: "carried out new airstrikes on rebel targets
        # in Yemen", "launched airstrikes on militant hideouts inside Iran")
        aimed = ("by", "with", "on", "against")
        near = [t.head] if t.pos_ == "NOUN" and t.dep_ == "dobj" else _children(t, ("dobj",))
        for a in [*_kids(t), *(c for v in near for c in _kids(v) if c.dep_ == "prep" and c.lower_ in aimed)]:
            heads = [a] if a.dep_ in SUBJ + PASS_SUBJ + ("dobj",) else \
                _children(a, ("pobj",)) if a.dep_ in ("agent", "prep") and a.lower_ in aimed else []
            cands.extend(p for h in heads for p in _prep_objects(h, PLACE_PREPS))
    for head in cands:
        # ("near the border with Afghanistan", "on the border between Chad and Sudan": the country beyond a border
        # does not say on which side of it the act happens)
        for tok in _phrase_tokens(head):
            if _on_a_border(tok):
                continue
            p = ctx.place_at.get(tok.i)
            if p is not None:
                return EventLocation(p.name, p.country, p.lat, p.lon, p.start, p.end)
    if d.code[:2] in FORCE_ROOTS:
        # "drones struck Kyiv", "shelled the regional capital Juba", "captured the town of Avdiivka", "the invasion
        # of South Lebanon": force used on a place is used there (not on "the chief of Israel's militia ally")
        for a in _kids(t):
            objs = [a] if a.dep_ == "dobj" else _children(a, ("pobj",)) \
                if a.dep_ == "prep" and a.lower_ in ("on", "against", "of") and t.pos_ == "NOUN" else []
            for o in objs:
                for tok in [o, *_children(o, ("appos",)), *_prep_objects(o, ("of",))]:
                    p = ctx.place_at.get(tok.i)
                    if p is not None:
                        return EventLocation(p.name, p.country, p.lat, p.lon, p.start, p.end)
    return None


def _others_possession(ctx: _Ctx, head: Token, source: list[str]) -> list[str]:
    """Whose "its" or "their" thing is attacked, when the pronoun would give the attacker: the latest state or
    organisation ("their": group or state) named before it in its sentence, of another country than the attacker."""
    poss = next((c for c in _kids(head) if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if poss is None:
        return []
    return _latest_other(ctx, poss, source, singular=poss.lower_ == "its", other_country=True)


def _latest_other(ctx: _Ctx, tok: Token, source: list[str], singular: bool, other_country: bool = False) -> list[str]:
    """The latest actor named before ``tok`` in its sentence that is not the one acting: a state or organisation for
    a singular pronoun ("it", "its"), a group or state for a plural one; with ``other_country``, of another country
    than the one acting."""
    kinds = ("country", "organization") if singular else ("group", "country")
    own = _countries(ctx, source) if other_country else set()
    for i in range(tok.i - 1, tok.sent.start - 1, -1):
        at = ctx.actor_at.get(i, ())
        if any(x in source for x in at):
            continue  # (a word of the doer's own name: "Tanzania" in "Tanzania's government denied mistreating them")
        ids = [x for x in at if ctx.actor_by_id[x].kind in kinds and ctx.actor_by_id[x].country not in own]
        if ids:
            return ids[:1]
    return []


def _object_it(ctx: _Ctx, tok: Token, source: list[str]) -> list[str]:
    """An object "it" ("them") the actor stage left unresolved: the latest state or organisation (group) named before
    it in its sentence that is not the one acting ("Algeria cut ties with Morocco, accusing it of hostile actions")."""
    if tok.lower_ not in ("it", "them", "him", "her") or tok.i in ctx.actor_at \
            or tok.dep_ not in ("dobj", "pobj", "dative") \
            and not (tok.dep_ == "nsubj" and _to_infinitive(tok.head)):  # ("ordered them to evacuate")
        return []
    if tok.lower_ in ("him", "her"):
        # "detained a US journalist, accusing him of espionage": the latest one person named before it, a name or a
        # singular noun, who is not the one acting
        toks = doc_tokens(tok.doc)
        for i in range(tok.i - 1, tok.sent.start - 1, -1):
            at = ctx.actor_at.get(i, ())
            if any(x in source for x in at):
                continue
            ids = [x for x in at if ctx.actor_by_id[x].kind == "person"
                   or ctx.actor_by_id[x].kind == "group" and toks[i].tag_ == "NN" and toks[i].pos_ == "NOUN"]
            if ids:
                return ids[:1]
        return []
    v = tok.head
    if tok.dep_ == "dobj" and v.dep_ in ("conj", "dep") and v.head.i < v.i:
        # "stormed the Swedish embassy in Baghdad and set it on fire": the object of the verb before, when it names
        # someone
        for d in _children(v.head, ("dobj",)):
            got = [x for x in _phrase_actors(ctx, d) if x not in source]
            # (plural: a plural noun, or names joined: "called Vucic and Kurti and asked them to return to talks")
            plural = d.tag_ in ("NNS", "NNPS") or bool(_children(d, ("conj",)))
            if got and plural == (tok.lower_ == "them"):
                return got
    if tok.lower_ == "them":
        toks = doc_tokens(tok.doc)
        # "China, which has close ties to both countries, urged them to exercise restraint": a pair named before it
        # in its sentence, counted ("both countries", "the two sides"), is the pair it refers back to
        pair = next((toks[i] for i in range(tok.i - 1, tok.sent.start - 1, -1)
                     if toks[i].lemma_.lower() in PAIR_NOUNS and i not in ctx.actor_at and _names_a_pair(toks[i])), None)
        if pair is not None:
            got = [x for x in _last_pair(ctx, pair) if x not in source]
            if got:
                return got
        # "called Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti and asked them to return to
        # talks": the latest names joined by "and" before it, all of them
        for i in range(tok.i - 1, tok.sent.start, -1):
            c = toks[i]
            if c.dep_ == "conj" and c.head.i < i and i in ctx.actor_at and c.head.i in ctx.actor_at:
                got = [x for k in (c.head, *_children(c.head, ("conj",))) for x in ctx.actor_at.get(k.i, ())
                       if x not in source]
                if len(got) > 1:
                    return list(dict.fromkeys(got))
                break
    # ("expelled two Estonian diplomats, accusing them of spying": "them" is the latest group)
    return _latest_other(ctx, tok, source, singular=tok.lower_ == "it")


def _phrase_tokens(head: Token) -> list[Token]:
    """The head and its phrase, without the clauses that describe it ("in a deal brokered by China": the deal's
    place is not China)."""
    out = [head]
    for c in _kids(head):
        if c.dep_ not in ("acl", "relcl", "advcl", "agent"):
            out.extend(_phrase_tokens(c))
    return out


def _actors_of_country(ctx: _Ctx, country: str | None, exclude: list[str], inputs: EventInputs | None,
                       same_country: bool = False) -> list[str]:
    """The actor standing for a country: its own actor if named, else its first actor. None of the ``exclude``
    actors, nor (unless ``same_country``) any of their countries."""
    if not country:
        return []
    if country in _countries(ctx, exclude) and not same_country:
        return []
    if not ctx.by_country:
        for a in ctx.actor_by_id.values():  # once per article: the country's own actor first, else its first actor
            if a.country and (a.country not in ctx.by_country or a.kind == "country"
                              and ctx.actor_by_id[ctx.by_country[a.country]].kind != "country"):
                ctx.by_country[a.country] = a.id
    got = ctx.by_country.get(country)
    return [got] if got and got not in exclude else []


# armed groups outside the state (rebels, militias, paramilitaries, criminals, unidentified attackers)
NONSTATE_ARMED_SECTORS = frozenset({"REB", "UAF", "IMG", "CRM", "PRM"})

# Coercion and force (CAMEO 17-20): used on a place named as their object, they happen there.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})

# Acts whose lexicon object is the source's own means (troops withdrawn or deployed, aid given, envoys recalled,
# embassies reopened).
INSTRUMENT_ROOTS = frozenset({"03", "05", "07", "08", "15", "16"})

RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})

# Yieldings whose object is the people they free or let in, the acted upon even when they are the source's own
# ("Sudan released 50 Sudanese prisoners", "Turkey will allow Turkish Kurd refugees to return")
FREED_PEOPLE_CODES = frozenset({"0811", "0812", "0833", "0841"})

# Violence that parties named together do to one another ("the army and the RSF resumed fighting"): all of them act
# (the PLOVER manual's reciprocal events), and no one else is acted upon (``_joint``).
RECIPROCAL_VIOLENCE = frozenset({"fight", "fighting", "clash", "battle", "skirmish", "exchange"})
# Verbs of giving and taking back at once ("swapped prisoners"), done by the parties to one another.
EXCHANGE_VERBS = frozenset({"exchange", "swap", "trade"})

# Cooperation done jointly by several parties is done with one another, wherever it takes place.
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06"})


# Verbs whose object is a companion in the act they govern by "in" ("joined South Korea in condemning the launch",
# "joined the United States in imposing sanctions"): the one joined acts alongside the subject.
COMPANION_VERBS = frozenset({"join"})


def _joined_in(verb: Token, t: Token) -> bool:
    """``t`` hangs from ``verb`` by "in" ("joined South Korea in condemning")."""
    return t.head.dep_ == "prep" and t.head.lower_ == "in" and t.head.head == verb


def _joint(source: list[str], code: str, t: Token | None = None) -> bool:
    """Several parties cooperating together ("Ethiopia and the rebels signed a peace deal in Pretoria", "Armenian
    and Azerbaijani negotiators met in Astana"), or fighting one another ("the army and the RSF resumed fighting in
    Khartoum"): the place is where they meet, not a party. A journey stays one: "X and Y visited Tehran" (042) is a
    visit to Iran."""
    return len(source) > 1 and (code[:2] in COOPERATIVE_ROOTS and not code.startswith("042")
                                or t is not None and t.lemma_.lower() in RECIPROCAL_VIOLENCE
                                or code.startswith("042") and t is not None and _to_talks(t))


# what parties travel somewhere together to do with one another ("U.S. and Russian negotiators return to Geneva for
# talks": the city is where they meet, not a host they visit)
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "summit", "consultation", "dialogue"})


def _to_talks(t: Token) -> bool:
    return any(p.lemma_.lower() in TALK_NOUNS or p.lower_ in TALK_NOUNS for p in _prep_objects(t, ("for",)))

# Protests (CAMEO 14) are directed at authorities, with none named at the protesters' own; coercion and violence
# (17-20) with no named target and no foreign place are used at home.
HOME_DIRECTED_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# Measures a government takes against its own people, threatened or eased: curfews, martial law, bans on parties or
# freedoms (CAMEO 132x threaten to impose them, 081x ease them); and dissent eased, as protests are aimed (082 ease
# political dissent, 0352 promise to: "the opposition agreed to postpone the demonstration").
HOME_DIRECTED_CODES = ("132", "081", "082", "0352")


def _inferred(ctx: _Ctx, actor_id: str) -> bool:
    """The actor's country was guessed by the actor stage's domestic default, not stated (its CAMEO code is null)."""
    a = ctx.actor_by_id.get(actor_id)
    return a is not None and bool(a.country) and not a.cameo


def _home_directed(code: str) -> bool:
    return code[:2] in HOME_DIRECTED_ROOTS or code.startswith(HOME_DIRECTED_CODES)


def _reporters(ctx: _Ctx, t: Token) -> set[str]:
    """Actors that report the clause of ``t``: the subjects of the verbs it is the reported clause of ("Iran seized
    an oil tanker, state media reported")."""
    out: set[str] = set()
    while t.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX"):
        t = t.head
        out.update(a for s in _children(t, SUBJ) for a in ctx.actor_at.get(s.i, ()))
    return out


def _home_place(ctx: _Ctx, source: list[str], country: str | None) -> bool:
    return country is not None and country in _countries(ctx, source)


def _people_of_own_state(ctx: _Ctx, source: list[str], sent) -> list[str]:
    """"Thousands of Iraqis protested in Baghdad": a nationality's people, named by the plural noun, act against
    their own state, the country the noun names (the actor stage reads the noun as a mention of the country)."""
    if len(source) != 1 or ctx.actor_by_id[source[0]].kind != "country":
        return []
    return list(source) if _named_as_people(ctx, source[0], sent) else []


def _named_as_people(ctx: _Ctx, actor_id: str, sent) -> bool:
    """The country actor is named in the sentence by its people's plural noun ("Iraqis", "Palestinians")."""
    return any(t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS") and t.dep_ not in ("amod", "compound", "poss")
               and actor_id in ctx.actor_at.get(t.i, ()) for t in doc_tokens(ctx.doc)[sent.start:sent.end])


def _home_actor(ctx: _Ctx, source: list[str], sent, reporters: set[str] = frozenset()) -> list[str]:
    """The source's own country as an actor named in the text: in the sentence first, else anywhere in the article.
    A state, government or its office holder is preferred; nothing when the source has no single country."""
    countries = {ctx.actor_by_id[x].country for x in source if x in ctx.actor_by_id}
    if len(countries) != 1 or None in countries:
        return []
    country = countries.pop()

    def rank(a: Actor) -> tuple[int, int]:
        inside = any(sent.start_char <= m.start < sent.end_char for m in a.mentions)
        state = 0 if a.kind == "country" else 1 if a.sector == "GOV" else 2
        return (0 if inside else 1, state)

    # (not who reports the act: "Iran seized an oil tanker, state media reported" was not done to the state media;
    # nor an armed group named inside the source's own words: "RSF fighters attacked a village" is not done to the
    # RSF)
    inside_source = {(m.start, m.end) for x in source if x in ctx.actor_by_id for m in ctx.actor_by_id[x].mentions}
    cands = [a for a in ctx.actor_by_id.values() if a.country == country and a.id not in source and a.mentions
             and a.id not in reporters
             and not (a.sector in NONSTATE_ARMED_SECTORS
                      and any(s <= m.start and m.end <= e for m in a.mentions for s, e in inside_source))]
    if not cands:
        return []
    best = min(cands, key=rank)
    inside = rank(best)[0] == 0
    # outside the sentence only the state itself or its government stands for "the authorities"
    return [best.id] if inside or rank(best)[1] < 2 else []
