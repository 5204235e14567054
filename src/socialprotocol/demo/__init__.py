"""Fictional demo data: the people of two ASKO-like schools, and a generator for benchmarks."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_directory_path() -> Path:
    """The demo people directory (DESIGN §4 CSV) shipped with the package."""
    return Path(str(resources.files("socialprotocol.demo") / "people.csv"))
