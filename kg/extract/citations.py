"""Find the outlets and organisations an article cites as its sources.

An article cites (``kg:cites``):

* every news outlet or agency it names ("according to Kyodo", "Xinhua criticized ...",
  "told Reuters"), except its own publisher -- the header's ``publisher`` or the agency of
  its own dateline ("TOKYO, Jan 9 (Reuters) -");
* an organisation, company or government body only in a citing frame (words in the
  ``[citation]`` table of ``kg/data/actors.toml``, also over a descriptor: "according to
  price reporting service MetalPulse"; or of its document: "according to a MOFCOM
  statement"): "according to Capital Economics", "Per Caixin",
  "data from the customs agency", "analysts at Halden Cross Advisory", "Capital Economics
  estimates" (also past an apposition: "the institute, a Singapore-based think tank,
  estimated"), or relaying what a third party did ("The Chinese embassy said Wu rejected
  the protest", "announced that Ambassador Wu ..."; not a state: "the ministry said Japan
  should ..." is the ministry speaking), also named after the sentence it attributes
  ("Kanai lodged a protest with Shi Yong, the ministry said."; with an amount, in the
  present tense: "Visitors spent ¥1.7 trillion, the tourism agency says."); in a frame,
  the unit after a possessive is cited ("according to KITA's Institute for International
  Trade");
* the organisation of a person cited by "according to" ("according to Kenta Ogawa, a
  senior fellow at the Tokyo Institute for Resource Policy"): the person's words are a
  statement, the organisation the source;
* an organisation listed as a source: on a line labelled "Sources:" (``[citation]
  source_lines``), in a citation in parentheses with a year ("(CSIS, 2025)", "(Ministry of
  Foreign Affairs, 7 January 2026)"), or in a reference-list entry ("IEA (2025). Global
  Critical Minerals Outlook 2025. International Energy Agency."), also as the publisher
  of an encyclopedia's numbered entry ('1. "Notification No. 6". Directorate General of
  Foreign Trade. 13 May 2022.').

The article's own publisher is not a source: the header's, the agency of its dateline, the
body a rule's header line labels as its issuer ("AGENCY: Bureau of Industry and Security,
Commerce."; ``[citation] author_lines``), an outlet its byline names ("By Global Times") or
its masthead ("Asia Markets Wire live desk | ...", a site's name alone on the first line),
the outlet of its copyright line ("© 2026
Asia Harbour Post"); nor is the outlet of a reporter asking a question in a transcript
("Reporter of Kyodo News: ...", :mod:`kg.extract.question_turns`; "Phoenix TV: What is the
progress ...?", an outlet's name labelling a question turn), nor a description of
the outlet named right after it ("Chinese state media China Daily").

A citing frame reaches a body's name over its state's possessive ("figures released on
Monday by China's General Administration of Customs").  A body named only by its generic
term before a data noun ("Chinese customs data show ...") is no actor at all, so never
cited (:mod:`kg.extract.data_terms`).

People and states are never sources here: what they say is a statement
(:mod:`kg.extract.statements`), and a body acting ("the ministry protested") is not cited.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from functools import lru_cache

from ..model import ActorMention, ActorType, Article, CitationMention
from .data_terms import state_before
from .furniture import reference_entry_at, reference_publisher_at
from .question_turns import in_question, question_spans
from .refdata import CitationFrames, Token, TokenStream, actor_data, token_stream
from .text import ARTICLES
from .triggers import phrase_alternation

_NEVER_CITED = {ActorType.PERSON, ActorType.STATE}
_DATELINE_LINES = 5
"""Lines from the top of an article where a wire dateline ("TOKYO, Jan 9 (Reuters) -")
may stand: after a title, a byline, a time line and a photo credit at most."""
_DASHES = {"-", "–", "—"}
_APPOSITION_MAX = 12
"""Tokens an apposition between a cited organisation and its verb may hold."""
_EMPLOYER_LINKS = {"at", "of", "with", "from"}
_CLAUSE_END = {".", ";", "!", "?", "(", ")", "“", "”", '"'}
# A thread's or a list's item number may open the line: "8/8 Sources: ...", "5. Sources:".
_LINE_LABEL = re.compile(r"[ \t]*(?:[-•*][ \t]*|\d{1,3}(?:/\d{1,3}|[.)])[ \t]+)?"
                         r"([A-Za-z][A-Za-z ]{0,24}?)[ \t]*:")
_PAREN_BEFORE = re.compile(r"\([ \t]*$")
_PAREN_AFTER = re.compile(r"[ \t]*,[ \t]*[^()\n]{0,30}?\b(?:19|20)\d\d[a-z]?[ \t]*\)")
"""The rest of "(CSIS, 2025)" or "(Ministry of Foreign Affairs, 7 January 2026)"."""


def find_citations(article: Article, actors: list[ActorMention]) -> list[CitationMention]:
    """Return the outlets and organisations ``article`` cites, one per citing mention,
    sorted by span."""
    stream = token_stream(article.text)
    tokens = stream.tokens
    keys = stream.keys
    frames = actor_data().citation
    placed = [a for a in actors if a.span.end > a.span.begin]
    by_begin, by_end = _token_bounds(stream, placed)
    own = _own_publishers(article, tokens, placed, by_begin, by_end)
    starts = {by_begin[a.span.begin]: a for a in placed if a.span.begin in by_begin}
    questions = question_spans(article.text)
    out: dict[tuple[int, int], CitationMention] = {}
    for mention in placed:
        start = by_begin.get(mention.span.begin)
        end = by_end.get(mention.span.end)
        if start is None or end is None:
            continue
        if questions and in_question(questions, mention.span.begin) \
                and not (mention.type is ActorType.MEDIA
                         and _reports_after().match(article.text, mention.span.end)):
            # "Reporter of Kyodo News: ...": the outlet asks, it is not a source; "Reuters
            # reported this morning that ...": the question cites an outlet
            continue
        if mention.type is ActorType.MEDIA and _is_a_description(mention):
            continue  # "Chinese state media", "local media": outlets described, none named
        if mention.type is ActorType.MEDIA and _publisher_of_before().search(
                article.text, max(0, mention.span.begin - 80), mention.span.begin):
            continue  # "the Global Times, published by ... People's Daily": who owns it
        if mention.type is ActorType.MEDIA and _asks(article.text, mention):
            continue  # "Phoenix TV: What is ...?": a transcript's questioner, not a source
        if mention.type is ActorType.PERSON:
            cited = _organisation_of_cited_person(tokens, keys, start, end, frames,
                                                  starts)
            if cited is not None and cited.name.casefold() not in own:
                key = (cited.span.begin, cited.span.end)
                out.setdefault(key, CitationMention(name=cited.name, span=cited.span))
            continue
        if mention.type in _NEVER_CITED:
            continue
        if own & {mention.name.casefold(), mention.span.text.casefold()}:
            continue  # the article's own outlet is the article, not a cited source
        if mention.type is ActorType.MEDIA and _names_next(tokens, end, starts):
            continue  # "Chinese state media China Daily": what the outlet after it is
        owned = _owned_body(tokens, end, starts)
        if owned is not None and _frame_before(tokens, keys, start, frames):
            # "according to KITA's Institute for International Trade": the unit is cited
            key = (owned.span.begin, owned.span.end)
            out.setdefault(key, CitationMention(name=owned.name, span=owned.span))
            continue
        if mention.type is ActorType.MEDIA or _cited(tokens, keys, start, end, mention, frames,
                                                     starts) \
                or _listed(article.text, mention, frames):
            key = (mention.span.begin, mention.span.end)
            out.setdefault(key, CitationMention(name=mention.name, span=mention.span))
    return [out[k] for k in sorted(out)]


@lru_cache(maxsize=1)
def _reports_after() -> re.Pattern[str]:
    """A reporting verb (``[citation].question_report_verbs``) right after an outlet named
    inside an interviewer's question."""
    verbs = phrase_alternation(actor_data().citation.question_report_verbs) or r"(?!x)x"
    return re.compile(rf"[ \t]+(?:has[ \t]+|had[ \t]+)?(?:{verbs})\b")


