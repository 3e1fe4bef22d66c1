"""Find actors (placeholder until the extractor lands)."""

from __future__ import annotations

from ..model import ActorMention, Article, CandidateLink


def find_actors(article: Article) -> tuple[list[ActorMention], list[CandidateLink]]:
    """Return the actors named in ``article`` and uncertain candidate links."""
    return [], []
