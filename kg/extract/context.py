"""One article prepared for the statement, figure and measure extractors.

:class:`Context` computes once what those extractors share: paragraphs, sentences,
quotations (:mod:`.text`), resolved dates (:mod:`.dates`) and an index of the actor
mentions found by :mod:`.actors`.  It also answers the questions all three ask about actors:

* :meth:`Context.subject` - who is the grammatical subject before a verb: the actor right
  before it (over adverbs, auxiliaries and an appositive), a pronoun resolved to the last
  person mentioned, a description ("a spokesperson for the ministry") resolved to the
  person the article names so (:mod:`.descriptions`), else the first actor of the clause
  that is not inside a prepositional phrase;
* :meth:`Context.root` / :meth:`Context.state_of` - the body or state an actor belongs to,
  following ``part_of`` and ``affiliation`` (as :func:`kg.resolve.root_actor` does).

Lookups are binary searches over sorted spans, so the extractors stay linear (times a log).

Shared lookups (speed)
    Each is built once per article by :func:`build_context` (about 1 ms for a 600-word
    article, most of it the date scan); an extractor that splits, searches or loops over
    the whole text again for the same thing pays that again.  Use them instead:

    ==================================  ==================================================
    ``ctx.text``                        the article text (an attribute: read it freely)
    ``ctx.paragraphs``, ``sentences``   spans in text order; ``paragraph_of(offset)``,
                                        ``sentence_of(offset)``, ``next_paragraph``,
                                        ``sentences_in(begin, end)`` bisect them
    ``ctx.quotes``                      quotations; ``in_quote(begin, end)``,
                                        ``quotes_in(begin, end)``
    ``ctx.dates``                       resolved dates; ``dates_in(begin, end)``,
                                        ``is_dateline(span)``
    ``ctx.actors``                      outermost mentions; ``actors_in``, ``actor_at``,
                                        ``actor_ending_at``, ``actor_after``,
                                        ``last_person_before``, ``last_body_before``
    ``ctx.word_before(offset)``         the word before an offset (no stop between)
    ``ctx.known``/``root``/``state_of`` what the article and the reference data say of
                                        an actor (cached per article)
    ==================================  ==================================================

    A regular expression anchored at its end (``...$``) and *searched* over a window tries
    every position of the window; :meth:`Context.word_before` matches the reversed window
    from its start instead, five times faster for the same answer (tested).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import ActorMention, ActorType, Article, PartialDate, Span
from ..resolve import ActorInfo
from .dates import DateMention, date_expressions, find_dates
from .descriptions import description_before, index_descriptions
from .gazetteer import token_stream
from .memo import memoized
from .subject_words import (
    BODY_WORDS,
    CONJUNCTIONS,
    GAP_STOPS,
    LATER_ENDS,
    OWNED,
    POSSESSIVE_END,
    SHARED_SUBJECT,
    SKIPPABLE,
    TITLE_AFTER,
    WORD_BEFORE,
    WORD_BEFORE_REVERSED,
    WORD_END_REVERSED,
    body_noun_regex,
    later_left,
    occasion_regex,
)
from .text import Quote, find_quotes, split_paragraphs, split_sentences
from .triggers import Triggers, load_triggers

PREPOSITIONS = frozenset(load_triggers().raw["prepositions"]["objects"])
"""Words after which an actor is an object, not a subject (``[prepositions] objects``)."""

NUMBER_START = re.compile(r"\d(?<![\d.,]\d)")
"""A digit that opens a number (not one after a digit, a point or a comma); the digit comes
first in the pattern so that ``re`` skips to digits instead of trying every position."""
_APPOSITIVE_MAX = 120
_WORD_AFTER = re.compile(r"\s+[\w‑-]")
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+[\w‑-]")
"""After a mention: a word (after a possessive mention), or "'s" and a word: a possessor."""
_DATELINE_SENTENCES = 4
"""A dateline is in one of the first sentences (after a title line, a byline)."""
_DATELINE_OFFSET = 60
_DATELINE_PLACE = re.compile(r"[A-Z][\w.'’/ -]{1,40}[,—–-]\s*")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—]")
"""A dateline's place before its date, and its source and dash after ("OSTRAVA, March 4
(Wire) -")."""
_ARTICLE_BEFORE_NAME = re.compile(r"\s*(?:the\s+(?:[a-z][\w-]*\s+){0,2}?(?=[A-Z]))?")
"""White space and an article (with up to two lower-case words) before a name."""


