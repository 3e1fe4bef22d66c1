"""Statements (kg.extract.statements): quotes and reported speech, one phenomenon per test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from extract_support import STYLE_NAMES, actor, article, load_style, mentions

from kg.extract.statements import find_statements
from kg.ingest import read_article
from kg.model import StatementKind, StatementMention

CHINA = actor("China", "state", "China", "Beijing", "Chinese")
JAPAN = actor("Japan", "state", "Japan", "Tokyo", "Japan’s government")
MOFCOM = actor("Ministry of Commerce of China", "government_body", "China's commerce ministry",
               "the ministry", "China’s commerce ministry", part_of="China")
MOFA = actor("Ministry of Foreign Affairs of Japan", "government_body", "Japan's foreign ministry",
             "Japan’s foreign ministry", part_of="Japan")
HE = actor("He Yadong", "person", "He Yadong", affiliation="Ministry of Commerce of China")
KANAI = actor("Masaaki Kanai", "person", "Masaaki Kanai", "Kanai",
              affiliation="Ministry of Foreign Affairs of Japan")
TAKAICHI = actor("Sanae Takaichi", "person", "Sanae Takaichi", affiliation="Japan")
JOURNAL = actor("The Wall Street Journal", "media", "The Wall Street Journal", "the Journal")
ANALYSTS = actor("unnamed analysts", "person", "Analysts", "analysts")
TABLE = [CHINA, JAPAN, MOFCOM, MOFA, HE, KANAI, TAKAICHI, JOURNAL, ANALYSTS]


def run(text: str, *, date: str | None = "2026-01-08",
        table: list | None = None) -> list[StatementMention]:
    art = article(text, date=date)
    return find_statements(art, mentions(text, table or TABLE))


def one(text: str, **kwargs: object) -> StatementMention:
    found = run(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, [(s.speaker, s.span.text) for s in found]
    return found[0]


def test_a_quote_before_said_and_a_name_belongs_to_that_name() -> None:
    s = one('“Civilian users will not be affected,” said He Yadong, a spokesperson.')
    assert (s.speaker, s.kind, s.span.text) == ("He Yadong", StatementKind.DIRECT_QUOTE,
                                                "Civilian users will not be affected")


def test_a_quote_before_a_name_and_said_belongs_to_that_name() -> None:
    s = one('"We will respond firmly," Masaaki Kanai said on Tuesday.')
    assert (s.speaker, s.span.text) == ("Masaaki Kanai", "We will respond firmly")
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_a_quote_before_a_name_in_apposition_and_a_verb_belongs_to_the_name() -> None:
    text = ("“Exports will fall sharply,” Masaaki Kanai, a senior official at Japan's foreign "
            "ministry warned.")
    s = one(text)
    assert (s.speaker, s.span.text) == ("Masaaki Kanai", "Exports will fall sharply")


def test_told_reporters_and_a_colon_give_the_quotation_alone() -> None:
    s = one('Masaaki Kanai told reporters: “The measure deviates from practice.”')
    assert s.span.text == "The measure deviates from practice."


def test_he_said_after_a_quote_is_the_last_person_mentioned() -> None:
    text = ('Masaaki Kanai met reporters. "This cannot be accepted," he said.')
    assert one(text).speaker == "Masaaki Kanai"


def test_a_capitalised_surname_after_a_quote_is_that_person_not_a_pronoun() -> None:
    text = ('He Yadong spoke first. Sanae Takaichi answered later. '
            '"Exports for military use are prohibited," He said.')
    assert one(text).speaker == "He Yadong"


def test_a_colon_introduces_the_quotation_of_the_subject() -> None:
    s = one("Analysts admitted: 'This is suffocating the entire industry.'")
    assert (s.speaker, s.span.text) == ("unnamed analysts",
                                        "This is suffocating the entire industry.")


def test_an_unattributed_quote_after_a_quote_continues_it() -> None:
    text = ('“Civilian users will not be affected,” said He Yadong. '
            '“China has always been committed to stable supply chains.”')
    found = run(text)
    assert [(s.speaker, s.kind) for s in found] == [("He Yadong", StatementKind.DIRECT_QUOTE)] * 2


def test_a_quote_opened_after_said_and_a_colon_runs_over_its_paragraphs() -> None:
    # The opening mark repeats at each paragraph, the closing one only at the end: one
    # quotation, one statement per paragraph (each paragraph its own evidence).
    text = ('Masaaki Kanai said: "The measure deviates from practice. It is regrettable.\n\n'
            '"We demand its withdrawal."\n')
    found = run(text)
    assert [(s.speaker, s.kind, s.span.text) for s in found] == [
        ("Masaaki Kanai", StatementKind.DIRECT_QUOTE,
         "The measure deviates from practice. It is regrettable"),
        ("Masaaki Kanai", StatementKind.DIRECT_QUOTE, "We demand its withdrawal.")]


def test_said_that_reports_the_clause_after_that() -> None:
    s = one("Beijing said that the measure is designed to safeguard national security.")
    assert (s.speaker, s.kind) == ("China", StatementKind.REPORTED)
    assert s.span.text == "the measure is designed to safeguard national security"


def test_told_reporters_that_skips_the_listeners() -> None:
    s = one("Masaaki Kanai told reporters on Tuesday that Japan would not accept the ban.")
    assert s.span.text == "Japan would not accept the ban"
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_called_it_reports_the_object_and_its_description() -> None:
    s = one("Japan's foreign ministry called the measure 'extremely regrettable'.")
    assert (s.speaker, s.kind) == ("Ministry of Foreign Affairs of Japan",
                                   StatementKind.DIRECT_QUOTE)
    assert s.span.text.startswith("called the measure 'extremely regrettable'")


def test_a_scare_quoted_term_does_not_make_a_direct_quote() -> None:
    s = one("Beijing views these remarks as a violation of the 'One China' principle.")
    assert s.kind is StatementKind.REPORTED


def test_a_participle_after_a_comma_is_a_further_statement_of_the_subject() -> None:
    text = ("Masaaki Kanai called the measure 'extremely regrettable' and 'unacceptable,' "
            "noting it targets only Japan.")
    found = run(text)
    assert [s.speaker for s in found] == ["Masaaki Kanai", "Masaaki Kanai"]
    assert found[1].span.text == "it targets only Japan"


def test_a_short_statement_keeps_its_participle() -> None:
    s = one("Japan’s government condemned the ban, calling it “absolutely unacceptable”.")
    assert s.span.text.startswith("condemned the ban, calling it")


def test_a_participle_after_reports_in_an_outlet_is_the_outlets_statement() -> None:
    text = ("He Yadong declined to comment on reports in The Wall Street Journal, suggesting "
            "the government is considering tighter controls.")
    found = run(text)
    assert [(s.speaker, s.negated) for s in found] == [("He Yadong", True),
                                                       ("The Wall Street Journal", False)]
    assert found[1].span.text == "the government is considering tighter controls"


def test_a_verb_of_saying_inside_reported_words_splits_them_after_a_comma() -> None:
    text = ("China says its ban will be limited to military companies, a move Beijing says "
            "is aimed at easing concerns.")
    found = run(text)
    assert [s.span.text for s in found] == [
        "its ban will be limited to military companies", "is aimed at easing concerns"]


def test_according_to_names_the_source_of_a_sentence_with_no_speech_verb() -> None:
    s = one("China supplies around 60% of Japan's imports, according to Analysts.")
    assert (s.speaker, s.span.text) == ("unnamed analysts",
                                        "China supplies around 60% of Japan's imports")


def test_according_to_after_a_timeline_heading_still_opens_the_sentence() -> None:
    s = one("Mid-December 2025 – According to the Journal, exports to Japan have stopped.")
    assert (s.speaker, s.span.text) == ("The Wall Street Journal", "exports to Japan have stopped")
    assert s.date is not None and s.date.isoformat() == "2025-12"


def test_according_to_x_and_an_apposition_give_the_words_after_both() -> None:
    s = one("According to Masaaki Kanai, a director at the ministry, “the ban is regrettable.”")
    assert (s.speaker, s.kind, s.span.text) == ("Masaaki Kanai", StatementKind.DIRECT_QUOTE,
                                                "the ban is regrettable.")


def test_according_to_is_the_via_of_a_sentence_with_a_speaker() -> None:
    text = ("Masaaki Kanai lodged a protest, demanding that Beijing withdraw the ban, "
            "according to Japan's foreign ministry.")
    s = one(text)
    assert (s.speaker, s.via) == ("Masaaki Kanai", "Ministry of Foreign Affairs of Japan")
    assert s.span.text == "demanding that Beijing withdraw the ban"


def test_an_outlet_reporting_that_an_actor_said_is_the_via_of_the_actors_words() -> None:
    s = one("The Wall Street Journal reported that Masaaki Kanai said Tokyo would retaliate.")
    assert (s.speaker, s.via) == ("Masaaki Kanai", "The Wall Street Journal")
    assert s.span.text == "Tokyo would retaliate"


def test_a_body_reporting_what_a_person_did_keeps_the_statement() -> None:
    text = "China's commerce ministry said Masaaki Kanai rejected the offer."
    s = one(text)
    assert (s.speaker, s.span.text) == ("Ministry of Commerce of China",
                                        "Masaaki Kanai rejected the offer")


def test_did_not_specify_is_a_negated_report_starting_at_the_negation() -> None:
    s = one("He Yadong did not specify whether rare earths are covered by the ban.")
    assert s.negated
    assert s.kind is StatementKind.REPORTED
    assert s.span.text == "did not specify whether rare earths are covered by the ban"


def test_two_coordinated_negations_are_two_negated_reports() -> None:
    text = "He Yadong did not specify the items and declined to comment on the reports."
    found = run(text)
    assert [(s.negated, s.span.text) for s in found] == [
        (True, "did not specify the items"), (True, "declined to comment on the reports")]


def test_a_trailing_attribution_reports_the_words_before_it() -> None:
    s = one("Exports fell sharply last year, analysts said on Monday.")
    assert (s.speaker, s.span.text) == ("unnamed analysts", "Exports fell sharply last year")


def test_it_said_is_the_last_organisation_that_spoke() -> None:
    text = ("China's commerce ministry said the ban is lawful. It said exports to civilian "
            "users would continue.")
    found = run(text)
    assert [s.speaker for s in found] == ["Ministry of Commerce of China"] * 2


def test_a_spokesperson_for_a_body_is_the_person_the_article_names_so() -> None:
    text = ("Speaking on Thursday, a spokesperson for China's commerce ministry said civilian "
            "users would not be affected. “The ban is lawful,” said He Yadong, a "
            "spokesperson for the ministry.")
    found = run(text)
    assert [s.speaker for s in found] == ["He Yadong", "He Yadong"]


def test_a_relative_who_clause_speaks_for_its_antecedent() -> None:
    text = ("The move follows remarks made in late 2025 by Sanae Takaichi, who suggested that "
            "an attack might constitute a “survival-threatening situation”.")
    s = one(text)
    assert (s.speaker, s.kind) == ("Sanae Takaichi", StatementKind.DIRECT_QUOTE)
    assert s.date is not None and s.date.isoformat() == "2025"


def test_a_present_tense_verb_dates_the_statement_to_the_article() -> None:
    s = one("China says its ban will be limited to military companies.")
    assert s.date is not None and s.date.isoformat() == "2026-01-08"


def test_a_past_statement_with_no_date_in_its_sentence_has_no_date() -> None:
    assert one("Beijing said the measure is lawful.").date is None


def test_a_date_inside_the_reported_words_is_not_the_statements_date() -> None:
    s = one("Beijing said the ban took effect on January 6.")
    assert s.date is None


def test_a_persons_later_quotes_keep_the_date_the_article_gave_that_person() -> None:
    text = ("Masaaki Kanai lodged a protest on January 6. Kanai called the measure "
            "'extremely regrettable'.")
    s = one(text)
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_a_noun_that_looks_like_a_verb_is_not_a_statement() -> None:
    text = "Beijing denounced Takaichi's comments as provocative. Her remarks angered China."
    found = run(text, table=[CHINA, TAKAICHI])
    assert [(s.speaker, s.span.text) for s in found] == [
        ("China", "denounced Takaichi's comments as provocative")]


def test_announced_a_ban_is_an_act_not_a_statement() -> None:
    assert run("China announced a ban on exports to Japan.") == []


def test_protested_with_an_object_only_is_an_act_not_a_statement() -> None:
    assert run("Japan's foreign ministry protested the move.") == []


def test_demanding_a_withdrawal_reports_what_was_demanded() -> None:
    s = one("Japan's foreign ministry protested the move and demanded its withdrawal.")
    assert (s.speaker, s.kind) == ("Ministry of Foreign Affairs of Japan", StatementKind.REPORTED)
    assert s.span.text.endswith("demanded its withdrawal")


def test_the_time_after_said_is_not_part_of_the_words() -> None:
    s = one("Beijing said on Thursday it would suspend imports from Japan.")
    assert s.span.text == "it would suspend imports from Japan"
    assert s.date is not None and s.date.isoformat() == "2026-01-08"


def test_told_reporters_without_that_skips_the_listeners() -> None:
    s = one('Masaaki Kanai told reporters the rules were "designed to protect security".')
    assert s.span.text == 'the rules were "designed to protect security"'


def test_a_body_the_actor_data_does_not_know_speaks_for_its_possessor() -> None:
    s = one("China's customs authority said it would suspend imports.")
    assert (s.speaker, s.span.text) == ("China", "it would suspend imports")


def test_a_negated_report_stops_where_the_narrator_goes_on() -> None:
    s = one("Masaaki Kanai did not name China, but the rules are widely seen as aimed at it.")
    assert (s.negated, s.span.text) == (True, "did not name China")


def test_a_negated_report_takes_the_date_in_its_words() -> None:
    s = one("China's commerce ministry did not respond to a request for comment on Tuesday.")
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_statement_spans_count_into_the_text() -> None:
    text = ('“The ban is lawful,” said He Yadong. Beijing said that exports would continue. '
            'Analysts warn that prices could rise.')
    found = run(text)
    assert len(found) == 3
    for s in found:
        assert text[s.span.begin:s.span.end] == s.span.text


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_style_fixture_statements_match_annotations(name: str) -> None:
    style = load_style(name)
    found = find_statements(style.article, style.actors)
    expected = style.expected.get("statements", [])
    for item in expected:
        hits = [s for s in found if s.speaker == item["speaker"]
                and item["contains"] in s.span.text]
        shown = [(s.speaker, s.span.text) for s in found]
        assert hits, f"{name}: no statement {item}; found {shown}"
        s = hits[0]
        assert s.kind.value == item["kind"], (name, item)
        if "date" in item:
            assert (s.date.isoformat() if s.date else None) == item["date"], (name, item)
        if "negated" in item:
            assert s.negated == item["negated"], (name, item)
        if "via" in item:
            assert s.via == item["via"], (name, item)
    if style.expected.get("statements_exhaustive"):
        assert len(found) == len(expected), [(s.speaker, s.span.text) for s in found]


# -- one fixture article per phenomenon: tests/fixtures/statements/ ---------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "statements"
FIXTURE_ACTORS = json.loads((FIXTURES / "actors.json").read_text(encoding="utf-8"))["actors"]


def fixture(name: str) -> list[StatementMention]:
    """The statements of ``tests/fixtures/statements/NAME.txt``, read as ``kg build`` reads
    it, with the actor mentions of the folder's table."""
    art = read_article(FIXTURES / f"{name}.txt")
    return find_statements(art, mentions(art.text, FIXTURE_ACTORS))


