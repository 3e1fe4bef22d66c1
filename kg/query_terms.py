"""Terms of the ``kg:`` vocabulary a query names that the ontology does not define.

A misspelt property (``kg:issuedBy`` for ``kg:issuer``) is valid SPARQL: the query runs and
matches nothing, and the researcher sees an empty table, or an empty column under an
``OPTIONAL``, with no word of why.  The vocabulary is closed (``ontology/kg.ttl``, mirrored by
:data:`kg.namespace.KG_TERMS`), so a name in its namespace that it lacks is certainly a
mistake, and the closest defined term is most often the one meant.  This is advice for the
people reading results (``kg query``, the query page); the SPARQL endpoint answers as the
protocol says, without it.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .namespace import KG, KG_TERMS, PREFIXES
from .sparql_text import named_iris

_BY_LOWER = {term.lower(): term for term in KG_TERMS}


def unknown_terms(query: str, prefixes: Mapping[str, str] = PREFIXES) -> list[str]:
    """One note per distinct ``kg:`` name in ``query`` that the ontology does not define,
    in order of appearance, each with the defined term it most resembles when one does
    ("kg:issuedBy is not a term of the kg ontology; did you mean kg:issuer?").

    ``prefixes`` are those predeclared for the query (the text's own ``PREFIX`` lines
    are read too, so ``PREFIX k: <...ontology#>`` and full IRIs are checked alike).
    """
    namespace = str(KG)
    notes: list[str] = []
    seen: set[str] = set()
    for token, iri in named_iris(query, prefixes):
        if not iri.startswith(namespace) or iri in seen:
            continue
        seen.add(iri)
        local = iri[len(namespace):]
        if not local or local in KG_TERMS:  # "kg:" alone names the namespace (STRSTARTS)
            continue
        written = token.text if token.kind == "pname" else f"kg:{local}"
        notes.append(f"{written} is not a term of the kg ontology" + _suggestion(local))
    return notes


def _suggestion(local: str) -> str:
    """``; did you mean kg:X?`` for the defined term closest to ``local``, else ``""``."""
    if local.lower() in _BY_LOWER:  # only the case differs: IRIs are case-sensitive
        return f"; did you mean kg:{_BY_LOWER[local.lower()]}?"
    close = difflib.get_close_matches(local.lower(), list(_BY_LOWER), n=1, cutoff=0.6)
    if not close:
        return " (its terms are listed in ontology/kg.ttl)"
    return f"; did you mean kg:{_BY_LOWER[close[0]]}?"
