"""Synthetic corpora of news articles about trade and security measures, for benchmarks.

The extractors' cost depends on what a text holds (names, quotations, dates, numbers,
trigger words), so a benchmark corpus must read like the news it stands for, not repeat one
article.  Each article is written from varied templates around one *event* (an issuer state
taking a measure against a target, covering some materials, on some date):

* six styles: wire report with a dateline, explainer with bullet lists, timeline with many
  date formats, short brief with a ``title:/date:/publisher:/url:/author:`` header, op-ed,
  and English machine-translated from Chinese or Japanese; some files hard-wrapped at 72
  columns as e-mailed copy is;
* actors drawn from pools: states, ministries and embassies written in many ways, outlets,
  companies, think tanks and universities, and people generated from name pools with titles
  and appositions, so that most people (and many companies and institutes) are *not* in the
  reference data;
* quotations in straight, curly and single quotes, attributed before or after, continued
  over paragraphs; reported, hedged and negated speech; reporting chains; pronouns and
  surnames referring back;
* measures of every type the extractors know (export ban and control, licensing, import
  ban, travel advisory, protest, defence budget, drills), materials in lists and with
  symbols, figures with units, qualifiers and ranges, dates in many absolute and relative
  formats.

Article ``i`` of seed ``s`` depends only on ``(s, i)``: a corpus of 100 is the prefix of a
corpus of 1,000 with the same seed, and the same call always gives the same text.

The pools the templates draw from (names, bodies, outlets, materials, quotations) are data,
in ``bench/corpus_pools.toml``.

Usage: ``python bench/corpus.py OUTDIR [--count N] [--seed S]`` writes a corpus as files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import textwrap
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# -- pools (bench/corpus_pools.toml) -------------------------------------------------------

_POOLS = tomllib.loads(Path(__file__).with_name("corpus_pools.toml").read_text(encoding="utf-8"))
_ACTORS = _POOLS["actors"]

MONTHS: list[str] = _POOLS["calendar"]["months"]
MONTH_ABBR: list[str] = _POOLS["calendar"]["month_abbr"]
WEEKDAYS: list[str] = _POOLS["calendar"]["weekdays"]


@dataclass(frozen=True)
class State:
    """A state as articles write it, and the naming origin of its people."""

    name: str
    demonym: str
    capital: str
    origin: str
    weight: int = 1
    article: bool = False
    """Written with "the" in running text ("the Netherlands")."""

    @property
    def text(self) -> str:
        """The name as running text writes it."""
        return f"the {self.name}" if self.article else self.name

    @property
    def poss(self) -> str:
        """Possessive: "Japan's", "the Philippines'"."""
        return f"{self.text}'" if self.name.endswith("s") else f"{self.text}'s"


STATES = [State(**state) for state in _POOLS["states"]]
"""Real states only (the reference data lists them all), as real news names real states."""

NAMES: dict[str, tuple[str, str, str, bool]] = {
    # origin: (male given names, female given names, family names, family name first)
    origin: (pool["male"], pool["female"], pool["family"], pool["family_first"])
    for origin, pool in _POOLS["names"].items()
}
KNOWN_PEOPLE: dict[str, list[tuple[str, str, str, str]]] = {
    # state: (name, pronoun, title written before the name, body kind)
    state: [tuple(person) for person in people]
    for state, people in _POOLS["known_people"].items()
}
# {s} state, {p} its possessive, {d} demonym, {c} capital
BODIES: dict[str, list[str]] = _POOLS["bodies"]
OUTLETS: list[str] = _ACTORS["outlets"]
AGENCIES: list[str] = _ACTORS["agencies"]
KNOWN_COMPANIES: list[str] = _ACTORS["known_companies"]
COMPANY_PARTS: list[list[str]] = _ACTORS["company_parts"]
KNOWN_THINK_TANKS: list[str] = _ACTORS["known_think_tanks"]
THINK_TANK_PARTS: list[list[str]] = _ACTORS["think_tank_parts"]
UNIVERSITIES: list[str] = _ACTORS["universities"]
PLACES: list[str] = _ACTORS["places"]
SECTORS: list[str] = _ACTORS["sectors"]
USES: list[str] = _ACTORS["uses"]
GOODS: list[str] = _ACTORS["goods"]
RESPONSES: list[str] = _ACTORS["responses"]
AIMS: list[str] = _ACTORS["aims"]
FRAGMENTS: list[str] = _ACTORS["fragments"]
MATERIALS: dict[str, list[str]] = _POOLS["materials"]
SYMBOLS: dict[str, str] = _POOLS["symbols"]
MEASURE_KINDS: dict[str, int] = _POOLS["measure_kinds"]
STYLES: dict[str, int] = _POOLS["styles"]
QUOTES: dict[str, list[str]] = _POOLS["quotes"]
BACKGROUND: list[str] = _POOLS["background"]["sentences"]


# -- the event of one article ------------------------------------------------------------


@dataclass
class Person:
    """A person of an article and the ways to introduce and refer back to them."""

    name: str
    family: str
    pronoun: str
    title: str
    """Written before the name: "Foreign Ministry spokesperson", "senior analyst"."""
    apposition: str
    """Written after the name: "a spokesperson for the commerce ministry"."""

    @property
    def honorific(self) -> str:
        """Mr. or Ms."""
        return "Mr." if self.pronoun == "he" else "Ms."


@dataclass
class Event:
    """What one article is about: who did what to whom, covering what, and when."""

    issuer: State
    target: State
    third: State
    kind: str
    others: list[str]
    materials: list[str]
    goods: str
    date: dt.date
    published: dt.date
    officials: list[Person]
    target_officials: list[Person]
    experts: list[Person]
    outlets: list[str]
    companies: list[str]
    place: str


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _company(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(KNOWN_COMPANIES)
    first, core, suffix = (rng.choice(p) for p in COMPANY_PARTS)
    return f"{first} {core} {suffix}".strip()


def _think_tank(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(KNOWN_THINK_TANKS)
    if roll < 0.6:
        return rng.choice(UNIVERSITIES)
    place, topic = rng.choice(THINK_TANK_PARTS[0]), rng.choice(THINK_TANK_PARTS[1])
    return rng.choice([f"the {place} Institute for {topic}", f"the Center for {topic}",
                       f"the {place} Centre for {topic}"])


def person_name(rng: random.Random, origin: str, pronoun: str) -> tuple[str, str]:
    """A generated full name of that origin, and its family name."""
    male, female, family, family_first = NAMES.get(origin, NAMES["en"])
    given = rng.choice((male if pronoun == "he" else female).split()).replace("_", " ")
    fam = rng.choice(family.split())
    return (f"{fam} {given}" if family_first else f"{given} {fam}"), fam


def _official(rng: random.Random, state: State, kind: str) -> Person:
    fitting = [k for k in KNOWN_PEOPLE.get(state.name, []) if k[3] == kind]
    if fitting and rng.random() < 0.35:
        name, pronoun, title, _ = rng.choice(fitting)
        family = name.split()[0] if state.origin in ("zh", "tw", "ko") else name.split()[-1]
        return Person(name, family, pronoun, title, f"the {title.lower()}")
    pronoun = rng.choice(["he", "she"])
    name, family = person_name(rng, state.origin, pronoun)
    body = rng.choice(BODIES[kind]).format(s=state.text, p=state.poss, d=state.demonym,
                                           c=state.capital)
    role = rng.choice(["spokesperson", "spokesman" if pronoun == "he" else "spokeswoman",
                       "vice minister", "director general", "deputy director",
                       "senior official"])
    title = rng.choice([f"{kind.capitalize()} Ministry {role}", f"{state.demonym} {role}",
                        role.title()])
    appos = rng.choice([f"a {role} for {body}", f"a {role} at {body}", f"the {role} of {body}"])
    return Person(name, family, pronoun, title, appos)


def _expert(rng: random.Random, state: State) -> Person:
    pronoun = rng.choice(["he", "she"])
    name, family = person_name(rng, state.origin, pronoun)
    if rng.random() < 0.3:
        org = _company(rng)
        role = rng.choice(["chief executive", "head of procurement", "managing director",
                           "chief economist"])
    else:
        org = _think_tank(rng)
        role = rng.choice(["senior analyst", "research fellow", "professor", "chief economist",
                           "director of research", "senior fellow", "analyst"])
    prep = "of" if role == "chief executive" else "at"
    article = "an" if role[0] in "aeiou" else "a"
    return Person(name, family, pronoun, role, f"{article} {role} {prep} {org}")


def make_event(rng: random.Random) -> Event:
    """Draw one article's event: states, measure kinds, materials, dates and cast."""
    issuer = rng.choices(STATES, weights=[s.weight for s in STATES])[0]
    rest = [s for s in STATES if s != issuer]
    target = rng.choices(rest, weights=[s.weight for s in rest])[0]
    third = rng.choice([s for s in rest if s != target])
    kind = _weighted(rng, MEASURE_KINDS)
    families = rng.sample(list(MATERIALS), k=rng.randint(1, 3))
    materials = list(dict.fromkeys(rng.choice(MATERIALS[f]) for f in families
                                   for _ in range(rng.randint(1, 2))))
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 7 * 365 + 150))
    return Event(
        issuer=issuer, target=target, third=third, kind=kind,
        others=rng.sample([k for k in MEASURE_KINDS if k != kind], k=rng.randint(1, 3)),
        materials=materials, goods=rng.choice(GOODS),
        date=published - dt.timedelta(days=rng.choice([0, 1, 1, 2, 3, 5])), published=published,
        officials=[_official(rng, issuer, k) for k in ("commerce", "foreign")],
        target_officials=[_official(rng, target, k) for k in ("foreign", "commerce")],
        experts=[_expert(rng, rng.choice([issuer, target, third, STATES[2], STATES[7]]))
                 for _ in range(rng.randint(2, 4))],
        outlets=rng.sample(OUTLETS, k=3), companies=[_company(rng) for _ in range(3)],
        place=rng.choice(PLACES),
    )


