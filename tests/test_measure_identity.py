"""One node per real-world measure: kg.resolve with kg.measure_identity, one rule per test."""

from __future__ import annotations

from kg.model import (
    ActorMention,
    ActorType,
    Article,
    Extraction,
    MaterialCategory,
    MaterialMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
)
from kg.resolve import MaterialInfo, Resolution, resolve

TEXT = ("Ruritania's commerce ministry banned exports to Freedonia. Ruritania restricts gallium. "
        "Freedonia protested. The export curbs hurt.")
GOODS = {
    "dysprosium": MaterialInfo("dysprosium", MaterialCategory.RARE_EARTH_ELEMENT, "rare earths"),
    "rare earths": MaterialInfo("rare earths", MaterialCategory.RARE_EARTH_ELEMENT),
    "gallium": MaterialInfo("gallium", MaterialCategory.OTHER, "critical minerals"),
    "graphite": MaterialInfo("graphite", MaterialCategory.OTHER, "critical minerals"),
    "critical minerals": MaterialInfo("critical minerals", MaterialCategory.OTHER),
    "dual-use items": MaterialInfo("dual-use items", MaterialCategory.OTHER),
}


def measure(kind: MeasureType = MeasureType.EXPORT_BAN, *, at: int = 0,
            issuer: str = "Ruritania", target: str | None = "Freedonia",
            date: str | None = None, covers: tuple[str, ...] = (),
            status: MeasureStatus = MeasureStatus.IN_FORCE) -> MeasureMention:
    return MeasureMention(kind, Span.of(TEXT, at, at + 6), issuer=issuer, target=target,
                          date=PartialDate.parse(date) if date else None, status=status,
                          covers=list(covers))


def extraction(ident: str, *measures: MeasureMention) -> Extraction:
    actors = [ActorMention("Ruritania", ActorType.STATE, Span.of(TEXT, 0, 9)),
              ActorMention("Ministry of Commerce of Ruritania", ActorType.GOVERNMENT_BODY,
                           Span.of(TEXT, 12, 29), part_of="Ruritania"),
              ActorMention("Ministry of Education of Ruritania", ActorType.GOVERNMENT_BODY,
                           Span.of(TEXT, 12, 29), part_of="Ruritania"),
              ActorMention("Freedonia", ActorType.STATE, Span.of(TEXT, 48, 57))]
    goods = [MaterialMention(name, GOODS[name].category, Span.of(TEXT, 0, 9),
                             broader=GOODS[name].broader)
             for m in measures for name in m.covers]
    return Extraction(Article(ident, TEXT), actors=actors, materials=goods,
                      measures=list(measures))


def resolved(*extractions: Extraction) -> Resolution:
    return resolve(list(extractions), material_lookup=GOODS.get)


def nodes(r: Resolution, *mentions: MeasureMention) -> list[str]:
    return [r.measure_for(m).key for m in mentions]


def test_one_measure_dated_a_day_apart_by_two_articles_is_one_node() -> None:
    a, b = measure(date="2026-01-06"), measure(date="2026-01-07")
    r = resolved(extraction("a.txt", a), extraction("b.txt", b))
    assert nodes(r, a, b) == ["export_ban Ruritania Freedonia 2026-01"] * 2


def test_measures_of_one_issuer_months_apart_are_two_nodes() -> None:
    a = measure(MeasureType.EXPORT_CONTROL, target=None, date="2023-07-03", covers=("gallium",))
    b = measure(MeasureType.EXPORT_CONTROL, target=None, date="2023-10-20", covers=("graphite",),
                at=30)
    r = resolved(extraction("a.txt", a, b))
    assert nodes(r, a, b) == ["export_control Ruritania none 2023-07",
                              "export_control Ruritania none 2023-10"]


def test_an_announcement_and_the_effective_month_of_the_same_goods_are_one_measure() -> None:
    a = measure(MeasureType.EXPORT_CONTROL, target=None, date="2023-07-03", covers=("gallium",))
    b = measure(MeasureType.EXPORT_CONTROL, target=None, date="2023-08", covers=("gallium",))
    r = resolved(extraction("a.txt", a), extraction("b.txt", b))
    assert len(set(nodes(r, a, b))) == 1


def test_measures_of_one_month_on_unrelated_goods_are_two_nodes() -> None:
    a = measure(MeasureType.EXPORT_CONTROL, target=None, date="2025-10-09", covers=("rare earths",))
    b = measure(MeasureType.EXPORT_CONTROL, target=None, date="2025-10-09", covers=("graphite",))
    r = resolved(extraction("a.txt", a), extraction("b.txt", b))
    first, second = nodes(r, a, b)
    assert first != second
    assert r.measure_for(a).label != r.measure_for(b).label


def test_a_good_under_another_is_the_same_scope() -> None:
    a = measure(date="2026-01-06", covers=("rare earths",))
    b = measure(date="2026-01-06", covers=("dysprosium",))
    r = resolved(extraction("a.txt", a), extraction("b.txt", b))
    assert len(set(nodes(r, a, b))) == 1


def test_day_dates_in_one_article_do_not_chain_measures_two_months_apart() -> None:
    # Controls of 1 July, a step on 25 July, a delisting on 20 August, all in one article:
    # each day is within a month of the one before, but the first and the last are two
    # measures.  Days more than a few apart are separate accounts, which the corpus step
    # compares by their first dates.
    first = measure(MeasureType.EXPORT_CONTROL, date="2019-07-01")
    middle = measure(MeasureType.EXPORT_CONTROL, date="2019-07-25", at=20)
    last = measure(MeasureType.EXPORT_CONTROL, date="2019-08-20", at=40)
    r = resolved(extraction("a.txt", first, middle, last))
    one, two, three = nodes(r, first, middle, last)
    assert one == two != three


