"""Who takes a measure: issuers, and the article-level coreference of measures.

See :mod:`kg.extract.measures` for the rules; :mod:`.agents` reads authors named around a
measure, :mod:`.targets` whom it is taken against.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import ActorMention, ActorType, MeasureStatus, MeasureType, Span, is_unnamed
from ..context import Context, Subject
from ..triggers import load_triggers, phrase_pattern
from .agents import (
    current_state,
    from_agent,
    generic_subject,
    home_state,
    list_lead,
    possessed_intent,
    relative_agent,
    relative_subject,
)
from .candidate import (
    PREPOSITION_BEFORE,
    Candidate,
    days_between,
    demonym_states,
    family,
)
from .targets import aimed_states, same_episode

_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|now\s+|also\s+|not\s+)?$",
                      re.IGNORECASE)
_BE_OPENING = re.compile(r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:put|placed|"
                         r"added|included)\s", re.IGNORECASE)
"""A head that is itself a passive ("was put on the list"): its subject is the patient."""
_PASSIVE_REACH = 60
"""Characters before a head that hold its auxiliary ("are now prohibited")."""
_CAPITAL_WORDS = frozenset({"it", "they", "he", "she", "we", "officials", "authorities",
                            "the", "this", "that", "analysts", "reports", "sources"})
_POSSESSOR_WINDOW = 110
_GOVERNING_WORDS = 6
_GOVERNING_REACH = 120
_GOVERNING_STOPS = frozenset({",", ";", ":", "that"})
"""Tokens a governing verb is not looked for past: a break, a complement clause ("began
reporting that rare earth shipments were stuck": "began" governs no measure)."""
"""Characters before a head first looked at for its governing verb."""
_POSSESSOR_BREAK = re.compile(r"[,;:—–]|\b(?:is|are|was|were|has|have|had|that|which|who|into|"
                              r"in|on|at|to|for|from|with|by|over|about|under|after|before|"
                              r"than|against)\b")
"""Words that end the possessor's noun phrase ("Japan's name into an export control ...")."""
_ISSUERS = load_triggers().raw["measures"]["issuers"]
_AGENT_PARTICIPLES = "(?:" + "|".join(map(re.escape, _ISSUERS["agent_participles"])) + ")"
_BY_AGENT = re.compile(rf"(?:,\s*{_AGENT_PARTICIPLES}\s+|\s+(?:(?:of|worth|totall?ing)\s+"
                       rf"[^,;:()]{{1,30}}?\s+)?(?:{_AGENT_PARTICIPLES}\s+)?)by\s+(?:the\s+)?")
""""a ban imposed by X", "the budget of ¥9 trillion approved by the cabinet", "The ban,
announced by X on Jan. 6, bars ..." (a participle after a comma)."""
_BY_REACH = 70
_BY_GERUND = re.compile(r"\b[a-z]+(?:ed|s)\s+(?:(?:\w+ly|the|[A-Z][\w.-]*|and|in|on|at|\d{1,4})\s+)"
                        r"{0,8}?"
                        r"(?:by|in)\s+(?:[a-z]+ing\s+[^,;:]*?(?:,\s*|\s+and\s+|\s+or\s+))*$")
""""responded by", "joined the United States in 2023 in": the verb before a gerund of manner
(its object and a time between; earlier gerunds of the same list too: "responded by
warning ... and halting")."""
_DEMONYM_MODIFIER = re.compile(r"(?:\b(?:the|a|an|its|their|new|recent|earlier|latest)\s+)?"
                               r"(?P<dem>[A-Z][a-z]+)(?:\s+and\s+[A-Z][a-z]+)?\s+"
                               r"(?:[\w-]+\s+){0,2}$")
_DEMONYM_SUBJECT = re.compile(r"(?:\b(?:the|some|several|many|two|three)\s+)?"
                              r"(?P<dem>[A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){1,2}"
                              r"(?:(?:has|have|had|also|have\s+also|had\s+also)\s+)?$")
_LISTING_WORDS = tuple(_ISSUERS["listing_words"])
"""The words of :data:`_LISTED` that open the list."""
_LISTED = re.compile(r"\b(?:counter-?)?(?:" + "|".join(map(re.escape, _ISSUERS["listed_heads"]))
                     + r")\s+(?:(?:" + "|".join(map(re.escape, _ISSUERS["listed_participles"]))
                     + r")\s+)?by\s+(?P<by>)[^,;:]{1,44},\s+(?:"
                     + "|".join(map(re.escape, _LISTING_WORDS))
                     + r")\s+(?:[^;:]*?(?:,\s*|\s+and\s+))?(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_COORDINATION_GAP = re.compile(r"(?:,|\band\b|\bor\b|\bas well as\b)\s*(?:\w+\s+){0,2}$")
"""What ends the stretch between two coordinated measures (with up to two words after)."""
GAP_BREAK = re.compile(r"[;:!?()]|\.(?=\s+[A-Z])|\s[—–]\s|\b(?:which|who|that|while|whereas|"
                        r"but|because|said|says|told|after|before|when|although|though|then)\b",
                        re.IGNORECASE)
"""What between two measures starts a new clause or sentence, so the second does not share
the first's issuer (also :mod:`kg.extract.measures.borrowing`)."""
_HELD_AT = re.compile(r"\s+(?:at|in|by)\s+(?:the\s+)?(?P<dem>[A-Z][a-z]+)\s+(?:" + "|".join(map(
    re.escape, _ISSUERS["holding_places"])) + r")\b")
_TO_BEFORE = re.compile(r"\s+to\s+$")
_WEIGHED_AFTER = re.compile(r"\s+(?:are|is|were|was|remain|remains)\s+(?:still\s+|now\s+)?[\"“']?"
                            r"(?:under\s+(?:review|consideration|study)|being\s+(?:considered|"
                            r"weighed|studied|prepared|drafted)|on\s+the\s+table)", re.IGNORECASE)
_AND_ITS = re.compile(r"\s+and\s+(?:its|their)\s+(?:[\w-]+\s+){1,2}"
                      r"(?:(?:in|at)\s+[A-Z][\w-]*\s+)?$")
_CONTROLLING = re.compile(r"\b(?:" + "|".join(map(phrase_pattern, _ISSUERS["controlling_words"]))
                          + r")\s+(?:the\s+)?$", re.IGNORECASE)
"""Before the actor that does what an infinitive after it says ("the measures of X to")."""
_TO_OPENING = len("to ")
"""Reported words opening on the measure's verb, or on "to" and it: the speaker acts."""
_LAST_WORD = re.compile(r"[\w’'-]+\s*$")
_TIME_LEAD = re.compile(r"\s+(?:on|in|at|by|from|late\s+on|early\s+on)\s+$", re.IGNORECASE)
_INFINITIVE = re.compile(r"([\w’'-]+)\s+(?:whether\s+|how\s+)?to\s+$")
_OWN_SIDE = re.compile(r"\b(it|we|the government|our government|the country|authorities|"
                       r"the authorities|the cabinet|officials)\s+(?:\w+\s+){0,3}$",
                       re.IGNORECASE)
_TOKEN = re.compile(r"[\w’'-]+|[,;:]")
_ITS_BEFORE = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:its|their)\s+(?:own\s+)?"
                         r"(?:[a-z][\w-]*\s+){0,2}$")