# -- sentences --------------------------------------------------------------------------------


def cap(text: str) -> str:
    """Capitalise the first letter only."""
    return text[:1].upper() + text[1:]


_COMMON_STARTS = frozenset(
    "The This We Our It No Such Civilian Exports Compliant Companies Supply Prices If Nobody "
    "Targeting Those".split())


def lower_first(text: str) -> str:
    """A sentence continued after "that": its first word in lower case unless a name."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in _COMMON_STARTS else text


@dataclass
class Writer:
    """Renders sentences about an event, remembering who was introduced and named last."""

    rng: random.Random
    ev: Event
    style: str
    introduced: set[str] = field(default_factory=set)
    last_person: str | None = None
    used: set[str] = field(default_factory=set)

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def fresh(self, key: str, count: int) -> int:
        """An index below ``count`` not yet drawn for ``key`` (any once all were drawn)."""
        unused = [i for i in range(count) if f"{key}:{i}" not in self.used] or list(range(count))
        index = self.rng.choice(unused)
        self.used.add(f"{key}:{index}")
        return index

    def body(self, kind: str, state: State) -> str:
        return self.pick(BODIES[kind]).format(s=state.text, p=state.poss, d=state.demonym,
                                              c=state.capital)

    def materials(self, most: int = 3) -> str:
        """Some of the event's materials as a list, sometimes with element symbols."""
        items = self.ev.materials[: self.rng.randint(1, most)]
        syms = [SYMBOLS[m] for m in items if m in SYMBOLS]
        if len(syms) >= 2 and self.rng.random() < 0.3:
            return "elements such as " + ", ".join(syms[:-1]) + " and " + syms[-1]
        rendered = [f"{m} ({SYMBOLS[m]})" if m in SYMBOLS and self.rng.random() < 0.3 else m
                    for m in items]
        if len(rendered) == 1:
            return rendered[0]
        last = self.pick([" and ", ", and "]) if len(rendered) > 2 else " and "
        return ", ".join(rendered[:-1]) + last + rendered[-1]

    def material(self) -> str:
        return self.pick(self.ev.materials)

    def date(self, d: dt.date) -> str:
        """``on <date>`` relative to the publication date, in one of many formats."""
        days = (self.ev.published - d).days
        if days == 0 and self.rng.random() < 0.3:
            return "today" if self.style == "wire" else "this week"
        if days == 1 and self.rng.random() < 0.2:
            return "yesterday"
        m = d.month - 1
        opts = [f"{MONTHS[m]} {d.day}", f"{d.day} {MONTHS[m]}", f"{MONTH_ABBR[m]} {d.day}",
                f"{MONTHS[m]} {d.day}, {d.year}", f"{d.day} {MONTHS[m]} {d.year}", d.isoformat()]
        if 0 < days <= 6:
            opts += [WEEKDAYS[d.weekday()]] * 4
        if self.style == "translated":
            n = d.day
            suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
            opts += [f"{n}{suffix} day"] * 3
        return "on " + self.pick(opts)

    def month_phrase(self, d: dt.date | None = None) -> str:
        d = d or self.past(30, 400)
        pub = self.ev.published
        if (pub.year - d.year) * 12 + pub.month - d.month == 1 and self.rng.random() < 0.4:
            return "last month"
        part = self.pick(["", "early ", "mid-", "late "])
        year = f" {d.year}" if d.year != pub.year or self.rng.random() < 0.3 else ""
        return f"in {part}{MONTHS[d.month - 1]}{year}"

    def past(self, least: int, most: int) -> dt.date:
        return self.ev.published - dt.timedelta(days=self.rng.randint(least, most))

    def share(self) -> str:
        q = self.pick(["about ", "around ", "more than ", "nearly ", "roughly ", "some ",
                       "at least ", "over ", "", "close to "])
        n = self.rng.choice([40, 45, 55, 60, 63, 70, 72, 80, 85, 90, 92])
        return f"{q}{n}{self.pick(['%', ' percent', ' per cent', '%'])}"

    def money(self) -> str:
        n = self.rng.randint(2, 950)
        return self.pick([
            f"{self.rng.randint(2, 12)} trillion yen (${self.rng.randint(15, 90)} billion)",
            f"${n} billion", f"US${n / 10:.1f} billion", f"€{n / 10:.1f} billion",
            f"{n} billion yuan", f"¥{n} billion", f"{n} million dollars", f"about {n} billion won"])

    def volume(self) -> str:
        n = self.rng.randint(12, 9000)
        return self.pick([f"{n:,} metric tons", f"{n} tonnes", f"{n:,} tons",
                          f"{self.rng.randint(2, 900)} kilograms"])

    def count(self) -> str:
        noun = self.pick(["items", "companies", "categories", "firms", "product lines",
                          "suppliers", "entities"])
        n = self.pick(["about 1,100", "seven", "at least 30", "more than 200", "12",
                       "nearly 50", "some 2,300", "28", "two dozen", "about 700"])
        return f"{n} {noun}"

    def slots(self) -> dict[str, str]:
        ev, m = self.ev, self.material()
        uses = self.rng.sample(USES, 3)
        return {"I": ev.issuer.text, "T": ev.target.text, "Icap": ev.issuer.capital,
                "Tcap": ev.target.capital, "Id": ev.issuer.demonym, "Td": ev.target.demonym,
                "Tdc": ev.target.demonym, "Ipc": cap(ev.issuer.poss), "m": m, "mc": cap(m),
                "c": self.pick(ev.companies), "sector": self.pick(SECTORS), "use": uses[0],
                "use2": uses[1], "use3": uses[2], "third": cap(ev.third.text),
                "place": ev.place, "year": str(self.rng.randint(2010, ev.published.year - 1)),
                "month_phrase": self.month_phrase(), "Ic": ev.issuer.capital,
                "month": self.pick(MONTHS)}

    def background(self) -> str:
        return cap(BACKGROUND[self.fresh("background", len(BACKGROUND))].format(**self.slots()))

    # people

    def who(self, p: Person, *, after_quote: bool = False) -> str:
        """A person as subject: in full the first time, then a surname or a pronoun."""
        last, self.last_person = self.last_person, p.name
        if p.name not in self.introduced:
            self.introduced.add(p.name)
            if self.rng.random() < 0.45:
                return f"{p.title} {p.name}" if not after_quote else f"{p.name}, {p.apposition}"
            return f"{p.name}, {p.apposition}" + ("" if after_quote else ",")
        roll = self.rng.random()
        if last == p.name and roll < 0.5:
            return p.pronoun
        return p.family if roll < 0.8 else f"{p.honorific} {p.family}"

    def quote(self, pool: str) -> str:
        return self.pick(QUOTES[pool]).format(**self.slots())

    def quoted(self, words: str, *, end: str = ",") -> str:
        marks = self.pick(['""', "“”", "“”", "''"] if self.style != "translated" else ["''"])
        return f"{marks[0]}{words}{end}{marks[1]}"

    def say(self, p: Person, pool: str) -> str:
        """One quotation with its attribution, in one of many arrangements."""
        q = self.quote(pool)
        verb = self.pick(["said", "said", "told reporters", "stressed", "warned", "noted",
                          "said in a statement", "wrote in a note to clients"])
        forms: list[Callable[[], str]] = [
            lambda: f"{self.quoted(q)} {self.who(p, after_quote=True)} {verb}.",
            lambda: f"{self.quoted(q)} said {self.who(p, after_quote=True)}.",
            lambda: f"{cap(self.who(p))} {verb}: {self.quoted(q, end='.')}",
            lambda: (f"{cap(self.who(p))} said {self.date(self.past(0, 4))} that "
                     f"{self.quoted(lower_first(q), end='.')}"),
            lambda: (f"{cap(self.who(p))} described the move as "
                     f"{self.quoted(self.pick(FRAGMENTS), end='')} and said "
                     f"{self.quoted(lower_first(q), end='.')}"),
            lambda: f"According to {self.who(p, after_quote=True)}, {self.quoted(q, end='.')}",
            lambda: (f"{cap(self.who(p))} {self.pick(['told', 'said to'])} "
                     f"{self.pick(self.ev.outlets)} that {lower_first(q)}."),
            lambda: (f"{self.quoted(q)} {self.who(p, after_quote=True)} said. "
                     f"{self.quoted(self.quote(pool), end='.')}"),
        ]
        return self.pick(forms)()

    def long_quote(self, p: Person, pool: str) -> str:
        """A quotation over two paragraphs: the first has no closing mark (news style)."""
        q1, q2, q3 = (s.format(**self.slots()) for s in self.rng.sample(QUOTES[pool], 3))
        o, c = ('"', '"') if self.rng.random() < 0.5 else ("“", "”")
        return (f"{cap(self.who(p))} said: {o}{q1}. {q2}.\n\n"
                f"{o}{q3},{c} {self.who(p, after_quote=True)} added.")

    def report(self, p: Person) -> str:
        """Reported speech, hedged and negated speech, reporting chains."""
        ev = self.ev
        outlet = self.pick(ev.outlets)
        forms: list[Callable[[], str]] = [
            lambda: (f"{cap(self.who(p))} said that the restrictions would apply to "
                     f"{self.materials(2)} and that exporters would need to apply for licences."),
            lambda: (f"{cap(self.who(p))} did not say whether {self.material()} "
                     f"{self.pick(['were', 'would be'])} covered by the measures."),
            lambda: (f"{cap(self.who(p))} declined to comment on reports in {outlet} that "
                     f"{ev.issuer.text} was considering further curbs."),
            lambda: (f"{cap(outlet)} reported that a senior {ev.target.demonym} official said "
                     f"{ev.target.capital} was weighing a complaint to the World Trade "
                     f"Organization."),
            lambda: (f"According to {outlet}, {self.body('commerce', ev.issuer)} has stopped "
                     f"approving new export licences for {self.material()}."),
            lambda: (f"{cap(self.who(p))} called the move {self.pick(FRAGMENTS)}, adding that "
                     f"{ev.target.text} would take {self.pick(['appropriate', 'firm'])} "
                     f"countermeasures."),
            lambda: (f"Two people familiar with the matter said the {ev.issuer.demonym} "
                     f"authorities had {self.pick(['quietly', 'already', 'informally'])} told "
                     f"traders to halt shipments of {self.material()} to {ev.target.text}."),
            lambda: (f"{cap(self.body('foreign', ev.target))} said in a statement that it had "
                     f"{self.pick(['lodged', 'made'])} representations. It added that "
                     f"{ev.target.text} {self.pick(RESPONSES)}."),
            lambda: (f"A {ev.target.demonym} government source called the measure "
                     f"{self.quoted(self.pick(FRAGMENTS), end='')}, suggesting it aimed to "
                     f"{self.pick(AIMS)}."),
        ]
        return forms[self.fresh("report", len(forms))]()

    # measures and facts

    def measure(self, kind: str, *, dated: bool | None = None) -> str:
        """A sentence reporting a measure of ``kind`` (without its final full stop)."""
        ev, iss, tgt = self.ev, self.ev.issuer, self.ev.target
        dated = self.rng.random() < 0.5 if dated is None else dated
        when = f" {self.date(ev.date)}" if dated else ""
        issuer = self.pick([iss.text, self.body("commerce", iss), self.body("government", iss)])
        mats = self.materials()
        if kind == "protest" and self.rng.random() < 0.3:
            return cap(f"{self.who(self.pick(ev.target_officials))} lodged a protest with the "
                       f"{iss.demonym} embassy{when}")
        templates: dict[str, Callable[[], list[str]]] = {
            "export_ban": lambda: [
                f"{issuer} announced{when} a ban on exports of {mats} to {tgt.text}",
                f"{issuer} banned the export of {mats} to {tgt.text}{when}",
                f"{issuer} said{when} it would halt shipments of {mats} to {tgt.text} with "
                f"immediate effect",
                f"{issuer} has prohibited exports of {mats} to {tgt.demonym} military end users",
                f"{issuer} suspended exports of {mats} to {tgt.text}{when}"],
            "export_control": lambda: [
                f"{issuer} imposed export controls on {mats}{when}",
                f"{issuer} added {mats} to its export control list{when}",
                f"{issuer} tightened controls on exports of {mats} to {tgt.text}{when}",
                f"{issuer} announced{when} new restrictions on exports of {mats}"],
            "licensing": lambda: [
                f"{issuer} began requiring licences for each shipment of {mats} to {tgt.text}"
                f"{when}",
                f"{issuer} has slowed approvals of export licences for {mats}",
                f"{issuer} introduced stricter licensing requirements for {mats}{when}",
                f"{issuer} tightened licence reviews for shipments of {mats} to {tgt.demonym} "
                f"buyers{when}"],
            "import_ban": lambda: [
                f"{self.body('customs', iss)} suspended imports of {ev.goods} from {tgt.text}"
                f"{when}",
                f"{issuer} announced{when} a ban on imports of {ev.goods} from {tgt.text}",
                f"{issuer} halted purchases of {ev.goods} from {tgt.demonym} suppliers{when}"],
            "travel": lambda: [
                f"{self.body('foreign', iss)} issued a travel advisory{when} urging citizens to "
                f"avoid travel to {tgt.text}",
                f"{issuer} warned its citizens not to travel to {tgt.text}{when}",
                f"{self.body('foreign', iss)} advised against non-essential travel to "
                f"{tgt.text}{when}"],
            "protest": lambda: [
                f"{self.body('foreign', tgt)} lodged a strong protest with {iss.text}{when}",
                f"{tgt.text} lodged solemn representations with the {iss.demonym} embassy{when}",
                f"{self.body('foreign', tgt)} summoned the {iss.demonym} ambassador{when}",
                f"{tgt.demonym} protesters gathered outside the {iss.demonym} embassy in "
                f"{tgt.capital}{when}"],
            "budget": lambda: [
                f"{self.body('cabinet', iss)} approved a record defence budget of "
                f"{self.money()}{when}",
                f"{self.body('government', iss)} unveiled{when} an increase of {self.share()} in "
                f"military spending",
                f"lawmakers in {iss.capital} passed a defence spending plan worth "
                f"{self.money()}{when}"],
            "drills": lambda: [
                f"{self.body('military', iss)} conducted large-scale military drills near "
                f"{ev.place}{when}",
                f"{iss.demonym} forces staged live-fire drills around {ev.place}{when}",
                f"{self.body('military', iss)} held joint naval exercises off {ev.place}{when}"],
        }
        options = templates[kind]()
        return cap(options[self.fresh(kind, len(options))])

    def history(self) -> str:
        ev = self.ev
        year = self.rng.randint(2009, ev.published.year - 1)
        options = [
            f"In {year}, {ev.issuer.text} restricted exports of {self.material()} to "
            f"{ev.target.text} during a territorial dispute, a precedent many executives still "
            f"remember.",
            f"Over a decade ago, {ev.issuer.text} had banned shipments of rare earths to "
            f"{ev.target.text}, prompting a scramble for new suppliers.",
            f"When {ev.issuer.text} banned exports of {self.material()} to {ev.third.text} in "
            f"{year}, its leaders promised that the measure would "
            f"{self.quoted('bring them to the table', end='')}. It did not.",
            f"Back in {year}, {ev.target.text} imposed an import ban on {ev.goods} from "
            f"{ev.issuer.text}, which was lifted two years later.",
        ]
        return options[self.fresh("history", len(options))]

    def figures(self) -> str:
        ev = self.ev
        source = self.pick([f"according to {self.pick(KNOWN_THINK_TANKS)}",
                            f"{self.pick(ev.outlets)} reported", "data showed",
                            "customs data showed", "estimates indicate"])
        prev_month = MONTHS[(ev.published.month - 2) % 12]
        options = [
            f"{cap(ev.issuer.text)} supplies {self.share()} of {ev.target.poss} rare earth "
            f"imports, {source}.",
            f"Exports of {self.material()} to {ev.target.text} rose {self.share()} to "
            f"{self.volume()} in {prev_month}, {source}.",
            f"The control list covers {self.count()}, including "
            f"{self.pick(['at least seven', 'several', 'about 20'])} categories of "
            f"{self.pick(MATERIALS['rare_earth'])}.",
            f"Prices of {self.material()} jumped {self.share()} to "
            f"${self.rng.randint(40, 900)} per kilogram after the announcement.",
            f"Imports of {ev.goods} from {ev.target.text} were worth {self.money()} last year, "
            f"down {self.rng.randint(2, 40)}.{self.rng.randint(0, 9)}% from a year earlier.",
            f"Between {self.rng.randint(10, 30)}% and {self.rng.randint(31, 60)}% of "
            f"{ev.target.demonym} manufacturers rely on {ev.issuer.demonym} suppliers for "
            f"{self.material()}, {source}.",
            f"{cap(ev.target.poss)} defence budget has more than doubled in the last decade, to "
            f"{self.money()}.",
            f"{self.pick(ev.companies)} said it held stocks equal to about "
            f"{self.rng.randint(2, 9)} months of consumption, or {self.volume()}.",
        ]
        return options[self.fresh("figures", len(options))]

    def company(self) -> str:
        c = self.pick(self.ev.companies)
        options = [
            f"{c} said in a statement: {self.quoted(self.quote('company'), end='.')}",
            f"A spokesperson for {c} said {self.quoted(self.quote('company'), end='.')}",
            f"{c}, which buys {self.material()} from {self.ev.issuer.demonym} suppliers, "
            f"declined to comment.",
            f"Shares of {c} fell {self.rng.randint(2, 9)}.{self.rng.randint(0, 9)}% in "
            f"{self.ev.target.capital}.",
        ]
        return options[self.fresh("company", len(options))]

    def sentence(self) -> str:
        """Any one sentence (or two) of a report body."""
        ev = self.ev
        kind = self.rng.choices(
            ["quote", "report", "measure", "figures", "history", "company", "analyst",
             "background"], weights=[12, 12, 8, 10, 4, 6, 10, 24])[0]
        if kind == "quote":
            side = self.rng.random() < 0.5
            return self.say(self.pick(ev.officials if side else ev.target_officials),
                            "justify" if side else "protest")
        if kind == "report":
            return self.report(self.pick(ev.officials + ev.target_officials))
        if kind == "measure":
            return self.measure(self.pick(ev.others)) + "."
        if kind == "figures":
            return self.figures()
        if kind == "history":
            return self.history()
        if kind == "company":
            return self.company()
        if kind == "analyst":
            return self.say(self.pick(ev.experts), "analyst")
        return self.background()

    def paragraph(self) -> str:
        """A body paragraph: two to four sentences, or a quotation over two paragraphs."""
        if self.rng.random() < 0.06:
            return self.long_quote(self.pick(self.ev.experts), "analyst")
        return " ".join(self.sentence() for _ in range(self.rng.choice([1, 2, 2, 3, 3, 4])))


