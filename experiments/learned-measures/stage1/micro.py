import sys, time, pickle
sys.path.insert(0, "/work/main")
from kg.extract.measures.sentence_features import sentence_features
from kg.extract.measures.learned import load_model
recs = pickle.load(open('/tmp/learned/data.pkl','rb'))
m = load_model()
data = [([k for k, w, c in r['toks'] if w], {a for a, _ in r['actors']}, r['dates']) for r in recs if not r['rule']]
n = len(data)
t = time.perf_counter(); F = [sentence_features(*d) for d in data]; t1 = time.perf_counter()
P = [m.detector.probability(f) for f in F]; t2 = time.perf_counter()
print(n, "sentences; features %.1f us, detector %.1f us per sentence" % ((t1-t)/n*1e6, (t2-t1)/n*1e6))
