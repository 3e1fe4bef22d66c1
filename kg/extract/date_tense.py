"""The tense of the clause a date stands in: whether the words place the date ahead of the
day of writing or behind it (see :mod:`.dates`, which resolves "in May", "on Tuesday" and
"on the 8th" by it).

- :func:`tense` reads the few words before a date: a future cue ("will", "is due to",
  "takes effect") says it lies ahead, a verb in the simple past ("imposed in May") behind.
- :func:`starts_ahead` reads the whole clause before a weekday that opens a period ("from
  Wednesday", "as of Monday"): "The EU will impose duties of up to 35% on cars made in
  China from Wednesday" names the coming Wednesday, though the future cue stands far
  before the weekday and a participle ("made") stands between.

Cue words live in ``[dates]`` of ``kg/data/triggers.toml`` (``future_cues``, ``past_verbs``,
``past_speech_verbs``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .triggers import load_triggers

FUTURE_WINDOW = 40
"""Characters before a date searched for a word saying the date lies ahead."""
CLAUSE_REACH = 200
"""Characters before a period's opening word searched for its clause's future cue."""

_CLAUSE_CUT = re.compile(r"[.!?][\"'”’)]*\s|\n|[\"“”]|(?<![\w])['‘’]|['‘’](?![\w])")
"""Where the clause holding a date starts at the latest: a sentence end, a line break or a
quotation mark (the tense of a quotation before "she said on Sunday" is not the
clause's)."""
_PERIOD_AFTER = re.compile(r"\s+(?:(?:" + "|".join(map(
    re.escape, load_triggers().dates["period_modifiers"])) + r")\s+)?"
                           r"(?:" + "|".join(map(re.escape, load_triggers().dates["period_nouns"]))
                           + r")\b", re.IGNORECASE)
"""A period a future cue names ("a budget for the next fiscal year on Dec. 26"): what
the words are about, not when the date's clause happens (``[dates] period_modifiers``,
``period_nouns``)."""
_PERIOD_OPENS = re.compile(r"\b(?:from|as\s+of|starting(?:\s+from|\s+on)?|"
                           r"beginning(?:\s+on)?|effective(?:\s+from|\s+on)?)\s+$",
                           re.IGNORECASE)
"""Words right before a day that open a period: the day something starts."""
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|,\s+(?:but|and|while|although|after|before|since|"
                           r"when|as)\s", re.IGNORECASE)
"""Where a new clause opens inside a sentence: its tense is its own."""
_PAST_FINITE = frozenset({"was", "were", "had", "did"})
"""Past auxiliaries: after a future cue they still put the clause behind ("which will
last five years, were imposed from Monday")."""


@dataclass(frozen=True)
class TenseCues:
    """The words that tell a clause's tense (from ``[dates]`` of the triggers file)."""

    future: re.Pattern[str]
    past: re.Pattern[str]
    speech_past: frozenset[str]


def _clause(text: str, begin: int, reach: int) -> str:
    """The words before ``begin``, within ``reach`` characters, from the last clause cut."""
    window = text[max(0, begin - reach):begin]
    cut = None
    for cut in _CLAUSE_CUT.finditer(window):  # noqa: B007 - the last one is wanted
        pass
    return window[cut.end():] if cut is not None else window


def _future_cue(window: str, cues: TenseCues) -> re.Match[str] | None:
    """The last future cue of ``window`` that does not only name a period."""
    future = None
    for cue in cues.future.finditer(window):
        if not _PERIOD_AFTER.match(window, cue.end()):
            future = cue
    return future


def tense(text: str, begin: int, cues: TenseCues) -> int:
    """The tense of the clause before a date at ``begin``: 1 when a word says the date lies
    ahead ("will", "is due to"), -1 for a verb in the simple past ("imposed in May", "said
    on Sunday"), else 0.  Only the words of the date's own clause count; a past speech verb
    after a future cue ("... will act, he said on Sunday") governs the date."""
    window = _clause(text, begin, FUTURE_WINDOW)
    future = _future_cue(window, cues)
    past = None
    for past in cues.past.finditer(window):  # noqa: B007 - the last one is wanted
        pass
    if future is not None and (past is None or past.start() < future.start()
                               or past.group() not in cues.speech_past):
        return 1  # "will be imposed in May", "said it will start in May"
    return -1 if past is not None else 0


def starts_ahead(text: str, begin: int, cues: TenseCues) -> bool:
    """Whether a day at ``begin`` opens a period ("from Wednesday", "as of Monday") in a
    clause whose verb lies ahead: a future cue anywhere in the clause before it ("will
    impose duties of up to 35% on cars made in China from Wednesday"), with no past speech
    verb or past auxiliary after the cue ("will act, she said, from Monday")."""
    opening = _PERIOD_OPENS.search(text, max(0, begin - 25), begin)
    if opening is None:
        return False
    window = _clause(text, opening.start(), CLAUSE_REACH)
    last_break = None
    for last_break in _CLAUSE_BREAK.finditer(window):  # noqa: B007 - the last one is wanted
        pass
    if last_break is not None:
        window = window[last_break.end():]
    future = _future_cue(window, cues)
    if future is None:
        return False
    return not any(p.group() in cues.speech_past or p.group() in _PAST_FINITE
                   for p in cues.past.finditer(window, future.end()))
