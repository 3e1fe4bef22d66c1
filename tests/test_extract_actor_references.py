"""Which body a bare or unqualified name refers to, and actors named in passing (round 4):
one phenomenon per test, each in an inline text written for it."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.model import ActorMention, ActorType, Article, ArticleMetadata, CandidateLink


def _run(text: str) -> tuple[list[ActorMention], list[CandidateLink]]:
    return find_actors(Article(identifier="inline.txt", text=text, metadata=ArticleMetadata()))


def _inline(text: str) -> dict[str, ActorMention]:
    return {m.span.text: m for m in _run(text)[0]}


# -- unqualified ministries ------------------------------------------------------------------


def test_a_ministry_name_is_not_the_department_of_an_official_of_another_state() -> None:
    # The US commerce secretary speaks for the Department of Commerce; "the Ministry of
    # Commerce" is a name only China's ministry carries among the article's states.
    found = _inline("Washington widened its chip rules in March, and Commerce Secretary Howard "
                    "Lutnick defended them before Congress.\n\nBeijing answered a week later. "
                    "The Ministry of Commerce said tungsten sold to American buyers would need "
                    "a licence.")
    assert found["Ministry of Commerce"].name == "Ministry of Commerce of China"


def test_a_new_term_after_another_state_names_that_states_body() -> None:
    # "trade ministry" holds words of METI's name, none of MOFCOM's; Japan is the state the
    # text moved to after MOFCOM was last named.
    found = _inline("Beijing's commerce ministry announced the curbs on Friday.\n\nShares of "
                    "carmakers fell in Tokyo trading. According to the Asahi newspaper, the "
                    "trade ministry is surveying magnet users.")
    assert found["Beijing's commerce ministry"].name == "Ministry of Commerce of China"
    assert found["trade ministry"].name == "Ministry of Economy, Trade and Industry"


def test_an_unsure_reference_is_a_scored_candidate_not_a_merge() -> None:
    # Both foreign ministries carry the words: which one speaks, the text does not say.
    mentions, candidates = _run("China's foreign ministry criticised the visit on Monday. "
                                "Later, Japan recalled its envoy. The Ministry of Foreign "
                                "Affairs said talks would continue.")
    assert "Ministry of Foreign Affairs" not in {m.span.text for m in mentions}
    assert [(c.mention.text, c.candidate, c.score) for c in candidates] == [
        ("Ministry of Foreign Affairs", "Ministry of Foreign Affairs of China", 0.5)]


def test_a_dateline_does_not_give_a_ministry_name_its_state_lacks() -> None:
    # The Department of Commerce is never "the Ministry of Commerce": left unresolved.
    found = _inline("WASHINGTON (AP) - Memory-chip shares slid on Tuesday. The Ministry of "
                    "Commerce said on Wednesday it would review licences.")
    assert "Ministry of Commerce" not in found
    seoul = _inline("SEOUL, March 3 (Yonhap) -- The trade ministry said it would review "
                    "licences.")
    assert seoul["trade ministry"].name == "Ministry of Trade, Industry and Energy of South Korea"


def test_the_articles_own_name_for_a_body_still_refers_back() -> None:
    found = _inline("Beijing's commerce ministry announced the curbs on Friday. Tokyo protested "
                    "on Saturday. The commerce ministry said the curbs were lawful.")
    assert found["commerce ministry"].name == "Ministry of Commerce of China"


# -- bodies, services and companies of the domain -------------------------------------------


def test_special_administrative_region_governments_are_chinese_bodies() -> None:
    found = _inline("The Macao SAR government and the HKSAR government both restricted "
                    "imports of fish from ten prefectures.")
    macao = found["Macao SAR government"]
    assert macao.type is ActorType.GOVERNMENT_BODY and macao.part_of == "China"
    assert found["HKSAR government"].name == \
        "Government of the Hong Kong Special Administrative Region"


def test_a_self_defense_force_service_is_its_own_body() -> None:
    found = _inline("Maritime Self-Defense Force destroyers shadowed the carrier group.")
    service = found["Maritime Self-Defense Force"]
    assert service.name == "Japan Maritime Self-Defense Force"
    assert service.part_of == "Self-Defense Forces"


def test_airlines_and_the_plant_operator_are_companies() -> None:
    found = _inline("China Southern and Japan Airlines cut flights, while Tokyo Electric Power "
                    "Co. kept pumping water.")
    assert found["China Southern"].name == "China Southern Airlines"
    assert found["Japan Airlines"].type is ActorType.COMPANY
    assert found["Tokyo Electric Power Co."].name == "Tokyo Electric Power Company"


def test_a_ministry_name_only_one_state_uses_needs_no_state() -> None:
    found = _inline("Exports of scallops halved, according to the Ministry of Agriculture, "
                    "Forestry and Fisheries.")
    body = found["Ministry of Agriculture, Forestry and Fisheries"]
    assert body.name == "Ministry of Agriculture, Forestry and Fisheries of Japan"


def test_a_cabinet_meeting_is_where_a_minister_spoke_not_the_cabinet_acting() -> None:
    found = _inline("The trade minister spoke to reporters after the cabinet meeting on "
                    "Tuesday.")
    assert "cabinet" not in found


def test_state_media_before_an_outlets_name_describes_it() -> None:
    found = _inline("China's state media Xinhua said the drills had ended.")
    assert found["Xinhua"].type is ActorType.MEDIA
    assert not any(m.name.endswith("state media") for m in found.values())


def test_a_long_ministerial_title_is_no_organisation() -> None:
    found = _inline("Minister of Economy, Trade and Industry Muto Yoji said stocks were ample.")
    assert "Trade and Industry" not in found
    assert all(m.type is not ActorType.COMPANY for m in found.values())


# -- people -----------------------------------------------------------------------------------


def test_a_role_noun_with_a_modifier_opens_an_apposition() -> None:
    found = _inline("Rafael Moreno, a copper trader at a Santiago brokerage, says prices will "
                    "hold.")
    assert found["Rafael Moreno"].type is ActorType.PERSON


def test_a_family_first_name_of_a_government_body_is_a_person() -> None:
    found = _inline("The envoy lodged a complaint with Zhao Lei of the Chinese embassy.")
    assert found["Zhao Lei"].type is ActorType.PERSON


# -- citations ----------------------------------------------------------------------------------


def test_an_organisation_putting_a_share_at_a_value_is_cited() -> None:
    article = Article(identifier="inline.txt", metadata=ArticleMetadata(),
                      text="Figures differ. Korea's trade ministry puts the share of its "
                           "imports coming from China at about 55%.")
    actors = find_actors(article)[0]
    assert [c.name for c in find_citations(article, actors)] == \
        ["Ministry of Trade, Industry and Energy of South Korea"]


def test_putting_something_at_places_is_no_estimate() -> None:
    article = Article(identifier="inline.txt", metadata=ArticleMetadata(),
                      text="Sakura Bearing Works put output at 3 plants on hold on Monday.")
    assert find_citations(article, find_actors(article)[0]) == []


def test_a_capital_where_talks_were_held_is_no_actor() -> None:
    assert _run("Envoys held talks in Jakarta on Monday.")[0] == []
    said = _inline("After the summit, Jakarta said it welcomed the result.")
    assert said["Jakarta"].name == "Indonesia"
