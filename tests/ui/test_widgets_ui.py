"""The shared pieces of ui/widgets: one rows model for the small tables and one table-view set-up."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from counsel_desk.ui.theme import ALERT
from counsel_desk.ui.widgets.roles import ID_ROLE
from counsel_desk.ui.widgets.rows import RowsModel, table_view


def test_rows_model_shows_values_ids_and_colours(qtbot, qtmodeltester):
    model = RowsModel(["Name", "Visits"], right=(1,))
    model.set_rows([("a", ["竹山鎮", 1234]), ("b", ["鹿谷鄉", None], ALERT)])
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Visits"
    assert model.index(0, 1).data() == "1,234"  # counts with thousands separators
    assert model.index(1, 1).data() == ""  # nothing shown as nothing, never "None"
    assert model.index(1, 0).data(ID_ROLE) == "b" and model.row_of("b") == 1 and model.id_at(5) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == ALERT
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.values_at(0) == ["竹山鎮", 1234]


def test_rows_without_ids_and_new_titles(qtbot, qtmodeltester):
    model = RowsModel(["A"])
    model.set_values([["x"], ["y"]], ids=[10, 20])
    model.set_titles(["A", "B"])  # a table whose columns follow what it shows
    qtmodeltester.check(model)
    assert model.columnCount() == 2 and model.index(1, 1).data() == "" and model.id_at(1) == 20
    model.set_values([["z"]])
    assert model.rowCount() == 1 and model.id_at(0) is None


def test_table_view_is_read_only_whole_rows(qtbot):
    model = RowsModel(["A", "B", "C"])
    view = table_view(model, "things", stretch=1, max_height=90)
    qtbot.addWidget(view)
    assert view.objectName() == "things" and view.model() is model
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.verticalHeader().isHidden() and view.maximumHeight() == 90
    assert view.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    many = table_view(model, single=False, even=True, stretch=None)
    qtbot.addWidget(many)
    assert many.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert many.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch


def test_fill_keeps_the_shown_value_and_select_finds_it(qtbot):
    from PySide6.QtWidgets import QComboBox

    from counsel_desk.models.enums import VisitMode
    from counsel_desk.ui.widgets.choices import EnumCombo, fill, select

    combo = QComboBox()
    qtbot.addWidget(combo)
    fill(combo, [("竹山鎮", "t1"), ("鹿谷鄉", "t2")], blank="All townships")
    assert combo.count() == 3 and combo.currentData() is None
    assert select(combo, "t2") and combo.currentText() == "鹿谷鄉"
    with qtbot.assertNotEmitted(combo.currentIndexChanged):
        fill(combo, [("鹿谷鄉", "t2"), ("水里鄉", "t3")], blank="All townships")  # refilled quietly
    assert combo.currentData() == "t2"  # still the one shown before
    fill(combo, [("水里鄉", "t3")], keep=None)
    assert combo.currentData() == "t3"  # gone: the first item
    assert not select(combo, "nowhere") and combo.currentData() == "t3"  # not offered: left as it was
    fill(combo, [("a", "a"), ("b", "b")], keep="b")
    assert not select(combo, "nowhere", or_first=True) and combo.currentData() == "a"
    with qtbot.assertNotEmitted(combo.currentIndexChanged):
        select(combo, "b", signals=False)
    assert combo.currentData() == "b"

    modes = EnumCombo(VisitMode, any_text="Any mode")
    qtbot.addWidget(modes)
    assert modes.code() == "" and modes.itemText(1) == VisitMode.ONSITE.label
    modes.set_code("phone")
    assert modes.code() == "phone"
    modes.set_code("no such mode")
    assert modes.code() == ""


def test_guarded_says_what_stopped_an_action(qtbot, monkeypatch):
    import errno

    from PySide6.QtWidgets import QLabel

    from counsel_desk.errors import UserError
    from counsel_desk.ui import messages

    boxes: list[BaseException] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc, title=None: boxes.append(exc))
    label = QLabel()
    qtbot.addWidget(label)

    with messages.guarded(None, into=label) as done:
        pass
    assert done and done.error is None

    with messages.guarded(None, into=label) as done:
        raise UserError("名稱不可空白", "The name is required")
    assert not done and label.text() in ("名稱不可空白", "The name is required") and not boxes

    with messages.guarded(None, into=label) as done:  # a full disk is something a person can act on
        raise OSError(errno.ENOSPC, "No space left on device")
    assert not done and ("disk" in label.text() or "磁碟" in label.text()) and not boxes

    with messages.guarded(None, into=label) as done:  # a bug: a box with its details, not the form's label
        raise KeyError("oops")
    assert not done and isinstance(done.error, KeyError) and boxes == [done.error]

    with messages.guarded(None) as done:  # no label: a user error goes into a box too
        raise UserError("找不到這筆資料")
    assert len(boxes) == 2


def test_money_edit_reads_and_shows_amounts(qtbot):
    from counsel_desk.ui.widgets.fields import MoneyEdit, parse_amount

    edit = MoneyEdit()
    qtbot.addWidget(edit)
    assert parse_amount("1，200，000") == 1200000 and parse_amount("") == 0 and parse_amount("12a") is None
    with qtbot.waitSignal(edit.value_changed) as changed:
        edit.setText("3000000")
    assert changed.args == [3000000]
    edit.editingFinished.emit()
    assert edit.text() == "3,000,000" and edit.value() == 3000000
    edit.set_value(None)
    assert edit.text() == "" and edit.value() == 0
