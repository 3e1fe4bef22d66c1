"""Train the learned measure detector from the annotated sets (a training-time tool).

usage: ``python -m kg.extract.measures.train [--exclude SET ...] [--out PATH]``
(``make train``).  Needs scikit-learn (``pip install -e '.[train]'``); the product does not:
it reads the JSON this writes (:mod:`.learned`).

For each article of the annotated sets (the seeds and ``tests/data/heldout/`` sets named in
:data:`TRAINING_SETS`), read as ``kg build`` reads it, the sentences are kg's own
(:class:`~kg.extract.context.Context`), and each is labelled with the gold measure types
whose ``mention`` or ``alt_mentions`` start or end in it; sentences touched only by optional
gold items are left out.  Two kinds of model are fitted, both scikit-learn
``LogisticRegression`` (liblinear, ``random_state=0``: deterministic): one binary model
"the sentence tells a measure" over all sentences, and one binary model per measure type
over the sentences that tell one.  The probability threshold was chosen by leave-one-set-out
cross-validation over these sets (see ``kg/data/README.md``).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...evaluate.direct import read_anchored
from ...model import Article, MeasureType
from ..actors import find_actors
from ..context import build_context
from ..gazetteer import token_stream
from .issuer_choice import ISSUER_FEATURE_VERSION, issuer_candidates, main_state
from .learned import MODEL_FILE
from .sentence_features import FEATURE_VERSION, sentence_features, sentence_keys

__all__ = ["TRAINING_SETS", "LabelledSentence", "fit_model", "labelled_sentences", "main"]

TRAINING_SETS = ("seeds", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8",
                 "dev9", "dev10", "dev11")
"""The annotated sets the shipped model learns from: never ``final``, dev12, dev13 or dev14,
on which it was measured blind (stop 12).  Adding those three moved the other sets by
+2 true and +2 false positives, a wash, so the shipped model stays the one measured."""
C = 1.0
"""Inverse regularisation strength (chosen by cross-validation; 0.3-3 differ by noise)."""
MIN_COUNT = 3
"""A feature is kept when at least this many training sentences have it."""
DIGITS = 4
"""Weights are written rounded to this many decimals (a smaller file; the probability moves
by well under 1e-3)."""
MIN_WEIGHT = 0.01
"""Weights smaller than this in magnitude are left out of the file."""
THRESHOLD = 0.7
ISSUER_C = 1.0
"""Inverse regularisation strength of the issuer ranker."""
ISSUER_THRESHOLD = 0.5
"""The ranker probability the best issuer candidate must reach (leave-one-set-out)."""
"""The detector probability from which a sentence is taken to tell a measure: chosen on the
pooled leave-one-set-out predictions over :data:`TRAINING_SETS` (see kg/data/README.md)."""


@dataclass(frozen=True)
class LabelledSentence:
    """One sentence of an annotated article: its features and gold measure types."""

    set: str
    file: str
    features: frozenset[str]
    types: frozenset[str]


def set_paths(root: Path, name: str) -> tuple[Path, Path]:
    """The articles folder and gold file of an annotated set."""
    if name == "seeds":
        return root / "seeds", root / "tests" / "data" / "seeds-gold.json"
    base = root / "tests" / "data" / "heldout" / name
    return base / "articles", base / "gold.json"


def _annotated(root: Path, name: str) -> tuple[Path, list[tuple[str, Article]]]:
    """The gold file of set ``name`` and its articles, each with its file name."""
    folder, gold_path = set_paths(root, name)
    articles, failures = read_anchored([folder])
    if failures:
        raise SystemExit(f"cannot read {failures}")
    return gold_path, [(Path(a.path or a.identifier).name, a) for a in articles]


def labelled_sentences(root: Path, name: str) -> list[LabelledSentence]:
    """The sentences of set ``name`` under ``root`` with their gold measure types."""
    gold_path, articles = _annotated(root, name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["files"]
    out: list[LabelledSentence] = []
    for file, article in articles:
        if file not in gold:
            continue
        actors, _ = find_actors(article)
        ctx = build_context(article, actors)
        begins = [s.begin for s in ctx.sentences]
        types: list[set[str]] = [set() for _ in ctx.sentences]
        optional = [False] * len(ctx.sentences)
        for item in gold[file].get("measures", []):
            mentions = [item.get("mention"), *(item.get("alt_mentions") or [])]
            for mention in filter(None, mentions):
                start = ctx.text.find(mention)
                while start >= 0:
                    for offset in (start, start + len(mention) - 1):
                        i = bisect.bisect_right(begins, offset) - 1
                        if i >= 0 and offset < ctx.sentences[i].end:
                            if item.get("optional"):
                                optional[i] = True
                            else:
                                types[i].add(item["type"])
                    start = ctx.text.find(mention, start + 1)
        stream = token_stream(ctx.text)
        for i, sentence in enumerate(ctx.sentences):
            if optional[i] and not types[i]:
                continue
            features = sentence_features(
                sentence_keys(stream, sentence.begin, sentence.end),
                {m.type.value for m in ctx.actors_in(sentence.begin, sentence.end)},
                len(ctx.dates_in(sentence.begin, sentence.end)))
            out.append(LabelledSentence(name, file, frozenset(features), frozenset(types[i])))
    return out


@dataclass(frozen=True)
class IssuerExample:
    """One candidate issuer of a gold measure: its features and whether the gold accepts it."""

    set: str
    file: str
    group: str
    """The gold measure it is a candidate for (``set/file/measure_id``)."""
    name: str
    features: frozenset[str]
    positive: bool


def issuer_examples(root: Path, name: str) -> list[IssuerExample]:
    """The issuer candidates of every gold measure of set ``name`` whose mention is found in
    its article, anchored at the mention's start, labelled by the gold's ``issuer``,
    ``issuer_alt`` and their part_of parents (as the evaluator matches them); the rules'
    own measures (read without the learned step) give the ``rule`` features."""
    from ...evaluate.gold import load_gold
    from ...evaluate.rules import name_keys
    from .. import extract
    from .learned import rules_only

    gold_path, articles = _annotated(root, name)
    gold = load_gold(gold_path).files
    out: list[IssuerExample] = []
    for file, article in articles:
        if file not in gold:
            continue
        with rules_only():
            extraction = extract(article)
        ctx = build_context(article, extraction.actors)
        forms: dict[str, set[str]] = {}
        for mention in extraction.actors:
            forms.setdefault(mention.name, {mention.name}).add(" ".join(mention.span.text.split()))
        rule_issuers = [(m.issuer, m.type, sentence) for m in extraction.measures
                        if m.issuer is not None
                        and (sentence := ctx.sentence_of(m.span.begin)) is not None]
        counts = Counter(m.name for m in ctx.actors_in(0, len(ctx.text)))
        main = main_state(ctx)
        begins = [s.begin for s in ctx.sentences]
        for item in gold[file].measures:
            if item.optional or item.issuer is None:
                continue
            at = next((i for m in item.mentions if (i := ctx.text.find(m)) >= 0), -1)
            index = bisect.bisect_right(begins, at) - 1
            if at < 0 or index < 0 or at >= ctx.sentences[index].end:
                continue
            for cand in issuer_candidates(ctx, index, at, MeasureType(item.types[0]),
                                          rule_issuers, counts, main):
                keys = name_keys(forms.get(cand.name, {cand.name}) | {cand.name})
                out.append(IssuerExample(name, file, f"{name}/{file}/{item.measure_id}",
                                         cand.name, frozenset(cand.features),
                                         bool(keys & item.issuer_keys)))
    return out


def fit_issuer(examples: Sequence[IssuerExample]) -> dict[str, Any]:
    """Fit the issuer ranker (a binary model over candidates); JSON-ready, no threshold."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(e.features, 1) for e in examples]).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    labels = np.array([1 if e.positive else 0 for e in examples])
    model = LogisticRegression(solver="liblinear", C=ISSUER_C, random_state=0)
    return _linear(list(vectorizer.get_feature_names_out()), model.fit(matrix, labels))


