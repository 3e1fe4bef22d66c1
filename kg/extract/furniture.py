"""Page furniture: the parts of a scraped web page that are not the article's own text.

A page saved from a news site or an aggregator carries, besides the story, lines that
assert nothing on the article's behalf:

* the headline, at the top, and its repeats (a page often prints it twice: in the
  ``<title>`` with the site's name, "Title | Outlet", "Title - Outlet", and above the
  story; a section label may open it, "EXPLAINER | Title").  A headline is a summary, its
  "China says ..." no statement of its own: the story reports the same words with their
  context.  A first line that ends like a sentence is a story's first paragraph, not a
  headline;
* lists of links to other stories: a paragraph under a label alone on its line
  ("Related News", "Read more", "More from ...") and a line opened by a label and a colon
  ("Related: China tells citizens to avoid Japan");
* photo captions: a line holding an image credit ("... on Wednesday. Photo: A. Roe /
  Reuters").

The labels are in ``[page]`` of ``kg/data/triggers.toml``.  :func:`furniture_spans` gives
these spans; the statement extractor keeps no statement that starts in one.

A list of links also runs over the lines under its label when the page has no blank line
between its blocks: over bulleted or numbered lines ("- Korea, US sign minerals pact",
"1. Won slides past 1,470"), else over lines that do not end like a sentence, up to a blank
line or a line of another form.  :func:`link_list_spans` gives these lists; the actors,
materials and figures they name are not the article's (a headline of another story).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..model import Article, Span
from .triggers import load_triggers, phrase_alternation

_HEADLINE_LINES = 8
"""Non-blank lines at the top of a text searched for the headline and its repeats."""
_HEADLINE_MAX = 240
"""Longest line (in characters) taken for a headline."""
_LABEL_LINE_WORDS = 6
"""Longest line (in words) taken as a link-list label such as "More from Asia Wire"."""
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s*$")
_TITLE_AFFIX = re.compile(r"^\s*[A-Z][A-Z ]{1,30}\s+[|:]\s+|\s+(?:[|–—]|-{1,2})\s+[^|–—]{1,60}$")
"""A section label before a headline ("EXPLAINER | ") or a site's name after it (" | Wire",
" - Xinhua")."""


class Furniture:
    """Tells whether an offset of one text lies in page furniture.

    Only the lines asked about are examined (a statement's first line, its paragraph's
    first line, the top lines for the headline), so an article costs a few line checks,
    not a scan of its whole text.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self._top: list[tuple[int, int]] | None = None
        self._headlines: list[tuple[int, int]] | None = None
        self._starts: list[int] | None = None

    def __contains__(self, offset: int) -> bool:
        text = self.text
        begin, end = _line_at(text, offset)
        if self._in_headline(offset):
            return True
        if in_spans(link_list_spans(text), offset):
            return True  # an item under "Most read" on a page without blank lines
        labels, prefixes, credits = _patterns()
        if (text.find(":", begin, end) != -1 or text.find("：", begin, end) != -1) and (
                prefixes.match(text, begin, end) is not None or _has_credit(text, begin, end)):
            return True  # both need a colon: most lines have none
        if self._starts is None:
            self._starts = _paragraph_starts(text)
        first = self._starts[bisect.bisect_right(self._starts, begin) - 1]
        stop = _line_at(text, first)[1]
        return labels.match(text, first, stop) is not None and \
            len(text[first:stop].split()) <= _LABEL_LINE_WORDS

    def _in_headline(self, offset: int) -> bool:
        if self._top is None:
            self._top = [(b, e) for b, e in _lines(self.text, 4 * _HEADLINE_LINES)
                         if self.text[b:e].strip()][:_HEADLINE_LINES]
        if not self._top or offset >= self._top[-1][1]:
            return False
        if self._headlines is None:
            self._headlines = _headlines(self.article, self._top)
        return any(b <= offset < e for b, e in self._headlines)


def _has_credit(text: str, begin: int, end: int) -> bool:
    """Whether the line ends with an image credit ("... Photo: A. Roe / Reuters")."""
    credits = _patterns()[2]
    for label in load_triggers().raw["page"]["credit_labels"]:
        at = text.find(label, begin, end)
        while at != -1:  # a few exact words: found by str.find, then checked
            if (at == begin or text[at - 1] in " \t.(") and \
                    credits.match(text, at + len(label), end) is not None:
                return True
            at = text.find(label, at + len(label), end)
    return False


