"""Find measures: what an article reports about bans, controls, protests, budgets, drills.

Each mention of a measure becomes one :class:`~kg.model.MeasureMention`;
:mod:`kg.resolve` merges the mentions of one real-world measure by type, issuer's root and
target's root.  The rules (words in ``[measures]`` of ``kg/data/triggers.toml``):

Type
    Export and import measures need a head word (``ban``, ``prohibited``, ``restrictions``,
    ``curbs``, ``controls``, ``suspension``) and, within a few words in the same sentence, a
    domain word (``exports``, ``exporting``, ``imports``); the pair gives the type
    (ban + export: ``export_ban``; control + export: ``export_control``; ban or suspension
    + import: ``import_ban``).  A passive head (``exports ... are now prohibited``) finds its
    domain word anywhere before it in the sentence.  Without a domain word ("the ban") a head
    is an anaphor and gives no mention.  Licensing restrictions, travel advisories,
    protests, defence budgets (only with an act on them: approved, proposed, a record),
    military drills and other measures (sanctions, entity lists) are found by their
    phrases.  A bare plural in a sentence naming no actor ("... bought with export bans")
    speaks of measures in general and gives no mention.

Issuer
    In order: the possessor (``China's export ban``, ``Tokyo's protests``); ``by X``; the
    subject of the verb that imposes, holds or carries out the measure (``China announced a
    ban``, ``X lodged a protest``, ``China restricted exports``); for a passive inside
    reported words (``He said exports ... are prohibited``), or reported words whose subject
    is "it", "we" or "the government", the speaker's side; else, unless the subject is a
    name no actor mention covers ("Hong Kong also banned ..."), the issuer of the nearest
    mention of the same family in the article (export, import, protest, ...); else the
    subject of the paragraph.  Outlets never issue measures.  A person issuing a
    state-level measure stands for the body they belong to (``affiliation``); persons stay
    issuers of protests.  When an article has exactly one protest by a person, its other
    protest mentions by that person's body or state are that person's protest.  A mention
    left without an issuer is dropped.

Target
    ``to``/``against``/``on``/``targeting``/``with``/``of``/``around`` + an actor after the
    head (not an outlet, not "according to X"); else the first actor of the sentence
    belonging to another state than the issuer; else the target of the nearest same-family
    mention by the same issuer; for a protest, the issuer of the measure protested.
    Targets are given as their state where known.

Status
    Cue words within a few words of the head, checked in the order historical, under
    consideration, reported, in force, announced; otherwise the type's default
    (``[measures.status.defaults]``).  Protests, drills and budgets happen; they are never
    "in force".  A measure dated more than a year before the article's anchor is historical.
    Generic export controls reported as in force by the issuer and against the target of an
    export ban of the same article are that ban ("the export curbs", "export controls on
    critical inputs") and take its type.

Date
    The date expression of the sentence nearest the head, leaving out the dateline, dates of
    other reported words, of subordinate clauses ("days after ..."), of periods ("the fiscal
    year beginning in April"), dates with another measure between them and the head, and,
    for a noun no verb or action noun governs ("filed a complaint on Wednesday over Japan's
    curbs"), dates before it.  A measure inside reported words takes the date of the report
    when its issuer is the speaker's side (an announcement) and its clause has no date.

``covers`` lists the materials named in the clause of an export, import, licensing or other
measure (not those after a comma that starts another list item); ``via`` the outlet or source
through which it is reported (``according to X``, reported words of a media actor).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import (
    ActorMention,
    ActorType,
    Article,
    MaterialMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
    StatementMention,
)
from .context import Context, build_context
from .triggers import MeasureRule, load_triggers

_EXPORT_FAMILY = frozenset({MeasureType.EXPORT_BAN, MeasureType.EXPORT_CONTROL,
                            MeasureType.LICENSING_RESTRICTION})
_ONE_OFF = frozenset({MeasureType.PROTEST, MeasureType.MILITARY_DRILL, MeasureType.BUDGET})
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|now\s+|also\s+|not\s+)?$",
                      re.IGNORECASE)
_TARGET_PREPOSITIONS = re.compile(
    r"\b(?:to|against|on|targeting|targeted at|aimed at|with|of|around|near|off|toward|towards|"
    r"at|from)\s+(?:the\s+)?$", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(?:beginning|starting|ending|until|till|through|throughout|by|"
                            r"since)\s+(?:in\s+|on\s+)?$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:after|before|since|when|while|following|until|once)\b",
                          re.IGNORECASE)
_ACTION_NOUN = re.compile(r"\b(?:approval|adoption|announcement|imposition|introduction|"
                          r"decision|launch|passage|unveiling)\s+of\b", re.IGNORECASE)
_CAPITAL_WORDS = frozenset({"it", "they", "he", "she", "we", "officials", "authorities",
                            "the", "this", "that", "analysts", "reports", "sources"})
_MODALS = frozenset({"would", "will", "to", "could", "may", "might", "shall", "should", "can",
                     "did", "does", "do", "must"})
_OVERLAP_REACH = 8
_COVERS_BEFORE = 60
_TRADE = frozenset({MeasureType.EXPORT_BAN, MeasureType.EXPORT_CONTROL,
                    MeasureType.LICENSING_RESTRICTION, MeasureType.IMPORT_BAN,
                    MeasureType.OTHER})
_COREFERENCE_REACH = 40
"""How many mentions away an anaphoric mention looks for the mention it refers to."""
_STATUS_WINDOW_BEFORE = 10
_STATUS_WINDOW_AFTER = 5
_TARGET_WINDOW = 100
_POSSESSOR_WINDOW = 110
_GOVERNING_WORDS = 6


@dataclass
class _Candidate:
    """A measure mention being built."""

    type: MeasureType
    head: Span
    sentence: Span
    extent: Span
    verbal: bool
    issuer: str | None = None
    issuer_span: Span | None = None
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


def find_measures(article: Article, actors: list[ActorMention],
                  materials: list[MaterialMention], *,
                  statements: list[StatementMention] | None = None,
                  context: Context | None = None) -> list[MeasureMention]:
    """Return the measures ``article`` reports, one per mention, sorted by span.

    ``statements`` (from :func:`kg.extract.statements.find_statements`) tell which
    mentions are reported words and by whom; they are computed here when not passed.
    """
    ctx = context or build_context(article, actors)
    if statements is None:
        from .statements import find_statements

        statements = find_statements(article, actors, context=ctx)
    statements = sorted(statements, key=lambda st: (st.span.begin, st.span.end))
    candidates = [c for c in _candidates(ctx) if not _is_generic(ctx, c)]
    for candidate in candidates:
        candidate.statement = _enclosing(statements, candidate.head)
        candidate.governed = candidate.verbal or _governing_verb(
            ctx, candidate, candidate.sentence.begin) is not None or _ACTION_NOUN.search(
                ctx.text[max(candidate.sentence.begin, candidate.extent.begin - 80):
                         candidate.extent.begin]) is not None
        _local_issuer(ctx, candidate)
        candidate.status = _status(ctx, candidate)
        candidate.date = _date(ctx, candidate, statements, candidates)
        candidate.via = _via(ctx, candidate)
    _fill_issuers(ctx, candidates)
    for candidate in candidates:
        _target(ctx, candidate)
        if _is_long_past(ctx, candidate):
            candidate.status = MeasureStatus.HISTORICAL
    _fill_targets(ctx, candidates)
    _protests_by_one_person(ctx, candidates)
    _generic_controls_are_the_ban(ctx, candidates)
    ordered = sorted(materials, key=lambda m: (m.span.begin, m.span.end, m.name))
    out = [_mention(ctx, c, ordered) for c in candidates if c.issuer is not None]
    return sorted(out, key=lambda m: (m.span.begin, m.span.end, m.type.value))


# -- candidates -------------------------------------------------------------------------------

def _candidates(ctx: Context) -> list[_Candidate]:
    t = load_triggers()
    found: list[_Candidate] = []
    by_type = {r.type: r for r in t.measure_rules}
    for rule in t.measure_rules:
        if rule.phrases is None:
            continue
        for m in rule.phrases.finditer(ctx.text):
            sentence = ctx.sentence_of(m.start())
            if sentence is None:
                continue
            if rule.action_cues and not any(c in sentence.text.lower() for c in rule.action_cues):
                continue
            span = Span(m.start(), m.end(), m.group())
            found.append(_Candidate(rule.type, span, sentence, span,
                                    verbal=_is_verbal(m.group(), ctx, m.start())))
    found.extend(_headed(ctx, by_type))
    return _without_duplicates(found)


def _headed(ctx: Context, rules: dict[MeasureType, MeasureRule]) -> list[_Candidate]:
    """Export/import measures: a head word with a domain word near it."""
    out: list[_Candidate] = []
    heads: dict[tuple[int, int], set[MeasureType]] = {}
    for kind in (MeasureType.EXPORT_BAN, MeasureType.IMPORT_BAN, MeasureType.EXPORT_CONTROL):
        rule = rules.get(kind)
        if rule is None or rule.heads is None:
            continue
        for m in rule.heads.finditer(ctx.text):
            heads.setdefault((m.start(), m.end()), set()).add(kind)
    for (begin, end), kinds in sorted(heads.items()):
        sentence = ctx.sentence_of(begin)
        if sentence is None:
            continue
        head = Span.of(ctx.text, begin, end)
        domain = _domain_word(ctx, head, sentence)
        if domain is None:
            continue
        word, is_export = domain
        if is_export:
            kind = MeasureType.EXPORT_BAN if MeasureType.EXPORT_BAN in kinds else (
                MeasureType.EXPORT_CONTROL if MeasureType.EXPORT_CONTROL in kinds else None)
        else:
            kind = MeasureType.IMPORT_BAN if MeasureType.IMPORT_BAN in kinds else None
        if kind is None:
            continue
        extent = Span.of(ctx.text, min(head.begin, word.begin), max(head.end, word.end))
        out.append(_Candidate(kind, head, sentence, extent,
                              verbal=_is_verbal(head.text, ctx, head.begin)))
    return out


def _domain_word(ctx: Context, head: Span, sentence: Span) -> tuple[Span, bool] | None:
    """The export/import word nearest the head, within the window (see module doc)."""
    t = load_triggers()
    text = ctx.text
    before_text = text[sentence.begin:head.begin]
    passive = _PASSIVE.search(before_text) is not None
    best: tuple[int, Span, bool] | None = None
    for regex, is_export in ((t.export_regex, True), (t.import_regex, False)):
        for m in regex.finditer(text, sentence.begin, sentence.end):
            if m.end() <= head.begin:
                between = text[m.end():head.begin]
                distance = len(between.split())
                if distance > t.domain_window and not passive:
                    continue
            elif m.start() >= head.end:
                between = text[head.end:m.start()]
                distance = len(between.split())
                if distance > t.domain_window or re.search(r"[;:]|\s[—–]\s", between):
                    continue
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, Span(m.start(), m.end(), m.group()), is_export)
    return (best[1], best[2]) if best else None


def _is_verbal(word: str, ctx: Context, begin: int) -> bool:
    """Whether the head is a verb: an -ed or -ing form, a present form, or a base form
    after a modal or "to" ("it would suspend imports")."""
    lower = word.lower().split()[0]
    if lower.endswith(("ed", "ing")) or lower in ("bans", "protests", "restricts", "curbs",
                                                  "halts", "suspends", "prohibits", "bars"):
        return True
    before = ctx.text[max(0, begin - 12):begin].lower().split()
    return bool(before) and before[-1] in _MODALS


def _without_duplicates(found: list[_Candidate]) -> list[_Candidate]:
    """One candidate per stretch of text: licensing before export ban before import ban
    before export control; the phrase families stand apart."""
    priority = {MeasureType.LICENSING_RESTRICTION: 0, MeasureType.EXPORT_BAN: 1,
                MeasureType.IMPORT_BAN: 2, MeasureType.EXPORT_CONTROL: 3}
    ordered = sorted(found, key=lambda c: (c.extent.begin, priority.get(c.type, 9),
                                           -c.extent.end))
    kept: list[_Candidate] = []
    for candidate in ordered:
        # Kept candidates are in text order: only the last few can overlap this one.
        clash = next((k for k in kept[-_OVERLAP_REACH:] if _overlap(k.extent, candidate.extent)
                      and (k.type in priority) == (candidate.type in priority)
                      and (k.type in priority or k.type == candidate.type)), None)
        if clash is None:
            kept.append(candidate)
        elif priority.get(candidate.type, 9) < priority.get(clash.type, 9):
            kept[kept.index(clash)] = candidate
    return sorted(kept, key=lambda c: c.head.begin)


def _overlap(a: Span, b: Span) -> bool:
    return a.begin < b.end and b.begin < a.end


def _is_generic(ctx: Context, c: _Candidate) -> bool:
    """"... can be bought with export bans": a bare plural with no actor in its sentence
    speaks of measures in general, not of one."""
    if not c.head.text.lower().endswith("s"):
        return False
    before = ctx.text[max(c.sentence.begin, c.extent.begin - 20):c.extent.begin]
    if re.search(r"\b(?:the|this|these|those|its|their|his|her|our)\s+(?:[\w-]+\s+)?$",
                 before, re.IGNORECASE) or re.search(r"['’]s\s+$", before):
        return False
    return not ctx.actors_in(c.sentence.begin, c.sentence.end)


def _is_long_past(ctx: Context, c: _Candidate) -> bool:
    """A measure dated more than a year before the article's anchor is a precedent."""
    anchor = ctx.anchor
    if c.date is None or anchor is None:
        return False
    last_month = c.date.month or 12
    return (anchor.year - c.date.year) * 12 + anchor.month - last_month > 12


