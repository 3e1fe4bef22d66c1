"""kg.store: readers that follow generations, pruning that spares them, serialised writers."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pyoxigraph as ox

from kg.store import Store, StoreReader

EX = "http://example.org/"


def write(store: Store, value: str, *, copy: bool = False) -> None:
    with store.write(copy_current=copy) as target:
        target.add(ox.Quad(ox.NamedNode(EX + value), ox.NamedNode(EX + "p"), ox.Literal(value),
                           ox.NamedNode(EX + "g")))


def values(db: ox.Store) -> set[str]:
    return {q.object.value for q in db}


def test_reader_follows_each_new_generation(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    write(store, "one")
    reader = StoreReader(store.location)
    assert values(reader.current()) == {"one"}
    write(store, "two")
    db, path = reader.current_with_path()
    assert values(db) == {"two"} and path == store.current_path()
    assert reader.generation() == path.name


def test_reader_follows_a_link_rewritten_to_an_absolute_path(tmp_path: Path) -> None:
    # Another tool may write the link differently: a new text is followed, whatever the form.
    store = Store(tmp_path / "s")
    write(store, "one")
    reader = StoreReader(store.location)
    assert values(reader.current()) == {"one"}
    write(store, "two")
    absolute = store.current_path().resolve()
    store.current_link.unlink()
    store.current_link.symlink_to(absolute)
    db, path = reader.current_with_path()
    assert values(db) == {"two"} and path == absolute
    assert store.current_generation() == absolute.name


def test_a_generation_held_by_a_reader_is_not_pruned(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    write(store, "held")
    reader = StoreReader(store.location)
    held = reader.current_with_path()[1]
    for value in ("b", "c", "d"):
        write(store, value)
    assert held.is_dir(), "still open by a reader"
    assert values(reader.current()) == {"d"}  # the reader moves on and lets it go
    write(store, "e")
    assert not held.exists(), "pruned once no reader holds it"


def test_concurrent_writers_never_lose_each_others_work(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    write(store, "base")
    errors: list[BaseException] = []

    def add(value: str) -> None:
        try:
            with store.write(copy_current=True) as target:
                time.sleep(0.05)  # widen the window in which an unlocked writer would race
                target.add(ox.Quad(ox.NamedNode(EX + value), ox.NamedNode(EX + "p"),
                                   ox.Literal(value), ox.NamedNode(EX + "g")))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(f"w{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert values(store.open()) == {"base", "w0", "w1", "w2", "w3"}
