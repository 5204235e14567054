"""Decency (issue 4): accuracy per category and per phenomenon, functional macro-F1, speed.

Data: bench/data/decency/test.jsonl (the held-out split of the labelled corpus, never used for
tuning) and bench/data/decency/functional.jsonl (HateCheck-style functional tests). A post
counts as predicted for a category when the analyser reports at least one finding of it.
In the functional suite a case is a violation when it should get any finding other than
profanity; macro-F1 averages the F1 of "violation" and "no violation".

    bench/.venv/bin/python -m bench.bench_decency [--quick]
    bench/.venv/bin/python -m bench.bench_decency --split NAME|functional-all [--errors]
    bench/.venv/bin/python -m bench.bench_decency --file PATH [--errors] [--model PATH|none]

``--split`` scores bench/data/decency/NAME.jsonl, ``--file`` any file of that line format
(macro-F1 of violation vs not, per category, per phenomenon); ``--errors`` prints the misses.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.common import DATA, Row, latencies_ms, prf

CATS = ("insult", "threat", "hate", "defamation", "doxxing", "sexual", "reputation", "profanity")
VIOLATION = frozenset(CATS) - {"profanity"}
DIR = DATA / "decency"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def functional_suite() -> list[dict[str, Any]]:
    """functional.jsonl plus the blind batches (functional_blind*.jsonl), see data README."""
    rows: list[dict[str, Any]] = []
    for path in sorted(DIR.glob("functional*.jsonl")):
        rows.extend(load(path))
    return rows


def other_benign_posts() -> list[str]:
    """School posts of the other text benches (identifiers, names, scope): none is abusive,
    so any decency finding on them is a false positive."""
    texts: list[str] = []
    for name in ("text_posts.jsonl", "heldout_text_posts.jsonl", "people_posts.jsonl"):
        path = DATA / name
        if path.exists():
            texts.extend(r["text"] for r in load(path) if r.get("text"))
    return texts


def make_analyser(model: str | None = None) -> Any:
    from socialprotocol.engine.analysers.base import Environment
    from socialprotocol.engine.analysers.decency import DecencyAnalyser
    from socialprotocol.engine.protocol import load_protocol

    analyser = DecencyAnalyser()
    analyser.load(Environment(load_protocol(), None, {"decency_model": model}))
    return analyser


def predict(analyser: Any, text: str) -> set[str]:
    from socialprotocol.engine.model import Post, PostContext, Role, Setting
    from socialprotocol.engine.textview import TextView

    post = Post(text, PostContext(Role.PUPIL, Setting.PRIVATE))
    return {s.category for s in analyser.analyse(post, TextView(text))}


def per_category(
    rows: Sequence[dict[str, Any]], preds: Sequence[set[str]]
) -> dict[str, tuple[float, float, float, int]]:
    out = {}
    for cat in CATS:
        tp = fp = fn = 0
        for row, pred in zip(rows, preds, strict=True):
            gold = cat in row["labels"]
            tp += gold and cat in pred
            fp += (not gold) and cat in pred
            fn += gold and cat not in pred
        out[cat] = (*prf(tp, fp, fn), tp + fn)
    return out


def phenomena(
    rows: Sequence[dict[str, Any]], preds: Sequence[set[str]]
) -> dict[str, tuple[float, int]]:
    """Accuracy per phenomenon: the predicted violating categories equal the gold ones."""
    ok: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for row, pred in zip(rows, preds, strict=True):
        gold = set(row["labels"]) & VIOLATION
        n[row["phenomenon"]] += 1
        ok[row["phenomenon"]] += bool(gold) == bool(pred & VIOLATION)
    return {p: (ok[p] / n[p], n[p]) for p in sorted(n)}


def binary_macro_f1(rows: Sequence[dict[str, Any]], preds: Sequence[set[str]]) -> float:
    counts: defaultdict[tuple[bool, bool], int] = defaultdict(int)
    for row, pred in zip(rows, preds, strict=True):
        gold = bool(set(row["labels"]) & VIOLATION)
        got = bool(pred & VIOLATION)
        counts[(gold, got)] += 1
    f_pos = prf(counts[(True, True)], counts[(False, True)], counts[(True, False)])[2]
    f_neg = prf(counts[(False, False)], counts[(True, False)], counts[(False, True)])[2]
    return (f_pos + f_neg) / 2


def speed(quick: bool, clean: bool = False) -> tuple[float, float, float, float]:
    """p50/p99 of the whole check and p50 of the decency analyser alone, ms, 280-char posts.

    ``clean``: posts made of the other benches' ordinary school posts (what most posts look
    like); otherwise of all test and functional sentences, abuse-dense (the worst case)."""
    from socialprotocol.engine.checker import Checker
    from socialprotocol.engine.model import Post, PostContext, Role, Setting
    from socialprotocol.engine.textview import TextView

    rows = load(DIR / "test.jsonl") + functional_suite()
    if clean:
        rows = [{"text": t} for t in other_benign_posts()]
    texts = []
    for i in range(len(rows)):
        t = ""
        j = i
        while len(t) < 280:
            t += rows[j % len(rows)]["text"] + " Groep 7 van school. "
            j += 7
        texts.append(t[:280])
    texts = texts[: 200 if quick else 1000]
    ctx = PostContext(Role.PARENT, Setting.PRIVATE)
    t0 = time.perf_counter()
    checker = Checker()
    load_s = time.perf_counter() - t0
    for t in texts[:20]:
        checker.check(Post(t, ctx))
    p50, p99 = latencies_ms(lambda t: checker.check(Post(t, ctx)), texts)
    dec = next(a for a in checker.analysers if a.name == "decency")
    a50, _ = latencies_ms(lambda t: list(dec.analyse(Post(t, ctx), TextView(t))), texts)
    return p50, p99, a50, load_s


def cpu_p50_ms(fn: Any, texts: list[str]) -> float:
    """p50 of the CPU time (not wall time) of one call: fairer on a machine other jobs share."""
    samples = []
    for text in texts:
        t0 = time.process_time()
        fn(text)
        samples.append((time.process_time() - t0) * 1000)
    samples.sort()
    return samples[len(samples) // 2]


def speed_cpu(quick: bool) -> tuple[float, float, float]:
    """CPU-time p50 (ms) of the whole check, of the whole check without decency, and of
    decency alone, on ordinary 280-character school posts (the other benches' posts)."""
    from socialprotocol.engine.analysers.base import default_analysers
    from socialprotocol.engine.checker import Checker
    from socialprotocol.engine.model import Post, PostContext, Role, Setting
    from socialprotocol.engine.textview import TextView

    rows = [{"text": t} for t in other_benign_posts()]
    texts = []
    for i in range(len(rows)):
        t, j = "", i
        while len(t) < 280:
            t += rows[j % len(rows)]["text"] + " Groep 7 van school. "
            j += 7
        texts.append(t[:280])
    texts = texts[: 200 if quick else 600]
    ctx = PostContext(Role.PARENT, Setting.PRIVATE)
    full = Checker()
    others = Checker(analysers=[c.name for c in default_analysers() if c.name != "decency"])
    dec = next(a for a in full.analysers if a.name == "decency")
    for t in texts[:20]:
        full.check(Post(t, ctx))
        others.check(Post(t, ctx))
    whole = cpu_p50_ms(lambda t: full.check(Post(t, ctx)), texts)
    without = cpu_p50_ms(lambda t: others.check(Post(t, ctx)), texts)
    alone = cpu_p50_ms(lambda t: list(dec.analyse(Post(t, ctx), TextView(t))), texts)
    return whole, without, alone


def run(quick: bool) -> list[Row]:
    out: list[Row] = []
    analyser = make_analyser()
    t0 = time.perf_counter()
    make_analyser()
    load_ms = (time.perf_counter() - t0) * 1000
    test = load(DIR / "test.jsonl")
    preds = [predict(analyser, r["text"]) for r in test]
    for cat, (p, r, f, n) in per_category(test, preds).items():
        out.append(
            Row("decency test split", f"precision {cat}", p, target=">= 0.85", note=f"n={n}")
        )
        out.append(Row("decency test split", f"recall {cat}", r, target=">= 0.85", note=f"n={n}"))
        out.append(Row("decency test split", f"F1 {cat}", f))
    func = functional_suite()
    fpreds = [predict(analyser, r["text"]) for r in func]
    out.append(Row("decency functional", "macro-F1", binary_macro_f1(func, fpreds),
                   peer="Dutch BERT on HateCheck-NL (accuracy, published)", peer_value=0.61,
                   target=">= 0.85", note=f"n={len(func)}"))  # fmt: skip
    for ph, (acc, n) in phenomena(func, fpreds).items():
        out.append(Row("decency functional", f"accuracy {ph}", acc, note=f"n={n}"))
    benign = other_benign_posts()
    flagged = sum(bool(predict(analyser, t) & VIOLATION) for t in benign)
    out.append(Row("decency on other benches' school posts", "false-positive rate",
                   flagged / max(1, len(benign)), target="<= 0.01", note=f"n={len(benign)}"))  # fmt: skip
    for ph, (acc, n) in phenomena(test, preds).items():
        out.append(Row("decency test split", f"accuracy {ph}", acc, note=f"n={n}"))
    for label, clean in (("abuse-dense", False), ("clean", True)):
        p50, p99, a50, _ = speed(quick, clean)
        out.append(Row(f"whole check, 280 chars, {label}", "p50 ms", p50, target="<= 1.0"))
        out.append(Row(f"whole check, 280 chars, {label}", "p99 ms", p99))
        out.append(Row(f"decency analyser alone, 280 chars, {label}", "p50 ms", a50))
    whole, without, alone = speed_cpu(quick)
    out.append(Row("whole check, 280 chars, clean, CPU time", "p50 ms", whole, target="<= 1.0",
                   peer="whole check without decency", peer_value=without))  # fmt: skip
    out.append(Row("decency analyser alone, clean, CPU time", "p50 ms", alone))
    out.append(Row("decency analyser", "load ms", load_ms, target="<= 500"))
    return out


def _errors(rows: Iterable[dict[str, Any]], analyser: Any) -> None:
    for row in rows:
        pred = predict(analyser, row["text"])
        gold = set(row["labels"])
        if pred != gold:
            print(
                f"{row['phenomenon']:<22} gold={sorted(gold)} got={sorted(pred)} :: {row['text']}"
            )


def score_file(data: Sequence[dict[str, Any]], analyser: Any, errors: bool) -> None:
    """Print per-category P/R/F1, macro-F1 (violation vs not) and accuracy per phenomenon."""
    ps = [predict(analyser, r["text"]) for r in data]
    for c, (p, r, f, n) in per_category(data, ps).items():
        print(f"{c:<12} P={p:.3f} R={r:.3f} F1={f:.3f} n={n}")
    print("macro-F1", round(binary_macro_f1(data, ps), 3), f"n={len(data)}")
    for ph, (acc, n) in phenomena(data, ps).items():
        print(f"  {ph:<24} {acc:.3f} n={n}")
    if errors:
        _errors(data, analyser)


if __name__ == "__main__":
    args = sys.argv[1:]
    model = args[args.index("--model") + 1] if "--model" in args else None
    if "--file" in args:
        # Any functional-format file (id, text, labels, phenomenon), e.g. a sealed blind set.
        score_file(
            load(Path(args[args.index("--file") + 1])), make_analyser(model), "--errors" in args
        )
    elif "--split" in args:
        split = args[args.index("--split") + 1]
        data = functional_suite() if split == "functional-all" else load(DIR / f"{split}.jsonl")
        score_file(data, make_analyser(model), "--errors" in args)
    else:
        for row in run("--quick" in args):
            print(
                f"{row.benchmark:<36} {row.metric:<28} {row.ours:8.3f} {row.target or ''} {row.note}"
            )
