"""Resolution: one node per real-world entity and measure across articles."""

from __future__ import annotations

from kg.model import (
    ActorMention,
    ActorType,
    Article,
    Extraction,
    MaterialCategory,
    MaterialMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
)
from kg.resolve import (
    ActorInfo,
    MaterialInfo,
    measure_key,
    measure_target,
    resolve,
    strip_possessive,
)


def mention(text: str, surface: str, name: str, kind: ActorType, **extra: object) -> ActorMention:
    begin = text.index(surface)
    return ActorMention(name, kind, Span.of(text, begin, begin + len(surface)), **extra)


def extraction(ident: str, text: str, *actors: tuple[str, str, ActorType]) -> Extraction:
    article = Article(identifier=ident, text=text)
    found = [mention(text, s, n, k) for s, n, k in actors]
    return Extraction(article=article, actors=found)


def test_name_variants_from_two_articles_become_one_node_with_alt_labels() -> None:
    a = extraction("a.txt", "Kanai Masashige spoke.", ("Kanai Masashige", "Masaaki Kanai",
                                                       ActorType.PERSON))
    b = extraction("b.txt", "Masaaki Kanai spoke.", ("Masaaki Kanai", "Masaaki Kanai",
                                                     ActorType.PERSON))
    node = resolve([a, b]).actors["Masaaki Kanai"]
    assert node.alt_labels == {"Kanai Masashige"}
    assert node.iri.endswith("/actor/masaaki-kanai")


def test_possessive_surface_forms_are_stored_without_the_possessive() -> None:
    a = extraction("a.txt", "Japan’s ministry.", ("Japan’s", "Japan", ActorType.STATE))
    assert resolve([a]).actors["Japan"].alt_labels == set()
    assert strip_possessive("Japan's") == "Japan"
    assert strip_possessive("Analysts'") == "Analysts"
    assert strip_possessive("Swiss") == "Swiss"


def test_reference_data_type_outvotes_pattern_guesses() -> None:
    text = "Quick Digest said. Quick Digest wrote. Quick Digest."
    article = Article(identifier="a.txt", text=text)
    guesses = [ActorMention("Quick Digest", ActorType.ORGANIZATION, Span.of(text, i, i + 12),
                            known=False) for i in (0, 19)]
    known = ActorMention("Quick Digest", ActorType.MEDIA, Span.of(text, 39, 51))
    node = resolve([Extraction(article, actors=[*guesses, known])]).actors["Quick Digest"]
    assert node.type is ActorType.MEDIA
    assert node.is_source


def test_affiliations_named_only_by_reference_data_get_nodes_when_known() -> None:
    text = "He Yadong spoke."
    a = Extraction(Article("a.txt", text), actors=[
        ActorMention("He Yadong", ActorType.PERSON, Span.of(text, 0, 9),
                     affiliation="Ministry of Commerce of China")])
    lookup = {
        "Ministry of Commerce of China": ActorInfo("Ministry of Commerce of China",
                                                   ActorType.GOVERNMENT_BODY, part_of="China"),
        "China": ActorInfo("China", ActorType.STATE),
    }.get
    actors = resolve([a], actor_lookup=lookup).actors
    assert actors["Ministry of Commerce of China"].part_of == "China"
    assert actors["China"].type is ActorType.STATE
    assert resolve([a]).actors["He Yadong"].affiliation is None, "no dangling links"


