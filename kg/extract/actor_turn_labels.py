"""People named by a conversation's speaker labels and by an age apposition.

* Speaker labels.  Earnings calls, podcasts and magazine interviews print each turn as a
  paragraph opened by the speaker's name in title case and a colon, bold in Markdown
  ("Hiroshi Takamori: ...", "**Geraldo Alckmin:** ..."), the full name at a speaker's first
  turn and often the family name alone after it ("**Alckmin:**").  A text is such a
  transcript when its lines open with name labels at least ``_TURNS`` times and at least
  two speakers (told apart by the label's last word) take two turns or more: a lone
  "Note:" or "Source:" line of a news story is nobody's turn.  There, a label of two to
  four name words no rule took is a person's name (names in capitals, "TARO YAMADA:", are
  :func:`kg.extract.actor_patterns.find_transcript_labels`'s).
* Post authors.  A social-media post pasted into a text opens with its author's line, the
  display name and the handle ("Tomás Ibarra @tibarra_mx"): two to four name words before a
  handle alone on a line name a person.
* Age apposition.  News writing introduces a person with the age set off by commas right
  after the name ("Maria Oyelowo, 54, runs a ...", "Geraldo Alckmin, 72, is Brazil's
  vice-president"): two to four name words, a comma, an age and a comma name a person.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .actor_context import ActorContext, name_runs, new_person, token_at

NAME_LABEL = re.compile(
    r"(?m)^[ \t]*(?:[*_]{1,3})?(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]*"
    r"(?:[*_]{1,3})?[ \t]*[:：](?:[*_]{1,3})?[ \t]+(?=\S)")
"""A line opened by a name-shaped label and a colon: "Hiroshi Takamori:", "**Voss:**"."""
AUTHOR_LINE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})"
                         r"[ \t]+@(?P<handle>\w{1,30})[ \t]*$")
"""A post's author line: the display name and the handle ("Tomás Ibarra @tibarra_mx")."""
_TURNS = 4
"""Fewest name labels that make a conversation's transcript."""
_AGE = re.compile(r"\s*,\s*(?P<age>\d{2,3})\s*,\s")
"""An age set off by commas right after a name: ", 72, "."""
_AGE_RANGE = range(16, 111)
_AGE_ANYWHERE = re.compile(r"[A-Za-z],\s*\d{2,3}\s*,\s")


@lru_cache(maxsize=8)
def conversation_labels(text: str) -> tuple[re.Match[str], ...]:
    """The name labels opening the lines of ``text`` when it is a conversation's
    transcript (see module doc), else none.  Kept for the few articles in flight: the
    actor extractor and the transcript reader both ask."""
    if text.count(":") + text.count("：") < _TURNS:
        return ()
    labels = tuple(NAME_LABEL.finditer(text))
    if len(labels) < _TURNS:
        return ()
    turns = Counter(m.group("name").split()[-1].casefold() for m in labels
                    if not m.group("name").isupper())
    speakers = [word for word, count in turns.items()
                if count >= 2 and _one_name(labels, word)]
    if len(speakers) < 2:
        return ()
    return labels


def _one_name(labels: tuple[re.Match[str], ...], last: str) -> bool:
    """Whether the labels ending in ``last`` can name one speaker: each is the fullest of
    them or its end ("Geraldo Alckmin", "Alckmin"), never two different fronts
    ("Announcement Date:", "Effective Date:" are a fact sheet's fields, not a speaker)."""
    names = {tuple(m.group("name").casefold().split()) for m in labels
             if m.group("name").split()[-1].casefold() == last}
    fullest = max(names, key=len)
    return all(fullest[len(fullest) - len(name):] == name for name in names)


def find_label_people(ctx: ActorContext) -> None:
    """People named in title case by a conversation's speaker labels (see module doc)."""
    for m in conversation_labels(ctx.text):
        if len(m.group("name").split()) < 2 or m.group("name").isupper():
            continue
        _new_named_person(ctx, m)


def find_post_authors(ctx: ActorContext) -> None:
    """People named by the author line of a pasted post (see module doc)."""
    if "@" not in ctx.text:
        return
    for m in AUTHOR_LINE.finditer(ctx.text):
        _new_named_person(ctx, m)


def _new_named_person(ctx: ActorContext, m: re.Match[str]) -> None:
    """A person for the ``name`` group of ``m`` when it is a run of two or more name words
    that no rule took ("Press Office:", "Hong Kong:" are not)."""
    start = token_at(ctx, m.start("name"))
    stop = token_at(ctx, m.end("name") - 1)
    if start is None or stop is None or stop <= start:
        return
    if ctx.name_run(start) != stop + 1 or any(
            k in ctx.covered or k in ctx.consumed for k in range(start, stop + 1)):
        return
    new_person(ctx, start, stop + 1)


def find_aged_people(ctx: ActorContext) -> None:
    """People introduced with their age in apposition: "Geraldo Alckmin, 72, is ..."."""
    if _AGE_ANYWHERE.search(ctx.text) is None:
        return  # most texts: no age set off by commas at all
    for i, end in name_runs(ctx):
        m = _AGE.match(ctx.text, ctx.tokens[end - 1].end)
        if m is not None and int(m.group("age")) in _AGE_RANGE:
            new_person(ctx, i, end)
