"""Against whom a measure is taken: targets named after it, in its clause, in what it adds
to a list, or borrowed from the measure it answers or repeats.

See :mod:`kg.extract.measures` (Target) for the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import ActorType, MeasureStatus, MeasureType
from ..context import Context
from ..triggers import load_triggers, phrase_alternation, words_regex
from .candidate import (
    ONE_OFF,
    PREPOSITION_BEFORE,
    Candidate,
    days_between,
    demonym_states,
    family,
    nearest,
)
from .labels import in_label
from .scope import goods_related

__all__ = ["aimed_states", "cases_referred_back", "fill_targets", "find_target", "same_episode",
           "share_coordinated_targets", "ships_to_itself"]

_TARGETS = load_triggers().raw["measures"]["targets"]
_TARGET_PREPOSITIONS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _TARGETS["openers"])) + r")\s+(?:(?:"
    + "|".join(map(re.escape, _TARGETS["opener_determiners"])) + r")\s+)?$",
    re.IGNORECASE)
"""``[measures.targets] openers`` (and ``opener_determiners``), ``demonym_openers``,
``trailing_openers``."""
_DEMONYM_TARGET = re.compile(r"\b(?:" + "|".join(map(re.escape, _TARGETS["demonym_openers"]))
                             + r")\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?(?P<word>[A-Z][a-z]+)\b")
_TRAILING_PREPOSITION = re.compile(r"\b(?:" + "|".join(map(re.escape, _TARGETS["trailing_openers"]))
                                   + r")$")
"""A phrase that ends on its preposition ("sanctions on"): its object follows."""
_NO_TARGET = frozenset({ActorType.MEDIA, ActorType.ORGANIZATION})
"""Actor types that are never a measure's target ("take the matter to the WTO")."""
AIMED_TYPES = frozenset({MeasureType.TRAVEL_ADVISORY, MeasureType.IMPORT_BAN,
                         MeasureType.PROTEST})
"""Measures that always aim at another state."""
_NOT_UNDONE = frozenset({MeasureType.PROTEST, MeasureType.MILITARY_DRILL, MeasureType.BUDGET})
"""Acts that are over once taken: nothing lifts or resumes after them."""
_WHEN_CLAUSE = re.compile(r",\s+when\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
"""A "when" clause opening right before a measure: the episode its sentence recalls."""
_IMPORTER_REACH = 120
"""Characters before the supplier searched for the buyer and its verb ("Japan relies on")."""
_TARGET_WINDOW = 100
_SAME_EPISODE_DAYS = 31
"""Dates further apart than this are two measures, not one mentioned twice."""
_COORDINATED = re.compile(r"\s*,?\s*(?:(?:and|or|as well as)\s+)?"
                          r"(?:now\s+|also\s+|even\s+|then\s+)?"
                          r"(?:[\w-]+\s+){0,2}")
"""Between two measures of one list: "travel advisories, seafood import bans, and now"."""
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|which)\s+(?:to|the|a|an|its|their|it|they|"
                         r"[A-Z])|;|\s[—–]\s|(?:,|\s+and)\s+(?!including\b|targeting\b|"
                         r"according\b)[a-z]+ing\b")
"""Where the next clause begins: a target is not looked for past it."""
_STATE_AFTER_REACH = 50
_DEFINITE = re.compile(r"\b(?:the|these|those|this|its|their)\s+(?:[\w-]+\s+)?$",
                       re.IGNORECASE)
"""A definite noun phrase before a head: it refers back to a measure already named."""
_CUT = re.compile(r"[,;:]|\s[—–]\s")
_RELATIVE_SUBJECT = re.compile(r"\b(?:that|which)\s+(?:the\s+)?(?:[\w-]+\s+(?:and|or)\s+)?"
                               r"(?:the\s+)?$", re.IGNORECASE)
"""Before the subject of a relative clause after a measure, or the second of two
coordinated subjects: a party that took such measures too, not their target."""
_COMPOUND_MODIFIER = re.compile(r"[-‐‑](?:" + "|".join(map(
    re.escape, _TARGETS["compound_participles"])) + r")\b", re.IGNORECASE)
"""After an actor: it only modifies the noun after it ("U.S.-linked subsidiaries")."""
_COMPANY_AFTER_PREPOSITION = re.compile(r"\b(?:to|against|on|targeting|of)\s+(?:the\s+)?"
                                        r"(?:[A-Z][a-z]+\s+){0,2}(?:[a-z][\w-]*\s+){1,2}$")
