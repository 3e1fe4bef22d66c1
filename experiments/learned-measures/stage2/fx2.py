import sys
sys.path.insert(0, "/work/main")
from kg.extract import extract
from kg.ingest import parse_article
from kg.extract.measures.learned import rules_only
t = sys.argv[1]
with rules_only():
    print("rules", [(m.type.value, m.issuer) for m in extract(parse_article(t.encode(), identifier="a.txt")).measures])
print("learned", [(m.type.value, m.issuer) for m in extract(parse_article(t.encode(), identifier="a.txt")).measures])
