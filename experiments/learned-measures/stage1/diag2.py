import sys, pickle, collections
from pathlib import Path
sys.path.insert(0, "/work/main")
from kg.extract.measures import learned, train
from kg.evaluate.direct import read_anchored
from kg.extract import extract
ROOT = Path("/work/main")
labelled = {s: train.labelled_sentences(ROOT, s) for s in train.TRAINING_SETS}
recs = pickle.load(open('/tmp/learned/data.pkl','rb'))
gold_by = {(r['set'], r['file'], r['begin']): r for r in recs}
stage = {}
def wrap(name):
    f = getattr(learned, name)
    def w(ctx, c, *a):
        out = f(ctx, c, *a)
        if name == 'local_issuer':
            stage[(ctx.article.path, c.sentence.begin)] = ('issuer', c.issuer, c.type.value, c.head.text)
        elif out:
            stage[(ctx.article.path, c.sentence.begin)] = (name, None, c.type.value, c.head.text)
        else:
            stage.setdefault((ctx.article.path, c.sentence.begin), ('passed-hedges', None, c.type.value, c.head.text))
        return out
    setattr(learned, name, w)
for n in ['is_negated', 'is_denied', 'is_conditional', 'is_claim', 'local_issuer']: wrap(n)
cnt = collections.Counter()
for s in train.TRAINING_SETS:
    data = train.fit_model([x for t in train.TRAINING_SETS if t != s for x in labelled[t]])
    data.update(feature_version=learned.FEATURE_VERSION, threshold=train.THRESHOLD)
    model = learned.parse_model(data)
    learned.load_model = lambda model=model: model
    arts, _ = read_anchored([train.set_paths(ROOT, s)[0]])
    for a in arts:
        stage.clear(); extract(a)
        for (path, b), (st, iss, ty, head) in stage.items():
            r = gold_by.get((s, Path(path).name, b))
            g = bool(r and r['gold'])
            key = st if st != 'issuer' else ('issuer-found' if iss else 'no-issuer')
            cnt[(g, key)] += 1
            if g and key == 'no-issuer':
                print(f"NOISSUER {s} {ty} gold={r['gold']} head={head!r} | {r['text'][:120]!r}")
print(cnt)
