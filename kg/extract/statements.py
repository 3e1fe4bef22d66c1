"""Find statements: direct quotes and reported speech, with speaker, date and source.

A statement is found where a speech trigger (:mod:`.speech_triggers`; the words are in
``[speech]`` of ``kg/data/triggers.toml``) has an actor as its subject, and its span
(``kg:quote``, found by :mod:`.reported_words`) is what the trigger reports:

* ``say`` verbs report what follows: ``X said (that) ...``, ``X said: "..."`` (the whole
  quotation a verb opens, also without a colon: ``Kihara stated "A. B."``), the quotation
  before them in ``"...," said X`` / ``"...," X said``, the words before them in an
  inverted attribution (``..., said Michiko Arai, a professor``) or a trailing ``..., it
  added.``, and the quotation opening the next paragraph after ``X said:``;
* ``call`` verbs report their object and its description, from the verb on:
  ``X called it "regrettable"``, ``X condemned the remarks as provocative``; a relative
  object comes first (``a post on X that Tokyo calls threatening``), and a proper name as
  complement is naming, not speech (``the islands, which China calls the Diaoyu``);
* ``demand`` verbs report words only with a *that* clause, a subjunctive (``demanded the
  ban be withdrawn``), an object and infinitive after an exhortation (``urged Japan to
  withdraw``), an object naming what is demanded (``demanded its withdrawal``) or a
  quotation;
* a question in reported speech (``question_verbs``: ``X asked (the minister) whether
  ...``, ``wondered how ...``) is the asker's statement, from the question word on;
  ``Asked by X (of Y) whether A, Z said B`` gives X's question A (up to the comma) and Z's
  B; an outlet's question is none (reporters ask, they do not claim);
* a speech act named by a noun reports from its verb: ``renewed its demand that ...``;
* a participle after a comma (``..., noting that ...``, ``..., calling it ...``) is a further
  statement of the sentence's subject, or of the source just named (``reports in X,
  suggesting ...``); after a possessed document (``Beijing's Nov. 14 advisory urging
  ...``), of the possessor;
* ``according to X, ...`` makes X the speaker of a sentence with no other speech verb (and
  of a quotation coordinated after X: ``according to X, and “close to 100%” of ...``), and
  the source (``via``) of one that has;
* a reporting chain keeps the outlet: ``the Journal reported that an official said ...``
  gives the official as speaker and the Journal as ``via``; so does a body reporting what
  one of its own people said (``the foreign ministry said Kanai had told the envoy that
  ...``: Kanai, via the ministry); a trailing attribution
  (``China has told Japan it is suspending imports, Kyodo reported``) owns every word
  before it;
* a report of *not* saying (``X did not specify whether ...``, ``X declined to say how
  ...``) is a statement with ``negated=True``, its span starting at the negation, so it can
  never be read as a positive claim; one naming no topic (``declined to comment``) is none;
* coordinated predicates are separate statements when they say more: ``X said A and that
  B`` with a quotation in either clause; ``X said A but would "B"`` (a contrasting claim,
  quoted), ``X said "A" and was "B"`` and ``X said A was "B" and stood "C"`` (both
  quoted); ``X threatened to A and to B``; ``X called them "A" and said B``; ``Tokyo has
  demanded that A but has given no sign ...`` ends the words before the main clause goes on;
* ``It said ...`` / ``They added ...`` is the last organisation or state that spoke, else the
  body the paragraph is about; inside ``wrote that they ...`` the pronoun is the writer's;
* a verb coordinated after a statement shares its speaker (``He said A, and stressed that
  B``; ``X said A, and it warned B``), and a title alone names the person the article
  described with it (``the spokesperson said``);
* a trailing attribution runs over adverbials and listeners (``..., Foreign Ministry
  spokesperson Lin Jian said at a regular press briefing on Wednesday, in response to
  ...``, ``..., He Yadong told reporters on Jan. 8``); an attribution inserted after the
  subject (``The ban, Kanai said, is ...``) reports the sentence around it; ``X was quoted
  (by Y) as saying`` reports X's words (via Y); "per X," and "according to X" name the
  source, unless X is a source of numbers (``according to customs data``);
* a trailing outlet (``..., Kyodo reported``) keeps what one state told another but is only
  the ``via`` of a person's or body's words;
* a document speaks for the actor it is named after (``a MOFCOM statement said``,
  ``Foreign Ministry statement called``, ``..., the statement said`` after ``according to
  a MOFCOM statement``); a definite document no actor's name came with (``..., the notice
  says``, ``The announcement added that ...``) for the body that last issued a document or
  spoke just before; an unnamed spokesperson for the body the description names (``a U.S.
  Commerce Department spokesperson said``), or for the generic body of the state the
  sentence names (``Beijing ...: a foreign ministry spokesperson said``:
  :mod:`.statement_sources`);
* page furniture (a headline and its repeats, photo captions, lists of links: see
  :mod:`.furniture`) holds no statement;
* a quotation interrupted by its attribution mid-sentence ('“We oppose,” she said, “any
  step ...”') is one statement; a comma after the verb and its adverbials opens the whole
  quotation ('Kihara said at a press conference on 9th morning, "A. B."');
* a clause with a speaker of its own ends the words before it (", when Takaichi said
  ...", ", with spokesperson X telling reporters ...", ", and experts said ..." even when
  no actor names the experts); "he said" after an unnamed person spoke names nobody;
* no statement from a question ("What has China said about ...?"), speech still to come
  ("he will explain", "is expected to tell") or hedged speech ("reportedly told", "may
  have said", "whether X said"), nor from a say verb claiming a power ("asserting
  jurisdiction over ...");
* not statements: a directive to the public (``told its citizens to avoid travel``: an
  advisory, unless it quotes words), issuing a document (``posts a message on X that ...``),
  ``responded by ...``, asking not to be named.

:mod:`.statement_discourse` adds the statements that span sentences or need no verb:
transcript answers (a transcript's, :mod:`.transcripts`; a parliament's written answers,
:mod:`.written_answers`; a pasted reply post's, :mod:`.posts`), continued and resumed
quotations, ``X said: A. B.``, quotations of a published text, colon attributions
(``Reuters: ...``), reports with a named source (``reports that A, first published by
X``, a footnote, an author-year citation);
:mod:`.statement_nouns` those of a speech noun and its *that* clause (``a China Daily
report that A``, ``Beijing's claim that A``); :mod:`.statement_voice` those in which a
company's or a ministry's own release or note speaks in its own voice (``We estimate A``,
``The Company does not B``).
:mod:`.statement_speakers` finds speakers; :mod:`.statement_nesting` decides how the
statements of one sentence share its words; :mod:`.statement_quotes` which quotation a
verb attributes.

Not statements: nouns that look like verbs (``Takaichi's comments``, ``his remarks``),
acts reported with a ``demand`` or ``announce`` verb and no words (``China announced a
ban``, ``Japan protested the move``), ``responded with a post``, words inside a quotation,
and verbs whose subject names no actor.

The speaker is the subject of the verb (see :meth:`Context.subject`): the actor right
before it (over adverbials: ``Guo Jiakun on 14th at the regular press conference also
said``; over an outlet's description: ``The Nikkei business daily reported``), a pronoun
resolved to the person subject of the sentence before when it opens its sentence, else to
the last person mentioned (a "she" opening the sentence is a participle's speaker too:
"She pointed to the deal between X and Y ..., saying ..."), a capitalised surname ("...,
He said") matched to a person of the article, a description ("a spokesperson for the
ministry", "analysts at X") resolved to the person (or body) the article describes so (a
spokesperson of another body is not), or a name before its title in translations from
Japanese ("Kihara Chief Cabinet Secretary said"). A participle's speaker is its clause's
subject, a leading "it" included ("In December it filed a complaint at the WTO, calling
..."), never the object of a preposition; a name qualified by "the" is a modifier, not a
subject ("the WTO dispute"); an organisation after an unknown person's name is not the
speaker ("Shigeru Ota of the consultancy X argues": no speaker rather than X).

The kind is ``direct_quote`` when the span holds quoted words (a quotation that is not a
term such as 'One China' or so-called "protest"), or is a transcript answer or words after a
colon in translated text, else ``reported``.  Reported words under five words are given
with their subject (``Lai Ching-te condemns the exercises``); words over several paragraphs
give one statement per paragraph.

The date is that of the speech event (:mod:`.statement_dates`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from ..model import (
    ActorMention,
    ActorType,
    Article,
    Span,
    StatementKind,
    StatementMention,
)
from .context import Context, Subject, build_context
from .furniture import furniture_spans
from .posts import find_posts
from .reported_words import (
    BOUNDARY,
    COLON,
    SHORT_CONTENT,
    SHORT_STATEMENT,
    attribution_tail,
    by_paragraph,
    content_begin,
    content_end,
    has_quote,
    introduced_quote,
    is_tell,
    is_trailing,
    question_begin,
    quote_before,
    tidy,
    trim_end,
    unwrap,
    widen_short,
    words_before_attribution,
)
from .speech_triggers import SpeechTrigger, TriggerWords, find_triggers, trigger_words, verb_of
from .statement_acts import (
    RESPONDS_WITH,
    confirms_an_act,
    demand_reports_words,
    is_advisory,
    is_naming,
    issues_document,
    labels_in_passing,
    leads_a_quote,
    names_a_deed,
    relative_antecedent,
    relative_object,
    reply_deed_verbs,
)
from .statement_anaphora import (
    coordinated_person,
    court_anaphor,
    entourage_speaker,
    government_anaphor,
    group_anaphor,
    outlet_anaphor,
    pronoun_speaker,
)
from .statement_dates import StatementDater
from .statement_discourse import (
    answer_triggers,
    answerer_role,
    colon_attributions,
    colon_paragraphs,
    continuations,
    first_person_answerer,
    heading_quotes,
    narrates_answerer,
    published_quotes,
    quoted_earlier,
    reports_third_party,
    retells_answer,
    says_nothing,
    sentence_colon_quotes,
    sourced_reports,
)
from .statement_nesting import end_before_unknown_speakers, resolve_nesting, split_coordinated
from .statement_nouns import noun_reports
from .statement_quotes import claims_a_power, quotation_after_attribution, quote_opening_at
from .statement_sources import (
    apply_according,
    apply_after_quote,
    apply_item_sources,
    has_after_quote,
    item_outlet,
    quoted_as_saying,
    spoken_for,
)
from .statement_speakers import (
    absolute_subject,
    apposition_head,
    coordinated_subject,
    document_owner,
    document_subject,
    finite_subject,
    inverted_attribution,
    name_before_title,
    opening_title,
    partitive_speaker,
    pronoun_passed_over,
    sentence_speaker,
    source_left,
    speaker_after,
    titled_person,
    unknown_inverted_speaker,
)
from .statement_voice import own_voice
from .text import word_count
from .transcripts import Transcript, find_transcript
from .triggers import load_triggers
from .written_answers import find_written_answers

_PROGRESSIVE = re.compile(r"\b(is|are|was|were|been|be)\s+(?:\w+ly\s+|also\s+|now\s+)?$",
                          re.IGNORECASE)


def find_statements(article: Article, actors: list[ActorMention], *,
                    context: Context | None = None) -> list[StatementMention]:
    """Return the quotes and reported speech of ``article`` (see module doc), sorted by span.

    ``actors`` are the article's actor mentions (canonical names); ``context`` may pass
    the shared :class:`Context` when the caller has built it already.
    """
    ctx = context or build_context(article, actors)
    transcript = find_transcript(ctx) or find_written_answers(ctx) or find_posts(ctx)
    answers = answer_triggers(ctx, transcript) if transcript is not None else {}
    triggers: list[SpeechTrigger] = []
    speakers: list[str] = []  # who spoke so far, for "It said ..."
    # Where the narration takes over an answer: the first unlabelled paragraph after it that
    # is the reporter's (reports a third party, or names the answerer as speaker), by the
    # labelled turn it follows; the paragraphs after it are narration too.
    narrated: dict[int, int] = {}
    # The labelled answers that name their answerer in the third person ("Answer: ... The
    # responsible person said, A."): a reporter's account, in which only the sentences
    # with their own verb of saying give the answerer's words (the others may be the
    # reporter's background: "Antimony has both military and civil use.").
    retold: set[int] = set()
    per_sentence: list[tuple[Span, list[SpeechTrigger]]] = []
    words = trigger_words(ctx)
    for sentence in ctx.sentences:
        # most sentences hold no trigger word at all: nothing to attribute there
        answer = answers.get((sentence.begin, sentence.end))
        found = _sentence_triggers(ctx, sentence, speakers, words,
                                   answer.trigger.speaker if answer else None) \
            if (words.any_in(sentence) or has_after_quote(ctx, sentence)) \
            and not _is_question(ctx, sentence) else []
        who = answer.trigger.speaker.name if answer and answer.trigger.speaker else None
        if answer is not None and not answer.labelled and (
                reports_third_party(ctx, found, who) or
                narrates_answerer(found, who, answer.paragraph)):
            narrated.setdefault(answer.opening, answer.paragraph)
        if answer is not None and answer.labelled and retells_answer(found, who,
                                                                     answer.paragraph):
            retold.add(answer.paragraph)
        per_sentence.append((sentence, found))
        speakers.extend(t.speaker.name for t in found
                        if not t.dropped and t.speaker and t.content)
    for sentence, found in per_sentence:
        answer = answers.get((sentence.begin, sentence.end))
        who = answer.trigger.speaker.name if answer and answer.trigger.speaker else None
        if answer is not None and answer.paragraph not in retold and \
                answer.paragraph < narrated.get(answer.opening, answer.paragraph + 1) and not (
                    answer.labelled and (reports_third_party(ctx, found, who, relayed=True) or
                                         narrates_answerer(found, who, answer.paragraph))):
            # The answer's own speech verbs are part of it; a sentence of it reporting a
            # third party ("Scott Bessent called the rules ...") gives that party's words.
            found = quoted_earlier(ctx, found, who) or [answer.trigger]
        elif answer is not None and answer.paragraph in retold:
            for trigger in found:  # the answerer's retold words were said in the answer
                if trigger.speaker is not None and trigger.speaker.name == who and \
                        trigger.given_date is None:
                    trigger.given_date = answer.trigger.given_date
        triggers.extend(found)
    statements = [t for t in triggers if not t.dropped and t.speaker and t.content
                  and not pronoun_passed_over(ctx, t.speaker)]
    statements = [t for t in statements if not says_nothing(ctx, t)]
    statements = colon_paragraphs(ctx, statements)
    if transcript is None:
        statements.extend(colon_attributions(ctx, statements))
        statements.extend(sentence_colon_quotes(ctx, statements))
    statements.extend(sourced_reports(ctx, statements))
    statements.extend(noun_reports(ctx, statements))
    statements.extend(published_quotes(ctx, statements))
    statements.extend(continuations(ctx, statements))
    statements.extend(heading_quotes(ctx, statements))
    statements = [t for t in statements if not leads_a_quote(ctx, t, statements)]
    if transcript is None:  # a transcript's answers are its speakers' own words
        statements.extend(own_voice(ctx, statements))
    for trigger in statements:
        body = spoken_for(ctx, actors, trigger.speaker) if trigger.speaker else None
        if body is not None:
            trigger.speaker = Subject(body, trigger.speaker.span)  # type: ignore[union-attr]
    apply_item_sources(ctx, statements)
    furniture = furniture_spans(article)  # a headline, a caption, a list of links:
    statements = [t for t in statements  # nobody's statement there
                  if t.content is not None and t.content.begin not in furniture]
    return _finish(ctx, statements, transcript)


# -- transcripts ----------------------------------------------------------------------------

def _sentence_triggers(ctx: Context, sentence: Span, speakers: list[str],
                       words: TriggerWords, answerer: Subject | None) -> list[SpeechTrigger]:
    found = find_triggers(ctx, sentence, words)
    for trigger in found:
        _attribute(ctx, trigger, found, speakers, answerer)
    resolve_nesting(ctx, found)
    for trigger in found:
        # Reported words cut short by a participle must still report words.
        if trigger.cls == "demand" and not trigger.dropped and trigger.content is not None \
                and trigger.post_quote is None and not demand_reports_words(
                    ctx, trigger, trigger.content.begin, trigger.content.end):
            trigger.dropped = True
    apply_according(ctx, sentence, found, words.matches(ctx.text, sentence)["according"])
    apply_after_quote(ctx, sentence, found)
    end_before_unknown_speakers(ctx, found)
    return split_coordinated(ctx, found)


def _is_question(ctx: Context, sentence: Span) -> bool:
    """"What has China said about civilian users?": a question (its final "?" outside a
    quotation) asks what was said; its speech verbs report no words."""
    end = sentence.end
    while end > sentence.begin and ctx.text[end - 1].isspace():
        end -= 1
    return end > sentence.begin and ctx.text[end - 1] == "?" and \
        ctx.in_quote(end - 1) is None


_INSERTED_BEFORE = re.compile(r"[^,;:\"“”‘’]{2,80}?,\s*(?:[\w’'.-]+\s+){0,4}?")
_INSERTED_AFTER = re.compile(r",\s*[\"“‘']?(?:is|are|was|were|has|have|had|will|would|could|"
                             r"should|may|might|must|can|cannot|remains?|remained|does|did|do|appears?|"
                             r"seems?|not)\b")


def _inserted_attribution(ctx: Context, trigger: SpeechTrigger
                          ) -> tuple[Subject, Span] | None:
    """"The ban, Kanai said, is unjustified": an attribution inserted between a subject and
    its verb reports the whole sentence around it."""
    if trigger.cls != "say" or trigger.tense not in ("past", "present"):
        return None
    sentence = trigger.sentence
    if ctx.text.find(",", sentence.begin, trigger.verb.begin) == -1:
        return None  # no comma before the verb: nothing is inserted
    left = ctx.subject_left_of(trigger.verb.begin, sentence.begin)
    if left is None or _INSERTED_BEFORE.fullmatch(ctx.text, sentence.begin,
                                                  left.span.begin) is None:
        return None
    tail = attribution_tail(ctx, trigger)
    if tail is None or _INSERTED_AFTER.match(ctx.text, tail, sentence.end) is None:
        return None
    return left, Span.of(ctx.text, sentence.begin, trim_end(ctx.text, sentence.begin,
                                                            sentence.end))


def _attribute(ctx: Context, trigger: SpeechTrigger, found: list[SpeechTrigger],
               speakers: list[str], answerer: Subject | None = None) -> None:
    """Find the speaker and the reported words of one trigger (``answerer``: who speaks in
    the transcript answer the sentence is part of, if any)."""
    if trigger.unasserted:
        return  # "he will explain ...": no words yet
    text = ctx.text
    sentence = trigger.sentence
    if trigger.cls in ("say", "call", "demand") and trigger.tense != "gerund":
        # '"...," said X' / '"...," X said': the quotation is the statement.
        speaker: Subject | None = None
        quote = quote_before(ctx, trigger.verb.begin)
        if quote is not None and not is_tell(trigger):
            # '"...," said X' (not '"...," X told LRT': the name after "told" listens)
            speaker = speaker_after(ctx, trigger.verb.end, sentence)
        if speaker is None:
            left = ctx.subject_left_of(trigger.verb.begin, sentence.begin) or \
                titled_person(ctx, trigger.verb.begin, sentence.begin) or \
                first_person_answerer(ctx, trigger, answerer)
            quote = quote_before(ctx, left.span.begin) if left is not None else None
            if quote is None and left is not None:
                # '"...," Lucia Silva, a research fellow at X(,) warned': the person the
                # description is in apposition to follows the quotation and speaks.
                head = apposition_head(ctx, left, sentence)
                if head is not None:
                    quote = quote_before(ctx, head.span.begin)
                    left = head if quote is not None else left
            speaker = left if quote is not None else None
        if quote is not None and quote.outer.end <= sentence.begin:
            quote = None  # the quotation ended the sentence before: not attributed here
        if quote is not None and speaker is not None:
            trigger.speaker = speaker
            trigger.post_quote = quote
            trigger.content = quote.span
            return
    if trigger.cls == "demand" and _asked_by(ctx, trigger, found):
        return
    inserted = _inserted_attribution(ctx, trigger)
    if inserted is not None:
        trigger.speaker, trigger.content = inserted
        return
    inverted = inverted_attribution(ctx, trigger)
    if inverted is not None:
        trigger.speaker = inverted
        begin, end = words_before_attribution(ctx, trigger)
        if begin >= end or word_count(text[begin:end]) < SHORT_CONTENT:
            trigger.dropped = True
            return
        trigger.content = Span.of(text, begin, end)
        return
    if unknown_inverted_speaker(ctx, trigger):
        trigger.dropped = True  # "..., said Mira Holt of X.": no subject before the comma
        return
    progressive = _PROGRESSIVE.search(
        ctx.text[max(sentence.begin, trigger.verb.begin - 20):trigger.verb.begin]) \
        if trigger.tense == "gerund" else None
    if progressive is not None:
        # "sources are indicating that ...": a finite verb, of the article's day when its
        # auxiliary is in the present ("The Chinese side is explaining that ...").
        trigger.tense = "present" if progressive.group(1).lower() in ("is", "are") \
            else "past"
    if quoted_as_saying(ctx, trigger):
        return  # "X quoted Y as saying ...": Y's words, through X
    if trigger.tense == "gerund":
        owner = document_owner(ctx, trigger)
        if owner is not None:
            trigger.speaker = owner
            begin = content_begin(ctx, trigger)
            end = content_end(ctx, begin, sentence)
            if trigger.cls == "demand" and not demand_reports_words(ctx, trigger, begin, end):
                trigger.dropped = True
                return
            trigger.content = Span.of(text, begin, end)
            return
        absolute = absolute_subject(ctx, trigger)
        joined = _coordinated_participle(ctx, trigger, found) if absolute is None else None
        if absolute is not None:
            trigger.speaker = absolute  # ", with spokesperson X telling reporters ..."
        elif joined is None and not _after_boundary(ctx, trigger.verb.begin, sentence.begin):
            trigger.dropped = True
            return
        trigger.speaker = trigger.speaker or joined or \
            source_left(ctx, trigger.verb.begin, sentence.begin) or \
            sentence_speaker(ctx, trigger, found)
    else:
        # (the answerer first: "The responsible person of the Department of X said" in an
        # answer names the answerer, not the department its description mentions)
        trigger.speaker = answerer_role(ctx, trigger, answerer) or \
            coordinated_subject(ctx, trigger, found) or coordinated_person(ctx, trigger, found) \
            or finite_subject(ctx, trigger) or pronoun_speaker(ctx, trigger, speakers, found) \
            or partitive_speaker(ctx, trigger, speakers) or name_before_title(ctx, trigger) \
            or document_subject(ctx, trigger) or item_outlet(ctx, trigger) \
            or outlet_anaphor(ctx, trigger) or group_anaphor(ctx, trigger) \
            or government_anaphor(ctx, trigger) or entourage_speaker(ctx, trigger) \
            or court_anaphor(ctx, trigger) or opening_title(ctx, trigger)
    if trigger.speaker is None:
        trigger.dropped = True
        return
    if trigger.cls == "say" and trigger.tense != "gerund" and \
            sentence.begin <= trigger.speaker.span.begin < trigger.verb.begin:
        # '"...," the official said' (a speaker found by reference): the quotation is the
        # statement, as after a named subject.
        closing = quote_before(ctx, trigger.speaker.span.begin)
        if closing is not None and closing.outer.begin >= sentence.begin and \
                not ctx.text[sentence.begin:closing.outer.begin].strip():
            # (a quotation ending words that open before it is not the whole statement)
            trigger.post_quote = closing
            trigger.content = closing.span
            return
    introduced = introduced_quote(ctx, trigger)
    if introduced is not None:
        trigger.post_quote = introduced
        trigger.content = introduced.span
        return
    opened = quotation_after_attribution(ctx, trigger)
    if opened is not None:
        # 'Kihara said, "A. B."', 'Guo said at the press conference of 8th, "A."'.
        trigger.post_quote = opened
        trigger.content = opened.span
        return
    begin = content_begin(ctx, trigger)
    opening = quote_opening_at(ctx, begin) if trigger.cls in ("say", "announce") else None
    if opening is not None and (COLON.fullmatch(text, trigger.verb.end, begin) or (
            trigger.tense != "gerund" and not text[trigger.verb.end:begin].strip())):
        # 'Zhao said: "A. B.¶"C."', 'Kihara stated "A. B."': the whole quotation the verb
        # opens, over sentences and paragraphs, is the speaker's.
        trigger.post_quote = opening
        trigger.content = opening.span
        return
    end = content_end(ctx, begin, sentence)
    if trigger.cls == "say" and COLON.match(text, trigger.verb.end, sentence.end) and \
            begin < end and text[begin].isupper():
        # "He Yongqian said: This measure is ...": words after a colon are given verbatim.
        trigger.colon = True
    if trigger.cls == "negation":
        # "She did not name China, but the rules are seen as ...": the narrator goes on.
        but = re.search(r",\s+(?:but|while|although|though)\b", text[begin:end])
        if but is not None:
            end = begin + but.start()
    # "..., it added.": a trailing "add" reports the words before it, as "said" does.
    if (trigger.cls == "say" or _lemma(ctx, trigger) == "add") and is_trailing(ctx, trigger):
        before, stop = words_before_attribution(ctx, trigger)
        if before < stop and (word_count(text[before:stop]) >= SHORT_STATEMENT
                              or word_count(text[begin:end]) < SHORT_CONTENT):
            trigger.content = Span.of(text, before, stop)
            trigger.cls = "say"  # a trailing "added" reports words as "said" does
            return
        if word_count(text[begin:end]) < SHORT_CONTENT:
            trigger.dropped = True
            return
        # "In addition, X also said, Japan should ...": a lead-in, not reported words.
    if trigger.cls == "say" and _replies_by_act(ctx, trigger):
        trigger.dropped = True
        return
    if trigger.cls == "say" and (word_count(text[begin:end]) < SHORT_CONTENT or
                                 _only_adverbials(ctx, trigger)):
        # "..., analysts said." : the words are before the attribution (and "X responded
        # in a statement carried by state media." reports none at all).
        if attribution_tail(ctx, trigger) is None:
            trigger.dropped = True
            return
        begin, end = words_before_attribution(ctx, trigger)
    if begin >= end:
        trigger.dropped = True
        return
    if trigger.cls == "demand" and not demand_reports_words(ctx, trigger, begin, end):
        trigger.dropped = True
        return
    if trigger.cls == "demand" and question_begin(ctx, trigger) == begin:
        if ctx.type_of(trigger.speaker.name) is ActorType.MEDIA:
            trigger.dropped = True  # an outlet's question claims nothing
            return
        trigger.cls = "say"  # "asked whether A": A is the words, as after "said"
    if is_advisory(ctx, trigger, begin, end) or issues_document(ctx, trigger, begin, end) \
            or claims_a_power(ctx, trigger, begin) or confirms_an_act(ctx, trigger, begin, end) \
            or names_a_deed(ctx, trigger, begin, end):
        trigger.dropped = True
        return
    if trigger.cls == "announce" and not re.search(r"(?:\bthat|:)\s*$",
                                                    text[trigger.verb.end:begin]):
        trigger.dropped = True
        return
    if trigger.cls == "say" and RESPONDS_WITH.match(text, trigger.verb.end) and \
            trigger.verb.text.lower().startswith(("respon", "repl")):
        # "responds with a post on X": an act of answering; its words are not given.
        trigger.dropped = True
        return
    if trigger.cls == "say":
        antecedent = relative_antecedent(ctx, trigger, begin)
        if antecedent < begin:
            # a date before the words ("which X said on December 7 had been approved")
            # dates the saying: the words for the dater are those after the verb
            trigger.whole = Span.of(text, begin, end)
            begin = antecedent
    if trigger.cls == "call":
        if is_naming(ctx, trigger) or labels_in_passing(ctx, trigger, end):
            trigger.dropped = True
            return
        begin = relative_object(ctx, trigger, begin)
        if begin >= trigger.verb.begin and attribution_tail(ctx, trigger) is not None:
            # "shipment holds that state media flatly denied": no object, no words.
            trigger.dropped = True
            return
    trigger.content = Span.of(text, begin, end)


_BY_GERUND = re.compile(r"[^,;.\"“”]{0,60}?\bby\s+(?P<gerund>[a-z]+ing)\b"
                        r"(?P<words>\s+that\b|\s*[:\"“])?")
"""A reply's act: "by" and a gerund ("by recalling"), perhaps with words after it ("that")."""


