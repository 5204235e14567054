"""Voice activity with the silero VAD model (ONNX, 16 kHz) through onnxruntime.

Finds where someone speaks, never who: no speaker embeddings are computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from socialprotocol.engine.media.config import VoiceConfig
from socialprotocol.engine.media.faces import session

RATE = 16000
WINDOW = 512  # samples per step at 16 kHz (32 ms), as the model was trained
CONTEXT = 64  # samples of the previous window the model sees in front of each window


@dataclass(frozen=True, slots=True)
class Speech:
    from_s: float
    to_s: float
    score: float  # mean speech probability over the segment

    def as_dict(self) -> dict[str, float]:
        return {
            "from_s": round(self.from_s, 2),
            "to_s": round(self.to_s, 2),
            "score": round(self.score, 3),
        }


class VoiceDetector:
    def __init__(self, config: VoiceConfig | None = None) -> None:
        self.config = config or VoiceConfig()
        self._session = session("silero_vad.onnx", 1)

    def probabilities(self, samples: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Speech probability per 32 ms window of 16 kHz mono samples."""
        n = len(samples) // WINDOW
        probs = np.zeros(n, dtype=np.float32)
        state = np.zeros((2, 1, 128), dtype=np.float32)
        context = np.zeros(CONTEXT, dtype=np.float32)
        sr = np.array(RATE, dtype=np.int64)
        for i in range(n):
            window = samples[i * WINDOW : (i + 1) * WINDOW]
            x = np.concatenate([context, window])[None, :]
            out, state = self._session.run(None, {"input": x, "state": state, "sr": sr})
            probs[i] = out[0, 0]
            context = window[-CONTEXT:]
        return probs

    def segments(self, samples: npt.NDArray[np.float32]) -> list[Speech]:
        """Stretches of speech, with hysteresis so one sentence is one segment."""
        cfg = self.config
        probs = self.probabilities(samples)
        step = WINDOW / RATE
        on, off = cfg.threshold, cfg.threshold - 0.15
        out: list[Speech] = []
        start: int | None = None
        last_speech = 0
        for i, p in enumerate(probs):
            if start is None:
                if p >= on:
                    start, last_speech = i, i
            elif p >= off:
                last_speech = i
            elif (i - last_speech) * step >= cfg.min_silence_s:
                out.append(self._segment(probs, start, last_speech))
                start = None
        if start is not None:
            out.append(self._segment(probs, start, last_speech))
        duration = len(samples) / RATE
        return [
            Speech(max(0.0, s.from_s - cfg.pad_s), min(duration, s.to_s + cfg.pad_s), s.score)
            for s in out
            if s.to_s - s.from_s >= cfg.min_speech_s
        ]

    @staticmethod
    def _segment(probs: npt.NDArray[np.float32], start: int, end: int) -> Speech:
        step = WINDOW / RATE
        return Speech(start * step, (end + 1) * step, float(probs[start : end + 1].mean()))