def shown(found: list[StatementMention]) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.span.text) for s in found]


def iso(s: StatementMention) -> str | None:
    return s.date.isoformat() if s.date else None


def test_a_trailing_attribution_after_a_title_reports_the_words_before_it() -> None:
    [s] = fixture("trailing_attribution_with_title")
    assert s.speaker == "Jonas Weller"
    assert s.span.text.endswith("holds inventory for at least three months of production")
    assert "interview" not in s.span.text


def test_said_then_a_name_after_unquoted_words_reports_those_words() -> None:
    [s] = fixture("inverted_attribution_without_quotes")
    assert (s.speaker, s.kind) == ("Ida Marsh", StatementKind.REPORTED)
    assert s.span.text.startswith("The budget and the drills") and s.span.text.endswith("thaw")


def test_late_on_a_weekday_dates_the_words_and_is_not_part_of_them() -> None:
    [s] = fixture("late_on_weekday")
    assert s.span.text.startswith("the curbs singled out Freedonia")
    assert (s.kind, iso(s)) == (StatementKind.DIRECT_QUOTE, "2026-03-05")


def test_a_quote_over_two_paragraphs_gives_one_statement_per_paragraph() -> None:
    found = fixture("quote_spanning_paragraphs")
    quotes = [s for s in found if s.kind is StatementKind.DIRECT_QUOTE]
    assert [s.span.text for s in quotes] == [
        "This is a measure aimed at us alone, and it is unacceptable. We have said so through "
        "diplomatic channels",
        "At the same time, the door to dialogue remains open on our side"]
    assert {(s.speaker, iso(s)) for s in quotes} == {("Karl Brandt", "2026-03-04")}


