"""Reading SPARQL text without evaluating it: the form of a request, its dataset clause,
the endpoints it calls with ``SERVICE``.

The endpoint must refuse some requests *before* they run (updates on a read-only endpoint,
federated calls to endpoints not allowed), and pyoxigraph offers no algebra to inspect.  A
tokenizer that knows just enough SPARQL is exact for this: comments, strings, IRIs,
variables, prefixed names and language tags are consumed whole, so a keyword inside one of
them (``"DELETE"``, ``<http://x/from>``, ``?from``, ``ex:service``) is never mistaken for
syntax, and a bare word can then only be a keyword, a function name or ``a``.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import cast


class QueryForm(Enum):
    """What a request asks for, read from its first keyword after the prologue."""

    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"
    UPDATE = "UPDATE"
    UNKNOWN = "UNKNOWN"

    @property
    def returns_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE, whose answer is RDF triples."""
        return self in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)


_IRI_BODY = r"""(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*"""
"""What an IRI holds between ``<`` and ``>``: SPARQL 1.2 (and Oxigraph) allow ``\\u`` and
``\\U`` code point escapes there, and an IRI read short at one would let what follows it
(a ``#``, a quote) hide a ``SERVICE`` from the checks below."""
_TOKEN = re.compile(
    rf"""
      (?P<space>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
                |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'(?:[^'\\\r\n]|\\.)*'
                |"(?:[^"\\\r\n]|\\.)*")
    | (?P<iri><{_IRI_BODY}>)
    | (?P<var>[?$]\w+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%-]|\\.|\.(?=[\w:%-]))*)
    | (?P<number>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?)
    | (?P<op>&&|\|\||!=|<=|>=|\^\^|[-+*/!=<>|^])
    | (?P<word>[^\W\d]\w*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_QUERY_FORMS = {form.value: form for form in
                (QueryForm.SELECT, QueryForm.ASK, QueryForm.CONSTRUCT, QueryForm.DESCRIBE)}
_UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


@dataclass(frozen=True)
class Token:
    """A token of SPARQL text: its kind (``word``, ``iri``, ``pname``, ``var``...), its text
    and the offset where it starts."""

    kind: str
    text: str
    start: int = 0


def tokens(text: str) -> Iterator[Token]:
    """The tokens of SPARQL text, without white space and comments."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), match.start())


MAX_DEPTH = 100
"""How deep a request may nest brackets.  Oxigraph's parser and planner recurse once per
level (more for a function call) and, past some 600-2,500 levels, overflow their stack: the
process dies (SIGSEGV), taking a server's neighbouring queries with it.  Hand-written
queries stay far below; a generated one can say the same with VALUES or IN."""
MAX_OPERATORS = 4000
"""How many operators (``+``, ``&&``, ``!``, ``|``...) a request may hold: a long chain of
them ("1+1+...", "!!!...") overflows the same stacks at about 10,000."""
_CLOSERS = {")": "(", "}": "{", "]": "["}
"""Each closing bracket and the bracket it closes."""
_OPENERS = "({["


def complexity_problem(text: str) -> str | None:
    """Why Oxigraph cannot safely parse ``text``, or ``None``: brackets nested more than
    :data:`MAX_DEPTH` deep, or more than :data:`MAX_OPERATORS` operators.  Brackets and
    operators inside strings, IRIs and comments do not count."""
    # Counting characters is a cheap bound that spares tokenizing nearly every request.
    if (sum(text.count(c) for c in _OPENERS) <= MAX_DEPTH
            and sum(text.count(c) for c in "+-*/!&|=<>^") <= MAX_OPERATORS):
        return None
    depth = operators = 0
    for token in tokens(text):
        if token.kind == "op":
            operators += 1
        elif token.text in _OPENERS:
            depth += 1
            if depth > MAX_DEPTH:
                return (f"the request nests brackets more than {MAX_DEPTH} deep (at "
                        f"{position_of(text, token.start)}), more than the engine can parse "
                        "safely")
        elif token.text in _CLOSERS:
            depth = max(depth - 1, 0)
    if operators > MAX_OPERATORS:
        return (f"the request holds {operators:,} operators, more than the {MAX_OPERATORS:,} "
                "the engine can parse safely (a long list of alternatives reads better as "
                "VALUES or IN)")
    return None


def _words(query: str) -> Iterator[tuple[str, bool]]:
    """Yield each bare word (upper case) and whether it is the first non-prologue token."""
    in_prologue = True
    for token in tokens(query):
        if token.kind == "word":
            word = token.text.upper()
            first = in_prologue and word not in ("BASE", "PREFIX")
            if first:
                in_prologue = False
            yield word, first
        elif in_prologue and token.kind not in ("iri", "pname"):
            in_prologue = False  # a query cannot start with this; the parser will say so


@dataclass(frozen=True)
class Shape:
    """What the endpoint needs to know about a request before running it."""

    form: QueryForm
    has_dataset_clause: bool
    """``FROM`` or ``FROM NAMED`` names the dataset."""
    uses_service: bool
    """``SERVICE`` calls another endpoint."""
    uses_load: bool
    """``LOAD`` fetches a document (updates only)."""


_IRI = rf"<{_IRI_BODY}>"
_PROLOGUE = re.compile(
    rf"""(?:\s+|\#[^\r\n]*
         |(?i:PREFIX)\s*(?:[^\W\d_][\w.-]*)?:\s*{_IRI}
         |(?i:BASE)\s*{_IRI})*""",
    re.VERBOSE,
)
_WORD = re.compile(r"[^\W\d]\w*")
_CLUES = ("FROM", "SERVICE", "LOAD")


def shape(text: str) -> Shape:
    """Read the :class:`Shape` of a query or update.

    The form comes from the first keyword after the BASE/PREFIX declarations: the grammar
    puts the form keyword (SELECT, ASK, CONSTRUCT, DESCRIBE) or the first update operation
    (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, WITH) right there, so this
    is exact for any request the parsers would accept.  The clauses are looked for with the
    tokenizer only when their keyword occurs in the text at all (the endpoint reads every
    request, and most name none of them).
    """
    # The prologue pattern is a starred group: it always matches, if only the empty string.
    prologue = cast("re.Match[str]", _PROLOGUE.match(text))
    first = _WORD.match(text, prologue.end())
    form = QueryForm.UNKNOWN
    if first:
        word = first.group().upper()
        form = _QUERY_FORMS.get(word) or (
            QueryForm.UPDATE if word in _UPDATE_KEYWORDS else QueryForm.UNKNOWN)
    upper = text.upper()
    found: set[str] = set()
    if any(clue in upper for clue in _CLUES):
        words = {word for word, _ in _words(text)}
        # Fail closed: no keyword or function name holds a clue inside it, so a bare word
        # that does ("E0SERVICE") is a tokenizer gap, and the clue counts as present.
        found = {clue for clue in _CLUES if any(clue in word for word in words)}
    return Shape(form, "FROM" in found, "SERVICE" in found, "LOAD" in found)


def query_form(query: str) -> QueryForm:
    """The form of a SPARQL request (see :func:`shape`)."""
    return shape(query).form


def in_order_of_appearance(query: str, names: Sequence[str]) -> list[str]:
    """``names`` (a ``SELECT *`` answer's variables, which Oxigraph sorts by name) in the
    order the query first mentions them, as most SPARQL engines show them; names it never
    mentions keep their place after the others.  Any other projection comes back as it is:
    its order is the one the query wrote."""
    projection = _projection(query)
    if projection is None or projection.text != "*":
        return list(names)
    first: dict[str, int] = {}
    for token in tokens(query):
        if token.kind == "var":
            first.setdefault(token.text[1:], len(first))
    unseen = len(first)
    return sorted(names, key=lambda name: first.get(name, unseen))


def _projection(query: str) -> Token | None:
    """The token after the first ``SELECT`` (and its ``DISTINCT`` or ``REDUCED``)."""
    stream = tokens(query)
    for token in stream:
        if token.kind == "word" and token.text.upper() == "SELECT":
            following = next(stream, None)
            if following is not None and following.text.upper() in ("DISTINCT", "REDUCED"):
                following = next(stream, None)
            return following
    return None


def has_dataset_clause(query: str) -> bool:
    """True when the query names its own dataset with ``FROM`` or ``FROM NAMED``."""
    return shape(query).has_dataset_clause


def uses_service(query: str) -> bool:
    """True when the query calls another endpoint with ``SERVICE`` (federated query)."""
    return shape(query).uses_service


def uses_load(update: str) -> bool:
    """True when an update fetches a document with ``LOAD``."""
    return shape(update).uses_load


class _Prologue:
    """The ``PREFIX`` and ``BASE`` declarations met so far in a token stream, to expand the
    IRIs and prefixed names that follow them as the parser does."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.declared = dict(prefixes)
        self.base = ""

    def read(self, token: Token, stream: Iterator[Token]) -> bool:
        """Take a ``PREFIX``/``BASE`` declaration starting at ``token`` from ``stream``;
        False when ``token`` starts none."""
        word = token.text.upper() if token.kind == "word" else ""
        if word == "PREFIX":
            name, iri = next(stream, None), next(stream, None)
            if name and iri and name.kind == "pname" and iri.kind == "iri":
                self.declared[name.text[:-1]] = urllib.parse.urljoin(self.base, iri.text[1:-1])
            return True
        if word == "BASE":
            iri = next(stream, None)
            if iri and iri.kind == "iri":
                self.base = urllib.parse.urljoin(self.base, iri.text[1:-1])
            return True
        return False

    def expand(self, token: Token) -> str | None:
        """The IRI an ``iri`` or ``pname`` token names; None for an undeclared prefix or
        another kind of token."""
        if token.kind == "iri":
            return urllib.parse.urljoin(self.base, _unescaped(token.text[1:-1]))
        if token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            if prefix in self.declared:
                return self.declared[prefix] + re.sub(r"\\(.)", r"\1", local)
        return None


def service_endpoints(text: str, prefixes: Mapping[str, str]) -> list[str | None]:
    """The endpoint IRI of every ``SERVICE`` call, resolved; ``None`` for ``SERVICE ?var``.

    Prefixed names are expanded with the text's own ``PREFIX`` declarations, then with
    ``prefixes`` (those the endpoint predeclares); relative IRIs against ``BASE``.  A name
    whose prefix is undeclared is returned as written: it matches no allowed endpoint, and
    the parser rejects the query anyway.
    """
    prologue = _Prologue(prefixes)
    found: list[str | None] = []
    stream = tokens(text)
    for token in stream:
        if prologue.read(token, stream) or token.kind != "word" \
                or token.text.upper() != "SERVICE":
            continue
        target = next(stream, None)
        if target and target.kind == "word" and target.text.upper() == "SILENT":
            target = next(stream, None)
        if target is None or target.kind == "var":
            found.append(None)
        else:
            found.append(prologue.expand(target) or target.text)
    return found


def named_iris(text: str, prefixes: Mapping[str, str]) -> Iterator[tuple[Token, str]]:
    """Each IRI or prefixed name of a query outside its ``PREFIX``/``BASE`` declarations,
    with the IRI it expands to (names with an undeclared prefix are left out)."""
    prologue = _Prologue(prefixes)
    stream = tokens(text)
    for token in stream:
        if not prologue.read(token, stream):
            iri = prologue.expand(token)
            if iri is not None:
                yield token, iri


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescaped(iri: str) -> str:
    """An IRI's text with its ``\\u``/``\\U`` escapes decoded, as the parser reads it."""
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)


