"""Cache the sentences (with extras) and issuer examples of the 12 training sets."""
import pickle
import sys
import time
sys.path.insert(0, "/work/det-wt/experiments/learned-measures/stage3")
from exp import ROOT, collect, train  # noqa: E402

t = time.time()
sents = {s: collect(s) for s in train.TRAINING_SETS}
print("sentences", {s: len(v) for s, v in sents.items()}, time.time() - t, flush=True)
iss = {s: train.issuer_examples(ROOT, s) for s in train.TRAINING_SETS}
print("issuer", {s: len(v) for s, v in iss.items()}, time.time() - t)
pickle.dump((sents, iss), open("/tmp/stage3_data.pkl", "wb"))
