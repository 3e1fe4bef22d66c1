"""Inter-annotator agreement between annotation A (dev10 gold) and annotation B (blind).

Turns one annotation into kg.evaluate Predictions and scores it against the other with the
project's own matcher (kg.evaluate.score), in both directions.

Two counts are reported:
  raw  - exactly kg.evaluate.score.score_file: gold optional items excluded; every predicted
         item counts (an unmatched optional item of the predicting annotator is a FP).
  iaa  - the same matching, but an unmatched item the *predicting* annotator marked optional
         is not a FP either (optional is "don't care" on both sides).  This is the headline.
Name equivalence: both sides are parsed with A's canonical_actors table and A's per-file actor
mentions (a shared name dictionary, so 'Beijing'/'China', part_of parents etc. work the same
way in both directions); B's own annotation has no actor lists.
Run: PYTHONPATH=/work/main /work/main/.venv/bin/python /tmp/iaa/agree.py
"""
from __future__ import annotations
import copy, json, sys
from collections import defaultdict
from kg.evaluate.gold import parse_gold
from kg.evaluate.predictions import PredFigure, PredFile, PredMeasure, PredStatement, Predictions
from kg.evaluate import score as S
from kg.evaluate.rules import date_agrees

A_PATH = "/work/main/tests/data/heldout/dev10/gold.json"
B_PATH = "/tmp/iaa/annotation_b.json"
CLASSES = ("measures", "statements", "figures")


def load():
    a = json.load(open(A_PATH)); b = json.load(open(B_PATH))
    b = copy.deepcopy(b)
    b["canonical_actors"] = a["canonical_actors"]
    for name, f in b["files"].items():
        f["actors"] = a["files"][name].get("actors", [])
    return a, b


UNIT_NORM = {"entries": "items", "products": "items", "firms": "companies"}
VARIANT = {"units": False, "alt_quotes": False}


def to_predictions(ann: dict) -> tuple[Predictions, dict]:
    """Annotation JSON -> Predictions; also returns {file: {cls: [optional flags]}}."""
    preds = Predictions(mode="annotation")
    opt = {}
    for name, f in ann["files"].items():
        pf = PredFile(name=name)
        o = {c: [] for c in CLASSES}
        for m in f.get("measures", []):
            pf.measures.append(PredMeasure(
                label=m.get("measure_id", "?"), type=m["type"],
                issuer_names={n for n in [m.get("issuer"), *m.get("issuer_alt", [])] if n},
                target_names={m["target"]} if m.get("target") else set(),
                dates={m["date"]} if m.get("date") else set(),
                statuses={m["status"]} if m.get("status") else set(),
                mentions=[m["mention"], *m.get("alt_mentions", [])]))
            o["measures"].append(bool(m.get("optional")))
        for s in f.get("statements", []):
            pf.statements.append(PredStatement(
                speaker=s["speaker"],
                speaker_names={n for n in [s["speaker"], *s.get("speaker_alt", [])] if n},
                quote=" ".join([s["text"], *s.get("alt_texts", [])]) if VARIANT["alt_quotes"] else s["text"],
                kind=s["kind"], date=s.get("date"),
                negated=bool(s.get("negated"))))
            o["statements"].append(bool(s.get("optional")))
        for g in f.get("figures", []):
            v = g["value"]
            lo, hi = (v[0], v[1]) if isinstance(v, list) else (v, None)
            unit = UNIT_NORM.get(g["unit"], g["unit"]) if VARIANT["units"] else g["unit"]
            pf.figures.append(PredFigure(value=lo, unit=unit, mention=g.get("mention", ""),
                                         value_max=hi, qualifier=g.get("qualifier")))
            o["figures"].append(bool(g.get("optional")))
        preds.files[name] = pf
        opt[name] = o
    return preds, opt


SCORERS = {"measures": S.measure_score, "statements": S.statement_score, "figures": S.figure_score}