@lru_cache(maxsize=1)
def _publisher_of_before() -> re.Pattern[str]:
    """"(which is) published by the Chinese Communist Party's", "a tabloid owned by": the
    outlet after it owns the outlet described, it is not cited (unlike "a report published
    by Kyodo", a citing frame).  Words: ``[citation].outlet_nouns`` and
    ``ownership_verbs``."""
    frames = actor_data().citation
    nouns = phrase_alternation(frames.outlet_nouns) or r"(?!x)x"
    verbs = phrase_alternation(frames.ownership_verbs) or r"(?!x)x"
    return re.compile(rf"(?:\b(?:{nouns})|,)[ \t]+(?:{verbs})[ \t]+by[ \t]+"
                      r"(?:the[ \t]+)?(?:[\w’'.-]+[ \t]+){0,4}$", re.IGNORECASE)


def _is_a_description(mention: ActorMention) -> bool:
    """An outlet named by a description ("Chinese state media", "Japanese media", "local
    press"): the last word is a common noun in lower case, not part of a name."""
    last = mention.span.text.split()[-1] if mention.span.text.split() else ""
    return bool(last) and last[0].islower() and last.isalpha()


def _token_bounds(stream: TokenStream, mentions: list[ActorMention]
                  ) -> tuple[dict[int, int], dict[int, int]]:
    """:attr:`TokenStream.by_begin` and :attr:`TokenStream.by_end` for the offsets where
    ``mentions`` begin and end: every lookup here is at a mention's edge, so two
    bisections per mention replace two dicts over all the article's tokens (about
    0.15 ms an article)."""
    begins, tokens = stream.begins, stream.tokens
    size = len(begins)
    by_begin: dict[int, int] = {}
    by_end: dict[int, int] = {}
    for mention in mentions:
        begin, end = mention.span.begin, mention.span.end
        i = bisect.bisect_left(begins, begin)
        if i < size and begins[i] == begin:
            by_begin[begin] = i
        # Tokens neither overlap nor are empty: one ending at ``end`` is the last to begin
        # before it.
        j = bisect.bisect_left(begins, end) - 1
        if j >= 0 and tokens[j].end == end:
            by_end[end] = j + 1
    return by_begin, by_end


