"""Read article files: optional ``key: value`` header, exact text, metadata.

An article file is UTF-8 text.  It may start with a header of ``key: value`` lines
(``title``, ``date`` as YYYY-MM-DD, ``publisher``, ``url``, ``author``) closed by a line
``---``; the header may also open with a line ``---`` (the front matter of Markdown and
static-site files).  The text after the header is kept byte for byte (decoded) as the article's
``nif:isString``; every offset the extractors produce counts into it.

Without a header, metadata is read from the text where it is there: a title line (with an
outlet after ``|``), a byline ``By ...``, a dateline ``January 7, 2026``, a labelled line
``Release time: 2026-01-15 17:20  Source: Ministry of Commerce News Office`` (date and
publisher), and the agency of a wire dateline ``TOKYO, Jan 9 (Reuters) -`` (publisher).
Web pages print the same in segments of a masthead line: ``Wed 7 Jan 2026 · 13:20 SGT``,
``Source: Xinhua| 2026-01-08 20:14:37|Editor: ...``, ``2025-11-20 08:47   Source: ...``
(date, and the publisher of a ``Source:`` segment), ``Posted on January 12, 2026 by Jane
Roe`` (date and author), ``By Jane Roe | 14/01/2026`` (a numeric date read only when one
number cannot be a month), ``Park Ji-won | Published 2026.01.09 17:42`` (year, month and day
with dots, as Korean and Chinese sites print them); a byline may be printed in capitals
(``BY JANE ROE``).  An outlet's name in capitals opening the first line before a dash or a
bar and what the page is (``TRADE DOCKET REPORTS — Case Summaries``), and an institution's
letterhead in capitals (``MINISTRY OF FISHERIES`` over ``LICENSING DIVISION``), name the
publisher (:mod:`kg.ingest_mastheads`).  A letter's or a release's place and date on a line of
their own date it at its head or on its last line (``Nairobi / Geneva, 6 September 2023``,
``Hong Kong, 28 March 2017`` under a signature), and so does a date between a masthead's
dashes or slashes (``KWTR NEWSRADIO 1120 — 12 NOON BULLETIN — FRIDAY, JANUARY 17, 2025``).
Nothing is invented where the text is silent.

A wire dateline often gives no year ("TOKYO, Jan 9 (Reuters) -").  Its year is inferred only
when the text settles it (:func:`infer_dateline_year`): the candidates are the latest year the
text names as a time (not a target such as "by 2030") and the year after it; a weekday in the
dateline's sentence ("Japan on Friday ...") picks the one candidate on which that day falls on
that weekday; without a weekday, the latest named year is taken unless the text dates an event
of that year after the dateline's day (then the article may be from the next year, and the
date is left out).  A text that names no year gives no date.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from .errors import IngestError
from .ingest_forms import (
    DATE_TEXT,
    MONTH_RE,
    MONTHS,
    NAME,
    NAME_LIKE,
    TIME_PREFIX,
    TIME_SUFFIX,
    WEEKDAY,
    WEEKDAY_NAME,
    page_labels,
    page_words,
    rubric_labels,
)
from .ingest_mastheads import first_line_publisher
from .model import Article, ArticleMetadata, Span, day_and_month, era_year

MAX_BYTES = 5 * 1024 * 1024
"""Largest article accepted; news articles are a few KiB, anything larger is a mistake."""

HEADER_KEYS = ("title", "date", "publisher", "url", "author")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$")
_HEADER_END = re.compile(r"^---[ \t]*\r?$")
_MAX_HEADER_LINES = 40

_MONTH_DAY_END = re.compile(rf"\b(?P<m>{MONTH_RE})\.?\s+(?:(?P<d>\d{{1,2}}),?\s+)?$",
                            re.IGNORECASE)
"""A month (and a day) ending the words before a year: "Nov. 7, " before "2025"."""
_DATE_ONLY_LINE = re.compile(rf"^\s*{TIME_PREFIX}{DATE_TEXT}{TIME_SUFFIX}\s*$",
                             re.IGNORECASE)
# "Beijing/Tokyo — January 7, 2026 — China has ...", "SEOUL, Sept. 11, 2019 - ...",
# "TOKYO, Jan. 8, 2026 (Kyodo) -- ...": place names, a dash or comma, the date, an optional
# agency in parentheses, a dash.
_DATELINE = re.compile(
    rf"^\s*[A-Z][\w./ ’'-]{{0,60}}?(?:\s+[—–-]{{1,2}}\s+|,\s+){DATE_TEXT}"
    rf"(?:\s+\([^)]{{1,40}}\))?\s+[—–-]{{1,2}}",
    re.IGNORECASE)
# "TOKYO, Jan 9 (Reuters) -": a wire dateline without a year; the year is inferred.
# "Kyoto (AFP) - Jan 22, 2026": the place and the agency, then the date, alone on its line.
_AGENCY_DATELINE = re.compile(
    rf"^\s*[A-Z][\w./ ’'-]{{0,60}}?\s+\((?P<agency>[^)]{{1,40}})\)\s+[—–-]{{1,2}}\s+"
    rf"{DATE_TEXT}{TIME_SUFFIX}\s*$", re.IGNORECASE)
# "BEIJING (AP) — China's military ...": a place in capitals and the wire, without a date.
_PLACE_AGENCY = re.compile(
    r"^\s*[A-Z][A-Z./’'-]+(?:[ ][A-Z][A-Z./’'-]+){0,3}\s+\((?P<agency>[^)]{1,40})\)\s+[—–-]{1,2}\s")
_YEARLESS_DATELINE = re.compile(
    rf"^\s*[A-Z][\w./ ’'-]{{0,60}}?,\s+{WEEKDAY}(?P<m>{MONTH_RE})\.?\s+(?P<d>\d{{1,2}})"
    rf"(?:\s+\((?P<agency>[^)]{{1,40}})\))?\s+[—–-]{{1,2}}\s",
    re.IGNORECASE)
_AGENCY = re.compile(rf"{DATE_TEXT}\s+\((?P<agency>[^)]{{1,40}})\)\s+[—–-]{{1,2}}",
                     re.IGNORECASE)
# "Dhaka, 21 May 2025", "Nairobi / Geneva, 6 September 2023": a release's or a letter's
# place and date alone on a line, at its head or closing it ("Hong Kong, 28 March 2017"
# under the signature): the document's own date.  The place is capitalised words (a line
# of the body, "The ban took effect on Monday, January 5, 2026.", is no place and date).
_PLACE_DATE_LINE = re.compile(
    rf"^\s*(?-i:[A-Z][\w.’'-]*(?:\s+(?:/\s+)?[A-Z][\w.’'-]*){{0,4}}),\s+{DATE_TEXT}\.?\s*$",
    re.IGNORECASE)
# "Release time: 2026-01-15 17:20", "Published: January 15, 2026": a labelled date line
# (the labels: ``[page] date_line_labels``).
@lru_cache(maxsize=1)
def _labelled_date() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{page_labels('date_line_labels')})\s*[:：]\s*{TIME_PREFIX}"
                      rf"{DATE_TEXT}", re.IGNORECASE)


# "Asia Wire live desk | Thursday, 8 January 2026", "Interview by A. Roe | Published
# January 12, 2026", "Source: Wire| 2026-01-08 20:14:37|Editor: A. Roe", "2026-01-08 08:47
# Source: Wire   Editor: A. Roe": a masthead line whose segments (split at "|", at "·" or
# "•" between spaces, or at a run of spaces or a tab) include a date alone or a date after a
# publishing word (with or without a colon).  A lone line counts as one segment, so
# "Posted on January 12, 2026 by Jane Roe" gives the date and the author.
# "Subject: About the partial revision of ...", "Title: ...": a release's labelled title.
@lru_cache(maxsize=1)
def _labelled_title() -> re.Pattern[str]:
    """A title line after a label of ``[page] title_labels`` and a colon."""
    return re.compile(rf"^\s*(?:{page_labels('title_labels')})\s*[:：]\s*"
                      rf"(?P<title>\S.{{0,300}}?)\s*$", re.IGNORECASE)


# A label with a colon opens a segment too: "Source: Global Times Published: 2025/1/2 22:18".
@lru_cache(maxsize=1)
def _segment_separator() -> re.Pattern[str]:
    """Where a masthead line splits into segments: "|", "·" or "•" between spaces, a run of
    spaces or a tab, and before a label of ``[page] segment_labels`` with its colon."""
    return re.compile(r"[ \t]*\|[ \t]*|\s+[·•]\s+|[ \t]{3,}|\t+"
                      rf"|[ \t]+(?=(?i:{page_labels('segment_labels')})[ \t]*[:：])")


# A press release's own label ("Distribution date 2026.01.08.(Thu)", "Date of issue: ...")
# and a weekday in brackets after the date count too.
@lru_cache(maxsize=1)
def _segment_date() -> re.Pattern[str]:
    """A masthead segment that is a date, alone or after a label of ``[page]
    segment_date_labels`` (the comment above)."""
    return re.compile(
        rf"\s*(?:(?:{page_labels('segment_date_labels')})(?:\s+(?:on|at))?\s*[:：]?\s*)?"
        rf"{TIME_PREFIX}{DATE_TEXT}\.?(?:\s*\({WEEKDAY_NAME}\.?\))?{TIME_SUFFIX}"
        rf"(?:\s+by\s+(?P<by>(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}})))?\s*$",
        re.IGNORECASE)


# "Source: Ministry of Commerce News Office" on a metadata line: the publisher, up to the
# next segment ("Source: Wire| 2026-01-08|Editor: A. Roe", "Source: Wire   Editor: A. Roe").
_SOURCE = re.compile(r"(?:^|\s{2,}|\t|\|\s*)source\s*[:：]\s*"
                     r"(?P<pub>[^\s|](?:[^|\t\n ]| (?! ))*?)\s*(?=$|\||\s{2,}|\t)",
                     re.IGNORECASE)
_YEAR_NAMED = re.compile(r"(?<![\w$€£¥.,-])(?P<y>19\d\d|20\d\d)(?![\w%-])")
# A target or an end date, not a time the text reports: "by 2030", "fiscal 2027", also with
# a day: "expected to end by Jan. 7, 2027", "runs until 10 November 2026".
_FUTURE_YEAR = re.compile(rf"(?:\b(?:by|until|till|through|before|to|target|targets|"
                          rf"fiscal|FY)\s+(?:(?:{MONTH_RE})\.?\s+(?:\d{{1,2}},?\s+)?"
                          rf"|\d{{1,2}}\s+(?:{MONTH_RE})\.?,?\s+)?|-)$", re.IGNORECASE)
_FUTURE_WINDOW = 28
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORD = re.compile(r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# "By Jane Roe", and several names: "By Jane Roe and John Doe", "By A. Roe, B. Doe & C. Poe".
_BYLINE = re.compile(rf"^\s*(?:By|BY)\s+(?P<name>{NAME}"
                     rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){NAME}){{0,3}})\s*$")
# "Answered on 29 January 2024", "Published: 2 May 2025": a date line whose label says it
# is the document's own date, also below a long front matter.
@lru_cache(maxsize=1)
def _late_labelled_date() -> re.Pattern[str]:
    """A line of a label of ``[page] publishing_labels`` and a date (the comment above)."""
    return re.compile(rf"^\s*(?:{page_labels('publishing_labels')})(?:\s+(?:on|at))?\s*[:：]?\s*"
                      rf"{TIME_PREFIX}{DATE_TEXT}{TIME_SUFFIX}\s*$", re.IGNORECASE)
# "Acme Robotics Co., Ltd. (TSE Prime: 6597)", "Apex Corp. (NYSE: APX)": a company and the
# exchange and code of its stock, heading its own release or transcript.
_STOCK_LINE = re.compile(r"^\s*(?P<name>[A-Z][^()]{1,80}?)\s*\([A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)"
                         r"{0,2}\s*:\s*[A-Z0-9][A-Z0-9.]{0,9}\)\s*$")
# "Jane Roe @janeroe": a post's author over the post.
_HANDLE_LINE = re.compile(rf"^\s*(?P<name>{NAME})\s+@\w{{1,30}}\s*$")
_TITLE_MAX = 160
_HEAD_LINES = 6
"""The lines searched for a headerless article's title, date, author and publisher ..."""
_SCRAPED_HEAD_LINES = 12
"""... and for a byline and the date beside it, below a scraped page's menus."""
_OUTLET_MAX_WORDS = 5


