"""The rule data of the statement, figure, measure and date extractors, compiled once.

``kg/data/triggers.toml`` holds the words (speech verbs, negations, hedges, measure
triggers, status cues, units, qualifiers, month names); this module reads it with
:mod:`tomllib` and turns each list into one precompiled regular expression, so the
extractors scan a text once per pattern, in time linear in its length.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KgError
from ..model import MeasureStatus, MeasureType

TRIGGERS_FILE = Path(__file__).resolve().parent.parent / "data" / "triggers.toml"

HYPHENS = "-\u2010\u2011\u2012\u2013"
"""Characters that join the parts of a hyphenated word (a non-breaking one included)."""


class TriggerDataError(KgError):
    """``triggers.toml`` is missing or malformed (a packaging error, not bad input)."""

    exit_code = 2


def phrase_pattern(entry: str) -> str:
    """Regex for one word-list entry: white space and hyphens match their variants."""
    out: list[str] = []
    for ch in entry:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "-\u2011":
            out.append(f"[{HYPHENS}]")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def phrase_alternation(entries: Iterable[str]) -> str:
    """The :func:`phrase_pattern` of each entry joined with ``|``, longest pattern first (so a
    longer phrase wins over its prefix); entries of equal length keep their order."""
    return "|".join(sorted((phrase_pattern(e) for e in entries), key=len, reverse=True))


def words_regex(entries: list[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any entry as whole words, longest entries first."""
    alternatives = sorted({phrase_pattern(e) for e in entries if e}, key=lambda p: (-len(p), p))
    if not alternatives:
        return re.compile(r"(?!x)x")
    return re.compile(first_letters(e for e in entries if e) + r"(?<![\w])(?:"
                      + "|".join(alternatives) + r")(?![\w])", flags)


