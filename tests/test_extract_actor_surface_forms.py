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


def test_a_generic_ministry_followed_by_more_remits_is_that_body_of_its_own_name() -> None:
    found = _found("Quito. The Ministry of Fisheries, Coasts and Inland Waters (MFCIW) said "
                   "on Monday that the closed season starts in May. Peru's fisheries "
                   "ministry had said the same a week before.")
    names = {m.name for m in found if m.span.text.startswith("Ministry of Fisheries")}
    assert names == {"Ministry of Fisheries, Coasts and Inland Waters"}


def test_remits_after_a_generic_ministry_keep_the_state_before_it() -> None:
    found = _found("Chile's Ministry of Agriculture, Forestry, and Rural Development opened "
                   "a review.")
    body = [m for m in found if "Forestry" in m.span.text]
    assert [m.name for m in body] == \
        ["Ministry of Agriculture, Forestry, and Rural Development of Chile"]
    assert body[0].span.text.startswith("Chile's")


def test_a_state_after_a_ministry_and_a_comma_lists_no_remit() -> None:
    found = _found("The Ministry of Commerce, China and Japan agreed, would host the talks.")
    assert not [m for m in found if "Japan" in m.span.text and m.type.value != "state"]


def test_an_unlisted_ministry_named_in_full_is_no_reference_to_another_ministry() -> None:
    found = _found("Peru's foreign ministry protested on Monday. Mining exports were halted, "
                   "and the Ministry of Quarries and Heavy Works said it would review "
                   "permits. The Ministry gave no date.")
    quarries = [m for m in found if "Quarries" in m.span.text]
    assert [m.name for m in quarries] == ["Ministry of Quarries and Heavy Works"]
    assert [m.name for m in found if m.span.text == "Ministry"] == \
        ["Ministry of Quarries and Heavy Works"]


def test_an_unlisted_ministry_keeps_its_article_and_a_capitalised_word_before_it() -> None:
    found = _found("Berlin. As the Federal Ministry of the Interior said on Thursday, the "
                   "parts must go.")
    assert "Federal Ministry of the Interior" in {m.name for m in found}


def test_an_unlisted_ministry_named_again_is_the_one_its_state_owned_before() -> None:
    found = _found("Chile's Ministry of Quarries and Heavy Works opened a review on Monday. "
                   "On Friday the Ministry of Quarries and Heavy Works closed it.")
    assert {m.name for m in found if "Quarries" in m.span.text} == \
        {"Ministry of Quarries and Heavy Works of Chile"}


def test_the_acronym_after_an_unlisted_government_body_names_it_again() -> None:
    found = _found("The Federal Ministry of Quarries (BMQ) set a deadline on Thursday. "
                   "A BMQ spokesman said the deadline would hold.")
    assert [m.name for m in found if m.span.text == "BMQ"] == \
        ["Federal Ministry of Quarries", "Federal Ministry of Quarries"]
