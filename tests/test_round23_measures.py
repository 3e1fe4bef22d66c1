"""Round 23: measures of different kinds of act are different measures.

"other" is the catch-all type, so one issuer's tariff and its WTO complaint, or the halt of
charter flights and the suspension of visa-free travel in one decree, used to be joined into
one measure when their dates were close (or one had none); so were a state's study-abroad
alert and its travel advisory when the text named only the state for one of them.  Each
fixture is written for the phenomenon; the resolver is run on hand-made mentions, as in
tests/test_measure_identity.py.
"""

from __future__ import annotations

from kg.measure_acts import measure_act
from kg.model import (
    ActorMention,
    ActorType,
    Article,
    Extraction,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
)
from kg.resolve import Resolution, resolve

TEXT = ("Ruritania announced a 30% tariff on all imports from Freedonia on Monday and said it "
        "had filed a complaint at the World Trade Organization. Its countermeasures hit "
        "farmers. A decree halts charter flights to Freedonia and suspends visa-free travel "
        "for Freedonian citizens. Ruritania opened an anti-dumping investigation into "
        "Freedonian steel in May and imposed provisional duties on it in June. Ruritania "
        "advised its citizens to avoid travel to Freedonia and warned students about "
        "studying there.")


def _mention(words: str, *, date: str | None = None,
             kind: MeasureType = MeasureType.OTHER) -> MeasureMention:
    begin = TEXT.index(words)
    return MeasureMention(kind, Span.of(TEXT, begin, begin + len(words)),
                          issuer="Ruritania", target="Freedonia",
                          date=PartialDate.parse(date) if date else None,
                          status=MeasureStatus.ANNOUNCED)


def _resolved(*measures: MeasureMention) -> Resolution:
    actors = [ActorMention("Ruritania", ActorType.STATE, Span.of(TEXT, 0, 9)),
              ActorMention("Freedonia", ActorType.STATE, Span.of(TEXT, 53, 62))]
    article = Extraction(Article("fixture.txt", TEXT), actors=actors, measures=list(measures))
    return resolve([article])


def _keys(r: Resolution, *mentions: MeasureMention) -> list[str]:
    return [r.measure_for(m).key for m in mentions]


def test_a_tariff_and_a_wto_complaint_told_together_are_two_measures() -> None:
    tariff = _mention("30% tariff on", date="2026-03-09")
    complaint = _mention("complaint at the World Trade Organization")
    first, second = _keys(_resolved(tariff, complaint), tariff, complaint)
    assert first != second


def test_a_dated_wto_complaint_is_not_the_tariff_of_the_same_day() -> None:
    tariff = _mention("30% tariff on", date="2026-03-09")
    complaint = _mention("complaint at the World Trade Organization", date="2026-03-09")
    first, second = _keys(_resolved(tariff, complaint), tariff, complaint)
    assert first != second


def test_flights_halted_and_visas_suspended_by_one_decree_are_two_measures() -> None:
    flights = _mention("halts charter flights", date="2026-03-09")
    visas = _mention("suspends visa-free travel", date="2026-03-09")
    first, second = _keys(_resolved(flights, visas), flights, visas)
    assert first != second


def test_a_trade_defence_probe_and_its_duties_stay_one_measure() -> None:
    probe = _mention("anti-dumping investigation", date="2026-05")
    duties = _mention("provisional duties", date="2026-06")
    first, second = _keys(_resolved(probe, duties), probe, duties)
    assert first == second


def test_an_other_mention_naming_no_act_joins_the_nearest_account() -> None:
    tariff = _mention("30% tariff on", date="2026-03-09")
    vague = _mention("countermeasures")
    first, second = _keys(_resolved(tariff, vague), tariff, vague)
    assert first == second


def test_a_study_abroad_alert_is_not_the_travel_advisory_of_the_same_days() -> None:
    travel = _mention("advised its citizens to avoid travel", date="2026-03-09",
                      kind=MeasureType.TRAVEL_ADVISORY)
    study = _mention("warned students about studying", kind=MeasureType.TRAVEL_ADVISORY)
    first, second = _keys(_resolved(travel, study), travel, study)
    assert first != second


def test_the_kind_of_act_a_mention_names() -> None:
    other = MeasureType.OTHER
    assert measure_act(other, "filed a complaint at the World Trade Organization") == "wto"
    assert measure_act(other, "Australia dropped its WTO case") == "ending"
    assert measure_act(other, "a 30% tariff on") == "trade defence"
    assert measure_act(other, "anti-dumping investigation") == "trade defence"
    assert measure_act(other, "suspends visa-free travel") == "visas"
    assert measure_act(other, "halts charter flights") == "flights"
    assert measure_act(other, "countermeasures") is None
    assert measure_act(MeasureType.TRAVEL_ADVISORY, "issued a study-abroad alert") == "study"
    assert measure_act(MeasureType.EXPORT_BAN, "banned exports of travel goods") is None
