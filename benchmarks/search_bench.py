"""Search latency and memory at growing catalogue sizes.

    python -m benchmarks.search_bench                 # 100, 1000, 10000, 50000
    python -m benchmarks.search_bench --sizes 1000 --model none
    python -m benchmarks.search_bench --sizes 1000 --devset   # all 269 dev-set queries

The catalogue is grown synthetically by varying real records (id suffix, a Gemeinde
name and a shuffled search term in the title, rotated short answers). Encoding 50k
documents takes long on 2 cores, so for the latency part the document vectors of the
synthetic records are the real vectors of their base record plus Gaussian noise
(renormalised); the real encode throughput is measured separately and reported as
the projected embedding build time. Query latency includes the real query encoding.
Each size runs in its own process so RSS is not inflated by the previous size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from catalogue.models import Procedure
from catalogue.settings import get_catalogue_settings

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "auto abmelden", "führerschein verloren", "wie melde ich meinen gebrauchtwagen um",
    "how do I register my car", "wunschkennzeichen reservieren", "aufenthaltstitel verlängern",
    "i hob mein führaschein valorn", "kleiner waffenschein", "halteverbot umzug",
    "unterhaltsvorschuss beantragen", "einbürgerung", "oldtimer h kennzeichen",
    "Mein Vater ist gestorben und hatte Gewehre im Keller", "fahrerkarte tacho",
    "kita gebühren übernahme", "demo anmelden", "internationaler führerschein",
    "residence permit", "schulbus kommt zu spät", "pflegekind aufnehmen",
]
VILLAGES = ["Mühldorf", "Waldkraiburg", "Neumarkt-Sankt Veit", "Haag", "Gars", "Ampfing",
            "Buchbach", "Kraiburg", "Schwindegg", "Töging", "Aschau", "Polling"]


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def synthetic(base: list[Procedure], size: int,
              seed: int = 7) -> tuple[list[Procedure], list[int]]:
    """`size` procedures derived from `base`; returns them and each one's base index."""
    rng = random.Random(seed)
    out: list[Procedure] = []
    origin: list[int] = []
    for i in range(size):
        j = i % len(base)
        p = base[j]
        if i < len(base):
            out.append(p)
            origin.append(j)
            continue
        terms = list(p.search_terms)
        rng.shuffle(terms)
        other = base[rng.randrange(len(base))]
        title = f"{p.title} – {rng.choice(VILLAGES)} {terms[0] if terms else ''}".strip()
        out.append(p.model_copy(update={
            "id": f"{p.id}-s{i}", "title": title[:200],
            "search_terms": terms[: max(1, len(terms) - rng.randrange(3))],
            "short_answer": (p.short_answer[: 200] + " " + other.title)[:300],
        }))
        origin.append(j)
    return out, origin


def devset_queries() -> list[str]:
    """The dev set's queries: realistic lengths, up to long stories (longer = slower)."""
    import yaml

    data = yaml.safe_load((ROOT / "eval" / "search_devset.yaml").read_text(encoding="utf-8"))
    return [str(item["q"]) for item in data["queries"]]


