"""Where the learned step's time goes on 300 synthetic articles (cProfile of the step only)."""
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path
sys.path.insert(0, "/work/det-wt/experiments/learned-measures/stage3")
sys.path.insert(0, "/work/main/bench")
from exp import M, ORIG  # noqa: E402
import kg.extract as ex  # noqa: E402
from kg.build import BuildReport, read_corpus  # noqa: E402
from corpus import write_corpus  # noqa: E402

folder = Path(tempfile.mkdtemp(prefix="stage3_corpus_"))
write_corpus(folder, 300, 0)
arts = read_corpus([folder], BuildReport())
ex.prepare()
prof = cProfile.Profile()
stats = {"sent": 0, "scored": 0}


def run(*a, **k):
    prof.enable()
    try:
        return ORIG(*a, **k)
    finally:
        prof.disable()


M.learned_measures = run
for a in arts:
    ex.extract(a)
pstats.Stats(prof).sort_stats("tottime").print_stats(18)
pstats.Stats(prof).sort_stats("cumtime").print_stats(25)
