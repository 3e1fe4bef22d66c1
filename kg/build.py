"""The build pipeline: article files -> extraction -> resolution -> quads -> validated store.

One bad file never stops the others: an unreadable article or an extractor failure on it is
recorded in :class:`BuildReport` and the article is left out.  The store is written as a new
generation and made current only when everything, validation included, has succeeded
(:meth:`kg.store.Store.write`), so a failed build leaves the previous graph untouched.

Relative dates ("on Tuesday", "last month") need an anchor.  An article without its own
date is anchored on a date of the other articles of the same build: a corpus is collected
around one event, and its reports are the best guess of "now" for an undated one.  Which
report: the undated article was written no earlier than the latest day it states in full
("On January 6, 2026, ..."), so the first report dated on or after that day; without such
a day, the newest report.  (Always the newest would move an article that names its year
into the next one as soon as a follow-up from January joins the corpus.)  That anchor is
used only to resolve relative expressions; it is never written as the article's
``dcterms:date``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pyoxigraph as ox
from rdflib.namespace import RDF

from .blame import blame_violations, fact_kind, fact_span, without_facts
from .collector import collector_paused
from .disagree import Disagreement, find_disagreements
from .errors import IngestError, KgError, StoreError, ValidationFailed
from .extract import prepare
from .graph import iter_quads
from .ingest import ignored_files, iter_article_paths, read_article
from .model import Article, Extraction
from .namespace import KG, ONTOLOGY_GRAPH, article_iri, is_article_graph, is_built_graph
from .resolve import Resolution, resolve
from .store import Store
from .workers import extract_in_processes, extract_one, processes_for

if TYPE_CHECKING:  # validate imports pyshacl, which is slow to load
    from .validate import ValidationReport


@dataclass
class ArticleSummary:
    """What one article contributed."""

    identifier: str
    triples: int
    actors: int
    statements: int
    measures: int
    materials: int
    figures: int
    citations: int


@dataclass
class BuildFailure:
    """An input left out of the build, and why."""

    path: str
    message: str


@dataclass
class BuildReport:
    """The outcome of :func:`build`."""

    articles: list[ArticleSummary] = field(default_factory=list)
    failures: list[BuildFailure] = field(default_factory=list)
    """Inputs left out: unreadable, failed extraction, or a graph violating the shapes."""
    notes: list[BuildFailure] = field(default_factory=list)
    """What is worth saying about an input that was built anyway (``Article.notes``)."""
    omissions: list[BuildFailure] = field(default_factory=list)
    """Facts (statements, figures, measures, candidate links) left out of an article that
    was built, because their nodes violate the shapes."""
    quads: int = 0
    seconds: float = 0.0
    validation: ValidationReport | None = None
    kept: list[str] = field(default_factory=list)
    """Graphs loaded with ``kg load`` into the previous store and carried into the new one
    (their names; ``""`` for the default graph's triples)."""
    replaced: list[str] = field(default_factory=list)
    """Article graphs of the previous store that the new graph no longer has (see
    :attr:`Written.replaced`)."""

    @property
    def exit_code(self) -> int:
        """0 when every input was built whole, 1 when an input or a fact was left out (see
        README)."""
        return 1 if self.failures or self.omissions else 0


Progress = Callable[[Iterable[Path]], Iterable[Path]]


def read_corpus(
    paths: Sequence[str | Path], report: BuildReport, progress: Progress | None = None
) -> list[Article]:
    """Read every article under ``paths``; unreadable ones go to ``report.failures``, and
    the files a folder holds besides articles are named in ``report.notes``."""
    for folder in (Path(p) for p in paths if Path(p).is_dir()):
        passed = ignored_files(folder)
        if passed:
            names = ", ".join(str(f.relative_to(folder)) for f in passed[:5])
            more = f" and {len(passed) - 5} more" if len(passed) > 5 else ""
            report.notes.append(BuildFailure(
                str(folder), f"{len(passed)} file(s) passed over, not being *.txt: "
                             f"{names}{more} (save an article as UTF-8 text to build it)"))
    files = iter_article_paths([Path(p) for p in paths])
    articles: list[Article] = []
    seen: set[str] = set()
    iris: dict[str, str] = {}
    for path in progress(files) if progress else files:
        try:
            article = read_article(path)
        except IngestError as exc:
            report.failures.append(BuildFailure(str(path), exc.reason))
            continue
        if article.identifier in seen:
            # Two files with one name would share an article IRI and graph.
            report.failures.append(BuildFailure(
                str(path), f"another input is also named {article.identifier} (an article's "
                           f"IRI is its file name: rename one, e.g. after its outlet)"))
            continue
        iri = article_iri(article.identifier)
        if iri in iris:
            # "a b.txt" and "a_b.txt": names differing only where an IRI cannot hold them
            report.failures.append(BuildFailure(
                str(path), f"its article IRI <{iri}> is that of {iris[iri]}: rename one "
                           f"(file names differing only in spaces or punctuation)"))
            continue
        seen.add(article.identifier)
        iris[iri] = article.identifier
        articles.append(article)
        report.notes.extend(BuildFailure(str(path), note) for note in article.notes)
    anchor_corpus(articles)
    return articles


def anchor_corpus(articles: Sequence[Article]) -> None:
    """Give each undated article a reference date from the corpus (see the module's
    docstring): the first article date on or after the latest day the article states in
    full, else the corpus's latest date."""
    dates = sorted(a.metadata.date for a in articles if a.metadata.date)
    if not dates:
        return
    for article in articles:
        if article.metadata.date is None:
            stated = latest_stated_day(article.text)
            after = dates[bisect.bisect_left(dates, stated)] if stated and stated <= dates[-1] \
                else None
            article.reference_date = after or dates[-1]


def latest_stated_day(text: str) -> dt.date | None:
    """The latest full date (day, month and year) written in ``text`` itself."""
    from .extract.dates import find_dates

    days = [dt.date(d.date.year, d.date.month, d.date.day) for d in find_dates(text, None)
            if not d.relative and d.date.month is not None and d.date.day is not None]
    return max(days, default=None)


@collector_paused(settle=True)  # extraction leaves no reference cycles: see kg.collector
def extract_corpus(articles: Sequence[Article], report: BuildReport, *,
                   jobs: int = 1) -> list[Extraction]:
    """Run the extractors on each article; a crash on one article skips only that one.

    With ``jobs`` other than 1 (0: one per CPU), a corpus of :data:`kg.workers.MIN_ARTICLES`
    articles or more is shared out among that many worker processes
    (:mod:`kg.workers`); the extractions are the same, in the same order.

    The cyclic garbage collector stays paused over the whole corpus, not only during each
    article (:func:`kg.extract.extract`): between articles, the collections the last
    article's allocations trigger would traverse the extractions of all the articles before
    (3% of extraction time at 1,000 synthetic articles, and growing with the corpus).
    The extractions are collected once at the end, and so promoted to the old generation
    in one traversal.  The extractors' reference data and rule tables are prepared first
    (:func:`kg.extract.prepare`; once per process), not in the first article.
    """
    prepare()
    processes = processes_for(jobs, len(articles))
    def notice(message: str) -> None:
        report.notes.append(BuildFailure(f"--jobs {jobs}", message))

    outcomes = extract_in_processes(articles, processes, notice=notice) if processes > 1 \
        else (extract_one(article) for article in articles)
    extractions: list[Extraction] = []
    for article, outcome in zip(articles, outcomes, strict=True):
        if isinstance(outcome, str):
            report.failures.append(BuildFailure(article.path or article.identifier, outcome))
        else:
            extractions.append(outcome)
    return extractions


def build_graph(extractions: Sequence[Extraction]) -> ox.Store:
    """Resolve a corpus and assemble its graph (without the ontology graph) into an
    in-memory store."""
    return _resolved_graph(extractions)[0]


def _resolved_graph(extractions: Sequence[Extraction]) -> tuple[ox.Store, Resolution]:
    from .extract.refdata import actor_info, material_info

    resolution = resolve(extractions, actor_lookup=actor_info, material_lookup=material_info)
    disagreements = find_disagreements(extractions, resolution)
    return assemble_graph(extractions, resolution, disagreements), resolution


@collector_paused()  # its collections would traverse every extraction: see kg.collector
def assemble_graph(
    extractions: Sequence[Extraction], resolution: Resolution,
    disagreements: Sequence[Disagreement],
) -> ox.Store:
    """The quads of a resolved corpus in an in-memory store, streamed graph by graph
    (:func:`kg.graph.iter_quads`): no list of every quad is held, which was half of the
    build's memory."""
    data = ox.Store()
    data.bulk_extend(iter_quads(extractions, resolution, disagreements))
    return data


def build_quads(extractions: Sequence[Extraction]) -> list[ox.Quad]:
    """The quads of :func:`build_graph` as a list (for callers that want quads in hand)."""
    return list(build_graph(extractions))


def ontology_quads() -> list[ox.Quad]:
    """``ontology/kg.ttl`` as quads of the ontology graph."""
    from .ontology import ontology_triples

    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in ontology_triples()]