@dataclass(frozen=True)
class ActorFacts:
    """What the article's mentions say about an actor."""

    name: str
    type: ActorType
    part_of: str | None = None
    affiliation: str | None = None
    role: str | None = None


@dataclass
class Subject:
    """The actor found as the subject of a verb, with the text that names it."""

    name: str
    span: Span
    via_description: bool = False


@dataclass
class Context:
    """An article with everything the extractors share (see module doc)."""

    article: Article
    actors: list[ActorMention]
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    facts: dict[str, ActorFacts] = field(default_factory=dict)
    triggers: Triggers = field(default_factory=load_triggers)
    _begins: list[int] = field(default_factory=list)
    _sentence_begins: list[int] = field(default_factory=list)
    _descriptions: dict[str, list[str]] = field(default_factory=dict)
    _looked_up: dict[str, ActorFacts | None] = field(default_factory=dict)
    _roots: dict[str | None, str | None] = field(default_factory=dict)
    _paragraph_begins: list[int] = field(default_factory=list)
    _date_begins: list[int] = field(default_factory=list)
    _quote_begins: list[int] = field(default_factory=list)
    _quote_index: list[tuple[list[Quote], list[int]]] = field(default_factory=list)
    _name_words: dict[str, ActorMention] = field(default_factory=dict)
    anchor: dt.date | None = None
    """The date relative expressions were resolved against (see :func:`build_context`)."""
    _date_ends: dict[int, int] = field(default_factory=dict)
    # answers asked again for the same mention (see :mod:`.memo`; more are memoized)
    _eligible: dict[tuple[int, int, str], bool] = field(default_factory=dict, repr=False)
    _described: dict[tuple[int, int, str, str, ActorType], Subject | None] = field(
        default_factory=dict, repr=False)
    text: str = field(init=False, repr=False)
    """The article text every span counts into (``article.text``; an attribute, not a
    property, since the extractors read it tens of thousands of times per article)."""

    def __post_init__(self) -> None:
        self.text = self.article.text

    # -- actors ---------------------------------------------------------------------------

    def actors_in(self, begin: int, end: int) -> list[ActorMention]:
        """Actor mentions lying inside ``[begin, end)``, in text order."""
        i = bisect.bisect_left(self._begins, begin)
        out: list[ActorMention] = []
        while i < len(self.actors) and self.actors[i].span.begin < end:
            if self.actors[i].span.end <= end:
                out.append(self.actors[i])
            i += 1
        return out

    def actor_ending_at(self, end: int) -> ActorMention | None:
        """The mention whose span ends at ``end`` (white space before ``end`` ignored)."""
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        i = bisect.bisect_right(self._begins, end) - 1
        while i >= 0 and self.actors[i].span.begin >= end - 200:
            if self.actors[i].span.end == end:
                return self.actors[i]
            i -= 1
        return None

    def actor_at(self, begin: int) -> ActorMention | None:
        """The mention starting at ``begin`` (white space skipped)."""
        while begin < len(self.text) and self.text[begin].isspace():
            begin += 1
        i = bisect.bisect_left(self._begins, begin)
        if i < len(self.actors) and self.actors[i].span.begin == begin:
            return self.actors[i]
        return None

    def actor_after(self, offset: int) -> ActorMention | None:
        """The mention right after ``offset``, over white space and an article ("the")."""
        m = _ARTICLE_BEFORE_NAME.match(self.text[offset:offset + 60])
        mention = self.actor_at(offset + (m.end() if m else 0))
        return mention if mention is not None else self.actor_at(offset)

    def is_dateline(self, span: Span) -> bool:
        """A date in the article's dateline ("OSTRAVA, March 4 (Wire) -", "Beijing -
        January 7, 2026 -"): the article's own date, not an event's."""
        own = self.article.metadata_spans.get("date")
        if own is not None and own.begin < span.end and span.begin < own.end:
            return True
        sentence = self.sentence_of(span.begin)
        if sentence is None or sentence not in self.sentences[:_DATELINE_SENTENCES]:
            return False
        after = self.text[span.end:span.end + 40]
        place = self.text[sentence.begin:span.begin]
        # A place before the date ("OSTRAVA, March 4 (Wire) -"): a timeline's
        # "November 7, 2025 - ..." entries are events, not datelines.
        return _AFTER_DATELINE.match(after) is not None \
            and _DATELINE_PLACE.fullmatch(place) is not None \
            and span.begin - sentence.begin < _DATELINE_OFFSET

    def last_person_before(self, offset: int) -> ActorMention | None:
        """The last person mentioned before ``offset``."""
        i = bisect.bisect_left(self._begins, offset) - 1
        while i >= 0:
            mention = self.actors[i]
            if mention.type is ActorType.PERSON and mention.span.end <= offset:
                return mention
            i -= 1
        return None

    def known(self, name: str | None) -> ActorFacts | None:
        """What the mentions, else the reference data, say about ``name``."""
        if not name:
            return None
        if name in self.facts:
            return self.facts[name]
        if name not in self._looked_up:
            info = _reference_info(name)
            self._looked_up[name] = None if info is None else ActorFacts(
                name=name, type=info.type, part_of=info.part_of)
        return self._looked_up[name]

    def root(self, name: str | None) -> str | None:
        """Follow ``part_of``/``affiliation`` from ``name`` to the top body (often a state)."""
        if name in self._roots:
            return self._roots[name]
        start = name
        seen: set[str] = set()
        while name and name not in seen and (facts := self.known(name)) is not None:
            seen.add(name)
            parent = facts.part_of or facts.affiliation
            if not parent:
                break
            name = parent
        self._roots[start] = name
        return name

    @memoized
    def state_of(self, name: str | None) -> str | None:
        """The state ``name`` belongs to, when the chain reaches one.

        A parent the article never mentions (so of unknown type) is taken for a state when
        a government body is ``part_of`` it: bodies belong to states.
        """
        top = self.root(name)
        facts = self.known(top)
        if facts is not None:
            return top if facts.type is ActorType.STATE else None
        if top and top != name and not BODY_WORDS.search(top):
            below = [f for f in self.facts.values() if f.part_of == top]
            if any(f.type is ActorType.GOVERNMENT_BODY for f in below):
                return top
        return None

    def type_of(self, name: str | None) -> ActorType | None:
        """The actor type the mentions give ``name``."""
        return self.facts[name].type if name and name in self.facts else None

    def is_eligible_subject(self, mention: ActorMention) -> bool:
        """Whether a mention can be a subject: not the object of a preposition, not a
        possessor ("China's objective"), not a modifier ("Japanese Prime Minister X")."""
        span = mention.span
        key = (span.begin, span.end, span.text)  # all the answer reads of the mention
        eligible = self._eligible.get(key)
        if eligible is None:
            eligible = self._eligible[key] = self._is_eligible_subject(mention)
        return eligible

    def _is_eligible_subject(self, mention: ActorMention) -> bool:
        before = self.word_before(mention.span.begin)
        if before is not None and before.lower() in PREPOSITIONS and \
                not self._opens_sentence(mention.span.begin):
            return False  # (a heading "... weighs in" before the sentence is not its word)
        if self.text[max(0, mention.span.begin - 1):mention.span.begin] == "(":
            return False  # "(Example Wire)": a credit, not a subject
        after = self.text[mention.span.end:mention.span.end + 40]
        if mention.span.text.endswith(POSSESSIVE_END) and _WORD_AFTER.match(after):
            return False
        if _POSSESSIVE_AFTER.match(after):
            return False
        if after[:1] == " " and self.actor_at(mention.span.end) is not None:
            return False
        return TITLE_AFTER.match(after) is None

    def _opens_sentence(self, offset: int) -> bool:
        sentence = self.sentence_of(offset)
        return sentence is not None and not self.text[sentence.begin:offset].strip()

    @memoized
    def word_before(self, offset: int) -> str | None:
        """The word ending right before ``offset`` (punctuation in between allowed)."""
        # The word is what ``WORD_BEFORE.search`` finds in the 40 characters before
        # ``offset``; searching a "...$" pattern tries it at every position of the window,
        # so the window is matched reversed, from its end, instead.  A window with no word
        # character at all (rare) is searched as written.
        lo = max(0, offset - 40)
        r = WORD_BEFORE_REVERSED.match(self.text[lo:offset][::-1])
        if r is not None:
            gap, word = r.group(1), r.group(2)[::-1]
        else:
            m = WORD_BEFORE.search(self.text, lo, offset)
            if m is None:
                return None
            gap, word = self.text[m.end(1):offset], m.group(1)
        return word if GAP_STOPS.isdisjoint(gap) else None

    # -- sentences ------------------------------------------------------------------------

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence containing ``offset``."""
        i = bisect.bisect_right(self._sentence_begins, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_of(self, offset: int) -> Span | None:
        """The paragraph containing ``offset``."""
        i = bisect.bisect_right(self._paragraph_begins, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def next_paragraph(self, offset: int) -> Span | None:
        """The first paragraph starting at or after ``offset``."""
        i = bisect.bisect_left(self._paragraph_begins, offset)
        return self.paragraphs[i] if i < len(self.paragraphs) else None

    def sentences_in(self, begin: int, end: int) -> list[Span]:
        """Sentences starting inside ``[begin, end)``, in text order."""
        i = bisect.bisect_left(self._sentence_begins, begin)
        j = bisect.bisect_left(self._sentence_begins, end)
        return self.sentences[i:j]

    def number_starts(self) -> list[int]:
        """Where a digit opens a number (not after a digit, a point or a comma), in text
        order: found once per article for the figure patterns that open on a number,
        which are tried there instead of each scanning the text for digits."""
        starts = self.__dict__.get("_number_starts")
        if starts is None:
            starts = self.__dict__["_number_starts"] = [
                m.start() for m in NUMBER_START.finditer(self.text)]
        return starts

    def number_finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(self.text)`` gives, for a pattern whose every
        match opens at one of :meth:`number_starts` (its first digit's look-behind rules
        out a digit, a point and a comma before it): tried there only."""
        text, match = self.text, pattern.match
        end = 0
        for begin in self.number_starts():
            if begin < end:
                continue  # inside the last match
            m = match(text, begin)
            if m is not None:
                end = m.end()
                yield m

    def dates_in(self, begin: int, end: int) -> list[DateMention]:
        """Resolved dates inside ``[begin, end)``, in text order."""
        i = bisect.bisect_left(self._date_begins, begin)
        out: list[DateMention] = []
        while i < len(self.dates) and self.dates[i].span.begin < end:
            if self.dates[i].span.end <= end:
                out.append(self.dates[i])
            i += 1
        return out

    def days_in(self, begin: int, end: int) -> list[PartialDate]:
        """The dates inside ``[begin, end)`` that name a day, in text order."""
        return [d.date for d in self.dates_in(begin, end) if d.date.day is not None]

    def in_quote(self, begin: int, end: int | None = None) -> Quote | None:
        """The quotation whose words include ``[begin, end)`` (the outermost one)."""
        end = begin + 1 if end is None else end
        # Double and single quotations each never overlap their own kind: the candidate of
        # each kind is the last one opening at or before ``begin``.
        for quotes, begins in self._quote_index:
            i = bisect.bisect_right(begins, begin) - 1
            if i >= 0 and quotes[i].span.begin <= begin and end <= quotes[i].span.end:
                return quotes[i]
        return None

    def quotes_in(self, begin: int, end: int) -> list[Quote]:
        """Quotations whose marks lie inside ``[begin, end)``."""
        i = bisect.bisect_left(self._quote_begins, begin)
        out: list[Quote] = []
        while i < len(self.quotes) and self.quotes[i].outer.begin < end:
            if self.quotes[i].outer.end <= end:
                out.append(self.quotes[i])
            i += 1
        return out

    # -- subjects -------------------------------------------------------------------------

    def subject(self, verb_begin: int, clause_begin: int) -> Subject | None:
        """The subject of the verb starting at ``verb_begin`` (see module doc).

        The first actor of the clause is taken only when the verb shares the clause's
        subject: after "and", "or", "but", "to" ("visited the embassy to lodge a protest and
        demand that ...") or at the clause's start; a verb right after a noun phrase that
        names no actor ("two people familiar with the matter said") has no known subject.
        """
        near = self.subject_left_of(verb_begin, clause_begin)
        if near is not None:
            return near
        pos = self._skip_left(verb_begin, clause_begin)
        word = self._word_ending_at(pos)
        if word is not None and word[0].lower() not in SHARED_SUBJECT and \
                self.text[clause_begin:pos].strip():
            return None
        return self.clause_subject(clause_begin, verb_begin)

    @memoized  # asked several times per speech verb: found once
    def subject_left_of(self, offset: int, clause_begin: int) -> Subject | None:
        """The actor, pronoun or description right before ``offset`` (see module doc)."""
        pos = self._skip_left(offset, clause_begin)
        mention = self.actor_ending_at(pos)
        if mention is not None and mention.span.begin >= clause_begin:
            described = self.described_person(mention)
            if described is not None:
                return described
            if self.is_eligible_subject(mention) or self._after_like(mention) or \
                    (self.word_before(mention.span.begin) or "").lower() in CONJUNCTIONS:
                return Subject(mention.name, mention.span)
            return self._head_of_phrase(mention, clause_begin)
        word = self._word_ending_at(pos)
        if word is None:
            return None
        text, span = word
        lower = text.lower()
        body = self._body_of(pos, clause_begin)
        if body is not None:
            return body
        owner = OWNED.search(self.text, max(clause_begin, pos - 40), pos)
        if owner is not None:
            # "its leaders promised", "their government said": the body or state that is
            # the subject before, else the last one named.
            sentence = self.sentence_of(owner.start())
            first = self.clause_subject(sentence.begin, owner.start()) if sentence else None
            owned = (self.actor_ending_at(first.span.end) if first is not None
                     and self.type_of(first.name) is not ActorType.PERSON else None) \
                or self.last_body_before(owner.start())
            if owned is not None:
                return Subject(owned.name, Span.of(self.text, owner.start(), owner.end()))
        if lower in self.triggers.person_pronouns:
            named = self.person_named(text, span)
            if named is not None:
                return Subject(named.name, span)
            subject = self._previous_subject(span.begin)
            if subject is not None:
                return Subject(subject.name, span)
            person = self.last_person_before(span.begin)
            return Subject(person.name, span) if person else None
        surname = self.person_named(text, span)
        if surname is not None:
            return Subject(surname.name, span)
        return None

    def _previous_subject(self, pronoun: int) -> Subject | None:
        """"X asked whether A after Y's remarks. He said ...": a pronoun opening its sentence
        stands for the person who is the subject of the sentence before (a person named
        later in it, or in a possessive, is not its antecedent)."""
        i = bisect.bisect_right(self._sentence_begins, pronoun) - 1
        if i < 1 or self.text[self.sentences[i].begin:pronoun].strip():
            return None
        before = self.sentences[i - 1]
        subject = self.clause_subject(before.begin, before.end)
        if subject is None or self.type_of(subject.name) is not ActorType.PERSON or \
                self.text.startswith(("'s", "’s"), subject.span.end) or \
                subject.span.text.endswith(("'s", "’s")):
            return None
        return subject

    def _body_of(self, pos: int, clause_begin: int) -> Subject | None:
        """"China's customs authority said": a body the actor data does not know, named by
        a possessive actor and a body noun; the actor speaks (or acts) through it."""
        for owner in reversed(self.actors_in(max(clause_begin, pos - 60), pos)):
            gap = self.text[owner.span.end:pos]
            possessive = owner.span.text.endswith(("'s", "’s")) or gap.startswith(("'s", "’s"))
            names_body = owner.type in (ActorType.GOVERNMENT_BODY, ActorType.COMPANY,
                                        ActorType.ORGANIZATION)
            if not (possessive or names_body) or body_noun_regex().fullmatch(gap) is None:
                continue
            if owner.type is ActorType.PERSON or not self.is_eligible_subject_owner(owner):
                return None
            return Subject(owner.name, Span.of(self.text, owner.span.begin, pos))
        return None

    def is_eligible_subject_owner(self, mention: ActorMention) -> bool:
        """Whether a possessor can stand for the phrase it begins (not after a preposition)."""
        before = self.word_before(mention.span.begin)
        return before is None or before.lower() not in PREPOSITIONS

    def _head_of_phrase(self, mention: ActorMention, clause_begin: int) -> Subject | None:
        """"Analysts at Capital Metrics said": the actor the prepositional phrase follows."""
        m = re.search(r"\s+(?:at|of|from|with|in)\s+(?:the\s+)?$",
                      self.text[max(clause_begin, mention.span.begin - 12):mention.span.begin])
        if m is None:
            return None
        head = self.actor_ending_at(mention.span.begin - len(m.group()))
        if head is not None and head.span.begin >= clause_begin and self.is_eligible_subject(head):
            return Subject(head.name, head.span)
        return None

    def last_body_before(self, offset: int) -> ActorMention | None:
        """The last state, body, company or organisation mentioned before ``offset``."""
        i = bisect.bisect_left(self._begins, offset) - 1
        while i >= 0:
            mention = self.actors[i]
            if mention.type in (ActorType.STATE, ActorType.GOVERNMENT_BODY, ActorType.COMPANY,
                                ActorType.ORGANIZATION) and mention.span.end <= offset:
                return mention
            i -= 1
        return None

    def _after_like(self, mention: ActorMention) -> bool:
        before = self.text[max(0, mention.span.begin - 12):mention.span.begin].lower()
        return before.rstrip().endswith(("like", "such as", "including"))

    def occasion_ending_at(self, pos: int, clause_begin: int) -> int | None:
        """Where "at the regular press conference" begins when it ends at ``pos`` after
        an actor: where they spoke, between subject and verb ("Mao Ning at the regular
        press conference said", translated Chinese word order); else None."""
        while pos > clause_begin and self.text[pos - 1].isspace():
            pos -= 1
        occasion = occasion_regex().search(self.text, max(clause_begin, pos - 60), pos)
        if occasion is None or occasion.start() <= clause_begin or \
                self.actor_ending_at(occasion.start()) is None:
            return None
        return occasion.start()

    @memoized
    def _skip_left(self, offset: int, clause_begin: int) -> int:
        """Move left from ``offset`` over white space, adverbs, auxiliaries and one
        appositive (", a spokesperson for the ministry,")."""
        pos = offset
        for _ in range(8):
            while pos > clause_begin and self.text[pos - 1].isspace():
                pos -= 1
            later = later_left().search(self.text, max(clause_begin, pos - 30), pos) if \
                self.text.endswith(LATER_ENDS, 0, pos) else None
            if later is not None:
                # "China banned ... and a day later launched a probe": a time counted from
                # the clause before, between "and" and the verb.
                pos = later.start()
                continue
            word = self._word_ending_at(pos)
            if word is not None and (word[0].lower() in SKIPPABLE
                                     or (word[0].lower().endswith("ly") and len(word[0]) > 4)):
                if self.actor_ending_at(pos) is None:
                    pos = word[1].begin
                    continue
            dated = self._date_ending_at(pos)
            if dated is not None and dated > clause_begin:
                # "The Dutch government on Friday published ...": a time between subject
                # and verb.
                m = re.search(r"(?:\b(?:on|in|at|during|late|early|last|this)\s+)?$",
                              self.text[max(clause_begin, dated - 10):dated], re.IGNORECASE)
                pos = dated - (len(m.group()) if m else 0)
                continue
            occasion = self.occasion_ending_at(pos, clause_begin)
            if occasion is not None:
                pos = occasion
                continue
            if pos > clause_begin and self.text[pos - 1] == ")":
                # "a spokesperson for the Ministry of Commerce (MOFCOM) said": a short name
                # in parentheses after an actor's name is part of that name.
                opening = self.text.rfind("(", max(clause_begin, pos - 30), pos - 1)
                before = opening
                while before > clause_begin and self.text[before - 1] == " ":
                    before -= 1
                if opening > clause_begin and self.actor_ending_at(before) is not None:
                    pos = before
                    continue
            if pos > clause_begin and self.text[pos - 1] == ",":
                named = self.actor_ending_at(pos - 1)
                lead = self.text[max(0, named.span.begin - 12):named.span.begin] if named else ""
                if named is not None and re.search(r",\s*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$",
                                                   lead):
                    # "Freedonia's trade minister, Ana Petrova, says": the name in apposition.
                    return named.span.end
                opening = self.text.rfind(",", max(clause_begin, pos - _APPOSITIVE_MAX), pos - 1)
                if opening > clause_begin and self.actor_ending_at(opening) is not None:
                    pos = opening
                    continue
            break
        return pos

    def _date_ending_at(self, pos: int) -> int | None:
        """Where the date expression (of at most 40 characters) ending at ``pos`` begins,
        if one does."""
        return self._date_ends.get(pos)

    @memoized
    def _word_ending_at(self, pos: int) -> tuple[str, Span] | None:
        # What ``re.search(r"[\w’'-]+$", window)`` finds in the 40 characters before
        # ``pos``, matched on the reversed window (see :meth:`word_before`); ``$`` also
        # matches before a final line break, so the word then ends before it.
        lo = max(0, pos - 40)
        end = pos - 1 if pos > lo and self.text[pos - 1] == "\n" else pos
        m = WORD_END_REVERSED.match(self.text[lo:end][::-1])
        if m is None:
            return None
        word = m.group()[::-1]
        return word, Span.of(self.text, pos - len(word), pos)

    def clause_subject(self, clause_begin: int, verb_begin: int) -> Subject | None:
        """The first eligible actor between ``clause_begin`` and ``verb_begin``."""
        begin = self._skip_attribution(clause_begin, verb_begin)
        for mention in self.actors_in(begin, verb_begin):
            described = self.described_person(mention)
            if described is not None:
                return described
            if self.is_eligible_subject(mention):
                return Subject(mention.name, mention.span)
        return None

    def _skip_attribution(self, begin: int, end: int) -> int:
        """Skip a leading "According to X," in ``[begin, end)``."""
        m = self.triggers.according_regex.match(self.text, begin, end)
        if m is not None:
            comma = self.text.find(",", m.end(), end)
            if comma != -1:
                return comma + 1
        return begin

    def persons_described(self, noun: str) -> list[str]:
        """The persons the article describes with ``noun`` ("spokesperson", "minister"):
        in apposition, as a title before the name, or by their role."""
        return self._descriptions.get(noun.lower(), [])

    def described_person(self, mention: ActorMention) -> Subject | None:
        """For "a spokesperson for <mention>", the person so described, else the body.

        Returns None when the mention is not the complement of such a description.
        """
        span = mention.span
        key = (span.begin, span.end, span.text, mention.name, mention.type)
        try:
            return self._described[key]
        except KeyError:
            found = self._described[key] = self._described_person(mention)
            return found

    def _described_person(self, mention: ActorMention) -> Subject | None:
        before = self.text[max(0, mention.span.begin - 60):mention.span.begin]
        m = description_before(before)
        if m is None:
            return None
        noun = m.group("noun").lower()
        begin = mention.span.begin - len(before) + m.start()
        span = Span.of(self.text, begin, mention.span.end)
        if mention.type is ActorType.STATE and before.rstrip().endswith(" in"):
            # "A Japanese Embassy official in Seoul said": "in" a state places a person
            # whose description names its own body; it does not make them speak for the
            # state ("Officials in Tokyo" still act for Japan).
            person = next((a for a in self.actors_in(begin, mention.span.begin)
                           if a.type is ActorType.PERSON), None)
            if person is not None and any(
                    w[:1].isupper() for w in person.span.text.split()[1:]):
                return Subject(person.name, person.span)
        candidates = self._descriptions.get(noun, [])
        named = [n for n in candidates if self.serves(n, mention.name)]
        if len(set(named)) == 1:
            return Subject(named[0], span, via_description=True)
        return Subject(mention.name, span, via_description=True)

    def serves(self, person: str, body: str) -> bool:
        """Whether ``person`` may be "a spokesperson for <body>": of no known body, of that
        body or one under it, or, for a state, of any of its bodies (not a spokesperson of
        the commerce ministry for "a spokesperson for the foreign ministry")."""
        affiliation = self.facts.get(person, ActorFacts(person, ActorType.PERSON)).affiliation
        if affiliation is None:
            return True
        if self.root(person) != self.root(body):
            return False
        if self.type_of(body) is ActorType.STATE:
            return True
        name: str | None = affiliation
        for _ in range(6):
            if name is None or name == body:
                return name == body
            facts = self.known(name)
            name = facts.part_of if facts is not None else None
        return False

    def person_named(self, word: str, span: Span) -> ActorMention | None:
        """A person of the article one of whose names is ``word`` (a surname such as "He"),
        when ``word`` is capitalised mid-sentence, so cannot be a pronoun."""
        if not word[:1].isupper():
            return None
        sentence = self.sentence_of(span.begin)
        if sentence is not None and sentence.begin == span.begin:
            return None
        return self._name_words.get(word)


