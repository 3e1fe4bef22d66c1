"""Find the actors an article names: states, government bodies, companies, media, people.

One scan of the article's tokens against the reference data's trie
(:mod:`kg.extract.refdata`) finds known names, nationality words, generic body names
("foreign ministry"), titles and courtesy titles.  Rules then combine them, in three
passes:

1. *Compositions and patterns*, independent of order: a state before a generic body names
   that state's body ("Japan's foreign ministry", "the Chinese Embassy in Tokyo"); a title
   before a name gives the person a role ("Vice Foreign Minister Takehiro Funakoshi"); a
   title with no name names the holder of a unique office on the article's date ("Japan's
   Prime Minister"); capitalised names that no table lists are taken for people after a
   title or a courtesy title, before an apposition ("X, a spokesperson for ...") and before
   a verb of saying, and for organisations when they end in a company or institute word;
   anonymous sources ("a Japanese government source") are people named "unnamed ...".
2. *References back*, left to right: a bare generic body ("the ministry") is the latest
   body of that kind named before it; an embassy with no host is in the state the article
   names most; a family name alone ("Kanai", "Mr. Kanai") is the person named in full
   before it -- for a name that is also a common word ("He") only when a title precedes it
   or a verb of saying follows it.
3. *Appositions*: the role and affiliation after a name ("He Yadong, a spokesperson for
   the ministry") are read once every mention is known.

Whatever is uncertain (a name sharing a family name with a known person, a near spelling,
a family name two people share) becomes a :class:`~kg.model.CandidateLink`, never a merge.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from dataclasses import dataclass, replace
from typing import TypeVar

from ..model import ActorMention, ActorType, Article, CandidateLink, Span
from .refdata import (
    ActorAlias,
    ActorData,
    Demonym,
    GazMatch,
    Honorific,
    KindTerm,
    NotActor,
    Title,
    Token,
    actor_data,
    heading_tokens,
    tokenize,
)

P = TypeVar("P")

_DETERMINERS = {"the", "a", "an"}
_INDEFINITE = {"a", "an", "one"}
_CLAUSE_END = {".", ";", ":", "!", "?", "(", ")", "—", "–", "“", "”", '"'}
_FUNCTION_WORDS = {"the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "by", "this",
                   "that", "these", "those", "it", "he", "she", "they", "we", "said", "says"}
_UNIT_WORDS = {"Bureau", "Department", "Division", "Office", "Section", "Agency"}
_NAME_MAX = 4
_BYLINE_LINES = 8
_FUZZY_MIN = 0.85


@dataclass
class _Found:
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
class _Pending:
    """Something resolved in the second pass, left to right."""

    what: str  # "refer" (bare generic body), "embassy" (no host), "surname"
    start: int
    end: int
    kind: str | None = None
    state: str | None = None
    mention_start: int | None = None


class _Context:
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
        self.found: list[_Found] = []
        self.pending: list[_Pending] = []
        self.candidates: list[CandidateLink] = []
        self.heading = heading_tokens(article.text)

    # -- helpers -----------------------------------------------------------------------

    def _accept(self, match: GazMatch) -> GazMatch | None:
        nxt = self.tokens[match.end] if match.end < len(self.tokens) else None
        payloads = []
        for p in match.payloads:
            if isinstance(p, ActorAlias) and nxt is not None:
                entry = self.data.entries[p.name]
                if nxt.text in entry.not_before:
                    continue
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
        while j - i < _NAME_MAX and self.is_name_word(j):
            j += 1
        while j > i + 1 and self.tokens[j - 1].text in self.lex.name_particles:
            j -= 1
        return j

    def add(self, found: _Found) -> None:
        self.found.append(found)
        self.consumed.update(range(found.start, found.end))

    def person_alias(self, m: GazMatch | None) -> str | None:
        alias = self.payload(m, ActorAlias)
        if alias is not None and self.data.entries[alias.name].type is ActorType.PERSON:
            return alias.name
        return None


# ---------------------------------------------------------------------------------------
# Pass 1: compositions and patterns


def _anonymous_sources(ctx: _Context) -> None:
    """Unnamed people: "a Japanese government source", "a senior official" (one person,
    after an indefinite article and at least one modifier) and "Japanese industry insiders"
    (a group: a nationality, at least one more modifier and a plural noun)."""
    nouns = ctx.lex.anonymous_nouns
    plurals = {noun + "s" for noun in nouns}
    start = 0
    while start < len(ctx.tokens):
        indefinite = ctx.key(start) in _INDEFINITE
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
        ctx.add(_Found(name, ActorType.PERSON, start, end, known=False))
        start = end


def _anonymous_modifiers(ctx: _Context, j: int) -> tuple[int, int, bool]:
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


def _compose(ctx: _Context) -> None:
    """Generic bodies, titles, courtesy titles and plain known names."""
    for m in ctx.matches:
        if any(i in ctx.consumed for i in range(m.start, m.end)):
            continue
        kind = ctx.payload(m, KindTerm)
        if kind is not None:
            _generic_body(ctx, m, kind.kind)
        elif ctx.payload(m, Title) is not None:
            _title(ctx, m)
        elif ctx.payload(m, Honorific) is not None:
            _honorific(ctx, m)
    for m in ctx.matches:
        alias = ctx.payload(m, ActorAlias)
        if alias is None or ctx.payload(m, NotActor) is not None:
            continue
        if any(i in ctx.consumed for i in range(m.start, m.end)):
            continue
        entry = ctx.data.entries[alias.name]
        if entry.type is ActorType.PERSON and m.end - m.start == 1 \
                and ctx.tokens[m.start].text == entry.family:
            end = ctx.name_run(m.end)
            if end > m.end:  # "Xi Jingping": another full name, at most a candidate
                _new_person(ctx, m.start, end)
                continue
        ctx.add(_Found(entry.name, entry.type, m.start, m.end, known=True,
                       role=entry.role, affiliation=entry.affiliation, part_of=entry.part_of,
                       kinds=entry.kinds, state=_state_of(ctx.data, entry.name)))


def _state_of(data: ActorData, name: str) -> str | None:
    seen: set[str] = set()
    current: str | None = name
    while current and current in data.entries and current not in seen:
        seen.add(current)
        entry = data.entries[current]
        if entry.type is ActorType.STATE:
            return current
        current = entry.part_of
    return None


def _generic_body(ctx: _Context, m: GazMatch, kind_id: str) -> None:
    spec = ctx.data.kinds[kind_id]
    qualifier = ctx.qualifier_before(m.start)
    nxt = ctx.key(m.end)
    if kind_id == "government" and (nxt in ctx.lex.anonymous_nouns
                                    or nxt.rstrip("s") in ctx.lex.anonymous_nouns):
        return  # "government officials": a modifier, not the government acting
    start, end, state = m.start, m.end, None
    if qualifier is not None:
        state, start = qualifier
    else:
        after = ctx.state_after(m.end, ("of",))
        if after is not None:
            state, end = after[0], after[1]
    if state is None:
        # "the Ministry of Commerce (MOFCOM)": the name in parentheses says which.
        known = ctx.payload(ctx.match_at.get(m.end + 1), ActorAlias)
        if ctx.key(m.end) == "(" and known is not None \
                and kind_id in ctx.data.entries[known.name].kinds:
            entry = ctx.data.entries[known.name]
            ctx.add(_Found(entry.name, entry.type, m.start, m.end, known=True,
                           part_of=entry.part_of, kinds=entry.kinds,
                           state=_state_of(ctx.data, entry.name), apposition=False))
            return
        if spec.refers_back:
            ctx.pending.append(_Pending("refer", m.start, m.end, kind=kind_id))
            ctx.consumed.update(range(m.start, m.end))
        return
    if spec.id == "government":
        ctx.add(_Found(state, ActorType.STATE, start, end, known=True, apposition=False))
        return
    if spec.id == "ministry":
        ctx.pending.append(_Pending("refer", start, end, kind=kind_id, state=state))
        ctx.consumed.update(range(start, end))
        return
    host = None
    if "{host}" in spec.template:
        after = ctx.state_after(end, ("in", "to"))
        if after is not None:
            host, end = after
        elif ctx.key(end) == "in" and ctx.is_name_word(end + 1, first=True):
            host_end = ctx.name_run(end + 1)
            host = ctx.surface(end + 1, host_end)
            end = host_end
    name = ctx.data.body_name(kind_id, state, host)
    if name is None:
        return
    known = name in ctx.data.entries
    part_of = (ctx.data.entries[name].part_of if known
               else ctx.data.body_name(spec.part_of_kind, state) if spec.part_of_kind
               else state)
    kinds = ctx.data.entries[name].kinds if known else (kind_id,)
    ctx.add(_Found(name, spec.type, start, end, known=known, part_of=part_of, kinds=kinds,
                   state=state))
    if "{host}" in spec.template and host is None:
        ctx.pending.append(_Pending("embassy", start, end, kind=kind_id, state=state,
                                    mention_start=len(ctx.found) - 1))


def _title(ctx: _Context, m: GazMatch) -> None:
    """A title before a name gives a role; with no name, a unique office's holder."""
    offices = [p.office for p in m.payloads if isinstance(p, Title) and p.office]
    office = offices[0] if offices else None
    qualifier = ctx.qualifier_before(m.start)
    state = qualifier[0] if qualifier else None
    role = ctx.surface(m.start, m.end)
    begin = qualifier[1] if qualifier else m.start
    former = ctx.key(begin - 1) in {"former", "ex", "late", "then"}
    # "Foreign Ministry spokesperson X", "Goldman Sachs analyst X": the body before the title.
    employer = _body_ending_at(ctx, m.start) if qualifier is None else None
    nxt = ctx.match_at.get(m.end)
    person = ctx.person_alias(nxt)
    if person is not None and nxt is not None:
        entry = ctx.data.entries[person]
        ctx.add(_Found(person, ActorType.PERSON, nxt.start, nxt.end, known=True, role=role,
                       affiliation=employer or state or entry.affiliation, apposition=True))
        ctx.consumed.update(range(begin, m.end))
        return
    end = ctx.name_run(m.end)
    if end > m.end and (end - m.end >= 2 or m.end not in ctx.heading):
        _new_person(ctx, m.end, end, role=role, affiliation=employer or state)
        ctx.consumed.update(range(begin, m.end))
        return
    # "China's ambassador to Japan, Wu Jianghao", "U.S. Ambassador to Japan George Glass":
    # a name after the title's host or after a comma.
    host_info = ctx.state_after(m.end, ("to", "in"))
    after = host_info[1] if host_info else m.end
    affiliation = state
    if host_info:
        role = ctx.surface(m.start, after)
        if office == "ambassador" and state:
            affiliation = ctx.data.body_name("embassy", state, host_info[0])
    name_at = after + 1 if ctx.key(after) == "," else after
    if name_at != m.end:
        nm = ctx.match_at.get(name_at)
        person = ctx.person_alias(nm)
        if person is not None and nm is not None:
            ctx.add(_Found(person, ActorType.PERSON, nm.start, nm.end, known=True, role=role,
                           affiliation=affiliation or ctx.data.entries[person].affiliation))
            ctx.consumed.update(range(begin, after))
            return
        end = ctx.name_run(name_at)
        if end - name_at >= 2 and (name_at == after
                                   or ctx.key(end) in {",", "."} | ctx.lex.speech_verbs):
            _new_person(ctx, name_at, end, role=role, affiliation=affiliation)
            ctx.consumed.update(range(begin, after))
            return
    if office is None or state is None or former:
        return
    when = ctx.article.anchor_date
    host = host_info[0] if host_info else None
    per_host = ctx.data.offices[office].per_host
    if per_host and host is None:
        return
    holder = ctx.data.holder(office, state, when, host if per_host else None) if when else None
    span_end = after if host_info else m.end
    if holder is None:
        return
    entry = ctx.data.entries[holder]
    ctx.add(_Found(holder, ActorType.PERSON, begin, span_end, known=True, role=role,
                   affiliation=state if not per_host else entry.affiliation, apposition=False))


