"""Wrong measure claims a fresh-eyes review found, each phenomenon in invented words.

A forecast or intent denied before the act's verb ("is unlikely to halt", "has no plans to
impose", "analysts do not expect X to ban", "doubt that X will ban") asserts no measure; a
positive forecast ("is likely to ban") is only weighed.  A yes/no question in the perfect
or the past ("Has X lodged a protest?", "Did X ban ...?") asks whether the act happened and
asserts none, and the learned step proposes nothing in a sentence the rules found
imagined.  A person of no known side near a measure (its speaker) does not issue it.  A WTO
case withdrawn or suspended is a later act of its own, dated by its own clause.  A set of
names added to an entity list with examples ("140 companies, including X") targets the
set's state.  A partner dropped from a list of "trusted trade partners", and a bare plural
whose own predicate "took effect" on a date ("2 May 2025": a month, no modal), are
measures.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, MeasureStatus

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau", "Ruritanian")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville", "Freedonian")
TRADE = actor("Trade Ministry of Ruritania", "government_body", "Ruritanian trade ministry",
              part_of="Ruritania")
ORSINO = actor("Duke Orsino", "person", "Duke Orsino", "Orsino", role="Trade Minister")
ACME = actor("Acme Tools", "company", "Acme Tools")
TABLE = [RURITANIA, FREEDONIA, TRADE, ORSINO, ACME]
GOODS = [{"name": "cobalt", "category": "other", "forms": ["cobalt"]},
         {"name": "wheat", "category": "other", "forms": ["wheat"]},
         {"name": "yttrium", "category": "rare_earth_element", "forms": ["yttrium"]}]


def run(text: str, *, date: str | None = "2026-03-12") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date=date), mentions(text, TABLE),
                         materials(text, GOODS))


def summary(text: str, **kw: str | None) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return [(m.type.value, m.issuer, m.target) for m in run(text, **kw)]


# -- forecasts and intents denied ------------------------------------------------------------

def test_a_measure_forecast_as_unlikely_is_no_measure() -> None:
    assert summary("Strelsau is unlikely to ban cobalt exports to Freedonia this year, "
                   "analysts said.") == []
    assert summary("Ruritania is unlikely to ever restrict exports of cobalt.") == []


def test_a_measure_no_one_expects_or_plans_is_no_measure() -> None:
    for text in ("Ruritania is not expected to ban cobalt exports, officials said.",
                 "Strelsau is not going to impose export curbs on Freedonian wheat.",
                 "Ruritania has no plans to restrict exports of cobalt to Freedonia.",
                 "Traders do not expect Strelsau to halt cobalt exports.",
                 "Few expect Ruritania to ban wheat exports before the harvest.",
                 "Ruritania refused to impose sanctions on Freedonia.",
                 "It is unlikely that Strelsau will halt cobalt exports this year."):
        assert summary(text) == [], text


def test_a_denied_forecast_keeps_the_measure_it_would_keep_or_lift() -> None:
    found = summary("Strelsau is unlikely to keep its ban on wheat imports from Freedonia.")
    assert found == [("import_ban", "Ruritania", "Freedonia")]


def test_no_doubt_is_no_denial() -> None:
    found = run("There is no doubt that Strelsau will ban cobalt exports to Freedonia.")
    assert [(m.type.value, m.issuer) for m in found] == [("export_ban", "Ruritania")]


def test_a_measure_forecast_as_likely_is_only_weighed() -> None:
    found = run("Ruritania is likely to ban cobalt exports to Freedonia, analysts said.")
    assert [m.status for m in found] == [MeasureStatus.UNDER_CONSIDERATION]


# -- questions -------------------------------------------------------------------------------

def test_a_question_whether_an_act_happened_asserts_none() -> None:
    for text in ("Reporter: Has Freedonia lodged a protest with Ruritania over the seizure?",
                 "Q: Did Ruritania ban cobalt exports to Freedonia last week?",
                 "Have the Ruritanian authorities imposed sanctions on Freedonia?"):
        assert summary(text) == [], text


def test_a_question_about_a_standing_measure_keeps_it() -> None:
    found = summary("Has Ruritania's ban on cobalt exports hurt Freedonian firms?")
    assert [f[:2] for f in found] == [("export_ban", "Ruritania")]


def test_a_question_after_a_told_act_leaves_the_act() -> None:
    found = summary("Ruritania banned wheat imports from Freedonia. Did you expect that?")
    assert found == [("import_ban", "Ruritania", "Freedonia")]


# -- issuers ---------------------------------------------------------------------------------

def test_sanctions_a_person_of_no_known_side_speaks_of_have_no_issuer() -> None:
    text = ("Trade Minister Duke Orsino said that \"we will keep working with partners to "
            "promote sanctions against Freedonia.\"")
    assert summary(text) == []


def test_a_ban_a_person_says_there_is_no_proposal_to_lift_is_not_theirs() -> None:
    text = ("Trade Minister Duke Orsino has said there is \"no proposal\" to lift the wheat "
            "export ban.")
    assert all(issuer != "Duke Orsino" for _, issuer, _ in summary(text))


# -- later acts on a measure -----------------------------------------------------------------

def test_a_wto_case_withdrawn_is_an_act_of_its_own_dated_by_its_entry() -> None:
    text = ("March 3, 2021 - Freedonia files a complaint at the WTO against Ruritania.\n\n"
            "May 9, 2025 - Freedonia says it will withdraw the WTO complaint.\n\n"
            "May 20, 2025 - Talks resume.")
    found = run(text, date="2025-05-21")
    withdrawal = [m for m in found if "withdraw" in m.span.text]
    assert [(m.type.value, m.issuer, m.date.isoformat() if m.date else None)
            for m in withdrawal] == [("other", "Freedonia", "2025-05-09")]


def test_a_case_suspended_at_the_wto_is_an_act_of_its_own() -> None:
    found = run("Fredville on Tuesday suspended its case at the WTO against Strelsau.")
    assert [(m.type.value, m.issuer) for m in found] == [("other", "Freedonia")]
    assert "suspended" in found[0].span.text


# -- targets of list additions ---------------------------------------------------------------

def test_a_set_added_with_examples_targets_the_sets_state() -> None:
    text = ("The Freedonian trade office added 60 Ruritanian firms, including Acme Tools, to "
            "the Entity List.")
    assert [f[2] for f in summary(text)] == ["Ruritania"]


def test_a_set_added_after_a_clause_aiming_at_a_state_targets_that_state() -> None:
    text = ("Fredville on Friday widened its campaign against Ruritania's tool industry, "
            "adding 60 companies, including Acme Tools, to the Entity List.")
    assert [f[2] for f in summary(text)] == ["Ruritania"]


def test_a_company_added_alone_is_the_target_itself() -> None:
    text = "Fredville added Acme Tools to the Entity List on Friday."
    assert [f[2] for f in summary(text)] == ["Acme Tools"]


# -- misses ----------------------------------------------------------------------------------

def test_a_partner_dropped_from_a_list_of_trusted_trade_partners() -> None:
    text = "Strelsau on Monday dropped Freedonia from its own list of trusted trade partners."
    assert summary(text) == [("export_control", "Ruritania", "Freedonia")]


def test_a_partner_removed_from_a_states_white_list() -> None:
    text = "Ruritania's cabinet approves removing Freedonia from Ruritania's \"white list\"."
    assert [f[2] for f in summary(text)] == ["Freedonia"]


def test_controls_that_took_effect_on_a_date_are_one_measure() -> None:
    text = ("The Ruritanian trade ministry banned cobalt exports on 3 March 2024.\n\n"
            "* Yttrium: controls on yttrium oxide and metal took effect on 2 May 2025.")
    found = [(m.type.value, m.issuer, m.date.isoformat() if m.date else None)
             for m in run(text) if "yttrium" in m.covers]
    assert found == [("export_control", "Ruritania", "2025-05-02")]
