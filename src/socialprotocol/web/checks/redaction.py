"""The engine's media redaction, when this installation has it.

The media part of the engine can be absent; then the page offers no blurred download and
says so, and the report's A5 "not checked" entry explains why.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

Box = tuple[int, int, int, int]
Redactor = Callable[[str, str, Sequence[Box]], object]


def redactor() -> Redactor | None:
    """``redact(in_path, out_path, keep_boxes)``: every face outside ``keep_boxes`` made
    unrecognisable and identifying metadata removed; None when not available."""
    try:
        module: Any = importlib.import_module("socialprotocol.engine.media")
    except ImportError:
        return None
    fn = getattr(module, "redact", None)
    return fn if callable(fn) else None