def first_letters(entries: Iterable[str]) -> str:
    """A look-ahead for the first characters of ``entries``, to put before the alternation
    of their :func:`phrase_pattern`, compiled with the same flags (so it admits exactly
    the characters their first characters match, in any case the flags allow); "" when
    one opens with a character :func:`phrase_pattern` does not keep as it is (a space, a
    hyphen, an apostrophe).  ``re`` tries each branch of an alternation at each position
    of a text it searches; a case-insensitive branch has no quick test of its first
    letter, and the look-ahead turns most positions away at once."""
    firsts = {entry[0] for entry in entries}
    if not firsts or not all(c.isalnum() for c in firsts):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def raw_regex(patterns: list[str]) -> re.Pattern[str]:
    """One regex from regular-expression entries, matched as whole words."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class SpeechVerb:
    """One form of a speech verb: its class (say, call, demand) and its tense."""

    form: str
    lemma: str
    cls: str
    tense: str  # base, past, present or gerund


@dataclass(frozen=True)
class MeasureRule:
    """How one measure type is found."""

    type: MeasureType
    heads: re.Pattern[str] | None
    domain: str | None
    phrases: re.Pattern[str] | None
    action_cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Triggers:
    """Everything ``triggers.toml`` says, compiled."""

    raw: dict[str, Any]
    abbreviations: tuple[str, ...]
    speech_verbs: dict[str, SpeechVerb]
    speech_regex: re.Pattern[str]
    noun_markers: frozenset[str]
    according_regex: re.Pattern[str]
    report_nouns: frozenset[str]
    attribution_window: int
    negation_regex: re.Pattern[str]
    person_pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    descriptor_regex: re.Pattern[str]
    qualifier_regex: re.Pattern[str]
    scales: dict[str, Decimal]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    units: dict[str, str]
    counted_excluded: frozenset[str]
    number_words: dict[str, Decimal]
    multipliers: dict[str, Decimal]
    vague: tuple[str, ...]
    determiners: frozenset[str]
    export_regex: re.Pattern[str]
    import_regex: re.Pattern[str]
    domain_window: int
    imposition_verbs: frozenset[str]
    family_verbs: dict[str, frozenset[str]]
    measure_rules: tuple[MeasureRule, ...]
    status_regexes: tuple[tuple[MeasureStatus, re.Pattern[str]], ...]
    status_defaults: dict[MeasureType, MeasureStatus]

    @property
    def dates(self) -> dict[str, Any]:
        """The ``[dates]`` table as read."""
        return self.raw["dates"]


@lru_cache(maxsize=1)
def load_triggers() -> Triggers:
    """Read and compile ``kg/data/triggers.toml`` (once per process)."""
    try:
        with TRIGGERS_FILE.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TriggerDataError(f"{TRIGGERS_FILE}: cannot read trigger data: {exc}") from exc
    try:
        return _compile(data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise TriggerDataError(f"{TRIGGERS_FILE}: malformed trigger data: {exc!r}") from exc


def _compile(data: dict[str, Any]) -> Triggers:
    speech = data["speech"]
    verbs: dict[str, SpeechVerb] = {}
    for cls in ("say", "call", "demand", "announce"):
        for entry in speech[cls]:
            forms = entry.split("|")
            if len(forms) != 4:
                raise ValueError(f"speech verb {entry!r} needs base|past|present|-ing forms")
            tenses = dict(zip(("base", "past", "present", "gerund"), forms, strict=True))
            # A past form equal to the base ("put it") is read as past: news reports the past.
            for tense in ("past", "present", "gerund", "base"):
                form = tenses[tense].lower()
                verbs.setdefault(form, SpeechVerb(form, forms[0], cls, tense))
    negation = speech["negation"]
    negation_patterns = [
        "(?:" + "|".join(phrase_pattern(a) for a in negation["auxiliaries"]) + r")\s+(?:\w+ly\s+)?"
        "(?:" + "|".join(phrase_pattern(v) for v in negation["verbs"]) + ")",
        *(phrase_pattern(p) for p in negation["phrases"]),
    ]
    subjects = speech["subjects"]
    figures = data["figures"]
    measures = data["measures"]
    rules: list[MeasureRule] = []
    for name, table in measures["types"].items():
        rules.append(MeasureRule(
            type=MeasureType(name),
            heads=words_regex(table["heads"]) if "heads" in table else None,
            domain=table.get("domain"),
            phrases=raw_regex(table["phrases"]) if "phrases" in table else None,
            action_cues=tuple(table.get("action_cues", ())),
        ))
    status = measures["status"]
    status_order = (MeasureStatus.HISTORICAL, MeasureStatus.UNDER_CONSIDERATION,
                    MeasureStatus.REPORTED, MeasureStatus.IN_FORCE, MeasureStatus.ANNOUNCED)
    return Triggers(
        raw=data,
        abbreviations=tuple(data["text"]["abbreviations"]),
        speech_verbs=verbs,
        speech_regex=words_regex(list(verbs)),
        noun_markers=frozenset(w.lower() for w in speech["noun_markers"]),
        according_regex=words_regex(speech["according"]),
        report_nouns=frozenset(w.lower() for w in speech["report_nouns"]),
        attribution_window=int(speech["attribution_window"]),
        negation_regex=re.compile(r"(?<![\w])(?:" + "|".join(negation_patterns) + r")(?![\w])",
                                  re.IGNORECASE),
        person_pronouns=frozenset(subjects["person_pronouns"]),
        other_pronouns=frozenset(subjects["other_pronouns"]),
        descriptor_regex=words_regex(subjects["descriptors"]),
        qualifier_regex=words_regex(figures["qualifiers"]),
        scales={k.lower(): Decimal(str(v)) for k, v in figures["scales"].items()},
        currency_symbols=dict(figures["currency_symbols"]),
        currency_words={k.lower(): v for k, v in figures["currency_words"].items()},
        units={k.lower(): v for k, v in figures["units"].items()},
        counted_excluded=frozenset(w.lower() for w in figures["counted"]["excluded"]),
        number_words={k.lower(): Decimal(str(v)) for k, v in figures["number_words"].items()},
        multipliers={k.lower(): Decimal(str(v)) for k, v in figures["multipliers"].items()},
        vague=tuple(figures["vague"]),
        determiners=frozenset(w.lower() for w in figures["determiners"]),
        export_regex=re.compile(r"(?<![\w])(?:" + measures["export_words"] + r")(?![\w])",
                                re.IGNORECASE),
        import_regex=re.compile(r"(?<![\w])(?:" + measures["import_words"] + r")(?![\w])",
                                re.IGNORECASE),
        domain_window=int(measures["domain_window"]),
        imposition_verbs=frozenset(w.lower() for w in measures["imposition_verbs"]),
        family_verbs={k: frozenset(w.lower() for w in v)
                      for k, v in measures["family_verbs"].items()},
        measure_rules=tuple(rules),
        status_regexes=tuple((s, raw_regex(status[s.value])) for s in status_order),
        status_defaults={MeasureType(k): MeasureStatus(v)
                         for k, v in status["defaults"].items()},
    )
