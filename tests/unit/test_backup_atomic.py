"""atomic_write / atomic_path: whole new file or the old one untouched; a full disk says so in Chinese."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from counsel_desk.services.safety import atomic
from counsel_desk.services.safety.atomic import DiskFullError, atomic_path, atomic_write


def test_text_and_bytes_land_whole_and_private(tmp_path):
    target = tmp_path / "月報" / "115年11月.csv"
    with atomic_write(target, "w", encoding="utf-8-sig", newline="") as f:
        f.write("鄉鎮,訪視\r\n池上鄉,3\r\n")
    assert target.read_text(encoding="utf-8-sig") == "鄉鎮,訪視\n池上鄉,3\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    atomic.write_bytes(target, b"\x00\x01", file_mode=0o644)
    assert target.read_bytes() == b"\x00\x01" and stat.S_IMODE(os.stat(target).st_mode) == 0o644
    assert sorted(p.name for p in target.parent.iterdir()) == ["115年11月.csv"]


def test_an_error_midway_keeps_the_old_file(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old report")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as f:
            f.write(b"half of the new")
            raise RuntimeError("crash while writing")
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_a_library_writes_to_the_temporary_path(tmp_path):
    target = tmp_path / "out.pdf"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".out.pdf.") and tmp.suffix == ".part"
        tmp.write_bytes(b"%PDF-1.7")
        assert not target.exists()
    assert target.read_bytes() == b"%PDF-1.7"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch, code):
    target = tmp_path / "export.csv"

    def full(_fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(DiskFullError) as info:
        atomic.write_text(target, "x" * 10_000)
    assert "磁碟空間不足" in info.value.zh and str(target) in info.value.zh
    assert info.value.exit_code == 4
    assert list(tmp_path.iterdir()) == []


def test_other_os_errors_pass_through(tmp_path):
    with pytest.raises(ValueError):
        with atomic_write(tmp_path / "x", "a"):
            pass
    target = tmp_path / "dir-in-the-way"
    target.mkdir()
    with pytest.raises(IsADirectoryError):
        atomic.write_bytes(target, b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["dir-in-the-way"]
