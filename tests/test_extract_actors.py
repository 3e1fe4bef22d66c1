"""The actor extractor, one phenomenon per fixture in tests/fixtures/articles/."""

from __future__ import annotations

from pathlib import Path

from kg.extract.actors import find_actors
from kg.ingest import read_article
from kg.model import ActorMention, ActorType, Article, CandidateLink

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _actors(name: str) -> tuple[list[ActorMention], list[CandidateLink]]:
    return find_actors(read_article(FIXTURES / f"{name}.txt"))


def _by_text(mentions: list[ActorMention]) -> dict[str, ActorMention]:
    return {m.span.text: m for m in mentions}


def test_capitals_stand_for_their_states() -> None:
    found = _by_text(_actors("capital_metonyms")[0])
    assert found["Beijing"].name == "China"
    assert found["Tokyo"].name == "Japan"
    assert found["Washington"].type is ActorType.STATE


def test_state_possessive_names_that_states_body() -> None:
    found = _by_text(_actors("possessive_bodies")[0])
    assert found["China's commerce ministry"].name == "Ministry of Commerce of China"
    assert found["Japan’s foreign ministry"].name == "Ministry of Foreign Affairs of Japan"
    german = found["Germany's Ministry of Foreign Affairs"]
    assert german.name == "Ministry of Foreign Affairs of Germany"
    assert german.part_of == "Germany" and not german.known
    assert found["Japanese government"].name == "Japan"
    assert "Japan" not in found  # the qualifier is part of the body's mention


def test_spans_are_exact_text_offsets() -> None:
    article = read_article(FIXTURES / "possessive_bodies.txt")
    for mention in find_actors(article)[0]:
        assert article.text[mention.span.begin:mention.span.end] == mention.span.text


def test_embassy_host_from_the_text_or_the_state_named_most() -> None:
    found = _by_text(_actors("embassy_host")[0])
    assert found["Chinese Embassy in Tokyo"].name == "Embassy of China in Japan"
    assert found["Chinese embassy"].name == "Embassy of China in Japan"
    assert found["Chinese embassy"].part_of == "Ministry of Foreign Affairs of China"


def test_title_before_name_gives_role_and_finds_unlisted_people() -> None:
    found = _by_text(_actors("title_before_name")[0])
    assert found["Takehiro Funakoshi"].role == "Vice Foreign Minister"
    brandt = found["Olaf Brandt"]
    assert brandt.type is ActorType.PERSON and not brandt.known
    assert brandt.role == "Trade Minister"
    xi = found["Xi Jinping"]
    assert xi.role == "President" and xi.affiliation == "China"
    assert "Vice Foreign Minister" not in found


def test_apposition_gives_role_and_affiliation() -> None:
    found = _by_text(_actors("apposition_role")[0])
    zhou = found["Zhou Minghui"]
    assert zhou.role == "spokesperson"
    assert zhou.affiliation == "Ministry of Commerce of China"
    assert found["Ingrid Falk"].affiliation == "Capital Economics"


def test_name_before_speech_verb_is_a_person_but_capitalised_words_are_not() -> None:
    names = {m.name for m in _actors("speech_verb_name")[0]}
    assert names == {"Maria Keller"}


def test_family_name_alone_after_full_mention_is_that_person() -> None:
    mentions = _actors("surname_after_full_name")[0]
    kanai = [m.span.text for m in mentions if m.name == "Masaaki Kanai"]
    assert kanai == ["Masaaki Kanai", "Kanai", "Mr. Kanai"]
    assert [m.span.text for m in mentions if m.name == "Wu Jianghao"] == ["Wu Jianghao", "Wu"]


def test_he_is_a_name_only_with_speech_verb_after_full_mention() -> None:
    mentions = _actors("pronoun_like_surname")[0]
    he = [m for m in mentions if m.span.text == "He"]
    assert len(he) == 1  # "He said", not "He did not give details"
    assert he[0].name == "He Yadong"


def test_he_stays_a_pronoun_when_no_person_he_was_named() -> None:
    mentions = _actors("pronoun_he_alone")[0]
    assert [m.span.text for m in mentions] == ["Minoru Kihara"]


def test_hyphenated_romanisation_matches_joined_name() -> None:
    found = _by_text(_actors("hyphenated_romanisation")[0])
    assert found["He Ya-dong"].name == "He Yadong"
    assert found["Lai Ching-te"].name == "Lai Ching-te"


