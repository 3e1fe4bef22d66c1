"""Front matter of headerless documents that are no news story: dates in other forms and
labels, and the lines above a title that are no title.  One phenomenon per test, in
inline texts written for it."""

from __future__ import annotations

import datetime as dt

from kg.ingest import parse_article
from kg.model import Article


def parse(text: str) -> Article:
    return parse_article(text.encode("utf-8"), identifier="a.txt")


def _spans_hold(article: Article) -> None:
    for key, span in article.metadata_spans.items():
        assert article.text[span.begin:span.end] == span.text, key


def test_a_source_label_and_a_published_label_on_one_line_are_two_fields() -> None:
    article = parse("Ministry lists nine drone makers\n\n"
                    "Source: Harbour Daily Published: 2024/3/7 09:05\n\n"
                    "The ministry on 6th listed nine firms.\n")
    assert article.metadata.publisher == "Harbour Daily"
    assert article.metadata.date == dt.date(2024, 3, 7)
    _spans_hold(article)


def test_a_year_first_date_without_leading_zeros_is_read() -> None:
    article = parse("Release time: 2023.11.4\nNotice on tungsten\n\nText of the notice.\n")
    assert article.metadata.date == dt.date(2023, 11, 4)


def test_an_answer_date_below_a_long_front_matter_is_the_date() -> None:
    article = parse("Parliament - Written answers\n\nTariffs: Steel\nQuestion for Treasury\n"
                    "UIN 501, tabled on 3 March 2025\n\nJane Roe (Bath North)\n"
                    "To ask the Chancellor what steel duties apply.\n\n"
                    "Answered on 10 March 2025\nJohn Doe, Economic Secretary\n\n"
                    "The Government applies a safeguard.\n")
    assert article.metadata.date == dt.date(2025, 3, 10)
    # the institution and the kind of record above the question's heading
    assert article.metadata.publisher == "Parliament"
    assert article.metadata.title == "Tariffs: Steel"
    _spans_hold(article)


def test_an_institution_line_above_a_rubric_is_the_publisher_not_the_title() -> None:
    article = parse("European Free Trade Association\nPress release\n4 June 2024 10:00\n\n"
                    "EFTA states sign an agreement with Kosovo\n\n"
                    "The EFTA states today signed a free trade agreement.\n")
    assert article.metadata.publisher == "European Free Trade Association"
    assert article.metadata.title == "EFTA states sign an agreement with Kosovo"
    assert article.metadata.date == dt.date(2024, 6, 4)
    _spans_hold(article)


def test_a_company_line_with_its_stock_code_heads_its_own_transcript() -> None:
    article = parse("Kestrel Optics Inc. (NYSE: KOP)\nQ3 2024 Earnings Call Transcript\n"
                    "Date: November 2, 2024\n\nOperator: Welcome to the call.\n")
    assert article.metadata.publisher == "Kestrel Optics Inc."
    assert article.metadata.title == "Q3 2024 Earnings Call Transcript"
    _spans_hold(article)


def test_a_column_name_and_a_section_label_are_no_title_and_no_outlet() -> None:
    article = parse("FAR HORIZONS | Interview\n\n\"Quotas are a blunt tool\"\n\n"
                    "Interview by Lena Marsh | 3 May 2025\n\nOur guest runs a port.\n")
    assert article.metadata.title == '"Quotas are a blunt tool"'
    assert article.metadata.publisher is None
    assert article.metadata.date == dt.date(2025, 5, 3)
    _spans_hold(article)


def test_a_posts_author_line_with_a_handle_gives_the_author_not_the_title() -> None:
    article = parse("Omar Haddad @ohaddad_trade\nFive export curbs this week. A thread. 1/5\n"
                    "8:15 AM · Mar 4, 2025\n\n2/5 Chile: the lithium royalty rises.\n")
    assert article.metadata.author == "Omar Haddad"
    assert article.metadata.title != "Omar Haddad @ohaddad_trade"
    assert article.metadata.date == dt.date(2025, 3, 4)
    _spans_hold(article)


def test_a_headline_above_its_section_label_stays_the_title() -> None:
    article = parse("Why the copper curbs will not last\nAnalysis\n12 May 2025\n\n"
                    "Zambia's ministers met on Monday.\n")
    assert article.metadata.title == "Why the copper curbs will not last"
    assert article.metadata.publisher is None


def test_a_rubric_alone_above_the_headline_is_no_title() -> None:
    article = parse("ANALYSIS\nHow the copper curbs hardened into a system\n\n"
                    "Zambia's ministers met on Monday.\n")
    assert article.metadata.title == "How the copper curbs hardened into a system"


def test_a_headline_that_names_a_ticker_stays_the_title() -> None:
    article = parse("Kestrel Optics beats forecasts (NYSE: KOP)\n\nShares rose 4% on Tuesday.\n")
    assert article.metadata.title == "Kestrel Optics beats forecasts (NYSE: KOP)"
    assert article.metadata.publisher is None
