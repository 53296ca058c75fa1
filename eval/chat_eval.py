"""Chat-level evaluation: every dev-set query through the real dialogue (`make eval`).

    python -m eval.chat_eval                       # both dev sets, all variants
    python -m eval.chat_eval --devset hard --split heldout --variants original
    python -m eval.chat_eval --limit 20            # first 20 queries only (a quick look)
    python -m eval.chat_eval --rasa-url http://127.0.0.1:5005 --token T   # a running stack

Starts the real stack (`runner.stack.running_stack`: trained Rasa model, real action
server, no mocks) on its own ports, sends each query as the first message of a fresh
conversation to Rasa's REST channel and reads the turn record (slot `turn_record`) from
the tracker — not the reply text. Scores each turn (`eval.chat_scoring`), compares with
the search engine's own ranking of the same text, repeats the queries as e-mails and in
lower case without punctuation (`eval.variants`), prints rates overall / per split /
per dev set / per category, every miss and the issue's targets, and writes the result
as JSON (var/eval/chat-<UTC time>.json). See docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from catalogue.settings import get_catalogue_settings
from catalogue.sources import PROCEDURE_DIR, load_procedures
from eval import chat_report
from eval.chat_report import Outcome
from eval.chat_scoring import Score, records_from_events, score
from eval.devsets import SPLITS, Case, check_ids, load_devsets, select
from eval.variants import VARIANTS

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "var" / "eval"
# Apart from `make run` (8000/5005/5055) and the e2e tests (18000/15005/15055).
PORTS = {"web": 28000, "rasa": 25005, "actions": 25055}

Progress = Callable[[int, int], None]


def links_of_catalogue() -> dict[str, str]:
    """Procedure id → the link an answer must give (from the YAML sources)."""
    return {p.id: p.link for p in load_procedures(PROCEDURE_DIR)}


def ask(client: httpx.Client, rasa_url: str, token: str, sender: str,
        message: str) -> list[dict[str, Any]]:
    """Send `message` as `sender` through the REST channel; the tracker's events after it."""
    response = client.post(f"{rasa_url}/webhooks/rest/webhook",
                           json={"sender": sender, "message": message})
    response.raise_for_status()
    tracker = client.get(f"{rasa_url}/conversations/{sender}/tracker",
                         params={"token": token})
    tracker.raise_for_status()
    events = tracker.json().get("events") or []
    return [e for e in events if isinstance(e, dict)]


def run_turn(client: httpx.Client, rasa_url: str, token: str, case: Case, variant: str,
             message: str, links: dict[str, str]) -> Outcome:
    sender = f"eval-{variant}-{uuid.uuid4().hex[:12]}"
    started = time.perf_counter()
    error: str | None = None
    events: list[dict[str, Any]] = []
    for attempt in range(2):  # one retry: a dropped connection is not a dialogue result
        try:
            events = ask(client, rasa_url, token, f"{sender}-{attempt}", message)
            error = None
            break
        except (httpx.HTTPError, ValueError) as exc:
            error = f"{type(exc).__name__}: {exc}"
    failed = error is not None
    turn = records_from_events(events)
    result: Score = score(turn.records, case.expect, links)
    if turn.errors:
        error = "; ".join(turn.errors)
    elif result.record is None and error is None:
        error = f"actions run: {', '.join(turn.actions) or 'none'}"
    return Outcome(case, variant, message, result, None, time.perf_counter() - started, error,
                   failed)


def jobs_for(cases: Sequence[Case], variants: Sequence[str]) -> list[tuple[Case, str, str]]:
    """(case, variant, message) for every case and variant; the index picks the e-mail frame."""
    return [(case, variant, VARIANTS[variant](case.query, i))
            for variant in variants for i, case in enumerate(cases)]


def run_chat(rasa_url: str, token: str, jobs: Sequence[tuple[Case, str, str]], *,
             concurrency: int = 4, links: dict[str, str] | None = None,
             progress: Progress | None = None) -> list[Outcome]:
    """Every job as the first message of a fresh conversation, `concurrency` at a time."""
    links = links if links is not None else links_of_catalogue()
    done = 0
    outcomes: list[Outcome] = []
    with httpx.Client(timeout=120) as client, ThreadPoolExecutor(concurrency) as pool:
        futures = [pool.submit(run_turn, client, rasa_url, token, case, variant, message, links)
                   for case, variant, message in jobs]
        for future in futures:
            outcomes.append(future.result())
            done += 1
            if progress:
                progress(done, len(futures))
    return outcomes