""""withdrew its (formal) ": a verb and the possessive determiner before a measure noun."""
_ITS_LINKS = frozenset({"that", "over", "to", "against", "about", "on", "into", "for"})
"""Words before "its" that are no verb: the pronoun refers back to the nearest party."""
_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:[^,;:\n]{0,40}?\s[-–—]\s+)?(?:[\w-]+\s+){0,3}?(?:after|before|when|while|once|"
    r"following|although|though)\s[^,;:]{0,160}?,\s*", re.IGNORECASE)
"""A subordinate clause opening a sentence (after a timeline entry's date), closed by a
comma: the subject of the main clause comes after it ("After Xi and Trump met in Busan,
Beijing agreed to suspend ...", "Nov. 14 - A week after the remarks, China advises ...")."""
_SUBORDINATORS = re.compile(r"(?i:after|before|when|while|once|following|though)\s")


# -- issuer -----------------------------------------------------------------------------------

def local_issuer(ctx: Context, c: Candidate) -> None:
    """Issuer from the sentence itself (possessor, "by X", subject, reporting speaker)."""
    clause_begin = c.sentence.begin
    statement = c.statement
    if statement is not None and statement.span.begin < c.head.begin and not (
            (opener := ctx.actor_ending_at(statement.span.begin)) is not None
            and opener.name == statement.speaker):
        # Reported words are their own clause, unless they open with the measure itself
        # ("Beijing urged its citizens to avoid ...": the urging is the advisory) or with
        # their speaker's own predicate ("X calls the act 'regrettable' and lodges a
        # protest": X is the subject of both verbs).
        clause_begin = max(clause_begin, statement.span.begin)
        speaker = statement.speaker
        if speaker is not None and ctx.type_of(speaker) is not ActorType.MEDIA:
            verb = c.head if c.verbal else governing_verb(ctx, c, clause_begin)
            if verb is not None and verb.begin - statement.span.begin <= _TO_OPENING and \
                    _controller(ctx, verb.begin) is None:
                # "Trump threatened on Oct. 10 to impose a tariff", "visited the embassy to
                # lodge a protest": words that open with the measure's verb (or its
                # infinitive) are the speaker's own act, unless someone is urged to it
                set_issuer(ctx, c, speaker, None)
                return
    opening = _SUBORDINATE_OPENING.match(ctx.text, clause_begin, c.head.begin) if \
        _SUBORDINATORS.search(ctx.text, clause_begin, min(c.head.begin, clause_begin + 80)) \
        else None  # a cheap test first: a subordinator near the clause's start
    if opening is not None:
        clause_begin = opening.end()  # "After X and Y met in Busan, Beijing agreed to ..."
    addressee = None if c.verbal else _complained_to(ctx, c, clause_begin)
    if addressee is not None:
        set_issuer(ctx, c, addressee.name, addressee.span)  # "concern to India over ..."
        return
    # "Wingtech was put on the list": the name before a passive head is who is listed
    mention = None if c.verbal or _BE_OPENING.match(c.head.text) else _possessor(ctx, c)
    if mention is None:
        mention = _by_agent(ctx, c) or _listing_agent(ctx, c) or from_agent(ctx, c) or \
            relative_agent(ctx, c)
    if mention is not None:
        set_issuer(ctx, c, mention.name, mention.span)
        return
    owner = None if c.verbal else _its_owner(ctx, c, clause_begin)
    if owner is not None:
        set_issuer(ctx, c, owner.name, owner.span)  # "Seoul withdrew its WTO complaint"
        return
    state = None if c.verbal or c.type is MeasureType.IMPORT_BAN else \
        _demonym_before(ctx, c.extent.begin, c.sentence.begin, modifier=True)
    if state is not None:
        set_issuer(ctx, c, state, None, demonym=True)  # "the American chip controls"
        return
    passive = _BE_OPENING.match(c.head.text) is not None or \
        (_PASSIVE.search(ctx.text, max(clause_begin, c.head.begin - _PASSIVE_REACH),
                         c.head.begin) is not None and c.verbal
               and not c.head.text.lower().split()[0].endswith("ing")) or \
        (not c.verbal and _WEIGHED_AFTER.match(ctx.text, c.extent.end, c.sentence.end)
         is not None)  # "more entity listings are under review": weighed by the speaker's side
    if not passive:
        verb = c.head if c.verbal else governing_verb(ctx, c, clause_begin)
        if verb is not None and not c.verbal and _in_passive(ctx, verb, clause_begin) and \
                _PREPOSITION_BETWEEN.search(ctx.text, verb.end, c.extent.begin):
            # "29 entities in X, Y and Z ... are added to the list of entities subject to
            # export restrictions": a passive verb's subject is what it is done to
            verb = None
        if verb is not None:
            subject = _controller(ctx, verb.begin) or possessed_intent(ctx, verb.begin) \
                or _outside_phrase(ctx, ctx.subject(verb.begin, clause_begin),
                                   clause_begin, verb.begin) \
                or _infinitive_subject(ctx, verb.begin, clause_begin) \
                or _gerund_subject(ctx, verb.begin, c.sentence.begin) \
                or _pronoun_subject(ctx, verb.begin, clause_begin) \
                or relative_subject(ctx, verb.begin, clause_begin) \
                or _adverbial_subject(ctx, verb.begin, clause_begin) \
                or _coordinated_subject(ctx, verb.begin, c.sentence.begin) \
                or opening_owner(ctx, clause_begin, verb.begin)
            if subject is not None:
                set_issuer(ctx, c, subject.name, subject.span)
                return
            state = _demonym_before(ctx, verb.begin, clause_begin, modifier=False)
            if state is None and not _speaker_acts(ctx, c) and \
                    generic_subject(ctx, verb.begin, clause_begin):
                # "The government could expand the stockpile": the state the text is
                # about (in reported words, the speaker's side: below)
                aimed = aimed_states(ctx, c, [])
                # never a state the measure aims at ("Following Russia's invasion of
                # Ukraine, the Government suspended ... licence applications for Russia")
                topic = next((t for t in (current_state(ctx, c.head.begin, paragraphs=1),
                                          home_state(ctx), current_state(ctx, c.head.begin))
                              if t is not None and t not in aimed), None)
                if topic is not None:
                    set_issuer(ctx, c, topic, None, local=False)
                    c.topical = True
                    return
            if state is not None:
                # "Chinese customs held up shipments"
                set_issuer(ctx, c, state, None, demonym=True)
                return
            # goods opening the mention are its subject ("Graphite is added"), no actor
            c.unknown_subject = not (c.objects and c.extent.begin < c.head.begin) and \
                _named_subject(ctx, verb.begin, clause_begin)
    held = _HELD_AT.match(ctx.text, c.extent.end, c.sentence.end)
    if held is not None and held.group("dem") in demonym_states():
        # "shipments were stuck at Chinese ports": held by that state's customs
        set_issuer(ctx, c, demonym_states()[held.group("dem")], None)
        return
    lead = None if c.unknown_subject else list_lead(ctx, c)
    if lead is not None:
        set_issuer(ctx, c, lead.name, None)  # "Beijing has stacked ...: an advisory, ..."
        return
    if c.statement is not None and c.statement.speaker and \
            _acts_for_state(ctx, c.statement.speaker):
        side = "body" if passive else _own_side(ctx, c)
        if side is None:
            return
        # "He said exports ... are prohibited", "she said the government had summoned ...":
        # the measure is the speaker's side's; "the government" is the speaker's state.
        speaker = c.statement.speaker
        if ctx.type_of(speaker) is ActorType.PERSON:
            facts = ctx.facts.get(speaker)
            speaker = (facts.affiliation or facts.part_of if facts else None) or \
                ctx.state_of(speaker) or ""
            if not speaker:
                return  # a person of no known side speaks of a measure; they do not issue it
        if side == "state":
            speaker = ctx.state_of(speaker) or speaker
        set_issuer(ctx, c, speaker, None)