def _body_ending_at(ctx: _Context, end: int) -> str | None:
    """A body, company, outlet or organisation named right before token ``end``."""
    for found in reversed(ctx.found):
        if found.end == end and found.type not in (ActorType.PERSON, ActorType.STATE):
            return found.name
    alias = ctx.payload(ctx.match_ending.get(end), ActorAlias)
    if alias is not None and not alias.capital:
        entry = ctx.data.entries[alias.name]
        if entry.type not in (ActorType.PERSON, ActorType.STATE):
            return entry.name
    return None


def _honorific(ctx: _Context, m: GazMatch) -> None:
    """"Mr. Kanai": a known person, else a name resolved later or a new person."""
    nxt = ctx.match_at.get(m.end)
    if ctx.person_alias(nxt) is not None:
        ctx.consumed.update(range(m.start, m.end))
        return
    end = ctx.name_run(m.end)
    if end == m.end:
        return
    ctx.pending.append(_Pending("surname", m.start, end, mention_start=m.end))
    ctx.consumed.update(range(m.start, end))


def _new_person(ctx: _Context, start: int, end: int, *, role: str | None = None,
                affiliation: str | None = None) -> None:
    name = ctx.surface(start, end)
    ctx.add(_Found(name, ActorType.PERSON, start, end, known=False, role=role,
                   affiliation=affiliation))
    _link_person(ctx, name, ctx.span(start, end))


