"""Dates of texts that look back (round 23), each in invented words.

A memoir or a retrospective tells a story of years ago to the month ("It was the morning of
3 March 2011"); a day without a year in the next paragraphs goes on with that story while
every date since has been of its year, not the article's own time.  A story of the year
before the article's may be the article's own time, and a bare year sets no scene.

An undated document gives its own date in a place-and-date line at its head ("Borgo /
Valdia, 6 September 2023") or under a letter's signature, or as one part of a masthead
between dashes or slashes; that date is the article's, so its "says" and its days without
a year count from it.
"""

from __future__ import annotations

import datetime as dt

from kg.extract.dates import find_dates
from kg.ingest import parse_article
from kg.model import Article


def dates(text: str, anchor: dt.date) -> list[tuple[str, str]]:
    """(text, ISO date) of each date of ``text`` against the article's own ``anchor``."""
    return [(d.span.text, d.date.isoformat()) for d in find_dates(text, anchor)]


def parsed(text: str) -> Article:
    """The article ``text`` is, read as an input file."""
    return parse_article(text.encode("utf-8"), identifier="a.txt")


MEMOIR_DAY = dt.date(2024, 2, 1)


def test_a_memoirs_yearless_day_in_the_next_paragraph_keeps_the_storys_year() -> None:
    text = ("It was the morning of 3 March 2011 when the first telegram reached the "
            "consulate. By the next day the capital had protested.\n\n"
            "Borduria answered in kind. On 9 April, its deputy minister summoned our envoy.")
    assert ("9 April", "2011-04-09") in dates(text, MEMOIR_DAY)


def test_a_retrospectives_month_in_a_later_paragraph_keeps_the_storys_year() -> None:
    text = ("The decisive step came at the end of February 2017, when the mill agreed to "
            "sell its land.\n\n"
            "The mill paid first. Inspectors closed twelve of its shops. In September, it "
            "said it would leave the market.")
    assert ("September", "2017-09") in dates(text, dt.date(2025, 3, 14))


def test_a_story_of_the_year_before_may_be_the_articles_own_time() -> None:
    text = ("A year later, on 17 October 2023, the agency tightened the rules further.\n\n"
            "The latest layer arrived on 2 December, when it listed forty firms.")
    assert ("2 December", "2024-12-02") in dates(text, dt.date(2024, 12, 10))


def test_a_bare_year_sets_no_scene_for_a_later_day() -> None:
    text = ("In 2011 the consulate first protested.\n\n"
            "On 9 April, the ministry summoned the envoy again.")
    assert ("9 April", "2011-04-09") not in dates(text, dt.date(2024, 6, 1))


def test_a_date_of_the_articles_own_time_ends_the_story() -> None:
    text = ("It was the morning of 3 March 2011 when the telegram came.\n\n"
            "Last week the ministry said it would review the case. On 9 April, it "
            "summoned the envoy.")
    assert ("9 April", "2011-04-09") not in dates(text, dt.date(2024, 6, 1))


def test_a_letters_place_and_date_line_at_its_head_dates_it() -> None:
    article = parsed("OPEN LETTER TO THE MINISTERS\n\nFrom the Canal Traders' Union\n"
                     "Borgo / Valdia, 6 September 2023\n\nExcellencies,\n\n"
                     "We write about the closure of the canal.\n")
    assert article.metadata.date == dt.date(2023, 9, 6)


def test_a_letters_closing_place_and_date_line_dates_it() -> None:
    article = parsed("CHAIRMAN'S STATEMENT\n\nDear Shareholders,\n\n"
                     "The border fee hurt our sales in December.\n\n"
                     "Jane Roe\nChair\n\nPort Sable, 28 March 2017\n")
    assert article.metadata.date == dt.date(2017, 3, 28)


def test_a_sentence_ending_in_a_date_is_no_place_and_date_line() -> None:
    article = parsed("Canal closure\n\nThe ban took effect on Monday, January 5, 2026.\n\n"
                     "Traders said they had not been warned.\n")
    assert article.metadata.date is None


def test_a_masthead_part_between_dashes_dates_the_page_and_keeps_its_title() -> None:
    article = parsed("WXYZ NEWSRADIO 990 — MORNING BULLETIN — MONDAY, MARCH 3, 2025\n"
                     "SLUG: CANAL FEES / WRITER: JROE\n\n"
                     "The ministry this morning doubled the canal fee.\n")
    assert article.metadata.date == dt.date(2025, 3, 3)
    assert article.metadata.title is not None
    assert article.metadata.title.startswith("WXYZ NEWSRADIO 990")


def test_a_newsletters_mailed_date_dates_it() -> None:
    article = parsed("THE MILL LANE GAZETTE\n"
                     "Newsletter of the Mill Lane Society | Issue 4 | Mailed October 16, 2023\n\n"
                     "Our new exhibit opens this Saturday.\n")
    assert article.metadata.date == dt.date(2023, 10, 16)
