"""Round 23: bodies behind data and bare ministries in texts of one state.

A body named only by its generic term in lower case before a data noun ("Chinese customs
data show ...") names the kind of the data: neither an actor nor a cited source, while its
own name still is both.  A citing frame reaches a body's name over its state's possessive
("released by China's General Administration of Customs").  A bare "Ministry of X" with
nothing to refer back to, in a page translated from a state's language (when the text
names that state) or released by one of its bodies, is that state's ministry.  One
phenomenon per test, in inline texts written for it.
"""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.ingest import parse_article
from kg.model import ActorMention, Article

GACC = "General Administration of Customs of China"


def parse(text: str) -> Article:
    return parse_article(text.encode("utf-8"), identifier="a.txt")


def actors(article: Article) -> list[ActorMention]:
    return find_actors(article)[0]


def names(article: Article) -> set[str]:
    return {m.name for m in actors(article)}


def cited(article: Article) -> set[str]:
    return {c.name for c in find_citations(article, actors(article))}


def test_customs_named_by_its_generic_term_before_data_is_no_actor_and_no_source() -> None:
    article = parse("Tin shipments slow\n\nChinese customs data show tin exports fell 12% "
                    "in May from a year earlier. US customs figures point to a smaller "
                    "drop in arrivals.\n")
    assert not any("Customs" in n for n in names(article))
    assert cited(article) == set()


def test_customs_opening_a_sentence_before_data_is_still_no_actor() -> None:
    article = parse('Tin shipments slow\n\nThe author is blunt: "nobody bought Chinese tin." '
                    "Customs data cited in the report put China's share at 3 percent.\n")
    assert GACC not in names(article)
    assert cited(article) == set()


def test_customs_named_by_its_own_name_is_an_actor_and_cited() -> None:
    article = parse("Tin shipments slow\n\nTin exports fell 12% in May, according to the "
                    "General Administration of Customs.\n")
    assert GACC in names(article)
    assert cited(article) == {GACC}


def test_a_ministry_name_in_capitals_before_data_is_cited() -> None:
    article = parse("Magnet imports\n\nJapan imported 5,100 tonnes of magnets in 2025, "
                    "according to Japan's Ministry of Finance data.\n")
    assert "Ministry of Finance of Japan" in cited(article)


def test_a_citing_frame_reaches_a_body_over_its_states_possessive() -> None:
    article = parse("Tin shipments slow\n\nShipments have not stopped: figures released on "
                    "Monday by China's General Administration of Customs show 210 tonnes "
                    "of tin left for Vietnam in May.\n")
    assert cited(article) == {GACC}


def test_a_bare_ministry_in_a_page_translated_from_a_states_language_is_its() -> None:
    article = parse("title: Rye stocks grow\npublisher: Gazeta Rolna (machine translation "
                    "from Polish)\n---\nRye stocks grow\n\nPoland will keep the ban on rye "
                    "imports. According to the data of the Ministry of Agriculture, the "
                    "silos hold 2 mln tons of rye.\n")
    assert "Ministry of Agriculture of Poland" in names(article)
    assert "Ministry of Agriculture of Poland" in cited(article)


def test_a_translations_language_names_no_state_the_text_does_not_name() -> None:
    article = parse("title: Coal halt\npublisher: Diario Minero (machine translation from "
                    "Spanish)\n---\nCoal halt\n\nColombia stopped coal sales to the buyer. "
                    "The Ministry of Agriculture said the rule starts on Monday.\n")
    assert "Ministry of Agriculture of Spain" not in names(article)


def test_a_bare_ministry_in_a_release_of_a_states_body_is_that_states() -> None:
    article = parse("title: Response to the new export rules\npublisher: Ministry of "
                    "Economy, Trade and Industry\n---\nResponse to the new export rules\n\n"
                    "According to the Trade Statistics of the Ministry of Finance, imports "
                    "of gallium from China were about 70 percent of Japan's total in "
                    "2025.\n")
    assert "Ministry of Finance of Japan" in names(article)


def test_turkeys_ministry_of_trade_is_named_as_it_is_in_turkey() -> None:
    article = parse("title: Steel exports halted\npublisher: Piyasa Haber (automatic "
                    "translation from Turkish)\n---\nSteel exports halted\n\nThe Ministry of "
                    "Trade announced that steel exports to the country are stopped. Türkiye "
                    "will apply the measure until further notice.\n")
    assert "Ministry of Trade of Turkey" in names(article)