# -- styles -------------------------------------------------------------------------------------


def _fill(w: Writer, words: int, paras: list[str]) -> list[str]:
    while sum(len(p.split()) for p in paras) < words:
        paras.append(w.paragraph())
    return paras


def _title(w: Writer) -> str:
    ev, m = w.ev, w.material()
    return w.pick([
        f"{cap(ev.issuer.text)} curbs {m} exports to {ev.target.text}",
        f"{cap(ev.target.text)} protests {ev.issuer.demonym} restrictions on {m}",
        f"{ev.issuer.demonym} export controls: what we know so far",
        f"{ev.issuer.name}-{ev.target.name} tensions escalate over {m}",
        f"Why {ev.issuer.poss} new rules on {m} matter",
    ])


def _header(w: Writer, title: str) -> str:
    ev = w.ev
    outlet = w.pick(ev.outlets).removeprefix("the ").removeprefix("The ")
    slug = "-".join(title.lower().split()[:6]).replace("'", "").replace(":", "")
    pronoun = w.pick(["he", "she"])
    author, _ = person_name(w.rng, w.pick(["en", "ja", "zh", "ko"]), pronoun)
    fields = [f"date: {ev.published.isoformat()}", f"publisher: {outlet}",
              f"url: https://{outlet.lower().replace(' ', '')}.example/{ev.published.year}/{slug}",
              f"author: {author}"]
    w.rng.shuffle(fields)
    return "\n".join([f"title: {title}", *fields[: w.rng.randint(1, 4)]]) + "\n---\n"


