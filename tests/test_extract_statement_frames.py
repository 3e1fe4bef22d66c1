"""Statements (kg.extract.statements): attribution frames beyond "X said that ...".

One phenomenon per test, on fixture articles of ``tests/fixtures/statements/`` (fictional
actors, see its ``actors.json``) or short inline texts; the helpers are those of
``test_extract_statements``.
"""

from __future__ import annotations

import pytest
from extract_support import actor, article, mentions
from test_extract_statements import FIXTURE_ACTORS, fixture, iso, one, run, shown

from kg.extract.statements import find_statements
from kg.model import ActorMention, ActorType, Span, StatementKind


def test_a_trailing_attribution_runs_over_a_bare_weekday_places_and_listeners() -> None:
    brandt, sol, bao, lead_in = fixture("trailing_attribution_with_adverbials")
    assert (brandt.speaker, iso(brandt)) == ("Karl Brandt", "2026-03-06")
    assert brandt.span.text == ("Freedonia's customs agency has started checking gallium "
                                "cargoes at three ports")
    # The present-tense verb inside the words is part of them, not Ruritania's statement.
    assert (sol.speaker, sol.span.text, iso(sol)) == (
        "Mira Sol", "Ruritania urges Freedonia to drop its complaint and return to talks",
        "2026-03-05")
    assert (bao.speaker, iso(bao)) == ("Bao Lin", "2026-03-04")
    assert bao.span.text.endswith("they do not apply to civilian buyers")
    # "In addition, X also said, ...": a lead-in, not the words reported.
    assert (lead_in.speaker, lead_in.span.text) == (
        "Mira Sol", "the Freedonian side should stop hyping the issue")


def test_a_verb_coordinated_after_a_statement_shares_its_speaker() -> None:
    assert shown(fixture("coordinated_speech_verbs")) == [
        ("Bao Lin", "he had no details of the licence figures"),
        ("Bao Lin", 'the rules for civilian buyers "have not changed."'),
        ("Ministry of Commerce of Ruritania", "the curbs cover only military end users"),
        ("Ministry of Commerce of Ruritania",
         'traders who re-export the goods would be "held responsible."'),
        ("Karl Brandt", 'called the curbs "a deliberate provocation,"'),
        ("Karl Brandt", "Freedonia would raise them at the next ministerial meeting"),
        ("Ana Petrova", 'the curbs were "unjustified"'),
        ("Ana Petrova", "requested their withdrawal")]


def test_told_listeners_and_said_on_an_outlet_skip_them_and_the_time() -> None:
    petrova, brandt = fixture("tell_listeners_and_time")
    assert (petrova.span.text, iso(petrova)) == ('the bloc "cannot stand aside."', "2026-03-04")
    assert (brandt.span.text, iso(brandt)) == ('the truce was "holding."', "2026-03")


def test_a_directive_to_the_public_is_an_advisory_not_words_unless_quoted() -> None:
    [s] = fixture("directive_to_citizens_is_an_act")
    assert (s.speaker, s.kind) == ("Ministry of Foreign Affairs of Ruritania",
                                   StatementKind.DIRECT_QUOTE)
    assert '"non-essential travel"' in s.span.text


def test_according_to_data_a_longer_name_or_a_states_media_is_no_statement() -> None:
    # ("according to Freedonia media", "according to Ruritania side statistic" too)
    assert shown(fixture("according_to_data_is_no_statement")) == [
        ("Graystone Advisory", "Gallium prices doubled in a month")]


def test_per_an_outlet_an_outlets_label_and_a_speakers_colon_attribute_words() -> None:
    outlet, label, quote = fixture("colon_and_per_attributions")
    assert (outlet.speaker, outlet.span.text) == (
        "Kell Wire", "Freedonian magnet makers hold two months of stock")
    assert (label.speaker, label.kind) == ("Daily Herald", StatementKind.REPORTED)
    assert label.span.text == "Ruritania's gallium exports fell sharply in February"
    assert (quote.speaker, quote.kind, iso(quote)) == ("Ana Petrova", StatementKind.DIRECT_QUOTE,
                                                       "2026-03-07")


