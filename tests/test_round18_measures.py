"""Measure detection and dates of round 18, each in invented words.

An issuer's own report dates its measure even when a participle clause naming another
measure follows the report ("..., the ministry said on Friday, hitting back at X's
duties"). A head word that is only the last word of another measure's head phrase ("watch
list" in "put minerals on a watch list") is no measure of its own. Advice to avoid
"non-essential travel" is a travel advisory; licensing introduced on goods ("introduced
export licensing for cobalt") and goods or firms put "on" a control list, or on an entity
list with modifiers ("its export control entity list"), are export controls.
"""

from __future__ import annotations

from extract_support import actor, article, materials, measures_in, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, MeasureType, PartialDate

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
OSTRIA = actor("Ostria", "state", "Ostria", "Vienne")
RU_TRADE = actor("Ministry of Trade of Ruritania", "government_body", "trade ministry",
                 "Ministry of Trade", part_of="Ruritania")
RU_TRAVEL = actor("Travel Council of Ruritania", "government_body", "Travel Council",
                  part_of="Ruritania")
TABLE = [RURITANIA, OSTRIA, RU_TRADE, RU_TRAVEL]
GOODS = [{"name": "cobalt", "category": "other", "forms": ["cobalt"]},
         {"name": "barley", "category": "other", "forms": ["barley"]}]


def run(text: str, *, date: str | None = "2026-03-14") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def test_an_issuers_report_dates_its_measure_before_a_participle_naming_another() -> None:
    text = ("STRELSAU — Ruritania will impose tariffs of 50% on Ostrian barley, the Ministry "
            "of Trade said on Friday, hitting back at Ostria's duties on Ruritanian steel.")
    found = run(text)
    tariffs = [m for m in found if m.issuer == "Ruritania" and "impose" in m.span.text]
    assert tariffs and tariffs[0].date == PartialDate(2026, 3, 13)


def test_a_report_date_before_a_coordinated_measure_is_still_that_measures() -> None:
    # the rule kept: "... and, on <date>, <another measure>" dates the second measure only
    text = ("Ruritania halted barley imports from Ostria and, on March 2, banned exports of "
            "cobalt to Ostria.")
    found = run(text)
    halt = next(m for m in found if m.type is MeasureType.IMPORT_BAN)
    assert halt.date is None


def test_a_word_ending_a_watch_list_phrase_is_no_second_measure() -> None:
    text = ("Ruritania will expand its cobalt reserves and put more critical minerals on a "
            "government watch list, the trade ministry said on Thursday, as Ostria's export "
            "curbs on Ruritania bite.")
    found = run(text)
    watch = [m for m in found if "watch list" in m.span.text]
    assert len(watch) == 1
    assert watch[0].date == PartialDate(2026, 3, 12)
    assert not any(m.span.text.startswith("list") for m in found)


def test_a_protest_ending_on_the_ban_it_protests_leaves_the_ban() -> None:
    found = run("Ostria presses Ruritania to scrap its cobalt export ban.")
    assert any(m.type is MeasureType.EXPORT_BAN for m in found)


def test_advice_to_avoid_non_essential_travel_is_a_travel_advisory() -> None:
    text = ("The Travel Council on Tuesday advised Ruritanian citizens to avoid non-essential "
            "travel to Ostria until the border dispute is settled.")
    found = [m for m in run(text) if m.type is MeasureType.TRAVEL_ADVISORY]
    assert found and found[0].issuer == "Travel Council of Ruritania"
    assert found[0].date == PartialDate(2026, 3, 10)


def test_introducing_export_licensing_on_goods_is_an_export_control() -> None:
    text = ("Ruritania introduced export licensing for cobalt in October 2024, months before "
            "the row began.")
    found = [m for m in run(text) if m.type is MeasureType.EXPORT_CONTROL]
    assert found and found[0].issuer == "Ruritania"
    assert found[0].date == PartialDate(2024, 10)


def test_slow_export_licence_approvals_are_not_licensing_introduced() -> None:
    text = "Ostrian buyers said export licence approvals for cobalt had slowed."
    assert not any(m.type is MeasureType.EXPORT_CONTROL and "introduc" in m.span.text
                   for m in run(text))


