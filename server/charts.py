"""Geometry of the pictures on the timeline and disagreements pages, drawn as SVG by the
templates (no JavaScript, no chart library, nothing fetched).

Each ``layout_*`` function turns data from :mod:`kg.timeline` or :mod:`kg.conflicts` into
plain shapes with coordinates; ``href`` callables give the page a shape links to, so this
module knows nothing of URLs or Flask.  Colours are CSS classes (``series-N``) because the
Content-Security-Policy forbids inline styles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kg.conflicts import DisagreementView, Figure
from kg.timeline import Event, Timeline

SERIES = 8
"""Distinct measure colours (``series-0`` .. ``series-7`` in app.css); more measures cycle."""
LABEL_WIDTH = 200
"""Row labels of the side-by-value grid (about 28 characters)."""
LEFT = 12
"""Margin before the timeline's first column and the bars' labels."""
COLUMN = 104
HEADER = 58
ROW = 20
LANE_PAD = 10
LANE_LABEL = 18
"""Height of the line above each timeline lane naming its article: labels above the marks,
not in a column beside them, so a phone's narrow screen shows dates, not only names."""
CHAR = 6.6  # average width of a character at the charts' font size (12px)
BOLD_CHAR = 7.2  # the same, bold (row and column labels)


def short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@dataclass
class Column:
    """One period on the time axis."""

    x: float
    label: str
    precision: str
    gap: str = ""
    """Days since the previous column's start (``+36 d``), shown between the two."""


@dataclass
class Lane:
    """One article's row."""

    y: float
    height: float
    label: str
    title: str
    href: str
    published_x: float | None = None
    published: str = ""


@dataclass
class Marker:
    """A dated event: a dot (a day) or a bar over the columns its period contains."""

    x: float
    x2: float
    y: float
    shape: str
    """``diamond`` (measure on a day), ``circle`` (statement on a day) or ``bar``."""
    css: str
    title: str
    href: str

    @property
    def diamond(self) -> str:
        """SVG ``points`` of a diamond centred on the marker."""
        r = ROW * 0.38
        x, y = self.x, self.y
        return f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"


@dataclass
class LegendItem:
    """A colour or shape key: what a marker class stands for."""

    css: str
    shape: str
    label: str
    href: str | None = None


@dataclass
class TimelineChart:
    """The timeline as shapes: columns (periods), lanes (articles), markers (events)."""

    width: float
    height: float
    columns: list[Column]
    lanes: list[Lane]
    markers: list[Marker]
    legend: list[LegendItem] = field(default_factory=list)


