"""Find the answers of a question-and-answer transcript (a press conference, an interview).

Official press-conference transcripts, often machine-translated, print each turn as a
paragraph opened by a label::

    Reporter: ... What is the comment of the Ministry of Commerce?
    He Yongqian: Since some time, ... This measure is completely legitimate.

    I want to stress that ...

A text is a transcript when at least one paragraph opens with a *question label* ("Reporter:",
"Q:", "Question:"; ``[speech.transcript] question_labels`` in ``kg/data/triggers.toml``; also
the asker's outlet alone before a question, "Kyodo News: ...?", and a label ending with the
turn's verb, "Reporter asked:", ``label_verbs``) and at
least one with an *answer label*: a person's name ("He Yongqian:") or a generic one ("A:",
"Answer:"; ``answer_labels``), which stands for the person the introduction names last when
it says someone took questions (the spokesperson who "answered the questions"; an
explainer's own "Q: ... A: ..." has no speaker).  A question and its answer may also share a
paragraph ("Q: ...? A: ...").

An answer runs from its label to the next labelled paragraph (any label: "Note of editor:"
ends it too); unlabelled paragraphs after it
are candidates for its continuation, which the statement extractor accepts unless the
paragraph reports a third party's words (the narrator's "In addition, X also said ...").

Every sentence of an answer is the answerer's own words: a direct quote (the transcript
prints what was said), dated to the press conference (:func:`conference_date`).  The
questions are not the answerer's words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from ..model import ActorMention, ActorType, PartialDate, Span
from .actor_turn_labels import conversation_labels
from .context import Context, Subject
from .hearing_labels import match_hearing_label
from .triggers import load_triggers, phrase_alternation

_LABEL = re.compile(r"(?:[*_]{1,3})?(?P<label>[A-Z][\w.'’ -]{0,40}?(?:,[\w.'’ -]{1,60}?){0,2}"
                    r"(?:\s*\([^()]{1,40}\))?)\s*(?:[*_]{1,3})?[:：](?:[*_]{1,3})?\s+(?=\S)")
"""A turn's label: "Reporter:", "He Yongqian:", "KIM:", "**Tanaka:**" (bold in markdown),
"URSULA VON DER LEYEN, PRESIDENT, EUROPEAN COMMISSION:" (a name and up to two parts of a
role, as broadcast transcripts print them)."""
_LABEL_REACH = 160
"""No label's colon stands further from its paragraph's start (see ``_LABEL``)."""
_LABEL_HEAD = re.compile(r"\s+(?:of|from|with|at|for)\s+.*$|\s*\(.*$", re.DOTALL)
"""What follows a question label's role word: "Reporter of Kyodo News", "Q (AFP)"."""
_ASIDE = re.compile(r"[(\[][^()\[\]]{1,60}[)\]]\s*")
"""A stage direction paragraph: "(BEGIN VIDEOTAPE)", "[Applause]"."""
_HEADING_WORDS = 20
_INLINE_ANSWER = r"(?<=[?.!\"”])\s+(?P<label>{labels})\s*[:：]\s+(?=\S)"
_ATTRIBUTIVE = re.compile(r"(?:['’]s|\b(?:the|its|their|this|that))\s+$", re.IGNORECASE)
"""Before a date naming an event, not a day of speech: "China's January 6 ban"."""
_MIN_WORDS = 5
"""Shortest answer sentence kept (shorter ones are "Yes.", "Not directly." or "Both are
defensible.": replies that make no claim of their own) ..."""
_MIN_NAMED_WORDS = 3
"""... unless it names a party: "Taiwan is China's Taiwan.", "Tokyo must reflect." claim
something about one."""


