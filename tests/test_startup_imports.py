"""A read-only command loads only what it uses (issue 11: `skiller whoami` and `search` start in ≤ 150 ms).

The time itself is measured by bench/bench_cli_start.py, not here: a timed
test flakes on a busy machine. This checks the cause instead, on the same
path the `skiller` command takes (the composition root): none of the modules
that cost the start-up its 0.8 s are imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import run_cli

ROOT = Path(__file__).resolve().parents[1]
NOT_FOR_READING = ("sqlite_utils", "sync.node", "sync.client", "sync.serving", "sync.api", "requests", "uvicorn",
                   "starlette", "PySide6", "nacl", "fpdf", "jsonschema", "zeroconf", "ui",
                   "skiller_desktop.interop.service", "skiller_desktop.teams.sealed",
                   "numpy", "skiller_desktop.standing", "skiller_desktop.trust")  # standing is read, never computed

SCRIPT = """
import json, sys
from skiller_desktop.__main__ import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "data"
    assert run_cli("init", "--name", "Ana", data_dir=path).returncode == 0
    assert run_cli("skill", "add", "Python", "--level", "4", data_dir=path).returncode == 0
    return path


@pytest.mark.parametrize("command", [["whoami"], ["search", "py"], ["--json", "search", "", "--skill", "python"]])
def test_a_read_only_command_imports_nothing_it_does_not_use(data_dir: Path, command: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, "--data-dir", str(data_dir), *command],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "SKILLER_NO_KEYRING": "1", "PYTHONPATH": str(ROOT)})
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    loaded = [m for m in report["modules"] if any(m == name or m.startswith(name + ".") for name in NOT_FOR_READING)]
    assert loaded == []


def test_every_command_group_declares_exactly_the_commands_it_adds() -> None:
    """A group is left out of the parser for a command it does not declare: a missing name would lose a command."""
    import argparse

    from skiller_desktop.__main__ import SYNC_COMMANDS
    from skiller_desktop.cli import CORE_GROUPS

    for group in (*CORE_GROUPS, SYNC_COMMANDS):
        sub = argparse.ArgumentParser().add_subparsers()
        group.register(sub)
        assert tuple(sub.choices) == group.names


def test_the_command_word_is_read_as_the_parser_reads_it() -> None:
    from skiller_desktop.cli import command_word

    assert command_word(["--data-dir", "whoami", "--json", "search", "x"]) == "search"
    assert command_word(["--data-dir=d", "team", "list"]) == "team"
    assert command_word(["--help"]) is None
