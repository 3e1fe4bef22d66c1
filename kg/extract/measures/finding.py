"""Where measures are mentioned: trigger phrases, heads with a domain word or a controlled
good, definite heads referring back, and the dated entries of timelines and lists.

See :mod:`kg.extract.measures` for the rules; the words are in ``[measures]`` of
``kg/data/triggers.toml``.
"""

from __future__ import annotations

import re

from ...model import MaterialMention, MeasureType, Span
from ..context import Context
from ..refdata import material_info
from ..triggers import MeasureRule, load_triggers
from .candidate import OVERLAP_REACH, Candidate, Entry, overlap
from .rules import measure_rules

_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|now\s+|also\s+|not\s+)?$",
                      re.IGNORECASE)
_MODALS = frozenset({"would", "will", "to", "could", "may", "might", "shall", "should", "can",
                     "did", "does", "do", "must"})
_PRESENT_FORMS = frozenset({"bans", "protests", "restricts", "curbs", "halts", "suspends",
                            "prohibits", "bars", "summons", "lodges", "advises", "urges",
                            "opens", "approves", "stages", "tightens"})
_NOUN_MARKERS = frozenset({"the", "its", "their", "new", "export", "import", "of", "on", "these",
                           "those", "such", "tighter", "stricter", "broader", "own", "chip"})
_OWN_PARTICIPLE = re.compile(r"\s+(?:(?:[Ii]t|[Tt]hey|the government|[A-Z][\w.-]+)\s+)?"
                             r"(?:had\s+|has\s+)?(?:imposed|introduced|announced|adopted|enacted|"
                             r"put in place|issued)\b")
"""A head with its own imposing verb: "a ban imposed in 2023", "a ban it imposed", "a
ban Beijing imposed"."""
_SUSPENSION = re.compile(r"\s+(?:the\s+)?(?:implementation|enforcement)\s+of\b", re.IGNORECASE)
_CONTROL_NOUN_AFTER = re.compile(r"\s*(?:controls?|curbs?|restrictions?|licen[cs]ing|licen[cs]es?"
                                 r"|bans?)\b", re.IGNORECASE)
_ENTRY_HEAD = re.compile(r"\s*(?:[-–]\d{1,2})?\s*(?:[:–—]|-(?=\s))\s*")
_BULLET = re.compile(r"(?:[-*•·▪]\s+)?")
_CLAUSE_CUT = re.compile(r",\s+(?:which|a day|two days|days|a week|weeks|after|before|while|"
                         r"only)\b|;|\s[—–]\s")
