"""The days a news report's form gives words that carry no date of their own (rules 2c and
6 of :mod:`kg.extract.statement_dates`, told in full there): the day its lead gives the
speaker's side and an issuer's own release.

* The lead's day (6): a person's words right after a sentence holding a dated statement of
  the person's state or body, and an official's undated words in the simple past after a
  lead placing the official's own body on a day, take that day; so do a body's words after
  a sentence in which its side acted on a day ("On Friday, <body> added ...").
* An issuer's own release (2c): in a dated document a company or a government body
  publishes (a press release, a minister's statement), the undated words of the publisher
  and its people take the document's date.
"""

from __future__ import annotations

import re
from typing import cast

from ..model import ActorType, PartialDate, Span
from .context import Context, Subject
from .statement_voice import publisher_of

EARLIER = re.compile(r"\b(?:earlier|previously|once|before|already)\s+(?:\w+ly\s+)?$",
                      re.IGNORECASE)
"""Words before a speech verb placing the words at an earlier time ("earlier said")."""
LEAD_LENGTH = 160
"""Characters a paragraph needs to be the lead, not a headline, byline or dateline."""
_POSSESSIVE = re.compile(r"['’]s?\s")


NEW_CLAUSE = re.compile(r",\s+(?:(?P<co>and|but|while|whereas)|which|whom)(?P<c>)\s+"
                         r"(?:(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2})?(?P<s>[\w’'-]+)")
"""A clause with a subject of its own: coordinated ("..., while Tokyo said", "..., while the
state-run Global Times said") or relative ("..., which Beijing cites as ...")."""
_SUBJECT_TIME = re.compile(r"\s(?:(?:late|early)\s+)?(?:on|in|at)\s*$")
_DATELINE = re.compile(r"[A-Z][A-Z/,.'’ -]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
                       r"(?:\([^()]{1,30}\)\s*)?(?:--|[-–—])\s+")
"""A wire dateline opening the lead ("BEIJING/WASHINGTON - ", "SEOUL, Jan. 8 (Yonhap) --")."""
_FRONTED_TIME = re.compile(r"(?:(?:late|early)\s+)?(?:on|in)\s+", re.IGNORECASE)
_COMMA_AFTER = re.compile(r",\s+")
_PAST_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
"""A fronted time adverbial, the comma after it and a past verb after the subject."""
LEAD_SENTENCES = 2
"""Sentences of the lead paragraph that tell the day's news."""
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|this|that|these|those)|['’]s)"
                                r"\s+$", re.IGNORECASE)


_NOUN_OF = re.compile(r"\b(?!(?:end|start|beginning|middle|half|part|course|spring|summer|"
                      r"autumn|fall|winter|quarter|rest|close|turn)\b)[a-z]{3,}\s+of\s+$")
"""A noun and "of" before a year ("its first announcement of 2026"), but not a part of a
period ("at the end of 2025")."""


def year_of_noun(text: str, span: Span) -> bool:
    """"its first announcement of 2026": a year naming which thing, not when."""
    return span.text.isdigit() and \
        _NOUN_OF.search(text, max(0, span.begin - 20), span.begin) is not None


def attributive(text: str, span: Span) -> bool:
    """A date modifying a noun ("called the October rules ...", "Beijing's Nov. 14
    advisory", "its first announcement of 2026"): it names the thing, not the time of
    speaking."""
    if year_of_noun(text, span):
        return True
    return _DETERMINER_BEFORE.search(text, max(0, span.begin - 12), span.begin) is not None \
        and re.match(r"\s+[a-z]", text[span.end:span.end + 3]) is not None


