"""Which quotation a speech verb attributes, beyond the quotation right before or after it.

* :func:`quote_opening_at` -- the quotation whose opening mark stands at an offset;
* :func:`quotation_after_attribution` -- 'Kihara said, "A. B."', 'Guo said at the press
  conference of 8th, "A."': a comma after the verb (and its time, occasion or listeners)
  opens the quotation that follows, all of it, over sentences;
* :func:`claims_a_power` -- "asserting jurisdiction over ...": a say verb whose object is
  a power claimed reports no words;
* :func:`merge_interrupted` -- '"We oppose," she said, "any unilateral step."': a
  quotation cut by its attribution in the middle of a sentence (its first part ends with a
  comma) is one statement, from the first part's opening to the second part's end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Span
from .context import Context
from .reported_words import attribution_tail, is_term
from .speech_triggers import SpeechTrigger, verb_of
from .text import Quote
from .triggers import load_triggers, phrase_alternation

_OPENING_MARKS = frozenset("\"“‘'")
_QUOTE_REACH = 5000
"""Furthest a quotation runs from its opening mark."""


def quote_opening_at(ctx: Context, offset: int) -> Quote | None:
    """The quotation (not nested in another) whose opening mark is at ``offset``."""
    for quote in ctx.quotes_in(offset, offset + _QUOTE_REACH):
        if quote.outer.begin == offset and not quote.nested:
            return quote
        if quote.outer.begin > offset:
            break
    return None


def quotation_after_attribution(ctx: Context, trigger: SpeechTrigger) -> Quote | None:
    """The quotation a finite ``say`` verb opens after a comma: 'X said, "A. B."', 'X
    said at a press conference on 9th morning, "A."', 'X told reporters, "A."'.  Only
    adverbials (:func:`~.reported_words.attribution_tail`) may stand between the verb and
    the comma; a term ("so-called 'X'") is not a quotation of words."""
    if trigger.cls not in ("say", "announce") or trigger.tense == "gerund":
        return None
    # the cheap test first: the verb's adverbials end at its first comma, which a
    # quotation must follow
    comma = ctx.text.find(",", trigger.verb.end, trigger.sentence.end)
    if comma == -1 or ctx.text[comma + 1:comma + 3].lstrip()[:1] not in _OPENING_MARKS:
        return None
    tail = attribution_tail(ctx, trigger)
    if tail is None or ctx.text[tail:tail + 1] != ",":
        return None
    pos = tail + 1
    while pos < trigger.sentence.end and ctx.text[pos] in " \t":
        pos += 1
    quote = quote_opening_at(ctx, pos)
    if quote is None or is_term(quote):
        return None
    return quote


def claims_a_power(ctx: Context, trigger: SpeechTrigger, begin: int) -> bool:
    """"asserting jurisdiction over foreign-made goods", "claimed sovereignty over the
    islands": a ``say`` verb whose bare object (``act_objects`` in ``[speech]``) is a
    power claimed (one of ``power_verbs``) reports no words."""
    if trigger.cls != "say" or ctx.text[trigger.verb.end:begin].strip():
        return False
    verb = verb_of(ctx, trigger)
    if verb is None or verb.lemma not in _power_verbs():
        return False
    return _act_object_regex().match(ctx.text, begin, trigger.sentence.end) is not None


@lru_cache(maxsize=1)
def _power_verbs() -> frozenset[str]:
    return frozenset(load_triggers().raw["speech"]["power_verbs"])


@lru_cache(maxsize=1)
def _act_object_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["act_objects"])
    return re.compile(rf"(?:(?:its|their|his|her|full|exclusive|sole|effective|"
                      rf"extraterritorial)\s+){{0,2}}(?:{nouns})(?![\w-])"
                      rf"(?=\s+(?:over|of|on|in|within|to)\b|\s*[,.;]|\s*$)", re.IGNORECASE)


_RESUMED = re.compile(r"(?:,\s*[\"”’']|[\"”’']\s*,)\s*[^\"“”‘’.!?;:]{1,80}?,\s*")
"""Between the parts of an interrupted quotation: the comma closing the first part, its
closing mark, the attribution and its comma ('," she said, ')."""


def merge_interrupted(ctx: Context, first: SpeechTrigger, resumed: Quote) -> bool:
    """'“We oppose,” she said, “any unilateral step.”': when ``resumed`` goes on with the
    sentence that ``first``'s quotation left at a comma, make ``first``'s words run over
    both parts and the attribution between them; return whether it did.  A first part that
    ends its sentence ('“A.” she said. “B.”') is a statement of its own."""
    opened = first.post_quote
    if opened is None or first.content is None or first.content != opened.span:
        return False
    if _RESUMED.fullmatch(ctx.text, opened.span.end - 1, resumed.outer.begin) is None and \
            _RESUMED.fullmatch(ctx.text, opened.span.end, resumed.outer.begin) is None:
        return False
    first.content = Span.of(ctx.text, opened.span.begin, resumed.span.end)
    return True
