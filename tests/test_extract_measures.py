"""Measures (kg.extract.measures): type, issuer, target, status, date, one rule per test."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize("state_act", [
    "Tokyo has protested as well, at every level.",
    "Separately, Japan demanded that the restrictions be withdrawn.",
    "Japan lodged a formal protest with China, a spokesman said.",
])
def test_a_states_protest_beside_one_envoys_protest_is_the_envoys_act(state_act: str) -> None:
    # The seeds' convention (annotators differ: one held-out set splits the state's own
    # protest out); a split was tried and cost precision on unseen text.
    text = f"Masaaki Kanai lodged a protest with the Chinese embassy on Tuesday. {state_act}"
    protests = [m for m in run(text) if m.type is MeasureType.PROTEST]
    assert [m.issuer for m in protests] == ["Masaaki Kanai"] * len(protests)
    assert protests


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


# -- phenomena of unseen styles: fixtures in tests/fixtures/measures/ and inline texts --------

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "measures"
RURITANIA = actor("Ruritania", "state", "Ruritania", "Ruritanian")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Freedonian side")
RURI_MOFCOM = actor("Ministry of Commerce of Ruritania", "government_body",
                    "Ruritania's commerce ministry", part_of="Ruritania")
FREE_CABINET = actor("Cabinet of Freedonia", "government_body", "Freedonia's cabinet",
                     part_of="Freedonia")
PETROVA = actor("Ana Petrova", "person", "Ana Petrova", affiliation="Freedonia")
HERALD = actor("Daily Herald", "media", "the Daily Herald")
KYODO = actor("Kyodo News", "media", "Kyodo News")
SUN = actor("Sun Weidong", "person", "Sun Weidong", affiliation="China")
WTO = actor("World Trade Organization", "organization", "World Trade Organization")
US = actor("United States", "state", "Washington", "United States")
FICTION = [RURITANIA, FREEDONIA, RURI_MOFCOM, FREE_CABINET, PETROVA, HERALD]
GOODS = [{"name": n, "category": c, "forms": [n]} for n, c in (
    ("gallium", "other"), ("germanium", "other"), ("graphite", "other"), ("antimony", "other"),
    ("rare earth magnets", "rare_earth_product"), ("seafood", "other"),
    ("medium and heavy rare earths", "rare_earth_element"), ("dual-use items", "other"),
    ("rare earths", "rare_earth_element"))]


def fixture(name: str, *, date: str = "2026-01-10") -> list[MeasureMention]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return find_measures(article(text, date=date), mentions(text, FICTION + TABLE),
                         materials(text, GOODS))


def real(text: str, *, date: str | None = "2026-01-09",
         extra: tuple[dict, ...] = ()) -> list[MeasureMention]:
    table = TABLE + [KYODO, SUN, WTO, US, *extra]
    return find_measures(article(text, date=date), mentions(text, table), materials(text, GOODS))


def summary(m: MeasureMention) -> tuple[str, str | None, str | None, str | None, str]:
    return (m.type.value, m.issuer, m.target, m.date.isoformat() if m.date else None,
            m.status.value)


def test_a_list_lead_in_makes_each_dated_entry_a_measure_of_its_issuer_with_no_target() -> None:
    found = [summary(m) for m in fixture("list_lead_in")]
    assert found == [
        # a licence requirement put on goods is an export control (the gold convention)
        ("export_control", "Ruritania", None, "2023-03-02", "in_force"),
        ("export_control", "Ruritania", None, "2023-09-14", "in_force"),
        ("export_control", "Ruritania", None, "2024-02-05", "in_force"),
        ("export_ban", "Ruritania", "Freedonia", "2024-06-03", "in_force"),
        ("export_control", "Freedonia", None, "2024-06-02", "in_force"),
    ]


def test_a_list_entry_covers_the_goods_it_names() -> None:
    covers = [m.covers for m in fixture("list_lead_in")]
    assert covers[:3] == [["gallium", "germanium"], ["graphite"], ["antimony"]]


def test_undated_bullets_of_goods_are_no_measures() -> None:
    assert fixture("material_bullets") == []


def test_the_date_heading_a_timeline_entry_dates_its_measures() -> None:
    found = [summary(m) for m in fixture("timeline_entries", date="2026-03-10")]
    assert found == [
        ("protest", "Ruritania", "Freedonia", "2025-11-03", "announced"),
        ("travel_advisory", "Ruritania", "Freedonia", "2025-11-09", "announced"),
        ("protest", "Ana Petrova", "Ruritania", "2025-11-09", "announced"),
        ("protest", "Freedonia", "Ruritania", "2025-12", "announced"),
        ("budget", "Cabinet of Freedonia", None, "2025-12-26", "announced"),
    ]


def test_denied_conditional_and_imagined_measures_are_not_asserted() -> None:
    assert fixture("imagined_measures") == []


def test_a_measure_known_from_an_outlets_report_is_reported_and_dated_by_the_report() -> None:
    (m,) = fixture("outlet_report", date="2025-11-20")
    assert summary(m) == ("import_ban", "Ruritania", "Freedonia", "2025-11-19", "reported")
    assert (m.via, m.covers) == ("Daily Herald", ["seafood"])


def test_announcing_the_ban_on_a_weekday_dates_the_ban_named_before() -> None:
    found = [summary(m) for m in fixture("anaphoric_ban", date="2026-01-09")]
    assert found == [("export_ban", "Ruritania", "Freedonia", None, "in_force"),
                     ("export_ban", "Ministry of Commerce of Ruritania", "Freedonia", "2026-01-06",
                      "in_force")]


def test_summoning_an_ambassador_is_a_protest_against_the_envoys_state() -> None:
    (m,) = real("Chinese Vice Foreign Minister Sun Weidong summons Japan's ambassador.")
    assert (m.type, m.issuer, m.target) == (MeasureType.PROTEST, "Sun Weidong", "Japan")


def test_lodging_a_protest_after_an_adverbial_keeps_the_subject() -> None:
    (m,) = real("The Japanese government several times lodged a protest.")
    assert (m.type, m.issuer) == (MeasureType.PROTEST, "Japan")


def test_advising_citizens_of_a_nationality_to_avoid_travel_is_a_travel_advisory() -> None:
    (m,) = real("Beijing advises Chinese citizens to avoid travel to Japan.")
    assert (m.type, m.issuer, m.target) == (MeasureType.TRAVEL_ADVISORY, "China", "Japan")


def test_a_date_inside_the_measures_noun_phrase_dates_it() -> None:
    (m,) = real("The move follows Beijing's Nov. 14 advisory urging Chinese citizens to avoid "
                "travel to Japan.", date="2025-11-20")
    assert (m.type, m.date and m.date.isoformat()) == (MeasureType.TRAVEL_ADVISORY, "2025-11-14")


def test_it_in_reported_words_is_the_state_named_before_it() -> None:
    (m,) = real("Kyodo News reports that China has informed Japan it is suspending imports of "
                "Japanese seafood.")
    assert (m.type, m.issuer, m.target, m.status) == (
        MeasureType.IMPORT_BAN, "China", "Japan", MeasureStatus.REPORTED)


def test_a_ban_with_its_own_imposing_verb_is_a_measure_of_its_own() -> None:
    found = real("China is suspending imports of Japanese seafood, only months after partially "
                 "lifting a ban it imposed in 2023 over the release of treated water.",
                 date="2025-11-20")
    # the partial lifting is an act of its own, undated here: 2023 is the ban's date
    assert [(m.type, m.date and m.date.isoformat(), m.status) for m in found] == [
        (MeasureType.IMPORT_BAN, None, MeasureStatus.ANNOUNCED),
        (MeasureType.OTHER, None, MeasureStatus.HISTORICAL),
        (MeasureType.IMPORT_BAN, "2023", MeasureStatus.HISTORICAL)]


def test_opening_an_anti_dumping_investigation_is_another_measure_against_the_exporter() -> None:
    (m,) = real("Beijing opens an anti-dumping investigation into dichlorosilane imported from "
                "Japan.")
    assert (m.type, m.issuer, m.target) == (MeasureType.OTHER, "China", "Japan")


def test_studying_a_wto_case_is_a_measure_under_consideration_against_the_other_side() -> None:
    found = real("China banned exports of dual-use items to Japan. Tokyo was studying whether to "
                 "take the matter to the World Trade Organization.")
    wto = [m for m in found if m.type is MeasureType.OTHER]
    assert [(m.issuer, m.target, m.status) for m in wto] == [
        ("Japan", "China", MeasureStatus.UNDER_CONSIDERATION)]


def test_chip_controls_need_no_export_word_and_aim_at_no_one() -> None:
    (m,) = real("Washington tightened its own chip controls on Monday.")
    assert (m.type, m.issuer, m.target) == (MeasureType.EXPORT_CONTROL, "United States", None)


def test_controls_on_a_controlled_good_need_no_export_word() -> None:
    (m,) = real("Prices rose after China's April 2025 controls on seven medium and heavy rare "
                "earths.")
    assert summary(m) == ("export_control", "China", None, "2025-04", "in_force")
    assert m.covers[0] == "medium and heavy rare earths"


def test_controlling_goods_since_a_date_is_a_lasting_control_from_that_date() -> None:
    (m,) = real("Chipmakers depend on gallium and germanium, which China has controlled since "
                "August 2023.")
    assert summary(m) == ("export_control", "China", None, "2023-08", "in_force")


def test_market_power_and_consumer_goods_are_no_export_controls() -> None:
    assert real("China's control over rare earths gives it leverage over Japan.") == []
    assert real("China's restrictions on seafood from Japan remain.") == []


def test_a_targetless_control_does_not_borrow_the_target_of_an_earlier_ban() -> None:
    found = real("China banned exports of dual-use items to Japan on Tuesday. Chipmakers face a "
                 "separate exposure through China's controls on gallium, announced in July 2023.",
                 date="2026-01-09")
    assert [(m.type.value, m.target) for m in found] == [("export_ban", "Japan"),
                                                          ("export_control", None)]


def test_a_nationality_after_the_head_gives_the_target() -> None:
    (m,) = real("China's commerce ministry bans exports of dual-use items to Japanese military "
                "end users.")
    assert (m.type, m.target) == (MeasureType.EXPORT_BAN, "Japan")


def test_a_measure_the_text_says_targets_no_one_has_no_target() -> None:
    found = real("China banned exports of dual-use items to Japan. China's export control is "
                 "not targeting any third party.")
    assert [m.target for m in found] == ["Japan", None]


def test_an_issuer_borrowed_from_another_mention_is_its_state() -> None:
    found = real("China's commerce ministry banned exports of dual-use items to Japan. "
                 "Authorities are weighing stricter reviews of rare earth export licences for "
                 "Japanese buyers.")
    licensing = [m for m in found if m.type is MeasureType.LICENSING_RESTRICTION]
    assert [(m.issuer, m.target, m.status) for m in licensing] == [
        ("China", "Japan", MeasureStatus.UNDER_CONSIDERATION)]


def test_goods_placed_under_export_licensing_is_an_export_control() -> None:
    (m,) = real("Gallium and germanium were placed under export licensing by China in July "
                "2023.", date="2026-01-12")
    assert (m.type, m.issuer, m.target, m.covers) == (
        MeasureType.EXPORT_CONTROL, "China", None, ["gallium", "germanium"])


def test_an_effective_date_is_not_the_announcement_date() -> None:
    (m,) = real("China announced export controls on antimony on Aug. 15, 2024, taking effect on "
                "Sept. 15.", date="2026-01-12")
    assert (m.date and m.date.isoformat(), m.status) == ("2024-08-15", MeasureStatus.IN_FORCE)


def test_an_effective_date_ahead_makes_the_measure_announced() -> None:
    (m,) = real("China announced a ban on exports of drones to Japan, effective March 1.",
                date="2026-01-12")
    assert m.status is MeasureStatus.ANNOUNCED


def test_a_denied_measure_that_happened_before_is_that_precedent() -> None:
    (m,) = real("Beijing did not halt rare earth shipments to Japan wholesale, as it did in "
                "2010.")
    # a past halt told by a verb of stopping is a control episode (the seeds' convention)
    assert (m.type, m.status, m.date and m.date.isoformat()) == (
        MeasureType.EXPORT_CONTROL, MeasureStatus.HISTORICAL, "2010")


def test_a_question_about_a_measure_reports_it_without_asserting_it() -> None:
    (m,) = real("Is the Chinese side tightening the rare earth export to Japan?")
    assert m.status is MeasureStatus.REPORTED


def test_measures_listed_together_share_the_target_named_after_them() -> None:
    found = real("Beijing denounced the remarks, prompting a spat that has included travel "
                 "advisories, seafood import bans, and now export controls against Japan.")
    assert {m.target for m in found} == {"Japan"}


def test_a_single_date_headed_paragraph_is_a_dateline_not_a_timeline() -> None:
    (m,) = real("January 7, 2026 – China has announced a ban on exports of drones to Japan.",
                date="2026-01-08")
    assert m.date is None


def test_an_official_act_relayed_by_an_outlet_is_not_a_rumour() -> None:
    (m,) = real("Kyodo News reported that China announced a ban on exports of drones to Japan.")
    assert m.status is not MeasureStatus.REPORTED


def test_a_negated_verb_denies_the_measure_it_would_take() -> None:
    assert real("Japan did not impose any new restrictions on rare earths.") == []


def test_a_laws_name_is_no_measure() -> None:
    assert real("China acted under its Export Control Law.") == []


def test_summoning_an_envoy_to_lodge_a_protest_is_one_protest() -> None:
    found = real("Beijing summoned Japan's ambassador on Thursday to lodge a protest.")
    assert [(m.type, m.issuer, m.target) for m in found] == [
        (MeasureType.PROTEST, "China", "Japan")]


def test_requiring_licences_is_an_export_control() -> None:
    (m,) = real("Japan said exports of photoresists to China would require individual "
                "licences.")
    assert (m.type, m.issuer, m.target) == (MeasureType.EXPORT_CONTROL, "Japan", "China")


def test_a_bulleted_list_after_a_colon_gives_the_goods_a_measure_covers() -> None:
    text = ("China announced new export controls on Friday covering:\n"
            "- gallium and germanium\n- graphite\n")
    (m,) = real(text)
    assert m.covers == ["gallium", "germanium", "graphite"]


def test_the_origin_of_banned_imports_is_the_target() -> None:
    (m,) = real("China first banned Japanese seafood imports in August 2023.")
    assert (m.type, m.target) == (MeasureType.IMPORT_BAN, "Japan")


def test_the_object_after_a_phrase_ending_in_its_preposition_is_the_target() -> None:
    (m,) = real("Tokyo imposed sanctions on Chinese firms that help Russia.",
                extra=(actor("Russia", "state", "Russia"),))
    assert (m.type, m.issuer, m.target) == (MeasureType.OTHER, "Japan", "China")


def test_a_measure_called_unlikely_is_not_asserted() -> None:
    assert real("A rare earth embargo on Japan is unlikely.") == []
