"""Text geometry shared by the extractors: paragraphs, sentences, quotations, words.

Every function returns :class:`~kg.model.Span` objects that count into the article text
(code points, end exclusive), so whatever an extractor builds on them can be written as
evidence unchanged.  Nothing here knows about actors or measures.

Paragraphs
    News files come in two shapes: one paragraph per line (scraped pages, wire copy) and
    hard-wrapped blocks separated by blank lines (e-mailed or plain-text copy).
    :func:`split_paragraphs` tells them apart per block: a block whose lines are all short
    (at most :data:`WRAP_WIDTH` characters, and at least :data:`WRAP_MIN` but the last) is
    treated as wrapped, and its lines are joined except before a bullet and after a short
    (heading) line.

Sentences
    :func:`split_sentences` cuts a paragraph after ``.``, ``!`` or ``?`` (and any closing
    quotation marks or brackets) when the next word starts like a sentence does, except after
    a known abbreviation (``Mr.``, ``Jan.``, ``U.S.``; listed in ``kg/data/triggers.toml``)
    or a single initial.  Sentences never cross a paragraph boundary.

Quotations
    :func:`find_quotes` finds quoted passages in straight (``"``, ``'``) and typographic
    (``“ ”``, ``‘ ’``, ``« »``) marks, and the corner brackets of Japanese and Chinese text
    (``「 」``, ``『 』``) that machine translations keep.  Apostrophes (``isn't``,
    ``Japan’s``) are told apart from single quotation marks by what flanks them.  A double
    quotation left open at the end of a paragraph continues when the next paragraph opens
    with a quotation mark again (the newspaper convention for a quote that runs over several
    paragraphs); otherwise the stray mark is ignored.  Single quotations inside double ones
    are reported as nested.

All scanning is a single left-to-right pass, linear in the length of the text; quotation
scanning visits only the quotation marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import Span
from .triggers import load_triggers

WRAP_WIDTH = 100
"""Longest line of a block that may be hard-wrapped prose."""

WRAP_MIN = 40
"""Shortest line (but the last) of a hard-wrapped block; shorter ones are headings or lines."""

_HEADING_RATIO = 0.6
"""In a wrapped block, a line shorter than this share of the longest ends a paragraph."""

ARTICLES = frozenset({"a", "an", "the"})
"""The English articles (lower case): they never open a person's name nor end a set-off
phrase."""
BULLET = r"[-*•·▪]"
"""A bullet of a list item (a hyphen and an asterisk too): one definition for the patterns
that take a bullet but no dash or number; :data:`LIST_MARKER` and :data:`LINE_MARKER` add
those."""
LIST_MARKER = r"(?:[-*•·▪–]|\d{1,2}[.)])"
"""The marker of a list item: a bullet, a hyphen, an en dash or a number ("1.", "2)").
(:data:`LINE_MARKER`, which breaks lines into paragraphs, takes an em dash too.)"""
LINE_MARKER = r"(?:[-*•·▪–—]|\d{1,2}[.)])"
"""The marker opening a list line or a timeline's entry: :data:`LIST_MARKER` or an em dash."""
_BULLET = re.compile(r"^\s*" + LINE_MARKER + r"\s+")
LIST_ITEM = re.compile(r"\s*" + LIST_MARKER + r"\s+")
"""A list item's marker with the white space around it (read by the measure extractor)."""
_LINE = re.compile(r"[^\n]*\n?")
_WORD = re.compile(r"[^\W_]+(?:[-‑'’][^\W_]+)*")

