"""Find figures: numbers with a unit that an article asserts (numeric claims).

A figure is a number (digits, ``1,100``, ``3.8``, or a number word up to twelve) with

* a unit after it (``%``, ``percent``, ``metric tons``, ``yen``, ``dollars``; also glued by
  a hyphen: ``six-ton``, even after a determiner: "a first six-ton shipment"), or a currency
  symbol before it (``$58 billion``), scale words multiplying it (``9 trillion yen``);
* or a plural noun it counts (``1,100 items``, ``at least seven categories``): the noun is
  the unit, as ``docs/graph-layout.md`` says ("the noun the text counts");
* or a multiplying verb (``more than doubled``: 2, unit ``ratio``), or a multiplying adverb
  before a comparison (``nearly twice as long``);
* or a vague magnitude (``billions of dollars``): value ``None`` ("tens of thousands of
  times" counts occasions, not a ratio);
* or a unit the sentence gives elsewhere (:mod:`kg.extract.figure_frames`: partitions,
  elliptic units, index levels, exchange rates).

Ranges (``60-70%``, ``between 60 and 70 percent``, ``60% to 70%``, ``three to four
months``, ``from about 60% to just over 70%``) give ``value`` and ``value_max``; a "range"
whose second end is lower (``from about 90% to around 60%``) is a fall, two figures, and
so is a move after a change verb ("went from about $3 to nearly $12", round 25).  A
qualifier right before the number (``about``, ``more than``, ``at least``) is kept as the
text writes it.  Durations are figures with a qualifier, as a range or as a procedure's
planned length ("may be extended by six months"), or a measure's length as a compound
("a 60-day suspension", :mod:`.figure_compounds`).  "6 in 10" is 60 percent; a price per
quantity keeps the quantity in its unit ("$325 per kilogram": ``USD per kilogram``); a
count reaches its noun over modifiers ("89 Chinese military aircraft", "28 navy and coast
guard ships"); "871 hundred million yen" is a translated Chinese count (10^8).  A bare "$" is the
US dollar unless the article marks US dollars itself ("$US250 million", then "$15.40" is
the local dollar, :func:`kg.extract.figure_frames.local_dollar_of`).

Number formats (:mod:`kg.extract.figure_numbers`): a text of decimal commas groups
thousands with points ("1,1 %", "2.500 jobs"); "pounds" in a sentence about weight weigh.

Not figures: numbers inside dates, ordinals, the base and exponent of a power ("10^25
operations"), numbers that are part of a name or compound
(``One-China``, ``G7``, a capitalised number word inside a sentence: ``Group of Seven
partners``), and numbers that refer rather than count (``the two countries``, ``Asia's two
largest economies``, ``the 90% figure``): a determiner or a possessive before them, or no
noun right after a number word.  Number words that count no thing of the world are not
either: "one" before a plural ("One sees 60 percent": a pronoun), a count of the text's own
parts (``Three features stand out``, ``[figures.counted].discourse``), a count in
apposition to the list before it (``gallium and germanium, two metals used in chips``).
The figures of an interviewer's question (:mod:`kg.extract.question_turns`) are the
questioner's framing, not claims: they are left out; so are what a page counts about
itself ("3 min read", "12 comments" near the start of a line, a copyright line's years), a
count announcing the list after its colon ("three materials ...: a, b and c"), the count of
a report's anonymous sources ("two government sources", an ``unnamed`` actor's mention) and
the figures of the headlines in a list of links to other stories
(:func:`kg.extract.furniture.link_list_spans`); a figure of the front matter (headline,
summary bullets) that the body repeats is left to the body (:mod:`.figure_filters`).
A price per quantity may say "a" for "per" ("$39,000 a ton").

``about`` is a short noun phrase saying what the number measures: the complement after
``of`` (``70% of Japan's rare earth imports``), the noun phrase an amount modifies
(``9 trillion yen military budget``), the noun phrase a change is about (``November
exports rose 35%``, ``budget, up 3.8%``, ``increase in annual military expenditure``),
the counted noun phrase, or for an amount restated (``($58 billion)``, ``equivalent to``)
that of the amount before.  ``asserted_by`` is the speaker of the statement the figure
sits in, else the ``according to`` source of its sentence; a figure the text gives to
another party right after it ("not the 40% claimed by European producers": ``[figures]
claimed_by``) is that party's when it is an actor, else nobody's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import (
    ActorMention,
    Article,
    FigureMention,
    Span,
    StatementMention,
)
from .anchored import first_words, word_finditer
from .context import Context, build_context
from .figure_about import (
    CHANGE_VERBS,
    about_of,
    is_counted,
    moves_from,
    np_after,
    restated_about,
    subject_before,
)
from .figure_compounds import compound_durations
from .figure_counts import (
    claimed_length,
    counted_as,
    counted_noun,
    duration_after,
    entities_after,
    measured_in_time,
    plural,
)
from .figure_filters import without_asides, without_front_repeats
from .figure_frames import FrameRules, apply_frames, local_dollar_of
from .figure_numbers import (
    THOUSANDS_POINT,
    WEIGHT_POUNDS,
    amount_begin,
    in_space_grouping,
    number_words_alternation,
    on_page_furniture,
    weighs,
    writes_decimal_commas,
)
from .gazetteer import token_key, token_stream
from .triggers import load_triggers, phrase_alternation, phrase_pattern

_ENCLOSING_REACH = 8
"""Statements before a figure searched for one holding it (reported words rarely nest)."""
_DATE_MAX = 40
"""Longest date expression, in characters (for the overlap test)."""
_QUALIFIED_REACH = 48
"""Characters a qualifier, "between" and a currency symbol may take before a number."""
_RATE_FOLLOWERS = ("(?:in|on|at|for|from|to|and|or|by|as|with|than|this|last|since|after|"
                   "before|earlier|ago|versus|compared|while|when|up|down)")
"""Words that may follow "a ton" in a price ("$39,000 a ton in Rotterdam")."""


@dataclass(frozen=True)
class _Tables:
    number: re.Pattern[str]
    candidate: re.Pattern[str]
    """Where a number starts: the full pattern is tried only near one."""
    qualifier_before: re.Pattern[str]
    """A qualifier ending right before an offset (searched with ``endpos``)."""
    vague: re.Pattern[str]
    multiplier: re.Pattern[str]
    ratio_followers: frozenset[str]
    elliptic: frozenset[str]
    """Qualifiers after which a number may leave out the unit of the figure before it."""
    referring_heads: frozenset[str]
    discourse: frozenset[str]
    least_bare_count: int
    """The smallest count in words that is a figure with no qualifier
    (``[figures.counted].least_bare_word_count``)."""
    page_count: re.Pattern[str]
    """What a page counts about itself after a number ("3 min read", "12 comments")."""
    share: re.Pattern[str]
    """The rest of "6 in 10" after its first number; ``denominator`` is the second."""
    share_before: re.Pattern[str]
    """"6 in " ending right before a number: that number is a share's denominator."""
    duration_frame: re.Pattern[str]
    """A word saying how long something lasts, ending right before a number."""
    rate: re.Pattern[str]
    """"per kilogram" after an amount of money: the rest of a price's unit."""
    number_keys: frozenset[str]
    """The first words (token keys) of the number words, vague magnitudes, multiplying
    verbs and adverbs: a text without any of them needs no search for that pattern."""
    vague_keys: frozenset[str]
    multiplier_keys: frozenset[str]
    comparative_keys: frozenset[str]
    comparative: re.Pattern[str]
    comparative_followers: frozenset[str]
    local_dollars: dict[str, str]
    first_words: dict[str, frozenset[str] | None]
    """The first words of the number words and of the vague, multiplier and comparative
    patterns (:func:`~kg.extract.anchored.first_words`): where those patterns can start."""