@dataclass
class Turn:
    """One answer (or continuation candidate) of a transcript: who speaks, and where."""

    speaker: Subject
    body: Span
    """The answer's text in this paragraph, label excluded."""
    labelled: bool
    """False for an unlabelled paragraph after an answer: a candidate continuation."""
    date: PartialDate | None = None
    """The day of the conference (of the section of the transcript the turn is in)."""
    replies: bool = True
    """Whether the turn answers a question (so was said at the conference)."""
    hearing: bool = False
    """Whether the turn is a hearing's (whose procedural sentences claim nothing)."""


@dataclass
class Transcript:
    """The answers of a transcript and the date of the conference."""

    turns: list[Turn]
    date: PartialDate | None
    begin: int = 0
    """Where the questions and answers start (the introduction ends)."""


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = load_triggers().raw["speech"]["transcript"]
    questions = phrase_alternation(table["question_labels"])
    answers = phrase_alternation(table["answer_labels"])
    verbs = phrase_alternation(table["label_verbs"])
    return (re.compile(rf"(?:{questions})", re.IGNORECASE),
            re.compile(rf"(?:{answers})", re.IGNORECASE),
            re.compile(_INLINE_ANSWER.format(labels=answers)),
            re.compile(rf"\s+(?:{verbs})$", re.IGNORECASE))


def _head(label: str) -> str:
    """A label without the verb of its turn: "Reporter asked" -> "Reporter"."""
    return _labels()[3].sub("", label)


def _asks(ctx: Context, label: re.Match[str], head: str, paragraph: Span) -> bool:
    """Whether a turn is a question: its label is a question's role word ("Reporter of
    Kyodo News:", "Q:"), or only a news outlet ("Kyodo News: ... ?", the asker's outlet in a
    press-conference transcript) and the paragraph asks something."""
    if _labels()[0].fullmatch(_LABEL_HEAD.sub("", head)):
        return True
    if "," in head and _labels()[0].fullmatch(_LABEL_HEAD.sub("", head.rsplit(",", 1)[1]).strip()):
        return True  # "NADIA KELLER, HOST:": a broadcast's host, named, with the role after
    if ctx.text.find("?", label.end(), paragraph.end) == -1 and \
            ctx.text.find("？", label.end(), paragraph.end) == -1:
        return False
    begin = label.start("label")
    return any(m.type is ActorType.MEDIA and m.span.begin == begin and
               m.span.end == begin + len(head) for m in ctx.actors_in(begin, begin + len(head)))


def find_transcript(ctx: Context) -> Transcript | None:
    """The answers of ``ctx``'s article when it is a transcript (see module doc), else None."""
    hearing = None
    askers: set[str] = set()
    kinds: list[tuple[Span, str, Span, Subject | None]] | None = None
    if not _has_question(ctx):
        hearing = _first_hearing_turn(ctx)
        if hearing is None and conversation_labels(ctx.text):
            kinds = _paragraph_kinds(ctx)
            hearing, askers = _first_conversation_turn(ctx, kinds)
        if hearing is None:
            return None  # most articles: no paragraph opens with a question's label
    if kinds is None:
        kinds = _paragraph_kinds(ctx)
    first_question = next((i for i, k in enumerate(kinds) if k[1] == "question"), None)
    if (first_question is None and hearing is None) or not any(k[1] == "answer" for k in kinds):
        return None
    intro_end = kinds[first_question][0].begin if first_question is not None else \
        cast(int, hearing)
    default = _intro_speaker(ctx, intro_end)
    opening = conference_date(ctx, intro_end)
    section = opening
    turns: list[Turn] = []
    current: Turn | None = None
    previous = "text"
    for paragraph, kind, body, speaker in kinds:
        if askers:
            if kind == "answer" and speaker is not None and speaker.name in askers:
                kind = "question"  # the interviewer's or an analyst's turn, as "Q:"
        elif hearing is not None and kind == "answer" and "?" in body.text:
            kind = "question"  # a member's turn that asks: the asker's framing, as "Q:"
        if kind == "answer":
            who = speaker or default
            # An answer to a question was given at the conference; a soundbite between a
            # correspondent's lines ("(BEGIN VIDEOTAPE)") is dated as any statement is.
            current = Turn(who, body, labelled=True, date=section,
                           replies=previous == "question" or hearing is not None,
                           hearing=hearing is not None and not askers) \
                if who is not None else None
            if current is not None:
                turns.append(current)
        elif kind == "text" and current is not None and body.begin >= intro_end:
            turns.append(Turn(current.speaker, body, labelled=False, date=current.date,
                              replies=current.replies, hearing=current.hearing))
        else:
            current = None
            if kind == "heading" and paragraph.begin >= intro_end:
                days = ctx.days_in(paragraph.begin, paragraph.end)
                section = days[-1] if days else section
        if kind != "heading":
            previous = kind
    return Transcript(turns, opening, intro_end) if turns else None


