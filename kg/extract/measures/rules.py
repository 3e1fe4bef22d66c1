"""The measure extractor's own rule data, compiled once from ``kg/data/triggers.toml``.

:mod:`kg.extract.triggers` compiles what the statement, figure and date extractors share
(the measure types' heads and phrases, status cues); this module compiles the tables only
the measure extractor reads: ``[measures.hedges]``, ``[measures.timing]``,
``[measures.lists]``, ``[measures.anaphora]`` and ``[measures.objects]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...model import MaterialCategory, MeasureType
from ..triggers import (
    HYPHENS,
    TRIGGERS_FILE,
    TriggerDataError,
    load_triggers,
    phrase_alternation,
    phrase_pattern,
    words_regex,
)
from .scan import WordPatterns, trie


@dataclass(frozen=True)
class MeasureRules:
    """The compiled tables (see module doc)."""

    conditional: re.Pattern[str]
    inverted_conditional: re.Pattern[str]
    """An auxiliary opening a clause, then its subject: a condition by inversion ("Should
    the ministry impose duties, ...")."""
    weighing: re.Pattern[str]
    modal: re.Pattern[str]
    scenario: re.Pattern[str]
    negation: re.Pattern[str]
    negated_noun: re.Pattern[str]
    negative_subject: re.Pattern[str]
    """A negative pronoun subject right before the verb of the act ("nothing in the text
    bans"), its range in a prepositional phrase of three words at most."""
    precedent: re.Pattern[str]
    claim_label: re.Pattern[str]
    """A label opening a paragraph that states a claim under examination ("Claim:")."""
    effective: re.Pattern[str]
    since: re.Pattern[str]
    lasting: re.Pattern[str]
    offset: re.Pattern[str]
    offset_numbers: dict[str, int]
    offset_present: re.Pattern[str]
    lead_heads: dict[str, MeasureType]
    lead_regex: re.Pattern[str]
    anaphor_determiners: frozenset[str]
    anaphor_verbs: frozenset[str]
    law_name: re.Pattern[str]
    """Words after a head that make it part of a law's name ("Export Control Law") or the
    modifier of another noun ("export-control dialogue", "export control officials")."""
    negation_words: int
    """The most words a negation or negated noun entry has ("did not", "rather than")."""
    denial: re.Pattern[str]
    """Words that deny or disown the claim after them ("not saying that", "denied that")."""
    refuted_report: re.Pattern[str]
    """A report noun opening the clause a later verdict refutes ("rumours that")."""
    refutation: re.Pattern[str]
    """The verdict after it: a copula and a word of falsity ("are false", "is not true")."""
    denied_intent: re.Pattern[str]
    """A forecast or intent denied, ending right before the verb of an act ("is unlikely
    to", "has no plans to", "do not expect Beijing to", "doubt that Seoul will")."""
    denied_intent_act: re.Pattern[str]
    """The same denial, then the verb of the act (group ``verb``) and the start of its
    object ("do not expect Oslo to file a formal [WTO case]")."""
    denied_intent_shared: re.Pattern[str]
    """The same denial, a first infinitive and a second coordinated with it, whose "to" ends
    the text ("no plan to ration chicken or to [restrict] exports")."""
    open_question: re.Pattern[str]
    """A question about an act that may come, from its start ("Will Washington ban ...?",
    "QUESTION: Does the EU plan to ban ...?"), or whether one happened ("Has Japan lodged
    representations?", "Did Seoul protest?")."""
    opinion_question: re.Pattern[str]
    """A question asking for a view of a measure, from its start, up to the verb of
    opinion ("Would you support ...", "MS. X: Do you favour ...")."""
    head_roles: dict[str, frozenset[str]]
    """A head word or two-word head (see :func:`head_key`) -> its roles: a measure type's
    value (a head of that type), ``"control_object"``, ``"ban_object"``, ``"anaphor"``."""
    head_starts: frozenset[str]
    """The first words of two-word heads ("cut" of "cut off")."""
    head_words: frozenset[str]
    """Every one-word head and first word of a two-word head."""
    head_regex: re.Pattern[str]
    """Any of :attr:`head_words` ending a run of letters, in lower-case text (whether it
    starts one is left to the caller: a leading look-behind would make the scan slower)."""
    phrases: WordPatterns
    """Each measure type's ``phrases``, by the type's value, scanned together, with
    ``unverified`` (by that name), ``according`` (``[speech].according``), ``ending``
    (the verbs of ``[measures.ending]``), ``copying`` (``[measures.copying]``),
    ``scenario``, ``claim_words`` (the claim labels, as words), ``export_words`` and
    ``import_words``."""
    status_cues: WordPatterns
    """``[measures.status]`` cue lists by status value, and ``lasting``, for the words
    around a mention."""
    controlled_roots: frozenset[str]
    controlled_categories: frozenset[MaterialCategory]
    ended: re.Pattern[str]
    """A verb form saying a measure was lifted or ended, as the last words before it."""
    ended_after: re.Pattern[str]
    """"... were lifted", "is suspended", "..., which Beijing suspended": the passive or
    relative clause after a measure (group ``verb``)."""
    paused: frozenset[str]
    """Which of those verb forms suspend rather than end ("suspended", "paused")."""
    duration: re.Pattern[str]
    unverified: re.Pattern[str]
    """"could not independently verify": the claim before is reported, not established."""
    """"for about two months" after a past measure."""
    compound_goods: dict[str, str]
    """A word that names a controlled good before a head ("dual-use") -> the good."""
    object_heads: frozenset[str]
    """Heads whose export word must be their object, right after them ("held shipments")."""
    anaphor_types: dict[str, MeasureType]
    """What an anaphoric head names when it is no earlier measure ("the controls")."""
    possessed_heads: frozenset[str]
    """Nouns that, possessed by a government and dated, stand for a measure's act."""
    permission_heads: frozenset[str]
    """Heads that are a ban only when denied ("no longer permitted", "not allowed")."""
    standing: re.Pattern[str]
    """Words of a control head naming standing rules ("chip controls", "licensing
    requirements"): not made historical by their age alone."""
    suspending: frozenset[str]
    """Verbs whose "other" measure suspends another measure ("which Beijing froze for a
    year"): such a mention names no measure of its own in a list entry."""
    undoing: frozenset[str]
    """First words of an "other" measure that undoes another for good ("lifted the
    extra checks", "imports had partly resumed"): told as done, it is historical."""
    episode_heads: frozenset[str]
    """Verbs of stopping ("halted", "stopped") that, in the past, make a de facto halt of
    shipments: an export control episode, not a formal ban."""
    lead_labels: frozenset[str]
    """Nouns of a short label before a timeline ("The main steps:")."""
    lead_label_words: int
    own_clause: re.Pattern[str]
    """"the ban ... it imposed in 2023": a measure's own participle clause after its head
    (matched at the head's end), which dates it."""
    undone_own: re.Pattern[str]
    """"part of | a ban imposed in 2023": the measure an undoing act names, with its own
    participle (matched after the undoing act's head)."""
    generic_subject: re.Pattern[str]
    """"The government could ", "the government has begun assessing whether to ": a
    subject naming a government without saying whose (group ``np``), then only the words of
    ``[measures.issuers].subject_gap``, as the last words before a measure's verb."""


_KEY_CHARS = str.maketrans({**{h: "-" for h in HYPHENS}, "’": "'"})


def head_key(text: str) -> str:
    """The form a matched head word is looked up by: lower case, one space, one hyphen."""
    return " ".join(text.lower().translate(_KEY_CHARS).split())


def _head_roles(data: dict[str, Any], objects: dict[str, Any],
                anaphora: dict[str, Any]) -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for kind, table in data["types"].items():
        for word in table.get("heads", ()):
            roles.setdefault(head_key(word), set()).add(MeasureType(kind).value)
    for role, words in (("control_object", objects["control_heads"]),
                        ("ban_object", objects["ban_heads"]),
                        ("since_object", objects["since_heads"]), ("anaphor", anaphora["heads"]),
                        ("anaphor_other", anaphora["other_heads"])):
        for word in words:
            roles.setdefault(head_key(word), set()).add(role)
    return {k: frozenset(v) for k, v in roles.items()}


def claim_label_regex(labels: list[str]) -> re.Pattern[str]:
    """A label opening a paragraph that states a claim under examination ('Claim:', 'CLAIM
    4:', '- Rumour:'; ``[measures.hedges] claim_labels``), matched at the paragraph's start."""
    return re.compile(r"\s*(?:[-*•]\s*)?(?:" + "|".join(re.escape(w) for w in labels)
                      + r")\s*\d*\s*:", re.IGNORECASE)


def _ending(entries: list[str], *, then: str = "") -> re.Pattern[str]:
    """Any entry as the last words before a position (searched on the text before it),
    followed by a word of ``then`` when one is given."""
    body = words_regex(entries).pattern
    return re.compile(body + then + r"\s*$", re.IGNORECASE)


def _denied_intent(hedges: dict[str, Any], *, act: bool = False,
                   shared: bool = False) -> re.Pattern[str]:
    """See :attr:`MeasureRules.denied_intent`: one free word may stand before the verb
    ("unlikely to ever halt"), the object of a verb of expecting takes up to four words,
    a doubted clause up to six before its modal."""
    negators = [n for n in hedges["expectation_negators"] if not n.startswith("n'")]
    expecting = (r"(?:(?<![\w'’-])(?:" + phrase_alternation(negators) + r")\s+|n['’]t\s+)(?:"
                 + phrase_alternation(hedges["expectation_verbs"])
                 + r")\s+(?:[\w'’.-]+\s+){1,4}?to")
    doubted = (r"(?<![\w'’-])(?<!no\s)(?<!little\s)(?<!without\s)(?:"
               + phrase_alternation(hedges["doubts"]) + r")\s+(?:[\w'’.-]+\s+){1,6}?"
               r"(?:will|would|could|can|might|may|(?:is|are)\s+going\s+to)")
    intents = r"(?<![\w'’-])(?:" + phrase_alternation(hedges["denied_intents"]) + r")"
    # with ``act``: the verb, a determiner and up to two modifiers of its object
    # with ``shared``: the first infinitive's words, then "or to" / "and to" before the head
    rest = (r"\s+(?P<verb>[\w-]+)\s+(?:a|an|any|the|new|further)\s+(?:[\w-]+\s+){0,2}$"
            if act else r"\s+(?:[\w'’-]+\s+){1,5}?(?:or|nor|and)\s+to\s+(?:[\w-]+\s+)?$"
            if shared else r"\s+(?:[\w-]+\s+)?$")
    return re.compile(r"(?:" + intents + r"|" + expecting + r"|" + doubted + r")" + rest,
                      re.IGNORECASE)


def _generic_subject(issuers: dict[str, Any]) -> re.Pattern[str]:
    """See :attr:`MeasureRules.generic_subject`."""
    gap = phrase_alternation(issuers["subject_gap"])
    # a time adverbial may stand in the gap too ("The government decided on 28th to ...",
    # "the government on Monday ordered ...")
    when = r"(?:on|in|at|by|last|this|next|early|late)\s+(?:the\s+)?[\w.]+" \
        r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?"
    return re.compile(r"(?<![\w’'-])(?P<np>" + phrase_alternation(issuers["generic_subjects"])
                      + r")\s+(?:(?:" + gap + r"|" + when + r"|\w+ly)\s+){0,6}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def measure_rules() -> MeasureRules:
    """Compile the measure extractor's tables (once per process)."""
    data = load_triggers().raw["measures"]
    speech = load_triggers().raw["speech"]
    try:
        hedges, timing, objects = data["hedges"], data["timing"], data["objects"]
        units = "|".join(re.escape(u) for u in timing["offset_units"])
        numbers = {k.lower(): int(v) for k, v in timing["offset_numbers"].items()}
        leads = {k.lower(): MeasureType(v) for k, v in data["lists"]["lead_heads"].items()}
        anaphora = data["anaphora"]
        ending = data["ending"]
        verbs = [*ending["ended"], *ending["paused"]]
        verb_body = phrase_alternation(verbs)
        roles = _head_roles(data, objects, anaphora)
        return MeasureRules(
            conditional=words_regex(hedges["conditionals"]),
            inverted_conditional=re.compile(
                r"[\s“\"'(*•-]*(?:(?:and|but|or|yet)\s+)?(?:" +
                phrase_alternation(hedges["inverted_conditionals"]) +
                r")\s+(?:(?:the|its|their|this|that|these|those)\s+[\w-]+|(?:it|they|we|he|she)\b|(?-i:[A-Z])[\w.-]*)",
                re.IGNORECASE),
            weighing=_ending(hedges["weighing"]),
            modal=words_regex(hedges["modals"]),
            scenario=words_regex(hedges["scenario"]),
            negation=_ending(hedges["negations"]),
            negated_noun=re.compile(words_regex(hedges["negated_nouns"]).pattern
                                    + r"\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE),
            negative_subject=_ending(
                hedges["negative_subjects"],
                then=r"(?:\s+(?:in|of|on|under)\s+(?:the|its|their|this|that|these|those)"
                     r"\s+[\w-]+(?:['’]s)?)?(?:\s+\w+ly)?"),
            precedent=words_regex(hedges["precedent"]),
            denial=words_regex(hedges["denials"]),
            refuted_report=words_regex(hedges["refuted_reports"]),
            refutation=re.compile(r"\b(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?(?:"
                                  + phrase_alternation(hedges["refutations"]) + r")\b",
                                  re.IGNORECASE),
            denied_intent=_denied_intent(hedges),
            denied_intent_act=_denied_intent(hedges, act=True),
            denied_intent_shared=_denied_intent(hedges, shared=True),
            open_question=re.compile(
                r"\s*(?:[^\n:?]{1,40}:\s+)?(?:(?:" + phrase_alternation(
                    [*hedges["question_modals"], *hedges["question_past"]])
                # "Could you set out what protests have been made?": a request, not an act
                + r")\b(?!\s+you\b)|(?:does|do|did|is|are)\s+(?:[\w'’.-]+\s+){1,5}?(?:"
                + phrase_alternation(hedges["question_intents"]) + r")\b)", re.IGNORECASE),
            opinion_question=re.compile(
                r"\s*(?:[^\n:?]{1,40}:\s+)?(?:" + phrase_alternation(
                    [*hedges["question_modals"], "do", "does", "did"])
                + r")\s+(?:[\w'’.-]+\s+){1,4}?(?:" + phrase_alternation(
                    hedges["question_opinions"]) + r")\b", re.IGNORECASE),
            negation_words=max(len(e.split()) for e in [*hedges["negations"],
                                                        *hedges["negated_nouns"]]),
            claim_label=claim_label_regex(hedges["claim_labels"]),
            # "took effect in June 2023" as "took effect on 1 June"
            effective=_ending(timing["effective"], then=r"(?:\s+(?:in|on))?"),
            since=_ending(timing["since"]),
            lasting=words_regex(timing["lasting"]),
            # "a day after", "almost two months after"; not "days after" with no count: too
            # vague to date
            offset=re.compile(r"\b(?:(?P<q>" + phrase_alternation(timing["offset_qualifiers"])
                              + r")\s+)?(?P<n>" + "|".join(sorted(map(re.escape, numbers),
                                                                     key=len, reverse=True))
                              + r"|\d+)\s+(?P<u>" + units
                              + r")\s+(?P<dir>after|before)\s+", re.IGNORECASE),
            offset_numbers=numbers,
            offset_present=words_regex(timing["offset_present"]),
            lead_heads=leads,
            lead_regex=words_regex(list(leads)),
            anaphor_determiners=frozenset(d.lower() for d in anaphora["determiners"]),
            anaphor_verbs=frozenset(v.lower() for v in anaphora["verbs"]),
            law_name=re.compile(r"\s+(?:" + "|".join(map(re.escape, data["names"]["law_nouns"]))
                                + r")\b|[\s-]+(?:" + "|".join(
                                    map(re.escape, data["names"]["modified_nouns"])) + r")\b"),
            head_roles=roles,
            head_starts=frozenset(k.split()[0] for k in roles if " " in k),
            head_words=frozenset(k.split()[0] for k in roles),
            head_regex=re.compile(r"(?:" + trie(sorted({k.split()[0] for k in roles}))
                                  + r")(?![^\W\d_])"),
            phrases=WordPatterns({
                **{kind: table["phrases"] for kind, table in data["types"].items()
                   if "phrases" in table},
                "unverified": [phrase_pattern(e) for e in ending["unverified"]],
                # as words_regex orders them: the longest first
                "according": sorted({phrase_pattern(e) for e in speech["according"]},
                                    key=lambda p: (-len(p), p)),
                "ending": [phrase_pattern(v) for v in verbs],
                "copying": [phrase_pattern(v) for v in (*data["copying"]["verbs"],
                                                         *data["copying"]["active"])],
                # as words_regex orders them (scenario sentences, claim labels' words)
                "scenario": sorted({phrase_pattern(e) for e in hedges["scenario"]},
                                   key=lambda p: (-len(p), p)),
                "claim_words": sorted({phrase_pattern(e) for e in hedges["claim_labels"]},
                                      key=lambda p: (-len(p), p)),
                # the domain words of [measures], as triggers.py compiles them
                "export_words": [data["export_words"]], "import_words": [data["import_words"]]}),
            status_cues=WordPatterns({
                "lasting": [phrase_pattern(e) for e in timing["lasting"]],
                **{status: data["status"][status] for status in (
                    "historical", "under_consideration", "reported", "in_force",
                    "announced")}}),
            controlled_roots=frozenset(objects["roots"]),
            controlled_categories=frozenset(MaterialCategory(c) for c in objects["categories"]),
            ended=re.compile(r"(?<![\w])(?<!not )(?<!n't )(?:(?:will|would|shall|to)\s+(?P<future>"
                             + "|".join(map(phrase_pattern, ending["paused_future"]))
                             + r")|(?:" + verb_body
                             + r"))(?:\s+(?:partly|partially|temporarily|fully|for\s+(?:one|a)"
                             r"\s+year))?\s+(?:(?:the|its|their|a|an|all|some)\s+)?"
                             r"(?:[\w-]+\s+){0,4}$", re.IGNORECASE),
            # "asked for the ban to be withdrawn" is a wish, not an ending
            ended_after=re.compile(r"[^,;:.]{0,60}?(?:\b(?:is|are|was|were|has\s+been|have\s+been|"
                                   r"had\s+been|(?<!\bto\s)be|being)\s+(?:\w+ly\s+)?|,\s+which\s+"
                                   r"(?:[\w-]+\s+){1,2}?(?:later\s+|then\s+|has\s+|had\s+)?)"
                                   r"(?P<verb>" + verb_body + r")(?![\w])", re.IGNORECASE),
            paused=frozenset(v.lower() for v in [*ending["paused"], *ending["paused_future"]]),
            own_clause=re.compile(r"\s+(?:(?:which|that)\s+)?(?:(?:[Ii]t|[Tt]hey|[A-Z][\w.-]+)\s+)?"
                                  r"(?:had\s+|has\s+)?(?:" + "|".join(map(
                                      re.escape, timing["own_clause_participles"]))
                                  + r")\b[^,;:]{0,30}"),
            undone_own=re.compile(r"\s+(?:a|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(
                map(re.escape, timing["undone_heads"])) + r")\s+(?:(?:it|they)\s+)?(?:had\s+)?(?:"
                + "|".join(map(re.escape, timing["undone_participles"])) + r")\b"),
            unverified=words_regex(ending["unverified"]),
            duration=re.compile(r"\bfor\s+(?!the\s+(?:past|last|next)\b)(?:(?:about|around|"
                                r"roughly|nearly|almost|some|several|a\s+few|\w+)\s+){0,2}(?:"
                                + "|".join(map(phrase_pattern, ending["durations"]))
                                + r")\b", re.IGNORECASE),
            compound_goods={head_key(k): v for k, v in objects["compound_goods"].items()},
            object_heads=frozenset(head_key(w) for w in objects["object_heads"]),
            possessed_heads=frozenset(w.lower() for w in anaphora["possessed_heads"]),
            permission_heads=frozenset(head_key(w) for w in data["types"]["export_ban"][
                "permission_heads"]),
            anaphor_types={k.lower(): MeasureType(v) for k, v in anaphora["own_types"].items()},
            standing=words_regex(data["status"]["standing"]),
            suspending=frozenset(head_key(w) for w in data["ending"]["suspending"]),
            undoing=frozenset(head_key(w) for w in data["ending"]["undoing"]),
            episode_heads=frozenset(head_key(w) for w in data["status"]["episode_heads"]),
            lead_labels=frozenset(w.lower() for w in data["lists"]["lead_labels"]),
            lead_label_words=int(data["lists"]["lead_label_words"]),
            generic_subject=_generic_subject(data["issuers"]),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise TriggerDataError(f"{TRIGGERS_FILE}: malformed [measures] rule data: {exc!r}") from exc
