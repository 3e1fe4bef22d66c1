import pickle, sys
from collections import defaultdict
sys.path.insert(0, "/work/main")
from kg.extract.measures import train, learned
iss, lab = pickle.load(open("/tmp/learned2/data.pkl", "rb"))
C = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
train.ISSUER_C = C
res = []  # (set, group, best p, best positive?, any positive, srcsent-only?)
for s in train.TRAINING_SETS:
    model = learned._linear(train.fit_issuer([e for t in train.TRAINING_SETS if t != s for e in iss[t]]), "x")
    groups = defaultdict(list)
    for e in iss[s]:
        groups[e.group].append(e)
    for g, es in groups.items():
        scored = sorted(((model.probability(set(e.features)), e) for e in es), key=lambda x: -x[0])
        p, e = scored[0]
        res.append((s, g, p, e.positive, any(x.positive for x in es)))
n = len(res); cov = sum(r[4] for r in res)
print(f"C={C} groups {n}, with a positive candidate {cov}, top1 right {sum(r[3] for r in res)}")
for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
    kept = [r for r in res if r[2] >= th]
    print(f"th {th}: kept {len(kept)} right {sum(r[3] for r in kept)} prec {sum(r[3] for r in kept)/max(1,len(kept)):.3f}")
pickle.dump(res, open(f"/tmp/learned2/rank_{C}.pkl", "wb"))
