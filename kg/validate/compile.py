"""Compile a SHACL shapes graph into SPARQL queries for Oxigraph (the fast engine).

Every shape with a target becomes a few queries over the whole data graph, each returning
only the focus nodes (and values) that may violate it:

* a *value* query per shape for the constraints on each value node (``sh:class``,
  ``sh:datatype``, ``sh:in``, ``sh:or``..., see :mod:`.expressions`) and, for a property
  shape, ``sh:minCount 1`` / ``sh:maxCount 1`` (a lookup, and a second value that differs);
* a *count* query (``GROUP BY``) for other cardinalities and qualified value shapes;
* a *pair* query for ``sh:lessThan``/``sh:lessThanOrEquals``;
* one query per SHACL-SPARQL constraint: its ``SELECT`` with ``$this`` joined to the focus
  nodes instead of run once per focus node (what SHACL calls pre-binding).

So the cost is one pass of Oxigraph's indexes per query, whatever the number of focus nodes,
instead of one query per focus node.  Shapes that use a feature outside this subset raise
:class:`Unsupported`, and :func:`kg.validate.validate` falls back to pySHACL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any, TypedDict, cast

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS
from rdflib.term import BNode, Literal, Node, URIRef

from ..namespace import SH
from . import expressions as ex
from .checks import Check, CountCheck, PairCheck, SparqlCheck, ValueCheck
from .rewrite import rewrite_select
from .shapes import path_sparql
from .terms import sparql_term

Focus = Callable[[str], str]
"""A SPARQL group pattern binding the given variable to the focus nodes (maybe repeated)."""


class _Base(TypedDict):
    """The fields every check of one shape shares (see :class:`Check`)."""

    shape: Node
    severity: URIRef
    messages: tuple[Literal, ...]
    path: Node | None

_VARS = count()
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_VALUE_PARAMETERS = {
    SH["class"]: SH.ClassConstraintComponent, SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent, SH["in"]: SH.InConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent, SH.maxLength: SH.MaxLengthConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent, SH["or"]: SH.OrConstraintComponent,
    SH["and"]: SH.AndConstraintComponent, SH["not"]: SH.NotConstraintComponent,
    SH.xone: SH.XoneConstraintComponent, SH.node: SH.NodeConstraintComponent,
}
_RANGE_OPERATORS = {SH.minInclusive: ">=", SH.minExclusive: ">", SH.maxInclusive: "<=",
                    SH.maxExclusive: "<"}
# Parameters that describe a shape or belong to another parameter: nothing to check.
_INERT = {
    SH.name, SH.description, SH.message, SH.severity, SH.order, SH.group, SH.defaultValue,
    SH.path, SH.property, SH.deactivated, SH.flags, SH.qualifiedMinCount,
    SH.qualifiedMaxCount, SH.declare, SH.prefixes, *_TARGETS,
}


class Unsupported(Exception):
    """The shapes use a SHACL feature the SPARQL engine does not implement."""


def fresh(name: str) -> str:
    """A SPARQL variable name used nowhere else."""
    return f"?{name}_{next(_VARS)}"


@dataclass
class Compiler:
    """Turns the shapes graph into :class:`~kg.validate.checks.Check` objects."""

    shapes: rdflib.Graph
    subclasses: dict[Node, set[Node]]
    """Class -> its subclasses in the data (transitively), for ``sh:class`` and targets."""

    def closure(self, cls: Node) -> set[Node]:
        """``cls`` and its subclasses in the data graph."""
        return {cls} | self.subclasses.get(cls, set())

    def compile(self) -> list[Check]:
        """The checks of every shape that has a target."""
        checks: list[Check] = []
        for shape in sorted(self._targeted(), key=str):
            self._shape(shape, self._target_focus(shape), checks, depth=0)
        return checks

    # -- focus nodes -----------------------------------------------------------------------

    def _targeted(self) -> set[Node]:
        shapes = {s for t in _TARGETS for s in self.shapes.subjects(t, None)}
        class_types = {RDFS.Class} | set(self.shapes.subjects(RDFS.subClassOf, RDFS.Class))
        shapes |= {s for t in class_types for s in self.shapes.subjects(RDF.type, t)}
        return shapes

    def _target_focus(self, shape: Node) -> Focus:
        parts: list[Focus] = []
        classes = set(self.shapes.objects(shape, SH.targetClass))
        class_types = {RDFS.Class} | set(self.shapes.subjects(RDFS.subClassOf, RDFS.Class))
        if set(self.shapes.objects(shape, RDF.type)) & class_types:
            classes.add(shape)  # an implicit class target
        for cls in sorted(classes, key=str):
            parts.append(self._instances(cls))
        nodes = [n for n in self.shapes.objects(shape, SH.targetNode)]
        if nodes:
            names = " ".join(_term(n) for n in nodes)

            def listed(var: str, names: str = names) -> str:
                return f"VALUES {var} {{ {names} }}"

            parts.append(listed)
        for prop in self.shapes.objects(shape, SH.targetSubjectsOf):
            parts.append(_subjects_of(_term(prop)))
        for prop in self.shapes.objects(shape, SH.targetObjectsOf):
            parts.append(_objects_of(_term(prop)))
        if len(parts) == 1:
            return parts[0]
        return lambda var: " UNION ".join("{ " + part(var) + " }" for part in parts)

    def _instances(self, cls: Node) -> Focus:
        classes = sorted(self.closure(cls), key=str)
        if len(classes) == 1:
            return lambda var: f"{var} <{RDF.type}> {_term(classes[0])} ."
        names = " ".join(_term(c) for c in classes)

        def pattern(var: str) -> str:
            t = fresh("t")
            return f"{var} <{RDF.type}> {t} . VALUES {t} {{ {names} }}"
        return pattern

    # -- shapes ----------------------------------------------------------------------------

    def _shape(self, shape: Node, focus: Focus, checks: list[Check], depth: int) -> None:
        if depth > 8:
            raise Unsupported(f"shapes nested more than 8 deep at {shape}")
        if self._deactivated(shape):
            return
        path_node = self.shapes.value(shape, SH.path)
        path = path_sparql(self.shapes, path_node) if path_node is not None else None
        base: _Base = {"shape": shape, "severity": self._severity(shape),
                       "messages": tuple(sorted(self._messages(shape), key=str)), "path": path_node}
        self._check_parameters(shape)
        values = self._value_components(shape)
        counts = self._count_components(shape) if path is not None else {}
        # "at least one" and "at most one" value ride along with the value constraints
        simple = counts.keys() <= {"min_count", "max_count"} and \
            counts.get("min_count", 0) in (0, 1) and counts.get("max_count", 1) == 1
        if values or (counts and simple):
            checks.append(ValueCheck(
                **base, focus=focus, sparql_path=path, components=values,
                min_one=simple and counts.get("min_count") == 1,
                max_one=simple and counts.get("max_count") == 1))
        if path is not None:
            if counts and not simple:
                checks.append(CountCheck(**base, focus=focus, sparql_path=path, **counts))
            for param, strict in ((SH.lessThan, True), (SH.lessThanOrEquals, False)):
                for other in self.shapes.objects(shape, param):
                    if not isinstance(other, URIRef):
                        raise Unsupported(f"{param} must name a property")
                    checks.append(PairCheck(**base, focus=focus, sparql_path=path,
                                            other=str(other), strict=strict))
        elif self._has(shape, SH.lessThan, SH.lessThanOrEquals, SH.minCount, SH.maxCount):
            raise Unsupported(f"{shape}: a node shape with a property-shape parameter")
        for constraint in self.shapes.objects(shape, SH.sparql):
            checks.extend(self._sparql(shape, constraint, focus, path, base))
        for child in self.shapes.objects(shape, SH.property):
            self._shape(child, self._values_focus(focus, path), checks, depth + 1)

    def _values_focus(self, focus: Focus, path: str | None) -> Focus:
        if path is None:
            return focus

        def pattern(var: str) -> str:
            parent = fresh("p")
            return (f"{{ SELECT DISTINCT {var} WHERE {{ {focus(parent)} "
                    f"{parent} {path} {var} . }} }}")
        return pattern

    def _severity(self, shape: Node) -> URIRef:
        severity = self.shapes.value(shape, SH.severity)
        return severity if isinstance(severity, URIRef) else SH.Violation

    def _messages(self, node: Node) -> list[Literal]:
        return [m for m in self.shapes.objects(node, SH.message) if isinstance(m, Literal)]

    def _int(self, shape: Node, param: URIRef) -> int:
        value = self.shapes.value(shape, param)
        if not (isinstance(value, Literal) and isinstance(value.value, int)) or \
                isinstance(value.value, bool) or value.value < 0:
            raise ValueError(f"{param.n3(self.shapes.namespace_manager)} of {shape} must be a "
                             f"non-negative integer, not {value!r}")
        return value.value

    def _has(self, node: Node, *parameters: URIRef) -> bool:
        return any(self.shapes.value(node, p) is not None for p in parameters)

    def _deactivated(self, node: Node) -> bool:
        return any(isinstance(d, Literal) and d.value is True
                   for d in self.shapes.objects(node, SH.deactivated))

    def _check_parameters(self, shape: Node) -> None:
        known = (set(_VALUE_PARAMETERS) | _INERT | {SH.minCount, SH.maxCount, SH.lessThan,
                 SH.lessThanOrEquals, SH.sparql, SH.qualifiedValueShape})
        for prop in set(self.shapes.predicates(shape, None)):
            if str(prop).startswith(str(SH)) and prop not in known:
                raise Unsupported(f"{prop} (in {shape})")

    # -- components ------------------------------------------------------------------------

    def _value_components(self, shape: Node) -> list[tuple[URIRef, ex.Expr]]:
        found: list[tuple[URIRef, ex.Expr]] = []
        for param, component in _VALUE_PARAMETERS.items():
            for value in sorted(self.shapes.objects(shape, param), key=str):
                found.append((component, self._expr(shape, param, value)))
        return found

    def _expr(self, shape: Node, param: URIRef, value: Node) -> ex.Expr:
        if param == SH["class"]:
            # sh:class names IRIs (any other node is an rdflib str too, and sorts the same).
            return ex.class_of(cast("set[URIRef]", self.closure(value)))
        if param == SH.datatype:
            return ex.datatype(value)  # type: ignore[arg-type]
        if param == SH.nodeKind:
            return ex.node_kind(value)
        if param == SH["in"]:
            return ex.member_of(list(Collection(self.shapes, value)))
        if param in _RANGE_OPERATORS:
            return ex.compare(_RANGE_OPERATORS[param], value)  # type: ignore[arg-type]
        if param in (SH.minLength, SH.maxLength):
            return ex.length(self._int(shape, param), param == SH.minLength)
        if param == SH.pattern:
            flags = self.shapes.value(shape, SH.flags)
            if not ex.safe_regex(str(value)):
                raise Unsupported(f"sh:pattern {value} uses syntax Oxigraph may read otherwise")
            return ex.pattern(str(value), str(flags) if flags is not None else None)
        if param == SH.node:
            return self.conformance(value, 0)
        members = [self.conformance(s, 0) for s in Collection(self.shapes, value)] \
            if param != SH["not"] else []
        if param == SH["or"]:
            return ex.Or(members)
        if param == SH["and"]:
            return ex.And(members)
        if param == SH.xone:
            return ex.Xone(members)
        return ex.Not(self.conformance(value, 0))

    def _count_components(self, shape: Node) -> dict[str, Any]:
        # Keyword arguments of CountCheck: int bounds and the qualified ex.Expr.
        bounds: dict[str, Any] = {}
        for key, param in (("min_count", SH.minCount), ("max_count", SH.maxCount)):
            if self.shapes.value(shape, param) is not None:
                bounds[key] = self._int(shape, param)
        qualified = self.shapes.value(shape, SH.qualifiedValueShape)
        if qualified is not None:
            if self.shapes.value(shape, SH.qualifiedValueShapesDisjoint) is not None:
                raise Unsupported("sh:qualifiedValueShapesDisjoint")
            expr = self.conformance(qualified, 0)
            if not expr.exact:
                raise Unsupported("a qualified value shape with sh:datatype or a range")
            bounds["qualified"] = expr
            for key, param in (("qualified_min", SH.qualifiedMinCount),
                               ("qualified_max", SH.qualifiedMaxCount)):
                if self.shapes.value(shape, param) is not None:
                    bounds[key] = self._int(shape, param)
        return bounds

    def conformance(self, shape: Node, depth: int) -> ex.Expr:
        """Whether a node conforms to ``shape`` (used by sh:or, sh:node...), as an
        expression on that node."""
        if depth > 8:
            raise Unsupported(f"shapes nested more than 8 deep at {shape}")
        if self._deactivated(shape) or self._has(shape, SH.sparql):
            raise Unsupported(f"{shape}: SPARQL or sh:deactivated in a nested shape")
        self._check_parameters(shape)
        if self._has(shape, SH.lessThan, SH.lessThanOrEquals, SH.qualifiedValueShape):
            raise Unsupported(f"{shape}: property pairs or qualified shapes in a nested shape")
        own = [expr for _, expr in self._value_components(shape)]
        path_node = self.shapes.value(shape, SH.path)
        if path_node is None:
            children = [self.conformance(c, depth + 1)
                        for c in self.shapes.objects(shape, SH.property)]
            return ex.And(own + children)
        if self._has(shape, SH.property):
            raise Unsupported(f"{shape}: sh:property inside a nested property shape")
        return self._property_conformance(shape, path_sparql(self.shapes, path_node), own)

    def _property_conformance(self, shape: Node, path: str, own: list[ex.Expr]) -> ex.Expr:
        parts: list[ex.Expr] = []
        minimum = self._int(shape, SH.minCount) if self._has(shape, SH.minCount) else None
        maximum = self._int(shape, SH.maxCount) if self._has(shape, SH.maxCount) else None
        if minimum is not None and minimum > 0:
            if minimum != 1:
                raise Unsupported("sh:minCount above 1 in a nested shape")
            parts.append(ex.Leaf(f"EXISTS {{ {{v}} {path} {fresh('x')} }}"))
        if maximum is not None:
            if maximum != 1:
                raise Unsupported("sh:maxCount other than 1 in a nested shape")
            a, b = fresh("x"), fresh("x")
            parts.append(ex.Leaf(f"NOT EXISTS {{ {{v}} {path} {a} . {{v}} {path} {b} "
                                 f"FILTER (!sameTerm({a}, {b})) }}"))
        for expr in own:
            if not expr.exact:
                raise Unsupported("sh:datatype or a range inside a nested property shape")
            y = fresh("y")
            parts.append(ex.Leaf(f"NOT EXISTS {{ {{v}} {path} {y} FILTER (!{expr.lower(y)}) }}"))
        return ex.And(parts)

    def _sparql(self, shape: Node, constraint: Node, focus: Focus, path: str | None,
                base: _Base) -> list[Check]:
        if self._deactivated(constraint):
            return []
        select = self.shapes.value(constraint, SH.select)
        if select is None:
            raise Unsupported(f"{shape}: a SPARQL constraint without sh:select")
        prefixes = {str(self.shapes.value(d, SH.prefix)): str(self.shapes.value(d, SH.namespace))
                    for p in self.shapes.objects(constraint, SH.prefixes)
                    for d in self.shapes.objects(p, SH.declare)}
        query, projects_this = rewrite_select(str(select), prefixes, focus("?this"), path)
        extra = tuple(m for m in self._messages(constraint) if m not in base["messages"])
        return [SparqlCheck(**base, sparql_text=query, projects_this=projects_this,
                            extra_messages=extra, node_shape=path is None)]


def _subjects_of(prop: str) -> Focus:
    return lambda var: f"{var} {prop} {fresh('o')} ."


def _objects_of(prop: str) -> Focus:
    return lambda var: f"{fresh('s')} {prop} {var} ."


def _term(node: Node) -> str:
    if isinstance(node, BNode):
        raise Unsupported("a blank node as a target or class")
    return sparql_term(node)
