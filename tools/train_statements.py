"""Train the statement model shipped with the package (data/statement_model.npz).

Two logistic regressions (disclosure: "I work for the board"; disclaimer: "these views are my
own") over the hashed tf-idf features of
``socialprotocol.engine.analysers.statement_model.features``, fitted with plain numpy
(full-batch Adam with L2), on every labelled text post in ``bench/data/`` (``text_posts.jsonl``,
the ``heldout*_text_posts.jsonl`` batches once scored, and ``statement_train.jsonl``: 400 staff
posts written for this model, half of them look-alikes that do not disclose) whose label is not
null. The board's and the
schools' names (protocol file, ``bench/data/text_schools.csv``) are replaced by placeholders
first, as the analyser does.

N-grams seen in a single post are dropped (idf 0). The threshold (``ACCEPT``) and the
analyser's vetoes (the model adds a disclosure only to a post that names the board, where no
sentence about it has someone else as subject, denies it or only asks it) were chosen by
replaying the four blind batches heldout5-8: for each, the phrase rules as they stood before the
batch was seen (git history), plus a model trained on ``statement_train.jsonl`` and the batches
written before it. Rules alone: disclosure 0.888 / 0.894 / 0.888 / 0.855, disclaimer 0.920 /
0.891 / 0.985 / 0.844. With the model: disclosure 0.944 / 0.984 / 0.976 / 0.887, disclaimer
0.920 / 0.953 / 1.000 / 0.938. (Letting the model also overrule the rules when it is sure a
statement is absent changed these by at most one post either way, so it may not.) Deterministic: same data, same weights.

    .venv/bin/python tools/train_statements.py [--out PATH]
    .venv/bin/python tools/train_statements.py --hold-out heldout8_text_posts.jsonl --no-save
        (train without that file, then score the model alone on it)
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from socialprotocol.engine.analysers.base import Environment
from socialprotocol.engine.analysers.statement_model import (
    DIM,
    KINDS,
    Normaliser,
    features,
    vector,
)
from socialprotocol.engine.directory import load_directory
from socialprotocol.engine.protocol import load_protocol
from socialprotocol.engine.textview import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
OUT = ROOT / "src" / "socialprotocol" / "engine" / "data" / "statement_model.npz"
ACCEPT = {"disclosure": 0.6, "disclaimer": 0.6}  # the model adds a statement from here
C = 4.0  # inverse L2 strength, as scikit-learn's LogisticRegression(C=4)
STEPS = 600


def labelled_posts(skip: set[str]) -> list[dict[str, Any]]:
    files = [
        DATA / "text_posts.jsonl",
        DATA / "statement_train.jsonl",
        *sorted(DATA.glob("heldout*_text_posts.jsonl")),
    ]
    rows: list[dict[str, Any]] = []
    for path in files:
        if path.name in skip:
            continue
        with path.open(encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


class Matrix:
    """A sparse matrix as coordinate arrays: enough for a logistic regression."""

    def __init__(self, rows: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]]) -> None:
        self.n = len(rows)
        self.r = np.concatenate([np.full(len(i), k) for k, (i, _) in enumerate(rows)])
        self.c = np.concatenate([np.asarray(i, dtype=np.int64) for i, _ in rows])
        self.v = np.concatenate([np.asarray(v, dtype=np.float64) for _, v in rows])

    def dot(self, w: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.bincount(self.r, weights=self.v * w[self.c], minlength=self.n)

    def tdot(self, g: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.bincount(self.c, weights=self.v * g[self.r], minlength=DIM)


def fit(x: Matrix, y: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], float]:
    w = np.zeros(DIM)
    b = 0.0
    m = np.zeros(DIM)
    s = np.zeros(DIM)
    mb = sb = 0.0
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x.dot(w) + b)))
        g = x.tdot(p - y) + w / C
        gb = float(np.sum(p - y))
        m = b1 * m + (1 - b1) * g
        s = b2 * s + (1 - b2) * g * g
        mb = b1 * mb + (1 - b1) * gb
        sb = b2 * sb + (1 - b2) * gb * gb
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(s / (1 - b2**t)) + 1e-8)
        b -= lr * (mb / (1 - b1**t)) / (math.sqrt(sb / (1 - b2**t)) + 1e-8)
    return w, b


def vectors(texts: list[str], idf: npt.NDArray[np.float64]) -> list[tuple[list[int], list[float]]]:
    return [vector(features(t), idf) for t in texts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--hold-out", action="append", default=[], help="a label file to leave out")
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args()

    env = Environment(load_protocol(), load_directory(DATA / "text_schools.csv"), {})
    norm = Normaliser.from_env(env)
    rows = labelled_posts(set(args.hold_out))
    texts = [norm.apply(fold(r["text"])) for r in rows]
    df = np.zeros(DIM)
    for t in texts:
        (wi, _), (ci, _) = features(t)
        df[np.union1d(wi, ci)] += 1
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    idf[df < 2] = 0.0  # an n-gram of one post only teaches nothing general
    vecs = vectors(texts, idf)
    model: dict[str, Any] = {"idf": idf.astype(np.float32)}
    for kind in KINDS:
        keep = [k for k, r in enumerate(rows) if r[f"{kind}_ok"] is not None]
        x = Matrix([vecs[k] for k in keep])
        y = np.array([float(rows[k][f"{kind}_ok"]) for k in keep])
        w, b = fit(x, y)
        model[f"w_{kind}"] = w.astype(np.float32)
        model[f"b_{kind}"] = np.float32(b)
        model[f"accept_{kind}"] = ACCEPT[kind]
        acc = float(np.mean(((x.dot(w) + b) > 0) == (y > 0.5)))
        print(f"{kind}: {len(keep)} posts, training accuracy {acc:.3f}")
    for name in args.hold_out:
        held = _rows_of(DATA / name)
        hv = vectors([norm.apply(fold(r["text"])) for r in held], idf)
        for kind in KINDS:
            pairs = [(v, r[f"{kind}_ok"]) for v, r in zip(hv, held, strict=True)]
            pairs = [(v, y) for v, y in pairs if y is not None]
            x = Matrix([v for v, _ in pairs])
            y = np.array([float(t) for _, t in pairs])
            acc = float(
                np.mean(((x.dot(model[f"w_{kind}"]) + model[f"b_{kind}"]) > 0) == (y > 0.5))
            )
            print(f"held out {name}: {kind} model alone {acc:.3f} on {len(pairs)} posts")
    if not args.no_save:
        np.savez_compressed(args.out, **model)
        print(f"wrote {args.out}")


def _rows_of(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


if __name__ == "__main__":
    main()
