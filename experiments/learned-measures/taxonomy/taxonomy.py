"""Error taxonomy of measures and statements on held-out sets unseen by the code of the time.

Usage:
    /work/main/.venv/bin/python /tmp/taxo/taxonomy.py            # all pairs -> REPORT.md
    PYTHONPATH=/tmp/taxo/src_X python taxonomy.py worker SET     # one pair -> JSON on stdout

The worker runs inside an old tree (first on PYTHONPATH) and uses that tree's own
kg.evaluate (predictions, gold loader, greedy matcher ``assign`` and the class scores), so the
TP/FP/FN it classifies are exactly those the old ``python -m kg.evaluate --direct`` reports;
the driver checks that and writes the report.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HELDOUT = Path("/work/main/tests/data/heldout")
PAIRS = [  # (set, tree dir, commit) -- sets named explicitly; never dev11 / final
    ("dev10", "src_dev10", "13c338b^"),
    ("dev8", "src_r6pre", "60b9a55^"),
    ("dev9", "src_r6pre", "60b9a55^"),
    ("dev7", "src_dev7", "e474a75^"),
    ("dev6", "src_dev6", "25735a5^"),
]
HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- text helpers

_BOUNDARY = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•#>]|\d+[.)]|[A-Z]))|(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Simple sentence spans: paragraph/line breaks and '. Capital'."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _norm_map(text: str) -> tuple[str, list[int]]:
    """Text with quotes folded and white space collapsed, and a map back to offsets."""
    out, idx = [], []
    fold = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                          "\u2013": "-", "\u2014": "-"})
    prev_space = False
    for i, ch in enumerate(text.translate(fold)):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch.lower())
        idx.append(i)
    return "".join(out), idx


def locate(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` (verbatim, else quote/space/case-folded)."""
    if not needle:
        return []
    hits = [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]
    if hits:
        return hits
    ntext, idx = _norm_map(text)
    nneedle, _ = _norm_map(needle.strip())
    out, pos = [], ntext.find(nneedle)
    while pos >= 0 and nneedle:
        out.append((idx[pos], idx[pos + len(nneedle) - 1] + 1))
        pos = ntext.find(nneedle, pos + 1)
    return out


