"""Who stands behind a statement beyond its verb's subject: sources and spokespeople.

* "according to X" names the source of a sentence's statements (their ``via``), or the
  speaker of a sentence that has no verb of saying (:func:`apply_according`); not when X
  only qualifies a source of numbers ("according to customs data", "according to Japan
  side statistic") or is an agency whose name says it keeps numbers ("according to the US
  Census Bureau", "according to Statistics Canada": ``data_agency_words``), begins a
  longer name, or is a state whose media are meant ("according to Japan media");
  "according to a MOFCOM statement" names MOFCOM;
* an unnamed spokesperson speaks for the body the description names ("a U.S. Commerce
  Department spokesperson", "a ministry spokesperson" after the ministry was named):
  :func:`spoken_for`; so does an unnamed member after "according to" ("according to a
  Commission official": the Commission);
* a paragraph that ends with its source ("... — Nikkei", "(via Reuters)", "— Xinhua, via
  Bloomberg": a digest's item, a relayed report) is the outlet's: unnamed people speaking
  in it ("people familiar with the matter said") speak through the outlet, which is their
  speaker (:func:`item_outlet`), and named speakers' words in it come via the outlet
  (:func:`apply_item_sources`);
* "X quoted Y as saying ...": Y speaks, through X when X is an outlet
  (:func:`quoted_as_saying`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActorMention, ActorType, Span, is_unnamed
from .context import PREPOSITIONS, Context, Subject
from .refdata import actor_data
from .reported_words import (
    SHORT_CONTENT,
    content_begin,
    content_end,
    is_term_in,
    trim_end,
    words_before_attribution,
)
from .speech_triggers import SpeechTrigger
from .statement_anaphora import outlet_described_at
from .text import BULLET, word_count
from .triggers import load_triggers, phrase_alternation


def apply_according(ctx: Context, sentence: Span, found: list[SpeechTrigger],
                     according: list[re.Match[str]]) -> None:
    """"according to X": the source of the sentence's statements, or their speaker;
    ``according`` are the sentence's source markers (:class:`TriggerWords`)."""
    for m in according:
        if ctx.in_quote(m.start(), m.end()):
            continue
        word = m.group().lower()
        opening = m.start() == sentence.begin or _LEAD_IN.fullmatch(ctx.text, sentence.begin,
                                                                    m.start())
        # "Per Nikkei, ..." opens a sentence; "per" elsewhere is "per tonne".
        if not (word.startswith(("according", "as reported")) or (word == "per" and opening)):
            continue
        mention = ctx.actor_after(m.end()) or _document_author(ctx, m.end()) or \
            _member_body(ctx, m.end()) or outlet_described_at(ctx, m.end())
        if mention is None or not _names_a_source(ctx, mention, m.end()):
            continue
        live = [t for t in found if not t.dropped and t.content is not None]
        if live:
            for trigger in live:
                if trigger.speaker and trigger.speaker.name != mention.name and not trigger.via:
                    trigger.via = mention.name
            continue
        if m.start() == sentence.begin or _LEAD_IN.fullmatch(ctx.text, sentence.begin, m.start()):
            # "According to X, a fellow at Y, ...": the words follow the apposition (and a
            # timeline heading or a linking adverb may come first: "Mid-February 2020 –").
            # ... and "According to the Nikkei business daily, which cited people familiar
            # with the matter, ...": a relative clause on the source.
            apposition = _APPOSITION.match(ctx.text[mention.span.end:sentence.end])
            comma = mention.span.end + apposition.end() - 1 if apposition is not None \
                else ctx.text.find(",", mention.span.end, sentence.end)
            if comma == -1:
                continue
            begin, end = comma + 1, sentence.end
        else:
            begin, end = sentence.begin, m.start()
            bullet = _BULLET.match(ctx.text, begin, end)  # "* Prices rose ..., according to"
            begin = bullet.end() if bullet is not None else begin
        while begin < end and ctx.text[begin].isspace():
            begin += 1
        end = trim_end(ctx.text, begin, end)
        if end - begin < 10:
            continue
        found.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, "according",
                              "past", speaker=Subject(mention.name, mention.span),
                              content=Span.of(ctx.text, begin, end)))
        more = _according_continued(ctx, sentence, mention.span.end)
        if more is not None:
            found.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, "according",
                                  "past", speaker=Subject(mention.name, mention.span),
                                  content=more))


