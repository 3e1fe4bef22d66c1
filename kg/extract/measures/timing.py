"""When a measure was taken: its date, and the outlet it is known through.

See :mod:`kg.extract.measures` for the rules; cue words are in ``[measures.timing]`` of
``kg/data/triggers.toml``; :mod:`.status` says where the measure stands.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta

from ...model import ActorType, MeasureStatus, MeasureType, PartialDate, Span, StatementMention
from ..context import Context
from ..dates import BOUNDS_STATE, DateMention
from ..triggers import load_triggers
from .candidate import PREPOSITION_BEFORE, Candidate, enclosing, period, same_sentence
from .rules import measure_rules
from .status import undoes

_PERIOD_BEFORE = re.compile(r"\b(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["timing"]["period_words"]))
                            + r")\s+(?:in\s+|on\s+|into\s+)?$", re.IGNORECASE)
"""Before a date that bounds a period ("until Nov. 27", "drills continuing the next day")."""
_TITLED_YEAR = re.compile(r"\b[A-Z][\w-]*\s+(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["timing"]["titled_instruments"]))
                          + r")\s+of\s+$")
"""Before a year that is part of an instrument's title ("the Trade Expansion Act of 1962")."""
_ISSUING_VERBS = "|".join(map(re.escape,
                              load_triggers().raw["measures"]["timing"]["issuing_verbs"]))
_ISSUING = re.compile(r"(?<![\w-])(?:" + _ISSUING_VERBS + r")(?![\w-])")
"""A verb of issuing an act (see :func:`_issued_before`)."""
_SUBORDINATE = re.compile(r"(?<![\w-])(?:after|before|since|when|while|following|until|once)"
                          r"(?![\w-])|"  # not inside "never-before-used"
                          r",\s+as\s+(?!well\b|part\b|of\b)", re.IGNORECASE)
_WITH_PHRASE = re.compile(r",\s+with\s+(?!effect\b|immediate\b)", re.IGNORECASE)
"""A phrase of another event after the measure ("..., with live-fire exercises the
following day"): a date in it is that event's."""
_WHEN_CLAUSE = re.compile(r"(?:\s+[\w’'-]+){0,5},?\s+when\s+(?:[\w’'-]+\s+){0,8}",
                          re.IGNORECASE)
"""Between a date and the head: "in 2010, when China halted": the date is the clause's."""
_SINCE_REACH = 4
"""Words between a head and "since <date>" for the date to be the measure's start."""
_ADJACENT = re.compile(r"[\s,]*")
_FISCAL = re.compile(r"\b(?:fiscal(?:\s+year)?|FY|financial\s+year|budget\s+year)\s*$|"
                     r"\b(?:fiscal|financial)\s+year\s+(?:that|which)\s+(?:starts|begins|"
                     r"runs|started|began)\s+(?:in|on|from)\s+$", re.IGNORECASE)
PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ught|ade|ut)\b")
"""A verb in the past perfect: told as before the time the text stands at."""
_TOPIC = re.compile(r"\b(?:question|questions|asked|asking|commenting|comment|comments|"
                    r"responding|response)\s+(?:\w+\s+){0,3}?(?:about|on|regarding|over|to)\b|"
                    r"\babout\s+(?:that|how|the\s+fact\s+that)\b", re.IGNORECASE)
""""said on Wednesday, in response to a question about the protest", "in the press
conference of 7th morning, about that the ministry announced a ban" (machine
translation): the date is the answer's, the measure the topic."""
_COORDINATE = re.compile(r",\s+(?:and|but|while|whereas|although)\s+", re.IGNORECASE)
_COORDINATE_ANY = re.compile(r",|\band\b", re.IGNORECASE)
_DATE_OPENS = re.compile(r"(?:(?:on|in|at|by|late|early)\s+)?", re.IGNORECASE)
_CLAUSE_CUT_STRICT = re.compile(r"[;:.]|\s[—–]\s")
_CLOSED_ASIDE = re.compile(r"\s*,[^,;:]*\b(?:after|before|following|since|when|while)\b[^,;:]*,"
                           r"\s*(?:[^\s,;:]+\s+){0,8}?", re.IGNORECASE)
_YEAR_MODIFIER = re.compile(r"(?:['’]s|\b(?:the|a|an|its|their|this|that))\s+"
                            r"(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_YEAR_BRACKETED = re.compile(r"\s*\((?P<year>(?:19|20)\d\d)\)")
""""Peru's copper ore ban (2019)": a bare year in brackets right after the noun phrase."""
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|mid-?\s*|late\s+)?$", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")
_NARRATIVE_MONTH = re.compile(r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)[\s-]+)?"
                              r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
                              r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:that|the\s+same)\s+year)?",
                              re.IGNORECASE)
_LATER = re.compile(r"\b(?:the\s+(?:(?P<same>same)|following|next)\s+(?:day|evening|morning|night|"
                    r"afternoon)|(?P<n>" + "|".join(map(
                        re.escape, load_triggers().raw["measures"]["timing"]["later_numbers"]))
                    + r"|\d+)\s+(?P<u>" + "|".join(map(
                        re.escape, load_triggers().raw["measures"]["timing"]["later_units"]))
                    + r")\s+later)\b", re.IGNORECASE)
