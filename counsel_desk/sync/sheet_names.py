"""The interchange workbook's sheets and columns named in her language, where the app shows them (the import's
summary, the conflicts): the workbook's own Chinese titles in zh_TW — what she finds on the tabs — and the record
kinds' and fields' English labels in English (issue 12: no Chinese but data in the English interface)."""

from __future__ import annotations

from counsel_desk.i18n import pick
from counsel_desk.services.field_labels import field_label_pair
from counsel_desk.services.safety.audit_log import ENTITIES
from counsel_desk.sync import format as fmt


def sheet_name(sheet: fmt.Sheet) -> str:
    """A sheet's records named in her language: the workbook's tab title in zh_TW, the record kind in English."""
    return pick(sheet.title, ENTITIES.get(sheet.table, (sheet.title, sheet.title))[1])


def column_name(col: fmt.Column) -> str:
    """A column named in her language: the workbook's title in zh_TW, the field's English label otherwise."""
    return pick(col.title, field_label_pair(col.key)[1])
