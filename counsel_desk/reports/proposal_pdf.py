"""A proposal (事業提案) as a printed document: A4, a cover, the sections, the funding table, scores.

Something a local team prints and brings to the county government: the cover names the proposal,
the applicant, the route and the ROC date (民國115年11月26日); the sections follow with the
funding table of 表 1 work items per ROC year (totals and shares computed), the self-funding (自籌)
and matching funds (配合款), then the center's scores. The bundled Noto Sans TC is embedded. The
file is written beside its target and moved into place, so a crash never leaves half a PDF.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

from counsel_desk.models.enums import CenterCode, Criterion, OrgKind, Route, SectionKey, Stage
from counsel_desk.reports.pdf_common import (
    ACCENT, FONT, FONT_BOLD, HEADER_BG, INK, MARGIN, PAGE_SIZE, RULE, escape, numbered_canvas, styles,
)
from counsel_desk.services.base import ServiceContext
from counsel_desk.services.formatting import ntd, roc_date, roc_date_long
from counsel_desk.services.proposals import funding as funding_mod
from counsel_desk.services.proposals.display import percent
from counsel_desk.services.proposals.drafts import ProposalDetail, get_proposal

NUMERALS = "一二三四五六七八九十"
WIDTH = PAGE_SIZE[0] - 2 * MARGIN


def _style(name: str, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, parent=styles()["body"], **kw)


def _p(text: str, style: str | ParagraphStyle = "cell") -> Paragraph:
    return Paragraph(escape(text), styles()[style] if isinstance(style, str) else style)


def _grid_style(header_rows: int = 1, total_rows: int = 0) -> TableStyle:
    cmds = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_rows:
        cmds += [("BACKGROUND", (0, -total_rows), (-1, -1), colors.HexColor("#f3f6f9")),
                 ("LINEABOVE", (0, -total_rows), (-1, -total_rows), 1, INK)]
    return TableStyle(cmds)


def _head_num(value: str) -> Paragraph:
    return Paragraph(escape(value), _style("head_num", fontName=FONT_BOLD, fontSize=9, leading=12, alignment=2))


def _num(value: str, bold: bool = False) -> Paragraph:
    return Paragraph(escape(value), _style("num_b" if bold else "num", fontName=FONT_BOLD if bold else FONT,
                                           fontSize=9, leading=12, alignment=2))


# --- cover ---------------------------------------------------------------------------------------
def _cover(d: ProposalDetail, summary: funding_mod.FundingSummary, today: date) -> list:
    center = CenterCode(d.center_code).full_name_zh if d.center_code in CenterCode._value2member_map_ else d.center_code
    route = Route.label_of(d.route)
    out: list = [
        Spacer(1, 28 * mm),
        Paragraph("地方創生事業提案書", _style("kicker", fontName=FONT_BOLD, fontSize=13, leading=18,
                                              textColor=ACCENT, alignment=1)),
        Spacer(1, 6 * mm),
        Paragraph(escape(d.title), _style("cover_title", fontName=FONT_BOLD, fontSize=24, leading=34, alignment=1)),
        Spacer(1, 3 * mm),
        Paragraph(escape(f"{d.organization_name or '（申請單位未填）'}　·　{route}"), styles()["subtitle"]),
        Spacer(1, 16 * mm),
    ]
    contacts = "、".join(f"{c.name}（{c.title}）" if c.title else c.name for c in d.contacts)
    rows = [
        ("申請單位", d.organization_name),
        ("申請單位類型", OrgKind.label_of(d.applicant_type)),
        ("所在地", d.place),
        ("提案路徑", f"{route}（{'地方團體或工作站 → 分區輔導中心 → 專案辦公室' if d.route == Route.MULTI else '鄉（鎮市區）公所 → 縣（市）政府 → 國發會'}）"),
        ("協助工作站", d.workstation_name or "—"),
        ("輔導單位", center + (f"　輔導員 {d.counselor_name}" if d.counselor_name else "")),
    ]
    if d.plan_title:
        rows.append(("所屬地方創生計畫", d.plan_title))
    if contacts:
        rows.append(("聯絡人", contacts))
    rows += [
        ("申請補助合計", f"新臺幣 {ntd(summary.requested_total)} 元"),
        ("總經費", f"新臺幣 {ntd(summary.project_total)} 元（含自籌款 {ntd(summary.self_funding)} 元、"
                   f"配合款 {ntd(summary.matching_funds)} 元）"),
        ("目前階段", Stage.label_of(d.stage)),
    ]
    label_style = _style("cover_label", fontName=FONT_BOLD, fontSize=10.5, leading=15, textColor=ACCENT)
    value_style = _style("cover_value", fontSize=10.5, leading=15)
    table = Table([[Paragraph(escape(k), label_style), Paragraph(escape(v or "—"), value_style)] for k, v in rows],
                  colWidths=[38 * mm, WIDTH - 38 * mm - 20 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 10),  # reportlab's default cell font (Helvetica) would be listed unembedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    out += [table, Spacer(1, 24 * mm),
            Paragraph(escape(roc_date_long(today)), _style("cover_date", fontSize=13, leading=18, alignment=1)),
            Spacer(1, 2 * mm),
            Paragraph(escape(f"{center}　協助製作"), _style("cover_by", fontSize=10, leading=14,
                                                                     alignment=1, textColor=colors.HexColor("#555555"))),
            PageBreak()]
    return out


# --- sections, funding, scores -------------------------------------------------------------------
def _section_body(text: str) -> list:
    if not text.strip():
        return [Paragraph("（尚未填寫）", _style("empty", textColor=colors.HexColor("#9a9a9a")))]
    body = _style("section_body", fontSize=10.5, leading=17, spaceAfter=2.5 * mm, firstLineIndent=0)
    return [Paragraph(escape(para.strip()), body) for para in text.split("\n") if para.strip()]


def _funding_tables(summary: funding_mod.FundingSummary) -> list:
    if not summary.items:
        return [Paragraph("尚未填寫經費需求。", styles()["body"])]
    years = summary.years
    name_w = WIDTH - (len(years) + 2) * 24 * mm
    head = [_p("工作項目（主辦機關）", "cell_bold")] + [_head_num(f"{y} 年") for y in years] + \
        [_head_num("合計"), _head_num("占比")]
    data = [head]
    agency = _style("agency", fontSize=8, leading=11, textColor=colors.HexColor("#5a6670"))
    for item in summary.items:
        data.append([[_p(item.name), Paragraph(escape(item.agency), agency)]]
                    + [_num(ntd(item.by_year[y])) for y in years] + [_num(ntd(item.total)), _num(percent(item.share))])
    data.append([_p("申請補助合計", "cell_bold")] + [_num(ntd(summary.year_totals[y]), True) for y in years]
                + [_num(ntd(summary.requested_total), True), _num(percent(1.0 if summary.requested_total else 0), True)])
    data.append([_p("各年度占比")] + [_num(percent(summary.year_shares[y])) for y in years] + [_num(""), _num("")])
    t1 = Table(data, colWidths=[name_w] + [24 * mm] * (len(years) + 2), repeatRows=1)
    t1.setStyle(_grid_style(total_rows=2))
    sources = [[_p("經費來源", "cell_bold"), _head_num("金額（元）"), _head_num("占總經費")]]
    for name, amount in (("申請補助（表 1 各部會工作項目）", summary.requested_total),
                         ("自籌款", summary.self_funding), ("縣市政府配合款", summary.matching_funds)):
        sources.append([_p(name), _num(ntd(amount)), _num(percent(summary.share_of_project(amount)))])
    sources.append([_p("總經費", "cell_bold"), _num(ntd(summary.project_total), True),
                    _num(percent(1.0 if summary.project_total else 0), True)])
    t2 = Table(sources, colWidths=[WIDTH - 2 * 32 * mm, 32 * mm, 32 * mm])
    t2.setStyle(_grid_style(total_rows=1))
    caption = _style("caption", fontName=FONT_BOLD, fontSize=10, leading=14, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
    note = _style("note", fontSize=8.5, leading=12, textColor=colors.HexColor("#555555"), alignment=2)
    return [KeepTogether([Paragraph("表一　經費需求（依表 1 工作項目及年度）", caption),
                          Paragraph("單位：新臺幣元", note), t1]),
            KeepTogether([Paragraph("表二　經費來源", caption), t2])]


def _scores_table(d: ProposalDetail) -> list:
    data = [[_p("評分項目", "cell_bold"), _p("分數", "cell_bold"), _p("評語", "cell_bold")]]
    for c in Criterion:
        s = d.scores.get(c.value)
        dots = ("●" * s.score + "○" * (5 - s.score) + f"　{s.score} / 5") if s else "未評分"
        data.append([_p(c.zh), _p(dots), _p(s.comment if s else "")])
    t = Table(data, colWidths=[30 * mm, 40 * mm, WIDTH - 70 * mm])
    t.setStyle(_grid_style())
    return [t]


def _sign_off() -> list:
    """Boxes for the seal and signatures the county government expects on a filed copy."""
    heads = ["申請單位（用印）", "負責人（簽章）", "分區輔導中心（輔導員）"]
    t = Table([[_p(h, "cell_bold") for h in heads], ["", "", ""]], colWidths=[WIDTH / 3] * 3,
              rowHeights=[None, 30 * mm])
    t.setStyle(_grid_style())
    return [Spacer(1, 10 * mm), KeepTogether([t])]


def build_story(d: ProposalDetail, summary: funding_mod.FundingSummary, today: date) -> list:
    st = styles()
    story = _cover(d, summary, today)
    for n, key in enumerate(SectionKey):
        story += [CondPageBreak(40 * mm), Paragraph(escape(f"{NUMERALS[n]}、{key.zh}"), st["h1"])]
        story += _section_body(d.sections.get(key.value, ""))
        if key == SectionKey.BUDGET:
            story += _funding_tables(summary)
    story += [CondPageBreak(60 * mm), Paragraph(escape(f"{NUMERALS[len(SectionKey)]}、分區輔導中心評分"), st["h1"]),
              Paragraph("在地性、公共性與適當商業模式三項，各以 1 至 5 分評量。", st["small"]), Spacer(1, 2 * mm)]
    story += _scores_table(d)
    story += _sign_off()
    return story


def write_pdf(d: ProposalDetail, summary: funding_mod.FundingSummary, path: Path | str, *,
              today: date | None = None) -> Path:
    """Write the document to ``path`` atomically (temp file in the same folder, then ``os.replace``)."""
    target = Path(path)
    today = today or date.today()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent)
    os.close(fd)
    try:
        doc = SimpleDocTemplate(tmp_name, pagesize=PAGE_SIZE, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=d.title,
                                author=d.organization_name, subject="地方創生事業提案書", creator="counsel_desk",
                                # reportlab would start each page in Helvetica: a font left unembedded
                                initialFontName=FONT, initialFontSize=10)
        # The footer's left text must stop before the centred page number.
        footer_title = d.title if len(d.title) <= 20 else d.title[:19] + "…"
        doc.build(build_story(d, summary, today),
                  canvasmaker=numbered_canvas(footer_title, f"列印日期 {roc_date(today)}"))
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def export_proposal_pdf(svc: ServiceContext, proposal_id: str, path: Path | str, *,
                        today: date | None = None) -> Path:
    """Read the proposal and write its PDF; returns the path written."""
    detail = get_proposal(svc, proposal_id)
    summary = funding_mod.proposal_summary(svc, proposal_id)
    return write_pdf(detail, summary, path, today=today)
