"""Measures other states copied: "the curbs that X and Y mirrored", "were copied by X".

Each test is one phenomenon, in invented words: a relative clause after a trade measure
whose subject is states and whose verb is a verb of copying gives each state a measure of
the same type, dated by the clause; so does a passive with the states as agents, and those
states are then not the copied measure's target; a hedged or present-tense verb, or a
subject that is no state, copies nothing.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, PartialDate

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
SYLVANIA = actor("Sylvania", "state", "Sylvania", "Sylvan City")
TABLE = [RURITANIA, FREEDONIA, SYLVANIA]
GOODS = [{"name": "graphite", "category": "semiconductor", "forms": ["graphite"]}]


def run(text: str) -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date="2026-04-02"), mentions(text, TABLE),
                         materials(text, GOODS))


def by_issuer(text: str) -> dict[str | None, MeasureMention]:
    return {m.issuer: m for m in run(text)}


def test_states_in_a_relative_clause_of_copying_issue_the_same_kind_of_measure() -> None:
    text = ("Exporters still point to the graphite export curbs that Ruritania imposed in "
            "2022 and that Freedonia and Sylvania largely copied in 2024.")
    found = by_issuer(text)
    for state in ("Freedonia", "Sylvania"):
        assert found[state].type.value == "export_control"
        assert found[state].date == PartialDate(2024)
    assert found["Ruritania"].date == PartialDate(2022)


def test_agents_of_a_passive_copying_issue_the_measure_and_are_not_its_target() -> None:
    text = ("Ruritania's ban on graphite exports of May 2023 was mirrored in 2025 by "
            "Sylvania and by Freedonia, officials said.")
    found = by_issuer(text)
    assert found["Sylvania"].type.value == "export_ban"
    assert found["Freedonia"].type.value == "export_ban"
    assert found["Freedonia"].date == PartialDate(2025)
    assert found["Ruritania"].target is None


def test_a_hedged_copy_gives_no_measure() -> None:
    text = ("The graphite export curbs that Ruritania imposed in 2022, which Freedonia "
            "may match soon, have hurt buyers.")
    assert set(by_issuer(text)) == {"Ruritania"}


def test_a_subject_that_is_no_state_copies_nothing() -> None:
    text = ("The graphite export curbs that Ruritania imposed in 2022, which exporters in "
            "Freedonia copied in their own contracts, have hurt buyers.")
    assert "Freedonia" not in by_issuer(text)


def test_states_that_followed_suit_in_the_next_sentence_issue_the_same_kind_of_measure() -> None:
    text = ("Ruritania restricted graphite exports to Freedonia in 2022. Sylvania followed "
            "suit in 2024.")
    found = by_issuer(text)
    assert found["Sylvania"].type is found["Ruritania"].type
    assert found["Sylvania"].date == PartialDate(2024)
    assert found["Sylvania"].span.text.startswith("Sylvania followed suit")


def test_states_that_did_the_same_in_the_measures_sentence_copy_it() -> None:
    found = by_issuer("Ruritania restricted graphite exports in 2022, and Freedonia and "
                      "Sylvania did the same.")
    assert set(found) == {"Ruritania", "Freedonia", "Sylvania"}


def test_following_suit_copies_nothing_when_the_subject_is_no_state_or_far_away() -> None:
    assert set(by_issuer("Ruritania restricted graphite exports in 2022. Several exporters "
                         "followed suit.")) == {"Ruritania"}
    assert set(by_issuer("Ruritania restricted graphite exports in 2022. Prices rose. "
                         "Sylvania followed suit.")) == {"Ruritania"}
    assert set(by_issuer("Ruritania restricted graphite exports in 2022. Analysts expect "
                         "Sylvania to follow suit.")) == {"Ruritania"}
