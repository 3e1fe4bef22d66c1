"""Which body a generic term names: the bodies the actor rules refer back to.

A bare generic body ("the ministry", "the trade ministry", "Cabinet") is resolved, left to
right (:func:`kg.extract.actors._refer_back`), by the first of these that answers:

* :func:`sentence_state_body` - in a sentence about a state with no body of its kind, that
  state's body when the tables list it ("In Tokyo, the foreign ministry said ...");
* :func:`latest_body` - the latest body of its kind named before it (a capitalised term
  only one whose names hold its words: "the Ministry of Commerce" is not the Department of
  Commerce), or the body a known person named before it speaks for;
* :func:`body_of_person_after` - the body of a known official named later in the sentence;
* :func:`chamber_body` - a bare chamber: the chamber of the legislature named before it;
* :func:`implied_body` - the one body of the article's states whose own name holds it;
* :func:`dateline_body` - in a report filed from a capital, that state's body.

:func:`embassy_host` gives an embassy named without its host ("the Japanese Embassy") the
state the article names most, in place, so that "the embassy" later names it hosted.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import ActorType, CandidateLink
from .actor_context import ActorContext, Found, Pending, state_of
from .actor_shared_names import publisher_entry, translated_from
from .refdata import ActorAlias, tokenize
from .triggers import load_triggers


def of_kind(ctx: ActorContext, kinds: tuple[str, ...], kind_id: str) -> bool:
    """Whether a body of ``kinds`` is one a term of ``kind_id`` may name ("the ministry":
    any ministry)."""
    spec = ctx.data.kinds[kind_id]
    generic = spec.id == spec.family
    return kind_id in kinds or generic and any(ctx.data.kinds[k].family == spec.family
                                               for k in kinds)


def latest_body(ctx: ActorContext, resolved: list[Found], item: Pending) -> Found | None:
    """The body a pending generic term refers back to.

    The latest body of its kind named before it, unless a known person named earlier in
    the same sentence speaks for a body of that kind ("Masaaki Kanai, director-general of
    the foreign ministry's ... Bureau"); with no body named before, the body a known
    person named before it speaks for ("Spokesperson He Yongqian ... the Ministry of
    Commerce").
    """
    if item.kind is None:
        return None
    words = _capital_words(ctx, item)
    for found in reversed(resolved):
        if found.type is ActorType.PERSON:
            if same_sentence(ctx, found.end, item.start):
                body = _spoken_for(ctx, found, item)
                if body is not None:
                    return body
            continue
        if not found.kinds or (item.state and found.state != item.state):
            continue
        if of_kind(ctx, found.kinds, item.kind) and _named_with(ctx, found.name, words):
            return _switched(ctx, resolved, item, found)
    for found in reversed(resolved):
        body = _spoken_for(ctx, found, item) if found.type is ActorType.PERSON else None
        if body is not None:
            return body
    return None


def _switched(ctx: ActorContext, resolved: list[Found], item: Pending,
              found: Found) -> Found | None:
    """The body a term refers back to, unless the text has moved to another state.

    A specific term ("the trade ministry") that the article has not used for the latest
    body of its kind, after another state is named ("... the Nikkei reported; the trade
    ministry has begun asking manufacturers" after "Beijing's commerce ministry" and then
    Tokyo): when the term's own words are in the name of that state's body and not in the
    earlier body's, it names that state's body; otherwise the reference is unsure, and the
    earlier body stays a scored candidate (:class:`~kg.model.CandidateLink`), not a merge.
    """
    spec = ctx.data.kinds[item.kind or ""]
    if spec.id == spec.family or found.state is None:
        return found  # "the ministry": the latest ministry
    term = _content_words(ctx, item.start, item.end)
    earlier = [f for f in resolved if f.name == found.name]
    if any(term <= _content_words(ctx, f.start, f.end) for f in earlier):
        return found  # the article's own name for it
    since = earlier[-1].end
    last_state = next((f.name for f in reversed(resolved) if f.start >= since
                       and f.type is ActorType.STATE), None)
    if last_state is None or last_state == found.state:
        return found
    other = ctx.data.entries.get(ctx.data.body_by_state_kind.get((last_state, item.kind or
                                                                   ""), ""))
    if other is None:
        return found
    if _words_in(ctx, other.name, term) and not _words_in(ctx, found.name, term):
        return Found(other.name, other.type, item.start, item.end, known=True,
                     part_of=other.part_of, kinds=other.kinds, state=last_state,
                     apposition=False)
    ctx.candidates.append(CandidateLink(ctx.span(item.start, item.end), found.name, 0.5))
    return None


def _content_words(ctx: ActorContext, begin: int, end: int) -> frozenset[str]:
    """The words of a body's mention, less function words and possessives."""
    return frozenset(t.key for t in ctx.tokens[begin:end]
                     if t.key not in _FUNCTION and not t.is_possessive and t.key.isalpha())


_FUNCTION = frozenset({"the", "of", "and", "for"})


def _words_in(ctx: ActorContext, name: str, words: frozenset[str]) -> bool:
    """Whether every word of ``words`` is in one of the entry's names."""
    entry = ctx.data.entries.get(name)
    names = entry.names() if entry is not None else [name]
    return any(words <= {t.key for t in tokenize(n)} for n in names)


def _capital_words(ctx: ActorContext, item: Pending) -> list[str]:
    """The capitalised words of a term as the text writes it ("Cabinet", "Commerce
    Ministry"): a body it refers to must have them in one of its names ("the Ministry of
    Commerce" is not the Department of Commerce, "Cabinet" not the State Council)."""
    return [t.text.casefold() for t in ctx.tokens[item.start:item.end]
            if t.is_capitalised and t.key != "the"]


def _named_with(ctx: ActorContext, name: str, words: list[str]) -> bool:
    if not words:
        return True
    entry = ctx.data.entries.get(name)
    names = entry.names() if entry is not None else [name]
    return any(all(w in n.casefold().split() for w in words) for n in names)


_VERB_GAP = 3
"""Tokens between a person and a term that is the object of their verb ("told the")."""
_PLACE_PREPOSITIONS = frozenset(load_triggers().raw["prepositions"]["person_places"])
"""Words after a person that make the term after them a place the person is taken to or
met at, not the person's own body."""


def sentence_state_body(ctx: ActorContext, resolved: list[Found],
                         item: Pending) -> Found | None:
    """A bare term in a sentence about a state, with no body of its kind in that sentence:
    that state's body, when the tables list it ("In Tokyo, the foreign ministry said ...",
    "Japan's top government spokesman ... said ..., and the trade ministry is contacting
    companies", "South Korea is monitoring ..., the trade ministry said").  The first state
    the sentence names (or the state of the first person or body it names) is what the
    sentence is about."""
    if item.kind is None or item.state is not None or ctx.data.kinds[item.kind].id == \
            ctx.data.kinds[item.kind].family:
        return None  # "the ministry" alone says too little
    if any(ctx.keys[item.end:item.end + size] in ctx.data.citation.documents
           for size in (1, 2)):
        return None  # "according to customs figures": whose, the sentence does not say
    state = None
    for index, found in enumerate(reversed(resolved)):
        if not same_sentence(ctx, found.end, item.start):
            break
        if index == 0 and found.type is ActorType.PERSON and found.known \
                and item.start - found.end <= _VERB_GAP \
                and ctx.tokens[found.end].is_word \
                and ctx.key(found.end) not in _PLACE_PREPOSITIONS:
            # "Prime Minister Sanae Takaichi told parliament": the speaker's own (not
            # "summoned Ambassador Wu to the Foreign Ministry" or "... protest with
            # Ambassador Wu, the Foreign Ministry says": there the person is an object,
            # and the sentence's first state is the host's)
            state = state_of(ctx.data, found.affiliation or "") or found.state
            if state is not None:
                break
        if found.kinds and of_kind(ctx, found.kinds, item.kind):
            return None  # a body of its kind in the sentence: the usual reference
        own = found.name if found.type is ActorType.STATE or _state_like(ctx, found.name) else (
            found.state or (state_of(ctx.data, found.affiliation or "")
                            if found.type is ActorType.PERSON and found.known else None))
        if own is not None:
            state = own
    if state is None:
        return None
    name = ctx.data.body_by_state_kind.get((state, item.kind))
    entry = ctx.data.entries.get(name or "")
    if entry is None or not _named_with(ctx, entry.name, _capital_words(ctx, item)):
        return None
    return Found(entry.name, entry.type, item.start, item.end, known=True,
                 part_of=entry.part_of, kinds=entry.kinds, state=state, apposition=False)


def _state_like(ctx: ActorContext, name: str) -> bool:
    """A union of states with bodies of its own, named with a demonym as states are (the
    EU: "EU and Japanese officials ..., according to a Commission official")."""
    entry = ctx.data.entries.get(name)
    return entry is not None and bool(entry.demonyms)


def body_of_person_after(ctx: ActorContext, item: Pending) -> Found | None:
    """"According to Ministry of Foreign Affairs, on 6th, Director-General Kanai Masaaki
    protested ...": with nothing before to refer to, the body a known person named later in
    the same sentence speaks for."""
    if item.kind is None:
        return None
    for found in sorted(ctx.found, key=lambda f: f.start):
        if found.start < item.end or found.type is not ActorType.PERSON:
            continue
        if not same_sentence(ctx, item.end, found.start):
            return None
        body = _spoken_for(ctx, found, item)
        if body is not None:
            return body
    return None


def _spoken_for(ctx: ActorContext, person: Found, item: Pending) -> Found | None:
    """The reference body of the pending term's kind a known person belongs to."""
    entry = ctx.data.entries.get(person.name) if person.known else None
    body = ctx.data.entries.get(entry.affiliation or "") if entry is not None else None
    if body is None or not body.kinds or item.kind is None \
            or not of_kind(ctx, body.kinds, item.kind) \
            or not _named_with(ctx, body.name, _capital_words(ctx, item)):
        # "the Ministry of Commerce" after the US commerce secretary is not his department
        return None
    state = state_of(ctx.data, body.name)
    if item.state and state != item.state:
        return None
    return Found(body.name, body.type, item.start, item.end, known=True, part_of=body.part_of,
                 kinds=body.kinds, state=state, apposition=False)


def same_sentence(ctx: ActorContext, begin: int, end: int) -> bool:
    """Whether no sentence ends between tokens ``begin`` and ``end``."""
    return not any(_ends_sentence(ctx, k) or ctx.tokens[k].newline_before
                   for k in range(begin, min(end + 1, len(ctx.tokens))))


def _ends_sentence(ctx: ActorContext, k: int) -> bool:
    """Whether token ``k`` ends a sentence: not the point of "42.7%" or "U.S." (glued to
    what follows), nor one before a lower-case word ("U.S. officials"), nor one of an
    abbreviation before a number ("Dec. 30", "No. 2")."""
    key = ctx.key(k)
    if key not in {".", "!", "?", ";"}:
        return False
    if key != "." or k + 1 >= len(ctx.tokens):
        return True
    nxt = ctx.tokens[k + 1]
    if nxt.begin == ctx.tokens[k].end or nxt.text[:1].islower():
        return False
    before = ctx.tokens[k - 1].text if k else ""
    # "Dec. 30", "No. 2": an abbreviation before a number; "related. 14th, ..." ends
    return not (nxt.text[:1].isdigit() and before.isalpha() and before[:1].isupper()
                and len(before) <= 4)


def implied_body(ctx: ActorContext, item: Pending, states: Counter[str]) -> Found | None:
    """A bare generic body with nothing of its kind named before it: the one body of the
    article's states whose own name holds the term ("The cabinet approves ...": Cabinet of
    Japan, as China's is the State Council).  Anything less certain is left out (two
    states with customs: "customs data" does not say whose)."""
    if item.kind is None or item.state is not None:
        return None
    term = tuple(t.key for t in ctx.tokens[item.start:item.end] if t.key != "the")
    bodies = set()
    for state in states:
        for kind in ctx.data.kinds:
            name = ctx.data.body_by_state_kind.get((state, kind))
            if name is not None and of_kind(ctx, ctx.data.entries[name].kinds, item.kind) \
                    and any(_holds(alias, term) for alias in ctx.data.entries[name].names()):
                bodies.add(name)
    if len(bodies) != 1:
        return None
    entry = ctx.data.entries[bodies.pop()]
    return Found(entry.name, entry.type, item.start, item.end, known=True,
                 part_of=entry.part_of, kinds=entry.kinds, state=state_of(ctx.data, entry.name),
                 apposition=False)


def previous_sentence_body(ctx: ActorContext, resolved: list[Found],
                           item: Pending) -> Found | None:
    """A bare specific term ("the education ministry", "its commerce ministry") in a
    sentence that names no state, right after a sentence of the same paragraph about one
    state only ("Last Friday, China's foreign ministry ... advised citizens to avoid
    Japan.  The education ministry followed on Sunday ..."): the text goes on about that
    state, so the term names its body when the tables list it."""
    if item.kind is None or item.state is not None or ctx.data.kinds[item.kind].id == \
            ctx.data.kinds[item.kind].family:
        return None
    if not {ctx.key(item.start), ctx.key(item.start - 1)} & {"the", "its", "their"} \
            or any(ctx.keys[item.end:item.end + size] in ctx.data.citation.documents
                   for size in (1, 2)):
        return None  # "customs data", "reports of customs holds": a modifier, no body
    begin = _sentence_start(ctx, item.start)
    if begin == 0 or ctx.tokens[begin].newline_before:
        return None  # the paragraph's first sentence: nothing before to go on from
    previous = _sentence_start(ctx, begin - 1)
    states = set()
    for found in resolved:
        if found.start >= begin:
            return None  # the sentence names an actor of its own before the term
        if found.start >= previous and ctx.key(found.start - 1) not in _OBJECT_PREPOSITIONS:
            # (not "steer clear of Japan": a state after a preposition is no topic)
            own = found.name if found.type is ActorType.STATE else (
                found.state or (state_of(ctx.data, found.affiliation or "")
                                if found.type is ActorType.PERSON and found.known else None))
            if own is not None:
                states.add(own)
    if len(states) != 1:
        return None
    state = states.pop()
    entry = ctx.data.entries.get(ctx.data.body_by_state_kind.get((state, item.kind), ""))
    if entry is None or not _named_with(ctx, entry.name, _capital_words(ctx, item)):
        return None
    return Found(entry.name, entry.type, item.start, item.end, known=True,
                 part_of=entry.part_of, kinds=entry.kinds, state=state, apposition=False)


def possessive_opening_body(ctx: ActorContext, resolved: list[Found],
                            item: Pending) -> Found | None:
    """"Tokyo's reaction has been theatrical. Its Foreign Ministry summoned ...": a specific
    term after "its"/"their" opening its sentence names the body of the state the sentence
    before is about (:func:`previous_sentence_body`), before any body of its kind named
    earlier in the article (another state's foreign ministry)."""
    for k in (item.start, item.start - 1):
        if k >= 0 and ctx.key(k) in ("its", "their") and _sentence_start(ctx, k) == k:
            return previous_sentence_body(ctx, resolved, item)
    return None


_OBJECT_PREPOSITIONS = frozenset(load_triggers().raw["prepositions"]["state_objects"])


def _sentence_start(ctx: ActorContext, k: int) -> int:
    """The first token of the sentence holding token ``k``."""
    while k > 0 and not ctx.tokens[k].newline_before and not _ends_sentence(ctx, k - 1):
        k -= 1
    return k


_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Za-z.' -]{1,30}?)(?P<place>,[^\n—–()]{1,30}?)?[ \t]*"
    r"(?P<agency>\([^()\n]{1,30}\)[ \t]*)?(?:—|–|--|-)[ \t]")
_DATELINE_LINES = 3


def find_dateline(ctx: ActorContext) -> tuple[int, int, str] | None:
    """The capital city opening a wire dateline in the first lines ("SEOUL, Jan. 8 (Yonhap)
    --", "TOKYO —", "Beijing, Jan. 8 (Xinhua) --") and its state.  The city must be in
    capitals or followed by an agency or a date, so that a headline opening with a capital
    ("Beijing, Tokyo trade barbs -") is not taken for one."""
    lines = 0
    for tok in ctx.tokens:
        if tok.index and tok.newline_before:
            lines += 1
        if lines >= _DATELINE_LINES:
            return None
        if tok.index and not tok.newline_before:
            continue
        m = _DATELINE.match(ctx.text, tok.begin)
        match = ctx.match_at.get(tok.index)
        alias = ctx.payload(match, ActorAlias)
        if m is None or match is None or alias is None or not alias.capital:
            continue
        if ctx.tokens[match.end - 1].end > m.end("city"):
            continue
        city = m.group("city")
        if city.isupper() or m.group("agency") or (m.group("place") or "").strip(", ")[:1] \
                .isupper() and any(ch.isdigit() for ch in m.group("place") or ""):
            return match.start, match.end, alias.name
    return None


def dateline_body(ctx: ActorContext, item: Pending) -> Found | None:
    """A bare generic body with nothing to refer back to, in a report filed from a capital:
    that state's body ("SEOUL ... -- ..., the trade ministry said"), when its names hold the
    capitalised words of the term (not "the Ministry of Commerce" in a Washington report)."""
    if ctx.dateline is None or item.kind is None or item.state is not None \
            or not ctx.data.kinds[item.kind].refers_back:
        return None
    # "WASHINGTON -- ... the Ministry of Commerce": not the Department
    return _state_body(ctx, item, item.kind, ctx.dateline[2])


def home_state_body(ctx: ActorContext, item: Pending) -> Found | None:
    """A bare generic body with nothing to refer back to, in an article whose own origin
    names one state: translated from that state's language ("publisher: Kurier Gospodarczy
    (machine translation from Polish)" ... "According to the data of the Ministry of
    Agriculture"), or published by one of its bodies (a METI release citing "the Trade
    Statistics of the Ministry of Finance").  The text is that state's own, as a report
    filed from its capital is (:func:`dateline_body`), when the text names that state (a
    language is spoken in more than one); the term's capitalised words must be held by the
    body's name (a translation's "Ministry of Trade" is no "Ministry of Commerce")."""
    if item.kind is None or item.state is not None \
            or not ctx.data.kinds[item.kind].refers_back \
            or ctx.data.kinds[item.kind].id == ctx.data.kinds[item.kind].family:
        return None  # "the ministry" alone says too little
    state = translated_from(ctx)
    if state is not None and not any(f.name == state or f.state == state for f in ctx.found):
        # a language is no state ("translated from Spanish" in a report on Colombia): the
        # text must name the state of its language
        state = None
    if state is None:
        publisher = publisher_entry(ctx)
        state = state_of(ctx.data, publisher) if publisher is not None else None
    return _state_body(ctx, item, item.kind, state) if state is not None else None


def chamber_body(ctx: ActorContext, resolved: list[Found], item: Pending) -> Found | None:
    """A bare chamber ("the Senate", "the House of Representatives") after a legislature
    named with its state ("the Philippine Congress", "Colombia's Congress"): that state's
    chamber, listed or by the template, rather than the one of a state the tables happen to
    list chambers for (the latest legislature named before it decides)."""
    if item.kind is None or item.state is not None:
        return None
    spec = ctx.data.kinds[item.kind]
    if not spec.chamber_of:
        return None
    house = next((f for f in reversed(resolved) if f.state and f.type is not ActorType.PERSON
                  and any(k in spec.chamber_of for k in f.kinds)), None)
    if house is None or house.state is None:
        return None
    return _state_body(ctx, item, item.kind, house.state)


def _state_body(ctx: ActorContext, item: Pending, kind: str, state: str) -> Found | None:
    """``state``'s body of ``kind`` (listed, or by a template that needs no host) as a
    mention at ``item``, when its names hold the capitalised words of the item's term."""
    spec = ctx.data.kinds[kind]
    name = ctx.data.body_by_state_kind.get((state, kind))
    if name is None and spec.template and "{host}" not in spec.template:
        name = ctx.data.body_name(kind, state)
    if not name or not _named_with(ctx, name, _capital_words(ctx, item)):
        return None
    entry = ctx.data.entries.get(name)
    return Found(name, spec.type, item.start, item.end, known=entry is not None,
                 part_of=entry.part_of if entry else state,
                 kinds=entry.kinds if entry else (kind,), state=state, apposition=False)


def _holds(alias: str, term: tuple[str, ...]) -> bool:
    """Whether the words of ``term`` occur, in a row, in ``alias``."""
    words = tuple(t.key for t in tokenize(alias))
    return any(words[k:k + len(term)] == term for k in range(len(words) - len(term) + 1))


def embassy_host(ctx: ActorContext, item: Pending, counts: Counter[str]) -> None:
    """An embassy with no host named is in the state the article names most."""
    if item.found is None or item.state is None or item.kind is None:
        return
    first: dict[str, int] = {}  # where each name (or state) is first found: one pass
    for f in ctx.found:
        for key in (f.name, f.state):
            if key is not None and f.start < first.get(key, f.start + 1):
                first[key] = f.start
    others = [(n, -first[n]) for n in counts if n and n != item.state]
    if not others:
        return
    host = max(others, key=lambda o: (counts[o[0]], o[1]))[0]
    found = item.found
    name = ctx.data.body_name(item.kind, item.state, host)
    if name:  # in place: "the embassy" later refers back to this very mention, hosted
        found.name, found.known = name, name in ctx.data.entries
