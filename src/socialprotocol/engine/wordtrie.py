"""A regular expression for a list of words, built as a trie: "leerkracht|leraar|lerares"
becomes "le(?:erkracht|ra(?:ar|res))". Python's re tries the alternatives of a flat list one
by one at every position; the trie rejects a position after a character or two."""

from __future__ import annotations

import re


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

