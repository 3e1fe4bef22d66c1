"""Find the actors an article names: states, government bodies, companies, media, people.

One scan of the article's tokens against the reference data's trie
(:mod:`kg.extract.refdata`) finds known names, nationality words, generic body names
("foreign ministry"), titles and courtesy titles.  Rules then combine them, in three
passes:

1. *Compositions and patterns*, independent of order: a state before a generic body names
   that state's body ("Japan's foreign ministry", "the Chinese Embassy in Tokyo"); a title
   before a name gives the person a role ("Vice Foreign Minister Takehiro Funakoshi"); a
   title with no name names the holder of a unique office on the article's date ("Japan's
   Prime Minister"); capitalised names that no table lists are taken for people after a
   title or a courtesy title, before an apposition ("X, a spokesperson for ...") and before
   a verb of saying, and for organisations when they end in a company or institute word
   or a descriptor says what they are ("consultancy Sakura Strategic Advisory", "Nagano
   Magnetics, a supplier of magnets"); anonymous sources ("a Japanese government source")
   are people named "unnamed ..." (people: :mod:`.actor_patterns`; organisations:
   :mod:`.actor_organizations`); bylines, credit lines ("Reporting by ...") and the
   header name the article's journalists and publisher (:mod:`.actor_bylines`).  A bare
   body before a spokesperson's title is the body that known person speaks for
   ("Foreign Ministry Spokesperson Guo Jiakun").
2. *References back*, left to right: a bare generic body ("the ministry") in a sentence
   about a state with no body of its kind is that state's listed body ("In Tokyo, the
   foreign ministry said"); else the latest body of that kind named before it (a
   capitalised term only one whose names hold its words), or spoken for by a known person
   named before it, or after it in the sentence (:mod:`.actor_bodies`); with none, the one
   body of the article's states whose own name holds the term ("the
   cabinet"), else, in a report filed from a capital, that state's body ("SEOUL, Jan. 8
   (Yonhap) -- ..., the trade ministry said"; the dateline's city is where the report was
   filed, not an actor); "the institute" is the latest organisation with that word in
   its name, "the consultancy" the latest organisation of the kind it describes, and an
   organisation's first word alone names it again ("Ironbridge"); an embassy with no host
   is in the state the article names most; a family name alone ("Kanai", "Mr.
   Kanai") is the person named in full before it -- for a name that is also a common word
   ("He") only when a title precedes it or a verb of saying follows it.
3. *Appositions*: the role and affiliation after a name ("He Yadong, a spokesperson for
   the ministry") are read once every mention is known.

The headlines of other stories in a list of links ("Related stories", "Most read":
:func:`kg.extract.furniture.link_list_spans`) name no actor of the article.

Whatever is uncertain (a name sharing a family name with a known person, a near spelling,
a family name two people share) becomes a :class:`~kg.model.CandidateLink`, never a merge.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import cast

from ..model import ActorMention, ActorType, Article, CandidateLink, Span, is_unnamed
from .actor_bodies import (
    body_of_person_after,
    chamber_body,
    dateline_body,
    embassy_host,
    find_dateline,
    home_state_body,
    implied_body,
    latest_body,
    of_kind,
    possessive_opening_body,
    previous_sentence_body,
    sentence_state_body,
)
from .actor_bylines import consume_desk_credits, find_bylines_and_publisher, settle_publisher
from .actor_committees import find_committees
from .actor_context import (
    CLAUSE_END,
    UNIT_WORDS,
    ActorContext,
    Found,
    Pending,
    apposition_title,
    link_person,
    new_person,
    portfolio_end,
    state_of,
)
from .actor_informed import find_informed_people
from .actor_members import find_members, find_participants
from .actor_ministries import ministry_remit, unlisted_ministry
from .actor_organizations import (
    apposed_employer,
    find_described_organizations,
    find_outlet_heads,
    find_pattern_organizations,
    find_short_names,
    outlets_by_last_word,
)
from .actor_patterns import (
    find_anonymous_sources,
    find_cited_names,
    find_local_governments,
    find_pattern_people,
    find_reporter_labels,
    find_surname_labels,
    find_transcript_labels,
    past_native_name,
)
from .actor_places import capital_as_place
from .actor_references import find_reference_publishers
from .actor_shared_names import shared_name_body
from .actor_signatures import find_signatories
from .actor_turn_labels import find_aged_people, find_label_people, find_post_authors
from .actor_units import affiliate_end, edition_end, subsidiary_end
from .body_names import remit_list_end
from .data_terms import names_kind_of_data
from .furniture import in_spans, is_imprint, link_list_spans
from .refdata import (
    ActorAlias,
    Demonym,
    GazMatch,
    Honorific,
    KindTerm,
    NotActor,
    Title,
)

_ORGANISATIONS = (ActorType.ORGANIZATION, ActorType.COMPANY, ActorType.MEDIA)

# ---------------------------------------------------------------------------------------
# Pass 1: compositions


def _compose(ctx: ActorContext) -> None:
    """Generic bodies, titles, courtesy titles and plain known names."""
    # (isdisjoint: the test "any token of the match consumed" in C, not a generator per
    # match; each pass visits every match of the article)
    for m in ctx.matches:
        if not ctx.consumed.isdisjoint(range(m.start, m.end)):
            continue
        kind = ctx.payload(m, KindTerm)
        if kind is not None:
            _generic_body(ctx, m, kind.kind)
        elif ctx.payload(m, Title) is not None:
            _title(ctx, m)
        elif ctx.payload(m, Honorific) is not None:
            _honorific(ctx, m)
    for m in ctx.matches:
        alias = ctx.payload(m, ActorAlias)
        if alias is None or ctx.payload(m, NotActor) is not None:
            continue
        if not ctx.consumed.isdisjoint(range(m.start, m.end)):
            continue
        if ctx.dateline is not None and m.start == ctx.dateline[0]:
            continue  # "SEOUL, Jan. 8 (Yonhap) --": where the report was filed
        if alias.capital and ctx.key(m.start - 1) in {"in", "at"} \
                and ctx.key(m.start - 2) in ctx.lex.event_nouns:
            continue  # "talks in Kuala Lumpur": where they met, not the government
        if alias.capital and capital_as_place(ctx, m):
            continue  # "ministers meet in Brussels", "Haddad, Levant Network (Beirut)"
        if alias.capital and is_imprint(ctx.article.text, ctx.span(m.start, m.end)):
            continue  # "... lessons from Lithuania. Berlin.": where a cited work was printed
        entry = ctx.data.entries[alias.name]
        if entry.type is ActorType.GOVERNMENT_BODY and ctx.key(m.end) in ctx.lex.modified_nouns \
                and any(not t.is_capitalised for t in ctx.tokens[m.start:m.end] if t.is_word):
            continue  # "U.S. military users": a descriptive name as a modifier
        if entry.type is ActorType.PERSON and m.end - m.start == 1 \
                and ctx.tokens[m.start].text == entry.family:
            end = ctx.name_run(m.end)
            if end > m.end:  # "Xi Jingping": another full name, at most a candidate
                new_person(ctx, m.start, end)
                continue
        affiliate = affiliate_end(ctx, m) if entry.type is ActorType.COMPANY else None
        if affiliate is not None:
            # "Hyundai Mobis", "Toyota Tsusho": a group's name opening another company's
            ctx.add(Found(ctx.surface(m.start, affiliate), ActorType.COMPANY, m.start,
                          affiliate, known=False))
            continue
        edition = edition_end(ctx, m) if entry.type is ActorType.MEDIA else None
        if edition is not None:
            # "via Politico Europe": the outlet's regional edition, an outlet of its own
            ctx.add(Found(f"{entry.name} {ctx.surface(m.end, edition)}", ActorType.MEDIA,
                          m.start, edition, known=False))
            continue
        subsidiary = subsidiary_end(ctx, m) if entry.type is ActorType.COMPANY else None
        if subsidiary is not None:
            # "Nexperia China": the company's unit in that state, a company of its own
            ctx.add(Found(f"{entry.name} {ctx.surface(m.end, subsidiary)}", ActorType.COMPANY,
                          m.start, subsidiary, known=False))
            continue
        ctx.add(Found(entry.name, entry.type, m.start, m.end, known=True,
                       role=entry.role, affiliation=entry.affiliation, part_of=entry.part_of,
                       kinds=entry.kinds, state=state_of(ctx.data, entry.name)))


def _outlet_at(ctx: ActorContext, index: int) -> bool:
    """Whether a known news outlet's name starts at token ``index``."""
    alias = ctx.payload(ctx.match_at.get(index), ActorAlias)
    return alias is not None and ctx.data.entries[alias.name].type is ActorType.MEDIA


