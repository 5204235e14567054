"""Speed of the text check on 280-character posts, side by side with deduce and Presidio.

- latency p50/p99 of one check (one thread = one core), the checker loaded with the board's
  schools and a 12,000-person directory (DESIGN §5);
- batch throughput (posts/s, one core) over the same texts;
- cold start of ``socialprotocol check "..." --role medewerker --context werk`` as a new
  process, median of several runs.

The same texts go through ``Deduce().deidentify`` and through Presidio's predefined pattern
recognizers (phone, e-mail, IBAN, credit card, IP, URL, crypto, date; no NLP engine). Ratios
are peer time / our time, so above 1 means we are faster.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import text_peers as tp
from bench.common import ROOT, Row, cpu_latencies_ms, latencies_ms, median_time
from socialprotocol.engine.analysers.base import default_analysers
from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import Directory, parse_directory_csv
from socialprotocol.engine.model import Post, PostContext, Role, Setting

BENCH = "text check, 280 chars"
LENGTH = 280
FIRST = [
    "Sanne",
    "Daan",
    "Noah",
    "Emma",
    "Lotte",
    "Sem",
    "Liam",
    "Julia",
    "Mila",
    "Finn",
    "Yara",
    "Mees",
    "Tess",
    "Levi",
    "Saar",
    "Luuk",
    "Noor",
    "Bram",
    "Fleur",
    "Jesse",
    "Ilse",
    "Mohammed",
    "Fatima",
    "Ayoub",
    "Imane",
    "Youssef",
    "Priya",
    "Ravi",
    "Zeynep",
    "Emre",
    "Anouk",
    "Joris",
    "Marieke",
    "Kees",
    "Femke",
    "Tom",
    "Sara",
    "Milan",
    "Sophie",
    "Jasmijn",
    "Olivia",
    "Lucas",
    "Roos",
    "Bas",
    "Jip",
    "Storm",
]
LAST = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "de Bruijn",
    "de Bruin",
    "van der Heijden",
    "Schouten",
    "van Beek",
    "Willems",
    "van Vliet",
    "El Amrani",
    "Yilmaz",
    "Kaya",
    "Öztürk",
    "Bennani",
    "Ramdin",
    "Tjon",
    "Nguyen",
    "Pinas",
    "Ahmadi",
]


def texts_280(n: int, seed: int = 7) -> list[str]:
    """``n`` texts of at most 280 characters, made of the labelled posts joined end to end."""
    posts = [r["text"] for r in tp.load_posts()]
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < LENGTH:
            parts.append(rng.choice(posts))
        text = " ".join(parts)[:LENGTH]
        out.append(text[: text.rfind(" ")] if len(text) == LENGTH else text)
    return out


def directory_12k(seed: int = 12) -> Directory:
    """The board's nine schools with 12,000 people: pupils, their parents and staff."""
    return parse_directory_csv(directory_12k_csv(seed), "directory-12k")


def directory_12k_csv(seed: int = 12) -> str:
    rng = random.Random(seed)
    schools = [p.school for p in tp.school_directory().people]
    rows = [
        "id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of"
    ]
    for i in range(12_000):
        last = rng.choice(LAST)
        prefix, _, base = last.rpartition(" ") if last[0].islower() else ("", "", last)
        role = "pupil" if i % 10 < 6 else ("parent" if i % 10 < 9 else "staff")
        group = str(rng.randint(1, 8)) if role == "pupil" else ""
        rows.append(
            f"p{i:05d},{rng.choice(FIRST)},{prefix},{base},,{role},{rng.choice(schools)},{group},,,"
        )
    return "\n".join(rows) + "\n"


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("socialprotocol")
    if script.exists():
        return [str(script)]
    found = shutil.which("socialprotocol")
    return [found] if found else [sys.executable, "-m", "socialprotocol"]


def cold_start_s(runs: int) -> float:
    cmd = [
        *_cli(),
        "check",
        "Juf Sanne van groep 7 is bereikbaar op 06-12345678.",
        "--role",
        "medewerker",
        "--context",
        "werk",
    ]
    times = []
    # The first run is not timed: it compiles the byte code, as any installation's first use does.
    for i in range(runs + 1):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, check=False)
        if i:
            times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"socialprotocol check failed: {proc.stderr.decode()[-300:]}")
    return statistics.median(times)


