"""What the actor rules share while they read one article.

:class:`ActorContext` holds an article's tokens, the reference data's trie matches, what
the rules found so far (:class:`Found`) and what they left for the left-to-right pass
(:class:`Pending`).  The helpers here are used by both the composition rules
(:mod:`kg.extract.actors`) and the patterns for names no table lists
(:mod:`kg.extract.actor_patterns`, :mod:`kg.extract.actor_organizations`,
:mod:`kg.extract.actor_bylines`, :mod:`kg.extract.actor_bodies`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..model import ActorMention, ActorType, Article, CandidateLink, Span
from .refdata import (
    ActorAlias,
    ActorData,
    ActorLexicon,
    Demonym,
    GazMatch,
    KindTerm,
    NotActor,
    Title,
    Token,
    actor_data,
    token_stream,
)

_ROMAN = re.compile(r"(?=[IVXLC]{2,})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
"""A Roman numeral of two letters or more, up to CCCXCIX (article and chapter numbers)."""

P = TypeVar("P")

DETERMINERS = {"the", "a", "an"}
INDEFINITE = {"a", "an", "one"}
CLAUSE_END = {".", ";", ":", "!", "?", "(", ")", "—", "–", "“", "”", '"'}
FUNCTION_WORDS = {"the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "by", "this",
                   "that", "these", "those", "it", "he", "she", "they", "we", "said", "says"}
UNIT_WORDS = {"Bureau", "Department", "Division", "Office", "Section", "Agency"}
NAME_MAX = 4
BYLINE_LINES = 8
_FUZZY_MIN = 0.85


@dataclass
class Found:
    """A mention under construction, in token offsets."""

    name: str
    type: ActorType
    start: int
    end: int
    known: bool = True
    role: str | None = None
    affiliation: str | None = None
    part_of: str | None = None
    kinds: tuple[str, ...] = ()
    state: str | None = None
    apposition: bool = True
    """Whether an apposition after it may give it a role (not for a qualifier's state)."""


@dataclass
class Pending:
    """Something resolved in the second pass, left to right."""

    what: str  # "refer" (bare generic body), "embassy" (no host), "surname", "org"
    start: int
    end: int
    kind: str | None = None
    state: str | None = None
    mention_start: int | None = None
    found: Found | None = None
    """For an embassy with no host: its mention, named in place once the host is known (the
    mention itself, not its index in :attr:`ActorContext.found`, which later steps may
    shorten: a publisher placed in the text removes the names found inside it)."""
    described: str | None = None
    """For "the institute" / "the consultancy": the actor type its noun describes, when the
    noun is also a descriptor (``[descriptors]``)."""


class ActorContext:
    """One article's tokens, gazetteer matches and what the rules found so far."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.data: ActorData = actor_data()
        self.lex = self.data.lexicon
        self.stream = token_stream(article.text)
        self.tokens: tuple[Token, ...] = self.stream.tokens
        self.keys: tuple[str, ...] = self.stream.keys
        self.matches = self.data.gazetteer.scan(self.tokens, accept=self._accept,
                                                stream=self.stream)
        self.match_at: dict[int, GazMatch] = {m.start: m for m in self.matches}
        self.match_ending: dict[int, GazMatch] = {m.end: m for m in self.matches}
        self.covered: set[int] = {i for m in self.matches for i in range(m.start, m.end)}
        self.consumed: set[int] = set()
        self.found: list[Found] = []
        self.pending: list[Pending] = []
        self.candidates: list[CandidateLink] = []
        self.heading = self.stream.heading
        self._name_first, self._name_next = self._name_words()
        self.dateline: tuple[int, int, str] | None = None
        """Tokens ``[start, end)`` of the city of a wire dateline ("SEOUL, Jan. 8 (Yonhap)
        --") and the state whose capital it is: where the report was filed, not an actor."""
        self.unplaced: list[ActorMention] = []
        """Actors the article names only outside its text (its header's author and
        publisher): mentions with an empty span."""

    # -- helpers -----------------------------------------------------------------------

    def _accept(self, match: GazMatch) -> GazMatch | None:
        if match.end - match.start == 1 and self._roman_numeral(match.start):
            # "Article XI of the GATT": a numeral, not Xi Jinping's family name in capitals
            return GazMatch(match.start, match.end, (NotActor(),))
        nxt = self.tokens[match.end] if match.end < len(self.tokens) else None
        if nxt is None:
            return match
        payloads = []
        for p in match.payloads:
            if isinstance(p, ActorAlias) and nxt is not None:
                entry = self.data.entries[p.name]
                if nxt.text in entry.not_before:
                    continue
                if nxt.glued and nxt.key in self.lex.place_modifiers:
                    # "a Singapore-based think tank": a place, but still a name, so that
                    # nothing else takes it for one.
                    return GazMatch(match.start, match.end, (NotActor(),))
                if nxt.key in self.lex.currency_words and entry.type is ActorType.STATE:
                    # "US$57.6 billion", "per US dollar": a currency
                    return GazMatch(match.start, match.end, (NotActor(),))
                if p.capital and not nxt.is_capitalised and self._descriptor_at(match.end):
                    # "the Brussels consultancy Oberon Strategy": where it is based
                    return GazMatch(match.start, match.end, (NotActor(),))
            payloads.append(p)
        if len(payloads) == len(match.payloads):
            return match
        return GazMatch(match.start, match.end, tuple(payloads)) if payloads else None

    def _roman_numeral(self, i: int) -> bool:
        """Whether token ``i`` is a Roman numeral in capitals ("XI", "IV") in running text;
        in a line of capitals ("XI WARNS TOKYO") it may still be a name."""
        text = self.tokens[i].text
        if _ROMAN.fullmatch(text) is None:
            return False
        beside = [self.tokens[j].text for j in (i - 1, i + 1) if 0 <= j < len(self.tokens)]
        return not any(word.isupper() and len(word) > 1 for word in beside)

    def _descriptor_at(self, i: int) -> bool:
        """Whether a descriptor ("consultancy", "think tank") opens at token ``i``."""
        descriptors = self.data.descriptors
        return any(self.keys[i:i + size] in descriptors for size in (1, 2, 3))

    def _name_words(self) -> tuple[list[bool], list[bool]]:
        """Which tokens may open a person's name, and which may continue one, as far as
        the tokens and the trie matches tell (:meth:`is_name_word` adds what the rules
        consumed since).  Only capitalised words, glued pieces and name particles can be
        either, so only those are visited."""
        lex = self.lex
        particles = lex.name_particles
        never = lex.not_name_words
        tokens = self.tokens
        covered = self.covered
        n = len(tokens)
        first = [False] * n
        nxt = [False] * n
        for i in self.stream.capitalised:
            if i in covered:
                continue
            t = tokens[i]
            text = t.text
            plain = text.isalpha() and text not in never \
                and not (text.isupper() and len(text) > 1)
            first[i] = plain and not t.glued
            if t.newline_before:
                continue  # a name never runs over a line break ("By X" then "X is")
            nxt[i] = text.isalpha() if t.glued or text in particles else plain
            if not plain and 0 < i < n - 1 and tokens[i - 1].text in lex.family_name_first \
                    and tokens[i + 1].glued and tokens[i + 1].text.islower():
                # "Kim You-geun", "Lee Do-hoon": a romanised given name after a family name
                # written first may open with a syllable that is an English word.
                nxt[i] = text.isalpha()
        for i in self.stream.capitalised:
            if tokens[i].text in lex.month_given_names and i not in covered \
                    and i + 2 < n and nxt[i + 1] and nxt[i + 2] \
                    and not tokens[i + 1].newline_before \
                    and (i == 0 or tokens[i - 1].key not in lex.month_name_not_after):
                first[i] = True  # "Jan Christian Vestre": a given name, not January
        for i in self.stream.glued:
            t = tokens[i]
            if t.is_word and i not in covered and not t.newline_before:
                nxt[i] = t.text.isalpha()  # Ching-te's "te"
        for i in self.stream.positions({p.casefold() for p in particles}):
            t = tokens[i]
            if t.text in particles and i not in covered and not t.newline_before:
                nxt[i] = t.text.isalpha()  # von der Leyen's "von"
        return first, nxt

    def tok(self, i: int) -> Token | None:
        """Token ``i``, or ``None`` out of range."""
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def key(self, i: int) -> str:
        """The key of token ``i``, or "" out of range."""
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def span(self, start: int, end: int) -> Span:
        """The text span of tokens ``[start, end)``."""
        return Span.of(self.text, self.tokens[start].begin, self.tokens[end - 1].end)

    def surface(self, start: int, end: int) -> str:
        """The text of tokens ``[start, end)``, white space normalised."""
        return " ".join(self.span(start, end).text.split())

    def payload(self, m: GazMatch | None, cls: type[P]) -> P | None:
        """The first payload of type ``cls`` of a match."""
        if m is None:
            return None
        for p in m.payloads:
            if isinstance(p, cls):
                return p
        return None

    def state_alias(self, m: GazMatch | None) -> str | None:
        """The state (or EU) an alias match names, if it names one."""
        alias = self.payload(m, ActorAlias)
        if alias is not None:
            entry = self.data.entries[alias.name]
            if entry.type is ActorType.STATE or entry.demonyms:
                return alias.name
        return None

    def qualifier_before(self, start: int) -> tuple[str, int] | None:
        """A state qualifying what starts at ``start``: "Japan's", "Japanese", "Tokyo's",
        also over "own" ("Japan's own customs")."""
        if self.key(start - 1) == "own" and start > 1 and self.tokens[start - 2].is_possessive:
            start -= 1
        if self.tok(start - 1) is not None and self.tokens[start - 1].is_possessive:
            m = self.match_ending.get(start - 1)
            state = self.state_alias(m)
            if state and m is not None:
                return state, m.start
            return None
        m = self.match_ending.get(start)
        if m is None:
            return None
        demonym = self.payload(m, Demonym)
        if demonym is not None:
            return demonym.state, m.start
        state = self.state_alias(m)
        if state:
            return state, m.start
        return None

    def state_after(self, i: int, links: tuple[str, ...]) -> tuple[str, int] | None:
        """``in X`` / ``to X`` / ``of X`` at ``i`` where X names a state: (state, end)."""
        if self.key(i) not in links:
            return None
        m = self.match_at.get(i + 1)
        state = self.state_alias(m)
        if state and m is not None:
            return state, m.end
        return None

    def is_name_word(self, i: int, *, first: bool = False) -> bool:
        """A capitalised word that may be part of a person's name."""
        if not 0 <= i < len(self.tokens) or i in self.consumed:
            return False
        return self._name_first[i] if first else self._name_next[i]

    def name_run(self, i: int) -> int:
        """End of the run of name words from ``i`` (``i`` itself when there is none)."""
        if not 0 <= i < len(self.tokens) or not self._name_first[i] or i in self.consumed:
            return i
        j = i + 1
        nxt = self._name_next
        n = len(nxt)
        stops = 0  # an initial's full stops, which do not count as words of the name
        while j - i - stops < NAME_MAX and j < n and j not in self.consumed:
            if nxt[j]:
                j += 1
            elif self._initial_at(j - 1):
                j += 1  # "B. V. R. Subrahmanyam", "John F. Kennedy": past an initial's stop
                stops += 1
            else:
                break
        while j > i + 1 and self.tokens[j - 1].text in self.lex.name_particles:
            j -= 1
        return j

    def _initial_at(self, i: int) -> bool:
        """Whether token ``i`` is an initial of a name: one capital letter, its full stop
        glued to it, and another name word after that on the same line ("B. V. R.
        Subrahmanyam", "M. Mishustin"); a run that ends on the stop ("Plan B.") has none."""
        tokens = self.tokens
        if not (0 <= i < len(tokens) - 2):
            return False
        text = tokens[i].text
        stop, after = tokens[i + 1], tokens[i + 2]
        initial = len(text) == 1 and text.isupper() and text.isalpha() \
            or text in self.lex.name_abbreviations  # "Md. Touhid Hossain"
        return initial \
            and stop.text == "." and stop.begin == tokens[i].end and not after.newline_before \
            and i + 2 not in self.consumed \
            and (self._name_next[i + 2] or self._initial_at(i + 2))

    def add(self, found: Found) -> None:
        """Record a mention and consume its tokens."""
        self.found.append(found)
        self.consumed.update(range(found.start, found.end))

    def person_alias(self, m: GazMatch | None) -> str | None:
        """The known person a match names, if it names one."""
        alias = self.payload(m, ActorAlias)
        if alias is not None and self.data.entries[alias.name].type is ActorType.PERSON:
            return alias.name
        return None


def state_of(data: ActorData, name: str) -> str | None:
    """The state at the root of ``name``'s ``part_of`` chain, if any."""
    seen: set[str] = set()
    current: str | None = name
    while current and current in data.entries and current not in seen:
        seen.add(current)
        entry = data.entries[current]
        if entry.type is ActorType.STATE:
            return current
        current = entry.part_of
    return None


def new_person(ctx: ActorContext, start: int, end: int, *, role: str | None = None,
                affiliation: str | None = None) -> None:
    """A person no table lists, named by tokens ``[start, end)``, with candidate links."""
    name = ctx.surface(start, end)
    ctx.add(Found(name, ActorType.PERSON, start, end, known=False, role=role,
                   affiliation=affiliation))
    link_person(ctx, name, ctx.span(start, end))


def portfolio_end(ctx: ActorContext, i: int) -> int:
    """Past a title's portfolio at token ``i`` ("of Trade, Industry and Energy", "for
    Economy", "of State"): "of" or "for" and capitalised words of ``not_name_words``
    joined by commas, "and" or "&", where the holder's name follows ("Minister of Trade,
    Industry and Energy Sung Yun-mo"); ``i`` itself when no portfolio opens there.

    The portfolio may also be an office named after "the" ("Chancellor of the Exchequer
    Jeremy Hunt"), a state or body the tables know ("ambassador of Ukraine Vasyl Zvarych",
    "Minister of ESDM Arifin Tasrif") or a few lower-case words ("minister of development
    and technology Waldemar Buda", then a name of two words or more); and the name may
    follow it after a comma, as an apposition closed by a comma, a full stop or a speech
    verb ("the Minister of Investment, Rosan Roeslani, told me"): the position returned is
    then the name's, after the comma."""
    if ctx.key(i) not in {"of", "for"}:
        return i
    j = i + 1
    never = ctx.lex.not_name_words
    tokens = ctx.tokens
    office = ctx.key(j) == "the" and ctx.tok(j + 1) is not None \
        and tokens[j + 1].is_capitalised and not tokens[j + 1].newline_before
    if office:
        # "of the Exchequer", "of the Interior": an office's own name, one word (not "of
        # the Trade Control Policy Division", a unit)
        j += 2
    lower = 0
    while not office and j < len(tokens) and not tokens[j].newline_before:
        tok = tokens[j]
        known = _portfolio_match(ctx, j)
        if known is not None:
            j = known
        elif tok.text in never and tok.is_capitalised \
                or ctx.key(j) in {",", "and", "&"} and j > i + 1:
            j += 1
        elif tok.is_word and not tok.is_capitalised and lower < _PORTFOLIO_LOWER \
                and tok.key not in ctx.lex.speech_verbs \
                and tok.text.capitalize() not in ctx.lex.function_words:
            lower += 1
            j += 1
        else:
            break
    while j > i + 1 and ctx.key(j - 1) in {",", "and", "&"}:
        j -= 1  # a name follows the last portfolio word, not a comma or "and"
    if j == i + 1:
        return i
    run = ctx.name_run(j) - j
    if run >= (2 if lower else 1):
        return j
    if ctx.key(j) == ",":
        end = ctx.name_run(j + 1)
        if end - (j + 1) >= 2 and (ctx.key(end) in {",", "."} | ctx.lex.speech_verbs):
            return j + 1  # "the Minister of Investment, Rosan Roeslani, told"
    return i


_PORTFOLIO_LOWER = 4
"""Lower-case words a title's portfolio may take ("of development and technology")."""


def _portfolio_match(ctx: ActorContext, j: int) -> int | None:
    """The end of a state's or a body's known name at token ``j`` inside a portfolio
    ("of Ukraine", "of ESDM"); None at any other token (a person's name ends it)."""
    m = ctx.match_at.get(j)
    alias = ctx.payload(m, ActorAlias)
    if m is None or alias is None or ctx.data.entries[alias.name].type is ActorType.PERSON:
        return None
    return m.end


def link_person(ctx: ActorContext, name: str, span: Span) -> None:
    """Candidate links from a name no table lists to known people it may be."""
    memo = ctx.data.person_links
    scores = memo.get(name)
    if scores is None:
        if len(memo) >= _LINK_MEMO_SIZE:
            memo.clear()  # a bound on memory over a long build
        scores = memo[name] = _person_scores(ctx.data, name)
    for person, score in scores:
        ctx.candidates.append(CandidateLink(mention=span, candidate=person, score=score))


_LINK_MEMO_SIZE = 50_000
"""Names whose candidate links :attr:`ActorData.person_links` keeps."""


def _person_scores(data: ActorData, name: str) -> tuple[tuple[str, float], ...]:
    """The known people ``name`` may be, with scores, in name order: the same family name
    (scored by the given names' likeness), else a close spelling of the whole name."""
    parts = name.replace("-", "").split()
    scores: dict[str, float] = {}
    for part in parts:
        for person in data.persons_by_family.get(part, []):
            entry = data.entries[person]
            others = " ".join(p for p in parts if p != part)
            given = (entry.given or "").replace("-", "")
            similarity = difflib.SequenceMatcher(None, others.lower(), given.lower()).ratio()
            scores[person] = max(scores.get(person, 0.0), round(0.5 + 0.45 * similarity, 3))
    # The text's name is the fixed sequence (difflib caches its index), each known name
    # the varying one.
    text = name.lower()
    matcher = difflib.SequenceMatcher(None, "", text)
    size = len(text)
    letters = frozenset(text)
    by_length = data.person_names_by_length
    bits = data.person_letter_bits
    mask = sum(1 << bits[c] for c in letters if c in bits)
    # Only names whose length lets the ratio reach the threshold (difflib's
    # real_quick_ratio, 2 * shorter / total, done once per length instead of per name).
    for length in sorted(by_length):
        if 2 * min(length, size) / (length + size) < _FUZZY_MIN:
            continue
        for person, lower, known, distinct in by_length[length]:
            if person in scores:
                continue
            # A bound cheaper than difflib's quick_ratio, and never below it: each
            # character one name has and the other lacks leaves at least one unmatched.
            # (The characters both have, counted on the masks: ``known - letters`` holds
            # ``distinct - shared`` of them, ``letters - known`` the rest of ``letters``.)
            shared = (known & mask).bit_count()
            common = min(length - (distinct - shared), size - (len(letters) - shared))
            if 2 * common / (length + size) < _FUZZY_MIN:
                continue
            matcher.set_seq1(lower)
            # The cheap upper bound first: most names are nowhere near.
            if matcher.quick_ratio() < _FUZZY_MIN:
                continue
            ratio = matcher.ratio()
            if ratio >= _FUZZY_MIN:
                scores[person] = round(ratio, 3)
    return tuple(sorted(scores.items()))


def apposition_title(ctx: ActorContext, i: int) -> GazMatch | None:
    """The title match of an apposition starting at token ``i`` (", a spokesperson ...",
    ", the Chinese embassy's deputy chief of mission", ", the consultancy's chief
    economist": a body or a descriptor in the possessive may come first)."""
    opened = ctx.key(i) in DETERMINERS
    if opened:
        i += 1
    body_seen = False
    while True:
        m = ctx.match_at.get(i)
        if m is not None and ctx.payload(m, Title) is not None:
            return m
        if m is None and _noun_modifier(ctx, i):
            # ", a metals trader at ...", ", an energy economist": what they deal in; also
            # without an article in wire style (", chief equity strategist at ...")
            i += 1
            continue
        qualifier = ctx.state_alias(m) if m is not None else None
        if m is not None and (ctx.payload(m, Demonym) is not None or qualifier):
            i = m.end + (1 if ctx.tok(m.end) and ctx.tokens[m.end].is_possessive else 0)
            continue
        if ctx.key(i) in ctx.lex.title_modifiers:
            i += 1
            continue
        if m is not None and not body_seen and _names_a_body(ctx, m):
            # ", a senior Foreign Ministry official", ", a METI official": the body as a
            # modifier of the title
            title = ctx.match_at.get(m.end)
            if title is not None and ctx.payload(title, Title) is not None:
                return title
        if not body_seen:
            end = _possessive_body_end(ctx, i, m)
            if end is not None:
                i, body_seen = end, True
                continue
        return None


def _names_a_body(ctx: ActorContext, m: GazMatch) -> bool:
    """Whether a match names a body: a generic term ("trade ministry") or a known body's,
    company's or organisation's name ("METI")."""
    if ctx.payload(m, KindTerm) is not None:
        return True
    alias = ctx.payload(m, ActorAlias)
    return alias is not None and ctx.data.entries[alias.name].type not in (
        ActorType.PERSON, ActorType.STATE)


_MODIFIER_REACH = 2
"""Lower-case noun modifiers a title may take in an apposition ("a rare earths trader")."""


def _noun_modifier(ctx: ActorContext, i: int) -> bool:
    """Whether token ``i`` is a lower-case word modifying a title that follows within
    :data:`_MODIFIER_REACH` words ("metals" in "a metals trader")."""
    tok = ctx.tok(i)
    if tok is None or not tok.is_word or tok.is_capitalised or not tok.text.isalpha() \
            or tok.key in DETERMINERS:
        return False
    for k in range(i + 1, i + 1 + _MODIFIER_REACH):
        m = ctx.match_at.get(k)
        if m is not None and ctx.payload(m, Title) is not None:
            return True
        nxt = ctx.tok(k)
        if nxt is None or not nxt.is_word or nxt.is_capitalised or not nxt.text.isalpha():
            return False
    return False


def _possessive_body_end(ctx: ActorContext, i: int, m: GazMatch | None) -> int | None:
    """The token after "embassy's" / "consultancy's" / "Mizuho's" opening at ``i``: a
    generic body, a descriptor or a known body, company or outlet in the possessive."""
    end = None
    if m is not None and (ctx.payload(m, KindTerm) is not None or (
            (alias := ctx.payload(m, ActorAlias)) is not None and not alias.capital
            and ctx.data.entries[alias.name].type not in (ActorType.PERSON, ActorType.STATE))):
        end = m.end
    else:
        for size in (3, 2, 1):
            if ctx.keys[i:i + size] in ctx.data.descriptors:
                end = i + size
                break
    if end is None or ctx.tok(end) is None or not ctx.tokens[end].is_possessive:
        return None
    return end + 1


def name_runs(ctx: ActorContext) -> Iterator[tuple[int, int]]:
    """The runs of two or more name words, left to right and without overlap, as (first
    token, end): each is computed when the previous one has been dealt with, so a person
    the caller adds consumes its tokens before the next run is read."""
    i = 0
    for candidate in ctx.stream.capitalised:
        if candidate < i:
            continue
        i = candidate
        end = ctx.name_run(i)
        if end - i >= 2:
            yield i, end
        i = max(end, i)


def body_suffixes(lex: ActorLexicon) -> frozenset[str]:
    """Last words that end a company's, an organisation's, a legal entity's or an outlet's
    name ("Holdings", "Institute", "Ltd", "Times"): such a run names no person."""
    return lex.company_suffixes | lex.organization_suffixes | lex.legal_suffixes \
        | lex.media_suffixes


def token_at(ctx: ActorContext, offset: int) -> int | None:
    """Index of the token covering character ``offset``."""
    return ctx.stream.token_at(offset)


def singulars(word: str) -> tuple[str, ...]:
    """Candidate singulars of a plural noun ("houses": "house", "hous"; "refineries")."""
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return word[:-1], word[:-2]
    return (word[:-1],) if word.endswith("s") and not word.endswith("ss") else (word,)


def organisation_alias(ctx: ActorContext, match: GazMatch) -> bool:
    """Whether a match names a known company, outlet or organisation."""
    alias = ctx.payload(match, ActorAlias)
    return alias is not None and not alias.capital and ctx.data.entries[alias.name].type in (
        ActorType.COMPANY, ActorType.MEDIA, ActorType.ORGANIZATION)


def org_word(ctx: ActorContext, i: int) -> bool:
    """Whether token ``i`` may be a word of an organisation's name."""
    t = ctx.tokens[i]
    return t.is_word and (t.is_capitalised or t.glued) and t.text not in ctx.lex.function_words


def org_run(ctx: ActorContext, i: int) -> int:
    """End of a run of capitalised words from ``i`` that no rule took (a name); "&" may join
    two of them ("Lindqvist & Rao")."""
    j = i
    while j < len(ctx.tokens) and j - i < NAME_MAX + 1 and j not in ctx.covered \
            and j not in ctx.consumed and (j > i or not ctx.tokens[j].glued):
        if org_word(ctx, j):
            j += 1
        elif j > i and ctx.tokens[j].text == "&" and j + 1 < len(ctx.tokens) \
                and j + 1 not in ctx.covered and org_word(ctx, j + 1):
            j += 2
        else:
            break
    return j


ORGANISATIONS = (ActorType.ORGANIZATION, ActorType.COMPANY, ActorType.MEDIA)
