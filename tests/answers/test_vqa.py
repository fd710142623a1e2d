"""--vqa: a tiny random ViLT built here, biased so that it always answers "blue", asked about evidence photos."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import VqaModel, answer_question
from assistant.cli import main
from assistant.library import Library
from assistant.indexing import commit_photo_table
from assistant.models import ModelNotAvailable
from assistant.testing.library import photo_table
from assistant.testing.photos import write_synthetic_photos

ANSWERS = ["red", "blue", "green"]


def save_random_vqa(folder, favour: str):
    import torch
    from transformers import BertTokenizerFast, ViltConfig, ViltForQuestionAnswering, ViltImageProcessorPil, ViltProcessor

    folder.mkdir(parents=True, exist_ok=True)
    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "what", "colour", "was", "the", "sofa", "?"]
    (folder / "vocab.txt").write_text("\n".join(vocabulary) + "\n")
    config = ViltConfig(vocab_size=len(vocabulary), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16,
                        image_size=32, patch_size=16, max_position_embeddings=40, num_labels=len(ANSWERS),
                        id2label=dict(enumerate(ANSWERS)), label2id={answer: i for i, answer in enumerate(ANSWERS)})
    torch.manual_seed(0)
    model = ViltForQuestionAnswering(config)
    with torch.no_grad():  # the last layer decides alone: always `favour`
        model.classifier[-1].weight.zero_()
        model.classifier[-1].bias.fill_(-10.0)
        model.classifier[-1].bias[ANSWERS.index(favour)] = 10.0
    model.save_pretrained(folder)
    ViltProcessor(image_processor=ViltImageProcessorPil(size={"shortest_edge": 32, "longest_edge": 64}, size_divisor=16),
                  tokenizer=BertTokenizerFast(str(folder / "vocab.txt"))).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def sofa_library(tmp_path_factory):
    """An evening on the sofa (captions say nothing of its colour) and a morning at the office, with photo files."""
    root = tmp_path_factory.mktemp("vqa")
    times = [datetime(2022, 1, 9, 20) + timedelta(minutes=10 * i) for i in range(3)] + [datetime(2022, 1, 10, 9) + timedelta(minutes=10 * i) for i in range(3)]
    paths = write_synthetic_photos(root / "photos", times, size=(64, 48))
    table = photo_table(
        np.array(times, dtype="datetime64[s]"), path=[str(path) for path in paths],
        caption=["relaxing on the sofa at home"] * 3 + ["working at a desk"] * 3,
        semantic_name=["Home"] * 3 + ["Office"] * 3, city="Dublin", country="Ireland", country_code="IE",
        lat=[53.35] * 3 + [53.34] * 3, lng=[-6.26] * 3 + [-6.25] * 3,
    )
    commit_photo_table(root / "lib", table, None, {}, model=None, photo_roots=[str(root / "photos")])
    library = Library.open(root / "lib")
    return library, library.image_ids([0, 1, 2]), save_random_vqa(root / "vilt", favour="blue")


def test_without_vqa_the_words_do_not_say_the_colour(sofa_library):
    library, _, _ = sofa_library
    answer = answer_question(library, "What colour was the sofa on 9 January 2022?")
    assert answer.value is None and answer.confidence != "sure"


def test_vqa_asks_the_evidence_photos(sofa_library):
    library, sofa_ids, model_folder = sofa_library
    answer = answer_question(library, "What colour was the sofa on 9 January 2022?", vqa=VqaModel(str(model_folder), device="cpu"))
    assert answer.value == "blue" and answer.evidence and set(answer.evidence) <= set(sofa_ids)


def test_ask_command_takes_a_vqa_model(sofa_library, capsys, tmp_path):
    library, _, model_folder = sofa_library
    assert main(["ask", "What colour was the sofa on 9 January 2022?", "--library", str(library.folder), "--vqa", str(model_folder), "--device", "cpu"]) == 0
    assert capsys.readouterr().out.startswith("blue")
    with pytest.raises(ModelNotAvailable):
        VqaModel(str(tmp_path / "no-such-model"))
