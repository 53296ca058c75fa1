"""Generated conversations in Rasa's SQL tracker store format, for the staff review's
tests and benchmark: the `events` table exactly as Rasa 3.6 creates it, with user, bot,
action, turn-record and feedback events as Rasa and our actions write them."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from pathlib import Path
from typing import Any

# Rasa 3.6's SQLTrackerStore schema (SQLite).
SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER NOT NULL PRIMARY KEY,
    sender_id VARCHAR(255) NOT NULL,
    type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT,
    intent_name VARCHAR(255),
    action_name VARCHAR(255),
    data TEXT
);
CREATE INDEX IF NOT EXISTS ix_events_sender_id ON events (sender_id);
"""
PROCEDURES = ["kfz-abmeldung", "kfz-zulassung", "wunschkennzeichen", "wohngeld",
              "aufenthaltstitel", "elterngeld", "bauantrag", "fuehrerschein-umtausch",
              "fischereischein", "waffenbesitzkarte", "jagdschein", "einbuergerung",
              "schwerbehindertenausweis", "baföG", "gewerbeanmeldung", "hundesteuer"]
QUESTIONS = ["Ich möchte mein Auto abmelden", "Wo beantrage ich Wohngeld?",
             "Aufenthaltstitel verlängern", "Wie bekomme ich einen Fischereischein?",
             "Bauantrag stellen für eine Garage", "Führerschein umtauschen bitte",
             "How do I apply for housing benefit?", "Hundesteuer anmelden"]
CHANNELS = ["rest", "rest", "rest", "telegram", "facebook"]
DECISIONS = [("answer", "link_given"), ("answer", "link_given"), ("elsewhere", "sent_elsewhere"),
             ("clarify", "clarified"), ("rephrase", "rephrase"), ("handoff", "handoff")]


def create(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA)
        conn.execute("pragma journal_mode=wal")
    conn.close()


def user(ts: float, text: str, intent: str = "search_procedure", confidence: float = 0.9,
         channel: str = "rest") -> dict[str, Any]:
    return {"event": "user", "timestamp": ts, "text": text, "input_channel": channel,
            "parse_data": {"intent": {"name": intent, "confidence": confidence},
                           "entities": [], "text": text}, "metadata": {}}


def bot(ts: float, text: str, url: str | None = None) -> dict[str, Any]:
    buttons = [{"title": "Zum Online-Antrag", "url": url, "type": "web_url"}] if url else []
    return {"event": "bot", "timestamp": ts, "text": text, "data": {"buttons": buttons}}


def record(procedure: str, decision: str, outcome: str, confidence: float) -> dict[str, Any]:
    url = f"https://www.lra-mue.de/{procedure}"
    return {"version": 1, "action": "action_search_procedure", "intent": "search_procedure",
            "intent_confidence": confidence, "language": "de", "decision": decision,
            "reason": None, "aspect": None,
            "candidates": [{"id": procedure, "score": round(confidence, 3)},
                           {"id": "wohngeld", "score": 0.31}],
            "procedure_ids": [procedure] if decision in ("answer", "elsewhere") else [],
            "links": [url] if outcome == "link_given" else [], "outcome": outcome}


def slot(ts: float, name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "timestamp": ts, "name": name, "value": value}


def conversation(rng: random.Random, start: float, turns: int,
                 channel: str = "rest") -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [
        {"event": "action", "timestamp": start, "name": "action_session_start"}]
    ts = start
    for _ in range(turns):
        ts += rng.uniform(5, 60)
        procedure = rng.choice(PROCEDURES)
        decision, outcome = rng.choice(DECISIONS)
        confidence = rng.uniform(0.4, 0.99)
        events.append(user(ts, rng.choice(QUESTIONS), confidence=confidence, channel=channel))
        events.append({"event": "action", "timestamp": ts + 0.1,
                       "name": "action_search_procedure"})
        url = f"https://www.lra-mue.de/{procedure}" if outcome == "link_given" else None
        events.append(bot(ts + 0.2, f"Antwort zu {procedure}", url))
        events.append(slot(ts + 0.3, "turn_record",
                           record(procedure, decision, outcome, confidence)))
        if outcome == "link_given" and rng.random() < 0.3:
            ts += 10
            helpful = "yes" if rng.random() < 0.7 else "no"
            events.append(user(ts, f'/feedback{{"helpful": "{helpful}"}}', "feedback", 1.0,
                               channel))
            events.append(bot(ts + 0.1, "Danke für Ihre Rückmeldung!"))
            events.append(slot(ts + 0.2, "feedback", helpful))
    return events


def insert(path: Path, sender_id: str, events: list[dict[str, Any]]) -> None:
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "insert into events (sender_id, type_name, timestamp, intent_name, action_name, "
            "data) values (?, ?, ?, ?, ?, ?)",
            [(sender_id, e["event"], e.get("timestamp"),
              (e.get("parse_data") or {}).get("intent", {}).get("name"), e.get("name"),
              json.dumps(e)) for e in events])
    conn.close()


def generate(path: Path, conversations: int, seed: int = 7, days: int = 90,
             now: float | None = None) -> int:
    """Write `conversations` generated conversations; returns the number of events."""
    rng = random.Random(seed)
    now = time.time() if now is None else now
    create(path)
    rows = []
    for n in range(conversations):
        start = now - rng.uniform(0, days * 86400)
        sender = f"gen-{n:06d}"
        for e in conversation(rng, start, rng.randint(1, 6), rng.choice(CHANNELS)):
            rows.append((sender, e["event"], e.get("timestamp"),
                         (e.get("parse_data") or {}).get("intent", {}).get("name"),
                         e.get("name"), json.dumps(e)))
    with sqlite3.connect(path) as conn:
        conn.executemany("insert into events (sender_id, type_name, timestamp, intent_name, "
                         "action_name, data) values (?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    return len(rows)
