"""Figures found but not claimed by the article, dropped after all the figures are found.

* :func:`without_asides`: an interviewer's question quotes figures (the answer states
  them, if it does: :mod:`kg.extract.question_turns`); "two government sources" counts
  whom a report cites, in passing (an ``unnamed`` person's mention); a list of links to
  other stories gives those stories' figures (:func:`kg.extract.furniture.link_list_spans`).
* :func:`without_front_repeats` (round 24): a headline, a standfirst, a "Key points" box or
  the bullets under a press release's title sum up the story with its figures ("Trump
  orders 25% tariffs on Canadian and Mexican imports"), and the body then states each
  where it tells the story ("The orders impose a 25% tariff on imports from Canada and
  Mexico").  The annotated sets list such a figure once, so a figure of the front matter
  whose value and unit a figure of the body repeats, with a word in common near both
  numbers ("tariffs", "Canadian" ~ "Canada": ``[figures.front_repeats]``), is the same claim
  told twice: the body's is kept.  A figure that only the front matter gives is kept, and
  so is one whose words differ ("Base case (60% probability)" in a client note's key
  points, "about 60% of it from China" in its body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import ActorMention, ActorType, FigureMention, is_unnamed
from .context import Context
from .furniture import in_spans, link_list_spans
from .question_turns import in_question, question_spans
from .text import BULLET
from .triggers import load_triggers

_BODY_LENGTH = 200
"""Characters of the first paragraph of running text: headlines, standfirsts, bylines and
datelines are shorter (the longest seen run to about 150)."""

_LIST_ITEM = re.compile(rf"\s*(?:{BULLET}|△|\d{{1,2}}[.)])\s")
"""A paragraph that is a list item (a summary's bullet), however long."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class _Repeats:
    window: int
    stem: int
    least: int
    common: frozenset[str]


@lru_cache(maxsize=1)
def _repeats() -> _Repeats:
    raw = load_triggers().raw["figures"].get("front_repeats", {})
    return _Repeats(int(raw.get("window", 6)), int(raw.get("stem", 5)),
                    int(raw.get("least", 4)),
                    frozenset(w.lower() for w in raw.get("common_words", [])))


def without_asides(ctx: Context, actors: list[ActorMention],
                   found: list[FigureMention]) -> list[FigureMention]:
    """``found`` without the figures of questions, of cited sources and of link lists."""
    questions = question_spans(ctx.text)
    if questions:
        # An interviewer's question quotes figures; the answer states them (if it does).
        found = [f for f in found if not in_question(questions, f.span.begin)]
    sources = [a.span for a in actors if a.type is ActorType.PERSON
               and is_unnamed(a.name)]
    if sources:
        # "two government sources", "three officials at trading houses": who the report
        # cites, counted in passing, not a quantity of the story
        found = [f for f in found if not any(s.begin <= f.span.begin < s.end
                                             for s in sources)]
    links = link_list_spans(ctx.text)
    if links:
        # "Related stories: - Japan approves record 9 trillion yen budget": another story's
        found = [f for f in found if not in_spans(links, f.span.begin)]
    return found


def front_end(ctx: Context) -> int:
    """Offset where the body starts: the first paragraph of running text (0 if none)."""
    for paragraph in ctx.paragraphs:
        if len(paragraph.text) >= _BODY_LENGTH and not _LIST_ITEM.match(paragraph.text):
            return paragraph.begin
    return 0


def without_front_repeats(ctx: Context, found: list[FigureMention]) -> list[FigureMention]:
    """``found`` without the front matter's figures whose value and unit the body gives."""
    end = front_end(ctx)
    if end == 0:
        return found
    body: set[tuple[Decimal | None, Decimal | None, str]] = {
        (f.value, f.value_max, f.unit) for f in found
        if f.span.begin >= end and f.value is not None}
    if not body:
        return found
    told = {key: [_near(ctx, f) for f in found
                  if f.span.begin >= end and (f.value, f.value_max, f.unit) == key]
            for key in body}
    return [f for f in found
            if f.span.begin >= end or (f.value, f.value_max, f.unit) not in body
            or not any(_near(ctx, f) & words for words in told[(f.value, f.value_max,
                                                                   f.unit)])]


def _near(ctx: Context, figure: FigureMention) -> set[str]:
    """Stems of the content words within the window before and after ``figure`` (in its
    paragraph, the figure's own words left out)."""
    r = _repeats()
    paragraph = ctx.paragraph_of(figure.span.begin)
    begin, end = (paragraph.begin, paragraph.end) if paragraph else (0, len(ctx.text))
    before = _WORD.findall(ctx.text, begin, figure.span.begin)[-r.window:]
    after = _WORD.findall(ctx.text, figure.span.end, end)[:r.window]
    return {w.lower()[:r.stem] for w in before + after
            if len(w) >= r.least and w.lower() not in r.common}


def prepare() -> None:
    """Read the front-matter word table now (cached once per process; see
    :func:`kg.extract.prepare`)."""
    _repeats()
