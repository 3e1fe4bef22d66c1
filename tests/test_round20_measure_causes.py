"""Measure causes of round 20 beyond targets, each in invented words.

A clause that points back to an instrument named earlier ("By the said Order, ...") takes
that instrument's agent as the issuer of its measures, even paragraphs away, and the date
given with the instrument ("Order No. 12 dated 14.05.2026") as their date.  A licence a firm
says it applied for is its application under a control, not a measure.
"""

from __future__ import annotations

from extract_support import actor, article, measures_in, mentions

from kg.extract.context import build_context
from kg.extract.measures import learned
from kg.model import MeasureMention, MeasureType, PartialDate

PERU = actor("Peru", "state", "Peru", "Lima")
BOLIVIA = actor("Bolivia", "state", "Bolivia", "La Paz")
DET = actor("Directorate of External Trade of Peru", "government_body",
            "Directorate of External Trade", "DET", part_of="Peru")
TABLE = [PERU, BOLIVIA, DET]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper ore"]}]


def run(text: str) -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date="2026-05-20")


def test_a_clause_pointing_back_to_an_instrument_takes_its_agent_as_issuer() -> None:
    text = ("PORT OFFICE NOTICE No. 7/2026\n\n"
            "Attention of exporters is invited to Order No. 12/2026 dated 04.05.2026 issued by "
            "the Directorate of External Trade (DET).\n\n"
            "2. By the said Order, the export policy of copper ore has been amended from "
            "\"Free\" to \"Prohibited\" with immediate effect.")
    found = [(m.type.value, m.issuer) for m in run(text)]
    assert ("export_ban", "Directorate of External Trade of Peru") in found


def test_an_instrument_issued_by_its_subject_lends_that_subject() -> None:
    text = ("On 4 May the Directorate of External Trade published a new decree on metals.\n\n"
            "Under this decree, exports of copper ore are banned until December.")
    found = [(m.type.value, m.issuer) for m in run(text)]
    assert ("export_ban", "Directorate of External Trade of Peru") in found


def test_a_pointer_with_no_earlier_instrument_lends_no_issuer() -> None:
    text = ("Traders in Lima were nervous on Monday.\n\n"
            "Under this decree, exports of copper ore are banned until December.")
    assert not any(m.issuer == "Directorate of External Trade of Peru" for m in run(text))


def test_a_measure_set_out_by_an_earlier_instrument_takes_its_date() -> None:
    text = ("PORT OFFICE NOTICE No. 7/2026\n\n"
            "Attention of exporters is invited to Order No. 12/2026 dated 14.05.2026 issued by "
            "the Directorate of External Trade (DET).\n\n"
            "2. By the said Order, the export policy of copper ore has been amended from "
            "\"Free\" to \"Prohibited\" with immediate effect.")
    bans = [m for m in run(text) if m.type.value == "export_ban"]
    assert bans and bans[0].date == PartialDate(2026, 5, 14)


def _eager_model() -> learned.MeasureModel:
    """A model proposing an export control headed on "licences" in every sentence, with an
    issuer ranker taking any candidate: only the learned step's own filters stop it."""
    detector = learned.LinearModel(10.0, {})
    types = {MeasureType.EXPORT_CONTROL: learned.LinearModel(0.0, {"w:licences": 5.0})}
    return learned.MeasureModel(detector, types, 0.5,
                                learned.IssuerModel(learned.LinearModel(10.0, {}), 0.5))


def _learned(text: str) -> list[tuple[str, str | None]]:
    """(head, issuer) of what the eager model proposes in ``text``."""
    ctx = build_context(article(text, date="2026-05-20"), mentions(text, TABLE))
    found = learned.learned_measures(ctx, [], [], [], [], [], model=_eager_model())
    return [(c.head.text, c.issuer) for c in found]


def test_a_licence_a_firm_applied_for_is_no_measure() -> None:
    assert _learned("Peru's copper regulator said it had renewed its export licences.")
    assert not _learned("A trader in Bolivia said on Friday that it had applied for two "
                        "export licences.")
    assert not _learned("The approval of two export licences it applied for in April is "
                        "pending in Peru.")
