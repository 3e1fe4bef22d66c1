"""The catalogue of entities (the /entities page's data): every actor, measure and material
of the entities graph, with its kind and how many articles name it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import ontology_quads
from kg.catalogue import read_catalogue
from kg.namespace import KGR


@pytest.fixture(scope="module")
def store(small_trig: Path) -> ox.Store:
    data = ox.Store()
    data.load(path=str(small_trig), format=ox.RdfFormat.TRIG)
    data.extend(ontology_quads())  # class and concept labels name the kinds
    return data


def test_every_section_lists_its_entities_most_named_first(store: ox.Store) -> None:
    actors, measures, materials = read_catalogue(store)
    assert (actors.title, measures.title, materials.title) == ("Actors", "Measures", "Materials")
    assert actors.total == 6 and measures.total == 2 and materials.total == 4
    counts = [e.articles for e in actors.entries]
    assert counts == sorted(counts, reverse=True)
    china = next(e for e in actors.entries if e.label == "China")
    assert china.iri == str(KGR["actor/china"]) and china.kind == "state" and china.articles == 2


def test_kinds_are_a_measures_type_and_a_materials_category(store: ox.Store) -> None:
    _, measures, materials = read_catalogue(store)
    assert {e.label: e.kind for e in measures.entries}["export ban: China on Japan"] == \
        "export ban"
    assert {e.label: e.kind for e in materials.entries}["dysprosium"] == "rare earth element"


def test_past_the_limit_the_least_named_are_left_out_but_counted(store: ox.Store) -> None:
    actors, _, _ = read_catalogue(store, max_entries=2)
    assert len(actors.entries) == 2 and actors.total == 6


def test_an_empty_graph_has_empty_sections() -> None:
    assert all(not s.entries and s.total == 0 for s in read_catalogue(ox.Store()))
