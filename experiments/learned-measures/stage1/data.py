"""Build per-sentence records for the 11 annotated sets (scratch, stage 1)."""
import bisect, json, pickle, sys, time
from pathlib import Path
sys.path.insert(0, "/work/main")
from kg.evaluate.direct import read_anchored
from kg.extract import extract, prepare
from kg.extract.context import build_context
from kg.extract.gazetteer import token_stream
from kg.model import ActorType

ROOT = Path("/work/main")
SETS = ["seeds"] + ["dev"] + [f"dev{i}" for i in range(2, 11)]

def paths(s):
    if s == "seeds":
        return ROOT / "seeds", ROOT / "tests/data/seeds-gold.json"
    return ROOT / f"tests/data/heldout/{s}/articles", ROOT / f"tests/data/heldout/{s}/gold.json"

def main():
    prepare()
    recs = []
    stats = dict(mentions=0, missing=0, multi=0)
    for s in SETS:
        adir, gpath = paths(s)
        gold = json.load(open(gpath))["files"]
        arts, fails = read_anchored([adir])
        assert not fails, fails
        for a in arts:
            name = Path(a.path or a.identifier).name
            g = gold.get(name)
            if g is None:
                print("no gold", s, name); continue
            ex = extract(a)
            ctx = build_context(a, ex.actors)
            text = a.text
            sents = ctx.sentences
            begins = [x.begin for x in sents]
            def sent_idx(off):
                i = bisect.bisect_right(begins, off) - 1
                return i if i >= 0 and off < sents[i].end else None
            pos = [set() for _ in sents]; ign = [False] * len(sents)
            for m in g.get("measures", []):
                types = [m["type"]] + list(m.get("type_alt") or [])
                ments = ([m["mention"]] if m.get("mention") else []) + list(m.get("alt_mentions") or [])
                for mt in ments:
                    stats["mentions"] += 1
                    occ = []; st = text.find(mt)
                    while st >= 0:
                        occ.append(st); st = text.find(mt, st + 1)
                    if not occ:
                        stats["missing"] += 1; continue
                    if len(occ) > 1: stats["multi"] += 1
                    for o in occ:
                        for i in {sent_idx(o), sent_idx(o + len(mt) - 1)} - {None}:
                            if m.get("optional"):
                                ign[i] = True
                            else:
                                pos[i].add(m["type"])
            rule = [[] for _ in sents]
            for mm in ex.measures:
                i = sent_idx(mm.span.begin)
                if i is not None: rule[i].append(mm.type.value)
            stream = token_stream(text)
            tb = stream.begins
            for i, sp in enumerate(sents):
                lo = bisect.bisect_left(tb, sp.begin); hi = bisect.bisect_left(tb, sp.end)
                toks = [(t.key, t.is_word, t.is_capitalised) for t in stream.tokens[lo:hi]]
                acts = [(m.type.value, m.name) for m in ctx.actors_in(sp.begin, sp.end)]
                dts = len(ctx.dates_in(sp.begin, sp.end))
                recs.append(dict(set=s, file=name, i=i, begin=sp.begin, end=sp.end,
                                 text=text[sp.begin:sp.end], toks=toks, actors=acts, dates=dts,
                                 gold=sorted(pos[i]), ignore=ign[i] and not pos[i], rule=rule[i]))
        print(s, len(arts), flush=True)
    print(stats)
    pickle.dump(recs, open("/tmp/learned/data.pkl", "wb"))
    print(len(recs), "sentences;", sum(1 for r in recs if r["gold"]), "positive")

if __name__ == "__main__":
    t = time.time(); main(); print(time.time() - t, "s")
