"""Find the materials, goods and technologies an article names.

The taxonomy of ``kg/data/materials.toml`` is matched against the article's tokens in one
scan of its trie (:mod:`kg.extract.refdata`), leftmost-longest, so "medium and heavy rare
earths" wins over "heavy rare earths" and "rare earth magnets" over "rare earth".  Then:

* a name inside a proper name is not the material ("General Motors", "China Northern Rare
  Earth Group"), and one after a demonstrative refers back to one already named ("these
  critical minerals");
* a name that only qualifies who makes, buys or studies a good, or an activity around it
  ("magnet makers", "battery producers", "a critical minerals analyst", "semiconductor
  manufacturing"; ``[lexicon].agent_heads``), does not name the good, and neither does a
  section label written in capitals ("CHIPS CORNER");
* coordinated names share their head or their modifier: "navigation and drone components"
  names navigation components (the whole phrase) and drone components, and "rare earth
  elements and alloys" names rare earth alloys ("alloys");
* chemical symbols count only where they cannot be ordinary words: in parentheses right
  after a material ("dysprosium (Dy)") or in a list of symbols ("Dy, Tb and Nd");
* a good named by its origin keeps the nationality in its mention ("Japanese seafood"),
  a product line its model number ("iPhone 16");
  parts ("supercomputer components") and desks ("head of critical minerals") name no good;
  an acronym in parentheses inside a name is skipped ("extreme-ultraviolet (EUV)
  machines");
* the headlines of other stories in a list of links ("Related stories", see
  :func:`kg.extract.furniture.link_list_spans`) name no good of this article.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Article, MaterialCategory, MaterialMention, Span
from .furniture import link_list_spans
from .refdata import (
    GazMatch,
    MaterialAlias,
    MaterialData,
    Token,
    actor_data,
    material_data,
    token_stream,
)

_Emit = Callable[[str, int, int], None]
_CONJUNCTIONS = {"and", "or", "&"}
_LIST_SEPARATORS = {",", "and", "or", "/", "&"}
_CAPITALS_LINE = re.compile(r"(?m)^(?=[^a-z\n]*?[A-Z]{2,}[^A-Za-z\n]+[A-Z]{2,})[^a-z\n]+$")
"""A line written all in capitals, of two words or more ("CHIPS CORNER"): a newsletter's
section label, whose words say nothing about the goods the text names."""


_CAPITALS_SHARE = 0.5
"""Above this share of capital letters a text is written in capitals, not merely headed by
lines of capitals (running prose has well under a fifth)."""


_NOT_UPPER = bytes(c for c in range(256) if not 65 <= c <= 90)
_NOT_LOWER = bytes(c for c in range(256) if not 97 <= c <= 122)
_ASCII = bytes(range(128))


def written_in_capitals(text: str) -> bool:
    """Whether most of the letters of ``text`` are capitals, as in a wire service's stream of
    headlines ("08:31 *MALAYSIA PALM OIL FUTURES OPEN 2.4% HIGHER")."""
    # First a test in C over the UTF-8 bytes that rules out most texts: more than half the
    # letters in capitals needs more capitals than lower-case letters, and there are at
    # most the ASCII capitals plus the non-ASCII characters (each one byte or more of 128
    # and up) and at least the ASCII lower-case letters.  Counting letter by letter in
    # Python cost 0.9 ms per article.
    data = text.encode()
    if len(data.translate(None, _NOT_UPPER)) + len(data.translate(None, _ASCII)) \
            <= len(data.translate(None, _NOT_LOWER)):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > _CAPITALS_SHARE * len(letters)


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _line_names_body(tokens: tuple[Token, ...], i: int, bodies: frozenset[str]) -> bool:
    """Whether the line from token ``i`` on holds only capitalised words and ends in an
    organisation's or a company's last word ("... Materials Council"): a name on a line of
    its own (a letterhead, a signature), not a headline in title case."""
    j = i
    while j < len(tokens) and not tokens[j].newline_before:
        if not (tokens[j].is_word and tokens[j].is_capitalised):
            return False
        j += 1
    return j > i and tokens[j - 1].text in bodies
"""Determiners by which a noun refers back to one named before."""


def find_materials(article: Article) -> list[MaterialMention]:
    """Return the materials named in ``article``, one per mention, sorted by span."""
    text = article.text
    data = material_data()
    stream = token_stream(text)
    tokens = stream.tokens
    heading = stream.heading
    # In a text written in capitals throughout (a wire service's headline stream) a line of
    # capitals is the news itself, not a section label.
    shouted = ([] if written_in_capitals(text)
               else [(m.start(), m.end()) for m in _CAPITALS_LINE.finditer(text)])
    shouted += link_list_spans(text)  # headlines of other stories under "Related stories"

    lexicon = actor_data().lexicon
    bodies = lexicon.organization_suffixes | lexicon.company_suffixes
    excluded: set[str] = set()
    """Entries an article named in a sense that is no good ("a missile battery")."""

    def accept(match: GazMatch) -> GazMatch | None:
        first = tokens[match.start]
        before = tokens[match.start - 1] if match.start else None
        after = tokens[match.end] if match.end < len(tokens) else None
        entry = data.entries[_name(match)]
        if before is not None and before.key in entry.not_after:
            excluded.add(entry.name)
            return None  # "bargaining chip"
        if before is not None and entry.name in excluded and before.key in _DEFINITE:
            return None  # "the battery" after "the THAAD battery": that one again
        if after is not None and after.key in entry.not_before:
            return None  # "beef up"
        # Inside a proper name: "General Motors", "Northern Rare Earth Group", "the Cognac
        # Export Council".
        if (first.is_capitalised and before is not None and before.is_word
                and before.is_capitalised and not before.text.isupper()
                and match.start not in heading
                and match.start not in stream.sentence_initial):
            return None
        if (first.is_capitalised and after is not None and after.is_word
                and after.is_capitalised and not after.text.isupper() and not after.glued
                and match.start not in heading and not tokens[match.end - 1].newline_before
                and not after.newline_before):
            return None
        if match.start in heading and before is not None and before.is_capitalised \
                and _line_names_body(tokens, match.end, bodies):
            return None  # "Pacific Rim Battery Materials Council" alone on a line: a name
        if match.start and stream.keys[match.start - 1] in _PORTFOLIO_LINKS and any(
                stream.keys[max(0, match.start - len(title)):match.start] == title
                for title in data.portfolio_titles):
            return None  # "head of critical minerals": a desk, not a good
        return match

    matches = _with_acronyms(data, tokens, data.gazetteer.scan(tokens, accept=accept,
                                                               stream=stream),
                             stream.positions(("(",)))
    if shouted:
        matches = [m for m in matches
                   if not any(b <= tokens[m.start].begin < e for b, e in shouted)]
    # every token of a match, not only its first: "canola oil, oil cakes" is two goods,
    # not "oil, oil cakes" sharing the head "cakes"
    starts = {k for m in matches for k in range(m.start, m.end)}
    found: dict[tuple[int, int], MaterialMention] = {}

    def emit(name: str, begin: int, end: int) -> None:
        entry = data.entries[name]
        span = Span.of(text, tokens[begin].begin, tokens[end - 1].end)
        found.setdefault((span.begin, span.end), MaterialMention(
            name=name, category=entry.category, span=span, broader=entry.broader))

    for m in matches:
        if m.start > 0 and tokens[m.start - 1].key in data.anaphoric:
            continue  # "these critical minerals": refers back
        if _qualifies_agent(data, tokens, m.end):
            continue  # "magnet makers", "semiconductor manufacturing": not the good
        # "supercomputer components": parts, not the good; but a chip is itself a part, so
        # "NAND components" are the chips
        if m.end < len(tokens) and tokens[m.end].key in data.part_heads \
                and not tokens[m.end].glued \
                and data.entries[_name(m)].category is not MaterialCategory.SEMICONDUCTOR:
            continue
        if m.end < len(tokens) and tokens[m.end].glued \
                and tokens[m.end].key in data.glued_modifiers:
            continue  # "magnet-equivalent material", "battery-grade graphite": a modifier
        start = m.start
        if data.entries[_name(m)].origin and start > 0 \
                and tokens[start - 1].key in data.demonyms and tokens[start - 1].is_capitalised:
            start -= 1  # "Japanese seafood": the origin is part of the good's name
        end = m.end
        if data.entries[_name(m)].model_number and end < len(tokens) \
                and tokens[end].text.isdigit() and not tokens[end].newline_before:
            end += 1  # "iPhone 16": the model the text names is part of the mention
        emit(_name(m), start, end)
        _shared_head(data, tokens, m, starts, emit)
        _shared_modifier(data, tokens, m, starts, emit)
        _symbol_in_parentheses(data, tokens, m, emit)
    if any(k in stream.distinct for k in data.symbol_keys):
        _symbol_lists(data, tokens, emit)
    return [found[k] for k in sorted(found)]


_PORTFOLIO_LINKS = {"of", "for"}
"""The last words of the ``portfolio_titles`` ("head of")."""
_ACRONYM_REACH = 3
"""Words on either side of an acronym in parentheses tried as one material's name."""


