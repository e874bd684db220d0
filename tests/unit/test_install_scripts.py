"""install.sh and uninstall.sh never delete a folder holding the app's data (profiles/): on a case-insensitive
mount, ~/.local/share/skiller (the install) is ~/.local/share/Skiller (the data dir)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "packaging" / "linux"

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


@pytest.mark.parametrize("script", ["install.sh", "uninstall.sh"])
def test_a_prefix_holding_profiles_is_refused_and_kept(tmp_path: Path, script: str) -> None:
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    shutil.copy(SCRIPTS / script, unpacked / script)
    data = tmp_path / "share" / "skiller"
    (data / "profiles" / "default").mkdir(parents=True)
    (data / "profiles" / "default" / "identity.json").write_text("{}", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"),
           "BINDIR": str(tmp_path / "bin")}
    done = subprocess.run(["sh", str(unpacked / script), "--user"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode != 0
    assert "profiles" in done.stderr
    assert (data / "profiles" / "default" / "identity.json").read_text(encoding="utf-8") == "{}"
