"""Statement claims a fresh-eyes review found wrong: inverted attributions with the
speaker's employer, reported words running on into the narrator's next clause, a name
given for words said, and short transcript answers.

Fixtures are written for one phenomenon each, with their own actors and wording."""

from __future__ import annotations

from extract_support import actor, article, mentions

from kg.extract.actors import find_actors
from kg.extract.statements import find_statements
from kg.model import StatementMention

NORWAY = actor("Norway", "state", "Norway", "Oslo")
CHILE = actor("Chile", "state", "Chile", "Santiago")
SOLBERG = actor("Kari Solberg", "person", "Kari Solberg", "Solberg", affiliation="Norway",
                role="fisheries minister")
BERG = actor("Lena Berg", "person", "Lena Berg", "Berg")
ORBIS = actor("Orbis Research", "organization", "Orbis Research")
FISHERIES = actor("Ministry of Fisheries of Norway", "government_body", "the fisheries ministry",
                  part_of="Norway")
HALVORSEN = actor("Per Halvorsen", "person", "Per Halvorsen", "Halvorsen",
                  affiliation="Norway", role="spokesperson")
TABLE = [NORWAY, CHILE, SOLBERG, BERG, ORBIS, FISHERIES, HALVORSEN]


def run(text: str, date: str = "2025-03-12") -> list[StatementMention]:
    doc = article(text, date=date)
    return find_statements(doc, mentions(text, TABLE))


def found(text: str, date: str = "2025-03-12") -> list[StatementMention]:
    """Statements over the actors the real actor extractor finds."""
    doc = article(text, date=date)
    return find_statements(doc, find_actors(doc)[0])


def said(statements: list[StatementMention]) -> set[tuple[str, str]]:
    return {(s.speaker, s.span.text) for s in statements}


# -- inverted attributions: ", said NAME of ORG" ----------------------------------------------

def test_inverted_attribution_with_employer_is_the_persons() -> None:
    text = ("Santiago will keep copper royalties unchanged this year, said Lena Berg of "
            "Orbis Research.")
    assert said(run(text)) == {
        ("Lena Berg", "Santiago will keep copper royalties unchanged this year")}


def test_inverted_attribution_at_employer_with_abbreviation_and_day() -> None:
    text = ("Oslo is unlikely to cap salmon exports before the summer, says Lena Berg at the "
            "Orbis Research (OR) on Monday.")
    assert said(run(text)) == {
        ("Lena Berg", "Oslo is unlikely to cap salmon exports before the summer")}


def test_inverted_attribution_names_a_person_the_tables_do_not_list() -> None:
    # The actor extractor finds the person after "said" with an employer and its
    # abbreviation; the state before the comma is not the speaker.
    text = ("Chile is unlikely to halt lithium shipments to Europe outright, said Marta Quiroga "
            "of the Andean Mining Institute (AMI).")
    assert said(found(text)) == {
        ("Marta Quiroga", "Chile is unlikely to halt lithium shipments to Europe outright")}


def test_unknown_inverted_speaker_gives_no_statement_to_the_subject() -> None:
    # No actor names the person after "said": no statement rather than Chile's.
    text = ("Chile is unlikely to halt lithium shipments outright, said Marta Quiroga of the "
            "Andean Mining Institute.")
    doc = article(text, date="2025-03-12")
    statements = find_statements(doc, mentions(text, TABLE))
    assert all(s.speaker != "Chile" for s in statements)
    assert all("Quiroga" not in s.span.text for s in statements)


# -- reported words end where the narrator's clause begins --------------------------------------

def test_coordinated_clause_with_its_own_subject_and_inserted_phrase_ends_the_words() -> None:
    text = ('Fisheries minister Kari Solberg has said there is "no plan" to cap salmon exports, '
            "and a 15% levy on smoked salmon, introduced on May 2, signals that Oslo is "
            "tightening.")
    statements = run(text)
    assert said(statements) == {
        ("Kari Solberg", 'there is "no plan" to cap salmon exports')}
    assert statements[0].date is None  # May 2 is the levy's, not the saying's


def test_but_gave_no_date_is_the_narrators() -> None:
    text = ("Kari Solberg said on Monday that Oslo was weighing a quota on cod exports, but "
            "gave no date.")
    assert said(run(text)) == {
        ("Kari Solberg", "Oslo was weighing a quota on cod exports")}


def test_but_declined_to_elaborate_is_the_narrators() -> None:
    # A refusal holds no "not" or "no": the words still end before it.
    text = ("Kari Solberg said on Monday that Oslo was weighing a quota on cod exports, but "
            "declined to elaborate.")
    assert said(run(text)) == {
        ("Kari Solberg", "Oslo was weighing a quota on cod exports")}


def test_negated_passive_of_saying_after_but_is_the_narrators() -> None:
    text = ('Per Halvorsen said on Tuesday that Norway "will consider retaliation", but the '
            "details were not disclosed.")
    assert said(run(text)) == {("Per Halvorsen", 'Norway "will consider retaliation"')}


def test_though_the_ministry_has_not_said_so_is_the_narrators() -> None:
    text = ("Analysts at Orbis Research believe cod and herring could be next, though the "
            "fisheries ministry has not said so.")
    assert said(run(text)) == {("Orbis Research", "cod and herring could be next")}


def test_speakers_own_negated_passive_stays_their_words() -> None:
    text = "Lena Berg said the timing of the new levy had not been decided."
    assert said(run(text)) == {("Lena Berg", "the timing of the new levy had not been decided")}


def test_has_not_said_so_names_no_topic() -> None:
    text = ("Cod could be next on the list, though the fisheries ministry has not said so.")
    assert not run(text)


# -- participles of saying, names given ----------------------------------------------------------

def test_saying_after_an_act_of_the_speaker_reports_the_quotation() -> None:
    text = ('Kari Solberg voiced alarm, saying "the damage to coastal processors in Finnmark '
            'will be severe."')
    assert said(run(text)) == {
        ("Kari Solberg",
         "the damage to coastal processors in Finnmark will be severe.")}


def test_quoted_proper_name_after_called_is_a_name_not_words() -> None:
    text = ('The navy started three days of exercises off the coast of Chile, called '
            '"Southern Shield-3".')
    assert not run(text)


# -- transcripts ---------------------------------------------------------------------------------

def test_short_transcript_answer_naming_a_party_is_the_answerers() -> None:
    text = ("Reporter: What is Norway's response to the new tariffs?\n\n"
            "Per Halvorsen: Chile is mistaken. Oslo will answer within the rules of trade.\n\n"
            "Reporter: Will talks resume?\n\nPer Halvorsen: Not yet.\n")
    statements = said(run(text))
    assert ("Per Halvorsen", "Chile is mistaken") in statements
    assert ("Per Halvorsen", "Oslo will answer within the rules of trade") in statements
    assert all(words != "Not yet" for _, words in statements)