"""Before a company: a preposition and the words describing it ("on subsidiaries of South
Korean shipbuilder Hanwha Ocean")."""
_TO_DESTINATION = re.compile(r"\b(?:" + "|".join(map(re.escape, _TARGETS["destination_goods"]))
                             + r")\s+"
                             r"(?:of\s+(?:[\w-]+\s+){1,4})?(?:bound\s+)?(?:to|for)\s+(?:the\s+)?$",
                             re.IGNORECASE)
"""An export word and its destination right before an actor: "shipments to"."""
_TO_LIST = re.compile(r"\b(?:to|against|targeting)(?:\s+the\s+following)?\s*:\s*$",
                      re.IGNORECASE)
"""A destination given as a list after a colon: "prohibiting the export of ... to:"."""
_FIRST_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)]|\([a-z1-9]\))?\s*([^\n;]{1,100})")
"""The first item of a list, past its bullet or number."""
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_SETTING = re.compile(r"(?<!originating )(?<!originated )(?<!made )(?<!produced )(?<!based )"
                      r"(?<!manufactured )(?<!imported )(?<!built )"
                      r"\b(?:after|before|during|amid|following|since|until|in|at|inside|within|"
                      r"across|throughout)\s+(?:the\s+)?(?:[\w-]+\s+(?:and\s+)?){0,2}$",
                      re.IGNORECASE)
"""A time or place before an actor: the setting of the clause, not whom it aims at (a
good's origin is: "dichlorosilane originating in Japan")."""
_ADDED_TO_LIST = re.compile(r"\b(?:to|on|onto|into)\s+"
                            r"(?:(?:its|the|their|[\w.’']+['’]s|the\s+U\.S\.)\s+)?"
                            r"(?:(?:unreliable\s+)?entity|(?:export[\s-]+)?control(?:\s+control)?)"
                            r"\s+list\b", re.IGNORECASE)
"""The list a listing adds to: an entity list or an export control list ("the export control
control list" of official translations); headlines drop the article ("adds 42 firms to
Entity List")."""
_LIST_NAME = re.compile(r"(?:(?:unreliable\s+)?entity|(?:export[\s-]+)?control(?:\s+control)?)"
                        r"\s+list\b", re.IGNORECASE)
"""A mention that is only a list's name, its listing told before it."""
_LISTING_REACH = 150
_CLAUSE_END = re.compile(r"[;:.]\s|\s[—–]\s")
_LIST_OF_SET = re.compile(r"\blist\s+of\s+(?:" + "|".join(map(re.escape, _TARGETS["listed_sets"]))
                          + r")\b", re.IGNORECASE)
"""A list of parties ("the list of entities subject to tighter export restrictions")."""
_LISTED_PASSIVE = re.compile(r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:put|placed|"
                             r"added|included)\s", re.IGNORECASE)
"""A listing told in the passive: its subject is the party listed."""
_SHARE_IN = re.compile(r"(?:\s+(?:on|in)\s+[\w.]+(?:\s+\d{1,2})?(?:,\s+\d{4})?)?,\s+"
                       r"(?P<count>(?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+of\s+them\s+"
                       r"(?:in|from|based\s+in)\s+(?:the\s+)?(?P<word>[A-Z][\w.-]*)")
"""After a listing: where the set's members are ("..., 42 of them in China"); see
:func:`_majority`."""
_NUMBER = re.compile(r"\b\d[\d,]*\b|\b[a-z]+\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s[—–]\s")
_AIMED_AT = re.compile(r"\b(?:" + "|".join(map(re.escape, _TARGETS["aimed_openers"]))
                       + r")\s+(?:the\s+)?(?:(?:all\s+|most\s+)?(?:"
                       + "|".join(map(re.escape, _TARGETS["aimed_goods"])) + r")\s+"
                       r"(?:from|to|of)\s+(?:the\s+)?)?(?:most\s+|all\s+)?"
                       r"(?P<word>[A-Z][a-z]+)?", re.IGNORECASE)
"""A target preposition (and the traded goods it governs) before a party or a demonym."""
_AIM_CUT = re.compile(r"[;:]|\s[—–]\s|,\s+(?:and|but|while|whereas|which|who|as|after|"
                      r"before|saying|citing)\b|\.\s")
"""Where a mention's own words end, for :func:`aimed_states`."""
_AIM_LIST = re.compile(r"(?:,|\band\b|\bor\b)\s*(?:the\s+)?$")


# -- target -----------------------------------------------------------------------------------

