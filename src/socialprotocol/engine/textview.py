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
        return first.lower()
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


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Characters whose lower case is longer than one character (only 'İ', U+0130).
_LONG_LOWER = frozenset(c for c in FOLD_TABLE if len(chr(c).lower()) != 1)
_FOLDED: dict[str, str] = {}


def _fold_match(m: re.Match[str]) -> str:
    ch = m.group(0)
    out = _FOLDED.get(ch)
    if out is None:
        out = FOLD_TABLE.get(ord(ch), ch)
        _FOLDED[ch] = out
    return out


def fold(text: str) -> str:
    """Lower case without accents, one character per character: 'Zoë Çelik' -> 'zoe celik'."""
    if any(chr(c) in text for c in _LONG_LOWER):
        return text.translate(FOLD_TABLE)
    # str.lower runs in C; only the few non-ASCII characters go through the table.
    low = text.lower()
    return low if low.isascii() else _NON_ASCII.sub(_fold_match, low)


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
        return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(self.folded)]

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(w for _, _, w in self.words)
