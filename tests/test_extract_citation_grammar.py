"""Citing constructions stated as grammar, not phrases (round 7 sources taxonomy): a
document made "by" its author past a participle, every inflection of an estimate verb, a
time phrase between a cited body and its verb, and a weekday never taken into a name.
Inline texts written for each phenomenon."""

from __future__ import annotations

from extract_support import cited_names, found_actors


def test_a_document_participle_and_time_phrase_before_by_cite_the_author() -> None:
    assert cited_names("A poll of 300 importers suggests delays are spreading; a survey "
                       "conducted by the Aldermere Institute found that four in ten had "
                       "paused orders.") == {"Aldermere Institute"}
    assert cited_names("Figures released earlier this week by the Korea Customs Service "
                       "showed graphite imports down 8%.") == {"Korea Customs Service"}


def test_a_participle_without_a_document_before_it_cites_nothing() -> None:
    assert cited_names("The shipment was released on Tuesday by the Aldermere Institute's "
                       "warehouse staff.") == set()


def test_every_inflection_of_an_estimate_verb_cites_the_organisation() -> None:
    for verb in ("calculated", "calculates", "projected", "forecasted"):
        text = f"Ostrava Analytics Institute {verb} that the shortfall could reach 900 tonnes."
        assert cited_names(text) == {"Ostrava Analytics Institute"}, verb


def test_a_company_projecting_its_own_results_is_not_cited() -> None:
    assert cited_names("Kessler Magnet Industries projected a 15% drop in quarterly "
                       "profit.") == set()


def test_a_time_phrase_between_the_organisation_and_its_verb_keeps_the_citation() -> None:
    assert cited_names("The Aldermere Institute on Thursday estimated the loss at $3 "
                       "billion.") == {"Aldermere Institute"}


def test_a_weekday_after_an_organisation_name_is_not_part_of_the_name() -> None:
    names = {a.name for a in found_actors("A report by the Aldermere Institute on Sunday "
                                          "put the loss at $3 billion.")}
    assert "Aldermere Institute" in names
    assert not any("Sunday" in n for n in names)
