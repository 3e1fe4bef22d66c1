"""Find cited sources (placeholder until the extractor lands)."""

from __future__ import annotations

from ..model import ActorMention, Article, CitationMention


def find_citations(article: Article, actors: list[ActorMention]) -> list[CitationMention]:
    """Return the outlets and organisations ``article`` cites."""
    return []
