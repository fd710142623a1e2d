"""One loading lifecycle for every model kind: the same clear refusals for a missing folder, missing weights
and partial weights, one process-wide cache, and one rule for which CLIP a library uses."""

from __future__ import annotations

import shutil

import pytest
from safetensors.torch import load_file, save_file

from assistant.models import Captioner, Detector, ModelMismatch, ModelNotAvailable, clip_for_library, load_clip
from assistant.settings import Settings
from assistant.testing import save_random_captioner, save_random_clip, save_random_detector


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