def _replies_by_act(ctx: Context, trigger: SpeechTrigger) -> bool:
    """"Beijing responded on 10 August by recalling its ambassador": a reply verb
    (``reply_verbs``) with "by" and a gerund after it tells what was done in reply, unless
    the gerund is one of saying ("responded by saying that ...", ``reply_deed_verbs``)."""
    if _lemma(ctx, trigger) not in _reply_verbs():
        return False
    m = _BY_GERUND.match(ctx.text, trigger.verb.end, trigger.sentence.end)
    if m is None:
        return False
    verb = ctx.triggers.speech_verbs.get(m.group("gerund"))
    if verb is None or verb.tense != "gerund":
        return True  # "by recalling its ambassador", "by imposing duties": an act
    if m.group("words") is not None:
        return False  # "by demanding that ...", "by posting: '...'": words
    return verb.cls not in ("say", "call") or verb.lemma in reply_deed_verbs()


@lru_cache(maxsize=1)
def _reply_verbs() -> frozenset[str]:
    return frozenset(load_triggers().raw["speech"]["reply_verbs"])


def _only_adverbials(ctx: Context, trigger: SpeechTrigger) -> bool:
    """Whether only adverbials follow the verb to the sentence's end ("has responded in a
    statement carried by state media."), with no quotation: the verb reports no words
    after it (a participle in the occasion, "carried by ...", is not words)."""
    if is_tell(trigger):
        return False  # "told them to prioritise local buyers": an instruction
    tail = attribution_tail(ctx, trigger)
    if tail is None or ctx.text[tail:tail + 1] in (",", ";", "—", "–"):
        return False
    return not any(c in '"“”' for c in ctx.text[trigger.verb.end:tail])


