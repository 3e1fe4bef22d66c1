"""Issuers borrowed from the article around a mention that names none of its own.

A mention whose sentence names no issuer ("The orders impose a 25% tariff on imports from
X", "tariffs on Y" in a headline) takes one from its list's lead-in, from a measure
coordinated right before it, from the nearest measure of its family, from its clause's or
paragraph's subject, or from the state behind most of the article's measures of its family
(see :func:`fill_issuers`).  Never one of the states its own words aim it at
(:func:`.targets.aimed_states`): a state takes no measure against itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from ...model import ActorMention, ActorType, MeasureType, PartialDate, Span
from ..context import Context, Subject
from ..triggers import load_triggers, phrase_alternation
from .candidate import Candidate, family, nearest, same_sentence
from .labels import is_item, item_label
from .parties import GAP_BREAK, coordinated, opening_owner, set_issuer
from .targets import aimed_states

__all__ = ["fill_issuers", "instrument_date", "instrument_of"]

_POSSESSIVE_OPENING = re.compile(r"\s*(?:Its|Their)\s")

_CLAUSE_OPEN = re.compile(r"[;:]\s*")

_ORIGIN = re.compile(r"\s+(?:into|on|of|concerning|against)\s+(?:[\w-]+,?\s+){0,8}?(?:imported\s+)?"
                     r"(?:from|originating\s+(?:in|from))\s+(?:the\s+)?")
"""The goods of a trade case and the words naming where they come from."""

_NARRATOR = re.compile(r"\s*I\s")
"""A sentence whose subject is the writer ("I spent my career writing export-control rules
..."): its measures outside reported words are the writer's account, and borrow no issuer."""


# Left in code: determiners and an amount's shape ("a 10% "), grammar rather than words to extend
_LIST_GAP = re.compile(r"(?:,|\band\b|\bor\b|\bas\s+well\s+as\b)\s*(?:(?:a|an|the|its|their|new|"
                       r"[$€£¥]?\d[\d.,]*(?:%|\s*(?:percent|per\s+cent))?)\s+){0,3}$",
                       re.IGNORECASE)
"""The end of the stretch between two noun items of one list: "and a 10% ", ", 25% "."""


@lru_cache(maxsize=1)
def _list_owners() -> tuple[re.Pattern[str], dict[str, str]]:
    """Control lists known by their proper name and the state owning each
    (``[measures.issuers].list_owners``), as one pattern and a lower-cased table."""
    owners = {k.lower(): v for k, v in
              load_triggers().raw["measures"]["issuers"]["list_owners"].items()}
    names = sorted(owners, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b",
                      re.IGNORECASE), owners


_WORD = re.compile(r"[\w’'-]+")
# Left in code: prepositions and determiners, grammar rather than words to extend
_SHIPPED_TO = re.compile(r"\s+(?:[\w-]+\s+){0,3}?on\s+(?:[\w%,-]+\s+){0,8}?(?:[\w.-]+['’]s\s+)?"
                         r"(?:[\w-]+\s+)?(?:exports|shipments|sales)\s+(?:from\s+(?:the\s+)?"
                         r"[\w.-]+(?:\s+[\w.-]+)?\s+)?(?:to|into)\s+(?=(?:the\s+)?[A-Z])")
"""A duty's goods named as exports to a state ("took effect on Brazil's exports to ")."""
_FIRST_PERSON = re.compile(r"\b(?:we|I)\s+(?:(?:have|has|had|will|would|also|already|then|"
                           r"now|just)\s+){0,2}(?:[a-z]+\s+){0,2}$")
"""A first-person subject right before a verbal measure ("and we have asked for
consultations"): a speaker's own side, which no borrowing from the article can tell."""
# Left in code: the auxiliary and participle shape of a passive, grammar rather than words
_PASSIVE_VERB = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+|now\s+|also\s+)?"
                           r"(?:[a-z]+ed|put|set|cut|held|made|given|taken|shut|hit)\s+"
                           r"(?:to|on|onto|in|into|under|from)\s+(?:(?:the|its|their|a|an)\s+)?"
                           r"(?:[\w-]+\s+){0,2}$")
