"""JSON-LD that people and scripts can read: compact IRIs under an ``@context``.

pyoxigraph writes JSON-LD in expanded form (every IRI in full, ``rdf:type`` as a plain
key).  :func:`compact_jsonld` rewrites such a document with an ``@context`` of the
:data:`kg.namespace.PREFIXES` it uses, compact IRIs (``"kg:issuer": [{"@id":
"actor:china"}]``) and ``@type`` for ``rdf:type``: the same quads for a JSON-LD processor
(both pyoxigraph and rdflib read them back), readable by a person or a script that indexes
the keys.  Literals are never touched.  ``kg export`` and the endpoint's JSON-LD answers
use it.
"""

from __future__ import annotations

import json
from typing import Any

from .namespace import PREFIXES, compact

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def compact_jsonld(expanded: bytes) -> bytes:
    """The expanded JSON-LD document ``expanded`` with a context and compact IRIs."""
    document = json.loads(expanded) if expanded.strip() else []
    used: set[str] = set()
    graph = _compact_node(document, used)
    context = {prefix: iri for prefix, iri in PREFIXES.items() if prefix in used}
    compacted = {"@context": context, "@graph": graph}
    return json.dumps(compacted, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _compact_node(node: Any, used: set[str]) -> Any:
    if isinstance(node, list):
        return [_compact_node(item, used) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == _RDF_TYPE and _all_iris(value):
            # rdf:type as JSON-LD's own keyword ("@type": ["kg:Measure"]): the same triples,
            # and what JSON-LD tools and people look for first.
            out["@type"] = [_compact(v["@id"], used) for v in value]
        elif key == "@id":
            out[key] = _compact(value, used)
        elif key == "@type":  # a node's types or a literal's datatype: IRIs
            out[key] = [_compact(v, used) for v in value] if isinstance(value, list) \
                else _compact(value, used)
        elif key.startswith("@"):
            out[key] = value if key == "@value" else _compact_node(value, used)
        else:
            out[_compact(key, used)] = _compact_node(value, used)
    return out


def _compact(iri: str, used: set[str]) -> str:
    short = compact(iri)
    if short != iri:
        used.add(short.split(":", 1)[0])
    return short


def _all_iris(values: Any) -> bool:
    """Whether expanded values are all node references to IRIs (not blank nodes)."""
    return isinstance(values, list) and all(
        isinstance(v, dict) and set(v) == {"@id"} and not str(v["@id"]).startswith("_:")
        for v in values)
