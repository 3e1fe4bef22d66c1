"""Measure dates of round 22, each in invented words.

A measure whose clause goes on to tie it to the day of another act ("protested the same
day the ban was announced", "on the day of the ban", "within hours of the announcement")
takes that act's day, not the day the date table gives the phrase nor the day of the
report; a day of its own keeps its own.  "Strengthen export control" takes the measure as a
governing verb does, so the day its announcement names dates it.
"""

from __future__ import annotations

from extract_support import actor, measures_in

from kg.model import MeasureMention, MeasureType, PartialDate

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
BORDURIA = actor("Borduria", "state", "Borduria", "Szohod")
TRADE = actor("Ministry of Trade of Ruritania", "government_body", "Ministry of Trade",
              "trade ministry", part_of="Ruritania")
FOREIGN = actor("Ministry of Foreign Affairs of Borduria", "government_body",
                "Borduria's foreign ministry", part_of="Borduria")
ENVOY = actor("Karl Vesna", "person", "Karl Vesna", "Vesna", affiliation="Borduria")
TABLE = [RURITANIA, BORDURIA, TRADE, FOREIGN, ENVOY]
GOODS = [{"name": "cobalt", "category": "other", "forms": ["cobalt"]},
         {"name": "dual-use items", "category": "other", "forms": ["dual-use items"]}]


def run(text: str) -> list[MeasureMention]:
    """The measures of ``text``, an article of Thursday 12 March 2026."""
    return measures_in(text, TABLE, GOODS, date="2026-03-12")


def protests(text: str) -> list[PartialDate | None]:
    """The dates of the protests of ``text``, in text order."""
    return [m.date for m in run(text) if m.type is MeasureType.PROTEST]


TUESDAY = PartialDate(2026, 3, 10)
BAN = "Ruritania on Tuesday banned exports of cobalt to Borduria, the trade ministry said.\n\n"


def test_a_protest_on_the_day_the_ban_was_announced_takes_the_bans_day() -> None:
    text = BAN + ("Borduria's foreign ministry, which protested the ban on the day it was "
                  "announced, said on Thursday it had asked Strelsau for details.")
    assert protests(text) == [TUESDAY]


def test_a_protest_on_the_day_of_the_ban_takes_the_bans_day() -> None:
    text = BAN + ("Borduria protested to the Ruritanian embassy on the day of the ban, "
                  "officials said on Thursday.")
    assert protests(text) == [TUESDAY]


def test_a_protest_within_hours_of_the_announcement_takes_the_announced_day() -> None:
    text = BAN + ("Karl Vesna, a senior Bordurian diplomat, had lodged a protest with the "
                  "Ruritanian ambassador within hours of the announcement, Borduria's "
                  "foreign ministry said on Thursday.")
    assert protests(text) == [TUESDAY]


def test_a_day_of_its_own_before_the_phrase_keeps_the_measures_day() -> None:
    text = BAN + ("Borduria protested to the Ruritanian embassy on March 11, within hours "
                  "of the announcement.")
    assert protests(text) == [PartialDate(2026, 3, 11)]


def test_strengthening_export_control_is_dated_by_its_announcement() -> None:
    text = ("On the 9th, the Ministry of Trade announced that Ruritania will strengthen "
            "export control of dual-use items to Borduria. Borduria said the step could "
            "not be accepted.")
    found = [m for m in run(text) if m.type is MeasureType.EXPORT_CONTROL]
    assert [m.date for m in found] == [PartialDate(2026, 3, 9)]


def test_a_label_of_the_anchored_protest_shares_its_day() -> None:
    text = ("Ruritania banned exports of cobalt to Borduria on Tuesday.\n\n"
            "What happened next?\n\n"
            "- **Talks:** Ruritania said on Nov. 7 it was open to talks.\n"
            "- **Protests:** Karl Vesna protested to the Ruritanian embassy the same day the "
            "ban was announced.\n")
    assert set(protests(text)) == {TUESDAY}
