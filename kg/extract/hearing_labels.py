"""The speaker labels of a hearing's transcript: "MR. ESTEVEZ:", "CHAIRMAN HALVERSON:".

US congressional and court transcripts open each turn with a courtesy title or a
congressional title and the speaker's surname in capitals.  Two modules read such labels:
the transcript finder (:mod:`kg.extract.transcripts`: the turns are the speakers' words)
and the actor patterns (:mod:`kg.extract.actor_patterns`: the surname names a person).
Both use this one definition, so a label is a speaker's in both or in neither.

The titles are ``[speech.transcript] hearing_titles`` of ``kg/data/triggers.toml``
(honorifics and congressional titles only: "GENERAL MILLS:", "GENERAL ASSEMBLY:" in a
factbox are a company and a body, not General Mills the officer).  A label whose name word
is an organisation's or company's suffix ("MR. ELECTRIC:", ``company_suffixes`` and
``organization_suffixes`` of ``kg/data/actors.toml``) names no one either.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .refdata import actor_data
from .triggers import load_triggers, phrase_alternation


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(load_triggers().raw["speech"]["transcript"]["hearing_titles"])


@lru_cache(maxsize=1)
def hearing_label_regex() -> re.Pattern[str]:
    """A paragraph's opening hearing label (matched at the paragraph's start): the title as
    printed, in capitals, with or without its stop, then the name in capitals (group
    ``name``) and a colon.  Check its name with :func:`is_speaker_name`."""
    titles = phrase_alternation(_titles())
    return re.compile(rf"[ \t]*(?:{titles})\.?[ \t]+(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z]"
                      rf"[A-Z'’-]+){{0,2}})[ \t]*:[ \t]+(?=\S)")


@lru_cache(maxsize=1)
def _title_set() -> frozenset[str]:
    return frozenset(" ".join(t.split()).casefold() for t in _titles())


@lru_cache(maxsize=1)
def _suffix_words() -> frozenset[str]:
    lex = actor_data().lexicon
    return frozenset(w.casefold().rstrip(".") for w in (
        *lex.company_suffixes, *lex.organization_suffixes, *lex.state_body_suffixes,
        *lex.legal_suffixes, *lex.partnership_suffixes))


def is_hearing_title(words: str) -> bool:
    """Whether ``words`` (a label's words before the name: "MR.", "Chairman", "SEN.") are one
    of the hearing titles, in any case, with or without a stop."""
    phrase = " ".join(words.split()).casefold().rstrip(".")
    return phrase in _title_set()


def is_speaker_name(name: str) -> bool:
    """Whether a label's name (in capitals: "OKAFOR", "VAN DER BERG") may be a person's: none
    of its words is an organisation's or company's suffix ("ELECTRIC", "INSTITUTE")."""
    return not any(w.casefold() in _suffix_words() for w in name.split())


def match_hearing_label(text: str, begin: int, end: int) -> re.Match[str] | None:
    """The hearing label opening ``text[begin:end]`` (a paragraph), if it names a speaker."""
    m = hearing_label_regex().match(text, begin, end)
    return m if m is not None and is_speaker_name(m.group("name")) else None
