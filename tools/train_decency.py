"""Train the decency model shipped with the package (data/decency/model.npz).

A one-vs-rest logistic regression per category over the hashed features of
``socialprotocol.engine.analysers.decency.model.features`` (words, word pairs, word ends and
which rules fired), fitted with plain numpy (full-batch gradient descent with L2), on
bench/data/decency/train.jsonl only. The test split and the functional suites are never read
here. Deterministic: same data, same weights.

    .venv/bin/python tools/train_decency.py [--out PATH] [--epochs N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from socialprotocol.engine.analysers.base import Environment
from socialprotocol.engine.analysers.decency import DecencyAnalyser
from socialprotocol.engine.analysers.decency.model import DIM, LABELS, features
from socialprotocol.engine.protocol import load_protocol

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT / "bench" / "data" / "decency" / "train.jsonl"
OUT = ROOT / "src" / "socialprotocol" / "engine" / "data" / "decency" / "model.npz"


def featurise(analyser: DecencyAnalyser, texts: list[str]) -> list[list[int]]:
    rows = []
    for text in texts:
        nt = analyser.normalise(text)
        rows.append(features(nt, analyser.detector.detect(nt)))
    return rows


def train(
    rows: list[list[int]], y: np.ndarray, epochs: int, lr: float = 0.5, l2: float = 1e-4
) -> tuple[np.ndarray, np.ndarray]:
    n, k = y.shape
    # Sparse design matrix as (row, column) index pairs; every present feature has value 1.
    r_idx = np.concatenate([np.full(len(f), i) for i, f in enumerate(rows)])
    c_idx = np.concatenate([np.asarray(f, dtype=np.int64) for f in rows])
    w = np.zeros((DIM, k), dtype=np.float64)
    b = np.zeros(k, dtype=np.float64)
    # Class weights: positives are rare per category; weigh them up to half the mass.
    pos = y.sum(axis=0)
    cw_pos = np.where(pos > 0, n / (2 * np.maximum(pos, 1)), 1.0)
    cw_neg = n / (2 * np.maximum(n - pos, 1))
    sample_w = np.where(y > 0, cw_pos, cw_neg)
    for _ in range(epochs):
        z = np.zeros((n, k))
        np.add.at(z, r_idx, w[c_idx])
        z += b
        p = 1 / (1 + np.exp(-z))
        g = (p - y) * sample_w / n  # gradient of the weighted log-loss w.r.t. z
        gw = np.zeros_like(w)
        np.add.at(gw, c_idx, g[r_idx])
        w -= lr * (gw + l2 * w)
        b -= lr * g.sum(axis=0)
    return w.astype(np.float32), b.astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--epochs", type=int, default=300)
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = [json.loads(line) for line in TRAIN.read_text(encoding="utf-8").splitlines() if line]
    analyser = DecencyAnalyser()
    analyser.load(Environment(load_protocol(), None, {"decency_model": "none"}))
    rows = featurise(analyser, [d["text"] for d in data])
    y = np.array([[float(lab in d["labels"]) for lab in LABELS] for d in data])
    w, b = train(rows, y, args.epochs)
    # Keep only the buckets that were ever seen: the rest stay zero and compress away.
    np.savez_compressed(args.out, weights=w, bias=b, labels=np.array(LABELS))
    size = args.out.stat().st_size
    print(f"{len(data)} posts, {len(LABELS)} labels, {size / 1024:.0f} KiB, "
          f"{time.perf_counter() - t0:.1f} s -> {args.out}")  # fmt: skip


if __name__ == "__main__":
    main()
