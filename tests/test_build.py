"""The build pipeline on real files: the seeds, bad inputs, atomicity, determinism."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from kg.build import anchor_corpus, build, latest_stated_day
from kg.errors import KgError
from kg.export import export
from kg.model import Article, ArticleMetadata, PartialDate
from kg.namespace import PREFIXES
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURE = ROOT / "tests" / "fixtures" / "build"


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("seeds") / "store")
    report = build([SEEDS], store)
    assert report.failures == []
    return store


def select(store: Store, query: str) -> list[dict[str, str]]:
    results = store.open().query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in results]


def test_the_report_counts_each_measure_an_article_names_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    report = build([SEEDS], store)
    rows = select(store, """
        SELECT ?id (COUNT(DISTINCT ?m) AS ?n) WHERE {
          GRAPH ?g { ?g dcterms:identifier ?id ; kg:mentions ?m } ?m a kg:Measure
        } GROUP BY ?id""")
    assert {a.identifier: a.measures for a in report.articles} == {
        row["id"]: int(row["n"]) for row in rows}


def test_every_seed_article_yields_all_five_classes(seeds_store: Store) -> None:
    rows = select(seeds_store, """
        SELECT ?id (COUNT(DISTINCT ?actor) AS ?actors) (COUNT(DISTINCT ?material) AS ?materials)
               (COUNT(DISTINCT ?measure) AS ?measures) (COUNT(DISTINCT ?st) AS ?statements)
        WHERE { GRAPH ?g { ?g a kg:Article, kg:Source ; dcterms:identifier ?id }
          # types live in the entities graph, mentions in the article's graph
          OPTIONAL { GRAPH ?g { ?g kg:mentions ?actor } ?actor a kg:Actor }
          OPTIONAL { GRAPH ?g { ?g kg:mentions ?material } ?material a kg:Material }
          OPTIONAL { GRAPH ?g { ?g kg:mentions ?measure } ?measure a kg:Measure }
          OPTIONAL { GRAPH ?g { ?st a kg:Statement ; prov:wasDerivedFrom ?g } } }
        GROUP BY ?id ORDER BY ?id""")
    assert [r["id"] for r in rows] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for row in rows:
        for cls in ("actors", "materials", "measures", "statements"):
            assert int(row[cls]) > 0, f"{row['id']} has no {cls}"


def test_every_evidence_anchor_equals_the_article_text_at_its_offsets(seeds_store: Store) -> None:
    rows = select(seeds_store, """
        SELECT ?b ?e ?anchor ?text WHERE { GRAPH ?g {
          ?ev a kg:Evidence ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
          ?g nif:isString ?text } }""")
    assert rows
    bad = [r for r in rows if r["text"][int(r["b"]) : int(r["e"])] != r["anchor"]]
    assert bad == []


def test_every_statement_and_measure_assertion_has_evidence(seeds_store: Store) -> None:
    missing = select(seeds_store, """
        SELECT ?node WHERE { GRAPH ?g {
          { ?node a kg:Statement } UNION { ?node kg:status ?status }
          FILTER NOT EXISTS { ?node kg:evidence ?ev } } }""")
    assert missing == []


def test_one_label_per_entity(seeds_store: Store) -> None:
    rows = select(seeds_store, """
        SELECT ?e (COUNT(DISTINCT ?label) AS ?n) WHERE {
          ?e a ?cls ; rdfs:label ?label . VALUES ?cls { kg:Actor kg:Material kg:Measure } }
        GROUP BY ?e HAVING (COUNT(DISTINCT ?label) != 1)""")
    assert rows == []


def test_building_twice_gives_byte_identical_exports(seeds_store: Store, tmp_path: Path) -> None:
    again = Store(tmp_path / "again")
    build([SEEDS], again)
    first, second = io.BytesIO(), io.BytesIO()
    export(seeds_store, "trig", first)
    export(again, "trig", second)
    assert first.getvalue() == second.getvalue()


def test_bad_files_are_skipped_and_the_others_built(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes((FIXTURE / "good.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "latin1.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    (folder / "url.txt").write_text("title: T\nurl: www.example.org/a b\n---\nChina said so.\n")
    store = Store(tmp_path / "store")
    report = build([folder], store)
    assert sorted(Path(f.path).name for f in report.failures) == [
        "binary.txt", "empty.txt", "latin1.txt", "url.txt"]
    assert report.exit_code == 1
    assert [a.identifier for a in report.articles] == ["good.txt"]
    assert select(store, "SELECT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id }") == [
        {"id": "good.txt"}]


def test_a_build_with_nothing_usable_fails_and_keeps_the_previous_graph(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    build([FIXTURE / "good.txt"], store)
    before = store.current_path()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(KgError, match="no article could be built") as info:
        build([empty], store)
    assert info.value.exit_code == 2
    assert store.current_path() == before


def test_undated_articles_are_anchored_on_the_corpus_but_keep_no_date(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    build([FIXTURE], store)
    rows = select(store, "SELECT ?id ?date WHERE { ?a a kg:Article ; dcterms:identifier ?id "
                         "OPTIONAL { ?a dcterms:date ?date } } ORDER BY ?id")
    assert rows == [{"id": "good.txt", "date": "2025-03-04"}, {"id": "undated.txt"}]


def test_a_statement_that_violates_the_shapes_is_left_out_and_its_article_kept(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    from kg.build import BuildReport, extract_corpus, read_corpus, write_corpus
    from kg.namespace import statement_iri

    report = BuildReport()
    extractions = extract_corpus(read_corpus([SEEDS], report), report)
    # A statement dated years after its article breaks kgsh:Statement-13.
    bad = next(e for e in extractions if len(e.statements) > 1 and e.article.metadata.date)
    wrong = replace(bad.statements[0], date=PartialDate(2099, 1, 1))
    extractions = [replace(e, statements=[wrong, *e.statements[1:]]) if e is bad else e
                   for e in extractions]
    store = Store(tmp_path / "store")

    write_corpus(extractions, store, report)

    assert report.failures == []
    assert [o.path for o in report.omissions] == [bad.article.path]
    assert "Statement-13" in report.omissions[0].message
    assert report.omissions[0].message.startswith(f"statement [{wrong.span.begin},")
    assert report.exit_code == 1
    assert {a.identifier for a in report.articles} == {
        e.article.identifier for e in extractions}
    ident = bad.article.identifier
    kept = {statement_iri(ident, s.span.begin, s.span.end) for s in bad.statements[1:]}
    stored = {r["s"] for r in select(store, "SELECT ?s WHERE { GRAPH ?g { ?s a kg:Statement } }")}
    assert statement_iri(ident, wrong.span.begin, wrong.span.end) not in stored
    assert kept <= stored


def test_a_measure_that_violates_the_shapes_is_left_out_of_its_article_only(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    from kg.build import BuildReport, extract_corpus, read_corpus, write_corpus

    report = BuildReport()
    extractions = extract_corpus(read_corpus([SEEDS], report), report)
    # A model score above 1 on a measure's evidence span breaks kgsh:Evidence-10.
    bad = next(e for e in extractions if len(e.measures) > 1)
    wrong = replace(bad.measures[0], model_score=1.5)
    measures = [wrong, *bad.measures[1:]]
    extractions = [replace(e, measures=measures) if e is bad else e for e in extractions]
    store = Store(tmp_path / "store")

    write_corpus(extractions, store, report)

    assert report.failures == []
    assert len(report.omissions) == 1 and "Evidence-10" in report.omissions[0].message
    assert report.omissions[0].message.startswith("measure ")
    summary = next(a for a in report.articles if a.identifier == bad.article.identifier)
    begin, end = wrong.span.begin, wrong.span.end
    left = select(store, f"""
        SELECT ?e WHERE {{ GRAPH ?g {{ ?g dcterms:identifier "{bad.article.identifier}" .
          ?m kg:evidence ?e . ?e nif:beginIndex {begin} ; nif:endIndex {end} }} }}""")
    assert left == []  # the measure's account in this article is gone, the article stays
    named = select(store, f"""
        SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{
          GRAPH ?g {{ ?g dcterms:identifier "{bad.article.identifier}" ; kg:mentions ?m }}
          ?m a kg:Measure }}""")
    assert summary.measures == int(named[0]["n"])


def test_file_names_in_any_script_get_their_own_article_iris(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (FIXTURE / "good.txt").read_text(encoding="utf-8")
    for name in ("日本.txt", "中国.txt"):  # both were "__" when only ASCII was kept
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(tmp_path / "store")
    report = build([folder], store)
    assert report.failures == []
    ids = select(store, "SELECT ?a ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id }")
    assert sorted(r["id"] for r in ids) == ["中国.txt", "日本.txt"]
    assert len({r["a"] for r in ids}) == 2


def test_two_file_names_that_give_one_article_iri_leave_the_second_out_with_a_reason(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (FIXTURE / "good.txt").read_text(encoding="utf-8")
    for name in ("a b.txt", "a_b.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    report = build([folder], Store(tmp_path / "store"))
    assert [Path(f.path).name for f in report.failures] == ["a_b.txt"]
    assert "is that of a b.txt" in report.failures[0].message
    assert [a.identifier for a in report.articles] == ["a b.txt"]


def test_a_build_whose_every_article_the_shapes_reject_keeps_the_previous_graph(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    from kg.build import BuildReport, extract_corpus, read_corpus, write_corpus
    from kg.errors import ValidationFailed
    from kg.model import Article

    store = Store(tmp_path / "store")
    build([FIXTURE / "good.txt"], store)
    before = store.current_path()
    report = BuildReport()
    extractions = extract_corpus(read_corpus([SEEDS], report), report)
    # Two articles under one identifier share one article node with two texts: a violation
    # on the article node (kgsh:Article-02-text), which no single fact carries, so both go.
    first, second = extractions[:2]
    twin = Article(first.article.identifier, second.article.text, second.article.metadata,
                   second.article.path)
    broken = [first, replace(second, article=twin)]
    with pytest.raises(ValidationFailed):
        write_corpus(broken, store, report)
    assert store.current_path() == before


def test_a_surname_shared_by_two_people_gives_one_candidate_link_per_person(
    tmp_path: Path,
) -> None:
    article = tmp_path / "two_kruegers.txt"
    article.write_text(
        "Berlin weighs export curbs\n"
        "Economy Minister Stefan Krüger said on Monday that Germany would review its "
        "licences for chip equipment.\n"
        "His cousin Ulrike Krüger, an analyst at a Munich bank, said the review could take "
        "months.\n"
        "Krüger said the government had not decided.\n", encoding="utf-8")
    store = Store(tmp_path / "store")
    report = build([article], store)
    assert report.failures == []
    rows = select(store, """SELECT ?c ?who WHERE { GRAPH ?g {
        ?c a kg:CandidateLink ; kg:candidateFor ?who ; kg:score ?s } }""")
    per_node: dict[str, set[str]] = {}
    for row in rows:
        per_node.setdefault(row["c"], set()).add(row["who"])
    assert len(per_node) == 2, "the lone 'Krüger' has two scored candidates"
    assert all(len(who) == 1 for who in per_node.values()), "one candidate per link node"


def test_extraction_compiles_its_rule_tables_before_the_first_article() -> None:
    # kg.extract.prepare() (which extract_corpus calls first) loads the reference data and
    # compiles the tables built from it, so the first article does not pay for them; in a
    # fresh interpreter, since this one has built them already.
    import subprocess
    import sys

    script = (
        "import kg.extract as e\n"
        "from kg.build import BuildReport, extract_corpus\n"
        "from kg.extract.dates import _tables\n"
        "from kg.extract.measures.rules import measure_rules\n"
        "assert _tables.cache_info().currsize == measure_rules.cache_info().currsize == 0\n"
        "extract_corpus([], BuildReport())\n"
        "assert _tables.cache_info().currsize == measure_rules.cache_info().currsize == 1\n"
        "e.prepare()\n"
        "assert _tables.cache_info().misses == 1\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def _article(name: str, text: str, date: str | None = None) -> Article:
    day = dt.date.fromisoformat(date) if date else None
    return Article(identifier=name, text=text, metadata=ArticleMetadata(date=day))


def test_an_undated_article_naming_its_year_is_not_moved_by_a_later_follow_up() -> None:
    dated = [_article("a.txt", "x", "2026-01-07"), _article("b.txt", "x", "2026-01-08"),
             _article("follow-up.txt", "x", "2027-01-03")]
    states = _article("c.txt", "On January 6, 2026, the ban came. On January 7, a protest.")
    silent = _article("d.txt", "The ban came on January 7.")
    ahead = _article("e.txt", "The ban takes effect on March 1, 2030.")
    anchor_corpus([*dated, states, silent, ahead])
    # The first report on or after the latest day it states: not the follow-up's year.
    assert states.reference_date == dt.date(2026, 1, 7)
    # Without a stated day, or with one after every report: the newest report.
    assert silent.reference_date == dt.date(2027, 1, 3)
    assert ahead.reference_date == dt.date(2027, 1, 3)
    assert all(a.reference_date is None for a in dated)  # dated articles keep their own


def test_the_latest_stated_day_ignores_months_and_years_alone() -> None:
    assert latest_stated_day("In 2027 and in March 2028; on 4 May 2026.") == dt.date(2026, 5, 4)
    assert latest_stated_day("In January, nothing.") is None
