"""Find measures: what an article reports about bans, controls, protests, budgets, drills.

Each mention of a measure becomes one :class:`~kg.model.MeasureMention` holding the
article's own account (issuer, target, date, status, covered goods); :mod:`kg.resolve`
decides which mentions, in one article and across articles, are one real-world measure.
The words are in ``[measures]`` of ``kg/data/triggers.toml``; the steps live in
:mod:`.finding` (where), :mod:`.entries` (timelines), :mod:`.hedges` (imagined or
denied), :mod:`.parties`, :mod:`.agents` and :mod:`.borrowing` (who),
:mod:`.targets` (against whom),
:mod:`.timing` (when), :mod:`.status` (where it stands) and :mod:`.scope` (covered goods);
:mod:`.scan` finds every phrase list
of an article in one pass.

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
    controlled goods; a word naming one before the head does too (``the dual-use ban``).
    A participle after a controlled good and a comma, before "since", is a control
    (``antimony (Sb), controlled since September 2024``, also ``licensed since``, which is
    a control only there); goods a control noun governs that each carry their own date in
    brackets are one control each (``controls on gallium (effective August 2023),
    graphite (December 2023) and ...``).  A
    ban whose object is a good named by its foreign origin is an import ban (``the ban on
    Australian wine``).  Some heads take their export word only as their object (``held
    shipments``, not ``exports held steady``), and an export word before a determiner that
    opens the head's own phrase is another phrase's (``exports in general rather than the
    new ban``).  Without either ("the ban") a head is an anaphor: it gives a mention only
    when an imposing verb governs it in a dated sentence (``announced the ban on Tuesday``,
    ``the measures announced by X on Jan. 6``; never in place of a measure of its own
    overlapping it: ``the chip controls that Washington imposed``), or when a government's
    dated act noun stands for it (``the ministry's announcement on Tuesday``), or a state
    or body owns it with a date between (``China's Jan. 6 ban``; a measure so referred back
    to is never weighed nor asked about by a "whether" clause around it), and then
    takes the type of the last trade measure before it ("the probe was announced on
    Wednesday": the last trade case).
    An anaphor dated over a month from that measure, or dated when it is not and naming
    another kind, is a measure of its own (``the expanded controls it had announced on
    Oct. 9``).  A permission denied is a ban (``exports ... would no longer be
    permitted``); one granted is nothing.  A licence requirement put on goods is an export
    control (``placed under export licensing``, ``licences required``, ``licences for X
    became mandatory``, ``require export licences``), as every gold set types it;
    licensing restrictions are the handling of licences (``partially revoked a licence``,
    ``licence applications stuck``, ``stricter reviews of ... licences``,
    machine-translated ``make strict the examination of export license``),
    chip controls, white-list removals (also from "its own list of trusted partners"),
    additions to a control list or an entity list (with the verb: ``added 140 entities to
    the Entity List``), travel advisories (every inflection of advise, warn, urge, tell,
    call on; a time between: ``advised its citizens in mid-November to avoid ...``;
    study-abroad alerts; safety advice to nationals abroad: ``urged its roughly 100,000
    nationals in China to avoid crowded places``, ``to weigh the risks``; quoted advice:
    ``remind citizens to "avoid travelling ..."``), protests (``summons X's ambassador``,
    ``lodges a protest``, ``demanded its withdrawal``; "summoned the ambassador to lodge a
    protest" is one),
    defence budgets (only with an act on them: approved, proposed, a record), military
    drills (also a verb of holding with them as object: ``held two days of exercises``,
    ``launched the drills``, ``starts "Justice Mission-2025" exercises``; drills in a "with"
    clause of drills are the same event: ``..., with live-fire drills continuing``) and
    other measures (anti-dumping investigations and measures, WTO cases and challenges,
    sanctions and countermeasures on named parties,
    tariffs, fees on ships and port fees, arms sales, additions to an unreliable entity
    list, film releases held back, stockpile releases, suspending a measure's
    implementation) are found by their phrases.  A bare plural in a sentence naming no actor
    but outlets ("... bought with
    export bans"), unless a verb takes it, speaks of measures in general and gives no
    mention; so does an export measure whose goods go to its own issuer's state
    ("shipments to China have all but stopped" read as China's); so does a bare noun
    someone calls for (``called for export control regimes
    that are predictable``), a bare singular "control" with no object (``the step
    concerned export control``); nor does a head in a law's name ("the Export Control
    Law") or one modifying another noun (``export-control dialogue``, ``export control
    officials``; ``[measures.names].modified_nouns``).  A domain word after a head and a
    comma that opens another clause is that clause's ("Before the ban, China was Japan's
    largest export market").

Lists and timelines
    A paragraph that opens with a date and a dash or colon ("Jan. 7 – ...", "- July 3, 2023:
    ...") is an *entry*: its measures take the entry's date when their sentence gives none.
    When the paragraph before a run of entries ends in a colon naming measures and their
    issuer ("controls Beijing has layered on since 2023:"), each entry naming no measure of
    its own is one measure of that kind by that issuer ("Oct. 20, 2023: certain graphite
    products added"), mentions of an entry with no issuer take the lead-in's, and such
    measures get no target and are never "historical" (the list says they are in place).
    A short label ending the lead-in ("... that Beijing has assembled over six years. The
    main steps:") names no kind: its entries' mentions with no issuer take the state the
    lead-in paragraph is about.  Controlled goods opening a clause that are "added" or
    "fall under licensing" ("Graphite is added, with licences required from December 1",
    "In August 2024 antimony was added") are one export control of those goods (the
    "with" clause its terms).  An article with a single date-headed paragraph has a
    dateline, not a timeline: that date is the article's, never a measure's.  A measure
    sentence ending in a colon before a bulleted list of goods covers the goods of the list.

Imagined measures
    A measure that is negated ("Beijing did not halt ...", "Japan did not impose any new
    restrictions"), conditional ("if China halted ..."), asked about without being weighed
    ("did not say whether ..."), or a scenario (an indefinite or bare noun no verb says was
    taken, subject of "could", "would", "might", "is unlikely", or any such mention in a
    sentence that calls itself a scenario), or stated in a paragraph labelled as a claim
    under examination ('Claim: "..."' in a fact check), or in a clause its writer or a
    party disowns (``I am not saying that China has imposed an embargo``, ``Beijing denied
    that it had halted shipments``, ``had "not received any notice" suspending ...``), or
    denied as a noun after a copula (``the controls "are not export bans"``, ``not an
    outright export ban``) gives no mention; a negated measure followed by "as it did in
    2010" is that precedent (historical, 2010), and a weighed one followed by a dated "as it
    did" clause is also that earlier measure (``may place X on its Unreliable Entity List,
    as it did with Lockheed Martin in 2023``: historical, 2023, against Lockheed Martin).

Issuer
    In order: the possessor in the measure's own noun phrase (``China's export ban``,
    ``Tokyo's protests``, ``tightening Japan's own export controls``; not ``Japan's name
    into an export control announcement``); ``by X`` (also past a participle: ``the budget
    of ¥9 trillion approved by the cabinet``); the agent of the measures a list hangs from
    (``countermeasures taken by the Chinese side, including ...``); the author a protest or
    advisory names with "from" or "of" (``a sharp protest from Tokyo``, ``a study-abroad
    warning from the Ministry of Education``); the subject of an object relative clause
    whose verb imposes it (``the provisional measures MOFCOM announced on Oct. 8``, ``the
    licensing regime China imposed in April``, ``the budget draft which the cabinet
    decided``); a nationality adjective
    before the head (``the American chip controls``); the subject of the verb that
    imposes, holds or carries out the measure (``China announced a ban``, ``X lodged a
    protest``, ``China answered with a travel advisory``, ``Tokyo was studying whether to
    take the matter to the WTO``, also an infinitive coordinated with one: ``threatened to
    impose a tariff ... and to restrict exports``), the owner of a noun of intent the
    infinitive depends on (``Beijing's decision to ban exports``, not the sentence's
    subject), of the verb a gerund of manner depends on (``China responded by warning
    ...``, ``answered on 4 Oct by barring ...``), a place after a preposition being no
    subject (``its embassy in Tokyo advise``), the state or body whose noun opens the
    clause (``MOFCOM's batch of announcements extends licence requirements``), "it" with no
    antecedent in its sentence being the state or body the sentence before is about (its
    subject, or the owner of its first noun: ``China's first response was legal. ... it
    filed``), a nationality heading the subject (``Chinese customs held up shipments``);
    the state whose ports or customs hold the goods (``shipments were stuck at Chinese
    ports``); items of a list after a colon belong to the state or body that is the
    subject of the clause before it (``Beijing has stacked one measure on another: an
    advisory ..., the suspension of ...``); reported words that open with their speaker's
    own predicate have the speaker as subject (``X calls the act "regrettable" and lodges
    protest``); for a passive inside reported words (``He said
    exports ... are prohibited``), or reported words whose subject is "it", "we" or "the
    cabinet", the speaker's side, and "the government", "the authorities", "officials"
    the speaker's state.  A governing verb is not looked for past "that" (``began reporting
    that shipments were stuck``).  Measures coordinated after one with an issuer share
    it (``Beijing had told its citizens ..., suspended imports ... and delayed ...``).
    A subject naming a government without saying whose, outside reported words ("The
    government could expand the stockpile", "the government has begun assessing whether
    to release ..."; bare "authorities", "officials" only opening a clause), is the state
    the text is about there: the state most named before the mention in its paragraph,
    else in the paragraphs before (a heading line counts), a subject counting twice, none
    on a tie; such an issuer is lent to other mentions only within its paragraph.  A
    subordinate clause opening the sentence ("After X and Y met in Busan, Beijing agreed
    to ...") is skipped to find the subject; "its" after a verb is that verb's subject's
    (``Seoul withdrew its WTO complaint``); the owner of an act whose gerund is the
    measure issues it (``Beijing's notice banning dual-use exports``).  A sentence whose
    subject is the writer ("I spent my career writing export-control rules ...") borrows
    no issuer for its measures.
    States that copied a trade measure, in a relative clause after it or as agents of a
    passive (``the controls that the Netherlands and Japan matched in 2023``, ``were
    matched in 2023 by the Netherlands and by Japan``), each issue a measure of its type,
    dated by that clause (:mod:`.copies`).
    A duty or import measure on goods shipped to a state ("a 50% duty took effect on Brazil's
    exports to the United States") is that importing state's.  In an item of a digest or a
    thread labelled with a state or body ("3/8 Peru: the 90-day suspension ...", "- Chile:
    ..."; :mod:`.labels`), a mention with no issuer of its own takes the label, and a
    numbered post or labelled item never borrows from another item.  A subject before a
    passive whose preposition governs the measure ("29 entities in X and Y ... are added to
    the list of ...") is what is listed, not who lists; a first-person subject ("and we have
    asked for consultations") that the sentence's own reading did not resolve borrows
    nothing.
    Else, unless the subject is a name no actor mention covers ("Hong Kong also banned
    ..."), the list lead-in's issuer, else, in a paragraph opening on "Its" or "Their",
    the state or body opening the paragraph before, else the issuer of the nearest mention
    of the same
    family in the article (export, import, protest, ...), unless it stands in another
    paragraph and another state issues clearly more (half as much again) of the article's
    measures of the family: then that state (a digest's one-liners); else the subject of
    the mention's clause (a possessor opening it counts: ``Tokyo's response has been
    confined to protests``), else of its paragraph, else the state behind most of the
    family's measures.  Outlets never issue measures.  A person
    issuing a state-level measure stands for the body they belong to (``affiliation``);
    persons stay issuers of protests.  When an article has exactly one protest by a person,
    its other protests of the same day (or undated) by that person's body or state are that
    person's protest.  A mention left without an issuer is dropped.
    A case (a WTO complaint) that borrowed the side whose own last measure it would answer,
    a side no measure before it aims at, is the case of the state that measure aims at
    (``China put duties on Australian wine. ... A WTO complaint is under discussion``:
    Australia's, against China); a side that brought a case before keeps its case
    (:mod:`.implied`).
    A borrowed issuer is never a state the mention's own words aim it at ("tariffs on
    Canada", "a tariff on imports from China", "duties on Canadian goods"): the next nearest
    measure's issuer is taken instead, and the next item of a list of such measures ("a 25%
    tariff on X and a 10% tariff on Y") shares the first's.  Before a measure of another
    paragraph, the sentence's own subject lends its issuer when it is a state or body whose
    verb takes measures ("China's foreign ministry announced that relations would be
    downgraded"); a paragraph's opening speaker a sentence or more away lends only its
    state.  A control list known by its proper name ("the Entity List") is its state's
    (``[measures.issuers.list_owners]``).  Headlines of a list of links to other stories
    ("Related:") give no measures, nor do section headings that are only a measure noun
    ("Export Controls: Russia"), measure words inside a body's name ("the Export Control
    Joint Unit"), or a measure named as a party's conduct ("firms which took part in arms
    sales to X").

Target
    ``to``/``against``/``on``/``targeting``/``with``/``of``/``around`` + an actor after the
    head (not an outlet, not an international organisation, not "according to X", not past
    the next measure nor the next clause), a person whose state is unknown standing for the
    state named next (``a senior diplomat at the Chinese Embassy``), or + a demonym (``to
    Japanese military end users``, ``into Japanese dichlorosilane``: Japan); else an
    actor of another state in the head's own clause that is not another measure's target
    nor, before the head, its subject, nor a time or place of the clause (``after Trump-Xi
    talks``, ``shortages at plants in Europe and India``; a good's origin is a target:
    ``originating in Japan``); what a list addition adds (``added TechInsights to its
    Unreliable Entity List``: the company; ``add more Chinese chipmakers to the Entity
    List``: China); an organisation acting as a state (the EU) may be targeted; a budget
    has no target; a protest's clause ends where the next predication starts (``...,
    deepening a row that began with remarks on Taiwan``); the subjects of a relative clause
    after the measure are not its target (``the controls that the Netherlands and Japan
    matched``), nor is an actor that only modifies a noun (``U.S.-linked subsidiaries``);
    a company after a preposition and the words describing it is the target as itself
    (``countermeasures on subsidiaries of shipbuilder Hanwha Ocean``);
    for a protest, and a WTO case, the issuer of the last measure of the other side aimed
    at the responder's state, else of its last measure (else one its sentence names after
    it: ``Japan protests as China bars ...``), a case answering no case; a protest, or an
    "other" response (a WTO case, a downgrade of ties, a recalled envoy, retaliation:
    ``[measures.targets]`` ``responding``, ``diplomatic_responses``) answering no measure
    of the article, the other state its sentence names (the last before it, else the first
    after it), else the last named in its paragraph or the few sentences before it
    (``Lithuania let Taiwan open an office. ... Beijing downgraded diplomatic ties``);
    an advisory, import ban or protest naming none, the one target of the measures its
    sentence tells the same side took (``told its citizens to avoid Japan, halted seafood
    imports``: see :mod:`.implied`); else the
    target of the nearest same-family mention by the same issuer that can be the same
    measure (dates within a month, no unrelated goods, not a list entry; an event referred
    back to, ``launched the drills on Monday``, may take it from an undated one), and an
    anaphor that of the measure it stands for.  Measures listed together ("travel advisories,
    seafood import bans, and now export controls against Japan") share the target after
    the last; an import ban's goods name their origin ("Japanese seafood imports").  A
    measure the text gives no target (``China's controls on gallium``), or says targets no
    one ("not targeting any third party"), has none; nor does a stockpile released or
    grown (``release part of the agency's stockpile to firms exposed to X's ban``).
    Targets are given as their state where known.

Status
    A precedent is historical; so is an act that undoes a measure for good, told as done
    (``Japan lifted the extra checks``, ``imports had only partly resumed``: type "other");
    so is a measure the text says was lifted, scrapped or ended
    (``partly lifted the ban``, ``the quotas were scrapped``, also in the next sentence or
    clause: ``The curbs were lifted in March 2023``), or that lasted a stated time in the
    past (``halted shipments for weeks``); a suspended one stays "announced" (``suspended for
    one year the controls``, ``the ban ... is suspended until ...``, also a suspension
    announced: ``said it would suspend for one year the controls``, ``agreed to pause the
    rules``) and is never made historical by its age.  A "whether" clause after a verb of
    weighing, and cue words of
    history or consideration near the head, come first; then a question, a sentence opening
    "According to reports", or a trade measure known only from an outlet's report (reported
    words of a media actor, unless they relay an official act: "Kyodo reported that China
    announced a ban") is "reported"; then an effective date ("effective Aug. 1", "taking
    effect on Sept. 15", its year that of the measure's own date) says in force when it is
    past and announced when it is ahead; then the other cue words (reported, in force,
    announced) in that order ("has since" is "since then", no cue of a lasting measure; a
    threat with a time between, ``threatened on Oct. 10 to impose``, and a measure a state
    could take, ``Beijing could raise tariffs``, are weighed, and so is an infinitive
    coordinated with a weighed one); with none of them, a measure whose own verb follows
    "will" or "shall" (``said it will exclude Korea from ...``, ``exporters will need a
    licence``) is "announced"; otherwise the type's default (``[measures.status.defaults]``).
    Protests, drills, budgets and advisories happen; they are never "in force"; approving a
    draft (budget) adopts it (``approves the fiscal 2026 budget draft``).  A trade measure
    in a sentence saying a claim could not be verified or has no official act behind it,
    or in the nearest of the two sentences before one that has one, is "reported" ("The
    Post could not independently verify that account", "Beijing did not publish a formal
    notice").  A "may", "could" or "might" before a verb of taking a measure (``may place
    ... on its Unreliable Entity List``), "under discussion", a measure being drafted or named
    "one option" of several weigh it; students "studying in" a country weigh nothing.
    A measure dated more than a year before the article's anchor is historical unless a
    cue says it lasts ("since", "remains", an effective date within the last year), it is
    an entry of a list of measures, or it is a set of standing rules (a control or licensing noun of
    ``[measures.status].standing``: ``the chip controls Washington imposed in 2022``,
    ``licensing requirements``, also names added to a list: ``added two firms to the Entity
    List``), which last until the text says they ended.  Generic
    export controls reported as in force by the issuer and against the target of an export
    ban of the same article, which can be the same measure, are that ban ("the export
    curbs", "export controls on critical inputs").

Date
    The date expressions of the sentence, adjacent ones merged into the most precise
    ("on 6th this month"), leaving out the dateline, dates of other reported words, of a
    third party's words (an outlet's report dates a measure it tells as going on, "reported
    on Tuesday that Beijing is considering ...", but neither its date nor its timeline entry
    dates one it tells in the past: "reports China started restricting ...", "reports that
    reviews have slowed"), of subordinate clauses ("days after ..."), of periods ("the
    fiscal year beginning in April", "with drills continuing the next day") except
    "since <date>" right after the head (``controlled since August 2023``), dates with
    another measure between them and the head, and, for a noun no verb or action noun
    governs, dates before it unless inside its noun phrase (``Beijing's Nov. 14 advisory``)
    or they head its entry; a date in another measure's noun phrase is that one's, and so is
    a bracketed date of the next item of a list (``controls on gallium (August 2023),
    graphite (December 2023)``).  Of
    those, the nearest that is not an effective date ("effective Aug. 1"), else the
    nearest; an effective date after the article's own date is never the measure's (it
    starts then; it was announced by the day of writing): with no other date, such a measure
    takes the article's own date (``will impose duties ... from Wednesday``, ``will need
    permits from Dec. 1``; an article with no date of its own, none); a date in the
    head's own participle clause after it (``a ban it imposed in 2023``, not ``On Feb. 2,
    X lifted the ban it imposed in 2023``) first.  Also left out:
    fiscal years (``for fiscal 2026``), dates of the answer to a question about the measure
    (also machine-translated ``in the press conference of 7th, about that the ministry
    announced ...``), dates after another measure and before an "and" that opens the
    mention's clause (``halted imports on 2 March and now bars exports``), dates of the
    next clause (``..., and on Dec. 26 the cabinet
    approved``) or of the next item of a list (``a halt to imports and, on Jan. 6, the
    ban``), dates of a subordinate clause a comma closes before the head (``When X spoke in
    November ..., China answered with ...``), and the report's date for an act the reported
    words put in the past perfect (``said on Wednesday the government had lodged a
    protest``), unless the issuer itself tells its own act under a pronoun (``the
    ministry said on Wednesday it had opened an investigation``: that day); an aside
    between a date and the head does not cut them apart (``on April 4, two days after ...,
    MOFCOM put ...``), nor does "since <date>, when" (``since April,
    when China added ...``); a date opening a clause that only names the measure dates it
    (``...; in December, a ban on ...``).  A bare year in the measure's noun phrase
    (``Japan's 2019 restrictions``) gives its year, refined by a date of the sentence in
    that year; a month named without a year after a year the sentence gives is of that year
    (``In July 2023 it announced ...; in October ...``, ``in July that year``), and a
    yearless month after "since" lies in the past.  Else a "day after" clause's offset
    from the main clause's day (a main clause told in the present with no date counts from
    the day of writing: ``Ten days after X, Tokyo is assembling ...``; months and a hedged
    count give the month: ``comes almost two months after X``), or a relative day counted
    from the last date named before that does not bound a state (``effective 28 August.
    The same day, ...``; ``the following day``, ``the same evening``, ``a month later``;
    a yearless date after a year names a day of the story's year: ``On 1 July 2019 ...
    From 4 July ... A month later``; not one of the next clause: ``X advises ...; five days
    later it halts``); else
    the date heading the mention's timeline entry (also past a subordinate clause a comma
    closes: ``Nov. 14 - A week after the remarks, China advises ...``).  An undated past
    measure right after a sentence of its paragraph that names no measure but one month
    over a year back takes that month (``The thaw came in March 2023, when ... . Japan
    lifted the extra checks``), unless its own sentence tells its time (``Same day,
    ...``).  An undated measure in a fronted "after" or "when" clause's main clause takes
    the year of that clause's date (``After a trawler collided ... in September 2010,
    customs held up ...``).  An undated measure told in a live blog's entry (``21:05 JST –
    ...``) takes the entry's day (:mod:`.live`).  A measure coordinated
    right after a dated one, with no subject or time word between, shares its date (``on
    2 December, when BIS added ... to the Entity List and put new controls on ...``); so
    does another kind of act its issuer's past verb tells after "and", with no subject of
    its own (``halted imports in November and advised its citizens to avoid ...``).  A
    case named with a definite determiner is the case its side brought before and takes
    its date (``Seoul revives the WTO dispute``).  "In 2010, when China halted ..." dates
    the clause it
    opens.  A measure inside reported words takes the date of the report when its issuer is
    the speaker's side (an announcement) or the speaker is an outlet.  The later steps of
    a series of controls, told with only goods and a date (``graphite followed in December
    2023 and antimony in September 2024``), are controls of their own (:mod:`.series`).

Learned measures
    In a sentence where no rule measure with an issuer stands, nor one the rules found
    negated, denied or asked about ("Has Japan lodged representations?"), a linear model
    trained on the annotated sets (:mod:`.learned`, data ``kg/data/measure_model.json``)
    may propose one:
    its type from the model, its head the word adding most to that type, and everything
    else from the steps above; negated, denied, conditional or claimed ones are dropped, and
    one whose issuer its own sentence does not name is never emitted.

``covers`` lists the materials named in the clause of an export, import, licensing or other
measure (in its list entry, for an entry; not those after a comma that starts another list
item, nor past another measure); ``via`` the outlet or source through which it is reported
(``according to X``, reported words of a media actor).
"""

