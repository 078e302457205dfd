"""Logistic regression: fitted with numpy (Newton steps, L2 penalty), stored as JSON.

A few hundred features and a few thousand examples: a closed-form Newton step is exact and fast,
and the probabilities it gives are calibrated on the data it was fitted to, which is what both
models here are for. No runtime dependency beyond numpy.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class LogisticModel:
    features: tuple[str, ...]
    weights: FloatArray  # one per feature; "bias" is a feature that is always 1
    mean: FloatArray  # standardisation learnt at fit time
    scale: FloatArray

    def probability(self, x: FloatArray) -> FloatArray:
        """P(y = 1) for each row of x (columns in the order of `features`)."""
        z = ((x - self.mean) / self.scale) @ self.weights
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.features),
            "weights": [round(float(w), 6) for w in self.weights],
            "mean": [round(float(m), 6) for m in self.mean],
            "scale": [round(float(s), 6) for s in self.scale],
        }

    @classmethod
    def from_json(cls, data: dict[str, list[float] | list[str]]) -> LogisticModel:
        return cls(
            tuple(str(f) for f in data["features"]),
            np.asarray(data["weights"], dtype=np.float64),
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LogisticModel:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def fit(
    features: Sequence[str],
    x: FloatArray,
    y: npt.NDArray[np.bool_],
    penalty: float = 1.0,
    iterations: int = 50,
) -> LogisticModel:
    """Maximum a posteriori weights under a Gaussian prior of precision `penalty` (the bias is
    not penalised), on standardised columns so that one penalty suits every feature."""
    names = tuple(features)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    bias = names.index("bias")
    mean[bias], scale[bias] = 0.0, 1.0
    scale[scale < 1e-9] = 1.0
    xs = (x - mean) / scale
    target = y.astype(np.float64)
    prior = np.full(len(names), penalty)
    prior[bias] = 1e-6
    w = np.zeros(len(names))
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ w, -30.0, 30.0)))
        gradient = xs.T @ (p - target) + prior * w
        hessian = (xs * (p * (1.0 - p))[:, None]).T @ xs + np.diag(prior)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return LogisticModel(names, w, mean, scale)
