"""Statements found beyond one speech verb: transcripts, continued and published quotes.

* In a question-and-answer transcript (:mod:`.transcripts`) each sentence of an answer is the
  answerer's direct quote (:func:`answer_triggers`); an unlabelled paragraph after an answer
  continues it unless it reports a third party (:func:`reports_third_party`).
* "X said: A. B. C." in translated text: the sentences after the colon's, to the end of
  the paragraph, are X's words too (:func:`colon_paragraphs`).
* A quotation no statement holds, in a sentence whose subject issued a text ("announced the
  ban, prohibiting shipments to any end use that helps 'enhance ...'"), quotes that text
  (:func:`published_quotes`).
* "Reports that A, first published by X", "reports that A [2]" (note 2 naming X) and a
  quotation with an author-year citation "(X, 2026)" are X's (:func:`sourced_reports`).
* "Reuters: exports rose." and "Minister Ito at his briefing: “...”": a colon attributes
  the claim or the quotation after it (:func:`colon_attributions`).
* A quotation with no attribution right after a quoted statement, in the same paragraph or
  opening the next one, or resuming after the attribution that interrupts it ('“We
  oppose,” she said, “any unilateral step.”'), continues it (:func:`continuations`).
* A quotation filling a paragraph under a heading that names a person ("Comment from
  Kenta Morisawa, President and CEO" in a press release, "Tanaka's view") is that
  person's, sentence by sentence, dated to the release (:func:`heading_quotes`).
* A report of not saying that names no topic ("declined to comment", "did not respond to a
  request for comment") is no statement (:func:`says_nothing`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from ..model import (
    ActorMention,
    ActorType,
    PartialDate,
    Span,
)
from .context import Context, Subject
from .reported_words import SHORT_CONTENT, has_quote, is_term, is_term_in, overlaps_any, trim_end
from .speech_triggers import SpeechTrigger, verb_of
from .statement_quotes import merge_interrupted
from .text import BULLET, Quote, word_count, words
from .transcripts import Transcript, answer_sentences, is_heading
from .triggers import load_triggers, phrase_alternation, words_regex


@dataclass
class _Answer:
    """A sentence of a transcript answer, with the answer's own statement."""

    trigger: SpeechTrigger
    labelled: bool
    paragraph: int
    opening: int
    """Where the labelled turn this sentence answers in (or continues) begins."""


def answer_triggers(ctx: Context, transcript: Transcript) -> dict[tuple[int, int], _Answer]:
    """For each sentence of an answer (see :mod:`.transcripts`), the answerer's statement."""
    out: dict[tuple[int, int], _Answer] = {}
    opening = 0
    for turn in transcript.turns:
        if turn.labelled:
            opening = turn.body.begin
        for span in answer_sentences(ctx, turn):
            sentence = ctx.sentence_of(span.begin)
            if sentence is None:
                continue
            trigger = SpeechTrigger(Span.of(ctx.text, turn.body.begin, turn.body.begin), sentence,
                                    "answer", "past", speaker=turn.speaker, content=span,
                                    given_date=(turn.date,) if turn.replies else None)
            out[(sentence.begin, sentence.end)] = _Answer(trigger, turn.labelled,
                                                          turn.body.begin, opening)
    return out


def says_nothing(ctx: Context, trigger: SpeechTrigger) -> bool:
    """"declined to comment", "did not respond to a request for comment": a report of not
    saying that names no topic (``no_topic_words`` in ``[speech.negation]``) says nothing
    a researcher could query, so it is no statement."""
    if not trigger.negated or trigger.content is None:
        return False
    rest = ctx.text[trigger.verb.end:trigger.content.end]
    named = {w for m in ctx.actors_in(trigger.verb.end, trigger.content.end)
             if m.type is ActorType.MEDIA for w in words(m.span.text)}  # "Reuters' request"
    return set(words(rest)) - named <= _no_topic_words()


@lru_cache(maxsize=1)
def _no_topic_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_triggers().raw["speech"]["negation"]
                     ["no_topic_words"])


