"""kg.pool: queries in real query processes, stopped for real at the time limit."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.jobs import InlineExecutor, Outcome, QueryJob, StatisticsJob, results_of
from kg.pool import QueryPool
from kg.sparql import QueryRequest

LABELS = "SELECT ?l WHERE { ?s a kg:Actor ; rdfs:label ?l } ORDER BY ?l"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# Four unconstrained patterns over a couple of hundred quads: billions of solutions.
ENDLESS = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
DEADLINE = 30.0  # how long a test waits for something that should take a second
# Three unconstrained patterns: millions of solutions, about a second of work here.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def job(query: str, **kwargs: object) -> QueryJob:
    return QueryJob(QueryRequest(query), **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def pool(small_store: Path) -> Iterator[QueryPool]:
    with QueryPool(small_store, processes=1, timeout=1.0) as running:
        # The 1 s limit is for queries: a first start (imports compiled afresh in a new
        # checkout, a busy machine) may take longer, so the process starts before the test.
        assert running.run(job("ASK {}"), timeout=DEADLINE).status == 200
        yield running


def process_ids(pool: QueryPool) -> list[int]:
    return sorted({lane.process.process.pid for lane in pool._idle})


def gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


def test_a_query_process_answers_as_the_endpoint_does(
    pool: QueryPool, small_store: Path
) -> None:
    expected = InlineExecutor(small_store).run(job(LABELS, accept="text/csv"))
    answer = pool.run(job(LABELS, accept="text/csv"))
    assert answer.status == 200 and answer.body == expected.body
    assert answer.content_type == "text/csv; charset=utf-8"


@pytest.mark.parametrize("rows", [5, 3000])
def test_answers_small_and_large_come_back_byte_identical_with_their_headers(
    pool: QueryPool, small_store: Path, rows: int
) -> None:
    # A cross product: as many rows as asked for, from a small store.  The large answer
    # (hundreds of KiB) travels after its outcome rather than inside the message.
    text = f"SELECT ?a ?b WHERE {{ ?a ?p ?o . ?b ?q ?r }} LIMIT {rows + 1}"
    asked = job(text, accept="text/tab-separated-values", max_rows=rows)
    expected = InlineExecutor(small_store).run(asked)
    answer = pool.run(asked, timeout=DEADLINE)
    assert answer.status == 200 and answer.truncated
    assert answer.body == expected.body and type(answer.body) is bytes
    assert answer.body.count(b"\n") == rows + 1  # the header line, then the rows
    assert answer.headers == expected.headers and answer.generation == expected.generation
    assert pool.run(job("ASK {}")).body == expected_ask(small_store), "the next job is intact"


def expected_ask(location: Path) -> bytes:
    return InlineExecutor(location).run(job("ASK {}")).body


def test_a_query_past_the_time_limit_is_stopped_and_its_process_killed(
    pool: QueryPool,
) -> None:
    pool.run(job("ASK {}"))
    (before,) = process_ids(pool)
    began = time.monotonic()
    answer = pool.run(job(ENDLESS))
    assert time.monotonic() - began < DEADLINE
    assert answer.status == 503
    assert b"stopped after 1 s" in answer.body
    assert gone(before), "the process running the query no longer exists"
    again = pool.run(job("ASK { ?s ?p ?o }"), timeout=DEADLINE)
    assert again.status == 200, "a fresh process takes its place"


def test_a_process_that_dies_is_reported_and_replaced(pool: QueryPool) -> None:
    pool.run(job("ASK {}"))
    (pid,) = process_ids(pool)
    os.kill(pid, signal.SIGKILL)
    broken = pool.run(job("ASK {}"))
    assert broken.status == 500 and b"ended unexpectedly" in broken.body
    assert pool.run(job("ASK {}"), timeout=DEADLINE).status == 200


def test_a_caller_waits_for_a_free_process_no_longer_than_the_limit(pool: QueryPool) -> None:
    pool.run(job("ASK {}"))
    outcomes: list[Outcome] = []
    busy = threading.Thread(target=lambda: outcomes.append(pool.run(job(ENDLESS))))
    busy.start()
    time.sleep(0.2)
    waiting = pool.run(job("ASK {}"), timeout=0.3)
    busy.join(DEADLINE)
    assert waiting.status == 503 and b"busy" in waiting.body
    assert waiting.headers["Retry-After"]
    assert outcomes[0].status == 503


def test_query_processes_see_a_new_generation(
    tmp_path: Path, small_trig: Path, make_store: Callable[..., Path]
) -> None:
    location = make_store(tmp_path / "store", small_trig)
    extra = tmp_path / "extra.trig"
    extra.write_text("<http://example.org/g> { <http://example.org/s> "
                     "<http://example.org/p> \"new\" . }\n", encoding="utf-8")

    def count(pool: QueryPool) -> int:
        solutions = results_of(pool.run(job(COUNT), timeout=DEADLINE))
        return int(next(iter(solutions))["n"].value)  # type: ignore[call-overload,index]

    with QueryPool(location, processes=2) as pool:
        pool.start()
        before = count(pool)
        make_store(location, small_trig, extra)
        assert count(pool) == count(pool) == before + 1


def test_statistics_are_counted_in_a_query_process(pool: QueryPool) -> None:
    outcome = pool.run(StatisticsJob(), timeout=DEADLINE)
    assert outcome.statistics is not None and outcome.statistics.triples > 0
    assert outcome.generation


def test_closing_the_pool_ends_its_processes(small_store: Path) -> None:
    pool = QueryPool(small_store, processes=2)
    pool.start()
    pids = process_ids(pool)
    pool.close()
    assert len(pids) == 2 and all(gone(pid) for pid in pids)


def test_a_missing_store_is_503_from_the_process(tmp_path: Path) -> None:
    with QueryPool(tmp_path / "none", processes=1) as pool:
        answer = pool.run(job("ASK {}"), timeout=DEADLINE)
    assert answer.status == 503 and b"kg build" in answer.body


def test_query_processes_run_the_servers_kg_even_from_a_folder_holding_another(
    small_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder with a broken `kg` package, as a second checkout would be: a query process
    # started there must not import it (python -P keeps the current folder off sys.path).
    impostor = tmp_path / "elsewhere" / "kg"
    impostor.mkdir(parents=True)
    (impostor / "__init__.py").write_text("raise ImportError('the wrong kg')\n")
    monkeypatch.chdir(impostor.parent)
    with QueryPool(small_store, processes=1, timeout=5.0) as running:
        answer = running.run(job(LABELS, accept="text/csv"))
    assert answer.status == 200
    assert answer.body.startswith(b"l\r\n")


@pytest.fixture
def shared(small_store: Path) -> Iterator[QueryPool]:
    with QueryPool(small_store, processes=1, threads=2, timeout=DEADLINE) as running:
        running.start()
        yield running


def run_aside(pool: QueryPool, asked: QueryJob, into: list[Outcome]) -> threading.Thread:
    thread = threading.Thread(target=lambda: into.append(pool.run(asked)))
    thread.start()
    return thread


def test_threads_of_one_query_process_run_queries_side_by_side(
    shared: QueryPool, small_store: Path
) -> None:
    assert len(process_ids(shared)) == 1 and len(shared._idle) == 2
    outcomes: list[Outcome] = []
    running = [run_aside(shared, job(HEAVY), outcomes) for _ in range(2)]
    time.sleep(0.2)
    assert shared._idle == [], "both lanes of the one process are at work at once"
    for thread in running:
        thread.join(DEADLINE)
    expected = InlineExecutor(small_store).run(job(HEAVY)).body
    assert [o.status for o in outcomes] == [200, 200]
    assert all(o.body == expected for o in outcomes)
    assert len(process_ids(shared)) == 1 and len(shared._idle) == 2


def test_a_neighbour_stopped_with_a_query_past_its_limit_runs_again_and_answers(
    shared: QueryPool, small_store: Path
) -> None:
    began = time.monotonic()
    expected = InlineExecutor(small_store).run(job(HEAVY)).body
    took = time.monotonic() - began
    (before,) = process_ids(shared)
    outcomes: list[Outcome] = []
    neighbour = run_aside(shared, job(HEAVY), outcomes)
    time.sleep(0.05)
    # Stopped halfway through the neighbour's work: the kill takes the neighbour down too.
    stopped = shared.run(job(ENDLESS), timeout=max(took / 2, 0.2))
    neighbour.join(DEADLINE)
    assert stopped.status == 503 and b"stopped after" in stopped.body
    assert gone(before)
    assert outcomes[0].status == 200 and outcomes[0].body == expected
    assert shared.reruns == 1, "the neighbour's query ran a second time, in a new process"


def test_a_process_that_dies_fails_every_query_it_was_running(shared: QueryPool) -> None:
    # Not a time limit: the pool cannot tell which query killed it, so none runs again.
    outcomes: list[Outcome] = []
    running = [run_aside(shared, job(ENDLESS), outcomes) for _ in range(2)]
    time.sleep(0.3)
    (pid,) = {process.process.pid for process in shared._processes}
    os.kill(pid, signal.SIGKILL)
    for thread in running:
        thread.join(DEADLINE)
    assert [o.status for o in outcomes] == [500, 500]
    assert shared.reruns == 0
    assert shared.run(job("ASK {}"), timeout=DEADLINE).status == 200


def test_jobs_and_outcomes_cross_to_a_query_process_unchanged() -> None:
    from kg.graphstore import GraphRequest
    from kg.jobs import GraphJob, dump_job, dump_outcome, load_job, load_outcome
    from kg.service import DatasetStatistics

    read = job("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", accept="text/csv",
               max_rows=5, allowed_services=("http://example.org/sparql",))
    assert read.request.shape.has_dataset_clause  # read by the caller, sent along
    again = load_job(dump_job(read))
    assert again == read and again.request.__dict__["shape"] == read.request.shape
    unread = job("ASK {}")
    assert load_job(dump_job(unread)) == unread and "shape" not in unread.request.__dict__
    graph = GraphJob(GraphRequest("http://example.org/g"), "turtle", "text/turtle", 10)
    assert load_job(dump_job(graph)) == graph
    plain = Outcome(200, "text/csv", b"", {"Vary": "Accept"}, "gen-1")
    assert load_outcome(dump_outcome(plain), b"a,b\n") == Outcome(
        200, "text/csv", b"a,b\n", {"Vary": "Accept"}, "gen-1")
    counted = Outcome(200, "text/plain", b"", {}, "gen-1", DatasetStatistics(
        3, 2, 2, 3, (("http://example.org/C", 1),), (("http://example.org/p", 3),),
        (("http://example.org/g", 3),)))
    assert load_outcome(dump_outcome(counted), b"") == counted
