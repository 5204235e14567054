"""Apply the text fixes of a report to a post: the corrected post people can copy."""

from __future__ import annotations

import re
from collections.abc import Sequence

from socialprotocol.engine.model import Finding, TextEvidence


def apply_text_fixes(text: str, findings: Sequence[Finding]) -> str | None:
    """Redactions and removals replace their spans (right to left, no overlaps);
    appended texts come at the end, each once. None when no text fix applies."""
    edits: list[tuple[int, int, str]] = []
    appends: list[str] = []
    for f in findings:
        if f.fix is None:
            continue
        if f.fix.action == "append" and f.fix.text:
            if f.fix.text not in appends:
                appends.append(f.fix.text)
        elif f.fix.action in {"redact", "remove"} and isinstance(f.evidence, TextEvidence):
            replacement = (f.fix.text or "") if f.fix.action == "redact" else ""
            edits.append((f.evidence.start, f.evidence.end, replacement))
    if not edits and not appends:
        return None
    # A removed clause swallows the names redacted inside it: the larger edit wins.
    outer: list[tuple[int, int, str]] = []
    for edit in sorted(edits, key=lambda e: (e[0], -e[1])):
        if outer and outer[-1][0] <= edit[0] and edit[1] <= outer[-1][1]:
            continue
        outer.append(edit)
    out = text
    last_start = len(text) + 1
    for start, end, replacement in sorted(outer, key=lambda e: (e[0], -e[1]), reverse=True):
        if end > last_start:
            continue  # overlaps an edit already made further right
        out = out[:start] + replacement + out[end:]
        last_start = start
    out = _tidy(out)
    if out and text[:1].isupper() and out[:1].islower():
        out = out[0].upper() + out[1:]  # the removed clause opened the post
    for extra in appends:
        out = _append(out, extra)
    return out


def _append(text: str, extra: str) -> str:
    text = text.rstrip()
    if not text:
        return extra
    last_word = text.split()[-1]
    if "\n" in text or last_word.startswith("#"):
        return f"{text}\n\n{extra}"  # after a block of hashtags, on its own line
    if text[-1].isalnum():
        text += "."
    return f"{text} {extra}"


_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_STOP = re.compile(r" +([,.!?;:])")


def _tidy(text: str) -> str:
    # Removing a clause can leave doubled spaces or a space before punctuation.
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_STOP.sub(r"\1", text)
    return text.strip()