def test_firms_put_on_a_control_list_are_an_export_control() -> None:
    text = ("The trade ministry added four Ostrian firms to its unreliable entity list and "
            "put nine others on its export control list.")
    found = run(text)
    assert any("put nine others on its export control list" in m.span.text and
               m.type in (MeasureType.EXPORT_CONTROL, MeasureType.EXPORT_BAN) for m in found)


def test_firms_added_to_an_export_control_entity_list_date_from_the_sentence() -> None:
    text = ("Strelsau in June also added Ostria Steel and Vienne Metals Corp. (VMC) to its "
            "export control entity list, a step Ostria called coercion.")
    found = [m for m in run(text, date="2025-12-30") if m.type is MeasureType.EXPORT_CONTROL]
    assert found and found[0].date == PartialDate(2025, 6)


def test_a_ban_announced_before_it_took_effect_in_a_month_takes_the_announcement() -> None:
    text = ("Ruritania said a ban on cobalt exports took effect in June 2023, announced by "
            "the trade ministry in December 2022.")
    found = [m for m in run(text) if m.type is MeasureType.EXPORT_BAN]
    assert found and found[0].date == PartialDate(2022, 12)


def release(text: str) -> list[MeasureMention]:
    """The measures of ``text`` published by the Ministry of Trade of Ruritania on a day."""
    art = article(text, date="2026-03-14")
    art.metadata.publisher = "Ministry of Trade of Ruritania"
    return find_measures(art, mentions(text, TABLE), materials(text, GOODS))


def test_a_bodys_dated_release_dates_its_own_undated_measures() -> None:
    text = ("Ministry of Trade of Ruritania\nPress release\n\nThe Ministry of Trade today "
            "published new rules for exporters.\n\nThe rules ban exports of cobalt to Ostria "
            "and add nine Ostrian firms to the export control list.")
    found = [m for m in release(text) if m.issuer in ("Ministry of Trade of Ruritania",
                                                      "Ruritania")]
    assert found and all(m.date == PartialDate(2026, 3, 14) for m in found
                         if m.type is MeasureType.EXPORT_BAN)


def test_a_release_does_not_date_an_earlier_or_foreign_measure() -> None:
    text = ("Ministry of Trade of Ruritania\nPress release\n\nThe Ministry of Trade today "
            "published new rules for exporters.\n\nOstria bans imports of Ruritanian barley. "
            "Ruritania had already banned exports of cobalt to Ostria.")
    found = release(text)
    assert not any(m.date == PartialDate(2026, 3, 14) for m in found
                   if m.issuer == "Ostria" or "had" in m.span.text)


def test_a_since_date_after_the_measure_wins_over_a_nearer_date_of_another_clause() -> None:
    text = ("Cobalt shipments to Ostria had slowed to a trickle even before Tuesday's step: "
            "Ruritania has required export licences for cobalt and barley since August 2023, "
            "and customs data show no shipments of either to Ostria this year.")
    found = [m for m in run(text) if "required" in m.span.text]
    assert found and found[0].date == PartialDate(2023, 8)


def test_withdrawing_ones_remaining_diplomats_is_a_protest_dated_by_its_sentence() -> None:
    text = ("Strelsau also withdrew its remaining diplomats from Vienne on 15th December "
            "2025, citing security concerns.")
    found = [m for m in run(text) if m.type is MeasureType.PROTEST]
    assert found and found[0].issuer == "Ruritania"
    assert found[0].date == PartialDate(2025, 12, 15)


def test_a_ban_lifted_is_a_lifting_of_its_own() -> None:
    text = ("Ruritania banned exports of cobalt on Sept. 2, 2025. On Oct. 6, 2025, the "
            "government lifted the ban on cobalt sold to smelters. The barley ban was lifted "
            "on Nov. 17, 2025.")
    found = [(m.type, m.date) for m in run(text) if m.type is MeasureType.OTHER]
    assert (MeasureType.OTHER, PartialDate(2025, 10, 6)) in found
    assert (MeasureType.OTHER, PartialDate(2025, 11, 17)) in found