def apply_after_quote(ctx: Context, sentence: Span, found: list[SpeechTrigger]) -> None:
    """'"We protect the networks", so Faeser.': a quotation opening the sentence, a comma,
    one of ``[speech] after_quote`` and a name that ends the sentence (a party in brackets
    may follow): the quotation is the named actor's words, though no verb says so
    (translated German)."""
    if any(not t.dropped and t.content is not None for t in found):
        return
    for m in _after_quote_regex().finditer(ctx.text, sentence.begin, sentence.end):
        mark = m.start() + (1 if m.group().startswith(",") else 0)  # the closing mark
        quote = ctx.in_quote(mark - 1)
        if quote is None or quote.outer.end != mark + 1 or \
                ctx.text[sentence.begin:quote.outer.begin].strip():
            continue  # the whole sentence is the quotation and its attribution
        mention = ctx.actor_after(m.end())
        if mention is None or not _SENTENCE_END.match(ctx.text, mention.span.end):
            continue
        begin = quote.span.begin
        end = trim_end(ctx.text, begin, quote.span.end)
        if end - begin < 10:
            continue
        found.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, "according",
                                   "past", speaker=Subject(mention.name, mention.span),
                                   content=Span.of(ctx.text, begin, end)))
        return


def has_after_quote(ctx: Context, sentence: Span) -> bool:
    """Whether ``sentence`` may hold a verbless attribution ('"...", so Faeser.'): such a
    sentence holds no trigger word, but must still be read (:func:`apply_after_quote`)."""
    return _after_quote_regex().search(ctx.text, sentence.begin, sentence.end) is not None


_SENTENCE_END = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:[.!](?:\s|$)|$)")
"""After the name of '"...", so Faeser (SPD).': nothing more of the sentence."""


@lru_cache(maxsize=1)
def _after_quote_regex() -> re.Pattern[str]:
    words = phrase_alternation(load_triggers().raw["speech"]["after_quote"])
    return re.compile(r"(?:[\"”’'],|,[\"”’'])\s+(?:" + words + r")\s+(?=[A-Z])")


