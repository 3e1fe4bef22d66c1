"""Reference data of the actor and material extractors, loaded once, checked, compiled.

``kg/data/actors.toml`` and ``kg/data/materials.toml`` (format: ``kg/data/README.md``) are
read with :mod:`tomllib`, validated (:class:`RefDataError` names the file, the entry and the
problem) and turned into lookup structures, cached for the life of the process:

* an alias -> canonical name map (:func:`actor_alias_map`, :func:`material_alias_map`);
* a token trie (:class:`~kg.extract.gazetteer.Gazetteer`) holding every alias, generic term
  and trigger word (tokens and matching rules: :mod:`kg.extract.gazetteer`, whose names
  this module re-exports for the extractors).

The records the actor data is read into live in :mod:`kg.extract.actor_records` (also
re-exported here).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KgError
from ..model import ActorType
from ..resolve import ActorInfo
from .actor_records import (
    ActorAlias,
    ActorData,
    ActorEntry,
    ActorLexicon,
    BodyKind,
    CitationFrames,
    Demonym,
    Honorific,
    KindTerm,
    NotActor,
    Office,
    OfficeTerm,
    Title,
)
from .gazetteer import (
    HYPHENS,
    Case,
    Gazetteer,
    GazMatch,
    Token,
    TokenStream,
    TrieEntry,
    alias_key,
    alias_word_variants,
    case_rule,
    heading_tokens,
    sentence_initial_tokens,
    token_key,
    token_stream,
    tokenize,
)

# The token and trie names and the actor records are re-exported: the extractors import
# them from here.
__all__ = [
    "ActorAlias", "ActorData", "ActorEntry", "ActorLexicon", "BodyKind", "CitationFrames",
    "Demonym", "Honorific", "KindTerm", "NotActor", "Office", "OfficeTerm", "Title",
    "HYPHENS", "Case", "GazMatch", "Gazetteer", "Token", "TokenStream", "TrieEntry",
    "alias_key", "alias_word_variants", "case_rule", "heading_tokens",
    "sentence_initial_tokens", "token_key", "token_stream", "tokenize",
]

DATA_DIR: Path = Path(__file__).resolve().parent.parent / "data"
ACTORS_FILE: Path = DATA_DIR / "actors.toml"
MATERIALS_FILE: Path = DATA_DIR / "materials.toml"


class RefDataError(KgError):
    """A reference data file is missing or malformed (a packaging error, not bad input)."""

    exit_code = 2


def _phrases(values: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(t.key for t in tokenize(v)) for v in values)


def _strings(value: Any, where: str, source: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RefDataError(f"{source}: {where}: expected a list of non-empty strings")
    return tuple(value)


def _date(value: Any, where: str, source: Path) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise RefDataError(f"{source}: {where}: bad date {value!r}") from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise RefDataError(f"{path}: cannot read reference data: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RefDataError(f"{path}: not valid TOML: {exc}") from exc


def _lexicon(table: dict[str, Any], source: Path) -> ActorLexicon:
    def words(key: str) -> tuple[str, ...]:
        return _strings(table.get(key), f"[lexicon].{key}", source)

    return ActorLexicon(
        honorifics=frozenset(words("honorifics")),
        title_modifiers=frozenset(w.casefold() for w in words("title_modifiers")),
        titles=words("titles"),
        speech_verbs=frozenset(w.casefold() for w in words("speech_verbs")),
        not_name_words=frozenset(words("not_name_words")),
        month_given_names=frozenset(words("month_given_names")),
        month_name_not_after=frozenset(w.casefold() for w in words("month_name_not_after")),
        pronoun_like_names=frozenset(words("pronoun_like_names")),
        family_name_first=frozenset(words("family_name_first")),
        name_particles=frozenset(words("name_particles")),
        name_abbreviations=frozenset(words("name_abbreviations")),
        anonymous_nouns=frozenset(w.casefold() for w in words("anonymous_nouns")),
        anonymous_modifiers=frozenset(w.casefold() for w in words("anonymous_modifiers")),
        company_suffixes=frozenset(words("company_suffixes")),
        organization_suffixes=frozenset(words("organization_suffixes")),
        not_actors=words("not_actors"),
        function_words=frozenset(words("function_words")),
        media_suffixes=frozenset(words("media_suffixes")),
        weak_suffixes=frozenset(words("weak_suffixes")),
        state_body_suffixes=frozenset(words("state_body_suffixes")),
        place_modifiers=frozenset(w.casefold() for w in words("place_modifiers")),
        anonymous_groups=frozenset(w.casefold() for w in words("anonymous_groups")),
        anonymous_quantifiers=frozenset(w.casefold() for w in words("anonymous_quantifiers")),
        source_verbs=frozenset(w.casefold() for w in words("source_verbs")),
        citing_words=frozenset(w.casefold() for w in words("citing_words")),
        size_words=frozenset(w.casefold() for w in words("size_words")),
        informed_relations=tuple(w.casefold() for w in words("informed_relations")),
        outlet_citing_words=frozenset(w.casefold() for w in words("outlet_citing_words")),
        legal_suffixes=frozenset(words("legal_suffixes")),
        currency_words=frozenset(w.casefold() for w in words("currency_words")),
        venue_words=frozenset(w.casefold() for w in words("venue_words")),
        event_nouns=frozenset(w.casefold() for w in words("event_nouns")),
        seat_words=frozenset(w.casefold() for w in words("seat_words")),
        modified_nouns=frozenset(w.casefold() for w in words("modified_nouns")),
        desk_words=frozenset(w.casefold() for w in words("desk_words")),
        newsroom_units=frozenset(w.casefold() for w in words("newsroom_units")),
        portfolio_heads=frozenset(words("portfolio_heads")),
        leader_governments=frozenset(w.casefold() for w in words("leader_governments")),
        affiliate_words=frozenset(words("affiliate_words")),
        section_label_words=frozenset(w.casefold() for w in words("section_label_words")),
        journalist_titles=tuple(w.casefold() for w in words("journalist_titles")),
        local_bodies=words("local_bodies"),
        committee_heads=frozenset(words("committee_heads")),
        committee_kinds=frozenset(words("committee_kinds")),
        edition_regions=words("edition_regions"),
        consultancy_words=frozenset(words("consultancy_words")),
        partnership_suffixes=frozenset(words("partnership_suffixes")),
    )


_ACTOR_KEYS = {
    "name", "type", "aliases", "part_of", "role", "affiliation", "kinds", "demonyms",
    "capitals", "given", "family", "east_asian", "family_first", "short", "garbled",
    "offices", "not_before",
}


def _actor_entry(raw: dict[str, Any], index: int, source: Path) -> ActorEntry:
    where = f"[[actor]] #{index + 1}"
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RefDataError(f"{source}: {where}: missing 'name'")
    where = f"actor {name!r}"
    unknown = set(raw) - _ACTOR_KEYS
    if unknown:
        raise RefDataError(f"{source}: {where}: unknown keys {sorted(unknown)}")
    try:
        # A missing type (None) raises ValueError too, reported below.
        actor_type = ActorType(raw.get("type"))  # type: ignore[arg-type]
    except ValueError as exc:
        raise RefDataError(f"{source}: {where}: type must be one of "
                           f"{[t.value for t in ActorType]}, not {raw.get('type')!r}") from exc
    offices = []
    for i, office in enumerate(raw.get("offices", [])):
        if not isinstance(office, dict) or "office" not in office or "of" not in office:
            raise RefDataError(f"{source}: {where}: offices[{i}] needs 'office' and 'of'")
        offices.append(OfficeTerm(
            office=office["office"], of=office["of"], to=office.get("to"),
            start=_date(office.get("start"), f"{where}: offices[{i}].start", source),
            end=_date(office.get("end"), f"{where}: offices[{i}].end", source),
        ))
    flags = {k: raw.get(k, False) for k in ("east_asian", "family_first", "short")}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise RefDataError(f"{source}: {where}: '{key}' must be true or false")
    if actor_type is not ActorType.PERSON and (raw.get("given") or raw.get("family")):
        raise RefDataError(f"{source}: {where}: only a person has 'given'/'family' names")
    return ActorEntry(
        name=name,
        type=actor_type,
        aliases=_strings(raw.get("aliases"), f"{where}: aliases", source),
        part_of=raw.get("part_of"),
        role=raw.get("role"),
        affiliation=raw.get("affiliation"),
        kinds=_strings(raw.get("kinds"), f"{where}: kinds", source),
        demonyms=_strings(raw.get("demonyms"), f"{where}: demonyms", source),
        capitals=_strings(raw.get("capitals"), f"{where}: capitals", source),
        given=raw.get("given"),
        family=raw.get("family"),
        garbled=_strings(raw.get("garbled"), f"{where}: garbled", source),
        offices=tuple(offices),
        not_before=_strings(raw.get("not_before"), f"{where}: not_before", source),
        **flags,
    )


def parse_actor_data(data: dict[str, Any], source: Path = ACTORS_FILE) -> ActorData:
    """Validate decoded actors.toml and build its lookup structures."""
    lexicon = _lexicon(data.get("lexicon", {}), source)
    kinds: dict[str, BodyKind] = {}
    for i, raw in enumerate(data.get("kind", [])):
        kind_id = raw.get("id")
        if not kind_id or kind_id in kinds:
            raise RefDataError(f"{source}: [[kind]] #{i + 1}: missing or repeated id {kind_id!r}")
        try:
            kind_type = ActorType(raw.get("type"))
        except ValueError as exc:
            raise RefDataError(f"{source}: kind {kind_id!r}: bad type {raw.get('type')!r}") from exc
        kinds[kind_id] = BodyKind(
            id=kind_id, terms=_strings(raw.get("terms"), f"kind {kind_id!r}: terms", source),
            template=str(raw.get("template", "")), type=kind_type, family=raw.get("family"),
            refers_back=bool(raw.get("refers_back", True)), part_of_kind=raw.get("part_of_kind"),
            venue=bool(raw.get("venue", False)),
            chamber_of=tuple(raw.get("chamber_of", ())),
        )
    offices: dict[str, Office] = {}
    for i, raw in enumerate(data.get("office", [])):
        office_id = raw.get("id")
        if not office_id or office_id in offices:
            raise RefDataError(f"{source}: [[office]] #{i + 1}: missing or repeated id")
        offices[office_id] = Office(
            office_id, _strings(raw.get("titles"), f"office {office_id!r}: titles", source),
            bool(raw.get("per_host", False)),
            _strings(raw.get("holders"), f"office {office_id!r}: holders", source))

    entries: dict[str, ActorEntry] = {}
    for i, raw in enumerate(data.get("actor", [])):
        entry = _actor_entry(raw, i, source)
        if entry.name in entries:
            raise RefDataError(f"{source}: actor {entry.name!r} is listed twice")
        entries[entry.name] = entry

    gazetteer = Gazetteer()
    alias_map: dict[str, str] = {}
    body_by_state_kind: dict[tuple[str, str], str] = {}
    persons_by_family: dict[str, list[str]] = {}
    states = {n for n, e in entries.items() if e.demonyms or e.type is ActorType.STATE}

    def claim(alias: str, name: str, what: str) -> None:
        key = alias_key(alias)
        if not key:
            raise RefDataError(f"{source}: {what} {alias!r} of {name!r} has no words")
        owner = alias_map.setdefault(key, name)
        if owner != name:
            raise RefDataError(f"{source}: alias {alias!r} of {name!r} is already an alias "
                               f"of {owner!r}; an alias must name exactly one actor")

    for entry in entries.values():
        for alias in entry.names():
            claim(alias, entry.name, "alias")
            gazetteer.add(alias, ActorAlias(entry.name))
        for capital in entry.capitals:
            claim(capital, entry.name, "capital")
            gazetteer.add(capital, ActorAlias(entry.name, capital=True))
        for ref, what in ((entry.part_of, "part_of"), *((t.of, "offices.of")
                                                        for t in entry.offices)):
            if ref is not None and ref not in entries:
                raise RefDataError(f"{source}: actor {entry.name!r}: {what} {ref!r} is not "
                                   "an actor of this file")
        for term in entry.offices:
            if term.office not in offices:
                raise RefDataError(f"{source}: actor {entry.name!r}: unknown office "
                                   f"{term.office!r}")
            if term.to is not None and term.to not in entries:
                raise RefDataError(f"{source}: actor {entry.name!r}: unknown host {term.to!r}")
        for kind in entry.kinds:
            if kind not in kinds:
                raise RefDataError(f"{source}: actor {entry.name!r}: unknown kind {kind!r}")
            state = entry.part_of or entry.name
            while state not in states and entries.get(state) and entries[state].part_of:
                state = entries[state].part_of  # type: ignore[assignment]
            owner = body_by_state_kind.setdefault((state, kind), entry.name)
            if owner != entry.name:
                raise RefDataError(f"{source}: {entry.name!r} and {owner!r} are both the "
                                   f"{kind!r} of {state!r}")
        if entry.type is ActorType.PERSON and entry.family:
            persons_by_family.setdefault(entry.family, []).append(entry.name)

    template_patterns: list[tuple[re.Pattern[str], BodyKind]] = []
    for body_kind in kinds.values():
        for kind_term in body_kind.terms:
            gazetteer.add(kind_term, KindTerm(body_kind.id))
        if body_kind.part_of_kind and body_kind.part_of_kind not in kinds:
            raise RefDataError(f"{source}: kind {body_kind.id!r}: unknown part_of_kind")
        if body_kind.template and body_kind.template not in ("{state}",):
            pattern = re.escape(body_kind.template)
            for slot in ("state", "demonym", "host"):
                pattern = pattern.replace(re.escape("{" + slot + "}"), f"(?P<{slot}>.+?)")
            template_patterns.append((re.compile(f"^{pattern}$"), body_kind))
            if "{host}" in body_kind.template:
                bare = re.escape(body_kind.template.split(" in {host}")[0])
                bare = bare.replace(re.escape("{state}"), "(?P<state>.+?)")
                template_patterns.append((re.compile(f"^{bare}$"), body_kind))
    for entry in entries.values():
        if entry.affiliation is not None and entry.affiliation not in entries and not any(
            p.match(entry.affiliation) for p, _ in template_patterns
        ):
            raise RefDataError(f"{source}: actor {entry.name!r}: affiliation "
                               f"{entry.affiliation!r} is neither an actor nor a generic body")
        for demonym in entry.demonyms:
            gazetteer.add(demonym, Demonym(entry.name))
    for office in offices.values():
        for title in office.titles:
            gazetteer.add(title, Title(office.id))
    for title in lexicon.titles:
        gazetteer.add(title, Title())
    for honorific in lexicon.honorifics:
        gazetteer.add(honorific, Honorific())
    for phrase in lexicon.not_actors:
        gazetteer.add(phrase, NotActor())
    table = data.get("citation", {})

    def frame_words(key: str) -> tuple[str, ...]:
        return _strings(table.get(key), f"[citation].{key}", source)

    citation = CitationFrames(
        before=_phrases(frame_words("before")), after=_phrases(frame_words("after")),
        relay_verbs=frozenset(w.casefold() for w in frame_words("relay_verbs")),
        not_after=frozenset(w.casefold() for w in frame_words("not_after")),
        source_lines=frozenset(w.casefold() for w in frame_words("source_lines")),
        documents=_phrases(frame_words("documents")),
        estimate_verbs=frozenset(w.casefold() for w in frame_words("estimate_verbs")),
        document_modifiers=frozenset(w.casefold() for w in frame_words("document_modifiers")),
        data_verbs=frozenset(w.casefold() for w in frame_words("data_verbs")),
        own_results_verbs=frozenset(w.casefold() for w in frame_words("own_results_verbs")),
        finding_verbs=frozenset(w.casefold() for w in frame_words("finding_verbs")),
        authored=_phrases(frame_words("authored")),
        authored_gap=frozenset(w.casefold() for w in frame_words("authored_gap")),
        question_report_verbs=frame_words("question_report_verbs"),
        future_markers=frozenset(w.casefold() for w in frame_words("future_markers")),
        outlet_nouns=frame_words("outlet_nouns"),
        ownership_verbs=frame_words("ownership_verbs"),
        posting_verbs=frame_words("posting_verbs"),
        term_data_nouns=frame_words("term_data_nouns"),
        author_lines=frozenset(w.casefold() for w in frame_words("author_lines")),
    )
    return ActorData(entries, kinds, offices, lexicon, gazetteer, alias_map,
                     body_by_state_kind, persons_by_family, template_patterns, citation,
                     descriptors=_descriptors(data.get("descriptors", {}), source),
                     credits=_credits(data.get("credits", {}), source))


def _phrase_table(table: Any, where: str, source: Path) -> dict[tuple[str, ...], str]:
    if not isinstance(table, dict):
        raise RefDataError(f"{source}: [{where}] must be a table of phrase = value")
    out: dict[tuple[str, ...], str] = {}
    for phrase, value in table.items():
        key = tuple(t.key for t in tokenize(phrase))
        if not key or not isinstance(value, str) or not value:
            raise RefDataError(f"{source}: [{where}] {phrase!r}: expected a non-empty string")
        out[key] = value
    return out


def _descriptors(table: Any, source: Path) -> dict[tuple[str, ...], ActorType]:
    out: dict[tuple[str, ...], ActorType] = {}
    for key, value in _phrase_table(table, "descriptors", source).items():
        try:
            actor_type = ActorType(value)
        except ValueError as exc:
            raise RefDataError(f"{source}: [descriptors] {' '.join(key)!r}: type must be one "
                               f"of {[t.value for t in ActorType]}, not {value!r}") from exc
        if actor_type in (ActorType.PERSON, ActorType.STATE):
            raise RefDataError(f"{source}: [descriptors] {' '.join(key)!r}: describes an "
                               f"organisation, not a {value}")
        out[key] = actor_type
    return out


def _credits(table: Any, source: Path) -> dict[tuple[str, ...], str]:
    return _phrase_table(table, "credits", source)


@lru_cache(maxsize=1)
def actor_data() -> ActorData:
    """The actor reference data, loaded and checked once."""
    return parse_actor_data(_read_toml(ACTORS_FILE), ACTORS_FILE)


def actor_alias_map() -> dict[str, str]:
    """Normalised alias (see :func:`alias_key`) -> canonical actor name."""
    return dict(actor_data().alias_map)


def actor_info(name: str) -> ActorInfo | None:
    """What the reference data says about an actor name (also generic bodies' names)."""
    data = actor_data()
    entry = data.entries.get(name)
    if entry is not None:
        return ActorInfo(name=name, type=entry.type, part_of=entry.part_of)
    for pattern, kind in data.template_patterns:
        m = pattern.match(name)
        if m and m.groupdict().get("state") in data.entries:
            state = m.group("state")
            parent = (data.body_name(kind.part_of_kind, state) if kind.part_of_kind else state)
            return ActorInfo(name=name, type=kind.type, part_of=parent)
    return None


# The material taxonomy lives in its own module; its names are re-exported from here.
from .material_data import (  # noqa: E402  (it reads this module's helpers)
    MaterialAlias,
    MaterialData,
    MaterialEntry,
    material_alias_map,
    material_data,
    material_info,
    other_number,
    parse_material_data,
)

__all__ += [
    "MaterialAlias", "MaterialData", "MaterialEntry", "material_alias_map", "material_data",
    "material_info", "other_number", "parse_material_data",
]
