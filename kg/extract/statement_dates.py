"""Date a statement: when the words were said, at the precision the text gives, or not at all.

A statement is dated only where the text places the act of saying, in this order:

1. a date expression of its sentence outside the reported words ("said on Tuesday", "late on
   Thursday", "in his New Year's address"), the one nearest the verb (for ``call``,
   ``demand`` and act verbs and negations the object may carry it: "did not respond to a
   request for comment on Monday", but not after a participle or another verb: "demanded
   that Ruritania withdraw the curbs announced in December", "urged her to retract remarks
   she made in parliament in November"), the dateline left out, and so are the dates of a
   clause before it with a subject of its own ("has not withdrawn her 7 November remarks,
   and she has said that ...", "approved the budget on Dec. 26, which Beijing cites as
   ...") and those inside the words of a report cut into coordinated statements; so is a
   year naming which thing ("its first announcement of 2026"), and a date between
   "according to <source>," and the words ("According to Kyodo report, on 19th, the Chinese
   side notified ...": the notification's day), and a date in a relative clause between
   the subject and the verb ("X, who joined a meeting on Monday, said ...": the meeting's).
   A coordinated clause with no date of its own whose verb is not perfect shares the day
   adverbial of the clause before ("China on Wednesday defended the ban, while Tokyo said
   ...");
2. in a timeline entry ("Nov. 19 – Kyodo reports ...", "Early December – ..."), the entry's
   heading date: a timeline tells events in the historical present, so "says" there is
   not the article's day (:func:`timeline_entries`); a live blog's entry opened by a time
   of day ("18:05 JST — ...") is of the article's own day, or of the day the heading gives
   in brackets ("00:20 JST (Jan. 7) — ..."); a heading on a line of its own dates the
   paragraphs below it, up to the next heading or title line; "said at the time" takes the last
   date its paragraph told before ("In April, the command held drills. Its spokesman said
   at the time ..."), and so do words a connective places at the occasion just told
   ("afterwards", "at the same press conference": ``occasion_connectives`` of
   ``[dates]``); "said after the talks" takes the day of the sentence of the paragraph
   that told the talks on a day (``occasion_nouns``);
2b. words whose subject is a definite document ("..., the notice says", "The announcement
   added that") take, in any tense, the day the text gives its issuing: the nearest sentence
   before naming a document of the speaker's or having it publish one ("On Jan. 6, X issued
   Announcement No. 1", "the Jan. 6 notice"), or its dated statement right before; with
   none, or one introduced undated ("a X statement"), the rules below;
2c. in a dated document a company or a government body publishes (a press release, a
   minister's statement), the undated words of the publisher and its people, in the
   simple past too ("..., said Haruka Ito, President and CEO"), of the ministry a
   department publishing it belongs to (a ministry spokesperson's answers a department
   releases), and of a person it quotes who belongs to no other body or state than the
   publisher's own ('"...," said High Representative X' in the Council's release), take
   the document's date, unless said "earlier"; the publisher is the actor the header
   names, also by a known alias before a comma ("U.S. Department of Commerce, Office of
   Public Affairs");
3. a verb in the present tense ("China says", also the present progressive "the Chinese
   side is explaining that") takes the article's own date; in the questions and answers of
   a transcript, the day of the conversation (the seeds date "China says" so, and so a
   present "estimates" too, though some held-out annotators leave both undated); but
   "according to X report" holds a noun, not a present verb: no date;
4. a verb in the present perfect ("has said") or past perfect says the words came at some
   earlier time: no date;
5. a person's statement takes the last date at which the article placed that person as the
   subject of a sentence or the speaker of an explicitly dated statement before it (a
   briefing carries over to the same speaker's later quotes; "Foreign Ministry spokesman
   Mao Ning at the press conference ..." places the spokesperson, not the ministry); a
   body or state named by a pronoun, the last such date in the same paragraph
   ("On Jan. 6, the ministry prohibited exports ... It also warned that ..."); one named
   by a definite description or by its name again, the date of its last dated statement
   in the paragraph ("The ministry said on Tuesday that A. The ministry warned that B",
   "On Monday, X said A. X said in a statement B"); a spokesperson's
   undated words, the date of the last dated statement of the body they speak for ("The
   ministry said on Thursday ... Spokesman He told a regular briefing that ..."), unless
   the body's words came in a document ("said in a statement on Tuesday"): then the
   spokesperson spoke at another occasion.  Words
   the attribution places at a later event ("said in an interview after the summit") take
   none of this;
6. a person's statement right after a sentence holding an explicitly dated statement of
   the person's state or body ("Japan on Friday renewed its demand that ..." followed by a
   Japanese minister's quote) takes that date: the official's words are the substance of
   the act the lead reports; a body's statement right after a sentence in which it or its
   state acted on a day ("China on Tuesday barred exports ..." followed by "China's
   commerce ministry said in a statement that ...") takes that day.  Only the next
   sentence, or the lead: an official's undated words in the simple past take the day the
   lead's first sentences give the official's own body or state ("China on Wednesday
   defended the ban, while Japan demanded ... ¶ In Tokyo, Chief Cabinet Secretary X called
   it ..."), unless said "earlier"; a person's date found so carries over to the person's
   later quotes (rule 5);
7. an event frame: when the lead's first sentences set one occasion of speaking on one day
   (``event_frames`` of ``[dates]``: "pressed ministers on Wednesday ... at a hearing of the
   committee", "at the press conference on 7th"), a named person's undated words in the
   simple past (or a participle) after it were said at it and take its day ("X asked
   whether ...", "Y replied that ..."); not words said "earlier", not a body's, a
   company's or an unnamed source's (who may speak elsewhere);
8. else none: a date the text does not give is an invented one (an official's undated
   words in a wire report too: its dateline dates the report, not the words).

Rules 2c and 6 are in :mod:`.statement_news_day`.

A date before a time clause holding the verb ("halted imports in November, after X
suggested ...") is the main clause's later event, not the time of the words (rule 1); a date
in a description of the subject ("said X, 61, who runs the shop her mother opened in 1975")
does not place the subject (rule 5); "told the same session" takes the day of the occasion
last told, in its paragraph or the one before (rule 2); "On Friday, <body> added ..." places
the body on that day for its next words (rule 6).

A date inside the *that* clause of a ``demand`` verb ("added that the controls, in place
since July 2023, ...") is the words', never the time of saying (rule 1).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import ActorType, PartialDate, Span, is_unnamed
from .context import Context, Subject
from .statement_news_day import (
    EARLIER,
    LEAD_LENGTH,
    LEAD_SENTENCES,
    NEW_CLAUSE,
    NewsDayRules,
    attributive,
    year_of_noun,
)
from .timeline_entries import timeline_entries
from .triggers import load_triggers, phrase_alternation, words_regex


@dataclass(frozen=True)
class _Words:
    elsewhere: re.Pattern[str]
    at_that_time: re.Pattern[str]
    spokesperson: re.Pattern[str]
    event_frame: re.Pattern[str]
    occasion: re.Pattern[str]
    after_occasion: re.Pattern[str]
    occasion_cues: dict[str, re.Pattern[str]]
    document_subject: re.Pattern[str]
    document: re.Pattern[str]
    publishing: re.Pattern[str]
    same_occasion: re.Pattern[str]
    part_of_day: re.Pattern[str]
    deictic_part_of_day: re.Pattern[str]


def _opening(*entries: list[str]) -> str:
    """A look-ahead for the first letters of ``entries`` (nothing when one opens with
    another character): put before their case-insensitive alternation, it rules out most
    words of a text before the alternatives are tried one by one (the patterns below run
    for each statement; about 0.04 ms an article)."""
    firsts = {entry[:1].lower() for group in entries for entry in group}
    if not all(c.isascii() and c.isalnum() for c in firsts):
        return ""
    return "(?=[" + "".join(sorted(firsts)) + "])"


@lru_cache(maxsize=1)
def _words() -> _Words:
    """The statement-date words of ``[dates]`` (and document words of ``[speech]``)."""
    data, speech = load_triggers().dates, load_triggers().raw["speech"]
    nouns = phrase_alternation(speech["document_nouns"])
    return _Words(
        document_subject=re.compile(rf"(?<![\w-])(?:the|this|that|its|their)\s+"
                                    rf"(?:[\w’'-]+\s+){{0,2}}?(?:{nouns})\s+"
                                    r"(?:(?:also|further|then|[a-z]+ly)\s+)?$", re.IGNORECASE),
        document=re.compile(rf"(?<![\w-])(?P<a>\b(?:a|an)\s+(?:[\w’'-]+\s+){{0,2}}?)?"
                            rf"(?:{nouns})(?![\w-])", re.IGNORECASE),
        publishing=words_regex(speech["publishing_verbs"], flags=0),
        # "said in the morning", "told reporters this afternoon": a part of a day
        part_of_day=re.compile(rf"\b(?:{phrase_alternation(data['parts_of_day'])})\b",
                               re.IGNORECASE),
        # "said this morning", "earlier today": the article's own day
        deictic_part_of_day=re.compile(
            rf"\b(?:{phrase_alternation(data['deictic_parts_of_day'])})\b", re.IGNORECASE),
        # "told the same session", "at the same briefing": the occasion just told
        same_occasion=re.compile(r"\bthe\s+same\s+(?:[\w-]+\s+){0,2}?"
                                 rf"(?:{phrase_alternation(data['event_frames'])})s?\b",
                                 re.IGNORECASE),
        # "after the summit", "before roughly 100 minutes of talks": a time clause whose
        # event is not a date expression.
        elsewhere=re.compile(rf"\b{_opening(data['event_time_words'])}"
                             rf"(?:{phrase_alternation(data['event_time_words'])})\s+"
                             r"(?:the|his|her|their|its|this|that|these|those)\b",
                             re.IGNORECASE),
        # ("after a Cabinet meeting" is the routine of the day told, and stays.)
        at_that_time=re.compile(rf"\b{_opening(data['at_that_time'])}"
                                rf"(?:{phrase_alternation(data['at_that_time'])})\b",
                                re.IGNORECASE),
        spokesperson=re.compile(rf"\b(?:{phrase_alternation(data['spokesperson_roles'])})\b",
                                re.IGNORECASE),
        # "at an out-of-session hearing of ...", "told a news conference", "in the press
        # conference of 7th morning": the occasion the lead sets.
        event_frame=re.compile(r"\b(?:at|during|in|before|to|told)\s+(?:an?|the|its|their|his|"
                               r"her|this|that|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,5}?"
                               rf"(?:{phrase_alternation(data['event_frames'])})s?\b",
                               re.IGNORECASE),
        # "Liu said afterwards ...", "said at the same press conference": the occasion the
        # paragraph just told.
        occasion=re.compile(r"\b" + _opening(data['occasion_connectives'],
                                             data['same_day_connectives']) +
                            rf"(?:{phrase_alternation(data['occasion_connectives'])}|"
                            rf"{phrase_alternation(data['same_day_connectives'])})\b",
                            re.IGNORECASE),
        after_occasion=re.compile(rf"\b{_opening(data['event_time_words'])}"
                                  rf"(?:{phrase_alternation(data['event_time_words'])})\s+"
                                  r"(?:the|these|those|that)\s+(?P<noun>"
                                  rf"{phrase_alternation(list(data['occasion_nouns']))})\b",
                                  re.IGNORECASE),
        occasion_cues={noun: re.compile(rf"\b(?:{phrase_alternation(cues)})\b", re.IGNORECASE)
                       for noun, cues in data['occasion_nouns'].items()})

_PRESENT_PERFECT = re.compile(r"\b(?:has|have|'ve|’ve)\s+(?:\w+ly\s+|also\s+|not\s+|"
                              r"long\s+|already\s+|repeatedly\s+|previously\s+)*$",
                              re.IGNORECASE)
_SINCE = re.compile(r"\b(?:" + "|".join(map(re.escape, load_triggers().dates["state_bounds"]))
                    + r")\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a date that starts or ends a state ("no members since 2019"), not an occasion."""
