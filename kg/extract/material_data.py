"""The material taxonomy of ``kg/data/materials.toml``, loaded once, checked, compiled.

Split from :mod:`kg.extract.refdata` (which re-exports these names, the place extractors
import them from): the same reading, checking and matching rules as the actor tables
(``kg/data/README.md``), for materials, goods and technologies with their ``skos:broader``
chains, symbols, compounds and the material lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import MaterialCategory
from ..resolve import MaterialInfo
from .gazetteer import Gazetteer, alias_key, token_key
from .refdata import MATERIALS_FILE, RefDataError, _read_toml, _strings


@dataclass(frozen=True)
class MaterialEntry:
    """One material, good or technology of the taxonomy."""

    name: str
    category: MaterialCategory
    broader: str | None = None
    aliases: tuple[str, ...] = ()
    symbol: str | None = None
    inflect: bool = True
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    origin: bool = False
    """A good that measures name by its origin: a nationality word right before the name
    belongs to the mention ("Japanese seafood")."""
    model_number: bool = False
    """A product line whose models carry a number: a number right after the name belongs
    to the mention ("iPhone 16")."""

    def names(self) -> list[str]:
        """Name and aliases, each in both grammatical numbers unless ``inflect`` is off."""
        out: list[str] = []
        for alias in (self.name, *self.aliases):
            out.append(alias)
            if self.inflect:
                out.extend(other_number(alias))
        return list(dict.fromkeys(out))


@dataclass(frozen=True)
class MaterialAlias:
    """A name of a material in the trie."""

    name: str


@dataclass
class MaterialData:
    """The material taxonomy and its lookup structures."""

    entries: dict[str, MaterialEntry]
    gazetteer: Gazetteer
    alias_map: dict[str, str]
    symbols: dict[str, str]
    unsafe_symbols: frozenset[str]
    anaphoric: frozenset[str]
    agent_heads: frozenset[str] = frozenset()
    part_heads: frozenset[str] = frozenset()
    """Nouns of parts a material only qualifies ("supercomputer components")."""
    glued_modifiers: frozenset[str] = frozenset()
    """Words glued by a hyphen after a material that make it a modifier ("magnet-equivalent
    material", "battery-grade graphite")."""
    portfolio_titles: frozenset[tuple[str, ...]] = frozenset()
    """Token keys of "head of": a material after one names a desk ("head of critical
    minerals")."""
    demonyms: frozenset[str] = frozenset()
    """Nationality words (token keys) that open the name of a good of ``origin``."""
    """Nouns a material may modify without being named ("magnet makers", "semiconductor
    manufacturing", "a critical minerals analyst")."""

    @property
    def symbol_keys(self) -> frozenset[str]:
        """The chemical symbols as token keys (lower case): a text with none of them has
        no list of symbols."""
        return frozenset(symbol.casefold() for symbol in self.symbols
                         if symbol not in self.unsafe_symbols)

    def chain(self, name: str) -> list[str]:
        """``name`` and its broader materials, nearest first."""
        out = []
        current: str | None = name
        while current is not None and current not in out:
            out.append(current)
            entry = self.entries.get(current)
            current = entry.broader if entry else None
        return out


_VOWELS = set("aeiou")


def other_number(alias: str) -> list[str]:
    """The alias with its last word in the other grammatical number (English rules)."""
    head, _, last = alias.rpartition(" ")
    prefix = f"{head} " if head else ""
    lower = last.lower()
    if not last.isalpha() and "-" not in last:
        return []
    if any(c.isupper() for c in last[1:]):
        # Abbreviations: EVs <-> EV.
        if last.endswith("s"):
            return [prefix + last[:-1]]
        return [prefix + last + "s"]
    if lower.endswith("ies") and len(lower) > 4:
        return [prefix + last[:-3] + "y"]
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return [prefix + last[:-2]]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return [prefix + last[:-1]]
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        return [prefix + last[:-1] + "ies"]
    if lower.endswith(("ch", "sh", "x", "ss")):
        return [prefix + last + "es"]
    return [prefix + last + "s"]


_MATERIAL_KEYS = {"name", "category", "broader", "aliases", "symbol", "inflect", "not_after",
                  "not_before", "origin", "model_number"}


def parse_material_data(data: dict[str, Any], source: Path = MATERIALS_FILE) -> MaterialData:
    """Validate decoded materials.toml and build its lookup structures."""
    lexicon = data.get("lexicon", {})
    entries: dict[str, MaterialEntry] = {}
    for i, raw in enumerate(data.get("material", [])):
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RefDataError(f"{source}: [[material]] #{i + 1}: missing 'name'")
        unknown = set(raw) - _MATERIAL_KEYS
        if unknown:
            raise RefDataError(f"{source}: material {name!r}: unknown keys {sorted(unknown)}")
        if name in entries:
            raise RefDataError(f"{source}: material {name!r} is listed twice")
        try:
            category = MaterialCategory(raw.get("category"))
        except ValueError as exc:
            raise RefDataError(
                f"{source}: material {name!r}: category must be one of "
                f"{[c.value for c in MaterialCategory]}, not {raw.get('category')!r}") from exc
        entries[name] = MaterialEntry(
            name=name, category=category, broader=raw.get("broader"),
            aliases=_strings(raw.get("aliases"), f"material {name!r}: aliases", source),
            symbol=raw.get("symbol"), inflect=bool(raw.get("inflect", True)),
            not_after=_strings(raw.get("not_after"), f"material {name!r}: not_after", source),
            not_before=_strings(raw.get("not_before"), f"material {name!r}: not_before",
                                source),
            origin=bool(raw.get("origin", False)),
            model_number=bool(raw.get("model_number", False)),
        )
    _add_compounds(data.get("compound", []), entries, source)
    gazetteer = Gazetteer()
    alias_map: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for entry in entries.values():
        if entry.broader is not None and entry.broader not in entries:
            raise RefDataError(f"{source}: material {entry.name!r}: broader {entry.broader!r} "
                               "is not a material of this file")
        for alias in entry.names():
            owner = alias_map.setdefault(alias_key(alias), entry.name)
            if owner != entry.name:
                raise RefDataError(f"{source}: alias {alias!r} of {entry.name!r} is already "
                                   f"an alias of {owner!r}")
            gazetteer.add(alias, MaterialAlias(entry.name))
        if entry.symbol:
            if symbols.setdefault(entry.symbol, entry.name) != entry.name:
                raise RefDataError(f"{source}: symbol {entry.symbol!r} is used twice")
    for entry in entries.values():
        seen = [entry.name]
        current = entry.broader
        while current is not None:
            if current in seen:
                raise RefDataError(f"{source}: broader chain of {entry.name!r} has a cycle: "
                                   + " -> ".join([*seen, current]))
            seen.append(current)
            current = entries[current].broader
    return MaterialData(
        entries=entries, gazetteer=gazetteer, alias_map=alias_map, symbols=symbols,
        unsafe_symbols=frozenset(_strings(lexicon.get("unsafe_symbols"),
                                          "[lexicon].unsafe_symbols", source)),
        anaphoric=frozenset(w.casefold() for w in _strings(
            lexicon.get("anaphoric_determiners"), "[lexicon].anaphoric_determiners", source)),
        agent_heads=frozenset(w.casefold() for w in _strings(
            lexicon.get("agent_heads"), "[lexicon].agent_heads", source)),
        part_heads=frozenset(w.casefold() for w in _strings(
            lexicon.get("part_heads"), "[lexicon].part_heads", source)),
        glued_modifiers=frozenset(w.casefold() for w in _strings(
            lexicon.get("glued_modifiers"), "[lexicon].glued_modifiers", source)),
        portfolio_titles=frozenset(
            tuple(token_key(w) for w in phrase.split())
            for phrase in _strings(lexicon.get("portfolio_titles"),
                                   "[lexicon].portfolio_titles", source)),
        demonyms=_demonyms(),
    )


def _demonyms() -> frozenset[str]:
    """The one-word nationality words of the actor tables ("Japanese", "Chinese")."""
    from .refdata import actor_data

    return frozenset(token_key(d) for entry in actor_data().entries.values()
                     for d in entry.demonyms if " " not in d)


def _add_compounds(tables: Any, entries: dict[str, MaterialEntry], source: Path) -> None:
    """Entries for compounds named after elements (``[[compound]]``: "dysprosium oxide")."""
    if not isinstance(tables, list):
        raise RefDataError(f"{source}: [[compound]] must be an array of tables")
    for i, raw in enumerate(tables):
        where = f"[[compound]] #{i + 1}"
        suffix = raw.get("suffix") if isinstance(raw, dict) else None
        if not isinstance(suffix, str) or not suffix.strip():
            raise RefDataError(f"{source}: {where}: missing 'suffix'")
        try:
            of_category = MaterialCategory(raw.get("of_category"))
            category = MaterialCategory(raw.get("category"))
        except ValueError as exc:
            raise RefDataError(f"{source}: {where}: 'of_category' and 'category' must be one "
                               f"of {[c.value for c in MaterialCategory]}") from exc
        elements = [e for e in entries.values() if e.symbol and e.category is of_category]
        alias_of = raw.get("alias_of")
        if alias_of is not None:
            # "terbium-bearing alloy" is a rare earth alloy, not a material of its own.
            if alias_of not in entries:
                raise RefDataError(f"{source}: {where}: alias_of {alias_of!r} is not a "
                                   "material of this file")
            target = entries[alias_of]
            names = tuple(_compound_name(e.name, suffix) for e in elements)
            entries[alias_of] = replace(target, aliases=(*target.aliases, *names))
            continue
        for element in elements:
            name = _compound_name(element.name, suffix)
            entries.setdefault(name, MaterialEntry(name=name, category=category,
                                                   broader=element.name))


def _compound_name(element: str, suffix: str) -> str:
    """"dysprosium oxide"; a suffix opening with a hyphen is glued ("terbium-bearing alloy")."""
    return f"{element}{suffix}" if suffix.startswith("-") else f"{element} {suffix}"


@lru_cache(maxsize=1)
def material_data() -> MaterialData:
    """The material taxonomy, loaded and checked once."""
    return parse_material_data(_read_toml(MATERIALS_FILE), MATERIALS_FILE)


def material_alias_map() -> dict[str, str]:
    """Normalised alias (see :func:`alias_key`) -> canonical material name."""
    return dict(material_data().alias_map)


def material_info(name: str) -> MaterialInfo | None:
    """What the taxonomy says about a material name."""
    entry = material_data().entries.get(name)
    if entry is None:
        return None
    return MaterialInfo(name=name, category=entry.category, broader=entry.broader)
