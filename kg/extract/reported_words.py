"""Where the reported words of a statement begin and end, and what kind they are.

The helpers here work on one :class:`~kg.extract.speech_triggers.SpeechTrigger` whose
speaker is known or sought:

* :func:`content_begin` skips what follows a verb but is not the words: the time of saying
  ("said late on Thursday"), the occasion ("said in a statement"), the listeners ("told
  reporters", also with the phrases describing them and the occasion up to "that": "told
  executives from A, B and C at an emergency meeting on Thursday that"), a cited source
  ("citing unnamed sources,") and "that";
* :func:`content_end` stops at "according to", a semicolon outside quotations, or the comma
  closing a leading subordinate clause ("When the ministry announced that A, my first
  reaction ...");
* :func:`is_trailing` / :func:`words_before_attribution` find the words before a trailing
  attribution ("..., chief executive Takuya Ebisawa said in an interview");
* :func:`quote_before` / :func:`introduced_quote` find the quotation an attribution follows
  or introduces ("Motegi told reporters:" and the next paragraph's quotation);
* :func:`widen_short` gives reported words shorter than five words with their subject
  ("Capital Metrics puts it at about 60%"), and
  :func:`by_paragraph` cuts words running over several paragraphs into one statement per
  paragraph;
* :func:`has_quote` / :func:`is_term` tell quoted words (a direct quote) from a quoted term
  ('One China', so-called "protest").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..model import (
    ActorType,
    Span,
)
from .context import PREPOSITIONS, Context
from .memo import memoized
from .speech_triggers import SpeechTrigger, trigger_words, verb_of
from .statement_narration import narrator_comment
from .text import BULLET, QUOTE_CHARS, Quote, word_count, words
from .triggers import load_triggers, phrase_alternation

_QUOTE_MAX = 5000
_CLOSING = "\"'”’»"
_THAT_SKIP_WORDS = 7
_TERM_MAX_WORDS = 4
SHORT_CONTENT = 3
SHORT_STATEMENT = 5
_BOUNDARY_WORDS = (r"(?:while|and|but|as|before|after|a move|which|who|though|although|when|with"
                   r"|(?:in|at|during|under|through)\s+which)")
"""Words opening a new clause after a comma: the words reported before them end there
(", when Takaichi said ...", ", with spokesperson X telling reporters ...", "her remarks
in parliament, in which she said ...")."""
BOUNDARY = re.compile(r"(?:[,;]['’\"”]?|['’\"”][,;]|\s[—–])\s*(?:" + _BOUNDARY_WORDS + r"\s+"
                       r"(?:(?:also|then|again|[a-z]+ly)\s+)?)?$")
_TEMPORAL = frozenset(load_triggers().raw["speech"]["that_time_words"]) | frozenset(
    day.lower() for day in load_triggers().dates["weekdays"])
"""First words of a time adverbial between a say verb and "that" ("said last week that")."""


COLON = re.compile(r"(?:\s+[\w’'-]+){0,8}?\s*:\s*")


def introduced_quote(ctx: Context, trigger: SpeechTrigger) -> Quote | None:
    """"Motegi told reporters:¶“This is a measure ...”": a verb and a colon ending the
    paragraph introduce the quotation opening the next one; so does an announcing phrase
    ("stated as follows at the press conference.¶「...」")."""
    if trigger.cls not in ("say", "announce") or trigger.tense == "gerund":
        return None
    paragraph = ctx.paragraph_of(trigger.verb.begin)
    if paragraph is None:
        return None
    m = COLON.match(ctx.text, trigger.verb.end, paragraph.end) or \
        _follows_regex().match(ctx.text, trigger.verb.end, paragraph.end)
    if m is None or m.end() < paragraph.end:
        return None
    following = ctx.next_paragraph(paragraph.end)
    if following is None:
        return None
    for quote in ctx.quotes_in(following.begin, following.begin + _QUOTE_MAX):
        if quote.outer.begin == following.begin and not quote.nested:
            return quote
        if quote.outer.begin > following.begin:
            break
    return None


@lru_cache(maxsize=1)
def _follows_regex() -> re.Pattern[str]:
    """"stated as follows at the press conference.": an announcing phrase after the verb,
    with where and when, ending the paragraph as a colon would (translated releases)."""
    phrases = phrase_alternation(load_triggers().raw["speech"]["announcing"])
    return re.compile(rf"\s+(?:{phrases})\b[^.:;!?\"“「]{{0,120}}?\s*[.:：]\s*", re.IGNORECASE)


_CONJUNCTION = re.compile(r"(?<![\w’'.-])(?:and|but|or|then|while|as)(?![\w’'-])")


_TITLE_BEFORE = re.compile(r"(?:\s++[\w’'.-]++){1,4}+\s*+$")
"""Up to four words before an offset.  Possessive quantifiers: a word, the white space
before it or the count of words given back could never let the rest match (white space
and word characters exclude each other, and ``$`` needs the end), so they change no match,
but they spare the backtracking at each offset the search tries: half the time."""
_QUOTE_CLOSED = re.compile(r"[,!?][\"”’']\s*$|[\"”’']\s*,\s*$")


# Asked for a verb and again for its subject's start: found once per article and offset
# (the answer reads only the text and its quotations).
@memoized
def quote_before(ctx: Context, offset: int) -> Quote | None:
    """The quotation that closes right before ``offset`` (white space and a comma between,
    or a title before a name: '"...," Deputy Minister Irena Sol told reporters')."""
    ends = _quotes_by_end(ctx)
    lowest = max(0, offset - 50)
    while lowest > 0 and ctx.text[lowest - 1] in " \t":
        lowest -= 1
    closing = ends.sorted_ends
    i = bisect.bisect_left(closing, lowest - 1)
    if i == len(closing) or closing[i] > offset:
        return None  # no quotation closes within reach: the cheap test first
    pos = offset
    title = _TITLE_BEFORE.search(ctx.text, max(0, offset - 50), offset)
    if title is not None and _CONJUNCTION.search(title.group()):
        return None  # '"...," and said X': a verb coordinated after the quotation's clause
    if title is not None and _QUOTE_CLOSED.search(
            ctx.text, max(0, title.start() - 3), title.start()):
        pos = title.start()
    while pos > 0 and ctx.text[pos - 1] in " \t":
        pos -= 1
    found = list(ends.get(pos, ()))
    if ctx.text[pos - 1:pos] == ",":
        found += ends.get(pos - 1, ())
    found = [q for q in found if q.outer.begin >= pos - _QUOTE_MAX]
    return min(found, key=lambda q: q.outer.begin) if found else None


class _QuotesByEnd(dict[int, list[Quote]]):
    """Quotations by the offset where they close, with those offsets sorted."""

    sorted_ends: list[int]


def _quotes_by_end(ctx: Context) -> _QuotesByEnd:
    """The article's quotations that are neither nested nor terms, by the offset where
    they close; built once per article (kept on its context)."""
    cached = ctx.__dict__.get("_quotes_by_end")
    if cached is None:
        cached = _QuotesByEnd()
        for quote in ctx.quotes:
            if not quote.nested and not is_term(quote):
                cached.setdefault(quote.outer.end, []).append(quote)
        cached.sorted_ends = sorted(cached)
        ctx.__dict__["_quotes_by_end"] = cached
    return cached


_MEDIUM = re.compile(r"(?:on|to|in)\s+")
_CITING = re.compile(r"(?:citing|quoting)\s+[^,;:\"“]{1,60},\s*", re.IGNORECASE)
_THAT_FIRST = re.compile(r"that\b\s*")
_THAT_WORD = re.compile(r"\bthat\b\s*")
_COLON_BEFORE_QUOTE = re.compile(r"(?:[\w’'-]+\s+){1,8}?[\w’'-]+\s*:\s*(?=[\"“‘'])")
_CLAUSE_MARK = re.compile(r"[;:\"“‘]")
"""Patterns of :func:`content_begin`, compiled once (it runs for every speech verb)."""


@lru_cache(maxsize=1)
def _question_regex() -> re.Pattern[str]:
    """"asked (Foreign Minister X) whether": a question verb's addressee, up to its question
    word (group ``q``); no clause mark, "that", "to" or "about" on the way."""
    words = phrase_alternation(load_triggers().raw["speech"]["question_words"])
    return re.compile(rf"\s+(?:(?!(?:that|to|about|not|for|and|or|but)\b)[\w’'.-]+\s+){{0,6}}?"
                      rf"(?P<q>(?:{words}))\b", re.IGNORECASE)


def question_begin(ctx: Context, trigger: SpeechTrigger, after: int | None = None
                   ) -> int | None:
    """Where a question in reported speech starts ("asked whether A", "asked the minister
    if A", "wondered how A"): the offset of its question word (searched from ``after``,
    the verb's end by default), or None when the verb asks no question (it is not one of
    ``question_verbs``)."""
    if trigger.cls != "demand" or trigger.verb.text[:1].lower() not in "aiew":
        return None
    verb = verb_of(ctx, trigger)
    if verb is None or verb.lemma not in ctx.triggers.raw["speech"]["question_verbs"]:
        return None
    m = _question_regex().match(ctx.text, trigger.verb.end if after is None else after,
                                trigger.sentence.end)
    if m is None or ctx.in_quote(m.start("q")) is not None:
        return None
    return m.start("q")


def content_begin(ctx: Context, trigger: SpeechTrigger) -> int:
    """Where the reported words start: at the verb for ``call``/``demand`` verbs and
    negations (at the question word of a reported question: "asked whether ..."), else
    after the verb, its time, its listeners and "that"."""
    text = ctx.text
    if trigger.cls == "demand":
        question = question_begin(ctx, trigger)
        if question is not None:
            return question
    if trigger.cls in ("call", "demand", "negation", "act"):
        return trigger.verb.begin
    pos = trigger.verb.end
    end = trigger.sentence.end
    while pos < end and text[pos] in " \t\n:,":
        pos += 1
    # "said on Thursday it would ...": the time of saying is not what was said.
    unresolved = _UNRESOLVED_TIME.match(text, pos, end)
    if unresolved:
        pos = unresolved.end()  # "said on Monday it had ..." in an undated article
    lead = _TIME_LEAD.match(text[pos:end])
    start = pos + (lead.end() if lead else 0)
    for date in ctx.dates_in(pos, min(end, pos + 60)):
        if date.span.begin in (pos, start):
            pos = date.span.end
            while pos < end and text[pos] in " \t\n:,":
                pos += 1
            break
    # "said on CNBC this week the deal ...": the outlet spoken on and the time.
    medium = _MEDIUM.match(text[pos:end])
    if medium is not None:
        outlet = ctx.actor_at(pos + medium.end())
        if outlet is not None and outlet.type is ActorType.MEDIA:
            pos = _skip_time(ctx, outlet.span.end, end)
            while pos < end and text[pos] in " \t,":
                pos += 1
    # "said in a statement the ban ...": the occasion of speaking is not the words.
    occasion = _occasion_regex().match(text, pos, end)
    if occasion:
        pos = occasion.end()
        for date in ctx.dates_in(pos, min(end, pos + 40)):
            if date.span.begin == pos or re.fullmatch(r"\s*(?:on|in|at)\s+",
                                                       text[pos:date.span.begin]):
                pos = date.span.end
                break
        part = _PART_OF_DAY.match(text, pos, end)
        pos = part.end() if part else pos
        while pos < end and text[pos] in " \t\n,:":
            pos += 1
    # "stated ... regarding the measures of X to prohibit Y that "...."": a topic phrase
    # before "that" (in translated text) is not the words.
    topic = _TOPIC.match(text, pos, end)
    if topic is not None:
        that = re.search(r"\bthat\b\s*", text[topic.end():min(end, topic.end() + 250)])
        if that is not None and not re.search(r"[;\"“‘]", text[pos:topic.end() + that.start()]):
            return topic.end() + that.end()
    # "reported on Jan. 7, citing unnamed sources, that ...": the source is not the words.
    citing = _CITING.match(text[pos:end])
    if citing:
        pos += citing.end()
    m = _THAT_FIRST.match(text[pos:end])
    if m:
        return pos + m.end()
    if is_tell(trigger):
        # "told reporters the rules were ...", "told ambassadors on Wednesday the bloc
        # ...": the listeners, and the time after them, are not the words.
        listeners_at = pos
        heard = skip_listeners(ctx, pos, end)
        if heard > pos:
            pos = _skip_time(ctx, heard, end)
            # "told the Journal in an interview (on Monday) the ban ...".
            while pos < end and text[pos] in " \t,":
                pos += 1
            occasion = _occasion_regex().match(text, pos, end)
            if occasion:
                pos = _skip_time(ctx, occasion.end(), end)
        while pos < end and text[pos] in " \t,":
            pos += 1
        m = _THAT_FIRST.match(text[pos:end])
        if m:
            return pos + m.end()
        if heard > listeners_at:
            after = _listener_phrases_end(text, pos, end)
            if after is not None:
                return after
    colon = _COLON_BEFORE_QUOTE.match(text[pos:end])
    if colon:
        return pos + colon.end()  # "said at the press conference: '...'"
    # "told reporters that", "said on Tuesday that", "said in a statement that".
    that = _THAT_WORD.search(text[pos:min(end, pos + 80)])
    if that is not None:
        skipped = text[pos:pos + that.start()]
        first = (skipped.split() or [""])[0].lower()
        # "said after talks in Kuala Lumpur on Oct. 26 that", "has said repeatedly that":
        # a time, a place or an adverb before "that" is not the words.
        adverbial = first in PREPOSITIONS or first in _TEMPORAL or (
            first.endswith("ly") and len(first) > 4)
        limit = _THAT_SKIP_WORDS + 3 if adverbial else _THAT_SKIP_WORDS
        if (len(skipped.split()) <= limit and not _CLAUSE_MARK.search(skipped)
                and (adverbial or ctx.actor_at(pos) is not None or is_tell(trigger)
                     or (first in _INDIRECT and first not in _DETERMINERS))):
            # a "tell" verb's object is whom it told, whatever the noun ("told troops in
            # Palawan on Thursday that"): the words begin after "that"
            return pos + that.end()
    return pos


_PHRASE_WORD = r"(?:[^\W\d_][\w’'.&-]*|\d[\d,.]*)"
_LISTENER_PHRASES = re.compile(rf"{_PHRASE_WORD}(?:,?\s+{_PHRASE_WORD}){{0,30}}?,?\s+"
                               r"(?P<that>that)\s+")
"""Up to 30 words of phrases, then "that": the listeners' descriptions and the occasion."""
_NO_CLAUSE = re.compile(r"\b(?:" + phrase_alternation(
    load_triggers().raw["speech"]["listener_phrase_breaks"]) + r")\b|[;:\"“‘(]")
"""A relative or subordinate clause, a subject pronoun, another report (``[speech]
listener_phrase_breaks``) or a quotation among the phrases: they are no longer the
listeners' description."""


def _listener_phrases_end(text: str, pos: int, end: int) -> int | None:
    """Where the words begin after the prepositional phrases that go on describing a "tell"
    verb's listeners and the occasion ("told executives from Samsung, SK hynix and Hyundai
    at an emergency meeting on Thursday that ..."): after "that", when the phrases at
    ``pos`` open with a preposition and hold no clause of their own (and "that" is no
    determiner after a preposition: "at that meeting"), else None."""
    first = text[pos:pos + 12].split(None, 1)
    if not first or first[0].lower() not in PREPOSITIONS:
        return None
    m = _LISTENER_PHRASES.match(text, pos, end)
    if m is None or _NO_CLAUSE.search(text, pos, m.start("that")) is not None:
        return None
    before = text[pos:m.start("that")].split()
    if before and before[-1].lower() in PREPOSITIONS:
        return None
    return m.end()


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its"})
"""After a verb other than "tell", a noun phrase before "that" is an object with a relative
clause ("posts a message on X that Tokyo calls inappropriate"), not listeners."""
_INDIRECT = frozenset(load_triggers().raw["speech"]["that_listeners"]) | _DETERMINERS
"""First words of the listeners between a say verb and "that" ("told reporters that")."""


def is_tell(trigger: SpeechTrigger) -> bool:
    """Whether the verb is a form of "tell" (its object is the listener)."""
    return trigger.verb.text.lower().startswith(("told", "tell"))


@lru_cache(maxsize=1)
def _listener_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["listeners"])
    return re.compile(rf"(?:(?:the|a|an|his|her|its|their|our|this|one)\s+)?"
                      rf"(?:[\w’'-]+\s+){{0,3}}?(?:{nouns})(?![\w-])", re.IGNORECASE)


