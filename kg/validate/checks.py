"""The queries the fast engine runs, and how their rows become findings.

A check is one SPARQL query over the data graph (the union of the named graphs) plus the
rule that turns each row into :class:`~kg.validate.findings.Finding` objects.  Rows are the
focus nodes (and values) that may violate the shape; most are violations as they stand,
and the few that SPARQL cannot decide alone are decided in Python with pySHACL's rules
(:mod:`.expressions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import cast

import pyoxigraph as ox
from rdflib.term import Literal, Node, URIRef

from ..namespace import SH
from . import expressions as ex
from .findings import Finding
from .shapes import compact
from .terms import rdflib_term

Focus = Callable[[str], str]


@dataclass
class Check:
    """One query and what its rows mean."""

    shape: Node
    severity: URIRef
    messages: tuple[Literal, ...]
    path: Node | None
    """The shape's ``sh:path`` node (the result path), ``None`` for a node shape."""

    @property
    def sparql(self) -> str:
        """The query."""
        raise NotImplementedError

    def findings(self, rows: Sequence[ox.QuerySolution], names: set[str]) -> Iterator[Finding]:
        """The findings of the query's rows (``names``: the query's variables)."""
        raise NotImplementedError

    def finding(self, focus: Node, component: URIRef, value: Node | None = None) -> Finding:
        """A finding of this check's shape (with a message of ours if it has none)."""
        messages = self.messages or (Literal(f"Does not satisfy {compact(str(component))}"
                                             .removesuffix("ConstraintComponent")),)
        return Finding(shape=self.shape, focus=focus, severity=self.severity,
                       component=component, path=self.path, value=value, messages=messages)


@dataclass
class ValueCheck(Check):
    """The constraints on each value node of a shape (on the focus node of a node shape),
    and, for a property shape, "at least one" / "at most one" value, in one pass."""

    focus: Focus = field(repr=False, default=lambda var: "")
    sparql_path: str | None = None
    components: list[tuple[URIRef, ex.Expr]] = field(default_factory=list)
    min_one: bool = False
    """sh:minCount 1: a focus node without a value is a result."""
    max_one: bool = False
    """sh:maxCount 1: a focus node with two values is a result."""

    @property
    def sparql(self) -> str:
        path, value = self.sparql_path, "?this" if self.sparql_path is None else "?v"
        flags = " ".join(f"?c{i}" for i in range(len(self.components)))
        failing = [f"!?c{i}" for i in range(len(self.components))]
        if path is None:
            reach = ""
            binds = " ".join(f"BIND ({expr.lower(value)} AS ?c{i})"
                             for i, (_, expr) in enumerate(self.components))
        else:
            second = (f" OPTIONAL {{ ?this {path} ?b FILTER (!sameTerm(?v, ?b)) }}"
                      if self.max_one else "")
            reach = f"OPTIONAL {{ ?this {path} ?v .{second} }}"
            binds = " ".join(f"BIND (IF(BOUND(?v), {expr.lower(value)}, true) AS ?c{i})"
                             for i, (_, expr) in enumerate(self.components))
            failing += (["!BOUND(?v)"] if self.min_one else []) + \
                (["BOUND(?b)"] if self.max_one else [])
            flags = f"?v {'?b ' if self.max_one else ''}{flags}"
        inner = (f"SELECT DISTINCT ?this {flags} WHERE {{ {self.focus('?this')} {reach} "
                 f"{binds} FILTER ({' || '.join(failing) or 'false'}) }}")
        leaves = self._open_leaves()
        if not leaves:
            return inner
        # Exact leaves of the components SPARQL cannot decide alone, for Python to combine.
        leaf_binds = " ".join(f"BIND ({leaf.lower(value)} AS ?l{leaf.id})" for leaf in leaves)
        names = " ".join(f"?l{leaf.id}" for leaf in leaves)
        return f"SELECT ?this {flags} {names} WHERE {{ {{ {inner} }} {leaf_binds} }}"

    def _open_leaves(self) -> list[ex.Leaf]:
        return [leaf for _, expr in self.components if not expr.exact
                for leaf in expr.leaves() if leaf.exact]

    def findings(self, rows: Sequence[ox.QuerySolution], names: set[str]) -> Iterator[Finding]:
        leaves = self._open_leaves()
        seen: set[tuple[Node, URIRef, Node | None]] = set()
        for row in rows:
            focus = rdflib_term(row["this"])
            if self.sparql_path is None:
                value: Node | None = focus
            else:
                value = rdflib_term(row["v"]) if row["v"] is not None else None
                counts = ((value is None and self.min_one, SH.MinCountConstraintComponent),
                          (self.max_one and row["b"] is not None, SH.MaxCountConstraintComponent))
                for failed, component in counts:
                    if failed and (focus, component, None) not in seen:
                        seen.add((focus, component, None))
                        yield self.finding(focus, component)
                if value is None:
                    continue
            flags = {leaf.id: _true(row[f"l{leaf.id}"]) for leaf in leaves}
            for i, (component, expr) in enumerate(self.components):
                if _true(row[f"c{i}"]) or (focus, component, value) in seen:
                    continue
                # value is the focus, or a row's value (a missing one went on above).
                if expr.exact or not expr.evaluate(cast(Node, value), flags):
                    seen.add((focus, component, value))
                    yield self.finding(focus, component, value)


