<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="46"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="46"/>
        <source>Figure</source>
        <translation>數值</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="46"/>
        <source>Unit</source>
        <translation>單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="57"/>
        <source>%1 (yearly target %2)</source>
        <translation>%1（年度目標 %2）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="58"/>
        <source>(%1 of target)</source>
        <translation>（%1）</translation>
    </message>
</context>
<context>
    <name>NarrativeEditor</name>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="30"/>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="90"/>
        <source>This month&apos;s main work</source>
        <translation>本月工作重點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="31"/>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="90"/>
        <source>Next month&apos;s main work</source>
        <translation>下月工作重點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="32"/>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="91"/>
        <source>Help needed</source>
        <translation>待協助事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="38"/>
        <source>Save notes</source>
        <translation>儲存工作重點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="59"/>
        <source>Printed in the report and kept with it when it is marked as sent.</source>
        <translation>會印在報表中，標記為已送出時一併保存。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="60"/>
        <source>Choose one center to write its notes.</source>
        <translation>請選擇一個分區中心以填寫工作重點。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="76"/>
        <source>Not saved: someone else changed these notes meanwhile.</source>
        <translation>尚未儲存：這段期間已有他人修改這些工作重點。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/narrative_editor.py" line="84"/>
        <source>Notes saved; make the report again to print them.</source>
        <translation>已儲存工作重點；請重新產生報表以印出。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="36"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="36"/>
        <source>Quarter</source>
        <translation>季</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="36"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="37"/>
        <source>From – to</source>
        <translation>自訂期間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="45"/>
        <source>Q%1</source>
        <translation>第 %1 季</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="54"/>
        <source>All centers</source>
        <translation>全部分區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="62"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="65"/>
        <source>Center</source>
        <translation>分區中心</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="65"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="78"/>
        <source>January</source>
        <translation>1 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="78"/>
        <source>February</source>
        <translation>2 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="78"/>
        <source>March</source>
        <translation>3 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="78"/>
        <source>April</source>
        <translation>4 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="78"/>
        <source>May</source>
        <translation>5 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="79"/>
        <source>June</source>
        <translation>6 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="79"/>
        <source>July</source>
        <translation>7 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="79"/>
        <source>August</source>
        <translation>8 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="79"/>
        <source>September</source>
        <translation>9 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="79"/>
        <source>October</source>
        <translation>10 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="80"/>
        <source>November</source>
        <translation>11 月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/period_picker.py" line="80"/>
        <source>December</source>
        <translation>12 月</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="56"/>
        <source>Reason for revision %1</source>
        <translation>第 %1 版的修正原因</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="57"/>
        <source>Why is this revision issued? The reason and the changed figures are printed in the revision&apos;s notes.</source>
        <translation>為什麼發出這一版？修正原因與變動的數字會印在這一版的修正說明中。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="103"/>
        <source>Make Excel and PDF</source>
        <translation>產生 Excel 與 PDF</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="106"/>
        <source>Open Excel</source>
        <translation>開啟 Excel</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="107"/>
        <source>Open PDF</source>
        <translation>開啟 PDF</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="108"/>
        <source>Save as…</source>
        <translation>另存新檔…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="109"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="110"/>
        <location filename="../../counsel_desk/ui/reports/page.py" line="330"/>
        <source>Mark as sent</source>
        <translation>標記為已送出</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="117"/>
        <source>Appendices in the PDF</source>
        <translation>PDF 含附錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="118"/>
        <source>List every visit and overdue follow-up in the PDF too (hundreds of pages in a busy month). The Excel workbook always lists them.</source>
        <translation>PDF 也列出每一筆訪視紀錄與逾期追蹤事項（事多的月份可達數百頁）。Excel 檔一律列出全部。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="133"/>
        <source>Open sent PDF</source>
        <translation>開啟已送出的 PDF</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="134"/>
        <source>Open sent Excel</source>
        <translation>開啟已送出的 Excel</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="149"/>
        <source>Figures</source>
        <translation>報表數字</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="150"/>
        <source>Manager&apos;s notes</source>
        <translation>工作重點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="151"/>
        <source>Sent revisions</source>
        <translation>已送出版本</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="152"/>
        <source>Yearly targets</source>
        <translation>年度績效指標</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="211"/>
        <source>Counting…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="229"/>
        <source>%1 %2: %3 visits.</source>
        <translation>%1 %2：訪視 %3 次。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="229"/>
        <source>%1 %2: %3 visit.</source>
        <translation>%1 %2：訪視 %3 次。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="232"/>
        <source>The period has not ended: the report is provisional and cannot be sent yet.</source>
        <translation>報告期間尚未結束：報表為期中暫定，尚不能送出。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="246"/>
        <source>Issue revision %1</source>
        <translation>發出第 %1 版</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="262"/>
        <source>Excel and PDF ready (revision %1 when sent).</source>
        <translation>Excel 與 PDF 已產生（送出時為第 %1 版）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="272"/>
        <source>Making the report…</source>
        <translation>正在產生報表…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="299"/>
        <source>Save the report</source>
        <translation>儲存報表</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="300"/>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF 檔 (*.pdf);;Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="311"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="318"/>
        <source>Sent to the printer.</source>
        <translation>已送至印表機。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="327"/>
        <source>Mark the %1 report of %2 as sent to the project office (revision %3)? The figures and both files are kept exactly as they are now.</source>
        <translation>將%1 %2的報表標記為已送專案辦公室（第 %3 版）？報表數字與兩個檔案將依目前內容原樣保存。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="340"/>
        <source>Issue revision</source>
        <translation>發出修訂版</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="352"/>
        <source>Revision %1 marked as sent.</source>
        <translation>第 %1 版已標記為已送出。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/page.py" line="338"/>
        <source>Issue revision %1 from the current data? Revision %2 stays as it was sent.</source>
        <translation>依目前資料發出第 %1 版？第 %2 版仍維持送出時的內容。</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="70"/>
        <source>Revision</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="70"/>
        <source>Sent on</source>
        <translation>送出時間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="70"/>
        <source>Sent by</source>
        <translation>送出者</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="70"/>
        <source>Excel SHA-256</source>
        <translation>Excel 雜湊值 (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/models.py" line="71"/>
        <source>PDF SHA-256</source>
        <translation>PDF 雜湊值 (SHA-256)</translation>
    </message>
</context>
<context>
    <name>TargetsEditor</name>
    <message>
        <location filename="../../counsel_desk/ui/reports/targets_editor.py" line="45"/>
        <source>Save targets</source>
        <translation>儲存績效指標</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/targets_editor.py" line="48"/>
        <source>Targets for</source>
        <translation>績效指標年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/targets_editor.py" line="74"/>
        <source>Choose one center to enter its targets.</source>
        <translation>請選擇單一分區中心以輸入其績效指標。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/targets_editor.py" line="81"/>
        <source>The project office judges the center against these figures, year to date.</source>
        <translation>專案辦公室依這些數字評核中心的年度累計績效。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/targets_editor.py" line="99"/>
        <source>Not saved: someone else changed these targets meanwhile.</source>
        <translation>尚未儲存：這段期間已有他人修改這些目標值。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/reports/targets_editor.py" line="102"/>
        <source>Saved: %1 targets changed.</source>
        <translation>已儲存：%1 項指標有變更。</translation>
    </message>
</context>
</TS>
