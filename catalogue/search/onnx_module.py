"""A sentence-transformers input module that runs a BERT-style encoder in ONNX Runtime.

sentence-transformers' own ONNX backend needs `optimum`, whose releases pin
transformers < 4.58, while sentence-transformers 6 needs transformers 5. This module
does the same job for the exported e5 folder (see `e5_export`): tokenise with the
model's SentencePiece model, run the int8 graph, hand token embeddings and the attention
mask on to sentence-transformers' standard `Pooling` and `Normalize` modules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import torch
from sentence_transformers.base.modules.input_module import InputModule

BOS_ID, PAD_ID, EOS_ID = 0, 1, 2  # XLM-R <s>, <pad>, </s>


class OnnxTransformer(InputModule):
    config_keys = ["model_file", "tokenizer_file", "max_tokens", "threads"]

    def __init__(self, folder: str | Path, model_file: str = "model_qint8.onnx",
                 tokenizer_file: str = "sentencepiece.model", max_tokens: int = 512,
                 threads: int = 2) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # untyped in sentence-transformers
        import onnxruntime as ort
        import sentencepiece

        folder = Path(folder)
        self.folder, self.model_file, self.tokenizer_file = folder, model_file, tokenizer_file
        self.max_tokens, self.threads = max_tokens, threads
        self.pieces = sentencepiece.SentencePieceProcessor(
            model_file=str(folder / tokenizer_file))
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(folder / model_file), options,
                                            providers=["CPUExecutionProvider"])
        info = folder / "export.json"
        self.dimension = int(json.loads(info.read_text())["hidden"]) if info.exists() else 384

    def preprocess(self, inputs: Any, prompt: str | None = None,
                   **kwargs: Any) -> dict[str, torch.Tensor]:
        texts = [str(text) for text in inputs]
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        rows = [[BOS_ID, *pieces[: self.max_tokens - 2], EOS_ID]
                for pieces in self.pieces.encode(texts)]
        width = max(len(row) for row in rows)
        ids = np.full((len(rows), width), PAD_ID, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, :len(row)] = row
            mask[i, :len(row)] = 1
        return {"input_ids": torch.from_numpy(ids), "attention_mask": torch.from_numpy(mask)}

    def forward(self, features: dict[str, torch.Tensor],
                **kwargs: Any) -> dict[str, torch.Tensor]:
        """One session run per text, without padding.

        Activations are quantised per tensor, so in a padded batch a text's vector
        would depend on its neighbours; run alone it is a function of the text only
        (stored vectors stay valid under their text fingerprint), and short texts do
        not pay for the longest one.
        """
        ids = features["input_ids"].cpu().numpy()
        mask = features["attention_mask"].cpu().numpy()
        hidden = np.zeros((*ids.shape, self.dimension), dtype=np.float32)
        for row, length in enumerate(mask.sum(axis=1)):
            run_ids = ids[row:row + 1, :length]
            (out,) = self.session.run(None, {"input_ids": run_ids,
                                             "attention_mask": np.ones_like(run_ids)})
            hidden[row, :length] = out[0]
        features["token_embeddings"] = torch.from_numpy(hidden)
        return features

    def get_embedding_dimension(self) -> int:
        return self.dimension

    def get_sentence_embedding_dimension(self) -> int:
        return self.dimension

    def save(self, output_path: str, *args: Any, **kwargs: Any) -> None:
        self.save_config(output_path)