def _measure_corpus() -> tuple[list[Extraction], dict[str, MeasureMention]]:
    text = "China's commerce ministry banned exports to Japan. Kanai and Funakoshi protested."
    a = Article("a.txt", text)
    actors = [
        ActorMention("China", ActorType.STATE, Span.of(text, 0, 5)),
        ActorMention("Ministry of Commerce of China", ActorType.GOVERNMENT_BODY,
                     Span.of(text, 8, 25), part_of="China"),
        ActorMention("Japan", ActorType.STATE, Span.of(text, 44, 49)),
        ActorMention("Masaaki Kanai", ActorType.PERSON, Span.of(text, 51, 56),
                     affiliation="Japan"),
        ActorMention("Takehiro Funakoshi", ActorType.PERSON, Span.of(text, 61, 70),
                     affiliation="Japan"),
    ]
    m = {
        "ban_ministry": MeasureMention(MeasureType.EXPORT_BAN, Span.of(text, 26, 32),
                                       issuer="Ministry of Commerce of China", target="Japan"),
        "ban_state": MeasureMention(MeasureType.EXPORT_BAN, Span.of(text, 26, 40),
                                    issuer="China", target="Japan",
                                    date=PartialDate(2026, 1, 6)),
        "protest_kanai": MeasureMention(MeasureType.PROTEST, Span.of(text, 71, 80),
                                        issuer="Masaaki Kanai", target="China"),
        "protest_funakoshi": MeasureMention(MeasureType.PROTEST, Span.of(text, 71, 81),
                                            issuer="Takehiro Funakoshi", target="China"),
        "historical": MeasureMention(MeasureType.EXPORT_BAN, Span.of(text, 26, 33),
                                     issuer="China", target="Japan",
                                     status=MeasureStatus.HISTORICAL),
    }
    return [Extraction(a, actors=actors, measures=list(m.values()))], m


def test_same_measure_issued_by_a_body_or_its_state_is_one_node() -> None:
    extractions, m = _measure_corpus()
    r = resolve(extractions)
    assert r.measure_for(m["ban_ministry"]) is r.measure_for(m["ban_state"])
    assert r.measure_for(m["ban_state"]).issuer == "China"


def test_protests_by_different_envoys_and_historical_precedents_stay_apart() -> None:
    extractions, m = _measure_corpus()
    r = resolve(extractions)
    nodes = {name: r.measure_for(mm).iri for name, mm in m.items()}
    assert nodes["protest_kanai"] != nodes["protest_funakoshi"]
    assert nodes["historical"] != nodes["ban_state"]
    assert len(r.measures) == 4


def test_measure_keys_and_iris_are_deterministic() -> None:
    first = resolve(_measure_corpus()[0])
    second = resolve(_measure_corpus()[0])
    assert sorted(n.iri for n in first.measures.values()) == sorted(
        n.iri for n in second.measures.values())
    _, m = _measure_corpus()
    # The block (family, issuer's and target's states); the node adds type and month.
    assert measure_key(m["ban_state"], first.actors) == "export China Japan"
    assert first.measure_for(m["ban_state"]).key == "export_ban China Japan 2026-01"


def test_a_target_under_the_issuers_own_state_is_left_out() -> None:
    # "The foreign ministry said it had protested", with the ministry's own official taken
    # for the protested party: a state does not protest itself.
    text = "Freedonia's foreign ministry protested. Its envoy Rufus Firefly said so."
    actors = [
        ActorMention("Foreign Ministry of Freedonia", ActorType.GOVERNMENT_BODY,
                     Span.of(text, 12, 28), part_of="Freedonia"),
        ActorMention("Freedonia", ActorType.STATE, Span.of(text, 0, 9)),
        ActorMention("Rufus Firefly", ActorType.PERSON, Span.of(text, 50, 63),
                     affiliation="Freedonia"),
    ]
    protest = MeasureMention(MeasureType.PROTEST, Span.of(text, 29, 38),
                             issuer="Foreign Ministry of Freedonia", target="Rufus Firefly")
    r = resolve([Extraction(Article("a.txt", text), actors=actors, measures=[protest])])
    node = r.measure_for(protest)
    assert node.issuer == "Freedonia" and node.target is None
    assert measure_key(protest, r.actors) == "protest Freedonia none"
    assert measure_target(protest, r.actors) is None


def test_materials_get_their_broader_chain_from_reference_data() -> None:
    text = "Dysprosium magnets."
    a = Extraction(Article("a.txt", text), materials=[
        MaterialMention("dysprosium", MaterialCategory.RARE_EARTH_ELEMENT, Span.of(text, 0, 10),
                        broader="heavy rare earths")])
    lookup = {
        "heavy rare earths": MaterialInfo("heavy rare earths", MaterialCategory.RARE_EARTH_ELEMENT,
                                          broader="rare earths"),
        "rare earths": MaterialInfo("rare earths", MaterialCategory.RARE_EARTH_ELEMENT),
    }.get
    materials = resolve([a], material_lookup=lookup).materials
    assert materials["dysprosium"].alt_labels == set(), "case-only variants are not aliases"
    assert materials["heavy rare earths"].broader == "rare earths"
    assert "rare earths" in materials


