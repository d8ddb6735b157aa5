<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="83" />
        <source>e.g. 2026-11-26</source>
        <translation>例如 115/11/26</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="88" />
        <source>Pick the date from a calendar (Alt+Down)</source>
        <translation>從月曆選日期（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>YearBox</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/year_box.py" line="17" />
        <source>ROC year </source>
        <translation>民國 </translation>
    </message>
</context>
</TS>