_COMPLAINED_TO = re.compile(
    r"\b(?:" + "|".join(map(phrase_pattern, _ISSUERS["grievance_words"])) + r")\s+(?:to|with)\s+"
    r"(?P<to>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,6})\s+"
    r"(?:over|about|at|regarding|concerning|against)\s+(?:(?:the|its|their|new|recent)\s+)*$")


def _complained_to(ctx: Context, c: Candidate, clause_begin: int) -> ActorMention | None:
    """The party a complaint is made to when the measure is its matter ("Bangladesh conveys
    concern to India over restrictions on imports"): the measure is that party's."""
    m = _COMPLAINED_TO.search(ctx.text, max(clause_begin, c.extent.begin - 120),
                              c.extent.begin)
    if m is None:
        return None
    return next((a for a in ctx.actors_in(m.start("to"), m.end("to"))
                 if a.type is not ActorType.PERSON), None)


_PREPOSITION_BETWEEN = re.compile(r"\b(?:to|on|onto|under|into|in|from)\b")
"""A preposition between a passive verb and the measure: the measure is not its object
("are added to the list of ...", but machine-translated "has been lodged the protest")."""


def _in_passive(ctx: Context, verb: Span, clause_begin: int) -> bool:
    """Whether ``verb`` is a participle after a form of "be" ("are added", "was put")."""
    return not verb.text.lower().split()[0].endswith("ing") and _PASSIVE.search(
        ctx.text, max(clause_begin, verb.begin - _PASSIVE_REACH), verb.begin) is not None


