"""A learned second opinion on the two statements a staff post about the board needs: "I work
there" (B1, C3) and "these views are my own" (C4).

The phrase rules in ``data/disclosure.yaml`` are precise but every new writer finds a wording
they lack ("officially on the asko payroll now", "mijn eige mening he"). This model reads the
whole post instead: a logistic regression over hashed word 1-3-grams and character 3-5-grams
(tf-idf, each block L2-normalised), with the board's and the schools' names replaced by
placeholders so that it learns the wording, not the names. It is trained by
``tools/train_statements.py`` on the labelled posts in ``bench/data/`` and shipped as
``data/statement_model.npz`` (numpy only at run time).

The analyser combines the two: a statement counts when the rules find it, or, where they find
nothing, when the model is sure it is there (``accept``). The threshold was chosen on four blind
batches replayed with the rules and a model as they stood before each batch was seen (see the
training script).
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from socialprotocol.engine.analysers.base import Environment
from socialprotocol.engine.analysers.scope import board_names, name_variants

DIM = 1 << 18
KINDS = ("disclosure", "disclaimer")
_WORD = re.compile(r"[\w'<>]+")
_PLACEHOLDERS = frozenset({"<b>", "<s>"})


class Normaliser:
    """Folded text with the board's names as <b> and the schools' names as <s>, wherever they
    occur (also inside hashtags: #werkenbij<b>)."""

    def __init__(self, board_names: set[str], school_names: set[str]) -> None:
        def alternation(names: set[str]) -> re.Pattern[str] | None:
            names = {n for n in names if len(n) >= 3}
            if not names:
                return None
            return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))

        self._board = alternation(board_names)
        self._schools = alternation(school_names)

    @classmethod
    def from_env(cls, env: Environment) -> Normaliser:
        names = board_names(env.protocol.board)
        schools: set[str] = set()
        for school in env.directory.schools if env.directory is not None else ():
            schools |= name_variants(school)
        return cls(names, schools)

    def apply(self, folded: str) -> str:
        if self._board is not None:
            folded = self._board.sub(" <b> ", folded)
        if self._schools is not None:
            folded = self._schools.sub(" <s> ", folded)
        return folded


_MULT = np.uint32(0x01000193)  # FNV prime: a polynomial hash over code points, mod 2**32


class _Ids(dict[str, int]):
    """crc32 per word, computed on first use: the same words come back in every post, and a
    lookup through ``map`` stays in C."""

    def __missing__(self, word: str) -> int:
        i = self[word] = zlib.crc32(word.encode())
        return i


_IDS = _Ids()


def _word_ids(words: list[str]) -> npt.NDArray[np.uint32]:
    if len(_IDS) > 200_000:
        _IDS.clear()
    return np.fromiter(map(_IDS.__getitem__, words), dtype=np.uint32, count=len(words))


Block = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]  # hashed n-grams, their counts


def features(text: str) -> tuple[Block, Block]:
    """Hashed word 1-3-gram and character 3-5-gram counts (within words padded with a space,
    as scikit-learn's char_wb) of a normalised post, computed with numpy."""
    words = _WORD.findall(text)
    ids = _word_ids(words)
    # The names alone say nothing (every post here names the board): they count only next to
    # other words ("bij <b>"), not as a word or in character grams of their own.
    plain = [w for w in words if w not in _PLACEHOLDERS]
    unigrams = (
        ids
        if len(plain) == len(words)
        else ids[np.fromiter((w not in _PLACEHOLDERS for w in words), bool, len(words))]
    )
    wparts = [(unigrams ^ np.uint32(1)) % DIM]
    h = ids
    for n in (2, 3):
        h = h[:-1] * _MULT + ids[n - 1 :]
        wparts.append((h ^ np.uint32(n)) % DIM)
    padded = " " + "  ".join(plain) + " "
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32)
    # a gram with two spaces in a row runs from one word into the next: not a char_wb gram
    double = np.zeros(len(codes), dtype=np.int64)
    np.cumsum((codes[:-1] == 32) & (codes[1:] == 32), out=double[1:])
    cparts = []
    h = codes
    for n in range(2, 6):
        h = h[:-1] * _MULT + codes[n - 1 :]
        if n >= 3:
            # (a post of one short word has no gram this long: both sides empty)
            inside = double[n - 1 :] - double[: max(0, len(double) - n + 1)] == 0
            cparts.append(((h ^ np.uint32(0x9E3779B9 + n)) % DIM)[inside])
    # One sort for both blocks: the character grams are counted DIM higher, then moved back.
    both = np.concatenate([*wparts, *(c.astype(np.int64) + DIM for c in cparts)])
    # np.unique(both, return_counts=True), without its checks and copies
    both.sort()
    first = np.empty(len(both), dtype=bool)
    first[:1] = True
    np.not_equal(both[1:], both[:-1], out=first[1:])
    idx = both[first]
    starts = np.flatnonzero(first)
    counts = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=counts[:-1])
    counts[-1:] = len(both) - starts[-1:]
    split = int(np.searchsorted(idx, DIM))
    return (idx[:split], counts[:split]), (idx[split:] - DIM, counts[split:])


def vector(
    blocks: tuple[Block, Block], idf: npt.NDArray[np.floating[Any]]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Sublinear tf times idf, each block (words, characters) L2-normalised on its own."""
    idx_parts = []
    val_parts = []
    for i, c in blocks:
        v = (1.0 + np.log(c)) * idf[i].astype(np.float64)
        norm = float(np.sqrt(v @ v)) or 1.0
        idx_parts.append(i)
        val_parts.append(v / norm)
    return np.concatenate(idx_parts), np.concatenate(val_parts)


@dataclass(frozen=True, slots=True)
class Opinion:
    """The model's probability that each statement is in the post."""

    disclosure: float
    disclaimer: float


class StatementModel:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            res = resources.files("socialprotocol.engine") / "data" / "statement_model.npz"
            with resources.as_file(res) as p, np.load(p) as data:
                self._load(data)
        else:
            with np.load(path) as data:
                self._load(data)

    def _load(self, data: np.lib.npyio.NpzFile) -> None:
        self.idf: npt.NDArray[np.float32] = data["idf"]
        self.weights = {k: data[f"w_{k}"] for k in KINDS}
        self.bias = {k: float(data[f"b_{k}"]) for k in KINDS}
        self.accept = {k: float(data[f"accept_{k}"]) for k in KINDS}

    def opinion(self, normalised: str) -> Opinion:
        idx, v = vector(features(normalised), self.idf)
        p = {}
        for kind in KINDS:
            z = float(self.weights[kind][idx] @ v) + self.bias[kind]
            p[kind] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return Opinion(p["disclosure"], p["disclaimer"])

    def sure(self, kind: str, opinion: Opinion) -> bool:
        """Whether the model is sure enough that the statement is in the post."""
        p: float = getattr(opinion, kind)
        return p >= self.accept[kind]