def _generic_body(ctx: ActorContext, m: GazMatch, kind_id: str) -> None:
    spec = ctx.data.kinds[kind_id]
    qualifier = ctx.qualifier_before(m.start)
    nxt = ctx.key(m.end)
    if kind_id == "government" and (nxt in ctx.lex.anonymous_nouns
                                    or nxt.rstrip("s") in ctx.lex.anonymous_nouns):
        return  # "government officials": a modifier, not the government acting
    if nxt in ctx.lex.modified_nouns and not ctx.tokens[m.end].glued:
        return  # "coast guard vessels", "military users": what the body owns or supplies
    if spec.type is ActorType.MEDIA and _outlet_at(ctx, m.end):
        return  # "China's state media Global Times": what the outlet named after it is
    before = m.start - 1 if ctx.key(m.start - 1) in {"the", "a", "an"} else m.start
    if spec.venue and qualifier is None and ctx.key(before - 1) in ctx.lex.venue_words:
        return  # "told parliament": where it was said
    if qualifier is not None and _coordinated_demonym(ctx, qualifier[1]):
        return  # "Filipino, American and French troops": not the last state's alone
    if qualifier is None and spec.refers_back:
        qualifier = _possessor_state(ctx, m.start)
    own_end = remit_list_end(ctx.tokens, m.start, m.end, ctx.covered) \
        if spec.type is ActorType.GOVERNMENT_BODY else None
    if own_end is not None:
        # "the Ministry of Agriculture, Livestock and Supply": a body's own name the generic
        # term only opens, not the generic ministry of whichever state the text names
        owner, start = qualifier if qualifier is not None else (None, m.start)
        own_name = ctx.surface(m.start, own_end)
        ctx.add(Found(f"{own_name} of {ctx.data.in_phrase(owner)}" if owner else own_name,
                      ActorType.GOVERNMENT_BODY, start, own_end, known=False, part_of=owner,
                      kinds=(kind_id,), state=owner))
        return
    start, end, state = m.start, m.end, None
    if qualifier is not None:
        state, start = qualifier
    else:
        # "the Ministry of Defence of Japan"; "the foreign ministry in Tokyo" (not for an
        # embassy, whose "in" names its host)
        links = ("of",) if "{host}" in spec.template else ("of", "in")
        after = ctx.state_after(m.end, links)
        if after is not None:
            state, end = after[0], after[1]
    if state is None:
        # "the Ministry of Commerce (MOFCOM)": the name in parentheses says which.
        known = ctx.payload(ctx.match_at.get(m.end + 1), ActorAlias)
        if ctx.key(m.end) == "(" and known is not None \
                and kind_id in ctx.data.entries[known.name].kinds:
            entry = ctx.data.entries[known.name]
            ctx.add(Found(entry.name, entry.type, m.start, m.end, known=True,
                           part_of=entry.part_of, kinds=entry.kinds,
                           state=state_of(ctx.data, entry.name), apposition=False))
            return
        body = _affiliation_after(ctx, m.end, kind_id)
        if body is not None:
            # "Foreign Ministry Spokesperson Guo Jiakun": the body the spokesperson speaks for.
            entry = ctx.data.entries[body]
            ctx.add(Found(body, entry.type, m.start, m.end, known=True, part_of=entry.part_of,
                          kinds=entry.kinds, state=state_of(ctx.data, body), apposition=False))
            return
        shared = shared_name_body(ctx, m, kind_id)  # "Commerce Department": whose, by context
        if shared is not None:
            ctx.add(shared)
            return
        unlisted = unlisted_ministry(ctx, m, kind_id) if spec.id == "ministry" else None
        if unlisted is not None:
            ctx.add(unlisted)
            return
        if spec.refers_back:
            ctx.pending.append(Pending("refer", m.start, m.end, kind=kind_id))
            ctx.consumed.update(range(m.start, m.end))
        return
    if spec.id == "government":
        ctx.add(Found(state, ActorType.STATE, start, end, known=True, apposition=False))
        return
    if end == m.end and end < len(ctx.tokens) and ctx.tokens[end].text \
            in ctx.lex.state_body_suffixes and ctx.tokens[m.start].is_capitalised \
            and not ctx.tokens[end].newline_before and end not in ctx.covered:
        # "Korea Customs Service": a proper name the generic term opens, after the state
        ctx.add(Found(ctx.surface(start, end + 1), ActorType.GOVERNMENT_BODY, start, end + 1,
                       known=False, part_of=state, kinds=(kind_id,), state=state))
        return
    if spec.id == "ministry":
        named = ministry_remit(ctx, end)
        if named is not None:
            # "China's Ministry of Ecology and Environment": a ministry the tables do not
            # list, named after what it is for
            what, stop = named
            ctx.add(Found(f"Ministry of {what} of {ctx.data.in_phrase(state)}",
                          ActorType.GOVERNMENT_BODY, start, stop, known=False, part_of=state,
                          kinds=(kind_id,), state=state))
            return
        ctx.pending.append(Pending("refer", start, end, kind=kind_id, state=state))
        ctx.consumed.update(range(start, end))
        return
    host = None
    if "{host}" in spec.template:
        after = ctx.state_after(end, ("in", "to"))
        if after is not None:
            host, end = after
        elif ctx.key(end) == "in" and ctx.is_name_word(end + 1, first=True):
            host_end = ctx.name_run(end + 1)
            host = ctx.surface(end + 1, host_end)
            end = host_end
    name = ctx.data.body_name(kind_id, state, host)
    if name is None:
        return
    is_known = name in ctx.data.entries
    part_of = (ctx.data.entries[name].part_of if is_known
               else ctx.data.body_name(spec.part_of_kind, state) if spec.part_of_kind
               else state)
    kinds = ctx.data.entries[name].kinds if is_known else (kind_id,)
    found = Found(name, spec.type, start, end, known=is_known, part_of=part_of, kinds=kinds,
                  state=state)
    ctx.add(found)
    if "{host}" in spec.template and host is None:
        ctx.pending.append(Pending("embassy", start, end, kind=kind_id, state=state,
                                    found=found))


