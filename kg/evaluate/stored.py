"""Store mode: predictions read back from a built graph with SPARQL (docs/graph-layout.md).

For each article (a ``kg:Article`` in its own named graph; its ``dcterms:identifier`` is the
gold file name):

* actors and materials: the article's ``kg:mentions`` targets typed ``kg:Actor`` or
  ``kg:Material``, with their ``rdfs:label`` and every ``skos:altLabel`` (corpus-wide, as the
  layout collects them);
* sources: the article's ``kg:cites`` targets, named likewise;
* measures: ``kg:Measure`` nodes the article mentions, typed by their identity in the
  entities graph (``kg:measureType``); issuers and targets are those the article's own graph
  gives (falling back on the identity's), dates, statuses and evidence anchors come from the
  article's graph;
* statements: its ``kg:Statement`` nodes that are not ``kg:NumericClaim``; figures: its
  ``kg:NumericClaim`` nodes;
* evidence: every ``kg:Evidence`` node in its graph, checked against its ``nif:isString``.

The article itself (the gold source of kind ``article``) is found when such a ``kg:Article``
exists; see :mod:`kg.evaluate.score`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from ..graph import (
    ACTOR_CLASSES,
    CATEGORY_CONCEPTS,
    KIND_CONCEPTS,
    MEASURE_CONCEPTS,
    STATUS_CONCEPTS,
)
from ..namespace import ENTITIES_GRAPH, sparql_prefixes
from ..store import Store, run_query
from .predictions import (
    EvidenceSpan,
    PredEntity,
    PredFigure,
    PredFile,
    Predictions,
    PredMeasure,
    PredStatement,
)

_MEASURE_TYPES = {str(iri): kind.value for kind, iri in MEASURE_CONCEPTS.items()}
_STATUSES = {str(iri): status.value for status, iri in STATUS_CONCEPTS.items()}
_KINDS = {str(iri): kind.value for kind, iri in KIND_CONCEPTS.items()}
_ACTOR_TYPES = {str(iri): kind.value for kind, iri in ACTOR_CLASSES.items()}
_CATEGORIES = {str(iri): cat.value for cat, iri in CATEGORY_CONCEPTS.items()}

# Every query binds ?id to the article's file name, so rows group by gold file.
_ARTICLE = "GRAPH ?g { ?a a kg:Article ; dcterms:identifier ?id ."

_Q_ARTICLES = f"SELECT ?id ?text WHERE {{ {_ARTICLE} OPTIONAL {{ ?a nif:isString ?text }} }} }}"
_Q_LABELS = "SELECT ?e ?label WHERE { ?e rdfs:label ?label }"
_Q_ALT_LABELS = "SELECT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
_Q_ACTOR_TYPES = "SELECT ?e ?t WHERE { ?e a kg:Actor , ?t }"
_Q_CATEGORIES = "SELECT ?e ?t WHERE { ?e a kg:Material ; kg:category ?t }"
_Q_MENTIONS = f"""SELECT ?id ?e ?cls WHERE {{ {_ARTICLE} ?a kg:mentions ?e }}
  VALUES ?cls {{ kg:Actor kg:Material }} ?e a ?cls }}"""
_Q_CITES = f"SELECT ?id ?e WHERE {{ {_ARTICLE} ?a kg:cites ?e }} }}"
_Q_MEASURES = f"""SELECT ?id ?m ?type WHERE {{ {_ARTICLE} ?a kg:mentions ?m }}
  GRAPH <{ENTITIES_GRAPH}> {{ ?m a kg:Measure ; kg:measureType ?type }} }}"""
_Q_MEASURE_ACCOUNTS = f"""SELECT ?id ?m ?p ?o WHERE {{ {_ARTICLE} ?a kg:mentions ?m .
  ?m ?p ?o . VALUES ?p {{ kg:issuer kg:target kg:date kg:status }} }} }}"""
_Q_MEASURE_EVIDENCE = f"""SELECT ?id ?m ?anchor WHERE {{ {_ARTICLE} ?a kg:mentions ?m .
  ?m kg:evidence ?ev . ?ev nif:anchorOf ?anchor }} }}"""
_Q_MEASURE_IDENTITY = f"""SELECT ?m ?p ?o WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{
  ?m a kg:Measure ; ?p ?o . VALUES ?p {{ kg:issuer kg:target }} }} }}"""
_Q_STATEMENTS = f"""SELECT ?id ?s ?quote ?kind ?speaker ?date ?negated WHERE {{ {_ARTICLE}
  ?s a kg:Statement ; kg:quote ?quote ; kg:statementKind ?kind .
  FILTER NOT EXISTS {{ ?s a kg:NumericClaim }}
  OPTIONAL {{ ?s kg:speaker ?speaker }} OPTIONAL {{ ?s kg:date ?date }}
  OPTIONAL {{ ?s kg:negated ?negated }} }} }}"""
_Q_FIGURES = f"""SELECT ?id ?s ?quote ?unit ?value ?max ?qualifier WHERE {{ {_ARTICLE}
  ?s a kg:NumericClaim ; kg:quote ?quote ; kg:unit ?unit .
  OPTIONAL {{ ?s kg:value ?value }} OPTIONAL {{ ?s kg:valueMax ?max }}
  OPTIONAL {{ ?s kg:qualifier ?qualifier }} }} }}"""
_Q_EVIDENCE = f"""SELECT ?id ?begin ?end ?anchor WHERE {{ {_ARTICLE}
  ?ev a kg:Evidence ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor }} }}"""


def predict_from_store(store: Store) -> Predictions:
    """Read every article's predictions from the store's current graph."""
    db = store.open(read_only=True)
    return predictions_from_oxigraph(db, mode=f"store {store.location}")


def predictions_from_oxigraph(db: ox.Store, *, mode: str = "store") -> Predictions:
    """Read predictions from an open pyoxigraph store laid out as docs/graph-layout.md says."""
    out = Predictions(mode=mode)
    for row in _rows(db, _Q_ARTICLES):
        out.files[row["id"]] = PredFile(name=row["id"], text=row.get("text"))
    names = _Names(db)
    _add_entities(db, out, names)
    _add_measures(db, out, names)
    _add_statements(db, out, names)
    _add_figures(db, out)
    for row in _rows(db, _Q_EVIDENCE):
        out.files[row["id"]].evidence.append(
            EvidenceSpan(int(row["begin"]), int(row["end"]), row["anchor"]))
    for pred in out.files.values():
        pred.evidence.sort(key=lambda e: (e.begin, e.end, e.anchor))
    return out


class _Names:
    """Labels, alternative labels, actor types and material categories of every node."""

    def __init__(self, db: ox.Store) -> None:
        labels: dict[str, list[str]] = defaultdict(list)
        for row in _rows(db, _Q_LABELS):
            labels[row["e"]].append(row["label"])
        self.alts: dict[str, set[str]] = defaultdict(set)
        for row in _rows(db, _Q_ALT_LABELS):
            self.alts[row["e"]].add(row["alt"])
        # Exactly one label per entity by the layout; tolerate more, deterministically.
        self.label = {iri: min(values) for iri, values in labels.items()}
        for iri, values in labels.items():
            self.alts[iri].update(v for v in values if v != self.label[iri])
        self.types: dict[str, str] = {}
        for query, table in ((_Q_ACTOR_TYPES, _ACTOR_TYPES), (_Q_CATEGORIES, _CATEGORIES)):
            for row in sorted(_rows(db, query), key=lambda r: (r["e"], r["t"])):
                if row["t"] in table:
                    self.types.setdefault(row["e"], table[row["t"]])

    def entity(self, iri: str) -> PredEntity:
        """The entity named by ``iri`` (its IRI as label if it has none)."""
        return PredEntity(self.label.get(iri, iri), set(self.alts.get(iri, ())),
                          self.types.get(iri))

    def of(self, iri: str | None) -> set[str]:
        """Every name of a node: label and alternative labels."""
        return self.entity(iri).names if iri else set()


def _add_entities(db: ox.Store, out: Predictions, names: _Names) -> None:
    seen: set[tuple[str, str]] = set()
    for row in sorted(_rows(db, _Q_MENTIONS), key=lambda r: (r["id"], r["e"])):
        if (row["id"], row["e"]) in seen:
            continue  # an entity typed both Actor and Material is counted once
        seen.add((row["id"], row["e"]))
        group = out.files[row["id"]].actors if row["cls"].endswith("Actor") else \
            out.files[row["id"]].materials
        group.append(names.entity(row["e"]))
    for row in sorted(_rows(db, _Q_CITES), key=lambda r: (r["id"], r["e"])):
        out.files[row["id"]].sources.append(names.entity(row["e"]))


def _add_measures(db: ox.Store, out: Predictions, names: _Names) -> None:
    measures: dict[tuple[str, str], PredMeasure] = {}
    for row in sorted(_rows(db, _Q_MEASURES), key=lambda r: (r["id"], r["m"])):
        key = (row["id"], row["m"])
        if key not in measures and row["type"] in _MEASURE_TYPES:
            measures[key] = PredMeasure(label=names.label.get(row["m"], row["m"]),
                                        type=_MEASURE_TYPES[row["type"]])
            out.files[row["id"]].measures.append(measures[key])
    identity: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows(db, _Q_MEASURE_IDENTITY):
        identity[(row["m"], row["p"].rsplit("#", 1)[-1])].add(row["o"])
    for row in _rows(db, _Q_MEASURE_ACCOUNTS):
        measure = measures.get((row["id"], row["m"]))
        if measure is None:
            continue
        prop = row["p"].rsplit("#", 1)[-1]
        if prop == "issuer":
            measure.issuer_names |= names.of(row["o"])
        elif prop == "target":
            measure.target_names |= names.of(row["o"])
        elif prop == "date":
            measure.dates.add(row["o"])
        elif prop == "status" and row["o"] in _STATUSES:
            measure.statuses.add(_STATUSES[row["o"]])
    for (_, iri), measure in measures.items():
        # The article's account names the issuer as it does; else the measure's identity.
        if not measure.issuer_names:
            for issuer in identity[(iri, "issuer")]:
                measure.issuer_names |= names.of(issuer)
        if not measure.target_names:
            for target in identity[(iri, "target")]:
                measure.target_names |= names.of(target)
    for row in sorted(_rows(db, _Q_MEASURE_EVIDENCE), key=lambda r: r["anchor"]):
        measure = measures.get((row["id"], row["m"]))
        if measure is not None:
            measure.mentions.append(row["anchor"])


def _add_statements(db: ox.Store, out: Predictions, names: _Names) -> None:
    statements: dict[tuple[str, str], PredStatement] = {}
    rows = sorted(_rows(db, _Q_STATEMENTS),
                  key=lambda r: (r["id"], r["s"], r.get("date") or "", r.get("speaker") or ""))
    for row in rows:
        key = (row["id"], row["s"])
        statement = statements.get(key)
        if statement is None:
            statement = PredStatement(
                speaker=names.label.get(row["speaker"]) if row.get("speaker") else None,
                speaker_names=set(), quote=row["quote"], kind=_KINDS.get(row["kind"], "?"),
                date=row.get("date"), negated=row.get("negated") == "true")
            statements[key] = statement
            out.files[row["id"]].statements.append(statement)
        statement.speaker_names |= names.of(row.get("speaker"))


def _add_figures(db: ox.Store, out: Predictions) -> None:
    seen: set[tuple[str, str]] = set()
    for row in sorted(_rows(db, _Q_FIGURES), key=lambda r: (r["id"], r["s"])):
        if (row["id"], row["s"]) in seen:
            continue
        seen.add((row["id"], row["s"]))
        out.files[row["id"]].figures.append(PredFigure(
            value=float(row["value"]) if row.get("value") else None, unit=row["unit"],
            mention=row["quote"], value_max=float(row["max"]) if row.get("max") else None,
            qualifier=row.get("qualifier")))


def _rows(db: ox.Store, query: str) -> Iterator[dict[str, str]]:
    """Solutions as ``{variable: lexical value}``, unbound variables left out."""
    result = run_query(db, sparql_prefixes() + query)
    if not isinstance(result, ox.QuerySolutions):  # every query here is a SELECT
        raise TypeError(f"expected solutions from {query[:40]!r}")
    names = [v.value for v in result.variables]
    for solution in result:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
        yield row
