"""A measure mention being built, and the small helpers every step of the extractor shares."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ...measure_identity import days_between, period
from ...model import ActorType, MeasureStatus, MeasureType, PartialDate, Span, StatementMention

__all__ = ["PREPOSITION_BEFORE", "Candidate", "Entry", "days_between", "demonym_states",
           "enclosing", "family", "nearest", "overlap", "period", "same_sentence", "tail"]

EXPORT_FAMILY = frozenset({MeasureType.EXPORT_BAN, MeasureType.EXPORT_CONTROL,
                           MeasureType.LICENSING_RESTRICTION})
ONE_OFF = frozenset({MeasureType.PROTEST, MeasureType.MILITARY_DRILL, MeasureType.BUDGET})
TRADE = frozenset({MeasureType.EXPORT_BAN, MeasureType.EXPORT_CONTROL,
                   MeasureType.LICENSING_RESTRICTION, MeasureType.IMPORT_BAN,
                   MeasureType.OTHER})
PREPOSITION_BEFORE = re.compile(r"\b(?:to|on|against|with|from|of|for|in|at|into|by|toward|"
                                r"towards|over|around|near)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                                re.IGNORECASE)
"""A preposition (and an article, a modifier) right before an actor: not a subject."""
OVERLAP_REACH = 8
"""How many neighbours back an overlap or an enclosing statement is looked for."""
COREFERENCE_REACH = 40
"""How many mentions away an anaphoric mention looks for the mention it refers to."""


@dataclass
class Entry:
    """A dated entry of a timeline or list: ``head`` its date, ``body`` the text after it."""

    paragraph: Span
    head: PartialDate
    head_span: Span
    body: Span
    issuer: str | None = None
    """The issuer the list's lead-in names ("controls Beijing has layered on:")."""
    kind: MeasureType | None = None
    """The measure type the lead-in names, when the entry is one of its measures."""


@dataclass
class Candidate:
    """A measure mention being built."""

    type: MeasureType
    head: Span
    sentence: Span
    extent: Span
    verbal: bool
    issuer: str | None = None
    issuer_span: Span | None = None
    issuer_local: bool = False
    """Whether the issuer comes from the mention's own sentence (not borrowed)."""
    topical: bool = False
    """The issuer is the state a generic subject stands for ("The government could ..."),
    the state the text is about there: it is lent only within the paragraph."""
    target: str | None = None
    target_span: Span | None = None
    status: MeasureStatus = MeasureStatus.ANNOUNCED
    date: PartialDate | None = None
    via: str | None = None
    statement: StatementMention | None = None
    governed: bool = False
    """Whether a verb or action noun in the sentence says the measure was taken."""
    unknown_subject: bool = False
    """A name the actor data does not know is the subject ("Hong Kong also banned ...")."""
    entry: Entry | None = None
    """The timeline or list entry the mention stands in."""
    anaphor: bool = False
    """A definite head ("announced the ban on Tuesday") standing for an earlier measure."""
    antecedent: Candidate | None = None
    """The measure an anaphor stands for."""
    objects: list[str] = field(default_factory=list)
    """Controlled goods that made the mention a measure ("controls on gallium")."""
    covers: list[str] = field(default_factory=list)
    """The goods the mention names as covered (see :func:`.scope.covered`)."""
    ending: str | None = None
    """"ended" (lifted, scrapped, lasted a stated time) or "paused" (suspended, paused)."""
    lasting: bool = False
    """A cue says the measure lasts ("since", "effective Aug. 1", "remains in force")."""
    question: bool = False
    """The mention stands in a question ("Is China tightening ...?"): asked, not asserted."""
    model_score: float | None = None
    """The learned detector's probability for its sentence, when the detector proposed it."""
    issuer_demonym: bool = False
    """The issuer comes from a nationality adjective alone ("the American chip controls",
    "Chinese customs held up shipments"), no name of it."""
    untargeted: bool = False
    """The text denies the measure a target ("is not targeting any third party")."""
    precedent: PartialDate | None = None
    """"did not halt ..., as it did in 2010": the denied measure's precedent."""
    prohibition: bool = False
    """A permission denied ("exports ... would no longer be permitted"): its negation is the
    measure, not a denial of it."""
    borrowed: bool = False
    """The issuer was borrowed from the article around the mention (:mod:`.borrowing`),
    none being named in its own sentence."""
    grievance: bool = False
    """The mention is a party's conduct given as the reason for another's measure
    ("countermeasures ... over arms sales to Taiwan"): kept while the sentence's other
    measures are built (their extents and targets stop at it), never output."""


def family(kind: MeasureType) -> str:
    """The family a type belongs to: export measures are one, every other type its own."""
    return "export" if kind in EXPORT_FAMILY else kind.value


def tail(text: str, words: int) -> int:
    """Where the last ``words`` tokens (runs of non-space) of ``text`` begin, 0 when it has
    no more: a pattern that ends a text and spans at most that many tokens matches there
    if anywhere, so it need not be tried at every position before."""
    parts = text.rsplit(None, words)
    return len(parts[0]) if len(parts) > words else 0


def overlap(a: Span, b: Span) -> bool:
    """Whether two spans share a character."""
    return a.begin < b.end and b.begin < a.end


def enclosing(statements: list[StatementMention], span: Span) -> StatementMention | None:
    """The statement whose reported words hold ``span`` (statements sorted by span)."""
    i = bisect.bisect_right(statements, span.begin, key=lambda st: st.span.begin)
    for statement in statements[max(0, i - OVERLAP_REACH):i]:
        if statement.span.begin <= span.begin and span.end <= statement.span.end:
            return statement
    return None


def nearest(candidates: list[Candidate], index: int, wanted: Callable[[Candidate], bool],
            *, after: bool = True) -> Candidate | None:
    """The closest candidate before ``index`` that is ``wanted``, else (when ``after``) the
    closest after it; at most :data:`COREFERENCE_REACH` mentions away either side."""
    for i in range(index - 1, max(-1, index - 1 - COREFERENCE_REACH), -1):
        if wanted(candidates[i]):
            return candidates[i]
    if after:
        for i in range(index + 1, min(len(candidates), index + 1 + COREFERENCE_REACH)):
            if wanted(candidates[i]):
                return candidates[i]
    return None


def same_sentence(candidates: list[Candidate], c: Candidate) -> list[Candidate]:
    """The other candidates of ``c``'s sentence (candidates are sorted by position)."""
    lo, hi = 0, len(candidates)
    while lo < hi:
        mid = (lo + hi) // 2
        if candidates[mid].head.begin < c.head.begin:
            lo = mid + 1
        else:
            hi = mid
    out: list[Candidate] = []
    for start, step in ((lo - 1, -1), (lo, 1)):
        i = start
        while 0 <= i < len(candidates) and candidates[i].sentence == c.sentence:
            if candidates[i] is not c:
                out.append(candidates[i])
            i += step
    return out


@lru_cache(maxsize=1)
def demonym_states() -> dict[str, str]:
    """Nationality adjectives of the actor data -> their state ("American" -> "United
    States")."""
    from ..refdata import actor_data

    out: dict[str, str] = {}
    for entry in actor_data().entries.values():
        if entry.type is ActorType.STATE:
            for word in entry.demonyms:
                if " " not in word:
                    out.setdefault(word, entry.name)
    return out
