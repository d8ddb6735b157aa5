"""The dashboard of a new database says what to do first: check the counselor roster, record the
first visit, or look around in the demo. Hidden once there is anything to show."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget


class GettingStarted(QFrame):
    roster_clicked = Signal()
    new_visit_clicked = Signal()
    demo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gettingStarted")
        self.setStyleSheet("QFrame#gettingStarted { background: white; border: 1px solid #c9d7e3; border-radius: 6px; }")
        heading = QLabel(self.tr("Getting started"))
        heading.setProperty("role", "cardTitle")
        intro = QLabel(self.tr("This database is still empty. Three steps to begin:"))
        intro.setWordWrap(True)
        self.roster_button = QPushButton(self.tr("1. Check the counselor roster…"))
        self.roster_button.setObjectName("startRoster")
        roster_text = QLabel(self.tr("You are on it already; add your colleagues so you can tick them on visits."))
        self.visit_button = QPushButton(self.tr("2. Record your first visit (Ctrl+N)"))
        self.visit_button.setObjectName("startVisit")
        visit_text = QLabel(self.tr("Date, place, who went and what was found; follow-ups are owned by you "
                                    "unless you choose someone else."))
        self.demo_button = QPushButton(self.tr("3. Or look around in the demo…"))
        self.demo_button.setObjectName("startDemo")
        demo_text = QLabel(self.tr("Invented data, clearly marked; your own database is not touched."))
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 12)
        grid.addWidget(heading, 0, 0, 1, 2)
        grid.addWidget(intro, 1, 0, 1, 2)
        for row, (button, text) in enumerate(((self.roster_button, roster_text), (self.visit_button, visit_text),
                                              (self.demo_button, demo_text)), start=2):
            text.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
        self.roster_button.clicked.connect(self.roster_clicked)
        self.visit_button.clicked.connect(self.new_visit_clicked)
        self.demo_button.clicked.connect(self.demo_clicked)
