"""Load gold annotations in the format of /work/shared/eval/README.md (``seeds-gold.json``).

The loader checks the structure and turns each gold item into a small frozen dataclass that
already holds the name keys (:func:`kg.evaluate.rules.name_key`) it is matched by, so that
scoring never goes back to the JSON.  A malformed file raises :class:`~kg.errors.UsageError`
naming the file, the entry and the key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .rules import name_keys

CLASSES = ("actors", "materials", "sources", "measures", "statements", "figures")
"""The scored classes, in report order."""

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class GoldEntity:
    """A gold actor, material or source: its name and every key it is matched by."""

    name: str
    keys: frozenset[str]
    kind: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldMeasure:
    """A gold measure; ``issuer_keys`` admit the issuer, ``issuer_alt`` and part_of parents."""

    measure_id: str
    types: tuple[str, ...]
    issuer: str | None
    issuer_keys: frozenset[str]
    target: str | None
    target_keys: frozenset[str]
    date: str | None
    status: str | None
    mentions: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class GoldStatement:
    """A gold statement; ``texts`` are ``text`` and its ``alt_texts``."""

    speaker: str
    speaker_keys: frozenset[str]
    texts: tuple[str, ...]
    kind: str
    date: str | None
    optional: bool = False


@dataclass(frozen=True)
class GoldFigure:
    """A gold figure: ``low``/``high`` are equal for one value, None for a vague one."""

    low: float | None
    high: float | None
    unit: str
    mention: str
    qualifier: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class Trap:
    """Something the text does not support; free text, so listed for a human to check."""

    what: str
    why: str


@dataclass
class GoldFile:
    """The gold annotations of one article file."""

    name: str
    actors: list[GoldEntity] = field(default_factory=list)
    materials: list[GoldEntity] = field(default_factory=list)
    sources: list[GoldEntity] = field(default_factory=list)
    articles: list[GoldEntity] = field(default_factory=list)
    measures: list[GoldMeasure] = field(default_factory=list)
    statements: list[GoldStatement] = field(default_factory=list)
    figures: list[GoldFigure] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)


@dataclass
class Gold:
    """A whole gold file: the annotated articles, by file name."""

    files: dict[str, GoldFile]
    source: str = "<gold>"


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; :class:`UsageError` with a clear reason when it is bad."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{p}: cannot read gold file: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{p}: not valid JSON: {exc.msg} at line {exc.lineno} "
                         f"column {exc.colno}") from exc
    return parse_gold(data, source=str(p))


def parse_gold(data: Any, *, source: str = "<gold>") -> Gold:
    """Build :class:`Gold` from decoded JSON (see :func:`load_gold`)."""
    top = _Reader(source)
    top.expect(isinstance(data, dict), "", "the top level must be a JSON object")
    files = top.key(data, "files", dict, "")
    actors = _Canon(top.optional(data, "canonical_actors", dict, "", {}), source)
    materials = _Canon(top.optional(data, "canonical_materials", dict, "", {}), source)
    gold = Gold(files={}, source=source)
    for name, entry in files.items():
        where = f"files[{name!r}]"
        top.expect(isinstance(entry, dict), where, "must be an object")
        gold.files[name] = _parse_file(top, name, entry, actors, materials)
    return gold


class _Reader:
    """Typed access to JSON values, raising :class:`UsageError` that says where."""

    def __init__(self, source: str) -> None:
        self.source = source

    def expect(self, condition: bool, where: str, message: str) -> None:
        if not condition:
            place = f" {where}" if where else ""
            raise UsageError(f"{self.source}: bad gold file:{place} {message}")

    def key(self, obj: dict[str, Any], key: str, kind: type, where: str) -> Any:
        self.expect(key in obj, where, f"missing key '{key}'")
        value = obj[key]
        self.expect(isinstance(value, kind), f"{where}.{key}".lstrip("."),
                    f"must be a {kind.__name__}, not {type(value).__name__}")
        return value

    def optional(self, obj: dict[str, Any], key: str, kind: type | tuple[type, ...],
                 where: str, default: Any) -> Any:
        value = obj.get(key)
        if value is None:
            return default
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        self.expect(isinstance(value, kind), f"{where}.{key}".lstrip("."),
                    f"must be a {names}, not {type(value).__name__}")
        return value

    def items(self, entry: dict[str, Any], key: str, where: str) -> list[tuple[str, dict]]:
        values = self.key(entry, key, list, where)
        out = []
        for i, item in enumerate(values):
            self.expect(isinstance(item, dict), f"{where}.{key}[{i}]", "must be an object")
            out.append((f"{where}.{key}[{i}]", item))
        return out

    def date(self, item: dict[str, Any], where: str) -> str | None:
        value = item.get("date")
        if value is None:
            return None
        self.expect(isinstance(value, str) and bool(_DATE.match(value)), f"{where}.date",
                    f"must be YYYY, YYYY-MM, YYYY-MM-DD or null, not {value!r}")
        return value


class _Canon:
    """The ``canonical_actors``/``canonical_materials`` table: surface forms and parents."""

    def __init__(self, table: dict[str, Any], source: str) -> None:
        self.forms: dict[str, list[str]] = {}
        self.parent: dict[str, str] = {}
        reader = _Reader(source)
        for name, entry in table.items():
            reader.expect(isinstance(entry, dict), f"canonical entry {name!r}", "must be an object")
            forms = reader.optional(entry, "surface_forms", list, f"canonical entry {name!r}", [])
            self.forms[name] = [f for f in forms if isinstance(f, str)]
            parent = entry.get("part_of")
            if isinstance(parent, str) and parent:
                self.parent[name] = parent

    def keys(self, name: str, extra: list[str] | tuple[str, ...] = ()) -> frozenset[str]:
        """The name, its canonical surface forms and ``extra`` forms, as keys."""
        return name_keys([name, *self.forms.get(name, []), *extra])

    def parents(self, name: str) -> list[str]:
        """The part_of chain above ``name``, nearest first."""
        chain: list[str] = []
        while (name := self.parent.get(name, "")) and name not in chain:
            chain.append(name)
        return chain


def _parse_file(r: _Reader, fname: str, entry: dict[str, Any], actors: _Canon,
                materials: _Canon) -> GoldFile:
    where = f"files[{fname!r}]"
    out = GoldFile(name=fname)
    mentions: dict[str, list[str]] = {}
    for w, item in r.items(entry, "actors", where):
        name = r.key(item, "name", str, w)
        forms = [m for m in r.optional(item, "mentions", list, w, []) if isinstance(m, str)]
        mentions.setdefault(name, []).extend(forms)
        out.actors.append(GoldEntity(name, actors.keys(name, forms), item.get("type"),
                                     bool(item.get("optional"))))

    def actor_keys(name: str) -> frozenset[str]:
        return actors.keys(name, mentions.get(name, []))

    for w, item in r.items(entry, "materials", where):
        name = r.key(item, "name", str, w)
        forms = [m for m in r.optional(item, "mentions", list, w, []) if isinstance(m, str)]
        out.materials.append(GoldEntity(name, materials.keys(name, forms), item.get("category"),
                                        bool(item.get("optional"))))
    for w, item in r.items(entry, "sources", where):
        name = r.key(item, "name", str, w)
        kind = r.key(item, "kind", str, w)
        source = GoldEntity(name, actor_keys(name), kind, bool(item.get("optional")))
        (out.articles if kind == "article" else out.sources).append(source)
    for w, item in r.items(entry, "measures", where):
        out.measures.append(_measure(r, w, item, actors, actor_keys))
    for w, item in r.items(entry, "statements", where):
        speaker = r.key(item, "speaker", str, w)
        alts = _strings(item.get("speaker_alt"))
        keys = frozenset().union(*(actor_keys(s) for s in [speaker, *alts]))
        texts = [r.key(item, "text", str, w), *_strings(item.get("alt_texts"))]
        out.statements.append(GoldStatement(
            speaker, keys, tuple(texts), r.key(item, "kind", str, w), r.date(item, w),
            bool(item.get("optional"))))
    for w, item in r.items(entry, "figures", where):
        out.figures.append(_figure(r, w, item))
    for _, item in r.items(entry, "traps", where) if "traps" in entry else []:
        out.traps.append(Trap(str(item.get("what", "")), str(item.get("why", ""))))
    return out


def _measure(r: _Reader, w: str, item: dict[str, Any], actors: _Canon,
             actor_keys: Any) -> GoldMeasure:
    types = [r.key(item, "type", str, w), *_strings(item.get("type_alt"))]
    issuer = r.optional(item, "issuer", str, w, None)
    alts = _strings(item.get("issuer_alt"))
    accepted: list[str] = []
    for name in ([issuer] if issuer else []) + alts:
        for candidate in [name, *actors.parents(name)]:
            if candidate not in accepted:
                accepted.append(candidate)
    target = r.optional(item, "target", str, w, None)
    mentions = _strings(item.get("mention")) + _strings(item.get("alt_mentions"))
    return GoldMeasure(
        measure_id=str(item.get("measure_id", w)),
        types=tuple(dict.fromkeys(types)),
        issuer=issuer,
        issuer_keys=frozenset().union(*(actor_keys(a) for a in accepted)),
        target=target,
        target_keys=actor_keys(target) if target else frozenset(),
        date=r.date(item, w),
        status=item.get("status") if isinstance(item.get("status"), str) else None,
        mentions=tuple(mentions),
        optional=bool(item.get("optional")),
    )


def _figure(r: _Reader, w: str, item: dict[str, Any]) -> GoldFigure:
    r.expect("value" in item, w, "missing key 'value'")
    value = item["value"]
    low: float | None
    high: float | None
    if value is None:
        low = high = None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        low = high = float(value)
    elif (isinstance(value, list) and len(value) == 2
          and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        low, high = float(min(value)), float(max(value))
    else:
        raise UsageError(f"{r.source}: bad gold file: {w}.value must be a number, a list of "
                         f"two numbers or null, not {value!r}")
    return GoldFigure(low, high, r.key(item, "unit", str, w), str(item.get("mention", "")),
                      item.get("qualifier"), bool(item.get("optional")))



def _strings(value: Any) -> list[str]:
    """A string or a list of strings as a list (optional ``*_alt`` keys take either)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return []
