"""Where a measure stands: announced, in force, reported, under consideration, historical.

See :mod:`kg.extract.measures` for the rules; cue words are in ``[measures.status]``,
``[measures.timing]`` and ``[measures.ending]`` of ``kg/data/triggers.toml``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ...model import ActorType, MeasureStatus, MeasureType, PartialDate, Span
from ..context import Context
from ..triggers import load_triggers, phrase_alternation
from .candidate import ONE_OFF, TRADE, Candidate, period
from .hedges import is_weighed
from .rules import head_key, measure_rules

_REPORTS_SAY = re.compile(r"\s*according\s+to\s+(?:an?\s+|the\s+|some\s+|media\s+|press\s+)?"
                          r"(?:unconfirmed\s+)?reports?\b", re.IGNORECASE)
"""A sentence opening "According to reports, ...": what follows is reported."""
_STATUS_WINDOW_BEFORE = 10
_STATUS_WINDOW_AFTER = 5
_LONG_PAST_MONTHS = 12
_PARENTHETICAL = re.compile(r"\s[—–]\s[^—–]{1,40}\s[—–]\s|\s\([^()]{1,40}\)\s")
""""suspended — not lifted — the controls": an aside between a verb and its object."""
_CLAUSE_CUT = re.compile(r"[,;:]|\s[—–]\s")
_PAST_VERB = re.compile(r"(?i)[a-z]+ed|" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["status"]["past_heads"])))
"""A measure's verb in the simple past (``[measures.status] past_heads``)."""
_ISSUED = ONE_OFF | {MeasureType.TRAVEL_ADVISORY}
_ADOPTED_DRAFT = re.compile(r"\b(?:approv|adopt|pass|endors)\w*\s+(?:a|the|its)\s+"
                            r"(?:[\w-]+\s+){0,3}?draft\b", re.IGNORECASE)
""""approved a draft budget", "approves the fiscal 2026 budget draft": adopted, not weighed."""
_CLAUSE_START = re.compile(r"(?:;|,\s+(?:and|but|while))\s*$")
_UNVERIFIED_REACH = 2
"""How many sentences back a sentence saying a claim is unverified looks for it."""
_ENDING_REACH = 240
"""Characters before a mention that hold the verb ending it ("partly lifted the ban")."""
_LATER_ENDING = re.compile(r"(?<![\w])(?P<np>(?:[Tt]he|[Tt]hese|[Tt]hose|[Ss]uch|[Ii]ts|"
                           r"[Tt]heir)\s+(?:[\w-]+\s+){0,2}?)"
                           r"(?P<noun>curbs|controls|restrictions|ban|bans|quotas?|measures?|"
                           r"embargo|sanctions|rules|requirements)\b")
"""A definite measure noun that may open a sentence saying it ended ("The curbs were
lifted in March 2023")."""
_AND_TO = re.compile(r"(?:[^.;:]|\.(?!\s+[A-Z]))*\b(?:and|or)\s+to\s+$")
""""... a tariff on Chinese goods from Nov. 1 and to": an infinitive coordinated with the
one before (an abbreviation's point is no sentence end)."""
_ADVERBIAL_SINCE = re.compile(r"\b(has|have|had)\s+since\b", re.IGNORECASE)
""""China has since advised ...": since then, which says nothing of a lasting measure."""
_ADDED_TO_LIST = re.compile(r"\sto\s+(?:[\w.’'-]+\s+){1,3}list$", re.IGNORECASE)
_REGIME_TYPES = frozenset({MeasureType.EXPORT_CONTROL, MeasureType.LICENSING_RESTRICTION})
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?$", re.IGNORECASE)
_WILL_HEAD = re.compile(r"\b(?:will|shall)\s+(?:also\s+|further\s+|soon\s+|now\s+|then\s+)?$",
                        re.IGNORECASE)
""""it will exclude South Korea from ...", "exporters will need a licence": a measure whose
own verb is in the future is decided, not yet applied."""


