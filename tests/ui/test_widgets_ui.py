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
