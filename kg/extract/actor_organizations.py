"""Patterns for organisations, companies and outlets the reference data does not list.

Capitalised names ending in a company, institute or outlet word -- any capitalised word
but a function word may open one ("Pacific Economic Security Forum"); a place glued before
is not part of it ("Rotterdam-based"); an outlet keeps "The" ("The Capitol Ledger") -- or
followed by a stock ticker ("Tembusu Precision (SGX: 5TQ)"), or named after a title and
"at" ("an analyst at Castlegate Advisory"); names a descriptor introduces ("consultancy
Sakura Strategic Advisory", "chip designers Biren and Moore Threads", "Nagano Magnetics, a
supplier of magnets"), typed by the descriptor rather than by their last word; a company is
named without its legal form ("Hokuriku Precision Magnetics Co." is "Hokuriku Precision
Magnetics"); an organisation's first word alone names it again, and "the institute", "the
consultancy" refer back to the latest organisation of that name or kind.  A line in
capitals ending in an outlet word heads a press review's section ("THE RIVER COURIER").
"""

from __future__ import annotations

import re

from ..model import ActorType
from .actor_context import (
    FUNCTION_WORDS,
    NAME_MAX,
    ORGANISATIONS,
    ActorContext,
    Found,
    Pending,
    org_run,
    org_word,
    organisation_alias,
    singulars,
)
from .refdata import (
    Demonym,
    NotActor,
    Title,
    token_key,
)
from .triggers import load_triggers

_HEAD_WORDS = (2, 6)
"""Words of a line in capitals that may name an outlet (fewer: a bare word; more: a
headline)."""


def find_outlet_heads(ctx: ActorContext) -> None:
    """A line in capitals alone, ending in an outlet word, heads what that outlet says, as
    press reviews set their sections ("KHAO SOD DAILY", "THE RIVER COURIER (Vientiane)"):
    it names the outlet, written as its words are capitalised ("The River Courier").  A
    place in brackets after it is not part of the name.  A single such line names an
    outlet only when "The" and its last word name it again later ("The Courier")."""
    tokens = ctx.tokens
    n = len(tokens)
    suffixes = {w.casefold() for w in ctx.lex.media_suffixes}
    heads: list[tuple[int, int]] = []
    for i in ctx.stream.capitalised:
        if not tokens[i].newline_before or i in ctx.consumed:
            continue
        j = i
        while j < n and not (j > i and tokens[j].newline_before) and tokens[j].is_word \
                and tokens[j].text.isupper() and tokens[j].text.isalpha():
            j += 1
        line_end = j
        if j < n and tokens[j].text == "(" and not tokens[j].newline_before:
            # "(Phnom Penh)": the outlet's seat
            k = j + 1
            while k < n and tokens[k].text != ")" and not tokens[k].newline_before:
                k += 1
            line_end = k + 1 if k < n and tokens[k].text == ")" else k
        if (line_end < n and not tokens[line_end].newline_before) \
                or not _HEAD_WORDS[0] <= j - i <= _HEAD_WORDS[1] \
                or tokens[j - 1].key not in suffixes \
                or any(k in ctx.consumed for k in range(i, j)):
            continue
        heads.append((i, j))
    for i, j in heads:
        # one head alone may be a section's label ("BOOK REVIEW"): it names an outlet when
        # the review has several, or when the text calls it "The Review" afterwards
        if len(heads) < 2 and not any(
                tokens[k].text == "The" and tokens[k + 1].key == tokens[j - 1].key
                for k in ctx.stream.positions({"the"}) if j <= k < n - 1):
            continue
        name = " ".join(t.text.capitalize() for t in tokens[i:j])
        ctx.add(Found(name, ActorType.MEDIA, i, j, known=False))


