"""Windows that fit the screen she has: one place sizes, places and remembers every window.

Every top-level window — the main window, the editors, the dialogs — calls ``fit_window`` once it is
built. It restores the size she left the window at (``ui/settings.window_size(name)``) and otherwise
opens it at its preferred size cut down to ``available_geometry()`` (the screen minus the task bar),
centred over its parent; either way the window ends up wholly on the screen. A dialog's size is
written back when it closes; the main window writes its own on close (``remember_geometry``).

Tall forms go into ``scrolling(form)`` so the window can be shorter than the form while the buttons
that save and close stay outside the scroll area, always visible. ``available_geometry`` is the one
place that asks the screen, so a test can pretend to be a 1366×768 laptop by replacing it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFrame, QScrollArea, QSizePolicy, QStyle, QStyleOptionComboBox, QWidget,
)

from counsel_desk.ui import settings as options

# Room for the title bar and borders, which Qt learns only once the window is shown (Windows 10/11 at
# 100 %: 31 px title + 8 px borders; GNOME and KDE are smaller).
FRAME = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen the window is on (or its parent's, or the primary screen)."""
    screen = None
    for candidate in (widget, widget.parentWidget() if widget is not None else None):
        if candidate is not None and candidate.window().windowHandle() is not None:
            screen = candidate.window().screen()
            break
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 680)


def room(widget: QWidget | None = None) -> QSize:
    """The largest client size a window may take: the available screen less its frame."""
    return available_geometry(widget).size() - FRAME


def _settings(settings: QSettings | None) -> QSettings:
    if settings is not None:
        return settings
    from counsel_desk import paths  # as ui/startup.make_settings (importing it would close an import circle)

    paths.config_dir().mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def _option(name: str | options.BytesOption) -> options.BytesOption:
    return name if isinstance(name, options.BytesOption) else options.window_size(name)


def fit_window(window: QWidget, name: str | options.BytesOption, preferred: QSize | tuple[int, int], *,
               settings: QSettings | None = None, remember: bool = True) -> None:
    """Size and place ``window`` on the screen; restore and (for dialogs) remember its size under ``name``.

    Call it at the end of the window's ``__init__``, once its layout is built. A window left maximised
    comes back maximised (``restoreGeometry``).
    """
    if isinstance(preferred, tuple):
        preferred = QSize(*preferred)
    store = _settings(settings)
    stored = _option(name).get(store)
    restored = stored is not None and not stored.isEmpty() and window.restoreGeometry(stored)
    limit = room(window)
    if not restored:
        window.resize(preferred.boundedTo(limit).expandedTo(window.minimumSizeHint().boundedTo(limit)))
    keep_on_screen(window, centre=not restored)
    if remember and isinstance(window, QDialog):
        window.finished.connect(lambda _result: remember_geometry(window, name, store))


def keep_on_screen(window: QWidget, centre: bool = False) -> None:
    """Shrink ``window`` to the room left on its screen and move it wholly onto it."""
    area = available_geometry(window)
    limit = room(window)
    size = window.size().boundedTo(limit)
    if size != window.size():
        window.resize(size)
    if centre:
        parent = window.parentWidget()
        over = parent.window().frameGeometry() if parent is not None and parent.isVisible() else area
        top_left = over.center() - QPoint(size.width() // 2, size.height() // 2)
    else:
        top_left = window.pos()
    outer = size + FRAME
    x = min(max(top_left.x(), area.left()), area.right() + 1 - outer.width())
    y = min(max(top_left.y(), area.top()), area.bottom() + 1 - outer.height())
    window.move(max(x, area.left()), max(y, area.top()))


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for what its layout now holds at its width (a message that wrapped onto
    more lines than the window had room for was cut off), never past the screen."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalMinimumSize().height()
    if needed > window.height():
        window.resize(width, needed)
        keep_on_screen(window)


def remember_geometry(window: QWidget, name: str | options.BytesOption, settings: QSettings | None = None) -> None:
    _option(name).set(_settings(settings), window.saveGeometry())


def scrolling(content: QWidget, *, name: str = "") -> QScrollArea:
    """``content`` inside a frameless scroll area that only scrolls up and down when it must."""
    area = QScrollArea()
    if name:
        area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


def shrinkable(*combos: QComboBox, chars: int = 7, whole: bool = False, widest: int = 200) -> None:
    """Filter combos that give up width when the window is narrow (English words are long), while their
    lists still open wide enough to read every choice. ``whole``: never so narrow that the first choice
    (「全部鄉鎮市區」, “All townships”) or the one shown is cut, up to ``widest`` px — for a bar that has the room."""
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(chars)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, combo.sizePolicy().verticalPolicy())
        view = combo.view()
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        combo.model().rowsInserted.connect(lambda _parent, first, last, c=combo: _widen_popup(c, first, last))
        combo.model().modelReset.connect(lambda c=combo: _widen_popup(c))
        _widen_popup(combo)
        if whole:
            combo.currentIndexChanged.connect(lambda _i, c=combo, w=widest: _fit_words(c, w))
            combo.model().rowsInserted.connect(lambda *_a, c=combo, w=widest: _fit_words(c, w))
            _fit_words(combo, widest)


def _fit_words(combo: QComboBox, widest: int) -> None:
    """The combo's least width: its first choice and the shown one whole (the arrow and frame beside), ≤ ``widest``."""
    texts = {combo.itemText(0), combo.currentText()} if combo.count() else set()
    words = max((combo.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    whole = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                           QSize(words + 4, combo.fontMetrics().height()), combo)
    combo.setMinimumWidth(min(whole.width(), widest))


def _widen_popup(combo: QComboBox, first: int = 0, last: int | None = None) -> None:
    """The open list as wide as its widest choice: measured on the rows just added (a list of 368 townships is
    added one row at a time), from nothing again when the list was emptied."""
    view = combo.view()
    if not combo.count():
        view.setMinimumWidth(0)
        return
    last = combo.count() - 1 if last is None else last
    metrics = view.fontMetrics()
    wide = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(first, last + 1))
    so_far = 0 if last - first + 1 == combo.count() else view.minimumWidth()  # all rows new: from nothing
    view.setMinimumWidth(max(so_far, wide + 24))
