"""Speech triggers: the words in a sentence that may open a statement.

A :class:`SpeechTrigger` is found where

* a speech verb of ``[speech]`` in ``kg/data/triggers.toml`` occurs outside a quotation and
  is a verb, not a noun ("his remarks", "Takaichi's comments" are nouns);
* a verb names a speech act with a noun ("renewed its demand that ...", ``act_verbs`` and
  ``act_nouns``);
* a negated report occurs ("did not say whether ...", "declined to comment",
  ``[speech.negation]``).

:mod:`kg.extract.statements` then finds each trigger's speaker and reported words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from ..model import ActorType, PartialDate, Span
from .anchored import KeyFilter, anchored_finditer, letter_head, lowered
from .context import PREPOSITIONS, Context, Subject
from .gazetteer import token_stream
from .text import Quote
from .triggers import SpeechVerb, load_triggers, phrase_alternation, phrase_pattern


@dataclass
class SpeechTrigger:
    """A speech verb (or speech act, negation, "according to", transcript answer) found in
    a sentence, with what :mod:`kg.extract.statements` learns about it."""

    verb: Span
    """The words that open the statement ("said", "renewed its demand that")."""
    sentence: Span
    cls: str
    """say, call, demand, announce, act, negation, according or answer."""
    tense: str
    """base, past, present or gerund: the present dates a statement to the article's day."""
    speaker: Subject | None = None
    content: Span | None = None
    """The reported words (``kg:quote``)."""
    negated: bool = False
    via: str | None = None
    """The outlet through which the words are known (a reporting chain)."""
    dropped: bool = False
    """Not a statement after all (no speaker, no words, part of another's words)."""
    post_quote: Quote | None = None
    """The quotation the attribution follows or introduces."""
    colon: bool = False
    """Words introduced by a colon without quotation marks (translated transcripts)."""
    whole: Span | None = None
    """All the reported words when ``content`` is one of the parts they were cut into
    ("said A and that B"): a date inside them belongs to the words, not to the saying."""
    unasserted: bool = False
    """Speech the sentence does not assert -- still to come ("he will explain", "is
    expected to tell") or hedged ("reportedly told", "may have said", "whether X said"):
    no statement, but its clause ends the words of a statement before it."""
    given_date: tuple[PartialDate | None] | None = None
    """The date the statement's source gives (a transcript's conference day for an answer
    to a question, a footnote's date), maybe unknown; None when the statement is dated as
    any statement is."""


def verb_of(ctx: Context, trigger: SpeechTrigger) -> SpeechVerb | None:
    """The speech verb of ``[speech]`` the trigger's words are ("said", "recalled"), by
    their lower-case form with single spaces; ``None`` for an act, a negation or a label."""
    return ctx.triggers.speech_verbs.get(" ".join(trigger.verb.text.lower().split()))


class TriggerWords:
    """Where the words that may open a trigger stand in one text: each word that begins a
    speech-verb form, an act verb or a negation, with the patterns to try there.

    The text is scanned once, word by word, with one dictionary probe per word (instead of
    trying hundreds of alternatives at every position of every sentence); a sentence then
    takes its slice by bisection.
    """

    def __init__(self, text: str) -> None:
        entries_of = _trigger_entries
        lower = lowered(text)[0]
        found: list[tuple[int, _Entries]]
        if len(lower) == len(text):  # one lower-casing of the text keeps the offsets
            # Each hit is a word of the index (see _first_words): it has entries.
            found = [(m.start(), cast("_Entries", entries_of(m.group())))
                     for m in _word_hits(text, lower)]
        else:  # a character whose lower case is longer ("İ"): lower each word
            found = [(m.start(), entries) for m in _WORD.finditer(text)
                     if (entries := entries_of(m.group().lower())) is not None]
        self.starts = [start for start, _ in found]
        self.found = found

        self._last: tuple[Span, dict[str, list[re.Match[str]]]] | None = None

    def any_in(self, sentence: Span) -> bool:
        """Whether a trigger word stands in ``sentence`` (it may still match nothing)."""
        i = bisect.bisect_left(self.starts, sentence.begin)
        return i < len(self.starts) and self.starts[i] < sentence.end

    def matches(self, text: str, sentence: Span) -> dict[str, list[re.Match[str]]]:
        """The matches in ``sentence`` of each kind (``verb``, ``act``, ``negation``,
        ``according``), in text order, a kind's matches never overlapping (a form matched
        at a word is the first of its kind that matches there)."""
        if self._last is not None and self._last[0] is sentence:
            return self._last[1]
        out: dict[str, list[re.Match[str]]] = {kind: [] for kind in _KINDS}
        i = bisect.bisect_left(self.starts, sentence.begin)
        j = bisect.bisect_left(self.starts, sentence.end, i)
        if i < j:
            after = dict.fromkeys(_KINDS, -1)
            for start, entries in self.found[i:j]:
                for kind, pattern in entries:
                    if start < after[kind]:
                        continue  # inside this kind's last match, or one matched here
                    m = pattern.match(text, start, sentence.end)
                    if m is not None:
                        out[kind].append(m)
                        after[kind] = m.end()
        self._last = (sentence, out)
        return out


