"""Measures a text only imagines, denies or asks about.

A researcher's graph must not say a measure was taken when the article says it might be
("a full halt ... could cut output"), would be if something happened ("if China halted
..."), was not ("Beijing did not halt rare earth shipments"), or asks whether it was
("Is the Chinese side tightening ...?").  The words are in ``[measures.hedges]`` of
``kg/data/triggers.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import ActorType, MeasureStatus, PartialDate, Span
from ..context import Context
from ..triggers import load_triggers, phrase_alternation
from .candidate import Candidate, tail
from .rules import measure_rules

_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[—–]\s")
_PRECEDENT_REACH = 40
"""How far after a weighed measure its "as it did" clause may open."""
_INDEFINITE = re.compile(r"\b(?:a|an|any)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_DETERMINED = re.compile(r"(?:\b(?:the|this|these|those|its|their|his|her|our)|['’]s)\s+"
                         r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_ADVERB = re.compile(r"(?<!\w)\w+ly\s+$")
_PRECEDENT_DATE_REACH = 20
_RULED_OUT = re.compile(r"\b(?:ruled|rules|rule|ruling)\s+out\s+(?:(?:an?|any|the|all)\s+)?"
                        r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\b(?:refused|refuses|declined|declines|"
                         r"unwilling|won't)\s+to)\s+$", re.IGNORECASE)
""""not ruling out a case", "refused to rule out a case": weighed, not denied."""
_PROPOSED = re.compile(r"\s*(?:may|might|could|would)\s+(?:also\s+|still\s+|well\s+)?be\s+"
                       r"(?:worth|an\s+option|one\s+option|on\s+the\s+table|an\s+avenue)\b",
                       re.IGNORECASE)
""""... may also be worth filing": a measure someone proposes, weighed, not imagined."""
_WHETHER = re.compile(r"\bwhether\b", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s+\d")
_MONTH_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s+$")
_NEGATED_VERB = re.compile(r"(?<![a-z])(?P<verb>[a-z]+)\s+(?:(?:any|a|an|new|further|fresh|more|"
                           r"additional|such|the|its|their|own|export|import|trade|"
                           r"[A-Z][\w-]*)\s+){0,3}$")
"""A verb and the determiners and modifiers (a name among them: "issue an Outbound Travel
Alert") before the mention it takes."""
_DEFINITE = re.compile(r"\b(?:the|its|their|this|that|these|those|his|her|our)\b|['’]s\b",
                       re.IGNORECASE)
"""A definite determiner or a possessor: the measure it opens is known, not imagined."""


DENIALS = frozenset({"negated", "denied", "open_question"})
"""Reasons of :func:`imagined_reason` that say an act was not or may not be taken (rather
than that it would be, if): the learned step finds no measure in their sentences either."""



def imagined_reason(ctx: Context, c: Candidate,
                    scanned: dict[str, list[re.Match[str]]] | None = None) -> str | None:
    """Why the mention is only imagined, or None when it is asserted: "negated" (with no
    precedent), "denied", "open_question", "conditional", "hypothetical", "claim" or
    "conduct" (what a party is blamed for having done).
    ``scanned`` (the article's scan by :attr:`.rules.MeasureRules.phrases`) tells which
    sentences hold scenario words and whether any paragraph may be a claim."""
    if is_negated(ctx, c):
        c.precedent = precedent(ctx, c)
        return "negated" if c.precedent is None else None
    if is_denied(ctx, c):
        return "denied"
    if is_open_question(ctx, c):
        return "open_question"
    if is_conditional(ctx, c):
        return "conditional"
    if is_hypothetical(ctx, c, scanned):
        return "hypothetical"
    if (scanned is None or bool(scanned["claim_words"])) and is_claim(ctx, c):
        return "claim"
    if _conduct().search(ctx.text, max(c.sentence.begin, c.extent.begin - 60), c.extent.begin):
        return "conduct"  # "10 firms which took part in arms sales to Taiwan": a reason
    return None


@lru_cache(maxsize=1)
def _told_as_act() -> re.Pattern[str]:
    """A relative clause telling the conduct as an act (``[measures.hedges].reason_acts``):
    ", which Washington approved earlier this month"."""
    acts = phrase_alternation(load_triggers().raw["measures"]["hedges"]["reason_acts"])
    return re.compile(r"(?<![\w])(?:which|that)\s+(?:[\w.'’-]+\s+){0,4}?(?:" + acts
                      + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _grievance() -> re.Pattern[str]:
    """One of ``[measures.hedges].reasons``, up to three words (a quotation mark, a
    possessive: 'response" to "Washington's'), then one of ``reason_measures``."""
    hedges = load_triggers().raw["measures"]["hedges"]
    # a closing quotation mark may stand between the words ('a legitimate response" to')
    reasons = "|".join(r"[\"”’']?\s+".join(map(re.escape, r.split()))
                       for r in sorted(hedges["reasons"], key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + reasons
                      + r")[\"”’']?\s+(?:[\w.'’\"“”-]+\s+){0,3}?[\"“]?(?:[\w.-]+['’]s\s+)?(?:"
                      + phrase_alternation(hedges["reason_measures"]) + r")(?![\w])",
                      re.IGNORECASE)


def is_grievance(ctx: Context, c: Candidate) -> bool:
    """The mention is a party's conduct given as the reason for another's measure
    ("sanctions over arms sales to Taiwan"), not a measure taken in the text."""
    begin = max(c.sentence.begin, c.extent.begin - 80)
    if not any(m.end() > c.extent.begin
               for m in _grievance().finditer(ctx.text, begin, c.extent.end)):
        return False
    return _told_as_act().search(ctx.text, c.extent.end, c.sentence.end) is None


@lru_cache(maxsize=1)
def _conduct() -> re.Pattern[str]:
    """A verb of a party's conduct (``[measures.hedges].conduct``) and up to two words of
    the noun phrase it opens, right before a measure, told as what a party is blamed for:
    in a relative clause ("firms which took part in arms sales") or as a participle after
    its noun ("companies involved in sanctions evasion", "for taking part in").  A finite
    verb after its subject tells an act ("South Korea took part in sanctions against
    Russia" is a measure)."""
    words = load_triggers().raw["measures"]["hedges"]["conduct"]
    participles = [w for w in words if w.split()[0].endswith(("ing", "ed")) and
                   not w.split()[0].endswith("pated")]
    finite = [w for w in words if w not in participles]
    alternation = "|".join(map(re.escape, words))
    # Case matters only for the noun before a participle: a common noun, not a name.
    return re.compile(
        r"(?:(?i:\b(?:which|who|that)\s+(?:(?:have|has|had)\s+)?(?:" + alternation + r"))"
        r"|\b[a-z][\w-]*\s+(?i:" + "|".join(map(re.escape, participles)) + r")"
        r"|(?i:\b(?:for|over)\s+(?:" + alternation + r")))"
        r"(?i:\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2})$"
        if finite else r"(?!)")


def imagines_sentence(ctx: Context, c: Candidate, reason: str | None) -> bool:
    """Whether the learned step should leave ``c``'s sentence alone: a denial (see
    :data:`DENIALS`), or a scenario about one measure no one took, named with an indefinite
    article ("a study estimated that a total ban on X could cut output by ..."): the whole
    sentence imagines.  A bare plural forecast ("licence reviews are likely to slow") may
    still be a measure weighed."""
    if reason in DENIALS:
        return True
    return reason == "hypothetical" and _INDEFINITE.search(
        ctx.text, max(c.sentence.begin, c.extent.begin - 40), c.extent.begin) is not None


def is_open_question(ctx: Context, c: Candidate) -> bool:
    """The mention is the act a question asks about, one that may come ("Will Washington
    ban chip tool exports?", "QUESTION: Does the EU plan to ban imports?") or one that may
    have happened ("Has Japan lodged representations?", "Did Seoul protest the move?"):
    nothing is asserted.  A noun naming a measure that stands ("China's controls") is no
    such act."""
    if not is_question(c):
        return False
    asked = measure_rules().opinion_question.match(ctx.text, c.sentence.begin, c.head.begin)
    if asked is not None and not _DEFINITE.search(ctx.text, asked.end(), c.extent.begin):
        return True  # "Would you support a complete ban on ...?": a view asked, no act
    if not (c.verbal or _taken_by_verb(ctx, c)):
        return False
    return measure_rules().open_question.match(ctx.text, c.sentence.begin,
                                               c.head.begin) is not None


def _taken_by_verb(ctx: Context, c: Candidate) -> bool:
    """A verb that imposes or carries out a measure takes the mention as its object
    ("lodged a protest", "impose new export curbs")."""
    lead = ctx.text[max(c.sentence.begin, c.extent.begin - 60):c.extent.begin]
    m = _NEGATED_VERB.search(lead, tail(lead, 4))
    return m is not None and m.group("verb").lower() in _verbs()


def is_denied(ctx: Context, c: Candidate) -> bool:
    """The mention stands in a clause someone denies or disowns ("I am not saying that
    China has imposed an embargo", "Beijing denied that it had halted shipments"), or in a
    report the sentence then calls false ("Rumours that China banned exports are false")."""
    rules = measure_rules()
    before = ctx.text[c.sentence.begin:c.extent.begin]
    if rules.denial.search(before, _last_break(before)) is not None:
        return True
    if rules.refuted_report.search(before) is not None and \
            rules.refutation.search(ctx.text, c.extent.end, c.sentence.end) is not None:
        return True
    return _refuted_later(ctx, c, before)


@lru_cache(maxsize=1)
def _report_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A report noun opening a "that" clause after a few words ("a report in the Post on
    Monday that"), and the verdict on the report named again ("the report was 'wrong'")."""
    hedges = load_triggers().raw["measures"]["hedges"]
    nouns = phrase_alternation(hedges["report_nouns"])
    gap = int(hedges["report_gap"])
    opening = re.compile(r"(?<![\w])(?:" + nouns + r")(?:\s+[\w'’.,-]+){0," + str(gap)
                         + r"}?\s+that(?![\w])", re.IGNORECASE)
    verdict = re.compile(r"(?<![\w])(?:the|that|this|these|those|such)\s+(?:" + nouns
                         + r")\s+(?:is|are|was|were|has been|have been|had been)\s+[\"“‘']?"
                         + r"(?:\w+ly\s+)?(?:" + phrase_alternation(hedges["refutations"])
                         + r")(?![\w])", re.IGNORECASE)
    return opening, verdict


def _refuted_later(ctx: Context, c: Candidate, before: str) -> bool:
    """A measure told in a report's clause ("a report ... that the KIA had suspended all
    shipments") that the same or the next sentence calls wrong, naming the report again
    ("Aung said the report was 'wrong, or at least premature'"): the report is withdrawn,
    so the measure is not asserted."""
    opening, verdict = _report_patterns()
    if opening.search(before) is None:
        return False
    following = ctx.sentences_in(c.sentence.end, len(ctx.text) + 1)
    end = following[0].end if following else c.sentence.end
    return verdict.search(ctx.text, c.extent.end, end) is not None


@lru_cache(maxsize=1)
def _tally() -> tuple[re.Pattern[str], int]:
    """A count right before a plural noun (``[measures.hedges] tally_words``, a number and
    ``tally_adjectives``), and the smallest number that tallies (``tally_min``)."""
    hedges = load_triggers().raw["measures"]["hedges"]
    adjectives = phrase_alternation(hedges["tally_adjectives"])
    return (re.compile(r"(?:(?<![\w-])(?P<words>" + phrase_alternation(hedges["tally_words"])
                       + r")|(?<![\w.,-])(?P<n>\d{1,3}(?:,\d{3})*|\d+))\s+(?:(?:"
                       + adjectives + r")\s+)?$", re.IGNORECASE),
            int(hedges["tally_min"]))


def is_tally(ctx: Context, c: Candidate) -> bool:
    """"well over 150 protests since 2022", "dozens of protests": a plural measure noun
    counted in the tens or more tallies many past acts, not one measure (a count says the
    word is a noun, even where the finder read "protests" as a verb)."""
    if not c.head.text.lower().endswith("s"):
        return False
    pattern, smallest = _tally()
    m = pattern.search(ctx.text, max(c.sentence.begin, c.head.begin - 40), c.head.begin)
    if m is None:
        return False
    if m.group("words") is not None:
        return True
    n = m.group("n")
    # "China's April 2025 controls", "Japan's 2019 restrictions": a year, not a count
    return _YEAR.fullmatch(n) is None and int(n.replace(",", "")) >= smallest


def is_claim(ctx: Context, c: Candidate) -> bool:
    """The mention stands in a paragraph labelled as a claim under examination
    ('Claim: "China has banned all rare earth exports."').  Its verdict comes after it."""
    paragraph = ctx.paragraph_of(c.head.begin)
    return paragraph is not None and \
        measure_rules().claim_label.match(ctx.text, paragraph.begin, paragraph.end) is not None


def is_negated(ctx: Context, c: Candidate) -> bool:
    """"did not halt", "has never imposed", "no export ban", "without a ban"; an act
    forecast or intended only in denial ("is unlikely to halt", "has no plans to impose
    new curbs", "analysts do not expect Beijing to ban", "doubt that Seoul will ban")."""
    if c.prohibition:
        return False  # "no longer permitted": the negation is the ban itself
    rules = measure_rules()
    before = ctx.text[max(c.sentence.begin, c.head.begin - 60):c.head.begin]
    # Each pattern ends the text and spans a few tokens: only the last few are tried.
    trimmed = _ADVERB.sub("", before, count=1) if before.rstrip().endswith("ly") else before
    words = rules.negation_words
    if rules.negation.search(trimmed, tail(trimmed, words)) is not None or \
            rules.denied_intent.search(trimmed) is not None:
        return True  # "did not halt", "is unlikely to halt", "do not expect X to halt"
    if rules.negative_subject.search(before) is not None:
        return True  # "nothing in the text bans scrap exports": no one bans them
    act = rules.denied_intent_act.search(trimmed)
    if act is not None and act.group("verb").lower() in _verbs():
        return True  # "do not expect Oslo to file a formal WTO case"
    if rules.denied_intent_shared.search(trimmed) is not None:
        return True  # "no plan to ration chicken or to restrict exports"
    lead = ctx.text[max(c.sentence.begin, c.extent.begin - 60):c.extent.begin]
    if rules.negated_noun.search(lead, tail(lead, words + 3)) is not None:
        return True
    ruled = _RULED_OUT.search(lead)
    if ruled is not None and not _NOT_BEFORE.search(lead, 0, ruled.start()):
        return True  # "Tokyo ruled out a WTO case" (not "is not ruling out ...")
    # "Japan did not impose any new restrictions": the verb that would take it is negated.
    m = _NEGATED_VERB.search(lead, tail(lead, 4))
    if m is None or m.group("verb").lower() not in _verbs():
        return False
    opening = lead[:m.start("verb")]
    return rules.negation.search(opening, tail(opening, words)) is not None or \
        rules.denied_intent.search(opening) is not None


def precedent(ctx: Context, c: Candidate) -> PartialDate | None:
    """"Beijing did not halt ..., as it did in 2010": the date of the precedent."""
    rules = measure_rules()
    m = rules.precedent.search(ctx.text, c.extent.end, c.sentence.end)
    if m is None:
        return None
    dates = ctx.dates_in(m.end(), min(c.sentence.end, m.end() + _PRECEDENT_DATE_REACH))
    return dates[0].date if dates else None


def is_conditional(ctx: Context, c: Candidate) -> bool:
    """The mention stands in an "if"/"unless" clause, or in a "whether" clause that no
    verb of weighing opens ("did not say whether ... are banned")."""
    rules = measure_rules()
    before = ctx.text[c.sentence.begin:c.extent.begin]
    # Only a conditional after the last clause break counts (none holds a break character).
    start = _last_break(before)
    if rules.conditional.search(before, start) is not None or \
            rules.inverted_conditional.match(before, start) is not None:
        return True
    whether = _last_whether(before)
    if whether is None or _CLAUSE_BREAK.search(before, whether.end()) or c.anaphor:
        return False  # a measure referred back to is presupposed, not asked about
    return not is_weighed(ctx, c)


def _last_break(text: str) -> int:
    """Where the text after the last clause break (see ``_CLAUSE_BREAK``) begins."""
    last = max(text.rfind(","), text.rfind(";"), text.rfind(":"), text.rfind("("),
               text.rfind(")"))
    for dash in ("—", "–"):
        i = text.rfind(dash)
        while i > last and not (0 < i < len(text) - 1 and text[i - 1].isspace()
                                and text[i + 1].isspace()):
            i = text.rfind(dash, 0, i)
        last = max(last, i)
    return last + 1


def _last_whether(text: str) -> re.Match[str] | None:
    """The last "whether" of the text, as a word."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: offsets would shift
        return next(reversed(list(_WHETHER.finditer(text))), None)
    i = lower.rfind("whether")
    while i >= 0:
        m = _WHETHER.match(text, i)
        if m is not None:
            return m
        i = lower.rfind("whether", 0, i)
    return None


def is_weighed(ctx: Context, c: Candidate) -> bool:
    """"studying whether to take the matter to the WTO": a measure under consideration; a
    measure referred back to ("whether to release stocks to firms exposed to China's Jan. 6
    ban", "whether to lift the ban") exists, whatever is weighed about it."""
    if c.anaphor:
        return False
    before = ctx.text[c.sentence.begin:c.extent.begin]
    whether = _last_whether(before)
    if whether is None or _CLAUSE_BREAK.search(before, whether.end()):
        return False
    return measure_rules().weighing.search(before[:whether.start()]) is not None


def is_hypothetical(ctx: Context, c: Candidate,
                    scanned: dict[str, list[re.Match[str]]] | None = None) -> bool:
    """A scenario: an indefinite or bare noun no verb says was taken, subject of a modal
    ("a full halt ... could cut output", "even temporary export limits ... could
    disrupt"), or any untaken mention in a sentence that calls itself a scenario."""
    if c.governed or c.verbal or c.entry is not None:
        return False
    rules = measure_rules()
    if scanned is None:
        if rules.scenario.search(c.sentence.text):
            return True
    elif any(c.sentence.begin <= m.start() and m.end() <= c.sentence.end
             for m in scanned["scenario"]):
        return True
    lead = ctx.text[max(c.sentence.begin, c.extent.begin - 40):c.extent.begin]
    if _DETERMINED.search(lead) or ctx.actors_in(max(c.sentence.begin, c.extent.begin - 40),
                                                 c.extent.begin):
        return False
    if not _INDEFINITE.search(lead) and not c.head.text.lower().endswith("s"):
        return False
    rest = ctx.text[c.extent.end:c.sentence.end]
    cut = _CLAUSE_BREAK.search(rest)
    clause = rest[:cut.start()] if cut else rest
    # "a case at the WTO may be worth filing": proposed (weighed), not a scenario
    return _has_modal(clause) and not _PROPOSED.match(clause)


def _has_modal(clause: str) -> bool:
    """A modal verb or word of likelihood in ``clause``; "May" next to a number is the
    month ("took effect on 2 May 2025")."""
    for m in measure_rules().modal.finditer(clause):
        if m.group() == "May" and (_MONTH_AFTER.match(clause, m.end())
                                   or _MONTH_BEFORE.search(clause, 0, m.start())):
            continue
        return True
    return False


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Every verb that imposes or carries out a measure."""
    t = load_triggers()
    return t.imposition_verbs.union(*t.family_verbs.values())


def is_question(c: Candidate) -> bool:
    """The mention stands in a question ("Is the Chinese side tightening ...?"), not in a
    statement that ends on one ("... revived a question: how exposed are they?")."""
    rest = c.sentence.text[c.head.begin - c.sentence.begin:].rstrip().rstrip("\"'”’»)")
    return rest.endswith("?") and not re.search(r"[:;]", rest)


def weighed_precedent(ctx: Context, c: Candidate) -> Candidate | None:
    """"Beijing may place Japanese firms on its Unreliable Entity List, as it did with US
    contractors in 2023": a measure weighed now that the issuer took before, in a dated
    "as it did" clause, is also that earlier measure, historical, against whom the clause
    names (a company as itself, else its state)."""
    if c.status is not MeasureStatus.UNDER_CONSIDERATION or c.issuer is None:
        return None
    text = ctx.text
    m = measure_rules().precedent.search(text, c.extent.end,
                                         min(c.sentence.end, c.extent.end + _PRECEDENT_REACH))
    if m is None or _CLAUSE_BREAK.search(text, c.extent.end, m.start()) is None:
        return None  # the "as it did" clause must follow the measure's own clause
    cut = _CLAUSE_BREAK.search(text, m.end(), c.sentence.end)
    end = cut.start() if cut else c.sentence.end
    dates = ctx.dates_in(m.end(), end)
    if not dates:
        return None
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    old = Candidate(c.type, Span.of(text, start, m.end()), c.sentence,
                    Span.of(text, start, end), verbal=True, issuer=c.issuer,
                    issuer_span=c.issuer_span, status=MeasureStatus.HISTORICAL,
                    date=dates[-1].date, via=c.via, statement=c.statement, governed=True)
    root = ctx.root(c.issuer)
    named = [a for a in ctx.actors_in(m.end(), end) if ctx.root(a.name) != root]
    company = next((a for a in named if a.type is ActorType.COMPANY), None)
    if company is not None:
        old.target, old.target_span = company.name, company.span
    elif named:
        old.target = ctx.state_of(named[0].name) or named[0].name
        old.target_span = named[0].span
    return old