def _its_owner(ctx: Context, c: Candidate, clause_begin: int) -> Subject | None:
    """"Seoul withdrew its WTO complaint", "Tokyo lifted its extra checks": a measure noun
    owned by "its"/"their" right after a verb is the verb's subject's, when that is a state
    or government body."""
    m = _ITS_BEFORE.search(ctx.text, max(c.sentence.begin, c.extent.begin - 60),
                           c.extent.begin)
    if m is None:
        return None
    if m.group("verb") in _ITS_LINKS:
        # "asked Beijing that its probe be fair", "protested to Seoul over its curbs": after
        # a conjunction or preposition "its" takes the nearest acting party before it (also
        # when the words after "asking that" are taken for reported words)
        near = [a for a in ctx.actors_in(c.sentence.begin, m.start("verb"))
                if a.type in (ActorType.STATE, ActorType.GOVERNMENT_BODY)]
        return Subject(near[-1].name, near[-1].span) if near else None
    if m.start() < clause_begin:
        return None
    subject = ctx.subject(m.start("verb"), clause_begin)
    if subject is None or ctx.type_of(subject.name) not in (ActorType.STATE,
                                                             ActorType.GOVERNMENT_BODY):
        return None
    return subject


def _infinitive_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"Tokyo was studying whether to take the matter ...": the subject of the verb the
    infinitive depends on; an infinitive coordinated with an earlier one ("threatened to
    impose a tariff ... and to restrict exports") depends on that one's verb."""
    m = _INFINITIVE.search(ctx.text, max(clause_begin, verb_begin - 60), verb_begin)
    if m is None:
        return None
    if m.group(1).lower() in ("and", "or"):
        first = ctx.text.rfind(" to ", clause_begin, m.start())
        return _infinitive_subject(ctx, first + 4, clause_begin) if first >= 0 else None
    verb = m.start()
    dates = ctx.dates_in(max(clause_begin, verb - 40), m.end(1))
    if dates and dates[-1].span.end == m.end(1):
        # "Trump threatened on Oct. 10 to impose ...": the time between verb and infinitive
        lead = _TIME_LEAD.search(ctx.text, clause_begin, dates[-1].span.begin)
        word = _LAST_WORD.search(ctx.text, clause_begin,
                                 lead.start() if lead else dates[-1].span.begin)
        if word is not None:
            verb = word.start()
    return ctx.subject(verb, clause_begin)


def _controller(ctx: Context, verb_begin: int) -> Subject | None:
    """"the measures of the Chinese government to prohibit exports", "urged Beijing to
    suspend ...": a state or body right before the "to" of the infinitive does it."""
    m = _TO_BEFORE.search(ctx.text, max(0, verb_begin - 12), verb_begin)
    if m is None:
        return None
    mention = ctx.actor_ending_at(m.start())
    if mention is None or mention.type not in (ActorType.STATE, ActorType.GOVERNMENT_BODY) or \
            not _CONTROLLING.search(ctx.text, max(0, mention.span.begin - 20),
                                    mention.span.begin):
        return None  # "visited the embassy to lodge a protest": the visitor lodges it
    return Subject(mention.name, mention.span)


def _coordinated_subject(ctx: Context, verb_begin: int, floor: int) -> Subject | None:
    """"China's foreign ministry and its embassy in Tokyo advise ...": the first of two
    coordinated subjects (the second a possessed noun phrase the data does not name)."""
    m = _AND_ITS.search(ctx.text, max(floor, verb_begin - 60), verb_begin)
    if m is None:
        return None
    mention = ctx.actor_ending_at(m.start())
    if mention is None or not ctx.is_eligible_subject(mention):
        return None
    return Subject(mention.name, mention.span)


def _outside_phrase(ctx: Context, subject: Subject | None, clause_begin: int,
                    verb_begin: int) -> Subject | None:
    """"China's foreign ministry and its embassy in Tokyo advise ...": a place after a
    preposition is not the subject; the clause's first eligible actor is."""
    if subject is None:
        return None
    before = (ctx.word_before(subject.span.begin) or "").lower()
    if before not in ("in", "at", "of", "from", "near", "inside"):
        return subject
    first = ctx.clause_subject(clause_begin, verb_begin)
    return first if first is not None and first.span != subject.span else None


def _gerund_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"China responded by warning its citizens ...": the subject of the verb the gerund
    says how it was done."""
    m = _BY_GERUND.search(ctx.text, max(clause_begin, verb_begin - 160), verb_begin)
    if m is None:
        return None
    return ctx.subject(m.start(), clause_begin)


def _pronoun_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"China has informed Japan it is suspending imports": "it" is the state or body that
    is the subject earlier in the clause (outlets and people are not "it"); with none in
    the clause, the state or body that is the previous sentence's subject ("China was
    watching. In July 2023 it announced ...")."""
    m = re.search(r"\b(?:it|they)\s+(?:(?:is|are|was|were|has|have|had|would|will|had been|"
                  r"has been)\s+)?(?:\w+ly\s+)?$", ctx.text[max(clause_begin, verb_begin - 40):
                                                           verb_begin], re.IGNORECASE)
    if m is None:
        return None
    pronoun = verb_begin - len(m.group())
    for mention in ctx.actors_in(clause_begin, pronoun):
        if mention.type in (ActorType.STATE, ActorType.GOVERNMENT_BODY) and \
                ctx.is_eligible_subject(mention) and not PREPOSITION_BEFORE.search(
                    ctx.text, max(clause_begin, mention.span.begin - 24), mention.span.begin):
            # "remarks in the Diet, China advises ...; it halts": not the object "the Diet"
            return Subject(mention.name, mention.span)
    sentence = ctx.sentence_of(pronoun)
    if sentence is None or ctx.actors_in(sentence.begin, pronoun) or \
            not m.group().lower().startswith("it"):
        return None
    previous = ctx.sentence_of(sentence.begin - 2) if sentence.begin >= 2 else None
    if previous is None:
        return None
    # "China's first response was legal. In December 2022 it filed ...": the subject, or
    # the state or body whose noun opens the sentence before.
    subject = ctx.clause_subject(previous.begin, previous.end) or \
        opening_owner(ctx, previous.begin, previous.end)
    if subject is not None and ctx.type_of(subject.name) in (ActorType.STATE,
                                                             ActorType.GOVERNMENT_BODY):
        return Subject(subject.name, Span.of(ctx.text, pronoun, pronoun + 2))
    return None


def _demonym_before(ctx: Context, offset: int, floor: int, *, modifier: bool) -> str | None:
    """The state of a nationality adjective right before ``offset``: modifying the measure
    ("the American chip controls", ``modifier``), or heading the subject of its verb
    ("Chinese customs held up shipments", "Chinese distributors postpone ...")."""
    regex = _DEMONYM_MODIFIER if modifier else _DEMONYM_SUBJECT
    m = regex.search(ctx.text, max(floor, offset - 60), offset)
    if m is None or ctx.actors_in(m.start(), offset):
        return None
    if not modifier and m.start() > floor and not re.search(
            r"(?:^|[,;:—–]|\b(?:and|but|then|when|after|as|that|said|says|say|told|"
            r"reported|reports))\s*$", ctx.text[floor:m.start()]):
        return None  # the nationality must open the clause to head its subject
    return demonym_states().get(m.group("dem"))


def _listing_agent(ctx: Context, c: Candidate) -> ActorMention | None:
    """"the countermeasures taken by the Chinese side, including the travel reminder ...":
    a measure listed under measures whose agent is named."""
    before = ctx.text[c.sentence.begin:c.extent.begin]
    lower = before.lower()
    if not any(word in lower for word in _LISTING_WORDS):
        return None  # the pattern needs one of them (a cheap test first)
    m = _LISTED.search(before)
    if m is None:
        return None
    return ctx.actor_after(c.sentence.begin + m.end("by"))


def _adverbial_subject(ctx: Context, verb_begin: int, clause_begin: int) -> Subject | None:
    """"The Japanese side several times lodged ...": an actor a short adverbial phrase
    (no comma, at most three words) separates from the verb."""
    for mention in reversed(ctx.actors_in(max(clause_begin, verb_begin - 60), verb_begin)):
        gap = ctx.text[mention.span.end:verb_begin]
        for date in reversed(ctx.dates_in(mention.span.end, verb_begin)):
            # "Beijing in June 2025 partly lifted ...": a date is one more adverbial word
            cut = date.span.begin - mention.span.end
            gap = gap[:cut] + "then" + gap[cut + len(date.span.text):]
        if re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){1,5}", gap) and ctx.is_eligible_subject(mention):
            return Subject(mention.name, mention.span)
        return None
    return None


