"""Patterns for actors the reference data does not list.

Capitalised names no table lists are taken for people after a title or a courtesy title,
before an apposition ("X, a spokesperson for ...", "X is a senior fellow at ...") and
before a verb of saying, and for organisations when they end in a company or institute word
-- any capitalised word but a function word may open such a name ("Pacific Economic
Security Forum") -- or when a descriptor says what they are ("consultancy Sakura Strategic
Advisory", "Halden Cross, a political risk consultancy"); a company is named without its
legal form ("Hokuriku Precision Magnetics Co." is "Hokuriku Precision Magnetics"); an
organisation's first word alone names it again; a place before a local-government term is
that place's government ("Fukui prefectural government"); unnamed sources ("a Japanese
government source", "one METI official", "according to government sources") are people
named "unnamed ...", when they are sources; bylines, wire credit lines ("Reporting by ...;
Editing by ...", "Interview by ...") and a masthead ("Asia Markets Wire live desk | ...")
name the article's journalists and outlet, and a header's author or publisher the text
never names is still mentioned, with an empty span (a newsroom byline such as "Research
desk" names no person).
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    link_person,
    new_person,
    token_at,
)
from .refdata import (
    ActorAlias,
    Demonym,
    GazMatch,
    KindTerm,
    NotActor,
    sentence_initial_tokens,
    tokenize,
)


def find_anonymous_sources(ctx: ActorContext) -> None:
    """Unnamed sources: "a Japanese government source", "one METI official" (one person,
    after an indefinite article and at least one modifier: a nationality, a state's or a
    body's name, or a word of the modifiers list); groups: "Japanese industry insiders" (a
    nationality and one more modifier), "Two Japanese officials" (a number or quantifier and
    a modifier), "government sources" (a plural of ``anonymous_groups`` after a modifier);
    "Officials" alone names no one (officials acting, as often as speaking).  What follows
    the noun may belong to the description:
    "of the Ministry of Defense", "at two Japanese carmakers" (then the group is named
    after its employer: "unnamed Japanese carmaker executives").  They are actors only as
    sources (see :func:`_is_source`): "a protest with a senior diplomat" describes someone,
    it does not cite anyone."""
    nouns = ctx.lex.anonymous_nouns
    plurals = {noun + "s" for noun in nouns}
    groups = ctx.lex.anonymous_groups
    heads = [t.index for t in ctx.tokens if t.key in nouns or t.key in plurals
             or t.key in groups]
    h = 0
    start = 0
    while start < len(ctx.tokens):
        # Only the tokens shortly before a noun of an unnamed source can open one.
        while h < len(heads) and heads[h] < start:
            h += 1
        if h == len(heads):
            break
        if heads[h] - start > _ANONYMOUS_REACH:
            start = heads[h] - _ANONYMOUS_REACH
        indefinite = ctx.key(start) in INDEFINITE
        counted = not indefinite and ctx.key(start) in ctx.lex.anonymous_quantifiers
        first = start + 1 if indefinite or counted else start
        j, modifiers, demonym, bodies = _anonymous_modifiers(ctx, first)
        key = ctx.key(j)
        if indefinite and modifiers and key in nouns:
            end = j + 1
        elif not indefinite and not any(k in ctx.consumed for k in range(first, j + 1)) and (
                key in groups and modifiers
                or key in plurals and (demonym and (modifiers >= 2 or counted)
                                       or counted and modifiers
                                       or _description_after(ctx, j + 1)[0] > j + 1)):
            # ... or a plural described by its employer: "Executives at two carmakers"
            end = j + 1
        else:
            start += 1
            continue
        described, employer = _description_after(ctx, end)
        if not _is_source(ctx, start, described):
            start = end
            continue
        words = ctx.surface(first, end if employer is not None else described).split()
        if first == j and ctx.tokens[j].is_capitalised:
            words[0] = words[0].lower()  # "Officials said": a common noun opening a sentence
        name = " ".join(["unnamed", *([employer] if employer else []), *words])
        ctx.found.append(Found(name, ActorType.PERSON, start, described, known=False))
        # A body named in the description ("one METI official") stays a mention of its own.
        ctx.consumed.update(k for k in range(start, end) if k not in bodies)
        start = end


def _description_after(ctx: ActorContext, end: int) -> tuple[int, str | None]:
    """The end of what describes an unnamed source after its noun at ``end``, and the name
    of the kind of employer it names, if any: "of the Ministry of Defense" (a body, which
    stays a mention of its own), "at two Japanese carmakers" (employer "Japanese
    carmaker")."""
    body_end = _described_by_body(ctx, end)
    if body_end != end or ctx.key(end) not in {"at", "from", "with"}:
        return body_end, None
    i = end + 1
    if ctx.key(i) in INDEFINITE | {"the"} or ctx.key(i) in ctx.lex.anonymous_quantifiers:
        i += 1
    k = i
    while k < len(ctx.tokens) and k - i < 3 and ctx.payload(ctx.match_at.get(k), Demonym):
        k = ctx.match_at[k].end
    # The employer's noun phrase: a few lower-case words ending in a company descriptor
    # ("carmakers", "battery makers", "trading houses").
    for stop in range(k + 1, min(k + _EMPLOYER_WORDS, len(ctx.tokens)) + 1):
        if not (ctx.tokens[stop - 1].is_word and not ctx.tokens[stop - 1].is_capitalised):
            break
        for split in range(k, stop):
            keys = tuple(t.key for t in ctx.tokens[split:stop])
            for last in _singulars(keys[-1]):
                if ctx.data.descriptors.get((*keys[:-1], last)) is ActorType.COMPANY:
                    words = ctx.surface(i, stop).split()
                    return stop, " ".join([*words[:-1], last])
    return end, None


_EMPLOYER_WORDS = 3
"""Lower-case words an employer's noun phrase may take ("mid-sized magnet makers")."""


def _singulars(word: str) -> tuple[str, ...]:
    """Candidate singulars of a plural noun ("houses": "house", "hous"; "refineries")."""
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return word[:-1], word[:-2]
    return (word[:-1],) if word.endswith("s") and not word.endswith("ss") else (word,)


_ANONYMOUS_REACH = 12
"""Tokens an indefinite article and the modifiers of an unnamed source may take before its
noun ("one Ministry of Economy, Trade and Industry official")."""


def _described_by_body(ctx: ActorContext, end: int) -> int:
    """The end of "of the Ministry of Defense" / "at Toyota" after an unnamed person's noun
    at ``end`` (the body stays a mention of its own), else ``end``."""
    if ctx.key(end) not in {"of", "at", "from", "with"}:
        return end
    i = end + 2 if ctx.key(end + 1) == "the" else end + 1
    m = ctx.match_at.get(i)
    if m is not None and ctx.state_alias(m) and ctx.tok(m.end) is not None \
            and ctx.tokens[m.end].is_possessive:
        m = ctx.match_at.get(m.end + 1)  # "of Japan's Ministry of Finance"
    if m is None or ctx.state_alias(m):
        return end
    alias = ctx.payload(m, ActorAlias)
    if alias is not None and ctx.data.entries[alias.name].type is ActorType.PERSON:
        return end
    if alias is None and ctx.payload(m, KindTerm) is None:
        return end
    return m.end


_SOURCE_REACH = 15
"""Tokens after an unnamed person searched for a verb of saying."""


def _is_source(ctx: ActorContext, start: int, end: int) -> bool:
    """Whether an unnamed person at tokens ``[start, end)`` speaks or is cited: a verb of
    saying follows in the sentence, or a citing word ("according to") comes right before."""
    verbs = ctx.lex.speech_verbs | ctx.lex.source_verbs
    for k in range(end, min(end + _SOURCE_REACH, len(ctx.tokens))):
        key = ctx.key(k)
        if key in verbs:
            return True
        if key in {".", "!", "?", ";"} or ctx.tokens[k].newline_before:
            break
    before = " ".join(ctx.key(k) for k in range(max(0, start - 2), start))
    return any(before.endswith(word) for word in ctx.lex.citing_words)


def _anonymous_modifiers(ctx: ActorContext, j: int) -> tuple[int, int, bool, set[int]]:
    """Modifiers of an anonymous noun from ``j``: (end, count, whether one is a nationality,
    the tokens of a body's name among them)."""
    modifiers = 0
    demonym = False
    bodies: set[int] = set()
    while j < len(ctx.tokens):
        m = ctx.match_at.get(j)
        if m is not None and m.start == j and ctx.payload(m, Demonym) is not None:
            j, modifiers, demonym = m.end, modifiers + 1, True
        elif m is not None and ctx.state_alias(m) and ctx.tok(m.end) is not None \
                and ctx.tokens[m.end].is_possessive:
            j, modifiers = m.end + 1, modifiers + 1
        elif m is not None and m.start == j and _body_alias(ctx, m) \
                and ctx.key(m.end) in ctx.lex.anonymous_nouns:
            bodies.update(range(m.start, m.end))
            j, modifiers = m.end, modifiers + 1  # "one METI official", "a Toyota executive"
        elif ctx.key(j) in ctx.lex.anonymous_modifiers:
            j, modifiers = j + 1, modifiers + 1
        else:
            break
    return j, modifiers, demonym, bodies


def _body_alias(ctx: ActorContext, m: GazMatch) -> bool:
    """Whether a match names a known body, company or organisation (not a state or person)."""
    alias = ctx.payload(m, ActorAlias)
    return alias is not None and not alias.capital and ctx.data.entries[alias.name].type \
        not in (ActorType.PERSON, ActorType.STATE)


def find_local_governments(ctx: ActorContext) -> None:
    """"Fukui prefectural government", "the Osaka city government": a place's name before a
    term of ``[lexicon].local_bodies`` names that place's government, a government body
    named "Fukui Prefectural Government"."""
    terms = _local_terms(ctx.lex.local_bodies)
    for tok in ctx.tokens:
        i = tok.index
        for term in terms.get(tok.key, ()):
            end = i + len(term)
            if tuple(t.key for t in ctx.tokens[i:end]) != term or i == 0 \
                    or any(k in ctx.consumed for k in range(i, end)):
                continue
            start = i
            while start > 0 and i - start < NAME_MAX and ctx.tokens[start - 1].is_word \
                    and ctx.tokens[start - 1].is_capitalised \
                    and ctx.tokens[start - 1].text not in ctx.lex.function_words \
                    and start - 1 not in ctx.consumed and not ctx.tokens[start].newline_before:
                start -= 1
            lead = ctx.match_at.get(start)
            alias = ctx.payload(lead, ActorAlias)
            if start == i or ctx.payload(lead, Demonym) is not None \
                    or alias is not None and not alias.capital and ctx.state_alias(lead):
                # "Japan's prefectural governments", "Chinese provincial governments"; a
                # capital stays a place ("the Tokyo metropolitan government")
                continue
            place = ctx.surface(start, i)
            title = " ".join(w[:1].upper() + w[1:] for w in ctx.surface(i, end).split())
            ctx.add(Found(f"{place} {title}", ActorType.GOVERNMENT_BODY, start, end,
                          known=False, apposition=False))


@lru_cache(maxsize=4)
def _local_terms(local_bodies: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The local-body terms as token keys, by their first key."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for term in local_bodies:
        keys = tuple(t.key for t in tokenize(term))
        by_first.setdefault(keys[0], []).append(keys)
    return {k: tuple(v) for k, v in by_first.items()}


_LABEL_NAME = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){1,3})[ \t]*"
    r"(?::|[,(][^\n\d:]{0,80}:)")