_THE = re.compile(r"the\s+", re.IGNORECASE)


def skip_listeners(ctx: Context, pos: int, end: int) -> int:
    """The offset after the listeners of a "tell" verb at ``pos`` (an actor, or a noun of
    ``listeners``: "reporters", "the regular Thursday press conference"), else ``pos``."""
    while pos < end and ctx.text[pos] in " \t":
        pos += 1
    the = _THE.match(ctx.text, pos, end)
    listener = ctx.actor_at(pos) or (ctx.actor_at(the.end()) if the is not None else None)
    if listener is not None and listener.span.end <= end:
        return listener.span.end  # "told Reuters", "told the Gazette"
    heard = _listener_regex().match(ctx.text, pos, end)
    return heard.end() if heard is not None else pos


def _skip_time(ctx: Context, pos: int, end: int) -> int:
    """The offset after a time expression right at ``pos`` ("on Wednesday", "late on
    Thursday", "this week"), else ``pos``."""
    start = pos
    while start < end and ctx.text[start] in " \t,":
        start += 1
    lead = _TIME_LEAD.match(ctx.text, start, end)
    after_lead = lead.end() if lead else start
    for date in ctx.dates_in(start, min(end, start + 60)):
        if date.span.begin in (start, after_lead):
            part = _PART_OF_DAY.match(ctx.text, date.span.end, end)  # "on 7th morning"
            return part.end() if part else date.span.end
        break
    unresolved = _UNRESOLVED_TIME.match(ctx.text, start, end)
    if unresolved is None:
        return pos
    stop = unresolved.end()
    while stop > start and ctx.text[stop - 1] in " \t,":
        stop -= 1
    return stop


