"""Disagreements are precise: two figures disagree only about one quantity (one unit, one
subject, one holder, one time), two days only about one event of a measure, and an article
contradicts itself only where its own words give two values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kg.disagree import Disagreement, find_disagreements
from kg.model import (
    ActorMention,
    ActorType,
    Article,
    ArticleMetadata,
    Extraction,
    FigureMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
)
from kg.resolve import resolve

JAN = dt.date(2026, 1, 12)
STATES = ("Ruritania", "Freedonia", "Sylvania")


def _figures(ident: str, text: str, *figures: tuple[str, str], about: str,
             unit: str = "percent", date: dt.date | None = JAN,
             publisher: str | None = None) -> Extraction:
    """An article whose figures are ``(words of the figure, value)``, all about ``about``;
    every state of :data:`STATES` the text names is an actor mention."""
    spans = []
    for words, value in figures:
        begin = text.index(words)
        spans.append(FigureMention(Decimal(value), unit, Span.of(text, begin, begin + len(words)),
                                   about=about))
    actors = []
    for name in STATES:
        start = text.find(name)
        while start >= 0:
            actors.append(ActorMention(name, ActorType.STATE,
                                       Span.of(text, start, start + len(name))))
            start = text.find(name, start + 1)
    article = Article(ident, text, ArticleMetadata(date=date, publisher=publisher))
    return Extraction(article, actors=actors, figures=spans)


def _found(*extractions: Extraction) -> list[Disagreement]:
    return find_disagreements(list(extractions), resolve(list(extractions)))


def _values(found: list[Disagreement]) -> list[set[str]]:
    return [{a.value for a in d.assertions} for d in found]


def test_figures_of_two_holders_are_no_disagreement() -> None:
    first = _figures("a.txt", "Ruritania lists 23 types of drilling equipment.",
                     ("23 types", "23"), about="types of drilling equipment", unit="types")
    other = _figures("b.txt", "Freedonia lists 24 types of drilling equipment.",
                     ("24 types", "24"), about="types of drilling equipment", unit="types")
    assert _found(first, other) == []
    same = _figures("c.txt", "Ruritania lists 24 types of drilling equipment.",
                    ("24 types", "24"), about="types of drilling equipment", unit="types")
    assert _values(_found(first, same)) == [{"23 types", "24 types"}]


def test_the_stocks_two_companies_report_of_themselves_are_no_disagreement() -> None:
    # "we" and "the Company" in a release are its publisher: two companies' own stocks.
    first = _figures("a.txt", "As of today, we hold enough magnet alloy for about five months "
                     "of production.", ("about five months", "5"),
                     about="months of production", unit="months", publisher="Alpha Magnets")
    other = _figures("b.txt", "The Company holds magnet alloy for about 4.5 months of "
                     "production.", ("about 4.5 months", "4.5"),
                     about="months of production", unit="months", publisher="Beta Magnets")
    assert _found(first, other) == []


SHARE = "Freedonia's gallium imports"


def test_a_past_share_is_no_disagreement_with_todays() -> None:
    then = _figures("a.txt", "Ruritania then supplied about 90% of Freedonia's gallium imports.",
                    ("about 90%", "90"), about=SHARE)
    now = _figures("b.txt", "Ruritania supplies about 60% of Freedonia's gallium imports.",
                   ("about 60%", "60"), about=SHARE)
    assert _found(then, now) == []
    also_now = _figures("c.txt", "Ruritania still supplies about 90% of Freedonia's gallium "
                        "imports.", ("about 90%", "90"), about=SHARE)
    assert _values(_found(now, also_now)) == [{"about 60%", "about 90%"}]


def test_a_year_written_after_a_second_figure_dates_that_figure_only() -> None:
    # "down from about 90% in 2010": 2010 is the 90's year; the 60 is today's share.
    down = _figures("a.txt", "Ruritania supplies about 60% of Freedonia's gallium imports, "
                    "down from about 90% in 2010.", ("about 60%", "60"), ("about 90%", "90"),
                    about=SHARE)
    other = _figures("b.txt", "Ruritania supplies more than 70% of Freedonia's gallium imports.",
                     ("more than 70%", "70"), about=SHARE)
    found = _found(down, other)
    assert _values(found) == [{"about 60%", "more than 70%"}]


def test_counts_of_past_events_weeks_apart_are_no_disagreement() -> None:
    def count(ident: str, number: str, day: dt.date) -> Extraction:
        return _figures(ident, f"The defence ministry said it had tracked {number} military "
                        "aircraft around the island in the 24 hours to 6 a.m.",
                        (f"{number} military aircraft", number), about="military aircraft",
                        unit="aircraft", date=day)

    assert _found(count("a.txt", "89", dt.date(2025, 12, 30)),
                  count("b.txt", "18", dt.date(2026, 1, 27))) == []
    # the same day's count told two ways is a disagreement
    assert len(_found(count("a.txt", "89", dt.date(2025, 12, 30)),
                      count("b.txt", "81", dt.date(2025, 12, 30)))) == 1


def test_a_claim_under_examination_is_no_figure_the_article_asserts() -> None:
    claim = _figures("a.txt", 'Claim: "Freedonia gets 90% of its gallium from Ruritania."\n'
                     "Verdict: Outdated.", ("90%", "90"), about="its gallium from Ruritania")
    fact = _figures("b.txt", "Freedonia gets about 60% of its gallium from Ruritania.",
                    ("about 60%", "60"), about="its gallium from Ruritania")
    assert _found(claim, fact) == []


def test_two_numbers_of_one_sentence_are_two_quantities() -> None:
    text = ("Ruritania added 20 Freedonian companies to its export control list and put 12 "
            "others on a watch list.")

    def listing(ident: str) -> Extraction:
        return _figures(ident, text, ("20 Freedonian companies", "20"), ("12", "12"),
                        about="Freedonian companies", unit="entities")

    # Each article on both sides "contradicting itself" was the old reading.
    assert _found(listing("a.txt"), listing("b.txt")) == []


BAN = "Ruritania banned exports to Freedonia"


def _dated(ident: str, text: str, *dated: tuple[str, PartialDate],
           status: MeasureStatus = MeasureStatus.IN_FORCE,
           published: dt.date | None = None) -> Extraction:
    """An article whose measure spans (``(words, date)``) give one ban its dates."""
    measures = []
    for words, date in dated:
        begin = text.index(words)
        measures.append(MeasureMention(MeasureType.EXPORT_BAN,
                                       Span.of(text, begin, begin + len(words)),
                                       issuer="Ruritania", target="Freedonia", date=date,
                                       status=status))
    actors = [ActorMention("Ruritania", ActorType.STATE, Span.of(text, 0, 9))]
    return Extraction(Article(ident, text, ArticleMetadata(date=published)), actors=actors,
                      measures=measures)


SIXTH, SEVENTH, EIGHTH = PartialDate(2026, 1, 6), PartialDate(2026, 1, 7), PartialDate(2026, 1, 8)


def test_a_day_a_mention_inherits_yields_to_the_day_its_article_writes() -> None:
    # A live blog's entry of Thursday 8 January quotes a spokesman on "the ban": that day is
    # the briefing's, while the article writes the ban's own day elsewhere.
    blog = ("Ruritania's live desk, 8 January 2026.\n"
            "16:10 — The ministry says trade is not affected by the export ban, a spokesman "
            "tells the regular Thursday briefing.\n"
            f"09:15 — A recap: on Tuesday (Jan. 6) {BAN}.")
    live = _dated("a.txt", blog, ("export ban", EIGHTH), (BAN, SIXTH),
                  published=dt.date(2026, 1, 8))
    other = _dated("b.txt", f"{BAN} on January 6.", (BAN, SIXTH))
    assert _found(live, other) == []
    # An article writing two days for the announcement does contradict itself.
    both = _dated("c.txt", "Ruritania announced on January 7 a ban on exports to Freedonia. "
                  "Ruritania announced on January 6 a ban on exports to Freedonia.",
                  ("Ruritania announced on January 7 a ban", SEVENTH),
                  ("Ruritania announced on January 6 a ban", SIXTH),
                  published=dt.date(2026, 1, 8))
    [date] = _found(live, other, both)
    assert {a.value for a in date.assertions if a.article == "c.txt"} == {
        "2026-01-06", "2026-01-07"}
    assert {a.value for a in date.assertions if a.article == "a.txt"} == {"2026-01-06"}


def test_days_weeks_apart_are_two_steps_of_a_measure_not_a_disagreement() -> None:
    text = (f"{BAN} on January 6. On January 30 Ruritania added 20 Freedonian companies to its "
            "export control list.")
    steps = _dated("a.txt", text, (BAN, SIXTH),
                   ("Ruritania added 20 Freedonian companies", PartialDate(2026, 1, 30)))
    other = _dated("b.txt", f"{BAN} on January 6.", (BAN, SIXTH))
    assert _found(steps, other) == []


def test_the_day_a_measure_takes_effect_is_no_disagreement_with_its_announcement() -> None:
    announced = _dated("a.txt", "Ruritania will impose duties on Freedonian cars from "
                       "Wednesday.", ("Ruritania will impose duties", PartialDate(2024, 10, 29)),
                       status=MeasureStatus.ANNOUNCED, published=dt.date(2024, 10, 29))
    in_force = _dated("b.txt", "Ruritania's duties on Freedonian cars enter into force today.",
                      ("Ruritania's duties", PartialDate(2024, 10, 30)),
                      published=dt.date(2024, 10, 30))
    assert _found(announced, in_force) == []
    # It may stand with an article giving that day for the announcement, as one more voice.
    other = _dated("c.txt", "Ruritania announced duties on Freedonian cars on October 30.",
                   ("Ruritania announced duties", PartialDate(2024, 10, 30)),
                   status=MeasureStatus.ANNOUNCED, published=dt.date(2024, 10, 31))
    [date] = _found(announced, in_force, other)
    assert {(a.article, a.value) for a in date.assertions} == {
        ("a.txt", "2024-10-29"), ("b.txt", "2024-10-30"), ("c.txt", "2024-10-30")}


def test_a_figure_of_any_time_never_joins_two_dated_times_into_one() -> None:
    from kg.disagree import _same_times
    from kg.disagree_text import When

    old, new, anytime = When("now", 2020 * 12), When("now", 2026 * 12), When("now", None)
    groups = _same_times([(old, "A"), (new, "B"), (anytime, "C")])  # type: ignore[list-item]
    assert sorted(sorted(items) for _, items in groups) == [["A", "C"], ["B", "C"]]


def test_a_past_cue_opening_a_sentence_makes_the_figure_past() -> None:
    from kg.disagree_text import _cues

    past = _cues().past
    # the cue alone (no past verb after it) makes it past, capitalised or not
    assert past.search("Formerly, China supplies 90% of it.")
    assert past.search("At the time, China supplies 90% of it.")
