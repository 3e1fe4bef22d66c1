"""Statements of round 23: a court's holdings, each in invented words.

* "held that", "found that", "ruled that" (the past only) report a court's or a body's
  words; without "that" they report none ("held talks", "found a buyer");
* "the court", "the panel", "the justices" as the subject of a speech verb stand for the
  court last named, right before the verb or opening a sentence whose verb is a verb of
  words ("The panel granted ... and held that ..."); with no court named, nobody.
"""

from __future__ import annotations

from extract_support import actor
from test_extract_statements import run, shown

_TABLE = [
    actor("Tribunal of Commerce of Freedonia", "government_body",
          "Freedonian Tribunal of Commerce"),
    actor("Freedonia", "state"),
    actor("Ministry of Trade of Freedonia", "government_body", "trade ministry"),
]

_RULING = ("The Freedonian Tribunal of Commerce struck down the tin levy on Monday. "
           "The panel granted judgment to the importers and held that the levy law does not "
           "allow duties on finished goods. On the second claim, the court found that the "
           "quotas were meant to raise revenue rather than to protect the mines.")


def test_a_court_holding_that_is_the_court_words() -> None:
    found = shown(run("The Freedonian Tribunal of Commerce held that the levy law does not "
                      "allow duties on finished goods.", table=_TABLE))
    assert found == [("Tribunal of Commerce of Freedonia",
                      "the levy law does not allow duties on finished goods")]


def test_held_found_ruled_without_that_report_no_words() -> None:
    found = run("The trade ministry held talks with miners on Monday. The Freedonian Tribunal "
                "of Commerce found a buyer for the seized tin and ruled out a refund.",
                table=_TABLE)
    assert found == []


def test_the_panel_and_the_court_stand_for_the_court_last_named() -> None:
    found = shown(run(_RULING, table=_TABLE))
    assert found == [
        ("Tribunal of Commerce of Freedonia",
         "the levy law does not allow duties on finished goods"),
        ("Tribunal of Commerce of Freedonia",
         "the quotas were meant to raise revenue rather than to protect the mines"),
    ]


def test_the_justices_said_after_a_court_is_the_court() -> None:
    found = shown(run("The Freedonian Tribunal of Commerce upheld the ban. In a short opinion, "
                      "the justices said the ban was lawful.", table=_TABLE))
    assert found == [("Tribunal of Commerce of Freedonia", "the ban was lawful")]


def test_a_panel_with_no_court_named_is_nobody() -> None:
    found = run("Miners met traders in the capital. The panel said the tin price would fall.",
                table=_TABLE)
    assert found == []


def test_a_court_opening_a_sentence_does_not_own_an_act_verb_of_others() -> None:
    found = shown(run("The Freedonian Tribunal of Commerce ruled against the levy. The court "
                      "vacated the order, giving the trade ministry ten days to issue new "
                      "orders that stop collection.", table=_TABLE))
    assert all(speaker != "Tribunal of Commerce of Freedonia" or "orders" not in words
               for speaker, words in found)