def _first_keys(words: Iterable[str]) -> frozenset[str]:
    """The token key of each phrase's first word ("tens of thousands" -> "tens")."""
    return frozenset(token_key(w.split()[0].split("-")[0]) for w in words if w.strip())


def _opening(words: Iterable[str]) -> str:
    """A look-ahead for the first letters of ``words``: it rules out most positions of a
    text before the alternation of the words is tried (a large speed-up in ``re``)."""
    letters = sorted({w[0].lower() for w in words if w} | {w[0].upper() for w in words if w})
    return "(?=[" + "".join(re.escape(c) for c in letters) + "])" if letters else ""


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    t = load_triggers()
    symbols = "|".join(sorted((re.escape(s) for s in t.currency_symbols), key=len, reverse=True))
    words = number_words_alternation(t)
    scales = "|".join(sorted((re.escape(s) for s in t.scales), key=len, reverse=True))
    units = sorted([*t.units, *t.currency_words], key=len, reverse=True)
    unit = "|".join(phrase_pattern(u) for u in units)
    # Each alternation of words behind a look-ahead for its first letters (_opening): the
    # search for a number is tried at every word start up to _QUALIFIED_REACH before it,
    # and most words open no qualifier and no number word (0.04 ms an article).
    qualifiers = _opening(t.raw["figures"]["qualifiers"]) + \
        f"(?:{phrase_alternation(t.raw['figures']['qualifiers'])})"
    # A comma before one or two digits and a scale word is a decimal comma, as texts
    # translated from German or French write it ("2,5 billion Euro" is 2.5 billion).
    # Round 19: also before a percent sign ("1,1 %"), which English never writes so.
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?" \
        rf"|\d{{1,3}},\d{{1,2}}(?=\s*(?:(?:{scales})(?![\w])|%))|" \
        rf"\d+(?:\.\d+)?|{_opening(t.number_words)}(?:{words}))"

    def amount(p: str) -> str:
        # "1 trillion 200 billion yen" (translated Japanese and Chinese amounts): a second
        # number with a smaller scale adds to the first.
        # The symbols as written ("Rs", "USD"), case and all: the pattern ignores case,
        # and "RS402" is a flight, not 402 rupees (the unit is looked up as matched).
        return (rf"(?P<{p}cur>(?-i:{symbols}))?\s?(?P<{p}num>{num})"
                rf"(?:\s*-?\s*(?P<{p}scale>{scales})"
                rf"(?![\w])(?:\s+(?P<{p}plus>\d{{1,3}}(?:\.\d+)?)\s+(?P<{p}plusscale>{scales})"
                rf"(?![\w]))?)?(?:(?:\s*|-)(?P<{p}unit>{unit})(?![\w]))?")

    number = re.compile(
        rf"(?<![\w.,$€£¥/^-])(?:(?P<qual>{qualifiers})\s+)?(?P<between>between\s+)?"
        + amount("a") + rf"(?:\s*(?:-|–|to|and)\s*(?:(?P<qual2>{qualifiers})\s+)?"
        + amount("b") + ")?"
        # not a base or an exponent of a power ("10^25 operations")
        + r"(?![\w‑^-]|\.\d|,\d)", re.IGNORECASE)
    vague_words = phrase_alternation(t.vague)
    vague = re.compile(rf"\b{_opening(t.vague)}(?P<vague>{vague_words})\s+of\s+"
                       rf"(?P<unit>{unit}|[a-z]+s)"
                       r"(?![\w])", re.IGNORECASE)
    mult = "|".join(t.multipliers)
    # Verb first, the qualifier looked up before it: an optional alternation of qualifiers
    # opening a pattern would be tried at every word of the text.
    multiplier = re.compile(rf"\b{_opening(t.multipliers)}(?P<verb>{mult})(?![\w])",
                            re.IGNORECASE)
    qualifier_before = re.compile(rf"(?<![\w])(?:{qualifiers})\s+$", re.IGNORECASE)
    candidate = re.compile(rf"\b{_opening(t.number_words)}(?:{words})\b", re.IGNORECASE)
    raw = t.raw["figures"]
    followers = frozenset(w.lower() for w in raw.get("ratio_followers", {}).get("words", []))
    page_counts = phrase_alternation(raw.get("page_counts", [])) or "(?!x)x"
    page_count = re.compile(rf"[ \t]*(?:{page_counts})(?![\w‑-])", re.IGNORECASE)
    shares = "|".join(phrase_pattern(w) for w in raw.get("share_words", [])) or "(?!x)x"
    share = re.compile(rf"\s+(?:{shares})\s+(?P<denominator>10|100|1,?000|ten|a hundred)"
                       r"(?![\w‑-]|\.\d|,\d)", re.IGNORECASE)
    share_before = re.compile(rf"(?<![\w.,])(?:\d+(?:\.\d+)?|{words})\s+(?:{shares})\s+$",
                              re.IGNORECASE)
    frames = phrase_alternation(raw.get("durations", {}).get("frames", [])) or "(?!x)x"
    duration_frame = re.compile(rf"(?<![\w])(?:{frames})\s+$", re.IGNORECASE)
    rates = phrase_alternation(raw.get("rate_nouns", [])) or "(?!x)x"
    # "$39,000 a ton" as "per ton", unless the noun modifies another ("$2 billion a chip
    # plant"): only punctuation or a preposition may follow it
    # (or "/kg", "$880-920/kg", written with a slash)
    rate = re.compile(rf"(?:\s+(?:per|(?P<article>an?)(?=\s+(?:{rates})(?![\w‑-])"
                      rf"(?!\s+(?!{_RATE_FOLLOWERS}\b)[a-z])))\s+|[ \t]?/[ \t]?)"
                      rf"(?P<noun>{rates})(?![\w‑-])", re.IGNORECASE)
    comparatives = raw.get("comparatives", {})
    comparative = re.compile(
        rf"\b{_opening(comparatives)}(?P<verb>"
        + "|".join(sorted(comparatives, key=len, reverse=True) or ["(?!x)x"])
        + r")\s+(?P<follower>[A-Za-z]+)", re.IGNORECASE)
    return _Tables(number=number, candidate=candidate, qualifier_before=qualifier_before,
                   vague=vague, multiplier=multiplier,
                   ratio_followers=followers,
                   elliptic=frozenset(q.lower() for q in raw.get("elliptic_qualifiers", [])),
                   referring_heads=frozenset(w.lower() for w in raw.get("referring_heads", [])),
                   discourse=frozenset(w.lower()
                                       for w in raw.get("counted", {}).get("discourse", [])),
                   least_bare_count=int(raw.get("counted", {}).get("least_bare_word_count", 0)),
                   page_count=page_count, share=share, share_before=share_before,
                   duration_frame=duration_frame, rate=rate,
                   number_keys=_first_keys(t.number_words),
                   vague_keys=_first_keys(t.vague), multiplier_keys=_first_keys(t.multipliers),
                   comparative_keys=_first_keys(comparatives),
                   comparative=comparative,
                   comparative_followers=frozenset(
                       w.lower() for w in raw.get("comparative_followers", {}).get("words", [])),
                   local_dollars=dict(raw.get("local_dollars", {})),
                   first_words={"number": first_words(t.number_words),
                                "vague": first_words(t.vague),
                                "multiplier": first_words(t.multipliers),
                                "comparative": first_words(comparatives)})