from __future__ import annotations

import re
from functools import partial

from ...model import (
    ActorMention,
    Article,
    MaterialMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    Span,
    StatementMention,
)
from ..context import Context, build_context
from ..furniture import in_spans, link_list_spans
from ..gazetteer import token_stream
from .borrowing import fill_issuers, instrument_date
from .candidate import ONE_OFF, TRADE, Candidate, days_between, enclosing, family, same_sentence
from .conjuncts import share_coordinated_dates
from .copies import copied_measures
from .entries import find_entries
from .finding import find_candidates, is_generic
from .hedges import (
    imagined_reason,
    imagines_sentence,
    is_grievance,
    is_question,
    is_tally,
    weighed_precedent,
)
from .implied import answers_last_party, cases_of_the_aggrieved, share_sentence_targets
from .items import issuers_by_goods
from .learned import learned_measures
from .live import live_entry_dates
from .parties import (
    generic_controls_are_the_ban,
    governing_verb,
    local_issuer,
    protests_by_one_person,
    share_coordinated_issuers,
)
from .release import release_dates
from .rules import measure_rules
from .same_day import anchored_day_dates, same_day_dates
from .scope import covered, to_mention
from .series import series_steps
from .status import (
    ended_later,
    is_long_past,
    is_suspension,
    measure_status,
    past_halts_are_controls,
    remaining_later,
    share_weighed_infinitives,
    unverified_later,
)
from .targets import (
    cases_referred_back,
    fill_targets,
    find_target,
    share_coordinated_targets,
    ships_to_itself,
)
from .timing import (
    episode_dates,
    measure_date,
    measure_via,
    reported_consideration,
)