_APPOSITION = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3},\s+(?:(?:a|an|the)\s+(?![^,]*\b(?:is|are|was|were|has|have|had|"
    r"will|would|could|can|should|may|might|must|said|says|did|does)\b)|which\s+|who\s+)"
    r"[^,;:\"“”]{1,100},")
"""After "according to X" opening a sentence: a description of X (", a fellow at Y,", ",
which cited people familiar with the matter,"), not the words; a clause (", the ministry
will ...") is the words."""


def _document_author(ctx: Context, offset: int) -> ActorMention | None:
    """"according to a MOFCOM statement": the actor a document is named after."""
    m = _A_DOCUMENT.match(ctx.text, offset)
    if m is None:
        return None
    mention = ctx.actor_at(m.end())
    if mention is None or not _document_after().match(ctx.text, mention.span.end):
        return None
    return mention


_A_DOCUMENT = re.compile(r"\s*(?:a|an)\s+")


def _member_body(ctx: Context, offset: int) -> ActorMention | None:
    """"according to a Commission official", "according to one Toyota executive": the body
    an unnamed member speaks for (``anonymous_nouns`` of actors.toml after the body's name);
    not a state ("a Japanese official" is no word of Japan's) nor a person."""
    m = _A_MEMBER.match(ctx.text, offset)
    if m is None:
        return None
    mention = ctx.actor_at(m.end())
    if mention is None or mention.type in (ActorType.STATE, ActorType.PERSON, ActorType.MEDIA):
        return None
    noun = _NEXT_WORD.match(ctx.text, mention.span.end)
    if noun is None or noun.group(1).lower() not in actor_data().lexicon.anonymous_nouns:
        return None
    return mention


_A_MEMBER = re.compile(r"\s*(?:a|an|one)\s+(?:senior\s+|top\s+|former\s+)?")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


@lru_cache(maxsize=1)
def _document_after() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["document_nouns"])
    return re.compile(rf"(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?(?:{nouns})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _data_noun_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["data_nouns"])
    return re.compile(rf"\s*(?:[a-z][\w-]*\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _data_name() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["data_agency_words"])
    return re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE)


def _names_a_source(ctx: Context, mention: ActorMention, after: int) -> bool:
    """Whether the actor after "according to" is the source: not a modifier of numbers
    ("according to Japanese government data", ``data_nouns``) nor the first word of a
    longer name ("according to the Japan Travel Bureau")."""
    gap = ctx.text[after:mention.span.begin]
    if _data_noun_regex().search(gap) is not None:
        return False  # "according to data from X"
    if _data_name().search(mention.name) or _data_name().search(mention.span.text):
        return False  # "according to the US Census Bureau", "Statistics Canada": numbers
    rest = ctx.text[mention.span.end:mention.span.end + 40]
    if _data_noun_regex().match(rest) is not None:
        return False
    if mention.type is ActorType.STATE and _ITS_MEDIA.match(rest):
        return False  # "according to Japan media": unnamed outlets, not the state
    return re.match(r" [A-Z][a-z]", rest) is None


_ITS_MEDIA = re.compile(r"\s+(?:side\s+)?(?:media|press|outlets|newspapers)\b", re.IGNORECASE)
_BULLET = re.compile(r"\s*" + BULLET + r"\s+")
"""A list item's marker opening the words an "according to" closes."""

_LEAD_IN = re.compile(r"[^.;,]{1,40}?\s[–—-]{1,2}\s*|(?:However|Still|But|And|Meanwhile|"
                      r"Separately|Also|Yet|Now|Indeed)\s*,?\s*|[-*•·▪]\s+|"
                      r"(?:[-*•·▪]\s+|\d{1,2}[.)]\s+)?[^.;:,\"“”]{1,40}?:\s+|"
                      r"(?:At|In|On|By|Since|After|Before|During|Until|Within)\s+(?:the\s+)?"
                      r"[\w’'-]+(?:\s+[\w’'-]+)?\s*,\s*")
"""What may precede a sentence-initial "according to X,": a heading, a linking adverb, a
bullet, a label and its colon ("Speaker notes: ", "3. (SBU) THE SALMON: "), a short
adverbial of time or place ("At the same time, ", "In Beijing, "; a preposition and at most
two words before the comma: "In May exports fell, according to X" has a clause, and the
words are before the source)."""


def _according_continued(ctx: Context, sentence: Span, after: int) -> Span | None:
    """"..., according to X, a fellow at Y, and “close to 100%” of its heavy rare earths":
    a quotation coordinated after the source is the source's words too."""
    m = re.search(r",\s+and\s+", ctx.text[after:sentence.end])
    if m is None:
        return None
    begin = after + m.end()
    end = trim_end(ctx.text, begin, sentence.end)
    if end <= begin or not any(not is_term_in(ctx, q) for q in ctx.quotes_in(begin, end + 1)):
        return None
    return Span.of(ctx.text, begin, end)


_SPOKESPERSON = re.compile(r"\bspokes(?:person|man|woman)$", re.IGNORECASE)
_BODY_WORD = re.compile(r"\b(ministry|department|embassy|commission|office|agency|council|"
                        r"bureau|cabinet)\s+spokes", re.IGNORECASE)


def spoken_for(ctx: Context, actors: list[ActorMention], speaker: Subject) -> str | None:
    """The body an unnamed spokesperson speaks for: "A U.S. Commerce Department
    spokesperson said" is the department's statement; "a ministry spokesperson" the
    ministry's named last before (a spokesperson's words are the body's, and the gold
    conventions name the body)."""
    if not is_unnamed(speaker.name) or not _SPOKESPERSON.search(speaker.name):
        return None
    span = speaker.span
    for mention in actors:
        if span.begin <= mention.span.begin and mention.span.end <= span.end and \
                mention.type is not ActorType.PERSON and mention.name != speaker.name:
            return None if mention.type is ActorType.STATE else mention.name
    word = _BODY_WORD.search(span.text)
    if word is None:
        return None
    body = ctx.last_body_before(span.begin)
    if body is not None and body.type is not ActorType.STATE and \
            word.group(1).lower() in body.name.lower():
        return body.name
    return _state_body(ctx, span)


_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]+)\s+(?:the\s+)?$", re.IGNORECASE)
"""The word before a state, over "the"."""


def _governed(ctx: Context, sentence: Span, mention: ActorMention) -> bool:
    """Whether a preposition (:data:`~.context.PREPOSITIONS`) or "and" stands right before
    a state: the state is no subject of the clause."""
    m = _WORD_BEFORE.search(ctx.text, max(sentence.begin, mention.span.begin - 24),
                            mention.span.begin)
    return m is not None and (m.group(1).lower() in PREPOSITIONS or m.group(1).lower() == "and")


