"""Who takes a measure and against whom: issuers, targets and article-level coreference.

See :mod:`kg.extract.measures` for the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import ActorMention, ActorType, MeasureStatus, MeasureType, Span
from ..context import Context, Subject
from ..triggers import load_triggers, words_regex
from .candidate import Candidate, days_between, family, nearest
from .scope import goods_related

_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|now\s+|also\s+|not\s+)?$",
                      re.IGNORECASE)
_TARGET_PREPOSITIONS = re.compile(
    r"\b(?:to|against|on|targeting|targeted at|aimed at|with|of|around|near|off|toward|towards|"
    r"at|from)\s+(?:the\s+)?$", re.IGNORECASE)
_DEMONYM_TARGET = re.compile(r"\b(?:to|against|on|targeting|at|from|of|for)\s+(?:the\s+)?"
                             r"(?:[a-z][\w-]*\s+)?(?P<word>[A-Z][a-z]+)\b")
_TRAILING_PREPOSITION = re.compile(r"\b(?:on|against|to|targeting)$")
"""A phrase that ends on its preposition ("sanctions on"): its object follows."""
_CAPITAL_WORDS = frozenset({"it", "they", "he", "she", "we", "officials", "authorities",
                            "the", "this", "that", "analysts", "reports", "sources"})
_NO_TARGET = frozenset({ActorType.MEDIA, ActorType.ORGANIZATION})
"""Actor types that are never a measure's target ("take the matter to the WTO")."""
_AIMED = frozenset({MeasureType.TRAVEL_ADVISORY, MeasureType.IMPORT_BAN, MeasureType.PROTEST})
"""Measures that always aim at another state."""
_TARGET_WINDOW = 100
_POSSESSOR_WINDOW = 110
_GOVERNING_WORDS = 6
_SAME_EPISODE_DAYS = 31
"""Dates further apart than this are two measures, not one mentioned twice."""
_COORDINATED = re.compile(r"\s*,?\s*(?:(?:and|or|as well as)\s+)?"
                          r"(?:now\s+|also\s+|even\s+|then\s+)?"
                          r"(?:[\w-]+\s+){0,2}")
"""Between two measures of one list: "travel advisories, seafood import bans, and now"."""
_POSSESSOR_BREAK = re.compile(r"[,;:—–]|\b(?:is|are|was|were|has|have|had|that|which|who)\b")
_BY_AGENT = re.compile(r"\s+(?:imposed\s+|issued\s+|announced\s+)?by\s+(?:the\s+)?")
_TOKEN = re.compile(r"[\w’'-]+|[,;:]")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s[—–]\s")


# -- issuer -----------------------------------------------------------------------------------

def local_issuer(ctx: Context, c: Candidate) -> None:
    """Issuer from the sentence itself (possessor, "by X", subject, reporting speaker)."""
    clause_begin = c.sentence.begin
    if c.statement is not None and c.statement.span.begin < c.head.begin:
        # Reported words are their own clause, unless they open with the measure itself
        # ("Beijing urged its citizens to avoid ...": the urging is the advisory).
        clause_begin = max(clause_begin, c.statement.span.begin)
    mention = None if c.verbal else _possessor(ctx, c)
    if mention is None:
        mention = _by_agent(ctx, c)
    if mention is not None:
        _set_issuer(ctx, c, mention.name, mention.span)
        return
    passive = _PASSIVE.search(ctx.text[clause_begin:c.head.begin]) is not None and c.verbal \
        and not c.head.text.lower().split()[0].endswith("ing")  # "it is suspending": active
    if not passive:
        verb = c.head if c.verbal else governing_verb(ctx, c, clause_begin)
        if verb is not None:
            subject = ctx.subject(verb.begin, clause_begin) or _infinitive_subject(
                ctx, verb.begin, clause_begin) or _pronoun_subject(ctx, verb.begin, clause_begin) \
                or _adverbial_subject(ctx, verb.begin, clause_begin)
            if subject is not None:
                _set_issuer(ctx, c, subject.name, subject.span)
                return
            c.unknown_subject = _named_subject(ctx, verb.begin, clause_begin)
    if c.statement is not None and c.statement.speaker and \
            _acts_for_state(ctx, c.statement.speaker) and (passive or _own_side(ctx, c)):
        # "He said exports ... are prohibited", "she said the government had summoned ...":
        # the measure is the speaker's side's.
        speaker = c.statement.speaker
        if ctx.type_of(speaker) is ActorType.PERSON:
            facts = ctx.facts.get(speaker)
            speaker = (facts.affiliation or facts.part_of if facts else None) or speaker
        _set_issuer(ctx, c, speaker, None)


