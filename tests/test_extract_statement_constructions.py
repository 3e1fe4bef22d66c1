"""Statements (kg.extract.statements): quotation and clause constructions of round 4.

One phenomenon per test, on fixture articles of ``tests/fixtures/statements/`` (fictional
actors, see its ``actors.json``); the helpers are those of ``test_extract_statements``.
"""

from __future__ import annotations

from test_extract_statements import fixture, iso, shown

from kg.model import StatementKind


def test_a_quotation_interrupted_by_its_attribution_is_one_statement() -> None:
    sol, weller, *separate = fixture("interrupted_quote_is_one_statement")
    assert (sol.speaker, sol.kind) == ("Mira Sol", StatementKind.DIRECT_QUOTE)
    assert sol.span.text.startswith("We regret the decision")
    assert sol.span.text.endswith("we will answer it in kind.")
    # British single quotes, an apostrophe inside them
    assert weller.speaker == "Jonas Weller"
    assert weller.span.text.startswith("Freedonia's mills can cope")
    assert weller.span.text.endswith("but not past the summer.")
    # A first part that ends its sentence is a statement of its own.
    assert shown(separate) == [("Bao Lin", "The talks have failed"),
                               ("Bao Lin", "Nothing more will happen this year.")]


def test_a_comma_after_the_verb_and_its_adverbials_opens_the_whole_quotation() -> None:
    brandt, bao = fixture("comma_opens_quotation")
    assert (brandt.speaker, brandt.kind, iso(brandt)) == (
        "Karl Brandt", StatementKind.DIRECT_QUOTE, "2026-03-05")
    assert brandt.span.text == ("The levy targets only our country. We will respond calmly "
                                "while consulting partners.")
    assert (bao.speaker, bao.kind) == ("Bao Lin", StatementKind.DIRECT_QUOTE)
    assert bao.span.text.endswith("The door to talks stays open.")


def test_an_attribution_inserted_before_a_quoted_predicate_reports_the_sentence() -> None:
    [s] = fixture("inserted_attribution_before_quote")
    assert (s.speaker, s.kind) == ("Mira Sol", StatementKind.DIRECT_QUOTE)
    assert s.span.text.startswith("The reach of the levy")
    assert s.span.text.endswith("'remains to be settled'")


def test_said_a_but_that_b_with_quotations_are_two_statements() -> None:
    assert shown(fixture("but_that_with_a_quotation")) == [
        ("Karl Brandt", 'Freedonia had "received no notice" of the halt'),
        ("Karl Brandt", 'it would "firmly urge" Ruritania to honour its pledge to reopen the '
                        'market')]


def test_a_when_clause_with_its_own_speaker_ends_the_words_before_it() -> None:
    urged, said = fixture("when_clause_names_another_speaker")
    assert (urged.speaker, urged.kind, urged.span.text) == (
        "Ruritania", StatementKind.REPORTED,
        "urged Karl Brandt to retract remarks he made in March")
    assert (said.speaker, said.kind) == ("Karl Brandt", StatementKind.DIRECT_QUOTE)
    assert said.span.text.startswith("a blockade of the strait")


def test_a_with_clause_participle_speaks_for_the_actor_before_it() -> None:
    rejected, telling = fixture("with_clause_names_another_speaker")
    assert (rejected.speaker, rejected.span.text) == ("Ruritania",
                                                      "rejected criticism of its steel levy")
    assert (telling.speaker, telling.kind) == ("Mira Sol", StatementKind.DIRECT_QUOTE)
    assert telling.span.text == 'the levy "complies with every trade rule"'


def test_a_question_asks_what_was_said_and_reports_nothing() -> None:
    assert shown(fixture("questions_report_no_words")) == [
        ("Bao Lin", 'civilian buyers "will not be affected"')]


def test_speech_still_to_come_after_a_modal_or_a_plan_is_no_statement() -> None:
    # ... and its clause ends the words of the statement before it.
    assert shown(fixture("prospective_speech_is_no_statement")) == [
        ("Karl Brandt", 'Freedonia would "stay calm"')]


def test_according_to_ends_the_words_only_where_it_names_a_source() -> None:
    found = fixture("according_to_without_a_source")
    assert shown(found) == [
        ("Karl Brandt", "prices had risen to $300 per tonne since the levy"),
        ("Mira Sol", "the levy was imposed according to law and would be reviewed according "
                     "to the market situation"),
        ("Bao Lin", "the levy had cut imports by half")]
    assert found[2].via == "Daily Herald"


def test_a_reminder_to_the_public_is_words_only_when_quoted() -> None:
    [s] = fixture("reminders_to_the_public")  # the unquoted reminder is an advisory
    assert s.speaker in ("Ministry of Foreign Affairs of Ruritania",
                         "Ministry of Commerce of Ruritania")  # "X and the Y remind"
    assert s.kind is StatementKind.DIRECT_QUOTE
    assert '"check every licence twice"' in s.span.text


def test_cite_reports_words_only_in_the_frame_cite_x_as_y() -> None:
    assert shown(fixture("cited_as_frame")) == [
        ("Ruritania", 'cited the figure as proof of Freedonian "militarism"'),
        ("Kell Wire", "steel shipments fell by a third in February")]


