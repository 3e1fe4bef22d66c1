"""An embassy named without its host ("the Chinese embassy") gets the host once the article
is read, in place, on its own mention: the mention is held, not its position in the list of
found names, which later steps shorten (a publisher placed in the text drops the names
found inside it)."""

from __future__ import annotations

from collections import Counter

from kg.extract.actor_bodies import embassy_host
from kg.extract.actor_context import ActorContext, Found, Pending
from kg.model import ActorType, Article

TEXT = "Japan. The East Asia Observer said the Chinese embassy and Taro Aso met."


def test_the_hostless_embassy_is_named_on_its_own_mention_after_the_list_shrinks() -> None:
    ctx = ActorContext(Article("t.txt", TEXT))
    japan = Found("Japan", ActorType.STATE, 0, 1, known=True, state="Japan")
    inside = Found("East Asia", ActorType.ORGANIZATION, 3, 5, known=False)
    embassy = Found("Embassy of China", ActorType.GOVERNMENT_BODY, 9, 11, known=False,
                    state="China")
    person = Found("Taro Aso", ActorType.PERSON, 12, 14, known=True)
    ctx.found = [japan, inside, embassy, person]
    item = Pending("embassy", 9, 11, kind="embassy", state="China", found=embassy)
    ctx.found.remove(inside)  # the publisher's name took its place
    embassy_host(ctx, item, Counter({"Japan": 2, "China": 1}))
    assert embassy.name == "Embassy of China in Japan"
    assert person.name == "Taro Aso" and person.type is ActorType.PERSON
