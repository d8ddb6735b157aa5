"""The zh_TW catalogues are complete: every tr() string of every UI area is translated and compiled.

lupdate runs over the sources into a temporary folder, so a string added to the code without a
translation fails here even if nobody refreshed the committed .ts files.
"""

from __future__ import annotations

import os
import re

import pytest

from counsel_desk.i18n import catalog


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    out = tmp_path_factory.mktemp("ts")
    for ts in catalog.I18N_DIR.glob("*_zh_TW.ts"):
        (out / ts.name).write_bytes(ts.read_bytes())
    catalog.update(directory=out)
    return out


def test_every_ui_area_has_a_catalogue():
    areas = set(catalog.areas())
    have = {p.name.removesuffix("_zh_TW.ts") for p in catalog.I18N_DIR.glob("*_zh_TW.ts")}
    assert areas <= have, areas - have


def test_no_string_of_the_code_is_untranslated(fresh_catalogues):
    assert catalog.unfinished(fresh_catalogues) == []


def test_committed_catalogues_are_complete_and_compiled():
    assert catalog.unfinished() == []
    for ts in catalog.I18N_DIR.glob("*_zh_TW.ts"):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run `make i18n`"
        assert os.path.getsize(qm) > 0


def test_the_translations_are_used(qapp):
    from PySide6.QtCore import QCoreApplication

    from counsel_desk.ui.startup import install_translators

    assert install_translators(qapp, "zh_TW") >= len(catalog.areas())
    assert QCoreApplication.translate("Navigation", "Site visits") == "實地訪視"
    qt_context, qt_text = "QPlatformTheme", "Cancel"
    assert QCoreApplication.translate(qt_context, qt_text) != qt_text  # Qt's own qtbase_zh_TW.qm


def test_list_column_titles_are_marked_once_where_the_list_declares_them():
    """A list source's column titles are marked in the services module that declares them, and that module is
    read with its UI area: no second list of the same titles in ui/ to keep in step."""
    import re

    services = catalog.ROOT / "services"
    bare = [f"{p.relative_to(services)}:{n}: {line.strip()}" for p in sorted(services.rglob("*.py"))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if re.search(r'\bColumn\("\w+", "', line)]
    assert not bare, "mark the title: Column(key, QT_TRANSLATE_NOOP(context, title))\n" + "\n".join(bare)
    read = {p for sources in catalog.areas().values() for p in sources}
    marked = {p for p in services.rglob("*.py") if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")}
    assert marked - {services / "listing.py"} <= read
    assert len(marked) > 5


def test_qts_own_file_dialog_speaks_chinese(qapp):
    """A save dialog in the Chinese UI said “Look in:” and “Files of type:”: Qt 6's words for them are not in
    the qtbase_zh_TW.qm it ships; ui/qt_words.py gives them. Every label of the dialog is read as she sees it."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QFileDialog, QLabel

    from counsel_desk.ui.startup import install_translators

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not os.path.exists(os.path.join(qt_dir, "qtbase_zh_TW.qm")):
        pytest.skip("this Qt has no qtbase_zh_TW.qm")
    install_translators(qapp, "zh_TW")
    from PySide6.QtCore import QCoreApplication

    from counsel_desk.ui.qt_words import QT_WORDS

    for context, sources in QT_WORDS.items():
        for source in sources:
            assert QCoreApplication.translate(context, source) != source, (context, source)
    dialog = QFileDialog(None, "另存新檔")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    try:
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert "尋找於(&L)：" in labels and "檔案型態(&T)：" in labels, labels
        latin = [t for t in labels if re.search("[A-Za-z]", re.sub(r"\(&[A-Z]\)", "", t))]
        assert latin == [], "no English left in the Chinese dialog"
    finally:
        dialog.deleteLater()


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def test_english_source_strings_hold_no_chinese(fresh_catalogues):
    """Issue 12: in English no Chinese is left except data — a gloss such as "Evaluation (評鑑)" is Chinese in the
    English interface (the English walk lets through any Chinese that is also somewhere in the database)."""
    from xml.etree import ElementTree

    found = []
    for ts in sorted(fresh_catalogues.glob("*_zh_TW.ts")):
        for context in ElementTree.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                gone = message.find("translation")
                if _CJK.search(source) and (gone is None or gone.get("type") not in ("obsolete", "vanished")):
                    found.append(f"{ts.name} {context.findtext('name')}: {source}")
    assert found == []
