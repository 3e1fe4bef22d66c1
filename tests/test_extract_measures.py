"""Measures (kg.extract.measures): type, issuer, target, status, date, one rule per test."""

from __future__ import annotations

import pytest
from extract_support import STYLE_NAMES, actor, article, load_style, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, MeasureStatus, MeasureType

CHINA = actor("China", "state", "China", "Beijing", "Chinese")
JAPAN = actor("Japan", "state", "Japan", "Tokyo", "Japanese government")
TAIWAN = actor("Taiwan", "state", "Taiwan")
MOFCOM = actor("Ministry of Commerce of China", "government_body", "China's commerce ministry",
               "the commerce ministry", part_of="China")
MOFA = actor("Ministry of Foreign Affairs of Japan", "government_body",
             "Japan's foreign ministry", "the Foreign Ministry", part_of="Japan")
EMBASSY = actor("Embassy of China in Japan", "government_body", "Chinese embassy",
                part_of="China")
KANAI = actor("Masaaki Kanai", "person", "Masaaki Kanai", "Kanai",
              affiliation="Ministry of Foreign Affairs of Japan")
HE = actor("He Yadong", "person", "He Yadong", affiliation="Ministry of Commerce of China")
PLA = actor("People's Liberation Army", "government_body", "Chinese forces", part_of="China")
CABINET = actor("Cabinet of Japan", "government_body", "Japan's cabinet", part_of="Japan")
MEDIA = actor("Chinese state media", "media", "Chinese state media")
JOURNAL = actor("The Wall Street Journal", "media", "The Wall Street Journal")
TABLE = [CHINA, JAPAN, TAIWAN, MOFCOM, MOFA, EMBASSY, KANAI, HE, PLA, CABINET, MEDIA, JOURNAL]
MATERIALS = [{"name": "rare earth elements", "category": "rare_earth_element",
              "forms": ["rare earths", "rare earth"]},
             {"name": "dual-use items", "category": "other", "forms": ["dual-use items"]}]


def run(text: str, *, date: str | None = "2026-01-08") -> list[MeasureMention]:
    art = article(text, date=date)
    return find_measures(art, mentions(text, TABLE), materials(text, MATERIALS))