"""A passive verb whose preposition governs the measure ("are added to the list of ..."):
its subject is what is done to."""


def fill_issuers(ctx: Context, candidates: list[Candidate]) -> None:
    """Mentions with no issuer of their own take their list's lead-in issuer, else that of
    the nearest mention of their family (before them first), unless it stands in another
    paragraph and another state issues clearly more (half as much again, see
    :func:`_state_votes`) of the article's measures of the family: then that state's; else
    the subject of their clause, else of their paragraph, else the state behind most of the
    family's measures.  A trade case never borrows the state its goods come from: "the
    anti-dumping investigation into X from Japan" is no case of Japan's."""
    borrowing = [c for c in candidates if c.issuer is None and not c.unknown_subject]
    _borrow_issuers(ctx, candidates)
    for c in borrowing:
        if c.issuer is not None and c.type is MeasureType.OTHER:
            origin = _goods_origin(ctx, c)
            if origin is not None and origin in (c.issuer, ctx.state_of(c.issuer)):
                c.issuer = None
        c.borrowed = c.issuer is not None


def _goods_origin(ctx: Context, c: Candidate) -> str | None:
    """The state named as the origin of a measure's goods ("into dichlorosilane from
    Japan", "concerning X originating in Japan", "on steel imported from Korea")."""
    m = _ORIGIN.match(ctx.text, c.extent.end, c.sentence.end)
    mention = ctx.actor_at(m.end()) if m is not None else None
    return ctx.state_of(mention.name) if mention is not None else None


def _borrow_issuers(ctx: Context, candidates: list[Candidate]) -> None:
    # The states' votes per family, counted once and then kept up to date as issuers are
    # borrowed (a count per candidate would make long texts quadratic).
    votes: dict[str, Counter[str]] = {}
    sole: list[str | None] = []  # the issuers named at their measures never change here

    def votes_for(kind: str) -> Counter[str]:
        if kind not in votes:
            votes[kind] = _state_votes(ctx, candidates, kind)
        return votes[kind]

    def sole_state() -> str | None:
        if not sole:
            sole.append(_sole_state(ctx, candidates))
        return sole[0]

    aims: dict[int, frozenset[str]] = {}
    for index, c in enumerate(candidates):
        if c.issuer is not None or c.unknown_subject:
            continue
        aimed = aims[index] = aimed_states(ctx, c, same_sentence(candidates, c))
        previous = candidates[index - 1] if index else None
        if previous is not None and previous.issuer is not None and (
                coordinated(ctx, previous, c) or
                _listed_after(ctx, previous, c, aims.get(index - 1, frozenset()))) and \
                (ctx.state_of(previous.issuer) or previous.issuer) not in aimed:
            # "a 25% tariff on X and a 10% tariff on Y": one borrowed issuer for both
            c.issuer, c.issuer_local = previous.issuer, False
        else:
            _borrow_issuer(ctx, candidates, index, votes_for, sole_state, aimed)
        kind = family(c.type)
        if c.issuer is not None and kind in votes:
            state = ctx.state_of(c.issuer)
            if state is not None:
                votes[kind][state] += 2 if c.issuer_local else 1


def _listed_after(ctx: Context, previous: Candidate, c: Candidate,
                  aimed: frozenset[str]) -> bool:
    """"a 25% tariff on imports from X and Y and a 10% tariff on imports from Z": ``c``
    follows ``previous`` as the next item of one list, with only ``previous``'s own
    targets (``aimed``) between them."""
    if previous.sentence != c.sentence or previous.extent.end > c.extent.begin or \
            family(previous.type) != family(c.type) or previous.verbal or c.verbal:
        return False
    text = ctx.text
    if not _LIST_GAP.search(text, previous.extent.end, c.extent.begin) or \
            GAP_BREAK.search(text, previous.extent.end, c.extent.begin):
        return False
    return all((ctx.state_of(a.name) or a.name) in aimed
               for a in ctx.actors_in(previous.extent.end, c.extent.begin))


