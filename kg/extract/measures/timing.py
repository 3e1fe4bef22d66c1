"""When a measure was taken and where it stands: its date, its status, its outlet.

See :mod:`kg.extract.measures` for the rules; cue words are in ``[measures.status]`` and
``[measures.timing]`` of ``kg/data/triggers.toml``.
"""

from __future__ import annotations

import datetime as dt
import re

from ...model import ActorType, MeasureStatus, PartialDate, Span, StatementMention
from ..context import Context
from ..dates import DateMention
from ..triggers import load_triggers
from .candidate import ONE_OFF, TRADE, Candidate, enclosing, period, same_sentence
from .hedges import is_weighed
from .rules import measure_rules

_PERIOD_BEFORE = re.compile(r"\b(?:beginning|starting|ending|until|till|through|throughout|by|"
                            r"since|for)\s+(?:in\s+|on\s+)?$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:after|before|since|when|while|following|until|once)\b",
                          re.IGNORECASE)
_REPORTS_SAY = re.compile(r"\s*according\s+to\s+(?:an?\s+|the\s+|some\s+|media\s+|press\s+)?"
                          r"(?:unconfirmed\s+)?reports?\b", re.IGNORECASE)
"""A sentence opening "According to reports, ...": what follows is reported."""
_WHEN_CLAUSE = re.compile(r"(?:\s+[\w’'-]+){0,5},?\s+when\s+(?:[\w’'-]+\s+){0,3}",
                          re.IGNORECASE)
"""Between a date and the head: "in 2010, when China halted": the date is the clause's."""
_STATUS_WINDOW_BEFORE = 10
_STATUS_WINDOW_AFTER = 5
_SINCE_REACH = 4
"""Words between a head and "since <date>" for the date to be the measure's start."""
_LONG_PAST_MONTHS = 12
_ADJACENT = re.compile(r"[\s,]*")


# -- status -----------------------------------------------------------------------------------

def measure_status(ctx: Context, c: Candidate) -> MeasureStatus:
    """The status cue words near the head give (see package doc), else the type's default."""
    t = load_triggers()
    default = t.status_defaults.get(c.type, c.status)
    if c.precedent is not None:
        return MeasureStatus.HISTORICAL
    text = ctx.text
    before = text[c.sentence.begin:c.extent.begin].split()[-_STATUS_WINDOW_BEFORE:]
    after = text[c.extent.end:c.sentence.end].split()[:_STATUS_WINDOW_AFTER]
    window = " ".join([*before, text[c.extent.begin:c.extent.end], *after])
    if is_weighed(ctx, c):
        return MeasureStatus.UNDER_CONSIDERATION
    c.lasting = measure_rules().lasting.search(window) is not None
    found = next(((s, r) for s, r in t.status_regexes if r.search(window)), None)
    if found is not None and found[0] in (MeasureStatus.HISTORICAL,
                                          MeasureStatus.UNDER_CONSIDERATION):
        return found[0]
    relayed = _relayed_act(ctx, c)
    if c.question or (c.type in TRADE and _from_outlet(ctx, c) and not relayed) or \
            _REPORTS_SAY.match(c.sentence.text):
        return MeasureStatus.REPORTED
    if relayed and found is not None and found[0] is MeasureStatus.REPORTED:
        found = None  # "Kyodo reported that China announced a ban": announced, not rumoured
    if c.type not in ONE_OFF:
        effective = _effective_date(ctx, c)
        if effective is not None and ctx.anchor is not None:
            c.lasting = True
            first, _ = period(effective)
            return MeasureStatus.IN_FORCE if first <= ctx.anchor else MeasureStatus.ANNOUNCED
    if found is not None:
        if found[0] is MeasureStatus.IN_FORCE and c.type in ONE_OFF:
            return default  # a protest or a drill happens; it is not "in force"
        return found[0]
    return default


def _from_outlet(ctx: Context, c: Candidate) -> bool:
    """"China has told Japan it is suspending imports, Kyodo News reported": a measure
    known from an outlet's report."""
    statement = c.statement
    return statement is not None and statement.speaker is not None and \
        ctx.type_of(statement.speaker) is ActorType.MEDIA


