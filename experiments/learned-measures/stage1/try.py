import sys
sys.path.insert(0, "/work/main")
from kg.ingest import parse_article
from kg.extract import extract
import kg.extract.measures as M
from kg.extract.measures import learned
texts = sys.argv[1:]
for t in texts:
    raw = ("Title: Test\nDate: 2026-01-10\nSource: Test Wire\n---\n" + t + "\n").encode()
    a = parse_article(raw, identifier="t.txt")
    orig = M.learned_measures
    M.learned_measures = lambda *a, **k: []
    rules = extract(a).measures
    M.learned_measures = orig
    both = extract(a).measures
    print("RULES", [(m.type.value, m.issuer, m.span.text) for m in rules])
    print("BOTH ", [(m.type.value, m.issuer, m.status.value, m.span.text) for m in both])
    from kg.extract.context import build_context
    from kg.extract.actors import find_actors
    from kg.extract.measures.sentence_features import sentence_features, sentence_keys
    from kg.extract.gazetteer import token_stream
    ctx = build_context(a, find_actors(a)[0]); mdl = learned.load_model()
    for s in ctx.sentences:
        f = sentence_features(sentence_keys(token_stream(ctx.text), s.begin, s.end), {m.type.value for m in ctx.actors_in(s.begin, s.end)}, len(ctx.dates_in(s.begin, s.end)))
        print(f"   p={mdl.detector.probability(f):.2f} type={mdl.best_type(f).value} | {s.text[:80]!r}")
