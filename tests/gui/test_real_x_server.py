"""Smoke test in a real X server: `skiller --demo` maps its main window under Xvfb, paints it, closes cleanly.

Every other GUI test runs offscreen; this one loads Qt's xcb platform plugin for real, and proves
what it claims from outside the app: xwininfo sees the window mapped, xwd sees it painted, and a
WM_DELETE_WINDOW (a window manager's close button) ends the app through its normal exit path.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import wait_until

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xwininfo", "xwd")  # Debian: xvfb, x11-utils, x11-apps
TOTAL_SECONDS = 60.0
# A line of `xwininfo -root -tree`: id "title": ("instance" "class")  WxH+X+Y  +X+Y
MAIN_WINDOW = re.compile(r'^\s*(0x[0-9a-f]+) "Skiller": \("[^"]*" "Skiller Desktop"\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)',
                         re.MULTILINE)
QT_DISPLAY_ERRORS = ("could not connect to display", "Could not load the Qt platform plugin")


class Deadline:
    """One time budget for the whole test: every wait takes what is left of it."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return max(self.end - time.monotonic(), 0.1)


def require_tools() -> None:
    """Skip where there is no X server to start (a Mac, a bare dev box); on CI that is a failure."""
    if not sys.platform.startswith("linux"):
        pytest.skip("Qt's xcb platform plugin exists only in Linux builds")
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        why = f"needs {', '.join(missing)} (apt-get install xvfb x11-utils x11-apps)"
        if os.environ.get("CI"):
            pytest.fail(f"{why}: .ci/run installs them, so CI must run this test")
        pytest.skip(why)


@contextmanager
def xvfb(log: Path, deadline: Deadline) -> Iterator[str]:
    """A fresh Xvfb on a display number it picks itself (-displayfd); yields ":N"."""
    read_end, write_end = os.pipe()
    with log.open("wb") as err:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                                   "-nolisten", "tcp"], pass_fds=(write_end,), stdout=err, stderr=err)
    os.close(write_end)
    try:
        number = b""
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], deadline.left())
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                server.kill()
                pytest.fail(f"Xvfb said no display number: {log.read_text(errors='replace')[-2000:]}")
            number += chunk
        yield f":{int(number)}"
    finally:
        os.close(read_end)
        stop(server)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def skiller_env(home: Path, display: str | None = None) -> dict[str, str]:
    """The app's environment: its own home and settings; with a display, Qt's xcb plugin on it."""
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "SKILLER_UI_EXIT_WHEN_READY")}
    env.update(SKILLER_NO_KEYRING="1", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), PYTHONPATH=str(ROOT),
               PYTHONIOENCODING="utf-8")
    return {**env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display} if display else env


def skiller(*args: str) -> list[str]:
    return [sys.executable, "-m", "skiller_desktop", *args]


