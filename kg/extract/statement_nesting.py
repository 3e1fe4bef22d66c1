"""How the statements of one sentence share its words.

* :func:`resolve_nesting` -- a speech verb inside another's reported words splits them
  (", a move Beijing says ...", ", when Takaichi said ...", ", with spokesperson X telling
  ...", ", in which X said ...", "came only after X said ..."), forms a reporting chain
  ("the Journal reported that an official said ...": the official's words via the outlet;
  "the foreign ministry said Kanai had told the envoy that ...": Kanai's, via the
  ministry), or is part of them;
* :func:`end_before_unknown_speakers` -- ", and Chinese experts said B": a clause whose
  speaker no actor names ends the words before it, which are not its speaker's;
* :func:`split_coordinated` -- reported words holding two coordinated predications are
  two statements ("said A and that "B"", "said A but would "B"").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActorType, Span
from .context import Context
from .refdata import actor_data
from .reported_words import (
    BOUNDARY,
    SHORT_CONTENT,
    SHORT_STATEMENT,
    attribution_tail,
    has_quote,
    strip_boundary,
    trim_boundary_words,
    trim_end,
)
from .speech_triggers import SpeechTrigger
from .text import word_count
from .triggers import load_triggers

_SUBORDINATOR = re.compile(r"(?:\s+(?:only|just|shortly|soon|long|even|right|well))?"
                           r"\s+(?:after|before|since|until)\s+$")
"""A time clause with a speaker of its own ("both of which came after Takaichi said ..."):
its words are not those of the statement around it."""


def resolve_nesting(ctx: Context, found: list[SpeechTrigger]) -> None:
    """Decide, for a trigger inside another's reported words, whether it splits them
    (", a move Beijing says ..."), forms a reporting chain, or is part of them."""
    live = [t for t in found if not t.dropped and t.content is not None]
    # A trailing attribution ("A urges B, spokesperson X said.") owns the words before it,
    # a verb among them included: it is decided first.
    live.sort(key=lambda t: not (t.content is not None and t.content.end <= t.verb.begin))
    for outer in live:
        for inner in live:
            if inner is outer or inner.dropped or outer.dropped or outer.content is None:
                continue
            content = outer.content
            start = inner.verb.begin
            if inner.speaker and (inner.tense != "gerund" or not ctx.text[
                    inner.speaker.span.end:inner.verb.begin].strip()) and \
                    content.begin <= inner.speaker.span.begin < inner.verb.begin:
                # a subject of its own, before a finite verb or a participle ("..., with
                # spokesperson X telling ...")
                start = inner.speaker.span.begin
            if inner.post_quote is not None:
                start = inner.post_quote.outer.begin
            if content.end <= outer.verb.begin and outer.cls == "say" and \
                    outer.post_quote is None and content.begin <= start < content.end:
                # "China has told Japan it is suspending imports, Kyodo reported": what the
                # trailing attribution reports, words within it included, is its speaker's;
                # but "X told a news conference that ..., Kyodo reported" is X's words,
                # known through the outlet.
                if _chains(ctx, outer, inner) and inner.content is not None and \
                        inner.content.begin < content.end:
                    inner.content = Span.of(ctx.text, inner.content.begin, trim_end(
                        ctx.text, inner.content.begin, min(inner.content.end, content.end)))
                    _chain(ctx, outer, inner)
                else:
                    inner.dropped = True
                continue
            if inner.content == content and outer.verb.end <= inner.verb.begin < \
                    content.begin and outer.post_quote is None:
                # "the ministry said Kanai had told the envoy that A": both report A; the
                # second verb is the one whose words they are.
                _chain(ctx, outer, inner)
                continue
            if not (content.begin <= start < content.end) or inner.verb.begin < outer.verb.end:
                continue
            lead = ctx.text[content.begin:start]
            if not lead.strip():
                _chain(ctx, outer, inner)
                continue
            same = inner.speaker is not None and outer.speaker is not None and \
                inner.speaker.name == outer.speaker.name
            if inner.cls == "negation" and outer.cls == "say" and start == inner.verb.begin \
                    and _PERFECT_NEGATION.match(inner.verb.text):
                # "said his ministry had interviewed 300 firms and had not confirmed any
                # case": a perfect in the reported words is their subject's, not the
                # speaker's silence.
                inner.dropped = True
                continue
            if (inner.tense == "gerund" and same and outer.cls != "negation"
                    and word_count(strip_boundary(lead)) <= SHORT_STATEMENT):
                inner.dropped = True  # "called it 'symbolic,' suggesting ...": one statement
                continue
            # "X called them "A" on Oct. 15 and said B": a verb of saying coordinated with no
            # subject of its own opens X's next statement, as after a comma ("protested the
            # move as A and demanded its withdrawal" stays one act).
            # Two participles of saying joined by "and" ("describing A and saying B",
            # "saying A and urging B") are two statements, as two finite verbs are; not a
            # short act after a quotation ("calling it "A" and demanding its withdrawal").
            coordinated = (inner.cls == "negation" or (
                same and start == inner.verb.begin and (
                    (inner.tense in ("past", "present") and inner.cls == "say")
                    or (inner.tense == outer.tense == "gerund" and inner.content is not None
                        and word_count(inner.content.text) >= SHORT_STATEMENT)))) and \
                re.search(r"\s(?:and|but)\s+(?:(?:also|then|later|again|[a-z]+ly)\s+)?$",
                          lead)
            if start != inner.verb.begin:
                # '"...," while USTR Jamieson Greer warned': a title before the name; ", and
                # the embassy announced": an article.
                titles = [m for m in (_TITLE_WORDS.search(lead), _lower_title().search(lead))
                          if m is not None]
                lead = lead[:min(m.start() for m in titles)] if titles else lead
                # "..., while the state-run Global Times said": the article and modifiers.
                lead = _SPEAKER_MODIFIERS.sub("", lead)
            subordinate = _SUBORDINATOR.search(lead) if start != inner.verb.begin else None
            if subordinate is not None:
                lead = lead[:subordinate.start()]  # "tightened only after X said": "tightened"
            if coordinated or subordinate or (BOUNDARY.search(lead)
                               and (inner.tense == "gerund" or inner.post_quote is None)):
                end = trim_end(ctx.text, content.begin, content.begin + len(lead.rstrip()))
                end = trim_boundary_words(ctx.text, content.begin, end)
                outer.content = Span.of(ctx.text, content.begin, end) if end > content.begin \
                    else None
                if outer.content is None:
                    outer.dropped = True
                continue
            inner.dropped = True


@lru_cache(maxsize=1)
def _lower_title() -> re.Pattern[str]:
    """A title of the ``titles`` lexicon in lower case with up to two lower-case modifiers
    before a name (", and tourism minister X said", ", while deputy trade
    representative X said"): the title opens the next speaker's clause, not the words."""
    heads = sorted({t.split()[-1].casefold() for t in actor_data().lexicon.titles},
                   key=len, reverse=True)
    return re.compile(r"(?:\b(?!(?:and|but|while|whereas|as)\b)[a-z][\w-]*\s+){0,2}"
                      rf"\b(?:{'|'.join(map(re.escape, heads))})\s+$")


_PERFECT_NEGATION = re.compile(r"(?:had|has|have)(?:\s+not|n['’]t)\b", re.IGNORECASE)
_SPEAKER_MODIFIERS = re.compile(r"(?:\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}|"
                                r"\b(?:[a-z][\w]*-[\w-]+\s+){1,2})$", re.IGNORECASE)
"""An article and up to two modifiers ("the state-run ", "a Beijing-based "), or hyphenated
modifiers alone ("state-run "), before a speaker's name."""
_TITLE_WORDS = re.compile(r"(?:\b(?:[A-Z][\w’'.-]*|minister|ministry|secretary|spokes(?:person|"
                          r"man|woman)|chief|trade|foreign|defen[cs]e|deputy|vice|senior|"
                          r"president|ambassador|envoy|official)\s+){1,4}$")


def _chains(ctx: Context, outer: SpeechTrigger, inner: SpeechTrigger) -> bool:
    """Whether ``inner`` speaks through ``outer``: an outlet reporting what a person or
    body said, not what one state told another ("Kyodo reports that Beijing has told
    Tokyo it is suspending imports": the outlet's report of a diplomatic exchange); or a
    body reporting what one of its own people said ("the foreign ministry said Kanai had
    told the envoy that ...": Kanai's words, known through the ministry)."""
    if outer.speaker is None or inner.speaker is None:
        return False
    outer_type = ctx.type_of(outer.speaker.name)
    inner_type = ctx.type_of(inner.speaker.name)
    if outer_type is ActorType.MEDIA:
        return inner_type is not ActorType.STATE
    return outer_type is ActorType.GOVERNMENT_BODY and inner_type is ActorType.PERSON and \
        ctx.facts.get(inner.speaker.name) is not None and \
        ctx.facts[inner.speaker.name].affiliation is not None and \
        ctx.serves(inner.speaker.name, outer.speaker.name)


def _chain(ctx: Context, outer: SpeechTrigger, inner: SpeechTrigger) -> None:
    """'X reported that Y said ...': Y speaks via X when X is an outlet (:func:`_chains`);
    else Y's words are what X reports and stay X's statement."""
    if _chains(ctx, outer, inner):
        inner.via = outer.speaker.name  # type: ignore[union-attr]
        outer.dropped = True
    else:
        inner.dropped = True


_UNKNOWN_SUBJECT = re.compile(r"(?:[,;]\s*|\s[—–]\s*)(?:and|but|while|as|whereas)\s+"
                              r"(?P<np>[^,;:\"“”‘’]{2,60}?(?:,[^,;:\"“”‘’]{2,60}?,)?)\s+$")
"""A clause opened after a comma by a conjunction, its subject a short noun phrase (perhaps
with a phrase set off by commas: ", and the levy, imposed in May, suggests"), right before
a speech verb (", and Chinese experts said")."""


def end_before_unknown_speakers(ctx: Context, found: list[SpeechTrigger]) -> None:
    """"According to customs, trade reached 2 trillion yuan, and Chinese experts said the
    ties serve both peoples": a clause coordinated after the reported words, with a speech
    verb whose subject no actor names, ends those words -- they are not the first
    speaker's; the clause's own words have no speaker and give no statement.  So does a
    clause of speech still to come (", and X is expected to tell parliament that ...")."""
    unknown = [t for t in found if t.dropped and (t.unasserted or (
        t.speaker is None and t.cls == "say" and t.tense in ("past", "present")))]
    if not unknown:
        return
    for outer in found:
        if outer.dropped or outer.content is None:
            continue
        for inner in unknown:
            content = outer.content
            if not content.begin < inner.verb.begin < content.end:
                continue
            if _trailing_unknown(ctx, outer, inner):
                outer.dropped = True  # the words before the comma are the unnamed source's
                break
            m = _UNKNOWN_SUBJECT.search(ctx.text, content.begin, inner.verb.begin)
            if m is None or ctx.in_quote(m.start()) is not None or \
                    m.group("np").split()[0].lower() in _clause_openers() or (
                    not inner.unasserted and ctx.actors_in(m.start("np"), m.end("np"))):
                continue
            end = trim_end(ctx.text, content.begin, m.start())
            if word_count(ctx.text[content.begin:end]) < SHORT_CONTENT:
                continue
            outer.content = Span.of(ctx.text, content.begin, end)


_TRAILING_SUBJECT = re.compile(r",\s+(?P<np>(?:[\w’'-]+\s+){0,7}?[\w’'-]+)\s+$")
"""", two people familiar with the matter told": a short noun phrase after a comma, right
before a speech verb."""


def _trailing_unknown(ctx: Context, outer: SpeechTrigger, inner: SpeechTrigger) -> bool:
    """"China has told carmakers to halt investments, people briefed on the guidance told
    Reuters.": a trailing attribution whose subject no actor names owns the words before
    its comma, a speech verb among them -- they are the unnamed source's account, not a
    statement of the body they tell of (as under a named trailing speaker)."""
    if inner.unasserted or outer.verb.begin >= inner.verb.begin:
        return False
    m = _TRAILING_SUBJECT.search(ctx.text, max(inner.sentence.begin, inner.verb.begin - 80),
                                 inner.verb.begin)
    if m is None or m.start() < outer.verb.end or ctx.in_quote(m.start()) is not None or \
            m.group("np").split()[0].lower() in _clause_openers():
        return False
    return attribution_tail(ctx, inner) is not None


@lru_cache(maxsize=1)
def _clause_openers() -> frozenset[str]:
    """Words that open a clause rather than a subject (``[speech.subjects]
    clause_openers``): the conjunction case is :data:`_UNKNOWN_SUBJECT`'s, and a relative
    or subordinate clause is no attribution."""
    return frozenset(load_triggers().raw["speech"]["subjects"]["clause_openers"])


def split_coordinated(ctx: Context, found: list[SpeechTrigger]) -> list[SpeechTrigger]:
    """Reported words holding two coordinated predications are two statements of the
    speaker:

    * "X said the measure was "lawful" and that Japan should "reflect"", "X said A but
      that B "would be a last resort"": two *that* clauses (one quoting X's words, else
      they stay one: "noted that A, and that B"); "X said A, but that B" sets a second
      claim against the first: two statements, quoted or not;
    * "X said it "rejects" the ruling and has challenged it", "X said China was willing to
      talk but would "resolutely" defend its interests", "Tokyo has demanded that the ban
      be withdrawn but has given no sign ...": a second predicate with no subject of its
      own, opened by an auxiliary or a modal;
    * "X threatened to impose tariffs and to restrict software exports": a second
      infinitive;
    * "X said the US was "closely following" the move and stood "firmly with" Japan": a
      second verb in the simple past, both predicates quoted (not an "-ed" participle
      sharing a "be" of the first: "was "lawful" and aimed only at ...").
    """
    out: list[SpeechTrigger] = []
    for trigger in found:
        out.append(trigger)
        if trigger.dropped or trigger.content is None or trigger.post_quote is not None \
                or trigger.cls not in ("say", "announce", "demand", "call", "negation"):
            continue
        while trigger.content is not None:
            rest = _second_predicate(ctx, trigger)
            if rest is None:
                break
            out.append(rest)
            trigger = rest
    return out


def _second_predicate(ctx: Context, trigger: SpeechTrigger) -> SpeechTrigger | None:
    """Cut ``trigger``'s words before their first coordinated predicate (see
    :func:`_split_coordinated`) and return the statement of the rest, or None."""
    content = trigger.content
    assert content is not None
    text = ctx.text
    listed = trigger.cls in ("say", "announce") and _opened_by_that(text, content.begin)
    if text.find("and", content.begin, content.end) == -1 and \
            text.find("but", content.begin, content.end) == -1 and \
            not (listed and text.find(", that", content.begin, content.end) != -1):
        return None  # no coordination at all: spare the patterns
    patterns = [_AND_THAT] if trigger.cls in ("say", "announce") else []
    if listed:
        patterns.append(_COMMA_THAT)
    patterns += [_AND_AUXILIARY, _and_past()]
    if trigger.cls in ("say", "demand") and text.startswith("to ", content.begin):
        patterns.append(_AND_TO)
    cuts = sorted((m for p in patterns for m in p.finditer(text, content.begin, content.end)
                   if not ctx.in_quote(m.start(), m.end())), key=lambda m: m.start())
    for m in cuts:
        end = trim_end(text, content.begin, m.start())
        first = Span.of(text, content.begin, end)
        second = Span.of(text, m.end(), content.end)
        if word_count(first.text) < SHORT_CONTENT or word_count(second.text) < SHORT_CONTENT:
            continue
        if m.re is _AND_THAT and not (has_quote(ctx, first) or has_quote(ctx, second)) \
                and not m.group().lstrip(", ").startswith("but"):
            break  # "noted that A, and that B": one report; "A, but that B": a second claim
        if m.re is _COMMA_THAT and not (has_quote(ctx, first) and has_quote(ctx, second)):
            continue  # "any firm, in any country, that helps ...": a relative clause
        if m.re is _and_past():
            # "X said the US was "A" and stood "B"": a second verb in the past with no
            # subject of its own is a second statement when both predicates are quoted.
            if not (has_quote(ctx, first) and has_quote(ctx, second)) or \
                    word_count(first.text) < SHORT_STATEMENT or \
                    word_count(second.text) < SHORT_STATEMENT or \
                    _participle_of_be(ctx, first, second):
                continue
        if m.re is _AND_AUXILIARY:
            if _same_auxiliary(ctx, trigger, m):
                # "Tokyo has demanded that A but has given no sign ...": the main clause
                # goes on; the words end before it.
                trigger.content = first
                return None
            # "A and was "B"" stays one statement unless both are quoted; "A but would
            # "B"" is a second claim set against the first.
            contrast = re.match(r",?\s+but\b", m.group()) is not None
            if not has_quote(ctx, second) or not (contrast or has_quote(ctx, first)) or \
                    word_count(first.text) < SHORT_STATEMENT or \
                    word_count(second.text) < SHORT_STATEMENT:
                continue
        whole = trigger.whole or content
        trigger.content, trigger.whole = first, whole
        return SpeechTrigger(trigger.verb, trigger.sentence, trigger.cls, trigger.tense,
                             speaker=trigger.speaker, negated=trigger.negated, via=trigger.via,
                             content=second, whole=whole)
    return None


def _same_auxiliary(ctx: Context, trigger: SpeechTrigger, m: re.Match[str]) -> bool:
    """Whether the coordinated predicate repeats the auxiliary of the speech verb ("has
    demanded ... but has given"): it is the main clause's, not the reported words'."""
    before = re.search(r"\b(has|have|had)\s+(?:\w+ly\s+|also\s+)?$",
                       ctx.text[max(trigger.sentence.begin, trigger.verb.begin - 20):
                                trigger.verb.begin])
    return before is not None and re.match(rf"(?:\w+\s+)?{before.group(1)}\s",
                                           ctx.text[m.end():m.end() + 30]) is not None


_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+")
_COMMA_THAT = re.compile(r",\s+that\s+(?!is\b|was\b|means\b)")
"""'said that A "x", that B "y", and that C': the second of a series of "that" clauses (the
words must open with "that", and both clauses quote words: ", that helps ..." after an
unquoted noun phrase is a relative clause; "that is" and the like are no clause)."""
_THAT_BEFORE = re.compile(r"\bthat\s*$")


def _opened_by_that(text: str, begin: int) -> bool:
    """Whether the words at ``begin`` follow "that" (a complement clause)."""
    return _THAT_BEFORE.search(text, max(0, begin - 8), begin) is not None
_AND_AUXILIARY = re.compile(
    r",?\s+(?:and|but)\s+(?=(?:(?:also|then|later|still|since|yet|[a-z]+ly)\s+)?"
    r"(?:has|have|had|was|were|is|are|would|will|could|can|should|must|may|might|did|does)"
    r"\s)")


@lru_cache(maxsize=1)
def _past_verbs() -> frozenset[str]:
    """The irregular past forms of ``[dates] past_verbs`` in ``triggers.toml``."""
    return frozenset(load_triggers().raw["dates"]["past_verbs"])


@lru_cache(maxsize=1)
def _and_past() -> re.Pattern[str]:
    """A coordinated verb in the simple past: ``[dates] past_verbs`` of ``triggers.toml``
    (the irregular forms; the auxiliaries are :data:`_AND_AUXILIARY`'s) or a lower-case
    "-ed" word ("-eed" words are not past: "need", "exceed")."""
    irregular = [v for v in load_triggers().raw["dates"]["past_verbs"]
                 if v not in ("was", "were", "had", "did")]
    return re.compile(r",?\s+(?:and|but)\s+(?=(?:(?:also|then|later|again|[a-z]+ly)\s+)?"
                      r"(?:" + "|".join(map(re.escape, irregular)) + r"|[a-z]+(?<!e)ed)\s)")


_BE = re.compile(r"\b(?:is|are|was|were|be|been)\b")


def _participle_of_be(ctx: Context, first: Span, second: Span) -> bool:
    """"the measure was "lawful" and aimed only at ...": an "-ed" word after a first
    predicate with "be" may be a participle sharing it, unless it is a speech verb
    ("was "following the situation" and called for ...")."""
    word = second.text.split(None, 1)[0].lower() if second.text.strip() else ""
    if not word.endswith("ed") or word in _past_verbs():
        return False
    info = ctx.triggers.speech_verbs.get(word)
    return (info is None or info.tense != "past") and _BE.search(first.text) is not None


_AND_TO = re.compile(r",?\s+and\s+(?=to\s)")
