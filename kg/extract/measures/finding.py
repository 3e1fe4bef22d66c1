"""Where measures are mentioned: trigger phrases, heads with a domain word or a controlled
good, definite heads referring back, and the dated entries of timelines and lists.

See :mod:`kg.extract.measures` for the rules; the words are in ``[measures]`` of
``kg/data/triggers.toml``.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ...model import ActorType, MaterialMention, MeasureType, Span
from ..anchored import StreamKeyFilter, letter_head, lowered
from ..context import Context
from ..gazetteer import token_stream
from ..refdata import material_info
from ..triggers import MeasureRule, load_triggers
from .candidate import OVERLAP_REACH, Candidate, Entry, demonym_states, overlap
from .entries import entry_of
from .items import added_goods, gapped_controls, item_controls
from .labels import in_name, section_label
from .rules import head_key, measure_rules
from .status import is_suspension

_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|now\s+|also\s+|not\s+)?$",
                      re.IGNORECASE)
_PASSIVE_REACH = 60
"""Characters before a head that hold its auxiliary ("exports ... are now prohibited")."""
_MODALS = frozenset({"would", "will", "to", "could", "may", "might", "shall", "should", "can",
                     "did", "does", "do", "must"})
_VERB_FORMS = load_triggers().raw["measures"]["verb_forms"]
_PRESENT_FORMS = frozenset(_VERB_FORMS["present_forms"])
_ING_NOUNS = frozenset(_VERB_FORMS["ing_nouns"])
"""Words in -ing that open a measure phrase as nouns or adjectives ("licensing
requirements", "countervailing duties")."""
_VERB_PREFIXES = ("re-", "co-", "pre-", "de-", "un-")
_DEGREE = frozenset({"partly", "partially", "fully", "largely"})
_BASE_VERBS = frozenset(_VERB_FORMS["base_verbs"])
"""Base forms that are the verb of a plural subject right before them ("they advise")."""
_NOUN_MARKERS = frozenset({"the", "its", "their", "new", "export", "import", "of", "on", "these",
                           "those", "such", "tighter", "stricter", "broader", "own", "chip"})
_OWN_PARTICIPLE = re.compile(r"\s+(?:(?:[Ii]t|[Tt]hey|the government|[A-Z][\w.-]+)\s+)?"
                             r"(?:had\s+|has\s+)?(?:" + "|".join(map(
                                 re.escape, load_triggers().raw["measures"]["own_participles"]))
                             + r")\b")
"""A head with its own imposing verb: "a ban imposed in 2023", "a ban it imposed", "a
ban Beijing imposed"."""
_SUSPENSION = re.compile(r"\s+(?:the\s+)?(?:implementation|enforcement)\s+of\b", re.IGNORECASE)
_CONTROL_NOUN_AFTER = re.compile(r"\s*(?:controls?|curbs?|restrictions?|licen[cs]ing|licen[cs]es?"
                                 r"|bans?)\b", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r",\s+(?:which|a day|two days|days|a week|weeks|after|before|while|"
                         r"only)\b|;|\s[—–]\s")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
"""A word, as head words are matched: letters only ("export-ban" holds "ban")."""
_PURPOSE = re.compile(r"\bto\s+(?:lodge|make|deliver|register|file|convey|express)\s+"
                      r"(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_ANAPHOR_AFTER = re.compile(r",?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+|"
                            r"(?:(?:which|that)\s+)?(?:it|they|[A-Z][\w.-]+)\s+"
                            r"(?:had\s+|has\s+|have\s+)?)?(?P<verb>[a-z]+ed)\b")
"""After a definite head, the participle or verb that imposed it: "the measures announced
by X", "the ban, announced on Tuesday", "the probe was announced", "the controls it had
announced"."""
_COORDINATION = re.compile(r"\s*(?:,|and|or|&|,\s*and|,\s*or)\s*")
_NOUN_OBJECT = re.compile(r"\s+(?:on|of|over|(?:that\s+|which\s+)?(?:covers|covering))\s+"
                          r"(?:[\w-]+\s+){0,3}")
"""A control noun's object: "controls on (seven medium and heavy) rare earths"."""
_VERB_OBJECT = re.compile(r"\s+(?:(?:the|its|all|some|certain|several)\s+)?")
ACTION_NOUN = re.compile(r"\b(?:approval|adoption|announcement|imposition|introduction|"
                         r"decision|launch|passage|unveiling)\s+of\b", re.IGNORECASE)
"""An action noun governing a measure ("Japan's approval of a record budget")."""
"""Words allowed between a control noun's preposition and the controlled good."""
_MODIFIER_BEFORE = re.compile(r"\b([\w]+(?:[-\u2010\u2011][\w]+)?(?:\s+use)?)\s+$")
_POSSESSED_HEAD = re.compile(r"['’]s\s+([a-z]+)\b")
_OWNER_END = re.compile(r"['’]s\s+$")
_DATED_OWNER_REACH = 30
"""Characters before a head searched for the date of "China's Jan. 6 ban"."""
_FOREIGN_OBJECT = re.compile(r"\s+(?:on|of|against)\s+(?:(?:imports|purchases)\s+of\s+)?(?:the\s+)?"
                             r"(?P<dem>[A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+)?")
"""Between a ban and a good of foreign origin: "on (imports of) Japanese (fresh) "."""
_EXPORT_BEFORE = re.compile(r"\b(?:export|outbound)[- ]$", re.IGNORECASE)
""""export curbs on Korean chips": the issuer's exports to that state, no import ban."""
_BODY_NOUN_BEFORE = re.compile(r"\b(?:ministry|government|cabinet|commission|authorities|"
                               r"administration|agency|bureau|council)$", re.IGNORECASE)
_OWN_PREDICATE = re.compile(r"[^,;:.]{0,60}?\b(?:(?:(?:have|has|had)\s+(?:been\s+)?|were\s+|was\s+)"
                            r"(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)|took\s+effect|(?:came|went)\s+into\s+"
                            r"(?:force|effect)|kicked\s+in)\b")
"""A past or perfect predicate after a bare plural ("controls on X took effect on ..."): it
happened, it is not measures at large."""
_RELATIVE = re.compile(r",\s+(?:which|that)\b")
_RELATIVE_CONTROL = re.compile(r",\s+(?:which|that)\s+(?:[\w’'.-]+\s+){1,4}?(?:has|have|had)\s+"
                               r"(?:\w+ly\s+)?$")
_REDUCED_RELATIVE = re.compile(r",\s+(?:\w+ly\s+)?$")
_SINCE_AFTER = re.compile(r"\s+since\b", re.IGNORECASE)
_ITEM_GAP = re.compile(r"\s*(?:,|and|or|,\s*and)\s*(?:(?:some|certain|several|all|two|three|"
                       r"four|five|six|seven|eight|nine|ten|\d+)\s+)?")
"""Between items of a list of goods: "..., and seven medium and heavy rare earths"."""
_DATE_ASIDE = re.compile(r"\s*\((?:effective|from|since|in)?\s*[^()]{3,24}\)")
"""A bracket after a good that holds its date: "graphite (December 2023)"."""
_SYMBOL_ASIDE = re.compile(r"\s*\([^()]{1,12}\)")
"""A short aside after a good, its symbol or code: "antimony (Sb)"."""
_MEASURE_NOUN_BEFORE = re.compile(r"\b(?:restrictions|controls|curbs|ban|bans|limits|quotas|"
                                  r"measures|rules)\s+(?:on|of)\s+(?:[\w-]+\s+){0,2}$",
                                  re.IGNORECASE)
_GOOD_AS_MODIFIER = re.compile(r"[\s-]+(?:suppliers?|producers?|makers?|manufacturers?|companies|"
                               r"company|firms?|miners?|mines?|buyers?|users?|customers?|prices?|"
                               r"stocks?|shares|industry|industries|sector|sectors|imports?|"
                               r"importers?|traders?|processors?|refiners?|plants?|projects?)\b",
                               re.IGNORECASE)
"""A noun after a good that makes the good its modifier: "a list of rare earth suppliers"."""
_DENIED = re.compile(r"\b(?:no\s+longer|not|never|n['’]t)\s+(?:(?:be|been|being)\s+)?$",
                     re.IGNORECASE)
"""Before a permission head: "exports ... would no longer be permitted" is a ban."""
_AFTER_CONTROL = re.compile(r"\s+(?:on|of|over|against)\b")
"""After a bare singular "control": its object, which makes it one measure ("export
control on gallium")."""
_LIST_BREAK = re.compile(r"[;:]|\s[—–]\s|,\s+[A-Z]|\b(?:that|because|so|when|while)\s+"
                         r"(?:they|it|we|he|she|I|you)\b")
"""Between a head and a domain word after it: another clause ("Before the ban, China is
Japan's largest export market"; "the rules are so broad that they have lost sales to
buyers abroad": the sales are the firms', the rules are not on them)."""
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|its|all|some|several|certain|their)\s+)?"
                         r"(?:(?!(?:of|on|to|in|at|for|with|by|from|about|over)\b)[\w-]+\s+){0,3}")
