"""Find the outlets and organisations an article cites as its sources.

An article cites (``kg:cites``):

* every news outlet or agency it names ("according to Kyodo", "Xinhua criticized ...",
  "told Reuters"), except its own publisher -- the header's ``publisher`` or the agency of
  its own dateline ("TOKYO, Jan 9 (Reuters) -");
* an organisation, company or government body only in a citing frame (words in the
  ``[citation]`` table of ``kg/data/actors.toml``): "according to Capital Economics",
  "data from the customs agency", "analysts at Halden Cross Advisory", "Capital Economics
  estimates" (also past an apposition: "the institute, a Singapore-based think tank,
  estimated"), or relaying what a third party did ("The Chinese embassy said Wu rejected
  the protest");
* the organisation of a person cited by "according to" ("according to Kenta Ogawa, a
  senior fellow at the Tokyo Institute for Resource Policy"): the person's words are a
  statement, the organisation the source.

People and states are never sources here: what they say is a statement
(:mod:`kg.extract.statements`), and a body acting ("the ministry protested") is not cited.
"""

from __future__ import annotations

from ..model import ActorMention, ActorType, Article, CitationMention
from .refdata import CitationFrames, Token, actor_data, tokenize

_NEVER_CITED = {ActorType.PERSON, ActorType.STATE}
_DATELINE_LINES = 3
"""Lines from the top of an article where a wire dateline ("TOKYO, Jan 9 (Reuters) -")
may stand."""
_DASHES = {"-", "–", "—"}
_APPOSITION_MAX = 12
"""Tokens an apposition between a cited organisation and its verb may hold."""
_EMPLOYER_LINKS = {"at", "of", "with", "from"}
_CLAUSE_END = {".", ";", "!", "?", "(", ")", "“", "”", '"'}


def find_citations(article: Article, actors: list[ActorMention]) -> list[CitationMention]:
    """Return the outlets and organisations ``article`` cites, one per citing mention,
    sorted by span."""
    tokens = tokenize(article.text)
    by_begin = {t.begin: t.index for t in tokens}
    by_end = {t.end: t.index + 1 for t in tokens}
    frames = actor_data().citation
    placed = [a for a in actors if a.span.end > a.span.begin]
    own = _own_publishers(article, tokens, placed, by_begin, by_end)
    starts = {by_begin[a.span.begin]: a for a in placed if a.span.begin in by_begin}
    out: dict[tuple[int, int], CitationMention] = {}
    for mention in placed:
        start = by_begin.get(mention.span.begin)
        end = by_end.get(mention.span.end)
        if start is None or end is None:
            continue
        if mention.type is ActorType.PERSON:
            cited = _organisation_of_cited_person(tokens, start, end, frames, starts)
            if cited is not None and cited.name.casefold() not in own:
                key = (cited.span.begin, cited.span.end)
                out.setdefault(key, CitationMention(name=cited.name, span=cited.span))
            continue
        if mention.type in _NEVER_CITED:
            continue
        if own & {mention.name.casefold(), mention.span.text.casefold()}:
            continue  # the article's own outlet is the article, not a cited source
        if mention.type is ActorType.MEDIA or _cited(tokens, start, end, mention, frames,
                                                     starts):
            key = (mention.span.begin, mention.span.end)
            out.setdefault(key, CitationMention(name=mention.name, span=mention.span))
    return [out[k] for k in sorted(out)]


