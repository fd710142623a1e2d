"""CLIP's text tower computed in numpy: the same vectors as transformers' CLIP gives, torch only where numpy cannot
read the model (and the reason is said), and a cold `lifelog search` that never imports torch."""

import json
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.core.settings import Settings
from assistant.models import clip_text_for_library, load_clip
from assistant.models.clip import load_numpy_clip_text
from assistant.models.clip_text import NUMPY, TORCH
from assistant.testing.models import save_random_clip

WORDS = ["coffee", "cafe", "dublin", "cup", "bus", "the", "a", "in"]  # tokens numbered after the end token
TEXTS = [
    "a cup of coffee in a cafe in Dublin",
    "COFFEE in DUBLIN",  # capitals: CLIP's tokenizer lower-cases
    "café à Dublin, naïve façade",  # accents: byte-level letters
    "☕ 日本 coffee's   cups!!",  # characters outside the vocabulary's words, an apostrophe, repeated spaces
    "",
    "the bus",
    "a cup of coffee with milk in the cafe. " * 12,  # longer than CLIP's 77 tokens: read in parts, averaged
    "cafe" + "x" * 120,  # one word longer than the context: truncated, its end token kept last
]


@pytest.fixture(scope="module", params=["quick_gelu", "gelu"])
def activation(request):
    return request.param


def both_ways(folder: Path, texts=TEXTS) -> tuple[np.ndarray, np.ndarray]:
    fast = load_numpy_clip_text(str(folder))
    assert fast.engine == NUMPY
    return fast.encode_texts(texts, batch_size=3), load_clip(str(folder), device="cpu", precision="fp32").encode_texts(texts, batch_size=3)


def _padding_with(folder: Path, token: str) -> Path:
    """The folder's tokenizer set to pad batches with another token."""
    config = json.loads((folder / "tokenizer_config.json").read_text())
    (folder / "tokenizer_config.json").write_text(json.dumps({**config, "pad_token": token}))
    return folder


@pytest.mark.parametrize("legacy_eos, pad_token", [
    (False, None),
    (True, None),
    (True, "in</w>"),  # an old config takes a padded text's vector at its first pad, the highest id: which sees no padding
])
def test_numpy_gives_the_text_vectors_transformers_gives(tmp_path, activation, legacy_eos, pad_token):
    folder = save_random_clip(tmp_path, words=WORDS, legacy_eos=legacy_eos, hidden_act=activation)
    fast, reference = both_ways(_padding_with(folder, pad_token) if pad_token else folder)
    assert np.abs(fast - reference).max() < 1e-5
    assert np.einsum("ij,ij->i", fast, reference).min() >= 0.9999
    different = fast @ fast.T
    assert different[~np.eye(len(TEXTS), dtype=bool)].max() < 0.99  # the texts' vectors differ: the comparison is sharp


def test_old_and_new_configs_take_the_text_vector_at_different_tokens(tmp_path):
    """A config that says eos_token_id 2 takes each text's vector at its highest token id, one that names the end
    token at that token: with words numbered after the end token the two differ, and numpy follows each."""
    new, legacy = (load_numpy_clip_text(str(save_random_clip(tmp_path / str(old), words=WORDS, legacy_eos=old))) for old in (False, True))
    text = ["a cup of coffee"]  # "cup" has the highest id, the end token's is lower
    assert np.dot(new.encode_texts(text)[0], legacy.encode_texts(text)[0]) < 0.99


def test_numpy_tokenizes_as_transformers_does(tmp_path):
    from transformers import AutoTokenizer

    folder = save_random_clip(tmp_path, words=WORDS)
    model = load_numpy_clip_text(str(folder))._model
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    reference = tokenizer(TEXTS, padding=True, truncation=True, max_length=77)["input_ids"]
    assert model._token_ids(TEXTS)[0].tolist() == reference
    assert max(map(len, reference)) == 77 and max(reference[0]) > 513  # truncated, and merged words' own tokens
    assert [model.token_count(text) for text in TEXTS] == [len(ids) for ids in tokenizer(TEXTS, add_special_tokens=False)["input_ids"]]


def _without_safetensors(folder: Path) -> Path:
    import torch
    from safetensors.torch import load_file

    torch.save(load_file(folder / "model.safetensors"), folder / "pytorch_model.bin")
    (folder / "model.safetensors").unlink()
    return folder


def _without_tokenizer_json(folder: Path) -> Path:
    """The tokenizer as older checkpoints keep it: vocab.json and merges.txt, which transformers reads too."""
    model = json.loads((folder / "tokenizer.json").read_text())["model"]
    (folder / "vocab.json").write_text(json.dumps(model["vocab"]))
    (folder / "merges.txt").write_text("#version: 0.2\n" + "".join(" ".join(merge) + "\n" for merge in model["merges"]))
    (folder / "tokenizer.json").unlink()
    return folder


