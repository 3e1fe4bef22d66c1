"""Patterns for people and bodies the reference data does not list.

Capitalised names no table lists are taken for people after a title or a courtesy title,
before an apposition ("X, a spokesperson for ...", "X is a senior fellow at ...") and
before a verb of saying, and with their employer ("Shigeru Ota of the Tokyo consultancy
Kitamon Partners argues", "said Héloïse Marchand of the Paris-based Cognac Export
Council"); a place before a local-government term is that place's government ("Fukui
prefectural government"); unnamed sources ("a Japanese government source", "one METI
official", "according to government sources") are people named "unnamed ...", when they
are sources; speakers named in capitals open a transcript's turns; "according to X" names
an organisation when no rule took X for a person.  Organisations are found by
:mod:`kg.extract.actor_organizations`, bylines and publishers by
:mod:`kg.extract.actor_bylines`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import UNNAMED_PREFIX, ActorType
from .actor_context import (
    FUNCTION_WORDS,
    INDEFINITE,
    NAME_MAX,
    ORGANISATIONS,
    UNIT_WORDS,
    ActorContext,
    Found,
    apposition_title,
    link_person,
    name_runs,
    new_person,
    org_run,
    organisation_alias,
    singulars,
    token_at,
)
from .actor_places import place_after, place_based, place_word
from .hearing_labels import is_hearing_title, is_speaker_name
from .refdata import (
    ActorAlias,
    Demonym,
    GazMatch,
    KindTerm,
    NotActor,
    Title,
    tokenize,
)
from .text import ARTICLES
from .triggers import load_triggers, words_regex


def find_anonymous_sources(ctx: ActorContext) -> None:
    """Unnamed sources: "a Japanese government source", "one METI official" (one person,
    after an indefinite article and at least one modifier: a nationality, a state's or a
    body's name, or a word of the modifiers list); groups: "Japanese industry insiders" (a
    nationality and one more modifier, or a nationality alone where the group is no
    preposition's object: "Chinese officials denied ..."), "Two Japanese officials" (a
    number or quantifier and a modifier), "government sources" (a plural of
    ``anonymous_groups`` after a modifier); "Officials" alone names no one (officials
    acting, as often as speaking).  What follows the noun may belong to the description:
    "of the Ministry of Defense", "at two Japanese carmakers" (then the group is named
    after its employer: "unnamed Japanese carmaker executives").  They are actors only as
    sources (see :func:`is_source`): "a protest with a senior diplomat" describes someone,
    it does not cite anyone."""
    nouns = ctx.lex.anonymous_nouns
    plurals = {noun + "s" for noun in nouns}
    groups = ctx.lex.anonymous_groups
    heads = ctx.stream.positions(nouns | plurals | groups)
    openers = INDEFINITE | ctx.lex.anonymous_quantifiers | ctx.lex.anonymous_modifiers | plurals
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
        if start not in ctx.match_at and ctx.key(start) not in openers:
            # No article, quantifier, modifier, name or plural noun: nothing opens here (the
            # rules below would find no modifier and move on; most tokens before a noun).
            start += 1
            continue
        indefinite = ctx.key(start) in INDEFINITE
        counted = not indefinite and ctx.key(start) in ctx.lex.anonymous_quantifiers
        first = start + 1 if indefinite or counted else start
        j, modifiers, demonym, bodies = _anonymous_modifiers(ctx, first)
        key = ctx.key(j)
        if indefinite and key in nouns and (modifiers or _employer_after(ctx, j + 1)):
            # "a senior official", and with no modifier one described by a company it
            # works at: "an executive at a Tokyo trading house" (not "a manager" alone)
            end = j + 1
        elif not indefinite and not any(k in ctx.consumed for k in range(first, j + 1)) and (
                key in groups and modifiers
                or key in plurals and (demonym and (modifiers >= 2 or counted)
                                       or demonym and not _object_after(ctx, start)
                                       or counted and modifiers
                                       or _description_after(ctx, j + 1)[0] > j + 1)):
            # ... or a plural described by its employer: "Executives at two carmakers"
            end = j + 1
        else:
            start += 1
            continue
        described, employer = _description_after(ctx, end)
        if not is_source(ctx, start, described) or indefinite and (
                _apposition_of_name(ctx, start) or _name_apposed(ctx, described)):
            # (not "Masaaki Kanai, a senior Foreign Ministry official, protested": what a
            # person named just before is, no unnamed source)
            start = end
            continue
        words = ctx.surface(first, end if employer is not None else described).split()
        if first == j and ctx.tokens[j].is_capitalised:
            words[0] = words[0].lower()  # "Officials said": a common noun opening a sentence
        # One person is named by the role ("unnamed purchasing manager", the employer being
        # where the person works, docs/annotation.md), unless the role is a bare noun that
        # tells no one apart ("unnamed trading house executive"); a group by its employer
        # too ("unnamed Japanese carmaker executives").
        company = [employer] if employer and (not indefinite or len(words) == 1) else []
        name = UNNAMED_PREFIX + " ".join([*company, *words])
        ctx.found.append(Found(name, ActorType.PERSON, start, described, known=False))
        # A body named in the description ("one METI official") stays a mention of its own.
        ctx.consumed.update(k for k in range(start, end) if k not in bodies)
        start = end


_COORDINATED = frozenset({"and", "or", ","})
_OBJECT_OF = frozenset(load_triggers().raw["prepositions"]["objects"])
"""Words after which a group is an object (``[prepositions] objects``)."""


def _object_after(ctx: ActorContext, start: int) -> bool:
    """Whether the group opening at token ``start`` is the object of a preposition, maybe
    after a coordinated nationality ("talks with Chinese and Japanese officials"): people
    spoken with, not a source that speaks ("according to Japanese officials" cites them)."""
    k = start - 1
    while k >= 0 and k > start - _COORDINATION_REACH and (
            ctx.key(k) in _COORDINATED or ctx.payload(ctx.match_at.get(k), Demonym) is not None):
        k -= 1
    if k < 0 or ctx.key(k) not in _OBJECT_OF:
        return False
    before = " ".join(ctx.key(i) for i in range(max(0, k - 1), k + 1))
    return not any(before.endswith(word) for word in ctx.lex.citing_words)  # "according to"


_COORDINATION_REACH = 5
"""Tokens a coordination of nationalities may take before a group ("Chinese, Korean and
Japanese officials")."""


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
    while k < len(ctx.tokens) and k - i < 3 and ctx.payload(ctx.match_at.get(k), Demonym) \
            is not None:
        k = ctx.match_at[k].end
    first = k
    if place_word(ctx, k) and ctx.tok(k + 1) is not None and ctx.tokens[k + 1].is_word \
            and not ctx.tokens[k + 1].is_capitalised:
        # a place before the employer's noun phrase: "at a Tokyo trading house", "at a
        # Nagoya-based auto parts maker"
        k += 2 if place_based(ctx, k) else 1
    # The employer's noun phrase: a few lower-case words ending in a company descriptor
    # ("carmakers", "battery makers", "trading houses").
    for stop in range(k + 1, min(k + _EMPLOYER_WORDS, len(ctx.tokens)) + 1):
        if not (ctx.tokens[stop - 1].is_word and not ctx.tokens[stop - 1].is_capitalised):
            break
        if stop < len(ctx.tokens) and ctx.tokens[stop].text in _POSSESSIVE_MARKS:
            continue  # "a pork producers' association": the producers own the employer
        for split in range(k, stop):
            keys = tuple(t.key for t in ctx.tokens[split:stop])
            for last in singulars(keys[-1]):
                if ctx.data.descriptors.get((*keys[:-1], last)) is ActorType.COMPANY:
                    words = [*(ctx.surface(i, first).split() if first > i else []),
                             *ctx.surface(k, stop).split()]
                    # the kind of company names it, not its size: "a mid-sized motor maker"
                    words = [w for w in words if w.casefold() not in ctx.lex.size_words]
                    return place_after(ctx, stop), " ".join([*words[:-1], last])
    return end, None


_POSSESSIVE_MARKS = frozenset({"'", "’", "'s", "’s"})
_EMPLOYER_WORDS = 4
"""Lower-case tokens an employer's noun phrase may take ("mid-sized magnet makers": a
hyphen splits a word in two)."""


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


def is_source(ctx: ActorContext, start: int, end: int) -> bool:
    """Whether an unnamed person at tokens ``[start, end)`` speaks or is cited: a verb of
    saying follows in the sentence, or a citing word ("according to") comes right before."""
    verbs = ctx.lex.speech_verbs | ctx.lex.source_verbs
    for k in range(end, min(end + _SOURCE_REACH, len(ctx.tokens))):
        key = ctx.key(k)
        if key in verbs:
            return True
        if key in {".", "!", "?", ";"} or ctx.tokens[k].newline_before:
            break
    if start > 1 and ctx.key(start - 1) in ctx.lex.speech_verbs \
            and not ctx.tokens[start - 2].is_word:
        return True  # the verb before its subject: '"...," said a procurement manager'
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
        elif place_based(ctx, j):
            j, modifiers = j + 2, modifiers + 1  # "one London-based broker"
        else:
            break
    return j, modifiers, demonym, bodies


def _employer_after(ctx: ActorContext, end: int) -> bool:
    """Whether a company an unnamed person works at follows the noun ending at ``end``
    ("at a mid-sized motor maker", "at a Tokyo trading house")."""
    return _description_after(ctx, end)[1] is not None


def _body_alias(ctx: ActorContext, m: GazMatch) -> bool:
    """Whether a match names a known body, company or organisation (not a state or person)."""
    alias = ctx.payload(m, ActorAlias)
    return alias is not None and not alias.capital and ctx.data.entries[alias.name].type \
        not in (ActorType.PERSON, ActorType.STATE)


def _apposition_of_name(ctx: ActorContext, start: int) -> bool:
    """Whether the description at ``start`` follows a person's name and a comma ("Jane
    Roe, a senior official, ..."): a known person's, or two capitalised words no table
    lists, not after a preposition ("In New York, a senior official said" is a place)."""
    comma = start - 1
    if comma < 2 or ctx.key(comma) != ",":
        return False
    if ctx.person_alias(ctx.match_ending.get(comma)) is not None:
        return True
    words = ctx.tokens[comma - 2:comma]
    return all(t.is_word and t.is_capitalised and t.index not in ctx.covered
               and t.text not in ctx.lex.function_words for t in words) \
        and ctx.key(comma - 3) not in _PLACE_OPENERS


def _name_apposed(ctx: ActorContext, end: int) -> bool:
    """Whether a person's name follows the description ending at ``end`` between commas
    ("A ministry spokeswoman, Mao Ning, said"): the description is what that person is,
    no unnamed source of its own."""
    if ctx.key(end) != ",":
        return False
    person = ctx.person_alias(ctx.match_at.get(end + 1))
    stop = ctx.match_at[end + 1].end if person is not None else end + 1
    if person is None:
        while stop < len(ctx.tokens) and stop - end <= 4 and ctx.tokens[stop].is_word \
                and ctx.tokens[stop].is_capitalised and stop not in ctx.covered \
                and ctx.tokens[stop].text not in ctx.lex.function_words:
            stop += 1
        if stop - end - 1 < 2:
            return False  # one capitalised word: a place or a body as often as a name
    return ctx.key(stop) == ","


_PLACE_OPENERS = frozenset(load_triggers().raw["prepositions"]["apposition_places"])


def find_local_governments(ctx: ActorContext) -> None:
    """"Fukui prefectural government", "the Osaka city government": a place's name before a
    term of ``[lexicon].local_bodies`` names that place's government, a government body
    named "Fukui Prefectural Government"."""
    terms = _local_terms(ctx.lex.local_bodies)
    for i in ctx.stream.positions(terms):
        for term in terms[ctx.keys[i]]:
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
_BRACKET_LABEL_NAME = re.compile(
    r"(?m)^[ \t]*\[(?:[A-Z]+[ \t]+\d+[ \t]*[—–-][ \t]*)?"
    r"(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){1,3})[ \t]*,[^\n\[\]]{1,80}\]")
"""The same label set in square brackets on a line of its own, as subtitles and broadcast
scripts print a speaker's caption: "[TARO YAMADA, TRADE ANALYST]", "[CUT 2 — TARO YAMADA,
ACME INSTITUTE — TRT :11]" (a role after the comma is required: "[NARRATOR]", "[ANCHOR
LEAD]" name no one)."""


def find_transcript_labels(ctx: ActorContext) -> None:
    """Speakers named in capitals at the start of a transcript's turns ("MINORU KIHARA,
    CHIEF CABINET SECRETARY: ...", or bracketed as a caption, ``_BRACKET_LABEL_NAME``): a
    name no table lists is a person, named in title case ("Taro Yamada").  Labels of roles
    ("ANCHOR:", "REPORTER:") name no one."""
    labels = list(_LABEL_NAME.finditer(ctx.text)) if ":" in ctx.text else []
    if "[" in ctx.text:
        labels += _BRACKET_LABEL_NAME.finditer(ctx.text)
    for m in labels:
        start = token_at(ctx, m.start("name"))
        stop = token_at(ctx, m.end("name") - 1)
        if start is None or stop is None or any(
                k in ctx.covered or k in ctx.consumed for k in range(start, stop + 1)):
            continue
        words = [w.capitalize() for w in m.group("name").split()]
        if any(w in ctx.lex.not_name_words or w.casefold() in ctx.lex.desk_words
               for w in words):
            continue
        if any(is_hearing_title(" ".join(words[:k])) for k in (1, 2) if len(words) > k):
            continue  # "MISS OKAFOR:": a hearing's label, the surname's (find_surname_labels)
        if all(w.casefold() in ctx.lex.section_label_words for w in words):
            continue  # "ONE NUMBER: 0.5% ...": a newsletter's section, not a speaker
        name = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)
        ctx.add(Found(name, ActorType.PERSON, start, stop + 1, known=False))
        link_person(ctx, name, ctx.span(start, stop + 1))