_KINDS = ("verb", "act", "negation", "according")


def _word_hits(text: str, lower: str) -> Iterator[re.Match[str]]:
    """The matches of :func:`_first_words` in ``lower`` (``text`` lower-cased, as long):
    tried only at the tokens whose key opens with a trigger word
    (:func:`~kg.extract.anchored.anchored_finditer`) when the lower-cased text holds the
    token keys, else scanned."""
    if not _anchorable() or lower is not lowered(text)[0] or not lowered(text)[1]:
        return _first_words().finditer(lower)
    stream = token_stream(text)
    keys = _trigger_keys().select(stream.distinct)
    return anchored_finditer(_first_words(), stream, keys, subject=lower)


@lru_cache(maxsize=1)
def _trigger_keys() -> KeyFilter:
    """The token keys a trigger word may open: a trigger word ends before a non-letter, a
    digit included ("said2"), so its token's key opens with it."""
    index = _trigger_index()
    return KeyFilter(lambda key: key in index or letter_head(key) in index)


def trigger_words(ctx: Context) -> TriggerWords:
    """The :class:`TriggerWords` of ``ctx``'s text, built once per article (kept on the
    context)."""
    words = ctx.__dict__.get("_trigger_words")
    if words is None:
        words = ctx.__dict__["_trigger_words"] = TriggerWords(ctx.text)
    return words


def find_triggers(ctx: Context, sentence: Span,
                  words: TriggerWords | None = None) -> list[SpeechTrigger]:
    """The speech triggers of ``sentence`` in text order, overlapping ones merged (a
    negation wins over the verb it holds: "did not say").  ``words`` may pass the
    article's :class:`TriggerWords`, built once for all its sentences."""
    matches = (words or trigger_words(ctx)).matches(ctx.text, sentence)
    if not (matches["verb"] or matches["act"] or matches["negation"]):
        return []
    found = _verbs(ctx, sentence, matches["verb"]) + _acts(ctx, sentence, matches["act"]) + \
        _negations(ctx, sentence, matches["negation"])
    found.sort(key=lambda t: t.verb.begin)
    kept: list[SpeechTrigger] = []
    for trigger in found:
        if kept and trigger.verb.begin < kept[-1].verb.end:
            if trigger.cls == "negation" and kept[-1].cls != "negation":
                kept[-1] = trigger
            continue
        kept.append(trigger)
    return kept