def _infinitive_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"Tokyo was studying whether to take the matter ...": the subject of the verb the
    infinitive depends on."""
    m = re.search(r"([\w’'-]+)\s+(?:whether\s+|how\s+)?to\s+$",
                  ctx.text[max(clause_begin, verb_begin - 60):verb_begin])
    if m is None:
        return None
    begin = verb_begin - len(m.group())
    return ctx.subject(begin, clause_begin)


def _pronoun_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"China has informed Japan it is suspending imports": "it" is the state or body that
    is the subject earlier in the clause (outlets and people are not "it")."""
    m = re.search(r"\b(?:it|they)\s+(?:(?:is|are|was|were|has|have|had|would|will|had been|"
                  r"has been)\s+)?(?:\w+ly\s+)?$", ctx.text[max(clause_begin, verb_begin - 40):
                                                           verb_begin], re.IGNORECASE)
    if m is None:
        return None
    pronoun = verb_begin - len(m.group())
    for mention in ctx.actors_in(clause_begin, pronoun):
        if mention.type in (ActorType.STATE, ActorType.GOVERNMENT_BODY) and \
                ctx.is_eligible_subject(mention):
            return Subject(mention.name, mention.span)
    return None


def _adverbial_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"The Japanese side several times lodged ...": an actor a short adverbial phrase
    (no comma, at most three words) separates from the verb."""
    for mention in reversed(ctx.actors_in(max(clause_begin, verb_begin - 60), verb_begin)):
        gap = ctx.text[mention.span.end:verb_begin]
        if re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){1,3}", gap) and ctx.is_eligible_subject(mention):
            return Subject(mention.name, mention.span)
        return None
    return None


def _own_side(ctx: Context, c: Candidate) -> bool:
    """Whether the subject before the head is "it", "we", "the government" (the speaker's)."""
    floor = c.sentence.begin if c.statement is None else max(c.sentence.begin,
                                                              c.statement.span.begin)
    before = ctx.text[max(floor, c.head.begin - 60):c.head.begin]
    return re.search(r"\b(?:it|we|the government|our government|the country|authorities|"
                     r"the authorities|the cabinet|officials)\s+(?:\w+\s+){0,3}$", before,
                     re.IGNORECASE) is not None


def _named_subject(ctx: Context, verb_begin: int, clause_begin: int) -> bool:
    """Whether a capitalised name no actor mention covers is the verb's subject."""
    m = re.search(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+(?:(?:has|have|had|also|"
                  r"\w+ly|will|would)\s+){0,3}$", ctx.text[max(clause_begin, verb_begin - 60):
                                                           verb_begin])
    if m is None:
        return False
    begin = verb_begin - len(m.group())
    sentence = ctx.sentence_of(begin)
    at_start = sentence is not None and sentence.begin == begin
    word = m.group(1).split()[0]
    if at_start and len(m.group(1).split()) == 1 and word.lower() in _CAPITAL_WORDS:
        return False
    return not ctx.actors_in(begin, verb_begin)


def _acts_for_state(ctx: Context, name: str) -> bool:
    kind = ctx.type_of(name)
    return kind in (ActorType.STATE, ActorType.GOVERNMENT_BODY, ActorType.PERSON)


def _set_issuer(ctx: Context, c: Candidate, name: str, span: Span | None) -> None:
    if ctx.type_of(name) is ActorType.MEDIA:
        return  # outlets report measures; they do not issue them
    if c.type is not MeasureType.PROTEST and ctx.type_of(name) is ActorType.PERSON:
        facts = ctx.facts.get(name)
        parent = facts.affiliation or facts.part_of if facts else None
        name = parent or ctx.root(name) or name
    c.issuer = name
    c.issuer_span = span


def _possessor(ctx: Context, c: Candidate) -> ActorMention | None:
    """"China's export ban", "Japan's late December approval of a ... budget", "tightening
    Japan's own export controls"."""
    begin = max(c.sentence.begin, c.extent.begin - _POSSESSOR_WINDOW)
    best: ActorMention | None = None
    for mention in ctx.actors_in(begin, c.head.begin):
        end = c.extent.begin if mention.span.end <= c.extent.begin else c.head.begin
        between = ctx.text[mention.span.end:end]
        possessive = mention.span.text.endswith(("'s", "’s")) or between.startswith(("'s", "’s"))
        if not possessive:
            if between.strip() == "" and mention.type is not ActorType.PERSON:
                best = mention  # "Chinese export ban", "Tokyo protests"
            continue
        if _POSSESSOR_BREAK.search(between) or _verbs().intersection(
                w.lower() for w in _TOKEN.findall(between)):
            continue  # "Japan's ambassador on Thursday to lodge a protest": not Japan's
        best = mention
    return best


def _by_agent(ctx: Context, c: Candidate) -> ActorMention | None:
    after = ctx.text[c.extent.end:min(c.sentence.end, c.extent.end + 12)]
    m = _BY_AGENT.match(after)
    if m is None:
        return None
    return ctx.actor_at(c.extent.end + m.end())


def governing_verb(ctx: Context, c: Candidate, clause_begin: int) -> Span | None:
    """An imposition verb ("announced", "lodged", "approved") shortly before the head."""
    t = load_triggers()
    verbs = t.imposition_verbs | t.family_verbs.get(family(c.type), frozenset())
    if c.type is MeasureType.IMPORT_BAN:
        verbs = verbs | t.family_verbs.get("import_ban", frozenset())
    text = ctx.text
    window = text[clause_begin:c.extent.begin]
    tokens = list(_TOKEN.finditer(window))
    for count, token in enumerate(reversed(tokens)):
        if count >= _GOVERNING_WORDS or token.group() in (",", ";", ":"):
            return None
        if token.group().lower() in verbs:
            begin = clause_begin + token.start()
            return Span.of(text, begin, clause_begin + token.end())
    return None


def fill_issuers(ctx: Context, candidates: list[Candidate]) -> None:
    """Mentions with no issuer of their own take their list's lead-in issuer, else that of
    the nearest mention of their family (before them first), else the subject of their
    paragraph."""
    for index, c in enumerate(candidates):
        if c.issuer is not None or c.unknown_subject:
            continue
        if c.entry is not None and c.entry.issuer is not None:
            _set_issuer(ctx, c, c.entry.issuer, None)
            continue
        kind = family(c.type)
        source = nearest(candidates, index, lambda o, f=kind: bool(
            o.issuer and family(o.type) == f and o.issuer_span is not None))
        if source is not None:
            # Borrowed, so only as sure as its state: "authorities are weighing ..." after
            # the commerce ministry's ban is China's, not necessarily the ministry's.
            c.issuer = source.issuer if c.type is MeasureType.PROTEST else (
                ctx.state_of(source.issuer) or source.issuer)
            continue
        paragraph = ctx.paragraph_of(c.head.begin)
        if paragraph is not None:
            subject = ctx.clause_subject(paragraph.begin, c.head.begin)
            if subject is not None:
                _set_issuer(ctx, c, subject.name, None)


# -- target -----------------------------------------------------------------------------------

def find_target(ctx: Context, c: Candidate, others: list[Candidate]) -> None:
    """The target after the head ("to Japan", "against Tokyo", "to Japanese military
    users"), else an actor of another state in the head's own clause."""
    issuer_root = ctx.root(c.issuer)
    text = ctx.text
    end = min(c.sentence.end, c.extent.end + _TARGET_WINDOW)
    stop = min((o.head.begin for o in others if o.head.begin >= c.extent.end), default=end)
    end = min(end, stop)
    cut = re.compile(r"[,;:]|\s[—–]\s").search(text, c.extent.end, end)
    if _untargeted().search(text, c.extent.end, cut.start() if cut else end):
        c.untargeted = True  # "China's export control is not targeting any third party"
        return
    if c.type is MeasureType.PROTEST:
        for m in re.finditer(r"(?<=\s)[A-Z][\w-]+", c.extent.text):
            # "summons Japan's ambassador", "summoned the Chinese envoy": the envoy's state
            state = _state_words().get(m.group())
            if state is not None and state != issuer_root and state != ctx.state_of(c.issuer):
                c.target = state
                return
    for mention in ctx.actors_in(c.extent.end, end):
        before = text[max(c.extent.begin, mention.span.begin - 20):mention.span.begin]
        if mention.type in _NO_TARGET or re.search(r"according\s+to\s+(?:the\s+)?$",
                                                   before, re.IGNORECASE):
            continue
        if _TARGET_PREPOSITIONS.search(before) and ctx.root(mention.name) != issuer_root:
            c.target, c.target_span = _as_state(ctx, mention.name), mention.span
            return
    if c.type is MeasureType.IMPORT_BAN:
        for m in re.finditer(r"[A-Z][a-z]+", c.extent.text):
            # "banned Japanese seafood imports": the goods' origin
            state = _state_words().get(m.group())
            if state is not None and state != ctx.state_of(c.issuer) and state != issuer_root:
                c.target = state
                return
    trailing = _TRAILING_PREPOSITION.search(c.extent.text)
    start = c.extent.begin + trailing.start() if trailing else c.extent.end
    for m in _DEMONYM_TARGET.finditer(text, start, end):
        state = _state_words().get(m.group("word"))
        if state is not None and state != ctx.state_of(c.issuer) and state != issuer_root:
            c.target = state
            return
    # Advisories, import bans and protests always aim at another state: any of the
    # sentence will do ("Beijing denounced Takaichi's comments, prompting ... travel
    # advisories"); export controls may aim at no one, so only one of their own clause.
    begin, finish = (c.sentence.begin, c.sentence.end) if c.type in _AIMED else \
        _clause(ctx, c, others)
    taken = [o.target_span for o in others if o.target_span is not None]
    for mention in ctx.actors_in(begin, finish):
        if any(span.begin <= mention.span.begin < span.end for span in taken):
            continue
        state = ctx.state_of(mention.name)
        if state is not None and state != ctx.state_of(c.issuer) and \
                ctx.root(mention.name) != issuer_root and mention.name != c.issuer:
            c.target = state
            return


def _clause(ctx: Context, c: Candidate, others: list[Candidate]) -> tuple[int, int]:
    """The stretch of the head's clause: from the last break before it to the next one, and
    never over another measure of the sentence."""
    text = ctx.text
    begin, end = c.sentence.begin, c.sentence.end
    for m in _CLAUSE_BREAK.finditer(text, c.sentence.begin, c.extent.begin):
        begin = m.end()
    m = _CLAUSE_BREAK.search(text, c.extent.end, end)
    if m is not None:
        end = m.start()
    for o in others:
        if o.extent.end <= c.extent.begin:
            begin = max(begin, o.extent.end)
        elif o.extent.begin >= c.extent.end:
            end = min(end, o.extent.begin)
    return begin, end


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Every verb that imposes or carries out a measure."""
    t = load_triggers()
    return t.imposition_verbs.union(*t.family_verbs.values())


@lru_cache(maxsize=1)
def _responding() -> re.Pattern[str]:
    """Words that make an "other" measure answer one (``[measures.targets].responding``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["responding"])


@lru_cache(maxsize=1)
def _untargeted() -> re.Pattern[str]:
    """Words after a measure that deny it a target (``[measures.targets].untargeted``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["untargeted"])


@lru_cache(maxsize=1)
def _state_words() -> dict[str, str]:
    """A state's one-word names, demonyms and capitals -> the state ("Japanese", "Tokyo",
    "Japan" -> "Japan"), from the reference data."""
    from ..refdata import actor_data

    out: dict[str, str] = {}
    for entry in actor_data().entries.values():
        if entry.type is not ActorType.STATE:
            continue
        for word in (entry.name, *entry.aliases, *entry.demonyms, *entry.capitals):
            if " " not in word:
                out.setdefault(word, entry.name)
    return out


def _as_state(ctx: Context, name: str) -> str:
    return ctx.state_of(name) or name


def fill_targets(ctx: Context, candidates: list[Candidate]) -> None:
    """Protests (and WTO cases) answer the other side's latest measure; a mention with no
    target takes that of the nearest mention of its family by the same issuer when both
    can be one measure (no list entry of its own, dates within a month)."""
    for index, c in enumerate(candidates):
        if c.target is not None:
            continue
        if c.antecedent is not None:
            c.target = c.antecedent.target  # "announced the ban": that ban's target
            continue
        root = ctx.root(c.issuer)
        if c.type is MeasureType.PROTEST or (
                c.type is MeasureType.OTHER and _responding().search(c.extent.text)):
            protested = nearest(candidates, index, lambda o, r=root: bool(
                o.type not in (MeasureType.PROTEST, MeasureType.OTHER) and o.issuer
                and ctx.root(o.issuer) != r), after=False)
            if protested is not None:
                c.target = _as_state(ctx, protested.issuer)  # type: ignore[arg-type]
            continue
        if c.type in (MeasureType.BUDGET, MeasureType.OTHER) or c.untargeted or \
                (c.entry is not None and c.entry.kind is not None):
            continue
        kind = family(c.type)
        source = nearest(candidates, index, lambda o, f=kind, r=root, me=c: bool(
            o.target and family(o.type) == f and ctx.root(o.issuer) == r
            and same_episode(me, o)))
        if source is not None:
            c.target = source.target


def share_coordinated_targets(ctx: Context, candidates: list[Candidate]) -> None:
    """"travel advisories, seafood import bans, and now export controls against Japan":
    measures listed together share the target named after the last of them."""
    for index in range(len(candidates) - 2, -1, -1):
        c, following = candidates[index], candidates[index + 1]
        if c.target is None and following.target is not None and \
                following.sentence == c.sentence and not c.untargeted and \
                ctx.root(c.issuer) == ctx.root(following.issuer) and \
                _COORDINATED.fullmatch(ctx.text[c.extent.end:following.extent.begin]):
            c.target = following.target


def same_episode(a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` can vouch that ``a`` is the same measure: when ``a`` is dated, ``b``
    is dated within a month of it; the goods they name are not unrelated."""
    if a.date is not None and (b.date is None or days_between(a.date, b.date) > _SAME_EPISODE_DAYS):
        return False
    if (a.status is MeasureStatus.HISTORICAL) != (b.status is MeasureStatus.HISTORICAL):
        return False
    return not (a.covers and b.covers and not goods_related(a.covers, b.covers))


# -- article-level coreference ----------------------------------------------------------------

def protests_by_one_person(ctx: Context, candidates: list[Candidate]) -> None:
    """One protest by a person in the article: its body's or state's protests of the same
    day (or undated) are it."""
    protests = [c for c in candidates if c.type is MeasureType.PROTEST and c.issuer]
    persons = {c.issuer for c in protests if ctx.type_of(c.issuer) is ActorType.PERSON}
    if len(persons) != 1:
        return
    person = persons.pop()
    own = next(c for c in protests if c.issuer == person)
    root = ctx.root(person)
    chain = _ancestors(ctx, person)
    for c in protests:
        if c.issuer != person and (c.issuer in chain or ctx.root(c.issuer) == root) and \
                (c.date is None or own.date is None or days_between(c.date, own.date) <= 1):
            c.issuer = person


def _ancestors(ctx: Context, name: str | None) -> set[str]:
    found: set[str] = set()
    while name and name in ctx.facts and name not in found:
        found.add(name)
        facts = ctx.facts[name]
        name = facts.affiliation or facts.part_of
    return found


def generic_controls_are_the_ban(ctx: Context, candidates: list[Candidate]) -> None:
    """Generic export controls reported as in force by the issuer and against the target of
    an export ban of the same article ("the export curbs") are that ban."""
    bans = [c for c in candidates
            if c.type is MeasureType.EXPORT_BAN and c.status is not MeasureStatus.HISTORICAL]
    for c in candidates:
        if c.type is not MeasureType.EXPORT_CONTROL or c.question or c.objects or \
                c.status not in (MeasureStatus.IN_FORCE, MeasureStatus.ANNOUNCED) or \
                (c.entry is not None and c.entry.kind is not None):
            continue
        pair = (ctx.root(c.issuer), ctx.root(c.target))
        if any((ctx.root(b.issuer), ctx.root(b.target)) == pair and same_episode(c, b)
               for b in bans):
            c.type = MeasureType.EXPORT_BAN
