"""Publishers named in an encyclopedia-style reference list.

A numbered entry ('5. "Ban to control prices". The Hindu. 14 May 2022.') names the outlet
that published the cited work between the quoted title and the date
(:func:`kg.extract.furniture.reference_publisher_at`).  A publisher the gazetteer knows is
already found by its name ("Reuters", a ministry); one it does not know is an outlet, since
the field names who published the work, and is added here so that the citation extractor
can cite it.
"""

from __future__ import annotations

from ..model import ActorType
from .actor_context import ActorContext, Found, token_at
from .furniture import QUOTED_REFERENCE, reference_publisher_at


def find_reference_publishers(ctx: ActorContext) -> None:
    """Add each unknown publisher of a quoted-title reference entry as an outlet."""
    text = ctx.article.text
    if '"' not in text and "“" not in text:
        return
    for entry in QUOTED_REFERENCE.finditer(text):
        field = reference_publisher_at(text, entry.start("publisher"))
        if field is None:
            continue
        start = token_at(ctx, field[0])
        last = token_at(ctx, field[1] - 1)
        if start is None or last is None \
                or not ctx.consumed.isdisjoint(range(start, last + 1)) \
                or any(f.start <= start < f.end or start <= f.start <= last
                       for f in ctx.found):
            continue  # a name the gazetteer knows, found already
        ctx.add(Found(ctx.surface(start, last + 1), ActorType.MEDIA, start, last + 1,
                      known=False, apposition=False))
