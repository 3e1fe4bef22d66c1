"""A report the sentence itself calls false ("Rumours that X banned ... are false") gives
no measure; a report confirmed, or one the sentence leaves standing, still does."""

from __future__ import annotations

import pytest
from extract_support import actor, measures_in, parties_of

PERU = actor("Peru", "state", "Peru", "Lima")
CHILE = actor("Chile", "state", "Chile", "Santiago")
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper ore"]}]


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    return parties_of(measures_in(text, [PERU, CHILE], GOODS, date="2026-05-20"))


@pytest.mark.parametrize("text", [
    "Rumours that Peru banned copper exports to Chile are false, the ministry said.",
    "Reports that Lima had halted copper ore exports to Chile were completely untrue.",
    "Claims that Peru suspended copper exports to Chile are baseless, officials said.",
])
def test_a_report_called_false_in_its_sentence_is_no_measure(text: str) -> None:
    assert summary(text) == []


@pytest.mark.parametrize("text", [
    "Reports that Peru banned copper exports to Chile were confirmed on Monday.",
    "Peru banned copper exports to Chile, and claims of a delay are false.",
])
def test_a_report_left_standing_is_still_a_measure(text: str) -> None:
    assert ("export_ban", "Peru", "Chile") in summary(text)
