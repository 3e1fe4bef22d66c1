"""An article's header publisher links to the publisher's actor node (``schema:publisher``).

``dcterms:publisher`` keeps the header's text; ``schema:publisher`` lets a query join the
article to the outlet (or ministry, or company) as an actor: "which outlets published
stories citing X", the outlet's own statements.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.build import build_graph
from kg.extract import extract
from kg.extract.actor_bylines import publisher_actor
from kg.ingest import parse_article
from kg.model import ActorType
from kg.namespace import RDFS, SCHEMA, article_iri


def _publishers(*texts: str) -> dict[str, str | None]:
    """Each article's ``schema:publisher`` label (None without one), by identifier."""
    articles = [parse_article(text.encode(), identifier=f"a{k}.txt")
                for k, text in enumerate(texts)]
    store = build_graph([extract(a) for a in articles])
    found: dict[str, str | None] = {}
    for a in articles:
        graph = ox.NamedNode(article_iri(a.identifier))
        links = [q.object for q in store.quads_for_pattern(
            graph, ox.NamedNode(str(SCHEMA.publisher)), None, graph)]
        assert len(links) <= 1
        labels = [q.object.value for link in links for q in store.quads_for_pattern(
            link, ox.NamedNode(str(RDFS.label)), None, None)]
        found[a.identifier] = labels[0] if labels else None
    return found


_WIRE = """title: Harbour Wire desk notes
date: 2026-03-02
publisher: Harbour Wire
---
Norway banned exports of gallium on Monday, Harbour Wire has learned. The trade ministry
said the ban would last a year.
"""

_UNNAMED = """title: Ruritania curbs tungsten sales
date: 2026-03-02
publisher: The Meadow Ledger
---
Ruritania's government said on Monday it would curb tungsten exports to its neighbours.
"""

_COMPANY = """title: Press release
date: 2026-03-02
publisher: Fjordline Magnetics Co., Ltd.
---
Fjordline Magnetics said on Monday that it had stopped shipping magnets to Ruritania.
"""


def test_an_outlet_named_in_the_text_is_the_articles_publisher_node() -> None:
    assert _publishers(_WIRE) == {"a0.txt": "Harbour Wire"}


def test_a_publisher_the_text_never_names_is_still_linked() -> None:
    assert _publishers(_UNNAMED) == {"a0.txt": "The Meadow Ledger"}


def test_a_company_publisher_links_to_the_company_without_its_legal_form() -> None:
    assert _publishers(_COMPANY) == {"a0.txt": "Fjordline Magnetics"}


def test_an_article_without_a_header_publisher_has_no_link() -> None:
    text = "Norway banned exports of gallium on Monday, its trade ministry said.\n"
    assert _publishers(text) == {"a0.txt": None}


def test_publisher_actor_names_and_types_the_header_publisher() -> None:
    assert publisher_actor("Fjordline Magnetics Co., Ltd.") == (
        "Fjordline Magnetics", ActorType.COMPANY)
    assert publisher_actor("The Meadow Ledger (English edition)") == (
        "The Meadow Ledger", ActorType.MEDIA)