def test_live_blog_entries_are_dated_to_the_day_of_the_masthead() -> None:
    declined, told = fixture("live_blog_entries")
    assert (declined.speaker, declined.negated, iso(declined)) == ("Bao Lin", True, "2026-03-05")
    assert (told.speaker, told.span.text, iso(told)) == (
        "Karl Brandt", 'the government "will not be rushed."', "2026-03-05")


def test_an_outlet_trailing_a_persons_words_is_their_via_but_keeps_a_states_message() -> None:
    # "said that A and that B" with a quotation in A: two statements, both known via
    # the outlet and of the day of the news conference.
    chain, second, kept = fixture("outlet_trailing_chain")
    assert (chain.speaker, chain.via, iso(chain)) == ("Karl Brandt", "Kell Wire", "2026-03-04")
    assert (second.speaker, second.via, iso(second)) == ("Karl Brandt", "Kell Wire",
                                                         "2026-03-04")
    assert second.span.text == "Freedonia had asked for their withdrawal"
    assert (kept.speaker, kept.span.text) == (
        "Kell Wire", "Ruritania has told Freedonia it is halting beef imports")


def test_transcript_sections_date_their_answers_and_a_heading_body_answers() -> None:
    official, bao = fixture("transcript_sections")
    assert (official.speaker, iso(official)) == ("Ministry of Commerce of Ruritania",
                                                 "2026-03-02")
    assert (bao.speaker, iso(bao)) == ("Bao Lin", "2026-03-05")
    assert bao.kind is StatementKind.DIRECT_QUOTE


def test_a_broadcast_soundbite_is_the_labelled_speakers_and_not_a_conference_answer() -> None:
    found = fixture("broadcast_transcript")
    assert shown(found) == [("Karl Brandt", "We have asked Ruritania to withdraw the curbs"),
                            ("Karl Brandt", "We will respond calmly to every step")]
    assert all(s.date is None and s.kind is StatementKind.DIRECT_QUOTE for s in found)


def test_interview_answers_date_to_the_interview_and_a_third_party_keeps_its_words() -> None:
    says, answer, third = fixture("interview_answers")
    assert (says.speaker, iso(says)) == ("Ruritania", "2026-03-09")
    assert (answer.speaker, answer.span.text, iso(answer)) == (
        "Jonas Weller", "I think they mean it in a legal sense", "2026-03-09")
    # "the April rules" names the rules, not the day of calling them so.
    assert (third.speaker, third.date) == ("Karl Brandt", None)


def test_asking_not_to_be_named_is_no_statement() -> None:
    assert run("Masaaki Kanai met the envoy. He asked not to be named.") == []


def test_a_semicolon_ends_the_clause_whose_date_a_statement_takes() -> None:
    first, _ = run("The Wall Street Journal says Japan is drafting a response; Masaaki Kanai "
                   "told reporters on Tuesday the measure was regrettable.")
    assert (first.speaker, iso(first)) == ("The Wall Street Journal", "2026-01-08")


def test_a_body_speaking_right_after_its_state_acted_on_a_day_takes_that_day() -> None:
    text = ("China on Tuesday barred exports of drones to Japan.\n\n"
            "China's commerce ministry said in a statement that the curbs target military "
            "users only.")
    assert iso(one(text)) == "2026-01-06"


def test_a_reference_instead_of_a_verb_names_the_source_of_words() -> None:
    cited, published, noted = fixture("sourced_reports")
    assert (cited.speaker, cited.kind, iso(cited)) == (
        "Ministry of Commerce of Ruritania", StatementKind.DIRECT_QUOTE, "2026-03-02")
    assert (published.speaker, published.span.text, published.date) == (
        "Daily Herald", "licence reviews for civilian buyers have slowed", None)
    assert (noted.speaker, noted.span.text, iso(noted)) == (
        "Kell Wire", "beef shipments were held at the border", "2026-03-09")