def _coordinated_demonym(ctx: ActorContext, start: int) -> bool:
    """Whether the state word at ``start`` ends a coordination of nationalities
    ("Filipino, American and French troops"): the noun after it is all of theirs, a mixed
    group, not the last state's body."""
    if ctx.key(start - 1) not in {"and", "or", ","}:
        return False
    m = ctx.match_ending.get(start - 1)
    return m is not None and ctx.payload(m, Demonym) is not None


def _possessor_state(ctx: ActorContext, start: int) -> tuple[str, int] | None:
    """"Seoul saw it differently, calling the move retaliation for its Supreme Court's
    rulings": the state "its" stands for when the sentence names one state before it, and
    only one (a semicolon does not end the sentence: "Beijing never announced an embargo;
    its commerce ministry insisted ..."; "Seoul would ask Beijing, through its embassy"
    does not say whose), as a qualifier that adds nothing to the span."""
    if ctx.key(start - 1) != "its":
        return None
    states: set[str] = set()
    i = start - 1
    while i > 0 and not ctx.tokens[i].newline_before and ctx.key(i - 1) not in {".", "!", "?"}:
        m = ctx.match_ending.get(i)
        state = ctx.state_alias(m) if m is not None and ctx.payload(m, Demonym) is None \
            else None
        if state is not None:
            states.add(state)
        i -= 1
    return (states.pop(), start) if len(states) == 1 else None


