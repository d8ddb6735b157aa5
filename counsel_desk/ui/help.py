"""Help: the keyboard shortcuts (read from the menus, so the list never goes stale) and the short
zh_TW manual shipped in ``resources/manual/`` and shown offline."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counsel_desk import paths
from counsel_desk.i18n import pick

# Keys that work inside editors and fields rather than from a menu (source text, "Help" context).
IN_EDITORS = [
    ("Ctrl+S", QT_TRANSLATE_NOOP("Help", "Save the record being edited")),
    ("Alt+Down / F4", QT_TRANSLATE_NOOP("Help", "Open the calendar of a date field")),
    ("Esc", QT_TRANSLATE_NOOP("Help", "Close a dialog or editor (unsaved changes are asked about)")),
]


def manual_path():
    """The manual in the UI's language (the zh_TW one when there is no other)."""
    folder = paths.resources_dir() / "manual"
    own = folder / pick("manual_zh_TW.html", "manual_en.html")
    return own if own.exists() else folder / "manual_zh_TW.html"


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) of every menu command that has a shortcut, in menu order."""
    rows = []
    for top in menu_bar.actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if isinstance(action, QAction) and not action.shortcut().isEmpty():
                rows.append((top.text().replace("&", "").split("(")[0].strip(), action.text().replace("&", "")
                             .split("(")[0].strip(), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = menu_shortcuts(menu_bar)
        rows += [(self.tr("In editors"), QCoreApplication.translate("Help", text), keys) for keys, text in IN_EDITORS]
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)


class ManualDialog(QDialog):
    """The manual, read from the installed files: no network, no browser."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(self.tr("Manual"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(manual_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 560)
