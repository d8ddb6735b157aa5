<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="83"/>
        <source>e.g. 2026-11-26</source>
        <translation>例如 115/11/26</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="88"/>
        <source>Pick the date from a calendar (Alt+Down)</source>
        <translation>從月曆選日期（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>IndigenousCombo</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="15"/>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="16"/>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="23"/>
        <source>Indigenous areas</source>
        <translation>原住民族地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="16"/>
        <source>All areas</source>
        <translation>全部地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="17"/>
        <source>Mountain indigenous</source>
        <translation>山地原住民族</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="17"/>
        <source>Plains indigenous</source>
        <translation>平地原住民族</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="18"/>
        <source>Not indigenous areas</source>
        <translation>非原住民族地區</translation>
    </message>
</context>
<context>
    <name>YearBox</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/year_box.py" line="17"/>
        <source>ROC year </source>
        <translation>民國 </translation>
    </message>
</context>
</TS>
