"""Rewrite a SHACL-SPARQL ``SELECT`` so that one query checks every focus node.

SHACL runs a constraint's query once per focus node with ``$this`` pre-bound.  With the
restrictions SHACL puts on those queries (no ``MINUS``, ``VALUES`` or ``SERVICE``, nested
``SELECT`` must project ``$this``), pre-binding is the same as joining the query's pattern
with the set of focus nodes, which is what this module does: the focus pattern goes first
in the ``WHERE`` group, and ``?this`` is added to the projection so each row says whose it
is.  (``$this`` and ``?this`` are the same variable in SPARQL.)
"""

from __future__ import annotations

import re

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_SELECT = re.compile(r"\bSELECT\b(\s+(DISTINCT|REDUCED)\b)?", re.IGNORECASE)
# as pySHACL tells them from prefixed names such as ex:allowedValues
_FORBIDDEN = re.compile(r"(?<![\w\-:])(MINUS|VALUES|SERVICE)\b|[?$](shapesGraph|currentShape)\b",
                        re.IGNORECASE)
_AGGREGATE = re.compile(r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(|\bGROUP\s+BY\b",
                        re.IGNORECASE)
_GROUP_BY_THIS = re.compile(r"\bGROUP\s+BY\b[^{}]*[?$]this\b", re.IGNORECASE)
_PATH = re.compile(r"([\s{}()])[$?]PATH\b")


def rewrite_select(select: str, prefixes: dict[str, str], focus: str,
                   path: str | None) -> tuple[str, bool]:
    """The query checking all focus nodes at once, and whether the original projected
    ``$this``.  ``focus`` is a group pattern binding ``?this``; ``path`` replaces
    ``$PATH``.  Raises :class:`~kg.validate.compile.Unsupported` for queries whose meaning
    would change (aggregates not grouped by ``$this``, ``$shapesGraph``...)."""
    from .compile import Unsupported

    body = _strip(select)
    if _FORBIDDEN.search(body):
        raise Unsupported("a SPARQL constraint with MINUS, VALUES, SERVICE, $shapesGraph or "
                          "$currentShape")
    aggregates = bool(_AGGREGATE.search(body))
    if aggregates and not _GROUP_BY_THIS.search(body):
        raise Unsupported("a SPARQL constraint that aggregates without GROUP BY $this")
    if path is not None:
        select = _PATH.sub(lambda m: m.group(1) + path, select)
    elif _PATH.search(body):
        raise Unsupported("$PATH in the SPARQL constraint of a node shape")
    brace = _first_brace(select)
    head = select[:brace]
    match = None
    for candidate in _SELECT.finditer(head):
        if _strip(head[: candidate.start()]).count("{") == 0:
            match = candidate
    if match is None:
        raise Unsupported("a SPARQL constraint that is not a SELECT query")
    projection = _strip(head[match.end():])
    projects_this = (bool(re.search(r"[?$]this\b", projection))
                     or projection.lstrip().startswith("*"))
    if not projects_this:
        head = head[: match.end()] + " ?this" + head[match.end():]
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
    # A focus node typed twice (in two graphs) repeats rows, which the findings absorb;
    # only counts need each focus node once.
    first = f"{{ SELECT DISTINCT ?this WHERE {{ {focus} }} }}" if aggregates else f"{{ {focus} }}"
    query = f"{declared}{head}{{ {first} {select[brace + 1:]}"
    return query, projects_this


def _first_brace(text: str) -> int:
    """Index of the first ``{`` outside strings, IRIs and comments."""
    masked = _strip(text)
    index = masked.find("{")
    if index < 0:
        from .compile import Unsupported

        raise Unsupported("a SPARQL constraint without a WHERE clause")
    return index


def _strip(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (same length, same offsets)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif c in "\"'":
            quote = text[i: i + 3] if text[i: i + 3] in ('"""', "'''") else c
            end = i + len(quote)
            while end < n and not text.startswith(quote, end):
                end += 2 if text[end] == "\\" else 1
            end = min(n, end + len(quote))
        elif c == "<" and (m := _IRIREF.match(text, i)):
            end = m.end()
        else:
            i += 1
            continue
        for k in range(i, end):
            if out[k] != "\n":
                out[k] = " "
        i = end
    return "".join(out)
