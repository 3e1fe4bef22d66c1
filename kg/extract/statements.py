"""Find statements: direct quotes and reported speech, with speaker, date and source.

A statement is found where a speech verb (``[speech]`` in ``kg/data/triggers.toml``) has an
actor as its subject, and its span (``kg:quote``) is what the verb reports:

* ``say`` verbs report what follows: ``X said (that) ...``, ``X said: "..."``, and the
  quotation before them in ``"...," said X`` / ``"...," X said``;
* ``call`` verbs report their object and its description, from the verb on:
  ``X called it "regrettable"``, ``X condemned the remarks as provocative``;
* ``demand`` verbs report words only with a *that* clause or a quotation:
  ``X demanded that ...``, ``X protested the move as "regrettable"``;
* a participle after a comma (``..., noting that ...``, ``..., calling it ...``) is a further
  statement of the sentence's subject, or of the source just named (``reports in X,
  suggesting ...``);
* ``according to X, ...`` makes X the speaker of a sentence with no other speech verb, and
  the source (``via``) of one that has;
* a reporting chain keeps the outlet: ``the Journal reported that an official said ...``
  gives the official as speaker and the Journal as ``via``;
* a report of *not* saying (``X did not specify whether ...``, ``X declined to comment``)
  is a statement with ``negated=True``, its span starting at the negation, so it can never
  be read as a positive claim;
* a quotation with no attribution right after a quoted statement continues it (same
  speaker), as in ``"A," said X. "B."``;
* a trailing attribution (``..., two people familiar with the matter said on Tuesday``)
  reports the words before it;
* ``It said ...`` / ``They added ...`` is the last organisation or state that spoke.

Not statements: nouns that look like verbs (``Takaichi's comments``, ``his remarks``),
acts reported with a ``demand`` or ``announce`` verb and no words (``China announced a
ban``, ``Japan protested the move``), words inside a quotation, and verbs whose subject names
no actor.

The speaker is the subject of the verb (see :meth:`Context.subject`): the actor right
before it, a pronoun resolved to the last person mentioned, a capitalised surname
("..., He said") matched to a person of the article, or a description ("a spokesperson for
the ministry") resolved to the person the article describes so.

The kind is ``direct_quote`` when the span holds quoted words (a quotation that is not a
short capitalised term such as 'One China'), else ``reported``.

The date is the date of the speech event: a date expression of the sentence outside the
reported words ("said on Tuesday", "in his New Year's address"), else the article's own
date for a verb in the present tense ("China says"), else, for a person, the last date at
which the article placed that person (a briefing carries over to the same speaker's later
quotes), else none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import (
    ActorMention,
    ActorType,
    Article,
    PartialDate,
    Span,
    StatementKind,
    StatementMention,
)
from .context import PREPOSITIONS, Context, Subject, build_context
from .text import Quote, words
from .triggers import SpeechVerb

_QUOTE_MAX = 5000
"""Longest quotation looked back for from an attribution (characters)."""
_CLOSING = "\"'”’»"
_THAT_SKIP_WORDS = 7
_TERM_MAX_WORDS = 4
_SHORT_CONTENT = 3
_SHORT_STATEMENT = 5
_BOUNDARY = re.compile(r"(?:[,;]['’\"”]?|['’\"”][,;]|\s[—–])\s*(?:(?:while|and|but|as|before|after|"
                       r"a move|which|who)\s+)?$")
_TRAILING_ATTRIBUTION = re.compile(
    r"(?:\s+(?:in|on|at|to|during|via|through)(?:\s+[\w’'-]+){1,5})?\s*[.!?]?['’\"”]?\s*$")
_TRAILING_ADVERBIAL = re.compile(
    r"(?:\s+(?:on|in|at|during|late|early|last|this|earlier|later|yesterday|today|on\s+\w+)"
    r"(?:\s+[\w’'-]+){0,4})?\s*(?:,|[.!?]['’\"”]?\s*$|$)")
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+|also\s+|now\s+)?$",
                          re.IGNORECASE)
_INDIRECT = frozenset({"reporters", "journalists", "lawmakers", "parliament", "the", "a", "an",
                       "media", "press", "his", "her", "their", "its"})


@dataclass
class _Trigger:
    """A speech verb (or negation, or "according to") found in a sentence."""

    verb: Span
    sentence: Span
    cls: str  # say, call, demand, negation, according
    tense: str
    speaker: Subject | None = None
    content: Span | None = None
    negated: bool = False
    via: str | None = None
    dropped: bool = False
    post_quote: Quote | None = None


def find_statements(article: Article, actors: list[ActorMention], *,
                    context: Context | None = None) -> list[StatementMention]:
    """Return the quotes and reported speech of ``article`` (see module doc), sorted by span.

    ``actors`` are the article's actor mentions (canonical names); ``context`` may pass
    the shared :class:`Context` when the caller has built it already.
    """
    ctx = context or build_context(article, actors)
    triggers: list[_Trigger] = []
    speakers: list[str] = []  # who spoke so far, for "It said ..."
    for sentence in ctx.sentences:
        found = _sentence_triggers(ctx, sentence, speakers)
        triggers.extend(found)
        speakers.extend(t.speaker.name for t in found
                        if not t.dropped and t.speaker and t.content)
    statements = [t for t in triggers if not t.dropped and t.speaker and t.content]
    statements.extend(_continuations(ctx, statements))
    return _finish(ctx, statements)


# -- triggers -------------------------------------------------------------------------------

def _sentence_triggers(ctx: Context, sentence: Span, speakers: list[str]) -> list[_Trigger]:
    found = _verbs(ctx, sentence) + _negations(ctx, sentence)
    found.sort(key=lambda t: t.verb.begin)
    found = _without_overlaps(found)
    for trigger in found:
        _attribute(ctx, trigger, found, speakers)
    _resolve_nesting(ctx, found)
    for trigger in found:
        # Reported words cut short by a participle must still report words.
        if trigger.cls == "demand" and not trigger.dropped and trigger.content is not None \
                and trigger.post_quote is None and not _demand_reports_words(
                    ctx, trigger, trigger.content.begin, trigger.content.end):
            trigger.dropped = True
    _apply_according(ctx, sentence, found)
    return found


def _verbs(ctx: Context, sentence: Span) -> list[_Trigger]:
    out: list[_Trigger] = []
    verbs = ctx.triggers.speech_verbs
    for m in ctx.triggers.speech_regex.finditer(ctx.text, sentence.begin, sentence.end):
        if ctx.in_quote(m.start(), m.end()):
            continue  # words inside a quotation are the speaker's, not an attribution
        info: SpeechVerb = verbs[" ".join(m.group().lower().split())]
        before = ctx.word_before(m.start())
        if before is not None:
            lower = before.lower()
            if (lower in ctx.triggers.noun_markers or lower in PREPOSITIONS
                    or lower.endswith(("'s", "’s"))):
                continue  # a noun ("his remarks", "Takaichi's comments") or an infinitive
        if info.tense == "base" and before is not None and before.lower() not in (
                "and", "or", "also", "they") and ctx.actor_ending_at(m.start()) is None:
            continue  # a base form is finite after a plural subject ("Analysts warn")
        out.append(_Trigger(Span(m.start(), m.end(), m.group()), sentence, info.cls,
                            info.tense))
    return out


def _negations(ctx: Context, sentence: Span) -> list[_Trigger]:
    out: list[_Trigger] = []
    for m in ctx.triggers.negation_regex.finditer(ctx.text, sentence.begin, sentence.end):
        if ctx.in_quote(m.start(), m.end()):
            continue
        out.append(_Trigger(Span(m.start(), m.end(), m.group()), sentence, "negation", "past",
                            negated=True))
    return out


def _without_overlaps(found: list[_Trigger]) -> list[_Trigger]:
    kept: list[_Trigger] = []
    for trigger in found:
        if kept and trigger.verb.begin < kept[-1].verb.end:
            if trigger.cls == "negation" and kept[-1].cls != "negation":
                kept[-1] = trigger
            continue
        kept.append(trigger)
    return kept


def _attribute(ctx: Context, trigger: _Trigger, found: list[_Trigger],
               speakers: list[str]) -> None:
    """Find the speaker and the reported words of one trigger."""
    text = ctx.text
    sentence = trigger.sentence
    if trigger.cls in ("say", "call", "demand") and trigger.tense != "gerund":
        # '"...," said X' / '"...," X said': the quotation is the statement.
        speaker: Subject | None = None
        quote = _quote_before(ctx, trigger.verb.begin)
        if quote is not None:
            speaker = _speaker_after(ctx, trigger.verb.end, sentence)
        if speaker is None:
            left = ctx.subject_left_of(trigger.verb.begin, sentence.begin)
            quote = _quote_before(ctx, left.span.begin) if left is not None else None
            speaker = left if quote is not None else None
        if quote is not None and quote.outer.end <= sentence.begin:
            quote = None  # the quotation ended the sentence before: not attributed here
        if quote is not None and speaker is not None:
            trigger.speaker = speaker
            trigger.post_quote = quote
            trigger.content = quote.span
            return
    if trigger.tense == "gerund" and _PROGRESSIVE.search(
            ctx.text[max(sentence.begin, trigger.verb.begin - 20):trigger.verb.begin]):
        trigger.tense = "past"  # "sources are indicating that ...": a finite verb
    if trigger.tense == "gerund":
        if not _after_boundary(ctx, trigger.verb.begin, sentence.begin):
            trigger.dropped = True
            return
        trigger.speaker = _source_left(ctx, trigger.verb.begin, sentence.begin) or \
            _sentence_speaker(ctx, trigger, found)
    else:
        trigger.speaker = _finite_subject(ctx, trigger) or _pronoun_speaker(ctx, trigger,
                                                                            speakers)
    if trigger.speaker is None:
        trigger.dropped = True
        return
    begin = _content_begin(ctx, trigger)
    end = _content_end(ctx, begin, sentence)
    if trigger.cls == "negation":
        # "She did not name China, but the rules are seen as ...": the narrator goes on.
        but = re.search(r",\s+(?:but|while|although|though)\b", text[begin:end])
        if but is not None:
            end = begin + but.start()
    if trigger.cls == "say" and _is_trailing(ctx, trigger):
        begin, end = _words_before_attribution(ctx, trigger)
        if begin >= end:
            trigger.dropped = True
            return
        trigger.content = Span.of(text, begin, end)
        return
    if trigger.cls == "say" and len(words(text[begin:end])) < _SHORT_CONTENT:
        # "..., analysts said." : the words are before the attribution.
        if not _TRAILING_ATTRIBUTION.match(text, trigger.verb.end, sentence.end):
            trigger.dropped = True
            return
        begin, end = _words_before_attribution(ctx, trigger)
    if begin >= end:
        trigger.dropped = True
        return
    if trigger.cls == "demand" and not _demand_reports_words(ctx, trigger, begin, end):
        trigger.dropped = True
        return
    if trigger.cls == "announce" and not re.search(r"(?:\bthat|:)\s*$",
                                                    text[trigger.verb.end:begin]):
        trigger.dropped = True
        return
    trigger.content = Span.of(text, begin, end)


def _quote_before(ctx: Context, offset: int) -> Quote | None:
    """The quotation that closes right before ``offset`` (white space and a comma between,
    or a title before a name: '"...," Deputy Minister Irena Sol told reporters')."""
    pos = offset
    title = re.search(r"(?:\s+[\w’'.-]+){1,4}\s*$", ctx.text[max(0, offset - 50):offset])
    if title is not None and re.search(r"[,!?][\"”’']\s*$|[\"”’']\s*,\s*$",
                                       ctx.text[max(0, offset - len(title.group()) - 3):
                                                offset - len(title.group())]):
        pos = offset - len(title.group())
    while pos > 0 and ctx.text[pos - 1] in " \t":
        pos -= 1
    for quote in ctx.quotes_in(max(0, pos - _QUOTE_MAX), pos):
        if quote.outer.end == pos or (quote.outer.end == pos - 1 and ctx.text[pos - 1] == ","):
            if not quote.nested and not _is_term(quote):
                return quote
    return None


def _speaker_after(ctx: Context, offset: int, sentence: Span) -> Subject | None:
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
    return None


def _after_boundary(ctx: Context, offset: int, floor: int) -> bool:
    """Whether a participle at ``offset`` follows a clause boundary (", calling ...")."""
    before = ctx.text[max(floor, offset - 12):offset]
    return _BOUNDARY.search(before) is not None


def _source_left(ctx: Context, offset: int, floor: int) -> Subject | None:
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


def _sentence_speaker(ctx: Context, trigger: _Trigger, found: list[_Trigger]) -> Subject | None:
    """The subject of the sentence: the speaker of its first statement, else its first
    eligible actor."""
    for other in found:
        if other is trigger:
            break
        if other.speaker is not None and not other.dropped and other.cls != "according":
            return other.speaker
    return ctx.clause_subject(trigger.sentence.begin, trigger.verb.begin)


def _finite_subject(ctx: Context, trigger: _Trigger) -> Subject | None:
    text = ctx.text
    left = text[max(trigger.sentence.begin, trigger.verb.begin - 12):trigger.verb.begin]
    if re.search(r",\s*(?:who|which)\s+$", left):
        # "..., Sanae Takaichi, who suggested ...": the relative pronoun's antecedent.
        comma = text.rfind(",", trigger.sentence.begin, trigger.verb.begin)
        mention = ctx.actor_ending_at(comma)
        if mention is not None:
            return Subject(mention.name, mention.span)
    if trigger.tense == "present" or (trigger.tense == "base" and ctx.word_before(
            trigger.verb.begin) not in ("and", "or")):
        # "remarks", "claims", "reports" are nouns as often as verbs: as verbs they follow
        # their subject ("China says", "Analysts warn").
        return ctx.subject_left_of(trigger.verb.begin, trigger.sentence.begin)
    return ctx.subject(trigger.verb.begin, trigger.sentence.begin)


def _pronoun_speaker(ctx: Context, trigger: _Trigger, speakers: list[str]) -> Subject | None:
    """"It said ...", "They added ...": the last organisation or state that spoke."""
    m = re.search(r"(?<![\w])([\w’']+)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?$",
                  ctx.text[max(trigger.sentence.begin, trigger.verb.begin - 30):
                           trigger.verb.begin])
    if m is None or m.group(1).lower() not in ctx.triggers.other_pronouns:
        return None
    begin = trigger.verb.begin - len(m.group())
    span = Span.of(ctx.text, begin, begin + len(m.group(1)))
    for name in reversed(speakers):
        if ctx.type_of(name) is not ActorType.PERSON:
            return Subject(name, span)
    return None


def _content_begin(ctx: Context, trigger: _Trigger) -> int:
    """Where the reported words start: at the verb for ``call``/``demand`` verbs and
    negations, else after the verb, its time, its listeners and "that"."""
    text = ctx.text
    if trigger.cls in ("call", "demand", "negation"):
        return trigger.verb.begin
    pos = trigger.verb.end
    end = trigger.sentence.end
    while pos < end and text[pos] in " \t\n:,":
        pos += 1
    # "said on Thursday it would ...": the time of saying is not what was said.
    lead = re.match(r"(?:on|in|at|during|late|early|last|this)\s+", text[pos:end], re.IGNORECASE)
    start = pos + (lead.end() if lead else 0)
    for date in ctx.dates_in(pos, min(end, pos + 60)):
        if date.span.begin in (pos, start):
            pos = date.span.end
            while pos < end and text[pos] in " \t\n:,":
                pos += 1
            break
    m = re.match(r"that\b\s*", text[pos:end])
    if m:
        return pos + m.end()
    if trigger.verb.text.lower().startswith(("told", "tell")):
        # "told reporters the rules were ...": the listeners are not the words.
        listener = ctx.actor_at(pos)
        heard = re.match(r"(?:(?:the|a|an)\s+)?(?:reporters|journalists|lawmakers|parliament|"
                         r"(?:a\s+)?(?:news|press)\s+conference|legislators|the\s+press)\b\s*",
                         text[pos:end], re.IGNORECASE)
        if listener is not None:
            pos = listener.span.end
        elif heard is not None:
            pos += heard.end()
        while pos < end and text[pos] in " \t,":
            pos += 1
        m = re.match(r"that\b\s*", text[pos:end])
        if m:
            return pos + m.end()
    colon = re.match(r"(?:[\w’'-]+\s+){1,8}?[\w’'-]+\s*:\s*(?=[\"“‘'])", text[pos:end])
    if colon:
        return pos + colon.end()  # "said at the press conference: '...'"
    # "told reporters that", "said on Tuesday that", "said in a statement that".
    that = re.search(r"\bthat\b\s*", text[pos:min(end, pos + 80)])
    if that is not None:
        skipped = text[pos:pos + that.start()]
        first = (skipped.split() or [""])[0].lower()
        if (len(skipped.split()) <= _THAT_SKIP_WORDS and not re.search(r"[;:\"“‘]", skipped)
                and (first in PREPOSITIONS or first in _INDIRECT
                     or ctx.actor_at(pos) is not None)):
            return pos + that.end()
    return pos


def _content_end(ctx: Context, begin: int, sentence: Span) -> int:
    end = sentence.end
    m = ctx.triggers.according_regex.search(ctx.text, begin, end)
    if m is not None and m.start() > begin:
        end = m.start()
    return _trim_end(ctx.text, begin, end)


def _trim_end(text: str, begin: int, end: int) -> int:
    while end > begin and (text[end - 1].isspace() or text[end - 1] in ",;—–-"):
        end -= 1
    if end > begin and text[end - 1] in ".!?" and not _closes_quote(text, begin, end):
        end -= 1
    return end


def _closes_quote(text: str, begin: int, end: int) -> bool:
    """Whether the final punctuation sits inside a quotation that closes right after."""
    return end < len(text) and text[end:end + 1] in _CLOSING


def _is_trailing(ctx: Context, trigger: _Trigger) -> bool:
    """"..., two people familiar with the matter said on Tuesday, in a move ...": the
    subject follows a comma and only adverbials follow the verb up to a comma."""
    speaker = trigger.speaker
    if speaker is None or speaker.span.begin > trigger.verb.begin:
        return False
    before = ctx.text[max(trigger.sentence.begin, speaker.span.begin - 3):speaker.span.begin]
    if not re.search(r"[,—–]['’\"”]?\s*$", before):
        return False
    after = ctx.text[trigger.verb.end:trigger.sentence.end]
    return _TRAILING_ADVERBIAL.match(after) is not None


def _words_before_attribution(ctx: Context, trigger: _Trigger) -> tuple[int, int]:
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
    for date in ctx.dates_in(start, stop):
        if ctx.is_dateline(date.span):
            dash = re.search(r"[-–—]{1,2}\s+", ctx.text[date.span.end:stop])
            if dash is not None:
                start = date.span.end + dash.end()  # "OSTRAVA, March 4 (Wire) - ..."
    while start < stop and ctx.text[start].isspace():
        start += 1
    return start, _trim_end(ctx.text, start, stop)


def _demand_reports_words(ctx: Context, trigger: _Trigger, begin: int, end: int) -> bool:
    after = ctx.text[trigger.verb.end:min(end, trigger.verb.end + 20)]
    if re.match(r"\s+that\b", after):
        return True
    return any(not _is_term_in(ctx, q) for q in ctx.quotes_in(begin, end + 1))


def _resolve_nesting(ctx: Context, found: list[_Trigger]) -> None:
    """Decide, for a trigger inside another's reported words, whether it splits them
    (", a move Beijing says ..."), forms a reporting chain, or is part of them."""
    live = [t for t in found if not t.dropped and t.content is not None]
    for outer in live:
        for inner in live:
            if inner is outer or inner.dropped or outer.dropped or outer.content is None:
                continue
            content = outer.content
            start = inner.verb.begin
            if inner.speaker and inner.tense != "gerund" and \
                    content.begin <= inner.speaker.span.begin < inner.verb.begin:
                start = inner.speaker.span.begin
            if inner.post_quote is not None:
                start = inner.post_quote.outer.begin
            if not (content.begin <= start < content.end) or inner.verb.begin < outer.verb.end:
                continue
            lead = ctx.text[content.begin:start]
            if not lead.strip():
                _chain(ctx, outer, inner)
                continue
            same = inner.speaker is not None and outer.speaker is not None and \
                inner.speaker.name == outer.speaker.name
            if (inner.tense == "gerund" and same and outer.cls != "negation"
                    and len(words(_strip_boundary(lead))) <= _SHORT_STATEMENT):
                inner.dropped = True  # "called it 'symbolic,' suggesting ...": one statement
                continue
            coordinated = inner.cls == "negation" and re.search(r"\s(?:and|but)\s+$", lead)
            if coordinated or (_BOUNDARY.search(lead)
                               and (inner.tense == "gerund" or inner.post_quote is None)):
                end = _trim_end(ctx.text, content.begin, content.begin + len(lead.rstrip()))
                end = _trim_boundary_words(ctx.text, content.begin, end)
                outer.content = Span.of(ctx.text, content.begin, end) if end > content.begin \
                    else None
                if outer.content is None:
                    outer.dropped = True
                continue
            inner.dropped = True


def _strip_boundary(lead: str) -> str:
    m = re.search(r"(?:[,;]['’\"”]?\s*)?\b(?:while|and|but|as|before|after|a move|which|who)?\s*$",
                  lead)
    return lead[:m.start()] if m else lead


def _trim_boundary_words(text: str, begin: int, end: int) -> int:
    m = re.search(r"(?:[,;]\s*)?\b(?:while|and|but|as|before|after|a move|which|who)$",
                  text[begin:end])
    if m is not None:
        end = begin + m.start()
    return _trim_end(text, begin, end)


def _chain(ctx: Context, outer: _Trigger, inner: _Trigger) -> None:
    """'X reported that Y said ...': Y speaks via X when X is an outlet; else Y's words are
    what X reports and stay X's statement."""
    if outer.speaker is not None and ctx.type_of(outer.speaker.name) is ActorType.MEDIA:
        inner.via = outer.speaker.name
        outer.dropped = True
    else:
        inner.dropped = True


