"""Entity pages of measures joined by a scored candidate link: the measure naming no target
says which targeted measures it may be, the targeted one which accounts may be it, each
with the score and the article (kg.entity, server/templates/entity.html)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kg.entity import describe
from kg.namespace import ID_BASE, KGR
from kg.store import Store
from server import create_app
from server.app import close_app

TWO_ARTICLES = Path(__file__).resolve().parent / "shapes" / "valid" / "two-articles.trig"
UNTARGETED = str(KGR["measure/export-ban-norway"])
TARGETED = str(KGR["measure/export-ban-norway-ruritania"])
T2 = str(KGR["article/t2"])


@pytest.fixture(scope="module")
def location(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("candidates") / "store"
    with Store(where).write() as target:
        target.load(path=str(TWO_ARTICLES), format=ox.RdfFormat.TRIG)
    return where


@pytest.fixture(scope="module")
def store(location: Path) -> ox.Store:
    return Store(location).open()


@pytest.fixture(scope="module")
def client(location: Path) -> Iterator[FlaskClient]:
    app = create_app(location, config={"TESTING": True})
    yield app.test_client()
    close_app(app)


def test_the_untargeted_measure_lists_what_it_may_be(store: ox.Store) -> None:
    entity = describe(store, UNTARGETED)
    assert entity is not None
    [view] = entity.candidates
    assert (view.other.value, view.score, view.article.iri, view.untargeted) == (
        TARGETED, "0.5", T2, True)
    # shown once, as a candidate, not again among the plain links to the page
    assert not any(v.value.startswith(f"{T2}/candidate/") for r in entity.incoming
                   for v in r.values)


def test_the_targeted_measure_lists_the_accounts_that_may_be_it(store: ox.Store) -> None:
    entity = describe(store, TARGETED)
    assert entity is not None
    assert [(c.other.value, c.score, c.untargeted) for c in entity.candidates] == [
        (UNTARGETED, "0.5", False)]


def test_an_actor_candidate_link_stays_a_plain_link(store: ox.Store) -> None:
    person = describe(store, str(KGR["actor/ada-berg"]))
    assert person is not None and person.candidates == []
    assert any(v.value.startswith(str(KGR["article/t1/candidate/"]))
               for r in person.incoming for v in r.values)


def test_the_measure_page_shows_its_candidates(client: FlaskClient) -> None:
    page = client.get("/id/" + UNTARGETED.removeprefix(ID_BASE), headers={"Accept": "text/html"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Possibly the same measure" in html and "score 0.5" in html
    assert "export ban: Norway on Ruritania" in html