def find_target(ctx: Context, c: Candidate, others: list[Candidate]) -> None:
    """The target after the head ("to Japan", "against Tokyo", "to Japanese military
    users"), else an actor of another state in the head's own clause."""
    if c.type is MeasureType.BUDGET or (c.type is MeasureType.OTHER and
                                        _domestic().search(c.extent.text)):
        return  # a budget, a stockpile: spent at home, whatever it is meant to deter
    issuer_root = ctx.root(c.issuer)
    text = ctx.text
    if _listed_target(ctx, c, issuer_root):
        return
    end = min(c.sentence.end, c.extent.end + _TARGET_WINDOW)
    stop = min((o.head.begin for o in others if o.head.begin >= c.extent.end), default=end)
    end = min(end, stop)
    new_clause = _NEW_CLAUSE.search(text, c.extent.end, end)
    end = new_clause.start() if new_clause else end
    cut = _CUT.search(text, c.extent.end, end)
    if _untargeted().search(text, c.extent.end, cut.start() if cut else end):
        c.untargeted = True  # "China's export control is not targeting any third party"
        return
    if c.type is MeasureType.PROTEST:
        for m in re.finditer(r"(?<=\s)[A-Z][\w-]+", c.extent.text):
            # "summons Japan's ambassador", "summoned the Chinese envoy": the envoy's state
            state = _state_words().get(m.group())
            if state is not None and state != issuer_root and state != ctx.state_of(c.issuer):
                c.target = state
                return
    for mention in ctx.actors_in(c.extent.end, end):
        before = text[max(c.extent.begin, mention.span.begin - 20):mention.span.begin]
        if (mention.type in _NO_TARGET and not _state_like(mention.name)) or \
                _ACCORDING.search(before) or _COMPOUND_MODIFIER.match(text, mention.span.end) \
                or _partner().search(text, max(c.extent.begin, mention.span.begin - 40),
                                     mention.span.begin):
            # "countermeasures on U.S.-linked units of X": X, not the United States;
            # "controls ..., in lockstep with Washington": a partner, not the target
            continue
        if (_TARGET_PREPOSITIONS.search(before) or (
                mention.type is ActorType.COMPANY and _COMPANY_AFTER_PREPOSITION.search(
                    text, max(c.extent.begin, mention.span.begin - 50), mention.span.begin))) \
                and ctx.root(mention.name) != issuer_root:
            c.target, c.target_span = _as_state(ctx, mention.name), mention.span
            if ctx.state_of(mention.name) is None and mention.type is not ActorType.COMPANY:
                # "a senior diplomat at the Chinese Embassy": the state of where they serve
                c.target = _state_after(ctx, mention.span.end, issuer_root) or c.target
            return
    if _TO_LIST.search(text, c.extent.end, c.sentence.end):
        state = _first_item_state(ctx, c.sentence.end, issuer_root)
        if state is not None and state != ctx.state_of(c.issuer):
            c.target = state  # "prohibiting the export of all dual-use items to:\n1. Japanese"
            return
    if c.type in (MeasureType.IMPORT_BAN, MeasureType.OTHER):
        for m in re.finditer(r"[A-Z][a-z]+", c.extent.text):
            # "banned Japanese seafood imports", "put Japanese films on hold": their origin
            state = _state_words().get(m.group())
            if state is not None and state != ctx.state_of(c.issuer) and state != issuer_root:
                c.target = state
                return
    trailing = _TRAILING_PREPOSITION.search(c.extent.text)
    start = c.extent.begin + trailing.start() if trailing else c.extent.end
    for m in _DEMONYM_TARGET.finditer(text, start, end):
        state = _state_words().get(m.group("word"))
        if state is not None and state != ctx.state_of(c.issuer) and state != issuer_root:
            c.target = state
            return
    # Advisories, import bans and protests always aim at another state: any of the
    # sentence will do ("Beijing denounced Takaichi's comments, prompting ... travel
    # advisories"); export controls may aim at no one, so only one of their own clause.
    # A protest's clause ends where the next predication starts ("..., deepening a row
    # that began with remarks on Taiwan").
    begin, finish = (c.sentence.begin, end if c.type is MeasureType.PROTEST else c.sentence.end) \
        if c.type in AIMED_TYPES else _clause(ctx, c, others)
    taken = [o.target_span for o in others if o.target_span is not None]
    for mention in ctx.actors_in(begin, finish):
        if any(span.begin <= mention.span.begin < span.end for span in taken) or \
                in_label(ctx, mention.span):
            continue  # another's target; "3/8 Peru: ...": the item's label, not a party
        if c.type not in AIMED_TYPES and mention.span.end <= c.extent.begin and \
                not PREPOSITION_BEFORE.search(text, max(begin, mention.span.begin - 16),
                                               mention.span.begin):
            continue  # "The Netherlands and Japan still align with US controls": a subject
        if c.type not in AIMED_TYPES and _SETTING.search(text, max(begin, mention.span.begin - 30),
                                                    mention.span.begin):
            continue  # "shortages at car plants in Europe and India", "after Trump-Xi talks"
        if _COMPOUND_MODIFIER.match(text, mention.span.end) or _partner().search(
                text, max(begin, mention.span.begin - 40), mention.span.begin):
            continue  # "U.S.-linked subsidiaries": a modifier; "in step with X": a partner
        if c.type not in AIMED_TYPES and mention.span.begin >= c.extent.end and \
                _RELATIVE_SUBJECT.search(text, max(begin, mention.span.begin - 40),
                                         mention.span.begin):
            continue  # "controls that the Netherlands and Japan matched": who else took them
        state = ctx.state_of(mention.name)
        if state is None and _state_like(ctx.root(mention.name) or ""):
            state = ctx.root(mention.name)  # "importers of EU brandy": the EU acts as a state
        if state is not None and state != ctx.state_of(c.issuer) and \
                ctx.root(mention.name) != issuer_root and mention.name != c.issuer:
            c.target = state
            return
    if family(c.type) == "export":
        c.target = _importer(ctx, c, issuer_root)


