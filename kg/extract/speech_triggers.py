"""Speech triggers: the words in a sentence that may open a statement.

A :class:`SpeechTrigger` is found where

* a speech verb of ``[speech]`` in ``kg/data/triggers.toml`` occurs outside a quotation and
  is a verb, not a noun ("his remarks", "Takaichi's comments" are nouns);
* a verb names a speech act with a noun ("renewed its demand that ...", ``act_verbs`` and
  ``act_nouns``);
* a negated report occurs ("did not say whether ...", "declined to comment",
  ``[speech.negation]``).

:mod:`kg.extract.statements` then finds each trigger's speaker and reported words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import ActorType, PartialDate, Span
from .context import PREPOSITIONS, Context, Subject
from .text import Quote
from .triggers import SpeechVerb, load_triggers, phrase_pattern


@dataclass
class SpeechTrigger:
    """A speech verb (or speech act, negation, "according to", transcript answer) found in
    a sentence, with what :mod:`kg.extract.statements` learns about it."""

    verb: Span
    """The words that open the statement ("said", "renewed its demand that")."""
    sentence: Span
    cls: str
    """say, call, demand, announce, act, negation, according or answer."""
    tense: str
    """base, past, present or gerund: the present dates a statement to the article's day."""
    speaker: Subject | None = None
    content: Span | None = None
    """The reported words (``kg:quote``)."""
    negated: bool = False
    via: str | None = None
    """The outlet through which the words are known (a reporting chain)."""
    dropped: bool = False
    """Not a statement after all (no speaker, no words, part of another's words)."""
    post_quote: Quote | None = None
    """The quotation the attribution follows or introduces."""
    colon: bool = False
    """Words introduced by a colon without quotation marks (translated transcripts)."""
    given_date: tuple[PartialDate | None] | None = None
    """The date the statement's source gives (a transcript's conference day for an answer
    to a question, a footnote's date), maybe unknown; None when the statement is dated as
    any statement is."""


def find_triggers(ctx: Context, sentence: Span) -> list[SpeechTrigger]:
    """The speech triggers of ``sentence`` in text order, overlapping ones merged (a
    negation wins over the verb it holds: "did not say")."""
    found = _verbs(ctx, sentence) + _acts(ctx, sentence) + _negations(ctx, sentence)
    found.sort(key=lambda t: t.verb.begin)
    kept: list[SpeechTrigger] = []
    for trigger in found:
        if kept and trigger.verb.begin < kept[-1].verb.end:
            if trigger.cls == "negation" and kept[-1].cls != "negation":
                kept[-1] = trigger
            continue
        kept.append(trigger)
    return kept


def _verbs(ctx: Context, sentence: Span) -> list[SpeechTrigger]:
    out: list[SpeechTrigger] = []
    table = ctx.triggers.speech_verbs
    for m in _verb_matches(ctx.text, sentence):
        if ctx.in_quote(m.start(), m.end()):
            continue  # words inside a quotation are the speaker's, not an attribution
        info: SpeechVerb = table[" ".join(m.group().lower().split())]
        before = ctx.word_before(m.start())
        if before is not None:
            lower = before.lower()
            if (lower in ctx.triggers.noun_markers or lower in PREPOSITIONS
                    or lower.endswith(("'s", "’s"))) and not _adverb_after_auxiliary(
                        ctx, m.start(), lower) and not (lower == "as" and _QUOTED_AS.search(
                            ctx.text, max(sentence.begin, m.start() - 80), m.start())):
                continue  # a noun ("his remarks", "Takaichi's comments") or an infinitive
        if info.tense == "base" and before is not None and before.lower() not in (
                "and", "or", "also", "they") and not before[:1].isupper() and \
                ctx.actor_ending_at(m.start()) is None:
            # A base form is finite after a plural subject ("Analysts warn", "the ministry
            # and its embassy in Tokyo advise").
            continue
        if info.tense == "past" and _BE_BEFORE.search(ctx.text, max(sentence.begin,
                                                                    m.start() - 40), m.start()):
            # "China is said to be weighing curbs", "it was reported that ...": a passive
            # names no speaker (its subject is what is said, or the listener).
            continue
        passive = _QUOTED_AS.search(ctx.text, max(sentence.begin, m.start() - 80), m.start())
        if passive is not None and info.tense == "gerund":
            # "X was quoted as saying ...": a finite report of X's words.
            outlet = next((a.name for a in ctx.actors_in(passive.start(), m.start())
                           if a.type is ActorType.MEDIA), None)  # "quoted by the Journal"
            out.append(SpeechTrigger(Span.of(ctx.text, passive.start(), m.end()), sentence,
                                     info.cls, "past", via=outlet))
            continue
        out.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, info.cls,
                                 info.tense))
    return out