_ASKED_BY = re.compile(r"\s+by\s+")
_OF = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
_ASKED_LEAD = re.compile(r"\s*(?:(?:When|After|Once|On\s+being)\s+)?$")


def _asked_by(ctx: Context, trigger: SpeechTrigger, found: list[SpeechTrigger]) -> bool:
    """"Asked by X whether A, Y said ...": a passive participle opening the sentence names
    the asker after "by"; X's question is A, up to the comma that closes the phrase.  Return
    whether the frame applied (the trigger then holds its statement, or is dropped)."""
    text = ctx.text
    sentence = trigger.sentence
    if not _ASKED_LEAD.fullmatch(text, sentence.begin, trigger.verb.begin):
        return False
    by = _ASKED_BY.match(text, trigger.verb.end, sentence.end)
    asker = ctx.actor_at(by.end()) if by is not None else None
    if asker is None or asker.type is ActorType.MEDIA:
        return False
    after = asker.span.end
    employer = _OF.match(text, after, sentence.end)  # "by X of the Y party whether"
    if employer is not None and ctx.actor_at(employer.end()) is not None:
        after = ctx.actor_at(employer.end()).span.end  # type: ignore[union-attr]
    question = question_begin(ctx, trigger, after)
    if question is None:
        return False
    comma = next((i for i in range(question, sentence.end)
                  if text[i] == "," and ctx.in_quote(i) is None), sentence.end)
    end = trim_end(text, question, comma)
    if word_count(text[question:end]) < SHORT_CONTENT:
        return False
    trigger.speaker = Subject(asker.name, asker.span)
    trigger.content = Span.of(text, question, end)
    trigger.cls = "say"
    return True