def score_dir(gold_ann, pred_ann, label):
    if VARIANT["units"]:
        gold_ann = copy.deepcopy(gold_ann)
        for f in gold_ann["files"].values():
            for g in f.get("figures", []):
                g["unit"] = UNIT_NORM.get(g["unit"], g["unit"])
    gold = parse_gold(gold_ann, source=label)
    preds, popt = to_predictions(pred_ann)
    out = {}  # file -> cls -> dict
    for name in sorted(gold.files):
        gf, pf = gold.files[name], preds.files[name]
        raw = S.score_file(gf, pf)  # the project's scorer, unchanged
        res = {}
        for cls in CLASSES:
            G, P = getattr(gf, cls), getattr(pf, cls)
            fn_ = SCORERS[cls]
            matched = S.assign(G, P, fn_)
            tp = fn = fp = fp_raw = 0
            pairs, missed, extra = [], [], []
            for gi, g in enumerate(G):
                if g.optional:
                    continue
                if gi in matched:
                    tp += 1; pairs.append((g, P[matched[gi]]))
                else:
                    fn += 1; missed.append(g)
            taken = set(matched.values())
            for pi, p in enumerate(P):
                if pi in taken:
                    continue
                hits = [g for g in G if fn_(g, p) is not None]
                if any(g.optional for g in hits):
                    continue
                fp_raw += 1
                if popt[name][cls][pi]:
                    continue
                fp += 1; extra.append((p, hits))
            c = raw.scores[cls]
            assert (c.tp, c.fn, c.fp) == (tp, fn, fp_raw), (name, cls, c, tp, fn, fp_raw)
            acc = defaultdict(lambda: [0, 0])
            for g, p in pairs:
                if cls == "measures":
                    acc["date"][0] += S._measure_date_agrees(g, p); acc["date"][1] += 1
                    acc["status"][0] += g.status in p.statuses; acc["status"][1] += 1
                    acc["target"][0] += S._target_agrees(g, p); acc["target"][1] += 1
                if cls == "statements":
                    acc["date"][0] += date_agrees(g.date, p.date); acc["date"][1] += 1
                    acc["kind"][0] += g.kind == p.kind; acc["kind"][1] += 1
            res[cls] = dict(tp=tp, fn=fn, fp=fp, fp_raw=fp_raw, acc=dict(acc),
                            pairs=pairs, missed=missed, extra=extra)
        out[name] = res
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(res, title, raw=False):
    lines = [f"### {title}" + (" — raw project scorer (predictor's optional items count as FP)" if raw else ""), "",
             "| file | " + " | ".join(f"{c} P/R/F1 (tp/fp/fn)" for c in CLASSES) + " |",
             "|---|" + "---|" * len(CLASSES)]
    tot = {c: [0, 0, 0] for c in CLASSES}
    for name, r in res.items():
        cells = []
        for c in CLASSES:
            fp = r[c]["fp_raw"] if raw else r[c]["fp"]
            t = (r[c]["tp"], fp, r[c]["fn"])
            for i in range(3): tot[c][i] += t[i]
            p, rr, f = prf(*t)
            cells.append(f"{p:.2f}/{rr:.2f}/{f:.2f} ({t[0]}/{t[1]}/{t[2]})")
        lines.append(f"| {name[:3]} | " + " | ".join(cells) + " |")
    cells = []
    for c in CLASSES:
        p, rr, f = prf(*tot[c]); t = tot[c]
        cells.append(f"**{p:.2f}/{rr:.2f}/{f:.2f}** ({t[0]}/{t[1]}/{t[2]})")
    lines.append("| **pooled** | " + " | ".join(cells) + " |")
    return "\n".join(lines), tot


def acc_table(res, title):
    keys = [("measures", "date"), ("measures", "status"), ("measures", "target"),
            ("statements", "date"), ("statements", "kind")]
    lines = [f"### {title}", "", "| file | " + " | ".join(f"{c}.{k}" for c, k in keys) + " |",
             "|---|" + "---|" * len(keys)]
    tot = {k: [0, 0] for k in keys}
    for name, r in res.items():
        cells = []
        for c, k in keys:
            a = r[c]["acc"].get(k, [0, 0])
            tot[(c, k)][0] += a[0]; tot[(c, k)][1] += a[1]
            cells.append(f"{a[0]}/{a[1]}" if a[1] else "–")
        lines.append(f"| {name[:3]} | " + " | ".join(cells) + " |")
    lines.append("| **pooled** | " + " | ".join(
        f"**{tot[k][0]}/{tot[k][1]} = {tot[k][0]/tot[k][1]:.2f}**" if tot[k][1] else "–" for k in keys) + " |")
    return "\n".join(lines), tot