def _reference_info(name: str) -> ActorInfo | None:
    """The reference data's facts about an actor no mention describes (its parent body),
    when :mod:`kg.extract.refdata` is there to ask."""
    try:
        from .refdata import actor_info
    except ImportError:  # pragma: no cover - the reference data module ships with kg
        return None
    return actor_info(name)


def build_context(article: Article, actors: list[ActorMention]) -> Context:
    """Prepare ``article`` for the extractors (see :class:`Context`).

    Dates resolve against :attr:`Article.anchor_date`; a corpus reference date gives only
    the year (see :func:`~kg.extract.dates.find_dates`).  An article with no date of its own
    is anchored on a dateline in its first sentences when there is one ("Seoul, Sept. 11,
    2019 - ...").
    """
    text = article.text
    paragraphs = split_paragraphs(text)
    # scanned once (over the words the shared token stream says may open a date), resolved
    # once or twice below
    expressions = date_expressions(text, stream=token_stream(text))
    ctx = Context(
        article=article,
        actors=_outermost(actors),
        paragraphs=paragraphs,
        sentences=split_sentences(text),  # the actor extractor's, when it split them
        quotes=find_quotes(text, paragraphs),
        dates=find_dates(text, article.anchor_date,
                         own_anchor=article.metadata.date is not None,
                         expressions=expressions),
    )
    ctx._sentence_begins = [s.begin for s in ctx.sentences]
    ctx.anchor = article.anchor_date
    if article.metadata.date is None:
        # No date of its own and none from the corpus: a dateline the reader did not
        # recognise ("Seoul, Sept. 11, 2019 - ...") still anchors the article's "on Monday";
        # so does a wire's yearless one whose year the corpus date settles ("TOKYO, Dec. 7
        # (Kyodo) --": the latest Dec. 7 not after it).
        line = next((d for d in ctx.dates if d.date.day is not None
                     and (not d.relative or article.reference_date is not None)
                     and ctx.is_dateline(d.span)), None)
        if line is not None:
            anchor = dt.date(line.date.year, line.date.month or 1, line.date.day or 1)
            ctx.dates = find_dates(text, anchor, expressions=expressions)
            ctx.anchor = anchor
    _index(ctx)
    for mention in actors:
        known = ctx.facts.get(mention.name)
        ctx.facts[mention.name] = ActorFacts(
            name=mention.name,
            type=known.type if known else mention.type,
            part_of=(known.part_of if known else None) or mention.part_of,
            affiliation=(known.affiliation if known else None) or mention.affiliation,
            role=(known.role if known else None) or mention.role,
        )
    ctx._descriptions = index_descriptions(
        text, ctx.actors, {name: f.role for name, f in ctx.facts.items()},
        ctx.triggers.raw["speech"]["subjects"]["descriptors"])
    return ctx


