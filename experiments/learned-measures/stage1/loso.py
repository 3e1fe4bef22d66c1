"""End-to-end leave-one-set-out: rules alone vs rules + model trained without the set."""
import sys, json
from pathlib import Path
sys.path.insert(0, "/work/main")
from kg.extract.measures import learned, train
from kg.evaluate import evaluate_direct
from kg.evaluate.gold import load_gold
import dataclasses

ROOT = Path("/work/main")
TH = float(sys.argv[1]) if len(sys.argv) > 1 else None
labelled = {s: train.labelled_sentences(ROOT, s) for s in train.TRAINING_SETS}

def score(s, model):
    learned.load_model.cache_clear()
    orig = learned.load_model
    learned.load_model = lambda: model
    try:
        folder, gold = train.set_paths(ROOT, s)
        rep = evaluate_direct(load_gold(gold), [folder])
    finally:
        learned.load_model = orig
    return rep

rows = []
for s in train.TRAINING_SETS:
    data = train.fit_model([x for t in train.TRAINING_SETS if t != s for x in labelled[t]])
    data.update(feature_version=learned.FEATURE_VERSION, threshold=TH or train.THRESHOLD)
    model = learned.parse_model(data)
    off = dataclasses.replace(model, threshold=2.0)
    r0, r1 = score(s, off), score(s, model)
    m0, m1 = r0.classes["measures"], r1.classes["measures"]
    d0, d1 = r0.accuracy["measures.date"], r1.accuracy["measures.date"]
    f = lambda m: f"{m.precision:.3f}/{m.recall:.3f}/{m.f1:.3f} ({m.tp}/{m.fp}/{m.fn})"
    print(f"| {s} | {f(m0)} | {f(m1)} | {d0.correct}/{d0.total} | {d1.correct}/{d1.total} |", flush=True)
    rows.append((s, m0, m1))
t0 = [sum(getattr(m0, k) for _, m0, _ in rows) for k in ("tp", "fp", "fn")]
t1 = [sum(getattr(m1, k) for _, _, m1 in rows) for k in ("tp", "fp", "fn")]
print("pooled rules", t0, "rules+model", t1)
