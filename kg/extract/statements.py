"""Find statements (placeholder until the extractor lands)."""

from __future__ import annotations

from ..model import ActorMention, Article, StatementMention


def find_statements(article: Article, actors: list[ActorMention]) -> list[StatementMention]:
    """Return quotes and reported speech in ``article``."""
    return []