"""Between a head and its object: a determiner and up to three modifiers, no preposition."""
_OWN_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their)\s+(?:[\w-]+\s+)?$",
                             re.IGNORECASE)
"""A determiner opening the head's own noun phrase after a domain word ("exports ... to the
new ban"): the domain word belongs to another phrase."""
_WISHED = re.compile(r"\b(?:call(?:s|ed|ing)?\s+for|push(?:es|ed|ing)?\s+for|urg(?:e|es|ed|ing)|"
                     r"advocat(?:e|es|ed|ing)|favou?r(?:s|ed|ing)?)\s+(?:[\w-]+\s+)?$",
                     re.IGNORECASE)
"""A verb of wishing before a bare plural: measures of a kind wanted, not one taken."""


# -- candidates -------------------------------------------------------------------------------

def find_candidates(ctx: Context, materials: list[MaterialMention], entries: list[Entry],
                    phrases: dict[str, list[re.Match[str]]]) -> list[Candidate]:
    """Every measure mention of the article, before issuers, targets and dates are known;
    ``phrases`` is the article's scan by :attr:`.rules.MeasureRules.phrases`."""
    t = load_triggers()
    found: list[Candidate] = []
    by_type = {r.type: r for r in t.measure_rules}
    for rule in t.measure_rules:
        for m in phrases.get(rule.type.value, ()):
            sentence = ctx.sentence_of(m.start())
            if sentence is None:
                continue
            if rule.action_cues and not any(c in sentence.text.lower() for c in rule.action_cues):
                continue
            if rule.type is MeasureType.BUDGET and any(
                    c.type is MeasureType.BUDGET and c.sentence == sentence for c in found):
                continue  # "the fiscal 2027 budget draft with record defence spending": one
            span = Span(m.start(), m.end(), m.group())
            found.append(Candidate(rule.type, span, sentence, span,
                                   verbal=is_verbal(m.group(), ctx, m.start())))
    hits = _head_hits(ctx)
    found.extend(_headed(ctx, by_type, hits, phrases))
    goods = sorted((m for m in materials if is_controlled(m)), key=lambda m: m.span.begin)
    found.extend(_controlled_objects(ctx, goods, hits))
    found.extend(item_controls(ctx, goods))
    found.extend(added_goods(ctx, goods))
    found.extend(_foreign_goods(ctx, materials, hits))
    found.extend(_anaphors(ctx, hits.get("anaphor", [])))
    found.extend(_anaphors(ctx, hits.get("anaphor_other", []), MeasureType.OTHER))
    found.extend(_possessed_acts(ctx))
    rules = measure_rules()
    found = [c for c in found if not rules.law_name.match(ctx.text, c.extent.end)]
    kept = _purposes_dropped(ctx, _without_duplicates(_without_nested_heads(found)))
    kept.extend(_entry_measures(ctx, entries, kept))
    kept.extend(gapped_controls(ctx, goods, kept))
    for c in kept:
        c.entry = entry_of(entries, c.head.begin) or c.entry
    return sorted(kept, key=lambda c: c.head.begin)


