import shutil

import numpy as np
import pytest
from PIL import Image
from safetensors.torch import load_file, save_file

from assistant.models import ModelNotAvailable, load_clip
from assistant.testing.photos import synthetic_photo


def test_tiny_model_loads_through_the_real_loader(tiny_encoder):
    assert tiny_encoder.dim == 16 and tiny_encoder.device == "cpu"
    texts = tiny_encoder.encode_texts(["a cup of coffee", "a red bus"])
    images = tiny_encoder.encode_images([synthetic_photo(1, (64, 48)), synthetic_photo(2, (64, 48))])
    for vectors in (texts, images):
        assert vectors.shape == (2, 16) and vectors.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert not np.allclose(texts[0], texts[1])


def test_fast_preprocessing_matches_the_models_own_processor(tiny_clip_dir, tiny_encoder):
    from transformers import AutoImageProcessor

    processor = AutoImageProcessor.from_pretrained(tiny_clip_dir)
    for size in ((1024, 768), (300, 500), (64, 64)):
        image = synthetic_photo(7, size)
        reference = processor(images=image, return_tensors="np")["pixel_values"][0]
        ours = tiny_encoder.image_spec.prepare(image)
        assert ours.shape == reference.shape
        assert np.abs(ours - reference).max() < 0.05  # resampling rounding only



def test_a_batch_of_mixed_sizes_is_prepared_row_by_row(tiny_encoder):
    spec = tiny_encoder.image_spec
    photos = [np.asarray(synthetic_photo(seed, size)) for seed, size in enumerate([(64, 48), (300, 500), (64, 48), (40, 40)])]
    batch = spec.prepare_batch(photos)
    for row, photo in zip(batch, photos):
        np.testing.assert_allclose(row, spec.prepare(Image.fromarray(photo)), atol=1e-6)


def test_jpegs_read_at_reduced_scale_match_the_processor_on_the_full_photo(tmp_path):
    from datetime import datetime

    from transformers import CLIPImageProcessor

    from assistant.indexing.photos import read_photo
    from assistant.models import image_spec_from
    from assistant.testing.photos import write_synthetic_photos

    processor = CLIPImageProcessor()  # the settings of openai/clip-vit-base-patch32: 224 px, bicubic
    spec = image_spec_from(processor)
    paths = write_synthetic_photos(tmp_path, [datetime(2019, 1, 1, 12, minute) for minute in range(3)])  # 1024x768
    reference = processor(images=[Image.open(path).convert("RGB") for path in paths], return_tensors="np")["pixel_values"]
    ours = spec.prepare_batch([read_photo(path, spec)[1] for path in paths])
    assert ours.shape == reference.shape
    # Decoding at 3/8 scale smooths a little more than resampling from full size: 0.008 on average here,
    # about the 0.007 of Pillow's half-scale draft mode, i.e. half a grey level.
    assert np.abs(ours - reference).mean() < 0.015


LONG_MEMORY = (
    "I was walking along the seafront in the evening with a friend, past the old white tower and many cafés "
    "with outdoor tables. There were people on bicycles and a man selling grilled corn from a cart. "
    "Later we stopped at a small kiosk and bought ice cream, and I remember the sea was very calm and the "
    "sky turned orange and pink over the mountains on the other side of the bay while boats came in."
)


def test_long_descriptions_are_encoded_in_parts_not_truncated(tiny_encoder):
    parts = tiny_encoder.text_parts(LONG_MEMORY)
    assert len(parts) > 1
    budget = tiny_encoder.max_text_tokens - 2
    assert all(tiny_encoder._token_count(part) <= budget for part in parts)
    assert " ".join(parts) == " ".join(LONG_MEMORY.split())  # nothing dropped
    whole = tiny_encoder.encode_text(LONG_MEMORY)
    mean = tiny_encoder.encode_texts(parts).sum(axis=0)
    np.testing.assert_allclose(whole, mean / np.linalg.norm(mean), atol=1e-5)


def test_short_text_is_one_part(tiny_encoder):
    assert tiny_encoder.text_parts("  a   cup of coffee ") == ["a cup of coffee"]