def _enclosing(statements: list[StatementMention], span: Span) -> StatementMention | None:
    """The statement whose reported words hold ``span`` (statements sorted by span)."""
    i = bisect.bisect_right(statements, span.begin, key=lambda st: st.span.begin)
    for statement in statements[max(0, i - _OVERLAP_REACH):i]:
        if statement.span.begin <= span.begin and span.end <= statement.span.end:
            return statement
    return None


# -- issuer -----------------------------------------------------------------------------------

def _local_issuer(ctx: Context, c: _Candidate) -> None:
    """Issuer from the sentence itself (possessor, "by X", subject, reporting speaker)."""
    clause_begin = c.sentence.begin
    if c.statement is not None and c.statement.span.begin <= c.head.begin:
        clause_begin = max(clause_begin, c.statement.span.begin)
    mention = None if c.verbal else _possessor(ctx, c)
    if mention is None:
        mention = _by_agent(ctx, c)
    if mention is not None:
        _set_issuer(ctx, c, mention.name, mention.span)
        return
    passive = _PASSIVE.search(ctx.text[clause_begin:c.head.begin]) is not None and c.verbal
    if not passive:
        verb = c.head if c.verbal else _governing_verb(ctx, c, clause_begin)
        if verb is not None:
            subject = ctx.subject(verb.begin, clause_begin)
            if subject is not None:
                _set_issuer(ctx, c, subject.name, subject.span)
                return
            c.unknown_subject = _named_subject(ctx, verb.begin, clause_begin)
    if c.statement is not None and c.statement.speaker and \
            _acts_for_state(ctx, c.statement.speaker) and (passive or _own_side(ctx, c)):
        # "He said exports ... are prohibited", "she said the government had summoned ...":
        # the measure is the speaker's side's.
        speaker = c.statement.speaker
        if ctx.type_of(speaker) is ActorType.PERSON:
            facts = ctx.facts.get(speaker)
            speaker = (facts.affiliation or facts.part_of if facts else None) or speaker
        _set_issuer(ctx, c, speaker, None)