def _head_hits(ctx: Context) -> dict[str, list[Span]]:
    """Every head word of the text by role (see :attr:`.rules.MeasureRules.head_roles`),
    found in one scan."""
    rules = measure_rules()
    roles = rules.head_roles
    text = ctx.text
    hits: dict[str, list[Span]] = {}
    lower, agree = lowered(text)  # shared with the other scans of the article
    if agree and _anchorable(rules.head_words):
        found_words = _head_words_at_tokens(text, lower, rules.head_words, rules.head_regex)
    elif len(lower) == len(text):
        found_words = [m for m in rules.head_regex.finditer(lower)
                       if not m.start() or not _LETTER.match(lower, m.start() - 1)]
    else:  # a letter whose lower case is longer ("İ"): offsets would shift
        found_words = [m for m in _WORD.finditer(text) if m.group().lower() in rules.head_words]
    for m in found_words:
        key = m.group().lower()
        found, end = roles.get(key), m.end()
        if key in rules.head_starts:
            # a two-word head ("cut off") wins over its first word
            second = _NEXT_WORD.match(text, end)
            if second is not None and f"{key} {second.group(1).lower()}" in roles:
                found, end = roles[f"{key} {second.group(1).lower()}"], second.end()
        if found:
            span = Span.of(text, m.start(), end)
            for role in found:
                hits.setdefault(role, []).append(span)
    return hits


_AFTER_DIGIT = re.compile(r"\d([^\W\d_]+)")


@lru_cache(maxsize=4)
def _anchorable(words: frozenset[str]) -> bool:
    """Whether each head word is a run of two ASCII letters or more (see below)."""
    return all(len(word) >= 2 and word.isascii() and word.isalpha() for word in words)


@lru_cache(maxsize=4)
def _head_keys(words: frozenset[str]) -> StreamKeyFilter:
    """The token keys with a head word at their start or after a digit in them."""
    return StreamKeyFilter(lambda key: letter_head(key) in words or not key.isalpha() and any(
        m.group(1) in words for m in _AFTER_DIGIT.finditer(key)))


def _head_words_at_tokens(text: str, lower: str, words: frozenset[str],
                          regex: re.Pattern[str]) -> list[re.Match[str]]:
    """What the scan of ``regex`` over ``lower`` keeps (its matches not after a letter),
    tried only where the token stream of ``text`` has a run of letters that is a head
    word: at a token's start, or after a digit inside a token ("2ban").  A head word is
    a run of letters of two or more, so no match of the scan that ends after a letter can
    hide one (the runs do not overlap), and none opens inside an abbreviation ("U.S.") or
    a possessive token; ``lower`` holds the tokens' keys (see
    :func:`~kg.extract.anchored.keys_are_lowered`)."""
    stream = token_stream(text)
    tokens = stream.tokens
    keys = _head_keys(words).select(stream)
    found: list[re.Match[str]] = []
    for i in stream.positions(keys):
        token = tokens[i]
        key = token.key
        starts = [token.begin] if letter_head(key) in words else []
        if not key.isalpha():
            starts.extend(token.begin + m.start(1) for m in _AFTER_DIGIT.finditer(key)
                          if m.group(1) in words)
        for start in starts:
            m = regex.match(lower, start)
            if m is not None:
                found.append(m)
    return found


