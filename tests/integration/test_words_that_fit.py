"""Words that fit the moment: a full disk, a read-only folder, a second import, a damaged file, a
refused import, a hostile two-million-row sheet — each as a person at the command line or in the
window meets it. The full disk and the read-only folder are real: a small tmpfs in a private mount
namespace (``unshare``), skipped where the system doesn't allow one.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError as SAOperationalError

from counsel_desk import errors
from counsel_desk.services.safety import backup
from counsel_desk.services.demo import generate
from counsel_desk.store import driver, open_database
from counsel_desk.sync import export_workbook
from counsel_desk.sync.safety import sheet_parts

MAX_SHEET_ROWS = 1_048_576  # Excel's row limit, the format's

PY = sys.executable
TIME = "/usr/bin/time"
needs_time = pytest.mark.skipif(not Path(TIME).exists(), reason="GNU time measures one process's peak memory")


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(not _unshare_works(), reason="no private mount namespace (unshare -rm) here")


# What a script on a center's computer sets: the passphrase of an encrypted database travels as
# COUNSEL_DESK_PASSPHRASE (as BORG_PASSPHRASE does), so the encrypted run drives the same commands.
PASSED_ON = ("PYTHONPATH", "COUNSEL_DESK_HOME", "COUNSEL_DESK_PASSPHRASE", "COUNSEL_DESK_ENCRYPTION",
             "COUNSEL_DESK_KEYRING")


def _env(**extra: str) -> dict[str, str]:
    env = {"COUNSEL_DESK_LANG": "zh_TW", "PATH": "/usr/bin:/bin", "HOME": "/tmp", **extra}
    env.update({name: os.environ[name] for name in PASSED_ON if name in os.environ})
    return env


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-m", "counsel_desk", *args], capture_output=True, text=True, timeout=timeout,
                          env=_env())


def measured_cli(*args: str) -> tuple[int, str, tuple[float, float]]:
    """Exit code, stderr, and (processor seconds, peak MB) of that one process, measured by
    /usr/bin/time: a child forked from the big test process would inherit its peak memory figure."""
    timing = Path(tempfile.mkdtemp()) / "time.txt"
    run = subprocess.run([TIME, "-o", str(timing), "-f", "%U %S %M", PY, "-m", "counsel_desk", *args],
                         capture_output=True, text=True, env=_env(), timeout=300)
    user, system, kb = timing.read_text().split()[-3:]
    return run.returncode, run.stderr, (float(user) + float(system), int(kb) / 1024)


def in_small_fs(script: str, size: str = "12m", read_only: bool = False) -> subprocess.CompletedProcess:
    """Run ``script`` (sh) with a fresh tmpfs of ``size`` at /mnt; ``$PY`` runs the program."""
    remount = "mount -o remount,ro /mnt\n" if read_only else ""
    body = f"set -e\nmount -t tmpfs -o size={size} tmpfs /mnt\n{script.split('#--')[0]}\n{remount}set +e\n" \
           f"{script.split('#--')[1] if '#--' in script else ''}"
    return subprocess.run(["unshare", "-rm", "sh", "-c", body], capture_output=True, text=True, timeout=300,
                          env=_env(PY=PY))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_file(tmp_path) -> Path:
    path = tmp_path / "center.db"
    db = open_database(path)
    generate(db, visits=120)
    db.close()
    return path


@pytest.fixture
def workbook(tmp_path, demo_file) -> Path:
    out = tmp_path / "center.xlsx"
    db = open_database(demo_file)
    export_workbook(db, out, actor="測試")
    db.close()
    return out


# --- errors are sorted once, by code ----------------------------------------------------------------
def _sqlite_error(code: int) -> driver.OperationalError:
    exc = driver.OperationalError("some words SQLite may change")
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize("code, kind", [(5, errors.BUSY), (6, errors.BUSY), (13, errors.DISK_FULL),
                                        (8, errors.READ_ONLY), (11, errors.DAMAGED), (26, errors.DAMAGED),
                                        (5 | (1 << 8), errors.BUSY), (1, None)])
def test_sqlalchemy_wrapped_errors_are_sorted_by_code_not_words(code, kind):
    wrapped = SAOperationalError("INSERT …", {}, _sqlite_error(code))
    assert errors.kind_of(wrapped) == kind


def test_a_save_during_an_import_says_busy_not_something_went_wrong(qapp):
    from counsel_desk.ui.messages import describe

    said = describe(SAOperationalError("UPDATE site_visit …", {}, _sqlite_error(5)))
    assert "匯入" in said and "OperationalError" not in said and "Something went wrong" not in said
    full = describe(OSError(errno.ENOSPC, "No space left on device"))
    assert "磁碟空間不足" in full


# --- a refused import changes no byte, also after the process ends ------------------------------------
def test_refused_import_leaves_the_file_byte_for_byte_after_exit(tmp_path, demo_file, workbook):
    import openpyxl

    bad = tmp_path / "bad.xlsx"
    wb = openpyxl.load_workbook(workbook)
    wb["實地訪視"].cell(3, 1).value = "not-a-uuid"
    wb.save(bad)
    # The planner's statistics missing or stale (a database that grew since they were taken): SQLite's
    # PRAGMA optimize on close would write sqlite_stat1 now — as it did after every refused import
    con = driver.connect(demo_file)
    con.execute("DELETE FROM sqlite_stat1")
    con.commit()
    con.close()
    before = digest(demo_file)
    run = cli("import", "--db", str(demo_file), str(bad))
    assert run.returncode == 1 and "資料庫未做任何變更" in run.stdout
    assert digest(demo_file) == before
    assert not Path(f"{demo_file}-wal").exists() or Path(f"{demo_file}-wal").stat().st_size == 0


# --- a second import while one is running ----------------------------------------------------------
def test_second_import_says_in_one_line_that_another_import_is_running(tmp_path, demo_file, workbook):
    holder = driver.connect(demo_file)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")  # what a long import holds while it merges
    try:
        run = cli("import", "--db", str(demo_file), str(workbook))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run.returncode == 3
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "另一個匯入正在" in lines[0], run.stderr


# --- a damaged file names the next step ------------------------------------------------------------
def test_damaged_database_message_names_restore_and_the_newest_good_backup(tmp_path, demo_file):
    good = backup.make_backup(demo_file, "manual")
    data = bytearray(demo_file.read_bytes())
    data[100:4096 * 3] = b"\xff" * (4096 * 3 - 100)  # the schema page is garbage now
    demo_file.write_bytes(bytes(data))
    run = cli("stats", "--db", str(demo_file))
    assert run.returncode == 3
    assert "已損毀" in run.stderr and "counsel-desk restore" in run.stderr and good.name in run.stderr
    assert "Traceback" not in run.stderr


def test_a_database_damaged_while_the_window_is_open_names_the_next_step_and_the_newest_good_backup(
        tmp_path, demo_file, qapp):
    """The file goes bad under a running window (a failing disk, a USB stick pulled): what the window
    says names the newest good backup and how to get it back, not just 「已損毀」."""
    from sqlmodel import select

    from counsel_desk import models as m
    from counsel_desk.ui.messages import describe
    from counsel_desk.ui.startup import prepare

    prepare(qapp)  # the zh_TW catalogues, as the window has them
    good = backup.make_backup(demo_file, "manual")
    db = open_database(demo_file)
    try:
        with db.session() as s:
            assert s.exec(select(m.Contact)).all()
        data = bytearray(demo_file.read_bytes())
        data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first is garbage now
        demo_file.write_bytes(bytes(data))
        db.engine.dispose()  # the next read sees the file as it is
        with pytest.raises(Exception) as caught:
            with db.session() as s:
                s.exec(select(m.Contact)).all()
        said = describe(caught.value)
    finally:
        db.engine.dispose()
    assert "已損毀" in said and good.name in said and "restore" in said, said
    assert "重新開啟" in said  # in the window: reopen, and the start offers that backup
    assert "OperationalError" not in said and "DatabaseError" not in said and "Something went wrong" not in said


# --- a full disk ---------------------------------------------------------------------------------------
@needs_mounts
def test_full_disk_is_disk_full_for_every_command_never_damaged(demo_file, workbook):
    run = in_small_fs(f"""
