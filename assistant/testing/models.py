"""For tests and benchmarks only: random-weight models (CLIP, a DETR detector, a BLIP captioner) saved to
folders, loadable through exactly the code that loads real models (the app never uses them: with no real weights
it runs on captions instead)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence


def _byte_level_vocab() -> dict[str, int]:
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    characters = list(bytes_to_unicode().values())
    vocab = {character: index for index, character in enumerate(characters)}
    vocab.update({character + "</w>": len(characters) + index for index, character in enumerate(characters)})
    vocab["<|startoftext|>"] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    return vocab


def _merges_spelling(words: Sequence[str]) -> list[tuple[str, str]]:
    """BPE merges that join each word's letters, left to right, into one token (its last letter ends the word)."""
    merges: list[tuple[str, str]] = []
    for word in words:
        symbols = [*word[:-1], word[-1] + "</w>"]
        joined = symbols[0]
        for symbol in symbols[1:]:
            if (joined, symbol) not in merges:
                merges.append((joined, symbol))
            joined += symbol
    return merges


def save_random_clip(
    folder: Path, *, size: str = "tiny", seed: int = 0, words: Sequence[str] = (), legacy_eos: bool = False, hidden_act: str = "quick_gelu",
) -> Path:
    """Save a randomly initialised CLIP (model, byte-level tokenizer, preprocessor) loadable by load_clip.

    size "tiny": a 16-d model on 32 px images that builds in a fraction of a second, for tests;
    size "base": the real ViT-B/32 architecture (CLIPConfig defaults), for throughput benchmarks.
    `words`: lower-case words the tokenizer's BPE merges into one token each, numbered after the start and end
    tokens (without any, every letter is a token). `legacy_eos`: the config says eos_token_id 2, as configs written
    before transformers corrected it do (the text's vector is then taken at its highest token id).
    """
    import torch
    from transformers import CLIPConfig, CLIPImageProcessorPil, CLIPModel, CLIPTokenizer

    vocab = _byte_level_vocab()
    merges = _merges_spelling(words)
    for first, second in merges:
        vocab.setdefault(first + second, len(vocab))
    special = {
        "vocab_size": len(vocab),
        "bos_token_id": vocab["<|startoftext|>"],
        "eos_token_id": 2 if legacy_eos else vocab["<|endoftext|>"],
        "pad_token_id": vocab["<|endoftext|>"],
        "hidden_act": hidden_act,
    }
    if size == "tiny":
        text = dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2, max_position_embeddings=77)
        vision = dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2, image_size=32, patch_size=8)
        config = CLIPConfig(text_config={**text, **special}, vision_config=vision, projection_dim=16)
        pixels = 32
    elif size == "base":
        config = CLIPConfig(text_config=special)
        pixels = config.vision_config.image_size
    else:
        raise ValueError(f"size must be 'tiny' or 'base', not {size!r}")
    torch.manual_seed(seed)
    folder = Path(folder)
    CLIPModel(config).save_pretrained(folder)
    CLIPTokenizer(vocab=vocab, merges=merges).save_pretrained(folder)
    CLIPImageProcessorPil(size={"shortest_edge": pixels}, crop_size={"height": pixels, "width": pixels}).save_pretrained(folder)
    return folder


def save_random_detector(folder: Path, labels: Sequence[str], *, favour: str, queries: int = 2) -> Path:
    """A tiny random DETR (ResNet backbone, no timm) whose classifier is biased so every query finds `favour`:
    a detector with known output for tests, loadable through the same code as facebook/detr-resnet-50."""
    import torch
    from transformers import DetrConfig, DetrForObjectDetection, DetrImageProcessor, ResNetConfig

    torch.manual_seed(0)
    backbone = ResNetConfig(num_channels=3, embedding_size=8, hidden_sizes=[8, 16, 16, 16], depths=[1, 1, 1, 1], out_features=["stage4"])
    config = DetrConfig(
        use_timm_backbone=False, use_pretrained_backbone=False, backbone_config=backbone, d_model=16, encoder_layers=1,
        decoder_layers=1, encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=16, decoder_ffn_dim=16,
        num_queries=queries, id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)},
    )
    model = DetrForObjectDetection(config)
    with torch.no_grad():
        classifier = model.class_labels_classifier  # one logit per label, then "no object"
        classifier.weight.zero_()
        classifier.bias.fill_(-10.0)
        classifier.bias[list(labels).index(favour)] = 10.0
    model.save_pretrained(folder)
    DetrImageProcessor(size={"shortest_edge": 64, "longest_edge": 96}).save_pretrained(folder)
    return Path(folder)