def _headed(ctx: Context, rules: dict[MeasureType, MeasureRule],
            hits: dict[str, list[Span]], phrases: dict[str, list[re.Match[str]]]
            ) -> list[Candidate]:
    """Export/import measures: a head word with a domain word near it."""
    out: list[Candidate] = []
    words = [(m, True) for m in phrases["export_words"]] + \
        [(m, False) for m in phrases["import_words"]]
    # The domain words of a sentence by bisect over their starts (each head's own scan of
    # every word of the article made long texts quadratic), kept in the order above.
    by_start = sorted(range(len(words)), key=lambda i: words[i][0].start())
    starts = [words[i][0].start() for i in by_start]

    def in_sentence(sentence: Span) -> list[tuple[re.Match[str], bool]]:
        chosen = by_start[bisect.bisect_left(starts, sentence.begin):
                          bisect.bisect_left(starts, sentence.end)]
        return [words[i] for i in sorted(chosen)]

    permissions = measure_rules().permission_heads
    heads: dict[tuple[int, int], set[MeasureType]] = {}
    for head_type in (MeasureType.EXPORT_BAN, MeasureType.IMPORT_BAN,
                      MeasureType.EXPORT_CONTROL):
        if head_type not in rules:
            continue
        for span in hits.get(head_type.value, ()):
            heads.setdefault((span.begin, span.end), set()).add(head_type)
    for (begin, end), kinds in sorted(heads.items()):
        sentence = ctx.sentence_of(begin)
        if sentence is None:
            continue
        head = Span.of(ctx.text, begin, end)
        if head.text.lower().startswith("suspen") and _SUSPENSION.match(ctx.text, end):
            continue  # "suspend implementation of the controls": lifting a measure
        permission = head_key(head.text) in permissions
        if permission and not _DENIED.search(ctx.text, max(sentence.begin, begin - 30), begin):
            continue  # "exports are permitted": only a permission denied is a ban
        domain = _domain_word(ctx, head, sentence, in_sentence(sentence))
        if domain is None:
            continue
        word, is_export = domain
        verbal = is_verbal(head.text, ctx, head.begin)
        if verbal and word.begin > head.end and _CONTROL_NOUN_AFTER.match(ctx.text, word.end):
            continue  # "tightening Japan's own export controls": the noun phrase is the measure
        if verbal and word.end <= head.begin and _RELATIVE.search(ctx.text, word.end, head.begin) \
                and _MEASURE_NOUN_BEFORE.search(ctx.text, max(sentence.begin, word.begin - 40),
                                                word.begin):
            continue  # "restrictions on exports of X, which Y suspended": the restrictions
        if is_export:
            kind = MeasureType.EXPORT_BAN if MeasureType.EXPORT_BAN in kinds else (
                MeasureType.EXPORT_CONTROL if MeasureType.EXPORT_CONTROL in kinds else None)
        else:
            kind = MeasureType.IMPORT_BAN if MeasureType.IMPORT_BAN in kinds else None
        if kind is None:
            continue
        extent = Span.of(ctx.text, min(head.begin, word.begin), max(head.end, word.end))
        own = _OWN_PARTICIPLE.match(ctx.text, head.end, sentence.end)
        if own is not None and word.end <= head.begin and \
                len(ctx.text[word.end:head.begin].split()) > load_triggers().domain_window:
            extent = Span.of(ctx.text, head.begin, own.end())  # "a ban it imposed"
        candidate = Candidate(kind, head, sentence, extent, verbal=verbal)
        candidate.prohibition = permission
        out.append(candidate)
    return out


def _domain_word(ctx: Context, head: Span, sentence: Span,
                 domain: list[tuple[re.Match[str], bool]]) -> tuple[Span, bool] | None:
    """The export/import word nearest the head, within the window (see package doc); a
    head with its own imposing verb ("a ban it imposed in 2023") takes one anywhere in its
    sentence.  ``domain`` are the article's domain words (export words first, then import
    words), each with whether it is an export word."""
    t = load_triggers()
    text = ctx.text
    words = [(m, is_export) for m, is_export in domain
             if sentence.begin <= m.start() and m.end() <= sentence.end]
    if not words:
        return None
    anywhere = _PASSIVE.search(text, max(sentence.begin, head.begin - _PASSIVE_REACH),
                               head.begin) is not None or \
        _OWN_PARTICIPLE.match(text, head.end, sentence.end) is not None
    object_only = head_key(head.text) in measure_rules().object_heads
    best: tuple[int, Span, bool] | None = None
    for m, is_export in words:
        if object_only and (m.start() < head.end or not _OBJECT_GAP.fullmatch(
                text, head.end, m.start())):
            continue  # "held shipments", not "exports held steady"
        if m.end() <= head.begin:
            between = text[m.end():head.begin]
            distance = len(between.split())
            if distance > t.domain_window and not anywhere:
                continue
            if not anywhere and _OWN_DETERMINER.search(between):
                continue  # "exports in general rather than the new ban": its own phrase
        elif m.start() >= head.end:
            between = text[head.end:m.start()]
            distance = len(between.split())
            if distance > t.domain_window or _LIST_BREAK.search(between):
                continue
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, Span(m.start(), m.end(), m.group()), is_export)
    return (best[1], best[2]) if best else None


def is_controlled(material: MaterialMention) -> bool:
    """Whether a good is one export controls are about (not seafood or beef)."""
    rules = measure_rules()
    if material.category in rules.controlled_categories:
        return True
    name: str | None = material.name
    seen: set[str] = set()
    while name and name not in seen:
        if name in rules.controlled_roots:
            return True
        seen.add(name)
        info = material_info(name)
        name = info.broader if info else None
    return False


