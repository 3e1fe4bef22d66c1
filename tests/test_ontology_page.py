"""The vocabulary dereferences: /ontology as a page of terms or as RDF, graphs to the GSP."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.namespace import ENTITIES_GRAPH, KG, KG_TERMS, ONTOLOGY_IRI
from kg.ontology import ontology_triples, terms_by_kind, version_iri
from server import create_app
from server.app import close_app
from server.links import iri_href


@pytest.fixture(scope="module")
def app(small_store: Path) -> Iterator[Flask]:
    app = create_app(small_store, config={"TESTING": True})
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_every_term_of_the_vocabulary_is_listed_once_with_a_label() -> None:
    listed = [t for _, terms in terms_by_kind() for t in terms]
    assert sorted(t.name for t in listed) == sorted(KG_TERMS)
    assert all(t.label for t in listed)
    issuer = next(t for t in listed if t.name == "issuer")
    assert (issuer.domain, issuer.range) == ("kg:Measure", "kg:Actor")


def test_the_ontology_page_has_a_row_at_each_term_s_fragment(client: FlaskClient) -> None:
    response = client.get("/ontology", headers={"Accept": "text/html"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert set(re.findall(r'<tr id="(\w+)">', page)) == set(KG_TERMS)
    assert "kg:Measure → kg:Actor" in page


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples",
                                    "application/rdf+xml", "application/ld+json"])
def test_the_ontology_as_rdf_is_the_ontology_file(client: FlaskClient, accept: str) -> None:
    response = client.get("/ontology", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    fmt = ox.RdfFormat.from_media_type(accept)
    assert fmt is not None
    parsed = set(ox.parse(response.get_data(), format=fmt))
    assert parsed == set(ontology_triples())


def test_the_version_iri_dereferences_and_another_version_is_404(client: FlaskClient) -> None:
    version = version_iri()
    assert version is not None and version.startswith(ONTOLOGY_IRI + "/")
    path = "/ontology/" + version.rsplit("/", 1)[1]
    assert client.get(path, headers={"Accept": "text/turtle"}).status_code == 200
    missing = client.get("/ontology/9.9.9", headers={"Accept": "text/turtle"})
    assert missing.status_code == 404 and version in missing.get_data(as_text=True)


def test_an_unacceptable_format_is_406(client: FlaskClient) -> None:
    assert client.get("/ontology", headers={"Accept": "image/png"}).status_code == 406


def test_a_built_graph_iri_redirects_to_the_graph_store(client: FlaskClient) -> None:
    response = client.get("/graph/entities")
    assert response.status_code == 303
    followed = client.get(response.headers["Location"], headers={"Accept": "text/turtle"})
    assert followed.status_code == 200 and b"rdfs:label" in followed.get_data()
    assert ENTITIES_GRAPH.endswith("/graph/entities")
    assert client.get("/graph/nothing").status_code == 404


def test_kg_terms_on_pages_link_to_their_row(app: Flask) -> None:
    with app.test_request_context():
        assert iri_href(str(KG.Measure)) == "/ontology#Measure"
        assert iri_href(str(KG) + "notATerm").startswith("/?query=")
