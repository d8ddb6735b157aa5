"""Checks on a workbook file before any parser reads it: size, zip bomb, XML entities, formulas.

An .xlsx is a zip of XML files. Before handing one to a spreadsheet reader we read the zip's
directory and refuse files that are too big, claim absurd compression ratios (a "zip bomb"),
hold duplicate or encrypted members, or whose members inflate beyond what they declare. Then
the XML members are inflated in small chunks — never more than a chunk in memory — and scanned:
a DOCTYPE or ENTITY declaration (the "billion laughs" family) or a formula in a cell refuses the
file. Interchange files never contain formulas; a formula is named by sheet and cell.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from counsel_desk.errors import UserError

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_MEMBER_BYTES = 2 * 1024 ** 3  # one inflated XML part
MAX_TOTAL_BYTES = 4 * 1024 ** 3  # all parts together
MAX_RATIO = 200  # our own workbooks compress about 20:1; zip bombs reach 1000:1 and more
RATIO_FLOOR = 1024 * 1024  # small members may compress better without being dangerous
CHUNK = 1 << 20

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# A formula is an <f> element, maybe with a namespace prefix (<x:f>) or attributes (<f t="shared">).
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_OVERLAP = 32


def _has_formula(window: bytes) -> bool:
    # two quick byte searches first; the exact pattern only where one of them hits
    return (b"<f" in window or b":f" in window) and _FORMULA.search(window) is not None


@dataclass
class ZipSummary:
    members: int
    compressed: int
    inflated: int
    sheets_with_formulas: list[str]


def _refuse(path: Path, zh: str, en: str) -> UserError:
    return UserError(f"無法匯入「{path.name}」：{zh}資料庫未做任何變更。",
                     f"Cannot import '{path.name}': {en} The database was not changed.")


def check_file(path: Path, *, scan: bool = True) -> ZipSummary:
    """Raise UserError (zh_TW, naming the file) unless ``path`` is a safe-looking .xlsx.

    ``scan=False`` checks the zip directory only (instant, before any parser runs); call
    :func:`scan_file` for the content scan, which can run beside the reader (see importer).
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(path, f"無法讀取檔案（{exc.strerror or exc}）。", f"the file can't be read ({exc.strerror or exc}).") from exc
    if size > MAX_FILE_BYTES:
        raise _refuse(path, f"檔案有 {size / 1024 ** 2:,.0f} MB，超過上限 {MAX_FILE_BYTES // 1024 ** 2} MB。",
                      f"the file is {size / 1024 ** 2:,.0f} MB, over the {MAX_FILE_BYTES // 1024 ** 2} MB limit.")
    with path.open("rb") as f:
        magic = f.read(4)
    if magic != b"PK\x03\x04":
        raise _refuse(path, "這不是 Excel 活頁簿（.xlsx）檔案。", "this is not an Excel workbook (.xlsx).")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_directory(path, infos)
            formulas = _scan_members(path, zf, infos) if scan else []
    except zipfile.BadZipFile as exc:
        raise _refuse(path, f"檔案已損毀（{exc}）。", f"the file is damaged ({exc}).") from None
    except (OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise _refuse(path, f"檔案已損毀或無法解壓縮（{exc}）。", f"the file is damaged or can't be unpacked ({exc}).") from None
    return ZipSummary(len(infos), sum(i.compress_size for i in infos), sum(i.file_size for i in infos), formulas)


def scan_file(path: Path) -> list[str]:
    """Worksheet parts holding formulas; UserError for XML declarations or a damaged archive."""
    try:
        with zipfile.ZipFile(path) as zf:
            return _scan_members(path, zf, zf.infolist())
    except zipfile.BadZipFile as exc:
        raise _refuse(path, f"檔案已損毀（{exc}）。", f"the file is damaged ({exc}).") from None
    except (OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise _refuse(path, f"檔案已損毀或無法解壓縮（{exc}）。", f"the file is damaged or can't be unpacked ({exc}).") from None


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _refuse(path, f"壓縮檔內有 {len(infos):,} 個檔案，不像正常的活頁簿。",
                      f"the archive holds {len(infos):,} files, not a normal workbook.")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise _refuse(path, "壓縮檔內有重複的檔名（可能被竄改）。", "the archive has duplicate member names (tampered?).")
    if not any(n == "xl/workbook.xml" for n in names):
        raise _refuse(path, "缺少活頁簿內容（xl/workbook.xml），不是 Excel 活頁簿。",
                      "it has no xl/workbook.xml: not an Excel workbook.")
    total = 0
    for i in infos:
        if i.flag_bits & 0x1:
            raise _refuse(path, "檔案有密碼保護或加密，請先解除保護再匯入。", "the file is encrypted; remove the protection first.")
        if i.file_size > MAX_MEMBER_BYTES:
            raise _refuse(path, f"其中「{i.filename}」解壓後達 {i.file_size / 1024 ** 2:,.0f} MB，超過上限（疑似壓縮炸彈）。",
                          f"'{i.filename}' inflates to {i.file_size / 1024 ** 2:,.0f} MB, over the limit (zip bomb?).")
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise _refuse(path, f"其中「{i.filename}」的壓縮比高達 {i.file_size / max(i.compress_size, 1):,.0f} 倍，"
                                f"疑似壓縮炸彈。",
                          f"'{i.filename}' claims a compression ratio of "
                          f"{i.file_size / max(i.compress_size, 1):,.0f}:1 (zip bomb?).")
        total += i.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refuse(path, f"解壓後共 {total / 1024 ** 3:,.1f} GB，超過上限（疑似壓縮炸彈）。",
                      f"it inflates to {total / 1024 ** 3:,.1f} GB in all, over the limit (zip bomb?).")


def _scan_members(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> list[str]:
    """Inflate each XML part chunk by chunk, never past its declared size; return parts with formulas."""
    with_formulas = []
    for info in infos:
        name = info.filename
        if not name.endswith((".xml", ".rels")):
            continue
        is_sheet = name.startswith("xl/worksheets/")
        seen = 0
        tail = b""
        has_formula = False
        with zf.open(info) as member:
            while chunk := member.read(CHUNK):
                seen += len(chunk)
                if seen > info.file_size:
                    raise _refuse(path, f"其中「{name}」解壓後比宣告的大（檔案被竄改或為壓縮炸彈）。",
                                  f"'{name}' inflates beyond its declared size (tampered or a zip bomb).")
                window = tail + chunk
                if b"<!" in window and _DTD.search(window):
                    raise _refuse(path, f"其中「{name}」含有 XML 文件型別或實體宣告（DOCTYPE/ENTITY），"
                                        f"Excel 活頁簿不會有這種內容，可能是惡意檔案。",
                                  f"'{name}' contains an XML DOCTYPE or ENTITY declaration, which workbooks never "
                                  f"have; it may be hostile.")
                if is_sheet and not has_formula and _has_formula(window):
                    has_formula = True
                tail = window[-_OVERLAP:]
        if has_formula:
            with_formulas.append(name)
    return with_formulas


def formula_cells(path: Path, part: str, limit: int = 20) -> list[str]:
    """Cell references (B5, …) of formulas in one worksheet part; parsed only when formulas were found."""
    from lxml import etree

    refs = []
    with zipfile.ZipFile(path) as zf, zf.open(part) as f:
        parser = etree.iterparse(f, events=("end",), resolve_entities=False, no_network=True, huge_tree=False)
        for _, el in parser:
            if etree.QName(el).localname == "c":
                if any(etree.QName(ch).localname == "f" for ch in el):
                    refs.append(el.get("r") or "?")
                    if len(refs) >= limit:
                        break
                el.clear()
    return refs


def sheet_parts(path: Path) -> dict[str, str]:
    """Worksheet part name → sheet (tab) name, from the workbook's own index."""
    from defusedxml import ElementTree

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    with zipfile.ZipFile(path) as zf:
        wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        try:
            rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        except KeyError:
            return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for sh in wb.iter(f"{ns_main}sheet"):
        target = targets.get(sh.get(f"{ns_rel}id"), "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        out[part] = sh.get("name", "")
    return out
