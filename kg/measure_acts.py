"""The kind of act a measure mention names: a WTO case, a tariff, a study-abroad alert, ...

"other" is the catch-all measure type, so two "other" mentions of one issuer and target
may name acts that are never one measure: "announced a 34% tariff on all imports" and
"filed a complaint at the WTO" the same day, or a decree that "halts charter flights" and
"suspends visa-free travel".  Travel advisories too: a study-abroad alert to students is not
the advisory against travel of the same days.  :mod:`kg.resolve` gives each mention the
kind its words name (``kg/data/measure_acts.toml``), and :mod:`kg.measure_identity` keeps
mentions of different kinds apart, as it keeps apart the measures of two government
bodies.  A mention naming no kind ("the dispute", "countermeasures") agrees with any.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from .model import MeasureType

ACTS_FILE: Path = Path(__file__).resolve().parent / "data" / "measure_acts.toml"


@lru_cache(maxsize=1)
def _acts() -> dict[MeasureType, tuple[tuple[str, re.Pattern[str]], ...]]:
    """Per measure type, its kinds in the file's order, each with one pattern of its words."""
    with ACTS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    out: dict[MeasureType, list[tuple[str, re.Pattern[str]]]] = {}
    for entry in data["acts"]:
        pattern = re.compile(r"\b(?:" + "|".join(entry["words"]) + r")\b", re.IGNORECASE)
        for name in entry.get("types", ["other"]):
            out.setdefault(MeasureType(name), []).append((entry["kind"], pattern))
    return {kind: tuple(entries) for kind, entries in out.items()}


def measure_act(kind: MeasureType, text: str) -> str | None:
    """The kind of act the words ``text`` of a mention of type ``kind`` name (the first
    kind of the file for that type whose words occur in ``text``), or None when they name
    none or the type is not told apart by its acts."""
    for act, pattern in _acts().get(kind, ()):
        if pattern.search(text):
            return act
    return None
