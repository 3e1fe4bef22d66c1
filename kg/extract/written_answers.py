"""Find the answers of parliamentary written questions, printed under the answerer's line.

Parliaments publish written questions and their answers as a document of sections: the
member's question ("To ask the Secretary of State for ..., how many ..."), then a line
naming who answers, their name and title ("Nusrat Ghani, Minister of State (Department for
Business and Trade)"), often after the answer's date ("Answered on 29 January 2024"), then
the answer in paragraphs of plain prose, in the third person of the government ("The
Government will not issue a licence where ..."), with no quotation mark and no verb of
saying.  That prose is the answerer's words: each sentence a direct quote, dated by the day
of answer.

A text has written answers when a paragraph asks a question (a "?" or a written question's
opening, ``written_question_openers`` of ``[speech.transcript]``) and a later paragraph
ends with an answerer's line: a person's name opening the line, a comma, and a title
(a capitalised word, no final stop, at most ``_TITLE_WORDS`` words).  The answer runs from
the paragraphs after that line to the next heading (a short line with no final stop: the
next question's title, "Related question") or the next question; the statement extractor
then takes these paragraphs as it takes a transcript's answer (a paragraph narrating the
answerer's own words in the third person, "Ms X noted in a statement on ... that", ends
it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActorType, PartialDate, Span
from .context import Context, Subject
from .transcripts import Transcript, Turn, is_heading
from .triggers import load_triggers, phrase_alternation

_TITLE = re.compile(r"\s*,\s+(?P<title>[A-Z][^\n.?!:;\"“”]{2,120})[ \t]*$")
"""The title after the answerer's name, to the end of the line: ", Minister of State (...)"."""
_TITLE_WORDS = 14


@lru_cache(maxsize=1)
def question_opening() -> re.Pattern[str]:
    """A written question's opening ("To ask the Secretary of State"), from the data."""
    openers = load_triggers().raw["speech"]["transcript"]["written_question_openers"]
    return re.compile(rf"(?:{phrase_alternation(openers)})\b")


def find_written_answers(ctx: Context) -> Transcript | None:
    """The answers of ``ctx``'s article when it prints written questions and answers (see
    module doc), else None."""
    if "\n" not in ctx.text or "," not in ctx.text:
        return None
    turns: list[Turn] = []
    current: Turn | None = None
    asked = False
    begin: int | None = None
    for index, paragraph in enumerate(ctx.paragraphs):
        # The first paragraph is the headline: "Will the ban hurt chipmakers?" asks the
        # reader, and the byline under it ("Kenji Tanaka, Tokyo Correspondent") answers
        # nothing.
        if index and _asks(ctx, paragraph):
            asked, current = True, None
            continue
        answerer = _answerer_line(ctx, paragraph) if asked else None
        if answerer is not None and _is_byline(ctx, answerer[0]):
            answerer = None
        if answerer is not None:
            speaker, line = answerer
            current = Turn(speaker, Span.of(ctx.text, paragraph.end, paragraph.end),
                           labelled=True, date=_answer_date(ctx, paragraph, line),
                           replies=True)
            turns.append(current)
            begin = paragraph.begin if begin is None else begin
        elif current is not None and is_heading(ctx, paragraph):
            current = None
        elif current is not None:
            turns.append(Turn(current.speaker, paragraph, labelled=False, date=current.date,
                              replies=True))
    if begin is None or not any(not t.labelled for t in turns):
        return None
    return Transcript(turns, turns[0].date, begin)


def _asks(ctx: Context, paragraph: Span) -> bool:
    """Whether a paragraph is a written question: a line of it opens with a written
    question's opening ("To ask the Secretary of State ..."), or it ends with "?"."""
    if paragraph.text.rstrip().endswith("?"):
        return True
    return any(question_opening().match(line.strip())
               for line in paragraph.text.split("\n"))


def _is_byline(ctx: Context, answerer: Subject) -> bool:
    """Whether the answerer line names the article's author: a byline, not an answer."""
    authors = ctx.article.metadata.author_names()
    return any(answerer.name in name or name in answerer.name for name in authors)


def _answerer_line(ctx: Context, paragraph: Span) -> tuple[Subject, Span] | None:
    """The answerer a paragraph's last line names ("Nusrat Ghani, Minister of State
    (Department for Business and Trade)"), and that line."""
    start = ctx.text.rfind("\n", paragraph.begin, paragraph.end) + 1 or paragraph.begin
    start = max(start, paragraph.begin)
    while start < paragraph.end and ctx.text[start].isspace():
        start += 1
    mention = ctx.actor_at(start)
    if mention is None or mention.type is not ActorType.PERSON:
        return None
    title = _TITLE.match(ctx.text, mention.span.end, paragraph.end)
    if title is None or len(title.group("title").split()) > _TITLE_WORDS:
        return None
    return Subject(mention.name, mention.span), Span.of(ctx.text, start, paragraph.end)


def _answer_date(ctx: Context, paragraph: Span, line: Span) -> PartialDate | None:
    """The day of answer: the last full date of the answerer's paragraph before the line,
    or of the line before it when the line stands alone ("Answered on 29 January 2024"),
    else the article's own date."""
    begin = paragraph.begin
    if line.begin == paragraph.begin:
        before = [p for p in ctx.paragraphs if p.end <= paragraph.begin]
        begin = before[-1].begin if before and is_heading(ctx, before[-1]) else begin
    days = ctx.days_in(begin, line.begin)
    if days:
        return days[-1]
    own = ctx.article.metadata.date
    return PartialDate.from_date(own) if own is not None else None
