"""The later steps of a series of controls, told without a measure word of their own.

"Licensing requirements for gallium and germanium took effect in August 2023; graphite
followed in December 2023 and antimony in September 2024": after an export control of
named goods, a clause of its sentence that names only other goods and a date, with
"followed" or "came" or nothing but a preposition between ("and for graphite that
December", "in October came graphite"), is one more control of those goods by the same
issuer, dated by its clause.  A clause with a measure of its own, an actor or a verb other
than these tells something else ("graphite prices rose in December").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import MaterialMention, MeasureType, Span
from ..context import Context
from .candidate import Candidate

__all__ = ["series_steps"]

_GOOD = "\x00"
"""Stands for a material's words in a clause's normalised text."""
_GOODS = re.compile(_GOOD + r"(?:\s*(?:,|and|,\s*and)\s*" + _GOOD + r")*")
_CLAUSE = re.compile(r";|,?\s+and\s+(?=(?:for\s+)?" + _GOOD + r"|in\s)|,\s+(?=in\s)",
                     re.IGNORECASE)
_STEP = re.compile(r"[\s;,]*(?:(?:and|then)\s+)*(?:(?:for\s+)?" + _GOOD +
                   r"\s+(?:followed\s+|came\s+(?:next\s+)?)?(?:in|on|from|that|last)\s+"
                   r"|in\s+[^,\x00]{3,30}?,?\s+came\s+" + _GOOD + r"\s*$)",
                   re.IGNORECASE)


def series_steps(ctx: Context, candidates: list[Candidate],
                 materials: list[MaterialMention]) -> list[Candidate]:
    """One more export control for each later step of a series of controls (module doc)."""
    out: list[Candidate] = []
    for c in candidates:
        if c.type is not MeasureType.EXPORT_CONTROL or not c.covers or c.issuer is None \
                or c.date is None:
            continue
        others = [o.head.begin for o in candidates if o is not c]
        begin = c.extent.end
        pieces = _clauses(ctx, begin, c.sentence.end, materials)
        if pieces and not _CLAUSE.search(ctx.text, begin, pieces[0].begin + 1):
            # the first clause is the control's own ("... for gallium in August 2023")
            pieces = pieces[1:]
        for piece in pieces:
            if any(piece.begin <= o < piece.end for o in others) or \
                    ctx.actors_in(piece.begin, piece.end):
                break  # a clause of its own: the series ends
            goods = [m for m in materials if piece.begin <= m.span.begin < piece.end]
            text = _normalised(ctx, piece, goods)
            dates = ctx.dates_in(piece.begin, piece.end)
            names = list(dict.fromkeys(m.name for m in goods))
            if not dates or not names or not _STEP.match(_GOODS.sub(_GOOD, text)):
                continue  # "..., two metals used in chips": an aside, not a step
            rest = [name for name in c.covers if name not in names]
            if not rest:
                break
            c.covers = rest  # "for gallium in August 2023 and for graphite that December"
            out.append(replace(
                c, head=piece, extent=piece, date=dates[0].date, covers=names,
                objects=list(names), entry=None, antecedent=None, issuer_span=None,
                issuer_local=True, topical=False, target=None, target_span=None))
    return out


def _clauses(ctx: Context, begin: int, end: int,
             materials: list[MaterialMention]) -> list[Span]:
    """The clauses of ``[begin, end)``, cut where a new step may start."""
    goods = [m for m in materials if begin <= m.span.begin and m.span.end <= end]
    text = _normalised(ctx, Span.of(ctx.text, begin, end), goods)
    # the normalised text is as long as the original: offsets carry over
    cuts = [begin] + [begin + m.start() for m in _CLAUSE.finditer(text)] + [end]
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = ctx.text[a:b]
        lead = len(piece) - len(piece.lstrip(" \n;,"))
        tail = len(piece) - len(piece.rstrip(" \n;,."))
        if a + lead < b - tail:
            out.append(Span.of(ctx.text, a + lead, b - tail))
    return out


def _normalised(ctx: Context, span: Span, goods: list[MaterialMention]) -> str:
    """The span's text with each material's words replaced by one stand-in character,
    padded so that offsets keep their place."""
    chars = list(ctx.text[span.begin:span.end])
    for m in goods:
        a, b = m.span.begin - span.begin, m.span.end - span.begin
        if 0 <= a < b <= len(chars):
            chars[a:b] = [_GOOD] + [" "] * (b - a - 1)
    return "".join(chars)