""""the following day", "the same evening", "a month later": relative to the date before."""
_REFERENCE_REACH = 1500
_AND = re.compile(r"\band\b")
_ELLIPTIC_HEAD = re.compile(r",?\s+(?:came\s+)?(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}")
_CLAUSE_OPENING = re.compile(r"(?:^|[;:](?:\*\*|__)?)\s*(?:(?:in|on|by|from|then|and|later)\s+)*$",
                             re.IGNORECASE)
""""...; in December, a ban ...": a date opening a clause that only names a measure (also
after a bold speaker label: "**Q:** On 6 August a 50% duty took effect")."""


# -- date -------------------------------------------------------------------------------------

def measure_date(ctx: Context, c: Candidate, statements: list[StatementMention],
                 candidates: list[Candidate], *, dateline: Span | None = None,
                 weighed: bool = False) -> PartialDate | None:
    """The date of the measure (see package doc): the announcement date of its sentence,
    else its effective date (the article's own date when that lies after it), else a date
    a "day after" clause implies, else its timeline entry's date; never ``dateline``, the
    span of a date heading the article alone.
    ``weighed``: the measure is under consideration, so an outlet's day of reporting it
    is not its date (see :func:`reported_consideration`)."""
    if c.precedent is not None:
        return c.precedent
    text = ctx.text
    others_c = same_sentence(candidates, c)
    best: tuple[int, int, PartialDate] | None = None
    rules = measure_rules()
    year = _attributive_year(ctx, c)  # "Japan's 2019 restrictions"
    own = rules.own_clause.match(text, c.extent.end, c.sentence.end)
    precise: list[PartialDate] = []
    starts_ahead = False
    for span, date in _merged_dates(ctx, c, year.year if year else None):
        if dateline is not None and span.begin <= dateline.begin < span.end:
            continue  # the article's own date
        lead = text[max(c.sentence.begin, span.begin - 30):span.begin]
        since = rules.since.search(lead) is not None and span.begin >= c.extent.end and \
            len(text[c.extent.end:span.begin].split()) <= _SINCE_REACH + 1
        when = span.end <= c.head.begin and \
            _WHEN_CLAUSE.fullmatch(text[span.end:c.head.begin]) is not None
        effective = rules.effective.search(lead) is not None
        ahead = effective and _after_writing(ctx, date)  # "from Wednesday", "starting Dec. 1"
        if (_PERIOD_BEFORE.search(lead[-25:]) and not since and not when and not ahead) or \
                _FISCAL.search(lead):
            continue  # "until Nov. 27", "for fiscal 2026": a period, not the measure's day
        if span.begin >= c.extent.end and undoes(c) and \
                rules.undone_own.match(text, c.extent.end, span.begin) is not None:
            continue  # "agreed to lift part of a ban imposed in 2023": the ban's own date
        if span.end <= c.head.begin and _names_undone(ctx, c, span):
            continue  # "The package of Oct. 9, 2025 ... was suspended": the package's date
        titled = _TITLED_YEAR.search(lead)
        if titled is not None and span.end - span.begin == 4 and \
                not span.begin - len(lead) + titled.start() <= c.head.begin < span.end:
            continue  # "acting under the Trade Expansion Act of 1962": the Act's name, not a date
        if _bracketed_for_another(text, c, span):
            continue  # "controls on gallium (August 2023), graphite (December 2023)"
        heading = c.entry is not None and span.begin == c.entry.head_span.begin
        if not _may_date(ctx, c, span, statements, others_c, since=since, heading=heading,
                         weighed=weighed):
            continue
        if any(_modifies(ctx, o, span) or _in_own_clause(ctx, o, span) for o in others_c):
            continue  # "China's April 2025 controls", "the reminder issued on Nov. 14": another's
        if ahead:
            # "will impose duties ... from Wednesday", "will need permits from Dec. 1": the
            # day it starts, after the day of writing, is not the day it was announced
            starts_ahead = True
            continue
        distance = min(abs(span.begin - c.extent.end), abs(span.end - c.extent.begin))
        if own is not None and c.extent.end <= span.begin < own.end() or since:
            # "the ban ... it imposed in 2023": its own clause's date; "has required
            # licences for X since August 2023": the day its state began, over a nearer
            # date of another clause ("before Tuesday's step: China has required ...")
            distance = -1
        rank = (int(effective), distance)
        if not effective and date.month is not None:
            precise.append(date)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], date)
    if best is not None and best[2].month is None:
        # "on Jan. 6 published its first announcement of 2026", "today issued Announcement
        # No. 1 of 2026": a bare year is refined by a day of that year the sentence names
        refined = [d for d in precise if d.year == best[2].year]
        if refined:
            best = (best[0], best[1], refined[0])
    if year is not None:
        # "Japan's 2019 restrictions ..., which Tokyo tightened in July that year"
        return best[2] if best is not None and best[2].year == year.year else year
    if best is not None:
        return best[2]
    if starts_ahead:
        issued = _issued_before(ctx, c, candidates, dateline)
        if issued is not None:
            return issued  # "Last Friday, X issued Announcement No. 39. From 1 December ..."
    if starts_ahead and ctx.article.metadata.date is not None:
        # announced, to start after the day of writing: announced by that day, the
        # article's own (not a dateline's: a wire's yearless dateline is not the story's day)
        return PartialDate.from_date(ctx.article.metadata.date)
    shifted = _offset_date(ctx, c) or _relative_day(ctx, c) or _fronted_year(ctx, c)
    if shifted is not None:
        return shifted
    entry = c.entry
    if reported_by_outlet_as_past(ctx, c):
        return None  # "- Jan. 7: The Journal reports that reviews have slowed": the report's day
    if entry is not None and (entry.head_span.begin < c.sentence.begin or
                              _main_clause(text[entry.head_span.end:c.extent.begin])):
        return entry.head
    return None