_AT = re.compile(r"error at (\d+):(\d+)")
_CHAR_CLASSES = re.compile(r"\[[^\[\]]*\\u\{[^\[\]]*\]")
"""The parser's dumps of Unicode character classes ("['A' ..= 'Z' | '\\u{00C0}'...]")."""
_PREFIXED = re.compile(r"([^\s{}()<>\"'.;,]*):")


def explain_syntax_error(query: str, message: str) -> str:
    """The parser's ``message`` about ``query`` in fewer, plainer words: an undefined prefix
    named as such, an empty query said to be empty, and the parser's lists of Unicode
    character classes (which say only "a name character") left out."""
    if not query.strip():
        return "the query is empty"
    at = _AT.search(message)
    if "Prefix not found" in message and at is not None:
        line, column = int(at.group(1)), int(at.group(2))
        lines = query.split("\n")
        if 0 < line <= len(lines):
            before = lines[line - 1][:max(column - 1, 0)]
            word = before[before.rfind(" ") + 1:]  # the parser stops after the name
            name = _PREFIXED.search(word)
            if name is not None:
                # Point at the name itself, where the caret of an excerpt should stand.
                column = len(before) - len(word) + name.start() + 1
                return (f"error at {line}:{column}: undefined prefix '{name.group(1)}:' "
                        f"(declare it: PREFIX {name.group(1)}: <...>)")
        return f"error at {line}:{column}: undefined prefix"
    prologue = cast("re.Match[str]", _PROLOGUE.match(query))
    first = _WORD.match(query, prologue.end())
    if first is not None and shape(query).form is QueryForm.UNKNOWN:
        return (f"error at {position_of(query, first.start())}: a query begins with SELECT, "
                "CONSTRUCT, ASK or DESCRIBE (after any PREFIX and BASE lines), "
                f"not '{first.group()}'")
    explained = _EXPECTED.sub(_sparql11_expected, _CHAR_CLASSES.sub("[a name character]",
                                                                    message))
    if at is None:
        return explained
    return explained + _near(query, at) + (_short_pattern(query, at) or _mistake(query))


