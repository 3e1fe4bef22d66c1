"""Figures (kg.extract.figures): numbers with units, one phenomenon per test."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from extract_support import STYLE_NAMES, actor, article, load_style, mentions

from kg.extract.actors import find_actors
from kg.extract.figures import find_figures
from kg.ingest import read_article
from kg.model import FigureMention

TABLE = [actor("Capital Economics", "organization", "Capital Economics"),
         actor("China", "state", "China"), actor("Japan", "state", "Japan"),
         actor("unnamed analysts", "person", "Analysts", "analysts")]


def run(text: str) -> list[FigureMention]:
    return find_figures(article(text, date="2026-01-08"), mentions(text, TABLE))


def one(text: str) -> FigureMention:
    found = run(text)
    assert len(found) == 1, [(f.value, f.unit, f.span.text) for f in found]
    return found[0]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Exports rose 35% last month.", "35", "percent"),
    ("a 3.8 percent increase", "3.8", "percent"),
    ("up 2.5 per cent on the year", "2.5", "percent"),
    ("shipments reached 305 metric tons", "305", "metric tons"),
    ("some 40 tonnes of gallium", "40", "metric tons"),
    ("a budget of 9 trillion yen", "9000000000000", "JPY"),
    ("a budget of $58 billion", "58000000000", "USD"),
    ("worth 58 billion dollars", "58000000000", "USD"),
    ("a fine of €1.2 million", "1200000", "EUR"),
    ("sales of 3 billion yuan", "3000000000", "CNY"),
])
def test_numbers_with_units_and_currencies(text: str, value: str, unit: str) -> None:
    figure = one(text)
    assert (figure.value, figure.unit) == (Decimal(value), unit)


def test_a_number_counts_the_plural_noun_after_it() -> None:
    figure = one("The list covers about 1,100 dual use items.")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(1100), "items", "about")


def test_a_number_word_with_a_qualifier_counts_its_noun() -> None:
    figure = one("It includes at least seven categories of heavy rare earths.")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(7), "categories",
                                                             "at least")
    assert figure.about == "categories of heavy rare earths"


@pytest.mark.parametrize("qualifier", ["about", "around", "approximately", "nearly",
                                       "more than", "at least", "less than", "up to"])
def test_the_qualifier_before_a_number_is_kept_as_written(qualifier: str) -> None:
    assert one(f"China supplies {qualifier} 60% of the total.").qualifier == qualifier


def test_up_before_a_percentage_is_a_change_not_a_qualifier() -> None:
    figure = one("a record military budget, up 3.8%")
    assert figure.qualifier is None
    assert figure.about == "a record military budget"


def test_a_hyphenated_range_gives_both_ends() -> None:
    figure = one("China supplies 60-70% of Japan's rare earth imports.")
    assert (figure.value, figure.value_max, figure.unit) == (Decimal(60), Decimal(70), "percent")


def test_between_and_gives_a_range_with_the_scale_of_the_second_amount() -> None:
    figure = one("could cost between $2 and $3 billion a year")
    assert (figure.value, figure.value_max, figure.unit) == (
        Decimal(2000000000), Decimal(3000000000), "USD")


def test_a_change_then_a_level_are_two_figures_not_a_range() -> None:
    found = run("November exports to Japan rose 35% to 305 metric tons.")
    assert [(f.value, f.unit) for f in found] == [(Decimal(35), "percent"),
                                                  (Decimal(305), "metric tons")]
    assert [f.about for f in found] == ["November exports to Japan"] * 2


def test_vague_magnitudes_have_no_value() -> None:
    figure = one("a ban could cost billions of dollars")
    assert (figure.value, figure.unit) == (None, "USD")


def test_more_than_doubled_is_a_ratio_of_two() -> None:
    figure = one("China's defence budget has more than doubled in a decade.")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(2), "ratio", "more than")


def test_years_dates_and_ordinals_are_not_figures() -> None:
    assert run("On January 6, 2026, in 2025, on the 8th, the 3rd plenary session.") == []


def test_numbers_that_refer_are_not_figures() -> None:
    assert run("the two countries and Asia's two largest economies met one-China rules") == []


def test_a_number_without_a_unit_or_noun_is_not_a_figure() -> None:
    assert run("The index stood at 2,345 on Monday.") == []


def test_a_qualified_duration_is_a_figure_in_its_noun() -> None:
    figure = one("Inventories will last about six weeks and 30 days.")
    assert (figure.value, figure.unit, figure.qualifier, figure.span.text) == (
        Decimal(6), "weeks", "about", "about six weeks")


@pytest.mark.parametrize("text", ["The halt lasted 30 days.", "It ended two weeks ago.",
                                  "It came about two weeks after the ban.",
                                  "They met for a year."])
def test_bare_durations_and_times_ago_are_not_figures(text: str) -> None:
    assert run(text) == []


def test_a_list_s_entries_are_counted_as_items() -> None:
    figure = one("China's dual-use control list runs to more than 1,000 entries.")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(1000), "items", "more than")


@pytest.mark.parametrize(("text", "value"), [
    ("controls on seven medium and heavy rare earths", 7),
    ("a sweeping expansion to five more rare earths", 5),
    ("licences for 17 rare earth elements", 17),
])
def test_a_number_of_rare_earths_counts_elements(text: str, value: int) -> None:
    figure = one(text)
    assert (figure.value, figure.unit) == (Decimal(value), "elements")


def test_times_before_a_comparison_is_a_ratio_but_occasions_are_not() -> None:
    figure = one("Europe pays more than three times the Chinese domestic price.")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(3), "ratio", "more than")
    assert run("The envoys met three times last year.") == []


def test_a_figure_after_a_semicolon_starts_at_its_number() -> None:
    figure = one("Output fell; 35% of plants closed.")
    assert figure.span.text == "35%"


def test_about_is_the_complement_after_of() -> None:
    assert one("more than 70% of Japan’s rare earth imports — a dependency").about == \
        "Japan’s rare earth imports"


def test_a_restated_amount_measures_the_same_thing() -> None:
    found = run("a record 9 trillion yen ($58 billion) military budget")
    assert [f.about for f in found] == ["military budget", "military budget"]


def test_an_amount_worth_of_something_is_about_that_thing() -> None:
    assert one("ASML shipped 2.1 billion euros worth of equipment last year.").about == "equipment"


def test_a_time_is_not_what_a_figure_is_about() -> None:
    assert one("Shipments fell in December from a month earlier to 410 tonnes.").about is None


def test_according_to_gives_who_asserts_the_figure() -> None:
    figure = one("China supplies around 60% of Japan's imports, according to Capital Economics.")
    assert figure.asserted_by == "Capital Economics"


def test_a_figure_inside_reported_words_is_asserted_by_the_speaker() -> None:
    figure = one("Analysts said exports could fall 20% this year.")
    assert figure.asserted_by == "unnamed analysts"


def test_figure_spans_count_into_the_text() -> None:
    text = "about 1,100 items, 35%, $58 billion and between 2 and 3 percent"
    found = run(text)
    assert len(found) == 4
    for figure in found:
        assert text[figure.span.begin:figure.span.end] == figure.span.text


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_style_fixture_figures_match_annotations(name: str) -> None:
    style = load_style(name)
    found = find_figures(style.article, style.actors)
    expected = [f for f in style.expected.get("figures", []) if not f.get("absent")]
    for item in style.expected.get("figures", []):
        hits = [f for f in found if f.value is not None and f.value == Decimal(str(item["value"]))
                and f.unit == item["unit"]]
        if item.get("absent"):
            assert not hits, (name, item)
            continue
        assert hits, f"{name}: no figure {item}; found {[(f.value, f.unit) for f in found]}"
        figure = hits[0]
        for key in ("qualifier", "asserted_by"):
            if key in item:
                assert getattr(figure, key) == item[key], (name, key, item)
        if "value_max" in item:
            assert figure.value_max == Decimal(str(item["value_max"])), (name, item)
    if style.expected.get("figures_exhaustive"):
        assert len(found) == len(expected), [(f.value, f.unit, f.span.text) for f in found]


def test_a_yen_symbol_amount_restated_in_dollars_gives_two_figures() -> None:
    found = run("Japan approved a ¥9 trillion ($58 billion) defence budget.")
    assert [(f.value, f.unit) for f in found] == [(Decimal(9000000000000), "JPY"),
                                                  (Decimal(58000000000), "USD")]
    assert found[0].about == found[1].about == "defence budget"


def test_between_two_amounts_in_tonnes_is_a_range() -> None:
    figure = one("Imports were between 2,000 and 3,000 tonnes last year.")
    assert (figure.value, figure.value_max, figure.unit) == (Decimal(2000), Decimal(3000),
                                                             "metric tons")


# -- round 2: numbers that only look like counts ---------------------------------------------

FIGURES = Path(__file__).resolve().parent / "fixtures" / "figures"


def from_fixture(name: str) -> list[FigureMention]:
    """Figures of a fixture article, with the actors the real extractor finds in it."""
    article_ = read_article(FIGURES / f"{name}.txt")
    return find_figures(article_, find_actors(article_)[0])


def values(found: list[FigureMention]) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in found if f.value is not None]


def test_a_capitalised_number_word_inside_a_name_counts_nothing() -> None:
    assert run("Officials from the Group of Twenty economies met in Rome.") == []


def test_one_as_a_pronoun_counts_nothing() -> None:
    found = run("One hears 40 percent; one reads other numbers.")
    assert values(found) == [(Decimal(40), "percent")]


def test_a_number_word_counting_parts_of_the_text_is_not_a_figure() -> None:
    found = run("Two lessons follow from the dispute. Four companies halted work.")
    assert values(found) == [(Decimal(4), "companies")]


def test_a_count_in_apposition_to_a_list_describes_the_list() -> None:
    found = run("Washington curbed nickel and cobalt, two metals used in batteries, "
                "and 40 tonnes were held at the border.")
    assert values(found) == [(Decimal(40), "metric tons")]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Traders said stocks would last two to three weeks.", 2, 3),
    ("Smelters hold between four and eight weeks of supply.", 4, 8),
])
def test_a_duration_given_as_a_range_is_a_figure(text: str, low: int, high: int) -> None:
    figure = one(text)
    assert (figure.value, figure.value_max, figure.unit) == (Decimal(low), Decimal(high),
                                                             "weeks")


def test_each_end_of_a_range_may_carry_its_own_qualifier() -> None:
    figure = one("Estimates range from about 40% to just under 55%, depending on the source.")
    assert (figure.value, figure.value_max, figure.qualifier) == (Decimal(40), Decimal(55),
                                                                  "about")


def test_a_fall_from_one_share_to_another_gives_two_figures() -> None:
    found = run("Its share fell from about 80 percent in 2012 to around 55 percent last year.")
    assert values(found) == [(Decimal(80), "percent"), (Decimal(55), "percent")]
    assert all(f.value_max is None for f in found)


def test_a_number_after_a_comparing_qualifier_takes_the_unit_before_it() -> None:
    found = run("Roughly 45 percent by tonnage, nearer to 52 by value.")
    assert values(found) == [(Decimal(45), "percent"), (Decimal(52), "percent")]
    assert found[1].qualifier == "nearer to"


def test_a_figure_named_again_is_not_a_new_claim() -> None:
    found = run("Exports fell 12% in March. Officials called the 12% figure misleading.")
    assert [f.span.text for f in found] == ["12%"]
    assert found[0].span.begin < 20


def test_vague_counts_of_times_are_occasions_not_ratios() -> None:
    assert run("The clip was viewed hundreds of thousands of times.") == []


def test_twice_before_a_comparison_is_a_ratio_but_twice_alone_is_not() -> None:
    found = run("Approvals took almost twice as long as normal. He called the office twice.")
    assert values(found) == [(Decimal(2), "ratio")]
    assert found[0].qualifier == "almost"


def test_a_total_after_of_lends_its_noun_to_the_parts_after_it() -> None:
    found = from_fixture("partitions")
    assert values(found) == [
        (Decimal(20), "requests"), (Decimal(15), "requests"), (Decimal(5), "requests"),
        (Decimal(120), "companies"), (Decimal(35), "companies"),
        (Decimal(40), "inspectors")]


def test_the_level_after_a_change_in_points_is_in_points_and_rates_name_two_currencies(
        ) -> None:
    found = values(from_fixture("market_levels"))
    assert (Decimal("61.2"), "points") in found
    assert (Decimal("2598.47"), "points") in found
    assert (Decimal("1452.3"), "KRW per USD") in found
    assert (Decimal("1.08"), "EUR per USD") in found


def test_where_us_dollars_are_marked_a_bare_dollar_is_the_local_one() -> None:
    assert values(from_fixture("local_dollars")) == [(Decimal(400000000), "USD"),
                                                     (Decimal("8.2"), "AUD")]


def test_figures_in_an_interviewers_question_are_left_out() -> None:
    found = from_fixture("interview_question")
    assert [(f.value, f.unit, f.qualifier) for f in found] == [(Decimal(40), "percent",
                                                                "closer to")]


def test_a_bare_dollar_stays_us_when_no_dollar_state_is_named_twice() -> None:
    text = ("Tokyo pledged $US2 billion; Australia was mentioned once. "
            "Chips cost $40 each.")
    art = article(text, date="2026-02-10")
    found = find_figures(art, find_actors(art)[0])
    assert values(found) == [(Decimal(2000000000), "USD"), (Decimal(40), "USD")]


def test_a_number_before_mt_is_no_time_of_day() -> None:
    # "MT" after four digits is metric tonnes in trade releases, not Mountain Time: the
    # clock-time rule must leave the number to the unit rules.
    from kg.extract.figures import _clock_time

    assert _clock_time().search("India shipped 1500 MT of rice") is None
    assert _clock_time().search("The vote ends at 1500 GMT") is not None


def test_currency_symbols_match_only_as_written_so_flight_numbers_are_not_money() -> None:
    # "RS402" once crashed the whole article: the pattern matched "Rs" ignoring case and the
    # unit lookup, keyed by the symbol as written, failed.
    assert run("Our own RS402 and RS407 flew the southern deviation.") == []
    assert one("a levy of Rs 31 per kg").unit == "INR per kg"


@pytest.mark.parametrize("case", [str.upper, str.lower, str.title])
def test_no_currency_symbol_in_any_case_stops_the_extraction(case: Callable[[str], str]) -> None:
    from kg.extract.triggers import load_triggers
    for symbol in load_triggers().currency_symbols:
        text = f"The flight {case(symbol)}402 left, and {case(symbol)} 5 million was paid."
        found = run(text)
        assert all(text[f.span.begin:f.span.end] == f.span.text for f in found), symbol