def read_article(path: str | Path) -> Article:
    """Read one article file.

    Raises :class:`~kg.errors.IngestError` with a clear reason for an empty, binary,
    non-UTF-8 or oversized file, or a malformed header.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(str(p), f"file is {size} bytes, larger than the {MAX_BYTES} allowed")
        raw = p.read_bytes()
    except OSError as exc:
        raise IngestError(str(p), f"cannot read file: {exc.strerror or exc}") from exc
    return parse_article(raw, identifier=p.name, path=str(p))


_UTF16_MARKS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
"""Bytes that Windows-1252 uses for printable characters (curly quotes, dashes) and
Latin-1 only for control codes: text copied from Word or a Windows web page."""


def _decoded(raw: bytes, where: str) -> str:
    """The text of an article's bytes: UTF-8, or UTF-16 when a byte order mark says so
    (what Windows Notepad saves as "Unicode"); anything else is refused with what the bytes
    look like and what to do."""
    mark = next((m for m in _UTF16_MARKS if raw.startswith(m)), None)
    if mark is not None:
        try:
            return raw[len(mark):].decode(_UTF16_MARKS[mark])
        except UnicodeDecodeError as exc:
            raise IngestError(where, f"not valid UTF-16 after its byte order mark: {exc.reason} "
                                     f"at offset {exc.start + len(mark)}") from exc
    if raw.startswith(b"%PDF"):
        raise IngestError(where, "file is a PDF, not a text article: convert it to text first "
                                 "(e.g. pdftotext FILE.pdf FILE.txt)")
    if b"\x00" in raw:
        raise IngestError(where, "file is binary (contains NUL bytes), not a text article")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        legacy = "cp1252" if _CP1252_ONLY.search(raw) else "latin-1"
        name = "Windows-1252" if legacy == "cp1252" else "Latin-1 (ISO-8859-1)"
        raise IngestError(
            where, f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start} "
                   f"(line {line}); it looks like {name} text: save it as UTF-8 (e.g. "
                   f"iconv -f {legacy} -t utf-8)") from exc


def parse_article(raw: bytes, *, identifier: str, path: str | None = None) -> Article:
    """Parse an article from its bytes; see :func:`read_article`."""
    where = path or identifier
    if len(raw) > MAX_BYTES:
        raise IngestError(where, f"file is {len(raw)} bytes, larger than the {MAX_BYTES} allowed")
    content = _decoded(raw, where)
    content = content.removeprefix("\ufeff")
    if not content.strip():
        raise IngestError(where, "file is empty")

    header, body = _split_header(content, where)
    notes: list[str] = []
    if header is not None:
        metadata = _metadata_from_header(header, where, notes)
        spans: dict[str, Span] = {}
    else:
        metadata, spans = _metadata_from_text(body)
    if not body.strip():
        raise IngestError(where, "article has a header but no text")
    return Article(identifier=identifier, text=body, metadata=metadata, path=path,
                   metadata_spans=spans, notes=notes)


def iter_article_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders into article files, sorted, folders searched for ``*.txt``
    (``.TXT`` too: a name's case says nothing about its content).

    A file reached twice ("kg build seeds seeds", a folder and a folder inside it) is
    yielded once: the same file is not two articles that share a name.
    """
    seen: set[Path] = set()
    for item in paths:
        p = Path(item)
        for found in sorted(_folder_files(p, articles=True)) if p.is_dir() else [p]:
            key = found.resolve()
            if key not in seen:
                seen.add(key)
                yield found


