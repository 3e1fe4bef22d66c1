"""Measure families and frames of round 16, each in invented words.

A mention whose sentence names no issuer borrows one from the article, but never a state
its own words aim it at ("a 15% tariff on imports from Peru" is not Peru's, however near
Peru's own tariffs stand), and the next item of a list of such measures shares the first's
issuer.  A sentence's own acting subject ("Brazil's foreign ministry announced that ...")
beats a measure paragraphs away.  A control list known by its proper name belongs to its
state.  A question asking for a view of a measure named with an indefinite noun ("Would
you back a full ban ...?") takes none; nor does a scenario sentence ("a study estimated
that a total ban ... could cut ...") give the learned step a measure.  A domain word in
another clause ("so strict that they have cost sales to ...") is not the head's.  An
envoy recalled is a protest; relations downgraded are a measure.
"""

from __future__ import annotations

from extract_support import actor, article, measures_in, mentions, parties_of

from kg.extract.context import build_context
from kg.extract.measures.candidate import Candidate
from kg.extract.measures.hedges import imagined_reason, imagines_sentence
from kg.model import MeasureMention, MeasureType, Span

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
CHILE = actor("Chile", "state", "Chile", "Santiago")
BOLIVIA = actor("Bolivia", "state", "Bolivia", "La Paz")
BRAZIL_FM = actor("Ministry of Foreign Affairs of Brazil", "government_body",
                  "Brazil's foreign ministry", part_of="Brazil")
BRAZIL_TRADE = actor("Ministry of Trade of Brazil", "government_body", "Brazil's trade ministry",
                     part_of="Brazil")
