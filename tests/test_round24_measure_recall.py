"""Measures round 24 found that had been missed, each in invented words.

The reverse acts of a trade measure are measures of their own, typed ``other`` (see
docs/annotation.md): trade its issuer lets resume ("agreed to let imports from the northern
provinces resume", "lets state mills resume purchases", "will resume fruit imports from
Peru"), suspensions lifted ("lifts the suspensions on the remaining exporters") and a ban
lifted told with a reflexive ("The embargo itself was lifted").
"""

from __future__ import annotations

from extract_support import actor, measures_in

from kg.model import MeasureMention

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
TABLE = [BRAZIL, PERU]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper ore"]},
         {"name": "soybeans", "category": "other", "forms": ["soybeans"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def others(text: str) -> list[tuple[str | None, str]]:
    """(issuer, mention) of each ``other`` measure of ``text``."""
    return [(m.issuer, m.span.text) for m in run(text) if m.type.value == "other"]


def test_imports_let_resume_are_a_measure_of_the_state_that_stopped_them() -> None:
    text = ("Brazil halted all fruit imports from Peru in 2024. It agreed in March to let "
            "imports from three of Peru's northern provinces resume, officials said.")
    found = others(text)
    assert found and found[0][0] == "Brazil"
    assert "resume" in found[0][1]


def test_buyers_let_resume_purchases_are_a_resumption() -> None:
    text = ("Brazil stopped buying Peruvian copper ore in 2022. Early this year the first "
            "cargoes arrived again after Brasilia lets state mills resume purchases.")
    assert any(issuer == "Brazil" and "resume purchases" in mention
               for issuer, mention in others(text))


def test_a_resumption_of_named_goods_imports_is_found() -> None:
    text = "3 March 2026: Brasilia says it will resume fruit imports from Peru's south."
    assert any(issuer == "Brazil" and mention.startswith("resume fruit imports")
               for issuer, mention in others(text))


def test_lifted_suspensions_are_a_lifting() -> None:
    text = ("In May, Brazil lifts the suspensions on the remaining Peruvian soybean "
            "exporters that had been blocked.")
    assert any(issuer == "Brazil" and "suspensions on" in mention
               for issuer, mention in others(text))


def test_an_embargo_itself_lifted_is_a_lifting() -> None:
    text = ("Peru halted copper ore shipments to Brazil in October 1990. The embargo itself "
            "was lifted on 18 March 1991, after talks in Lima.")
    assert any(issuer == "Peru" and "lifted" in mention for issuer, mention in others(text))


def test_letting_a_person_resume_work_is_no_measure() -> None:
    text = "The court let the Peruvian engineer resume work on the bridge in Brasilia."
    assert others(text) == []
