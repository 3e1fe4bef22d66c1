"""When a measure was taken and where it stands (kg.extract.measures, round 2).

Dates: a bare year in the measure's noun phrase, a narrative's year carried to the months
after it, fiscal years, asides, the next clause's date, report dates of earlier acts,
relative days.  Status: lifted, scrapped and suspended measures, past measures that
lasted a stated time, present perfects, advisories, adopted drafts, hedging words.
"""

from __future__ import annotations

from test_measure_phrasings import run

from kg.model import MeasureStatus, MeasureType


def dated(text: str, **kwargs: object) -> list[tuple[str, str | None]]:
    """(type, ISO date) of each measure of ``text``, in text order."""
    return [(m.type.value, m.date.isoformat() if m.date else None)
            for m in run(text, **kwargs)]  # type: ignore[arg-type]


def statuses(text: str, **kwargs: object) -> list[tuple[str, str]]:
    """(type, status) of each measure of ``text``, in text order."""
    return [(m.type.value, m.status.value) for m in run(text, **kwargs)]  # type: ignore[arg-type]


# -- dates ------------------------------------------------------------------------------------

def test_a_bare_year_in_the_noun_phrase_dates_the_measure() -> None:
    assert dated("Officials recalled Freedonia's 2018 restrictions on exports of graphite to "
                 "Ruritania.") == [("export_control", "2018")]


def test_a_month_that_year_takes_the_year_the_noun_phrase_gives() -> None:
    assert dated("Officials recalled Freedonia's 2018 restrictions on exports of graphite to "
                 "Ruritania, which Fredville tightened in June that year.") == \
        [("export_control", "2018-06")]


def test_yearless_months_of_a_narrative_take_the_year_told_before() -> None:
    found = dated("In May 2023 Ruritania announced licensing requirements for gallium; in "
                  "November, a ban on exporting graphite technology.")
    assert found == [("export_control", "2023-05"), ("export_ban", "2023-11")]


def test_a_since_phrase_between_the_measure_and_the_report_day_does_not_hide_that_day() -> None:
    # "since 2019" closes a phrase of its own; the day the ministry spoke still dates the
    # announced step.  A date right after "before" stays the date of that clause.
    assert dated("Ruritania will lift the tariffs it has charged on Freedonian cheese since "
                 "2019, Ruritania's commerce ministry said on Monday.") == \
        [("other", "2026-02-09")]


def test_a_when_clause_with_a_long_subject_takes_the_date_before_it() -> None:
    assert dated("Cheese prices had been stable until 2 February, when Ruritania's commerce "
                 "ministry in Strelsau banned exports of cheese to Freedonia.") == \
        [("export_ban", "2026-02-02")]


def test_a_measure_in_a_fronted_time_clause_counts_back_from_the_main_clauses_day() -> None:
    # The day after the comma is the main clause's ("quarrelled on Sunday"); the offset
    # dates the measure in the clause before it.
    assert dated("Three days after Ruritania banned exports of cheese to Freedonia, the two "
                 "trade unions quarrelled on Sunday.") == [("export_ban", "2026-02-05")]
    assert dated("On 9 February, two days after Ruritania banned exports of cheese to "
                 "Freedonia, a dairy said a delivery due later this month was on hold.") == \
        [("export_ban", "2026-02-07")]


def test_a_relative_clause_after_the_measure_keeps_its_date() -> None:
    assert dated("The drills came two days after Freedonia answered a Ruritanian ban on "
                 "exports of cheese, which Strelsau imposed earlier this month.") == \
        [("export_ban", "2026-02")]


def test_a_date_closing_an_earlier_clause_does_not_date_the_next_clauses_measure() -> None:
    # "X did A on D, its ministry did B": D is A's; the same with a verb sharing the
    # subject ("..., banned exports of gallium"); but "D's announcement, which added ..."
    # and a fronted "On D, ..." date the measure.
    assert dated("Ruritania halted imports of Freedonian cheese on 3 February, its commerce "
                 "ministry banned exports of graphite to Freedonia, and talks stalled.") == \
        [("import_ban", "2026-02-03"), ("export_ban", None)]
    assert dated("On 3 February, Ruritania's commerce ministry banned exports of graphite to "
                 "Freedonia.") == [("export_ban", "2026-02-03")]


def test_a_fiscal_year_is_a_period_not_the_date_of_the_act() -> None:
    assert dated("Freedonia's cabinet approved a record defence budget for fiscal 2027 in "
                 "December.") == [("budget", "2025-12")]


def test_the_report_date_of_an_earlier_act_does_not_date_it() -> None:
    found = dated("Petrova said on Monday the Freedonian side had lodged a protest with "
                  "Ruritania.")
    assert found == [("protest", None)]


