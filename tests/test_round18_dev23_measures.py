"""Measure phenomena of round 18 (dev23 review), each in invented words.

Nobody having said a state will act asserts no act.  The year in an instrument's title
("the Tariff Act of 1930") names the instrument, never the measure's date.  A later sentence
opening on the measure and saying it still holds ("The duties remain in force") keeps an
old measure in force.  A measure starting after the day of writing, told right after a
sentence issuing an act on a stated day, was announced that day.  A plural measure noun
counted in the tens ("well over 120 protests") tallies past acts and is no measure, while a
year before the noun ("its 2019 restrictions") is no count.  The learned step never anchors
a measure on a modal verb.
"""

from __future__ import annotations

from extract_support import actor, measures_in

from kg.extract.measures.learned import _function_words
from kg.model import MeasureMention, MeasureStatus, PartialDate

NORWAY = actor("Norway", "state", "Norway", "Oslo")
CHILE = actor("Chile", "state", "Chile", "Santiago")
PERU = actor("Peru", "state", "Peru", "Lima")
PERU_FM = actor("Ministry of Foreign Affairs of Peru", "government_body",
                "Peru's foreign ministry", "the foreign ministry", part_of="Peru")
CHILE_TM = actor("Ministry of Trade of Chile", "government_body", "Chile's trade ministry",
                 "the trade ministry", part_of="Chile")
TABLE = [NORWAY, CHILE, PERU, PERU_FM, CHILE_TM]
GOODS = [{"name": "salmon", "category": "other", "forms": ["salmon"]},
         {"name": "lithium", "category": "other", "forms": ["lithium", "lithium carbonate"]},
         {"name": "copper", "category": "other", "forms": ["copper"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def test_nobody_having_said_a_state_will_act_is_no_measure() -> None:
    text = ("Salmon farmers in Norway are nervous. Nobody has said Chile will put duties on "
            "Norwegian salmon, and perhaps it never will.")
    assert run(text) == []


def test_the_year_of_an_instruments_title_does_not_date_the_measure() -> None:
    text = ("In May 2019 Chile, acting under the Customs Modernisation Act of 1974, imposed "
            "duties of 15% on imports of Norwegian salmon, effective 2 June 2019.")
    found = run(text, date="2019-06-20")
    assert len(found) == 1
    assert found[0].date is not None and found[0].date.year == 2019


def test_a_later_sentence_saying_the_measure_remains_in_force_keeps_it_in_force() -> None:
    text = ("In May 2019 Chile imposed duties of 15% on imports of Norwegian salmon. The "
            "duties were challenged by Norway. The duties remain in force for most exporters.")
    found = run(text, date="2023-03-01")
    assert [m.status for m in found] == [MeasureStatus.IN_FORCE]


def test_an_old_measure_with_no_remaining_cue_stays_historical() -> None:
    text = ("In May 2019 Chile imposed duties of 15% on imports of Norwegian salmon. The "
            "duties were challenged by Norway.")
    found = run(text, date="2023-03-01")
    assert [m.status for m in found] == [MeasureStatus.HISTORICAL]


def test_a_measure_starting_later_takes_the_day_the_act_before_it_was_issued() -> None:
    text = ("Last Tuesday, Chile's trade ministry issued Decree No. 12 of 2026. From 1 July "
            "2026, exporters in Chile will need an export licence for lithium carbonate.")
    found = run(text, date="2026-05-20")
    assert [m.date for m in found] == [PartialDate(2026, 5, 12)]


def test_a_counted_tally_of_protests_is_no_measure() -> None:
    text = ("Peru's foreign ministry lodged a diplomatic protest with Chile on Monday. An "
            "analyst counts \"well over 120 protests since 2020\".")
    found = run(text)
    assert len(found) == 1
    assert found[0].date == PartialDate(2026, 5, 18)


def test_a_year_before_a_plural_measure_noun_is_no_tally() -> None:
    text = ("Chilean exporters recall Peru's 2019 restrictions on exports of copper to "
            "Chile, which Lima lifted in 2021.")
    assert len(run(text)) == 1


def test_the_learned_step_never_anchors_a_measure_on_a_modal_verb() -> None:
    closed = _function_words()
    assert {"may", "must", "shall", "same"} <= closed


def test_a_measure_taken_on_the_same_day_as_another_takes_that_ones_day() -> None:
    text = ("Chile put lithium carbonate under export licensing on 4 May. Prices rose on "
            "Thursday.\n\nOn the same day as the licensing, Chile imposed a 10% tariff on "
            "copper from Peru.")
    found = run(text, date="2026-05-20")
    assert [m.date for m in found] == [PartialDate(2026, 5, 4), PartialDate(2026, 5, 4)]


def test_a_measure_on_the_same_day_keeps_the_date_its_own_sentence_gives() -> None:
    text = ("Chile put lithium carbonate under export licensing on 4 May. At the same time "
            "it lifted the controls on copper that had applied since 2006.")
    found = run(text, date="2026-05-20")
    assert PartialDate(2006) in [m.date for m in found]


def test_the_same_day_of_one_clause_does_not_date_the_next_clauses_measure() -> None:
    text = ("Chile put lithium carbonate under export licensing on 4 May. Peru's foreign "
            "ministry protested the same day the licensing was announced; Peru's foreign "
            "ministry later protested again to the Chilean ambassador.")
    found = run(text, date="2026-05-20")
    assert found[-1].date != PartialDate(2026, 5, 4)