def _verbs(ctx: Context, sentence: Span, matches: list[re.Match[str]]) -> list[SpeechTrigger]:
    out: list[SpeechTrigger] = []
    table = ctx.triggers.speech_verbs
    for m in matches:
        if ctx.in_quote(m.start(), m.end()):
            continue  # words inside a quotation are the speaker's, not an attribution
        info: SpeechVerb = table[" ".join(m.group().lower().split())]
        if info.tense == "base" and _prospective(ctx, sentence, m.start()):
            # "he will explain ...", "is expected to tell ...": speech not yet made
            out.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, info.cls,
                                     info.tense, dropped=True, unasserted=True))
            continue
        before = ctx.word_before(m.start())
        if m.group()[:1].isupper() and before is not None and before[:1].isalpha() and \
                _OPENING.fullmatch(ctx.text, sentence.begin, m.start()) is None and (
                before[:1].isupper() or _CAPITAL_AFTER.match(ctx.text, m.end(), sentence.end)):
            continue  # "a US State Department spokesperson", "the United States": a name
        if before is not None:
            lower = before.lower()
            if (lower in ctx.triggers.noun_markers and not (
                    info.tense == "past" and lower in _marker_nouns())
                    or lower in PREPOSITIONS
                    or lower.endswith(("'s", "’s"))) and not _adverb_after_auxiliary(
                        ctx, m.start(), lower) and not (lower == "as" and _quoted_as(
                            ctx, sentence, m.start())) and \
                    ctx.occasion_ending_at(m.start(), sentence.begin) is None:
                continue  # a noun ("his remarks", "Takaichi's comments") or an infinitive
        if info.tense == "base" and before is not None and before.lower() not in (
                "and", "or", "also", "they"):
            # A base form is finite after a plural subject ("Analysts warn", "the ministry
            # and its embassy in Tokyo advise"), not after a name that a determiner makes
            # a modifier ("the WTO dispute", "a Xinhua report").
            actor = ctx.actor_ending_at(m.start())
            if actor is None and not before[:1].isupper():
                continue
            if actor is not None and (ctx.word_before(actor.span.begin) or "").lower() in (
                    "the", "a", "an") and _AND_DETERMINER.search(
                        ctx.text, max(sentence.begin, actor.span.begin - 12),
                        actor.span.begin) is None:
                continue  # but "X and the embassy in Tokyo remind ...": a plural subject
        frame = _frames().get(info.lemma)
        if frame is not None and frame.match(ctx.text, m.end(), sentence.end) is None:
            continue  # "citing government sources": a source named, not words
        if info.tense == "present" and _NOUN_SUBJECT.match(ctx.text, m.end(), sentence.end) \
                and _determined_name_before(ctx, m.start()):
            continue  # "the Taiwan remarks have not been withdrawn": a noun, the subject
        if _hedged(ctx, sentence, m.start()) or _free_relative(ctx, sentence, m):
            # "reportedly told", "may have said": speech the sentence does not assert
            out.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, info.cls,
                                     info.tense, dropped=True, unasserted=True))
            continue
        if info.tense == "past" and _BE_BEFORE.search(ctx.text, max(sentence.begin,
                                                                    m.start() - 40), m.start()):
            # "China is said to be weighing curbs", "it was reported that ...": a passive
            # names no speaker (its subject is what is said, or the listener).
            continue
        passive = _quoted_as(ctx, sentence, m.start()) if info.tense == "gerund" else None
        if passive is not None:
            # "X was quoted as saying ...": a finite report of X's words.
            outlet = next((a.name for a in ctx.actors_in(passive.start(), m.start())
                           if a.type is ActorType.MEDIA), None)  # "quoted by the Journal"
            out.append(SpeechTrigger(Span.of(ctx.text, passive.start(), m.end()), sentence,
                                     info.cls, "past", via=outlet))
            continue
        out.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, info.cls,
                                 info.tense))
    return out


@lru_cache(maxsize=1)
def _marker_nouns() -> frozenset[str]:
    """The nouns among the noun markers (``noun_markers_nouns`` of ``[speech]``)."""
    return frozenset(load_triggers().raw["speech"]["noun_markers_nouns"])


_NOUN_SUBJECT = re.compile(r"\s+(?:have|has|had|are|were|was|is|will|would|could|can|"
                           r"should|may|might|must|do|does|did)\b")
"""After a present form: a finite verb of its own makes the form a plural noun ("the
Taiwan remarks have ...") when a determiner makes the name before it a modifier."""


def _determined_name_before(ctx: Context, offset: int) -> bool:
    """Whether a name right before ``offset`` follows "the", "a" or "an", and so modifies
    the noun at ``offset`` ("the Taiwan remarks", "a Xinhua report"): no subject ("a move
    Beijing says is aimed at ..." has one)."""
    actor = ctx.actor_ending_at(offset)
    return actor is not None and (ctx.word_before(actor.span.begin) or "").lower() in (
        "the", "a", "an")


_FREE_RELATIVE = re.compile(r"\b(?:whatever|what|whichever)\s+(?:[\w’'.-]+\s+){1,4}$",
                            re.IGNORECASE)