def _state_body(ctx: Context, span: Span) -> str | None:
    """"Beijing shows little sign of relenting: a foreign ministry spokesperson said":
    a generic body (a ``[[kind]]`` of the actor data) no mention named before speaks for
    the state its sentence is about: the first state it names that no preposition governs
    ("China has not banned exports to Japan, a commerce ministry spokesperson said" is
    China's ministry), else the state it named last before the spokesperson."""
    sentence = ctx.sentence_of(span.begin)
    if sentence is None:
        return None
    state = subject = None
    for mention in ctx.actors_in(sentence.begin, span.begin):
        if mention.type is ActorType.STATE:
            state = mention.name
            if subject is None and not _governed(ctx, sentence, mention):
                subject = mention.name
    state = subject or state
    if state is None:
        return None
    described = " ".join(span.text.lower().split())
    data = actor_data()
    for kind_id, kind in data.kinds.items():
        if kind.type is ActorType.GOVERNMENT_BODY and any(
                re.search(rf"(?<![\w-]){re.escape(term)}\s+spokes", described)
                for term in kind.terms):
            return data.body_name(kind_id, state)
    return None


def item_outlet(ctx: Context, trigger: SpeechTrigger) -> Subject | None:
    """"The government is weighing a release, people familiar with the matter said. —
    Nikkei": in a paragraph that ends with its source, words whose subject is unnamed
    people (``unnamed_heads`` of ``[speech.subjects]``, perhaps qualified: "familiar with
    the matter") are the outlet's report, and the outlet is their speaker.  None elsewhere
    (an unnamed subject names no speaker)."""
    paragraph = ctx.paragraph_of(trigger.verb.begin)
    source = _item_sources(ctx).get(paragraph.begin) if paragraph is not None else None
    if source is None or trigger.verb.begin > source[2]:
        return None
    if _unnamed_subject().search(ctx.text[trigger.sentence.begin:trigger.verb.begin]) is None:
        return None
    outlet = source[0]
    return Subject(outlet.name, outlet.span)


def apply_item_sources(ctx: Context, statements: list[SpeechTrigger]) -> None:
    """Statements in a paragraph that ends with its source come via that outlet: a named
    speaker's ("X said ... — Yonhap": via Yonhap), and the outlet's own through the outlet
    that relays it ("— Xinhua, via Bloomberg": via Bloomberg)."""
    sources = _item_sources(ctx)
    if not sources:
        return
    for trigger in statements:
        if trigger.via is not None or trigger.speaker is None or trigger.content is None:
            continue
        paragraph = ctx.paragraph_of(trigger.content.begin)
        source = sources.get(paragraph.begin) if paragraph is not None else None
        if source is None:
            continue
        outlet, relay, tag = source
        if trigger.content.end > tag:  # the words end before their source
            end = trim_end(ctx.text, trigger.content.begin, tag)
            if end <= trigger.content.begin:
                continue
            trigger.content = Span.of(ctx.text, trigger.content.begin, end)
        if trigger.speaker.name != outlet.name:
            trigger.via = outlet.name
        elif relay is not None:
            trigger.via = relay.name


def _item_sources(ctx: Context) -> dict[int, tuple[ActorMention, ActorMention | None, int]]:
    """Paragraphs (by their start) that end with their source: an outlet after a dash or in
    parentheses, perhaps "via" another ("— Nikkei", "(via Reuters)", "— Xinhua, via
    Bloomberg"), with that outlet, the one relaying it and where the source begins.  Found
    once per article."""
    cached = ctx.__dict__.get("_item_sources")
    if cached is not None:
        return cached
    out: dict[int, tuple[ActorMention, ActorMention | None, int]] = {}
    for mention in ctx.actors:
        if mention.type is not ActorType.MEDIA or mention.span.begin == mention.span.end:
            continue  # header publishers have no span in the text
        paragraph = ctx.paragraph_of(mention.span.begin)
        if paragraph is None or paragraph.begin in out or \
                paragraph.end - mention.span.end > _TAG_REACH:
            continue
        floor = max(paragraph.begin, mention.span.begin - 16)
        opening = _TAG_OPEN.search(ctx.text[floor:mention.span.begin])
        if mention.span.begin - paragraph.begin < 20 or opening is None:
            continue
        rest = mention.span.end
        relay = None
        via = _TAG_RELAY.match(ctx.text, rest, paragraph.end)
        if via is not None:
            relay = ctx.actor_at(via.end())
            if relay is None or relay.type is not ActorType.MEDIA:
                continue
            rest = relay.span.end
        if _TAG_CLOSE.fullmatch(ctx.text, rest, paragraph.end) is not None:
            out[paragraph.begin] = (mention, relay, floor + opening.start() + 1)
    ctx.__dict__["_item_sources"] = out
    return out