_PERFECT = re.compile(r"\b(?:has|have|had|'s|’s|'ve|’ve)\s+(?:\w+ly\s+|also\s+|not\s+|"
                      r"long\s+|already\s+|repeatedly\s+|previously\s+|since\s+)*$",
                      re.IGNORECASE)
_OTHER_EVENT = re.compile(r"\b(?:\w+ed|held|made|taken|begun|began|set|put|known|seen|given)"
                          r"\s+(?:(?:[\w-]+\s+){0,3}?(?:on|in|at|since|from|during|by|until)"
                          r"\s+)?$", re.IGNORECASE)
"""A participle or past verb shortly before a date in the reported words: the date is that
event's ("the curbs announced in December", "remarks she made in parliament in
November"), not the statement's."""
_NAME_REACH = 60
_IN_BEFORE = re.compile(r"\bin\s$", re.IGNORECASE)
"""Furthest the comma after a speaker named after the verb stands from the verb."""
_THAT = re.compile(r"\bthat\b")
_ADVERBIAL = re.compile(r"(?:\b(?:on|late\s+on|early\s+on)\s+|^)$", re.IGNORECASE)
_SEMICOLON = re.compile(r";")
_LATER_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whereas|yet)\s")
"""A clause coordinated after the reported words ("said A, and a levy imposed on Aug. 25
suggests B"): a date in it is that clause's, not the saying's."""
_ANNOUNCE = re.compile(r"\bannounc(?:e|ed|es|ing)\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*\w+ing$")
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whom|whose|which)\b[^,;]*,")
"""A non-restrictive relative clause between the subject and the verb ("X, who joined a
meeting on Monday, said ..."): its dates are its own event's, not the saying's."""
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_DESCRIBED = re.compile(r"\b(?:who|whom|whose|which|his|her|its|their)\b")
"""Words opening a description of the subject in which another's act is told."""
_AFTER_CLAUSE = re.compile(r"\b(?:after|before|once)\s+[^,;]*$", re.IGNORECASE)
"""A time clause the speech verb is in ("halted imports in November, after Takaichi
suggested ..."): the date before it is the main clause's, not the words' ("in November,
when X said" is November's, and stays)."""
_FRAME_REACH = 40
"""Characters around an occasion of speaking within which a day is the occasion's own."""
_DOCUMENT_REACH = 3000
"""Characters back within which the issuing of a document that speaks is looked for."""
_NUMBER_OF = re.compile(r"\d\s+of\s+$")
"""A number before "of" and a year ("Announcement No. 1 of 2026"): which document, not when."""
_OWNER_GAP = re.compile(r"(?:['’]s?)?(?:\s+[\w.’'-]+){0,2}?\s+(?:[\w-]+)", re.IGNORECASE)
"""From the end of an actor's name to the end of a document noun the actor owns
("MOFCOM's new Announcement", "METI notice")."""