def _affiliation_after(ctx: ActorContext, i: int, kind_id: str) -> str | None:
    """The reference body of ``kind_id`` a known person after a title at token ``i``
    belongs to ("Commerce Ministry Spokesperson He Yongqian")."""
    title = ctx.match_at.get(i)
    if ctx.payload(title, Title) is None or title is None:
        return None
    person = ctx.person_alias(ctx.match_at.get(title.end))
    if person is None:
        return None
    body = ctx.data.entries[person].affiliation
    if body is None or body not in ctx.data.entries:
        return None
    return body if of_kind(ctx, ctx.data.entries[body].kinds, kind_id) else None


def _title(ctx: ActorContext, m: GazMatch) -> None:
    """A title before a name gives a role; with no name, a unique office's holder."""
    offices = [p.office for p in m.payloads if isinstance(p, Title) and p.office]
    office = offices[0] if offices else None
    qualifier = ctx.qualifier_before(m.start)
    state = qualifier[0] if qualifier else None
    role = ctx.surface(m.start, m.end)
    begin = qualifier[1] if qualifier else m.start
    former = ctx.key(begin - 1) in {"former", "ex", "late", "then"}
    # "Foreign Ministry spokesperson X", "Goldman Sachs analyst X": the body before the title.
    employer = body_ending_at(ctx, m.start) if qualifier is None else None
    nxt = ctx.match_at.get(m.end)
    person = ctx.person_alias(nxt)
    if person is not None and nxt is not None:
        entry = ctx.data.entries[person]
        ctx.add(Found(person, ActorType.PERSON, nxt.start, nxt.end, known=True, role=role,
                       affiliation=employer or state or entry.affiliation, apposition=True))
        ctx.consumed.update(range(begin, m.end))
        return
    at = portfolio_end(ctx, m.end)  # "Minister of Trade, Industry and Energy Sung Yun-mo"
    end = ctx.name_run(at)
    if end > at and (end - at >= 2 or at not in ctx.heading) \
            and not ctx.tokens[at].newline_before:  # a list's title ends its line
        role_end = at - 1 if ctx.key(at - 1) == "," else at  # (the apposition's comma)
        new_person(ctx, at, end, role=ctx.surface(m.start, role_end),
                   affiliation=employer or state)
        # (a state or body the portfolio names stays a mention: "Minister of ESDM")
        ctx.consumed.update(k for k in range(begin, at) if k < m.end or k not in ctx.covered)
        return
    # "China's ambassador to Japan, Wu Jianghao", "U.S. Ambassador to Japan George Glass":
    # a name after the title's host or after a comma.
    host_info = ctx.state_after(m.end, ("to", "in"))
    after = host_info[1] if host_info else m.end
    affiliation = state
    if host_info:
        role = ctx.surface(m.start, after)
        if office == "ambassador" and state:
            affiliation = ctx.data.body_name("embassy", state, host_info[0])
    name_at = after + 1 if ctx.key(after) == "," else after
    if name_at != m.end:
        nm = ctx.match_at.get(name_at)
        person = ctx.person_alias(nm)
        if person is not None and nm is not None:
            ctx.add(Found(person, ActorType.PERSON, nm.start, nm.end, known=True, role=role,
                           affiliation=affiliation or ctx.data.entries[person].affiliation))
            ctx.consumed.update(range(begin, after))
            return
        end = ctx.name_run(name_at)
        if end - name_at >= 2 and (name_at == after
                                   or ctx.key(end) in {",", "."} | ctx.lex.speech_verbs):
            new_person(ctx, name_at, end, role=role, affiliation=affiliation)
            ctx.consumed.update(range(begin, after))
            return
    if office is None or state is None or former:
        return
    when = ctx.article.anchor_date
    host = host_info[0] if host_info else None
    per_host = ctx.data.offices[office].per_host
    if per_host and host is None:
        return
    holder = ctx.data.holder(office, state, when, host if per_host else None) if when else None
    span_end = after if host_info else m.end
    if holder is None:
        return
    entry = ctx.data.entries[holder]
    ctx.add(Found(holder, ActorType.PERSON, begin, span_end, known=True, role=role,
                   affiliation=state if not per_host else entry.affiliation, apposition=False))


