"""kg.load (``kg load``): every RDF format, blank nodes, bad names and files, as INTERFACE.md
says: named graphs replace theirs, plain triples go to --graph or the default graph, and
loading the same file twice gives the same store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError, UsageError
from kg.load import load
from kg.store import Store

EX = "http://example.org/"
TRIPLES = [ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("one")),
           ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "q"), ox.NamedNode(EX + "b"))]
BLANKS = f"""@prefix ex: <{EX}> .
ex:a ex:author [ ex:name "Anonymous" ; ex:knows [ ex:name "Someone" ] ] .
_:x ex:name "labelled" .
"""


@pytest.fixture
def store(tmp_path: Path, small_trig: Path, make_store: Callable[..., Path]) -> Store:
    return Store(make_store(tmp_path / "store", small_trig))


def quads(store: Store) -> set[ox.Quad]:
    return set(store.open())


@pytest.mark.parametrize("fmt", [ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES,
                                 ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD,
                                 ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS])
def test_every_format_loads_into_the_graph_given(
    store: Store, tmp_path: Path, fmt: ox.RdfFormat
) -> None:
    path = tmp_path / f"data.{fmt.file_extension}"
    path.write_bytes(ox.serialize(TRIPLES, format=fmt))
    assert load([path], store, graph=EX + "g") == 2
    loaded = {(q.subject, q.predicate, q.object)
              for q in store.open().quads_for_pattern(None, None, None, ox.NamedNode(EX + "g"))}
    assert loaded == {(t.subject, t.predicate, t.object) for t in TRIPLES}


def test_blank_nodes_loaded_twice_are_not_duplicated(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "blanks.ttl"
    path.write_text(BLANKS, encoding="utf-8")
    load([path], store)
    once = quads(store)
    load([path], store)
    assert quads(store) == once
    assert sum(1 for q in once if isinstance(q.subject, ox.BlankNode)) == 4


def test_blank_nodes_of_two_files_stay_apart(store: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "one.ttl", tmp_path / "two.ttl"
    first.write_text(BLANKS, encoding="utf-8")
    second.write_text(BLANKS + f'<{EX}c> <{EX}p> "other file" .\n', encoding="utf-8")
    load([first, second], store)
    names = [q for q in quads(store) if q.object == ox.Literal("Anonymous")]
    assert len(names) == 2, "each file's anonymous author is its own node"


def test_a_graph_name_that_is_not_an_iri_is_a_usage_error(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "data.ttl"
    path.write_bytes(ox.serialize(TRIPLES, format=ox.RdfFormat.TURTLE))
    with pytest.raises(UsageError, match="not an absolute IRI"):
        load([path], store, graph="not an iri")


def test_a_missing_file_is_a_usage_error_and_changes_nothing(store: Store,
                                                              tmp_path: Path) -> None:
    before = store.current_path()
    with pytest.raises(UsageError, match="cannot read"):
        load([tmp_path / "missing.ttl"], store)
    assert store.current_path() == before


def test_a_remote_json_ld_context_is_refused_with_the_reason(store: Store,
                                                             tmp_path: Path) -> None:
    before = store.current_path()
    doc = tmp_path / "remote.jsonld"
    doc.write_text('{"@context": "https://schema.org/", "@id": "http://e/a", "name": "x"}')
    with pytest.raises(KgError, match="remote @context, which kg does not fetch"):
        load([doc], store)
    assert store.current_path() == before


def test_kg_load_reports_what_it_loaded_and_exits_0(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "data.nt"
    path.write_bytes(ox.serialize(TRIPLES, format=ox.RdfFormat.N_TRIPLES))
    result = CliRunner().invoke(main, ["load", str(path), "--graph", EX + "g",
                                       "--store", str(store.location)])
    assert result.exit_code == 0, result.output
    assert "loaded 2 quads from 1 file into" in result.output


def test_kg_load_with_a_bad_graph_exits_2(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "data.nt"
    path.write_bytes(ox.serialize(TRIPLES, format=ox.RdfFormat.N_TRIPLES))
    result = CliRunner().invoke(main, ["load", str(path), "--graph", "relative",
                                       "--store", str(store.location)])
    assert result.exit_code == 2


def test_the_format_names_of_kg_export_load_as_extensions(tmp_path: Path) -> None:
    from kg.load import format_for

    assert format_for(tmp_path / "g.nquads") is ox.RdfFormat.N_QUADS
    assert format_for(tmp_path / "g.ntriples") is ox.RdfFormat.N_TRIPLES
    assert format_for(tmp_path / "g.turtle") is ox.RdfFormat.TURTLE


def _graphs_of(store: Store) -> set[str]:
    return {g.value for g in store.open().named_graphs() if isinstance(g, ox.NamedNode)}


def test_a_rebuild_keeps_what_kg_load_added_and_fresh_drops_it(tmp_path: Path) -> None:
    from kg.build import build

    articles = Path(__file__).resolve().parent / "fixtures" / "build"
    store = Store(tmp_path / "store")
    build([articles / "good.txt"], store)
    reference = tmp_path / "reference.trig"
    reference.write_text(f"<{EX}g> {{ <{EX}a> <{EX}p> \"kept\" . }}\n<{EX}b> <{EX}p> \"plain\" .\n")
    load([reference], store)

    report = build([articles / "good.txt"], store)
    assert sorted(report.kept) == ["", f"{EX}g"]
    assert {q.object for q in store.open().quads_for_pattern(None, ox.NamedNode(EX + "p"),
                                                               None, None)} == {
        ox.Literal("kept"), ox.Literal("plain")}

    report = build([articles / "good.txt"], store, keep_loaded=False)
    assert report.kept == [] and f"{EX}g" not in _graphs_of(store)


def test_a_rebuild_does_not_carry_the_graph_of_an_article_left_out(tmp_path: Path) -> None:
    from kg.build import build
    from kg.namespace import article_iri

    folder = tmp_path / "in"
    folder.mkdir()
    source = Path(__file__).resolve().parent / "fixtures" / "build" / "good.txt"
    (folder / "one.txt").write_bytes(source.read_bytes())
    (folder / "two.txt").write_bytes(source.read_bytes())
    store = Store(tmp_path / "store")
    build([folder], store)
    assert article_iri("two.txt") in _graphs_of(store)
    report = build([folder / "one.txt"], store)
    assert report.kept == [] and article_iri("two.txt") not in _graphs_of(store)


def test_a_damaged_store_is_rebuilt_and_the_loss_of_its_loaded_graphs_noted(
    tmp_path: Path,
) -> None:
    from kg.build import build

    article = Path(__file__).resolve().parent / "fixtures" / "build" / "good.txt"
    store = Store(tmp_path / "store")
    build([article], store)
    for path in store.current_path().iterdir():  # as a bad disk would leave it
        if path.name == "CURRENT" or path.suffix == ".sst":
            path.write_bytes(b"\x00garbage" * 10)
    report = build([article], store)
    assert report.exit_code == 0 and report.kept == []
    assert any("could not be carried over" in note.message for note in report.notes)
    assert len(list(store.open())) > 0  # the new graph is readable


def test_kg_load_into_a_store_that_does_not_exist_says_it_created_one(tmp_path: Path) -> None:
    path = tmp_path / "data.nt"
    path.write_bytes(ox.serialize(TRIPLES, format=ox.RdfFormat.N_TRIPLES))
    missing = tmp_path / "mistyped-store"
    result = CliRunner().invoke(main, ["load", str(path), "--store", str(missing)])
    assert result.exit_code == 0, result.output
    assert f"there was no store at {missing}: created a new one" in result.stderr
    again = CliRunner().invoke(main, ["load", str(path), "--store", str(missing)])
    assert "created a new one" not in again.stderr


def test_kg_load_reads_stdin_in_the_format_given(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    data = ox.serialize(TRIPLES, format=ox.RdfFormat.N_TRIPLES).decode()
    result = CliRunner().invoke(main, ["load", "-", "--format", "ntriples", "--store", location],
                                input=data)
    assert result.exit_code == 0, result.output
    assert "loaded 2 quads from 1 file" in result.output
    without = CliRunner().invoke(main, ["load", "-", "--store", location], input=data)
    assert without.exit_code == 2 and "give its --format" in without.stderr


def test_an_n3_file_and_a_file_without_extension_load_with_format(tmp_path: Path) -> None:
    n3 = tmp_path / "data.n3"
    n3.write_bytes(ox.serialize(TRIPLES, format=ox.RdfFormat.TURTLE))
    bare = tmp_path / "download"
    bare.write_bytes(ox.serialize(TRIPLES, format=ox.RdfFormat.TURTLE))
    store = Store(tmp_path / "store")
    assert load([n3], store) == 2
    assert load([bare], store, rdf_format=ox.RdfFormat.TURTLE) == 2
