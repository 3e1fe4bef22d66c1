"""Which date a clause means (round 4): the tense of the date's own clause, paragraphs and
stories, relative days, translated day numbers; then how statements and measures take them.

Each test is one phenomenon, in words and with actors of its own (not the articles' where
it was seen).
"""

from __future__ import annotations

import datetime as dt

from extract_support import actor, article, mentions
from test_measure_phrasings import run

from kg.extract.dates import find_dates
from kg.extract.statements import find_statements

TUESDAY = dt.date(2025, 12, 30)
"""An anchor that is itself a Tuesday, late in a year."""
FEBRUARY = dt.date(2026, 2, 10)


def found(text: str, anchor: dt.date | None) -> list[tuple[str, str]]:
    return [(d.span.text, d.date.isoformat()) for d in find_dates(text, anchor)]


# -- the tense of the date's clause ------------------------------------------------------------

def test_a_bare_weekday_in_past_news_is_the_anchor_day_when_it_is_that_weekday() -> None:
    assert found("Valmont announced the quota on Tuesday.", TUESDAY) == [
        ("Tuesday", "2025-12-30")]


def test_a_bare_weekday_in_a_future_clause_is_the_next_such_day() -> None:
    assert found("The quota is due to start on Tuesday.", TUESDAY) == [("Tuesday", "2026-01-06")]


def test_a_future_word_naming_a_period_does_not_put_the_clauses_date_ahead() -> None:
    # "for the coming school year", "the next quarter": what is planned for, not when the
    # clause happens; "will" still does.
    text = ("Valmont's council passed a tuition plan for the coming school year on Nov. 20. "
            "Its grants will start on Nov. 20.")
    assert found(text, FEBRUARY) == [("Nov. 20", "2025-11-20"), ("Nov. 20", "2026-11-20")]


def test_a_quoted_future_does_not_make_the_speech_verb_future() -> None:
    assert found('"We will answer in kind," the envoy said on Sunday.', TUESDAY) == [
        ("Sunday", "2025-12-28")]
    # an unquoted report before the attribution, and a quotation closing the sentence before
    assert found("Valmont will retaliate, the envoy told reporters on Sunday.", TUESDAY) == [
        ("Sunday", "2025-12-28")]
    assert found('It said the curbs "would not last."\nThe envoy spoke on Sunday.',
                 TUESDAY) == [("Sunday", "2025-12-28")]


def test_a_past_verb_puts_a_bare_month_in_the_last_such_month() -> None:
    assert found("The duties imposed in May still apply.", FEBRUARY) == [("May", "2025-05")]
    assert found("The regulator published the rules in April.", FEBRUARY) == [
        ("April", "2025-04")]


def test_a_future_clause_keeps_a_bare_month_ahead() -> None:
    assert found("The duties will be imposed in May.", FEBRUARY) == [("May", "2026-05")]


def test_need_and_exceed_are_not_past_verbs() -> None:
    assert found("Exporters need a permit from April.", FEBRUARY) == [("April", "2026-04")]


# -- paragraphs and stories --------------------------------------------------------------------

def test_no_date_expression_spans_a_paragraph_break() -> None:
    assert found("Sales fell this year\n\nIn April the board met.", FEBRUARY) == [
        ("this year", "2026"), ("April", "2026-04")]


def test_a_yearless_day_after_a_dated_one_continues_that_story() -> None:
    text = "On 3 March 2018 Valmont tightened its rules. From 9 March, importers needed a permit."
    assert found(text, FEBRUARY) == [("3 March 2018", "2018-03-03"), ("9 March", "2018-03-09")]


def test_a_yearless_day_before_the_story_date_keeps_the_anchor_year() -> None:
    text = "In December 2024 the talks stalled. On Jan. 6 Valmont imposed a quota."
    assert found(text, dt.date(2026, 1, 7)) == [("December 2024", "2024-12"),
                                                 ("Jan. 6", "2026-01-06")]


def test_a_day_number_opening_a_timeline_paragraph_takes_the_heading_month() -> None:
    text = "Mar. 8 — The envoy arrives.\n\nOn 9th day, the talks open.\n"
    assert found(text, dt.date(2026, 5, 20)) == [("Mar. 8", "2026-03-08"),
                                                  ("9th day", "2026-03-09")]


# -- relative days and translated day numbers -------------------------------------------------

def test_days_later_count_from_the_last_day_named() -> None:
    text = "Apr. 2 — Valmont protests. Three days later, the envoy leaves. A week earlier, talks."
    assert found(text, dt.date(2026, 5, 20)) == [
        ("Apr. 2", "2026-04-02"), ("Three days later", "2026-04-05"),
        ("A week earlier", "2026-03-29")]


def test_that_afternoon_and_later_in_the_day_are_the_last_day_named() -> None:
    text = "The note arrived on 4 May. That afternoon the envoy left; later in the day he spoke."
    assert [d for _, d in found(text, dt.date(2026, 5, 20))] == [
        "2026-05-04", "2026-05-04", "2026-05-04"]