def _own_side(ctx: Context, c: Candidate) -> str | None:
    """Whether the subject before the head is the speaker's side: "body" for "it", "we",
    "the cabinet" (the speaker's own body), "state" for "the government", "the
    authorities", "officials" (the speaker's state as a whole)."""
    floor = c.sentence.begin if c.statement is None else max(c.sentence.begin,
                                                              c.statement.span.begin)
    m = _OWN_SIDE.search(ctx.text, max(floor, c.head.begin - 60), c.head.begin)
    if m is None:
        return None
    return "body" if m.group(1).lower() in ("it", "we", "the cabinet") else "state"


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


def _speaker_acts(ctx: Context, c: Candidate) -> bool:
    """Whether ``c`` is in reported words of a speaker who can act for a state (a person
    only with a known side: a minister answering "the Government suspended ..." whose
    department is unknown leaves "the Government" to the text around)."""
    speaker = c.statement.speaker if c.statement is not None else None
    if not speaker or not _acts_for_state(ctx, speaker):
        return False
    if ctx.type_of(speaker) is ActorType.PERSON:
        facts = ctx.facts.get(speaker)
        return bool((facts.affiliation or facts.part_of if facts else None) or
                    ctx.state_of(speaker))
    return True


def _acts_for_state(ctx: Context, name: str) -> bool:
    kind = ctx.type_of(name)
    return kind in (ActorType.STATE, ActorType.GOVERNMENT_BODY, ActorType.PERSON)