def _after_publication(date: PartialDate | None, published: dt.date | None) -> bool:
    """Whether ``date`` falls after the article's own date, compared at ``date``'s
    precision (January 2026 fits an article of 10 January 2026; February does not)."""
    if date is None or published is None:
        return False
    iso = date.isoformat()
    return iso > published.isoformat()[:len(iso)]


class StatementDater(NewsDayRules):
    """Dates the statements of one article (see module doc)."""

    def __init__(self, ctx: Context, reported: list[Span], *,
                 conversation: tuple[int, PartialDate | None] | None = None) -> None:
        self.ctx = ctx
        self.conversation = conversation
        """Where a transcript's questions and answers start, and the day they were held."""
        self.dated_statements: dict[int, list[tuple[str, PartialDate]]] = {}
        """Explicitly dated statements by sentence start (see :meth:`note`)."""
        self._entries: dict[int, PartialDate | None] | None = None
        self._reported = sorted((r.begin, r.end) for r in reported)
        self._reported_starts = [b for b, _ in self._reported]
        self._placed: dict[str, list[tuple[int, PartialDate]]] = {}
        self._placed_through = 0
        """How many sentences :meth:`placed` has looked at so far."""
        self._explicit: dict[tuple[int, int, int, int, int, str], PartialDate | None] = {}
        self._story: dict[str, tuple[int, PartialDate]] | None = None
        """The actors the lead paragraph places on a day (:meth:`_lead_days`)."""
        self._said: dict[tuple[int, str], PartialDate | None] = {}
        """The date of each speaker's statement with a finite verb, by sentence start."""
        self._frame: tuple[int, PartialDate] | None | bool = False
        """The occasion the lead sets on a day (:meth:`_event_day`); False until sought."""
        self._publisher: str | None | bool = False
        """The company or government body publishing the article, if any; False until
        sought (:meth:`_own_release`)."""

    @property
    def entries(self) -> dict[int, PartialDate | None]:
        """The timeline entries' heading dates (:func:`timeline_entries`), found when first
        needed: most statements are dated by their own sentence."""
        if self._entries is None:
            self._entries = timeline_entries(self.ctx)
        return self._entries

    def placed(self, before: int) -> dict[str, list[tuple[int, PartialDate]]]:
        """For each actor, where (sentence start) and when the article placed it as the
        subject of a dated sentence, for the sentences starting before ``before`` (dates
        inside quotations and reported words left out: they date other events).  The
        sentences are read once, as far as the statements being dated need."""
        ctx = self.ctx
        sentences = ctx.sentences
        while self._placed_through < len(sentences) and \
                sentences[self._placed_through].begin < before:
            sentence = sentences[self._placed_through]
            self._placed_through += 1
            dates = self._free_dates(sentence)
            if not dates:
                continue
            subject = ctx.clause_subject(sentence.begin, sentence.end)
            if subject is None:
                continue
            dates = self._placing_dates(sentence, subject)
            if not dates:
                continue
            subject = _titled_person(ctx, subject, sentence) or subject
            self._placed.setdefault(subject.name, []).append((sentence.begin, dates[0]))
        return self._placed

    def date(self, *, verb: Span, sentence: Span, content: Span, cls: str, tense: str,
             speaker: str | None, pronoun: bool = False,
             description: bool = False) -> PartialDate | None:
        """The date of the statement whose verb, sentence and reported words are given;
        ``pronoun`` says the speaker is named by a pronoun ("It also warned"),
        ``description`` by a definite description ("The ministry warned"), which takes the
        date of the body's last dated statement in the paragraph.  Words a participle
        reports after a comma ("X argues A, noting that B") share the date of the same
        speaker's words before in the sentence."""
        found = self._date(verb=verb, sentence=sentence, content=content, cls=cls,
                           tense=tense, speaker=speaker, pronoun=pronoun,
                           description=description)
        if _after_publication(found, self.ctx.article.metadata.date):
            # Whatever dated it (a live blog's heading past midnight, a timeline entry), the
            # words were reported by then: an impossible date is no date.
            found = None
        if not speaker:
            return found
        key = (sentence.begin, speaker)
        if _PARTICIPLE_AFTER_COMMA.search(self.ctx.text, max(sentence.begin, verb.begin - 4),
                                          verb.end) and verb.text.endswith("ing"):
            return found if found is not None else self._said.get(key)
        self._said.setdefault(key, found)
        return found

    def _date(self, *, verb: Span, sentence: Span, content: Span, cls: str, tense: str,
              speaker: str | None, pronoun: bool, description: bool) -> PartialDate | None:
        ctx = self.ctx
        explicit = self.explicit(verb, sentence, content, cls)
        if _after_publication(explicit, ctx.article.metadata.date):
            # Nobody is quoted before they speak: a date in the sentence after the article's
            # own (at its precision) is another event's ("effective 28 August. The same day,
            # X warned"), so the rules below date the words (a timeline entry's day, ...).
            explicit = None
        if explicit is not None:
            return explicit
        paragraph = ctx.paragraph_of(sentence.begin)
        if paragraph is not None and paragraph.begin in self.entries:
            return self.entries[paragraph.begin]
        words = _words()
        if speaker and words.document_subject.search(
                ctx.text, max(sentence.begin, verb.begin - 60), verb.begin):
            issued = self._issued(sentence, speaker)
            if issued is not None:
                return issued
        attribution = _attribution(ctx.text, sentence, content)
        if words.same_occasion.search(attribution):
            # "X told the same session that ...": the occasion just told, maybe in the
            # paragraph before ("Y told a committee on Monday. ¶X told the same session")
            return self._told_before(sentence, back=1)
        deictic = words.deictic_part_of_day.search(attribution) is not None
        if (deictic or words.part_of_day.search(attribution)) and \
                ctx.article.metadata.date is not None:
            # "X said in the emergency briefing in the morning": the day the paragraph told
            # before, else the report's own day (a news report's unmarked morning is today);
            # "X said this morning": the report's own day, whatever day was told before
            morning = (None if deictic else self._told_before(sentence)) or \
                PartialDate.from_date(ctx.article.metadata.date)
            if speaker:
                self.note(sentence, speaker, morning)  # the same person's later words (rule 6)
            return morning
        if words.at_that_time.search(attribution) or words.occasion.search(attribution) or \
                words.occasion.match(ctx.text, verb.end + 1, verb.end + 40):
            # ("Liu said afterwards he was ...": the words may be read from the adverb on.)
            return self._told_before(sentence)
        after = words.after_occasion.search(attribution)
        if after is not None:
            # "met on Tuesday. X said after the talks that ...": the talks' day
            day = self._occasion_day(sentence, words.occasion_cues[after.group("noun").lower()])
            if day is not None:
                return day
        if tense == "present" and _ACCORDING.search(
                ctx.text, max(sentence.begin, verb.begin - 60), verb.end):
            # "According to Kyodo report, ...": a noun, not a verb in the present.
            return None
        if tense == "present" and self.conversation is not None and \
                sentence.begin >= self.conversation[0]:
            return self.conversation[1]  # "Q: Beijing says ...": said as of the interview
        if tense == "present" and ctx.article.metadata.date is not None:
            return PartialDate.from_date(ctx.article.metadata.date)
        if _PERFECT.search(ctx.text, max(sentence.begin, verb.begin - 40), verb.begin):
            return None
        if speaker and self._own_release(speaker) and not EARLIER.search(
                ctx.text, max(sentence.begin, verb.begin - 24), verb.begin):
            # rule 2c: "..., said Haruka Ishida, President and CEO" in her company's release
            return PartialDate.from_date(ctx.article.metadata.date)  # type: ignore[arg-type]
        if words.elsewhere.search(attribution):
            return None  # "said after the summit": another time than any told before
        if speaker and (ctx.type_of(speaker) is ActorType.PERSON or pronoun or description
                        or not is_unnamed(speaker)):
            person = ctx.type_of(speaker) is ActorType.PERSON
            paragraph = ctx.paragraph_of(sentence.begin)
            floor = paragraph.begin if paragraph is not None and not person else 0
            acted = self.placed(sentence.begin).get(speaker, []) if person or pronoun else []
            placed = acted + [
                (offset, d) for offset, found in self.dated_statements.items()
                for who, d in found if who == speaker]
            earlier = sorted((offset, i, d) for i, (offset, d) in enumerate(placed)
                             if floor <= offset < sentence.begin)
            if earlier:
                return earlier[-1][2]
            spoken = self._spokesperson_date(sentence, speaker) if person else None
            if spoken is not None:
                return spoken
        lead = self._lead_date(sentence, speaker)
        if lead is None and speaker and ctx.type_of(speaker) is ActorType.PERSON and \
                tense == "past":
            lead = self._story_day(sentence, verb, speaker)
        if lead is not None and speaker and ctx.type_of(speaker) is ActorType.PERSON:
            # The lead's date carries over to the same person's later quotes (rule 5).
            self.note(sentence, speaker, lead)
        if lead is None and speaker and tense in ("past", "gerund") and \
                ctx.type_of(speaker) is ActorType.PERSON and not is_unnamed(speaker):
            lead = self._framed(sentence, verb)
        return lead

    def _issued(self, sentence: Span, speaker: str) -> PartialDate | None:
        """Rule 2b of the module doc: the day of the issuing of the document that speaks."""
        ctx, words = self.ctx, _words()
        before = ctx.sentences_in(max(0, sentence.begin - _DOCUMENT_REACH), sentence.begin)
        for n, prior in enumerate(reversed([b for b in before if b.end <= sentence.begin])):
            said = [d for who, d in self.dated_statements.get(prior.begin, []) if who == speaker]
            if n == 0 and said:
                return said[0]
            named = [m for m in words.document.finditer(ctx.text, prior.begin, prior.end)
                     if ctx.in_quote(m.start()) is None and self._owned(prior, m, speaker)]
            verbs = [m for m in words.publishing.finditer(ctx.text, prior.begin, prior.end)
                     if ctx.in_quote(m.start()) is None and (named or self._owned(
                         prior, m, speaker, by=True))]
            best: tuple[int, PartialDate] | None = None
            for mention in ctx.dates_in(prior.begin, prior.end) if named or verbs else []:
                span = mention.span
                if ctx.in_quote(span.begin, span.end) or ctx.is_dateline(span) or \
                        self._in_reported(span) or year_of_noun(ctx.text, span) or \
                        _NUMBER_OF.search(ctx.text, max(0, span.begin - 8), span.begin):
                    continue  # ("Announcement No. 1 of 2026": which document, not when)
                # before the verb, or after it in its clause, or naming the document
                near = [abs(span.begin - m.start()) for m in verbs if span.end <= m.start()
                        or not re.search(r"[,;]", ctx.text[m.end():span.begin])] + \
                    [0 for m in named if attributive(ctx.text, span)
                     and 0 <= m.start() - span.end <= 3]
                if near and (best is None or min(near) < best[0]):
                    best = (min(near), mention.date)
            if best is not None or verbs or any(m.group("a") for m in named):
                return best[1] if best else None  # undated when introduced so
        return None

    def _owned(self, sentence: Span, m: re.Match[str], speaker: str, by: bool = False) -> bool:
        """Whether no other actor's name comes with the document named at ``m`` ("a
        purported METI notice"), or (``by``) the speaker is right before the publishing
        verb at ``m`` ("China's commerce ministry on Tuesday announced")."""
        ctx = self.ctx
        found = ctx.actors_in(max(sentence.begin, m.start() - 40), m.start() if by else m.end())
        if by:
            return bool(found) and found[-1].name == speaker and \
                re.fullmatch(r"[^,;]{0,30}", ctx.text[found[-1].span.end:m.start()]) is not None
        return all(not _OWNER_GAP.fullmatch(ctx.text, f.span.end, m.end())
                   or f.name in (speaker, ctx.state_of(speaker), ctx.root(speaker))
                   for f in found)

    def _framed(self, sentence: Span, verb: Span) -> PartialDate | None:
        """Rule 7 of the module doc: the day of the occasion the lead sets, for a named
        person's undated words after it, unless said "earlier"."""
        if self._frame is False:
            self._frame = self._event_day()
        frame = self._frame
        if not isinstance(frame, tuple) or sentence.begin < frame[0] or EARLIER.search(
                self.ctx.text, max(sentence.begin, verb.begin - 24), verb.begin):
            return None
        return frame[1]

    def _event_day(self) -> tuple[int, PartialDate] | None:
        """The occasion of speaking the lead's first sentences set on one day ("pressed
        ministers on Wednesday ... at a hearing of the committee", "at the press conference
        on 7th"): the start of its sentence and the day; None when the lead sets none."""
        ctx = self.ctx
        lead = next((p for p in ctx.paragraphs if p.end - p.begin > LEAD_LENGTH), None)
        if lead is None:
            return None
        frame = _words().event_frame
        for sentence in ctx.sentences_in(lead.begin, lead.end)[:LEAD_SENTENCES]:
            occasion = frame.search(ctx.text, sentence.begin, sentence.end)
            if occasion is None or ctx.in_quote(occasion.start()) is not None:
                continue
            dated = [d for d in ctx.dates_in(sentence.begin, sentence.end)
                     if d.date.day is not None and not self._in_reported(d.span)
                     and not ctx.in_quote(d.span.begin, d.span.end)
                     and not ctx.is_dateline(d.span) and not attributive(ctx.text, d.span)]
            days = {d.date for d in dated}
            if len(days) > 1:
                # "About the ban announced this month 6th, X at the press conference on
                # 7th said ...": the day next to the occasion is its own
                days = {d.date for d in dated if occasion.start() - _FRAME_REACH
                        <= d.span.begin <= occasion.end() + _FRAME_REACH}
            if len(days) == 1:
                return sentence.begin, days.pop()
        return None

    def _occasion_day(self, sentence: Span, cue: re.Pattern[str]) -> PartialDate | None:
        """"X met Y in Beijing on Tuesday. Y said after the talks that ...": the day of the
        sentence before in the paragraph that tells the occasion (``cue``: its noun or
        verb) on a day; none when the paragraph told no such occasion (words said "after
        the summit" the text did not date)."""
        ctx = self.ctx
        paragraph = ctx.paragraph_of(sentence.begin)
        if paragraph is None:
            return None
        for before in reversed(ctx.sentences_in(paragraph.begin, sentence.begin)):
            if before.begin >= sentence.begin or not cue.search(ctx.text, before.begin,
                                                                before.end):
                continue
            days = [d for d in self._free_dates(before) if d.day is not None]
            if days:
                return days[-1]
        return None

    def _told_before(self, sentence: Span, back: int = 0) -> PartialDate | None:
        """"Shi Yi said at the time that ...": the last date the paragraph told before the
        sentence (outside quotations), at its precision, or (``back``) the last one of as
        many paragraphs before it; none when they told none."""
        ctx = self.ctx
        paragraph = ctx.paragraph_of(sentence.begin)
        if paragraph is None:
            return None
        begin = paragraph.begin
        if back:
            i = ctx.paragraphs.index(paragraph) if paragraph in ctx.paragraphs else 0
            begin = ctx.paragraphs[max(0, i - back)].begin
        dates = [d.date for d in ctx.dates_in(begin, sentence.begin)
                 if not ctx.in_quote(d.span.begin, d.span.end) and not ctx.is_dateline(d.span)
                 and not _SINCE.search(ctx.text, max(begin, d.span.begin - 12), d.span.begin)]
        return dates[-1] if dates else None

    def _spokesperson_date(self, sentence: Span, speaker: str) -> PartialDate | None:
        """A spokesperson's undated words: the date of the last dated statement of the body
        they speak for, earlier in the article ("The ministry said on Thursday that A.
        ... Spokesman He Yadong told a regular briefing that B")."""
        ctx = self.ctx
        facts = ctx.known(speaker)
        if facts is None or not facts.affiliation or not facts.role or \
                not _words().spokesperson.search(facts.role):
            return None
        body = facts.affiliation
        found = [(offset, d) for offset, said in self.dated_statements.items()
                 if offset < sentence.begin and not self._announces(offset)
                 for who, d in said if who == body]
        if not found:
            return None
        offset, date = max(found, key=lambda x: x[0])
        return None if self._written(offset) else date

    def _written(self, offset: int) -> bool:
        """Whether the sentence at ``offset`` gives the body's words as a document ("the
        ministry said in a statement on Tuesday"): not a briefing, so not the occasion of
        its spokesperson's spoken words ("A ministry spokesperson told reporters ...")."""
        ctx = self.ctx
        sentences = ctx.sentences_in(offset, offset + 1)
        end = sentences[0].end if sentences else offset + 200
        return any(m.group("a") and _IN_BEFORE.search(ctx.text, max(0, m.start() - 4),
                                                      m.start())
                   for m in _words().document.finditer(ctx.text, offset, end))

    def _announces(self, offset: int) -> bool:
        """Whether the sentence at ``offset`` announces something ("the ministry announced
        on 8th day that exports are banned"): the issuing of a measure, not a briefing its
        spokesperson's words belong to."""
        ctx = self.ctx
        sentences = ctx.sentences_in(offset, offset + 1)
        end = sentences[0].end if sentences else offset + 200
        return _ANNOUNCE.search(ctx.text, offset, end) is not None

    def note(self, sentence: Span, speaker: str, date: PartialDate | None) -> None:
        """Record a statement of ``sentence`` with an explicit date, for rule 6."""
        if date is not None:
            self.dated_statements.setdefault(sentence.begin, []).append((speaker, date))

    def explicit(self, verb: Span, sentence: Span, content: Span,
                 cls: str) -> PartialDate | None:
        """The date in the attribution: the sentence outside the reported words (all of
        the clause for ``call`` and ``demand`` verbs and negations), nearest the verb."""
        key = (verb.begin, sentence.begin, sentence.end, content.begin, content.end, cls)
        if key not in self._explicit:  # asked when noting and again when dating
            # "figures that X has described as ...": a present perfect takes no date of its
            # own ("has said on Monday" is not English), so a date in the sentence is
            # another event's ("announced a fund in January 2022, which X has described").
            self._explicit[key] = None if _PRESENT_PERFECT.search(
                self.ctx.text, max(sentence.begin, verb.begin - 30), verb.begin) \
                else self._explicit_date(verb, sentence, content, cls)
        return self._explicit[key]

    def _explicit_date(self, verb: Span, sentence: Span, content: Span,
                       cls: str) -> PartialDate | None:
        ctx = self.ctx
        begin = min(sentence.begin, content.begin)
        end = max(sentence.end, verb.end)
        # "The FT says A; X told ambassadors on Wednesday B": a semicolon ends the clause.
        head, last = min(verb.begin, content.begin), max(verb.end, content.end)
        for m in _SEMICOLON.finditer(ctx.text, begin, end):
            if ctx.in_quote(m.start()) is not None:
                continue
            if m.end() <= head:
                begin = m.end()
            elif m.start() >= last:
                end = m.start()
                break
        # "X has not withdrawn her 7 November remarks, and she has said that ...": a clause
        # with a subject of its own starts after "and"; the dates before are the first's.
        first: tuple[int, int] | None = None
        for m in NEW_CLAUSE.finditer(ctx.text, begin, min(verb.begin, content.begin)
                                      if content.begin > verb.begin else verb.begin):
            subject = m.group("s")
            if ctx.in_quote(m.start()) is None and (
                    subject.lower() in _SUBJECT_PRONOUNS or ctx.actor_at(m.start("s"))):
                first = (begin, m.start()) if m.group("co") else None
                begin = m.end("c")
        asides = [(m.start(), m.end()) for m in
                  _RELATIVE_ASIDE.finditer(ctx.text, begin, verb.begin)
                  if ctx.in_quote(m.start()) is None] if "wh" in ctx.text[begin:verb.begin] \
            else []
        best: tuple[int, PartialDate] | None = None
        # "Japan, Kanai said on Tuesday, will not ...": an attribution inside the words.
        aside = ctx.text.find(",", verb.end, end) if content.begin <= verb.begin < content.end \
            else -1
        for mention in ctx.dates_in(begin, end):
            span = mention.span
            inside = content.begin <= span.begin < content.end and not (
                verb.end <= span.begin < aside
                # "urged X to retract remarks she made in parliament in November, when":
                # another verb's date, even before the comma
                and not _OTHER_EVENT.search(ctx.text, verb.end, span.begin))
            if inside and (cls not in ("call", "demand", "negation", "act")
                           or _OTHER_EVENT.search(ctx.text, max(content.begin,
                                                                span.begin - 30),
                                                  span.begin)
                           or attributive(ctx.text, span)
                           # "added that the controls, in place since July 2023, ...":
                           # a date of the that-clause is the words'
                           or _THAT.search(ctx.text, verb.end, span.begin)):
                continue
            if ctx.in_quote(span.begin, span.end) or ctx.is_dateline(span) or \
                    year_of_noun(ctx.text, span):
                continue
            if span.end <= verb.begin and _AFTER_CLAUSE.search(ctx.text, span.end, verb.begin):
                # "halted imports in November, after Takaichi suggested ...": the verb is in
                # a time clause; the date before it is the main clause's later event
                continue
            if verb.end <= content.begin and content.end <= span.begin and \
                    _LATER_CLAUSE.search(ctx.text, content.end, span.begin):
                continue  # "said A, and a levy imposed on Aug. 25 ...": the clause's date
            if any(lo < span.begin and span.end < hi for lo, hi in asides):
                continue  # "X, who joined a meeting on Monday, said": the meeting's day
            if content.end <= verb.begin <= verb.end <= span.begin \
                    and self._described_speaker(verb, span):
                continue  # "said X, 58, president of the firm his father founded in 1961"
            if verb.end <= span.begin < content.begin and _ACCORDING.search(
                    ctx.text, max(begin, verb.begin - 60), verb.end):
                continue  # "According to Kyodo, on 19th, China notified ...": the event's
            distance = abs(span.begin - verb.begin)
            if best is None or distance < best[0]:
                best = (distance, mention.date)
        if best is None and first is not None:
            return self._shared_time(first, verb)
        return best[1] if best else None

    def _shared_time(self, first: tuple[int, int], verb: Span) -> PartialDate | None:
        """"China on Wednesday defended the ban, while Tokyo said ...": a clause coordinated
        after one whose verb a day adverbial dates ("on Wednesday", not "her 7 November
        remarks") shares that day when its own verb is a simple past or present, with no
        date of its own."""
        ctx = self.ctx
        if _PERFECT.search(ctx.text, max(first[1], verb.begin - 40), verb.begin):
            return None
        for mention in ctx.dates_in(*first):
            span = mention.span
            if mention.date.day is None or ctx.in_quote(span.begin, span.end) or \
                    ctx.is_dateline(span) or self._in_reported(span) or \
                    attributive(ctx.text, span):
                continue
            lead = ctx.text[max(first[0], span.begin - 12):span.begin]
            if _ADVERBIAL.search(lead) and not _PERFECT.search(ctx.text, first[0], span.begin):
                return mention.date
        return None

    def _described_speaker(self, verb: Span, date: Span) -> bool:
        """"..., said Aiko Mori, 58, head of the firm her father founded in 1961": a date in
        the description after the speaker a trailing verb names (a name, then a comma, then
        a past verb right before the date) is the described event's, not the saying's."""
        text = self.ctx.text
        comma = text.find(",", verb.end, date.begin)
        return comma != -1 and comma - verb.end <= _NAME_REACH \
            and bool(self.ctx.actors_in(verb.end, comma)) \
            and _OTHER_EVENT.search(text, comma, date.begin) is not None

    def _free_dates(self, sentence: Span) -> list[PartialDate]:
        """Dates of ``sentence`` outside quotations, reported words and the dateline."""
        ctx = self.ctx
        return [d.date for d in ctx.dates_in(sentence.begin, sentence.end)
                if not self._in_reported(d.span) and not ctx.in_quote(d.span.begin, d.span.end)
                and not ctx.is_dateline(d.span)]

    def _placing_dates(self, sentence: Span, subject: Subject) -> list[PartialDate]:
        """The free dates of ``sentence`` that may place its ``subject``: not the date of
        another's act told in a description ("said Aiko Mori, 58, head of the firm her
        father founded in 1961")."""
        ctx, text = self.ctx, self.ctx.text
        found = []
        for d in ctx.dates_in(sentence.begin, sentence.end):
            span = d.span
            if self._in_reported(span) or ctx.in_quote(span.begin, span.end) or \
                    ctx.is_dateline(span):
                continue
            if span.begin > subject.span.end and _OTHER_EVENT.search(
                    text, max(sentence.begin, span.begin - 40), span.begin) and \
                    _DESCRIBED.search(text, subject.span.end, span.begin):
                continue
            found.append(d.date)
        return found

    def _in_reported(self, span: Span) -> bool:
        i = bisect.bisect_left(self._reported_starts, span.end)
        for begin, end in self._reported[max(0, i - 4):i]:
            if begin < span.end and span.begin < end:
                return True
        return False


def _attribution(text: str, sentence: Span, content: Span) -> str:
    """The words of ``sentence`` outside the reported words: where the time of saying is."""
    cut = min(max(content.begin, sentence.begin), sentence.end)
    resume = max(min(content.end, sentence.end), cut)
    return text[sentence.begin:cut] + " " + text[resume:sentence.end]


def _titled_person(ctx: Context, subject: Subject, sentence: Span) -> Subject | None:
    """"Foreign Ministry spokesman Mao Ning at a press conference ...": a body that only
    qualifies a title before a person's name is not the subject; the person is."""
    if ctx.type_of(subject.name) is ActorType.PERSON:
        return None
    following = ctx.actors_in(subject.span.end, min(sentence.end, subject.span.end + 60))
    if not following or following[0].type is not ActorType.PERSON:
        return None
    gap = ctx.text[subject.span.end:following[0].span.begin]
    if re.fullmatch(r"\s+(?:[\w-]+\s+){1,3}", gap) is None or \
            ctx.triggers.descriptor_regex.search(gap) is None:
        return None
    return Subject(following[0].name, following[0].span)