def _borrow_issuer(ctx: Context, candidates: list[Candidate], index: int,
                   votes_for: Callable[[str], Counter[str]],
                   sole_state: Callable[[], str | None],
                   aimed: frozenset[str] = frozenset()) -> None:
    """An issuer for the issuer-less ``candidates[index]`` from the article around it,
    never one of the states its own words aim it at (``aimed``: "tariffs on Canada" is not
    Canada's, however near Canada's own tariffs stand)."""
    c = candidates[index]
    destination = _destination(ctx, c)
    if destination is not None:
        # "a duty took effect on Brazil's exports to the United States": the importer's,
        # though "to the United States" reads as an aim
        set_issuer(ctx, c, destination.name, destination.span)
        if c.issuer is not None:
            return
    _borrow_issuer_near(ctx, candidates, index, votes_for, sole_state, aimed)
    if c.issuer is not None and (ctx.state_of(c.issuer) or c.issuer) in aimed:
        c.issuer = None


def _borrow_issuer_near(ctx: Context, candidates: list[Candidate], index: int,
                        votes_for: Callable[[str], Counter[str]],
                        sole_state: Callable[[], str | None],
                        aimed: frozenset[str]) -> None:
    """The steps of :func:`borrow_issuer`, first that names one wins: the named list's
    owner, the timeline entry's issuer, the paragraph's topic, a measure of the same family
    nearby (or the sentence's acting subject when that measure is paragraphs away), the
    article's dominant state, the clause's or paragraph's subject, the sole state."""
    c = candidates[index]
    listed = _list_owners()[0].search(ctx.text, c.extent.begin, c.extent.end)
    if listed is not None:
        # "on the Entity List since December 2020": the list's state, not the nearest one
        set_issuer(ctx, c, _list_owners()[1][listed.group().lower()], None, local=False)
        return
    if (c.statement is None and _NARRATOR.match(ctx.text, c.sentence.begin, c.head.begin)) \
            or _FIRST_PERSON.search(ctx.text, c.sentence.begin, c.extent.begin):
        # "I spent my career writing export-control rules": the writer's own; "and we have
        # asked for consultations": a side the sentence's own reading did not find
        return
    if c.entry is not None and c.entry.issuer is not None:
        set_issuer(ctx, c, c.entry.issuer, None, local=False)
        return
    agent = _instrument_agent(ctx, c)
    if agent is not None and (ctx.state_of(agent.name) or agent.name) not in aimed:
        # "By the said Notification, the export policy of X has been amended": the agent
        # of the notification named earlier, as sure as if named here
        set_issuer(ctx, c, agent.name, None)
        if c.issuer is not None:
            return
    label = item_label(ctx, c.head.begin)
    if label is not None and (ctx.state_of(label.name) or label.name) not in aimed:
        set_issuer(ctx, c, label.name, None, local=False)  # "3/8 Peru: the 90-day ban ..."
        if c.issuer is not None:
            return
    item = is_item(ctx, c.head.begin)  # a post or item of its own: no issuer from another
    topic = _paragraph_topic(ctx, c)
    if topic is not None:
        set_issuer(ctx, c, topic.name, None, local=False)
        return
    kind = family(c.type)
    paragraph = ctx.paragraph_of(c.head.begin)

    def kin(o: Candidate, f: str = kind, p: Span | None = paragraph) -> bool:
        return bool(o.issuer and family(o.type) == f and (
            o.issuer_local or (o.topical and _within(o.head.begin, p))) and
            (not item or _within(o.head.begin, p)) and
            (ctx.state_of(o.issuer) or o.issuer) not in aimed)

    source = nearest(candidates, index, kin)
    source_nearby = source is not None and _within(source.head.begin, paragraph)
    votes = votes_for(kind)
    if aimed.intersection(votes):
        votes = Counter({state: n for state, n in votes.items() if state not in aimed})
    dominant = None if c.type is MeasureType.PROTEST else _dominant(votes)
    if source is not None and not source_nearby:
        own = _acting_subject(ctx, c, aimed)
        if own is not None:
            # "Three days later, China's foreign ministry announced that relations would be
            # downgraded": the sentence's own acting subject, not a measure paragraphs away
            set_issuer(ctx, c, own.name, None, local=False)
            if c.issuer is not None:
                return
    if source is not None and dominant is not None and not source_nearby and \
            2 * votes[dominant] >= 3 * votes[ctx.state_of(source.issuer) or ""]:
        c.issuer = dominant  # a one-liner far from the one foreign measure of the article
        return
    if source is not None:
        # Borrowed, so only as sure as its state: "authorities are weighing ..." after
        # the commerce ministry's ban is China's, not necessarily the ministry's.
        c.issuer = source.issuer if c.type is MeasureType.PROTEST else (
            ctx.state_of(source.issuer) or source.issuer)
        return
    clause = _clause_start(ctx, c)
    subject = ctx.clause_subject(clause, c.head.begin) or opening_owner(ctx, clause,
                                                                       c.head.begin)
    if subject is not None and _done_to(ctx, subject, c):
        subject = None
    if subject is not None:
        set_issuer(ctx, c, subject.name, None, local=False)
        if c.issuer is not None:
            return  # "...; Tokyo's response has been confined to diplomatic protests"
    if paragraph is not None:
        subject = ctx.clause_subject(paragraph.begin, c.head.begin)
        if subject is not None and _done_to(ctx, subject, c):
            subject = None
        if subject is not None:
            # a speaker a sentence or more away ("India's food ministry insists the ban is
            # temporary. ... a 20% duty on parboiled rice"): only as sure as its state
            verb = _WORD.search(ctx.text, subject.span.end, c.head.begin)
            far = subject.span.begin < c.sentence.begin and verb is not None and \
                verb.group().lower() in load_triggers().speech_verbs
            set_issuer(ctx, c, (ctx.state_of(subject.name) if far else None) or subject.name,
                        None, local=False)
            if c.issuer is not None:
                return
    if c.type is not MeasureType.PROTEST and not item:
        c.issuer = _dominant(votes) or (
            None if c.type is MeasureType.BUDGET else sole_state())