def test_the_date_of_an_answer_about_a_measure_is_not_the_measures() -> None:
    found = dated("Ruritania will not back down, Petrova said at a briefing on Monday, in "
                  "response to a question about the protest lodged by Strelsau.")
    assert found == [("protest", None)]


def test_a_date_opening_the_next_clause_is_not_the_measures() -> None:
    found = dated("Canadian forces staged drills near Freedonia late last month, and on Jan. 22 "
                  "Freedonia's cabinet approved a record defence budget.")
    assert found == [("military_drill", "2026-01"), ("budget", "2026-01-22")]


def test_a_date_before_an_aside_dates_the_main_clause() -> None:
    found = dated("On May 5, 2025, two days after a round of tariffs from Washington, "
                  "Ruritania's commerce ministry put gallium under licence.")
    assert found == [("export_control", "2025-05-05")]


def test_since_a_month_when_the_measure_was_taken() -> None:
    found = run("Graphite prices have doubled since March, when Ruritania added graphite to "
                "its export control list.", date="2026-01-20")
    assert [(m.type, m.target) for m in found] == [(MeasureType.EXPORT_CONTROL, None)]
    assert found[0].date is not None and found[0].date.isoformat() == "2025-03"


def test_the_following_day_counts_from_the_date_before() -> None:
    found = dated("Ruritanian patrol boats entered disputed waters on Jan. 12. Fredville "
                  "protested the following day.")
    assert found == [("protest", "2026-01-13")]


def test_a_month_later_counts_from_the_date_before() -> None:
    found = dated("Fredville curbed exports of graphite to Strelsau on March 2, 2019. A month "
                  "later Fredville struck Strelsau from its white list.")
    assert found[-1] == ("export_control", "2019-04")


# -- status -----------------------------------------------------------------------------------

def test_a_lifted_ban_is_historical() -> None:
    # the partial lifting is an act of its own ("other"), over as well
    assert statuses("Strelsau partly lifted the ban on exports of graphite to Freedonia.") == \
        [("other", "historical"), ("export_ban", "historical")]


def test_curbs_lifted_in_the_next_sentence_are_historical() -> None:
    found = statuses("Freedonia's 2024 restrictions on exports of gallium to Ruritania hurt "
                     "both sides. The curbs were lifted in March 2025.", date="2025-06-01")
    assert found == [("export_control", "historical")]


def test_a_suspended_measure_stays_announced_even_long_after() -> None:
    found = statuses("Strelsau suspended for a year the sweeping graphite controls it unveiled "
                     "on Oct. 2, 2023.")
    # the controls stay announced; the suspension is a measure of its own
    assert sorted(found) == [("export_control", "announced"), ("other", "announced")]
    assert statuses("Ruritania's 2023 ban on graphite exports to Freedonia is suspended until "
                    "next year.") == [("export_ban", "announced")]


def test_a_measure_a_relative_clause_says_was_suspended_stays_announced() -> None:
    assert statuses("On Oct. 2, 2025, Ruritania's commerce ministry announced restrictions on "
                    "exports of graphite, which Strelsau suspended for a year in November.") == \
        [("export_control", "announced"), ("other", "announced")]


def test_a_past_measure_that_lasted_a_stated_time_is_historical() -> None:
    # a past halt told by a verb of stopping is a control episode (the seeds' convention)
    assert statuses("Ruritania halted graphite shipments to Freedonia for about three weeks.") \
        == [("export_control", "historical")]


def test_a_present_perfect_ban_is_in_force() -> None:
    assert statuses("Fredville has suspended imports of Indian beef.") == \
        [("import_ban", "in_force")]


def test_an_advisory_is_issued_not_in_force() -> None:
    assert statuses("Since March, Strelsau has told its citizens to stay away from Freedonia.") \
        == [("travel_advisory", "announced")]


def test_a_draft_budget_the_cabinet_approves_is_announced() -> None:
    assert statuses("Freedonia's cabinet approves a draft budget for fiscal 2027 that sets aside "
                    "a record sum for defence.") == [("budget", "announced")]


def test_a_measure_the_government_is_asked_to_take_is_under_consideration() -> None:
    assert statuses("Graphite users have asked Freedonia's cabinet to release graphite from "
                    "state stockpiles.") == [("other", "under_consideration")]


def test_measures_a_speaker_says_are_under_review_are_the_speakers_sides() -> None:
    found = run("Petrova says more entity listings are under review.")
    assert [(m.type, m.issuer, m.status) for m in found] == [
        (MeasureType.EXPORT_CONTROL, "Freedonia", MeasureStatus.UNDER_CONSIDERATION)]


def test_potential_uses_of_goods_do_not_make_a_ban_considered() -> None:
    found = run("Ruritania banned exports of goods with potential military uses to Freedonia.")
    assert [m.status for m in found] == [MeasureStatus.IN_FORCE]
