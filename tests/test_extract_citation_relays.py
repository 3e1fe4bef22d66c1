"""A body relaying what someone else did (round 15): after a sentence that ends on a
quotation, past a prepositional aside, and the owner-of-an-outlet and question-turn word
lists read from ``[citation]`` of actors.toml.  Inline texts written for each phenomenon."""

from __future__ import annotations

from extract_support import cited_names, found_actors

from kg.extract.refdata import actor_data


def test_a_body_named_after_a_sentence_ending_on_a_quotation_relays_it() -> None:
    text = ("Deputy Foreign Minister Annalena Baerbock met Ambassador Jin Yuan and called "
            "the sanctions \"an unacceptable escalation,\" the German Foreign Office said.")
    assert cited_names(text) == {"Ministry of Foreign Affairs of Germany"}


def test_a_person_only_inside_the_quotation_makes_it_the_body_s_own_words() -> None:
    text = ("\"We urge Minister Akazawa to reverse the listing,\" the commerce ministry "
            "said.")
    assert cited_names(text) == set()


def test_a_prepositional_aside_between_a_body_and_its_relay_verb_keeps_the_citation() -> None:
    text = ("Tokyo summoned Ambassador Wu Jianghao on Monday. The Chinese embassy, in its "
            "own readout, said Wu rejected the protest.")
    assert cited_names(text) == {"Embassy of China in Japan"}


def test_the_question_and_ownership_words_are_data() -> None:
    frames = actor_data().citation
    assert "reported" in frames.question_report_verbs
    assert {"tabloid", "broadcaster"} <= set(frames.outlet_nouns)
    assert "owned" in frames.ownership_verbs
    assert cited_names("The Global Times, a tabloid owned by the People's Daily, said the "
                       "curbs were overdue.") == {"Global Times"}


def test_a_bare_ministry_an_envoy_is_summoned_to_is_the_host_s() -> None:
    # The envoy is the object: the ministry is the one of the sentence's first state.
    text = ("Vice Minister Takehiro Funakoshi summoned Ambassador Wu Jianghao to the "
            "Foreign Ministry on Monday.")
    bodies = [a.name for a in found_actors(text) if a.span.text == "Foreign Ministry"]
    assert bodies == ["Ministry of Foreign Affairs of Japan"]


def test_a_bare_ministry_after_an_envoy_and_a_comma_is_the_host_s() -> None:
    text = ("Vice Minister Takehiro Funakoshi protested to Ambassador Wu Jianghao, the "
            "Foreign Ministry said.")
    assert cited_names(text) == {"Ministry of Foreign Affairs of Japan"}


def test_a_document_still_to_come_cites_nothing_yet() -> None:
    assert cited_names("To watch: Korea Customs Service data on February exports, due "
                       "around 15 March.") == set()
    assert cited_names("Korea Customs Service data showed exports fell, due to the "
                       "holiday.") == {"Korea Customs Service"}


def test_goods_clearing_customs_name_no_customs_body() -> None:
    assert [a.name for a in found_actors(
        "Chinese buyers said frozen scallops cleared customs only this month, after "
        "longer customs checks.")] == []