def _link_person(ctx: _Context, name: str, span: Span) -> None:
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
    for person, entry in ctx.data.entries.items():
        if entry.type is not ActorType.PERSON or person in scores:
            continue
        ratio = difflib.SequenceMatcher(None, name.lower(), person.lower()).ratio()
        if ratio >= _FUZZY_MIN:
            scores[person] = round(ratio, 3)
    for person, score in sorted(scores.items()):
        ctx.candidates.append(CandidateLink(mention=span, candidate=person, score=score))


def _pattern_people(ctx: _Context) -> None:
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
        apposition = ctx.key(end) == "," and _apposition_title(ctx, end + 1) is not None
        speech = ctx.key(end) in ctx.lex.speech_verbs and i not in ctx.heading
        said_before = previous in {"said", "says"} and ctx.key(end) in {",", "."}
        if length >= 2 and (apposition or speech or said_before):
            _new_person(ctx, i, end)
        i = end


def _apposition_title(ctx: _Context, i: int) -> GazMatch | None:
    """The title match of an apposition starting at token ``i`` (", a spokesperson ...")."""
    if ctx.key(i) in _DETERMINERS:
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


def _pattern_organizations(ctx: _Context) -> None:
    """Capitalised names ending in a company or institute word; "according to X"."""
    lex = ctx.lex
    i = 0
    n = len(ctx.tokens)
    while i < n:
        t = ctx.tokens[i]
        lead = ctx.match_at.get(i) if i in ctx.covered else None
        if lead is not None and (ctx.state_alias(lead) or ctx.payload(lead, Demonym)) \
                and lead.end < n and \
                lead.end not in ctx.covered and ctx.tokens[lead.end].is_capitalised:
            j = lead.end  # "Japan Institute for ...": a state's name opens the name
        elif (not t.is_word or not t.is_capitalised or i in ctx.covered or i in ctx.consumed
                or t.text in lex.not_name_words or i in ctx.heading):
            i += 1
            continue
        else:
            j = i + 1
        last_word = j - 1
        while j < n:
            tj = ctx.tokens[j]
            if j in ctx.covered or j in ctx.consumed:
                break
            if tj.is_word and (tj.is_capitalised or tj.glued) and (
                    j > i and tj.key not in _FUNCTION_WORDS
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
                    and ctx.tokens[j + 1].is_capitalised:
                j += 1
            else:
                break
        end = last_word + 1
        last = ctx.tokens[last_word].text
        suffixes = lex.company_suffixes | lex.organization_suffixes
        if all(ctx.tokens[k].text in suffixes or not ctx.tokens[k].is_capitalised
               for k in range(i, end)):
            pass  # "Holdings Corp" after "Panasonic": the rest of a known name
        elif last_word > i and last in lex.company_suffixes:
            ctx.add(_Found(ctx.surface(i, end), ActorType.COMPANY, i, end, known=False))
        elif last_word > i and (last in lex.organization_suffixes or any(
                ctx.tokens[k].text in lex.organization_suffixes
                and ctx.key(k + 1) in {"for", "of", "on"} for k in range(i, end))):
            ctx.add(_Found(ctx.surface(i, end), ActorType.ORGANIZATION, i, end, known=False))
        elif ctx.key(i - 1) == "to" and ctx.key(i - 2) == "according" and end - i <= _NAME_MAX \
                and lead is None:
            ctx.add(_Found(ctx.surface(i, end), ActorType.ORGANIZATION, i, end, known=False))
        i = max(end, i + 1)


def _byline_and_publisher(ctx: _Context) -> None:
    article = ctx.article
    author = article.metadata_spans.get("author")
    if author is not None:
        start = _token_at(ctx, author.begin)
        stop = _token_at(ctx, author.end - 1)
        if start is not None and stop is not None and not any(
                f.start <= start < f.end for f in ctx.found):
            ctx.add(_Found(" ".join(author.text.split()), ActorType.PERSON, start, stop + 1,
                           known=False, role="author", apposition=False))
    else:
        _byline_names(ctx)
    publisher = article.metadata.publisher
    if publisher:
        pub_tokens = [t.key for t in tokenize(publisher)]
        size = len(pub_tokens)
        known = ctx.data.alias_map.get(" ".join(pub_tokens))
        for i in range(len(ctx.tokens) - size + 1):
            if [t.key for t in ctx.tokens[i:i + size]] != pub_tokens:
                continue
            if any(k in ctx.consumed for k in range(i, i + size)):
                continue
            name = known or publisher
            actor_type = ctx.data.entries[name].type if known else ActorType.MEDIA
            ctx.add(_Found(name, actor_type, i, i + size, known=bool(known), apposition=False))


def _byline_names(ctx: _Context) -> None:
    """"By Jane Roe and John Doe" near the top: each name is an author."""
    lines = 0
    for tok in ctx.tokens:
        if tok.newline_before:
            lines += 1
        if lines > _BYLINE_LINES:
            return
        if not (tok.newline_before and tok.text == "By"):
            continue
        i = tok.index + 1
        while True:
            end = ctx.name_run(i)
            if end - i < 2:
                return
            ctx.add(_Found(ctx.surface(i, end), ActorType.PERSON, i, end, known=False,
                           role="author", apposition=False))
            if ctx.key(end) == "," and ctx.key(end + 1) == "and":
                i = end + 2
            elif ctx.key(end) in {",", "and", "&"}:
                i = end + 1
            else:
                return


def _token_at(ctx: _Context, offset: int) -> int | None:
    """Index of the token covering character ``offset``."""
    i = bisect.bisect_right([t.begin for t in ctx.tokens], offset) - 1
    if 0 <= i < len(ctx.tokens) and ctx.tokens[i].begin <= offset < ctx.tokens[i].end:
        return i
    return None


# ---------------------------------------------------------------------------------------
# Pass 2: references back, left to right


def _refer_back(ctx: _Context) -> None:
    """Resolve bare generic bodies, hostless embassies and lone family names in text order."""
    registry: dict[str, list[str]] = {}
    found_sorted = sorted(ctx.found, key=lambda f: f.start)
    # States named, directly or as the state of a body, for an embassy's host.
    state_counts = Counter(f.name if f.type is ActorType.STATE else f.state for f in ctx.found
                           if f.type is ActorType.STATE or f.state)
    events: list[tuple[int, int, object]] = [(f.start, 0, f) for f in found_sorted]
    events += [(p.start, 1, p) for p in ctx.pending]
    for i in _bare_name_tokens(ctx):
        events.append((i, 2, _Pending("surname", i, i + 1, mention_start=i)))
    events.sort(key=lambda e: (e[0], e[1]))
    resolved: list[_Found] = []
    for _, _, item in events:
        if isinstance(item, _Found):
            resolved.append(item)
            _register(ctx, item, registry)
        elif isinstance(item, _Pending) and item.what == "refer":
            target = _latest_body(ctx, resolved, item)
            if target is not None:
                found = _Found(target.name, target.type, item.start, item.end,
                               known=target.known, part_of=target.part_of,
                               kinds=target.kinds, state=target.state, apposition=False)
                ctx.found.append(found)
                resolved.append(found)
        elif isinstance(item, _Pending) and item.what == "embassy":
            _embassy_host(ctx, item, state_counts)
        elif isinstance(item, _Pending) and item.what == "surname":
            found = _surname(ctx, item, registry)
            if found is not None:
                ctx.found.append(found)
                resolved.append(found)
                _register(ctx, found, registry)


def _bare_name_tokens(ctx: _Context) -> list[int]:
    """Single capitalised words outside every match: possible family names alone."""
    out = []
    for t in ctx.tokens:
        i = t.index
        if (i in ctx.covered or i in ctx.consumed or not t.is_word or not t.is_capitalised
                or t.glued):
            continue
        if t.text in ctx.lex.not_name_words and t.text not in ctx.lex.pronoun_like_names:
            continue
        nxt = ctx.tok(i + 1)
        if nxt is not None and nxt.is_word and nxt.is_capitalised and not nxt.glued \
                and i + 1 not in ctx.covered:
            continue  # part of a longer name no rule took
        out.append(i)
    return out


def _register(ctx: _Context, found: _Found, registry: dict[str, list[str]]) -> None:
    if found.type is not ActorType.PERSON or found.name.startswith("unnamed "):
        return
    entry = ctx.data.entries.get(found.name)
    parts: list[str] = []
    if entry is not None and entry.family:
        parts.append(entry.family)
    elif entry is None:
        parts.extend(t.text for t in ctx.tokens[found.start:found.end]
                     if t.is_word and t.is_capitalised and not t.glued
                     and t.text not in ctx.lex.honorifics)
    for part in parts:
        names = registry.setdefault(part, [])
        if found.name not in names:
            names.append(found.name)


def _latest_body(ctx: _Context, resolved: list[_Found], item: _Pending) -> _Found | None:
    if item.kind is None:
        return None
    spec = ctx.data.kinds[item.kind]
    generic = spec.id == spec.family  # "the ministry": any ministry
    for found in reversed(resolved):
        if not found.kinds or (item.state and found.state != item.state):
            continue
        if item.kind in found.kinds or generic and any(
                ctx.data.kinds[k].family == spec.family for k in found.kinds):
            return found
    return None


def _embassy_host(ctx: _Context, item: _Pending, counts: Counter[str]) -> None:
    """An embassy with no host named is in the state the article names most."""
    if item.mention_start is None or item.state is None or item.kind is None:
        return
    others = [(n, -min(f.start for f in ctx.found if n in (f.name, f.state)))
              for n in counts if n and n != item.state]
    if not others:
        return
    host = max(others, key=lambda o: (counts[o[0]], o[1]))[0]
    found = ctx.found[item.mention_start]
    name = ctx.data.body_name(item.kind, item.state, host)
    if name:
        ctx.found[item.mention_start] = replace(found, name=name,
                                                known=name in ctx.data.entries)


def _surname(ctx: _Context, item: _Pending, registry: dict[str, list[str]]) -> _Found | None:
    start = item.mention_start if item.mention_start is not None else item.start
    word = ctx.tokens[start].text
    names = registry.get(word, [])
    titled = item.start < start or ctx.payload(ctx.match_ending.get(start), Title) is not None
    speaking = ctx.key(start + 1) in ctx.lex.speech_verbs or (
        ctx.tok(start + 1) is not None and ctx.tokens[start + 1].is_possessive)
    if word in ctx.lex.pronoun_like_names and not (titled or ctx.key(start + 1)
                                                    in ctx.lex.speech_verbs):
        return None
    if len(names) == 1:
        name = names[0]
        entry = ctx.data.entries.get(name)
        return _Found(name, ActorType.PERSON, item.start, item.end, known=entry is not None,
                      role=entry.role if entry else None,
                      affiliation=entry.affiliation if entry else None)
    span = ctx.span(item.start, item.end)
    if len(names) > 1:
        for name in names:
            ctx.candidates.append(CandidateLink(span, name, round(1 / len(names), 3)))
        return None
    if item.start < start and item.end - start >= 1 and (titled or speaking):
        # "Mr. Tanaka" with no earlier full name: a person the tables do not list.
        name = ctx.surface(start, item.end)
        _link_person(ctx, name, ctx.span(start, item.end))
        return _Found(name, ActorType.PERSON, item.start, item.end, known=False)
    return None


# ---------------------------------------------------------------------------------------
# Pass 3: appositions


def _appositions(ctx: _Context) -> None:
    by_start = sorted(ctx.found, key=lambda f: f.start)
    for found in by_start:
        if found.type is not ActorType.PERSON or not found.apposition:
            continue
        if ctx.key(found.end) != ",":
            continue
        title = _apposition_title(ctx, found.end + 1)
        if title is None:
            continue
        end = title.end
        while end < len(ctx.tokens) and ctx.key(end) not in _CLAUSE_END and ctx.key(end) != "," \
                and ctx.key(end) not in ctx.lex.speech_verbs:
            end += 1
        inside = [f for f in by_start if title.end <= f.start and f.end <= end
                  and f.type is not ActorType.PERSON]
        role = ctx.surface(title.start, title.end)
        units = _unit_name(ctx, title.end, end)
        if units:
            role = f"{role}, {units}"
        elif ctx.key(title.end) in {"to", "in"} and inside and inside[0].type is ActorType.STATE \
                and inside[0].start == title.end + 1:
            role = ctx.surface(title.start, inside[0].end)
        found.role = role
        if inside:
            # The body or organisation named, else the state ("a professor at the
            # University of X", "managing director of the China practice at Eurasia Group").
            bodies = [f for f in inside if f.type is not ActorType.STATE]
            found.affiliation = (bodies or inside)[0].name


def _unit_name(ctx: _Context, start: int, end: int) -> str | None:
    """A sub-unit named in a role ("the Asian and Oceanian Affairs Bureau")."""
    for j in range(start, end):
        if ctx.tokens[j].text in _UNIT_WORDS and ctx.tokens[j].is_capitalised:
            k = j
            while k - 1 >= start and (ctx.tokens[k - 1].is_capitalised
                                      or ctx.key(k - 1) in {"and", "of"}) \
                    and not ctx.tokens[k - 1].is_possessive:
                k -= 1
            while k < j and not ctx.tokens[k].is_capitalised:
                k += 1
            if k < j:
                return ctx.surface(k, j + 1)
    return None


# ---------------------------------------------------------------------------------------


def find_actors(article: Article) -> tuple[list[ActorMention], list[CandidateLink]]:
    """Return the actors named in ``article`` (one per mention, sorted by span) and
    uncertain candidate links."""
    ctx = _Context(article)
    _anonymous_sources(ctx)
    _pattern_organizations(ctx)
    _compose(ctx)
    _pattern_people(ctx)
    _byline_and_publisher(ctx)
    _refer_back(ctx)
    _appositions(ctx)
    mentions: dict[tuple[int, int], ActorMention] = {}
    for f in ctx.found:
        span = ctx.span(f.start, f.end)
        entry = ctx.data.entries.get(f.name)
        mention = ActorMention(
            name=f.name, type=f.type, span=span,
            role=f.role or (entry.role if entry else None),
            affiliation=f.affiliation or (entry.affiliation if entry else None),
            part_of=f.part_of or (entry.part_of if entry else None),
            known=f.known,
        )
        mentions.setdefault((span.begin, span.end), mention)
    ordered = [mentions[k] for k in sorted(mentions)]
    candidates = sorted(set(_freeze(c) for c in ctx.candidates))
    return ordered, [CandidateLink(Span(b, e, t), name, score) for b, e, t, name, score
                     in candidates]


def _freeze(c: CandidateLink) -> tuple[int, int, str, str, float]:
    return (c.mention.begin, c.mention.end, c.mention.text, c.candidate, c.score)


