"""Measure families and frames of round 15, each in invented words.

A duty or levy named by its rate or stage ("a 15% duty on steel", "slapped duties of 12%
on copper", "imposed final duties") is a trade measure; a standing rate ("the standard 10%
import duty") is none.  A clause opened by an inverted auxiliary ("Should Brasilia impose
...", "Were Lima to ...") is a condition.  A bare "the government" (with a time adverbial
before its verb, too) is the article's home state: the one whose bodies and officials the
writer names without saying whose, a foreign government's being named with its state.
Parties "sanctioned" by a verb, and assets frozen, are sanctions.  A measure told without
its agent in an article where one state alone acts is that state's, even when a person of
no known side is the subject of its sentence.
"""

from __future__ import annotations

from extract_support import actor, article, measures_in, mentions, parties_of

from kg.extract.context import build_context
from kg.extract.measures.agents import home_state
from kg.extract.measures.candidate import Candidate
from kg.extract.measures.hedges import DENIALS, imagined_reason
from kg.model import MeasureMention, MeasureType, Span

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
FINANCE = actor("Ministry of Finance of Brazil", "government_body", "Ministry of Finance",
                part_of="Brazil")
TRADE = actor("Ministry of Trade of Brazil", "government_body", "Ministry of Trade",
              part_of="Brazil")
PERU_FM = actor("Ministry of Foreign Affairs of Peru", "government_body",
                "Peruvian Foreign Ministry", part_of="Peru")
SOUSA = actor("Rita Sousa", "person", "Rita Sousa", "Sousa", affiliation="Brazil")
QUISPE = actor("Ana Quispe", "person", "Ana Quispe", "Quispe",
               affiliation="Ministry of Foreign Affairs of Peru")