def _own_publishers(article: Article, tokens: tuple[Token, ...], actors: list[ActorMention],
                    by_begin: dict[int, int], by_end: dict[int, int]) -> set[str]:
    """Names of the article's own publisher: the header's, and an outlet in parentheses in
    a dateline at the top, followed by a dash ("TOKYO, Jan 9 (Reuters) -")."""
    own = set()
    if article.metadata.publisher:
        own.add(article.metadata.publisher.casefold())
        # "China Current Daily (English edition)": the outlet is the name before the aside
        own.add(_EDITION.sub("", article.metadata.publisher).casefold())
    author = (article.metadata.author or "").casefold()
    if author and any(a.type is ActorType.MEDIA and author in {a.name.casefold(),
                                                                  a.span.text.casefold()}
                      for a in actors):
        own.add(author)  # "By Global Times": the outlet wrote it
    desks = actor_data().lexicon.desk_words
    text = article.text
    head = text[:_head_end(text)]
    for mention in actors:
        if mention.type is ActorType.MEDIA:
            line_start = text.rfind("\n", 0, mention.span.begin) + 1
            line_end = text.find("\n", mention.span.end)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            masthead = mention.span.end <= len(head) \
                and not text[line_start:mention.span.begin].strip() \
                and _MASTHEAD_REST.match(text, mention.span.end) is not None
            posted = mention.span.end <= len(head) and _posted_by().fullmatch(
                text, line_start, mention.span.begin) is not None
            if _COPYRIGHT.search(line) or line_start == 0 and line.strip() == mention.span.text \
                    or mention.span.end <= len(head) and _BYLINE.match(line) or masthead \
                    or posted:
                # "© 2026 Asia Harbour Post. All rights reserved.", the site's name alone
                # on the first line, a byline's outlet or a masthead ("The Hanul Daily |
                # Business"): the page's own publisher
                own.update({mention.name.casefold(), mention.span.text.casefold()})
    for mention in actors:
        if mention.type is ActorType.MEDIA and mention.span.end <= len(head):
            after = _MASTHEAD_AFTER.match(head, mention.span.end)
            words = after.group().split() if after else []
            if any(w.casefold() in desks for w in words):
                # "Asia Markets Wire live desk | ...": the masthead names the article's own
                own.update({mention.name.casefold(), mention.span.text.casefold()})
    for mention in actors:
        line_start = text.rfind("\n", 0, mention.span.begin) + 1
        label = _LINE_LABEL.match(text, line_start, mention.span.begin)
        if label is not None \
                and label.group(1).casefold() in actor_data().citation.author_lines:
            # "AGENCY: Bureau of Industry and Security, Commerce.": the rule's own issuer
            own.update({mention.name.casefold(), mention.span.text.casefold()})
    lines = 0
    limit = len(tokens)
    for t in tokens:
        lines += t.newline_before
        if lines > _DATELINE_LINES:
            limit = t.index
            break
    for mention in actors:
        start = by_begin.get(mention.span.begin)
        end = by_end.get(mention.span.end)
        if mention.type is not ActorType.MEDIA or start is None or end is None \
                or end >= limit or start == 0:
            continue
        if tokens[start - 1].text == "(" and end + 1 < len(tokens) \
                and tokens[end].text == ")" and (tokens[end + 1].text in _DASHES or
                                                 _DATELINE_BEFORE.match(text, text.rfind(
                                                     "\n", 0, tokens[start - 1].begin) + 1,
                                                     tokens[start - 1].begin)):
            # "TOKYO, Jan 9 (Reuters) -", also without the dash ("Taipei, Dec. 30 (Formosa
            # News Wire) China's military ..."): the wire that filed the story
            own.update({mention.name.casefold(), mention.span.text.casefold()})
    return own