def build(
    paths: Sequence[str | Path],
    store: Store,
    *,
    validate: bool = True,
    progress: Progress | None = None,
    engine: str | None = None,
    keep_loaded: bool = True,
    jobs: int = 1,
) -> BuildReport:
    """Build the graph of the articles under ``paths`` and make it the store's current graph.

    Unreadable articles are left out and listed in ``report.failures``; a fact whose node
    violates the shapes is left out and listed in ``report.omissions`` (the whole article
    when the violation is on no single fact of it, see :mod:`kg.blame`).  Raises
    :class:`ValidationFailed` (nothing written) for a violation no article can be blamed
    for, and :class:`KgError` when no article could be read.  ``engine`` is the SHACL engine
    (``sparql``, the default, or ``pyshacl``, the reference; see :mod:`kg.validate`).
    Graphs loaded into the store with ``kg load`` are carried into the new graph unless
    ``keep_loaded`` is false (:func:`write_graph`).  ``jobs`` is passed to
    :func:`extract_corpus` (0: one extraction process per CPU for a large corpus).
    """
    started = time.perf_counter()
    report = BuildReport()
    store.ensure_writable()  # before the work, not after it
    articles = read_corpus(paths, report, progress)
    extractions = extract_corpus(articles, report, jobs=jobs)
    if not extractions:
        reasons = "; ".join(f"{f.path}: {f.message}" for f in report.failures)
        where = ", ".join(str(p) for p in paths)
        raise KgError(f"no article could be built ({reasons or f'no *.txt files in {where}'})",
                      exit_code=2)
    write_corpus(extractions, store, report, validate=validate, engine=engine,
                 keep_loaded=keep_loaded)
    report.seconds = time.perf_counter() - started
    return report


