"""Quick tests that skip work give the answers of the work they skip: a text in capitals is
told without counting its letters one by one, a word list's look-ahead for its first
letters finds what the plain alternation finds (kg.extract.materials, kg.extract.triggers)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.materials import written_in_capitals
from kg.extract.triggers import first_letters, words_regex

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("text", [
    "08:31 *MALAYSIA PALM OIL FUTURES OPEN 2.4% HIGHER",
    "Malaysia's palm oil futures opened higher.",
    "ÉÉÉÉÉ ÀÀÀ abc",  # capitals beyond ASCII
    "“ÜBER” says ß",
    "",
])
def test_a_text_in_capitals_is_told_as_counting_its_letters_tells(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    expected = bool(letters) and sum(c.isupper() for c in letters) > 0.5 * len(letters)
    assert written_in_capitals(text) == expected


def test_a_word_list_matches_as_it_did_without_its_look_ahead() -> None:
    entries = ["whatever their destination", "Regardless of destination", "Kyiv", "ban"]
    plain = re.compile(r"(?<![\w])(?:" + words_regex(entries).pattern.split("(?:", 1)[1],
                       re.IGNORECASE)
    assert first_letters(entries) == "(?=[KRbw])"
    assert first_letters(["-led", "ban"]) == ""  # a hyphen opens: no look-ahead
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    for text in texts + ["kyiv BAN, regardless of  destination; Kyivan"]:
        assert [m.span() for m in words_regex(entries).finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
