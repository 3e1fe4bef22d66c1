"""Paragraphs, sentences and quotations (kg.extract.text): one phenomenon per test."""

from __future__ import annotations

import pickle

import pytest

from kg.extract.text import (
    find_quotes,
    iter_words,
    sentence_at,
    split_paragraphs,
    split_sentences,
    words,
)
from kg.model import Span


def texts(spans: list) -> list[str]:
    return [s.text for s in spans]


def test_each_line_is_a_paragraph_when_lines_are_long() -> None:
    text = ("China announced a ban on exports of dual-use items to Japan on Tuesday, the "
            "commerce ministry said in a statement posted on its website.\n"
            "Japan protested.\n")
    assert texts(split_paragraphs(text)) == [text.splitlines()[0], "Japan protested."]


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    text = ("The ministry said the measure would take effect\n"
            "immediately and apply to all exporters in the\n"
            "country.\n\nA second paragraph starts here.\n")
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == 2
    assert paragraphs[0].text.endswith("in the\ncountry.")


def test_bullets_and_headings_stay_separate_paragraphs_in_a_wrapped_block() -> None:
    text = "What we know\n- the ban covers gallium\n- it starts on Monday\n"
    assert texts(split_paragraphs(text)) == ["What we know", "- the ban covers gallium",
                                             "- it starts on Monday"]


def test_paragraph_spans_count_into_the_text() -> None:
    text = "\n\n  First line.  \nSecond line.\n"
    for span in split_paragraphs(text):
        assert text[span.begin:span.end] == span.text


def test_sentences_split_after_full_stops_but_not_after_abbreviations() -> None:
    text = ("Mr. Kanai met Dr. Li on Jan. 6 in the U.S. embassy. He left at noon. "
            "J. Smith agreed!")
    assert texts(split_sentences(text)) == [
        "Mr. Kanai met Dr. Li on Jan. 6 in the U.S. embassy.", "He left at noon.",
        "J. Smith agreed!"]


def test_a_sentence_ends_after_a_closing_quotation_mark() -> None:
    text = '"We will respond," he said. "Nobody wins." Talks resume today.'
    assert texts(split_sentences(text)) == ['"We will respond," he said.', '"Nobody wins."',
                                            "Talks resume today."]


def test_lowercase_after_a_full_stop_does_not_start_a_sentence() -> None:
    text = "Prices rose 3.5 percent. exports fell, it said."
    assert len(split_sentences(text)) == 1


def test_sentences_never_cross_paragraphs() -> None:
    text = "A headline without a stop\nThe body begins here."
    assert texts(split_sentences(text)) == ["A headline without a stop", "The body begins here."]


def test_straight_and_curly_double_quotations_are_found() -> None:
    text = 'He said "no" and she said “yes, at once.”'
    assert [q.span.text for q in find_quotes(text)] == ["no", "yes, at once."]


def test_apostrophes_are_not_single_quotation_marks() -> None:
    text = "Japan's ministry said 'it isn't acceptable' and Tokyo’s envoy agreed."
    quotes = find_quotes(text)
    assert [q.span.text for q in quotes] == ["it isn't acceptable"]
    assert not quotes[0].double


def test_curly_single_quotations_are_found() -> None:
    text = "She called it ‘symbolic,’ and left."
    assert [q.span.text for q in find_quotes(text)] == ["symbolic,"]


def test_a_quotation_continues_over_paragraphs_that_reopen_it() -> None:
    text = ('"The first part of the quote goes on\n'
            '"and the second paragraph ends it," he said.\n')
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].span.text == ('The first part of the quote goes on\n'
                                   '"and the second paragraph ends it,')


def test_an_unmatched_quotation_mark_is_ignored() -> None:
    text = 'He said "this never closes.\nNext paragraph has no quotes.'
    assert find_quotes(text) == []


def test_single_quotations_inside_double_ones_are_nested() -> None:
    text = "“They called it ‘a violation’ of the deal,” she said."
    quotes = find_quotes(text)
    assert [(q.span.text, q.nested) for q in quotes] == [
        ("They called it ‘a violation’ of the deal,", False), ("a violation", True)]


def test_quote_spans_count_into_the_text() -> None:
    text = "A 'b c' and “d” and \"e f\"."
    for quote in find_quotes(text):
        assert text[quote.span.begin:quote.span.end] == quote.span.text
        assert text[quote.outer.begin:quote.outer.end] == quote.outer.text


def test_words_keep_hyphenated_and_apostrophe_words_whole() -> None:
    assert words("Japan’s dual‑use items, non-nuclear") == ["japan’s", "dual‑use", "items",
                                                            "non-nuclear"]


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    text = "First one. Second one."
    sentences = split_sentences(text)
    assert sentence_at(sentences, text.index("Second")) == sentences[1]
    assert sentence_at(sentences, len(text) + 5) is None


def test_iter_words_gives_word_spans() -> None:
    text = "Japan’s ban, dual‑use"
    assert [w.text for w in iter_words(text)] == ["Japan’s", "ban", "dual‑use"]


def test_a_span_cut_from_a_text_is_the_span_built_from_its_fields() -> None:
    cut = Span.of("dual-use items", 5, 9)
    built = Span(5, 9, "use ")
    assert cut == built and hash(cut) == hash(built) and repr(cut) == repr(built)
    assert (cut.begin, cut.end, cut.text) == (built.begin, built.end, built.text)
    assert pickle.loads(pickle.dumps(cut)) == built
    assert sorted([Span.of("abc", 1, 2), Span.of("abc", 0, 3)]) == [Span(0, 3, "abc"),
                                                                     Span(1, 2, "b")]
    with pytest.raises(AttributeError):
        cut.begin = 0  # type: ignore[misc]
    for begin, end in ((-1, 2), (2, 1), (1, 20)):
        with pytest.raises(ValueError):
            Span.of("dual-use items", begin, end)


def test_a_sentence_opening_in_a_script_without_case_is_a_sentence() -> None:
    text = ("Exports stopped on Thursday, Foreign Minister Wang Yi said. 中国商务部 announced "
            "the ban. 한국 정부 protested.")
    assert [s.text for s in split_sentences(text)] == [
        "Exports stopped on Thursday, Foreign Minister Wang Yi said.",
        "中国商务部 announced the ban.", "한국 정부 protested."]


def test_a_lower_case_word_after_a_stop_still_continues_the_sentence() -> None:
    text = "Growth was 1.5 percent vs. the forecast. Then it fell."
    assert [s.text for s in split_sentences(text)] == [
        "Growth was 1.5 percent vs. the forecast.", "Then it fell."]
