"""Transformer text encoders run in numpy from safetensors weights, for a process that embeds a few short texts.

A cold `lifelog ask` embeds one question and a cold `lifelog search` one description. Importing torch,
transformers and sentence-transformers to do that costs seconds on a small CPU; the same arithmetic in numpy on the
same weights gives the same vectors in milliseconds. This module holds the parts every such encoder is built of
(activations, linear layers, layer norms, attention blocks, weights read tensor by tensor from safetensors) and the
BERT sentence model: `BertSentenceModel.from_folder` reads a sentence-transformers folder of a BERT model
(all-MiniLM-L6-v2, paraphrase-multilingual-MiniLM-L12-v2). CLIP's text tower is built of the same parts
(numpy_clip.py). Any folder an encoder does not reproduce exactly raises NotSupported saying why, and the caller
loads the model on torch instead (models/sentence.py, models/clip.py).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..core.machine import numpy_blas_on_one_thread

class NotSupported(Exception):
    """A model folder the numpy encoder does not reproduce exactly; the message says what differs."""


def _erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7: under float32's own rounding
    of GELU's output), since numpy has none and scipy.special costs an import a cold process does not need."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(1 / math.sqrt(2))))


def _gelu_tanh(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(np.float32(math.sqrt(2 / math.pi)) * (x + 0.044715 * x**3)))


def _quick_gelu(x: np.ndarray) -> np.ndarray:
    return x / (1.0 + np.exp(-1.702 * x))


# transformers' names (config.json's hidden_act) for the activations computed here
ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "gelu": _gelu, "gelu_new": _gelu_tanh, "gelu_pytorch_tanh": _gelu_tanh, "gelu_fast": _gelu_tanh,
    "quick_gelu": _quick_gelu, "relu": lambda x: np.maximum(x, 0),
}


@dataclass(frozen=True)
class Linear:
    weight_in_out: np.ndarray  # (in, out): torch's (out, in) seen transposed (see Weights.linear)
    bias: np.ndarray | np.float32  # a layer without one (CLIP's text projection) adds a zero

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return x @ self.weight_in_out + self.bias


@dataclass(frozen=True)
class LayerNorm:
    weight: np.ndarray
    bias: np.ndarray
    eps: float

    def __call__(self, x: np.ndarray) -> np.ndarray:
        centred = x - x.mean(-1, keepdims=True)
        variance = (centred * centred).mean(-1, keepdims=True)
        return centred / np.sqrt(variance + np.float32(self.eps)) * self.weight + self.bias


@dataclass(frozen=True)
class EncoderLayer:
    """Self-attention then a feed-forward block, each added back to its input and normalised: after the addition
    (post-norm: BERT) or before the block (pre-norm: CLIP's text tower)."""

    query: Linear
    key: Linear
    value: Linear
    attention_out: Linear
    attention_norm: LayerNorm
    feed_in: Linear
    feed_out: Linear
    feed_norm: LayerNorm

    def __call__(self, x: np.ndarray, additive_mask: np.ndarray, heads: int, activation: Callable, pre_norm: bool) -> np.ndarray:
        if pre_norm:
            x = x + self._attention(self.attention_norm(x), additive_mask, heads)
            return x + self.feed_out(activation(self.feed_in(self.feed_norm(x))))
        x = self.attention_norm(x + self._attention(x, additive_mask, heads))
        return self.feed_norm(x + self.feed_out(activation(self.feed_in(x))))

    def _attention(self, x: np.ndarray, additive_mask: np.ndarray, heads: int) -> np.ndarray:
        batch, length, width = x.shape

        def split(projection: Linear) -> np.ndarray:  # (batch, heads, length, width / heads)
            return projection(x).reshape(batch, length, heads, width // heads).transpose(0, 2, 1, 3)

        query, key, value = split(self.query), split(self.key), split(self.value)
        scores = query @ key.transpose(0, 1, 3, 2) * np.float32(1 / math.sqrt(width // heads)) + additive_mask
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        return self.attention_out(context)


def padding_mask(attention: np.ndarray) -> np.ndarray:
    """(batch, 1, 1, length) additive mask: padding keys get float32's lowest value, as transformers gives them."""
    return np.where(attention[:, None, None, :], np.float32(0), np.finfo(np.float32).min).astype(np.float32)


def causal_mask(length: int) -> np.ndarray:
    """(1, 1, length, length) additive mask: each token attends to itself and those before it (a text decoder's
    attention, which CLIP's text tower has)."""
    later = np.triu(np.ones((length, length), bool), k=1)
    return np.where(later, np.finfo(np.float32).min, np.float32(0)).astype(np.float32)[None, None]


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


class Weights:
    """A safetensors file's float32 weights by name, each read only when asked for (CLIP's text tower takes its part
    of a file that holds the vision tower too), and a NotSupported naming the first one a model lacks.

    `prefixes`: what a checkpoint may put before every name ("bert." in some BERT checkpoints)."""

    def __init__(self, path: Path, prefixes: tuple[str, ...] = ("",)):
        if not path.is_file():
            raise NotSupported(f"it has no {path.name} (numpy reads safetensors only)")
        from safetensors import safe_open

        try:
            self._file = safe_open(str(path), framework="numpy")
        except Exception as error:
            raise NotSupported(f"its {path.name} could not be read ({error})") from error
        self._path = path
        self._names = set(self._file.keys())
        self._prefixes = prefixes

    def array(self, *names: str) -> np.ndarray:
        for name in names:  # old BERT checkpoints call a LayerNorm's weight and bias gamma and beta
            for prefix in self._prefixes:
                if prefix + name in self._names:
                    try:
                        return self._file.get_tensor(prefix + name).astype(np.float32, copy=False)
                    except Exception as error:  # e.g. bfloat16, which numpy has no type for
                        raise NotSupported(f"its {self._path.name} could not be read into numpy ({error})") from error
        raise NotSupported(f"its weights lack {names[0]}")

    def linear(self, prefix: str, bias: bool = True) -> Linear:
        weight = self.array(f"{prefix}.weight")
        # torch's (out, in) read as (in, out) where it lies: BLAS multiplies it transposed, and a transposed copy costs
        # more at load (0.5 s of CPU for CLIP's text tower) than it saves on a few texts. An unaligned one is copied:
        # numpy multiplies that in its own loop, a hundred times slower.
        weight_in_out = weight.T if weight.flags.aligned else np.ascontiguousarray(weight.T)
        return Linear(weight_in_out, self.array(f"{prefix}.bias") if bias else np.float32(0))

    def layer_norm(self, prefix: str, eps: float) -> LayerNorm:
        return LayerNorm(self.array(f"{prefix}.weight", f"{prefix}.gamma"), self.array(f"{prefix}.bias", f"{prefix}.beta"), eps)


def _module_kind(module: dict) -> str:
    """A sentence-transformers module's class name ("Transformer", "Pooling", "Normalize", "Dense", ...)."""
    return str(module.get("type", "")).rsplit(".", 1)[-1]


def _pooling_mode(config: dict) -> str:
    """The one pooling mode a Pooling module's config names (as `pooling_mode`, or as one flag per mode in older
    configs; mean when none is set, as sentence-transformers defaults)."""
    mode = config.get("pooling_mode")
    if mode is None:
        mode = [key.removeprefix("pooling_mode_") for key, value in config.items() if key.startswith("pooling_mode_") and value] or "mean"
    if isinstance(mode, list) and len(mode) == 1:
        mode = mode[0]
    mode = {"mean_tokens": "mean", "cls_token": "cls", "max_tokens": "max"}.get(mode, mode) if isinstance(mode, str) else mode
    if mode not in ("mean", "cls", "max"):
        raise NotSupported(f"its pooling {mode!r} is not mean, CLS or max pooling")
    return mode


@dataclass(frozen=True)
class BertSentenceModel:
    """A BERT sentence-transformers model (Transformer, Pooling, Normalize) computed in numpy."""

    tokenizer: object  # tokenizers.Tokenizer, truncating as sentence-transformers does and never padding
    words: np.ndarray
    positions: np.ndarray
    token_types: np.ndarray
    embedding_norm: LayerNorm
    layers: tuple[EncoderLayer, ...]
    heads: int
    activation: Callable[[np.ndarray], np.ndarray]
    pooling: str  # "mean", "cls" or "max"

    @property
    def dim(self) -> int:
        return int(self.words.shape[1])

    @classmethod
    def from_folder(cls, folder: str | Path) -> "BertSentenceModel":
        """Read a saved sentence-transformers model; NotSupported when it is not one computed here exactly."""
        folder = Path(folder)
        modules = read_json(folder / "modules.json")
        kinds = [_module_kind(module) for module in modules]
        if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
            raise NotSupported(f"its modules are {kinds or 'not listed (no modules.json)'}, not a Transformer, Pooling and Normalize")
        if read_json(folder / "config_sentence_transformers.json").get("default_prompt_name"):
            raise NotSupported("it puts a default prompt before every text")
        transformer = folder / modules[0].get("path", "")
        config = read_json(transformer / "config.json")
        if config.get("model_type") != "bert" or config.get("position_embedding_type", "absolute") != "absolute":
            raise NotSupported(f"it is a {config.get('model_type')!r} model, not BERT with absolute positions")
        if config.get("hidden_act") not in ACTIVATIONS:
            raise NotSupported(f"its activation {config.get('hidden_act')!r} is not computed here")
        module_config = read_json(transformer / "sentence_bert_config.json")
        if module_config.get("transformer_task", "feature-extraction") != "feature-extraction" or module_config.get("processing_kwargs"):
            raise NotSupported("its Transformer module is configured beyond a feature extractor's defaults")
        pooling = _pooling_mode(read_json(folder / modules[1].get("path", "") / "config.json"))
        longest = module_config.get("max_seq_length") or min(
            int(read_json(transformer / "tokenizer_config.json").get("model_max_length", 10**9)), int(config["max_position_embeddings"]),
        )
        tokenizer = _tokenizer(transformer, int(longest), bool(module_config.get("do_lower_case")))
        weights = Weights(transformer / "model.safetensors", prefixes=("", "bert."))
        eps = float(config.get("layer_norm_eps", 1e-12))
        layers = tuple(
            EncoderLayer(
                query=weights.linear(f"encoder.layer.{n}.attention.self.query"),
                key=weights.linear(f"encoder.layer.{n}.attention.self.key"),
                value=weights.linear(f"encoder.layer.{n}.attention.self.value"),
                attention_out=weights.linear(f"encoder.layer.{n}.attention.output.dense"),
                attention_norm=weights.layer_norm(f"encoder.layer.{n}.attention.output.LayerNorm", eps),
                feed_in=weights.linear(f"encoder.layer.{n}.intermediate.dense"),
                feed_out=weights.linear(f"encoder.layer.{n}.output.dense"),
                feed_norm=weights.layer_norm(f"encoder.layer.{n}.output.LayerNorm", eps),
            )
            for n in range(int(config["num_hidden_layers"]))
        )
        return cls(
            tokenizer=tokenizer, words=weights.array("embeddings.word_embeddings.weight"),
            positions=weights.array("embeddings.position_embeddings.weight"),
            token_types=weights.array("embeddings.token_type_embeddings.weight"),
            embedding_norm=weights.layer_norm("embeddings.LayerNorm", eps), layers=layers,
            heads=int(config["num_attention_heads"]), activation=ACTIVATIONS[config["hidden_act"]], pooling=pooling,
        )

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Sentence vectors (not yet unit length) of the texts, batch by batch, each batch padded to its longest."""
        with numpy_blas_on_one_thread():
            parts = [self._embed_batch(list(texts[start:start + batch_size])) for start in range(0, len(texts), batch_size)]
        return np.concatenate(parts) if parts else np.zeros((0, self.dim), np.float32)

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        length = max(len(encoding.ids) for encoding in encodings)
        ids = np.zeros((len(texts), length), np.int64)
        types = np.zeros_like(ids)
        attention = np.zeros((len(texts), length), bool)
        for row, encoding in enumerate(encodings):
            ids[row, :len(encoding.ids)], types[row, :len(encoding.ids)] = encoding.ids, encoding.type_ids
            attention[row, :len(encoding.ids)] = True
        x = self.embedding_norm(self.words[ids] + self.positions[:length] + self.token_types[types])
        mask = padding_mask(attention)
        for layer in self.layers:
            x = layer(x, mask, self.heads, self.activation, pre_norm=False)
        return _pool(x, attention, self.pooling)


def _pool(tokens: np.ndarray, attention: np.ndarray, mode: str) -> np.ndarray:
    if mode == "cls":
        return tokens[:, 0]
    if mode == "max":
        return np.where(attention[..., None], tokens, np.float32(-1e9)).max(1)
    weights = attention[..., None].astype(np.float32)
    return (tokens * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)


def _tokenizer(folder: Path, longest: int, lowercase: bool):
    """BERT's WordPiece tokenizer as transformers builds it: the vocabulary from tokenizer.json, the normalising and
    the [CLS] … [SEP] template from tokenizer_config.json (transformers rebuilds those from it, whatever tokenizer.json
    says); truncated (longest first) to the model's length and unpadded, as sentence-transformers calls it; lower-cased
    first when the sentence-transformers module says so."""
    config, tokenizer = read_tokenizer(folder, "BertTokenizer", "BERT's WordPiece tokenizer")
    from tokenizers import normalizers, pre_tokenizers, processors

    tokenizer.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=config.get("tokenize_chinese_chars", True),
        strip_accents=config.get("strip_accents"), lowercase=config.get("do_lower_case", True),
    )
    if lowercase:
        tokenizer.normalizer = normalizers.Sequence([normalizers.Lowercase(), tokenizer.normalizer])
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    first, last = (token_text(config.get(name, default)) for name, default in (("cls_token", "[CLS]"), ("sep_token", "[SEP]")))
    ids = {token: tokenizer.token_to_id(token) for token in (first, last)}
    if None in ids.values():
        raise NotSupported(f"its vocabulary lacks {first} or {last}")
    tokenizer.post_processor = processors.TemplateProcessing(single=f"{first}:0 $A:0 {last}:0", special_tokens=list(ids.items()))
    tokenizer.no_padding()
    tokenizer.enable_truncation(longest)
    return tokenizer


def read_tokenizer(folder: Path, tokenizer_class: str, what: str) -> tuple[dict, object]:
    """(tokenizer_config.json, tokenizers.Tokenizer read from tokenizer.json) of a folder whose tokenizer is
    `tokenizer_class` (or its Fast twin); NotSupported when it is another or there is no tokenizer.json."""
    config = read_json(folder / "tokenizer_config.json")
    if config.get("tokenizer_class") not in (tokenizer_class, tokenizer_class + "Fast"):
        raise NotSupported(f"its tokenizer is {config.get('tokenizer_class')!r}; numpy reproduces {what} only")
    if not (folder / "tokenizer.json").is_file():
        raise NotSupported("it has no tokenizer.json")
    from tokenizers import Tokenizer

    return config, Tokenizer.from_file(str(folder / "tokenizer.json"))


def token_text(token: str | dict) -> str:
    """A special token as tokenizer_config.json writes it: the text, or an AddedToken's fields."""
    return token["content"] if isinstance(token, dict) else str(token)


def local_folder(source: str, cached: bool) -> Path:
    """The model's folder on this machine: the source itself, or a cached hub model's snapshot."""
    if not cached:
        if Path(source).is_dir():
            return Path(source)
        raise NotSupported("it is not on this machine yet (the torch loader downloads it)")
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(source, local_files_only=True))
    except Exception as error:  # the torch loader then finds what it needs, or says what is missing
        raise NotSupported(f"its snapshot is not in the local cache ({error})") from error
