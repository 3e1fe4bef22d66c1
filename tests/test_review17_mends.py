"""What a reread of round 17 found, each in a text of its own: a question headline over a
byline is no written question; a fact sheet's "Field: value" lines and a heading with a
dash or parentheses name no person; a state that takes part in sanctions takes a measure."""

from __future__ import annotations

from extract_support import actor, measures_in, parties_of

from kg.extract import extract
from kg.ingest import parse_article
from kg.model import ActorType


def _extract(text: str):  # type: ignore[no-untyped-def]
    return extract(parse_article(text.encode("utf-8"), identifier="a.txt"))


def test_a_question_headline_over_a_byline_makes_no_answer_of_the_story() -> None:
    found = _extract("Will Lima's copper ban hurt smelters?\n\nAna Ruiz, Lima Correspondent\n\n"
                     "Copper prices rose 20 percent this week after Peru halted ore exports.\n\n"
                     "Smelters hold about three months of stock. The ministry has not replied.\n")
    assert [s for s in found.statements if s.speaker == "Ana Ruiz"] == []


def _people(text: str) -> list[str]:
    return [a.name for a in _extract(text).actors if a.type is ActorType.PERSON]


def test_a_fact_sheets_field_labels_are_no_speakers() -> None:
    people = _people("title: Fact sheet\ndate: 2026-03-02\n---\n"
                     "Announcement Date: 2 March 2026\n\nEffective Date: 9 March 2026\n\n"
                     "Issuing Authority: Ministry of Mines\n\nEnforcement Authority: Customs\n\n"
                     "Target Country: Chile\n")
    assert people == []


def test_headings_with_a_dash_or_parentheses_name_no_person() -> None:
    people = _people("title: Copper\ndate: 2026-03-02\n---\n"
                     "Market Reaction - Chief Economist View\n\n"
                     "Prices rose after Peru halted copper ore exports.\n\n"
                     "Key Dates (Timeline)\n\nMarch 2: the halt.\n")
    assert "Market Reaction" not in people and "Key Dates" not in people


def test_a_state_taking_part_in_sanctions_takes_a_measure_firms_blamed_do_not() -> None:
    peru = actor("Peru", "state", "Peru", "Lima")
    chile = actor("Chile", "state", "Chile", "Santiago")
    took = measures_in("Peru took part in sanctions against Chile in 2022.", [peru, chile], [],
                       date="2026-03-02")
    assert ("other", "Peru", "Chile") in parties_of(took)
    blamed = measures_in("Chile listed 10 firms which took part in arms sales to Peru.",
                         [peru, chile], [], date="2026-03-02")
    assert not any(kind == "other" and target == "Peru" for kind, _, target in
                   parties_of(blamed))