def _has_question(ctx: Context) -> bool:
    """Whether a paragraph opens with a question's label (see :func:`_paragraph_kinds`)."""
    for paragraph in ctx.paragraphs:
        if ctx.text.find(":", paragraph.begin, paragraph.begin + _LABEL_REACH) == -1 and \
                ctx.text.find("：", paragraph.begin, paragraph.begin + _LABEL_REACH) == -1:
            continue  # no colon near the start: no label
        m = _LABEL.match(ctx.text, paragraph.begin, paragraph.end)
        if m is not None and _asks(ctx, m, _head(m.group("label").strip()), paragraph):
            return True
    return False


def _first_hearing_turn(ctx: Context) -> int | None:
    """Where the first turn of a hearing's transcript begins: a text in which paragraphs
    open with a courtesy title and a name in capitals and a colon ("MR. ESTEVEZ:",
    "CHAIRMAN HALVERSON:", "SEN. OKAFOR:"; ``hearing_titles``), as US congressional and
    court transcripts print their speakers, at least ``_HEARING_TURNS`` times and for at least
    two speakers.  Every turn there is its speaker's own words, said at the hearing, except
    a turn that asks a question (a "?" in it): the asker's framing, as a "Q:" turn is."""
    first: int | None = None
    speakers: set[str] = set()
    turns = 0
    for paragraph in ctx.paragraphs:
        m = match_hearing_label(ctx.text, paragraph.begin, paragraph.end)
        if m is None:
            continue
        first = paragraph.begin if first is None else first
        speakers.add(" ".join(m.group("name").split()))
        turns += 1
    return first if turns >= _HEARING_TURNS and len(speakers) >= 2 else None


_HEARING_TURNS = 3
"""Fewest titled turns that make a hearing's transcript (one or two may be an aside)."""


def _first_conversation_turn(ctx: Context, kinds: list[tuple[Span, str, Span, Subject | None]]
                             ) -> tuple[int | None, set[str]]:
    """Where the first turn of a conversation's transcript begins (an earnings call, a
    magazine interview: turns labelled with the speakers' names in title case, see
    :mod:`.actor_turn_labels`), and who asks there: a speaker at least half of whose turns
    hold a question mark (the interviewer, the analysts).  Every other named turn is its
    speaker's words, said in the conversation; a turn of an asker is a question, even one
    without a question mark ("Some exports were spared.").  None without ``_TURNS_NAMED``
    named turns, two speakers, an asker and an answerer."""
    turns: Counter[str] = Counter()
    asking: Counter[str] = Counter()
    first: int | None = None
    for paragraph, kind, body, speaker in kinds:
        if kind != "answer" or speaker is None:
            continue
        first = paragraph.begin if first is None else first
        turns[speaker.name] += 1
        asking[speaker.name] += "?" in body.text or "？" in body.text
    askers = {name for name, count in turns.items() if 2 * asking[name] >= count > 0
              and asking[name] > 0}
    if sum(turns.values()) < _TURNS_NAMED or len(turns) < 2 or not askers or \
            askers == set(turns):
        return None, set()
    return first, askers


