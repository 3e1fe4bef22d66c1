"""The records of the actor reference data: what :mod:`kg.extract.refdata` reads
``kg/data/actors.toml`` into (entries, offices, the lexicon of name-finding words, the
citation frames, the payloads of the actor trie) and the :class:`ActorData` that holds them.

Split from :mod:`kg.extract.refdata` (which reads, checks and caches them, and re-exports
these names) when that module passed 800 lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import ActorType
from .body_names import remit_first_names
from .gazetteer import Gazetteer


@dataclass(frozen=True)
class OfficeTerm:
    """A unique office held by a person for a state, with the dates of the term."""

    office: str
    of: str
    to: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, when: dt.date) -> bool:
        """Whether the term includes ``when`` (start inclusive, end exclusive)."""
        if self.start is None or when < self.start:
            return False
        return self.end is None or when < self.end


@dataclass(frozen=True)
class ActorEntry:
    """One real-world actor of the reference data."""

    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    part_of: str | None = None
    role: str | None = None
    affiliation: str | None = None
    kinds: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    given: str | None = None
    family: str | None = None
    east_asian: bool = False
    family_first: bool = False
    short: bool = False
    garbled: tuple[str, ...] = ()
    offices: tuple[OfficeTerm, ...] = ()
    not_before: tuple[str, ...] = ()

    def names(self) -> list[str]:
        """Every surface name of the entry: name, aliases, both orders, garbled forms."""
        out = [self.name, *self.aliases]
        if self.given and self.family:
            western, eastern = f"{self.given} {self.family}", f"{self.family} {self.given}"
            out.append(eastern if self.family_first else western)
            if self.east_asian:
                out.append(western if self.family_first else eastern)
        out.extend(self.garbled)
        if self.type is ActorType.GOVERNMENT_BODY:
            out.extend(remit_first_names(out))  # "Economy, Trade and Industry Ministry"
        if self.short and self.family:
            out.append(self.family)
        return list(dict.fromkeys(out))


@dataclass(frozen=True)
class BodyKind:
    """A generic body every state may have ("foreign ministry"), see actors.toml."""

    id: str
    terms: tuple[str, ...]
    template: str
    type: ActorType
    family: str | None = None
    refers_back: bool = True
    part_of_kind: str | None = None
    venue: bool = False
    """A chamber where things are said: alone after "told", "in", "before" ("told
    parliament") it is the venue, not an actor."""
    chamber_of: tuple[str, ...] = ()
    """Kinds of legislature this kind is a chamber of: a bare "the Senate" after "the
    Philippine Congress" is that state's Senate."""


@dataclass(frozen=True)
class Office:
    """A unique office ("prime minister") and the titles that name it."""

    id: str
    titles: tuple[str, ...]
    per_host: bool = False
    holders: tuple[str, ...] = ()
    """For a word naming whoever leads a state ("the Japanese leader"): the offices whose
    holder it names, the first the tables list a holder of for the state."""


@dataclass(frozen=True)
class ActorLexicon:
    """Trigger words of the actor patterns (``[lexicon]`` of actors.toml)."""

    honorifics: frozenset[str]
    title_modifiers: frozenset[str]
    titles: tuple[str, ...]
    speech_verbs: frozenset[str]
    not_name_words: frozenset[str]
    pronoun_like_names: frozenset[str]
    family_name_first: frozenset[str]
    name_particles: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymous_modifiers: frozenset[str]
    company_suffixes: frozenset[str]
    organization_suffixes: frozenset[str]
    not_actors: tuple[str, ...]
    function_words: frozenset[str] = frozenset()
    media_suffixes: frozenset[str] = frozenset()
    weak_suffixes: frozenset[str] = frozenset()
    state_body_suffixes: frozenset[str] = frozenset()
    """Last words of a state's agency named after the state ("Japan Tourism Agency")."""
    month_given_names: frozenset[str] = frozenset()
    """Months (among ``not_name_words``) that are also given names: one may open a full
    name of three words ("Jan Christian Vestre")."""
    month_name_not_after: frozenset[str] = frozenset()
    """Words of time before which such a month is the month ("in May", "since June")."""
    place_modifiers: frozenset[str] = frozenset()
    anonymous_quantifiers: frozenset[str] = frozenset()
    """Numbers and quantifiers that may open a group of unnamed sources ("Two officials")."""
    anonymous_groups: frozenset[str] = frozenset()
    """Plural nouns that name unnamed sources with one modifier ("government sources")."""
    source_verbs: frozenset[str] = frozenset()
    """Verbs besides ``speech_verbs`` by which an unnamed person is a source ("put it")."""
    informed_relations: tuple[str, ...] = ()
    """What unnamed people are to what they know ("familiar with", "close to")."""
    name_abbreviations: frozenset[str] = frozenset()
    """Abbreviated given names whose stop sits inside a name ("Md. Touhid Hossain")."""
    outlet_citing_words: frozenset[str] = frozenset()
    """Words by which an outlet cites its unnamed sources ("citing people familiar ...")."""
    size_words: frozenset[str] = frozenset()
    """Words of a company's size left out of an unnamed person's employer ("mid-sized")."""
    citing_words: frozenset[str] = frozenset()
    """Words before an unnamed group that make it a source ("according to", "citing")."""
    legal_suffixes: frozenset[str] = frozenset()
    """Legal forms left out of a company's canonical name ("Co.", "Corporation")."""
    desk_words: frozenset[str] = frozenset()
    """Words that make a byline a newsroom, not a person ("Research desk")."""
    affiliate_words: frozenset[str] = frozenset()
    """Words after a known company's one-word name that name another company of its group
    ("POSCO International")."""
    leader_governments: frozenset[str] = frozenset()
    """Nouns after a known leader's name that name the leader's government ("the Biden
    administration")."""
    portfolio_heads: frozenset[str] = frozenset()
    """Words after a capitalised field that make it a government portfolio ("Energy and
    Mineral Resources Minister"), no company."""
    newsroom_units: frozenset[str] = frozenset()
    """Last words of an author's name that make it a newspaper's department ("Political
    News Department")."""
    section_label_words: frozenset[str] = frozenset()
    """Words of a capitalised section label that names no speaker ("ONE NUMBER:")."""
    journalist_titles: tuple[str, ...] = ()
    """Titles of people who report ("correspondent"): their surname labels narrate."""
    local_bodies: tuple[str, ...] = ()
    """Terms that, after a place's name, name its local government ("prefectural
    government")."""
    venue_words: frozenset[str] = frozenset()
    """Words before a chamber's bare name that make it a venue ("told parliament")."""
    event_nouns: frozenset[str] = frozenset()
    """Meetings held somewhere: "talks in Kuala Lumpur" names where, not the government."""
    seat_words: frozenset[str] = frozenset()
    """Words before "in" and a capital that keep the capital the state's government
    ("officials in Beijing", "a decision taken in Washington")."""
    currency_words: frozenset[str] = frozenset()
    """Words after a state's name that make it a currency ("US$", "Taiwan dollar")."""
    modified_nouns: frozenset[str] = frozenset()
    """Nouns a generic body's name only qualifies ("coast guard vessels", "U.S. military
    users"): no mention of the body."""
    committee_heads: frozenset[str] = frozenset()
    """Capitalised head words of a committee's name ("Committee", "Subcommittee")."""
    committee_kinds: frozenset[str] = frozenset()
    """Words that make a committee legislative without its parent named ("Standing")."""
    consultancy_words: frozenset[str] = frozenset()
    """Words of a firm's field that make a partnership's name a consultancy, an
    organisation ("Meridian Risk Partners")."""
    partnership_suffixes: frozenset[str] = frozenset()
    """Company words that name a firm of partners, a company unless its field says
    consultancy ("Partners", "Group")."""
    edition_regions: tuple[str, ...] = ()
    """Regions after a known outlet's name that name its regional edition ("Politico
    Europe")."""


@dataclass(frozen=True)
class CitationFrames:
    """The words that make an article cite an organisation (``[citation]`` of actors.toml).

    Phrases are stored as tuples of token keys, so they compare with a text's tokens.
    """

    before: frozenset[tuple[str, ...]]
    after: frozenset[tuple[str, ...]]
    relay_verbs: frozenset[str]
    not_after: frozenset[str]
    source_lines: frozenset[str] = frozenset()
    """Labels of a line that lists sources ("Sources: ..."), case-folded."""
    documents: frozenset[tuple[str, ...]] = frozenset()
    """Nouns of an organisation's documents ("according to a MOFCOM statement")."""
    estimate_verbs: frozenset[str] = frozenset()
    """Verbs of an estimate whose value follows "at" ("X puts China's share ... at 60%")."""
    document_modifiers: frozenset[str] = frozenset()
    """Words naming what a body's data are about ("X trade statistics", "X export data")."""
    data_verbs: frozenset[str] = frozenset()
    """Present-tense verbs by which a body attributes an amount ("..., the agency says")."""
    own_results_verbs: frozenset[str] = frozenset()
    """Verbs of ``after`` that do not cite a company: it reports its own business ("X and
    Y reported sharp drops in Korean sales")."""
    finding_verbs: frozenset[str] = frozenset()
    """Verbs of a body's own inquiry ("the ministry said it had found no case"): what it
    found is a finding the article cites."""
    authored: frozenset[tuple[str, ...]] = frozenset()
    """Participles between a document and "by" ("a survey conducted by X")."""
    authored_gap: frozenset[str] = frozenset()
    """Words that may stand between such a participle and "by" ("released on Tuesday by")."""
    future_markers: frozenset[str] = frozenset()
    """Words after a body's document that say it is still to come ("data ..., due")."""
    question_report_verbs: tuple[str, ...] = ()
    """Verbs after an outlet named in a reporter's question that cite it ("Reuters reported
    this morning that ...")."""
    outlet_nouns: tuple[str, ...] = ()
    """Nouns (and "is", "was") before an ownership verb: "a tabloid owned by X"."""
    ownership_verbs: tuple[str, ...] = ()
    """Participles of owning an outlet ("published", "owned", "run") before "by"."""
    posting_verbs: tuple[str, ...] = ()
    """Verbs of a release's posting line before "by" and its publisher ("Posted On: ... by")."""
    term_data_nouns: tuple[str, ...] = ()
    """Data nouns after a body's generic name that make it the kind of the data, not a
    source ("Chinese customs data show ...")."""
    author_lines: frozenset[str] = frozenset()
    """Labels of a line naming the document's own issuer ("AGENCY: ..."), case-folded."""

    @cached_property
    def longest(self) -> int:
        """Length in tokens of the longest phrase (computed once: it bounds every scan)."""
        return max((len(p) for p in self.before | self.after), default=0)

    @cached_property
    def last_words(self) -> frozenset[str]:
        """The last words of the ``before`` frames: a frame ends on one of them."""
        return frozenset(p[-1] for p in self.before if p)


# Payloads stored in the actor trie.
@dataclass(frozen=True)
class ActorAlias:
    """A name of a known actor; ``capital`` for a capital city standing for its state."""

    name: str
    capital: bool = False


@dataclass(frozen=True)
class Demonym:
    """A nationality adjective ("Japanese") of a state."""

    state: str


@dataclass(frozen=True)
class KindTerm:
    """A generic body name ("foreign ministry") of a kind."""

    kind: str


@dataclass(frozen=True)
class Title:
    """A role title; ``office`` when it names a unique office."""

    office: str | None = None


@dataclass(frozen=True)
class Honorific:
    """A courtesy title ("Mr.")."""


@dataclass(frozen=True)
class NotActor:
    """A place or event name that contains an actor's name but is not the actor."""


@dataclass
class ActorData:
    """The actor tables and their lookup structures."""

    entries: dict[str, ActorEntry]
    kinds: dict[str, BodyKind]
    offices: dict[str, Office]
    lexicon: ActorLexicon
    gazetteer: Gazetteer
    alias_map: dict[str, str]
    body_by_state_kind: dict[tuple[str, str], str]
    persons_by_family: dict[str, list[str]]
    template_patterns: list[tuple[re.Pattern[str], BodyKind]]
    citation: CitationFrames
    descriptors: dict[tuple[str, ...], ActorType] = field(default_factory=dict)
    """Nouns describing an organisation (``[descriptors]``), as token keys -> actor type."""
    credits: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Credit-line phrases (``[credits]``), as token keys -> the role of the people named."""

    @cached_property
    def person_names(self) -> tuple[tuple[str, str], ...]:
        """Every known person's canonical name with its lower-case form (fuzzy matching)."""
        return tuple((n, n.lower()) for n, e in self.entries.items()
                     if e.type is ActorType.PERSON)

    @cached_property
    def descriptor_size(self) -> int:
        """Words of the longest descriptor."""
        return max((len(d) for d in self.descriptors), default=0)

    @cached_property
    def descriptor_heads(self) -> frozenset[str]:
        """The last words (token keys) of the descriptors: a descriptor ends on one."""
        return frozenset(d[-1] for d in self.descriptors)

    @cached_property
    def descriptor_plural_heads(self) -> frozenset[str]:
        """The descriptors' last words in the plural ("designers", "companies")."""
        out = set()
        for head in self.descriptor_heads:
            if head.endswith("y") and head[-2:-1] not in set("aeiou"):
                out.add(head[:-1] + "ies")
            else:
                out.add(head + ("es" if head.endswith(("s", "sh", "ch", "x")) else "s"))
        return frozenset(out)

    @cached_property
    def person_names_by_length(self) -> dict[int, tuple[tuple[str, str, int, int], ...]]:
        """:attr:`person_names` grouped by the length of the lower-case form: a fuzzy match
        looks only at names of a length that can reach its threshold.  Each comes with the
        set of its lower-case characters, which bounds the match cheaply: as a bit mask
        (bits of :attr:`person_letter_bits`) and the size of that set."""
        bits = self.person_letter_bits
        groups: dict[int, list[tuple[str, str, int, int]]] = {}
        for name, lower in self.person_names:
            letters = set(lower)
            groups.setdefault(len(lower), []).append(
                (name, lower, sum(1 << bits[c] for c in letters), len(letters)))
        return {size: tuple(names) for size, names in groups.items()}

    @cached_property
    def person_letter_bits(self) -> dict[str, int]:
        """A bit for each character of the known people's lower-case names: the characters
        two names share are then counted by one ``&`` of their masks, not set operations
        per known name."""
        return {c: bit for bit, c in enumerate(sorted({c for _, lower in self.person_names
                                                       for c in lower}))}

    @cached_property
    def person_links(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """Memo of the candidate links a name no table lists gets (known person, score),
        filled by :func:`kg.extract.actor_context.link_person`: they depend only on the
        name and these tables, and a corpus names the same people again and again, while
        fuzzy matching a name against every known person is costly."""
        return {}

    def demonym(self, state: str) -> str:
        """The first demonym of a state (its name when it has none)."""
        entry = self.entries.get(state)
        return entry.demonyms[0] if entry and entry.demonyms else state

    def holder(self, office: str, state: str, when: dt.date, to: str | None = None) -> str | None:
        """The person holding ``office`` for ``state`` (and host ``to``) on ``when``; for an
        office of :attr:`Office.holders`, the holder of the first of those offices."""
        spec = self.offices.get(office)
        if spec is not None and spec.holders:
            for other in spec.holders:
                if any(t.office == other and t.of == state for e in self.entries.values()
                       for t in e.offices):
                    return self.holder(other, state, when, to)
            return None
        found = [
            e.name for e in self.entries.values() for t in e.offices
            if t.office == office and t.of == state and t.to == to and t.covers(when)
        ]
        return found[0] if len(found) == 1 else None

    def body_name(self, kind: str, state: str, host: str | None = None) -> str | None:
        """The canonical name of ``state``'s body of ``kind`` (reference entry or template)."""
        known = self.body_by_state_kind.get((state, kind))
        if known is not None:
            return known
        spec = self.kinds[kind]
        if not spec.template:
            return None
        if "{host}" in spec.template and host is None:
            return spec.template.split(" in {host}")[0].format(
                state=self.in_phrase(state), demonym=self.demonym(state))
        return spec.template.format(state=self.in_phrase(state), demonym=self.demonym(state),
                                    host=self.in_phrase(host) if host else "")

    def in_phrase(self, state: str) -> str:
        """A state's name as a phrase takes it: "the United States" when "the United States"
        is one of its names ("Embassy of China in the United States"), else the name."""
        entry = self.entries.get(state)
        definite = f"the {state}"
        if entry is not None and any(a.casefold() == definite.casefold() for a in entry.aliases):
            return definite
        return state
