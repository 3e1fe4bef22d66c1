"""kg.evidence and kg.entity: what an entity page shows, read from a real on-disk store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import namespace as rdfns

from kg.entity import (
    Term,
    describe,
    describe_quads,
    exists,
    inverse_label,
    is_minted,
    mark_text,
)
from kg.evidence import Articles, Snippet, cut
from kg.namespace import KG, KGR, NIF
from kg.store import Store

ARTICLE = str(KGR["article/a_first"])
SECOND = str(KGR["article/b_second"])
HE_YADONG = str(KGR["actor/he-yadong"])
BAN = str(KGR["measure/export-ban-china-japan"])
STATEMENT = f"{ARTICLE}/statement/120-156"


@pytest.fixture(scope="module")
def store(small_store: Path) -> ox.Store:
    return Store(small_store).open()


# --- evidence in context -------------------------------------------------------------------


def test_cut_gives_the_sentence_around_a_span() -> None:
    text = "First sentence here. The ban covers dysprosium and terbium. Last one."
    begin = text.index("dysprosium")
    before, mark, after = cut(text, begin, begin + len("dysprosium"))
    assert (before, mark, after) == ("The ban covers ", "dysprosium", " and terbium.")


def test_cut_runs_over_every_sentence_a_span_crosses() -> None:
    text = "One. Two starts here. And three ends there. Four."
    begin, end = text.index("starts"), text.index("three") + len("three")
    before, mark, after = cut(text, begin, end)
    assert before == "Two " and mark == "starts here. And three" and after == " ends there."


def test_cut_shortens_long_context_at_a_space() -> None:
    text = "word " * 200 + "SPAN" + " word" * 200 + "."
    before, mark, after = cut(text, 1000, 1004, limit=50)
    assert mark == "SPAN"
    assert before.startswith("\u2026") and len(before) <= 51
    assert after.endswith("\u2026") and len(after) <= 51


def test_cut_clamps_offsets_outside_the_text() -> None:
    assert cut("Short.", 3, 99) == ("Sho", "rt.", "")


def test_snippet_of_an_evidence_node_matches_its_anchor(store: ox.Store) -> None:
    snippet = Articles(store).evidence(f"{ARTICLE}#char=120,156")
    assert snippet is not None
    assert snippet.mark == "Civilian users will not be affected,"
    assert snippet.consistent
    assert snippet.fragment == "char=120,156"
    assert snippet.after.startswith("\u201d said He Yadong")
    assert snippet.article.title == "China bans dual-use exports to Japan"


def test_articles_reads_metadata_and_refuses_non_articles(store: ox.Store) -> None:
    articles = Articles(store)
    ref = articles.ref(SECOND)
    assert ref is not None
    assert (ref.identifier, ref.date, ref.name) == (
        "b_second.txt", "2026-01-08", "Beijing bans dual-use goods to Japan")
    assert articles.ref(HE_YADONG) is None
    assert articles.text(HE_YADONG) is None


def test_snippet_trimmed_keeps_the_mark() -> None:
    snippet = cut("a " * 100 + "MARK" + " b" * 100, 200, 204)
    trimmed = Snippet(None, 200, 204, *snippet).trimmed(10)  # type: ignore[arg-type]
    assert trimmed.mark == "MARK" and len(trimmed.before) <= 11 and len(trimmed.after) <= 11


# --- entity descriptions ---------------------------------------------------------------------


def test_describe_an_actor_gives_names_types_statements_and_mentions(store: ox.Store) -> None:
    entity = describe(store, HE_YADONG)
    assert entity is not None
    assert entity.label == "He Yadong"
    assert entity.alt_labels == ["He Ya-dong"]
    assert {t.value for t in entity.types} == {str(KG.Actor), str(KG.Person)}
    facts = {r.property.value: [v.text for v in r.values] for r in entity.facts}
    assert facts[str(KG.role)] == ["spokesperson"]
    assert facts[str(KG.affiliation)] == ["Ministry of Commerce of China"]
    assert [s.quote for s in entity.statements] == [
        "Civilian users will not be affected,", "exports for military purposes would be stopped"]
    for statement in entity.statements:
        assert statement.role.value == str(KG.speaker)
        assert [s.mark for s in statement.evidence] == [statement.quote]
    assert [a.identifier for a in entity.mentioned_in] == ["a_first.txt", "b_second.txt"]


def test_describe_a_measure_keeps_each_articles_account_apart(store: ox.Store) -> None:
    entity = describe(store, BAN)
    assert entity is not None
    dates = {
        account.article.identifier: [v.text for r in account.facts for v in r.values
                                     if r.property.value == str(KG.date)]
        for account in entity.accounts
    }
    assert dates == {"a_first.txt": ["2026-01-06"], "b_second.txt": ["2026-01-07"]}
    for account in entity.accounts:
        assert account.evidence and all(s.consistent for s in account.evidence)
    # The statement about the ban is listed with its role, not as a bare link.
    assert [(s.role.value, s.iri) for s in entity.statements] == [(str(KG.about), STATEMENT)]


def test_describe_gives_relations_in_both_directions(store: ox.Store) -> None:
    china = describe(store, str(KGR["actor/china"]))
    assert china is not None
    incoming = {r.property.value: {v.value for v in r.values} for r in china.incoming}
    assert str(KGR["actor/ministry-of-commerce-of-china"]) in incoming[str(KG.partOf)]
    assert BAN in incoming[str(KG.issuer)]


def test_describe_an_article_marks_every_evidence_span(store: ox.Store) -> None:
    entity = describe(store, ARTICLE)
    assert entity is not None and entity.article is not None and entity.text is not None
    assert entity.title == "China bans dual-use exports to Japan"
    assert [(s.begin, s.end) for s in entity.spans] == [(0, 60), (120, 156), (216, 264),
                                                       (323, 333)]
    pieces = mark_text(entity.text, entity.spans)
    assert "".join(p.text for p in pieces) == entity.text
    assert [p.text for p in pieces if p.depth] == [s.mark for s in entity.spans]
    # The article's statements come with it, derived from it.
    assert {s.role.value for s in entity.statements} == {str(rdfns.PROV.wasDerivedFrom)}


def test_describe_a_statement_shows_its_words_in_context(store: ox.Store) -> None:
    entity = describe(store, STATEMENT)
    assert entity is not None
    assert entity.label == "Civilian users will not be affected,"
    [account] = entity.accounts
    assert [s.mark for s in account.evidence] == ["Civilian users will not be affected,"]


def test_unknown_iri_is_not_described(store: ox.Store) -> None:
    assert describe(store, str(KGR["actor/nobody"])) is None
    assert not exists(store, str(KGR["actor/nobody"]))
    assert describe_quads(store, str(KGR["actor/nobody"])) == []


def test_describe_quads_holds_both_directions_evidence_and_labels(store: ox.Store) -> None:
    quads = describe_quads(store, STATEMENT)
    subjects = {q.subject.value for q in quads}
    assert STATEMENT in subjects
    assert f"{ARTICLE}#char=120,156" in subjects, "the evidence node's own triples"
    anchors = [q for q in quads if q.predicate == ox.NamedNode(NIF.anchorOf)]
    assert [q.graph_name for q in anchors] == [ox.NamedNode(ARTICLE)], "in its article's graph"
    labels = {q.object.value for q in quads if q.predicate == ox.NamedNode(rdfns.RDFS.label)}
    assert {"He Yadong", "export ban: China on Japan"} <= labels


def test_an_article_document_describes_its_hash_iris(store: ox.Store) -> None:
    # A client dereferencing "...#char=120,156" fetches the article's IRI: the span's offsets
    # and words must be in that document.
    quads = describe_quads(store, ARTICLE)
    span = ox.NamedNode(f"{ARTICLE}#char=120,156")
    described = {q.predicate for q in quads if q.subject == span}
    assert ox.NamedNode(NIF.anchorOf) in described and ox.NamedNode(NIF.beginIndex) in described


def test_mark_text_counts_overlapping_spans(make_snippet: Callable[..., Snippet]) -> None:
    text = "abcdefghij"
    pieces = mark_text(text, [make_snippet(2, 6), make_snippet(4, 8)])
    assert [(p.text, p.depth) for p in pieces] == [
        ("ab", 0), ("cd", 1), ("ef", 2), ("gh", 1), ("ij", 0)]
    assert pieces[1].starts == ("char=2,6",) and pieces[2].starts == ("char=4,8",)


def test_terms_show_labels_and_datatypes() -> None:
    assert Term("https://w3id.org/tradekg/id/actor/x", True).text == "actor:x"
    assert Term("2026-01", False, datatype=str(rdfns.XSD.gYearMonth)).note == "xsd:gYearMonth"
    assert Term("plain", False, datatype=str(rdfns.XSD.string)).note == ""
    assert is_minted(HE_YADONG) and not is_minted(str(KG.Actor))


@pytest.fixture
def make_snippet() -> Callable[..., Snippet]:
    def make(begin: int, end: int) -> Snippet:
        return Snippet(None, begin, end, "", "", "")  # type: ignore[arg-type]
    return make


def test_a_neighbour_titled_by_a_triple_term_is_described_not_a_crash() -> None:
    # RDF 1.2 triple terms can reach the store through `kg load` or an update.
    memory = ox.Store()
    subject, other = ox.NamedNode(HE_YADONG), ox.NamedNode("http://example.org/claim")
    memory.add(ox.Quad(subject, ox.NamedNode(str(rdfns.RDFS.label)), ox.Literal("He Yadong")))
    memory.add(ox.Quad(subject, ox.NamedNode(str(rdfns.RDFS.seeAlso)), other))
    claim = ox.Triple(subject, ox.NamedNode(str(KG.role)), ox.Literal("spokesperson"))
    memory.add(ox.Quad(other, ox.NamedNode(str(rdfns.DCTERMS.title)), claim))
    entity = describe(memory, HE_YADONG)
    assert entity is not None
    labels = [v.label for r in entity.facts for v in r.values if v.value == other.value]
    assert len(labels) == 1 and labels[0] is not None
    assert str(claim).startswith(labels[0].rstrip("\u2026")), "shown by its N-Triples form"


# --- incoming relations ----------------------------------------------------------------------


@pytest.mark.parametrize(("label", "inverse"), [
    ("part of", "has part"),                            # not "part of of"
    ("disagreement about", "disagreement about this"),  # not "disagreement about of"
    ("was derived from", "was derived from this"),
    ("issuer", "issuer of"),
    ("conflicting assertion", "conflicting assertion of"),
    ("covers", "covered by"),
    ("broader", "narrower"),
])
def test_a_property_read_from_its_object_reads_as_english(label: str, inverse: str) -> None:
    assert inverse_label(label) == inverse


def test_an_unlabelled_property_is_read_from_its_local_name() -> None:
    assert Term(str(KG.partOf), True).inverse_text == "has part"
    assert Term(str(KG.disagreementAbout), True).inverse_text == "disagreement about this"
    assert Term(str(KG.partOf), True, "part of").inverse_text == "has part"


def test_figures_are_told_from_other_statements(store: ox.Store) -> None:
    article = describe(store, ARTICLE)
    assert article is not None
    figures = {s.quote: s.figure for s in article.statements}
    assert figures["around 60%"] is True
    assert figures["Civilian users will not be affected,"] is False
