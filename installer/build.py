"""Build counsel_desk for a counselor's laptop: bundle, measure, smoke-test, package.

    .venv/bin/python installer/build.py            # what `make installer` runs

1. PyInstaller builds the one-folder bundle ``dist/counsel_desk/`` from ``installer/counsel_desk.spec``.
2. Its size is measured against the budget (150 MiB — "MB" as ``du -h`` counts them, the way the
   181 MB of an untrimmed hello-world PySide6 bundle was measured) and the build is timed.
3. The frozen program runs ``--smoke-test`` offscreen (fonts, catalogues, migrations, reports,
   printing, main window with every page); a failure stops the build.
4. Packages: on Linux ``dist/counsel_desk-<version>-linux-<arch>.tar.gz`` (bundle, ``.desktop`` entry,
   icon, ``install.sh``); everywhere, the NSIS script ``counsel_desk.nsi.in`` rendered with the
   version and compiled by ``makensis`` when it is installed. On Windows that is the real installer
   ``dist/counsel_desk-<version>-setup.exe``; elsewhere it only proves the script compiles (it wraps
   the Linux bundle) and goes to ``build/installer/`` with ``NOT-FOR-WINDOWS`` in its name.

A summary (sizes, times) is printed and written to ``dist/build-summary.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
SPEC = INSTALLER / "counsel_desk.spec"
NSI_TEMPLATE = INSTALLER / "counsel_desk.nsi.in"
APP = "counsel_desk"
BUDGET_MIB = 150
WINDOWS = sys.platform == "win32"


def version() -> str:
    """The version from counsel_desk/__init__.py, read without importing the package (no Qt needed)."""
    for line in (ROOT / "counsel_desk" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("build.py: no __version__ in counsel_desk/__init__.py")


def app_title() -> str:
    for line in (ROOT / "counsel_desk" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("APP_TITLE_ZH"):
            return line.split("=", 1)[1].strip().strip("\"'")
    return APP


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder``; symbolic links (PyInstaller's Qt library links) count nothing."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> float:
    return round(n / 1_048_576, 1)


def mb(n: int) -> float:
    return round(n / 1_000_000, 1)


def program(bundle: Path, console: bool = False) -> Path:
    """The frozen program; on Windows the console twin prints what the windowed one cannot."""
    if WINDOWS:
        return bundle / ("counsel-desk.exe" if console else f"{APP}.exe")
    return bundle / APP


def run_pyinstaller(dist: Path, work: Path) -> float:
    try:
        import PyInstaller  # noqa: F401 — only asks whether it is installed
    except ImportError:
        raise SystemExit("build.py: PyInstaller is missing — .venv/bin/pip install -e '.[installer]'") from None
    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC)]
    print("build.py:", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.monotonic() - started


def smoke_test(bundle: Path) -> tuple[float, str]:
    """Run the frozen ``--smoke-test`` the way a fresh laptop would: Chinese, offscreen, no home set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNSEL_DESK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.monotonic()
    proc = subprocess.run([str(program(bundle, console=True)), "--smoke-test"], env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=600)
    elapsed = time.monotonic() - started
    print((proc.stdout + proc.stderr).strip(), flush=True)
    if proc.returncode != 0:
        raise SystemExit(f"build.py: the frozen program failed its smoke test (exit {proc.returncode})")
    return elapsed, proc.stdout.strip()


def linux_tarball(bundle: Path, dist: Path, ver: str) -> Path:
    """``counsel_desk/`` with the .desktop entry, the icon and install.sh beside the program."""
    shutil.copy2(INSTALLER / "linux" / "counsel_desk.desktop", bundle / "counsel_desk.desktop")
    shutil.copy2(INSTALLER / "linux" / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)
    shutil.copy2(ROOT / "resources" / "icons" / "counsel_desk.png", bundle / "counsel_desk.png")
    target = dist / f"{APP}-{ver}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=APP)  # symbolic links stay links
    return target