_MASTHEAD_AFTER = re.compile(r"(?:[ \t]+[a-z]+\b){1,3}")
_MASTHEAD_REST = re.compile(r"[ \t]*[|·•]")
"""An outlet opening one of the first lines before a separator ("The Hanul Daily |
Business"): the masthead of the article's own outlet."""
_EDITION = re.compile(r"\s*\([^()]*\)\s*$")
_DATELINE_BEFORE = re.compile(r"[ \t]*[A-Z][A-Za-z .'-]{1,30},[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+"
                              r"\d{1,2}[ \t]*$")
"""A wire dateline's place and day before the outlet's parenthesis ("Taipei, Dec. 30 ")."""
_BYLINE = re.compile(r"[ \t]*(?:By|BY)[ \t][^\n|·•]{2,60}[|·•]")
"""A byline whose fields a separator divides ("By Jane Roe | Harbour Wire | ..."): the
outlet on it is the article's own."""


@lru_cache(maxsize=1)
def _posted_by() -> re.Pattern[str]:
    """A release's posting line up to its outlet ("Posted On: 20 JUL 2023 8:49PM by PIB
    Delhi"): the outlet is the article's own publisher (``[citation].posting_verbs``)."""
    verbs = "|".join(map(re.escape, actor_data().citation.posting_verbs)) or r"(?!x)x"
    return re.compile(r"[ \t]*(?i:" + verbs + r")\b[^\n]{0,60}?\bby[ \t]+")


_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)


def _head_end(text: str) -> int:
    """End of the first lines of ``text``, where a masthead or a dateline stands."""
    end = -1
    for _ in range(_DATELINE_LINES + 5):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _listed(text: str, mention: ActorMention, frames: CitationFrames) -> bool:
    """Whether the mention is listed as a source: on a "Sources:" line, in a reference-list
    entry, or in a citation in parentheses with a year ("(CSIS, 2025)")."""
    begin, end = mention.span.begin, mention.span.end
    line_start = text.rfind("\n", 0, begin) + 1
    label = _LINE_LABEL.match(text, line_start, begin)
    if label is not None and label.group(1).casefold() in frames.source_lines:
        return True
    if reference_entry_at(text, begin) is not None:
        return True
    field = reference_publisher_at(text, begin)
    if field is not None and field[0] <= begin and end <= field[1]:
        return True  # '1. "Notification No. 6". Directorate General of Foreign Trade. 2022.'
    return bool(_PAREN_BEFORE.search(text, max(0, begin - 3), begin)
                and _PAREN_AFTER.match(text, end))


_ASKER_LABEL = re.compile(r"[ \t]*(?:(?i:reporter|journalist|correspondent)[ \t]*)?[:：]")
"""The rest of a turn label after an outlet's name: "Kyodo News:", "NHK reporter:"."""


