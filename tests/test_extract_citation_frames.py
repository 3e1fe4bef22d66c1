"""Citing frames of round 3, and the page furniture that names no source: inline texts
written for each phenomenon."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.model import Article, ArticleMetadata


def _cited(text: str, **meta: object) -> set[str]:
    article = Article(identifier="inline.txt", text=text,
                      metadata=ArticleMetadata(**meta))  # type: ignore[arg-type]
    return {c.name for c in find_citations(article, find_actors(article)[0])}


def test_a_descriptor_may_stand_between_the_citing_frame_and_the_name() -> None:
    cited = _cited("Prices rose 12%, according to price reporting service Metalytics. China "
                   "holds most reserves, according to estimates from consultancy Harwell "
                   "Minerals Research.")
    assert {"Metalytics", "Harwell Minerals Research"} <= cited


def test_a_document_of_the_organisation_in_a_citing_frame_cites_it() -> None:
    cited = _cited("Output fell sharply, according to a MOFCOM statement issued on Friday.")
    assert cited == {"Ministry of Commerce of China"}


def test_a_body_relaying_what_an_official_did_is_cited_but_not_one_telling_a_state() -> None:
    cited = _cited("The Chinese embassy said in a statement that Ambassador Wu Jianghao had "
                   "rejected the protest. China's foreign ministry said Japan should correct "
                   "its mistakes.")
    assert cited == {"Embassy of China in Japan"}


def test_a_company_reporting_a_states_act_is_not_cited() -> None:
    assert _cited("On Monday, ASML said The Hague had revoked a licence.") == set()


def test_per_and_read_more_at_cite_what_they_name() -> None:
    cited = _cited("Per Capital Economics, demand will recover.\n\nRead more at The Danube "
                   "Courier\n")
    assert cited == {"Capital Economics", "The Danube Courier"}


def test_the_outlet_of_the_copyright_line_or_the_masthead_is_the_pages_own() -> None:
    assert _cited("Harbourfront Market Wire\nMarkets | Opinion\n\nShares fell.\n\n"
                  "© 2026 Harbourfront Market Wire. All rights reserved.") == set()


def test_a_description_of_an_outlet_before_its_name_is_not_a_second_source() -> None:
    assert _cited("Chinese state media China Daily reported on Tuesday that talks "
                  "continued.") == {"China Daily"}


def test_a_descriptor_with_its_own_modifiers_may_stand_after_the_frame() -> None:
    cited = _cited("Tanker bookings to Korea halved in March, according to maritime "
                   "analytics firm Seaview Tracking.")
    assert cited == {"Seaview Tracking"}


def test_outlets_described_rather_than_named_are_not_sources() -> None:
    cited = _cited("Korean media said the talks had stalled, and Chinese state media "
                   "dismissed the claim. The Global Times said the duties were lawful.")
    assert cited == {"Global Times"}


def test_the_owner_of_a_cited_outlet_is_not_cited_itself() -> None:
    cited = _cited("The Global Times, a tabloid owned by the ruling party's People's Daily, "
                   "said on Monday that exports would continue.")
    assert cited == {"Global Times"}


def test_an_outlet_a_question_cites_is_cited_but_not_the_outlet_asking() -> None:
    cited = _cited("Reporter of Kyodo News: Bloomberg reported today that licences were "
                   "frozen. Can you confirm this?\n\nSpokesperson: I am not aware of that.")
    assert cited == {"Bloomberg"}


def test_a_body_named_after_the_act_it_relays_may_go_on_with_a_participle() -> None:
    cited = _cited("Ambassador Wu Jianghao rejected the protest, the Chinese embassy said, "
                   "calling the measure legitimate.")
    assert len(cited) == 1 and next(iter(cited)).startswith("Embassy of China")