def ignored_files(folder: Path) -> list[Path]:
    """The files under ``folder`` that a build passes over: not ``*.txt``, not hidden, and
    not the folder's own documentation (``README``, ``LICENSE``), sorted.  Told to the user,
    since an article saved as ``.md`` or ``.pdf`` is otherwise missing without a word."""
    return sorted(f for f in _folder_files(folder, articles=False)
                  if not f.name.upper().startswith(("README", "LICENSE")))


def _folder_files(folder: Path, *, articles: bool) -> Iterator[Path]:
    """The files under ``folder`` that are articles (``*.txt``) or, with ``articles``
    False, the others; hidden files and folders left out.  ``os.walk`` reads each folder's
    entries with their kinds in one call, where a glob stats every file again."""
    for root, folders, files in os.walk(folder, followlinks=True):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(".txt") == articles:
                yield Path(root, name)


def _split_header(content: str, where: str) -> tuple[dict[str, tuple[int, str]] | None, str]:
    lines = content.splitlines(keepends=True)
    # "---" then a known key opens front matter; the header proper starts on the next line
    opened = len(lines) > 1 and _HEADER_END.match(lines[0].rstrip("\n")) is not None
    start = 1 if opened else 0
    first = _HEADER_LINE.match(lines[start].rstrip("\n")) if len(lines) > start else None
    if not first or first.group(1).lower() not in HEADER_KEYS:
        return None, content
    header: dict[str, tuple[int, str]] = {}
    offset = len(lines[0]) if opened else 0
    for number, line in enumerate(lines[start:_MAX_HEADER_LINES], start=start + 1):
        offset += len(line)
        stripped = line.rstrip("\n")
        if _HEADER_END.match(stripped):
            return header, content[offset:]
        match = _HEADER_LINE.match(stripped)
        if not match and not stripped.strip():
            raise IngestError(where, f"malformed header at line {number}: a blank line inside "
                                     "the header; close the header with a line '---'")
        if not match:
            raise IngestError(where, f"malformed header at line {number}: expected 'key: value' "
                                     f"or '---', got {stripped[:60]!r}")
        key = match.group(1).lower()
        if key in header:
            raise IngestError(where, f"malformed header at line {number}: '{key}' given twice")
        header[key] = (number, match.group(2))
    raise IngestError(where, "malformed header: it starts on line 1 but no '---' line closes it "
                             f"within {_MAX_HEADER_LINES} lines")


