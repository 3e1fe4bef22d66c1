"""server/queries/*.rq: headers, parameters, and answers on the seeds graph."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.examples import (
    Example,
    Offer,
    Param,
    ParamError,
    load_examples,
    offer,
    parse_example,
)
from kg.namespace import KGR, PREFIXES
from kg.store import Store
from server.app import QUERIES_DIR

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = load_examples(QUERIES_DIR)
BY_NAME = {e.name: e for e in EXAMPLES}
PARAM_FILE = """# title: Statements of someone
# description: what they said
# param: ?who = "He Yadong" | Speaker | kg:Actor
SELECT ?q WHERE {
  VALUES ?who { "He Yadong" }
  ?s kg:speaker/rdfs:label ?who ; kg:quote ?q .
}
"""


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """The seeds built into a store of its own (read only)."""
    store = Store(tmp_path_factory.mktemp("seeds") / "store")
    build([ROOT / "seeds"], store)
    return store.open()


def rows(store: ox.Store, query: str) -> list[dict[str, str]]:
    results = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    assert isinstance(results, ox.QuerySolutions)
    names = [v.value for v in results.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in results]


# --- the header ---------------------------------------------------------------------------


def test_param_line_gives_name_default_label_and_choices() -> None:
    example = parse_example("x", PARAM_FILE)
    assert example.params == (Param("who", '"He Yadong"', "Speaker", PREFIXES["kg"] + "Actor"),)
    assert example.query.startswith("SELECT ?q")
    param = example.params[0]
    assert (param.kind, param.shown, param.input_type) == ("literal", "He Yadong", "text")


def test_the_query_must_hold_the_default_in_a_values_block() -> None:
    with pytest.raises(ValueError, match="no 'VALUES"):
        parse_example("x", PARAM_FILE.replace('VALUES ?who { "He Yadong" }', ""))
    with pytest.raises(ValueError, match="not the default"):
        parse_example("x", PARAM_FILE.replace('{ "He Yadong" }', '{ "Kanai" }'))


@pytest.mark.parametrize("line", ["?query = 1 | clashes", "who = 1", "?who = | empty"])
def test_bad_param_lines_are_refused(line: str) -> None:
    with pytest.raises(ValueError):
        parse_example("x", f"# title: t\n# param: {line}\nASK {{}}\n")


# --- binding values -----------------------------------------------------------------------


def test_bind_puts_an_escaped_literal_into_the_values_block() -> None:
    example = parse_example("x", PARAM_FILE)
    hostile = 'x" } ?s ?p ?o . { "'
    bound = example.bind({"who": hostile})
    assert bound.count("VALUES") == 1
    assert 'VALUES ?who { "x\\" } ?s ?p ?o . { \\"" }' in bound
    # Still one well-formed query with one VALUES value: the text stayed a literal.
    ox.Store().query(bound, prefixes=PREFIXES)


def test_bind_keeps_the_default_for_missing_or_empty_values() -> None:
    example = parse_example("x", PARAM_FILE)
    assert example.bind({}) == example.query == example.bind({"who": "  "})


def test_iri_params_take_full_iris_prefixed_names_and_brackets() -> None:
    param = BY_NAME["07-measures-by-actor"].params[0]
    japan = str(KGR["actor/japan"])
    assert param.kind == "iri"
    assert param.term(japan) == param.term(f"<{japan}>") == f"<{japan}>"
    assert param.term("kg:Actor") == f"<{PREFIXES['kg']}Actor>"
    for bad in ("japan", "http://x y", "<oops", "a<b:c"):
        with pytest.raises(ParamError):
            param.term(bad)


def test_date_params_take_dates_only() -> None:
    param = BY_NAME["11-on-a-day"].params[0]
    assert param.input_type == "date"
    assert param.term("2026-01-07") == f'"2026-01-07"^^<{PREFIXES["xsd"]}date>'
    for bad in ("7 January", "2026-13-01", ""):
        with pytest.raises(ParamError):
            param.term(bad)


def test_number_params_take_numbers_only() -> None:
    param = Param("n", "5", "Count")
    assert (param.kind, param.input_type, param.term(" 12 ")) == ("number", "number", "12")
    with pytest.raises(ParamError):
        param.term("12; DROP")


# --- the example files on the seeds graph --------------------------------------------------


def test_every_example_has_a_title_a_description_and_unique_titles() -> None:
    assert len(EXAMPLES) >= 10
    assert len({e.title for e in EXAMPLES}) == len(EXAMPLES)
    for example in EXAMPLES:
        assert example.title and example.description, example.name
        assert not re.search(r"\bhe yadong\b", example.query, re.I) or example.params


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_every_example_answers_on_the_seeds(seeds: ox.Store, example: Example) -> None:
    assert rows(seeds, example.query), example.name


def test_protests_name_who_protested_to_whom(seeds: ox.Store) -> None:
    found = rows(seeds, BY_NAME["01-protests"].query)
    assert {r["targetLabel"] for r in found} == {"China"}
    issuers = {r.get("onBehalfOf") or r["issuerLabel"] for r in found}
    assert "Ministry of Foreign Affairs of Japan" in issuers
    assert all(r["evidence"] for r in found)


def test_rare_earth_elements_include_the_heavy_ones(seeds: ox.Store) -> None:
    found = {r["label"]: r for r in rows(seeds, BY_NAME["02-rare-earth-elements"].query)}
    assert {"dysprosium", "terbium", "samarium", "gadolinium"} <= set(found)
    assert found["dysprosium"]["broaderLabel"] == "heavy rare earths"


def test_what_a_speaker_said_with_spans_into_the_text(seeds: ox.Store) -> None:
    example = BY_NAME["03-he-yadong"]
    texts = {r["id"]: r["text"] for r in rows(
        seeds, "SELECT ?id ?text WHERE { ?a dcterms:identifier ?id ; nif:isString ?text }")}
    for name in ("He Yadong", "kanai"):  # a canonical name, an alias in another case
        found = rows(seeds, example.bind({"speakerName": name}))
        assert found, name
        for row in found:
            begin, end = int(row["begin"]), int(row["end"])
            assert texts[row["identifier"]][begin:end] == row["quote"]
    kanai = {r["statement"] for r in rows(seeds, example.bind({"speakerName": "Kanai"}))}
    he = {r["statement"] for r in rows(seeds, example.query)}
    assert kanai and he and not kanai & he


def test_measures_by_actor_follow_bodies_to_their_state(seeds: ox.Store) -> None:
    example = BY_NAME["07-measures-by-actor"]
    china = rows(seeds, example.query)
    assert any("Ministry of Commerce of China" in r["issuedBy"] for r in china)
    japan = rows(seeds, example.bind({"actor": str(KGR["actor/japan"])}))
    assert japan and all(r.get("against") != "Japan" for r in japan)


def test_measures_on_a_material_reach_narrower_materials(seeds: ox.Store) -> None:
    covered = {r["coveredLabel"] for r in rows(seeds, BY_NAME["08-measures-on-material"].query)}
    assert {"rare earths", "dysprosium"} <= covered


def test_what_was_said_about_export_bans_names_the_speakers(seeds: ox.Store) -> None:
    found = rows(seeds, BY_NAME["12-said-about-a-measure"].query)
    speakers = {r["speakerLabel"] for r in found}
    assert {"He Yadong", "Takehiro Funakoshi"} <= speakers
    assert all("export ban" in r["measureLabel"] for r in found)


def test_on_a_day_includes_coarser_dates_holding_it(seeds: ox.Store) -> None:
    example = BY_NAME["11-on-a-day"]
    dates = {r["date"] for r in rows(seeds, example.bind({"day": "2025-11-15"}))}
    assert dates == {"2025-11", "2025"}
    assert {r["date"] for r in rows(seeds, example.query)} == {"2026-01-06"}


@pytest.fixture(scope="module")
def other_corpus(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """A corpus without the examples' defaults: one article whose speaker is Ana Petrova."""
    store = Store(tmp_path_factory.mktemp("other") / "store")
    build([ROOT / "tests" / "fixtures" / "build" / "good.txt"], store)
    return store.open()