def test_a_verb_and_colon_ending_a_paragraph_introduce_the_next_paragraphs_quote() -> None:
    [s] = fixture("quote_paragraph_after_colon")
    assert (s.speaker, s.kind, iso(s)) == ("Karl Brandt", StatementKind.DIRECT_QUOTE,
                                           "2026-03-04")
    assert s.span.text.startswith("We will not accept economic coercion")


def test_an_unattributed_quote_paragraph_is_the_previous_speakers() -> None:
    found = fixture("quote_paragraph_continues_speaker")
    assert [s.speaker for s in found] == ["Jonas Weller", "Jonas Weller"]
    assert found[1].span.text.startswith("Buyers now have to prove")


def test_transcript_answers_are_the_spokespersons_direct_quotes_not_the_questions() -> None:
    found = fixture("transcript_labelled")
    answers = [s for s in found if s.speaker == "Bao Lin"]
    assert [s.span.text for s in answers] == [
        "This measure is completely legitimate, reasonable and lawful",
        "Civilian use normal trade will not be affected",
        "I want to stress that the Ruritanian side is willing to keep dialogue with all "
        "relevant countries",
        "The Ministry of Commerce examines every licence application according to laws and "
        "regulations"]
    assert {(s.kind, iso(s)) for s in answers} == {(StatementKind.DIRECT_QUOTE, "2026-03-05")}
    assert not any("What is the comment" in s.span.text for s in found)


