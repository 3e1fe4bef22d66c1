"""Synthetic graphs in the layout of docs/graph-layout.md, of any size, for benchmarks.

Not extraction output: random but plausible data (deterministic for a seed) shaped like
what ``kg build`` writes, so that queries written for the real graph (labels, statements
with speakers and affiliations, measures with types and dates, one named graph per article
with evidence spans) exercise the same indexes at a million triples or more.

    python bench/synthetic_graph.py --triples 1000000 --store /tmp/synthetic/store
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.namespace import (  # noqa: E402
    ENTITIES_GRAPH,
    KG,
    NIF,
    SCHEMA,
    actor_iri,
    article_iri,
    evidence_iri,
    material_iri,
    measure_iri,
    statement_iri,
)
from kg.store import Store  # noqa: E402

TRIPLES_PER_ARTICLE = 160  # about: measured on the generator's own output
_ACTOR_TYPES = ("Person", "State", "GovernmentBody", "Company", "MediaOutlet", "Organization")
_MEASURE_TYPES = ("ExportBan", "ExportControl", "LicensingRestriction", "ImportBan",
                  "TravelAdvisory", "DiplomaticProtest", "DefenceBudget", "MilitaryDrill",
                  "OtherMeasure")
_STATUSES = ("Announced", "InForce", "Reported", "UnderConsideration", "Historical")
_CATEGORIES = ("RareEarthElement", "RareEarthProduct", "Semiconductor", "Component",
               "Technology", "OtherMaterial")
_WORDS = ("export", "ban", "ministry", "rare", "earth", "magnet", "control", "licence",
          "trade", "security", "protest", "statement", "minister", "supply", "chain",
          "semiconductor", "defence", "budget", "drill", "tariff", "talks", "embassy")
_START = dt.date(2025, 1, 1)


def _iri(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


_TYPE, _LABEL, _ALT = _iri(RDF.type), _iri(RDFS.label), _iri(SKOS.altLabel)
_BROADER, _DATE_T = _iri(SKOS.broader), _iri(XSD.date)
_INTEGER = _iri(XSD.integer)


def _kg(name: str) -> ox.NamedNode:
    return _iri(KG[name])


@dataclass(frozen=True)
class Sizes:
    """How many of each node a graph of about ``triples`` triples gets."""

    articles: int
    actors: int
    materials: int
    measures: int

    @classmethod
    def for_triples(cls, triples: int) -> Sizes:
        """Sizes giving about ``triples`` triples in all."""
        articles = max(triples // TRIPLES_PER_ARTICLE, 2)
        return cls(articles=articles, actors=max(articles // 3, 12),
                   materials=max(articles // 30, 8), measures=max(articles // 6, 6))


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _date(rng: random.Random) -> ox.Literal:
    return ox.Literal((_START + dt.timedelta(days=rng.randrange(730))).isoformat(),
                      datatype=_DATE_T)


def generate(triples: int, seed: int = 7) -> Iterator[ox.Quad]:
    """Quads of a synthetic graph of about ``triples`` triples (same seed, same quads)."""
    rng = random.Random(seed)
    sizes = Sizes.for_triples(triples)
    entities = ox.NamedNode(ENTITIES_GRAPH)
    actors = [ox.NamedNode(actor_iri(f"actor {i}")) for i in range(sizes.actors)]
    bodies = actors[: max(sizes.actors // 10, 2)]
    materials = [ox.NamedNode(material_iri(f"material {i}")) for i in range(sizes.materials)]
    measures = [ox.NamedNode(measure_iri(f"measure {i}")) for i in range(sizes.measures)]

    for i, actor in enumerate(actors):
        kind = "GovernmentBody" if actor in bodies else _ACTOR_TYPES[i % len(_ACTOR_TYPES)]
        yield ox.Quad(actor, _TYPE, _kg("Actor"), entities)
        yield ox.Quad(actor, _TYPE, _kg(kind), entities)
        yield ox.Quad(actor, _LABEL, ox.Literal(f"Actor {i}"), entities)
        yield ox.Quad(actor, _ALT, ox.Literal(f"A{i}"), entities)
        if actor not in bodies:
            yield ox.Quad(actor, _kg("affiliation"), rng.choice(bodies), entities)
    for i, material in enumerate(materials):
        yield ox.Quad(material, _TYPE, _kg("Material"), entities)
        yield ox.Quad(material, _LABEL, ox.Literal(f"material {i}"), entities)
        yield ox.Quad(material, _kg("category"), _kg(_CATEGORIES[i % len(_CATEGORIES)]),
                      entities)
        if i >= 4:
            yield ox.Quad(material, _BROADER, materials[i % 4], entities)
    identity: dict[ox.NamedNode, tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]] = {}
    for i, measure in enumerate(measures):
        kind = _kg(_MEASURE_TYPES[i % len(_MEASURE_TYPES)])
        issuer, target = rng.sample(actors, 2)
        identity[measure] = (kind, issuer, target)
        yield ox.Quad(measure, _TYPE, _kg("Measure"), entities)
        yield ox.Quad(measure, _LABEL, ox.Literal(f"measure {i}"), entities)
        for predicate, value in zip(("measureType", "issuer", "target"), identity[measure],
                                    strict=True):
            yield ox.Quad(measure, _kg(predicate), value, entities)

    for n in range(sizes.articles):
        yield from _article(rng, n, actors, materials, measures, identity)


def _article(
    rng: random.Random, n: int, actors: list[ox.NamedNode], materials: list[ox.NamedNode],
    measures: list[ox.NamedNode],
    identity: dict[ox.NamedNode, tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]],
) -> Iterator[ox.Quad]:
    name = f"{n:06d}_synthetic.txt"
    article = ox.NamedNode(article_iri(name))
    sentences = [_text(rng, rng.randrange(8, 16)) for _ in range(12)]
    text = " ".join(sentences)
    date = _date(rng)

    def quad(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(s, p, o, article)

    yield quad(article, _TYPE, _kg("Article"))
    yield quad(article, _TYPE, _kg("Source"))
    yield quad(article, _TYPE, _iri(NIF.Context))
    yield quad(article, _iri(DCTERMS.identifier), ox.Literal(name))
    yield quad(article, _iri(DCTERMS.title), ox.Literal(sentences[0]))
    yield quad(article, _iri(DCTERMS.date), date)
    yield quad(article, _iri(DCTERMS.publisher), ox.Literal(f"Outlet {n % 40}"))
    yield quad(article, _iri(SCHEMA.url), ox.NamedNode(f"https://news.example/{n}"))
    yield quad(article, _iri(NIF.isString), ox.Literal(text))
    for node in {*rng.sample(actors, 6), *rng.sample(materials, 3), *rng.sample(measures, 2)}:
        yield quad(article, _kg("mentions"), node)
    yield quad(article, _kg("cites"), rng.choice(actors))

    offset = 0
    spans = []
    for sentence in sentences:
        spans.append((offset, offset + len(sentence), sentence))
        offset += len(sentence) + 1

    def evidence(begin: int, end: int, anchor: str) -> Iterator[ox.Quad]:
        node = ox.NamedNode(evidence_iri(name, begin, end))
        yield quad(node, _TYPE, _kg("Evidence"))
        yield quad(node, _TYPE, _iri(NIF.String))
        yield quad(node, _iri(NIF.referenceContext), article)
        yield quad(node, _iri(NIF.beginIndex), ox.Literal(str(begin), datatype=_INTEGER))
        yield quad(node, _iri(NIF.endIndex), ox.Literal(str(end), datatype=_INTEGER))
        yield quad(node, _iri(NIF.anchorOf), ox.Literal(anchor))

    for begin, end, sentence in spans[1:9]:
        statement = ox.NamedNode(statement_iri(name, begin, end))
        yield quad(statement, _TYPE, _kg("Statement"))
        yield quad(statement, _kg("speaker"), rng.choice(actors))
        yield quad(statement, _kg("quote"), ox.Literal(sentence))
        yield quad(statement, _kg("statementKind"),
                   _kg("DirectQuote" if begin % 2 else "ReportedSpeech"))
        yield quad(statement, _kg("date"), date)
        yield quad(statement, _kg("about"), rng.choice(measures))
        yield quad(statement, _iri(PROV.wasDerivedFrom), article)
        yield quad(statement, _kg("evidence"), ox.NamedNode(evidence_iri(name, begin, end)))
        yield from evidence(begin, end, sentence)
    for (begin, end, sentence), measure in zip(spans[9:11], rng.sample(measures, 2),
                                               strict=True):
        kind, issuer, target = identity[measure]
        yield quad(measure, _kg("measureType"), kind)
        yield quad(measure, _kg("issuer"), issuer)
        yield quad(measure, _kg("target"), target)
        yield quad(measure, _kg("date"), date)
        yield quad(measure, _kg("status"), _kg(rng.choice(_STATUSES)))
        yield quad(measure, _kg("covers"), rng.choice(materials))
        yield quad(measure, _kg("evidence"), ox.NamedNode(evidence_iri(name, begin, end)))
        yield from evidence(begin, end, sentence)


def write_store(location: str | Path, triples: int, seed: int = 7) -> int:
    """Write a new generation at ``location`` holding a synthetic graph; returns its quads."""
    with Store(location).write() as target:
        target.bulk_extend(generate(triples, seed))
        count = len(target)
    return count


def main() -> int:
    """Command line: write a synthetic store of the size asked for."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--store", required=True, help="store location to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    began = time.perf_counter()
    count = write_store(args.store, args.triples, args.seed)
    print(f"wrote {count} quads to {args.store} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
