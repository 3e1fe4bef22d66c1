"""The day of an issuer's own release: a dated document a government body publishes (a
press release, a ministry's announcement) takes its measures on the day it is dated.

The statements have the same rule (rule 2c of :mod:`kg.extract.statement_dates`): what
the publisher says in its own dated release, it says that day.  A measure the release
tells as the publisher's own step, current and with no date of its own in the text
("The Council today adopted ... The package also extends the list of dual-use goods"),
was taken on that day too.  A step told in the past perfect ("had imposed") or as
historical is an earlier one, and a measure of another issuer is not the publisher's to
date.
"""

from __future__ import annotations

import re

from ...model import ActorType, MeasureStatus, PartialDate
from ..context import Context
from ..statement_voice import publisher_of
from ..triggers import load_triggers
from .candidate import Candidate

_CURRENT = (MeasureStatus.ANNOUNCED, MeasureStatus.IN_FORCE)
_EARLIER = re.compile(r"\b(?:" + "|".join(map(
    re.escape, load_triggers().raw["measures"]["timing"]["before_release"])) + r")\b",
                      re.IGNORECASE)
"""Words of the measure's sentence before its head that place it before the release
(``[measures.timing] before_release``)."""


def release_dates(ctx: Context, candidates: list[Candidate]) -> None:
    """Date the undated current measures of the publisher of a dated release by the
    release's day (see module doc)."""
    own = ctx.article.metadata.date
    if own is None:
        return
    publisher = publisher_of(ctx)
    if publisher is None or publisher.type is not ActorType.GOVERNMENT_BODY:
        return
    side = {publisher.name, ctx.root(publisher.name)} - {None}
    for c in candidates:
        if c.date is not None or c.status not in _CURRENT or c.issuer is None or \
                (c.issuer not in side and ctx.root(c.issuer) not in side):
            continue
        if _EARLIER.search(ctx.text, c.sentence.begin, c.head.begin):
            continue
        c.date = PartialDate.from_date(own)
