"""Find the words of social-media posts pasted into a text: a thread's replies.

A post copied from X, Bluesky or Threads keeps its furniture: a "Replying to @handle" line,
the author's line with display name and handle ("Tomás Ibarra @tibarra_mx", see
:mod:`.actor_turn_labels`), the post's text, and a time stamp line ("10:17 AM · Sep 12,
2025").  The text of a post is its author's own words, a direct quote dated by its stamp,
except the posts of the text's own author (a thread's author: the article's byline, or the
author line opening the text), which are the article itself, as a column's sentences are.

The post runs from the author's line to its time stamp, the next author's line, a
"Replying to" line or a rule ("---").
"""

from __future__ import annotations

import re

from ..model import ActorType, PartialDate, Span
from .actor_turn_labels import AUTHOR_LINE
from .context import Context, Subject
from .transcripts import Transcript, Turn
from .triggers import load_triggers, phrase_alternation

_REPLYING = re.compile(r"\s*(?:" + phrase_alternation(
    load_triggers().raw["page"]["reply_markers"]) + r")\s+@\w+", re.IGNORECASE)
"""A reply post's marker line ("Replying to @handle": ``[page] reply_markers``)."""
_RULE = re.compile(r"\s*(?:-{3,}|_{3,}|\*{3,})\s*$")
_STAMP = re.compile(r"\s*\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s*[·•|,-]")
"""A post's time stamp line: "10:17 AM · Sep 12, 2025"."""


def find_posts(ctx: Context) -> Transcript | None:
    """The posts of other authors than the text's own in ``ctx``'s article (see module
    doc), as turns of a transcript; None when it holds none."""
    if "@" not in ctx.text:
        return None
    own = _own_author(ctx)
    turns: list[Turn] = []
    current: Subject | None = None
    for paragraph in ctx.paragraphs:
        author = _author_of(ctx, paragraph)
        if author is not None:
            current = author if author.name != own else None
            continue
        if current is None:
            continue
        if _REPLYING.match(paragraph.text) or _RULE.match(paragraph.text):
            current = None
        elif _STAMP.match(paragraph.text):
            date = _stamp_date(ctx, paragraph)
            for turn in turns:
                if turn.date is None and turn.speaker is current:
                    turn.date = date
            current = None
        else:
            turns.append(Turn(current, paragraph, labelled=True, date=None))
    if not turns:
        return None
    for turn in turns:
        if turn.date is None and ctx.article.metadata.date is not None:
            turn.date = PartialDate.from_date(ctx.article.metadata.date)
    return Transcript(turns, turns[0].date, turns[0].body.begin)


def _author_of(ctx: Context, paragraph: Span) -> Subject | None:
    """The person a paragraph that is a post's author line names."""
    m = AUTHOR_LINE.fullmatch(ctx.text, paragraph.begin, paragraph.end)
    if m is None:
        return None
    mention = ctx.actor_at(m.start("name"))
    if mention is None or mention.type is not ActorType.PERSON:
        return None
    return Subject(mention.name, mention.span)


def _own_author(ctx: Context) -> str | None:
    """The text's own author: its byline, else the person of an author line opening it."""
    byline = ctx.article.metadata.author
    if byline:
        for mention in ctx.actors:
            if mention.type is ActorType.PERSON and byline in (mention.name,
                                                               mention.span.text):
                return mention.name
        return byline
    first = ctx.paragraphs[0] if ctx.paragraphs else None
    author = _author_of(ctx, first) if first is not None else None
    if author is None and first is not None:
        line = Span.of(ctx.text, first.begin, ctx.text.find("\n", first.begin, first.end)
                       if "\n" in first.text else first.end)
        author = _author_of(ctx, line)
    return author.name if author is not None else None


def _stamp_date(ctx: Context, paragraph: Span) -> PartialDate | None:
    days = ctx.days_in(paragraph.begin, paragraph.end)
    return days[-1] if days else None
