"""Measures other states copied: "the controls that the Netherlands and Japan matched in
2023", "Washington's rules were matched in 2023 by the Netherlands and by Japan", "... in
2022. The Netherlands and Japan followed suit in 2023."

A verb of copying (``[measures.copying].verbs``, past forms) whose object is a trade measure
just named (a relative clause after it, or a passive with it as subject) and whose subject or
agents are states says each of those states issued a measure of the same type: one mention
each, dated by the copy clause (else undated), with the measure's status and target (the
copiers are never its target).  States that are the whole subject of "followed suit", "did
the same" (``[measures.copying].active``), after the measure in its sentence or in the next
sentence, copy the last trade measure with an issuer before them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...model import ActorMention, ActorType, Span
from ..context import Context
from ..triggers import TRIGGERS_FILE, TriggerDataError, load_triggers, phrase_alternation
from .candidate import TRADE, Candidate

__all__ = ["copied_measures"]

_REACH = 160
"""How far after the copied measure's words a copy clause may start."""
_GLUE = re.compile(r"(?:\s*,\s*|\s+)(?:(?:and|as\s+well\s+as)\s+)?(?:by\s+)?",
                   re.IGNORECASE)
"""Between two coordinated copiers ("the Netherlands and by Japan")."""
_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)
_DATE_AFTER = re.compile(r"\s+(?:in|on|during|from)\s+", re.IGNORECASE)
"""Before the date of a copy clause, right after its verb ("matched in 2023")."""
_CLAUSE_BREAK = re.compile(r"[;:.!?]|\s[—–]\s")