def _lead(w: Writer) -> str:
    ev = w.ev
    endings = ["escalating a dispute over security and trade.",
               f"in a move seen as retaliation for remarks by {ev.target.demonym} leaders.",
               "the latest step in a widening row between the two neighbours."]
    if ev.kind in ("export_ban", "export_control", "licensing"):
        endings += [f"according to a notice posted on the website of "
                    f"{w.body('commerce', ev.issuer)}.",
                    f"saying the items {w.quoted('may be diverted to military use', end='')}."]
    return w.measure(ev.kind, dated=True) + ", " + w.pick(endings) + " " + w.background()


def write_wire(w: Writer, words: int) -> str:
    ev, d = w.ev, w.ev.published
    city = w.pick([ev.issuer.capital, ev.target.capital])
    when = w.pick([f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}",
                   f"{MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.day} {MONTHS[d.month - 1]}"])
    dateline = w.pick([f"{city.upper()}, {when} ({w.pick(AGENCIES)}) -- ",
                       f"{ev.issuer.capital}/{ev.target.capital} — {when} — ",
                       f"{city.upper()}, {when} - "])
    paras = [dateline + _lead(w), w.say(w.pick(ev.target_officials), "protest") + " "
             + w.sentence()]
    if w.rng.random() < 0.5:
        paras.append(w.pick([f"What {ev.issuer.name} Has Banned and Why", "Market Reaction",
                             "What Happens Next?", "Background"]))
    paras = _fill(w, words, paras)
    a, _ = person_name(w.rng, ev.target.origin, w.pick(["he", "she"]))
    b, _ = person_name(w.rng, "en", w.pick(["he", "she"]))
    paras.append(f"(Reporting by {a} in {ev.target.capital}; Editing by {b})")
    title = [_title(w)] if w.rng.random() < 0.6 else []
    return "\n\n".join(title + paras) + "\n"


