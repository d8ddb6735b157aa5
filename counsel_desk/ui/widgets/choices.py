"""Combo boxes of choices: filling them, selecting a value, and the combo of an enum's members.

A combo's items are (text, value) pairs; the value sits in ``VALUE_ROLE`` (Qt's UserRole, where
``addItem(text, value)`` puts it). :func:`fill` accepts pairs, the services' ``Choice`` objects
(``.name``/``.id``) or members of a labelled enum (their ``label`` in the language in use), so
every screen fills and selects its combos the same way.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Iterable

from PySide6.QtWidgets import QComboBox, QWidget

from counsel_desk.models.enums import Labelled

_CURRENT = object()  # fill(): keep the value the combo shows now


def _pairs(items: Iterable[Any]) -> Iterable[tuple[str, Any]]:
    for item in items:
        if isinstance(item, Labelled):
            yield item.label, item.value
        elif isinstance(item, tuple):
            yield item[0], item[1]
        else:  # a Choice of the services (services.listing.Choice: id, name)
            yield item.name, item.id


def fill(combo: QComboBox, items: Iterable[Any] | type[Enum], *, blank: str | None = None, blank_value: Any = None,
         keep: Any = _CURRENT) -> None:
    """Replace ``combo``'s items without announcing it; ``blank`` first (a "none"/"all" item).

    Selects ``keep`` when offered (by default the value shown before), else (and for None) the first item."""
    current = combo.currentData() if keep is _CURRENT else keep
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, blank_value)
    for text, value in _pairs(items):
        combo.addItem(text, value)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))
    combo.blockSignals(False)


def select(combo: QComboBox, value: Any, *, or_first: bool = False, signals: bool = True) -> bool:
    """Select the item carrying ``value``; when none does, the first item (``or_first``) or nothing changes.

    Returns whether ``value`` was found. ``signals=False`` selects without announcing it."""
    index = combo.findData(value)  # None finds the item whose value is None (a blank "none" item)
    if index < 0 and not (or_first and combo.count()):
        return False
    was_blocked = combo.blockSignals(not signals or combo.signalsBlocked())
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(was_blocked)
    return index >= 0


class EnumCombo(QComboBox):
    """The members of a labelled enum, by label; ``code()`` is the stored value.

    With ``any_text`` the first item is a blank choice meaning "any" (for filters)."""

    def __init__(self, enum_cls: type[Labelled], parent: QWidget | None = None, any_text: str | None = None,
                 members: Iterable[Labelled] | None = None):
        super().__init__(parent)
        fill(self, members if members is not None else enum_cls, blank=any_text, blank_value="")

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str | None) -> None:
        select(self, code or "", or_first=True)


def say_when_empty(combo: QComboBox, none_yet: str, choose: str = "") -> None:
    """A choice box with nothing to choose yet says so (「還沒有任何工作站」), greyed, instead of standing blank;
    with choices, ``choose`` (「請選擇…」) shows until one is picked."""
    combo.setEnabled(combo.count() > 0)
    combo.setPlaceholderText(choose if combo.count() else none_yet)