_MEASURE_PRONOUN = re.compile(r"\s*(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["anaphora"]["effect_subjects"])) + r")\s+(?:"
    + "|".join(map(re.escape, load_triggers().raw["measures"]["anaphora"]["effect_verbs"]))
    + r")\b")
"""A sentence opening on the measure just told, with a verb of its coming into effect
(``[measures.anaphora] effect_subjects``, ``effect_verbs``)."""


@lru_cache(maxsize=1)
def _concession() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A concessive clause right after a mention (``concession_words``), which takes the
    measure back to a plan when it holds a cue of its own timing (``concession_cues``)."""
    status = load_triggers().raw["measures"]["status"]
    words = phrase_alternation(status["concession_words"])
    return (re.compile(rf"[^.;:]{{0,20}}?(?:,|\s[—–])\s*(?:{words})\s+(?P<rest>[^.;:]{{0,80}})",
                       re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?:{phrase_alternation(status['concession_cues'])})(?![\w-])",
                       re.IGNORECASE))


def measure_status(ctx: Context, c: Candidate) -> MeasureStatus:
    """The status cue words near the head give (see package doc), else the type's default."""
    t = load_triggers()
    default = t.status_defaults.get(c.type, c.status)
    if c.precedent is not None:
        return MeasureStatus.HISTORICAL
    c.ending = measure_ending(ctx, c)
    if c.ending is not None:
        return MeasureStatus.HISTORICAL if c.ending == "ended" else MeasureStatus.ANNOUNCED
    text = ctx.text
    # "has since" read before the window cuts it: "China has since urged its citizens to
    # avoid travel to Japan and halted imports" leaves "has" out of the last ten words
    before = _ADVERBIAL_SINCE.sub(r"\1 later", text[c.sentence.begin:c.extent.begin]).split()[
        -_STATUS_WINDOW_BEFORE:]
    after = text[c.extent.end:c.sentence.end].split()[:_STATUS_WINDOW_AFTER]
    # an advisory's own words are its advice, no cue ("warned students to weigh whether to
    # study there" is issued, not weighed)
    own = "" if c.type is MeasureType.TRAVEL_ADVISORY else text[c.extent.begin:c.extent.end]
    window = _ADVERBIAL_SINCE.sub(r"\1 later", " ".join([*before, own, *after]))
    if is_weighed(ctx, c):
        return MeasureStatus.UNDER_CONSIDERATION
    if undoes(c):
        return MeasureStatus.HISTORICAL  # "Japan lifted the extra checks": that act is over
    if "exposure" in window or "impact" in window or "effect" in window or \
            "fallout" in window or "consequence" in window or "implication" in window or \
            "cost" in window or "risk" in window:
        window = _weighed_effect().sub(" ", window)  # "weigh exposure to China's ban"
    clause, timing = _concession()
    concession = clause.match(text, c.extent.end, c.sentence.end)
    if concession is not None and timing.search(concession.group("rest")):
        # "exports will be halted too, though the deadline has been pushed back more than
        # once": a concession right after it takes the step back to a plan
        return MeasureStatus.UNDER_CONSIDERATION
    cues = measure_rules().status_cues.present(window)
    c.lasting = "lasting" in cues
    found = next(((s, r) for s, r in t.status_regexes if s.value in cues), None)
    if found is not None and found[0] is MeasureStatus.UNDER_CONSIDERATION and \
            _ADOPTED_DRAFT.search(window):
        found = None  # "the cabinet approved a draft budget": adopted, not considered
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
            first, _ = period(effective)
            # a recent effective date says the measure holds; one years back ("took effect
            # on 28 August 2019") says only when it began
            c.lasting = c.lasting or _months_between(first, ctx.anchor) <= _LONG_PAST_MONTHS
            return MeasureStatus.IN_FORCE if first <= ctx.anchor else MeasureStatus.ANNOUNCED
    if found is not None:
        if found[0] is MeasureStatus.IN_FORCE and c.type in _ISSUED:
            return default  # a protest, a drill or an advisory is issued; not "in force"
        return found[0]
    if c.verbal and _WILL_HEAD.search(text, max(c.sentence.begin, c.head.begin - 20),
                                      c.head.begin):
        return MeasureStatus.ANNOUNCED  # "said it will exclude Korea from ...": ahead
    return default


