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
* :func:`.statement_anaphora.pronoun_speaker` -- "It said", "They added" (its own module);
* :func:`sentence_speaker` -- the subject of a participle (", calling it ..."): the
  speaker of the sentence's first statement, else its first actor after a leading topic
  phrase ("Regarding the report that X ..., Kihara refrained, saying ...");
* :func:`speaker_after`, :func:`inverted_attribution`, :func:`apposition_head` -- a
  speaker named after the verb ('"...," said He Yadong, a spokesperson'), or before it
  past an apposition ('"...," Lucia Silva, a fellow at X, warned'), or after a lower-case
  description in translated text ('"...", affirmed the minister Tereza Cristina':
  :mod:`.statement_descriptions`);
* :func:`partitive_speaker` -- "One of them said": the group of people that spoke last;
* :func:`pronoun_passed_over` -- "he said" after an unnamed person spoke names nobody
  the article names;
* :func:`absolute_subject` -- the actor before a participle in a "with" clause (", with
  spokesperson X telling reporters ...");
* :func:`document_owner`, :func:`source_left` -- the possessor of a document ("Beijing's
  Nov. 14 advisory urging ...") and the source just named ("reports in X, suggesting").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActorMention, ActorType, Span
from .context import Context, Subject
from .memo import memoized
from .speech_triggers import SpeechTrigger
from .statement_descriptions import named_after_description
from .text import ends_a_longer_name
from .triggers import load_triggers, phrase_alternation

_APPOSITION_END = re.compile(r",\s+(?:(?:a|an|the)\s+[^,;:\"“”]{0,100})?$")
_RELATIVE_PRONOUN = re.compile(r",\s*(?:who|which)\s+(?:(?:has|have|had|also|earlier|"
                               r"previously|repeatedly|\w+ly)\s+){0,3}$")
WORD_BEFORE_VERB = re.compile(r"(?<![\w])([\w’']+)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?$")
"""Patterns of the speaker finders, compiled once (they run for every speech verb)."""


def apposition_head(ctx: Context, left: Subject, sentence: Span) -> Subject | None:
    """The person before ", a title at <left>" (the apposition ``left`` ends)."""
    window = ctx.text[max(sentence.begin, left.span.begin - 120):left.span.begin]
    m = _APPOSITION_END.search(window)
    if m is None:
        return None
    comma = left.span.begin - len(window) + m.start()
    head = ctx.actor_ending_at(comma)
    if head is None or head.type is not ActorType.PERSON:
        return None
    return Subject(head.name, head.span)


_THE_TITLE = re.compile(r"the\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+(?=\s*[,.;]|\s+(?:on|in|at)\b)",
                        re.IGNORECASE)
"""A title alone after a speech verb ('"...," said the spokesperson.')."""


def speaker_after(ctx: Context, offset: int, sentence: Span) -> Subject | None:
    """The speaker named right after a verb: '"...," said He Yadong, a spokesperson'."""
    pos = offset
    while pos < sentence.end and ctx.text[pos].isspace():
        pos += 1
    mention = ctx.actor_at(pos)
    if mention is None and ctx.text[pos:pos + 1].isupper():
        # '"...," said Professor Ahn Duk-geun of ...': a title before the name
        titled = _title_before_name_regex().match(ctx.text, pos, sentence.end)
        mention = ctx.actor_at(titled.end()) if titled is not None else None
        if mention is None:
            mention = _person_after_title(ctx, pos, sentence.end)
        if mention is not None and mention.type is not ActorType.PERSON:
            mention = None
    if mention is not None:
        return Subject(mention.name, mention.span)
    window = ctx.text[pos:min(sentence.end, pos + ctx.triggers.attribution_window)]
    for mention in ctx.actors_in(pos, pos + len(window)):
        described = ctx.described_person(mention)
        if described is not None and described.span.begin == pos:
            return described
    # '"...," said the spokesperson.': a title alone.
    title = _THE_TITLE.match(window)
    by_title = titled_person(ctx, pos + title.end(), pos) if title is not None else None
    if by_title is not None:
        return by_title
    mention = named_after_description(ctx, pos, pos + len(window))
    return Subject(mention.name, mention.span) if mention is not None else None


_TITLE_WORD = re.compile(r"(?:[A-Z][\w.’'-]*|of|for|and|the)\s+")
_TITLE_WORDS = 6
"""Most words of a capitalised title before an inverted speaker's name."""


def _person_after_title(ctx: Context, pos: int, end: int) -> ActorMention | None:
    """'"...," said High Representative Josep Borrell': a person named after a capitalised
    title of any wording ("High Representative", "Foreign Minister", "Tokyo Electron CEO"),
    which the actor patterns left outside the name; only title-case words and the
    function words of a title ("Minister of State for Trade") stand between."""
    for _ in range(_TITLE_WORDS):
        word = _TITLE_WORD.match(ctx.text, pos, end)
        if word is None:
            return None
        pos = word.end()
        mention = ctx.actor_at(pos)
        if mention is not None:
            return mention if mention.type is ActorType.PERSON else None
    return None


@lru_cache(maxsize=1)
def _title_before_name_regex() -> re.Pattern[str]:
    """One to three capitalised titles (``honorifics``, ``descriptors``) before a name."""
    subjects = load_triggers().raw["speech"]["subjects"]
    titles = phrase_alternation([*subjects["honorifics"],
                                 *(d.title() for d in subjects["descriptors"])])
    return re.compile(rf"(?:(?:{titles})\.?\s+){{1,3}}")


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
    nouns = document_nouns()
    return re.compile(rf"(?P<owner>[\w.’'-]+['’]s)\s+(?:[\w.,-]+\s+){{0,3}}?(?:{nouns})\s+$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def document_nouns() -> str:
    return phrase_alternation(load_triggers().raw["speech"]["document_nouns"])


@lru_cache(maxsize=1)
def _document_subject_regex() -> re.Pattern[str]:
    """A document noun (and perhaps one modifier before it) right before a verb."""
    return re.compile(rf"(?<![\w-])(?:(?!(?:the|a|an|its|their|his|her|this|that)\s)"
                      rf"(?P<mod>(?-i:[a-z])[\w-]*)\s+)?(?P<noun>{document_nouns()})\s+"
                      rf"(?:(?:also|further|then|(?-i:[a-z]+ly))\s+)?$",
                      re.IGNORECASE)


def document_subject(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"A MOFCOM statement said ...", "Foreign Ministry statement called ...": a document
    speaks for the actor it is named after; "..., the statement said" for the actor whose
    document of that kind was named last, in its paragraph or the one before ("according
    to a MOFCOM statement. ... the statement said"): its author's words."""
    begin = max(trigger.sentence.begin, trigger.verb.begin - 40)
    m = _document_subject_regex().search(ctx.text, begin, trigger.verb.begin)
    if m is None:
        return None
    head = m.start("mod") if m.group("mod") else m.start("noun")
    span = Span.of(ctx.text, head, m.end("noun"))
    owner = ctx.actor_ending_at(_owner_end(ctx, head))
    if owner is not None and owner.span.begin >= trigger.sentence.begin:
        return Subject(owner.name, Span.of(ctx.text, owner.span.begin, m.end("noun")))
    if (ctx.word_before(head) or "").lower() != "the":
        return None
    # "the statement said": the owner of the last such document named in the paragraph
    # or the one before
    paragraph = ctx.paragraph_of(trigger.verb.begin)
    floor = paragraph.begin if paragraph is not None else trigger.sentence.begin
    earlier = [p for p in ctx.paragraphs if p.end <= floor]
    floor = earlier[-1].begin if earlier else floor
    noun = m.group("noun").lower()
    named = _named_document_owner(ctx, noun, floor, head)
    if named is None and trigger.cls != "negation":
        # Failing that, the owner of the last such document a few paragraphs back ("The
        # MOFCOM announcement bans ... [two claims later] The announcement says ..."), or
        # the body that issued one or spoke (:func:`_document_issuer`); what a document
        # leaves out ("the notice did not name any country") only describes it.
        named = _named_document_owner(ctx, noun, max(0, head - 2 * ISSUE_REACH), floor) \
            or _document_issuer(ctx, trigger.sentence)
    return Subject(named.name, span) if named is not None else None


def _named_document_owner(ctx: Context, noun: str, floor: int, end: int
                          ) -> ActorMention | None:
    """The actor the last ``noun`` between ``floor`` and ``end`` is named after."""
    named = None
    lower = ctx.text[:end].lower()
    at = lower.find(noun, floor)
    while at != -1:
        previous = _DOCUMENT_MODIFIER.search(ctx.text, max(floor, at - 30), at)
        found = ctx.actor_ending_at(_owner_end(ctx, previous.start() if previous else at))
        named = found or named
        at = lower.find(noun, at + len(noun))
    return named


_ISSUERS = (ActorType.GOVERNMENT_BODY, ActorType.STATE, ActorType.ORGANIZATION,
            ActorType.COMPANY)


def _document_issuer(ctx: Context, sentence: Span) -> ActorMention | None:
    """"MOFCOM issued Announcement No. 1 ... The notice says ...", "The ministry said that
    ... The announcement added that ...": a definite document no actor's name came with is
    the text of the body that last issued a document or, in the sentence just before,
    spoke: the subject of the nearest sentence before (a few paragraphs back at most)
    that names a document, or of the one right before if a body's speech verb is there."""
    nouns = _any_document_regex()
    for n, before in enumerate(reversed(ctx.sentences_in(max(0, sentence.begin - ISSUE_REACH),
                                                         sentence.begin))):
        if before.end > sentence.begin:
            continue
        spoke = n == 0 and ctx.triggers.speech_regex.search(ctx.text, before.begin, before.end)
        if not spoke and nouns.search(ctx.text, before.begin, before.end) is None:
            continue
        subject = ctx.clause_subject(before.begin, before.end)
        if subject is None:
            return None
        mention = ctx.actor_ending_at(subject.span.end)
        if mention is None or ctx.type_of(mention.name) not in _ISSUERS:
            return None
        return mention
    return None


@lru_cache(maxsize=1)
def _any_document_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{document_nouns()})(?![\w-])", re.IGNORECASE)


_DOCUMENT_MODIFIER = re.compile(r"(?<![\w-])[a-z][\w-]*\s+$")
"""One lower-case modifier before a document noun ("MOFCOM's written statement")."""


def _owner_end(ctx: Context, end: int) -> int:
    """Where the owner's name ends before white space and a possessive ending."""
    while end > 0 and ctx.text[end - 1].isspace():
        end -= 1
    if ctx.text[max(0, end - 2):end] in ("'s", "’s") and ctx.actor_ending_at(end) is None:
        end -= 2
    return end


_WITH_BEFORE = re.compile(r"(?<![\w’'-])with\s+(?:[\w’'.-]+\s+){0,5}$", re.IGNORECASE)


def absolute_subject(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"..., with foreign ministry spokesperson Guo Jiakun telling reporters ...": in an
    absolute clause opened by "with", the actor right before the participle is its
    subject (not the sentence's)."""
    pos = trigger.verb.begin
    while pos > trigger.sentence.begin and ctx.text[pos - 1] in " \t":
        pos -= 1
    mention = ctx.actor_ending_at(pos)
    if mention is None or mention.span.begin < trigger.sentence.begin:
        return None
    if _WITH_BEFORE.search(ctx.text, max(trigger.sentence.begin, mention.span.begin - 60),
                           mention.span.begin) is None:
        return None
    return ctx.described_person(mention) or Subject(mention.name, mention.span)


def pronoun_passed_over(ctx: Context, speaker: Subject) -> bool:
    """"An executive at a chipmaker, who asked not to be named, said A.¶"B," he said.": a
    person pronoun stands for the last person named, unless a person the text describes
    without a name (an indefinite description opening a sentence whose verb says) spoke
    in between: then it stands for that person, whom no actor names, and the statement
    has no speaker rather than the wrong one."""
    if speaker.span.text.lower() not in ctx.triggers.person_pronouns:
        return False
    named = ctx.last_person_before(speaker.span.begin)
    if named is None:
        return False
    # the sentences between the person named and the pronoun, each opening with a
    # description of a person, whose verb says
    for sentence in ctx.sentences_in(named.span.end, speaker.span.begin):
        head = _described_person_regex().match(ctx.text, sentence.begin,
                                                min(sentence.end, speaker.span.begin))
        if head is None or ctx.actors_in(sentence.begin, head.end()):
            continue
        if ctx.triggers.speech_regex.search(ctx.text, head.end(),
                                            min(sentence.end, speaker.span.begin)):
            return True
    return any(_opens_with_unknown_name(ctx, sentence)
               for sentence in ctx.sentences_in(named.span.end, speaker.span.begin))


_UNKNOWN_NAME = re.compile(
    r"[\s\"“‘']*(?:(?:In|On|At|By|During|After|Before|Since)\b[^,.;:]{0,40},\s+)?"
    r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2})(?=,|\s+[a-z])")
_NOT_NAMES = frozenset("""the a an in on at by for but and or so yet as if when while after
before since this that these those its their his her our my your last next today then
there here it they we he she some many most several such each every no one two three
""".split())


def _opens_with_unknown_name(ctx: Context, sentence: Span) -> bool:
    """"Takuya Ishimori, a strategist at X, said ...", "Kuramochi, now retired, draws
    ...": a sentence whose subject is a person's name no actor knows (two or three
    capitalised words, or one that ends such a name earlier in the text), so that a later
    "he" may stand for that person rather than for the last person the actors know."""
    m = _UNKNOWN_NAME.match(ctx.text, sentence.begin, sentence.end)
    if m is None or m.group("name").split()[0].lower() in _NOT_NAMES:
        return False
    begin, end = m.span("name")
    near = ctx.actors_in(max(0, begin - 60), end + 60)
    if any(a.span.begin < end and a.span.end > begin for a in near) or ctx.dates_in(begin, end):
        return False
    name = m.group("name")
    return " " in name or ends_a_longer_name(ctx.text, name, begin)


@lru_cache(maxsize=1)
def _described_person_regex() -> re.Pattern[str]:
    """An indefinite description of a person opening a sentence ("An executive at ...",
    "One senior official", "A purchasing manager"), its noun one of ``descriptors`` or
    ``unnamed_roles`` in ``[speech.subjects]``."""
    subjects = load_triggers().raw["speech"]["subjects"]
    nouns = phrase_alternation([*subjects["descriptors"], *subjects["unnamed_roles"]])
    return re.compile(rf"\s*(?:An?|One|Another)\s+(?:[\w’'-]+\s+){{0,4}}?(?i:{nouns})(?![\w-])")


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
    label = _TURN_LABEL.match(ctx.text, begin, trigger.verb.begin)
    if label is not None and any(a.type is ActorType.MEDIA
                                 for a in ctx.actors_in(begin, label.end())):
        # "Kyodo News: Vice Minister X lodged a protest, demanding ...": an outlet labelling
        # a question turn (or a digest's item) is no subject of the sentence after it.
        begin = label.end()
    lead = _TOPIC_LEAD.match(ctx.text, begin, trigger.verb.begin)
    if lead is not None:
        begin = lead.end()  # "Regarding the report that the Chinese side ..., Kihara ..."
    pronoun = _LEADING_PRONOUN.match(ctx.text, begin, trigger.verb.begin)
    if pronoun is not None:
        # "In December 2022 it filed a complaint at the WTO, calling ...": the pronoun is
        # the subject, not the actor of a phrase after the verb; "She pointed to the deal
        # between X and Y as proof, saying ...": the person "she" stands for.
        span = Span.of(ctx.text, pronoun.start("p"), pronoun.end("p"))
        if span.text.lower() in ctx.triggers.person_pronouns:
            return ctx.subject_left_of(span.end, begin)
        return _body_referred_to(ctx, begin, span)
    subject = _unless_named_head(ctx, ctx.clause_subject(begin, trigger.verb.begin), trigger)
    subject = _person_titled_by(ctx, subject) or subject
    if subject is not None and _PREPOSITION_THE.search(
            ctx.text, max(begin, subject.span.begin - 24), subject.span.begin):
        return None  # "... at the World Trade Organization, calling ...": an object
    return subject


_TURN_LABEL = re.compile(r"\s*[A-Z][^:\n.]{0,60}[:：]\s+")
"""A label and a colon opening a paragraph: a transcript's turn, a digest item's outlet."""


def _person_titled_by(ctx: Context, subject: Subject | None) -> Subject | None:
    """"Foreign ministry spokesperson Mao Ning made the point, describing ...": a body
    before a title and a person's name modifies the title; the person is the subject."""
    if subject is None or ctx.type_of(subject.name) is ActorType.PERSON:
        return None
    m = _title_then_name_regex().match(ctx.text, subject.span.end)
    person = ctx.actor_at(m.end()) if m is not None else None
    if person is None or person.type is not ActorType.PERSON:
        return None
    return Subject(person.name, person.span)


@lru_cache(maxsize=1)
def _title_then_name_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["subjects"]["descriptors"])
    return re.compile(rf"[ \t]+(?i:{nouns})[ \t]+(?=[A-Z])")


_LEADING_PRONOUN = re.compile(
    r"\s*(?:(?:In|On|At|By|During|Since|After|Before|Later|Earlier|Then|Last|This|Next)\b"
    r"[^,;]{0,40}?,?\s+)?(?P<p>[Ii]t|[Tt]hey|[Hh]e|[Ss]he)\s+(?:\w+ly\s+|also\s+|then\s+)?"
    r"[a-z]+\b")
_PREPOSITION_THE = re.compile(r"\b(?:at|in|to|with|from|against|before|by|on|of)\s+"
                              r"(?:the|a|an)\s+(?:[\w.-]+\s+)?$", re.IGNORECASE)


def _body_referred_to(ctx: Context, begin: int, span: Span) -> Subject | None:
    """The body or state a sentence-initial "it"/"they" stands for: the subject of an
    earlier sentence of the paragraph, else the last one named."""
    paragraph = ctx.paragraph_of(begin)
    for sentence in reversed(ctx.sentences_in(paragraph.begin, begin)
                             if paragraph is not None else []):
        subject = ctx.clause_subject(sentence.begin, sentence.end)
        if subject is not None and ctx.type_of(subject.name) is not ActorType.PERSON:
            return Subject(subject.name, span)
    body = ctx.last_body_before(begin)
    return Subject(body.name, span) if body is not None else None


_TOPIC_LEAD = re.compile(r"(?:Regarding|Concerning|As\s+(?:for|to|regards)|With\s+regard\s+to|"
                         r"In\s+response\s+to|Responding\s+to|Asked\s+(?:about|whether|if|why|"
                         r"how|what|when)|When\s+asked|Turning\s+to|On\s+the\s+(?:question|"
                         r"issue|matter|report)s?\s+of)\b[^,;]{1,200},\s*")
"""A leading topic phrase, whose actors are not the sentence's subject."""


_COORDINATED = re.compile(r"(?:[,;]['’\"”]?\s*|\s)(?:and|but|then)\s+(?:(?:also|then|later|again|"
                          r"further|still|repeatedly|[a-z]+ly)\s+){0,2}$")
COORDINATED_PRONOUN = re.compile(r"(?:[,;]['’\"”]?\s*(?:and|but|while)?|\s(?:and|but))\s+$")


def previous_speaker(trigger: SpeechTrigger, found: list[SpeechTrigger]) -> Subject | None:
    """The speaker of the last statement before ``trigger`` with a speaker of its own (not
    an "according to" source), however far back: callers bound the distance themselves."""
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
    return previous_speaker(trigger, found)


def finite_subject(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """The subject of a finite speech verb (see :meth:`Context.subject`); not a body that
    only qualifies unnamed people ("A person close to the commerce ministry told ...")."""
    subject = _unless_named_head(ctx, _finite_subject(ctx, trigger), trigger)
    if subject is not None and _qualifier_regex().search(
            ctx.text, max(0, subject.span.begin - 40), subject.span.begin):
        return None
    return subject


@lru_cache(maxsize=1)
def _qualifier_regex() -> re.Pattern[str]:
    """``[speech.subjects] unnamed_qualifiers`` ("close to", "familiar with") right before
    an actor, over "the"."""
    qualifiers = phrase_alternation(load_triggers().raw["speech"]["subjects"]
                                    ["unnamed_qualifiers"])
    return re.compile(rf"(?<![\w-])(?:{qualifiers})\s+(?:the\s+)?$", re.IGNORECASE)


def _finite_subject(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    text = ctx.text
    left = text[max(trigger.sentence.begin, trigger.verb.begin - 50):trigger.verb.begin]
    if ("who" in left or "which" in left) and _RELATIVE_PRONOUN.search(left):
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
    return subject or _subject_over_adverbials(ctx, trigger) or _over_contact_clause(ctx, trigger)


_CONTACT_CLAUSE = re.compile(r"\s+(?:we|I|they|you)\s+(?:[a-z]+ed|spoke|met|talked)"
                             r"(?:\s+(?:to|with))?\s+$")


def _over_contact_clause(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"Industry sources we interviewed put ...", "Analysts we spoke to said ...": the actor
    before a relative clause with no "who" or "that" (a pronoun and its verb) speaks."""
    m = _CONTACT_CLAUSE.search(ctx.text, max(trigger.sentence.begin, trigger.verb.begin - 30),
                               trigger.verb.begin)
    if m is None:
        return None
    mention = ctx.actor_ending_at(m.start())
    if mention is None or mention.span.begin < trigger.sentence.begin or \
            not ctx.is_eligible_subject(mention):
        return None
    return Subject(mention.name, mention.span)


_NAMED_HEAD = re.compile(r"(?<![\w’'-])(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,3})\s+"
                         r"(?:of|at|from|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_NAMED_APPOSITION = re.compile(r"(?<![\w’'-])(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,3}),"
                               r"\s+(?:an?\s+|the\s+)?$")
"""A name before a description in apposition: "Ana Ruiz, chief economist at Banco Sur"."""


def _unless_named_head(ctx: Context, subject: Subject | None,
                       trigger: SpeechTrigger) -> Subject | None:
    """"Shigeru Ota of the consultancy Kitamon Partners argues" (or "Ana Ruiz, chief
    economist at Banco Sur, said"): the organisation is the
    complement of a person's name, not the subject: the person speaks (no speaker rather
    than the wrong one when no actor names the person).  "Analysts at X said" keeps X (no
    name before)."""
    if subject is None or ctx.type_of(subject.name) not in (
            ActorType.ORGANIZATION, ActorType.COMPANY, ActorType.MEDIA):
        return subject
    floor = max(trigger.sentence.begin, subject.span.begin - 60)
    m = _NAMED_APPOSITION.search(ctx.text, floor, subject.span.begin) \
        if subject.via_description else None
    m = m or _NAMED_HEAD.search(ctx.text, floor, subject.span.begin)
    if m is None or ctx.triggers.descriptor_regex.search(m.group("name")):
        return subject
    named = ctx.actors_in(m.start("name"), m.end("name"))
    person = next((a for a in named if a.type is ActorType.PERSON), None)
    if person is not None:
        return Subject(person.name, person.span)  # a person the actor data knows speaks
    return subject if named else None


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["subjects"]["descriptors"])
    return re.compile(rf"(?<![\w’'-])the\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{nouns})"
                      rf"(?:\s*,[^,]{{1,60}},)?(?:\s+(?:also|again|later|then|[a-z]+ly))?\s*$",
                      re.IGNORECASE)


# Asked for a speech verb's subject and again for its finite subject: found once per
# article and offsets (the answer reads nothing else that changes).
@memoized
def titled_person(ctx: Context, end: int, floor: int) -> Subject | None:
    """"The spokesperson said", "the minister added": a title alone names the person the
    article described with it (``Context.persons_described``), the last one mentioned
    before when several were."""
    begin = max(floor, end - 90)
    if "the" not in ctx.text[begin:end].lower():
        return None  # the cheap test first: the pattern opens with "the" (in any case)
    m = _title_regex().search(ctx.text, begin, end)
    if m is None or ctx.actors_in(m.start(), end):
        return None  # "the trade minister, Ryosei Akazawa, said": the name speaks
    named = set(ctx.persons_described(m.group("noun")))
    if not named:
        return _spokesperson_body(ctx, m)
    for mention in reversed(ctx.actors_in(0, m.start())):
        if mention.name in named:
            span = Span.of(ctx.text, m.start(), m.start("noun") + len(m.group("noun")))
            return Subject(mention.name, span)
    return None


def opening_title(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"The spokesperson emphasised that ...", "The responsible person added that ...": a
    definite title opening the sentence, right before the verb, names the person (or the
    body an unnamed spokesperson speaks for) the article described with it before (see
    :func:`titled_person`); a title further in ("sources close to the minister said") is
    no subject."""
    subject = titled_person(ctx, trigger.verb.begin, trigger.sentence.begin)
    if subject is None or ctx.text[trigger.sentence.begin:subject.span.begin].strip(" \t\n\"“"):
        return None
    return subject


_SPOKESPERSON_REACH = 3000
"""Furthest back an unnamed spokesperson "the spokesperson" stands for is described."""
_FOR_BODY = re.compile(r"\s+(?:for|of|at|from)\s+(?:the\s+)?")
_BARE_TITLE = re.compile(r"\b[Tt]he\s+$")


@lru_cache(maxsize=1)
def _modifier_before() -> re.Pattern[str]:
    """A modifier between a body and its unnamed official ("<body> relevant responsible
    person", as translations from Chinese print it; ``answerer_modifiers``)."""
    words = load_triggers().raw["speech"]["transcript"]["answerer_modifiers"]
    return re.compile(rf"\s+(?:{phrase_alternation(words)})\s+$", re.IGNORECASE)


def _spokesperson_body(ctx: Context, title: re.Match[str]) -> Subject | None:
    """"A Commerce Ministry spokesperson said A. The spokesperson said B": an unnamed
    spokesperson (``spokesperson_roles``) speaks for the body named with the title where the
    article last described one ("<body> spokesperson", "a spokesperson for <body>"), as
    that first statement does; none when that description names no body (a state, a
    person)."""
    noun = title.group("noun").lower()
    if noun not in _spokesperson_roles():
        return None
    head = re.compile(rf"(?<![\w’'-]){re.escape(noun)}(?![\w’'-])", re.IGNORECASE)
    heads = list(head.finditer(ctx.text, max(0, title.start() - _SPOKESPERSON_REACH),
                               title.start()))
    if not heads:
        return None
    for last in reversed(heads):
        modifier = _modifier_before().search(ctx.text, max(0, last.start() - 30), last.start())
        body = ctx.actor_ending_at(modifier.start() if modifier else last.start())
        if body is None or modifier is None and \
                not ctx.text[body.span.end:last.start()].isspace():
            after = _FOR_BODY.match(ctx.text, last.end())
            body = ctx.actor_at(after.end()) if after is not None else None
        if body is not None or not _BARE_TITLE.search(ctx.text, max(0, last.start() - 5),
                                                      last.start()):
            break  # a description: "<body> spokesperson", "a spokesperson for <body>"
        # "the spokesperson" alone: a reference back, to the description before it
    if body is None or body.type in (ActorType.PERSON, ActorType.STATE):
        return None
    # (the noun alone, as "the ministry" names a body: a definite description)
    return Subject(body.name, Span.of(ctx.text, title.start("noun"),
                                      title.start("noun") + len(title.group("noun"))))


@lru_cache(maxsize=1)
def _spokesperson_roles() -> frozenset[str]:
    return frozenset(load_triggers().raw["dates"]["spokesperson_roles"])


@lru_cache(maxsize=1)
def _title_after_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["subjects"]["descriptors"])
    return re.compile(rf"\s+(?:[A-Z][\w’'-]*\s+){{0,3}}(?i:{nouns})"
                      rf"(?:\s+(?:also|again|later|then|[a-z]+ly))?\s*$")


def name_before_title(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"Kihara Chief Cabinet Secretary said ...": in translations from Japanese the title
    follows the name; the person before it speaks."""
    window = max(trigger.sentence.begin, trigger.verb.begin - 60)
    m = _title_after_regex().search(ctx.text, window, trigger.verb.begin)
    if m is None:
        return None
    mention = ctx.actor_ending_at(m.start())
    if mention is None or mention.type is not ActorType.PERSON or \
            mention.span.begin < trigger.sentence.begin:
        return None
    return Subject(mention.name, Span.of(ctx.text, mention.span.begin,
                                         m.start() + len(m.group().rstrip())))


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
    nouns = phrase_alternation(load_triggers().raw["speech"]["media_nouns"])
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
        person = ctx.described_person(mention)
        return person or Subject(mention.name, mention.span)
    return None


ISSUE_REACH = 1500
"""How far back the sentence issuing a document is looked for (a few paragraphs)."""


def inverted_attribution(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"..., said Michiko Arai, a professor at ...", "..., said Lena Berg of Orbis Research
    (OR).", "..., says Ola Dahl at the agency": a speaker named after the verb that ends
    the sentence, after a comma, perhaps with an employer (*of*, *at*, *from*, *with* and a
    capitalised name); the words are those before the comma."""
    if not _inverted(ctx, trigger):
        return None
    speaker = speaker_after(ctx, trigger.verb.end, trigger.sentence)
    if speaker is None:
        return None
    rest = ctx.text[speaker.span.end:trigger.sentence.end]
    if not _INVERTED_TAIL.fullmatch(rest):
        return None
    return speaker


def unknown_inverted_speaker(ctx: Context, trigger: SpeechTrigger) -> bool:
    """Whether an inverted attribution names a person no actor names ("..., said Mira Holt
    of the Lisbon think tank X."): the speaker is the name after the verb, so the subject
    before the comma is not, and the name is not the words."""
    if not _inverted(ctx, trigger):
        return False
    m = _CAPITALISED_NAME.match(ctx.text, trigger.verb.end, trigger.sentence.end)
    return m is not None and _INVERTED_TAIL.fullmatch(ctx.text, m.end(),
                                                      trigger.sentence.end) is not None


def _inverted(ctx: Context, trigger: SpeechTrigger) -> bool:
    """A finite "say" verb right after a comma: ", said X" / ", says X"."""
    return trigger.cls == "say" and trigger.tense in ("past", "present") and \
        _COMMA_BEFORE.search(ctx.text, max(trigger.sentence.begin, trigger.verb.begin - 4),
                             trigger.verb.begin) is not None


_COMMA_BEFORE = re.compile(r",['’\"”]?\s*$")
_CAPITALISED_NAME = re.compile(r"\s+(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*")
_INVERTED_TAIL = re.compile(r"(?:\s+(?:of|at|from|with)\s+(?:the\s+|an?\s+)?(?:[\w’'.&-]+\s+){0,8}?"
                            r"[A-Z][\w’'.&-]*(?:\s*\([^()]{1,40}\))?)?"
                            r"(?:,[^,;:\"“”]{0,120}?)?(?:\s+(?:on|in|at)\s+[\w’' ()-]{1,60}?)?"
                            r"\s*[.!?]?\s*")
