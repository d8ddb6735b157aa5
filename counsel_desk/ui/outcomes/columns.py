"""Column titles of this area's lists, marked for translation in the lists' shared context.

The list sources (``services/outcomes/outcome_lists.py``) name their columns in English without Qt; the
table model of ``ui/workstations/list_panel.py`` translates them in the ``WorkstationColumns``
context, and these markers put the titles that area lacks into this area's zh_TW catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TITLES = [
    QT_TRANSLATE_NOOP("WorkstationColumns", "People"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Amount"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Detail"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Award programme"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Year"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Award"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Members"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Support records"),
]
