"""Round 23: whole classes of well-known actors in the reference data (kg/data/actors.toml).

National news agencies and wire services, intergovernmental organisations, the trade,
export-control, customs and food-safety authorities of the major economies, and the
largest companies of the sectors the tool covers are found by their names and
abbreviations and typed as the evaluation rules type them (media, organization,
government_body, company).  Abbreviations and names that are also words are guarded by
case or by the word after them, or left out.  One phenomenon per test, in inline texts
written for it.
"""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.refdata import actor_data, alias_key
from kg.ingest import parse_article
from kg.model import ActorMention


def actors(text: str) -> list[ActorMention]:
    return find_actors(parse_article(text.encode("utf-8"), identifier="a.txt"))[0]


def typed(text: str) -> dict[str, str]:
    return {m.name: m.type.value for m in actors(text)}


def test_national_news_agencies_are_media() -> None:
    found = typed("Palm oil levy\n\nKuala Lumpur will raise the palm oil export levy, "
                  "Bernama reported on Monday. Indonesia is weighing a similar step, "
                  "according to Antara, while Interfax said Moscow had no comment.")
    assert found.get("Bernama") == "media"
    assert found.get("Antara") == "media"
    assert found.get("Interfax") == "media"


def test_wire_service_abbreviation_is_media() -> None:
    found = typed("Rice curbs\n\nNew Delhi extended its curbs on rice exports, IANS "
                  "reported, citing officials of the food ministry.")
    assert found.get("Indo-Asian News Service") == "media"


def test_intergovernmental_organisations_and_abbreviations_are_organizations() -> None:
    found = typed("Monitors withdrawn\n\nThe OSCE said on Friday it would close its "
                  "mission. UNCTAD warned that shipping costs would rise, and Mercosur "
                  "ministers met the African Union's envoy.")
    assert found.get("Organization for Security and Co-operation in Europe") == "organization"
    assert found.get("UN Conference on Trade and Development") == "organization"
    assert found.get("Mercosur") == "organization"
    assert found.get("African Union") == "organization"


def test_eu_institution_is_a_government_body_of_the_union() -> None:
    found = typed("Rates held\n\nThe ECB kept its rates unchanged on Thursday.")
    assert found.get("European Central Bank") == "government_body"
    assert actor_data().entries["European Central Bank"].part_of == "European Union"


def test_regulators_are_government_bodies_of_their_state() -> None:
    found = typed("Fruit ban\n\nRosselkhoznadzor said it would restrict imports of "
                  "Turkish tomatoes, and the Canadian Food Inspection Agency issued a "
                  "recall.")
    assert found.get("Rosselkhoznadzor") == "government_body"
    assert actor_data().entries["Rosselkhoznadzor"].part_of == "Russia"
    assert found.get("Canadian Food Inspection Agency") == "government_body"


def test_companies_of_the_covered_sectors_are_companies() -> None:
    found = typed("Supply deals\n\nGazprom cut deliveries, while ArcelorMittal and "
                  "COSCO Shipping said costs rose. Archer-Daniels-Midland and Wilmar "
                  "bought more soybeans, and Huayou Cobalt signed a cobalt deal.")
    for name in ("Gazprom", "ArcelorMittal", "COSCO Shipping", "Archer-Daniels-Midland",
                 "Wilmar International", "Zhejiang Huayou Cobalt"):
        assert found.get(name) == "company", name


def test_an_abbreviation_in_capitals_is_not_matched_in_lower_case() -> None:
    found = typed("Port fees\n\nThe wam town said it had an adm office; ZIM and NYK "
                  "carriers paid the fees.")
    assert "Emirates News Agency" not in found
    assert "Archer-Daniels-Midland" not in found
    assert found.get("ZIM Integrated Shipping Services") == "company"
    assert found.get("Nippon Yusen") == "company"


def test_shell_before_a_noun_it_qualifies_is_no_company() -> None:
    assert "Shell" not in typed("Sanctions\n\nShell companies in Dubai moved the "
                                "oil, the Treasury said.")
    assert typed("Gas deal\n\nShell said it would buy the cargo.").get("Shell") == "company"


def test_dow_jones_before_its_index_is_no_outlet() -> None:
    assert "Dow Jones Newswires" not in typed("Stocks\n\nThe Dow Jones Industrial "
                                              "Average fell 2% on Tuesday.")
    assert typed("Stocks\n\nDow Jones reported that the deal was near.").get(
        "Dow Jones Newswires") == "media"


def test_words_and_ambiguous_abbreviations_are_left_out() -> None:
    aliases = actor_data().alias_map
    # "AU" (gold, Australian), "WHO", "IMO" (ships' numbers), "ICC" (two courts), "MENA"
    # (the region): names of other things as often as of these bodies
    # "PTI", "AAP" (parties), "SPA", "EIA" (agreements, assessments)
    for left_out in ("AU", "WHO", "IMO", "ICC", "MENA", "PTI", "AAP", "SPA", "EIA", "Total",
                     "Vale", "Mosaic"):
        assert alias_key(left_out) not in aliases, left_out


def test_a_statistics_institute_is_its_states_body_not_an_organisation() -> None:
    found = typed("Exports up\n\nHazelnut exports rose 9%, the Turkish Statistical "
                  "Institute said on Monday.")
    assert found.get("Turkish Statistical Institute") == "government_body"
    assert actor_data().entries["Turkish Statistical Institute"].part_of == "Turkey"


def test_a_currency_code_is_no_utility() -> None:
    assert "Perusahaan Listrik Negara" not in typed("Loan\n\nThe bank lent PLN 5 billion "
                                                    "to the steelmaker.")
