"""How often the cheap bound prunes, that it is a bound, on the 12 sets and 300 synthetic."""
import pickle  # noqa: F401
import sys
import tempfile
import time
from pathlib import Path
sys.path.insert(0, "/work/det-wt/experiments/learned-measures/stage3")
sys.path.insert(0, "/work/main/bench")
from exp import ROOT, train  # noqa: E402
from kg.evaluate.direct import read_anchored  # noqa: E402
from kg.extract.actors import find_actors  # noqa: E402
from kg.extract.context import build_context  # noqa: E402
from kg.extract.gazetteer import token_stream  # noqa: E402
from kg.extract.measures import learned  # noqa: E402
from kg.extract.measures.sentence_features import sentence_bound, sentence_keys, sentence_score  # noqa: E402
from kg.build import BuildReport, read_corpus  # noqa: E402
from corpus import write_corpus  # noqa: E402

m = learned.load_model().detector
cut = 0.8472978603872037  # logit(0.7)
folder = Path(tempfile.mkdtemp(prefix="stage3_corpus_"))
write_corpus(folder, 300, 0)
groups = {"sets": read_anchored([train.set_paths(ROOT, s)[0] for s in train.TRAINING_SETS])[0],
          "synthetic": read_corpus([folder], BuildReport())}
for name, arts in groups.items():
    rows = []
    for a in arts:
        actors, _ = find_actors(a)
        ctx = build_context(a, actors)
        stream = token_stream(ctx.text)
        for s in ctx.sentences:
            keys = sentence_keys(stream, s.begin, s.end)
            kinds = {x.type.value for x in ctx.actors_in(s.begin, s.end)}
            dates = len(ctx.dates_in(s.begin, s.end))
            rows.append((keys, kinds, dates))
    worst, pruned, passed = -1e9, 0, 0
    for keys, kinds, dates in rows:
        b = m.intercept + sentence_bound(keys, m.parts)
        sc = m.intercept + sentence_score(keys, kinds, dates, m.parts)
        worst = max(worst, sc - b)
        pruned += b < cut
        passed += sc >= cut
    t = time.process_time()
    for _ in range(5):
        for keys, kinds, dates in rows:
            sentence_score(keys, kinds, dates, m.parts)
    full = (time.process_time() - t) / 5 / len(rows) * 1e6
    t = time.process_time()
    for _ in range(5):
        for keys, kinds, dates in rows:
            sentence_bound(keys, m.parts)
    cheap = (time.process_time() - t) / 5 / len(rows) * 1e6
    print(f"{name}: {len(rows)} sentences, bound pruned {pruned} ({100 * pruned / len(rows):.0f}%), "
          f"pass {passed}, max(score - bound) {worst:.3f} (must be <= 0); "
          f"score {full:.1f} us, bound {cheap:.1f} us per sentence")