def layout_timeline(timeline: Timeline, href: Callable[[str], str]) -> TimelineChart:
    """Lay events out: a column per period, a lane per article, stacked without overlap.

    A day is a point in its column; a month or a year is a bar over its own column and every
    later column that lies inside it ("in November" spans the November days that other
    articles give), so a reduced-precision date never looks more precise than it is.
    """
    periods = timeline.periods
    index = {p: i for i, p in enumerate(periods)}
    reach = [max(j for j, q in enumerate(periods) if j >= i and (q == p or p.contains(q)))
             for i, p in enumerate(periods)]
    columns = []
    for i, period in enumerate(periods):
        gap = ""
        if i:
            days = (period.first - periods[i - 1].first).days
            gap = f"+{days} d" if days > 1 else ""
        columns.append(Column(LEFT + COLUMN * (i + 0.5), period.label, period.precision, gap))
    series = {m: i % SERIES for i, m in enumerate(timeline.measures)}
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in timeline.events:
        by_article[event.article.iri].append(event)

    lanes: list[Lane] = []
    markers: list[Marker] = []
    width = LEFT + COLUMN * max(1, len(columns)) + 10
    # A lane's label runs above its marks, as far as the chart is wide (at least 24 characters:
    # a narrow chart scrolls anyway).
    label_chars = max(24, int((width - LEFT) / BOLD_CHAR))
    y = float(HEADER)
    for article in timeline.articles:
        rows: list[list[tuple[int, int]]] = []  # occupied column ranges per row
        placed: list[tuple[Event, int, int, int]] = []
        for event in sorted(by_article[article.iri],
                            key=lambda e: (index[e.period], e.kind != "measure")):
            first = index[event.period]
            last = reach[first] if event.period.precision != "day" else first
            row = next((r for r, used in enumerate(rows)
                        if all(last < a or b < first for a, b in used)), len(rows))
            if row == len(rows):
                rows.append([])
            rows[row].append((first, last))
            placed.append((event, first, last, row))
        height = LANE_LABEL + max(1, len(rows)) * ROW + 2 * LANE_PAD
        published = timeline.published.get(article.iri)
        lanes.append(Lane(
            y, height, short(article.name, label_chars), f"{article.name} ({article.identifier})",
            href(article.iri),
            columns[index[published]].x if published in index else None,
            published.label if published else "",
        ))
        for event, first, last, row in placed:
            markers.append(_marker(event, columns[first].x, columns[last].x,
                                   y + LANE_LABEL + LANE_PAD + ROW * (row + 0.5), series,
                                   href))
        y += height
    legend = [LegendItem(f"series-{series[m]}", "diamond", m.text, href(m.value))
              for m in timeline.measures]
    if any(e.kind == "statement" for e in timeline.events):
        legend.append(LegendItem("statement", "circle", "statement (dated by the article)"))
    legend.append(LegendItem("period", "bar", "month or year: the text gives no day"))
    return TimelineChart(width, y + 6, columns, lanes, markers, legend)


def _marker(event: Event, x: float, x2: float, y: float, series: dict, href: Callable[[str], str],
            ) -> Marker:
    what = "measure" if event.kind == "measure" else "statement"
    css = f"series-{series[event.subject]}" if event.kind == "measure" else "statement"
    words = event.evidence[0].mark if event.evidence else ""
    detail = f" ({event.detail.text})" if event.detail else ""
    title = (f"{event.article.name} dates {what} \u201c{short(event.subject.text, 80)}\u201d"
             f"{detail} to {event.period.label}")
    if words:
        title += f": \u201c{short(words, 160)}\u201d"
    if event.period.precision != "day":
        return Marker(x - COLUMN * 0.42, x2 + COLUMN * 0.42, y, "bar", css, title,
                      href(event.subject.value))
    shape = "diamond" if event.kind == "measure" else "circle"
    return Marker(x, x, y, shape, css, title, href(event.subject.value))


# --- disagreements ------------------------------------------------------------------------


@dataclass
class Cell:
    """A dot in a side-by-value grid."""

    x: float
    y: float
    title: str


@dataclass
class GridChart:
    """Articles (rows) against the values they give (columns): who says which date or scope.

    An article giving two values has two dots in its row: it contradicts itself.
    """

    width: float
    height: float
    header: float
    rows: list[tuple[float, str, str]]
    """(y, label, title) per article."""
    columns: list[tuple[float, str]]
    cells: list[Cell]


_SLANT = (0.77, 0.64)  # cos and sin of the column labels' 40 degrees


def layout_grid(view: DisagreementView) -> GridChart:
    """A row per article, a dot where it gives a value; column headers slanted.

    The size covers every slanted header, so a page scaling the picture down to a narrow
    screen (``viewBox``) shows every label whole.
    """
    values = view.values
    labels = [short(v, 34) for v in values]
    longest = max((len(v) for v in labels), default=4) * BOLD_CHAR
    header = 24 + longest * _SLANT[1]
    step = 44.0
    columns = [(LABEL_WIDTH + step * (i + 0.5), label) for i, label in enumerate(labels)]
    x_of = {v: x for v, (x, _) in zip(values, columns, strict=True)}
    said: dict[str, dict[str, None]] = {}  # per article, the values of all its sides
    names: dict[str, str] = {}
    for side in view.sides:
        key = side.article.iri if side.article else side.node
        names[key] = side.article.name if side.article else side.node
        said.setdefault(key, {}).update(dict.fromkeys(side.values))
    rows = []
    cells = []
    for i, (key, given) in enumerate(said.items()):
        y = header + ROW * 1.4 * (i + 0.5)
        name = names[key]
        rows.append((y, short(name, 26), name))
        for value in given:
            if value in x_of:
                cells.append(Cell(x_of[value], y, f"{name}: {value}"))
    right = max((x + len(label) * BOLD_CHAR * _SLANT[0] for x, label in columns),
                default=LABEL_WIDTH)
    width = max(LABEL_WIDTH + step * max(1, len(values)), right + 8)
    return GridChart(width, header + ROW * 1.4 * len(rows) + 6, header, rows, columns, cells)