def _index(ctx: Context) -> None:
    """The sorted offsets the lookups bisect."""
    ctx._begins = [m.span.begin for m in ctx.actors]
    ctx._paragraph_begins = [p.begin for p in ctx.paragraphs]
    ctx._date_begins = [d.span.begin for d in ctx.dates]
    ctx._date_ends = {}
    for d in ctx.dates:  # in text order: the first date ending at an offset wins
        if d.span.end - d.span.begin <= 40:
            ctx._date_ends.setdefault(d.span.end, d.span.begin)
    ctx._quote_begins = [q.outer.begin for q in ctx.quotes]
    for double in (True, False):
        kind = sorted((q for q in ctx.quotes if q.double is double), key=lambda q: q.span.begin)
        ctx._quote_index.append((kind, [q.span.begin for q in kind]))
    for mention in ctx.actors:
        if mention.type is ActorType.PERSON:
            for word in mention.name.split():
                ctx._name_words.setdefault(word, mention)


def _outermost(actors: list[ActorMention]) -> list[ActorMention]:
    """Mentions sorted by position; one inside another is dropped (the longer one names),
    and so is one with an empty span (an author or publisher named only in the header)."""
    ordered = sorted((m for m in actors if m.span.end > m.span.begin),
                     key=lambda m: (m.span.begin, -m.span.end, m.name))
    kept: list[ActorMention] = []
    for mention in ordered:
        if kept and mention.span.begin < kept[-1].span.end:
            continue
        kept.append(mention)
    return kept

