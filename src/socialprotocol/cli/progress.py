"""A progress bar on stderr for long batches, quiet enough for log files."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    def __init__(self, total: int | None, stream: TextIO, every_s: float = 0.25) -> None:
        self.total = total
        self.stream = stream
        self.count = 0
        self.every_s = every_s
        self.started = time.monotonic()
        self.last = 0.0
        self.tty = stream.isatty()

    def step(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.last >= (self.every_s if self.tty else 5.0):
            self.last = now
            self._draw(now, end="\r" if self.tty else "\n")

    def done(self) -> None:
        self._draw(time.monotonic(), end="\n")

    def _draw(self, now: float, end: str) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.count / elapsed
        if self.total:
            frac = min(self.count / self.total, 1.0)
            filled = int(frac * 30)
            bar = "#" * filled + "-" * (30 - filled)
            posts = _posts(self.total)
            text = f"[{bar}] {_n(self.count)}/{_n(self.total)} {posts} ({frac:.0%}), {_n(int(rate))}/s"
        else:
            text = f"{_n(self.count)} {_posts(self.count)}, {_n(int(rate))}/s"
        self.stream.write(text + end)
        self.stream.flush()


def _posts(count: int) -> str:
    return "bericht" if count == 1 else "berichten"


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
