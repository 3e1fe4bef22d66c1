"""Who speaks: the speaker of a speech trigger (:mod:`.speech_triggers`).

The statement extractor (:mod:`.statements`) asks, for each trigger:

* :func:`finite_subject` -- the subject of a finite verb: the actor right before it (over
  adverbials: "Guo Jiakun on 14th at the regular press conference also said"; over an
  outlet's description: "The Nikkei business daily reported"), the antecedent of a
  relative "who" (", Sanae Takaichi, who suggested ..."), the first part of a coordinated
  subject ("the ministry and its embassy in Tokyo advise"); never an actor inside a
  relative clause before the verb ("The ban, which the ministry published, does not ...");
* :func:`coordinated_subject` -- a verb coordinated after a statement with no subject of
  its own shares that statement's speaker ("He said A, and stressed that B");
* :func:`pronoun_speaker` -- "It said", "They added": the last organisation or state that
  spoke, the body the paragraph is about, or, in a clause coordinated after a statement
  ("X said A, and it warned B"), that statement's speaker;
* :func:`sentence_speaker` -- the subject of a participle (", calling it ..."): the
  speaker of the sentence's first statement, else its first actor after a leading topic
  phrase ("Regarding the report that X ..., Kihara refrained, saying ...");
* :func:`speaker_after`, :func:`inverted_attribution`, :func:`apposition_head` -- a
  speaker named after the verb ('"...," said He Yadong, a spokesperson'), or before it
  past an apposition ('"...," Lucia Silva, a fellow at X, warned');
* :func:`partitive_speaker` -- "One of them said": the group of people that spoke last;
* :func:`document_owner`, :func:`source_left` -- the possessor of a document ("Beijing's
  Nov. 14 advisory urging ...") and the source just named ("reports in X, suggesting").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActorType, Span
from .context import Context, Subject
from .speech_triggers import SpeechTrigger
from .triggers import load_triggers, phrase_pattern


def apposition_head(ctx: Context, left: Subject, sentence: Span) -> Subject | None:
    """The person before ", a title at <left>" (the apposition ``left`` ends)."""
    window = ctx.text[max(sentence.begin, left.span.begin - 120):left.span.begin]
    m = re.search(r",\s+(?:(?:a|an|the)\s+[^,;:\"“”]{0,100})?$", window)
    if m is None:
        return None
    comma = left.span.begin - len(window) + m.start()
    head = ctx.actor_ending_at(comma)
    if head is None or head.type is not ActorType.PERSON:
        return None
    return Subject(head.name, head.span)


def speaker_after(ctx: Context, offset: int, sentence: Span) -> Subject | None:
    """The speaker named right after a verb: '"...," said He Yadong, a spokesperson'."""
    pos = offset
    while pos < sentence.end and ctx.text[pos].isspace():
        pos += 1
    mention = ctx.actor_at(pos)
    if mention is not None:
        return Subject(mention.name, mention.span)
    window = ctx.text[pos:min(sentence.end, pos + ctx.triggers.attribution_window)]
    for mention in ctx.actors_in(pos, pos + len(window)):
        described = ctx.described_person(mention)
        if described is not None and described.span.begin == pos:
            return described
    # '"...," said the spokesperson.': a title alone.
    title = re.match(r"the\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+(?=\s*[,.;]|\s+(?:on|in|at)\b)",
                     window, re.IGNORECASE)
    return titled_person(ctx, pos + title.end(), pos) if title is not None else None


def document_owner(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"Beijing's Nov. 14 advisory urging citizens to ...": the possessor of a document
    noun (``document_nouns`` in ``[speech]``) right before a participle."""
    m = _document_regex().search(ctx.text, max(trigger.sentence.begin,
                                               trigger.verb.begin - 80), trigger.verb.begin)
    if m is None:
        return None
    end = m.start() + len(m.group("owner"))
    owner = ctx.actor_ending_at(end) or ctx.actor_ending_at(end - 2)
    return Subject(owner.name, owner.span) if owner is not None else None


