"""Canary for the PySide6 6.12.0 crash on CPython 3.11.

6.12.0 aborts with "Fatal Python error: none_dealloc: deallocating None" after a few thousand
calls of methods returning nothing (QLabel.setText, QPainterPath.moveTo, beginResetModel, …);
6.11.3 runs the same loop clean. The loop runs in a child process so that a regression fails
this test instead of killing the whole test run (or, later, a counselor's laptop).
"""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6

CANARY = r"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QAbstractTableModel, QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

app = QApplication([])
label, edit = QLabel(), QLineEdit()
model = QAbstractTableModel.__new__(QAbstractTableModel)
class M(QAbstractTableModel):
    def rowCount(self, parent=None): return 0
    def columnCount(self, parent=None): return 0
    def data(self, index, role=0): return None
m = M()
image = QImage(16, 16, QImage.Format.Format_ARGB32)
painter = QPainter(image)
for i in range(30000):
    label.setText("訪視 %d" % i)
    edit.setText("追蹤 %d" % i)
    path = QPainterPath()
    path.moveTo(QPointF(1, 1))
    path.lineTo(QPointF(5, 9))
    painter.fillPath(path, QColor("#1f6fb2"))
    m.beginResetModel()
    m.endResetModel()
painter.end()
print("canary ok")
"""


def test_pyside_version_is_pinned_below_6_12():
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), f"PySide6 {PySide6.__version__}: see the 6.12.0 none_dealloc crash"


def test_many_void_calls_do_not_abort():
    proc = subprocess.run([sys.executable, "-c", CANARY], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "canary ok" in proc.stdout
