"""Labels: items of digests, threads and briefs led by a label naming their subject, and
section headings and names that hold a measure word without reporting a measure.

Round-ups list one story per paragraph and open each with a label: "2/8 Peru: ...",
"- Chile: ...", "• Malaysia: ...", "3) Ghana: ...", "**Kenya:** ...".  The label names the
state (or the government body) the item is about, so it issues the item's measures that
name no issuer of their own, and never lends them one from another item: a numbered thread
post or a label-led item is a story of its own.  The label is a heading, not a party of
the item's clauses, so it is never a measure's target either.
"""

from __future__ import annotations

import re

from ...model import ActorMention, ActorType, Span
from ..context import Context

__all__ = ["in_label", "in_name", "is_item", "item_label", "section_label"]

# Left in code: the punctuation of list and thread markers, grammar rather than words
_MARKER = re.compile(r"[ \t]*(?:\d{1,2}\s*/\s*\d{1,2}\s+|[-•*–·▪]\s+|\d{1,2}[.)]\s+)?"
                     r"(?:\*\*|__)?")
"""An item's marker ("2/8 ", "- ", "3) ") and a bold opening before its label."""
_THREAD_NUMBER = re.compile(r"[ \t]*(\d{1,2})\s*/\s*(\d{1,2})\s")
"""A thread post's number ("4/8 ")."""
_LABEL_END = re.compile(r"(?:\*\*|__)?\s*:(?:\*\*|__)?\s")
"""The colon closing a label ("Peru: ", "**Kenya:** ", "**Kenya**: ")."""
_ISSUING = (ActorType.STATE, ActorType.GOVERNMENT_BODY)


def item_label(ctx: Context, offset: int) -> ActorMention | None:
    """The state or government body labelling the item (paragraph) holding ``offset``:
    the actor filling the whole label before the colon that opens the paragraph."""
    paragraph = ctx.paragraph_of(offset)
    if paragraph is None:
        return None
    marker = _MARKER.match(ctx.text, paragraph.begin, paragraph.end)
    mention = ctx.actor_at(marker.end()) if marker is not None else None
    if mention is None or not _LABEL_END.match(ctx.text, mention.span.end, paragraph.end):
        return None
    if mention.type not in _ISSUING and ctx.type_of(mention.name) not in _ISSUING:
        return None
    return mention


def is_item(ctx: Context, offset: int) -> bool:
    """Whether the paragraph holding ``offset`` is an item of its own: a numbered thread
    post ("5/8 ...") or an item whose label is a state or body."""
    paragraph = ctx.paragraph_of(offset)
    if paragraph is None:
        return False
    number = _THREAD_NUMBER.match(ctx.text, paragraph.begin, paragraph.end)
    return (number is not None and int(number.group(2)) in _thread_totals(ctx)) or \
        item_label(ctx, offset) is not None


def _thread_totals(ctx: Context) -> frozenset[int]:
    """The totals of the numbered posts of the article's thread ("2/8", "3/8": 8), when at
    least two paragraphs open with a number of the same total (not a lone "9/11 changed
    ..." or a date); computed once per article."""
    cache = ctx.__dict__.setdefault("_thread_totals", {})
    if "totals" not in cache:
        seen: dict[int, int] = {}
        for paragraph in ctx.paragraphs:
            m = _THREAD_NUMBER.match(ctx.text, paragraph.begin, paragraph.end)
            if m is not None and 0 < int(m.group(1)) <= int(m.group(2)):
                seen[int(m.group(2))] = seen.get(int(m.group(2)), 0) + 1
        cache["totals"] = frozenset(total for total, n in seen.items() if n >= 2)
    return cache["totals"]


def in_label(ctx: Context, span: Span) -> bool:
    """Whether ``span`` is (inside) the label of its item."""
    label = item_label(ctx, span.begin)
    return label is not None and label.span.begin <= span.begin < label.span.end


# Left in code: a line's shape (a colon and a short rest), layout rather than words
_LABEL_REST = re.compile(r"[ \t]*(?::[^\n.!?]{0,60})?[ \t]*(?:\n|$)")


def section_label(ctx: Context, extent: Span) -> bool:
    """Whether a measure noun at ``extent`` is a section heading: a line holding only it, or
    it and a colon before a short topic ("Export Controls: China", "Export restrictions"),
    or a glossary's gloss after a term and a dash, naming the subject of what follows
    rather than reporting one measure."""
    start = ctx.text.rfind("\n", 0, extent.begin) + 1
    lead = ctx.text[start:extent.begin]
    return (lead.strip() == "" or _GLOSSED_TERM.fullmatch(lead) is not None) and \
        _LABEL_REST.match(ctx.text, extent.end) is not None


_GLOSSED_TERM = re.compile(r"[ \t]*(?:\d{1,2}[.)][ \t]+[^\n!?]{1,60}?"
                           r"|[^\n.!?]{1,40}?\([^\n()]{1,40}\))[ \t]+[—–][ \t]*")
"""A glossary's numbered or transcribed term and a dash before its gloss ("3. 许可 (xǔkě) —
licence requirement", "禁运 (jìnyùn) — embargo"): the gloss ending the line translates a
word, it reports no act."""


def in_name(ctx: Context, extent: Span) -> bool:
    """Whether ``extent`` lies inside an actor's name ("the Export Control Joint Unit")."""
    return any(a.span.begin <= extent.begin and extent.end <= a.span.end
               for a in ctx.actors_in(max(0, extent.begin - 80), extent.end + 80))

