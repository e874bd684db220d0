"""End to end: `skiller` and `skiller --demo` open the window (a subprocess; we wait for its log line)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from skiller_desktop.services import Services

ROOT = Path(__file__).resolve().parents[2]


def launch(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SKILLER_NO_KEYRING="1", SKILLER_UI_EXIT_WHEN_READY="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    code = "import sys; from skiller_desktop.__main__ import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)


@pytest.mark.slow
def test_skiller_opens_the_window_on_an_existing_profile(tmp_path):
    services = Services(tmp_path / "data")
    services.create_identity("Alice Martin")
    services.close()
    done = launch("--data-dir", str(tmp_path / "data"), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ui-ready" in done.stdout


@pytest.mark.slow
def test_skiller_demo_opens_on_a_generated_community(tmp_path):
    done = launch("--demo", "--data-dir", str(tmp_path / "demo"), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ui-ready" in done.stdout
    services = Services(tmp_path / "demo")
    assert services.queries.count_people() > 100
    services.close()


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGTERM is not a polite request on Windows")
def test_sigterm_closes_the_window_as_its_close_button_does(tmp_path):
    import select
    import signal

    services = Services(tmp_path / "data")
    services.create_identity("Alice Martin")
    services.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SKILLER_NO_KEYRING="1", SKILLER_UI_SAY_READY="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    code = "import sys; from skiller_desktop.__main__ import main; sys.exit(main(sys.argv[1:]))"
    app = subprocess.Popen([sys.executable, "-c", code, "--data-dir", str(tmp_path / "data")], env=env, cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None
        ready, _, _ = select.select([app.stdout], [], [], 60)  # bounded: a window that never comes fails
        assert ready and app.stdout.readline().strip() == "ui-ready"
        app.send_signal(signal.SIGTERM)
        _, stderr = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, stderr  # not killed by the signal (-15): the window closed, the app ended
    assert "Traceback" not in stderr
    saved = list((tmp_path / "config").rglob("*.conf"))
    assert saved and "geometry" in saved[0].read_text(), saved  # only the window's close handler writes it
