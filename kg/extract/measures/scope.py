"""What a measure covers, and the mention an article's account is written from."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ...model import MaterialMention, MeasureMention, Span
from ..context import Context
from ..refdata import material_info
from ..text import LIST_ITEM, LIST_MARKER
from ..triggers import load_triggers
from .candidate import TRADE, Candidate

_COVERS_BEFORE = 60
_BULLET = LIST_ITEM
_LABEL = re.compile(r"\s*(?:" + LIST_MARKER + r"\s+)?(?P<label>[^:.;?!\n]{1,60}?):\s")
"""A list item's label, up to its colon ("* Gallium and germanium: ...")."""
_LISTING = re.compile(r"\b(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["objects"]["example_words"])) + r")\b")
"""Words after which goods past a comma are still covered (``[measures.objects] example_words``)."""
_COORDINATION = re.compile(r"[\s,]*(?:(?:and|or)\s+)?")
_BREAK_BEFORE = re.compile(r"[;:]|\s[—–]\s|,\s+(?:as|while|but|and|which)\b")


def to_mention(ctx: Context, c: Candidate) -> MeasureMention:
    """The :class:`MeasureMention` of a finished candidate; its span runs from its issuer
    to its target when they are close."""
    begin, end = c.extent.begin, c.extent.end
    if c.issuer_span is not None and c.issuer_span.begin < begin and \
            c.issuer_span.begin >= c.sentence.begin and begin - c.issuer_span.begin < 120:
        begin = c.issuer_span.begin
    if c.target_span is not None and c.target_span.end > end and c.target_span.end - end < 80:
        end = c.target_span.end
    span = Span.of(ctx.text, begin, end)
    return MeasureMention(type=c.type, span=span, issuer=c.issuer, target=c.target, date=c.date,
                          status=c.status, covers=list(c.covers), via=c.via,
                          model_score=c.model_score)


def goods_related(a: list[str], b: list[str]) -> bool:
    """Whether two lists of goods share one, or one lies under (``broader``) the other."""
    return any(x in _chain(y) or y in _chain(x) for x in a for y in b)


@lru_cache(maxsize=4096)
def _chain(name: str) -> frozenset[str]:
    """A good and every good above it in the reference taxonomy."""
    seen: list[str] = []
    current: str | None = name
    while current and current not in seen:
        seen.append(current)
        info = material_info(current)
        current = info.broader if info else None
    return frozenset(seen)


def covered(ctx: Context, c: Candidate, materials: list[MaterialMention],
            others: list[Candidate]) -> list[str]:
    """Materials named in the mention's clause (its list entry's, for an entry), not past
    another measure of the sentence nor after a comma that starts another list item;
    protests, advisories, budgets and drills cover no materials."""
    if c.type not in TRADE:
        return []
    end = _clause_end(ctx, c)
    floor = max(c.sentence.begin, c.extent.begin - _COVERS_BEFORE)
    if c.entry is not None and c.entry.body.begin <= c.head.begin:
        floor = max(c.sentence.begin, c.entry.body.begin)
    else:
        for m in _BREAK_BEFORE.finditer(ctx.text, floor, c.extent.begin):
            floor = m.end()
    for o in others:
        if o.extent.end <= c.extent.begin:
            floor = max(floor, o.extent.end)
        elif o.head.begin >= c.extent.end:
            end = min(end, o.extent.begin)
    covers = list(c.objects)
    i = bisect.bisect_left(materials, floor, key=lambda m: m.span.begin)
    previous = c.extent.end
    while i < len(materials) and materials[i].span.begin < end:
        material = materials[i]
        i += 1
        if material.span.end > end:
            continue
        if material.span.begin > c.extent.end:
            between = ctx.text[previous:material.span.begin]
            if "," in between and not _LISTING.search(ctx.text[c.extent.end:material.span.begin]) \
                    and not (previous > c.extent.end and _COORDINATION.fullmatch(between)):
                continue  # after a comma, another item of a list, not what the measure covers
            previous = material.span.end
        if material.name not in covers:
            covers.append(material.name)
    if not any(o.head.begin >= c.extent.end for o in others):
        for name in _bulleted_goods(ctx, c, materials):
            if name not in covers:
                covers.append(name)
    for name in _labelled_goods(ctx, c, materials):
        if name not in covers:
            covers.append(name)
    return covers


def _labelled_goods(ctx: Context, c: Candidate, materials: list[MaterialMention]) -> list[str]:
    """"* Gallium and germanium: announced on 3 July, licences required from 1 August": the
    goods a list item's label names before its colon are what the item's measures cover."""
    paragraph = ctx.paragraph_of(c.head.begin)
    if paragraph is None:
        return []
    m = _LABEL.match(ctx.text, paragraph.begin, c.extent.begin)
    if m is None:
        return []
    i = bisect.bisect_left(materials, m.start("label"), key=lambda g: g.span.begin)
    found: list[str] = []
    while i < len(materials) and materials[i].span.end <= m.end("label"):
        found.append(materials[i].name)
        i += 1
    return found


def _bulleted_goods(ctx: Context, c: Candidate, materials: list[MaterialMention]) -> list[str]:
    """"... announced new export controls covering:" and a bulleted list: the goods of the
    list's items (items that open with a date are measures of their own, not goods)."""
    if not c.sentence.text.rstrip().endswith(":") or c.entry is not None:
        return []
    found: list[str] = []
    index = bisect.bisect_right(ctx.paragraphs, c.sentence.end, key=lambda p: p.begin)
    while index < len(ctx.paragraphs):
        item = ctx.paragraphs[index]
        if not _BULLET.match(item.text) or ctx.dates_in(item.begin, min(item.end, item.begin + 30)):
            break
        i = bisect.bisect_left(materials, item.begin, key=lambda m: m.span.begin)
        while i < len(materials) and materials[i].span.end <= item.end:
            found.append(materials[i].name)
            i += 1
        index += 1
    return found


def _clause_end(ctx: Context, c: Candidate) -> int:
    rest = ctx.text[c.extent.end:c.sentence.end]
    m = _CLAUSE_BREAK.search(rest)
    if m is not None and m.group() == ":" and _COUNTED.search(rest, 0, m.start()):
        # "controls on three chemicals vital to chipmakers: fluorinated polyimide, ...": the
        # colon opens the list of what was counted, still the measure's clause
        m = _CLAUSE_BREAK.search(rest, m.end())
        if m is not None and m.group() == ":":
            m = None
    return c.extent.end + m.start() if m else c.sentence.end


_CLAUSE_BREAK = re.compile(r"[;:?]|\s[—–]\s|,\s+(?:while|but|and|which|as|although|though|"
                           r"suggesting|prompting|potentially|a day|days|after|only)\b")
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"several|these|the following)\s+(?:[\w-]+\s+){0,2}?[\w-]+s\b",
                      re.IGNORECASE)
"""A counted plural ("three chemicals", "23 types of equipment") that a list after a colon
spells out."""
