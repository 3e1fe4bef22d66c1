"""Statement dates: which time in the text is the time of saying (kg.extract.statement_dates).

Fixtures are written for one phenomenon each, with their own actors and wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extract_support import actor, article, mentions

from kg.build import build
from kg.extract import extract
from kg.extract.dates import find_dates
from kg.extract.statements import find_statements
from kg.ingest import read_article
from kg.model import StatementMention
from kg.store import Store

INDONESIA = actor("Indonesia", "state", "Indonesia", "Jakarta")
TRADE = actor("Ministry of Trade of Indonesia", "government_body", "Indonesia's trade ministry",
              "the trade ministry", part_of="Indonesia")
DEWI = actor("Dewi Lestari", "person", "Dewi Lestari", "Lestari",
             affiliation="Ministry of Trade of Indonesia", role="spokeswoman")
RINA = actor("Rina Wati", "person", "Rina Wati", affiliation="Ministry of Trade of Indonesia",
             role="director general")
NORWAY = actor("Norway", "state", "Norway", "Oslo")
HOLM = actor("Arvid Holm", "person", "Arvid Holm", "Holm", affiliation="Norway",
             role="spokesman")
ORBIS = actor("Orbis Research", "organization", "Orbis Research")
SOLBERG = actor("Kari Solberg", "person", "Kari Solberg", "Solberg", affiliation="Norway")
YOMIURI = actor("Yomiuri Shimbun", "media", "Yomiuri Shimbun", "Yomiuri")
AGENCY = actor("Nordic Energy Agency", "government_body", "Nordic Energy Agency",
               "the agency")
TABLE = [INDONESIA, TRADE, DEWI, RINA, NORWAY, HOLM, ORBIS, SOLBERG, YOMIURI, AGENCY]


def run(text: str, date: str = "2026-03-12") -> list[StatementMention]:
    return find_statements(article(text, date=date), mentions(text, TABLE))


def dates_of(text: str, speaker: str, date: str = "2026-03-12") -> list[str | None]:
    found = [s for s in run(text, date) if s.speaker == speaker]
    assert found, [(s.speaker, s.span.text) for s in run(text, date)]
    return [s.date.isoformat() if s.date else None for s in found]


def test_a_spokespersons_undated_words_take_the_bodys_last_dated_statement() -> None:
    text = ("Indonesia's trade ministry said on Monday that nickel export quotas would stay "
            "in place for the year.\n\nSmelters in Sulawesi have cut shifts since January.\n\n"
            "Trade ministry spokeswoman Dewi Lestari told a weekly briefing that the quotas "
            "were \"final and not open to negotiation\".")
    assert dates_of(text, "Dewi Lestari") == ["2026-03-09"]


def test_an_official_right_after_the_bodys_dated_statement_takes_its_day() -> None:
    text = ("In Jakarta today, the trade ministry insisted the quotas are narrow. "
            "\"Buyers with civilian contracts will still be served,\" said Rina Wati.")
    assert dates_of(text, "Rina Wati") == ["2026-03-12"]


def test_said_at_the_time_takes_the_time_told_just_before() -> None:
    text = ("In October, Norway's navy held three days of exercises off Svalbard. Navy "
            "spokesman Arvid Holm said at the time that the drills were \"routine\".")
    assert dates_of(text, "Arvid Holm") == ["2025-10"]


def test_present_tense_estimates_take_the_articles_day_as_says_does_in_the_seeds() -> None:
    text = ("Orbis Research estimates that a six-month halt would cut Norway's output by 2%. "
            "Orbis Research says the risk is rising.")
    assert dates_of(text, "Orbis Research") == ["2026-03-12", "2026-03-12"]


def test_words_placed_after_a_later_event_do_not_inherit_an_earlier_date() -> None:
    text = ("Kari Solberg said on Monday that Oslo would not retaliate.\n\n"
            "Solberg said in a radio interview after the summit that she expected the "
            "truce to be extended.")
    assert dates_of(text, "Kari Solberg") == ["2026-03-09", None]


def test_a_date_after_an_according_to_source_belongs_to_the_event_reported() -> None:
    text = ("According to Yomiuri Shimbun report, on 4th, the Norwegian side through "
            "diplomatic channel informed the other side of a new quota.")
    assert dates_of(text, "Yomiuri Shimbun") == [None]


def test_a_year_naming_which_statement_is_not_the_time_of_saying() -> None:
    text = "In its first bulletin of 2025, the Nordic Energy Agency warned that prices would rise."
    assert dates_of(text, "Nordic Energy Agency") == [None]


def _resolved(text: str, anchor: str) -> dict[str, str]:
    return {m.span.text: m.date.isoformat()
            for m in find_dates(text, dt.date.fromisoformat(anchor))}


def test_a_yearless_day_followed_by_this_year_takes_the_anchors_year() -> None:
    text = ("Cobalt has needed a licence since May 2022, and lithium since March 3 this "
            "year.")
    assert _resolved(text, "2024-11-20")["March 3"] == "2024-03-03"


def test_the_same_day_does_not_refer_back_to_the_start_of_a_state() -> None:
    text = ("Oslo announced the quota on June 4, 2025.\n\nLithium has been licensed since "
            "Feb. 2.\n\nThe same day, two industry groups urged restraint.")
    assert _resolved(text, "2025-06-05")["The same day"] == "2025-06-04"


def test_a_live_blog_heading_on_its_own_line_dates_the_paragraph_below_it() -> None:
    text = ("14:10 WIB – Jakarta answers Oslo\n"
            "Trade ministry spokeswoman Dewi Lestari said the quotas were \"not a weapon\".\n"
            "01:05 WIB (Mar. 13) – Late reaction\n"
            "Kari Solberg said Norway would study the reply before the weekend.\n")
    assert dates_of(text, "Dewi Lestari") == ["2026-03-12"]
    # past the blog's own date (12 March) the heading's day is no date: kgsh:Statement-13
    assert dates_of(text, "Kari Solberg") == [None]
    assert dates_of(text, "Kari Solberg", date="2026-03-13") == ["2026-03-13"]


def test_a_title_line_ends_what_a_live_blog_heading_dates() -> None:
    text = ("09:30 WIB – Quotas confirmed\n"
            "Dewi Lestari said the quotas would stay.\n"
            "Background and analysis\n"
            "Kari Solberg said the truce would hold.\n")
    assert dates_of(text, "Kari Solberg") == [None]


def test_an_officials_undated_words_take_the_day_the_lead_gives_their_body() -> None:
    text = ("OSLO - Norway on Monday suspended nickel purchases from Sulawesi smelters for a "
            "month, while Indonesia's trade ministry demanded talks and warned of a case at the "
            "World Trade Organization.\n\n"
            "Smelters in Sulawesi have cut shifts since January.\n\n"
            "In Jakarta, director general Rina Wati said the suspension was \"hasty and "
            "unfounded\".")
    assert dates_of(text, "Rina Wati") == ["2026-03-09"]


def test_words_said_earlier_do_not_take_the_leads_day() -> None:
    text = ("OSLO - Norway on Monday suspended nickel purchases from Sulawesi smelters for a "
            "month, while Indonesia's trade ministry demanded talks and warned of a case at the "
            "World Trade Organization.\n\n"
            "Director general Rina Wati earlier said the quotas were \"not negotiable\".")
    assert dates_of(text, "Rina Wati") == [None]


def test_a_document_speaking_takes_the_day_it_was_issued() -> None:
    # "The notice states ...": the notice was issued on Monday, not on the article's day.
    text = ("On Monday, Indonesia's trade ministry issued Notice No. 14, which caps nickel "
            "ore shipments at two million tonnes a quarter. The notice further states that "
            "smelters exceeding the cap would lose their permits.")
    assert dates_of(text, "Ministry of Trade of Indonesia") == ["2026-03-09"]


def test_a_document_named_after_a_dated_issue_keeps_that_day_in_a_later_paragraph() -> None:
    # The document is named undated in between; the day of its publishing still holds.
    text = ("Indonesia's trade ministry published Circular No. 14 of 2026 on March 2.\n\n"
            "The ministry's circular caps nickel ore shipments for the year.\n\n"
            "Buyers abroad that resell the ore would be \"barred from future quotas\", the "
            "circular says.")
    assert dates_of(text, "Ministry of Trade of Indonesia") == ["2026-03-02"]


def test_a_document_introduced_without_a_date_speaks_on_the_articles_day() -> None:
    text = ("Indonesia's trade ministry published a circular on nickel quotas. Buyers abroad "
            "that resell the ore would be \"barred from future quotas\", the circular says.")
    assert dates_of(text, "Ministry of Trade of Indonesia") == ["2026-03-12"]


def test_a_year_in_the_description_after_a_trailing_speaker_is_not_the_sayings() -> None:
    # the year the speaker's firm was founded dates the founding, not the quotation
    text = ('"We have never waited this long for a licence," said Kari Solberg, 61, who '
            'runs the foundry her father opened in 1974.\n')
    assert dates_of(text, "Kari Solberg") == [None]
    # a date right after the verb is still the saying's
    text = '"We will not wait," said Kari Solberg on Tuesday, 61, owner of a foundry.\n'
    assert dates_of(text, "Kari Solberg") == ["2026-03-10"]


def test_a_statement_never_takes_a_date_after_its_article_and_the_article_is_kept(
        tmp_path: Path) -> None:
    # "The same day" after "effective 20 March" must not date the warning 20 March when the
    # article is of 5 March: an impossible date, which the shapes would reject together with
    # the whole article; the entry's own day dates it instead.
    text = ("Title: Rules approved\nDate: 2024-03-05\n---\n"
            "- 1 March: The cabinet approved the rules, effective 20 March. The same day, "
            "Foreign Minister Ana Lopes warned that the rules would \"hurt everyone\".\n"
            "- 3 March: Talks resumed.\n")
    path = tmp_path / "rules.txt"
    path.write_text(text, encoding="utf-8")
    [warning] = [s for s in extract(read_article(path)).statements if s.speaker == "Ana Lopes"]
    assert warning.date is not None and warning.date.isoformat() == "2024-03-01", \
        "the timeline entry's day, not the effective date"
    report = build([path], Store(tmp_path / "store"))
    assert not report.failures and len(report.articles) == 1


def test_a_timeline_entry_dated_after_the_article_leaves_its_words_undated() -> None:
    # A live blog published on the 12th whose last entry is headed the 13th (past midnight
    # in another time zone): nobody is reported before they speak, so the words keep no
    # date rather than an impossible one (which kgsh:Statement-13 would reject).
    text = ("12 March: Indonesia's trade ministry said the quotas would stay.\n\n"
            "13 March: Dewi Lestari said the quotas were final.")
    assert dates_of(text, "Ministry of Trade of Indonesia") == ["2026-03-12"]
    assert dates_of(text, "Dewi Lestari") == [None]
    assert dates_of(text, "Dewi Lestari", date="2026-03-13") == ["2026-03-13"]