_NO_WORDS_AFTER = re.compile(r"(?:\s+(?:in\s+(?:public|private)|publicly|privately|now|"
                             r"today|officially))*\s*(?:[,.;:!?)]|$)")


def _free_relative(ctx: Context, sentence: Span, m: re.Match[str]) -> bool:
    """"..., whatever the ministry says in public.": a verb in a free relative clause
    whose object is the relative word itself reports no words ("what it called collusion"
    still does: words follow the verb)."""
    if "wh" not in ctx.text[max(sentence.begin, m.start() - 40):m.start()].lower():
        return False  # the cheap test: no "what", "whatever", "whichever" before the verb
    return _FREE_RELATIVE.search(ctx.text, max(sentence.begin, m.start() - 40),
                                 m.start()) is not None and \
        _NO_WORDS_AFTER.match(ctx.text, m.end(), sentence.end) is not None


def _prospective(ctx: Context, sentence: Span, offset: int) -> bool:
    """Whether the base form at ``offset`` follows a modal or a verb of planning
    (``prospective`` in ``[speech]``): "will explain", "is expected to confirm", or a verb
    coordinated after such a one ("will explain the measure and confirm ...")."""
    window = ctx.text[max(sentence.begin, offset - 90):offset]
    if not window.endswith((" ", "\t", "\n")):
        return False
    return _prospective_regex().search(window) is not None


def _hedged(ctx: Context, sentence: Span, offset: int) -> bool:
    """Whether the speech verb at ``offset`` is hedged (``[speech.hedges]``): "reportedly
    told", "is said to have warned", "may have told", "whether X said", "Reportedly, X
    said"."""
    start = max(sentence.begin, offset - 90)
    if _hedge_keys().search(ctx.text, start, offset) is None:
        return False  # the cheap test first: no hedge word before the verb
    hedges = _hedge_regexes()
    if hedges[0].search(ctx.text[start:offset]) is not None:
        return True
    return hedges[1].match(ctx.text, sentence.begin, offset) is not None


