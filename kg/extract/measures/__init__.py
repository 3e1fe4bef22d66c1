"""Find measures: what an article reports about bans, controls, protests, budgets, drills.

Each mention of a measure becomes one :class:`~kg.model.MeasureMention` holding the
article's own account (issuer, target, date, status, covered goods); :mod:`kg.resolve`
decides which mentions, in one article and across articles, are one real-world measure.
The words are in ``[measures]`` of ``kg/data/triggers.toml``; the steps live in
:mod:`.finding` (where), :mod:`.hedges` (imagined or denied), :mod:`.parties` (who),
:mod:`.timing` (when, status) and :mod:`.scope` (covered goods).

Type
    Export and import measures need a head word (``ban``, ``prohibited``, ``restrictions``,
    ``curbs``, ``controls``, ``suspension``) and, within a few words in the same sentence, a
    domain word (``exports``, ``shipments``, ``imports``, ``sales ... to``); the pair gives
    the type (ban + export: ``export_ban``; control + export: ``export_control``; ban or
    suspension + import: ``import_ban``).  A passive head (``exports ... are now
    prohibited``) or a head with its own imposing verb (``a ban it imposed in 2023``) finds
    its domain word anywhere in the sentence.  A control or ban head whose object is a
    controlled good needs no domain word (``controls on gallium``, ``antimony controls``,
    ``gallium, which China has controlled since 2023``); consumer goods (seafood) are not
    controlled goods.  Without either ("the ban") a head is an anaphor: it gives a mention
    only when an imposing verb governs it in a dated sentence (``announced the ban on
    Tuesday``), and then takes the type of the last trade measure before it.  Licensing
    restrictions (``placed under export licensing``, ``made subject to licences``,
    ``stricter reviews of ... licences``), chip controls, travel advisories, protests
    (``summons X's ambassador``, ``lodges a protest``; "summoned the ambassador to lodge a
    protest" is one), defence budgets (only with an act on them: approved, proposed, a
    record), military drills and other measures (anti-dumping investigations, WTO cases,
    sanctions, entity lists, suspending a measure's implementation) are found by their
    phrases.  A bare plural in a sentence naming no
    actor ("... bought with export bans"), unless a verb takes it, speaks of measures in
    general and gives no mention; nor does a head in a law's name ("the Export Control Law").

Lists and timelines
    A paragraph that opens with a date and a dash or colon ("Jan. 7 – ...", "- July 3, 2023:
    ...") is an *entry*: its measures take the entry's date when their sentence gives none.
    When the paragraph before a run of entries ends in a colon naming measures and their
    issuer ("controls Beijing has layered on since 2023:"), each entry naming no measure of
    its own is one measure of that kind by that issuer ("Oct. 20, 2023: certain graphite
    products added"), mentions of an entry with no issuer take the lead-in's, and such
    measures get no target and are never "historical" (the list says they are in place).
    An article with a single date-headed paragraph has a dateline, not a timeline: that date
    is the article's, never a measure's.  A measure sentence ending in a colon before a
    bulleted list of goods covers the goods of the list.

Imagined measures
    A measure that is negated ("Beijing did not halt ...", "Japan did not impose any new
    restrictions"), conditional ("if China halted ..."), asked about without being weighed
    ("did not say whether ..."), or a scenario (an indefinite or bare noun no verb says was
    taken, subject of "could", "would", "might", "is unlikely", or any such mention in a
    sentence that calls itself a scenario) gives no mention; a negated measure followed by
    "as it did in 2010" is that precedent (historical, 2010).

Issuer
    In order: the possessor (``China's export ban``, ``Tokyo's protests``, ``tightening
    Japan's own export controls``); ``by X``; the subject of the verb that imposes, holds or
    carries out the measure (``China announced a ban``, ``X lodged a protest``, ``Tokyo was
    studying whether to take the matter to the WTO``); for a passive inside reported words
    (``He said exports ... are prohibited``), or reported words whose subject is "it", "we"
    or "the government", the speaker's side; else, unless the subject is a name no actor
    mention covers ("Hong Kong also banned ..."), the list lead-in's issuer, else the issuer
    of the nearest mention of the same family in the article (export, import, protest,
    ...); else the subject of the paragraph.  Outlets never issue measures.  A person
    issuing a state-level measure stands for the body they belong to (``affiliation``);
    persons stay issuers of protests.  When an article has exactly one protest by a person,
    its other protests of the same day (or undated) by that person's body or state are that
    person's protest.  A mention left without an issuer is dropped.

Target
    ``to``/``against``/``on``/``targeting``/``with``/``of``/``around`` + an actor after the
    head (not an outlet, not an international organisation, not "according to X", not past
    the next measure), or + a demonym (``to Japanese military end users``: Japan); else an
    actor of another state in the head's own clause that is not another measure's target;
    for a protest, and a WTO case, the issuer of the last measure of the other side; else the
    target of the nearest same-family mention by the same issuer that can be the same
    measure (dates within a month, no unrelated goods, not a list entry), and an anaphor
    that of the measure it stands for.  Measures listed together ("travel advisories,
    seafood import bans, and now export controls against Japan") share the target after
    the last; an import ban's goods name their origin ("Japanese seafood imports").  A
    measure the text gives no target (``China's controls on gallium``), or says targets no
    one ("not targeting any third party"), has none.  Targets are given as their state
    where known.

Status
    A precedent is historical; a "whether" clause after a verb of weighing, and cue words of
    history or consideration near the head, come first; then a question, a sentence opening
    "According to reports", or a trade measure known only from an outlet's report (reported
    words of a media actor, unless they relay an official act: "Kyodo reported that China
    announced a ban") is "reported"; then an effective date ("effective Aug. 1", "taking
    effect on Sept. 15", its year that of the measure's own date) says in force when it is
    past and announced when it is ahead; then the other cue words (reported, in force,
    announced) in that order; otherwise the type's default (``[measures.status.defaults]``).
    Protests, drills and budgets happen; they are never "in force".  A measure dated more
    than a year before the article's anchor is historical unless a cue says it lasts
    ("since", "effective", "remains") or it is an entry of a list of measures.  Generic
    export controls reported as in force by the issuer and against the target of an export
    ban of the same article, which can be the same measure, are that ban ("the export
    curbs", "export controls on critical inputs").

Date
    The date expressions of the sentence, adjacent ones merged into the most precise
    ("on 6th this month"), leaving out the dateline, dates of other reported words, of a
    third party's words (an outlet's report dates a measure known from it), of subordinate
    clauses ("days after ..."), of periods ("the fiscal year beginning in April") except
    "since <date>" right after the head (``controlled since August 2023``), dates with
    another measure between them and the head, and, for a noun no verb or action noun
    governs, dates before it unless inside its noun phrase (``Beijing's Nov. 14 advisory``)
    or they head its entry; a date in another measure's noun phrase is that one's.  Of
    those, the nearest that is not an effective date ("effective Aug. 1"), else the
    nearest.  Else a "day after" clause's offset from the main clause's day; else the date
    heading the mention's timeline entry.  "In 2010, when China halted ..." dates the
    clause it opens.  A measure inside reported words takes the date
    of the report when its issuer is the speaker's side (an announcement) or the speaker is
    an outlet.

``covers`` lists the materials named in the clause of an export, import, licensing or other
measure (in its list entry, for an entry; not those after a comma that starts another list
item, nor past another measure); ``via`` the outlet or source through which it is reported
(``according to X``, reported words of a media actor).
"""

