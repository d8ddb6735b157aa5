"""Column titles of this area's lists, marked for translation.

The list sources (``services/workstations/program_lists.py``) name their columns in English without Qt; the
table model translates them in the ``WorkstationColumns`` context, and these markers put them in
the area's zh_TW catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "WorkstationColumns"

TITLES = [
    QT_TRANSLATE_NOOP("WorkstationColumns", "Name"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "County"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Township"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Operator"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Status"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Year approved"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Full-time staff"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Subsidy (latest year)"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Personnel share"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Support sessions"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Support hours"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Date"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Workstation"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Workstation or team"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Type"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Hours"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Participants"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Topics"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Counselors"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Linked to"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Owning agency"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Subsidy"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Operating team"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Linked proposals"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Visits"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Title"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Kind"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Place"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Partners"),
    QT_TRANSLATE_NOOP("WorkstationColumns", "Photos"),
]