@lru_cache(maxsize=1)
def _weighed_effect() -> re.Pattern[str]:
    """A verb of weighing whose object is an effect of the measure ("weigh exposure to
    China's ban", "studying the impact of the curbs"): the measure itself is not weighed."""
    status = load_triggers().raw["measures"]["status"]
    verbs = "|".join(status["effect_verbs"])
    nouns = "|".join(sorted(status["effect_nouns"], key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\w*\s+(?:the\s+|its\s+|their\s+|possible\s+|"
                      rf"potential\s+)*(?:{nouns})\s+(?:to|of|from|on)\b", re.IGNORECASE)


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
    """The date a cue ("effective", "taking effect on") says the measure takes effect, in
    its sentence or in the next when that one opens on the measure ("It takes effect
    on ..."); a yearless one ("effective Aug. 1") is the first such day on or after the
    measure's own date when it has one."""
    rules = measure_rules()
    mentions = list(ctx.dates_in(c.extent.begin, c.sentence.end))
    following = ctx.sentence_of(c.sentence.end + 1)
    if following is not None and following.begin > c.sentence.begin and \
            _MEASURE_PRONOUN.match(ctx.text, following.begin):
        # "... decided to prohibit the export of cars. It will be enforced from 9 August."
        mentions += ctx.dates_in(following.begin, following.end)
    for mention in mentions:
        sentence = following if mention.span.begin >= c.sentence.end and following else \
            c.sentence
        lead = ctx.text[max(sentence.begin, mention.span.begin - 30):mention.span.begin]
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


def measure_ending(ctx: Context, c: Candidate) -> str | None:
    """"ended" when the text says the measure was lifted, scrapped or ended ("partly lifted
    the ban", "the quotas were scrapped") or that it lasted a stated time in the past
    ("halted shipments for about two months"); "paused" when it was suspended ("suspended
    for one year the controls", "the ban ... is suspended until ...")."""
    rules = measure_rules()
    text = ctx.text
    found: str | None = None
    if not c.verbal:
        # An ending verb and its object are a few words: the end of the sentence's start
        # holds them.
        before = text[max(c.sentence.begin, c.extent.begin - 400):c.extent.begin]
        if "(" in before or "—" in before or "–" in before:
            before = _PARENTHETICAL.sub(" ", before)
        m = rules.ended.search(before, max(0, len(before) - _ENDING_REACH))
        if m is not None and not _CLAUSE_CUT.search(m.group()):
            # "would suspend for one year the controls": a suspension announced
            found = (m.group("future") or m.group().split()[0]).lower()
        else:
            m = rules.ended_after.match(text, c.extent.end, c.sentence.end)
            found = m.group("verb").lower() if m is not None else None
    if found is not None:
        return "paused" if found in rules.paused else "ended"
    if c.verbal and _PAST_VERB.fullmatch(c.head.text.split()[0]) and \
            not _PERFECT.search(text, max(c.sentence.begin, c.head.begin - 12), c.head.begin):
        cut = _CLAUSE_CUT.search(text, c.extent.end, c.sentence.end)
        if rules.duration.search(text, c.extent.end, cut.start() if cut else c.sentence.end):
            return "ended"  # "Beijing halted shipments for weeks"
    return None


def ended_later(ctx: Context, candidates: list[Candidate],
                scanned: dict[str, list[re.Match[str]]]) -> None:
    """"... Japan's 2019 restrictions on exports ... The curbs were lifted in March 2023.":
    a sentence opening with a definite measure noun and a passive of ending or suspending
    gives that status to the last trade measure of its paragraph before it.  ``scanned``
    is the article's scan by :attr:`.rules.MeasureRules.phrases`."""
    seen: set[int] = set()
    for verb_word in scanned["ending"]:
        # Only a sentence with an ending verb can say so: look for the noun there.
        sentence = ctx.sentence_of(verb_word.start())
        if sentence is not None and sentence.begin not in seen:
            seen.add(sentence.begin)
            _ended_in(ctx, candidates, sentence)


def _ended_in(ctx: Context, candidates: list[Candidate], where: Span) -> None:
    rules = measure_rules()
    for m in _LATER_ENDING.finditer(ctx.text, where.begin, where.end):
        verb = rules.ended_after.match(ctx.text, m.end(), min(len(ctx.text), m.end() + 80))
        sentence = ctx.sentence_of(m.start("noun"))
        paragraph = ctx.paragraph_of(m.start("noun"))
        if verb is None or sentence is None or paragraph is None or (
                sentence.begin != m.start("np") and not _CLAUSE_START.search(
                    ctx.text, sentence.begin, m.start("np"))):
            continue
        before = [c for c in candidates if c.type in TRADE and
                  paragraph.begin <= c.head.begin < m.start("np")]
        if not before or before[-1].status is MeasureStatus.HISTORICAL:
            continue
        paused = verb.group("verb").lower() in rules.paused
        before[-1].ending = "paused" if paused else "ended"
        before[-1].status = MeasureStatus.ANNOUNCED if paused else MeasureStatus.HISTORICAL


@lru_cache(maxsize=1)
def _remaining() -> re.Pattern[str]:
    """A sentence opening on the measure just told and saying it still holds ("The duties
    remain in force"): ``[measures.anaphora] effect_subjects``, ``[measures.status]
    remaining``."""
    raw = load_triggers().raw["measures"]
    return re.compile(r"(?:" + phrase_alternation(raw["anaphora"]["effect_subjects"])
                      + r")\s+(?:\w+ly\s+)?(?:" + phrase_alternation(raw["status"]["remaining"])
                      + r")(?![\w-])")


def remaining_later(ctx: Context, candidates: list[Candidate]) -> None:
    """"... imposed duties ..., effective 23 March 2018. ... The duties remain in force.": a
    sentence opening with the measure just told and saying it still holds makes the last
    trade measure of its paragraph before it (in force or announced, not ended) a lasting
    one in force (see :func:`is_long_past`), whatever its age."""
    for m in _remaining().finditer(ctx.text):
        sentence = ctx.sentence_of(m.start())
        paragraph = ctx.paragraph_of(m.start())
        if sentence is None or paragraph is None or \
                ctx.text[sentence.begin:m.start()].strip():
            continue  # not the sentence's subject
        before = [c for c in candidates if c.type in TRADE and
                  paragraph.begin <= c.head.begin < sentence.begin]
        last = before[-1] if before else None
        while last is not None and last.antecedent is not None:
            last = last.antecedent  # "The duties were challenged.": the duties told before
        if last is not None and last.ending is None and \
                last.status in (MeasureStatus.IN_FORCE, MeasureStatus.ANNOUNCED):
            last.status, last.lasting = MeasureStatus.IN_FORCE, True  # it holds: in force


def unverified_later(ctx: Context, candidates: list[Candidate],
                     scanned: dict[str, list[re.Match[str]]]) -> None:
    """"... slowed their review of export licences. The Post could not independently verify
    that account.": a trade measure of the sentence, else the last one of the nearest of
    the two sentences before that has one, is reported, not established.  ``scanned`` is
    the article's scan by :attr:`.rules.MeasureRules.phrases`."""
    for m in scanned["unverified"]:
        sentence = ctx.sentence_of(m.start())
        if sentence is None:
            continue
        own = [c for c in candidates if c.sentence == sentence and c.type in TRADE]
        previous: Span | None = sentence
        for _ in range(_UNVERIFIED_REACH):
            # "... is suspending imports. The message was passed on, Kyodo reported. Beijing
            # did not publish a formal notice.": the claim a sentence or two before
            if own or previous is None or previous.begin < 2:
                break
            before = ctx.text[:previous.begin].rstrip()
            previous = ctx.sentence_of(len(before) - 1) if before else None
            own = [c for c in candidates if previous is not None and c.sentence == previous
                   and c.type in TRADE and c.status is not MeasureStatus.HISTORICAL][-1:]
        for c in own:
            if c.status in (MeasureStatus.IN_FORCE, MeasureStatus.ANNOUNCED) and \
                    c.ending is None:
                c.status = MeasureStatus.REPORTED


def share_weighed_infinitives(ctx: Context, candidates: list[Candidate]) -> None:
    """"Trump threatened ... to impose a tariff ... and to restrict exports": an infinitive
    coordinated with a measure under consideration is weighed with it."""
    for previous, c in zip(candidates, candidates[1:], strict=False):
        if c.verbal and previous.sentence == c.sentence and \
                previous.status is MeasureStatus.UNDER_CONSIDERATION and \
                previous.extent.end <= c.head.begin and \
                _AND_TO.match(ctx.text, previous.extent.end, c.head.begin):
            c.status = MeasureStatus.UNDER_CONSIDERATION


def is_long_past(ctx: Context, c: Candidate) -> bool:
    """A measure dated more than a year before the article's anchor is a precedent, unless
    a cue says it lasts ("since", "effective", "remains"), it was only suspended, or it is
    an entry of a list of measures still in place."""
    anchor = ctx.anchor
    if c.date is None or anchor is None or (c.entry is not None and c.entry.kind is not None) \
            or c.ending == "paused":
        return False
    if c.lasting and c.status is MeasureStatus.IN_FORCE:
        return False
    if _is_standing_regime(c):
        return False
    return _months_between(PartialDate(c.date.year, c.date.month or 12), anchor) > \
        _LONG_PAST_MONTHS


def _months_between(earlier: PartialDate | date, later: date) -> int:
    """Whole months from ``earlier`` (its month, else December) to ``later``."""
    return (later.year - earlier.year) * 12 + later.month - (earlier.month or 12)


def _is_standing_regime(c: Candidate) -> bool:
    """"the chip controls Washington imposed in October 2022", "licensing requirements for
    gallium", "added two chip designers to the Entity List": rules and listings stay on
    the books until the text says they ended; their age alone makes no episode of them
    (unlike "Beijing curbed shipments in 2010")."""
    if c.ending is not None or c.type not in _REGIME_TYPES:
        return False
    head = c.head.text
    # a verb makes an act of the past, unless what it does is list ("added X to the Entity
    # List"): a listing stays (a removal from a white list is an act)
    return measure_rules().standing.search(head) is not None and \
        (not c.verbal or _ADDED_TO_LIST.search(head) is not None)


def past_halts_are_controls(candidates: list[Candidate]) -> None:
    """"Beijing halted shipments for weeks in 2010": a past halt of shipments told by a verb
    of stopping is a de facto export control episode, not a formal ban."""
    heads = measure_rules().episode_heads
    for c in candidates:
        if c.type is MeasureType.EXPORT_BAN and c.status is MeasureStatus.HISTORICAL and \
                head_key(c.head.text) in heads:
            c.type = MeasureType.EXPORT_CONTROL


def undoes(c: Candidate) -> bool:
    """An "other" measure that undoes another for good ("lifted the curbs", "imports had
    partly resumed"), told as done: no modal or "to" before it (the hedges catch those)."""
    return c.type is MeasureType.OTHER and c.statement is None and (
        c.head.text.split()[0].lower() in measure_rules().undoing or
        _relief_list().search(c.head.text) is not None)


@lru_cache(maxsize=1)
def _relief_list() -> re.Pattern[str]:
    """Lists that permit (``[measures.ending].relief_lists``): "its list of approved
    destinations"; a party put on one is a restriction lifted."""
    return re.compile("|".join(f"(?:{p})" for p in
                               load_triggers().raw["measures"]["ending"]["relief_lists"]),
                      re.IGNORECASE)


def is_suspension(c: Candidate) -> bool:
    """An "other" measure that suspends another ("which Beijing froze for a year")."""
    return c.type is MeasureType.OTHER and \
        c.head.text.split()[0].lower() in measure_rules().suspending
