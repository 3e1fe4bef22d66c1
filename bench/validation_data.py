"""Synthetic graphs in the layout of docs/graph-layout.md, for the validation benchmark.

``synthetic(n)`` writes ``n`` articles as the builder would: an entities graph (actors,
materials with a small taxonomy, measures), one named graph per article (the article with its
text, mentions and citations; statements, numeric claims and this article's account of each
measure, every one with an evidence span whose offsets and anchor agree with the text) and a
disagreements graph.  An article gives about 280 distinct triples: ``synthetic_quads(t)``
makes about ``t`` triples (3,600 articles for 1M).

``defects=k`` breaks ``k`` nodes, cycling through :data:`DEFECTS` (a wrong anchor, a statement
dated after its article, a measure aimed at its issuer, an impossible date...), so that a
validator has something to find; ``inject_defects`` returns what was broken.  The same
arguments always give the same quads (a seeded ``random.Random``).

Usage: ``python bench/validation_data.py OUT.nq [--triples N] [--defects K] [--seed S]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.namespace import (
    DCTERMS,
    DISAGREEMENTS_GRAPH,
    ENTITIES_GRAPH,
    KG,
    NIF,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    actor_iri,
    article_iri,
    disagreement_iri,
    evidence_iri,
    material_iri,
    measure_iri,
    statement_iri,
)

TRIPLES_PER_ARTICLE = 280
"""About how many distinct triples one synthetic article adds (entities included)."""

_KINDS = ("State", "GovernmentBody", "Person", "Company", "MediaOutlet", "Organization")
_TYPES = ("ExportBan", "ExportControl", "LicensingRestriction", "ImportBan", "DiplomaticProtest")
_STATUSES = ("Announced", "InForce", "Reported")
_VERBS = ("said", "told reporters", "warned", "insisted", "added")
_WORDS = ("supply", "chains", "will", "remain", "stable", "despite", "the", "new", "rules",
          "we", "oppose", "any", "unilateral", "measure", "exports", "talks", "continue")


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _s(text: str) -> ox.Literal:
    return ox.Literal(text)


def _t(text: str, datatype: object) -> ox.Literal:
    return ox.Literal(text, datatype=_n(datatype))


_TYPE, _LABEL = _n(RDF.type), _n(RDFS.label)


@dataclass
class _Pools:
    actors: list[tuple[str, str, str]]  # (iri, kind, label)
    materials: list[tuple[str, str]]  # (iri, label)
    measures: list[tuple[str, str, str, str]]  # (iri, type, issuer, target)


@dataclass
class Synthetic:
    """A synthetic dataset: its quads and the IRIs a defect injector may pick from."""

    quads: list[ox.Quad] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)

    def add(self, graph: str, s: object, p: object, o: ox.NamedNode | ox.Literal) -> None:
        """Add one quad (subject and predicate given as IRIs)."""
        self.quads.append(ox.Quad(_n(s), _n(p), o, _n(graph)))


def _pools(articles: int, rng: random.Random) -> _Pools:
    states = [f"Country {i}" for i in range(max(8, articles // 40))]
    actors = [(actor_iri(name), "State", name) for name in states]
    for i in range(max(40, articles // 2)):
        kind = _KINDS[1 + i % (len(_KINDS) - 1)]
        actors.append((actor_iri(f"{kind} {i}"), kind, f"{kind} {i}"))
    materials = [(material_iri(f"material {i}"), f"material {i}")
                 for i in range(max(20, articles // 20))]
    measures = []
    for i in range(max(10, articles // 5)):
        issuer, target = rng.sample(states, 2)
        kind = _TYPES[i % len(_TYPES)]
        measures.append((measure_iri(f"{kind} {issuer} {target} {i}"), kind,
                         actor_iri(issuer), actor_iri(target)))
    return _Pools(actors, materials, measures)


def _entities(data: Synthetic, pools: _Pools) -> None:
    g = ENTITIES_GRAPH
    for iri, kind, label in pools.actors:
        data.add(g, iri, RDF.type, _n(KG.Actor))
        data.add(g, iri, RDF.type, _n(KG[kind]))
        if kind == "MediaOutlet":
            data.add(g, iri, RDF.type, _n(KG.Source))
        data.add(g, iri, RDFS.label, _s(label))
        data.add(g, iri, SKOS.altLabel, _s(label.upper()))
        data.actors.append(iri)
    for i, (iri, label) in enumerate(pools.materials):
        data.add(g, iri, RDF.type, _n(KG.Material))
        data.add(g, iri, RDFS.label, _s(label))
        data.add(g, iri, KG.category, _n(KG.RareEarthElement if i % 2 else KG.Component))
        if i >= 4:  # a shallow taxonomy under the first four materials
            data.add(g, iri, SKOS.broader, _n(pools.materials[i % 4][0]))
        data.materials.append(iri)
    for iri, kind, issuer, target in pools.measures:
        data.add(g, iri, RDF.type, _n(KG.Measure))
        data.add(g, iri, RDFS.label, _s(iri.rsplit("/", 1)[1].replace("-", " ")))
        data.add(g, iri, KG.measureType, _n(KG[kind]))
        data.add(g, iri, KG.issuer, _n(issuer))
        data.add(g, iri, KG.target, _n(target))
        data.measures.append(iri)


class _Text:
    """An article's text, written sentence by sentence, remembering spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def write(self, text: str) -> tuple[int, int]:
        begin = self.length
        self.parts.append(text)
        self.length += len(text)
        return begin, self.length

    def value(self) -> str:
        return "".join(self.parts)