@pytest.mark.parametrize("make, reason", [
    (lambda folder: _without_safetensors(save_random_clip(folder)), "no model.safetensors"),
    (lambda folder: _without_tokenizer_json(save_random_clip(folder, words=WORDS)), "no tokenizer.json"),
    (lambda folder: save_random_clip(folder, hidden_act="silu"), "activation 'silu'"),
])
def test_a_clip_numpy_cannot_read_runs_on_torch_and_says_why(tmp_path, caplog, make, reason):
    folder = make(tmp_path / "clip")
    settings = Settings.resolve(model=str(folder))
    with caplog.at_level(logging.INFO, logger="assistant.models.clip"):
        encoder, why = clip_text_for_library(str(folder), settings)
    assert encoder.engine == TORCH
    assert reason in why and reason in caplog.text
    reference = load_clip(str(folder), device="cpu", precision="fp32").encode_texts(TEXTS)
    assert np.einsum("ij,ij->i", encoder.encode_texts(TEXTS), reference).min() >= 0.9999


DESCRIPTION = "a cup of coffee in a cafe"


def _cold_search(library: Path, *arguments: str) -> subprocess.CompletedProcess:
    script = (
        "import sys\n"
        "from assistant.cli.commands import main\n"
        f"code = main(['search', {DESCRIPTION!r}, '--library', {str(library)!r}, '--json', *{list(arguments)!r}])\n"
        "print('heavy:', sorted({'torch', 'transformers', 'sentence_transformers'} & set(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)


def test_a_cold_lifelog_search_embeds_the_description_without_torch(tmp_path):
    from PIL import Image

    from assistant.library import Library
    from assistant.query import QueryContext
    from assistant.search import SearchRequest, search
    from assistant.testing.library import write_synthetic_library

    model = save_random_clip(tmp_path / "clip", words=WORDS)
    library = write_synthetic_library(tmp_path / "library", 200, dim=16, model=str(model), captions=["a bus stop", "a cafe"])
    run = _cold_search(library)
    assert run.returncode == 0, run.stderr
    assert "heavy: []" in run.stdout, run.stdout
    assert "note: CLIP" not in run.stderr, run.stderr
    found = [hit["image_id"] for hit in json.loads(run.stdout[:run.stdout.rindex("heavy:")])]
    opened = Library.open(library)  # the same search with CLIP on torch finds the same photos in the same order
    on_torch = search(opened, load_clip(str(model), device="cpu", precision="fp32"), SearchRequest(text=DESCRIPTION), QueryContext.of(opened))
    assert found == [hit["image_id"] for hit in on_torch.photos]

    Image.new("RGB", (40, 30), (200, 120, 40)).save(tmp_path / "outside.jpg")  # a photo not in the library needs torch
    by_photo = _cold_search(library, "--image", str(tmp_path / "outside.jpg"))
    assert by_photo.returncode == 0, by_photo.stderr
    assert "note: the photo is not in the library, so CLIP's image tower reads it, on torch" in by_photo.stderr


def test_a_search_on_a_clip_numpy_cannot_read_notes_why(tmp_path):
    from assistant.testing.library import write_synthetic_library

    model = _without_safetensors(save_random_clip(tmp_path / "clip"))
    library = write_synthetic_library(tmp_path / "library", 50, dim=16, model=str(model))
    run = _cold_search(library)
    assert run.returncode == 0, run.stderr
    assert "note: CLIP" in run.stderr and "no model.safetensors" in run.stderr, run.stderr


def test_stored_vectors_are_scored_in_numpy_without_torch_and_by_the_timed_kernel_once_prepared(tmp_path):
    from assistant.testing.library import write_synthetic_library

    library = write_synthetic_library(tmp_path / "library", 300, dim=16)
    script = (
        "import sys\n"
        "import numpy as np\n"
        "from assistant.library import Library\n"
        "from assistant.search.stored import StoredVectors, stored_vectors\n"
        "library = Library.open(sys.argv[1])\n"
        "vector = np.full(16, 0.25, np.float32)\n"
        "cold = stored_vectors(library)\n"
        "scores = cold.similarity(vector)\n"
        "exact = library.embeddings.astype(np.float64) @ vector\n"
        "print('cold:', cold.kernel.name, 'torch' in sys.modules, float(np.abs(scores - exact).max()))\n"
        "served = StoredVectors(library.embeddings, library.embedded)\n"
        "served.prepare()  # the app prepares a library it serves\n"
        "print('served:', served.kernel.name, float(np.abs(served.similarity(vector) - exact).max()))\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(library)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    cold, served = run.stdout.splitlines()
    name, torch_imported, error = cold.split()[1:]
    assert (name, torch_imported) == ("numpy-fp32-blocks", "False") and float(error) < 1e-6
    name, error = served.split()[1:]
    assert name != "numpy-fp32-blocks" and float(error) < 1e-6  # the 300 are all rescored exactly at the top
