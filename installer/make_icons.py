"""Render the app icon: ``resources/icons/counsel_desk.svg`` → PNG sizes and a Windows ICO.

Run after editing the SVG (the PNGs and the ICO are committed, so a build never needs this):

    .venv/bin/python installer/make_icons.py

QtSvg does the rendering, so no image library beyond PySide6 is needed; the ICO holds the PNG
images as they are (Windows Vista and later, NSIS 3 and PyInstaller all read PNG-compressed ICOs).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "counsel_desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR + ICONDIRENTRY per size + data)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = images[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 — QImage needs it
    images = {size: render_png(size) for size in SIZES}
    for size, png in images.items():
        (ICONS / f"counsel_desk_{size}.png").write_bytes(png)
    # The window icon app.py loads; 256 px so Qt can scale it down sharply for any title bar.
    (ICONS / "counsel_desk.png").write_bytes(images[256])
    (ICONS / "counsel_desk.ico").write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    print(f"wrote {len(images)} PNG sizes, counsel_desk.png and counsel_desk.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