def _lemma(ctx: Context, trigger: SpeechTrigger) -> str | None:
    verb = verb_of(ctx, trigger)
    return verb.lemma if verb is not None else None


def _coordinated_participle(ctx: Context, trigger: SpeechTrigger,
                            found: list[SpeechTrigger]) -> Subject | None:
    """"..., describing the step as A and saying B": a participle of saying joined by "and"
    to an earlier one of the sentence shares its speaker (the two become two statements)."""
    if ctx.word_before(trigger.verb.begin) != "and":
        return None
    for other in reversed(found):
        if other is not trigger and other.tense == "gerund" and not other.dropped and \
                other.speaker is not None and other.verb.end <= trigger.verb.begin:
            return other.speaker
    return None


def _after_boundary(ctx: Context, offset: int, floor: int) -> bool:
    """Whether a participle at ``offset`` follows a clause boundary (", calling ...")."""
    before = ctx.text[max(floor, offset - 12):offset]
    return BOUNDARY.search(before) is not None


def _finite_tense(ctx: Context, trigger: SpeechTrigger) -> str:
    """A base form after its plural subject is a present ("Analysts warn", "the ministry
    and its embassy advise"); after "and" or "to" it shares another verb's tense."""
    if trigger.tense == "base" and (ctx.word_before(trigger.verb.begin) or "").lower() not in (
            "and", "or", "to", "also"):
        return "present"
    return trigger.tense