__all__ = ["find_measures"]

_ACTION_NOUN_REACH = 80
_WITH_CLAUSE = re.compile(r"[^,;:.]{0,40},\s+with\s+(?:[\w-]+\s+){0,2}")
""""(around Taiwan), with (more) live-fire drills": the rest of one mention's clause and a
"with" clause opening before another."""
_SAME_MEASURE_DAYS = 31


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
    scanned = measure_rules().phrases.scan(ctx.text, stream=token_stream(ctx.text))
    candidates = find_candidates(ctx, materials, entries, scanned)
    links = link_list_spans(ctx.text)
    if links:
        # "Related:\n- Trump says tariffs on X could start ...": other stories' headlines
        candidates = [c for c in candidates if not in_spans(links, c.head.begin)]
    for c in candidates:
        c.statement = enclosing(statements, c.head)
        c.question = is_question(c)
        c.governed = c.governed or c.verbal or governing_verb(
            ctx, c, c.sentence.begin) is not None or _action_noun(ctx, c)
    kept: list[Candidate] = []
    denied: set[Span] = set()  # sentences saying an act was not or may not be taken
    for c in candidates:
        if is_generic(ctx, c):
            continue
        if is_tally(ctx, c):
            denied.add(c.sentence)  # "well over 150 protests since 2022": a count, none here
            continue
        c.grievance = is_grievance(ctx, c)
        reason = imagined_reason(ctx, c, scanned)
        if reason is None:
            kept.append(c)
        elif imagines_sentence(ctx, c, reason):
            denied.add(c.sentence)  # no learned measure there either
    candidates = kept
    candidates = _without_elaborations(ctx, _resolve_anaphors(candidates))
    for c in candidates:
        local_issuer(ctx, c)
    share_coordinated_issuers(ctx, candidates)
    issuers_by_goods(ctx, candidates, materials)
    fill_issuers(ctx, candidates)
    candidates = [c for c in candidates if not ships_to_itself(ctx, c)]
    for c in candidates:
        c.date = measure_date(ctx, c, statements, candidates, dateline=dateline)
        if c.date is None:
            # "By the said Notification, ...": of the date given with the notification
            c.date = instrument_date(ctx, c)
        c.status = measure_status(ctx, c)
        if reported_consideration(ctx, c):
            c.date = measure_date(ctx, c, statements, candidates, dateline=dateline,
                                  weighed=True)
        c.via = measure_via(ctx, c, scanned["according"])
    _detach_anaphors(candidates)
    cases_referred_back(ctx, candidates)
    share_coordinated_dates(ctx, candidates)
    same_day_dates(ctx, candidates)
    anchored_day_dates(ctx, candidates)
    share_weighed_infinitives(ctx, candidates)
    episode_dates(ctx, candidates)
    live_entry_dates(ctx, candidates)
    ended_later(ctx, candidates, scanned)
    remaining_later(ctx, candidates)
    unverified_later(ctx, candidates, scanned)
    release_dates(ctx, candidates)
    ordered = sorted(materials, key=lambda m: (m.span.begin, m.span.end, m.name))
    for c in candidates:
        c.covers = covered(ctx, c, ordered, same_sentence(candidates, c))
    for c in candidates:
        find_target(ctx, c, same_sentence(candidates, c))
        if is_suspension(c):
            c.target = None  # a suspension lifts a measure for all its targets
        if is_long_past(ctx, c):
            c.status = MeasureStatus.HISTORICAL
    share_coordinated_targets(ctx, candidates)
    fill_targets(ctx, candidates)
    cases_of_the_aggrieved(ctx, candidates)
    share_sentence_targets(ctx, candidates)
    answers_last_party(ctx, candidates)
    candidates.extend(series_steps(ctx, candidates, ordered))
    candidates.extend(copied_measures(ctx, candidates, scanned["copying"]))
    candidates.extend(p for p in map(partial(weighed_precedent, ctx), list(candidates))
                      if p is not None)
    protests_by_one_person(ctx, candidates)
    generic_controls_are_the_ban(ctx, candidates)
    past_halts_are_controls(candidates)
    out = [to_mention(ctx, c) for c in candidates if c.issuer is not None and not c.grievance]
    out.extend(to_mention(ctx, c) for c in learned_measures(
        ctx, candidates, statements, entries, ordered, scanned["according"], dateline=dateline,
        denied=denied) if not in_spans(links, c.head.begin))
    return sorted(out, key=lambda m: (m.span.begin, m.span.end, m.type.value))


