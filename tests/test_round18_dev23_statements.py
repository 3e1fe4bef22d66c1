"""Statements and their dates of round 18 (dev23 look), each in invented words.

* an undated article resolves its yearless days against a corpus reference date borrowed
  from other articles; the year the article's own story is told in (its last date with a
  year) is a better guess than that borrowed year, in a later paragraph too and for a day
  before the one last told;
* 'spoke of a "..."' reports the quoted words (translated German "sprach von"), not
  "spoke of the need to act";
* '"...", so X.' (German "so X", kept by machine translation) gives the quotation that
  opens the sentence to X, with no verb;
* an emphatic reflexive between the subject and its verb ("Tinco itself said");
* 'X: "..."' as a sentence inside a paragraph (a show's notes) gives the quotation to the
  person X, dated as a present verb ("X says");
* a "tell" verb's object is whom it told, whatever the noun: "told troops in Fredville on
  Thursday that ..." reports the words after "that" and is dated Thursday;
* an encyclopedia's reference markers glued after a stop ("... channels.[7] Reports ...")
  end the sentence and are not part of the words;
* 'demanded, X must ...' (translated German, a comma in place of "that") reports words;
* in an undated text, a full date ending a heading line ("From the press service, 15
  November 2024:") is the day the section's "on Friday" counts from.
"""

from __future__ import annotations

import datetime as dt

from extract_support import actor
from test_extract_statements import run, shown

from kg.extract.dates import find_dates

_ENTRY = ("The Freedonian tin ban is a prohibition imposed by the trade board on 3 April "
          "2019.\n\nOn 9 April the board relaxed it for cargo already at port.\n\n"
          "Reactions\nThe trade minister told reporters on 4 April that the ban was "
          "temporary.")


def _days(text: str, anchor: dt.date, *, own: bool) -> list[str]:
    return [f"{d.date.year}" for d in find_dates(text, anchor, own_anchor=own) if d.relative]


def test_a_borrowed_anchor_gives_way_to_the_story_year_in_later_paragraphs() -> None:
    days = _days(_ENTRY, dt.date(2024, 6, 21), own=False)
    assert days == ["2019", "2019"]


def test_the_article_own_date_still_rules_a_later_paragraph() -> None:
    days = _days(_ENTRY, dt.date(2024, 6, 21), own=True)
    assert days[-1] == "2024"


TABLE = [actor("Freedonia", "state", "Freedonia"),
         actor("Anna Kessler", "person", "Anna Kessler", "Kessler", affiliation="Freedonia"),
         actor("Boris Lund", "person", "Boris Lund", "Lund"),
         actor("Tinco", "company", "Tinco")]


def test_spoke_of_a_quotation_reports_the_quoted_words() -> None:
    found = run('Interior Minister Anna Kessler spoke of a "clear and overdue step".', table=TABLE)
    assert shown(found) == [("Anna Kessler", 'spoke of a "clear and overdue step"')]


def test_spoke_of_without_a_quotation_reports_nothing() -> None:
    assert run("Interior Minister Anna Kessler spoke of the need to act.", table=TABLE) == []


def test_so_and_a_name_after_a_quotation_names_its_speaker() -> None:
    found = run('"We guard the heart of our economy", so Kessler. The deal was signed on '
                "Wednesday.", table=TABLE)
    assert shown(found) == [("Anna Kessler", "We guard the heart of our economy")]


def test_so_after_a_quotation_inside_a_sentence_names_nobody() -> None:
    assert run('Tinco chose "the cheaper of the two plans", so Kessler resigned.',
               table=TABLE) == []


def test_an_emphatic_reflexive_keeps_the_subject_of_the_speech_verb() -> None:
    found = run("Tinco itself said it has supplied the network for twenty years.", table=TABLE)
    assert shown(found) == [("Tinco", "it has supplied the network for twenty years")]


def test_a_name_and_a_colon_before_a_quotation_inside_a_paragraph_is_a_statement() -> None:
    text = ('Kessler says the talks failed. Lund: "Nobody in Fredville believes the word '
            'calm."')
    found = run(text, table=TABLE, date="2026-01-08")
    lund = [s for s in found if s.speaker == "Boris Lund"]
    assert [s.span.text for s in lund] == ["Nobody in Fredville believes the word calm."]
    assert lund[0].date is not None and lund[0].date.isoformat() == "2026-01-08"


def test_told_any_listeners_and_a_time_before_that_are_not_the_words() -> None:
    found = run('Kessler told troops in Fredville on Thursday that Freedonia is "not in the '
                'business of war".', table=TABLE, date="2026-01-10")
    assert shown(found) == [("Anna Kessler", 'Freedonia is "not in the business of war"')]
    assert found[0].date is not None and found[0].date.isoformat() == "2026-01-08"


def test_reference_markers_after_a_stop_end_the_sentence_and_leave_the_words() -> None:
    text = ('Lund said Freedonia would keep selling tin "to friends".[7] Reports in June '
            "that the ban would end were denied by Tinco.[8]")
    found = run(text, table=TABLE)
    assert shown(found)[0] == ("Boris Lund", 'Freedonia would keep selling tin "to friends"')
    assert all("[" not in s.span.text and "Reports" not in s.span.text for s in found)


def test_demanded_and_a_comma_before_a_clause_of_obligation_reports_words() -> None:
    found = run("The opposition politician Boris Lund demanded, Tinco must also leave the "
                "antenna network.", table=TABLE)
    assert [s.speaker for s in found] == ["Boris Lund"]
    assert found[0].span.text.endswith("Tinco must also leave the antenna network")


def test_demanded_and_a_comma_before_an_aside_reports_nothing() -> None:
    assert run("Boris Lund demanded, as usual, more money for the port.", table=TABLE) == []


_SECTIONED = ("RESOLUTION No. 7\n\nThe board restricts tin exports.\n\n"
              "From the press service, 15 November 2024:\n\nThe minister said on Friday that "
              "the step was a mirror measure. The miner said on the same day that contracts "
              "would be reviewed.")


def _dated(text: str, anchor: dt.date | None, *, own: bool) -> list[tuple[str, str]]:
    return [(d.span.text, f"{d.date.year}-{d.date.month}-{d.date.day}")
            for d in find_dates(text, anchor, own_anchor=own) if d.relative]


def test_a_dated_heading_line_anchors_the_weekdays_of_an_undated_text() -> None:
    assert _dated(_SECTIONED, None, own=True) == [("Friday", "2024-11-15"),
                                                   ("the same day", "2024-11-15")]
    assert _dated(_SECTIONED, dt.date(2025, 2, 14), own=False)[0] == ("Friday", "2024-11-15")


def test_a_date_inside_a_line_anchors_no_weekday() -> None:
    text = "On 15 November 2024 the board met.\n\nThe minister said on Friday that it ends."
    assert _dated(text, None, own=True) == []
