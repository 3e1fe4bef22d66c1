"""tools/eval: the set listing the scoring scripts rely on."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools" / "eval"


def load_sets(monkeypatch: pytest.MonkeyPatch, lead: bool) -> ModuleType:
    monkeypatch.setenv("KG_TREE", str(ROOT))
    if lead:
        monkeypatch.setenv("KG_LEAD", "1")
    else:
        monkeypatch.delenv("KG_LEAD", raising=False)
    spec = importlib.util.spec_from_file_location("eval_sets", TOOLS / "sets.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tuning_sets_are_the_annotated_folders_without_the_never_seen(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sets = load_sets(monkeypatch, lead=False)
    annotated = {p.parent.name for p in (ROOT / "tests/data/heldout").glob("*/gold.json")}
    listed = sets.tuning_sets()
    assert set(listed) == annotated - {"dev12", "dev13", "dev14", "final"}
    assert listed[:3] == ["dev", "dev2", "dev3"]  # numeric order, not "dev10" before "dev2"


def test_never_seen_sets_need_the_lead_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit, match="never-seen"):
        load_sets(monkeypatch, lead=False).paths("dev12")
    articles, gold = load_sets(monkeypatch, lead=True).paths("dev12")
    assert articles.is_dir() and gold.is_file()


def test_seeds_set_is_the_seed_folder_with_its_gold_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    articles, gold = load_sets(monkeypatch, lead=False).paths("seeds")
    assert articles == ROOT / "seeds" and gold == ROOT / "tests/data/seeds-gold.json"


def test_python_m_kg_runs_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 0 and "Usage: kg" in done.stdout
