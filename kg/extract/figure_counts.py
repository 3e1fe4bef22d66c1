"""What a number counts: the noun after it, the graph's name for that noun, a duration.

:mod:`kg.extract.figures` finds a number; when no unit of measure or currency follows it,
the number may count things ("1,100 items", "89 Chinese military aircraft", "28 navy and
coast guard ships") or last a stretch of time ("at least three months").  This module
reads that noun:

* :func:`counted_noun`: the plural noun the number counts, over up to three modifiers
  (coordinated ones too); nouns that are dates, durations or ranks
  (``[figures.counted].excluded``) count nothing.
* :func:`counted_as`: a counted noun phrase the graph names by another unit
  (``[figures.counted_as]``: "entries" are ``items``, "rare earths" ``elements``, "firms"
  and "manufacturers" ``companies``), after up to four modifiers, capitalised ones included
  ("28 US defence firms").
* :func:`duration_after`: a duration noun (``[figures.durations].units``) not followed by a word
  that makes it a date ("two weeks ago"); :func:`measured_in_time`: a stock measured in time
  ("100 days of domestic demand") or the ends of a level moving between two durations
  ("from 54 days to 100 days"), figures without a qualifier; :func:`claimed_length`: a
  period in working or calendar days, or a measure's length after "for" (round 23).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .context import Context
from .figure_about import NP_INNER, NP_STOP
from .figure_numbers import number_words_alternation
from .refdata import actor_data
from .triggers import load_triggers, phrase_alternation, phrase_pattern

_COUNTED_GAP = 3
"""Modifier words allowed between a number in digits and the noun it counts."""
_COUNTED_AS_MODIFIERS = 4
"""Modifier words allowed before a ``[figures.counted_as]`` noun ("seven medium and heavy
rare earths")."""
_COUNTED_WORD = re.compile(r"[ \t]*(?:\n[ \t]*)?([A-Za-z](?:[\w’'‑-]|\.(?=[\w‑-]))*"
                           r"(?:(?<=\.[A-Z])\.(?=[ \t]))?)")
"""A word after a count: on the same line or the next, not past a blank line ("3 min
read" then "Key points"); "U.S.-linked" is one word, and so is "U.S." (its last point
after a capital that follows a point)."""


_MODIFIER = r"[A-Za-z](?:[\w’'‑-]|\.(?=[\w‑-]))*(?:(?<=\.[A-Z])\.)?"
"""A modifier before a counted noun, "U.S." and "U.S.-based" included (a point inside a word,
or after a capital that follows a point), never a word that ends a sentence."""


@dataclass(frozen=True)
class _CountTables:
    counted_as: dict[str, str]
    """Counted noun phrases (lower case) -> the unit the graph uses."""
    counted_as_re: re.Pattern[str]
    durations: dict[str, str]
    duration_re: re.Pattern[str]
    """A duration noun, not followed by a word that makes it a date."""
    spanning_re: re.Pattern[str]
    """A duration noun whatever follows it (after "for")."""
    stock_re: re.Pattern[str]
    """A duration noun then "of" and a stock or need ("days of domestic demand")."""
    from_re: re.Pattern[str]
    """After a number: its duration noun, "to" and another duration ("54 days to 100 days")."""
    from_to_re: re.Pattern[str]
    """Before a number: "from", a duration and "to" ("from 54 days to ")."""
    period_re: re.Pattern[str]
    """After a number: a period counted in working, business or calendar days."""
    measure_verb_re: re.Pattern[str]
    """A verb putting a measure in place ("suspended"), searched before "for"."""
    invariant: frozenset[str]
    """Counted nouns that are plural without an "s" ("aircraft")."""
    bare_only: frozenset[str]
    """Counted-as nouns renamed only with no modifier ("about 200 products": items)."""
    excluded: frozenset[str]


@lru_cache(maxsize=1)
def _count_tables() -> _CountTables:
    t = load_triggers()
    raw = t.raw["figures"]
    counted_as = {" ".join(k.lower().split()): v for k, v in raw.get("counted_as", {}).items()}
    phrases = phrase_alternation(counted_as)
    # Modifiers may be capitalised ("28 US defence firms", "five U.S.-based subsidiaries");
    # the noun itself is matched in lower case.
    counted_as_re = re.compile(
        rf"(?P<mods>(?:\s+{_MODIFIER}){{0,{_COUNTED_AS_MODIFIERS}}}?)\s+(?P<noun>{phrases})"
        r"(?![\w‑-])")
    durations = {k.lower(): v for k, v in raw.get("durations", {}).get("units", {}).items()}
    nouns = "|".join(phrase_pattern(k) for k in sorted(durations, key=len, reverse=True))
    not_after = "|".join(phrase_pattern(w) for w in raw.get("durations", {}).get("not_after", []))
    duration_re = re.compile(
        rf"\s+(?P<noun>{nouns})(?![\w‑-])"
        + (rf"(?!\s+(?:{not_after})\b)" if not_after else ""), re.IGNORECASE)
    spanning_re = re.compile(rf"\s+(?P<noun>{nouns})(?![\w‑-])", re.IGNORECASE)
    stocks = phrase_alternation(raw.get("durations", {}).get("stock_nouns", [])) or "(?!x)x"
    stock_re = re.compile(rf"\s+(?:{nouns})\s+of\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{stocks})\b",
                          re.IGNORECASE)
    qualifiers = phrase_alternation(raw["qualifiers"])
    words = number_words_alternation(t)
    number = rf"(?:\d[\d,.]*|{words})"
    from_re = re.compile(rf"\s+(?:{nouns})\s+to\s+(?:(?:{qualifiers})\s+)?{number}\s+"
                         rf"(?:{nouns})\b", re.IGNORECASE)
    from_to_re = re.compile(rf"\bfrom\s+(?:the\s+)?(?:current\s+)?(?:(?:{qualifiers})\s+)?"
                            rf"{number}\s+(?:{nouns})\s+to\s+(?:(?:{qualifiers})\s+)?$",
                            re.IGNORECASE)
    periods = phrase_alternation(raw.get("durations", {}).get("counted_periods", [])) \
        or "(?!x)x"
    period_re = re.compile(rf"\s+(?:{periods})(?![\w‑-])", re.IGNORECASE)
    verbs = phrase_alternation(raw.get("durations", {}).get("measure_verbs", [])) or "(?!x)x"
    measure_verb_re = re.compile(rf"(?<![\w‑-])(?:{verbs})(?![\w‑-])", re.IGNORECASE)
    counted = raw.get("counted", {})
    return _CountTables(
        counted_as=counted_as, counted_as_re=counted_as_re, durations=durations,
        duration_re=duration_re, spanning_re=spanning_re, stock_re=stock_re,
        from_re=from_re, from_to_re=from_to_re, period_re=period_re,
        measure_verb_re=measure_verb_re,
        invariant=frozenset(w.lower() for w in counted.get("invariant", [])),
        bare_only=frozenset(w.lower() for w in counted.get("bare_only", [])),
        excluded=t.counted_excluded)


def counted_noun(ctx: Context, offset: int, *, allow_gap: bool,
                 capital_first: bool = True) -> tuple[str, int] | None:
    """The plural noun a number ending at ``offset`` counts, and where it ends: "1,100
    items", "1,100 dual use items", "89 Chinese military aircraft", "28 navy and coast guard
    ships" (coordinated modifiers).  With ``capital_first`` off (after a number word), a
    capitalised first modifier is accepted only when hyphenated ("five U.S.-linked
    subsidiaries", not "Three Kingdoms")."""
    tables = _count_tables()
    pos = offset
    gap = _COUNTED_GAP + 1 if allow_gap else 1
    index = 0
    coordinated = False
    while index < gap:
        m = _COUNTED_WORD.match(ctx.text, pos)
        if m is None:
            return None
        word = m.group(1)
        lower = word.lower()
        if lower in {"and", "or"} and index > 0 and allow_gap and not coordinated:
            coordinated = True  # "navy and coast guard ships": modifiers coordinated
            gap += 2
            index += 1
            pos = m.end()
            continue
        if lower in tables.excluded or lower in NP_STOP:
            return None
        if index == 0 and word[0].isupper() and not capital_first and not (
                "-" in word or "‑" in word):
            return None
        if plural(lower) or lower in tables.invariant:
            # "170 million Americans": people named by their nationality count people
            return ("people" if lower in _demonym_plurals() else lower), m.end()
        pos = m.end()
        index += 1
    return None


@lru_cache(maxsize=1)
def _demonym_plurals() -> frozenset[str]:
    """Plurals of the states' one-word demonyms ("americans"), lower case; a demonym
    whose plural is itself ("Japanese") and an abbreviation ("EU") are left out."""
    entries = actor_data().entries
    names = {name.lower() for name in entries}  # "Philippine": "Philippines" is a state
    return frozenset(f"{d.lower()}s" for entry in entries.values() for d in entry.demonyms
                     if d.isalpha() and not d.isupper()
                     and not d.endswith(("s", "ese", "sh", "ch"))) - names


def counted_as(ctx: Context, offset: int, *, capital_first: bool = True
               ) -> tuple[str, int] | None:
    """A counted noun phrase the graph names by another unit, after up to a few modifiers:
    "1,000 entries" (items), "seven medium and heavy rare earths" (elements), "28 US
    defence firms" (companies).  ``capital_first`` as in :func:`counted_noun`."""
    tables = _count_tables()
    m = tables.counted_as_re.match(ctx.text, offset)
    if m is None:
        return None
    modifiers = m.group("mods").split()
    lowered = [w.lower() for w in modifiers]
    if any(w not in {"and", "or"} and (w in NP_STOP | NP_INNER or w in tables.excluded)
           or plural(w) and w != "more" for w in lowered):
        return None  # "seven categories of heavy rare earths" counts categories
    if modifiers and modifiers[0][0].isupper() and not capital_first \
            and not ("-" in modifiers[0] or "‑" in modifiers[0]):
        return None  # "Three Kingdoms firms": a number word inside a name
    noun = " ".join(m.group("noun").lower().replace("‑", "-").split())
    if modifiers and noun in tables.bare_only:
        return None  # "six germanium products": a class of products, counted as such
    unit = tables.counted_as.get(noun) or tables.counted_as.get(noun.replace("-", " "))
    return (unit, m.end()) if unit else None


def duration_after(ctx: Context, offset: int, *, spanning: bool = False) -> tuple[str, int] | None:
    """A duration noun right after the number ("at least three months"), with its end;
    with ``spanning``, whatever follows the noun ("for about two months after the
    collision")."""
    tables = _count_tables()
    # "within 30 calendar days after closing": a deadline counted from an event, not a date
    spanning = spanning or tables.period_re.match(ctx.text, offset) is not None
    m = (tables.spanning_re if spanning else tables.duration_re).match(ctx.text, offset)
    if m is None:
        return None
    return tables.durations[m.group("noun").lower()], m.end()


@lru_cache(maxsize=1)
def _entities() -> tuple[frozenset[str], re.Pattern[str]]:
    raw = load_triggers().raw["figures"].get("counted", {})
    heads = frozenset(raw.get("entity_heads", []))
    nouns = phrase_alternation(raw.get("entity_nouns", [])) or "(?!x)x"
    return heads, re.compile(rf"[ \t]+(?:and|or)[ \t]+(?:{_MODIFIER}[ \t]+){{0,2}}?"
                             rf"(?P<noun>{nouns})(?![\w‑-])")


def entities_after(ctx: Context, unit: str, end: int) -> tuple[str, int]:
    """``unit`` and ``end``, or ``entities`` past a second kind of body coordinated with
    the counted companies ("20 Japanese companies and research institutes": a count of
    listed entities, ``[figures.counted].entity_nouns``)."""
    heads, pattern = _entities()
    if unit not in heads:
        return unit, end
    m = pattern.match(ctx.text, end)
    if m is None or m.group("noun").lower() == unit:
        return unit, end
    return "entities", m.end()


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:current\s+)?$", re.IGNORECASE)
_FROM_REACH = 60
"""Characters before a number searched for "from", a duration and "to"."""