HALE = actor("Tom Hale", "person", "Tom Hale", "Hale")
TABLE = [BRAZIL, PERU, FINANCE, TRADE, PERU_FM, SOUSA, QUISPE, HALE]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper"]},
         {"name": "soybeans", "category": "other", "forms": ["soybeans"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return parties_of(run(text))


# -- duties -----------------------------------------------------------------------------------

def test_a_duty_named_by_its_rate_is_a_trade_measure() -> None:
    text = "Brasilia on Monday slapped duties of 12% on Peruvian copper."
    assert ("other", "Brazil", "Peru") in summary(text)


def test_a_rate_before_duty_and_a_stage_before_duties_are_trade_measures() -> None:
    assert [m[:2] for m in summary("Brazil imposed a 15 per cent levy on soybeans from Peru "
                                   "last week.")] == [("other", "Brazil")]
    assert [m[:2] for m in summary("Peru imposed final duties on copper in March.")] == \
        [("other", "Peru")]


def test_a_standing_rate_is_no_measure() -> None:
    assert summary("Brazil still charges the standard 10% import duty on Peruvian copper.") == []
    assert summary("Brazil still charges a 10% import duty on Peruvian copper.") == \
        [("other", "Brazil", "Peru")]  # the same words without "standard": a duty


# -- inverted conditionals --------------------------------------------------------------------

def test_a_clause_opened_by_an_inverted_auxiliary_is_a_condition() -> None:
    assert summary("Should Brasilia impose a ban on copper exports, prices would jump.") == []
    assert summary("Were Lima to ban soybean imports, farmers would lose a market.") == []


def test_an_auxiliary_inside_a_clause_is_no_condition() -> None:
    text = "Brazil on Tuesday banned copper exports to Peru, officials should note."
    assert [m[:2] for m in summary(text)] == [("export_ban", "Brazil")]


# -- the home government ---------------------------------------------------------------------

_HOME = ("Government decides curbs on Peru\n\n"
         "The government decided on 19th to prohibit the export of copper to Peru. "
         "It will take effect next month.\n\n"
         "According to the Ministry of Finance, the measure covers refined copper. "
         "Finance Minister Rita Sousa said the step was measured.\n\n"
         "Peruvian Foreign Ministry spokeswoman Ana Quispe said Peru would respond.\n")


def test_the_home_state_is_the_one_whose_bodies_the_writer_names_bare() -> None:
    art = article(_HOME, date="2026-05-20")
    ctx = build_context(art, mentions(_HOME, TABLE))
    assert home_state(ctx) == "Brazil"  # Peru's ministry is named with its state


def test_a_bare_government_with_a_time_adverbial_is_the_home_state() -> None:
    assert ("export_ban", "Brazil", "Peru") in summary(_HOME)


# -- sanctions by a verb ----------------------------------------------------------------------

def test_parties_sanctioned_by_a_verb_are_a_sanction() -> None:
    text = "Lima on Friday sanctioned four Brazilian mining companies and two executives."
    assert [m[:2] for m in summary(text)] == [("other", "Peru")]


def test_assets_frozen_are_a_sanction() -> None:
    text = "Brazil froze the assets of three Peruvian trading houses on Thursday."
    assert [m[:2] for m in summary(text)] == [("other", "Brazil")]


def test_a_participle_before_its_noun_is_no_sanction() -> None:
    assert summary("Banks avoid dealing with sanctioned firms in Lima.") == []


# -- a measure without its agent ---------------------------------------------------------------

def test_an_agentless_measure_is_the_one_acting_states() -> None:
    text = ("When Brasilia barred exports of copper on May 2, prices rose. Analyst Tom Hale "
            "has said that the curbs may last, and a 20% duty on soybeans, imposed on "
            "May 9, suggests more to come.")
    found = summary(text)
    assert ("other", "Brazil", None) in found


# -- why a mention is imagined ---------------------------------------------------------------

def test_the_reason_a_mention_is_imagined_is_given_once() -> None:
    for text, reason in [("Brazil did not ban copper exports.", "negated"),
                         ("If Brazil banned copper exports, Peru would suffer.", "conditional"),
                         ("Brazil banned copper exports.", None)]:
        ctx = build_context(article(text, date="2026-05-20"), mentions(text, TABLE))
        begin = text.index("ban")
        head = Span.of(text, begin, begin + len("banned" if "banned" in text else "ban"))
        c = Candidate(MeasureType.EXPORT_BAN, head, Span.of(text, 0, len(text)), head,
                      verbal=True)
        assert imagined_reason(ctx, c) == reason
    assert "negated" in DENIALS and "conditional" not in DENIALS


# -- the issuer's exports of another state's goods ------------------------------------------

def test_export_curbs_on_a_states_goods_are_an_export_measure_against_it() -> None:
    assert summary("Brazil imposed export curbs on Peruvian copper in 2019.") == \
        [("export_control", "Brazil", "Peru")]
    assert summary("Brazil imposed a ban on Peruvian soybeans in 2019.") == \
        [("import_ban", "Brazil", "Peru")]  # no export word: the foreign goods are imports


# -- a list item's label ----------------------------------------------------------------------

def test_the_goods_of_a_list_items_label_are_what_its_measure_covers() -> None:
    text = ("What Brazil controls:\n\n"
            "* Copper and soybeans: announced by Brazil on 2 March, licences required "
            "from 1 April.\n")
    found = [m for m in run(text) if m.type is MeasureType.EXPORT_CONTROL]
    assert found and set(found[0].covers) == {"copper", "soybeans"}


def test_calling_in_an_ambassador_is_a_protest() -> None:
    text = ("Finance Minister Rita Sousa called in the Peruvian ambassador on Monday over the "
            "copper curbs.")
    assert summary(text) == [("protest", "Rita Sousa", "Peru")]
    assert summary(text.replace("called in", "summoned")) == [("protest", "Rita Sousa", "Peru")]


# -- watch lists ------------------------------------------------------------------------------

def test_goods_put_on_a_watch_list_are_monitored_not_controlled() -> None:
    text = ("Brazil's Ministry of Trade on Tuesday put nine Peruvian-sourced metals, "
            "including copper and zinc, on a supply watch list.")
    assert [m[:2] for m in summary(text)] == [("other", "Ministry of Trade of Brazil")]


def test_parties_put_on_a_watch_list_are_an_export_control() -> None:
    text = ("Brazil's Ministry of Trade on Tuesday placed eight Peruvian firms on a watch "
            "list that requires exporters to file extra risk reports.")
    assert [m[:2] for m in summary(text)] == [("export_control", "Ministry of Trade of Brazil")]


# -- the subject of a relative clause -----------------------------------------------------

def test_the_subject_of_a_relative_clause_is_the_body_it_follows() -> None:
    text = ("Peru banned copper exports to Brazil on Tuesday. The step came a day after a "
            "notice by Brazil's Ministry of Trade (MT), which added 40 firms, most of them "
            "Peruvian, to its Entity List.")
    assert summary(text) == [("export_ban", "Peru", "Brazil"),
                             ("export_control", "Ministry of Trade of Brazil", "Peru")]


# -- an effective date in the next sentence --------------------------------------------------

def test_a_future_effective_date_in_the_next_sentence_makes_the_measure_announced() -> None:
    text = ("Brazil decided on Monday to prohibit the export of copper to Peru. "
            "It will be enforced from 1 July.")
    found = [m for m in run(text) if m.type is MeasureType.EXPORT_BAN]
    assert [m.status.value for m in found] == ["announced"]
    text = "Brazil decided on Monday to prohibit the export of copper to Peru. Peru protested."
    found = [m for m in run(text) if m.type is MeasureType.EXPORT_BAN]
    assert [m.status.value for m in found] == ["in_force"]  # no effective date: the default


# -- list items under a lead-in line --------------------------------------------------------

def test_items_opening_on_their_verb_take_the_subject_of_their_lead_in_line() -> None:
    text = ("## What has Lima done so far?\n\n"
            "Since March, Lima has:\n\n"
            "1. told its citizens to avoid travel to Brazil (March 3);\n"
            "2. halted imports of Brazilian soybeans (March 9);\n"
            "3. opened an anti-dumping investigation into Brazilian copper (April 2).\n")
    found = summary(text)
    assert [f[:2] for f in found] == [("travel_advisory", "Peru"), ("import_ban", "Peru"),
                                      ("other", "Peru")]


def test_an_item_naming_its_own_actor_keeps_it() -> None:
    text = ("Since March:\n\n"
            "1. Brazil halted imports of Peruvian soybeans (March 9);\n"
            "2. Lima opened an anti-dumping investigation into Brazilian copper.\n")
    assert [f[:2] for f in summary(text)] == [("import_ban", "Brazil"), ("other", "Peru")]


def test_a_named_advisory_a_government_will_not_issue_is_no_measure() -> None:
    assert summary("Brazil will not issue an Outbound Travel Alert for Peru.") == []
    assert summary("Brazil will issue an Outbound Travel Alert for Peru.") == \
        [("travel_advisory", "Brazil", "Peru")]