_EXPECTED = re.compile(r"expected one of (?P<items>[^\n]*)$")
_NOT_SPARQL11 = frozenset({"LATERAL", "[_]", "PREDICATE"})
"""What the parser lists that a SPARQL 1.1 user cannot write: SPARQL 1.2 drafts' keywords
and its own placeholder for "any other character"."""


def _sparql11_expected(m: re.Match[str]) -> str:
    """The parser's list of expected tokens without :data:`_NOT_SPARQL11`."""
    items = [i.strip() for i in m.group("items").split(",")]
    kept = [i for i in items if i and i not in _NOT_SPARQL11]
    if not kept:
        return "unexpected text"
    return f"expected one of {', '.join(kept)}" if len(kept) > 1 else f"expected {kept[0]}"


_TERM_KINDS = frozenset({"var", "iri", "pname", "string"})


def _short_pattern(query: str, at: re.Match[str]) -> str:
    """``; a triple pattern needs a subject, a predicate and an object``, when the error
    stands at a pattern's end ('}' or '.') right after only two terms ("{ ?x ?y }")."""
    offset = offset_of(query, int(at.group(1)), int(at.group(2)))
    if not query[offset:].strip():  # the parser may point past the closing brace
        offset = len(query.rstrip()) - 1
    if query[offset:offset + 1] not in ("}", "."):
        return ""
    terms = 0
    for token in tokens(query[:offset]):
        if token.text in ("{", ".", ";", ","):
            terms = 0
        elif token.kind in _TERM_KINDS or token.text == "a" or token.text[:1].isdigit():
            terms += 1
        else:
            terms = -99  # a keyword, bracket or operator: not a plain triple pattern
    return "; a triple pattern needs a subject, a predicate and an object" \
        if terms == 2 else ""


