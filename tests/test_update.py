"""kg.update: updates only with the token, applied to a new generation, never in place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.errors import ProtocolError, UsageError
from kg.store import Store
from kg.update import MIN_TOKEN_LENGTH, apply_update, authorize, read_token

TOKEN = "s3cret-token-of-some-length"
INSERT = 'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> rdfs:label "x" } }'


@pytest.fixture
def store(tmp_path: Path, small_trig: Path, make_store: Callable[..., Path]) -> Store:
    return Store(make_store(tmp_path / "store", small_trig))


def test_token_is_the_first_line_of_its_file(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text(f"  {TOKEN}  \nignored\n", encoding="utf-8")
    assert read_token(path) == TOKEN


@pytest.mark.parametrize("text", ["", "short\n", "x" * (MIN_TOKEN_LENGTH - 1)])
def test_a_missing_or_guessable_token_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "token"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError):
        read_token(path)


def test_an_unreadable_token_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read"):
        read_token(tmp_path / "missing")


@pytest.mark.parametrize(
    "header", [None, "", "Bearer", f"Basic {TOKEN}", "Bearer wrong-token-wrong-token",
               f"Bearer {TOKEN}x"],
)
def test_anything_but_the_bearer_token_is_401(header: str | None) -> None:
    with pytest.raises(ProtocolError) as info:
        authorize(header, TOKEN)
    assert info.value.status == 401
    assert info.value.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_bearer_token_is_accepted() -> None:
    authorize(f"Bearer {TOKEN}", TOKEN)
    authorize(f"bearer   {TOKEN} ", TOKEN)


def test_an_update_becomes_a_new_generation(store: Store) -> None:
    before_path = store.current_path()
    before = len(store.open())
    reader = store.open()
    apply_update(store, INSERT)
    assert len(store.open()) == before + 1
    assert store.current_path() != before_path
    assert len(reader) == before, "a reader of the old generation is not changed under it"


def test_a_failing_update_changes_nothing(store: Store) -> None:
    before_path = store.current_path()
    with pytest.raises(ProtocolError) as info:
        apply_update(store, "INSERT DATA { <http://example.org/s> }")
    assert info.value.status == 400 and "syntax error" in info.value.message.lower()
    assert "\\u{" not in info.value.message, "the parser's character classes are left out"
    assert store.current_path() == before_path
    generations = list((store.location / "generations").iterdir())
    assert len(generations) == 1, "the half-made generation is removed"


def test_dropping_a_graph_the_store_has_works(store: Store) -> None:
    # The syntax is checked on an empty store first, which has no such graph: that check
    # must not refuse what the real store can do.
    apply_update(store, INSERT)
    apply_update(store, "DROP GRAPH <http://example.org/g>")
    names = {g.value for g in store.open().named_graphs()}
    assert "http://example.org/g" not in names


def test_load_is_refused_even_with_the_token(store: Store) -> None:
    before = store.current_path()
    with pytest.raises(ProtocolError) as info:
        apply_update(store, "LOAD <http://127.0.0.1:1/data.ttl>")
    assert info.value.status == 403
    assert store.current_path() == before