def main_window(display: str, app: subprocess.Popen, stderr: Path) -> tuple[int, int, int, int, int] | None:
    """(id, width, height, x, y) of the app's main window once the X server shows it mapped."""
    if app.poll() is not None:
        pytest.fail(f"the app exited ({app.returncode}) before showing its window: {stderr.read_text()[-3000:]}")
    tree = subprocess.run(["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True,
                          timeout=10).stdout
    for match in MAIN_WINDOW.finditer(tree):  # Qt's 1x1 client leader window has the same title
        window, width, height, x, y = (int(match[1], 16), *map(int, match.groups()[1:]))
        if width < 400 or height < 300:
            continue
        state = subprocess.run(["xwininfo", "-display", display, "-id", hex(window)], capture_output=True,
                               text=True, timeout=10).stdout
        if "Map State: IsViewable" in state:
            return window, width, height, x, y
    return None


def distinct_colours(xwd: bytes, x: int, y: int, width: int, height: int) -> int:
    """How many pixel values an XWD image of a true-colour screen holds in a rectangle."""
    fields = struct.unpack(">25I", xwd[:100])  # XWDFileHeader: 25 big-endian CARD32
    header_size, pixmap_format, screen_width, screen_height = fields[0], fields[2], fields[4], fields[5]
    bytes_per_line, ncolors = fields[12], fields[19]
    step = bytes_per_line // screen_width  # xwd may say 24 bits a pixel where each takes 32
    assert pixmap_format == 2 and step in (3, 4), f"not a true-colour ZPixmap: {fields}"
    pixels = xwd[header_size + 12 * ncolors:]
    assert len(pixels) >= bytes_per_line * screen_height, "the XWD image is cut short"
    left, right = max(x, 0), min(x + width, screen_width)
    colours: set[bytes] = set()
    for row in range(max(y, 0), min(y + height, screen_height)):
        line = pixels[row * bytes_per_line + step * left:row * bytes_per_line + step * right]
        colours.update(line[i:i + 3] for i in range(0, len(line), step))  # 24 bits of colour, then padding
    return len(colours)


class _ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


def ask_to_close(display: str, window: int) -> None:
    """What a window manager's close button sends (Xvfb runs none): WM_DELETE_WINDOW, through libX11."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(_XEvent)]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    assert connection, f"libX11 cannot open {display}"
    try:
        event = _XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.window = window
        event.xclient.message_type = x11.XInternAtom(connection, b"WM_PROTOCOLS", False)
        event.xclient.format = 32
        event.xclient.data[0] = x11.XInternAtom(connection, b"WM_DELETE_WINDOW", False)
        assert x11.XSendEvent(connection, window, False, 0, ctypes.byref(event)), "XSendEvent refused"
    finally:
        x11.XCloseDisplay(connection)  # flushes the request


@pytest.mark.slow
def test_the_app_shows_paints_and_closes_its_window_in_a_real_x_server(tmp_path: Path) -> None:
    require_tools()
    deadline = Deadline(TOTAL_SECONDS)
    data = tmp_path / "data"
    made = subprocess.run(skiller("--data-dir", str(data), "demo", "--people", "30"), capture_output=True,
                          text=True, cwd=ROOT, env=skiller_env(tmp_path), timeout=deadline.left())
    assert made.returncode == 0, made.stderr
    out, err = tmp_path / "app.out", tmp_path / "app.err"
    with xvfb(tmp_path / "xvfb.log", deadline) as display:
        with out.open("wb") as stdout, err.open("wb") as stderr:  # files, not pipes: nothing blocks the app
            app = subprocess.Popen(skiller("--demo", "--data-dir", str(data)), stdout=stdout, stderr=stderr,
                                   cwd=ROOT, env=skiller_env(tmp_path, display))
        try:
            window, width, height, x, y = wait_until(lambda: main_window(display, app, err), deadline.left(),
                                                     0.1, f"the main window mapped on {display}")
            shot = tmp_path / "screen.xwd"

            def painted() -> bool:
                with shot.open("wb") as image:
                    subprocess.run(["xwd", "-display", display, "-root", "-silent"], stdout=image, check=True,
                                   timeout=10)
                return distinct_colours(shot.read_bytes(), x, y, width, height) >= 16

            # A window the X server maps is blank until Qt paints it; antialiased text alone gives hundreds.
            wait_until(painted, deadline.left(), 0.1, "the main window painted (16 colours or more)")
            ask_to_close(display, window)
            try:
                code = app.wait(deadline.left())
            except subprocess.TimeoutExpired:
                pytest.fail(f"the app is still running {TOTAL_SECONDS:.0f} s in, after WM_DELETE_WINDOW")
        finally:
            stop(app)
    errors = err.read_text(errors="replace")
    assert code == 0, errors
    assert "Traceback" not in errors, errors
    assert not [e for e in QT_DISPLAY_ERRORS if e in errors], errors
    # closeEvent saved the window's geometry: the app ended by its own close path, not by a signal.
    settings = tmp_path / "config" / "Skiller" / "Skiller Desktop.conf"
    assert "geometry" in settings.read_text(errors="replace"), "the window closed without its closeEvent"