def _evidence(data: Synthetic, ident: str, g: str, begin: int, end: int, anchor: str) -> str:
    e = evidence_iri(ident, begin, end)
    for cls in (KG.Evidence, NIF.String, NIF.RFC5147String):
        data.add(g, e, RDF.type, _n(cls))
    data.add(g, e, NIF.referenceContext, _n(g))
    data.add(g, e, NIF.beginIndex, _t(str(begin), XSD.integer))
    data.add(g, e, NIF.endIndex, _t(str(end), XSD.integer))
    data.add(g, e, NIF.anchorOf, _s(anchor))
    data.evidence.append(e)
    return e


def _article(data: Synthetic, index: int, pools: _Pools, rng: random.Random) -> None:
    ident = f"{index:06d}_synthetic.txt"
    g = article_iri(ident)
    day = 1 + index % 28
    text = _Text()
    mentioned: set[str] = set()
    people = rng.sample(pools.actors, 8)
    outlet = next((a for a in pools.actors if a[1] == "MediaOutlet"), people[0])
    text.write(f"Synthetic report {index}. ")
    for _ in range(12):
        speaker = rng.choice(people)
        mentioned.add(speaker[0])
        text.write(f"{speaker[2]} {rng.choice(_VERBS)}: \u201c")
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 14)))
        quote = words[0].upper() + words[1:] + "."
        begin, end = text.write(quote)
        text.write("\u201d ")
        s = statement_iri(ident, begin, end)
        data.add(g, s, RDF.type, _n(KG.Statement))
        data.add(g, s, KG.quote, _s(quote))
        data.add(g, s, KG.statementKind, _n(KG.DirectQuote))
        data.add(g, s, PROV.wasDerivedFrom, _n(g))
        data.add(g, s, KG.speaker, _n(speaker[0]))
        if rng.random() < 0.5:
            data.add(g, s, KG.date, _t(f"2026-01-{max(1, day - rng.randint(0, 3)):02d}", XSD.date))
        elif rng.random() < 0.3:
            data.add(g, s, KG.date, _t("2025-12", XSD.gYearMonth))
        data.add(g, s, KG.evidence, _n(_evidence(data, ident, g, begin, end, quote)))
        data.statements.append(s)
    for _ in range(4):
        value = rng.randint(2, 95)
        text.write("Shipments fell by ")
        quote = f"about {value}%"
        begin, end = text.write(quote)
        text.write(" last month. ")
        s = statement_iri(ident, begin, end)
        for cls in (KG.Statement, KG.NumericClaim):
            data.add(g, s, RDF.type, _n(cls))
        data.add(g, s, KG.quote, _s(quote))
        data.add(g, s, KG.statementKind, _n(KG.ReportedSpeech))
        data.add(g, s, PROV.wasDerivedFrom, _n(g))
        data.add(g, s, KG.unit, _s("percent"))
        data.add(g, s, KG.value, _t(str(value), XSD.decimal))
        data.add(g, s, KG.qualifier, _s("about"))
        data.add(g, s, KG.evidence, _n(_evidence(data, ident, g, begin, end, quote)))
        data.statements.append(s)
    materials = rng.sample(pools.materials, 3)
    for measure, kind, issuer, target in rng.sample(pools.measures, 2):
        material = rng.choice(materials)
        sentence = (f"{issuer.rsplit('/', 1)[1]} took a {kind} against "
                    f"{target.rsplit('/', 1)[1]} covering {material[1]} on January {day}")
        begin, end = text.write(sentence)
        text.write(". ")
        mentioned.update((measure, issuer, target))
        data.add(g, measure, KG.measureType, _n(KG[kind]))
        data.add(g, measure, KG.issuer, _n(issuer))
        data.add(g, measure, KG.target, _n(target))
        data.add(g, measure, KG.date, _t(f"2026-01-{day:02d}", XSD.date))
        data.add(g, measure, KG.status, _n(KG[rng.choice(_STATUSES)]))
        data.add(g, measure, KG.covers, _n(material[0]))
        data.add(g, measure, KG.evidence, _n(_evidence(data, ident, g, begin, end, sentence)))
    mentioned.update(m[0] for m in materials)
    for cls in (KG.Article, KG.Source, NIF.Context):
        data.add(g, g, RDF.type, _n(cls))
    data.add(g, g, DCTERMS.identifier, _s(ident))
    data.add(g, g, DCTERMS.title, _s(f"Synthetic report {index}"))
    data.add(g, g, DCTERMS.date, _t(f"2026-01-{day:02d}", XSD.date))
    data.add(g, g, DCTERMS.publisher, _s(outlet[2]))
    data.add(g, g, DCTERMS.creator, _s("A. Writer"))
    data.add(g, g, SCHEMA.url, _n(f"https://news.example.org/{index}"))
    data.add(g, g, NIF.isString, _s(text.value()))
    for node in sorted(mentioned):
        data.add(g, g, KG.mentions, _n(node))
    data.add(g, g, KG.mentions, _n(outlet[0]))
    data.add(g, g, KG.cites, _n(outlet[0]))
    data.articles.append(g)


