"""What the frozen bundle leaves out: Qt modules, plugins and translations the app never uses.

The spec (``counsel_desk.spec``) imports this module. PyInstaller's PySide6 hooks collect every
plugin of a used plugin type and every language of Qt's catalogues; a counselor's laptop needs the
platform plugins, the image formats of photos and icons, printing, input methods (Chinese input on
Linux goes through ibus, or fcitx5 through its ibus frontend) and the zh_TW/en catalogues — nothing
else. The rules are plain functions over PyInstaller TOC entries ``(dest_name, src_name, typecode)``
so a unit test can check them without building anything.
"""

from __future__ import annotations

import re

# Python modules never imported by the app. Qt modules first: each pulls its shared library,
# plugins and catalogues (WebEngine alone is ~200 MB).
EXCLUDED_QT_MODULES = [
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView", "PySide6.QtHttpServer",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D", "PySide6.QtQuickTest",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput", "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech", "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtPositioning",
    "PySide6.QtLocation", "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine", "PySide6.QtSql",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtTest",
    "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtGraphsWidgets",
    "PySide6.QtNetworkAuth", "PySide6.QtAxContainer", "PySide6.QtConcurrent", "PySide6.QtXml",
    # Python bindings the hooks add because QtCharts/QtPdf *link* these Qt libraries; the libraries
    # themselves still come along as dependencies, only the unused bindings (QtOpenGL: 8.5 MB) go.
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtNetwork", "PySide6.QtDBus",
]
EXCLUDED_PYTHON_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data", "lib2to3",
    "test", "pytest", "pytestqt", "hypothesis", "pypdf",
    "IPython", "numpy", "matplotlib", "PyInstaller",
    # Mako's optional syntax-highlighting plugin drags all of pygments (4.5 MB of lexers) along
    "pygments", "mako.ext.pygmentplugin",
    # hashlib uses CPython's own sha256/sha1/md5/blake2 modules, which are collected. (The ssl module
    # and Python's OpenSSL, 5.4 MB, are in since issue 18: psycopg's libpq wrapper imports ssl at start.)
    "_hashlib",
    "readline", "pdb",
    # Only reached from `if __name__ == "__main__"` self-tests and defusedxml's xmlrpc patch
    # (pydoc → http.server, webbrowser …); the app runs none of them.
    "doctest", "unittest", "pydoc", "xmlrpc", "defusedxml.xmlrpc", "http.server", "webbrowser", "tty",
    "lxml.doctestcompare", "lxml.usedoctest", "reportlab.graphics.testshapes",
    "multiprocessing", "concurrent.futures.process",
    # CJK codecs other than Taiwan's (big5/cp950) and Hong Kong's (big5hkscs): an unknown
    # encoding then raises LookupError like any other — nothing here reads GB, Shift-JIS or EUC-KR.
    "_codecs_jp", "_codecs_kr", "_codecs_cn", "_codecs_iso2022",
    # reportlab imports PIL.Image at start, but the reports hold no raster images: installer/stubs/PIL
    # (first on the spec's pathex) stands in for Pillow and its libraries (6 MB); photos are shown by Qt.
    # SQLite comes from SQLCipher (sqlcipher3): the standard sqlite3 module and its library (1.5 MB)
    # are never used by the app, and SQLAlchemy is given SQLCipher's module.
    "sqlite3", "_sqlite3",
    # keyring's Linux Secret Service backend needs secretstorage → cryptography (12 MB): the frozen
    # Linux program asks for a passphrase instead; Windows' Credential Manager backend needs neither.
    "secretstorage", "jeepney", "cryptography",
    # lxml: openpyxl and the sync file checks use lxml.etree only
    "lxml.objectify", "lxml.html", "lxml.isoschematron",
    # reportlab guesses the encoding of an XMP metadata *file* with it; the reports pass none
    "charset_normalizer",
    # dev tooling inside PySide6 and our own catalogue tool (needs lupdate, not shipped)
    "PySide6.scripts", "counsel_desk.i18n.catalog",
    # the guards of `make check`, installed beside the tests: SQLAlchemy's mypy plugin
    # (sqlalchemy.ext.mypy) would otherwise drag mypy's compiled modules into the bundle
    "mypy", "mypyc", "sqlalchemy.ext.mypy", "ruff", "vulture",
    # psycopg's C implementation: the binary wheel (psycopg_binary, with its libpq) is the one bundled
    "psycopg_c",
]
EXCLUDED_MODULES = EXCLUDED_QT_MODULES + EXCLUDED_PYTHON_MODULES

