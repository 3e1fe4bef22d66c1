"""Per-component extraction cost on real text (seeds + every held-out set), ms per article.

usage: .venv/bin/python .helper/speed.py [--profile N]
Budget (round 3): the whole of extract() <= 7 ms per article here (about 100 articles/s on
the longer synthetic articles of bench/extract.py).
"""
import cProfile
import glob
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path("/work/main")))
import kg.extract as ex  # noqa: E402
import kg.extract.measures as _m; _m.learned_measures = lambda *a, **k: []
from kg.build import BuildReport, read_corpus  # noqa: E402
from kg.extract import actors, citations, context, figures, materials, measures, statements  # noqa: E402,F401

paths = [Path(p) for p in sorted(glob.glob("tests/data/heldout/dev*/articles")) if "dev11" not in p] + [Path("seeds")]
articles = read_corpus(paths, BuildReport())
for a in articles[:3]:
    ex.extract(a)  # warm caches (reference data, compiled patterns)

spent: dict[str, float] = defaultdict(float)


def timed(name, fn):
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - t
    return wrapper


ex.find_actors = timed("actors", ex.find_actors)
ex.find_materials = timed("materials", ex.find_materials)
ex.build_context = timed("context", ex.build_context)
ex.find_statements = timed("statements", ex.find_statements)
ex.find_citations = timed("citations", ex.find_citations)
ex.find_figures = timed("figures", ex.find_figures)
ex.find_measures = timed("measures", ex.find_measures)

t0 = time.perf_counter()
for a in articles:
    ex.extract(a)
total = time.perf_counter() - t0
n = len(articles)
print(f"{n} articles, {sum(len(a.text.split()) for a in articles) / n:.0f} words on average")
print(f"extract(): {1000 * total / n:.2f} ms/article = {n / total:.1f} articles/s")
for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
    print(f"  {name:<11} {1000 * seconds / n:6.2f} ms/article")
if "--profile" in sys.argv:
    top = int(sys.argv[sys.argv.index("--profile") + 1])
    pr = cProfile.Profile()
    pr.enable()
    for a in articles:
        ex.extract(a)
    pr.disable()
    pstats.Stats(pr).sort_stats("tottime").print_stats(top)
