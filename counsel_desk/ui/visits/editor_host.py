"""Keeps track of the open visit editors (one per visit), offers crash drafts back, undoes deletes.

One host per AppContext, shared by the visit list and the follow-up list, so a visit opened from
either page raises the same window, and closing the main window asks about every unsaved editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from counsel_desk.services.visits.drafts import VISIT_DRAFT as DRAFT_KIND
from counsel_desk.services.visits.drafts import Draft, DraftStore
from counsel_desk.ui import messages
from counsel_desk.ui.context import AppContext
from counsel_desk.ui.widgets.text import fmt

if TYPE_CHECKING:
    from counsel_desk.ui.visits.editor import VisitEditor


def _editor_class():
    """The editor module loads on first use: the lists open without its widgets and services."""
    from counsel_desk.ui.visits.editor import VisitEditor

    return VisitEditor


class EditorHost(QObject):
    visit_deleted = Signal(str, str)  # id, title
    visit_restored = Signal(str)
    editor_opened = Signal(object)  # the VisitEditor (tests and pages may want it)

    def __init__(self, ctx: AppContext):
        super().__init__(ctx)
        self.ctx = ctx
        self.editors: dict[str, VisitEditor] = {}
        self.drafts = DraftStore.for_database(ctx.db.path)
        self._drafts_offered = False

    @classmethod
    def for_context(cls, ctx: AppContext) -> "EditorHost":
        host = ctx.findChild(EditorHost)
        return host if host is not None else cls(ctx)

    # --- opening ------------------------------------------------------------------------------------
    def open_visit(self, visit_id: str, parent: QWidget | None = None) -> VisitEditor | None:
        if visit_id in self.editors:
            return self._raise(self.editors[visit_id])
        draft = self.drafts.load(DRAFT_KIND, visit_id)
        if draft is not None and not self._ask_restore(parent, draft):
            self.drafts.delete(DRAFT_KIND, visit_id)
            draft = None
        with messages.guarded(parent) as done:
            editor = _editor_class()(self.ctx, parent, visit_id=visit_id, draft=draft)
        if not done:
            return None
        return self._show(editor)

    def new_visit(self, parent: QWidget | None = None, draft: Draft | None = None) -> VisitEditor:
        return self._show(_editor_class()(self.ctx, parent, draft=draft))

    def _show(self, editor: VisitEditor) -> VisitEditor:
        self.editors[editor.draft_key] = editor
        editor.saved.connect(lambda vid, e=editor: self._rekey(e, vid))
        editor.deleted.connect(self.visit_deleted)
        editor.finished.connect(lambda _r, e=editor: self._forget(e))
        editor.show()
        self.editor_opened.emit(editor)
        return self._raise(editor)

    @staticmethod
    def _raise(editor: VisitEditor) -> VisitEditor:
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def _rekey(self, editor: VisitEditor, visit_id: str) -> None:
        for key, e in list(self.editors.items()):
            if e is editor:
                del self.editors[key]
        self.editors[visit_id] = editor

    def _forget(self, editor: VisitEditor) -> None:
        for key, e in list(self.editors.items()):
            if e is editor:
                del self.editors[key]
        editor.deleteLater()

    # --- crash drafts -------------------------------------------------------------------------------
    def _ask_restore(self, parent: QWidget | None, draft: Draft) -> bool:
        when = draft.saved_at.strftime("%Y-%m-%d %H:%M")
        what = (draft.data.get("visit") or {}).get("visited_name") or ""
        text = fmt(self.tr("A visit you were editing was not saved (draft of %1%2), probably because the app closed "
                       "unexpectedly. Restore it?"), when, f"：{what}" if what else "")
        return messages.confirm(parent, text, self.tr("Restore unsaved visit"))

    def offer_drafts(self, parent: QWidget | None = None) -> list[VisitEditor]:
        """Once per session: offer every draft left behind (a crash) and open those accepted."""
        if self._drafts_offered:
            return []
        self._drafts_offered = True
        opened = []
        drafts = self.drafts.all(DRAFT_KIND)
        if not drafts:
            return opened
        from counsel_desk.services.visits.visits import VisitService

        service = VisitService(self.ctx.services())
        for draft in drafts:
            if draft.key in self.editors:
                continue
            if not draft.is_new_record and not service.exists(draft.key):
                self.drafts.delete(DRAFT_KIND, draft.key)  # its visit was deleted since: nothing to restore into
                continue
            if not self._ask_restore(parent, draft):
                self.drafts.delete(DRAFT_KIND, draft.key)
                continue
            if draft.is_new_record:
                opened.append(self.new_visit(parent, draft))
            else:
                editor = _editor_class()(self.ctx, parent, visit_id=draft.key, draft=draft)
                opened.append(self._show(editor))
        return opened

    # --- closing and undo ---------------------------------------------------------------------------
    def close_all(self) -> bool:
        """Close every editor, asking about unsaved ones; False when the user chose to keep one open."""
        for editor in list(self.editors.values()):
            if not editor.close():
                return False
        return True

    def undo_delete(self, visit_id: str, parent: QWidget | None = None) -> bool:
        from counsel_desk.services.visits.visits import VisitService

        with messages.guarded(parent) as done:
            self.ctx.run(VisitService(self.ctx.services()).undo_delete, visit_id)
        if not done:
            return False
        self.visit_restored.emit(visit_id)
        self.ctx.status_message.emit(self.tr("The visit is back."))
        return True
