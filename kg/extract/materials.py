"""Find materials (placeholder until the extractor lands)."""

from __future__ import annotations

from ..model import Article, MaterialMention


def find_materials(article: Article) -> list[MaterialMention]:
    """Return the materials named in ``article``."""
    return []
