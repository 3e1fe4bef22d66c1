"""Round 21 (dev26 phenomena), each in an inline text written for it: farm, fish and bulk
goods and drone parts in the taxonomy; the continental number abbreviations ("mln", "mld",
"ca."); "forbid" as a ban's verb; a press report withdrawn in the next sentence; a party's
arms sales given as the reason for a measure; a measure let lapse; a ban a party "can"
introduce; apps blocked by a government order."""

from __future__ import annotations

from extract_support import actor, figure_units, measures_in, parties_of

from kg.extract.materials import find_materials
from kg.model import Article, ArticleMetadata, MeasureMention

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
OSTERLICH = actor("Osterlich", "state", "Osterlich", "Vienna")
BORDURIA = actor("Borduria", "state", "Borduria", "Szohod")
COMMISSION = actor("Trade Commission of Ruritania", "government_body", "Trade Commission",
                   part_of="Ruritania")
NET_MINISTRY = actor("Ministry of Networks of Osterlich", "government_body",
                     "Ministry of Networks", part_of="Osterlich")
FOREIGN = actor("Ministry of Foreign Affairs of Borduria", "government_body",
                "Bordurian foreign ministry", part_of="Borduria")
REBELS = actor("Highland Army", "organization", "Highland Army")
ANALYST = actor("Jan Kowal", "person", "Jan Kowal", "Kowal")
TABLE = [RURITANIA, OSTERLICH, BORDURIA, COMMISSION, NET_MINISTRY, FOREIGN, REBELS, ANALYST]
GOODS = [{"name": "grain", "category": "other", "forms": ["grain"]},
         {"name": "maize", "category": "other", "forms": ["maize"]},
         {"name": "onions", "category": "other", "forms": ["onions"]},
         {"name": "jade", "category": "other", "forms": ["jade"]}]


def _goods(text: str) -> dict[str, str]:
    found = find_materials(Article(identifier="inline.txt", text=text,
                                   metadata=ArticleMetadata()))
    return {m.span.text: m.name for m in found}


def _measures(text: str) -> list[MeasureMention]:
    return measures_in(text, TABLE, GOODS, date="2026-03-12")


# -- reference data ---------------------------------------------------------------------------

def test_fish_and_farm_goods_of_informal_import_stops_are_materials() -> None:
    names = _goods("Inspectors held whole fresh salmon and farmed trout for weeks, while "
                   "the halt of broilers, frozen chicken and poultry meat hit hawkers.")
    assert names["whole fresh salmon"] == "salmon"
    assert names["farmed trout"] == "trout"
    assert names["broilers"] == "chicken"
    assert names["frozen chicken"] == "frozen chicken"
    assert names["poultry meat"] == "poultry meat"


def test_grain_oilseeds_fruit_and_sand_are_materials() -> None:
    names = _goods("The list covers grain, maize, sunflower seeds, flour and honey; "
                   "earlier suspensions hit pineapples, wax apples and citrus fruit, and "
                   "the halt of natural sand exports followed.")
    for form, name in [("grain", "grain"), ("maize", "maize"),
                       ("sunflower seeds", "sunflower seeds"), ("flour", "flour"),
                       ("honey", "honey"), ("pineapples", "pineapples"),
                       ("wax apples", "wax apples"), ("citrus fruit", "citrus fruit"),
                       ("natural sand", "natural sand")]:
        assert names.get(form) == name, form


def test_a_grain_idiom_is_no_good() -> None:
    assert "grain" not in _goods("There is a grain of truth in the claim.")


def test_drone_parts_of_component_sanctions_are_materials() -> None:
    names = _goods("Supplies of battery cells, flight controllers and infrared imaging "
                   "modules have stopped.")
    assert names == {"battery cells": "battery cells", "flight controllers":
                     "flight controllers", "infrared imaging modules":
                     "infrared imaging modules"}


# -- number abbreviations ---------------------------------------------------------------------

def test_mln_and_a_decimal_comma_scale_a_tonnage() -> None:
    units = figure_units("Warehouses still hold ca. 4 mln tons of grain, and imports grew "
                         "to ca. 2,5 mln tons last year.")
    values = {value for value, _ in units}
    assert {"4000000", "2500000"} <= values
    assert "4" not in values


def test_mld_is_the_long_scale_milliard() -> None:
    units = figure_units("The subsidy costs 1,2 mld euros a year.")
    assert any(value == "1200000000" for value, _ in units)


# -- measures ---------------------------------------------------------------------------------