def sent_ids(sents: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the sentences that the spans overlap."""
    return {i for i, (a, b) in enumerate(sents) for (s, e) in spans if s < b and e > a}


# --------------------------------------------------------------------------- worker


def _trigger_vocab(path: Path) -> dict[str, list[re.Pattern[str]]]:
    """The old tree's own measure trigger lists (heads and phrases), per measure type."""
    import tomllib

    types = tomllib.loads(path.read_text(encoding="utf-8"))["measures"]["types"]
    out: dict[str, list[re.Pattern[str]]] = {}
    for name, table in types.items():
        pats = []
        for head in table.get("heads", []):
            pats.append(re.compile(rf"(?<!\w){re.escape(head)}(?!\w)", re.IGNORECASE))
        for phrase in table.get("phrases", []):
            try:
                pats.append(re.compile(rf"(?<!\w)(?:{phrase})(?!\w)", re.IGNORECASE))
            except re.error:
                continue
        out[name] = pats
    return out


def _vocab_class(vocab: dict[str, list[re.Pattern[str]]], types: tuple[str, ...],
                 mentions: tuple[str, ...]) -> str:
    """Whether the gold mention holds a trigger of the old tree's lists: of its own type,
    of another type only, or none (the vocabulary was unknown)."""
    def hits(t: str) -> bool:
        return any(p.search(m) for p in vocab.get(t, []) for m in mentions)
    if any(hits(t) for t in types):
        return "own-type trigger"
    others = [t for t in vocab if t not in types and hits(t)]
    return f"other-type trigger ({'/'.join(others)})" if others else "no trigger"


def worker(set_name: str) -> dict:
    import kg
    from kg.build import BuildReport, extract_corpus
    from kg.evaluate.direct import file_from_extraction, read_anchored, _lookups
    from kg.evaluate.gold import load_gold
    from kg.evaluate.rules import name_keys, quote_coverage
    from kg.evaluate.score import assign, measure_score, score_file, statement_score
    from kg.resolve import resolve

    base = HELDOUT / set_name
    gold = load_gold(base / "gold.json")
    raw = json.loads((base / "gold.json").read_text(encoding="utf-8"))
    canon_type = {n: e.get("type") for n, e in raw.get("canonical_actors", {}).items()}

    articles, failures = read_anchored([base / "articles"])
    report = BuildReport()
    extractions = extract_corpus(articles, report)
    actor_lookup, material_lookup = _lookups()
    resolution = resolve(extractions, actor_lookup=actor_lookup, material_lookup=material_lookup)

    vocab = _trigger_vocab(Path(kg.__file__).parent / "data" / "triggers.toml")
    out = {"set": set_name, "kg_file": kg.__file__, "failures": failures
           + [(f.path, f.message) for f in report.failures],
           "counts": {}, "measures_fn": [], "measures_fp": [], "statements_fn": [],
           "statements_fp": []}
    totals = Counter()
    for ex in extractions:
        pred = file_from_extraction(ex, resolution)  # the old tree's own adapter
        name = pred.name
        if name not in gold.files:
            continue
        gf = gold.files[name]
        res = score_file(gf, pred)  # the old tree's own counts, to check ours against
        for cls in ("measures", "statements"):
            c = res.scores[cls]
            totals[f"{cls}.tp"] += c.tp
            totals[f"{cls}.fp"] += c.fp
            totals[f"{cls}.fn"] += c.fn
        text = pred.text or ""
        sents = sentences(text)
        graw = raw["files"][name]
        gold_actor_type = {a["name"]: a.get("type") for a in graw.get("actors", [])}

        def atype(n: str | None) -> str | None:
            return gold_actor_type.get(n or "") or canon_type.get(n or "")

        our_type: dict[str, str] = {}
        for a in ex.actors:
            our_type.setdefault(a.name, a.type.value)
        trap_snips = []
        for t in graw.get("traps", []) or []:
            for field in ("what", "why"):
                for q in re.findall(r"['‘\"“]([^'’\"”]{8,})['’\"”]", str(t.get(field, ""))):
                    trap_snips.append(q)
        trap_sents = set()
        for q in trap_snips:
            trap_sents |= sent_ids(sents, locate(text, q))

        # ---- measures: spans of each predicted (grouped) measure, in the adapter's order
        m_spans: dict[str, list[tuple[int, int]]] = {}
        m_raw_issuer: dict[str, set[str]] = defaultdict(set)
        for m in ex.measures:
            key = resolution.measure_for(m).key
            m_spans.setdefault(key, []).append((m.span.begin, m.span.end))
            if m.issuer:
                m_raw_issuer[key].add(m.issuer)
        keys = list(m_spans)
        assert len(keys) == len(pred.measures), "grouping differs from the adapter"
        p_sents = [sent_ids(sents, m_spans[k]) for k in keys]
        g_spans = [[s for mm in g.mentions for s in locate(text, mm)] for g in gf.measures]
        g_sents = [sent_ids(sents, sp) for sp in g_spans]
        matched = assign(gf.measures, pred.measures, measure_score)
        taken = {pi: gi for gi, pi in matched.items()}

        def pm_desc(pi: int) -> dict:
            p = pred.measures[pi]
            raw_iss = sorted(m_raw_issuer[keys[pi]])
            return {"type": p.type, "issuer": sorted(p.issuer_names)[:1] or raw_iss[:1] or ["?"],
                    "issuer_raw": raw_iss,
                    "issuer_type": [our_type.get(i) for i in raw_iss],
                    "mention": pred.measures[pi].mentions[0] if p.mentions else ""}

        def issuer_ok(g, p) -> bool:
            return g.issuer is None or bool(name_keys(p.issuer_names) & g.issuer_keys)

        c = Counter()
        for gi, g in enumerate(gf.measures):
            if g.optional or gi in matched:
                if not g.optional:
                    c["tp"] += 1
                continue
            rec = {"file": name, "gold_type": "/".join(g.types), "gold_issuer": g.issuer,
                   "gold_issuer_type": atype(g.issuer), "mention": g.mentions[0] if g.mentions
                   else "", "located": bool(g_spans[gi]), "status": g.status}
            cands = [pi for pi in range(len(keys)) if p_sents[pi] & g_sents[gi]]
            free = [pi for pi in cands if pi not in taken]
            full_taken = [pi for pi in range(len(keys))
                          if measure_score(g, pred.measures[pi]) is not None]
            merged = [pi for pi in cands if pi in full_taken]
            if not g_spans[gi]:
                cat, sub = "d", "gold mention not found in text"
            elif merged:
                # A prediction in this very sentence would match, but the greedy matcher gave
                # it to another gold item: two gold measures folded into one predicted node.
                cat, sub = "d", "prediction in sentence matches but went to another gold item"
                other = gf.measures[taken[merged[0]]]
                rec["taken_by"] = f"{other.measure_id}: “{other.mentions[0] if other.mentions else ''}”"
            elif not cands:
                cat, sub = "a", "no prediction in sentence"
                if full_taken:
                    sub += " (a matching prediction elsewhere went to another gold item)"
            elif not free:
                cat, sub = "a", "sentence's predictions all matched to other gold items"
            else:
                t_ok = [pi for pi in free if pred.measures[pi].type in g.types]
                i_ok = [pi for pi in free if issuer_ok(g, pred.measures[pi])]
                if t_ok:
                    cat, sub = "c", "type right, issuer wrong"
                    rec["ours"] = pm_desc(t_ok[0])
                elif i_ok:
                    cat, sub = "b", "issuer right, type wrong"
                    rec["ours"] = pm_desc(i_ok[0])
                else:
                    cat, sub = "d", "type and issuer both wrong"
                    rec["ours"] = pm_desc(free[0])
            if cat == "a":
                rec["vocab"] = _vocab_class(vocab, g.types, g.mentions)
                sent_text = tuple(text[sents[i][0]:sents[i][1]] for i in sorted(g_sents[gi]))
                rec["vocab_sentence"] = _vocab_class(vocab, g.types, sent_text)
            rec["cat"], rec["sub"] = cat, sub
            c[f"fn.{cat}"] += 1
            out["measures_fn"].append(rec)
        fn_unmatched = {gi for gi, g in enumerate(gf.measures)
                        if not g.optional and gi not in matched}
        for pi, p in enumerate(pred.measures):
            if pi in taken:
                continue
            hits = [gi for gi, g in enumerate(gf.measures) if measure_score(g, p) is not None]
            if any(gf.measures[gi].optional for gi in hits):
                continue  # not counted as FP by the scorer
            rec = {"file": name, **pm_desc(pi)}
            in_sent = [gi for gi in range(len(gf.measures)) if g_sents[gi] & p_sents[pi]]
            req = [gi for gi in in_sent if not gf.measures[gi].optional]
            if hits:
                cat, sub = "g", "duplicate of a matched gold item"
            elif [gi for gi in req if gi in fn_unmatched]:
                cat, sub = "f", "wrong type/issuer of a missed gold measure"
                g = gf.measures[[gi for gi in req if gi in fn_unmatched][0]]
                rec["gold"] = f"{'/'.join(g.types)} by {g.issuer}"
            elif req:
                cat, sub = "f", "wrong type/issuer, gold measure there already matched"
                g = gf.measures[req[0]]
                rec["gold"] = f"{'/'.join(g.types)} by {g.issuer}"
            elif in_sent:
                cat, sub = "h", "only optional gold measure in sentence"
            elif p_sents[pi] & trap_sents:
                cat, sub = "h", "sentence named by a trap"
            else:
                cat, sub = "e", "no gold measure in sentence"
                same_type_missed = [gi for gi in fn_unmatched if p.type in gf.measures[gi].types]
                rec["same_type_fn_in_file"] = bool(same_type_missed)
            rec["cat"], rec["sub"] = cat, sub
            c[f"fp.{cat}"] += 1
            out["measures_fp"].append(rec)
        for k, v in c.items():
            totals[f"mine.measures.{k}"] += v

        # ---- statements
        stm_spans = [(s.span.begin, s.span.end) for s in ex.statements]
        raw_speaker = [s.speaker for s in ex.statements]
        assert len(stm_spans) == len(pred.statements)
        ps_sents = [sent_ids(sents, [sp]) for sp in stm_spans]
        gs_spans = [[s for t in g.texts for s in locate(text, t)] for g in gf.statements]
        gs_sents = [sent_ids(sents, sp) for sp in gs_spans]
        smatched = assign(gf.statements, pred.statements, statement_score)
        staken = {pi: gi for gi, pi in smatched.items()}

        def cov(g, p) -> float:
            return max(quote_coverage(t, p.quote) for t in g.texts)

        def spk_ok(g, p) -> bool:
            return bool(name_keys(p.speaker_names) & g.speaker_keys)

        def ps_desc(pi: int) -> dict:
            p = pred.statements[pi]
            return {"speaker": p.speaker or f"(no node) {raw_speaker[pi] or 'none'}",
                    "quote": p.quote[:140]}

        c = Counter()
        for gi, g in enumerate(gf.statements):
            if g.optional or gi in smatched:
                continue
            rec = {"file": name, "gold_speaker": g.speaker, "text": g.texts[0], "kind": g.kind,
                   "located": bool(gs_spans[gi])}
            cands = [pi for pi in range(len(stm_spans))
                     if (ps_sents[pi] & gs_sents[gi]) or cov(g, pred.statements[pi]) >= 0.5]
            free = [pi for pi in cands if pi not in staken]
            full = [pi for pi in range(len(stm_spans))
                    if statement_score(g, pred.statements[pi]) is not None]
            merged = [pi for pi in cands if pi in full]
            if merged:
                cat, sub = "d", "an overlapping statement matches but went to another gold item"
                other = gf.statements[staken[merged[0]]]
                rec["taken_by"] = f"{other.speaker}: “{other.texts[0]}”"
            elif not cands:
                cat, sub = ("a", "no statement overlapping" if gs_spans[gi]
                            else "no statement overlapping (gold text not located)")
            elif not free:
                cat, sub = "a", "overlapping statements all matched to other gold items"
            else:
                sp_bad = [pi for pi in free if cov(g, pred.statements[pi]) >= 0.5]
                cov_bad = [pi for pi in free if spk_ok(g, pred.statements[pi])]
                if sp_bad:
                    cat, sub = "b", "quote found, wrong speaker"
                    rec["ours"] = ps_desc(sp_bad[0])
                elif cov_bad:
                    cat, sub = "c", "right speaker, coverage < half"
                    rec["ours"] = ps_desc(cov_bad[0])
                    rec["coverage"] = round(cov(g, pred.statements[cov_bad[0]]), 2)
                else:
                    cat, sub = "d", "overlapping quote, wrong speaker and coverage < half"
                    rec["ours"] = ps_desc(free[0])
            rec["cat"], rec["sub"] = cat, sub
            c[f"fn.{cat}"] += 1
            out["statements_fn"].append(rec)
        s_fn = {gi for gi, g in enumerate(gf.statements) if not g.optional and gi not in smatched}
        for pi, p in enumerate(pred.statements):
            if pi in staken:
                continue
            hits = [gi for gi, g in enumerate(gf.statements) if statement_score(g, p) is not None]
            if any(gf.statements[gi].optional for gi in hits):
                continue
            rec = {"file": name, **ps_desc(pi)}
            near = [gi for gi in range(len(gf.statements))
                    if (gs_sents[gi] & ps_sents[pi]) or cov(gf.statements[gi], p) >= 0.5]
            req = [gi for gi in near if not gf.statements[gi].optional]
            wrong_spk = [gi for gi in req if cov(gf.statements[gi], p) >= 0.5]
            low_cov = [gi for gi in req if spk_ok(gf.statements[gi], p)]
            if hits:
                cat, sub = "dup", "duplicate of a matched gold statement"
            elif wrong_spk:
                gi = sorted(wrong_spk, key=lambda i: i not in s_fn)[0]
                cat = "wrong_speaker"
                sub = ("pairs with a missed gold statement" if gi in s_fn
                       else "gold statement already matched")
                rec["gold_speaker"] = gf.statements[gi].speaker
            elif low_cov:
                cat, sub = "low_cov", "right speaker, coverage < half of a nearby gold statement"
            elif req:
                cat, sub = "other", "near a gold statement, wrong speaker and low coverage"
                rec["gold_speaker"] = gf.statements[req[0]].speaker
            elif near:
                cat, sub = "optional", "only optional gold statement nearby"
            elif ps_sents[pi] & trap_sents:
                cat, sub = "optional", "sentence named by a trap"
            else:
                cat, sub = "spurious", "no gold statement in sentence"
            rec["cat"], rec["sub"] = cat, sub
            c[f"fp.{cat}"] += 1
            out["statements_fp"].append(rec)
        for k, v in c.items():
            totals[f"mine.statements.{k}"] += v
    out["counts"] = dict(totals)
    return out


# --------------------------------------------------------------------------- driver


def own_scores(tree: Path, set_name: str) -> dict[str, tuple[int, int, int]]:
    """TP/FP/FN of measures and statements as the old tree's own evaluator prints them."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    text = subprocess.run(
        [sys.executable, "-m", "kg.evaluate", str(HELDOUT / set_name / "gold.json"), "--direct",
         str(HELDOUT / set_name / "articles"), "--json"],
        env=env, capture_output=True, text=True, check=True).stdout
    data = json.loads(text)
    return {cls: (data["classes"][cls]["tp"], data["classes"][cls]["fp"],
                  data["classes"][cls]["fn"]) for cls in ("measures", "statements")}


def run_pair(set_name: str, tree_dir: str) -> dict:
    tree = HERE / tree_dir
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "worker", set_name],
                          env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"worker {set_name} failed:\n{proc.stderr}")
    data = json.loads(proc.stdout)
    assert data["kg_file"].startswith(str(tree)), data["kg_file"]
    data["own"] = own_scores(tree, set_name)
    return data


M_FN = [("a", "no-cand"), ("b", "wrong-type"), ("c", "wrong-issuer"), ("d", "other")]
M_FP = [("e", "no-gold"), ("f", "wrong t/i"), ("g", "dup"), ("h", "opt/trap")]
S_FN = [("a", "no-cand"), ("b", "wrong-spk"), ("c", "low-cov"), ("d", "other")]
S_FP = [("spurious", "spurious"), ("wrong_speaker", "wrong-spk"), ("low_cov", "low-cov"),
        ("dup", "dup"), ("other", "other"), ("optional", "opt/trap")]


def table(results: list[dict], kind: str, side: str, cols: list[tuple[str, str]]) -> list[str]:
    head = f"| pair | TP | {side} | " + " | ".join(lab if len(k) > 1 else f"{k} {lab}" for k, lab in cols) + " |"
    lines = [head, "|" + "---|" * (len(cols) + 3)]
    tot = Counter()
    for r in results:
        recs = r[f"{kind}_{side.lower()}"]
        cnt = Counter(x["cat"] for x in recs)
        tp = r["own"][kind][0]
        tot["tp"] += tp
        tot["n"] += len(recs)
        tot.update(cnt)
        lines.append(f"| {r['set']} @ {r['commit']} | {tp} | {len(recs)} | "
                     + " | ".join(str(cnt[k]) for k, _ in cols) + " |")
    lines.append(f"| **total** | {tot['tp']} | {tot['n']} | "
                 + " | ".join(f"{tot[k]} ({100 * tot[k] / max(tot['n'], 1):.0f}%)"
                              for k, _ in cols) + " |")
    return lines


def subs(results: list[dict], key: str) -> list[str]:
    cnt = Counter((x["cat"], x["sub"]) for r in results for x in r[key])
    return [f"- {cat} / {sub}: {n}" for (cat, sub), n in sorted(cnt.items())]


def clip(s: str, n: int = 110) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def write_report(results: list[dict]) -> str:
    L = ["# Error taxonomy of the rule-based extractors on sets unseen by the code of the time",
         "",
         "Generated by `/tmp/taxo/taxonomy.py` (rerun: `/work/main/.venv/bin/python "
         "/tmp/taxo/taxonomy.py`). Each set is scored with the tree of the commit named, using "
         "that tree's own `kg.evaluate` adapter, gold loader and greedy matcher; TP/FP/FN below "
         "equal `python -m kg.evaluate GOLD --direct ARTICLES` of that tree (checked: column "
         "'own').",
         "",
         "Sentences: a simple splitter (blank lines, line starts, `[.!?]` + capital). Gold "
         "mentions/texts located verbatim (fallback: quotes/spaces/case folded). Optional gold "
         "items skipped.",
         "", "## Check against the old code's own scoring", "",
         "`own` = the tree's `python -m kg.evaluate --direct`; `kg build` + `kg eval --store` "
         "of each tree gave the same measure and statement counts for all five pairs.", "",
         "| pair | kg imported from | measures TP/FP/FN own | mine | statements own | mine |",
         "|---|---|---|---|---|---|"]
    for r in results:
        c = r["counts"]
        mm = (c.get("measures.tp", 0), c.get("measures.fp", 0), c.get("measures.fn", 0))
        ss = (c.get("statements.tp", 0), c.get("statements.fp", 0), c.get("statements.fn", 0))
        mine_m = (mm[0], len(r["measures_fp"]), len(r["measures_fn"]))
        mine_s = (ss[0], len(r["statements_fp"]), len(r["statements_fn"]))
        ok = tuple(r["own"]["measures"]) == mine_m and tuple(r["own"]["statements"]) == mine_s
        L.append(f"| {r['set']} @ {r['commit']} | {r['kg_file'].replace('/__init__.py', '')} | "
                 f"{'/'.join(map(str, r['own']['measures']))} | {'/'.join(map(str, mine_m))} | "
                 f"{'/'.join(map(str, r['own']['statements']))} | {'/'.join(map(str, mine_s))}"
                 f"{'' if ok else ' MISMATCH'} |")
    L += ["", "## Measures", "", "False negatives: a no candidate in the sentence, b wrong type "
          "(issuer right), c wrong issuer (type right), d other.", ""]
    L += table(results, "measures", "FN", M_FN)
    L += ["", "Sub-categories:", ""] + subs(results, "measures_fn")
    fa = [x for r in results for x in r["measures_fn"] if x["cat"] == "a"]
    L += ["", "FN (a) by gold type: " + ", ".join(
        f"{t} {n}" for t, n in Counter(x["gold_type"].split("/")[0] for x in fa).most_common()),
          "", "FN (a) by trigger vocabulary of that tree in the gold mention (heads/phrases of "
          "kg/data/triggers.toml): " + ", ".join(
        f"{t} {n}" for t, n in Counter(x["vocab"].split(" (")[0] for x in fa).most_common()),
          "", "Same, in the whole sentence(s) of the gold mention: " + ", ".join(
        f"{t} {n}" for t, n in Counter(x["vocab_sentence"].split(" (")[0]
                                       for x in fa).most_common()),
          "", "Mention vs sentence: " + ", ".join(
        f"{a.split(' (')[0]} -> {b.split(' (')[0]}: {n}" for (a, b), n in Counter(
            (x["vocab"].split(" (")[0], x["vocab_sentence"].split(" (")[0])
            for x in fa).most_common()),
          "", "FN (a) concentration, files with >= 4: " + ", ".join(
        f"{f[:30]} {n}" for f, n in Counter(f"{r['set']}/{x['file']}" for r in results
                                            for x in r["measures_fn"]
                                            if x["cat"] == "a").most_common() if n >= 4),
          "", "FN (a) by gold status: " + ", ".join(
        f"{t} {n}" for t, n in Counter(str(x["status"]) for x in fa).most_common()),
          "", "All measure FN by gold status: " + ", ".join(
        f"{t} {n}" for t, n in Counter(str(x["status"]) for r in results
                                       for x in r["measures_fn"]).most_common())]
    L += ["", "False positives: e no gold measure in the sentence, f wrong type/issuer of a gold "
          "measure there, g duplicate, h optional/trap.", ""]
    L += table(results, "measures", "FP", M_FP)
    L += ["", "Sub-categories:", ""] + subs(results, "measures_fp")
    L += ["", "## Statements", "", "False negatives: a nothing overlapping, b quote found but "
          "wrong speaker, c right speaker but coverage < half, d other.", ""]
    L += table(results, "statements", "FN", S_FN)
    L += ["", "Sub-categories:", ""] + subs(results, "statements_fn")
    sa = [x for r in results for x in r["statements_fn"] if x["cat"] == "a"]
    L += ["", "FN (a) by gold kind: " + ", ".join(
        f"{t} {n}" for t, n in Counter(x["kind"] for x in sa).most_common()),
          "", "FN (a) concentration, files with >= 5: " + ", ".join(
        f"{f[:30]} {n}" for f, n in Counter(f"{r['set']}/{x['file']}" for r in results
                                            for x in r["statements_fn"]
                                            if x["cat"] == "a").most_common() if n >= 5),
          "", "All statement FN by gold kind: " + ", ".join(
        f"{t} {n}" for t, n in Counter(x["kind"] for r in results
                                       for x in r["statements_fn"]).most_common())]
    L += ["", "False positives: spurious (no gold statement in the sentence and no gold text "
          "half-covered), wrong-spk (quote half-covers a gold text, speaker wrong), low-cov "
          "(speaker of a nearby gold statement, coverage < half), dup, other, opt/trap.", ""]
    L += table(results, "statements", "FP", S_FP)
    L += ["", "Sub-categories:", ""] + subs(results, "statements_fp")

    L += ["", "## Measure FN (a): gold type, status, issuer and mention", "",
          "[T] the mention holds a trigger of the gold type in that tree's lists, [o] only of "
          "another type, [-] none.", ""]
    for r in results:
        for x in r["measures_fn"]:
            if x["cat"] == "a":
                flag = "" if x["sub"].startswith("no pred") else " [sentence used by other gold]"
                voc = {"own-type trigger": "T", "no trigger": "-"}.get(x["vocab"], "o")
                L.append(f"- {r['set']} {x['file'][:24]} [{voc}] **{x['gold_type']}** "
                         f"({x['status']}) by {x['gold_issuer']}{flag}: “{clip(x['mention'], 100)}”")
    L += ["", "## Measure FN (b)/(c)/(d with candidate): ours vs gold", ""]
    for r in results:
        for x in r["measures_fn"]:
            if "ours" in x:
                o = x["ours"]
                L.append(f"- {r['set']} {x['file'][:28]} [{x['cat']}]: ours {o['type']} by "
                         f"{'/'.join(o['issuer_raw']) or '?'} ({'/'.join(filter(None, o['issuer_type'])) or '?'}) "
                         f"-> gold {x['gold_type']} by {x['gold_issuer']} "
                         f"({x['gold_issuer_type'] or '?'})")
    L += ["", "## Measure FN (d, folded): gold measure whose sentence's prediction went to "
          "another gold item", ""]
    for r in results:
        for x in r["measures_fn"]:
            if "taken_by" in x:
                L.append(f"- {r['set']} {x['file'][:28]}: {x['gold_type']} by {x['gold_issuer']}"
                         f" “{clip(x['mention'], 60)}” -> taken by {clip(x['taken_by'], 70)}")
    L += ["", "## Measure FP (e): our type, issuer and mention", "",
          "`*` = the file has a missed gold measure of the same type (perhaps the same measure "
          "told elsewhere).", ""]
    for r in results:
        for x in r["measures_fp"]:
            if x["cat"] == "e":
                star = "*" if x.get("same_type_fn_in_file") else ""
                L.append(f"- {r['set']} {x['file'][:28]}: {x['type']}{star} by "
                         f"{'/'.join(x['issuer_raw']) or '?'}: “{clip(x['mention'])}”")
    L += ["", "## Statement speaker confusions (FN b and FP wrong-speaker): ours -> gold", ""]
    for r in results:
        for x in r["statements_fn"]:
            if x["cat"] == "b":
                L.append(f"- {r['set']} {x['file'][:28]} FN: {x['ours']['speaker']} -> "
                         f"{x['gold_speaker']}: “{clip(x['text'], 70)}”")
        for x in r["statements_fp"]:
            if x["cat"] == "wrong_speaker" and x["sub"].startswith("gold statement already"):
                L.append(f"- {r['set']} {x['file'][:28]} FP(dup-ish): {x['speaker']} -> "
                         f"{x['gold_speaker']}: “{clip(x['quote'], 70)}”")
    L += ["", "## Statement FN (a): no overlapping statement, grouped by file", "",
          "Per file: count, gold speakers, then up to three gold texts.", ""]
    for r in results:
        by_file: dict[str, list[dict]] = defaultdict(list)
        for x in r["statements_fn"]:
            if x["cat"] == "a":
                by_file[x["file"]].append(x)
        for fname, xs in by_file.items():
            spk = Counter(x["gold_speaker"] for x in xs)
            who = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in spk.most_common())
            texts = " | ".join(f"“{clip(x['text'], 45)}”" for x in xs[:3])
            L.append(f"- {r['set']} {fname[:28]} ({len(xs)}): {who}: {texts}")
    L += ["", "## Statement FP (spurious): our speaker and quote, grouped by file", ""]
    for r in results:
        by_file = defaultdict(list)
        for x in r["statements_fp"]:
            if x["cat"] == "spurious":
                by_file[x["file"]].append(x)
        for fname, xs in by_file.items():
            items = " | ".join(f"{x['speaker']}: “{clip(x['quote'], 60)}”" for x in xs[:3])
            more = f" (+{len(xs) - 3} more, same file)" if len(xs) > 3 else ""
            L.append(f"- {r['set']} {fname[:28]} ({len(xs)}): {items}{more}")
    summary = HERE / "summary.md"  # hand-written reading of the numbers above
    if summary.exists():
        L += ["", summary.read_text(encoding="utf-8").rstrip()]
    return "\n".join(L) + "\n"


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "worker":
        print(json.dumps(worker(sys.argv[2])))
        return
    results = []
    for set_name, tree_dir, commit in PAIRS:
        r = run_pair(set_name, tree_dir)
        r["commit"] = commit
        results.append(r)
    (HERE / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (HERE / "REPORT.md").write_text(write_report(results), encoding="utf-8")
    print(f"wrote {HERE / 'REPORT.md'}")


if __name__ == "__main__":
    main()