def reports_third_party(ctx: Context, found: list[SpeechTrigger], speaker: str | None,
                        *, relayed: bool = False) -> bool:
    """Whether a sentence reports the words of someone other than ``speaker`` and the
    body or state ``speaker`` speaks for: an unlabelled paragraph after an answer that does
    so is the narrator's ("In addition, X also said ..."), not the answer's continuation.
    With ``relayed`` (a sentence of the answer itself) the words must be relayed: quoted,
    or given with a plain verb of saying (``relay_verbs``); "the leader made erroneous
    remarks, hinted the possibility of ..." is the answerer's own charge."""
    side = {speaker, ctx.root(speaker), ctx.state_of(speaker)} - {None}
    for t in found:
        if t.dropped or not t.speaker or not t.content or t.speaker.name == speaker:
            continue
        if relayed and not has_quote(ctx, t.content) and _lemma(ctx, t) not in _relay_verbs():
            continue
        # "The Chinese side urges ...": the answerer's own side is not a third party.
        if ctx.type_of(t.speaker.name) is ActorType.PERSON or t.speaker.name not in side:
            return True
    return False


def _lemma(ctx: Context, trigger: SpeechTrigger) -> str | None:
    verb = verb_of(ctx, trigger)
    return verb.lemma if verb is not None else None


@lru_cache(maxsize=1)
def _relay_verbs() -> frozenset[str]:
    return frozenset(load_triggers().raw["speech"]["transcript"]["relay_verbs"])


def narrates_answerer(found: list[SpeechTrigger], speaker: str | None, body: int) -> bool:
    """Whether a sentence of an answer names its own speaker as the subject of a speech verb
    ("He Yongqian stressed, any organisation ...", '"...," He Yongqian said'): the
    reporter's narration, as translated news agencies mix it into a transcript, so the
    sentence's own statement (reported, or the quotation) stands, not the answer's.
    ``body`` is where the answer's text starts: the label before it names no one here."""
    first_person = _first_person()
    return any(not t.dropped and t.content is not None and t.speaker is not None and
               t.speaker.name == speaker and t.speaker.span.begin >= body and
               t.speaker.span.text.lower() not in first_person for t in found)


_FIRST_PERSON_BEFORE = re.compile(r"(?<![\w’'])I\s+(?:[a-z]+ly\s+)?$")


def first_person_answerer(ctx: Context, trigger: SpeechTrigger,
                          answerer: Subject | None) -> Subject | None:
    """'"...," I told our engineers in May': in an answer, "I" before the verb is the
    answerer."""
    if answerer is None:
        return None
    begin = max(trigger.sentence.begin, trigger.verb.begin - 20)
    m = _FIRST_PERSON_BEFORE.search(ctx.text, begin, trigger.verb.begin)
    if m is None:
        return None
    return Subject(answerer.name, Span.of(ctx.text, m.start(), m.start() + 1))


def quoted_earlier(ctx: Context, found: list[SpeechTrigger],
                   speaker: str | None) -> list[SpeechTrigger]:
    """'"Reducing dependence is our survival," I told our engineers in May.': in an answer,
    the answerer quoting their own words of another day, which the attribution dates
    outside the quotation; those words keep that day, not the conversation's."""
    out = [t for t in found if not t.dropped and t.speaker is not None and
           t.speaker.name == speaker and t.post_quote is not None and
           any(not ctx.in_quote(d.span.begin, d.span.end)
               for d in ctx.dates_in(t.sentence.begin, t.sentence.end))]
    return out


def retells_answer(found: list[SpeechTrigger], speaker: str | None, body: int) -> bool:
    """Whether a sentence of a labelled answer introduces the answerer's words in the third
    person ("Answer: ... The responsible person said, A"): the answer is a reporter's
    account, not a transcript (unlike an answer closing a quotation with '"B," He Yongqian
    said', whose other sentences are still printed as said)."""
    first_person = _first_person()
    return any(not t.dropped and t.content is not None and t.speaker is not None and
               t.speaker.name == speaker and t.speaker.span.begin >= body and
               t.speaker.span.end <= t.verb.begin and t.content.begin >= t.verb.end and
               t.speaker.span.text.lower() not in first_person for t in found)


def answerer_role(ctx: Context, trigger: SpeechTrigger,
                  answerer: Subject | None) -> Subject | None:
    """"The responsible person said, A": inside a transcript's answer, a speech verb whose
    subject is "the" and one of ``answerer_roles`` (perhaps with its department: "The
    responsible person of the Department of X stressed ...") is the reporter naming the
    answerer in the third person; the answerer speaks (:func:`narrates_answerer` then keeps
    the sentence's own words)."""
    if answerer is None:
        return None
    begin = trigger.sentence.begin
    m = _answerer_role_regex().fullmatch(ctx.text[begin:trigger.verb.begin])
    if m is None:
        return None
    return Subject(answerer.name, Span.of(ctx.text, begin + m.start("role"),
                                          begin + m.end("role")))


