"""Round 21: an account that names a measure without its target ("the drone-parts ban", in a
story where the target goes without saying) is the measure another article names with its
target, when exactly one such measure of the same issuer, family and stage fits its date and
goods; the node then carries the target, while the article's own account stays untargeted."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.evaluate.direct import predictions_from_extractions
from kg.evaluate.stored import predictions_from_oxigraph
from kg.graph import assemble
from kg.model import (
    ActorMention,
    ActorType,
    Article,
    Extraction,
    MaterialCategory,
    MaterialMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
)
from kg.namespace import KG, NIF, article_iri
from kg.resolve import measure_kin, resolve
from kg.validate import validate_quads

STATES = ("Ruritania", "Freedonia", "Sylvania")
MARCH_6 = PartialDate(2026, 3, 6)
MARCH_7 = PartialDate(2026, 3, 7)


def _article(ident: str, text: str, *, kind: MeasureType = MeasureType.EXPORT_BAN,
             target: str | None = None, date: PartialDate | None = None,
             goods: tuple[str, ...] = (),
             status: MeasureStatus = MeasureStatus.IN_FORCE) -> tuple[Extraction, MeasureMention]:
    """One article whose one measure, issued by Ruritania, is the word "ban" (or "curbs")."""
    actors = [ActorMention(s, ActorType.STATE, Span.of(text, text.index(s), text.index(s) + len(s)))
              for s in STATES if s in text]
    materials = [MaterialMention(g, MaterialCategory.OTHER,
                                 Span.of(text, text.index(g), text.index(g) + len(g)))
                 for g in goods]
    word = "ban" if "ban" in text else "curbs"
    begin = text.index(word)
    measure = MeasureMention(kind, Span.of(text, begin, begin + len(word)), issuer="Ruritania",
                             target=target, date=date, status=status, covers=list(goods))
    return Extraction(Article(ident, text), actors=actors, materials=materials,
                      measures=[measure]), measure


def _targeted(ident: str = "a.txt", target: str = "Freedonia",
              date: PartialDate | None = MARCH_6,
              goods: tuple[str, ...] = ("drone parts",)) -> tuple[Extraction, MeasureMention]:
    return _article(ident, f"Ruritania imposed a ban on drone parts sales to {target}.",
                    target=target, date=date, goods=goods)


def _untargeted(ident: str = "b.txt", date: PartialDate | None = MARCH_7,
                goods: tuple[str, ...] = ("drone parts",),
                status: MeasureStatus = MeasureStatus.IN_FORCE) -> tuple[Extraction,
                                                                          MeasureMention]:
    return _article(ident, "Ruritania's ban on drone parts began, traders said.", date=date,
                    goods=goods, status=status)


def test_an_untargeted_account_joins_the_one_targeted_measure_of_its_issuer() -> None:
    a, named = _targeted()
    b, bare = _untargeted()
    r = resolve([a, b])
    node = r.measure_for(bare)
    assert node is r.measure_for(named)
    assert node.target == "Freedonia"
    assert bare.target is None, "the article's own account stays as it was told"
    assert len(r.measures) == 1


def test_an_undated_untargeted_account_joins_the_only_targeted_measure_of_its_goods() -> None:
    a, named = _targeted()
    b, bare = _untargeted(date=None)
    r = resolve([a, b])
    assert r.measure_for(bare) is r.measure_for(named)


def test_an_undated_untargeted_account_naming_no_goods_stays_apart() -> None:
    # "the curbs", with neither date nor goods: nothing tells it is the targeted measure
    a, named = _targeted()
    b, vague = _untargeted(date=None, goods=())
    r = resolve([a, b])
    assert r.measure_for(vague) is not r.measure_for(named)


def test_an_untargeted_account_of_another_type_or_of_other_stays_apart() -> None:
    a, named = _targeted()
    rule, _ = _article("b.txt", "Ruritania's curbs on drone parts began.", goods=("drone parts",),
                       kind=MeasureType.LICENSING_RESTRICTION, date=MARCH_7)
    other, _ = _article("c.txt", "Ruritania's curbs on drone parts began.", goods=("drone parts",),
                        kind=MeasureType.OTHER, date=MARCH_7)
    targeted_other, _ = _article("d.txt", "Ruritania's curbs on drone parts for Freedonia.",
                                 goods=("drone parts",), kind=MeasureType.OTHER,
                                 target="Freedonia", date=MARCH_6)
    r = resolve([a, rule, other, targeted_other])
    assert len(r.measures) == 4


def test_an_untargeted_account_with_two_fitting_targeted_measures_stays_apart() -> None:
    a, to_freedonia = _targeted("a.txt", "Freedonia")
    c, to_sylvania = _targeted("c.txt", "Sylvania", date=PartialDate(2026, 3, 8))
    b, bare = _untargeted()
    r = resolve([a, b, c])
    node = r.measure_for(bare)
    assert node.target is None
    assert node is not r.measure_for(to_freedonia) and node is not r.measure_for(to_sylvania)
    # ... and keeps both as its candidates, neither chosen
    assert sorted(node.candidates) == sorted([r.measure_for(to_freedonia).key,
                                              r.measure_for(to_sylvania).key])


def test_a_joined_or_unmatched_measure_has_no_candidates() -> None:
    a, named = _targeted()
    b, bare = _untargeted()
    later, alone = _untargeted("c.txt", date=PartialDate(2026, 9, 1))
    r = resolve([a, b, later])
    assert [n.candidates for n in r.measures.values()] == [(), ()]
    assert r.measure_for(alone).target is None


def test_an_ambiguous_measure_is_linked_to_each_candidate_in_its_articles_graph() -> None:
    a, to_freedonia = _targeted("a.txt", "Freedonia")
    c, to_sylvania = _targeted("c.txt", "Sylvania", date=PartialDate(2026, 3, 8))
    b, bare = _untargeted()
    extractions = [a, b, c]
    r = resolve(extractions)
    quads = assemble(extractions, r)
    db = ox.Store()
    db.extend(quads)
    rows = db.query(f"""
        SELECT ?g ?of ?for ?score ?begin ?end WHERE {{
          GRAPH ?g {{ ?link a <{KG.CandidateLink}> ; <{KG.candidateOf}> ?of ;
                      <{KG.candidateFor}> ?for ; <{KG.score}> ?score ; <{KG.evidence}> ?e .
                      ?e <{NIF.beginIndex}> ?begin ; <{NIF.endIndex}> ?end }} }}""")
    found = {(r_["g"].value, r_["of"].value, r_["for"].value, float(r_["score"].value),
              int(r_["begin"].value), int(r_["end"].value)) for r_ in rows}
    node = r.measure_for(bare)
    span = (bare.span.begin, bare.span.end)
    assert found == {(article_iri("b.txt"), node.iri, r.measure_for(m).iri, 0.5, *span)
                     for m in (to_freedonia, to_sylvania)}
    report = validate_quads(quads)
    assert not [x for x in report.results if "CandidateLink" in x.shape], report.results


def test_an_untargeted_account_of_another_time_or_goods_stays_apart() -> None:
    a, named = _targeted()
    later, _ = _untargeted("b.txt", date=PartialDate(2026, 9, 1))
    other, _ = _article("c.txt", "Ruritania's ban on tin ore began.", goods=("tin ore",),
                        date=MARCH_7)
    r = resolve([a, later, other])
    assert len(r.measures) == 3
    assert [n.target for n in r.measures.values()].count("Freedonia") == 1


def test_an_untargeted_account_of_another_stage_stays_apart() -> None:
    a, named = _targeted()
    b, mooted = _untargeted(status=MeasureStatus.UNDER_CONSIDERATION)
    r = resolve([a, b])
    assert r.measure_for(mooted) is not r.measure_for(named)
    assert r.measure_for(mooted).target is None


def test_an_untargeted_account_of_an_unknown_issuer_has_no_kin() -> None:
    a, named = _targeted()
    r = resolve([a])
    assert measure_kin(named, r.actors) == ("export_ban Ruritania", True)
    anonymous = MeasureMention(MeasureType.EXPORT_BAN, named.span, issuer=None)
    assert measure_kin(anonymous, r.actors) == (None, False)


def test_the_untargeted_articles_measure_is_scored_with_the_nodes_target(
        tmp_path: Path) -> None:
    a, _ = _targeted()
    b, _ = _untargeted()
    extractions = [a, b]
    r = resolve(extractions)
    db = ox.Store()
    db.extend(assemble(extractions, r))
    stored = predictions_from_oxigraph(db)
    direct = predictions_from_extractions(extractions)
    for predictions in (stored, direct):
        [measure] = predictions.files["b.txt"].measures
        assert "Freedonia" in measure.target_names
    # The article's graph keeps its own account: no kg:target there, only on the node.
    node = r.measure_for(b.measures[0])
    in_article = [q for q in db.quads_for_pattern(ox.NamedNode(node.iri), ox.NamedNode(KG.target),
                                                  None) if q.graph_name != ox.DefaultGraph()]
    assert len(in_article) == 2  # the entities graph and article a's graph, not b's