_REPORTER_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<role>[A-Za-z]+(?:[ \t]+[A-Za-z]+)?)[ \t]*\([ \t]*"
    r"(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,3})[ \t]*,[ \t]*"
    r"(?P<outlet>[^()\n:]{2,60}?)[ \t]*\)[ \t]*:")
"""A transcript's question turn labelled with a journalist's role and, in parentheses, the
journalist's name and outlet ("REPORTER (Jane Roe, Harbour Wire): ...")."""


def find_reporter_labels(ctx: ActorContext) -> None:
    """The journalist of a question turn labelled "REPORTER (Jane Roe, Harbour Wire):" (a
    role of ``[lexicon].journalist_titles``): a person, whose affiliation is the outlet
    named after the comma; a family name alone there ("REPORTER (Roe, Harbour Wire):") is
    the journalist named so in full in an earlier label."""
    if "(" not in ctx.text or ":" not in ctx.text:
        return
    full: dict[str, Found] = {}
    for m in _REPORTER_LABEL.finditer(ctx.text):
        if m.group("role").casefold() not in ctx.lex.journalist_titles:
            continue
        start = token_at(ctx, m.start("name"))
        stop = token_at(ctx, m.end("name") - 1)
        if start is None or stop is None or any(
                k in ctx.covered or k in ctx.consumed for k in range(start, stop + 1)):
            continue
        outlet_start = token_at(ctx, m.start("outlet"))
        outlet = next((f.name for f in ctx.found if f.start == outlet_start
                       and f.type is ActorType.MEDIA), None)
        words = m.group("name").split()
        if len(words) == 1:
            earlier = full.get(words[0])
            if earlier is not None:
                ctx.add(Found(earlier.name, ActorType.PERSON, start, stop + 1, known=False,
                              affiliation=earlier.affiliation, apposition=False))
            continue
        if any(w in ctx.lex.not_name_words for w in words):
            continue
        name = " ".join(words)
        found = Found(name, ActorType.PERSON, start, stop + 1, known=False,
                      affiliation=outlet, apposition=False)
        ctx.add(found)
        link_person(ctx, name, ctx.span(start, stop + 1))
        full[words[-1]] = found