def _paragraph_starts(text: str) -> list[int]:
    """The first offset of each paragraph (lines up to a blank one), in text order: the
    text's start and each line after a blank line (found once per text, then bisected)."""
    starts = [0]
    begin = 0
    blank = False
    while begin <= len(text):
        end = text.find("\n", begin)
        end = len(text) if end == -1 else end
        if blank and begin > 0:
            starts.append(begin)
        blank = not text[begin:end].strip()
        begin = end + 1
    return starts


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A line that heads a list of links, one that links to one story, and the end of a
    line after an image credit's label (each matched within one line)."""
    page = load_triggers().raw["page"]

    def alternation(entries: list[str]) -> str:
        return phrase_alternation(entries)

    labels = re.compile(rf"[ \t]*(?i:{alternation(page['link_list_labels'])})\b[^\n.]*$")
    prefixes = re.compile(rf"[ \t]*(?i:{alternation(page['link_prefixes'])})[ \t]*[:：]")
    credits = re.compile(r"[ \t]*[:：][^\n]{1,80}$")  # after a credit label, to the line's end
    return labels, prefixes, credits


def _line_at(text: str, offset: int) -> tuple[int, int]:
    """The line holding ``offset``, its line break left out."""
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    return begin, end - (1 if end > begin and text[end - 1] == "\r" else 0)


def _lines(text: str, limit: int) -> list[tuple[int, int]]:
    """The first ``limit`` lines as (begin, end) offsets, their line breaks left out."""
    out: list[tuple[int, int]] = []
    begin = 0
    while begin < len(text) and len(out) < limit:
        end = text.find("\n", begin)
        end = len(text) if end == -1 else end
        out.append((begin, end - (1 if end > begin and text[end - 1] == "\r" else 0)))
        begin = end + 1
    return out


def _normal(line: str) -> str:
    return " ".join(line.split()).casefold()


def _bare(line: str) -> str:
    """A headline without a section label before it or a site's name after it."""
    if "|" not in line and ":" not in line and " -" not in line and "–" not in line \
            and "—" not in line:
        return line  # nothing to strip: spare the pattern
    return _TITLE_AFFIX.sub("", line)