cp {demo_file} /mnt/c.db
$PY -c "from counsel_desk.store import driver; c = driver.connect('/mnt/c.db'); c.execute('PRAGMA journal_mode=WAL').fetchall()"
dd if=/dev/zero of=/mnt/fill bs=1k count=100000 2>/dev/null || true
#--
for cmd in "backup --db /mnt/c.db" "stats --db /mnt/c.db" "check --db /mnt/c.db" "export --db /mnt/c.db --out /mnt/x.xlsx" \
           "import --db /mnt/c.db {workbook}" "audit --db /mnt/c.db --verify"; do
  $PY -m counsel_desk $cmd; echo "exit=$?"
done
""")
    said = run.stdout + run.stderr
    assert said.count("exit=4") == 6, said
    assert said.count("磁碟空間不足") == 6, said
    assert "損毀" not in said and "Traceback" not in said


@needs_mounts
def test_export_to_a_full_disk_says_disk_full_without_a_traceback(demo_file):
    run = in_small_fs(f"""
dd if=/dev/zero of=/mnt/fill bs=1k count=100000 2>/dev/null || true
#--
$PY -m counsel_desk export --db {demo_file} --out /mnt/out.xlsx; echo "exit=$?"
ls /mnt
""", size="2m")
    assert "exit=4" in run.stdout and "磁碟空間不足" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and "out.xlsx" not in run.stdout.split("exit=4")[1]


# --- a read-only folder -----------------------------------------------------------------------------
@needs_mounts
def test_database_in_a_read_only_folder_opens_read_only_not_damaged(demo_file, workbook):
    probe = ("from pathlib import Path; from counsel_desk.ui.startup import open_db; "
             "from counsel_desk.store.recovery import check_at_start; "
             "print(check_at_start('/mnt/c.db').state); db = open_db(Path('/mnt/c.db')); print('read_only', db.read_only)")
    run = in_small_fs(f"""
