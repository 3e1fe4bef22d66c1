"""Find figures (placeholder until the extractor lands)."""

from __future__ import annotations

from ..model import ActorMention, Article, FigureMention


def find_figures(article: Article, actors: list[ActorMention]) -> list[FigureMention]:
    """Return numbers with units in ``article``."""
    return []
