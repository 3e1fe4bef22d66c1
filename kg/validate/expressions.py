"""Value constraints as expressions: SPARQL for Oxigraph, Python where SPARQL is not exact.

A constraint on a value node (``sh:class``, ``sh:datatype``, ``sh:in``, ``sh:or``...) becomes
an :class:`Expr` tree.  Each node gives two SPARQL boolean expressions over the value
variable, never raising an error: :meth:`Expr.lower` (true only if the value conforms) and
:meth:`Expr.upper` (false only if it does not).  For most constraints they are the same, and
SPARQL alone decides.  Where SPARQL and pySHACL could disagree (is ``"2026-02-30"^^xsd:date``
well-typed? how do a string and a number compare?), the query keeps every value that SPARQL
cannot prove conforming, and :meth:`Expr.evaluate` decides in Python with pySHACL's own rules.
Those candidates are rare (the defects), so the exact check costs nothing on a valid graph.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import count

from pyshacl.rdfutil.compare import compare_literal
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import BNode, Literal, Node, URIRef

from ..namespace import SH
from .terms import sparql_term

_LEAF_IDS = count()

# Lexical forms that are certainly well-typed for rdflib as for Oxigraph.  A value matching
# none of them is not rejected: it is checked in Python (see DatatypeLeaf.evaluate).
_SURE_LEXICAL = {
    XSD.integer: r"^[+-]?[0-9]+$",
    XSD.decimal: r"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
    XSD.boolean: r"^(true|false|1|0)$",
    # years 0001-9999: Python's dates (rdflib's) have no year 0 nor five digits
    XSD.date: r"^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-[0-9]{2}-[0-9]{2}$",
}
# Datatypes rdflib parses into Python values but never reports as ill-typed: any lexical
# form passes pySHACL's sh:datatype (checking the form is a shape's job, e.g. dates).
_UNCHECKED = (XSD.gYear, XSD.gYearMonth, XSD.anyURI)


class Expr:
    """A boolean condition on one value node (see the module docstring)."""

    exact: bool = True

    def lower(self, v: str) -> str:
        """SPARQL, true only if the value in variable ``v`` conforms."""
        raise NotImplementedError

    def upper(self, v: str) -> str:
        """SPARQL, false only if the value in variable ``v`` does not conform."""
        return self.lower(v) if self.exact else "true"

    def leaves(self) -> list[Leaf]:
        """The leaves of the tree."""
        raise NotImplementedError

    def evaluate(self, value: Node, flags: dict[int, bool]) -> bool:
        """Whether ``value`` conforms; ``flags`` are the SPARQL results of the exact leaves."""
        raise NotImplementedError


@dataclass(eq=False)
class Leaf(Expr):
    """A condition SPARQL decides exactly: ``template`` with ``{v}`` for the variable."""

    template: str
    id: int = field(default_factory=lambda: next(_LEAF_IDS))

    def lower(self, v: str) -> str:
        return f"COALESCE({self.template.replace('{v}', v)}, false)"

    def leaves(self) -> list[Leaf]:
        return [self]

    def evaluate(self, value: Node, flags: dict[int, bool]) -> bool:
        return flags[self.id]


@dataclass(eq=False)
class PythonLeaf(Leaf):
    """A condition decided in Python on the candidates SPARQL leaves open."""

    exact = False
    upper_template: str = "true"
    check: Callable[[Node], bool] = field(default=lambda value: True)

    def upper(self, v: str) -> str:
        return f"COALESCE({self.upper_template.replace('{v}', v)}, false)"

    def evaluate(self, value: Node, flags: dict[int, bool]) -> bool:
        return self.check(value)


@dataclass(eq=False)
class And(Expr):
    items: list[Expr]

    def __post_init__(self) -> None:
        self.exact = all(i.exact for i in self.items)

    def lower(self, v: str) -> str:
        return "(" + " && ".join(i.lower(v) for i in self.items) + ")" if self.items else "true"

    def upper(self, v: str) -> str:
        return "(" + " && ".join(i.upper(v) for i in self.items) + ")" if self.items else "true"

    def leaves(self) -> list[Leaf]:
        return [leaf for i in self.items for leaf in i.leaves()]

    def evaluate(self, value: Node, flags: dict[int, bool]) -> bool:
        return all(i.evaluate(value, flags) for i in self.items)


@dataclass(eq=False)
class Or(Expr):
    items: list[Expr]

    def __post_init__(self) -> None:
        self.exact = all(i.exact for i in self.items)

    def lower(self, v: str) -> str:
        return "(" + " || ".join(i.lower(v) for i in self.items) + ")" if self.items else "false"

    def upper(self, v: str) -> str:
        return "(" + " || ".join(i.upper(v) for i in self.items) + ")" if self.items else "false"

    def leaves(self) -> list[Leaf]:
        return [leaf for i in self.items for leaf in i.leaves()]

    def evaluate(self, value: Node, flags: dict[int, bool]) -> bool:
        return any(i.evaluate(value, flags) for i in self.items)


@dataclass(eq=False)
class Not(Expr):
    item: Expr

    def __post_init__(self) -> None:
        self.exact = self.item.exact

    def lower(self, v: str) -> str:
        return f"!{self.item.upper(v)}"

    def upper(self, v: str) -> str:
        return f"!{self.item.lower(v)}"

    def leaves(self) -> list[Leaf]:
        return self.item.leaves()

    def evaluate(self, value: Node, flags: dict[int, bool]) -> bool:
        return not self.item.evaluate(value, flags)


@dataclass(eq=False)
class Xone(Expr):
    items: list[Expr]

    def __post_init__(self) -> None:
        self.exact = all(i.exact for i in self.items)

    def lower(self, v: str) -> str:
        if not self.exact:
            return "false"
        return "(" + " + ".join(f"IF({i.lower(v)}, 1, 0)" for i in self.items) + " = 1)"

    def upper(self, v: str) -> str:
        return self.lower(v) if self.exact else "true"

    def leaves(self) -> list[Leaf]:
        return [leaf for i in self.items for leaf in i.leaves()]

    def evaluate(self, value: Node, flags: dict[int, bool]) -> bool:
        return sum(1 for i in self.items if i.evaluate(value, flags)) == 1


# -- leaves of SHACL Core ----------------------------------------------------------------


def node_kind(kind: Node) -> Leaf:
    """``sh:nodeKind``."""
    tests: dict[Node, str] = {
        SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
        SH.BlankNodeOrIRI: "!isLiteral({v})", SH.BlankNodeOrLiteral: "!isIRI({v})",
        SH.IRIOrLiteral: "!isBlank({v})",
    }
    return Leaf(tests.get(kind, "false"))


def class_of(classes: set[URIRef]) -> Leaf:
    """``sh:class``: typed with the class or one of its subclasses (``classes``)."""
    if len(classes) == 1:
        return Leaf(f"EXISTS {{ {{v}} <{RDF.type}> {sparql_term(next(iter(classes)))} }}")
    names = " ".join(sparql_term(c) for c in sorted(classes))
    var = f"?class_{next(_LEAF_IDS)}"
    return Leaf(f"EXISTS {{ {{v}} <{RDF.type}> {var} VALUES {var} {{ {names} }} }}")


def member_of(values: list[Node]) -> Leaf:
    """``sh:in``: the same RDF term as one of ``values``."""
    if not values:
        return Leaf("false")
    return Leaf("(" + " || ".join(f"sameTerm({{v}}, {sparql_term(t)})" for t in values) + ")")


def length(bound: int, at_least: bool) -> Leaf:
    """``sh:minLength`` / ``sh:maxLength`` (a blank node never has a length)."""
    if at_least and bound <= 0:
        return Leaf("true")
    op = ">=" if at_least else "<="
    return Leaf(f"(!isBlank({{v}}) && STRLEN(STR({{v}})) {op} {bound})")


def pattern(regex: str, flags: str | None) -> Leaf:
    """``sh:pattern`` (with ``sh:flags``), on the lexical form; blank nodes fail."""
    args = f"{sparql_term(Literal(regex))}" + (f", {sparql_term(Literal(flags))}" if flags else "")
    return Leaf(f"(!isBlank({{v}}) && REGEX(STR({{v}}), {args}))")


def datatype(expected: URIRef) -> Expr:
    """``sh:datatype``, with pySHACL's notion of an ill-typed literal."""
    if expected == RDFS.Literal:
        return Leaf("isLiteral({v})")
    if expected == XSD.string:
        # rdflib's plain literal is an xsd:string; a language-tagged one is not.
        return Leaf(f"(isLiteral({{v}}) && sameTerm(DATATYPE({{v}}), <{XSD.string}>))")
    if expected == RDF.langString:
        return Leaf('(isLiteral({v}) && LANG({v}) != "")')
    match = f"(isLiteral({{v}}) && sameTerm(DATATYPE({{v}}), {sparql_term(expected)}))"
    if expected in _UNCHECKED:
        return Leaf(match)
    sure = _SURE_LEXICAL.get(expected)
    lower = f"({match} && REGEX(STR({{v}}), \"{sure}\"))" if sure else "false"
    if expected == XSD.date:  # the form alone does not make a day of the calendar
        cast = f"<{XSD.date}>(STR({{v}}))"
        lower = f"({lower} && {cast} = {cast})"
    return PythonLeaf(lower, upper_template=match,
                      check=lambda value: datatype_matches(value, expected))


