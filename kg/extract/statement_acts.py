"""Speech verbs that report an act rather than words, and what such verbs take as words.

* :func:`is_naming` -- "the islands, which China calls the Diaoyu": a name given;
  :func:`labels_in_passing` -- "what Brussels calls unfair subsidies": a label credited;
  :func:`confirms_an_act` -- "China confirms final duties on wine": an act confirmed;
* :func:`relative_object` -- "a post that Tokyo calls threatening": the words start with the
  noun phrase a relative clause follows; :func:`relative_antecedent` -- "licences, which
  the ministry says can take 90 days": a "say" verb's words about that noun phrase;
* :func:`demand_reports_words` -- whether a demand verb reports words ("urged Japan to
  withdraw", "demanded its withdrawal") or only an act ("asked not to be named");
* :func:`is_advisory`, :func:`issues_document` -- a directive to the public ("told its
  citizens to avoid travel") or the issue of a document ("posts a message on X") is an
  act, not words, unless it quotes them; :data:`RESPONDS_WITH` -- "responded with a post";
  :func:`names_a_deed` -- "recalled its ambassador": a say verb that also names a deed,
  with a noun phrase for object, tells the deed.

Split from :mod:`.reported_words` (round 15), which finds where the words begin and end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Span
from .context import Context
from .reported_words import has_quote, is_term_in, question_begin
from .speech_triggers import SpeechTrigger, verb_of
from .triggers import load_triggers, phrase_alternation

RESPONDS_WITH = re.compile(r"\s+(?:\w+ly\s+)?(?:with|by)\b(?!\s+(?:saying|stating|noting|"
                           r"insisting|arguing|calling|telling|warning\s+that)\b)")
""""responded with a post", "responded by warning its citizens ...": an act of
answering, not words (unless the act is one of saying: "responded by saying that")."""
_NAMING = re.compile(r"\s+(?:(?:it|them|itself|themselves)\s+)?(?:the\s+)?(?P<q>[\"“‘])?"
                     r"[A-Z][\w’'-]*(?:\s+[A-Z0-9][\w’'-]*)*(?(q)[\"”’])\s*(?:[.,;:)]|$)")
"""A proper name as complement, perhaps quoted (drills 'called "Joint Sword-2024A"')."""


def is_naming(ctx: Context, trigger: SpeechTrigger) -> bool:
    """"the Senkaku Islands, which China calls the Diaoyu", 'drills around the island,
    called "Sea Shield-7"': a name given, not words said (a ``call`` verb of naming whose
    complement is only a proper name, quoted or not)."""
    lemma = ctx.triggers.speech_verbs[" ".join(trigger.verb.text.lower().split())].lemma
    if lemma not in ("call", "term", "label", "brand"):
        return False
    return _NAMING.match(ctx.text, trigger.verb.end, trigger.sentence.end) is not None


_WHAT_BEFORE = re.compile(r"(?<![\w’'-])[Ww]hat\s+$")


def labels_in_passing(ctx: Context, trigger: SpeechTrigger, end: int) -> bool:
    """"an investigation into what Brussels calls unfair state subsidies": a ``call`` verb
    in a free relative ("what X calls / described as Y") is the narrator crediting a label
    to X inside a noun phrase, not a report of words X said; unless the label is quoted
    (what two executives described as "window guidance": their words)."""
    speaker = trigger.speaker
    if speaker is None or speaker.span.end > trigger.verb.begin:
        return False
    if _WHAT_BEFORE.search(ctx.text, max(trigger.sentence.begin, speaker.span.begin - 8),
                           speaker.span.begin) is None:
        return False
    return not has_quote(ctx, Span.of(ctx.text, trigger.verb.end, max(trigger.verb.end, end)))


def relative_object(ctx: Context, trigger: SpeechTrigger, begin: int) -> int:
    """"a post on X that Tokyo calls threatening": the object of a ``call`` verb is the noun
    phrase the relative clause follows; the statement starts with it."""
    speaker = trigger.speaker
    if speaker is None or not (speaker.span.end <= trigger.verb.begin):
        return begin
    window = max(trigger.sentence.begin, speaker.span.begin - 10)
    m = re.search(r"\b(?:that|which)\s+$", ctx.text[window:speaker.span.begin])
    if m is None:
        return begin
    relative = window + m.start()
    window = max(trigger.sentence.begin, relative - 40)
    head = re.search(r"\b(?:a|an|the|its|his|her|their|this)\s+(?:[\w’'-]+\s+){0,4}$",
                     ctx.text[window:relative])
    return window + head.start() if head is not None else begin


_WHICH_BEFORE = re.compile(r",\s*which\s+(?:the\s+)?$", re.IGNORECASE)
"""A non-restrictive relative clause opening right before the speaker: ", which X said"."""
_NO_PREDICATE = re.compile(r"(?:and|or|but)\b", re.IGNORECASE)
"""Words opening with a conjunction: the verb's object was the relative word itself."""
_SUBJECT_VERB = re.compile(r"\s+(?:(?:has|have|had|is|are|was|were|will|would)\s+)?"
                           r"(?:[a-z]+ly\s+)?[a-z]+\s+(?=[\w“\"])")
