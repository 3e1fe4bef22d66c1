import sys, time, gc
from pathlib import Path
sys.path.insert(0, "/work/main")
import kg.extract as ex
import kg.extract.measures as M
from kg.extract.measures import learned, train
from kg.build import BuildReport, read_corpus
ROOT = Path("/work/main")
paths = [train.set_paths(ROOT, s)[0] for s in train.TRAINING_SETS]
arts = read_corpus(paths, BuildReport())
ex.prepare()
spent = [0.0]
orig = M.learned_measures
def timed(*a, **k):
    t = time.perf_counter()
    try: return orig(*a, **k)
    finally: spent[0] += time.perf_counter() - t
M.learned_measures = timed
for a in arts: ex.extract(a)
res = {"on": [], "off": []}
for rep in range(5):
    for mode in ("off", "on"):
        spent[0] = 0.0
        t = time.perf_counter()
        if mode == "off":
            with learned.rules_only():
                for a in arts: ex.extract(a)
        else:
            for a in arts: ex.extract(a)
        res[mode].append(((time.perf_counter() - t) / len(arts) * 1000, spent[0] / len(arts) * 1000))
n = len(arts)
on = min(r[0] for r in res["on"]); off = min(r[0] for r in res["off"]); lm = min(r[1] for r in res["on"])
print(f"{n} articles: extract off {off:.2f} ms, on {on:.2f} ms (+{(on-off)/off*100:.1f}%), learned step {lm:.3f} ms ({lm/off*100:.1f}%)")