def find_figures(article: Article, actors: list[ActorMention], *,
                 statements: list[StatementMention] | None = None,
                 context: Context | None = None) -> list[FigureMention]:
    """Return the numbers with units in ``article`` (see module doc), sorted by span.

    ``statements`` (from :func:`kg.extract.statements.find_statements`) give each figure's
    ``asserted_by``; they are computed here when not passed.
    """
    ctx = context or build_context(article, actors)
    t = load_triggers()
    if statements is None:
        from .statements import find_statements

        statements = find_statements(article, actors, context=ctx)
    statements = sorted(statements, key=lambda st: (st.span.begin, st.span.end))
    found: list[FigureMention] = []
    tables = _tables()
    local_dollar = local_dollar_of(ctx, tables.local_dollars)
    bare: list[re.Match[str]] = []
    # The article's token stream (shared with the actor and material extractors) says which
    # words occur: patterns whose first word is absent are not run over the text.
    stream = token_stream(ctx.text)
    words = stream.distinct
    starts = sorted(ctx.number_starts()
                    + [c.start() for c in word_finditer(tables.candidate, stream,
                                                        tables.first_words["number"])]
                    if not tables.number_keys.isdisjoint(words) else
                    ctx.number_starts())
    k = 0
    pos = 0
    while True:
        # The leftmost match from ``pos`` holds the first number at or after it, and starts
        # at most a qualifier, "between" and a currency symbol before that number.
        while k < len(starts) and starts[k] < pos:
            k += 1
        if k == len(starts):
            break
        m = tables.number.search(ctx.text, max(pos, starts[k] - _QUALIFIED_REACH))
        if m is None:
            break
        pos = m.end()
        inside = [d for d in ctx.dates_in(max(0, m.start() - _DATE_MAX), m.end() + _DATE_MAX)
                  if d.span.begin < m.end() and m.start() < d.span.end]
        if inside:
            # A number inside a date; what follows the date is read again ("in 2010 to about
            # 60 percent").
            pos = max(m.start() + 1, min(m.end(), max(d.span.end for d in inside)))
            continue
        clock = _in_clock_time(ctx.text, m)
        if clock:
            pos = max(m.start() + 1, min(m.end(), clock))  # "19:05 GMT", "8:49PM": a time
            continue
        figure = _figure(ctx, m, local_dollar)
        if figure is None and m.group("anum") and not m.group("acur") \
                and not m.group("aunit") and not m.group("bnum"):
            bare.append(m)  # a number without a unit: a frame below may give it one
        if figure is not None:
            found.append(figure)
            if figure.span.end < m.end():
                pos = figure.span.end  # not a range: the second amount is a figure of its own
    for m in word_finditer(tables.vague, stream, tables.first_words["vague"]) \
            if not tables.vague_keys.isdisjoint(words) else ():
        unit = _unit_of(m.group("unit"))
        if unit == "ratio":
            continue  # "shared tens of thousands of times": occasions, not a ratio
        found.append(FigureMention(value=None, unit=unit,
                                   span=Span.of(ctx.text, m.start(), m.end()),
                                   about=np_after(ctx, m.end())))
    for m in word_finditer(tables.multiplier, stream, tables.first_words["multiplier"]) \
            if not tables.multiplier_keys.isdisjoint(words) else ():
        value = load_triggers().multipliers[m.group("verb").lower()]
        begin, qualifier = _qualified_start(ctx, m.start())
        found.append(FigureMention(value=value, unit="ratio",
                                   span=Span.of(ctx.text, begin, m.end()),
                                   qualifier=qualifier, about=subject_before(ctx, begin)))
    for m in word_finditer(tables.comparative, stream, tables.first_words["comparative"]) \
            if not tables.comparative_keys.isdisjoint(words) else ():
        if m.group("follower").lower() not in tables.comparative_followers:
            continue  # "met twice", "repeated it twice more": occasions
        value = Decimal(str(t.raw["figures"]["comparatives"][m.group("verb").lower()]))
        begin, qualifier = _qualified_start(ctx, m.start())
        found.append(FigureMention(value=value, unit="ratio",
                                   span=Span.of(ctx.text, begin, m.end("verb")),
                                   qualifier=qualifier, about=subject_before(ctx, begin)))
    found.extend(compound_durations(ctx.text))  # "a 60-day suspension"
    found = _without_overlaps(found)
    found = apply_frames(ctx, found, bare, FrameRules(
        number=_number, counted_noun=lambda end: counted_as(ctx, end)
        or counted_noun(ctx, end, allow_gap=True),
        is_counted=is_counted, plural=plural, numbers=tables.number,
        elliptic=tables.elliptic))
    found = without_front_repeats(ctx, without_asides(ctx, actors, found))
    restated_about(ctx, found)
    according: dict[int, str | None] = {}
    for figure in found:
        figure.asserted_by = _asserted_by(ctx, figure.span, statements, according)
    return found