def _importer(ctx: Context, c: Candidate, issuer_root: str | None) -> str | None:
    """"Japan relies on China for 60% of its rare earths, down from 90% in 2010, when Beijing
    curbed shipments": an export curb told in a "when" clause of a sentence saying another
    state buys from or depends on the issuer stopped that state's supply; that state."""
    text = ctx.text
    if not _WHEN_CLAUSE.search(text, max(c.sentence.begin, c.extent.begin - 40), c.extent.begin):
        return None
    for supplier in ctx.actors_in(c.sentence.begin, c.extent.begin):
        if ctx.root(supplier.name) != issuer_root:
            continue
        lo = max(c.sentence.begin, supplier.span.begin - _IMPORTER_REACH)
        verb = _supplied().search(text[lo:supplier.span.begin])
        if verb is None:
            continue
        for buyer in reversed(ctx.actors_in(lo, lo + verb.start())):
            state = ctx.state_of(buyer.name)
            if state is not None and ctx.root(buyer.name) != issuer_root and \
                    state != ctx.state_of(c.issuer):
                return state
    return None


def aimed_states(ctx: Context, c: Candidate, others: list[Candidate]) -> frozenset[str]:
    """The states a mention's own words aim it at, named right after its head and before the
    next clause or measure: "tariffs on Canada, Mexico and China", "a tariff on imports
    from China", "duties on Canadian goods", "a ban on sales to Huawei" (its state when
    known).  A state never takes a measure against itself, so none of them can be the
    issuer a mention without one of its own borrows from the article around it."""
    text = ctx.text
    end = min(c.sentence.end, c.extent.end + _TARGET_WINDOW)
    end = min([end, *(o.head.begin for o in others if o.head.begin >= c.extent.end)])
    cut = _AIM_CUT.search(text, c.extent.end, end)
    end = cut.start() if cut else end
    trailing = _TRAILING_PREPOSITION.search(c.extent.text)
    start = c.extent.begin + trailing.start() if trailing else c.extent.end
    out: set[str] = set()
    for m in _AIMED_AT.finditer(text, start, end):
        word = m.start("word") if m.group("word") else m.end()
        mention = next((a for a in ctx.actors_in(m.start(), end) if a.span.begin <= word),
                       None)
        if mention is not None:
            out.add(ctx.state_of(mention.name) or mention.name)
        elif (state := _state_words().get(m.group("word") or "")) is not None:
            out.add(state)  # "duties on Canadian goods"
    for mention in ctx.actors_in(start, end):
        name = ctx.state_of(mention.name) or mention.name
        if name not in out and _AIM_LIST.search(
                text, max(start, mention.span.begin - 12), mention.span.begin) and \
                any(ctx.actors_in(max(start, mention.span.begin - 40), mention.span.begin)):
            out.add(name)  # the next items of the list: "on Canada and Mexico"
    return frozenset(out)


