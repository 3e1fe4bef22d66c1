"""Scans anchored on the article's token stream find what the plain scans find
(kg.extract.anchored and the extractors that use it: figures, fractions, speech-trigger
words, measure phrases and heads, dates, heading and sentence-initial tokens)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.extract.anchored import (
    KeyFilter,
    anchored_finditer,
    first_words,
    keys_are_lowered,
    lowered,
    word_finditer,
)
from kg.extract.gazetteer import TokenStream, token_stream

ROOT = Path(__file__).resolve().parent.parent
EDGES = [
    "Two-thirds of the 12 firms; TWENTY-one said2 told_x x_said 2said ’said u.s. e.g.said",
    "ſix ſaid İstanbul ı K tens of thousands; the Kelvin sign: K; ßaid, ﬁnd, discußed",
    "A.B.C. a.m. U.S.-made rare-earth ban2 2ban g7ban9cut x_ban ’s ban’s Bans BAN",
    "Japanʼs ʼtwas ʼ.x. the ʼs day: ‘Two-thirds’ of Jan. 6",  # "ʼ" is a letter
    "Title Case Heading Words\nA line, ending with a comma,\nthe 6th of January, 2026\n\n",
    "",
]


def _texts(count: int = 150, seed: int = 3) -> list[str]:
    """The seeds, the fixtures, the edge cases and random strings of rule words, marks,
    digits and the letters that fold unevenly."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths] + EDGES
    words = " ".join(texts).split()[:4000]
    pieces = [*words, "two", "thirds", "a", "third", "one-quarter", "tens", "hundreds", "of",
              "doubled", "twice", "said", "told", "ban", "bans", "export", "Jan.", "the", "6th",
              "2026", "U.S.", "’s", "'s", "_", "-", "\n", "\n\n", ".", ",", "“", "”", "ſ", "K",
              "İ", "ß", "2", "x2", "é"]
    rng = random.Random(seed)
    for _ in range(count):
        texts.append("".join(rng.choice(pieces) + rng.choice([" ", "", " ", "-", "\n", "."])
                             for _ in range(rng.randint(1, 120))))
    return texts


def test_first_words_reads_the_opening_word_of_each_phrase() -> None:
    assert first_words(["tens of thousands", "hundreds", "two-thirds"]) == {
        "tens", "hundreds", "two"}
    assert first_words(["a third", "an eighth"]) == {"a", "an"}


@pytest.mark.parametrize("entries", [["a"], ["x(y) z"], ["’s view"], ["2 times"], ["c."]])
def test_first_words_gives_up_on_a_phrase_no_token_would_open(entries: list[str]) -> None:
    # A lone letter may stand inside an abbreviation's token ("U.S."); the others do not
    # open with a run of letters.
    assert first_words(entries) is None


def test_the_figure_and_fraction_patterns_match_at_tokens_as_over_the_text() -> None:
    from kg.extract.figure_shares import _patterns
    from kg.extract.figures import _tables

    tables = _tables()
    cases = [(tables.candidate, tables.first_words["number"]),
             (tables.vague, tables.first_words["vague"]),
             (tables.multiplier, tables.first_words["multiplier"]),
             (tables.comparative, tables.first_words["comparative"]),
             (_patterns().fraction, _patterns().fraction_first)]
    assert all(keys is not None for _, keys in cases)
    for text in _texts():
        stream = TokenStream(text)
        for pattern, keys in cases:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in word_finditer(pattern, stream, keys)] \
                == expected, (pattern.pattern[:40], text[:80])


def test_the_speech_trigger_words_are_found_at_tokens_as_over_the_text() -> None:
    from kg.extract.speech_triggers import _first_words, _word_hits

    for text in _texts():
        lowered.cache_clear()
        token_stream.cache_clear()
        lower = lowered(text)[0]
        if len(lower) != len(text):
            continue
        assert [m.span() for m in _word_hits(text, lower)] == \
            [m.span() for m in _first_words().finditer(lower)], text[:80]


@pytest.mark.parametrize("lists", ["phrases", "status_cues"])
def test_the_measure_phrases_scanned_at_tokens_are_the_plain_scans(lists: str) -> None:
    from kg.extract.measures.rules import measure_rules

    patterns = getattr(measure_rules(), lists)
    for text in _texts(60):
        lowered.cache_clear()
        plain = patterns.scan(text)
        anchored = patterns.scan(text, stream=TokenStream(text))
        for name in patterns.names:
            assert [m.span() for m in anchored[name]] == [m.span() for m in plain[name]], \
                (name, text[:80])


@pytest.mark.parametrize("lists", ["phrases", "status_cues"])
def test_every_measure_phrase_opens_with_words_the_index_can_read(lists: str) -> None:
    # One phrase opening "(?:introduc|impos)\\w* ..." sent its whole list to the plain scan
    # over every character of every article: 16% more extraction time (round 21). Spell
    # the words out instead.
    from kg.extract.measures.rules import measure_rules

    assert getattr(measure_rules(), lists).unindexed == []


