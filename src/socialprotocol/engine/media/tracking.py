"""Following faces between the frames the detector looks at.

The detector sees every n-th frame. Each detection joins the track whose last box it overlaps
(or is near); boxes for the frames in between are interpolated between a track's detections,
held for a while after a face was last seen, and drawn back to where a face first appears. So a
face is covered on every frame from one detection to the next, and a single missed detection
does not make the blur flicker off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

Box = tuple[int, int, int, int]
FBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Track:
    id: int
    seen: list[tuple[int, FBox, float]] = field(default_factory=list)  # frame, box, score

    @property
    def last(self) -> tuple[int, FBox, float]:
        return self.seen[-1]


class Tracker:
    def __init__(self, detect_every: int, hold_frames: int) -> None:
        self.detect_every = detect_every
        self.hold_frames = hold_frames
        self.tracks: list[Track] = []
        self._next_id = 0

    def update(self, frame: int, boxes: list[tuple[FBox, float]]) -> None:
        """Add the detections made on ``frame`` (frames must come in increasing order)."""
        alive = [
            t for t in self.tracks if frame - t.last[0] <= self.hold_frames + self.detect_every
        ]
        previous = max((t.last[0] for t in alive), default=frame)
        dx, dy = _camera_shift(
            [t.last[1] for t in alive if t.last[0] == previous], [b for b, _ in boxes]
        )
        span = max(1, frame - previous)

        def predicted(t: Track) -> FBox:
            k = (frame - t.last[0]) / span
            x, y, w, h = t.last[1]
            return (x + dx * k, y + dy * k, w, h)

        pairs = sorted(
            (
                (_affinity(predicted(t), box), ti, bi)
                for ti, t in enumerate(alive)
                for bi, (box, _) in enumerate(boxes)
            ),
            reverse=True,
        )
        used_t: set[int] = set()
        used_b: set[int] = set()
        for aff, ti, bi in pairs:
            if aff <= 0 or ti in used_t or bi in used_b:
                continue
            used_t.add(ti)
            used_b.add(bi)
            alive[ti].seen.append((frame, boxes[bi][0], boxes[bi][1]))
        for bi, (box, score) in enumerate(boxes):
            if bi not in used_b:
                self.tracks.append(Track(self._next_id, [(frame, box, score)]))
                self._next_id += 1

    def boxes_at(self, frame: int) -> list[tuple[int, FBox]]:
        """(track id, box) for every face that should be covered on ``frame``.

        Only valid once the detections on the first detected frame at or after ``frame`` are in.
        """
        out = []
        for t in self.tracks:
            before = next((s for s in reversed(t.seen) if s[0] <= frame), None)
            after = next((s for s in t.seen if s[0] >= frame), None)
            if before and after:
                if before[0] == after[0]:
                    out.append((t.id, before[1]))
                    continue
                if after[0] - before[0] <= self.hold_frames + self.detect_every:
                    k = (frame - before[0]) / (after[0] - before[0])
                    out.append((t.id, _lerp(before[1], after[1], k, motion=True)))
                    continue
            if before and frame - before[0] <= self.hold_frames:
                out.append((t.id, before[1]))
            elif after and after[0] - frame <= self.detect_every:
                out.append((t.id, after[1]))
        return out

    def forget_before(self, frame: int) -> None:
        """Drop history that can no longer matter, so long videos use little memory."""
        horizon = frame - 2 * (self.hold_frames + self.detect_every)
        kept = []
        for t in self.tracks:
            if t.last[0] < horizon:
                continue
            while len(t.seen) > 2 and t.seen[1][0] < horizon:
                t.seen.pop(0)
            kept.append(t)
        self.tracks = kept


def _centre(b: FBox) -> tuple[float, float]:
    return b[0] + b[2] / 2, b[1] + b[3] / 2


def _camera_shift(before: list[FBox], now: list[FBox]) -> tuple[float, float]:
    """How far the whole picture moved between two detection frames (a pan, a walking camera):
    the shift that lines up the most faces. Without it, a face that moved further than its own
    width would be taken for its neighbour."""
    if not before or not now:
        return 0.0, 0.0
    a = np.array([_centre(b) for b in before])  # n x 2
    b = np.array([_centre(x) for x in now])  # m x 2
    size = np.array([max(x[2], x[3]) for x in before])
    moves = (b[None, :, :] - a[:, None, :]).reshape(-1, 2)  # every pairing is a candidate
    near = np.abs(moves).sum(axis=1) < 8 * np.repeat(size, len(now))
    candidates = np.vstack([np.zeros((1, 2)), moves[near]])
    # for each candidate: how many faces before have a face now where the shift puts them
    predicted = a[None, :, None, :] + candidates[:, None, None, :]  # k x n x 1 x 2
    close = np.abs(predicted - b[None, None, :, :]).max(axis=3) < 0.5 * size[None, :, None]
    score = close.any(axis=2).sum(axis=1) - np.abs(candidates).sum(axis=1) * 1e-6
    sx, sy = candidates[int(np.argmax(score))]
    return float(sx), float(sy)


def _affinity(a: FBox, b: FBox) -> float:
    """IoU, or for boxes that do not overlap, a small credit when their centres are close."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    iw = min(ax + aw, bx + bw) - max(ax, bx)
    ih = min(ay + ah, by + bh) - max(ay, by)
    if iw > 0 and ih > 0:
        inter = iw * ih
        return 0.1 + inter / (aw * ah + bw * bh - inter)
    dist = ((ax + aw / 2 - bx - bw / 2) ** 2 + (ay + ah / 2 - by - bh / 2) ** 2) ** 0.5
    size = max(aw, ah, bw, bh)
    # a panning camera moves a face several widths between two detections
    return 0.1 * (1 - dist / (4 * size)) if dist < 4 * size else 0.0


def _lerp(a: FBox, b: FBox, k: float, motion: bool) -> FBox:
    box = tuple(p + (q - p) * k for p, q in zip(a, b, strict=True))
    if not motion:
        return (box[0], box[1], box[2], box[3])
    # widen by a share of the step between detections: motion need not be linear
    dx = abs(b[0] - a[0]) * 0.25
    dy = abs(b[1] - a[1]) * 0.25
    return (box[0] - dx, box[1] - dy, box[2] + 2 * dx, box[3] + 2 * dy)
