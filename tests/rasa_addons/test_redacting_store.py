"""The tracker store redacts in Rasa's own environment: user text, parse data, entities,
slots and echoes never reach the SQLite file; payloads and buttons survive; with a
secret, sender ids are stored as pseudonyms and the conversation is still found.

Slow: runs `.venv-rasa`'s Python (importing Rasa takes seconds).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
pytestmark = [pytest.mark.slow]

SCRIPT = r"""
import asyncio, json, sys, yaml
from rasa.core.tracker_store import TrackerStore
from rasa.utils.endpoints import EndpointConfig
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
config = yaml.safe_load(open("endpoints.yml"))["tracker_store"]
config.update(json.loads(sys.argv[1]))
store = TrackerStore.create(EndpointConfig.from_dict(config),
                            domain=Domain.from_path("domain.yml"))
text = sys.argv[2]
start = text.index("max@")
entity = {"entity": "gemeinde", "value": "max@example.org", "start": start,
          "end": start + len("max@example.org")}
payload = '/choose_option{"procedure_id": "kfz-abmeldung"}'
async def main():
    tracker = await store.get_or_create_tracker("+4917112345678")
    tracker.update(UserUttered(text, intent={"name": "inform_gemeinde", "confidence": 0.9},
                               entities=[entity]))
    tracker.update(SlotSet("gemeinde", text))
    tracker.update(UserUttered("Xaverine Q", intent={"name": "inform", "confidence": 1.0}))
    tracker.update(BotUttered("Antwort an max@example.org? Oder „Xaverine Q“?",
                              data={"buttons": [{"title": "Kfz", "payload": payload}]}))
    await store.save(tracker)
    tracker.update(UserUttered(payload, intent={"name": "choose_option", "confidence": 1.0}))
    await store.save(tracker)
    again = await store.retrieve("+4917112345678")
    print(json.dumps({"class": type(store).__name__, "found": len(again.events),
                      "keys": list(await store.keys()),
                      "serialised": store.serialise_tracker(tracker)}))
asyncio.run(main())
"""
TEXT = "Ich bin Max Mustermann, max@example.org, MÜ-AB 123, IBAN DE89370400440532013000"
SECRETS = ("Mustermann", "max@example.org", "MÜ-AB 123", "DE89370400440532013000")


def run_store(db: Path, **config: object) -> dict[str, object]:
    result = subprocess.run([str(RASA_PYTHON), "-c", SCRIPT,
                             json.dumps({"db": str(db), **config}), TEXT],
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def stored(db: Path) -> str:
    wal = db.with_name(db.name + "-wal")
    raw = db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    return raw.decode("utf-8", errors="replace")


def test_nothing_personal_reaches_the_database_and_payloads_survive(tmp_path: Path):
    db = tmp_path / "tracker.db"
    result = run_store(db)
    assert result["class"] == "WegweiserTrackerStore"
    assert result["found"] == 6  # action_listen, user, slot, bot, 2 × user: all
    raw = stored(db)
    for secret in SECRETS:
        assert secret not in raw, secret
        assert secret not in str(result["serialised"])
    assert "Ich bin [NAME], [E-MAIL], [KENNZEICHEN], IBAN [IBAN]" in raw  # text
    assert "Antwort an [E-MAIL]? Oder \\u201e[FREITEXT]\\u201c?" in raw  # echoes
    assert "Xaverine" not in raw  # an answer quoted back as not understood
    assert '\\"value\\": \\"[E-MAIL]\\"' in raw or '"value": "[E-MAIL]"' in raw  # entity
    assert 'choose_option{\\"procedure_id\\": \\"kfz-abmeldung\\"}' in raw  # payload intact


def test_with_a_secret_the_sender_is_a_pseudonym_and_still_found(tmp_path: Path):
    db = tmp_path / "tracker.db"
    result = run_store(db, sender_secret="k" * 40)
    assert result["found"] == 6
    keys = result["keys"]
    assert isinstance(keys, list) and len(keys) == 1 and str(keys[0]).startswith("p-")
    assert "4917112345678" not in stored(db)


def test_a_short_secret_is_refused(tmp_path: Path):
    result = subprocess.run([str(RASA_PYTHON), "-c", SCRIPT,
                             json.dumps({"db": str(tmp_path / "t.db"),
                                         "sender_secret": "short"}), TEXT],
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=300, check=False)
    assert "WEGWEISER_SENDER_SECRET" in result.stderr
