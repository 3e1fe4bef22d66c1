"""Reading article files: header, exact text, metadata from the text, clear errors."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from kg.errors import IngestError
from kg.ingest import (
    MAX_BYTES,
    ignored_files,
    infer_dateline_year,
    iter_article_paths,
    parse_article,
    read_article,
)

ROOT = Path(__file__).resolve().parent.parent


def parse(text: str | bytes) -> object:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_article(raw, identifier="a.txt")


def test_header_fields_become_metadata_and_text_starts_after_the_header() -> None:
    article = parse("title: Ban\ndate: 2026-01-07\npublisher: Wire\nauthor: A. B\n---\nBody.\n")
    assert article.text == "Body.\n"
    assert article.metadata.title == "Ban"
    assert article.metadata.date == dt.date(2026, 1, 7)
    assert article.metadata.publisher == "Wire"
    assert article.metadata.author == "A. B"


def test_a_header_opened_by_a_dashed_line_is_read_as_front_matter() -> None:
    # Markdown and static-site files open their front matter with "---" as well.
    article = parse("---\ntitle: Ban\ndate: 2026-01-07\n---\nBody.\n")
    assert article.text == "Body.\n"
    assert article.metadata.title == "Ban"
    assert article.metadata.date == dt.date(2026, 1, 7)


def test_a_text_opening_with_a_dashed_line_and_no_header_key_is_all_text() -> None:
    article = parse("---\nChina banned exports on Tuesday.\n")
    assert article.text == "---\nChina banned exports on Tuesday.\n"
    assert article.metadata.title is None


def test_a_header_url_is_kept() -> None:
    article = parse("title: T\nurl: https://example.org/news/2026/01/ban?id=7\n---\nBody")
    assert article.metadata.url == "https://example.org/news/2026/01/ban?id=7"


@pytest.mark.parametrize(("key", "meant"), [("autor", "author"), ("titel", "title"),
                                             ("dat", "date"), ("publsher", "publisher")])
def test_a_header_key_that_looks_misspelt_is_noted_not_refused(key: str, meant: str) -> None:
    article = parse(f"title: T\n{key}: x\n---\nBody")
    assert article.notes == [f"header line 2: '{key}' is not a key kg reads (did you mean "
                             f"'{meant}'?); its value was ignored"]


def test_an_unknown_header_key_unlike_any_known_one_is_not_noted() -> None:
    assert parse("title: T\nlanguage: en\nsection: World\n---\nBody").notes == []


def test_unknown_header_keys_are_ignored() -> None:
    article = parse("title: T\nlanguage: en\n---\nBody.")
    assert article.metadata.title == "T"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("title: T\nnot a header line\n---\nBody", "line 2"),
        ("title: T\ndate: 12/03/2026\n---\nBody", r"ambiguous in that form\): write it as YYYY"),
        ("title: T\ndate: March 2026\n---\nBody", "not a date kg reads: write it as YYYY-MM-DD"),
        ("title: T\ndate: 2026-02-30\n---\nBody", "not a date kg reads: write"),
        ("title: T\ntitle: U\n---\nBody", "given twice"),
        ("title: T\ndate: 2026-01-07\n", "no '---'"),
        ("title: T\ndate: 2026-01-07\n\nBody", "line 3: a blank line inside the header"),
        ("---\ntitle: T\nnot a header line\n---\nBody", "line 3"),
        ("title: T\n---\n   \n", "no text"),
        ("title: T\nurl: not a url\n---\nBody", "line 2: url 'not a url' is not an http"),
        ("title: T\nurl: www.example.org/a\n---\nBody", "is not an http"),
        ("title: T\nurl: https://example.org/a b\n---\nBody", "is not a valid address"),
    ],
)
def test_malformed_header_is_a_clear_error(text: str, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        parse(text)


@pytest.mark.parametrize("written", ["2026-01-07", "2026-01-07T09:30:00Z", "7 Jan 2026",
                                     "January 7, 2026", "7 January 2026"])
def test_a_header_date_may_be_a_timestamp_or_a_date_in_words(written: str) -> None:
    article = parse(f"title: T\ndate: {written}\n---\nBody.")
    assert article.metadata.date == dt.date(2026, 1, 7)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("caf\u00e9".encode("latin-1") + b"\nmore", "not valid UTF-8: byte 0xe9 at offset 3"),
        ("caf\u00e9".encode("latin-1") + b"\nmore", r"Latin-1 .*iconv -f latin-1 -t utf-8"),
        ("it\u2019s \u201cfine\u201d".encode("cp1252"), r"Windows-1252 .*iconv -f cp1252"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF, not a text article"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16 after its byte order mark"),
    ],
)
def test_unusable_bytes_are_rejected_with_the_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        parse(raw)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_file_with_its_byte_order_mark_is_read(encoding: str) -> None:
    text = "title: Zoé\ndate: 2026-03-12\n---\n“Quoted,” she said.\n"
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    article = parse(raw)
    assert article.metadata.title == "Zoé" and article.text == "“Quoted,” she said.\n"


def test_oversized_file_is_rejected_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(IngestError, match="larger than"):
        read_article(big)


def test_byte_order_mark_is_not_part_of_the_text() -> None:
    assert parse("\ufeffHello world.\nSecond line.").text == "Hello world.\nSecond line."


def test_text_is_kept_exactly_including_carriage_returns() -> None:
    text = "Title line\r\nBody “quoted” — text.\r\n"
    assert parse(text).text == text


def test_byline_and_date_line_become_author_and_date_with_spans() -> None:
    article = parse("By Jane Roe\nMarch 3, 2025\nSomething happened in Oslo today.\n")
    assert article.metadata.author == "Jane Roe"
    assert article.metadata.date == dt.date(2025, 3, 3)
    for key, span in article.metadata_spans.items():
        assert article.text[span.begin : span.end] == span.text, key


def test_dateline_gives_the_date_but_no_title() -> None:
    article = parse("Oslo — 4 February 2025 — The council voted.\nMore text.\n")
    assert article.metadata.date == dt.date(2025, 2, 4)
    assert article.metadata.title is None


def test_a_dateline_paragraph_is_followed_by_no_title() -> None:
    article = parse("Oslo — 4 February 2025 — The council voted.\nA short second line\n"
                    "More text.\n")
    assert article.metadata.title is None


def test_the_title_may_follow_a_release_date_line() -> None:
    article = parse("Release time: 2024-10-09 16:45  Source: Trade Remedy Bureau\n\n"
                    "Spokesperson answers questions on duties on imported cheese\n\n"
                    "Question: What is the ministry's view?\n")
    assert article.metadata.date == dt.date(2024, 10, 9)
    assert article.metadata.title == "Spokesperson answers questions on duties on imported cheese"
    span = article.metadata_spans["title"]
    assert article.text[span.begin:span.end] == article.metadata.title


@pytest.mark.parametrize(("line", "date", "written"), [
    ("Release date: Reiwa 6 year (2024) March 4", dt.date(2024, 3, 4),
     "Reiwa 6 year (2024) March 4"),
    ("Heisei 31 April 30", dt.date(2019, 4, 30), "Heisei 31 April 30"),
    ("Published: Reiwa 2 year 11 month 9 day", dt.date(2020, 11, 9),
     "Reiwa 2 year 11 month 9 day"),
    ("Reiwa first year May 7", dt.date(2019, 5, 7), "Reiwa first year May 7"),
])
def test_a_japanese_era_date_of_a_translated_release_dates_the_article(
    line: str, date: dt.date, written: str
) -> None:
    article = parse(f"{line}\nFisheries Agency\n\nThe agency lifted the ban on scallops.\n")
    assert article.metadata.date == date
    span = article.metadata_spans["date"]
    assert article.text[span.begin:span.end] == written


def test_a_labelled_subject_line_is_the_title() -> None:
    article = parse("Date of issue: 2025-02-03\nMinistry of Agriculture / Plant Quarantine Office\n"
                    "Subject: On the suspension of imports of fresh mangoes (provisional)\n\n"
                    "The ministry suspended imports of fresh mangoes from 3 February.\n")
    assert article.metadata.title == "On the suspension of imports of fresh mangoes (provisional)"
    span = article.metadata_spans["title"]
    assert article.text[span.begin:span.end] == article.metadata.title


def test_a_long_headline_in_the_present_tense_is_a_title_even_with_a_full_stop() -> None:
    line = ("Seoul bans scrap steel sales to its neighbour! Mills protest, and the trade "
            "ministry says nothing more.")
    article = parse(f"{line}\nOn March 3, 2025, Seoul said exports would stop.\n")
    assert article.metadata.title == line


def test_a_lead_sentence_is_not_taken_for_a_title() -> None:
    article = parse("Chile will appeal a panel ruling that its copper levy breaks the rules of "
                    "trade, the mining minister said on Friday.\n\nThe panel ruled last week.\n")
    assert article.metadata.title is None


def test_a_short_headline_with_a_full_stop_is_still_a_title() -> None:
    assert parse("Chile appeals copper ruling.\n\nThe panel ruled.\n").metadata.title == \
        "Chile appeals copper ruling."


def test_a_byline_with_several_names_gives_each_author_and_no_single_span() -> None:
    article = parse("Copper levy ruled unlawful\n\nBy Ana Ruiz and Tom Berg\n\n"
                    "SANTIAGO, March 3, 2025 - The panel ruled.\n")
    assert article.metadata.author_names() == ["Ana Ruiz", "Tom Berg"]
    assert "author" not in article.metadata_spans


def test_a_time_zone_in_parentheses_may_follow_a_numeric_date() -> None:
    article = parse("Cabinet adds export curbs\n\n2023/07/29 18:10 (JST)\n\nThe cabinet decided.\n")
    assert article.metadata.date == dt.date(2023, 7, 29)


def test_title_line_with_outlet_gives_title_and_publisher() -> None:
    article = parse("Council Votes on Budget | Daily Brief\n\nThe council voted.\n")
    assert article.metadata.title == "Council Votes on Budget"
    assert article.metadata.publisher == "Daily Brief"


def test_nothing_is_invented_when_the_text_is_silent() -> None:
    long_first = "The council voted on a long list of items " * 6
    article = parse(long_first + "\nMore text follows here.\n")
    assert article.metadata.date is None
    assert article.metadata.author is None
    assert article.metadata.publisher is None


def test_impossible_dateline_date_is_left_out() -> None:
    assert parse("February 30, 2025\nText here.\n").metadata.date is None


def test_folders_expand_to_sorted_text_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.md").write_text("x")
    assert [p.name for p in iter_article_paths([tmp_path])] == ["a.txt", "b.txt"]


def test_folders_take_txt_in_any_case_and_pass_over_hidden_folders(tmp_path: Path) -> None:
    (tmp_path / "Report.TXT").write_text("a")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("x")
    assert [p.name for p in iter_article_paths([tmp_path])] == ["Report.TXT"]


def test_the_files_a_folder_holds_besides_articles_are_listed(tmp_path: Path) -> None:
    for name in ("a.txt", "notes.md", "report.pdf", "README.md", "LICENSE"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.bin").write_text("x")
    assert [p.name for p in ignored_files(tmp_path)] == ["notes.md", "report.pdf"]


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "a.txt").write_text("a")
    (inner / "b.txt").write_text("b")
    paths = [tmp_path, inner, tmp_path / "a.txt", tmp_path / "inner" / ".." / "a.txt"]
    assert [p.name for p in iter_article_paths(paths)] == ["a.txt", "b.txt"]


def test_seed_files_are_byte_identical_to_the_shared_seeds() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not present on this machine")
    ours = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert ours == sorted(p.name for p in shared.glob("*.txt"))
    for name in ours:
        assert (ROOT / "seeds" / name).read_bytes() == (shared / name).read_bytes()


def test_seed_metadata_comes_from_the_text() -> None:
    seeds = {p.name[:3]: read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))}
    assert seeds["001"].metadata.date == dt.date(2026, 1, 7)
    assert seeds["002"].metadata.publisher == "Quick Digest"
    assert seeds["004"].metadata.author == "Micah Jonah"
    assert seeds["004"].metadata.date == dt.date(2026, 1, 8)
    assert seeds["003"].metadata.date is None


@pytest.mark.parametrize(
    ("first_line", "date"),
    [
        ("SEOUL, Sept. 11, 2019 - South Korea filed a complaint.", dt.date(2019, 9, 11)),
        ("TOKYO, Jan. 8, 2026 (Kyodo) -- Japan said it would respond.", dt.date(2026, 1, 8)),
        ("The Hague, 3 March 2025 — The Dutch government said so.", dt.date(2025, 3, 3)),
        ("Thursday, January 8, 2026", dt.date(2026, 1, 8)),
    ],
)
def test_wire_datelines_with_abbreviated_months_and_agencies_give_the_date(
    first_line: str, date: dt.date
) -> None:
    article = parse(first_line + "\nMore text follows.\n")
    assert article.metadata.date == date
    span = article.metadata_spans["date"]
    assert article.text[span.begin : span.end] == span.text


def test_the_seed_gold_copy_is_identical_to_the_shared_gold() -> None:
    shared = ROOT.parent / "shared" / "eval" / "seeds-gold.json"
    if not shared.is_file():
        pytest.skip("../shared/eval is not present on this machine")
    assert (ROOT / "tests" / "data" / "seeds-gold.json").read_bytes() == shared.read_bytes()


DATES = ROOT / "tests" / "fixtures" / "dates"


def test_a_yearless_wire_dateline_takes_the_year_its_weekday_settles() -> None:
    # "FREDVILLE, Mar 6 (Kell Wire) - Freedonia on Friday ...": the text names 2026 (and
    # 2019); 6 March 2026 is a Friday, so the year is 2026.  The agency is the publisher.
    article = read_article(DATES / "wire_dateline_without_year.txt")
    assert article.metadata.date == dt.date(2026, 3, 6)
    assert article.metadata.publisher == "Kell Wire"
    assert article.metadata_spans["date"].text == "Mar 6"


def test_a_yearless_dateline_whose_year_the_text_does_not_settle_gives_no_date() -> None:
    # The text names only December 2025, after "Jan 9": the article may be of 2026; no weekday
    # tells: the date is left out rather than guessed.
    assert read_article(DATES / "wire_dateline_year_unsettled.txt").metadata.date is None


@pytest.mark.parametrize(("text", "line", "year"), [
    ("Talks in 2025 failed.", "", 2025),
    ("Talks failed.", "", None),
    ("The plan runs until 2030. Talks in 2025 failed.", "", 2025),
    ("Talks in March 2025 failed.", "", None),
    ("Talks in March 2025 failed.", "Officials on Friday said", 2026),
])
def test_infer_dateline_year_takes_only_a_year_the_text_settles(
        text: str, line: str, year: int | None) -> None:
    # Dateline 9 January: 9 January 2026 was a Friday.
    assert infer_dateline_year(text, 1, 9, line) == year


def test_a_release_time_line_gives_the_date_and_its_source_the_publisher() -> None:
    article = read_article(DATES / "release_time_and_source.txt")
    assert article.metadata.date == dt.date(2026, 3, 5)
    assert article.metadata.publisher == "Ministry of Commerce News Office"
    for key, span in article.metadata_spans.items():
        assert article.text[span.begin:span.end] == span.text, key


@pytest.mark.parametrize(("line", "day"), [
    ("Kell Wire live desk | Thursday, 5 March 2026", dt.date(2026, 3, 5)),
    ("Interview by Ida Marsh | Published March 12, 2026", dt.date(2026, 3, 12)),
    ("Metals Weekly · Posted: 2026-03-09 · Issue 41", dt.date(2026, 3, 9)),
    ("Kell Wire | Mar 9, 2026 10:14 AM", dt.date(2026, 3, 9)),
    # year.month.day, as Korean and Chinese sites print it
    ("Ida Marsh | Published 2026.03.12 09:15 | Updated 2026.03.12 11:02", dt.date(2026, 3, 12)),
    # the time of day first, as Hong Kong and Taiwan sites print it
    ("Published: 8:15pm, 5 Mar 2026", dt.date(2026, 3, 5)),
    ("10:48 PM, 03/30/2026", dt.date(2026, 3, 30)),
    ("Kell Wire | Updated 09:12 GMT, 8 March 2026", dt.date(2026, 3, 8)),
    # a press release's own label, and a weekday in brackets after the date
    ("Ministry of Trade | Distribution date 2026.03.05.(Thu) | Embargo: none",
     dt.date(2026, 3, 5)),
    ("Date of issue: 5 March 2026", dt.date(2026, 3, 5)),
    ("Updated 9:41 PM GMT+9, March 27, 2026", dt.date(2026, 3, 27)),
])
def test_a_masthead_segment_holding_a_date_gives_the_date(line: str, day: dt.date) -> None:
    article = parse(f"Freedonia's metals row\n{line}\n\nThe council voted today.\n")
    assert article.metadata.date == day
    span = article.metadata_spans["date"]
    assert article.text[span.begin:span.end] == span.text


def test_a_place_and_agency_before_the_date_give_the_date_and_the_publisher() -> None:
    article = parse("Freedonia's metals row\n\nKell (AFP) - Mar 22, 2026\n\nThe council voted.\n")
    assert article.metadata.date == dt.date(2026, 3, 22)
    assert article.metadata.publisher == "AFP"


def test_a_wire_dateline_without_a_date_names_the_publisher() -> None:
    article = parse("Freedonia stages drills\n\nBy Ida Marsh\n\n"
                    "KELL CITY (AP) — Freedonia's navy began drills on Monday.\n")
    assert article.metadata.publisher == "AP"
    assert article.metadata.date is None
    plain = parse("Freedonia stages drills\n\nThe navy (its own) - began drills.\n")
    assert plain.metadata.publisher is None


def test_a_masthead_without_a_date_segment_gives_no_date() -> None:
    article = parse("Freedonia's metals row\nKell Wire | Markets | Metals\n\nText here.\n")
    assert article.metadata.date is None


def test_a_date_line_may_end_with_a_time_of_day() -> None:
    assert parse("Council votes\n8 March 2026 10:14 GMT\n\nText.\n").metadata.date == \
        dt.date(2026, 3, 8)


def test_a_masthead_byline_segment_gives_the_author() -> None:
    article = parse("Council votes\nBy Jane Roe | March 8, 2026\n\nThe council voted.\n")
    assert (article.metadata.author, article.metadata.date) == ("Jane Roe", dt.date(2026, 3, 8))
    span = article.metadata_spans["author"]
    assert article.text[span.begin:span.end] == "Jane Roe"


@pytest.mark.parametrize(("line", "day", "publisher"), [
    # an abbreviated weekday, a "·" and a time with a zone
    ("Sun 8 Mar 2026 · 10:05 CET", dt.date(2026, 3, 8), None),
    # segments glued to "|" and a time with seconds; "Source:" names the publisher
    ("Source: Kell Wire| 2026-03-08 20:14:37|Editor: Ida Marsh", dt.date(2026, 3, 8),
     "Kell Wire"),
    # segments set apart by runs of spaces
    ("2026-03-08 08:47   Source: Fredville Daily   Editor: Ida Marsh", dt.date(2026, 3, 8),
     "Fredville Daily"),
])
def test_a_web_page_metadata_line_gives_the_date_and_the_source(
        line: str, day: dt.date, publisher: str | None) -> None:
    article = parse(f"Council votes on metals\n\n{line}\n\nThe council voted today.\n")
    assert (article.metadata.date, article.metadata.publisher) == (day, publisher)
    for key, span in article.metadata_spans.items():
        assert article.text[span.begin:span.end] == span.text, key


def test_a_posted_on_line_gives_the_date_and_the_author_after_by() -> None:
    article = parse("Notes on metals\nPosted on March 8, 2026 by Ida Marsh\n\nI voted today.\n")
    assert (article.metadata.date, article.metadata.author) == (dt.date(2026, 3, 8), "Ida Marsh")
    assert article.metadata_spans["author"].text == "Ida Marsh"


def test_a_byline_in_capitals_gives_the_author_in_title_case() -> None:
    article = parse("Council votes\nBY IDA MARSH\n\nThe council voted.\n")
    assert article.metadata.author == "Ida Marsh"
    span = article.metadata_spans["author"]
    assert article.text[span.begin:span.end] == "IDA MARSH"


def test_an_end_date_with_a_day_is_not_a_year_the_text_reports() -> None:
    # "by Jan. 7, 2027" is when a probe should end: the dateline's year is the 2026 of the
    # events the text reports, not the later target.
    text = "The probe opened in 2026 and should end by Jan. 7, 2027."
    assert infer_dateline_year(text, 1, 8) == 2026


def test_a_scraped_pages_byline_and_date_below_its_menus_are_found() -> None:
    menus = "".join(f"Menu item {i} | Sports | Weather\n" for i in range(7))
    article = parse("Harbour council votes on port fees | Fjord Post\n" + menus +
                    "By Ola Nordmann\nMarch 4, 2025 08:15 CET | Updated March 4, 2025 10:02 CET\n"
                    "The council voted on Tuesday.\n")
    assert article.metadata.author == "Ola Nordmann"
    assert article.metadata.date == dt.date(2025, 3, 4)
    for key, span in article.metadata_spans.items():
        assert article.text[span.begin : span.end] == span.text, key


def test_a_date_line_far_down_without_a_byline_beside_it_is_not_the_articles_date() -> None:
    entries = "".join(f"Step {i}: the council met again.\n" for i in range(7))
    article = parse("How the port fee row unfolded\n" + entries +
                    "March 4, 2025   The council voted.\n")
    assert article.metadata.date is None