"""The verb right after a subject ("Beijing cleared ", "Tokyo quietly lifted ")."""
_SUBJECT_REACH = 160
"""How far before the relative clause the subject of the clause it ends is looked for."""


def relative_antecedent(ctx: Context, trigger: SpeechTrigger, begin: int) -> int:
    """"case-by-case licences, which METI says can take up to 90 days": a "say" verb in a
    non-restrictive relative clause whose words follow it are said of the noun phrase the
    clause follows (the relative word is their subject: "had been approved" alone says
    nothing); the words start with that noun phrase when it is the object of a clause whose
    subject is an actor ("Beijing cleared export inspections for 18,700 tonnes, which ...":
    after that clause's verb), else at "which" (the noun phrase's own start is not known)."""
    speaker = trigger.speaker
    if speaker is None or speaker.span.end > trigger.verb.begin or begin < trigger.verb.end:
        return begin
    if _NO_PREDICATE.match(ctx.text, begin):
        return begin  # "the islands, which Beijing claims and calls X": "which" is the object
    m = _WHICH_BEFORE.search(ctx.text, max(trigger.sentence.begin, speaker.span.begin - 16),
                             speaker.span.begin)
    if m is None:
        return begin
    comma = m.start()
    which = m.start() + m.group().index("which")
    reach = max(trigger.sentence.begin, comma - _SUBJECT_REACH)
    subjects = [a for a in ctx.actors_in(reach, comma) if a.span.end < comma]
    if subjects and not re.search(r"[,;:]\s", ctx.text[subjects[-1].span.end:comma]):
        # the noun phrase is the object of the clause the relative clause ends
        verb = _SUBJECT_VERB.match(ctx.text, subjects[-1].span.end, comma)
        if verb is not None:
            return verb.end()
    return which


_THAT_AFTER = re.compile(r"\s+that\b")
_DEMANDED_OBJECT = re.compile(r"\s+(?:(?:its|their|the|an|a|his|her|immediate|full|formal|public|"
                              r"swift)\s+){0,3}([\w-]+)")
"""The noun a demand verb takes, after a few determiners and adjectives ("demanded its
withdrawal")."""


def demand_reports_words(ctx: Context, trigger: SpeechTrigger, begin: int, end: int) -> bool:
    """Whether a ``demand`` verb reports words: a *that* clause, a subjunctive ("demanded
    the ban be withdrawn"), an object and an infinitive after an exhortation ("urged Japan
    to withdraw"), an object naming what was demanded ("demanded its withdrawal"), or a
    quotation."""
    after = ctx.text[trigger.verb.end:min(end, trigger.verb.end + 80)]
    if _THAT_AFTER.match(after) or _SUBJUNCTIVE.match(after) or _COMMA_CLAUSE.match(after):
        return True
    if question_begin(ctx, trigger) is not None:
        return True  # "asked whether ...": a question reported
    lemma = ctx.triggers.speech_verbs[" ".join(trigger.verb.text.lower().split())].lemma
    table = ctx.triggers.raw["speech"]
    if lemma in table["exhortations"] and _OBJECT_INFINITIVE.match(after):
        return True
    m = _DEMANDED_OBJECT.match(after)
    if m is not None and m.group(1).lower() in table["demand_objects"]:
        return True
    # "shows little sign of relenting: a spokesperson said Japan must "correct ...": a
    # quotation in a new clause after a colon or semicolon is that clause's words.
    return any(not is_term_in(ctx, q) and not _CLAUSE_BREAK.search(ctx.text, trigger.verb.end,
                                                                    q.outer.begin)
               for q in ctx.quotes_in(begin, end + 1))


_CLAUSE_BREAK = re.compile(r"[:;]\s*[^\s\"“‘'”’]")
"""A colon or semicolon opening a clause of words (not a quotation right after it)."""


