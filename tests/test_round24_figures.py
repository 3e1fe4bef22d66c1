"""Figures of round 24, each in invented words.

A figure of the front matter (a headline, the bullets of a summary box) whose value and
unit the body gives again, with a word in common near both numbers, is the body's figure
told twice: only the body's is kept.  A front figure that the body does not give, or gives
for something else, is kept.
"""

from __future__ import annotations

from decimal import Decimal

from extract_support import actor, article, mentions

from kg.extract.figures import find_figures
from kg.model import FigureMention

TABLE = [actor("Freedonia", "state", "Freedonia"), actor("Sylvania", "state", "Sylvania")]

BODY = ("The trade ministry of Freedonia said on Monday that it would put a 40% tariff on "
        "imports of Sylvanian cheese from next month, after talks on dairy subsidies broke "
        "down. Officials said the duty would stay until Sylvania ended its payments to "
        "farmers, and that further steps were being studied by the cabinet this week.")


def run(text: str) -> list[FigureMention]:
    """The figures of ``text``, an article of 2026-05-20."""
    return find_figures(article(text, date="2026-05-20"), mentions(text, TABLE))


def mentions_of(text: str, value: int, unit: str) -> list[str]:
    """The mentions of the figures of ``text`` with ``value`` and ``unit``."""
    return [f.span.text for f in run(text) if f.value == Decimal(value) and f.unit == unit]


def test_a_headline_figure_the_body_repeats_is_kept_once_in_the_body() -> None:
    text = f"Freedonia puts 40% tariff on Sylvanian cheese\n\n{BODY}"
    found = [f for f in run(text) if f.value == Decimal(40) and f.unit == "percent"]
    assert len(found) == 1
    assert found[0].span.begin > text.index(BODY)


def test_summary_bullets_repeating_a_body_figure_are_left_to_the_body() -> None:
    text = ("Cheese row: live\n\nKey points\n• Freedonia orders 40% tariff on cheese imports\n"
            f"• Sylvania calls it unlawful\n\n{BODY}")
    assert len(mentions_of(text, 40, "percent")) == 1


def test_a_front_figure_with_other_words_near_it_is_another_claim() -> None:
    text = ("KEY POINTS\n- Likely outcome (40% probability): talks resume within weeks.\n\n"
            f"{BODY}")
    assert len(mentions_of(text, 40, "percent")) == 2


def test_a_figure_only_the_headline_gives_is_kept() -> None:
    text = f"Freedonia weighs 15% levy on Sylvanian wine\n\n{BODY}"
    assert mentions_of(text, 15, "percent") == ["15%"]


def test_a_number_opening_a_list_line_counts_the_noun_after_its_colon() -> None:
    text = ("Ferry strike in numbers\n\nBY THE NUMBERS\n- 1,250: vessels held in port since May\n"
            "- **about 4.2 million**: passengers who travelled last summer\n")
    found = {(f.value, f.unit, f.qualifier) for f in run(text)}
    assert (Decimal(1250), "vessels", None) in found
    assert (Decimal(4200000), "passengers", "about") in found


def test_a_year_or_a_label_after_the_colon_makes_no_labelled_count() -> None:
    text = ("Timeline\n- 2019: vessels were first held in port\n"
            "- 12: The harbour master's report\n")
    assert [(f.value, f.unit) for f in run(text)] == []


def test_a_bare_number_after_a_level_verb_counts_the_subjects_noun() -> None:
    text = "Foreign students in Freedonia numbered about 42,000 in the last academic year."
    assert [(f.value, f.unit, f.qualifier) for f in run(text)] == [
        (Decimal(42000), "students", "about")]


def test_both_ends_of_a_change_count_the_subjects_noun() -> None:
    text = ("Visitors from Sylvania fell from about 2.4 million in 2018 to roughly 1.1 million "
            "in 2019, the tourism board said.")
    assert {(f.value, f.unit) for f in run(text)} == {(Decimal(2400000), "visitors"),
                                                      (Decimal(1100000), "visitors")}


def test_a_subject_of_the_queue_of_noun_form_gives_the_counted_noun() -> None:
    text = "The line of lorries at the northern border post grew to more than 900 by Friday."
    assert [(f.value, f.unit) for f in run(text)] == [(Decimal(900), "lorries")]


def test_a_subject_with_a_number_of_its_own_gives_no_subject_count() -> None:
    text = "The 12 ports of the coast reached 300 in the ranking."
    assert all(f.value != Decimal(300) for f in run(text))
