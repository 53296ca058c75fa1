"""The domain and the action server agree on every custom action name."""

from __future__ import annotations

from pathlib import Path

import yaml
from rasa_sdk.executor import ActionExecutor

ROOT = Path(__file__).resolve().parents[2]


def test_every_domain_action_is_served_and_vice_versa():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    executor = ActionExecutor()
    executor.register_package("actions")
    assert set(domain["actions"]) == set(executor.actions)


def test_every_intent_has_training_examples_and_a_rule():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    examples: set[str] = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in item and item["examples"].strip():
                examples.add(item["intent"])
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))
    routed = {step["intent"] for rule in rules["rules"] for step in rule["steps"]
              if "intent" in step}
    assert set(domain["intents"]) <= examples
    assert set(domain["intents"]) <= routed