MINERA = actor("Minera Andina", "company", "Minera Andina")
TABLE = [BRAZIL, PERU, CHILE, BOLIVIA, BRAZIL_FM, BRAZIL_TRADE, MINERA]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper"]},
         {"name": "soybeans", "category": "other", "forms": ["soybeans"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return parties_of(run(text))


# -- borrowed issuers -------------------------------------------------------------------------

def test_a_borrowed_issuer_is_never_the_state_the_measure_is_aimed_at() -> None:
    text = ("Brasilia raised tariffs on Peruvian copper to 20% on Monday.\n\n"
            "Lima answered on Tuesday with 30% tariffs on Brazilian soybeans.\n\n"
            "The new schedule applies a 15% tariff on imports from Peru and Chile and a 5% "
            "tariff on imports from Bolivia.")
    found = summary(text)
    assert ("other", "Brazil", "Peru") in found[2:]
    assert ("other", "Brazil", "Bolivia") in found[2:]
    assert not any(issuer == "Peru" and target in ("Peru", "Bolivia")
                   for _, issuer, target in found[2:])


def test_an_acting_subject_of_the_sentence_beats_a_measure_paragraphs_away() -> None:
    text = ("Lima opened an anti-dumping probe into Brazilian soybeans in May.\n\n"
            "Three weeks later, Brazil's foreign ministry announced that diplomatic relations "
            "would be downgraded to the level of charge d'affaires.")
    downgrades = [m for m in run(text) if "downgraded" in m.span.text]
    assert [m.issuer for m in downgrades] == ["Ministry of Foreign Affairs of Brazil"]


def test_a_subject_reacting_to_a_measure_does_not_issue_it() -> None:
    text = ("Lima banned copper exports to Brazil on Monday.\n\n"
            "Brazil's foreign ministry condemned the export ban on Tuesday.")
    found = run(text)
    assert any(m.type is MeasureType.EXPORT_BAN and "banned" in m.span.text for m in found)
    assert all(m.issuer == "Peru" for m in found)


def test_a_speaker_opening_the_paragraph_lends_only_its_state() -> None:
    text = ("Brasilia barred copper exports to Peru in April.\n\n"
            "Brazil's trade ministry insists the curbs are temporary. But a 15% duty on "
            "soybeans, imposed on 3 May, suggests otherwise.")
    duties = [m for m in run(text) if "duty" in m.span.text]
    assert [m.issuer for m in duties] == ["Brazil"]


def test_a_control_list_known_by_its_name_belongs_to_its_state() -> None:
    text = ("Brasilia raised export controls on copper in April.\n\n"
            "Minera Andina, a firm that has been on the Entity List since March 2021, "
            "said its sales had not suffered.")
    listed = [m for m in run(text) if "Entity List" in m.span.text]
    assert [m.issuer for m in listed] == ["United States"]


# -- imagined measures ------------------------------------------------------------------------

def test_a_question_asking_a_view_of_an_indefinite_measure_takes_none() -> None:
    text = "MS. LANE: Would you back a full ban on all copper sales to Peru, no exceptions?"
    assert summary(text) == []
    text = "Q: Do you favour new tariffs on Chilean copper?"
    assert summary(text) == []


def test_a_question_about_a_known_measure_keeps_it() -> None:
    text = "Do you support the copper export ban Brasilia imposed on Peru in March?"
    assert [(t, i) for t, i, _ in summary(text)] == [("export_ban", "Brazil")]


def test_a_scenario_about_one_indefinite_measure_leaves_its_sentence_to_no_one() -> None:
    text = ("A university study estimated that a total ban on copper exports could cut "
            "Peru's output by $2 billion.")
    assert summary(text) == []
    ctx = build_context(article(text, date="2026-05-20"), mentions(text, TABLE))
    begin = text.index("ban on")
    head = Span.of(text, begin, begin + len("ban"))
    c = Candidate(MeasureType.EXPORT_BAN, head, Span.of(text, 0, len(text)), head,
                  verbal=False)
    assert imagined_reason(ctx, c) == "hypothetical"
    assert imagines_sentence(ctx, c, "hypothetical")


def test_a_bare_plural_forecast_may_still_be_weighed() -> None:
    text = "Copper licence reviews are likely to slow for Peruvian buyers as well."
    ctx = build_context(article(text, date="2026-05-20"), mentions(text, TABLE))
    begin = text.index("reviews")
    head = Span.of(text, begin, begin + len("reviews"))
    c = Candidate(MeasureType.LICENSING_RESTRICTION, head, Span.of(text, 0, len(text)), head,
                  verbal=False)
    assert not imagines_sentence(ctx, c, "hypothetical")


def test_a_domain_word_in_another_clause_is_not_the_heads() -> None:
    text = "Brasilia's new rules are so strict that they have cost sales to Peruvian buyers."
    assert summary(text) == []


# -- diplomatic measures ----------------------------------------------------------------------

def test_an_envoy_recalled_is_a_protest_and_a_recall_demanded_is_not_the_others() -> None:
    text = ("Brasilia answered on 3 May by recalling its ambassador, Ana Souza, and "
            "demanding that Peru recall its own envoy.")
    assert [(t, i) for t, i, _ in summary(text)] == [("protest", "Brazil")]


def test_relations_downgraded_are_a_measure_active_or_passive() -> None:
    for text in ["Brasilia downgraded diplomatic ties with Lima to the level of charge "
                 "d'affaires on 4 June.",
                 "Brasilia said on 4 June that relations with Peru would be downgraded."]:
        assert ("other", "Brazil") in [(t, i) for t, i, _ in summary(text)]


# -- duties, surtaxes and threats -------------------------------------------------------------

def test_a_tariff_or_surtax_named_with_its_rate_is_a_trade_measure() -> None:
    text = ("Lima will impose tariffs of 80% on Brazilian soybeans and 10% on Brazilian "
            "copper, the trade ministry said on Friday.")
    assert ("other", "Peru", "Brazil") in summary(text)
    text = "Santiago imposed a 35% surtax on Peruvian copper in March."
    assert ("other", "Chile", "Peru") in summary(text)


def test_an_export_duty_with_its_rate_and_act_is_a_measure_but_a_policy_label_is_not() -> None:
    assert [(t, i) for t, i, _ in summary(
        "In 2024 Lima imposed an export duty of 15% on copper concentrate.")] == \
        [("other", "Peru")]
    assert [(t, i) for t, i, _ in summary(
        "Lima said an export levy of 15% was imposed on copper concentrate in 2024.")] == \
        [("other", "Peru")]
    text = 'Lima changed the copper policy from "Free with export duty of 15%" to "Restricted".'
    assert not any(m.span.text.startswith("export duty") for m in run(text))


def test_a_threatened_duty_is_its_threatening_states_and_weighed() -> None:
    text = ("Brasilia opened an anti-dumping probe into Peruvian copper in May.\n\n"
            "Analysts said Santiago has threatened 30% duties on most Peruvian goods.")
    threats = [m for m in run(text) if "threatened" in m.span.text]
    assert [(m.issuer, m.target, m.status.value) for m in threats] == \
        [("Chile", "Peru", "under_consideration")]


# -- lists of trusted partners ----------------------------------------------------------------

def test_a_partner_struck_from_preferential_export_treatment_is_an_export_control() -> None:
    text = ("Brasilia announced on Monday that it will exclude Peru from the general export "
            "licence for two chemicals.")
    assert ("export_control", "Brazil", "Peru") in summary(text)
    text = ('Brasilia will start the procedure to delete Peru from its "white country" list '
            "and collects public comments until the 30th.")
    found = run(text)
    assert [(m.type.value, m.issuer, m.status.value) for m in found] == \
        [("export_control", "Brazil", "under_consideration")]


# -- page furniture ---------------------------------------------------------------------------

def test_headlines_of_a_related_stories_list_are_no_measures_of_the_article() -> None:
    text = ("Brasilia raised export controls on copper on Monday.\n\n"
            "Related:\n"
            "- Lima slaps tariffs on Chilean soybeans (May 2, 2026)\n"
            "- Santiago weighs duties on Peruvian copper (April 9, 2026)\n")
    assert [i for _, i, _ in summary(text)] == ["Brazil"]


# -- list additions ---------------------------------------------------------------------------

def test_a_listing_takes_as_target_where_its_members_are_and_headlines_drop_the_article() -> None:
    text = ("Brasilia adds 12 Peruvian firms to Entity List over Chile deals\n\n"
            "Brasilia added 30 entities to its Entity List on May 4, 25 of them in Peru, for "
            "selling copper to Chilean buyers.")
    assert [(t, i, g) for t, i, g in summary(text)] == \
        [("export_control", "Brazil", "Peru"), ("export_control", "Brazil", "Peru")]


def test_a_listing_names_no_target_when_none_or_few_members_are_in_a_state() -> None:
    # "none of them", "three of them" are no majority of the set: no state is its target
    for share in ("none of them in Peru", "three of them in Peru, mostly Chilean traders"):
        text = f"Brasilia added 20 entities to its Entity List on May 4, {share}."
        listed = [m for m in run(text) if "Entity List" in m.span.text]
        assert [(m.issuer, m.target) for m in listed] == [("Brazil", None)]


def test_a_listing_takes_its_members_state_when_most_are_there() -> None:
    for share in ("most of them in Peru", "the majority of them in Peru",
                  "eleven of them in Peru"):
        text = f"Brasilia added 20 entities to its Entity List on May 4, {share}."
        listed = [m for m in run(text) if "Entity List" in m.span.text]
        assert [(m.issuer, m.target) for m in listed] == [("Brazil", "Peru")]


def test_a_state_studying_a_measure_is_its_would_be_issuer() -> None:
    text = ("Lima imposed copper export controls in March.\n\n"
            "- Santiago is studying a ban on exports of raw copper ore, officials said.")
    studied = [m for m in run(text) if "studying" in m.span.text]
    assert [(m.issuer, m.status.value) for m in studied] == [("Chile", "under_consideration")]


# -- steps put off ----------------------------------------------------------------------------

def test_a_step_whose_deadline_keeps_moving_is_only_weighed() -> None:
    text = ("Lima banned copper ore exports in 2021, and officials have said that zinc "
            "exports will be halted as well, though the deadline has been postponed twice.")
    halts = [m for m in run(text) if "halted" in m.span.text]
    assert [m.status.value for m in halts] == ["under_consideration"]


def test_a_concession_about_another_step_leaves_the_measure_in_force() -> None:
    # the concession weighs a further step, not the ban's own timing: the ban is in force
    text = ("Lima banned copper ore exports to Brazil in March, but it may widen the ban to "
            "zinc ore later this year.")
    bans = [m for m in run(text) if m.span.text.startswith("Lima banned")]
    assert [m.status.value for m in bans] == ["in_force"]


def test_a_lawsuit_at_the_wto_is_a_case() -> None:
    text = "Lima said it will file a lawsuit with the World Trade Organization over the duties."
    assert [(t, i) for t, i, _ in summary(text)] == [("other", "Peru")]


def test_exports_made_to_face_stricter_end_use_reviews_are_a_licensing_restriction() -> None:
    text = ("Brasilia said exports of copper items to Peru would face stricter end-user and "
            "end-use reviews.")
    assert summary(text) == [("licensing_restriction", "Brazil", "Peru")]