_WORD = re.compile(r"[^\W\d_]+")
"""A word, as head words are matched: letters only ("export-ban" holds "ban")."""
_PURPOSE = re.compile(r"\bto\s+(?:lodge|make|deliver|register|file|convey|express)\s+"
                      r"(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_COORDINATION = re.compile(r"\s*(?:,|and|or|&|,\s*and|,\s*or)\s*")
_NOUN_OBJECT = re.compile(r"\s+(?:on|of|over)\s+(?:[\w-]+\s+){0,3}")
"""A control noun's object: "controls on (seven medium and heavy) rare earths"."""
_VERB_OBJECT = re.compile(r"\s+(?:(?:the|its|all|some|certain|several)\s+)?")
ACTION_NOUN = re.compile(r"\b(?:approval|adoption|announcement|imposition|introduction|"
                         r"decision|launch|passage|unveiling)\s+of\b", re.IGNORECASE)
"""An action noun governing a measure ("Japan's approval of a record budget")."""
"""Words allowed between a control noun's preposition and the controlled good."""
_LIST_BREAK = re.compile(r"[;:]|\s[—–]\s")


# -- entries of timelines and lists -----------------------------------------------------------

def find_entries(ctx: Context) -> list[Entry]:
    """The paragraphs that open with a date and a dash or colon ("Jan. 7 – Beijing ...",
    "- July 3, 2023: gallium ..."), each with its lead-in's issuer and type when the
    paragraph before the run of entries ends in a colon naming measures."""
    entries: list[Entry] = []
    previous: int | None = None
    lead: tuple[str | None, MeasureType | None] = (None, None)
    for index, paragraph in enumerate(ctx.paragraphs):
        entry = _entry(ctx, paragraph)
        if entry is None:
            continue
        if previous != index - 1:
            lead = _lead_in(ctx, ctx.paragraphs[index - 1]) if index else (None, None)
        entry.issuer, entry.kind = lead
        entries.append(entry)
        previous = index
    return entries


def _entry(ctx: Context, paragraph: Span) -> Entry | None:
    bullet = _BULLET.match(ctx.text, paragraph.begin, paragraph.end)
    start = bullet.end() if bullet else paragraph.begin
    dates = ctx.dates_in(start, min(paragraph.end, start + 40))
    if not dates or dates[0].span.begin != start:
        return None
    head = dates[0]
    sep = _ENTRY_HEAD.match(ctx.text, head.span.end, paragraph.end)
    if sep is None or sep.end() >= paragraph.end:
        return None
    body = Span.of(ctx.text, sep.end(), paragraph.end)
    return Entry(paragraph, head.date, head.span, body)


def _lead_in(ctx: Context, paragraph: Span) -> tuple[str | None, MeasureType | None]:
    """"... controls Beijing has layered on since 2023:": the issuer and type of the
    measures a list introduces."""
    text = ctx.text[paragraph.begin:paragraph.end].rstrip()
    if not text.endswith(":"):
        return None, None
    sentence = ctx.sentence_of(paragraph.begin + len(text) - 1) or paragraph
    rules = measure_rules()
    for m in rules.lead_regex.finditer(ctx.text, sentence.begin, sentence.end):
        kind = rules.lead_heads[" ".join(m.group().lower().split())]
        issuer = _lead_issuer(ctx, Span(m.start(), m.end(), m.group()), sentence)
        if issuer is not None:
            return issuer, kind
    return None, None


def _lead_issuer(ctx: Context, head: Span, sentence: Span) -> str | None:
    for mention in reversed(ctx.actors_in(max(sentence.begin, head.begin - 40), head.begin)):
        gap = ctx.text[mention.span.end:head.begin]
        if mention.span.text.endswith(("'s", "’s")) or re.fullmatch(r"['’]s\s+(?:\w+\s+)?", gap):
            return mention.name  # "Beijing's controls"
    after = ctx.text[head.end:sentence.end]
    m = re.match(r"\s+(?:that\s+|which\s+)?(?:(?:imposed|introduced|issued)\s+)?(?:by\s+)?",
                 after)
    mention = ctx.actor_at(head.end + (m.end() if m else 0))
    if mention is not None and re.match(r"\s+(?:has|have|had|imposed|introduced|put|rolled|"
                                        r"layered|added|built)\b",
                                        ctx.text[mention.span.end:mention.span.end + 20]) \
            or (mention is not None and m is not None and "by" in m.group()):
        return mention.name  # "controls Beijing has layered on", "controls imposed by X"
    return None


def entry_of(entries: list[Entry], offset: int) -> Entry | None:
    """The entry whose body holds ``offset``."""
    for entry in entries:
        if entry.body.begin <= offset < entry.body.end:
            return entry
    return None


# -- candidates -------------------------------------------------------------------------------

def find_candidates(ctx: Context, materials: list[MaterialMention],
                    entries: list[Entry]) -> list[Candidate]:
    """Every measure mention of the article, before issuers, targets and dates are known."""
    t = load_triggers()
    found: list[Candidate] = []
    by_type = {r.type: r for r in t.measure_rules}
    for rule in t.measure_rules:
        if rule.phrases is None:
            continue
        for m in rule.phrases.finditer(ctx.text):
            sentence = ctx.sentence_of(m.start())
            if sentence is None:
                continue
            if rule.action_cues and not any(c in sentence.text.lower() for c in rule.action_cues):
                continue
            span = Span(m.start(), m.end(), m.group())
            found.append(Candidate(rule.type, span, sentence, span,
                                   verbal=is_verbal(m.group(), ctx, m.start())))
    hits = _head_hits(ctx)
    found.extend(_headed(ctx, by_type, hits))
    found.extend(_controlled_objects(ctx, materials, hits))
    found.extend(_anaphors(ctx, hits.get("anaphor", [])))
    rules = measure_rules()
    found = [c for c in found if not rules.law_name.match(ctx.text, c.extent.end)]
    kept = _purposes_dropped(ctx, _without_duplicates(found))
    kept.extend(_entry_measures(ctx, entries, kept))
    for c in kept:
        c.entry = entry_of(entries, c.head.begin)
    return sorted(kept, key=lambda c: c.head.begin)


def _head_hits(ctx: Context) -> dict[str, list[Span]]:
    """Every head word of the text by role (see :attr:`.rules.MeasureRules.head_roles`),
    found in one scan."""
    rules = measure_rules()
    roles = rules.head_roles
    text = ctx.text
    hits: dict[str, list[Span]] = {}
    wanted = rules.head_words
    for m in [m for m in _WORD.finditer(text) if m.group().lower() in wanted]:
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


def _headed(ctx: Context, rules: dict[MeasureType, MeasureRule],
            hits: dict[str, list[Span]]) -> list[Candidate]:
    """Export/import measures: a head word with a domain word near it."""
    out: list[Candidate] = []
    heads: dict[tuple[int, int], set[MeasureType]] = {}
    for kind in (MeasureType.EXPORT_BAN, MeasureType.IMPORT_BAN, MeasureType.EXPORT_CONTROL):
        if kind not in rules:
            continue
        for span in hits.get(kind.value, ()):
            heads.setdefault((span.begin, span.end), set()).add(kind)
    for (begin, end), kinds in sorted(heads.items()):
        sentence = ctx.sentence_of(begin)
        if sentence is None:
            continue
        head = Span.of(ctx.text, begin, end)
        if head.text.lower().startswith("suspen") and _SUSPENSION.match(ctx.text, end):
            continue  # "suspend implementation of the controls": lifting a measure
        domain = _domain_word(ctx, head, sentence)
        if domain is None:
            continue
        word, is_export = domain
        verbal = is_verbal(head.text, ctx, head.begin)
        if verbal and word.begin > head.end and _CONTROL_NOUN_AFTER.match(ctx.text, word.end):
            continue  # "tightening Japan's own export controls": the noun phrase is the measure
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
        out.append(Candidate(kind, head, sentence, extent, verbal=verbal))
    return out


def _domain_word(ctx: Context, head: Span, sentence: Span) -> tuple[Span, bool] | None:
    """The export/import word nearest the head, within the window (see package doc); a
    head with its own imposing verb ("a ban it imposed in 2023") takes one anywhere in its
    sentence."""
    t = load_triggers()
    text = ctx.text
    before_text = text[sentence.begin:head.begin]
    anywhere = _PASSIVE.search(before_text) is not None or \
        _OWN_PARTICIPLE.match(text, head.end, sentence.end) is not None
    best: tuple[int, Span, bool] | None = None
    for regex, is_export in ((t.export_regex, True), (t.import_regex, False)):
        for m in regex.finditer(text, sentence.begin, sentence.end):
            if m.end() <= head.begin:
                between = text[m.end():head.begin]
                distance = len(between.split())
                if distance > t.domain_window and not anywhere:
                    continue
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


def _controlled_objects(ctx: Context, materials: list[MaterialMention],
                        hits: dict[str, list[Span]]) -> list[Candidate]:
    """Control and ban heads whose object is a controlled good and that need no export
    word: "controls on gallium", "antimony controls", "China restricted graphite",
    "gallium and germanium, which China has controlled since August 2023"."""
    goods = sorted((m for m in materials if is_controlled(m)), key=lambda m: m.span.begin)
    if not goods:
        return []
    starts = {m.span.begin: m for m in goods}
    ends = {m.span.end: m for m in goods}
    out: list[Candidate] = []
    for role, kind in (("control_object", MeasureType.EXPORT_CONTROL),
                       ("ban_object", MeasureType.EXPORT_BAN)):
        for head in hits.get(role, ()):
            sentence = ctx.sentence_of(head.begin)
            if sentence is None:
                continue
            verbal = is_verbal(head.text, ctx, head.begin)
            objects = _objects_after(ctx, head, sentence, goods, verbal) or \
                _compound_before(ctx, head, ends, verbal) or \
                _relative_before(ctx, head, sentence, goods, starts)
            if not objects:
                continue
            lo = min(head.begin, objects[0].span.begin)
            hi = max(head.end, objects[-1].span.end)
            c = Candidate(kind, head, sentence, Span.of(ctx.text, lo, hi), verbal=verbal)
            c.objects = [o.name for o in objects]
            out.append(c)
    return out


def _objects_after(ctx: Context, head: Span, sentence: Span, goods: list[MaterialMention],
                   verbal: bool) -> list[MaterialMention]:
    """"controls on seven rare earths", "restricted gallium and germanium": the goods a
    head governs, as a coordinated run."""
    lead = _VERB_OBJECT if verbal else _NOUN_OBJECT
    after = [g for g in goods if head.end < g.span.begin < sentence.end]
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
                     starts: dict[int, MaterialMention]) -> list[MaterialMention]:
    """"gallium and germanium, which China has controlled since ...": a relative clause
    whose verb (a perfect or a participle) controls the goods before it."""
    before = ctx.text[sentence.begin:head.begin]
    m = re.search(r",\s+(?:which|that)\s+(?:[\w’'.-]+\s+){1,4}?(?:has|have|had)\s+(?:\w+ly\s+)?$",
                  before)
    if m is None or not head.text.lower().endswith("ed"):
        return []
    comma = sentence.begin + m.start()
    found = [g for g in goods if sentence.begin <= g.span.begin and g.span.end <= comma]
    if not found or not re.fullmatch(r"[\s\w,-]*", ctx.text[found[-1].span.end:comma]) or \
            len(ctx.text[found[-1].span.end:comma].split()) > 1:
        return []
    # The coordinated goods right before the comma ("gallium and germanium").
    run = [found[-1]]
    for good in reversed(found[:-1]):
        if _COORDINATION.fullmatch(ctx.text[good.span.end:run[0].span.begin]):
            run.insert(0, good)
        else:
            break
    return run