def _apply_according(ctx: Context, sentence: Span, found: list[_Trigger]) -> None:
    """"according to X": the source of the sentence's statements, or their speaker."""
    for m in ctx.triggers.according_regex.finditer(ctx.text, sentence.begin, sentence.end):
        if ctx.in_quote(m.start(), m.end()) or not m.group().lower().startswith("according"):
            continue
        mention = ctx.actor_after(m.end())
        if mention is None:
            continue
        live = [t for t in found if not t.dropped and t.content is not None]
        if live:
            for trigger in live:
                if trigger.speaker and trigger.speaker.name != mention.name and not trigger.via:
                    trigger.via = mention.name
            continue
        if m.start() == sentence.begin:
            comma = ctx.text.find(",", mention.span.end, sentence.end)
            if comma == -1:
                continue
            begin, end = comma + 1, sentence.end
        else:
            begin, end = sentence.begin, m.start()
        while begin < end and ctx.text[begin].isspace():
            begin += 1
        end = _trim_end(ctx.text, begin, end)
        if end - begin < 10:
            continue
        found.append(_Trigger(Span(m.start(), m.end(), m.group()), sentence, "according",
                              "past", speaker=Subject(mention.name, mention.span),
                              content=Span.of(ctx.text, begin, end)))


def _continuations(ctx: Context, statements: list[_Trigger]) -> list[_Trigger]:
    """A quotation with no attribution right after a quoted statement continues it."""
    out: list[_Trigger] = []
    ordered = sorted((t for t in statements if t.content),
                     key=lambda t: (t.content.end, t.content.begin))  # type: ignore[union-attr]
    ends = [t.content.end for t in ordered]  # type: ignore[union-attr]
    covered = sorted((t.content.begin, t.content.end) for t in ordered)  # type: ignore[union-attr]
    starts = [b for b, _ in covered]
    for quote in ctx.quotes:
        if quote.nested or _is_term(quote) or _overlaps_any(covered, starts, quote.span):
            continue
        sentence = ctx.sentence_of(quote.outer.begin)
        if sentence is None or quote.outer.begin != sentence.begin:
            continue
        index = bisect.bisect_right(ends, quote.outer.begin) - 1
        if index < 0:
            continue
        last = ordered[index]
        gap = ctx.text[last.content.end:quote.outer.begin]
        paragraph_breaks = gap.count("\n")
        if last.post_quote is None and not _has_quote(ctx, last.content):
            continue
        if paragraph_breaks > 1 or len(gap) > 200 or ctx.actors_in(last.content.end,
                                                                   quote.outer.begin) and \
                paragraph_breaks:
            continue
        follower = _Trigger(quote.outer, sentence, "say", last.tense, speaker=last.speaker,
                            content=quote.span, via=last.via, post_quote=quote)
        out.append(follower)
        # Quotations come in text order, so the follower is the latest statement so far.
        ordered.insert(index + 1, follower)
        ends.insert(index + 1, quote.span.end)
    return out