_UNDONE_DATE_BEFORE = re.compile(
    r"(?:\b(?:of|from)|\b(?:" + _ISSUING_VERBS + "|" + "|".join(map(
        re.escape, load_triggers().raw["measures"]["timing"]["imposing_verbs"]))
    + r")\s+(?:on|in))\s+$", re.IGNORECASE)
_UNDONE_DATE_ATTRIBUTIVE = re.compile(r"\b(?:an?|the|its|their)\s+$", re.IGNORECASE)


def _names_undone(ctx: Context, c: Candidate, span: Span) -> bool:
    """A date before the head of a measure suspending or lifting another, in the noun
    phrase naming that other ("the package of Oct. 9, 2025, which ..., was suspended", "a
    package announced in October 2025 was suspended", "An October 2025 package ..., but
    Beijing suspended it"): the undone measure's date, not the undoing's."""
    first = c.head.text.split()[0].lower() if c.head.text.split() else ""
    rules = measure_rules()
    if c.type is not MeasureType.OTHER or (first not in rules.suspending and
                                           first not in rules.undoing):
        return False
    before = ctx.text[max(c.sentence.begin, span.begin - 30):span.begin]
    if _UNDONE_DATE_BEFORE.search(before):
        return True
    # an attributive date: a determiner before it, a noun right after ("An October 2025
    # package")
    return _UNDONE_DATE_ATTRIBUTIVE.search(before) is not None and \
        re.match(r"\s+[a-z]", ctx.text[span.end:span.end + 3]) is not None


def _issued_before(ctx: Context, c: Candidate, candidates: list[Candidate],
                   dateline: Span | None) -> PartialDate | None:
    """The day the sentence before ``c``'s, in its paragraph and with no measure of its
    own, issues an act ("Last Friday, the ministry issued Announcement No. 39."): the day a
    measure told next, to start after the day of writing, was announced.  One dated day or
    month, on or before the anchor, else none."""
    before = ctx.text[:c.sentence.begin].rstrip()
    previous = ctx.sentence_of(len(before) - 1) if before else None
    if previous is None or ctx.paragraph_of(previous.begin) != ctx.paragraph_of(c.head.begin) \
            or any(o.sentence == previous for o in candidates) \
            or _ISSUING.search(ctx.text, previous.begin, previous.end) is None:
        return None
    days = [d.date for d in ctx.dates_in(previous.begin, previous.end)
            if d.date.month is not None and not ctx.is_dateline(d.span)
            and (dateline is None or not d.span.begin <= dateline.begin < d.span.end)]
    if len(days) != 1 or ctx.anchor is None or period(days[0])[0] > ctx.anchor:
        return None
    return days[0]


def _after_writing(ctx: Context, date: PartialDate) -> bool:
    """Whether ``date`` begins after the article's own date."""
    own = ctx.article.metadata.date
    return own is not None and period(date)[0] > own


_BRACKET_OPEN = re.compile(r"\(\s*(?:[a-z]+\s+){0,2}$")


def _bracketed_for_another(text: str, c: Candidate, span: Span) -> bool:
    """Whether a date in brackets after the measure follows another item of a list than
    the measure ("controls on gallium (August 2023), graphite (December 2023)": the second
    date is graphite's)."""
    if span.begin < c.extent.end:
        return False
    bracket = _BRACKET_OPEN.search(text, max(c.extent.end, span.begin - 20), span.begin)
    if bracket is None or text.find(")", span.end, span.end + 3) < 0:
        return False
    return re.search(r"[,;]|\band\b", text[c.extent.end:bracket.start()]) is not None


def reported_consideration(ctx: Context, c: Candidate) -> bool:
    """Whether a dated measure under consideration is known from an outlet's report, so
    that its date may be only the report's day (``measure_date(..., weighed=True)``)."""
    return c.date is not None and c.status is MeasureStatus.UNDER_CONSIDERATION and \
        reported_by_outlet(ctx, c)


def reported_by_outlet_as_past(ctx: Context, c: Candidate) -> bool:
    """An outlet reports the measure as done ("The Journal reports that reviews have
    slowed"): the day of the report is not the measure's."""
    return reported_by_outlet(ctx, c) and _told_as_past(ctx, c)


def reported_by_outlet(ctx: Context, c: Candidate) -> bool:
    """Whether the measure is known only from the words of an outlet's report."""
    own = c.statement
    return own is not None and own.speaker is not None and \
        ctx.type_of(own.speaker) is ActorType.MEDIA and ctx.root(own.speaker) != \
        ctx.root(c.issuer)


_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_PAST_BEFORE_HEAD = re.compile(r"\b(?:(?:has|have|had)(?:\s+been)?(?:\s+begun)?|[a-z]{3,}(?<!e)ed|"
                               r"began|took|put|cut|set|held|made)\s+(?:\w+ly\s+)?(?:\w+ing\s+)?$")
_PAST_AFTER_HEAD = re.compile(r"[^,;.]{0,60}?\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?"
                              r"[a-z]+(?:ed|en|wn|ut|ught)\b")