def save_random_captioner(folder: Path, words: Sequence[str]) -> Path:
    """A tiny random BLIP captioner over a few words (its captions are nonsense made of them), loadable
    through the same code as Salesforce/blip-image-captioning-base."""
    import torch
    from transformers import BertTokenizer, BlipConfig, BlipForConditionalGeneration, BlipImageProcessorPil, BlipProcessor

    torch.manual_seed(0)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
    (folder / "vocab.txt").write_text("\n".join(vocabulary) + "\n")
    text = dict(vocab_size=len(vocabulary), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16,
                max_position_embeddings=32, bos_token_id=2, sep_token_id=3, pad_token_id=0)
    vision = dict(hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16, image_size=32, patch_size=16)
    BlipForConditionalGeneration(BlipConfig(text_config=text, vision_config=vision, projection_dim=16)).save_pretrained(folder)
    processor = BlipProcessor(image_processor=BlipImageProcessorPil(size={"height": 32, "width": 32}), tokenizer=BertTokenizer(str(folder / "vocab.txt")))
    processor.save_pretrained(folder)
    return folder


def save_random_text_tower(folder: Path, *, dim: int = 16, seed: int = 0) -> Path:
    """A tiny random sentence-transformers model shaped like clip-ViT-B-32-multilingual-v1 (DistilBERT, mean
    pooling, a Dense layer to CLIP's projection size `dim`), loadable through the same code as the real one."""
    import string

    import torch
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertTokenizerFast, DistilBertConfig, DistilBertModel

    torch.manual_seed(seed)
    folder = Path(folder)
    bert = folder / "distilbert"
    bert.mkdir(parents=True, exist_ok=True)
    letters = string.ascii_lowercase + "äöüßéèàçñ"
    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *letters, *(f"##{letter}" for letter in letters)]
    (bert / "vocab.txt").write_text("\n".join(vocabulary) + "\n")
    BertTokenizerFast(str(bert / "vocab.txt")).save_pretrained(bert)
    config = DistilBertConfig(vocab_size=len(vocabulary), dim=32, hidden_dim=64, n_layers=1, n_heads=2, max_position_embeddings=64)
    DistilBertModel(config).save_pretrained(bert)
    transformer = models.Transformer(str(bert), max_seq_length=64)
    width = (getattr(transformer, "get_embedding_dimension", None) or transformer.get_word_embedding_dimension)()  # renamed in v5
    pooling = models.Pooling(width, pooling_mode="mean")
    dense = models.Dense(width, dim, bias=False, activation_function=torch.nn.Identity())
    SentenceTransformer(modules=[transformer, pooling, dense], device="cpu").save(str(folder / "tower"))
    return folder / "tower"


def save_random_sentence_model(
    folder: Path, *, pooling: str = "mean", lowercase: bool = False, max_seq_length: int = 48, safetensors: bool = True, seed: int = 0,
) -> Path:
    """A tiny random BERT sentence-transformers model (Transformer, Pooling, Normalize) shaped like all-MiniLM-L6-v2.

    Every weight is drawn at a scale where it matters (biases, LayerNorm gains, token types), yet not so large that
    all texts get one vector: a numpy encoder that drops or misplaces one gives other vectors. `lowercase`: a cased tokenizer behind a lower-casing module."""
    import string

    import torch
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    torch.manual_seed(seed)
    folder = Path(folder)
    bert = folder / "bert"
    bert.mkdir(parents=True, exist_ok=True)
    letters = string.ascii_letters + "äöüßéèàçñ"
    words = ["coffee", "cafe", "dublin", "cup", "a", "in", "the", "##s", "##ing"]
    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, *letters, *(f"##{letter}" for letter in letters)]
    (bert / "vocab.txt").write_text("\n".join(vocabulary) + "\n")
    BertTokenizerFast(str(bert / "vocab.txt"), do_lower_case=not lowercase).save_pretrained(bert)
    config = BertConfig(vocab_size=len(vocabulary), hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=64, max_position_embeddings=64)
    model = BertModel(config)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if "LayerNorm.weight" in name:
                parameter.normal_(1.0, 0.3)
            else:
                parameter.normal_(0.0, 0.1 if name.endswith("bias") else 0.4)
    model.save_pretrained(bert)
    transformer = models.Transformer(str(bert), max_seq_length=max_seq_length, do_lower_case=lowercase)
    width = (getattr(transformer, "get_embedding_dimension", None) or transformer.get_word_embedding_dimension)()  # renamed in v5
    modules = [transformer, models.Pooling(width, pooling_mode=pooling), models.Normalize()]
    SentenceTransformer(modules=modules, device="cpu").save(str(folder / "model"))
    if not safetensors:  # as older checkpoints come (transformers 5 itself always writes safetensors)
        from safetensors.torch import load_file

        torch.save(load_file(folder / "model" / "model.safetensors"), folder / "model" / "pytorch_model.bin")
        (folder / "model" / "model.safetensors").unlink()
    return folder / "model"
