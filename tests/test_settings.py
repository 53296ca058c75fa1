"""One settings story: every WEGWEISER_* variable is defined once and documented.

Each package that has settings defines them in one pydantic-settings class; a variable
named anywhere in the project (code, Makefile, Rasa files, docs) must be one of those
fields, and the README's settings table lists every one of them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pydantic_settings import BaseSettings

from bot.channels.settings import ChannelSettings
from bot.settings import BotSettings
from bot.staff.settings import StaffSettings
from catalogue.settings import CatalogueSettings
from runner.settings import RunnerSettings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS: tuple[type[BaseSettings], ...] = (BotSettings, StaffSettings, ChannelSettings,
                                            CatalogueSettings,
                                            RunnerSettings)
VARIABLE = re.compile(r"\bWEGWEISER_[A-Z][A-Z0-9_]*")
SCANNED = (".py", ".yml", ".yaml", ".md", ".toml", ".sh", ".js", ".html", ".cfg", ".service",
           ".example", ".conf")


def defined() -> dict[str, str]:
    """Variable name → the settings class that defines it."""
    names: dict[str, str] = {}
    for cls in SETTINGS:
        prefix = cls.model_config.get("env_prefix", "")
        assert prefix == "WEGWEISER_", cls
        for field in cls.model_fields:
            name = f"{prefix}{field.upper()}"
            assert name not in names, f"{name} is defined in {names.get(name)} and {cls}"
            names[name] = cls.__name__
    return names


def project_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [ROOT / name for name in listed.splitlines()
            if (name.endswith(SCANNED) or Path(name).name in ("Makefile", "run"))
            and (ROOT / name).is_file()]


def test_every_variable_is_defined_in_exactly_one_settings_class():
    assert len(defined()) >= 18


def test_every_variable_named_anywhere_is_a_setting():
    known = defined()
    unknown = {f"{path.relative_to(ROOT)}: {name}" for path in project_files()
               for name in VARIABLE.findall(path.read_text(encoding="utf-8", errors="replace"))
               if name not in known}
    assert not unknown, f"not defined in any settings class: {sorted(unknown)}"


def test_the_readme_settings_table_lists_every_setting_once():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(WEGWEISER_[A-Z0-9_]+)` \|", section, flags=re.MULTILINE)
    assert sorted(rows) == sorted(set(rows)), "a variable has two rows"
    assert set(rows) == set(defined())


def test_no_module_reads_a_wegweiser_variable_from_os_environ():
    readers = [str(path.relative_to(ROOT)) for path in project_files()
               if path.suffix == ".py" and re.search(
                   r"(os\.environ(\.get)?|getenv)\(?\[?[\"']WEGWEISER_",
                   path.read_text(encoding="utf-8"))]
    assert not readers, f"read the typed settings instead: {readers}"
