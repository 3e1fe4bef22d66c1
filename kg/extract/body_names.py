"""Forms of a government body's name: translated word orders, and remits listed after it.

Machine translations of Japanese and Korean ministry names keep the source word order, the
remit before the word for ministry: 経済産業省 comes out as "Economy, Trade and Industry
Ministry", 산업통상자원부 as "Trade, Industry and Energy Ministry".  A listed body named
"Ministry of A, B and C" (two remits or more, all capitalised) is therefore also found as
"A, B and C Ministry".  A single remit ("Ministry of Defense" / "Defense Ministry") is a
generic term of a ``[[kind]]`` already, resolved by the state the text names.

The other way round, a generic term in its official form ("Ministry of Agriculture",
"Ministry of Commerce") followed by more capitalised remits (", Livestock and Supply",
", Industry and Tourism") is the opening of a body's own longer name, not the generic
body: :func:`remit_list_end` says where that name ends.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .gazetteer import Token

_REMITS = re.compile(r"Ministry of ((?:[A-Z][\w-]*)(?:,? (?:and )?[A-Z][\w-]*)+)")
_LAST_LINKS = {"and", "&"}
_REMIT_WORDS = 4
"""Capitalised words one listed remit may take ("Public Distribution": 2)."""


def remit_first_names(names: list[str]) -> list[str]:
    """The remit-first forms of the names of the form "Ministry of A, B and C"."""
    out = []
    for name in names:
        m = _REMITS.fullmatch(name)
        if m is not None and (" and " in m.group(1) or "," in m.group(1)):
            out.append(f"{m.group(1)} Ministry")
    return out


def remit_list_end(tokens: Sequence[Token], start: int, end: int,
                   covered: Collection[int]) -> int | None:
    """Where a body's own name ends when the generic term at tokens ``[start, end)``, in
    its official form ("Ministry of Agriculture"), goes on with a list of remits
    (", Livestock and Supply": a comma, capitalised words, "and" before the last); else
    ``None``.  A word some table lists (a state's name: "Ministry of Commerce, China and
    Japan said") ends no such list."""
    words = [t for t in tokens[start:end] if t.is_word]
    if not words or any(not (t.is_capitalised or t.key == "of") for t in words) \
            or words[-1].key == "of":
        return None
    i = end
    if "of" not in {t.key for t in words}:
        # the bare term ("Ministry") before its remit: "Ministry of Fisheries, Coasts and ..."
        if len(words) > 1 or end >= len(tokens) or tokens[end].key != "of":
            return None
        first = _remit_end(tokens, end + 1, covered)
        if first is None:
            return None
        i = first
    seen_and = False
    while i < len(tokens) and not seen_and:
        if tokens[i].newline_before or tokens[i].key != ",":
            break
        i += 1
        if i < len(tokens) and tokens[i].key in _LAST_LINKS:
            seen_and = True  # the serial comma: ", Forestry, and Fisheries"
            i += 1
        remit = _remit_end(tokens, i, covered)
        if remit is None:
            return None
        i = remit
        if i < len(tokens) and tokens[i].key in _LAST_LINKS and not tokens[i].newline_before:
            seen_and = True
            remit = _remit_end(tokens, i + 1, covered)
            if remit is None:
                return None
            i = remit
    return i if seen_and else None


def _remit_end(tokens: Sequence[Token], i: int, covered: Collection[int]) -> int | None:
    """The end of one remit's capitalised words from ``i`` (none listed), else ``None``."""
    j = i
    while j < len(tokens) and j - i < _REMIT_WORDS and tokens[j].is_word \
            and tokens[j].is_capitalised and not tokens[j].newline_before \
            and j not in covered:
        j += 1
    return j if j > i else None
