"""Who acted, read from the words around a measure rather than from its verb's subject.

:func:`.parties.local_issuer` tries these after the possessor and "by X":

* an object relative clause after the measure names its author: "the provisional
  measures MOFCOM announced on Oct. 8", "the licensing regime China imposed in April",
  "the budget draft which the cabinet decided in December";
* a protest or advisory says whose it is with "from" or "of": "a sharp protest from
  Tokyo", "the protest of the Japanese side", "a study-abroad warning from the Ministry of
  Education";
* a possessed noun of intent governs the infinitive that is the measure: "Beijing's
  decision to ban exports" (not the subject of the sentence, "Japan lodged a protest over
  ..."), and a possessed act its gerund: "Beijing's notice banning dual-use exports";
* items of a list after a colon belong to the clause before it, when a state or body is
  its subject: "Beijing has stacked one measure on another: an advisory ..., a warning
  ..., the suspension of seafood imports";
* a subject naming a government without saying whose ("The government could expand the
  stockpile", "the government has begun assessing whether to release ...") is the state
  the text is about there: the state most named before the mention in its paragraph;
  else the article's home state (:func:`home_state`: a writer says whose a foreign
  government is, never their own's); else the state most named in the paragraphs before
  (a heading line counts), a subject counting twice.

See :mod:`kg.extract.measures` for the order in which these apply.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...model import ActorMention, ActorType, MeasureType
from ..context import Context, Subject
from ..text import LIST_ITEM, LIST_MARKER
from ..triggers import load_triggers
from .candidate import Candidate, demonym_states, family
from .rules import measure_rules

__all__ = ["current_state", "from_agent", "generic_subject", "home_state", "list_lead",
           "possessed_intent", "relative_agent", "relative_subject"]

_RELATIVE_OPEN = re.compile(r"\s+(?:(?:which|that)\s+)?")
_RELATIVE_FAR = re.compile(r"[^,;:.!?()“”\"]{0,80}?\s(?:which|that)\s+")
_AFTER_AGENT = re.compile(r"\s+(?:(?:had|has|have|had\s+already|has\s+already|just)\s+)?"
                          r"(?:\w+ly\s+)?(?P<verb>[a-z]+(?:\s+(?:out|in|up))?)\b")
_FROM_AGENT = re.compile(r"\s+(?P<prep>from|of)\s+(?:the\s+)?")
_INTENT = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["issuers"]["intent_nouns"])) + r")\s+to\s+$",
                     re.IGNORECASE)
""""Beijing's decision to": ``[measures.issuers] intent_nouns``."""
_ACT_GERUND = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["issuers"]["act_nouns"])) + r")\s+$",
                         re.IGNORECASE)
""""Beijing's notice banning ...": an owned act whose gerund (the measure) says what it
does."""
_GERUND = re.compile(r"[a-z]+ing\b")
_RELATIVE_SUBJECT = re.compile(r",\s+(?P<pronoun>which|who)\s+(?:(?:has|have|had|also|then|"
                               r"later|had\s+already|has\s+already)\s+)?(?:\w+ly\s+)?$",
                               re.IGNORECASE)
_ITEM = LIST_ITEM
_ITEM_VERB = re.compile(r"\s*" + LIST_MARKER + r"\s+(?:also\s+|then\s+|later\s+)?[a-z]")
"""A list item opening on a lower-case word: its verb, whose subject is the lead-in's."""
_SHORT_NAME = re.compile(r"\s*\([A-Z][\w.&-]{1,12}\)$")
_INTENT_REACH = 70
_VERB_AFTER = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|also|then|now|"
                         r"quickly|again|[a-z]+ed|[a-z]+s)\b")
_ACTING = frozenset({ActorType.STATE, ActorType.GOVERNMENT_BODY})
_GENERIC_REACH = 90
"""Characters before a verb searched for a generic subject and the words after it."""
_CLAUSE_OPENERS = frozenset({"that", "and", "but", "as", "while", "when", "where", "because",
                             "so", "then", "said", "says"})
_TOPIC_PARAGRAPHS = 3
"""Paragraphs (the mention's own and those before) searched for the state of the topic."""
_FROM_TYPES = frozenset({MeasureType.PROTEST, MeasureType.TRAVEL_ADVISORY})
"""Measures whose author "from X" names ("a protest from Tokyo"); for goods, "from X" is
their origin ("a ban on imports from Japan")."""


@lru_cache(maxsize=1)
def _imposing() -> dict[str, frozenset[str]]:
    """The verbs that impose a measure, by family (``imposition_verbs`` with the family's
    own verbs)."""
    t = load_triggers()
    return {kind: t.imposition_verbs | verbs for kind, verbs in t.family_verbs.items()} | \
        {"": t.imposition_verbs}


def _imposes(kind: MeasureType, verb: str) -> bool:
    verbs = _imposing()
    return verb.lower() in verbs.get(family(kind), verbs[""])


