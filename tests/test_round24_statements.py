"""Statements of round 24: words said in a relative clause about the noun it follows.

"<noun phrase>, which X said <predicate>": the relative word is the subject of the words, so
the words alone ("had been approved") say nothing; they start with the noun phrase the clause
follows when it is the object of a clause whose subject is an actor (after that clause's
verb), else at "which" -- and a date between the speaker and the words dates the saying.
"""

from __future__ import annotations

from extract_support import actor
from test_extract_statements import iso, run, shown

_TABLE = [
    actor("Freedonia", "state"),
    actor("Ana Souza", "person"),
]


def test_which_x_says_words_start_at_which_when_no_actor_clause_holds_the_noun() -> None:
    found = shown(run("Exporters now wait on the tin licences, which Freedonia says can take up "
                      "to 60 days.", table=_TABLE))
    assert found == [("Freedonia", "which Freedonia says can take up to 60 days")]


def test_which_x_said_words_start_after_the_verb_of_an_actor_subject() -> None:
    found = shown(run("Supply eased after Freedonia cleared export permits for 9,000 tonnes of "
                      "tin held by smelters, which Ana Souza said had been approved.",
                      table=_TABLE))
    assert found == [("Ana Souza", "export permits for 9,000 tonnes of tin held by smelters, "
                                   "which Ana Souza said had been approved")]


def test_a_date_before_the_words_of_a_relative_clause_dates_the_saying() -> None:
    [s] = run("Supply eased after Freedonia cleared export permits for 9,000 tonnes of tin, "
              "which Ana Souza said on Tuesday had been approved.", table=_TABLE)
    assert iso(s) == "2026-01-06"


def test_which_as_the_object_of_the_verb_keeps_the_words_after_it() -> None:
    found = shown(run("Miners left the Kestrel Banks, which Freedonia claims and calls the "
                      "Northern Shelf.", table=_TABLE))
    assert all(not text.startswith(("the Kestrel", "which")) for _, text in found)