def _own_side(ctx: Context, c: _Candidate) -> bool:
    """Whether the subject before the head is "it", "we", "the government" (the speaker's)."""
    floor = c.sentence.begin if c.statement is None else max(c.sentence.begin,
                                                              c.statement.span.begin)
    before = ctx.text[max(floor, c.head.begin - 60):c.head.begin]
    return re.search(r"\b(?:it|we|the government|our government|the country|authorities|"
                     r"the authorities|the cabinet|officials)\s+(?:\w+\s+){0,3}$", before,
                     re.IGNORECASE) is not None


def _named_subject(ctx: Context, verb_begin: int, clause_begin: int) -> bool:
    """Whether a capitalised name no actor mention covers is the verb's subject."""
    m = re.search(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+(?:(?:has|have|had|also|"
                  r"\w+ly|will|would)\s+){0,3}$", ctx.text[max(clause_begin, verb_begin - 60):
                                                           verb_begin])
    if m is None:
        return False
    begin = verb_begin - len(m.group())
    sentence = ctx.sentence_of(begin)
    at_start = sentence is not None and sentence.begin == begin
    word = m.group(1).split()[0]
    if at_start and len(m.group(1).split()) == 1 and word.lower() in _CAPITAL_WORDS:
        return False
    return not ctx.actors_in(begin, verb_begin)


def _acts_for_state(ctx: Context, name: str) -> bool:
    kind = ctx.type_of(name)
    return kind in (ActorType.STATE, ActorType.GOVERNMENT_BODY, ActorType.PERSON)


def _set_issuer(ctx: Context, c: _Candidate, name: str, span: Span | None) -> None:
    if ctx.type_of(name) is ActorType.MEDIA:
        return  # outlets report measures; they do not issue them
    if c.type is not MeasureType.PROTEST and ctx.type_of(name) is ActorType.PERSON:
        facts = ctx.facts.get(name)
        parent = facts.affiliation or facts.part_of if facts else None
        name = parent or ctx.root(name) or name
    c.issuer = name
    c.issuer_span = span


def _possessor(ctx: Context, c: _Candidate) -> ActorMention | None:
    """"China's export ban", "Japan's late December approval of a ... budget"."""
    begin = max(c.sentence.begin, c.extent.begin - _POSSESSOR_WINDOW)
    best: ActorMention | None = None
    for mention in ctx.actors_in(begin, c.extent.begin):
        between = ctx.text[mention.span.end:c.extent.begin]
        possessive = mention.span.text.endswith(("'s", "’s")) or between.startswith(("'s", "’s"))
        if not possessive:
            if between.strip() == "" and mention.type is not ActorType.PERSON:
                best = mention  # "Chinese export ban", "Tokyo protests"
            continue
        if re.search(r"[,;:—–]|\b(?:is|are|was|were|has|have|had|that|which|who)\b", between):
            continue
        best = mention
    return best


def _by_agent(ctx: Context, c: _Candidate) -> ActorMention | None:
    after = ctx.text[c.extent.end:min(c.sentence.end, c.extent.end + 12)]
    m = re.match(r"\s+(?:imposed\s+|issued\s+|announced\s+)?by\s+(?:the\s+)?", after)
    if m is None:
        return None
    return ctx.actor_at(c.extent.end + m.end())


def _governing_verb(ctx: Context, c: _Candidate, clause_begin: int) -> Span | None:
    """An imposition verb ("announced", "lodged", "approved") shortly before the head."""
    t = load_triggers()
    verbs = t.imposition_verbs | t.family_verbs.get(_family(c.type), frozenset())
    if c.type is MeasureType.IMPORT_BAN:
        verbs = verbs | t.family_verbs.get("import_ban", frozenset())
    text = ctx.text
    window = text[clause_begin:c.extent.begin]
    tokens = list(re.finditer(r"[\w’'-]+|[,;:]", window))
    for count, token in enumerate(reversed(tokens)):
        if count >= _GOVERNING_WORDS or token.group() in (",", ";", ":"):
            return None
        if token.group().lower() in verbs:
            begin = clause_begin + token.start()
            return Span.of(text, begin, clause_begin + token.end())
    return None


def _fill_issuers(ctx: Context, candidates: list[_Candidate]) -> None:
    """Mentions with no issuer of their own take that of the nearest mention of their
    family (before them first), else the subject of their paragraph."""
    for index, c in enumerate(candidates):
        if c.issuer is not None or c.unknown_subject:
            continue
        family = _family(c.type)
        source = _nearest(candidates, index, lambda o, f=family: bool(
            o.issuer and _family(o.type) == f and o.issuer_span is not None))
        if source is not None:
            c.issuer = source.issuer
            continue
        paragraph = ctx.paragraph_of(c.head.begin)
        if paragraph is not None:
            subject = ctx.clause_subject(paragraph.begin, c.head.begin)
            if subject is not None:
                _set_issuer(ctx, c, subject.name, None)


def _nearest(candidates: list[_Candidate], index: int, wanted: Callable[[_Candidate], bool],
             *, after: bool = True) -> _Candidate | None:
    """The closest candidate before ``index`` that is ``wanted``, else (when ``after``) the
    closest after it; at most :data:`_COREFERENCE_REACH` mentions away either side."""
    for i in range(index - 1, max(-1, index - 1 - _COREFERENCE_REACH), -1):
        if wanted(candidates[i]):
            return candidates[i]
    if after:
        for i in range(index + 1, min(len(candidates), index + 1 + _COREFERENCE_REACH)):
            if wanted(candidates[i]):
                return candidates[i]
    return None


def _family(kind: MeasureType) -> str:
    return "export" if kind in _EXPORT_FAMILY else kind.value


# -- target -----------------------------------------------------------------------------------

def _target(ctx: Context, c: _Candidate) -> None:
    issuer_root = ctx.root(c.issuer)
    text = ctx.text
    end = min(c.sentence.end, c.extent.end + _TARGET_WINDOW)
    for mention in ctx.actors_in(c.extent.end, end):
        before = text[max(c.extent.end, mention.span.begin - 20):mention.span.begin]
        if mention.type is ActorType.MEDIA or re.search(r"according\s+to\s+(?:the\s+)?$",
                                                        before, re.IGNORECASE):
            continue
        if _TARGET_PREPOSITIONS.search(before) and ctx.root(mention.name) != issuer_root:
            c.target, c.target_span = _as_state(ctx, mention.name), mention.span
            return
    for mention in ctx.actors_in(c.sentence.begin, c.sentence.end):
        state = ctx.state_of(mention.name)
        if state is not None and state != ctx.state_of(c.issuer) and \
                ctx.root(mention.name) != issuer_root and mention.name != c.issuer:
            c.target = state
            return


def _as_state(ctx: Context, name: str) -> str:
    return ctx.state_of(name) or name


def _fill_targets(ctx: Context, candidates: list[_Candidate]) -> None:
    for index, c in enumerate(candidates):
        if c.target is not None:
            continue
        root = ctx.root(c.issuer)
        if c.type is MeasureType.PROTEST:
            protested = _nearest(candidates, index, lambda o, r=root: bool(
                o.type is not MeasureType.PROTEST and o.issuer and ctx.root(o.issuer) != r),
                after=False)
            if protested is not None:
                c.target = _as_state(ctx, protested.issuer)  # type: ignore[arg-type]
            continue
        if c.type is MeasureType.BUDGET:
            continue
        family = _family(c.type)
        source = _nearest(candidates, index, lambda o, f=family, r=root: bool(
            o.target and _family(o.type) == f and ctx.root(o.issuer) == r))
        if source is not None:
            c.target = source.target


# -- status, date, via ------------------------------------------------------------------------

def _status(ctx: Context, c: _Candidate) -> MeasureStatus:
    t = load_triggers()
    text = ctx.text
    before = text[c.sentence.begin:c.extent.begin].split()[-_STATUS_WINDOW_BEFORE:]
    after = text[c.extent.end:c.sentence.end].split()[:_STATUS_WINDOW_AFTER]
    window = " ".join([*before, text[c.extent.begin:c.extent.end], *after])
    default = t.status_defaults.get(c.type, MeasureStatus.ANNOUNCED)
    for status, regex in t.status_regexes:
        if regex.search(window):
            if status is MeasureStatus.IN_FORCE and c.type in _ONE_OFF:
                return default  # a protest or a drill happens; it is not "in force"
            return status
    return default


def _date(ctx: Context, c: _Candidate, statements: list[StatementMention],
          candidates: list[_Candidate]) -> PartialDate | None:
    text = ctx.text
    others = [o.head for o in _same_sentence(candidates, c)]
    best: tuple[int, PartialDate] | None = None
    own = c.statement
    for mention in ctx.dates_in(c.sentence.begin, c.sentence.end):
        span = mention.span
        if ctx.is_dateline(span):
            continue  # the article's own date in a dateline, not the measure's
        if _PERIOD_BEFORE.search(text[max(c.sentence.begin, span.begin - 25):span.begin]):
            continue
        holder = _enclosing(statements, span)
        if holder is not None and holder is not own:
            continue  # a date of other reported words
        if own is not None and holder is None:
            lead = text[own.span.begin:c.head.begin]
            if _SUBORDINATE.search(lead):
                continue  # "..., days after forces conducted drills": not the report's date
            if ctx.root(own.speaker) != ctx.root(c.issuer):
                continue  # a third party's report dates the report, not the measure
        if not c.governed and span.end <= c.extent.begin and holder is None:
            continue  # "filed a complaint on Wednesday over Japan's curbs": the filing's date
        lo, hi = sorted((span.end, c.head.begin))
        if any(lo < o.begin < hi for o in others):
            continue  # another measure stands between: the date is that one's
        if _SUBORDINATE.search(text[lo:hi]):
            continue  # "..., days after forces conducted drills": another clause's date
        distance = min(abs(span.begin - c.extent.end), abs(span.end - c.extent.begin))
        if best is None or distance < best[0]:
            best = (distance, mention.date)
    return best[1] if best else None


def _same_sentence(candidates: list[_Candidate], c: _Candidate) -> list[_Candidate]:
    """The other candidates of ``c``'s sentence (candidates are sorted by position)."""
    index = _position(candidates, c)
    out: list[_Candidate] = []
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(candidates) and candidates[i].sentence == c.sentence:
            out.append(candidates[i])
            i += step
    return out


def _position(candidates: list[_Candidate], c: _Candidate) -> int:
    lo, hi = 0, len(candidates)
    while lo < hi:
        mid = (lo + hi) // 2
        if candidates[mid].head.begin < c.head.begin:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _via(ctx: Context, c: _Candidate) -> str | None:
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


# -- article-level coreference ----------------------------------------------------------------

def _protests_by_one_person(ctx: Context, candidates: list[_Candidate]) -> None:
    """One protest by a person in the article: its body's or state's protests are it."""
    protests = [c for c in candidates if c.type is MeasureType.PROTEST and c.issuer]
    persons = {c.issuer for c in protests if ctx.type_of(c.issuer) is ActorType.PERSON}
    if len(persons) != 1:
        return
    person = persons.pop()
    root = ctx.root(person)
    chain = _ancestors(ctx, person)
    for c in protests:
        if c.issuer != person and (c.issuer in chain or ctx.root(c.issuer) == root):
            c.issuer = person


def _ancestors(ctx: Context, name: str | None) -> set[str]:
    found: set[str] = set()
    while name and name in ctx.facts and name not in found:
        found.add(name)
        facts = ctx.facts[name]
        name = facts.affiliation or facts.part_of
    return found


def _generic_controls_are_the_ban(ctx: Context, candidates: list[_Candidate]) -> None:
    bans = {(ctx.root(c.issuer), ctx.root(c.target)) for c in candidates
            if c.type is MeasureType.EXPORT_BAN and c.status is not MeasureStatus.HISTORICAL}
    for c in candidates:
        if c.type is MeasureType.EXPORT_CONTROL and c.status in (
                MeasureStatus.IN_FORCE, MeasureStatus.ANNOUNCED) and \
                (ctx.root(c.issuer), ctx.root(c.target)) in bans:
            c.type = MeasureType.EXPORT_BAN


# -- output -----------------------------------------------------------------------------------

def _mention(ctx: Context, c: _Candidate, materials: list[MaterialMention]) -> MeasureMention:
    begin, end = c.extent.begin, c.extent.end
    if c.issuer_span is not None and c.issuer_span.begin < begin and \
            c.issuer_span.begin >= c.sentence.begin and begin - c.issuer_span.begin < 120:
        begin = c.issuer_span.begin
    if c.target_span is not None and c.target_span.end > end and c.target_span.end - end < 80:
        end = c.target_span.end
    span = Span.of(ctx.text, begin, end)
    return MeasureMention(type=c.type, span=span, issuer=c.issuer, target=c.target, date=c.date,
                          status=c.status, covers=_covered_materials(ctx, c, begin, materials),
                          via=c.via)


def _covered_materials(ctx: Context, c: _Candidate, begin: int,
            materials: list[MaterialMention]) -> list[str]:
    """Materials named in the mention's clause, from just before it to the clause's end;
    protests, advisories, budgets and drills cover no materials."""
    if c.type not in _TRADE:
        return []
    clause_end = _clause_end(ctx, c)
    floor = max(c.sentence.begin, begin - _COVERS_BEFORE)
    i = bisect.bisect_left(materials, floor, key=lambda m: m.span.begin)
    covers: list[str] = []
    while i < len(materials) and materials[i].span.begin < clause_end:
        material = materials[i]
        i += 1
        if material.span.end > clause_end or material.name in covers:
            continue
        between = ctx.text[c.extent.end:material.span.begin]
        if material.span.begin > c.extent.end and "," in between and not re.search(
                r"\b(?:including|such as|like|especially|notably|in particular)\b", between):
            continue  # after a comma, another item of a list, not what the measure covers
        covers.append(material.name)
    return covers


def _clause_end(ctx: Context, c: _Candidate) -> int:
    rest = ctx.text[c.extent.end:c.sentence.end]
    m = re.search(r";|\s[—–]\s|,\s+(?:while|but|and|which|as|although|though|suggesting|"
                  r"prompting|potentially)\b", rest)
    return c.extent.end + m.start() if m else c.sentence.end

