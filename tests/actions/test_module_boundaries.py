"""The actions package layout: flows import only shared modules; only sdk touches rasa_sdk."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from actions import SHARED_MODULES

PACKAGE = Path(__file__).resolve().parents[2] / "actions"
MODULES = {f"actions.{path.stem}": path for path in PACKAGE.glob("*.py")
           if path.stem != "__init__"}
FLOWS = sorted(set(MODULES) - SHARED_MODULES)


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, `from actions import x` counted as `actions.x`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_shared_modules_exist_and_flows_are_found():
    assert set(MODULES) >= SHARED_MODULES
    assert "actions.search_procedure" in FLOWS


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_import_only_shared_modules_of_the_package(module):
    own = {name for name in imported_modules(MODULES[module]) if name in MODULES}
    assert own <= SHARED_MODULES, f"{module} imports flow module(s) {own - SHARED_MODULES}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_adapter_imports_rasa_sdk(module):
    uses_sdk = any(name.split(".")[0] == "rasa_sdk"
                   for name in imported_modules(MODULES[module]))
    assert uses_sdk == (module == "actions.sdk")