def person_cannot_issue(ctx: Context, kind: MeasureType, name: str) -> bool:
    """Whether ``name`` is a person and ``kind`` not a protest: a person issues only a
    protest in their own name; other measures are their body's or state's."""
    return kind is not MeasureType.PROTEST and ctx.type_of(name) is ActorType.PERSON


def issuer_name(ctx: Context, kind: MeasureType, name: str) -> str | None:
    """The issuer a measure of ``kind`` gets when ``name`` is said to take it: None for an
    outlet or an unnamed source without a known side; a person's body or state, except for
    a protest (a person protests in their own name)."""
    if ctx.type_of(name) is ActorType.MEDIA:
        return None  # outlets report measures; they do not issue them
    if is_unnamed(name):
        # "Officials have formally protested": an unnamed source acts for the body or state
        # it is described with, if any ("unnamed Japanese officials"); else it names none.
        facts = ctx.facts.get(name)
        parent = facts.affiliation or facts.part_of if facts else None
        named = next((demonym_states()[w] for w in name.split() if w in demonym_states()),
                     None)
        if parent is None and named is None:
            return None
        name = ctx.state_of(parent) or parent if parent else named  # type: ignore[assignment]
    if person_cannot_issue(ctx, kind, name):
        facts = ctx.facts.get(name)
        parent = facts.affiliation or facts.part_of if facts else None
        name = parent or ctx.root(name) or name
    return name