def search_rankings(messages: Sequence[str], model: str) -> dict[str, tuple[str, ...]]:
    """The search engine's own top 10 for each text (the shipped fused ranking)."""
    from eval.evaluate import make_engine, precompute, ranking

    settings = get_catalogue_settings()
    engine = make_engine(model, threads=settings.torch_threads)
    unique = list(dict.fromkeys(messages))
    cases = [Case(text, (), "-") for text in unique]
    ids = [p.id for p in engine.procedures]
    raw = precompute(engine, cases)
    return {text: tuple(ranking(ids, signals, "fused", engine.calibration)[0])
            for text, signals in zip(unique, raw, strict=True)}


def with_search(outcomes: Sequence[Outcome],
                rankings: dict[str, tuple[str, ...]]) -> list[Outcome]:
    return [replace(o, search_ranked=rankings.get(o.message)) for o in outcomes]


def variant_groups(outcome: Outcome) -> list[str]:
    case = outcome.case
    return ["all", f"split {case.split}", f"{case.devset}/{case.split}"]


def report(outcomes: Sequence[Outcome], variants: Sequence[str]) -> dict[str, Any]:
    """Print tables, misses and targets; return the summaries for the JSON file."""
    by_variant: dict[str, dict[str, Any]] = {}
    for variant in variants:
        mine = [o for o in outcomes if o.variant == variant]
        grouper = chat_report.group_keys if variant == "original" else variant_groups
        by_variant[variant] = chat_report.summaries(mine, grouper)
    if "original" in by_variant:
        original = [o for o in outcomes if o.variant == "original"]
        chat_report.print_misses(original, "misses (original queries)")
        chat_report.print_table("chat evaluation, original queries", by_variant["original"])
    for variant in variants:
        if variant == "original":
            continue
        mine = [o for o in outcomes if o.variant == variant]
        regressions = _regressions(outcomes, mine)
        chat_report.print_misses(regressions, f"{variant}: right as written, not as {variant}")
        chat_report.print_table(f"chat evaluation, variant {variant}", by_variant[variant])
    _print_robustness(by_variant)
    found = chat_report.targets(by_variant)
    if found:
        print("\n== targets (issue 11), held-out half, measured:")
        for target in found:
            print("   " + target.line())
    return {"summaries": by_variant, "targets": [t.__dict__ for t in found]}


def _regressions(outcomes: Sequence[Outcome], variant: Sequence[Outcome]) -> list[Outcome]:
    right = {(o.case.devset, o.case.query) for o in outcomes
             if o.variant == "original" and not chat_report.is_miss(o)}
    return [o for o in variant if (o.case.devset, o.case.query) in right
            and chat_report.is_miss(o)]


def _print_robustness(by_variant: dict[str, dict[str, Any]]) -> None:
    if len(by_variant) < 2 or "original" not in by_variant:
        return
    print("\n== robustness: correct-answer rate per variant (drop against the original)")
    base = by_variant["original"]
    for group in ["all", *(f"split {s}" for s in SPLITS),
                  *(k for k in base if "/" in k)]:
        if group not in base:
            continue
        correct = base[group]["rates"]["correct_answer"]
        cells = [f"original {correct:.3f}"]
        for variant, groups in by_variant.items():
            if variant != "original" and group in groups:
                other = groups[group]["rates"]["correct_answer"]
                top1 = groups[group]["search_top1"]
                search = f", search top-1 {top1:.3f}" if top1 is not None else ""
                cells.append(f"{variant} {other:.3f} (drop {correct - other:+.3f}{search})")
        print(f"   {group:<24} " + "  ".join(cells))