_TAG_REACH = 40
_TAG_OPEN = re.compile(r"(?:[.!?\"”’]\s*(?:[—–]|--?)|[.!?\"”’]\s*\(|\s[—–]\s*\()\s*(?:via\s+)?$",
                       re.IGNORECASE)
_TAG_RELAY = re.compile(r",\s*via\s+", re.IGNORECASE)
_TAG_CLOSE = re.compile(r"\s*\)?\s*\.?\s*")


@lru_cache(maxsize=1)
def _unnamed_subject() -> re.Pattern[str]:
    """Unnamed people right before a verb, opening their clause ("Officials", ", people
    familiar with the matter", "Two senior officials")."""
    subjects = load_triggers().raw["speech"]["subjects"]
    heads = phrase_alternation(subjects["unnamed_heads"])
    qualifiers = phrase_alternation(subjects["unnamed_qualifiers"])
    return re.compile(
        rf"(?:^|[,;:]\s+|\b(?:and|but)\s+)(?:(?:a|an|one|some|several|many|two|three|four|"
        rf"other)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{heads})(?:\s+(?:{qualifiers})(?:\s+[\w'’-]+)"
        rf"{{1,4}})?\s+(?:(?:also|have|has|had)\s+)?$", re.IGNORECASE)


_QUOTED_AS = re.compile(r"(?<![\w-])(?:" + "|".join(map(
    re.escape, load_triggers().raw["speech"]["quoting_verbs"])) + r")\s+(?P<np>[^,;:\"“”]{2,90}?)"
                        r"\s+as\s+(?:having\s+)?$", re.IGNORECASE)
"""'Xinhua quoted a ministry spokesman as saying': the quoted party between the verb of
quoting and "as" before the participle of saying."""


def quoted_as_saying(ctx: Context, trigger: SpeechTrigger) -> bool:
    """"Xinhua quoted Y as saying that A", '"A," the paper quoted Y as saying.': the words
    are Y's (the first actor after the verb of quoting), told through its subject when that
    is an outlet.  Sets the trigger's speaker, ``via`` and words, or drops it when no actor
    names Y (the outlet did not say them); False when the frame is not there."""
    if trigger.tense != "gerund":
        return False
    m = _QUOTED_AS.search(ctx.text, max(trigger.sentence.begin, trigger.verb.begin - 130),
                          trigger.verb.begin)
    if m is None:
        return False
    quoted = next(iter(ctx.actors_in(m.start("np"), m.end("np"))), None)
    if quoted is None or ctx.in_quote(m.start()) is not None:
        trigger.dropped = True
        return True
    person = ctx.described_person(quoted)
    trigger.speaker = person or Subject(quoted.name, quoted.span)
    outlet = ctx.clause_subject(trigger.sentence.begin, m.start())
    if outlet is not None and ctx.type_of(outlet.name) is ActorType.MEDIA and \
            outlet.name != trigger.speaker.name:
        trigger.via = outlet.name
    begin = content_begin(ctx, trigger)
    end = content_end(ctx, begin, trigger.sentence)
    if word_count(ctx.text[begin:end]) < SHORT_CONTENT:
        # '"A," the paper quoted Y as saying.': the words before the attribution, which
        # opens with the quoting clause.
        speaker = trigger.speaker
        trigger.speaker = Subject(speaker.name, Span.of(ctx.text, m.start(), m.start()))
        begin, end = words_before_attribution(ctx, trigger)
        trigger.speaker = speaker
    if begin >= end or word_count(ctx.text[begin:end]) < SHORT_CONTENT:
        trigger.dropped = True
        return True
    trigger.content = Span.of(ctx.text, begin, end)
    return True
