"""CPU cost of the learned step on 300 synthetic articles (bench/corpus.py, seed 0).

usage: speed3.py VARIANT...  ('orig' = the product's step; others from loso3's Config)."""
import sys
import tempfile
import time
from pathlib import Path
sys.path.insert(0, "/work/det-wt/experiments/learned-measures/stage3")
sys.path.insert(0, "/work/main/bench")
from exp import M, ORIG, Config, learned, make_step  # noqa: E402
import kg.extract as ex  # noqa: E402
from kg.build import BuildReport, read_corpus  # noqa: E402
from corpus import write_corpus  # noqa: E402

folder = Path(tempfile.mkdtemp(prefix="stage3_corpus_"))
write_corpus(folder, 300, 0)
arts = read_corpus([folder], BuildReport())
ex.prepare()
model = learned.load_model()
CFG = {"today": Config(), "nogate": Config(gate=False), "min5": Config(min_words=5),
       "min8": Config(min_words=8), "min10": Config(min_words=10)}
steps = {"off": None, "orig": ORIG}
steps.update({v: make_step(model, CFG[v]) for v in sys.argv[1:]})
for a in arts:
    ex.extract(a)
import gc  # noqa: E402
spent = [0.0]


def timed(step):
    def run(*a, **k):
        t = time.process_time()
        try:
            return step(*a, **k)
        finally:
            spent[0] += time.process_time() - t
    return run


own = {}
best = {}
found = {}
for rep in range(3):
    for name, step in (list(steps.items()) if rep % 2 == 0 else list(steps.items())[::-1]):
        M.learned_measures = timed(step or ORIG)
        spent[0] = 0.0
        gc.collect()
        n = 0
        t = time.process_time()
        if step is None:
            with learned.rules_only():
                for a in arts:
                    ex.extract(a)
        else:
            for a in arts:
                n += len(ex.extract(a).measures)
        el = (time.process_time() - t) / len(arts) * 1000
        M.learned_measures = ORIG
        best[name] = min(best.get(name, 1e9), el)
        own[name] = min(own.get(name, 1e9), spent[0] / len(arts) * 1000)
        found[name] = n
off = best["off"]
for name, v in best.items():
    print(f"{name:8s} {v:.3f} ms/article  (+{v - off:.3f} ms, {100 * (v - off) / off:.1f}%) step itself {own[name]:.3f} ms  measures {found[name]}")