def outlets_by_last_word(ctx: ActorContext) -> None:
    """"The Standard leads on ...", "The Courier gives ...": "The" and the last word of an
    outlet named before in full, which no table lists, is that outlet (the latest of that
    last word).  Known outlets have their own short names in the tables."""
    tokens = ctx.tokens
    suffixes = ctx.lex.media_suffixes
    outlets = sorted((f for f in ctx.found if f.type is ActorType.MEDIA and not f.known
                      and f.end - f.start >= 2), key=lambda f: f.start)
    if not outlets:
        return
    taken = {k for f in ctx.found for k in range(f.start, f.end)}
    for i in ctx.stream.positions({"the"}):
        k = i + 1
        if k >= len(tokens) or tokens[i].text != "The" or tokens[k].text not in suffixes \
                or i in taken or k in taken or k in ctx.covered \
                or (k + 1 < len(tokens) and tokens[k + 1].is_word
                    and tokens[k + 1].is_capitalised and not tokens[k + 1].newline_before):
            continue
        last = tokens[k].key
        outlet = next((f for f in reversed(outlets) if f.start < i
                       and tokens[f.end - 1].key == last), None)
        if outlet is not None:
            ctx.found.append(Found(outlet.name, ActorType.MEDIA, i, k + 1, known=False))