def test_an_author_named_only_in_the_header_gets_a_node_without_a_surface_form() -> None:
    text = "Seafood imports were halted."
    header_only = ActorMention("Hana Lindqvist", ActorType.PERSON, Span(0, 0, ""),
                               role="author", known=False)
    article = Article(identifier="a.txt", text=text)
    node = resolve([Extraction(article, actors=[header_only])]).actors["Hana Lindqvist"]
    assert node.type is ActorType.PERSON and node.role == "author"
    assert node.alt_labels == set()


def test_measures_whose_issuers_belong_to_different_states_never_merge() -> None:
    # the same generic name read as each article's own state's body: one export listing by
    # Beijing, one by Washington, same type and day, two measures
    texts = {"cn.txt": "The Commerce Department listed 20 firms.",
             "us.txt": "The U.S. Commerce Department listed 20 firms."}
    bodies = {"cn.txt": ("Ministry of Commerce of China", "China"),
              "us.txt": ("United States Department of Commerce", "United States")}
    extractions, measures = [], []
    for ident, text in texts.items():
        body, state = bodies[ident]
        at = text.index("Commerce Department")
        actor = ActorMention(body, ActorType.GOVERNMENT_BODY,
                             Span.of(text, at, at + len("Commerce Department")), part_of=state)
        measure = MeasureMention(MeasureType.EXPORT_BAN, Span.of(text, at, len(text) - 1),
                                 issuer=body, date=PartialDate(2025, 1, 2))
        measures.append(measure)
        extractions.append(Extraction(Article(ident, text), actors=[actor], measures=[measure]))
    r = resolve(extractions)
    assert r.measure_for(measures[0]) is not r.measure_for(measures[1])
    assert {r.measure_for(m).issuer for m in measures} == {
        "Ministry of Commerce of China", "United States Department of Commerce"}


def test_spellings_that_mint_one_iri_become_one_node_labelled_with_the_fullest() -> None:
    # Accents dropped in one article, capitals in a byline: one IRI, so one node and label.
    a = extraction("a.txt", "Zoé Tremblay spoke.", ("Zoé Tremblay", "Zoé Tremblay",
                                                   ActorType.PERSON))
    b = extraction("b.txt", "Zoe Tremblay spoke. Zoe Tremblay left.",
                   ("Zoe Tremblay", "Zoe Tremblay", ActorType.PERSON))
    c = extraction("c.txt", "By ZOE TREMBLAY", ("ZOE TREMBLAY", "ZOE TREMBLAY",
                                               ActorType.PERSON))
    actors = resolve([a, b, c]).actors
    node = actors["Zoé Tremblay"]
    assert actors["Zoe Tremblay"] is node and actors["ZOE TREMBLAY"] is node
    assert node.name == "Zoé Tremblay"
    assert node.alt_labels == {"Zoe Tremblay", "ZOE TREMBLAY"}


def test_measures_issued_under_two_spellings_of_one_name_are_one_node() -> None:
    text = "Zoé Tremblay banned nickel exports. Zoe Tremblay banned nickel exports."
    article = Article(identifier="a.txt", text=text)
    actors = [mention(text, "Zoé Tremblay", "Zoé Tremblay", ActorType.PERSON),
              mention(text, "Zoe Tremblay", "Zoe Tremblay", ActorType.PERSON)]
    first, second = (MeasureMention(MeasureType.EXPORT_BAN, Span.of(text, at, at + 6),
                                    issuer=name)
                     for at, name in ((text.index("banned"), "Zoé Tremblay"),
                                      (text.rindex("banned"), "Zoe Tremblay")))
    r = resolve([Extraction(article, actors=actors, measures=[first, second])])
    assert r.measure_for(first) is r.measure_for(second)