def _destination(ctx: Context, c: Candidate) -> ActorMention | None:
    """The state a duty or import measure's goods are shipped to ("a 50% duty took effect on
    a large share of Brazil's exports to the United States", "a tariff on steel exports from
    X into Y"): the importing state levies it."""
    if c.type not in (MeasureType.OTHER, MeasureType.IMPORT_BAN):
        return None
    m = _SHIPPED_TO.match(ctx.text, c.extent.end, c.sentence.end)
    mention = ctx.actor_at(m.end()) or ctx.actor_after(m.end()) if m is not None else None
    if mention is None or ctx.type_of(mention.name) is not ActorType.STATE:
        return None
    return mention


def _done_to(ctx: Context, subject: Subject, c: Candidate) -> bool:
    """Whether ``subject`` is what a passive verb governing the measure is done to ("29
    entities in X and Y ... are added to the list"), not who acts; a possessor still acts
    ("Tokyo's response has been confined to protests")."""
    return not _owner(ctx, subject) and \
        _PASSIVE_VERB.search(ctx.text, subject.span.end, c.extent.begin) is not None


def _owner(ctx: Context, subject: Subject) -> bool:
    """Whether ``subject`` is a possessor ("Tokyo's response")."""
    return subject.span.text.endswith(("'s", "’s")) or \
        ctx.text.startswith(("'s", "’s"), subject.span.end)


def _within(offset: int, paragraph: Span | None) -> bool:
    """Whether ``offset`` lies in ``paragraph`` (none: never)."""
    return paragraph is not None and paragraph.begin <= offset < paragraph.end


