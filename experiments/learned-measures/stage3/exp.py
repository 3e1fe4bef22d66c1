"""Stage 3: a configurable copy of kg's learned step (gate, thresholds, extra features, cost
cuts), and the data collection for leave-one-set-out.  Scratch code, not the product."""
from __future__ import annotations

import bisect
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, "/work/det-wt")
import kg.extract.measures as M  # noqa: E402
from kg.extract.measures import learned, train  # noqa: E402
from kg.extract.measures.learned import (  # noqa: E402
    Candidate, MeasureStatus, Span, _choose_issuer, _head, _spans_in, covered, enclosing,
    entry_of, find_target, governing_verb, is_claim, is_conditional, is_denied, is_long_past,
    is_negated, is_question, is_verbal, local_issuer, main_state, measure_date,
    measure_status, measure_via)
from kg.extract.measures.sentence_features import sentence_features, sentence_score, stem  # noqa: E402
from kg.extract.gazetteer import token_stream  # noqa: E402

ROOT = Path("/work/det-wt")
ORIG = M.learned_measures
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u2013\u2014]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
_QUOTES = set("\"\u201c\u201d\u2018\u2019\u00ab\u00bb")
_SKIPV = frozenset({"will", "would", "could", "may", "might", "can", "should", "must", "has",
                    "have", "had", "is", "was", "are", "were", "did", "does", "also", "then",
                    "later", "now", "already", "not", "has", "been", "be", "to", "and", "on",
                    "last", "this", "of", "the", "a", "an", "in", "said", "says", "its", "it"})


def extras(ctx, sentence, words, actors, rule_cands) -> set[str]:
    """The stage-3 features beyond words."""
    out: set[str] = set()
    for c in rule_cands:
        out.add(f"x:rc:{c.type.value}")
        out.add("x:rc:any")
    line = ctx.text.rfind("\n", 0, sentence.begin) + 1
    if _BULLET.match(ctx.text, line) and sentence.begin - line < 8:
        out.add("x:bullet")
    if any(ch in _QUOTES for ch in ctx.text[sentence.begin:sentence.end]):
        out.add("x:quote")
    if not actors:
        out.add("x:noactor")
    # a crude governing verb: the first lower-case content word after the first actor
    if actors:
        first = min(m.span.end for m in actors)
        for t in words:
            if t.begin >= first and t.key.isalpha() and not t.is_capitalised and \
                    t.key not in _SKIPV:
                out.add(f"x:v:{stem(t.key)}")
                break
    n = len(words)
    out.add("x:len:" + ("<6" if n < 6 else "<12" if n < 12 else "<25" if n < 25 else "25+"))
    return out


@dataclass(frozen=True)
class Config:
    gate: bool = True            # only sentences naming an actor
    actorless: float | None = None  # threshold for actorless sentences (None: same)
    extras: bool = False         # the model was trained with extras()
    min_words: int = 0           # skip sentences with fewer word tokens
    only_extras: frozenset[str] = frozenset()  # keep only extra features with these prefixes


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def make_step(model, cfg: Config):
    """A replacement for kg.extract.measures.learned_measures under ``cfg``."""
    cut = _logit(model.threshold)
    cut0 = _logit(cfg.actorless) if cfg.actorless is not None else cut

    def step(ctx, candidates, statements, entries, materials, according, *, dateline=None):
        if learned._OFF or not model.enabled:
            return []
        taken = {c.sentence for c in candidates if c.issuer is not None}
        stream = token_stream(ctx.text)
        tokens, begins = stream.tokens, stream.begins
        out = []
        article = None
        for index, sentence in enumerate(ctx.sentences):
            if sentence in taken:
                continue
            actors = ctx.actors_in(sentence.begin, sentence.end)
            if not actors and cfg.gate:
                continue
            lo = bisect.bisect_left(begins, sentence.begin)
            hi = bisect.bisect_left(begins, sentence.end, lo)
            words = [t for t in tokens[lo:hi] if t.is_word]
            if len(words) < cfg.min_words:
                continue
            keys = [t.key for t in words]
            kinds = {m.type.value for m in actors}
            dates = len(ctx.dates_in(sentence.begin, sentence.end))
            if not cfg.extras:
                score = model.detector.intercept + sentence_score(keys, kinds, dates,
                                                                  model.detector.parts)
                if score < (cut if actors else cut0):
                    continue
            features = sentence_features(keys, kinds, dates)
            if cfg.extras:
                rc = [c for c in candidates if c.sentence == sentence]
                features |= filter_extras(extras(ctx, sentence, words, actors, rc), cfg)
            score = model.detector.score(features)
            if score < (cut if actors else cut0):
                continue
            kind = model.best_type(features)
            first, last = _head(model.types[kind], words, _spans_in(materials, sentence) +
                                [m.span for m in actors])
            head = Span.of(ctx.text, words[first].begin, words[last].end)
            c = Candidate(kind, head, sentence, head, verbal=is_verbal(head.text, ctx, head.begin))
            c.statement = enclosing(statements, head)
            c.entry = entry_of(entries, head.begin)
            c.question = is_question(c)
            c.governed = c.verbal or governing_verb(ctx, c, sentence.begin) is not None
            if is_negated(ctx, c) or is_denied(ctx, c) or is_conditional(ctx, c) or \
                    is_claim(ctx, c):
                continue
            local_issuer(ctx, c)
            if c.issuer is None and model.issuer is not None:
                if article is None:
                    article = (Counter(m.name for m in ctx.actors_in(0, len(ctx.text))),
                               main_state(ctx))
                _choose_issuer(ctx, c, index, model.issuer, candidates, *article)
            if c.issuer is None:
                continue
            c.date = measure_date(ctx, c, statements, [c], dateline=dateline)
            c.status = measure_status(ctx, c)
            c.via = measure_via(ctx, c, according)
            c.covers = covered(ctx, c, materials, [])
            find_target(ctx, c, [])
            if c.target is not None and c.target == c.issuer:
                continue
            if is_long_past(ctx, c):
                c.status = MeasureStatus.HISTORICAL
            out.append(c)
        return out
    return step