_TURNS_NAMED = 4
"""Fewest turns labelled with a person's name that make a conversation's transcript."""


def _paragraph_kinds(ctx: Context) -> list[tuple[Span, str, Span, Subject | None]]:
    """Each paragraph as (paragraph, kind, body, speaker): a ``question``, an ``answer``
    (with its labelled speaker), ``other`` (a turn of someone unnamed: an anchor's
    correspondent "KIM:", a stage direction), a ``heading`` or ``text``."""
    _, answer, inline, _ = _labels()
    kinds: list[tuple[Span, str, Span, Subject | None]] = []
    hosts: set[str] = set()
    """The persons a question's label names ("NADIA KELLER, HOST:"): their later turns,
    labelled with the surname alone ("KELLER:"), ask too."""
    for paragraph in ctx.paragraphs:
        m = _LABEL.match(ctx.text, paragraph.begin, paragraph.end)
        if m is None:
            if _ASIDE.fullmatch(ctx.text, paragraph.begin, paragraph.end):
                kinds.append((paragraph, "other", paragraph, None))
            elif is_heading(ctx, paragraph):
                kinds.append((paragraph, "heading", paragraph, None))
            else:
                kinds.append((paragraph, "text", paragraph, None))
            continue
        label = _head(m.group("label").strip())
        body = Span.of(ctx.text, m.end(), paragraph.end)
        person = _person_labelled(ctx, paragraph.begin, m.start("label") + len(label))
        if _asks(ctx, m, label, paragraph) or person is not None and person.name in hosts:
            if person is not None:
                hosts.add(person.name)
            kinds.append((paragraph, "question", body, None))
            reply = inline.search(ctx.text, m.end(), paragraph.end)
            if reply is not None:
                kinds.append((paragraph, "answer", Span.of(ctx.text, reply.end(), paragraph.end),
                              None))
            continue
        if person is not None:
            kinds.append((paragraph, "answer", body, person))
        elif answer.fullmatch(label):
            kinds.append((paragraph, "answer", body, None))
        elif label.isupper() and len(label) > 1:
            kinds.append((paragraph, "other", paragraph, None))  # "KIM:", unnamed here
        elif ctx.text.find("?", m.end(), paragraph.end) != -1:
            # "Phoenix TV: What is the progress ...?": an asker the actors do not know.
            kinds.append((paragraph, "question", body, None))
        else:
            # "Note of editor: ...", "Background: ...": a label of someone else's text
            # ends the answer before it (no continuation of it).
            kinds.append((paragraph, "other", paragraph, None))
    return kinds


def is_heading(ctx: Context, paragraph: Span) -> bool:
    """A short line without a sentence's final stop ("Regular Press Conference (8 January
    2026) Excerpt"): a section heading."""
    text = paragraph.text.rstrip()
    return bool(text) and text[-1] not in ".!?\"”’'…:" and len(text.split()) <= _HEADING_WORDS


def _person_labelled(ctx: Context, begin: int, end: int) -> Subject | None:
    """The person a label names: a mention ending it ("Spokesperson He Yongqian:"), or
    opening a label that goes on with a title ("MINORU KIHARA, CHIEF CABINET SECRETARY
    (through translator):")."""
    found = ctx.actors_in(begin, end)
    for mention in reversed(found):
        if mention.span.end == end and mention.type is ActorType.PERSON:
            return Subject(mention.name, mention.span)
    if found and found[0].span.begin == begin and found[0].type is ActorType.PERSON and \
            re.match(r"\s*[,(]", ctx.text[found[0].span.end:end]):
        return Subject(found[0].name, found[0].span)
    return None