def _asks(text: str, mention: ActorMention) -> bool:
    """Whether the outlet labels a question turn of a transcript: its name opens a line,
    a colon follows, and the turn asks something ("Kyodo News: ... Can you confirm?")."""
    begin = mention.span.begin
    line_start = text.rfind("\n", 0, begin) + 1
    if text[line_start:begin].strip(" \t-•*>"):
        return False
    label = _ASKER_LABEL.match(text, mention.span.end)
    if label is None:
        return False
    line_end = text.find("\n", label.end())
    return "?" in text[label.end():line_end if line_end >= 0 else len(text)]


def _owned_body(tokens: tuple[Token, ...], end: int,
                starts: dict[int, ActorMention]) -> ActorMention | None:
    """The organisation named right after a possessive ending at ``end`` ("KITA's
    Institute for International Trade"), a unit of the first."""
    if end + 1 >= len(tokens) or not tokens[end].is_possessive:
        return None
    other = starts.get(end + 1)
    return other if other is not None and other.type not in _NEVER_CITED else None


def _keys(keys: tuple[str, ...], begin: int, end: int) -> tuple[str, ...]:
    return keys[max(begin, 0):max(end, 0)]


def _names_next(tokens: tuple[Token, ...], end: int,
                starts: dict[int, ActorMention]) -> bool:
    """Whether an outlet's name is followed directly by another outlet's ("state media China
    Daily"): the first describes the second."""
    other = starts.get(end)
    return other is not None and other.type is ActorType.MEDIA


_DESCRIPTOR_WORDS = 3
"""Words a descriptor between a citing frame and a name may take ("according to price
reporting service MetalPulse")."""
_DESCRIPTOR_MODIFIERS = 2
"""Lower-case words that may qualify such a descriptor ("aviation data firm")."""


def _frame_before(tokens: tuple[Token, ...], keys: tuple[str, ...], start: int,
                  frames: CitationFrames) -> bool:
    """Whether a citing frame ends right before ``start``, over "the" and a descriptor
    ("estimates from consultancy Halvorsen Metals Research", "according to the consultancy
    Lindqvist & Rao")."""
    if start < 1:
        return False
    begins = [start]
    data = actor_data()
    if keys[start - 1] in data.descriptor_heads:
        for size in range(1, _DESCRIPTOR_WORDS + 1):
            if start - size >= 0 and _keys(keys, start - size, start) in data.descriptors \
                    and not tokens[start - size].is_capitalised:
                begins.append(start - size)
        # "according to aviation data firm Cirium": the descriptor's own modifiers, lower
        # case words, stand between the frame and it
        for begin in list(begins[1:]):
            for size in range(1, _DESCRIPTOR_MODIFIERS + 1):
                token = tokens[begin - size] if begin - size >= 0 else None
                if token is None or not token.is_word or token.is_capitalised \
                        or not token.text.isalpha() or token.key in frames.last_words:
                    break
                begins.append(begin - size)
    owner = state_before(tokens, start)
    if owner != start:
        begins.append(owner)  # "data released by China's General Administration of Customs"
    lasts = frames.last_words
    places = data.lexicon.place_modifiers
    for begin in begins:
        if begin > 1 and tokens[begin - 1].glued \
                and keys[begin - 1] in places:
            begin -= 2  # "according to Shanghai-based price reporting agency X"
        if begin and keys[begin - 1] == "the":
            begin -= 1
        if begin and keys[begin - 1] in lasts and any(
                _keys(keys, begin - size, begin) in frames.before
                for size in range(1, frames.longest + 1)):
            return True
        if begin > 2 and keys[begin - 1] == "by" and _authored_by(keys, begin - 1, frames):
            return True
    return False


_TIME_OPENERS = {"on", "last", "earlier", "this"}


def _past_time(keys: tuple[str, ...], i: int, frames: CitationFrames) -> int:
    """The index past a short time phrase at ``i`` between a subject and its verb ("the
    institute on Monday estimated", "X last week reported"), else ``i``."""
    if i >= len(keys) or keys[i] not in _TIME_OPENERS:
        return i
    j = i + 1
    while j < len(keys) and j - i <= _AUTHORED_GAP \
            and (keys[j] in frames.authored_gap or keys[j].isdigit()):
        j += 1
    return j if j > i + 1 else i


_AUTHORED_GAP = 3
"""Words a time phrase between a document's participle and "by" may take ("released
earlier this week by")."""


