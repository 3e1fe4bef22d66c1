import sys
sys.path.insert(0, "/work/main")
from kg.extract import extract
from kg.ingest import read_article
from pathlib import Path
import tempfile
texts = sys.argv[1:]
for t in texts:
    p = Path(tempfile.mkdtemp()) / "a.txt"; p.write_text(t)
    ex = extract(read_article(p))
    print([(m.type.value, m.issuer, m.span.text) for m in ex.measures])
