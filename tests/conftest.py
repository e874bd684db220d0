"""Shared fixtures: real data dirs in tmp_path, never the user's key store."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ["SKILLER_NO_KEYRING"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.fixture
def node(tmp_path: Path) -> Callable[..., object]:
    """Make a Services over a fresh data dir, with an identity if a name is given."""
    from skiller_desktop.services import Services

    opened = []

    def make(name: str | None = None, headline: str = "", folder: str | None = None) -> Services:
        services = Services(tmp_path / (folder or f"node{len(opened)}"))
        if name is not None:
            services.create_identity(name, headline)
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()


def run_cli(*args: str, data_dir: Path | None = None, stdin: str | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m skiller_desktop` as a user would."""
    command = [sys.executable, "-m", "skiller_desktop"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, "SKILLER_NO_KEYRING": "1", "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(command + list(args), capture_output=True, text=True, input=stdin,
                          env=full_env, cwd=ROOT, timeout=120)