@lru_cache(maxsize=1)
def _hedge_keys() -> re.Pattern[str]:
    """A word every hedge of ``[speech.hedges]`` holds (its last), as one pattern."""
    table = load_triggers().raw["speech"]["hedges"]
    keys = {entry.lower().split()[-1] for key in ("adverbs", "auxiliaries", "clauses")
            for entry in table[key]}
    # A look-ahead for the keys' first letters rules out most words before the alternation
    # is tried (case-insensitive alternatives open with no literal ``re`` can skip on).
    firsts = "".join(sorted({re.escape(key[0]) for key in keys}))
    return re.compile(rf"\b(?=[{firsts}])(?:" + "|".join(sorted(map(re.escape, keys))) + r")\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _hedge_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The hedges right before a speech verb, and a hedge opening its sentence."""
    table = load_triggers().raw["speech"]["hedges"]

    def alternatives(key: str) -> str:
        return phrase_alternation(table[key])

    adverb = r"(?:(?:\w+ly|also|then|later|earlier|once|even)\s+)?"
    before = re.compile(
        rf"(?:(?<![\w’'-])(?:{alternatives('adverbs')})\s+{adverb}"
        rf"|(?<![\w’'-])(?:{alternatives('auxiliaries')})\s+{adverb}"
        rf"|(?<![\w’'-])(?:{alternatives('clauses')})\s+(?:[^\s,;:\"“”]+\s+){{1,6}}?{adverb})$",
        re.IGNORECASE)
    opening = re.compile(rf"\s*(?:{alternatives('adverbs')})\s*,", re.IGNORECASE)
    return before, opening


@lru_cache(maxsize=1)
def _prospective_regex() -> re.Pattern[str]:
    governors = phrase_alternation(load_triggers().raw["speech"]["prospective"])
    adverb = r"(?:(?:\w+ly|also|then|later|soon|again|first)\s+)?"
    return re.compile(rf"(?<![\w’'-])(?:{governors})\s+{adverb}"
                      rf"(?:[^\s,;:.!?\"“”]+\s+(?:[^\s,;:!?\"“”]+\s+){{0,8}}?(?:and|or)\s+"
                      rf"(?:to\s+)?{adverb})?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _frames() -> dict[str, re.Pattern[str]]:
    """The ``call`` verbs that report words only in a frame, with the frame's pattern
    after the verb: "V (object) as ..." (``as_frame``: "cited the figure as proof"), "V
    (object) at ..." (``at_frame``: "put the losses at $2 billion")."""
    speech = load_triggers().raw["speech"]
    out: dict[str, re.Pattern[str]] = {}
    for key, word in (("as_frame", "as"), ("at_frame", "at")):
        pattern = re.compile(rf"(?:\s+[^\s,;:.!?]+){{0,8}}?\s+{word}\s", re.IGNORECASE)
        out.update(dict.fromkeys(speech[key], pattern))
    return out


_OPENING = re.compile(r"[\s\"“‘'(*•-]*")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
"""Around a capitalised trigger inside a sentence, a capitalised word makes it a word of a
name ("the State Department", "the United States"); a verb's words open in lower case."""
_AND_DETERMINER = re.compile(r"\band\s+(?:the|a|an)\s+$", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|am)\s+(?:(?:not|also|widely|"
                        r"often|still|now|already|reportedly|[a-z]+ly)\s+)*$", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
                        r"(?:\w+ly\s+|also\s+)?(?:quoted|cited)\s+(?:[\w’'.-]+\s+){0,6}?as\s+$",
                        re.IGNORECASE)


def _quoted_as(ctx: Context, sentence: Span, offset: int) -> re.Match[str] | None:
    """"was quoted (by the Journal) as" right before ``offset``."""
    window = max(sentence.begin, offset - 80)
    preceding = ctx.text[window:offset].lower()
    if "quoted" not in preceding and "cited" not in preceding:
        return None  # the pattern's cheap test
    return _QUOTED_AS.search(ctx.text, window, offset)


_AUXILIARY_ADVERB = re.compile(r"\b(?:has|have|had|'s|’s)\s+(?:since|before|after)\s+$",
                               re.IGNORECASE)


def _adverb_after_auxiliary(ctx: Context, offset: int, word: str) -> bool:
    """"Beijing has since insisted": a preposition used as an adverb after an auxiliary
    does not make the verb a noun."""
    return word in ("since", "before", "after") and _AUXILIARY_ADVERB.search(
        ctx.text, max(0, offset - 20), offset) is not None


_WORD = re.compile(r"(?<![\w])[^\W\d_]+")


def _first_word(entry: str) -> str:
    m = _WORD.match(entry.lower())
    if m is None:
        raise ValueError(f"trigger entry {entry!r} does not open with a word")
    return m.group()


@lru_cache(maxsize=1)
def _trigger_index() -> dict[str, tuple[tuple[str, str], ...]]:
    """For each word that may open a trigger, the patterns to try where it stands: the
    speech-verb forms it opens (longest first), the act verbs ("renewed its demand that"),
    the negations ("did not say", "declined to comment", "no comment") in the order of
    ``[speech]`` and the source markers ("according to"), each matched as whole words,
    case-insensitively (as sources: :func:`_trigger_entries` compiles them)."""
    triggers = load_triggers()
    speech = triggers.raw["speech"]
    index: dict[str, list[tuple[str, str]]] = {}

    def add(kind: str, entry: str, pattern: str) -> None:
        index.setdefault(_first_word(entry), []).append((kind, pattern + r"(?![\w])"))

    for form in sorted(triggers.speech_verbs, key=lambda f: (-len(f), f)):
        add("verb", form, phrase_pattern(form))
    nouns = phrase_alternation(speech["act_nouns"])
    for verb in sorted(speech["act_verbs"], key=len, reverse=True):
        add("act", verb, rf"(?P<verb>{phrase_pattern(verb)})\s+(?:(?:its|their|his|her|a|an|"
                         rf"the)\s+)?(?:[a-z][\w-]*\s+){{0,2}}?(?:{nouns})\s+(?:that|for|to)\b")
    for verb in sorted(speech["quoted_act_verbs"], key=len, reverse=True):
        # 'makes "stern representations"': the act named by a quotation (see _acts)
        add("act", verb, rf"(?P<verb>{phrase_pattern(verb)})\s+(?:(?:its|their|his|her|a|an|"
                         rf"the)\s+)?(?=[\"“‘'])")
    negation = speech["negation"]
    verbs = "|".join(phrase_pattern(v) for v in negation["verbs"])
    for auxiliary in negation["auxiliaries"]:
        add("negation", auxiliary, rf"{phrase_pattern(auxiliary)}\s+(?:\w+ly\s+)?(?:{verbs})")
    for phrase in negation["phrases"]:
        add("negation", phrase, phrase_pattern(phrase))
    for entry in sorted(speech["according"], key=len, reverse=True):
        add("according", entry, phrase_pattern(entry))  # "according to X", "per X"
    return {word: tuple(entries) for word, entries in index.items()}


_Entries = tuple[tuple[str, re.Pattern[str]], ...]
"""The (kind, pattern) pairs to try at a word (see :func:`_trigger_entries`)."""


@lru_cache(maxsize=1024)  # more than the words of the index
def _trigger_entries(word: str) -> _Entries | None:
    """The patterns of :func:`_trigger_index` for ``word``, compiled the first time a text
    holds the word: compiling the hundreds of forms at once took longer than extracting
    several articles, and most of them never occur in a given corpus."""
    sources = _trigger_index().get(word)
    if sources is None:
        return None
    return tuple((kind, re.compile(source, re.IGNORECASE)) for kind, source in sources)


@lru_cache(maxsize=1)
def _first_words() -> re.Pattern[str]:
    """The words of :func:`_trigger_index` as one pattern over lower-case text, whole
    words only, its alternatives folded into a trie ("sa(?:id|y(?:ing|s)?)"): the
    engine follows one branch per letter instead of trying every word in turn."""
    return re.compile(r"(?<![\w])(?:" + _trie(_trigger_index()) + r")(?![^\W\d_])")


@lru_cache(maxsize=1)
def _anchorable() -> bool:
    """Whether each trigger word is a run of two letters or more: its match then opens a
    token (not the inside of an abbreviation's, "U.S."), as :func:`_word_hits` needs."""
    return all(len(word) >= 2 and word.isalpha() for word in _trigger_index())


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, shared prefixes factored out."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node \
            else branches[0]
        return body + "?" if "" in node else body

    return pattern(root)


def _acts(ctx: Context, sentence: Span, matches: list[re.Match[str]]) -> list[SpeechTrigger]:
    """"renewed its demand that ...": a speech act named by a noun (``act_verbs`` and
    ``act_nouns`` in ``[speech]``), reported from the verb on."""
    out: list[SpeechTrigger] = []
    for m in matches:
        if ctx.in_quote(m.start(), m.end()):
            continue
        if m.end() < sentence.end and ctx.text[m.end()] in "\"“‘'" and \
                not _names_an_act(ctx, m.end()):
            continue  # 'made a "scheduled" stop': the quotation names no speech act
        verb = m.group("verb").lower()
        tense = "present" if verb.endswith("s") and not verb.endswith("ss") else "past"
        out.append(SpeechTrigger(Span.of(ctx.text, m.start(), m.end()), sentence, "act",
                                 tense))
    return out


def _names_an_act(ctx: Context, opening: int) -> bool:
    """Whether the quotation opening at ``opening`` names a speech act: its last word, or
    the word after it ('a "strong" protest'), is one of ``act_nouns`` or
    ``quoted_act_nouns``."""
    quote = ctx.in_quote(opening + 1)
    if quote is None or quote.outer.begin != opening:
        return False
    inside = _WORD.findall(quote.span.text)
    after = _WORD.match(ctx.text, _skip_spaces(ctx.text, quote.outer.end))
    heads = {w.lower() for w in (inside[-1:] + ([after.group()] if after else []))}
    return bool(heads & _act_nouns())


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


@lru_cache(maxsize=1)
def _act_nouns() -> frozenset[str]:
    speech = load_triggers().raw["speech"]
    return frozenset(w.lower() for w in (*speech["act_nouns"], *speech["quoted_act_nouns"]))


def _negations(ctx: Context, sentence: Span,
               matches: list[re.Match[str]]) -> list[SpeechTrigger]:
    out: list[SpeechTrigger] = []
    for m in matches:
        if ctx.in_quote(m.start(), m.end()):
            continue
        out.append(SpeechTrigger(Span(m.start(), m.end(), m.group()), sentence, "negation",
                                 "past", negated=True))
    return out


def prepare() -> None:
    """Build the speech-trigger index and its first-word pattern now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    _trigger_index()
    _first_words()
