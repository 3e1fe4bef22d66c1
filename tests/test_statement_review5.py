"""Statement claims of the fifth fresh-eyes review: a hearing's transcript with titled
speaker labels in capitals, live-blog entries under a time on a line of its own, "he"/"she"
in a clause coordinated after a person's statement, a text naming itself ("This note ...
It argues"), a title in apposition before a trailing verb, a part of the day in the
attribution, and verbs followed only by adverbials.

Fixtures are written for one phenomenon each, with their own actors and wording."""

from __future__ import annotations

from extract_support import actor, article, mentions

from kg.extract.statements import find_statements
from kg.model import PartialDate, StatementKind, StatementMention

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
COSTA = actor("Ana Costa", "person", "Ana Costa", "Costa")
REYES = actor("Ramon Reyes", "person", "Ramon Reyes")
LOPEZ = actor("Maria Lopez", "person", "Maria Lopez")
TRADE = actor("Ministry of Trade of Peru", "government_body", "trade ministry",
              part_of="Peru")
MARSH = actor("Dana Marsh", "person", "Dana Marsh", "MARSH")
PIKE = actor("Pike", "person", "PIKE")
TABLE = [BRAZIL, PERU, COSTA, REYES, LOPEZ, TRADE, MARSH, PIKE]


def run(text: str, date: str | None = "2025-06-10") -> list[StatementMention]:
    return find_statements(article(text, date=date), mentions(text, TABLE))


def said(statements: list[StatementMention]) -> set[tuple[str | None, str]]:
    return {(s.speaker, s.span.text) for s in statements}


# -- a hearing's transcript: titled labels in capitals -----------------------------------

HEARING = "\n\n".join([
    "HEARING BEFORE THE COMMITTEE ON FOOD SECURITY",
    "Tuesday, June 3, 2025",
    "[The witness was Dana Marsh, Administrator of the Grain Export Office.]",
    "SENATOR PIKE: The committee will come to order. Why did the office stop wheat "
    "shipments to Lima last month?",
    "MS. MARSH: Thank you, Senator. The stocks in our silos fell below the legal floor in "
    "April. We will resume the shipments once the harvest is in.",
    "SENATOR PIKE: Can you give us a date?",
    "MS. MARSH: I would rather not promise a date in an open session.",
    "SENATOR PIKE: The farmers in my state call this a betrayal of our partners.",
])


def test_hearing_turns_are_the_labelled_speakers_direct_quotes() -> None:
    found = run(HEARING, date="2025-06-03")
    marsh = [s for s in found if s.speaker == "Dana Marsh"]
    texts = {s.span.text for s in marsh}
    assert "We will resume the shipments once the harvest is in" in texts
    assert "I would rather not promise a date in an open session" in texts
    assert all(s.kind is StatementKind.DIRECT_QUOTE for s in marsh)
    assert all(s.date == PartialDate(2025, 6, 3) for s in marsh)


def test_a_members_question_turn_is_no_statement() -> None:
    found = said(run(HEARING, date="2025-06-03"))
    assert not any("harvest" not in text and "Lima" in text for _, text in found)
    assert all(speaker != "Pike" or "betrayal" in text for speaker, text in found)
    assert ("Pike", "The farmers in my state call this a betrayal of our partners") in found


def test_capital_labels_without_titles_make_no_hearing() -> None:
    # a broadcast's "MARSH:" labels (no courtesy title) are not a hearing's turns
    text = HEARING.replace("SENATOR PIKE:", "PIKE:").replace("MS. MARSH:", "MARSH:")
    assert not any(s.span.text == "We will resume the shipments once the harvest is in"
                   and s.kind is StatementKind.DIRECT_QUOTE
                   for s in run(text, date="2025-06-03"))


# -- a live blog's entries under a time on a line of its own ------------------------------

BLOG = "\n\n".join([
    "Wheat curbs — live",
    "18:20 GMT\nAna Costa has just spoken in Brasilia. She said Brazil would cap wheat "
    "exports at two million tonnes.",
    "\"We are not closing the door,\" Costa said.",
    "16:05 GMT\nLima's trade ministry said it \"regrets\" the decision.",
])


def test_entries_under_a_time_line_take_the_blogs_day() -> None:
    found = run(BLOG)
    dates = {s.span.text: s.date for s in found}
    assert dates["Brazil would cap wheat exports at two million tonnes"] == \
        PartialDate(2025, 6, 10)
    assert dates["We are not closing the door"] == PartialDate(2025, 6, 10)
    assert any(s.speaker == "Ministry of Trade of Peru" and s.date == PartialDate(2025, 6, 10)
               for s in found)


# -- "he"/"she" in a clause coordinated after a person's statement -----------------------

def test_coordinated_pronoun_is_the_first_clauses_speaker() -> None:
    text = ("Palace spokesperson Maria Lopez said that President Ramon Reyes had read the "
            "report, but she declined to comment on his reaction.")
    found = said(run(text))
    assert ("Maria Lopez", "declined to comment on his reaction") in found
    assert all(speaker != "Ramon Reyes" for speaker, _ in found)