def child(size: int, model: str, threads: int,
          queries: list[str] = QUERIES) -> dict[str, float | int | str]:
    from catalogue.db import open_db, replace_catalogue
    from catalogue.search.encoders import load_encoder
    from catalogue.search.engine import SearchEngine
    from catalogue.search.index import document_texts, procedure_vectors
    from catalogue.search.normalize import QueryError
    from catalogue.sources import load_procedures

    base = load_procedures()
    encoder = load_encoder(model, threads)
    rss0 = rss_mb()
    procedures, origin = synthetic(base, size)
    db = open_db(None)
    t0 = time.perf_counter()
    replace_catalogue(db, procedures, None)
    fts_s = time.perf_counter() - t0
    vectors = None
    if encoder is not None:
        # Base vectors are cached (keyed by model + text fingerprint) across runs/sizes.
        base_db = open_db(ROOT / "var" / "search-bench.db")
        replace_catalogue(base_db, base, None)
        base_vecs = procedure_vectors(base_db, encoder, base, write=True)
        rng = np.random.default_rng(1)
        vectors = []
        for k, j in enumerate(origin):
            v = base_vecs[j]
            if k >= len(base):
                v = v + rng.normal(0, 0.01, v.shape).astype(np.float32)
                v /= np.linalg.norm(v, axis=1, keepdims=True)
            vectors.append(v)
    t0 = time.perf_counter()
    engine = SearchEngine(db, encoder, procedures=procedures, vectors=vectors)
    index_s = time.perf_counter() - t0
    engine.search("warm up")
    lat, enc = [], []
    for rep in range(3 if queries is QUERIES else 1):
        for q in queries:
            query = f"{q} {rep}" if rep else q  # defeat the query-vector cache
            t = time.perf_counter()
            try:
                engine.search(query)
            except QueryError:  # the dev set's deliberately unusable inputs
                continue
            lat.append((time.perf_counter() - t) * 1000)
            if encoder is not None:
                t = time.perf_counter()
                encoder.encode_queries([query + " x"])
                enc.append((time.perf_counter() - t) * 1000)
    # Retrieval alone: the same queries again, so their vectors come from the cache.
    ret = []
    for q in [q for q in queries if len(q) <= 500][:60] * 2:
        t = time.perf_counter()
        engine.search(q)
        ret.append((time.perf_counter() - t) * 1000)
    result: dict[str, float | int | str] = {
        "retrieval_p50_ms": float(np.percentile(ret, 50)),
        "retrieval_p95_ms": float(np.percentile(ret, 95)),
        "size": size, "model": model, "p50_ms": float(np.percentile(lat, 50)),
        "p95_ms": float(np.percentile(lat, 95)),
        "query_encode_p50_ms": float(np.percentile(enc, 50)) if enc else 0.0,
        "rss_mb": rss_mb(), "rss_engine_mb": rss_mb() - rss0, "db_load_s": fts_s,
        "index_build_s": index_s,
    }
    if encoder is not None and size == 100:
        texts = [t for p in base for t in document_texts(p)][:200]
        t = time.perf_counter()
        encoder.encode_documents(texts)
        per_text = (time.perf_counter() - t) / len(texts)
        per_proc = per_text * len(texts) / sum(1 for p in base for _ in document_texts(p))
        result["encode_texts_per_s"] = 1 / per_text
        result["texts_per_procedure"] = float(np.mean([len(document_texts(p)) for p in base]))
        result["_per_text_s"] = per_text
        del per_proc
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="search latency / memory benchmark")
    parser.add_argument("--sizes", default="100,1000,10000,50000")
    settings = get_catalogue_settings()
    parser.add_argument("--model", default=settings.embedding_model,
                        help="embedding model (default: WEGWEISER_EMBEDDING_MODEL, see settings)")
    parser.add_argument("--threads", type=int, default=settings.torch_threads)
    parser.add_argument("--devset", action="store_true",
                        help="time the dev set's 269 queries instead of the 20 short ones")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    if args.child:
        queries = devset_queries() if args.devset else QUERIES
        print(json.dumps(child(args.child, args.model, args.threads, queries)))
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, "-m", "benchmarks.search_bench", "--child",
                              str(size), "--model", args.model, "--threads", str(args.threads),
                              *(["--devset"] if args.devset else [])],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"size {size:>6}: p50 {r['p50_ms']:6.1f} ms  p95 {r['p95_ms']:6.1f} ms  "
              f"(query encode p50 {r['query_encode_p50_ms']:.1f} ms; without encoding "
              f"p50 {r['retrieval_p50_ms']:.1f} / p95 {r['retrieval_p95_ms']:.1f} ms)  "
              f"RSS {r['rss_mb']:.0f} MB "
              f"(engine +{r['rss_engine_mb']:.0f} MB)  db load {r['db_load_s']:.1f} s  "
              f"index build {r['index_build_s']:.1f} s", flush=True)
    encode = next((r for r in rows if "encode_texts_per_s" in r), None)
    if encode:
        per_proc = encode["_per_text_s"] * encode["texts_per_procedure"]
        print(f"embedding build: {encode['encode_texts_per_s']:.0f} texts/s, "
              f"{encode['texts_per_procedure']:.1f} texts/procedure → projected "
              + ", ".join(f"{n}: {n * per_proc:.0f} s" for n in (100, 1000, 10000, 50000)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