@lru_cache(maxsize=1)
def _clock_time() -> re.Pattern[str]:
    """A time of day as live blogs, transcripts and press releases stamp it: "19:05",
    "8:49PM", "11:47 a.m.", "00:01:35,200" (a time code), and with a time zone or a.m./p.m.
    also "1905 GMT", "19.05 GMT", "7.05pm" (``[figures].time_zones``).  Its numbers count
    nothing."""
    zones = "|".join(re.escape(z) for z in load_triggers().raw["figures"]["time_zones"])
    # "00:00:29,600" (a subtitle's or a log's time code, seconds and milliseconds too)
    return re.compile(r"(?<![\d:.,])(?:\d{1,2}:\d{2}:\d{2}(?:[,.]\d{1,3})?(?![\d:])"
                      r"|\d{1,2}:\d{2}(?![\d:])"
                      rf"|\d{{1,2}}[.]?\d{{2}}(?=[ \t]*(?:(?:{zones})\b|[ap]\.?m\b)))")


def _in_clock_time(text: str, m: re.Match[str]) -> int:
    """The end of the time of day the (first) number matched by ``m`` belongs to, else 0."""
    begin, end = m.span("anum") if m.group("anum") else m.span()
    # (from 9 characters before: "00:00:" before the "29,600" of a time code)
    for t in _clock_time().finditer(text, max(0, begin - 9), end + 5):
        if t.start() < end and begin < t.end():
            return t.end()
    return 0