@lru_cache(maxsize=1)
def _frames() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The relative frame (``that``/``which``, then the copiers, ending before the verb),
    the passive frame (an auxiliary, the verb, then ``by`` before the copiers) and the
    active frame (the copiers, then "followed suit", ``[measures.copying].active``)."""
    try:
        copying = load_triggers().raw["measures"]["copying"]
        verbs = phrase_alternation(copying["verbs"])
        active = phrase_alternation(copying["active"])
    except (KeyError, TypeError) as exc:
        raise TriggerDataError(f"{TRIGGERS_FILE}: malformed [measures.copying]: {exc!r}") \
            from exc
    relative = re.compile(r"\b(?:that|which)\s+(?P<agents>(?:(?!\b(?:that|which)\b)"
                          r"[^,;:.()]){2,80}?)\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?"
                          r"(?P<verb>" + verbs + r")(?![\w-])",
                          re.IGNORECASE)
    passive = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
                         r"(?:\w+ly\s+)?(?P<verb>" + verbs + r")(?![\w-])"
                         r"(?P<mid>[^,;:.()]{0,40}?)\s+by\s+", re.IGNORECASE)
    forward = re.compile(r"(?<=\s)(?:\w+ly\s+)?(?:" + active + r")(?![\w-])", re.IGNORECASE)
    return relative, passive, forward


def _copiers(ctx: Context, begin: int, end: int | None) -> list[ActorMention]:
    """States named one after another from ``begin``, glued by commas, "and", "by", "the";
    with ``end``, they must fill ``[begin, end)`` exactly (a relative clause's subject)."""
    out: list[ActorMention] = []
    pos = begin
    while True:
        mention = ctx.actor_at(pos)
        article = _ARTICLE.match(ctx.text, pos)
        if mention is None and article is not None:
            mention = ctx.actor_at(article.end())  # "the Netherlands" named "Netherlands"
        if mention is None or ctx.type_of(mention.name) is not ActorType.STATE:
            break
        out.append(mention)
        glue = _GLUE.match(ctx.text, mention.span.end)
        if glue is None or (end is not None and glue.end() >= end):
            break
        pos = glue.end()
    if end is not None and (not out or ctx.text[out[-1].span.end:end].strip()):
        return []
    return out


def _copy_clause(ctx: Context, c: Candidate) -> tuple[list[ActorMention], Span] | None:
    """The states that copied ``c`` and the copy clause's words, if a copy clause follows."""
    text = ctx.text
    finish = min(c.sentence.end, c.extent.end + _REACH)
    relative, passive, _ = _frames()
    for frame in (relative, passive):
        match = frame.search(text, c.extent.end, finish)
        if match is None or _CLAUSE_BREAK.search(text, c.extent.end, match.start()):
            continue
        if frame is relative:
            states = _copiers(ctx, match.start("agents"), match.end("agents"))
            begin, stop = match.start("agents"), match.end()
            after = _DATE_AFTER.match(text, stop)
            dated = ctx.dates_in(after.end(), c.sentence.end)[:1] if after else []
            if dated and dated[0].span.begin == after.end():  # type: ignore[union-attr]
                stop = dated[0].span.end
        else:
            if text[c.extent.end:match.start()].count(",") > 1:
                continue
            states = _copiers(ctx, match.end(), None)
            begin, stop = match.start(), states[0].span.end if states else match.end()
        if states:
            return states, Span.of(text, begin, stop)
    return None


def _followed_suit(ctx: Context, candidates: list[Candidate]
                   ) -> list[tuple[Candidate, list[ActorMention], Span]]:
    """"The Netherlands and Japan followed suit in 2023": states that are the whole subject
    of "followed suit" (in the measure's sentence after it, or in the next sentence) copy the
    last trade measure with an issuer before them."""
    text = ctx.text
    _, _, forward = _frames()
    trade = sorted((c for c in candidates if c.type in TRADE and c.issuer is not None
                    and not c.anaphor), key=lambda c: c.extent.end)
    out = []
    for match in forward.finditer(text):
        sentence = ctx.sentence_of(match.start())
        if sentence is None:
            continue
        states: list[ActorMention] = []
        for first in ctx.actors_in(sentence.begin, match.start()):
            # the subject: states from one of them up to the verb, nothing else between
            states = _copiers(ctx, first.span.begin, match.start())
            if states:
                break
        before = [c for c in trade if c.extent.end <= states[0].span.begin] if states else []
        if not before:
            continue
        c = before[-1]
        if c.sentence.begin != sentence.begin and text[c.sentence.end:sentence.begin].strip():
            continue  # the measure's own sentence, or the one right before
        stop = match.end()
        after = _DATE_AFTER.match(text, stop)
        dated = ctx.dates_in(after.end(), sentence.end)[:1] if after else []
        if after is not None and dated and dated[0].span.begin == after.end():
            stop = dated[0].span.end
        out.append((c, states, Span.of(text, states[0].span.begin, stop)))
    return out


def copied_measures(ctx: Context, candidates: list[Candidate],
                    verbs: list[re.Match[str]]) -> list[Candidate]:
    """New mentions for the states a copy clause after a trade measure names (see module
    doc); a copier that was taken for the measure's target is no longer its target.
    ``verbs``: the article's verbs of copying, as the measure scan found them."""
    if not verbs:
        return []
    out: list[Candidate] = []
    copies = []
    for c in candidates:
        if c.type not in TRADE or c.issuer is None or c.anaphor:
            continue
        found = _copy_clause(ctx, c)
        if found is not None:
            copies.append((c, *found))
    copies += _followed_suit(ctx, candidates)
    for c, states, clause in copies:
        names = {ctx.state_of(m.name) or m.name for m in states}
        if c.target is not None and (ctx.state_of(c.target) or c.target) in names:
            c.target, c.target_span = None, None  # "were matched by Japan": a copier
        dates = ctx.dates_in(clause.begin, clause.end)
        for state in states:
            name = ctx.state_of(state.name) or state.name
            if name == (ctx.state_of(c.issuer) or c.issuer):
                continue
            out.append(replace(
                c, head=clause, issuer=name, issuer_span=state.span,
                issuer_local=True, topical=False, date=dates[0].date if dates else None,
                extent=Span.of(ctx.text, clause.begin, max(clause.end, state.span.end)),
                entry=None, antecedent=None, covers=list(c.covers), objects=list(c.objects)))
    return out