@dataclass
class CountCheck(Check):
    """``sh:minCount``, ``sh:maxCount`` and qualified value counts of a property shape."""

    focus: Focus = field(repr=False, default=lambda var: "")
    sparql_path: str = ""
    min_count: int | None = None
    max_count: int | None = None
    qualified: ex.Expr | None = None
    qualified_min: int | None = None
    qualified_max: int | None = None

    @property
    def sparql(self) -> str:
        path, focus = self.sparql_path, self.focus("?this")
        if self.qualified is None and self.min_count in (None, 0, 1) and \
                self.max_count in (None, 1):
            # At least one value: a lookup; at most one: a second value differs from the
            # first.  Much cheaper than counting every focus node's values.
            if self.max_count is None:
                return (f"SELECT DISTINCT ?this WHERE {{ {focus} "
                        f"FILTER NOT EXISTS {{ ?this {path} ?a }} }}")
            if not self.min_count:
                return (f"SELECT DISTINCT ?this ?a ?b WHERE {{ {focus} ?this {path} ?a . "
                        f"?this {path} ?b FILTER (!sameTerm(?a, ?b)) }}")
            return (f"SELECT DISTINCT ?this ?a ?b WHERE {{ {focus} OPTIONAL {{ "
                    f"?this {path} ?a OPTIONAL {{ ?this {path} ?b FILTER (!sameTerm(?a, ?b)) }} "
                    f"}} FILTER (!BOUND(?a) || BOUND(?b)) }}")
        conditions, counts = [], []
        if self.min_count is not None or self.max_count is not None:
            counts.append(f"OPTIONAL {{ ?this {self.sparql_path} ?v }}")
            if self.min_count is not None:
                conditions.append(f"COUNT(DISTINCT ?v) < {self.min_count}")
            if self.max_count is not None:
                conditions.append(f"COUNT(DISTINCT ?v) > {self.max_count}")
        if self.qualified is not None:
            counts.append(f"OPTIONAL {{ ?this {self.sparql_path} ?q "
                          f"FILTER ({self.qualified.lower('?q')}) }}")
            if self.qualified_min is not None:
                conditions.append(f"COUNT(DISTINCT ?q) < {self.qualified_min}")
            if self.qualified_max is not None:
                conditions.append(f"COUNT(DISTINCT ?q) > {self.qualified_max}")
        if not conditions:
            return "SELECT ?this ?n ?nq WHERE { FILTER (false) }"
        return (f"SELECT ?this (COUNT(DISTINCT ?v) AS ?n) (COUNT(DISTINCT ?q) AS ?nq) WHERE {{ "
                f"{self.focus('?this')} {' '.join(counts)} }} GROUP BY ?this "
                f"HAVING ({' || '.join(conditions)})")

    def findings(self, rows: Sequence[ox.QuerySolution], names: set[str]) -> Iterator[Finding]:
        seen: set[tuple[Node, URIRef]] = set()
        for row in rows:
            focus = rdflib_term(row["this"])
            if "n" not in names:  # the lookups of at most one / at least one value
                bad = (SH.MinCountConstraintComponent if "b" not in names or row["a"] is None
                       else SH.MaxCountConstraintComponent)
                if (focus, bad) not in seen:
                    seen.add((focus, bad))
                    yield self.finding(focus, bad)
                continue
            n, nq = int(row["n"].value), int(row["nq"].value)
            tests = ((self.min_count, n, True, SH.MinCountConstraintComponent),
                     (self.max_count, n, False, SH.MaxCountConstraintComponent),
                     (self.qualified_min, nq, True, SH.QualifiedMinCountConstraintComponent),
                     (self.qualified_max, nq, False, SH.QualifiedMaxCountConstraintComponent))
            for bound, found, at_least, component in tests:
                if bound is not None and (found < bound if at_least else found > bound):
                    yield self.finding(focus, component)