"""The tense of a reported measure: a verb in the past or perfect governing its head
("China started restricting exports", "had been held up"), or, for a noun, its predicate
("licence reviews ... have slowed").  A past progressive ("reported on Jan. 7 that Beijing
was considering ...") is left dated: the annotations disagree on it."""
_PERFECT_IN_HEAD = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ut|ught)\b")
"""A measure phrase holding its own perfect predicate ("licence applications ... have
stalled")."""


def _told_as_past(ctx: Context, c: Candidate) -> bool:
    """Whether the report's words put the measure in the past ("started restricting",
    "have slowed"), not in the present ("is considering", "is suspending")."""
    text = ctx.text
    if _PAST_BEFORE_HEAD.search(text, max(c.sentence.begin, c.head.begin - 30), c.head.begin):
        return True
    if _PERFECT_IN_HEAD.search(text, c.head.begin, c.head.end):
        return True  # a phrase holding its own predicate ("licence applications ... have stalled")
    return _PAST_AFTER_HEAD.match(text, c.head.end, c.sentence.end) is not None


def _merged_dates(ctx: Context, c: Candidate, year: int | None = None
                  ) -> list[tuple[Span, PartialDate]]:
    """The sentence's dates, with adjacent expressions of one date ("on 6th this month",
    "Tuesday, Jan. 6") merged into the most precise of them; the dateline left out.  A
    month named without a year after a year the sentence gives (``year``, or an earlier
    date's) is of that year, as a narrative tells it ("In July 2023 it announced ...; in
    October came graphite"; "... which Tokyo tightened in July that year")."""
    merged: list[tuple[Span, PartialDate]] = []
    last: DateMention | None = None
    for mention in ctx.dates_in(c.sentence.begin, c.sentence.end):
        if ctx.is_dateline(mention.span):
            last = None
            continue  # the article's own date in a dateline, not the measure's
        found = mention.date
        lead = ctx.text[max(c.sentence.begin, mention.span.begin - 40):mention.span.begin]
        if _YEAR_WRITTEN.search(mention.span.text):
            if not _FISCAL.search(lead):
                year = found.year
        elif mention.relative and found.month is not None and \
                _NARRATIVE_MONTH.fullmatch(mention.span.text):
            anchor = ctx.anchor
            if year is not None and found.year != year and (
                    anchor is None or period(PartialDate(year, found.month, found.day))[0]
                    <= anchor):
                found = PartialDate(year, found.month, found.day)
            elif anchor is not None and period(found)[0] > anchor and \
                    _SINCE_BEFORE.search(lead):
                found = PartialDate(found.year - 1, found.month, found.day)  # "since April"
        if last is not None and _ADJACENT.fullmatch(ctx.text, last.span.end, mention.span.begin):
            span, date = merged[-1]
            if _precision(found) > _precision(date):
                date = found
            merged[-1] = (Span.of(ctx.text, span.begin, mention.span.end), date)
        else:
            merged.append((mention.span, found))
        last = mention
    return merged


def _precision(date: PartialDate) -> int:
    return 2 if date.day is not None else 1 if date.month is not None else 0


def _may_date(ctx: Context, c: Candidate, span: Span, statements: list[StatementMention],
              others_c: list[Candidate], *, since: bool, heading: bool,
              weighed: bool = False) -> bool:
    """Whether a date of the sentence can be the measure's (see package doc)."""
    text = ctx.text
    others = [o.head for o in others_c]
    own = c.statement
    holder = enclosing(statements, span)
    if holder is not None and holder is not own:
        return False  # a date of other reported words
    if own is not None and holder is None:
        lead = text[own.span.begin:c.head.begin]
        if _SUBORDINATE.search(lead):
            return False  # "..., days after forces conducted drills": not the report's date
        if ctx.root(own.speaker) != ctx.root(c.issuer) and (
                ctx.type_of(own.speaker) is not ActorType.MEDIA or (
                    (weighed or _told_as_past(ctx, c))
                    and not _ACCORDING.search(text, c.sentence.begin, span.begin))):
            # a third party's words date the words, not the measure; so does an outlet's
            # report of a past act ("The Journal reports China started restricting ...",
            # "China has begun restricting ..., the Journal reported on Thursday") or of a
            # step only weighed ("reported on Tuesday that Beijing is considering ..."):
            # only a date in its words ("since Tuesday") dates it, or one after "according
            # to X," which has no day of its own; a report of an act going on ("China is
            # suspending imports, Kyodo reported on Wednesday") is dated
            return False
        perfect = PAST_PERFECT.search(text, max(own.span.begin, c.head.begin - 40),
                                      c.head.begin + 1) \
            or PAST_PERFECT.search(text, own.span.begin, min(own.span.end, own.span.begin + 60))
        if perfect is not None and not _reports_own_act(ctx, own.speaker, perfect.start()):
            return False  # "said on Wednesday the government had lodged a protest": earlier
    if span.end <= c.extent.begin and _TOPIC.search(text, span.end, c.extent.begin):
        return False  # "said on Wednesday, in response to a question about the protest"
    if span.begin >= c.extent.end and _other_clause(ctx, c.extent.end, span.begin):
        return False  # "..., and on Dec. 26 Japan's cabinet approved ...": the next clause's
    if span.begin >= c.extent.end and _before_next_measure(ctx, c, span, others_c):
        return False  # "a halt to seafood imports and, on Jan. 6, the dual-use ban"
    if span.end <= c.extent.begin and _ELLIPTIC_HEAD.fullmatch(text, span.end, c.extent.begin) \
            and _CLAUSE_OPENING.search(text[c.sentence.begin:span.begin]):
        return True  # "...; in December, a ban on exporting the technology": the clause's date
    if not c.governed and span.end <= c.extent.begin and \
            not heading and not _modifies(ctx, c, span):
        return False  # "filed a complaint on Wednesday over Japan's curbs": the filing's date
    lo, hi = sorted((span.end, c.head.begin))
    if any(lo < o.begin < hi for o in others):
        return False  # another measure stands between: the date is that one's
    if span.end <= c.extent.begin and _AND.search(text, span.end, c.extent.begin) and \
            any(o.extent.end <= span.begin for o in others_c):
        return False  # "halted imports on 2 March and now bars exports": the first clause's
    if since or (span.end <= c.head.begin and _WHEN_CLAUSE.fullmatch(text[span.end:c.head.begin])):
        return True  # "controlled since 2023", "in 2010, when China halted ...": its own date
    if span.end <= c.head.begin and _CLOSED_ASIDE.fullmatch(text, span.end, min(
            c.head.begin, max(span.end, c.extent.begin))):
        return True  # "on April 4, two days after ..., MOFCOM put ...": an aside between
    if span.end <= c.head.begin and _in_subordinate(ctx, c, span):
        return False  # "When Takaichi spoke in November ..., China answered with ..."
    if span.end <= c.head.begin and _earlier_clause(ctx, c, span):
        return False  # "it halted imports on Nov. 19, its ministry warned students ..."
    if span.begin >= c.extent.end and _closed_around(ctx, c, span):
        return False  # "On Jan. 9, days after X banned exports, the supplier said ... this month"
    # the words between (not the date's own: "removed it from the list the following month")
    stop = span.begin if span.begin >= c.head.begin else hi
    if stop == span.begin and _WITH_PHRASE.search(text, lo, stop):
        return False  # "launches drills, with live-fire exercises the following day"
    return not any(not _dated_phrase(ctx, m.end(), span)
                   for m in _SUBORDINATE.finditer(text, lo, stop))


