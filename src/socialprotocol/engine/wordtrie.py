"""A regular expression for a list of words, built as a trie: "leerkracht|leraar|lerares"
becomes "le(?:erkracht|ra(?:ar|res))". Python's re tries the alternatives of a flat list one
by one at every position; the trie rejects a position after a character or two."""

from __future__ import annotations

import re
from collections.abc import Iterator


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
    """Searches a long alternation of phrases only near the words every phrase contains.

    Trying seventy disclaimer phrases at every word of every post is slow; most posts contain
    none of their anchor words ("mening", "namens", "views", ...), and those that do contain
    one or two. The phrases are searched in a window around each anchor."""

    def __init__(self, anchors: list[str], before: int = 100, after: int = 160) -> None:
        self._anchors = re.compile(trie_pattern(sorted(set(anchors))))
        self._before = before
        self._after = after

    def search(self, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        return next(self.finditer(pattern, text), None)

    def finditer(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
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
