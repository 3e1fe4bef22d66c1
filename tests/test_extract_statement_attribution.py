"""Statements (kg.extract.statements): attribution and coordination fixes of round 7,
from an error taxonomy of sets unseen by the code of their time.

One phenomenon per test, on fixture articles of ``tests/fixtures/statements/`` (fictional
actors, see its ``actors.json``); the helpers are those of ``test_extract_statements``.
"""

from __future__ import annotations

from test_extract_statements import fixture, shown

from kg.model import StatementKind


def test_a_capitalised_speech_word_inside_a_name_is_not_a_verb() -> None:
    # "State" of "State Department" is no speech verb: the spokesperson's "said" reports.
    [s] = fixture("capitalised_verb_in_a_name")
    assert s.span.text == 'the talks with Fredville were "moving slowly but moving."'
    assert s.speaker == "unnamed Ruritanian State Department spokesperson"


def test_a_heading_ending_with_a_preposition_does_not_make_the_next_subject_an_object() -> None:
    [s] = fixture("heading_ending_with_preposition")
    assert (s.speaker, s.kind) == ("Bao Lin", StatementKind.REPORTED)
    assert s.span.text == "the levy would be reviewed within a month"


def test_a_coordinated_past_verb_with_both_predicates_quoted_is_a_second_statement() -> None:
    sol_first, sol_second, bao = fixture("and_past_verb_with_two_quotes")
    assert shown([sol_first, sol_second]) == [
        ("Mira Sol", 'the levy was "a measured step by a patient government"'),
        ("Mira Sol", 'stood "ready for talks at any level with Fredville"')]
    # "was "A" and aimed at ...": a participle sharing "was", one statement
    assert bao.speaker == "Bao Lin"
    assert bao.span.text.endswith("aimed only at buyers in the defence sector")


def test_a_participle_after_body_title_and_name_is_the_persons() -> None:
    [s] = fixture("body_title_name_participle")
    assert (s.speaker, s.kind) == ("Mira Sol", StatementKind.DIRECT_QUOTE)
    assert s.span.text.startswith("calling the levy")


def test_an_official_in_a_capital_does_not_speak_for_that_state() -> None:
    [s] = fixture("official_in_a_capital")
    assert s.speaker == "unnamed Freedonian embassy official"
    assert s.span.text == 'Fredville "wants a calm exchange" on the levy'
