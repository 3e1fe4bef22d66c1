"""Persons described by a noun: "a spokesperson for the ministry", "He Yadong, a spokesperson
for ...", "ministry spokesperson Ana Petrova".

Articles often name a speaker once and then only describe them ("a spokesperson for the
ministry said").  This module finds both halves on plain text: :func:`index_descriptions`
lists, per descriptor noun (``[speech.subjects] descriptors`` in the trigger data), the
persons the article describes with it; :func:`description_before` finds the description
that ends right before an actor mention.  :meth:`kg.extract.context.Context.described_person`
joins them to resolve a description to the person it stands for.

It was split out of :mod:`.context` (past 800 lines) as one concept; it works on text, actor
mentions and trigger data only, so it does not import :mod:`.context`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ..model import ActorMention, ActorType
from .triggers import load_triggers, phrase_alternation

_DESCRIPTION_END = re.compile(r"\s(?:" + "|".join(map(
    re.escape, load_triggers().raw["prepositions"]["description_links"]))
    + r")\s+(?:the\s+)?$", re.IGNORECASE)
_DESCRIPTION_PREPOSITIONS = frozenset(load_triggers().raw["prepositions"]["description_links"])
"""``[prepositions] description_links``: "a spokesperson for (the)"."""
_APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[\w-]+)\s+"
                         r"(?:for|of|at|to|with|from|in)\b")


def description_before(before: str) -> re.Match[str] | None:
    """The description ("a spokesperson for (the)") that ``before`` ends with, its
    descriptor noun in group ``noun``; None when ``before`` ends with none."""
    if not _ends_with_preposition(before) or _DESCRIPTION_END.search(before) is None:
        return None  # cheap test first: the description ends with "for (the)"
    if not _may_end_with_descriptor(before):
        return None  # the search below tries every offset: most often in vain
    return _description_regex().search(before)


def _ends_with_preposition(before: str) -> bool:
    """A quick test that ``before`` may end as ``_DESCRIPTION_END`` requires: a word of
    its prepositions, perhaps then "the", and white space."""
    words = before.split()
    if not words or not before[-1:].isspace():
        return False
    last = words[-1].lower()
    if last == "the" and len(words) > 1:
        return last in _DESCRIPTION_PREPOSITIONS or words[-2].lower() in _DESCRIPTION_PREPOSITIONS
    return last in _DESCRIPTION_PREPOSITIONS


def _may_end_with_descriptor(before: str) -> bool:
    """A quick test, for a ``before`` that passed :func:`_ends_with_preposition`, that a
    descriptor noun may end right before its preposition, as :func:`_description_regex`
    requires: the word there ends with the last letters of some descriptor."""
    words = before.split()
    word = words[-3] if words[-1].lower() == "the" and len(words) > 2 else words[-2] \
        if len(words) > 1 else ""
    endings = _descriptor_endings()
    if endings is None or not word.isascii():
        return True  # case-insensitive matching folds some non-ASCII letters: no shortcut
    return word.lower().endswith(endings)


@lru_cache(maxsize=1)
def _descriptor_endings() -> tuple[str, ...] | None:
    """The final letters of each descriptor noun (``None`` if one does not end with a
    letter, so that :func:`_may_end_with_descriptor` cannot tell)."""
    endings = set()
    for noun in load_triggers().raw["speech"]["subjects"]["descriptors"]:
        m = re.search(r"[a-z]+$", noun.lower())
        if m is None:
            return None
        endings.add(m.group())
    return tuple(sorted(endings))


@lru_cache(maxsize=1)
def _description_regex() -> re.Pattern[str]:
    """ "a spokesperson for (the)" right before an actor mention."""
    nouns = load_triggers().raw["speech"]["subjects"]["descriptors"]
    return re.compile(
        r"(?:\b(?:a|an|the|one)\s+)?(?:[\w’'-]+\s+){0,2}?(?P<noun>"
        + phrase_alternation(nouns)
        + r")\s+(?:for|of|at|from|with|in)\s+(?:the\s+)?$", re.IGNORECASE)


def index_descriptions(text: str, actors: Iterable[ActorMention],
                       roles: Mapping[str, str | None],
                       descriptors: Iterable[str]) -> dict[str, list[str]]:
    """Persons the article describes with a noun: "He Yadong, a spokesperson for ..." or
    "ministry spokesperson Ana Petrova", or whose role (``roles``, by actor name: what the
    mentions and reference data say) holds the noun.

    Keys are the lower-cased ``descriptors`` found; values list person names in the order
    of their first mention, each once.
    """
    nouns = {d.lower() for d in descriptors}
    found: dict[str, list[str]] = {}
    for mention in actors:
        if mention.type is not ActorType.PERSON:
            continue
        after = text[mention.span.end:mention.span.end + 80]
        m = _APPOSITION.match(after)
        words = set()
        if m is not None:
            words.add(m.group("noun").lower())
        before = text[max(0, mention.span.begin - 30):mention.span.begin].lower().split()
        if before:
            words.add(before[-1])
        role = roles[mention.name]
        if role:
            words.update(w.lower().strip(",") for w in role.split())
        for word in words & nouns:
            if mention.name not in found.setdefault(word, []):
                found[word].append(mention.name)
    return found