def find_pattern_organizations(ctx: ActorContext) -> None:
    """Capitalised names ending in a company or institute word; "according to X"."""
    lex = ctx.lex
    i = 0
    n = len(ctx.tokens)
    # The unions of suffix lists the loop tests, made once (not once per candidate).
    named_suffixes = lex.company_suffixes | lex.organization_suffixes
    suffixes = named_suffixes | lex.media_suffixes
    # A name opens on a capitalised word or on a known name: only those are visited.
    for candidate in sorted(set(ctx.stream.capitalised).union(ctx.match_at)):
        if candidate < i:
            continue
        i = candidate
        t = ctx.tokens[i]
        lead = ctx.match_at.get(i) if i in ctx.covered else None
        if lead is not None and (ctx.state_alias(lead) or ctx.payload(lead, Demonym)
                                 or ctx.payload(lead, NotActor)) \
                and lead.end < n and \
                lead.end not in ctx.covered and ctx.tokens[lead.end].is_capitalised:
            # "Japan Institute for ...", "Asia Pacific Supply Chain Institute": a state's or
            # a region's name opens the name
            j = lead.end
        elif lead is not None and organisation_alias(ctx, lead) and lead.end < n \
                and lead.end not in ctx.covered and ctx.tokens[lead.end].is_capitalised:
            j = lead.end  # "Mizuho Research Institute": a company's name opens an institute's
        elif (not t.is_word or not t.is_capitalised or i in ctx.covered or i in ctx.consumed
                or t.text in lex.function_words
                or i in ctx.heading and not _after_citing_frame(ctx, i)
                and not _after_title_comma(ctx, i)):
            continue
        else:
            j = i + 1  # "Pacific Economic Security Forum": any other capitalised word opens
        last_word = j - 1
        while j < n:
            tj = ctx.tokens[j]
            if j in ctx.covered or j in ctx.consumed or tj.newline_before:
                break  # a name never runs over a line break
            if tj.glued and tj.key in lex.place_modifiers and j + 1 < n \
                    and ctx.tokens[j + 1].is_capitalised:
                # "Rotterdam-based Verhoeven Institute": the place is not part of the name
                i = j + 1
                last_word = i
                j = i + 1
                continue
            if tj.is_word and (tj.is_capitalised or tj.glued) and (
                    j > i and tj.key not in FUNCTION_WORDS
                    or tj.text not in lex.not_name_words):
                last_word = j
                j += 1
            elif tj.text in {"of", "for"} and ctx.state_alias(ctx.match_at.get(j + 1)) \
                    and any(ctx.tokens[k].text in lex.organization_suffixes
                            for k in range(i, j)):
                j = ctx.match_at[j + 1].end  # "University of Tokyo": the place ends the name
                last_word = j - 1
                break
            elif tj.text in {"&", "and", "of", "for", "on"} and ctx.tok(j + 1) is not None \
                    and ctx.tokens[j + 1].is_capitalised \
                    and ctx.tokens[j + 1].text not in lex.function_words \
                    and not (tj.text == "on" and _date_at(ctx, j + 1)) \
                    and (tj.text in {"&", "and"} or any(
                        ctx.tokens[k].text in named_suffixes for k in range(i, j))):
                # "Bank of Japan", "Institute for ...", not "Hiroshi Tanaka of Meridian Bank"
                # nor "the Nordhavn Institute on Monday" (a day never goes on a name)
                j += 1
            else:
                break
        end = last_word + 1
        last = ctx.tokens[last_word].text
        if end < n and ctx.tokens[end].text in lex.portfolio_heads and lead is None:
            # "Energy and Mineral Resources Minister X": a portfolio, not a company
            i = max(end, i + 1)
            continue
        if last in _ABBREVIATED and end < n and ctx.tokens[end].text == "." \
                and ctx.tokens[end].begin == ctx.tokens[last_word].end:
            end += 1  # "Corp.": the period abbreviates, it belongs to the name
        # What a descriptor right before says it is wins over its last word ("the Tokyo
        # consultancy Kitamon Partners" is no company).
        described = _descriptor_ending_at(ctx, i, ctx.data.descriptor_size) \
            if i and ctx.tokens[i - 1].is_word and not ctx.tokens[i - 1].is_capitalised \
            else None
        if lead is not None and organisation_alias(ctx, lead) \
                and last not in lex.organization_suffixes:
            pass  # "Toyota Motor Corp": the rest of a known company's name
        elif last_word >= i and lead is None and _ticker_after(ctx, end):
            # "Tembusu Precision (SGX: 5TQ)": a listed company
            ctx.add(Found(company_name(ctx, i, end), described or ActorType.COMPANY, i, end,
                          known=False))
        elif all(ctx.tokens[k].text in suffixes or not ctx.tokens[k].is_capitalised
               for k in range(i, end)):
            pass  # "Holdings Corp" after "Panasonic": the rest of a known name
        elif last_word > i and any(ctx.tokens[k].text in lex.organization_suffixes
                                   and ctx.key(k + 1) in {"for", "of", "on"}
                                   for k in range(i, end)):
            # "Northern Centre for Strategic Minerals": the head noun comes first
            ctx.add(Found(ctx.surface(i, end), ActorType.ORGANIZATION, i, end, known=False))
        elif last_word > i and last in lex.company_suffixes:
            actor_type = described or (
                ActorType.ORGANIZATION if last in lex.partnership_suffixes and any(
                    ctx.tokens[k].text in lex.consultancy_words for k in range(i, last_word))
                else ActorType.COMPANY)
            name = company_name(ctx, i, end) if actor_type is ActorType.COMPANY \
                else ctx.surface(i, end)
            ctx.add(Found(name, actor_type, i, end, known=False))
        elif last_word > i and last in lex.media_suffixes:
            # "The Pacific Ledger": an outlet keeps its article
            start = i - 1 if i and ctx.tokens[i - 1].text == "The" \
                and i - 1 not in ctx.consumed else i
            ctx.add(Found(ctx.surface(start, end), ActorType.MEDIA, start, end, known=False))
        elif last_word > i and last in lex.organization_suffixes and (
                last not in lex.weak_suffixes or end - i >= 3 or described is not None
                or _employer_after_title(ctx, i)):
            ctx.add(Found(ctx.surface(i, end), described or ActorType.ORGANIZATION, i, end,
                          known=False))
        elif lead is not None and last_word >= lead.end and ctx.state_alias(lead) \
                and last in lex.state_body_suffixes \
                and not (ctx.key(end) == "," and ctx.key(end + 1) in {"a", "an"}):
            # "Japan Tourism Agency": a state's name opens the name of one of its agencies
            # (unless an apposition says what it is: "the Korea Maritime Data Bureau, a
            # private research group")
            ctx.add(Found(ctx.surface(i, end), ActorType.GOVERNMENT_BODY, i, end, known=False))
        elif lead is None and last_word > i and _employer_after_title(ctx, i) \
                and not any(ctx.tokens[k].newline_before for k in range(i, end)):
            # "a trade lawyer at Hollenbeck & Strand": a name of two words or more after a
            # title and "at" is the title holder's employer, whatever its last word
            ctx.add(Found(ctx.surface(i, end), ActorType.ORGANIZATION, i, end, known=False))
        i = max(end, i + 1)


