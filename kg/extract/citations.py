"""Find the outlets and organisations an article cites as its sources.

An article cites (``kg:cites``):

* every news outlet or agency it names ("according to Kyodo", "Xinhua criticized ...",
  "told Reuters"), except its own publisher;
* an organisation, company or government body only in a citing frame (words in the
  ``[citation]`` table of ``kg/data/actors.toml``): "according to Capital Economics",
  "data from the customs agency", "Capital Economics estimates", or relaying what a third
  party did ("The Chinese embassy said Wu rejected the protest").

People and states are never sources here: what they say is a statement
(:mod:`kg.extract.statements`), and a body acting ("the ministry protested") is not cited.
"""

from __future__ import annotations

from ..model import ActorMention, ActorType, Article, CitationMention
from .refdata import CitationFrames, Token, actor_data, tokenize

_NEVER_CITED = {ActorType.PERSON, ActorType.STATE}


def find_citations(article: Article, actors: list[ActorMention]) -> list[CitationMention]:
    """Return the outlets and organisations ``article`` cites, one per citing mention,
    sorted by span."""
    tokens = tokenize(article.text)
    by_begin = {t.begin: t.index for t in tokens}
    by_end = {t.end: t.index + 1 for t in tokens}
    frames = actor_data().citation
    publisher = (article.metadata.publisher or "").casefold()
    starts = {by_begin[a.span.begin]: a for a in actors if a.span.begin in by_begin}
    out: dict[tuple[int, int], CitationMention] = {}
    for mention in actors:
        if mention.type in _NEVER_CITED:
            continue
        if publisher and publisher in {mention.name.casefold(), mention.span.text.casefold()}:
            continue  # the article's own outlet is the article, not a cited source
        start = by_begin.get(mention.span.begin)
        end = by_end.get(mention.span.end)
        if start is None or end is None:
            continue
        if mention.type is ActorType.MEDIA or _cited(tokens, start, end, mention, frames,
                                                     starts):
            key = (mention.span.begin, mention.span.end)
            out.setdefault(key, CitationMention(name=mention.name, span=mention.span))
    return [out[k] for k in sorted(out)]


def _keys(tokens: tuple[Token, ...], begin: int, end: int) -> tuple[str, ...]:
    return tuple(t.key for t in tokens[max(begin, 0):min(end, len(tokens))])


def _cited(tokens: tuple[Token, ...], start: int, end: int, mention: ActorMention,
           frames: CitationFrames, starts: dict[int, ActorMention]) -> bool:
    """Whether the mention at tokens ``[start, end)`` sits in a citing frame."""
    begin = start - 1 if start and tokens[start - 1].key == "the" else start
    for size in range(1, frames.longest + 1):
        if _keys(tokens, begin - size, begin) in frames.before:
            return True
    after = end + 1 if end < len(tokens) and tokens[end].is_possessive else end
    for size in range(1, frames.longest + 1):
        if _keys(tokens, after, after + size) in frames.after:
            return True
    if begin and tokens[begin - 1].key in frames.not_after:
        return False  # "a spokesperson for the ministry said": the spokesperson speaks
    if end < len(tokens) and tokens[end].key in frames.relay_verbs:
        nxt = end + 1
        if nxt < len(tokens) and tokens[nxt].key == "that":
            nxt += 1
        other = starts.get(nxt)
        return other is not None and other.name != mention.name
    return False
