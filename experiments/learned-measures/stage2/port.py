"""Copy an old tree from /tmp/taxo and add the learned step (scratch)."""
import re, shutil, sys
from pathlib import Path
MAIN = Path("/work/main/kg/extract/measures")
for t in sys.argv[1:]:
    src, dst = Path("/tmp/taxo") / t, Path("/tmp/learned2") / t
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", ".git", ".venv"))
    m = dst / "kg/extract/measures"
    shutil.copy(MAIN / "sentence_features.py", m)
    ic = (MAIN / "issuer_choice.py").read_text()
    ic = ic.replace("from .parties import issuer_name\n", '''from .parties import _set_issuer
from .candidate import Candidate


def issuer_name(ctx, kind, name):
    probe = Candidate(kind, ctx.sentences[0], ctx.sentences[0], ctx.sentences[0], False)
    _set_issuer(ctx, probe, name, None)
    return probe.issuer
''')
    if "def current_state" not in (m / "agents.py").read_text():
        ic = ic.replace("from .agents import current_state\n", "def current_state(ctx, offset):\n    return None\n")
    (m / "issuer_choice.py").write_text(ic)
    ln = (MAIN / "learned.py").read_text()
    if not (m / "entries.py").exists():
        ln = ln.replace("from .entries import entry_of\n", "from .finding import entry_of\n")
    (m / "learned.py").write_text(ln)
    init = (m / "__init__.py").read_text()
    hook = "    out = [to_mention(ctx, c) for c in candidates if c.issuer is not None]\n"
    assert hook in init
    init = init.replace(hook, hook + '''    from .learned import learned_measures as _lm
    out.extend(to_mention(ctx, c) for c in _lm(
        ctx, candidates, statements, entries,
        sorted(materials, key=lambda m: (m.span.begin, m.span.end)), scanned["according"],
        dateline=dateline))
''')
    (m / "__init__.py").write_text(init)
    print("ported", t)