def relative_agent(ctx: Context, c: Candidate) -> ActorMention | None:
    """"the measures MOFCOM announced", "the regime China imposed in April", "the budget
    draft which the cabinet decided": the subject of an object relative clause whose verb
    imposes the measure (a verb of its family)."""
    text = ctx.text
    end = c.sentence.end
    near = _RELATIVE_OPEN.match(text, c.extent.end, end)
    starts = [near.end()] if near is not None else []
    far = _RELATIVE_FAR.match(text, c.extent.end, end)
    if far is not None:
        starts.append(far.end())
    for start in starts:
        mention = ctx.actor_at(start) or (ctx.actor_at(start + 4)
                                          if text.startswith(("the ", "The "), start) else None)
        if mention is None or mention.type is ActorType.MEDIA:
            continue
        verb = _AFTER_AGENT.match(text, mention.span.end, end)
        if verb is not None and (_imposes(c.type, verb.group("verb")) or _imposes(
                c.type, verb.group("verb").split()[0])):  # "rolled out"; "imposed (in May)"
            return mention
    return None


def from_agent(ctx: Context, c: Candidate) -> ActorMention | None:
    """"a sharp protest from Tokyo", "the protest of the Japanese side", "a warning from
    the Ministry of Education": the author of a protest or advisory named as a noun."""
    if c.verbal or c.type not in _FROM_TYPES:
        return None
    m = _FROM_AGENT.match(ctx.text, c.extent.end, c.sentence.end)
    if m is None or (m.group("prep") == "of" and c.type is not MeasureType.PROTEST):
        return None
    mention = ctx.actor_at(m.end())
    if mention is None or mention.type not in _ACTING | {ActorType.PERSON}:
        return None
    return mention


