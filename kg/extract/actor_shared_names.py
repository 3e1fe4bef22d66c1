"""Generic names that one state's body also bears as its own name.

"Commerce Department" is the United States Department of Commerce in American English,
but it is also how machine translation renders the name of China's 商务部 (the Ministry of
Commerce): "The China Commerce Department spokesperson said ...", and a MOFCOM notice
signs "Commerce Department Customs General Administration".  Such a name is both a term
of a ``[[kind]]`` (kg/data/actors.toml) and an alias of the one body whose own name it is,
so it resolves by the state the text puts it in:

* with a state before or after it ("China Commerce Department", "the U.S. Commerce
  Department", "Commerce Department of China"): that state's body (the usual
  composition of :func:`kg.extract.actors._generic_body`);
* bare, in an article whose header publisher is a body of that kind ("publisher: Ministry
  of Commerce of the People's Republic of China"): the publisher, since an official notice
  names its issuer by the generic name;
* bare otherwise: the body whose name it is, as before ("The Commerce Department has
  opened investigations ..." in an American op-ed).
"""

from __future__ import annotations

import re

from .actor_context import ActorContext, Found, state_of
from .refdata import ActorAlias, GazMatch, tokenize

_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def shared_name_body(ctx: ActorContext, m: GazMatch, kind_id: str) -> Found | None:
    """The body a bare generic term that is also a listed body's own name names, or None
    when the term is no such name (it then refers back as any generic term does)."""
    alias = ctx.payload(m, ActorAlias)
    if alias is None or kind_id not in ctx.data.entries[alias.name].kinds:
        return None
    publisher = publisher_entry(ctx)
    name = alias.name
    if publisher is not None and kind_id in ctx.data.entries[publisher].kinds:
        name = publisher  # the notice's own issuer
    entry = ctx.data.entries[name]
    return Found(entry.name, entry.type, m.start, m.end, known=True, part_of=entry.part_of,
                 kinds=entry.kinds, state=state_of(ctx.data, entry.name), apposition=False)


def publisher_entry(ctx: ActorContext) -> str | None:
    """The listed actor the header's publisher names (less a remark in parentheses:
    "(website, translated)"), if any."""
    publisher = ctx.article.metadata.publisher
    if not publisher:
        return None
    publisher = _REMARK.sub("", publisher).strip() or publisher
    return ctx.data.alias_map.get(" ".join(t.key for t in tokenize(publisher)))