_PART_OF_DAY = re.compile(r"\s*(?:morning|afternoon|evening|night)\b", re.IGNORECASE)
_TOPIC = re.compile(r"(?:regarding|concerning|about|with\s+regard\s+to|in\s+relation\s+to|"
                    r"on\s+the\s+(?:issue|matter|question)\s+of)\b", re.IGNORECASE)
_TIME_LEAD = re.compile(r"(?:(?:late|early|earlier|later)\s+)?"
                        r"(?:(?:on|in|at|during|last|this)\s+)?", re.IGNORECASE)
_TAIL_END = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?(?:[.!?…]['’\"”)]*)?\s*$")
_TAIL_STOP = frozenset("that it he she they we i you would will could should is was were are has "
                       "have had be can may might must did does do not".split())
_TAIL_PHRASE = re.compile(
    r"(?:on|in|at|during|to|via|through|after|before|from|with|while|for|by|over|speaking|"
    r"citing|late|early|earlier|later|again|also|separately|previously|yesterday|today|"
    r"tonight|recently)\b(?:\s+[\w’'.-]+){0,7}?(?=\s*(?:[,;(—–]|[.!?…]['’\"”)]*\s*$|$)|"
    r"\s+(?:on|in|at|during|after|before|via|through)\s)",
    re.IGNORECASE)
"""One adverbial phrase after the verb, up to a comma, the sentence's end or the next
preposition ("in the emergency briefing held | at the Government Office | in the morning,")."""


def attribution_tail(ctx: Context, trigger: SpeechTrigger) -> int | None:
    """Where the adverbials after an attribution's verb end ("said Friday", "told
    reporters on Jan. 8", "said at a regular press briefing on Wednesday, in response to
    ..."): the offset of the comma or sentence end they run to, or None when words
    follow the verb (the verb reports what follows it)."""
    text = ctx.text
    end = trigger.sentence.end
    pos = trigger.verb.end
    if is_tell(trigger):
        pos = skip_listeners(ctx, pos, end)
    for _ in range(8):
        while pos < end and text[pos] in " \t":
            pos += 1
        if pos >= end or text[pos] in ",;—–" or _TAIL_END.match(text, pos, end):
            return pos
        timed = _skip_time(ctx, pos, end)
        if timed > pos:
            pos = timed
            continue
        phrase = _TAIL_PHRASE.match(text, pos, end)
        if phrase is None or set(words(phrase.group())) & _TAIL_STOP or \
                ctx.in_quote(pos) is not None or any(c in phrase.group() for c in "\"“”"):
            return None
        pos = phrase.end()
    return None


def content_end(ctx: Context, begin: int, sentence: Span) -> int:
    """Where the reported words end: the sentence's end, or before "according to", a
    semicolon outside quotations ("...; it is later deleted"), or the comma closing a
    leading subordinate clause ("When the ministry announced that A, my first reaction
    was ...")."""
    end = sentence.end
    # the sentence's "according to" words, found once per sentence (:class:`TriggerWords`)
    according = trigger_words(ctx).matches(ctx.text, sentence)["according"]
    m = next((a for a in according if a.start() > begin and _names_source(ctx, a)), None)
    if m is not None:
        end = m.start()
    semicolon = ctx.text.find(";", begin, end)
    while semicolon != -1:
        if not ctx.in_quote(semicolon):
            end = semicolon
            break
        semicolon = ctx.text.find(";", semicolon + 1, end)
    if _SUBORDINATE.match(ctx.text, sentence.begin, begin) and \
            "," not in ctx.text[sentence.begin:begin]:
        comma = ctx.text.find(",", begin, end)
        if comma != -1 and not ctx.in_quote(comma):
            end = comma
    end = narrator_comment(ctx, begin, end)  # "..., but gave no date": the narrator's
    return trim_end(ctx.text, begin, end)


_SOURCE_WORDS = 4
"""Words after "according to" within which a source is named ("according to the Global
Times", "according to people familiar with ...")."""


def _names_source(ctx: Context, marker: re.Match[str]) -> bool:
    """Whether a source marker names a source: "citing ...", "cited by ...", or an actor,
    a report, data or a description of people soon after "according to" / "per" ("per
    Reuters", "according to customs data"); not "according to law", "$300 per tonne"."""
    if marker.group().lower().startswith(("citing", "cited")):
        return True
    after = ctx.text[marker.end():min(len(ctx.text), marker.end() + 80)]
    near = after.split()[:_SOURCE_WORDS]
    if not near:
        return False
    reach = marker.end() + len(after) - len(after.lstrip()) + len(" ".join(near))
    if ctx.actors_in(marker.end(), reach):
        return True
    return bool({w.strip(",.;:").lower() for w in near} & _source_nouns())


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    speech = load_triggers().raw["speech"]
    return frozenset(w.lower() for w in (*speech["report_nouns"], *speech["data_nouns"],
                                         *speech["subjects"]["descriptors"], "people",
                                         "person", "persons", "insiders", "sources"))


_SUBORDINATE = re.compile(r"(?:When|After|As|Since|Although|Though|While|Because|Before|Once|"
                          r"Until|If)\b")


_UNRESOLVED_TIME = re.compile(
    r"(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?(?:(?:last|this|next)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"(?:last|this)\s+(?:week|month|year))(?:\s+(?:morning|afternoon|evening|night))?\b(?![’'])"
    r",?\s*")
def trim_end(text: str, begin: int, end: int) -> int:
    """The end of ``text[begin:end]`` without trailing white space, commas, dashes and a
    final stop (kept when a closing quotation mark follows it), and the reference markers
    an encyclopedia glues after the stop ("... channels.[7]")."""
    while end > begin and (text[end - 1].isspace() or text[end - 1] in ",;—–-"):
        end -= 1
    marker = _REFERENCE_MARKERS.search(text, begin, end)
    if marker is not None:
        end = marker.start()
    if end > begin and text[end - 1] in ".!?" and not _closes_quote(text, begin, end):
        end -= 1
    return end


_REFERENCE_MARKERS = re.compile(r"(?<=[.!?\"”’'])(?:\[\d{1,3}\])+$")
"""Reference markers after a stop or a closing mark ending the words ("... home.[5]")."""


def _closes_quote(text: str, begin: int, end: int) -> bool:
    """Whether the final punctuation sits inside a quotation that closes right after."""
    return end < len(text) and text[end:end + 1] in _CLOSING


_AFTER_COMMA = re.compile(r"[,—–]['’\"”]?\s*(?:[\w’'.-]+\s+){0,4}$")


def is_trailing(ctx: Context, trigger: SpeechTrigger) -> bool:
    """"..., two people familiar with the matter said on Tuesday, in a move ...": the
    subject follows a comma and only adverbials (and a "tell" verb's listeners) follow
    the verb up to a comma or the sentence's end (:func:`attribution_tail`)."""
    speaker = trigger.speaker
    if speaker is None or speaker.span.begin > trigger.verb.begin:
        return False
    before = ctx.text[max(trigger.sentence.begin, speaker.span.begin - 60):speaker.span.begin]
    # A title may stand between the comma and the name: ", chief executive Takuya Ebisawa",
    # ", Chief Cabinet Secretary Minoru Kihara", ", the ministry's spokesperson He Yadong".
    if not _AFTER_COMMA.search(before):
        return False
    return attribution_tail(ctx, trigger) is not None


@lru_cache(maxsize=1)
def _occasion_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["occasions"])
    return re.compile(rf"(?:in|at|during|on|via|through|after)\s+(?:a|an|the|his|her|its|"
                      rf"their|our)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b(?![\w-])"
                      rf"(?:\s+(?:to|with|on|in)\s+(?:[\w’'-]+\s+){{0,2}}?[\w’'-]+(?=\s*(?:,|that\b|:)))?",
                      re.IGNORECASE)


def words_before_attribution(ctx: Context, trigger: SpeechTrigger) -> tuple[int, int]:
    """For "..., the ministry said.": the words from the sentence start to the comma."""
    subject = trigger.speaker.span if trigger.speaker else trigger.verb
    if subject.begin > trigger.verb.begin:
        subject = trigger.verb
    stop = max(ctx.text.rfind(",", trigger.sentence.begin, subject.begin),
               ctx.text.rfind("—", trigger.sentence.begin, subject.begin))
    if stop == -1 or ctx.text[stop + 1:subject.begin].strip(" ,'’\"”").count(" ") > 4:
        return 0, 0
    start = trigger.sentence.begin
    according = ctx.triggers.according_regex.match(ctx.text, start)
    if according:
        comma = ctx.text.find(",", according.end(), stop)
        start = comma + 1 if comma != -1 else start
    marker = _ITEM_MARKER.match(ctx.text, start, stop)
    start = marker.end() if marker is not None else start  # "3. whether ..., X reported"
    for date in ctx.dates_in(start, stop):
        if ctx.is_dateline(date.span) or date.span.begin == start or _DATELINE_PLACE.fullmatch(
                ctx.text, start, date.span.begin):
            dash = _DATELINE_END.match(ctx.text, date.span.end, stop)
            if dash is not None:
                start = dash.end()  # "OSTRAVA, March 4 (Wire) - ..."
    if start == trigger.sentence.begin:
        place = _UNDATED_DATELINE.match(ctx.text, start, stop)
        if place is not None:
            start = place.end()  # "TOKYO - ...", "BEIJING (AP) — ...": no date in it
    while start < stop and ctx.text[start].isspace():
        start += 1
    end = trim_end(ctx.text, start, stop)
    if _describes(ctx, start, end):
        return 0, 0  # "Mexico's president, Claudia Sheinbaum, replied on X.": no words
    return start, end


_APPOSED = re.compile(r",\s*(?=[A-Z])")


def _describes(ctx: Context, begin: int, end: int) -> bool:
    """Whether the words before a trailing attribution are a title in apposition to a
    person named right after it ("Brazil's trade minister, Ana Costa, replied"): they end
    with a title noun (``[speech.subjects] descriptors``), hold no quotation, and a comma
    and a person's name follow."""
    m = _APPOSED.match(ctx.text, end)
    if m is None:
        return False
    person = next((a for a in ctx.actors_in(m.end(), m.end() + 60)
                   if a.span.begin == m.end()), None)
    if person is None or person.type is not ActorType.PERSON:
        return False
    found = words(ctx.text[begin:end])
    return bool(found) and found[-1].lower() in _descriptors() and \
        not any(c in '"“”' for c in ctx.text[begin:end])


@lru_cache(maxsize=1)
def _descriptors() -> frozenset[str]:
    return frozenset(load_triggers().raw["speech"]["subjects"]["descriptors"])


_ITEM_MARKER = re.compile(r"\s*(?:\d{1,2}[.)]|" + BULLET + r")\s+")
"""A list item's marker before the words of a trailing attribution."""
_DATELINE_PLACE = re.compile(r"\s*[A-Z][A-Z.'’/ -]{1,40},\s*")
"""The place of a dateline, in capitals ("BEIJING, ", "BEIJING/TOKYO, ")."""
_DATELINE_END = re.compile(r",?\s*(?:\([^)]{1,40}\)\s*)?[-–—]{1,2}\s+")
_UNDATED_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’/]+(?: [A-Z][A-Z.'’/]+){0,3}"
                               r"(?:\s*\([^)]{1,40}\))?\s+[-–—]{1,2}\s+")
"""A dateline of a place in capitals without a date ("TOKYO - ", "BEIJING (AP) — ")."""


def strip_boundary(lead: str) -> str:
    """``lead`` without a final clause boundary (", while", ", a move", "and")."""
    m = re.search(r"(?:[,;]\s*)?\b" + _BOUNDARY_WORDS + r"?\s*$", lead)
    return lead[:m.start()] if m else lead


def trim_boundary_words(text: str, begin: int, end: int) -> int:
    """The end of ``text[begin:end]`` before a final boundary word ("..., while")."""
    m = re.search(r"(?:[,;]\s*)?\b" + _BOUNDARY_WORDS + r"(?:\s+(?:also|then|again|[a-z]+ly))?$",
                  text[begin:end])
    if m is not None:
        end = begin + m.start()
    return trim_end(text, begin, end)


def overlaps_any(spans: list[tuple[int, int]], starts: list[int], span: Span) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (sorted by start)."""
    i = bisect.bisect_left(starts, span.end)
    # Spans starting before ``span`` ends; reported words rarely nest, so a few suffice.
    for begin, end in spans[max(0, i - 4):i]:
        if begin < span.end and span.begin < end:
            return True
    return False


# -- finishing ------------------------------------------------------------------------------

def widen_short(ctx: Context, trigger: SpeechTrigger, content: Span) -> Span:
    """Reported words too short to stand alone as evidence ("condemns the exercises") are
    given with their subject: "Taiwan's President Lai Ching-te condemns the exercises"."""
    speaker = trigger.speaker
    if speaker is None or trigger.negated or trigger.tense == "gerund" \
            or trigger.cls not in ("call", "demand", "act", "say") \
            or word_count(content.text) >= SHORT_STATEMENT:  # the costly test last
        return content
    if trigger.cls == "say" and (content.begin != _next_word(ctx.text, trigger.verb.end) or
                                 _first_word(content.text) not in PREPOSITIONS):
        # "said Tokyo would retaliate": a clause of its own; "puts it at about 60%":
        # a phrase, given with the subject.
        return content
    if not (trigger.sentence.begin <= speaker.span.begin < content.begin
            and speaker.span.end <= trigger.verb.begin <= content.begin):
        return content
    between = ctx.text[speaker.span.end:trigger.verb.begin]
    if re.search(r"[,;:]", between) or len(between.split()) > 8:
        return content
    return Span.of(ctx.text, speaker.span.begin, content.end)


def _first_word(text: str) -> str:
    found = words(text)
    return found[0] if found else ""


def _next_word(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def by_paragraph(ctx: Context, content: Span) -> list[Span]:
    """Reported words running over several paragraphs (a quotation continued from one
    paragraph to the next) as one statement per paragraph, each with its own evidence."""
    first = ctx.paragraph_of(content.begin)
    if first is None or content.end <= first.end:
        return [content]
    pieces: list[Span] = []
    paragraph: Span | None = first
    while paragraph is not None and paragraph.begin < content.end:
        begin, end = max(content.begin, paragraph.begin), min(content.end, paragraph.end)
        paragraph = ctx.next_paragraph(paragraph.end)
        if begin < end:
            while begin < end and ctx.text[begin] in QUOTE_CHARS + " \t":
                begin += 1  # the re-opening mark of a continued quotation
            end = trim_end(ctx.text, begin, end)
            if word_count(ctx.text[begin:end]) >= SHORT_CONTENT:
                pieces.append(Span.of(ctx.text, begin, end))
    return pieces or [content]


def tidy(ctx: Context, span: Span) -> Span:
    """Drop white space, a leading colon and a trailing comma or semicolon from the
    reported words ("told reporters: “...”")."""
    begin, end = span.begin, span.end
    while end > begin and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ",;"):
        end -= 1
    while begin < end and (ctx.text[begin].isspace() or ctx.text[begin] == ":"):
        begin += 1
    return Span.of(ctx.text, begin, end)


def unwrap(ctx: Context, content: Span) -> Span:
    """Reported words that are exactly one quotation are the quotation's words."""
    for quote in ctx.quotes_in(content.begin, content.end + 1):
        if quote.outer.begin == content.begin and quote.outer.end >= content.end - 1:
            return quote.span
    return content


def has_quote(ctx: Context, span: Span) -> bool:
    """Whether ``span`` holds quoted words or lies inside a quotation."""
    if any(not is_term_in(ctx, q) for q in ctx.quotes_in(span.begin - 1, span.end + 2)):
        return True
    around = ctx.in_quote(span.begin, max(span.begin + 1, span.end - 1))
    return around is not None and not is_term_in(ctx, around)


def is_term(quote: Quote) -> bool:
    """A quotation that names a term quotes nobody: short and capitalised ('One China'), or
    after a word that introduces a name ("all 'dual-use items'", "so-called 'X'")."""
    found = _letter_words(quote.span.text)
    if not found or len(found) > _TERM_MAX_WORDS:
        return False
    return all(w[0].isupper() for w in found)


@lru_cache(maxsize=1024)
def _letter_words(text: str) -> tuple[str, ...]:
    """The words of a quotation's text: the rules ask of one quotation dozens of times
    per article whether it is a term."""
    return tuple(_LETTERS.findall(text))


def is_term_in(ctx: Context, quote: Quote) -> bool:
    """:func:`is_term`, or a short quotation after a word that introduces a name ("all
    'dual-use items'", "so-called 'protest'")."""
    if is_term(quote):
        return True
    if len(_letter_words(quote.span.text)) > _TERM_MAX_WORDS:
        return False
    before = ctx.text[max(0, quote.outer.begin - 25):quote.outer.begin].lower()
    return _TERM_INTRO.search(before) is not None


_LETTERS = re.compile(r"[^\W\d_]+")
_TERM_INTRO = re.compile(r"\b(?:all|so-called|so called|known as|dubbed|termed|the term|the word|"
                         r"the phrase|the label)\s*$")
