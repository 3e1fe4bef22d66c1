"""Patterns for actors the reference data does not list.

Capitalised names no table lists are taken for people after a title or a courtesy title,
before an apposition ("X, a spokesperson for ...") and before a verb of saying, and for
organisations when they end in a company or institute word -- any capitalised word but a
function word may open such a name ("Pacific Economic Security Forum") -- or when a
descriptor says what they are ("consultancy Sakura Strategic Advisory", "Halden Cross, a
political risk consultancy"); an organisation's first word alone names it again; anonymous
sources ("a Japanese government source") are people named "unnamed ..."; bylines and wire
credit lines ("Reporting by ...; Editing by ...") name the article's journalists, and a
header's author or publisher the text never names is still mentioned, with an empty span.
"""

from __future__ import annotations

import re

from ..model import ActorMention, ActorType, Span
from .actor_context import (
    BYLINE_LINES,
    FUNCTION_WORDS,
    INDEFINITE,
    NAME_MAX,
    ActorContext,
    Found,
    Pending,
    apposition_title,
    new_person,
    token_at,
)
from .refdata import (
    ActorAlias,
    Demonym,
    GazMatch,
    NotActor,
    sentence_initial_tokens,
    tokenize,
)


def find_anonymous_sources(ctx: ActorContext) -> None:
    """Unnamed people: "a Japanese government source", "a senior official" (one person,
    after an indefinite article and at least one modifier) and "Japanese industry insiders"
    (a group: a nationality, at least one more modifier and a plural noun)."""
    nouns = ctx.lex.anonymous_nouns
    plurals = {noun + "s" for noun in nouns}
    start = 0
    while start < len(ctx.tokens):
        indefinite = ctx.key(start) in INDEFINITE
        first = start + 1 if indefinite else start
        j, modifiers, demonym = _anonymous_modifiers(ctx, first)
        if indefinite and modifiers and ctx.key(j) in nouns:
            end = j + 1
        elif not indefinite and demonym and modifiers >= 2 and ctx.key(j) in plurals \
                and not any(k in ctx.consumed for k in range(first, j + 1)):
            end = j + 1
        else:
            start += 1
            continue
        name = "unnamed " + ctx.surface(first, end)
        ctx.add(Found(name, ActorType.PERSON, start, end, known=False))
        start = end


def _anonymous_modifiers(ctx: ActorContext, j: int) -> tuple[int, int, bool]:
    """Modifiers of an anonymous noun from ``j``: (end, count, whether one is a nationality)."""
    modifiers = 0
    demonym = False
    while j < len(ctx.tokens):
        m = ctx.match_at.get(j)
        if m is not None and m.start == j and ctx.payload(m, Demonym) is not None:
            j, modifiers, demonym = m.end, modifiers + 1, True
        elif m is not None and ctx.state_alias(m) and ctx.tok(m.end) is not None \
                and ctx.tokens[m.end].is_possessive:
            j, modifiers = m.end + 1, modifiers + 1
        elif ctx.key(j) in ctx.lex.anonymous_modifiers:
            j, modifiers = j + 1, modifiers + 1
        else:
            break
    return j, modifiers, demonym


def find_pattern_people(ctx: ActorContext) -> None:
    """Capitalised names no table lists: before an apposition or a verb of saying."""
    i = 0
    n = len(ctx.tokens)
    while i < n:
        end = ctx.name_run(i)
        if end == i:
            i += 1
            continue
        length = end - i
        previous = ctx.key(i - 1)
        apposition = ctx.key(end) == "," and apposition_title(ctx, end + 1) is not None
        speech = ctx.key(end) in ctx.lex.speech_verbs and i not in ctx.heading
        said_before = previous in {"said", "says"} and ctx.key(end) in {",", "."}
        if length >= 2 and (apposition or speech or said_before):
            new_person(ctx, i, end)
        i = end