"""A transcript turn opened by a name in capitals: "TARO YAMADA, TRADE ANALYST (through
translator): ...", "TARO YAMADA: ..." (no digit before the colon: "SAN FRANCISCO, Jan 8
(Reuters) -" is a dateline)."""


def find_transcript_labels(ctx: ActorContext) -> None:
    """Speakers named in capitals at the start of a transcript's turns ("MINORU KIHARA,
    CHIEF CABINET SECRETARY: ..."): a name no table lists is a person, named in title case
    ("Taro Yamada").  Labels of roles ("ANCHOR:", "REPORTER:") name no one."""
    if ":" not in ctx.text:
        return
    for m in _LABEL_NAME.finditer(ctx.text):
        start = token_at(ctx, m.start("name"))
        stop = token_at(ctx, m.end("name") - 1)
        if start is None or stop is None or any(
                k in ctx.covered or k in ctx.consumed for k in range(start, stop + 1)):
            continue
        words = [w.capitalize() for w in m.group("name").split()]
        if any(w in ctx.lex.not_name_words or w.casefold() in ctx.lex.desk_words
               for w in words):
            continue
        name = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)
        ctx.add(Found(name, ActorType.PERSON, start, stop + 1, known=False))
        link_person(ctx, name, ctx.span(start, stop + 1))


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
        # "X, a spokesperson for ...", "X is a senior fellow at ...".
        apposition = ctx.key(end) in {",", "is", "was"} \
            and apposition_title(ctx, end + 1) is not None
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
            ctx.add(Found(company_name(ctx, i, end), ActorType.COMPANY, i, end, known=False))
        elif last_word > i and last in lex.media_suffixes:
            ctx.add(Found(ctx.surface(i, end), ActorType.MEDIA, i, end, known=False))
        elif last_word > i and last in lex.organization_suffixes and (
                last not in lex.weak_suffixes or end - i >= 3):
            ctx.add(Found(ctx.surface(i, end), ActorType.ORGANIZATION, i, end, known=False))
        i = max(end, i + 1)


