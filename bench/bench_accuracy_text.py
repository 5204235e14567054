"""Accuracy of the text analysers on the labelled posts (bench/data/text_posts.jsonl).

Identifiers: precision and recall per category and micro totals, scored with the scope forced
in so that a scope error never hides an identifier error; deduce and Presidio's pattern
recognizers on the same posts where they have an equivalent category. Disclosure, disclaimer
and scope are scored end to end (the post as labelled, about_school only when the file has it).
The rules are in bench/data/README.md.

    bench/.venv/bin/python -m bench.bench_accuracy_text [--errors] [--no-peers]
        [--posts HELD_OUT.jsonl --directory SCHOOLS.csv]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import text_peers as tp
from bench.common import ROOT, Row
from socialprotocol.engine.model import Report, TextEvidence

BENCH = "text accuracy"
ERRORS_FILE = ROOT / "bench" / "results" / "accuracy_text_errors.md"
CATS = sorted(tp.IDENTIFIER_CATEGORIES)
DISCLOSURE = {"missing_disclosure": "disclosure_ok", "missing_disclaimer": "disclaimer_ok"}


@dataclass
class Tally:
    """Span scores for one system: per category, predicted right/wrong and gold found/missed."""

    tp_pred: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def add(self, row: dict[str, Any], got: Sequence[tp.Span], cats: Iterable[str]) -> None:
        cats = set(cats)
        gold = [(s["category"], s["start"], s["end"]) for s in row["spans"]]
        got = [g for g in got if g[0] in cats]
        text = row["text"]
        for cat, s, e in got:
            if any(c == cat and _overlap(s, e, gs, ge) for c, gs, ge in gold):
                self.tp_pred[cat] += 1
            elif cat == "postcode" and any(
                c == "address" and _overlap(s, e, gs, ge) for c, gs, ge in gold
            ):
                continue  # a postcode inside a labelled address: neither right nor wrong
            else:
                self.fp[cat] += 1
                self.errors.append(
                    f"- FALSE ALARM `{row['id']}` {cat} {text[s:e]!r} — text: {text!r}; "
                    f"expected: {_fmt(gold, text)}"
                )
        for cat, s, e in gold:
            if cat not in cats:
                continue
            if any(c == cat and _overlap(s, e, gs, ge) for c, gs, ge in got):
                self.found[cat] += 1
            else:
                self.fn[cat] += 1
                self.errors.append(
                    f"- MISS `{row['id']}` {cat} {text[s:e]!r} — text: {text!r}; "
                    f"got: {_fmt(got, text)}"
                )

    def precision(self, cats: Iterable[str]) -> float:
        tp_ = sum(self.tp_pred[c] for c in cats)
        fp = sum(self.fp[c] for c in cats)
        return tp_ / (tp_ + fp) if tp_ + fp else 1.0

    def recall(self, cats: Iterable[str]) -> float:
        found = sum(self.found[c] for c in cats)
        fn = sum(self.fn[c] for c in cats)
        return found / (found + fn) if found + fn else 1.0

    def support(self, cats: Iterable[str]) -> int:
        return sum(self.found[c] + self.fn[c] for c in cats)


def _overlap(s1: int, e1: int, s2: int, e2: int) -> bool:
    return s1 < e2 and s2 < e1


def _fmt(spans: Sequence[tp.Span], text: str) -> str:
    return ", ".join(f"{c} {text[s:e]!r}" for c, s, e in spans) or "nothing"


def our_spans(report: Report) -> list[tp.Span]:
    return [
        (f.category, f.evidence.start, f.evidence.end)
        for f in report.findings
        if isinstance(f.evidence, TextEvidence) and f.category in tp.IDENTIFIER_CATEGORIES
    ]


@dataclass
class Evaluation:
    ours: Tally
    peers: dict[str, tuple[Tally, frozenset[str]]]
    rows: list[Row]
    errors: list[str]


def identifier_tally(
    posts: list[dict[str, Any]], spans_of: Callable[[str], list[tp.Span]], cats: Iterable[str]
) -> Tally:
    tally = Tally()
    cats = list(cats)
    for row in posts:
        tally.add(row, spans_of(row["text"]), cats)
    return tally


def evaluate(
    *,
    peers: bool = True,
    posts_file: Path = tp.POSTS_FILE,
    directory: Path = tp.SCHOOLS_FILE,
    bench: str = BENCH,
) -> Evaluation:
    posts = tp.load_posts(posts_file)
    check = tp.checker(directory).check
    ours = Tally()
    for row in posts:
        ours.add(row, our_spans(check(tp.post_of(row, force_scope=True))), CATS)
    rows: list[Row] = []
    errors = [f"## Identifiers ({len(posts)} posts, scope forced in)", *ours.errors]

    peer_tallies: dict[str, tuple[Tally, frozenset[str]]] = {}
    if peers:
        dcats = frozenset(tp.DEDUCE_TAGS.values())
        pcats = frozenset(tp.PRESIDIO_ENTITIES.values())
        peer_tallies[f"deduce {tp.version('deduce')}"] = (
            identifier_tally(posts, tp.deduce_spans, dcats),
            dcats,
        )
        peer_tallies[f"presidio patterns {tp.version('presidio_analyzer')}"] = (
            identifier_tally(posts, tp.presidio_spans, pcats),
            pcats,
        )

    for cat in CATS:
        n = ours.support([cat])
        for metric, value, target in (
            ("recall", ours.recall([cat]), ">= 0.99"),
            ("precision", ours.precision([cat]), ">= 0.98"),
        ):
            compared: list[tuple[str | None, float | None]] = [
                (name, getattr(t, metric)([cat]))
                for name, (t, c) in peer_tallies.items()
                if cat in c
            ]
            for name, peer_value in compared or [(None, None)]:
                rows.append(
                    Row(bench, f"{metric} {cat}", value, name, peer_value, target, f"{n} spans")
                )
    n_all = ours.support(CATS)
    rows.append(
        Row(
            bench,
            "recall identifiers (micro)",
            ours.recall(CATS),
            None,
            None,
            ">= 0.99",
            f"{n_all} spans",
        )
    )
    rows.append(
        Row(bench, "precision identifiers (micro)", ours.precision(CATS), None, None, ">= 0.98")
    )
    for name, (t, c) in peer_tallies.items():
        shared = sorted(c)
        label = "/".join(shared)
        rows.append(
            Row(
                bench,
                f"recall micro {label}",
                ours.recall(shared),
                name,
                t.recall(shared),
                ">= 0.99",
            )
        )
        rows.append(
            Row(
                bench,
                f"precision micro {label}",
                ours.precision(shared),
                name,
                t.precision(shared),
                ">= 0.98",
            )
        )

    reports = [check(tp.post_of(row)) for row in posts]
    rows += _scope_rows(posts, reports, errors, bench)
    rows += _disclosure_rows(posts, reports, errors, bench)
    return Evaluation(ours, peer_tallies, rows, errors)


def _scope_rows(
    posts: list[dict[str, Any]], reports: list[Report], errors: list[str], bench: str
) -> list[Row]:
    errors.append(f"## Scope ({len(posts)} posts)")
    right = 0
    for row, rep in zip(posts, reports, strict=True):
        if rep.in_scope == row["scope"]:
            right += 1
        else:
            errors.append(
                f"- SCOPE `{row['id']}` {row['role']}/{row['context']} expected "
                f"{row['scope']}, got {rep.in_scope} ({'; '.join(rep.scope_reasons) or '-'}) "
                f"— text: {row['text']!r}"
            )
    return [
        Row(
            bench,
            "scope accuracy",
            right / len(posts),
            None,
            None,
            ">= 0.95",
            f"{len(posts)} posts",
        )
    ]


def _disclosure_rows(
    posts: list[dict[str, Any]], reports: list[Report], errors: list[str], bench: str
) -> list[Row]:
    rows = []
    for category, key in DISCLOSURE.items():
        errors.append(f"## {category}")
        right = n = stray = 0
        for row, rep in zip(posts, reports, strict=True):
            flagged = any(f.category == category for f in rep.findings)
            label = row[key]
            if label is None:
                if flagged:
                    stray += 1
                    errors.append(
                        f"- FALSE ALARM (rule n/a) `{row['id']}` "
                        f"{row['role']}/{row['context']} — text: {row['text']!r}"
                    )
                continue
            n += 1
            if flagged == (label is False):
                right += 1
            else:
                what = "MISSED (expected finding)" if label is False else "FALSE ALARM"
                errors.append(
                    f"- {what} `{row['id']}` {row['role']}/{row['context']} "
                    f"in_scope={rep.in_scope} — text: {row['text']!r}"
                )
        name = category.removeprefix("missing_")
        rows.append(
            Row(
                bench,
                f"{name} accuracy",
                right / n if n else 1.0,
                None,
                None,
                ">= 0.97",
                f"{n} posts where the rule applies",
            )
        )
        rows.append(
            Row(
                bench,
                f"{name} findings where n/a",
                float(stray),
                None,
                None,
                "<= 0",
                "staff posts not naming ASKO/a school, and other roles",
            )
        )
    return rows


def write_errors(errors: list[str]) -> None:
    ERRORS_FILE.parent.mkdir(parents=True, exist_ok=True)
    ERRORS_FILE.write_text(
        "# Text accuracy: every miss and false alarm\n\n" + "\n".join(errors) + "\n",
        encoding="utf-8",
    )


def run(quick: bool) -> list[Row]:
    # The files are small: quick and full runs score all of them.
    ev = evaluate(peers=True)
    write_errors(ev.errors)
    rows = ev.rows
    for path in held_out_files():
        # Held-out posts only measure: their errors are never listed, so nobody tunes on them.
        name = f"{BENCH}, held-out {path.name.removesuffix('_text_posts.jsonl')}"
        rows += evaluate(peers=True, posts_file=path, bench=name).rows
    return rows


def held_out_files() -> list[Path]:
    return sorted(tp.POSTS_FILE.parent.glob("heldout*_text_posts.jsonl"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    ap.add_argument("--no-peers", action="store_true", help="skip deduce and Presidio")
    ap.add_argument("--json", action="store_true", help="rows as JSON")
    ap.add_argument(
        "--posts",
        type=Path,
        default=tp.POSTS_FILE,
        help="another labelled file of the same format (held-out posts)",
    )
    ap.add_argument(
        "--directory",
        type=Path,
        default=tp.SCHOOLS_FILE,
        help="people directory CSV whose schools belong to the board",
    )
    args = ap.parse_args()
    ev = evaluate(peers=not args.no_peers, posts_file=args.posts, directory=args.directory)
    if args.posts.resolve() == tp.POSTS_FILE.resolve():
        write_errors(ev.errors)  # held-out errors are printed only, never left in the tree
    if args.errors:
        print("\n".join(ev.errors))
    if args.json:
        print(json.dumps([r.__dict__ for r in ev.rows], ensure_ascii=False, indent=1))
    else:
        for r in ev.rows:
            peer = f"  {r.peer}={r.peer_value:.3f}" if r.peer_value is not None else ""
            print(f"{r.metric:40s} {r.ours:.3f}{peer}  {r.target or ''}  {r.note}")


if __name__ == "__main__":
    main()