def set_issuer(ctx: Context, c: Candidate, name: str, span: Span | None, *,
                local: bool = True, demonym: bool = False) -> None:
    """Make ``name`` (as :func:`issuer_name` reads it for the measure's type) the issuer of
    ``c``; a borrowed one (``local=False``) only if it may issue such a measure;
    ``demonym``: the sentence names it only by a nationality adjective."""
    issuer = issuer_name(ctx, c.type, name)
    if issuer is None or (not local and person_cannot_issue(ctx, c.type, issuer)):
        return  # a person of no known side near a measure (its speaker) does not issue it
    c.issuer = issuer
    c.issuer_span = span
    c.issuer_local = local
    c.issuer_demonym = demonym


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
            if between.strip() == "" and mention.type is not ActorType.PERSON and (
                    best is None or not _is_possessive(ctx, best)):
                # "Chinese export ban", "Tokyo protests"; after a possessor the bare name
                # names the target ("China's Japan export ban")
                best = mention
            continue
        tokens = [w.lower() for w in _TOKEN.findall(between)]
        if tokens and tokens[0] in ("'s", "’s"):
            tokens = tokens[1:]
        if tokens and tokens[0].endswith("ed"):
            tokens = tokens[1:]  # "Lai's proposed special defence budget": an adjective
        if _POSSESSOR_BREAK.search(between) or _verbs().intersection(tokens):
            continue  # "Japan's ambassador on Thursday to lodge a protest": not Japan's
        best = mention
    return best


