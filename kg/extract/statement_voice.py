"""The publisher's own voice: what a company's or a ministry's own document asserts.

A press release, a ministry's statement or a broker's client note is published by an actor
that speaks in it without a verb of saying: "We estimate Japanese magnet makers hold three
months of stock", "The said measure targets only our country", "The Company does not
supply products to the Ministry of Defense".  Every gold set reads such sentences as the
publisher's reported statements, dated to the document's own date.  Two forms count, each
outside quotations (a quotation is someone's words, found by its own attribution):

* a sentence in which "we" takes a verb of stance or a negation (``[speech.voice]
  pronouns``, ``stance_verbs``: "we estimate", "we expect", "we put the hit at", "We have
  not been able to confirm"), or "our" an opinion noun (``opinion_nouns``: "In our view");
* a sentence whose subject, after a list number and an opening adverbial ("(3) As of today,
  ..."), is the publisher itself, by its name or by the defined term a release gives itself
  ("the Company"; ``self_nouns``), before the same verbs ("METI will continue to examine
  ...", "The Company does not supply ...").

Plans and facts ("The Company will increase purchases", "we hold five months of stock",
"We are aware of the announcement") are not the publisher's statements.

Only publishers that are companies or government bodies speak so: a newspaper's or a think
tank's "we" is an author's opinion (op-eds, analyses), which the gold sets leave out.  A
sentence already holding a statement, a question, and a sentence of fewer than five words
give none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActorMention, ActorType, PartialDate, Span
from .context import Context, Subject
from .gazetteer import alias_key
from .refdata import actor_data
from .reported_words import SHORT_STATEMENT, overlaps_any, trim_end
from .speech_triggers import SpeechTrigger
from .text import BULLET, word_count
from .triggers import load_triggers, phrase_alternation

__all__ = ["own_voice", "publisher_of"]

_SPEAKING_TYPES = (ActorType.COMPANY, ActorType.GOVERNMENT_BODY)
_LEAD = re.compile(r"(?:" + BULLET + r"\s+|\(?\d{1,2}[.)]\s*)?"
                   r"(?:(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,5},\s+)?")
_ARTICLE = re.compile(r"[Tt]he\s+")
_BULLET = re.compile(BULLET + r"\s+|\(?\d{1,2}[.)]\s*")
"""What may open a sentence before its subject: a bullet or list number ("(3) ", "2. ")
and an adverbial set off by a comma ("As of today, ", "In addition, ")."""


def own_voice(ctx: Context, statements: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """The sentences in which the article's publisher, a company or a government body,
    speaks in its own voice (see module doc), as statements of the publisher."""
    publisher = publisher_of(ctx)
    day = ctx.article.metadata.date
    if publisher is None or day is None:
        return []
    voice = _voice_regexes()
    covered = sorted((t.content.begin, t.content.end) for t in statements if t.content)
    starts = [b for b, _ in covered]
    names = _self_names(ctx, publisher)
    out: list[SpeechTrigger] = []
    for sentence in ctx.sentences:
        end = trim_end(ctx.text, sentence.begin, sentence.end)
        if end <= sentence.begin or ctx.text[end - 1:sentence.end].rstrip().endswith("?"):
            continue
        cue = _first_person(ctx, voice[0], sentence) or \
            _self_subject(ctx, voice[1], names, sentence)
        if cue is None:
            continue
        content = Span.of(ctx.text, _bullet_end(ctx.text, sentence.begin, end), end)
        if word_count(content.text) < SHORT_STATEMENT or overlaps_any(covered, starts, content):
            continue
        out.append(SpeechTrigger(cue, sentence, "say", "present",
                                 speaker=Subject(publisher.name, cue), content=content,
                                 given_date=(PartialDate.from_date(day),)))
    return out


def _bullet_end(text: str, begin: int, end: int) -> int:
    """Past a bullet or a list number opening a sentence ("- ", "(3) ", "2. ")."""
    m = _BULLET.match(text, begin, end)
    return m.end() if m else begin


def publisher_of(ctx: Context) -> ActorMention | None:
    """The actor the article's publisher is, when it is a company or a government body:
    named so in the text, or by a known alias of it, whole or before a comma that adds its
    office ("U.S. Department of Commerce, Office of Public Affairs")."""
    name = ctx.article.metadata.publisher
    if not name:
        return None
    for mention in ctx.actors:
        if mention.type in _SPEAKING_TYPES and (
                mention.span.text == name or mention.name == name or
                name.startswith(mention.span.text) and mention.span.text):
            return mention
    aliases = actor_data().alias_map
    known = {aliases.get(alias_key(form)) for form in (name, name.split(",")[0])} - {None}
    return next((m for m in ctx.actors if m.type in _SPEAKING_TYPES and m.name in known), None)


def _self_names(ctx: Context, publisher: ActorMention) -> frozenset[str]:
    """The names the publisher goes by in its own text: every surface form of its actor."""
    return frozenset(m.span.text for m in ctx.actors if m.name == publisher.name and m.span.text)


def _first_person(ctx: Context, pronoun: re.Pattern[str], sentence: Span) -> Span | None:
    for m in pronoun.finditer(ctx.text, sentence.begin, sentence.end):
        if ctx.in_quote(m.start(), m.end()) is None:
            return Span(m.start(), m.end(), m.group())
    return None


def _self_subject(ctx: Context, stance: re.Pattern[str], names: frozenset[str],
                  sentence: Span) -> Span | None:
    lead = _LEAD.match(ctx.text, sentence.begin, sentence.end)
    pos = lead.end() if lead is not None else sentence.begin
    # the bullet's end first: a name with a comma ("Ministry of Economy, Trade and
    # Industry") is not an opening adverbial
    for candidate in (_bullet_end(ctx.text, sentence.begin, sentence.end), pos):
        subject = _subject_at(ctx, names, candidate)
        if subject is not None and stance.match(ctx.text, subject.end, sentence.end):
            return subject
    return None


def _subject_at(ctx: Context, names: frozenset[str], pos: int) -> Span | None:
    article = _ARTICLE.match(ctx.text, pos)
    mention = ctx.actor_at(pos) or (ctx.actor_at(article.end()) if article else None)
    if mention is not None and mention.span.text in names:
        return mention.span
    m = _voice_regexes()[2].match(ctx.text, pos)
    return Span(m.start(), m.end(), m.group()) if m else None


@lru_cache(maxsize=1)
def _voice_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The first-person subjects (case as written) before a verb of stance, or the
    possessive of an opinion noun ("In our view"); the verbs of stance after the
    publisher's name; and the defined terms it gives itself."""
    voice = load_triggers().raw["speech"]["voice"]
    pronouns = "|".join(re.escape(p) for p in voice["pronouns"])
    stance = (r"\s+(?:[a-z]+ly\s+)?(?:will\s+(?:[a-z]+ly\s+)?)?"
              rf"(?:{phrase_alternation(voice['stance_verbs'])})(?![\w’'-])")
    opinion = phrase_alternation(voice["opinion_nouns"])
    selves = phrase_alternation(voice["self_nouns"])
    return (re.compile(rf"(?<![\w’'-])(?:(?:{pronouns}){stance}"
                       rf"|[Oo]ur\s+(?:own\s+)?(?:{opinion})(?![\w’'-]))"),
            re.compile(stance),
            re.compile(rf"(?:{selves})(?![\w’'-])"))