_OWN_SUBJECT = re.compile(r"(?:^|\s)(?:it|she|he|they|we)\s+$", re.IGNORECASE)
"""A subject pronoun right before a perfect: the speaker telling its own act."""


def _reports_own_act(ctx: Context, speaker: str | None, perfect: int) -> bool:
    """"The ministry said on Wednesday it had opened an investigation", "X said on Tuesday
    she had instructed officials": the issuer, not an outlet, tells its own act in the past
    perfect under a pronoun; the act came by the day of saying, which dates it (the day a
    body makes its act known), where "said on Wednesday the government had lodged a
    protest" (a spokesperson on another subject's act) leaves the act undated."""
    if speaker is None or ctx.type_of(speaker) is ActorType.MEDIA:
        return False
    return _OWN_SUBJECT.search(ctx.text, max(0, perfect - 8), perfect) is not None


def _dated_phrase(ctx: Context, end: int, span: Span) -> bool:
    """Whether a date other than ``span`` follows a subordinating word at ``end`` at once
    ("the duties it has levied since 2020, the ministry said on Thursday"): a phrase that
    closes there, not a clause the date at ``span`` would belong to ("answered after
    2010")."""
    dates = ctx.dates_in(end, end + 40)
    return bool(dates) and dates[0].span.end <= span.begin and \
        not ctx.text[end:dates[0].span.begin].strip()


def _other_clause(ctx: Context, begin: int, end: int) -> bool:
    """Whether a new clause opens between the measure and a date after it: a semicolon, or
    ", and"/", but" followed by the date itself or by a new subject."""
    text = ctx.text
    if ";" in text[begin:end]:
        return True
    m = _last(_COORDINATE.finditer(text, begin, end))
    if m is None:
        return False
    rest = text[m.end():end]
    if _DATE_OPENS.fullmatch(rest):
        return True
    return any(not PREPOSITION_BEFORE.search(text, max(m.end(), a.span.begin - 16), a.span.begin)
               for a in ctx.actors_in(m.end(), end))


_SPEECH_BEFORE = re.compile(r"\b(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["timing"]["reporting_verbs"]))
                            + r")\s+(?:(?:on|late|early)\s+)*$", re.IGNORECASE)
"""A reporting verb right before a date: "the ministry said on Saturday"."""


def _before_next_measure(ctx: Context, c: Candidate, span: Span,
                         others_c: list[Candidate]) -> bool:
    """Whether a date after the measure, past a coordination, opens another measure of the
    sentence ("..., a halt to imports and, on Jan. 6, the dual-use ban")."""
    text = ctx.text
    if not _COORDINATE_ANY.search(text, c.extent.end, span.begin):
        return False
    if _SPEECH_BEFORE.search(text, max(c.extent.end, span.begin - 30), span.begin):
        return False  # "..., the ministry said on Saturday, striking back at X's duties": the
        # report's day, which an issuer's own report gives its measure, not the next one's
    return any(span.end <= o.extent.begin and o.extent.begin - span.end < 40 and
               not _CLAUSE_CUT_STRICT.search(text, span.end, o.extent.begin)
               for o in others_c)


def _in_subordinate(ctx: Context, c: Candidate, span: Span) -> bool:
    """Whether the date stands in a subordinate clause ("When ..., ", "After ..., ") that a
    comma closes before the measure."""
    text = ctx.text
    opener = _last(_SUBORDINATE.finditer(text, c.sentence.begin, span.begin))
    if opener is None or "," in text[opener.end():span.begin]:
        return False
    return "," in text[span.end:c.head.begin]


