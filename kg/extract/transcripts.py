"""Find the answers of a question-and-answer transcript (a press conference, an interview).

Official press-conference transcripts, often machine-translated, print each turn as a
paragraph opened by a label::

    Reporter: ... What is the comment of the Ministry of Commerce?
    He Yongqian: Since some time, ... This measure is completely legitimate.

    I want to stress that ...

A text is a transcript when at least one paragraph opens with a *question label* ("Reporter:",
"Q:", "Question:"; ``[speech.transcript] question_labels`` in ``kg/data/triggers.toml``) and at
least one with an *answer label*: a person's name ("He Yongqian:") or a generic one ("A:",
"Answer:"; ``answer_labels``), which stands for the person the introduction names last when
it says someone took questions (the spokesperson who "answered the questions"; an
explainer's own "Q: ... A: ..." has no speaker).  A question and its answer may also share a
paragraph ("Q: ...? A: ...").

An answer runs from its label to the next labelled paragraph; unlabelled paragraphs after it
are candidates for its continuation, which the statement extractor accepts unless the
paragraph reports a third party's words (the narrator's "In addition, X also said ...").

Every sentence of an answer is the answerer's own words: a direct quote (the transcript
prints what was said), dated to the press conference (:func:`conference_date`).  The
questions are not the answerer's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import ActorType, PartialDate, Span
from .context import Context, Subject
from .triggers import load_triggers, phrase_pattern

_LABEL = re.compile(r"(?P<label>[A-Z][\w.'’ -]{0,40}?)\s*[:：]\s+(?=\S)")
_INLINE_ANSWER = r"(?<=[?.!\"”])\s+(?P<label>{labels})\s*[:：]\s+(?=\S)"
_MIN_WORDS = 3
"""Shortest answer sentence kept (shorter ones are "Yes." or "Thank you.")."""


@dataclass
class Turn:
    """One answer (or continuation candidate) of a transcript: who speaks, and where."""

    speaker: Subject
    body: Span
    """The answer's text in this paragraph, label excluded."""
    labelled: bool
    """False for an unlabelled paragraph after an answer: a candidate continuation."""


@dataclass
class Transcript:
    """The answers of a transcript and the date of the conference."""

    turns: list[Turn]
    date: PartialDate | None


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = load_triggers().raw["speech"]["transcript"]
    questions = "|".join(sorted((phrase_pattern(q) for q in table["question_labels"]),
                                key=len, reverse=True))
    answers = "|".join(sorted((phrase_pattern(a) for a in table["answer_labels"]),
                              key=len, reverse=True))
    return (re.compile(rf"(?:{questions})", re.IGNORECASE),
            re.compile(rf"(?:{answers})", re.IGNORECASE),
            re.compile(_INLINE_ANSWER.format(labels=answers)))


def find_transcript(ctx: Context) -> Transcript | None:
    """The answers of ``ctx``'s article when it is a transcript (see module doc), else None."""
    question, answer, inline = _labels()
    kinds: list[tuple[Span, str, Span, Subject | None]] = []  # paragraph, kind, body, speaker
    for paragraph in ctx.paragraphs:
        m = _LABEL.match(ctx.text, paragraph.begin, paragraph.end)
        if m is None:
            kinds.append((paragraph, "text", paragraph, None))
            continue
        label = m.group("label").strip()
        body = Span.of(ctx.text, m.end(), paragraph.end)
        if question.fullmatch(label):
            kinds.append((paragraph, "question", body, None))
            reply = inline.search(ctx.text, m.end(), paragraph.end)
            if reply is not None:
                kinds.append((paragraph, "answer", Span.of(ctx.text, reply.end(), paragraph.end),
                              None))
            continue
        person = _person_labelled(ctx, paragraph.begin, m.end("label"))
        if person is not None:
            kinds.append((paragraph, "answer", body, person))
        elif answer.fullmatch(label):
            kinds.append((paragraph, "answer", body, None))
        else:
            kinds.append((paragraph, "text", paragraph, None))
    first_question = next((i for i, k in enumerate(kinds) if k[1] == "question"), None)
    if first_question is None or not any(k[1] == "answer" for k in kinds):
        return None
    intro_end = kinds[first_question][0].begin
    default = _intro_speaker(ctx, intro_end)
    turns: list[Turn] = []
    current: Subject | None = None
    for _paragraph, kind, body, speaker in kinds:
        if kind == "question":
            current = None
        elif kind == "answer":
            current = speaker or default
            if current is not None:
                turns.append(Turn(current, body, labelled=True))
        elif current is not None and body.begin >= intro_end:
            turns.append(Turn(current, body, labelled=False))
    return Transcript(turns, conference_date(ctx, intro_end)) if turns else None


def _person_labelled(ctx: Context, begin: int, end: int) -> Subject | None:
    """The person a label names ("Spokesperson He Yongqian:"): a mention ending the label."""
    for mention in reversed(ctx.actors_in(begin, end)):
        if mention.span.end == end and mention.type is ActorType.PERSON:
            return Subject(mention.name, mention.span)
    return None


def _intro_speaker(ctx: Context, intro_end: int) -> Subject | None:
    """Who "A:" stands for: the last person the introduction names, when it says someone
    took questions (``answer_cues``); an explainer's "Q: ... A: ..." is its own words."""
    cues = load_triggers().raw["speech"]["transcript"]["answer_cues"]
    intro = ctx.text[:intro_end].lower()
    if not any(cue in intro for cue in cues):
        return None
    person = ctx.last_person_before(intro_end)
    return Subject(person.name, person.span) if person is not None else None


def conference_date(ctx: Context, intro_end: int) -> PartialDate | None:
    """The date of the conference: the last day the introduction names (outside the
    dateline and quotations), else the article's own date, else none."""
    days = [d.date for d in ctx.dates_in(0, intro_end)
            if d.date.day is not None and not ctx.in_quote(d.span.begin, d.span.end)]
    if days:
        return days[-1]
    own = ctx.article.metadata.date
    return PartialDate.from_date(own) if own is not None else None


def answer_sentences(ctx: Context, turn: Turn) -> list[Span]:
    """The sentences of one turn, cut to its body (the label left out), short ones dropped."""
    out: list[Span] = []
    first = ctx.sentence_of(turn.body.begin)
    start = first.begin if first is not None else turn.body.begin
    for sentence in ctx.sentences_in(start, turn.body.end):
        begin = max(sentence.begin, turn.body.begin)
        end = min(sentence.end, turn.body.end)
        while end > begin and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ".;,"):
            end -= 1
        if len(ctx.text[begin:end].split()) >= _MIN_WORDS:
            out.append(Span.of(ctx.text, begin, end))
    return out
