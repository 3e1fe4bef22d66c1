"""What a figure measures (``kg:about``): a short noun phrase from the words around it.

The complement after ``of`` ("70% of Japan's rare earth imports"), the noun phrase an
amount modifies ("9 trillion yen military budget"), the noun phrase a change is about
("November exports rose 35%", "budget, up 3.8%", "increase in annual military
expenditure"), the counted noun phrase, or for an amount restated ("($58 billion)",
"equivalent to") that of the amount before (:func:`restated_about`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import FigureMention, Span
from .context import Context
from .triggers import Triggers, load_triggers, phrase_alternation

_ABOUT_WORDS = 6
NP_STOP = frozenset(
    "is are was were be been being has have had will would could should may might can do does "
    "did that which who whose where when while as than and or but if because since so with "
    "from by for to in on at into after before during over under coming going according said "
    "says rose fell rising falling increased decreased grew jumped dropped climbed declined "
    "surged slumped gained lost up down compared against despite like such including "
    "especially particularly notably comes come came goes account accounts accounted makes "
    "made".split())
NP_INNER = frozenset(load_triggers().raw["prepositions"]["noun_phrase_inner"])
_NP_JOINING = NP_INNER | {"and", "or"}
"""Stop words a noun phrase may hold inside it ("exports to Japan", "gallium and ...")."""
_NP_TRAILING = NP_INNER | {"the", "a", "an", "and", "or"}
"""Words a noun phrase does not end with."""
_TIME_PHRASE = re.compile(
    r"(?:a|an|per|each|every|last|next|this|the\s+(?:previous|past|next|same))\s+"
    r"(?:year|month|week|day|quarter|decade)s?\b|(?:annually|yearly|monthly)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _when() -> re.Pattern[str]:
    """A preposition and a month or a weekday (``[dates]`` months, their abbreviations and
    weekdays): when, not part of what a figure is about ("graphite in March")."""
    dates = load_triggers().raw["dates"]
    names = [*dates["months"], *(a for abbr in dates["month_abbreviations"]
                                 for a in abbr.split("|")), *dates["weekdays"]]
    return re.compile(rf"(?:in|on|during|since|until|by)\s+(?:{'|'.join(names)})\b")


_QUALIFIER_WORDS = frozenset({"about", "around", "approximately", "nearly", "almost", "some",
                              "roughly", "over", "under"})
CHANGE_VERBS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, load_triggers().raw["figures"]["change_verbs"]))
    + r")(?:\s+by)?\s*$", re.IGNORECASE)
"""A change verb ending the text before a figure (``[figures] change_verbs``)."""


@lru_cache(maxsize=1)
def _move_from() -> re.Pattern[str]:
    raw = load_triggers().raw["figures"]
    verbs = [*raw["change_verbs"], *raw.get("level_verbs", [])]
    return re.compile(rf"(?<![\w])(?:{phrase_alternation(verbs)})\s+from\s*$",
                      re.IGNORECASE)


def moves_from(before: str) -> bool:
    """Whether ``before`` (the text before a number) ends in a change verb or a verb of
    moving (``[figures] change_verbs``, ``level_verbs``) and "from": the number is a level
    left, and the one after "to" the level reached, two figures ("jumped from about 10,000
    won to more than 50,000 won")."""
    return _move_from().search(before) is not None


_RESTATED = re.compile(r"(?:\(\s*|(?:equivalent|equal|equating)\s+to\s+|or\s+|i\.e\.\s*|,\s*)$",
                       re.IGNORECASE)




_OF = re.compile(r"\s+of\s+")
_WORTH_OF = re.compile(r"\s+worth\s+of\s+")
_CHANGE_IN = re.compile(r"\s+(?:increase|rise|growth|decline|drop|fall|cut|jump)\s+in\s+")
_INTO = re.compile(r"\b(?:to|at|of)\s+$")
_AFTER_REACH = 200
"""Characters after a figure within which the patterns after it are matched."""


def about_of(ctx: Context, span: Span, unit: str, counted_from: int | None = None) -> str | None:
    """What the figure at ``span`` in ``unit`` measures (see module doc), if the text says."""
    text = ctx.text
    # The patterns after the figure are matched in place, up to the reach (no slice), and
    # each test is made once: this runs for every figure.
    reach = span.end + _AFTER_REACH
    counted = is_counted(unit)
    of = _OF.match(text, span.end, reach)
    if of:  # "70% of Japan's imports", "1,000 tonnes of gallium", "$5 billion of chips"
        phrase = np_after(ctx, of.end())
        if phrase and counted:
            return f"{unit} of {phrase}"
        if phrase:
            return phrase
    worth = _WORTH_OF.match(text, span.end, reach)
    if worth:
        return np_after(ctx, worth.end())
    increase = _CHANGE_IN.match(text, span.end, reach)
    if increase:
        return np_after(ctx, increase.end())
    # A slice, not a window of ``text``: its start is a word boundary for the patterns.
    before = text[max(0, span.begin - 40):span.begin]
    verb = CHANGE_VERBS.search(before)
    if verb:
        stop = span.begin - len(before) + verb.start()
        subject = np_before(ctx, stop)
        if subject:
            return subject
    into = _INTO.search(before)
    if into and not counted:
        subject = np_before(ctx, span.begin - len(before) + into.start())
        if subject:
            return subject
    if not counted:
        modified = np_after(ctx, skip_parenthesis(text, span.end))
        if modified:
            return modified
    if counted and counted_from is not None:
        # The counted noun phrase itself, with an "of" complement: "categories of ...".
        noun = text[counted_from:span.end].strip()
        of_np = np_after(ctx, of.end()) if of else None
        return f"{noun} of {of_np}" if of_np else noun
    return None


def is_counted(unit: str) -> bool:
    """Whether ``unit`` is a counted noun (not a currency, percent or measure)."""
    return unit not in _measured_units(load_triggers())


_measured: tuple[object, frozenset[str]] | None = None


def _measured_units(t: Triggers) -> frozenset[str]:
    """The units of measure and currencies of ``t``, gathered once per loaded table (the
    figure extractor asks for each figure)."""
    global _measured
    if _measured is None or _measured[0] is not t:
        _measured = (t, frozenset(t.units.values()) | frozenset(t.currency_words.values())
                     | frozenset(t.currency_symbols.values()))
    return _measured[1]


_PARENTHESIS = re.compile(r"\s*\([^)]{0,60}\)")


def skip_parenthesis(text: str, pos: int) -> int:
    """The offset after a short parenthesis opening at ``pos`` ("($58 billion)"), else ``pos``."""
    m = _PARENTHESIS.match(text[pos:pos + 80])
    return pos + m.end() if m else pos


_TOKEN = re.compile(r"[^\s,.;:—–()\"“”]+(?:\.(?=\w))?[^\s,.;:—–()\"“”]*|[,.;:—–()\"“”]")


def np_after(ctx: Context, pos: int, *, include_numbers: bool = False) -> str | None:
    """A noun phrase starting at ``pos``: at most a few words, up to a stop word."""
    words: list[str] = []
    tokens = _TOKEN.findall(ctx.text[pos:pos + 160])
    for index, token in enumerate(tokens):
        lower = token.lower()
        if len(token) == 1 and token in ",.;:—–()\"“”":
            break
        if words and (_TIME_PHRASE.match(" ".join(tokens[index:index + 3]))
                      or _when().match(" ".join(tokens[index:index + 2]))):
            break  # "equipment last year", "graphite in March": the time ends the phrase
        if (lower in NP_STOP and not (words and lower in _NP_JOINING)) \
                or lower in _QUALIFIER_WORDS:
            break
        if token[0].isdecimal() and not include_numbers:  # what r"\d" matches
            if not words:
                return None
            break
        if lower.endswith("ing") and words:
            break
        words.append(token)
        if len(words) >= _ABOUT_WORDS:
            break
    while words and words[-1].lower() in _NP_TRAILING:
        words.pop()
    phrase = " ".join(words)
    if not phrase or _TIME_PHRASE.match(phrase):
        return None  # "last year", "a year": when, not what
    return phrase


def np_before(ctx: Context, end: int) -> str | None:
    """The noun phrase ending at ``end``: "November exports to Japan" before "rose"."""
    window = ctx.text[max(0, end - 120):end]
    words: list[str] = []
    units = load_triggers().units
    for token in reversed(_TOKEN.findall(window)):
        lower = token.lower()
        if len(token) == 1 and token in ",.;:—–()\"“”":
            if words:
                break
            continue
        if (lower in NP_STOP and lower not in ("of", "to")) or token[0].isdecimal() \
                or lower.endswith("ing") or lower in units:
            break
        words.append(token)
        if len(words) >= _ABOUT_WORDS:
            break
    while words and words[-1].lower() in NP_INNER:
        words.pop()
    words.reverse()
    while words and words[-1].lower() in NP_INNER:
        words.pop()
    phrase = " ".join(words)
    if not phrase or _TIME_PHRASE.match(phrase):
        return None  # "a month earlier": when, not what
    return phrase


_AUXILIARY_END = re.compile(r"(?:has|have|had)?\s*$")
""""has"/"have"/"had" and white space ending a window (compiled here, not looked up in
``re``'s own cache per call: that cache is shared with patterns other modules compile and
may have dropped it)."""


def subject_before(ctx: Context, offset: int) -> str | None:
    """The noun phrase before ``offset`` (over "has"/"have"): what "more than doubled"."""
    m = _AUXILIARY_END.search(ctx.text[max(0, offset - 20):offset])
    stop = offset - (len(m.group()) if m else 0)
    return np_before(ctx, stop)


_TO = re.compile(r"\s+to\s+")


def restated_about(ctx: Context, found: list[FigureMention]) -> None:
    """"9 trillion yen ($58 billion) budget", "9 trillion yen, equivalent to 58 billion
    dollars": the restated amount measures the same thing as the first."""
    for previous, figure in zip(found, found[1:], strict=False):
        gap = ctx.text[previous.span.end:figure.span.begin]
        if _TO.fullmatch(gap) and figure.about is None:
            figure.about = previous.about  # "rose 35% to 305 metric tons": the same quantity
            continue
        if len(gap) > 20 or not _RESTATED.search(gap) or is_counted(figure.unit):
            continue
        if previous.about is None and figure.about is not None:
            previous.about = figure.about
        elif previous.about is not None:
            figure.about = previous.about


def prepare() -> None:
    """Build the pattern of time phrases now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    _when()
