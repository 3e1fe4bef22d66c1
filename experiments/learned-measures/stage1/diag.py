import sys, pickle, dataclasses
from pathlib import Path
sys.path.insert(0, "/work/main")
from kg.extract.measures import learned, train
from kg.evaluate.direct import read_anchored
from kg.extract import extract
ROOT = Path("/work/main")
labelled = {s: train.labelled_sentences(ROOT, s) for s in train.TRAINING_SETS}
recs = pickle.load(open('/tmp/learned/data.pkl','rb'))
gold_by = {(r['set'], r['file'], r['begin']): r for r in recs}
orig = learned.learned_measures
captured = []
def spy(ctx, *a, **k):
    out = orig(ctx, *a, **k)
    captured.extend((ctx.article, c) for c in out)
    return out
import kg.extract.measures as M
M.learned_measures = spy
# also count proposals before issuer filter
for s in train.TRAINING_SETS:
    data = train.fit_model([x for t in train.TRAINING_SETS if t != s for x in labelled[t]])
    data.update(feature_version=learned.FEATURE_VERSION, threshold=train.THRESHOLD)
    model = learned.parse_model(data)
    learned.load_model = lambda model=model: model
    arts, _ = read_anchored([train.set_paths(ROOT, s)[0]])
    for a in arts:
        captured.clear()
        extract(a)
        for art, c in captured:
            r = gold_by.get((s, Path(art.path).name, c.sentence.begin))
            g = ','.join(r['gold']) if r and r['gold'] else '-'
            print(f"{s:6} {c.type.value:22} iss={c.issuer!s:28} st={c.status.value:12} gold={g:20} head={c.head.text!r} | {c.sentence.text[:110]!r}")
