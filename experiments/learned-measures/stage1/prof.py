import sys, time, cProfile, pstats, glob
from pathlib import Path
sys.path.insert(0, "/work/main")
import kg.extract.measures as M
from kg.extract.measures import learned
from kg.build import BuildReport, read_corpus
import kg.extract as ex
paths = [Path(f"tests/data/heldout/{s}/articles") for s in ["dev","dev2","dev3","dev4","dev5","dev6","dev7","dev8","dev9","dev10"]] + [Path("seeds")]
arts = read_corpus(paths, BuildReport())
spent = [0.0]
orig = M.learned_measures
def timed(*a, **k):
    t = time.perf_counter(); r = orig(*a, **k); spent[0] += time.perf_counter() - t; return r
M.learned_measures = timed
for a in arts[:3]: ex.extract(a)
spent[0] = 0
t = time.perf_counter()
for a in arts: ex.extract(a)
tot = time.perf_counter() - t
print(f"learned {1000*spent[0]/len(arts):.3f} ms/article of {1000*tot/len(arts):.2f} ({spent[0]/tot:.1%})")
pr = cProfile.Profile(); pr.enable()
for a in arts: orig_ctx = None
pr.disable()
import kg.extract.measures as M2
prof = cProfile.Profile()
def prof_wrap(*a, **k):
    prof.enable()
    try: return orig(*a, **k)
    finally: prof.disable()
M.learned_measures = prof_wrap
for a in arts: ex.extract(a)
pstats.Stats(prof).sort_stats("tottime").print_stats(18)
