"""Reference data: the shipped tables are consistent, and broken tables are refused."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from kg.extract.refdata import (
    ACTORS_FILE,
    MATERIALS_FILE,
    ActorAlias,
    RefDataError,
    actor_data,
    actor_info,
    alias_key,
    material_data,
    material_info,
    other_number,
    parse_actor_data,
    parse_material_data,
    tokenize,
)
from kg.model import ActorType, MaterialCategory


def _actor_table(*actors: dict) -> dict:
    return {"actor": list(actors)}


def test_every_actor_alias_maps_to_its_own_entry() -> None:
    data = actor_data()
    for entry in data.entries.values():
        for alias in [*entry.names(), *entry.capitals]:
            assert data.alias_map[alias_key(alias)] == entry.name, alias


def test_every_material_alias_maps_to_its_own_entry() -> None:
    data = material_data()
    for entry in data.entries.values():
        for alias in entry.names():
            assert data.alias_map[alias_key(alias)] == entry.name, alias


def test_actor_references_name_existing_entries() -> None:
    data = actor_data()
    for entry in data.entries.values():
        if entry.part_of is not None:
            assert entry.part_of in data.entries, entry.name
        if entry.affiliation is not None:
            assert actor_info(entry.affiliation) is not None, entry.name


def test_every_broader_material_exists_and_chains_end() -> None:
    data = material_data()
    for entry in data.entries.values():
        chain = data.chain(entry.name)
        assert len(chain) == len(set(chain))
        assert all(name in data.entries for name in chain)


def test_material_categories_are_the_gold_categories() -> None:
    raw = tomllib.loads(MATERIALS_FILE.read_text(encoding="utf-8"))
    allowed = {c.value for c in MaterialCategory}
    assert {m["category"] for m in raw["material"]} <= allowed


def test_rare_earth_elements_chain_up_to_critical_minerals() -> None:
    chain = material_data().chain("dysprosium")
    assert chain == ["dysprosium", "heavy rare earths", "medium and heavy rare earths",
                     "rare earths", "critical minerals"]


def test_duplicate_alias_across_actors_is_refused() -> None:
    table = _actor_table(
        {"name": "Acme Corp", "type": "company", "aliases": ["Acme"]},
        {"name": "Acme Media", "type": "media", "aliases": ["ACME"]},
    )
    with pytest.raises(RefDataError, match="already an alias"):
        parse_actor_data(table, Path("test.toml"))


def test_unknown_actor_type_is_refused() -> None:
    with pytest.raises(RefDataError, match="type must be one of"):
        parse_actor_data(_actor_table({"name": "X", "type": "club"}), Path("test.toml"))


def test_part_of_an_unknown_actor_is_refused() -> None:
    table = _actor_table({"name": "Ministry", "type": "government_body", "part_of": "Nowhere"})
    with pytest.raises(RefDataError, match="part_of 'Nowhere'"):
        parse_actor_data(table, Path("test.toml"))


def test_missing_broader_material_is_refused() -> None:
    table = {"material": [{"name": "x", "category": "other", "broader": "y"}]}
    with pytest.raises(RefDataError, match="broader 'y'"):
        parse_material_data(table, Path("test.toml"))


def test_broader_cycle_is_refused() -> None:
    table = {"material": [
        {"name": "a", "category": "other", "broader": "b"},
        {"name": "b", "category": "other", "broader": "a"},
    ]}
    with pytest.raises(RefDataError, match="cycle"):
        parse_material_data(table, Path("test.toml"))


def test_bad_material_category_is_refused() -> None:
    table = {"material": [{"name": "a", "category": "mineral"}]}
    with pytest.raises(RefDataError, match="category must be one of"):
        parse_material_data(table, Path("test.toml"))


def test_duplicate_material_alias_is_refused() -> None:
    table = {"material": [
        {"name": "chips", "category": "semiconductor"},
        {"name": "crisps", "category": "other", "aliases": ["chip"]},
    ]}
    with pytest.raises(RefDataError, match="already an alias"):
        parse_material_data(table, Path("test.toml"))


def test_shipped_files_are_valid_toml_with_entries() -> None:
    assert len(tomllib.loads(ACTORS_FILE.read_text(encoding="utf-8"))["actor"]) > 100
    assert len(material_data().entries) > 30


def test_east_asian_names_get_both_orders() -> None:
    data = actor_data()
    assert data.alias_map[alias_key("Takaichi Sanae")] == "Sanae Takaichi"
    assert data.alias_map[alias_key("Jinping Xi")] == "Xi Jinping"


def test_office_holder_depends_on_the_date() -> None:
    data = actor_data()
    assert data.holder("prime_minister", "Japan", dt.date(2025, 3, 1)) == "Shigeru Ishiba"
    assert data.holder("prime_minister", "Japan", dt.date(2026, 1, 8)) == "Sanae Takaichi"
    assert data.holder("prime_minister", "Japan", dt.date(1990, 1, 1)) is None


def test_generic_body_names_are_known_to_resolution() -> None:
    info = actor_info("Embassy of China in Japan")
    assert info is not None
    assert info.type is ActorType.GOVERNMENT_BODY
    assert info.part_of == "Ministry of Foreign Affairs of China"
    assert actor_info("Ministry of Foreign Affairs of South Korea").part_of == "South Korea"
    assert actor_info("Nobody In Particular") is None


def test_material_info_gives_category_and_broader() -> None:
    info = material_info("samarium")
    assert info is not None
    assert info.category is MaterialCategory.RARE_EARTH_ELEMENT
    assert info.broader == "medium rare earths"
    assert material_info("unobtainium") is None


def test_other_number_follows_english_rules() -> None:
    assert other_number("rare earths") == ["rare earth"]
    assert other_number("battery") == ["batteries"]
    assert other_number("batteries") == ["battery"]
    assert other_number("EVs") == ["EV"]
    assert other_number("drone") == ["drones"]


def test_tokens_glue_hyphenated_words_and_split_possessives() -> None:
    tokens = tokenize("He Ya-dong said Japan’s U.S. dual‑use")
    assert [t.text for t in tokens] == ["He", "Ya", "dong", "said", "Japan", "’s", "U.S.",
                                        "dual", "use"]
    assert [t.glued for t in tokens] == [False, False, True, False, False, False, False,
                                         False, True]
    assert tokens[5].is_possessive


def test_alias_case_rules() -> None:
    gazetteer = actor_data().gazetteer
    found = {p.name for m in gazetteer.scan(tokenize("IHI and ihi")) for p in m.payloads
             if isinstance(p, ActorAlias)}
    assert found == {"IHI"}
    assert not [m for m in gazetteer.scan(tokenize("he yadong")) if any(
        isinstance(p, ActorAlias) for p in m.payloads)]


def test_malformed_file_gives_a_clear_error(tmp_path: Path) -> None:
    from kg.extract import refdata

    bad = tmp_path / "actors.toml"
    bad.write_text("[[actor]\nname = 1", encoding="utf-8")
    with pytest.raises(RefDataError, match="not valid TOML"):
        refdata._read_toml(bad)


def test_compounds_are_generated_for_elements_of_a_category() -> None:
    table = {"material": [
        {"name": "heavy", "category": "rare_earth_element"},
        {"name": "dysprosium", "category": "rare_earth_element", "broader": "heavy",
         "symbol": "Dy", "inflect": False},
    ], "compound": [{"suffix": "oxide", "of_category": "rare_earth_element",
                     "category": "rare_earth_product"}]}
    data = parse_material_data(table, Path("test.toml"))
    oxide = data.entries["dysprosium oxide"]
    assert (oxide.broader, oxide.category) == ("dysprosium", MaterialCategory.RARE_EARTH_PRODUCT)
    assert "heavy oxide" not in data.entries  # a group has no symbol: not an element
    assert data.alias_map[alias_key("dysprosium oxides")] == "dysprosium oxide"


def test_a_compound_without_a_suffix_or_with_a_bad_category_is_refused() -> None:
    with pytest.raises(RefDataError, match="missing 'suffix'"):
        parse_material_data({"compound": [{"of_category": "other"}]}, Path("test.toml"))
    with pytest.raises(RefDataError, match="must be one of"):
        parse_material_data({"compound": [{"suffix": "oxide", "of_category": "metal",
                                           "category": "other"}]}, Path("test.toml"))


def test_descriptors_must_name_an_organisation_type() -> None:
    with pytest.raises(RefDataError, match="describes an organisation"):
        parse_actor_data({"descriptors": {"consultancy": "person"}}, Path("test.toml"))
    with pytest.raises(RefDataError, match="type must be one of"):
        parse_actor_data({"descriptors": {"consultancy": "club"}}, Path("test.toml"))


def test_shipped_descriptors_and_credits_are_loaded_as_token_phrases() -> None:
    data = actor_data()
    assert data.descriptors[("think", "tank")] is ActorType.ORGANIZATION
    assert data.descriptors[("trading", "house")] is ActorType.COMPANY
    assert data.credits[("reporting", "by")] == "reporter"
    assert "Pacific" not in data.lexicon.function_words
    assert "The" in data.lexicon.function_words


def test_a_compound_alias_of_names_an_existing_material_with_a_glued_suffix() -> None:
    table = {"material": [
        {"name": "alloys", "category": "rare_earth_product"},
        {"name": "terbium", "category": "rare_earth_element", "symbol": "Tb", "inflect": False},
    ], "compound": [{"suffix": "-bearing alloy", "of_category": "rare_earth_element",
                     "category": "rare_earth_product", "alias_of": "alloys"}]}
    data = parse_material_data(table, Path("test.toml"))
    assert data.alias_map[alias_key("terbium-bearing alloy")] == "alloys"
    assert "terbium-bearing alloy" not in data.entries
    table["compound"][0]["alias_of"] = "bronze"
    with pytest.raises(RefDataError, match="alias_of 'bronze'"):
        parse_material_data(table, Path("test.toml"))


def test_a_state_named_with_the_keeps_it_in_template_names() -> None:
    data = actor_data()
    assert data.in_phrase("United States") == "the United States"
    assert data.in_phrase("Japan") == "Japan"
    assert data.body_name("embassy", "Japan", "United Kingdom") == \
        "Embassy of Japan in the United Kingdom"


def test_round_two_lexicon_and_citation_tables_are_loaded() -> None:
    data = actor_data()
    assert "sources" in data.lexicon.anonymous_groups
    assert "according to" in data.lexicon.citing_words
    assert {"Co.", "Corporation"} <= data.lexicon.legal_suffixes
    assert "desk" in data.lexicon.desk_words
    assert "prefectural government" in data.lexicon.local_bodies
    assert "sources" in data.citation.source_lines
    assert "makers" in material_data().agent_heads


def test_a_phrase_alternation_prefers_the_longer_phrase_and_matches_spelling_variants() -> None:
    import re

    from kg.extract.triggers import phrase_alternation

    body = phrase_alternation(["press", "press conference", "co-chair"])
    found = re.compile(rf"\b(?:{body})\b").findall("a press  conference, a co‑chair, the press")
    assert found == ["press  conference", "co‑chair", "press"]


def test_preposition_sets_are_lists_of_single_lower_case_words_without_repeats() -> None:
    from kg.extract.context import PREPOSITIONS
    from kg.extract.triggers import load_triggers

    table = load_triggers().raw["prepositions"]
    assert table, "[prepositions] of triggers.toml is empty"
    for key, words in table.items():
        assert words and len(set(words)) == len(words), key
        assert all(w.isalpha() and w == w.lower() for w in words), key
    assert PREPOSITIONS == frozenset(table["objects"])


def test_measure_timing_past_verbs_leave_out_auxiliaries_unlike_the_date_past_verbs() -> None:
    from kg.extract.measures.timing import _VERB_PAST
    from kg.extract.triggers import load_triggers

    timing = load_triggers().raw["measures"]["timing"]["past_verbs"]
    assert _VERB_PAST.fullmatch("withdrew") and _VERB_PAST.fullmatch("halted")
    assert not _VERB_PAST.fullmatch("was") and not _VERB_PAST.fullmatch("United")
    assert "was" in load_triggers().raw["dates"]["past_verbs"] and "was" not in timing
