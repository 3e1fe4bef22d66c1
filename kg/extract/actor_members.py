"""Members of a legislature named with their seat, as parliamentary records print them.

Hansard's written questions, division lists and committee reports name a member by the
name and, in parentheses, the constituency ("Alistair Pennington (Harrogate and Ripon
Vale)", "Jane Roe (Bristol West)"), alone on the line above the question.  Such a line is
a person's name: two to four name words no rule took (not a company's or an
organisation's, whose last word says so) and a capitalised seat in parentheses.  The seat
is no actor, and no role is given: the parentheses may also hold a party.

The list of participants that opens a call's transcript or a hearing's record names one
person a line, the name, a dash and the title, perhaps the employer after a comma ("Jane
Roe - Chief Financial Officer", "John Doe - Analyst, Harbor Point Securities"): the name
is a person's, the title (up to the last comma, unless a title follows it too: "Director,
CFO") the role, the rest the employer.
"""

from __future__ import annotations

import re

from .actor_context import ActorContext, body_suffixes, new_person, token_at
from .refdata import Title
from .written_answers import question_opening

_MEMBER_LINE = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})[ \t]*"
    r"\((?P<seat>[A-Z][\w'’.,-]*(?:[ \t]+(?:and|&|upon|on|of|the|[A-Z][\w'’.,-]*))*)\)[ \t]*$")


_LISTED_LINE = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})[ \t]+[-–—][ \t]+"
    r"(?P<rest>[A-Z][^\n]{1,100}?)[ \t]*$")
_TITLE_REACH = 3
"""Words a title may stand after at the start of a participant's description ("Senior
Vice President")."""


def find_participants(ctx: ActorContext) -> None:
    """People of a list of participants: "Name - Title[, Employer]" lines (module doc)."""
    if "-" not in ctx.text and "–" not in ctx.text and "—" not in ctx.text:
        return
    lines = list(_LISTED_LINE.finditer(ctx.text))
    for m in lines:
        if not _in_a_list(ctx.text, m, lines):
            continue  # "Market Reaction - Chief Economist View": a heading, not a list
        start = token_at(ctx, m.start("name"))
        rest = token_at(ctx, m.start("rest"))
        if start is None or rest is None or not _titled(ctx, rest):
            continue
        end = ctx.name_run(start)
        if end - start != len(m.group("name").split()):
            continue
        role, comma, employer = m.group("rest").rpartition(",")
        after = token_at(ctx, m.start("rest") + len(role) + 1 + len(employer)
                         - len(employer.lstrip()))
        if not comma or after is not None and _titled(ctx, after):
            role, employer = m.group("rest"), ""
        new_person(ctx, start, end, role=role.strip(), affiliation=employer.strip() or None)


def _in_a_list(text: str, m: re.Match[str], lines: list[re.Match[str]]) -> bool:
    """Whether a participant's line has another right above or below it (blank lines
    between allowed): participants are listed, one a line."""
    for other in lines:
        if other is m:
            continue
        gap = text[other.end():m.start()] if other.end() <= m.start() \
            else text[m.end():other.start()]
        if not gap.strip():
            return True
    return False


def _titled(ctx: ActorContext, i: int) -> bool:
    """Whether a title's name starts within a few words of token ``i``."""
    return any(ctx.payload(ctx.match_at.get(k), Title) is not None
               for k in range(i, min(i + _TITLE_REACH, len(ctx.tokens))))


def find_members(ctx: ActorContext) -> None:
    """People named on a line of their own with their seat in parentheses."""
    if "(" not in ctx.text:
        return
    suffixes = body_suffixes(ctx.lex)
    lines = list(_MEMBER_LINE.finditer(ctx.text))
    # A record of members names several, or asks a written question; one heading with a
    # note in parentheses ("Key Dates (Timeline)") is neither.
    if len(lines) < 2 and question_opening().search(ctx.text) is None:
        return
    for m in lines:
        start = token_at(ctx, m.start("name"))
        if start is None:
            continue
        words = m.group("name").split()
        end = ctx.name_run(start)
        if end - start != len(words) or not ctx.is_name_word(start, first=True) \
                or words[-1] in suffixes:
            continue
        new_person(ctx, start, end)