def compare(op: str, bound: Literal) -> Expr:
    """``sh:minInclusive`` (``>=``), ``sh:minExclusive`` (``>``), ``sh:maxInclusive``
    (``<=``), ``sh:maxExclusive`` (``<``) against ``bound``, as pySHACL compares."""
    sure = f"{{v}} {op} {sparql_term(bound)}"
    return PythonLeaf(sure, check=lambda value: range_matches(value, op, bound))


# -- pySHACL's rules, for the candidates -------------------------------------------------


def datatype_matches(value: Node, expected: URIRef) -> bool:
    """pySHACL's sh:datatype test (``DatatypeConstraintComponent``)."""
    if not isinstance(value, Literal) or value.datatype != expected:
        return False
    if getattr(value, "ill_typed", None) is True:
        return False
    python = value.value
    checks: dict[URIRef, Callable[[object], bool]] = {
        XSD.integer: lambda x: isinstance(x, int),
        XSD.decimal: lambda x: isinstance(x, Decimal),
        XSD.float: lambda x: isinstance(x, float),
        XSD.boolean: lambda x: isinstance(x, bool),
        XSD.date: lambda x: isinstance(x, dt.date),
        XSD.time: lambda x: isinstance(x, dt.time),
        XSD.dateTime: lambda x: isinstance(x, dt.datetime),
    }
    check = checks.get(expected)
    return check(python) if check is not None else True