def _without_elaborations(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """"... starts exercises around Taiwan, with live-fire drills continuing the next
    day": a one-off event of the same kind in a "with" clause right after another is that
    event told in more detail, not another one; so is an export measure after a control of
    named goods ("Graphite is added, with licences required from December 1")."""
    out: list[Candidate] = []
    for c in candidates:
        last = out[-1] if out else None
        if last is not None and (last.type is c.type and c.type in ONE_OFF or (
                family(last.type) == family(c.type) == "export" and last.objects)) and \
                last.sentence == c.sentence and last.extent.end <= c.extent.begin and \
                _WITH_CLAUSE.fullmatch(ctx.text, last.extent.end, c.extent.begin):
            continue  # "Graphite is added, with licences required from Dec. 1": its terms
        out.append(c)
    return out


def _action_noun(ctx: Context, c: Candidate) -> bool:
    """"approval of", "announcement of" shortly before the mention."""
    from .finding import ACTION_NOUN

    begin = max(c.sentence.begin, c.extent.begin - _ACTION_NOUN_REACH)
    return ACTION_NOUN.search(ctx.text[begin:c.extent.begin]) is not None


def _detach_anaphors(candidates: list[Candidate]) -> None:
    """"... suspended the expanded controls it had announced on Oct. 9": an anaphor dated
    far (over a month) from the measure it was taken for, or dated when that one is not
    and naming another kind of measure, is another measure, of the kind its head names
    (``[measures.anaphora].own_types``)."""
    own_types = measure_rules().anaphor_types
    for c in candidates:
        a = c.antecedent
        if not c.anaphor or a is None or c.date is None:
            continue
        own = own_types.get(c.head.text.lower(), c.type)
        if (a.date is not None and days_between(c.date, a.date) > _SAME_MEASURE_DAYS) or \
                (a.date is None and own is not a.type):
            c.antecedent = None
            c.type = own


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
        if c.type is MeasureType.OTHER:
            wanted = [o for o in wanted if o.type is MeasureType.OTHER]  # "the probe"
        elif not measure_word:
            wanted = [o for o in wanted if family(o.type) in ("export", "import_ban")]
        if wanted:
            c.type = wanted[-1].type
            c.antecedent = wanted[-1]
            out.append(c)
    return out