# -- a text naming itself --------------------------------------------------------------------

def test_it_after_this_note_is_the_authors_voice() -> None:
    text = ("Summary. This working paper examines the steps Brazil took against Peru in "
            "2019. It contends that the informal steps mattered most, and that they were "
            "never written down.")
    assert not any("informal steps" in s.span.text for s in run(text))


def test_it_after_a_report_issued_before_is_its_issuer() -> None:
    text = ("Lima's trade ministry published a report on the dispute in March. This report "
            "lists forty cases. It says that Brazil broke the customs union rules.")
    assert ("Ministry of Trade of Peru", "Brazil broke the customs union rules") in \
        said(run(text))


# -- a title in apposition before a verb with no words ---------------------------------------

def test_a_title_in_apposition_is_not_reported_words() -> None:
    text = "Brazil's trade minister, Ana Costa, replied on social media."
    assert run(text) == []


def test_words_before_a_trailing_attribution_still_count() -> None:
    text = "Exports will fall by a third this year, Ana Costa, the trade minister, said."
    assert ("Ana Costa", "Exports will fall by a third this year") in said(run(text))


# -- verbs followed only by adverbials -------------------------------------------------------

def test_a_verb_with_only_its_occasion_reports_no_words() -> None:
    text = ("Lima's trade ministry has responded in a statement carried by state radio. It "
            "said Peru \"firmly rejects\" the cap.")
    found = said(run(text))
    assert all("carried by" not in t for _, t in found)
    assert ("Ministry of Trade of Peru", 'Peru "firmly rejects" the cap') in found


def test_withholding_details_is_no_statement() -> None:
    text = ("Ana Costa said Brazil would answer the Peruvian duties. She did not give "
            "details or a date.")
    found = said(run(text))
    assert all("details" not in t for _, t in found)
    assert ("Ana Costa", "Brazil would answer the Peruvian duties") in found


# -- a part of the day in the attribution ---------------------------------------------------

def test_said_in_the_morning_is_the_day_told_before() -> None:
    # anaphoric: "in the morning" of the day the text just told (not the report's day)
    text = ("LIMA, June 10 -- Peru protested on June 2 against Brazil's cap. Ana Costa said "
            "in an interview with a radio station held in the capital in the morning, \"The "
            "cap is temporary and will be reviewed in August.\"")
    found = {s.span.text: s for s in run(text)}
    quote = found["The cap is temporary and will be reviewed in August."]
    assert quote.speaker == "Ana Costa"
    assert quote.date == PartialDate(2025, 6, 2)


def test_said_in_the_morning_without_a_day_told_is_the_reports_day() -> None:
    text = ("Peru protested against Brazil's cap.\n\n"
            "Ana Costa said in an interview with a radio station held in the capital in the "
            "morning, \"The cap is temporary and will be reviewed in August.\"")
    found = {s.span.text: s for s in run(text)}
    assert found["The cap is temporary and will be reviewed in August."].date == \
        PartialDate(2025, 6, 10)


def test_said_this_morning_is_the_reports_day_whatever_day_was_told() -> None:
    # deictic: "this morning" is the morning of the report, not of the earlier date
    text = ("Brazil capped wheat exports on Aug. 3, 2023. Ana Costa said this morning that "
            "the cap would stay for years.")
    found = {s.span.text: s for s in run(text)}
    quote = found["the cap would stay for years"]
    assert quote.speaker == "Ana Costa"
    assert quote.date == PartialDate(2025, 6, 10)


# -- "said at the time" after a date that starts a state ----------------------------------

def test_at_the_time_skips_a_since_date() -> None:
    text = ("Peru filed its appeal in March 2023 — to a tribunal that has had no judges since "
            "2020. \"We will not give up,\" Ana Costa said at the time.")
    found = {s.span.text: s.date for s in run(text)}
    assert found["We will not give up"] == PartialDate(2023, 3)


# -- "his campaign said" -----------------------------------------------------------------------

def test_his_campaign_speaks_for_the_person_of_the_sentence_before() -> None:
    text = ("Ramon Reyes, the favourite and a former mayor under Maria Lopez, has promised "
            "stability. \"The wheat cap will stay and we will defend the farmers,\" his "
            "campaign said in a written reply.")
    assert ("Ramon Reyes", "The wheat cap will stay and we will defend the farmers") in \
        said(run(text))


# -- acts told with a verb of saying ----------------------------------------------------------

def test_threatening_a_measure_reports_the_act() -> None:
    text = ("Brasilia has threatened 40% duties on Peruvian fishmeal. Lima threatened that it "
            "would take the case to arbitration.")
    found = said(run(text))
    assert all("fishmeal" not in t for _, t in found)
    assert ("Peru", "it would take the case to arbitration") in found