def write_explainer(w: Writer, words: int) -> str:
    ev = w.ev
    bullets = [w.measure(ev.kind, dated=True) + ".", w.measure(w.pick(ev.others)) + ".",
               w.figures(), w.report(w.pick(ev.officials))]
    mark = w.pick(["-", "*", "•"])
    covered = "\n".join(f"{mark} {cap(m)}" for m in ev.materials)
    paras = [f"Explainer: {_title(w)} | {w.pick(ev.outlets).removeprefix('the ')}",
             w.pick(["Key points:", "At a glance:", "What you need to know:"]),
             "\n".join(f"{mark} {b}" for b in bullets),
             f"What does the {ev.kind.replace('_', ' ')} cover?",
             f"The measures apply to {w.count()}, including:\n{covered}",
             w.paragraph(), f"Why did {ev.issuer.text} act now?",
             w.history() + " " + w.say(w.pick(ev.experts), "analyst"), "What happens next?"]
    return "\n\n".join(_fill(w, words, paras)) + "\n"


def write_timeline(w: Writer, words: int) -> str:
    ev, p = w.ev, w.ev.published
    author, _ = person_name(w.rng, "en", w.pick(["he", "she"]))
    head = (f"Timeline: {ev.issuer.name}-{ev.target.name} {w.pick(['trade', 'security'])} "
            f"tensions\nBy {author}\n{MONTHS[p.month - 1]} {p.day}, {p.year}")
    entries = []
    for _ in range(w.rng.randint(5, 10)):
        d = w.past(20, 900)
        m = d.month - 1
        formats = [f"{MONTHS[m]} {d.day}, {d.year}", d.isoformat(),
                   f"{d.day} {MONTH_ABBR[m]} {d.year}", f"{MONTHS[m]} {d.year}", f"{d.year}",
                   f"{d.day:02d}/{d.month:02d}/{d.year}", f"Mid-{MONTHS[m]} {d.year}"]
        if d.year == p.year:  # a timeline leaves the year out only for the current one
            formats += [f"{MONTH_ABBR[m]} {d.day}", f"Early {MONTHS[m]}", f"Late {MONTHS[m]}"]
        when = w.pick(formats)
        what = w.pick([w.measure(w.pick(list(MEASURE_KINDS)), dated=False) + ".",
                       w.report(w.pick(ev.officials + ev.target_officials)), w.figures()])
        entries.append((d, f"{w.pick(['- ', '* ', ''])}{when}{w.pick([': ', ' — ', ' – '])}{what}"))
    body = [w.measure(ev.kind, dated=True) + ". Here is how the dispute unfolded."]
    body += [e for _, e in sorted(entries)]
    return head + "\n\n" + "\n\n".join(_fill(w, words, body)) + "\n"