def body_ending_at(ctx: ActorContext, end: int) -> str | None:
    """A body, company, outlet or organisation named right before token ``end``."""
    for found in reversed(ctx.found):
        if found.end == end and found.type not in (ActorType.PERSON, ActorType.STATE):
            return found.name
    alias = ctx.payload(ctx.match_ending.get(end), ActorAlias)
    if alias is not None and not alias.capital:
        entry = ctx.data.entries[alias.name]
        if entry.type not in (ActorType.PERSON, ActorType.STATE):
            return entry.name
    return None


def _honorific(ctx: ActorContext, m: GazMatch) -> None:
    """"Mr. Kanai": a known person, else a name resolved later or a new person."""
    nxt = ctx.match_at.get(m.end)
    if ctx.person_alias(nxt) is not None:
        ctx.consumed.update(range(m.start, m.end))
        return
    end = ctx.name_run(m.end)
    if end == m.end:
        return
    ctx.pending.append(Pending("surname", m.start, end, mention_start=m.end))
    ctx.consumed.update(range(m.start, end))


# ---------------------------------------------------------------------------------------
# Pass 2: references back, left to right


def _refer_back(ctx: ActorContext) -> None:
    """Resolve bare generic bodies, hostless embassies and lone family names in text order."""
    registry: dict[str, list[str]] = {}
    found_sorted = sorted(ctx.found, key=lambda f: f.start)
    # States named, directly or as the state of a body, for an embassy's host.
    # (never None: a found actor without a state is left out)
    state_counts = cast("Counter[str]", Counter(
        f.name if f.type is ActorType.STATE else f.state for f in ctx.found
        if f.type is ActorType.STATE or f.state))
    events: list[tuple[int, int, object]] = [(f.start, 0, f) for f in found_sorted]
    events += [(p.start, 1, p) for p in ctx.pending]
    for i in _bare_name_tokens(ctx):
        events.append((i, 2, Pending("surname", i, i + 1, mention_start=i)))
    events.sort(key=lambda e: (e[0], e[1]))
    resolved: list[Found] = []
    for _, _, item in events:
        if isinstance(item, Found):
            if item.type is ActorType.PERSON and not item.known and item.end - item.start == 1 \
                    and len(registry.get(item.name, [])) == 1:
                # "Ambassador Wu" after "Wu Jianghao": the person named in full before
                item.name = registry[item.name][0]
                item.known = item.name in ctx.data.entries
            resolved.append(item)
            _register(ctx, item, registry)
        elif isinstance(item, Pending) and item.what == "refer":
            unsure = len(ctx.candidates)
            target = (possessive_opening_body(ctx, resolved, item)
                      or sentence_state_body(ctx, resolved, item)
                      or latest_body(ctx, resolved, item))
            if target is None and len(ctx.candidates) == unsure:
                # a reference left as a scored candidate is not guessed again below
                target = (body_of_person_after(ctx, item)
                          or chamber_body(ctx, resolved, item)
                          or implied_body(ctx, item, state_counts)
                          or previous_sentence_body(ctx, resolved, item)
                          or dateline_body(ctx, item)
                          or home_state_body(ctx, item))
            if target is not None:
                found = Found(target.name, target.type, item.start, item.end,
                               known=target.known, part_of=target.part_of,
                               kinds=target.kinds, state=target.state, apposition=False)
                ctx.found.append(found)
                resolved.append(found)
        elif isinstance(item, Pending) and item.what == "org":
            org = _own_company(ctx, resolved, item) or next(
                (f for f in reversed(resolved) if f.type in _ORGANISATIONS
                 and item.kind in f.name.split()), None)
            if org is None and item.described:
                # "the consultancy" after "Nakamura Resource Consulting": what it is
                org = next((f for f in reversed(resolved) if f.type.value == item.described),
                           None)
            if org is not None:
                _refer_to_organisation(ctx, resolved, item, org)
        elif isinstance(item, Pending) and item.what == "described":
            org = _own_company(ctx, resolved, item) or next(
                (f for f in reversed(resolved) if f.type.value == item.kind), None)
            if org is not None:
                _refer_to_organisation(ctx, resolved, item, org)
        elif isinstance(item, Pending) and item.what == "embassy":
            embassy_host(ctx, item, state_counts)
        elif isinstance(item, Pending) and item.what == "surname":
            named = _surname(ctx, item, registry)
            if named is not None:
                ctx.found.append(named)
                resolved.append(named)
                _register(ctx, named, registry)


