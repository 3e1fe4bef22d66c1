"""Leave-one-set-out CV of the sentence-level measure detector (stage 1)."""
import pickle, sys, collections
import numpy as np
sys.path.insert(0, "/work/main")
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from kg.extract.measures.sentence_features import sentence_features

recs = pickle.load(open('/tmp/learned/data.pkl', 'rb'))
SETS = list(dict.fromkeys(r['set'] for r in recs))
TYPES = sorted({t for r in recs for t in r['gold']})

def feats(r):
    keys = [k for k, w, c in r['toks'] if w]
    return {f: 1 for f in sentence_features(keys, {a for a, _ in r['actors']}, r['dates'])}

X_all = [feats(r) for r in recs]
C = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
MINC = int(sys.argv[2]) if len(sys.argv) > 2 else 2
CW = sys.argv[3] if len(sys.argv) > 3 else None

def i32(X):
    X = X.tocsr(); X.indices = X.indices.astype(np.int32); X.indptr = X.indptr.astype(np.int32); return X

def fit(idx):
    cnt = collections.Counter(f for i in idx for f in X_all[i])
    keep = lambda d: {f: 1 for f in d if cnt[f] >= MINC}
    v = DictVectorizer()
    tr = [i for i in idx if not recs[i]['ignore']]
    X = i32(v.fit_transform([keep(X_all[i]) for i in tr]))
    y = np.array([1 if recs[i]['gold'] else 0 for i in tr])
    det = LogisticRegression(solver='liblinear', C=C, random_state=0, class_weight=CW).fit(X, y)
    pos = [k for k, i in enumerate(tr) if recs[i]['gold']]
    tm = {}
    for t in TYPES:
        yt = np.array([1 if t in recs[tr[k]]['gold'] else 0 for k in pos])
        tm[t] = LogisticRegression(solver='liblinear', C=C, random_state=0).fit(X[pos], yt)
    return v, keep, det, tm

out = []  # (set, idx, prob, type)
for s in SETS:
    train = [i for i, r in enumerate(recs) if r['set'] != s]
    test = [i for i, r in enumerate(recs) if r['set'] == s]
    v, keep, det, tm = fit(train)
    X = i32(v.transform([keep(X_all[i]) for i in test]))
    p = det.predict_proba(X)[:, 1]
    tp = np.column_stack([tm[t].predict_proba(X)[:, 1] for t in TYPES])
    for k, i in enumerate(test):
        out.append((s, i, p[k], TYPES[int(tp[k].argmax())]))
pickle.dump(out, open(f'/tmp/learned/cvpred_C{C}_m{MINC}_{CW}.pkl', 'wb'))

def table(th, rows=None, label=''):
    lines = []
    agg = collections.Counter()
    for s in SETS + ['ALL']:
        c = collections.Counter()
        for (ss, i, p, t) in out:
            if s != 'ALL' and ss != s: continue
            r = recs[i]
            if r['ignore']: continue
            g = bool(r['gold']); pr = p >= th
            c['tp'] += g and pr; c['fp'] += (not g) and pr; c['fn'] += g and not pr
            if g and pr: c['typeok'] += t in r['gold']
            if not r['rule']:
                c['rn_pos'] += g; c['rn_rec'] += g and pr; c['rn_fa'] += (not g) and pr
        P = c['tp'] / max(1, c['tp'] + c['fp']); R = c['tp'] / max(1, c['tp'] + c['fn'])
        F = 2 * P * R / max(1e-9, P + R)
        rp = c['rn_rec'] / max(1, c['rn_rec'] + c['rn_fa'])
        lines.append(f"| {s} | {P:.2f} | {R:.2f} | {F:.2f} | {c['typeok']/max(1,c['tp']):.2f} | "
                     f"{c['rn_rec']}/{c['rn_pos']} | {c['rn_fa']} | {rp:.2f} |")
    return lines

if __name__ == '__main__':
    print(f"C={C} minc={MINC} cw={CW}")
    for th in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
        print(th, table(th)[-1])