# Plugin types kept, with the plugins kept of each (None: all of that type). Any other type goes.
KEPT_PLUGINS: dict[str, set[str] | None] = {
    # xcb: X11 and XWayland; offscreen: the smoke test; windows: Windows; minimal: headless tools.
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows"},
    # xdg-desktop-portal gives native file dialogs without dragging GTK 3 into the bundle.
    "platformthemes": {"qxdgdesktopportal"},
    # ibus / compose: Chinese input on Linux (the virtual keyboard needs QtQuick: left out)
    "platforminputcontexts": {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"},
    "imageformats": {"qjpeg", "qgif", "qico", "qsvg"},  # event photos, icons
    "iconengines": {"qsvgicon"},
    "styles": None,  # the Windows 11 style lives here on Windows
    "printsupport": None,  # CUPS on Linux: printing reports
    "xcbglintegrations": None,  # the xcb platform plugin looks for these at start
}

# Qt catalogues: the app loads qtbase_zh_TW.qm; English is Qt's source language, but keep its
# (tiny) catalogues too so an English UI never falls back to a stray language.
KEPT_QT_LANGUAGES = ("zh_TW", "en")

# Libraries some hook drags in that nothing we keep needs.
DROPPED_LIBRARIES = [
    # Windows: Mesa software OpenGL (20 MB); widgets and QtCharts paint with the raster engine.
    re.compile(r"(^|[\\/])opengl32sw\.dll$", re.I),
    re.compile(r"(^|[\\/])d3dcompiler_47\.dll$", re.I),
]

# Linux: system libraries Qt links against that the PySide6 wheel itself expects from the system
# (it ships only Qt and ICU). Every desktop distribution has them, and a bundled copy of glib,
# fontconfig or CUPS older than the system's configuration files is a known source of trouble.
# The small xcb helpers stay bundled: libxcb-cursor0 is missing on several distributions.
SYSTEM_LIBRARIES = re.compile(
    r"^lib(cups|avahi-(client|common)|gnutls|nettle|hogweed|gmp|p11-kit|tasn1|idn2|unistring"
    r"|krb5|krb5support|k5crypto|gssapi_krb5|keyutils|com_err"
    r"|glib-2\.0|gthread-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|pcre2-8|dbus-1|systemd|gcrypt|gpg-error|lz4|cap"
    r"|fontconfig|freetype|X11|X11-xcb|brotli(common|dec)"
    # the C++ runtime: every manylinux wheel (Qt, greenlet) already takes it from the system
    r"|stdc\+\+)\.so[.\d]*$"
)

_PLUGIN = re.compile(r"(^|[\\/])plugins[\\/](?P<type>[^\\/]+)[\\/](?P<file>[^\\/]+)$")
_QT_CATALOGUE = re.compile(r"(^|[\\/])translations[\\/](?P<file>[^\\/]+)\.qm$")


def plugin_name(file_name: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqxcb.dylib`` → ``qxcb``."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(dest: str) -> bool:
    m = _PLUGIN.search(dest)
    if not m:
        return True
    kind = m.group("type")
    if kind not in KEPT_PLUGINS:
        return False
    wanted = KEPT_PLUGINS[kind]
    return wanted is None or plugin_name(m.group("file")) in wanted


def keep_qt_catalogue(dest: str) -> bool:
    m = _QT_CATALOGUE.search(dest)
    if not m or "PySide6" not in dest:
        return True
    return m.group("file").endswith(tuple(f"_{lang}" for lang in KEPT_QT_LANGUAGES))


def keep(entry: tuple, linux: bool | None = None) -> bool:
    dest = entry[0]
    if any(p.search(dest) for p in DROPPED_LIBRARIES):
        return False
    if linux is None:
        import sys

        linux = sys.platform.startswith("linux")
    if linux and SYSTEM_LIBRARIES.match(dest):  # top-level only: no folder in the name
        return False
    return keep_plugin(dest) and keep_qt_catalogue(dest)


def install_plugin_filter() -> bool:
    """Make PyInstaller's Qt hooks skip unwanted plugins *before* their dependencies are analysed.

    Dropping a plugin after analysis would leave behind what it drags in (GTK 3 for the gtk3
    theme, QtQuick for the virtual keyboard, Wayland and EGL libraries …). Returns False when the
    hook internals moved (a new PyInstaller); the bundle is then only trimmed afterwards — still
    correct, just larger, and build.py's size check says so.
    """
    import os

    try:
        from PyInstaller.utils.hooks.qt import QtLibraryInfo
    except ImportError:
        return False
    original = getattr(QtLibraryInfo, "collect_plugins", None)
    if original is None or getattr(original, "counsel_desk_filter", False):
        return original is not None

    def collect_plugins(self, plugin_type):
        return [(src, dest) for src, dest in original(self, plugin_type)
                if keep_plugin(os.path.join(dest, os.path.basename(src)))]

    collect_plugins.counsel_desk_filter = True
    QtLibraryInfo.collect_plugins = collect_plugins
    return True


def trim(toc: list) -> tuple[list, list]:
    """Split a PyInstaller TOC into (kept, dropped) entries."""
    kept, dropped = [], []
    for entry in toc:
        (kept if keep(entry) else dropped).append(entry)
    return kept, dropped