def _with_acronyms(data: MaterialData, tokens: tuple[Token, ...],
                   matches: list[GazMatch], opens: list[int]) -> list[GazMatch]:
    """Names split by an acronym in parentheses ("extreme-ultraviolet (EUV) machines",
    "deep-ultraviolet (DUV) immersion lithography systems"): the words around it name the
    material; matches inside the whole are dropped for it.  ``opens`` are the indexes of
    the "(" tokens, in order (from the token stream's index: no visit of every token)."""
    found: list[GazMatch] = []
    n = len(tokens)
    for i in opens:
        if not 1 <= i < n - 3:
            continue
        if tokens[i].text != "(" or tokens[i + 2].text != ")" \
                or not tokens[i + 1].text.isupper() or len(tokens[i + 1].text) < 2:
            continue
        best: GazMatch | None = None
        for left in range(1, _ACRONYM_REACH + 1):
            start = i - left
            if start < 0 or not tokens[start].is_word:
                break
            for right in range(_ACRONYM_REACH, 0, -1):
                end = i + 3 + right
                if end > n or not all(t.is_word for t in tokens[i + 3:end]):
                    continue
                name = _lookup(data, [*tokens[start:i], *tokens[i + 3:end]])
                if name is None and _spells(tokens[i + 1].text, tokens[start:i]):
                    # "extreme ultraviolet (EUV) systems": the acronym and the head name it
                    name = _lookup(data, [tokens[i + 1], *tokens[i + 3:end]])
                if name is not None and (best is None or end - start > best.end - best.start):
                    best = GazMatch(start, end, (MaterialAlias(name),))
        if best is not None:
            found.append(best)
    if not found:
        return matches
    kept = [m for m in matches if not any(f.start <= m.start < f.end or m.start <= f.start < m.end
                                          for f in found)]
    return sorted([*kept, *found], key=lambda m: m.start)