@lru_cache(maxsize=1)
def _document_regex() -> re.Pattern[str]:
    nouns = "|".join(sorted((phrase_pattern(n) for n in
                             load_triggers().raw["speech"]["document_nouns"]),
                            key=len, reverse=True))
    return re.compile(rf"(?P<owner>[\w.’'-]+['’]s)\s+(?:[\w.,-]+\s+){{0,3}}?(?:{nouns})\s+$",
                      re.IGNORECASE)


def source_left(ctx: Context, offset: int, floor: int) -> Subject | None:
    """"reports in X, suggesting" / "sources, like X, indicating": the source X."""
    pos = offset
    while pos > floor and ctx.text[pos - 1] in " ,'’\"”":
        pos -= 1
    mention = ctx.actor_ending_at(pos)
    if mention is None or mention.span.begin < floor:
        return None
    before = ctx.text[max(floor, mention.span.begin - 30):mention.span.begin].lower().split()
    if not before:
        return None
    if before[-1] in ("like", "as", "including") or (
            len(before) >= 2 and before[-2].strip(",") in ctx.triggers.report_nouns
            and before[-1] in ("in", "by", "from", "of")):
        return Subject(mention.name, mention.span)
    return None


def sentence_speaker(ctx: Context, trigger: SpeechTrigger,
                      found: list[SpeechTrigger]) -> Subject | None:
    """The subject of the sentence: the speaker of its first statement, else its first
    eligible actor."""
    for other in found:
        if other is trigger:
            break
        if other.speaker is not None and not other.dropped and other.cls != "according":
            return other.speaker
    begin = trigger.sentence.begin
    lead = _TOPIC_LEAD.match(ctx.text, begin, trigger.verb.begin)
    if lead is not None:
        begin = lead.end()  # "Regarding the report that the Chinese side ..., Kihara ..."
    return ctx.clause_subject(begin, trigger.verb.begin)


_TOPIC_LEAD = re.compile(r"(?:Regarding|Concerning|As\s+(?:for|to|regards)|With\s+regard\s+to|"
                         r"In\s+response\s+to|Responding\s+to|Asked\s+(?:about|whether|if|why|"
                         r"how|what|when)|When\s+asked|Turning\s+to|On\s+the\s+(?:question|"
                         r"issue|matter|report)s?\s+of)\b[^,;]{1,200},\s*")
"""A leading topic phrase, whose actors are not the sentence's subject."""


_COORDINATED = re.compile(r"(?:[,;]['’\"”]?\s*|\s)(?:and|but|then)\s+(?:(?:also|then|later|again|"
                          r"further|still|repeatedly|[a-z]+ly)\s+){0,2}$")
_COORDINATED_PRONOUN = re.compile(r"(?:[,;]['’\"”]?\s*(?:and|but|while)?|\s(?:and|but))\s+$")


def _previous_speaker(trigger: SpeechTrigger, found: list[SpeechTrigger]) -> Subject | None:
    """The speaker of the last statement of the sentence before ``trigger``."""
    for other in reversed(found):
        if other.verb.begin < trigger.verb.begin and not other.dropped and \
                other.speaker is not None and other.cls != "according":
            return other.speaker
    return None


def coordinated_subject(ctx: Context, trigger: SpeechTrigger,
                         found: list[SpeechTrigger]) -> Subject | None:
    """"He said A, and stressed that B", "lodged a protest, stating ..., and strongly
    requested the withdrawal": a verb coordinated after another with no subject of its
    own shares the subject of the sentence's statement before it."""
    window = ctx.text[max(trigger.sentence.begin, trigger.verb.begin - 40):trigger.verb.begin]
    if _COORDINATED.search(window) is None:
        return None
    return _previous_speaker(trigger, found)


