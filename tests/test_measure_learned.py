"""The learned measure detector: inference, the shipped model's provenance, and behaviour.

scikit-learn is a training-time dependency (the ``train`` and ``test`` extras); the product
reads ``kg/data/measure_model.json`` in plain Python.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.extract import extract
from kg.extract.measures import learned, train
from kg.ingest import read_article
from kg.model import MeasureType
from kg.namespace import PREFIXES
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "measures"


def test_pure_python_inference_equals_scikit_learn_predict_proba() -> None:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    sentences = train.labelled_sentences(ROOT, "seeds")
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in s.features} for s in sentences]).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    labels = np.array([1 if s.types else 0 for s in sentences])
    estimator = LogisticRegression(solver="liblinear", random_state=0).fit(matrix, labels)
    exact = train._linear(list(vectorizer.get_feature_names_out()), estimator, digits=None,
                          min_weight=0.0)
    model = learned._linear(exact, "test")
    expected = estimator.predict_proba(matrix)[:, 1]
    got = [model.probability(set(s.features)) for s in sentences]
    assert len(got) == len(expected) > 50
    assert max(abs(a - b) for a, b in zip(got, expected, strict=True)) < 1e-6


STALE = "kg/data/measure_model.json is stale: run `make train` and commit the model"


def test_shipped_model_is_what_the_training_script_produces() -> None:
    # The features come from the extractors' own tokens, sentences and actors, so a change
    # there changes what the model should be: retrain (deterministic) and commit.
    shipped = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    fresh = train.train(ROOT, train.TRAINING_SETS)
    for key in ("feature_version", "threshold", "trained_on", "gold_sha256", "sentences"):
        assert shipped[key] == fresh[key], f"{key}: {STALE}"
    assert shipped["issuer"]["feature_version"] == fresh["issuer"]["feature_version"]
    assert shipped["issuer"]["threshold"] == fresh["issuer"]["threshold"]
    pairs = [(shipped["detector"], fresh["detector"]), (shipped["issuer"], fresh["issuer"])]
    assert shipped["types"].keys() == fresh["types"].keys()
    pairs += [(shipped["types"][k], fresh["types"][k]) for k in fresh["types"]]
    for old, new in pairs:
        assert old["weights"].keys() == new["weights"].keys(), STALE
        assert abs(old["intercept"] - new["intercept"]) < 1e-6, STALE
        assert max(abs(old["weights"][f] - new["weights"][f]) for f in new["weights"]) < 1e-6, \
            STALE


def test_detector_score_from_bare_words_equals_the_feature_set_sum() -> None:
    # the run-time shortcut (no feature strings) must give the very same log-odds
    from kg.extract.actors import find_actors
    from kg.extract.context import build_context
    from kg.extract.gazetteer import token_stream
    from kg.extract.measures.sentence_features import (
        sentence_features,
        sentence_keys,
        sentence_score,
    )

    detector = learned.load_model().detector
    article = read_article(sorted((ROOT / "seeds").glob("*.txt"))[0])
    actors, _ = find_actors(article)
    ctx = build_context(article, actors)
    stream = token_stream(ctx.text)
    checked = 0
    for sentence in ctx.sentences:
        keys = sentence_keys(stream, sentence.begin, sentence.end)
        kinds = {m.type.value for m in ctx.actors_in(sentence.begin, sentence.end)}
        dates = len(ctx.dates_in(sentence.begin, sentence.end))
        fast = detector.intercept + sentence_score(keys, kinds, dates, detector.parts)
        assert fast == detector.score(sentence_features(keys, kinds, dates))
        checked += 1
    assert checked > 5


def test_issuer_ranker_inference_equals_scikit_learn_predict_proba() -> None:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    examples = train.issuer_examples(ROOT, "seeds")
    assert any(e.positive for e in examples) and not all(e.positive for e in examples)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(e.features, 1) for e in examples]).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    labels = np.array([1 if e.positive else 0 for e in examples])
    estimator = LogisticRegression(solver="liblinear", C=train.ISSUER_C, random_state=0)
    estimator.fit(matrix, labels)
    exact = train._linear(list(vectorizer.get_feature_names_out()), estimator, digits=None,
                          min_weight=0.0)
    model = learned._linear(exact, "issuer")
    expected = estimator.predict_proba(matrix)[:, 1]
    got = [model.probability(set(e.features)) for e in examples]
    assert max(abs(a - b) for a, b in zip(got, expected, strict=True)) < 1e-9
    # the shipped form (4 decimals, tiny weights dropped) stays close to it
    stored = learned._linear(train.fit_issuer(examples), "issuer")
    assert max(abs(stored.probability(set(e.features)) - p)
               for e, p in zip(examples, expected, strict=True)) < 0.01


def test_model_for_another_feature_recipe_is_refused() -> None:
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    data["feature_version"] = "something-else/0"
    with pytest.raises(learned.MeasureModelError, match="retrain"):
        learned.parse_model(data)


def test_issuer_ranker_for_another_feature_recipe_is_refused() -> None:
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    data["issuer"]["feature_version"] = "something-else/0"
    with pytest.raises(learned.MeasureModelError, match="retrain"):
        learned.parse_model(data)


def test_measure_in_words_the_rules_lack_is_found_with_type_and_issuer() -> None:
    # "could reinstate the suspended rules": no trigger of the rule lexicon in the sentence,
    # but the phrasing is a measure in the training data (other actors, other goods)
    extraction = extract(read_article(FIXTURES / "learned_reinstated_rules.txt"))
    text = extraction.article.text
    second = text.index("Japan could reinstate")
    found = [m for m in extraction.measures if m.span.begin >= second]
    assert [(m.type, m.issuer) for m in found] == [(MeasureType.EXPORT_CONTROL, "Japan")]


def test_same_words_about_a_concert_tour_give_no_measure() -> None:
    extraction = extract(read_article(FIXTURES / "learned_reinstated_tour.txt"))
    assert extraction.measures == []


def test_a_proposed_measure_says_so_in_the_graph_and_a_rule_measure_does_not(
        tmp_path: Path) -> None:
    # kg:modelScore on the evidence span: researchers can keep or leave out what the model
    # proposed; the first sentence's measure comes from the rules and carries none.
    store = Store(tmp_path / "store")
    report = build([FIXTURES / "learned_reinstated_rules.txt"], store)
    assert len(report.articles) == 1 and not report.failures
    rows = list(store.open().query(
        "SELECT ?anchor ?score WHERE { ?m a kg:Measure . GRAPH ?g { ?m kg:evidence ?e . "
        "?e nif:anchorOf ?anchor . OPTIONAL { ?e kg:modelScore ?score } } }",
        prefixes=PREFIXES, use_default_graph_as_union=True))
    scores = {row["anchor"].value: row["score"] for row in rows}
    proposed = [a for a, s in scores.items() if s is not None]
    assert [a for a in proposed if "reinstate" in a] == proposed and len(proposed) == 1
    assert 0.7 <= float(scores[proposed[0]].value) <= 1
    assert any(s is None for s in scores.values()), "the rule measure has no model score"


def test_learned_head_is_never_an_auxiliary_or_a_determiner() -> None:
    """The learned step anchors a measure on its sentence's best content word: an
    auxiliary ("said on Monday had been approved") or a bigram opening with "the" is no
    anchor for the issuer rules, whatever weight the type model gives it."""
    text = ("Officials cleared inspections for the cargo, which the ministry said on "
            "Monday had been approved.")
    words = [t for t in learned.token_stream(text).tokens if t.is_word]
    closed = learned._function_words()
    for kind, model in learned.load_model().types.items():
        first, last = learned._head(model, words, [])
        assert {words[first].key, words[last].key}.isdisjoint(closed), kind