def _disagreements(data: Synthetic) -> None:
    g = DISAGREEMENTS_GRAPH
    evidence = data.evidence
    for i in range(0, len(data.articles) - 1, 50):
        d = disagreement_iri(f"synthetic {i}")
        data.add(g, d, RDF.type, _n(KG.Disagreement))
        data.add(g, d, RDFS.label, _s(f"synthetic disagreement {i}"))
        data.add(g, d, DCTERMS.type, _s("date"))
        data.add(g, d, KG.conflictingAssertion, _n(evidence[i * 18]))
        data.add(g, d, KG.conflictingAssertion, _n(evidence[(i + 1) * 18]))


def synthetic(articles: int, *, seed: int = 0, defects: int = 0) -> Synthetic:
    """A synthetic dataset of ``articles`` articles, with ``defects`` injected defects."""
    rng = random.Random(seed)
    pools = _pools(articles, rng)
    data = Synthetic()
    _entities(data, pools)
    for index in range(articles):
        _article(data, index, pools, rng)
    _disagreements(data)
    # an entity no article mentions is weak data: keep the clean graph free of it
    mentioned = {q.object.value for q in data.quads if q.predicate.value == str(KG.mentions)}
    broader = {q.object.value for q in data.quads if q.predicate.value == str(SKOS.broader)}
    keep = mentioned | broader
    unused = {n for n in data.actors + data.materials + data.measures if n not in keep}
    data.quads = [q for q in data.quads if q.subject.value not in unused
                  and not (isinstance(q.object, ox.NamedNode) and q.object.value in unused)]
    data.actors = [a for a in data.actors if a not in unused]
    data.materials = [m for m in data.materials if m not in unused]
    data.measures = [m for m in data.measures if m not in unused]
    if defects:
        inject_defects(data, defects, random.Random(seed + 1))
    return data


def synthetic_quads(triples: int, *, seed: int = 0, defects: int = 0) -> list[ox.Quad]:
    """About ``triples`` quads of a synthetic dataset (see the module docstring)."""
    return synthetic(max(1, round(triples / TRIPLES_PER_ARTICLE)), seed=seed,
                     defects=defects).quads


# -- defects -------------------------------------------------------------------------------


def _replace(data: Synthetic, s: str, p: object, new: ox.NamedNode | ox.Literal | None,
             *, keep_one: bool = False) -> None:
    """Replace the objects of (s, p) with ``new`` in every graph (drop them when None)."""
    out, graphs = [], []
    for q in data.quads:
        if q.subject.value == s and q.predicate.value == str(p):
            graphs.append(q.graph_name)
            if keep_one:
                out.append(q)
            continue
        out.append(q)
    data.quads = out
    if new is not None:
        for g in dict.fromkeys(graphs) or [_n(ENTITIES_GRAPH)]:
            data.quads.append(ox.Quad(_n(s), _n(p), new, g))


def _graph_of(data: Synthetic, s: str) -> str:
    return next(q.graph_name.value for q in data.quads if q.subject.value == s)


def _object_of(data: Synthetic, s: str, p: object) -> ox.NamedNode | ox.Literal:
    """The first object of (s, p) in any graph."""
    return next(q.object for q in data.quads
                if q.subject.value == s and q.predicate.value == str(p))


def _wrong_anchor(data: Synthetic, rng: random.Random) -> str:
    e = rng.choice(data.evidence)
    _replace(data, e, NIF.anchorOf, _s("not the text at these offsets"))
    return e


def _end_past_text(data: Synthetic, rng: random.Random) -> str:
    e = rng.choice(data.evidence)
    _replace(data, e, NIF.endIndex, _t("99999999", XSD.integer))
    return e