def test_family_name_first_order_is_recognised() -> None:
    found = _by_text(_actors("name_order")[0])
    assert found["Takaichi Sanae"].name == "Sanae Takaichi"
    assert found["Jinping Xi"].name == "Xi Jinping"


def test_garbled_rendering_resolves_to_the_person_not_the_newspaper() -> None:
    found = _by_text(_actors("garbled_rendering")[0])
    assert found["Asahi Hayano"].name == "Sanae Takaichi"
    assert found["Asahi Shimbun"].type is ActorType.MEDIA


def test_title_without_name_is_the_office_holder_on_the_article_date() -> None:
    found = _by_text(_actors("office_holder_by_date")[0])
    assert found["Japan's prime minister"].name == "Shigeru Ishiba"  # dated 2025-03-01
    assert found["Chinese premier"].name == "Li Qiang"


def test_same_family_name_other_given_name_is_a_candidate_not_a_merge() -> None:
    mentions, candidates = _actors("same_surname_other_given_name")
    found = _by_text(mentions)
    assert found["Kanai Hiroshi"].name == "Kanai Hiroshi"
    assert not found["Kanai Hiroshi"].known
    links = [c for c in candidates if c.mention.text == "Kanai Hiroshi"]
    assert [c.candidate for c in links] == ["Masaaki Kanai"]
    assert 0.5 <= links[0].score < 1.0


def test_anonymous_source_is_an_unnamed_person() -> None:
    found = _by_text(_actors("anonymous_source")[0])
    source = found["A Japanese government source"]
    assert source.name == "unnamed Japanese government source"
    assert source.type is ActorType.PERSON
    assert "Japanese government" not in found  # a modifier, not the government acting


def test_nationality_modifier_and_plural_noun_name_an_unnamed_group() -> None:
    found = _by_text(_actors("anonymous_source")[0])
    assert found["Japanese government officials"].name == "unnamed Japanese government officials"
    assert found["a senior official"].name == "unnamed senior official"


def test_bare_generic_body_refers_back_or_is_skipped() -> None:
    mentions = _actors("generic_body_refers_back")[0]
    texts = [(m.span.text, m.name) for m in mentions]
    assert texts == [
        ("China's commerce ministry", "Ministry of Commerce of China"),
        ("ministry", "Ministry of Commerce of China"),
        ("Japan's foreign ministry", "Ministry of Foreign Affairs of Japan"),
        ("Foreign Ministry", "Ministry of Foreign Affairs of Japan"),
    ]  # the first "The ministry" has nothing to refer back to


def test_place_names_containing_a_state_are_not_actors() -> None:
    assert _actors("places_are_not_actors")[0] == []


def test_company_and_institute_suffixes_name_organisations() -> None:
    found = _by_text(_actors("organization_by_suffix")[0])
    assert found["Nakamura Magnet Works Corp"].type is ActorType.COMPANY
    assert found["Freedonia Institute for Supply Studies"].type is ActorType.ORGANIZATION


def test_output_is_sorted_by_span_and_deterministic() -> None:
    article = read_article(FIXTURES / "citation_frames.txt")
    first = find_actors(article)
    second = find_actors(article)
    assert first == second
    spans = [m.span for m in first[0]]
    assert spans == sorted(spans)


def test_byline_author_is_a_person_with_role_author() -> None:
    from kg.ingest import parse_article

    article = parse_article(b"By Jane Roe\nJanuary 8, 2026\nTokyo said nothing.\n",
                            identifier="byline.txt")
    found = _by_text(find_actors(article)[0])
    assert found["Jane Roe"].role == "author"
    assert found["Tokyo"].name == "Japan"


def test_byline_with_several_authors_names_each() -> None:
    mentions = _actors("byline_several_authors")[0]
    authors = [(m.span.text, m.role) for m in mentions if m.type is ActorType.PERSON]
    assert authors == [("Ann Rowe", "author"), ("Ken Itoh", "author")]


def test_title_with_host_state_then_name_gives_that_person() -> None:
    mentions = _actors("title_host_then_name")[0]
    glass = [m for m in mentions if m.name == "George Glass"]
    assert [m.span.text for m in glass] == ["George Glass"]
    assert glass[0].role == "Ambassador to Japan"
    assert glass[0].affiliation == "Embassy of the United States in Japan"