def _metadata_from_header(header: dict[str, tuple[int, str]], where: str,
                          notes: list[str] | None = None) -> ArticleMetadata:
    meta = ArticleMetadata()
    for key, (number, value) in header.items():
        if key not in HEADER_KEYS:
            # Unknown keys are allowed and ignored (headers may carry more), but one that
            # looks like a misspelt key ("autor") is said, so the value is not lost unseen.
            close = difflib.get_close_matches(key, HEADER_KEYS, n=1, cutoff=0.75)
            if close and notes is not None:
                notes.append(f"header line {number}: '{key}' is not a key kg reads (did you "
                             f"mean '{close[0]}'?); its value was ignored")
            continue
        if not value:
            continue
        if key == "date":
            meta.date = header_date(value)
            if meta.date is None:
                why = " (day and month are ambiguous in that form)" \
                    if _NUMERIC_DATE.fullmatch(value.strip()) else ""
                raise IngestError(where, f"malformed header at line {number}: date {value!r} is "
                                         f"not a date kg reads{why}: write it as YYYY-MM-DD")
        elif key == "url":
            problem = url_problem(value)
            if problem is not None:
                raise IngestError(where, f"malformed header at line {number}: url {value!r} "
                                         f"{problem}")
            meta.url = value
        else:
            setattr(meta, key, value)
    return meta


