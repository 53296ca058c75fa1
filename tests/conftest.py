"""Fixtures shared by several test folders: the real stack, started once per session.

The end-to-end tests (tests/e2e) and the chat-evaluation smoke test (tests/eval) use the
same session-scoped `stack`, so a full `make test` starts Rasa, the action server and the
web app only once. `--stack-ports WEB,RASA,ACTIONS` moves it off the default ports, e.g.
to run a slow test beside another checkout's `make test`. The messenger-channel tests
(tests/e2e/channels) start a second stack with every channel on, on these ports + 1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from runner.stack import ROOT, Stack, StackError, running_stack

# Apart from `make run`'s, so a developer's running assistant does not interfere.
DEFAULT_PORTS = "18000,15005,15055"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--stack-ports", default=DEFAULT_PORTS,
                     help="web,rasa,actions ports of the test stack (default %(default)s)")


def _ports(config: pytest.Config) -> tuple[int, int, int]:
    value = str(config.getoption("--stack-ports"))
    try:
        web, rasa, actions = (int(part) for part in value.split(","))
    except ValueError:
        raise pytest.UsageError(f"--stack-ports wants WEB,RASA,ACTIONS, got {value!r}") from None
    return web, rasa, actions


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
          ) -> Iterator[Stack]:
    if not (ROOT / "models" / "wegweiser.tar.gz").exists():
        pytest.fail("models/wegweiser.tar.gz is missing: run the tests with `make test`")
    web, rasa, actions = _ports(pytestconfig)
    try:
        with running_stack(tmp_path_factory.mktemp("stack") / "runner.log", web_port=web,
                           rasa_port=rasa, actions_port=actions) as stack:
            print(f"\nstack healthy after {stack.startup_seconds:.0f} s")
            yield stack
    except StackError as exc:
        pytest.fail(str(exc))