def company_name(ctx: ActorContext, start: int, end: int) -> str:
    """A company's canonical name: its surface without a legal form at the end ("Hokuriku
    Precision Magnetics Co." -> "Hokuriku Precision Magnetics")."""
    stop = end
    while stop - start > 1 and (ctx.tokens[stop - 1].text in ctx.lex.legal_suffixes
                                or ctx.key(stop - 1) in {",", "&"}):
        stop -= 1
    return ctx.surface(start, stop)


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
            ctx.add(Found(_typed_name(ctx, i, end, actor_type), actor_type, i, end,
                          known=False))
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
                if len(name.split()) >= 2 and not _name_in_text(ctx, name) \
                        and not _is_desk(ctx, name):
                    ctx.unplaced.append(_unplaced(ctx, name, ActorType.PERSON, "author"))
    _credit_lines(ctx)
    _masthead(ctx)
    if article.metadata.publisher:
        _publisher(ctx, article.metadata.publisher)


def _publisher(ctx: ActorContext, publisher: str) -> None:
    """The header's publisher, placed where the text names it.  A remark in parentheses is
    not part of the name ("... of China (unofficial machine translation)"); a name ending in
    a company word is a company (a press release), one holding an institute word an
    organisation (a think tank's commentary), any other an outlet."""
    publisher = _REMARK.sub("", publisher).strip() or publisher
    pub = tokenize(publisher)
    pub_tokens = [t.key for t in pub]
    size = len(pub_tokens)
    known = ctx.data.alias_map.get(" ".join(pub_tokens))
    lex = ctx.lex
    if known:
        name, actor_type = known, ctx.data.entries[known].type
    elif pub and pub[-1].text in lex.company_suffixes:
        actor_type = ActorType.COMPANY
        stop = len(pub)
        while stop > 1 and pub[stop - 1].text in lex.legal_suffixes:
            stop -= 1
        name = publisher[:pub[stop - 1].end].strip()
    elif any(t.text in lex.organization_suffixes for t in pub):
        name, actor_type = publisher, ActorType.ORGANIZATION
    else:
        name, actor_type = publisher, ActorType.MEDIA
    placed = False
    for i in range(len(ctx.tokens) - size + 1):
        if [t.key for t in ctx.tokens[i:i + size]] != pub_tokens:
            continue
        placed = True
        inside = [f for f in ctx.found if i <= f.start and f.end <= i + size and not f.known]
        if any(k in ctx.consumed for k in range(i, i + size)) and not (
                inside and all(any(f.start <= k < f.end for f in inside)
                               for k in range(i, i + size) if k in ctx.consumed)):
            continue
        for f in inside:  # "Potomac Post" found by a pattern inside "The Potomac Post"
            ctx.found.remove(f)
        ctx.add(Found(name, actor_type, i, i + size, known=bool(known), apposition=False))
    if not placed and not any(f.name == name for f in ctx.found):
        ctx.unplaced.append(_unplaced(ctx, name, actor_type, None))


