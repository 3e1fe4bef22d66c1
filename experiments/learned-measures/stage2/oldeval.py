"""Score an old tree on a set: rules alone vs + learned (model JSON given)."""
import sys, json, dataclasses
tree, ev, models = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path.insert(0, f"/tmp/learned2/{tree}")
from pathlib import Path
import kg
assert kg.__file__.startswith(f"/tmp/learned2/{tree}"), kg.__file__
from kg.extract.measures import learned
from kg.evaluate import evaluate_direct
from kg.evaluate.gold import load_gold
base = Path(f"/work/main/tests/data/heldout/{ev}")
def run(model):
    learned.load_model = lambda: model
    r = evaluate_direct(load_gold(base / "gold.json"), [base / "articles"])
    x = r.classes["measures"]; d = r.accuracy["measures.date"]
    others = {k: (c.tp, c.fp, c.fn) for k, c in r.classes.items() if k != "measures"}
    return (x.tp, x.fp, x.fn, round(x.f1, 3), f"{d.correct}/{d.total}"), others
res = {}
for mf in models:
    m = learned.parse_model(json.load(open(mf)))
    if "off" not in res:
        res["off"] = run(dataclasses.replace(m, enabled=False))
    tag = Path(mf).stem
    res[tag + "+noissuer"] = run(dataclasses.replace(m, issuer=None))
    res[tag] = run(m)
off_o = res["off"][1]
for k, (x, o) in res.items():
    ch = {c: (off_o[c], v) for c, v in o.items() if v != off_o[c]}
    print(f"{tree} {ev} {k:22} TP/FP/FN/F1/date {x}  other-changed: {ch or '-'}")