def range_matches(value: Node, op: str, bound: Literal) -> bool:
    """pySHACL's value range test (``MinInclusiveConstraintComponent`` and its kin)."""
    if isinstance(value, BNode | URIRef) or not isinstance(value, Literal):
        return False
    if isinstance(bound.value, str) != isinstance(value.value, str):
        return False
    try:
        order = compare_literal(value, bound)
    except (TypeError, NotImplementedError):
        return False
    return {">=": order >= 0, ">": order > 0, "<=": order <= 0, "<": order < 0}[op]


def pair_matches(value: Node, other: Node, strict: bool) -> bool:
    """pySHACL's sh:lessThan / sh:lessThanOrEquals test for one pair of values."""
    def plain(term: Node) -> tuple[bool, object]:
        if isinstance(term, URIRef):
            return True, str(term)
        if isinstance(term, Literal) and isinstance(term.value, str):
            return True, term.value
        return False, term

    if isinstance(value, BNode) or isinstance(other, BNode):
        return False
    (a_str, a), (b_str, b) = plain(value), plain(other)
    if a_str != b_str:
        return False
    try:
        return bool(a < b) if strict else bool(a <= b)  # type: ignore[operator]
    except TypeError:
        return False


def safe_regex(text: str) -> bool:
    """True when ``text`` is a regular expression both engines read alike (no lookaround,
    back-reference or possessive syntax Rust's regex lacks)."""
    return re.search(r"\(\?[=!<]|\\[1-9]|[*+?}]\+", text) is None