_SURNAME_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<title>(?:[A-Z][A-Za-z]*\.?[ \t]+){0,2}?)(?P<name>[A-Z][A-Z'’-]{2,})"
    r"[ \t]*:")
"""A transcript turn opened by a surname in capitals, perhaps after a courtesy title or a
title ("MS. BRUCE: ...", "BRUCE: ...", "CHAIRMAN HALVERSON: ...", as US government and
congressional transcripts print them)."""
_TRANSCRIPT_TURNS = 3
"""Turn labels that make a text a transcript, whose titled surnames name people."""


def find_surname_labels(ctx: ActorContext) -> None:
    """A turn labelled with a surname alone ("MS. BRUCE:") is the one person of the article
    with that surname (named in full before: "Spokesperson Tammy Bruce"); with two, the
    label names no one.  With none, a surname after a courtesy title or a title ("MS.
    OKONKWO:", "CHAIRMAN HALVERSON:"; the hearing titles of :mod:`.hearing_labels`) in a
    transcript (three turn labels or more) names a person known by that surname only
    ("Okonkwo")."""
    if ":" not in ctx.text:
        return
    people: dict[str, list[Found]] = {}
    for found in ctx.found:
        if found.type is ActorType.PERSON and " " in found.name:
            people.setdefault(found.name.rsplit(" ", 1)[1].casefold(), []).append(found)
    labels = list(_SURNAME_LABEL.finditer(ctx.text))
    transcript = len(labels) >= _TRANSCRIPT_TURNS
    for m in labels:
        same = {f.name: f for f in people.get(m.group("name").casefold(), [])}
        start = token_at(ctx, m.start("name"))
        if len(same) > 1 or start is None or start in ctx.covered or start in ctx.consumed:
            continue
        if not same:
            if transcript and is_hearing_title(m.group("title")) and \
                    is_speaker_name(m.group("name")):
                name = "-".join(p.capitalize() for p in m.group("name").split("-"))
                stop = token_at(ctx, m.end("name") - 1)
                if name not in ctx.lex.not_name_words and stop is not None:
                    ctx.add(Found(name, ActorType.PERSON, start, stop + 1, known=False,
                                  apposition=False))
            continue
        person = next(iter(same.values()))
        if _reports(ctx, person):
            continue  # "KIM:" after "our correspondent Jenny Kim": the broadcast narrates
        ctx.add(Found(person.name, ActorType.PERSON, start, start + 1, known=person.known,
                      role=person.role, affiliation=person.affiliation,
                      part_of=person.part_of, state=person.state, apposition=False))


def _reports(ctx: ActorContext, person: Found) -> bool:
    """Whether a journalist's title stands next to the person's first full mention."""
    first = min((f for f in ctx.found if f.name == person.name and f.end - f.start > 1),
                key=lambda f: f.start, default=person)
    span = ctx.span(first.start, first.end)
    around = ctx.text[max(0, span.begin - _TITLE_REACH):span.end + _TITLE_REACH]
    return _journalist_regex(ctx.lex.journalist_titles).search(around) is not None


@lru_cache(maxsize=4)
def _journalist_regex(titles: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the titles, compiled once per table (not per title per call)."""
    return words_regex(list(titles))


_TITLE_REACH = 40
"""How far from a person's full name a title may stand ("our Tokyo correspondent ...")."""


def find_pattern_people(ctx: ActorContext) -> None:
    """Capitalised names no table lists: before an apposition, a verb of saying or a
    relative clause on "who"."""
    # Each pattern below needs two words: runs of one are not tried.
    for i, end in name_runs(ctx):
        length = end - i
        previous = ctx.key(i - 1)
        # "Zhu Fenglian (朱鳳蓮), a spokeswoman ...": the name in its own script is an aside
        after = past_native_name(ctx, end)
        # "X, a spokesperson for ...", "X is a senior fellow at ...".
        apposition = ctx.key(after) in {",", "is", "was"} \
            and apposition_title(ctx, after + 1) is not None
        speech = ctx.key(after) in ctx.lex.speech_verbs and i not in ctx.heading
        # "Mathilde Roussel, who follows critical minerals at ...": a relative clause on
        # "who" describes a person (bodies and places take "which").
        relative = ctx.key(after) == "," and ctx.key(after + 1) in {"who", "whom"}
        # "Japan's minister for economic security, Kimi Onoda, told ...": a title and its
        # complement, then the name set off by commas.
        titled = previous == "," and ctx.key(end) == "," and _title_before(ctx, i - 1)
        said_before = previous in {"said", "says"} and ctx.key(end) in {",", "."}
        # "Shigeru Ota of the Tokyo consultancy Kitamon Partners argues", "said Héloïse
        # Marchand of the Paris-based Cognac Export Council.", "Asked by X of Y whether":
        # a person and their employer.
        employer = _employer_end(ctx, end + 1) if ctx.key(end) in {"of", "at", "from"} \
            and length >= 2 else None
        if employer is not None and not (
                ctx.key(employer) in ctx.lex.speech_verbs
                or previous in {"said", "says"} and _ends_inverted(ctx, employer)
                # "Asked by X of the Y party whether ...": the asker and their party.
                or previous == "by" and ctx.key(i - 2) in {"asked", "questioned"}):
            employer = None
        # "protested to Shi Yong of the Chinese embassy": a family-first name working for a
        # government body is a diplomat or an official, whatever the verb around it.
        official = length == 2 and ctx.tokens[i].text in ctx.lex.family_name_first \
            and ctx.key(end) == "of" and _government_body_at(ctx, end + 1)
        # "Supply Chain Policy Division, Director Oh ...": a unit of a body, no person
        unit = ctx.tokens[end - 1].text in UNIT_WORDS \
            or ctx.tokens[end - 1].text in ctx.lex.organization_suffixes \
            or ctx.tokens[end - 1].text in ctx.lex.company_suffixes  # "X Capital Partners"
        # "the Central Pool has sufficient stocks", "the Grain Board said": a capitalised
        # name after an article is a thing or a body, never a person's name
        unit = unit or previous in ARTICLES
        if not unit and (apposition or speech or said_before or employer is not None
                         or official or relative or titled
                         or length == 2 and _quoted_later(ctx, i, end)):
            new_person(ctx, i, end)


_NATIVE_NAME_MAX = 4
"""Tokens a name in its own script may take in parentheses ("(朱鳳蓮)")."""


def past_native_name(ctx: ActorContext, end: int) -> int:
    """The token after "(朱鳳蓮)" at ``end`` (the name again in a script without Latin
    letters), else ``end``."""
    if ctx.key(end) != "(":
        return end
    for j in range(end + 1, min(end + 2 + _NATIVE_NAME_MAX, len(ctx.tokens))):
        text = ctx.tokens[j].text
        if text == ")":
            return j + 1 if j > end + 1 else end
        if any(c.isascii() for c in text):
            return end
    return end


def _ends_inverted(ctx: ActorContext, j: int) -> bool:
    """Whether an inverted attribution ends at token ``j`` after the employer ("said X of
    Y.", "said X of Y, ...", "said X of Y (YZ).", "said X of Y on Tuesday")."""
    if ctx.key(j) == "(" and ctx.key(j + 2) == ")":
        j += 3  # the employer's abbreviation
    return ctx.key(j) in {",", ".", "", "on", "in"}


_PRONOUN_REACH = 150
"""Tokens after a name within which "he says" may still speak for it (about a paragraph)."""


def _quoted_later(ctx: ActorContext, start: int, end: int) -> bool:
    """"In 2010, Hideo Kuramochi spent his evenings on the phone. ... 'Nobody said ban,'
    he recalls.": a two-word name as the subject of a clause (a lower-case verb follows),
    then "he"/"she" and a verb of saying later in the same paragraph, with no other name
    between: the name is a person's, though no title or apposition introduces it."""
    tokens = ctx.tokens
    if start in ctx.heading or any(k in ctx.covered for k in range(start, end)) \
            or any(tokens[k].text in ctx.lex.not_name_words for k in range(start, end)):
        return False
    verb = ctx.tok(end)
    if verb is None or not verb.is_word or verb.is_capitalised or verb.newline_before \
            or verb.key in FUNCTION_WORDS:
        return False
    for j in range(end + 1, min(end + _PRONOUN_REACH, len(tokens))):
        t = tokens[j]
        if t.newline_before:
            return False
        if t.is_capitalised and t.is_word and ctx.key(j - 1) not in {".", "\"", "“", "”"} \
                and t.text not in ctx.lex.not_name_words and ctx.name_run(j) - j >= 2:
            return False  # another name: the pronoun may stand for it
        if t.key in {"he", "she"} and (ctx.key(j + 1) in ctx.lex.speech_verbs
                                       or ctx.key(j - 1) in ctx.lex.speech_verbs):
            return True
    return False


_TITLE_COMPLEMENT = 4
"""Lower-case words a title's complement may take before a name set off by commas ("minister
for economic security, Kimi Onoda,")."""


def _title_before(ctx: ActorContext, comma: int) -> bool:
    """Whether a title, perhaps with a lower-case complement, ends right before the comma at
    token ``comma``."""
    j = comma  # the end (exclusive) of a title match
    for _ in range(_TITLE_COMPLEMENT + 1):
        if j < 1:
            return False
        m = ctx.match_ending.get(j)
        if m is not None and ctx.payload(m, Title) is not None:
            return True
        tok = ctx.tokens[j - 1]
        if not tok.is_word or tok.is_capitalised or tok.newline_before:
            return False
        j -= 1
    return False


def _government_body_at(ctx: ActorContext, i: int) -> bool:
    """Whether a government body's name opens at token ``i``: [the] [a state or nationality]
    a generic body ("the Chinese embassy") or a known body ("the Ministry of Commerce")."""
    if ctx.key(i) == "the":
        i += 1
    m = ctx.match_at.get(i)
    if m is not None and (ctx.payload(m, Demonym) is not None or ctx.state_alias(m)):
        i = m.end + (1 if ctx.tok(m.end) is not None and ctx.tokens[m.end].is_possessive
                     else 0)
        m = ctx.match_at.get(i)
    if m is None:
        return False
    if ctx.payload(m, KindTerm) is not None:
        return True
    alias = ctx.payload(m, ActorAlias)
    return alias is not None and ctx.data.entries[alias.name].type is ActorType.GOVERNMENT_BODY


def _employer_end(ctx: ActorContext, i: int) -> int | None:
    """The end of an employer's name opening at token ``i``: [the] [a place: "Tokyo",
    "Paris-based"] [a descriptor: "consultancy"] and a name, known or capitalised."""
    if ctx.key(i) in {"the", "a", "an"}:
        i += 1
    m = ctx.match_at.get(i)
    if m is not None and (ctx.state_alias(m) or ctx.payload(m, NotActor) is not None) \
            and ctx.tok(m.end) is not None \
            and not ctx.tokens[m.end].is_possessive and not organisation_alias(ctx, m):
        i = m.end  # "the Tokyo consultancy ..."
    elif ctx.tok(i + 1) is not None and ctx.tokens[i + 1].glued \
            and ctx.key(i + 1) in ctx.lex.place_modifiers:
        i += 1
    if ctx.tok(i) is not None and ctx.tokens[i].glued and ctx.key(i) in ctx.lex.place_modifiers:
        i += 1  # "the Paris-based ..."
    elif ctx.tok(i) is not None and ctx.tokens[i].is_capitalised and any(
            ctx.keys[i + 1:i + 1 + size] in ctx.data.descriptors for size in (1, 2, 3)):
        i += 1  # "the Lisbon think tank ...": a place the tables do not list
    for size in (3, 2, 1):
        if ctx.keys[i:i + size] in ctx.data.descriptors \
                and not ctx.tokens[i].is_capitalised:
            i += size
            break
    m = ctx.match_at.get(i)
    if m is not None and organisation_alias(ctx, m):
        return m.end
    found = next((f for f in ctx.found if f.start == i and f.type in ORGANISATIONS), None)
    if found is not None:
        return found.end  # found by a pattern already
    end = org_run(ctx, i)
    return end if end > i else None


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
    tokens = ctx.tokens
    person_words.update(tokens[i].text for i in ctx.stream.capitalised if (
        ctx.key(i + 1) in ctx.lex.speech_verbs
        or i > 0 and tokens[i - 1].text in ctx.lex.honorifics))
    _staff_employers(ctx, {w for f in ctx.found if f.type is ActorType.PERSON
                           for w in f.name.replace("-", " ").split()})
    for i in ctx.stream.positions(("according",)):
        if ctx.key(i + 1) != "to":
            continue
        start = i + 2
        while ctx.tok(start + 1) is not None and ctx.tokens[start + 1].glued \
                and ctx.key(start + 1) in ctx.lex.place_modifiers:
            start += 2  # "according to Shanghai-based ...": the place is no organisation
        end = org_run(ctx, start)
        if _cited_acronym(ctx, start, i):
            continue
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


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_CLAUSE_CLOSERS = frozenset({".", ";", ",", ")", "!", "?"})


def _cited_acronym(ctx: ActorContext, start: int, according: int) -> bool:
    """"..., according to NTB.": an acronym no table lists, alone after "according to" at
    the end of its clause, names who the text relies on (it is no family name).  When the
    sentence before reports someone's words ("Vestre said ... , according to NTB"), the
    acronym relays them: an outlet; otherwise an organisation ("according to IEA").
    Adds it and returns whether it did."""
    token = ctx.tok(start)
    if token is None or start in ctx.consumed or start in ctx.match_at \
            or not _ACRONYM.fullmatch(token.text) or ctx.key(start + 1) not in _CLAUSE_CLOSERS \
            or token.text in ctx.lex.not_name_words:
        return False
    j = according - 1
    relays = False
    while j >= 0 and ctx.tokens[j].text not in {".", "!", "?"} \
            and not ctx.tokens[j + 1].newline_before:
        relays = relays or ctx.key(j) in ctx.lex.speech_verbs
        j -= 1
    ctx.add(Found(token.text, ActorType.MEDIA if relays else ActorType.ORGANIZATION,
                  start, start + 1, known=False))
    return True


_STAFF_LINKS = frozenset({"at", "from", "with"})


def _staff_employers(ctx: ActorContext, person_words: set[str]) -> None:
    """"Analysts at Bernstein said": one capitalised word no table lists, after a plural
    of staff and a citing preposition (``[citation].before``: "analysts at", "economists
    from") and before a verb of saying, is the organisation they speak for.  (Names of two
    words or more are found by the organisation patterns.)"""
    before = ctx.data.citation.before
    for i in ctx.stream.capitalised:
        if i < 2 or ctx.key(i - 1) not in _STAFF_LINKS or ctx.keys[i - 2:i] not in before \
                or not ctx.key(i - 2).endswith("s") or i in ctx.consumed \
                or i in ctx.match_at or ctx.tokens[i].text in ctx.lex.not_name_words \
                or ctx.tokens[i].text in person_words or not ctx.tokens[i].is_word:
            # (a family name of a person named in the article is that person)
            continue
        if org_run(ctx, i) == i + 1 and ctx.key(i + 1) in ctx.lex.speech_verbs:
            ctx.add(Found(ctx.tokens[i].text, ActorType.ORGANIZATION, i, i + 1, known=False))


def _person_of(ctx: ActorContext, start: int, end: int) -> bool:
    """A two- or three-word name followed by "of"/"at" and another name: a person and the
    body they work for ("Hiroshi Tanaka of Mizuho Research")."""
    if not 2 <= end - start <= 3 or ctx.key(end) not in {"of", "at", "from", "with"}:
        return False
    nxt = end + 2 if ctx.key(end + 1) == "the" else end + 1
    t = ctx.tok(nxt)
    return t is not None and t.is_word and t.is_capitalised