def _anaphors(ctx: Context, heads: list[Span]) -> list[Candidate]:
    """"China's commerce ministry announced the ban on Tuesday": a definite head that an
    imposing verb governs, in a sentence with a date, refers back to an earlier measure."""
    rules = measure_rules()
    out: list[Candidate] = []
    for head in heads:
        sentence = ctx.sentence_of(head.begin)
        if sentence is None or not ctx.dates_in(sentence.begin, sentence.end):
            continue
        before = ctx.text[max(sentence.begin, head.begin - 40):head.begin].split()
        if len(before) < 2 or before[-1].lower() not in rules.anaphor_determiners or \
                before[-2].lower() not in rules.anaphor_verbs:
            continue
        c = Candidate(MeasureType.EXPORT_BAN, head, sentence, head, verbal=False,
                      anaphor=True, governed=True)
        out.append(c)
    return out


def _entry_measures(ctx: Context, entries: list[Entry],
                    found: list[Candidate]) -> list[Candidate]:
    """One measure of the lead-in's kind for each list entry that names none itself."""
    out: list[Candidate] = []
    for entry in entries:
        if entry.kind is None or any(entry.body.begin <= c.head.begin < entry.body.end
                                     for c in found):
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
    lower = word.lower().split()[0]
    if lower == "controls":
        # "China controls exports" is a verb; "China's controls", "the controls", "Tokyo's
        # new controls", "chip controls" are nouns.
        before = ctx.text[max(0, begin - 30):begin].split()
        return bool(before) and before[-1].lower() not in _NOUN_MARKERS and \
            not before[-1].endswith(("'s", "’s", "s'", "s’")) and before[-1][:1].islower() \
            and before[-1].lower() in ("also", "now", "still", "tightly", "strictly", "which",
                                       "that", "it", "and")
    if lower.endswith(("ed", "ing")) or lower in _PRESENT_FORMS:
        return True
    before = ctx.text[max(0, begin - 12):begin].lower().split()
    return bool(before) and before[-1] in _MODALS


