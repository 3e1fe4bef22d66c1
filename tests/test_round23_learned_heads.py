"""The learned measure step and issuers told only by a nationality adjective (round 23).

The learned step's head is the word adding most to its type's score, often a word the rule
lexicon would never take as a measure ("users", "exports", "largely").  A nationality
adjective next to such a word says whose users, exports or jets they are ("the goods were kept
from Chilean army users", "Chilean exports of the goods had amounted to"), not who took a
measure: the step proposes nothing when that adjective is all that names its issuer, and
still proposes one whose issuer the sentence names.

A tiny model stands in for the shipped one, so that the tests pin the behaviour and not the
trained weights: its detector fires on every sentence and its one type model weighs the word
the test is about.
"""

from __future__ import annotations

import pytest
from extract_support import actor, measures_in, parties_of

from kg.extract.measures import learned
from kg.model import MeasureType

PERU = actor("Peru", "state", "Peru", "Lima")
CHILE = actor("Chile", "state", "Chile", "Santiago")
TABLE = [PERU, CHILE]


@pytest.fixture
def tiny_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model proposing an 'other' measure in every sentence with an actor, headed on
    "users" or "exports" where the sentence has them."""
    model = learned.MeasureModel(
        detector=learned.LinearModel(5.0, {}),
        types={MeasureType.OTHER: learned.LinearModel(0.0, {"w:users": 2.0, "w:exports": 2.0})},
        threshold=0.7)
    monkeypatch.setattr(learned, "load_model", lambda: model)


def test_nationality_adjective_on_the_learned_head_is_not_its_issuer(tiny_model: None) -> None:
    text = "Officials in Lima said the goods were kept from Chilean army users."
    assert parties_of(measures_in(text, TABLE, [], date="2025-03-04")) == []


def test_nationality_adjective_heading_the_subject_is_not_its_issuer(tiny_model: None) -> None:
    text = "According to Lima, Chilean exports of the goods had amounted to $3 million."
    assert parties_of(measures_in(text, TABLE, [], date="2025-03-04")) == []


def test_learned_measure_whose_issuer_is_named_still_stands(tiny_model: None) -> None:
    text = "Peru cut off the users on Monday."
    assert [p[:2] for p in parties_of(measures_in(text, TABLE, [], date="2025-03-04"))] == \
        [("other", "Peru")]
