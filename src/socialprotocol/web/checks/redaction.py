"""The engine's media redaction, when this installation has it.

The media part of the engine can be absent or still lack redaction; then the page offers no
blurred download and says so, and the report's A5 "not checked" entry explains why.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

Box = tuple[int, int, int, int]


def redactor() -> Callable[[str, Sequence[Box]], bytes] | None:
    """A function (path, boxes to blur) -> JPEG bytes, or None when not available."""
    try:
        module: Any = importlib.import_module("socialprotocol.engine.media.redact")
    except ImportError:
        return None
    fn = getattr(module, "redact_image_bytes", None)
    return fn if callable(fn) else None
