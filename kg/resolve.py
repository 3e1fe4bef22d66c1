"""Resolution: turn per-article mentions into one node per real-world entity and measure.

Extractors already map each surface form to a canonical name (the reference data's key, or
the surface form itself for names found by patterns).  This module gathers, across all
articles, what is known about each canonical name and decides the node's single
``rdfs:label``, its types, its ``skos:altLabel``s and its links, deterministically.

Measures: one node per real-world measure, however many articles report it and however
differently.  Each mention first gets a *block* (:func:`measure_key`): its family (export
bans, export controls and licensing rules are one family, since articles name one measure
any of these ways), the state at the root of its issuer and of its target ("none" when the
text names none), the person who acted for a protest (two envoys protesting are two
protests), and its stage: a historical precedent, a measure under consideration, one known
only from reports (a rumoured halt is not the ban announced the same week), or a current
one.  Inside a block, :mod:`kg.measure_identity` tells measures apart by when and
what (and the government body that acted, when two accounts name different ones):
mentions of one article whose dates are close (days for a protest, a month for a
measure, two months when they name related goods) and whose covered goods are not
unrelated are that article's account of one measure; accounts of several articles join the
same way, so the ban one article dates 6 January and another 7 January is one node, while
China's July 2023 controls on gallium and germanium and its October 2023 controls on
graphite are two.  An account with no date joins the only dated measure of its block it can
be, else an undated node of the block.  An account naming no target (a story where the
target goes without saying) joins the one targeted measure of the same type, issuer's state
and stage that fits its date and goods, so the node carries the target; none or several, it
stays a node of its own (never for "other", a catch-all type).  A node's key is its type
(the most frequent among its mentions; on a tie, the one its dated mentions give more
often, an undated account being a guess), the block's states, person and stage, and the month
(or year) of its earliest date, with its goods added when two nodes would otherwise share a
key (except for the node most articles report, which keeps the plain key); its IRI is the
key's slug.
Each article's own account (its date, status, scope, issuer as named) stays in that
article's graph.  Every step is a dictionary lookup or a scan of one block's
measures near one date: resolution is linear in the number of mentions, with no all-pairs
comparison across the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from .collector import collector_paused
from .measure_acts import measure_act
from .measure_identity import Cluster, MeasureItem, cluster_measures
from .model import (
    ActorMention,
    ActorType,
    Extraction,
    MaterialCategory,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    is_unnamed,
)
from .namespace import actor_iri, local_actor_iri, material_iri, measure_iri

_POSSESSIVE = ("'s", "’s", "s'", "s’")

T = TypeVar("T")


@dataclass
class ActorNode:
    """One real-world actor, as all articles together describe it."""

    name: str
    iri: str
    type: ActorType
    alt_labels: set[str] = field(default_factory=set)
    role: str | None = None
    affiliation: str | None = None
    part_of: str | None = None
    is_source: bool = False
    local: bool = False
    """An unnamed source ("unnamed officials"): one node per article that cites it (see
    :meth:`Resolution.actor_iri_in`); what this node gathers across articles is only used
    to type and describe each of them."""


@dataclass
class MaterialNode:
    """One material, good or technology."""

    name: str
    iri: str
    category: MaterialCategory
    broader: str | None = None
    alt_labels: set[str] = field(default_factory=set)


@dataclass
class MeasureNode:
    """One real-world measure; each article's own account stays in its graph."""

    key: str
    iri: str
    label: str
    type: MeasureType
    issuer: str | None
    target: str | None
    candidates: tuple[str, ...] = ()
    """For a measure whose accounts name no target: the keys of the targeted measures it
    may be, when several fit it equally (:attr:`kg.measure_identity.Cluster.candidates`)."""


@dataclass(frozen=True)
class ActorInfo:
    """What reference data says about an actor that may never be mentioned itself."""

    name: str
    type: ActorType
    part_of: str | None = None


@dataclass(frozen=True)
class MaterialInfo:
    """What reference data says about a broader material."""

    name: str
    category: MaterialCategory
    broader: str | None = None


ActorLookup = Callable[[str], ActorInfo | None]
MaterialLookup = Callable[[str], MaterialInfo | None]


