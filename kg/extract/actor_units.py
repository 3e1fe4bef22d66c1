"""Names built on a known name: a company's units and affiliates, an outlet's editions.

After a known company's or outlet's name, more words may name another actor of its group:
its unit in a state ("Nexperia China"), an affiliate ("POSCO International", "Hyundai
Mobis"), a division named for its line of business ("General Dynamics Land Systems",
"Lockheed Martin Missiles and Fire Control"), an outlet's regional edition ("Politico
Europe").  Each function gives the end of the longer name, or None when the words after
the known name are the rest of its own name ("Toyota Motor Corp"), a title or a state's
possessive.
"""

from __future__ import annotations

from .actor_context import ActorContext, body_suffixes, org_run, org_word
from .refdata import Demonym, GazMatch


def subsidiary_end(ctx: ActorContext, m: GazMatch) -> int | None:
    """The end of "Nexperia China", "Toyota Motor Europe": a known company's name followed
    by a state's name (not its possessive, nor the start of a longer name)."""
    nxt = ctx.match_at.get(m.end)
    if nxt is None or not ctx.state_alias(nxt) or ctx.payload(nxt, Demonym) is not None:
        return None
    first = ctx.tokens[m.end]
    if not first.is_capitalised or first.glued or first.newline_before:
        return None
    after = ctx.tok(nxt.end)
    if after is not None and (after.is_possessive or after.glued
                              or after.is_word and after.is_capitalised):
        return None
    return nxt.end


def edition_end(ctx: ActorContext, m: GazMatch) -> int | None:
    """The end of "Politico Europe": a known outlet's name followed, on its line, by a
    region of ``[lexicon] edition_regions`` (its regional edition)."""
    for region in ctx.lex.edition_regions:
        words = region.split()
        end = m.end + len(words)
        if end > len(ctx.tokens) or any(ctx.tokens[m.end + k].text != w or
                                        ctx.tokens[m.end + k].newline_before
                                        for k, w in enumerate(words)):
            continue
        after = ctx.tok(end)
        if after is not None and after.is_word and after.is_capitalised \
                and not after.newline_before:
            continue  # "Reuters Asia Pacific Desk": a longer name
        return end
    return None


def affiliate_end(ctx: ActorContext, m: GazMatch) -> int | None:
    """The end of "Hyundai Mobis", "Sumitomo Metal Mining": a known company's one-word name
    followed by capitalised words no table lists, none a company word, a title, a state or
    a common word ("Toyota Motor Corp", "Toyota President Sato", "Nexperia China" are not
    other companies)."""
    if m.end >= len(ctx.tokens) or m.end in ctx.covered:
        return None
    first = ctx.tokens[m.end]
    if not first.is_word or not first.is_capitalised or first.glued or first.newline_before:
        return None
    if m.end - m.start != 1:
        return _unit_end(ctx, m.end)
    end = org_run(ctx, m.end)
    lex = ctx.lex
    if (unit := _unit_end(ctx, m.end)) is not None and unit >= end:
        return unit  # "Raytheon Missiles and Defense"
    if end == m.end + 1 and first.text in lex.affiliate_words:
        return end  # "POSCO International": the group's trading arm
    suffixes = body_suffixes(lex)
    if end == m.end or any(ctx.tokens[k].text in suffixes or ctx.tokens[k].text
                           in lex.not_name_words for k in range(m.end, end)):
        return None
    after = ctx.tok(end)
    if after is not None and (after.is_possessive or after.glued):
        return None
    return end


def _unit_end(ctx: ActorContext, i: int) -> int | None:
    """The end of a unit's name after a known company's ("General Dynamics Land Systems",
    "Lockheed Martin Missiles and Fire Control"): capitalised words, "and" or "&" between
    two, ending in a company word or a line of business (``[lexicon] affiliate_words``),
    with one word at least that is neither (not "Toyota Motor Corp": the company itself)."""
    lex = ctx.lex
    heads = lex.affiliate_words | lex.company_suffixes
    plain = lex.company_suffixes | lex.legal_suffixes
    end, j = None, i
    while True:
        stop = org_run(ctx, j)
        if stop == j or any(ctx.tokens[k].text in lex.not_name_words
                            and ctx.tokens[k].text not in heads for k in range(j, stop)):
            break
        if ctx.tokens[stop - 1].text in heads:
            end = stop
        if ctx.key(stop) not in {"and", "&"} or stop + 1 >= len(ctx.tokens) \
                or not org_word(ctx, stop + 1) or ctx.tokens[stop + 1].newline_before:
            break
        j = stop + 1
    if end is None or all(ctx.tokens[k].text in plain or not ctx.tokens[k].is_word
                          for k in range(i, end)):
        return None
    after = ctx.tok(end)
    if after is not None and (after.is_possessive or after.glued):
        return None
    return end