def test_a_translated_day_number_opening_a_sentence_is_a_date() -> None:
    assert found("The talks failed. 14th, the customs office held the cargo.",
                 dt.date(2026, 1, 20)) == [("14th", "2026-01-14")]
    assert found("The team finished 14th, behind Valmont.", dt.date(2026, 1, 20)) == []


def test_the_press_conference_of_a_day_number_is_that_day() -> None:
    assert found("The envoy, at the press conference of 8th, said no.",
                 dt.date(2026, 1, 20)) == [("8th", "2026-01-08")]


# -- statements ---------------------------------------------------------------------------------

VALMONT = actor("Valmont", "state", "Valmont")
ORSINI = actor("Orsino", "state", "Orsino")
BRANDT = actor("Karl Brandt", "person", "Karl Brandt", "Brandt", affiliation="Valmont")


def stated(text: str, date: str = "2026-03-12") -> list[tuple[str | None, str | None]]:
    art = article(text, date=date)
    return [(s.speaker, s.date.isoformat() if s.date else None)
            for s in find_statements(art, mentions(text, [VALMONT, ORSINI, BRANDT]))]


def test_a_coordinated_clause_shares_the_day_of_the_first() -> None:
    got = stated("Valmont on Tuesday defended the quota as lawful, while Orsino said it was "
                 "still studying the list.")
    assert ("Orsino", "2026-03-10") in got


def test_a_coordinated_clause_in_the_perfect_does_not_share_the_day() -> None:
    got = stated("Valmont on Tuesday defended the quota as lawful, while Orsino has said it "
                 "was still studying the list.")
    assert ("Orsino", "2026-03-10") not in got


def test_a_date_of_another_verb_in_the_demand_is_not_the_demands() -> None:
    got = stated("Karl Brandt urged Orsino to withdraw remarks it made at the assembly in "
                 "January, when the dispute began.")
    assert got and all(d != "2026-01" for _, d in got)


def test_a_relative_clause_does_not_take_the_main_clauses_date() -> None:
    got = stated("Orsino approved a record budget on March 3, which Valmont cites as proof "
                 "of \"rearmament.\"")
    assert ("Valmont", "2026-03-12") in got


def test_the_lead_date_carries_to_the_same_persons_later_quote() -> None:
    got = stated("Valmont on Monday defended the quota.\n\nKarl Brandt told a briefing that "
                 "the quota was lawful.\n\n'We reject,' he said, 'any interference.'")
    assert got.count(("Karl Brandt", "2026-03-09")) == 2


def test_words_a_participle_adds_share_the_date_of_the_speakers_words_before() -> None:
    got = stated("Karl Brandt argues the quota showed how little leverage Valmont really had, "
                 "noting that shipments were never actually halted.")
    assert got == [("Karl Brandt", "2026-03-12"), ("Karl Brandt", "2026-03-12")]


# -- measures -----------------------------------------------------------------------------------

def dated(text: str) -> list[tuple[str, str | None]]:
    return [(m.type.value, m.date.isoformat() if m.date else None) for m in run(text)]


def test_an_outlets_report_of_a_past_act_does_not_date_the_act() -> None:
    assert dated("On Monday, the Daily Herald reported Ruritania started restricting exports "
                 "of graphite to Freedonia.") == [("export_control", None)]


def test_an_outlets_report_of_an_ongoing_act_dates_it() -> None:
    found_ = dated("On Monday, the Daily Herald reported Ruritania is suspending imports of "
                   "Freedonian beef.")
    assert found_ == [("import_ban", "2026-02-09")]


def test_a_bracketed_date_of_the_next_list_item_is_not_the_measures() -> None:
    found_ = dated("Ruritania's regime rests on controls on gallium (effective June 2022), "
                   "graphite (October 2022) and antimony.")
    assert found_[0] == ("export_control", "2022-06")


def test_a_date_a_period_continues_into_is_not_the_measures() -> None:
    found_ = dated("Ruritania launched exercises around Freedonia on Apr. 3, with live-fire "
                   "drills continuing the next day.")
    assert found_ and found_[0] == ("military_drill", "2025-04-03")
    assert ("military_drill", "2025-04-04") not in found_


def test_a_day_before_an_after_aside_dates_the_main_clauses_measure() -> None:
    found_ = dated("On 9 January, a day after the new Freedonian tariffs, Ruritania announced "
                   "that exports of graphite to Freedonia would no longer be permitted.")
    assert ("export_ban", "2026-01-09") in found_
    assert ("export_ban", "2026-01-08") not in found_


def test_a_day_after_according_to_an_outlet_dates_the_act_it_reports() -> None:
    found_ = dated("According to the Daily Herald, on Feb. 3 Petrova visited the Ruritanian "
                   "embassy to lodge a protest.")
    assert found_ == [("protest", "2026-02-03")]


def test_earlier_in_the_week_is_the_anchors_week() -> None:
    assert found("a report earlier in the week that talks stalled", dt.date(2026, 1, 9)) == [
        ("earlier in the week", "2026-01")]