def _relayed_act(ctx: Context, c: Candidate) -> bool:
    """"Xinhua reported that the ministry announced a ban": an outlet relays an official
    act (a verb of ``[measures.anaphora].verbs`` before the measure in its words)."""
    if not _from_outlet(ctx, c):
        return False
    assert c.statement is not None
    lead = ctx.text[c.statement.span.begin:c.extent.begin].lower().split()
    return bool(measure_rules().anaphor_verbs.intersection(w.strip(",.") for w in lead))


def _effective_date(ctx: Context, c: Candidate) -> PartialDate | None:
    """The date a cue ("effective", "taking effect on") says the measure takes effect; a
    yearless one ("effective Aug. 1") is the first such day on or after the measure's own
    date when it has one."""
    rules = measure_rules()
    for mention in ctx.dates_in(c.extent.begin, c.sentence.end):
        lead = ctx.text[max(c.sentence.begin, mention.span.begin - 30):mention.span.begin]
        if not rules.effective.search(lead):
            continue
        date = mention.date
        if mention.relative and date.month is not None and c.date is not None and \
                c.date.month is not None and re.search(r"\d", mention.span.text) and \
                not re.search(r"\b\d{4}\b", mention.span.text):
            year = c.date.year + (1 if (date.month, date.day or 1) < (c.date.month,
                                                                      c.date.day or 1) else 0)
            date = PartialDate(year, date.month, date.day)
        return date
    return None


def is_long_past(ctx: Context, c: Candidate) -> bool:
    """A measure dated more than a year before the article's anchor is a precedent, unless
    a cue says it lasts ("since", "effective", "remains") or it is an entry of a list of
    measures still in place."""
    anchor = ctx.anchor
    if c.date is None or anchor is None or (c.entry is not None and c.entry.kind is not None):
        return False
    if c.lasting and c.status is MeasureStatus.IN_FORCE:
        return False
    last_month = c.date.month or 12
    return (anchor.year - c.date.year) * 12 + anchor.month - last_month > _LONG_PAST_MONTHS


# -- date -------------------------------------------------------------------------------------

def measure_date(ctx: Context, c: Candidate, statements: list[StatementMention],
                 candidates: list[Candidate], *, dateline: Span | None = None
                 ) -> PartialDate | None:
    """The date of the measure (see package doc): the announcement date of its sentence,
    else its effective date, else a date a "day after" clause implies, else its timeline
    entry's date; never ``dateline``, the span of a date heading the article alone."""
    if c.precedent is not None:
        return c.precedent
    text = ctx.text
    others_c = same_sentence(candidates, c)
    others = [o.head for o in others_c]
    best: tuple[int, int, PartialDate] | None = None
    rules = measure_rules()
    for span, date in _merged_dates(ctx, c):
        if dateline is not None and span.begin <= dateline.begin < span.end:
            continue  # the article's own date
        lead = text[max(c.sentence.begin, span.begin - 30):span.begin]
        since = rules.since.search(lead) is not None and span.begin >= c.extent.end and \
            len(text[c.extent.end:span.begin].split()) <= _SINCE_REACH + 1
        if _PERIOD_BEFORE.search(lead[-25:]) and not since:
            continue
        heading = c.entry is not None and span.begin == c.entry.head_span.begin
        if not _may_date(ctx, c, span, statements, others, since=since, heading=heading):
            continue
        if any(_modifies(ctx, o, span) for o in others_c):
            continue  # "China's April 2025 controls": another measure's date
        effective = rules.effective.search(lead) is not None
        distance = min(abs(span.begin - c.extent.end), abs(span.end - c.extent.begin))
        rank = (int(effective), distance)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], date)
    if best is not None:
        return best[2]
    shifted = _offset_date(ctx, c)
    if shifted is not None:
        return shifted
    entry = c.entry
    if entry is not None and (entry.head_span.begin < c.sentence.begin or not _SUBORDINATE.search(
            text[entry.head_span.end:c.extent.begin])):
        return entry.head
    return None


def _merged_dates(ctx: Context, c: Candidate) -> list[tuple[Span, PartialDate]]:
    """The sentence's dates, with adjacent expressions of one date ("on 6th this month",
    "Tuesday, Jan. 6") merged into the most precise of them; the dateline left out."""
    merged: list[tuple[Span, PartialDate]] = []
    last: DateMention | None = None
    for mention in ctx.dates_in(c.sentence.begin, c.sentence.end):
        if ctx.is_dateline(mention.span):
            last = None
            continue  # the article's own date in a dateline, not the measure's
        if last is not None and _ADJACENT.fullmatch(ctx.text, last.span.end, mention.span.begin):
            span, date = merged[-1]
            if _precision(mention.date) > _precision(date):
                date = mention.date
            merged[-1] = (Span.of(ctx.text, span.begin, mention.span.end), date)
        else:
            merged.append((mention.span, mention.date))
        last = mention
    return merged


