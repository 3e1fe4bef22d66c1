"""Where the narrator takes over after reported words: a clause about the speaker's NOT
saying something.

"Kari Solberg said Oslo would review the quota, but gave no date", "..., but the amount
was not disclosed", "..., but she did not say when": a clause coordinated after the words
by *but* (or *and*, *though*, *yet*) that tells what the speaker did not say is the
narrator's comment on the speech, not the speaker's words.  The words end before it
(:func:`narrator_comment`, called by :func:`.reported_words.content_end`).  The forms
are those of ``[speech.negation]`` in ``kg/data/triggers.toml``: an auxiliary of negation
and a verb of saying ("did not specify", "declined to elaborate"), a phrase ("gave no
details", "without naming"), a verb giving nothing (``withheld_verbs``: "gave no date",
"offered no timetable"), or a passive of saying negated (``withheld_participles``:
"specific content was not indicated", "no date was given").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .context import Context
from .triggers import load_triggers, phrase_alternation


@lru_cache(maxsize=1)
def _comment_regex() -> re.Pattern[str]:
    negation = load_triggers().raw["speech"]["negation"]
    auxiliaries = phrase_alternation(negation["auxiliaries"])
    verbs = phrase_alternation(negation["verbs"])
    phrases = phrase_alternation(negation["phrases"])
    withheld = phrase_alternation(negation["withheld_verbs"])
    participles = phrase_alternation(negation["withheld_participles"])
    be = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)"
    subject = r"(?:[\w’'.-]+\s+){0,4}?"  # "but", "but she", "though the ministry"
    noun_phrase = r"(?:[\w’'-]+\s+){1,4}?"
    return re.compile(
        rf"[,;]\s*(?:but|and|though|although|yet)\s+(?!that\b)(?:"
        rf"{subject}(?:(?:{auxiliaries})\s+(?:{verbs})|{phrases}|(?:{withheld}))\b"
        rf"|{noun_phrase}{be}\s+not\s+(?:{participles})\b"
        rf"|no\s+{noun_phrase}{be}\s+(?:{participles})\b)")


def narrator_comment(ctx: Context, begin: int, end: int) -> int:
    """The end of reported words ``[begin, end)`` before a narrator's clause on what the
    speaker did not say (module doc), outside quotations; else ``end``."""
    # No cheaper test first: "declined to elaborate", "stopped short of naming" and "never"
    # hold no "not"; the pattern opens with a comma and a conjunction, which is rare enough.
    for pattern in (_comment_regex(), _NEGATED_SPEAKER):
        for m in pattern.finditer(ctx.text, begin, end):
            if m.start() > begin and ctx.in_quote(m.start()) is None:
                return m.start()
    return end


# Left in code: conjunctions, pronouns and auxiliaries of one clause shape, no word list to extend
_NEGATED_SPEAKER = re.compile(r"[,;]\s*(?:but|though|although|yet)\s+(?:he|she)\s+(?:"
                              r"(?:did|does|has|had|would|could)\s+not|never)\s")
"""", though he did not call for it to be changed": a clause whose subject is the speaker
again ("he" / "she") with a negated verb of any kind tells what the speaker did not do:
the narrator's, as the words of not saying are."""
