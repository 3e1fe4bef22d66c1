import sys, pickle, dataclasses, bisect
from pathlib import Path
sys.path.insert(0, "/work/main")
from kg.extract.measures import learned, train
import kg.extract.measures as M
from kg.evaluate import evaluate_direct
from kg.evaluate.gold import load_gold
from kg.evaluate.rules import name_keys
ROOT = Path("/work/main")
iss, lab = pickle.load(open("/tmp/learned2/data.pkl", "rb"))
ITH = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
rec = []
orig_lm = M.learned_measures
def hook(ctx, cands, *a, **k):
    out = orig_lm(ctx, cands, *a, **k)
    rec.append((ctx.text, out))
    return out
M.learned_measures = hook
for s in train.TRAINING_SETS:
    data = train.fit_model([x for t in train.TRAINING_SETS if t != s for x in lab[t]])
    rk = train.fit_issuer([e for t in train.TRAINING_SETS if t != s for e in iss[t]])
    data.update(feature_version=learned.FEATURE_VERSION, threshold=train.THRESHOLD)
    m = dataclasses.replace(learned.parse_model(data), issuer=learned.IssuerModel(learned._linear(rk, "r"), ITH))
    learned.load_model = lambda: m
    folder, gpath = train.set_paths(ROOT, s)
    gold = load_gold(gpath).files
    rec.clear()
    evaluate_direct(load_gold(gpath), [folder])
    for text, out in rec:
        gf = next((g for g in gold.values() if any(text.find(mm) >= 0 for gm in g.measures for mm in gm.mentions)), None)
        for c in out:
            golds = [gm for gm in (gf.measures if gf else []) if any((i := text.find(mm)) >= 0 and c.sentence.begin <= i < c.sentence.end for mm in gm.mentions)]
            tag = "NOGOLD"
            if golds:
                ok_t = [g for g in golds if c.type.value in g.types]
                ok_i = [g for g in ok_t if g.issuer is None or name_keys([c.issuer]) & g.issuer_keys]
                tag = "OK" if ok_i else ("TYPE_OK_ISSUER_BAD" if ok_t else "TYPE_BAD")
                tag += " opt" if all(g.optional for g in golds) else ""
                gi = "; ".join(f"{'/'.join(g.types)} by {g.issuer}" for g in golds)
            else:
                gi = ""
            print(f"{s} {tag:20} {c.type.value:18} issuer={c.issuer!s:30} local={c.issuer_local} head={c.head.text!r} | gold: {gi} | {text[c.sentence.begin:c.sentence.end][:150]!r}")