def _linear(features: list[str], estimator: Any, *, digits: int | None = DIGITS,
            min_weight: float = MIN_WEIGHT) -> dict[str, Any]:
    """A fitted estimator as the model file stores it (``digits=None, min_weight=0``: as
    fitted, for the inference tests)."""
    def rounded(value: float) -> float:
        return float(value) if digits is None else round(float(value), digits)

    weights = {f: rounded(w) for f, w in zip(features, estimator.coef_[0], strict=True)
               if w != 0.0 and abs(w) >= min_weight}
    return {"intercept": rounded(estimator.intercept_[0]),
            "weights": dict(sorted(weights.items()))}


def fit_model(sentences: Sequence[LabelledSentence]) -> dict[str, Any]:
    """Fit the detector and the type models; the JSON-ready model (without provenance)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for s in sentences for f in s.features)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f: 1 for f in s.features if counts[f] >= MIN_COUNT} for s in sentences]).tocsr()
    # liblinear takes 32-bit indices only; DictVectorizer may give 64-bit ones
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    names = list(vectorizer.get_feature_names_out())
    has = np.array([1 if s.types else 0 for s in sentences])
    detector = LogisticRegression(solver="liblinear", C=C, random_state=0).fit(matrix, has)
    positive = [i for i, s in enumerate(sentences) if s.types]
    kinds = sorted({t for s in sentences for t in s.types})
    types = {}
    for kind in kinds:
        labels = np.array([1 if kind in sentences[i].types else 0 for i in positive])
        model = LogisticRegression(solver="liblinear", C=C, random_state=0)
        types[kind] = _linear(names, model.fit(matrix[positive], labels))
    return {"detector": _linear(names, detector), "types": types}


def gold_digest(root: Path, sets: Sequence[str]) -> str:
    """SHA-256 over the gold files of ``sets`` (in order): which annotations made a model."""
    digest = hashlib.sha256()
    for name in sets:
        digest.update(set_paths(root, name)[1].read_bytes())
    return digest.hexdigest()


def train(root: Path, sets: Sequence[str]) -> dict[str, Any]:
    """The model file's content, trained on ``sets`` of the repository at ``root``."""
    sentences = [s for name in sets for s in labelled_sentences(root, name)]
    model = fit_model(sentences)
    examples = [e for name in sets for e in issuer_examples(root, name)]
    model["issuer"] = {"feature_version": ISSUER_FEATURE_VERSION,
                       "threshold": ISSUER_THRESHOLD, "C": ISSUER_C,
                       "examples": len(examples), **fit_issuer(examples)}
    return {"feature_version": FEATURE_VERSION, "threshold": THRESHOLD,
            "trained_on": list(sets), "gold_sha256": gold_digest(root, sets),
            "sentences": len(sentences), "C": C, "min_count": MIN_COUNT, **model}


def main(argv: list[str] | None = None) -> int:
    """Command line: train on every set but the excluded ones and write the JSON."""
    parser = argparse.ArgumentParser(prog="python -m kg.extract.measures.train",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--exclude", action="append", default=[], metavar="SET")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[3])
    args = parser.parse_args(argv)
    sets = [s for s in TRAINING_SETS if s not in args.exclude]
    model = train(args.root, sets)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {model['sentences']} sentences of {', '.join(sets)}; "
          f"{len(model['detector']['weights'])} detector weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