def write_corpus(
    extractions: Sequence[Extraction],
    store: Store,
    report: BuildReport,
    *,
    validate: bool = True,
    engine: str | None = None,
    keep_loaded: bool = True,
) -> None:
    """Resolve and assemble extracted articles, validate the graph and make it the store's
    current graph (the second half of :func:`build`, for callers with their own extractions).

    A fact whose node violates the shapes is left out (``report.omissions``), an article
    with a violation on no single fact of it too (``report.failures``); a violation no
    article can be blamed for raises
    :class:`ValidationFailed` and nothing is written.
    """
    extractions = list(extractions)
    if validate:
        data, extractions = _validated(extractions, report, engine)
    else:
        data = build_graph(extractions)
    written = write_graph(data, store, keep_loaded=keep_loaded)
    report.quads, report.kept = written.quads, written.kept
    report.replaced = written.replaced
    if written.problem:
        report.notes.append(BuildFailure(str(store.location), written.problem))
    per_graph = _triples_per_graph(data)
    measures = _measures_per_graph(data)
    report.articles = [summarise(e, per_graph, measures) for e in extractions]


def _triples_per_graph(data: ox.Store) -> Counter[str]:
    rows = data.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(rows, ox.QuerySolutions)
    return Counter({row["g"].value: int(row["n"].value) for row in rows})


def _measures_per_graph(data: ox.Store) -> Counter[str]:
    """How many measure nodes each article graph mentions (several mentions of one measure
    in an article count once)."""
    mentions = ox.NamedNode(str(KG.mentions))
    measures = {q.subject for q in data.quads_for_pattern(
        None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Measure)), None)}
    counts: Counter[str] = Counter()
    for quad in data.quads_for_pattern(None, mentions, None, None):
        article = quad.subject
        if quad.object in measures and article == quad.graph_name \
                and isinstance(article, ox.NamedNode):
            counts[article.value] += 1
    return counts


