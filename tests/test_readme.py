"""The README is executable: its research questions run on the seeds graph and answer them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.build import build
from kg.query import run
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUESTIONS = re.findall(r"^### (\d)\. (.+?)\n\n```sparql\n(.*?)```", README, re.S | re.M)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("readme") / "store")
    build([ROOT / "seeds"], store)
    return store


def answer(store: Store, number: str) -> list[dict[str, str]]:
    query = next(q for n, _, q in QUESTIONS if n == number)
    results = run(store, query)
    names = [v.value for v in results.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in results]


def test_readme_has_four_research_questions_and_the_two_commands() -> None:
    assert [n for n, _, _ in QUESTIONS] == ["1", "2", "3", "4"]
    assert "make run" in README and "make test" in README
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_protests_name_japanese_protesters_and_china(seeds: Store) -> None:
    rows = answer(seeds, "1")
    assert {r["target"] for r in rows} == {"China"}
    protesters = {r["protester"] for r in rows}
    assert {"Masaaki Kanai", "Takehiro Funakoshi"} <= protesters
    kanai_dates = {r.get("date") for r in rows if r["protester"] == "Masaaki Kanai"}
    assert {"2026-01-06", "2026-01-07"} <= kanai_dates


def test_disagreements_show_both_dates_and_both_shares(seeds: Store) -> None:
    rows = answer(seeds, "2")
    labels = {r["disagreement"] for r in rows}
    assert any("2026-01-06 vs 2026-01-07" in label and "export ban" in label for label in labels)
    says = {r["says"] for r in rows}
    assert {"around 60%", "more than 70%"} <= says
    assert any(label.startswith("scope of export measures by China on Japan")
               for label in labels)


def test_rare_earth_elements_include_heavy_ones(seeds: Store) -> None:
    rows = answer(seeds, "3")
    elements = {r["element"]: r.get("group") for r in rows}
    assert elements.get("dysprosium") == "heavy rare earths"
    assert elements.get("terbium") == "heavy rare earths"
    assert all(int(r["articles"]) >= 1 for r in rows)


def test_what_was_said_about_the_ban_names_its_speakers_and_words(seeds: Store) -> None:
    rows = answer(seeds, "4")
    speakers = {r["speaker"] for r in rows}
    assert {"He Yadong", "Takehiro Funakoshi"} <= speakers
    assert any("withdraw the export ban" in r["words"] for r in rows)
