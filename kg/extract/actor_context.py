"""What the actor rules share while they read one article.

:class:`ActorContext` holds an article's tokens, the reference data's trie matches, what
the rules found so far (:class:`Found`) and what they left for the left-to-right pass
(:class:`Pending`).  The helpers here are used by both the composition rules
(:mod:`kg.extract.actors`) and the patterns for names no table lists
(:mod:`kg.extract.actor_patterns`).
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, replace
from typing import TypeVar

from ..model import ActorMention, ActorType, Article, CandidateLink, Span
from .refdata import (
    ActorAlias,
    ActorData,
    Demonym,
    GazMatch,
    NotActor,
    Title,
    Token,
    actor_data,
    heading_tokens,
    tokenize,
)

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


class ActorContext:
    """One article's tokens, gazetteer matches and what the rules found so far."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.data: ActorData = actor_data()
        self.lex = self.data.lexicon
        self.tokens: tuple[Token, ...] = tokenize(article.text)
        self.matches = self.data.gazetteer.scan(self.tokens, accept=self._accept)
        self.match_at: dict[int, GazMatch] = {m.start: m for m in self.matches}
        self.match_ending: dict[int, GazMatch] = {m.end: m for m in self.matches}
        self.covered: set[int] = {i for m in self.matches for i in range(m.start, m.end)}
        self.consumed: set[int] = set()
        self.found: list[Found] = []
        self.pending: list[Pending] = []
        self.candidates: list[CandidateLink] = []
        self.heading = heading_tokens(article.text)
        self.dateline: tuple[int, int, str] | None = None
        """Tokens ``[start, end)`` of the city of a wire dateline ("SEOUL, Jan. 8 (Yonhap)
        --") and the state whose capital it is: where the report was filed, not an actor."""
        self.unplaced: list[ActorMention] = []
        """Actors the article names only outside its text (its header's author and
        publisher): mentions with an empty span."""

    # -- helpers -----------------------------------------------------------------------

    def _accept(self, match: GazMatch) -> GazMatch | None:
        nxt = self.tokens[match.end] if match.end < len(self.tokens) else None
        payloads = []
        for p in match.payloads:
            if isinstance(p, ActorAlias) and nxt is not None:
                entry = self.data.entries[p.name]
                if nxt.text in entry.not_before:
                    continue
                if nxt.glued and nxt.key in self.lex.place_modifiers:
                    # "a Singapore-based think tank": a place, but still a name, so that
                    # nothing else takes it for one.
                    return replace(match, payloads=(NotActor(),))
            payloads.append(p)
        return replace(match, payloads=tuple(payloads)) if payloads else None

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def key(self, i: int) -> str:
        t = self.tok(i)
        return t.key if t else ""

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, self.tokens[start].begin, self.tokens[end - 1].end)

    def surface(self, start: int, end: int) -> str:
        return " ".join(self.span(start, end).text.split())

    def payload(self, m: GazMatch | None, cls: type[P]) -> P | None:
        """The first payload of type ``cls`` of a match."""
        if m is None:
            return None
        return next((p for p in m.payloads if isinstance(p, cls)), None)

    def state_alias(self, m: GazMatch | None) -> str | None:
        """The state (or EU) an alias match names, if it names one."""
        alias = self.payload(m, ActorAlias)
        if alias is not None:
            entry = self.data.entries[alias.name]
            if entry.type is ActorType.STATE or entry.demonyms:
                return alias.name
        return None

    def qualifier_before(self, start: int) -> tuple[str, int] | None:
        """A state qualifying what starts at ``start``: "Japan's", "Japanese", "Tokyo's"."""
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
        t = self.tok(i)
        if t is None or not t.is_word or i in self.covered or i in self.consumed:
            return False
        if not first and t.newline_before:
            return False  # a name never runs over a line break ("By X" then "X is ...")
        if not first and (t.glued or t.text in self.lex.name_particles):
            return t.text.isalpha()  # Ching-te's "te", von der Leyen's "von"
        if first and t.glued or not t.is_capitalised or not t.text.isalpha():
            return False
        if t.text in self.lex.not_name_words or t.text.isupper() and len(t.text) > 1:
            return False
        return True

    def name_run(self, i: int) -> int:
        """End of the run of name words from ``i`` (``i`` itself when there is none)."""
        if not self.is_name_word(i, first=True):
            return i
        j = i + 1
        while j - i < NAME_MAX and self.is_name_word(j):
            j += 1
        while j > i + 1 and self.tokens[j - 1].text in self.lex.name_particles:
            j -= 1
        return j

    def add(self, found: Found) -> None:
        self.found.append(found)
        self.consumed.update(range(found.start, found.end))

    def person_alias(self, m: GazMatch | None) -> str | None:
        alias = self.payload(m, ActorAlias)
        if alias is not None and self.data.entries[alias.name].type is ActorType.PERSON:
            return alias.name
        return None


def state_of(data: ActorData, name: str) -> str | None:
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
    name = ctx.surface(start, end)
    ctx.add(Found(name, ActorType.PERSON, start, end, known=False, role=role,
                   affiliation=affiliation))
    link_person(ctx, name, ctx.span(start, end))


def link_person(ctx: ActorContext, name: str, span: Span) -> None:
    """Candidate links from a name no table lists to known people it may be."""
    parts = name.replace("-", "").split()
    scores: dict[str, float] = {}
    for part in parts:
        for person in ctx.data.persons_by_family.get(part, []):
            entry = ctx.data.entries[person]
            others = " ".join(p for p in parts if p != part)
            given = (entry.given or "").replace("-", "")
            similarity = difflib.SequenceMatcher(None, others.lower(), given.lower()).ratio()
            scores[person] = max(scores.get(person, 0.0), round(0.5 + 0.45 * similarity, 3))
    # The text's name is the fixed sequence (difflib caches its index), each known name
    # the varying one.
    matcher = difflib.SequenceMatcher(None, "", name.lower())
    for person, lower in ctx.data.person_names:
        if person in scores:
            continue
        matcher.set_seq1(lower)
        # The cheap upper bounds first: most names are nowhere near.
        if matcher.real_quick_ratio() < _FUZZY_MIN or matcher.quick_ratio() < _FUZZY_MIN:
            continue
        ratio = matcher.ratio()
        if ratio >= _FUZZY_MIN:
            scores[person] = round(ratio, 3)
    for person, score in sorted(scores.items()):
        ctx.candidates.append(CandidateLink(mention=span, candidate=person, score=score))


def apposition_title(ctx: ActorContext, i: int) -> GazMatch | None:
    """The title match of an apposition starting at token ``i`` (", a spokesperson ...")."""
    if ctx.key(i) in DETERMINERS:
        i += 1
    while True:
        m = ctx.match_at.get(i)
        if m is not None and ctx.payload(m, Title) is not None:
            return m
        qualifier = ctx.state_alias(m) if m is not None else None
        if m is not None and (ctx.payload(m, Demonym) is not None or qualifier):
            i = m.end + (1 if ctx.tok(m.end) and ctx.tokens[m.end].is_possessive else 0)
            continue
        if ctx.key(i) in ctx.lex.title_modifiers:
            i += 1
            continue
        return None


def token_at(ctx: ActorContext, offset: int) -> int | None:
    """Index of the token covering character ``offset``."""
    i = bisect.bisect_right([t.begin for t in ctx.tokens], offset) - 1
    if 0 <= i < len(ctx.tokens) and ctx.tokens[i].begin <= offset < ctx.tokens[i].end:
        return i
    return None