def write_brief(w: Writer, words: int) -> str:
    ev = w.ev
    paras = [_lead(w), w.say(w.pick(ev.officials), "justify")]
    return _header(w, _title(w)) + "\n\n".join(_fill(w, min(words, 450), paras)) + "\n"


def write_oped(w: Writer, words: int) -> str:
    ev = w.ev
    author, _ = person_name(w.rng, w.pick(["en", "ja", "de", "in"]), w.pick(["he", "she"]))
    title = "Opinion: " + w.pick(["Export bans are the wrong answer", "Supply wars have no winners",
                                  f"{cap(ev.issuer.text)} is playing a dangerous game"])
    head = _header(w, title) if w.rng.random() < 0.5 else f"{title}\n\nBy {author}\n\n"
    expert = w.pick(ev.experts)
    w.introduced.add(expert.name)
    paras = [
        f"I have covered trade disputes for {w.rng.randint(10, 30)} years, and I have never "
        f"seen a government so certain that {w.quoted('strategic autonomy', end='')} can be "
        f"bought with export controls.",
        w.history() + " " + w.background(),
        f"We should ask ourselves what {w.quoted('winning', end='')} means here. Is this really "
        f"about national security? Or is it about leverage over {ev.target.text}?",
        f"As the economist {expert.name} once put it, {w.quoted(w.quote('analyst'), end='.')}",
    ]
    paras = _fill(w, words, paras)
    paras.append(f"Perhaps the ministers in {ev.issuer.capital} believe that this time is "
                 f"different. They are wrong, and "
                 f"{w.pick(['both countries', 'the region', 'we all'])} will pay for it.")
    return head + "\n\n".join(paras) + "\n"