def test_a_third_partys_words_after_a_transcript_are_the_narrators_report() -> None:
    found = fixture("transcript_labelled")
    [sol] = [s for s in found if s.speaker == "Mira Sol"]
    assert (sol.span.text, iso(sol)) == ("the Freedonian side should reflect on its own mistakes",
                                         "2026-03-04")
    [question] = [s for s in found if s.speaker == "Freedonia"]
    assert question.span.text == 'the measure "cannot be accepted"'


def test_q_and_a_answers_belong_to_the_spokesperson_the_introduction_names() -> None:
    found = fixture("transcript_q_and_a")
    assert shown(found) == [
        ("Bao Lin", "The list published by the Ministry of Commerce is complete and final"),
        ("Bao Lin", "Compliant civilian applications will be approved within the legal time "
                    "limit")]
    assert all(s.kind is StatementKind.DIRECT_QUOTE for s in found)


def test_an_explainers_own_questions_and_answers_are_nobodys_statements() -> None:
    assert fixture("explainer_faq_is_not_a_transcript") == []


def test_said_and_a_colon_in_translated_text_give_the_paragraph_as_direct_words() -> None:
    found = fixture("said_colon_translated")
    assert [s.span.text for s in found] == ["The relevant measure targets only military users",
                                            "Normal civilian trade will continue as before",
                                            "The Ruritanian side welcomes dialogue"]
    assert {(s.speaker, s.kind) for s in found} == {("Bao Lin", StatementKind.DIRECT_QUOTE)}


