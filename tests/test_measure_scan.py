"""The one-pass scan of the measure extractor's rule lists finds what each list's plain
alternation finds (kg.extract.measures.scan)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.measures.rules import measure_rules
from kg.extract.measures.scan import WordPatterns, trie

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures").rglob("*.txt"))
EDGES = [
    "İstanbul banned exports; the İSTANBUL ban",  # a letter whose lower case is longer
    "3ban and ban3 and _ban: the 2019 episode, in 2010, in force since 2023",
    "Has not been confirmed. Could Not Be Verified! according to Reuters, per cent",
    "licences for gallium and germanium became mandatory; licence applications stuck",
    "a 20% export duty on cars, the standard 10% import duty, duties of 80.5 per cent on steel",
    "",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in TEXTS] + EDGES


@pytest.mark.parametrize("lists", ["phrases", "status_cues"])
def test_the_scan_finds_what_each_lists_alternation_finds(lists: str) -> None:
    patterns: WordPatterns = getattr(measure_rules(), lists)
    for text in _texts():
        found = patterns.scan(text)
        present = patterns.present(text)
        for name in patterns.names:
            expected = [m.span() for m in patterns.combined(name).finditer(text)]
            assert [m.span() for m in found[name]] == expected, (name, text[:60])
            assert (name in present) == bool(expected), (name, text[:60])


def test_a_list_opening_on_a_non_letter_is_scanned_the_plain_way() -> None:
    patterns = WordPatterns({"odd": [r"\(\w+\) ban", r"ban"], "plain": [r"export ban"]})
    text = "a (dual) ban and an export ban"
    assert [m.group() for m in patterns.scan(text)["odd"]] == ["(dual) ban", "ban"]
    assert [m.group() for m in patterns.scan(text)["plain"]] == ["export ban"]


@pytest.mark.parametrize("text", [
    "a 25% duty on steel and a duty on steel, 7% duty on on steel",
    "duty on 5% duty on tin; 12 % duty",
    "",
])
def test_a_list_with_an_alternative_opening_on_a_digit_finds_what_its_alternation_finds(
    text: str,
) -> None:
    patterns = WordPatterns({"mix": [r"\d+% duty on \w+", r"duty on", r"on steel"],
                             "plain": [r"steel"]})
    expected = [m.span() for m in patterns.combined("mix").finditer(text)]
    assert [m.span() for m in patterns.scan(text)["mix"]] == expected
    assert ("mix" in patterns.present(text)) == bool(expected)


def test_the_trie_of_keys_matches_exactly_the_keys() -> None:
    keys = ["ban", "bans", "bar", "cut", "c"]
    regex = re.compile(r"(?:" + trie(keys) + r")\Z")
    assert all(regex.match(k) for k in keys)
    assert not regex.match("ba") and not regex.match("bat")


@pytest.mark.parametrize("text", [
    "a $5 fee, a 10% fee and the fee of $7 fee on 3% fee",
    "fee $ 5 fee",
    "",
])
def test_a_list_with_an_alternative_opening_on_a_symbol_finds_what_its_alternation_finds(
    text: str,
) -> None:
    # (not on a digit: found by its own pattern, not from the digits opening words)
    patterns = WordPatterns({"mix": [r"\$\d+ fee", r"\d+% fee", r"fee"]})
    expected = [m.span() for m in patterns.combined("mix").finditer(text)]
    assert [m.span() for m in patterns.scan(text)["mix"]] == expected