@dataclass
class Bar:
    """One side's figure on a number line, its article named above it."""

    y: float
    """The bar's middle; the article's name stands on the line above."""
    x0: float
    x1: float
    x2: float | None
    """End of a range (``valueMax``), else None."""
    label: str
    name: str
    qualifier: str
    """``more`` (at least, more than), ``less`` (under, up to), ``about`` or empty."""


@dataclass
class BarChart:
    """Figures of the sides on one axis from zero, one bar per side."""

    width: float
    height: float
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    unit: str


_MORE = ("more than", "over", "at least", "above", "exceeding", "upwards of")
_LESS = ("less than", "under", "up to", "at most", "below", "nearly", "almost")
_ABOUT = ("about", "around", "approximately", "roughly", "some")


BAR_STEP = 40.0
"""Height of one bar with its name above it."""
VALUE_ROOM = 130.0
"""Room right of the plot for the longest bar's qualifier and words."""


def layout_bars(view: DisagreementView, plot: float = 280.0) -> BarChart | None:
    """Bars from zero to each side's value, the qualifier drawn as an arrow or a tilde.

    Names stand above their bars rather than in a column beside them, so the picture is
    narrow enough (about 430 units) to stay legible when a phone scales it to its width.
    """
    sides = [(s, s.figure) for s in view.sides if s.figure is not None]
    if not sides:
        return None
    top = max(max(f.value, f.value_max or f.value) for _, f in sides)
    scale = _nice(top * Decimal("1.15"))
    width = LEFT + plot + VALUE_ROOM
    bars = []
    for i, (side, figure) in enumerate(sides):
        y = 26 + BAR_STEP * i
        name = side.article.name if side.article else side.node
        x1 = LEFT + _x(figure.value, scale, plot)
        x2 = LEFT + _x(figure.value_max, scale, plot) if figure.value_max else None
        words = side.snippet.mark if side.snippet else _words(figure)
        room = int((width - (x2 or x1) - 18) / CHAR)
        bars.append(Bar(y, LEFT, x1, x2, short(words, max(8, room)),
                        short(name, int((width - LEFT) / BOLD_CHAR)),
                        _qualifier(figure.qualifier)))
    ticks = [(LEFT + _x(scale * k / 4, scale, plot), _number(scale * k / 4)) for k in range(5)]
    unit = next((f.unit for _, f in sides if f.unit), "") or ""
    height = 26 + BAR_STEP * (len(sides) - 1) + 10 + 26
    return BarChart(width, height, bars, ticks, unit)


def _x(value: Decimal, scale: Decimal, plot: float) -> float:
    return float(value / scale) * plot if scale else 0.0


def _nice(value: Decimal) -> Decimal:
    """A round axis end at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return Decimal(1)
    power = Decimal(10) ** (value.adjusted())
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if power * step >= value:
            return power * step
    return power * 10


def _number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _qualifier(qualifier: str | None) -> str:
    words = (qualifier or "").lower()
    if words.startswith(_MORE):
        return "more"
    if words.startswith(_LESS):
        return "less"
    if words.startswith(_ABOUT):
        return "about"
    return ""


def _words(figure: Figure) -> str:
    parts = [figure.qualifier or "", _number(figure.value), figure.unit or ""]
    return " ".join(p for p in parts if p)