def test_an_adverb_between_auxiliary_and_verb_keeps_the_verb() -> None:
    s = one("Japan's foreign ministry has since insisted that the talks will resume.")
    assert (s.speaker, s.span.text) == ("Ministry of Foreign Affairs of Japan",
                                        "the talks will resume")


def test_a_coordinated_subject_with_a_base_verb_speaks_as_its_first_part_today() -> None:
    s = one("China's commerce ministry and its office in Osaka advise travellers to carry "
            '"all permits at all times".')
    assert (s.speaker, iso(s)) == ("Ministry of Commerce of China", "2026-01-08")


def test_posting_a_document_is_an_act_and_its_relative_clause_is_not_its_words() -> None:
    assert [s.speaker for s in run("Masaaki Kanai posts a statement on his website that "
                                   "China calls provocative.")] == ["China"]


def test_a_leading_topic_phrase_does_not_give_a_participles_speaker() -> None:
    [s] = run("Regarding reports that China has slowed licences, Masaaki Kanai declined to "
              'comment further, saying "we are watching closely."')
    assert (s.speaker, s.span.text) == ("Masaaki Kanai", "we are watching closely.")


def test_expressing_a_view_or_hope_that_is_a_speech_act() -> None:
    s = one('Japan\'s foreign ministry expressed the hope that "dialogue will continue."')
    assert (s.speaker, s.kind) == ("Ministry of Foreign Affairs of Japan",
                                   StatementKind.DIRECT_QUOTE)


def test_a_demand_with_a_pronoun_and_a_bare_verb_reports_words() -> None:
    assert one("China has demanded she withdraw the remarks.").span.text == (
        "demanded she withdraw the remarks")


def test_a_short_phrase_after_a_verb_of_saying_is_given_with_its_subject() -> None:
    assert one("The Wall Street Journal puts it at about 60%.").span.text == (
        "The Wall Street Journal puts it at about 60%")


def test_an_actor_inside_a_relative_clause_is_not_the_subject() -> None:
    assert run("The ban, which China's commerce ministry published on Tuesday, does not "
               "mention gallium.") == []


def test_told_an_outlet_in_an_interview_skips_the_listener_and_the_occasion() -> None:
    s = one("Masaaki Kanai told The Wall Street Journal in an interview the ban was "
            "unjustified.")
    assert s.span.text == "the ban was unjustified"


def test_quoted_as_saying_reports_the_subjects_words_via_the_outlet() -> None:
    s = one("Masaaki Kanai was quoted by The Wall Street Journal as saying the curbs were "
            "aimed at Tokyo.")
    assert (s.speaker, s.via, s.span.text) == ("Masaaki Kanai", "The Wall Street Journal",
                                               "the curbs were aimed at Tokyo")


def test_a_quotation_resuming_after_its_attribution_continues_it() -> None:
    s = one('"We regret," Masaaki Kanai said, "every step that closes the door to talks."')
    assert (s.speaker, s.span.text) == (
        "Masaaki Kanai", 'We regret," Masaaki Kanai said, "every step that closes the door '
        'to talks.')


def test_an_attribution_inserted_after_the_subject_reports_the_whole_sentence() -> None:
    s = one("Japan, Masaaki Kanai said on Tuesday, will not retaliate against the curbs.")
    assert (s.speaker, s.span.text, iso(s)) == (
        "Masaaki Kanai", "Japan, Masaaki Kanai said on Tuesday, will not retaliate against "
        "the curbs", "2026-01-06")


def test_a_denial_keeps_its_verb_so_the_words_never_read_as_a_claim() -> None:
    s = one("China denied that it had halted shipments of magnets.")
    assert (s.speaker, s.span.text) == ("China", "denied that it had halted shipments of magnets")