def _controlled_objects(ctx: Context, goods: list[MaterialMention],
                        hits: dict[str, list[Span]]) -> list[Candidate]:
    """Control and ban heads whose object is a controlled good (``goods``: the article's,
    sorted by position) and that need no export word: "controls on gallium", "antimony
    controls", "China restricted graphite", "gallium and germanium, which China has
    controlled since August 2023"."""
    out: list[Candidate] = _compound_goods(ctx, hits)
    if not goods:
        return out
    starts = {m.span.begin: m for m in goods}
    ends = {m.span.end: m for m in goods}
    begins = [m.span.begin for m in goods]
    for role, kind in (("control_object", MeasureType.EXPORT_CONTROL),
                       ("ban_object", MeasureType.EXPORT_BAN),
                       ("since_object", MeasureType.EXPORT_CONTROL)):
        for head in hits.get(role, ()):
            sentence = ctx.sentence_of(head.begin)
            if sentence is None:
                continue
            i = bisect.bisect_left(begins, sentence.begin)
            if i == len(begins) or begins[i] >= sentence.end:
                continue  # no controlled good in the sentence
            verbal = is_verbal(head.text, ctx, head.begin)
            if role == "since_object":
                # "gallium, licensed since August 2023": only as a lasting participle
                objects = _relative_before(ctx, head, sentence, goods, starts, reduced=True)
            else:
                objects = _objects_after(ctx, head, sentence, goods, begins, verbal) or \
                    _compound_before(ctx, head, ends, verbal) or \
                    _relative_before(ctx, head, sentence, goods, starts)
            if not objects or (objects[-1].span.begin > head.begin and
                               _GOOD_AS_MODIFIER.match(ctx.text, objects[-1].span.end)):
                continue  # "a list of rare earth suppliers": the goods modify another noun
            items = [] if verbal else _dated_items(ctx, sentence, goods, objects)
            if items:
                objects = items[0][0]
            lo = min(head.begin, objects[0].span.begin)
            hi = max(head.end, items[0][1] if items else objects[-1].span.end)
            c = Candidate(kind, head, sentence, Span.of(ctx.text, lo, hi), verbal=verbal)
            c.objects = [o.name for o in objects]
            out.append(c)
            for run, end in items[1:]:
                # "controls on gallium (August 2023), graphite (December 2023) and ...":
                # each good dated apart is one measure of the head's kind
                item = Candidate(kind, run[0].span, sentence,
                                 Span.of(ctx.text, run[0].span.begin, end), verbal=False)
                item.objects = [o.name for o in run]
                out.append(item)
    return out


def _dated_items(ctx: Context, sentence: Span, goods: list[MaterialMention],
                 objects: list[MaterialMention]) -> list[tuple[list[MaterialMention], int]]:
    """"controls on gallium and germanium (effective August 2023), graphite (December 2023)
    and antimony (September 2024)": the coordinated runs of goods a control noun governs,
    each with its own date in brackets, and where each run's bracket ends; [] unless at
    least two runs are dated so."""
    items: list[tuple[list[MaterialMention], int]] = []
    run = objects
    rest = [g for g in goods if objects[-1].span.end <= g.span.begin < sentence.end]
    while True:
        m = _DATE_ASIDE.match(ctx.text, run[-1].span.end)
        if m is None or not ctx.dates_in(m.start(), m.end()):
            break
        items.append((run, m.end()))
        rest = [g for g in rest if g.span.begin >= m.end()]
        if not rest or not _ITEM_GAP.fullmatch(ctx.text[m.end():rest[0].span.begin]):
            break
        run = [rest[0]]
        for good in rest[1:]:
            if not _COORDINATION.fullmatch(ctx.text[run[-1].span.end:good.span.begin]):
                break
            run.append(good)
    return items if len(items) > 1 else []


def _foreign_goods(ctx: Context, materials: list[MaterialMention],
                   hits: dict[str, list[Span]]) -> list[Candidate]:
    """"the ban on Japanese seafood", "a suspension of imports of Australian beef": a ban
    whose object is a good named by its foreign origin is an import ban."""
    starts = {m.span.begin: m for m in materials}
    heads = {(s.begin, s.end): s for role in ("import_ban", "ban_object")
             for s in hits.get(role, ())}
    out: list[Candidate] = []
    for head in sorted(heads.values(), key=lambda s: s.begin):
        m = _FOREIGN_OBJECT.match(ctx.text, head.end)
        good = None
        if m is not None:
            # the good right after the nationality, or after one modifier ("fresh"), or
            # named with its nationality ("Japanese seafood")
            good = starts.get(m.end("dem") + 1) or starts.get(m.end()) or \
                starts.get(m.start("dem"))
        sentence = ctx.sentence_of(head.begin)
        if good is None or sentence is None or m is None or \
                m.group("dem") not in demonym_states() or is_verbal(head.text, ctx, head.begin) \
                or _EXPORT_BEFORE.search(ctx.text, max(0, head.begin - 9), head.begin):
            continue
        extent = Span.of(ctx.text, head.begin, good.span.end)
        out.append(Candidate(MeasureType.IMPORT_BAN, head, sentence, extent, verbal=False))
    return out