def _is_possessive(ctx: Context, mention: ActorMention) -> bool:
    text = ctx.text
    return mention.span.text.endswith(("'s", "’s")) or \
        text.startswith(("'s", "’s"), mention.span.end)


def _by_agent(ctx: Context, c: Candidate) -> ActorMention | None:
    after = ctx.text[c.extent.end:min(c.sentence.end, c.extent.end + _BY_REACH)]
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
    # Only the last few tokens count; a stretch holding more of them gives those exactly.
    start = max(clause_begin, c.extent.begin - _GOVERNING_REACH)
    tokens = list(_TOKEN.finditer(text, start, c.extent.begin))
    if len(tokens) <= _GOVERNING_WORDS and start > clause_begin:
        start = clause_begin
        tokens = list(_TOKEN.finditer(text, start, c.extent.begin))
    for count, token in enumerate(reversed(tokens)):
        if count >= _GOVERNING_WORDS or token.group().lower() in _GOVERNING_STOPS:
            return None
        if token.group().lower() in verbs:
            return Span.of(text, token.start(), token.end())
    return None


def share_coordinated_issuers(ctx: Context, candidates: list[Candidate]) -> None:
    """"Beijing had told its citizens to avoid Japan, suspended imports of seafood and
    delayed ...", "China answered with a travel advisory, a halt to seafood imports and
    ...": measures coordinated after one with an issuer share its issuer (the subject of
    coordinated verbs, the agent of listed nouns)."""
    for previous, c in zip(candidates, candidates[1:], strict=False):
        if c.issuer is not None or c.unknown_subject or previous.issuer is None or \
                not coordinated(ctx, previous, c):
            continue
        c.issuer, c.issuer_span, c.issuer_local = previous.issuer, None, True
        c.governed = c.governed or previous.governed


def coordinated(ctx: Context, previous: Candidate, c: Candidate) -> bool:
    """Whether ``c`` is coordinated right after ``previous`` in one sentence, with no new
    subject between ("suspended imports ... and delayed ...", "a 25% tariff on X and a 10%
    tariff on Y")."""
    if previous.sentence != c.sentence or previous.verbal != c.verbal or \
            previous.extent.end > c.extent.begin:
        return False
    between = ctx.text[previous.extent.end:c.extent.begin]
    if not _COORDINATION_GAP.search(between) or GAP_BREAK.search(between):
        return False
    # a new subject between: "..., and Tokyo protested"
    return all(PREPOSITION_BEFORE.search(ctx.text, max(previous.extent.end, a.span.begin - 16),
                                         a.span.begin)
               for a in ctx.actors_in(previous.extent.end, c.extent.begin))


def opening_owner(ctx: Context, clause: int, end: int) -> Subject | None:
    """"Tokyo's response has been ...": the possessor opening a clause speaks for it."""
    found = ctx.actors_in(clause, end)
    if not found or ctx.text[clause:found[0].span.begin].strip() or \
            found[0].type not in (ActorType.STATE, ActorType.GOVERNMENT_BODY):
        return None
    mention = found[0]
    possessive = mention.span.text.endswith(("'s", "’s")) or \
        ctx.text.startswith(("'s", "’s"), mention.span.end)
    return Subject(mention.name, mention.span) if possessive else None


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Every verb that imposes or carries out a measure."""
    t = load_triggers()
    return t.imposition_verbs.union(*t.family_verbs.values())


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
    bans = [c for c in candidates if c.type is MeasureType.EXPORT_BAN and
            c.target is not None and c.status is not MeasureStatus.HISTORICAL]
    for c in candidates:
        # a control the text says was suspended or lifted is not the ban in force
        if c.type is not MeasureType.EXPORT_CONTROL or c.question or c.objects or \
                c.ending is not None or \
                c.status not in (MeasureStatus.IN_FORCE, MeasureStatus.ANNOUNCED) or \
                (c.entry is not None and c.entry.kind is not None):
            continue
        pair = (ctx.root(c.issuer), ctx.root(c.target))
        if any((ctx.root(b.issuer), ctx.root(b.target)) == pair and same_episode(c, b)
               for b in bans):
            c.type = MeasureType.EXPORT_BAN
