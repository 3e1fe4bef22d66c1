"""Statements reported by a noun and its *that* clause, with no speech verb.

* "a China Daily report earlier in the week that authorities were considering stricter
  reviews": the outlet named before the noun reported the clause;
* "Beijing's claim that the curbs target only military users", "her 7 November statement
  that a blockade could constitute ...": the possessor said it (a possessive pronoun is the
  last person named for "his"/"her", the clause's subject or the last body named for
  "its"/"their").

The nouns are the speech nouns of ``[speech]`` (``document_nouns`` and ``act_nouns``).  A
*that* opening a relative clause ("the report that was published", "the statement that
Reuters cited") is not a complement: the clause must not open with a verb and must run
for at least five words.  A noun phrase that is its sentence's subject ("Beijing's claim
that A was rejected") gives none: where its clause ends is unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActorType, Span
from .context import Context, Subject
from .reported_words import trim_end
from .speech_triggers import SpeechTrigger
from .text import word_count
from .triggers import load_triggers, phrase_alternation

_MIN_WORDS = 5
"""Fewest words of a complement clause (shorter ones are as often relative clauses)."""
_NOUN_REACH = 90
"""Furthest the owner of the noun stands before "that"."""
_RELATIVE_START = frozenset(
    "is are was were has have had will would could can should may might must did does do "
    "not also".split())
"""Words that open a relative clause after "that" ("the report that was published")."""
_CLAUSE_END = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s+|;")


@lru_cache(maxsize=1)
def _owned_noun_regex() -> re.Pattern[str]:
    """A speech noun right before "that", after its owner: a possessive ("Beijing's",
    "her") or an article and a name ("a China Daily report"), a few modifiers between
    and a short time phrase after it ("earlier in the week")."""
    speech = load_triggers().raw["speech"]
    nouns = phrase_alternation({*speech["document_nouns"], *speech["act_nouns"]})
    return re.compile(
        rf"(?:(?P<pronoun>\b(?:his|her|its|their))|(?P<possessive>['’]s)|"
        rf"(?P<article>\b(?:a|an|the)\s+(?P<name>[A-Z][^\s,;:]*(?:\s+[A-Z][^\s,;:]*){{0,4}})))"
        rf"\s+(?:[\w.-]+\s+){{0,3}}?(?P<noun>(?i:{nouns}))"
        rf"(?:\s+(?:earlier|last|this|on|in|from)\b[^,;:\"“”]{{0,30}}?)?\s+that\s+$")


def noun_reports(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """The statements of speech nouns with a *that* clause (see module doc) that no
    statement holds already."""
    out: list[SpeechTrigger] = []
    at = ctx.text.find("that ")
    while at != -1:
        found = _noun_report(ctx, at)
        at = ctx.text.find("that ", at + 5)
        if found is None or found.content is None or found.speaker is None:
            continue
        # Words another speaker reports hold a source of their own ("did not address a
        # China Daily report that ..."); the same speaker's words are said already.
        content = found.content
        if any(t.content is not None and t.speaker is not None
               and t.speaker.name == found.speaker.name
               and t.content.begin < content.end and content.begin < t.content.end
               for t in [*statements, *out]):
            continue
        out.append(found)
    return out


def _noun_report(ctx: Context, at: int) -> SpeechTrigger | None:
    """The statement of the speech noun before the "that" at ``at``, if any."""
    if at > 0 and (ctx.text[at - 1].isalnum() or ctx.in_quote(at) is not None):
        return None
    sentence = ctx.sentence_of(at)
    if sentence is None:
        return None
    begin = at + len("that ")
    m = _owned_noun_regex().search(ctx.text, max(sentence.begin, at - _NOUN_REACH), begin)
    if m is None or _opens_clause(ctx, sentence, m):
        return None
    first = ctx.text[begin:begin + 20].split(maxsplit=1)
    if not first or first[0].lower() in _RELATIVE_START:
        return None
    stop = _CLAUSE_END.search(ctx.text, begin, sentence.end)
    end = trim_end(ctx.text, begin, stop.start() if stop is not None else sentence.end)
    if word_count(ctx.text[begin:end]) < _MIN_WORDS:
        return None
    speaker = _owner(ctx, m, sentence)
    if speaker is None:
        return None
    return SpeechTrigger(Span.of(ctx.text, m.start("noun"), begin), sentence, "say", "past",
                         speaker=speaker, content=Span.of(ctx.text, begin, end))


def _opens_clause(ctx: Context, sentence: Span, m: re.Match[str]) -> bool:
    """Whether the noun phrase is the subject of its sentence ("Ruritania's claim that A
    was rejected"): where its *that* clause ends and the main verb starts is unknown."""
    start = m.start()
    if m.group("possessive") is not None:
        owner = ctx.actor_ending_at(m.start("possessive")) or \
            ctx.actor_ending_at(m.end("possessive"))
        start = owner.span.begin if owner is not None else start
    lead = ctx.text[sentence.begin:start].strip(" \t\n\"“”'‘’")
    return not lead or lead.endswith(",")


def _owner(ctx: Context, m: re.Match[str], sentence: Span) -> Subject | None:
    """Who said what the noun reports: the outlet named after the article, the possessor,
    or the person or body a possessive pronoun stands for."""
    if m.group("article") is not None:
        mention = ctx.actor_at(m.start("name"))
        if mention is None or mention.type is not ActorType.MEDIA:
            return None  # "the Taiwan statement that ...": a modifier, not a source
        return Subject(mention.name, mention.span)
    if m.group("possessive") is not None:
        mention = ctx.actor_ending_at(m.start("possessive")) or \
            ctx.actor_ending_at(m.end("possessive"))
        return Subject(mention.name, mention.span) if mention is not None else None
    span = Span.of(ctx.text, m.start("pronoun"), m.end("pronoun"))
    if span.text.lower() in ("his", "her"):
        person = ctx.last_person_before(span.begin)
        return Subject(person.name, span) if person is not None else None
    subject = ctx.clause_subject(sentence.begin, span.begin)
    if subject is not None and ctx.type_of(subject.name) is not ActorType.PERSON:
        return Subject(subject.name, span)
    body = ctx.last_body_before(span.begin)
    return Subject(body.name, span) if body is not None else None
