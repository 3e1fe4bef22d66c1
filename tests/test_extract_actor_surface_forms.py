"""Surface forms that look like actors and are not, or name one twice (round 15b): one
phenomenon per test, each in an inline text written for it."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.model import ActorMention, Article, ArticleMetadata


def _found(text: str) -> list[ActorMention]:
    return find_actors(Article(identifier="inline.txt", text=text,
                               metadata=ArticleMetadata()))[0]


def test_a_gazette_that_publishes_laws_is_no_actor() -> None:
    found = _found("The tariffs, printed on Friday in the bloc's Official Journal, follow the "
                   "rule the Federal Register carried in May and one in Kenya's Government "
                   "Gazette.")
    assert not [m for m in found if m.name in {"Journal", "Register", "Gazette"}
                or m.span.text.endswith(("Journal", "Register", "Gazette"))]


def test_a_name_in_apposition_to_an_unnamed_description_is_that_person() -> None:
    found = _found("Tokyo filed a protest on Monday. A foreign ministry spokeswoman, Keiko "
                   "Arai, told reporters the decision was regrettable.")
    assert {m.name for m in found if "Arai" in m.span.text} == {"Keiko Arai"}
    assert not [m for m in found if m.name.startswith("unnamed")]


def test_an_unnamed_description_without_a_name_is_still_a_source() -> None:
    found = _found("A foreign ministry spokeswoman, speaking on condition of anonymity, "
                   "told reporters the decision was regrettable.")
    assert [m for m in found if m.name.startswith("unnamed")]


def test_a_newsletter_desk_named_for_its_masthead_is_the_masthead_outlet() -> None:
    found = _found("Harbour Freight Digest | No. 12 | by the Harbour Freight desk\n\n"
                   "Port congestion eased this week, the Digest's editors write.")
    assert {m.name for m in found if m.span.text.startswith("Harbour Freight")} \
        == {"Harbour Freight Digest"}


def test_one_word_employer_of_analysts_speaking_is_an_organisation() -> None:
    found = _found("Economists at Kestrelmark said the levy would cut imports by a fifth.")
    assert {(m.name, m.type.value) for m in found} >= {("Kestrelmark", "organization")}


def test_one_word_after_analysts_at_without_speech_is_no_organisation() -> None:
    # "analysts at Frankfurt airport": where they are, said by nothing
    found = _found("Analysts at Frankfurt airport counted the cargo flights.")
    assert not [m for m in found if m.name == "Frankfurt"]


def test_the_family_name_of_a_person_named_before_stays_that_person() -> None:
    found = _found("Economist Dana Whitlock wrote the note. Analysts at Whitlock said more.")
    assert not [m for m in found if m.name == "Whitlock" and m.type.value == "organization"]


def test_the_employer_ending_an_apposition_is_an_organisation() -> None:
    found = _found('"Prices will stay low," said Mara Quell, chief executive of Murray Valley '
                   'Grape & Wine.')
    person = next(m for m in found if m.name == "Mara Quell")
    assert person.affiliation == "Murray Valley Grape & Wine"
    assert ("Murray Valley Grape & Wine", "organization") in {(m.name, m.type.value)
                                                             for m in found}


def test_a_single_word_or_a_lower_case_phrase_after_the_title_is_no_employer() -> None:
    found = _found("Dana Pike, head of Research, said prices fell. Lin Ovo, director of "
                   "sales at the firm, agreed.")
    assert {m.type.value for m in found} == {"person"}
