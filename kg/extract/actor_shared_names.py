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
* bare, in an article that names the state elsewhere, the body of that state: the
  nearest earlier mention of the same name with a state ("China's Commerce Department adds
  28 US entities ..." in a headline, then "The Commerce Department on 2nd issued ..."), else
  the language a translator's note names ("machine translation from the Chinese version":
  ``[text].translation_notes`` of kg/data/triggers.toml; in the text, or in the header's
  publisher field: "publisher: Kurier Gospodarczy (machine translation from Polish)");
* bare otherwise: the body whose name it is, as before ("The Commerce Department has
  opened investigations ..." in an American op-ed).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .actor_context import ActorContext, Found, state_of, token_at
from .refdata import ActorAlias, Demonym, GazMatch, tokenize
from .triggers import load_triggers, words_regex

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
    else:
        state = article_state(ctx, alias.name, m.start)
        if state is not None and state != state_of(ctx.data, alias.name):
            local = ctx.data.body_name(kind_id, state)
            if local is not None and local not in ctx.data.entries:
                return Found(local, ctx.data.kinds[kind_id].type, m.start, m.end, known=False,
                             part_of=state, kinds=(kind_id,), state=state, apposition=False)
            name = local or name
    entry = ctx.data.entries[name]
    return Found(entry.name, entry.type, m.start, m.end, known=True, part_of=entry.part_of,
                 kinds=entry.kinds, state=state_of(ctx.data, entry.name), apposition=False)


def article_state(ctx: ActorContext, name: str, at: int) -> str | None:
    """The state the article puts the shared ``name`` in, for its bare mention at token
    ``at``: the nearest earlier mention of it with a state ("China's Commerce Department"),
    else the first later one, else the state of a translator's note's language."""
    before: str | None = None
    after: str | None = None
    for other in ctx.matches:
        if other.start == at:
            continue
        alias = ctx.payload(other, ActorAlias)
        if alias is None or alias.name != name:
            continue
        qualified = ctx.qualifier_before(other.start) or ctx.state_after(other.end, ("of",))
        if qualified is None:
            continue
        if other.start < at:
            before = qualified[0]
        elif after is None:
            after = qualified[0]
    return before or after or translated_from(ctx)


def translated_from(ctx: ActorContext) -> str | None:
    """The state whose language a translator's note names ("machine translation from the
    Chinese version", "translated from Japanese"), if the article has such a note, in its
    text or in its header's publisher field."""
    m = _translation_notes().search(ctx.text)
    if m is None:
        return _header_translation(ctx)
    i = token_at(ctx, m.end() + 1)
    if i is not None and ctx.key(i) == "the":
        i += 1
    if i is None:
        return None
    demonym = ctx.payload(ctx.match_at.get(i), Demonym)
    return demonym.state if demonym is not None else ctx.state_alias(ctx.match_at.get(i))


def _header_translation(ctx: ActorContext) -> str | None:
    """The state whose language the header's publisher field says the page was translated
    from ("publisher: Kurier Gospodarczy (machine translation from Polish)")."""
    publisher = ctx.article.metadata.publisher or ""
    m = _translation_notes().search(publisher)
    if m is None:
        return None
    tokens = tokenize(publisher[m.end():])
    start = 1 if tokens and tokens[0].key == "the" else 0
    for match in ctx.data.gazetteer.matches_at(tokens, start):
        for payload in match.payloads:
            if isinstance(payload, Demonym):
                return payload.state
    return None


@lru_cache(maxsize=1)
def _translation_notes() -> re.Pattern[str]:
    return words_regex(list(load_triggers().raw["text"].get("translation_notes", ())))


def publisher_entry(ctx: ActorContext) -> str | None:
    """The listed actor the header's publisher names (less a remark in parentheses:
    "(website, translated)"), if any."""
    publisher = ctx.article.metadata.publisher
    if not publisher:
        return None
    publisher = _REMARK.sub("", publisher).strip() or publisher
    return ctx.data.alias_map.get(" ".join(t.key for t in tokenize(publisher)))