def find_pattern_organizations(ctx: ActorContext) -> None:
    """Capitalised names ending in a company or institute word; "according to X"."""
    lex = ctx.lex
    i = 0
    n = len(ctx.tokens)
    while i < n:
        t = ctx.tokens[i]
        lead = ctx.match_at.get(i) if i in ctx.covered else None
        if lead is not None and (ctx.state_alias(lead) or ctx.payload(lead, Demonym)
                                 or ctx.payload(lead, NotActor)) \
                and lead.end < n and \
                lead.end not in ctx.covered and ctx.tokens[lead.end].is_capitalised:
            # "Japan Institute for ...", "Asia Pacific Supply Chain Institute": a state's or
            # a region's name opens the name
            j = lead.end
        elif lead is not None and _organisation_alias(ctx, lead) and lead.end < n \
                and lead.end not in ctx.covered and ctx.tokens[lead.end].is_capitalised:
            j = lead.end  # "Mizuho Research Institute": a company's name opens an institute's
        elif (not t.is_word or not t.is_capitalised or i in ctx.covered or i in ctx.consumed
                or t.text in lex.function_words or i in ctx.heading):
            i += 1
            continue
        else:
            j = i + 1  # "Pacific Economic Security Forum": any other capitalised word opens
        last_word = j - 1
        while j < n:
            tj = ctx.tokens[j]
            if j in ctx.covered or j in ctx.consumed:
                break
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
                    and ctx.tokens[j + 1].is_capitalised and (tj.text in {"&", "and"} or any(
                        ctx.tokens[k].text in lex.company_suffixes | lex.organization_suffixes
                        for k in range(i, j))):
                # "Bank of Japan", "Institute for ...", not "Hiroshi Tanaka of Meridian Bank"
                j += 1
            else:
                break
        end = last_word + 1
        last = ctx.tokens[last_word].text
        suffixes = lex.company_suffixes | lex.organization_suffixes | lex.media_suffixes
        if lead is not None and _organisation_alias(ctx, lead) \
                and last not in lex.organization_suffixes:
            pass  # "Toyota Motor Corp": the rest of a known company's name
        elif all(ctx.tokens[k].text in suffixes or not ctx.tokens[k].is_capitalised
               for k in range(i, end)):
            pass  # "Holdings Corp" after "Panasonic": the rest of a known name
        elif last_word > i and any(ctx.tokens[k].text in lex.organization_suffixes
                                   and ctx.key(k + 1) in {"for", "of", "on"}
                                   for k in range(i, end)):
            # "Northern Centre for Strategic Minerals": the head noun comes first
            ctx.add(Found(ctx.surface(i, end), ActorType.ORGANIZATION, i, end, known=False))
        elif last_word > i and last in lex.company_suffixes:
            ctx.add(Found(ctx.surface(i, end), ActorType.COMPANY, i, end, known=False))
        elif last_word > i and last in lex.media_suffixes:
            ctx.add(Found(ctx.surface(i, end), ActorType.MEDIA, i, end, known=False))
        elif last_word > i and last in lex.organization_suffixes and (
                last not in lex.weak_suffixes or end - i >= 3):
            ctx.add(Found(ctx.surface(i, end), ActorType.ORGANIZATION, i, end, known=False))
        i = max(end, i + 1)


def find_cited_names(ctx: ActorContext) -> None:
    """"according to X": X is an organisation when no rule took it for a person.

    Runs after the people patterns: "according to Reyes" is the Reyes named before (left
    to the family-name pass), "according to Kenta Ogawa, a senior fellow ..." a person
    found by the apposition, and "according to Hiroshi Tanaka of Mizuho" a person with an
    employer.
    """
    person_words = {w for f in ctx.found if f.type is ActorType.PERSON
                    for w in f.name.replace("-", " ").split()}
    # Family names: a word that speaks alone elsewhere ("Wexler said") or follows "Mr.".
    person_words.update(t.text for t in ctx.tokens if t.is_capitalised and (
        ctx.key(t.index + 1) in ctx.lex.speech_verbs
        or ctx.tok(t.index - 1) is not None
        and ctx.tokens[t.index - 1].text in ctx.lex.honorifics))
    for t in ctx.tokens:
        i = t.index
        if t.key != "according" or ctx.key(i + 1) != "to":
            continue
        start = i + 2
        end = _org_run(ctx, start)
        # One word alone ("according to Reyes") is a family name far more often than a
        # name no table lists: left to the family-name pass.
        if end - start < 2 or end - start > NAME_MAX or start in ctx.heading \
                or ctx.tokens[start].text in ctx.lex.not_name_words:
            continue
        if _person_of(ctx, start, end):
            new_person(ctx, start, end)
        elif not (ctx.key(end) == "," and apposition_title(ctx, end + 1) is not None) \
                and not any(w.text in person_words for w in ctx.tokens[start:end]):
            ctx.add(Found(ctx.surface(start, end), ActorType.ORGANIZATION, start, end,
                          known=False))


def _organisation_alias(ctx: ActorContext, match: GazMatch) -> bool:
    """Whether a match names a known company, outlet or organisation."""
    alias = ctx.payload(match, ActorAlias)
    return alias is not None and not alias.capital and ctx.data.entries[alias.name].type in (
        ActorType.COMPANY, ActorType.MEDIA, ActorType.ORGANIZATION)