def _authored_by(keys: tuple[str, ...], by: int, frames: CitationFrames) -> bool:
    """"a survey conducted by", "figures released on Tuesday by": a document, a participle
    of its making and a short time phrase end at the "by" at ``by``."""
    end = by
    for _ in range(_AUTHORED_GAP + 1):
        for size in (1, 2):
            if _keys(keys, end - size, end) in frames.authored and any(
                    _keys(keys, end - size - n, end - size) in frames.documents
                    for n in (1, 2)):
                return True
        if end <= 1 or not (keys[end - 1] in frames.authored_gap or keys[end - 1].isdigit()):
            return False
        end -= 1
    return False


def _document_of(tokens: tuple[Token, ...], keys: tuple[str, ...], start: int, end: int,
                 frames: CitationFrames) -> bool:
    """"according to a MOFCOM statement", "figures from the agency's website": the
    organisation's document, in a citing frame."""
    if not start or tokens[start - 1].key not in {"a", "an", "the"}:
        return False
    after = end + 1 if end < len(tokens) and tokens[end].is_possessive else end
    if not any(_keys(keys, after, after + size) in frames.documents for size in (1, 2)):
        return False
    return _frame_before(tokens, keys, start - 1, frames)


def _cited(tokens: tuple[Token, ...], keys: tuple[str, ...], start: int, end: int,
           mention: ActorMention,
           frames: CitationFrames, starts: dict[int, ActorMention]) -> bool:
    """Whether the mention at tokens ``[start, end)`` sits in a citing frame."""
    if _frame_before(tokens, keys, start, frames) \
            or _document_of(tokens, keys, start, end, frames):
        return True
    after = end + 1 if end < len(tokens) and tokens[end].is_possessive else end
    after = _past_time(keys, _past_apposition(tokens, after), frames)
    for size in range(1, frames.longest + 1):
        phrase = _keys(keys, after, after + size)
        if phrase in frames.after and not (
                mention.type is ActorType.COMPANY and size == 1
                and phrase[0] in frames.own_results_verbs) \
                and not (phrase in frames.documents
                         and _still_to_come(tokens, after + size, frames)):
            return True
    if after + 1 < len(tokens) and keys[after] in frames.document_modifiers \
            and (keys[after + 1],) in frames.documents and (keys[after + 1],) in frames.after:
        return True  # "the Ministry of Finance trade statistics suggest": one modifier
    if after < len(tokens) and tokens[after].key in frames.estimate_verbs \
            and _estimate_at(tokens, after + 1):
        return True
    begin = start - 1 if start and tokens[start - 1].key == "the" else start
    if begin and tokens[begin - 1].key in frames.not_after:
        return False  # "a spokesperson for the ministry said": the spokesperson speaks
    if mention.type is not ActorType.COMPANY and (_reports_finding(tokens, after, frames)
                                                  or _states_amount(tokens, after, frames)):
        return True
    if _attributes_sentence(tokens, begin, end, mention, frames, starts):
        return True
    verb = _past_aside(tokens, end)
    if verb < len(tokens) and tokens[verb].key in frames.relay_verbs:
        nxt = verb + 1
        if nxt < len(tokens) and tokens[nxt].key == "that":
            nxt += 1
        other = _actor_from(tokens, nxt, starts)
        return other is not None and other.name != mention.name \
            and other.type is not ActorType.STATE
    return False


_SENTENCE_END = {".", "!", "?"}
_FUTURE_REACH = 8
"""Tokens between a document and the word that says it is still to come ("data on January
magnet exports to Japan, due ...")."""


def _still_to_come(tokens: tuple[Token, ...], i: int, frames: CitationFrames) -> bool:
    """Whether the clause after a document at ``i`` says it is still to come ("Chinese
    customs data on January exports, due around 20 February"): nothing in it is cited
    yet (``[citation].future_markers``)."""
    for j in range(i, min(i + _FUTURE_REACH, len(tokens))):
        if tokens[j].text in _SENTENCE_END or tokens[j].newline_before:
            return False
        if tokens[j].key in frames.future_markers and not (
                j + 1 < len(tokens) and tokens[j + 1].key == "to"):
            return True  # (not "due to": a cause)
    return False

_FINDING_REACH = 7
"""Tokens between a body's verb of saying and "it" ("said on Friday that it")."""
_AUXILIARIES = {"had", "has", "have", "was", "is"}