def _overlaps_any(spans: list[tuple[int, int]], starts: list[int], span: Span) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (sorted by start)."""
    i = bisect.bisect_left(starts, span.end)
    # Spans starting before ``span`` ends; reported words rarely nest, so a few suffice.
    for begin, end in spans[max(0, i - 4):i]:
        if begin < span.end and span.begin < end:
            return True
    return False


# -- finishing ------------------------------------------------------------------------------

def _finish(ctx: Context, triggers: list[_Trigger]) -> list[StatementMention]:
    reported = [t.content for t in triggers if t.content is not None and t.cls == "say"]
    person_dates = _person_dates(ctx, reported)
    out: dict[Span, StatementMention] = {}
    for trigger in sorted(triggers, key=lambda t: (t.content.begin, t.content.end)):  # type: ignore[union-attr]
        content = _tidy(ctx, _unwrap(ctx, trigger.content))  # type: ignore[arg-type]
        speaker = trigger.speaker.name  # type: ignore[union-attr]
        date = _statement_date(ctx, trigger, content, person_dates)
        kind = StatementKind.DIRECT_QUOTE if _has_quote(ctx, content) else StatementKind.REPORTED
        if trigger.negated:
            kind = StatementKind.REPORTED
        if content in out:
            continue
        out[content] = StatementMention(speaker=speaker, kind=kind, span=content, date=date,
                                        via=trigger.via if trigger.via != speaker else None,
                                        negated=trigger.negated)
    return sorted(out.values(), key=lambda s: (s.span.begin, s.span.end))


def _tidy(ctx: Context, span: Span) -> Span:
    """Drop white space and a trailing comma or semicolon from the reported words."""
    begin, end = span.begin, span.end
    while end > begin and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ",;"):
        end -= 1
    while begin < end and ctx.text[begin].isspace():
        begin += 1
    return Span.of(ctx.text, begin, end)


def _unwrap(ctx: Context, content: Span) -> Span:
    """Reported words that are exactly one quotation are the quotation's words."""
    for quote in ctx.quotes_in(content.begin, content.end + 1):
        if quote.outer.begin == content.begin and quote.outer.end >= content.end - 1:
            return quote.span
    return content


