"""Round 24: actors of the newer styles, in invented words.

A capital is its state's government only as the seat of government ("Beijing said"); where
something happened or someone is ("ministers meet in Brussels", "Network (Beirut)", a
letter's "Nairobi / Geneva, 6 September 2023") names no actor. A title's portfolio may name
an office after "the", a known state or body, or run in lower case, and the holder's name
may follow it after a comma; name particles of Spanish, Portuguese, Dutch and Arabic names
stay inside the name.
"""

from __future__ import annotations

from extract_support import found_actors


def names(text: str) -> set[str]:
    """Canonical names of the actors found in ``text``."""
    return {m.name for m in found_actors(text)}


def people(text: str) -> set[str]:
    """Names of the persons found in ``text``."""
    return {m.name for m in found_actors(text) if m.type.value == "person"}


# -- capitals as places ---------------------------------------------------------------------

def test_a_capital_after_in_where_people_meet_is_a_place_not_the_state() -> None:
    found = names("Coalition foreign ministers meet in Brussels on Tuesday; the Danube "
                  "forum's ministerial in Belgrade follows on Thursday.")
    assert "European Union" not in found
    assert "Serbia" not in found


def test_a_capital_after_in_where_a_firm_is_is_a_place() -> None:
    found = names("Prices may rise, said a metals analyst at Quillon & Barge in Nairobi.")
    assert "Kenya" not in found


def test_officials_in_a_capital_keep_the_seat_of_government() -> None:
    assert "Kenya" in names("Officials in Nairobi said the levy would stay.")
    assert "Kenya" in names("Farmers will pay for a decision taken in Nairobi.")


def test_in_a_capital_opening_a_sentence_keeps_the_seat_of_government() -> None:
    assert "Kenya" in names("In Nairobi, the cabinet secretary said the levy would stay.")


def test_a_capital_in_parentheses_after_a_name_is_where_that_body_is() -> None:
    found = names("Yours faithfully,\nOkello Barasa, Tamarind Seed Alliance (Nairobi)\n"
                  "Rima Khoury, Cedar Harvest Fund (Beirut)\n")
    assert "Kenya" not in found
    assert "Lebanon" not in found


def test_a_line_of_places_and_a_date_is_where_a_letter_was_written() -> None:
    found = names("OPEN LETTER ON SEED PRICES\nNairobi / Geneva, 6 September 2023\n\n"
                  "We write to ask for lower seed prices.")
    assert "Kenya" not in found


# -- titles with a portfolio ----------------------------------------------------------------

def test_a_title_of_the_office_then_a_name_is_that_person() -> None:
    assert "Rowan Tillbury" in people(
        "Chancellor of the Exchequer Rowan Tillbury said the levy would stay.")


def test_a_title_of_a_known_state_then_a_name_is_that_person() -> None:
    assert "Oleksa Hrynko" in people(
        "The ministry summoned the ambassador of Ukraine Oleksa Hrynko and protested.")


def test_a_title_with_a_lower_case_portfolio_then_a_name_is_that_person() -> None:
    assert "Tadeusz Wilk" in people(
        "The regulation of the minister of development and technology Tadeusz Wilk "
        "took effect at midnight.")


def test_a_name_after_a_title_and_a_comma_is_the_title_holder() -> None:
    assert "Dewi Santosa" in people(
        "My colleague the Minister of Investment, Dewi Santosa, told me on Thursday "
        "that the plant would open.")


def test_a_unit_after_of_the_is_no_person() -> None:
    found = people("Ken Arashi is a former director of the Trade Control Policy Division "
                   "at the trade ministry.")
    assert "Policy Division" not in found
    assert not any("Division" in name for name in found)


def test_an_indefinite_place_after_a_title_is_no_person() -> None:
    found = people("Panellists: a representative of a Ganzhou-based separation plant, who "
                   "asked not to be named.")
    assert not any("Ganzhou" in name for name in found)


# -- name particles -------------------------------------------------------------------------

def test_del_and_dos_stay_inside_a_name() -> None:
    found = people("Secretary Tomas del Carmen summoned the ambassador. Minister Ana dos "
                   "Reis said the talks would go on.")
    assert "Tomas del Carmen" in found
    assert "Ana dos Reis" in found