def _qualified_start(ctx: Context, begin: int) -> tuple[int, str | None]:
    """The start of a qualifier right before ``begin`` ("more than doubled") and the
    qualifier as written, else ``begin`` and ``None``."""
    m = _tables().qualifier_before.search(ctx.text, max(0, begin - _QUALIFIED_REACH), begin)
    if m is None:
        return begin, None
    return m.start(), " ".join(m.group().lower().split())


def _figure(ctx: Context, m: re.Match[str], local_dollar: str | None = None
            ) -> FigureMention | None:
    t = load_triggers()
    text = ctx.text
    value = _number(m.group("anum"))
    if value is None:
        return None
    if THOUSANDS_POINT.fullmatch(m.group("anum")) and writes_decimal_commas(text):
        value = Decimal(m.group("anum").replace(".", ""))  # "2.500 jobs" beside "1,1 %"
    is_word = not m.group("anum")[0].isdigit()
    if not is_word and in_space_grouping(text, m.start("anum"), m.group("anum")):
        return None  # "000 tonnes" of "200 000 tonnes": a fragment of a larger number
    if is_word and m.group("anum")[0].isupper() and not _opens_sentence(text, m.start("anum")):
        return None  # "Group of Seven partners", "the Big Three": part of a name
    if is_word and _INDEFINITE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "several hundred manufacturers": no number is given
    tables = _tables()
    if tables.share_before.search(text, max(0, m.start("anum") - 24), m.start("anum")):
        return None  # "One in three": the second number of a share
    first_end = _first_amount_end(m)  # the end of the first amount, read below thrice
    if tables.page_count.match(text, first_end) and on_page_furniture(text, m.start()) \
            or _COPYRIGHT.search(
            text, text.rfind("\n", 0, m.start()) + 1, m.start()):
        return None  # "3 min read", "12 comments", "© 2000-2026": the page about itself
    if not (m.group("acur") or m.group("ascale") or m.group("aunit")):
        share = _share(ctx, m, value)
        if share is not None:
            return share
    scale = t.scales.get((m.group("ascale") or "").lower(), Decimal(1))
    if m.group("ascale") and m.group("ascale").lower() in ("m", "k", "bn", "mn", "tn", "trn") \
            and not (m.group("acur") or m.group("bcur")):
        return None  # "5m" without a currency is too ambiguous (metres, minutes)
    ranged = _is_range(ctx, m)  # asked three times below: read once
    cur = m.group("acur") or (m.group("bcur") if ranged else None)
    unit_word = (m.group("bunit") if ranged else None) or m.group("aunit")
    second = _number(m.group("bnum")) if m.group("bnum") else None
    if m.group("bnum") and second is None:
        return None
    if m.group("between") and second is None:
        return None
    end = m.end()
    if m.group("bnum") and not ranged:
        end = first_end
        second = None
        m_b_unit = None
    else:
        m_b_unit = m.group("bunit")
    unit: str | None = None
    if cur:
        unit = t.currency_symbols[cur]
        if cur == "$" and local_dollar:
            unit = local_dollar  # "$15.40" where the article writes "$US" for US dollars
    if unit_word:
        unit = _unit_of(unit_word)
        if not cur and unit_word.lower() in WEIGHT_POUNDS and weighs(text, m.start()):
            unit = "pounds"  # "a gross vehicle weight rating above 10,000 pounds"
    if unit is not None and (cur or unit_word and not is_counted(unit)) \
            and unit in _MONEY_UNITS():
        rate = tables.rate.match(text, end)
        if rate is not None:  # "$325 per kilogram": a price per quantity
            unit = f"{unit} per {_rate_noun(rate.group('noun'))}"
            end = rate.end()
        else:
            # "618,000 yuan ($88,300) per tonne": the rate follows a converted amount in
            # parentheses, and applies to both amounts (the span keeps the amount alone)
            aside = _ASIDE.match(text, end)
            if aside is not None and (aside.group("open") or text[amount_begin(m) - 1:
                                                                  amount_begin(m)] == "("):
                rate = tables.rate.match(text, aside.end())
                if rate is not None:
                    unit = f"{unit} per {_rate_noun(rate.group('noun'))}"
    counted_unit = unit is None
    duration = named_class = False
    if unit is None:
        # Durations count with a qualifier, as a range ("three to four months") or after a
        # word saying how long something lasts ("run for one year").
        lasting = (m.group("qual") and not _IN_BEFORE.search(text, max(0, m.start() - 4),
                                                               m.start())) \
            or second is not None or tables.duration_frame.search(
                text, max(0, m.start() - 24), m.start()) \
            or measured_in_time(ctx, m.start(), end) or claimed_length(ctx, m.start(), end, value)
        counted = counted_as(ctx, end, capital_first=not is_word)
        named_class = counted is not None  # "seven rare earths": elements, a defined class
        counted = counted or counted_noun(ctx, end, allow_gap=True, capital_first=not is_word)
        if counted is None and lasting:
            # "for about two months after the collision": "for" makes it a stretch of time,
            # whatever follows (without it, "two weeks after the ban" says when)
            counted = duration_after(ctx, end, spanning=m.group("qual") is not None
                                and _FOR_BEFORE.search(text, max(0, m.start() - 5),
                                                       m.start()) is not None)
            duration = counted is not None
        if counted is None:
            return None
        unit, end = counted if duration else entities_after(ctx, *counted)
    refers = _refers(ctx, m.start())  # asked three times below: read once
    if is_word and (counted_unit or not unit_word) and refers:
        return None  # "the two countries"; not "a first six-ton shipment", an amount
    if not is_word and refers and not m.group("qual") and unit_word is None \
            and cur is None and not (m.group("ascale") and _possessive_before(ctx, m.start())):
        return None  # "the 14 applications"; not "Japan's 31.65 million visitors", an amount
    if refers and _word_after(ctx, end) in _tables().referring_heads:
        return None  # "the 90% figure": a figure given before, named again
    if is_word and counted_unit and not duration and (
            value == 1 or unit in _tables().discourse or _names_a_list(ctx, m.start())
            or not named_class and _list_follows(ctx, end)
            or value < tables.least_bare_count and not m.group("qual") and second is None):
        # "One sees 60 percent" (a pronoun), "Three features stand out" (the text's own
        # parts), "gallium and germanium, two metals used in chips" (a list, counted),
        # "two business newspapers reported" (a small count that describes)
        return None
    if not is_word and not m.group("qual") and not m.group("acur") \
            and _in_a_name(ctx, m.start("anum")):
        return None  # "Nikkei 225 futures", "S&P 500 companies": the number names an index
    if unit == "ratio" and m.group("aunit") and m.group("aunit").lower() == "times" and is_word \
            and _word_after(ctx, end) not in _tables().ratio_followers:
        return None  # "met three times": occasions, not "three times the price"
    bscale = t.scales.get((m.group("bscale") or "").lower(), scale)
    low = _whole(value * scale + _added(t.scales, m, "a", scale))
    high = _whole(second * bscale + _added(t.scales, m, "b", bscale)) \
        if second is not None else None
    if second is not None and not m.group("ascale") and m.group("bscale"):
        low = _whole(value * bscale)
    del m_b_unit
    qualifier = m.group("qual").lower() if m.group("qual") else None
    begin = amount_begin(m)  # "\s?" before a number
    span = Span.of(text, begin, end)
    counted_from = first_end if high is None else max(
        m.end(g) for g in ("bnum", "bscale", "bunit") if m.group(g))
    return FigureMention(value=low, unit=unit, span=span, value_max=high, qualifier=qualifier,
                         about=about_of(ctx, span, unit, counted_from))


