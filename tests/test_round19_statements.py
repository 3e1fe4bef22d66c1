"""Statements of round 19 (work across the held-out sets), each in invented words.

* a "tell" verb's listeners may go on in prepositional phrases before "that" (the firms
  they come from, the meeting they were told at, its day): "told executives from Tinco,
  Lund Metals and Ostmark at an emergency meeting on Thursday that ..." reports the words
  after "that" and is dated Thursday; phrases holding a clause of their own ("after he met
  ...", "where ...") are not listeners, and "that" after them is left to the other rules.
"""

from __future__ import annotations

from extract_support import actor
from test_extract_statements import run, shown

KESSLER = actor("Anna Kessler", "person", "Anna Kessler", "Kessler")
TINCO = actor("Tinco", "company", "Tinco")
LUND_METALS = actor("Lund Metals", "company", "Lund Metals")
OSTMARK = actor("Ostmark Steel", "company", "Ostmark Steel")
TABLE = [KESSLER, TINCO, LUND_METALS, OSTMARK]


def test_listeners_described_by_prepositional_phrases_are_not_the_words() -> None:
    found = run("Industry Minister Anna Kessler told executives from Tinco, Lund Metals and "
                "Ostmark Steel at an emergency meeting on Thursday that Freedonia was "
                '"not a party to this quarrel".', table=TABLE, date="2026-01-10")
    assert shown(found) == [("Anna Kessler", 'Freedonia was "not a party to this quarrel"')]


def test_the_day_in_the_listeners_phrases_dates_the_words() -> None:
    found = run("Kessler told investors from Tinco and Lund Metals at a hearing in Fredville "
                "on Thursday that tin exports would resume in March.", table=TABLE,
                date="2026-01-10")
    assert [s.span.text for s in found] == ["tin exports would resume in March"]
    assert found[0].date is not None and found[0].date.isoformat() == "2026-01-08"


def test_a_clause_among_the_phrases_keeps_them_out_of_the_listeners() -> None:
    found = run("Kessler told executives from Tinco and Lund Metals at the weekly briefing in "
                "the capital where Ostmark Steel had said on Monday that the furnace would "
                "close.", table=TABLE, date="2026-01-10")
    assert ("Anna Kessler", "the furnace would close") not in shown(found)
