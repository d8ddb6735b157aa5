"""Starting the desktop app: QApplication, fonts, translations, the database, the main window.

Also File → Open database (:func:`switch_database`), which replaces the window with one on another
database: the main window asks for it with a signal, so it does not import this module.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from counsel_desk import APP_NAME, __version__, i18n, paths
from counsel_desk.errors import UserError
from counsel_desk.paths import is_server_target
from counsel_desk.ui import settings as options
from counsel_desk.ui.messages import guarded

log = logging.getLogger(__name__)
_translators: list[QTranslator] = []
_translation_data: list[bytes] = []


def make_settings() -> QSettings:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def language(settings: QSettings) -> str:
    env = os.environ.get("COUNSEL_DESK_LANG")
    value = env or options.LANGUAGE.get(settings)
    return "en" if value.lower().startswith("en") else "zh_TW"


def install_translators(app: QCoreApplication, lang: str) -> int:
    """Load the app's zh_TW catalogues and Qt's own; returns how many were loaded."""
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    _translation_data.clear()
    i18n.set_language(lang)
    if lang != "zh_TW":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return 0
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript,
                               QLocale.Country.Taiwan))
    files = sorted((paths.resources_dir() / "i18n").glob("*_zh_TW.qm"))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    files += [qt_dir / "qtbase_zh_TW.qm"]
    for f in files:
        # Loaded from memory, not mapped from the file: replacing a .qm on disk while the app runs
        # (an upgrade, a rebuilt catalogue) would otherwise crash it with SIGBUS.
        try:
            data = f.read_bytes()
        except OSError:
            continue
        t = QTranslator(app)
        if t.load(data):
            app.installTranslator(t)
            _translators.append(t)
            _translation_data.append(data)  # the translator reads this buffer for its whole life
    return len(_translators)


def create_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def prepare(app: QApplication) -> tuple[QSettings, list[str], int]:
    from counsel_desk.ui import theme

    settings = make_settings()
    loaded = install_translators(app, language(settings))
    families = theme.apply(app)
    icon = paths.resources_dir() / "icons" / "counsel_desk.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return settings, families, loaded


DEMO_VISITS = 3000


def _demo_ready(path: Path) -> bool:
    if not (path.exists() and path.stat().st_size > 0):
        return False
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text("SELECT count(*) FROM site_visit")).scalar())
    except Exception:  # noqa: BLE001 — half-made or foreign file: make it again
        return False
    finally:
        engine.dispose()


def _remove_database_files(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def ensure_demo(path: Path, parent: QWidget | None = None) -> bool:
    """Create the demo database on first use, in the background with a progress dialog (a few
    seconds); False when she cancelled or it failed (nothing half-made is left behind)."""
    if _demo_ready(path):
        return True
    from PySide6.QtCore import QEventLoop

    from counsel_desk.services.demo import generate
    from counsel_desk.store import open_database
    from counsel_desk.ui.tasks import run_task

    _remove_database_files(path)

    def work(progress):
        db = open_database(path)
        try:
            generate(db, visits=DEMO_VISITS, progress=progress)
        finally:
            db.close()

    loop = QEventLoop()
    outcome: list[BaseException | None] = []
    task = run_task(work, on_done=lambda _r: (outcome.append(None), loop.quit()),
                    on_error=lambda exc: (outcome.append(exc), loop.quit()), parent=parent,
                    title=QCoreApplication.translate("App", "Making the demo database (invented visits, people "
                                                            "and proposals)…"))
    if not outcome:
        loop.exec()
    if outcome and outcome[0] is None:
        return True
    _remove_database_files(path)
    if outcome and outcome[0] is not None and not task.cancelled:
        from counsel_desk.ui.messages import show_error

        show_error(parent, outcome[0])
    return False


def open_db(path: Path, parent: QWidget | None = None):
    """Open a database for the GUI; a read-only file opens read-only with a banner."""
    from counsel_desk.store import open_database

    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return open_database(path, create=False, read_only=True)
    return open_database(path)


def run_app(db: Path | str | None = None, demo: bool = False) -> int:
    logging.basicConfig(level=logging.INFO)
    app = create_qapp()
    settings, _families, _loaded = prepare(app)
    from counsel_desk.ui.safety.key_dialogs import install_prompts

    install_prompts()  # an encrypted database with no key here asks for its passphrase
    window = start_main_window(settings, db, demo)
    if isinstance(window, int):
        return window
    return app.exec()


def start_main_window(settings: QSettings, db: Path | str | None = None, demo: bool = False):
    """What a start does before the event loop: the first-run dialog when there is no database yet,
    opening (and if needed repairing) the database, the main window shown with automatic backups.

    Returns the window, or the exit code when she cancelled or the database could not be opened.
    """
    if db is not None:
        path = db if is_server_target(db) else Path(db).expanduser()
    elif demo:
        path = paths.demo_db_path()
        if not ensure_demo(path):
            return 0
    else:
        stored = options.DATABASE_SERVER.get(settings) or options.DATABASE_PATH.get(settings)
        if stored:  # the server chosen in the first-run dialog or the preferences, else her file
            path = stored
        else:
            from counsel_desk.ui.first_run import FirstRunDialog

            # a language chosen in the dialog: the translations changed and the dialog made again in it
            dialog = FirstRunDialog(settings, ask_language="COUNSEL_DESK_LANG" not in os.environ)
            while (answer := dialog.exec()) == FirstRunDialog.ANOTHER_LANGUAGE:
                install_translators(QApplication.instance(), language(settings))
                dialog = FirstRunDialog(settings, ask_language=True, typed=dialog.typed())
            if not answer:
                return 0
            path = dialog.database_path()
            if dialog.wants_demo() and not ensure_demo(path):
                return 0
    return show_main_window(path, settings, remember=db is None)


def show_main_window(path: Path, settings: QSettings, *, remember: bool = False):
    """Show the main window at once, then open the database and fill it (the data layer — SQLAlchemy,
    the models, the services — is imported only then, so the window appears in a fraction of the time).

    ``remember`` keeps the database that opened as the one to open next time. If none opens (the
    user gives up), the application quits with exit code 3.
    """
    from counsel_desk.ui.main_window import MainWindow

    window = MainWindow(None, settings=settings)
    window.show()
    global _current_window
    _current_window = window

    def open_and_fill() -> None:
        database, opened = _open_at_start(path, settings, window)
        if database is None:
            window.close()
            QApplication.exit(3)
            return
        if remember and not database.is_server and not paths.is_demo_db(opened):  # the demo never takes the place of her own database
            options.DATABASE_PATH.set(settings, opened)
        window.attach(new_context(database, settings, window))
        if not database.is_server:  # a server is backed up by pg_dump on the server (docs/server.md)
            window.start_automatic_backups()
        _after_show(window, database)

    # once it is on screen: the import and the opening then block a painted window, not a blank one
    window.first_painted.connect(lambda: QTimer.singleShot(0, open_and_fill), Qt.ConnectionType.SingleShotConnection)
    return window


def _open_at_start(path: Path, settings: QSettings, parent: QWidget):
    """The database at ``path`` (after the recovery checks), or the one the user picks instead when
    it cannot be opened; (None, path) when she gives up."""
    from counsel_desk.store import open_database
    from counsel_desk.ui.safety.recovery_dialog import prepare_database_at_start

    while True:
        try:
            if is_server_target(path):  # a server database: no file to recover (its backups are pg_dump's)
                return open_database(path), path
            if not prepare_database_at_start(path, parent, options.USER_NAME.get(settings)):
                return None, path
            return open_db(path), path
        except UserError as exc:
            box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Cannot open the database"),
                              exc.message, QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, parent)
            if box.exec() != QMessageBox.StandardButton.Open:
                return None, path
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("App", "Open database"),
                                                  str(path.parent), "*.db")
            if not name:
                return None, path
            path = Path(name)


def new_context(database, settings: QSettings, window: QWidget):
    """The AppContext of an open database, owned by its window; the user is put on the roster first."""
    from counsel_desk.ui.context import AppContext

    put_user_on_roster(database, settings)
    ctx = AppContext(database, settings)
    ctx.setParent(window)
    window.database_chosen.connect(lambda path: switch_database(window, path))
    window.restart_requested.connect(lambda: restart_window(window))
    return ctx


def put_user_on_roster(database, settings: QSettings) -> str | None:
    """The person using the laptop is a counselor of her center: on the roster from her first start.

    Not on the demo database (its people are invented) nor on a read-only one.
    """
    name = options.USER_NAME.get(settings).strip()
    if not name or database.read_only or paths.is_demo_db(database.path):
        return None
    from counsel_desk.services.base import ServiceContext
    from counsel_desk.services.people.roster import RosterService

    center = options.USER_CENTER.get(settings)
    try:
        return RosterService(ServiceContext(database.session_factory, name, center)).ensure(name)
    except UserError:  # a name the roster refuses (too long): she can add herself from 輔導員名單
        log.warning("could not put %r on the roster", name)
        return None


def build_main_window(database, settings: QSettings):
    """The main window on an open database, complete before it is shown (tests, the smoke test)."""
    from counsel_desk.ui.main_window import MainWindow

    window = MainWindow(None, settings=settings)
    window.attach(new_context(database, settings, window))
    return window


def _after_show(window, database) -> None:
    """The recovery key of a database this start created (shown once), and the idle lock."""
    from counsel_desk.ui.safety.idle_lock import start_idle_lock
    from counsel_desk.ui.safety.key_dialogs import show_recovery_key_once

    show_recovery_key_once(database, window)
    start_idle_lock(window, database, settings=window.ctx.settings)  # parented to the window


def switch_database(window, path: Path | str) -> None:
    """Replace the window with one on another database (File → Open database, New database, the
demo and back)."""
    from counsel_desk.ui.safety.recovery_dialog import prepare_database_at_start

    server = is_server_target(path)
    if not server and paths.is_demo_db(path) and not ensure_demo(path, window):  # made on first use, with progress
        return
    with guarded(window) as done:
        if server:  # a connection profile chosen in the preferences: opened as --db postgresql://… opens it
            from counsel_desk.store import open_database

            database = open_database(str(path))
        else:
            if not prepare_database_at_start(path, window, window.ctx.actor):
                return
            database = open_db(path)
    if not done:
        return
    settings = window.ctx.settings
    if server:
        options.DATABASE_SERVER.set(settings, str(path))
    elif not paths.is_demo_db(path):  # the demo never takes the place of her own database
        options.DATABASE_PATH.set(settings, path)
        options.DATABASE_SERVER.set(settings, "")
    if not window.close():
        database.close()
        return
    old = window.ctx.db
    new_window = build_main_window(database, settings)
    new_window.show()
    new_window.start_automatic_backups()
    _after_show(new_window, database)
    old.close()
    global _current_window
    _current_window = new_window


def restart_window(window) -> None:
    """Preferences → 立即重新啟動: the window built again in the newly chosen language, on the same
    database (pages ask about unsaved work first, as on closing)."""
    if not window.close():
        return
    install_translators(QApplication.instance(), language(window.ctx.settings))
    new_window = build_main_window(window.ctx.db, window.ctx.settings)
    new_window.show()
    new_window.start_automatic_backups()
    _after_show(new_window, window.ctx.db)
    global _current_window
    _current_window = new_window


_current_window = None


def current_window():
    """The main window in use (a database switch replaces it)."""
    return _current_window
