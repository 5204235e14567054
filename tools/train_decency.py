"""Train the decency model shipped with the package (data/decency/model.npz).

A logistic regression per category, plus one for "any violation" (features scaled by their
naive-Bayes log-count ratio, NBSVM-style), over the hashed features of
``socialprotocol.engine.analysers.decency.features`` (words, word pairs, word classes, word
ends, cues and which rules fired), fitted with plain numpy (full-batch Adam with L2) on:

- the labelled corpus train split (``train.jsonl``; ``test.jsonl`` is never read here),
- the functional suites (``functional*.jsonl``, ``heldout_functional.jsonl``),
- the hand-written posts of other writers (``written_*.jsonl``),
- the other benches' school posts (none abusive) as negatives.

The thresholds of the model's own findings (``add_at``, ``drop_below``, ``weak_below``) are
chosen by cross-validation: out-of-fold probabilities for every training post, then the
thresholds that give the best macro-F1 on the hand-written posts without a single false
positive among the school posts. Deterministic: same data, same weights.

    .venv/bin/python tools/train_decency.py [--out PATH]
    .venv/bin/python tools/train_decency.py --hold-out written_w2.jsonl --no-save
        (train without those files, then score them: how the model does on unseen writers)
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from socialprotocol.engine.analysers.base import Environment
from socialprotocol.engine.analysers.decency import DecencyAnalyser
from socialprotocol.engine.analysers.decency.analyser import REPORT_AT
from socialprotocol.engine.analysers.decency.detect import Hit
from socialprotocol.engine.analysers.decency.model import ANY, LABELS, Policy, _Adjusting
from socialprotocol.engine.analysers.decency.normalise import NormText
from socialprotocol.engine.protocol import load_protocol

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
DEC = DATA / "decency"
OUT = ROOT / "src" / "socialprotocol" / "engine" / "data" / "decency" / "model.npz"
BENIGN = ("text_posts.jsonl", "heldout_text_posts.jsonl", "people_posts.jsonl")
HEADS = (*LABELS, ANY)
# The templated corpus repeats its sentence shapes and the school posts are many and easy:
# they count less than a hand-written post.
SOURCE_WEIGHT = {"train.jsonl": 0.5, "benign": 0.5}


@dataclass
class Post:
    source: str
    group: str  # posts of one group share a fold (a corpus template, or the post itself)
    text: str
    labels: frozenset[str]
    feats: list[int]
    hits: list[Hit]
    nt: NormText


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sources(hold_out: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    names = ["train.jsonl", "heldout_functional.jsonl"]
    names += sorted(p.name for p in DEC.glob("functional*.jsonl"))
    names += sorted(p.name for p in DEC.glob("written_*.jsonl"))
    for name in names:
        out[name] = load_jsonl(DEC / name)
    out["benign"] = [
        {"id": r["id"], "text": r["text"], "labels": []}
        for name in BENIGN if (DATA / name).exists()
        for r in load_jsonl(DATA / name) if r.get("text")
    ]  # fmt: skip
    return {k: v for k, v in out.items() if not any(fnmatch.fnmatch(k, g) for g in hold_out)}


def make_analyser() -> DecencyAnalyser:
    analyser = DecencyAnalyser()
    analyser.load(Environment(load_protocol(), None, {"decency_model": "none"}))
    return analyser


def featurise(analyser: DecencyAnalyser, source: str, rows: list[dict[str, Any]]) -> list[Post]:
    posts = []
    for r in rows:
        nt = analyser.normalise(r["text"])
        hits = analyser.detector.detect(nt)
        feats = analyser.featuriser.hashes(nt.tokens, nt.text, hits)
        group = f"{source}:{r.get('template') or r['id']}"
        posts.append(Post(source, group, r["text"], frozenset(r["labels"]), feats, hits, nt))
    return posts


class Matrix:
    """A sparse design matrix of feature counts: for each post the columns of its features."""

    def __init__(self, posts: Sequence[Post], vocab: dict[int, int]) -> None:
        cols = [[vocab[f] for f in p.feats if f in vocab] for p in posts]  # counts, as at run time
        self.n = len(posts)
        self.rows = np.repeat(np.arange(self.n), [len(c) for c in cols])
        self.cols = np.fromiter((c for cs in cols for c in cs), dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum([len(c) for c in cols])[:-1]]).astype(np.int64)
        self.by_col = np.argsort(self.cols, kind="stable")
        self.col_ids, self.col_starts = np.unique(self.cols[self.by_col], return_index=True)

    def dot(self, w: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.add.reduceat(w[self.cols], self.starts, axis=0)

    def tdot(self, g: npt.NDArray[np.float64], n_cols: int) -> npt.NDArray[np.float64]:
        out = np.zeros((n_cols, g.shape[1]))
        out[self.col_ids] = np.add.reduceat(g[self.rows[self.by_col]], self.col_starts, axis=0)
        return out


def vocabulary(posts: Sequence[Post], min_df: int = 2) -> dict[int, int]:
    df: dict[int, int] = {}
    for p in posts:
        for f in set(p.feats):
            df[f] = df.get(f, 0) + 1
    keys = sorted(f for f, n in df.items() if n >= min_df)
    return {f: i for i, f in enumerate(keys)}


def targets(posts: Sequence[Post]) -> npt.NDArray[np.float64]:
    y = np.array([[float(lab in p.labels) for lab in LABELS] for p in posts])
    return np.hstack([y, y.max(axis=1, keepdims=True)])


def fit(
    posts: Sequence[Post], l2: float, epochs: int = 250, lr: float = 0.05
) -> tuple[dict[int, int], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Logistic regression per head on features scaled by their naive-Bayes log-count ratio
    (NBSVM): a word seen mostly on one side counts for more. The scale is folded into the
    weights, so the run time model stays a plain sum."""
    vocab = vocabulary(posts)
    x = Matrix(posts, vocab)
    y = targets(posts)
    n, k = y.shape
    pos_counts = x.tdot(y, len(vocab)) + 1.0
    neg_counts = x.tdot(1 - y, len(vocab)) + 1.0
    r = np.abs(np.log(pos_counts / pos_counts.sum(0)) - np.log(neg_counts / neg_counts.sum(0)))
    src_w = np.array([SOURCE_WEIGHT.get(p.source, 1.0) for p in posts])[:, None]
    pos = (y * src_w).sum(axis=0)
    tot = src_w.sum()
    # Positives are rare per category: weigh each class to half the mass.
    sample_w = src_w * np.where(y > 0, tot / (2 * np.maximum(pos, 1)), tot / (2 * (tot - pos)))
    u = np.zeros((len(vocab), k))
    b = np.zeros(k)
    m_u, v_u = np.zeros_like(u), np.zeros_like(u)
    m_b, v_b = np.zeros_like(b), np.zeros_like(b)
    for t in range(1, epochs + 1):
        z = x.dot(u * r) + b
        g = (1 / (1 + np.exp(-z)) - y) * sample_w / n
        gu = x.tdot(g, len(vocab)) * r + l2 * u
        gb = g.sum(axis=0)
        for par, grad, m, v in ((u, gu, m_u, v_u), (b, gb, m_b, v_b)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            par -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return vocab, u * r, b


def predict_proba(
    posts: Sequence[Post], vocab: dict[int, int], w: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:  # fmt: skip
    return 1 / (1 + np.exp(-(Matrix(posts, vocab).dot(w) + b)))


class _Fixed(_Adjusting):
    """The shipped policy applied to probabilities computed beforehand."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.probs: dict[str, float] = {}

    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]:
        return self.probs


def decide(posts: Sequence[Post], probs: npt.NDArray[np.float64], policy: Policy) -> list[bool]:
    """Does each post get a violation finding, rules and model together?"""
    scorer = _Fixed(policy)
    out = []
    for p, row in zip(posts, probs, strict=True):
        scorer.probs = dict(zip(HEADS, row.tolist(), strict=True))
        hits = scorer.adjust(p.text, p.nt, list(p.hits))
        out.append(any(h.category != "profanity" and h.weight >= REPORT_AT for h in hits))
    return out


def macro_f1(gold: Sequence[bool], pred: Sequence[bool]) -> float:
    def f1(pos: bool) -> float:
        tp = sum(g == pos and q == pos for g, q in zip(gold, pred, strict=True))
        fp = sum(g != pos and q == pos for g, q in zip(gold, pred, strict=True))
        fn = sum(g == pos and q != pos for g, q in zip(gold, pred, strict=True))
        return 2 * tp / max(1, 2 * tp + fp + fn)

    return (f1(True) + f1(False)) / 2


def is_violation(p: Post) -> bool:
    return bool(p.labels & set(LABELS))


def out_of_fold(posts: Sequence[Post], l2: float, k: int = 5) -> npt.NDArray[np.float64]:
    fold = np.array([hash_group(p.group) % k for p in posts])
    probs = np.zeros((len(posts), len(HEADS)))
    for f in range(k):
        train = [p for p, g in zip(posts, fold, strict=True) if g != f]
        held = [i for i, g in enumerate(fold) if g == f]
        vocab, w, b = fit(train, l2)
        probs[held] = predict_proba([posts[i] for i in held], vocab, w, b)
    return probs


def hash_group(group: str) -> int:
    import zlib

    return zlib.crc32(group.encode())


def choose_policy(posts: Sequence[Post], probs: npt.NDArray[np.float64]) -> tuple[Policy, float]:
    """The thresholds with the best out-of-fold macro-F1 on hand-written posts and no false
    positive among the school posts."""
    # Judge on the posts of writers the rules were never tuned on, when there are any: that is
    # what a new batch looks like to the rules.
    fresh = {p.source for p in posts if p.source.startswith("written_")}
    written = [
        i for i, p in enumerate(posts)
        if ((p.source in fresh) if fresh else p.source not in ("train.jsonl", "benign"))
    ]  # fmt: skip
    benign = [i for i, p in enumerate(posts) if p.source == "benign"]
    gold = [is_violation(posts[i]) for i in written]
    sub = [posts[i] for i in written + benign]
    sub_probs = probs[written + benign]
    best = (Policy(), -1.0)
    for add_at in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, None):
        for drop_below, weak_below in ((None, 0.0), (0.1, 0.8), (0.2, 0.8), (0.1, 0.9), (0.3, 0.8)):
            policy = Policy(add_at, drop_below, weak_below)
            pred = decide(sub, sub_probs, policy)
            if sum(pred[len(written) :]) > len(benign) // 100:
                continue  # out of fold; the final model must still flag none (see main)
            score = macro_f1(gold, pred[: len(written)])
            if score > best[1] + 1e-9:
                best = (policy, score)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--hold-out", nargs="*", default=[], help="file globs to leave out and score")
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--grid", action="store_true", help="score held-out files at other thresholds")
    args = ap.parse_args()
    t0 = time.perf_counter()
    analyser = make_analyser()
    data = sources(args.hold_out)
    posts = [p for name, rows in data.items() for p in featurise(analyser, name, rows)]
    probs = out_of_fold(posts, args.l2)
    policy, cv = choose_policy(posts, probs)
    rules = choose_policy(posts, probs * 0 + 0.5)[1]  # no add, no drop: the rules alone
    print(f"{len(posts)} posts; cross-validated macro-F1 on hand-written posts {cv:.3f} "
          f"(rules alone {rules:.3f}) with {policy}")  # fmt: skip
    vocab, w, b = fit(posts, args.l2)
    benign = [p for p in posts if p.source == "benign"]
    b_probs = predict_proba(benign, vocab, w, b)
    while policy.add_at is not None and any(decide(benign, b_probs, policy)):
        policy = replace(policy, add_at=round(policy.add_at + 0.05, 2))  # no school post flagged
    print(f"final policy {policy}")
    for pattern in args.hold_out:
        for path in sorted(DEC.glob(pattern)):
            held = featurise(analyser, path.name, load_jsonl(path))
            gold = [is_violation(p) for p in held]
            probs_held = predict_proba(held, vocab, w, b)
            pred = decide(held, probs_held, policy)
            base = decide(held, np.full((len(held), len(HEADS)), 0.5), Policy())
            alone = (probs_held[:, -1] >= 0.5).tolist()
            if args.grid:
                for at in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
                    for drop in (None, 0.1, 0.2):
                        pol = Policy(at, drop, 0.8)
                        grid = macro_f1(gold, decide(held, probs_held, pol))
                        print(f"    {pol}: {grid:.3f}")
            print(f"  held out {path.name}: macro-F1 {macro_f1(gold, pred):.3f} "
                  f"(rules alone {macro_f1(gold, base):.3f}, model alone "
                  f"{macro_f1(gold, alone):.3f}, n={len(held)})")  # fmt: skip
    if args.no_save:
        return
    keep = np.abs(w).max(axis=1) >= 1e-3  # features the model barely uses stay out of the file
    keys = np.array(sorted(vocab), dtype=np.uint32)[keep]
    np.savez_compressed(
        args.out, keys=keys, weights=w[keep].astype(np.float16), bias=b.astype(np.float32),
        labels=np.array(HEADS), policy_keys=np.array(["add_at", "drop_below", "weak_below"]),
        policy=np.array([np.nan if v is None else v for v in
                         (policy.add_at, policy.drop_below, policy.weak_below)]),
    )  # fmt: skip
    size = args.out.stat().st_size
    print(f"{len(keys)} features, {size / 1024:.0f} KiB, {time.perf_counter() - t0:.1f} s -> "
          f"{args.out}")  # fmt: skip


if __name__ == "__main__":
    main()