_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
"""12/03/2026, 12.03.26: day and month in an order only a convention tells."""


def header_date(value: str) -> dt.date | None:
    """The day a header's ``date:`` names: ``2026-03-12``, a timestamp
    (``2026-03-12T09:30:00Z``: its day as written), or a date in words that names day,
    month and year and nothing else (``March 12, 2026``, ``12 March 2026``); else None.
    Numeric forms such as ``12/03/2026`` are refused: their day and month are ambiguous."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    from .extract.dates import find_dates  # the body's date reader, for one expression

    found = find_dates(value, None)
    if len(found) == 1 and found[0].span.text.strip(" ,.") == value.strip(" ,."):
        date = found[0].date
        if date.month is not None and date.day is not None and not found[0].relative:
            return dt.date(date.year, date.month, date.day)
    return None


def url_problem(value: str) -> str | None:
    """What makes ``value`` unusable as an article's address (it becomes the IRI object of
    ``schema:url``), or ``None``: an absolute http(s) address, without spaces or the
    characters IRIs exclude."""
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("http", "https"):
        return "is not an http(s) address (e.g. https://example.org/news/1)"
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        return f"is not a valid address: {exc}"
    return None


def _metadata_from_text(text: str) -> tuple[ArticleMetadata, dict[str, Span]]:
    meta = ArticleMetadata()
    spans: dict[str, Span] = {}
    lines = _first_lines(text, _SCRAPED_HEAD_LINES)
    title_open = True
    labelled_title = False
    masthead = first_line_publisher([line for _, line in lines[:2]])
    if masthead is not None:  # "TRADE DOCKET REPORTS — Case Summaries", a letterhead
        _set_publisher(text, lines[0][0] + masthead[0], masthead[1], meta, spans)
    for index, (begin, line) in enumerate(lines):
        if index >= _HEAD_LINES:
            if meta.date is None and (m := _late_labelled_date().match(line)) \
                    and (date := _date_from_match(m)) is not None:
                # "Answered on 29 January 2024" under a written question: a labelled date
                # line a long front matter pushes down
                _set_date(text, begin, m, date, meta, spans)
            _scraped_byline(text, lines, index, meta, spans)
            continue
        if meta.author is None and (m := _BYLINE.match(line)):
            _set_author(text, begin + m.start("name"), m.group("name"), meta, spans)
            continue
        if (m := _labelled_title().match(line)) is not None and not labelled_title:
            # A release's own label says which line is the title ("Subject: ..."): it wins
            # over a line taken for one by its place.
            labelled_title = True
            meta.title = m.group("title").strip()
            spans["title"] = Span.of(text, begin + m.start("title"),
                                     begin + m.start("title") + len(meta.title))
            title_open = False
            continue
        if meta.date is None and (m := (_DATE_ONLY_LINE.match(line) or _DATELINE.match(line)
                                         or _PLACE_DATE_LINE.match(line)
                                         or _labelled_date().match(line)
                                         or _AGENCY_DATELINE.match(line))):
            date = _date_from_match(m)
            if date is not None:
                _set_date(text, begin, m, date, meta, spans)
                _publisher_from_line(text, begin, line, meta, spans)
                # a dateline opens the article's first paragraph: no title comes after it
                title_open = title_open and m.re in (_DATE_ONLY_LINE, _labelled_date(),
                                                     _PLACE_DATE_LINE)
                continue
        if meta.date is None and _masthead_date(text, begin, line, meta, spans):
            continue
        if meta.date is None and (m := _YEARLESS_DATELINE.match(line)):
            year = infer_dateline_year(text, MONTHS[m.group("m").lower()], int(m.group("d")),
                                       line)
            if year is not None:
                try:
                    meta.date = dt.date(year, MONTHS[m.group("m").lower()], int(m.group("d")))
                except ValueError:
                    meta.date = None
                if meta.date is not None:
                    spans["date"] = Span.of(text, begin + m.start("m"), begin + m.end("d"))
            _publisher_from_line(text, begin, line, meta, spans)
            title_open = False
            continue
        if (found := _front_matter(text, begin, line, meta, spans)) is not None:
            title_open = title_open or found
            continue
        if meta.publisher is None and index > 0:
            _publisher_from_line(text, begin, line, meta, spans)
        # The title is the first line that is no metadata (a release may open with its
        # date: "Release time: 2024-10-09 16:45"), if it reads as one.
        first = title_open
        title_open = False
        if first and index < len(lines) - 1 and _reads_as_title(line):
            title, _, outlet = line.rpartition(" | ")
            if title and outlet.strip().casefold() in _language_labels():
                # "Mainland Affairs Council | English": the page's language switch, no outlet
                line = title
                title, _, outlet = line.rpartition(" | ")
            if title and outlet and len(outlet.split()) <= _OUTLET_MAX_WORDS \
                    and masthead is None:
                meta.title = title.strip()
                meta.publisher = outlet.strip()
                spans["title"] = Span.of(text, begin, begin + len(title.strip()))
                pub_begin = begin + line.rindex(outlet.strip())
                spans["publisher"] = Span.of(text, pub_begin, pub_begin + len(outlet.strip()))
            else:
                meta.title = line.strip()
                start = begin + (len(line) - len(line.lstrip()))
                spans["title"] = Span.of(text, start, start + len(line.strip()))
    if meta.date is None:
        _parted_date(text, lines[:_HEAD_LINES], meta, spans)
    if meta.date is None:
        _closing_date(text, meta, spans)
    return meta, spans


_PARTS = re.compile(r"\s+[—–/]\s+")
"""Where a masthead's parts meet: "KWTR NEWSRADIO 1120 — 12 NOON BULLETIN — FRIDAY, JANUARY
17, 2025", "Federal Register / Vol. 89, No. 187 / Thursday, September 26, 2024 / Proposed
Rules"."""