def measured_in_time(ctx: Context, begin: int, end: int) -> bool:
    """Whether the number at ``[begin, end)`` and the duration after it measure a stock or
    a need in time ("100 days of domestic demand") or are an end of a level moving from one
    duration to another ("from current 54 days to 100 days"): a figure with no qualifier."""
    tables = _count_tables()
    text = ctx.text
    if tables.spanning_re.match(text, end) is None:
        return False  # no duration noun after the number (most numbers)
    if tables.stock_re.match(text, end):
        return True
    if _FROM_BEFORE.search(text, max(0, begin - 20), begin) and tables.from_re.match(text, end):
        return True
    return tables.from_to_re.search(text, max(0, begin - _FROM_REACH), begin) is not None


_FOR_BEFORE = re.compile(r"(?<![\w])for\s+$", re.IGNORECASE)
_SENTENCE_REACH = 160
"""Characters before "for" searched for a measure's verb (the clause's start bounds it)."""
_CLAUSE_END = re.compile(r"[.!?;:\n](?=\s)|\n")


def claimed_length(ctx: Context, begin: int, end: int, value: Decimal) -> bool:
    """Whether the bare number at ``[begin, end)`` and the duration after it are a length
    the text claims: a period counted in working, business or calendar days ("reviewed
    within 45 working days"), or the length of a measure, "for" after the verb putting it
    in place ("suspended beef exports for 180 days"); not "for one year", a period in
    passing, nor "for six years" after a verb that is not a measure's."""
    tables = _count_tables()
    text = ctx.text
    if tables.period_re.match(text, end):
        return True
    if value == 1 or tables.spanning_re.match(text, end) is None \
            or _FOR_BEFORE.search(text, max(0, begin - 5), begin) is None:
        return False
    reach = text[max(0, begin - _SENTENCE_REACH):begin]
    stops = list(_CLAUSE_END.finditer(reach))
    clause = reach[stops[-1].end():] if stops else reach
    return tables.measure_verb_re.search(clause) is not None


def plural(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun ("firms", not "process")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s",
                                                                        "’s"))


def prepare() -> None:
    """Build the count patterns now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    for build in (_count_tables, _entities, _demonym_plurals):
        build()