def _listed_target(ctx: Context, c: Candidate, issuer_root: str | None) -> bool:
    """"added 14 foreign organisations, including TechInsights, to its Unreliable Entity
    List", "add more Chinese memory-chip makers to the Entity List": what is added is the
    target (a company as itself, anyone else as their state)."""
    if _LISTED_PASSIVE.match(c.extent.text):
        # "Wingtech was put on the list": the subject is who is listed
        subject = ctx.actor_ending_at(c.extent.begin)
        if subject is None or subject.type in _NO_TARGET or \
                ctx.root(subject.name) == issuer_root:
            return False
        c.target_span = subject.span
        c.target = subject.name if subject.type is ActorType.COMPANY else \
            _as_state(ctx, subject.name)
        return True
    lo, listing = _listing(ctx, c)
    m = _ADDED_TO_LIST.search(listing)
    if m is None:
        return False
    share = _SHARE_IN.match(ctx.text, c.extent.end, c.sentence.end)
    if share is not None and _majority(share.group("count"), listing[:m.start()]):
        # "added 49 entities to the Entity List on Oct. 6, 42 of them in China": the set's
        # state is where (most of) its members are
        state = _state_words().get(share.group("word")) or next(
            (ctx.state_of(a.name) for a in ctx.actors_in(share.start("word"), c.sentence.end)
             if a.span.begin == share.start("word")), None)
        if state is not None and state != issuer_root:
            c.target = state
            return True
    end = lo + m.start()
    begin = lo + len(listing.split(maxsplit=1)[0])  # past the verb
    examples = _examples().search(ctx.text, begin, end)
    if examples is not None:
        # "added 140 companies, including chip maker X, to the Entity List": the set is the
        # target, X only an example of it; the set's state, when the text gives it
        state = _set_state(ctx, c, (begin, end), examples, issuer_root)
        if state is not None:
            c.target = state
            return True
    for mention in ctx.actors_in(begin, end):
        if mention.type in _NO_TARGET or ctx.root(mention.name) == issuer_root:
            continue
        c.target_span = mention.span
        c.target = mention.name if mention.type is ActorType.COMPANY else \
            _as_state(ctx, mention.name)
        return True
    for word in re.finditer(r"[A-Z][a-z]+", ctx.text[begin:end]):
        state = _state_words().get(word.group())
        if state is not None and state != issuer_root:
            c.target = state
            return True
    return False


def _listing(ctx: Context, c: Candidate) -> tuple[int, str]:
    """The words of a listing and where they begin: the mention's own, or, when the mention
    is only the list's name ("export control list"), from the last listing verb of its
    clause ("added 20 Japanese companies to its export control list")."""
    if not _LIST_NAME.match(c.extent.text):
        return c.extent.begin, c.extent.text
    lead = ctx.text[max(c.sentence.begin, c.extent.begin - _LISTING_REACH):c.extent.begin]
    verb = next(reversed(list(_listing_verbs().finditer(lead))), None)  # the last
    if verb is None or _CLAUSE_END.search(lead, verb.end()):
        return c.extent.begin, c.extent.text
    lo = c.extent.begin - len(lead) + verb.start()
    return lo, ctx.text[lo:c.extent.end]


def _set_state(ctx: Context, c: Candidate, added: tuple[int, int], examples: re.Match[str],
               issuer_root: str | None) -> str | None:
    """The state of a set of listed names given with examples ("140 Chinese companies,
    including X"): a nationality in the set's own words, else the one state its examples
    belong to, else the state the clause before the listing verb aims at ("a crackdown on
    China's chip industry, adding 140 companies, including X, ..."); ``added``: the span
    of what is added."""
    begin, end = added  # the set's own words are those of ``examples``
    for word in re.finditer(r"[A-Z][a-z]+", examples.group()):
        state = _state_words().get(word.group())
        if state is not None and state != issuer_root:
            return state
    named = {ctx.state_of(a.name) for a in ctx.actors_in(examples.end(), end)
             if a.type not in _NO_TARGET}
    if len(named) == 1 and None not in named:
        state = named.pop()
        if state is not None and state != issuer_root:
            return state
    clause = ctx.text.rfind(",", c.sentence.begin, begin)
    lead_end = clause if clause > c.sentence.begin else begin
    for mention in reversed(ctx.actors_in(c.sentence.begin, lead_end)):
        state = ctx.state_of(mention.name)
        if mention.type is ActorType.STATE and state is not None and state != issuer_root:
            return state
    return None


def _state_like(name: str) -> bool:
    """An organisation that acts as a state ("European Union": it has demonyms)."""
    from ..refdata import actor_data

    entry = actor_data().entries.get(name)
    return entry is not None and bool(entry.demonyms)


