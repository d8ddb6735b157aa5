"""Developer tool for the zh_TW Qt catalogues: ``python -m counsel_desk.i18n.catalog <command>``.

One ``.ts`` per UI area keeps engineers out of each other's files: an *area* is a subpackage of
``counsel_desk/ui`` (``ui/visits/`` → ``resources/i18n/visits_zh_TW.ts``); the modules directly in
``ui/`` plus ``app.py`` form the ``shell`` area.

Commands:
  update [AREA …]        run pyside6-lupdate (keeps existing translations, drops obsolete ones)
  fill AREA FILE.json    set translations from {"English source": "中文"} and mark them finished
  check                  list unfinished or empty translations; exit 1 if any
  release                compile every .ts to .qm with pyside6-lrelease
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # counsel_desk/
UI = ROOT / "ui"
I18N_DIR = ROOT.parent / "resources" / "i18n"
LANG = "zh_TW"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def areas() -> dict[str, list[Path]]:
    """Area name → its Python sources: its UI package, and the modules of the services package of the same
    name that mark texts for it (the lists' column titles, ``services.listing.QT_TRANSLATE_NOOP``)."""
    out: dict[str, list[Path]] = {"shell": sorted(UI.glob("*.py")) + [ROOT / "app.py"]}
    for sub in sorted(p for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        marked = [p for p in sorted((ROOT / "services" / sub.name).rglob("*.py"))
                  if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")]
        out[sub.name] = sorted(sub.rglob("*.py")) + marked
    return out


def ts_path(area: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"{area}_{LANG}.ts"


def update(selected: list[str] | None = None, directory: Path = I18N_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for area, sources in areas().items():
        if selected and area not in selected:
            continue
        ts = ts_path(area, directory)
        cmd = [_tool("pyside6-lupdate"), "-no-obsolete", "-target-language", LANG,
               *[str(s) for s in sources if s.exists()], "-ts", str(ts)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        written.append(ts)
    return written


def messages(ts: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) for each message of a .ts file."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = tr.findall("numerusform") if tr is not None else []
            text = " ".join(n.text or "" for n in numerus) if numerus else (tr.text if tr is not None else "") or ""
            out.append((name, msg.findtext("source") or "", text, tr.get("type") if tr is not None else None))
    return out


def fill(area: str, mapping: dict[str, str], directory: Path = I18N_DIR) -> int:
    ts = ts_path(area, directory)
    tree = ET.parse(ts)
    n = 0
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source")
        tr = msg.find("translation")
        if src in mapping and tr is not None:
            numerus = tr.findall("numerusform")
            if numerus:
                for nf in numerus:
                    nf.text = mapping[src]
            else:
                tr.text = mapping[src]
            tr.attrib.pop("type", None)
            n += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


def unfinished(directory: Path = I18N_DIR) -> list[str]:
    problems = []
    for ts in sorted(directory.glob(f"*_{LANG}.ts")):
        for ctx, src, text, typ in messages(ts):
            if typ in ("unfinished", "vanished", "obsolete") or not text.strip():
                problems.append(f"{ts.name}: [{ctx}] {src!r}")
    return problems


def release(directory: Path = I18N_DIR) -> None:
    for ts in sorted(directory.glob(f"*_{LANG}.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "update":
        for ts in update(rest or None):
            print(ts)
    elif cmd == "fill":
        area, file = rest
        print(fill(area, json.loads(Path(file).read_text(encoding="utf-8"))), "translations set")
    elif cmd == "check":
        problems = unfinished()
        print("\n".join(problems) or "complete")
        return 1 if problems else 0
    elif cmd == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