_SUBJUNCTIVE = re.compile(r"\s+(?:the|its|their|a|an|this|that|all)\s+(?:[\w’'-]+\s+){0,3}?"
                          r"(?:be|not\s+be|should|must|shall)\s+\w+"
                          r"|\s+(?:he|she|it|they|we|you|[A-Z][a-z]+)\s+(?:not\s+)?"
                          r"(?!(?:is|was|were|are|has|had|have|would|will|could|can|did|does)\b)"
                          r"[a-z]+(?<!ed)(?<![^s]s)\s+(?:the|its|his|her|their|a|an|all|this)\b")
"""A subjunctive after a demand: "demanded the ban be withdrawn", "demanded she retract the
remark", "urged Tokyo withdraw its claim"."""
_COMMA_CLAUSE = re.compile(r",\s+(?:[A-Z][\w’'-]*|the\s+[\w’'-]+|it|they|he|she|we)\s+"
                           r"(?:[a-z]+ly\s+)?(?:must|should|shall|had\s+to|needed\s+to)\s+")
"""A clause after a comma in place of "that" (translated German "forderte, X müsse":
"demanded, Huawei must also leave the network"), with a modal of obligation."""
_OBJECT_INFINITIVE = re.compile(r"\s+(?!not\b|never\b)(?:[\w’'-]+\s+){1,5}?to\s+(?:[a-z]+ly\s+)?"
                                r"[a-z]+")
"""An object and an infinitive ("urged Japan to withdraw"); "asked not to be named" has no
object: the asker's own wish, not words reported."""


@lru_cache(maxsize=1)
def _advisory_regex() -> re.Pattern[str]:
    speech = load_triggers().raw["speech"]
    nouns = phrase_alternation(speech["advisory_addressees"])
    # "called on its citizens to ...", in translation also "called to its citizens to ..."
    return re.compile(rf"\s+(?:(?:on|upon|to)\s+)?(?:(?:its|their|his|her|the|all|our)\s+)?"
                      rf"(?:[\w’'-]+\s+){{0,2}}?"
                      rf"(?:{nouns})\s+(?:(?:in|on|at|during|last|this)\s+(?:[\w’'.-]+\s+){{1,3}}?)?"
                      rf"(?:to|not\s+to|against)\b", re.IGNORECASE)


def is_advisory(ctx: Context, trigger: SpeechTrigger, begin: int, end: int) -> bool:
    """"told its citizens to avoid travel", "warning its citizens against travel": a
    directive to the public (``directive_verbs`` to ``advisory_addressees``) is an act, a
    travel or safety advisory, not words; unless it quotes them."""
    verb = verb_of(ctx, trigger)
    if verb is None or verb.lemma not in ctx.triggers.raw["speech"]["directive_verbs"]:
        return False
    if _advisory_regex().match(ctx.text, trigger.verb.end, trigger.sentence.end) is None:
        return False
    return not any(not is_term_in(ctx, q) for q in ctx.quotes_in(begin, end + 1))


@lru_cache(maxsize=1)
def _document_object_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["document_nouns"])
    return re.compile(rf"\s+(?:a|an|the|his|her|its|their)\s+(?:[\w’'-]+\s+){{0,2}}?"
                      rf"(?:{nouns})\b(?!\s*:)", re.IGNORECASE)


def issues_document(ctx: Context, trigger: SpeechTrigger, begin: int, end: int) -> bool:
    """"posts a message on X that Tokyo calls inappropriate": a verb of saying whose object
    is a document (``document_nouns``) reports the act of issuing it, not its words, unless
    the words are quoted."""
    if trigger.cls != "say" or ctx.text[trigger.verb.end:begin].strip():
        return False  # "said in a statement the ban ...": the words follow the occasion
    if _document_object_regex().match(ctx.text, trigger.verb.end, trigger.sentence.end) is None:
        return False
    return not any(not is_term_in(ctx, q) for q in ctx.quotes_in(begin, end + 1))


def names_a_deed(ctx: Context, trigger: SpeechTrigger, begin: int, end: int) -> bool:
    """"recalled its ambassador from Madrid", "posted a video", "tweeted a photo": a say
    verb that also names a deed (``reply_deed_verbs``) whose object is a noun phrase (a
    determiner right after the verb) tells the deed, not words; unless the noun phrase is a
    clause's subject ("recalled the talks had failed") or words are quoted.  With "that",
    a colon or a quotation after it ("recalled that ...") the verb reports words."""
    if trigger.cls != "say" or trigger.negated or ctx.text[trigger.verb.end:begin].strip():
        return False
    verb = verb_of(ctx, trigger)
    if verb is None or verb.lemma not in reply_deed_verbs():
        return False
    m = _DEED_OBJECT.match(ctx.text, trigger.verb.end, end)
    if m is None or _CLAUSE_VERB.match(ctx.text, m.end(), end) or \
            _FINITE_AFTER_OBJECT.match(ctx.text, m.end(), end):
        return False
    return not any(not is_term_in(ctx, q) for q in ctx.quotes_in(begin, end + 1))


