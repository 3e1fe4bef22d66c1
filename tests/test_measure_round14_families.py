"""Measure families and frames of round 14, each in invented words and states.

A directive to officials, an agency or contractors to review, report or step up a task
("ordered officials to reassess ...", "ordered a review of ...") is a domestic measure of
its subject, with no target; a court ordering firms to pay, or jets directing radar, is
none.  A verb after "and a day later" shares the clause's subject.  "is preparing a
complaint to the WTO" is its subject's case, under consideration; a case taken to the WTO
may name its goods ("took the cheese dispute to the WTO").  An advisory may address two
groups ("tourists and students") and tell them to "steer clear of" a state, to "think
twice about going" or warn them "against studying" there.  Duties an issuer "will scrap"
are a reverse act of its own.  A day counted "later" in one clause does not date the
measure of the next clause, which has its own subject.
"""

from __future__ import annotations

from extract_support import actor, measures_in, parties_of

from kg.model import MeasureMention, MeasureStatus, MeasureType

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
TRADE = actor("Trade Ministry of Ruritania", "government_body", "Ruritanian trade ministry",
              "trade ministry", part_of="Ruritania")
DEFENCE = actor("Defence Ministry of Freedonia", "government_body",
                "Freedonian defence ministry", "defence ministry", part_of="Freedonia")
VOSS = actor("Lena Voss", "person", "Lena Voss", "Voss", affiliation="Freedonia")
KIEL = actor("Max Kiel", "person", "Max Kiel", "Kiel", affiliation="Ruritania")
TABLE = [RURITANIA, FREEDONIA, TRADE, DEFENCE, VOSS, KIEL]
GOODS = [{"name": "cobalt", "category": "other", "forms": ["cobalt"]}]


def run(text: str, *, date: str | None = "2026-03-12") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return parties_of(run(text))


# -- directives -------------------------------------------------------------------------------

def test_a_minister_ordering_officials_to_review_is_a_measure_without_target() -> None:
    text = ("Finance Minister Lena Voss on Monday instructed officials to reassess the cobalt "
            "reserve targets after Ruritania's curbs on cobalt exports.")
    found = [f for f in summary(text) if f[0] == "other"]
    assert found == [("other", "Freedonia", None)]  # a minister acts for her state


def test_a_body_ordering_contractors_named_in_a_list_to_report_is_a_measure() -> None:
    text = ("The Freedonian defence ministry has ordered about 40 contractors, including "
            "Acme Arms Ltd., to report their reliance on parts from Ruritania.")
    assert summary(text) == [("other", "Defence Ministry of Freedonia", None)]


def test_a_review_ordered_is_a_measure_dated_by_its_clause() -> None:
    text = "The Ruritanian trade ministry on Tuesday ordered a review of its cobalt supply plans."
    [found] = run(text)
    assert (found.type, found.issuer, found.target) == (
        MeasureType.OTHER, "Trade Ministry of Ruritania", None)
    assert found.date is not None and (found.date.month, found.date.day) == (3, 10)


def test_a_court_order_or_radar_directed_at_jets_is_no_directive() -> None:
    text = ("A Fredville court ordered two Ruritanian firms to compensate former workers. "
            "Ruritanian fighters directed their radar at Freedonian patrol aircraft.")
    assert summary(text) == []


# -- frames -----------------------------------------------------------------------------------

def test_a_verb_after_and_a_day_later_shares_the_subject_of_the_clause() -> None:
    text = ("Freedonia will expand its strategic stockpile of cobalt, the ministry said.\n\n"
            "Ruritania banned exports of cobalt to Freedonian arms makers last Monday and "
            "two days later launched an anti-dumping probe into Freedonian steel.")
    probes = [f for f in summary(text) if f[0] == "other" and f[1] != "Freedonia"]
    assert [f[1] for f in probes] == ["Ruritania"]


def test_preparing_a_complaint_to_the_wto_is_its_subjects_case_under_consideration() -> None:
    text = ("Trade Minister Max Kiel has said several times that Strelsau is preparing a "
            "complaint to the World Trade Organization over Freedonia's cobalt curbs.")
    found = [m for m in run(text) if m.type is MeasureType.OTHER]
    assert [(m.issuer, m.status) for m in found] == [
        ("Ruritania", MeasureStatus.UNDER_CONSIDERATION)]


def test_a_dispute_named_by_its_goods_taken_to_the_wto_is_a_case() -> None:
    text = "Fredville took the cheese dispute to the WTO in May 2022."
    [found] = run(text)
    assert (found.type, found.issuer) == (MeasureType.OTHER, "Freedonia")
    assert found.date is not None and (found.date.year, found.date.month) == (2022, 5)


def test_an_advisory_to_two_groups_to_think_twice_about_going() -> None:
    text = "Ruritania urged its tourists and students to think twice about going to Freedonia."
    assert summary(text) == [("travel_advisory", "Ruritania", "Freedonia")]


def test_advice_to_steer_clear_of_a_state_or_against_studying_there() -> None:
    text = ("Ruritania told its citizens to steer clear of Freedonia. Ruritania also warned "
            "students against studying in Freedonia.")
    assert summary(text) == [("travel_advisory", "Ruritania", "Freedonia"),
                             ("travel_advisory", "Ruritania", "Freedonia")]


def test_duties_an_issuer_will_scrap_are_its_own_reverse_act() -> None:
    text = "Ruritania will scrap the punitive duties it has levied on Freedonia's cheese."
    assert [f[:2] for f in summary(text)] == [("other", "Ruritania")]


def test_a_day_counted_later_in_one_clause_does_not_date_the_next_clauses_measure() -> None:
    text = ("Ruritania's envoy was summoned on March 2, Freedonia protested six days later, "
            "and Strelsau has since urged its citizens to avoid travel to Freedonia.")
    advisories = [m for m in run(text) if m.type is MeasureType.TRAVEL_ADVISORY]
    assert [(m.issuer, m.date) for m in advisories] == [("Ruritania", None)]


def test_a_time_opening_the_sentence_dates_both_coordinated_clauses() -> None:
    text = ("On March 2, Ruritania told its citizens to avoid travel to Freedonia. Two days "
            "later the Ruritanian trade ministry issued a similar advisory, and Strelsau "
            "warned students against studying in Freedonia.")
    dates = [(m.date.month, m.date.day) if m.date else None for m in run(text)
             if m.type is MeasureType.TRAVEL_ADVISORY]
    assert dates == [(3, 2), (3, 4), (3, 4)]


def test_a_year_of_an_earlier_paragraph_does_not_date_a_later_day() -> None:
    text = ("Ruritania banned cobalt exports in August 2023, and Freedonia bought cobalt worth "
            "$2 billion in 2022.\n\n"
            "On Feb. 20, Ruritania told its citizens to avoid travel to Freedonia. A day "
            "later Strelsau warned students against studying in Freedonia.")
    [_, first, second] = run(text)
    assert first.date is not None and (first.date.year, first.date.month) == (2026, 2)
    assert second.date is not None and \
        (second.date.year, second.date.month, second.date.day) == (2026, 2, 21)
