"""Start the real stack once (Rasa, action server, web app) for the end-to-end tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from runner.stack import ROOT, Stack, StackError, running_stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not (ROOT / "models" / "wegweiser.tar.gz").exists():
        pytest.fail("models/wegweiser.tar.gz is missing: run the tests with `make test`")
    # Ports apart from `make run`'s, so a developer's running assistant does not interfere.
    try:
        with running_stack(tmp_path_factory.mktemp("stack") / "runner.log") as stack:
            print(f"\nstack healthy after {stack.startup_seconds:.0f} s")
            yield stack
    except StackError as exc:
        pytest.fail(str(exc))