def _parted_date(text: str, lines: list[tuple[int, str]], meta: ArticleMetadata,
                 spans: dict[str, Span]) -> None:
    """The date one part of a head line is, between dashes or slashes (:data:`_PARTS`),
    when no line gave one: the line stays the title it was taken for."""
    for begin, line in lines:
        for start, end in _line_parts(line, _PARTS)[1:]:
            m = _segment_date().match(line, start, end)
            if m is not None and (date := _date_from_match(m)) is not None:
                _set_date(text, begin, m, date, meta, spans)
                return


def _line_parts(line: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each part of ``line`` between matches of ``separator``
    (never empty), the first part first."""
    parts: list[tuple[int, int]] = []
    start = 0
    for sep in separator.finditer(line):
        parts.append((start, sep.start()))
        start = sep.end()
    parts.append((start, len(line)))
    return parts


def _closing_date(text: str, meta: ArticleMetadata, spans: dict[str, Span]) -> None:
    """A letter's place and date on its last line ("Hong Kong, 28 March 2017" under the
    chairman's signature) date a text whose head gives no date."""
    stripped = text.rstrip()
    begin = stripped.rfind("\n") + 1
    m = _PLACE_DATE_LINE.match(stripped[begin:])
    if m is not None and (date := _date_from_match(m)) is not None:
        _set_date(text, begin, m, date, meta, spans)


def _front_matter(text: str, begin: int, line: str, meta: ArticleMetadata,
                  spans: dict[str, Span]) -> bool | None:
    """A line above the title that is no title, or None: a company's name with its stock
    code ("Acme Robotics Co., Ltd. (TSE Prime: 6597)": the publisher of its transcript), a
    post's author with the handle ("Jane Roe @janeroe"), a rubric alone ("Press release":
    the line taken for the title above it was the issuing institution, its publisher) or
    after a column's name ("THE LONG VIEW | Interview"), or after an institution's name and
    a dash ("UK Parliament - Written answers": the publisher).  True when the title is open
    again (the line above it was no title)."""
    if (m := _STOCK_LINE.match(line)) is not None and all(
            w[:1].isupper() or w in {"of", "the", "and", "&"}
            for w in m.group("name").replace(",", " ").split()):
        # (not a headline naming a ticker: "Nvidia beats forecasts (NASDAQ: NVDA)")
        if meta.publisher is None:
            _set_publisher(text, begin + m.start("name"), m.group("name"), meta, spans)
        return False
    if (m := _HANDLE_LINE.match(line)) is not None:
        if meta.author is None:
            _set_author(text, begin + m.start("name"), m.group("name"), meta, spans)
        return False
    rubrics = rubric_labels()
    if line.strip().casefold() in rubrics:
        if meta.title is None or meta.publisher is not None or "title" not in spans \
                or not NAME_LIKE.match(meta.title):
            return False  # a headline above its section's label stays the title
        meta.publisher, meta.title = meta.title, None
        spans["publisher"] = spans.pop("title")
        return True
    _, bar, last = line.rpartition(" | ")
    if bar and last.strip().casefold() in rubrics:
        return False
    head, dash, last = line.rpartition(" - ")
    if dash and last.strip().casefold() in rubrics and NAME_LIKE.match(head.strip()):
        # "UK Parliament - Written answers": the institution and the kind of record
        if meta.publisher is None:
            _set_publisher(text, begin + len(head) - len(head.lstrip()), head.strip(), meta,
                           spans)
        return False
    return None


@lru_cache(maxsize=1)
def _language_labels() -> frozenset[str]:
    """Names of a page's languages in its language switch (``[page] language_labels``),
    case-folded."""
    return frozenset(w.casefold() for w in page_words("language_labels"))


def _reads_as_title(line: str) -> bool:
    """Whether a headerless article's first line can be its title: short, with a letter (not
    a rule or an ornament: "---", "* * *"), and not a lead sentence (a long line ending
    with a full stop that reports in the past tense, "..., the minister said on Friday.",
    is the article's first paragraph; taking it would invent a title).  A headline keeps
    the present tense even when it ends with a full stop ("Japan demands China revoke the
    ban! China proposes a condition, and Tokyo falls silent.")."""
    words = line.split()
    lead = line.rstrip().endswith(".") and len(words) > _TITLE_SENTENCE_WORDS and \
        any(word.strip(",;:.").lower() in _past_speech_verbs() for word in words)
    return len(line) <= _TITLE_MAX and any(c.isalpha() for c in line) and not lead


@lru_cache(maxsize=1)
def _past_speech_verbs() -> frozenset[str]:
    """Verbs of reporting in the past tense (``[dates] past_speech_verbs``): a lead's."""
    from .extract.triggers import load_triggers  # the rule tables, loaded once

    return frozenset(load_triggers().raw["dates"]["past_speech_verbs"])


_TITLE_SENTENCE_WORDS = 12
"""Headlines rarely end with a full stop; one of more words than this is a sentence."""


def _scraped_byline(text: str, lines: list[tuple[int, str]], index: int,
                    meta: ArticleMetadata, spans: dict[str, Span]) -> None:
    """Past the first lines, where a scraped page's menus and cookie banner push them: the
    byline ("By Jane Roe"), and a date line only next to it ("January 9, 2026 11:42 KST |
    Updated ..."), so a timeline's first entry is not taken for the article's date."""
    begin, line = lines[index]
    if meta.author is None and (m := _BYLINE.match(line)):
        _set_author(text, begin + m.start("name"), m.group("name"), meta, spans)
        return
    beside = [lines[i][1] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    if meta.date is None and any(_BYLINE.match(other) for other in beside):
        _masthead_date(text, begin, line, meta, spans)


def _masthead_date(text: str, begin: int, line: str, meta: ArticleMetadata,
                   spans: dict[str, Span]) -> bool:
    """Set the date from a masthead segment ("Wire live desk | Thursday, 8 January 2026"),
    and the author and publisher its other segments name; True when one gave the date."""
    found = False
    segments = _line_parts(line, _segment_separator())
    for start, end in segments:
        m = _segment_date().match(line, start, end)
        if not found and m is not None and m.end() == end and \
                (date := _date_from_match(m)) is not None:
            _set_date(text, begin, m, date, meta, spans)
            found = True
            if meta.author is None and m.group("by"):  # "Posted on May 2, 2026 by Jane Roe"
                _set_author(text, begin + m.start("by"), m.group("by"), meta, spans)
        byline = _BYLINE.match(line[start:end])
        if meta.author is None and byline is not None:  # "By Jane Roe | January 8, 2026"
            _set_author(text, begin + start + byline.start("name"), byline.group("name"),
                        meta, spans)
    if found and meta.publisher is None:  # "Source: Wire| 2026-01-08 20:14|Editor: A. Roe"
        for first, last in segments:
            if (m := _SOURCE.match(line[first:last])) is not None and m.group("pub"):
                _set_publisher(text, begin + first + m.start("pub"), m.group("pub").strip(),
                               meta, spans)
                break
    return found


def _set_date(text: str, begin: int, m: re.Match[str], date: dt.date, meta: ArticleMetadata,
              spans: dict[str, Span]) -> None:
    """The date ``m`` read in a line at offset ``begin`` of ``text``, its span that of the
    date's own words (:func:`_date_span`: not a weekday, a label or a time around them)."""
    meta.date = date
    s = _date_span(m)
    spans["date"] = Span.of(text, begin + s[0], begin + s[1])


def _set_author(text: str, begin: int, name: str, meta: ArticleMetadata,
                spans: dict[str, Span]) -> None:
    """The author's name; one printed in capitals ("BY JANE ROE") is the name in title case,
    its span the text as printed."""
    meta.author = name.title() if name.isupper() else name
    if len(meta.author_names()) == 1:
        # Several names have no one span: the extractors find each in the byline itself.
        spans["author"] = Span.of(text, begin, begin + len(name))


def _set_publisher(text: str, begin: int, name: str, meta: ArticleMetadata,
                   spans: dict[str, Span]) -> None:
    """The publisher a metadata line names, when it looks like a name."""
    if not name[:1].isupper() or len(name.split()) > _OUTLET_MAX_WORDS + 2:
        return
    meta.publisher = name
    spans["publisher"] = Span.of(text, begin, begin + len(name))


def _publisher_from_line(text: str, begin: int, line: str, meta: ArticleMetadata,
                         spans: dict[str, Span]) -> None:
    """The publisher a metadata line names: the agency of a wire dateline ("(Reuters) -") or
    a ``Source:`` label; kept only when no title line named an outlet already."""
    if meta.publisher is not None:
        return
    m = _YEARLESS_DATELINE.match(line) or _AGENCY.search(line) \
        or _AGENCY_DATELINE.match(line) or _PLACE_AGENCY.match(line)
    group = "agency"
    if m is None or not m.group("agency"):
        m = _SOURCE.search(line)
        group = "pub"
    if m is None or not m.group(group):
        return
    _set_publisher(text, begin + m.start(group), m.group(group).strip(), meta, spans)


def infer_dateline_year(text: str, month: int, day: int, line: str = "") -> int | None:
    """The year of a yearless dateline ``month``/``day``, when the text settles it (see the
    module doc), else ``None``.  ``line`` is the dateline's sentence, searched for a weekday."""
    named: list[int] = []
    later_in_year: dict[int, bool] = {}
    for m in _YEAR_NAMED.finditer(text):
        if _FUTURE_YEAR.search(text[max(0, m.start() - _FUTURE_WINDOW):m.start()]):
            continue  # "by 2030", "fiscal 2027": a target, not a time the text reports
        year = int(m.group("y"))
        named.append(year)
        before = text[max(0, m.start() - 16):m.start()]
        event = _MONTH_DAY_END.search(before)
        if event is not None:
            when = (MONTHS[event.group("m").lower()], int(event.group("d") or 1))
            if when > (month, day):
                later_in_year[year] = True
    if not named:
        return None
    latest = max(named)
    weekday = _WEEKDAY_WORD.search(line)
    if weekday is not None:
        wanted = _WEEKDAY_NAMES.index(weekday.group("w").lower())
        if _weekday_of(latest, month, day) == wanted:
            return latest
        if later_in_year.get(latest) and _weekday_of(latest + 1, month, day) == wanted:
            return latest + 1  # an event of that year after the dateline's day: the next year
    return None if later_in_year.get(latest) else latest


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _first_lines(text: str, count: int) -> list[tuple[int, str]]:
    """The first ``count`` non-blank lines with their start offsets."""
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            found.append((offset, content))
            if len(found) == count:
                break
        offset += len(line)
    return found


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g.get("y1"):
            return dt.date(int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]))
        if g.get("y2"):
            return dt.date(int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"]))
        if g.get("y3"):
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g.get("era"):
            number = 1 if g["en"].lower() == "first" else int(g["en"])
            year = int(g["ey"]) if g.get("ey") else era_year(g["era"], number)
            if year is None:
                return None
            if g.get("em"):
                return dt.date(year, MONTHS[g["em"].lower()], int(g["ed"]))
            return dt.date(year, int(g["emn"]), int(g["edn"]))
        if g.get("sy"):
            order = day_and_month(int(g["sa"]), int(g["sb"]))
            if order is None:
                return None  # "06/01/2026": either order is a date
            return dt.date(int(g["sy"]), order[1], order[0])
    except ValueError:
        return None
    return None


def _date_span(m: re.Match[str]) -> tuple[int, int]:
    if m.group("eradate") is not None:
        return m.span("eradate")
    for first, last in (("m1", "y1"), ("d2", "y2"), ("y3", "d3"), ("sa", "sy")):
        if m.group(first) is not None:
            return m.start(first), m.end(last)
    return m.span()
