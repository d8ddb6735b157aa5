"""The translation context of this area's list columns (the outcome and youth-team lists' too).

The list sources (``services/workstations/program_lists.py``, ``services/outcomes/outcome_lists.py``) name
their columns in English without Qt, marked for this context with ``services.listing.QT_TRANSLATE_NOOP``;
the table model of ``list_panel.py`` translates them in it.
"""

from __future__ import annotations

CONTEXT = "WorkstationColumns"
