"""The article's own journalists and publisher named in its text.

Bylines ("By Jane Roe and John Doe", "BY JANE ROE", "Posted on <date> by Jane Roe", "Jane
Roe | <date> | 6 min read"), wire credit lines ("Reporting by ...; Editing by ...",
"Interview by ..."), a masthead ("Asia Markets Wire live desk | ...") or a site's name
alone on the first line ("Straits Market Wire"), and the header's author and publisher:
placed where the text names them (an author signing at the end: "(Political Section Oda
Yusuke)"), else mentioned with an empty span; a newsroom byline such as "Research desk"
names no person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import ActorMention, ActorType, Span
from .actor_context import (
    BYLINE_LINES,
    NAME_MAX,
    ActorContext,
    Found,
    token_at,
)
from .refdata import ActorData, actor_data, tokenize


def find_bylines_and_publisher(ctx: ActorContext) -> None:
    """The article's authors (metadata, byline, credit line) and its publisher named in it.

    An author or publisher the header names but the text does not is still mentioned by
    the article: a mention with an empty span (:attr:`ActorContext.unplaced`).
    """
    article = ctx.article
    author = article.metadata_spans.get("author")
    if author is not None:
        start = token_at(ctx, author.begin)
        stop = token_at(ctx, author.end - 1)
        if start is not None and stop is not None and not any(
                f.start <= start < f.end for f in ctx.found) \
                and not _is_desk(ctx, author.text):
            # (not "author: Political News Department": a newsroom signs, no person)
            ctx.add(Found(" ".join(author.text.split()), ActorType.PERSON, start, stop + 1,
                           known=False, role="author", apposition=False))
        if stop is not None and ctx.key(stop + 1) in _BYLINE_SEPARATORS:
            _byline_outlet(ctx, stop + 2)  # "By Jane Roe | Harbour Wire | January 14, 2026"
    else:
        _byline_names(ctx)
        if article.metadata.author:
            for name in article.metadata.author_names():
                if len(name.split()) < 2 or _is_desk(ctx, name):
                    continue
                at = _name_at(ctx, name)
                if at is None:
                    ctx.unplaced.append(_unplaced(ctx, name, ActorType.PERSON, "author"))
                elif not any(f.start <= at < f.end for f in ctx.found) \
                        and at not in ctx.consumed:
                    # "(Political Section Oda Yusuke)": the header's author, signing
                    size = len(tokenize(name))
                    ctx.add(Found(ctx.surface(at, at + size), ActorType.PERSON, at, at + size,
                                  known=False, role="author", apposition=False))
    _credit_lines(ctx)
    _masthead(ctx)
    if article.metadata.publisher:
        _publisher(ctx, article.metadata.publisher)


def publisher_actor(publisher: str, data: ActorData | None = None) -> tuple[str, ActorType]:
    """The actor an article's header ``publisher`` names: its canonical name and type.

    A remark in parentheses is not part of the name ("... of China (unofficial machine
    translation)"); a name the reference data knows is its entry; a name ending in a company
    word is a company (a press release) without its legal form, an institution before a
    comma and its unit the institution ("..., Office of Public Affairs"), a portfolio's
    body ("Ministry of Industry of ...", "Department for ...") a government body, one
    holding an institute word an organisation (a think tank's commentary), any other an
    outlet; a name in capitals is read by its words ("MINISTRY OF FISHERIES").
    """
    data = data or actor_data()
    publisher = _without_remark(publisher)
    # A letterhead in capitals ("MINISTRY OF FOREIGN AFFAIRS") is read by its words as they
    # are written in a sentence; the name keeps the letters as printed.
    probe = publisher.title() if publisher.isupper() and len(publisher.title()) == len(
        publisher) else publisher
    pub = tokenize(probe)
    known = data.alias_map.get(" ".join(t.key for t in pub))
    lex = data.lexicon
    if known:
        return known, data.entries[known].type
    last = max((k for k, t in enumerate(pub) if t.is_word), default=-1)
    if last >= 0 and pub[last].text in lex.company_suffixes:
        # "Hokuriku Magnetics Co., Ltd.": the legal forms and their periods and commas
        stop = last + 1
        while stop > 1 and (pub[stop - 1].text in lex.legal_suffixes
                            or not pub[stop - 1].is_word):
            stop -= 1
        return publisher[:pub[stop - 1].end].strip(), ActorType.COMPANY
    head, comma, unit = publisher.partition(", ")
    if comma and head and unit[:1].isupper():
        # "Westbrook School of Management, Case Collection": the institution, not its unit
        # or series (an outlet's "Harbour Post, Business" stays whole)
        name, actor_type = publisher_actor(head, data)
        if actor_type is not ActorType.MEDIA:
            return name, actor_type
    if len(pub) > 2 and pub[0].text in lex.portfolio_heads and pub[1].key in {"of", "for"}:
        # "Ministry of Industry of the Republic of Indonesia": a ministry's own release
        return publisher, ActorType.GOVERNMENT_BODY
    if any(t.text in lex.organization_suffixes for t in pub):
        return publisher, ActorType.ORGANIZATION
    return publisher, ActorType.MEDIA


def _publisher(ctx: ActorContext, publisher: str) -> None:
    """The header's publisher (:func:`publisher_actor`), placed where the text names it."""
    name, actor_type = publisher_actor(publisher, ctx.data)
    publisher = _without_remark(publisher)
    pub_tokens = [t.key for t in tokenize(publisher)]
    size = len(pub_tokens)
    known = ctx.data.alias_map.get(" ".join(pub_tokens))
    placed = False
    keys = ctx.keys
    wanted = tuple(pub_tokens)
    for i in ctx.stream.positions(pub_tokens[:1]):
        if keys[i:i + size] != wanted:
            continue
        placed = True
        # A name found inside the publisher's is part of it: a pattern's ("Potomac Post" in
        # "The Potomac Post") or a state's ("China" in "China Observer").
        inside = [f for f in ctx.found if i <= f.start and f.end <= i + size and (
            not f.known or f.type is ActorType.STATE and size > f.end - f.start)]
        if any(k in ctx.consumed for k in range(i, i + size)) and not (
                inside and all(any(f.start <= k < f.end for f in inside)
                               for k in range(i, i + size) if k in ctx.consumed)):
            continue
        for f in inside:  # "Potomac Post" found by a pattern inside "The Potomac Post"
            ctx.found.remove(f)
        ctx.add(Found(name, actor_type, i, i + size, known=bool(known), apposition=False))
    if not placed and not any(f.name == name for f in ctx.found):
        ctx.unplaced.append(_unplaced(ctx, name, actor_type, None))


_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def _without_remark(publisher: str) -> str:
    """A header's publisher without a remark in parentheses at its end ("... (unofficial
    machine translation)"), unless the remark is all there is."""
    return _REMARK.sub("", publisher).strip() or publisher


def settle_publisher(ctx: ActorContext) -> None:
    """The publisher the text names where no actor was read at last (run after all the
    finders): "MINISTRY OF FOREIGN AFFAIRS" over a press release, whose words name no
    country's ministry, is still the article's publisher, mentioned with an empty span; an
    actor read there ("Ministry of Commerce" taken for a country's) is the publisher."""
    publisher = ctx.article.metadata.publisher
    if not publisher:
        return
    name, actor_type = publisher_actor(publisher, ctx.data)
    if any(f.name == name for f in ctx.found) or any(m.name == name for m in ctx.unplaced):
        return
    keys = tuple(t.key for t in tokenize(_without_remark(publisher)))
    size = len(keys)
    places = [i for i in ctx.stream.positions(keys[:1]) if ctx.keys[i:i + size] == keys]
    if places and not any(f.start < i + size and i < f.end for f in ctx.found for i in places):
        ctx.unplaced.append(_unplaced(ctx, name, actor_type, None))


def _is_desk(ctx: ActorContext, name: str) -> bool:
    """Whether a byline names a newsroom ("Research desk"), not a person."""
    words = name.casefold().split()
    if len(words) > 1 and words[-1] in ctx.lex.newsroom_units:
        return True  # "Political News Department"
    return any(" ".join(words[k:]) in ctx.lex.desk_words for k in range(len(words)))


_MASTHEAD_MODIFIERS = 2
"""Lower-case words allowed between an outlet's name and "desk" ("live", "news")."""


def _masthead(ctx: ActorContext) -> None:
    """"Asia Markets Wire live desk | Thursday, 8 January 2026": a capitalised name before a
    newsroom word in the first lines is the outlet that publishes the article; so is a
    site's name alone on the first line of a page ("Straits Market Wire"), when it ends
    like an outlet's name."""
    _site_name(ctx)
    _masthead_line(ctx)
    lines = 0
    for tok in ctx.tokens:
        if tok.index and tok.newline_before:
            lines += 1
        if lines > BYLINE_LINES:
            return
        if tok.key not in ctx.lex.desk_words or tok.is_capitalised:
            continue
        j = tok.index
        while j > 0 and tok.index - j < _MASTHEAD_MODIFIERS and ctx.tokens[j - 1].is_word \
                and not ctx.tokens[j - 1].is_capitalised and not ctx.tokens[j].newline_before:
            j -= 1
        end = j
        while j > 0 and end - j < NAME_MAX and ctx.tokens[j - 1].is_word \
                and ctx.tokens[j - 1].is_capitalised and not ctx.tokens[j].newline_before:
            j -= 1
        if end - j < 2 and not (end > j and ctx.tokens[end - 1].text in ctx.lex.media_suffixes):
            continue
        if any(k in ctx.consumed or k in ctx.covered for k in range(j, end)):
            continue
        name = ctx.surface(j, end)
        publisher = ctx.article.metadata.publisher or ""
        if publisher and publisher.split()[0].casefold() == ctx.key(j):
            # "Harbourline Asia desk" under the header's "Harbourline News": a desk of the
            # publisher, not an outlet of its own
            name = _without_remark(publisher)
        words = name.split()
        masthead = next((f.name for f in ctx.found if f.type is ActorType.MEDIA
                         and f.start < j and f.name.split()[:len(words)] == words), None)
        # "by the Supply Lines desk" under the masthead "Supply Lines Weekly": its desk
        ctx.add(Found(masthead or name, ActorType.MEDIA, j, end, known=False, apposition=False))


_MASTHEAD_SEPARATORS = {"|", "·", "•"}


def _masthead_line(ctx: ActorContext) -> None:
    """"The Hanul Daily | Business": a line of the first ones that opens on a name ending
    in an outlet word (perhaps after "The"), then a separator and the section, is the
    masthead of the outlet that publishes the article."""
    tokens = ctx.tokens
    lines = 0
    start = 0
    for tok in tokens:
        if tok.index and tok.newline_before:
            lines += 1
            start = tok.index
        if lines > BYLINE_LINES:
            return
        if tok.text not in _MASTHEAD_SEPARATORS or tok.newline_before:
            continue
        end = tok.index
        if not 2 <= end - start <= NAME_MAX or start > end \
                or tokens[end - 1].text not in ctx.lex.media_suffixes \
                or not all(t.is_word and t.is_capitalised for t in tokens[start:end]) \
                or any(k in ctx.consumed or k in ctx.covered for k in range(start, end)):
            continue
        ctx.add(Found(ctx.surface(start, end), ActorType.MEDIA, start, end, known=False,
                      apposition=False))


def _site_name(ctx: ActorContext) -> None:
    """The first line of a page holding only a name that ends in an outlet word."""
    tokens = ctx.tokens
    if not tokens or ctx.article.metadata_spans.get("title") is None \
            and ctx.article.metadata.title is not None:
        return  # a header gave the title: the first line is the body's
    end = 0
    while end < len(tokens) and (end == 0 or not tokens[end].newline_before):
        end += 1
    if not 2 <= end <= NAME_MAX or end >= len(tokens) \
            or tokens[end - 1].text not in ctx.lex.media_suffixes \
            or not all(t.is_word and t.is_capitalised for t in tokens[:end]) \
            or any(k in ctx.consumed or k in ctx.covered for k in range(end)):
        return
    ctx.add(Found(ctx.surface(0, end), ActorType.MEDIA, 0, end, known=False, apposition=False))




def _name_at(ctx: ActorContext, name: str) -> int | None:
    """The token where ``name`` occurs in the text (the last occurrence: a signature ends an
    article), else ``None``."""
    keys = tuple(t.key for t in tokenize(name))
    size = len(keys)
    found = [i for i in ctx.stream.positions(keys[:1]) if ctx.keys[i:i + size] == keys]
    return found[-1] if found else None


def _unplaced(ctx: ActorContext, name: str, actor_type: ActorType,
              role: str | None) -> ActorMention:
    entry = ctx.data.entries.get(name)
    return ActorMention(name=name, type=entry.type if entry else actor_type,
                        span=Span(0, 0, ""), role=role, known=entry is not None)


def _credit_lines(ctx: ActorContext) -> None:
    """"(Reporting by Mariko Ishida and Ken Harada in Tokyo; Editing by Thomas Brenner)":
    each person named after a credit phrase, with the phrase's role."""
    for i, role in _credits(ctx):
        while True:
            end = ctx.name_run(i)
            if end - i < 2:
                break
            ctx.add(Found(ctx.surface(i, end), ActorType.PERSON, i, end, known=False,
                          role=role, apposition=False))
            if ctx.key(end) == "in" and end + 1 in ctx.consumed:
                # "Paul Keane in Brussels and Lin Qiu ...": past where the reporter filed
                end += 1
                while end in ctx.consumed:
                    end += 1
            following = _next_in_list(ctx, end)
            if following is None:
                break
            i = following


def _credits(ctx: ActorContext) -> Iterator[tuple[int, str]]:
    """Where the names after each credit phrase ("Reporting by") start, with its role."""
    credits = ctx.data.credits
    if not credits:
        return
    longest = max(len(c) for c in credits)
    firsts = {c[0] for c in credits}
    for index in ctx.stream.positions(firsts):
        tok = ctx.tokens[index]
        role = None
        for size in range(longest, 1, -1):
            words = ctx.tokens[tok.index:tok.index + size]
            role = credits.get(tuple(w.key for w in words))
            if role is not None:
                break
        if role is not None:
            yield tok.index + size, role


_DESK_REACH = 5
"""Words between "the" and "desk" in a desk's credit ("the Singapore commodities desk")."""


def consume_desk_credits(ctx: ActorContext) -> None:
    """"(Compiled by the Singapore commodities desk; ...)": a newsroom credited by its city,
    which names where the desk sits, not a government: its words name no actor (run before
    the known names are taken)."""
    for i, _ in _credits(ctx):
        _consume_credit_places(ctx, i)
        if ctx.key(i) != "the":
            continue
        for j in range(i + 1, min(i + 1 + _DESK_REACH, len(ctx.tokens))):
            if ctx.tokens[j].newline_before or not ctx.tokens[j].is_word:
                break
            if ctx.key(j) in ctx.lex.desk_words:
                ctx.consumed.update(range(i, j + 1))
                break


_CREDIT_END = {";", ")", "(", "."}
"""Tokens that end one credit of a wire's credit line."""


def _consume_credit_places(ctx: ActorContext, i: int) -> None:
    """"(Reporting by A. Roe in Amsterdam; Additional reporting by B. Doe in Brussels)":
    the places after "in" in a credit are where the journalists filed from, not the
    government or the union whose seat they are."""
    j = i
    while j < len(ctx.tokens) and ctx.key(j) not in _CREDIT_END:
        if j > i and ctx.tokens[j].newline_before:
            return
        known = ctx.match_at.get(j + 1)
        if ctx.key(j) == "in" and (known is not None or ctx.is_name_word(j + 1, first=True)):
            end = known.end if known is not None else ctx.name_run(j + 1)
            ctx.consumed.update(range(j + 1, end))
            j = end
            continue
        j += 1


_BYLINE_OPENERS = {"posted", "published", "written", "filed", "updated"}
"""Words opening a blog's or a site's byline line: "Posted on January 12, 2026 by X"."""


_BYLINE_SEPARATORS = {"|", "·", "•", "—", "–"}


_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
                     r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                     r"|\b(?:19|20)\d\d\b")


