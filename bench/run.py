"""Runs every benchmark module ``bench/bench_<topic>.py`` and prints one Markdown table.

    bench/.venv/bin/python -m bench.run [--quick] [--only TOPIC ...]

A module that fails is reported as an error row; the others still run. The table and a JSON
copy are written with a timestamp to ``bench/results/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import ROOT, Row

BENCH_DIR = ROOT / "bench"
RESULTS = BENCH_DIR / "results"
COLUMNS = ("benchmark", "metric", "ours", "peer", "peer value", "ratio", "target", "ok", "note")


def topics() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in BENCH_DIR.glob("bench_*.py"))


def run_topic(topic: str, quick: bool) -> tuple[list[Row], float]:
    t0 = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.bench_{topic}")
        rows = list(module.run(quick))
    except (Exception, SystemExit) as exc:  # one broken benchmark must not stop the others
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        rows = [Row(topic, "error", math.nan, note=last[:300])]
        traceback.print_exc(file=sys.stderr)
    return rows, time.perf_counter() - t0


def fmt(value: float | None) -> str:
    if value is None:
        return ""
    if math.isnan(value):
        return "n/a"
    if value == 0 or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def ok_mark(row: Row) -> str:
    if row.metric == "error":
        return "ERROR"
    ok = row.ok
    return "" if ok is None else ("yes" if ok else "NO")


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        cells = [
            r.benchmark,
            r.metric,
            fmt(r.ours),
            r.peer or "",
            fmt(r.peer_value),
            "" if r.ratio is None else f"{r.ratio:.2f}x",
            r.target or "",
            ok_mark(r),
            r.note.replace("|", "/"),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def as_json(row: Row, topic: str) -> dict[str, Any]:
    def num(v: float | None) -> float | None:
        return None if v is None or math.isnan(v) else v

    return {
        "topic": topic, "benchmark": row.benchmark, "metric": row.metric, "ours": num(row.ours),
        "peer": row.peer, "peer_value": num(row.peer_value), "ratio": row.ratio,
        "target": row.target, "ok": row.ok if row.metric != "error" else False, "note": row.note,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="short runs (under a minute in all)")
    ap.add_argument(
        "--only",
        action="append",
        metavar="TOPIC",
        help=f"run only this topic (repeatable); known: {', '.join(topics())}",
    )
    args = ap.parse_args(argv)
    chosen = topics()
    if args.only:
        unknown = sorted(set(args.only) - set(chosen))
        if unknown:
            ap.error(f"unknown topic(s) {', '.join(unknown)}; known: {', '.join(chosen)}")
        chosen = [t for t in chosen if t in args.only]

    started = datetime.now(UTC)
    all_rows: list[Row] = []
    records: list[dict[str, Any]] = []
    timings: dict[str, float] = {}
    for topic in chosen:
        print(f"running {topic} ...", file=sys.stderr, flush=True)
        rows, seconds = run_topic(topic, args.quick)
        timings[topic] = round(seconds, 2)
        all_rows += rows
        records += [as_json(r, topic) for r in rows]

    table = markdown(all_rows)
    print(table)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    RESULTS.mkdir(parents=True, exist_ok=True)
    mode = "quick" if args.quick else "full"
    head = (
        f"# Benchmarks {started.isoformat(timespec='seconds')} ({mode})\n\n"
        f"{platform.node()}, Python {platform.python_version()}, "
        f"topics: {', '.join(chosen)}\n\n"
    )
    md_path = RESULTS / f"{stamp}-{mode}.md"
    md_path.write_text(head + table + "\n", encoding="utf-8")
    meta = {
        "started": started.isoformat(),
        "mode": mode,
        "python": platform.python_version(),
        "machine": platform.node(),
        "seconds": timings,
        "rows": records,
    }
    json_path: Path = RESULTS / f"{stamp}-{mode}.json"
    json_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten: {md_path.relative_to(ROOT)}, {json_path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if any(r.metric == "error" for r in all_rows) else 0


if __name__ == "__main__":
    sys.exit(main())