def test_apposition_affiliation_prefers_the_body_to_the_place() -> None:
    found = _by_text(_actors("apposition_prefers_bodies")[0])
    assert found["Ayumi Tsuda"].affiliation == "University of Tokyo"
    assert found["University of Tokyo"].type is ActorType.ORGANIZATION
    assert found["Pat Morrow"].affiliation == "Eurasia Group"
    assert "Tokyo" not in found


def test_generic_name_before_a_known_name_in_parentheses_is_that_body() -> None:
    found = _by_text(_actors("body_named_in_parentheses")[0])
    assert found["Ministry of Commerce"].name == "Ministry of Commerce of China"
    assert found["MOFCOM"].name == "Ministry of Commerce of China"


def test_body_before_a_title_is_the_persons_affiliation() -> None:
    found = _by_text(_actors("body_named_in_parentheses")[0])
    assert found["Tom Park"].affiliation == "Goldman Sachs"
    assert found["Tom Park"].role == "analyst"
    # "Foreign Ministry" alone refers back to nothing here, so it gives no affiliation.
    assert found["Ana Ruiz"].role == "spokesperson"


def test_near_spelling_of_a_known_name_is_a_candidate_not_a_merge() -> None:
    mentions, candidates = _actors("near_spelling")
    assert [(m.span.text, m.name, m.known) for m in mentions] == [
        ("Xi Jingping", "Xi Jingping", False), ("Sanae Takaichy", "Sanae Takaichy", False)]
    links = {(c.mention.text, c.candidate) for c in candidates}
    assert ("Xi Jingping", "Xi Jinping") in links
    assert ("Sanae Takaichy", "Sanae Takaichi") in links
    assert all(0 < c.score < 1 for c in candidates)


def test_words_never_in_peoples_names_may_open_an_organisations_name() -> None:
    found = _by_text(_actors("organization_opened_by_common_word")[0])
    for name in ("Pacific Economic Security Forum", "Asia Pacific Supply Chain Institute",
                 "Strategic Minerals Observatory"):
        assert found[name].type is ActorType.ORGANIZATION and not found[name].known
    assert not any(text.startswith("Meanwhile") for text in found)


def test_a_descriptor_before_or_in_an_apposition_names_an_organisation() -> None:
    found = _by_text(_actors("organization_by_descriptor")[0])
    assert found["Sakura Partners Advisory Board"].type is ActorType.ORGANIZATION
    assert found["Marunaka"].type is ActorType.COMPANY            # Trading house Marunaka
    assert found["Halden Cross"].type is ActorType.ORGANIZATION   # , a ... consultancy
    assert found["Nagano Magnetics"].type is ActorType.COMPANY    # , a supplier of ...
    assert found["Yuki Hasegawa"].affiliation == "Sakura Partners Advisory Board"


def test_a_descriptor_that_does_not_head_the_apposition_names_nothing() -> None:
    found = _by_text(_actors("organization_by_descriptor")[0])
    # "a trader at a Shanghai firm": a person's job, so a person, not an organisation
    assert found["Wang Yimin"].type is ActorType.PERSON
    assert "Osaka" not in found          # In Osaka, a magnet maker: a place


def test_a_place_glued_to_based_is_not_an_actor() -> None:
    assert _actors("place_modifier_is_not_an_actor")[0] == []


def test_an_organisations_first_word_and_the_institute_refer_back_to_it() -> None:
    mentions = _actors("organization_short_name")[0]
    names = [(m.span.text, m.name) for m in mentions if m.type is ActorType.ORGANIZATION]
    assert names == [
        ("Ironbridge Metals Consulting", "Ironbridge Metals Consulting"),
        ("Ironbridge", "Ironbridge Metals Consulting"),
        ("Ironbridge", "Ironbridge Metals Consulting"),
        ("Meridian Resource Institute", "Meridian Resource Institute"),
        ("the institute", "Meridian Resource Institute"),
    ]
    sugimura = _by_text(mentions)["Ryota Sugimura"]
    assert sugimura.affiliation == "Meridian Resource Institute"


def test_a_wire_credit_line_names_reporters_and_editors() -> None:
    people = [(m.name, m.role) for m in _actors("credit_line")[0]
              if m.type is ActorType.PERSON]
    assert people == [("Mariko Ishida", "reporter"), ("Ken Harada", "reporter"),
                      ("Liu Qian", "reporter"), ("Thomas Brenner", "editor")]