_FRONTED_OPENER = re.compile(r"\s*(?:[^\s,;:]+\s+){0,3}?(?:after|following|when)\s", re.IGNORECASE)
_FRONTED_REACH = 20
"""Words of a fronted "After ..., " clause before its date."""


def _fronted_year(ctx: Context, c: Candidate) -> PartialDate | None:
    """"After a trawler collided with patrol boats in September 2010, customs held up
    shipments": the year of a fronted "after" or "when" clause's date is the main
    clause's (the month may differ: the step came after the event)."""
    text = ctx.text
    opener = _FRONTED_OPENER.match(text, c.sentence.begin, c.head.begin)
    if opener is None:
        return None
    comma = text.find(",", opener.end(), c.head.begin)
    if comma < 0 or "," in text[comma + 1:c.head.begin] or \
            len(text[opener.end():comma].split()) > _FRONTED_REACH:
        return None
    years = {d.date.year for d in ctx.dates_in(opener.end(), comma)
             if _YEAR_WRITTEN.search(d.span.text)}
    return PartialDate(years.pop()) if len(years) == 1 else None


_FRONTED = re.compile(r"(?:[^,;:]{0,30},\s*)?(?:[^\s,;:]+\s+){0,4}")
"""Before a subordinate clause that opens its sentence: a fronted phrase ("On Jan. 9, "),
a dateline ("TOKYO — ") and a measure of time ("three days")."""
_RELATIVE_AFTER = re.compile(r",\s+(?:which|who|whom|whose|that|where)\b")


_VERB_PAST = re.compile(r"\b(?:[a-z]{3,}ed|" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["timing"]["past_verbs"])) + r")\b")
"""A verb in the simple past (lower case: not "United"): ``[measures.timing] past_verbs``."""


_SUBJECT_THEN_VERB = re.compile(r",\s+(?!(?:which|who|that)\b)(?:[\w’'-]+\s+){0,4}$")
"""A comma, then a subject of a few words (or none: "..., halted imports") right before
the measure's verb; not a relative clause ("Monday's announcement, which added ...")."""


def _earlier_clause(ctx: Context, c: Candidate, span: Span) -> bool:
    """Whether the date closes a clause of its own before the measure's verb, a comma
    between: "it halted imports on Nov. 19, its ministry warned students against ...",
    where the date's clause has a verb in the past before it (not a fronted "On Jan. 7,")."""
    text = ctx.text
    if not _VERB_PAST.match(c.head.text) or \
            not _SUBJECT_THEN_VERB.search(text, span.end, c.head.begin):
        return False
    start = max(c.sentence.begin, *(text.rfind(p, c.sentence.begin, span.begin) + 1
                                    for p in ",;:"))
    return _VERB_PAST.search(text, start, span.begin) is not None


def _closed_around(ctx: Context, c: Candidate, span: Span) -> bool:
    """Whether the measure stands in a subordinate clause ("..., three days after X banned
    exports of Y, the supplier ...") that a comma closes before the date after it: the
    date is the main clause's."""
    text = ctx.text
    opener = _last(_SUBORDINATE.finditer(text, c.sentence.begin, c.head.begin))
    if opener is None or opener.group().startswith(",") or \
            "," in text[opener.end():c.head.begin] or \
            not _FRONTED.fullmatch(text, c.sentence.begin, opener.start()):
        return False
    comma = text.find(",", c.extent.end, span.begin)
    return comma >= 0 and not _RELATIVE_AFTER.match(text, comma) and \
        not _dated_phrase(ctx, opener.end(), span)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def _attributive_year(ctx: Context, c: Candidate) -> PartialDate | None:
    """"Japan's 2019 restrictions", "the 2010 embargo": a bare year heading the measure's
    noun phrase (the date extractor leaves bare numbers out)."""
    if c.verbal or c.type is MeasureType.BUDGET:
        return None  # "the 2026 budget": the year it funds, as "fiscal 2026", not its date
    m = _YEAR_MODIFIER.search(ctx.text, max(c.sentence.begin, c.extent.begin - 40),
                              c.extent.begin) or \
        _YEAR_BRACKETED.match(ctx.text, c.extent.end, c.sentence.end)  # "X's ore ban (2020)"
    return PartialDate(int(m.group("year"))) if m else None


def _in_own_clause(ctx: Context, c: Candidate, span: Span) -> bool:
    """"the travel reminder issued on November 14": a date in a measure's participle clause."""
    if span.begin < c.extent.end:
        return False
    own = measure_rules().own_clause.match(ctx.text, c.extent.end, c.sentence.end)
    return own is not None and span.begin < own.end()


def _modifies(ctx: Context, c: Candidate, span: Span) -> bool:
    """"Beijing's Nov. 14 advisory", "China's April 2025 controls": a date inside the noun
    phrase of the measure."""
    if span.end > c.extent.begin:
        return False
    between = ctx.text[span.end:c.extent.begin]
    return re.fullmatch(r"\s*(?:[\w-]+\s+){0,1}", between) is not None and \
        re.search(r"(?:['’]s|\b(?:the|its|their|a|an))\s+$",
                  ctx.text[max(c.sentence.begin, span.begin - 12):span.begin],
                  re.IGNORECASE) is not None


