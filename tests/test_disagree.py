"""Disagreements between sources are found and recorded as data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from kg.build import BuildReport
from kg.disagree import find_disagreements, topic_words
from kg.model import (
    ActorMention,
    ActorType,
    Article,
    Extraction,
    FigureMention,
    MaterialCategory,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
)
from kg.resolve import MaterialInfo, resolve

TEXT = "Ruritania banned exports to Freedonia. It supplies about 60% of Freedonia's gallium."


def article(ident: str, *, date: PartialDate | None = None, value: str | None = None,
            about: str = "Freedonia's gallium imports", covers: tuple[str, ...] = (),
            status: MeasureStatus = MeasureStatus.IN_FORCE) -> Extraction:
    actors = [ActorMention("Ruritania", ActorType.STATE, Span.of(TEXT, 0, 9)),
              ActorMention("Freedonia", ActorType.STATE, Span.of(TEXT, 28, 37))]
    measure = MeasureMention(MeasureType.EXPORT_BAN, Span.of(TEXT, 10, 24), issuer="Ruritania",
                             target="Freedonia", date=date, status=status, covers=list(covers))
    figures = []
    if value is not None:
        begin = TEXT.index("about 60%")
        figures.append(FigureMention(Decimal(value), "percent",
                                     Span.of(TEXT, begin, begin + len("about 60%")), about=about))
    return Extraction(Article(ident, TEXT), actors=actors, measures=[measure], figures=figures)


def disagreements(*extractions: Extraction) -> list:
    return find_disagreements(list(extractions), resolve(list(extractions)))


def test_two_day_dates_for_one_measure_are_a_date_disagreement() -> None:
    found = disagreements(article("a.txt", date=PartialDate(2026, 1, 6)),
                          article("b.txt", date=PartialDate(2026, 1, 7)))
    assert [d.kind for d in found] == ["date"]
    assert [a.value for a in found[0].assertions] == ["2026-01-06", "2026-01-07"]
    assert {a.article for a in found[0].assertions} == {"a.txt", "b.txt"}
    assert found[0].about is not None


def _mention(text: str, words: str, date: PartialDate) -> MeasureMention:
    begin = text.index(words)
    return MeasureMention(MeasureType.EXPORT_BAN, Span.of(text, begin, begin + len(words)),
                          issuer="Ruritania", target="Freedonia", date=date,
                          status=MeasureStatus.IN_FORCE)


def _dated(ident: str, text: str, *dated: tuple[str, PartialDate]) -> Extraction:
    """An article whose sentences date one ban: ``(words of the span, date)`` each."""
    actors = [ActorMention("Ruritania", ActorType.STATE, Span.of(text, 0, 9))]
    return Extraction(Article(ident, text), actors=actors,
                      measures=[_mention(text, words, date) for words, date in dated])


SIXTH, SEVENTH = PartialDate(2026, 1, 6), PartialDate(2026, 1, 7)
BAN = "Ruritania banned exports to Freedonia"
AGAIN = "Ruritania's ban on exports to Freedonia"


def test_every_article_giving_a_value_is_on_its_side_once() -> None:
    # Three articles say 6 January (the second twice), one says 7: each side names every
    # article that gives its value, an article repeating itself only by its first span.
    text = f"{BAN} on January 6. {AGAIN} began on January 6."
    found = disagreements(
        _dated("a.txt", f"{BAN} on January 6.", (BAN, SIXTH)),
        _dated("b.txt", text, (BAN, SIXTH), (AGAIN, SIXTH)),
        _dated("c.txt", f"{BAN} on January 6.", (BAN, SIXTH)),
        _dated("d.txt", f"{BAN} on January 7.", (BAN, SEVENTH)))
    [date] = found
    assert [(a.article, a.value) for a in date.assertions] == [
        ("a.txt", "2026-01-06"), ("b.txt", "2026-01-06"), ("c.txt", "2026-01-06"),
        ("d.txt", "2026-01-07")]
    assert date.assertions[1].span.begin == 0, "b.txt's first span for the value"
    assert date.label.endswith(": 2026-01-06 vs 2026-01-07")


def test_an_article_giving_both_values_stands_on_both_sides() -> None:
    # Both days written as the ban's own (the day it took effect would be another fact).
    text = f"{BAN} on January 7. {AGAIN} was imposed on January 6."
    found = disagreements(_dated("a.txt", f"{BAN} on January 6.", (BAN, SIXTH)),
                          _dated("b.txt", text, (BAN, SEVENTH), (AGAIN, SIXTH)))
    [date] = found
    assert [(a.article, a.value, a.span.text) for a in date.assertions] == [
        ("a.txt", "2026-01-06", BAN), ("b.txt", "2026-01-07", BAN),
        ("b.txt", "2026-01-06", AGAIN)]


def test_sides_and_iris_do_not_depend_on_the_order_of_the_articles() -> None:
    articles = [_dated("a.txt", f"{BAN} on January 6.", (BAN, SIXTH)),
                _dated("b.txt", f"{BAN} on January 7. {AGAIN} began on January 6.",
                       (BAN, SEVENTH), (AGAIN, SIXTH)),
                _dated("c.txt", f"{BAN} on January 6.", (BAN, SIXTH))]
    forward, backward = disagreements(*articles), disagreements(*reversed(articles))
    assert [(d.iri, d.label, d.assertions) for d in forward] == [
        (d.iri, d.label, d.assertions) for d in backward]


def test_one_article_giving_two_dates_alone_is_no_disagreement_between_sources() -> None:
    text = f"{BAN} on Monday. {AGAIN} takes effect on December 31."
    alone = _dated("a.txt", text, (BAN, SIXTH), (AGAIN, PartialDate(2025, 12, 31)))
    assert disagreements(alone) == []
    # A second article giving another day for the ban makes it a disagreement between
    # sources; the day the rules take effect is no view of the day the ban was made.
    other = _dated("b.txt", f"{BAN} on Wednesday.", (BAN, PartialDate(2026, 1, 7)))
    [date] = disagreements(alone, other)
    assert {a.value for a in date.assertions} == {"2026-01-06", "2026-01-07"}


def test_a_coarser_date_that_contains_the_other_is_no_disagreement() -> None:
    assert disagreements(article("a.txt", date=PartialDate(2026, 1, 6)),
                         article("b.txt", date=PartialDate(2026, 1))) == []


def test_historical_precedents_do_not_conflict_with_the_current_measure() -> None:
    assert disagreements(article("a.txt", date=PartialDate(2026, 1, 6)),
                         article("b.txt", date=PartialDate(2010, 9, 7),
                                 status=MeasureStatus.HISTORICAL)) == []


def test_figures_about_the_same_quantity_that_differ_disagree() -> None:
    found = disagreements(article("a.txt", value="60"),
                          article("b.txt", value="70", about="gallium imports of Freedonia"))
    assert [d.kind for d in found] == ["figure"]
    assert len(found[0].assertions) == 2


def test_every_article_giving_a_figure_is_on_its_side_and_the_label_names_each_number_once(
) -> None:
    found = disagreements(article("a.txt", value="60"), article("b.txt", value="60"),
                          article("c.txt", value="70"))
    [figure] = found
    # Three sides where one per number used to be kept: b.txt's 60% was left out.
    assert [a.article for a in figure.assertions] == ["a.txt", "b.txt", "c.txt"]
    assert figure.label.count(" vs ") == 1, "one wording per number"


def test_figures_within_half_a_percent_or_about_other_things_agree() -> None:
    assert disagreements(article("a.txt", value="60"), article("b.txt", value="60.2")) == []
    assert disagreements(article("a.txt", value="60"),
                         article("b.txt", value="70", about="rice harvest")) == []


def _move(ident: str, text: str, number: str, value: str) -> Extraction:
    begin = text.index(number)
    figure = FigureMention(Decimal(value), "percent", Span.of(text, begin, begin + len(number)),
                           about="Mitsubishi Heavy Industries")
    return Extraction(Article(ident, text), figures=[figure])


def test_changes_and_market_quotes_of_one_day_are_no_figure_disagreement() -> None:
    # Two articles' share moves are two trading days: a figure carries no date to tell.
    assert disagreements(
        _move("a.txt", "Mitsubishi Heavy Industries fell 2.4 percent.", "2.4 percent", "2.4"),
        _move("b.txt", "Mitsubishi Heavy Industries dropped as much as 4.3%.",
              "as much as 4.3%", "4.3")) == []
    assert disagreements(
        _move("a.txt", "Mitsubishi Heavy Industries was up 2.4% on Friday.", "2.4%", "2.4"),
        _move("b.txt", "Mitsubishi Heavy Industries firmed slightly to 4.3%.", "4.3%",
              "4.3")) == []
    assert disagreements(
        _move("a.txt", "Mitsubishi Heavy Industries shares, up 2.4% this week.", "2.4%", "2.4"),
        _move("b.txt", "Mitsubishi Heavy Industries rose by 4.3%.", "4.3%", "4.3")) == []
    # the same numbers as levels, not changes, still disagree ("makes up" is no move)
    found = disagreements(
        _move("a.txt", "Mitsubishi Heavy Industries holds 2.4 percent.", "2.4 percent", "2.4"),
        _move("b.txt", "Mitsubishi Heavy Industries makes up 4.3%.", "4.3%", "4.3"))
    assert [d.kind for d in found] == ["figure"]


def test_different_coverage_of_export_measures_is_a_scope_disagreement() -> None:
    found = disagreements(article("a.txt", covers=("dual-use items",)),
                          article("b.txt", covers=("rare earths",)))
    assert [d.kind for d in found] == ["scope"]


def test_disagreement_iris_are_deterministic() -> None:
    first = disagreements(article("a.txt", date=PartialDate(2026, 1, 6)),
                          article("b.txt", date=PartialDate(2026, 1, 7)))
    second = disagreements(article("a.txt", date=PartialDate(2026, 1, 6)),
                           article("b.txt", date=PartialDate(2026, 1, 7)))
    assert [d.iri for d in first] == [d.iri for d in second]


def test_topic_words_ignore_possessives_plurals_and_function_words() -> None:
    assert topic_words("Japan's rare earth imports") == topic_words("rare earth import of Japan")


def _control(ident: str, date: PartialDate, covers: tuple[str, ...]) -> Extraction:
    extraction = article(ident, date=date, covers=covers)
    extraction.measures[0].type = MeasureType.EXPORT_CONTROL
    return extraction


def test_dates_of_two_measures_months_apart_are_no_disagreement() -> None:
    assert disagreements(_control("a.txt", PartialDate(2023, 7, 3), ("gallium",)),
                         _control("b.txt", PartialDate(2023, 10, 20), ("graphite",))) == []


def _undated_control(ident: str, published: dt.date, covers: tuple[str, ...]) -> Extraction:
    extraction = article(ident, covers=covers)
    extraction.measures[0].type = MeasureType.EXPORT_CONTROL
    extraction.article.metadata.date = published
    return extraction


def test_undated_current_measures_of_articles_months_apart_are_no_scope_disagreement() -> None:
    # Each is current as of its article's own date: two controls, not two views of one.
    assert disagreements(_undated_control("a.txt", dt.date(2023, 7, 5), ("gallium",)),
                         _undated_control("b.txt", dt.date(2023, 12, 2), ("graphite",))) == []


def test_undated_current_measures_of_articles_of_one_month_may_disagree_on_scope() -> None:
    found = disagreements(_undated_control("a.txt", dt.date(2026, 1, 7), ("dual-use items",)),
                          _undated_control("b.txt", dt.date(2026, 1, 9), ("rare earths",)))
    assert [d.kind for d in found] == ["scope"]


def test_goods_one_under_the_other_are_no_scope_disagreement() -> None:
    extractions = [article("a.txt", covers=("dysprosium",)),
                   article("b.txt", covers=("rare earths",))]
    lookup = {"dysprosium": MaterialInfo("dysprosium", MaterialCategory.RARE_EARTH_ELEMENT,
                                         "rare earths"),
              "rare earths": MaterialInfo("rare earths", MaterialCategory.RARE_EARTH_ELEMENT)}.get
    assert find_disagreements(extractions, resolve(extractions, material_lookup=lookup)) == []


def test_measures_under_consideration_say_nothing_about_the_scope_in_place() -> None:
    assert disagreements(article("a.txt", covers=("dual-use items",)),
                         article("b.txt", covers=("rare earths",),
                                 status=MeasureStatus.UNDER_CONSIDERATION)) == []


def test_measures_with_no_target_say_nothing_about_the_scope_of_one_on_a_target() -> None:
    untargeted = article("b.txt", covers=("rare earths",))
    untargeted.measures[0].target = None
    assert disagreements(article("a.txt", covers=("dual-use items",)), untargeted) == []


def test_the_seeds_disagree_on_the_ban_date_the_import_share_and_the_bans_scope() -> None:
    from kg.build import read_corpus
    from kg.extract import extract
    from kg.extract.refdata import actor_info, material_info

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    extractions = [extract(a) for a in read_corpus([seeds], BuildReport())]
    found = find_disagreements(extractions, resolve(extractions, actor_lookup=actor_info,
                                                    material_lookup=material_info))
    labels = {d.kind: [] for d in found}
    for d in found:
        labels[d.kind].append(d)
    assert any({a.value for a in d.assertions} == {"2026-01-06", "2026-01-07"}
               and "export ban" in d.label for d in labels["date"])
    # Most articles give 6 January for the ban: each of them is on that side.
    ban = next(d for d in labels["date"] if "export ban" in d.label)
    assert len({a.article for a in ban.assertions if a.value == "2026-01-06"}) >= 3
    assert any({a.span.text for a in d.assertions} == {"around 60%", "more than 70%"}
               for d in labels["figure"])
    (scope,) = labels["scope"]
    assert "dual-use items" in scope.label and "rare earths" in scope.label