def _bare_name_tokens(ctx: ActorContext) -> list[int]:
    """Single capitalised words outside every match: possible family names alone."""
    out = []
    for i in ctx.stream.capitalised:
        t = ctx.tokens[i]
        if i in ctx.covered or i in ctx.consumed or t.glued:
            continue
        if t.text in ctx.lex.not_name_words and t.text not in ctx.lex.pronoun_like_names:
            continue
        nxt = ctx.tok(i + 1)
        if nxt is not None and nxt.is_word and nxt.is_capitalised and not nxt.glued \
                and i + 1 not in ctx.covered and not (nxt.key in ctx.lex.title_modifiers
                                                      and i + 2 in ctx.covered):
            continue  # part of a longer name no rule took (not "Hong Deputy Prime Minister")
        out.append(i)
    return out


def _register(ctx: ActorContext, found: Found, registry: dict[str, list[str]]) -> None:
    if found.type is not ActorType.PERSON or is_unnamed(found.name):
        return
    entry = ctx.data.entries.get(found.name)
    parts: list[str] = []
    if entry is not None and entry.family:
        parts.append(entry.family)
    elif entry is None:
        parts.extend(t.text for t in ctx.tokens[found.start:found.end]
                     if t.is_word and t.is_capitalised and not t.glued
                     and t.text not in ctx.lex.honorifics
                     and len(t.text) > 1)  # (an initial, "B.", is no name to refer back by)
    for part in parts:
        names = registry.setdefault(part, [])
        if found.name not in names:
            names.append(found.name)


def _own_company(ctx: ActorContext, resolved: list[Found], item: Pending) -> Found | None:
    """"The company" in a company's own document (its release, its call's transcript,
    published under its name): that company, whatever other firm was named last (an
    analyst's employer in the list of participants)."""
    publisher = ctx.article.metadata.publisher
    if (item.kind or "").casefold() != "company" or not publisher:
        return None
    return next((f for f in resolved if f.type is ActorType.COMPANY
                 and publisher.startswith(f.name)), None)