def _compound_goods(ctx: Context, hits: dict[str, list[Span]]) -> list[Candidate]:
    """"the dual-use ban": a word naming a controlled good right before a control or ban
    noun (``[measures.objects].compound_goods``)."""
    compounds = measure_rules().compound_goods
    out: list[Candidate] = []
    for role, kind in (("control_object", MeasureType.EXPORT_CONTROL),
                       ("ban_object", MeasureType.EXPORT_BAN)):
        for head in hits.get(role, ()):
            m = _MODIFIER_BEFORE.search(ctx.text, max(0, head.begin - 30), head.begin)
            good = compounds.get(head_key(m.group(1))) if m else None
            sentence = ctx.sentence_of(head.begin)
            if good is None or sentence is None or is_verbal(head.text, ctx, head.begin):
                continue
            assert m is not None
            c = Candidate(kind, head, sentence, Span.of(ctx.text, m.start(1), head.end),
                          verbal=False)
            c.objects = [good]
            out.append(c)
    return out


def _objects_after(ctx: Context, head: Span, sentence: Span, goods: list[MaterialMention],
                   begins: list[int], verbal: bool) -> list[MaterialMention]:
    """"controls on seven rare earths", "restricted gallium and germanium": the goods a
    head governs, as a coordinated run (``goods`` sorted by offset, ``begins`` their
    starts)."""
    lead = _VERB_OBJECT if verbal else _NOUN_OBJECT
    after = goods[bisect.bisect_right(begins, head.end):bisect.bisect_left(begins, sentence.end)]
    if not after or lead.fullmatch(ctx.text[head.end:after[0].span.begin]) is None:
        return []
    run = [after[0]]
    for good in after[1:]:
        if not _COORDINATION.fullmatch(ctx.text[run[-1].span.end:good.span.begin]):
            break
        run.append(good)
    return run


def _compound_before(ctx: Context, head: Span, ends: dict[int, MaterialMention],
                     verbal: bool) -> list[MaterialMention]:
    """"antimony controls": a controlled good right before a control noun."""
    if verbal:
        return []
    pos = head.begin
    while pos > 0 and ctx.text[pos - 1] == " ":
        pos -= 1
    good = ends.get(pos)
    return [good] if good is not None else []


def _relative_before(ctx: Context, head: Span, sentence: Span, goods: list[MaterialMention],
                     starts: dict[int, MaterialMention], *,
                     reduced: bool = False) -> list[MaterialMention]:
    """"gallium and germanium, which China has controlled since ...": a relative clause
    whose verb (a perfect or a participle) controls the goods before it; also a reduced
    one, a participle right after the comma and before "since" ("antimony (Sb), controlled
    since September 2024"), the only frame ``reduced`` heads ("licensed") are tried in."""
    before = ctx.text[sentence.begin:head.begin]
    since = _SINCE_AFTER.match(ctx.text, head.end) is not None
    m = _RELATIVE_CONTROL.search(before)
    if m is None:
        m = _REDUCED_RELATIVE.search(before) if since else None
    elif reduced and not since:
        m = None  # "licensed" is a control only as a lasting participle
    if m is None or not head.text.lower().endswith("ed"):
        return []
    comma = sentence.begin + m.start()
    # a symbol in an aside ("germanium (Ge)") is its good again: the good before it counts
    found = [g for g in goods if sentence.begin <= g.span.begin and g.span.end <= comma
             and not ctx.text.endswith("(", 0, g.span.begin)]
    between = _SYMBOL_ASIDE.sub(" ", ctx.text[found[-1].span.end:comma]) if found else ""
    if not found or not re.fullmatch(r"[\s\w,-]*", between) or len(between.split()) > 1:
        return []
    # The coordinated goods right before the comma ("gallium and germanium").
    run = [found[-1]]
    for good in reversed(found[:-1]):
        if _COORDINATION.fullmatch(_SYMBOL_ASIDE.sub(" ", ctx.text[good.span.end:
                                                                  run[0].span.begin])):
            run.insert(0, good)
        else:
            break
    return run


def _anaphors(ctx: Context, heads: list[Span],
              kind: MeasureType = MeasureType.EXPORT_BAN) -> list[Candidate]:
    """"China's commerce ministry announced the ban on Tuesday": a definite head that an
    imposing verb governs, before it or after it ("the measures announced by X", "the ban,
    announced on Tuesday, ...", "the probe was announced on Wednesday", "the expanded
    controls it had announced on Oct. 9"), in a sentence with a date, refers back to an
    earlier measure; ``kind`` is the family it refers to (trade measures by default)."""
    rules = measure_rules()
    out: list[Candidate] = []
    for head in heads:
        sentence = ctx.sentence_of(head.begin)
        if sentence is None or not ctx.dates_in(sentence.begin, sentence.end):
            continue
        before = ctx.text[max(sentence.begin, head.begin - 40):head.begin].split()
        after = _ANAPHOR_AFTER.match(ctx.text, head.end, sentence.end)
        governed_after = after is not None and after.group("verb").lower() in rules.anaphor_verbs
        determined = bool(before) and before[-1].lower() in rules.anaphor_determiners
        if not determined and governed_after and len(before) >= 2 and \
                before[-2].lower() in rules.anaphor_determiners and before[-1].islower():
            determined = True  # "the expanded controls it had announced on Oct. 9"
        dated_owner = not determined and _dated_possessor(ctx, head, sentence)
        if not determined and not dated_owner:
            continue
        if not governed_after and not dated_owner and (
                len(before) < 2 or before[-2].lower() not in rules.anaphor_verbs):
            continue
        c = Candidate(kind, head, sentence, head, verbal=False, anaphor=True, governed=True)
        out.append(c)
    return out