def test_header_author_and_publisher_are_mentioned_with_an_empty_span() -> None:
    mentions = _actors("header_author_publisher")[0]
    unplaced = [(m.name, m.type, m.role) for m in mentions if m.span.begin == m.span.end]
    assert unplaced == [("Hana Lindqvist", ActorType.PERSON, "author"),
                        ("Tomas Berg", ActorType.PERSON, "author"),
                        ("Asia Trade Wire", ActorType.MEDIA, None)]
    assert all(m.span.text == "" for m in mentions if m.span.begin == m.span.end)


def test_according_to_a_person_with_an_apposition_is_a_person() -> None:
    found = _by_text(_actors("according_to_person_apposition")[0])
    ogawa = found["Kenta Ogawa"]
    assert ogawa.type is ActorType.PERSON
    assert ogawa.affiliation == "Tokyo Institute for Resource Policy"


def test_a_bare_body_before_a_spokespersons_title_is_the_body_they_speak_for() -> None:
    mentions = _actors("body_named_by_its_spokesperson")[0]
    bodies = [(m.span.text, m.name) for m in mentions if m.type is ActorType.GOVERNMENT_BODY]
    assert bodies == [("Commerce Ministry", "Ministry of Commerce of China"),
                      ("Ministry of Commerce", "Ministry of Commerce of China"),
                      ("Foreign Ministry", "Ministry of Foreign Affairs of China")]


def test_a_bare_body_only_one_state_has_by_that_name_is_that_states() -> None:
    found = _by_text(_actors("bare_body_named_by_one_state")[0])
    assert found["cabinet"].name == "Cabinet of Japan"  # China's is the State Council
    assert "ministry" not in found                      # both states have ministries


def _inline(text: str) -> dict[str, ActorMention]:
    return _by_text(find_actors(Article(identifier="inline.txt", text=text))[0])


def test_according_to_a_name_of_an_employer_is_a_person() -> None:
    found = _inline("Exports fell, according to Hiroshi Tanaka of Meridian Bank.")
    assert found["Hiroshi Tanaka"].type is ActorType.PERSON
    assert found["Meridian Bank"].type is ActorType.COMPANY


def test_a_known_companys_name_may_open_an_institutes_name() -> None:
    found = _inline("Analysts at Mizuho Research Institute disagreed. Toyota Motor Corp said.")
    assert found["Mizuho Research Institute"].type is ActorType.ORGANIZATION
    assert not found["Mizuho Research Institute"].known
    assert found["Toyota Motor Corp"].name == "Toyota"  # the rest of a known name


def test_a_common_noun_suffix_needs_a_longer_name_or_a_descriptor() -> None:
    found = _inline("- Travel Advisory: Beijing advised citizens to stay away. Analysts at "
                    "Halden Cross Advisory and consultancy Kroll Advisory agreed.")
    assert "Travel Advisory" not in found
    assert found["Halden Cross Advisory"].type is ActorType.ORGANIZATION
    assert found["Kroll Advisory"].type is ActorType.ORGANIZATION


def test_a_name_ending_in_an_outlets_word_is_a_news_outlet() -> None:
    # An outlet keeps its article, as papers write their names ("The Potomac Post").
    found = _inline("The Harbour Courier reported that exports fell.")
    assert found["The Harbour Courier"].type is ActorType.MEDIA
    assert found["The Harbour Courier"].name == "The Harbour Courier"


# -- round 2 ---------------------------------------------------------------------------------


def test_a_bare_body_in_a_report_filed_from_a_capital_is_that_states_body() -> None:
    found = _by_text(_actors("dateline_state_body")[0])
    assert found["commerce ministry"].name == "Ministry of Commerce of China"
    assert "BEIJING" not in found     # the dateline says where it was filed: not an actor


def test_unnamed_people_are_actors_when_they_are_sources() -> None:
    found = _by_text(_actors("anonymous_sources_as_sources")[0])
    assert found["diplomatic sources"].name == "unnamed diplomatic sources"
    assert found["one Toyota executive"].name == "unnamed Toyota executive"
    assert found["Toyota"].name == "Toyota"    # the company stays a mention of its own
    official = found["A senior official of Japan's Ministry of Finance"]
    assert official.name == "unnamed senior official of Japan's Ministry of Finance"
    assert found["Japan's Ministry of Finance"].name == "Ministry of Finance of Japan"
    assert not any("senior diplomat" in text for text in found)  # met one: described