@dataclass
class Resolution:
    """The corpus-wide nodes, keyed by canonical name (actors, materials) or key (measures)."""

    actors: dict[str, ActorNode] = field(default_factory=dict)
    materials: dict[str, MaterialNode] = field(default_factory=dict)
    measures: dict[str, MeasureNode] = field(default_factory=dict)
    _measure_keys: dict[int, tuple[MeasureMention, str]] = field(default_factory=dict)
    """id(mention) -> (the mention, its node's key); the mention is kept so the id stays its."""
    _measure_values: dict[tuple[object, ...], str] = field(default_factory=dict)
    """What a mention says -> its node's key, for an equal mention built again."""

    def actor_iri_in(self, name: str, identifier: str) -> str:
        """The IRI of actor ``name`` as article ``identifier`` refers to it: the corpus-wide
        node, or for an unnamed source an article-local node of its own."""
        node = self.actors[name]
        return local_actor_iri(identifier, name) if node.local else node.iri

    def measure_for(self, mention: MeasureMention) -> MeasureNode:
        """The node a measure mention of the resolved corpus (or one equal to it) was
        resolved to."""
        found = self._measure_keys.get(id(mention))
        if found is not None and found[0] is mention:
            return self.measures[found[1]]
        key = self._measure_values.get(_mention_value(mention))
        if key is None:
            raise KeyError(f"measure mention not in the resolved corpus: {mention.span.text!r}")
        return self.measures[key]

    def candidate_accounts(self, measures: Iterable[MeasureMention]
                           ) -> list[tuple[MeasureMention, MeasureNode]]:
        """Each measure node with candidates (:attr:`MeasureNode.candidates`) that one
        article's ``measures`` tell, with the account its candidate links hang on in that
        article's graph: its first there.  Mentions outside the resolved corpus are passed
        over (nothing of theirs is in the graph)."""
        seen: set[str] = set()
        accounts: list[tuple[MeasureMention, MeasureNode]] = []
        for mention in measures:
            try:
                node = self.measure_for(mention)
            except KeyError:
                continue
            if node.candidates and node.key not in seen:
                seen.add(node.key)
                accounts.append((mention, node))
        return accounts

    def _assign(self, mention: MeasureMention, key: str) -> None:
        self._measure_keys[id(mention)] = (mention, key)
        self._measure_values.setdefault(_mention_value(mention), key)


def _mention_value(m: MeasureMention) -> tuple[object, ...]:
    return (m.span, m.type, m.issuer, m.target, m.date, m.status, tuple(m.covers), m.via)


def strip_possessive(text: str) -> str:
    """``"Japan's"`` -> ``"Japan"``; other text unchanged."""
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)] if suffix[0] != "s" else text[:-1]
    return text


@collector_paused()  # its collections would traverse every extraction: see kg.collector
def resolve(
    extractions: Iterable[Extraction],
    *,
    actor_lookup: ActorLookup | None = None,
    material_lookup: MaterialLookup | None = None,
) -> Resolution:
    """Resolve every mention of a corpus to corpus-wide nodes.

    ``actor_lookup``/``material_lookup`` answer for names that are referred to (an
    affiliation, a broader material) but never mentioned; without them such links are
    dropped rather than pointing at a node nobody describes.
    """
    extractions = list(extractions)
    resolution = Resolution()
    _resolve_actors(extractions, resolution, actor_lookup)
    _resolve_materials(extractions, resolution, material_lookup)
    _resolve_measures(extractions, resolution)
    return resolution