_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def _is_desk(ctx: ActorContext, name: str) -> bool:
    """Whether a byline names a newsroom ("Research desk"), not a person."""
    words = name.casefold().split()
    return any(" ".join(words[k:]) in ctx.lex.desk_words for k in range(len(words)))


_MASTHEAD_MODIFIERS = 2
"""Lower-case words allowed between an outlet's name and "desk" ("live", "news")."""


def _masthead(ctx: ActorContext) -> None:
    """"Asia Markets Wire live desk | Thursday, 8 January 2026": a capitalised name before a
    newsroom word in the first lines is the outlet that publishes the article."""
    lines = 0
    for tok in ctx.tokens:
        if tok.index and tok.newline_before:
            lines += 1
        if lines > BYLINE_LINES:
            return
        if tok.key not in ctx.lex.desk_words or tok.is_capitalised:
            continue
        j = tok.index
        while j > 0 and tok.index - j < _MASTHEAD_MODIFIERS and ctx.tokens[j - 1].is_word \
                and not ctx.tokens[j - 1].is_capitalised and not ctx.tokens[j].newline_before:
            j -= 1
        end = j
        while j > 0 and end - j < NAME_MAX and ctx.tokens[j - 1].is_word \
                and ctx.tokens[j - 1].is_capitalised and not ctx.tokens[j].newline_before:
            j -= 1
        if end - j < 2 and not (end > j and ctx.tokens[end - 1].text in ctx.lex.media_suffixes):
            continue
        if any(k in ctx.consumed or k in ctx.covered for k in range(j, end)):
            continue
        ctx.add(Found(ctx.surface(j, end), ActorType.MEDIA, j, end, known=False,
                      apposition=False))


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