_DEFINITE_DESCRIPTION = re.compile(r"(?:[a-z][\w-]*\s+)?[a-z][\w-]*")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _definite(ctx: Context, speaker: Subject) -> bool:
    """Whether the speaker is named by a definite description in lower case ("The
    ministry warned", "the agency said"), which refers back to a body named before
    (:mod:`.statement_dates`, rule 5)."""
    span = speaker.span
    return _DEFINITE_DESCRIPTION.fullmatch(span.text) is not None and \
        _THE_BEFORE.search(ctx.text, max(0, span.begin - 8), span.begin) is not None


def _finish(ctx: Context, triggers: list[SpeechTrigger],
            transcript: Transcript | None) -> list[StatementMention]:
    reported = [t.content for t in triggers if t.content is not None and t.cls == "say"]
    dater = StatementDater(ctx, reported, conversation=(transcript.begin, transcript.date)
                           if transcript is not None else None)
    # The words of one trigger are tidied when noted and again when given (and a piece of
    # one paragraph is the words again): each span's tidy form is found once (it depends
    # on its offsets only).
    tidied: dict[tuple[int, int], Span] = {}

    def tidy_quote(span: Span) -> Span:
        key = (span.begin, span.end)
        if key not in tidied:
            tidied[key] = tidy(ctx, unwrap(ctx, span))
        return tidied[key]

    for trigger in triggers:
        if trigger.cls != "answer" and trigger.speaker and trigger.content:
            dater.note(trigger.sentence, trigger.speaker.name, dater.explicit(
                trigger.verb, trigger.sentence,
                trigger.whole or tidy_quote(trigger.content), trigger.cls))
    out: dict[Span, StatementMention] = {}
    for trigger in sorted(triggers, key=lambda t: (t.content.begin, t.content.end)):  # type: ignore[union-attr]
        speaker = trigger.speaker.name  # type: ignore[union-attr]
        if trigger.cls == "answer":
            whole = cast(Span, trigger.content)  # never None: see find_statements
            pieces = [whole]
        else:
            whole = tidy(ctx, widen_short(ctx, trigger,
                                            unwrap(ctx, trigger.content)))  # type: ignore[arg-type]
            pieces = [tidy_quote(p) for p in by_paragraph(ctx, whole)]
        if trigger.given_date is not None:
            date = trigger.given_date[0]
        else:
            date = dater.date(verb=trigger.verb, sentence=trigger.sentence,
                              content=trigger.whole or whole,
                              cls="say" if trigger.cls == "answer" else trigger.cls,
                              tense=_finite_tense(ctx, trigger), speaker=speaker,
                              pronoun=trigger.speaker.span.text.lower()  # type: ignore[union-attr]
                              in ctx.triggers.other_pronouns,
                              description=_definite(ctx, trigger.speaker))  # type: ignore[arg-type]
        for content in pieces:
            if content in out or content.begin >= content.end:
                continue
            kind = StatementKind.DIRECT_QUOTE if has_quote(ctx, content) \
                else StatementKind.REPORTED
            if trigger.negated:
                kind = StatementKind.REPORTED
            if trigger.cls == "answer" or trigger.colon:
                kind = StatementKind.DIRECT_QUOTE  # a transcript prints the words said
            out[content] = StatementMention(speaker=speaker, kind=kind, span=content, date=date,
                                            via=trigger.via if trigger.via != speaker else None,
                                            negated=trigger.negated)
    return sorted(out.values(), key=lambda s: (s.span.begin, s.span.end))


