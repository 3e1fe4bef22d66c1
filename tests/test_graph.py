"""Graph assembly: layout of docs/graph-layout.md, evidence spans, deterministic IRIs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyoxigraph as ox

from kg.graph import assemble, date_literal, decimal_literal
from kg.model import (
    ActorMention,
    ActorType,
    Article,
    ArticleMetadata,
    CitationMention,
    Extraction,
    FigureMention,
    MaterialCategory,
    MaterialMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
    StatementKind,
    StatementMention,
)
from kg.namespace import ENTITIES_GRAPH, PREFIXES, article_iri
from kg.resolve import resolve

TEXT = (
    "Oslo banned exports of gallium to Ruritania on Monday. "
    "“We will not yield,” said Minister Ada Berg, according to the Daily Wire. "
    "Ruritania buys about 60% of its gallium there."
)


def span(text: str, occurrence: int = 0) -> Span:
    begin = -1
    for _ in range(occurrence + 1):
        begin = TEXT.index(text, begin + 1)
    return Span.of(TEXT, begin, begin + len(text))


def sample() -> Extraction:
    article = Article("x_1.txt", TEXT, ArticleMetadata(title="T", date=dt.date(2026, 1, 7)))
    return Extraction(
        article=article,
        actors=[
            ActorMention("Norway", ActorType.STATE, span("Oslo")),
            ActorMention("Ruritania", ActorType.STATE, span("Ruritania")),
            ActorMention("Ada Berg", ActorType.PERSON, span("Ada Berg"), role="Minister",
                         affiliation="Norway"),
            ActorMention("Daily Wire", ActorType.MEDIA, span("Daily Wire")),
        ],
        materials=[MaterialMention("gallium", MaterialCategory.SEMICONDUCTOR, span("gallium"))],
        citations=[CitationMention("Daily Wire", span("Daily Wire"))],
        statements=[StatementMention("Ada Berg", StatementKind.DIRECT_QUOTE,
                                     span("We will not yield"), date=PartialDate(2026, 1, 7),
                                     via="Daily Wire")],
        figures=[FigureMention(Decimal("60"), "percent", span("about 60%"), qualifier="about")],
        measures=[MeasureMention(MeasureType.EXPORT_BAN, span("banned exports"),
                                 issuer="Norway", target="Ruritania",
                                 date=PartialDate(2026, 1, 5), status=MeasureStatus.IN_FORCE,
                                 covers=["gallium"])],
    )


def store_of(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def ask(store: ox.Store, query: str) -> bool:
    return bool(store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True))


def test_every_evidence_anchor_is_the_article_text_at_its_offsets() -> None:
    store = store_of(assemble([sample()], resolve([sample()])))
    rows = list(store.query(
        "SELECT ?b ?e ?a ?text WHERE { ?ev a kg:Evidence ; nif:beginIndex ?b ; "
        "nif:endIndex ?e ; nif:anchorOf ?a ; nif:referenceContext ?doc . "
        "?doc nif:isString ?text }", prefixes=PREFIXES, use_default_graph_as_union=True))
    assert len(rows) == 3
    for row in rows:
        begin, end = int(row["b"].value), int(row["e"].value)
        assert row["text"].value[begin:end] == row["a"].value


def test_every_evidence_span_links_the_sentence_holding_it_with_that_sentence_s_text() -> None:
    store = store_of(assemble([sample()], resolve([sample()])))
    rows = list(store.query(
        "SELECT ?a ?sentence ?sb ?se ?text WHERE { ?ev a kg:Evidence ; nif:anchorOf ?a ; "
        "kg:sentence ?s . ?s a nif:Sentence ; nif:anchorOf ?sentence ; nif:beginIndex ?sb ; "
        "nif:endIndex ?se ; nif:referenceContext ?doc . ?doc nif:isString ?text }",
        prefixes=PREFIXES, use_default_graph_as_union=True))
    assert len(rows) == 3, "each of the three spans has its sentence"
    for row in rows:
        begin, end = int(row["sb"].value), int(row["se"].value)
        assert row["text"].value[begin:end] == row["sentence"].value
        assert row["a"].value in row["sentence"].value


def test_a_span_across_two_sentences_links_both() -> None:
    text = "Ada Berg said: “We will not yield. We never have.” Oslo agreed."
    quote = Span.of(text, text.index("We will"), text.index("have.") + 5)
    article = Article("y_1.txt", text, ArticleMetadata(title="T"))
    extraction = Extraction(
        article=article,
        actors=[ActorMention("Ada Berg", ActorType.PERSON, Span.of(text, 0, 8))],
        statements=[StatementMention("Ada Berg", StatementKind.DIRECT_QUOTE, quote)])
    store = store_of(assemble([extraction], resolve([extraction])))
    sentences = {r["s"].value for r in store.query(
        "SELECT ?s WHERE { ?st a kg:Statement ; kg:evidence/kg:sentence/nif:anchorOf ?s }",
        prefixes=PREFIXES, use_default_graph_as_union=True)}
    assert len(sentences) == 2 and any("yield" in s for s in sentences) \
        and any("never" in s for s in sentences)


def test_entities_go_to_the_entities_graph_and_claims_to_the_article_graph() -> None:
    store = store_of(assemble([sample()], resolve([sample()])))
    g = article_iri("x_1.txt")
    assert ask(store, f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ ?a a kg:Actor, kg:Person ; "
                      "rdfs:label 'Ada Berg' ; kg:role 'Minister' ; kg:affiliation ?n } }")
    assert ask(store, f"ASK {{ GRAPH <{g}> {{ ?s a kg:Statement ; kg:speaker ?p ; "
                      "kg:statementKind kg:DirectQuote ; kg:via ?o ; kg:evidence ?e ; "
                      f"prov:wasDerivedFrom <{g}> }} }}")
    assert ask(store, f"ASK {{ GRAPH <{g}> {{ ?m kg:status kg:InForce ; kg:covers ?mat ; "
                      "kg:date '2026-01-05'^^xsd:date ; kg:evidence ?e } }")
    assert ask(store, f"ASK {{ GRAPH <{g}> {{ <{g}> a kg:Article, kg:Source ; "
                      "dcterms:identifier 'x_1.txt' ; kg:cites ?c ; kg:mentions ?m } }")
    assert ask(store, "ASK { ?c a kg:NumericClaim, kg:Statement ; kg:value 60.0 ; "
                      "kg:unit 'percent' ; kg:qualifier 'about' }")


def test_the_same_input_gives_the_same_quads() -> None:
    first = assemble([sample()], resolve([sample()]))
    second = assemble([sample()], resolve([sample()]))
    assert first == second
    assert not any(isinstance(t, ox.BlankNode) for q in first for t in (q.subject, q.object))


def test_each_author_of_a_byline_is_a_creator_of_the_article() -> None:
    extraction = sample()
    extraction.article.metadata.author = "Ada Berg, Bo Lind and Cy Moe"
    store = store_of(assemble([extraction], resolve([extraction])))
    creators = {s["c"].value for s in store.query(
        "SELECT ?c WHERE { ?a dcterms:creator ?c }", prefixes=PREFIXES,
        use_default_graph_as_union=True)}
    assert creators == {"Ada Berg", "Bo Lind", "Cy Moe"}


def test_dates_keep_the_precision_the_text_gives() -> None:
    assert date_literal(PartialDate(2025, 11)).datatype.value.endswith("#gYearMonth")
    assert date_literal(PartialDate(2025)).value == "2025"
    assert date_literal(PartialDate(2026, 1, 6)).datatype.value.endswith("#date")


def test_decimals_are_written_canonically() -> None:
    assert decimal_literal(Decimal("60.0")).value == "60"
    assert decimal_literal(Decimal("9E+12")).value == "9000000000000"
    assert decimal_literal(Decimal("0.50")).value == "0.5"


def _unnamed_source_article(identifier: str, text: str) -> Extraction:
    def at(part: str) -> Span:
        begin = text.index(part)
        return Span.of(text, begin, begin + len(part))

    article = Article(identifier, text, ArticleMetadata(title="T", date=dt.date(2026, 1, 7)))
    return Extraction(
        article=article,
        actors=[
            ActorMention("unnamed trade officials", ActorType.PERSON, at("trade officials"),
                         known=False),
            ActorMention("Norway", ActorType.STATE, at("Norway")),
        ],
        statements=[StatementMention("unnamed trade officials", StatementKind.REPORTED,
                                     at("the quota would stay"))],
    )


def test_unnamed_sources_of_two_articles_are_two_nodes_each_described_in_its_article() -> None:
    first = _unnamed_source_article(
        "a_1.txt", "Norway's trade officials said the quota would stay for now.")
    second = _unnamed_source_article(
        "b_2.txt", "In Oslo, trade officials told us the quota would stay, unlike Norway's levy.")
    extractions = [first, second]
    store = store_of(assemble(extractions, resolve(extractions)))
    rows = list(store.query(
        "SELECT ?g ?speaker ?label ?alias WHERE { GRAPH ?g { ?s kg:speaker ?speaker . "
        "?speaker a kg:Person ; rdfs:label ?label ; skos:altLabel ?alias } } ORDER BY ?g",
        prefixes=PREFIXES))
    assert [(r["g"].value, r["label"].value, r["alias"].value) for r in rows] == [
        (article_iri("a_1.txt"), "unnamed trade officials", "trade officials"),
        (article_iri("b_2.txt"), "unnamed trade officials", "trade officials"),
    ]
    speakers = {r["speaker"].value for r in rows}
    assert len(speakers) == 2
    assert all(r["speaker"].value.startswith(r["g"].value + "/actor/") for r in rows)
    # Nothing about them in the entities graph; a named actor stays one corpus-wide node.
    assert not ask(store, f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ ?a rdfs:label ?l "
                          'FILTER(STRSTARTS(?l, "unnamed")) } }')
    assert len(list(store.query(
        'SELECT DISTINCT ?n WHERE { ?n rdfs:label "Norway" }', prefixes=PREFIXES,
        use_default_graph_as_union=True))) == 1


def test_a_description_an_article_writes_is_an_alias_in_that_article_s_graph_only() -> None:
    text = "Acme Robotics cut output. The company said demand fell."
    article = Article("z_1.txt", text, ArticleMetadata(title="T"))
    extraction = Extraction(article=article, actors=[
        ActorMention("Acme Robotics", ActorType.COMPANY, Span.of(text, 0, 13)),
        ActorMention("Acme Robotics", ActorType.COMPANY,
                     Span.of(text, text.index("company"), text.index("company") + 7))])
    store = store_of(assemble([extraction], resolve([extraction])))
    rows = {(r["g"].value.rsplit("/", 1)[1], r["alt"].value) for r in store.query(
        "SELECT ?g ?alt WHERE { GRAPH ?g { ?a skos:altLabel ?alt } }",
        prefixes=PREFIXES)}
    assert rows == {("z_1", "company")}, "every surface form is an alias, with its article"