from __future__ import annotations

from ...model import (
    ActorMention,
    Article,
    MaterialMention,
    MeasureMention,
    MeasureStatus,
    StatementMention,
)
from ..context import Context, build_context
from .candidate import TRADE, Candidate, enclosing, family, same_sentence
from .finding import find_candidates, find_entries, is_generic
from .hedges import is_imagined, is_question
from .parties import (
    fill_issuers,
    fill_targets,
    find_target,
    generic_controls_are_the_ban,
    governing_verb,
    local_issuer,
    protests_by_one_person,
    share_coordinated_targets,
)
from .scope import covered, to_mention
from .timing import is_long_past, measure_date, measure_status, measure_via

__all__ = ["find_measures"]

_ACTION_NOUN_REACH = 80


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
        from ..statements import find_statements

        statements = find_statements(article, actors, context=ctx)
    statements = sorted(statements, key=lambda st: (st.span.begin, st.span.end))
    entries = find_entries(ctx)
    dateline = None
    if len(entries) == 1:
        # One date-headed paragraph is a dateline ("January 7, 2026 - China has ..."), not a
        # timeline: its date is the article's, not its measures'.
        dateline, entries = entries[0].head_span, []
    candidates = find_candidates(ctx, materials, entries)
    for c in candidates:
        c.statement = enclosing(statements, c.head)
        c.question = is_question(c)
        c.governed = c.governed or c.verbal or governing_verb(
            ctx, c, c.sentence.begin) is not None or _action_noun(ctx, c)
    candidates = [c for c in candidates if not is_generic(ctx, c) and not is_imagined(ctx, c)]
    candidates = _resolve_anaphors(candidates)
    for c in candidates:
        local_issuer(ctx, c)
    fill_issuers(ctx, candidates)
    for c in candidates:
        c.date = measure_date(ctx, c, statements, candidates, dateline=dateline)
        c.status = measure_status(ctx, c)
        c.via = measure_via(ctx, c)
    ordered = sorted(materials, key=lambda m: (m.span.begin, m.span.end, m.name))
    for c in candidates:
        c.covers = covered(ctx, c, ordered, same_sentence(candidates, c))
    for c in candidates:
        find_target(ctx, c, same_sentence(candidates, c))
        if is_long_past(ctx, c):
            c.status = MeasureStatus.HISTORICAL
    share_coordinated_targets(ctx, candidates)
    fill_targets(ctx, candidates)
    protests_by_one_person(ctx, candidates)
    generic_controls_are_the_ban(ctx, candidates)
    out = [to_mention(ctx, c) for c in candidates if c.issuer is not None]
    return sorted(out, key=lambda m: (m.span.begin, m.span.end, m.type.value))


def _action_noun(ctx: Context, c: Candidate) -> bool:
    """"approval of", "announcement of" shortly before the mention."""
    from .finding import ACTION_NOUN

    begin = max(c.sentence.begin, c.extent.begin - _ACTION_NOUN_REACH)
    return ACTION_NOUN.search(ctx.text[begin:c.extent.begin]) is not None


def _resolve_anaphors(candidates: list[Candidate]) -> list[Candidate]:
    """An anaphor takes the type of the last trade measure before it (or, failing that,
    after it in the same sentence); one with none is dropped."""
    out: list[Candidate] = []
    for index, c in enumerate(candidates):
        if not c.anaphor:
            out.append(c)
            continue
        wanted = [o for o in candidates[:index] if not o.anaphor and o.type in TRADE]
        measure_word = c.head.text.lower() == "measure"
        if not measure_word:
            wanted = [o for o in wanted if family(o.type) in ("export", "import_ban")]
        if wanted:
            c.type = wanted[-1].type
            c.antecedent = wanted[-1]
            out.append(c)
    return out
