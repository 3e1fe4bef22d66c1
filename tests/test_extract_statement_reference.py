"""Statements (kg.extract.statements): who a pronoun, a description or a relaying frame
names as the speaker, and how a series of clauses is cut (round 15).

Inline texts with fictional actors, one phenomenon per test; written for the construction,
not copied from a dev article.
"""

from __future__ import annotations

from extract_support import actor, article, mentions

from kg.extract.statements import find_statements
from kg.model import StatementMention

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
COMMERCE = actor("Ministry of Commerce of Ruritania", "government_body",
                 "Ruritania's commerce ministry", "the commerce ministry", part_of="Ruritania")
COAST_GUARD = actor("Freedonian Coast Guard", "government_body", "Freedonian Coast Guard")
MILLERS = actor("Freedonia Millers Union", "organization", "Freedonia Millers Union")
SHIPPERS = actor("Baltic Shippers Council", "organization", "Baltic Shippers Council")
GAZETTE = actor("Strelsau Gazette", "media", "Strelsau Gazette", "Gazette")
LEDGER = actor("Northern Ledger", "media", "Northern Ledger")
BAO = actor("Bao Lin", "person", "Bao Lin", affiliation="Ministry of Commerce of Ruritania")
TABLE = [RURITANIA, COMMERCE, COAST_GUARD, MILLERS, SHIPPERS, GAZETTE, LEDGER, BAO]


def run(text: str) -> list[StatementMention]:
    return find_statements(article(text, date="2026-03-04"), mentions(text, TABLE))


def shown(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.span.text) for s in run(text)]


def test_a_pronoun_in_a_relative_clause_is_the_main_clauses_subject() -> None:
    # The commerce ministry spoke last, but "it" in ", which it said" is the coast guard.
    text = ("Ruritania's commerce ministry said on Monday that grain quotas would stay. "
            "The Freedonian Coast Guard held patrols off the northern cape on Tuesday, which "
            "it said were \"a reminder to smugglers\" in the strait.")
    assert ("Freedonian Coast Guard", 'patrols off the northern cape on Tuesday, which it said '
            'were "a reminder to smugglers" in the strait') in shown(text)


def test_they_in_a_relative_clause_is_the_first_of_a_coordinated_subject() -> None:
    text = ("The Freedonia Millers Union and the Baltic Shippers Council warned members to "
            "check cargo papers, which they said were \"often forged at the border\".")
    assert ("Freedonia Millers Union", 'members to check cargo papers, which they said were '
            '"often forged at the border"') in shown(text)


def test_a_trailing_unnamed_attribution_owns_the_words_before_it() -> None:
    # Unnamed people tell of the ministry's instruction: it is no statement of the ministry.
    text = ("Ruritania's commerce ministry has told flour exporters to hold all shipments "
            "bound for the south, three traders briefed on the order told the Gazette.")
    assert [s for s in run(text) if s.speaker == "Ministry of Commerce of Ruritania"] == []


def test_a_trailing_named_attribution_still_takes_the_words() -> None:
    text = ("Ruritania's commerce ministry has told flour exporters to hold all shipments "
            "bound for the south, the Freedonian Coast Guard said on Tuesday.")
    assert shown(text) == [("Freedonian Coast Guard", "Ruritania's commerce ministry has told "
                                                      "flour exporters to hold all shipments "
                                                      "bound for the south")]


def test_a_series_of_quoted_that_clauses_is_one_statement_each() -> None:
    text = ("Bao Lin said on Monday that grain \"is not covered\" by the quota, that "
            "\"ordinary trade goes on\", and that talk of border holds was \"idle rumour\".")
    assert [t for _, t in shown(text)] == [
        'grain "is not covered" by the quota', "ordinary trade goes on",
        'talk of border holds was "idle rumour"']


def test_a_that_after_an_unquoted_noun_phrase_is_a_relative_clause() -> None:
    # ", that helps ..." after "any shipper, anywhere," qualifies the shipper: one statement.
    text = ("Bao Lin warned that any shipper, anywhere, that moves such grain north "
            "\"will answer for it in court\".")
    [s] = run(text)
    assert s.span.text.startswith("any shipper, anywhere, that moves such grain north")


def test_a_verb_closing_an_object_relative_clause_reports_no_words() -> None:
    # "delays that the coast guard denied": the delays are the denied claim, not words.
    text = ("Two shippers described long delays at the northern cape that the Freedonian "
            "Coast Guard flatly denied.")
    assert run(text) == []


def test_quoted_as_saying_gives_the_quoted_party_the_words_through_the_outlet() -> None:
    text = ("The Strelsau Gazette quoted Bao Lin as saying that the quota would be reviewed "
            "in the spring.")
    [s] = run(text)
    assert (s.speaker, s.span.text, s.via) == (
        "Bao Lin", "the quota would be reviewed in the spring", "Strelsau Gazette")


def test_words_before_quoted_as_saying_are_the_quoted_partys() -> None:
    text = 'Mills were "running at half speed", the Northern Ledger quoted Bao Lin as saying.'
    [s] = run(text)
    assert (s.speaker, s.span.text) == ("Bao Lin", 'Mills were "running at half speed"')


def test_quoted_as_saying_an_unnamed_party_gives_the_outlet_no_words() -> None:
    text = ("Grain was \"piling up in silos\", the Northern Ledger quoted a farmer near the "
            "border as saying.")
    assert run(text) == []


