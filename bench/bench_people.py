"""People and personal information (issue 3): names, sensitive matters, speed, directory load.

Accuracy on bench/data/people_posts.jsonl (built by bench/data/peopleposts/build.py) with the
demo directory, the scope forced in so a scope error never hides a name error. Names are
scored by span overlap: community names (gold spans with a directory id), names of other
people, and all names side by side with deduce (which knows no directory). Speed: the whole
check of ~280-character posts with a 12,000-person directory loaded, next to deduce on the
same texts; the directory load of 12,000 people.

    bench/.venv/bin/python -m bench.bench_people [--errors]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from bench.common import DATA, ROOT, Row, cpu_latencies_ms, latencies_ms, prf
from socialprotocol.demo import demo_directory_path
from socialprotocol.demo.generate import generate, write_csv
from socialprotocol.engine.analysers.base import Analyser
from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import Directory, load_directory, parse_directory_csv
from socialprotocol.engine.mentions import find_mentions
from socialprotocol.engine.model import (
    Post,
    PostContext,
    Report,
    TextEvidence,
    parse_role,
    parse_setting,
)
from socialprotocol.engine.names import NameIndex
from socialprotocol.engine.textview import TextView

BENCH = "people (issue 3)"
POSTS = DATA / "people_posts.jsonl"
ERRORS_FILE = ROOT / "bench" / "results" / "people_errors.md"
SENSITIVE = ("health", "special_category", "school_result", "confidential")
NAME_CATS = {"person_name", "social_handle"}
DEDUCE_NAME_TAGS = ("persoon", "patient")


def load_posts(path: Path = POSTS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def post_of(row: dict[str, Any]) -> Post:
    ctx = PostContext(parse_role(row["role"]), parse_setting(row["context"]), about_school=True)
    return Post(row["text"], ctx)


@cache
def deduce() -> Any:
    from deduce import Deduce

    return Deduce()


def deduce_names(text: str) -> list[tuple[int, int]]:
    doc = deduce().deidentify(text)
    return [
        (a.start_char, a.end_char)
        for a in doc.annotations
        if any(t in a.tag for t in DEDUCE_NAME_TAGS)
    ]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Score:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.errors: list[str] = []

    def spans(
        self,
        key: str,
        row: dict[str, Any],
        gold: list[tuple[int, int]],
        got: list[tuple[int, int]],
        ignore: list[tuple[int, int]] | None = None,
    ) -> None:
        text = row["text"]
        for g in gold:
            if any(_overlap(g, p) for p in got):
                self.c[f"{key} found"] += 1
            else:
                self.c[f"{key} missed"] += 1
                self.errors.append(f"- MISSED {key} {text[g[0] : g[1]]!r} — `{row['id']}` {text!r}")
        for p in got:
            if any(_overlap(g, p) for g in gold):
                self.c[f"{key} right"] += 1
            elif not any(_overlap(p, i) for i in ignore or ()):
                self.c[f"{key} wrong"] += 1
                self.errors.append(f"- FALSE {key} {text[p[0] : p[1]]!r} — `{row['id']}` {text!r}")

    def prf(self, key: str) -> tuple[float, float]:
        p, _, _ = prf(self.c[f"{key} right"], self.c[f"{key} wrong"], 0)
        _, r, _ = prf(self.c[f"{key} found"], 0, self.c[f"{key} missed"])
        return p, r


def _text_spans(
    report: Report, cats: set[str], person: bool | None = None
) -> list[tuple[int, int]]:
    out = []
    for f in report.findings:
        if f.category not in cats or not isinstance(f.evidence, TextEvidence):
            continue
        if person is None or (f.person is not None) == person:
            out.append((f.evidence.start, f.evidence.end))
    return out


def big_directory() -> Directory:
    """The demo people plus 12,000 generated ones: many more names that can collide."""
    demo = demo_directory_path().read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "people-12000.csv"
        write_csv(generate(12000), path)
        extra = path.read_text(encoding="utf-8").split("\n", 1)[1]
    return parse_directory_csv(demo.rstrip("\n") + "\n" + extra, "demo+12000")


def accuracy(
    peers: bool, directory: Directory | None = None, posts: Path = POSTS
) -> tuple[list[Row], list[str]]:
    checker = Checker(directory=directory or load_directory(demo_directory_path()))
    ours, peer = Score(), Score()
    for row in load_posts(posts):
        report = checker.check(post_of(row))
        community = [(n["start"], n["end"]) for n in row["names"] if n["person"]]
        other = [(n["start"], n["end"]) for n in row["names"] if not n["person"]]
        everyone = community + other
        ours.spans("community", row, community, _text_spans(report, NAME_CATS, True), other)
        ours.spans("other", row, other, _text_spans(report, NAME_CATS, False), community)
        ours.spans("names", row, everyone, _text_spans(report, NAME_CATS))
        for cat in SENSITIVE:
            gold = [(s["start"], s["end"]) for s in row["sensitive"] if s["category"] == cat]
            ours.spans(cat, row, gold, _text_spans(report, {cat}))
        gold_all = [(s["start"], s["end"]) for s in row["sensitive"]]
        ours.spans("sensitive", row, gold_all, _text_spans(report, set(SENSITIVE)))
        if peers:
            peer.spans("names", row, everyone, deduce_names(row["text"]))
    rows: list[Row] = []
    targets = {"community": (">= 0.95", ">= 0.98"), "sensitive": (">= 0.9", ">= 0.9")}
    dv = _version("deduce")
    for key in ("community", "other", "names", "sensitive", *SENSITIVE):
        p, r = ours.prf(key)
        tp_, tr = targets.get(key, (None, None))
        peer_p = peer_r = None
        if key == "names" and peers:
            peer_p, peer_r = peer.prf("names")
        rows.append(
            Row(
                BENCH,
                f"precision {key}",
                p,
                f"deduce {dv}" if peer_p is not None else None,
                peer_p,
                tp_,
            )
        )
        rows.append(
            Row(
                BENCH,
                f"recall {key}",
                r,
                f"deduce {dv}" if peer_r is not None else None,
                peer_r,
                tr,
            )
        )
    return rows, ours.errors


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def texts_280(rows: list[dict[str, Any]]) -> list[str]:
    """Posts joined into texts of about 280 characters, like a full post."""
    out, cur = [], ""
    for row in rows:
        cur = f"{cur} {row['text']}".strip()
        if len(cur) >= 250:
            out.append(cur[:280])
            cur = ""
    return out


def speed(quick: bool) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "people-12000.csv"
        write_csv(generate(12000), path)
        loads = []
        for _ in range(3):
            t0 = time.perf_counter()
            directory = load_directory(path)
            directory.names  # noqa: B018 - the name index is part of the load
            loads.append(time.perf_counter() - t0)
    checker = Checker(directory=directory)
    texts = texts_280(load_posts()) * (1 if quick else 3)
    ctx = PostContext(parse_role("staff"), parse_setting("work"))
    for t in texts[:20]:
        checker.check(Post(t, ctx))  # warm up

    def check(t: str) -> object:
        return checker.check(Post(t, ctx))

    p50, p99 = latencies_ms(check, texts)
    cpu50, cpu99 = cpu_latencies_ms(check, texts)
    mine = [a for a in checker.analysers if a.name in {"people", "sensitive"}]

    def own(t: str) -> None:
        view, post = TextView(t), Post(t, ctx)
        for a in mine:
            list(a.analyse(post, view))

    own_p50, _ = latencies_ms(own, texts)
    rows = [
        Row(BENCH, "directory load 12,000 s", statistics.median(loads), target="<= 1.0"),
        Row(BENCH, "people+sensitive analysers p50 ms", own_p50, target="<= 0.5"),
    ]
    whole, whole_cpu = (
        "whole check 280 chars, 12k people, p50 ms",
        "whole check 280 chars, p50 CPU ms",
    )
    try:
        dd = deduce()
        dd.deidentify("warm up met Jan Jansen")
        peer_texts = texts[: 60 if quick else None]
        d50, _ = latencies_ms(dd.deidentify, peer_texts)
        dcpu50, _ = cpu_latencies_ms(dd.deidentify, peer_texts)
        peer = f"deduce {_version('deduce')}"
        rows.append(Row(BENCH, whole, p50, peer, d50, "<= 1.0", f"p99 {p99:.2f} ms"))
        rows.append(Row(BENCH, whole_cpu, cpu50, peer, dcpu50, "<= 1.0", f"p99 {cpu99:.2f} ms"))
    except ImportError:
        note = "; deduce not installed"
        rows.append(Row(BENCH, whole, p50, target="<= 1.0", note=f"p99 {p99:.2f} ms{note}"))
        rows.append(Row(BENCH, whole_cpu, cpu50, target="<= 1.0", note=f"p99 {cpu99:.2f}{note}"))
    return rows + parts_cpu(checker, texts, ctx)


def parts_cpu(checker: Checker, texts: list[str], ctx: PostContext) -> list[Row]:
    """CPU p50 of each part of the check alone, to see where the whole check's time goes. The
    folded text and the mentions are made once per post and shared by scope, people and
    sensitive; they are their own row, and made beforehand for the others."""
    index = checker.env.directory.names if checker.env.directory else NameIndex([])

    def shared(t: str) -> dict[str, Any]:
        view = TextView(t)
        find_mentions(index, view)
        return dict(view.__dict__)

    made = {t: shared(t) for t in texts}

    def view_of(t: str) -> TextView:
        view = TextView(t)
        view.__dict__.update(made[t])
        return view

    parts: list[tuple[str, Callable[[str], object]]] = [("folded text + mentions", shared)]
    parts.append(("scope", lambda t: checker.scope.decide(Post(t, ctx), view_of(t))))
    for a in checker.analysers:
        parts.append((a.name, alone(a, ctx, view_of)))
    return [
        Row(f"{BENCH}, parts", f"p50 CPU ms {name}", cpu_latencies_ms(fn, texts)[0])
        for name, fn in parts
    ]


def alone(
    analyser: Analyser, ctx: PostContext, view_of: Callable[[str], TextView]
) -> Callable[[str], object]:
    return lambda t: list(analyser.analyse(Post(t, ctx), view_of(t)))


def run(quick: bool) -> list[Row]:
    try:
        import deduce as _

        peers = True
    except ImportError:
        peers = False
    rows, errors = accuracy(peers)
    big_rows, _ = accuracy(False, big_directory())
    rows += [
        Row(BENCH, f"{r.metric} (12,000 more people)", r.ours, target=r.target)
        for r in big_rows
        if r.metric.endswith(("community", "sensitive"))
    ]
    ERRORS_FILE.parent.mkdir(exist_ok=True)
    ERRORS_FILE.write_text(
        "# People benchmark: misses and false alarms\n\n" + "\n".join(errors) + "\n"
    )
    return rows + speed(quick)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument(
        "--posts", type=Path, help="score another labelled file of the same format (held-out posts)"
    )
    args = ap.parse_args()
    if args.posts:
        # Held-out posts: accuracy only, and their errors are never written into the tree.
        for r in accuracy(peers=False, posts=args.posts)[0]:
            print(f"{r.metric:45s} {r.ours:.3f}  {r.target or ''}  {r.note}")
        return
    rows = run(args.quick)
    if args.errors:
        print(ERRORS_FILE.read_text())
    for r in rows:
        peer = f"  {r.peer}={r.peer_value:.3f}" if r.peer_value is not None else ""
        if r.ratio is not None:
            peer += f" (x{r.ratio:.2f})"  # peer time / ours: above 1 we are faster
        print(f"{r.metric:45s} {r.ours:.3f}{peer}  {r.target or ''}  {r.note}")


if __name__ == "__main__":
    main()