def _headlines(article: Article, top: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The headline among the ``top`` lines of the text and its repeats (see module doc)."""
    text = article.text
    titles: set[str] = set()
    span = article.metadata_spans.get("title")
    for title in (article.metadata.title, span.text if span is not None else None):
        if title:
            titles.update((_normal(title), _normal(_bare(title))))
    first = text[top[0][0]:top[0][1]]
    out: list[tuple[int, int]] = []
    for begin, end in top:
        if end - begin > _HEADLINE_MAX:
            continue  # a paragraph, not a headline
        line = text[begin:end]
        bare = _normal(_bare(line))
        if _normal(line) in titles or bare in titles or (
                begin != top[0][0] and _normal(line) == _normal(first)):
            if not _SENTENCE_END.search(line) or any(
                    other != (begin, end) and text[other[0]:other[1]].strip() == line.strip()
                    for other in top):
                out.append((begin, end))
    return out


_ITEM_MARK = re.compile(r"[ \t]*(?:[-•·*–—▪►]|\d{1,2}[.)])[ \t]+\S")
"""A bulleted or numbered line of a list: "- Title", "· Title", "2. Title"."""
_LIST_ITEM_WORDS = 24
"""Longest unmarked line (in words) taken for the title of a linked story."""


@lru_cache(maxsize=4)
def link_list_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(begin, end)`` of each list of links to other stories in ``text``: the item lines
    under its label (see module doc), in text order."""
    labels = _list_labels()
    out: list[tuple[int, int]] = []
    for label_end, label in _label_lines(text):
        if len(label.split()) > _LABEL_LINE_WORDS:
            continue
        end = label_end
        marked: bool | None = None
        while end < len(text):
            begin = end + 1
            stop = text.find("\n", begin)
            stop = len(text) if stop == -1 else stop
            line = text[begin:stop]
            if not line.strip():
                break
            if labels.match(text, begin) is not None \
                    and len(line.split()) <= _LABEL_LINE_WORDS:
                break  # another list's label: its own list
            is_marked = _ITEM_MARK.match(line) is not None
            if marked is None:
                marked = is_marked
            if is_marked != marked or not marked and (
                    _SENTENCE_END.search(line) or len(line.split()) > _LIST_ITEM_WORDS):
                break
            end = stop
        if end > label_end:
            out.append((label_end + 1, end))  # the label itself may cite ("Read more at X")
    return tuple(out)


def _label_lines(text: str) -> list[tuple[int, str]]:
    """Where each line holding only a link-list label ends, and its text: the first line
    matched at the start, the others by a pattern opening with the line break, which
    ``re`` finds by a fast search for that character (``^`` in multi-line mode is tried
    at every offset of the text, three times slower)."""
    first = _list_labels().match(text)
    found = [(first.end(), first.group())] if first is not None else []
    found.extend((m.end(), m.group()[1:]) for m in _later_list_labels().finditer(text))
    return found


def in_spans(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, from :func:`link_list_spans`)."""
    return any(b <= offset < e for b, e in spans)


def _label_line(opening: str) -> re.Pattern[str]:
    """A line holding only a link-list label and a few words ("Most read", "More from X"),
    after ``opening`` (the start of a line, or the line break before it)."""
    page = load_triggers().raw["page"]
    return re.compile(rf"(?m){opening}[ \t]*(?i:{phrase_alternation(page['link_list_labels'])})"
                      rf"\b[^\n.:]*:?[ \t]*$")  # "Related:" on its own line heads items too


@lru_cache(maxsize=1)
def _list_labels() -> re.Pattern[str]:
    """A label line at the start of a line (see :func:`_label_line`)."""
    return _label_line("^")


@lru_cache(maxsize=1)
def _later_list_labels() -> re.Pattern[str]:
    """:func:`_list_labels` on a line after the first, from the line break before it."""
    return _label_line("\n")


def furniture_spans(article: Article) -> Furniture:
    """The page furniture of ``article`` (see module doc), to test offsets against."""
    return Furniture(article)


REFERENCE_ENTRY = re.compile(
    r"[ \t]*(?:\[\d+\][ \t]*|[-•*][ \t]*)?(?P<head>[^\n()]{1,80}?)[ \t]"
    r"\((?:19|20)\d\d[a-z]?\)[ \t]*[.,:]")
"""A reference-list entry: "IEA (2025). Global Critical Minerals Outlook 2025. ..."; its
head (the author) holds no lower-case word but short function words, so that a sentence
("China curbed gallium (2023), then ...") is not taken for one."""
_PROSE_WORD = re.compile(r"\b[a-z]{4,}\b")
_IMPRINT_BEFORE = re.compile(r"\.[ \t]+$")
_IMPRINT_AFTER = re.compile(r"[ \t]*(?:\.[ \t]*$|:[ \t]*\S)", re.M)


def reference_entry_at(text: str, offset: int) -> re.Match[str] | None:
    """The reference-list entry ("IEA (2025). Outlook. Paris.") on the line holding
    ``offset``, if that line is one."""
    entry = REFERENCE_ENTRY.match(text, text.rfind("\n", 0, offset) + 1)
    return entry if entry is not None and not _PROSE_WORD.search(entry.group("head")) \
        else None


def is_imprint(text: str, span: Span) -> bool:
    """Whether ``span`` of ``text`` is the place of publication of a reference-list entry:
    after the title's full stop, before the entry's last full stop or the publisher
    ("... lessons from Lithuania. Berlin.", "... Outlook. Paris: IEA"); a city there
    names where the work was printed, not a government."""
    return bool(_IMPRINT_BEFORE.search(text, max(0, span.begin - 3), span.begin)
                and _IMPRINT_AFTER.match(text, span.end)
                and reference_entry_at(text, span.begin) is not None)


QUOTED_REFERENCE = re.compile(
    r"^[ \t]*(?:\d{1,3}[.)]|\[\d{1,3}\]|\^|[-•*])[ \t]*\^?[ \t]*"
    r"[\"“][^\"“”\n]{3,200}[\"”][.,]?[ \t]+"
    r"(?P<publisher>[A-Z](?:[^.,;:\"“”\n]|\.(?=\S)){1,60}?)[.,][ \t]+"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+(?:19|20)\d\d|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?"
    r"[ \t]+(?:19|20)\d\d|(?:19|20)\d\d(?:-\d\d-\d\d)?)\b", re.MULTILINE)
"""A numbered entry of an encyclopedia's reference list, the cited work's title in quotes,
then its publisher and its date: '5. "Ban to control prices". The Hindu. 14 May 2022.'"""
_PUBLISHER_WORD = re.compile(r"(?:[A-Z0-9][\w&'’.-]*|of|the|and|for|on|&|de|du|la|le)")
_PUBLISHER_WORDS = 6


def reference_publisher_at(text: str, offset: int) -> tuple[int, int] | None:
    """The character span of the publisher of the quoted-title reference entry on the line
    holding ``offset`` ('2. "India bans wheat exports". Reuters. 14 May 2022.'), if that
    line is one and its publisher field reads as a name (capitalised words, at most six)."""
    entry = QUOTED_REFERENCE.match(text, text.rfind("\n", 0, offset) + 1)
    if entry is None:
        return None
    words = entry.group("publisher").split()
    if len(words) > _PUBLISHER_WORDS or not all(_PUBLISHER_WORD.fullmatch(w) for w in words):
        return None
    return entry.span("publisher")


def prepare() -> None:
    """Build the page-furniture patterns now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    for build in (_patterns, _list_labels, _later_list_labels):
        build()
