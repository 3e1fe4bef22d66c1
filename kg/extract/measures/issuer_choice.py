"""A learned choice of issuer for the measures the learned detector proposes.

The rules name an issuer from the sentence's grammar (:func:`.parties.local_issuer`); in a
sentence the rules' lexicon missed, that grammar is often not there (the head the detector
picks is a noun far from the actor, or the actor stands in the sentence before). This
module lists the actors that could have taken a proposed measure and describes each with
features a linear ranker (trained by :mod:`.train`, stored in the model file's ``issuer``
part) scores:

``src:<where>``   where the candidate comes from: ``sent`` (named in the sentence),
                  ``prev1``/``prev2`` (named one or two sentences before, same paragraph),
                  ``topic`` (the paragraph's current state, :func:`.agents.current_state`),
                  ``main`` (the state the article names most), ``rule`` (the issuer of a
                  rule measure elsewhere in the article)
``t:<type>``      the actor's type; ``k:<measure type>|<actor type>`` crossed with the
                  proposed type
``side:<b|a>``, ``d:<bucket>``  before or after the anchor (the detector's head), and how
                  many tokens away (nearest mention in the sentence)
``initial``, ``poss``, ``by``, ``verb``, ``prep``, ``subj``  the mention opens the
                  sentence; is a possessive ("X's"); follows "by"; is followed by a
                  verb-like word (a crude subject); follows a preposition that usually
                  introduces a target ("against X"); is an eligible subject
                  (:meth:`~kg.extract.context.Context.is_eligible_subject`)
``is:topic``, ``is:main``, ``rule:any``, ``rule:family``  the candidate is also the
                  paragraph's state, the article's main state, the issuer of another rule
                  measure (of the same family)
``n:<bucket>``    how often the article names it

The feature recipe is :data:`ISSUER_FEATURE_VERSION`; the same function describes
candidates at training and run time.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence

from ...model import ActorMention, ActorType, MeasureType, Span
from ..context import Context
from ..gazetteer import Token, token_stream
from ..triggers import load_triggers
from .agents import current_state
from .candidate import family
from .parties import issuer_name

__all__ = ["ISSUER_FEATURE_VERSION", "IssuerCandidate", "issuer_candidates", "main_state"]

ISSUER_FEATURE_VERSION = "issuer-where-type-position-cues/1"
"""Changes whenever :func:`issuer_candidates` would describe a candidate differently."""

_BEFORE_SENTENCES = 2
_TARGET_PREPOSITIONS = frozenset(load_triggers().raw["prepositions"]["measure_targets"])
_AUXILIARIES = frozenset({"will", "would", "could", "may", "might", "can", "should", "must",
                          "has", "have", "had", "is", "was", "are", "were", "did", "does",
                          "also", "then", "later", "now", "already", "on", "last", "this"})


class IssuerCandidate:
    """One actor that could have taken a proposed measure, with its features."""

    __slots__ = ("features", "name", "span")

    def __init__(self, name: str, span: Span | None) -> None:
        self.name = name
        self.span = span
        self.features: set[str] = set()


def main_state(ctx: Context) -> str | None:
    """The state the article names most (through states, bodies and persons whose state is
    known), None on a tie or when it names none."""
    votes: Counter[str] = Counter()
    for mention in ctx.actors_in(0, len(ctx.text)):
        if mention.type is ActorType.MEDIA:
            continue
        state = ctx.state_of(mention.name)
        if state is not None:
            votes[state] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else \
        "9-15" if n <= 15 else "16+"


def issuer_candidates(ctx: Context, sentence: int, anchor: int, kind: MeasureType,
                      rule_issuers: Iterable[tuple[str, MeasureType, Span]],
                      counts: Counter[str], main: str | None) -> list[IssuerCandidate]:
    """The candidates for the issuer of a measure of ``kind`` anchored at offset ``anchor``
    in ``ctx.sentences[sentence]``; ``rule_issuers`` the (issuer, type, sentence) of the
    rules' measures of the article, ``counts`` how often the article names each actor and
    ``main`` its :func:`main_state`."""
    span = ctx.sentences[sentence]
    stream = token_stream(ctx.text)
    begins, tokens = stream.begins, stream.tokens
    at = bisect.bisect_left(begins, anchor)
    first = bisect.bisect_left(begins, span.begin)
    out: dict[str, IssuerCandidate] = {}
    nearest: dict[str, int] = {}

    def add(name: str, mention_span: Span | None, source: str) -> IssuerCandidate | None:
        issuer = issuer_name(ctx, kind, name)
        if issuer is None:
            return None
        cand = out.get(issuer)
        if cand is None:
            cand = out[issuer] = IssuerCandidate(issuer, mention_span)
        cand.features.add(f"src:{source}")
        return cand

    for mention in ctx.actors_in(span.begin, span.end):
        cand = add(mention.name, mention.span, "sent")
        if cand is None:
            continue
        _describe(ctx, cand, mention, tokens, begins, first, at)
        distance = abs(bisect.bisect_left(begins, mention.span.begin) - at)
        if distance < nearest.get(cand.name, 1 << 30):
            nearest[cand.name] = distance
            cand.span = mention.span
    paragraph = ctx.paragraph_of(span.begin)
    for back in range(1, _BEFORE_SENTENCES + 1):
        if sentence - back < 0:
            break
        previous = ctx.sentences[sentence - back]
        if paragraph is None or previous.begin < paragraph.begin:
            break
        for mention in ctx.actors_in(previous.begin, previous.end):
            cand = add(mention.name, None, f"prev{back}")
            if cand is not None and ctx.is_eligible_subject(mention):
                cand.features.add(f"subj:prev{back}")
    topic = current_state(ctx, anchor)
    if topic is not None:
        add(topic, None, "topic")
    if main is not None:
        add(main, None, "main")
    here = family(kind)
    ruled: dict[str, IssuerCandidate | None] = {}  # add() once per name, not per measure
    for name, rule_kind, where in rule_issuers:
        if where == span:
            continue  # the sentence's own rule measures say nothing new (and leak in training)
        if name in ruled:
            cand = ruled[name]
        else:
            cand = ruled[name] = add(name, None, "rule")
        if cand is not None and family(rule_kind) == here:
            cand.features.add("rule:family")
    for cand in out.values():
        kind_of = ctx.type_of(cand.name)
        actor_type = kind_of.value if kind_of is not None else "unknown"
        cand.features.add(f"t:{actor_type}")
        cand.features.add(f"k:{kind.value}|{actor_type}")
        cand.features.add(f"n:{_bucket(counts.get(cand.name, 0))}")
        if cand.name in nearest:
            cand.features.add(f"d:{_bucket(nearest[cand.name])}")
        if cand.name == topic:
            cand.features.add("is:topic")
        if cand.name == main:
            cand.features.add("is:main")
        if "src:rule" in cand.features:
            cand.features.add("rule:any")
    return list(out.values())


def _describe(ctx: Context, cand: IssuerCandidate, mention: ActorMention,
              tokens: Sequence[Token], begins: Sequence[int], first: int, at: int) -> None:
    """Add the position and grammar cues of one mention in the proposal's own sentence."""
    i = bisect.bisect_left(begins, mention.span.begin)
    j = bisect.bisect_left(begins, mention.span.end)
    features = cand.features
    features.add("side:b" if i < at else "side:a")
    if i - first <= 1:
        features.add("initial")
    if mention.span.text.endswith(("'s", "’s")) or ctx.text.startswith(("'s", "’s"),
                                                                        mention.span.end):
        features.add("poss")
    before = next((t for t in reversed(tokens[max(first, i - 2):i]) if t.is_word), None)
    if before is not None:
        if before.key == "by":
            features.add("by")
        elif before.key in _TARGET_PREPOSITIONS:
            features.add("prep")
    after = next((t for t in tokens[j:j + 2] if t.is_word), None)
    if after is not None and not after.is_capitalised and (
            after.key in _AUXILIARIES or after.key.endswith(("ed", "s"))):
        features.add("verb")
    if ctx.is_eligible_subject(mention):
        features.add("subj")
