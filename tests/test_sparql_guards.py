"""The checks made before a request runs, tested against the engine itself.

The endpoint refuses SERVICE to endpoints not allowed by reading the query text (pyoxigraph
has no switch for federation).  These tests build many queries that Oxigraph accepts and
would send out, in forms that once hid the keyword from the tokenizer (``\\u`` escapes inside
IRIs, a number written against the keyword, quotes and ``#`` inside IRIs), run each on a real
in-memory store with a listener on a loopback port, and require: whenever Oxigraph connected
to the listener, the check had refused the query.  The same holds for nesting too deep for
the engine, which kills the process that parses it.
"""

from __future__ import annotations

import itertools
import socket
import threading
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from kg import sparql
from kg.errors import ProtocolError, QueryError
from kg.sparql_text import MAX_DEPTH, MAX_OPERATORS, complexity_problem, shape
from kg.store import run_query


class Listener:
    """A loopback port that records each connection and closes it at once."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port: int = self.socket.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1  # counted before the close the client waits for
            conn.close()

    def close(self) -> None:
        self.socket.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


_PROLOGUES = ("", "PREFIX e: <http://x.example/\\u0041#> ", "BASE <http://b.example/\\u0042/> ")
_BEFORE = (
    "",
    "OPTIONAL { ?a <http://x.example/\\u0041#p> ?b } ",
    "?a <http://x.example/\\u0041'p> ?b . ",
    "?a <http://x.example/\\U00000041> ?b . ",
    "?a ?p 1e0",
    "?a ?p .5E+1",
    'BIND("\\"#<" AS ?q) ',
    "BIND('''it's''' AS ?q) ",
    "# a comment with <angle and 'quote\n",
)
_KEYWORDS = ("SERVICE", "service", "SeRvIcE", "SERVICE SILENT")


def _targets(port: int) -> tuple[str, ...]:
    return (f"<http://127.0.0.1:{port}/sparql>", f"<http://127.0.0.1:{port}/\\u0073parql>")


def _queries(port: int) -> Iterator[str]:
    for prologue, before, keyword, target in itertools.product(
            _PROLOGUES, _BEFORE, _KEYWORDS, _targets(port)):
        yield f"{prologue}SELECT * WHERE {{ {before}{keyword} {target} {{ ?x ?y ?z }} }}"


def _store_matching_the_patterns() -> ox.Store:
    """A store where each pattern placed before the SERVICE has a solution, so that the
    engine goes on to call the endpoint."""
    memory = ox.Store()
    subject = ox.NamedNode("http://x.example/s")
    double = ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")
    for predicate, value in (("http://x.example/A'p", ox.NamedNode("http://x.example/o")),
                             ("http://x.example/A", ox.NamedNode("http://x.example/o")),
                             ("http://x.example/n", ox.Literal("1e0", datatype=double)),
                             ("http://x.example/n", ox.Literal(".5E+1", datatype=double))):
        memory.add(ox.Quad(subject, ox.NamedNode(predicate), value))
    return memory


def test_every_query_that_reaches_the_network_is_refused_first(listener: Listener) -> None:
    memory = _store_matching_the_patterns()
    reached = 0
    for query in _queries(listener.port):
        before = listener.connections
        try:
            list(memory.query(query))  # type: ignore[arg-type]
        except SyntaxError:
            continue  # not a query the endpoint would run either
        except OSError:
            pass  # the listener hung up: the request went out all the same
        if listener.connections == before:
            continue
        reached += 1
        assert shape(query).uses_service, query
        with pytest.raises(ProtocolError) as refused:
            sparql.check_services(query)
        assert refused.value.status == 403
    # Every form above is a query Oxigraph runs and sends out: the check saw each of them.
    assert reached == len(list(_queries(listener.port)))


def test_an_escaped_iri_matches_the_endpoint_it_spells(listener: Listener) -> None:
    allowed = [f"http://127.0.0.1:{listener.port}/sparql"]
    escaped = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/\\u0073parql> {{ }} }}"
    sparql.check_services(escaped, allowed)  # no exception: it is the allowed endpoint


def test_a_from_after_an_escaped_iri_still_names_the_dataset() -> None:
    query = "SELECT (<http://x.example/\\u0041#> AS ?z) FROM <http://nothing.example/> {?s ?p ?o}"
    assert shape(query).has_dataset_clause


def test_a_bare_word_holding_the_keyword_counts_as_the_keyword() -> None:
    # No SPARQL keyword or function holds SERVICE inside it: such a word is a misreading.
    assert shape("SELECT * WHERE { ?s ?p ?o . X1SERVICE <http://h.example/> { } }").uses_service


def test_the_word_in_a_string_iri_or_name_is_not_a_call() -> None:
    for query in ('SELECT * WHERE { ?s ?p "SERVICE <http://h.example/> { }" }',
                  "SELECT * WHERE { ?s <http://h.example/SERVICE> ?service }",
                  "PREFIX service: <http://h.example/> SELECT * WHERE { ?s service:x ?o }"):
        assert not shape(query).uses_service, query


def _nested_braces(depth: int) -> str:
    return "SELECT * WHERE " + "{" * depth + "?s ?p ?o" + "}" * depth


def test_nesting_past_the_limit_is_refused_with_its_place() -> None:
    problem = complexity_problem(_nested_braces(MAX_DEPTH + 1))
    assert problem is not None and f"more than {MAX_DEPTH} deep" in problem
    assert f"1:{len('SELECT * WHERE ') + MAX_DEPTH + 1}" in problem


def test_nesting_at_the_limit_runs() -> None:
    assert complexity_problem(_nested_braces(MAX_DEPTH)) is None
    assert list(run_query(ox.Store(), _nested_braces(MAX_DEPTH))) == []  # type: ignore[arg-type]


def test_a_long_operator_chain_is_refused() -> None:
    chain = "SELECT * WHERE { BIND(" + "+".join(["1"] * (MAX_OPERATORS + 1)) + " AS ?x) }"
    problem = complexity_problem(chain)
    assert problem is not None and "operators" in problem
    with pytest.raises(QueryError, match="operators"):
        run_query(ox.Store(), chain)


def test_brackets_and_operators_inside_strings_do_not_count() -> None:
    text = '"' + "(" * (MAX_DEPTH * 3) + "+" * (MAX_OPERATORS + 5) + '"'
    assert complexity_problem(f"SELECT * WHERE {{ BIND({text} AS ?x) }}") is None


def test_a_long_values_block_is_not_limited() -> None:
    values = " ".join(f"<http://x.example/{i}>" for i in range(MAX_OPERATORS * 3))
    assert complexity_problem(f"SELECT * WHERE {{ VALUES ?x {{ {values} }} }}") is None


def test_an_update_nested_too_deep_is_refused_before_it_runs() -> None:
    update = "INSERT { <a:s> <a:p> <a:o> } WHERE " + "{" * (MAX_DEPTH + 5) + "}" * (MAX_DEPTH + 5)
    with pytest.raises(ProtocolError) as refused:
        sparql.check_update(update)
    assert refused.value.status == 400 and "deep" in refused.value.message