def write_translated(w: Writer, words: int) -> str:
    ev, spokes = w.ev, w.ev.officials[0]
    ministry = f"Ministry of Commerce of {ev.issuer.name}"
    paras = [
        f"{cap(ev.issuer.text)} strongly responds! {cap(ev.target.poss)} remarks are a "
        f"violation, the {ministry} says",
        f"{cap(w.date(ev.date))}, the {ministry} announced that from now on the export of all "
        f"'{w.material()}' to {ev.target.text} is banned, including to military users and any "
        f"end-use which can enhance the military ability of {ev.target.text}.",
        f"The spokesman of Ministry of Commerce, {spokes.honorific} {spokes.name}, said on the "
        f"press conference: '{w.quote('justify')}, it targets no ordinary enterprise.'",
        f"According to the newspaper {w.pick(ev.outlets).removeprefix('the ')}, "
        f"{ev.target.demonym} side immediately lodged solemn representations to the "
        f"{ev.issuer.demonym} embassy and demanded that {ev.issuer.text} 'correct the wrong "
        f"practice at once.'",
        f"{spokes.honorific} {spokes.family} did not answer whether {w.material()} is included "
        f"in the list.",
        f"Expert said that {w.share()} of {ev.target.poss} {w.material()} comes from "
        f"{ev.issuer.text}.",
    ]
    w.introduced.add(spokes.name)
    return "\n".join(_fill(w, words, paras)) + "\n"


