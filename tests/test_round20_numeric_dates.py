"""Round 20: numeric dates whose day and month read both ways, settled by the text's own."""

from __future__ import annotations

import datetime as dt

from kg.extract.dates import find_dates

ANCHOR = dt.date(2024, 6, 1)


def _dates(text: str) -> list[str]:
    return [m.date.isoformat() for m in find_dates(text, ANCHOR)]


def test_an_ambiguous_date_is_read_day_first_when_the_text_writes_day_first() -> None:
    text = ("Notification No. 50/2023 dated 07.12.2023 prohibited exports. "
            "The prohibition remains in force until 31.03.2024.")
    assert _dates(text) == ["2023-12-07", "2024-03-31"]


def test_an_ambiguous_date_is_read_month_first_when_the_text_writes_month_first() -> None:
    text = "The rule of 03/07/2020 was amended on 03/17/2020."
    assert _dates(text) == ["2020-03-07", "2020-03-17"]


def test_an_ambiguous_date_stays_out_when_the_text_has_no_convention() -> None:
    assert _dates("The order of 07.12.2023 was published.") == []


def test_an_ambiguous_date_stays_out_when_the_text_mixes_both_orders() -> None:
    text = "Filed 03/17/2020, revised 17/03/2021, effective 07/12/2021."
    assert _dates(text) == ["2020-03-17", "2021-03-17"]


def test_a_numeric_date_with_day_equal_to_month_is_that_day() -> None:
    assert _dates("The ban took effect on 05.05.2024.") == ["2024-05-05"]


def test_numbers_that_cannot_be_a_day_or_month_are_no_date_whatever_the_convention() -> None:
    text = "After 31.03.2024, forms dated 00.00.2024, 00.05.2024 or 07.00.2023 were void."
    assert _dates(text) == ["2024-03-31"]


def test_a_numeric_date_with_month_zero_is_no_date() -> None:
    assert _dates("Forms dated 00.13.2024 or 13.00.2024 were void.") == []
