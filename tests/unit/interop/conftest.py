"""Fixtures for the interop converters: LinkedIn exports built on disk."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

ExportFiles = dict[str, str | bytes]


def _as_bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def write_folder(root: Path, files: ExportFiles) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_as_bytes(content))
    return root


def write_zip(path: Path, files: ExportFiles) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, _as_bytes(content))
    return path


@pytest.fixture(params=["folder", "zip"])
def make_export(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[ExportFiles], Path]:
    """Builds an export in both shapes people hand us: the ZIP and its unpacked folder."""

    def make(files: ExportFiles) -> Path:
        if request.param == "folder":
            return write_folder(tmp_path / "export", files)
        return write_zip(tmp_path / "export.zip", files)

    return make