def finite_subject(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    text = ctx.text
    left = text[max(trigger.sentence.begin, trigger.verb.begin - 50):trigger.verb.begin]
    if re.search(r",\s*(?:who|which)\s+(?:(?:has|have|had|also|earlier|previously|"
                 r"repeatedly|\w+ly)\s+){0,3}$", left):
        # "..., Sanae Takaichi, who suggested ...": the relative pronoun's antecedent.
        comma = text.rfind(",", trigger.sentence.begin, trigger.verb.begin)
        mention = ctx.actor_ending_at(comma)
        if mention is not None:
            return Subject(mention.name, mention.span)
    titled = titled_person(ctx, trigger.verb.begin, trigger.sentence.begin)
    if titled is not None:
        return titled
    before = (ctx.word_before(trigger.verb.begin) or "").lower()
    if trigger.tense == "present" and before in ("and", "or", "but", "then"):
        # "X summons the ambassador and demands that ...": the subject the verbs share.
        return ctx.subject(trigger.verb.begin, trigger.sentence.begin)
    if trigger.tense == "present" or (trigger.tense == "base" and before not in ("and", "or")):
        # "remarks", "claims", "reports" are nouns as often as verbs: as verbs they follow
        # their subject ("China says", "Analysts warn").
        return ctx.subject_left_of(trigger.verb.begin, trigger.sentence.begin) or \
            _subject_over_adverbials(ctx, trigger) or _first_conjunct(ctx, trigger)
    subject = ctx.subject(trigger.verb.begin, trigger.sentence.begin)
    if subject is not None and _in_relative_clause(ctx, subject.span, trigger):
        return None  # "The ban, which the ministry published on Jan. 7, does not name ..."
    return subject or _subject_over_adverbials(ctx, trigger)


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern[str]:
    nouns = "|".join(sorted((phrase_pattern(d) for d in
                             load_triggers().raw["speech"]["subjects"]["descriptors"]),
                            key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])the\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{nouns})"
                      rf"(?:\s*,[^,]{{1,60}},)?(?:\s+(?:also|again|later|then|[a-z]+ly))?\s*$",
                      re.IGNORECASE)


def titled_person(ctx: Context, end: int, floor: int) -> Subject | None:
    """"The spokesperson said", "the minister added": a title alone names the person the
    article described with it (``Context.persons_described``), the last one mentioned
    before when several were."""
    m = _title_regex().search(ctx.text, max(floor, end - 90), end)
    if m is None or ctx.actors_in(m.start(), end):
        return None  # "the trade minister, Ryosei Akazawa, said": the name speaks
    named = set(ctx.persons_described(m.group("noun")))
    if not named:
        return None
    for mention in reversed(ctx.actors_in(0, m.start())):
        if mention.name in named:
            span = Span.of(ctx.text, m.start(), m.start("noun") + len(m.group("noun")))
            return Subject(mention.name, span)
    return None


_PARTITIVE = re.compile(r"(?<![\w’'-])(?:one|two|three|some|several|each|another|both|"
                        r"either|all|none|neither)\s+of\s+(?:them|those|these)"
                        r"(?:\s*,[^,]{1,80},)?(?:\s+(?:also|later|then|[a-z]+ly))?\s*$",
                        re.IGNORECASE)


def partitive_speaker(ctx: Context, trigger: SpeechTrigger,
                      speakers: list[str]) -> Subject | None:
    """"Two officials said A. One of them said B": a part of the group that spoke last (a
    person or group of people) speaks for it."""
    m = _PARTITIVE.search(ctx.text, max(trigger.sentence.begin, trigger.verb.begin - 120),
                          trigger.verb.begin)
    if m is None:
        return None
    for name in reversed(speakers):
        if ctx.type_of(name) is ActorType.PERSON:
            return Subject(name, Span.of(ctx.text, m.start(), m.end()))
    return None


def _in_relative_clause(ctx: Context, span: Span, trigger: SpeechTrigger) -> bool:
    """Whether ``span`` lies in a relative clause set off by commas before the verb."""
    before = ctx.text[trigger.sentence.begin:span.begin]
    opening = _RELATIVE_OPENING.search(before)
    if opening is None or "," in before[opening.end():]:
        return False
    return "," in ctx.text[span.end:trigger.verb.begin]


_RELATIVE_OPENING = re.compile(r",\s+(?:which|that|who|whom|whose)\b[^,]*$")
_ADVERBIALS = re.compile(
    r"(?:\s*,?\s*(?:(?:on|at|in|during|after|before|via|through|from|over)\s+"
    r"(?:[\w’'-]+\s+){0,5}?[\w’'-]+|also|again|earlier|later|then|today|yesterday|"
    r"[a-z]+ly)\s*,?)+\s*")


