"""Trade cases and the acts that undo a measure (round 7, third pass).

Each test is one phenomenon, in invented words: a hyphenated word in -ing ("anti-subsidy",
"anti-dumping") opens a noun, not a verb, so a trade case's issuer and date come from its
frame; "its" after a conjunction or preposition is the nearest party before it; a gerund of
a case verb ("by opening a probe") governs the case; lifting part of a ban, abolishing
quotas, dropping duties and resuming imports are measures of their own ("other"), over once
told as done; a demand to drop a measure is none of them; a trade case with no issuer of its
own never borrows the state its goods come from.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, PartialDate

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
TRADE = actor("Ministry of Trade of Ruritania", "government_body", "Ministry of Trade",
              "trade ministry", part_of="Ruritania")
INDUSTRY = actor("Ministry of Industry of Freedonia", "government_body",
                 "Ministry of Industry", part_of="Freedonia")
TABLE = [RURITANIA, FREEDONIA, TRADE, INDUSTRY]
GOODS = [
    {"name": "graphite", "category": "semiconductor", "forms": ["graphite", "Graphite"]},
    {"name": "tungsten", "category": "semiconductor", "forms": ["tungsten", "Tungsten"]},
]


def run(text: str, *, date: str | None = "2026-03-12") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date=date), mentions(text, TABLE),
                         materials(text, GOODS))


def others(text: str) -> list[tuple[str | None, str, PartialDate | None]]:
    """(issuer, status, date) of each "other" measure of ``text``, in text order."""
    return [(m.issuer, m.status.value, m.date) for m in run(text) if m.type.value == "other"]


# -- trade cases --------------------------------------------------------------------------------

def test_its_after_that_is_the_party_asked_not_the_exporter() -> None:
    text = ("Freedonia took Ruritania to the WTO last year and filed a second complaint in "
            "January.\n\n"
            "On Monday the Ministry of Industry wrote to Ruritania's Ministry of Trade asking "
            "that its anti-subsidy probe into Freedonian graphite be run fairly.")
    probe = [m for m in run(text) if "probe" in m.span.text]
    assert [m.issuer for m in probe] == ["Ministry of Trade of Ruritania"]


def test_a_gerund_of_a_case_verb_dates_the_case() -> None:
    text = ("Ruritania's trade ministry followed up on Tuesday by opening an anti-dumping "
            "investigation into tungsten imported from Freedonia.")
    case = [m for m in run(text) if m.type.value == "other"]
    assert [(m.issuer, m.date) for m in case] == \
        [("Ministry of Trade of Ruritania", PartialDate(2026, 3, 10))]


def test_a_trade_case_never_borrows_the_state_its_goods_come_from() -> None:
    text = ("Freedonia filed a WTO complaint in May and lodged a second one in June.\n\n"
            "Reporter: When will the anti-dumping investigation into graphite from Freedonia "
            "end?")
    assert [m.issuer for m in run(text) if "investigation" in m.span.text] == []


# -- acts that undo a measure -----------------------------------------------------------------

def test_abolished_quotas_and_dropped_duties_are_two_past_acts() -> None:
    text = "Ruritania abolished the graphite quotas in 2019 and dropped the export duties in 2020."
    found = others(text)
    assert [(i, s) for i, s, _ in found] == [("Ruritania", "historical")] * 2
    assert found[-1][2] == PartialDate(2020)


def test_part_of_a_ban_lifted_is_its_own_act_not_dated_by_the_ban() -> None:
    text = ("Fredville is suspending imports of Ruritanian tungsten again, months after it had "
            "agreed to lift part of a ban imposed in May 2024.")
    assert others(text) == [("Freedonia", "historical", None)]


def test_a_subject_a_date_separates_from_its_partial_lifting_issues_it() -> None:
    text = ("A grain trader in Strelsau had planned a first cargo, after Fredville in "
            "April 2025 partly lifted the ban on Ruritanian grain.")
    assert others(text) == [("Freedonia", "historical", PartialDate(2025, 4))]


def test_imports_partly_resumed_is_a_past_act() -> None:
    text = ("Freedonia stopped Ruritanian grain on Monday. Those imports had only partly "
            "resumed in April 2025, after a ban imposed in 2023.")
    assert [(i, s) for i, s, _ in others(text)] == [("Freedonia", "historical")]


def test_a_demand_to_drop_the_curbs_is_no_act_of_undoing() -> None:
    text = "Freedonia urged Ruritania on Monday to drop the export duties it charges."
    assert others(text) == []