_DEED_OBJECT = re.compile(r"\s+(?:its|his|her|their|our|the|a|an)\s+(?:own\s+)?[\w’'-]+",
                          re.IGNORECASE)
"""A verb's object noun phrase: a determiner and the word after it ("its own ambassador")."""
_FINITE_AFTER_OBJECT = re.compile(r"\s+(?:had|has|have|was|were|is|are)\b", re.IGNORECASE)
"""A finite verb after the object: the noun phrase is a clause's subject ("recalled the
talks had failed"), so the verb reports words."""


_CLAUSE_VERB = re.compile(r"\s+(?:" + "|".join(map(
    re.escape, load_triggers().raw["speech"]["act_object_clause_verbs"])) + r")\b", re.IGNORECASE)
"""A finite verb right after the object noun (``[speech] act_object_clause_verbs``): the
noun is a clause's subject, words."""


def confirms_an_act(ctx: Context, trigger: SpeechTrigger, begin: int, end: int) -> bool:
    """"China confirms final anti-dumping duties on wine": a verb of ``act_object_verbs``
    whose object is a measure (``act_object_nouns``) reports the act confirmed, not words;
    unless the noun opens a clause ("confirmed the duties would stay") or words are
    quoted."""
    if trigger.negated or ctx.text[trigger.verb.end:begin].strip():
        return False
    verb = verb_of(ctx, trigger)
    if verb is None or verb.lemma not in _act_object_verbs():
        return False
    m = _act_object_regex().match(ctx.text, trigger.verb.end, end)
    if m is None or _CLAUSE_VERB.match(ctx.text, m.end(), end):
        return False
    return not any(not is_term_in(ctx, q) for q in ctx.quotes_in(begin, end + 1))


@lru_cache(maxsize=1)
def _act_object_verbs() -> frozenset[str]:
    return frozenset(load_triggers().raw["speech"]["act_object_verbs"])


@lru_cache(maxsize=1)
def _act_object_regex() -> re.Pattern[str]:
    nouns = phrase_alternation(load_triggers().raw["speech"]["act_object_nouns"])
    # (a modifier may be a rate: "threatened 25% duties", "confirmed $2.5 levies")
    return re.compile(rf"\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w’'%$.-]+\s+){{0,3}}?"
                      rf"(?:{nouns})\b", re.IGNORECASE)


_BARE_STANCE_WORDS = 10
"""Most words of a stance given by its verb and object alone ("defended the move in
parliament on Tuesday")."""
_COMPLEMENT = re.compile(r"\b(?:as|saying|calling|noting|arguing|that)\b|[:;\"“”]")


def leads_a_quote(ctx: Context, trigger: SpeechTrigger, statements: list[SpeechTrigger]) -> bool:
    """"Minister X defended the move in parliament on Tuesday. "We acted because ...," X
    said.": a stance verb with only its object (a ``call`` verb, no "as" complement, no
    quoted word) that the same speaker's quotation follows in the next sentence of the
    paragraph announces those words; the quotation is the statement, the lead-in says
    nothing of its own.  (A stance standing alone, "Xinhua criticized Japan's security
    policy shifts", is kept.)"""
    content = trigger.content
    if trigger.cls != "call" or trigger.negated or content is None or trigger.speaker is None:
        return False
    text = ctx.text[trigger.verb.end:content.end]
    if len(text.split()) > _BARE_STANCE_WORDS or _COMPLEMENT.search(text) or \
            has_quote(ctx, content):
        return False
    paragraph = ctx.paragraph_of(content.begin)
    following = ctx.sentences_in(trigger.sentence.end, paragraph.end) if paragraph else []
    if not following:
        return False
    nxt = following[0]
    return any(t is not trigger and t.speaker is not None and
               t.speaker.name == trigger.speaker.name and t.content is not None and
               nxt.begin <= t.content.begin < nxt.end and
               (t.post_quote is not None or has_quote(ctx, t.content)) for t in statements)


@lru_cache(maxsize=1)
def reply_deed_verbs() -> frozenset[str]:
    """Say verbs that also name a deed (``[speech] reply_deed_verbs``: "recall", "post")."""
    return frozenset(load_triggers().raw["speech"]["reply_deed_verbs"])
