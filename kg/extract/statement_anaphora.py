"""Who a pronoun before a speech verb stands for: "It said ...", "They added ...".

:func:`pronoun_speaker` resolves "it" / "they" as the subject of a speech verb, in order:

* in a clause coordinated after a statement ("X said A, and it warned B"): its speaker;
* inside words already reported ("wrote that they expected"): nobody here (the writer);
* after a sentence opening with a document ("The notice took effect. It also warns ..."):
  whoever issued the document;
* as the subject of a relative clause ("X began drills, which it said were a warning"):
  the subject of the main clause;
* the body that is the subject of the sentence before, in the same paragraph ("The Post
  gave a different account. In a report, it said ..."), else the last body that spoke,
  else the body the paragraph is about.

Split from :mod:`.statement_speakers` (round 15).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import ActorMention, ActorType, Span, is_unnamed
from .context import Context, Subject
from .reported_words import quote_before
from .speech_triggers import SpeechTrigger
from .statement_speakers import (
    COORDINATED_PRONOUN,
    ISSUE_REACH,
    WORD_BEFORE_VERB,
    document_nouns,
    previous_speaker,
)
from .triggers import load_triggers, phrase_alternation, phrase_pattern


def pronoun_speaker(ctx: Context, trigger: SpeechTrigger, speakers: list[str],
                     found: list[SpeechTrigger]) -> Subject | None:
    """"It said ...", "They added ...": the last organisation or state that spoke; in a
    clause coordinated after a statement ("X said A, and it warned B"), its speaker."""
    m = WORD_BEFORE_VERB.search(ctx.text[max(trigger.sentence.begin, trigger.verb.begin - 30):
                                          trigger.verb.begin])
    if m is None or m.group(1).lower() not in ctx.triggers.other_pronouns:
        return None
    begin = trigger.verb.begin - len(m.group())
    span = Span.of(ctx.text, begin, begin + len(m.group(1)))
    if COORDINATED_PRONOUN.search(ctx.text, max(trigger.sentence.begin, begin - 12), begin):
        previous = previous_speaker(trigger, found)
        if previous is not None and ctx.type_of(previous.name) is not ActorType.PERSON:
            return Subject(previous.name, span)
    if _inside_reported_clause(ctx, trigger.sentence.begin, begin):
        return None  # "wrote that they expected": the writer, whom the clause before names
    if m.group(1).lower() == "it" and _after_own_text(ctx, trigger.sentence):
        return None  # "This note reviews ... It argues that ...": the author's own words
    main = _main_subject_of_relative(ctx, trigger, begin, m.group(1).lower())
    if main is not None:
        return Subject(main.name, span)
    issuer = _document_antecedent(ctx, trigger.sentence)
    if issuer is not None:
        return Subject(issuer.name, span)
    topic = _previous_subject(ctx, trigger.sentence)
    if topic is not None:
        return Subject(topic.name, span)
    pronoun = m.group(1).lower()
    for name in reversed(speakers):
        if ctx.type_of(name) is not ActorType.PERSON or (pronoun == "they"
                                                         and _is_group(name)):
            return Subject(name, span)
    # No body has spoken yet: the body the paragraph is about ("MOFCOM prohibited exports
    # ... It also warned that ...").
    paragraph = ctx.paragraph_of(trigger.sentence.begin)
    for sentence in reversed(ctx.sentences_in(paragraph.begin, trigger.sentence.begin)
                             if paragraph is not None else []):
        subject = ctx.clause_subject(sentence.begin, sentence.end)
        if subject is not None and ctx.type_of(subject.name) in (
                ActorType.GOVERNMENT_BODY, ActorType.STATE, ActorType.COMPANY,
                ActorType.ORGANIZATION):
            return Subject(subject.name, span)
    return None


# Left in code: the coordinating conjunctions are grammar, not a word list to extend
_COORDINATOR_BEFORE = re.compile(r"(?:[,;]\s*|\s)(?:and|but|while|yet)\s+$")


def coordinated_person(ctx: Context, trigger: SpeechTrigger,
                       found: list[SpeechTrigger]) -> Subject | None:
    """"The spokesperson said that the president had read the report, but she declined to
    comment": "he" / "she" opening a clause coordinated after a person's statement is that
    person, the subject of the first clause (not the last person the clause names)."""
    window = ctx.text[max(trigger.sentence.begin, trigger.verb.begin - 30):trigger.verb.begin]
    lower = window.lower()
    if not any(pronoun in lower for pronoun in ctx.triggers.person_pronouns):
        return None  # the cheap test first: no "he" or "she" (in any case) before the verb
    m = WORD_BEFORE_VERB.search(window)
    if m is None or m.group(1).lower() not in ctx.triggers.person_pronouns:
        return None
    begin = trigger.verb.begin - len(m.group())
    if not _COORDINATOR_BEFORE.search(ctx.text, max(trigger.sentence.begin, begin - 12), begin):
        return None
    previous = previous_speaker(trigger, found)
    if previous is None or ctx.type_of(previous.name) is not ActorType.PERSON:
        return None
    return Subject(previous.name, Span.of(ctx.text, begin, begin + len(m.group(1))))


_RELATIVE_BEFORE = re.compile(r"(?<![\w-])(?:which|that)\s+$", re.IGNORECASE)


def _main_subject_of_relative(ctx: Context, trigger: SpeechTrigger, begin: int,
                              pronoun: str) -> Subject | None:
    """"X began drills, which it said were a warning", "X and Y advised buyers to avoid
    the chips, which they said were unsafe": a pronoun subject of a relative clause is the
    subject of the main clause before it (a body for "it"), not the last body that spoke."""
    relative = _RELATIVE_BEFORE.search(ctx.text, max(trigger.sentence.begin, begin - 12), begin)
    if relative is None:
        return None
    subject = ctx.clause_subject(trigger.sentence.begin, relative.start())
    if subject is None or (pronoun == "it" and ctx.type_of(subject.name) is ActorType.PERSON):
        return None
    return subject


def _is_group(name: str) -> bool:
    """Whether an unnamed speaker is a group of people ("unnamed officials at the
    ministry"), for whom "they" stands as for a body: one of ``unnamed_heads`` in the
    plural."""
    return is_unnamed(name) and not _plural_heads().isdisjoint(name.lower().split())


@lru_cache(maxsize=1)
def _plural_heads() -> frozenset[str]:
    heads = load_triggers().raw["speech"]["subjects"]["unnamed_heads"]
    return frozenset(h for h in heads if h.endswith("s") or h == "people")


def _sentence_before(ctx: Context, sentence: Span, *,
                     same_paragraph: bool = True) -> Span | None:
    """The sentence right before ``sentence`` (by default only if in the same paragraph)."""
    pos = sentence.begin - 1
    while pos > 0 and ctx.text[pos].isspace():
        pos -= 1
    before = ctx.sentence_of(pos) if pos > 0 else None
    if before is None or not same_paragraph:
        return before
    paragraph = ctx.paragraph_of(sentence.begin)
    return before if paragraph is not None and before.begin >= paragraph.begin else None


_SUBJECT_REACH = 60
"""How far into a sentence its subject may begin (over an article and modifiers)."""


def _previous_subject(ctx: Context, sentence: Span) -> ActorMention | None:
    """"The Hong Kong-based Post gave a different account. In a report, it said ...": the
    body that is the subject of the sentence right before, in the same paragraph, is what
    "it" / "they" stands for, before the last body that spoke."""
    before = _sentence_before(ctx, sentence)
    if before is None:
        return None
    subject = ctx.clause_subject(before.begin, min(before.end, before.begin + _SUBJECT_REACH))
    if subject is None or ctx.type_of(subject.name) is ActorType.PERSON or \
            not _OPENING_MODIFIERS.fullmatch(ctx.text, before.begin, subject.span.begin):
        return None  # "On 3 December, a day after the BIS package, ...": no opening subject
    return ctx.actor_ending_at(subject.span.end)


_OPENING_MODIFIERS = re.compile(r"\s*(?:(?:The|the|A|An)\s+)?(?:[\w’'.-]+\s+){0,3}")
"""What may stand before a subject that opens its sentence: an article and a few modifiers
("The Hong Kong-based"), no leading phrase set off by a comma."""


def _after_own_text(ctx: Context, sentence: Span) -> bool:
    """Whether the sentence before ``sentence`` (in its paragraph) opens with the text naming
    itself: "This note", "This working paper", "The present study" (``own_text_nouns``),
    with no document of that name issued before it ("X published a report. This report
    ...": that report, which :func:`_document_antecedent` gives to its issuer)."""
    before = _sentence_before(ctx, sentence)
    if before is None:
        return False
    m = _own_text_regex().match(ctx.text, before.begin, before.end)
    if m is None:
        return False
    issued = _indefinite_document(m.group("noun").lower())
    return issued.search(ctx.text, max(0, before.begin - ISSUE_REACH), before.begin) is None


@lru_cache(maxsize=1)
def _own_text_regex() -> re.Pattern[str]:
    subjects = load_triggers().raw["speech"]["subjects"]
    nouns = phrase_alternation(subjects["own_text_nouns"])
    openers = phrase_alternation(subjects["own_text_openers"])
    # (after a heading word that ends in a stop: "Abstract. This note ...")
    return re.compile(rf"\s*(?:[A-Z]\w*[.:]\s+)?(?:{openers})\s+(?:[a-z][\w-]*\s+)?"
                      rf"(?P<noun>{nouns})(?![\w-])")


def _document_antecedent(ctx: Context, sentence: Span) -> ActorMention | None:
    """"X published a notice banning ... The notice took effect at once. It also warns
    that ...": when the sentence before opens with a document (``document_nouns``) as
    its subject, "it" is that document, which speaks for whoever issued it: the subject of
    the last sentence naming such a document with an indefinite article."""
    before = _sentence_before(ctx, sentence, same_paragraph=False)
    if before is None:
        return None
    m = _the_document_regex().match(ctx.text, before.begin, before.end)
    if m is None or ctx.actors_in(before.begin, m.end()):
        return None
    noun = m.group("noun")
    issued = None
    for found in _indefinite_document(noun).finditer(ctx.text, max(0, before.begin
                                                                   - ISSUE_REACH),
                                                      before.begin):
        issued = found
    if issued is None:
        return None
    where = ctx.sentence_of(issued.start())
    subject = ctx.clause_subject(where.begin, issued.start()) if where is not None else None
    return ctx.actor_ending_at(subject.span.end) if subject is not None else None


@lru_cache(maxsize=1)
def _the_document_regex() -> re.Pattern[str]:
    return re.compile(rf"\s*The\s+(?:[a-z][\w-]*\s+)?(?P<noun>(?i:{document_nouns()}))"
                      rf"(?![\w-])")



@lru_cache(maxsize=32)
def _indefinite_document(noun: str) -> re.Pattern[str]:
    """"published a notice", "issued an updated notice": the document issued."""
    return re.compile(rf"(?<![\w-])(?:a|an)\s+(?:[\w-]+\s+)?{phrase_pattern(noun.lower())}"
                      rf"(?![\w-])", re.IGNORECASE)


def _inside_reported_clause(ctx: Context, begin: int, offset: int) -> bool:
    """Whether ``offset`` follows a speech verb and "that" in its sentence ("... wrote in a
    note that they ...")."""
    for m in ctx.triggers.speech_regex.finditer(ctx.text, begin, offset):
        if re.search(r"\bthat\s*$|\bthat\b", ctx.text[m.end():offset]):
            return True
    return False


_OUTLET_REACH = 3000
"""How far back the outlet a description stands for is looked for (a few paragraphs)."""


def outlet_anaphor(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"The Tokai Keizai Shimbun reported ... The paper said both ...": "the paper" (one of
    ``outlet_anaphors``, perhaps with a modifier: "the Nagoya daily") as the subject of a
    speech verb is the outlet last named before it."""
    m = _outlet_anaphor_regex().search(ctx.text, max(trigger.sentence.begin,
                                                     trigger.verb.begin - 60),
                                       trigger.verb.begin)
    if m is None or ctx.in_quote(m.start()) is not None or \
            not _OPENS_CLAUSE.search(ctx.text[trigger.sentence.begin:m.start()]):
        return None
    for mention in reversed(ctx.actors_in(max(0, m.start() - _OUTLET_REACH), m.start())):
        if mention.type is ActorType.MEDIA:
            return Subject(mention.name, Span.of(ctx.text, m.start(), m.end("noun")))
    return None


def court_anaphor(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"The U.S. Court of International Trade ruled ... The panel held that ...", "the court
    said the law 'does not violate' ...": "the" and one of ``court_anaphors`` (perhaps with a
    modifier: "the trade court") as the subject of a speech verb, right before the verb or
    opening its sentence with no actor named between, is the court last named before it (a
    body whose name holds one of ``court_name_words``).  With no court named, nothing: "the
    panel" of a conference is no court."""
    floor = max(trigger.sentence.begin, trigger.verb.begin - 60)
    m = _court_anaphor_regex().search(ctx.text, floor, trigger.verb.begin)
    if m is None or not _OPENS_CLAUSE.search(ctx.text[trigger.sentence.begin:m.start()]):
        # "The panel granted summary judgment to the plaintiffs and held that ...": the
        # description opens the sentence and no actor stands between it and the verb, a
        # verb of words ("The court vacated the orders, giving the administration days to
        # issue orders ..." names an act of others, not the court's words).
        if trigger.cls not in ("say", "announce"):
            return None
        m = _court_opening_regex().match(ctx.text, trigger.sentence.begin, trigger.verb.begin)
        if m is None or ctx.actors_in(m.end(), trigger.verb.begin):
            return None
    if ctx.in_quote(m.start()) is not None:
        return None
    words = load_triggers().raw["speech"]["court_name_words"]
    for mention in reversed(ctx.actors_in(max(0, m.start() - _OUTLET_REACH), m.start())):
        if mention.type in (ActorType.GOVERNMENT_BODY, ActorType.ORGANIZATION) and any(
                re.search(rf"\b{re.escape(w)}\b", mention.name) for w in words):
            return Subject(mention.name, Span.of(ctx.text, m.start("np"), m.end("np")))
    return None


@lru_cache(maxsize=1)
def _court_anaphor_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["court_anaphors"])
    return re.compile(rf"(?<![\w-])(?P<np>(?:The|the)\s+(?:[\w-]+\s+)?(?:{nouns}))\s+"
                      rf"(?:(?:also|later|then|again|[a-z]+ly)\s+)?$")


@lru_cache(maxsize=1)
def _court_opening_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["court_anaphors"])
    return re.compile(rf"\s*(?P<np>The\s+(?:[\w-]+\s+)?(?:{nouns}))(?![\w-])")


def outlet_described_at(ctx: Context, offset: int) -> ActorMention | None:
    """"According to the paper, ...": the outlet last named before ``offset`` when "the"
    and one of ``outlet_anaphors`` stand right after it, as a mention spanning the
    description."""
    m = _described_outlet_regex().match(ctx.text, offset)
    if m is None:
        return None
    for mention in reversed(ctx.actors_in(max(0, offset - _OUTLET_REACH), offset)):
        if mention.type is ActorType.MEDIA:
            return replace(mention, span=Span.of(ctx.text, m.start("np"), m.end()))
    return None


@lru_cache(maxsize=1)
def _described_outlet_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["outlet_anaphors"])
    return re.compile(rf"\s*(?P<np>the\s+(?:[\w-]+\s+)?(?:{nouns}))(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _outlet_anaphor_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["outlet_anaphors"])
    return re.compile(rf"(?<![\w-])(?:The|the)\s+(?:[\w-]+\s+)?(?P<noun>{nouns})\s+"
                      rf"(?:(?:also|later|then|again|earlier|[a-z]+ly)\s+)?$")


def group_anaphor(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"Two government sources said ... the sources told Reuters": "the" and a noun of
    unnamed people (``[speech.subjects] unnamed_heads``) as the subject of a speech verb
    is the unnamed group or person last named with that noun."""
    m = _group_anaphor_regex().search(ctx.text, max(trigger.sentence.begin,
                                                    trigger.verb.begin - 40),
                                      trigger.verb.begin)
    if m is None or ctx.in_quote(m.start()) is not None:
        return None
    if not _OPENS_CLAUSE.search(ctx.text[trigger.sentence.begin:m.start()]):
        return None  # "the concerns of the officials said ...": not a subject
    noun = m.group("noun").lower()
    for mention in reversed(ctx.actors_in(max(0, m.start() - _OUTLET_REACH), m.start())):
        if is_unnamed(mention.name) and mention.name.lower().split()[-1] == noun:
            return Subject(mention.name, Span.of(ctx.text, m.start(), m.end("noun")))
    return None


_OPENS_CLAUSE = re.compile(r"(?:^|[,;:—–!?]['’\"”]?|\b(?:and|but|while))\s*\Z")
"""What may stand right before a subject: the sentence's start, a comma (after a closing
quotation mark too: '"...," the official said'), a conjunction."""


@lru_cache(maxsize=1)
def _group_anaphor_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["subjects"]["unnamed_heads"])
    return re.compile(rf"(?<![\w-])(?P<np>(?:The|the)\s+(?P<noun>{nouns}))\s+"
                      rf"(?:(?:also|later|then|[a-z]+ly)\s+)?$")


def entourage_speaker(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """'"...," his campaign said', "her office told reporters": "his" / "her" and one of
    ``entourage_nouns`` as the subject of a speech verb speaks for the person named earlier
    in the sentence (outside quotation), else for the person who is the subject of the
    sentence before it in the paragraph."""
    m = _entourage_regex().search(ctx.text, max(trigger.sentence.begin,
                                                 trigger.verb.begin - 40), trigger.verb.begin)
    if m is None or ctx.in_quote(m.start()) is not None or \
            not _OPENS_CLAUSE.search(ctx.text[trigger.sentence.begin:m.start()]):
        return None
    span = Span.of(ctx.text, m.start(), m.end("noun"))
    for mention in reversed(ctx.actors_in(trigger.sentence.begin, m.start())):
        if mention.type is ActorType.PERSON and ctx.in_quote(mention.span.begin) is None:
            return Subject(mention.name, span)
    before = _sentence_before(ctx, trigger.sentence)
    if before is None:
        return None
    subject = ctx.clause_subject(before.begin, min(before.end, before.begin + _SUBJECT_REACH))
    if subject is None or ctx.type_of(subject.name) is not ActorType.PERSON:
        return None
    return Subject(subject.name, span)


@lru_cache(maxsize=1)
def _entourage_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["subjects"]["entourage_nouns"])
    # "his"/"her" stay here: the possessives of the person pronouns, not a word list to extend
    return re.compile(rf"(?<![\w-])(?:[Hh]is|[Hh]er)\s+(?P<noun>{nouns})\s+"
                      rf"(?:(?:also|later|then|[a-z]+ly)\s+)?$")


_GOVERNMENT_NOUNS = "|".join(map(
    re.escape, load_triggers().raw["speech"]["subjects"]["government_anaphors"]))
"""``[speech.subjects] government_anaphors`` as an alternation ("government")."""
_GOVERNMENT = re.compile(rf"(?<![\w-])(?:The|the)\s+(?:{_GOVERNMENT_NOUNS})\s+"
                         r"(?:(?:also|later|then|[a-z]+ly)\s+)?$")
""""the government" before a speech verb."""
_STORY_SENTENCES = 8
"""Sentences back over which a story's state is looked for (see :func:`government_anaphor`)."""


_GOVERNMENT_OPENING = re.compile(r"(?P<dateline>[^.!?\"“”]{0,80}?(?:--|[-–—])\s+)?"
                                 rf"(?P<np>The\s+(?:{_GOVERNMENT_NOUNS}))\s")
"""A sentence (perhaps after its dateline) whose subject is "The government", with the
clause to the speech verb between (see :func:`_dateline_government`)."""


def _dateline_government(ctx: Context, trigger: SpeechTrigger,
                         m: re.Match[str]) -> Subject | None:
    """"SEOUL, July 2 (Yonhap) -- The government expressed regret ... and said ...": in the
    sentence that carries the dateline, "The government" opening the story is the
    government of the state the dateline's place belongs to."""
    if m.group("dateline") is None:
        return None
    dates = [d for d in ctx.dates_in(trigger.sentence.begin, m.start("np"))
             if ctx.is_dateline(d.span)]
    if not dates:
        return None
    # the place as a mention, or (printed in capitals: "SEOUL,") as the article names it
    # elsewhere ("Seoul")
    place = ctx.text[trigger.sentence.begin:dates[0].span.begin].strip(" ,/-–—").lower()
    for mention in [*ctx.actors_in(trigger.sentence.begin, dates[0].span.begin),
                    *(a for a in ctx.actors
                      if re.sub(r"['’]s$", "", a.span.text.lower()) == place)]:
        state = mention.name if mention.type is ActorType.STATE else ctx.state_of(mention.name)
        if state is not None:
            return Subject(state, Span.of(ctx.text, m.start("np"), m.end("np")))
    return None


def government_anaphor(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """'"...," the government said in a statement': a bare "the government" after a
    quotation it is credited with is the government of the state the story was last about:
    the nearest state before that is the subject of its sentence ("Russia on Sept. 21
    banned ... . '...,' the government said").  Only after a quotation: the words given
    verbatim are surely someone's, where a report ("X did Y, the government said") may
    be an act's account."""
    m = _GOVERNMENT.search(ctx.text, max(trigger.sentence.begin, trigger.verb.begin - 30),
                           trigger.verb.begin)
    if m is None:
        m = _GOVERNMENT_OPENING.match(ctx.text, trigger.sentence.begin, trigger.verb.begin)
        return _dateline_government(ctx, trigger, m) if m is not None else None
    quote = quote_before(ctx, m.start())
    if quote is None or quote.outer.begin < trigger.sentence.begin or \
            ctx.text[trigger.sentence.begin:quote.outer.begin].strip():
        return None
    before = [s for s in ctx.sentences_in(0, trigger.sentence.begin)
              if s.end <= trigger.sentence.begin]
    for sentence in reversed(before[-_STORY_SENTENCES:]):
        subject = ctx.clause_subject(sentence.begin, sentence.end)
        if subject is not None and ctx.type_of(subject.name) is ActorType.STATE:
            return Subject(subject.name, Span.of(ctx.text, m.start(),
                                                 m.start() + len(m.group().rstrip())))
    return None
