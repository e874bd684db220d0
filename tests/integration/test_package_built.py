"""The BUILT app, not the Python sources: `python3 dev.py package` once, then its executables as a user runs them.

One PyInstaller build per test run (~1.5 min on 2 cores; `SKILLER_BUILT_DIR` points at an existing
dist/skiller instead). Each test starts the frozen `skiller` / `skiller-relay` with a clean environment
(no PYTHONPATH, its own HOME and settings) and checks what a user would see: the version, a
portfolio, search, bundles between two data dirs, a PDF with its fonts, the relay answering, a first
sync through the relay that needs the frozen worker pool, the window offscreen in French for 10 s,
the window in a real X server (xcb, the libraries the folder ships), and the Linux archive's install
script registering the .skb type and the skiller: scheme.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import wait_until

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and paths")]


def _layout():
    spec = importlib.util.spec_from_file_location("skiller_packaging_layout", ROOT / "packaging" / "layout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layout = _layout()


@pytest.fixture(scope="module")
def built() -> Path:
    """The folder with the executables: built here unless SKILLER_BUILT_DIR names one."""
    given = os.environ.get("SKILLER_BUILT_DIR")
    if given:
        return Path(given)
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: it is pinned in requirements.lock, so CI must have it")
        pytest.skip("PyInstaller is not installed (python3 dev.py setup installs it)")
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    print(f"package built in {time.monotonic() - started:.0f} s")
    return layout.folder()


def exe(built: Path, role: str) -> Path:
    """The built executable for `role` (gui, cli, relay): on macOS `skiller-cli` is beside `Skiller`."""
    return built / layout.executables()[role]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "SKILLER_")) and k not in ("VIRTUAL_ENV", "WAYLAND_DISPLAY")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               SKILLER_NO_KEYRING="1", QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def run(exe: Path, *args: str, home: Path, timeout: float = 180, **env: str) -> subprocess.CompletedProcess:
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8",
                          env=clean_env(home, **env), cwd=home, timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def ok(exe: Path, *args: str, home: Path, **env: str) -> str:
    done = run(exe, *args, home=home, **env)
    assert done.returncode == 0, f"{exe.name} {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_built_command_line_works_without_python_sources(built: Path, tmp_path: Path) -> None:
    skiller = exe(built, "cli")
    assert ok(skiller, "--version", home=tmp_path).startswith("skiller ")
    assert "from source" not in ok(skiller, "--version", home=tmp_path)  # build.json found inside the bundle
    ana = tmp_path / "Élodie Müller" / "mes données"  # spaces and non-ASCII in the data dir
    ben = tmp_path / "ben"
    ok(skiller, "--data-dir", str(ana), "init", "--name", "Élodie Müller", home=tmp_path)
    ok(skiller, "--data-dir", str(ana), "skill", "add", "Tissage", "--level", "4", home=tmp_path)
    found = json.loads(ok(skiller, "--data-dir", str(ana), "--json", "search", "tissage", home=tmp_path))
    assert [p["name"] for p in found["people"]] == ["Élodie Müller"]
    bundle = tmp_path / "élodie.skb"
    ok(skiller, "--data-dir", str(ana), "bundle", "export", str(bundle), home=tmp_path)
    ok(skiller, "--data-dir", str(ben), "init", "--name", "Ben", home=tmp_path)
    ok(skiller, "--data-dir", str(ben), "bundle", "import", str(bundle), home=tmp_path)
    people = json.loads(ok(skiller, "--data-dir", str(ben), "--json", "search", "tissage", home=tmp_path))
    assert [p["name"] for p in people["people"]] == ["Élodie Müller"]
    pdf = tmp_path / "portfolio.pdf"
    ok(skiller, "--data-dir", str(ana), "export", "pdf", str(pdf), home=tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVu" in data  # the bundled fonts, embedded


def test_the_built_relay_answers_and_a_first_sync_uses_the_frozen_worker_pool(built: Path, tmp_path: Path) -> None:
    skiller, relay_exe = exe(built, "cli"), exe(built, "relay")
    port = free_port()
    relay = subprocess.Popen([str(relay_exe), "--port", str(port), "--db", str(tmp_path / "relay.sqlite3")],
                             env=clean_env(tmp_path), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        def info() -> dict | None:
            assert relay.poll() is None, relay.communicate()[1]
            try:
                with urllib.request.urlopen(url + "/v1/info", timeout=2) as answer:
                    return json.loads(answer.read())
            except OSError:
                return None

        answered = wait_until(info, timeout=60, interval=0.2, message="the built relay answering /v1/info")
        assert isinstance(answered, dict) and "newest_seq" in json.dumps(answered)
        refused = run(relay_exe, "--db", "postgresql://relay@127.0.0.1:9/skiller", "blocked", home=tmp_path)
        assert refused.returncode == 2 and "no PostgreSQL support" in refused.stderr  # said, not a trace
        community = tmp_path / "community"
        ok(skiller, "--data-dir", str(community), "demo", "--people", "200", home=tmp_path)
        ok(skiller, "--data-dir", str(community), "sync", "--relay", url, "--once", home=tmp_path)
        newcomer = tmp_path / "newcomer"
        ok(skiller, "--data-dir", str(newcomer), "init", "--name", "Chloé", home=tmp_path)
        forks = sync_watching_workers(skiller, newcomer, url, tmp_path)
        assert forks, "the first sync verified 200 documents without starting a worker process"
        count = json.loads(ok(skiller, "--data-dir", str(newcomer), "--json", "people", "--limit", "1000",
                              home=tmp_path))
        assert len(count) >= 200
    finally:
        relay.send_signal(signal.SIGTERM)
        try:
            relay.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            relay.kill()
            relay.communicate()


def sync_watching_workers(skiller: Path, data_dir: Path, url: str, home: Path) -> set[int]:
    """Run `skiller sync --once` and return the ids of the worker processes it started (frozen spawn)."""
    sync = subprocess.Popen([str(skiller), "--data-dir", str(data_dir), "sync", "--relay", url, "--once"],
                            env=clean_env(home, SKILLER_SYNC_WORKERS="2"), cwd=home, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    while sync.poll() is None:
        workers |= children_of(sync.pid, "--multiprocessing-fork")
    out, err = sync.communicate()
    assert sync.returncode == 0, out + err
    assert "Traceback" not in err, err
    return workers


def children_of(pid: int, marker: str) -> set[int]:
    """Ids of `pid`'s child processes whose command line holds `marker` (ps: Linux and macOS alike)."""
    listed = subprocess.run(["ps", "-A", "-o", "pid=,ppid=,args="], capture_output=True, text=True, timeout=10)
    found: set[int] = set()
    for line in listed.stdout.splitlines():
        fields = line.split(None, 2)
        if len(fields) == 3 and fields[1] == str(pid) and marker in fields[2]:
            found.add(int(fields[0]))
    return found