def _added(scales: Mapping[str, Decimal], m: re.Match[str], p: str, scale: Decimal) -> Decimal:
    """The smaller amount written after an amount's scale ("1 trillion 200 billion yen":
    200 billion), 0 when there is none or its scale is not smaller."""
    plus = m.group(f"{p}plus")
    if not plus:
        return Decimal(0)
    smaller = scales.get(m.group(f"{p}plusscale").lower(), Decimal(1))
    return Decimal(plus) * smaller if smaller < scale else Decimal(0)


def _share(ctx: Context, m: re.Match[str], value: Decimal) -> FigureMention | None:
    """"about 6 in 10", "nine out of 10": a share in percent (the second number 10, 100 or
    1,000), spanning both numbers."""
    share = _tables().share.match(ctx.text, m.end("anum"))
    if share is None:
        return None
    word = share.group("denominator").lower().replace(",", "")
    denominator = Decimal(100) if word == "a hundred" else _number(word)
    if not denominator:
        return None
    begin = amount_begin(m)
    span = Span.of(ctx.text, begin, share.end())
    qualifier = m.group("qual").lower() if m.group("qual") else None
    return FigureMention(value=_whole(value * 100 / denominator), unit="percent", span=span,
                         qualifier=qualifier, about=about_of(ctx, span, "percent"))