def test_responding_by_an_act_reports_no_words() -> None:
    text = ("Lima responded on 2 May by expelling two Brazilian diplomats, Joao Lima and "
            "Rui Sa, and demanding that Brazil close its consulate in Cusco.")
    found = said(run(text))
    assert ("Peru", "demanding that Brazil close its consulate in Cusco") in found
    assert all(t.startswith("demanding") for _, t in found)


def test_responding_by_a_gerund_of_saying_reports_words() -> None:
    # "by" and a speech verb's gerund tell the words of the reply, not an act
    text = ("Lima responded by arguing that the cap broke the customs union. Ana Costa "
            "replied by insisting that Brazil had kept every promise.")
    found = said(run(text))
    assert ("Peru", "the cap broke the customs union") in found
    assert ("Ana Costa", "Brazil had kept every promise") in found


def test_present_perfect_takes_no_date_of_the_sentence() -> None:
    text = ("Brazil opened a credit line for Peruvian firms in March 2024, a scheme that Ana "
            "Costa has described as \"too small to matter\".")
    quote = next(s for s in run(text) if "too small" in s.span.text)
    assert quote.speaker == "Ana Costa"
    assert quote.date is None


def test_a_negated_clause_of_the_speaker_ends_the_words() -> None:
    text = ("In a radio interview, Ana Costa said the cap had been \"a misstep\", though she "
            "did not call for it to be lifted.")
    found = said(run(text))
    assert ("Ana Costa", 'the cap had been "a misstep"') in found


# -- "The government" opening a datelined story ---------------------------------------------

def test_the_government_after_a_dateline_is_the_datelines_state() -> None:
    text = ("LIMA, June 10 (Wire) -- The government voiced concern on Tuesday about Brazil's "
            "wheat cap and said it would ask for talks within the customs union.\n\n"
            "Lima's trade ministry said the cap breaks the union's rules.")
    found = said(run(text))
    assert ("Peru", "it would ask for talks within the customs union") in found


def test_the_government_without_a_dateline_stays_unresolved() -> None:
    text = ("The government voiced concern on Tuesday about Brazil's wheat cap and said it "
            "would ask for talks within the customs union. Ana Costa said the cap was lawful.")
    found = said(run(text))
    assert all(speaker != "Peru" for speaker, _ in found)
    assert ("Ana Costa", "the cap was lawful") in found  # the statements around it stay


def test_a_chairs_procedural_sentences_are_no_statements() -> None:
    text = HEARING + "\n\nSENATOR PIKE: Let me close with a statement for the record from " \
        "the growers. The record will remain open for five days. The hearing is adjourned."
    found = said(run(text, date="2025-06-03"))
    assert all("record" not in t and "adjourned" not in t for _, t in found)
    assert ("Dana Marsh", "We will resume the shipments once the harvest is in") in found
    assert ("Pike", "The farmers in my state call this a betrayal of our partners") in found


def test_a_witnesss_record_or_recognition_is_an_answer() -> None:
    # only whole procedural clauses run the session: a witness's "record" high and a
    # country "recognized for" its skill are claims
    text = HEARING + "\n\nMS. MARSH: Wheat shipments to Lima hit a record high in March. " \
        "Brazil is widely recognized for the quality of its grain."
    found = said(run(text, date="2025-06-03"))
    assert ("Dana Marsh", "Wheat shipments to Lima hit a record high in March") in found
    assert ("Dana Marsh", "Brazil is widely recognized for the quality of its grain") in found


def test_procedural_phrases_apply_only_in_a_hearing() -> None:
    # a press conference's answer that mentions "the record" is the answerer's words
    text = ("Trade minister Ana Costa took questions from reporters in Brasilia.\n\n"
            "Reporter: How did exports do?\n\n"
            "Costa: Soybean exports to Peru hit the record high of two billion reais in May.")
    found = said(run(text))
    assert ("Ana Costa", "Soybean exports to Peru hit the record high of two billion reais "
            "in May") in found


def test_a_lone_capital_before_she_ends_the_sentence() -> None:
    text = ("Brazil's trade minister, Ana Costa, has replied on X. She said the cap would "
            "\"protect our bakers\" until the harvest.")
    found = said(run(text))
    assert ("Ana Costa", 'the cap would "protect our bakers" until the harvest') in found
    assert all(not t.startswith("on X") for _, t in found)


def test_a_bullet_marker_is_not_part_of_the_words() -> None:
    text = ("Prices:\n\n* Wheat prices in Lima have risen by a third this year, according to "
            "Peru's trade ministry.")
    texts = {t for _, t in said(run(text))}
    assert texts == {"Wheat prices in Lima have risen by a third this year"}


def test_a_title_before_the_name_after_the_verb() -> None:
    text = ("\"The cap will not last the winter,\" said Professor Ramon Reyes of the Lima "
            "Institute of Agrarian Studies.")
    assert ("Ramon Reyes", "The cap will not last the winter") in said(run(text))