def test_it_after_a_sentence_opening_with_an_outlet_is_that_outlet() -> None:
    # The Gazette spoke last; "it" follows the sentence whose subject is the Ledger.
    text = ("The Strelsau Gazette reported that mills had closed in the north.\n\n"
            "The Northern Ledger told a different story. In an article on Tuesday, it said "
            "most mills were running normally.")
    assert ("Northern Ledger", "most mills were running normally") in shown(text)


def test_it_after_a_leading_phrase_keeps_the_last_speaker() -> None:
    # "On Monday, after the coast guard's patrol, ..." opens with no subject: the body that
    # spoke before is "it".
    text = ("On Monday, a day after the Freedonian Coast Guard patrol, the commerce ministry "
            "announced that grain quotas would stay. It also said rice would be exempt.")
    assert ("Ministry of Commerce of Ruritania", "rice would be exempt") in shown(text)


def test_the_paper_said_is_the_outlet_named_before() -> None:
    text = ("The Northern Ledger reported on Monday that two mills had closed. The paper "
            "said flour prices had doubled since January.")
    assert ("Northern Ledger", "flour prices had doubled since January") in shown(text)


def test_according_to_the_paper_is_the_outlet_named_before() -> None:
    text = ("The Strelsau Gazette reported on Monday that two mills had closed. According "
            "to the paper, flour prices had doubled since January.")
    assert ("Strelsau Gazette", "flour prices had doubled since January") in shown(text)


def test_a_body_after_close_to_is_no_speaker() -> None:
    # "A person close to the ministry" speaks, not the ministry: no speaker the table names.
    text = ("A person close to the commerce ministry told the Strelsau Gazette that quotas "
            "on rye were under review.")
    assert [s for s in run(text) if s.speaker == "Ministry of Commerce of Ruritania"] == []


def test_the_sources_is_the_unnamed_group_named_before() -> None:
    sources = actor("unnamed Freedonian port sources", "person", "three Freedonian port sources")
    text = ("Rye exports have stalled, three Freedonian port sources said on Monday. The "
            "coast guard ordered extra checks on every barge, the sources told the Gazette.")
    found = find_statements(article(text, date="2026-03-04"), mentions(text, [*TABLE, sources]))
    assert [(s.speaker, s.span.text) for s in found] == [
        ("unnamed Freedonian port sources", "Rye exports have stalled"),
        ("unnamed Freedonian port sources", "The coast guard ordered extra checks on every barge")]


def test_a_name_after_told_is_the_listener_not_the_speaker() -> None:
    text = '"Quotas stay as they are," Bao Lin told the Northern Ledger on Monday.'
    [s] = run(text)
    assert (s.speaker, s.span.text) == ("Bao Lin", "Quotas stay as they are")


def test_he_after_a_nameless_tradesman_spoke_is_not_the_last_person_named() -> None:
    # "he" is the miller's manager whom no actor names, not Bao Lin.
    text = ("Bao Lin said on Monday that quotas would stay. A mill manager near the border "
            "said rye prices had risen, though he said the rise was small and could not be "
            "tied to the quota.")
    assert [s for s in run(text) if "rise was small" in s.span.text] == []


def test_they_after_an_unnamed_group_spoke_is_that_group() -> None:
    officials = actor("unnamed officials at the port authority", "person",
                      "Officials at the port authority")
    text = ("Ruritania's commerce ministry said on Monday that quotas would stay. Officials at "
            "the port authority said barges were being checked twice. No barge has been "
            "turned back, they said.")
    found = find_statements(article(text, date="2026-03-04"),
                            mentions(text, [*TABLE, officials]))
    assert ("unnamed officials at the port authority", "No barge has been turned back") in \
        [(s.speaker, s.span.text) for s in found]


def test_withholding_a_date_names_no_topic_and_is_no_statement() -> None:
    # "stopped short of naming a date" / "would not give a timetable": no claim to query.
    text = ("Bao Lin said the ministry would resume rye talks with Freedonia, but stopped short "
            "of naming a date. The Freedonian Coast Guard would not give a timetable.")
    assert shown(text) == [("Bao Lin", "the ministry would resume rye talks with Freedonia")]


def test_the_official_after_a_quotation_is_the_unnamed_official_named_before() -> None:
    official = actor("unnamed senior port official", "person", "a senior port official")
    text = ("Rye barges will be checked twice, a senior port official said on Monday. "
            "\u201cWe have no choice, and it will slow everything,\u201d the official said.")
    found = find_statements(article(text, date="2026-03-04"), mentions(text, [*TABLE, official]))
    assert [(s.speaker, s.span.text) for s in found] == [
        ("unnamed senior port official", "Rye barges will be checked twice"),
        ("unnamed senior port official", "We have no choice, and it will slow everything")]


def test_an_outlet_labelling_a_question_is_no_subject_of_its_participle() -> None:
    text = ("Bao Lin: We will keep the quota.\n\nNorthern Ledger: The Freedonian Coast Guard "
            "stopped two barges this week, calling them \"a test of our patience\". Will "
            "Ruritania respond?")
    assert [s.speaker for s in run(text) if "patience" in s.span.text] == [
        "Freedonian Coast Guard"]
