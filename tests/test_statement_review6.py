"""Statements of the sixth review's document conventions (round 17), in texts of our own.

Conversations labelled with the speakers' names (an earnings call, a magazine Q&A with bold
names), parliamentary written answers in the third person, the inverted attribution with a
capitalised title ('"...," said Trade Commissioner X'), translated Chinese attributions
("X on Monday regular press conference said, ...", "The <body> relevant responsible person
said, ..."), and a stance verb that only announces the quotation after it.  One phenomenon per
test (kg.extract.statements, kg.extract.transcripts, kg.extract.written_answers,
kg.extract.actor_turn_labels).
"""

from __future__ import annotations

import datetime as dt

from extract_support import actor, article, found_actors, mentions

from kg.extract.statements import find_statements
from kg.model import ActorType, Article, ArticleMetadata, StatementKind, StatementMention

LINDQVIST = actor("Maria Lindqvist", "person", "Maria Lindqvist", "Lindqvist")
OKAFOR = actor("Chidi Okafor", "person", "Chidi Okafor", "Okafor")
BERG = actor("Jonas Berg", "person", "Jonas Berg", "Berg")
HALE = actor("Simone Hale", "person", "Simone Hale", "Hale")
PRICE = actor("Owen Price", "person", "Owen Price", "Price")
MORAN = actor("Aoife Moran", "person", "Aoife Moran", "Moran")
VALDIS = actor("Petra Valdis", "person", "Petra Valdis", "Valdis")
LIN = actor("Lin Jian", "person", "Lin Jian")
MOFCOM = actor("Ministry of Commerce of China", "government_body", "Commerce Ministry",
               "Ministry of Commerce")
NORWAY = actor("Norway", "state", "Norway", "Oslo")
CHINA = actor("China", "state", "China", "Beijing")
TABLE = [LINDQVIST, OKAFOR, BERG, HALE, PRICE, MORAN, VALDIS, LIN, MOFCOM, NORWAY, CHINA]


def run(text: str, date: str | None = "2026-03-12") -> list[StatementMention]:
    return find_statements(article(text, date=date), mentions(text, TABLE))


def shown(text: str, date: str | None = "2026-03-12") -> list[tuple[str | None, str]]:
    return [(s.speaker, s.span.text) for s in run(text, date)]


CALL = """Nordvik Cables ASA - Q4 2025 results call
Date: February 3, 2026

Operator: Welcome to the call. I hand over to our chief executive.

Maria Lindqvist: Thank you. Revenue fell by four percent in the quarter because copper \
deliveries from Chile were late.

Chidi Okafor: Thanks. Do you expect the delays to continue into the spring?

Lindqvist: We expect deliveries to normalise by April. Our stock covers ten weeks of \
production.

Jonas Berg: Two questions on margins. Will prices rise again? And what about Norway?

Lindqvist: Prices will follow the metal index. Norway is not changing its export rules.

Okafor: And the dividend?

Lindqvist: The board will propose an unchanged dividend in March.
"""


def test_a_named_turn_of_a_call_is_its_speakers_words_dated_by_the_call() -> None:
    found = run(CALL)
    assert {s.speaker for s in found} == {"Maria Lindqvist"}
    assert all(s.kind is StatementKind.DIRECT_QUOTE for s in found)
    assert {s.date.isoformat() for s in found if s.date} == {"2026-02-03"}
    texts = [s.span.text for s in found]
    assert "We expect deliveries to normalise by April" in texts
    assert "The board will propose an unchanged dividend in March" in texts


def test_the_askers_turns_are_questions_not_statements() -> None:
    texts = " ".join(s.span.text for s in run(CALL))
    assert "delays to continue" not in texts and "Two questions" not in texts


INTERVIEW = """THE WIDE ANGLE | Interview

"We will not sell the port"

Interview by Simone Hale | 9 March 2026

Petra Valdis, 58, is Ruritania's transport minister. We met her in her office on 2 March.

**Simone Hale:** The port deal collapsed last month. What happened?

**Petra Valdis:** The buyer wanted control of the customs yard. That was never on the table.

**Hale:** Some investors were surprised.

**Valdis:** Investors read the same law as everybody else. The yard stays public.

**Hale:** Will you reopen the tender?

**Valdis:** Not this year. We will first repair the northern quay.
"""