def _main_clause(lead: str) -> bool:
    """Whether a measure after ``lead`` (the words between its entry's date and it) stands
    in the main clause: no subordinate clause ("after", "when") opens before it, or one a
    comma closes ("Nov. 14 - A week after the remarks in the Diet, X advises ...")."""
    sub = _SUBORDINATE.search(lead)
    return sub is None or "," in lead[sub.end():]


def _relative_day(ctx: Context, c: Candidate) -> PartialDate | None:
    """"Tokyo protests the following day", "lodged a protest ... the same evening", "A month
    later Tokyo struck Seoul from its white list": the last date named before, shifted."""
    lower = c.sentence.text.lower()
    if not any(word in lower for word in ("later", "same", "following", "next")):
        return None  # the pattern needs one of them (a cheap test first)
    m = _LATER.search(ctx.text, c.sentence.begin, c.sentence.end)
    if m is None or _PERIOD_BEFORE.search(ctx.text, max(c.sentence.begin, m.start() - 25),
                                          m.start()):
        return None  # "with drills continuing the next day": a period, not the act's day
    if m.start() >= c.extent.end and _other_clause(ctx, c.extent.end, m.start()):
        return None  # "X advises ...; five days later it halts imports": the next clause's
    if m.end() <= c.extent.begin and ctx.text[c.sentence.begin:m.start()].strip() and \
            _other_clause(ctx, m.end(), c.extent.begin):
        # "X summoned Y six days later, and Beijing has since urged ...": the first clause's
        # day; one opening the sentence dates both ("Two days later X ..., and Y ...")
        return None
    reference = None
    year: int | None = None
    year_paragraph: Span | None = None
    for mention in ctx.dates_in(max(0, c.sentence.begin - _REFERENCE_REACH), m.start()):
        if ctx.is_dateline(mention.span) or BOUNDS_STATE.search(
                ctx.text, max(0, mention.span.begin - 16), mention.span.begin):
            continue  # "effective 28 August. The same day, ...": not a day something happened
        found = mention.date
        paragraph = ctx.paragraph_of(mention.span.begin)
        if year_paragraph is not None and paragraph != year_paragraph:
            year = None  # the story's year holds within its paragraph
        if _YEAR_WRITTEN.search(mention.span.text):
            # a day or month of a year sets the story's year; a bare year ("imports worth
            # ¥87 billion in 2022") does not
            if found.month is not None:
                year, year_paragraph = found.year, paragraph
        elif year is not None and found.month is not None and found.year != year:
            # "On 1 July 2019 ... From 4 July, ...": a yearless day of the story's year
            found = PartialDate(year, found.month, found.day)
        if found.month is not None:
            reference = found
    if reference is None:
        return None
    unit = (m.group("u") or "day").lower()
    count = 0 if m.group("same") else 1
    if m.group("n"):
        number = m.group("n").lower()
        count = int(number) if number.isdigit() else measure_rules().offset_numbers.get(number, 1)
    if unit.startswith("month"):
        month = reference.month + count - 1  # type: ignore[operator]
        return PartialDate(reference.year + month // 12, month % 12 + 1)
    if reference.day is None:
        return None
    day = dt.date(reference.year, reference.month, reference.day)  # type: ignore[arg-type]
    days = count * (7 if unit.startswith("week") else 1)
    return PartialDate.from_date(day + dt.timedelta(days=days))


def _offset_date(ctx: Context, c: Candidate) -> PartialDate | None:
    """"Dec. 3: a ban ..., a day after Washington tightened its chip controls": the main
    clause's day shifted by the offset.  A main clause with no date of its own told in the
    present ("the mood has swung eight days after X", "the notice comes almost two months
    after X") counts from the day of writing; a hedged count ("almost two months"), months
    and a unit with no count ("days after") give the month only."""
    rules = measure_rules()
    before = ctx.text[c.sentence.begin:c.extent.begin]
    lower = before.lower()
    if "after" not in lower and "before" not in lower:
        return None  # the pattern needs one of them (a cheap test first)
    offsets = list(rules.offset.finditer(before))
    if not offsets:
        return None
    found = offsets[-1]
    if re.search(r"[;.]|,\s", before[found.end():]):
        return None  # "..., a day after X, the ministry banned ...": the main clause's
    reference: PartialDate | None = None
    # a date inside an earlier offset clause is that clause's ("comes a week after drills
    # on Dec. 29-30, and two months after X"), not the main clause's
    for mention in ctx.dates_in(c.sentence.begin, c.sentence.begin + offsets[0].start()):
        if mention.date.day is not None:
            reference = mention.date
    main = [Span.of(ctx.text, c.sentence.begin, c.sentence.begin + offsets[0].start())]
    if reference is None and _FRONTED.fullmatch(ctx.text, c.sentence.begin,
                                                c.sentence.begin + found.start()):
        # "Four days after China banned exports, ports diverged on Saturday": the main
        # clause after the fronted one gives the day
        comma = ctx.text.find(",", c.extent.end, c.sentence.end)
        if comma >= 0 and not _RELATIVE_AFTER.match(ctx.text, comma):
            main.append(Span.of(ctx.text, comma, c.sentence.end))
            reference = next((d.date for d in ctx.dates_in(comma, c.sentence.end)
                              if d.date.day is not None and not ctx.in_quote(d.span.begin)),
                             None)
    if reference is None and c.entry is not None and c.entry.head.day is not None:
        reference = c.entry.head
    if reference is None:
        reference = _written_now(ctx, c, main)
    if reference is None:
        return None
    unit = found.group("u").lower()
    number = found.group("n").lower()
    count = int(number) if number.isdigit() else rules.offset_numbers[number]
    sign = -1 if found.group("dir").lower() == "after" else 1
    day = dt.date(reference.year, reference.month or 1, reference.day or 1)
    if unit.startswith("month"):
        moved = day + relativedelta(months=sign * count)
        return PartialDate(moved.year, moved.month)
    if unit.startswith("hour"):
        return PartialDate.from_date(day)
    days = count * (7 if unit.startswith("week") else 1)
    moved = day + dt.timedelta(days=sign * days)
    if found.group("q"):
        return PartialDate(moved.year, moved.month)  # "almost two weeks after"
    return PartialDate.from_date(moved)


def _written_now(ctx: Context, c: Candidate, main: list[Span]) -> PartialDate | None:
    """The day of writing, for an offset from a main clause (the text before the offset,
    or after a fronted one) told in the present that names no date ("Ten days after China
    cut off ..., Tokyo is assembling a response")."""
    written = ctx.article.metadata.date
    if written is None or ctx.in_quote(c.head.begin) or \
            any(ctx.dates_in(span.begin, span.end) for span in main) or \
            not any(measure_rules().offset_present.search(span.text) for span in main):
        return None
    return PartialDate.from_date(written)


# -- via --------------------------------------------------------------------------------------

def measure_via(ctx: Context, c: Candidate, according: list[re.Match[str]]) -> str | None:
    """The outlet or source through which the measure is known; ``according`` are the
    article's "according to" phrases (``[speech].according``), in order."""
    if c.statement is not None and c.statement.speaker and \
            ctx.type_of(c.statement.speaker) is ActorType.MEDIA:
        return c.statement.speaker
    if c.statement is not None and c.statement.via:
        return c.statement.via
    i = bisect.bisect_left(according, c.sentence.begin, key=lambda m: m.start())
    for m in according[i:]:
        if m.end() > c.sentence.end:
            break
        mention = ctx.actor_after(m.end())
        if mention is not None and mention.name != c.issuer:
            return mention.name
    return None


_EPISODE_TENSE = re.compile(r"\b(?:is|are|will|would|has|have|says|say|now|currently|still)\b",
                            re.IGNORECASE)
EPISODE_PAST = re.compile(r"\b(?:\w+ed|held|took|made|struck|withdrew|cut|put|froze|sent|"
                          r"brought|began|won|lost|set|paid)\b", re.IGNORECASE)
"""A verb in the simple past that tells an act ("halted", "struck", "put")."""
_EPISODE_MONTHS = 12
_OWN_TIME = re.compile(r"\b(?:same|that|next|following|previous)\s+(?:day|evening|morning|night|"
                       r"week|month|year)\b|\b(?:later|earlier|afterwards|then)\b",
                       re.IGNORECASE)


def episode_dates(ctx: Context, candidates: list[Candidate]) -> None:
    """"On Aug. 2, 2019 Tokyo struck Seoul off its white list. Seoul lodged a formal
    protest.": an undated measure told in the past tense right after a sentence of its
    paragraph holding a measure dated over a year before the article is part of that
    episode, and takes its month (or year); so is one after a sentence of its paragraph
    that names no measure and one date with its month over a year back ("The thaw came in
    March 2023, when ... . Japan lifted the extra checks ...")."""
    if ctx.anchor is None:
        return
    anchor = ctx.anchor
    for c in candidates:
        if c.date is not None or c.entry is not None or c.statement is not None:
            continue
        before = ctx.text[c.sentence.begin:c.extent.begin]
        if _EPISODE_TENSE.search(before) or not EPISODE_PAST.search(
                ctx.text, c.sentence.begin, c.extent.end):
            continue
        previous = ctx.sentence_of(c.sentence.begin - 2)
        paragraph = ctx.paragraph_of(c.sentence.begin)
        if previous is None or paragraph is None or previous.begin < paragraph.begin:
            continue
        inside = [d for d in candidates if d is not c and
                  previous.begin <= d.head.begin < previous.end]
        while not inside and not ctx.dates_in(previous.begin, previous.end):
            # "On a cold morning in early March 2017, agencies were summoned ... . No
            # document was handed out. The instructions were oral: stop selling tours ...":
            # sentences with neither a measure nor a date do not break the paragraph's frame
            earlier = ctx.sentence_of(previous.begin - 2)
            if earlier is None or earlier.begin < paragraph.begin:
                break
            previous = earlier
            inside = [d for d in candidates if d is not c and
                      previous.begin <= d.head.begin < previous.end]
        dated = [d.date for d in inside if d.date is not None]
        if not inside:
            # "The thaw came in March 2023, when X met Y. Japan lifted the extra checks
            # ...": a sentence naming no measure but one date frames the episode, unless
            # the measure's sentence tells its own time ("Same day, customs ...")
            if _OWN_TIME.search(ctx.text, c.sentence.begin, c.extent.end):
                continue
            frames = [d for d in ctx.dates_in(previous.begin, previous.end)
                      if not ctx.is_dateline(d.span)]
            dated = [frames[0].date] if len(frames) == 1 and frames[0].date.month else []
        if not dated:
            continue
        last = dated[-1]
        if (anchor.year - last.year) * 12 + anchor.month - (last.month or 12) > \
                _EPISODE_MONTHS:
            c.date = PartialDate(last.year, last.month)
