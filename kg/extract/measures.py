"""Find measures (placeholder until the extractor lands)."""

from __future__ import annotations

from ..model import ActorMention, Article, MaterialMention, MeasureMention


def find_measures(article: Article, actors: list[ActorMention],
                  materials: list[MaterialMention]) -> list[MeasureMention]:
    """Return the measures ``article`` reports."""
    return []