def _resolve_actors(
    extractions: list[Extraction], resolution: Resolution, lookup: ActorLookup | None
) -> None:
    types: dict[str, Counter[ActorType]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    affiliations: dict[str, Counter[str]] = defaultdict(Counter)
    parts: dict[str, Counter[str]] = defaultdict(Counter)
    surface: dict[str, set[str]] = defaultdict(set)
    cited: set[str] = set()
    for extraction in extractions:
        for mention in extraction.actors:
            _tally(mention, types, roles, affiliations, parts, surface)
        cited.update(c.name for c in extraction.citations)
        # Names used as speakers, issuers and targets are actors even if no mention says so.
        for name in _referenced_actor_names(extraction):
            types[name]  # noqa: B018 - registers the name with no vote
    for name in sorted(types):
        votes = types[name]
        info = lookup(name) if lookup else None
        if votes:
            actor_type = _most_common(votes, order=list(ActorType))
        elif info is not None:
            actor_type = info.type
        else:
            continue
        node = ActorNode(
            name=name,
            iri=actor_iri(name),
            type=actor_type,
            alt_labels={s for s in surface[name] if s != name},
            role=_most_common(roles[name]) if roles[name] else None,
            affiliation=_most_common(affiliations[name]) if affiliations[name] else None,
            # A name only referenced (a measure's issuer, a speaker's body) keeps the parent
            # the reference data gives it.
            part_of=_most_common(parts[name]) if parts[name] else (info.part_of if info
                                                                   else None),
            is_source=name in cited or actor_type is ActorType.MEDIA,
            local=is_unnamed(name),
        )
        resolution.actors[name] = node
    _merge_same_iri(resolution.actors, surface)
    _add_referenced_actors(resolution, lookup)
    _keep_names_as_aliases(resolution.actors)


def _merge_same_iri(actors: dict[str, ActorNode], surface: dict[str, set[str]]) -> None:
    """Make names that mint the same IRI one node ("Zoé Tremblay" in one article, "Zoe
    Tremblay" in another; "ZOE TREMBLAY" in a byline): else that IRI would carry two
    ``rdfs:label``s, which the shapes reject for the whole graph.

    The label is the spelling that keeps most (mixed case over capitals, accents over
    plain letters), then the one written most often; the others become alternative labels,
    and every name keeps leading to the node (an alias key of ``actors``).
    """
    by_iri: dict[str, list[str]] = defaultdict(list)
    for name, node in actors.items():
        if not node.local:
            by_iri[node.iri].append(name)
    for names in by_iri.values():
        if len(names) < 2:
            continue
        chosen = max(names, key=lambda n: (not n.isupper(), not n.isascii(),
                                           len(surface[n]), n))
        keep = actors[chosen]
        for name in names:
            if name == chosen:
                continue
            other = actors[name]
            keep.alt_labels |= {name, *other.alt_labels}
            keep.role = keep.role or other.role
            keep.affiliation = keep.affiliation or other.affiliation
            keep.part_of = keep.part_of or other.part_of
            keep.is_source = keep.is_source or other.is_source
            actors[name] = keep
        keep.alt_labels.discard(chosen)


def _keep_names_as_aliases(actors: dict[str, ActorNode]) -> None:
    """Keep as an actor's aliases (``skos:altLabel``, a corpus-wide claim that the node is
    also called so) only the surface forms that name it alone.

    A form in lower case describes rather than names ("the ministry", "the company"), and
    a form two nodes share, as an alias or a label, names neither for sure:
    "Foreign Ministry" for China's and for Japan's, "Commerce Department" for China's
    ministry in a machine translation and for the US department, "Takaichi" for the prime
    minister and, by metonymy, for Japan.  Importers reconcile entities by these labels, and
    the query page finds speakers by them.  Each article's own mentions still keep the text
    it wrote (their evidence spans).
    """
    nodes = list({id(node): node for node in actors.values() if not node.local}.values())
    owners: Counter[str] = Counter()
    for node in nodes:
        owners.update({form.casefold() for form in (node.name, *node.alt_labels)})
    for node in nodes:
        node.alt_labels = {form for form in node.alt_labels
                           if _is_name(form) and owners[form.casefold()] == 1}


def _is_name(form: str) -> bool:
    """A capitalised form ("Foreign Ministry"), or one in a script without letter case
    (商务部); not a description in lower case ("the ministry")."""
    return any(c.isupper() for c in form) or not any(c.islower() for c in form)


def _tally(
    mention: ActorMention,
    types: dict[str, Counter[ActorType]],
    roles: dict[str, Counter[str]],
    affiliations: dict[str, Counter[str]],
    parts: dict[str, Counter[str]],
    surface: dict[str, set[str]],
) -> None:
    # Reference-data mentions outvote pattern guesses about the same name.
    weight = 10 if mention.known else 1
    types[mention.name][mention.type] += weight
    if mention.role:
        roles[mention.name][mention.role] += weight
    if mention.affiliation and mention.affiliation != mention.name:
        affiliations[mention.name][mention.affiliation] += weight
    if mention.part_of and mention.part_of != mention.name:
        parts[mention.name][mention.part_of] += weight
    form = surface_form(mention)
    if form:
        surface[mention.name].add(form)


def surface_form(mention: ActorMention) -> str:
    """How a mention writes its actor: spaces collapsed, possessive stripped ("" if none)."""
    return " ".join(strip_possessive(mention.span.text.strip()).split())


def _referenced_actor_names(extraction: Extraction) -> Iterable[str]:
    known = {m.name for m in extraction.actors}
    for statement in extraction.statements:
        for name in (statement.speaker, statement.via):
            if name and name not in known:
                yield name
    for measure in extraction.measures:
        for name in (measure.issuer, measure.target, measure.via):
            if name and name not in known:
                yield name
    for figure in extraction.figures:
        if figure.asserted_by and figure.asserted_by not in known:
            yield figure.asserted_by
    for citation in extraction.citations:
        if citation.name not in known:
            yield citation.name


def _add_referenced_actors(resolution: Resolution, lookup: ActorLookup | None) -> None:
    """Create nodes for affiliations and parents named only by reference data."""
    pending = [n for node in resolution.actors.values() for n in (node.affiliation, node.part_of)]
    while pending:
        name = pending.pop()
        if not name or name in resolution.actors:
            continue
        info = lookup(name) if lookup else None
        if info is None:
            continue
        resolution.actors[name] = ActorNode(
            name=name, iri=actor_iri(name), type=info.type, part_of=info.part_of
        )
        pending.append(info.part_of)
    for node in resolution.actors.values():
        if node.affiliation not in resolution.actors:
            node.affiliation = None
        if node.part_of not in resolution.actors:
            node.part_of = None


def _resolve_materials(
    extractions: list[Extraction], resolution: Resolution, lookup: MaterialLookup | None
) -> None:
    categories: dict[str, Counter[MaterialCategory]] = defaultdict(Counter)
    broader: dict[str, Counter[str]] = defaultdict(Counter)
    surface: dict[str, set[str]] = defaultdict(set)
    for extraction in extractions:
        for mention in extraction.materials:
            categories[mention.name][mention.category] += 1
            if mention.broader and mention.broader != mention.name:
                broader[mention.name][mention.broader] += 1
            surface[mention.name].add(" ".join(mention.span.text.split()))
        for measure in extraction.measures:
            for name in measure.covers:
                categories[name]  # noqa: B018 - registers the name with no vote
    for name in sorted(categories):
        info = lookup(name) if lookup else None
        if categories[name]:
            category = _most_common(categories[name], order=list(MaterialCategory))
        elif info is not None:
            category = info.category
        else:
            category = MaterialCategory.OTHER
        parent = _most_common(broader[name]) if broader[name] else (info and info.broader)
        resolution.materials[name] = MaterialNode(
            name=name,
            iri=material_iri(name),
            category=category,
            broader=parent or None,
            alt_labels={s for s in surface[name] if s.lower() != name.lower()},
        )
    pending = [m.broader for m in resolution.materials.values()]
    while pending:
        wanted = pending.pop()
        if not wanted or wanted in resolution.materials:
            continue
        info = lookup(wanted) if lookup else None
        category = info.category if info else MaterialCategory.OTHER
        parent = info.broader if info else None
        resolution.materials[wanted] = MaterialNode(
            name=wanted, iri=material_iri(wanted), category=category, broader=parent
        )
        pending.append(parent)


def root_actor(name: str | None, actors: dict[str, ActorNode]) -> str | None:
    """Follow ``part_of``/``affiliation`` links up to the top body (usually a state)."""
    seen: set[str] = set()
    while name and name in actors and name not in seen:
        seen.add(name)
        node = actors[name]
        name = node.name  # the node's own name, where ``name`` is one of its spellings
        parent = node.part_of or node.affiliation
        if not parent:
            break
        name = parent
    return name


def measure_target(measure: MeasureMention, actors: dict[str, ActorNode]) -> str | None:
    """The measure's target, or None when it falls under the issuer's own root.

    A state does not protest, ban or sanction itself: a target under the issuer's root (the
    issuer's own official taken for the protested party) is a misread party, so it is left
    out rather than recorded (kgsh:Measure-14 would reject the article's graph).
    """
    if measure.target is None:
        return None
    issuer_root = root_actor(measure.issuer, actors)
    if issuer_root is not None and root_actor(measure.target, actors) == issuer_root:
        return None
    return measure.target


def top_body(name: str | None, actors: dict[str, ActorNode]) -> str | None:
    """The highest government body in ``name``'s ``kg:partOf``/``kg:affiliation`` chain
    below its state (an embassy's ministry; a spokesperson's ministry), if any."""
    found: str | None = None
    seen: set[str] = set()
    while name and name in actors and name not in seen:
        seen.add(name)
        node = actors[name]
        if node.type is ActorType.GOVERNMENT_BODY:
            found = node.name
        elif node.type is ActorType.STATE:
            break
        name = node.part_of or node.affiliation
    return found


_FAMILY = {MeasureType.EXPORT_BAN: "export", MeasureType.EXPORT_CONTROL: "export",
           MeasureType.LICENSING_RESTRICTION: "export"}
_ONE_OFF = frozenset({MeasureType.PROTEST, MeasureType.MILITARY_DRILL, MeasureType.BUDGET})
_STAGES = {MeasureStatus.HISTORICAL: "historical", MeasureStatus.REPORTED: "reported",
           MeasureStatus.UNDER_CONSIDERATION: "under consideration"}


def measure_key(measure: MeasureMention, actors: dict[str, ActorNode],
                issuer_parent: str | None = None) -> str:
    """The block of measures a mention belongs to (see module docstring): family, issuer's
    and target's root, acting person of a protest, stage.  The node's own key adds the type
    and date (:meth:`Resolution.measure_for`).  ``issuer_parent`` is what the issuer's
    article itself says the issuer belongs to: its root wins over the node's, whose parent
    the articles vote on, so that two articles' measures whose issuers one name gives but
    whose texts put in different states never share a block."""
    return " ".join(_block_parts(measure, actors, issuer_parent))


def measure_kin(measure: MeasureMention, actors: dict[str, ActorNode],
                issuer_parent: str | None = None) -> tuple[str | None, bool]:
    """The mention's kin, and whether it names a target: an account naming no target may be
    one of the targeted measures of its kin (see module docstring).  The kin is the block
    with the measure's own type for its family and without its target: "the ban" is told
    apart from a licensing rule of the same issuer, which its family would not.  None when
    the issuer is unknown (an account naming neither is too vague) or the type is "other"
    (a catch-all: a suspension and a stockpile release are both "other")."""
    return _kin(_block_parts(measure, actors, issuer_parent), measure.type)


def _kin(parts: list[str], kind: MeasureType) -> tuple[str | None, bool]:
    """:func:`measure_kin` from the parts of the mention's block (:func:`_block_parts`)."""
    if parts[1] == "unknown" or kind is MeasureType.OTHER:
        return None, parts[2] != "none"
    return " ".join([kind.value, parts[1], *parts[3:]]), parts[2] != "none"


def _block_parts(measure: MeasureMention, actors: dict[str, ActorNode],
                 issuer_parent: str | None) -> list[str]:
    issuer_root = (root_actor(issuer_parent, actors) if issuer_parent
                   else root_actor(measure.issuer, actors)) or "unknown"
    target_root = root_actor(measure_target(measure, actors), actors) or "none"
    parts = [_FAMILY.get(measure.type, measure.type.value), issuer_root, target_root]
    issuer = actors.get(measure.issuer or "")
    if measure.type is MeasureType.PROTEST and issuer and issuer.type is ActorType.PERSON:
        parts.append(issuer.name)
    if measure.status in _STAGES:
        parts.append(_STAGES[measure.status])
    return parts


def _resolve_measures(extractions: list[Extraction], resolution: Resolution) -> None:
    """One node per real-world measure (see module docstring)."""
    mentions: list[MeasureMention] = []
    items: list[MeasureItem] = []
    for extraction in extractions:
        parents: dict[str, str] = {}  # each issuer's parent as this article gives it
        for actor in extraction.actors:
            if actor.part_of or actor.affiliation:
                parents.setdefault(actor.name, actor.part_of or actor.affiliation or "")
        for measure in extraction.measures:
            mentions.append(measure)
            # the block and the kin from one reading of the mention's parties
            parts = _block_parts(measure, resolution.actors, parents.get(measure.issuer or ""))
            kin, targeted = _kin(parts, measure.type)
            items.append(MeasureItem(
                article=extraction.article.identifier, offset=measure.span.begin,
                block=" ".join(parts), date=measure.date,
                covers=frozenset(measure.covers), one_off=measure.type in _ONE_OFF,
                body=top_body(measure.issuer, resolution.actors), kin=kin, targeted=targeted,
                act=measure_act(measure.type, measure.span.text)))
    clusters = cluster_measures(items, related_goods(resolution.materials))
    named: list[tuple[str, Cluster, list[MeasureMention]]] = []
    for cluster in clusters:
        members = [mentions[i] for i in cluster.members]
        named.append((_base_key(cluster, members, resolution.actors), cluster, members))
    # Where several nodes would share a key, the one most articles report keeps it plain
    # and the others add their goods: adding an article about another measure of the same
    # month does not rename (and so break links to) the measure the corpus is about.
    sharing: dict[str, list[Cluster]] = defaultdict(list)
    for base, cluster, _ in named:
        sharing[_with_date(base, cluster)].append(cluster)
    keeps = {key: min(clusters, key=lambda c: (-len(c.articles), sorted(c.articles), c.members))
             for key, clusters in sharing.items()}
    used: set[str] = set()
    keys: dict[int, str] = {}  # id(cluster) -> its node's key, for the candidates below
    for base, cluster, members in named:
        key = _with_date(base, cluster)
        goods = ""
        if keeps[key] is not cluster and cluster.covers:
            goods = ", ".join(sorted(cluster.covers)[:3])
            key = f"{key} {goods}"
        unique, n = key, 2
        while unique in used:
            unique, n = f"{key} {n}", n + 1
        used.add(unique)
        resolution.measures[unique] = _measure_node(unique, cluster, members, resolution.actors,
                                                    goods)
        keys[id(cluster)] = unique
        for mention in members:
            resolution._assign(mention, unique)
    for _, cluster, _ in named:
        if cluster.candidates:
            resolution.measures[keys[id(cluster)]].candidates = tuple(
                keys[id(c)] for c in cluster.candidates)


def _base_key(cluster: Cluster, members: list[MeasureMention],
              actors: dict[str, ActorNode]) -> str:
    """The block with the family replaced by the measure's type."""
    kind = _measure_type(members)
    rest = cluster.block.split(" ", 1)[1] if " " in cluster.block else ""
    return f"{kind.value} {rest}".strip()


def _with_date(base: str, cluster: Cluster) -> str:
    anchor = cluster.anchor
    if anchor is None:
        return base
    return f"{base} {anchor.year:04d}" + (f"-{anchor.month:02d}" if anchor.month else "")


def _measure_type(members: list[MeasureMention]) -> MeasureType:
    """The type most mentions give; on a tie, the one more dated mentions give (an account
    with no date joins a dated measure of its block as the one it can be, a guess: see
    :mod:`kg.measure_identity`), then ban before control before licensing."""
    return _most_common(Counter(m.type for m in members), order=list(MeasureType),
                        first=Counter(m.type for m in members if m.date is not None))


def related_goods(materials: dict[str, MaterialNode]) -> Callable[[frozenset[str],
                                                                   frozenset[str]], bool]:
    """A test of whether two sets of goods share one, or one of one set lies under
    (``skos:broader``, transitively) one of the other, over the resolved ``materials``."""
    chains: dict[str, frozenset[str]] = {}

    def chain(name: str) -> frozenset[str]:
        if name not in chains:
            seen: list[str] = []
            current: str | None = name
            while current and current not in seen:
                seen.append(current)
                node = materials.get(current)
                current = node.broader if node else None
            chains[name] = frozenset(seen)
        return chains[name]

    def related(a: frozenset[str], b: frozenset[str]) -> bool:
        return any(x in chain(y) or y in chain(x) for x in a for y in b)

    return related


def _measure_node(key: str, cluster: Cluster, members: list[MeasureMention],
                  actors: dict[str, ActorNode], goods: str) -> MeasureNode:
    first = members[0]
    issuer = root_actor(first.issuer, actors)
    target = root_actor(measure_target(first, actors), actors)
    kind = _measure_type(members)
    label = f"{kind.value.replace('_', ' ')}: {issuer or 'unknown issuer'}"
    if target:
        label += f" on {target}"
    person = actors.get(first.issuer or "")
    if first.type is MeasureType.PROTEST and person and person.type is ActorType.PERSON:
        label += f" (by {person.name})"
    notes = [_STAGES[first.status]] if first.status in _STAGES else []
    if cluster.anchor is not None:
        notes.append(cluster.anchor.isoformat()[:7])
    if goods:
        notes.append(goods)
    if notes:
        label += f" ({', '.join(notes)})"
    return MeasureNode(
        key=key,
        iri=measure_iri(key),
        label=label,
        type=kind,
        issuer=issuer if issuer in actors else None,
        target=target if target in actors else None,
    )


def _most_common(votes: Counter[T], order: list[T] | None = None,
                 first: Counter[T] | None = None) -> T:
    """The most voted value; ties broken by the votes of ``first`` (a subset of the voters
    whose word counts more), then by ``order`` or by sort order, never by chance."""
    best = max(votes.values())
    tied = [v for v, n in votes.items() if n == best]
    if first is not None:
        most = max(first[v] for v in tied)
        tied = [v for v in tied if first[v] == most]
    if order is not None:
        return min(tied, key=order.index)
    return sorted(tied, key=str)[0]
