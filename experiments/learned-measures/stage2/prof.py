import sys, cProfile, pstats
from pathlib import Path
sys.path.insert(0, "/work/main")
import kg.extract as ex
import kg.extract.measures as M
from kg.extract.measures import learned, train
from kg.build import BuildReport, read_corpus
arts = read_corpus([train.set_paths(Path("/work/main"), s)[0] for s in train.TRAINING_SETS], BuildReport())
ex.prepare()
for a in arts: ex.extract(a)
orig = M.learned_measures
pr = cProfile.Profile()
def timed(*a, **k):
    pr.enable()
    try: return orig(*a, **k)
    finally: pr.disable()
M.learned_measures = timed
for _ in range(3):
    for a in arts: ex.extract(a)
pstats.Stats(pr).sort_stats("cumtime").print_stats(25)
