"""Words of Qt's own dialogs that Qt's zh_TW catalogue (qtbase_zh_TW.qm) lacks.

Qt 6 renamed some of its file dialog's labels (“Look in:” became “&Look in:”) and the zh_TW catalogue it
ships still has only the old words, so a save dialog said “Look in:” and “Files of type:” in a Chinese UI.
Listed here, they land in the shell catalogue (resources/i18n/shell_zh_TW.ts) under Qt's own context; the
app's catalogues are asked after qtbase's, so a word Qt does translate keeps Qt's translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# context → the sources as Qt looks them up (QT_TRANSLATE_NOOP gives the source back; lupdate reads the context)
QT_WORDS = {
    "QFileDialog": (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
                    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
}
