"""A learned detector proposing measures in sentences where the rules found none.

The rules are precise but miss measures told in words their lexicon lacks ("lodged a strong
protest with the Deputy ...", "set aside about 100 billion yen to expand the stockpile",
"could reinstate the suspended rules").  A linear model, trained offline on the annotated
sets by :mod:`.train` and shipped as data (``kg/data/measure_model.json``, documented in
``kg/data/README.md``), reads each sentence that has no rule measure:

1. the sentence's features (:mod:`.sentence_features`: words, crude stems, bigrams, the
   kinds of actor it names, whether it holds a date or a number) give the detector's
   probability that it tells a measure; below the model's threshold nothing happens;
2. the type models (one per measure type) give the type, the highest scoring;
3. the head is the word, or the two words, adding most to that type's score;
4. the head becomes a :class:`~.candidate.Candidate` completed by the rules' own steps:
   negated, denied, conditional or claimed mentions are dropped (:mod:`.hedges`), the
   issuer comes from the sentence's grammar (:func:`.parties.local_issuer`), else from the
   issuer ranker (:mod:`.issuer_choice`) when its best candidate is likely enough (no
   issuer, no measure; none either when only a nationality adjective names it, "Korean
   exports ... amounted to": whose exports, not who acts), then date, status, source,
   target and covered goods as for any mention; one whose target is its own issuer is
   dropped.

The head is a lower-case content word (never a name, month, number, material or function
word): those weigh in the type model but misled the issuer rules.

Inference is plain Python over the JSON (a sum of weights and a logistic); scikit-learn is
needed only to train.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ...errors import KgError
from ...model import ActorType, MaterialMention, MeasureStatus, MeasureType, Span, StatementMention
from ..actor_context import FUNCTION_WORDS
from ..context import Context
from ..gazetteer import Token, token_stream
from ..refdata import actor_data
from ..triggers import load_triggers
from .candidate import Candidate, Entry, enclosing
from .entries import entry_of
from .finding import is_verbal
from .hedges import is_claim, is_conditional, is_denied, is_negated, is_question
from .issuer_choice import ISSUER_FEATURE_VERSION, IssuerCandidate, issuer_candidates, main_state
from .parties import governing_verb, local_issuer, person_cannot_issue
from .scope import covered
from .sentence_features import (
    FEATURE_VERSION,
    FeatureWeights,
    sentence_features,
    sentence_score,
    stem,
)
from .status import is_long_past, measure_status
from .targets import find_target
from .timing import measure_date, measure_via

__all__ = ["MODEL_FILE", "IssuerModel", "LinearModel", "MeasureModel", "MeasureModelError",
           "learned_measures", "load_model", "rules_only"]

MODEL_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "measure_model.json"


class MeasureModelError(KgError):
    """The measure model file is missing or malformed (a packaging error, not bad input)."""

    exit_code = 2


@dataclass(frozen=True)
class LinearModel:
    """One logistic model: a weight per feature and an intercept."""

    intercept: float
    weights: dict[str, float]

    def score(self, features: set[str]) -> float:
        """The linear score (log-odds) of a sentence with ``features``."""
        weights = self.weights
        # the intersection runs in C over the smaller side (a sentence's features); fsum is
        # exact, so the set's order (which varies with string hashing) cannot change a bit
        return self.intercept + math.fsum(map(weights.__getitem__, weights.keys() & features))

    @cached_property
    def parts(self) -> FeatureWeights:
        """The weights split by feature kind (for :func:`.sentence_features.sentence_score`)."""
        return FeatureWeights(self.weights)

    def probability(self, features: set[str]) -> float:
        """The probability of the positive class (as scikit-learn's ``predict_proba``)."""
        return _logistic(self.score(features))


def _logistic(log_odds: float) -> float:
    """The probability of a log-odds score, as scikit-learn's ``predict_proba`` gives it."""
    return 1.0 / (1.0 + math.exp(-log_odds))


@dataclass(frozen=True)
class IssuerModel:
    """The issuer ranker: a candidate's score, and the probability the best must reach."""

    ranker: LinearModel
    threshold: float


@dataclass(frozen=True)
class MeasureModel:
    """The detector, the type models and the threshold of the model file."""

    detector: LinearModel
    types: dict[MeasureType, LinearModel]
    threshold: float
    issuer: IssuerModel | None = None
    """Chooses the issuer when the sentence's grammar names none (:mod:`.issuer_choice`)."""
    enabled: bool = True
    """Whether the product runs the learned step at all (the model file's ``enabled``)."""

    def best_type(self, features: set[str]) -> MeasureType:
        """The type whose model scores the sentence highest (ties: the first in order)."""
        return max(self.types, key=lambda kind: self.types[kind].score(features))


def _linear(data: Any, where: str) -> LinearModel:
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise MeasureModelError(f"{MODEL_FILE}: {where} needs 'intercept' and 'weights'")
    return LinearModel(float(data["intercept"]),
                       {str(k): float(v) for k, v in data["weights"].items()})


def parse_model(data: Any) -> MeasureModel:
    """A :class:`MeasureModel` from the decoded JSON; :class:`MeasureModelError` when it is
    malformed or made for another feature recipe."""
    if not isinstance(data, dict):
        raise MeasureModelError(f"{MODEL_FILE}: not a JSON object")
    if data.get("feature_version") != FEATURE_VERSION:
        raise MeasureModelError(f"{MODEL_FILE}: made for features "
                                f"{data.get('feature_version')!r}, not {FEATURE_VERSION!r}: "
                                "retrain with `make train`")
    try:
        types = {MeasureType(k): _linear(v, f"types.{k}") for k, v in data["types"].items()}
        issuer = None
        if data.get("issuer") is not None:
            part = data["issuer"]
            if part.get("feature_version") != ISSUER_FEATURE_VERSION:
                raise MeasureModelError(f"{MODEL_FILE}: issuer ranker made for features "
                                        f"{part.get('feature_version')!r}: retrain with "
                                        "`make train`")
            issuer = IssuerModel(_linear(part, "issuer"), float(part["threshold"]))
        return MeasureModel(_linear(data["detector"], "detector"), types,
                            float(data["threshold"]), issuer, bool(data.get("enabled", True)))
    except (KeyError, ValueError, AttributeError) as exc:
        raise MeasureModelError(f"{MODEL_FILE}: malformed ({exc})") from exc


@lru_cache(maxsize=1)
def load_model() -> MeasureModel:
    """The shipped model, read once per process."""
    try:
        return parse_model(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise MeasureModelError(f"cannot read {MODEL_FILE}: {exc}") from exc


_OFF: list[bool] = []
"""Non-empty while :func:`rules_only` runs."""


@contextmanager
def rules_only() -> Iterator[None]:
    """Within this block the learned step proposes nothing (training reads the rules'
    own output through it)."""
    _OFF.append(True)
    try:
        yield
    finally:
        _OFF.pop()


def learned_measures(ctx: Context, candidates: list[Candidate],
                     statements: list[StatementMention], entries: list[Entry],
                     materials: list[MaterialMention], according: list[re.Match[str]], *,
                     dateline: Span | None = None,
                     model: MeasureModel | None = None,
                     denied: set[Span] | None = None) -> list[Candidate]:
    """Measures the model finds in the sentences where no rule candidate with an issuer
    stands (``candidates``: the rules' finished ones), nor one the rules found negated,
    denied or asked about (``denied``: such sentences, "Has Japan lodged representations?"),
    completed as the rules complete theirs (see module doc); ``materials`` sorted by span."""
    model = model or load_model()
    if _OFF or not model.enabled:
        return []
    taken = {c.sentence for c in candidates if c.issuer is not None} | (denied or set())
    # p >= threshold  <=>  log-odds >= logit(threshold): no exp per sentence
    cutoff = math.log(model.threshold / (1.0 - model.threshold)) if 0 < model.threshold < 1 \
        else (math.inf if model.threshold >= 1 else -math.inf)
    stream = token_stream(ctx.text)
    tokens, begins = stream.tokens, stream.begins
    out: list[Candidate] = []
    article: tuple[Counter[str], str | None] | None = None
    for index, sentence in enumerate(ctx.sentences):
        if sentence in taken:
            continue
        actors = ctx.actors_in(sentence.begin, sentence.end)
        if not actors:
            continue  # no actor, no issuer of its own: not worth scoring (speed)
        lo = bisect.bisect_left(begins, sentence.begin)
        hi = bisect.bisect_left(begins, sentence.end, lo)
        words = [t for t in tokens[lo:hi] if t.is_word]
        keys = [t.key for t in words]
        kinds = {m.type.value for m in actors}
        dates = len(ctx.dates_in(sentence.begin, sentence.end))
        score = model.detector.intercept + sentence_score(keys, kinds, dates,
                                                          model.detector.parts)
        if score < cutoff:
            continue  # the detector's probability is below the threshold
        features = sentence_features(keys, kinds, dates)
        kind = model.best_type(features)
        first, last = _head(model.types[kind], words, _spans_in(materials, sentence) +
                            [m.span for m in actors])
        head = Span.of(ctx.text, words[first].begin, words[last].end)
        c = Candidate(kind, head, sentence, head,
                      verbal=is_verbal(head.text, ctx, head.begin),
                      model_score=_logistic(score))
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
        if c.issuer is None or person_cannot_issue(ctx, c.type, c.issuer):
            continue  # precision: no measure without an issuer, a state's or a body's
        if c.issuer_demonym:
            # "prohibited from reaching Japanese military users", "Korean exports ... had
            # amounted to", "Turkish F-16s shot down": next to a word the model merely
            # weighed (not a measure noun the rules know), a nationality adjective says whose
            # users, exports or jets they are, not who took a measure
            continue
        if _joint_subject().search(ctx.text, sentence.begin, c.head.begin):
            continue  # "the two governments agreed to normalise ties": an agreement
        if any(m.start() <= c.head.begin < m.end() for m in
               _licence_count().finditer(ctx.text, sentence.begin, sentence.end)):
            continue  # "issued 164 export licences ... and refused 11": statistics
        if any(m.start() <= c.head.begin < m.end() for m in
               _licence_application().finditer(ctx.text, sentence.begin, sentence.end)):
            continue  # "said it had applied for two export licences": a firm's application
        if ctx.type_of(c.issuer) is ActorType.COMPANY:
            _public_partner(ctx, c)
        if ctx.type_of(c.issuer) is ActorType.COMPANY or _object_owner(ctx, c):
            # "Lotte agreed to swap a golf course", "placed nearly all of Wingtech's shares
            # under a trustee", "a duty took effect on Brazil's exports": the party a
            # measure is taken against, or its reaction, is not the issuer of one
            continue
        c.date = measure_date(ctx, c, statements, [c], dateline=dateline)
        c.status = measure_status(ctx, c)
        c.via = measure_via(ctx, c, according)
        c.covers = covered(ctx, c, materials, [])
        find_target(ctx, c, [])
        if c.target is not None and c.target == c.issuer:
            continue  # a measure against its own issuer: the issuer choice went wrong
        if is_long_past(ctx, c):
            c.status = MeasureStatus.HISTORICAL
        out.append(c)
    return out


# Left in code: prepositions and a noun phrase's length, grammar rather than words
_OBJECT_OPENING = re.compile(r"\b(?:on|of|against|to|into|from|for|with|over|at|under)\s+"
                             r"(?:[\w%-]+\s+){0,5}$", re.IGNORECASE)
"""A preposition and the words of its noun phrase before a possessor ("on a large share
of ")."""


@lru_cache(maxsize=1)
def _joint_subject() -> re.Pattern[str]:
    """A subject naming both parties (``[measures.issuers].joint_subjects``) and up to
    three words (auxiliaries, adverbs) before the head."""
    words = load_triggers().raw["measures"]["issuers"]["joint_subjects"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:[\w-]+\s+){0,3}$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _licence_count() -> re.Pattern[str]:
    """A verb granting a counted number of licences (``[measures.hedges].licence_grants``)
    through the licences: "issued 164 standard individual export licences"."""
    words = load_triggers().raw["measures"]["hedges"]["licence_grants"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:about\s+|some\s+|"
                      r"around\s+|nearly\s+|over\s+)?\d[\d,]*\s+(?:[\w()-]+\s+){0,5}?"
                      r"licen[cs]es\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _licence_application() -> re.Pattern[str]:
    """A licence governed by a verb of applying (``[measures.hedges].licence_applications``)
    before it ("applied for two export licences") or after it ("two licences it applied
    for"), through the licence noun."""
    verbs = "|".join(map(re.escape, load_triggers().raw["measures"]["hedges"][
        "licence_applications"]))
    return re.compile(r"\b(?:(?:" + verbs + r")\s+(?:[\w()-]+\s+){0,5}?licen[cs](?:es|e)\b|"
                      r"licen[cs](?:es|e)\s+(?:(?:it|they|we|he|she|the\s+\w+|that|which)\s+)?"
                      r"(?:had\s+|has\s+|have\s+)?(?:" + verbs + r"))", re.IGNORECASE)


_COORDINATION = re.compile(r"\s*(?:,|and|,\s+and)\s*")


def _public_partner(ctx: Context, c: Candidate) -> None:
    """A company acting together with a state or public body ("JOGMEC and Sojitz put $250
    million into ..."): the measure is the public partner's."""
    span = c.issuer_span
    if span is None:
        return
    for other in ctx.actors_in(c.sentence.begin, c.sentence.end):
        if ctx.type_of(other.name) not in (ActorType.STATE, ActorType.GOVERNMENT_BODY):
            continue
        lo, hi = (other.span.end, span.begin) if other.span.end <= span.begin else \
            (span.end, other.span.begin)
        if lo <= hi and _COORDINATION.fullmatch(ctx.text, lo, hi):
            c.issuer, c.issuer_span = other.name, other.span
            return


def _object_owner(ctx: Context, c: Candidate) -> bool:
    """Whether the issuer named in the sentence after the head owns a noun governed by a
    preposition ("took effect on a large share of Brazil's exports"): the party acted on,
    not the one acting."""
    span = c.issuer_span
    if span is None or span.begin < c.head.end:
        return False  # "on China's control list": the head is the possessed noun itself
    owner = span.text.endswith(("'s", "’s")) or \
        ctx.text.startswith(("'s", "’s"), span.end)
    return owner and _OBJECT_OPENING.search(
        ctx.text, max(c.sentence.begin, span.begin - 60), span.begin) is not None


def _choose_issuer(ctx: Context, c: Candidate, index: int, model: IssuerModel,
                   candidates: list[Candidate], counts: Counter[str],
                   main: str | None) -> None:
    """Give ``c`` the best scoring issuer candidate when its probability reaches the
    ranker's threshold (ties: the first listed)."""
    rule_issuers = [(o.issuer, o.type, o.sentence) for o in candidates if o.issuer is not None]
    best: tuple[float, IssuerCandidate] | None = None
    for cand in issuer_candidates(ctx, index, c.head.begin, c.type, rule_issuers, counts,
                                  main):
        p = model.ranker.probability(cand.features)
        if best is None or p > best[0]:
            best = (p, cand)
    if best is not None and best[0] >= model.threshold:
        c.issuer, c.issuer_span = best[1].name, best[1].span
        c.issuer_local = best[1].span is not None


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Closed-class words (actor data's ``function_words``, lower-cased, and the trigger
    data's ``learned_non_heads``: modals, "same"): never a head."""
    return frozenset(w.lower() for w in actor_data().lexicon.function_words) | \
        frozenset(FUNCTION_WORDS) | \
        frozenset(load_triggers().raw["measures"]["learned_non_heads"])


def _spans_in(materials: list[MaterialMention], sentence: Span) -> list[Span]:
    lo = bisect.bisect_left([m.span.begin for m in materials], sentence.begin)
    return [m.span for m in materials[lo:] if m.span.begin < sentence.end]


def _head(model: LinearModel, words: list[Token], names: list[Span]) -> tuple[int, int]:
    """The word (first, first) or two words (first, last) of a sentence adding most to the
    type model's score: a word by its own and its stem's weights, two by their bigram's.
    A head is a lower-case content word outside the actor and goods mentions ``names``:
    never a name, a month, a number, a material or a function word (those carry weight in
    the model but make a poor anchor for the issuer rules)."""
    weight = model.weights.get
    best, where = -math.inf, (0, 0)
    previous, fallback = "<s>", None
    closed = _function_words()
    for i, token in enumerate(words):
        key = token.key
        word = "<num>" if key.isdigit() else key
        usable = key.isalpha() and not token.is_capitalised and key not in closed and \
            not any(n.begin <= token.begin < n.end for n in names)
        if usable:
            if fallback is None:
                fallback = (i, i)
            single = weight(f"w:{word}", 0.0) + weight(f"s:{stem(word)}", 0.0)
            if single > best:
                best, where = single, (i, i)
            pair = weight(f"b:{previous}_{word}", 0.0)
            if i and pair > best and words[i - 1].key.isalpha() and \
                    not words[i - 1].is_capitalised and words[i - 1].key not in closed:
                best, where = pair, (i - 1, i)
        previous = word
    return where if best > -math.inf else (fallback or (0, 0))