def _date_at(ctx: ActorContext, i: int) -> bool:
    """Whether token ``i`` opens a date: a month's name ("Jan.", "March") and a day number.
    After "on" it never goes on a name ("the Kestrel Institute on Jan. 5", like "on Monday"),
    while a name word does ("Council on Foreign Relations")."""
    if ctx.tokens[i].text not in ctx.lex.not_name_words:
        return False
    j = i + 2 if ctx.key(i + 1) == "." else i + 1
    return ctx.key(j).isdigit()


def _after_citing_frame(ctx: ActorContext, i: int) -> bool:
    """Whether a citing frame ends right before token ``i`` (over "the"): "Read more at The
    Pacific Ledger" names an outlet even on a title-case line."""
    begin = i - 1 if ctx.key(i - 1) == "the" else i
    frames = ctx.data.citation
    return any(ctx.keys[max(0, begin - size):begin] in frames.before
               for size in range(1, frames.longest + 1))


def _after_title_comma(ctx: ActorContext, i: int) -> bool:
    """Whether a title and a comma stand right before token ``i``: in a transcript's list
    of participants ("Jane Roe - Analyst, Harbor Point Securities") the employer follows
    the title even on a line in title case."""
    if ctx.key(i - 1) != ",":
        return False
    title = ctx.match_ending.get(i - 1)
    return title is not None and ctx.payload(title, Title) is not None


def _longest_descriptor(ctx: ActorContext) -> int:
    return ctx.data.descriptor_size


_ABBREVIATED = {"Corp", "Co", "Inc", "Ltd"}
"""Legal forms written as abbreviations, whose period is part of the name."""
_TICKER = re.compile(r"[ \t]*\([ \t]*[A-Z]{2,6}[ \t]*:[ \t]*[0-9A-Z.]{1,8}[ \t]*\)")


def _ticker_after(ctx: ActorContext, end: int) -> bool:
    """A stock-exchange ticker in parentheses after a name: "(TYO: 7011)", "(SGX: 5TQ)"."""
    if end >= len(ctx.tokens) or ctx.tokens[end].text != "(":
        return False
    return _TICKER.match(ctx.text, ctx.tokens[end - 1].end) is not None


def _employer_after_title(ctx: ActorContext, i: int) -> bool:
    """"an analyst at Castlegate Advisory": a name after a title and "at"/"with" is the
    title holder's employer."""
    if ctx.key(i - 1) not in {"at", "with"}:
        return False
    title = ctx.match_ending.get(i - 1)
    return title is not None and ctx.payload(title, Title) is not None


def company_name(ctx: ActorContext, start: int, end: int) -> str:
    """A company's canonical name: its surface without a legal form at the end ("Hokuriku
    Precision Magnetics Co." -> "Hokuriku Precision Magnetics")."""
    stop = end
    while stop - start > 1 and (ctx.tokens[stop - 1].text in ctx.lex.legal_suffixes
                                or ctx.key(stop - 1) in {",", "&", "."}):
        stop -= 1
    return ctx.surface(start, stop)


# ---------------------------------------------------------------------------------------
# Organisations introduced by what they are


_APPOSITION_MODIFIERS = 5
"""Words allowed between "a"/"the" and the descriptor of an apposition."""