def _statement_after_article(data: Synthetic, rng: random.Random) -> str:
    s = rng.choice(data.statements)
    _replace(data, s, KG.date, _t("2026-02", XSD.gYearMonth))
    return s


def _impossible_date(data: Synthetic, rng: random.Random) -> str:
    s = rng.choice(data.statements)
    _replace(data, s, KG.date, _t("2025-13", XSD.gYearMonth))
    return s


def _issuer_is_target(data: Synthetic, rng: random.Random) -> str:
    m = rng.choice(data.measures)
    target = _object_of(data, m, KG.target)
    data.quads.append(ox.Quad(_n(m), _n(KG.issuer), target, _n(ENTITIES_GRAPH)))
    return m


def _alt_label_is_label(data: Synthetic, rng: random.Random) -> str:
    a = rng.choice(data.actors)
    label = _object_of(data, a, RDFS.label)
    data.quads.append(ox.Quad(_n(a), _n(SKOS.altLabel), label, _n(ENTITIES_GRAPH)))
    return a


def _two_labels(data: Synthetic, rng: random.Random) -> str:
    m = rng.choice(data.materials)
    data.quads.append(ox.Quad(_n(m), _LABEL, _s("another name"), _n(ENTITIES_GRAPH)))
    return m


def _speaker_not_actor(data: Synthetic, rng: random.Random) -> str:
    s = rng.choice([s for s in data.statements if "statement" in s])
    _replace(data, s, KG.speaker, _n(rng.choice(data.materials)))
    return s


def _quote_with_language(data: Synthetic, rng: random.Random) -> str:
    s = rng.choice(data.statements)
    quote = _object_of(data, s, KG.quote).value
    _replace(data, s, KG.quote, ox.Literal(quote, language="en"))
    return s


def _negative_begin(data: Synthetic, rng: random.Random) -> str:
    e = rng.choice(data.evidence)
    _replace(data, e, NIF.beginIndex, _t("-3", XSD.integer))
    return e


def _no_evidence(data: Synthetic, rng: random.Random) -> str:
    s = rng.choice(data.statements)
    _replace(data, s, KG.evidence, None)
    return s


def _unknown_status(data: Synthetic, rng: random.Random) -> str:
    m = rng.choice(data.measures)
    _replace(data, m, KG.status, _n(KG.DirectQuote))
    return m


def _bad_article_date(data: Synthetic, rng: random.Random) -> str:
    a = rng.choice(data.articles)
    _replace(data, a, DCTERMS.date, _t("2026-02-30", XSD.date))
    return a


def _material_unmentioned(data: Synthetic, rng: random.Random) -> str:
    iri = material_iri(f"orphan material {rng.randint(0, 10**9)}")
    data.quads.append(ox.Quad(_n(iri), _TYPE, _n(KG.Material), _n(ENTITIES_GRAPH)))
    data.quads.append(ox.Quad(_n(iri), _LABEL, _s("orphan material"), _n(ENTITIES_GRAPH)))
    data.quads.append(ox.Quad(_n(iri), _n(KG.category), _n(KG.Component), _n(ENTITIES_GRAPH)))
    return iri


DEFECTS: dict[str, Callable[[Synthetic, random.Random], str]] = {
    "wrong anchor": _wrong_anchor,
    "end past text": _end_past_text,
    "statement after article": _statement_after_article,
    "impossible month": _impossible_date,
    "issuer is target": _issuer_is_target,
    "altLabel is label": _alt_label_is_label,
    "two labels": _two_labels,
    "speaker not an actor": _speaker_not_actor,
    "quote with language tag": _quote_with_language,
    "negative begin": _negative_begin,
    "statement without evidence": _no_evidence,
    "status of another scheme": _unknown_status,
    "impossible article date": _bad_article_date,
    "material nobody mentions": _material_unmentioned,
}
"""Defect name -> injector (returns the IRI of the node it broke)."""


def inject_defects(data: Synthetic, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Break ``count`` nodes of ``data``, cycling through :data:`DEFECTS`; returns
    (defect, node) pairs."""
    names = list(DEFECTS)
    return [(names[i % len(names)], DEFECTS[names[i % len(names)]](data, rng))
            for i in range(count)]


def iter_nquads(quads: list[ox.Quad]) -> Iterator[bytes]:
    """The quads as N-Quads lines."""
    for quad in quads:
        yield (str(quad) + " .\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic dataset as N-Quads (or TriG, by extension)."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--triples", type=int, default=10_000)
    parser.add_argument("--defects", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    quads = synthetic_quads(args.triples, seed=args.seed, defects=args.defects)
    fmt = ox.RdfFormat.TRIG if args.output.suffix == ".trig" else ox.RdfFormat.N_QUADS
    ox.serialize(quads, output=str(args.output), format=fmt)
    print(f"wrote {len(quads)} quads to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
