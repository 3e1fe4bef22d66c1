"""The pictures: ``/timeline`` (who dates what, when) and ``/disagreements`` (where the
sources differ, side by side), and ``/entities``, the index of what the graph holds.  Data
from :mod:`kg.timeline`, :mod:`kg.conflicts` and :mod:`kg.catalogue`, geometry from
:mod:`server.charts`; this module only renders.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request

from .app import PageUnavailable, read_page
from .charts import layout_bars, layout_grid, layout_timeline
from .links import iri_href

bp = Blueprint("pages", __name__)


def _unavailable(exc: PageUnavailable, title: str) -> tuple[str, int]:
    return render_template("message.html", title=title, message=exc.message), exc.status


@bp.get("/timeline")
def timeline() -> tuple[str, int]:
    """Every dated measure and statement, per article, on one time axis."""
    statements = request.args.get("statements", "1") != "0"
    try:
        data = read_page("timeline", statements=statements).value
    except PageUnavailable as exc:
        return _unavailable(exc, "Timeline")
    chart = layout_timeline(data, iri_href)
    return render_template("timeline.html", timeline=data, chart=chart, statements=statements), 200


@bp.get("/disagreements")
def disagreements() -> tuple[str, int]:
    """Each recorded disagreement with its sides drawn against each other."""
    try:
        views = read_page("disagreements").value
    except PageUnavailable as exc:
        return _unavailable(exc, "Where sources disagree")
    pictures = [
        (view, layout_bars(view) if view.kind == "figure" else layout_grid(view))
        for view in views
    ]
    return render_template("disagreements.html", pictures=pictures), 200


@bp.get("/entities")
def entities() -> tuple[str, int]:
    """Every actor, measure and material, most spoken of first, each linked to its page."""
    try:
        sections = read_page("catalogue").value
    except PageUnavailable as exc:
        return _unavailable(exc, "Entities")
    return render_template("entities.html", sections=sections), 200
