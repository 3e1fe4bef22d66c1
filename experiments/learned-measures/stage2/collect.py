import pickle, sys, time
from pathlib import Path
sys.path.insert(0, "/work/main")
from kg.extract import prepare
from kg.extract.measures import train
ROOT = Path("/work/main")
prepare()
t = time.time()
iss = {s: train.issuer_examples(ROOT, s) for s in train.TRAINING_SETS}
print("issuer", time.time() - t, {s: len(v) for s, v in iss.items()}, flush=True)
lab = {s: train.labelled_sentences(ROOT, s) for s in train.TRAINING_SETS}
print("sent", time.time() - t)
pickle.dump((iss, lab), open("/tmp/learned2/data.pkl", "wb"))
