"""Statements (kg.extract.statements): round 9 formats of documents and translations.

One phenomenon per test, on short inline texts with fictional actors: the publisher's own
voice in its own release or note (:mod:`kg.extract.statement_voice`), the corner brackets
that translations from Japanese and Chinese keep as quotation marks, and "stated as
follows" introducing the quotation of the next paragraph.
"""

from __future__ import annotations

import datetime as dt

from extract_support import actor, mentions
from test_extract_statements import iso, run, shown

from kg.extract.statements import find_statements
from kg.model import Article, ArticleMetadata, StatementKind, StatementMention

TABLE = [
    actor("Veltro Ceramics", "company", "Veltro Ceramics", "Veltro"),
    actor("Ministry of Industry of Freedonia", "government_body", "Ministry of Industry"),
    actor("Ruritania", "state", "Ruritania"),
    actor("Daily Lantern", "media", "Daily Lantern"),
    actor("Oskar Lind", "person", "Oskar Lind", "Lind"),
]


def published(text: str, publisher: str) -> list[StatementMention]:
    """The statements of ``text`` published by ``publisher`` on 2026-04-02."""
    art = Article(identifier="release.txt", text=text,
                  metadata=ArticleMetadata(date=dt.date(2026, 4, 2), publisher=publisher))
    return find_statements(art, mentions(text, TABLE))


def test_a_company_note_speaks_where_we_takes_a_verb_of_stance() -> None:
    text = ("Veltro Ceramics research desk.\n\n"
            "Boron prices rose 8% in March. We expect a further rise of 5-10% by June, "
            "driven by Ruritanian quotas.\n\n"
            "We hold about ten weeks of boron at our plants.\n\n"
            "In our view, the quota is a bargaining chip rather than a lasting cut.\n")
    found = published(text, "Veltro Ceramics")
    assert shown(found) == [
        ("Veltro Ceramics",
         "We expect a further rise of 5-10% by June, driven by Ruritanian quotas"),
        ("Veltro Ceramics",
         "In our view, the quota is a bargaining chip rather than a lasting cut"),
    ]
    # dated to the note's own day; its words are reported, not quoted
    assert {(iso(s), s.kind) for s in found} == {("2026-04-02", StatementKind.REPORTED)}


def test_a_release_speaks_where_its_publisher_is_the_subject_of_a_stance() -> None:
    text = ("Ministry of Industry\n\n"
            "(1) The Ministry of Industry will closely examine whether the quota is "
            "consistent with the trade agreement.\n\n"
            "(2) The Ministry of Industry opened a help desk for importers on April 1.\n")
    assert shown(published(text, "Ministry of Industry")) == [
        ("Ministry of Industry of Freedonia",
         "The Ministry of Industry will closely examine whether the quota is consistent "
         "with the trade agreement"),
    ]


def test_a_company_release_names_itself_the_company_before_a_negation() -> None:
    text = ("Veltro Ceramics Notice\n\n"
            "(2) The Company does not sell kilns to military buyers in any country.\n\n"
            "(3) The Company will build a second plant in 2027 to serve export customers.\n")
    assert shown(published(text, "Veltro Ceramics")) == [
        ("Veltro Ceramics", "The Company does not sell kilns to military buyers in any country"),
    ]


def test_a_newspapers_we_is_its_writers_opinion_not_a_statement() -> None:
    text = "We expect Ruritania to lift the quota before the summer harvest season.\n"
    assert published(text, "Daily Lantern") == []


def test_corner_brackets_of_a_translation_are_quotation_marks() -> None:
    s, = run("Lind stated that Freedonia will 「respond firmly and without delay」 to the "
             "quota.", table=TABLE)
    assert (s.speaker, s.kind) == ("Oskar Lind", StatementKind.DIRECT_QUOTE)


def test_stated_as_follows_introduces_the_quotation_of_the_next_paragraph() -> None:
    text = ("4. Minister Oskar Lind stated as follows at the press conference after the "
            "council meeting.\n"
            "「The quota targets only our country and cannot be accepted. We will take the "
            "necessary steps without delay, in cooperation with the partner countries.」\n")
    # one paragraph a line, as such releases print them (lines longer than hard wrapping)
    s, = run(text, table=TABLE)
    assert (s.speaker, s.kind) == ("Oskar Lind", StatementKind.DIRECT_QUOTE)
    assert s.span.text.startswith("The quota targets only our country")
    assert "press conference" not in s.span.text