def test_a_name_before_is_a_and_a_title_is_a_person() -> None:
    found = _by_text(_actors("copular_apposition")[0])
    assert found["Daniel Achterberg"].type is ActorType.PERSON
    assert found["Ingrid Halvorsen"].role == "interviewer"    # Interview by ...
    assert found["Nordic Materials Institute"].type is ActorType.ORGANIZATION


def test_a_companys_legal_form_is_left_out_of_its_name() -> None:
    mentions = _actors("company_legal_forms")[0]
    names = {m.name for m in mentions if m.type is ActorType.COMPANY}
    assert names == {"Kanazawa Ceramics"}   # "Co.", "Co., Ltd." and the short name: one
    assert not any(m.type is ActorType.PERSON for m in mentions)  # author: Markets desk


def test_a_place_before_a_local_government_term_names_that_government() -> None:
    found = _by_text(_actors("company_legal_forms")[0])
    body = found["Niigata prefectural government"]
    assert (body.name, body.type) == ("Niigata Prefectural Government",
                                      ActorType.GOVERNMENT_BODY)


def test_a_states_name_may_open_an_organisations_name_before_an_apposition() -> None:
    found = _by_text(_actors("company_legal_forms")[0])
    assert found["Korea Maritime Data Bureau"].type is ActorType.ORGANIZATION


def test_the_header_publisher_replaces_a_shorter_name_found_in_it() -> None:
    found = _by_text(_actors("publisher_with_article")[0])
    assert found["The Harbor Ledger"].name == "The Harbor Ledger"
    assert "Harbor Ledger" not in found


def test_a_remark_after_the_header_publisher_is_not_part_of_its_name() -> None:
    names = {m.name for m in _actors("publisher_with_remark")[0]}
    assert names == {"Ministry of Commerce of China"}


def test_the_outlet_of_a_masthead_is_an_actor() -> None:
    found = _by_text(_actors("masthead_outlet")[0])
    assert found["Pacific Rim Wire"].type is ActorType.MEDIA


def test_a_generic_chamber_names_the_one_of_the_articles_state() -> None:
    found = _by_text(_actors("lower_house_implied")[0])
    assert found["House of Representatives"].name == "House of Representatives of Japan"


def test_a_name_never_runs_over_a_line_break() -> None:
    article = Article(identifier="x.txt", text="By Mara Ostrowski\n\nMara Ostrowski is a "
                                               "columnist at the paper.")
    names = {m.name for m in find_actors(article)[0]}
    assert names == {"Mara Ostrowski"}


def test_a_state_named_with_the_keeps_it_in_a_bodys_name() -> None:
    article = Article(identifier="x.txt",
                      text="The Chinese Embassy in Washington said the talks would go on.")
    found = _by_text(find_actors(article)[0])
    assert found["Chinese Embassy in Washington"].name == \
        "Embassy of China in the United States"


def test_counted_groups_and_groups_named_by_their_employer_are_unnamed_sources() -> None:
    def names(text: str) -> list[tuple[str, str]]:
        return [(m.name, m.span.text)
                for m in find_actors(Article(identifier="x.txt", text=text))[0]]

    assert names("Two Korean officials, who spoke on condition of anonymity, said talks "
                 "would resume.") == [("unnamed Korean officials", "Two Korean officials")]
    assert names("Executives at three Korean battery makers said output was normal.") == [
        ("unnamed Korean battery maker executives",
         "Executives at three Korean battery makers")]
    # Officials acting, with nothing to say who they are: no actor.
    assert names("Officials have protested the move and demanded its withdrawal.") == []


def test_speakers_named_in_capitals_at_a_transcript_turn_are_people() -> None:
    mentions = _actors("transcript_labels")[0]
    found = {m.span.text: m.name for m in mentions}
    assert found["TARO YAMADA"] == "Taro Yamada"   # a name no table lists, in title case
    assert "ANCHOR" not in found                   # a role, not a name