def _person_of(ctx: ActorContext, start: int, end: int) -> bool:
    """A two- or three-word name followed by "of"/"at" and another name: a person and the
    body they work for ("Hiroshi Tanaka of Mizuho Research")."""
    if not 2 <= end - start <= 3 or ctx.key(end) not in {"of", "at", "from", "with"}:
        return False
    nxt = end + 2 if ctx.key(end + 1) == "the" else end + 1
    t = ctx.tok(nxt)
    return t is not None and t.is_word and t.is_capitalised


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
_PLACE_PREPOSITIONS = {"in", "at", "from", "near", "to", "across", "outside", "inside",
                       "of", "around", "throughout"}


def find_described_organizations(ctx: ActorContext) -> None:
    """Names introduced by a noun saying what they are: "consultancy Sakura Strategic
    Advisory", "trading house Sojitz" (the descriptor before the name) or "Nagano
    Magnetics, a supplier of magnets to carmakers" (an apposition headed by one)."""
    descriptors = ctx.data.descriptors
    if not descriptors:
        return
    longest = max(len(d) for d in descriptors)
    heads = {d[-1] for d in descriptors}
    n = len(ctx.tokens)
    for i in range(1, n):
        if ctx.tokens[i - 1].key not in heads:
            continue
        actor_type = _descriptor_ending_at(ctx, i, longest)
        if actor_type is None or i in ctx.heading:
            continue
        end = _org_run(ctx, i)
        if end > i and ctx.tokens[i].text not in ctx.lex.not_name_words:
            ctx.add(Found(ctx.surface(i, end), actor_type, i, end, known=False))
    for comma in range(1, n):
        if ctx.key(comma) != "," or ctx.key(comma + 1) not in {"a", "an", "the"}:
            continue
        actor_type = _apposition_descriptor(ctx, comma + 1, longest, heads)
        if actor_type is None:
            continue
        start = comma
        while start > 0 and start - 1 not in ctx.covered and start - 1 not in ctx.consumed \
                and _org_word(ctx, start - 1) and comma - start < NAME_MAX + 1:
            start -= 1
        while start < comma and ctx.tokens[start].text in ctx.lex.function_words:
            start += 1
        if start == comma or start in ctx.heading or ctx.key(start - 1) in _PLACE_PREPOSITIONS:
            continue
        if comma - start == 1 and ctx.tokens[start].text in ctx.lex.not_name_words:
            continue
        ctx.add(Found(ctx.surface(start, comma), actor_type, start, comma, known=False))


def _descriptor_ending_at(ctx: ActorContext, end: int, longest: int) -> ActorType | None:
    """The type a lower-case descriptor ending right before token ``end`` describes."""
    initial = sentence_initial_tokens(ctx.text)
    for size in range(min(longest, end), 0, -1):
        words = ctx.tokens[end - size:end]
        if any(w.is_capitalised and w.index not in initial for w in words):
            continue  # "Trading house Marunaka" opens a sentence; "Bank" ends a name
        found = ctx.data.descriptors.get(tuple(w.key for w in words))
        if found is not None:
            return found
    return None


def _apposition_descriptor(ctx: ActorContext, i: int, longest: int,
                           heads: set[str]) -> ActorType | None:
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


def _org_word(ctx: ActorContext, i: int) -> bool:
    t = ctx.tokens[i]
    return t.is_word and (t.is_capitalised or t.glued) and t.text not in ctx.lex.function_words


def _org_run(ctx: ActorContext, i: int) -> int:
    """End of a run of capitalised words from ``i`` that no rule took (a name)."""
    j = i
    while j < len(ctx.tokens) and j - i < NAME_MAX + 1 and j not in ctx.covered \
            and j not in ctx.consumed and _org_word(ctx, j) \
            and (j > i or not ctx.tokens[j].glued):
        j += 1
    return j


def find_short_names(ctx: ActorContext) -> None:
    """The first word of an organisation found by a pattern, alone, names it again
    ("Ironbridge" after "Ironbridge Metals Consulting"); "the institute" refers back to the
    latest organisation with that word in its name (resolved left to right)."""
    short: dict[str, Found] = {}
    for found in ctx.found:
        if found.known or found.type not in _ORGANISATIONS or found.end - found.start < 2:
            continue
        first = ctx.tokens[found.start]
        if first.text in ctx.lex.not_name_words or ctx.data.gazetteer.starts_alias(first.key) \
                or ctx.tok(found.start + 1) is not None and ctx.tokens[found.start + 1].glued:
            continue
        short.setdefault(first.text, found)
    suffixes = {w.casefold() for w in ctx.lex.organization_suffixes}
    for t in ctx.tokens:
        i = t.index
        if i in ctx.covered or i in ctx.consumed or i in ctx.heading:
            continue
        target = short.get(t.text)
        nxt = ctx.tok(i + 1)
        if target is not None and i >= target.end and not (
                nxt is not None and nxt.is_word and (nxt.is_capitalised or nxt.glued)):
            ctx.add(Found(target.name, target.type, i, i + 1, known=False, apposition=False))
        elif t.key in suffixes and not t.is_capitalised and ctx.key(i - 1) == "the" \
                and ctx.key(i + 1) not in {"of", "for"}:
            ctx.pending.append(Pending("org", i - 1, i + 1, kind=t.text.capitalize()))
            ctx.consumed.update((i - 1, i))