def _state_after(ctx: Context, offset: int, issuer_root: str | None) -> str | None:
    """The state of the first actor or nationality in the next few words after ``offset``
    ("... at the Chinese Embassy in Tokyo") other than the issuer's."""
    end = min(len(ctx.text), offset + _STATE_AFTER_REACH)
    for mention in ctx.actors_in(offset, end):
        state = ctx.state_of(mention.name)
        if state is not None and state != issuer_root:
            return state
    for m in re.finditer(r"[A-Z][a-z]+", ctx.text[offset:end]):
        state = demonym_states().get(m.group())
        if state is not None and state != issuer_root:
            return state
    return None


def _clause(ctx: Context, c: Candidate, others: list[Candidate]) -> tuple[int, int]:
    """The stretch of the head's clause: from the last break before it to the next one, and
    never over another measure of the sentence."""
    text = ctx.text
    begin, end = c.sentence.begin, c.sentence.end
    for m in _CLAUSE_BREAK.finditer(text, c.sentence.begin, c.extent.begin):
        begin = m.end()
    cut = _CLAUSE_BREAK.search(text, c.extent.end, end)
    if cut is not None:
        end = cut.start()
    for o in others:
        if o.extent.end <= c.extent.begin:
            begin = max(begin, o.extent.end)
        elif o.extent.begin >= c.extent.end:
            end = min(end, o.extent.begin)
    return begin, end




@lru_cache(maxsize=1)
def _examples() -> re.Pattern[str]:
    """A set of names added to a list, given with examples ("140 companies, including",
    "some two dozen Chinese entities, including", "Japanese defence contractors such as"):
    a count if any, up to three words, a noun of ``[measures.targets].listed_sets``."""
    nouns = phrase_alternation(load_triggers().raw["measures"]["targets"]["listed_sets"])
    return re.compile(rf"\b(?:(?:\d[\d,]*|dozens|hundreds|scores|several|(?:more\s+than|another|"
                      rf"over|about|nearly|some)\s+(?:\d+|(?:a|two|three|four|five)\s+dozen)|"
                      rf"(?:some\s+)?(?:a|two|three|four|five)\s+dozen)\s+)?"
                      rf"(?:[\w-]+\s+){{0,3}}?(?:{nouns})\s*,?\s+"
                      rf"(?:including|among\s+them|such\s+as)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _listing_verbs() -> re.Pattern[str]:
    """The verbs that put parties on a list (``[measures.targets].listing_verbs``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["listing_verbs"])


@lru_cache(maxsize=1)
def _supplied() -> re.Pattern[str]:
    """Right before the supplier: a state's buying from or depending on it ("relies on",
    "buys ... from"; ``[measures.targets]`` ``dependence_verbs``, ``purchase_verbs``)."""
    raw = load_triggers().raw["measures"]["targets"]
    return re.compile(rf"(?:\b(?:{phrase_alternation(raw['dependence_verbs'])})\s+on|"
                      rf"\b(?:{phrase_alternation(raw['purchase_verbs'])})\b[^.;:]{{0,80}}?"
                      rf"\bfrom)\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _partner() -> re.Pattern[str]:
    """Right before an actor who acts with the issuer ("in lockstep with", ``[measures.targets]
    partner_phrases``), perhaps then "the"."""
    phrases = phrase_alternation(load_triggers().raw["measures"]["targets"]["partner_phrases"])
    return re.compile(rf"\b(?:{phrases})\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _undoing() -> re.Pattern[str]:
    """Words of an "other" measure that lift or resume what another stopped
    (``[measures.targets].undoing``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["undoing"])


@lru_cache(maxsize=1)
def _responding() -> re.Pattern[str]:
    """Words that make an "other" measure answer one (``[measures.targets].responding``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["responding"])


@lru_cache(maxsize=1)
def _domestic() -> re.Pattern[str]:
    """Words of an "other" measure that make it a domestic policy
    (``[measures.targets].domestic``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["domestic"])


def _majority(count: str, listing: str) -> bool:
    """Whether ``count`` ("42", "most", "the majority") is most of the set the ``listing``
    counts ("added 49 entities"): a number over half of the listing's first number, or one
    of ``[measures.targets] majority_words``."""
    words = " ".join(count.replace("’", "'").split()).casefold()
    if words in _majority_words():
        return True
    share = _count_value(words)
    total = next((v for n in _NUMBER.finditer(listing)
                  if (v := _count_value(n.group().casefold())) is not None), None)
    return share is not None and total is not None and share * 2 > total


