"""Parametrised queries: the example queries of the query page (``server/queries/*.rq``)
and any ``.rq`` file ``kg query --param`` binds.

Each file starts with comment lines::

    # title: What did He Yadong say, and where?
    # description: Statements of a speaker, with the exact span in the article.
    # param: ?speakerName = "He Yadong" | Speaker | kg:speaker

and the rest of the file is the query shown in the editor.  A ``param`` line declares a
value the page asks for: the variable, its default (an RDF term in SPARQL syntax: a string
literal, optionally with a language tag or datatype, a number, an IRI in angle brackets or
a prefixed name without ``/``), a label for the form field, and optionally a class or
concept scheme whose members are offered as choices.  The query must hold the default in
a ``VALUES ?speakerName { "He Yadong" }`` block: the file runs as it is (``kg query @file.rq``),
and :meth:`Example.bind` swaps the value in that block for the one a user typed, as a
properly escaped term, so a form field can never change the query's structure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.namespace import PREFIXES

_HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*?)\s*$", re.IGNORECASE)
# One RDF term in SPARQL syntax, as a param default or in a VALUES block.
_TERM = (
    r'"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^(?:<[^<>"\s]*>|[A-Za-z][\w.-]*:\w*))?'
    r"|<[^<>\"\s]*>"
    r"|[A-Za-z][\w.-]*:[A-Za-z_]\w*"
    r"|[+-]?\d+(?:\.\d+)?"
)
_PARAM = re.compile(rf"\?(\w+)\s*=\s*({_TERM})\s*(?:\|\s*([^|]*?)\s*)?(?:\|\s*(\S+)\s*)?$")
_DATE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:([^\s<>\"{}|\\^`]*)")
_XSD_DATE = PREFIXES["xsd"] + "date"
RESERVED = frozenset({"query", "example", "format"})
"""URL parameters of the page that a query variable cannot be named after."""
MAX_VALUE = 500


class ParamError(ValueError):
    """A parameter value that cannot be put into the query (says which and why)."""


@dataclass(frozen=True)
class Param:
    """A value the page asks for: ``?name``, its default term, a label, offered choices."""

    name: str
    default: str
    """The default as an RDF term in SPARQL syntax (``"He Yadong"``, ``<https://...>``)."""
    label: str
    choices_from: str | None = None
    """IRI of a class or concept scheme whose labelled members are offered, or None."""

    @property
    def kind(self) -> str:
        """``iri``, ``number`` or ``literal``: what a typed value is read as."""
        if self.default.startswith('"'):
            return "literal"
        return "number" if _NUMBER.fullmatch(self.default) else "iri"

    @property
    def input_type(self) -> str:
        """The HTML input type of its form field: ``date``, ``number`` or ``text``."""
        if self.kind == "number":
            return "number"
        if self.kind == "literal" and _literal_suffix(self.default)[1] == _XSD_DATE:
            return "date"
        return "text"

    @property
    def shown(self) -> str:
        """The default as a form field shows it: a literal's text, an IRI without brackets."""
        return display_value(self, self.default)

    def term(self, value: str) -> str:
        """The SPARQL term for a typed ``value``; :class:`ParamError` when it cannot be one."""
        value = value.strip()
        if not value:
            raise ParamError(f"?{self.name}: a value is needed")
        if len(value) > MAX_VALUE:
            raise ParamError(f"?{self.name}: at most {MAX_VALUE} characters")
        if self.kind == "number":
            if not _NUMBER.fullmatch(value):
                raise ParamError(f"?{self.name}: {value!r} is not a number")
            return value
        if self.kind == "iri":
            return str(ox.NamedNode(_expand(self.name, value)))
        language, datatype = _literal_suffix(self.default)
        if datatype == _XSD_DATE and not _DATE.fullmatch(value):
            raise ParamError(f"?{self.name}: {value!r} is not a date (YYYY-MM-DD)")
        try:
            literal = ox.Literal(value, language=language) if language else ox.Literal(
                value, datatype=ox.NamedNode(datatype) if datatype else None)
        except ValueError as exc:
            raise ParamError(f"?{self.name}: {exc}") from exc
        return str(literal)


def display_value(param: Param, term: str) -> str:
    """What a form field shows for a term: a literal's text, an IRI's full form."""
    if term.startswith('"'):
        end = term.rfind('"')
        return re.sub(r"\\(.)", r"\1", term[1:end])
    if term.startswith("<"):
        return term[1:-1]
    if param.kind == "iri":
        return _expand(param.name, term)
    return term


def _expand(name: str, value: str) -> str:
    """An IRI from ``<iri>``, ``prefix:local`` (a predeclared prefix) or an absolute IRI."""
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    prefixed = _PREFIXED.fullmatch(value)
    if prefixed and (prefixed.group(1) or "") in PREFIXES:
        value = PREFIXES[prefixed.group(1) or ""] + prefixed.group(2)
    elif not _ABSOLUTE_IRI.fullmatch(value):
        raise ParamError(f"?{name}: {value!r} is not an IRI (write it in full, or as kg:Name)")
    try:
        return ox.NamedNode(value).value
    except ValueError as exc:
        raise ParamError(f"?{name}: {value!r} is not an IRI: {exc}") from exc


def _literal_suffix(term: str) -> tuple[str | None, str | None]:
    end = term.rfind('"')
    suffix = term[end + 1:]
    if suffix.startswith("@"):
        return suffix[1:], None
    if suffix.startswith("^^"):
        datatype = suffix[2:]
        return None, datatype[1:-1] if datatype.startswith("<") else _expand("datatype", datatype)
    return None, None


@dataclass(frozen=True)
class Example:
    """One example query: file stem, title, description, query text and parameters."""

    name: str
    title: str
    description: str
    query: str
    params: tuple[Param, ...] = ()

    def heading(self, shown: Mapping[str, str]) -> str:
        """The title for the values chosen: a default named in the title ("What did He Yadong
        say?") gives way to the value shown for it (``shown``: parameter name to the label
        of its value), so the form's heading says what the results are about."""
        title = self.title
        for param in self.params:
            value = shown.get(param.name, "").strip()
            if value and param.shown in title:
                title = title.replace(param.shown, value)
        return title

    def bind(self, values: Mapping[str, str]) -> str:
        """The query with each parameter's ``VALUES`` block holding the value given for it.

        Parameters not in ``values`` (or given empty) keep their default.  Raises
        :class:`ParamError` for a value that is not a valid term of the parameter's kind.
        """
        query = self.query
        for param in self.params:
            value = values.get(param.name)
            if value is None or not value.strip():
                continue
            term = param.term(value)
            block = _values_block(param.name)

            def fill(m: re.Match[str], t: str = term) -> str:
                return m.group(1) + t + m.group(3)

            query = block.sub(fill, query, count=1)
        return query


def _values_block(name: str) -> re.Pattern[str]:
    return re.compile(rf"(\bVALUES\s+\?{name}\s*\{{\s*)({_TERM})(\s*\}})", re.IGNORECASE)


def parse_param(example: str, text: str) -> Param:
    """Read a ``param`` header value: ``?name = TERM | label | choices-from``."""
    match = _PARAM.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{example}: bad param line {text!r}; expected '?name = term | label'")
    name, default, label, choices = match.groups()
    if name.lower() in RESERVED:
        raise ValueError(f"{example}: ?{name} clashes with the page's own URL parameters")
    param = Param(name, default, label or name, None)
    if choices:
        param = Param(name, default, param.label, _expand(name, choices))
    return param


def parse_example(name: str, text: str) -> Example:
    """Split an ``.rq`` file into its header fields and the query below them.

    Raises :class:`ValueError` when a parameter's ``VALUES`` block is missing from the
    query or does not hold the declared default.
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    lines = text.splitlines()
    body_start = 0
    for index, line in enumerate(lines):
        match = _HEADER.match(line.strip())
        if not match:
            break
        key = match.group(1).lower()
        if key == "param":
            params.append(parse_param(name, match.group(2)))
        else:
            fields[key] = match.group(2)
        body_start = index + 1
    query = "\n".join(lines[body_start:]).strip() + "\n"
    for param in params:
        found = _values_block(param.name).search(query)
        if found is None:
            raise ValueError(f"{name}: ?{param.name} has no 'VALUES ?{param.name} {{ ... }}'")
        if found.group(2) != param.default:
            raise ValueError(f"{name}: the VALUES block of ?{param.name} holds "
                             f"{found.group(2)}, not the default {param.default}")
    return Example(
        name=name,
        title=fields.get("title") or name.replace("-", " "),
        description=fields.get("description", ""),
        query=query,
        params=tuple(params),
    )


def load_examples(folder: Path) -> list[Example]:
    """Every ``*.rq`` file of ``folder``, in file-name order."""
    return [
        parse_example(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.rq"))
    ]


def bind_query(text: str, assignments: Sequence[str], *, name: str = "query") -> str:
    """``text`` (a query with ``# param:`` lines) with each ``NAME=VALUE`` of
    ``assignments`` put in its parameter's ``VALUES`` block, as :meth:`Example.bind` does
    for the query page; the query unchanged when ``assignments`` is empty.

    Raises :class:`ParamError` for an assignment without ``=``, a name the query does not
    declare, a value that is not a term of the parameter's kind, or a bad ``param`` line.
    """
    if not assignments:
        return text
    try:
        example = parse_example(name, text)
    except ValueError as exc:
        raise ParamError(str(exc)) from exc
    declared = {param.name: param for param in example.params}
    values: dict[str, str] = {}
    for assignment in assignments:
        key, equals, value = assignment.partition("=")
        key = key.strip().lstrip("?")
        if not equals or not key:
            raise ParamError(f"{assignment!r}: write a parameter as NAME=VALUE")
        if key in values:
            raise ParamError(f"?{key}: given twice")
        if key not in declared:
            known = ", ".join(f"?{p}" for p in declared) or "none (no '# param:' line)"
            raise ParamError(f"?{key}: the query declares no such parameter; it declares {known}")
        if not value.strip():
            raise ParamError(f"?{key}: a value is needed")
        values[key] = value
    return example.bind(values)


_CHOICES = """
SELECT ?node (SAMPLE(?name) AS ?label) (COUNT(?use) AS ?uses) WHERE {
  VALUES ?from { %s }
  # uses: the articles mentioning a member of a class, the subjects having a property value
  { ?node a ?from OPTIONAL { ?use kg:mentions ?node } }
  UNION { ?node skos:inScheme ?from } UNION { ?use ?from ?node }
  ?node rdfs:label ?name .
  FILTER (!isLiteral(?name) || LANG(?name) = "" || LANGMATCHES(LANG(?name), "en"))
} GROUP BY ?node ORDER BY LCASE(STR(?label)) LIMIT 1000
"""


@dataclass(frozen=True)
class Offer:
    """What the graph offers for a parameter: ``(value, label)`` pairs in label order, and
    the value used most (the statements' most frequent speaker), or None."""

    pairs: list[tuple[str, str]]
    most_used: str | None = None
    """The value used most: the class member most articles mention, the property value
    most subjects have (the statements' most frequent speaker)."""

    def default_for(self, param: Param) -> str:
        """The value a form starts with: the parameter's default when the graph offers it
        (or offers nothing), else the most used value offered.  An example written for one
        corpus ("What did He Yadong say?") then answers on another."""
        values = {value for value, _ in self.pairs}
        if not values or param.shown in values:
            return param.shown
        return self.most_used or self.pairs[0][0]


def offer(store: ox.Store, param: Param) -> Offer:
    """The choices offered for a parameter: members of its class or scheme, or the values
    of its property (``kg:speaker``: the actors some statement is by).

    For an IRI parameter a value is the member's IRI; for a literal one, its label.
    """
    if param.choices_from is None:
        return Offer([])
    source = str(ox.NamedNode(param.choices_from))  # validated, so safe to write in
    results = store.query(_CHOICES % source, prefixes=PREFIXES, use_default_graph_as_union=True)
    assert isinstance(results, ox.QuerySolutions)
    pairs = []
    best: tuple[int, str] | None = None
    for row in results:
        node, label, uses = row["node"], row["label"], row["uses"]
        if isinstance(node, ox.NamedNode) and label is not None:
            value = node.value if param.kind == "iri" else label.value
            pairs.append((value, label.value))
            count = int(uses.value) if isinstance(uses, ox.Literal) else 0
            if count and (best is None or count > best[0]):
                best = (count, value)
    return Offer(pairs, best[1] if best else None)