def _clause_start(ctx: Context, c: Candidate) -> int:
    """Where the clause of the mention's head begins: after the last clause opening
    (``_CLAUSE_OPEN``) between its sentence's start and the head."""
    return max((m.end() for m in _CLAUSE_OPEN.finditer(ctx.text, c.sentence.begin,
                                                       c.head.begin)),
               default=c.sentence.begin)


def _acting_subject(ctx: Context, c: Candidate, aimed: frozenset[str]) -> Subject | None:
    """The subject of the mention's clause when it is a state or a government body (not
    one the mention aims at)."""
    clause = _clause_start(ctx, c)
    subject = ctx.clause_subject(clause, c.head.begin)
    if subject is None or ctx.type_of(subject.name) not in (ActorType.STATE,
                                                             ActorType.GOVERNMENT_BODY) or \
            (ctx.state_of(subject.name) or subject.name) in aimed:
        return None
    # its verb must take measures ("announced that ..."), not react to one ("condemned")
    t = load_triggers()
    verbs = t.imposition_verbs | t.family_verbs.get(family(c.type), frozenset())
    if not any(w.lower() in verbs for w in _WORD.findall(ctx.text, subject.span.end,
                                                          c.head.begin)):
        return None
    return subject


def _paragraph_topic(ctx: Context, c: Candidate) -> Subject | None:
    """"China's first response was legal. ... / Its second response was material. Export
    licences ... became mandatory": a paragraph opening on "Its" or "Their", with no actor
    before the mention, continues the topic of the paragraph before: the state or body
    that opens it (its subject or the owner of its first noun)."""
    paragraph = ctx.paragraph_of(c.head.begin)
    if paragraph is None or not _POSSESSIVE_OPENING.match(ctx.text, paragraph.begin) or \
            ctx.actors_in(paragraph.begin, c.head.begin):
        return None
    index = ctx.paragraphs.index(paragraph)
    if index == 0:
        return None
    previous = ctx.paragraphs[index - 1]
    first = ctx.sentence_of(previous.begin) or previous
    subject = ctx.clause_subject(first.begin, first.end) or \
        opening_owner(ctx, first.begin, first.end)
    if subject is None or ctx.type_of(subject.name) not in (ActorType.STATE,
                                                             ActorType.GOVERNMENT_BODY):
        return None
    return subject


@lru_cache(maxsize=1)
def _instrument_patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """A clause opening that points back to an instrument ("By the said Notification, "),
    its noun in group ``noun``; and per noun, the pattern of its mentions
    (``[measures.issuers]`` ``instrument_*``)."""
    raw = load_triggers().raw["measures"]["issuers"]
    # an item's number may come first ("2. By the said Notification")
    opening = re.compile(r"\s*(?:\(?\w{1,3}[.)]\s+)?(?:"
                         + phrase_alternation(raw["instrument_openers"]) + r")\s+(?:"
                         + phrase_alternation(raw["instrument_determiners"]) + r")\s+(?P<noun>"
                         + phrase_alternation(raw["instrument_nouns"]) + r")\b",
                         re.IGNORECASE)
    nouns = {n.lower(): re.compile(r"\b" + re.escape(n) + r"\b", re.IGNORECASE)
             for n in raw["instrument_nouns"]}
    return opening, nouns


def instrument_of(ctx: Context, c: Candidate) -> tuple[Span, Span] | None:
    """The earlier mention of the instrument the mention's clause points back to ("By the
    said Notification, ..." after "Notification No. 50 issued by the Directorate ..."):
    the noun's last mention before the clause and its sentence; none when the clause opens
    on no such pointer or the article names the instrument nowhere before."""
    opening, nouns = _instrument_patterns()
    clause = _clause_start(ctx, c)
    m = opening.match(ctx.text, clause, c.head.begin)
    if m is None:
        return None
    # the last one before the pointer
    earlier = max(nouns[m.group("noun").lower()].finditer(ctx.text, 0, m.start("noun")),
                  key=lambda e: e.start(), default=None)
    if earlier is None or earlier.start() >= clause:
        return None
    sentence = ctx.sentence_of(earlier.start())
    if sentence is None:
        return None
    return Span.of(ctx.text, earlier.start(), earlier.end()), sentence


