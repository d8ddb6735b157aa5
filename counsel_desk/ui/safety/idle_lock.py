"""The idle lock (閒置鎖定): after a chosen time without keyboard or mouse, every window is covered.

Only for a database whose key was typed (a passphrase or the recovery key): a key from the OS
keyring is already protected by the Windows sign-in. While locked, an opaque cover lies over each
open window (the main window and any editor or dialog), window titles say only "counsel_desk", and
the passphrase opens them again. A menu, drop-down list or tooltip left open (it lies above every
window, and a menu has no room for a cover) is closed, and one opened while locked closes at once.
Keys reach only the covers: a window's shortcuts do nothing and Tab does not lead under a cover.
Nothing else is closed or discarded: an editor half-filled stays as it was under its cover. The
time is ``settings.LOCK_MINUTES`` (Preferences; 0: never).
"""

from __future__ import annotations

import hmac

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QToolTip, QVBoxLayout, QWidget
from shiboken6 import isValid

from counsel_desk.store import keys
from counsel_desk.store.keys import DatabaseKey
from counsel_desk.ui import settings as options

_KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut}
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class LockCover(QWidget):
    """An opaque cover over one window, with the passphrase field."""

    def __init__(self, window: QWidget, lock: "IdleLock"):
        super().__init__(window)
        self.setObjectName("lockCover")
        self.lock = lock
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCover { background: #2b2f36; } #lockCover QLabel { color: white; } #unlockError { color: #ffb4a9; }")
        title = QLabel(self.tr("The Regional Revitalization Desk is locked"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        note = QLabel(self.tr("It was left alone, so the data is hidden. Enter the passphrase (or the recovery key) "
                              "to go on where you were."))
        note.setWordWrap(True)
        note.setFixedWidth(480)  # a wrapped label centred in a layout would otherwise shrink to nothing
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setMinimumHeight(note.heightForWidth(480))
        self.secret = QLineEdit()
        self.secret.setObjectName("unlockPassphrase")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setFixedWidth(320)
        self.secret.returnPressed.connect(self._try)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.clicked.connect(self._try)
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (title, note, self.secret, self.button, self.error):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a widget added under the cover must not show through
        return False

    def _try(self) -> None:
        if not self.lock.unlock(self.secret.text()):
            self.secret.clear()
            self.error.setText(self.tr("That passphrase does not open it."))


def _is_popup(w: QWidget) -> bool:
    """A menu, a drop-down list, a completer's list or a tooltip: it lies above the windows and closes itself."""
    return w.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip) or w.inherits("QMenu")


class IdleLock(QObject):
    """Watches the whole application's input; locks after ``idle_ms`` without any."""

    locked_changed = Signal(bool)

    def __init__(self, key: DatabaseKey, idle_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.key = key
        self.locked = False
        self.covers: list[LockCover] = []
        self.titles: dict[QWidget, str] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def _live_covers(self) -> list[LockCover]:
        """The covers whose window is still there (a window closed while locked takes its cover with it)."""
        self.covers = [c for c in self.covers if isValid(c)]
        return self.covers

    def _cover_holding(self, widget: QWidget) -> LockCover | None:
        return next((c for c in self._live_covers() if c is widget or c.isAncestorOf(widget)), None)

    def _keep_keys_in_cover(self, obj, event) -> bool:
        """While locked, keys reach only a cover: a window's shortcut (save, delete, a new record) or a key
        sent to a field under the cover would act on what is hidden. True: the event is swallowed."""
        if event.type() == QEvent.Type.Shortcut:
            return True
        if not isinstance(obj, QWidget):
            return False
        cover = self._cover_holding(obj)
        if cover is None:  # a field under a cover (focus left there): the keys go nowhere
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            (cover.button if obj is cover.secret else cover.secret).setFocus()  # Tab stays in the cover
            return True
        return False

    def eventFilter(self, obj, event) -> bool:
        if event.type() in _ACTIVITY and not self.locked:
            self.timer.start()
        elif self.locked and event.type() in _KEYS:
            return self._keep_keys_in_cover(obj, event)
        elif self.locked and event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            if _is_popup(obj):  # a menu opened by a shortcut or the Alt key while locked: not shown
                QTimer.singleShot(0, obj.close)
            elif not any(c.window() is obj for c in self._live_covers()):
                QTimer.singleShot(0, lambda w=obj: self._cover(w))  # a window that opens while locked is covered too
        return False

    def _cover(self, window: QWidget) -> None:
        if self.locked and isValid(window) and window.isVisible() \
                and not any(c.window() is window for c in self._live_covers()):
            self.titles[window] = window.windowTitle()
            window.setWindowTitle("counsel_desk")
            self.covers.append(LockCover(window, self))
            self.covers[-1].secret.setFocus()  # a dialog that opened meanwhile: what she types goes here

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        # menus, drop-down lists and tooltips left open lie above every cover: closed (nothing chosen is lost)
        QToolTip.hideText()
        for _ in range(10):  # popups may be nested (a submenu); each close ends one
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and not _is_popup(w)]
        for w in windows:
            self.titles[w] = w.windowTitle()
            w.setWindowTitle("counsel_desk")
            self.covers.append(LockCover(w, self))
        if self.covers:
            self.covers[-1].secret.setFocus()
        self.locked_changed.emit(True)

    def unlock(self, secret: str) -> bool:
        candidate = keys.from_secret(secret, self.key.salt)
        if not hmac.compare_digest(candidate.key, self.key.key):
            return False
        for cover in self._live_covers():
            cover.window().removeEventFilter(cover)
            cover.deleteLater()
        self.covers.clear()
        for w, title in self.titles.items():
            if isValid(w):
                w.setWindowTitle(title)
        self.titles.clear()
        self.locked = False
        self.timer.start()
        self.locked_changed.emit(False)
        return True


def start_idle_lock(window: QWidget, database, settings) -> IdleLock | None:
    """Lock ``window`` (and every other window) after the chosen idle time, when the key was typed."""
    key = getattr(database, "key", None)
    minutes = options.LOCK_MINUTES.get(settings)
    if key is None or not key.typed or minutes <= 0:
        return None
    return IdleLock(key, minutes * 60_000, window)
