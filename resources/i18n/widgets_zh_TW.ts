<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="83"/>
        <source>e.g. 115/11/26</source>
        <translation>例如 115/11/26</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="88"/>
        <source>Pick the date from a calendar (Alt+Down)</source>
        <translation>從月曆選日期（Alt+↓）</translation>
    </message>
</context>
</TS>