def _refer_to_organisation(ctx: ActorContext, resolved: list[Found], item: Pending,
                           org: Found) -> None:
    """``item`` ("the company", "the consultancy") names ``org``, found before it."""
    found = Found(org.name, org.type, item.start, item.end, known=org.known, apposition=False)
    ctx.found.append(found)
    resolved.append(found)


def _surname(ctx: ActorContext, item: Pending, registry: dict[str, list[str]]) -> Found | None:
    start = item.mention_start if item.mention_start is not None else item.start
    word = ctx.tokens[start].text
    names = registry.get(word, [])
    titled = item.start < start or ctx.payload(ctx.match_ending.get(start), Title) is not None
    speaking = ctx.key(start + 1) in ctx.lex.speech_verbs or (
        ctx.tok(start + 1) is not None and ctx.tokens[start + 1].is_possessive)
    if word in ctx.lex.pronoun_like_names and not (titled or ctx.key(start + 1)
                                                    in ctx.lex.speech_verbs):
        return None
    if len(names) == 1:
        name = names[0]
        entry = ctx.data.entries.get(name)
        return Found(name, ActorType.PERSON, item.start, item.end, known=entry is not None,
                      role=entry.role if entry else None,
                      affiliation=entry.affiliation if entry else None)
    span = ctx.span(item.start, item.end)
    if len(names) > 1:
        for name in names:
            ctx.candidates.append(CandidateLink(span, name, round(1 / len(names), 3)))
        return None
    if item.start < start and item.end - start >= 1 and (titled or speaking):
        # "Mr. Tanaka" with no earlier full name: a person the tables do not list.
        name = ctx.surface(start, item.end)
        link_person(ctx, name, ctx.span(start, item.end))
        return Found(name, ActorType.PERSON, item.start, item.end, known=False)
    return None


def _shortened_outlets(ctx: ActorContext) -> None:
    """"The Commerce Post" after "the Asia Pacific Commerce Post": an outlet no table lists,
    named by the last two words or more of an outlet named before it, is that outlet."""
    outlets: list[Found] = []
    for found in sorted(ctx.found, key=lambda f: f.start):
        if found.type is not ActorType.MEDIA:
            continue
        words = found.name.split()
        if words and words[0] == "The":
            words = words[1:]
        if not found.known and len(words) >= 2:
            longer = next((o for o in outlets if len(o.name.split()) > len(words)
                           and o.name.split()[-len(words):] == words), None)
            if longer is not None:
                found.name = longer.name
                continue
        outlets.append(found)


def _leaders_governments(ctx: ActorContext) -> None:
    """"The Biden administration", "Takaichi's government": a known person's name before a
    noun of ``[lexicon].leader_governments`` names the government that person heads, when
    the tables affiliate the person to a state itself (as they do heads of state and
    government; a minister belongs to a ministry): that state.  Otherwise no actor: "Wang
    Yi's government" names nobody the tables can vouch for."""
    kept: list[Found] = []
    for found in ctx.found:
        after = found.end + 1 if ctx.tok(found.end) is not None \
            and ctx.tokens[found.end].is_possessive else found.end
        if found.type is not ActorType.PERSON or not found.known \
                or ctx.key(after) not in ctx.lex.leader_governments:
            kept.append(found)
            continue
        entry = ctx.data.entries.get(found.name)
        state = ctx.data.entries.get(entry.affiliation or "") if entry is not None else None
        if state is not None and state.type is ActorType.STATE:
            kept.append(Found(state.name, ActorType.STATE, found.start, found.end,
                              known=True, apposition=False))
    ctx.found[:] = kept


# ---------------------------------------------------------------------------------------
# Pass 3: appositions