def one(text: str, **kwargs: object) -> MeasureMention:
    found = run(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, [(m.type.value, m.issuer, m.span.text) for m in found]
    return found[0]


def test_a_ban_on_exports_is_an_export_ban_by_the_announcing_subject() -> None:
    m = one("China announced on January 6 an immediate ban on exports of dual-use items to Japan.")
    assert (m.type, m.issuer, m.target) == (MeasureType.EXPORT_BAN, "China", "Japan")
    assert m.date is not None and m.date.isoformat() == "2026-01-06"
    assert m.status is MeasureStatus.IN_FORCE
    assert m.covers == ["dual-use items"]


def test_a_ban_without_a_domain_word_is_an_anaphor_not_a_mention() -> None:
    assert run("Japan demands China immediately revoke the ban!") == []


def test_a_passive_prohibition_inside_reported_words_is_the_speakers_measure() -> None:
    m = one("China's commerce ministry declared on Tuesday that all exports to Japan of "
            "dual-use goods are now prohibited with immediate effect.")
    assert (m.type, m.issuer, m.target) == (MeasureType.EXPORT_BAN,
                                            "Ministry of Commerce of China", "Japan")
    assert m.date is not None and m.date.isoformat() == "2026-01-06"


def test_a_person_issuing_a_state_measure_stands_for_their_body() -> None:
    m = one("“Exports to Japan for military purposes are prohibited,” He Yadong said.")
    assert m.issuer == "Ministry of Commerce of China"


def test_a_possessor_is_the_issuer() -> None:
    m = one("It remains unclear how long China's export ban will last in Japan.")
    assert (m.type, m.issuer) == (MeasureType.EXPORT_BAN, "China")


def test_a_protest_lodged_by_a_person_keeps_the_person_and_targets_the_other_state() -> None:
    m = one("Masaaki Kanai lodged a protest with the Chinese embassy on the same day.")
    assert (m.type, m.issuer, m.target) == (MeasureType.PROTEST, "Masaaki Kanai", "China")


def test_the_ministrys_protest_is_the_persons_when_one_person_protested() -> None:
    text = ("Masaaki Kanai lodged a protest with the Chinese embassy. Despite the Foreign "
            "Ministry's loud protest, nothing changed.")
    assert [m.issuer for m in run(text)] == ["Masaaki Kanai", "Masaaki Kanai"]


def test_a_protest_with_no_issuer_in_its_sentence_takes_the_paragraphs_subject() -> None:
    text = ("Japan condemned the export ban by China. Officials have formally protested the "
            "move through diplomatic channels.")
    protest = [m for m in run(text) if m.type is MeasureType.PROTEST]
    assert [(m.issuer, m.target) for m in protest] == [("Japan", "China")]


def test_generic_export_controls_alongside_a_ban_are_that_ban() -> None:
    text = ("China announced a ban on exports of dual-use items to Japan. Tokyo stressed that "
            "the export curbs appear to be targeted exclusively at Japan.")
    found = run(text)
    assert {(m.type, m.issuer, m.target) for m in found} == {
        (MeasureType.EXPORT_BAN, "China", "Japan")}
    assert len(found) == 2


def test_reported_curbs_stay_export_controls_with_status_reported() -> None:
    text = ("China banned exports of dual-use items to Japan. Some sources, like The Wall "
            "Street Journal, are indicating that China has begun restricting exports of rare "
            "earths to Japanese companies.")
    curbs = [m for m in run(text) if m.type is MeasureType.EXPORT_CONTROL]
    assert [(m.issuer, m.target, m.status) for m in curbs] == [
        ("China", "Japan", MeasureStatus.REPORTED)]
    assert curbs[0].covers == ["rare earth elements"]


def test_a_licensing_control_under_consideration_keeps_its_outlet() -> None:
    text = ("China banned exports of dual-use items to Japan. He Yadong declined to comment on "
            "reports in Chinese state media, suggesting the government is considering tighter "
            "licensing controls on rare earth exports to Japan.")
    licensing = [m for m in run(text) if m.type is MeasureType.LICENSING_RESTRICTION]
    assert [(m.issuer, m.target, m.status, m.via) for m in licensing] == [
        ("China", "Japan", MeasureStatus.UNDER_CONSIDERATION, "Chinese state media")]


def test_a_restriction_long_ago_is_historical() -> None:
    m = one("Over a decade ago, China restricted rare earth exports to Japan during a dispute.")
    assert (m.type, m.status, m.date) == (MeasureType.EXPORT_CONTROL, MeasureStatus.HISTORICAL,
                                          None)


def test_a_measure_dated_years_before_the_article_is_historical() -> None:
    m = one("When China banned exports of gallium to Japan in 2023, nothing changed.")
    assert m.status is MeasureStatus.HISTORICAL


def test_a_budget_is_a_measure_only_when_an_act_on_it_is_reported() -> None:
    m = one("Last month, Japan's cabinet approved a record defence spending plan for the "
            "fiscal year beginning in April.")
    assert (m.type, m.issuer, m.target) == (MeasureType.BUDGET, "Cabinet of Japan", None)
    assert m.date is not None and m.date.isoformat() == "2025-12"
    assert run("China's own defense budget has more than doubled in the last decade.") == []


def test_drills_in_a_subordinate_clause_do_not_take_the_date_of_the_main_clause() -> None:
    text = ("In his New Year's address, Chinese President Xi said that unification is "
            "unstoppable, days after Chinese forces conducted military drills around Taiwan.")
    m = one(text)
    assert (m.type, m.issuer, m.target, m.date) == (
        MeasureType.MILITARY_DRILL, "People's Liberation Army", "Taiwan", None)


def test_a_list_of_measures_gives_one_mention_each() -> None:
    text = ("Beijing denounced the remarks, prompting a spat that has included travel "
            "advisories, seafood import bans, and now export controls against Japan.")
    kinds = {m.type for m in run(text)}
    assert kinds == {MeasureType.TRAVEL_ADVISORY, MeasureType.IMPORT_BAN,
                     MeasureType.EXPORT_CONTROL}


def test_the_date_of_a_dateline_is_not_a_measures_date() -> None:
    text = "Beijing — January 7, 2026 — China has announced a ban on exporting drones to Japan."
    assert one(text).date is None


def test_a_general_remark_about_export_bans_is_not_a_measure() -> None:
    assert run("I have never seen strategic autonomy bought with export bans.") == []


def test_a_name_the_actor_data_does_not_know_is_no_issuer() -> None:
    text = ("China suspended imports of seafood from Japan. Hong Kong also banned imports of "
            "seafood from ten Japanese prefectures.")
    assert [(m.type, m.issuer) for m in run(text)] == [(MeasureType.IMPORT_BAN, "China")]


def test_a_time_between_subject_and_verb_keeps_the_subject_and_dates_the_measure() -> None:
    m = one("China's commerce ministry on Tuesday published new export controls on drones.")
    assert (m.type, m.issuer) == (MeasureType.EXPORT_CONTROL, "Ministry of Commerce of China")
    assert m.date is not None and m.date.isoformat() == "2026-01-06"


def test_a_measure_announced_in_reported_words_takes_the_date_of_the_report() -> None:
    m = one("China's commerce ministry said on Tuesday it would suspend all imports of "
            "seafood from Japan.")
    assert (m.type, m.issuer, m.target) == (MeasureType.IMPORT_BAN,
                                            "Ministry of Commerce of China", "Japan")
    assert m.date is not None and m.date.isoformat() == "2026-01-06"


def test_a_dateline_anchors_an_article_with_no_date() -> None:
    text = ("Seoul, Sept. 11, 2019 - Japan tightened export controls on chemicals to South "
            "Korea in July.")
    found = run(text, date=None)
    assert [m.date.isoformat() if m.date else None for m in found] == ["2019-07"]


def test_measure_spans_count_into_the_text() -> None:
    text = ("China announced a ban on exports of rare earths to Japan. Japan's foreign ministry "
            "lodged a protest. Japan's cabinet approved a record defence budget.")
    found = run(text)
    assert len(found) == 3
    for m in found:
        assert text[m.span.begin:m.span.end] == m.span.text


def _matches(style_root: object, m: MeasureMention, item: dict) -> bool:
    if m.type.value != item["type"]:
        return False
    root = style_root  # the fixture's parent chain
    if m.issuer != item["issuer"] and root(m.issuer) != root(item["issuer"]):  # type: ignore[operator]
        return False
    for key in ("target", "via"):
        if key in item and getattr(m, key) != item[key]:
            return False
    if "status" in item and m.status.value != item["status"]:
        return False
    if "covers" in item and not set(item["covers"]) <= set(m.covers):
        return False
    return True


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_style_fixture_measures_match_annotations(name: str) -> None:
    style = load_style(name)
    found = find_measures(style.article, style.actors, style.materials)
    expected = style.expected.get("measures", [])
    for item in expected:
        hits = [m for m in found if _matches(style.root, m, item)]
        assert hits, f"{name}: no measure {item}; found " \
                     f"{[(m.type.value, m.issuer, m.target, m.status.value) for m in found]}"
        if "date" in item:
            dates = {m.date.isoformat() if m.date else None for m in hits}
            assert item["date"] in dates, (name, item, dates)
    if style.expected.get("measures_exhaustive"):
        got = {(m.type.value, style.root(m.issuer)) for m in found}
        want = {(item["type"], style.root(item["issuer"])) for item in expected}
        assert got == want
