"""Word orders of a government body's name that translations print.

Machine translations of Japanese and Korean ministry names keep the source word order, the
remit before the word for ministry: 経済産業省 comes out as "Economy, Trade and Industry
Ministry", 산업통상자원부 as "Trade, Industry and Energy Ministry".  A listed body named
"Ministry of A, B and C" (two remits or more, all capitalised) is therefore also found as
"A, B and C Ministry".  A single remit ("Ministry of Defense" / "Defense Ministry") is a
generic term of a ``[[kind]]`` already, resolved by the state the text names.
"""

from __future__ import annotations

import re

_REMITS = re.compile(r"Ministry of ((?:[A-Z][\w-]*)(?:,? (?:and )?[A-Z][\w-]*)+)")


def remit_first_names(names: list[str]) -> list[str]:
    """The remit-first forms of the names of the form "Ministry of A, B and C"."""
    out = []
    for name in names:
        m = _REMITS.fullmatch(name)
        if m is not None and (" and " in m.group(1) or "," in m.group(1)):
            out.append(f"{m.group(1)} Ministry")
    return out
