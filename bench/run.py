"""Runs every benchmark module ``bench/bench_<topic>.py`` and prints one Markdown table.

    bench/.venv/bin/python -m bench.run [--quick] [--only TOPIC ...]

Each topic runs in its own process: a module that raises, crashes, exits or hangs (a time
limit per topic) is reported as an error row, and the others still run. The table and a JSON
copy are written with a timestamp to ``bench/results/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import math
import os
import platform
import signal
import subprocess
import sys
import tempfile
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
    """Run one topic in this process; an exception becomes an error row."""
    t0 = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.bench_{topic}")
        rows = list(module.run(quick))
    except (Exception, SystemExit) as exc:  # one broken benchmark must not stop the others
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        rows = [Row(topic, "error", math.nan, note=last[:300])]
        traceback.print_exc(file=sys.stderr)
    return rows, time.perf_counter() - t0


def run_isolated(topic: str, quick: bool, timeout_s: float) -> tuple[list[Row], float]:
    """Run one topic in a child process, so that a crash (a segfault in a native library), a
    hang or an exit of one benchmark cannot take the others down."""
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "rows.json")
        cmd = [sys.executable, "-m", "bench.run", "--child", topic, "--child-out", str(out)]
        cmd += ["--quick"] if quick else []
        # The child's own output goes to stderr: stdout carries only the table. Its own session,
        # so that on a timeout its helpers (servers, workers) are stopped with it.
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=sys.stderr, start_new_session=True)
        try:
            code = proc.wait(timeout=timeout_s)
            failure = None if out.exists() else f"exit status {code}, no rows"
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            failure = f"timed out after {timeout_s:.0f} s"
        if failure is not None:
            return [Row(topic, "error", math.nan, note=failure)], time.perf_counter() - t0
        rows = [Row(**r) for r in json.loads(out.read_text(encoding="utf-8"))]
    return rows, time.perf_counter() - t0


def child(topic: str, quick: bool, out: Path) -> int:
    rows, _ = run_topic(topic, quick)
    out.write_text(json.dumps([dataclasses.asdict(r) for r in rows]), encoding="utf-8")
    return 0


def load_average() -> str:
    """The machine is shared: the load average says how far to trust the timings."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


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
    ap.add_argument("--quick", action="store_true", help="short runs (well under a minute each)")
    ap.add_argument(
        "--in-process", action="store_true", help="run topics in this process (for debugging)"
    )
    ap.add_argument(
        "--timeout", type=float, default=None, help="seconds per topic (600 quick, 3600 full)"
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument(
        "--only",
        action="append",
        metavar="TOPIC",
        help=f"run only this topic (repeatable); known: {', '.join(topics())}",
    )
    args = ap.parse_args(argv)
    if args.child:
        return child(args.child, args.quick, args.child_out)
    timeout_s = args.timeout or (600.0 if args.quick else 3600.0)
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
        if args.in_process:
            rows, seconds = run_topic(topic, args.quick)
        else:
            rows, seconds = run_isolated(topic, args.quick, timeout_s)
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
        f"{platform.node()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average at the end {load_average()}, topics: {', '.join(chosen)}\n\n"
    )
    md_path = RESULTS / f"{stamp}-{mode}.md"
    md_path.write_text(head + table + "\n", encoding="utf-8")
    meta = {
        "started": started.isoformat(),
        "mode": mode,
        "python": platform.python_version(),
        "machine": platform.node(),
        "cores": os.cpu_count(),
        "load_average": load_average(),
        "seconds": timings,
        "rows": records,
    }
    json_path: Path = RESULTS / f"{stamp}-{mode}.json"
    json_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten: {md_path.relative_to(ROOT)}, {json_path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if any(r.metric == "error" for r in all_rows) else 0


if __name__ == "__main__":
    sys.exit(main())
