"""A data dir on a read-only or full file system, for real (mount namespaces).

Root ignores permission bits, so a chmod cannot make a folder read-only for
it; a read-only bind mount or a tiny tmpfs can. These tests run the CLI inside
`unshare -m` and skip, saying so, where mount namespaces are not allowed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

import pytest
from support import ROOT, run_cli


def _can_unshare() -> bool:
    if shutil.which("unshare") is None or os.name != "posix":
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _can_unshare(), reason="mount namespaces (unshare -m) are not available here")


def _in_namespace(setup: str, *cli_args: str, data_dir) -> subprocess.CompletedProcess:
    cli = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "skiller_desktop", "--data-dir", str(data_dir),
                                             *cli_args])
    script = f"set -e; {setup}; {cli}"
    env = {**os.environ, "SKILLER_NO_KEYRING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


def test_a_read_only_data_dir_still_shows_the_data_and_refuses_edits_clearly(tmp_path):
    data = tmp_path / "data"
    assert run_cli("init", "--name", "Ana", data_dir=data).returncode == 0
    assert run_cli("skill", "add", "Python", "--level", "4", data_dir=data).returncode == 0
    read_only = f"mount --bind {data} {data} && mount -o remount,bind,ro {data}"
    listed = _in_namespace(read_only, "skill", "list", data_dir=data)
    assert listed.returncode == 0, listed.stderr
    assert "Python" in listed.stdout
    refused = _in_namespace(read_only, "skill", "add", "Go", "--level", "3", data_dir=data)
    assert refused.returncode == 1
    assert "read-only" in refused.stderr and "Traceback" not in refused.stderr
    assert "Go" not in run_cli("skill", "list", data_dir=data).stdout


def test_a_full_disk_refuses_the_edit_and_keeps_the_store_intact(tmp_path):
    data = tmp_path / "small"
    data.mkdir()
    fill = data / "filler"
    setup = (f"mount -t tmpfs -o size=1m tmpfs {data}"
             f" && {shlex.quote(sys.executable)} -m skiller_desktop --data-dir {data} init --name Ana >/dev/null"
             f" && (dd if=/dev/zero of={fill} bs=4k 2>/dev/null || true)")
    bio = "x" * 4000
    result = _in_namespace(setup, "profile", "set", "--bio", bio, data_dir=data)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "disk is full" in result.stderr or "the disk" in result.stderr
    assert "Traceback" not in result.stderr