DOUBLE_OPEN = "“«„「『"
DOUBLE_CLOSE = "”»」』"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
QUOTE_CHARS = "\"'“”‘’«»„「」『』"
CLOSERS = "\"'”’»」』)]"
_SENTENCE_END = re.compile(r"[.!?…]+[" + re.escape(CLOSERS) + r"]*(?:\[\d{1,3}\])*(?=\s)")
"""A sentence's end: its stop, closing marks, and the reference markers an encyclopedia
glues after the stop ("... channels.[7] Reports ..."), which belong to the sentence."""
_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE) + '"]')
_SINGLE_MARK = re.compile("['" + re.escape(SINGLE_OPEN + SINGLE_CLOSE) + "]")
_OPENERS_BEFORE = set(" \t\n([{—–-/:;\"“«")
_PUNCT_AFTER = set(".,;:!?)]}—–-…\"”»")


@dataclass(frozen=True, order=True)
class Quote:
    """A quoted passage.

    ``span`` is the text between the marks; ``outer`` includes them.  ``double`` tells
    double from single marks; ``nested`` is true for a single quotation inside a double
    one.  A quotation continued over paragraphs has one ``span`` covering all of them,
    the paragraph breaks and re-opening marks included (the text stays verbatim).
    """

    outer: Span
    span: Span
    double: bool = True
    nested: bool = False

    @property
    def words(self) -> list[str]:
        """The quoted words, lower-cased."""
        return words(self.span.text)


def words(text: str) -> list[str]:
    """Words of ``text``, lower-cased; hyphenated and apostrophe words stay whole."""
    return [w.lower() for w in _WORD.findall(text)]


def word_count(text: str) -> int:
    """How many :func:`words` ``text`` has, without lower-casing them into a list."""
    return len(_WORD.findall(text))