def _dated_possessor(ctx: Context, head: Span, sentence: Span) -> bool:
    """"China's Jan. 6 ban", "the ministry's October 9 controls": a state or government
    body owns the head and a date stands between them, so the head names that act."""
    dates = ctx.dates_in(max(sentence.begin, head.begin - _DATED_OWNER_REACH), head.begin)
    if not dates or ctx.text[dates[-1].span.end:head.begin].strip():
        return False
    m = _OWNER_END.search(ctx.text, max(sentence.begin, dates[-1].span.begin - 4),
                          dates[-1].span.begin)
    if m is None:
        return False
    owner = ctx.actor_ending_at(m.start()) or ctx.actor_ending_at(m.end() - 1)
    return owner is not None and owner.type in (ActorType.STATE, ActorType.GOVERNMENT_BODY)


def _possessed_acts(ctx: Context) -> list[Candidate]:
    """"The commerce ministry's announcement on Tuesday": a noun of
    ``[measures.anaphora].possessed_heads`` possessed by a state or government body and
    dated right after stands for the act of the last measure before it."""
    rules = measure_rules()
    out: list[Candidate] = []
    for m in _POSSESSED_HEAD.finditer(ctx.text):
        if m.group(1).lower() not in rules.possessed_heads:
            continue
        owner = ctx.actor_ending_at(m.start() + 2) or ctx.actor_ending_at(m.start())
        if owner is None:
            if not _BODY_NOUN_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
                continue  # "the commerce ministry's announcement": a body, though unnamed
        elif owner.type not in (ActorType.STATE, ActorType.GOVERNMENT_BODY) or not (
                owner.span.text.endswith(("'s", "’s")) or owner.span.end == m.start()):
            continue
        dates = ctx.dates_in(m.end(), m.end() + 30)
        if not dates or not re.fullmatch(r"\s+(?:on|of|dated)\s+", ctx.text[m.end():
                                                                          dates[0].span.begin]):
            continue
        sentence = ctx.sentence_of(m.start())
        if sentence is None:
            continue
        head = Span.of(ctx.text, m.start(1), m.end(1))
        out.append(Candidate(MeasureType.EXPORT_BAN, head, sentence, head, verbal=False,
                             anaphor=True, governed=True))
    return out


def _entry_measures(ctx: Context, entries: list[Entry],
                    found: list[Candidate]) -> list[Candidate]:
    """One measure of the lead-in's kind for each list entry that names none itself."""
    out: list[Candidate] = []
    for entry in entries:
        # a suspension names the entry's measure, not one of its own ("Oct. 9: a sweeping
        # expansion ..., which Beijing suspended for a year")
        if entry.kind is None or any(entry.body.begin <= c.head.begin < entry.body.end and
                                     not is_suspension(c) for c in found):
            continue
        sentence = ctx.sentence_of(entry.body.begin)
        if sentence is None:
            continue
        end = min(sentence.end, entry.body.end)
        cut = _CLAUSE_CUT.search(ctx.text, entry.body.begin, end)
        end = cut.start() if cut else end
        while end > entry.body.begin and ctx.text[end - 1] in " .,;:":
            end -= 1
        if end <= entry.body.begin:
            continue
        span = Span.of(ctx.text, entry.body.begin, end)
        out.append(Candidate(entry.kind, span, sentence, span, verbal=False, entry=entry))
    return out


def is_verbal(word: str, ctx: Context, begin: int) -> bool:
    """Whether the head is a verb: an -ed or -ing form, a present form, or a base form
    after a modal or "to" ("it would suspend imports")."""
    words = word.lower().split()
    lower = words[1] if len(words) > 1 and words[0] in _DEGREE else words[0]  # "partly lifted"
    if lower == "controls":
        # "China controls exports" is a verb; "China's controls", "the controls", "Tokyo's
        # new controls", "chip controls" are nouns.
        last = _word_before(ctx, begin)
        return last is not None and not _marks_noun(last) and last[:1].islower() \
            and last.lower() in ("also", "now", "still", "tightly", "strictly", "which",
                                 "that", "it", "and")
    if lower in _PRESENT_FORMS and lower.endswith("s"):
        # "China's new curbs", "the bans": a determiner, a possessor or an adjective of
        # `_NOUN_MARKERS` right before makes the plural a noun, not a verb ("Beijing curbs")
        last = _word_before(ctx, begin)
        if last is not None and _marks_noun(last):
            return False
    if (lower.endswith(("ed", "ing")) and lower not in _ING_NOUNS and not _compound(lower)) \
            or lower in _PRESENT_FORMS:
        return True
    raw = ctx.text[max(0, begin - 12):begin].split()
    before = [w.lower() for w in raw]
    if bool(before) and before[-1] in _MODALS and not _is_month(raw):
        return True
    if lower in _BASE_VERBS:
        # "China's foreign ministry and its embassy advise citizens ...": a plural subject
        mention = ctx.actor_ending_at(begin)
        return (mention is not None and not mention.span.text.endswith(("'s", "’s"))) or \
            (bool(before) and before[-1] in ("and", "also", "then", "now", "jointly", "both"))
    return False


def _is_month(raw: list[str]) -> bool:
    """The last of the words ``raw`` (as written) is the month "May", not the modal: a
    capital inside a sentence, after a day ("India's 13 May ban on wheat exports")."""
    return raw[-1] == "May" and len(raw) > 1 and not raw[-2].endswith((".", "!", "?", ":"))