@pytest.fixture
def app_home(tmp_path: Path) -> Iterator[Path]:
    """A home whose settings choose French (as the Settings screen would save it)."""
    config = tmp_path / "config" / "Skiller"
    config.mkdir(parents=True)
    (config / "Skiller Desktop.conf").write_text("[General]\nlanguage=fr\n", "utf-8")
    yield tmp_path


def test_the_built_window_opens_on_the_demo_in_french_and_stays_up(built: Path, app_home: Path) -> None:
    app = subprocess.Popen([str(exe(built, "gui")), "--demo", "--data-dir", str(app_home / "démo")],
                           env=clean_env(app_home, SKILLER_UI_SAY_READY="1"), cwd=app_home,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert app.stdout is not None
        assert app.stdout.readline().strip() == "ui-ready"
        state = json.loads(app.stdout.readline().split(" ", 1)[1])
        assert "&Fichier" in state["menus"], state  # the French catalogue, found inside the bundle
        assert state["icon_drawn"] and state["style_loaded"], state  # an SVG plugin draws icons; style found
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            assert app.poll() is None, app.communicate()[1]
            time.sleep(0.2)
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err
    assert "Traceback" not in err, err


def test_the_built_window_maps_in_a_real_x_server(built: Path, tmp_path: Path) -> None:
    """Qt's xcb plugin and the xcb libraries the folder ships (or the system has) load for real."""
    from gui.test_real_x_server import Deadline, main_window, require_tools, stop, xvfb

    if not sys.platform.startswith("linux"):
        pytest.skip("Qt's xcb platform plugin exists only in Linux builds")
    bundled = {p.name for p in (built / "_internal").rglob("libxcb*.so*")}
    for library in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
                    "libxcb-render-util.so.0"):  # what Debian lacks without them: the folder ships them
        assert library in bundled, (library, sorted(bundled))
    require_tools()
    deadline = Deadline(90)
    with xvfb(tmp_path / "xvfb.log", deadline) as display:
        err = tmp_path / "app.err"
        with err.open("w") as stderr:
            app = subprocess.Popen([str(exe(built, "gui")), "--demo", "--data-dir", str(tmp_path / "demo")],
                                   env=clean_env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=display),
                                   cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            wait_until(lambda: main_window(display, app, err), timeout=deadline.left(), interval=0.2,
                       message="the built app's window mapped under Xvfb")
        finally:
            stop(app)
    text = err.read_text(errors="replace")
    assert "Could not load the Qt platform plugin" not in text, text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux archive")
def test_the_linux_archive_installs_and_registers_bundles_and_links(built: Path, tmp_path: Path) -> None:
    archives = sorted(layout.DIST.glob("skiller-*-linux-*.tar.gz"))
    if os.environ.get("SKILLER_BUILT_DIR") and not archives:
        pytest.skip("SKILLER_BUILT_DIR given without its archive")
    assert archives, "python3 dev.py package made no .tar.gz"
    with tarfile.open(archives[-1]) as tar:
        names = tar.getnames()
        top = names[0].split("/")[0]
        for wanted in ("skiller", "skiller-relay", "install.sh", "skiller.desktop", "skiller-mime.xml",
                       "skiller.png"):
            assert f"{top}/{wanted}" in names, wanted
        tar.extractall(tmp_path / "unpacked", filter="tar")
    desktop = (tmp_path / "unpacked" / top / "skiller.desktop").read_text("utf-8")
    assert "MimeType=application/x-skiller-bundle;x-scheme-handler/skiller;" in desktop
    if shutil.which("xdg-mime") is None:
        if os.environ.get("CI"):
            pytest.fail("xdg-utils is missing: .ci/run installs it")
        pytest.skip("xdg-utils is not installed")
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home, XDG_DATA_DIRS=str(home / "data") + ":/usr/share", XDG_CURRENT_DESKTOP="X-Generic")
    done = subprocess.run(["sh", str(tmp_path / "unpacked" / top / "install.sh"), "--user"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = home / "data" / "skiller" / "skiller"
    assert installed.exists()
    assert ok(home / ".local" / "bin" / "skiller", "--version", home=home).startswith("skiller ")
    for kind in ("x-scheme-handler/skiller", "application/x-skiller-bundle"):
        query = subprocess.run(["xdg-mime", "query", "default", kind], env=env, capture_output=True, text=True,
                               timeout=30)
        assert query.stdout.strip() == "skiller.desktop", (kind, query.stdout, query.stderr)
    registered = (home / "data" / "applications" / "skiller.desktop").read_text("utf-8")
    assert f'Exec="{installed}" %u' in registered