def test_the_measure_heads_found_at_tokens_are_the_scans_heads() -> None:
    from kg.extract.measures.finding import _LETTER, _head_words_at_tokens
    from kg.extract.measures.rules import measure_rules

    rules = measure_rules()
    for text in _texts():
        lower = text.lower()
        if not keys_are_lowered(text, lower):
            continue
        token_stream.cache_clear()
        expected = [m.span() for m in rules.head_regex.finditer(lower)
                    if not m.start() or not _LETTER.match(lower, m.start() - 1)]
        found = _head_words_at_tokens(text, lower, rules.head_words, rules.head_regex)
        assert [m.span() for m in found] == expected, text[:80]


def test_the_date_scan_over_token_words_finds_what_the_word_by_word_scan_finds() -> None:
    from kg.extract.dates import _scan, _tables

    tables = _tables()
    for text in _texts():
        lowered.cache_clear()
        expected = [(m.span(), m.lastgroup) for m in _scan(text, tables)]
        assert [(m.span(), m.lastgroup) for m in _scan(text, tables, TokenStream(text))] \
            == expected, text[:80]


def _sentence_initial_by_token(stream: TokenStream) -> frozenset[int]:
    """The first word token after each sentence start or line break, token by token."""
    from kg.extract.text import split_sentences

    starts = {s.begin for s in split_sentences(stream.text)}
    initial: set[int] = set()
    seen_word = True
    for tok in stream.tokens:
        if tok.begin in starts or tok.newline_before:
            seen_word = False
        if tok.is_word:
            if not seen_word:
                initial.add(tok.index)
            seen_word = True
    return frozenset(initial)


def _heading_by_token(stream: TokenStream) -> frozenset[int]:
    """The tokens of title-case lines not ending like a sentence, token by token."""
    out: set[int] = set()
    line: list = []
    for tok in (*stream.tokens, None):
        if tok is None or (tok.newline_before and line):
            words = [t for t in line if t.is_word and len(t.text) > 3]
            caps = sum(1 for t in words if t.is_capitalised)
            prose = not line or line[-1].text in {".", ";", ",", "”", '"', "’"}
            if not prose and len(words) >= 2 and caps >= 0.6 * len(words):
                out.update(t.index for t in line)
            line = []
        if tok is not None:
            line.append(tok)
    return frozenset(out)


def test_heading_and_sentence_initial_tokens_follow_the_token_flags() -> None:
    for text in _texts():
        stream = TokenStream(text)
        assert stream.line_starts == [t.index for t in stream.tokens if t.newline_before]
        assert stream.sentence_initial == _sentence_initial_by_token(stream), text[:80]
        assert stream.heading == _heading_by_token(stream), text[:80]


def test_anchored_matches_never_overlap_and_keep_text_order() -> None:
    import re

    pattern = re.compile(r"\b(?:ban|bans)\b(?:\s+ban)?", re.IGNORECASE)
    stream = TokenStream("ban ban bans, Ban; x ban")
    found = [m.span() for m in anchored_finditer(pattern, stream, ["ban", "bans"])]
    assert found == [m.span() for m in pattern.finditer(stream.text)]


def test_a_key_filter_selects_as_its_predicate_says_and_remembers() -> None:
    asked: list[str] = []

    def predicate(key: str) -> bool:
        asked.append(key)
        return key.startswith("b")

    keys = KeyFilter(predicate)
    assert keys.select({"ban", "cut", "bar"}) == {"ban", "bar"}
    assert keys.select({"bar": 1, "cut": 2, "bat": 3}.keys()) == {"bar", "bat"}
    assert sorted(asked) == ["ban", "bar", "bat", "cut"]  # each key asked once


def test_stream_key_filters_select_together_what_each_predicate_holds_for() -> None:
    from kg.extract.anchored import StreamKeyFilter

    asked: list[str] = []

    def opens_with_b(key: str) -> bool:
        asked.append(key)
        return key.startswith("b")

    first = StreamKeyFilter(opens_with_b)
    second = StreamKeyFilter(lambda key: key[:1].isdigit())
    for kept in (first, second):  # registered (on first use): the memo starts afresh
        assert kept.select(TokenStream("")) == ()
    one, two = TokenStream("ban cut 2026 bar ban"), TokenStream("bat 7 cut")
    assert sorted(first.select(one)) == ["ban", "bar"]
    assert sorted(second.select(one)) == ["2026"]
    assert sorted(first.select(two)) == ["bat"] and second.select(two) == ("7",)
    assert sorted(first.select(one)) == ["ban", "bar"]  # another stream: selected again
    assert sorted(asked) == ["2026", "7", "ban", "bar", "bat", "cut"]  # each key asked once
    # a filter made later is asked about every key, the earlier ones still answer
    third = StreamKeyFilter(lambda key: key == "cut")
    assert third.select(two) == ("cut",) and sorted(first.select(two)) == ["bat"]