_DESCRIPTOR_FOLLOWERS = {
    ",", ".", ";", ":", ")", "(", "—", "–", "of", "in", "that", "which", "who", "whose", "based",
    "with", "for", "owned", "known", "formerly", "and", "or", "backed", "run", "said", "says",
    "at", "on", "to", "from", "founded", "specialising", "specializing", "focused",
    "focusing", "headquartered", "listed", "has", "had", "is", "was", "will", "would",
}
"""What may follow a descriptor that heads its noun phrase ("a consultancy based in ...",
not "a consultancy founder")."""


_APPOSITION_STOPS = {",", ".", ";", ":", "(", ")", "at", "of", "for", "in", "with", "from",
                     "by", "on", "to", "a", "an", "the", "who", "which", "that"}


_PLACE_PREPOSITIONS = set(load_triggers().raw["prepositions"]["described_places"])


def find_described_organizations(ctx: ActorContext) -> None:
    """Names introduced by a noun saying what they are: "consultancy Sakura Strategic
    Advisory", "trading house Sojitz" (the descriptor before the name) or "Nagano
    Magnetics, a supplier of magnets to carmakers" (an apposition headed by one)."""
    if not ctx.data.descriptors:
        return
    # (the longest descriptor and the descriptors' last words, made once with the data)
    longest = ctx.data.descriptor_size
    heads = ctx.data.descriptor_heads
    plural_heads = heads | ctx.data.descriptor_plural_heads
    n = len(ctx.tokens)
    for head in ctx.stream.positions(plural_heads):
        i = head + 1
        if i >= n:
            continue
        actor_type = _descriptor_ending_at(ctx, i, longest)
        if actor_type is None or i in ctx.heading:
            continue
        end = org_run(ctx, i)
        if end > i and ctx.tokens[i].text not in ctx.lex.not_name_words:
            ctx.add(Found(_typed_name(ctx, i, end, actor_type), actor_type, i, end,
                          known=False))
            if ctx.key(head) not in heads:
                _coordinated_names(ctx, end, actor_type)
    for comma in ctx.stream.positions((",",)):
        if comma < 1:
            continue
        if ctx.key(comma + 1) == "one" and ctx.key(comma + 2) == "of":
            # "Harbourlight Travel, one of the city's larger tour operators, said"
            actor_type = _apposition_descriptor(ctx, comma + 3, longest, plural_heads)
        elif ctx.key(comma + 1) in {"a", "an", "the"}:
            actor_type = _apposition_descriptor(ctx, comma + 1, longest, heads)
        else:
            continue
        if actor_type is None:
            continue
        start = comma
        while start > 0 and start - 1 not in ctx.covered and start - 1 not in ctx.consumed \
                and org_word(ctx, start - 1) and comma - start < NAME_MAX + 1:
            start -= 1
        while start < comma and ctx.tokens[start].text in ctx.lex.function_words:
            start += 1
        lead = ctx.match_ending.get(start)
        if start < comma and lead is not None and ctx.state_alias(lead) \
                and ctx.payload(lead, Demonym) is None and start not in ctx.consumed \
                and ctx.tokens[lead.start].is_capitalised:
            start = lead.start  # "Japan Travel Intelligence Bureau, a research firm"
        if start == comma or start in ctx.heading or ctx.key(start - 1) in _PLACE_PREPOSITIONS:
            continue
        if comma - start == 1 and ctx.tokens[start].text in ctx.lex.not_name_words:
            continue
        ctx.add(Found(_typed_name(ctx, start, comma, actor_type), actor_type, start, comma,
                      known=False))


def _typed_name(ctx: ActorContext, start: int, end: int, actor_type: ActorType) -> str:
    if actor_type is ActorType.COMPANY:
        return company_name(ctx, start, end)
    return ctx.surface(start, end)


