"""The stage board: one column per stage of both flows (構想 … 公所提報 · 縣府審查 … 分區輔導中心審閱 ·
送專案辦公室 … 未通過), a card per standalone proposal or plan; a card moves only along its route's flow.

Drag a card to another column, or select it and press "Move to…": the page asks for the comment
and runs the move (a column only accepts a drop from stages that may move into it). A plan is one
card because it moves as a whole.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QScrollArea,
    QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QVBoxLayout, QWidget,
)

from counsel_desk.models.enums import STAGE_ORDER, Route, Stage
from counsel_desk.services.formatting import compact_ntd, ntd, spaced
from counsel_desk.services.proposals.display import when_text
from counsel_desk.services.proposals.listing import Board, BoardCard
from counsel_desk.services.proposals.stages import allowed_moves
from counsel_desk.ui.proposals.common import ROUTE_COLORS, stage_color
from counsel_desk.ui.widgets.text import fmt
from counsel_desk.ui.widgets.roles import CARD_ROLE
from counsel_desk.ui.theme import ACCENT, INK, SECONDARY_INK

CARD_HEIGHT = 84
COLUMN_WIDTH = 196  # ten columns (both flows); narrower windows scroll sideways


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title, applicant and place, a route (or plan) badge and the money requested."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(COLUMN_WIDTH - 16, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is None:
            return super().paint(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(option.rect).adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor(ACCENT) if selected else QColor("#d5dce3"), 2 if selected else 1))
        painter.setBrush(QColor("#eef5fc") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12), stage_color(card.stage))
        inner = rect.adjusted(12, 6, -8, -6)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(INK))
        fm = QFontMetrics(bold)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), fm.height()), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(card.title, Qt.TextElideMode.ElideRight, inner.width()))
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        painter.setFont(small)
        sfm = QFontMetrics(small)
        line2 = " · ".join(t for t in (card.applicant, card.place) if t)
        painter.setPen(QColor(SECONDARY_INK))
        y = inner.top() + fm.height() + 3
        painter.drawText(QRect(inner.left(), y, inner.width(), sfm.height()), Qt.AlignmentFlag.AlignLeft,
                         sfm.elidedText(line2, Qt.TextElideMode.ElideRight, inner.width()))
        y += sfm.height() + 5
        money = card_money(card.requested)
        badge = badge_beside(sfm, card_badge(card), money, inner.width())
        bw = sfm.horizontalAdvance(badge) + 12
        badge_rect = QRect(inner.left(), y, bw, sfm.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ROUTE_COLORS.get(card.route, "#6a4fb3")))
        painter.drawRoundedRect(badge_rect, 4, 4)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.setPen(QColor(INK))
        room = inner.right() - badge_rect.right() - 6
        painter.drawText(QRect(badge_rect.right() + 6, y, room, sfm.height() + 4),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         money)
        painter.restore()


def badge_beside(metrics: QFontMetrics, badge: str, money: str, width: int) -> str:
    """The badge as it fits beside the whole sum on a card ``width`` wide: words give way, digits never."""
    return metrics.elidedText(badge, Qt.TextElideMode.ElideRight, max(width - metrics.horizontalAdvance(money) - 18, 0))


def card_money(amount: int) -> str:
    """Cards are narrow: money in 萬元 as the field writes large sums (NT$40,120,000 → 4,012 萬元, NT$40.1 M)."""
    return compact_ntd(amount)


def card_moves(card: BoardCard) -> list[Stage]:
    """Where the card may go: its route's flow (a plan, the township office's, follows the existing route)."""
    return allowed_moves(card.stage, card.route or Route.EXISTING.value)


def card_badge(card: BoardCard) -> str:
    if card.kind == "plan":
        return fmt(QCoreApplication.translate("StageBoard", "Plan · %1 proposals"), str(card.proposals))
    return Route.label_of(card.route)


def card_tooltip(card: BoardCard) -> str:
    lines = [card.title, " · ".join(t for t in (card.applicant, card.place) if t),
             spaced([card_badge(card), ntd(card.requested, prefix=True)])]
    if card.counselor:
        lines.append(fmt(QCoreApplication.translate("StageBoard", "Counselor: %1"), card.counselor))
    if card.since:
        lines.append(fmt(QCoreApplication.translate("StageBoard", "In this stage since %1"), when_text(card.since)))
    return "\n".join(lines)


class StageColumn(QListWidget):
    """One stage's cards; accepts drops of cards whose stage may move here."""

    dropped = Signal(str, str, str)  # kind, id, target stage

    def __init__(self, stage: Stage, parent: QWidget | None = None):
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"column_{stage.value}")
        self.setItemDelegate(CardDelegate(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QListWidget { background: #f3f5f7; border-radius: 6px; }")

    def cards(self) -> list[BoardCard]:
        return [self.item(i).data(CARD_ROLE) for i in range(self.count())]

    def viewportEvent(self, event) -> bool:
        # Tooltips are written when asked for: a board of hundreds of cards opens faster.
        if event.type() == QEvent.Type.ToolTip:
            item = self.itemAt(event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), card_tooltip(item.data(CARD_ROLE)), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _dragged(self, event) -> BoardCard | None:
        source = event.source()
        if not isinstance(source, StageColumn) or source is self:
            return None
        item = source.currentItem()
        return item.data(CARD_ROLE) if item is not None else None

    def dragEnterEvent(self, event) -> None:
        card = self._dragged(event)
        if card is not None and self.stage in card_moves(card):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        card = self._dragged(event)
        # The board is reloaded after the move; Qt must not move the item itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if card is not None and self.stage in card_moves(card):
            self.dropped.emit(card.kind, card.id, self.stage.value)


class StageBoard(QWidget):
    open_requested = Signal(str, str)  # kind, id
    move_requested = Signal(str, str, str)  # kind, id, target stage ("" = ask)
    checklist_requested = Signal(str, str)  # kind, id: the county's checklist (縣府審查) of a proposal or plan
    decision_requested = Signal(str, str)  # kind, id: correct the council's decision of a passed card

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns: dict[str, StageColumn] = {}
        self.headers: dict[str, QLabel] = {}
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for stage in STAGE_ORDER:
            box = QVBoxLayout()
            header = QLabel()
            header.setObjectName(f"header_{stage.value}")
            header.setStyleSheet(f"font-weight: bold; padding: 4px 6px; border-bottom: 3px solid "
                                 f"{stage_color(stage).name()};")
            column = StageColumn(stage)
            column.setMinimumWidth(COLUMN_WIDTH)
            column.itemDoubleClicked.connect(self._open_item)
            column.itemSelectionChanged.connect(lambda c=column: self._selected_in(c))
            column.dropped.connect(self.move_requested)
            column.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.customContextMenuRequested.connect(lambda pos, c=column: self._menu(c, pos))
            box.addWidget(header)
            box.addWidget(column, 1)
            layout.addLayout(box)
            self.columns[stage.value] = column
            self.headers[stage.value] = header
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_board(Board({s.value: [] for s in STAGE_ORDER}, {s.value: 0 for s in STAGE_ORDER}))

    def set_board(self, board: Board) -> None:
        selected = self.selected_card()
        for stage, column in self.columns.items():
            column.clear()
            cards = board.columns.get(stage, [])
            for card in cards:
                item = QListWidgetItem(card.title)
                item.setData(CARD_ROLE, card)
                column.addItem(item)
                if selected is not None and card.id == selected.id:
                    column.setCurrentItem(item)
            total = board.counts.get(stage, len(cards))
            shown = f"{total}" if total == len(cards) else f"{len(cards)}/{total}"
            self.headers[stage].setText(f"{Stage.label_of(stage)}  ({shown})")

    def _selected_in(self, column: StageColumn) -> None:
        if column.currentItem() is not None and column.currentItem().isSelected():
            for other in self.columns.values():
                if other is not column:
                    other.clearSelection()

    def selected_card(self) -> BoardCard | None:
        for column in self.columns.values():
            for item in column.selectedItems():
                return item.data(CARD_ROLE)
        return None

    def select(self, card_id: str) -> bool:
        for column in self.columns.values():
            for i in range(column.count()):
                if column.item(i).data(CARD_ROLE).id == card_id:
                    column.setCurrentItem(column.item(i))
                    column.scrollToItem(column.item(i))
                    return True
        return False

    def _open_item(self, item: QListWidgetItem) -> None:
        card: BoardCard = item.data(CARD_ROLE)
        self.open_requested.emit(card.kind, card.id)

    def _menu(self, column: StageColumn, pos) -> None:
        item = column.itemAt(pos)
        if item is None:
            return
        column.setCurrentItem(item)
        card: BoardCard = item.data(CARD_ROLE)
        menu = QMenu(self)
        open_action = QAction(self.tr("Open"), menu)
        open_action.triggered.connect(lambda: self.open_requested.emit(card.kind, card.id))
        menu.addAction(open_action)
        move_menu = menu.addMenu(self.tr("Move to"))
        for stage in card_moves(card):
            act = QAction(Stage.label_of(stage.value), move_menu)
            act.triggered.connect(lambda _=False, s=stage.value: self.move_requested.emit(card.kind, card.id, s))
            move_menu.addAction(act)
        if card.kind == "plan" or card.route == Route.EXISTING:  # a township's plan follows the existing route
            check = QAction(self.tr("County review checklist…"), menu)
            check.triggered.connect(lambda: self.checklist_requested.emit(card.kind, card.id))
            menu.addAction(check)
        if card.stage == Stage.APPROVED:
            fix = QAction(self.tr("Correct the council's decision…"), menu)
            fix.triggered.connect(lambda: self.decision_requested.emit(card.kind, card.id))
            menu.addAction(fix)
        menu.exec(column.viewport().mapToGlobal(pos))
