"""Statements of round 25: deeds named by say verbs, and broadcast transcripts whose host
is labelled with a name and a role.

* A say verb that also names a deed (``reply_deed_verbs``: "recall", "post", "tweet") with a
  noun phrase for object tells the deed ("Freedonia recalled its ambassador"), not words;
  with "that" or a quotation it reports words ("recalled that the treaty ...").
* A broadcast transcript labels its host with a name and the role after a comma ("LINA
  VARGA, HOST:") and later with the surname alone ("VARGA:"): both are questions, so the
  guests' labelled turns ("OTTO BRAND, ENERGY ANALYST:", "BRAND:") are their answers, also
  without quotation marks; a label may give a role in two parts ("MARTA ROSS, MINISTER,
  TRADE MINISTRY:").
* "According to X, ..." after a lead-in -- a label and its colon ("Speaker notes: ",
  "3. (SBU) THE TIN: ") or a short adverbial ("At the same time, ") -- gives X the words
  after the source, never the lead-in; after a clause ("In May exports fell, according to
  X.") the words are the clause before the source.
* Translated text puts a lower-case description with "the" between an inverted verb and
  the name ('"...", affirmed the minister Ana Souza in interview ...', "..., estimates the
  analyst of the bank Norbank Otto Brand."): the person named speaks; with no person, the
  body named right after its description ("..., estimates the consultancy Tin Council.").
"""

from __future__ import annotations

from extract_support import actor
from test_extract_statements import run, shown

_TABLE = [
    actor("Freedonia", "state"),
    actor("Sylvania", "state"),
    actor("Ana Souza", "person"),
    actor("Lina Varga", "person", "LINA VARGA", "VARGA", "Lina Varga"),
    actor("Otto Brand", "person", "OTTO BRAND", "BRAND", "Otto Brand"),
    actor("Marta Ross", "person", "MARTA ROSS", "Marta Ross"),
    actor("Tin Council", "organization"),
]


def test_recalling_an_ambassador_is_a_deed_not_a_statement() -> None:
    found = shown(run("Freedonia recalled its ambassador from Sylvania on 19 March after the "
                      "border incident.", table=_TABLE))
    assert found == []


def test_recalling_an_envoy_and_announcing_a_freeze_reports_no_words() -> None:
    found = shown(run("Freedonia recalled its own ambassador and announced a freeze on new "
                      "trade with Sylvania.", table=_TABLE))
    assert found == []


def test_recalled_that_still_reports_words() -> None:
    found = shown(run("Ana Souza recalled that the treaty had never been ratified by "
                      "Sylvania.", table=_TABLE))
    assert found == [("Ana Souza", "the treaty had never been ratified by Sylvania")]


_BROADCAST = "\n\n".join([
    "EVENING NEWS WITH LINA VARGA",
    "LINA VARGA, HOST: Good evening. Freedonia halted tin exports to Sylvania on Monday. "
    "With me is Otto Brand, an energy analyst. Otto, was this expected?",
    "OTTO BRAND, ENERGY ANALYST: Not the timing. The licences had been frozen for weeks "
    "before the halt was announced.",
    "VARGA: What happens next?",
    "BRAND: Smelters in Sylvania will run out of ore within a month.",
    "(BEGIN VIDEO CLIP)",
    "MARTA ROSS, MINISTER, TRADE MINISTRY: The halt is temporary and will be reviewed in "
    "June.",
    "(END VIDEO CLIP)",
])


def test_a_hosts_named_label_asks_and_the_guests_turns_are_their_answers() -> None:
    found = shown(run(_BROADCAST, table=_TABLE))
    assert ("Otto Brand", "The licences had been frozen for weeks before the halt was "
                          "announced") in found
    assert ("Otto Brand", "Smelters in Sylvania will run out of ore within a month") in found
    assert all(speaker != "Lina Varga" for speaker, _ in found)


def test_a_label_with_a_role_in_two_parts_names_its_speaker() -> None:
    found = shown(run(_BROADCAST, table=_TABLE))
    assert ("Marta Ross", "The halt is temporary and will be reviewed in June") in found


def test_according_to_after_a_label_gives_the_words_after_the_source() -> None:
    found = shown(run("- Speaker notes: According to the Tin Council, output in Sylvania could "
                      "fall by a third next year.", table=_TABLE))
    assert found == [("Tin Council", "output in Sylvania could fall by a third next year")]


def test_according_to_after_a_numbered_heading_label_gives_the_words_after_the_source() -> None:
    found = shown(run("3. (SBU) THE TIN: According to the Tin Council, customs officers have "
                      "held tin shipments for a week.", table=_TABLE))
    assert found == [("Tin Council", "customs officers have held tin shipments for a week")]


def test_according_to_after_a_short_adverbial_gives_the_words_after_the_source() -> None:
    found = shown(run("At the same time, according to the Tin Council, Freedonia put off talks "
                      "on a loan.", table=_TABLE))
    assert found == [("Tin Council", "Freedonia put off talks on a loan")]


def test_according_to_after_a_clause_keeps_the_clause_as_the_words() -> None:
    found = shown(run("In May tin exports fell by half, according to the Tin Council.",
                      table=_TABLE))
    assert found == [("Tin Council", "In May tin exports fell by half")]


def test_an_inverted_verb_with_a_lower_case_title_names_the_person_after_it() -> None:
    found = shown(run('"Freedonia did everything the protocol asks and did it in record time", '
                      "affirmed the minister Ana Souza in interview to journalists in Lisbon "
                      "this Monday (4).", table=_TABLE))
    assert found == [("Ana Souza", "Freedonia did everything the protocol asks and did it in "
                                   "record time")]


def test_an_inverted_verb_with_a_description_of_an_employer_names_the_person() -> None:
    found = shown(run("Tin imports into Sylvania grew tenfold in 2022, estimates the analyst "
                      "of the bank Norbank Otto Brand.", table=[*_TABLE, actor("Norbank",
                                                                                "company")]))
    assert found == [("Otto Brand", "Tin imports into Sylvania grew tenfold in 2022")]


def test_an_inverted_verb_with_a_lower_case_description_of_a_body_names_the_body() -> None:
    found = shown(run("Sylvania buys more than half of the tin it smelts from Freedonia, "
                      "estimates the consultancy Tin Council.", table=_TABLE))
    assert found == [("Tin Council", "Sylvania buys more than half of the tin it smelts from "
                                     "Freedonia")]