def test_a_bracketed_caption_naming_a_speaker_in_capitals_names_a_person() -> None:
    text = ("[NARRATOR] Importers must now prove where the tin came from.\n\n"
            "[MARTA KOWALIK, TRADE ANALYST, ORE LINE ADVISORY]\n"
            "Most smelters cannot trace it.\n\n"
            "[CUT 3 — PAVEL DUSEK, HARBOUR INSTITUTE — TRT :09]\n"
            "We expect delays.\n")
    found = {m.span.text: m.name for m in find_actors(Article(identifier="x.txt", text=text))[0]}
    assert found["MARTA KOWALIK"] == "Marta Kowalik"
    assert found["PAVEL DUSEK"] == "Pavel Dusek"
    assert "NARRATOR" not in found                 # a role with no name, no comma after it


def test_a_section_label_in_capitals_is_no_speaker() -> None:
    text = ("ONE NUMBER: 0.5% -- the share of exports in 2020.\n\n"
            "KEY QUOTE: \"We will not yield,\" said Marius Venckus, a senior fellow.\n\n"
            "RUTA KAZLAUSKAITE: We expect more pressure.\n")
    found = {m.span.text: m.name for m in find_actors(Article(identifier="x.txt", text=text))[0]}
    assert "ONE NUMBER" not in found and "KEY QUOTE" not in found
    assert found["RUTA KAZLAUSKAITE"] == "Ruta Kazlauskaite"   # a speaker's turn still is


def test_a_capital_after_a_firm_and_in_is_where_the_firm_is() -> None:
    text = ("\"It will hurt,\" said Ida Marsh, head of metals research at Grayhaven Securities in "
            "London.\n\nLondon said it would study the rules.\n")
    found = [(m.name, m.span.begin) for m in find_actors(Article(identifier="x.txt", text=text))[0]
             if m.name == "United Kingdom"]
    assert found == [("United Kingdom", text.index("London said"))]


def test_a_turn_labelled_with_a_surname_is_the_person_named_in_full_before() -> None:
    text = ("Department Press Briefing - Spokesperson Ida Marsh\n\n"
            "MS. MARSH: Good afternoon. The new controls protect our security.\n\n"
            "QUESTION: And the curbs?\n\nMARSH: They are a deliberate attempt to coerce.\n")
    found = [(m.name, m.span.text) for m in find_actors(Article(identifier="x.txt", text=text))[0]]
    assert found.count(("Ida Marsh", "MARSH")) == 2
    # a correspondent's surname label is the broadcast's narration: no one's turn
    text = ("ANCHOR: Our Tokyo correspondent Ida Marsh has more.\n\n"
            "MARSH: Here in Tokyo, officials are still working out what was banned.\n")
    found = [(m.name, m.span.text) for m in find_actors(Article(identifier="y.txt", text=text))[0]]
    assert ("Ida Marsh", "MARSH") not in found


def test_a_romanised_given_name_may_open_with_an_english_word() -> None:
    # "Do-hoon", "So-yeon": the first syllable is a capitalised English word, which alone
    # never opens a name, but after a family name written first it is the given name.
    found = _by_text(_actors("romanised_given_names")[0])
    assert found["Lee Do-hoon"].type is ActorType.PERSON
    assert found["Park So-yeon"].type is ActorType.PERSON


def test_reference_data_covers_trade_actors_beyond_china_and_japan() -> None:
    found = _by_text(_actors("trade_actors_beyond_east_asia")[0])
    assert found["Vilnius"].name == "Lithuania"
    assert found["Danish foreign ministry"].name == "Ministry of Foreign Affairs of Denmark"
    ofac = found["Office of Foreign Assets Control"]
    assert ofac.type is ActorType.GOVERNMENT_BODY
    assert ofac.part_of == "United States Department of the Treasury"
    assert found["Naura"].name == "Naura Technology Group"
    assert found["Xiaomi"].type is ActorType.COMPANY
    assert found["Ministry of Economy and Finance"].name \
        == "Ministry of Economy and Finance of South Korea"
    assert found["KOTRA"].name == "Korea Trade-Investment Promotion Agency"


def test_a_roman_numeral_in_capitals_is_no_family_name() -> None:
    found = _inline("The panel found the levy inconsistent with Article XI of the GATT, "
                    "and Chapter XI of the treaty was also cited.")
    assert not any(m.name == "Xi Jinping" for m in found.values())


def test_a_short_family_name_in_a_line_of_capitals_is_still_a_name() -> None:
    found = _inline("XI WARNS TOKYO\n\nChina's president spoke in Beijing on Monday.")
    assert any(m.name == "Xi Jinping" for m in found.values())
