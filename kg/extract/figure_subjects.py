"""Counts whose noun is the subject of the clause (round 24).

"Chinese visitors to Japan numbered about 7.5 million in the first nine months", "visitors
to the island fell from about 2.1 million in 2016 to roughly 1.3 million in 2017", "the
queue of trucks at the crossing grew to more than 1,000": a bare number after a verb of a
level or a change (``[figures.subject_counts].verbs``, with "from" or "to") leaves its noun
to the clause's subject, and counts the plural noun that opens the sentence.  Only a
subject with no number of its own, a few words long, is read (else the noun is not what
the number counts: "exports of 3,000 tonnes rose to 4,000" has its unit already).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from ..model import FigureMention
from .context import Context
from .figure_numbers import amount_begin, count_of, digit_count
from .triggers import load_triggers, phrase_alternation

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_SUBJECT_WORDS = 12
"""Words of a subject before its verb at most ("The queue of trucks on the Mongolian side
at the crossing")."""


@lru_cache(maxsize=1)
def _verbs() -> re.Pattern[str] | None:
    verbs = phrase_alternation(load_triggers().raw["figures"].get("subject_counts", {})
                               .get("verbs", []))
    if not verbs:
        return None
    # the verb, then "from" or "to" (or nothing), then an amount given before "to" ("from
    # about 8 million in 2016 to"), up to the number's qualifier
    return re.compile(rf"\b(?:{verbs})(?:\s+from\s+[^;:!?]{{1,50}}?\s+to|\s+(?:from|to))?"
                      rf"\s+$", re.IGNORECASE)


def subject_counts(ctx: Context, bare: list[re.Match[str]],
                   number: Callable[[str | None], Decimal | None],
                   counted_noun: Callable[[int], tuple[str, int] | None]
                   ) -> list[FigureMention]:
    """The bare numbers of ``bare`` that count the plural noun of their clause's subject."""
    verbs = _verbs()
    if verbs is None:
        return []
    out = []
    for m in bare:
        begin = amount_begin(m)
        sentence = ctx.sentence_of(begin)
        if sentence is None or not digit_count(m):
            continue
        verb = verbs.search(ctx.text, sentence.begin, begin)
        if verb is None:
            continue
        subject = ctx.text[sentence.begin:verb.start()]
        words = list(_WORD.finditer(subject))
        if not words or len(words) > _SUBJECT_WORDS or any(c.isdigit() for c in subject):
            continue
        counted = next((c for w in words[:4]
                        if (c := counted_noun(sentence.begin + w.start())) is not None), None)
        value = number(m.group("anum"))
        if counted is not None and value is not None:
            out.append(count_of(ctx.text, m, value, counted[0]))
    return out


def prepare() -> None:
    """Compile the verb pattern now (cached once per process; see
    :func:`kg.extract.prepare`)."""
    _verbs()