cp {demo_file} /mnt/c.db
#--
$PY -m counsel_desk stats --db /mnt/c.db; echo "exit=$?"
$PY -m counsel_desk import --db /mnt/c.db {workbook}; echo "exit=$?"
QT_QPA_PLATFORM=offscreen $PY -c "{probe}"
""", read_only=True)
    said = run.stdout + run.stderr
    assert "損毀" not in said and "Traceback" not in said, said
    first, second = run.stdout.split("exit=")[1:3]
    assert first.startswith("0") and "實地訪視" in run.stdout.split("exit=")[0]
    assert second.startswith("3") and "唯讀" in run.stderr
    assert "read_only\n" in run.stdout and "read_only True" in run.stdout


WINDOW_ON_READ_ONLY_MEDIUM = """
import sys
from pathlib import Path
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from counsel_desk.ui.startup import build_main_window, make_settings, open_db, prepare
from counsel_desk.ui.safety.banner import ReadOnlyBanner

app = QApplication(sys.argv)
prepare(app)
db = open_db(Path("/mnt/c.db"))
window = build_main_window(db, make_settings())
window.show()
app.processEvents()
QThreadPool.globalInstance().waitForDone(60_000)  # the pages' first counts, read from the medium
app.processEvents()
banner = window.findChild(ReadOnlyBanner)
print("read_only", db.read_only, "banner", banner is not None and banner.isVisible())
print("title", window.windowTitle())
print("says", banner.text() if banner is not None else "")
window.close()
db.close()
"""


@needs_mounts
def test_read_only_database_window_shows_the_banner(tmp_path, demo_file):
    """A database on a read-only medium (a real read-only mount: root ignores file modes, so faking
    an unwritable folder with chmod would test nothing) opens in the window under the banner."""
    probe = tmp_path / "window.py"
    probe.write_text(WINDOW_ON_READ_ONLY_MEDIUM, encoding="utf-8")
    run = in_small_fs(f"""
cp {demo_file} /mnt/c.db
#--
HOME={tmp_path} QT_QPA_PLATFORM=offscreen $PY {probe}
""", read_only=True)
    assert "Traceback" not in run.stderr, run.stderr
    assert "read_only True banner True" in run.stdout, run.stdout + run.stderr
    assert "唯讀" in run.stdout


# --- a hostile two-million-row sheet -----------------------------------------------------------------
def _two_million_rows(good: Path, out: Path, rows: int = 2_000_000) -> None:
    parts = {tab: part for part, tab in sheet_parts(good).items()}
    part = parts["聯絡人"]
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        xml = zin.read(part)
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(info, zin.read(info.filename))
        head = xml[:xml.index(b"<sheetData>") + len(b"<sheetData>")]
        head = head.replace(b'<dimension ref="', b'<dimension ref="A1:A1" x="')  # no honest dimension to go by
        with zout.open(part, "w", force_zip64=True) as f:
            f.write(head)
            block = []
            for r in range(1, rows + 1):
                block.append(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>00000000-0000-4000-8000-%012d</t></is>'
                             b'</c><c r="C%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r, r, r))
                if len(block) == 50_000:
                    f.write(b"".join(block))
                    block = []
            f.write(b"".join(block) + b"</sheetData></worksheet>")


@needs_time
@pytest.mark.slow
def test_two_million_row_sheet_is_refused_within_10_s_and_300_mb(tmp_path, demo_file, workbook):
    hostile = tmp_path / "hostile.xlsx"
    _two_million_rows(workbook, hostile)
    before = digest(demo_file)
    code, stderr, (seconds, peak_mb) = measured_cli("import", "--db", str(demo_file), str(hostile))
    # processor time, not wall time: eight test runs share two cores here; alone, wall ≈ processor time
    assert code == 2 and "聯絡人" in stderr and f"{MAX_SHEET_ROWS:,}" in stderr, stderr
    assert seconds < 10, f"{seconds:.1f} s"
    assert peak_mb < 300, f"{peak_mb:.0f} MB"
    assert digest(demo_file) == before


@needs_time
def test_one_cell_two_million_rows_down_is_refused_at_once(tmp_path, workbook, demo_file):
    """A tiny file whose one far-off cell would make the reader build a 2,000,000-row grid."""
    far = tmp_path / "far.xlsx"
    parts = {tab: part for part, tab in sheet_parts(workbook).items()}
    part = parts["聯絡人"]
    with zipfile.ZipFile(workbook) as zin, zipfile.ZipFile(far, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = data.replace(b"</sheetData>", b'<row r="2000000"><c r="T2000000" t="inlineStr"><is><t>x</t>'
                                                     b'</is></c></row></sheetData>')
            zout.writestr(info, data)
    code, stderr, (seconds, peak_mb) = measured_cli("import", "--db", str(demo_file), str(far))
    assert code == 2 and "2,000,000" in stderr and "聯絡人" in stderr, stderr
    assert seconds < 10 and peak_mb < 300