def _has_quote(ctx: Context, span: Span) -> bool:
    """Whether ``span`` holds quoted words or lies inside a quotation."""
    if any(not _is_term_in(ctx, q) for q in ctx.quotes_in(span.begin - 1, span.end + 2)):
        return True
    around = ctx.in_quote(span.begin, max(span.begin + 1, span.end - 1))
    return around is not None and not _is_term_in(ctx, around)


def _is_term(quote: Quote) -> bool:
    """A quotation that names a term quotes nobody: short and capitalised ('One China'), or
    after a word that introduces a name ("all 'dual-use items'", "so-called 'X'")."""
    found = re.findall(r"[^\W\d_]+", quote.span.text)
    if not found or len(found) > _TERM_MAX_WORDS:
        return False
    return all(w[0].isupper() for w in found)


def _is_term_in(ctx: Context, quote: Quote) -> bool:
    if _is_term(quote):
        return True
    found = re.findall(r"[^\W\d_]+", quote.span.text)
    if len(found) > _TERM_MAX_WORDS:
        return False
    before = ctx.text[max(0, quote.outer.begin - 25):quote.outer.begin].lower()
    return re.search(r"\b(?:all|so-called|so called|known as|dubbed|termed|the term|the word|"
                     r"the phrase|the label)\s*$", before) is not None