def relative_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"... by the Bureau of Industry and Security (BIS), which added 140 entities to its
    Entity List": the subject of a relative clause is the state, body or person it follows
    (a short name in parentheses after it is part of its name)."""
    m = _RELATIVE_SUBJECT.search(ctx.text, max(clause_begin, verb_begin - 60), verb_begin)
    if m is None:
        return None
    pos = m.start()
    short = _SHORT_NAME.search(ctx.text, max(clause_begin, pos - 20), pos)
    mention = ctx.actor_ending_at(short.start() if short is not None else pos)
    if mention is None or mention.span.begin < clause_begin:
        return None
    if mention.type not in (_ACTING if m.group("pronoun").lower() == "which"
                            else {ActorType.PERSON}):
        return None
    return Subject(mention.name, mention.span)


def possessed_intent(ctx: Context, verb_begin: int) -> Subject | None:
    """"Beijing's decision to ban exports", "Beijing's notice banning exports": the owner
    of a noun of intent whose infinitive is the measure, or of an act whose gerund is."""
    regex = _ACT_GERUND if _GERUND.match(ctx.text, verb_begin) else _INTENT
    m = regex.search(ctx.text, max(0, verb_begin - _INTENT_REACH), verb_begin)
    if m is None:
        return None
    mention = ctx.actor_ending_at(m.start() + 2) or ctx.actor_ending_at(m.start())
    if mention is None or mention.type not in _ACTING | {ActorType.PERSON}:
        return None
    return Subject(mention.name, mention.span)


def list_lead(ctx: Context, c: Candidate) -> ActorMention | None:
    """"Beijing has stacked one measure on another: an advisory ..., a warning ...": the
    state or body that is the subject of the clause a colon opens a list after; and of a
    lead-in line ending with a colon for the items listed under it that open on their verb
    ("Since November, Beijing has:" / "1. advised citizens to avoid travel ...")."""
    colon = ctx.text.rfind(":", c.sentence.begin, c.extent.begin)
    begin = c.sentence.begin
    if colon < 0:
        lead = _lead_line(ctx, c)
        if lead is None:
            return None
        begin, colon = lead
    for mention in reversed(ctx.actors_in(begin, colon)):
        if mention.type in _ACTING and not mention.span.text.endswith(("'s", "’s")) and \
                _VERB_AFTER.match(ctx.text, mention.span.end, colon) and \
                ctx.is_eligible_subject(mention):
            return mention
    return None


def _lead_line(ctx: Context, c: Candidate) -> tuple[int, int] | None:
    """(start, colon) of the lead-in paragraph of the list item ``c`` stands in, an item
    opening with its verb ("2. warned students about studying there"), with no actor
    before ``c`` (items before it skipped); None when ``c`` is in no such item."""
    paragraph = ctx.paragraph_of(c.head.begin)
    if paragraph is None or _ITEM_VERB.match(ctx.text, paragraph.begin, c.head.end) is None \
            or ctx.actors_in(paragraph.begin, c.head.begin):
        return None
    index = ctx.paragraphs.index(paragraph) - 1
    while index >= 0 and _ITEM.match(ctx.text, ctx.paragraphs[index].begin):
        index -= 1
    if index < 0:
        return None
    lead = ctx.paragraphs[index]
    text = ctx.text[lead.begin:lead.end].rstrip()
    if not text.endswith(":"):
        return None
    return lead.begin, lead.begin + len(text) - 1


def generic_subject(ctx: Context, verb_begin: int, clause_begin: int) -> bool:
    """Whether the verb at ``verb_begin`` has a subject that names a government without
    saying whose ("The government could expand ...", "as the government considers to
    increase ..."), not one a nationality qualifies ("Chinese authorities")."""
    m = measure_rules().generic_subject.search(
        ctx.text, max(clause_begin, verb_begin - _GENERIC_REACH), verb_begin)
    if m is None:
        return False
    np_begin = m.start("np")
    if m.group("np")[:4].lower() == "the ":
        return True
    sentence = ctx.sentence_of(np_begin)
    if sentence is None or not ctx.text[sentence.begin:np_begin].strip():
        return True
    # bare "officials", "authorities": only opening a clause ("said officials would ..."),
    # not after a word qualifying them ("Chinese authorities", "industry officials")
    before = ctx.word_before(np_begin)
    return before is None or before.lower() in _CLAUSE_OPENERS


def current_state(ctx: Context, offset: int, *, paragraphs: int = _TOPIC_PARAGRAPHS) -> str | None:
    """The state the text is about at ``offset``: the state most named (through states,
    government bodies and persons whose state is known; a subject counts twice) before
    ``offset`` in its paragraph, else in the nearest paragraph before that names one (of
    the ``paragraphs`` searched, its own included); None on a tie."""
    paragraph = ctx.paragraph_of(offset)
    if paragraph is None:
        return None
    index = ctx.paragraphs.index(paragraph)
    end = offset
    for i in range(index, max(-1, index - paragraphs), -1):
        votes: dict[str, int] = {}
        for mention in ctx.actors_in(ctx.paragraphs[i].begin, end):
            if mention.type not in _ACTING | {ActorType.PERSON}:
                continue
            state = ctx.state_of(mention.name)
            if state is not None:
                votes[state] = votes.get(state, 0) + (
                    2 if ctx.is_eligible_subject(mention) else 1)
        if votes:
            ranked = sorted(votes.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] == ranked[1]:
                return None
            return max(votes, key=lambda s: votes[s])
        if i > 0:
            end = ctx.paragraphs[i - 1].end
    return None


def home_state(ctx: Context) -> str | None:
    """The state the article reports from: the one with most government bodies and
    officials the article names without saying whose they are ("the Ministry of Economy,
    Trade and Industry", "Chief Cabinet Secretary Matsuno"; not "Russia's foreign ministry"
    or "Russian spokeswoman Zakharova": a writer names a foreign government's people with
    their state, and their own's bare); each body or official counts once, however often
    named; None on a tie or when it names none.  Computed once per article."""
    cache = ctx.__dict__.setdefault("_home_state", {})
    if "home" not in cache:
        cache["home"] = _home_state(ctx)
    return cache["home"]


def _home_state(ctx: Context) -> str | None:
    qualifiers = _state_words()
    bare: dict[str, str] = {}
    qualified: set[str] = set()  # named with their state once: foreign, however named later
    for mention in ctx.actors_in(0, len(ctx.text)):
        if mention.type not in (ActorType.GOVERNMENT_BODY, ActorType.PERSON) or \
                mention.name in qualified:
            continue
        state = ctx.state_of(mention.name)
        if state is None:
            continue
        sentence = ctx.sentence_of(mention.span.begin)
        begin = max(sentence.begin if sentence else 0, mention.span.begin - _QUALIFIER_REACH)
        owner = _OWNER.match(mention.span.text)
        if (owner is not None and owner.group(1) in qualifiers) or any(
                w in qualifiers for w in _WORD.findall(ctx.text, begin, mention.span.begin)):
            qualified.add(mention.name)
            continue
        bare[mention.name] = state
    votes = Counter(state for name, state in bare.items()
                    if name not in qualified).most_common(2)
    if not votes or (len(votes) > 1 and votes[0][1] == votes[1][1]):
        return None
    return votes[0][0]


_QUALIFIER_REACH = 40
"""Characters before a body or official searched for the state that qualifies it."""
_OWNER = re.compile(r"([A-Z][\w.-]*?)['’]s\b")
"""A possessor opening a mention ("China's commerce ministry")."""
_WORD = re.compile(r"[A-Z][\w.-]*?(?=['’]s\b|[^\w.-]|$)")


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Words that say whose a body or official is: nationality adjectives, and the
    one-word names, aliases and capitals of states."""
    from ..refdata import actor_data

    words = set(demonym_states())
    for entry in actor_data().entries.values():
        if entry.type is ActorType.STATE:
            words.update(w for w in (entry.name, *entry.aliases, *entry.capitals)
                         if " " not in w)
    return frozenset(words)