def test_a_bold_labelled_interview_gives_the_answers_to_the_interviewee() -> None:
    found = run(INTERVIEW, date="2026-03-09")
    assert {s.speaker for s in found} == {"Petra Valdis"}
    texts = [s.span.text for s in found]
    assert "Investors read the same law as everybody else" in texts
    assert "Some investors were surprised" not in " ".join(texts)  # the asker's turn
    assert {s.date.isoformat() for s in found if s.date} == {"2026-03-02"}


def test_an_age_apposition_and_bold_labels_name_people() -> None:
    people = {(a.name, a.span.text) for a in found_actors(INTERVIEW)
              if a.type is ActorType.PERSON}
    assert ("Petra Valdis", "Petra Valdis") in people
    assert ("Simone Hale", "Simone Hale") in people


def test_a_label_line_in_a_news_story_is_no_conversation() -> None:
    text = ("Oslo raised the levy on Monday.\n\nNote: figures are provisional.\n\n"
            "Source: the finance ministry.\n\nMaria Lindqvist: a profile appears on page 4.\n")
    assert not [a for a in found_actors(text) if a.type is ActorType.PERSON]


ANSWERS = """Written questions and answers

Fishing licences: Norway
Question for the Department for Fisheries
Asked on 2 March 2026

Owen Price (Lowland North)
To ask the Secretary of State, how many fishing licences were granted to Norwegian vessels \
in 2025.

Answered on 9 March 2026
Aoife Moran, Parliamentary Under-Secretary (Department for Fisheries)

The Marine Licensing Office granted 42 licences to Norwegian vessels in 2025. The Government \
will review the quota arrangements with Norway before the summer.

Figures are published each quarter and may be revised.

Related question
"""


def test_a_written_answer_in_the_third_person_is_the_answerers_words() -> None:
    found = [s for s in run(ANSWERS, date=None) if s.speaker == "Aoife Moran"]
    texts = [s.span.text for s in found]
    assert "The Marine Licensing Office granted 42 licences to Norwegian vessels in 2025" \
        in texts
    assert all(s.kind is StatementKind.DIRECT_QUOTE for s in found)
    assert {s.date.isoformat() for s in found if s.date} == {"2026-03-09"}


def test_the_member_asking_the_written_question_is_not_answering() -> None:
    assert "Owen Price" not in {s.speaker for s in run(ANSWERS, date=None)
                                if "licences to Norwegian" in s.span.text}


def test_a_capitalised_title_between_said_and_the_name_is_skipped() -> None:
    text = ('"The quota stays where it is," said Trade Commissioner Jonas Berg. '
            '"We will look again in June."\n')
    found = shown(text)
    assert ("Jonas Berg", "The quota stays where it is") in found


def test_a_translated_press_conference_between_subject_and_said() -> None:
    text = ("Foreign Ministry spokesperson Lin Jian on Monday afternoon regular press "
            "conference said, the fishing ban is a lawful step to protect the stock.\n")
    assert shown(text) == [("Lin Jian", "the fishing ban is a lawful step to protect "
                                        "the stock")]


def test_the_responsible_person_speaks_for_the_body_that_described_them() -> None:
    text = ("The Commerce Ministry relevant responsible person said, the listed firms have "
            "harmed national security. \"The measure is aimed at very few firms,\" the "
            "responsible person said.\n\nThe responsible person stressed that honest "
            "exporters have nothing to worry about.\n")
    found = run(text)
    assert {s.speaker for s in found} == {"Ministry of Commerce of China"}
    assert len(found) == 3


def test_a_stance_verb_that_announces_the_next_quote_is_no_statement() -> None:
    text = ('Chidi Okafor defended the decision in the Senate on Monday. "We had no other '
            'way to keep the mills open," Okafor said.\n')
    assert shown(text) == [("Chidi Okafor", "We had no other way to keep the mills open")]


