"""The installer's ``--smoke-test``: everything a real start does, offscreen, in a temporary folder,
exiting 0 only when the window could be built with its Chinese fonts and text.

The start itself (QApplication, translations, the database, the main window) is ``ui/startup.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from counsel_desk import __version__
from counsel_desk.ui.startup import build_main_window, create_qapp, language, prepare


SMOKE_PASSPHRASE = "smoke test 煙霧測試"


def smoke_test() -> int:
    """Start for real, offscreen, in a temporary folder; exit 0 only when all parts load.

    Checks what a broken installer breaks: the bundled fonts, our catalogues and Qt's own, the
    window icon, every module of the app (pages, commands and sync parts are imported by name, which
    a freezer can miss), the migrations (a new database at the newest revision with its reference
    data), a monthly report as PDF and Excel printed through QtPdf to a PDF printer, and the main
    window with every page. Each problem is one line on stderr; exit 1 when there is any.
    """
    import pkgutil
    import tempfile
    import time
    from datetime import date

    import counsel_desk

    started = time.monotonic()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problems: list[str] = []
    notes: list[str] = []

    def check(what: str, step) -> None:
        try:
            trouble = step()
        except Exception as exc:  # noqa: BLE001 — the smoke test reports whatever broke
            trouble = f"{type(exc).__name__}: {exc}"
        if trouble:
            problems.append(f"{what}: {trouble}")

    with tempfile.TemporaryDirectory(prefix="counsel_desk_smoke_") as tmp:
        os.environ["COUNSEL_DESK_HOME"] = tmp
        app = create_qapp()
        settings, families, loaded = prepare(app)

        def fonts():
            from counsel_desk.ui import theme

            return None if theme.FONT_FAMILY in families else f"bundled font not loaded (found {families})"

        def translations():
            if language(settings) != "zh_TW":
                return None
            if loaded == 0:
                return "no zh_TW catalogue loaded"
            if QCoreApplication.translate("Navigation", "Site visits") == "Site visits":
                return "our zh_TW catalogue does not translate the navigation"
            qt_context, qt_text = "QPlatformTheme", "Cancel"  # variables: lupdate must not copy Qt's string into ours
            if QCoreApplication.translate(qt_context, qt_text) == qt_text:
                return "Qt's own qtbase_zh_TW.qm is missing: standard dialogs would speak English"
            return None

        def icon():
            return "window icon resources/icons/counsel_desk.png missing" if app.windowIcon().isNull() else None

        def modules():
            import importlib

            names = [m.name for m in pkgutil.walk_packages(counsel_desk.__path__, "counsel_desk.")
                     if m.name != "counsel_desk.i18n.catalog"]  # developer tool (lupdate), not shipped
            broken = []
            for name in names:
                try:
                    importlib.import_module(name)
                except Exception as exc:  # noqa: BLE001 — every module that fails to import is named
                    broken.append(f"{name} ({type(exc).__name__}: {exc})")
            if len(names) < 20:
                return f"only {len(names)} modules found: the package listing is unreadable"
            notes.append(f"{len(names)} modules")
            return "cannot import " + "; ".join(broken) if broken else None

        check("fonts", fonts)
        check("translations", translations)
        check("icon", icon)
        check("modules", modules)
        from counsel_desk.store import driver, keys, migrate, open_database

        smoke_db = Path(tmp) / "smoke.db"
        database = open_database(smoke_db, key=keys.new_key(SMOKE_PASSPHRASE))  # SQLCipher must work when frozen

        def encryption():
            from counsel_desk.services.safety import sealed

            if not driver.is_encrypted(smoke_db):
                return "the new database is not encrypted"
            key = keys.from_secret(SMOKE_PASSPHRASE, driver.file_salt(smoke_db) or b"")
            if not keys.opens(smoke_db, key):
                return "the encrypted database does not open with its passphrase"
            blob = sealed.seal("附件 attachment".encode(), key, "attachment")
            return None if sealed.unseal(blob, key, "attachment") == "附件 attachment".encode() else "sealing files fails"
        report: dict[str, bytes] = {}

        def schema():
            from sqlalchemy import text

            if migrate.current(database.engine) != migrate.head():
                return f"database at {migrate.current(database.engine)}, newest migration is {migrate.head()}"
            with database.engine.connect() as conn:
                townships = conn.execute(text("SELECT count(*) FROM township")).scalar()
            return None if townships else "reference data (townships) not loaded"

        def reports():
            from counsel_desk.reports.figures import compute
            from counsel_desk.reports.monthly_pdf import pdf_bytes
            from counsel_desk.reports.monthly_xlsx import xlsx_bytes
            from counsel_desk.services.period import Period

            figures = compute(database.session_factory, None, Period.month(2026, 11))
            report["pdf"] = pdf_bytes(figures, today=date(2026, 12, 1))
            if not report["pdf"].startswith(b"%PDF") or b"FontFile2" not in report["pdf"]:
                return "report PDF without its embedded font"
            return None if xlsx_bytes(figures).startswith(b"PK") else "report workbook is not an xlsx file"

        def printing():
            from PySide6.QtPrintSupport import QPrinter

            from counsel_desk.ui.reports.printing import print_pdf

            if "pdf" not in report:
                return "no report to print"
            printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(Path(tmp) / "printed.pdf"))
            return None if print_pdf(report["pdf"], printer) > 0 else "QtPdf printed no page"

        def window():
            w = build_main_window(database, settings)
            try:
                for spec in w.specs:
                    if w.page(spec.key) is None:
                        return f"page {spec.key} could not be built"
                w.show()
                app.processEvents()
                notes.append(f"{len(w.specs)} pages")
            finally:
                w.close()
            return None

        check("database", schema)
        check("encryption", encryption)
        check("reports", reports)
        check("printing", printing)
        check("main window", window)
        # Pages start background work on first show; let it end before its database and folder go.
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
        app.processEvents()
        database.close()
    if problems:
        for p in problems:
            print(f"smoke test: {p}", file=sys.stderr)
        return 1
    print(f"smoke test: ok (counsel_desk {__version__}, {', '.join(notes)}, fonts {', '.join(sorted(set(families)))}, "
          f"{time.monotonic() - started:.1f} s)")
    return 0
