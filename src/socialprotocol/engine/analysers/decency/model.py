"""The learned part of the decency check: a second opinion on what the rules found, and a
finding of its own where it is confident and no rule fired.

Default backend: a logistic model per category (and one for "any violation") over the hashed
features of ``features.Featuriser``, trained by ``tools/train_decency.py`` on labelled posts
of many writers and shipped as ``data/decency/model.npz`` (numpy only at run time). The file
also holds the thresholds chosen by cross-validation at training time: from which probability
the model adds a finding of its own, and below which it drops a weak rule finding.

A board with its own classifier sets the option ``decency_model`` to an ONNX file whose first
input takes the post text as a string tensor of shape [1] and whose first output gives one
probability per category for that post; the categories are listed, comma-separated, in the
model's metadata key ``labels``. Such a model only moves the rules' confidence unless its
metadata also sets ``add_at`` (and optionally ``drop_below``). The option ``decency_model:
none`` switches the learned part off (rules only).
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from socialprotocol.engine.analysers.decency.detect import Hit
from socialprotocol.engine.analysers.decency.features import Featuriser
from socialprotocol.engine.analysers.decency.normalise import NormText
from socialprotocol.engine.model import InputError

LABELS = ("insult", "threat", "hate", "defamation", "doxxing", "sexual", "reputation")
ANY = "any"
# How far the model may move a rule's confidence (and so push a weak finding below the
# reporting threshold, or a borderline one above it).
NUDGE = 0.3
_SENTENCE = re.compile(r"[.!?;\n]+")


@dataclass(frozen=True, slots=True)
class Policy:
    """When the model acts on its own (None: never)."""

    add_at: float | None = None  # P(any violation) from which it adds a finding
    drop_below: float | None = None  # P(any violation) under which a weak rule finding goes
    weak_below: float = 0.0  # a rule finding this sure or surer is never dropped


class Scorer(Protocol):
    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]: ...

    def adjust(self, text: str, nt: NormText, hits: list[Hit]) -> list[Hit]: ...


class _Adjusting(ABC):
    """Shared policy: nudge the rules' confidence by the model's opinion, drop a weak rule
    finding the model is sure is benign, add a finding the model is sure of."""

    policy = Policy()

    @abstractmethod
    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]:
        """One probability per category label (and optionally ``any``)."""

    def sentence_probability(self, nt: NormText, hits: Sequence[Hit], label: str) -> list[
        tuple[float, int, int]
    ]:  # fmt: skip
        """(probability, start, end) per sentence, for the span of a finding of the model's own.
        Backends that cannot score a part of a post give the whole post."""
        return [(1.0, 0, len(nt.text))]

    def any_probability(self, nt: NormText, hits: Sequence[Hit]) -> float | None:
        """P(any violation) if a backend has a quick way to it (None: it has not)."""
        return None

    def adjust(self, text: str, nt: NormText, hits: list[Hit]) -> list[Hit]:
        pol = self.policy
        if all(h.category == "profanity" for h in hits):
            if pol.add_at is None:
                return hits  # nothing the model weighs
            quick = self.any_probability(nt, hits)
            if quick is not None and quick < pol.add_at:
                return hits  # most posts stop here
        probs = self.probabilities(text, nt, hits)
        cats = {c: p for c, p in probs.items() if c in LABELS}
        if not cats:
            return hits
        v = probs.get(ANY, max(cats.values()))
        out: list[Hit] = []
        for h in hits:
            p = probs.get(h.category)
            if p is None or h.category == "profanity":
                out.append(h)
                continue
            if pol.drop_below is not None and v < pol.drop_below and h.weight < pol.weak_below:
                continue  # a weak rule finding the model is sure is benign
            out.append(replace(h, weight=max(0.0, min(0.99, h.weight + NUDGE * (p - 0.5)))))
        if (
            pol.add_at is not None and v >= pol.add_at
            and all(h.category == "profanity" for h in out)
        ):  # fmt: skip
            out.append(self._own_finding(nt, hits, cats, v, pol.add_at))
        return out

    def _own_finding(
        self, nt: NormText, hits: Sequence[Hit], cats: dict[str, float], v: float, at: float
    ) -> Hit:
        label = max(cats, key=lambda c: cats[c])
        _, start, end = max(self.sentence_probability(nt, hits, label))
        text = nt.text
        while start < end and not text[start].isalnum() and text[start] != "§":
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        weight = 0.6 + 0.3 * (v - at) / max(1e-6, 1.0 - at)
        return Hit(label, start, end, round(weight, 3), "model", f"{v:.2f}")


class LinearScorer(_Adjusting):
    def __init__(self, keys: npt.NDArray[np.uint32], weights: npt.NDArray[np.float32],
                 bias: npt.NDArray[np.float32], labels: Sequence[str], featuriser: Featuriser,
                 policy: Policy) -> None:  # fmt: skip
        self.rows = dict(zip(keys.tolist(), range(len(keys)), strict=True))
        # One extra all-zero row for features the model never learnt.
        self.weights = np.vstack([weights, np.zeros((1, weights.shape[1]), np.float32)])
        self.bias = bias
        self.labels = tuple(labels)
        self.featuriser = featuriser
        self.policy = policy
        k = self.labels.index(ANY) if ANY in self.labels else None
        self._w_any = None if k is None else self.weights[:, k].tolist()
        self._b_any = 0.0 if k is None else float(bias[k])
        # Per word pair: the sum of its "any" weights, and of all weights (see _per_step).
        self._steps: dict[tuple[tuple[str, bool] | None, tuple[str, bool]], float] = {}
        self._step_vectors: dict[tuple[tuple[str, bool] | None, tuple[str, bool]], Any] = {}
        # Per word: the same sums of its own features (see _per_step).
        self._units: dict[tuple[str, bool], float] = {}
        self._unit_vectors: dict[tuple[str, bool], Any] = {}
        self._name_weights: dict[str, float] = {}

    @classmethod
    def from_file(cls, path: Path | Any, featuriser: Featuriser) -> LinearScorer:
        with np.load(path) as data:
            pairs = zip(data["policy_keys"], data["policy"], strict=True)
            th = {str(k): float(v) for k, v in pairs if not math.isnan(float(v))}  # NaN: never
            return cls(
                data["keys"].astype(np.uint32), data["weights"].astype(np.float32),
                data["bias"].astype(np.float32), [str(x) for x in data["labels"]], featuriser,
                Policy(th.get("add_at"), th.get("drop_below"), th.get("weak_below", 0.0)),
            )  # fmt: skip

    def _logits(self, tokens: Sequence[Any], text: str, hits: Sequence[Hit]) -> Any:
        miss = len(self.rows)
        get = self.rows.get
        idx = [get(h, miss) for h in self.featuriser.hashes(tokens, text, hits)]
        return self.weights[idx].sum(axis=0) + self.bias

    def _weight_any(self, names: list[str]) -> float:
        assert self._w_any is not None
        w, get, miss, h = self._w_any, self.rows.get, len(self.rows), self.featuriser.hash
        # Per feature name its weight: letter grams and word classes recur in new word pairs.
        cache = self._name_weights
        total = 0.0
        for n in names:
            v = cache.get(n)
            if v is None:
                v = w[get(h(n), miss)]
                if len(cache) < 500_000:
                    cache[n] = v
            total += v
        return float(total)

    def any_probability(self, nt: NormText, hits: Sequence[Hit]) -> float | None:
        """The same sum as ``probabilities`` for one label, from cached per-word parts."""
        if self._w_any is None:
            return None
        z = self._b_any + self._weight_any(self.featuriser.post(nt.tokens, nt.text, hits))
        z += sum(self._per_step(nt, self._steps, self._units, self._weight_any, 300_000))
        return 1.0 / (1.0 + math.exp(-z))

    def _per_step(
        self, nt: NormText, steps: dict[Any, Any], units: dict[Any, Any], value: Any, limit: int
    ) -> list[Any]:
        """The value of each word's features with its pair to the word before, cached by that
        pair of words: posts repeat their words, so most posts are scored from the cache. A new
        pair mostly joins words seen before: each word's own part is cached too."""
        f = self.featuriser
        out = []
        prev: Any = None
        key: tuple[str, bool] | None = None
        for tok in nt.tokens:
            step = (key, key := (tok.norm, tok.name_like))
            v = steps.get(step)
            if v is None:
                u = units.get(key)
                if u is None:
                    u = value(f.unit(tok))
                    if len(units) < limit:
                        units[key] = u
                v = u if prev is None else u + value(f.pair(prev, tok))
                if len(steps) < limit:
                    steps[step] = v
            out.append(v)
            prev = tok
        return out

    def _vector(self, names: list[str]) -> Any:
        get, miss, h = self.rows.get, len(self.rows), self.featuriser.hash
        return self.weights[[get(h(n), miss) for n in names]].sum(axis=0)

    def _post_logits(self, nt: NormText, hits: Sequence[Hit]) -> Any:
        """``_logits`` of the whole post from cached per-word-pair vectors (posts with findings
        would otherwise hash every letter n-gram again)."""
        parts = [self._vector(self.featuriser.post(nt.tokens, nt.text, hits))]
        parts.extend(self._per_step(nt, self._step_vectors, self._unit_vectors, self._vector, 50_000))
        return np.sum(parts, axis=0) + self.bias

    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]:
        z = self._post_logits(nt, hits)
        return {
            lab: 1.0 / (1.0 + math.exp(-float(v))) for lab, v in zip(self.labels, z, strict=True)
        }

    def sentence_probability(self, nt: NormText, hits: Sequence[Hit], label: str) -> list[
        tuple[float, int, int]
    ]:  # fmt: skip
        k = self.labels.index(label)
        out = []
        lo = 0
        for end in [m.start() for m in _SENTENCE.finditer(nt.text)] + [len(nt.text)]:
            toks = [t for t in nt.tokens if lo <= t.at and t.to <= end]
            if toks:
                part = [h for h in hits if lo <= h.start < end]
                z = float(self._logits(toks, nt.text[lo:end], part)[k])
                out.append((z, lo, end))
            lo = end + 1
        return out or [(0.0, 0, len(nt.text))]


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
        try:
            add, drop = (meta.get(k) for k in ("add_at", "drop_below"))
            self.policy = Policy(
                float(add) if add else None, float(drop) if drop else None,
                float(meta.get("weak_below", "0.8")),
            )  # fmt: skip
        except ValueError:
            msg = f"Fatsoenmodel '{path}': 'add_at'/'drop_below' zijn geen getallen."
            raise InputError(msg) from None

    def probabilities(self, text: str, nt: NormText, hits: Sequence[Hit]) -> dict[str, float]:
        out = self.session.run(None, {self.input: np.array([text], dtype=object)})[0]
        row = np.asarray(out, dtype=np.float32).reshape(-1)
        return {lab: float(v) for lab, v in zip(self.labels, row, strict=False)}


def default_model_path() -> Any:
    return resources.files("socialprotocol.engine") / "data" / "decency" / "model.npz"


def load_scorer(option: object, featuriser: Featuriser) -> Scorer | None:
    """The configured backend: None/'default' -> shipped linear model, 'none' -> rules only,
    a path ending in .onnx -> OnnxScorer, another path -> a linear model file."""
    if option in (None, "", "default"):
        res = default_model_path()
        if not res.is_file():
            return None
        with resources.as_file(res) as path:
            return LinearScorer.from_file(path, featuriser)
    if str(option).lower() in ("none", "off", "rules"):
        return None
    path = Path(str(option))
    if not path.is_file():
        raise InputError(f"Fatsoenmodel '{path}' bestaat niet of is geen bestand.")
    try:
        if path.suffix == ".onnx":
            return OnnxScorer(path)
        return LinearScorer.from_file(path, featuriser)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"Fatsoenmodel '{path}' is niet te gebruiken ({type(exc).__name__}: {exc}). "
            "Verwacht: een ONNX-model met tekst als invoer en 'labels' in de metadata, "
            "of een .npz-bestand van tools/train_decency.py."
        ) from None
