"""End-to-end LOSO: rules alone vs rules + detector/ranker trained without the set."""
import sys, json, pickle, dataclasses
from pathlib import Path
sys.path.insert(0, "/work/main")
from kg.extract.measures import learned, train
from kg.evaluate import evaluate_direct
from kg.evaluate.gold import load_gold
ROOT = Path("/work/main")
iss, lab = pickle.load(open("/tmp/learned2/data.pkl", "rb"))
ITH = [float(x) for x in sys.argv[1].split(",")] if len(sys.argv) > 1 else [0.5]
DTH = float(sys.argv[2]) if len(sys.argv) > 2 else train.THRESHOLD

def score(s, model):
    orig = learned.load_model
    learned.load_model = lambda: model
    try:
        folder, gold = train.set_paths(ROOT, s)
        return evaluate_direct(load_gold(gold), [folder])
    finally:
        learned.load_model = orig

variants = ["off", "noissuer"] + [f"rank{t}" for t in ITH]
tot = {v: [0, 0, 0] for v in variants}
others = {v: {} for v in variants}
print("| set | " + " | ".join(variants) + " |")
for s in train.TRAINING_SETS:
    data = train.fit_model([x for t in train.TRAINING_SETS if t != s for x in lab[t]])
    rk = train.fit_issuer([e for t in train.TRAINING_SETS if t != s for e in iss[t]])
    data.update(feature_version=learned.FEATURE_VERSION, threshold=DTH)
    base = learned.parse_model(data)
    cells = []
    for v in variants:
        if v == "off":
            m = dataclasses.replace(base, enabled=False)
        elif v == "noissuer":
            m = base
        else:
            m = dataclasses.replace(base, issuer=learned.IssuerModel(learned._linear(rk, "r"), float(v[4:])))
        r = score(s, m)
        x = r.classes["measures"]
        for k, c in r.classes.items():
            if k != "measures":
                o = others[v].setdefault(k, [0, 0, 0]); o[0] += c.tp; o[1] += c.fp; o[2] += c.fn
        d = r.accuracy["measures.date"]
        tot[v][0] += x.tp; tot[v][1] += x.fp; tot[v][2] += x.fn
        cells.append(f"{x.tp}/{x.fp}/{x.fn} (F1 {x.f1:.3f}, date {d.correct}/{d.total})")
    print(f"| {s} | " + " | ".join(cells) + " |", flush=True)
print("pooled", tot)
for v in variants[1:]:
    ch = {k: (others['off'][k], others[v][k]) for k in others[v] if others[v][k] != others['off'][k]}
    print(v, "other classes changed:", ch or "none")
