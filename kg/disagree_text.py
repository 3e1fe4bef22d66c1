"""What an article's own words say around an assertion, for :mod:`kg.disagree`.

A disagreement needs two assertions about one fact.  The extraction gives a figure its
unit and its subject words and a measure its date; the text around them says more:

* **Whose quantity, and when** (:meth:`ArticleReading.quantity_of`).  A figure's *holder*
  is the set of actors its sentence names, each reduced to the state or body at the root
  of its ``part_of``/``affiliation`` chain, leaving out whoever only reports it (the
  figure's ``asserted_by``, media, cited sources); the publisher when a first-person
  subject of its own release stands before it ("we hold inventories ...", "The Company
  holds ...": ``[speech.voice]``).  A figure's *time* is the date its sentence writes
  nearest to it, when there is one ("in July 2023", "on Friday"; a date holding the
  article's own month, "as of today", is no earlier time); else the tense of its clause,
  by its last cue: a verb in the simple past or a word of an earlier time ("Japan then
  bought about 90 percent": ``[dates] past_verbs`` and ``[figures] earlier_cues``; not a
  past speech verb, "said China supplies 60%") makes it a past figure, of its article's
  days; a future cue a forecast; a word of the present ("it now sources about 60%":
  ``[figures] current_cues``), or no cue, a figure current as of its article's date.
* **Whether a figure is claimed at all** (:meth:`ArticleReading.examined`): a figure in a
  paragraph opening with a claim label ('Claim: "Japan gets 90% ..."',
  ``[measures.hedges] claim_labels``) is a claim under examination, not the article's.
* **What kind of day a measure's date is, and whether the mention states it**
  (:meth:`ArticleReading.effective`, :meth:`ArticleReading.states`): the day a measure takes
  effect ("from Aug. 1", "took effect on Jan. 6", "in force since", ``[measures.timing]``
  ``effective`` and ``since``) is not the day it was announced; and a mention's date is
  written in its own words when a date expression giving that day lies inside its span or
  at most :data:`TOUCHING_WORDS` words and no dash from it in its sentence ("On January 6, China
  announced ...", "banned exports from January 6"), not inherited from a heading, the
  article's date or another clause ("... by the dual-use ban, spokesperson X tells the
  regular Thursday press conference").

Sentences and dates are read once per article, and only for the facts whose values
differ.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import cast

from .extract.dates import DateMention, find_dates, tense_cues
from .extract.measures.rules import claim_label_regex
from .extract.text import paragraph_sentences, paragraphs_only, sentence_at
from .extract.triggers import load_triggers, phrase_alternation, words_regex
from .model import ActorType, Extraction, FigureMention, MeasureMention, PartialDate, Span
from .resolve import ActorNode, root_actor

TOUCHING_WORDS = 3
"""Words that may stand between a measure's span and the date it states ("banned exports
from January 6", "on Tuesday (Jan. 6) MOFCOM announced", "the ban it announced on Jan.
6")."""
FIGURE_CLAUSE = 100
"""Characters before a figure read for the tense of its clause ("BIS added 140 entities to
the Entity List and put new controls on ... 24 types")."""
_NEAR = 200
"""Characters around a measure's span, in its line, read for the dates it may state."""
_APART = re.compile(r"--|[—–]|\s-\s|[.;!?]\s")
"""A dash or a sentence's end between a date and a measure: the date heads what follows (a
dateline "BEIJING, Jan. 8 (Xinhua) --", a live blog's "Jan. 7 — ...") or ends another
sentence; it is not the measure's."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class When:
    """The time a figure gives its number for.

    ``kind`` is ``"now"`` (current as of its article), ``"ahead"`` (a forecast),
    ``"past"`` (a past event or state of no written date) or ``"at"`` (a date its sentence
    writes, at month or year precision).  ``ordinal`` counts months (``now``, ``ahead``,
    ``at`` of a month), years (``at`` of a year) or days (``past``); ``None`` when the
    article has no date of its own (then ``article`` names it).
    """

    kind: str
    ordinal: int | None
    year_only: bool = False
    article: str | None = None


@dataclass(frozen=True)
class Quantity:
    """What two figures must share to give one quantity: the unit, the subject words and
    the holder (the time is compared apart, see :class:`When`)."""

    unit: str
    topic: frozenset[str]
    holder: frozenset[str]


@dataclass(frozen=True)
class _Cues:
    past: re.Pattern[str]
    future: re.Pattern[str]
    current: re.Pattern[str]
    cut: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    """The dates' tense cues (:func:`kg.extract.dates.tense_cues`) with ``[figures]
    earlier_cues`` among the past ones ("then", "bought") but not the past speech verbs
    ("said China supplies 60%": the reported clause has its own tense), and ``[figures]
    current_cues`` ("now", "still")."""
    cues = tense_cues()
    figures = load_triggers().raw["figures"]
    speech = "|".join(sorted(cues.speech_past, key=len, reverse=True))
    past = re.compile(r"(?<![\w'’-])(?:" + phrase_alternation(figures["earlier_cues"])
                      + r")(?![\w'’-])|(?<![\w'’-])(?!(?:" + speech + r")(?![\w'’-]))(?:"
                      + cues.past.pattern + ")", re.IGNORECASE)
    current = re.compile(r"(?<![\w'’-])(?:" + phrase_alternation(figures["current_cues"])
                         + r")(?![\w'’-])", re.IGNORECASE)
    return _Cues(past, cues.future, current, re.compile(r"[;:\"“”]|\s[—–]\s"))


@lru_cache(maxsize=1)
def _own_voice() -> re.Pattern[str]:
    """A first-person subject of a release ("we", "the Company"): ``[speech.voice]``."""
    voice = load_triggers().raw["speech"]["voice"]
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(
        re.escape(w) for w in [*voice["pronouns"], *voice["self_nouns"]]) + r")(?![\w'’-])")


@dataclass(frozen=True)
class _MeasureCues:
    claim_label: re.Pattern[str]
    effective_before: re.Pattern[str]
    """An effective or since cue as the last words before a position."""


@lru_cache(maxsize=1)
def _measure_cues() -> _MeasureCues:
    """``[measures.hedges] claim_labels`` and ``[measures.timing] effective`` and ``since``,
    compiled alone (the measure extractor's whole table is not needed here)."""
    measures = load_triggers().raw["measures"]
    timing = measures["timing"]
    words = words_regex([*timing["effective"], *timing["since"]])
    return _MeasureCues(claim_label_regex(measures["hedges"]["claim_labels"]),
                        re.compile(words.pattern + r"\s*$", re.IGNORECASE))


def _distance(a: Span, b: Span) -> int:
    return max(a.begin - b.end, b.begin - a.end, 0)


def _month_index(year: int, month: int) -> int:
    """Months since year 0: the ordinal of a ``now`` or month ``at`` time."""
    return year * 12 + month - 1


def _meets_month(date: PartialDate, day: dt.date) -> bool:
    """Whether the period ``date`` and the month of ``day`` overlap: a date of the month of
    writing ("on Friday", "as of today", "this year") is no earlier time; the tense says
    whether the figure is current or past."""
    return date.year == day.year and (date.month is None or date.month == day.month)


class ArticleReading:
    """One article's text, read lazily for the evidence :mod:`kg.disagree` weighs."""

    def __init__(self, extraction: Extraction, actors: dict[str, ActorNode]) -> None:
        self.extraction = extraction
        self.text = extraction.article.text
        self._actors = actors
        self._dates: dict[tuple[int, int], list[DateMention]] = {}
        self._sentences: dict[int, list[Span]] = {}

    @cached_property
    def _paragraphs(self) -> list[Span]:
        return paragraphs_only(self.text)

    @cached_property
    def _anchor(self) -> dt.date | None:
        anchor = self.extraction.article.anchor_date
        if anchor is None:
            # An article of no date in a corpus of none: its yearless dates are read in the
            # year the extraction gave its measures (the latest day of them).
            days = [m.date for m in self.extraction.measures
                    if m.date is not None and m.date.day is not None]
            latest = max(days, key=lambda d: (d.year, d.month, d.day), default=None)
            if latest is not None:
                anchor = dt.date(latest.year, cast(int, latest.month), cast(int, latest.day))
        return anchor

    def sentence(self, span: Span) -> Span:
        """The sentence holding ``span`` (the span itself when no sentence does).

        Found among the sentences of the span's paragraph alone, split when first asked:
        a sentence lies in one paragraph, so this is the sentence of
        :func:`kg.extract.text.split_sentences` that holds it, without splitting the whole
        article (the extraction's split is not kept, and the figures read here stand in a
        few paragraphs of an article)."""
        paragraph = sentence_at(self._paragraphs, span.begin)
        if paragraph is None:
            return span
        sentences = self._sentences.get(paragraph.begin)
        if sentences is None:
            sentences = self._sentences[paragraph.begin] = \
                paragraph_sentences(self.text, paragraph)
        return sentence_at(sentences, span.begin) or span

    def _dates_in(self, sentence: Span) -> list[DateMention]:
        """The date expressions of a stretch of text (a sentence, the words around a
        measure), resolved against the article's date.

        Read stretch by stretch, only where an assertion asks (reading a whole article's
        dates costs more than all the rest of finding its disagreements); so a date that
        only a sentence before settles ("on the 14th" of a month named there) is not read,
        and a measure's date is matched by its month and day, where the year may differ."""
        found = self._dates.get((sentence.begin, sentence.end))
        if found is None:
            own = self.extraction.article.metadata.date is not None
            found = [DateMention(Span.of(self.text, d.span.begin + sentence.begin,
                                         d.span.end + sentence.begin), d.date, d.relative)
                     for d in find_dates(sentence.text, self._anchor, own_anchor=own)]
            self._dates[(sentence.begin, sentence.end)] = found
        return found

    # figures

    def examined(self, figure: FigureMention) -> bool:
        """Whether the figure stands in a claim under examination: a line opening with a
        claim label ('Claim: "..."')."""
        start = self.text.rfind("\n", 0, figure.span.begin) + 1
        return _measure_cues().claim_label.match(self.text, start, figure.span.begin) is not None

    def quantity_of(self, figure: FigureMention, topic: frozenset[str]) -> Quantity:
        """The figure's unit, subject words and holder (see the module's doc)."""
        sentence = self.sentence(figure.span)
        reporters = self._reporters(figure.asserted_by)
        holder = {root_actor(a.name, self._actors) or a.name
                  for a in self.extraction.actors
                  if sentence.begin <= a.span.begin and a.span.end <= sentence.end
                  and a.type is not ActorType.MEDIA and a.name not in reporters}
        publisher = self.extraction.article.metadata.publisher
        if publisher and _own_voice().search(self.text, sentence.begin, figure.span.begin):
            holder.add(publisher)
        return Quantity(figure.unit, topic, frozenset(holder))

    def _reporters(self, name: str | None) -> set[str]:
        """Who reports a figure: its ``asserted_by`` and the bodies it belongs to, short of
        a state ("Kenta Ogawa, a senior fellow at the Tokyo Institute", "according to
        METI": not Japan, whose imports METI may count)."""
        found: set[str] = set()
        while name and name not in found:
            node = self._actors.get(name)
            if node is not None and node.type is ActorType.STATE:
                break
            found.add(name)
            name = (node.part_of or node.affiliation) if node is not None else None
        return found

    def when(self, figure: FigureMention) -> When:
        """The time the figure gives its number for (see :class:`When`)."""
        article = self.extraction.article
        own, anchor = article.metadata.date, article.anchor_date
        span = figure.span
        written = self._own_dates(figure)
        if written:
            date = min(written, key=lambda d: _distance(d.span, span)).date
            if anchor is None or not _meets_month(date, anchor):
                if date.month is None:
                    return When("at", date.year, year_only=True)
                return When("at", _month_index(date.year, date.month))
        ident = None if own is not None else article.identifier
        cue = self._tense(figure)
        if cue == "past":
            return When("past", own.toordinal() if own is not None else None, article=ident)
        return When(cue, _month_index(own.year, own.month) if own is not None else None)

    def _own_dates(self, figure: FigureMention) -> list[DateMention]:
        """The dates of the figure's sentence nearer to it than to any other figure there
        ("roughly 60 percent ..., down from around 90 percent in 2010": 2010 is the 90's)."""
        sentence = self.sentence(figure.span)
        figures = [f.span for f in self.extraction.figures
                   if sentence.begin <= f.span.begin < sentence.end]
        return [d for d in self._dates_in(sentence)
                if min(figures, key=lambda f: (_distance(d.span, f), f.begin)) == figure.span]

    def _tense(self, figure: FigureMention) -> str:
        """``past``, ``ahead`` or ``now``: the last tense cue of the figure's clause."""
        cues = _cues()
        sentence = self.sentence(figure.span)
        window = self.text[max(sentence.begin, figure.span.begin - FIGURE_CLAUSE):
                           figure.span.begin]
        cuts = [m.end() for m in cues.cut.finditer(window)]
        if cuts:
            window = window[cuts[-1]:]
        found = [(m.start(), kind) for kind, pattern in
                 (("past", cues.past), ("ahead", cues.future), ("now", cues.current))
                 for m in pattern.finditer(window)]
        return max(found)[1] if found else "now"

    # measure dates

    def _stating(self, mention: MeasureMention) -> list[DateMention]:
        """The date expressions near the mention, in its line, that give its day."""
        span, date = mention.span, mention.date
        text = self.text
        begin = max(text.rfind("\n", 0, span.begin) + 1, span.begin - _NEAR)
        line_end = text.find("\n", span.end)
        end = min(len(text) if line_end < 0 else line_end, span.end + _NEAR)
        return [d for d in self._dates_in(Span.of(text, begin, end))
                if date is not None and (d.date.month, d.date.day) == (date.month, date.day)]

    def effective(self, mention: MeasureMention) -> bool:
        """Whether the mention's date is the day it takes effect ("from Aug. 1"): every date
        expression near it giving that day follows an effective cue."""
        cue = _measure_cues().effective_before
        stating = self._stating(mention)
        return bool(stating) and all(
            cue.search(self.text, max(0, d.span.begin - 40), d.span.begin) is not None
            for d in stating)

    def states(self, mention: MeasureMention) -> bool:
        """Whether the mention's own words write its date (see the module's doc)."""
        span = mention.span
        for d in self._stating(mention):
            if d.span.end > span.begin and d.span.begin < span.end:
                return True
            gap = self.text[d.span.end:span.begin] if d.span.end <= span.begin \
                else self.text[span.end:d.span.begin]
            if len(_WORD.findall(gap)) <= TOUCHING_WORDS and not _APART.search(gap):
                return True
        return False