def render_nsis(bundle: Path, work: Path, outfile: Path, ver: str, compressor: str = "lzma") -> Path:
    """Fill in the template's @…@ values; the result goes to build/installer/counsel_desk.nsi."""
    parts = (ver.split("+")[0].split("-")[0].split(".") + ["0", "0", "0", "0"])[:4]
    values = {
        "VERSION": ver,
        "VERSION_QUAD": ".".join(p if p.isdigit() else "0" for p in parts),
        "APP_TITLE": app_title(),
        "PUBLISHER": "地方創生分區輔導中心",
        "BUNDLE_DIR": str(bundle.resolve()),
        "ICON": str((ROOT / "resources" / "icons" / "counsel_desk.ico").resolve()),
        "OUTFILE": str(outfile.resolve()),
        "ESTIMATED_SIZE_KB": str(folder_size(bundle) // 1024),
        "COMPRESSOR": compressor,
    }
    text = NSI_TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    leftover = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if leftover:
        raise SystemExit(f"build.py: {NSI_TEMPLATE.name} has values build.py does not fill: {leftover}")
    script = work / "installer" / "counsel_desk.nsi"
    script.parent.mkdir(parents=True, exist_ok=True)
    # UTF-8 with BOM: makensis reads a BOM-less script in the system code page, mangling the Chinese.
    script.write_text(text, encoding="utf-8-sig")
    return script


def find_makensis() -> str | None:
    """makensis on PATH, or where the NSIS installer puts it on Windows."""
    found = shutil.which("makensis")
    if found or not WINDOWS:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "NSIS" / "makensis.exe").exists():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def compile_nsis(script: Path) -> float | None:
    makensis = find_makensis()
    if not makensis:
        print("build.py: makensis not found — Windows installer not compiled (install NSIS 3)", flush=True)
        return None
    started = time.monotonic()
    subprocess.run([makensis, "-V2", "-INPUTCHARSET", "UTF8", str(script)], check=True)
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder (default build/)")
    parser.add_argument("--no-package", action="store_true", help="stop after the smoke test")
    parser.add_argument("--budget-mib", type=float, default=BUDGET_MIB, help="largest bundle accepted (MiB)")
    args = parser.parse_args(argv)
    ver = version()
    dist, work = args.dist.resolve(), args.work.resolve()

    build_seconds = run_pyinstaller(dist, work)
    bundle = dist / APP
    size = folder_size(bundle)
    print(f"build.py: bundle {bundle} — {mib(size)} MiB ({mb(size)} MB), built in {build_seconds:.0f} s", flush=True)
    if mib(size) > args.budget_mib:
        raise SystemExit(f"build.py: the bundle is {mib(size)} MiB, over the {args.budget_mib:g} MiB budget "
                         "(see installer/trim.py for what is left out)")
    smoke_seconds, smoke_output = smoke_test(bundle)

    summary = {"version": ver, "platform": f"{sys.platform}-{platform.machine()}", "bundle": str(bundle),
               "bundle_bytes": size, "bundle_mib": mib(size), "budget_mib": args.budget_mib,
               "build_seconds": round(build_seconds),
               "smoke_test_seconds": round(smoke_seconds, 1), "smoke_test": smoke_output.splitlines()}
    if not args.no_package:
        if not WINDOWS:
            started = time.monotonic()
            tarball = linux_tarball(bundle, dist, ver)
            summary.update(tarball=str(tarball), tarball_mib=mib(tarball.stat().st_size),
                           tarball_seconds=round(time.monotonic() - started))
        setup = (dist / f"{APP}-{ver}-setup.exe") if WINDOWS else \
            (work / "installer" / f"{APP}-{ver}-setup-NOT-FOR-WINDOWS.exe")
        nsis_seconds = compile_nsis(render_nsis(bundle, work, setup, ver))
        if nsis_seconds is not None:
            summary.update(installer=str(setup), installer_mib=mib(setup.stat().st_size),
                           installer_seconds=round(nsis_seconds))
    (dist / "build-summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
