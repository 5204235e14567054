"""Merge and de-duplicate analyser signals.

Two analysers (or one pattern twice) may find the same thing. Signals of one category whose
text spans overlap become one, with the larger span and the higher confidence; everything
else is kept, because different categories are different breaches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from socialprotocol.engine.model import Signal, TextEvidence


def merge_signals(signals: Iterable[Signal]) -> list[Signal]:
    text: dict[str, list[Signal]] = {}
    other: list[Signal] = []
    for sig in signals:
        if isinstance(sig.evidence, TextEvidence):
            text.setdefault(sig.category, []).append(sig)
        elif sig not in other:
            other.append(sig)
    merged: list[Signal] = []
    for group in text.values():
        group.sort(key=lambda s: (_ev(s).start, -_ev(s).end))
        current = group[0]
        for sig in group[1:]:
            cur, ev = _ev(current), _ev(sig)
            if ev.start < cur.end and (sig.person == current.person or not sig.person):
                if ev.end > cur.end:
                    span = TextEvidence(
                        cur.start, ev.end, cur.excerpt + ev.excerpt[cur.end - ev.start :]
                    )
                    current = replace(current, evidence=span)
                if sig.confidence > current.confidence:
                    current = replace(current, confidence=sig.confidence)
                continue
            merged.append(current)
            current = sig
        merged.append(current)
    return merged + other


def _ev(sig: Signal) -> TextEvidence:
    assert isinstance(sig.evidence, TextEvidence)
    return sig.evidence
