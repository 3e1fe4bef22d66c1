"""End-to-end LOSO over the 12 training sets: rules alone, today's step, and variants.

usage: loso3.py VARIANT...   (names below); prints per-set TP/FP/FN and pooled."""
import json
import pickle
import sys
sys.path.insert(0, "/work/det-wt/experiments/learned-measures/stage3")
import dataclasses  # noqa: E402
from exp import ROOT, M, ORIG, Config, filter_extras, learned, make_step, train  # noqa: E402
from kg.evaluate import evaluate_direct  # noqa: E402
from kg.evaluate.gold import load_gold  # noqa: E402

sents, iss = pickle.load(open("/tmp/stage3_data.pkl", "rb"))
VARIANTS = {
    "today": Config(),
    "nogate": Config(gate=False),
    "nogate.8": Config(gate=False, actorless=0.8),
    "nogate.9": Config(gate=False, actorless=0.9),
    "x": Config(extras=True),
    "x.nogate": Config(extras=True, gate=False),
    "x.nogate.8": Config(extras=True, gate=False, actorless=0.8),
    "x.rc": Config(extras=True, only_extras=frozenset({"x:rc"})),
    "x.bq": Config(extras=True, only_extras=frozenset({"x:bullet", "x:quote", "x:len"})),
    "x.v": Config(extras=True, only_extras=frozenset({"x:v:"})),
    "x.noactor.nogate": Config(extras=True, gate=False, only_extras=frozenset({"x:noactor"})),
    "min5": Config(min_words=5),
    "min8": Config(min_words=8),
}
names = sys.argv[1:]
cache: dict = {}


def model_for(heldout: str, cfg: Config):
    key = (heldout, cfg.extras, cfg.only_extras)
    if key not in cache:
        rows = [r for t in train.TRAINING_SETS if t != heldout for r in sents[t]]
        labelled = [train.LabelledSentence(r["set"], r["file"],
                                           r["base"] | (filter_extras(set(r["extra"]), cfg)
                                                        if cfg.extras else frozenset()),
                                           r["types"]) for r in rows]
        data = train.fit_model(labelled)
        rk = train.fit_issuer([e for t in train.TRAINING_SETS if t != heldout for e in iss[t]])
        data.update(feature_version=learned.FEATURE_VERSION, threshold=train.THRESHOLD)
        base = learned.parse_model(data)
        cache[key] = dataclasses.replace(
            base, issuer=learned.IssuerModel(learned._linear(rk, "r"), train.ISSUER_THRESHOLD))
    return cache[key]


def score(s, step):
    M.learned_measures = step
    try:
        folder, gold = train.set_paths(ROOT, s)
        return evaluate_direct(load_gold(gold), [folder])
    finally:
        M.learned_measures = ORIG


tot = {v: [0, 0, 0] for v in ["off", *names]}
rows = {}
for s in train.TRAINING_SETS:
    cells = {}
    for v in ["off", *names]:
        if v == "off":
            step = lambda *a, **k: []  # noqa: E731
        elif v == "orig":
            m = model_for(s, Config())
            step = lambda *a, _m=m, **k: learned.learned_measures(*a, model=_m, **k)  # noqa: E731
        else:
            step = make_step(model_for(s, VARIANTS[v]), VARIANTS[v])
        x = score(s, step).classes["measures"]
        cells[v] = (x.tp, x.fp, x.fn)
        for i in range(3):
            tot[v][i] += cells[v][i]
    rows[s] = cells
    print(s, " ".join(f"{v}={c[0]}/{c[1]}/{c[2]}" for v, c in cells.items()), flush=True)
print("POOLED")
for v, (tp, fp, fn) in tot.items():
    f1 = 2 * tp / (2 * tp + fp + fn)
    print(f"{v:18s} {tp}/{fp}/{fn} F1 {f1:.4f}")
json.dump({"rows": rows, "tot": tot}, open(f"/tmp/stage3_{'_'.join(names)}.json", "w"))