# Left in code: an instrument's number and the word before its date, grammar of a citation
_INSTRUMENT_DATED = re.compile(r"(?:\s+No\.?\s*[\w/.-]+)?\s+(?:dated|of|on)\s+$", re.IGNORECASE)
"""The stretch from an instrument's noun to its date ("Notification No. 50/2023 dated ")."""


def instrument_date(ctx: Context, c: Candidate) -> PartialDate | None:
    """The date given with the instrument the mention's clause points back to
    ("Notification No. 50/2023 dated 07.12.2023 ... By the said Notification, ..."):
    the measure it sets out is of that date."""
    found = instrument_of(ctx, c)
    if found is None:
        return None
    noun, _ = found
    # its paragraph, not its sentence: "No." may have ended the sentence for the splitter
    paragraph = ctx.paragraph_of(noun.begin)
    for mention in ctx.dates_in(noun.end, noun.end + 60 if paragraph is None else
                                min(paragraph.end, noun.end + 60)):
        if _INSTRUMENT_DATED.fullmatch(ctx.text, noun.end, mention.span.begin):
            return mention.date
        break
    return None


_AGENT_BY = re.compile(r"[^;\n]{0,120}?\bby\s+")
"""The stretch from an instrument's noun to the "by" of its agent ("No. 50/2023 dated
07.12.2023 issued by ")."""


def _instrument_agent(ctx: Context, c: Candidate) -> ActorMention | Subject | None:
    """The agent of the instrument the mention's clause points back to
    (:func:`instrument_of`): the agent after "by" in the sentence of the noun's earlier
    mention, else that sentence's subject before the noun; a state or government body
    only."""
    found = instrument_of(ctx, c)
    if found is None:
        return None
    noun, sentence = found
    by = _AGENT_BY.match(ctx.text, noun.end, sentence.end)
    agent: ActorMention | Subject | None = ctx.actor_after(by.end()) if by is not None else None
    if agent is None:
        agent = ctx.clause_subject(sentence.begin, noun.begin)
    if agent is None or ctx.type_of(agent.name) not in (ActorType.STATE,
                                                        ActorType.GOVERNMENT_BODY):
        return None
    return agent


def _state_votes(ctx: Context, candidates: list[Candidate], kind: str) -> Counter[str]:
    """How many of the article's measures of ``kind`` each state issues: mentions whose
    issuer the text names at them count twice, borrowed ones once."""
    votes: Counter[str] = Counter()
    for o in candidates:
        if o.issuer and family(o.type) == kind:
            state = ctx.state_of(o.issuer)
            if state is not None:
                votes[state] += 2 if o.issuer_local else 1
    return votes


def _sole_state(ctx: Context, candidates: list[Candidate]) -> str | None:
    """The one state behind every measure whose issuer the text names at it, of any
    family ("New Delhi barred exports ... a 20% duty on parboiled rice, imposed on Aug.
    25"): an article about one state's measures tells its other acts without their agent.
    None when the article names two issuing states or none.  (Not for a budget: money is
    spent at home, often by the side answering the measures the article is about.)"""
    # an organisation acting as a state counts as one ("the EU adopted sanctions ...")
    states = {ctx.state_of(o.issuer) or (
        o.issuer if ctx.type_of(o.issuer) is ActorType.ORGANIZATION else None)
        for o in candidates if o.issuer and o.issuer_local}
    states.discard(None)  # an issuer of no known state vetoes nothing
    return states.pop() if len(states) == 1 else None


def _dominant(votes: Counter[str]) -> str | None:
    """The state with more votes than any other."""
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