_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|am)\s+(?:(?:not|also|widely|"
                        r"often|still|now|already|reportedly|[a-z]+ly)\s+)*$", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
                        r"(?:\w+ly\s+|also\s+)?(?:quoted|cited)\s+(?:[\w’'.-]+\s+){0,6}?as\s+$",
                        re.IGNORECASE)


_AUXILIARY_ADVERB = re.compile(r"\b(?:has|have|had|'s|’s)\s+(?:since|before|after)\s+$",
                               re.IGNORECASE)


def _adverb_after_auxiliary(ctx: Context, offset: int, word: str) -> bool:
    """"Beijing has since insisted": a preposition used as an adverb after an auxiliary
    does not make the verb a noun."""
    return word in ("since", "before", "after") and _AUXILIARY_ADVERB.search(
        ctx.text, max(0, offset - 20), offset) is not None


def _verb_matches(text: str, sentence: Span) -> Iterator[re.Match[str]]:
    """The speech-verb forms of ``sentence``, as ``speech_regex`` finds them, found by
    looking each word up in an index of first words: one dictionary probe per word
    instead of trying every form at every position."""
    index = _verb_index()
    position = sentence.begin
    for word in _WORD.finditer(text, sentence.begin, sentence.end):
        if word.start() < position:
            continue  # inside the form matched before ("point out")
        for pattern in index.get(word.group().lower(), ()):
            m = pattern.match(text, word.start(), sentence.end)
            if m is not None:
                position = m.end()
                yield m
                break


_WORD = re.compile(r"(?<![\w])[^\W\d_]+")


@lru_cache(maxsize=1)
def _verb_index() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Speech-verb forms by their first word, longest first, each as a whole-word pattern."""
    forms: dict[str, list[str]] = {}
    for form in load_triggers().speech_verbs:
        forms.setdefault(form.split()[0].lower(), []).append(form)
    return {first: tuple(re.compile(phrase_pattern(f) + r"(?![\w])", re.IGNORECASE)
                         for f in sorted(group, key=lambda f: (-len(f), f)))
            for first, group in forms.items()}


def _acts(ctx: Context, sentence: Span) -> list[SpeechTrigger]:
    """"renewed its demand that ...": a speech act named by a noun (``act_verbs`` and
    ``act_nouns`` in ``[speech]``), reported from the verb on."""
    out: list[SpeechTrigger] = []
    for m in _act_regex().finditer(ctx.text, sentence.begin, sentence.end):
        if ctx.in_quote(m.start(), m.end()):
            continue
        verb = m.group("verb").lower()
        tense = "present" if verb.endswith("s") and not verb.endswith("ss") else "past"
        out.append(SpeechTrigger(Span.of(ctx.text, m.start(), m.end()), sentence, "act",
                                 tense))
    return out


@lru_cache(maxsize=1)
def _act_regex() -> re.Pattern[str]:
    speech = load_triggers().raw["speech"]
    verbs = "|".join(sorted((phrase_pattern(v) for v in speech["act_verbs"]), key=len,
                            reverse=True))
    nouns = "|".join(sorted((phrase_pattern(n) for n in speech["act_nouns"]), key=len,
                            reverse=True))
    return re.compile(rf"(?<![\w])(?P<verb>{verbs})\s+(?:(?:its|their|his|her|a|an|the)\s+)?"
                      rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:{nouns})\s+(?:that|for|to)\b",
                      re.IGNORECASE)


def _negations(ctx: Context, sentence: Span) -> list[SpeechTrigger]:
    out: list[SpeechTrigger] = []
    for m in ctx.triggers.negation_regex.finditer(ctx.text, sentence.begin, sentence.end):
        if ctx.in_quote(m.start(), m.end()):
            continue
        out.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, "negation",
                                 "past", negated=True))
    return out