def detail(res, gname, pname):
    L = []
    for name, r in res.items():
        for c in CLASSES:
            for g in r[c]["missed"]:
                L.append(f"- {name[:3]} {c}: only {gname} (required): " + _g(c, g))
            for p, hits in r[c]["extra"]:
                L.append(f"- {name[:3]} {c}: only {pname}: " + _p(c, p) + (" [duplicate of an already-matched item]" if hits else ""))
            for g, p in r[c]["pairs"]:
                if c == "measures":
                    bad = []
                    if not S._measure_date_agrees(g, p): bad.append(f"date {gname}={g.date} {pname}={sorted(p.dates) or None}")
                    if g.status not in p.statuses: bad.append(f"status {gname}={g.status} {pname}={sorted(p.statuses)}")
                    if not S._target_agrees(g, p): bad.append(f"target {gname}={g.target} {pname}={sorted(p.target_names)}")
                    if p.type != g.types[0]: bad.append(f"type {gname}={'/'.join(g.types)} {pname}={p.type} (accepted via type_alt)")
                    if bad: L.append(f"- {name[:3]} measure “{g.mentions[0]}”: " + "; ".join(bad))
                if c == "statements":
                    bad = []
                    if not date_agrees(g.date, p.date): bad.append(f"date {gname}={g.date} {pname}={p.date}")
                    if g.kind != p.kind: bad.append(f"kind {gname}={g.kind} {pname}={p.kind}")
                    if bad: L.append(f"- {name[:3]} statement {g.speaker}: “{g.texts[0]}”: " + "; ".join(bad))
    return L


def _g(c, g):
    if c == "measures":
        return f"{g.measure_id} [{'/'.join(g.types)}; {g.issuer}; {g.date}; {g.status}] “{g.mentions[0]}”"
    if c == "statements":
        return f"{g.speaker}: “{g.texts[0]}” ({g.kind}, {g.date})"
    return f"{g.low if g.low == g.high else (g.low, g.high)} {g.unit}: “{g.mention}”"


def _p(c, p):
    if c == "measures":
        return f"{p.label} [{p.type}; {sorted(p.issuer_names)}; {sorted(p.dates)}; {sorted(p.statuses)}] “{p.mentions[0]}”"
    if c == "statements":
        return f"{p.speaker}: “{p.quote}” ({p.kind}, {p.date})"
    return f"{p.value}{'' if p.value_max is None else '-' + str(p.value_max)} {p.unit}: “{p.mention}”"


if __name__ == "__main__":
    a, b = load()
    ba = score_dir(a, b, "A")   # B predicts, A is gold
    ab = score_dir(b, a, "B")   # A predicts, B is gold
    parts = []
    for res, t in ((ba, "B as predictions vs A as gold"), (ab, "A as predictions vs B as gold")):
        parts.append(table(res, t)[0]); parts.append("")
        parts.append(table(res, t, raw=True)[0]); parts.append("")
        parts.append(acc_table(res, "Attribute accuracy on matched pairs — " + t)[0]); parts.append("")
    parts.append("### Item-level differences, B vs A (A = gold)\n")
    parts += detail(ba, "A", "B")
    parts.append("\n### Item-level differences, A vs B (B = gold)\n")
    parts += detail(ab, "B", "A")
    # sensitivity: unit spelling normalised; statement quote = text + alt_texts
    parts.append("\n### Sensitivity (pooled F1, iaa count)\n")
    parts.append("| variant | direction | measures | statements | figures |")
    parts.append("|---|---|---|---|---|")
    for units, alt in ((False, False), (True, False), (False, True), (True, True)):
        VARIANT["units"], VARIANT["alt_quotes"] = units, alt
        name = ("units normalised" if units else "as annotated") + (" + quote incl. alt_texts" if alt else "")
        for res, t in ((score_dir(a, b, "A"), "B vs A"), (score_dir(b, a, "B"), "A vs B")):
            _, tot = table(res, t)
            parts.append(f"| {name} | {t} | " + " | ".join(f"{prf(*tot[c])[2]:.2f}" for c in CLASSES) + " |")
    VARIANT["units"] = VARIANT["alt_quotes"] = False
    text = "\n".join(parts)
    open("/tmp/iaa/agreement_tables.md", "w").write(text)
    print(text)
