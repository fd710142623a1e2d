"""CLIP's text tower in numpy, read from a transformers CLIP folder (config.json, model.safetensors, tokenizer.json).

A cold `lifelog search` embeds one description. Importing torch and transformers and loading the whole of CLIP to do
that costs seconds on a small CPU; the text tower's arithmetic in numpy on the same weights gives the same vector.
`ClipTextModel.from_folder` reproduces transformers' `CLIPModel.get_text_features` (causal pre-norm layers, the final
layer norm, the end token's output, the text projection) and its CLIP tokenizer; a folder it does not reproduce
exactly raises NotSupported saying why, and the caller loads CLIP on torch instead (models/clip.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..core.machine import numpy_blas_on_one_thread
from .numpy_transformer import (
    ACTIVATIONS, EncoderLayer, LayerNorm, Linear, NotSupported, Weights, causal_mask, padding_mask, read_json, read_tokenizer, token_text,
)

# CLIPTextConfig's defaults, for the keys a config.json leaves out (transformers 4 wrote only what differed from them)
TEXT_CONFIG_DEFAULTS = {
    "hidden_act": "quick_gelu", "layer_norm_eps": 1e-5, "num_attention_heads": 8, "num_hidden_layers": 12,
    "max_position_embeddings": 77, "eos_token_id": 49407,
}
# Configs written before transformers corrected CLIP's eos_token_id (its PR 24773) say 2; for them transformers
# takes the output at each row's highest token id, which in CLIP's vocabulary is the end-of-text token's
LEGACY_EOS_TOKEN_ID = 2


@dataclass(frozen=True)
class ClipTextModel:
    """CLIP's text tower and text projection computed in numpy; `embed` gives what get_text_features gives."""

    tokenizer: object  # tokenizers.Tokenizer: CLIP's BPE as transformers builds it, neither truncating nor padding
    longest: int  # the tokens the tower reads, start and end tokens included (77)
    end_id: int  # the end-of-text token, put last when a text is truncated
    pad_id: int
    pooled_token: int | None  # the id whose first place in a row is pooled; None: the row's highest id (old configs)
    words: np.ndarray
    positions: np.ndarray
    layers: tuple[EncoderLayer, ...]
    heads: int
    activation: Callable[[np.ndarray], np.ndarray]
    final_norm: LayerNorm
    projection: Linear

    @property
    def dim(self) -> int:
        return int(self.projection.weight_in_out.shape[1])

    @classmethod
    def from_folder(cls, folder: str | Path) -> "ClipTextModel":
        """Read a saved transformers CLIPModel's text side; NotSupported when it is not one computed here exactly."""
        folder = Path(folder)
        config = read_json(folder / "config.json")
        if config.get("model_type") != "clip":
            kind = config.get("model_type") or ("open_clip" if (folder / "open_clip_config.json").is_file() else None)
            what = f"a {kind!r} model" if kind else "not a transformers model (it has no config.json)"
            raise NotSupported(f"it is {what}, not transformers' CLIP")
        text = _text_config(config)
        if text["hidden_act"] not in ACTIVATIONS:
            raise NotSupported(f"its text activation {text['hidden_act']!r} is not computed here")
        if not isinstance(text["eos_token_id"], int):
            raise NotSupported(f"its eos_token_id {text['eos_token_id']!r} is not one token")
        longest = int(text["max_position_embeddings"])
        tokenizer, end_id, pad_id = _clip_tokenizer(folder)
        weights = Weights(folder / "model.safetensors")
        eps = float(text["layer_norm_eps"])

        def layer(n: int) -> EncoderLayer:
            prefix = f"text_model.encoder.layers.{n}"
            return EncoderLayer(
                query=weights.linear(f"{prefix}.self_attn.q_proj"), key=weights.linear(f"{prefix}.self_attn.k_proj"),
                value=weights.linear(f"{prefix}.self_attn.v_proj"), attention_out=weights.linear(f"{prefix}.self_attn.out_proj"),
                attention_norm=weights.layer_norm(f"{prefix}.layer_norm1", eps), feed_in=weights.linear(f"{prefix}.mlp.fc1"),
                feed_out=weights.linear(f"{prefix}.mlp.fc2"), feed_norm=weights.layer_norm(f"{prefix}.layer_norm2", eps),
            )

        return cls(
            tokenizer=tokenizer, longest=longest, end_id=end_id, pad_id=pad_id,
            pooled_token=None if text["eos_token_id"] == LEGACY_EOS_TOKEN_ID else int(text["eos_token_id"]),
            words=weights.array("text_model.embeddings.token_embedding.weight"),
            positions=weights.array("text_model.embeddings.position_embedding.weight")[:longest],
            layers=tuple(layer(n) for n in range(int(text["num_hidden_layers"]))), heads=int(text["num_attention_heads"]),
            activation=ACTIVATIONS[text["hidden_act"]], final_norm=weights.layer_norm("text_model.final_layer_norm", eps),
            projection=weights.linear("text_projection", bias=False),
        )

    def token_count(self, text: str) -> int:
        """The text's tokens, without the start and end tokens and untruncated."""
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The texts' CLIP text features (not yet unit length), as one batch padded to its longest text."""
        ids, lengths = self._token_ids(texts)
        with numpy_blas_on_one_thread():
            x = self.words[ids] + self.positions[:ids.shape[1]]
            # each token sees those before it, padding hidden too as transformers hides it (which matters only where an
            # old config's vector is taken at a pad token, one with a higher id than the text's own)
            mask = np.minimum(causal_mask(ids.shape[1]), padding_mask(np.arange(ids.shape[1]) < lengths[:, None]))
            for layer in self.layers:
                x = layer(x, mask, self.heads, self.activation, pre_norm=True)
            ends = ids.argmax(1) if self.pooled_token is None else (ids == self.pooled_token).argmax(1)
            return self.projection(self.final_norm(x[np.arange(len(ids)), ends]))

    def _token_ids(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(ids (texts, longest text's tokens), each text's tokens): truncated as transformers truncates (the text's
        tokens cut so that the end token still comes last), padded with the pad token as it pads a batch."""
        rows = [encoding.ids for encoding in self.tokenizer.encode_batch(list(texts))]
        rows = [row if len(row) <= self.longest else [*row[:self.longest - 1], self.end_id] for row in rows]
        lengths = np.array([len(row) for row in rows])
        ids = np.full((len(rows), lengths.max()), self.pad_id, np.int64)
        for index, row in enumerate(rows):
            ids[index, :len(row)] = row
        return ids, lengths


def _text_config(config: dict) -> dict:
    """The text tower's settings as transformers reads them: text_config over the defaults, and where an older
    config has text_config_dict, that over the defaults over text_config (transformers' own order)."""
    text = {**TEXT_CONFIG_DEFAULTS, **(config.get("text_config") or {})}
    if config.get("text_config_dict") is not None:
        text.update({**TEXT_CONFIG_DEFAULTS, **config["text_config_dict"]})
    return text


def _clip_tokenizer(folder: Path) -> tuple[object, int, int]:
    """(tokenizer, end token id, pad token id): CLIP's tokenizer as transformers' CLIPTokenizer builds it, which takes
    only the BPE vocabulary and merges from tokenizer.json and sets the rest itself (lower-casing, the split into
    words, byte-level letters, the start and end tokens around the text)."""
    config, tokenizer = read_tokenizer(folder, "CLIPTokenizer", "CLIP's byte-level BPE tokenizer")
    from tokenizers import Regex, normalizers, pre_tokenizers, processors

    if type(tokenizer.model).__name__ != "BPE":
        raise NotSupported(f"its tokenizer.json holds a {type(tokenizer.model).__name__} model, not CLIP's BPE")
    # transformers' CLIPTokenizer defaults, for a tokenizer_config.json that names none
    start = token_text(config.get("bos_token", "<|startoftext|>"))
    end, pad, unknown = (token_text(config.get(name, "<|endoftext|>")) for name in ("eos_token", "pad_token", "unk_token"))
    model = tokenizer.model
    model.dropout, model.continuing_subword_prefix, model.end_of_word_suffix = None, "", "</w>"
    model.fuse_unk, model.unk_token = False, unknown
    tokenizer.add_special_tokens([start, end, pad, unknown])
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Replace(Regex(r"\s+"), " "), normalizers.Lowercase()])
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(
            Regex(r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""),
            behavior="removed", invert=True,
        ),
        pre_tokenizers.ByteLevel(add_prefix_space=False),
    ])
    ids = {token: tokenizer.token_to_id(token) for token in (start, end, pad)}
    if None in ids.values():
        raise NotSupported(f"its vocabulary lacks {start}, {end} or {pad}")
    tokenizer.post_processor = processors.RobertaProcessing((end, ids[end]), (start, ids[start]), trim_offsets=False, add_prefix_space=False)
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer, ids[end], ids[pad]