def _coordinated_names(ctx: ActorContext, end: int, actor_type: ActorType) -> None:
    """"chip designers Biren and Moore Threads": the names after a plural descriptor."""
    while ctx.key(end) in {",", "and"}:
        i = end + 1 if ctx.key(end + 1) != "and" else end + 2
        stop = org_run(ctx, i)
        if stop == i or ctx.tokens[i].text in ctx.lex.not_name_words:
            return
        ctx.add(Found(_typed_name(ctx, i, stop, actor_type), actor_type, i, stop,
                      known=False))
        if ctx.key(end) == "and" or ctx.key(end + 1) == "and":
            return
        end = stop


def _descriptor_ending_at(ctx: ActorContext, end: int, longest: int) -> ActorType | None:
    """The type a lower-case descriptor ending right before token ``end`` describes (its
    head noun also in the plural: "chip designers")."""
    if end < 1:
        return None
    last = ctx.keys[end - 1]
    heads = ctx.data.descriptor_heads
    if last not in heads and not any(s in heads for s in singulars(last)):
        return None  # no descriptor ends on this word (the common case)
    for size in range(min(longest, end), 0, -1):
        keys = ctx.keys[end - size:end]
        found = ctx.data.descriptors.get(keys)
        if found is None and keys:
            for singular in singulars(keys[-1]):
                found = ctx.data.descriptors.get((*keys[:-1], singular))
                if found is not None:
                    break
        if found is None:
            continue
        # "Trading house Marunaka" opens a sentence; "Bank" ends a name.
        if any(w.is_capitalised and w.index not in ctx.stream.sentence_initial
               for w in ctx.tokens[end - size:end]):
            continue
        if found is not None:
            return found
    return None


def _apposition_descriptor(ctx: ActorContext, i: int, longest: int,
                           heads: frozenset[str]) -> ActorType | None:
    """", a political risk consultancy,": the type its descriptor names, if it heads it."""
    if ctx.key(i) not in {"a", "an", "the"}:
        return None
    for end in range(i + 2, min(i + 2 + _APPOSITION_MODIFIERS + longest, len(ctx.tokens))):
        if ctx.key(end - 1) in _APPOSITION_STOPS:
            return None  # "Wang Yimin, a trader at a Shanghai firm": not its head noun
        if ctx.key(end - 1) not in heads:
            continue
        actor_type = _descriptor_ending_at(ctx, end, longest)
        if actor_type is not None and ctx.key(end) in _DESCRIPTOR_FOLLOWERS:
            return actor_type
    return None


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
"""An acronym in parentheses after an organisation's name ("(KIET)")."""
_ACRONYM_HOLDERS = (*ORGANISATIONS, ActorType.GOVERNMENT_BODY)
"""Unlisted bodies whose acronym in parentheses names them again: organisations and
government bodies ("the Federal Ministry of the Interior (BMI)")."""