def _spells(acronym: str, words: tuple[Token, ...]) -> bool:
    """Whether ``words`` read as the expansion of ``acronym``: their initials open it, in
    order ("extreme ultraviolet" for EUV, "deep ultraviolet" for DUV)."""
    initials = "".join(t.text[:1] for t in words if t.is_word).upper()
    return bool(initials) and acronym.upper().startswith(initials)


def _qualifies_agent(data: MaterialData, tokens: tuple[Token, ...], end: int) -> bool:
    """Whether the material ending at token ``end`` only qualifies an agent or activity
    noun ("battery producers", "magnet and materials makers"), also as one modifier of a
    list ("battery, chip and auto-parts makers")."""
    n = len(tokens)
    k = end
    joined = True
    for conjunct in range(_CONJUNCTS):
        if k >= n:
            return False
        if tokens[k].key in data.agent_heads and not tokens[k].glued:
            return joined
        if tokens[k].key not in _LIST_SEPARATORS:
            return False
        if conjunct == 0 and tokens[k].key not in _CONJUNCTIONS \
                and tokens[end - 1].key.endswith("s"):
            return False  # "electric vehicles, defense systems and electronics makers"
        # "magnet and materials makers", "battery, chip and auto-parts makers": the head
        # the list of modifiers shares, over one conjunct of a word or two after "and"
        joined = False
        while k < n and tokens[k].key in _LIST_SEPARATORS:
            joined = joined or tokens[k].key in _CONJUNCTIONS
            k += 1
        words = 0
        while k < n and tokens[k].key not in data.agent_heads \
                and tokens[k].key not in _LIST_SEPARATORS and (
                tokens[k].glued or tokens[k].is_word and not tokens[k].is_capitalised
                and tokens[k].key not in _DETERMINERS and words < _CONJUNCT_WORDS):
            words += not tokens[k].glued
            k += 1
        if words == 0:
            return False
    return False


