"""The learned part of the decency check: a second opinion on what the rules found.

Default backend: a linear model per category over hashed features (plain words, word pairs,
word ends, and which rules fired), trained by ``tools/train_decency.py`` and shipped as
``data/decency/model.npz`` (numpy only at run time). A board with its own classifier sets the
option ``decency_model`` to an ONNX file whose first input takes the post text as a string
tensor of shape [1] and whose first output gives one probability per category for that post;
the categories are listed, comma-separated, in the model's metadata key ``labels``. The option
``decency_model: none`` switches the learned part off (rules only).
"""

from __future__ import annotations

import itertools
import math
import zlib
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from socialprotocol.engine.analysers.decency.detect import Hit
from socialprotocol.engine.analysers.decency.normalise import NormText
from socialprotocol.engine.model import InputError

DIM = 1 << 16
LABELS = ("insult", "threat", "hate", "defamation", "doxxing", "sexual", "reputation")
# How far the model may move a rule's confidence (and so push a weak finding below the
# reporting threshold, or a borderline one above it).
NUDGE = 0.3


def features(nt: NormText, hits: Sequence[Hit]) -> list[int]:
    """Hashed feature indices of one post (training and run time use this same function)."""
    toks = ["<n>" if t.name_like else t.norm for t in nt.tokens]
    feats = ["<s>", *toks]
    feats.extend(f"{a} {b}" for a, b in itertools.pairwise(toks))
    feats.extend(f"<{t[:4]}" for t in toks if len(t) >= 6)
    feats.extend(f"{t[-4:]}>" for t in toks if len(t) >= 6)
    for h in hits:
        feats.append(f"hit:{h.category}")
        feats.append(f"hit:{h.category}:{h.reason}")
    return sorted({zlib.crc32(f.encode()) % DIM for f in feats})


class Scorer(Protocol):
    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]: ...

    def adjust(self, text: str, nt: NormText, hits: list[Hit]) -> list[Hit]: ...


class _Adjusting(ABC):
    """Shared policy: nudge the confidence of what the rules found by the model's opinion.

    The model never adds a finding on its own: trained on our corpus it learnt the rules'
    vocabulary, and on the blind functional batches it found nothing the rules missed."""

    @abstractmethod
    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]:
        """One probability per category label."""

    def adjust(self, text: str, nt: NormText, hits: list[Hit]) -> list[Hit]:
        if all(h.category == "profanity" for h in hits):
            return hits  # nothing the model weighs: most posts stop here
        probs = self.probabilities(text, nt, hits)
        out: list[Hit] = []
        for h in hits:
            p = probs.get(h.category)
            if p is None or h.category == "profanity":
                out.append(h)
                continue
            out.append(replace(h, weight=max(0.0, min(0.99, h.weight + NUDGE * (p - 0.5)))))
        return out


class LinearScorer(_Adjusting):
    def __init__(self, weights: npt.NDArray[np.float32], bias: npt.NDArray[np.float32],
                 labels: Sequence[str]) -> None:  # fmt: skip
        self.weights = weights
        self.bias = bias
        self.labels = tuple(labels)

    @classmethod
    def from_file(cls, path: Path | Any) -> LinearScorer:
        with np.load(path) as data:
            return cls(
                data["weights"].astype(np.float32), data["bias"].astype(np.float32),
                [str(x) for x in data["labels"]],
            )  # fmt: skip

    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]:
        idx = features(nt, hits)
        z = self.weights[idx].sum(axis=0) + self.bias
        return {
            lab: 1.0 / (1.0 + math.exp(-float(v))) for lab, v in zip(self.labels, z, strict=True)
        }


class OnnxScorer(_Adjusting):
    """A board's own classifier (e.g. a Dutch transformer with its tokenizer in the graph)."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort  # only boards that configure a model pay for the import

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        meta = self.session.get_modelmeta().custom_metadata_map
        labels = [x.strip() for x in meta.get("labels", "").split(",") if x.strip()]
        if not labels:
            raise InputError(f"Fatsoenmodel '{path}' heeft geen 'labels' in de metadata.")
        self.labels = tuple(labels)
        self.input = self.session.get_inputs()[0].name

    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]:
        out = self.session.run(None, {self.input: np.array([text], dtype=object)})[0]
        row = np.asarray(out, dtype=np.float32).reshape(-1)
        return {lab: float(v) for lab, v in zip(self.labels, row, strict=False)}


def default_model_path() -> Any:
    return resources.files("socialprotocol.engine") / "data" / "decency" / "model.npz"


def load_scorer(option: object) -> Scorer | None:
    """The configured backend: None/'default' -> shipped linear model, 'none' -> rules only,
    a path ending in .onnx -> OnnxScorer, another path -> a linear model file."""
    if option in (None, "", "default"):
        res = default_model_path()
        if not res.is_file():
            return None
        with resources.as_file(res) as path:
            return LinearScorer.from_file(path)
    if str(option).lower() in ("none", "off", "rules"):
        return None
    path = Path(str(option))
    if not path.is_file():
        raise InputError(f"Fatsoenmodel '{path}' bestaat niet of is geen bestand.")
    try:
        if path.suffix == ".onnx":
            return OnnxScorer(path)
        return LinearScorer.from_file(path)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"Fatsoenmodel '{path}' is niet te gebruiken ({type(exc).__name__}: {exc}). "
            "Verwacht: een ONNX-model met tekst als invoer en 'labels' in de metadata, "
            "of een .npz-bestand van tools/train_decency.py."
        ) from None