@dataclass
class Written:
    """What :func:`write_graph` wrote."""

    quads: int
    kept: list[str] = field(default_factory=list)
    """Names of the loaded graphs carried over (``""``: the default graph's triples)."""
    problem: str | None = None
    """Why loaded graphs could not be carried over (the previous graph unreadable)."""
    replaced: list[str] = field(default_factory=list)
    """Article graphs of the previous graph that this build does not make (an article no
    longer among the inputs, or one that came in a loaded export): they are gone."""


def write_graph(data: ox.Store, store: Store, *, keep_loaded: bool = True) -> Written:
    """Make ``data`` plus the ontology graph the store's new current generation.

    With ``keep_loaded``, what ``kg load`` added to the previous generation (named graphs
    that a build does not make, and the default graph's triples: reference data, another
    graph) is carried into the new one, so that rebuilding after adding articles loses
    nothing; graphs a build makes (articles, entities, disagreements, ontology) are the new
    build's alone.  The previous generation is read under the write lock (no other write
    can prune it meanwhile); a damaged one is no reason not to rebuild: its loaded graphs
    are then lost, and ``problem`` says so.  The bulk loader reads the in-memory store as
    it goes (no list of its quads is made); a dump to a file and a bulk load of it cost as
    much memory and more time (``bench/extract.py``).  The quads go in in slices of
    :func:`write_slice` (:func:`_bulk_write`).
    """
    ontology = ontology_quads()
    with store.write() as target:
        written = Written(len(data) + len(ontology))
        previous: ox.Store | None = None
        if keep_loaded and store.exists():
            try:
                previous = store.open()
            except StoreError as exc:
                written.problem = (f"graphs added with 'kg load' could not be carried over: "
                                   f"{exc.message}")
        try:
            _bulk_write(target, data, len(data))
            target.bulk_extend(ontology)
            if previous is not None:
                made = {g.value for g in data.named_graphs() if isinstance(g, ox.NamedNode)}
                written.replaced = sorted(
                    g.value for g in previous.named_graphs()
                    if isinstance(g, ox.NamedNode) and is_article_graph(g.value)
                    and g.value not in made)
                for graph in _loaded_graph_names(previous):
                    quads = list(previous.quads_for_pattern(None, None, None, graph))
                    target.bulk_extend(quads)
                    written.quads += len(quads)
                    written.kept.append(graph.value if isinstance(graph, ox.NamedNode) else
                                        "" if isinstance(graph, ox.DefaultGraph) else str(graph))
        except OSError as exc:
            raise StoreError(f"cannot write {store.location}: {exc}") from exc
    return written


WRITE_SLICE = 200_000
"""The fewest quads per bulk load when a graph is written to the store.  Oxigraph's bulk
loader sorts a whole call's quads in memory for each of its indexes before it writes them (up
to a million quads a batch): at 1,000 synthetic articles (825,000 quads) one call raised the
build's peak memory by 480 MiB, above the in-memory graph being written; in slices of
200,000 it stays below that graph's own (measured: 998 -> 515 MiB peak, write 1-2 CPU
seconds slower of ~15)."""
WRITE_SLICE_MAX = 1_000_000
"""The most quads per bulk load: the loader's own batch size."""
WRITE_SLICES = 8
"""How many slices a large graph is written in.  Each slice is a separate ingestion into
RocksDB, whose overlapping files are then compacted: many small slices cost time that grows
faster than the graph.  Measured writing 8.26 million quads (ten renamed copies of the
1,000-article graph) alone: 380 CPU s in slices of 200,000, 251 s in slices of 1,000,000 for
365 MiB more peak memory (+9% of the graph's own); 826,000 quads: 17.1 s and 18.2 s."""