def _word_before(ctx: Context, begin: int) -> str | None:
    """The word (as split at white space) right before ``begin``, within 30 characters."""
    before = ctx.text[max(0, begin - 30):begin].split()
    return before[-1] if before else None


def _marks_noun(word: str) -> bool:
    """Whether ``word`` before a head makes the head a noun: a determiner or adjective of
    ``_NOUN_MARKERS``, or a possessor ("China's")."""
    return word.lower() in _NOUN_MARKERS or word.endswith(("'s", "’s", "s'", "s’"))


def _compound(word: str) -> bool:
    """"anti-dumping (duty)", "state-owned", "long-planned": a hyphenated word in -ing or
    -ed is an adjective, unless a verb prefix makes it one ("re-imposed", "co-signed")."""
    return "-" in word and not word.startswith(_VERB_PREFIXES)


def _without_duplicates(found: list[Candidate]) -> list[Candidate]:
    """One candidate per stretch of text: licensing before export ban before import ban
    before export control, and any of them before an anaphor; the phrase families stand
    apart."""
    priority = {MeasureType.LICENSING_RESTRICTION: 0, MeasureType.EXPORT_BAN: 1,
                MeasureType.IMPORT_BAN: 2, MeasureType.EXPORT_CONTROL: 3}
    ordered = sorted(found, key=lambda c: (c.extent.begin, priority.get(c.type, 9),
                                           -c.extent.end))
    kept: list[Candidate] = []
    for candidate in ordered:
        # Kept candidates are in text order: only the last few can overlap this one.
        clash = next((k for k in kept[-OVERLAP_REACH:] if overlap(k.extent, candidate.extent)
                      and (k.type in priority) == (candidate.type in priority)
                      and (k.type in priority or k.type == candidate.type)), None)
        if clash is None:
            kept.append(candidate)
        elif priority.get(candidate.type, 9) < priority.get(clash.type, 9) and \
                not clash.anaphor and not candidate.anaphor:
            # an anaphor's type is a placeholder: it never displaces a measure of its own
            # ("the chip controls that Washington imposed in 2022")
            candidate.objects = candidate.objects or clash.objects
            kept[kept.index(clash)] = candidate
        elif clash.anaphor and not candidate.anaphor:
            kept[kept.index(clash)] = candidate
        elif candidate.objects and not clash.objects:
            clash.objects = candidate.objects
    return sorted(kept, key=lambda c: c.head.begin)


def _without_nested_heads(found: list[Candidate]) -> list[Candidate]:
    """A "list" found as a control's head word that is the last word of a listing act's
    head phrase is that act's list, not a second measure: in "put more minerals on a
    government watch list" or "added them to its Unreliable Entity List" (and a date the
    sentence gives would be taken as standing between the two).  Dropped before overlaps
    are settled, so that it displaces no measure beside it.  Only lists: a protest's
    phrase ending on the measure it protests ("to scrap its export ban") names a measure
    of its own."""
    ends = {k.head.end: k for k in found if len(k.head.text.split()) > 1}
    return [c for c in found
            if c.head.text.lower() not in _LIST_WORDS or (k := ends.get(c.head.end)) is None
            or k is c or k.head.begin >= c.head.begin]


_LIST_WORDS = frozenset({"list", "lists"})


def _purposes_dropped(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """"Seoul summoned Japan's ambassador to lodge a protest": a protest in the purpose
    clause of another protest of its sentence is that protest."""
    out: list[Candidate] = []
    for c in found:
        before = ctx.text[max(c.sentence.begin, c.extent.begin - 40):c.extent.begin]
        if c.type is MeasureType.PROTEST and out and out[-1].type is MeasureType.PROTEST and \
                out[-1].sentence == c.sentence and _PURPOSE.search(before):
            continue
        out.append(c)
    return out


_DETERMINED = re.compile(r"\b(?:the|this|these|those|its|their|his|her|our)\s+(?:[\w-]+\s+)?$",
                         re.IGNORECASE)
_POSSESSED = re.compile(r"['’]s\s+$")
"""A determiner or a possessor right before a mention: a particular measure, not measures
in general."""


def is_generic(ctx: Context, c: Candidate) -> bool:
    """"... can be bought with export bans": a bare plural with no actor in its sentence
    speaks of measures in general, not of one."""
    if c.entry is not None:
        return False
    if not c.verbal and (section_label(ctx, c.extent) or in_name(ctx, c.extent)):
        # "Export Controls: Russia" heading a written answer: a topic, not an act; "the
        # Export Control Joint Unit": a body's name
        return True
    before = ctx.text[max(c.sentence.begin, c.extent.begin - 20):c.extent.begin]
    if _DETERMINED.search(before) or _POSSESSED.search(before):
        return False
    if not c.verbal and _WISHED.search(before):
        return True  # "called for export control regimes that are predictable"
    if not c.verbal and not c.governed and c.head.text.lower() == "control" and \
            not _AFTER_CONTROL.match(ctx.text, c.head.end):
        return True  # "the step concerned export control, not retaliation": the practice
    if not c.head.text.lower().endswith("s"):
        return False
    if c.governed or _OWN_PREDICATE.match(ctx.text, c.extent.end, c.sentence.end):
        return False  # "... that licence reviews for magnets have stopped": this one did
    return not any(a.type is not ActorType.MEDIA
                   for a in ctx.actors_in(c.sentence.begin, c.sentence.end))
