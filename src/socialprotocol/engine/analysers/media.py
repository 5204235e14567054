"""Photos, video and sound attached to a post (A5): faces, voices and revealing metadata.

The models (and onnxruntime, PyAV) load once, on the first post that has media, so a text-only
check keeps its cold start. ``covers`` scans the media (and keeps the result for the
``analyse`` call that follows): when a file cannot be read, the A5 categories are left
uncovered so the report lists A5 as not checked instead of calling the post clean.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from socialprotocol.engine.analysers.base import Analyser, Environment, register
from socialprotocol.engine.model import (
    AudioEvidence,
    ContextEvidence,
    ImageEvidence,
    InputError,
    Message,
    Post,
    Signal,
    VideoEvidence,
)
from socialprotocol.engine.textview import TextView

if TYPE_CHECKING:
    from socialprotocol.engine.media import MediaEngine, MediaScan

_Scans = tuple[list["MediaScan"], list[str]]  # scans of the readable files, Dutch errors


@register
class MediaAnalyser(Analyser):
    name = "media"
    categories = frozenset({"face", "voice", "location_metadata", "metadata"})

    def load(self, env: Environment) -> None:
        self._config = env.options.get("media_config")  # a media.RedactConfig, or None
        self.progress: Any = env.options.get("progress")
        self._lock = threading.Lock()
        self._engine: MediaEngine | None = None
        self._scans: dict[Post, _Scans] = {}

    @property
    def engine(self) -> MediaEngine:
        with self._lock:
            if self._engine is None:
                from socialprotocol.engine.media import MediaEngine, RedactConfig

                config = self._config if isinstance(self._config, RedactConfig) else None
                self._engine = MediaEngine(config)
            return self._engine

    def covers(self, post: Post) -> frozenset[str]:
        if not post.media:
            return self.categories
        scans = self._scan(post)
        if scans[1]:
            return frozenset()  # analyse will not be called: keep nothing
        with self._lock:
            self._scans[post] = scans  # taken by the analyse call that follows
        return self.categories

    def errors(self, post: Post) -> list[str]:
        """Dutch messages for the media of ``post`` that could not be read."""
        return self._scan(post)[1]

    def analyse(self, post: Post, view: TextView) -> Iterable[Signal]:
        if not post.media:
            return []
        with self._lock:
            scans = self._scans.pop(post, None)
        scans = scans or self._scan(post)
        out: list[Signal] = []
        for index, scan in enumerate(scans[0]):
            out.extend(self._signals(index, scan))
        return out

    def _scan(self, post: Post) -> _Scans:
        from socialprotocol.engine.media import MediaScan

        scans, errors = [], []
        engine = self.engine
        for ref in post.media:
            try:
                scans.append(engine.scan(ref.path, self.progress))
            except InputError as exc:
                errors.append(str(exc))
                scans.append(MediaScan("image"))  # keeps the indexes of later files right
        return scans, errors

    def _signals(self, i: int, scan: MediaScan) -> list[Signal]:
        out = []
        n = i + 1
        for face in scan.faces:
            out.append(
                Signal(
                    "face",
                    ImageEvidence(i, face.box),
                    face.score,
                    Message(
                        f"Gezicht gevonden op foto {n} (zekerheid {face.score:.2f}).",
                        f"Face found in photo {n} (confidence {face.score:.2f}).",
                    ),
                    self.name,
                )
            )
        for track in scan.tracks:
            out.append(
                Signal(
                    "face",
                    VideoEvidence(i, track.from_s, track.to_s, track.box),
                    track.score,
                    Message(
                        f"Gezicht in video {n} van {track.from_s:.1f} s tot {track.to_s:.1f} s.",
                        f"Face in video {n} from {track.from_s:.1f} s to {track.to_s:.1f} s.",
                    ),
                    self.name,
                )
            )
        for speech in scan.voices:
            out.append(
                Signal(
                    "voice",
                    AudioEvidence(i, speech.from_s, speech.to_s),
                    speech.score,
                    Message(
                        f"Stem te horen in bestand {n} van {speech.from_s:.1f} s tot {speech.to_s:.1f} s.",
                        f"Voice audible in file {n} from {speech.from_s:.1f} s to {speech.to_s:.1f} s.",
                    ),
                    self.name,
                )
            )
        for item in scan.metadata:
            out.append(
                Signal(
                    item.category,
                    ContextEvidence(f"{item.label}: {item.value}", i),
                    1.0,
                    Message(
                        f"Bestand {n} bevat {item.label} ({item.field}).",
                        f"File {n} contains {item.field}.",
                    ),
                    self.name,
                )
            )
        return out
