"""The ``kg`` command line: a thin adapter over the library (see README.md for exit codes).

Every command maps library exceptions (:class:`kg.errors.KgError`) to a one-line message
on stderr (a syntax error adds the query's line with a caret) and the exception's exit
code; nothing here knows about RDF beyond picking formats.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

import click

from .errors import KgError, QueryError, UsageError
from .output import STDOUT, write_output
from .store import DEFAULT_LOCATION, Store

_RESULT_FORMATS = ("table", "json", "xml", "csv", "tsv")
_GRAPH_FORMATS = ("turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld")


def _counted(number: int, noun: str) -> str:
    """``1 article``, ``5 articles``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _fail(exc: KgError, detail: str = "") -> NoReturn:
    click.echo(f"kg: error: {exc.message}", err=True)
    if detail:  # e.g. the query's line with a caret under a syntax error
        click.echo(textwrap.indent(detail, "  "), err=True)
    sys.exit(exc.exit_code)


class _Group(click.Group):
    """Turns library errors into messages and exit codes instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            _fail(exc)


store_option = click.option(
    "--store",
    "store_location",
    default=DEFAULT_LOCATION,
    show_default=True,
    envvar="KG_STORE",
    help="Folder of the on-disk Oxigraph store (env KG_STORE).",
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg", prog_name="kg")
def main() -> None:
    """Build, validate, query and serve knowledge graphs of news about trade measures.

    Exit codes: 0 success; 1 the job ran but found a problem (skipped articles, a graph
    that does not conform, scores below target); 2 bad usage or unreadable input; 3 the
    store cannot be opened or written; 4 a query stopped at its time limit.
    """


def _progress(paths: Iterable[Path]) -> Iterable[Path]:
    from tqdm import tqdm

    items = list(paths)
    # The bar goes to stderr and only when someone is watching; logs and CI stay clean.
    return tqdm(items, desc="reading", unit="file", disable=not sys.stderr.isatty() or None)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--no-validate", is_flag=True, help="Write the graph even without SHACL checks.")
@click.option("--engine", type=click.Choice(["sparql", "pyshacl"]), default="sparql",
              show_default=True,
              help="SHACL engine of the validation step (pyshacl: the reference).")
@click.option("--fresh", is_flag=True,
              help="Drop the graphs added with 'kg load' (kept across rebuilds by default).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, envvar="KG_JOBS",
              show_default=True,
              help="Processes extracting the articles, at most one per CPU (env KG_JOBS); 0: "
                   "one per CPU. A corpus "
                   "of fewer than 200 articles is extracted in one process, where starting "
                   "others would cost more than it saves. The graph is the same either way.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def build(paths: tuple[Path, ...], store_location: str, no_validate: bool, engine: str,
          fresh: bool, jobs: int, quiet: bool) -> None:
    """Build the graph from article files or folders (default: seeds/) into the store.

    Unreadable articles are reported and skipped (exit 1); the others are built. A fact
    whose node violates the shapes is reported and left out, and the rest of its article
    kept (exit 1). The store's graph is replaced, atomically and only when the new graph is
    complete and valid: give a build every article (articles of the previous graph that are
    not among the inputs are named as gone). Graphs added with 'kg load' are carried into
    the new graph (--fresh drops them), except article graphs, which a build makes.
    """
    from .build import build as run_build

    report = run_build(
        list(paths) or [Path("seeds")],
        Store(store_location),
        validate=not no_validate,
        engine=engine,
        progress=None if quiet else _progress,
        keep_loaded=not fresh,
        jobs=jobs,
    )
    for failure in report.failures:
        click.echo(f"kg: skipped {failure.path}: {failure.message}", err=True)
    for note in report.notes:
        click.echo(f"kg: note: {note.path}: {note.message}", err=True)
    for omission in report.omissions:
        click.echo(f"kg: in {omission.path}: {omission.message}", err=True)
    if not quiet:
        for article in report.articles:
            counts = ((article.triples, "triple"), (article.actors, "actor"),
                      (article.statements, "statement"), (article.measures, "measure"),
                      (article.materials, "material"), (article.figures, "figure"),
                      (article.citations, "cited source"))
            click.echo(f"{article.identifier}: "
                       + ", ".join(_counted(n, noun) for n, noun in counts))
        click.echo(
            f"built {_counted(len(report.articles), 'article')}, "
            f"{_counted(report.quads, 'quad')} into {store_location} in {report.seconds:.2f} s"
            + (f"; {len(report.failures)} skipped" if report.failures else "")
            + (f"; {_counted(len(report.omissions), 'fact')} left out"
               if report.omissions else "")
        )
        if report.kept:
            names = ", ".join(f"<{name}>" if name else "the default graph"
                              for name in report.kept)
            click.echo(f"kept {_counted(len(report.kept), 'graph')} added with 'kg load': "
                       f"{names} (kg build --fresh drops them)")
    if report.replaced:
        # Said even with --quiet: a build replaces the whole graph, which "build" may not say.
        shown = ", ".join(f"<{name}>" for name in report.replaced[:5])
        more = f" and {len(report.replaced) - 5} more" if len(report.replaced) > 5 else ""
        are = "is" if len(report.replaced) == 1 else "are"
        click.echo(f"kg: note: {_counted(len(report.replaced), 'article graph')} of the "
                   f"previous graph {are} not in this build and gone from the store: "
                   f"{shown}{more} (a build replaces the graph: give it every article; an "
                   f"article graph loaded with 'kg load' is not kept either; 'kg rollback' "
                   f"restores the previous graph)", err=True)
    sys.exit(report.exit_code)


@main.command()
@store_option
def rollback(store_location: str) -> None:
    """Make the graph before the last write (build, load or update) current again.

    Nothing is deleted: the graph rolled back from is kept, and a second rollback returns
    to it. A running 'kg serve' answers from the restored graph from its next request on.
    Exit 3 when the store holds no earlier graph.
    """
    was, now = Store(store_location).roll_back()
    click.echo(f"{store_location}: generation {now} is current again, in place of {was} "
               f"(kept: 'kg rollback' again returns to it; the next write deletes it)")


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, allow_dash=True))
@store_option
@click.option("--graph", "graph", default=None, help="Named graph for the files' plain triples.")
@click.option("--format", "fmt", default=None,
              type=click.Choice(["turtle", "trig", "ntriples", "nquads", "rdfxml", "jsonld",
                                 "n3"]),
              help="The files' format (default: from each extension; needed for '-', stdin).")
def load(files: tuple[Path, ...], store_location: str, graph: str | None,
         fmt: str | None) -> None:
    """Add RDF files (Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON-LD, N3; '-' reads
    stdin) to the store.

    Each named graph in a file replaces the store's graph of that name, so loading the same
    file twice gives the same store.
    """
    from .load import FORMAT_NAMES
    from .load import load as run_load

    store = Store(store_location)
    new = not store.exists()
    count = run_load(list(files), store, graph=graph,
                     rdf_format=FORMAT_NAMES[fmt] if fmt else None)
    if new:  # a mistyped --store must not pass unnoticed: every other command refuses it
        click.echo(f"kg: note: there was no store at {store_location}: created a new one",
                   err=True)
    # Quads, as `kg build` counts them: a triple stated in two graphs is loaded twice.
    click.echo(f"loaded {_counted(count, 'quad')} from {_counted(len(files), 'file')} "
               f"into {store_location}")


@main.command()
@click.argument("articles", nargs=-1)
@store_option
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="Validate this RDF file instead of the store (repeat for several; any "
                   "format kg load reads).")
@click.option("--shapes", "shapes", multiple=True, type=click.Path(path_type=Path),
              help="Validate with these shapes files or folders of *.ttl instead of kg's "
                   "shapes/ (repeatable: give kg's shapes/ folder too to add yours to ours).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "turtle", "junit"]), default="text",
    show_default=True, help="Report format (turtle: the standard sh:ValidationReport).",
)
@click.option(
    "--fail-on", type=click.Choice(["violation", "warning", "info"]), default="violation",
    show_default=True, help="Lowest severity that makes the exit code 1.",
)
@click.option("--engine", type=click.Choice(["sparql", "pyshacl"]), default="sparql",
              show_default=True,
              help="sparql: shapes compiled to SPARQL run by Oxigraph; pyshacl: the reference.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
              help="Write the report to this file (the summary line still goes to stderr).")
def validate(
    articles: tuple[str, ...], store_location: str, data: tuple[Path, ...],
    shapes: tuple[Path, ...], fmt: str, fail_on: str, engine: str, output: Path | None,
) -> None:
    """SHACL-validate the store, only the ARTICLES named (file names or IRIs), or the RDF
    files given with --data.

    Exit 0 when the graph conforms (warnings and infos allowed unless --fail-on says
    otherwise), 1 when it does not, 2 on bad usage or unreadable input (a syntax error in a
    data or shapes file is reported with file, line and column), 3 when the store cannot be
    opened.
    """
    from . import validate as v

    shape_files = list(shapes) or None
    if data:
        if articles:
            raise UsageError("give either --data FILE or article names, not both")
        report = v.validate_files(list(data), shape_files, engine=engine)
    else:
        report = v.validate_store(Store(store_location), list(articles) or None, shape_files,
                                  engine=engine)
    renderers = {"text": report.to_text, "json": report.to_json,
                 "turtle": report.to_turtle, "junit": lambda: report.to_junit(fail_on)}
    text = renderers[fmt]()
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, lambda handle: handle.write(text.encode("utf-8")))
        click.echo(report.summary(), err=True)
    sys.exit(1 if report.fails(fail_on) else 0)


def _read_query(query: str) -> str:
    if query == "-":
        return sys.stdin.read()
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read query file {path}: {exc}") from exc
    return query


@main.command()
@click.argument("query")
@store_option
@click.option(
    "--format", "fmt", type=click.Choice(_RESULT_FORMATS + _GRAPH_FORMATS), default=None,
    help="Output format (default: table for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE).",
)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              envvar="KG_QUERY_TIMEOUT",
              help="Stop the query after this many seconds (exit 4; env KG_QUERY_TIMEOUT). "
                   "Default: no limit.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a parameter the query declares in a '# param:' line (as "
                   "the examples in server/queries do): a string's text, a YYYY-MM-DD date, "
                   "a number, or an IRI (in full or as kg:Name). Repeatable.")
def query(query: str, store_location: str, fmt: str | None, timeout: float | None,
          params: tuple[str, ...]) -> None:
    """Run a SPARQL QUERY (text, @file.rq, or - for stdin) against the store.

    A query without FROM sees the union of all graphs, where a triple stated in several
    graphs (a measure's issuer in the entities graph and in each article reporting it)
    matches once per graph: count with COUNT(DISTINCT ...), and read what the corpus
    resolved (one type, issuer and label per node) in GRAPH graph:entities { ... }. The
    prefixes of the graph are predeclared: kg, kgr, actor, article, material, measure,
    disagreement, graph, kgsh, rdf, rdfs, owl, xsd, skos, dcterms, schema, prov, nif and sh.
    """
    from .examples import ParamError, bind_query
    from .query import format_results, run
    from .query_terms import unknown_terms
    from .sparql_text import point_out

    text = _read_query(query)
    try:
        text = bind_query(text, params)
    except ParamError as exc:
        raise UsageError(str(exc)) from exc
    try:
        results = run(Store(store_location), text, timeout=timeout)
    except QueryError as exc:
        _fail(exc, point_out(text, exc.message))
    click.echo(format_results(results, fmt), nl=False)
    for note in unknown_terms(text):  # a misspelt kg: term runs and silently matches nothing
        click.echo(f"kg: note: {note}", err=True)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples",
              "jsonld", "rdfxml"]), default=None,
              help="Output format  [default: from the -o file's extension (.ttl, .trig, .nq, "
                   ".nt, .jsonld, .rdf), else turtle].")
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True),
              help="File (default or '-': stdout). A regular file is replaced whole once "
                   "written; a pipe or device is written through.")
@click.option("--include-ontology", is_flag=True, help="Also export the ontology graph.")
def export(store_location: str, fmt: str | None, output: Path | None,
           include_ontology: bool) -> None:
    """Write the graph; the same store always gives byte-identical output."""
    from .export import export as run_export
    from .export import format_for_output

    if fmt is None:
        fmt = "turtle" if output is None else format_for_output(output)

    store = Store(store_location)
    write_output(output or STDOUT,
                 lambda handle: run_export(store, fmt, handle, include_ontology=include_ontology))


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per CPU, at least 2).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(min=1),
              help="Threads per worker.")
@click.option("--query-processes", type=click.IntRange(min=0), default=None,
              help="Query processes per worker (default: as many as threads, so that no "
                   "thread waits for one); 0 runs queries in the worker, without a time "
                   "limit.")
@click.option("--query-threads", type=click.IntRange(min=1), default=1, show_default=True,
              help="Threads per query process: they share the open store and its caches; "
                   "a query stopped at the time limit stops its neighbours, which run "
                   "again in a fresh process.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              envvar="KG_QUERY_TIMEOUT",
              help="Seconds a query may run before it is stopped (env KG_QUERY_TIMEOUT).")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(min=0),
              envvar="KG_MAX_ROWS",
              help="Most rows in an answer; more are cut off and flagged (0: no cap).")
@click.option("--max-body", default=1024 * 1024, show_default=True,
              type=click.IntRange(min=1024), help="Largest request body in bytes (413).")
@click.option("--allow-service", "allowed_services", multiple=True, metavar="URL",
              envvar="KG_ALLOW_SERVICE",
              help="An endpoint that SERVICE may call (repeat; env KG_ALLOW_SERVICE, "
                   "space-separated). Without any, federated queries are refused.")
@click.option("--update-token-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Enable SPARQL Update for clients sending this file's token as "
                   "'Authorization: Bearer TOKEN' (or set env KG_UPDATE_TOKEN).")
@click.option("--cors/--no-cors", default=True, show_default=True,
              help="Allow cross-origin reads of /sparql and /rdf-graph-store.")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(min=0),
              help="Memory per worker for answers kept per store generation: a repeated "
                   "query is answered without running it again (0: no cache).")
@click.option("--access-log", is_flag=True, help="Log every request to stderr.")
@click.option("--http-server", type=click.Choice(["gunicorn", "granian"]), default="gunicorn",
              show_default=True,
              help="The pre-fork server running the workers: gunicorn (pure Python, restarts "
                   "a stuck worker) or granian (HTTP in Rust, less CPU per request).")
def serve(
    store_location: str, host: str, port: int, workers: int | None, threads: int,
    query_processes: int | None, query_threads: int, timeout: float, max_rows: int, max_body: int,
    allowed_services: tuple[str, ...], update_token_file: Path | None, cors: bool,
    cache_mb: int, access_log: bool, http_server: str,
) -> None:
    """Serve the SPARQL endpoint (/sparql), the graph store (/rdf-graph-store) and the
    query page (/) with gunicorn (or granian) worker processes.

    Read-only unless an update token is given. Queries run in query processes that are
    stopped at the time limit (503), answers longer than --max-rows are cut and flagged
    (header KG-Truncated), and SERVICE calls only the endpoints allowed.
    """
    import os

    from server import serve as run_server
    from server.production import ServeOptions, default_workers

    from .update import TOKEN_ENV, check_token, read_token

    Store(store_location).current_path()  # fail early and clearly when there is no store
    token: str | None = None
    if update_token_file is not None:
        token = read_token(update_token_file)
    elif os.environ.get(TOKEN_ENV):
        token = check_token(os.environ[TOKEN_ENV].strip(), f"${TOKEN_ENV}")
    services = tuple(url for entry in allowed_services for url in entry.split())
    options = ServeOptions(
        host=host, port=port, workers=workers or default_workers(), threads=threads,
        query_processes=threads if query_processes is None else query_processes,
        query_threads=query_threads,
        timeout=timeout, max_rows=max_rows,
        max_body=max_body, allowed_services=services, update_token=token, cors=cors,
        cache_bytes=cache_mb * 1024 * 1024, access_log=access_log, http_server=http_server,
    )
    _check_port(host, port)
    click.echo(f"serving {store_location} on http://{host}:{port}/ (SPARQL at /sparql; "
               f"{options.workers} workers, {'updates enabled' if token else 'read-only'})")
    run_server(store_location, options)


def _check_port(host: str, port: int) -> None:
    """Fail at once, and clearly, when ``host:port`` cannot be bound (in use, no such
    address), rather than after the server started its workers."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") \
                from exc


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def disagreements(store_location: str, as_json: bool) -> None:
    """List where sources disagree: measure dates, figures, the scope of measures."""
    import json

    from .conflicts import disagreement_records

    found = disagreement_records(Store(store_location).open())
    if as_json:
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    for item in found:
        click.echo(f"[{item['kind']}] {item['label']}")
        # Grouped by position: each value, then every article giving it, each with its words.
        for index, position in enumerate(item["positions"]):
            count = len(position["articles"])
            click.echo(f"  {count} article{'s say' if count != 1 else ' says'} "
                       f"{position['says']}:")
            for side in (s for s in item["sides"] if s["position"] == index):
                own = " (contradicts itself)" if side["contradicts_itself"] else \
                    " (also on another side)" if side["several_positions"] else ""
                says = f" says {', '.join(side['says'])}" if side["says"] else ""
                if side["article"] is None:  # e.g. a Turtle export loaded: no article graphs
                    click.echo(f"    <{side['node']}> (its article's graph is not in the store; "
                               "load a TriG or N-Quads export to keep them)")
                    continue
                click.echo(f"    {side['article']} [{side['begin']}:{side['end']}]{own}{says}: "
                           f"\u201c{side['text']}\u201d")
    click.echo(f"({len(found)} disagreement{'s' if len(found) != 1 else ''})")


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@store_option
@click.option("--details", is_flag=True, help="List misses and false positives per file.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--check", is_flag=True, help="Exit 1 when a score is below the targets.")
def eval_(gold: Path, store_location: str, details: bool, as_json: bool, check: bool) -> None:
    """Score the stored graph against gold annotations (precision, recall, F1 per class)."""
    from . import evaluate as ev

    report = ev.evaluate_store(ev.load_gold(gold), Store(store_location))
    click.echo(report.to_json() if as_json else report.to_text(details=details))
    if check:
        failures = ev.check_thresholds(report)
        for failure in failures:
            click.echo(f"kg: below target: {failure}", err=True)
        sys.exit(1 if failures else 0)