_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _MONEY_UNITS() -> frozenset[str]:  # noqa: N802 - a constant computed once
    t = load_triggers()
    return frozenset(t.currency_symbols.values()) | frozenset(t.currency_words.values())


_LIST_AFTER = re.compile(r"[^.;:!?\n]{0,100}(?:(?::|\s--|\s?[—–])\s*[^.;:!?\n]*,[^.;:!?\n]*"
                         r"\b(?:and|or)\b|:[ \t]*\n)")
"""A list after a colon in the sentence, or a colon ending the line (a bulleted list)."""


def _list_follows(ctx: Context, end: int) -> bool:
    """A count whose sentence goes on to list what it counts after a colon ("three materials
    that sit at the heart of chip production: fluorinated polyimide, photoresists and
    hydrogen fluoride", or "Two outcomes are possible:" over bullets on the lines below):
    the count announces the list, it measures nothing."""
    return _LIST_AFTER.match(ctx.text, end) is not None


def _is_range(ctx: Context, m: re.Match[str]) -> bool:
    """"60-70%", "60 to 70 percent", "between 60 and 70": one amount with two ends.

    Not a range: "rose 35% to 305 metric tons" (a change then a level: different units, or a
    change verb before), "2 and 3" without "between".
    """
    if not m.group("bnum"):
        return False
    low, high = _number(m.group("anum")), _number(m.group("bnum"))
    if low is not None and high is not None:
        scales = load_triggers().scales
        high_scale = scales.get((m.group("bscale") or "").lower(), Decimal(1))
        low_scale = scales.get((m.group("ascale") or "").lower(), high_scale)
        if high * high_scale < low * low_scale:
            return False  # "from about 90% to around 60%": a fall, two figures
    stop = m.start("qual2") if m.group("qual2") else (
        m.start("bcur") if m.group("bcur") else m.start("bnum"))
    joiner = m.string[_first_amount_end(m):stop]
    joiner = joiner.strip().lower()
    a_unit = m.group("aunit") or m.group("acur")
    b_unit = m.group("bunit") or m.group("bcur")
    if a_unit and b_unit and _unit_of(a_unit) != _unit_of(b_unit):
        return False
    if joiner == "and":
        return bool(m.group("between"))
    if joiner == "to":
        before = m.string[max(0, m.start() - 30):m.start()]
        if CHANGE_VERBS.search(before) or moves_from(before):
            return False  # "rose 35% to 305 tons"; "went from about $3 to nearly $12"
        # "deposits of 30.6% to 39.0%", "from 60% to 70%": a range (a fall, "from 90% to
        # 60%", and a change, "cut 20% to 10%", were ruled out above).
        return True
    return True


@lru_cache(maxsize=1)
def _index_name() -> re.Pattern[str]:
    figures = load_triggers().raw["figures"]
    names = [*figures.get("index_names", []), *figures.get("designators", [])]
    return re.compile(rf"(?<![\w&])(?:{phrase_alternation(names) or '(?!x)x'})[ \t]$")


def _in_a_name(ctx: Context, begin: int) -> bool:
    """Whether the number at ``begin`` ends the name of a stock index ("Nikkei 225
    futures", "S&P 500 companies", ``[figures].index_names``) or a designation ("Model 3
    sedans", "Section 301 tariffs", ``[figures].designators``)."""
    before = ctx.text[max(0, begin - 2):begin]
    if len(before) < 2 or before[1] not in " \t" or not before[0].isalnum() \
            and before[0] not in "&.":
        return False  # most numbers: no word right before them
    return _index_name().search(ctx.text, max(0, begin - 24), begin) is not None


def _opens_sentence(text: str, begin: int) -> bool:
    """Whether only a bullet, a quotation mark or nothing stands between the start of the
    sentence (or line) and ``begin``."""
    i = begin - 1
    while i >= 0 and text[i] in " \t\"“‘'(•*-–—":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


_LIST_BEFORE = re.compile(r"[A-Za-z][\w’'-]*\s+(?:and|or)\s+[A-Za-z][\w’'-]*\s*,\s*$")


def _names_a_list(ctx: Context, begin: int) -> bool:
    """A small count in apposition to the list before it ("gallium and germanium, two
    metals used in chips"): it describes the list, it measures nothing."""
    return _LIST_BEFORE.search(ctx.text, max(0, begin - 60), begin) is not None


_ASIDE = re.compile(r"(?P<open>[ \t]*\([^()\n]{1,30}\))|\)")
"""A converted amount in parentheses after an amount (" ($88,300)"), or the end of the
parentheses around the converted amount itself."""


def _first_amount_end(m: re.Match[str]) -> int:
    return max(m.end(g) for g in ("anum", "ascale", "aplusscale", "aunit") if m.group(g))