def test_a_title_alone_names_the_person_the_article_described_with_it() -> None:
    found = run("He Yadong, a spokesperson for China's commerce ministry, spoke on Tuesday. "
                "The spokesperson said the curbs were narrow. "
                '"Civilian trade will go on," said the spokesperson.')
    assert [(s.speaker, s.span.text) for s in found] == [
        ("He Yadong", "the curbs were narrow"), ("He Yadong", "Civilian trade will go on")]


def test_bold_labels_of_an_interview_are_turns_of_the_named_person() -> None:
    found = fixture("interview_bold_labels")
    assert shown(found) == [
        ("Jonas Weller", "Nobody in the market expects a quick reversal of the curbs"),
        ("Jonas Weller", "Small magnet makers without long-term supply contracts")]
    assert {(s.kind, iso(s)) for s in found} == {(StatementKind.DIRECT_QUOTE, "2026-03-10")}


@pytest.mark.parametrize("text", [
    "China is said to be weighing curbs on gallium.",
    "China is reported to have halted shipments to Japan.",
    "Japan was widely believed to be preparing a complaint.",
    "It was reported that China had halted shipments.",
])
def test_a_passive_report_names_no_speaker_so_gives_no_statement(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(("text", "begins"), [
    ("China's commerce ministry stopped short of naming rare earths as covered by the ban.",
     "stopped short of naming"),
    ("Masaaki Kanai would not be drawn on whether Tokyo would retaliate.",
     "would not be drawn on"),
])
def test_stopping_short_of_saying_is_a_negated_report(text: str, begins: str) -> None:
    s = one(text)
    assert s.negated and s.kind is StatementKind.REPORTED and s.span.text.startswith(begins)


def test_one_of_them_speaks_for_the_group_of_people_that_spoke_last() -> None:
    found = run('Analysts said the curbs would bite. One of them said the ban was "a warning '
                'shot."')
    assert [(s.speaker, s.span.text) for s in found][-1] == (
        "unnamed analysts", 'the ban was "a warning shot."')


def test_page_furniture_of_a_scraped_page_gives_no_statement() -> None:
    # The headline (twice, once with the site's name), a photo caption, a "Related:" link
    # and a list of links under "Related News" say nothing on the article's behalf; the
    # story's own attributions stay.
    assert shown(fixture("scraped_page_furniture")) == [
        ("Ministry of Foreign Affairs of Ruritania",
         "the new gallium licences would not hold up deliveries to car plants in Freedonia"),
        ("Karl Brandt", 'the licences were "a test of our patience"')]


def test_coordinated_predicates_are_separate_statements_only_when_they_say_more() -> None:
    found = [(s.speaker, s.span.text, s.kind) for s in fixture("coordinated_predicates")]
    direct, reported = StatementKind.DIRECT_QUOTE, StatementKind.REPORTED
    assert found == [
        # "A but would "B"": a second claim, set against the first, quoted
        ("Mira Sol", "Ruritania was ready to keep talking with Freedonia", reported),
        ("Mira Sol", 'would "firmly" protect its exporters', direct),
        # "and was" between two quoted claims
        ("Karl Brandt", 'Freedonia had sent its "deep concern" to Strelsau through its embassy',
         direct),
        ("Karl Brandt", 'was following events "hour by hour"', direct),
        # one quoted predicate after an unquoted one stays with it
        ("Ana Petrova", 'the licence rules hurt small exporters and were "plainly unfair"',
         direct),
        # "has demanded ... but has not ...": the main clause goes on, the words end
        ("Freedonia", "demanded that the licences be scrapped", reported),
        # two infinitives after a verb of threatening
        ("Bao Lin", "to raise port fees on Freedonian ships", reported),
        ("Bao Lin", 'to restrict "all sensitive software"', direct),
        # "called ... and said ..." without a comma
        ("Karl Brandt", 'called the rules "economic blackmail" on March 2', direct),
        ("Karl Brandt", "Freedonia would not give in to pressure", reported),
        # "said A and that B" with a quotation on one side
        ("Ministry of Commerce of Ruritania", 'the curbs "are not a ban"', direct),
        ("Ministry of Commerce of Ruritania",
         "licences for civilian buyers would be granted within weeks", reported)]


def test_a_definite_description_takes_the_date_of_its_bodys_last_dated_statement() -> None:
    said, warned, after_act, progressive = fixture("definite_description_dates")
    assert (iso(said), iso(warned)) == ("2026-03-03", "2026-03-03")
    assert warned.span.text.startswith("traders who resell")
    # Only a dated statement is carried over, not an act of the body ("opened an inquiry
    # on Wednesday"); and a present progressive is said as of the article's day.
    assert (after_act.span.text, iso(after_act)) == (
        "the inquiry answered a complaint from local mills", None)
    assert (progressive.speaker, iso(progressive)) == ("Ruritania", "2026-03-06")


def test_machine_translated_dates_and_a_titled_speaker_date_the_statements() -> None:
    # "On same day" (no article), "of 5th morning", "2023 year 8 month 24 day"; the
    # spokesperson named after "Foreign Ministry spokesman" is the subject the date goes to.
    assert [(s.speaker, iso(s)) for s in fixture("translated_dates")] == [
        ("Mira Sol", "2026-03-04"), ("Karl Brandt", "2026-03-05"), ("Karl Brandt", "2023-08-24")]


def test_an_unnamed_spokesperson_speaks_for_the_body_named_in_the_description() -> None:
    text = ("Freedonia's trade department opened a review. A Freedonia Trade Department "
            "spokesperson said the review would take a month.\n\n"
            "Ruritania's commerce ministry set new quotas. A ministry spokesperson said the "
            "quotas were final.")
    table = [actor("unnamed Freedonia Trade Department spokesperson", "person",
                   "A Freedonia Trade Department spokesperson"),
             actor("unnamed ministry spokesperson", "person", "A ministry spokesperson"),
             actor("Department of Trade of Freedonia", "government_body",
                   "Freedonia's trade department", part_of="Freedonia"),
             actor("Ministry of Commerce of Ruritania", "government_body",
                   "Ruritania's commerce ministry", part_of="Ruritania")]
    found = mentions(text, table)
    inner = text.index("Freedonia Trade Department")
    # the actor extractor also reports the body inside the description
    found.append(ActorMention("Department of Trade of Freedonia", ActorType.GOVERNMENT_BODY,
                              Span.of(text, inner, inner + len("Freedonia Trade Department")),
                              part_of="Freedonia"))
    art = article(text, date="2026-03-06")
    assert [(s.speaker, s.span.text) for s in find_statements(art, found)] == [
        ("Department of Trade of Freedonia", "the review would take a month"),
        ("Ministry of Commerce of Ruritania", "the quotas were final")]


def test_a_spokesperson_for_one_ministry_is_not_the_spokesperson_of_another() -> None:
    # Bao Lin speaks for the commerce ministry; "a spokesperson for the foreign ministry"
    # is someone else, so the ministry itself is the speaker.
    found = run("Bao Lin, a spokesperson for Ruritania's commerce ministry, said the rules "
                "were final. A spokesperson for Ruritania's foreign ministry said on Friday "
                "that Freedonia should reflect on its remarks.", table=FIXTURE_ACTORS)
    assert [s.speaker for s in found] == ["Bao Lin", "Ministry of Foreign Affairs of Ruritania"]


def test_a_participle_is_its_clause_subjects_not_a_name_after_the_verb() -> None:
    # "it filed a complaint at the Trade Tribunal, calling ...": the pronoun (Freedonia, the
    # paragraph's subject) speaks, not the tribunal; "reopens the TT dispute, saying": a
    # name after "the" makes "dispute" a noun, and Ruritania speaks.
    assert [(s.speaker, s.span.text, iso(s)) for s in fixture("participle_subjects")] == [
        ("Freedonia", "calling them a breach of the treaty", "2026-02"),
        ("Ruritania", "Freedonia had ignored the ruling", "2026-03")]


def test_a_date_in_another_clause_with_its_own_subject_does_not_date_the_statement() -> None:
    # "has not withdrawn his 2 March remarks, and he has said repeatedly that ...": the
    # date is the remarks'; a verb coordinated with no subject ("and added") shares the
    # time of the first ("said on Tuesday").
    brandt, sol, added = fixture("date_of_another_clause")
    assert (brandt.span.text, iso(brandt)) == ("Freedonia remains open to talks", None)
    assert (iso(sol), iso(added)) == ("2026-03-03", "2026-03-03")


def test_an_adverbial_between_the_verb_and_that_is_not_reported() -> None:
    # (an article of March 5: words dated after their article's day are never given that day)
    s = one("Bao Lin had said after two days of talks in Fredville on March 2 that the two "
            "sides reached a \"first understanding\".", table=FIXTURE_ACTORS, date="2026-03-05")
    assert (s.span.text, iso(s)) == ('the two sides reached a "first understanding"',
                                     "2026-03-02")


def test_machine_translated_attributions() -> None:
    # A quotation right after "stated" (no colon) over two sentences; a title after the
    # name ("Brandt Foreign Minister said"); a present progressive ("is explaining") of the
    # article's day, whose words end where a clause with its own subject begins (", and
    # the ... ministry announced that"); "called to its citizens to refrain": an advisory.
    direct = StatementKind.DIRECT_QUOTE
    assert [(s.speaker, s.span.text, s.kind, iso(s))
            for s in fixture("translated_attributions")] == [
        ("Karl Brandt", "It is one-sided measure. It can never be accepted.", direct,
         "2026-03-05"),
        ("Karl Brandt", "We will study the content of the measure and respond calmly", direct,
         "2026-03-05"),
        ("Ruritania", 'the halt is for "protecting consumer health"', direct, "2026-03-06"),
        ("Ministry of Foreign Affairs of Ruritania",
         "its ambassador rejected the protest of Freedonian side", StatementKind.REPORTED,
         None)]


def test_trailing_added_a_named_head_and_a_sentence_ending_after_a_month() -> None:
    # ", it added." reports the words before it, of the body that spoke last (and on its
    # day); the organisation after "Oskar Lind of the consultancy" is not the speaker of a
    # person the actor table does not know, and a person it knows speaks herself (Lia
    # Orlov); "from 1 Nov. Mira Sol ..." ends a sentence.
    assert [(s.speaker, s.span.text, iso(s)) for s in fixture("attribution_heads")] == [
        ("Ministry of Commerce of Ruritania", "the gallium quotas would stay in place",
         "2026-03-02"),
        ("Ministry of Commerce of Ruritania",
         "Traders in third countries that resell the metal could also be fined", "2026-03-02"),
        ("Karl Brandt", "a port fee would apply from 1 Nov", None),
        ("Mira Sol", 'the fee "need not happen" if talks resume', None),
        ("Lia Orlov", "the levy will be lifted by spring", "2026-03-06")]


def test_a_ministry_reporting_its_officials_words_is_their_source_not_the_speaker() -> None:
    # Ana Petrova works for Freedonia's foreign ministry: her words, known through it.
    # Karl Brandt does not: the ministry's report stays the ministry's statement.
    found = run("Freedonia's foreign ministry said Ana Petrova had told the Ruritanian envoy "
                'that the quotas were "unacceptable". Freedonia\'s foreign ministry said Karl '
                "Brandt had told the envoy that talks could resume.", table=FIXTURE_ACTORS)
    assert [(s.speaker, s.via) for s in found] == [
        ("Ana Petrova", "Ministry of Foreign Affairs of Freedonia"),
        ("Ministry of Foreign Affairs of Freedonia", None)]
    assert found[0].span.text == 'the quotas were "unacceptable"'


def test_a_document_speaks_for_the_actor_it_is_named_after() -> None:
    # "according to a Tarn Metals statement"; "..., the statement said" in the next
    # paragraph: the same document; "Foreign Ministry statement called ...".
    found = shown(fixture("document_speakers"))
    assert ("Tarn Metals", "Cheap imports had cut its sales by a third") in found
    assert ("Tarn Metals", "The inquiry could take a year") in found
    assert ("Ministry of Foreign Affairs of Ruritania",
            'called the quotas "a breach of trust"') in found


def test_questions_labelled_by_the_asking_outlet_make_a_transcript_of_the_answers() -> None:
    found = fixture("outlet_labelled_questions")
    answers = [s for s in found if s.speaker == "Bao Lin"]
    assert [s.span.text for s in answers] == [
        "The licensing office handles every civilian request under the law",
        "The controls concern military end users only",
        "The review is expected to conclude before the end of the year",
        "The Ruritanian side has acted in full accordance with its international obligations"]
    assert all(s.kind is StatementKind.DIRECT_QUOTE and iso(s) == "2026-03-04"
               for s in answers)
    # The outlets ask: no words of theirs, and a question's report stays its speaker's.
    assert not any(s.speaker in ("Daily Herald", "Kell Wire") for s in found)
    assert ("Karl Brandt", "Freedonia may appeal") in shown(found)


def test_a_label_with_its_verb_opens_a_turn_and_narration_naming_the_answerer_ends_it() -> None:
    found = fixture("answer_verb_labels_and_narration")
    assert shown(found) == [
        ("Bao Lin", "The Freedonian side has repeatedly ignored the concerns of the "
                    "Ruritanian side on re-exports"),
        ("Bao Lin", "The new licences will protect national security and the stability of "
                    "supply chains"),
        ("Bao Lin", "exporters found diverting cobalt to prohibited end users will be punished "
                    "according to law"),
        ("Bao Lin", "Ordinary civilian trade will continue without any interruption"),
        ("Bao Lin", "The Ruritanian side welcomes lawful business from every country"),
        ("Mira Sol", 'the notice is "necessary and proportionate"')]
    # "Bao Lin stressed, ...": the reporter's narration reports the words.
    assert found[2].kind is StatementKind.REPORTED
    assert all(iso(s) == "2026-03-10" for s in found)


def test_a_clause_opened_by_while_and_a_modified_name_ends_the_first_report() -> None:
    first, second = run("The Daily Herald reported that cobalt prices had doubled this month, "
                        "while the state-run Kell Wire said in a commentary that Freedonia "
                        '"will regret" its tariffs.', table=FIXTURE_ACTORS)
    assert (first.speaker, first.span.text) == ("Daily Herald",
                                                "cobalt prices had doubled this month")
    # "this month" is the prices', not the time the commentary was written.
    assert (second.speaker, second.span.text, second.date) == (
        "Kell Wire", 'Freedonia "will regret" its tariffs', None)


def test_an_interviews_answers_are_the_interviewees_not_the_interviewers() -> None:
    # The byline's author "talked with her": the questions are hers, the answers the
    # other person's; "Ruritania's March 2 licence rules" names an event, not the
    # interview's day ("on Wednesday").
    found = fixture("interviewer_named_in_intro")
    assert {s.speaker for s in found} == {"Ida Marsh"}
    assert [iso(s) for s in found] == ["2026-03-11", "2026-03-11"]
    assert found[1].span.text == "Exporters should plan for delays of several weeks"


def test_a_quotation_under_a_heading_naming_a_person_is_theirs_sentence_by_sentence() -> None:
    found = fixture("comment_block_under_heading")
    assert shown(found) == [
        ("Jonas Weller", "Our plants are running at full capacity and our customers will see "
                         "no change"),
        ("Jonas Weller", "We will keep two months of stock on hand until the rules are clear")]
    assert all(s.kind is StatementKind.DIRECT_QUOTE and iso(s) == "2026-04-02" for s in found)


def test_a_name_no_actor_knows_before_a_description_and_a_pronoun_gives_no_speaker() -> None:
    # "Odile Varenne, head of research at Graystone Advisory, said": the person speaks,
    # not the firm; the "She" after it is Varenne, not the last person the actors know.
    assert fixture("unknown_name_before_pronoun") == []