def test_a_list_item_goes_on_with_the_sentence_its_colon_opens() -> None:
    notice, warns, herald = fixture("list_items_after_a_colon")
    assert (notice.speaker, notice.kind, iso(notice)) == (
        "Ministry of Commerce of Ruritania", StatementKind.DIRECT_QUOTE, "2026-03-02")
    assert notice.span.text == 'any other user that "could threaten regional stability"'
    # "The notice took effect ... It also warns": "it" is the notice, which speaks for the
    # ministry that published it.
    assert (warns.speaker, warns.kind) == ("Ministry of Commerce of Ruritania",
                                           StatementKind.DIRECT_QUOTE)
    assert warns.span.text.endswith('will be "held to account"')
    # A bullet is no part of the words a trailing attribution reports.
    assert (herald.speaker, herald.span.text) == (
        "Daily Herald", "Freedonian patrol boats entered the disputed waters")


def test_he_said_after_an_unnamed_person_spoke_is_not_the_last_named_person() -> None:
    assert shown(fixture("pronoun_after_an_unnamed_speaker")) == [
        ("Karl Brandt", "Freedonia would study the levy carefully"),
        ("Jonas Weller", "We have three months of stock"),
        ("Jonas Weller", "After that, we will see")]


def test_a_say_verb_claiming_a_power_reports_no_words() -> None:
    assert shown(fixture("claiming_a_power_is_no_statement")) == [
        ("Karl Brandt", "Freedonia would defend them"),
        ("Bao Lin", "the controls were needed to protect national security")]


def test_a_clause_whose_speaker_no_actor_names_ends_the_words_before_it() -> None:
    assert shown(fixture("unknown_speaker_ends_the_words")) == [
        ("Daily Herald", "steel exports fell by a third in February"),
        ("Bao Lin", "the quotas would stay in place for now")]


def test_a_speech_act_named_by_a_quotation_is_a_direct_quote_from_its_verb() -> None:
    found = fixture("quoted_speech_act")
    assert shown(found) == [
        ("Mira Sol", 'made "stern representations", demanding that Fredville withdraw the levy'),
        ("Karl Brandt", "lodged a 'solemn protest' with Ruritania over the seizure of the "
                        "trawler")]  # 'made a "scheduled" stop' names no speech act
    assert {s.kind for s in found} == {StatementKind.DIRECT_QUOTE}


def test_hedged_reports_are_no_statements_and_negated_ones_stay_negated() -> None:
    found = fixture("hedged_reports_are_no_claims")
    # "reportedly told", "is said to have warned", "may have told", "whether X said" and
    # "allegedly claimed" assert no words; a denial keeps its verb; "never said" and "did
    # not say" are reports of not saying.
    assert shown(found) == [
        ("Karl Brandt", "denied that Freedonia had halted shipments"),
        ("Mira Sol", "never said the levy would be lifted"),
        ("Bao Lin", "did not say whether the quotas would stay")]
    assert [s.negated for s in found] == [False, True, True]


def test_translated_verbs_with_that_report_words_and_without_it_do_not() -> None:
    # "answered the questions", "introduced new quotas": acts, not words.
    assert shown(fixture("translated_that_verbs")) == [
        ("Bao Lin", "the levy is fully in line with the rules of trade"),
        ("Bao Lin", "the Ruritanian side welcomes the dialogue with all countries"),
        ("Mira Sol", "the quotas for civilian users will stay the same"),
        # "expressed that" reports words; "expressed concern" is an act
        ("Mira Sol", "after review, the Ruritanian side decided to keep the quotas")]


def test_put_x_at_y_is_an_estimate_and_a_contact_clause_keeps_its_subject() -> None:
    # "put pressure on" reports nothing; "a senior trade official we interviewed put ...":
    # the relative clause without "who" stands between the speaker and the verb.
    assert shown(fixture("estimates_put_at")) == [
        ("Graystone Advisory", "put the cost of the levy at $2 billion a year"),
        ("unnamed senior official", "put the steel shortfall at 40,000 tonnes")]


def test_a_description_of_the_source_after_according_to_is_not_the_words() -> None:
    # A clause after the comma is the words (", the levy will double ..."); a relative
    # clause or an apposition on the source is not.
    assert shown(fixture("according_to_with_a_description")) == [
        ("Daily Herald", "the levy will double in April, starting with flat steel"),
        ("Daily Herald", "the levy will double in April"),
        ("Kell Wire", "the quotas will stay")]


def test_a_speech_noun_and_its_that_clause_are_its_owners_statement() -> None:
    found = fixture("noun_that_clauses")
    pairs = shown(found)
    # an outlet's report inside another speaker's negated report keeps its own source
    assert ("Daily Herald", "Ruritanian customs had held steel cargoes at two ports") in pairs
    # a possessive pronoun is the last person named
    assert ("Karl Brandt", "a blockade of the strait would be an act of war") in pairs
    # a noun phrase that is the subject, a relative "that", a state's name as a modifier:
    # no noun report
    assert not any(s.speaker == "Ruritania" for s in found)
    assert not any(s.span.text.startswith(("was published", "the fleet")) for s in found)
