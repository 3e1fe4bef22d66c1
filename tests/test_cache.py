"""kg.cache: answers kept per store generation, and the endpoint's ETag / If-None-Match.

A real on-disk store and the real executors (inline here; query processes behind the app);
a counting wrapper around the executor tells whether a job reached it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kg.cache import AnswerCache, asks_any, cacheable, entity_tag, matches
from kg.graphstore import GraphRequest
from kg.jobs import GraphJob, InlineExecutor, Job, Outcome, PageJob, QueryJob
from kg.sparql import QueryRequest
from server import create_app
from server.app import close_app

LABELS = "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l"
JSON = "application/sparql-results+json"


class Counting:
    """An executor that counts the jobs it is given, then runs them inline."""

    def __init__(self, location: Path) -> None:
        self.inner = InlineExecutor(location)
        self.runs = 0

    def run(self, job: Job) -> Outcome:
        self.runs += 1
        return self.inner.run(job)

    def close(self) -> None:
        self.inner.close()


def query(text: str, accept: str = JSON) -> QueryJob:
    return QueryJob(QueryRequest(text), accept, 1000)


@pytest.fixture
def store(tmp_path: Path, small_trig: Path, make_store: Callable[..., Path]) -> Path:
    return make_store(tmp_path / "store", small_trig)


def test_a_repeated_query_is_answered_from_memory_with_the_same_bytes(store: Path) -> None:
    engine = Counting(store)
    cache = AnswerCache(engine, store)
    first, second = cache.run(query(LABELS)), cache.run(query(LABELS))
    assert first.status == 200 and second.body == first.body
    assert engine.runs == 1
    assert (cache.statistics.hits, cache.statistics.misses) == (1, 1)
    cache.run(query(LABELS, accept="text/csv"))  # another format is another answer
    assert engine.runs == 2


def test_a_new_generation_is_asked_again_and_the_old_answers_are_forgotten(
    store: Path, small_trig: Path, make_store: Callable[..., Path]
) -> None:
    engine = Counting(store)
    cache = AnswerCache(engine, store)
    before = cache.run(query(LABELS))
    make_store(store, small_trig)  # a rebuild: same data, new generation
    after = cache.run(query(LABELS))
    assert engine.runs == 2
    assert after.generation != before.generation
    assert cache.statistics.entries == 1


def test_answers_that_depend_on_more_than_the_store_are_not_kept(store: Path) -> None:
    engine = Counting(store)
    cache = AnswerCache(engine, store)
    for text in ("SELECT (RAND() AS ?r) WHERE {}", "SELECT (NOW() AS ?t) WHERE {}",
                 "SELECT ?x WHERE { SERVICE <http://example.org/sparql> { ?x ?p ?o } }"):
        cache.run(query(text))
        cache.run(query(text))
    assert engine.runs == 6
    assert not cacheable(query("SELECT (struuid() AS ?u) WHERE {}"))
    assert cacheable(GraphJob(GraphRequest(None), "turtle", "text/turtle"))
    assert cacheable(PageJob("timeline"))


@pytest.mark.parametrize(("text", "kept"), [
    ("select (now() as ?t) where {}", False),
    ("SELECT (bnode() AS ?b) WHERE { ?s rdfs:label \"Zürich\" }", False),  # not ASCII
    ("SELECT ?x WHERE { ?x ?p ?o } # a comment saying SERVICE", False),  # a miss, no harm
    ("SELECT (StrUuid() AS ?u) WHERE {}", False),
    ("SELECT ?s WHERE { ?s ?p \"known unknowns, random\" }", True),  # parts of words
    ("SELECT ?s WHERE { ?s rdfs:label \"Zürich\" }", True),
])
def test_volatile_words_are_found_in_any_case_and_only_as_whole_words(
    text: str, kept: bool
) -> None:
    assert cacheable(query(text)) is kept


def test_errors_are_not_kept(store: Path) -> None:
    engine = Counting(store)
    cache = AnswerCache(engine, store)
    assert cache.run(query("SELECT ?x WHERE { ?x ?y ?z ")).status == 400
    cache.run(query("SELECT ?x WHERE { ?x ?y ?z "))
    assert engine.runs == 2 and cache.statistics.entries == 0


def test_the_byte_budget_evicts_the_least_recently_used_answer(store: Path) -> None:
    engine = Counting(store)
    size = len(InlineExecutor(store).run(query(LABELS)).body)
    cache = AnswerCache(engine, store, max_bytes=2 * size + 200)
    a, b, c = (query(LABELS + f" LIMIT {n}") for n in (1000, 1001, 1002))
    cache.run(a)
    cache.run(b)
    cache.run(a)  # a is now the most recently used
    cache.run(c)  # over budget: b goes
    assert cache.statistics.bytes <= cache.max_bytes
    runs = engine.runs
    cache.run(a)
    assert engine.runs == runs, "a was kept"
    cache.run(b)
    assert engine.runs == runs + 1, "b was evicted"


def test_an_answer_larger_than_an_entry_may_be_is_not_kept(store: Path) -> None:
    engine = Counting(store)
    cache = AnswerCache(engine, store, max_entry_bytes=10)
    cache.run(query(LABELS))
    cache.run(query(LABELS))
    assert engine.runs == 2


def test_entity_tags_name_the_generation_and_compare_as_http_says() -> None:
    tag = entity_tag("20260101T000000-1", query(LABELS))
    assert tag.startswith('"20260101T000000-1-') and tag.endswith('"')
    assert tag == entity_tag("20260101T000000-1", query(LABELS))
    assert tag != entity_tag("20260101T000000-1", query(LABELS, accept="text/csv"))
    assert matches(f'"x", {tag}', tag) and matches(f"W/{tag}", tag)
    assert not matches('"other"', tag) and not matches(None, tag) and not matches("*", tag)
    assert asks_any(" * ") and not asks_any(tag) and not asks_any(None)


# --- the endpoint --------------------------------------------------------------------------


@pytest.fixture
def client(store: Path) -> Iterator[FlaskClient]:
    app = create_app(store, config={"TESTING": True, "KG_CACHE_BYTES": 1024 * 1024})
    yield app.test_client()
    close_app(app)


def test_an_answer_carries_an_etag_and_a_get_naming_it_gets_a_304(client: FlaskClient) -> None:
    first = client.get("/sparql", query_string={"query": LABELS}, headers={"Accept": JSON})
    tag = first.headers["ETag"]
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
    again = client.get("/sparql", query_string={"query": LABELS},
                       headers={"Accept": JSON, "If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag and "Content-Length" not in again.headers
    other = client.get("/sparql", query_string={"query": LABELS},
                       headers={"Accept": "text/csv", "If-None-Match": tag})
    assert other.status_code == 200, "another format has another tag"


def test_after_a_rebuild_the_old_etag_gets_the_new_answer(
    client: FlaskClient, store: Path, small_trig: Path, make_store: Callable[..., Path]
) -> None:
    tag = client.get("/sparql", query_string={"query": LABELS}).headers["ETag"]
    make_store(store, small_trig)
    after = client.get("/sparql", query_string={"query": LABELS},
                       headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["ETag"] != tag


def test_a_graph_store_read_has_an_etag_too(client: FlaskClient) -> None:
    response = client.get("/sparql?default", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["ETag"]
    repeat = client.get("/sparql?default", headers={"Accept": "text/turtle",
                                                     "If-None-Match": response.headers["ETag"]})
    assert repeat.status_code == 304


def test_if_none_match_any_is_304_for_an_answer_and_the_error_for_a_failure(
    client: FlaskClient,
) -> None:
    any_tag = {"If-None-Match": "*"}
    answered = client.get("/sparql", query_string={"query": LABELS}, headers=any_tag)
    assert answered.status_code == 304 and answered.headers["ETag"]
    bad = client.get("/sparql", query_string={"query": "ASK {"}, headers=any_tag)
    assert bad.status_code == 400 and b"syntax" in bad.data
    missing = client.get("/sparql", query_string={"graph": "http://nothing.example/"},
                         headers=any_tag)
    assert missing.status_code == 404
