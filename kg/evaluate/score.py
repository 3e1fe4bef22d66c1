"""Score predictions against gold, file by file, class by class.

Matching is one-to-one: every candidate (gold item, prediction) pair that satisfies the
class's rule gets a score, and pairs are taken greedily, best score first, ties broken by
gold order then prediction order, so the result is deterministic.  Then:

* a matched required gold item is a true positive, an unmatched one a false negative;
* optional gold items count neither way, and a prediction that matches an optional item is
  not a false positive (even when that item was already matched);
* any other unmatched prediction is a false positive: one that matches a gold item already
  taken by a better prediction is a *duplicate* (a split entity, a measure reported twice).

Gold sources of kind ``article`` (the article itself) are not in the ``sources`` class, whose
rule names cited outlets and organisations only; they are scored as ``articles.found``: the
article counts as found when the predictions hold that file (direct mode: it was read and
extracted; store mode: the store has a ``kg:Article`` with that ``dcterms:identifier``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from .gold import Gold, GoldEntity, GoldFigure, GoldFile, GoldMeasure, GoldStatement
from .predictions import PredEntity, PredFigure, PredFile, Predictions, PredMeasure, PredStatement
from .report import EvalReport, FileResult, Finding
from .rules import (
    date_agrees,
    name_key,
    name_keys,
    quote_coverage,
    units_compatible,
    values_agree,
    words,
)

G = TypeVar("G", GoldEntity, GoldMeasure, GoldStatement, GoldFigure)
P = TypeVar("P", PredEntity, PredMeasure, PredStatement, PredFigure)


def evaluate(gold: Gold, predictions: Predictions) -> EvalReport:
    """Score every gold file against the predictions for it (missing ones score zero)."""
    report = EvalReport(mode=predictions.mode, gold_source=gold.source,
                        failures=list(predictions.failures))
    for name in sorted(gold.files):
        report.files.append(score_file(gold.files[name], predictions.files.get(name)))
    report.unscored = sorted(set(predictions.files) - set(gold.files))
    return report


def score_file(gold: GoldFile, pred: PredFile | None) -> FileResult:
    """Score one file; ``pred`` None means the article is absent from the predictions."""
    result = FileResult(name=gold.name, predicted=pred is not None, traps=list(gold.traps))
    if pred is None:
        result.findings.append(Finding("file", "missing article",
                                       "no prediction for this file: every gold item missed"))
        pred = PredFile(name=gold.name)
    for article in gold.articles:
        if not article.optional:
            result.accuracy["articles.found"].count(result.predicted)
    for g, p in _score_class(result, "actors", gold.actors, pred.actors, entity_score,
                             _gold_name, _pred_entity):
        _judge_type(result, "actors", g, p)
    for g, p in _score_class(result, "materials", gold.materials, pred.materials, entity_score,
                             _gold_name, _pred_entity):
        _judge_type(result, "materials", g, p)
    _score_class(result, "sources", gold.sources, pred.sources, entity_score, _gold_name,
                 _pred_entity)
    for gm, pm in _score_class(result, "measures", gold.measures, pred.measures, measure_score,
                               _gold_measure, _pred_measure):
        _judge_measure(result, gm, pm)
    for gs, ps in _score_class(result, "statements", gold.statements, pred.statements,
                               statement_score, _gold_statement, _pred_statement):
        _judge_statement(result, gs, ps)
    _score_class(result, "figures", gold.figures, pred.figures, figure_score, _gold_figure,
                 _pred_figure)
    if pred.text is not None:
        for span in pred.evidence:
            exact = pred.text[span.begin:span.end] == span.anchor
            result.accuracy["evidence.exact"].count(exact)
            if not exact:
                result.findings.append(Finding(
                    "evidence", "bad evidence",
                    f"[{span.begin}:{span.end}] anchor “{span.anchor}” but the text there is "
                    f"“{pred.text[span.begin:span.end]}”"))
    return result


def assign(gold: Sequence[G], pred: Sequence[P],
           score: Callable[[G, P], float | None]) -> dict[int, int]:
    """One-to-one greedy matching by best score: gold index -> prediction index."""
    candidates = sorted(
        (-s, gi, pi)
        for gi, g in enumerate(gold) for pi, p in enumerate(pred)
        if (s := score(g, p)) is not None
    )
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in matched and pi not in taken:
            matched[gi] = pi
            taken.add(pi)
    return matched


def _score_class(result: FileResult, cls: str, gold: Sequence[G], pred: Sequence[P],
                 score: Callable[[G, P], float | None], show_gold: Callable[[G], str],
                 show_pred: Callable[[P], str]) -> list[tuple[G, P]]:
    """Count TP/FP/FN of one class; return the matched (required gold, prediction) pairs."""
    counts = result.scores[cls]
    matched = assign(gold, pred, score)
    pairs: list[tuple[G, P]] = []
    for gi, g in enumerate(gold):
        if g.optional:
            continue
        if gi in matched:
            counts.tp += 1
            pairs.append((g, pred[matched[gi]]))
        else:
            counts.fn += 1
            result.findings.append(Finding(cls, "missed", show_gold(g)))
    taken = set(matched.values())
    for pi, p in enumerate(pred):
        if pi in taken:
            continue
        hits = [g for g in gold if score(g, p) is not None]
        if any(g.optional for g in hits):
            continue
        counts.fp += 1
        if hits:
            result.findings.append(Finding(
                cls, "duplicate", f"{show_pred(p)} (gold {show_gold(hits[0])} already matched)"))
        else:
            result.findings.append(Finding(cls, "false positive", show_pred(p)))
    return pairs


def entity_score(gold: GoldEntity, pred: PredEntity) -> float | None:
    """Match when the label or an alternative label is a gold name or surface form.

    Best: the label is the gold canonical name (3), else the label is a surface form (2),
    else only an alternative label is (1).
    """
    if not name_keys(pred.names) & gold.keys:
        return None
    label = name_key(pred.label)
    if label == name_key(gold.name):
        return 3.0
    return 2.0 if label in gold.keys else 1.0


def measure_score(gold: GoldMeasure, pred: PredMeasure) -> float | None:
    """Match when the type (or type_alt) and the issuer (or issuer_alt, or a part_of parent)
    agree; a null gold issuer accepts any.  Among matches, agreeing target, date, status and
    mention words make the better pair."""
    if pred.type not in gold.types:
        return None
    if gold.issuer is not None and not name_keys(pred.issuer_names) & gold.issuer_keys:
        return None
    score = 1.0
    score += 0.25 * _target_agrees(gold, pred)
    score += 0.25 * _measure_date_agrees(gold, pred)
    score += 0.1 * (gold.status in pred.statuses)
    score += 0.5 * max((quote_coverage(m, p) for m in gold.mentions for p in pred.mentions),
                       default=0.0)
    return score


def statement_score(gold: GoldStatement, pred: PredStatement) -> float | None:
    """Match when the speaker matches and the quote holds half the words of the gold text
    (or of an alt_text).  Among matches, a higher share, then a tighter quote, is better."""
    if not name_keys(pred.speaker_names) & gold.speaker_keys:
        return None
    coverage = max(quote_coverage(t, pred.quote) for t in gold.texts)
    if coverage < 0.5:
        return None
    gold_words = {w for t in gold.texts for w in words(t)}
    quote_words = words(pred.quote)
    tightness = sum(w in gold_words for w in quote_words) / len(quote_words)
    return coverage + 0.1 * tightness


def figure_score(gold: GoldFigure, pred: PredFigure) -> float | None:
    """Match when the value agrees within 0.5 % and the unit is compatible.

    A range in the gold needs both ends (``value``/``value_max``); a vague gold figure
    (null value) is matched by a prediction with no value.
    """
    if not units_compatible(gold.unit, pred.unit):
        return None
    if gold.low is None or gold.high is None:
        if pred.value is not None:
            return None
    else:
        high = pred.value_max if pred.value_max is not None else pred.value
        if pred.value is None or high is None:
            return None
        if not (values_agree(gold.low, pred.value) and values_agree(gold.high, high)):
            return None
    return 1.0 + 0.5 * quote_coverage(gold.mention, pred.mention)


def _target_agrees(gold: GoldMeasure, pred: PredMeasure) -> bool:
    if gold.target is None:
        return not pred.target_names
    return bool(name_keys(pred.target_names) & gold.target_keys)


def _measure_date_agrees(gold: GoldMeasure, pred: PredMeasure) -> bool:
    # An article may give a measure several dates; one agreeing date is enough.
    if gold.date is None:
        return not pred.dates
    return any(date_agrees(gold.date, d) for d in pred.dates)


def _judge_type(result: FileResult, cls: str, gold: GoldEntity, pred: PredEntity) -> None:
    """Actor type or material category, when both the gold and the prediction give one."""
    if gold.kind is None or pred.type is None:
        return
    key = "actors.type" if cls == "actors" else "materials.category"
    ok = gold.kind == pred.type
    result.accuracy[key].count(ok)
    if not ok:
        result.findings.append(Finding(
            cls, "wrong type", f"gold {gold.kind}, predicted {pred.type}: {gold.name}"))


def _judge_measure(result: FileResult, gold: GoldMeasure, pred: PredMeasure) -> None:
    what = f"{_gold_measure(gold)} ~ predicted {_pred_measure(pred)}"
    checks = (
        ("measures.date", "wrong date", _measure_date_agrees(gold, pred),
         f"gold {gold.date or 'none'}, predicted {', '.join(sorted(pred.dates)) or 'none'}"),
        ("measures.status", "wrong status", gold.status in pred.statuses,
         f"gold {gold.status}, predicted {', '.join(sorted(pred.statuses)) or 'none'}"),
        ("measures.target", "wrong target", _target_agrees(gold, pred),
         f"gold {gold.target or 'none'}, predicted "
         f"{', '.join(sorted(pred.target_names)) or 'none'}"),
    )
    for key, kind, ok, detail in checks:
        result.accuracy[key].count(ok)
        if not ok:
            result.findings.append(Finding("measures", kind, f"{detail}; gold {what}"))


def _judge_statement(result: FileResult, gold: GoldStatement, pred: PredStatement) -> None:
    what = _gold_statement(gold)
    date_ok = date_agrees(gold.date, pred.date)
    result.accuracy["statements.date"].count(date_ok)
    if not date_ok:
        result.findings.append(Finding(
            "statements", "wrong date",
            f"gold {gold.date or 'none'}, predicted {pred.date or 'none'}; gold {what}"))
    kind_ok = gold.kind == pred.kind
    result.accuracy["statements.kind"].count(kind_ok)
    if not kind_ok:
        result.findings.append(Finding(
            "statements", "wrong kind", f"gold {gold.kind}, predicted {pred.kind}; gold {what}"))


def _gold_name(g: GoldEntity) -> str:
    return g.name


def _pred_entity(p: PredEntity) -> str:
    alts = sorted(a for a in p.alt_labels if name_key(a) != name_key(p.label))
    return p.label + (f" (also {', '.join(alts)})" if alts else "")


def _gold_measure(g: GoldMeasure) -> str:
    return (f"{g.measure_id} {'/'.join(g.types)} by {g.issuer or '?'} on {g.target or '-'}"
            f" ({g.date or 'no date'}): “{g.mentions[0] if g.mentions else ''}”")


def _pred_measure(p: PredMeasure) -> str:
    mention = f" “{p.mentions[0]}”" if p.mentions else ""
    return (f"{p.label} [{p.type}; issuer {', '.join(sorted(p.issuer_names)) or '?'}; "
            f"{', '.join(sorted(p.dates)) or 'no date'}]{mention}")


def _gold_statement(g: GoldStatement) -> str:
    return f"{g.speaker}: “{g.texts[0]}” ({g.kind}, {g.date or 'no date'})"


def _pred_statement(p: PredStatement) -> str:
    return f"{p.speaker or '(no speaker)'}: “{p.quote}” ({p.kind}, {p.date or 'no date'})"


def _gold_figure(g: GoldFigure) -> str:
    value = "vague" if g.low is None else (
        _number(g.low) if g.low == g.high else f"{_number(g.low)}-{_number(g.high or 0)}")
    return f"{value} {g.unit}: “{g.mention}”"


def _pred_figure(p: PredFigure) -> str:
    value = "vague" if p.value is None else _number(p.value)
    if p.value_max is not None:
        value += f"-{_number(p.value_max)}"
    return f"{value} {p.unit}: “{p.mention}”"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"