_RUN_BREAKERS = frozenset({"{", "}", ".", ";", ",", "[", "]"})
"""Tokens that end a run of terms in a group: a pattern's end, its predicate-object and
object lists, and blank node brackets."""


def _mistake(query: str) -> str:
    """``; <what is wrong>`` for the first of a few common mistakes in ``query``, else "".

    The parser reports the furthest point it reached and what it could have read there,
    which for these mistakes names a keyword the user never meant ("expected BIND" after
    four terms, "expected DISTINCT" for ``(COUNT(?s))``).  Each check is specific enough that
    what it finds in a query that failed to parse is wrong, wherever the parser stopped.
    """
    found = list(tokens(query))
    braces = parens = run = 0
    values = False  # inside a VALUES data block, where terms follow one another
    in_select = False
    listing = False  # a projection or a GROUP/ORDER BY list (of a subquery, too)
    for i, token in enumerate(found):
        text, upper = token.text, token.text.upper()
        following = found[i + 1] if i + 1 < len(found) else None
        if token.kind == "word" and upper in ("FILTER", "LIMIT", "OFFSET") and following:
            problem = _clause_problem(upper, following)
            if problem:
                return f"; {problem} (at {position_of(query, token.start)})"
        if token.kind == "word" and upper == "SELECT":
            in_select = True
        elif in_select and (text == "{" or upper == "WHERE"):
            in_select = False
        elif in_select and text == "(" and parens == 0 and not _names_expression(found, i):
            return (f"; an expression in SELECT needs a name: (expression AS ?name) (at "
                    f"{position_of(query, token.start)})")
        if token.kind == "word" and upper == "VALUES":
            values = True
        if token.kind == "word":
            listing = upper in ("SELECT", "GROUP", "ORDER", "BY", "DISTINCT", "REDUCED",
                                "ASC", "DESC") or (listing and upper == "AS")
        elif text in ("{", "}"):
            listing = False
        if text == "(":
            parens += 1
        elif text == ")":
            parens = max(parens - 1, 0)
        elif text == "{":
            braces += 1
        elif text == "}":
            braces = max(braces - 1, 0)
            values = False
        if braces == 0 or parens or values or listing or text in _RUN_BREAKERS:
            run = 0
        elif token.kind in _TERM_KINDS or text == "a" or token.kind == "number":
            run += 1
            if run == 4:
                return (f"; four terms in a row (at {position_of(query, token.start)}): a "
                        "triple pattern has three, and each ends with '.'")
        elif token.kind != "lang" and text != "^^":  # "x"@en and "1"^^xsd:int are one term
            run = 0
    return ""


