"""The shared article context (kg.extract.context): word lookups and date ends.

The lookups are written for speed (a reversed window matched from its end, a dictionary of
date ends); each test below states what they answer and checks, on many generated windows,
that they answer what the plain regular-expression search they replace answers.
"""

from __future__ import annotations

import random
import re

from extract_support import actor, article, mentions

from kg.extract.context import Context, build_context

_WORD_BEFORE = re.compile(r"([\w’'.-]+)\W*$")
_STOPS = ",;:.!?—–(\"“”"
_ALPHABET = "ab Z9_’'.-,;:!?—–(\"“”)\n\té\u017f\u00a0x "


def _context(text: str) -> Context:
    table = [actor("Ana Petrova", "person", "Ana Petrova", "Petrova")]
    return build_context(article(text, date="2026-01-07"), mentions(text, table))


def _searched_word_before(text: str, offset: int) -> str | None:
    m = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
    if m is None:
        return None
    gap = text[m.end(1):offset]
    return None if any(c in gap for c in _STOPS) else m.group(1)


def _searched_word_ending_at(text: str, pos: int) -> str | None:
    m = re.search(r"[\w’'-]+$", text[max(0, pos - 40):pos])
    return None if m is None else m.group()


def test_word_before_skips_spaces_and_stops_at_punctuation() -> None:
    ctx = _context("The trade minister, Ana Petrova, said on Tuesday (local time) that U.S. talks")
    text = ctx.text
    assert ctx.word_before(text.index(", said")) == "Petrova"
    assert ctx.word_before(text.index("said")) is None  # a comma lies between
    assert ctx.word_before(text.index("on Tuesday")) == "said"
    assert ctx.word_before(text.index("local")) is None  # an opening bracket between
    assert ctx.word_before(text.index("talks")) == "U.S."
    assert ctx.word_before(0) is None


def test_word_before_answers_what_searching_the_window_answers() -> None:
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 70)))
        ctx = _context(text)
        for offset in range(len(text) + 1):
            assert ctx.word_before(offset) == _searched_word_before(text, offset), \
                (text, offset)


def test_word_ending_at_answers_what_searching_the_window_answers() -> None:
    rng = random.Random(11)
    for _ in range(1500):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 70)))
        ctx = _context(text)
        for pos in range(len(text) + 1):
            found = ctx._word_ending_at(pos)
            expected = _searched_word_ending_at(text, pos)
            assert (found[0] if found else None) == expected, (text, pos)
            if found is not None:
                assert found[1].end == pos and found[1].begin == pos - len(found[0])


def test_a_date_right_before_an_offset_is_found_by_its_end() -> None:
    ctx = _context("Ana Petrova on Tuesday said the ban began on January 6, 2026 in full.")
    text = ctx.text
    tuesday = text.index("Tuesday")
    assert ctx._date_ending_at(tuesday + len("Tuesday")) == tuesday
    january = text.index("January")
    assert ctx._date_ending_at(january + len("January 6, 2026")) == january
    assert ctx._date_ending_at(text.index(" the ban")) is None
    assert ctx._date_ending_at(tuesday + 3) is None


def test_the_context_text_is_the_articles_text() -> None:
    ctx = _context("Ana Petrova said so.")
    assert ctx.text is ctx.article.text


def test_the_descriptor_shortcut_never_rejects_a_description_the_pattern_finds() -> None:
    # described_person skips the description search when the word before the preposition
    # cannot end a descriptor; on generated windows (descriptors in any case, glued to
    # other words, hyphenated, among other words and non-ASCII letters), every window the
    # search matches must pass the shortcut.
    from kg.extract.descriptions import (
        _description_regex,
        _ends_with_preposition,
        _may_end_with_descriptor,
    )
    from kg.extract.triggers import load_triggers

    nouns = load_triggers().raw["speech"]["subjects"]["descriptors"]
    words = [*nouns, "a", "the", "one", "senior", "co", "vice", "arm", "ſpokesman", "K", "for",
             "of", "at", "from", "with", "in", "ministry", "said", ","]
    rng = random.Random(5)
    matched = 0
    for _ in range(20000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 5))]
        parts = [p.upper() if rng.random() < 0.1 else p.title() if rng.random() < 0.2 else p
                 for p in parts]
        glue = rng.choice([" ", " ", "-", ""])
        text = glue.join(parts) + " " + rng.choice(["for", "of", "in", "at"]) + \
            rng.choice([" ", " the ", " The "])
        if not _ends_with_preposition(text):
            continue
        if _description_regex().search(text) is not None:
            matched += 1
            assert _may_end_with_descriptor(text), text
    assert matched > 1000


def test_number_starts_are_the_digits_after_no_digit_point_or_comma() -> None:
    text = "In 2023, 1,200 tonnes (3.5%) x9 and -7 of 40; 12-15 units"
    starts = _context(text).number_starts()
    assert [text[i:i + 2] for i in starts] == ["20", "1,", "3.", "9 ", "7 ", "40", "12", "15"]


def test_a_pattern_opening_on_a_number_is_matched_at_number_starts_as_over_the_text() -> None:
    # The figure patterns that open on a number (exchange rates, "37 of Japan's 47"): their
    # first digit's look-behind rules out what precedes no number start.
    from kg.extract.figure_frames import _exchange
    from kg.extract.figure_shares import _patterns

    rng = random.Random(7)
    pieces = ["156.40", "against the", "yen", "to the", "dollar", "37", "of", "Japan's", "47",
              "the", "1,200", "x9", "$5", "per", "euro", "7.1", "a", ",", ".", "-", "(", "3"]
    texts = ["one dollar buys 156.40 yen; 37 of Japan's 47 prefectures, 7.1 to the dollar"] + [
        " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    for pattern in (_exchange().pattern, _patterns().part_of):
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in _context(text).number_finditer(pattern)] == expected


def test_a_memoized_lookup_is_computed_once_per_context_and_offset() -> None:
    """The lookups the extractors repeat (the word before an offset, a speech verb's
    subject) are kept per context: asked again, the same answer comes back without being
    computed again, and another article's context computes its own."""
    from kg.extract.memo import memoized

    class Asked:
        def __init__(self, text: str) -> None:
            self.text, self.computed = text, 0

        @memoized
        def letter(self, offset: int) -> str:
            self.computed += 1
            return self.text[offset]

    first, second = Asked("abc"), Asked("xyz")
    assert [first.letter(1), first.letter(1), first.letter(2)] == ["b", "b", "c"]
    assert first.computed == 2
    assert second.letter(1) == "y" and second.computed == 1
    text = "Ana Petrova said on Monday that the ban, Petrova added, was lawful."
    ctx = _context(text)
    offset = text.index("said")
    assert ctx.word_before(offset) == ctx.word_before(offset) == "Petrova"
    assert ctx.subject_left_of(offset, 0) is ctx.subject_left_of(offset, 0)