_CONJUNCTS = 4
"""Conjuncts of a list of modifiers searched for the head they share."""
_CONJUNCT_WORDS = 2
"""Words of one such conjunct ("auto parts")."""
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these",
                "those", "that", "some", "other", "more"}


def _name(match: GazMatch) -> str:
    alias = next(p for p in match.payloads if isinstance(p, MaterialAlias))
    return alias.name


def _lookup(data: MaterialData, words: list[Token]) -> str | None:
    return data.alias_map.get(" ".join(t.key for t in words))


def _shared_head(data: MaterialData, tokens: tuple[Token, ...], m: GazMatch,
                 starts: set[int], emit: _Emit) -> None:
    """"Navigation and drone components": the left conjuncts take the match's head."""
    if m.end - m.start < 2:
        return
    for split in range(1, m.end - m.start):
        head = list(tokens[m.start + split:m.end])
        i = m.start - 1
        while i >= 1 and tokens[i].key in _LIST_SEPARATORS:
            word = i - 1
            # A glued modifier ("high-end") is one word: walk back to its first piece.
            while word > 0 and tokens[word].glued:
                word -= 1
            if word in starts or not tokens[word].is_word:
                break
            modifier = list(tokens[word:i])
            name = _lookup(data, modifier + head)
            if name is None:
                break
            emit(name, word, m.end)
            i = word - 1
            if i < 0 or tokens[i].key not in {","} | _CONJUNCTIONS:
                break


def _shared_modifier(data: MaterialData, tokens: tuple[Token, ...], m: GazMatch,
                     starts: set[int], emit: _Emit) -> None:
    """"Rare earth elements and alloys": the right conjunct takes the match's modifier."""
    j = m.end
    if j + 1 >= len(tokens) or tokens[j].key not in _CONJUNCTIONS or j + 1 in starts:
        return
    for split in range(m.end - m.start - 1, 0, -1):
        modifier = list(tokens[m.start:m.start + split])
        for size in (2, 1):
            words = list(tokens[j + 1:j + 1 + size])
            if len(words) < size or not all(t.is_word for t in words):
                continue
            name = _lookup(data, modifier + words)
            if name is not None and name != _name(m):
                emit(name, j + 1, j + 1 + size)
                return


def _symbol_in_parentheses(data: MaterialData, tokens: tuple[Token, ...], m: GazMatch,
                           emit: _Emit) -> None:
    """"dysprosium (Dy)": the symbol of the material just named."""
    j = m.end
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
        name = data.symbols.get(tokens[j + 1].text)
        if name is not None and name == _name(m):
            emit(name, j + 1, j + 2)


def _symbol_lists(data: MaterialData, tokens: tuple[Token, ...], emit: _Emit) -> None:
    """"Dy, Tb and Nd": two or more safe symbols joined by commas or conjunctions."""
    i = 0
    n = len(tokens)
    while i < n:
        run: list[int] = []
        j = i
        while j < n and tokens[j].text in data.symbols \
                and tokens[j].text not in data.unsafe_symbols:
            run.append(j)
            if j + 2 < n and tokens[j + 1].key in _LIST_SEPARATORS:
                j += 2
                if tokens[j - 1].text == "," and tokens[j].key in _CONJUNCTIONS:
                    j += 1  # Oxford comma: "Dy, Tb, and Nd"
            else:
                break
        if len(run) >= 2:
            for k in run:
                emit(data.symbols[tokens[k].text], k, k + 1)
        i = (run[-1] + 1) if run else i + 1