def _statement_date(ctx: Context, trigger: _Trigger, content: Span,
                    person_dates: dict[str, list[tuple[int, PartialDate]]]) -> PartialDate | None:
    explicit = _explicit_date(ctx, trigger, content)
    if explicit is not None:
        return explicit
    if trigger.tense == "present" and ctx.article.metadata.date is not None:
        return PartialDate.from_date(ctx.article.metadata.date)
    speaker = trigger.speaker.name if trigger.speaker else None
    if speaker and ctx.type_of(speaker) is ActorType.PERSON:
        earlier = [d for offset, d in person_dates.get(speaker, [])
                   if offset < trigger.sentence.begin]
        if earlier:
            return earlier[-1]
    return None


def _explicit_date(ctx: Context, trigger: _Trigger, content: Span) -> PartialDate | None:
    """The date in the attribution: the sentence outside the reported words (all of the
    clause for ``call`` and ``demand`` verbs and negations, whose object may carry the date:
    "did not respond to a request for comment on Monday"), nearest the verb."""
    sentence = trigger.sentence
    begin = min(sentence.begin, content.begin)
    end = max(sentence.end, trigger.verb.end)
    best: tuple[int, PartialDate] | None = None
    for mention in ctx.dates_in(begin, end):
        span = mention.span
        inside = content.begin <= span.begin < content.end
        if inside and trigger.cls not in ("call", "demand", "negation"):
            continue
        if ctx.in_quote(span.begin, span.end) or ctx.is_dateline(span):
            continue
        distance = abs(span.begin - trigger.verb.begin)
        if best is None or distance < best[0]:
            best = (distance, mention.date)
    return best[1] if best else None


def _person_dates(ctx: Context, reported: list[Span]) -> dict[str, list[tuple[int, PartialDate]]]:
    """For each person, the dates of the sentences whose subject they are, in text order
    (dates inside quotations and reported words left out: they date other events)."""
    found: dict[str, list[tuple[int, PartialDate]]] = {}
    spans = sorted((r.begin, r.end) for r in reported)
    starts = [b for b, _ in spans]
    for sentence in ctx.sentences:
        dates = [d for d in ctx.dates_in(sentence.begin, sentence.end)
                 if not ctx.in_quote(d.span.begin, d.span.end) and not ctx.is_dateline(d.span)
                 and not _overlaps_any(spans, starts, d.span)]
        if not dates:
            continue
        subject = ctx.clause_subject(sentence.begin, sentence.end)
        if subject is None or ctx.type_of(subject.name) is not ActorType.PERSON:
            continue
        found.setdefault(subject.name, []).append((sentence.begin, dates[0].date))
    return found
