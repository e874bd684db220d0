"""`python3 dev.py package`: the standalone app for this OS, then its archive or installer.

    python3 dev.py package [--folder-only | --pack-only]

Steps (each also a function the release workflow's scripts call):
1. build/pyinstaller/build.json (version, date, commit: shown by `skiller --version` and About)
   and skiller.png (the icon, drawn from resources/icons/skiller.svg by Qt);
2. PyInstaller with packaging/skiller.spec -> dist/skiller/ (dist/Skiller.app on macOS);
3. Linux: dist/skiller-<version>-linux-<arch>.tar.gz with the .desktop file, icon, MIME type and
   install script; macOS: a .dmg (hdiutil); Windows: the Inno Setup installer if `iscc` is found.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import layout

HERE = Path(__file__).resolve().parent


def version() -> str:
    text = (layout.ROOT / "skiller_desktop" / "__init__.py").read_text("utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=layout.ROOT, capture_output=True,
                              text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 else "unknown"


def write_build_info() -> dict[str, str]:
    info = {"version": version(), "commit": os.environ.get("SKILLER_COMMIT") or commit(),
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    layout.BUILD.mkdir(parents=True, exist_ok=True)
    (layout.BUILD / "build.json").write_text(json.dumps(info, indent=1), "utf-8")
    return info


def render_icon(size: int = 512) -> Path:
    """The SVG icon as a PNG (PyInstaller turns it into .ico or .icns with Pillow)."""
    target = layout.BUILD / "skiller.png"
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter, QColor\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(['render'])\n"
        f"image = QImage({size}, {size}, QImage.Format.Format_ARGB32)\n"
        "image.fill(QColor(0, 0, 0, 0))\n"
        "painter = QPainter(image)\n"
        "QSvgRenderer(sys.argv[1]).render(painter)\n"
        "painter.end()\n"
        "sys.exit(0 if image.save(sys.argv[2]) else 1)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    layout.BUILD.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", code, str(layout.ROOT / "resources" / "icons" / "skiller.svg"),
                    str(target)], check=True, env=env)
    return target


def pyinstaller() -> Path:
    """dist/skiller (or dist/Skiller.app), built afresh."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(layout.DIST), "--workpath", str(layout.BUILD / "work"), str(HERE / "skiller.spec")]
    subprocess.run(command, check=True, cwd=layout.ROOT)
    link_relay()
    strip_debug_symbols()
    return layout.package_root()


def strip_debug_symbols() -> None:
    """Linux: symbols not needed for linking out of the shared libraries (a third of the folder), except those a wheel
    vendors in a `*.libs` folder (auditwheel patched them: stripped, numpy's OpenBLAS no longer loads).
    The executables are left alone: PyInstaller appends the app's archive to them."""
    strip = shutil.which("strip")
    if layout.platform_key() != "linux" or strip is None:
        return
    internal = layout.folder() / "_internal"
    libraries = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()
                 and not any(part.endswith(".libs") for part in p.relative_to(internal).parts)]
    for start in range(0, len(libraries), 200):
        subprocess.run([strip, "--strip-unneeded", *map(str, libraries[start:start + 200])], check=True)


def link_relay() -> None:
    """Linux and macOS: `skiller-relay` is a symbolic link to the command line (packaging/entry_skiller.py
    runs the relay when started under that name), so the folder holds the app's code once."""
    if layout.platform_key() == "windows":
        return
    relay = layout.executable("relay")
    relay.unlink(missing_ok=True)
    relay.symlink_to(layout.executable("cli").name)


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def linux_archive(info: dict[str, str]) -> Path:
    """The folder plus what an install needs: .desktop file, icon, MIME type, install script."""
    folder = layout.package_root()
    for name in ("install.sh", "uninstall.sh", "skiller-mime.xml"):
        shutil.copy2(HERE / "linux" / name, folder / name)
    shutil.copy2(layout.ROOT / "resources" / "desktop" / "skiller.desktop", folder / "skiller.desktop")
    for name in ("install.sh", "uninstall.sh"):
        (folder / name).chmod(0o755)
    shutil.copy2(layout.BUILD / "skiller.png", folder / "skiller.png")
    shutil.copy2(layout.ROOT / "resources" / "icons" / "skiller.svg", folder / "skiller.svg")
    target = layout.DIST / f"skiller-{info['version']}-linux-{arch()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"skiller-{info['version']}")
    return target


def macos_dmg(info: dict[str, str]) -> Path:
    target = layout.DIST / f"Skiller-{info['version']}-macos-{arch()}.dmg"
    target.unlink(missing_ok=True)
    subprocess.run(["hdiutil", "create", "-volname", "Skiller", "-srcfolder", str(layout.package_root()),
                    "-ov", "-format", "UDZO", str(target)], check=True)
    return target


def windows_installer(info: dict[str, str]) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC") or _program_files_iscc()
    if iscc is None:
        print("Inno Setup (iscc) not found: the folder is built, the installer is not", file=sys.stderr)
        return None
    from PIL import Image  # Pillow comes with fpdf2

    ico = layout.BUILD / "skiller.ico"
    Image.open(layout.BUILD / "skiller.png").save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    subprocess.run([iscc, f"/DAppVersion={info['version']}", f"/DIconFile={ico}",
                    f"/DSourceDir={layout.package_root()}", f"/DOutputDir={layout.DIST}",
                    str(HERE / "windows" / "skiller.iss")], check=True)
    return layout.DIST / f"Skiller-{info['version']}-windows-setup.exe"


def _program_files_iscc() -> str | None:
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def package(build: bool = True, archive: bool = True) -> int:
    """Build the folder and/or pack it (the release workflow signs the folder in between)."""
    started = time.monotonic()
    if build:
        info = write_build_info()
        render_icon()
        root = pyinstaller()
        print(f"built {root} in {time.monotonic() - started:.0f} s")
    else:
        info = json.loads((layout.BUILD / "build.json").read_text("utf-8"))
    if not archive:
        return 0
    kind = layout.platform_key()
    made = linux_archive(info) if kind == "linux" else macos_dmg(info) if kind == "macos" else windows_installer(info)
    if made is not None:
        print(f"packed {made}")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    options = sys.argv[1:]
    sys.exit(package(build="--pack-only" not in options, archive="--folder-only" not in options))
