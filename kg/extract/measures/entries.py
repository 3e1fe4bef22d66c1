"""Entries of timelines and dated lists, and the lead-in that introduces them.

A paragraph that opens with a date and a dash or colon ("Jan. 7 – ...", "- July 3, 2023:
...") is an entry (:class:`.candidate.Entry`); the paragraph before a run of entries may
name their issuer and kind ("controls Beijing has layered on since 2023:") or, as a short
label ("The main steps:"), only the state it is about.  See :mod:`kg.extract.measures`.
"""

from __future__ import annotations

import re

from ...model import MeasureType, Span
from ..context import Context
from ..text import BULLET
from .agents import current_state
from .candidate import Entry
from .rules import measure_rules

__all__ = ["entry_of", "find_entries"]

_ENTRY_HEAD = re.compile(r"\s*(?:[-–]\d{1,2})?\s*(?:[:–—]|-(?=\s))\s*")
_BULLET = re.compile(r"(?:" + BULLET + r"\s+)?")


def find_entries(ctx: Context) -> list[Entry]:
    """The paragraphs that open with a date and a dash or colon ("Jan. 7 – Beijing ...",
    "- July 3, 2023: gallium ..."), each with its lead-in's issuer and type when the
    paragraph before the run of entries ends in a colon naming measures."""
    entries: list[Entry] = []
    previous: int | None = None
    lead: tuple[str | None, MeasureType | None] = (None, None)
    for index, paragraph in enumerate(ctx.paragraphs):
        entry = _entry(ctx, paragraph)
        if entry is None:
            continue
        if previous != index - 1:
            lead = _lead_in(ctx, ctx.paragraphs[index - 1]) if index else (None, None)
        entry.issuer, entry.kind = lead
        entries.append(entry)
        previous = index
    return entries


def _entry(ctx: Context, paragraph: Span) -> Entry | None:
    bullet = _BULLET.match(ctx.text, paragraph.begin, paragraph.end)
    start = bullet.end() if bullet else paragraph.begin
    dates = ctx.dates_in(start, min(paragraph.end, start + 40))
    if not dates or dates[0].span.begin != start:
        return None
    head = dates[0]
    sep = _ENTRY_HEAD.match(ctx.text, head.span.end, paragraph.end)
    if sep is None or sep.end() >= paragraph.end:
        return None
    body = Span.of(ctx.text, sep.end(), paragraph.end)
    return Entry(paragraph, head.date, head.span, body)


def _lead_in(ctx: Context, paragraph: Span) -> tuple[str | None, MeasureType | None]:
    """"... controls Beijing has layered on since 2023:": the issuer and type of the
    measures a list introduces."""
    text = ctx.text[paragraph.begin:paragraph.end].rstrip()
    if not text.endswith(":"):
        return None, None
    sentence = ctx.sentence_of(paragraph.begin + len(text) - 1) or paragraph
    rules = measure_rules()
    for m in rules.lead_regex.finditer(ctx.text, sentence.begin, sentence.end):
        kind = rules.lead_heads[" ".join(m.group().lower().split())]
        issuer = _lead_issuer(ctx, Span(m.start(), m.end(), m.group()), sentence)
        if issuer is not None:
            return issuer, kind
    label = ctx.text[sentence.begin:paragraph.begin + len(text) - 1].split()
    if sentence.begin > paragraph.begin and len(label) <= rules.lead_label_words and \
            any(w.lower().strip(".,") in rules.lead_labels for w in label):
        # "... that Beijing has assembled over six years. The main steps:": the state the
        # paragraph is about, no kind
        return current_state(ctx, sentence.begin), None
    return None, None


def _lead_issuer(ctx: Context, head: Span, sentence: Span) -> str | None:
    for mention in reversed(ctx.actors_in(max(sentence.begin, head.begin - 40), head.begin)):
        gap = ctx.text[mention.span.end:head.begin]
        if mention.span.text.endswith(("'s", "’s")) or re.fullmatch(r"['’]s\s+(?:\w+\s+)?", gap):
            return mention.name  # "Beijing's controls"
    after = ctx.text[head.end:sentence.end]
    m = re.match(r"\s+(?:that\s+|which\s+)?(?:(?:imposed|introduced|issued)\s+)?(?:by\s+)?",
                 after)
    actor = ctx.actor_at(head.end + (m.end() if m else 0))
    if actor is not None and re.match(r"\s+(?:has|have|had|imposed|introduced|put|rolled|"
                                      r"layered|added|built)\b",
                                      ctx.text[actor.span.end:actor.span.end + 20]) \
            or (actor is not None and m is not None and "by" in m.group()):
        return actor.name  # "controls Beijing has layered on", "controls imposed by X"
    return None


def entry_of(entries: list[Entry], offset: int) -> Entry | None:
    """The entry whose body holds ``offset``."""
    for entry in entries:
        if entry.body.begin <= offset < entry.body.end:
            return entry
    return None
