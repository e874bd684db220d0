#!/usr/bin/env python3
"""Set up the project's virtual environment, then run the app or the tests.

    python3 dev.py demo     set up, then open the app on a generated demo community
    python3 dev.py test     set up, then run the whole test suite
    python3 dev.py setup    only set up (.venv with the locked dependencies)
    python3 dev.py package  set up, then build the standalone app for this OS in dist/ (PyInstaller):
                            Linux: dist/skiller/ and a .tar.gz with an install script; macOS: Skiller.app
                            and a .dmg; Windows: dist/skiller/ and, with Inno Setup, an installer
                            (--folder-only: the folder alone)

Works the same on Windows, macOS and Linux; needs CPython 3.11 or 3.12.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
SUPPORTED = ((3, 11), (3, 12))


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def base_python() -> str:
    if sys.version_info[:2] in SUPPORTED:
        return sys.executable
    for name in ("python3.12", "python3.11"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("Skiller needs Python 3.11 or 3.12 (the automerge wheels exist only for those).")


def setup() -> Path:
    python = venv_python()
    stamp = VENV / ".installed"
    if python.exists() and stamp.exists() and stamp.read_text() == LOCK.read_text():
        return python
    if not python.exists():
        subprocess.run([base_python(), "-m", "venv", str(VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-r", str(LOCK)], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    stamp.write_text(LOCK.read_text())
    return python


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "demo"
    python = setup()
    if command == "setup":
        return 0
    if command == "test":
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        return subprocess.run([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env).returncode
    if command == "demo":
        return subprocess.run([str(python), "-m", "skiller_desktop", "--demo", *argv[1:]], cwd=ROOT).returncode
    if command == "package":
        return subprocess.run([str(python), str(ROOT / "packaging" / "build.py"), *argv[1:]], cwd=ROOT).returncode
    if command == "app":
        return subprocess.run([str(python), "-m", "skiller_desktop", *argv[1:]], cwd=ROOT).returncode
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
