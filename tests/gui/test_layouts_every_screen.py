"""Every screen, on the demo, at 1024×680 (and 1280×800 in French): nothing cut without a tooltip,
no table squeezed under three rows (issue 12.7).

The screens are walked by `docs/screenshots/take.py`'s `scenes`, so the
screenshots show what this test checks. The checks ask Qt itself what a
widget would need (`sizeHintForIndex`, `sectionSizeHint`, `sizeHint`) and
compare it with what it got, so a style sheet padding or a bold header is
counted as Qt counts it.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QListView,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Languages

ROOT = Path(__file__).resolve().parents[2]
MIN_ROWS = 3


def load_take():
    spec = importlib.util.spec_from_file_location("take_screenshots", ROOT / "docs" / "screenshots" / "take.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# -- the checks ------------------------------------------------------------------


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def where(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName() or type(widget).__name__
    return f"{type(widget).__name__} “{name}”"


def tip(model, index: QModelIndex) -> str:
    return str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "").strip()


def header_problems(view: QAbstractItemView, header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not shown(header):
        return []
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        if not text or model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole):
            continue
        if header.sectionSizeHint(section) > header.sectionSize(section) + 1:
            problems.append(f"{where(view)}: header “{text}” cut ({header.sectionSize(section)} px "
                            f"< {header.sectionSizeHint(section)} px), no tooltip")
    return problems


def visible_indexes(view: QAbstractItemView) -> Iterator[QModelIndex]:
    """The indexes whose rows are on screen, children of expanded tree items included."""
    model = view.model()
    rect = view.viewport().rect()

    def walk(parent: QModelIndex) -> Iterator[QModelIndex]:
        columns = 1 if isinstance(view, QListView) else model.columnCount(parent)
        for row in range(model.rowCount(parent)):
            first = model.index(row, 0, parent)
            if isinstance(view, QTableView) and view.isRowHidden(row):
                continue
            if any(view.visualRect(model.index(row, c, parent)).intersects(rect) for c in range(columns)):
                for column in range(columns):
                    yield model.index(row, column, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first):
                yield from walk(first)

    yield from walk(QModelIndex())


def cell_problems(view: QAbstractItemView) -> list[str]:
    model = view.model()
    problems = []
    for index in visible_indexes(view):
        if isinstance(view, QTableView) and (view.isColumnHidden(index.column())
                                             or view.columnSpan(index.row(), index.column()) < 1):
            continue
        text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
        if not text.strip() or tip(model, index):
            continue
        got = view.visualRect(index).width()
        needed = view.sizeHintForIndex(index).width()
        if got > 0 and needed > got + 1:
            line = text.splitlines()[0]
            problems.append(f"{where(view)}: “{line}” cut ({got} px < {needed} px), no tooltip")
    return problems


def row_height(view: QAbstractItemView) -> int:
    if isinstance(view, QTableView):
        return view.verticalHeader().defaultSectionSize()
    model = view.model()
    if model is not None and model.rowCount():
        return max(view.sizeHintForRow(0), 1)
    return QFontMetrics(view.font()).height() + 8


def view_problems(view: QAbstractItemView) -> list[str]:
    problems = []
    rows = view.viewport().height() // row_height(view)
    if rows < MIN_ROWS:
        problems.append(f"{where(view)}: room for {rows} row(s), fewer than {MIN_ROWS}")
    if isinstance(view, QTableView):
        problems += header_problems(view, view.horizontalHeader())
    elif isinstance(view, QTreeView) and not view.isHeaderHidden():
        problems += header_problems(view, view.header())
    return problems + cell_problems(view)


def without_mnemonics(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def label_problems(label: QLabel) -> list[str]:
    text = without_mnemonics(label.text())
    if not text.strip() or label.toolTip() or label.textFormat() == Qt.TextFormat.RichText:
        return []
    if label.wordWrap():  # a word wider than the label is broken in two: "endorsemen/ts"
        room = label.contentsRect().width() - 2 * label.margin()
        widest = max((QFontMetrics(label.font()).horizontalAdvance(word) for word in text.split()), default=0)
        if widest > room + 1:
            return [f"{where(label)}: a word of “{text[:60]}” is broken ({room} px < {widest} px)"]
        return []
    if label.sizeHint().width() > label.width() + 1:
        return [f"{where(label)}: “{text[:60]}” cut ({label.width()} px < {label.sizeHint().width()} px), no tooltip"]
    return []


def document_problems(view: QTextEdit) -> list[str]:
    """Words a rich text view breaks across two lines for want of width ("recommand/ations")."""
    problems = []
    block = view.document().begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for number in range(layout.lineCount() - 1):
            line = layout.lineAt(number)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                broken = f"{text[max(0, end - 12):end]}/{text[end:end + 12]}"
                problems.append(f"{where(view)}: a word is broken: “{broken}”")
        block = block.next()
    return problems


def button_problems(button: QAbstractButton) -> list[str]:
    if not button.text().strip() or button.toolTip():
        return []
    if button.sizeHint().width() > button.width() + 1:
        return [f"{where(button)}: “{button.text()}” cut ({button.width()} px < {button.sizeHint().width()} px)"]
    return []


def tab_problems(bar: QTabBar) -> list[str]:
    if bar.sizeHint().width() > bar.width() + 1:
        tabs = ", ".join(bar.tabText(i) for i in range(bar.count()))
        return [f"tabs “{tabs}” squeezed ({bar.width()} px < {bar.sizeHint().width()} px)"]
    return []


def layout_problems(root: QWidget) -> list[str]:
    """What a user would see cut or squeezed in `root` as it is shown now."""
    problems: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        if shown(view) and isinstance(view, QTableView | QTreeView):
            problems += view_problems(view)
        elif shown(view) and isinstance(view, QListView):
            problems += cell_problems(view)
    for document in root.findChildren(QTextEdit):
        if shown(document):
            problems += document_problems(document)
    for label in root.findChildren(QLabel):
        if shown(label):
            problems += label_problems(label)
    for button in root.findChildren(QAbstractButton):
        if shown(button) and button.parent() is not None and not isinstance(button.parent(), QTabBar):
            problems += button_problems(button)
    for bar in root.findChildren(QTabBar):
        if shown(bar):
            problems += tab_problems(bar)
    return problems


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


# -- every screen ------------------------------------------------------------------


@pytest.fixture(scope="module")
def take():
    return load_take()


@pytest.fixture(scope="module")
def demo(qapp, take, tmp_path_factory):
    from ui.app import setup

    setup(qapp)  # the app's style sheet and fonts, as a user sees them
    services = take.prepare(tmp_path_factory.mktemp("demo") / "data")  # the screenshots' demo, as it is
    yield services
    services.close()


@pytest.mark.parametrize(("lang", "size"), [("en", (1024, 680)), ("fr", (1024, 680)), ("en", (1280, 800)),
                                            ("fr", (1280, 800))])
def test_every_screen_holds(qtbot, take, demo, tmp_path, lang, size) -> None:
    languages = Languages()
    languages.switch(lang)
    window = take.open_window(demo, languages, tmp_path, size)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    found: dict[str, list[str]] = {}
    seen = []
    try:
        for name, widget in take.scenes(window):
            settle()
            seen.append(name)
            assert widget.isVisible(), name
            problems = list(dict.fromkeys(layout_problems(widget)))  # a long tree repeats the same cut
            if problems:
                found[name] = problems
    finally:
        window.close()
        languages.switch("en")
    assert {"profile", "people", "teams", "teams-matrix", "teams-matching", "settings"} <= set(seen)
    assert not found, "\n".join(f"{lang} {size} {name}: {p}" for name, ps in found.items() for p in ps)


# -- the checks can fail ------------------------------------------------------------------


def a_table(qtbot, texts: list[str], height: int, tooltips: bool = False) -> QWidget:
    model = QStandardItemModel(len(texts), 2)
    model.setHorizontalHeaderLabels(["Name", "Headline"])
    for row, text in enumerate(texts):
        item = QStandardItem(text)
        if tooltips:
            item.setToolTip(text)
        model.setItem(row, 1, item)
        model.setItem(row, 0, QStandardItem(f"Person {row}"))
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(360, height)
    view = QTableView(holder)
    view.setModel(model)
    view.setAccessibleName("people")
    QVBoxLayout(holder).addWidget(view)
    view.setColumnWidth(1, 80)
    holder.show()
    qtbot.waitExposed(holder)
    holder.model = model  # type: ignore[attr-defined]  # kept alive with the widget
    return holder


def test_a_cut_headline_without_tooltip_is_found(qtbot) -> None:
    view = a_table(qtbot, ["Développeuse Python indépendante", "Dev"], 300)
    problems = layout_problems(view)
    assert any("Développeuse Python indépendante" in p for p in problems), problems
    assert not any("“Dev”" in p for p in problems)


def test_a_cut_headline_with_its_tooltip_passes(qtbot) -> None:
    view = a_table(qtbot, ["Développeuse Python indépendante", "Dev"], 300, tooltips=True)
    assert layout_problems(view) == []


def test_a_table_with_room_for_two_rows_is_found(qtbot) -> None:
    view = a_table(qtbot, ["a", "b", "c", "d"], 100)
    assert any("fewer than 3" in p for p in layout_problems(view))


def test_a_cut_header_and_a_broken_word_are_found(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    label = QLabel("3 endorsements", holder)
    label.setWordWrap(True)
    label.setFixedWidth(40)
    layout.addWidget(label)
    model = QStandardItemModel(5, 1)
    model.setHorizontalHeaderLabels(["Recommandations reçues"])
    view = QTableView(holder)
    view.setModel(model)
    view.setColumnWidth(0, 50)
    layout.addWidget(view)
    holder.resize(400, 400)
    holder.model = model  # type: ignore[attr-defined]
    holder.show()
    qtbot.waitExposed(holder)
    problems = layout_problems(holder)
    assert any("broken" in p and "endorsements" in p for p in problems), problems
    assert any("header “Recommandations reçues” cut" in p for p in problems), problems
