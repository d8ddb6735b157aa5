"""Linux: ICU's data library cut down to the locales the app runs in (zh_TW and English).

The Linux PySide6 wheel ships ICU 73 with ``libicudata.so.73``: 32 MB of data for every locale of the
world. Qt takes only a few things from ICU — case mapping, collation (``QCollator``), codecs beyond
UTF (``QStringConverter``) and time-zone names; its own locale data (``QLocale``) is compiled into
QtCore. The cut keeps every item that is not a locale's resource bundle (converters, normalisation,
break rules and the Chinese dictionary, time zones, transliterators, the collation root) and, of the
per-locale bundles (top level, coll, curr, lang, region, zone, unit, rbnf, brkitr), keeps root,
Chinese (``zh*`` and ``yue*``, the parent of zh_Hant_HK) and English (``en*``): 32.0 → 14.7 MB.
Another locale then falls back to root, as ICU does for any locale it lacks.

Windows has no bundled ICU (Qt uses the system's ``icu.dll``), so the cut is Linux only. It needs
``icupkg`` (Debian: icu-devtools) and a C compiler (only to assemble the data into a shared library
exporting ``icudt73_dat``, as the original does); without them the spec keeps the full library and
build.py's size check says whether that still fits.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

LIBRARY = re.compile(r"(^|[\\/])libicudata\.so\.(?P<major>\d+)$")
LOCALE_BUNDLE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
KEPT_LOCALES = re.compile(r"^(root|en|zh|yue)(_[A-Za-z0-9]*)*\.res$|^(res_index|pool)\.res$")
LOCALE_TREES = {"", "coll", "curr", "lang", "region", "zone", "unit", "rbnf", "brkitr"}


def dropped_items(names: list[str]) -> list[str]:
    """The items of an ICU data package the cut removes: other locales' bundles, nothing else."""
    out = []
    for name in names:
        tree, _, leaf = name.rpartition("/")
        if tree in LOCALE_TREES and LOCALE_BUNDLE.match(leaf) and not KEPT_LOCALES.match(leaf):
            out.append(name)
    return out


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("icupkg", "cc", "readelf"))


def _data_section(library: Path, symbol: str) -> bytes:
    """The bytes of ``symbol`` (ICU's common data) out of the original library."""
    out = subprocess.run(["readelf", "-W", "--dyn-syms", "-S", str(library)], capture_output=True, text=True,
                         check=True).stdout
    sym = re.search(rf"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+\S+\s+\S+\s+(\d+)\s+{symbol}$", out, re.M)
    if not sym:
        raise RuntimeError(f"icu_data: no {symbol} in {library}")
    address, size, section = int(sym.group(1), 16), int(sym.group(2), 0), int(sym.group(3))
    sec = re.search(rf"^\s*\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", out, re.M)
    if not sec:
        raise RuntimeError(f"icu_data: no section {section} in {library}")
    file_offset = int(sec.group(2), 16) + address - int(sec.group(1), 16)
    with library.open("rb") as f:
        f.seek(file_offset)
        return f.read(size)


def cut_library(library: Path, work: Path) -> Path:
    """Write the cut ``libicudata.so.N`` into ``work`` and return its path."""
    m = LIBRARY.search(str(library))
    if not m:
        raise ValueError(f"icu_data: not an ICU data library: {library}")
    major = m.group("major")
    package = f"icudt{major}l"  # l: little-endian, the only kind the x86-64/arm64 wheels carry
    work.mkdir(parents=True, exist_ok=True)
    full = work / "full" / f"{package}.dat"
    cut = work / "cut" / f"{package}.dat"
    for d in (full.parent, cut.parent):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    full.write_bytes(_data_section(library, f"icudt{major}_dat"))
    names = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout.split()
    drop = work / "dropped.txt"
    drop.write_text("\n".join(dropped_items(names)) + "\n", encoding="utf-8")
    # icupkg refuses (exit code) when a kept item depends on a removed one
    subprocess.run(["icupkg", "-r", str(drop), str(full), str(cut)], check=True)
    asm = work / "icudata.S"
    asm.write_text(
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl icudt{major}_dat\n\t.type icudt{major}_dat, @object\n"
        f"icudt{major}_dat:\n\t.incbin \"{cut}\"\n\t.size icudt{major}_dat, .-icudt{major}_dat\n"
        "\t.section .note.GNU-stack,\"\",@progbits\n",
        encoding="utf-8")
    out = work / f"libicudata.so.{major}"
    subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,libicudata.so.{major}", "-o", str(out), str(asm)],
                   check=True)
    return out


def replace_in(binaries: list, work: Path) -> tuple[list, str]:
    """The TOC with the ICU data library swapped for the cut one, and a line saying what happened."""
    if not tools_available():
        return binaries, "icupkg or a C compiler missing: ICU data kept whole"
    out, note = [], "no ICU data library in the bundle"
    for dest, src, kind in binaries:
        if LIBRARY.search(dest):
            cut = cut_library(Path(src), work)
            note = f"ICU data cut to zh/en: {Path(src).stat().st_size / 1e6:.1f} → {cut.stat().st_size / 1e6:.1f} MB"
            src = str(cut)
        out.append((dest, src, kind))
    return out, note
