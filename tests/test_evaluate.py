"""The evaluator: the README's matching rules, one fixture each, and both adapters."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kg.errors import UsageError
from kg.evaluate import (
    DEFAULT_TARGETS,
    EvalReport,
    check_thresholds,
    evaluate,
    evaluate_store,
    load_gold,
    parse_gold,
)
from kg.evaluate.direct import predict_direct, predictions_from_extractions, read_anchored
from kg.evaluate.predictions import (
    EvidenceSpan,
    PredEntity,
    PredFigure,
    PredFile,
    Predictions,
    PredMeasure,
    PredStatement,
)
from kg.graph import assemble
from kg.model import (
    ActorMention,
    ActorType,
    Article,
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
from kg.resolve import resolve
from kg.store import Store

DATA = Path(__file__).parent / "data" / "eval"
ROOT = Path(__file__).parent.parent

_CLASSES = {"actors": PredEntity, "materials": PredEntity, "sources": PredEntity,
            "measures": PredMeasure, "statements": PredStatement, "figures": PredFigure}


def _pred(cls: str, item: dict[str, Any]) -> Any:
    fields = {k: set(v) if isinstance(v, list) and k != "mentions" else v
              for k, v in item.items()}
    if cls == "statements":
        fields.setdefault("speaker_names", set())
        fields.setdefault("speaker", None)
    return _CLASSES[cls](**fields)


def score_fixture(name: str) -> EvalReport:
    """Score a fixture of tests/data/eval: its gold against its predicted items."""
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    predictions = Predictions(mode="fixture")
    for fname, classes in data["predicted"].items():
        pred = PredFile(name=fname, text=classes.get("text"))
        for cls, items in classes.items():
            if cls in _CLASSES:
                getattr(pred, cls).extend(_pred(cls, i) for i in items)
        predictions.files[fname] = pred
    return evaluate(parse_gold(data["gold"], source=name), predictions)


def counts(report: EvalReport, cls: str) -> tuple[int, int, int]:
    s = report.classes[cls]
    return s.tp, s.fp, s.fn


def kinds(report: EvalReport) -> list[tuple[str, str]]:
    return sorted((f.cls, f.kind) for r in report.files for f in r.findings)


# --- the README's rules, one fixture each ---------------------------------------------------

def test_names_match_case_insensitively_with_possessives_stripped() -> None:
    report = score_fixture("names_case_possessive.json")
    # "JAPAN’S" is Japan and "japan foreign ministry" is "Japan's Foreign Ministry";
    # "Chinese" is not "China".
    assert counts(report, "actors") == (2, 1, 1)


def test_labels_and_alt_labels_match_gold_names_and_surface_forms() -> None:
    report = score_fixture("surface_forms.json")
    # Tokyo (canonical surface form), "Mr. Kanai" (an alt label); "Mr. Shi" matches nothing.
    assert counts(report, "actors") == (2, 1, 1)
    assert counts(report, "materials") == (1, 0, 0)


def test_optional_items_are_neither_hits_nor_misses_nor_false_positives() -> None:
    report = score_fixture("optional_items.json")
    assert counts(report, "actors") == (1, 0, 0)
    # The optional cited outlet is ignored; the article itself is scored as articles.found.
    assert counts(report, "sources") == (0, 0, 0)
    assert report.classes["sources"].f1 == 1.0
    assert report.accuracy["articles.found"].to_dict() == {"value": 1.0, "correct": 1,
                                                           "total": 1}


def test_measure_issuer_may_be_an_issuer_alt_or_a_part_of_parent() -> None:
    report = score_fixture("issuers.json")
    # China for the commerce ministry (part_of), Japan for Kanai (issuer_alt's part_of),
    # licensing_restriction as type_alt; the US drill has the wrong issuer.
    assert counts(report, "measures") == (3, 1, 1)
    assert report.accuracy["measures.date"].correct == 3
    assert report.accuracy["measures.target"].correct == 3
    assert report.accuracy["measures.status"].correct == 3


def test_statement_quote_needs_half_of_the_gold_words_and_the_speaker_or_an_alt() -> None:
    report = score_fixture("statements_half_words.json")
    # 4 of 9 words: no match; 5 of 10: a match; speaker_alt Wu with 3 of 4 words: a match.
    assert counts(report, "statements") == (2, 1, 1)
    assert report.accuracy["statements.kind"].to_dict() == {"value": 0.5, "correct": 1,
                                                            "total": 2}
    assert report.accuracy["statements.date"].correct == 2


def test_figures_agree_within_half_a_percent_with_a_compatible_unit() -> None:
    report = score_fixture("figures_tolerance_units.json")
    # 60.29 % ~ 60 percent, 9.04e12 yen ~ 9e12 JPY, "dual-use items" ~ items, a 10-20 range;
    # 305 USD is not 305 metric tons and 70.36 is 0.51 % off 70.
    assert counts(report, "figures") == (4, 2, 2)


def test_reduced_precision_gold_dates_accept_any_date_inside_them() -> None:
    report = score_fixture("dates_reduced_precision.json")
    # Right: 2025-11-03 for 2025-11, the exact day, none for null, 2025-06 for 2025.
    # Wrong: 2025-12 for 2025-11, 2026-01 for 2026-01-06, a date for a null gold date.
    assert counts(report, "statements") == (7, 0, 0)
    assert report.accuracy["statements.date"].to_dict() == {"value": round(4 / 7, 4),
                                                            "correct": 4, "total": 7}
    assert report.accuracy["statements.kind"].correct == 6


def test_matching_is_one_to_one_and_a_second_prediction_is_a_duplicate() -> None:
    report = score_fixture("one_to_one.json")
    assert counts(report, "actors") == (2, 1, 0)
    duplicates = [f.text for r in report.files for f in r.findings if f.kind == "duplicate"]
    # The exact canonical name wins; the family-name-first variant is the duplicate.
    assert len(duplicates) == 1 and duplicates[0].startswith("Kanai Masashige")


# --- report, thresholds, gold loading -------------------------------------------------------

def test_a_file_missing_from_the_predictions_misses_all_its_gold() -> None:
    data = json.loads((DATA / "names_case_possessive.json").read_text(encoding="utf-8"))
    report = evaluate(parse_gold(data["gold"]), Predictions(mode="empty"))
    assert counts(report, "actors") == (0, 0, 3)
    assert ("file", "missing article") in kinds(report)


def test_evidence_spans_are_exact_only_when_the_anchor_is_the_text_at_the_offsets() -> None:
    data = json.loads((DATA / "names_case_possessive.json").read_text(encoding="utf-8"))
    pred = PredFile(name="a.txt", text="Japan and China",
                    evidence=[EvidenceSpan(0, 5, "Japan"), EvidenceSpan(10, 15, "Chin")])
    report = evaluate(parse_gold(data["gold"]), Predictions("t", files={"a.txt": pred}))
    assert report.accuracy["evidence.exact"].to_dict() == {"value": 0.5, "correct": 1,
                                                           "total": 2}
    assert ("evidence", "bad evidence") in kinds(report)


def test_check_thresholds_names_each_score_below_its_target() -> None:
    report = score_fixture("names_case_possessive.json")  # actors F1 = 2/3
    assert check_thresholds(report, {"actors": 0.9}) == ["actors F1 0.667 < 0.90"]
    assert check_thresholds(report, {"actors": 0.6}) == []
    failures = check_thresholds(report)
    assert set(DEFAULT_TARGETS) == {"actors", "materials", "sources", "measures", "statements",
                                    "figures", "measures.date", "statements.date"}
    # Empty classes score 1.0; the date accuracies have nothing to judge and fail.
    assert failures == ["actors F1 0.667 < 0.90",
                        "measures.date accuracy: nothing to judge (target 0.90)",
                        "statements.date accuracy: nothing to judge (target 0.90)"]


def test_text_report_and_json_carry_the_same_counts_and_details_list_findings() -> None:
    report = score_fixture("surface_forms.json")
    data = json.loads(report.to_json())
    assert data["classes"]["actors"] == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667,
                                         "tp": 2, "fp": 1, "fn": 1}
    text = report.to_text(details=True)
    assert "actors        0.667  0.667  0.667     2     1     1" in text
    assert "[actors] missed: Shi Yong" in text
    assert "[actors] false positive: Shi (also Mr. Shi)" in text


def test_traps_are_listed_for_a_human_to_check() -> None:
    gold = load_gold(DATA / "gold_with_trap.json")
    report = evaluate(gold, Predictions(mode="empty"))
    assert "[trap] check by hand: 'Asahi Hayano' as a person" in report.to_text(details=True)


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    ('{"files": {"a.txt": {"actors": []}}}', "files['a.txt'] missing key 'materials'"),
    ('{"files": {"a.txt": {"actors": [{"mentions": []}], "materials": [], "sources": [],'
     ' "measures": [], "statements": [], "figures": []}}}',
     "files['a.txt'].actors[0] missing key 'name'"),
    ('{"files": {"a.txt": {"actors": [], "materials": [], "sources": [], "measures": [],'
     ' "statements": [{"speaker": "A", "text": "t", "kind": "reported", "date": "Jan 6"}],'
     ' "figures": []}}}', "must be YYYY, YYYY-MM, YYYY-MM-DD or null"),
    ('[]', "the top level must be a JSON object"),
])
def test_a_bad_gold_file_is_a_usage_error_that_says_where(
        tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_gold(path)
    assert message in str(caught.value)
    assert caught.value.exit_code == 2


def test_the_shared_gold_file_loads() -> None:
    shared = ROOT.parent / "shared" / "eval" / "seeds-gold.json"
    if not shared.exists():
        pytest.skip("no ../shared/eval beside the repository")
    gold = load_gold(shared)
    assert len(gold.files) == 5
    measure = gold.files["003_310253420109418d.txt"].measures[0]
    assert "china" in measure.issuer_keys  # the commerce ministry's part_of parent


# --- the two adapters -------------------------------------------------------------------------

TEXT = ("China's commerce ministry banned exports of dysprosium to Japan on January 6. "
        "Japan's Foreign Ministry called the ban 'extremely regrettable and unacceptable', "
        "according to Xinhua. China supplies around 60% of Japan's rare earths.")
GOLD = {
    "canonical_actors": {
        "Ministry of Commerce of China": {"type": "government_body", "part_of": "China",
                                          "surface_forms": ["China's commerce ministry"]},
        "China": {"type": "state", "surface_forms": ["China"]},
    },
    "files": {"t.txt": {
        "actors": [
            {"name": "Ministry of Commerce of China", "mentions": ["China's commerce ministry"],
             "type": "government_body"},
            {"name": "Ministry of Foreign Affairs of Japan",
             "mentions": ["Japan's Foreign Ministry"], "type": "government_body"},
            {"name": "China", "mentions": ["China"], "type": "state"},
            {"name": "Japan", "mentions": ["Japan"], "type": "state"},
            {"name": "Xinhua", "mentions": ["Xinhua"], "type": "media"},
        ],
        "materials": [{"name": "dysprosium", "mentions": ["dysprosium"],
                       "category": "rare_earth_element"}],
        "sources": [{"name": "t (publisher unknown)", "kind": "article"},
                    {"name": "Xinhua", "kind": "cited_outlet"}],
        "measures": [{"measure_id": "ban", "type": "export_ban",
                      "issuer": "Ministry of Commerce of China", "target": "Japan",
                      "date": "2026-01-06", "mention": "banned exports of dysprosium to Japan",
                      "status": "in_force"}],
        "statements": [{"speaker": "Ministry of Foreign Affairs of Japan", "date": None,
                        "text": "extremely regrettable and unacceptable",
                        "kind": "direct_quote"}],
        "figures": [{"value": 60, "unit": "percent", "about": "share",
                     "mention": "around 60%"}],
    }},
}


def _span(text: str, surface: str) -> Span:
    begin = text.index(surface)
    return Span.of(text, begin, begin + len(surface))


def hand_extraction() -> Extraction:
    """What a good extractor would find in TEXT (built by hand: no extractor involved)."""
    t = TEXT
    actors = [
        ActorMention("Ministry of Commerce of China", ActorType.GOVERNMENT_BODY,
                     _span(t, "China's commerce ministry"), part_of="China"),
        ActorMention("China", ActorType.STATE, _span(t, "China")),
        ActorMention("Japan", ActorType.STATE, _span(t, "Japan")),
        ActorMention("Ministry of Foreign Affairs of Japan", ActorType.GOVERNMENT_BODY,
                     _span(t, "Japan's Foreign Ministry"), part_of="Japan"),
        ActorMention("Xinhua", ActorType.MEDIA, _span(t, "Xinhua")),
    ]
    return Extraction(
        article=Article(identifier="t.txt", text=t),
        actors=actors,
        materials=[MaterialMention("dysprosium", MaterialCategory.RARE_EARTH_ELEMENT,
                                   _span(t, "dysprosium"))],
        citations=[CitationMention("Xinhua", _span(t, "Xinhua"))],
        statements=[StatementMention("Ministry of Foreign Affairs of Japan",
                                     StatementKind.DIRECT_QUOTE,
                                     _span(t, "extremely regrettable and unacceptable"))],
        figures=[FigureMention(Decimal("60"), "percent", _span(t, "around 60%"))],
        measures=[MeasureMention(MeasureType.EXPORT_BAN,
                                 _span(t, "banned exports of dysprosium to Japan"),
                                 issuer="Ministry of Commerce of China", target="Japan",
                                 date=PartialDate(2026, 1, 6), status=MeasureStatus.IN_FORCE)],
    )


def test_direct_mode_scores_a_perfect_extraction_perfectly() -> None:
    report = evaluate(parse_gold(GOLD), predictions_from_extractions([hand_extraction()]))
    for cls in ("actors", "materials", "sources", "measures", "statements", "figures"):
        assert report.classes[cls].f1 == 1.0, (cls, kinds(report))
    assert counts(report, "actors") == (5, 0, 0)
    assert report.accuracy["evidence.exact"].value == 1.0
    assert report.accuracy["measures.date"].value == 1.0
    assert report.accuracy["actors.type"].to_dict() == {"value": 1.0, "correct": 5, "total": 5}


def test_store_mode_reads_back_the_same_scores_as_direct_mode(tmp_path: Path) -> None:
    extraction = hand_extraction()
    store = Store(tmp_path / "store")
    with store.write() as target:
        target.bulk_extend(assemble([extraction], resolve([extraction])))
    gold = parse_gold(GOLD)
    stored = evaluate_store(gold, store)
    direct = evaluate(gold, predictions_from_extractions([extraction]))
    assert stored.to_dict()["classes"] == direct.to_dict()["classes"]
    for key in ("actors.type", "materials.category", "measures.date", "measures.status",
                "measures.target", "statements.date", "statements.kind", "articles.found"):
        assert stored.accuracy[key] == direct.accuracy[key], key
    # The store holds evidence for statements, figures and measures: all exact.
    assert stored.accuracy["evidence.exact"].to_dict() == {"value": 1.0, "correct": 3,
                                                           "total": 3}


def test_direct_mode_anchors_undated_articles_and_reports_unreadable_ones() -> None:
    articles, failures = read_anchored([DATA / "articles"])
    by_name = {a.identifier: a for a in articles}
    assert by_name["undated.txt"].reference_date == dt.date(2026, 1, 7)
    assert by_name["dated.txt"].reference_date is None
    assert [Path(p).name for p, _ in failures] == ["broken.txt"]
    predictions = predict_direct([DATA / "articles"])
    assert sorted(predictions.files) == ["dated.txt", "undated.txt"]
    assert [Path(p).name for p, _ in predictions.failures] == ["broken.txt"]


def test_module_entry_prints_json_and_exits_2_on_a_bad_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "kg.evaluate", str(gold), "--direct", str(DATA / "articles"),
         "--json"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["classes"]["actors"]["fn"] == 5
    gold.write_text("{", encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "kg.evaluate", str(gold), "--store",
                          str(tmp_path)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert bad.returncode == 2
    assert bad.stderr.startswith("kg.evaluate: ") and "not valid JSON" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_the_shared_gold_scored_against_itself_is_perfect() -> None:
    shared = ROOT.parent / "shared" / "eval" / "seeds-gold.json"
    if not shared.exists():
        pytest.skip("no ../shared/eval beside the repository")
    gold = load_gold(shared)
    raw = json.loads(shared.read_text(encoding="utf-8"))["files"]
    predictions = Predictions(mode="gold itself")
    for name, g in gold.files.items():
        pred = PredFile(name=name)
        pred.actors = [PredEntity(a["name"], set(a["mentions"])) for a in raw[name]["actors"]]
        pred.materials = [PredEntity(m["name"], set(m["mentions"]))
                          for m in raw[name]["materials"]]
        pred.sources = [PredEntity(s.name) for s in g.sources]
        pred.measures = [PredMeasure(m.measure_id, m.types[0], {m.issuer or ""},
                                     {m.target} if m.target else set(),
                                     {m.date} if m.date else set(), {m.status or ""},
                                     list(m.mentions)) for m in g.measures]
        pred.statements = [PredStatement(s.speaker, {s.speaker}, s.texts[0], s.kind, s.date)
                           for s in g.statements]
        pred.figures = [PredFigure(f.low, f.unit, f.mention,
                                   f.high if f.high != f.low else None) for f in g.figures]
        predictions.files[name] = pred
    report = evaluate(gold, predictions)
    assert {c: (s.fp, s.fn) for c, s in report.classes.items()} == {
        c: (0, 0) for c in report.classes}
    for key in ("measures.date", "measures.status", "measures.target", "statements.date",
                "statements.kind"):
        assert report.accuracy[key].value == 1.0, key
