"""Date expressions resolved against an anchor (kg.extract.dates): one form per test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from extract_support import STYLE_NAMES, actor, article, load_style, mentions

from kg.extract import extract
from kg.extract.context import build_context
from kg.extract.dates import find_dates, resolve_date
from kg.extract.statement_dates import timeline_entries
from kg.extract.statements import find_statements
from kg.ingest import read_article
from kg.model import Article, ArticleMetadata, day_and_month

WEDNESDAY = dt.date(2026, 1, 7)
DATES = Path(__file__).resolve().parent / "fixtures" / "dates"


def found(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(d.span.text, d.date.isoformat()) for d in find_dates(text, anchor)]


@pytest.mark.parametrize(("text", "iso"), [
    ("2026-01-08", "2026-01-08"),
    ("January 6, 2026", "2026-01-06"),
    ("Jan. 6, 2026", "2026-01-06"),
    ("6 January 2026", "2026-01-06"),
    ("the 6th of January, 2026", "2026-01-06"),
    ("November 2025", "2025-11"),
    ("late December 2025", "2025-12"),
])
def test_dates_with_a_year_resolve_without_an_anchor(text: str, iso: str) -> None:
    assert resolve_date(text, None) is not None
    assert resolve_date(text, None).isoformat() == iso  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "iso"), [
    ("Jan. 6", "2026-01-06"),
    ("January 6", "2026-01-06"),
    ("6 January", "2026-01-06"),
    ("Sept. 30", "2025-09-30"),
])
def test_a_day_without_a_year_takes_the_anchor_year_unless_that_is_months_ahead(
        text: str, iso: str) -> None:
    assert resolve_date(text, WEDNESDAY).isoformat() == iso  # type: ignore[union-attr]


def test_a_month_without_a_year_is_last_year_when_this_years_is_far_ahead() -> None:
    assert found("in early November", WEDNESDAY) == [("early November", "2025-11")]
    assert found("in mid-December", WEDNESDAY) == [("mid-December", "2025-12")]


def test_a_month_shortly_ahead_keeps_the_anchor_year() -> None:
    assert found("the fiscal year beginning in April", WEDNESDAY) == [("April", "2026-04")]


def test_a_future_cue_allows_a_date_further_ahead() -> None:
    assert found("The ban will take effect in September.", WEDNESDAY) == [
        ("September", "2026-09")]
    assert found("The ban took effect in September.", WEDNESDAY) == [("September", "2025-09")]


def test_weekdays_are_the_latest_such_day_on_or_before_the_anchor() -> None:
    assert found("declared on Tuesday", WEDNESDAY) == [("Tuesday", "2026-01-06")]
    assert found("said on Wednesday", WEDNESDAY) == [("Wednesday", "2026-01-07")]
    assert found("met on Friday", WEDNESDAY) == [("Friday", "2026-01-02")]


def test_last_weekday_is_never_yesterday_but_can_be_earlier_this_week() -> None:
    # Written on Wednesday 7 January: yesterday is "on Tuesday"; "last Tuesday" is a week
    # before.  Two days back or more, "last" names the latest such day.
    assert found("banned exports last Tuesday", WEDNESDAY) == [("last Tuesday", "2025-12-30")]
    assert found("met last Monday", WEDNESDAY) == [("last Monday", "2026-01-05")]
    assert found("advised citizens last Friday", WEDNESDAY) == [("last Friday", "2026-01-02")]
    assert found("said last Wednesday", WEDNESDAY) == [("last Wednesday", "2025-12-31")]


def test_next_weekday_and_future_tense_look_ahead() -> None:
    assert found("talks next Friday", WEDNESDAY) == [("next Friday", "2026-01-09")]
    assert found("They will meet on Monday", WEDNESDAY) == [("Monday", "2026-01-12")]


def test_the_same_day_is_the_last_day_mentioned_before() -> None:
    text = "China announced the ban on January 6. Japan protested on the same day."
    assert found(text, dt.date(2026, 1, 8))[-1] == ("the same day", "2026-01-06")


def test_the_next_day_follows_the_last_day_mentioned() -> None:
    text = "The ban came on 6 January. The following day, Japan protested."
    assert found(text, dt.date(2026, 1, 8))[-1] == ("The following day", "2026-01-07")


@pytest.mark.parametrize(("text", "iso"), [
    ("last month", "2025-12"),
    ("this month", "2026-01"),
    ("last year", "2025"),
    ("earlier this year", "2026"),
    ("yesterday", "2026-01-06"),
    ("today", "2026-01-07"),
    ("two years ago", "2024"),
])
def test_relative_expressions_resolve_against_the_anchor(text: str, iso: str) -> None:
    assert resolve_date(text, WEDNESDAY).isoformat() == iso  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "anchor", "iso"), [
    ("earlier this week", dt.date(2026, 3, 6), "2026-03"),
    ("this week", dt.date(2026, 3, 6), "2026-03"),
    ("last week", dt.date(2026, 3, 12), "2026-03"),
    ("last week", dt.date(2026, 3, 4), "2026"),      # 23 Feb to 1 Mar: two months
    ("this week", dt.date(2026, 1, 1), None),        # 29 Dec to 1 Jan: two years
])
def test_a_week_resolves_to_the_month_it_lies_in(text: str, anchor: dt.date,
                                                  iso: str | None) -> None:
    resolved = resolve_date(text, anchor)
    assert (resolved.isoformat() if resolved else None) == iso


def test_relative_expressions_do_not_resolve_without_an_anchor() -> None:
    assert found("on Tuesday, last month and yesterday, in November", None) == []


def test_on_the_nth_day_is_a_day_of_the_current_month() -> None:
    assert found("On 8th day, the ministry announced", dt.date(2026, 1, 10)) == [
        ("8th day", "2026-01-08")]
    assert found("It happened on the 3rd.", dt.date(2026, 1, 10)) == [("the 3rd", "2026-01-03")]


def test_ordinal_ranks_are_not_days() -> None:
    assert found("the 8th largest economy", WEDNESDAY) == []


def test_new_years_address_is_the_last_day_of_the_year_before() -> None:
    assert found("In his New Year's address, Xi said", WEDNESDAY) == [
        ("his New Year's address", "2025-12-31")]


def test_a_bare_year_needs_a_cue_word() -> None:
    assert found("in 2025 and late 2024", WEDNESDAY) == [("2025", "2025"), ("late 2024", "2024")]
    assert found("about 2000 items", WEDNESDAY) == []


def test_may_and_march_are_dates_only_with_a_day_year_or_cue() -> None:
    assert found("China may impose curbs.", WEDNESDAY) == []
    assert found("in May", WEDNESDAY) == [("May", "2025-05")]
    assert found("on May 5", WEDNESDAY) == [("May 5", "2025-05-05")]


def test_impossible_dates_are_ignored() -> None:
    assert found("February 30, 2026", WEDNESDAY) == []


def test_a_month_name_that_is_not_capitalised_is_not_a_date() -> None:
    assert found("the march on the capital", WEDNESDAY) == []


def test_date_spans_count_into_the_text() -> None:
    text = "On January 6, 2026, and on Tuesday, and the same day, and last month."
    for mention in find_dates(text, WEDNESDAY):
        assert text[mention.span.begin:mention.span.end] == mention.span.text


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_style_fixture_dates_resolve_as_annotated(name: str) -> None:
    style = load_style(name)
    got = {(d.span.text, d.date.isoformat())
           for d in find_dates(style.article.text, style.article.anchor_date)}
    for item in style.expected.get("dates", []):
        assert (item["text"], item["date"]) in got, f"{name}: {item} not in {sorted(got)}"


def test_a_header_less_fixture_anchors_on_the_date_line_of_its_text() -> None:
    style = load_style("headerless")
    meta = style.expected["metadata"]
    assert style.article.metadata.title == meta["title"]
    assert style.article.metadata.author == meta["author"]
    assert style.article.anchor_date == dt.date.fromisoformat(meta["date"])


# -- a date borrowed from the corpus gives only a year ----------------------------------------

def test_a_corpus_reference_date_gives_yearless_dates_their_year_only() -> None:
    text = ("Tarn Metals said on Monday it had enough gallium. The curbs of Jan. 6 add to "
            "last April's controls, the talks of early November and yesterday's meeting.")
    got = [(d.span.text, d.date.isoformat())
           for d in find_dates(text, dt.date(2026, 1, 15), own_anchor=False)]
    assert got == [("Jan. 6", "2026-01-06"), ("early November", "2025-11")]


def test_an_undated_article_leaves_counted_days_unresolved_in_statements() -> None:
    art = read_article(DATES / "undated_relative_dates.txt")
    art.reference_date = dt.date(2026, 1, 15)  # as kg build sets it from the corpus
    ctx = build_context(art, [])
    assert [(d.span.text, d.date.isoformat()) for d in ctx.dates] == [
        ("Jan. 6", "2026-01-06"), ("early November", "2025-11")]


def test_last_and_next_before_a_month_count_from_the_anchor_month() -> None:
    assert found("after last April's curbs", WEDNESDAY) == [("April", "2025-04")]
    assert found("talks next March", WEDNESDAY) == [("March", "2026-03")]


# -- translated styles -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iso"), [
    ("Ministry of Commerce on 6th this month issued", "2026-01-06"),
    ("the 2nd of next month", "2026-02-02"),
    ("Last year November, the ministry", "2025-11"),
    ("in November last year", "2025-11"),
])
def test_translated_day_and_month_phrases_resolve_against_the_anchor(text: str, iso: str) -> None:
    assert [d.date.isoformat() for d in find_dates(text, dt.date(2026, 1, 15))] == [iso]


def test_a_bare_ordinal_day_takes_a_month_named_in_its_paragraph_only() -> None:
    art = read_article(DATES / "translated_ordinal_days.txt")
    got = [(d.span.text, d.date.isoformat()) for d in build_context(art, []).dates]
    assert got == [("6th this month", "2026-01-06"), ("Last year November", "2025-11"),
                   ("9 October 2025", "2025-10-09"), ("14th", "2026-01-14")]


# -- statement dates -----------------------------------------------------------------------------

def test_timeline_entries_date_their_statements_by_the_heading() -> None:
    art = read_article(DATES / "timeline_entries.txt")
    table = [actor("Karl Brandt", "person", "Karl Brandt", "Brandt"),
             actor("Ruritania", "state", "Ruritania", "Ruritanian"),
             actor("Mira Sol", "person", "Mira Sol"), actor("Ida Marsh", "person", "Ida Marsh")]
    found = find_statements(art, mentions(art.text, table))
    got = [(s.speaker, s.date.isoformat() if s.date else None) for s in found]
    # "tells", "calls", "says", "condemns": a timeline's historical present is the entry's
    # day, not the article's; a quote after the timeline has no date.
    assert got == [("Karl Brandt", "2025-11-07"), ("Karl Brandt", "2025-12"),
                   ("Ruritania", "2025-12"), ("Mira Sol", "2025-12-29"), ("Ida Marsh", None)]


def test_timeline_entries_are_paragraphs_opening_with_a_date_and_a_dash_or_colon() -> None:
    art = read_article(DATES / "timeline_entries.txt")
    ctx = build_context(art, [])
    headings = sorted(d.isoformat() for d in timeline_entries(ctx).values())
    assert headings == ["2025-11-07", "2025-12", "2025-12-29"]


@pytest.mark.parametrize(("text", "iso"), [
    ("17/03/2020 – talks", "2020-03-17"),
    ("03/17/2020 – talks", "2020-03-17"),
])
def test_a_slashed_date_resolves_when_one_number_cannot_be_a_month(text: str, iso: str) -> None:
    assert [d.date.isoformat() for d in find_dates(text, None)] == [iso]


def test_a_slashed_date_that_could_be_either_day_or_month_is_left_out() -> None:
    assert find_dates("03/07/2020 – talks", WEDNESDAY) == []


@pytest.mark.parametrize(("first", "second", "order"), [
    (17, 3, (17, 3)), (3, 17, (17, 3)), (6, 1, None), (13, 14, None),
])
def test_the_day_of_two_numbers_is_the_one_that_cannot_be_a_month(
        first: int, second: int, order: tuple[int, int] | None) -> None:
    # The one rule the byline reader (kg.ingest) and the date scan share.
    assert day_and_month(first, second) == order


def test_a_timeline_entry_with_an_unreadable_heading_gives_no_date_not_the_articles() -> None:
    text = "03/07/2020 – Karl Brandt says the talks failed.\n"
    art = article(text, date="2026-01-08")
    [s] = find_statements(art, mentions(text, [actor("Karl Brandt", "person", "Karl Brandt")]))
    assert s.date is None


def test_the_word_filter_of_the_date_scan_misses_no_match_of_the_full_pattern() -> None:
    # find_dates tries the date pattern only where a word that can begin a date starts: on
    # every form the pattern knows (each opening word of the patterns and the data), alone
    # and together, in any case, and on the fixture texts, it must find what scanning every
    # position finds.
    from kg.extract.dates import _scan, _tables

    forms = [
        "2026-01-08", "17/03/2020", "on the 6th this month", "Last year November",
        "November of last year", "Jan. 6, 2026", "the 6th of January, 2026", "Sept. 30",
        "Sep. 4", "6 January", "late December 2025", "the end of March 2020", "in mid-December",
        "mid 2024", "early 2025", "on Tuesday", "next Friday", "coming Monday", "this Sunday",
        "last Saturday", "Wednesday", "Thursday", "on his New Year's address",
        "her New Year message", "its Christmas Eve", "their Boxing Day", "during Christmas",
        "at Christmas Day", "in New Year's speech", "that same day", "that date",
        "the following day", "a day later", "the day before", "today", "yesterday",
        "tomorrow", "earlier this month", "later this year", "past year", "this week",
        "later this week", "an year ago", "a few years ago", "several months ago",
        "5 months ago", *(f"{n} years ago" for n in "one two three four five six seven eight "
                          "nine ten".split()),
        "on the 8th", "8th day", "on 14th", "the 3rd", "Feb 2", "Mar. 3, 2024", "Apr 9",
        "Jun 1", "Jul 2", "Aug 3", "Oct 4", "Nov 5", "Dec 6", "in May", "February", "March 4",
        "April", "June", "July", "August", "September 2025", "October", "ＪAN. 6",
        "ſeptember 2025", "1９ March 2020",
    ]
    for words in (forms[:], [f.split(" ", 1)[-1] for f in forms]):
        forms += [f.upper() for f in words] + [f.lower() for f in words]
    texts = [*forms, "; ".join(forms), "\n".join(forms)]
    root = Path(__file__).resolve().parent
    for path in sorted([*root.glob("fixtures/**/*.txt"), *root.parent.glob("seeds/*.txt")]):
        texts.append(path.read_text(encoding="utf-8"))
    tables = _tables()
    for text in texts:
        assert [m.span() for m in _scan(text, tables)] == \
            [m.span() for m in tables.regex.finditer(text)], text


@pytest.mark.parametrize(("text", "last"), [
    # machine-translated styles: a date in Chinese word order, "same day" with no article,
    # an ordinal day with a part of the day
    ("2023 year 8 month 24 day, the customs acted.", ("2023 year 8 month 24 day", "2023-08-24")),
    ("The ban came on 5 January. On same day, Tokyo protested.", ("same day", "2026-01-05")),
    ("At the press conference of 6th morning, he spoke.", ("6th morning", "2026-01-06")),
])
def test_machine_translated_date_styles_resolve(text: str, last: tuple[str, str]) -> None:
    assert found(text)[-1] == last


def test_a_vague_count_ago_gives_no_date_and_does_not_fail_the_article() -> None:
    text = ("Ruritania tightened its licences a few years ago, again several months ago and "
            "once more three years ago, the ministry said on Monday.")
    assert [iso for _, iso in found(text)] == ["2023", "2026-01-05"]
    # It used to raise inside find_dates, which left the whole article out of a build.
    text = ("Japan's Ministry of Economy, Trade and Industry said on Monday that China had "
            "tightened export licences for gallium a few years ago and again several months ago.")
    extraction = extract(Article("vague_ago.txt", text, ArticleMetadata(date=WEDNESDAY)))
    assert [(s.speaker, s.date.isoformat() if s.date else None)
            for s in extraction.statements] == [
        ("Ministry of Economy, Trade and Industry", "2026-01-05")]
    assert [(m.issuer, m.date) for m in extraction.measures] == [("China", None)]
