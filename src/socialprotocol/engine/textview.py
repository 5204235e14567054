"""One post text seen in the ways analysers need, computed once per post.

``folded`` has exactly one character for each character of the text (lower case, accents
removed), so an offset found in ``folded`` is an offset in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property


def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = unicodedata.normalize("NFKD", low)
    first = base[0] if base else low
    if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]) and first.isascii():
        return first
    return low


# Latin, Greek and Cyrillic ranges cover what Dutch posts contain; other characters stay as
# they are, which keeps str.translate (a C loop) the only per-post cost.
FOLD_TABLE: dict[int, str] = {}
for _cp in range(0x0000, 0x0530):
    _c = chr(_cp)
    _f = _fold_char(_c)
    if _f != _c:
        FOLD_TABLE[_cp] = _f
for _cp, _f in {0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"', 0x00A0: " "}.items():
    FOLD_TABLE[_cp] = _f


def fold(text: str) -> str:
    """Lower case without accents, one character per character: 'Zoë Çelik' -> 'zoe celik'."""
    return text.translate(FOLD_TABLE)


WORD_RE = re.compile(r"[#@]?[\w][\w'’-]*", re.UNICODE)


class TextView:
    __slots__ = ("__dict__", "text")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """Word tokens as (start, end, folded word)."""
        folded = self.folded
        return [(m.start(), m.end(), folded[m.start() : m.end()]) for m in WORD_RE.finditer(folded)]

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(w for _, _, w in self.words)