def _intro_speaker(ctx: Context, intro_end: int) -> Subject | None:
    """Who "A:" stands for: the last person the introduction names, when it says someone
    took questions (``answer_cues``); an explainer's "Q: ... A: ..." is its own words."""
    cues = load_triggers().raw["speech"]["transcript"]["answer_cues"]
    intro = ctx.text[:intro_end].lower()
    if not any(cue in intro for cue in cues):
        return None
    person = _interviewee(ctx, intro_end)
    if person is not None:
        return Subject(person.name, person.span)
    # "Official of the Ministry of Commerce Answers Reporter's Question": the body the
    # heading before the questions names.
    heading = next((p for p in reversed(ctx.paragraphs) if p.end <= intro_end), None)
    bodies = [m for m in ctx.actors_in(heading.begin, heading.end)
              if m.type in (ActorType.GOVERNMENT_BODY, ActorType.ORGANIZATION,
                            ActorType.COMPANY)] if heading is not None else []
    if bodies and any(cue in heading.text.lower() for cue in cues):  # type: ignore[union-attr]
        return Subject(bodies[-1].name, bodies[-1].span)
    return None


def _interviewee(ctx: Context, intro_end: int) -> ActorMention | None:
    """The last person the introduction names who is not the one asking: an interview's
    byline author, or the subject of an interviewing verb ("Marcus Oyelaran spoke to her",
    "X interviewed Y"; ``interviewer_verbs``), asks the questions and answers none."""
    author = (ctx.article.metadata.author or "").strip().lower()
    verbs = _interviewer_regex()
    persons = [m for m in ctx.actors_in(0, intro_end)
               if m.type is ActorType.PERSON and m.span.end <= intro_end]
    for mention in reversed(persons):
        if author and (mention.name.lower() == author or mention.span.text.lower() == author):
            continue
        if verbs.match(ctx.text, mention.span.end, intro_end):
            continue
        return mention
    return None


@lru_cache(maxsize=1)
def _interviewer_regex() -> re.Pattern[str]:
    verbs = load_triggers().raw["speech"]["transcript"]["interviewer_verbs"]
    return re.compile(rf"\s+(?:{phrase_alternation(verbs)})(?![\w-])", re.IGNORECASE)


def conference_date(ctx: Context, intro_end: int) -> PartialDate | None:
    """The date of the conference: the last day the introduction names (outside the
    dateline and quotations), else the article's own date, else none."""
    days = [d.date for d in ctx.dates_in(0, intro_end)
            if d.date.day is not None and not ctx.in_quote(d.span.begin, d.span.end)
            and not _ATTRIBUTIVE.search(ctx.text, 0, d.span.begin)]
    if days:
        return days[-1]
    own = ctx.article.metadata.date
    return PartialDate.from_date(own) if own is not None else None


def answer_sentences(ctx: Context, turn: Turn) -> list[Span]:
    """The sentences of one turn, cut to its body (the label left out), short ones dropped
    unless they name a party, and, in a hearing, those that run the session
    (``procedural_phrases``)."""
    out: list[Span] = []
    first = ctx.sentence_of(turn.body.begin)
    start = first.begin if first is not None else turn.body.begin
    for sentence in ctx.sentences_in(start, turn.body.end):
        begin = max(sentence.begin, turn.body.begin)
        end = min(sentence.end, turn.body.end)
        while end > begin and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ".;,"):
            end -= 1
        count = len(ctx.text[begin:end].split())
        if turn.hearing and _procedural_regex().search(ctx.text, begin, end):
            continue  # "The record will remain open for ten days.": the session's business
        if count >= _MIN_WORDS or count >= _MIN_NAMED_WORDS and ctx.actors_in(begin, end):
            out.append(Span.of(ctx.text, begin, end))
    return out


@lru_cache(maxsize=1)
def _procedural_regex() -> re.Pattern[str]:
    phrases = load_triggers().raw["speech"]["transcript"]["procedural_phrases"]
    return re.compile(rf"(?<![\w-])(?:{phrase_alternation(phrases)})(?![\w-])", re.IGNORECASE)
