"""A figure the text attributes to another party right after it ("not the 40% claimed by
European producers") is not the speaker's: it is that party's, or nobody's when the party
is no actor."""

from __future__ import annotations

from kg.extract import extract
from kg.ingest import parse_article


def _asserted(body: str) -> dict[str, str | None]:
    text = f"title: Steel\ndate: 2026-03-12\n---\n{body}\n"
    found = extract(parse_article(text.encode("utf-8"), identifier="a.txt"))
    return {f.span.text: f.asserted_by for f in found.figures}


def test_a_figure_the_speaker_rejects_is_not_the_speakers() -> None:
    figures = _asserted("Trade minister Lena Park said steel imports rose by only 15% last "
                        "year, not the 35% claimed by domestic mills.")
    assert figures["15%"] == "Lena Park"
    assert figures["35%"] is None


def test_a_figure_given_by_a_named_outlet_is_the_outlets() -> None:
    figures = _asserted("The minister said output reached 2 million tonnes, not the 3 million "
                        "tonnes estimated by Reuters.")
    assert figures["3 million tonnes"] == "Reuters"