_ORGANISATIONS = (ActorType.ORGANIZATION, ActorType.COMPANY, ActorType.MEDIA)


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
                f.start <= start < f.end for f in ctx.found):
            ctx.add(Found(" ".join(author.text.split()), ActorType.PERSON, start, stop + 1,
                           known=False, role="author", apposition=False))
    else:
        _byline_names(ctx)
        if article.metadata.author:
            for name in _AUTHOR_SEPARATORS.split(article.metadata.author.strip()):
                if len(name.split()) >= 2 and not _name_in_text(ctx, name):
                    ctx.unplaced.append(_unplaced(ctx, name, ActorType.PERSON, "author"))
    _credit_lines(ctx)
    publisher = article.metadata.publisher
    if publisher:
        pub_tokens = [t.key for t in tokenize(publisher)]
        size = len(pub_tokens)
        known = ctx.data.alias_map.get(" ".join(pub_tokens))
        name = known or publisher
        actor_type = ctx.data.entries[name].type if known else ActorType.MEDIA
        placed = False
        for i in range(len(ctx.tokens) - size + 1):
            if [t.key for t in ctx.tokens[i:i + size]] != pub_tokens:
                continue
            placed = True
            if any(k in ctx.consumed for k in range(i, i + size)):
                continue
            ctx.add(Found(name, actor_type, i, i + size, known=bool(known), apposition=False))
        if not placed and not any(f.name == name for f in ctx.found):
            ctx.unplaced.append(_unplaced(ctx, name, actor_type, None))


_AUTHOR_SEPARATORS = re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*")


def _name_in_text(ctx: ActorContext, name: str) -> bool:
    keys = [t.key for t in tokenize(name)]
    size = len(keys)
    return any([t.key for t in ctx.tokens[i:i + size]] == keys
               for i in range(len(ctx.tokens) - size + 1))


def _unplaced(ctx: ActorContext, name: str, actor_type: ActorType,
              role: str | None) -> ActorMention:
    entry = ctx.data.entries.get(name)
    return ActorMention(name=name, type=entry.type if entry else actor_type,
                        span=Span(0, 0, ""), role=role, known=entry is not None)


def _credit_lines(ctx: ActorContext) -> None:
    """"(Reporting by Mariko Ishida and Ken Harada in Tokyo; Editing by Thomas Brenner)":
    each person named after a credit phrase, with the phrase's role."""
    credits = ctx.data.credits
    if not credits:
        return
    longest = max(len(c) for c in credits)
    firsts = {c[0] for c in credits}
    for tok in ctx.tokens:
        if tok.key not in firsts:
            continue
        role = None
        for size in range(longest, 1, -1):
            words = ctx.tokens[tok.index:tok.index + size]
            role = credits.get(tuple(w.key for w in words))
            if role is not None:
                break
        if role is None:
            continue
        i = tok.index + size
        while True:
            end = ctx.name_run(i)
            if end - i < 2:
                break
            ctx.add(Found(ctx.surface(i, end), ActorType.PERSON, i, end, known=False,
                          role=role, apposition=False))
            if ctx.key(end) == "," and ctx.key(end + 1) == "and":
                i = end + 2
            elif ctx.key(end) in {",", "and", "&"}:
                i = end + 1
            else:
                break


def _byline_names(ctx: ActorContext) -> None:
    """"By Jane Roe and John Doe" near the top: each name is an author."""
    lines = 0
    for tok in ctx.tokens:
        if tok.newline_before:
            lines += 1
        if lines > BYLINE_LINES:
            return
        if not (tok.newline_before and tok.text == "By"):
            continue
        i = tok.index + 1
        while True:
            end = ctx.name_run(i)
            if end - i < 2:
                return
            ctx.add(Found(ctx.surface(i, end), ActorType.PERSON, i, end, known=False,
                           role="author", apposition=False))
            if ctx.key(end) == "," and ctx.key(end + 1) == "and":
                i = end + 2
            elif ctx.key(end) in {",", "and", "&"}:
                i = end + 1
            else:
                return