@dataclass
class PairCheck(Check):
    """``sh:lessThan`` / ``sh:lessThanOrEquals``: each value against each value of
    another property of the focus node."""

    focus: Focus = field(repr=False, default=lambda var: "")
    sparql_path: str = ""
    other: str = ""
    strict: bool = False

    @property
    def sparql(self) -> str:
        op = "<" if self.strict else "<="
        return (f"SELECT DISTINCT ?this ?v ?w WHERE {{ {self.focus('?this')} "
                f"?this {self.sparql_path} ?v . ?this <{self.other}> ?w . "
                f"FILTER (!COALESCE(?v {op} ?w, false)) }}")

    def findings(self, rows: Sequence[ox.QuerySolution], names: set[str]) -> Iterator[Finding]:
        component = (SH.LessThanConstraintComponent if self.strict
                     else SH.LessThanOrEqualsConstraintComponent)
        for row in rows:
            value, other = rdflib_term(row["v"]), rdflib_term(row["w"])
            if not ex.pair_matches(value, other, self.strict):
                yield self.finding(rdflib_term(row["this"]), component, value)


@dataclass
class SparqlCheck(Check):
    """A SHACL-SPARQL constraint (``sh:sparql [ sh:select ... ]``), joined to the focus
    nodes; rows become results as pySHACL makes them."""

    sparql_text: str = ""
    projects_this: bool = True
    extra_messages: tuple[Literal, ...] = ()
    node_shape: bool = True

    @property
    def sparql(self) -> str:
        return self.sparql_text

    def findings(self, rows: Sequence[ox.QuerySolution], names: set[str]) -> Iterator[Finding]:
        failed: set[Node] = set()
        for row in rows:
            bound = {name: rdflib_term(row[name]) for name in sorted(names)
                     if row[name] is not None}
            focus = bound.pop("this")
            default_value = focus if self.node_shape else None
            if bound.pop("failure", None) is not None:
                if focus not in failed:
                    failed.add(focus)
                    yield self._result(focus, None, default_value, bound)
                continue
            path, value = bound.pop("path", None), bound.pop("value", None)
            if path is None and value is None and not self.projects_this:
                continue  # pySHACL ignores a row that binds none of them
            yield self._result(focus, path, value if value is not None else default_value,
                               bound)

    def _result(self, focus: Node, path: Node | None, value: Node | None,
                others: dict[str, Node]) -> Finding:
        variables = dict(others)
        for name, term in (("this", focus), ("path", path), ("value", value)):
            if term is not None:
                variables[name] = term
        messages = tuple(Literal(_fill(str(m), variables))
                         for m in (*self.extra_messages, *self.messages))
        return Finding(shape=self.shape, focus=focus, severity=self.severity,
                       component=SH.SPARQLConstraintComponent,
                       path=path if path is not None else self.path, value=value,
                       messages=messages)


def _fill(message: str, variables: dict[str, Node]) -> str:
    """Replace ``{?var}`` and ``{$var}`` in a message by the variable's value."""
    for name, term in variables.items():

        def value(_m: re.Match[str], t: Node = term) -> str:
            return str(t)

        message = re.sub(r"\{[?$]" + re.escape(name) + r"\}", value, message)
    return message


def _true(term: object) -> bool:
    return isinstance(term, ox.Literal) and term.value == "true"