def _precision(date: PartialDate) -> int:
    return 2 if date.day is not None else 1 if date.month is not None else 0


def _may_date(ctx: Context, c: Candidate, span: Span, statements: list[StatementMention],
              others: list[Span], *, since: bool, heading: bool) -> bool:
    """Whether a date of the sentence can be the measure's (see package doc)."""
    text = ctx.text
    own = c.statement
    holder = enclosing(statements, span)
    if holder is not None and holder is not own:
        return False  # a date of other reported words
    if own is not None and holder is None:
        lead = text[own.span.begin:c.head.begin]
        if _SUBORDINATE.search(lead):
            return False  # "..., days after forces conducted drills": not the report's date
        if ctx.root(own.speaker) != ctx.root(c.issuer) and \
                ctx.type_of(own.speaker) is not ActorType.MEDIA:
            return False  # a third party's words date the words, not the measure
    if not c.governed and span.end <= c.extent.begin and holder is None and \
            not heading and not _modifies(ctx, c, span):
        return False  # "filed a complaint on Wednesday over Japan's curbs": the filing's date
    lo, hi = sorted((span.end, c.head.begin))
    if any(lo < o.begin < hi for o in others):
        return False  # another measure stands between: the date is that one's
    if since or (span.end <= c.head.begin and _WHEN_CLAUSE.fullmatch(text[span.end:c.head.begin])):
        return True  # "controlled since 2023", "in 2010, when China halted ...": its own date
    return not _SUBORDINATE.search(text[lo:hi])


def _modifies(ctx: Context, c: Candidate, span: Span) -> bool:
    """"Beijing's Nov. 14 advisory", "China's April 2025 controls": a date inside the noun
    phrase of the measure."""
    if span.end > c.extent.begin:
        return False
    between = ctx.text[span.end:c.extent.begin]
    return re.fullmatch(r"\s*(?:[\w-]+\s+){0,1}", between) is not None and \
        re.search(r"(?:['’]s|\b(?:the|its|their|a|an))\s+$",
                  ctx.text[max(c.sentence.begin, span.begin - 12):span.begin]) is not None


def _offset_date(ctx: Context, c: Candidate) -> PartialDate | None:
    """"Dec. 3: a ban ..., a day after Washington tightened its chip controls": the main
    clause's day shifted by the offset."""
    rules = measure_rules()
    before = ctx.text[c.sentence.begin:c.extent.begin]
    found = None
    for m in rules.offset.finditer(before):
        found = m
    if found is None or re.search(r"[;.]", before[found.end():]):
        return None
    reference: PartialDate | None = None
    for mention in ctx.dates_in(c.sentence.begin, c.sentence.begin + found.start()):
        if mention.date.day is not None:
            reference = mention.date
    if reference is None and c.entry is not None and c.entry.head.day is not None:
        reference = c.entry.head
    if reference is None:
        return None
    number = found.group("n").lower()
    count = int(number) if number.isdigit() else rules.offset_numbers[number]
    days = count * (7 if found.group("u").lower().startswith("week") else 1)
    sign = -1 if found.group("dir").lower() == "after" else 1
    day = dt.date(reference.year, reference.month or 1, reference.day or 1)
    return PartialDate.from_date(day + dt.timedelta(days=sign * days))


# -- via --------------------------------------------------------------------------------------

def measure_via(ctx: Context, c: Candidate) -> str | None:
    """The outlet or source through which the measure is known."""
    if c.statement is not None and c.statement.speaker and \
            ctx.type_of(c.statement.speaker) is ActorType.MEDIA:
        return c.statement.speaker
    if c.statement is not None and c.statement.via:
        return c.statement.via
    for m in load_triggers().according_regex.finditer(ctx.text, c.sentence.begin, c.sentence.end):
        mention = ctx.actor_after(m.end())
        if mention is not None and mention.name != c.issuer:
            return mention.name
    return None