WRITERS: dict[str, Callable[[Writer, int], str]] = {
    "wire": write_wire, "explainer": write_explainer, "timeline": write_timeline,
    "brief": write_brief, "oped": write_oped, "translated": write_translated,
}


def _hard_wrap(text: str) -> str:
    """E-mailed copy: paragraphs wrapped at 72 columns, blank lines between them."""
    out = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        if any(line.startswith(("title:", "- ", "* ", "• ")) for line in lines):
            out.append(block)
        else:
            out.append("\n".join(textwrap.fill(line, 72) for line in lines))
    return "\n\n".join(out)


# -- public API -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article file: its name, style and content (header included)."""

    name: str
    style: str
    text: str


def generate_article(index: int, seed: int = 0) -> SyntheticArticle:
    """Article ``index`` of the corpus of ``seed``; depends on nothing else."""
    rng = random.Random(f"kg-bench:{seed}:{index}")
    style = _weighted(rng, STYLES)
    writer = Writer(rng, make_event(rng), style)
    text = WRITERS[style](writer, rng.randint(300, 900))
    if style in ("wire", "oped", "brief") and rng.random() < 0.25:
        text = _hard_wrap(text)
    return SyntheticArticle(f"{index:06d}_{style}.txt", style, text)


def generate_corpus(count: int, seed: int = 0) -> Iterator[SyntheticArticle]:
    """``count`` articles, deterministic for a seed (a smaller corpus is a prefix)."""
    for index in range(count):
        yield generate_article(index, seed)


def write_corpus(directory: str | Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` articles as UTF-8 files into ``directory``; return their paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in generate_corpus(count, seed):
        path = folder / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: write a synthetic corpus to a folder."""
    parser = argparse.ArgumentParser(description="Write a synthetic corpus of news articles.")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = write_corpus(args.outdir, args.count, args.seed)
    print(f"wrote {len(paths)} articles to {args.outdir}")


if __name__ == "__main__":
    main()
