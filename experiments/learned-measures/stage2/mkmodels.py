import pickle, json, sys
sys.path.insert(0, "/work/main")
from kg.extract.measures import train, learned
from kg.extract.measures.issuer_choice import ISSUER_FEATURE_VERSION
iss, lab = pickle.load(open("/tmp/learned2/data.pkl", "rb"))
S = list(train.TRAINING_SETS)
plans = {"dev6": S[:S.index("dev6")], "dev7": S[:S.index("dev7")], "dev8": S[:S.index("dev8")],
         "dev9": S[:S.index("dev8")], "dev10": S[:S.index("dev10")]}
for ev, sets in plans.items():
    for tag, tr in (("past", sets), ("loso", [s for s in S if s != ev])):
        d = train.fit_model([x for s in tr for x in lab[s]])
        d.update(feature_version=learned.FEATURE_VERSION, threshold=train.THRESHOLD, trained_on=tr)
        d["issuer"] = {"feature_version": ISSUER_FEATURE_VERSION, "threshold": 0.5, **train.fit_issuer([e for s in tr for e in iss[s]])}
        json.dump(d, open(f"models/{ev}_{tag}.json", "w"))
        print(ev, tag, tr)