def test_a_default_the_graph_offers_stays_the_form_s_value(seeds: ox.Store) -> None:
    speaker = BY_NAME["03-he-yadong"].params[0]
    assert offer(seeds, speaker).default_for(speaker) == "He Yadong"


def test_a_default_absent_from_the_graph_gives_way_to_the_most_used_value(
    other_corpus: ox.Store,
) -> None:
    speaker = BY_NAME["03-he-yadong"].params[0]
    offered = offer(other_corpus, speaker)
    assert "He Yadong" not in {label for _, label in offered.pairs}
    assert offered.default_for(speaker) == offered.most_used == "Ana Petrova"
    bound = BY_NAME["03-he-yadong"].bind({"speakerName": offered.default_for(speaker)})
    assert rows(other_corpus, bound), "the example answers on the other corpus"


def test_the_most_used_value_is_the_one_most_statements_are_by(seeds: ox.Store) -> None:
    speaker = BY_NAME["03-he-yadong"].params[0]
    counts = rows(seeds, "SELECT ?name (COUNT(*) AS ?n) WHERE { ?s kg:speaker ?a . "
                         "?a rdfs:label ?name } GROUP BY ?name ORDER BY DESC(?n) LIMIT 1")
    assert offer(seeds, speaker).most_used == counts[0]["name"]


def test_a_class_parameter_suggests_the_member_most_articles_mention(
    other_corpus: ox.Store,
) -> None:
    actor = BY_NAME["07-measures-by-actor"].params[0]
    counts = rows(other_corpus, "SELECT ?a (COUNT(DISTINCT ?doc) AS ?n) WHERE { "
                                "?doc kg:mentions ?a . ?a a kg:Actor } GROUP BY ?a "
                                "ORDER BY DESC(?n) ?a")
    assert offer(other_corpus, actor).most_used in {
        r["a"] for r in counts if r["n"] == counts[0]["n"]}


def test_a_parameter_without_choices_keeps_its_default(other_corpus: ox.Store) -> None:
    day = BY_NAME["11-on-a-day"].params[0]
    assert offer(other_corpus, day) == Offer([])
    assert Offer([]).default_for(day) == day.shown


def test_choices_list_labelled_members(seeds: ox.Store) -> None:
    speaker = BY_NAME["03-he-yadong"].params[0]
    labels = [label for _, label in offer(seeds, speaker).pairs]
    assert "He Yadong" in labels and labels == sorted(labels, key=str.lower)
    actor = BY_NAME["07-measures-by-actor"].params[0]
    assert (str(KGR["actor/china"]), "China") in offer(seeds, actor).pairs
    assert offer(seeds, Param("x", '"a"', "x")).pairs == []
