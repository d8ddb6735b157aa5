"""The names save dialogs offer: 民國 and Chinese words in Chinese, lower-case Western in English."""

from datetime import date

from counsel_desk import i18n
from counsel_desk.services.file_names import dated_file, joined, report_file
from counsel_desk.services.formatting import compact_ntd, shown_date
from counsel_desk.services.period import Period


def test_report_file_names_in_each_language():
    month = Period.month(2026, 11)
    assert report_file("north", month, None, ".pdf") == "北區輔導中心_月報_115年11月.pdf"
    assert report_file("east", Period.quarter(2026, 4), 2, ".xlsx") == "東區輔導中心_季報_115年第4季_第2版.xlsx"
    assert report_file(None, Period.year(2026), None, ".pdf") == "全部分區_年度報告_115年.pdf"
    i18n.set_language("en")
    assert report_file("north", month, None, ".pdf") == "north-center_monthly-report_2026-11.pdf"
    assert report_file("east", Period.quarter(2026, 4), 2, ".xlsx") == "east-center_quarterly-report_2026-Q4_rev-2.xlsx"
    assert report_file(None, Period.year(2026), None, ".pdf") == "all-centers_annual-report_2026.pdf"


def test_dated_and_joined_names_are_safe_on_every_file_system():
    day = date(2026, 11, 26)
    assert dated_file("稽核紀錄", "audit-log", day, ".csv") == "稽核紀錄_115-11-26.csv"
    assert dated_file("交換檔", "interchange", day, ".xlsx", center="south") == "南區輔導中心_交換檔_115-11-26.xlsx"
    assert joined(["提案", 'A/B: "河岸"?'], ["proposal", "x"], ".pdf") == "提案_A-B-河岸.pdf"
    i18n.set_language("en")
    assert dated_file("訪視紀錄", "Site visits", day, ".csv") == "site-visits_2026-11-26.csv"
    assert dated_file("交換檔", "interchange", day, ".xlsx", center="south") == "south-center_interchange_2026-11-26.xlsx"


def test_dates_and_compact_sums_follow_the_language():
    assert shown_date(date(2026, 11, 26)) == "115/11/26"
    assert compact_ntd(16_000_000) == "1,600 萬元"
    assert compact_ntd(125_000_000) == "1.25 億元"
    assert compact_ntd(8_500) == "8,500 元"
    i18n.set_language("en")
    assert shown_date(date(2026, 11, 26)) == "2026-11-26"
    assert compact_ntd(16_000_000) == "NT$16.0 M"
    assert compact_ntd(1_250_000_000) == "NT$1.25 B"
    assert compact_ntd(350_000) == "NT$350 K"
    assert compact_ntd(999) == "NT$999"


def test_name_lists_and_hours_read_the_same_everywhere():
    from counsel_desk.services.formatting import NAME_SEPARATOR, hours_text, listed

    assert listed(NAME_SEPARATOR.join(["林怡君", "高明哲"])) == "林怡君、高明哲"
    assert listed(None) == "" and listed("") == ""
    assert hours_text(6) == "6.0" and hours_text(1194.5) == "1,194.5"
    i18n.set_language("en")
    assert listed(["Lin", "Kao"]) == "Lin, Kao"