def _clause_problem(keyword: str, following: Token) -> str:
    """What is wrong with the token after FILTER, LIMIT or OFFSET, or ""."""
    if keyword == "FILTER":
        # FILTER(...), FILTER regex(...), FILTER EXISTS {...}, FILTER ex:fn(...) are right.
        if following.kind in ("var", "string", "number") or following.text in ("{", "!"):
            return "FILTER takes its condition in brackets: FILTER(...)"
        return ""
    if following.kind != "number" or not following.text.isdigit():
        return f"{keyword} takes a whole number ({keyword} 10)"
    return ""


def _names_expression(found: Sequence[Token], start: int) -> bool:
    """True when the bracket opened at ``found[start]`` holds ``AS`` before it closes."""
    depth = 0
    for token in found[start:]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
            if depth == 0:
                return False
        elif depth == 1 and token.kind == "word" and token.text.upper() == "AS":
            return True
    return True  # not closed: the parser names what was left open


def _near(query: str, at: re.Match[str]) -> str:
    """``near '...'``: the text at the parser's line and column, which its message (a list
    of what it expected) does not show; where that text closes a bracket other than the
    last one opened, or the query ends, what was left open and where."""
    line, column = int(at.group(1)), int(at.group(2))
    lines = query.split("\n")
    if not 0 < line <= len(lines):
        return ""
    rest = lines[line - 1][max(column - 1, 0):].strip()
    if not rest and line == len(lines):
        left_open = _unclosed(query, len(query))
        return f" (at the end of the query{': ' + left_open if left_open else ''})"
    if not rest:
        return ""
    near = f"near '{rest[:_NEAR_CHARS]}'"
    if rest[0] in _CLOSERS:
        left_open = _unclosed(query, offset_of(query, line, column))
        if left_open and not left_open.startswith(f"'{_CLOSERS[rest[0]]}'"):
            return f" ({near}: {left_open})"
    return f" ({near})"


def _unclosed(query: str, end: int) -> str:
    """``'(' at 3:12 not closed``, when the text before ``end`` leaves a bracket or a string
    open (the likeliest cause of an error at the end, or at a bracket that closes another).
    Strings, IRIs and comments are tokens of their own, so brackets inside them do not
    count; a quote that opens no complete string is a token alone."""
    stack: list[tuple[str, int]] = []
    for token in tokens(query[:end]):
        text = token.text
        if token.kind != "other":
            continue
        if text in "\"'":
            return f"a string opened with {text} at {position_of(query, token.start)} not closed"
        if text in _OPENERS:
            stack.append((text, token.start))
        elif text in _CLOSERS and stack:
            if stack[-1][0] != _CLOSERS[text]:
                break  # "FILTER(regex(?o, 'x') }": the '(' is the one left open
            stack.pop()
    if not stack:
        return ""
    bracket, start = stack[-1]
    return f"'{bracket}' at {position_of(query, start)} not closed"


def error_position(message: str) -> tuple[int, int] | None:
    """The line and column (both from 1) that a syntax error's message names, if any."""
    at = _AT.search(message)
    return (int(at.group(1)), int(at.group(2))) if at is not None else None


def offset_of(query: str, line: int, column: int) -> int:
    """The character offset in ``query`` of a line and column counted from 1 (clamped to the
    text: a parser may point one past a line's end)."""
    lines = query.split("\n")
    line = min(max(line, 1), len(lines))
    start = sum(len(text) + 1 for text in lines[:line - 1])
    return start + min(max(column - 1, 0), len(lines[line - 1]))


def position_of(query: str, offset: int) -> str:
    """``line:column`` (both from 1) of a character offset in ``query``."""
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def point_out(query: str, message: str) -> str:
    """The :func:`excerpt` of ``query`` at the position an error ``message`` names ("" when
    it names none, or one outside the query)."""
    at = error_position(message)
    return excerpt(query, *at) if at is not None else ""


def excerpt(query: str, line: int, column: int) -> str:
    """The query's line ``line`` under its number, with a caret under ``column``: where a
    syntax error is, shown the way compilers show it."""
    lines = query.split("\n")
    if not 0 < line <= len(lines):
        return ""
    text = lines[line - 1].replace("\t", " ")
    number = str(line)
    caret = " " * (min(max(column, 1), len(text) + 1) - 1) + "^"
    return f"{number} | {text}\n{' ' * len(number)} | {caret}"


_NEAR_CHARS = 30