def find_short_names(ctx: ActorContext) -> None:
    """The first word of an organisation found by a pattern, alone, names it again
    ("Ironbridge" after "Ironbridge Metals Consulting"), and so does the acronym given in
    parentheses after its name ("KIET"); "the institute" refers back to the
    latest organisation with that word in its name (resolved left to right)."""
    short: dict[str, Found] = {}
    for found in ctx.found:
        if found.known or found.type not in ORGANISATIONS or found.end - found.start < 2:
            continue
        first = ctx.tokens[found.start]
        if first.text in ctx.lex.not_name_words or ctx.data.gazetteer.starts_alias(first.key) \
                or ctx.tok(found.start + 1) is not None and ctx.tokens[found.start + 1].glued:
            continue
        short.setdefault(first.text, found)
    for found in list(ctx.found):
        if not found.known and found.type in _ACRONYM_HOLDERS and ctx.key(found.end) == "(" \
                and ctx.key(found.end + 2) == ")" and _ACRONYM.fullmatch(
                    ctx.tokens[found.end + 1].text):
            # "the Korea Institute for Industrial Economics and Trade (KIET)": its acronym
            acronym = ctx.tokens[found.end + 1].text
            short.setdefault(acronym, found)
            if found.end + 1 not in ctx.covered and found.end + 1 not in ctx.consumed:
                ctx.add(Found(found.name, found.type, found.end + 1, found.end + 2,
                              known=False, apposition=False))
    suffixes = {w.casefold() for w in ctx.lex.organization_suffixes}
    # Only the places where an organisation's first word or a suffix word occurs.
    for i in ctx.stream.positions(suffixes | {token_key(word) for word in short}):
        t = ctx.tokens[i]
        if i in ctx.covered or i in ctx.consumed or i in ctx.heading:
            continue
        target = short.get(t.text)
        nxt = ctx.tok(i + 1)
        if target is not None and i >= target.end and not (
                nxt is not None and nxt.is_word and (nxt.is_capitalised or nxt.glued)):
            ctx.add(Found(target.name, target.type, i, i + 1, known=False, apposition=False))
        elif t.key in suffixes and not t.is_capitalised and ctx.key(i - 1) == "the" \
                and ctx.key(i + 1) not in {"of", "for"} and not (
                    nxt is not None and nxt.is_word and nxt.is_capitalised):
            described = ctx.data.descriptors.get((t.key,))
            ctx.pending.append(Pending("org", i - 1, i + 1, kind=t.text.capitalize(),
                                       described=described.value if described else None))
            ctx.consumed.update((i - 1, i))
    _described_back(ctx)


def _described_back(ctx: ActorContext) -> None:
    """"the consultancy", "the newspaper": a descriptor after "the", naming no one after it,
    refers back to the latest organisation of the type it describes (resolved left to
    right, :func:`kg.extract.actors._refer_back`)."""
    descriptors = ctx.data.descriptors
    longest = max((len(d) for d in descriptors), default=0)
    for i in ctx.stream.positions(("the",)):
        for size in range(longest, 0, -1):
            words = ctx.tokens[i + 1:i + 1 + size]
            actor_type = descriptors.get(ctx.keys[i + 1:i + 1 + size])
            if actor_type is None or len(words) < size:
                continue
            end = i + 1 + size
            nxt = ctx.tok(end)
            if any(w.is_capitalised or w.index in ctx.consumed or w.index in ctx.covered
                   for w in words) or nxt is not None and (
                    nxt.is_word and (nxt.is_capitalised or nxt.glued)
                    or nxt.key in {"of", "for", "that", "which", "who"}):
                break  # "the consultancy Sakura Advisory", "the firm that makes it"
            ctx.pending.append(Pending("described", i, end, kind=actor_type.value))
            ctx.consumed.update(range(i, end))
            break


_EMPLOYER_LINKS = frozenset({"of", "at"})


def apposed_employer(ctx: ActorContext, start: int, end: int) -> Found | None:
    """"Lee Ross, chief executive of Murray Valley Grape & Wine.": the capitalised name
    of two words or more that ends a person's apposition after its title and "of"/"at"
    (``start``: the link) is the organisation the person works for, when no table or
    pattern named anything there ("&" and "and" may join its words; a state, a region of
    ``not_actors`` or a known name alone is no employer)."""
    if ctx.key(start) not in _EMPLOYER_LINKS:
        return None
    first = start + 1
    words = 0
    for k in range(first, end):
        tok = ctx.tokens[k]
        if k in ctx.consumed or tok.newline_before:
            return None
        if tok.is_word and tok.is_capitalised:
            words += 1
        elif tok.text != "&" and ctx.key(k) != "and" or k in (first, end - 1):
            return None
    whole = ctx.match_at.get(first)
    if words < 2 or whole is not None and whole.end == end:
        return None  # "head of Asia Pacific": a known name or a region
    return Found(ctx.surface(first, end), ActorType.ORGANIZATION, first, end, known=False,
                 apposition=False)