def _number(token: str | None) -> Decimal | None:
    if not token:
        return None
    lower = token.lower()
    words = load_triggers().number_words
    if lower in words:
        return words[lower]
    if _DECIMAL_COMMA.fullmatch(token):
        return Decimal(token.replace(",", "."))  # "2,5 billion": a decimal comma
    try:
        return Decimal(token.replace(",", ""))
    except ArithmeticError:
        return None


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
"""A number with a decimal comma; the number pattern takes one only before a scale word."""


def _whole(value: Decimal) -> Decimal:
    """``9E+12`` -> ``9000000000000``; ``3.80`` -> ``3.8``."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _rate_noun(noun: str) -> str:
    """The quantity of a price as the graph names it (``[figures].rate_units``: "a
    kilogram", "/kg" -> ``kg``; "tonnes" -> ``tonne``), else the noun as written."""
    key = " ".join(noun.split())
    return load_triggers().raw["figures"].get("rate_units", {}).get(key.lower(), key)


def _unit_of(word: str) -> str:
    t = load_triggers()
    key = " ".join(word.lower().replace("’", "'").split())
    key = key.replace("‑", "-")
    if key in t.units:
        return t.units[key]
    if key in t.currency_words:
        return t.currency_words[key]
    for name, unit in t.currency_words.items():
        if name.lower() == key:
            return unit
    return key


_WORD = re.compile(r"\s*([A-Za-z][\w’'‑-]*)")
_IN_BEFORE = re.compile(r"(?<![\w])in\s+$", re.IGNORECASE)
""""the first shipments in more than two years": the time since, not a length claimed."""
_INDEFINITE_BEFORE = re.compile(r"(?<![\w])(?:several|a few|many)\s+$", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"(?<![\w])for\s+$", re.IGNORECASE)
def _word_after(ctx: Context, offset: int) -> str:
    m = _WORD.match(ctx.text, offset)
    return m.group(1).lower() if m else ""


def _refers(ctx: Context, begin: int) -> bool:
    """A determiner or a possessive right before the number: "the two countries"."""
    # The word is what ``re.search(r"([\w.’'-]+)\s*$", window)`` finds: the run of word
    # characters that only white space follows, read from the reversed window (a search
    # for "...$" tries every position of the window).
    m = _LAST_WORD_REVERSED.match(ctx.text[max(0, begin - 30):begin][::-1])
    if m is None:
        return False
    word = m.group(1)[::-1].lower()
    return word in load_triggers().determiners or word.endswith(("'s", "’s"))


_LAST_WORD_REVERSED = re.compile(r"\s*([\w.’'-]+)")


def _possessive_before(ctx: Context, begin: int) -> bool:
    """Whether the word right before ``begin`` is a possessive ("Japan's")."""
    return ctx.text[max(0, begin - 4):begin].rstrip().endswith(("'s", "’s"))


def _without_overlaps(found: list[FigureMention]) -> list[FigureMention]:
    ordered = sorted(found, key=lambda f: (f.span.begin, -f.span.end))
    kept: list[FigureMention] = []
    for figure in ordered:
        if kept and figure.span.begin < kept[-1].span.end:
            continue
        kept.append(figure)
    return kept


def _asserted_by(ctx: Context, span: Span, statements: list[StatementMention],
                 sources: dict[int, str | None]) -> str | None:
    """The speaker of the statement holding ``span``, else the "according to" source of its
    sentence (kept in ``sources`` by the sentence's start, found once per sentence)."""
    claimant = _claimed_by().match(ctx.text, span.end)
    if claimant is not None:
        # "not the 40% claimed by European producers": theirs (when they are an actor),
        # never the speaker's, who cites it to reject it.
        mention = ctx.actor_at(claimant.end())
        return mention.name if mention is not None else None
    i = bisect.bisect_right(statements, span.begin, key=lambda st: st.span.begin)
    for statement in statements[max(0, i - _ENCLOSING_REACH):i]:
        if statement.span.begin <= span.begin and span.end <= statement.span.end:
            return statement.speaker
    sentence = ctx.sentence_of(span.begin)
    if sentence is None:
        return None
    if sentence.begin not in sources:  # a sentence often holds several figures
        sources[sentence.begin] = _according_source(ctx, sentence)
    return sources[sentence.begin]


@lru_cache(maxsize=1)
def _claimed_by() -> re.Pattern[str]:
    """Right after a figure: up to two words, a participle of ``[figures] claimed_by`` and
    "by" ("40% claimed by", "2 million tonnes figure given by"), to the next word."""
    words = load_triggers().raw["figures"]["claimed_by"]
    return re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + phrase_alternation(words)
                      + r")\s+by\s+(?:the\s+)?", re.IGNORECASE)


def _according_source(ctx: Context, sentence: Span) -> str | None:
    """The actor named after the first "according to" of ``sentence`` that names one."""
    for m in load_triggers().according_regex.finditer(ctx.text, sentence.begin, sentence.end):
        mention = ctx.actor_after(m.end())
        if mention is not None:
            return mention.name
    return None


def prepare() -> None:
    """Build the figure tables and patterns now (cached once per process; see
    :func:`kg.extract.prepare`)."""
    for build in (_tables, _clock_time, _index_name, _claimed_by):
        build()