def _appositions(ctx: ActorContext) -> None:
    by_start = sorted(ctx.found, key=lambda f: f.start)
    starts = [f.start for f in by_start]  # slices by bisect: long texts stay linear
    for found in by_start:
        if found.type is not ActorType.PERSON or not found.apposition:
            continue
        comma = past_native_name(ctx, found.end)  # "Zhu Fenglian (朱鳳蓮), a ..."
        if ctx.key(comma) != ",":
            continue
        title = apposition_title(ctx, comma + 1)
        if title is None:
            continue
        end = title.end
        while end < len(ctx.tokens) and ctx.key(end) not in CLAUSE_END and ctx.key(end) != "," \
                and ctx.key(end) not in ctx.lex.speech_verbs:
            end += 1
        inside = [f for f in by_start[bisect_left(starts, title.end):bisect_left(starts, end)]
                  if f.end <= end and f.type is not ActorType.PERSON]
        role = ctx.surface(title.start, title.end)
        units = _unit_name(ctx, title.end, end)
        if units:
            role = f"{role}, {units}"
        elif ctx.key(title.end) in {"to", "in"} and inside and inside[0].type is ActorType.STATE \
                and inside[0].start == title.end + 1:
            role = ctx.surface(title.start, inside[0].end)
        found.role = role
        # ", the Chinese embassy's deputy chief of mission": the body before the title.
        owner = [f for f in by_start[bisect_right(starts, found.end):
                                     bisect_right(starts, title.start)]
                 if f.end <= title.start and f.type not in (ActorType.PERSON, ActorType.STATE)]
        if not inside and owner:
            inside = owner
        if not inside and not units and (employer := apposed_employer(ctx, title.end, end)):
            ctx.add(employer)  # "chief executive of Australian Grape & Wine"
            inside = [employer]
        if inside:
            # The body or organisation named, else the state ("a professor at the
            # University of X", "managing director of the China practice at Eurasia Group").
            bodies = [f for f in inside if f.type is not ActorType.STATE]
            found.affiliation = (bodies or inside)[0].name


def _unit_name(ctx: ActorContext, start: int, end: int) -> str | None:
    """A sub-unit named in a role ("the Asian and Oceanian Affairs Bureau")."""
    for j in range(start, end):
        if ctx.tokens[j].text in UNIT_WORDS and ctx.tokens[j].is_capitalised:
            k = j
            while k - 1 >= start and (ctx.tokens[k - 1].is_capitalised
                                      or ctx.key(k - 1) in {"and", "of"}) \
                    and not ctx.tokens[k - 1].is_possessive:
                k -= 1
            while k < j and not ctx.tokens[k].is_capitalised:
                k += 1
            if k < j:
                return ctx.surface(k, j + 1)
    return None


# ---------------------------------------------------------------------------------------


def find_actors(article: Article) -> tuple[list[ActorMention], list[CandidateLink]]:
    """Return the actors named in ``article`` (one per mention, sorted by span) and
    uncertain candidate links."""
    ctx = ActorContext(article)
    ctx.dateline = find_dateline(ctx)
    find_anonymous_sources(ctx)
    find_informed_people(ctx)
    find_local_governments(ctx)
    find_committees(ctx)
    find_outlet_heads(ctx)
    find_pattern_organizations(ctx)
    find_described_organizations(ctx)
    consume_desk_credits(ctx)  # before known names: a desk's city is no government
    _compose(ctx)
    find_transcript_labels(ctx)
    find_label_people(ctx)
    find_aged_people(ctx)
    find_post_authors(ctx)
    find_members(ctx)
    find_participants(ctx)
    find_reporter_labels(ctx)
    find_pattern_people(ctx)
    find_signatories(ctx)
    find_surname_labels(ctx)
    find_bylines_and_publisher(ctx)
    find_short_names(ctx)
    find_cited_names(ctx)
    find_reference_publishers(ctx)
    _refer_back(ctx)
    _shortened_outlets(ctx)
    outlets_by_last_word(ctx)
    _leaders_governments(ctx)
    _appositions(ctx)
    settle_publisher(ctx)
    mentions: dict[tuple[int, int], ActorMention] = {}
    links = link_list_spans(article.text)
    for f in ctx.found:
        span = ctx.span(f.start, f.end)
        if links and in_spans(links, span.begin):
            continue  # "Related stories": the headline of another story names its actors
        if names_kind_of_data(ctx.tokens, f.start, f.end):
            continue  # "Chinese customs data show ...": the kind of the data, no actor
        entry = ctx.data.entries.get(f.name)
        mention = ActorMention(
            name=f.name, type=f.type, span=span,
            role=f.role or (entry.role if entry else None),
            affiliation=f.affiliation or (entry.affiliation if entry else None),
            part_of=f.part_of or (entry.part_of if entry else None),
            known=f.known,
        )
        mentions.setdefault((span.begin, span.end), mention)
    ordered = ctx.unplaced + [mentions[k] for k in sorted(mentions)]
    candidates = sorted(set(_freeze(c) for c in ctx.candidates))
    return ordered, [CandidateLink(Span(b, e, t), name, score) for b, e, t, name, score
                     in candidates]


def _freeze(c: CandidateLink) -> tuple[int, int, str, str, float]:
    return (c.mention.begin, c.mention.end, c.mention.text, c.candidate, c.score)