def _own_publishers(article: Article, tokens: tuple[Token, ...], actors: list[ActorMention],
                    by_begin: dict[int, int], by_end: dict[int, int]) -> set[str]:
    """Names of the article's own publisher: the header's, and an outlet in parentheses in
    a dateline at the top, followed by a dash ("TOKYO, Jan 9 (Reuters) -")."""
    own = set()
    if article.metadata.publisher:
        own.add(article.metadata.publisher.casefold())
    lines = 0
    limit = len(tokens)
    for t in tokens:
        lines += t.newline_before
        if lines > _DATELINE_LINES:
            limit = t.index
            break
    for mention in actors:
        start = by_begin.get(mention.span.begin)
        end = by_end.get(mention.span.end)
        if mention.type is not ActorType.MEDIA or start is None or end is None \
                or end >= limit or start == 0:
            continue
        if tokens[start - 1].text == "(" and end + 1 < len(tokens) \
                and tokens[end].text == ")" and tokens[end + 1].text in _DASHES:
            own.update({mention.name.casefold(), mention.span.text.casefold()})
    return own


def _keys(tokens: tuple[Token, ...], begin: int, end: int) -> tuple[str, ...]:
    return tuple(t.key for t in tokens[max(begin, 0):min(end, len(tokens))])


def _frame_before(tokens: tuple[Token, ...], start: int, frames: CitationFrames) -> bool:
    begin = start - 1 if start and tokens[start - 1].key == "the" else start
    return any(_keys(tokens, begin - size, begin) in frames.before
               for size in range(1, frames.longest + 1))


def _cited(tokens: tuple[Token, ...], start: int, end: int, mention: ActorMention,
           frames: CitationFrames, starts: dict[int, ActorMention]) -> bool:
    """Whether the mention at tokens ``[start, end)`` sits in a citing frame."""
    if _frame_before(tokens, start, frames):
        return True
    after = end + 1 if end < len(tokens) and tokens[end].is_possessive else end
    after = _past_apposition(tokens, after)
    for size in range(1, frames.longest + 1):
        if _keys(tokens, after, after + size) in frames.after:
            return True
    begin = start - 1 if start and tokens[start - 1].key == "the" else start
    if begin and tokens[begin - 1].key in frames.not_after:
        return False  # "a spokesperson for the ministry said": the spokesperson speaks
    if end < len(tokens) and tokens[end].key in frames.relay_verbs:
        nxt = end + 1
        if nxt < len(tokens) and tokens[nxt].key == "that":
            nxt += 1
        other = starts.get(nxt)
        return other is not None and other.name != mention.name
    return False


def _past_apposition(tokens: tuple[Token, ...], i: int) -> int:
    """The token after ", a Singapore-based think tank," at ``i``, else ``i``."""
    if i + 1 >= len(tokens) or tokens[i].text != "," \
            or tokens[i + 1].key not in {"a", "an", "the"}:
        return i
    for j in range(i + 2, min(i + 2 + _APPOSITION_MAX, len(tokens))):
        if tokens[j].text in _CLAUSE_END:
            return i
        if tokens[j].text == ",":
            return j + 1
    return i


def _organisation_of_cited_person(tokens: tuple[Token, ...], start: int, end: int,
                                  frames: CitationFrames,
                                  starts: dict[int, ActorMention]) -> ActorMention | None:
    """"according to Kenta Ogawa, a senior fellow at the Tokyo Institute ...": the
    organisation the apposition names, when a citing frame introduces the person."""
    if not _frame_before(tokens, start, frames) or end + 1 >= len(tokens):
        return None
    if tokens[end].key in _EMPLOYER_LINKS:
        # "according to Hiroshi Tanaka of Mizuho Research"
        nxt = end + 2 if tokens[end + 1].key == "the" else end + 1
        other = starts.get(nxt)
        return other if other is not None and other.type not in _NEVER_CITED else None
    if tokens[end].text != ",":
        return None
    for j in range(end + 1, min(end + 1 + _APPOSITION_MAX, len(tokens))):
        if tokens[j].text in _CLAUSE_END or tokens[j].text == ",":
            return None
        other = starts.get(j)
        if other is None:
            continue
        if other.type in _NEVER_CITED:
            return None
        preposition = tokens[j - 1].key if tokens[j - 1].key != "the" else tokens[j - 2].key
        return other if preposition in _EMPLOYER_LINKS else None
    return None