def _reports_finding(tokens: tuple[Token, ...], i: int, frames: CitationFrames) -> bool:
    """"the ministry said on Friday it had found no confirmed case", "the agency says its
    survey identified ...": a verb of saying at ``i`` whose clause reports what the body's
    own inquiry found."""
    if i >= len(tokens) or tokens[i].key not in frames.relay_verbs | frames.data_verbs:
        return False
    for j in range(i + 1, min(i + 1 + _FINDING_REACH, len(tokens))):
        key = tokens[j].key
        if tokens[j].text in _CLAUSE_END or key == ",":
            return False
        if key in {"it", "its"}:
            k = j + 1
            if key == "its":  # "its survey found", "its own checks identified"
                while k < min(j + 3, len(tokens)) and tokens[k].key not in frames.finding_verbs:
                    k += 1
            elif k < len(tokens) and tokens[k].key in _AUXILIARIES:
                k += 1
            return k < len(tokens) and tokens[k].key in frames.finding_verbs
    return False


_AMOUNT_REACH = 25
"""Tokens of the clause after a body's present-tense verb searched for an amount."""


def _states_amount(tokens: tuple[Token, ...], i: int, frames: CitationFrames) -> bool:
    """"The council says China bought about 3.2 million tonnes ...": a present-tense verb
    of reporting (``[citation].data_verbs``) at ``i`` whose sentence gives an amount
    outside quotation marks; the body is the source of the number (the mirror of "...,
    the tourism agency says.")."""
    if i >= len(tokens) or tokens[i].key not in frames.data_verbs:
        return False
    quoted = False
    for j in range(i + 1, min(i + 1 + _AMOUNT_REACH, len(tokens))):
        token = tokens[j]
        if token.text in _SENTENCE_END or token.newline_before:
            return False
        if token.text in _QUOTE_MARKS:
            quoted = not quoted
        elif not quoted and token.is_word and token.text[0].isdigit() and _AMOUNT.search(
                " ".join(t.text for t in tokens[max(j - 1, 0):j + 4])):
            return True
    return False


def _attributes_sentence(tokens: tuple[Token, ...], begin: int, end: int,
                         mention: ActorMention, frames: CitationFrames,
                         starts: dict[int, ActorMention]) -> bool:
    """"Kanai had lodged a protest with Shi Yong, the ministry said.", "Visitors spent
    ¥1.7 trillion in 2024, the tourism agency says.": a body named after the sentence it
    attributes reports what someone else did, or (in the present tense) an amount; not its
    own position ("The ban is unlawful, the ministry said." is the ministry speaking).
    The sentence may end on a quotation ("Funakoshi told him the act was "dangerous," the
    ministry said."): what the quotation holds is the body's words, so an actor or an
    amount counts only outside it."""
    comma = begin - 1
    # ``quoted``: whether the token walked over is inside quotation marks
    quoted = begin >= 2 and tokens[comma].text in _QUOTE_MARKS and tokens[comma - 1].text == ","
    if quoted:
        comma -= 1
    if not begin or tokens[comma].text != "," or end + 1 >= len(tokens) \
            or tokens[end].key not in frames.relay_verbs | frames.data_verbs \
            or not (tokens[end + 1].text in _SENTENCE_END or _ADDING_AFTER.match(
                " ".join(t.text for t in tokens[end + 1:end + 3]))):
        return False
    data = tokens[end].key in frames.data_verbs
    relay = tokens[end].key in frames.relay_verbs
    j = comma - 1
    while j >= 0 and tokens[j].text not in _SENTENCE_END and not tokens[j + 1].newline_before:
        if tokens[j].text in _QUOTE_MARKS:
            quoted = not quoted
        elif quoted:
            pass
        elif data and tokens[j].is_word and tokens[j].text[0].isdigit() and _AMOUNT.search(
                " ".join(t.text for t in tokens[max(j - 1, 0):j + 4])):
            return True  # an amount, not a year or a day
        else:
            other = starts.get(j)
            if relay and other is not None and other.name != mention.name \
                    and other.type is not ActorType.STATE:
                return True
        j -= 1
    return False


_QUOTE_MARKS = {'"', "“", "”"}


