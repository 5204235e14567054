"""Long lists of words and phrases as patterns that stay fast.

- ``trie_pattern``: a list of literal words as a trie: "leerkracht|leraar|lerares" becomes
  "le(?:erkracht|ra(?:ar|res))". Python's re tries the alternatives of a flat list one by one
  at every position; the trie rejects a position after a character or two.
- ``Phrases``: a long list of phrases tried only where one of them can start.
- ``Gate``: a pattern searched only in windows around words every match is near.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any


def trie_pattern(words: list[str]) -> str:
    """A non-capturing pattern matching exactly the given literal words (longest first)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(root)


def _pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


class Gate:
    """Searches a pattern only in windows around anchor words that every match is near.

    The disclosure analyser's signatures and fixed phrases all name the board (or refer back
    to it: "als iemand die er werkt"); most posts name it once or not at all, so only the text
    around those words is searched. The caller must make sure every match is near an anchor
    (a test checks it on every labelled post)."""

    def __init__(self, anchors: list[str], before: int = 100, after: int = 160) -> None:
        self._anchors = re.compile(trie_pattern(sorted(set(anchors))))
        self._before = before
        self._after = after

    def search(self, pattern: re.Pattern[str] | Phrases, text: str) -> re.Match[str] | None:
        return next(self.finditer(pattern, text), None)

    def finditer(self, pattern: re.Pattern[str] | Phrases, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches near the anchors, each once, in order of the anchors."""
        done = 0
        seen: set[tuple[int, int]] = set()
        for a in self._anchors.finditer(text):
            hi = min(len(text), a.end() + self._after)
            if hi <= done:
                continue  # this anchor's window lies inside the one searched before
            for m in pattern.finditer(text, max(0, a.start() - self._before), hi):
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m
            done = hi


class Phrases:
    r"""``(?<![\w])(?:p1|p2|...)`` for a long list of phrases, tried only where a phrase can start.

    re tries every phrase at every position of the text: seventy phrases over a 280-character
    post took 0.4 ms. Here each phrase's possible first characters are worked out from the
    parsed pattern, a quick scan finds the positions where any phrase can start, and at each
    such position only the phrases that can start with its character are tried, in their order
    in the list. A phrase that could start anywhere, or a short list, keeps the whole pattern
    in use. The matches are those of ``finditer`` of the whole pattern, also with ``pos`` and
    ``endpos``; the patterns per character are compiled when first needed."""

    def __init__(self, phrases: list[str]) -> None:
        self.phrases = phrases
        self.pattern = _joined(phrases)
        # For a short list re's own loop in C is faster than the scan and a call per position
        # (and parsing its phrases at start-up would be wasted).
        long = len(phrases) >= _SPLIT_FROM
        self._firsts = [first_characters(p) for p in phrases] if long else []
        usable = long and all(f is not None for f in self._firsts)
        self._usable = usable
        self._by_key: dict[str, re.Pattern[str] | None] = {}
        # Characters with the same phrases share one compiled pattern (all digits, all
        # punctuation): each compile of a long list costs milliseconds.
        self._by_kept: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        if usable:
            firsts = [f for f in self._firsts if f is not None]
            chars = "".join(sorted({c for f in firsts for c in f.chars}))
            classes = "".join(
                c
                for c, used in (
                    (r"\w", any(f.word for f in firsts)),
                    (r"\d", any(f.digit for f in firsts)),
                    (r"\W", any(f.nonword for f in firsts)),
                )
                if used
            )
            body = re.escape(chars) + classes
            self._scan = re.compile(rf"(?<![\w])[{body}]") if body else None
            self._at_start = any(f.at_start for f in firsts)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else min(endpos, len(text))
        if not self._usable:
            yield from self.whole.finditer(text, pos, end)
            return
        starts: Iterator[int] = (
            (m.start() for m in self._scan.finditer(text, pos, end))
            if (self._scan is not None)
            else iter(())
        )
        if self._at_start and pos == 0:
            starts = itertools.chain((0,), starts)
        done = pos
        tried = -1
        for p in starts:
            if p < done or p == tried:
                continue
            tried = p
            key = text[p] if p < end else ""
            pattern = self._by_key[key] if key in self._by_key else self._for(key)
            if pattern is None:
                continue
            m = pattern.match(text, p, end)
            if m is not None:
                yield m
                done = m.end() if m.end() > p else p + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    @functools.cached_property
    def whole(self) -> re.Pattern[str]:
        """The whole alternation, compiled only when it is needed (40 ms for a long list)."""
        return re.compile(self.pattern)

    def _for(self, ch: str) -> re.Pattern[str] | None:
        word = bool(ch) and _WORD_CHAR.match(ch) is not None
        digit = ch.isdecimal()
        kept = tuple(
            i
            for i, f in enumerate(self._firsts)
            if f is not None
            and (
                # "^..." matches at position 0 only, whatever comes first: kept everywhere,
                # it fails at once elsewhere, and one pattern per character is compiled.
                f.at_start
                or ch in f.chars
                or (f.word and word)
                or (f.digit and digit)
                or (f.nonword and bool(ch) and not word)
            )
        )
        if kept in self._by_kept:
            pattern = self._by_kept[kept]
        else:
            pattern = re.compile(_joined([self.phrases[i] for i in kept])) if kept else None
            self._by_kept[kept] = pattern
        if len(self._by_key) < 4096:
            self._by_key[ch] = pattern
        return pattern


_SPLIT_FROM = 30  # measured: 70 phrases 0.43 -> 0.10 ms per post; 21 phrases break even


def _joined(phrases: list[str]) -> str:
    return r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in phrases) + ")"


_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Firsts:
    chars: frozenset[str]  # literal characters a match can start with
    word: bool = False  # any \w character
    digit: bool = False  # any \d character
    nonword: bool = False  # any \W character
    at_start: bool = False  # a match at the very start of the text ("^\W*...")

    def __or__(self, other: Firsts) -> Firsts:
        return Firsts(
            self.chars | other.chars,
            self.word or other.word,
            self.digit or other.digit,
            self.nonword or other.nonword,
            self.at_start or other.at_start,
        )


def first_characters(phrase: str) -> Firsts | None:
    r"""What a match of ``(?<![\w])(?:phrase)`` can start with; None when it cannot be told
    (then every position has to be tried)."""
    parsed = _parser.parse(phrase)
    if parsed.state.flags & (re.IGNORECASE | re.MULTILINE):
        return None
    items = list(parsed)
    if items and items[0] == (_c.AT, _c.AT_BEGINNING):
        return Firsts(frozenset(), at_start=True)  # "^\W*(werk|...)": only at position 0
    found = _firsts_of(items)
    if found is None or found[1]:
        return None  # unknown, or the phrase may match the empty string
    return found[0]


def _firsts_of(items: list[Any]) -> tuple[Firsts, bool] | None:
    """The first characters of a sequence of parsed items and whether it can match empty."""
    acc = Firsts(frozenset())
    for op, av in items:
        found = _item_firsts(op, av)
        if found is None:
            return None
        f, nullable = found
        acc = acc | f
        if not nullable:
            return acc, False
    return acc, True


def _item_firsts(op: Any, av: Any) -> tuple[Firsts, bool] | None:
    if op is _c.LITERAL:
        return Firsts(frozenset(chr(av))), False
    if op is _c.IN:
        chars: set[str] = set()
        word = digit = nonword = False
        for o, v in av:
            if o is _c.LITERAL:
                chars.add(chr(v))
            elif o is _c.RANGE and v[1] - v[0] < 512:
                chars.update(map(chr, range(v[0], v[1] + 1)))
            elif o is _c.CATEGORY and v is _c.CATEGORY_DIGIT:
                digit = True
            elif o is _c.CATEGORY and v is _c.CATEGORY_WORD:
                word = True
            elif o is _c.CATEGORY and v is _c.CATEGORY_NOT_WORD:
                nonword = True
            else:
                return None  # a negated set, another category: could be anything
        return Firsts(frozenset(chars), word, digit, nonword), False
    if op is _c.BRANCH:
        found = [_firsts_of(b) for b in av[1]]
        if any(f is None for f in found):
            return None
        parts = [f for f in found if f is not None]
        union = Firsts(frozenset())
        for f, _ in parts:
            union = union | f
        return union, any(n for _, n in parts)
    if op is _c.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _firsts_of(list(av[3]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        repeated = _firsts_of(list(av[2]))
        if repeated is None:
            return None
        return repeated[0], repeated[1] or av[0] == 0
    if op is _c.AT and av is _c.AT_BEGINNING:
        return Firsts(frozenset(), at_start=True), True  # "(^|, )mijn mening"
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        # A look-around or a word boundary consumes nothing and only narrows what matches.
        return Firsts(frozenset()), True
    return None