def test_one_body_name_put_in_two_states_by_two_articles_gives_two_measures() -> None:
    # an unlisted body named alike in two articles, each text saying whose it is: the
    # node's parent is one article's word, but each measure keeps its own article's state
    extractions, measures = [], []
    for ident, state in (("a.txt", "Freedonia"), ("b.txt", "Sylvania"), ("c.txt", "Sylvania")):
        text = "The Trade Bureau banned exports of tin."
        body = ActorMention("Trade Bureau", ActorType.GOVERNMENT_BODY, Span.of(text, 4, 16),
                            part_of=state, known=False)
        measure = MeasureMention(MeasureType.EXPORT_BAN, Span.of(text, 17, 38),
                                 issuer="Trade Bureau", date=PartialDate(2025, 3, 1))
        measures.append(measure)
        extractions.append(Extraction(Article(ident, text), actors=[body], measures=[measure]))
    r = resolve(extractions)
    assert r.measure_for(measures[0]) is not r.measure_for(measures[1])
    assert r.measure_for(measures[1]) is r.measure_for(measures[2])


def test_an_alias_two_nodes_share_is_kept_by_neither() -> None:
    a = extraction("a.txt", "The Foreign Ministry of China said.",
                   ("Foreign Ministry", "Ministry of Foreign Affairs of China",
                    ActorType.GOVERNMENT_BODY))
    b = extraction("b.txt", "The Foreign Ministry in Tokyo said.",
                   ("Foreign Ministry", "Ministry of Foreign Affairs of Japan",
                    ActorType.GOVERNMENT_BODY))
    actors = resolve([a, b]).actors
    assert actors["Ministry of Foreign Affairs of China"].alt_labels == set()
    assert actors["Ministry of Foreign Affairs of Japan"].alt_labels == set()
    alone = resolve([a]).actors["Ministry of Foreign Affairs of China"]
    assert alone.alt_labels == {"Foreign Ministry"}, "an alias one node has is kept"


def test_an_alias_that_is_another_node_s_name_is_dropped() -> None:
    # "Takaichi" for her government in one article, for herself in another
    a = extraction("a.txt", "Takaichi replied for Japan.", ("Takaichi", "Japan", ActorType.STATE))
    b = extraction("b.txt", "Takaichi said so.", ("Takaichi", "Takaichi", ActorType.PERSON))
    assert resolve([a, b]).actors["Japan"].alt_labels == set()
    assert resolve([a]).actors["Japan"].alt_labels == {"Takaichi"}


def test_a_form_without_a_capital_describes_and_is_no_alias() -> None:
    a = extraction("a.txt", "Acme Robotics fell. The company said.",
                   ("Acme Robotics", "Acme Robotics", ActorType.COMPANY),
                   ("company", "Acme Robotics", ActorType.COMPANY))
    b = extraction("b.txt", "Acme rose.", ("Acme", "Acme Robotics", ActorType.COMPANY))
    assert resolve([a, b]).actors["Acme Robotics"].alt_labels == {"Acme"}
    c = extraction("c.txt", "商务部表示。", ("商务部", "Ministry of Commerce of China",
                                          ActorType.GOVERNMENT_BODY))
    assert resolve([c]).actors["Ministry of Commerce of China"].alt_labels == {"商务部"}, \
        "a script without letter case has no capitals to show a name"


def test_a_tie_of_types_goes_to_the_type_the_dated_account_gives() -> None:
    # Two articles: one dates Freedonia's licence requirement; the other's undated "ban"
    # joins it as the only dated measure of the block it can be.  One account each: the
    # dated account, not the guess that joined it, says what the measure is.
    a = Article("a.txt", "Freedonia has required export licences for cobalt since May.")
    b = Article("b.txt", "Freedonia's ban hurts cobalt buyers.")
    free_a = ActorMention("Freedonia", ActorType.STATE, Span.of(a.text, 0, 9))
    free_b = ActorMention("Freedonia", ActorType.STATE, Span.of(b.text, 0, 9))
    dated = MeasureMention(MeasureType.EXPORT_CONTROL, Span.of(a.text, 19, 35),
                           issuer="Freedonia", date=PartialDate(2025, 5))
    undated = MeasureMention(MeasureType.EXPORT_BAN, Span.of(b.text, 12, 15), issuer="Freedonia")
    r = resolve([Extraction(a, actors=[free_a], measures=[dated]),
                 Extraction(b, actors=[free_b], measures=[undated])])
    assert r.measure_for(undated) is r.measure_for(dated)
    assert r.measure_for(dated).type is MeasureType.EXPORT_CONTROL