def test_a_stance_standing_alone_stays_a_statement() -> None:
    text = "Chidi Okafor criticised the levy on Monday. Oslo raised it anyway.\n"
    assert shown(text) == [("Chidi Okafor", "criticised the levy on Monday")]


THREAD = """Jonas Berg @jberg_trade
Five export curbs to watch this month. A thread. 1/3
8:15 AM · Mar 10, 2026

2/3 Norway: the salmon export levy rises in April. Oslo says it funds the coast guard.

3/3 That is all for now. /end

---
Replying to @jberg_trade
Chidi Okafor @okafor_fish
On 2/3: the levy rises in May, not April. The bill was amended last week.
9:40 AM · Mar 11, 2026

Replying to @okafor_fish
Jonas Berg @jberg_trade
Thanks, noted. I will correct the newsletter.
9:52 AM · Mar 11, 2026
"""


def test_a_reply_post_is_its_authors_words_dated_by_its_stamp() -> None:
    found = [s for s in run(THREAD, date="2026-03-10") if s.speaker == "Chidi Okafor"]
    assert [(s.span.text, s.kind, s.date.isoformat() if s.date else None)
            for s in found] == [
        ("On 2/3: the levy rises in May, not April", StatementKind.DIRECT_QUOTE, "2026-03-11"),
        ("The bill was amended last week", StatementKind.DIRECT_QUOTE, "2026-03-11")]


def test_the_threads_own_author_makes_no_statement_of_their_posts() -> None:
    assert "Jonas Berg" not in {s.speaker for s in run(THREAD, date="2026-03-10")}


def test_a_post_authors_line_names_a_person() -> None:
    people = {a.name for a in found_actors(THREAD) if a.type is ActorType.PERSON}
    assert {"Jonas Berg", "Chidi Okafor"} <= people


COUNCIL = actor("Council of the Northern Union", "government_body", "Council of the Northern Union",
                "the Council")
ENVOY = actor("Rasmus Lind", "person", "Rasmus Lind", "Lind")
JAPANESE = actor("Kenji Sato", "person", "Kenji Sato", "Sato", affiliation="Japan")
JAPAN = actor("Japan", "state", "Japan", "Tokyo")
RELEASE_TABLE = [COUNCIL, ENVOY, JAPANESE, JAPAN]


def _release_dates(text: str) -> dict[str, set[str | None]]:
    doc = Article(identifier="release.txt", text=text,
                  metadata=ArticleMetadata(date=dt.date(2026, 3, 12),
                                           publisher="Council of the Northern Union"))
    out: dict[str, set[str | None]] = {}
    for s in find_statements(doc, mentions(text, RELEASE_TABLE)):
        out.setdefault(s.speaker or "", set()).add(s.date.isoformat() if s.date else None)
    return out


def test_a_release_dates_the_words_of_a_person_it_quotes_with_no_other_body() -> None:
    text = ("Council of the Northern Union\nPress release\n\n"
            "The Council today extended the fishing quotas.\n\n"
            "\"We will keep the stocks safe,\" said Special Envoy Rasmus Lind. Lind added "
            "that the review would follow in June.\n")
    assert _release_dates(text)["Rasmus Lind"] == {"2026-03-12"}


def test_a_release_does_not_date_the_words_of_another_states_official() -> None:
    text = ("Council of the Northern Union\nPress release\n\n"
            "The Council today extended the fishing quotas.\n\n"
            "Kenji Sato said the quotas were unfair to Japanese fleets.\n")
    assert _release_dates(text)["Kenji Sato"] == {None}


def test_an_answerer_quoting_their_own_earlier_words_keeps_that_day() -> None:
    text = CALL.replace("The board will propose an unchanged dividend in March.",
                        '"Copper is our oxygen," I told the board in January. The board '
                        "will propose an unchanged dividend in March.")
    found = {s.span.text: s.date.isoformat() if s.date else None for s in run(text)}
    assert found["Copper is our oxygen"] == "2026-01"
    assert found["The board will propose an unchanged dividend in March"] == "2026-02-03"
