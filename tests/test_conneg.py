"""kg.conneg: choosing a format from an Accept header (RFC 9110), for every family."""

from __future__ import annotations

import pytest

from kg import conneg
from kg.conneg import DATASET_FORMATS, GRAPH_FORMATS, RESULTS_FORMATS
from kg.errors import ProtocolError


def chosen(offered: tuple[conneg.ResultFormat, ...], accept: str | None) -> str:
    return conneg.negotiate(offered, accept, "this answer").media_type


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv;charset=utf-8", "text/csv"),
        ("text/csv; charset=UTF-8, */*;q=0.1", "text/csv"),
        ("text/csv;charset=iso-8859-1, application/sparql-results+xml;q=0.5",
         "application/sparql-results+xml"),
        ('application/sparql-results+json;profile="a,b";q=0.4, text/csv;q=0.3',
         "application/sparql-results+json"),
        ("text/tab-separated-values;q=0.9;level=1, text/csv;q=0.8",
         "text/tab-separated-values"),
        ("TEXT/CSV", "text/csv"),
        ("*", "application/sparql-results+json"),
        ("text/csv;q=abc, text/tab-separated-values;q=0.1", "text/tab-separated-values"),
        ("*/*;q=abc", "application/sparql-results+json"),  # unreadable: the default
    ],
)
def test_results_negotiation_reads_parameters_case_and_quotes(accept: str,
                                                               media_type: str) -> None:
    assert chosen(RESULTS_FORMATS, accept) == media_type


def test_a_charset_we_do_not_write_is_not_acceptable() -> None:
    with pytest.raises(ProtocolError) as info:
        conneg.negotiate(RESULTS_FORMATS, "text/csv;charset=latin1", "this answer")
    assert info.value.status == 406
    assert "this answer" in info.value.message


def test_a_more_specific_range_overrides_a_wildcard_refusal() -> None:
    assert chosen(RESULTS_FORMATS, "*/*;q=0, text/csv") == "text/csv"


def test_an_alias_is_served_only_when_named() -> None:
    assert chosen(GRAPH_FORMATS, "application/xml") == "application/xml"
    assert chosen(GRAPH_FORMATS, "text/*") == "text/turtle"


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, "text/turtle"),
        ("application/trig", "application/trig"),
        ("application/n-quads", "application/n-quads"),
        ("application/n-quads;q=0.5, application/trig;q=0.6", "application/trig"),
    ],
)
def test_graph_answers_can_be_asked_for_in_dataset_formats(accept: str | None,
                                                            media_type: str) -> None:
    assert chosen(GRAPH_FORMATS, accept) == media_type


def test_dataset_answers_default_to_trig_and_refuse_triple_formats() -> None:
    assert chosen(DATASET_FORMATS, None) == "application/trig"
    assert chosen(DATASET_FORMATS, "application/ld+json") == "application/ld+json"
    with pytest.raises(ProtocolError):
        conneg.negotiate(DATASET_FORMATS, "text/turtle", "the dataset")


def test_every_format_has_a_unique_short_name() -> None:
    names = [f.name for f in conneg.ALL_FORMATS]
    assert len(names) == len(set(names))
    assert all(conneg.by_name(name).name == name for name in names)


def test_content_type_always_says_utf8() -> None:
    for fmt in conneg.ALL_FORMATS:
        assert conneg.Negotiated(fmt, fmt.media_type).content_type.endswith("; charset=utf-8")


def test_html_is_preferred_only_when_named_at_least_as_high_as_every_rdf_format() -> None:
    from kg.conneg import GRAPH_FORMATS, prefers_html

    assert prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                        GRAPH_FORMATS)
    assert not prefers_html("*/*", GRAPH_FORMATS)
    assert not prefers_html(None, GRAPH_FORMATS)
    assert not prefers_html("text/html;q=0.5, text/turtle", GRAPH_FORMATS)
    assert not prefers_html("text/*", GRAPH_FORMATS)