def _count_value(word: str) -> float | None:
    """A count in digits or in words ("42", "1,200", "twelve"), else None."""
    if word[:1].isdigit():
        digits = word.replace(",", "")
        return float(digits) if digits.isdigit() else None
    value = load_triggers().number_words.get(word)
    return float(value) if value is not None else None


@lru_cache(maxsize=1)
def _majority_words() -> frozenset[str]:
    return frozenset(" ".join(w.replace("’", "'").split()).casefold()
                     for w in load_triggers().raw["measures"]["targets"]["majority_words"])


@lru_cache(maxsize=1)
def _untargeted() -> re.Pattern[str]:
    """Words after a measure that deny it a target (``[measures.targets].untargeted``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["untargeted"])


@lru_cache(maxsize=1)
def _state_words() -> dict[str, str]:
    """A state's one-word names, demonyms and capitals -> the state ("Japanese", "Tokyo",
    "Japan" -> "Japan"), from the reference data."""
    from ..refdata import actor_data

    out: dict[str, str] = {}
    for entry in actor_data().entries.values():
        if entry.type is not ActorType.STATE:
            continue
        for word in (entry.name, *entry.aliases, *entry.demonyms, *entry.capitals):
            if " " not in word:
                out.setdefault(word, entry.name)
    return out


def _first_item_state(ctx: Context, offset: int, issuer_root: str | None) -> str | None:
    """The state the first item of the list after ``offset`` names, by an actor or a
    nationality word ("1. Japanese military users;")."""
    m = _FIRST_ITEM.match(ctx.text, offset)
    if m is None:
        return None
    for mention in ctx.actors_in(m.start(1), m.end(1)):
        state = ctx.state_of(mention.name)
        if state is not None and ctx.root(mention.name) != issuer_root:
            return state
    for word in re.finditer(r"[A-Z][a-z]+", m.group(1)):
        state = _state_words().get(word.group())
        if state is not None and state != issuer_root:
            return state
    return None


def ships_to_itself(ctx: Context, c: Candidate) -> bool:
    """"Cognac makers say shipments to China have all but stopped" read as a Chinese export
    ban: an export measure whose goods go "to" its own issuer's state is no export measure
    of that issuer (the issuer was wrongly inferred, or the words tell of trade flows)."""
    if family(c.type) != "export" or c.issuer is None:
        return False
    root = ctx.root(c.issuer)
    text = ctx.text
    for mention in ctx.actors_in(c.extent.begin, min(c.sentence.end, c.extent.end + 30)):
        if ctx.root(mention.name) == root and _TO_DESTINATION.search(
                text, max(c.sentence.begin, mention.span.begin - 40), mention.span.begin):
            return True
    return False


def _as_state(ctx: Context, name: str) -> str:
    return ctx.state_of(name) or name


def fill_targets(ctx: Context, candidates: list[Candidate]) -> None:
    """Protests (and WTO cases) answer the other side's latest measure; a mention with no
    target takes that of the nearest mention of its family by the same issuer when both
    can be one measure (no list entry of its own, dates within a month)."""
    for index, c in enumerate(candidates):
        if c.target is not None:
            continue
        if c.antecedent is not None:
            c.target = c.antecedent.target  # "announced the ban": that ban's target
            continue
        root = ctx.root(c.issuer)
        if c.type is MeasureType.PROTEST or (
                c.type is MeasureType.OTHER and _responding().search(c.extent.text)):
            # the other side's last measure, a case against it not being one ("the EU's
            # countervailing duties" are, a WTO complaint answering them is not)
            def answered(o: Candidate, r: str | None = root) -> bool:
                return bool(o.type is not MeasureType.PROTEST and not (
                    o.type is MeasureType.OTHER and _responding().search(o.extent.text))
                    and o.issuer and ctx.root(o.issuer) != r)

            def aimed(o: Candidate, r: str | None = root) -> bool:
                return answered(o) and o.target is not None and r is not None and \
                    _as_state(ctx, o.target) == _as_state(ctx, r)

            # the last aimed at the responder ("Canada and Mexico answered the US tariffs;
            # Beijing will file a lawsuit at the WTO": the US tariffs on China), else the
            # last before, else one the sentence names after it ("Japan protests as China
            # bars dual-use exports")
            protested = nearest(candidates, index, aimed, after=False) or \
                nearest(candidates, index, answered, after=False) or next(
                (o for o in candidates[index + 1:] if o.sentence == c.sentence and answered(o)),
                None)
            if protested is not None:
                c.target = _as_state(ctx, protested.issuer)  # type: ignore[arg-type]
            continue
        if c.type is MeasureType.OTHER and not c.untargeted and \
                _undoing().search(c.extent.text):
            undone = _undone(ctx, candidates, index)
            if undone is not None:
                c.target = undone.target  # "Beijing lifted the barley duties": their target
            continue
        if c.type in (MeasureType.BUDGET, MeasureType.OTHER) or c.untargeted or \
                (c.entry is not None and c.entry.kind is not None) or \
                _LIST_OF_SET.search(c.extent.text):
            continue  # "the list of entities subject to ...": aimed at those it lists
        kind = family(c.type)
        # An event referred back to ("launched the drills on Monday") is the one named
        # before, dated or not; a lasting measure may be another of its kind.
        definite = c.type in ONE_OFF and _DEFINITE.search(
            ctx.text, max(c.sentence.begin, c.head.begin - 20), c.head.begin) is not None
        def kin(o: Candidate, f: str = kind, r: str | None = root, me: Candidate = c,
                d: bool = definite) -> bool:
            return bool(o.target and family(o.type) == f and ctx.root(o.issuer) == r
                        and same_episode(me, o, definite=d))

        source = nearest(candidates, index, kin)
        if source is not None:
            c.target = source.target


def _undone(ctx: Context, candidates: list[Candidate], index: int) -> Candidate | None:
    """The measure an "other" mention lifting or resuming trade undoes: the nearest before it
    (else later in its sentence: "halted imports of X, which it had partly resumed in June")
    by the same side, with a target, itself no undoing nor answer, on related goods."""
    c = candidates[index]
    root = ctx.root(c.issuer)

    def undone(o: Candidate) -> bool:
        return bool(o.target and o.type not in _NOT_UNDONE and ctx.root(o.issuer) == root
                    and not (o.type is MeasureType.OTHER and (
                        _undoing().search(o.extent.text) or _responding().search(o.extent.text)))
                    and not (c.covers and o.covers and not goods_related(c.covers, o.covers)))

    return nearest(candidates, index, undone, after=False) or next(
        (o for o in candidates[index + 1:] if o.sentence == c.sentence and undone(o)), None)


def cases_referred_back(ctx: Context, candidates: list[Candidate]) -> None:
    """"South Korea files a WTO complaint ... (a year later) Seoul revives the WTO dispute":
    a case named with a definite determiner is the case the same side brought before; its
    later steps (suspended, revived, withdrawn) take that case's date."""
    for index, c in enumerate(candidates):
        if c.type is not MeasureType.OTHER or not _responding().search(c.extent.text) or \
                not _DEFINITE.search(ctx.text, max(c.sentence.begin, c.extent.begin - 20),
                                     c.extent.begin):
            continue
        root = ctx.root(c.issuer)
        earlier = next((o for o in reversed(candidates[:index]) if o.type is MeasureType.OTHER
                        and o.date is not None and ctx.root(o.issuer) == root
                        and _responding().search(o.extent.text)), None)
        if earlier is not None:
            c.date = earlier.date


