"""The extraction pipeline (kg.extract.extract): what it leaves of the process's state."""

from __future__ import annotations

import gc

import pytest
from extract_support import article

import kg.extract as pipeline
from kg.extract import extract

TEXT = "China's commerce ministry banned exports of gallium to Japan on Tuesday, it said."


def test_extraction_leaves_the_garbage_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    assert extract(article(TEXT, date="2026-01-07")).actors
    assert gc.isenabled()
    gc.disable()
    try:
        extract(article(TEXT, date="2026-01-07"))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failing_extractor_still_restores_the_garbage_collector(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        assert not gc.isenabled()  # paused while the extractors run
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(pipeline, "find_materials", fail)
    with pytest.raises(RuntimeError):
        extract(article(TEXT, date="2026-01-07"))
    assert gc.isenabled()
