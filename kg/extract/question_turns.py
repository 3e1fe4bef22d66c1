"""Where the questions of an interview or a press-conference transcript are.

A paragraph opened by a question label and a colon ("Q:", "Reporter:", "Reporter of Kyodo
News:", "Reporter (NHK):"; ``[speech.transcript] question_labels`` in
``kg/data/triggers.toml``) is a question up to the end of the paragraph or up to an answer
label inside it ("...? A: ...").  What a question says is the questioner's framing, not a
claim of the article or of the answerer: the figures it quotes are restated, if at all, in
the answer ("One sees 60 percent, one sees 70", then "Around 60 percent ..."), and the
outlet of the reporter asking is not a source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .triggers import load_triggers, phrase_alternation

_ASKER_MAX = 40
"""Characters of "of Kyodo News" / "from Reuters" a question label may carry."""


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = load_triggers().raw["speech"]["transcript"]
    # official transcripts print labels in capitals ("REPORTER (Aya Kobayashi, TV Asahi):")
    questions = phrase_alternation([*table["question_labels"],
                                    *(label.upper() for label in table["question_labels"])])
    answers = phrase_alternation(table["answer_labels"])
    # the asker's outlet after "of"/"from"/"with" or in parentheses ("Reporter (NHK):")
    label = re.compile(rf"(?m)^[ \t]*(?:{questions})(?:\s+(?:of|from|with)\s+[^:\n]{{1,"
                       rf"{_ASKER_MAX}}}|\s*\([^():\n]{{1,{_ASKER_MAX}}}\))?\s*[:：]")
    answer = re.compile(rf"(?<=[?.!\"”])\s+(?:{answers})\s*[:：]")
    return label, answer


@lru_cache(maxsize=8)
def question_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(begin, end)`` of every question turn in ``text``, label included, in text order
    (found once per article: the figure and citation extractors both ask)."""
    label, answer = _patterns()
    spans = []
    for m in label.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        inline = answer.search(text, m.end(), end)
        spans.append((m.start(), inline.start() if inline else end))
    return tuple(spans)


def in_question(spans: Sequence[tuple[int, int]], begin: int) -> bool:
    """Whether offset ``begin`` lies inside one of ``spans`` (from :func:`question_spans`)."""
    return any(b <= begin < e for b, e in spans)