_ADDING_AFTER = re.compile(r"(?:,|—|–|--) (?:[a-z]+ing|a|an)\b")
"""What may follow "..., the ministry said" instead of the sentence's end: a participle
("said, calling the incidents ...") or an apposition after a dash ("said — a step ...")."""
_ESTIMATE_REACH = 14
"""Tokens between an estimate's verb and its "at" ("puts China's share of the country's rare
earth imports at")."""
_AMOUNT = re.compile(r"(?:[a-z]+ ){0,2}(?:[$¥€£] ?\d|\d[\d.,]* ?(?:%|(?:percent|per cent|"
                     r"million|billion|trillion|tonnes|tons)\b))", re.IGNORECASE)
"""An amount after "at": a share or a sum ("around 60%", "$2 billion"), not a count of
places ("put production at 3 plants on hold")."""


def _estimate_at(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether "at" and an amount follow token ``i`` in its clause ("... at around 60%",
    "... at $2 billion")."""
    for j in range(i, min(i + _ESTIMATE_REACH, len(tokens))):
        if tokens[j].text in _CLAUSE_END:
            return False
        if tokens[j].key == "at":
            return _AMOUNT.match(" ".join(t.text for t in tokens[j + 1:j + 7])) is not None
    return False


_TITLE_WORDS = 4
"""Capitalised words of a title allowed before the actor a relay names ("that Ambassador
Wu refuted ...")."""


def _actor_from(tokens: tuple[Token, ...], i: int,
                starts: dict[int, ActorMention]) -> ActorMention | None:
    """The actor mention at token ``i``, or after a few capitalised title words."""
    for j in range(i, min(i + _TITLE_WORDS + 1, len(tokens))):
        other = starts.get(j)
        if other is not None:
            return other
        if not (tokens[j].is_word and tokens[j].is_capitalised):
            return None
    return None


_ASIDE_OPENERS = {"in", "on", "at", "through", "via"}
_ASIDE_MAX = 6
"""Tokens a prepositional aside between a body and its verb may hold (", in its own
readout,")."""


def _past_aside(tokens: tuple[Token, ...], i: int) -> int:
    """The token after ", in its own readout," at ``i``, else ``i``."""
    return _past_set_off(tokens, i, _ASIDE_OPENERS, _ASIDE_MAX)


def _past_apposition(tokens: tuple[Token, ...], i: int) -> int:
    """The token after ", a Singapore-based think tank," at ``i``, else ``i``."""
    return _past_set_off(tokens, i, ARTICLES, _APPOSITION_MAX)


def _past_set_off(tokens: tuple[Token, ...], i: int, openers: Collection[str],
                  limit: int) -> int:
    """The token after a phrase set off by commas at ``i`` that opens with one of
    ``openers`` and closes within ``limit`` tokens, before any clause end; else ``i``."""
    if i + 1 >= len(tokens) or tokens[i].text != "," or tokens[i + 1].key not in openers:
        return i
    for j in range(i + 2, min(i + 2 + limit, len(tokens))):
        if tokens[j].text in _CLAUSE_END:
            return i
        if tokens[j].text == ",":
            return j + 1
    return i


def _organisation_of_cited_person(tokens: tuple[Token, ...], keys: tuple[str, ...],
                                  start: int, end: int,
                                  frames: CitationFrames,
                                  starts: dict[int, ActorMention]) -> ActorMention | None:
    """"according to Kenta Ogawa, a senior fellow at the Tokyo Institute ...": the
    organisation the apposition names, when a citing frame introduces the person."""
    if not _frame_before(tokens, keys, start, frames) or end + 1 >= len(tokens):
        return None
    if tokens[end].key in _EMPLOYER_LINKS:
        # "according to Hiroshi Tanaka of Mizuho Research"
        nxt = end + 2 if tokens[end + 1].key == "the" else end + 1
        other = starts.get(nxt)
        return other if other is not None and other.type not in _NEVER_CITED else None
    if tokens[end].text != ",":
        return None
    for j in range(end + 1, min(end + 1 + _APPOSITION_MAX, len(tokens))):
        if tokens[j].text in _CLAUSE_END or tokens[j].text == ",":
            return None
        other = starts.get(j)
        if other is None:
            continue
        if other.type in _NEVER_CITED:
            return None
        preposition = tokens[j - 1].key if tokens[j - 1].key != "the" else tokens[j - 2].key
        return other if preposition in _EMPLOYER_LINKS else None
    return None


def prepare() -> None:
    """Build the citation patterns made from the reference data now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    for build in (_reports_after, _publisher_of_before, _posted_by):
        build()