def test_bf16_stays_close_to_fp32(tiny_clip_dir, tiny_encoder):
    reduced = load_clip(str(tiny_clip_dir), precision="bf16")
    assert reduced.precision == "bf16"
    images = [synthetic_photo(seed, (64, 48)) for seed in range(4)]
    cosine = np.sum(reduced.encode_images(images) * tiny_encoder.encode_images(images), axis=1)
    assert cosine.min() > 0.99


@pytest.mark.parametrize(
    "timings, min_cosine, expected",
    [
        ({"fp32": 10.0, "bf16": 12.0, "fp16": 30.0}, -1.0, "fp32"),  # bf16 slower than fp32 (an AMD EPYC without AMX)
        ({"fp32": 10.0, "bf16": 5.0, "fp16": 30.0}, -1.0, "bf16"),  # bf16 twice as fast and faithful
        ({"fp32": 10.0, "bf16": 9.5, "fp16": 30.0}, -1.0, "fp32"),  # 5 % faster is not worth the precision
        ({"fp32": 10.0, "bf16": 30.0, "fp16": 4.0}, -1.0, "fp16"),  # fp16 fastest (a CPU with native fp16)
        ({"fp32": 10.0}, 1.01, "fp32"),  # the reduced precisions change the embeddings too much: not even timed
    ],
)
def test_auto_precision_on_a_cpu_is_the_fastest_faithful_one(monkeypatch, tmp_path, tiny_clip_dir, timings, min_cosine, expected):
    import assistant.models.clip as clip

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(clip, "REDUCED_PRECISION_MIN_COSINE", min_cosine)
    timed = []

    def fake_timings(candidates, pixels):
        timed.append(sorted(candidates))
        return {name: timings[name] for name in candidates}

    monkeypatch.setattr(clip, "time_precisions", fake_timings)
    assert load_clip(str(tiny_clip_dir), device="cpu").precision == expected
    assert timed == [sorted(timings)]  # only faithful precisions are timed
    assert load_clip(str(tiny_clip_dir), device="cpu").precision == expected
    assert len(timed) == 1  # remembered for this machine and architecture: not timed again


def test_precision_timing_runs_each_candidate_on_one_thread(tiny_clip_dir):
    import torch

    import assistant.models.clip as clip

    fp32 = load_clip(str(tiny_clip_dir), device="cpu", precision="fp32")
    bf16 = load_clip(str(tiny_clip_dir), device="cpu", precision="bf16")
    threads = torch.get_num_threads()
    timings = clip.time_precisions({"fp32": fp32, "bf16": bf16}, clip._probe_images(fp32.image_spec))
    assert set(timings) == {"fp32", "bf16"} and all(0 < ms < float("inf") for ms in timings.values())
    assert torch.get_num_threads() == threads  # the thread count is given back


def test_hub_id_offline_fails_with_instructions(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotAvailable) as caught:
        load_clip("someone/clip-that-is-not-cached")
    message = str(caught.value)
    assert "'someone/clip-that-is-not-cached' is not cached" in message
    assert "--model /path/to/clip" in message and "LIFELOG_MODEL" in message


def test_missing_folder_fails_with_instructions(tmp_path):
    with pytest.raises(ModelNotAvailable, match="no such folder.*LIFELOG_MODEL"):
        load_clip(str(tmp_path / "no-model-here"))


def test_folder_without_weights_fails(tmp_path, tiny_clip_dir):
    folder = shutil.copytree(tiny_clip_dir, tmp_path / "clip")
    (folder / "model.safetensors").unlink()
    with pytest.raises(ModelNotAvailable, match="cannot load a CLIP model"):
        load_clip(str(folder))


def test_incomplete_weights_are_never_replaced_by_random_ones(tmp_path, tiny_clip_dir):
    folder = shutil.copytree(tiny_clip_dir, tmp_path / "clip")
    weights = load_file(folder / "model.safetensors")
    dropped = next(name for name in weights if "visual_projection" in name)
    del weights[dropped]
    save_file(weights, folder / "model.safetensors", metadata={"format": "pt"})
    with pytest.raises(ModelNotAvailable, match="refusing to use random weights"):
        load_clip(str(folder))


def test_encode_images_accepts_any_mode(tiny_encoder):
    vectors = tiny_encoder.encode_images([Image.new("L", (50, 40), 128), Image.new("RGBA", (40, 50))])
    assert vectors.shape == (2, 16)