def filter_extras(feats: set[str], cfg: Config) -> set[str]:
    if not cfg.only_extras:
        return feats
    return {f for f in feats if f.startswith(tuple(cfg.only_extras))}


def collect(name: str) -> list[dict]:
    """Every sentence of set ``name`` as the learned step sees it at run time (through a hook
    on the step during extraction): base features, extras, labels, taken, has actor."""
    from kg.evaluate.direct import read_anchored
    from kg.extract import extract
    folder, gold_path = train.set_paths(ROOT, name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["files"]
    articles, failures = read_anchored([folder])
    assert not failures
    out: list[dict] = []
    for article in articles:
        file = Path(article.path or article.identifier).name
        if file not in gold:
            continue
        seen = []

        def hook(ctx, candidates, *a, **k):
            seen.append((ctx, candidates))
            return []
        M.learned_measures = hook
        try:
            extract(article)
        finally:
            M.learned_measures = ORIG
        ctx, candidates = seen[0]
        begins = [s.begin for s in ctx.sentences]
        types = [set() for _ in ctx.sentences]
        optional = [False] * len(ctx.sentences)
        for item in gold[file].get("measures", []):
            for mention in filter(None, [item.get("mention"), *(item.get("alt_mentions") or [])]):
                start = ctx.text.find(mention)
                while start >= 0:
                    for offset in (start, start + len(mention) - 1):
                        i = bisect.bisect_right(begins, offset) - 1
                        if i >= 0 and offset < ctx.sentences[i].end:
                            if item.get("optional"):
                                optional[i] = True
                            else:
                                types[i].add(item["type"])
                    start = ctx.text.find(mention, start + 1)
        stream = token_stream(ctx.text)
        taken = {c.sentence for c in candidates if c.issuer is not None}
        for i, sentence in enumerate(ctx.sentences):
            if optional[i] and not types[i]:
                continue
            lo = bisect.bisect_left(stream.begins, sentence.begin)
            hi = bisect.bisect_left(stream.begins, sentence.end, lo)
            words = [t for t in stream.tokens[lo:hi] if t.is_word]
            actors = ctx.actors_in(sentence.begin, sentence.end)
            base = sentence_features([t.key for t in words], {m.type.value for m in actors},
                                     len(ctx.dates_in(sentence.begin, sentence.end)))
            rc = [c for c in candidates if c.sentence == sentence]
            out.append({"set": name, "file": file, "base": frozenset(base),
                        "extra": frozenset(extras(ctx, sentence, words, actors, rc)),
                        "types": frozenset(types[i]), "taken": sentence in taken,
                        "actor": bool(actors), "nwords": len(words)})
    return out