def test_an_undated_mention_joins_its_articles_measure_nearest_in_the_text() -> None:
    first = measure(date="2026-01-06", covers=("dual-use items",))
    other = measure(MeasureType.EXPORT_CONTROL, date="2025-04-04", covers=("rare earths",), at=40)
    curbs = measure(MeasureType.EXPORT_CONTROL, at=45)
    r = resolved(extraction("a.txt", first, other, curbs))
    assert r.measure_for(curbs) is r.measure_for(other)
    assert r.measure_for(first) is not r.measure_for(other)


def test_an_undated_account_joins_the_only_dated_measure_it_can_be() -> None:
    dated, undated = measure(date="2026-01-06"), measure()
    r = resolved(extraction("a.txt", dated), extraction("b.txt", undated))
    assert r.measure_for(undated) is r.measure_for(dated)


def test_an_undated_account_that_could_be_several_measures_gets_a_node_of_its_own() -> None:
    july = measure(date="2025-07-01")
    october = measure(date="2025-10-01")
    undated = measure()
    r = resolved(extraction("a.txt", july), extraction("b.txt", october),
                 extraction("c.txt", undated))
    assert r.measure_for(undated).key == "export_ban Ruritania Freedonia"
    assert len(r.measures) == 3


def test_protests_a_week_apart_are_two_events() -> None:
    a = measure(MeasureType.PROTEST, issuer="Freedonia", target="Ruritania", date="2025-11-08",
                status=MeasureStatus.ANNOUNCED)
    b = measure(MeasureType.PROTEST, issuer="Freedonia", target="Ruritania", date="2025-11-14",
                status=MeasureStatus.ANNOUNCED)
    r = resolved(extraction("a.txt", a, b))
    assert len(set(nodes(r, a, b))) == 2


def test_a_ban_a_control_and_a_licensing_rule_can_be_one_measure_typed_by_most_mentions() -> None:
    ban = measure(date="2026-01-06", covers=("dual-use items",))
    control = measure(MeasureType.EXPORT_CONTROL, covers=("dual-use items",))
    again = measure(at=50)
    r = resolved(extraction("a.txt", ban, control), extraction("b.txt", again))
    node = r.measure_for(control)
    assert node is r.measure_for(ban) is r.measure_for(again)
    assert node.type is MeasureType.EXPORT_BAN


def test_precedents_and_measures_under_consideration_are_apart_from_current_ones() -> None:
    current = measure(date="2026-01-06")
    precedent = measure(date="2010", status=MeasureStatus.HISTORICAL)
    weighed = measure(MeasureType.LICENSING_RESTRICTION, status=MeasureStatus.UNDER_CONSIDERATION)
    r = resolved(extraction("a.txt", current, precedent, weighed))
    assert len(set(nodes(r, current, precedent, weighed))) == 3
    assert "historical" in r.measure_for(precedent).label


def test_a_measure_known_only_from_reports_is_apart_from_the_announced_one() -> None:
    announced = measure(date="2026-01-06", covers=("dual-use items",))
    rumoured = measure(MeasureType.LICENSING_RESTRICTION, covers=("dysprosium",),
                       status=MeasureStatus.REPORTED)
    again = measure(MeasureType.LICENSING_RESTRICTION, at=40, status=MeasureStatus.REPORTED)
    r = resolved(extraction("a.txt", announced, rumoured), extraction("b.txt", again))
    assert r.measure_for(announced).key != r.measure_for(rumoured).key
    assert r.measure_for(rumoured).key == r.measure_for(again).key


def test_accounts_naming_two_bodies_of_one_state_are_two_measures() -> None:
    advisory = measure(MeasureType.TRAVEL_ADVISORY, date="2026-01-06",
                       issuer="Ministry of Commerce of Ruritania")
    other_body = measure(MeasureType.TRAVEL_ADVISORY, at=40, date="2026-01-07",
                         issuer="Ministry of Education of Ruritania")
    state_level = measure(MeasureType.TRAVEL_ADVISORY, date="2026-01-06")
    r = resolved(extraction("a.txt", advisory, other_body), extraction("b.txt", state_level))
    assert r.measure_for(advisory).key != r.measure_for(other_body).key
    assert r.measure_for(state_level).key == r.measure_for(advisory).key


def test_node_keys_do_not_depend_on_the_order_of_articles() -> None:
    def corpus() -> list[Extraction]:
        return [extraction("a.txt", measure(date="2026-01-07")),
                extraction("b.txt", measure(date="2026-01-06"), measure(at=20)),
                extraction("c.txt", measure(MeasureType.EXPORT_CONTROL, target=None,
                                            date="2023-07-03", covers=("gallium",)))]
    forward = resolved(*corpus())
    backward = resolved(*reversed(corpus()))
    assert sorted(forward.measures) == sorted(backward.measures)
    assert [n.iri for _, n in sorted(forward.measures.items())] == [
        n.iri for _, n in sorted(backward.measures.items())]


def test_an_equal_mention_built_again_finds_its_node() -> None:
    r = resolved(extraction("a.txt", measure(date="2026-01-06")))
    assert r.measure_for(measure(date="2026-01-06")).key == "export_ban Ruritania Freedonia 2026-01"