def _byline_names(ctx: ActorContext) -> None:
    """Bylines near the top: "By Jane Roe and John Doe" (also in capitals: "BY JANE ROE"),
    "Posted on January 12, 2026 by Jane Roe", and a name opening a line of the page's
    metadata ("Jane Roe | December 10, 2024 | 9 min read"): each name is an author."""
    lines = 0
    for tok in ctx.tokens:
        if tok.newline_before:
            lines += 1
        if lines > BYLINE_LINES:
            return
        if not tok.newline_before:
            continue
        if tok.text in {"By", "BY"}:
            _author_list(ctx, tok.index + 1)
        elif tok.key in _BYLINE_OPENERS:
            j = tok.index + 1
            while j < len(ctx.tokens) and not ctx.tokens[j].newline_before:
                if ctx.tokens[j].text == "by":
                    _author_list(ctx, j + 1)
                    break
                j += 1
        else:
            end = ctx.name_run(tok.index)
            if 2 <= end - tok.index <= 4 and ctx.key(end) in _BYLINE_SEPARATORS:
                line_end = ctx.text.find("\n", ctx.tokens[end].end)
                rest = ctx.text[ctx.tokens[end].end:line_end if line_end >= 0 else None]
                if _MONTHS.search(rest):
                    ctx.add(Found(ctx.surface(tok.index, end), ActorType.PERSON, tok.index,
                                  end, known=False, role="author", apposition=False))


