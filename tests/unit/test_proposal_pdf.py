"""The proposal PDF reads back: title, applicant, funding totals per work item and year, the ROC date,
scores — and the Noto Sans TC font is embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from counsel_desk.models.enums import OrgKind, Route, SectionKey
from counsel_desk.reports.proposal_pdf import export_proposal_pdf
from counsel_desk.services import proposals as ps

TAITUNG, CHISHANG = "10014", "10014060"


@pytest.fixture
def proposal(services):
    d = ps.create_proposal(services, ps.ProposalFields(
        "池上穀倉藝術咖啡", TAITUNG, CHISHANG, Route.MULTI.value, OrgKind.SOCIAL_ENTERPRISE.value,
        "稻浪社會企業股份有限公司", self_funding=500_000, matching_funds=300_000))
    long_text = "池上的稻作文化與青年返鄉。" * 60 + "\n第二段：穀倉改建為藝術咖啡館。"
    sections = {k.value: (long_text if k == SectionKey.LOCAL_DNA else f"{k.zh}的內容。") for k in SectionKey}
    ps.add_contact(services, d.id, "陳美玲", title="執行長", phone="089-123456")
    return ps.save_draft(services, d.id, sections=sections,
                         funding={("MOC", 115): 1_200_000, ("MOC", 116): 800_000, ("COA", 115): 600_000,
                                  ("COA", 116): 400_000},
                         scores={"locality": (5, "在地連結強"), "public": (4, ""), "business": (3, "營收待驗證")})


def _text(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_pdf_reads_back_with_title_totals_and_roc_date(services, proposal, tmp_path):
    path = export_proposal_pdf(services, proposal.id, tmp_path / "out" / "提案.pdf", today=date(2026, 11, 26))
    assert path.exists() and not list(path.parent.glob("*.part"))
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 3
    text = _text(path)
    compact = text.replace(" ", "")
    assert "池上穀倉藝術咖啡" in compact
    assert "民國115年11月26日" in compact
    assert "稻浪社會企業股份有限公司" in compact and "多元徵案" in compact and "社會企業" in compact
    assert "3,000,000" in text  # requested total
    assert "2,000,000" in text and "1,000,000" in text  # per work item totals
    assert "1,800,000" in text and "1,200,000" in text  # per year totals
    assert "3,800,000" in text  # total cost with self-funding and matching funds
    assert "自籌款" in compact and "配合款" in compact
    assert "經費需求" in compact and "在地性" in compact and "5/5" in compact
    assert "1/" in text and "列印日期115/11/26" in compact  # x / y footer and print date
    assert "089-123456" not in text  # contacts appear by name and title only
    assert reader.metadata.title == "池上穀倉藝術咖啡"


def test_pdf_embeds_the_font(services, proposal, tmp_path):
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts) is not installed")
    path = export_proposal_pdf(services, proposal.id, tmp_path / "p.pdf", today=date(2026, 11, 26))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [re.search(r"^(\S+).*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
            for line in out.splitlines()[2:]]
    assert rows and all(rows)
    assert {r.group(1).split("+")[-1] for r in rows} == {"NotoSansCJKtc-Regular", "NotoSansCJKtc-Bold"}
    assert all(r.group(2) == "yes" for r in rows)  # emb: every font is embedded (no Helvetica left over)


def test_a_failed_write_leaves_no_file_behind(services, proposal, tmp_path, monkeypatch):
    from counsel_desk.reports import proposal_pdf

    (tmp_path / "exports").mkdir()
    target = tmp_path / "exports" / "p.pdf"
    target.write_bytes(b"old version")

    def broken(*_a, **_k):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(proposal_pdf, "build_story", broken)
    with pytest.raises(RuntimeError):
        export_proposal_pdf(services, proposal.id, target)
    assert target.read_bytes() == b"old version"
    assert [p.name for p in target.parent.iterdir()] == ["p.pdf"]


def test_an_empty_draft_still_prints(services, tmp_path):
    d = ps.create_proposal(services, ps.ProposalFields("空白提案", TAITUNG, CHISHANG))
    path = export_proposal_pdf(services, d.id, tmp_path / "empty.pdf", today=date(2026, 11, 26))
    text = _text(path).replace(" ", "")
    assert "空白提案" in text and "尚未填寫經費需求" in text and "未評分" in text