def share_coordinated_targets(ctx: Context, candidates: list[Candidate]) -> None:
    """"travel advisories, seafood import bans, and now export controls against Japan":
    measures listed together share the target named after the last of them."""
    for index in range(len(candidates) - 2, -1, -1):
        c, following = candidates[index], candidates[index + 1]
        if c.target is None and following.target is not None and \
                following.sentence == c.sentence and not c.untargeted and \
                ctx.root(c.issuer) == ctx.root(following.issuer) and \
                _COORDINATED.fullmatch(ctx.text[c.extent.end:following.extent.begin]):
            c.target = following.target


def same_episode(a: Candidate, b: Candidate, *, definite: bool = False) -> bool:
    """Whether ``b`` can vouch that ``a`` is the same measure: when ``a`` is dated, ``b``
    is dated within a month of it (or undated, when ``a`` is a definite noun referring
    back: "launched the drills on Monday"); the goods they name are not unrelated."""
    if a.date is not None and b.date is None and not definite:
        return False
    if a.date is not None and b.date is not None and \
            days_between(a.date, b.date) > _SAME_EPISODE_DAYS:
        return False
    if (a.status is MeasureStatus.HISTORICAL) != (b.status is MeasureStatus.HISTORICAL):
        return False
    return not (a.covers and b.covers and not goods_related(a.covers, b.covers))