def cli_batch_rate(texts: Sequence[str], directory_csv: str) -> float:
    """posts/s of ``socialprotocol check --jsonl`` end to end: start-up, JSON in, reports out."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out, people = Path(tmp, "posts.jsonl"), Path(tmp, "reports.jsonl"), Path(tmp, "p.csv")
        people.write_text(directory_csv, encoding="utf-8")
        with src.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                row = {"id": i, "text": t, "role": "medewerker", "context": "prive"}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        cmd = [*_cli(), "check", "--jsonl", str(src), "--out", str(out), "--directory", str(people)]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, check=False)
        seconds = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            raise RuntimeError(
                f"socialprotocol check --jsonl failed: {proc.stderr.decode()[-300:]}"
            )
        lines = out.read_text(encoding="utf-8").count("\n")
        if lines != len(texts):
            raise RuntimeError(f"--jsonl wrote {lines} reports for {len(texts)} posts")
    return len(texts) / seconds


def _throughput(fn: Callable[[str], object], texts: Sequence[str], repeat: int) -> float:
    def batch() -> None:
        for t in texts:
            fn(t)

    return len(texts) / median_time(batch, repeat)


def cpu_throughput(fn: Callable[[str], object], texts: Sequence[str]) -> float:
    t0 = time.thread_time()
    for t in texts:
        fn(t)
    return len(texts) / (time.thread_time() - t0)


def run(quick: bool) -> list[Row]:
    n = 300 if quick else 2000
    texts = texts_280(n)
    t0 = time.perf_counter()
    checker = Checker(directory=directory_12k())
    load_s = time.perf_counter() - t0
    # Forced in scope: every text goes through every analyser (the worst case).
    ctx = PostContext(role=Role.STAFF, setting=Setting.PRIVATE, about_school=True)

    def ours(text: str) -> object:
        return checker.check(Post(text, ctx))

    dd = tp.deduce()
    tp.presidio_recognizers()

    def deduce(text: str) -> object:
        return dd.deidentify(text)

    systems: list[tuple[str, Callable[[str], object]]] = [
        ("ours", ours),
        (f"deduce {tp.version('deduce')}", deduce),
        (f"presidio patterns {tp.version('presidio_analyzer')}", tp.presidio_results),
    ]
    # Peers are slower; they get fewer texts so a quick run stays short.
    peer_texts = texts[: max(100, n // (4 if quick else 2))]
    repeat = 3 if quick else 5
    lat: dict[str, tuple[float, float]] = {}
    rate: dict[str, float] = {}
    cpu_lat: dict[str, tuple[float, float]] = {}
    cpu_rate: dict[str, float] = {}
    for name, fn in systems:
        sample = texts if name == "ours" else peer_texts
        for t in sample[:20]:  # warm up caches
            fn(t)
        lat[name] = latencies_ms(fn, sample)
        rate[name] = _throughput(fn, sample, repeat if name == "ours" else 1)
        cpu_lat[name] = cpu_latencies_ms(fn, sample)
        cpu_rate[name] = cpu_throughput(fn, sample)

    rows: list[Row] = []
    note = f"{n} texts, 12,000-person directory, all analysers, scope forced in"
    # The wall-clock pass is the first over the texts: the per-word caches are still filling,
    # as in a process that has just started. The CPU pass comes after six passes.
    first = f"{note}; first pass (caches filling)"
    for peer, _ in systems[1:]:
        rows.append(Row(BENCH, "p50 ms", lat["ours"][0], peer, lat[peer][0], "<= 1.0", first))
    for peer, _ in systems[1:]:
        rows.append(Row(BENCH, "p99 ms", lat["ours"][1], peer, lat[peer][1], None, first))
    for peer, _ in systems[1:]:
        rows.append(
            Row(BENCH, "posts/s (batch, 1 core)", rate["ours"], peer, rate[peer], ">= 1000", note)
        )
    cpu_note = f"{note}; CPU time of the checking thread, steady state"
    for peer, _ in systems[1:]:
        rows.append(
            Row(BENCH, "p50 CPU ms", cpu_lat["ours"][0], peer, cpu_lat[peer][0], "<= 1.0", cpu_note)
        )
    for peer, _ in systems[1:]:
        rows.append(
            Row(BENCH, "p99 CPU ms", cpu_lat["ours"][1], peer, cpu_lat[peer][1], None, cpu_note)
        )
    for peer, _ in systems[1:]:
        rows.append(
            Row(
                BENCH,
                "posts/CPU-s (batch)",
                cpu_rate["ours"],
                peer,
                cpu_rate[peer],
                ">= 1000",
                cpu_note,
            )
        )
    rows.append(
        Row(
            BENCH,
            "checker load s",
            load_s,
            None,
            None,
            None,
            "protocol + analysers + 12,000-person directory, once per process",
        )
    )
    rows += _per_analyser(texts[: 100 if quick else 1000], ctx)
    batch = texts[:300] if quick else texts
    rows.append(
        Row(
            "CLI batch --jsonl",
            "posts/s",
            cli_batch_rate(batch, directory_12k_csv()),
            None,
            None,
            None,
            f"{len(batch)} posts, whole process incl. start-up and 12,000-person directory",
        )
    )
    runs = 3 if quick else 7
    rows.append(
        Row(
            "CLI cold start",
            "median s",
            cold_start_s(runs),
            None,
            None,
            "<= 1.5",
            f"socialprotocol check, {runs} runs, new process each",
        )
    )
    return rows


def _per_analyser(texts: Sequence[str], ctx: PostContext) -> list[Row]:
    """Where the time goes: scope + pipeline alone, then each analyser alone on top of it."""
    directory = directory_12k()
    names = [cls.name for cls in default_analysers()]
    rows = []
    for name in ["(none)", *names]:
        checker = Checker(directory=directory, analysers=[] if name == "(none)" else [name])

        def one(text: str, checker: Checker = checker) -> object:
            return checker.check(Post(text, ctx))

        for t in texts[:20]:
            one(t)
        p50, p99 = cpu_latencies_ms(one, texts)
        what = "scope + pipeline only" if name == "(none)" else f"{name} only"
        rows.append(
            Row(
                f"{BENCH}, per analyser",
                f"p50 CPU ms {what}",
                p50,
                None,
                None,
                None,
                f"p99 {p99:.2f} ms, {len(texts)} texts",
            )
        )
    return rows


if __name__ == "__main__":
    for r in run(quick="--quick" in sys.argv):
        print(r)