def test_declining_to_comment_without_a_topic_is_no_statement() -> None:
    [s] = fixture("no_comment_is_not_a_statement")
    assert (s.speaker, s.negated) == ("Ministry of Commerce of Ruritania", True)
    assert s.span.text == "declined to comment on reports that licences had been halted"


def test_calling_a_place_by_a_name_is_not_speech_but_calling_it_threatening_is() -> None:
    [s] = fixture("naming_is_not_speech")
    assert (s.speaker, s.span.text) == ("Freedonia", "a post that Freedonia calls threatening")


def test_responding_with_a_post_reports_an_act_not_words() -> None:
    assert fixture("responds_with_an_act") == []


def test_an_outlet_described_after_its_name_is_the_via_of_the_officials_words() -> None:
    chain, trailing = fixture("reporting_chain")
    assert (chain.speaker, chain.via, iso(chain)) == ("unnamed senior official", "Daily Herald",
                                                      "2026-03-06")
    assert chain.span.text.startswith("Freedonia was studying a complaint")
    # A trailing attribution owns everything before it, "told" included: the outlet speaks.
    assert (trailing.speaker, iso(trailing)) == ("Kell Wire", "2026-03-05")
    assert trailing.span.text == "Ruritania has told Freedonia it is suspending imports of " \
                                 "Freedonian beef"