class NewsDayRules:
    """Rules 2c and 6, mixed into :class:`~kg.extract.statement_dates.StatementDater`,
    which gives the context and the dates of a sentence outside the reported words."""

    ctx: Context
    dated_statements: dict[int, list[tuple[str, PartialDate]]]
    _story: dict[str, tuple[int, PartialDate]] | None
    _publisher: str | None | bool

    def _in_reported(self, span: Span) -> bool:
        raise NotImplementedError

    def _announces(self, offset: int) -> bool:
        raise NotImplementedError

    def _lead_date(self, sentence: Span, speaker: str | None) -> PartialDate | None:
        """Rule 6 of the module doc: the date of the sentence right before, when its
        subject is the speaker's own side."""
        ctx = self.ctx
        if not speaker:
            return None
        before = ctx.sentences_in(max(0, sentence.begin - 2000), sentence.begin)
        if not before:
            return None
        own = set(bodies_of(ctx, speaker)) - {ctx.root(speaker), ctx.state_of(speaker)}
        side = cast("set[str]", {ctx.root(speaker), ctx.state_of(speaker), *own} - {None})
        if ctx.type_of(speaker) is not ActorType.PERSON:
            # "China on Tuesday barred exports ...¶China's commerce ministry said in a
            # statement that ...": the body speaks for the act its side just did.
            return self._acted_on(before[-1], side | {speaker})
        for other, date in self.dated_statements.get(before[-1].begin, []):
            if other in side and ctx.type_of(other) is not ActorType.PERSON and (
                    other not in own or not self._announces(before[-1].begin)):
                return date
        return None

    def _story_day(self, sentence: Span, verb: Span, speaker: str) -> PartialDate | None:
        """Rule 6 of the module doc, for the lead: an official's undated words in the simple
        past take the day the article's lead paragraph gives the official's own body or
        state for its act ("China on Wednesday defended the ban, while Japan demanded it be
        scrapped. ... In Tokyo, Chief Cabinet Secretary X called the ban ..."): a report's
        reactions are the day's news its lead tells."""
        bodies = bodies_of(self.ctx, speaker)
        if not bodies or EARLIER.search(self.ctx.text, max(sentence.begin, verb.begin - 24),
                                         verb.begin):
            return None  # "the minister earlier stated that ...": another time
        if self._story is None:
            self._story = self._lead_days()
        # Only the official's own body: a ministry's spokesperson speaks for the ministry,
        # not for every act of the state ("China on Tuesday banned ... Foreign ministry
        # spokesperson X said ..." may be the next day's briefing).
        found = self._story.get(bodies[0])
        if found is None or found[0] >= sentence.begin or self._announces(found[0]):
            return None  # issuing a measure is not the briefing the official speaks at
        return found[1]

    def _lead_days(self) -> dict[str, tuple[int, PartialDate]]:
        """The actors the lead (the first sentences of the first paragraph of more than a
        line's length) places on a day as the subject of a clause, with the sentence's
        start and the day; a coordinated clause with a subject of its own and no date
        shares the first's."""
        ctx = self.ctx
        lead = next((p for p in ctx.paragraphs if p.end - p.begin > LEAD_LENGTH), None)
        if lead is None:
            return {}
        days: dict[str, tuple[int, PartialDate]] = {}
        for sentence in ctx.sentences_in(lead.begin, lead.end)[:LEAD_SENTENCES]:
            dated = [d for d in ctx.dates_in(sentence.begin, sentence.end)
                     if d.date.day is not None and not self._in_reported(d.span)
                     and not ctx.in_quote(d.span.begin, d.span.end)
                     and not ctx.is_dateline(d.span) and not attributive(ctx.text, d.span)]
            if not dated:
                continue
            day = dated[0].date
            ends = [m for m in NEW_CLAUSE.finditer(ctx.text, sentence.begin, sentence.end)
                    if m.group("co") and ctx.in_quote(m.start()) is None]
            first_end = ends[0].start() if ends else sentence.end
            if not any(d.span.begin < first_end for d in dated):
                continue
            dateline = _DATELINE.match(ctx.text, sentence.begin, first_end)
            subject = ctx.clause_subject(dateline.end() if dateline else sentence.begin,
                                         first_end)
            if subject is not None and _POSSESSIVE.match(ctx.text, subject.span.end):
                # "China's Ministry of Commerce said on Friday": the ministry acted
                head = ctx.actors_in(subject.span.end, first_end)
                subject = Subject(head[0].name, head[0].span) if head else None
            if subject is not None:
                days.setdefault(subject.name, (sentence.begin, day))
            for m in ends:
                other = ctx.actor_at(m.start("s"))
                if other is not None:
                    days.setdefault(other.name, (sentence.begin, day))
        return days

    def _acted_on(self, sentence: Span, side: set[str]) -> PartialDate | None:
        """The date of "<actor> on <date> <verb>" in ``sentence`` when the actor is of
        ``side``."""
        ctx = self.ctx
        for mention in ctx.dates_in(sentence.begin, sentence.end):
            if ctx.in_quote(mention.span.begin) or self._in_reported(mention.span):
                continue
            lead = _SUBJECT_TIME.search(ctx.text, max(sentence.begin, mention.span.begin - 12),
                                        mention.span.begin)
            actor = ctx.actor_ending_at(lead.start() if lead else mention.span.begin)
            if actor is not None and actor.name in side and \
                    re.match(r",?\s+[a-z]+ed\b", ctx.text[mention.span.end:mention.span.end + 20]):
                return mention.date
            if _FRONTED_TIME.fullmatch(ctx.text, sentence.begin, mention.span.begin):
                # "On Friday, China's Ministry of Commerce added ...": a fronted adverbial
                comma = _COMMA_AFTER.match(ctx.text, mention.span.end)
                actor = ctx.actor_after(comma.end()) if comma else None
                if actor is not None and actor.name in side and \
                        _PAST_AFTER.match(ctx.text, actor.span.end):
                    return mention.date
        return None

    def _own_release(self, speaker: str) -> bool:
        """Whether the article is a dated document a company or a government body
        publishes (a press release, a minister's statement) and ``speaker`` is that
        publisher, one of its people, or a person it quotes who belongs to no other body
        or state."""
        if self._publisher is False:
            found = publisher_of(self.ctx) if self.ctx.article.metadata.date else None
            self._publisher = found.name if found is not None else None
        publisher = self._publisher
        if not isinstance(publisher, str):
            return False
        if speaker == publisher or publisher in bodies_of(self.ctx, speaker):
            return True
        # A department publishing for its ministry (the "Department of Trade Remedy" releasing
        # a ministry spokesperson's answers): the ministry's people speak in it too.
        parent = bodies_of(self.ctx, publisher)[:1]
        if parent and self.ctx.type_of(parent[0]) is not ActorType.STATE and (
                speaker == parent[0] or parent[0] in bodies_of(self.ctx, speaker)):
            return True
        # A person the release quotes who belongs to no other body or state ('"...," said
        # High Representative X' in the Council's press release; "said U.S. Secretary of
        # Commerce X" in the department's fact sheet): words supplied for it.
        ctx = self.ctx
        home = ctx.state_of(publisher)
        return ctx.type_of(speaker) is ActorType.PERSON and \
            set(bodies_of(ctx, speaker)) <= {home} and ctx.state_of(speaker) in (None, home)


def bodies_of(ctx: Context, name: str) -> list[str]:
    """The bodies ``name`` belongs to, nearest first (a spokesman's ministry, then its
    government): a person's own body speaks for them as much as the state does."""
    found: list[str] = []
    facts = ctx.known(name)
    while facts is not None:
        parent = facts.part_of or facts.affiliation
        if not parent or parent in found or parent == name:
            break
        found.append(parent)
        facts = ctx.known(parent)
    return found
