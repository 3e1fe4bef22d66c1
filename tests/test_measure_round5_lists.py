"""Controls told as bulleted items of goods, each dated at its end (kg.extract.measures.items).

Explainers list the controls already in place one good per bullet: "- graphite for
anodes, controlled from 1 March 2024;", "- antimony, added in May 2024". Each item is a
control of its goods by the issuer the text around establishes, dated by its own item,
with no target, in force however old (a licence required is a licensing
restriction); an item saying nothing of since when is no measure.
"""

from __future__ import annotations

from test_measure_round4_families import run

from kg.model import PartialDate

LIST = ("Ruritania bans exports of heavy rare earths to Freedonia.\n\n"
        "Ruritania's own control list has grown steadily. The goods that matter most:\n\n"
        "- heavy rare earths (six of them, all used in magnets), controlled since 4 June 2024;\n"
        "- gallium, which has required an export licence since March 2023;\n"
        "- graphite for battery anodes, restricted from 1 December 2023;\n"
        "- antimony, added to the list in October 2024.\n")


def _items(text: str) -> list[tuple[str, str | None, str | None, str, PartialDate | None]]:
    return [(m.type.value, m.issuer, m.target, m.status.value, m.date) for m in run(text)
            if m.type.value in ("export_control", "licensing_restriction")]


def test_each_dated_item_of_goods_is_one_control_of_the_lists_issuer() -> None:
    assert _items(LIST) == [
        ("export_control", "Ruritania", None, "in_force", PartialDate(2024, 6, 4)),
        ("export_control", "Ruritania", None, "in_force", PartialDate(2023, 3)),
        ("export_control", "Ruritania", None, "in_force", PartialDate(2023, 12, 1)),
        ("export_control", "Ruritania", None, "in_force", PartialDate(2024, 10)),
    ]


def test_an_item_covers_the_goods_it_opens_with() -> None:
    found = [m for m in run(LIST) if m.type.value != "export_ban"]
    assert [m.covers for m in found] == [["heavy rare earths"], ["gallium"], ["graphite"],
                                         ["antimony"]]


def test_numbered_items_are_items_too() -> None:
    text = LIST.replace("- heavy", "1. heavy").replace("- gallium", "2. gallium")
    assert len(_items(text)) == 4


def test_an_item_without_a_time_is_no_control() -> None:
    text = ("Ruritania bans exports of heavy rare earths to Freedonia.\n\n"
            "Goods that buyers in Freedonia watch:\n\n"
            "- gallium, added by smelters to their inventories;\n"
            "- graphite, which is cheap.\n")
    assert _items(text) == []


def test_a_sentence_of_prose_is_no_item() -> None:
    text = ("Ruritania bans exports of heavy rare earths to Freedonia. Analysts said "
            "gallium, added in small amounts, raised output in March 2024.")
    assert _items(text) == []


def test_goods_and_a_date_coordinated_after_a_since_control_are_another_control() -> None:
    text = ("Ruritania halted exports of heavy rare earths, gallium and antimony to "
            "Freedonia on Monday.\n\nShipments of gallium have needed an export licence since May "
            "2022, and "
            "antimony since 3 October 2024.")
    found = [(m.issuer, m.date, m.covers) for m in run(text)
             if m.type.value == "export_control"]
    assert found == [("Ruritania", PartialDate(2022, 5), ["gallium"]),
                     ("Ruritania", PartialDate(2024, 10, 3), ["antimony"])]


def test_a_control_whose_subject_is_goods_is_the_state_restricting_them() -> None:
    text = ("Ruritania halted exports of gallium to Freedonia on Monday. Washington had "
            "restricted chip exports to Ruritania last week.\n\nShipments of gallium have "
            "needed export licences since May 2022.")
    found = [m.issuer for m in run(text) if "licence" in m.span.text]
    assert found == ["Ruritania"]