def test_a_renewed_demand_is_a_statement_and_dates_the_officials_quote_after_it() -> None:
    demand, quote = fixture("renewed_demand")
    assert (demand.speaker, iso(demand)) == ("Freedonia", "2026-03-06")
    assert demand.span.text.startswith("renewed its demand that Ruritania withdraw")
    assert (quote.speaker, quote.kind, iso(quote)) == ("Karl Brandt",
                                                       StatementKind.DIRECT_QUOTE, "2026-03-06")


def test_a_quotation_coordinated_after_according_to_x_is_xs_too() -> None:
    found = fixture("according_continued_quote")
    assert shown(found) == [
        ("Ida Marsh", "Ruritania accounts for nearly 70% of Freedonia's gallium imports"),
        ("Ida Marsh", '"close to 100%" of its germanium')]
    assert found[1].kind is StatementKind.DIRECT_QUOTE


def test_a_participle_after_a_possessed_document_is_the_possessors_statement() -> None:
    [s] = fixture("possessed_document_participle")
    assert (s.speaker, s.span.text, iso(s)) == (
        "Ruritania", "urging its citizens to avoid travel to Freedonia", "2026-02-14")


def test_a_quotation_in_an_announcement_sentence_quotes_the_announcing_body() -> None:
    [s] = fixture("published_text_quote")
    assert (s.speaker, s.kind, iso(s)) == ("Ministry of Commerce of Ruritania",
                                           StatementKind.DIRECT_QUOTE, "2026-03-03")
    assert s.span.text.startswith("prohibiting shipments of gallium")


def test_a_quotation_called_so_by_others_is_not_the_announcing_bodys() -> None:
    assert fixture("quote_of_another_in_an_announcement") == []


def test_the_subject_is_found_over_a_time_and_a_place_before_the_verb() -> None:
    [s] = fixture("subject_over_adverbials")
    assert (s.speaker, iso(s)) == ("Mira Sol", "2026-03-05")
    assert s.span.text.startswith("the Freedonian side should face squarely")


def test_said_a_and_that_b_with_a_quotation_each_are_two_statements() -> None:
    found = fixture("and_that_with_two_quotes")
    assert [s.span.text for s in found] == [
        'the measure was "entirely legitimate and lawful"',
        'Freedonia should "reflect on its erroneous words" instead of blaming others']
    assert {(s.speaker, iso(s)) for s in found} == {("Mira Sol", "2026-03-06")}


def test_a_short_report_is_given_with_its_subject() -> None:
    [s] = fixture("short_call_with_subject")
    assert (s.speaker, s.span.text) == ("Karl Brandt", "Karl Brandt condemns the exercises")


def test_demands_by_subjunctive_infinitive_and_object_are_statements() -> None:
    found = fixture("demand_forms")
    assert [s.speaker for s in found] == ["Freedonia", "Ruritania", "Freedonia"]
    assert found[0].span.text == "demanded the ban be withdrawn"
    assert found[1].kind is StatementKind.DIRECT_QUOTE
    assert found[2].span.text.endswith('lodged a so-called "protest" and demanded withdrawal')
    assert found[2].kind is StatementKind.REPORTED  # a so-called term quotes nobody


def test_a_pronoun_inside_wrote_that_is_the_writer_and_analysts_at_x_are_x() -> None:
    found = fixture("pronoun_inside_reported_clause")
    assert shown(found)[1] == ("Graystone Advisory",
                               'they expected "a slow squeeze rather than a cutoff"')


def test_it_is_the_body_the_paragraph_is_about_and_takes_its_date() -> None:
    [s] = fixture("pronoun_for_the_paragraphs_body")
    assert (s.speaker, iso(s)) == ("Ministry of Commerce of Ruritania", "2026-03-06")


def test_the_words_of_a_leading_subordinate_clause_end_at_its_comma() -> None:
    [s] = fixture("subordinate_clause_ends_words")
    assert s.span.text == "it would ban exports of gallium to military users"
    assert s.date is None  # "last week" in an article with no date of its own


def test_has_said_gives_no_date_and_which_speaks_for_its_antecedent() -> None:
    sol, ministry = fixture("relative_which_has_said")
    assert iso(sol) == "2026-03-06"
    assert (ministry.speaker, ministry.span.text, ministry.date) == (
        "Ministry of Commerce of Ruritania", "civilian trade will not be affected", None)


def test_every_fixture_span_counts_into_its_text() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        art = read_article(path)
        for s in find_statements(art, mentions(art.text, FIXTURE_ACTORS)):
            assert art.text[s.span.begin:s.span.end] == s.span.text, path.name
