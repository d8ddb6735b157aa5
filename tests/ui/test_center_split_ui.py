"""The center → county split edited by headquarters in the app (編輯 → 各中心縣市…): the shipped split is
listed as the default, a moved county as set by headquarters, each move audited, and the rules follow it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from counsel_desk.services.programme import center_split
from counsel_desk.services.workstations import workstations as ws

HUALIEN = "10015"


@pytest.fixture
def window(qtbot, app_context):
    from counsel_desk.ui.startup import build_main_window

    w = build_main_window(app_context.db, app_context.settings)
    qtbot.addWidget(w)
    return w


def test_headquarters_moves_a_county_from_the_edit_menu(qtbot, window, app_context):
    """Source: 加速推動地方創生計畫 叁、三、建構分區輔導中心（北、中、南、東分區）; issue 16 — 「The center→county split
    becomes editable (by headquarters, audited), the current split shipped as the default and labelled as such」."""
    svc = app_context.services()
    with app_context.db.engine.connect() as c:
        jian = c.execute(text("SELECT code FROM township WHERE county_code = :c AND name = '吉安鄉'"),
                         {"c": HUALIEN}).scalar()
    station = ws.create_workstation(svc, {"name": "吉安工作站", "county_code": HUALIEN, "township_code": jian,
                                          "status": "active"})
    def notices() -> list[str]:  # what the rule about the center's counties says (eligibility has its own notices)
        return [n.code for n in ws.station_notices(svc, station) if n.code == "outside_center"]

    assert notices() == ["outside_center"]

    action = window.findChild(type(window.action_roster), "actionCenterSplit")
    assert action is not None and action.text().startswith("各中心縣市")
    action.trigger()
    dialog = window.center_split_dialog
    qtbot.waitExposed(dialog)
    assert len(dialog.centers) == 22
    assert dialog.centers[HUALIEN].currentText() == "地方創生東區輔導中心"
    assert dialog.labels[HUALIEN].text() == "預設"

    box = dialog.centers[HUALIEN]
    box.setCurrentIndex(box.findData("north"))  # what choosing 地方創生北區輔導中心 in the list does
    assert dialog.labels[HUALIEN].text() == "總部調整"
    assert {c.county_code: c for c in center_split.split(svc)}[HUALIEN].center_code == "north"
    assert notices() == []  # the rule follows the split at once
    with app_context.db.engine.connect() as c:
        detail = c.execute(text("SELECT detail FROM audit_log WHERE action = 'center_split'")).scalar()
    assert "花蓮縣" in detail and "north" in detail

    box.setCurrentIndex(box.findData("east"))  # back to the shipped split: the default again
    assert dialog.labels[HUALIEN].text() == "預設"


def test_a_move_while_another_program_writes_waits_in_sight(qtbot, window, app_context):
    """A county moved while an import in another window holds the database: the move waits with a window, as an
    editor's save does (ui/writer_wait.py); she stops waiting and reads why, the county stays where it was."""
    from tests.ui.conftest import hold_write_lock, make_active, release, stop_waiting_soon

    window.findChild(type(window.action_roster), "actionCenterSplit").trigger()
    dialog = window.center_split_dialog
    make_active(qtbot, dialog)  # where she works: the wait's window opens over it
    holder = hold_write_lock(app_context.db)
    waited: list[tuple[str, str]] = []
    box = dialog.centers[HUALIEN]
    try:
        stop_waiting_soon(waited)
        box.setCurrentIndex(box.findData("north"))  # what choosing 地方創生北區輔導中心 in the list does
    finally:
        release(holder)
    assert waited and "另一個匯入或程式正在寫入資料庫" in waited[0][0]
    assert "另一個匯入或程式寫入中" in dialog.error.text()
    assert box.currentText() == "地方創生東區輔導中心"  # back to what is stored
    assert {c.county_code: c for c in center_split.split(app_context.services())}[HUALIEN].center_code == "east"
