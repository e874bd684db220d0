"""The desktop app's entry point: `skiller` and `skiller --demo` call `run`."""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from skiller_desktop.errors import SkillerError
from skiller_desktop.services import Services
from skiller_desktop.views import Changes

from .first_run import FirstRunDialog
from .forms import Ask
from .i18n import Languages, chosen_language
from .main_window import MainWindow
from .messages import describe
from .operations import Operations
from .plain import message_box
from .qtcompat import emit
from .resources import RESOURCES, icon, stylesheet
from .runner import Runner

ORGANISATION, APPLICATION = "Skiller", "Skiller Desktop"
log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up for sharp rendering on high-DPI screens."""
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    setup(app)
    return app


def setup(app: QApplication) -> None:
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Skiller")
    app.setWindowIcon(icon("skiller"))
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(with_cjk_fallback(font))
    app.setStyleSheet(stylesheet())


# CJK-capable families, best first, where the system has one (Windows, macOS, Linux distributions)
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
                "Hiragino Sans GB", "Hiragino Sans", "Yu Gothic UI", "Meiryo", "WenQuanYi Micro Hei",
                "Noto Sans CJK JP", "Droid Sans Fallback")
BUNDLED_CJK = RESOURCES / "fonts" / "DroidSansFallback-subset.ttf"  # see resources/fonts/subset_cjk.py


@functools.cache
def cjk_families() -> tuple[str, ...]:
    """Families that draw Chinese and Japanese: the system's if it has any, else the bundled subset.

    Without one, "中文" in a skill's column title was two empty boxes (issue 12.7). Looked up once: each
    `addApplicationFont` adds the 1.5 MB font again and resets Qt's font caches, so every later
    `setFont`/`setStyleSheet` on the application re-polished slower (the GUI tests set up the app per test).
    """
    writing = QFontDatabase.WritingSystem
    system = set(QFontDatabase.families(writing.SimplifiedChinese)) | set(QFontDatabase.families(writing.Japanese))
    if system:
        known = [f for f in CJK_FAMILIES if f in system]
        return tuple(known or sorted(system)[:1])
    loaded = QFontDatabase.addApplicationFont(str(BUNDLED_CJK))
    return tuple(QFontDatabase.applicationFontFamilies(loaded)) if loaded >= 0 else ()


def with_cjk_fallback(font: QFont) -> QFont:
    """`font`, falling back on a CJK family for the characters its own family lacks.

    Both the font's family list and a substitution for its family: widgets whose
    style sheet changes the weight or size rebuild their font from the family name.
    """
    fallback = [f for f in cjk_families() if f != font.family()]
    if fallback:
        QFont.insertSubstitutions(font.family(), fallback)
        font.setFamilies([font.family(), *fallback])
    return font


def start_sync(services: Services, demo: bool, settings: QSettings | None = None, host: str = "0.0.0.0"):
    """(status source, closer, LAN node or None): sync/'s node, serving and announced on the LAN.

    The LAN node is returned unstarted: connect to its `serving` signal, then
    `start()` it (off this thread: serve, announce, then the scheduler).
    With --demo, pretend peers and no network at all.
    """
    if demo:
        from .demo_sync import DemoSyncSource

        return DemoSyncSource(), lambda: None, None
    try:
        from sync.cli_commands import keep_traces
        from sync.node import NodeSync

        from .lan import DEFAULT_PORT, PORT_SETTING, LanNode, serving_chosen

        keep_traces(services.data_dir)  # a sync's traces go to a private file, never to a terminal
        node = NodeSync(services)
    except Exception:  # sync is optional: the app works offline without it
        log.exception("sync could not start; running offline")
        return None, lambda: None, None
    try:
        port = int(str(settings.value(PORT_SETTING, DEFAULT_PORT))) if settings is not None else DEFAULT_PORT
    except (TypeError, ValueError):
        port = DEFAULT_PORT
    lan = LanNode(node, host, port, enabled=serving_chosen(settings))  # hidden: outbound sync only, until shown
    return node.scheduler, lan.close, lan


class _DemoProgress(QObject):
    step = Signal(int, int)


def prepare_demo(ops: Operations, parent=None) -> None:
    """Give a fresh demo data dir a generated community, showing progress."""
    from skiller_desktop import demo

    services = ops.services
    if services.identity is not None or not hasattr(demo, "prepare_demo"):
        return
    dialog = QProgressDialog(QCoreApplication.translate("App", "Generating the demo community…"), "", 0, 100, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setWindowTitle("Skiller")
    progress = _DemoProgress()
    progress.step.connect(lambda done, total: dialog.setValue(int(100 * done / max(total, 1))))
    finished: list[BaseException | None] = []
    loop = QEventLoop()

    def done(_result, error: BaseException | None) -> None:
        finished.append(error)
        loop.quit()

    ops.run(lambda: demo.prepare_demo(services, progress=lambda d, t: emit(progress.step, d, t)), done)
    if not finished:
        loop.exec()
    dialog.close()
    if finished[0] is not None:
        raise finished[0]
    ops.announce(Changes.everything())


def close_on_signals(window: QWidget) -> None:
    """SIGTERM (a session ending, `kill`) or Ctrl+C closes the window as its close button does:
    geometry saved, sync stopped, the store closed, instead of the process dying mid-way.

    Python runs a signal handler only when it gets control, which Qt's event loop
    does not give while idle: a timer hands it control four times a second.
    """
    import signal

    from PySide6.QtCore import QTimer

    def close(*_args: object) -> None:
        QTimer.singleShot(0, window.close)

    for name in ("SIGTERM", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), close)
    tick = QTimer(window)
    tick.timeout.connect(lambda: None)
    tick.start(250)


def single_instance(path: Path, item: str | None):
    """This data dir's listening Instance, or the exit code when an app already runs on it: 0 when it took
    `item` (and came to the front), 1 when it does not answer (hung: no second writer beside it)."""
    from .single_instance import BUSY, TAKEN, Instance, ask_running

    answer = ask_running(path, [item] if item else [])
    if answer == TAKEN:
        if os.environ.get("SKILLER_UI_SAY_READY"):
            print("ui-handed-off", flush=True)
        return 0
    if answer == BUSY:
        text = QCoreApplication.translate("App", "Skiller is already open on this data folder but does not answer. "
                                                 "Close it (or end it), then try again.")
        message_box(None, QMessageBox.Icon.Warning, "Skiller", text).exec()
        return 1
    instance = Instance(path)
    instance.listen()
    if item:
        instance.pending.append(item)
    return instance


def run(data_dir: Path | None, demo: bool, link: str | None = None) -> int:
    """Open the window on `data_dir` (or the default one), and `link` (a `skiller:` invitation) if given."""
    from skiller_desktop.paths import default_data_dir, demo_data_dir

    app = application()
    settings = QSettings(ORGANISATION, APPLICATION)
    languages = Languages()
    languages.switch(chosen_language(settings))
    path = Path(data_dir) if data_dir else (demo_data_dir() if demo else default_data_dir())
    instance = single_instance(path, link)  # package: a second launch hands its link or bundle over
    if isinstance(instance, int):
        return instance
    try:
        services = Services(path)
    except SkillerError as exc:
        instance.close()
        message_box(None, QMessageBox.Icon.Critical, "Skiller", describe(exc)).exec()
        return 1
    runner = Runner()
    ops = Operations(services, runner)
    ask = Ask()
    closers: list = [instance.close]
    try:
        if demo:
            prepare_demo(ops)
        if services.identity is None:
            first = FirstRunDialog(ops, ask)
            if first.exec() != QDialog.DialogCode.Accepted:
                return 0
        source, stop_sync, lan = start_sync(services, demo, settings)
        closers.append(stop_sync)
        window = MainWindow(ops, settings, languages, ask=ask, sync_source=source)
        if lan is not None:
            window.set_lan(lan)  # the Settings switch hides or shows it live
            lan.start()
        closers.append(lambda: window.relay_host.stop(forget=False))  # the team relay, if it runs
        from .invite_actions import LinkOpener

        app.installEventFilter(LinkOpener(window))  # macOS: a clicked skiller: link while running
        window.show()
        close_on_signals(window)
        from .single_instance import open_items

        # started by a `skiller:` link or a `.skb` file (a registered handler), or handed one since: open it
        instance.attach(lambda items: open_items(window, items))
        exit_when_ready = bool(os.environ.get("SKILLER_UI_EXIT_WHEN_READY"))
        if exit_when_ready or os.environ.get("SKILLER_UI_SAY_READY"):  # end-to-end tests: a log line
            from PySide6.QtCore import QTimer

            def ready() -> None:
                print("ui-ready", flush=True)
                state = {"menus": [action.text() for action in window.menuBar().actions()],  # the language
                         "icon_drawn": not icon("skiller").pixmap(32, 32).isNull(),  # the SVG icon engine
                         "style_loaded": bool(app.styleSheet())}  # seen from outside (the packaged app's tests)
                print("ui-state " + json.dumps(state, ensure_ascii=True), flush=True)
                if exit_when_ready:
                    app.quit()

            QTimer.singleShot(0, ready)
        return app.exec()
    except SkillerError as exc:
        message_box(None, QMessageBox.Icon.Critical, "Skiller", describe(exc)).exec()
        return 1
    finally:
        for close in closers:
            close()
        runner.shutdown()
        services.close()
