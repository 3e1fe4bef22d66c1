"""Pausing the cyclic garbage collector around batch work (kg.collector)."""

from __future__ import annotations

import gc

import pytest

from kg.collector import collector_paused


def test_the_collector_is_paused_inside_and_restored_after_even_on_error() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("bug")
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_as_a_decorator_it_pauses_each_call() -> None:
    @collector_paused()
    def inside() -> bool:
        return gc.isenabled()

    assert inside() is False and inside() is False
    assert gc.isenabled()


def test_settling_moves_what_the_block_kept_to_the_oldest_generation() -> None:
    with collector_paused(settle=True):
        kept = [[i] for i in range(1000)]  # lists are tracked by the collector
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in kept)


def test_settling_leaves_a_collector_paused_by_the_caller_alone() -> None:
    gc.disable()
    try:
        with collector_paused(settle=True):
            kept = [[1], [2]]
        assert not gc.isenabled()
        assert all(id(item) not in {id(o) for o in gc.get_objects(generation=2)}
                   for item in kept)
    finally:
        gc.enable()
