"""The words and patterns by which :class:`~kg.extract.context.Context` finds a verb's
subject: what may stand between a subject and its verb (auxiliaries, adverbs, a time
counted from the clause before, an occasion "at the regular press conference"), what ends
a subject ("its leaders", a possessive, a body noun), what opens a clause, and the word
before an offset.  Word lists come from ``kg/data/triggers.toml`` where they are data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .triggers import load_triggers, phrase_alternation

SKIPPABLE = frozenset(
    "has have had was were is are will would could should may might can also then later "
    "again further previously not just already still reportedly formally officially "
    "publicly repeatedly separately earlier recently meanwhile however, urgently begun began "
    "started continued continues resumed once first again since "
    "itself himself herself themselves".split())
"""Auxiliaries and adverbs that may stand between a subject and its verb, and an emphatic
reflexive ("Tinco itself said ...": the subject is Tinco)."""
OWNED = re.compile(r"\b(?:its|their)\s+(?:" + "|".join(map(
    re.escape, load_triggers().raw["speech"]["subjects"]["owned_heads"])) + r")\s*$", re.IGNORECASE)
""""its leaders", "their government" ending a subject (``[speech.subjects] owned_heads``)."""
SHARED_SUBJECT = frozenset({"and", "or", "but", "to", "then", "nor"})
"""Words after which a verb shares the subject of the clause before ("... and said")."""
LATER_COUNTS = tuple(load_triggers().raw["figures"]["durations"]["later_counts"])
"""Counts before a time unit that are not number words ("a day later", "a few weeks later"):
``[figures.durations] later_counts``; the number words are ``[figures.number_words]``."""


@lru_cache(maxsize=1)
def later_left() -> re.Pattern[str]:
    """A time counted from the clause before ("a day later", "two weeks later", "the next
    day"), between a shared subject's "and" and its verb: a count (``[figures.number_words]``,
    a digit) and a unit of ``[figures.durations]``, then "later"."""
    triggers = load_triggers()
    counts = phrase_alternation([*LATER_COUNTS, *triggers.number_words])
    units = phrase_alternation(list(triggers.raw["figures"]["durations"]["units"]))
    return re.compile(rf"\b(?:(?:{counts}|\d+)\s+(?:{units})\s+later|the\s+(?:next|following|"
                      r"same)\s+(?:day|week|month|morning|afternoon|evening))$",
                      re.IGNORECASE)


LATER_ENDS = ("later", "day", "week", "month", "morning", "afternoon", "evening")
"""Last words of :func:`later_left`'s times: a cheap test before the pattern is tried."""
CONJUNCTIONS = frozenset("after before since until as when while once because though "
                         "although".split())
"""Words that are prepositions or conjunctions: "after X" may begin a clause whose subject
is X ("days after Chinese forces conducted drills")."""
WORD_BEFORE = re.compile(r"([\w’'.-]+)\W*$")
"""The last word of a window and what follows it."""
WORD_BEFORE_REVERSED = re.compile(r"(\W*?)([’'.-]*\w[\w’'.-]*)")
""":data:`WORD_BEFORE` matched on the reversed window: the same word and gap (see
:meth:`Context.word_before`)."""
GAP_STOPS = frozenset(",;:.!?—–(\"“”")
"""Marks that end the gap between a subject and its verb (a clause or an aside ends)."""
WORD_END_REVERSED = re.compile(r"[\w’'-]+")
"""A word, matched on a reversed window from its end."""
POSSESSIVE_END = ("'s", "’s", "s'", "s’")
"""Endings of a possessive: the owner, not the subject ("China's ministry said")."""
TITLE_AFTER = re.compile(r" (?:Prime|President|Foreign|Defen[cs]e|Chief|Vice|Deputy|Minister|"
                         r"Secretary|Ambassador|Premier|Chancellor|Trade|Commerce)\b")
"""A title's first word after a state's name ("Japan Prime Minister"): the state is an
attribute of the person named next."""


@lru_cache(maxsize=1)
def body_noun_regex() -> re.Pattern[str]:
    """ "<possessor>'s (adjectives) <body noun>" ending where a verb starts."""
    nouns = load_triggers().raw["speech"]["subjects"]["body_nouns"]
    return re.compile(
        r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}(?:" + phrase_alternation(nouns)
        + r")\s*")


@lru_cache(maxsize=1)
def occasion_regex() -> re.Pattern[str]:
    """ "at the regular press conference" ending where a verb starts (``[speech] occasions``)."""
    nouns = load_triggers().raw["speech"]["occasions"]
    return re.compile(r"\s(?:at|in|during)\s+(?:the|a|an|its|his|her|their|this|that)\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:" + phrase_alternation(nouns) + r")\s*$",
                      re.IGNORECASE)


BODY_WORDS = re.compile(r"\b(?:Ministry|Embassy|Department|Office|Bureau|Agency|Council|"
                        r"Cabinet|Commission|Army|Forces|Navy|Parliament|Committee|Secretariat|"
                        r"Administration)\b")
"""Capitalised words that name a government body."""