def timing_line(outcomes: Sequence[Outcome], seconds: float, concurrency: int) -> str:
    turns = sorted(o.seconds for o in outcomes)
    if not turns:
        return "no turns"
    p95 = turns[max(0, int(len(turns) * 0.95) - 1)]
    return (f"{len(turns)} conversations in {seconds:.0f} s ({concurrency} at a time): "
            f"turn + tracker p50 {statistics.median(turns) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms")


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", action="append", default=None,
                        help="search | hard | both (default) | a YAML path; repeatable")
    parser.add_argument("--split", default="all", choices=["all", *SPLITS])
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help=f"comma-separated, of {', '.join(VARIANTS)} (default: all)")
    parser.add_argument("--limit", type=int, default=0, help="first N queries only")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--web-port", type=int, default=PORTS["web"])
    parser.add_argument("--rasa-port", type=int, default=PORTS["rasa"])
    parser.add_argument("--actions-port", type=int, default=PORTS["actions"])
    parser.add_argument("--rasa-url", help="use a running stack's Rasa instead of starting one")
    parser.add_argument("--token", default=None,
                        help="Rasa API token of that stack (default: the web app's setting)")
    parser.add_argument("--no-search", action="store_true",
                        help="skip the search engine's own ranking (figures from records only)")
    parser.add_argument("--out", type=Path, default=None,
                        help="JSON result (default var/eval/chat-<UTC time>.json)")
    args = parser.parse_args(argv)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    started_at = datetime.now(UTC)
    t0 = time.perf_counter()
    cases = select(load_devsets(args.devset or ["both"]), args.split)
    if args.limit:
        cases = cases[:args.limit]
    links = links_of_catalogue()
    missing = check_ids(cases, set(links))
    if missing:
        print(f"dev set names unknown procedure ids: {missing}", file=sys.stderr)
        return 2
    jobs = jobs_for(cases, variants)
    print(f"chat evaluation: {len(cases)} queries × {len(variants)} variants "
          f"({', '.join(variants)}) = {len(jobs)} conversations")
    timing: dict[str, float] = {}
    rankings: dict[str, tuple[str, ...]] = {}
    if not args.no_search:
        t = time.perf_counter()
        rankings = search_rankings([m for _, _, m in jobs],
                                   get_catalogue_settings().embedding_model)
        timing["search_reference_s"] = time.perf_counter() - t
        print(f"search engine ranking of {len(rankings)} texts: "
              f"{timing['search_reference_s']:.0f} s")

    def progress(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            print(f"   {done}/{total} conversations, {time.perf_counter() - t_chat:.0f} s",
                  flush=True)

    if args.rasa_url:
        t_chat = time.perf_counter()
        from bot.settings import get_settings

        token = args.token if args.token is not None else get_settings().rasa_token
        outcomes = run_chat(args.rasa_url, token, jobs, concurrency=args.concurrency,
                            links=links, progress=progress)
        timing["chat_s"] = time.perf_counter() - t_chat
    else:
        from runner.stack import running_stack

        with tempfile.TemporaryDirectory(prefix="chat-eval-") as tmp:
            print(f"starting the stack (web {args.web_port}, rasa {args.rasa_port}, "
                  f"actions {args.actions_port}) …", flush=True)
            with running_stack(Path(tmp) / "runner.log", web_port=args.web_port,
                               rasa_port=args.rasa_port,
                               actions_port=args.actions_port) as stack:
                timing["stack_startup_s"] = stack.startup_seconds
                print(f"stack healthy after {stack.startup_seconds:.0f} s", flush=True)
                t_chat = time.perf_counter()
                outcomes = run_chat(stack.rasa_url, stack.rasa_token, jobs,
                                    concurrency=args.concurrency, links=links,
                                    progress=progress)
                timing["chat_s"] = time.perf_counter() - t_chat
    outcomes = with_search(outcomes, rankings) if rankings else outcomes
    summary = report(outcomes, variants)
    timing["total_s"] = time.perf_counter() - t0
    print("\n== timing: " + timing_line(outcomes, timing["chat_s"], args.concurrency))
    print("   " + ", ".join(f"{k} {v:.0f}" for k, v in timing.items()))
    out = args.out or OUT_DIR / f"chat-{started_at:%Y%m%dT%H%M%SZ}.json"
    write_json(out, {"started": started_at.isoformat(), "variants": variants,
                     "devsets": args.devset or ["both"], "split": args.split,
                     "n_queries": len(cases), "timing_s": {k: round(v, 1)
                                                          for k, v in timing.items()},
                     **summary, "turns": [o.to_dict() for o in outcomes]})
    print(f"   result: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    failed = sum(o.failed for o in outcomes)
    if failed:
        print(f"ERROR: {failed} conversations failed on the HTTP level (see 'no_record'); "
              "the figures above are not a measurement of the dialogue", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