def iter_words(text: str, begin: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of the words of ``text[begin:end]``."""
    for m in _WORD.finditer(text, begin, len(text) if end is None else end):
        yield Span(m.start(), m.end(), m.group())


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans of ``text``, trimmed of surrounding white space (see module doc)."""
    return list(_geometry(text)[0])


def split_sentences(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Sentence spans of ``text`` (within ``paragraphs``, computed when not given)."""
    if paragraphs is None:
        return list(_geometry(text)[1])
    return _sentences(text, paragraphs)


def paragraphs_only(text: str) -> list[Span]:
    """The paragraphs of :func:`split_paragraphs`, without splitting the text into
    sentences too (for a reader that needs the sentences of a few paragraphs only: see
    :func:`paragraph_sentences`)."""
    return _paragraphs(text)


def paragraph_sentences(text: str, paragraph: Span) -> list[Span]:
    """The sentences of one paragraph of ``text``: those of :func:`split_sentences` that
    lie in it (no sentence crosses a paragraph boundary)."""
    return list(_paragraph_sentences(text, paragraph))


@lru_cache(maxsize=8)
def _geometry(text: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The paragraphs and sentences of ``text``, kept for the few articles in flight: the
    actor extractor (sentence-initial words) and the shared context both need them."""
    paragraphs = _paragraphs(text)
    return tuple(paragraphs), tuple(_sentences(text, paragraphs))


def _paragraphs(text: str) -> list[Span]:
    lines = [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text) if m.group()]
    paragraphs: list[Span] = []
    block: list[tuple[int, str]] = []
    for begin, line in lines:
        if line.strip():
            block.append((begin, line))
            continue
        paragraphs.extend(_block_paragraphs(text, block))
        block = []
    paragraphs.extend(_block_paragraphs(text, block))
    return paragraphs


def _block_paragraphs(text: str, block: list[tuple[int, str]]) -> list[Span]:
    if not block:
        return []
    longest = max(len(line.rstrip()) for _, line in block)
    wrapped = (len(block) > 1 and longest <= WRAP_WIDTH
               and all(len(line.rstrip()) >= WRAP_MIN for _, line in block[:-1]
                       if not _BULLET.match(line)))
    groups: list[list[tuple[int, str]]] = []
    for index, (begin, line) in enumerate(block):
        previous = block[index - 1][1] if index else ""
        joins = (
            wrapped
            and index > 0
            and not _BULLET.match(line)
            and len(previous.rstrip()) >= _HEADING_RATIO * longest
        )
        if joins:
            groups[-1].append((begin, line))
        else:
            groups.append([(begin, line)])
    return [_trimmed(text, g[0][0], g[-1][0] + len(g[-1][1])) for g in groups]


def _trimmed(text: str, begin: int, end: int) -> Span:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return Span.of(text, begin, end)


def _sentences(text: str, paragraphs: list[Span]) -> list[Span]:
    sentences: list[Span] = []
    for paragraph in paragraphs:
        sentences.extend(_paragraph_sentences(text, paragraph))
    return sentences


def _paragraph_sentences(text: str, paragraph: Span) -> Iterator[Span]:
    abbreviations = _abbreviations()
    start = paragraph.begin
    for m in _SENTENCE_END.finditer(text, paragraph.begin, paragraph.end):
        end = m.end()
        nxt = _next_non_space(text, end, paragraph.end)
        if nxt is None:
            break
        following = text[nxt]
        # A letter of a script without case (Chinese, Japanese, Korean: "said. 中国商务部
        # announced ...") opens a sentence as a capital does.
        if not (following.isupper() or following.isdigit() or following in QUOTE_CHARS
                or following in "([-•*" or (following.isalpha() and not following.islower())):
            continue
        if m.group().startswith(".") and _is_abbreviation(text, m.start(), abbreviations) \
                and not (text[nxt].isalpha() and _is_month_abbreviation(text, m.start())) \
                and not _letter_before_opener(text, m.start(), nxt):
            # A month's abbreviation is followed by a day ("Nov. 1"); before a capitalised
            # word ("from 1 Nov. Treasury Secretary ...") its stop ends the sentence.
            continue
        yield _trimmed(text, start, end)
        start = nxt
    if start < paragraph.end:
        yield _trimmed(text, start, paragraph.end)


def _next_non_space(text: str, pos: int, end: int) -> int | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos if pos < end else None


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Whether the ``.`` at ``dot`` ends an abbreviation or an initial rather than a sentence."""
    begin = dot
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    token = text[begin:dot]
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return token.lower() in abbreviations


def _letter_before_opener(text: str, dot: int, nxt: int) -> bool:
    """Whether the stop at ``dot`` follows a lone capital ("on X.") and a word that opens a
    sentence, never a name, comes next ("She", "The": ``after_letter_openers``)."""
    if dot < 1 or not text[dot - 1].isupper() or (dot > 1 and text[dot - 2].isalpha()):
        return False
    m = _ASCII_WORD.match(text[nxt:nxt + 12])
    return m is not None and m.group() in _letter_openers()


_ASCII_WORD = re.compile(r"[A-Za-z]+\b")


@lru_cache(maxsize=1)
def _letter_openers() -> frozenset[str]:
    return frozenset(load_triggers().raw["text"]["after_letter_openers"])


_MONTH_ABBREVIATIONS = frozenset(
    form.lower() for entry in load_triggers().dates["month_abbreviations"]
    for form in entry.split("|")) - {month.lower() for month in load_triggers().dates["months"]}
"""``[dates] month_abbreviations`` in lower case, less the whole month names ("May")."""


def _is_month_abbreviation(text: str, dot: int) -> bool:
    begin = dot
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:dot].lower() in _MONTH_ABBREVIATIONS and (
        begin == 0 or not text[begin - 1].isalpha())


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower().rstrip(".") for a in load_triggers().abbreviations)


def sentence_at(sentences: list[Span], offset: int) -> Span | None:
    """The sentence containing ``offset`` (sentences sorted, as returned above)."""
    index = sentence_index(sentences, offset)
    return None if index is None else sentences[index]


def sentence_index(sentences: list[Span], offset: int) -> int | None:
    """The index in ``sentences`` (sorted and disjoint) of the one containing ``offset``,
    by bisection."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].begin <= offset < sentences[lo].end:
        return lo
    return None


def find_quotes(text: str, paragraphs: list[Span] | None = None) -> list[Quote]:
    """Quoted passages of ``text``, sorted by position (see module doc)."""
    paragraphs = paragraphs if paragraphs is not None else split_paragraphs(text)
    doubles = _double_quotes(text, paragraphs)
    singles = _single_quotes(text, paragraphs, doubles)
    return sorted(doubles + singles)


def _double_quotes(text: str, paragraphs: list[Span]) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None  # offset of the opening mark of the pending quotation
    for index, paragraph in enumerate(paragraphs):
        # Only double quotation marks change the state: visit them alone.
        for mark in _DOUBLE_MARK.finditer(text, paragraph.begin, paragraph.end):
            pos = mark.start()
            ch = mark.group()
            if open_at is None:
                if ch in DOUBLE_OPEN or ch == '"':
                    open_at = pos
            elif ch in DOUBLE_CLOSE or (ch == '"' and not _reopens(text, paragraph, pos)):
                quotes.append(_quote(text, open_at, pos + 1, double=True))
                open_at = None
            elif ch in DOUBLE_OPEN and not _reopens(text, paragraph, pos):
                open_at = pos  # a stray opener before: restart at the newer one
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is None or text[following.begin] not in DOUBLE_OPEN + '"':
                open_at = None  # unmatched mark: not a quotation
    return quotes


def _reopens(text: str, paragraph: Span, pos: int) -> bool:
    """A mark at the very start of a paragraph re-opens a quotation continued from before."""
    return pos == paragraph.begin


def _single_quotes(text: str, paragraphs: list[Span], doubles: list[Quote]) -> list[Quote]:
    quotes: list[Quote] = []
    starts = [q.span.begin for q in doubles]  # doubles never overlap: bisect finds the one
    for paragraph in paragraphs:
        open_at: int | None = None
        for mark in _SINGLE_MARK.finditer(text, paragraph.begin, paragraph.end):
            pos = mark.start()
            ch = mark.group()
            before = text[pos - 1] if pos > paragraph.begin else " "
            after = text[pos + 1] if pos + 1 < paragraph.end else " "
            if before.isalnum() and after.isalnum():
                continue  # apostrophe inside a word: isn't, Japan’s
            opens = (ch in "'" + SINGLE_OPEN
                     and (before in _OPENERS_BEFORE or pos == paragraph.begin)
                     and not after.isspace())
            closes = (ch in "'" + SINGLE_CLOSE and not before.isspace()
                      and (after.isspace() or after in _PUNCT_AFTER))
            if open_at is None:
                if opens:
                    open_at = pos
            elif closes and pos > open_at + 1:
                i = bisect.bisect_right(starts, open_at) - 1
                nested = i >= 0 and doubles[i].span.begin <= open_at < doubles[i].span.end
                quotes.append(_quote(text, open_at, pos + 1, double=False, nested=nested))
                open_at = None
    return quotes


def _quote(text: str, begin: int, end: int, *, double: bool, nested: bool = False) -> Quote:
    return Quote(outer=Span.of(text, begin, end), span=Span.of(text, begin + 1, end - 1),
                 double=double, nested=nested)


_NAME_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")
"""The letters after the capital of a name word (``[a-z’'-]``)."""


def ends_a_longer_name(text: str, name: str, end: int) -> bool:
    """Whether ``name`` (one word) ends a longer name before ``end``: it follows a
    capitalised word ("Kazuo Kuramochi") and white space, and no letter, digit, "_", "’",
    "'" nor "-" follows it.  Read at each occurrence of the word (``str.find``) instead of
    by a pattern made for each name (a compilation per article)."""
    at = text.find(name, 0, end)
    while at != -1:
        after = at + len(name)
        if after == end or not (text[after].isalnum() or text[after] in "_’'-"):
            space = at
            while space > 0 and text[space - 1].isspace():
                space -= 1
            word = space
            while word > 0 and text[word - 1] in _NAME_LETTERS:
                word -= 1
            if space < at and word < space and word > 0 and "A" <= text[word - 1] <= "Z":
                return True
        at = text.find(name, at + 1, end)
    return False