def write_slice(count: int) -> int:
    """Quads per bulk load for a graph of ``count`` quads: about an eighth of it, between
    :data:`WRITE_SLICE` (memory) and :data:`WRITE_SLICE_MAX` (compaction)."""
    return max(WRITE_SLICE, min(WRITE_SLICE_MAX, count // WRITE_SLICES))


def _bulk_write(target: ox.Store, quads: Iterable[ox.Quad], count: int) -> None:
    """Bulk-load ``count`` quads into ``target`` in slices of :func:`write_slice`; the
    store holds the same quads as after one call."""
    it = iter(quads)
    size = write_slice(count)
    for _ in range(0, count, size):
        target.bulk_extend(itertools.islice(it, size))
    rest = list(it)  # nothing, unless ``count`` fell short
    if rest:
        target.bulk_extend(rest)


def _loaded_graph_names(previous: ox.Store) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
    """Graphs of ``previous`` that no build makes: loaded ones (see :func:`write_graph`)."""
    names: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
        g for g in previous.named_graphs()
        if not (isinstance(g, ox.NamedNode) and is_built_graph(g.value))]
    if next(iter(previous.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
        names.append(ox.DefaultGraph())
    return names


_MAX_VALIDATION_ROUNDS = 3
"""Leaving a fact or an article out changes resolution (labels, merged measures), so the
rest is validated again; a few rounds settle it, or the build fails."""


def _validated(
    extractions: list[Extraction], report: BuildReport, engine: str | None,
) -> tuple[ox.Store, list[Extraction]]:
    """Build and validate the corpus graph.  A fact whose node violates the shapes is left
    out (reported in ``report.omissions``), and so is an article with a violation on a node
    that is no single fact of it (``report.failures``); the rest is built again, so one bad
    fact never loses its article and one bad article never stops the rest
    (:mod:`kg.blame`).  A violation no article can be blamed for (or one that remains
    after a few rounds) fails the build: nothing is written."""
    for _ in range(_MAX_VALIDATION_ROUNDS):
        data, resolution = _resolved_graph(extractions)
        report.validation = validate_graph(data, engine=engine)
        if not report.validation.fails():
            return data, extractions
        blame = blame_violations(report.validation, data, extractions, resolution)
        if blame is None or len(blame.articles) >= len(extractions):
            break
        kept: list[Extraction] = []
        for extraction in extractions:
            where = extraction.article.path or extraction.article.identifier
            g = article_iri(extraction.article.identifier)
            reason = blame.articles.get(g)
            if reason is not None:
                report.failures.append(BuildFailure(
                    where, f"left out: its graph violates the shapes ({reason})"))
                continue
            faults = blame.facts.get(g, {})
            for fact, why in faults.values():
                span = fact_span(fact)
                report.omissions.append(BuildFailure(
                    where, f"{fact_kind(fact)} [{span.begin},{span.end}) {span.text[:60]!r} "
                           f"left out: it violates the shapes ({why})"))
            kept.append(without_facts(extraction, [f for f, _ in faults.values()])
                        if faults else extraction)
        if not kept:
            break  # every article left out: nothing to write, the previous graph stays
        extractions = kept
    # The loop ran at least once (_MAX_VALIDATION_ROUNDS > 0), so a report is there.
    validation = cast("ValidationReport", report.validation)
    raise ValidationFailed(
        "the built graph violates the shapes; nothing was written\n"
        + validation.to_text()
    )


def validate_graph(data: ox.Store, *, engine: str | None = None) -> ValidationReport:
    """SHACL-validate a built graph (the union of its graphs) with the shapes in shapes/,
    by default with the fast SPARQL engine (``engine="pyshacl"`` for the reference)."""
    from . import validate as v
    from .validate.data import DataGraph

    return v.validate(DataGraph(data), engine=engine or v.DEFAULT_ENGINE)


def summarise(extraction: Extraction, triples_per_graph: Counter[str],
              measures_per_graph: Counter[str] | None = None) -> ArticleSummary:
    """Counts for one article: its graph's triples, its statements and figures, and the
    distinct actors, measures, materials and sources it names (the measures as resolved
    nodes when ``measures_per_graph`` is given, else its measure mentions)."""
    iri = article_iri(extraction.article.identifier)
    return ArticleSummary(
        identifier=extraction.article.identifier,
        triples=triples_per_graph[iri],
        actors=len({a.name for a in extraction.actors}),
        statements=len(extraction.statements),
        measures=measures_per_graph[iri] if measures_per_graph is not None
        else len(extraction.measures),
        materials=len({m.name for m in extraction.materials}),
        figures=len(extraction.figures),
        citations=len({c.name for c in extraction.citations}),
    )