@lru_cache(maxsize=1)
def _media_noun_regex() -> re.Pattern[str]:
    nouns = "|".join(sorted((phrase_pattern(n) for n in
                             load_triggers().raw["speech"]["media_nouns"]),
                            key=len, reverse=True))
    return re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)


_SECOND_CONJUNCT = re.compile(r"\s+and\s+(?:its|their|the|his|her)\s+[\w’' -]{1,40}?\s*$")


def _first_conjunct(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"China's foreign ministry and its embassy in Tokyo advise ...": a coordinated subject
    whose second part names no actor speaks as its first part."""
    for mention in reversed(ctx.actors_in(trigger.sentence.begin, trigger.verb.begin)):
        if _SECOND_CONJUNCT.fullmatch(ctx.text, mention.span.end, trigger.verb.begin) and \
                ctx.is_eligible_subject(mention):
            return Subject(mention.name, mention.span)
    return None


def _subject_over_adverbials(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"Guo Jiakun on 14th at the regular press conference also said": the actor before
    a run of prepositional phrases and adverbs."""
    for mention in reversed(ctx.actors_in(trigger.sentence.begin, trigger.verb.begin)):
        gap = ctx.text[mention.span.end:trigger.verb.begin]
        if mention.type is ActorType.MEDIA:
            # "The Nikkei business daily reported": the outlet and what it is.
            described = _media_noun_regex().match(gap)
            gap = gap[described.end():] if described is not None else gap
        if gap.strip() and _ADVERBIALS.fullmatch(gap) is None:
            return None  # the nearest actor before the verb is not its subject
        if not ctx.is_eligible_subject(mention):
            return None
        described = ctx.described_person(mention)
        return described or Subject(mention.name, mention.span)
    return None


def pronoun_speaker(ctx: Context, trigger: SpeechTrigger, speakers: list[str],
                     found: list[SpeechTrigger]) -> Subject | None:
    """"It said ...", "They added ...": the last organisation or state that spoke; in a
    clause coordinated after a statement ("X said A, and it warned B"), its speaker."""
    m = re.search(r"(?<![\w])([\w’']+)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?$",
                  ctx.text[max(trigger.sentence.begin, trigger.verb.begin - 30):
                           trigger.verb.begin])
    if m is None or m.group(1).lower() not in ctx.triggers.other_pronouns:
        return None
    begin = trigger.verb.begin - len(m.group())
    span = Span.of(ctx.text, begin, begin + len(m.group(1)))
    if _COORDINATED_PRONOUN.search(ctx.text, max(trigger.sentence.begin, begin - 12), begin):
        previous = _previous_speaker(trigger, found)
        if previous is not None and ctx.type_of(previous.name) is not ActorType.PERSON:
            return Subject(previous.name, span)
    if _inside_reported_clause(ctx, trigger.sentence.begin, begin):
        return None  # "wrote that they expected": the writer, whom the clause before names
    for name in reversed(speakers):
        if ctx.type_of(name) is not ActorType.PERSON:
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


def _inside_reported_clause(ctx: Context, begin: int, offset: int) -> bool:
    """Whether ``offset`` follows a speech verb and "that" in its sentence ("... wrote in a
    note that they ...")."""
    for m in ctx.triggers.speech_regex.finditer(ctx.text, begin, offset):
        if re.search(r"\bthat\s*$|\bthat\b", ctx.text[m.end():offset]):
            return True
    return False


def inverted_attribution(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"..., said Michiko Arai, a professor at ...": a speaker named after the verb that
    ends the sentence, after a comma; the words are those before the comma."""
    if trigger.cls != "say" or trigger.tense not in ("past", "present"):
        return None
    if not re.search(r",['’\"”]?\s*$", ctx.text[max(trigger.sentence.begin,
                                                     trigger.verb.begin - 4):
                                                 trigger.verb.begin]):
        return None
    speaker = speaker_after(ctx, trigger.verb.end, trigger.sentence)
    if speaker is None:
        return None
    rest = ctx.text[speaker.span.end:trigger.sentence.end]
    if not re.fullmatch(r"(?:,[^,;:\"“”]{0,120}?)?(?:\s+(?:on|in|at)\s+[\w’' -]{1,40}?)?"
                        r"\s*[.!?]?\s*", rest):
        return None
    return speaker