@lru_cache(maxsize=1)
def _answerer_role_regex() -> re.Pattern[str]:
    roles = phrase_alternation(load_triggers().raw["speech"]["transcript"]["answerer_roles"])
    modifiers = "|".join(map(re.escape, load_triggers().raw["speech"]["transcript"]
                             ["answerer_modifiers"]))
    # the subject opens the sentence, perhaps after the answer's label ("Answer: The ...")
    return re.compile(rf"\s*(?:[A-Z]\w*\s*[:：]\s*)?(?P<role>[Tt]he\s+(?:(?:{modifiers})\s+)?"
                      rf"(?i:{roles}))(?:\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][^,;:\"“”]{{0,60}}?)?"
                      r"(?:\s+(?:also|further|then|[a-z]+ly))?\s*")


@lru_cache(maxsize=1)
def _first_person() -> frozenset[str]:
    return frozenset(load_triggers().raw["speech"]["subjects"]["first_person"])


# -- triggers -------------------------------------------------------------------------------

def colon_paragraphs(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """"He Yongqian said: A. B. C.": the sentences after the one a colon opens, to the end
    of its paragraph, are the same speaker's words (their own verbs with the speaker's side
    as subject included: "The Chinese side urges ...") until one reports a third party.
    Returns ``statements`` with those sentences as statements of the speaker."""
    by_sentence: dict[Span, list[SpeechTrigger]] = {}
    for trigger in statements:
        by_sentence.setdefault(trigger.sentence, []).append(trigger)
    taken: set[Span] = set()
    added: list[SpeechTrigger] = []
    for trigger in statements:
        if not trigger.colon or trigger.content is None or trigger.speaker is None:
            continue
        paragraph = ctx.paragraph_of(trigger.content.begin)
        if paragraph is None:
            continue
        for sentence in ctx.sentences_in(trigger.sentence.end, paragraph.end):
            if reports_third_party(ctx, by_sentence.get(sentence, []), trigger.speaker.name):
                break  # the narrator speaks again
            end = trim_end(ctx.text, sentence.begin, sentence.end)
            if word_count(ctx.text[sentence.begin:end]) < SHORT_CONTENT:
                continue
            taken.add(sentence)
            added.append(SpeechTrigger(trigger.verb, trigger.sentence, "say", trigger.tense,
                                       speaker=trigger.speaker, via=trigger.via,
                                       content=Span.of(ctx.text, sentence.begin, end),
                                       colon=True))
    return [t for t in statements if t.sentence not in taken] + added


_COLON_REACH = 300
"""Furthest a label's colon stands from its paragraph's start: a heading, a bullet, a
title, a name and where they spoke (see ``_ENTRY_LEAD``, ``_LABEL_GAP``)."""
_ENTRY_LEAD = re.compile(r"(?:" + BULLET + r"\s+)?(?:\d{1,2}[:.]\d{2}[^–—\n]{0,12}?\s[–—-]{1,2}\s+|"
                         r"[^.;:\"“”]{1,30}?\s[–—]{1,2}\s+)?")
"""What may open a paragraph before a colon attribution: a bullet, a time or date heading
("10:30 JST — ")."""
_LABEL_TITLE = re.compile(r"[A-Z][\w’'.-]*\s+")
"""A capitalised title before a name ("Chief Cabinet Secretary Minoru Kihara")."""
_LABEL_GAP = re.compile(r"(?:\s+(?:at|in|on|during|after|before|to|via)\b[^.;:!?\"“”]{0,60}?)?"
                        r"\s*[:：]\s+")


def colon_attributions(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """Statements attributed by a colon instead of a verb, at the start of a paragraph
    (after a bullet or a time heading):

    * "• Reuters: China's exports rose in December." -- an outlet's label before a
      claim: the outlet reports the sentence;
    * "Minister Ito at his morning briefing: “We will respond.”" -- a speaker (and where
      they spoke) before a quotation: the quotation is the speaker's.
    """
    covered = sorted((t.content.begin, t.content.end) for t in statements if t.content)
    starts = [b for b, _ in covered]
    out: list[SpeechTrigger] = []
    for paragraph in ctx.paragraphs:
        reach = min(paragraph.end, paragraph.begin + _COLON_REACH)
        if ctx.text.find(":", paragraph.begin, reach) == -1 and \
                ctx.text.find("：", paragraph.begin, reach) == -1:
            continue  # no colon near the paragraph's start: no colon attribution
        lead = _ENTRY_LEAD.match(ctx.text, paragraph.begin, paragraph.end)
        pos = lead.end() if lead is not None else paragraph.begin
        mention = ctx.actor_at(pos)
        for title in _LABEL_TITLE.finditer(ctx.text, pos, min(paragraph.end, pos + 60)):
            if mention is not None or title.start() != pos:
                break
            pos = title.end()  # a capitalised title word before the name
            mention = ctx.actor_at(pos)
        if mention is None or mention.span.end >= paragraph.end:
            continue
        gap = _LABEL_GAP.match(ctx.text, mention.span.end, paragraph.end)
        if gap is None:
            continue
        sentence = ctx.sentence_of(gap.end())
        if sentence is None:
            continue
        quote = next((q for q in ctx.quotes_in(gap.end(), gap.end() + 5000)
                      if q.outer.begin == gap.end() and not q.nested), None)
        if quote is not None and not is_term(quote):
            content, post = quote.span, quote
        elif mention.type is ActorType.MEDIA and gap.end() - mention.span.end <= 3:
            end = trim_end(ctx.text, gap.end(), sentence.end)
            content, post = Span.of(ctx.text, gap.end(), end), None
        else:
            continue
        if word_count(content.text) < SHORT_CONTENT or overlaps_any(covered, starts, content):
            continue
        out.append(SpeechTrigger(Span.of(ctx.text, mention.span.end, gap.end()), sentence,
                                 "say", "past", speaker=Subject(mention.name, mention.span),
                                 content=content, post_quote=post))
    return out


def sentence_colon_quotes(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """'... the word restrained. Ventura: "Nobody believes it."': inside a paragraph, a
    sentence that is a name, a colon and a quotation (a show's notes, a digest) gives the
    quotation to the name, as a label opening a paragraph does (:func:`colon_attributions`);
    only a person's name, right before the colon, the quotation right after it."""
    covered = sorted((t.content.begin, t.content.end) for t in statements if t.content)
    starts = [b for b, _ in covered]
    out: list[SpeechTrigger] = []
    paragraph_starts = {p.begin for p in ctx.paragraphs}
    for sentence in ctx.sentences:
        if sentence.begin in paragraph_starts:
            continue  # a label opening a paragraph is colon_attributions' case
        mention = ctx.actor_at(sentence.begin)
        if mention is None or mention.type is not ActorType.PERSON:
            continue
        gap = _COLON_QUOTE.match(ctx.text, mention.span.end, sentence.end)
        if gap is None:
            continue
        quote = next((q for q in ctx.quotes_in(gap.end(), sentence.end + 2000)
                      if q.outer.begin == gap.end() and not q.nested), None)
        if quote is None or is_term(quote) or word_count(quote.span.text) < SHORT_CONTENT or \
                overlaps_any(covered, starts, quote.span):
            continue
        # a label prints the words as a transcript does, in the text's own present
        # ("Ventura: ..." is "Ventura says ..."): dated as a present verb is
        out.append(SpeechTrigger(Span.of(ctx.text, mention.span.end, gap.end()), sentence,
                                 "say", "present", speaker=Subject(mention.name, mention.span),
                                 content=quote.span, post_quote=quote))
    return out


_COLON_QUOTE = re.compile(r"[:：]\s*(?=[\"“])")
"""A colon right after a name and a quotation opening right after it."""


_REPORT_THAT = re.compile(r"\b(?:reports?|claims?|allegations?|accounts?)\s+that\s+",
                          re.IGNORECASE)
_REPORT_BEFORE = re.compile(r"[A-Za-z]+\s+$")


def _reports_that(text: str) -> list[re.Match[str]]:
    """The matches of ``_REPORT_THAT`` in ``text``: found from each "that" (a fast string
    search) and the word before it, instead of trying the pattern at every position."""
    out: list[re.Match[str]] = []
    at = text.find("that")
    while at != -1:
        word = _REPORT_BEFORE.search(text, max(0, at - 20), at)
        if word is not None:
            m = _REPORT_THAT.match(text, word.start())
            if m is not None and (not out or m.start() >= out[-1].end()):
                out.append(m)
        at = text.find("that", at + 4)
    return out
_PUBLISHED_BY = re.compile(r",\s+(?:(?:first|originally|initially)\s+)?(?:published|reported|"
                           r"carried|broken)\s+(?:by|in)\s+(?:the\s+)?")
_FOOTNOTE = re.compile(r"\s*\[(?P<n>\d{1,2})\]")
_CITATION = re.compile(r"\s*\((?P<who>[^()]{1,60}?),?\s+(?:19|20)\d\d[a-z]?\)")


def sourced_reports(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """Words whose source a reference names instead of a verb:

    * "Reports that licence reviews have slowed, first published by the Daily Herald,
      ..." -- the outlet's report (up to the comma);
    * "Press reports that licence reviews have slowed [2] ..." with a note "[2] Daily
      Herald, 7 March 2026." -- the noted outlet's report, dated by the note;
    * "... to any end use that "helps to enhance its capabilities" (MOFCOM, 2026)" -- a
      quotation and an author-year citation: the cited author's words.
    """
    covered = sorted((t.content.begin, t.content.end) for t in statements if t.content)
    starts = [b for b, _ in covered]
    out: list[SpeechTrigger] = []
    for m in _reports_that(ctx.text):
        sentence = ctx.sentence_of(m.start())
        if sentence is None or m.end() > sentence.end:
            continue
        if ctx.in_quote(m.start()) is not None:
            continue
        found = _report_source(ctx, m.end(), sentence)
        if found is None:
            continue
        end, outlet, given = found
        end = trim_end(ctx.text, m.end(), end)
        content = Span.of(ctx.text, m.end(), end)
        if word_count(content.text) < SHORT_CONTENT or overlaps_any(covered, starts, content):
            continue
        out.append(SpeechTrigger(Span.of(ctx.text, m.start(), m.end()), sentence, "say",
                                 "past", speaker=Subject(outlet.name, outlet.span),
                                 content=content, given_date=given))
    for quote in ctx.quotes:
        cited = _CITATION.match(ctx.text, quote.outer.end)
        if quote.nested or is_term(quote) or cited is None or \
                overlaps_any(covered, starts, quote.span):
            continue
        who = next(iter(ctx.actors_in(cited.start("who"), cited.end("who"))), None)
        sentence = ctx.sentence_of(quote.outer.begin)
        if who is None or sentence is None:
            continue
        out.append(SpeechTrigger(Span.of(ctx.text, cited.start(), cited.end()), sentence, "say",
                                 "past", speaker=Subject(who.name, who.span),
                                 content=quote.span, post_quote=quote))
    return out


def _report_source(ctx: Context, begin: int, sentence: Span
                   ) -> tuple[int, ActorMention, tuple[PartialDate | None] | None] | None:
    """Where the words of "reports that ..." end, the outlet that published them, and the
    date a note gives (see :func:`sourced_reports`)."""
    by = _PUBLISHED_BY.search(ctx.text, begin, sentence.end)
    if by is not None:
        outlet = ctx.actor_at(by.end())
        if outlet is not None and outlet.type is ActorType.MEDIA:
            return by.start(), outlet, None
    note = _FOOTNOTE.search(ctx.text, begin, sentence.end)
    if note is None:
        return None
    line = re.search(rf"^\[{note.group('n')}\]\s*", ctx.text[sentence.end:], re.MULTILINE)
    if line is None:
        return None
    start = sentence.end + line.end()
    outlet = ctx.actor_at(start)
    if outlet is None or outlet.type is not ActorType.MEDIA:
        return None
    paragraph = ctx.paragraph_of(start)
    stop = paragraph.end if paragraph is not None else start
    days = [d.date for d in ctx.dates_in(outlet.span.end, stop)]
    return note.start(), outlet, (days[0] if days else None,)


def published_quotes(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """A quotation no statement holds, in a sentence whose subject issued a text
    (``publishing_verbs``), quotes that text: "China's commerce ministry announced the ban
    on Tuesday, prohibiting shipments ... to any end use that helps "enhance Japan's
    military capabilities"".  The statement runs from the participle (or the verb) to the
    quotation's end."""
    covered = sorted((t.content.begin, t.content.end) for t in statements if t.content)
    starts = [b for b, _ in covered]
    out: list[SpeechTrigger] = []
    for quote in ctx.quotes:
        if quote.nested or is_term_in(ctx, quote) or overlaps_any(covered, starts, quote.outer):
            continue
        sentence = ctx.sentence_of(quote.outer.begin)
        if sentence is None or quote.outer.end > sentence.end:
            continue
        item = list_item(ctx, quote.outer.begin)
        lead_in = list_lead_in(ctx, item) if item is not None else None
        scope = lead_in or sentence  # a list item goes on with the sentence introducing it
        verb = None
        for m in _publishing_regex().finditer(ctx.text, scope.begin,
                                              quote.outer.begin if lead_in is None
                                              else scope.end):
            verb = m
            break
        if verb is None or ctx.triggers.speech_regex.search(
                ctx.text, verb.end(), quote.outer.begin if lead_in is None else scope.end):
            continue  # "imposed what critics called 'coercion'": someone else's words
        subject = ctx.clause_subject(scope.begin, verb.start())
        if subject is None:
            continue
        begin = verb.start()
        if item is not None and lead_in is not None:
            begin = item.begin  # "3. any other end use that "helps enhance ..."": the item
        else:
            for clause in re.finditer(r",\s+(?=[a-z]+ing\b)",
                                      ctx.text[verb.end():quote.outer.begin]):
                begin = verb.end() + clause.end()
        end = quote.outer.end
        if ctx.text[end:end + 1] in ".,;" and ctx.text[end - 2:end - 1] in ".,;":
            end -= 1
        out.append(SpeechTrigger(Span.of(ctx.text, verb.start(), verb.end()), scope, "announce",
                                 "past", speaker=subject, content=Span.of(ctx.text, begin, end)))
        covered.append((begin, end))
        covered.sort()
        starts = [b for b, _ in covered]
    return out


_LIST_MARKER = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|[-*•·▪–])[ \t]+")
_LIST_REACH = 30
"""Most list items looked back over for the sentence introducing them."""


def list_item(ctx: Context, offset: int) -> Span | None:
    """The text of the bulleted or numbered list item (a paragraph opened by "1.", "a)",
    "-", "•") holding ``offset``, after its marker; None outside a list item."""
    paragraph = ctx.paragraph_of(offset)
    if paragraph is None:
        return None
    marker = _LIST_MARKER.match(ctx.text, paragraph.begin, paragraph.end)
    if marker is None:
        return None
    return Span.of(ctx.text, marker.end(), paragraph.end)


def list_lead_in(ctx: Context, item: Span) -> Span | None:
    """The sentence ending with a colon that introduces the list ``item`` belongs to
    ("... published a notice prohibiting exports to:¶1. ...¶2. ..."), over the items
    before it; None when the list follows no such sentence."""
    i = bisect.bisect_right(ctx.paragraphs, item.begin, key=lambda p: p.begin) - 1
    for j in range(i - 1, max(-1, i - 1 - _LIST_REACH), -1):
        paragraph = ctx.paragraphs[j]
        if _LIST_MARKER.match(ctx.text, paragraph.begin, paragraph.end):
            continue
        if not ctx.text[paragraph.begin:paragraph.end].rstrip().endswith(":"):
            return None
        last = ctx.sentences_in(paragraph.begin, paragraph.end)
        return last[-1] if last else None
    return None


@lru_cache(maxsize=1)
def _publishing_regex() -> re.Pattern[str]:
    return words_regex(load_triggers().raw["speech"]["publishing_verbs"])


def continuations(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """A quotation with no attribution right after a quoted statement continues it."""
    out: list[SpeechTrigger] = []
    ordered = sorted((t for t in statements if t.content),
                     key=lambda t: (t.content.end, t.content.begin))  # type: ignore[union-attr]
    ends = [t.content.end for t in ordered]  # type: ignore[union-attr]
    covered = sorted((t.content.begin, t.content.end) for t in ordered)  # type: ignore[union-attr]
    starts = [b for b, _ in covered]
    for quote in ctx.quotes:
        if quote.nested or is_term(quote) or overlaps_any(covered, starts, quote.span):
            continue
        sentence = ctx.sentence_of(quote.outer.begin)
        index = bisect.bisect_right(ends, quote.outer.begin) - 1
        if sentence is None or index < 0:
            continue
        last = ordered[index]
        resumed = _resumes(ctx, last, quote)
        if quote.outer.begin != sentence.begin and not resumed:
            continue
        last_content = cast(Span, last.content)  # ordered holds those with content
        gap = ctx.text[last_content.end:quote.outer.begin]
        if last.post_quote is None and not has_quote(ctx, last_content):
            continue
        if len(gap) > 200 or not _continues(ctx, last, quote):
            continue
        if resumed and merge_interrupted(ctx, last, quote):
            # '“We oppose,” she said, “any unilateral step.”': one statement of both parts.
            ends[index] = quote.span.end
            continue
        follower = SpeechTrigger(quote.outer, sentence, "say", last.tense, speaker=last.speaker,
                            content=quote.span, via=last.via, post_quote=quote)
        out.append(follower)
        # Quotations come in text order, so the follower is the latest statement so far.
        ordered.insert(index + 1, follower)
        ends.insert(index + 1, quote.span.end)
    return out


def heading_quotes(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """A paragraph that is one quotation, right under a heading line naming a person (a
    press release's "Comment from Kenta Morisawa, President and CEO" before the CEO's
    words): each sentence of the quotation is that person's direct quote, dated to the
    article (a release's words are said the day it is issued).  The heading must name
    one person and no statement may hold the quotation already."""
    covered = sorted((t.content.begin, t.content.end) for t in statements if t.content)
    starts = [b for b, _ in covered]
    own = ctx.article.metadata.date
    date = (PartialDate.from_date(own),) if own is not None else None
    out: list[SpeechTrigger] = []
    previous: Span | None = None
    for paragraph in ctx.paragraphs:
        heading, previous = previous, paragraph
        first = ctx.text[paragraph.begin:paragraph.begin + 1]
        if heading is None or first not in "\"“" or not first or not is_heading(ctx, heading):
            continue
        quote = next((q for q in ctx.quotes_in(paragraph.begin, paragraph.end)
                      if q.outer.begin == paragraph.begin and not q.nested), None)
        if quote is None or ctx.text[quote.outer.end:paragraph.end].strip() or \
                overlaps_any(covered, starts, quote.span):
            continue
        persons = [m for m in ctx.actors_in(heading.begin, heading.end)
                   if m.type is ActorType.PERSON]
        if len({m.name for m in persons}) != 1:
            continue
        speaker = Subject(persons[0].name, persons[0].span)
        for sentence in ctx.sentences_in(quote.outer.begin, quote.span.end):
            begin = max(sentence.begin, quote.span.begin)
            end = trim_end(ctx.text, begin, min(sentence.end, quote.span.end))
            while end > begin and ctx.text[end - 1] in ".!":
                end -= 1
            if word_count(ctx.text[begin:end]) < SHORT_CONTENT:
                continue
            out.append(SpeechTrigger(Span.of(ctx.text, heading.begin, heading.end), sentence,
                                     "say", "past", speaker=speaker,
                                     content=Span.of(ctx.text, begin, end), colon=True,
                                     given_date=date))
    return out


_INTERRUPTION = re.compile(r"[,.!?]?\s*[^\"“”‘’]{1,80}?[,:]\s*")


def _resumes(ctx: Context, last: SpeechTrigger, quote: Quote) -> bool:
    """'“We oppose,” she said, “any unilateral step.”': a quotation that resumes right after
    the attribution interrupting the previous one."""
    opened = last.post_quote
    if opened is None or last.verb.end > quote.outer.begin or \
            not opened.outer.end <= last.verb.begin:
        return False
    return _INTERRUPTION.fullmatch(ctx.text, opened.outer.end, quote.outer.begin) is not None


def _continues(ctx: Context, last: SpeechTrigger, quote: Quote) -> bool:
    """Whether ``quote`` goes on with ``last``'s words: in the same paragraph, or opening the
    next paragraph when ``last``'s sentence ends its own ("“A,” said X.¶“B.”": a quotation
    paragraph with no attribution is the previous speaker's)."""
    assert last.content is not None
    here = ctx.paragraph_of(quote.outer.begin)
    before = ctx.paragraph_of(max(last.content.begin, last.content.end - 1))
    if here is None or before is None:
        return False
    if here == before:
        return True
    if ctx.next_paragraph(before.end) != here or quote.outer.begin != here.begin:
        return False
    return not ctx.text[max(last.sentence.end, last.content.end):before.end].strip(" \t\"”’'")


