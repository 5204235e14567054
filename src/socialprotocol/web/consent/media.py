"""The engine's media library as the consent flow uses it: face boxes in, a copy out.

Faces are detected, never recognised; the boxes are all that is kept, with the post.
"""

from __future__ import annotations

from collections.abc import Sequence

from socialprotocol.engine.model import InputError
from socialprotocol.web.consent.rules import Box

UNAVAILABLE = "Gezichten vinden en vervagen kan in deze installatie niet."


def face_boxes(path: str) -> list[Box]:
    try:
        from socialprotocol.engine.media import detect_faces
    except ImportError:
        raise InputError(UNAVAILABLE) from None
    return [tuple(int(v) for v in f.box) for f in detect_faces(path)]  # type: ignore[misc]


def _marker(box: Box) -> Box:
    """A keep box shrunk to the face's centre: the engine keeps a face whose centre lies in a
    keep box, so a small marker can never also keep a neighbour's overlapping face."""
    cx, cy = box[0] + box[2] // 2, box[1] + box[3] // 2
    return (max(cx - 2, 0), max(cy - 2, 0), 4, 4)


def write_copy(
    in_path: str, out_path: str, keep: Sequence[Box], *, keep_audio: bool = False
) -> list[Box]:
    """Write a copy with every face outside ``keep`` blurred and metadata stripped; return the
    boxes left visible."""
    try:
        from socialprotocol.engine.media import redact
    except ImportError:
        raise InputError(UNAVAILABLE) from None
    result = redact(in_path, out_path, [_marker(b) for b in keep], keep_audio=keep_audio)
    return [tuple(int(v) for v in b) for b in result.kept]  # type: ignore[misc]
