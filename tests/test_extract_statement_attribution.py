"""Statements (kg.extract.statements): attribution and coordination fixes of round 7,
from an error taxonomy of sets unseen by the code of their time.

One phenomenon per test, on fixture articles of ``tests/fixtures/statements/`` (fictional
actors, see its ``actors.json``); the helpers are those of ``test_extract_statements``.
"""

from __future__ import annotations

from test_extract_statements import fixture, shown

from kg.model import StatementKind


def test_a_capitalised_speech_word_inside_a_name_is_not_a_verb() -> None:
    # "State" of "State Department" is no speech verb: the spokesperson's "said" reports.
    [s] = fixture("capitalised_verb_in_a_name")
    assert s.span.text == 'the talks with Fredville were "moving slowly but moving."'
    assert s.speaker == "unnamed Ruritanian State Department spokesperson"


def test_a_heading_ending_with_a_preposition_does_not_make_the_next_subject_an_object() -> None:
    [s] = fixture("heading_ending_with_preposition")
    assert (s.speaker, s.kind) == ("Bao Lin", StatementKind.REPORTED)
    assert s.span.text == "the levy would be reviewed within a month"


def test_a_coordinated_past_verb_with_both_predicates_quoted_is_a_second_statement() -> None:
    sol_first, sol_second, bao = fixture("and_past_verb_with_two_quotes")
    assert shown([sol_first, sol_second]) == [
        ("Mira Sol", 'the levy was "a measured step by a patient government"'),
        ("Mira Sol", 'stood "ready for talks at any level with Fredville"')]
    # "was "A" and aimed at ...": a participle sharing "was", one statement
    assert bao.speaker == "Bao Lin"
    assert bao.span.text.endswith("aimed only at buyers in the defence sector")


def test_a_participle_after_body_title_and_name_is_the_persons() -> None:
    [s] = fixture("body_title_name_participle")
    assert (s.speaker, s.kind) == ("Mira Sol", StatementKind.DIRECT_QUOTE)
    assert s.span.text.startswith("calling the levy")


def test_an_official_in_a_capital_does_not_speak_for_that_state() -> None:
    [s] = fixture("official_in_a_capital")
    assert s.speaker == "unnamed Freedonian embassy official"
    assert s.span.text == 'Fredville "wants a calm exchange" on the levy'


def test_the_notice_says_speaks_for_the_body_that_issued_it() -> None:
    # "X published Circular No. 9 ... the notice says": no actor names the notice; the body
    # that issued the document speaks. What the notice leaves out is no statement.
    [s] = fixture("document_noun_after_its_issue")
    assert s.speaker == "Ministry of Commerce of Ruritania"
    assert s.span.text.startswith('Traders "in any market" that pass such steel')
    assert s.span.text.endswith('will be "held to account"')


def test_the_announcement_after_a_body_spoke_is_that_bodys() -> None:
    # "The ministry said ... The announcement further states that ...": the announcement is
    # what the ministry said; an adverb may stand between the document and its verb.
    said, states = fixture("document_noun_after_its_body_spoke")
    assert said.speaker == states.speaker == "Ministry of Commerce of Ruritania"
    assert states.span.text == ("resellers who ship the capped grades onward would lose "
                                "their permits")


def test_a_relative_clause_with_its_own_speaker_ends_the_words_before_it() -> None:
    # ", in which Brandt said ...": Brandt's words, not part of what Bao said.
    bao, brandt = fixture("in_which_clause_has_its_own_speaker")
    assert bao.speaker == "Bao Lin"
    assert bao.span.text.endswith("withdraw his March speech")
    assert brandt.speaker == "Karl Brandt"
    assert brandt.span.text == ("a blockade of the strait could pose an existential threat "
                                "to Freedonia")


def test_a_quotation_after_a_colon_clause_is_not_a_demand_verbs_words() -> None:
    # "shows no sign of yielding:" reports nothing; the quotation is Bao's, after "said".
    [s] = fixture("demand_verb_before_a_colon_clause")
    assert s.speaker == "Bao Lin"
    assert s.span.text == 'Fredville must "drop its claims" before any talks'


def test_an_unnamed_spokesperson_of_a_generic_body_speaks_for_the_states_body() -> None:
    # No defence ministry was named before: the state the sentence names owns it.
    [s] = fixture("generic_body_spokesperson_of_the_state")
    assert s.speaker == "Ministry of Defense of Freedonia"
    assert s.span.text == 'the quotas were "a breach of trust"'


def test_a_time_clause_with_its_own_speaker_is_a_statement_of_its_own() -> None:
    # "after Brandt said ...": Brandt's words, not part of what Bao said.
    bao, brandt = fixture("time_clause_has_its_own_speaker")
    assert (bao.speaker, bao.span.text) == ("Bao Lin", "the quotas were tightened")
    assert brandt.speaker == "Karl Brandt"
    assert brandt.span.text == 'the strait could be closed "at any hour"'


def test_two_participles_of_saying_joined_by_and_are_two_statements() -> None:
    # "describing A and saying B", "saying A and urging B": each participle reports its own
    # words, as two coordinated finite verbs do; a short act after a quotation ("and
    # demanding their withdrawal") stays part of the first.
    found = fixture("coordinated_speech_participles")
    assert shown(found) == [
        ("Mira Sol", 'describing the levy as "a proportionate reply"'),
        ("Mira Sol", "it targeted arms makers rather than ordinary traders"),
        ("Graystone Advisory", 'Ruritanian steel was "no longer dependable"'),
        ("Graystone Advisory", "urging clients to find other mills"),
        ("Ministry of Foreign Affairs of Freedonia",
         'calling the curbs "wholly unacceptable" and demanding their withdrawal')]
