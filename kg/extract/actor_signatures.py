"""People who sign a document: a name alone on its line beside a line giving the office.

Letters, circulars and decrees end on a signature block: the office on one line and the
signatory on the next ("Chairman of the Government of the Russian Federation" / "M.
Mishustin"), or the name first and the office under it ("Park Min-seok" / "Secretary
General").  The name line holds nothing but a person's name (:meth:`ActorContext.name_run`
over the whole line, initials included), so no table needs to list the person; a line
under the office that names an organisation is the body the signatory signs for.
"""

from __future__ import annotations

from ..model import ActorType
from .actor_context import ActorContext, Found, new_person
from .refdata import Title

_OFFICE_LINE_MAX = 12
"""Tokens an office line may hold ("Chairman of the Government of the Russian Federation")."""
_SENTENCE_END = {".", "!", "?", ":", ";"}


def _lines(ctx: ActorContext) -> list[tuple[int, int]]:
    """The token ranges ``[start, end)`` of the text's lines that hold a token."""
    tokens = ctx.tokens
    # The stream's line starts: the tokens with ``newline_before`` (the first token has it),
    # found from the line breaks instead of by visiting every token.
    starts = ctx.stream.line_starts
    return [(s, starts[k + 1] if k + 1 < len(starts) else len(tokens))
            for k, s in enumerate(starts)]


def find_signatories(ctx: ActorContext) -> None:
    """Add the person named alone on a line next to a line that opens with a title."""
    titles = {m.start for m in ctx.matches if ctx.payload(m, Title) is not None}
    if not titles:
        return
    lines = _lines(ctx)
    tokens = ctx.tokens

    def office(k: int) -> bool:
        if not 0 <= k < len(lines):
            return False
        start, end = lines[k]
        return start in titles and end - start <= _OFFICE_LINE_MAX \
            and tokens[end - 1].text not in _SENTENCE_END

    for k, (start, end) in enumerate(lines):
        if end - start < 2 or not (office(k - 1) or office(k + 1)):
            continue
        if ctx.name_run(start) != end \
                or sum(1 for t in tokens[start:end] if t.is_word) < 2:
            continue
        new_person(ctx, start, end)
        if office(k + 1):
            _signing_body(ctx, lines, k + 2)


def _signing_body(ctx: ActorContext, lines: list[tuple[int, int]], k: int) -> None:
    """The line under a signatory's office naming the body they sign for ("Park Min-seok"
    / "Secretary General" / "Pacific Rim Battery Materials Council"): capitalised words
    (and function words) that end in an organisation's or a company's last word, not
    already found."""
    if not 0 <= k < len(lines):
        return
    start, end = lines[k]
    tokens = ctx.tokens[start:end]
    lex = ctx.lex
    if len(tokens) < 2 or not ctx.consumed.isdisjoint(range(start, end)) \
            or any(not t.is_word or not (t.is_capitalised or t.key in lex.function_words)
                   for t in tokens):
        return
    last = tokens[-1].text
    kind = ActorType.COMPANY if last in lex.company_suffixes else \
        ActorType.ORGANIZATION if last in lex.organization_suffixes else None
    if kind is not None:
        ctx.add(Found(ctx.surface(start, end), kind, start, end, known=False))
