"""The patterns built from rule data are compiled once per process, at prepare() time.

:func:`kg.extract.prepare` builds them before the first article, so that extracting an
article compiles none of them (their cost is no article's).
"""

from __future__ import annotations

from kg.extract import citations, figure_about, figure_counts, figure_frames, furniture, prepare
from kg.extract.figure_numbers import _weight_regex, weighs
from kg.extract.text import ends_a_longer_name


def test_prepare_builds_the_figure_citation_and_furniture_patterns() -> None:
    prepare()
    builders = [citations._reports_after, citations._publisher_of_before, citations._posted_by,
                figure_about._when, figure_counts._count_tables, figure_counts._entities,
                figure_frames._exchange, figure_frames._tally, furniture._patterns,
                furniture._list_labels, furniture._later_list_labels]
    for build in builders:
        assert build.cache_info().currsize == 1, build.__name__
        before = build.cache_info().misses
        build()
        assert build.cache_info().misses == before, build.__name__  # built once


def test_a_pattern_built_from_the_weight_words_is_compiled_once_per_word_list() -> None:
    words = ("weight", "payload")
    assert _weight_regex(words) is _weight_regex(words)
    assert _weight_regex(()) is None


def test_weight_words_are_whole_words_of_the_sentence_before() -> None:
    assert weighs("a gross vehicle weight rating above 10,000 pounds", 36)
    assert not weighs("the weightless claim of 10,000 pounds", 24)
    assert not weighs("It was heavy weight. It cost 10,000 pounds", 29)


def test_a_one_word_name_ending_a_longer_name_is_found_without_a_pattern_per_name() -> None:
    # As the pattern made per name did ([A-Z][a-z’'-]+\s+NAME(?![\w’'-]) over the text
    # before the sentence): the word after a capitalised word and white space, whole.
    text = "Analyst Kazuo Kuramochi spoke. Kuramochi, now retired, said more."
    end = text.index("Kuramochi,")
    assert ends_a_longer_name(text, "Kuramochi", end)
    assert not ends_a_longer_name(text, "Analyst", end)  # opens the text
    assert ends_a_longer_name("Mr O’Neil-\tKuramochi", "Kuramochi", 20)
    assert not ends_a_longer_name("the Kuramochi report", "Kuramochi", 20)  # no capital before
    assert not ends_a_longer_name("Kazuo Kuramochis", "Kuramochi", 16)  # a longer word
    assert not ends_a_longer_name("Kazuo Kuramochi-san", "Kuramochi", 19)  # a hyphen goes on
    assert not ends_a_longer_name("Kazuo Kuramochi", "Kuramochi", 10)  # not before the end
    assert not ends_a_longer_name("KAZUO Kuramochi", "Kuramochi", 15)  # capitals only
