"""The patterns built from rule data are compiled once per process, at prepare() time.

:func:`kg.extract.prepare` builds them before the first article, so that extracting an
article compiles none of them (their cost is no article's).
"""

from __future__ import annotations

from kg.extract import citations, figure_about, figure_counts, figure_frames, furniture, prepare
from kg.extract.figure_numbers import _weight_regex, weighs


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
