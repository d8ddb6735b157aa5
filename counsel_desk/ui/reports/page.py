"""The reports page (報表): pick a period and center, see the figures, make, open, save and print the
Excel and PDF, mark a report as sent, see the sent revisions and issue a new one, enter yearly targets.

Figures and files are made off the GUI thread (``run_task``). When the data of a sent period has
changed since, a banner names the figures that differ and offers the next revision.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QTabWidget,
    QVBoxLayout, QWidget,
)

from counsel_desk import paths
from counsel_desk.i18n import pick
from counsel_desk.models.enums import CenterCode
from counsel_desk.reports import snapshots
from counsel_desk.reports.figures import compute
from counsel_desk.services.file_names import report_file
from counsel_desk.services.period import Period
from counsel_desk.reports.snapshots import Comparison, GeneratedReport
from counsel_desk.services.safety import atomic
from counsel_desk.ui import settings as options
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.messages import confirm, guarded, show_error
from counsel_desk.ui.page_contract import PageHooks
from counsel_desk.ui.page_titles import page_title
from counsel_desk.ui.reports.models import FiguresModel, RevisionsModel
from counsel_desk.ui.reports.narrative_editor import NarrativeEditor
from counsel_desk.ui.reports.period_picker import PeriodPicker
from counsel_desk.ui.reports.printing import print_with_dialog
from counsel_desk.ui.reports.targets_editor import TargetsEditor
from counsel_desk.ui.tasks import run_task
from counsel_desk.ui.widgets.rows import table_view
from counsel_desk.ui.widgets.save_folder import remember_folder, suggested_path
from counsel_desk.ui.widgets.text import fmt

REFRESH_DELAY_MS = 200


def file_stem(center: str | None, period: Period, revision: int | None = None) -> str:
    """北區輔導中心_月報_115年11月 (_第2版 for a sent revision) / north-center_monthly-report_2026-11."""
    return report_file(center, period, revision, "")


def ask_reason(parent: QWidget, revision: int) -> str:
    """The reason a revision is issued (修正說明), typed by the manager; empty when cancelled."""
    text, ok = QInputDialog.getMultiLineText(
        parent, fmt(QCoreApplication.translate("ReportsPage", "Reason for revision %1"), str(revision)),
        QCoreApplication.translate("ReportsPage", "Why is this revision issued? The reason and the changed figures "
                                                  "are printed in the revision's notes."))
    return text.strip() if ok else ""


class ReportsPage(PageHooks, QWidget):
    figures_loaded = Signal()  # figures, comparison and revisions of the chosen period are shown
    report_made = Signal()  # the Excel and PDF of the chosen period are ready

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.report: GeneratedReport | None = None
        self.comparison = Comparison(None, [])
        self._generation = 0
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        self._show_narrative()
        for signal in (ctx.reports_changed, ctx.visits_changed, ctx.data_imported, ctx.followups_changed,
                       ctx.support_records_changed, ctx.events_changed, ctx.proposals_changed):
            signal.connect(self._data_changed)
        self.refresh()

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(page_title("reports"))
        title.setProperty("role", "pageTitle")
        self.picker = PeriodPicker(self.ctx.center_code, self._today(), self)
        self.picker.period_changed.connect(self._period_changed)

        self.banner = QFrame()
        self.banner.setObjectName("reportBanner")
        self.banner.setStyleSheet("#reportBanner { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.revision_button = QPushButton()
        self.revision_button.clicked.connect(self.issue_revision)
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.revision_button)
        self.banner.hide()

        self.make_button = QPushButton(self.tr("Make Excel and PDF"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_report)
        self.open_xlsx = QPushButton(self.tr("Open Excel"))
        self.open_pdf = QPushButton(self.tr("Open PDF"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.send_button = QPushButton(self.tr("Mark as sent"))
        self.open_xlsx.clicked.connect(lambda: self.open_file("xlsx"))
        self.open_pdf.clicked.connect(lambda: self.open_file("pdf"))
        self.save_button.clicked.connect(self.save_files)
        self.print_button.clicked.connect(self.print_report)
        self.send_button.clicked.connect(self.mark_as_sent)
        # the PDF a manager signs is the summary (a dozen pages); every visit and follow-up is in the Excel
        self.appendices = QCheckBox(self.tr("Appendices in the PDF"))
        self.appendices.setToolTip(self.tr("List every visit and overdue follow-up in the PDF too (hundreds of pages "
                                           "in a busy month). The Excel workbook always lists them."))
        actions = QHBoxLayout()
        for b in (self.make_button, self.open_xlsx, self.open_pdf, self.save_button, self.print_button, self.send_button):
            actions.addWidget(b)
        actions.addWidget(self.appendices)
        actions.addStretch(1)
        self.status = QLabel()
        self.status.setProperty("role", "figureCaption")

        self.figures_model = FiguresModel(self)
        self.figures_view = table_view(self.figures_model, fit=True, alternate=True)
        self.revisions_model = RevisionsModel(self)
        self.revisions_view = table_view(self.revisions_model, fit=True, alternate=True)
        self.revisions_view.doubleClicked.connect(lambda _: self.open_sent("pdf"))
        self.sent_pdf = QPushButton(self.tr("Open sent PDF"))
        self.sent_xlsx = QPushButton(self.tr("Open sent Excel"))
        self.sent_pdf.clicked.connect(lambda: self.open_sent("pdf"))
        self.sent_xlsx.clicked.connect(lambda: self.open_sent("xlsx"))
        sent_box = QWidget()
        sent_layout = QVBoxLayout(sent_box)
        sent_buttons = QHBoxLayout()
        sent_buttons.addWidget(self.sent_pdf)
        sent_buttons.addWidget(self.sent_xlsx)
        sent_buttons.addStretch(1)
        sent_layout.addWidget(self.revisions_view)
        sent_layout.addLayout(sent_buttons)
        self.targets_editor = TargetsEditor(self.ctx, self._today().year, self)
        self.narrative_editor = NarrativeEditor(self.ctx, self)
        self.narrative_editor.saved.connect(self._notes_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.figures_view, self.tr("Figures"))
        self.tabs.addTab(self.narrative_editor, self.tr("Manager's notes"))
        self.tabs.addTab(sent_box, self.tr("Sent revisions"))
        self.tabs.addTab(self.targets_editor, self.tr("Yearly targets"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.picker)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()

    # --- state ---------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        ready = self.report is not None
        for b in (self.open_xlsx, self.open_pdf, self.save_button, self.print_button):
            b.setEnabled(ready)
        self.send_button.setEnabled(ready and self.report.figures.center is not None
                                    and not self.report.figures.provisional)
        has_sent = bool(self.revisions_model.reports)
        self.sent_pdf.setEnabled(has_sent)
        self.sent_xlsx.setEnabled(has_sent)

    def _period_changed(self) -> None:
        self.report = None
        self.targets_editor.set_center(self.picker.center_code())
        self._show_narrative()
        self._update_buttons()
        self._refresh_timer.start()

    def _show_narrative(self) -> None:
        try:
            period = self.picker.period()
        except Exception:  # noqa: BLE001 — a from/to range the wrong way round: refresh() says so
            return
        self.narrative_editor.set_report(self.picker.center_code(), period)

    def _notes_changed(self) -> None:
        self.report = None  # files made before the notes changed no longer carry them
        self._update_buttons()

    def _data_changed(self, *_args) -> None:
        self.report = None  # files made before the change no longer match the data
        self._update_buttons()
        self._refresh_timer.start()

    def page_activated(self) -> None:
        self.refresh()

    # --- figures, comparison and revisions (background) ---------------------------------------
    def refresh(self) -> None:
        try:
            period = self.picker.period()
        except Exception as exc:  # noqa: BLE001 — a from/to range the wrong way round
            self.status.setText(str(exc))
            return
        center = self.picker.center_code()
        services = self.ctx.services()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Counting…"))

        def work(progress):
            figures = compute(services.session_factory, center, period)
            comparison = snapshots.compare_with_sent(services, center, period, current=figures.as_json())
            sent = snapshots.list_sent(services, center, period) if center else []
            return figures, comparison, sent

        def done(result) -> None:
            if generation != self._generation:
                return  # an older request; a newer one is on its way
            figures, comparison, sent = result
            self.figures = figures
            self.figures_model.set_figures(figures)
            self.revisions_model.set_reports(sent)
            self.comparison = comparison
            self._show_banner()
            center = CenterCode(figures.center).full_name if figures.center else pick(figures.center_name, "All centers")
            text = fmt(self.tr("%1 %2: %3 visit.") if figures.visits_total == 1 else self.tr("%1 %2: %3 visits."),
                       center, pick(period.label_zh, period.key), f"{figures.visits_total:,}")
            if figures.provisional:
                text += " " + self.tr("The period has not ended: the report is provisional and cannot be sent yet.")
            self.status.setText(text)
            self._update_buttons()
            self.figures_loaded.emit()

        run_task(work, on_done=done, on_error=lambda exc: (self.status.setText(""), show_error(self, exc)),
                 parent=self)

    def _show_banner(self) -> None:
        c = self.comparison
        if not c.differs:
            self.banner.hide()
            return
        self.banner_text.setText(c.summary_zh())
        self.revision_button.setText(fmt(self.tr("Issue revision %1"), str(c.latest.revision + 1)))
        self.banner.show()

    # --- making and using the files ----------------------------------------------------------
    def make_report(self, then: Callable[[], None] | None = None, reason: str = "") -> None:
        with guarded(self) as done:
            period = self.picker.period()
        if not done:
            return
        center = self.picker.center_code()
        services = self.ctx.services()
        if not self.narrative_editor.save():  # the report prints the words as they stand now
            return

        def done(report: GeneratedReport) -> None:
            self.report = report
            self.status.setText(fmt(self.tr("Excel and PDF ready (revision %1 when sent)."), str(report.revision)))
            self._update_buttons()
            self.report_made.emit()
            if callable(then):
                then()

        summary_only = not self.appendices.isChecked()
        run_task(lambda progress: snapshots.generate(services, center, period, summary_only=summary_only,
                                                     progress=progress, reason=reason),
                 on_done=done,
                 parent=self, title=self.tr("Making the report…"))

    def _export_dir(self) -> Path:
        return paths.data_dir() / "reports"

    def _write(self, kind: str, data: bytes, stem: str) -> Path:
        path = self._export_dir() / f"{stem}.{kind}"
        atomic.write_bytes(path, data)
        return path

    def open_file(self, kind: str) -> None:
        if self.report is None:
            return
        f = self.report.figures
        with guarded(self) as done:
            path = self._write(kind, self.report.xlsx if kind == "xlsx" else self.report.pdf,
                               file_stem(f.center, f.period, f.revision))
        if not done:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_files(self) -> None:
        if self.report is None:
            return
        f = self.report.figures
        suggested = suggested_path(self.ctx.settings, options.REPORTS_SAVE_DIR,
                                   f"{file_stem(f.center, f.period, f.revision)}.pdf")
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Save the report"), suggested,
                                                   self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"))
        if not name:
            return
        path = Path(name)
        kind = "xlsx" if path.suffix.lower() == ".xlsx" or (not path.suffix and "xlsx" in chosen) else "pdf"
        path = path.with_suffix("." + kind)
        with guarded(self) as done:
            atomic.write_bytes(path, self.report.xlsx if kind == "xlsx" else self.report.pdf)
        if not done:
            return
        remember_folder(self.ctx.settings, options.REPORTS_SAVE_DIR, path)
        self.status.setText(fmt(self.tr("Saved %1"), str(path)))

    def print_report(self) -> None:
        if self.report is None:
            return
        with guarded(self):
            if print_with_dialog(self.report.pdf, self):
                self.status.setText(self.tr("Sent to the printer."))

    def mark_as_sent(self) -> None:
        if self.report is None:
            return
        f = self.report.figures
        if self.report.revision > 1:  # a revision says why it is issued: made again with the reason
            self.issue_revision()
            return
        question = self.tr("Mark the %1 report of %2 as sent to the project office (revision %3)? "
                           "The figures and both files are kept exactly as they are now.")
        if confirm(self, fmt(question, f.center_name, f.period.label_zh,
                             str(self.report.revision)), do=self.tr("Mark as sent")):
            self.mark_sent_without_asking()

    def issue_revision(self) -> None:
        """Make the report from today's data and send it as the next revision."""
        latest = self.comparison.latest
        if latest is None:
            return
        question = self.tr("Issue revision %1 from the current data? Revision %2 stays as it was sent.")
        if not confirm(self, fmt(question, str(latest.revision + 1), str(latest.revision)),
                       do=self.tr("Issue revision")):
            return
        reason = ask_reason(self, latest.revision + 1)
        if not reason:
            return
        self.make_report(then=self.mark_sent_without_asking, reason=reason)

    def mark_sent_without_asking(self) -> None:
        with guarded(self) as done:
            sent = self.ctx.run(snapshots.mark_as_sent, self.ctx.services(), self.report)
        if not done:
            return
        self.status.setText(fmt(self.tr("Revision %1 marked as sent."), str(sent.revision)))

    def selected_revision(self):
        rows = self.revisions_view.selectionModel().selectedRows()
        reports = self.revisions_model.reports
        if rows:
            return reports[rows[0].row()]
        return reports[0] if reports else None

    def open_sent(self, kind: str) -> None:
        """Reopen a sent revision exactly as it was sent."""
        chosen = self.selected_revision()
        if chosen is None:
            return
        with guarded(self) as done:
            files = snapshots.open_sent(self.ctx.services(), chosen.id)
            period = Period(chosen.period_start, chosen.period_end,
                            files.data.get("period", {}).get("kind", "custom"))
            path = self._write(kind, files.xlsx if kind == "xlsx" else files.pdf,
                               file_stem(chosen.center_code, period, chosen.revision))
        if not done:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def apply_filter(self, filters: dict) -> None:
        """``{"month": "2026-11"}`` from elsewhere in the app shows that month's report."""
        month = filters.get("month")
        if month:
            period = Period.parse_month(month)
            self.picker.set_month(period.start.year, period.start.month)



