"""The main window: navigation on the left, the current area on the right, menus and status bar.

It is built in two steps so that it shows before the data layer is imported: the shell (navigation,
menus, window geometry — settings only) and then :meth:`MainWindow.attach`, which gives it the
database's :class:`AppContext` and shows the page left open last (ui/startup.py does both).
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget,
)

from counsel_desk import paths
from counsel_desk.services.formatting import shown_datetime
from counsel_desk.ui import settings as options
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.databases import DemoBanner, ask_new_database_path, own_database, with_banner
from counsel_desk.ui.messages import guarded
from counsel_desk.ui.page_contract import hooks
from counsel_desk.ui.pages import PAGES, PageSpec
from counsel_desk.ui.widgets.fit import fit_window
from counsel_desk.ui.widgets.save_folder import remember_folder, suggested_path
from counsel_desk.ui.widgets.text import fmt, counted
from counsel_desk.ui.widgets.roles import VALUE_ROLE

log = logging.getLogger(__name__)
# View → a page: Ctrl+1 … Ctrl+9 and Ctrl+0 for the first ten pages as they were, letters for the rest
# (keyed by page, so a page added in between leaves everyone's habits alone)
PAGE_SHORTCUTS = {
    **dict(zip(("dashboard", "visits", "followups", "workstations", "support", "proposals", "spaces", "events",
                "reports", "sync"), (f"Ctrl+{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)))),
    "backups": "Ctrl+Shift+B", "audit": "Ctrl+Shift+L", "outcomes": "Ctrl+Shift+O", "youth_teams": "Ctrl+Shift+Y",
}


class MainWindow(QMainWindow):
    restart_requested = Signal()  # a new language: the start-up code builds the window again
    database_chosen = Signal(object)  # File → Open database (a Path) or a server profile (its address)
    first_painted = Signal()  # the window is on screen: the start-up code opens the database now

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None, *,
                 settings: QSettings | None = None):
        """With ``ctx`` the window is complete; with ``ctx=None`` (and ``settings``) it is the shell,
        completed by :meth:`attach` once the database is open."""
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self._painted = False
        self.settings = ctx.settings if ctx is not None else settings
        assert self.settings is not None, "a shell needs the settings"
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.window_title())
        self.specs: list[PageSpec] = PAGES
        self.pages: dict[str, QWidget] = {}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(180)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for spec in self.specs:
            item = QListWidgetItem(self._title(spec))
            item.setData(VALUE_ROLE, spec.key)
            item.setSizeHint(QSize(160, 36))
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self._placeholders: dict[str, QWidget] = {}
        for spec in self.specs:
            holder = QWidget()
            self._placeholders[spec.key] = holder
            self.stack.addWidget(holder)

        self.body = QWidget()
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(self.body)
        self.demo_banner: DemoBanner | None = None
        self.auto_backup = None
        self.live_refresh = None  # on a server: colleagues' changes refresh the open pages (ui/live_refresh.py)

        self._build_menus()
        self._build_status_bar()
        self.navigation.currentRowChanged.connect(self._show_row)
        self._restore_geometry()
        saved = options.WINDOW_PAGE.get(self.settings)  # chosen now: it fills once the database is open
        keys = [spec.key for spec in self.specs]
        self.navigation.setCurrentRow(keys.index(saved) if saved in keys else 0)
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """The database is open: connect its context, then show the page left open last."""
        self.ctx = ctx
        self.setWindowTitle(self.window_title())
        central: QWidget = self.body
        if ctx.db.read_only:
            from counsel_desk.ui.safety.banner import with_read_only_banner

            central = with_read_only_banner(central)
        if ctx.is_demo:
            self.demo_banner = DemoBanner(own_database(self.settings) is not None)
            self.demo_banner.back_requested.connect(self.back_to_own_database)
            self.demo_banner.new_requested.connect(self.new_database)
            central = with_banner(self.demo_banner, central)
        if central is not self.body:
            self.takeCentralWidget()
            self.setCentralWidget(central)
        self.action_demo.setEnabled(not ctx.is_demo)
        self.action_own.setEnabled(ctx.is_demo and own_database(self.settings) is not None)
        ctx.filter_visits_requested.connect(self._filter_visits)
        ctx.roster_requested.connect(self.show_roster)
        ctx.new_visit_requested.connect(lambda: hooks(self.show_page("visits") or self).new_record())
        ctx.demo_requested.connect(self.open_demo)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        ctx.backup_made.connect(lambda _p: self._refresh_status())
        if ctx.db.is_server:
            from counsel_desk.ui.live_refresh import LiveRefresh

            self.live_refresh = LiveRefresh(ctx)
        self._refresh_status()
        self._status_timer.start(60_000)
        self._show_row(self.navigation.currentRow())

    # --- pages ----------------------------------------------------------------------------------
    def _title(self, spec: PageSpec) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Navigation", spec.title)

    def page(self, key: str) -> QWidget | None:
        """The page widget for ``key``, created on first use."""
        if key in self.pages:
            return self.pages[key]
        if self.ctx is None:
            return None
        spec = next((s for s in self.specs if s.key == key), None)
        if spec is None:
            return None
        widget = spec.load()(self.ctx, self)
        hooks(widget)  # fails here, at once, for a page class without the hooks
        holder = self._placeholders[key]
        index = self.stack.indexOf(holder)
        self.stack.removeWidget(holder)
        holder.deleteLater()
        self.stack.insertWidget(index, widget)
        self.pages[key] = widget
        return widget

    def show_page(self, key: str) -> QWidget | None:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(VALUE_ROLE) == key:
                self.navigation.setCurrentRow(row)
                return self.pages.get(key)
        return None

    def current_page(self) -> QWidget | None:
        row = self.navigation.currentRow()
        if row < 0:
            return None
        return self.pages.get(self.specs[row].key)

    def _show_row(self, row: int) -> None:
        if row < 0 or self.ctx is None:  # the shell: attach() shows the chosen page
            return
        spec = self.specs[row]
        with guarded(self) as done:  # a broken page must not take the whole window down
            widget = self.page(spec.key)
        if not done:
            return
        self.stack.setCurrentWidget(widget)
        hooks(widget).page_activated()

    def _filter_visits(self, filters: dict) -> None:
        self.show_page("visits")
        page = self.pages.get("visits")
        if page is not None:
            hooks(page).apply_filter(filters)

    # --- menus ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_new = QAction(self.tr("&New record"), self)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.triggered.connect(self.new_record)
        file_menu.addAction(self.action_new)
        file_menu.addSeparator()
        self.action_new_database = QAction(self.tr("New &database…"), self)
        self.action_new_database.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.action_new_database.triggered.connect(lambda: self.new_database())
        file_menu.addAction(self.action_new_database)
        open_db = QAction(self.tr("&Open database…"), self)
        open_db.setShortcut(QKeySequence.StandardKey.Open)
        open_db.triggered.connect(self._open_database)
        file_menu.addAction(open_db)
        self.action_demo = QAction(self.tr("Open the de&mo database"), self)
        self.action_demo.triggered.connect(self.open_demo)
        file_menu.addAction(self.action_demo)
        self.action_own = QAction(self.tr("&Back to my database"), self)
        self.action_own.triggered.connect(self.back_to_own_database)
        self.action_own.setEnabled(False)  # attach(): only on the demo, back to her own
        file_menu.addAction(self.action_own)
        file_menu.addSeparator()
        self.action_export_csv = QAction(self.tr("Export list as &CSV…"), self)
        self.action_export_csv.triggered.connect(self.export_current_list_csv)
        file_menu.addAction(self.action_export_csv)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        edit_menu.addAction(find)
        roster = QAction(self.tr("&Counselors…"), self)
        roster.setObjectName("actionRoster")
        roster.setShortcut(QKeySequence("Ctrl+Shift+U"))
        roster.triggered.connect(self.show_roster)
        edit_menu.addAction(roster)
        self.action_roster = roster
        topics = QAction(self.tr("Issue &topics…"), self)
        topics.setObjectName("actionTopics")
        topics.triggered.connect(self.show_topics)
        edit_menu.addAction(topics)
        split = QAction(self.tr("Counties of each &center…"), self)
        split.setObjectName("actionCenterSplit")
        split.triggered.connect(self.show_center_split)
        edit_menu.addAction(split)
        prefs = QAction(self.tr("&Preferences…"), self)
        prefs.setShortcut(QKeySequence.StandardKey.Preferences)
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        prefs.triggered.connect(self.show_preferences)
        edit_menu.addAction(prefs)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for spec in self.specs:
            act = QAction(self._title(spec), self)
            if spec.key in PAGE_SHORTCUTS:
                act.setShortcut(QKeySequence(PAGE_SHORTCUTS[spec.key]))
            act.triggered.connect(lambda _=False, k=spec.key: self.show_page(k))
            view_menu.addAction(act)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_manual = QAction(self.tr("&Manual"), self)
        self.action_manual.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.action_manual.triggered.connect(self.show_manual)
        help_menu.addAction(self.action_manual)
        self.action_shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        self.action_shortcuts.setShortcut(QKeySequence("Ctrl+/"))
        self.action_shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.action_shortcuts)
        help_menu.addSeparator()
        about = QAction(self.tr("&About the Regional Revitalization Desk"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def new_record(self) -> None:
        """Ctrl+N: a new record of the current page's kind, or a new site visit where there is none."""
        page = self.current_page()
        if page is None or not hooks(page).offers_new_record:
            page = self.show_page("visits")
        if page is not None:
            hooks(page).new_record()

    def _focus_search(self) -> None:
        page = self.current_page()
        if page is not None:
            hooks(page).focus_search()

    def export_current_list_csv(self, path: str | None = None) -> Path | None:
        """Write the current page's list, as filtered and sorted on screen, to a CSV Excel can read."""
        from counsel_desk.services.file_names import dated_file  # the data layer loads after the window shows
        from counsel_desk.ui.list_export import export_model_csv

        page = self.current_page()
        model = hooks(page).current_list_model() if page is not None else None
        if model is None:
            self.statusBar().showMessage(self.tr("This page has no list to export."), 5000)
            return None
        if path is None:
            row = self.navigation.currentRow()
            title = self._title(self.specs[row])
            suggested = suggested_path(self.ctx.settings, options.LISTS_EXPORT_DIR,
                                       dated_file(title, title, date.today(), ".csv"))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export list as CSV"), suggested,
                                                  self.tr("CSV (*.csv)"))
            if not path:
                return None
        with guarded(self) as done:
            written = export_model_csv(model, Path(path))
        if not done:
            return None
        remember_folder(self.ctx.settings, options.LISTS_EXPORT_DIR, written)
        self.statusBar().showMessage(counted(model.rowCount(), self.tr("Exported %1 row to %2"),
                                             self.tr("Exported %1 rows to %2"), str(written)), 8000)
        return written

    def _open_database(self) -> None:
        if self.ctx is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), str(self.ctx.db.path.parent),
                                              self.tr("Desk database (*.db);;All files (*)"))
        if name:
            self.database_chosen.emit(Path(name))

    def show_roster(self):
        """輔導員名單: add, rename and deactivate the center's counselors."""
        from counsel_desk.ui.people.roster_dialog import RosterDialog

        if self.ctx is None:
            return None
        dialog = RosterDialog(self.ctx, self)
        self.roster_dialog = dialog
        dialog.open()
        return dialog

    def show_topics(self):
        """推動課題: add, rename and retire the coded issue topics counselors tag."""
        from counsel_desk.ui.stocktaking.topics_dialog import TopicsDialog

        if self.ctx is None:
            return None
        dialog = TopicsDialog(self.ctx.services(), self, settings=self.ctx.settings,
                              before_write=self.ctx.wait_until_writable)
        self.topics_dialog = dialog
        dialog.open()
        return dialog

    def show_center_split(self):
        """各中心縣市: headquarters moves a county to another center (audited; the shipped split is the default)."""
        from counsel_desk.ui.stocktaking.center_split_dialog import CenterSplitDialog

        if self.ctx is None:
            return None
        dialog = CenterSplitDialog(self.ctx.services(), self, settings=self.ctx.settings,
                                   before_write=self.ctx.wait_until_writable)
        self.center_split_dialog = dialog
        dialog.open()
        return dialog

    def window_title(self) -> str:
        title = self.tr("Regional Revitalization Desk")
        if self.ctx is None:
            return title
        if self.ctx.is_demo:
            title += " — " + self.tr("Demo data")
        if self.ctx.db.read_only:
            title += self.tr(" (read-only)")
        return title

    def new_database(self, path: Path | None = None) -> None:
        """檔案 → 新增資料庫…: an empty database of her own, which from now on opens at start."""
        if path is None and not options.USER_NAME.get(self.settings).strip():
            from counsel_desk.ui.first_run import FirstRunDialog  # who she is comes first

            dialog = FirstRunDialog(self.settings, self)
            dialog.demo_button.hide()
            dialog.offer_server(False)
            self.first_run_dialog = dialog
            if not dialog.exec():
                return
            path = dialog.database_path()
        elif path is None:
            own = own_database(self.settings)
            path = ask_new_database_path(self, own.parent if own else paths.data_dir())
        if path is not None:
            self.database_chosen.emit(path)

    def open_demo(self) -> None:
        """The demo database (made on first use, with progress); her own stays hers."""
        self.database_chosen.emit(paths.demo_db_path())

    def back_to_own_database(self) -> None:
        own = own_database(self.settings)
        if own is not None:
            self.database_chosen.emit(own)

    def show_preferences(self) -> None:
        from counsel_desk.ui.preferences import PreferencesDialog

        if self.ctx is None:
            return
        dialog = PreferencesDialog(self.ctx, self)
        dialog.exec()
        if dialog.switch_to is not None:  # another database chosen: the window is built again on it
            self.database_chosen.emit(dialog.switch_to)
        elif dialog.restart_now:
            self.restart_requested.emit()

    def show_shortcuts(self):
        from counsel_desk.ui.help import ShortcutsDialog

        self.help_dialog = ShortcutsDialog(self.menuBar(), self)
        self.help_dialog.open()
        return self.help_dialog

    def show_manual(self):
        from counsel_desk.ui.help import ManualDialog

        self.help_dialog = ManualDialog(self)
        self.help_dialog.open()
        return self.help_dialog

    def _about(self) -> None:
        from counsel_desk.ui.about import AboutDialog

        AboutDialog(self).exec()

    # --- status bar ---------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.backup_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.db_label.setText(self.tr("Opening the database…"))
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self._refresh_status)

    def _refresh_status(self) -> None:
        if self.ctx is None:
            return
        db = self.ctx.db
        mode = self.tr(" (read-only)") if db.read_only else ""
        label = self.tr("Demo database: %1") if self.ctx.is_demo else self.tr("Database: %1")
        self.db_label.setText(fmt(label, db.where) + mode)
        if db.is_server:  # backed up by pg_dump on the server: the backups page shows the last one
            self.backup_label.setText("")
            return
        newest = None
        if db.backups_dir.is_dir():
            backups = [p for p in db.backups_dir.glob("*.db") if p.is_file()]
            if backups:
                newest = max(p.stat().st_mtime for p in backups)
        if newest is None:
            self.backup_label.setText(self.tr("Last backup: none"))
        else:
            when = shown_datetime(datetime.fromtimestamp(newest))
            self.backup_label.setText(fmt(self.tr("Last backup: %1"), when))

    def start_automatic_backups(self) -> None:
        """Back up now if due, then every 30 minutes when data changed (services.safety.backup.maybe_backup)."""
        from counsel_desk.ui.safety.auto_backup import AutoBackup

        if self.ctx is None or self.ctx.db.is_server:  # a server is backed up by pg_dump on the server
            return
        self.auto_backup = AutoBackup(self.ctx, self)
        self.auto_backup.start()

    # --- state --------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        s = self.settings
        # her size if she left one that still fits this screen; else 1280×800 or as much of it as the screen has
        fit_window(self, options.WINDOW_GEOMETRY, QSize(1280, 800), settings=s, remember=False)
        state = options.WINDOW_STATE.get(s)
        if state is not None:
            self.restoreState(state)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            if not hooks(page).can_close():
                event.ignore()
                return
        s = self.settings
        options.WINDOW_GEOMETRY.set(s, self.saveGeometry())
        options.WINDOW_STATE.set(s, self.saveState())
        row = self.navigation.currentRow()
        if row >= 0:
            options.WINDOW_PAGE.set(s, self.specs[row].key)
        s.sync()
        if self.auto_backup is not None:
            self.auto_backup.stop()
        if self.live_refresh is not None:
            self.live_refresh.stop()
        event.accept()