def _without_duplicates(found: list[Candidate]) -> list[Candidate]:
    """One candidate per stretch of text: licensing before export ban before import ban
    before export control; the phrase families stand apart."""
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
        elif priority.get(candidate.type, 9) < priority.get(clash.type, 9) and not clash.anaphor:
            candidate.objects = candidate.objects or clash.objects
            kept[kept.index(clash)] = candidate
        elif clash.anaphor and not candidate.anaphor:
            kept[kept.index(clash)] = candidate
        elif candidate.objects and not clash.objects:
            clash.objects = candidate.objects
    return sorted(kept, key=lambda c: c.head.begin)


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


def is_generic(ctx: Context, c: Candidate) -> bool:
    """"... can be bought with export bans": a bare plural with no actor in its sentence
    speaks of measures in general, not of one."""
    if c.entry is not None or c.governed or not c.head.text.lower().endswith("s"):
        return False
    before = ctx.text[max(c.sentence.begin, c.extent.begin - 20):c.extent.begin]
    if re.search(r"\b(?:the|this|these|those|its|their|his|her|our)\s+(?:[\w-]+\s+)?$",
                 before, re.IGNORECASE) or re.search(r"['’]s\s+$", before):
        return False
    return not ctx.actors_in(c.sentence.begin, c.sentence.end)
