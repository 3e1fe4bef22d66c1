"""Acts told by coordinated verbs of one subject (kg.extract.measures.timing): a second act
after "and" with no subject of its own goes on with the first's clause and shares its date
when it is another kind of act; a new subject or a clause break keeps it apart.

Each test is one phenomenon, in words and with actors of its own."""

from __future__ import annotations

from test_measure_phrasings import run


def dated(text: str) -> list[tuple[str, str | None]]:
    return [(m.type.value, m.date.isoformat() if m.date else None) for m in run(text)]


def test_a_second_act_coordinated_after_a_dated_one_shares_its_date() -> None:
    got = dated("Ruritania halted imports of Freedonian seafood in November and advised its "
                "citizens to avoid travel to Freedonia.")
    assert got == [("import_ban", "2025-11"), ("travel_advisory", "2025-11")]


def test_a_second_act_with_a_subject_of_its_own_keeps_no_date() -> None:
    got = dated("Ruritania halted imports of Freedonian seafood in November, but Freedonia "
                "advised its citizens to avoid travel to Ruritania.")
    assert ("travel_advisory", None) in got
