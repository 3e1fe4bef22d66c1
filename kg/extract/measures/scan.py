"""Find the matches of rule lists of word patterns by looking only where one can start.

A rule list such as the licensing phrases of ``[measures.types.*]`` compiles to one
alternation ``(?<!\\w)(?:p1|p2|...)(?!\\w)``; scanning a text with it tries every
alternative at every word start, once per list, which made it the costliest step of the
measure extractor. :class:`WordPatterns` gives each list's matches as that alternation's
``finditer`` does (the same spans, in order, non-overlapping, the first alternative that
matches winning) in one scan for all lists: each alternative is indexed by the letters it
can open with (letters or digits, at most :data:`KEY`, read from its parsed form), one
regular expression of those openings finds the words where some alternative may start, and
only the alternatives of that word's opening are tried there. An alternative that may open
on a non-letter ("20% duty") has a pattern of its own finding where it may start, and its
list is then decided place by place in order; a list with an alternative whose opening
cannot be read (``\\w+ ...``) is scanned the plain way."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..anchored import StreamKeyFilter, lowered
from ..gazetteer import TokenStream

try:  # the parser of the standard library's regular expressions (private, stable in 3.11+)
    from re import _constants as _c  # type: ignore[attr-defined]  # typeshed: private module
    from re import _parser as _p  # type: ignore[attr-defined]  # typeshed: private module
except ImportError:  # pragma: no cover - older interpreters
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["KEY", "WordPatterns", "trie"]

KEY = 4
"""How many opening letters index an alternative."""
_LIMIT = 4000
"""More opening strings than this and an alternative is tried everywhere."""
_DIGITS = frozenset("0123456789")
_GROUP_REFERENCE = re.compile(r"\\\d|\(\?P=|\(\?\(")
"""A back reference or conditional group in a pattern (``\\1``, ``(?P=name)``, ``(?(1)``)."""
_NO_LETTERS = frozenset({_c.CATEGORY_SPACE, _c.CATEGORY_DIGIT, _c.CATEGORY_NOT_WORD})
"""Character classes that hold no letter."""
# Not context.NUMBER_START: a word opening on a digit (after "." or "," too), not a number's start
_DIGIT_OPENING = re.compile(r"\d(?<!\w\d)")
"""A digit with no word character before it (the digit first: ``re`` skips to digits)."""


_Plan = tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
"""The alternatives to try at a word, list by list (see :meth:`WordPatterns._plan`)."""


class WordPatterns:
    """Several rule lists (say, one per measure type), each a list of alternatives matched
    as whole words, scanned together (see module doc)."""

    def __init__(self, lists: dict[str, Sequence[str]], flags: int = re.IGNORECASE) -> None:
        # The patterns are compiled when first needed (see combined and _alternative):
        # compiling the hundreds of alternatives up front cost more than extracting several
        # articles, and a corpus tries only some of them.
        self._flags = flags
        self._lists = {name: list(alternatives) for name, alternatives in lists.items()}
        self._combined: dict[str, re.Pattern[str]] = {}
        self._alternatives: dict[tuple[str, int], re.Pattern[str]] = {}
        self._index: dict[str, list[tuple[str, int]]] = {}
        self._plain: list[str] = []
        self._loose: dict[str, re.Pattern[str]] = {}
        """Per list with alternatives no word index holds (opening on a digit, "20% duty"):
        a pattern finding every place where one of those may start."""
        self._loose_indexes: dict[str, tuple[int, ...]] = {}
        self._digit_loose: set[str] = set()
        """The lists of :attr:`_loose` whose loose alternatives all open on a digit: where
        they may start is where a digit opens a word, found by :data:`_DIGIT_OPENING`."""
        self._by_opening: dict[tuple[str, str], tuple[int, ...]] = {}
        """Memo of :meth:`_indexes`."""
        self._plans: dict[str, tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]] = {}
        """Memo of :meth:`_plan`: at most one entry per opening the trigger admits."""
        for name, alternatives in lists.items():
            keyed: list[tuple[str, int]] = []
            loose: list[int] = []
            for i, alternative in enumerate(alternatives):
                keys = _opening_keys(alternative, flags)
                if keys is None:
                    # an opening that cannot be read: the list is scanned the plain way
                    self._plain.append(name)
                    self.combined(name)  # compiled now: it is tried on every text
                    break
                if "" in keys:  # may open on a non-letter: found by its own pattern
                    loose.append(i)
                keyed.extend((key, i) for key in keys if key)
            else:
                for key, i in keyed:
                    self._index.setdefault(key, []).append((name, i))
                if loose:
                    self._loose_indexes[name] = tuple(loose)
                    # Zero-width, so finditer gives every start, overlapping ones included.
                    self._loose[name] = re.compile(r"(?=(?<![\w])(?:" + "|".join(
                        f"(?:{alternatives[i]})" for i in loose) + r")(?![\w]))", flags)
                    if all(_opens_on_digit(alternatives[i], flags) for i in loose):
                        self._digit_loose.add(name)
        openings = sorted(self._index)
        # The group is the word's opening, the key to its plan (see _plan).
        body = r"(?<![\w])(?=([^\W_]{1," + str(KEY) + r"}))(?:" + trie(openings) + ")"
        self._trigger = re.compile(body) if openings else None
        self._trigger_any_case = re.compile(body, re.IGNORECASE) if openings else None
        # An opening of two characters or more starts a token, never the inside of an
        # abbreviation's ("U.S."): then the token stream can say where openings stand.
        self._anchorable = all(len(key) >= 2 for key in openings)
        index = self._index
        self._opening_filter = StreamKeyFilter(
            lambda key: any(key[:size] in index for size in range(1, KEY + 1)))

    @property
    def names(self) -> list[str]:
        """The names of the lists, in the order given."""
        return list(self._lists)

    @property
    def unindexed(self) -> list[str]:
        """The lists scanned the plain way, over every character of a text, because one of
        their alternatives opens in a way the word index cannot read (``(?:impos)\\w*``):
        each costs a scan of the whole text per article."""
        return list(self._plain)

    def combined(self, name: str) -> re.Pattern[str]:
        """The alternation of list ``name``, whose matches :meth:`scan` gives."""
        pattern = self._combined.get(name)
        if pattern is None:
            pattern = self._combined[name] = re.compile(r"(?<![\w])(?:" + "|".join(
                f"(?:{a})" for a in self._lists[name]) + r")(?![\w])", self._flags)
        return pattern

    def _alternative(self, name: str, i: int) -> re.Pattern[str]:
        """Alternative ``i`` of list ``name`` alone, as whole words."""
        pattern = self._alternatives.get((name, i))
        if pattern is None:
            pattern = self._alternatives[name, i] = re.compile(
                r"(?<![\w])(?:" + self._lists[name][i] + r")(?![\w])", self._flags)
        return pattern

    def _plan(self, opening: str) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
        """The alternatives to try, list by list and in order, at a word that opens with
        ``opening`` (its first :data:`KEY` letters, lower case)."""
        tried: dict[str, set[int]] = {}
        for size in range(1, len(opening) + 1):
            for name, i in self._index.get(opening[:size], ()):
                tried.setdefault(name, set()).add(i)
        return tuple((name, self._tried(name, tuple(sorted(found))))
                     for name, found in tried.items())

    def _tried(self, name: str, indexes: tuple[int, ...]) -> tuple[re.Pattern[str], ...]:
        """Alternatives ``indexes`` of list ``name`` as whole words, in one alternation when
        they can be: it matches where the first of them that matches does, and as that one
        does (the engine tries an alternation's branches in order), in one call instead
        of one per alternative.  A group reference would count groups differently in the
        alternation: such alternatives stay apart."""
        if len(indexes) > 1 and not any(_GROUP_REFERENCE.search(self._lists[name][i])
                                        for i in indexes):
            try:
                return (re.compile(r"(?<![\w])(?:" + "|".join(
                    f"(?:{self._lists[name][i]})" for i in indexes) + r")(?![\w])",
                    self._flags),)
            except re.error:  # a group name used twice: apart, as below
                pass
        return tuple(self._alternative(name, i) for i in indexes)

    def _opening_keys(self, stream: TokenStream) -> tuple[str, ...]:
        """The token keys of ``stream`` that open with an indexed opening: the tokens where
        the trigger pattern can match (on lower-cased text that holds the keys)."""
        return self._opening_filter.select(stream)

    def _openings(
        self, text: str, stream: TokenStream | None = None,
    ) -> Iterator[tuple[int, str, tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]]]:
        """Where a trigger word opens in ``text``, with the plan of the lists it may open;
        with the token ``stream`` of ``text``, only its tokens that may open one are
        visited."""
        if self._trigger is None:
            return
        anchored = stream is not None and stream.text is text
        # (the article's lower-cased text is shared; a window's is made here)
        lower, agree = lowered(text) if anchored else (text.lower(), False)
        plans = self._plans
        if len(lower) == len(text) and anchored and self._anchorable and agree:
            assert stream is not None
            # The trigger pattern matches at each token whose key the opening filter
            # selects, and only there, its group being the key's first KEY letters: with
            # every opening two letters or more, those tokens are words (runs of letters
            # and digits, keys lower-cased as ``lower`` is), so an opening found in the
            # index is a prefix of the key exactly when the pattern's trie matches there.
            # Read from the keys, the openings cost no regular-expression call.
            # Offsets and keys from the stream's arrays, the opening and plan once per
            # key of the article (not per token: no token object is read, no opening cut).
            begins, keys = stream.begins, stream.keys
            by_key: dict[str, tuple[str, _Plan]] = {}
            for i in stream.positions(self._opening_keys(stream)):
                begin = begins[i]
                if begin and (lower[begin - 1].isalnum() or lower[begin - 1] == "_"):
                    continue  # the pattern's (?<![\w]) (only "_" can stand there)
                found = by_key.get(keys[i])
                if found is None:
                    opening = keys[i][:KEY].lower()
                    plan = plans.get(opening)
                    if plan is None:
                        plan = plans[opening] = self._plan(opening)
                    found = by_key[keys[i]] = (opening, plan)
                yield begin, *found
            return
        if len(lower) == len(text):
            hits = self._trigger.finditer(lower)
        else:  # a letter whose lower case is longer ("İ"): offsets would shift
            assert self._trigger_any_case is not None
            hits = self._trigger_any_case.finditer(text)
        for hit in hits:
            opening = hit.group(1).lower()
            plan = plans.get(opening)
            if plan is None:
                plan = plans[opening] = self._plan(opening)
            yield hit.start(), opening, plan

    def present(self, text: str) -> set[str]:
        """The names of the lists with a match in ``text`` (as ``search`` of their
        alternation would find one): the cheaper question for a few words of text."""
        found: set[str] = {name for name in [*self._plain, *self._loose]
                           if self.combined(name).search(text)}
        for begin, _, plan in self._openings(text):
            for name, tried in plan:
                if name not in found and any(a.match(text, begin) for a in tried):
                    found.add(name)
        return found

    def scan(self, text: str, *, stream: TokenStream | None = None
             ) -> dict[str, list[re.Match[str]]]:
        """Each list's matches, as ``finditer`` of its alternation gives them (``stream``:
        the token stream of ``text``, when there is one, to look at fewer places)."""
        out: dict[str, list[re.Match[str]]] = {name: [] for name in self._lists}
        for name in self._plain:
            out[name] = list(self._combined[name].finditer(text))
        ends: dict[str, int] = {}
        # Per list with loose alternatives: each place where one may start, with the
        # indexes of the alternatives that may start there (decided below, in order).
        starts: dict[str, set[int]] = {}
        digits: list[int] | None = None
        for name, loose in self._loose.items():
            if name in self._digit_loose:
                # Every digit opening a word, not only those where a loose alternative
                # matches: _leftmost tries them there and skips the rest, with the same
                # result.  The look-ahead of the loose pattern, tried at every character
                # of the text, cost a quarter of the scan; the digits are found in C.
                if digits is None:
                    digits = [m.start() for m in _DIGIT_OPENING.finditer(text)]
                starts[name] = set(digits)
            else:
                starts[name] = {m.start() for m in loose.finditer(text)}
        # Per list with loose alternatives: each place where a keyed one may start, with
        # its opening and the alternatives to try there (decided in order by _leftmost).
        keyed: dict[str, dict[int, tuple[str, tuple[re.Pattern[str], ...]]]] = {
            name: {} for name in starts}
        for begin, opening, plan in self._openings(text, stream):
            for name, tried in plan:
                if name in keyed:
                    keyed[name][begin] = (opening, tried)
                    continue
                if begin < ends.get(name, 0):
                    continue  # inside this list's last match
                for alternative in tried:
                    m = alternative.match(text, begin)
                    if m is not None:
                        out[name].append(m)
                        ends[name] = m.end()
                        break
        for name, places in starts.items():
            out[name] = self._leftmost(name, text, places, keyed[name])
        return out

    def _indexes(self, opening: str, name: str) -> tuple[int, ...]:
        """The alternatives of list ``name`` indexed under a prefix of ``opening``."""
        found = self._by_opening.get((opening, name))
        if found is None:
            found = self._by_opening[opening, name] = tuple(sorted({
                i for size in range(1, len(opening) + 1)
                for n, i in self._index.get(opening[:size], ()) if n == name}))
        return found

    def _leftmost(self, name: str, text: str, loose: set[int],
                  keyed: dict[int, tuple[str, tuple[re.Pattern[str], ...]]]
                  ) -> list[re.Match[str]]:
        """The matches of list ``name`` as ``finditer`` of its alternation gives them, given
        every place where one of its loose alternatives may start (``loose``) and where a
        keyed one may (``keyed``: the word's opening and the plan's alternatives to try):
        left to right, skipping places inside the last match, the first alternative (in
        list order) that matches winning."""
        found: list[re.Match[str]] = []
        end = 0
        for begin in sorted(loose.union(keyed)):
            if begin < end:
                continue
            opening, tried = keyed.get(begin, ("", ()))
            if begin in loose:  # the loose alternatives too, each apart, in list order
                indexes = set(self._loose_indexes[name])
                if opening:
                    indexes.update(self._indexes(opening, name))
                tried = tuple(self._alternative(name, i) for i in sorted(indexes))
            for alternative in tried:
                m = alternative.match(text, begin)
                if m is not None:
                    found.append(m)
                    end = m.end()
                    break
        return found


def trie(keys: list[str]) -> str:
    """An alternation of ``keys`` (lower-case letters) that branches letter by letter,
    which the regular expression engine rejects faster than a flat list."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(key[0], []).append(key[1:])
    parts: list[str] = []
    for first, rests in sorted(groups.items()):
        longer = [rest for rest in rests if rest]
        part = re.escape(first)
        if longer:
            part += f"(?:{trie(longer)})" + ("?" if "" in rests else "")
        parts.append(part)
    return "|".join(parts)


def _opens_on_digit(pattern: str, flags: int) -> bool:
    """Whether every match of ``pattern`` opens with a digit (after zero-width assertions):
    ``(?<!standard )\\d[\\d.]*% ...``; ``False`` when that cannot be read."""
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return False
    return _first_is_digit(list(parsed))


def _first_is_digit(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width: the next item opens the match
        if op is _c.LITERAL:
            return chr(av) in _DIGITS
        if op is _c.IN:
            return bool(av) and all(
                kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT
                or kind is _c.LITERAL and chr(value) in _DIGITS
                or kind is _c.RANGE and chr(value[0]) in _DIGITS and chr(value[1]) in _DIGITS
                for kind, value in av)
        if op is _c.SUBPATTERN:
            return _first_is_digit(list(av[-1]))
        if op is _c.BRANCH:
            return all(_first_is_digit(list(branch)) for branch in av[1])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            return av[0] >= 1 and _first_is_digit(list(av[2]))
        return False
    return False  # nothing consumed: the empty match opens on anything


def _opening_keys(pattern: str, flags: int) -> set[str] | None:
    """The lower-case letters or digits (at most :data:`KEY`) a match of ``pattern`` can
    open with; "" when it can open on something else; ``None`` when they cannot be read."""
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    strings = _sequence(list(parsed), KEY)
    if strings is None:
        return None
    keys: set[str] = set()
    for text, _ in strings:
        key = ""
        for ch in text.lower():
            if not (ch.isalpha() or ch in _DIGITS):
                break
            key += ch
        keys.add(key)
    return keys


_Strings = set[tuple[str, bool]]
"""Opening strings, each with whether the item it comes from may be followed by more."""


def _sequence(items: list[tuple[Any, Any]], room: int) -> _Strings | None:
    current: _Strings = {("", True)}
    for op, av in items:
        following: _Strings = set()
        for text, open_ in current:
            if not open_ or len(text) >= room:
                following.add((text, False))
                continue
            item = _item(op, av, room - len(text))
            if item is None:
                return None
            for more, more_open in item:
                joined = text + more
                following.add((joined, more_open and len(joined) < room))
        if len(following) > _LIMIT:
            return None
        current = following
    return current


def _item(op: Any, av: Any, room: int) -> _Strings | None:
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.IN:
        chars: _Strings = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add((chr(value), True))
            elif kind is _c.RANGE and value[1] - value[0] < 64:
                chars.update((chr(c), True) for c in range(value[0], value[1] + 1))
            elif kind is _c.CATEGORY and value in _NO_LETTERS:
                chars.add(("\0", True))  # white space, a digit: ends the opening letters
            else:
                return None  # a category (\w, \s), a negation, a wide range
        return chars
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]), room)
    if op is _c.BRANCH:
        out: _Strings = set()
        for branch in av[1]:
            strings = _sequence(list(branch), room)
            if strings is None:
                return None
            out |= strings
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, body = av
        out = {("", True)} if low == 0 else set()
        current: _Strings = {("", True)}
        for count in range(1, min(high, room) + 1):
            step: _Strings = set()
            for text, open_ in current:
                if not open_:
                    continue
                strings = _sequence(list(body), room - len(text))
                if strings is None:
                    return None
                step.update((text + s, o and len(text + s) < room) for s, o in strings)
            current = step
            if count >= low:
                out |= current
            if not current or len(out) > _LIMIT:
                break
        if low > room:
            out |= {(t, False) for t, _ in current}
        return out if out else None
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return {("", True)}  # zero width: restricts, never consumes
    return None