def _author_list(ctx: ActorContext, i: int) -> None:
    """The names of a byline from token ``i``: "Jane Roe and John Doe", "JANE ROE"."""
    while True:
        end = ctx.name_run(i)
        if end - i < 2:
            end = _capitals_run(ctx, i)
        if end - i < 2:
            return
        ctx.add(Found(ctx.surface(i, end), ActorType.PERSON, i, end, known=False,
                       role="author", apposition=False))
        if ctx.key(end) in _BYLINE_SEPARATORS:
            _byline_outlet(ctx, end + 1)
        following = _next_in_list(ctx, end)
        if following is None:
            return
        i = following


def _next_in_list(ctx: ActorContext, end: int) -> int | None:
    """Where the next name of a list of names starts after one ending at ``end`` (", and",
    ",", "and", "&" between them), or None when the list ends there."""
    if ctx.key(end) == "," and ctx.key(end + 1) == "and":
        return end + 2
    if ctx.key(end) in {",", "and", "&"}:
        return end + 1
    return None


def _byline_outlet(ctx: ActorContext, i: int) -> None:
    """"By Jane Roe | Harbour Wire | January 14, 2026": a name standing alone between the
    separators of a byline, before its date, is the outlet the author writes for."""
    start = i + 1 if ctx.key(i) == "the" else i
    end = start
    while end < len(ctx.tokens) and end - start <= NAME_MAX and not (
            ctx.tokens[end].newline_before or ctx.tokens[end].text in _BYLINE_SEPARATORS):
        tok = ctx.tokens[end]
        if not (tok.is_word and tok.is_capitalised or tok.text == "&" and end > start):
            return
        end += 1
    nxt = ctx.tok(end)
    if end - start < 2 or nxt is None or nxt.newline_before \
            or nxt.text not in _BYLINE_SEPARATORS:
        return  # one word alone ("By Jane Roe | Adelaide | 28 March 2024"): where she files
    inside = [f for f in ctx.found if start <= f.start < end]
    if any(f.type is not ActorType.STATE or f.end > end for f in inside):
        return  # a person's or a body's name, not an outlet's
    for f in inside:  # "Japan" in "Japan Metals Weekly"
        ctx.found.remove(f)
    line_end = ctx.text.find("\n", nxt.end)
    if not _MONTHS.search(ctx.text[nxt.end:line_end if line_end >= 0 else None]) \
            or _MONTHS.search(ctx.surface(start, end)):
        return
    ctx.add(Found(ctx.surface(start, end), ActorType.MEDIA, start, end, known=False,
                  apposition=False))


def _capitals_run(ctx: ActorContext, i: int) -> int:
    """End of a name written in capitals from ``i`` ("DARREN LIM KAH WENG"), on one line."""
    j = i
    while j < len(ctx.tokens) and j - i < NAME_MAX and ctx.tokens[j].text.isupper() \
            and ctx.tokens[j].text.isalpha() and len(ctx.tokens[j].text) > 1 \
            and j not in ctx.covered and j not in ctx.consumed \
            and (j == i or not ctx.tokens[j].newline_before) \
            and ctx.tokens[j].text.capitalize() not in ctx.lex.not_name_words:
        j += 1
    return j
