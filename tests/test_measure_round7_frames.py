"""Who took a measure and when, read from the frame around it (round 7, second pass).

Each test is one phenomenon, written with invented states and other words than the
articles it was seen in: a subject naming a government without saying whose ("The
government could ...") is the state the text is about there; a possessed act whose gerund
is the measure ("X's notice banning ..."); "its" after a verb ("Y withdrew its complaint");
the writer's own career in an op-ed borrows no issuer; a licence requirement put on goods
is an export control; goods a timeline says were "added" or "fall under licensing"; a
short label before a timeline ("The main steps:"); a subordinate clause opening the
sentence before the subject; a dated possessed head ("X's March 3 ban"); stockpiles have
no target; and the date of an episode told in the sentence before.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, PartialDate

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
AGENCY = actor("Freedonian Minerals Agency", "government_body", "Freedonian Minerals Agency",
               "FMA", part_of="Freedonia")
SEJM = actor("Sejm of Freedonia", "government_body", "Sejm", part_of="Freedonia")
KIEL = actor("Max Kiel", "person", "Max Kiel", affiliation="Ruritania")
PETROVA = actor("Ana Petrova", "person", "Ana Petrova", affiliation="Freedonia")
TABLE = [RURITANIA, FREEDONIA, AGENCY, SEJM, KIEL, PETROVA]
GOODS = [
    {"name": "graphite", "category": "semiconductor", "forms": ["graphite", "Graphite"]},
    {"name": "antimony", "category": "semiconductor", "forms": ["antimony", "Antimony"]},
    {"name": "gallium", "category": "semiconductor", "forms": ["gallium", "Gallium"]},
]


def run(text: str, *, date: str | None = "2026-03-10") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date=date), mentions(text, TABLE),
                         materials(text, GOODS))


def summary(text: str, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return [(m.type.value, m.issuer, m.target) for m in run(text, **kwargs)]  # type: ignore[arg-type]


# -- "the government" -------------------------------------------------------------------------

def test_the_government_of_an_op_ed_is_the_state_its_paragraph_discusses() -> None:
    text = ("Strelsau's curbs on graphite will test Fredville. Freedonia may be tempted to "
            "answer in kind, as Freedonia did when it restricted gallium bound for "
            "Ruritania.\n\n"
            "The wiser course is patience. The government could expand the graphite "
            "stockpile well beyond its current size, and it might consider long-term purchase "
            "guarantees for other producers.")
    found = [f for f in summary(text) if f[0] == "other"]
    assert found == [("other", "Freedonia", None), ("other", "Freedonia", None)]


def test_the_government_after_a_heading_is_the_state_the_heading_names() -> None:
    text = ("Ruritania banned graphite exports to Freedonia on March 3.\n\n"
            "1) Fredville looks at its reserves\n"
            "The government has begun assessing whether to release part of FMA's graphite "
            "stockpile to the firms most exposed to Ruritania's March 3 ban, people familiar "
            "with the matter said.")
    release = [m for m in run(text) if m.type.value == "other"]
    assert [(m.issuer, m.target, m.status.value, m.date) for m in release] == \
        [("Freedonia", None, "under_consideration", None)]


def test_a_dated_possessed_ban_is_that_ban_and_not_weighed() -> None:
    text = ("Ruritania banned graphite exports to Freedonia on March 3.\n\n"
            "Fredville is weighing whether to compensate the firms most exposed to "
            "Ruritania's March 3 ban.")
    bans = [m for m in run(text) if m.type.value == "export_ban"]
    assert [(m.issuer, m.status.value, m.date) for m in bans][-1] == \
        ("Ruritania", "in_force", PartialDate(2026, 3, 3))


def test_the_government_inside_a_speakers_words_stays_the_speakers_state() -> None:
    found = summary("Ana Petrova said the government would expand the graphite stockpile.")
    assert found == [("other", "Freedonia", None)]


def test_a_stockpile_fund_increase_is_a_budget() -> None:
    text = ("Freedonia's minerals minister Ana Petrova spoke on Monday about the FMA "
            "stockpile. About the report that the government considers to increase the "
            "stockpile fund next year, Petrova said nothing was decided.")
    assert [f[:2] for f in summary(text)] == [("budget", "Freedonia")]


# -- owners of a measure ----------------------------------------------------------------------

def test_the_owner_of_a_notice_whose_gerund_is_the_ban_issues_it() -> None:
    found = summary("I read Strelsau's notice banning graphite exports to Freedonia's "
                    "armed forces twice.")
    assert found == [("export_ban", "Ruritania", "Freedonia")]


def test_its_after_a_verb_is_that_verbs_subject() -> None:
    text = ("Freedonia filed a WTO complaint against Ruritania in 2021. In 2024 Fredville "
            "lifted the extra checks on gallium, and Strelsau withdrew its WTO complaint.")
    withdrawn = [f for f in summary(text) if f[1] == "Ruritania"]
    assert withdrawn and withdrawn[0][0] == "other"


def test_a_writers_own_career_borrows_no_issuer() -> None:
    text = ("I spent a decade writing export-control rules for a trade ministry, so I read "
            "Strelsau's notice banning graphite exports to Freedonia closely.")
    assert [f[:2] for f in summary(text)] == [("export_ban", "Ruritania")]


# -- licence requirements and timelines ---------------------------------------------------------

def test_a_licence_requirement_on_goods_is_an_export_control() -> None:
    assert summary("Since May 2025 Strelsau has required an export licence for "
                   "antimony.") == [("export_control", "Ruritania", None)]
    assert summary("Strelsau placed gallium under export licensing in May 2025.") == \
        [("export_control", "Ruritania", None)]
    assert [f[0] for f in summary("Strelsau has slowed its reviews of export licences for "
                                  "antimony.")] == ["licensing_restriction"]


TIMELINE = (
    "Ruritania's graphite curbs did not come from nowhere. They rest on rules that Strelsau "
    "has built up since 2022. The main steps:\n\n"
    "June 3, 2024 - Antimony is added, with licences required from July 1.\n\n"
    "Early May 2025 - Gallium and graphite products fall under licensing.\n\n"
    "Sept. 2, 2025 - A week after Ana Petrova's speech in the Sejm, Ruritania advises its "
    "citizens to avoid travel to Freedonia; five days later it halts imports of Freedonian "
    "seafood.\n\n"
    "Late October 2025 - After Max Kiel and Ana Petrova meet in Fredville, Strelsau agrees to "
    "suspend the graphite package for one year.\n\n"
    "Nov. 3, 2025 - A spokesperson tells reporters that households will not be affected.")


def test_goods_added_or_falling_under_licensing_are_export_controls_of_the_timeline() -> None:
    found = [(m.type.value, m.issuer, m.date) for m in run(TIMELINE)
             if m.type.value == "export_control" and m.covers]
    assert found[:2] == [("export_control", "Ruritania", PartialDate(2024, 6, 3)),
                         ("export_control", "Ruritania", PartialDate(2025, 5))]


def test_an_entry_of_a_labelled_timeline_naming_no_measure_gives_none() -> None:
    assert all(m.date != PartialDate(2025, 11, 3) for m in run(TIMELINE))


def test_a_pronoun_after_a_place_is_the_subject_before_it() -> None:
    found = {m.type.value: (m.issuer, m.target, m.date) for m in run(TIMELINE)}
    assert found["import_ban"] == ("Ruritania", "Freedonia", PartialDate(2025, 9, 7))
    # the next clause's "five days later" is not the advisory's day; the entry's date is
    assert found["travel_advisory"] == ("Ruritania", "Freedonia", PartialDate(2025, 9, 2))


def test_the_subject_comes_after_a_subordinate_clause_opening_the_sentence() -> None:
    suspended = [m for m in run(TIMELINE) if m.type.value == "other"]
    assert [m.issuer for m in suspended] == ["Ruritania"]


def test_goods_added_to_something_else_are_no_control() -> None:
    assert run("Graphite was added to the mixture before firing.") == []


# -- dates of an episode ------------------------------------------------------------------------

def test_a_sentence_naming_one_past_month_dates_the_undated_measure_after_it() -> None:
    text = ("Relations thawed in March 2023, when the two leaders met in Fredville. "
            "Ruritania lifted the extra checks on gallium.")
    lifted = run(text)
    assert [(m.issuer, m.date) for m in lifted] == [("Ruritania", PartialDate(2023, 3))]


def test_a_measure_with_its_own_time_word_takes_no_frame_date() -> None:
    text = ("Relations soured in March 2023, when the two leaders quarrelled in Fredville. "
            "Months later, Ruritania lifted the extra checks on gallium.")
    assert [m.date for m in run(text)] != [PartialDate(2023, 3)]
