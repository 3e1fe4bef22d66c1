"""Statements: reported questions, hearings and the clauses around them (round 7).

A parliamentary hearing reported in indirect speech ("X asked whether ...", "Y replied that
..., but that ...", "He said ...") and the day its lead sets.  Inline texts with their own
actors, one phenomenon per test (kg.extract.statements, kg.extract.statement_dates).
"""

from __future__ import annotations

import pytest
from extract_support import actor, article, mentions

from kg.extract.statements import find_statements
from kg.model import StatementKind, StatementMention

BRAGA = actor("Lucia Braga", "person", "Lucia Braga", "Braga")
NUNES = actor("Tiago Nunes", "person", "Tiago Nunes", "Nunes", role="finance minister")
FARIA = actor("Rui Faria", "person", "Rui Faria", "Faria", role="industry minister")
COSTA = actor("Ines Costa", "person", "Ines Costa", "Costa")
GREEN = actor("Green Left", "organization", "Green Left")
PORTUGAL = actor("Portugal", "state", "Portugal", "Lisbon")
SPAIN = actor("Spain", "state", "Spain", "Madrid")
MINES = actor("National Mining Agency", "government_body", "National Mining Agency",
              "the mining agency")
TEJO = actor("Tejo Minerals", "company", "Tejo Minerals")
COURIER = actor("Lisbon Courier", "media", "Lisbon Courier")
WORKERS = actor("unnamed mine workers", "person", "Two mine workers")
TABLE = [BRAGA, NUNES, FARIA, COSTA, GREEN, PORTUGAL, SPAIN, MINES, TEJO, COURIER, WORKERS]


def run(text: str, date: str = "2026-04-17") -> list[StatementMention]:
    return find_statements(article(text, date=date), mentions(text, TABLE))


def shown(text: str, date: str = "2026-04-17") -> list[tuple[str, str]]:
    return [(s.speaker, s.span.text) for s in run(text, date)]


def dated(text: str, date: str = "2026-04-17") -> list[tuple[str, str | None]]:
    return [(s.speaker, s.date.isoformat() if s.date else None) for s in run(text, date)]


@pytest.mark.parametrize("verb", ["asked", "asks", "wondered", "inquired", "enquired"])
def test_a_reported_question_is_the_askers_statement_from_its_question_word(verb: str) -> None:
    [s] = run(f"Lucia Braga {verb} whether the lithium licences had been granted too fast.")
    assert (s.speaker, s.kind, s.span.text) == (
        "Lucia Braga", StatementKind.REPORTED,
        "whether the lithium licences had been granted too fast")


@pytest.mark.parametrize("word", ["if", "why", "how"])
def test_a_question_to_a_named_addressee_skips_the_addressee(word: str) -> None:
    [s] = run(f"Lucia Braga asked Finance Minister Tiago Nunes {word} the fund would cover "
              "small quarries.")
    assert (s.speaker, s.span.text) == ("Lucia Braga",
                                        f"{word} the fund would cover small quarries")


def test_asked_by_a_member_of_a_party_names_the_asker_and_ends_at_the_comma() -> None:
    text = ("Asked by Ines Costa of the Green Left whether Lisbon might cap its own ore "
            "exports, Nunes said the cabinet had not discussed any cap.")
    assert shown(text) == [
        ("Ines Costa", "whether Lisbon might cap its own ore exports"),
        ("Tiago Nunes", "the cabinet had not discussed any cap")]


def test_an_outlets_question_and_asking_not_to_be_named_are_no_statements() -> None:
    assert shown("The Lisbon Courier asked whether the licences had been granted too fast.") \
        == []
    assert shown("Two mine workers, who asked not to be named, feared layoffs.") == []


@pytest.mark.parametrize("frame", ["Lucia Braga did not ask", "Lucia Braga reportedly asked",
                                   "Lucia Braga will ask",
                                   "It is unclear whether Lucia Braga asked"])
def test_a_negated_hedged_or_future_question_is_no_statement(frame: str) -> None:
    assert shown(f"{frame} whether the licences had been granted too fast.") == []


def test_a_pronoun_opening_a_sentence_is_the_person_subject_of_the_one_before() -> None:
    text = ("Lucia Braga asked whether the quotas were a reply to Tiago Nunes's budget. "
            "She said three quarries in her district had stopped hiring.")
    assert [sp for sp, _ in shown(text)] == ["Lucia Braga", "Lucia Braga"]


def test_a_participle_after_a_pronoun_subject_is_that_persons_not_an_objects() -> None:
    text = ("Rui Faria presented the plan. He pointed to the deal between Tejo Minerals and "
            "the mining agency as proof that it worked, saying ore was already arriving "
            "from Spain.")
    assert shown(text) == [("Rui Faria", "ore was already arriving from Spain")]


def test_but_that_sets_a_second_claim_against_the_first_quoted_or_not() -> None:
    text = ("Nunes answered that the fund would grow if needed, but that no figure had been "
            "agreed.")
    assert shown(text) == [("Tiago Nunes", "the fund would grow if needed"),
                           ("Tiago Nunes", "no figure had been agreed")]
    # "and that" with no quotation stays one report (the seeds' convention).
    assert len(run("Nunes noted that the fund would grow if needed, and that no figure had "
                   "been agreed.")) == 1


def test_a_perfect_negation_inside_reported_words_is_part_of_them() -> None:
    [s] = run("Faria replied that the mining agency had inspected 40 sites and had not "
              "found any breach of the quota.")
    assert (s.speaker, s.negated) == ("Rui Faria", False)
    assert s.span.text.endswith("had not found any breach of the quota")


HEARING = ("Opposition members questioned ministers on Wednesday over the new quotas on "
           "lithium ore exports at a hearing of the parliament's industry and energy "
           "committee in Lisbon.\n\n")


def test_the_day_of_the_hearing_the_lead_sets_dates_what_named_people_said_at_it() -> None:
    text = HEARING + (
        "Lucia Braga asked whether the quotas had been cleared with Madrid. Faria replied "
        "that the agency had consulted Spain in March. Tejo Minerals said output would "
        "fall. Two mine workers said they feared layoffs before the summer.")
    assert dated(text) == [("Lucia Braga", "2026-04-15"), ("Rui Faria", "2026-04-15"),
                           ("Tejo Minerals", None), ("unnamed mine workers", None)]


def test_earlier_or_perfect_words_and_leads_without_an_occasion_take_no_frame_day() -> None:
    text = HEARING + ("Faria earlier said the quotas would lapse. Nunes has said the fund "
                      "is sufficient.")
    assert dated(text) == [("Rui Faria", None), ("Tiago Nunes", None)]
    plain = ("Opposition members criticised the ore quotas on Wednesday.\n\n"
             "Faria replied that the agency had consulted Spain.")
    assert dated(plain) == [("Rui Faria", None)]


def test_a_date_inside_the_that_clause_of_a_demand_verb_belongs_to_the_words() -> None:
    text = "Faria added that the quota, in force since May 2024, was not aimed at Spain."
    assert dated(text) == [("Rui Faria", None)]