def test_forbid_is_a_ban_verb() -> None:
    found = parties_of(_measures("On Friday Ruritania forbade the import of maize from "
                                 "Osterlich until the end of the year."))
    assert ("import_ban", "Ruritania", "Osterlich") in found


def test_a_report_called_premature_in_the_next_sentence_asserts_no_measure() -> None:
    text = ("Delegates asked about a report in a local weekly on Monday that the Highland "
            "Army had suspended all shipments of jade to Osterlich. Kowal said the report "
            "was \"wrong, or at least premature,\" and that trucks still cross.")
    assert not any(m.issuer == "Highland Army" for m in _measures(text))


def test_a_report_not_refuted_keeps_its_measure() -> None:
    text = ("A local weekly carried a report on Monday that the Highland Army had "
            "suspended all shipments of jade to Osterlich. Kowal said trucks no longer "
            "cross.")
    assert any(m.issuer == "Highland Army" for m in _measures(text))


def test_arms_sales_given_as_the_reason_for_countermeasures_are_no_measure() -> None:
    text = ("On 3 March the Bordurian foreign ministry announced countermeasures against "
            "two Ruritanian defence firms over arms sales to Osterlich. It called them "
            "\"a firm response\" to \"Ruritania's arms sales to the Osterlich region.\"")
    found = parties_of(_measures(text))
    assert not any(issuer == "Ruritania" for _, issuer, _ in found)
    assert any(issuer == "Ministry of Foreign Affairs of Borduria" for _, issuer, _ in found)


def test_a_decision_not_to_prolong_restrictions_is_a_measure_of_its_own() -> None:
    text = ("The Trade Commission decided to not prolong the restrictions on grain from "
            "Osterlich, which expired on 15 September.")
    found = parties_of(_measures(text))
    assert any(kind == "other" and issuer == "Trade Commission of Ruritania"
               for kind, issuer, _ in found)


def test_a_ban_a_party_can_introduce_is_under_consideration() -> None:
    found = _measures("Kowal said Osterlich can introduce a ban on imports of onions from "
                      "Ruritania.")
    bans = [m for m in found if m.issuer == "Osterlich"]
    assert bans and all(m.status.value == "under_consideration" for m in bans)


def test_apps_blocked_by_a_ministry_are_a_measure() -> None:
    found = parties_of(_measures("The Ministry of Networks blocked 59 Ruritanian mobile "
                                 "applications on 29 June."))
    assert any(issuer == "Ministry of Networks of Osterlich" for _, issuer, _ in found)


def test_may_after_a_day_is_the_month_not_a_modal() -> None:
    found = _measures("The shortage comes two weeks after Osterlich's 13 May ban on maize "
                      "exports.")
    bans = [m for m in found if m.issuer == "Osterlich"]
    assert bans and all(m.status.value != "under_consideration" for m in bans)


def test_an_act_nobody_expects_with_its_object_modified_is_no_measure() -> None:
    text = ("We do not expect Osterlich to file a formal WTO case against Ruritania. "
            "Osterlich is unlikely to weaken the new ban on maize imports.")
    found = _measures(text)
    assert not any(m.type.value == "other" for m in found)
    assert any(m.type.value == "import_ban" for m in found)


def test_a_denied_plan_covers_a_second_coordinated_infinitive() -> None:
    assert _measures("Osterlich has no plan to ration maize or to restrict exports of "
                     "maize.") == []
    kept = _measures("Osterlich plans to cut maize output and to restrict exports of maize.")
    assert any(m.issuer == "Osterlich" for m in kept)


def test_suspended_tariff_concessions_are_an_other_measure() -> None:
    found = parties_of(_measures("On 2 March Ruritania suspended tariff concessions on 12 "
                                 "Osterlich chemical products under their trade pact."))
    assert any(kind == "other" and issuer == "Ruritania" for kind, issuer, _ in found)
    assert not any(kind == "import_ban" for kind, _, _ in found)


def test_a_border_closed_to_trade_is_a_measure_known_only_from_accounts() -> None:
    text = ("Kowal said Ruritania closed the main border crossings into Osterlich in late "
            "October. Strelsau has never announced the closure.")
    closures = [m for m in _measures(text) if m.issuer == "Ruritania"]
    assert closures and closures[0].type.value == "other"
    assert closures[0].status.value == "reported"


def test_a_levy_put_on_goods_by_its_rate_is_a_measure() -> None:
    found = parties_of(_measures("The Highland Army introduced a levy of 20 per cent on "
                                 "the value of jade leaving its territory."))
    assert ("other", "Highland Army", None) in found
