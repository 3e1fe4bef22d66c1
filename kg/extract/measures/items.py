"""Controls told as the items of a bulleted list of goods, each dated by its own item.

Explainers list the controls already in place one good per bullet, the date at the end:

    China's control list has grown:
    - graphite for battery anodes, controlled from December 1, 2023;
    - antimony and superhard materials, added in September 2024;

An item that opens with controlled goods and, after a comma, says since when they are
controlled (``[measures.lists].item_phrases`` before one of ``item_times`` and a date) is
one export control of those goods.  The lead-in or the text around gives the issuer (as
for any mention without one); the item presents the control as in place, so it lasts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ...model import MaterialMention, MeasureType, PartialDate, Span
from ..context import Context
from ..text import LIST_MARKER
from ..triggers import load_triggers, phrase_alternation
from .candidate import Candidate, Entry

_BULLET = re.compile(r"[ \t]*" + LIST_MARKER + r"[ \t]+")
"""A list item's marker, on its own line's blanks only."""
_OPENING = re.compile(r"(?:(?:the|some|all|several|certain|most|[\w-]+(?:ly)?|\d+)\s+){0,4}$",
                      re.IGNORECASE)
"""What may stand before the first good of an item: a few modifiers ("seven medium and
heavy"), no clause."""
_GOOD_GAP = re.compile(r"(?:\s*\([^()]{0,160}\))?(?:\s+(?:used|for|in|of|and|or|as|such|"
                       r"[\w-]+)){0,6}?\s*,\s+", re.IGNORECASE)
"""Between the goods and the comma before the item's phrase: a bracketed list of members,
a short modifier ("used in battery anodes")."""


@lru_cache(maxsize=1)
def _item_regex() -> re.Pattern[str]:
    lists = load_triggers().raw["measures"]["lists"]
    # the phrases are regular expressions (as each type's ``phrases``), the times words
    phrases = "|".join(sorted(lists["item_phrases"], key=len, reverse=True))
    return re.compile(r"(?P<head>" + phrases + r")\s+(?:"
                      + phrase_alternation(lists["item_times"]) + r")\s+",
                      re.IGNORECASE)


def item_controls(ctx: Context, goods: list[MaterialMention]) -> list[Candidate]:
    """One export control for each bulleted item of controlled ``goods`` (sorted by
    offset) that says since when they are controlled."""
    out: list[Candidate] = []
    if not goods:
        return out
    text = ctx.text
    regex = _item_regex()
    begins = [g.span.begin for g in goods]  # sorted: a line's goods are a slice
    for paragraph in ctx.paragraphs:
        for line in _lines(text, paragraph):
            bullet = _BULLET.match(text, line.begin, line.end)
            if bullet is None:
                continue
            inside = goods[bisect_left(begins, bullet.end()):bisect_left(begins, line.end)]
            if not inside or not _OPENING.fullmatch(text, bullet.end(), inside[0].span.begin):
                continue
            run = [inside[0]]
            for good in inside[1:]:
                if not re.fullmatch(r"(?:\s*\([^()]*\))?\s*(?:,|,?\s+and|,?\s+or)?\s*",
                                    text[run[-1].span.end:good.span.begin]):
                    break
                run.append(good)
            gap = _GOOD_GAP.match(text, run[-1].span.end, line.end)
            if gap is None:
                continue
            m = regex.match(text, gap.end(), line.end)
            if m is None:
                continue
            dates = ctx.dates_in(m.end(), min(line.end, m.end() + 40))
            if not dates or dates[0].span.begin != m.end():
                continue
            sentence = ctx.sentence_of(m.start("head"))
            if sentence is None:
                continue
            head = Span.of(text, m.start("head"), m.end("head"))
            extent = Span.of(text, run[0].span.begin, dates[0].span.end)
            c = Candidate(MeasureType.EXPORT_CONTROL, head, sentence, extent, verbal=False,
                          governed=True)
            c.objects = [g.name for g in run]
            # an entry of a list of controls in place: dated by the item, no target, never
            # historical by its age
            c.entry = Entry(line, dates[0].date, dates[0].span,
                            Span.of(text, bullet.end(), line.end),
                            kind=MeasureType.EXPORT_CONTROL)
            out.append(c)
    return out


@lru_cache(maxsize=1)
def _added_regex() -> re.Pattern[str]:
    lists = load_triggers().raw["measures"]["lists"]
    verbs = "|".join(sorted(lists["added_verbs"], key=len, reverse=True))
    # not "added to the alloy": "to" only before a list ("added to its control list")
    return re.compile(r"(?:\s+(?:and\s+)?(?:related\s+|other\s+)?(?:products|compounds|items))?"
                      r"\s+(?P<head>" + verbs + r")\b(?!\s+to\s+(?!(?:the|its|their)\s+"
                      r"(?:[\w-]+\s+){0,3}lists?\b))", re.IGNORECASE)


_JOINER = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*")
"""What joins two goods of one list: a comma, "and" or "or"."""
_CLAUSE_LEAD = re.compile(r"(?:^|[;:,—–-]|\b(?:in|on|by|since|from|then|and))\s*"
                          r"(?:(?:the|some|all|several|certain|[\w-]+ly|\d+)\s+){0,2}$",
                          re.IGNORECASE)
"""Before goods that open a clause: its start, a break, or a time word ("In August 2024
antimony was added"; the date itself is skipped first)."""


def added_goods(ctx: Context, goods: list[MaterialMention]) -> list[Candidate]:
    """"Graphite is added", "In August 2024 antimony was added", "Antimony and related
    products fall under licensing": controlled ``goods`` (sorted by offset) opening a
    clause whose verb adds them to the controls are one export control of those goods."""
    out: list[Candidate] = []
    text = ctx.text
    regex = _added_regex()
    i = 0
    while i < len(goods):
        run = [goods[i]]
        i += 1
        while i < len(goods) and _JOINER.fullmatch(text[run[-1].span.end:goods[i].span.begin]):
            run.append(goods[i])
            i += 1
        after = text[run[-1].span.end:run[-1].span.end + 60].lower()
        if "added" not in after and "under" not in after:
            continue  # the pattern needs one of them (a cheap test first)
        m = regex.match(text, run[-1].span.end)
        sentence = ctx.sentence_of(run[0].span.begin)
        if m is None or sentence is None or m.end() > sentence.end:
            continue
        lead_end = run[0].span.begin
        dates = ctx.dates_in(sentence.begin, lead_end)
        if dates and not text[dates[-1].span.end:lead_end].strip(" ,:-–—"):
            # "In August 2024 antimony ...", "20 October 2023 - Graphite ...": the time
            lead_end = dates[-1].span.begin
        if not _CLAUSE_LEAD.search(text[sentence.begin:lead_end]):
            continue
        head = Span.of(text, m.start("head"), m.end("head"))
        c = Candidate(MeasureType.EXPORT_CONTROL, head, sentence,
                      Span.of(text, run[0].span.begin, m.end()), verbal=True, governed=True)
        c.objects = [g.name for g in run]
        out.append(c)
    return out


def gapped_controls(ctx: Context, goods: list[MaterialMention],
                    found: list[Candidate]) -> list[Candidate]:
    """"Gallium has needed export licences since August 2023, and antimony since September
    2024": goods and a "since" date coordinated after a control dated by "since", with its
    verb left out, are another control of the same kind and issuer."""
    out: list[Candidate] = []
    text = ctx.text
    for c in found:
        if c.type not in _GOODS_TYPES or c.anaphor:
            continue
        since = _SINCE_DATE.search(text, c.extent.end, c.sentence.end)
        dates = ctx.dates_in(since.end(), c.sentence.end) if since is not None else []
        if since is None or not dates or dates[0].span.begin != since.end():
            continue
        m = _GAP.match(text, dates[-1].span.end if _ADJACENT.fullmatch(
            text, dates[0].span.end, dates[-1].span.begin) else dates[0].span.end,
            c.sentence.end)
        if m is None:
            continue
        run = [g for g in goods if m.end() <= g.span.begin < c.sentence.end]
        if not run or run[0].span.begin != m.end():
            continue
        end = run[0].span.end
        kept = [run[0]]
        for good in run[1:]:
            if not _JOINER.fullmatch(text[end:good.span.begin]):
                break
            kept.append(good)
            end = good.span.end
        after = _SINCE_AFTER.match(text, end, c.sentence.end)
        seconds = ctx.dates_in(after.end(), c.sentence.end) if after is not None else []
        if after is None or not seconds or seconds[0].span.begin != after.end():
            continue
        second, when = seconds[0], seconds[0].date
        if len(seconds) > 1 and _ADJACENT.fullmatch(text, second.span.end,
                                                     seconds[1].span.begin) and \
                seconds[1].date.month is None and when.month is not None:
            when = PartialDate(seconds[1].date.year, when.month, when.day)  # "Sept. 15 this year"
        head = kept[0].span
        item = Candidate(c.type, head, c.sentence, Span.of(text, head.begin, second.span.end),
                         verbal=False, governed=True, antecedent=c)
        item.objects = [g.name for g in kept]
        # dated by its own "since" (the verb left out, nothing else governs the date)
        item.entry = Entry(c.sentence, when, second.span, item.extent)
        out.append(item)
    return out


_SINCE_DATE = re.compile(r"\b(?:since|from)\s+", re.IGNORECASE)
_GAP = re.compile(r"\s*,?\s+(?:and|while|with)\s+", re.IGNORECASE)
_ADJACENT = re.compile(r"\s*")
_SINCE_AFTER = re.compile(r"\s+(?:since|from)\s+", re.IGNORECASE)


def _lines(text: str, paragraph: Span) -> list[Span]:
    """The lines of a paragraph (bullets may stand on consecutive lines)."""
    out: list[Span] = []
    begin = paragraph.begin
    while begin < paragraph.end:
        end = text.find("\n", begin, paragraph.end)
        end = paragraph.end if end < 0 else end
        if end > begin:
            out.append(Span.of(text, begin, end))
        begin = end + 1
    return out


def issuers_by_goods(ctx: Context, candidates: list[Candidate],
                     goods: list[MaterialMention]) -> None:
    """"China bans gallium and germanium exports to the US ... Gallium and germanium have
    needed export licences since August 2023": a control or licensing mention with no
    issuer of its own, whose subject is goods, is a control of the state that restricts
    those goods in an earlier sentence of the article (the nearest such measure with an
    issuer of its own), not of whichever state acted last."""
    # Goods by position, so that the goods of a stretch of text are a slice (bisect), not
    # a scan of every mention for every pair of candidates: long texts stay linear.
    ordered = sorted(goods, key=lambda g: g.span.begin)
    begins = [g.span.begin for g in ordered]

    def names_in(begin: int, end: int) -> set[str]:
        return {g.name for g in ordered[bisect_left(begins, begin):bisect_left(begins, end)]}

    for index, c in enumerate(candidates):
        if c.issuer is None and not c.anaphor and c.antecedent is not None:
            c.issuer = c.antecedent.issuer  # a gapped item: its first conjunct's
        if c.issuer is not None or c.unknown_subject or c.type not in _GOODS_TYPES:
            continue
        names = names_in(c.sentence.begin, c.head.begin)
        if not names:
            continue
        for o in reversed(candidates[:index]):
            if o.issuer is None or not o.issuer_local or o.type not in _GOODS_TYPES or \
                    o.sentence.end > c.sentence.begin:
                continue
            if names & names_in(o.sentence.begin, o.sentence.end):
                c.issuer = ctx.state_of(o.issuer) or o.issuer
                break


_GOODS_TYPES = frozenset({MeasureType.EXPORT_BAN, MeasureType.EXPORT_CONTROL,
                          MeasureType.LICENSING_RESTRICTION})
