<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="97"/>
        <source>Visits this month</source>
        <translation>本月訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="98"/>
        <source>Follow-ups due this week</source>
        <translation>本週到期追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="99"/>
        <source>Overdue follow-ups</source>
        <translation>逾期追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="100"/>
        <source>Proposals under way</source>
        <translation>輔導中提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="107"/>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="331"/>
        <source>Visits by township</source>
        <translation>鄉鎮市區訪視分布</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="109"/>
        <source>Map period</source>
        <translation>地圖期間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="110"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="110"/>
        <source>Last 3 months</source>
        <translation>近 3 個月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="110"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="111"/>
        <source>Last 12 months</source>
        <translation>近 12 個月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="118"/>
        <source>Shade the map by</source>
        <translation>地圖著色依據</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="119"/>
        <source>Shade: visits</source>
        <translation>著色：訪視次數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="120"/>
        <source>Shade: stocktaking status</source>
        <translation>著色：盤點狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="133"/>
        <source>Visits per month, last 12 months</source>
        <translation>近 12 個月每月訪視次數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="137"/>
        <source>This month&apos;s visits by county</source>
        <translation>本月各縣市訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="142"/>
        <source>Proposals by stage</source>
        <translation>各階段提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="147"/>
        <source>Yearly targets</source>
        <translation>年度績效指標</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="327"/>
        <source>Townships by stocktaking status</source>
        <translation>各鄉鎮盤點狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="328"/>
        <source>Click a township to see its history.</source>
        <translation>點選鄉鎮可看其盤點歷程。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="241"/>
        <source>The figures could not be loaded: %1</source>
        <translation>無法載入統計數字：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="270"/>
        <source>%1 · updated %2</source>
        <translation>%1・%2 更新</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="277"/>
        <source>visits</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="274"/>
        <source>items</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="194"/>
        <source>Dashboard — %1</source>
        <translation>總覽 — %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="274"/>
        <source>item</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="276"/>
        <source>visit</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="277"/>
        <source>last month: %1 visit</source>
        <translation>上月 %1 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="278"/>
        <source>last month: %1 visits</source>
        <translation>上月 %1 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="281"/>
        <source>until Sunday %1</source>
        <translation>至 %1（週日）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="286"/>
        <source>%1 approved</source>
        <translation>已通過 %1 件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="297"/>
        <source>Yearly targets %1, year to date</source>
        <translation>%1績效指標達成（年初至今）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="316"/>
        <source>%3 visits; %4 of %5 townships visited, %6 not visited (%1 – %2)</source>
        <translation>共 %3 次訪視；%4／%5 個鄉鎮市區有訪視、%6 個無訪視（%1－%2）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="282"/>
        <source>open or in progress, past due</source>
        <translation>待辦或處理中，已過期限</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="126"/>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="332"/>
        <source>Click a township to list its visits.</source>
        <translation>點選鄉鎮可列出訪視紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/page.py" line="289"/>
        <source>Visits per month, %1 – %2</source>
        <translation>每月訪視次數（%1－%2）</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="19"/>
        <source>Getting started</source>
        <translation>從這裡開始</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="21"/>
        <source>This database is still empty. Three steps to begin:</source>
        <translation>這個資料庫還是空的。三個步驟開始：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="23"/>
        <source>1. Check the counselor roster…</source>
        <translation>1. 確認輔導員名單…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="25"/>
        <source>You are on it already; add your colleagues so you can tick them on visits.</source>
        <translation>您已在名單上；把同事加進來，訪視時就能勾選他們。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="26"/>
        <source>2. Record your first visit (Ctrl+N)</source>
        <translation>2. 記下第一筆訪視（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="28"/>
        <source>Date, place, who went and what was found; follow-ups are owned by you unless you choose someone else.</source>
        <translation>日期、地點、誰去了、看到什麼；追蹤事項預設由您負責，也可以指定其他人。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="30"/>
        <source>3. Or look around in the demo…</source>
        <translation>3. 或先看看示範資料…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/getting_started.py" line="32"/>
        <source>Invented data, clearly marked; your own database is not touched.</source>
        <translation>虛構的資料，畫面上清楚標示；不會動到您自己的資料庫。</translation>
    </message>
</context>
<context>
    <name>MonthlyVisitsChart</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/chart.py" line="57"/>
        <source>Visits</source>
        <translation>訪視次數</translation>
    </message>
</context>
<context>
    <name>ProposalStages</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="38"/>
        <source>%1 items</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="38"/>
        <source>%1 item</source>
        <translation>%1 件</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="75"/>
        <source>target %1</source>
        <translation>目標 %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="79"/>
        <source>%1 (no target)</source>
        <translation>%1（未訂目標）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="83"/>
        <source>%1 / %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="91"/>
        <source>No yearly targets have been entered for this year.</source>
        <translation>今年尚未輸入年度績效指標。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="93"/>
        <source>Actuals to date are not available in this version yet; the targets alone are shown.</source>
        <translation>此版本尚無法計算年初至今的實績，僅列出目標值。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="96"/>
        <source>Tick: where a steady pace would be today (%1% of the year); amber: more than %2 points behind it</source>
        <translation>刻度線＝今天應有的進度（全年的 %1%）；琥珀色＝落後超過 %2 個百分點</translation>
    </message>
</context>
<context>
    <name>TownshipMap</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/map_widget.py" line="143"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/map_widget.py" line="145"/>
        <source>%1: %2 visits</source>
        <translation>%1：%2 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/map_widget.py" line="145"/>
        <source>%1: %2 visit</source>
        <translation>%1：%2 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/map_widget.py" line="295"/>
        <source>no visits</source>
        <translation>無訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/map_widget.py" line="309"/>
        <source>%1 visits</source>
        <translation>%1 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/map_widget.py" line="309"/>
        <source>%1 visit</source>
        <translation>%1 次</translation>
    </message>
</context>
<context>
    <name>VisitsByCounty</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="30"/>
        <source>%1 visits</source>
        <translation>%1 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="30"/>
        <source>%1 visit</source>
        <translation>%1 次</translation>
    </message>
</context>
<context>
    <name>ZeroTownships</name>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="113"/>
        <source>Every township was visited in this period.</source>
        <translation>本期間每個鄉鎮市區都有訪視。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/dashboard/panels.py" line="116"/>
        <source>Not visited: %1</source>
        <translation>無訪視：%1</translation>
    </message>
</context>
</TS>
