"""Statements of round 18, each in invented words.

* "according to" an agency whose name says it keeps numbers ("the U.S. Geological Survey",
  "Statistics Freedonia") gives a figure's source, not a statement; the agency is still a
  cited source;
* a second speaker after ", and" with a lower-case title ("..., and tourism minister X said")
  ends the first speaker's words;
* a nationality and a plural noun of an unnamed source ("Chilean officials") name a group of
  unnamed sources when they speak ("Chilean officials have denied any ban", "Peruvian
  officials insist ...", "according to Peruvian officials"), but not as a preposition's
  object ("talks with Chilean and Bolivian officials").
"""

from __future__ import annotations

from extract_support import actor, article, cited_names, found_actors
from test_extract_statements import run, shown

from kg.extract.actors import find_actors
from kg.extract.statements import find_statements
from kg.model import StatementMention

FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
SURVEY = actor("United States Geological Survey", "government_body", "U.S. Geological Survey",
               "USGS")
STATS = actor("Statistics Freedonia", "government_body", "Statistics Freedonia",
              part_of="Freedonia")
TRADE_BOARD = actor("Freedonian Trade Board", "government_body", "Trade Board",
                    "Freedonian Trade Board", part_of="Freedonia")
TABLE = [FREEDONIA, SURVEY, STATS, TRADE_BOARD]


def with_actors(text: str) -> list[StatementMention]:
    """The statements of ``text`` with the actors the real actor extractor finds."""
    art = article(text, date="2026-03-04")
    return find_statements(art, find_actors(art)[0])


# -- data agencies ------------------------------------------------------------------------

def test_according_to_a_geological_survey_gives_a_figure_not_a_statement() -> None:
    text = ("Freedonia mined about 5.3 million tonnes of tin in 2024, according to the "
            "U.S. Geological Survey, or about a third of world supply.")
    assert run(text, table=TABLE) == []


def test_according_to_a_statistics_office_gives_a_figure_not_a_statement() -> None:
    text = ("According to Statistics Freedonia, the country sold about 1.2 billion dollars of "
            "tin to its neighbours in 2025.")
    assert run(text, table=TABLE) == []


def test_according_to_a_body_keeping_no_numbers_still_reports_its_words() -> None:
    text = ("Exporters of tin will need a second permit from March, according to the "
            "Freedonian Trade Board.")
    assert shown(run(text, table=TABLE)) == [
        ("Freedonian Trade Board", "Exporters of tin will need a second permit from March")]


def test_a_statistics_agency_stays_a_cited_source() -> None:
    text = ("Canada bought about 2 billion dollars of tin in 2024, according to the US Census "
            "Bureau.")
    assert any("Census" in name for name in cited_names(text))


# -- unnamed groups named by a nationality --------------------------------------------------

def test_a_nationality_and_officials_speak_as_an_unnamed_group() -> None:
    found = with_actors("Peru halted copper exports on Monday. Chilean officials have denied "
                        "any ban.")
    assert [(s.speaker, s.span.text) for s in found] == [
        ("unnamed Chilean officials", "Chilean officials have denied any ban")]


def test_a_group_speaks_in_the_present_of_the_plural() -> None:
    found = with_actors("Peru halted copper exports on Monday. Peruvian officials insist the "
                        "halt is temporary.")
    [said] = found
    assert (said.speaker, said.span.text) == ("unnamed Peruvian officials",
                                              "the halt is temporary")
    assert said.date is not None and said.date.isoformat() == "2026-03-04"


def test_a_group_cited_by_according_to_is_the_source() -> None:
    found = with_actors("Peru halted copper exports on Monday. Talks on a quota were put on "
                        "hold, according to Chilean officials.")
    assert [(s.speaker, s.span.text) for s in found] == [
        ("unnamed Chilean officials", "Talks on a quota were put on hold")]


def test_officials_after_a_preposition_are_spoken_with_not_a_source() -> None:
    text = ("Peru halted copper exports on Monday. Lima will hold talks with Chilean and "
            "Bolivian officials next week, trade minister Ana Soto has said.")
    names = {a.name for a in found_actors(text)}
    assert not any(name.startswith("unnamed") for name in names), names


# -- a second speaker with a lower-case title ------------------------------------------------

def test_a_coordinated_speaker_with_a_lower_case_title_ends_the_first_words() -> None:
    text = ("The Freedonian Trade Board said it had set aside 3 million dollars for exporters, "
            "and tourism minister Karl Brandt said the losses were \"manageable\".")
    brandt = actor("Karl Brandt", "person", "Karl Brandt", affiliation="Freedonia")
    found = shown(run(text, table=[*TABLE, brandt]))
    assert found == [
        ("Freedonian Trade Board", "it had set aside 3 million dollars for exporters"),
        ("Karl Brandt", 'the losses were "manageable"')]
