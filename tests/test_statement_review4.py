"""Statement claims of the fourth fresh-eyes review: an unnamed spokesperson named again
by title, a translated Q&A whose answers retell the official in the third person, a label
credited in passing ("what X calls Y"), and "the government" after its quotation.

Fixtures are written for one phenomenon each, with their own actors and wording."""

from __future__ import annotations

from extract_support import actor, article, mentions

from kg.extract.statements import find_statements
from kg.model import StatementKind, StatementMention

NORWAY = actor("Norway", "state", "Norway", "Oslo")
CHILE = actor("Chile", "state", "Chile", "Santiago")
FISHERIES = actor("Ministry of Fisheries of Norway", "government_body", "Fisheries Ministry",
                  part_of="Norway")
BERG = actor("Lena Berg", "person", "Lena Berg", "Berg")
TABLE = [NORWAY, CHILE, FISHERIES, BERG]


def run(text: str, date: str = "2025-03-12") -> list[StatementMention]:
    return find_statements(article(text, date=date), mentions(text, TABLE))


def said(statements: list[StatementMention]) -> set[tuple[str, str]]:
    return {(s.speaker, s.span.text) for s in statements}


# -- "The spokesperson said" after an unnamed spokesperson of a body ------------------------

def test_the_spokesperson_again_speaks_for_the_body_described_before() -> None:
    text = ("A Fisheries Ministry spokesperson said on Monday that Oslo \"rejects\" the new "
            "tariff on salmon. The spokesperson said Oslo would \"answer in kind\" if "
            "Santiago keeps the duty.")
    found = said(run(text))
    assert ("Ministry of Fisheries of Norway",
            "Oslo would \"answer in kind\" if Santiago keeps the duty") in found


def test_the_spokesperson_of_a_state_names_no_body() -> None:
    # "a Chilean spokesperson" speaks for no named body: "the spokesperson" stays unresolved
    text = ("Santiago's spokesperson said duties were lawful. The spokesperson said the "
            "quota talks would resume in May.")
    assert all("quota talks" not in s.span.text for s in run(text))


# -- a translated Q&A retold in the third person ---------------------------------------------

RETOLD = "\n\n".join([
    "Fisheries Ministry responsible person answers reporter question on salmon export "
    "licences",
    "Question: Why are licences introduced now?",
    "Answer: Salmon stocks have fallen for three years in a row. The responsible person said, "
    "the licences will be issued within about 30 working days, and large exporters will be "
    "checked first.",
    "Question: Will small exporters be affected?",
    "Answer: The Fisheries Ministry will hold a seminar for the exporters next month. The "
    "responsible person stressed that Oslo opposes \"any attempt to politicise the fish "
    "trade.\"",
]) + "\n"


def test_retold_answer_gives_the_words_after_the_verb_as_reported_speech() -> None:
    statements = run(RETOLD)
    by_text = {s.span.text: s for s in statements}
    words = ("the licences will be issued within about 30 working days, and large "
             "exporters will be checked first")
    assert words in by_text
    assert by_text[words].speaker == "Ministry of Fisheries of Norway"
    assert by_text[words].kind is StatementKind.REPORTED
    quoted = [s for s in statements if "politicise" in s.span.text]
    assert quoted and quoted[0].kind is StatementKind.DIRECT_QUOTE


def test_retold_answer_with_the_officials_department_is_still_the_answerer() -> None:
    office = actor("Seafood Export Office", "government_body", "Seafood Export Office",
                   part_of="Norway")
    text = RETOLD.replace("The responsible person said,",
                          "The responsible person of the Seafood Export Office said,")
    statements = find_statements(article(text, date="2025-03-12"),
                                 mentions(text, [*TABLE, office]))
    assert {s.speaker for s in statements} == {"Ministry of Fisheries of Norway"}
    assert not any("seminar" in s.span.text for s in statements)


def test_retold_answer_drops_the_reporters_own_sentences() -> None:
    texts = " ".join(s.span.text for s in run(RETOLD))
    assert "seminar" not in texts  # an act the ministry will do, not words said
    assert "Salmon stocks" not in texts


def test_transcript_answer_closing_a_quotation_keeps_its_other_sentences() -> None:
    text = "\n\n".join([
        "Fisheries Ministry spokesperson Lena Berg answered reporter questions on salmon "
        "export licences.",
        "Question: Will small exporters be affected?",
        "Answer: Small exporters will not be affected by the licences. \"Oslo keeps its "
        "markets open to everyone,\" Berg said.",
    ]) + "\n"
    texts = {s.span.text for s in run(text)}
    assert "Small exporters will not be affected by the licences" in texts


# -- "what X calls Y": a label credited in passing -------------------------------------------

def test_what_a_party_calls_something_is_no_statement() -> None:
    text = ("Oslo opened an inquiry on Monday into what Santiago calls fair pricing rules "
            "for farmed salmon.")
    assert run(text) == []


def test_what_a_party_calls_something_in_quotation_marks_is_its_words() -> None:
    text = ("Exporters halted shipments after what Lena Berg described as \"informal "
            "guidance\" from the regulator.")
    assert any(s.speaker == "Lena Berg" for s in run(text))


# -- '"...," the government said' ------------------------------------------------------------

def test_the_government_after_its_quotation_is_the_state_of_the_story() -> None:
    text = ("Norway on Monday cut cod quotas for foreign trawlers by a fifth. The cut applies "
            "from April.\n\n\"The new quotas will protect our coastal towns,\" the government "
            "said in a statement.")
    assert ("Norway", "The new quotas will protect our coastal towns") in said(run(text))


def test_the_government_reporting_an_act_names_no_speaker() -> None:
    text = ("Norway on Monday cut cod quotas for foreign trawlers by a fifth. Oslo summoned "
            "the Chilean envoy over the dispute, the government said.")
    assert all("summoned" not in s.span.text for s in run(text))


# -- "X confirms <a measure>": an act confirmed -----------------------------------------------

def test_confirming_a_measure_is_an_act_not_words() -> None:
    text = ("12/05/2024 — Santiago confirms provisional safeguard duties on Norwegian salmon "
            "of up to 14%, for three years.")
    assert run(text) == []


def test_confirming_that_a_measure_holds_is_words() -> None:
    text = ("Santiago confirmed the safeguard duties would remain in place until the review "
            "ends in June.")
    assert [s.speaker for s in run(text)] == ["Chile"]
